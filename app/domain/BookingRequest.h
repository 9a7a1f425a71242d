#pragma once

#include "domain/RentalPricing.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

// A reservation as the desk enters it.
struct BookingRequest
{
    qint64 carId = 0;
    qint64 customerId = 0;
    QDateTime pickup;
    QDateTime returned;
    RentalRates rates;
    QList<RentalExtra> extras;
    qint64 depositCents = 0;
    std::optional<int> kmPerDay; // kilometres included per rental day; none: unlimited
    qint64 extraKmCents = 0;     // per kilometre beyond the allowance
    QString notes;
    // A car with a class is priced from its rate card (the rates above are the fallback for a car without one):
    // the desk may set the whole rental's price instead, with its reason (kept on the booking and its papers).
    std::optional<qint64> deskTotalCents;
    QString overrideReason;
    QTimeZone zone = QTimeZone::systemTimeZone(); // the desk's: rental days and messages
};
