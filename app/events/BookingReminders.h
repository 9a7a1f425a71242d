#pragma once

#include "outbox/EventQueue.h"

#include <QCoreApplication>

// Pick-up and return reminders (booking.pickup_reminder, booking.return_reminder, scheduled an hour
// ahead by BookingService): a notification to whoever made the booking, unless the booking has moved,
// been cancelled or already been handed over since.
class BookingReminders
{
    Q_DECLARE_TR_FUNCTIONS(BookingReminders)

public:
    static void handle(pqxx::transaction_base &transaction, const OutboxEvent &event);
};
