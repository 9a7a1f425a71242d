#include "domain/RateCard.h"

#include "BerlinTime.h"

#include <QTest>

namespace {

const QTimeZone kBerlin = berlinZone();

// Base: 50.00 a day, 300.00 a week, 1,000.00 a month. Summer 2026 (1 July to 31 August): 60.00 a day, no
// weekly or monthly rate.
RateCard card()
{
    RateCard card;
    card.vehicleClass = QStringLiteral("Compact");
    card.base = RateSet{5000, 30000, 100000};
    card.seasons << Season{QStringLiteral("Summer 2026"), QDate(2026, 7, 1), QDate(2026, 8, 31), RateSet{6000, {}, {}}};
    return card;
}

qint64 sumOf(const QList<QuoteLine> &lines)
{
    qint64 sum = 0;
    for (const QuoteLine &line : lines)
        sum += line.amountCents;
    return sum;
}

} // namespace

class TestRateCard : public QObject
{
    Q_OBJECT

private slots:
    void cheapestCover_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("months");
        QTest::addColumn<int>("weeks");
        QTest::addColumn<int>("single");
        QTest::addColumn<qint64>("cents");
        // 50 a day, 300 a week, 1000 a month.
        QTest::newRow("5 days by the day") << 5 << 0 << 0 << 5 << qint64(25000);
        QTest::newRow("6 days: 300 by the day, a tie, days win") << 6 << 0 << 0 << 6 << qint64(30000);
        QTest::newRow("7 days: a week") << 7 << 0 << 1 << 0 << qint64(30000);
        QTest::newRow("9 days: a week and 2 days") << 9 << 0 << 1 << 2 << qint64(40000);
        // A week and 6 days (600) ties two weeks (600): days win.
        QTest::newRow("13 days: a tie") << 13 << 0 << 1 << 6 << qint64(60000);
        // 3 weeks + 4 days = 1100, 4 weeks = 1200, a month = 1000.
        QTest::newRow("25 days: a month") << 25 << 1 << 0 << 0 << qint64(100000);
        // a month + 2 days = 1100.
        QTest::newRow("32 days: a month and 2 days") << 32 << 1 << 0 << 2 << qint64(110000);
        // a month + a week = 1300 < a month + 8 days (1400) < 2 months? 2000: a month and a week.
        QTest::newRow("37 days") << 37 << 1 << 1 << 0 << qint64(130000);
    }

    void cheapestCover()
    {
        QFETCH(int, days);
        QFETCH(int, months);
        QFETCH(int, weeks);
        QFETCH(int, single);
        QFETCH(qint64, cents);
        const auto cover = RateCardPricing::cheapestCover(days, card().base);
        QCOMPARE(cover.months, months);
        QCOMPARE(cover.weeks, weeks);
        QCOMPARE(cover.days, single);
        QCOMPARE(cover.cents, cents);
    }

    void partWeekAsWeekWhenCheaper()
    {
        // 55.00 a day, 300.00 a week: 13 days are a week and 6 days (630.00) or two weeks (600.00).
        const auto cover = RateCardPricing::cheapestCover(13, RateSet{5500, 30000, {}});
        QCOMPARE(cover.weeks, 2);
        QCOMPARE(cover.days, 0);
        QCOMPARE(cover.cents, qint64(60000));
    }

    void withoutWeeklyOrMonthlyOnlyDays()
    {
        const auto cover = RateCardPricing::cheapestCover(40, RateSet{6000, {}, {}});
        QCOMPARE(cover.days, 40);
        QCOMPARE(cover.weeks, 0);
        QCOMPARE(cover.months, 0);
        QCOMPARE(cover.cents, qint64(40 * 6000));
    }

    void acrossSeasonBoundary()
    {
        // 28 June 10:00 to 3 July 10:00: days start 28, 29, 30 June (base) and 1, 2 July (summer).
        const auto quote = RateCardPricing::quote(card(), berlin(QStringLiteral("2026-06-28 10:00")),
                                                  berlin(QStringLiteral("2026-07-03 10:00")), kBerlin, 59);
        QVERIFY(quote);
        QCOMPARE(quote->days, 5);
        QCOMPARE(quote->lines.size(), 2);
        QCOMPARE(quote->lines[0].quantity, 3);
        QCOMPARE(quote->lines[0].unitCents, qint64(5000));
        QCOMPARE(quote->lines[0].kind, QString(QuoteLine::kRental));
        QVERIFY(!quote->lines[0].text.contains(QStringLiteral("Summer")));
        QCOMPARE(quote->lines[1].quantity, 2);
        QCOMPARE(quote->lines[1].unitCents, qint64(6000));
        QVERIFY(quote->lines[1].text.contains(QStringLiteral("Summer 2026")));
        QCOMPARE(quote->rentalCents, qint64(3 * 5000 + 2 * 6000));
        QCOMPARE(quote->totalCents, quote->rentalCents);
    }

    void seasonStartsByLocalDate()
    {
        // Picked up at 23:30 on 30 June: day 2 starts 1 July 23:30, a summer day.
        const auto quote = RateCardPricing::quote(card(), berlin(QStringLiteral("2026-06-30 23:30")),
                                                  berlin(QStringLiteral("2026-07-02 23:30")), kBerlin, 59);
        QVERIFY(quote);
        QCOMPARE(quote->rentalCents, qint64(5000 + 6000));
    }

    void acrossDstChange_data()
    {
        QTest::addColumn<QString>("pickup");
        QTest::addColumn<QString>("returned");
        QTest::addColumn<int>("days");
        // 29 March 2026 has 23 hours, 25 October 2026 has 25: each is one rental day.
        QTest::newRow("spring forward") << "2026-03-27 10:00"
                                        << "2026-03-30 10:00" << 3;
        QTest::newRow("fall back") << "2026-10-23 10:00"
                                   << "2026-10-26 10:00" << 3;
        QTest::newRow("fall back, an hour late within the grace") << "2026-10-24 10:00"
                                                                  << "2026-10-25 10:45" << 1;
    }

    void acrossDstChange()
    {
        QFETCH(QString, pickup);
        QFETCH(QString, returned);
        QFETCH(int, days);
        const auto quote = RateCardPricing::quote(card(), berlin(pickup), berlin(returned), kBerlin, 59);
        QVERIFY(quote);
        QCOMPARE(quote->days, days);
        QCOMPARE(quote->rentalCents, qint64(days) * 5000);
    }

    void weeklyAndMonthlyLines()
    {
        const QDateTime pickup = berlin(QStringLiteral("2026-04-01 09:00"));
        const auto quote = RateCardPricing::quote(card(), pickup, pickup.addDays(39), kBerlin, 59);
        QVERIFY(quote);
        // 39 days: a month + a week + 2 days = 1000 + 300 + 100 = 1400 (two months: 2000).
        QCOMPARE(quote->lines.size(), 3);
        QCOMPARE(quote->lines[0].quantity, 1);
        QCOMPARE(quote->lines[0].unitCents, qint64(100000));
        QCOMPARE(quote->lines[1].unitCents, qint64(30000));
        QCOMPARE(quote->lines[2].quantity, 2);
        QCOMPARE(quote->rentalCents, qint64(140000));
    }

    void extras()
    {
        const QDateTime pickup = berlin(QStringLiteral("2026-05-04 10:00"));
        const auto quote = RateCardPricing::quote(
            card(), pickup, pickup.addDays(3), kBerlin, 59,
            {{QStringLiteral("Child seat"), 700, true}, {QStringLiteral("Additional driver"), 2500, false}});
        QVERIFY(quote);
        QCOMPARE(quote->lines.size(), 3);
        QCOMPARE(quote->lines[1].kind, QString(QuoteLine::kExtra));
        QCOMPARE(quote->lines[1].quantity, 3);
        QCOMPARE(quote->lines[1].amountCents, qint64(2100));
        QVERIFY(quote->lines[1].text.contains(QStringLiteral("Child seat")));
        QCOMPARE(quote->lines[2].quantity, 1);
        QCOMPARE(quote->lines[2].amountCents, qint64(2500));
        QCOMPARE(quote->extrasCents, qint64(2100 + 2500));
        QCOMPARE(quote->totalCents, qint64(3 * 5000 + 4600));
        QCOMPARE(sumOf(quote->lines), quote->totalCents);
    }

    void deskTotal()
    {
        const QDateTime pickup = berlin(QStringLiteral("2026-05-04 10:00"));
        const auto quote = RateCardPricing::quote(card(), pickup, pickup.addDays(3), kBerlin, 59);
        QVERIFY(quote);
        const auto changed = RateCardPricing::withDeskTotal(*quote, 12000, QStringLiteral("Regular customer"));
        QVERIFY(changed);
        QCOMPARE(changed->totalCents, qint64(12000));
        QCOMPARE(changed->lines.constLast().kind, QString(QuoteLine::kOverride));
        QCOMPARE(changed->lines.constLast().amountCents, qint64(12000 - 15000));
        QVERIFY(changed->lines.constLast().text.contains(QStringLiteral("Regular customer")));
        QCOMPARE(sumOf(changed->lines), qint64(12000));
        // A second change replaces the first.
        const auto again = RateCardPricing::withDeskTotal(*changed, 14000, QStringLiteral("Manager"));
        QVERIFY(again);
        QCOMPARE(again->lines.size(), quote->lines.size() + 1);
        QCOMPARE(sumOf(again->lines), qint64(14000));
        QVERIFY(!RateCardPricing::withDeskTotal(*quote, 12000, QStringLiteral("  ")));
        QVERIFY(!RateCardPricing::withDeskTotal(*quote, -1, QStringLiteral("x")));
    }

    void refusesBadInput()
    {
        const QDateTime pickup = berlin(QStringLiteral("2026-05-04 10:00"));
        QVERIFY(!RateCardPricing::quote(card(), pickup, pickup, kBerlin, 59));
        QVERIFY(!RateCardPricing::quote(card(), pickup, pickup.addSecs(-60), kBerlin, 59));
        RateCard negative = card();
        negative.base.weeklyCents = -1;
        QVERIFY(!RateCardPricing::quote(negative, pickup, pickup.addDays(1), kBerlin, 59));
        RateCard overlapping = card();
        overlapping.seasons << Season{QStringLiteral("August"), QDate(2026, 8, 1), QDate(2026, 8, 31),
                                      RateSet{7000, {}, {}}};
        const auto overlap = RateCardPricing::quote(overlapping, pickup, pickup.addDays(1), kBerlin, 59);
        QVERIFY(!overlap);
        QVERIFY(overlap.error().message.contains(QStringLiteral("August")));
        RateCard backwards = card();
        backwards.seasons[0].last = QDate(2026, 6, 1);
        QVERIFY(!RateCardPricing::quote(backwards, pickup, pickup.addDays(1), kBerlin, 59));
        QVERIFY(!RateCardPricing::quote(card(), pickup, pickup.addDays(1), kBerlin, 59,
                                        {{QStringLiteral("GPS"), -5, false}}));
    }
};

QTEST_APPLESS_MAIN(TestRateCard)
#include "tst_ratecard.moc"
