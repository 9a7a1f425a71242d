#pragma once

#include "domain/DashboardFigures.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <optional>

// How a dashboard's number is written for people: money through Money in the database's currency, shares
// as percentages, counts and averages with the locale's grouping. One place, so that a tile, a chart's
// tooltip, the table and the PDF all read the same.
class DashboardFormat
{
    Q_DECLARE_TR_FUNCTIONS(DashboardFormat)

public:
    explicit DashboardFormat(QString currency = QStringLiteral("EUR"), QLocale locale = QLocale());

    QString text(const DashboardPoint &point, const QString &figure) const;
    // The exact value for a tooltip: money to the cent, shares with two decimals of a percent.
    QString exact(const DashboardPoint &point, const QString &figure) const;
    // Whether `figure` (a tile or series name) is a share between 0 and 1.
    static bool isShare(const QString &figure);
    const QString &currency() const { return m_currency; }
    // A series' key as people read it: a body type's or fuel's label, a booking status, a month ("Mar 26");
    // other keys (makes, days, buckets) as they are.
    static QString keyLabel(const QString &series, const QString &key);

private:
    QString written(const DashboardPoint &point, const QString &figure, bool exact) const;

    QString m_currency;
    QLocale m_locale;
};

// The figures of one dashboard as a table: a row per tile, then a row per point of each series. The
// accessible alternative to the charts (Qt Charts 6.4 has no accessibility) and what "Export data as CSV"
// writes. Column Value shows the text; Qt::UserRole holds the exact number (currency units for money).
class DashboardFiguresModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FigureColumn, KeyColumn, ValueColumn, PreviousColumn, ColumnCount };
    // The tile or series name ("in_stock", "by_make") of a row, for code and tests.
    static constexpr int NameRole = Qt::UserRole + 1;
    // A series point's key as the service gives it ("suv"; empty for a tile), where the column shows its label.
    static constexpr int KeyRole = Qt::UserRole + 2;

    explicit DashboardFiguresModel(QObject *parent = nullptr);

    // `labels`: a tile's or series' name as people read it (the name itself when missing). `previous`:
    // the same figures for the previous period, shown in column Previous (tiles only) when set.
    void setFigures(const DashboardFigures &figures, const std::optional<DashboardFigures> &previous,
                    const DashboardFormat &format, const QHash<QString, QString> &labels);
    const DashboardFigures &figures() const { return m_figures; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name; // the tile's or series' name
        DashboardPoint point;
        bool tile = false;
        std::optional<DashboardPoint> previous;
    };
    DashboardFigures m_figures;
    DashboardFormat m_format;
    QHash<QString, QString> m_labels;
    QList<Row> m_rows;
    bool m_comparing = false;
};
