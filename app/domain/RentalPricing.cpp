#include "RentalPricing.h"

#include "domain/RateCard.h"

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
    // The cheapest honest mix of weeks and days, as a rate card's segment is priced.
    const RateCardPricing::Cover cover =
        RateCardPricing::cheapestCover(quote.days, RateSet{rates.dailyCents, rates.weeklyCents, std::nullopt});
    quote.rentalCents = cover.cents;
    quote.weeks = cover.weeks;
    for (const RentalExtra &extra : extras) {
        if (extra.cents < 0)
            return std::unexpected(
                Error{Error::Code::InvalidInput, tr("The extra \"%1\" has a price below zero.").arg(extra.name)});
        quote.extrasCents += extra.perDay ? qint64(quote.days) * extra.cents : extra.cents;
    }
    quote.totalCents = quote.rentalCents + quote.extrasCents;
    return quote;
}
