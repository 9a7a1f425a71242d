#pragma once

#include "PagedTableModel.h"
#include "services/BookingQuery.h"

#include <QTimeZone>

// The Bookings list (PagedTableModel): every booking that passes the filter, however many, sorted and
// filtered in SQL (BookingService::page). Overdue rentals are shown in red with the status "Overdue".
class BookingListModel : public KeysetTableModel<BookingRow, BookingQuery>
{
    Q_OBJECT

public:
    static constexpr int MaxCachedPages = 40;

    enum Column { Id, Pickup, Return, Car, Customer, Status, Branch, Total, Balance, ColumnCount };
    Q_ENUM(Column)

    explicit BookingListModel(DatabaseThread *database, QObject *parent = nullptr);

    void setFilter(const BookingFilter &filter);
    void setTimeZone(const QTimeZone &zone);
    // The database's ISO 4217 code, in which the amounts are (FleetVocabulary::currency).
    void setCurrency(const QString &isoCode);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QVariant loadedData(const QModelIndex &index, int role) const override;

    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QString m_currency = QStringLiteral("EUR");
};
