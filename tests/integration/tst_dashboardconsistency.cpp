#include "DashboardFigures.h"
#include "TestDatabase.h"
#include "db/Database.h"
#include "services/BookingService.h"
#include "services/DashboardService.h"
#include "services/DemoDataService.h"
#include "services/FleetService.h"
#include "services/SalesService.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

// The figures the database keeps (the triggers of migrations 0016 and 0017) against the same figures computed from the
// base tables, after a random mix of changes: bookings created, moved, cancelled, picked up, returned early and late;
// cars imported, sold, sales voided, cars moved between branches (and zones), repriced, renamed, joining and
// leaving the rental fleet, retired; VIN requests made and finished. Every figure of every dashboard, for several
// periods and branches: money exactly, everything else within 1e-9. FORECOURT_TEST_SEED repeats a run.
class TestDashboardConsistency : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    bool exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        if (!error.isEmpty())
            qWarning("seed %llu: %s", static_cast<unsigned long long>(m_seed), qPrintable(error));
        return error.isEmpty();
    }

    // A random id from `sql` (one column of ids), or 0 when there is none.
    qint64 pick(const std::string &sql)
    {
        return query("SELECT id FROM (" + sql + ") x ORDER BY md5(id::text || '" + std::to_string(m_random.generate()) +
                     "') LIMIT 1")
            .toLongLong();
    }

    QList<qint64> pickSome(const std::string &sql, int most)
    {
        QList<qint64> ids;
        const int count = 1 + int(m_random.bounded(most));
        for (const QString &id :
             query("SELECT string_agg(id::text, ',') FROM (SELECT id FROM (" + sql + ") x ORDER BY md5(id::text || '" +
                   std::to_string(m_random.generate()) + "') LIMIT " + std::to_string(count) + ") y")
                 .split(QLatin1Char(','), Qt::SkipEmptyParts))
            ids << id.toLongLong();
        return ids;
    }

    QDateTime randomTime(qint64 fromDays, qint64 toDays)
    {
        const qint64 minutes = (fromDays * 1440) + qint64(m_random.bounded(quint64((toDays - fromDays) * 1440)));
        return QDateTime::currentDateTimeUtc().addSecs(minutes * 60);
    }

    QString branchCode()
    {
        static const QStringList codes{QStringLiteral("FRA"), QStringLiteral("CGN"), QStringLiteral("NYC"),
                                       QStringLiteral("BOM")};
        return codes.at(int(m_random.bounded(codes.size())));
    }

    // One random change; true when it went through (a refusal, such as a double booking, is fine too).
    bool randomChange()
    {
        const std::string r = std::to_string(m_random.generate() % 100000);
        switch (m_random.bounded(16)) {
        case 0: { // a reservation
            BookingRequest request;
            request.carId = pick("SELECT id FROM cars WHERE status IN ('available', 'reserved', 'rented')");
            request.customerId = pick("SELECT id FROM customers");
            request.pickup = randomTime(1, 90);
            request.returned = request.pickup.addSecs(3600 + qint64(m_random.bounded(10 * 86400)));
            request.rates.dailyCents = 2500 + qint64(m_random.bounded(10000));
            return bool(BookingService::create(*m_database, request));
        }
        case 1: { // moved
            const qint64 booking = pick("SELECT id FROM bookings WHERE status = 'reserved' AND return_at > now()");
            const QDateTime pickup = randomTime(1, 60);
            return booking &&
                   bool(BookingService::reschedule(
                       *m_database, booking, pick("SELECT id FROM cars WHERE status IN ('available', 'reserved')"),
                       pickup, pickup.addSecs(7200 + qint64(m_random.bounded(6 * 86400)))));
        }
        case 2: { // cancelled or not taken up
            const qint64 booking = pick("SELECT id FROM bookings WHERE status = 'reserved'");
            return booking && bool(BookingService::cancel(*m_database, booking, m_random.bounded(2) == 0));
        }
        case 3: // picked up (as a desk would record a hand-over, early or late)
            return exec("UPDATE bookings SET status = 'active', picked_up_at = pickup_at + interval '" + r +
                        " seconds' / 50 WHERE id = " +
                        std::to_string(pick("SELECT id FROM bookings WHERE status = 'reserved'")));
        case 4: { // returned early or late
            const qint64 booking = pick("SELECT id FROM bookings WHERE status = 'active'");
            if (!booking)
                return false;
            const QDateTime returnAt = QDateTime::fromString(
                query("SELECT to_char(return_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM bookings "
                      "WHERE id = " +
                      std::to_string(booking)),
                Qt::ISODate);
            return bool(BookingService::returnCar(*m_database, booking, 20000 + int(m_random.bounded(200000)), 80, {},
                                                  returnAt.addSecs(qint64(m_random.bounded(6 * 86400)) - 3 * 86400)));
        }
        case 5: // cars imported (one statement, several rows)
            return exec("INSERT INTO cars (vin, make, model, model_year, list_price, cost, acquired_on, listed_on, "
                        "  for_rent, mileage_km, body_type, branch_id) "
                        "SELECT 'ZFA' || upper(substr(md5(g::text || '" +
                        r +
                        "' || clock_timestamp()), 1, 14)), "
                        "  (ARRAY['Fiat', 'Kia', 'Audi'])[1 + g % 3], 'Model ' || g % 4, 2020, 5000 + g * 1234.5, "
                        "  CASE WHEN g % 3 > 0 THEN 4000 + g * 1000 END, "
                        "  CASE WHEN g % 2 = 0 THEN current_date - (g * 17 + " +
                        r +
                        " % 400) END, "
                        "  CASE WHEN g % 4 = 1 THEN current_date - g * 3 END, g % 2 = 1, g * 21000, "
                        "  CASE WHEN g % 5 = 0 THEN 'suv' END, "
                        "  (SELECT id FROM branches ORDER BY md5(id::text || g || '" +
                        r +
                        "') LIMIT 1) "
                        "FROM generate_series(1, 1 + " +
                        r + " % 6) g");
        case 6: { // sold
            SaleRequest sale;
            sale.carId = pick("SELECT id FROM cars WHERE status NOT IN ('sold', 'retired')");
            sale.soldOn = QDate::currentDate().addDays(-qint64(m_random.bounded(700)));
            sale.priceCents = 100000 + qint64(m_random.bounded(5000000));
            sale.salesperson = m_random.bounded(2) ? QStringLiteral("maria") : QStringLiteral("tom");
            return sale.carId && bool(SalesService::sell(*m_database, sale));
        }
        case 7: { // a sale voided
            const qint64 sale = pick("SELECT id FROM car_sales WHERE voided_at IS NULL");
            return sale && bool(SalesService::voidSale(*m_database, sale, QStringLiteral("Entered by mistake")));
        }
        case 8: // moved between branches
            return bool(FleetService::setLocation(*m_database, pickSome("SELECT id FROM cars", 5), branchCode()));
        case 9: { // repriced
            PriceAdjustment adjustment;
            adjustment.kind = PriceAdjustment::Kind::Percent;
            adjustment.percent = double(m_random.bounded(40)) - 20;
            return bool(FleetService::adjustPrice(*m_database, pickSome("SELECT id FROM cars", 20), adjustment));
        }
        case 10: { // joining or leaving the rental fleet
            QStringList ids;
            for (const qint64 id : pickSome("SELECT id FROM cars", 10))
                ids << QString::number(id);
            return !ids.isEmpty() && exec("UPDATE cars SET for_rent = NOT for_rent WHERE id IN (" +
                                          ids.join(QLatin1Char(',')).toStdString() + ")");
        }
        case 11: { // retired, in service, available again
            static const QStringList statuses{QStringLiteral("retired"), QStringLiteral("in_service"),
                                              QStringLiteral("available")};
            return bool(FleetService::setStatus(
                *m_database, pickSome("SELECT id FROM cars WHERE status NOT IN ('sold', 'rented')", 4),
                statuses.at(int(m_random.bounded(3)))));
        }
        case 12: // VIN requests made, then some finished
            return exec("INSERT INTO vin_requests (batch_id, vin, requested_at) "
                        "SELECT 1, vin, now() - interval '1 minute' * (" +
                        r +
                        " % 50000) FROM cars "
                        "ORDER BY md5(id::text || '" +
                        r + "') LIMIT 3") &&
                   exec("UPDATE vin_requests SET status = CASE WHEN id % 3 = 0 THEN 'failed' ELSE 'done' END, "
                        "  finished_at = requested_at + interval '1 second' * (id % 17), "
                        "  error = CASE WHEN id % 3 = 0 THEN 'no answer' END, reused = id % 5 = 0, "
                        "  report_id = CASE WHEN id % 3 <> 0 THEN (SELECT min(r.id) FROM vin_reports r) + id % 2 END "
                        "WHERE status = 'pending' AND id % 2 = " +
                        std::to_string(m_random.bounded(2)));
        case 13: // when the cars came in
            return exec("UPDATE cars SET acquired_on = CASE WHEN id % 2 = 0 THEN current_date - " + r +
                        " % 300 END, listed_on = NULL WHERE id IN (SELECT id FROM cars ORDER BY md5(id::text || '" + r +
                        "') LIMIT 5)");
        case 14: // make or model corrected (a car's bookings follow it; its sale keeps the car as sold)
            return exec("UPDATE cars SET make = CASE WHEN id % 2 = 0 THEN (ARRAY['Fiat', 'Kia', 'Audi'])[1 + " + r +
                        " % 3] ELSE make END, model = 'Model " + r +
                        " ' || id % 3 WHERE id IN (SELECT id FROM cars ORDER BY md5(id::text || '" + r + "') LIMIT 4)");
        default: // a car without bookings or sales deleted
            return exec(
                "DELETE FROM cars WHERE id = " +
                std::to_string(pick("SELECT id FROM cars c WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE "
                                    "car_id = c.id) AND NOT EXISTS (SELECT 1 FROM car_sales WHERE car_id = c.id) "
                                    "AND NOT EXISTS (SELECT 1 FROM car_price_history WHERE car_id = c.id)")));
        }
    }

    // Every figure of `expected` and `actual` alike; the differences in words.
    static QStringList differences(const DashboardFigures &actual, const DashboardFigures &expected)
    {
        QStringList found;
        const auto compare = [&](const QString &where, const DashboardPoint &a, const DashboardPoint &e) {
            if (a.key != e.key)
                found << QStringLiteral("%1: key %2, expected %3").arg(where, a.key, e.key);
            else if (a.cents != e.cents)
                found << QStringLiteral("%1 %2: %3 cents, expected %4")
                             .arg(where, a.key)
                             .arg(a.cents.value_or(-1))
                             .arg(e.cents.value_or(-1));
            else if (std::abs(a.value - e.value) > 1e-9 * std::max(1.0, std::abs(e.value)))
                found << QStringLiteral("%1 %2: %3, expected %4")
                             .arg(where, a.key)
                             .arg(a.value, 0, 'g', 17)
                             .arg(e.value, 0, 'g', 17);
        };
        if (actual.tiles.size() != expected.tiles.size())
            found << QStringLiteral("%1 tiles, expected %2").arg(actual.tiles.size()).arg(expected.tiles.size());
        for (qsizetype i = 0; i < std::min(actual.tiles.size(), expected.tiles.size()); ++i)
            compare(QStringLiteral("tile"), actual.tiles[i], expected.tiles[i]);
        for (const auto &[name, points] : expected.series) {
            const DashboardSeries *other = actual.seriesNamed(name);
            if (!other || other->size() != points.size()) {
                found << QStringLiteral("series %1: %2 points, expected %3")
                             .arg(name)
                             .arg(other ? other->size() : -1)
                             .arg(points.size());
                continue;
            }
            for (qsizetype i = 0; i < points.size(); ++i)
                compare(name, other->at(i), points[i]);
        }
        return found;
    }

    void compareEverything(const QString &when)
    {
        const QDate today = QDate::currentDate();
        const QList<std::pair<QDate, QDate>> periods{
            {today.addDays(-6), today},
            {today.addDays(-29), today},
            {QDate(today.year(), today.month(), 1), today},
            {today.addMonths(-12).addDays(1), today},
            {today.addMonths(-24).addDays(1), today},
            {today, today.addDays(60)},
            {QDate(2026, 10, 25), QDate(2026, 10, 25)}, // summer time ends in Berlin and Europe
            {QDate(2026, 3, 8), QDate(2026, 3, 8)},     // and begins in New York
        };
        const QStringList branches{QString(), QStringLiteral("FRA"), QStringLiteral("NYC"), QStringLiteral("BOM"),
                                   QStringLiteral("HAM")};
        DashboardQuery request;
        request.now = QDateTime::currentDateTimeUtc();
        int compared = 0;
        // Operations has one path (the queue and workers now, no figures' tables) and moves with the clock.
        const QStringList dashboards{QStringLiteral("stock"), QStringLiteral("rentals"), QStringLiteral("sales"),
                                     QStringLiteral("vin")};
        for (const QString &dashboard : dashboards)
            for (const auto &[from, to] : periods)
                for (const QString &branch : branches) {
                    request.from = from;
                    request.to = to;
                    request.branchCode = branch;
                    const auto fast = DashboardService::figures(*m_database, dashboard, request);
                    const auto slow =
                        DashboardService::figures(*m_database, dashboard, request, DashboardSource::BaseTables);
                    if (!fast || !slow)
                        QFAIL(qPrintable((fast ? slow.error() : fast.error()).oneLine()));
                    const QStringList found = differences(*fast, *slow);
                    QVERIFY2(found.isEmpty(),
                             qPrintable(QStringLiteral("seed %1, %2, %3 %4..%5 %6: %7")
                                            .arg(m_seed)
                                            .arg(when, dashboard, from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                                                 branch.isEmpty() ? QStringLiteral("all") : branch)
                                            .arg(found.mid(0, 10).join(QStringLiteral("; ")))));
                    ++compared;
                }
        QCOMPARE(compared, 4 * 8 * 5);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QByteArray seed = qgetenv("FORECOURT_TEST_SEED");
        m_seed = seed.isEmpty() ? QRandomGenerator::global()->generate64() : seed.toULongLong();
        m_random.seed(m_seed);
        qInfo("seed %llu (FORECOURT_TEST_SEED=%llu repeats this run)", static_cast<unsigned long long>(m_seed),
              static_cast<unsigned long long>(m_seed));
        m_db = std::make_unique<TestDatabase>(QStringLiteral("dashconsistency"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        DemoDataOptions demo;
        demo.cars = 300;
        demo.seed = m_seed;
        QVERIFY(DemoDataService::generate(*m_database, demo));
        // Branches in other zones (New York: summer time on other days; Mumbai: half an hour off, none).
        QVERIFY(exec("INSERT INTO branches (code, name, time_zone) VALUES ('NYC', 'New York', 'America/New_York'), "
                     "('BOM', 'Mumbai', 'Asia/Kolkata')"));
        QVERIFY(exec("UPDATE cars SET for_rent = id % 3 <> 0"));
        QVERIFY(exec("UPDATE cars SET branch_id = NULL WHERE id % 29 = 0")); // cars without a branch count as UTC
        QVERIFY(exec("INSERT INTO vin_reports (vin, provider, simulated, accidents, stolen, title_brands, report) "
                     "VALUES ('ZFA00000000000001', 's', true, 2, false, '{salvage}', '{}'), "
                     "('ZFA00000000000002', 's', true, 0, true, '{}', '{}')"));
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void afterTheDemoData() { compareEverything(QStringLiteral("after the demo data")); }

    void afterRandomChanges()
    {
        int applied = 0;
        for (int i = 0; i < 400; ++i)
            applied += randomChange() ? 1 : 0;
        qInfo("%d of 400 changes went through", applied);
        QVERIFY2(applied > 150,
                 qPrintable(QStringLiteral("seed %1: only %2 changes went through").arg(m_seed).arg(applied)));
        compareEverything(QStringLiteral("after 400 changes"));
    }

    // A desk's bookings wait in dash_booking_delta (and other statements' figures in the summed deltas) until a
    // fold: folding them into the keyed tables leaves every figure as it was and the deltas empty.
    void foldingKeepsTheFigures()
    {
        QVERIFY(exec("SELECT setval('dash_fold_turn', 1)")); // no fold in the next 254 figure statements
        int booked = 0;
        for (int i = 0; i < 200 && booked < 8; ++i) {
            BookingRequest request;
            request.carId = pick("SELECT id FROM cars WHERE status IN ('available', 'reserved', 'rented')");
            request.customerId = pick("SELECT id FROM customers");
            request.pickup = randomTime(1, 90);
            request.returned = request.pickup.addSecs(3600 + qint64(m_random.bounded(10 * 86400)));
            request.rates.dailyCents = 4900;
            booked += BookingService::create(*m_database, request) ? 1 : 0;
        }
        QVERIFY(booked > 0);
        QVERIFY(query("SELECT count(*) FROM dash_booking_delta").toInt() >= booked);
        QVERIFY(exec("CREATE TABLE dash_unfolded AS " + dashboardFiguresSnapshotSql()));
        QVERIFY(exec("SELECT dash_compact()"));
        QCOMPARE(query("SELECT (SELECT count(*) FROM dash_booking_delta) + (SELECT count(*) FROM dash_rental_delta) "
                       "  + (SELECT count(*) FROM dash_models_delta)"),
                 QStringLiteral("0"));
        QVERIFY(exec("CREATE TABLE dash_folded AS " + dashboardFiguresSnapshotSql()));
        QCOMPARE(query(dashboardFiguresDifferenceSql("dash_unfolded", "dash_folded")), QStringLiteral("0"));
        QVERIFY(exec("DROP TABLE dash_unfolded, dash_folded"));
        compareEverything(QStringLiteral("after a fold"));
    }

    // The figures' tables hold what a rebuild from the base tables writes (rows of zeros aside).
    void theTablesEqualARebuild()
    {
        QVERIFY(exec("CREATE TABLE dash_kept AS " + dashboardFiguresSnapshotSql()));
        QVERIFY(query("SELECT count(*) FROM dash_kept WHERE t = 'models'").toInt() > 50);
        QVERIFY(exec("SELECT dash_rebuild_all()"));
        QVERIFY(exec("CREATE TABLE dash_fresh AS " + dashboardFiguresSnapshotSql()));
        QCOMPARE(query(dashboardFiguresDifferenceSql("dash_kept", "dash_fresh")), QStringLiteral("0"));
        QVERIFY(query("SELECT count(*) FROM dash_kept").toInt() > 100);
        QVERIFY(exec("DROP TABLE dash_kept, dash_fresh"));
    }

    // Desks writing the same figures at once (bookings of one branch on the same days, sales of its cars): no
    // update is lost and none deadlocks (each statement takes its figures' rows in key order).
    void concurrentWritersLoseNothing()
    {
        QVERIFY(exec("UPDATE cars SET branch_id = (SELECT id FROM branches WHERE code = 'FRA'), for_rent = true "
                     "WHERE status IN ('available', 'reserved', 'rented')"));
        QList<qint64> cars;
        for (const QString &id : query("SELECT string_agg(id::text, ',') FROM (SELECT id FROM cars c WHERE status = "
                                       "'available' AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.car_id = c.id AND "
                                       "b.status IN ('reserved', 'active')) ORDER BY id LIMIT 60) x")
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts))
            cars << id.toLongLong();
        const qint64 customer = pick("SELECT id FROM customers");
        constexpr int desks = 6;
        std::atomic<int> failures{0};
        std::atomic<int> written{0};
        QString firstFailure;
        std::vector<std::thread> threads;
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(3);
        for (int desk = 0; desk < desks; ++desk)
            threads.emplace_back([&, desk] {
                auto database = Database::open(m_db->profile());
                if (!database) {
                    ++failures;
                    return;
                }
                for (qsizetype i = desk; i < cars.size(); i += desks) {
                    // Every desk books the same days; every third car is sold instead.
                    std::optional<Error> error;
                    if (i % 3 == 2) {
                        SaleRequest sale;
                        sale.carId = cars[i];
                        sale.soldOn = QDate::currentDate();
                        sale.priceCents = 1500000;
                        sale.salesperson = QStringLiteral("desk");
                        if (const auto sold = SalesService::sell(**database, sale); !sold)
                            error = sold.error();
                    } else {
                        BookingRequest request;
                        request.carId = cars[i];
                        request.customerId = customer;
                        request.pickup = start.addSecs(3600 * (i % 5));
                        request.returned = request.pickup.addDays(2);
                        request.rates.dailyCents = 5000;
                        if (const auto booked = BookingService::create(**database, request); !booked)
                            error = booked.error();
                    }
                    if (!error)
                        ++written;
                    else if (failures++ == 0)
                        firstFailure = error->oneLine();
                }
            });
        for (std::thread &thread : threads)
            thread.join();
        QVERIFY2(
            failures == 0,
            qPrintable(
                QStringLiteral("seed %1: %2 failed, first: %3").arg(m_seed).arg(failures.load()).arg(firstFailure)));
        QVERIFY(written > 10);
        compareEverything(QStringLiteral("after concurrent desks"));
    }

    // A branch's new time zone moves its days: the figures are rebuilt and agree again.
    void afterANewTimeZone()
    {
        QVERIFY(exec("UPDATE branches SET time_zone = 'Australia/Sydney' WHERE code = 'CGN'"));
        for (int i = 0; i < 50; ++i)
            randomChange();
        compareEverything(QStringLiteral("after a new time zone"));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    quint64 m_seed = 0;
    QRandomGenerator64 m_random;
};

QTEST_GUILESS_MAIN(TestDashboardConsistency)
#include "tst_dashboardconsistency.moc"
