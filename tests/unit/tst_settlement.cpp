#include "domain/Settlement.h"

#include "BerlinTime.h"

#include <QTest>

using EarlyReturn = SettlementInput::EarlyReturn;
using FuelCharging = SettlementInput::FuelCharging;

namespace {

const QTimeZone kBerlin = berlinZone();

// 50.00 a day, 300.00 a week; 3 days booked from 4 May 2026 10:00, returned on time, full tank, no VAT.
SettlementInput input()
{
    SettlementInput in;
    in.rates.vehicleClass = QStringLiteral("Compact");
    in.rates.base = RateSet{5000, 30000, {}};
    in.pickup = berlin(QStringLiteral("2026-05-04 10:00"));
    in.bookedReturn = in.pickup.addDays(3);
    in.actualReturn = in.bookedReturn;
    in.zone = kBerlin;
    in.graceMinutes = 59;
    in.odometerOut = 10000;
    in.odometerIn = 10300;
    in.vatBasisPoints = 0;
    return in;
}

qint64 sumOf(const QList<QuoteLine> &lines, QLatin1String kind)
{
    qint64 sum = 0;
    for (const QuoteLine &line : lines) {
        if (line.kind == kind)
            sum += line.amountCents;
    }
    return sum;
}

int countOf(const QList<QuoteLine> &lines, QLatin1String kind)
{
    return int(std::count_if(lines.cbegin(), lines.cend(), [&](const QuoteLine &line) { return line.kind == kind; }));
}

} // namespace

class TestSettlement : public QObject
{
    Q_OBJECT

private slots:
    void onTime()
    {
        const auto bill = Settlement::compute(input());
        QVERIFY(bill);
        QCOMPARE(bill->bookedDays, 3);
        QCOMPARE(bill->chargedDays, 3);
        QCOMPARE(bill->lines.size(), 1);
        QCOMPARE(bill->grossCents, qint64(15000));
        QCOMPARE(bill->balanceCents, qint64(15000));
    }

