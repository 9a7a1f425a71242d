#include "TestDatabase.h"
#include "db/Database.h"
#include "services/DemoDataService.h"
#include "services/SystemService.h"

#include <QTest>

#include <pqxx/pqxx>

class TestDemoData : public QObject
{
    Q_OBJECT

private slots:
    void generatesTheRequestedFleetDeterministically()
    {
        TestDatabase first(QStringLiteral("demo_a"));
        TestDatabase second(QStringLiteral("demo_b"));
        QVERIFY(first.isValid() && second.isValid());
        auto a = first.openMigrated();
        auto b = second.openMigrated();
        QVERIFY(a && b);

        DemoDataOptions options;
        options.cars = 3000;
        options.seed = 7;
        const auto summary = DemoDataService::generate(*a, options);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().oneLine()));
        QCOMPARE(summary->cars, 3000);
        QVERIFY(DemoDataService::generate(*b, options));

        QCOMPARE(scalar(*a, "SELECT count(*) FROM cars"), QStringLiteral("3000"));
        QVERIFY(scalar(*a, "SELECT count(*) FROM branches").toInt() >= 2);
        const std::string fingerprint =
            "SELECT md5(string_agg(vin || stock_number || list_price || status, ',' ORDER BY vin)) FROM cars";
        QCOMPARE(scalar(*a, fingerprint), scalar(*b, fingerprint));
        // Every car has its price history, and the bulk load left one event in the outbox.
        QCOMPARE(scalar(*a, "SELECT count(DISTINCT car_id) FROM car_price_history WHERE car_id IN "
                            "(SELECT id FROM cars WHERE listed_on IS NOT NULL)"),
                 scalar(*a, "SELECT count(*) FROM cars WHERE listed_on IS NOT NULL"));
        QCOMPARE(scalar(*a, "SELECT count(*) FROM outbox_events WHERE topic = 'demo.generated'"), QStringLiteral("1"));

        // Customers and a year of bookings around today on a third of the fleet, consistent with the cars.
        QVERIFY(summary->customers >= 40);
        QVERIFY(summary->bookings > 1000);
        QCOMPARE(scalar(*a, "SELECT count(*) FROM bookings"), QString::number(summary->bookings));
        QCOMPARE(scalar(*a, "SELECT min(pickup_at) < now() - interval '150 days' AND "
                            "max(pickup_at) > now() + interval '150 days' FROM bookings"),
                 QStringLiteral("t"));
        QCOMPARE(scalar(*a, "SELECT count(*) FROM (SELECT car_id FROM bookings WHERE status = 'active' "
                            "GROUP BY car_id HAVING count(*) > 1) twice"),
                 QStringLiteral("0"));
        QCOMPARE(scalar(*a, "SELECT count(*) FROM bookings b JOIN cars c ON c.id = b.car_id "
                            "WHERE b.status = 'active' AND c.status <> 'rented'"),
                 QStringLiteral("0"));
        QCOMPARE(scalar(*a, "SELECT bool_and(status = 'reserved') FROM bookings WHERE pickup_at > now()"),
                 QStringLiteral("t"));
        QVERIFY(scalar(*a, "SELECT count(*) FROM bookings WHERE status = 'active' AND return_at < now()").toInt() >= 1);
        QCOMPARE(scalar(*a, "SELECT count(*) FROM booking_balances bb JOIN bookings b ON b.id = bb.booking_id "
                            "WHERE b.status = 'completed' AND bb.balance <> 0"),
                 QStringLiteral("0"));
        QVERIFY(scalar(*a, "SELECT count(*) FROM customers WHERE licence_expiry < current_date").toInt() >= 1);

        options.seed = 8;
        options.replace = true;
        QVERIFY(DemoDataService::generate(*b, options));
        QVERIFY(scalar(*a, fingerprint) != scalar(*b, fingerprint));
    }

    void refusesToMixWithAnExistingFleet()
    {
        TestDatabase db(QStringLiteral("demo_existing"));
        QVERIFY(db.isValid());
        auto database = db.openMigrated();
        QVERIFY(database);
        DemoDataOptions options;
        options.cars = 10;
        QVERIFY(DemoDataService::generate(*database, options));

        const auto again = DemoDataService::generate(*database, options);
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(QStringLiteral("--replace")));

        options.ifEmpty = true;
        const auto skipped = DemoDataService::generate(*database, options);
        QVERIFY(skipped && skipped->skipped);
        QCOMPARE(scalar(*database, "SELECT count(*) FROM cars"), QStringLiteral("10"));
    }

    void cancellingWritesNothing()
    {
        TestDatabase db(QStringLiteral("demo_cancel"));
        QVERIFY(db.isValid());
        auto database = db.openMigrated();
        QVERIFY(database);
        DemoDataOptions options;
        options.cars = 12000;
        const auto result =
            DemoDataService::generate(*database, options, [](qint64 done, qint64) { return done < 5000; });
        QVERIFY(!result);
        QCOMPARE(scalar(*database, "SELECT count(*) FROM cars"), QStringLiteral("0"));
        QCOMPARE(scalar(*database, "SELECT count(*) FROM branches"), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
