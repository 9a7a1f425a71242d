#pragma once

#include "Error.h"
#include "domain/RateCard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

// A charge for damage found at the return, as the desk enters it.
struct DamageCharge
{
    QString text;
    qint64 cents = 0;
};

// Everything a return is settled from: the booking's kept rates and extras, the times, the readings, the
// branch's settings for this rental and the money so far. Amounts in cents, never negative.
struct SettlementInput
{
    enum class EarlyReturn {
        KeepBookedTotal, // the booked days are charged whatever the return
        ChargeUsedDays,  // only the days used, priced again as their own rental
    };
    enum class FuelCharging {
        PerLitre,  // the missing eighths × the tank's litres / 8 × the price of a litre
        PerEighth, // a refuelling charge per missing eighth
    };

    RateCard rates; // the snapshot quoted at booking
    QList<RentalExtra> extras;
    std::optional<QuoteLine> deskOverride; // the booking's override line, if the desk changed the price: kept

    QDateTime pickup;
    QDateTime bookedReturn;
    QDateTime actualReturn;
    QTimeZone zone;
    int graceMinutes = 59; // a return this late after the booked return is not late
    EarlyReturn earlyReturn = EarlyReturn::KeepBookedTotal;

    qint64 odometerOut = 0; // km
    qint64 odometerIn = 0;
    std::optional<int> kmPerDay; // the allowance per charged day; nothing: unlimited
    qint64 extraKmCents = 0;

    int fuelOutEighths = 8;
    int fuelInEighths = 8;
    FuelCharging fuelCharging = FuelCharging::PerEighth;
    qint64 fuelLitreCents = 0;    // PerLitre
    int tankLitres = 0;           // PerLitre
    qint64 refuelEighthCents = 0; // PerEighth

    bool cleaningTicked = false;
    qint64 cleaningCents = 0;
    QList<DamageCharge> damages;

    int vatBasisPoints = 0; // 1900 = 19 %
    bool pricesIncludeVat = true;

    qint64 paidCents = 0;
    qint64 refundedCents = 0;
    qint64 depositHeldCents = 0;

    QuoteFormat format;
};

struct SettlementBill
{
    int bookedDays = 0;
    int usedDays = 0;    // as chargeableDays counts pickup..actual return
    int chargedDays = 0; // the rental days on the bill (booked, used, or booked and late)
    int lateDays = 0;
    qint64 kmDriven = 0;
    std::optional<qint64> kmAllowed; // nothing: unlimited
    qint64 kmCharged = 0;
    int fuelMissingEighths = 0;

    QList<QuoteLine> lines;
    qint64 netCents = 0;
    qint64 taxCents = 0;
    qint64 grossCents = 0; // netCents + taxCents, always

    qint64 paidCents = 0;    // paid less refunded
    qint64 balanceCents = 0; // gross − paid: above zero the customer owes, below zero is owed
    qint64 depositHeldCents = 0;
    qint64 depositCaptureCents = 0; // min(deposit, balance) when the customer owes
    qint64 depositReleaseCents = 0; // the rest of the deposit
    qint64 dueCents = 0;            // the balance after the capture: still to pay (or, below zero, to refund)
};

// The bill at a return. A pure function of its input.
//
// Rental: the booked days (RentalPricing::chargeableDays of pickup..booked return) as rental lines priced from
// the kept card; an early return (fewer days used) either keeps them or, with ChargeUsedDays, is priced as a
// rental of the used days alone. A return after the booked return and the grace adds the days beyond the
// booked ones as "late" lines at the card's rates (their own segment: the booked weeks stay as they were).
// Extras per day count the charged days. Kilometres beyond kmPerDay × charged days, fuel below the level at
// pick-up, cleaning when ticked, and the damage lines follow.
//
// VAT per invoice: with prices that include it, gross is the lines' sum and tax = round(gross × r / (1 + r));
// otherwise net is the sum and tax = round(net × r); rounding half away from zero, net + tax == gross exactly.
class Settlement
{
    Q_DECLARE_TR_FUNCTIONS(Settlement)

public:
    static Result<SettlementBill> compute(const SettlementInput &input);

    // round(cents × basisPoints / (10000 + basisPoints)) or round(cents × basisPoints / 10000), half away from
    // zero: the tax in a gross amount or on a net one.
    static qint64 taxIncluded(qint64 grossCents, int basisPoints);
    static qint64 taxOnNet(qint64 netCents, int basisPoints);
};
