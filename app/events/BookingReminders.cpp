#include "BookingReminders.h"

#include "FilterAlerts.h"
#include "Outbox.h"

#include <QLocale>

#include <pqxx/pqxx>

void BookingReminders::handle(pqxx::transaction_base &transaction, const OutboxEvent &event)
{
    const bool pickup = event.topic == QLatin1String("booking.pickup_reminder");
    const qint64 id = event.payload.value(QStringLiteral("id")).toInteger();
    const QDateTime at = QDateTime::fromString(event.payload.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    if (id <= 0 || !at.isValid())
        return;
    const pqxx::result booking = transaction.exec_params(
        "SELECT b.created_by, b.car_id, c.stock_number, c.make || ' ' || c.model, u.full_name, u.phone "
        "FROM bookings b JOIN cars c ON c.id = b.car_id JOIN customers u ON u.id = b.customer_id "
        "WHERE b.id = $1 AND b.status = $2 AND (CASE WHEN $3 THEN b.pickup_at ELSE b.return_at END) = "
        "  to_timestamp($4 / 1000.0)",
        id, pickup ? "reserved" : "active", pickup, at.toMSecsSinceEpoch());
    if (booking.empty())
        return; // moved, cancelled, handed over or returned: nothing to remind
    const pqxx::row row = booking[0];
    const QString recipient = QString::fromStdString(row[0].as<std::string>());
    const QString time = QLocale().toString(at.toLocalTime(), QStringLiteral("ddd d MMM HH:mm"));
    const QString stock = QString::fromStdString(row[2].as<std::string>());
    const QString title =
        pickup ? tr("Pick-up at %1: car #%2").arg(time, stock) : tr("Return due at %1: car #%2").arg(time, stock);
    QString body =
        tr("%1, %2, booking #%3")
            .arg(QString::fromStdString(row[4].as<std::string>()), QString::fromStdString(row[3].as<std::string>()))
            .arg(id);
    if (!row[5].as<std::string>().empty())
        body += tr(" (phone %1)").arg(QString::fromStdString(row[5].as<std::string>()));
    const pqxx::result added = transaction.exec_params(
        "INSERT INTO notifications (recipient, title, body, car_id, booking_id, source_event) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (source_event) WHERE booking_id IS NOT NULL DO NOTHING",
        recipient.toStdString(), title.toStdString(), body.toStdString(), row[1].as<qint64>(), id, event.id);
    if (added.affected_rows() > 0)
        Outbox::wake(transaction, FilterAlerts::changeKey(recipient));
}
