#include "NotificationService.h"

#include "db/Database.h"
#include "db/Fields.h"
#include "outbox/Outbox.h"

#include <pqxx/pqxx>

bool NotificationService::add(pqxx::transaction_base &transaction, const NewNotification &notification)
{
    // The column of the subject, and the unique index that makes a second delivery of the event write nothing
    // (migrations 0007, 0011, 0012).
    const auto subject = [&](NewNotification::About about) {
        return notification.about == about ? std::optional(notification.aboutId) : std::nullopt;
    };
    std::string conflict;
    switch (notification.about) {
    case NewNotification::About::SavedFilter:
        conflict = "(source_event, saved_filter_id)";
        break;
    case NewNotification::About::Booking:
        conflict = "(source_event) WHERE booking_id IS NOT NULL";
        break;
    case NewNotification::About::VinRequest:
        conflict = "(source_event) WHERE vin_request_id IS NOT NULL";
        break;
    }
    const pqxx::result added = transaction.exec_params(
        "INSERT INTO notifications (recipient, title, body, car_id, saved_filter_id, booking_id, vin_request_id, "
        "source_event) VALUES ($1, $2, $3, nullif($4::bigint, 0), $5, $6, $7, $8) ON CONFLICT " +
            conflict + " DO NOTHING",
        notification.recipient.toStdString(), notification.title.toStdString(), notification.body.toStdString(),
        notification.carId, subject(NewNotification::About::SavedFilter), subject(NewNotification::About::Booking),
        subject(NewNotification::About::VinRequest), notification.sourceEvent);
    if (added.affected_rows() == 0)
        return false;
    Outbox::wake(transaction, changeKey(notification.recipient));
    return true;
}

Result<QList<Notification>> NotificationService::list(Database &database, int limit)
{
    return database.guard([limit](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        QList<Notification> list;
        for (const pqxx::row &row : work.exec_params(
                 "SELECT id, (extract(epoch FROM created_at) * 1000)::bigint, title, body, "
                 "coalesce(car_id, 0), coalesce(booking_id, 0), read_at IS NOT NULL, coalesce(vin_request_id, 0) "
                 "FROM notifications "
                 "WHERE recipient = current_user ORDER BY id DESC LIMIT $1",
                 limit)) {
            list.append({row[0].as<qint64>(), localTimeOf(row[1]), textOf(row[2]), textOf(row[3]), row[4].as<qint64>(),
                         row[5].as<qint64>(), row[6].as<bool>(), row[7].as<qint64>()});
        }
        return list;
    });
}

Result<void> NotificationService::markAllRead(Database &database)
{
    return database.guard([](pqxx::connection &connection) {
        pqxx::work work(connection);
        work.exec("UPDATE notifications SET read_at = now() WHERE recipient = current_user AND read_at IS NULL");
        work.commit();
    });
}
