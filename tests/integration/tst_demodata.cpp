#include "DashboardFigures.h"
#include "TestDatabase.h"
#include "db/Database.h"
#include "services/BookingService.h"
#include "services/DashboardService.h"
#include "services/DemoDataService.h"
#include "services/SystemService.h"

#include <QTest>

#include <utility>

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

    void flagsTheRentalFleetAndSellsTheStock()
    {
        TestDatabase db(QStringLiteral("demo_sales"));
        QVERIFY(db.isValid());
        auto database = db.openMigrated();
        QVERIFY(database);
        DemoDataOptions options;
        options.cars = 4000;
        options.seed = 11;
        const auto summary = DemoDataService::generate(*database, options);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().oneLine()));

        // The rental fleet is flagged, and the bookings are all on it; sold cars are not in it.
        const int fleet = scalar(*database, "SELECT count(*) FROM cars WHERE for_rent").toInt();
        QVERIFY2(fleet >= 100 && fleet <= 400, qPrintable(QString::number(fleet)));
        QCOMPARE(
            scalar(*database, "SELECT count(*) FROM bookings b JOIN cars c ON c.id = b.car_id WHERE NOT c.for_rent"),
            QStringLiteral("0"));
        QCOMPARE(scalar(*database, "SELECT count(*) FROM cars WHERE for_rent AND status IN ('sold', 'retired')"),
                 QStringLiteral("0"));
        QCOMPARE(scalar(*database, "SELECT count(*) FROM cars WHERE status = 'rented' AND NOT for_rent"),
                 QStringLiteral("0"));

        // Every sold car has its sale, at its sold date, over two years; still about one car in seven at this size.
        QVERIFY(summary->sales > 300);
        QVERIFY2(summary->sales < options.cars / 5, qPrintable(QString::number(summary->sales)));
        QCOMPARE(scalar(*database, "SELECT count(*) FROM car_sales"), QString::number(summary->sales));
        QCOMPARE(scalar(*database, "SELECT count(*) FROM cars WHERE status = 'sold'"), QString::number(summary->sales));
        QCOMPARE(scalar(*database, "SELECT count(*) FROM car_sales s JOIN cars c ON c.id = s.car_id "
                                   "WHERE s.sold_on <> c.sold_on OR s.voided_at IS NOT NULL OR s.cost IS NULL"),
                 QStringLiteral("0"));
        QCOMPARE(scalar(*database, "SELECT min(sold_on) < current_date - 600 AND max(sold_on) <= current_date "
                                   "AND max(sold_on) > current_date - 30 FROM car_sales"),
                 QStringLiteral("t"));
        QVERIFY(scalar(*database, "SELECT count(*) FROM car_sales WHERE buyer_id IS NOT NULL").toInt() > 0);
        QVERIFY(scalar(*database, "SELECT count(DISTINCT salesperson) FROM car_sales").toInt() >= 4);

        // Most cars sell within 30 to 60 days, a tail after 90; the gross falls with the days to sell.
        const double within30To60 = scalar(*database, "SELECT avg((sold_on - in_stock_since BETWEEN 30 AND 60)::int) "
                                                      "FROM car_sales")
                                        .toDouble();
        QVERIFY2(within30To60 > 0.5, qPrintable(QString::number(within30To60)));
        const double past90 =
            scalar(*database, "SELECT avg((sold_on - in_stock_since > 90)::int) FROM car_sales").toDouble();
        QVERIFY2(past90 > 0.03 && past90 < 0.2, qPrintable(QString::number(past90)));
        QCOMPARE(scalar(*database, "SELECT avg((price - cost) / price) FILTER (WHERE sold_on - in_stock_since <= 60) > "
                                   "avg((price - cost) / price) FILTER (WHERE sold_on - in_stock_since > 90) "
                                   "FROM car_sales"),
                 QStringLiteral("t"));

        // The dashboards' figures were kept by the triggers: the same as from the base tables.
        DashboardQuery query;
        query.to = QDate::currentDate();
        query.from = query.to.addMonths(-24).addDays(1);
        for (const QString &name : {QStringLiteral("sales"), QStringLiteral("stock")}) {
            const auto kept = DashboardService::figures(*database, name, query);
            const auto computed = DashboardService::figures(*database, name, query, DashboardSource::BaseTables);
            QVERIFY(kept && computed);
            for (const QString &tile : {QStringLiteral("units"), QStringLiteral("gross_total"),
                                        QStringLiteral("in_stock"), QStringLiteral("stock_value_list")}) {
                QCOMPARE(kept->tileValue(tile), computed->tileValue(tile));
            }
        }
        const auto sales = DashboardService::sales(*database, query);
        QVERIFY(sales);
        QCOMPARE(sales->tileValue(QStringLiteral("units")), std::optional<double>(double(summary->sales)));
    }

    // The default demo (250 cars, as `forecourt demo-data` makes it) looks like a business on the Sales page:
    // sales in every month of the last year, enough of them for a trend, and still a stock and a rental fleet.
    void theDefaultDemoSellsEveryMonth()
    {
        TestDatabase db(QStringLiteral("demo_default"));
        QVERIFY(db.isValid());
        auto database = db.openMigrated();
        QVERIFY(database);
        const DemoDataOptions options; // the defaults
        QCOMPARE(options.cars, 250);
        const auto summary = DemoDataService::generate(*database, options);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().oneLine()));
        // About five a month over two years (before: 14 % of the cars, 1.5 a month).
        QVERIFY2(summary->sales >= 96, qPrintable(QString::number(summary->sales)));
        const int inStock =
            scalar(*database, "SELECT count(*) FROM cars WHERE status NOT IN ('sold', 'retired')").toInt();
        QVERIFY2(inStock >= 80, qPrintable(QString::number(inStock)));
        QVERIFY(scalar(*database, "SELECT count(*) FROM cars WHERE for_rent").toInt() >= 40);
        DashboardQuery query;
        query.to = QDate::currentDate();
        query.from = QDate(query.to.year(), query.to.month(), 1).addMonths(-11);
        const auto sales = DashboardService::sales(*database, query);
        QVERIFY(sales);
        const DashboardSeries months = *sales->seriesNamed(QStringLiteral("units_by_month"));
        QCOMPARE(months.size(), 12);
        int withSales = 0;
        for (const DashboardPoint &month : months.mid(0, 11)) // the current month may have just begun
            withSales += month.value >= 2 ? 1 : 0;
        QVERIFY2(withSales >= 9, qPrintable(QString::number(withSales)));
        QVERIFY(*sales->tileValue(QStringLiteral("units")) >= 45);
        // The shape of a large fleet is kept: about one car in seven sold (tst_demodatagenerator checks the mix).
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

    // demo-data defers the figures and rebuilds them once before it commits. A desk that writes during the load
    // on another connection (a car of its own, and a booking of it, committed) is in the figures, which equal a
    // rebuild's from the base tables.
    void deferredFiguresKeepADeskWritingDuringTheLoad()
    {
        TestDatabase db(QStringLiteral("demo_deferred"));
        QVERIFY(db.isValid());
        auto database = db.openMigrated();
        auto desk = Database::open(db.profile());
        QVERIFY(database && desk);
        QString deskError;
        qint64 deskBooking = 0;
        const auto deskWrites = [&] {
            const QString car = scalar(
                **desk, "WITH b AS (INSERT INTO branches (code, name, time_zone) VALUES ('DESK1', 'Desk', "
                        "'America/New_York') RETURNING id) "
                        "INSERT INTO cars (id, vin, make, model, model_year, list_price, branch_id, for_rent, "
                        "  acquired_on) OVERRIDING SYSTEM VALUE " // the load counts on the ids it takes in a row
                        "SELECT 900000001, 'WDB0000000DESK001', 'Deskmake', 'Deskmodel', 2021, 12345, id, false, "
                        "  current_date - 3 FROM b RETURNING id");
            const QString customer =
                scalar(**desk, "INSERT INTO customers (full_name) VALUES ('Desk customer') RETURNING id");
            BookingRequest request;
            request.carId = car.toLongLong();
            request.customerId = customer.toLongLong();
            request.pickup = QDateTime::currentDateTimeUtc().addDays(2);
            request.returned = request.pickup.addDays(3);
            request.rates.dailyCents = 4900;
            const auto booked = BookingService::create(**desk, request);
            if (booked)
                deskBooking = booked->id;
            else
                deskError = booked.error().oneLine();
        };
        DemoDataOptions options;
        // Below the bulk size: the load keeps the cars' indexes, so the desk does not wait. The desk's car is not for
        // rent, so the load books none of its own on it.
        options.cars = 5000;
        bool wrote = false;
        const auto summary = DemoDataService::generate(*database, options, [&](qint64, qint64) {
            if (!std::exchange(wrote, true))
                deskWrites();
            return true;
        });
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().oneLine()));
        QVERIFY2(wrote && deskBooking > 0, qPrintable(deskError));
        QCOMPARE(scalar(*database, "SELECT current_setting('forecourt.figures', true)"), QString());
        QCOMPARE(scalar(*database, "SELECT sum(cars) FROM dash_stock"),
                 scalar(*database, "SELECT count(*) FROM cars WHERE status NOT IN ('sold', 'retired')"));
        QCOMPARE(scalar(*database, "SELECT sum(bookings) FROM dash_rental_figures WHERE branch_id = (SELECT id FROM "
                                   "branches WHERE code = 'DESK1')"),
                 QStringLiteral("1"));
        QCOMPARE(scalar(*database, "SELECT sum(bookings) FROM dash_models_figures WHERE make = 'Deskmake' AND "
                                   "grain = 'm' AND branch_id = -1"),
                 QStringLiteral("1"));
        QVERIFY(scalar(*database, "SELECT sum(units) FROM dash_sales_daily").toInt() > 0);
        QCOMPARE(execute(*database, "CREATE TABLE figures_kept AS " + dashboardFiguresSnapshotSql()), QString());
        QCOMPARE(execute(*database, "SELECT dash_rebuild_all()"), QString());
        QCOMPARE(execute(*database, "CREATE TABLE figures_fresh AS " + dashboardFiguresSnapshotSql()), QString());
        QCOMPARE(scalar(*database, dashboardFiguresDifferenceSql("figures_kept", "figures_fresh")),
                 QStringLiteral("0"));
        QVERIFY(scalar(*database, "SELECT count(*) FROM figures_kept").toInt() > 1000);
    }

    // A bulk load (10,000 cars and more) holds the cars alone and suspends their figures' triggers for the load
    // (PostgreSQL would keep a copy of every new row for them): the figures still equal a rebuild's, and the
    // triggers are back as they were, on (or off, when someone had turned one off before).
    void bulkLoadSuspendsTheCarsTriggersAndResumesThem()
    {
        TestDatabase db(QStringLiteral("demo_bulk_triggers"));
        QVERIFY(db.isValid());
        auto database = db.openMigrated();
        QVERIFY(database);
        const std::string triggerStates(
            "SELECT string_agg(tgname || '=' || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger "
            "WHERE tgrelid = 'cars'::regclass AND tgname LIKE 'dash\\_%' AND NOT tgisinternal");
        QCOMPARE(execute(*database, "ALTER TABLE cars DISABLE TRIGGER dash_cars_delete"), QString());
        const QString before = scalar(*database, triggerStates);
        QVERIFY2(before.contains(QLatin1String("dash_cars_insert=O")), qPrintable(before));
        QVERIFY(before.contains(QLatin1String("dash_cars_delete=D")));

        DemoDataOptions options;
        options.cars = 10'000;
        const auto summary = DemoDataService::generate(*database, options);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().oneLine()));
        QCOMPARE(scalar(*database, triggerStates), before);
        QCOMPARE(scalar(*database, "SELECT sum(cars) FROM dash_stock"),
                 scalar(*database, "SELECT count(*) FROM cars WHERE status NOT IN ('sold', 'retired')"));
        QCOMPARE(execute(*database, "CREATE TABLE figures_kept AS " + dashboardFiguresSnapshotSql()), QString());
        QCOMPARE(execute(*database, "SELECT dash_rebuild_all()"), QString());
        QCOMPARE(execute(*database, "CREATE TABLE figures_fresh AS " + dashboardFiguresSnapshotSql()), QString());
        QCOMPARE(scalar(*database, dashboardFiguresDifferenceSql("figures_kept", "figures_fresh")),
                 QStringLiteral("0"));

        // A car written after the load counts at once: the insert trigger is on again.
        QCOMPARE(execute(*database, "INSERT INTO cars (vin, make, model, model_year, list_price) "
                                    "VALUES ('WDB0000000BULK001', 'Bulkmake', 'Bulkmodel', 2022, 10000)"),
                 QString());
        QCOMPARE(scalar(*database, "SELECT sum(cars) FROM dash_stock"),
                 scalar(*database, "SELECT count(*) FROM cars WHERE status NOT IN ('sold', 'retired')"));
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