    void earlyReturn_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("charged");
        QTest::addColumn<qint64>("rental");
        // Booked 5 days (250.00), back after 2 days; a child seat at 7.00 a day.
        QTest::newRow("keep the booked total") << int(EarlyReturn::KeepBookedTotal) << 5 << qint64(5 * 5000 + 5 * 700);
        QTest::newRow("charge the used days") << int(EarlyReturn::ChargeUsedDays) << 2 << qint64(2 * 5000 + 2 * 700);
    }

    void earlyReturn()
    {
        QFETCH(int, policy);
        QFETCH(int, charged);
        QFETCH(qint64, rental);
        SettlementInput in = input();
        in.bookedReturn = in.pickup.addDays(5);
        in.actualReturn = in.pickup.addDays(2);
        in.extras = {{QStringLiteral("Child seat"), 700, true}};
        in.earlyReturn = EarlyReturn(policy);
        const auto bill = Settlement::compute(in);
        QVERIFY(bill);
        QCOMPARE(bill->usedDays, 2);
        QCOMPARE(bill->chargedDays, charged);
        QCOMPARE(bill->lateDays, 0);
        QCOMPARE(bill->grossCents, rental);
    }

    void lateReturn_data()
    {
        QTest::addColumn<int>("lateMinutes");
        QTest::addColumn<int>("lateDays");
        QTest::addColumn<qint64>("gross");
        // Booked 3 days at 50.00; a late day at 50.00.
        QTest::newRow("within the grace") << 45 << 0 << qint64(15000);
        QTest::newRow("just past the grace") << 60 << 1 << qint64(20000);
        QTest::newRow("a day and two hours") << 26 * 60 << 2 << qint64(25000);
    }

    void lateReturn()
    {
        QFETCH(int, lateMinutes);
        QFETCH(int, lateDays);
        QFETCH(qint64, gross);
        SettlementInput in = input();
        in.actualReturn = in.bookedReturn.addSecs(qint64(lateMinutes) * 60);
        const auto bill = Settlement::compute(in);
        QVERIFY(bill);
        QCOMPARE(bill->lateDays, lateDays);
        QCOMPARE(countOf(bill->lines, QuoteLine::kLate), lateDays ? 1 : 0);
        QCOMPARE(sumOf(bill->lines, QuoteLine::kLate), qint64(lateDays) * 5000);
        QCOMPARE(sumOf(bill->lines, QuoteLine::kRental), qint64(15000));
        QCOMPARE(bill->grossCents, gross);
    }

    void extraKilometres_data()
    {
        QTest::addColumn<int>("driven");
        QTest::addColumn<int>("perDay"); // -1: unlimited
        QTest::addColumn<qint64>("charged");
        // 3 days × 200 km = 600 km allowed; 0.25 an extra km.
        QTest::newRow("within the allowance") << 600 << 200 << qint64(0);
        QTest::newRow("150 km beyond") << 750 << 200 << qint64(150);
        QTest::newRow("unlimited") << 5000 << -1 << qint64(0);
    }

    void extraKilometres()
    {
        QFETCH(int, driven);
        QFETCH(int, perDay);
        QFETCH(qint64, charged);
        SettlementInput in = input();
        in.odometerIn = in.odometerOut + driven;
        if (perDay >= 0)
            in.kmPerDay = perDay;
        in.extraKmCents = 25;
        const auto bill = Settlement::compute(in);
        QVERIFY(bill);
        QCOMPARE(bill->kmDriven, qint64(driven));
        QCOMPARE(bill->kmCharged, charged);
        QCOMPARE(bill->kmAllowed.has_value(), perDay >= 0);
        QCOMPARE(countOf(bill->lines, QuoteLine::kKm), charged ? 1 : 0);
        QCOMPARE(sumOf(bill->lines, QuoteLine::kKm), charged * 25);
        QCOMPARE(bill->grossCents, 15000 + charged * 25);
    }

    void fuel_data()
    {
        QTest::addColumn<int>("out");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("charging");
        QTest::addColumn<qint64>("charge");
        // Per eighth: 15.00 a missing eighth.
        QTest::newRow("per eighth, 3 missing") << 8 << 5 << int(FuelCharging::PerEighth) << qint64(3 * 1500);
        // Per litre: 3/8 of 55 l = 20.625 l × 1.85 = 38.15625 -> 38.16.
        QTest::newRow("per litre, 3 missing") << 8 << 5 << int(FuelCharging::PerLitre) << qint64(3816);
        // 1/8 of 55 l = 6.875 l × 1.85 = 12.71875 -> 12.72.
        QTest::newRow("per litre, 1 missing") << 6 << 5 << int(FuelCharging::PerLitre) << qint64(1272);
        QTest::newRow("fuller than at pick-up: nothing back") << 4 << 8 << int(FuelCharging::PerEighth) << qint64(0);
        QTest::newRow("as at pick-up") << 6 << 6 << int(FuelCharging::PerLitre) << qint64(0);
    }

    void fuel()
    {
        QFETCH(int, out);
        QFETCH(int, in);
        QFETCH(int, charging);
        QFETCH(qint64, charge);
        SettlementInput input_ = input();
        input_.fuelOutEighths = out;
        input_.fuelInEighths = in;
        input_.fuelCharging = FuelCharging(charging);
        input_.refuelEighthCents = 1500;
        input_.fuelLitreCents = 185;
        input_.tankLitres = 55;
        const auto bill = Settlement::compute(input_);
        QVERIFY(bill);
        QCOMPARE(countOf(bill->lines, QuoteLine::kFuel), charge ? 1 : 0);
        QCOMPARE(sumOf(bill->lines, QuoteLine::kFuel), charge);
        QCOMPARE(bill->grossCents, 15000 + charge);
    }

    void damageAndCleaning()
    {
        SettlementInput in = input();
        in.damages = {{QStringLiteral("Scratch, rear door"), 12000}, {QStringLiteral("Broken mirror"), 8050}};
        in.cleaningCents = 4000;
        auto bill = Settlement::compute(in);
        QVERIFY(bill);
        QCOMPARE(countOf(bill->lines, QuoteLine::kCleaning), 0); // not ticked
        QCOMPARE(countOf(bill->lines, QuoteLine::kDamage), 2);
        QCOMPARE(bill->lines.constLast().text, QStringLiteral("Broken mirror"));
        QCOMPARE(bill->grossCents, qint64(15000 + 12000 + 8050));
        in.cleaningTicked = true;
        bill = Settlement::compute(in);
        QVERIFY(bill);
        QCOMPARE(sumOf(bill->lines, QuoteLine::kCleaning), qint64(4000));
        QCOMPARE(bill->grossCents, qint64(15000 + 12000 + 8050 + 4000));
    }

    void deskOverrideKept()
    {
        SettlementInput in = input();
        in.deskOverride =
            QuoteLine{QStringLiteral("Desk price: regular customer"), 1, -3000, -3000, QString(QuoteLine::kOverride)};
        const auto bill = Settlement::compute(in);
        QVERIFY(bill);
        QCOMPARE(bill->grossCents, qint64(12000));
    }

    void vat_data()
    {
        QTest::addColumn<qint64>("damage"); // added to the 150.00 rental to make odd sums
        QTest::addColumn<int>("basisPoints");
        QTest::addColumn<bool>("included");
        QTest::addColumn<qint64>("net");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("gross");
        // 150.00 incl. 19 %: tax = 15000 × 1900 / 11900 = 2394.96 -> 2395.
        QTest::newRow("included") << qint64(0) << 1900 << true << qint64(12605) << qint64(2395) << qint64(15000);
        // 150.00 + 19 %: 2850.
        QTest::newRow("excluded") << qint64(0) << 1900 << false << qint64(15000) << qint64(2850) << qint64(17850);
        // 273.45 + 19 % = 51.9555 -> 51.96.
        QTest::newRow("excluded, odd cents")
            << qint64(12345) << 1900 << false << qint64(27345) << qint64(5196) << qint64(32541);
        // 150.50 + 7 %: 1053.5 -> 1054 (half away from zero).
        QTest::newRow("excluded, a half cent")
            << qint64(50) << 700 << false << qint64(15050) << qint64(1054) << qint64(16104);
        // 150.50 incl. 7 %: 15050 × 700 / 10700 = 984.579 -> 985.
        QTest::newRow("included, odd cents")
            << qint64(50) << 700 << true << qint64(14065) << qint64(985) << qint64(15050);
        QTest::newRow("no VAT") << qint64(1) << 0 << true << qint64(15001) << qint64(0) << qint64(15001);
    }

    void vat()
    {
        QFETCH(qint64, damage);
        QFETCH(int, basisPoints);
        QFETCH(bool, included);
        QFETCH(qint64, net);
        QFETCH(qint64, tax);
        QFETCH(qint64, gross);
        SettlementInput in = input();
        if (damage)
            in.damages = {{QStringLiteral("Dent"), damage}};
        in.vatBasisPoints = basisPoints;
        in.pricesIncludeVat = included;
        const auto bill = Settlement::compute(in);
        QVERIFY(bill);
        QCOMPARE(bill->netCents, net);
        QCOMPARE(bill->taxCents, tax);
        QCOMPARE(bill->grossCents, gross);
        QCOMPARE(bill->netCents + bill->taxCents, bill->grossCents);
    }

    void taxRounding()
    {
        // 0.50 × 7 % = 3.5 cents -> 4; -0.50 -> -4 (away from zero); 0.49 × 7 % = 3.43 -> 3.
        QCOMPARE(Settlement::taxOnNet(50, 700), qint64(4));
        QCOMPARE(Settlement::taxOnNet(-50, 700), qint64(-4));
        QCOMPARE(Settlement::taxOnNet(49, 700), qint64(3));
        // 1.19 incl. 19 % holds exactly 0.19.
        QCOMPARE(Settlement::taxIncluded(119, 1900), qint64(19));
    }

    void deposit_data()
    {
        QTest::addColumn<qint64>("paid");
        QTest::addColumn<qint64>("refunded");
        QTest::addColumn<qint64>("deposit");
        QTest::addColumn<qint64>("capture");
        QTest::addColumn<qint64>("release");
        QTest::addColumn<qint64>("due");
        // The bill is 150.00.
        QTest::newRow("captured in full")
            << qint64(0) << qint64(0) << qint64(20000) << qint64(15000) << qint64(5000) << qint64(0);
        QTest::newRow("partly captured") << qint64(10000) << qint64(0) << qint64(3000) << qint64(3000) << qint64(0)
                                         << qint64(2000);
        QTest::newRow("released: paid in full")
            << qint64(15000) << qint64(0) << qint64(20000) << qint64(0) << qint64(20000) << qint64(0);
        QTest::newRow("overpaid: released, money back")
            << qint64(20000) << qint64(0) << qint64(5000) << qint64(0) << qint64(5000) << qint64(-5000);
        QTest::newRow("a refund counts") << qint64(20000) << qint64(8000) << qint64(5000) << qint64(3000)
                                         << qint64(2000) << qint64(0);
    }

    void deposit()
    {
        QFETCH(qint64, paid);
        QFETCH(qint64, refunded);
        QFETCH(qint64, deposit);
        QFETCH(qint64, capture);
        QFETCH(qint64, release);
        QFETCH(qint64, due);
        SettlementInput in = input();
        in.paidCents = paid;
        in.refundedCents = refunded;
        in.depositHeldCents = deposit;
        const auto bill = Settlement::compute(in);
        QVERIFY(bill);
        QCOMPARE(bill->paidCents, paid - refunded);
        QCOMPARE(bill->balanceCents, 15000 - (paid - refunded));
        QCOMPARE(bill->depositHeldCents, deposit);
        QCOMPARE(bill->depositCaptureCents, capture);
        QCOMPARE(bill->depositReleaseCents, release);
        QCOMPARE(bill->dueCents, due);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("says");
        QTest::newRow("odometer back") << "odometer"
                                       << "odometer";
        QTest::newRow("fuel above full") << "fuel9"
                                         << "eighths";
        QTest::newRow("fuel below empty") << "fuel-1"
                                          << "eighths";
        QTest::newRow("return before pick-up") << "before"
                                               << "before it was picked up";
        QTest::newRow("negative damage") << "damage"
                                         << "Dent";
        QTest::newRow("negative payment") << "paid"
                                          << "zero or more";
        QTest::newRow("negative rate") << "rate"
                                       << "zero or more";
    }

    void refusesBadInput()
    {
        QFETCH(QString, what);
        QFETCH(QString, says);
        SettlementInput in = input();
        if (what == u"odometer")
            in.odometerIn = in.odometerOut - 1;
        else if (what == u"fuel9")
            in.fuelInEighths = 9;
        else if (what == u"fuel-1")
            in.fuelOutEighths = -1;
        else if (what == u"before")
            in.actualReturn = in.pickup.addSecs(-60);
        else if (what == u"damage")
            in.damages = {{QStringLiteral("Dent"), -100}};
        else if (what == u"paid")
            in.paidCents = -1;
        else if (what == u"rate")
            in.rates.base.dailyCents = -1;
        QVERIFY(Settlement::compute(input()));
        const auto bill = Settlement::compute(in);
        QVERIFY(!bill);
        QCOMPARE(bill.error().code, Error::Code::InvalidInput);
        QVERIFY2(bill.error().message.contains(says), qPrintable(bill.error().message));
    }
};

QTEST_APPLESS_MAIN(TestSettlement)
#include "tst_settlement.moc"
