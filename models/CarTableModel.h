#pragma once

#include "PagedTableModel.h"
#include "domain/CarRow.h"
#include "services/CarQuery.h"

// The Fleet table over any number of cars (PagedTableModel). Sorting and filtering happen in SQL
// (setQuery / sort, CarQuery).
class CarTableModel : public KeysetTableModel<CarRow, CarQuery>
{
    Q_OBJECT

public:
    static constexpr int MaxCachedPages = 40; // 4,000 rows

    enum CarRole {
        SortValueRole = FirstOwnRole, // the raw value (numbers as numbers), for tests and delegates
    };

    explicit CarTableModel(DatabaseThread *database, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const CarFilter &filter);
    void setCurrency(const QString &isoCode);

    static QString columnLabel(CarColumn column);
    // The table's header: a shorter word where the full label would make the column wider than its values
    // ("Year" for "Model year"), so the columns a dealer reads first fit beside the car panel.
    static QString headerLabel(CarColumn column);
    // A field of a car as people read it (labels for keys, units, QLocale numbers, dates and money);
    // shared by the table, the detail panel and the comparison.
    static QString displayText(const CarRow &row, CarColumn column, const QString &currency);

private:
    QVariant loadedData(const QModelIndex &index, int role) const override;
    static QVariant rawValue(const CarRow &row, CarColumn column);

    QString m_currency = QStringLiteral("EUR");
};
