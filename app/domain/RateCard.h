#pragma once

#include "Error.h"
#include "domain/RentalPricing.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLatin1String>
#include <QList>
#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <optional>

// One set of prices for a vehicle class, in cents of the database's currency.
struct RateSet
{
    qint64 dailyCents = 0;
    std::optional<qint64> weeklyCents;  // 7 rental days, used wherever it makes the rental cheaper
    std::optional<qint64> monthlyCents; // 30 rental days, likewise

    friend bool operator==(const RateSet &, const RateSet &) = default;
};

// Dates with their own rates ("Summer 2026", 1 July to 31 August), in the branch's local dates.
struct Season
{
    QString name;
    QDate first;
    QDate last; // inclusive
    RateSet rates;

    bool contains(QDate day) const { return day >= first && day <= last; }
};

// The rates of one vehicle class: the base rates and the seasons that replace them on their dates. The
// caller has already picked the branch's override of the card, if there is one.
struct RateCard
{
    QString vehicleClass;
    RateSet base;
    QList<Season> seasons; // may not overlap

    // The index of the season that holds `day`, or -1 for the base rates.
    int seasonIndexOn(QDate day) const;
    const RateSet &ratesOf(int seasonIndex) const;
};

// One line of a quote or a bill. amountCents is what the line adds to the total (negative for a discount);
// quantity × unitCents equals it, except for a fuel line priced by the litre (quantity 1, see Settlement).
struct QuoteLine
{
    QString text;
    int quantity = 1;
    qint64 unitCents = 0;
    qint64 amountCents = 0;
    QString kind; // one of the k… names below

    static constexpr QLatin1String kRental{"rental"};
    static constexpr QLatin1String kExtra{"extra"};
    static constexpr QLatin1String kKm{"km"};
    static constexpr QLatin1String kFuel{"fuel"};
    static constexpr QLatin1String kLate{"late"};
    static constexpr QLatin1String kDamage{"damage"};
    static constexpr QLatin1String kCleaning{"cleaning"};
    static constexpr QLatin1String kDiscount{"discount"};
    static constexpr QLatin1String kOverride{"override"};

    friend bool operator==(const QuoteLine &, const QuoteLine &) = default;
};

// How the lines write amounts: the currency's ISO code and the desk's locale.
struct QuoteFormat
{
    QString currency = QStringLiteral("EUR");
    QLocale locale;
};

struct RateQuote
{
    int days = 0; // rental days charged, as RentalPricing::chargeableDays counts them
    QList<QuoteLine> lines;
    qint64 rentalCents = 0; // the rental lines
    qint64 extrasCents = 0; // the extra lines
    qint64 totalCents = 0;  // every line, an override's included
};

// Prices a rental from a rate card. Rental day i runs from pickup.addDays(i) (local wall-clock time in the
// branch's zone, so a 23- or 25-hour day across a daylight-saving change is one day) and is priced by the
// season that holds that start's local date, else by the base rates. Consecutive days priced by the same
// season (or by the base) make a segment, and each segment costs the cheapest mix of 30-day months, 7-day
// weeks and days at its rates (a part week or month may be charged as a whole one when that is cheaper; on a
// tie the smaller units win). A segment writes one line per unit it uses: "Rental, Summer 2026 — 3 days × €60".
class RateCardPricing
{
    Q_DECLARE_TR_FUNCTIONS(RateCardPricing)

public:
    // Refuses negative rates, a season whose last date is before its first, and overlapping seasons.
    static Result<void> validate(const RateCard &card);

    // The rental lines (of `kind`, rental or late) for rental days [fromDay, toDay) of a rental picked up at
    // `pickup`. Nothing for an empty range. The card must be valid.
    static QList<QuoteLine> dayLines(const RateCard &card, const QDateTime &pickup, const QTimeZone &zone, int fromDay,
                                     int toDay, QLatin1String kind = QuoteLine::kRental,
                                     const QuoteFormat &format = {});

    // The cheapest cover of `days` days at `rates`: how many months, weeks and days, and their cost.
    struct Cover
    {
        int months = 0;
        int weeks = 0;
        int days = 0;
        qint64 cents = 0;
    };
    static Cover cheapestCover(int days, const RateSet &rates);

    // An extra's line: per day × `days`, or once for the rental. The extra must not be negative.
    static QuoteLine extraLine(const RentalExtra &extra, int days, const QuoteFormat &format = {});

    // The quote for pickup..returned: the rental lines, then one line per extra. Refuses a return not after
    // the pick-up, an invalid card and negative extras, with a sentence that says which.
    static Result<RateQuote> quote(const RateCard &card, const QDateTime &pickup, const QDateTime &returned,
                                   const QTimeZone &zone, int graceMinutes, const QList<RentalExtra> &extras = {},
                                   const QuoteFormat &format = {});

    // The desk's price for the whole rental: the quote's lines stay as they are and one line of kind
    // "override" carries the difference (negative when the desk gives money off), its text the reason, so
    // that the invoice shows both the card's price and why it was changed. Refuses a negative total and an
    // empty reason. The line's quantity is 1 and its unit the difference.
    static Result<RateQuote> withDeskTotal(const RateQuote &quote, qint64 totalCents, const QString &reason,
                                           const QuoteFormat &format = {});
};
