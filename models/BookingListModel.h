#pragma once

#include "services/BookingService.h"

#include <QAbstractTableModel>
#include <QTimeZone>

// The bookings of the Bookings list, as one query returned them (a period's worth: thousands, not
// millions). Overdue rentals are shown in red with the status "Overdue". Sort with a proxy on
// Qt::UserRole, which gives the raw values (times, cents).
class BookingListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Pickup, Return, Car, Customer, Status, Branch, Total, Balance, ColumnCount };
    Q_ENUM(Column)

    explicit BookingListModel(QObject *parent = nullptr);

    void setBookings(const QList<BookingRow> &bookings);
    const QList<BookingRow> &bookings() const { return m_bookings; }
    const BookingRow &booking(int row) const { return m_bookings.at(row); }
    void setTimeZone(const QTimeZone &zone);
    // The database's ISO 4217 code, in which the amounts are (FleetVocabulary::currency).
    void setCurrency(const QString &isoCode);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BookingRow> m_bookings;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QString m_currency = QStringLiteral("EUR");
};
