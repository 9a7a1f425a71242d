#include "domain/RentalPricing.h"

#include "BerlinTime.h"

#include <QTest>

namespace {

const QTimeZone kBerlin = berlinZone();

} // namespace

class TestRentalPricing : public QObject
{
    Q_OBJECT

private slots:
    void chargeableDays_data()
    {
        QTest::addColumn<QString>("pickup");
        QTest::addColumn<QString>("returned");
        QTest::addColumn<int>("days");
        QTest::newRow("two hours") << "2026-05-04 10:00"
                                   << "2026-05-04 12:00" << 1;
        QTest::newRow("exactly a day") << "2026-05-04 10:00"
                                       << "2026-05-05 10:00" << 1;
        QTest::newRow("within the grace") << "2026-05-04 10:00"
                                          << "2026-05-05 10:59" << 1;
        QTest::newRow("a started day") << "2026-05-04 10:00"
                                       << "2026-05-05 11:00" << 2;
        QTest::newRow("two days less an hour") << "2026-05-04 10:00"
                                               << "2026-05-06 09:00" << 2;
        QTest::newRow("a week") << "2026-05-04 10:00"
                                << "2026-05-11 10:30" << 7;
        // Spring forward (29 March 2026, 02:00 -> 03:00): 23 hours, one rental day.
        QTest::newRow("23-hour day") << "2026-03-28 10:00"
                                     << "2026-03-29 10:30" << 1;
        // Fall back (25 October 2026, 03:00 -> 02:00): 25.5 hours, still one day and a grace.
        QTest::newRow("25-hour day") << "2026-10-24 10:00"
                                     << "2026-10-25 10:30" << 1;
        QTest::newRow("25-hour day, late") << "2026-10-24 10:00"
                                           << "2026-10-25 11:30" << 2;
    }

    void chargeableDays()
    {
        QFETCH(QString, pickup);
        QFETCH(QString, returned);
        QFETCH(int, days);
        QCOMPARE(RentalPricing::chargeableDays(berlin(pickup), berlin(returned), kBerlin, 59), days);
    }

    void weeklyRateWhenCheaper_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<qint64>("rental");
        QTest::addColumn<int>("weeks");
        // 55.00 a day, 300.00 a week.
        QTest::newRow("5 days by the day") << 5 << qint64(27500) << 0;
        QTest::newRow("6 days: a week is cheaper") << 6 << qint64(30000) << 1;
        QTest::newRow("7 days") << 7 << qint64(30000) << 1;
        QTest::newRow("9 days: a week and 2 days") << 9 << qint64(41000) << 1;
        QTest::newRow("13 days: two weeks") << 13 << qint64(60000) << 2;
    }

    void weeklyRateWhenCheaper()
    {
        QFETCH(int, days);
        QFETCH(qint64, rental);
        QFETCH(int, weeks);
        RentalRates rates;
        rates.dailyCents = 5500;
        rates.weeklyCents = 30000;
        const QDateTime pickup = berlin(QStringLiteral("2026-05-04 10:00"));
        const auto quote = RentalPricing::quote(pickup, pickup.addDays(days), kBerlin, rates);
        QVERIFY(quote);
        QCOMPARE(quote->days, days);
        QCOMPARE(quote->rentalCents, rental);
        QCOMPARE(quote->weeks, weeks);
    }

    void extrasAndTotal()
    {
        RentalRates rates;
        rates.dailyCents = 4500;
        const QDateTime pickup = berlin(QStringLiteral("2026-05-04 10:00"));
        const auto quote = RentalPricing::quote(
            pickup, pickup.addDays(3), kBerlin, rates,
            {{QStringLiteral("Child seat"), 700, true}, {QStringLiteral("Cleaning"), 2500, false}});
        QVERIFY(quote);
        QCOMPARE(quote->rentalCents, qint64(13500));
        QCOMPARE(quote->extrasCents, qint64(3 * 700 + 2500));
        QCOMPARE(quote->totalCents, qint64(13500 + 4600));
    }

    void refusesBadInput()
    {
        RentalRates rates;
        rates.dailyCents = 4500;
        const QDateTime pickup = berlin(QStringLiteral("2026-05-04 10:00"));
        const auto backwards = RentalPricing::quote(pickup, pickup.addSecs(-3600), kBerlin, rates);
        QVERIFY(!backwards);
        QVERIFY(backwards.error().message.contains(QStringLiteral("after the pick-up")));
        QVERIFY(!RentalPricing::quote(pickup, pickup, kBerlin, rates)); // an empty range
        rates.dailyCents = -1;
        QVERIFY(!RentalPricing::quote(pickup, pickup.addDays(1), kBerlin, rates));
    }
};

QTEST_APPLESS_MAIN(TestRentalPricing)
#include "tst_rentalpricing.moc"
