#pragma once

#include <QDateTime>
#include <QString>

// A booking as the lists and the timeline show it. Money in cents.
struct BookingRow
{
    qint64 id = 0;
    qint64 carId = 0;
    QString stockNumber;
    QString car; // "Toyota Corolla"
    qint64 customerId = 0;
    QString customer;
    QDateTime pickup;
    QDateTime returned;
    QString status; // reserved, active, completed, cancelled, no_show
    QString pickupBranch;
    qint64 totalCents = 0;
    qint64 balanceCents = 0; // owed by the customer; negative: in credit
    qint64 depositHeldCents = 0;
    bool overdue = false; // active and past its return time

    bool operator==(const BookingRow &other) const = default;
};
