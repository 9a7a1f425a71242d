#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// Which bookings a list shows: every condition is optional. A period keeps the bookings that meet it.
struct BookingFilter
{
    QDateTime from;
    QDateTime to;
    QStringList statuses;
    qint64 customerId = 0;
    qint64 carId = 0;
    QString location; // branch code of the pick-up
    QString text;     // in the customer's name, the stock number, make or model
    bool overdueOnly = false;

    bool operator==(const BookingFilter &other) const = default;
};
