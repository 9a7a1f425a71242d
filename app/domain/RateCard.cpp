#include "domain/RateCard.h"

#include "domain/Money.h"

namespace {

// Rates above this (a hundred million in the currency) are typing mistakes; below it no rental of any
// length that QDateTime can hold overflows a qint64.
constexpr qint64 kMaxRateCents = qint64(100'000'000) * 100;

constexpr int kWeekDays = 7;
constexpr int kMonthDays = 30;

bool rateOutOfRange(qint64 cents)
{
    return cents < 0 || cents > kMaxRateCents;
}

bool rateOutOfRange(const std::optional<qint64> &cents)
{
    return cents && rateOutOfRange(*cents);
}

} // namespace

int RateCard::seasonIndexOn(QDate day) const
{
    for (int i = 0; i < seasons.size(); ++i) {
        if (seasons[i].contains(day))
            return i;
    }
    return -1;
}

const RateSet &RateCard::ratesOf(int seasonIndex) const
{
    return seasonIndex < 0 ? base : seasons[seasonIndex].rates;
}

Result<void> RateCardPricing::validate(const RateCard &card)
{
    auto badRates = [](const RateSet &rates) {
        return rateOutOfRange(rates.dailyCents) || rateOutOfRange(rates.weeklyCents) ||
               rateOutOfRange(rates.monthlyCents);
    };
    if (badRates(card.base))
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  tr("The rates of \"%1\" must be zero or more and below 100,000,000.").arg(card.vehicleClass)});
    for (int i = 0; i < card.seasons.size(); ++i) {
        const Season &season = card.seasons[i];
        if (!season.first.isValid() || !season.last.isValid() || season.last < season.first)
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("The season \"%1\" needs a first and a last date, the last not before the first.")
                          .arg(season.name)});
        if (badRates(season.rates))
            return std::unexpected(Error{
                Error::Code::InvalidInput,
                tr("The rates of the season \"%1\" must be zero or more and below 100,000,000.").arg(season.name)});
        for (int j = 0; j < i; ++j) {
            const Season &other = card.seasons[j];
            if (season.first <= other.last && other.first <= season.last)
                return std::unexpected(Error{Error::Code::InvalidInput,
                                             tr("The seasons \"%1\" and \"%2\" share dates. Give each date one season.")
                                                 .arg(other.name, season.name)});
        }
    }
    return {};
}

RateCardPricing::Cover RateCardPricing::cheapestCover(int days, const RateSet &rates)
{
    Cover best;
    best.days = std::max(days, 0);
    best.cents = qint64(best.days) * rates.dailyCents;
    if (days <= 0)
        return best;
    const int maxMonths = rates.monthlyCents ? (days + kMonthDays - 1) / kMonthDays : 0;
    for (int months = 0; months <= maxMonths; ++months) {
        const int rest = std::max(days - months * kMonthDays, 0);
        const qint64 monthCents = months ? qint64(months) * *rates.monthlyCents : 0;
        // With the months fixed, a cost of weeks and days is linear in the weeks up to the whole weeks of the
        // rest, and rises beyond one more: no weeks, the whole weeks or one more than that is the cheapest.
        const int wholeWeeks = rates.weeklyCents ? rest / kWeekDays : 0;
        const int roundedWeeks = rates.weeklyCents ? (rest + kWeekDays - 1) / kWeekDays : 0;
        for (int weeks : {0, wholeWeeks, roundedWeeks}) {
            const int left = std::max(rest - weeks * kWeekDays, 0);
            const qint64 cents =
                monthCents + (weeks ? qint64(weeks) * *rates.weeklyCents : 0) + qint64(left) * rates.dailyCents;
            if (cents < best.cents)
                best = Cover{months, weeks, left, cents};
        }
    }
    return best;
}

namespace {

QString countText(int count, int unitDays)
{
    switch (unitDays) {
    case kMonthDays:
        return RateCardPricing::tr("%n month(s)", nullptr, count);
    case kWeekDays:
        return RateCardPricing::tr("%n week(s)", nullptr, count);
    default:
        return RateCardPricing::tr("%n day(s)", nullptr, count);
    }
}

QString segmentText(QLatin1String kind, const QString &season, const QString &count, const QString &price)
{
    const bool late = kind == QuoteLine::kLate;
    if (season.isEmpty())
        return late ? RateCardPricing::tr("Late return — %1 × %2").arg(count, price)
                    : RateCardPricing::tr("Rental — %1 × %2").arg(count, price);
    return late ? RateCardPricing::tr("Late return, %1 — %2 × %3").arg(season, count, price)
                : RateCardPricing::tr("Rental, %1 — %2 × %3").arg(season, count, price);
}

} // namespace

