#pragma once

#include <QString>

// What a pick-up or return reminder tells whoever made the booking.
struct BookingReminder
{
    QString recipient; // the database user who made the booking
    qint64 carId = 0;
    QString stockNumber;
    QString car; // "Toyota Corolla"
    QString customer;
    QString phone; // the customer's; may be empty
};
