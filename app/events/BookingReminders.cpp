#include "BookingReminders.h"

#include "services/BookingService.h"
#include "services/NotificationService.h"

#include <QLocale>

void BookingReminders::handle(pqxx::transaction_base &transaction, const OutboxEvent &event)
{
    const bool pickup = event.topic == QLatin1String("booking.pickup_reminder");
    const qint64 id = event.payload.value(QStringLiteral("id")).toInteger();
    const QDateTime at = QDateTime::fromString(event.payload.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    if (id <= 0 || !at.isValid())
        return;
    const std::optional<BookingReminder> reminder = BookingService::reminder(transaction, id, pickup, at);
    if (!reminder)
        return; // moved, cancelled, handed over or returned: nothing to remind
    const QString time = QLocale().toString(at.toLocalTime(), QStringLiteral("ddd d MMM HH:mm"));
    NewNotification notification;
    notification.recipient = reminder->recipient;
    notification.title = pickup ? tr("Pick-up at %1: car #%2").arg(time, reminder->stockNumber)
                                : tr("Return due at %1: car #%2").arg(time, reminder->stockNumber);
    notification.body = tr("%1, %2, booking #%3").arg(reminder->customer, reminder->car).arg(id);
    if (!reminder->phone.isEmpty())
        notification.body += tr(" (phone %1)").arg(reminder->phone);
    notification.about = NewNotification::About::Booking;
    notification.aboutId = id;
    notification.carId = reminder->carId;
    notification.sourceEvent = event.id;
    NotificationService::add(transaction, notification);
}
