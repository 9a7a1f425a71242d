#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

// The rates of a car for a rental, in cents of the database's currency.
struct RentalRates
{
    qint64 dailyCents = 0;
    std::optional<qint64> weeklyCents; // a 7-day price, used wherever it is cheaper than 7 days
    int graceMinutes = 59;             // a return this late into a new day does not start it
};

// Something added to a rental: a child seat per day, a one-off cleaning fee.
struct RentalExtra
{
    QString name;
    qint64 cents = 0;
    bool perDay = false;
};

struct RentalQuote
{
    int days = 0;  // rental days charged (a started day counts, after the grace period)
    int weeks = 0; // of which charged as weeks
    qint64 rentalCents = 0;
    qint64 extrasCents = 0;
    qint64 totalCents = 0;
};

// Booking prices. A rental day runs from the pick-up time to the same wall-clock time the next
// day in the desk's time zone, so a day across a daylight-saving change is 23 or 25 hours and still one
// day.
class RentalPricing
{
    Q_DECLARE_TR_FUNCTIONS(RentalPricing)

public:
    // The days charged from `pickup` to `returned`, counted in `zone`: at least one.
    static int chargeableDays(const QDateTime &pickup, const QDateTime &returned, const QTimeZone &zone,
                              int graceMinutes);
    // Days × the daily rate, with the weekly rate for every whole week and for a last part week when
    // that is cheaper, plus the extras. Refuses a return not after the pick-up and negative amounts.
    static Result<RentalQuote> quote(const QDateTime &pickup, const QDateTime &returned, const QTimeZone &zone,
                                     const RentalRates &rates, const QList<RentalExtra> &extras = {});
};
