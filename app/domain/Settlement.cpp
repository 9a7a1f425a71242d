#include "domain/Settlement.h"

#include "domain/Money.h"

#include <algorithm>

namespace {

// Amounts above this (a hundred million in the currency) are typing mistakes; below it no sum overflows.
constexpr qint64 kMaxCents = qint64(100'000'000) * 100;
constexpr qint64 kMaxKm = 10'000'000;

// numerator / denominator rounded half away from zero; denominator > 0.
qint64 divideRounded(qint64 numerator, qint64 denominator)
{
    const qint64 quotient = numerator / denominator;
    const qint64 remainder = numerator % denominator;
    if (2 * (remainder < 0 ? -remainder : remainder) >= denominator)
        return quotient + (numerator < 0 ? -1 : 1);
    return quotient;
}

Error invalid(const QString &message)
{
    return Error{Error::Code::InvalidInput, message};
}

} // namespace

qint64 Settlement::taxIncluded(qint64 grossCents, int basisPoints)
{
    return divideRounded(grossCents * basisPoints, 10000 + qint64(basisPoints));
}

qint64 Settlement::taxOnNet(qint64 netCents, int basisPoints)
{
    return divideRounded(netCents * basisPoints, 10000);
}

Result<SettlementBill> Settlement::compute(const SettlementInput &in)
{
    if (!in.pickup.isValid() || !in.bookedReturn.isValid() || !in.actualReturn.isValid())
        return std::unexpected(invalid(tr("Enter the pick-up, the booked return and the actual return time.")));
    if (in.actualReturn <= in.pickup)
        return std::unexpected(
            invalid(tr("The car cannot come back before it was picked up. Check the return date and time.")));
    if (in.bookedReturn <= in.pickup)
        return std::unexpected(invalid(tr("The booked return must be after the pick-up.")));
    if (auto valid = RateCardPricing::validate(in.rates); !valid)
        return std::unexpected(valid.error());
    if (in.odometerOut < 0 || in.odometerIn < 0 || in.odometerOut > kMaxKm || in.odometerIn > kMaxKm)
        return std::unexpected(invalid(tr("Odometer readings are between 0 and 10,000,000 km.")));
    if (in.odometerIn < in.odometerOut)
        return std::unexpected(invalid(tr("The odometer at return (%L1 km) is below the reading at pick-up (%L2 km). "
                                          "Check both readings.")
                                           .arg(in.odometerIn)
                                           .arg(in.odometerOut)));
    if (in.fuelOutEighths < 0 || in.fuelOutEighths > 8 || in.fuelInEighths < 0 || in.fuelInEighths > 8)
        return std::unexpected(invalid(tr("Fuel is read in eighths of a tank, from 0 (empty) to 8 (full).")));
    if (in.kmPerDay && *in.kmPerDay < 0)
        return std::unexpected(invalid(tr("The kilometre allowance cannot be below zero.")));
    if (in.tankLitres < 0 || in.tankLitres > 10000)
        return std::unexpected(invalid(tr("The tank holds between 0 and 10,000 litres.")));
    if (in.vatBasisPoints < 0 || in.vatBasisPoints > 10000)
        return std::unexpected(invalid(tr("The VAT rate must be between 0 and 100 %.")));
    const qint64 amounts[] = {in.extraKmCents, in.fuelLitreCents, in.refuelEighthCents, in.cleaningCents,
                              in.paidCents,    in.refundedCents,  in.depositHeldCents};
    for (qint64 amount : amounts) {
        if (amount < 0 || amount > kMaxCents)
            return std::unexpected(invalid(tr("Amounts must be zero or more and below 100,000,000.")));
    }
    for (const RentalExtra &extra : in.extras) {
        if (extra.cents < 0 || extra.cents > kMaxCents)
            return std::unexpected(
                invalid(tr("The extra \"%1\" must cost zero or more and below 100,000,000.").arg(extra.name)));
    }
    for (const DamageCharge &damage : in.damages) {
        if (damage.text.trimmed().isEmpty())
            return std::unexpected(invalid(tr("Describe each damage: the text goes on the invoice.")));
        if (damage.cents < 0 || damage.cents > kMaxCents)
            return std::unexpected(
                invalid(tr("The damage \"%1\" must cost zero or more and below 100,000,000.").arg(damage.text)));
    }
    if (in.refundedCents > in.paidCents)
        return std::unexpected(invalid(tr("More was refunded than paid. Check the payments.")));

    const QuoteFormat &format = in.format;
    SettlementBill bill;
    bill.bookedDays = RentalPricing::chargeableDays(in.pickup, in.bookedReturn, in.zone, in.graceMinutes);
    bill.usedDays = RentalPricing::chargeableDays(in.pickup, in.actualReturn, in.zone, in.graceMinutes);

    // The rental days: booked, used (an early return charged by use), or booked and late.
    if (bill.usedDays < bill.bookedDays && in.earlyReturn == SettlementInput::EarlyReturn::ChargeUsedDays) {
        bill.chargedDays = bill.usedDays;
        bill.lines =
            RateCardPricing::dayLines(in.rates, in.pickup, in.zone, 0, bill.usedDays, QuoteLine::kRental, format);
    } else {
        bill.chargedDays = std::max(bill.bookedDays, bill.usedDays);
        bill.lateDays = bill.chargedDays - bill.bookedDays;
        bill.lines =
            RateCardPricing::dayLines(in.rates, in.pickup, in.zone, 0, bill.bookedDays, QuoteLine::kRental, format);
        bill.lines << RateCardPricing::dayLines(in.rates, in.pickup, in.zone, bill.bookedDays, bill.chargedDays,
                                                QuoteLine::kLate, format);
    }
    for (const RentalExtra &extra : in.extras)
        bill.lines << RateCardPricing::extraLine(extra, bill.chargedDays, format);
    if (in.deskOverride)
        bill.lines << *in.deskOverride;

    // Kilometres beyond the allowance.
    bill.kmDriven = in.odometerIn - in.odometerOut;
    if (in.kmPerDay) {
        bill.kmAllowed = qint64(*in.kmPerDay) * bill.chargedDays;
        bill.kmCharged = std::max<qint64>(bill.kmDriven - *bill.kmAllowed, 0);
        if (bill.kmCharged > 0) {
            QuoteLine line;
            line.kind = QuoteLine::kKm;
            line.quantity = int(bill.kmCharged);
            line.unitCents = in.extraKmCents;
            line.amountCents = bill.kmCharged * in.extraKmCents;
            line.text = tr("Extra kilometres — %L1 km beyond %L2 km × %3")
                            .arg(bill.kmCharged)
                            .arg(*bill.kmAllowed)
                            .arg(Money::format(in.extraKmCents, format.currency, format.locale));
            bill.lines << line;
        }
    }

    // Fuel below the level at pick-up; a fuller tank is not paid back.
    bill.fuelMissingEighths = std::max(in.fuelOutEighths - in.fuelInEighths, 0);
    if (bill.fuelMissingEighths > 0) {
        QuoteLine line;
        line.kind = QuoteLine::kFuel;
        if (in.fuelCharging == SettlementInput::FuelCharging::PerLitre) {
            // The litres are rarely whole (3/8 of 55 l): one line with the exact amount, rounded once.
            const qint64 centiLitres = qint64(bill.fuelMissingEighths) * in.tankLitres * 100;
            line.quantity = 1;
            line.amountCents = divideRounded(centiLitres * in.fuelLitreCents, 8 * 100);
            line.unitCents = line.amountCents;
            line.text = tr("Fuel — %1/8 of a tank missing, %2 l × %3")
                            .arg(bill.fuelMissingEighths)
                            .arg(format.locale.toString(double(centiLitres) / 800.0, 'f', 2))
                            .arg(Money::format(in.fuelLitreCents, format.currency, format.locale));
        } else {
            line.quantity = bill.fuelMissingEighths;
            line.unitCents = in.refuelEighthCents;
            line.amountCents = qint64(line.quantity) * line.unitCents;
            line.text = tr("Refuelling — %1/8 of a tank missing × %2")
                            .arg(bill.fuelMissingEighths)
                            .arg(Money::format(in.refuelEighthCents, format.currency, format.locale));
        }
        bill.lines << line;
    }

    if (in.cleaningTicked) {
        QuoteLine line;
        line.kind = QuoteLine::kCleaning;
        line.unitCents = line.amountCents = in.cleaningCents;
        line.text = tr("Cleaning");
        bill.lines << line;
    }
    for (const DamageCharge &damage : in.damages) {
        QuoteLine line;
        line.kind = QuoteLine::kDamage;
        line.unitCents = line.amountCents = damage.cents;
        line.text = damage.text.trimmed();
        bill.lines << line;
    }

    // VAT per invoice, on the sum of the lines.
    qint64 sum = 0;
    for (const QuoteLine &line : std::as_const(bill.lines))
        sum += line.amountCents;
    if (sum < 0)
        return std::unexpected(invalid(tr("The bill comes to less than zero. Check the desk's price.")));
    if (in.pricesIncludeVat) {
        bill.grossCents = sum;
        bill.taxCents = taxIncluded(sum, in.vatBasisPoints);
        bill.netCents = sum - bill.taxCents;
    } else {
        bill.netCents = sum;
        bill.taxCents = taxOnNet(sum, in.vatBasisPoints);
        bill.grossCents = sum + bill.taxCents;
    }

    // Payments and the deposit.
    bill.paidCents = in.paidCents - in.refundedCents;
    bill.balanceCents = bill.grossCents - bill.paidCents;
    bill.depositHeldCents = in.depositHeldCents;
    bill.depositCaptureCents = std::min(in.depositHeldCents, std::max<qint64>(bill.balanceCents, 0));
    bill.depositReleaseCents = in.depositHeldCents - bill.depositCaptureCents;
    bill.dueCents = bill.balanceCents - bill.depositCaptureCents;
    return bill;
}
