#pragma once

#include "domain/RentalPricing.h"

#include <QDateTime>
#include <QString>

// A booking as create() and reschedule() return it: its car, customer, period, status and price.
struct Booking
{
    qint64 id = 0;
    qint64 carId = 0;
    qint64 customerId = 0;
    QDateTime pickup;
    QDateTime returned;
    QString status;
    RentalQuote quote;
};
