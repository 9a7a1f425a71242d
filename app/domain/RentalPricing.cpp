#include "RentalPricing.h"

#include <algorithm>

int RentalPricing::chargeableDays(const QDateTime &pickup, const QDateTime &returned, const QTimeZone &zone,
                                  int graceMinutes)
{
    const QDateTime start = pickup.toTimeZone(zone);
    const QDateTime end = returned.toTimeZone(zone).addSecs(-qint64(std::max(graceMinutes, 0)) * 60);
    // Whole local days first (addDays keeps the wall-clock time across a daylight-saving change),
    // then one more for a started day.
    int days = int(std::max<qint64>(0, start.date().daysTo(end.date())));
    while (days > 0 && start.addDays(days) > end)
        --days;
    if (start.addDays(days) < end)
        ++days;
    return std::max(days, 1);
}

Result<RentalQuote> RentalPricing::quote(const QDateTime &pickup, const QDateTime &returned, const QTimeZone &zone,
                                         const RentalRates &rates, const QList<RentalExtra> &extras)
{
    if (!pickup.isValid() || !returned.isValid())
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Enter both the pick-up and the return time.")});
    if (returned <= pickup)
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("The return must be after the pick-up. Check the dates and times.")});
    if (rates.dailyCents < 0 || (rates.weeklyCents && *rates.weeklyCents < 0))
        return std::unexpected(Error{Error::Code::InvalidInput, tr("A rate cannot be below zero.")});

    RentalQuote quote;
    quote.days = chargeableDays(pickup, returned, zone, rates.graceMinutes);
    const qint64 daily = qint64(quote.days) * rates.dailyCents;
    quote.rentalCents = daily;
    if (rates.weeklyCents) {
        // Whole weeks at the weekly rate; the days left by the day, or as one more week when less.
        const qint64 week = *rates.weeklyCents;
        const int weeks = quote.days / 7;
        const qint64 restByDay = qint64(quote.days % 7) * rates.dailyCents;
        const bool restAsWeek = restByDay > week;
        const qint64 weekly = qint64(weeks) * week + (restAsWeek ? week : restByDay);
        if (weekly < daily) {
            quote.rentalCents = weekly;
            quote.weeks = weeks + (restAsWeek ? 1 : 0);
        }
    }
    for (const RentalExtra &extra : extras) {
        if (extra.cents < 0)
            return std::unexpected(
                Error{Error::Code::InvalidInput, tr("The extra \"%1\" has a price below zero.").arg(extra.name)});
        quote.extrasCents += extra.perDay ? qint64(quote.days) * extra.cents : extra.cents;
    }
    quote.totalCents = quote.rentalCents + quote.extrasCents;
    return quote;
}