QList<QuoteLine> RateCardPricing::dayLines(const RateCard &card, const QDateTime &pickup, const QTimeZone &zone,
                                           int fromDay, int toDay, QLatin1String kind, const QuoteFormat &format)
{
    QList<QuoteLine> lines;
    const QDateTime start = pickup.toTimeZone(zone);
    auto writeSegment = [&](int seasonIndex, int length) {
        const RateSet &rates = card.ratesOf(seasonIndex);
        const QString season = seasonIndex < 0 ? QString() : card.seasons[seasonIndex].name;
        const Cover cover = cheapestCover(length, rates);
        const struct
        {
            int count;
            int unitDays;
            qint64 unitCents;
        } parts[] = {{cover.months, kMonthDays, rates.monthlyCents.value_or(0)},
                     {cover.weeks, kWeekDays, rates.weeklyCents.value_or(0)},
                     {cover.days, 1, rates.dailyCents}};
        for (const auto &part : parts) {
            if (part.count == 0)
                continue;
            QuoteLine line;
            line.text = segmentText(kind, season, countText(part.count, part.unitDays),
                                    Money::format(part.unitCents, format.currency, format.locale));
            line.quantity = part.count;
            line.unitCents = part.unitCents;
            line.amountCents = qint64(part.count) * part.unitCents;
            line.kind = kind;
            lines << line;
        }
    };
    int segmentSeason = -2; // none yet
    int segmentLength = 0;
    for (int day = std::max(fromDay, 0); day < toDay; ++day) {
        const int season = card.seasonIndexOn(start.addDays(day).date());
        if (season != segmentSeason && segmentLength > 0) {
            writeSegment(segmentSeason, segmentLength);
            segmentLength = 0;
        }
        segmentSeason = season;
        ++segmentLength;
    }
    if (segmentLength > 0)
        writeSegment(segmentSeason, segmentLength);
    return lines;
}

QuoteLine RateCardPricing::extraLine(const RentalExtra &extra, int days, const QuoteFormat &format)
{
    QuoteLine line;
    line.kind = QuoteLine::kExtra;
    line.unitCents = extra.cents;
    if (extra.perDay) {
        line.quantity = days;
        line.text =
            tr("%1 — %2 × %3")
                .arg(extra.name, countText(days, 1), Money::format(extra.cents, format.currency, format.locale));
    } else {
        line.quantity = 1;
        line.text = extra.name;
    }
    line.amountCents = qint64(line.quantity) * extra.cents;
    return line;
}

Result<RateQuote> RateCardPricing::quote(const RateCard &card, const QDateTime &pickup, const QDateTime &returned,
                                         const QTimeZone &zone, int graceMinutes, const QList<RentalExtra> &extras,
                                         const QuoteFormat &format)
{
    if (!pickup.isValid() || !returned.isValid())
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Enter both the pick-up and the return time.")});
    if (returned <= pickup)
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("The return must be after the pick-up. Check the dates and times.")});
    if (auto valid = validate(card); !valid)
        return std::unexpected(valid.error());
    for (const RentalExtra &extra : extras) {
        if (rateOutOfRange(extra.cents))
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("The extra \"%1\" must cost zero or more and below 100,000,000.").arg(extra.name)});
    }

    RateQuote quote;
    quote.days = RentalPricing::chargeableDays(pickup, returned, zone, graceMinutes);
    quote.lines = dayLines(card, pickup, zone, 0, quote.days, QuoteLine::kRental, format);
    for (const QuoteLine &line : std::as_const(quote.lines))
        quote.rentalCents += line.amountCents;
    for (const RentalExtra &extra : extras) {
        quote.lines << extraLine(extra, quote.days, format);
        quote.extrasCents += quote.lines.constLast().amountCents;
    }
    quote.totalCents = quote.rentalCents + quote.extrasCents;
    return quote;
}

Result<RateQuote> RateCardPricing::withDeskTotal(const RateQuote &quote, qint64 totalCents, const QString &reason,
                                                 const QuoteFormat &format)
{
    if (totalCents < 0 || totalCents > kMaxRateCents)
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("The desk's price must be zero or more and below 100,000,000.")});
    if (reason.trimmed().isEmpty())
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("Say why the price is changed: the reason goes on the invoice.")});
    RateQuote changed = quote;
    // A second change replaces the first: one override line, against the card's price.
    changed.lines.removeIf([](const QuoteLine &line) { return line.kind == QuoteLine::kOverride; });
    qint64 cardTotal = 0;
    for (const QuoteLine &line : std::as_const(changed.lines))
        cardTotal += line.amountCents;
    QuoteLine line;
    line.kind = QuoteLine::kOverride;
    line.quantity = 1;
    line.unitCents = totalCents - cardTotal;
    line.amountCents = line.unitCents;
    line.text = tr("Desk price (%1): %2")
                    .arg(Money::format(line.amountCents, format.currency, format.locale), reason.trimmed());
    changed.lines << line;
    changed.totalCents = totalCents;
    return changed;
}
