#include "TestDatabase.h"
#include "db/Database.h"
#include "services/DashboardService.h"
#include "services/FleetService.h"
#include "services/SalesService.h"

#include <QJsonArray>
#include <QLocale>
#include <QTest>

#include <cmath>

// Each dashboard figure on a small data set whose values are worked out by hand below, from the figures'
// tables (maintained by the triggers of migration 0016) and from the base tables alike: utilisation across
// the end of summer time in Berlin (a 25-hour day), a booking over the period's edge, a void sale, a car
// moved between branches, a repriced car.
//
// "Now" is 2026-11-15 12:00 UTC (13:00 in Berlin, 07:00 in New York).
// Branch BER (Europe/Berlin), branch NYC (America/New_York). Cars:
//   A BER Toyota Yaris   for rent, list 20,000, cost 18,000, acquired 2026-11-10 ->  5 days in stock
//   B BER Toyota Corolla for rent, list 30,000, no cost,     acquired 2026-08-01 -> 106 days
//   C BER BMW 320        list 15,000, cost 12,000, listed 2026-10-01 (no acquisition date) -> 45 days
//   G BER Skoda Fabia    list 10,000, no cost, created 2026-11-14 23:30 UTC = 2026-11-15 00:30 in Berlin -> 0 days
//   D NYC Ford Kuga      for rent, list 25,000, cost 20,000, acquired 2026-11-01 -> 14 days
//   E BER VW Passat      list 26,000, cost 20,000, acquired 2026-10-01: sold 2026-11-03 for 25,000 (33 days, gross
//   5,000) H BER Ford Focus     list 19,000, no cost, acquired 2026-10-20: sold 2026-11-05 for 18,000 (16 days, no
//   gross) I BER VW Polo        list 23,000, cost 21,000, acquired 2026-10-30: sold 2026-11-06, voided -> in stock, 16
//   days
// Bookings:
//   A1 car A completed: picked up 2026-10-24 20:00 UTC (22:00 CEST), booked back 2026-10-25 22:00 UTC, returned late
//      2026-10-26 01:00 UTC (02:00 CET), total 150.00. Booked time in Berlin: Oct 24 2 h, Oct 25 25 h, Oct 26 2 h.
//   B1 car B cancelled, pick-up 2026-10-25 08:00 UTC.
//   C1 car C (not for rent) active, 2026-10-25 09:00 UTC to 2026-10-27 09:00 UTC: overdue now.
//   D1 car D active, 2026-10-25 04:00 to 16:00 UTC (00:00-12:00 EDT; 05:00-17:00 CET): overdue now.
Q_DECLARE_METATYPE(DashboardSource)

class TestDashboardService : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    qint64 car(const char *branch, const char *make, const char *model, const char *listPrice, const char *cost,
               const char *acquired, const char *listed, bool forRent, const char *createdAt = "now()")
    {
        ++m_cars;
        const std::string vin = QStringLiteral("TMBZZZ5JZ8B%1").arg(m_cars, 6, 10, QLatin1Char('0')).toStdString();
        return query(std::string("INSERT INTO cars (vin, make, model, model_year, list_price, cost, acquired_on, "
                                 "listed_on, for_rent, created_at, branch_id) VALUES ('") +
                     vin + "', '" + make + "', '" + model + "', 2022, " + listPrice + ", " + cost + ", " + acquired +
                     ", " + listed + ", " + (forRent ? "true" : "false") + ", " + createdAt +
                     ", (SELECT id FROM branches WHERE code = '" + branch + "')) RETURNING id")
            .toLongLong();
    }

    void booking(qint64 carId, const char *status, const char *pickup, const char *returnAt, const char *returnedAt,
                 const char *total)
    {
        exec(
            "INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, status, daily_rate, total, picked_up_at, "
            "returned_at) VALUES (" +
            std::to_string(carId) + ", " + std::to_string(m_customer) + ", '" + pickup + "', '" + returnAt + "', '" +
            status + "', 50, " + total + ", CASE WHEN '" + status + "' IN ('active', 'completed') THEN timestamptz '" +
            pickup + "' END, " + returnedAt + ")");
    }

    DashboardFigures figures(const char *dashboard, QDate from, QDate to, const char *branch, DashboardSource source)
    {
        DashboardQuery request;
        request.from = from;
        request.to = to;
        request.branchCode = QString::fromLatin1(branch);
        request.now = m_now;
        const auto result = DashboardService::figures(*m_database, QString::fromLatin1(dashboard), request, source);
        if (!result)
            qWarning("%s", qPrintable(result.error().oneLine()));
        return result.value_or(DashboardFigures{});
    }

    static bool near(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); }

    static QString values(const DashboardSeries &series)
    {
        QStringList parts;
        for (const DashboardPoint &point : series)
            parts << point.key + QLatin1Char('=') +
                         (point.cents ? QString::number(*point.cents) : QString::number(point.value, 'g', 12));
        return parts.join(QLatin1Char(' '));
    }

    static qint64 cents(const DashboardFigures &figures, const char *tile)
    {
        const DashboardPoint *point = figures.tile(QString::fromLatin1(tile));
        return point && point->cents ? *point->cents : -1;
    }

#define CHECK_TILE(figures, name, expected)                                                                            \
    do {                                                                                                               \
        const double actual_ = (figures).tileValue(QStringLiteral(name)).value_or(-12345);                             \
        QVERIFY2(near(actual_, (expected)), qPrintable(QStringLiteral("%1: %2, expected %3")                           \
                                                           .arg(QStringLiteral(name))                                  \
                                                           .arg(actual_, 0, 'g', 12)                                   \
                                                           .arg(double(expected), 0, 'g', 12)));                       \
    } while (false)

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_db = std::make_unique<TestDatabase>(QStringLiteral("dashboards"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        m_now = QDateTime(QDate(2026, 11, 15), QTime(12, 0), Qt::UTC);
        exec("INSERT INTO branches (code, name, time_zone) VALUES ('BER', 'Berlin', 'Europe/Berlin'), "
             "('NYC', 'New York', 'America/New_York')");
        exec("INSERT INTO customers (full_name) VALUES ('Lena Vogel')");
        m_customer = query("SELECT max(id) FROM customers").toLongLong();

        m_a = car("BER", "Toyota", "Yaris", "20000", "18000", "'2026-11-10'", "NULL", true);
        m_b = car("BER", "Toyota", "Corolla", "30000", "NULL", "'2026-08-01'", "NULL", true);
        const qint64 c = car("BER", "BMW", "320", "15000", "12000", "NULL", "'2026-10-01'", false);
        car("BER", "Skoda", "Fabia", "10000", "NULL", "NULL", "NULL", false, "'2026-11-14 23:30+00'");
        m_d = car("NYC", "Ford", "Kuga", "25000", "20000", "'2026-11-01'", "NULL", true);
        const qint64 e = car("BER", "Volkswagen", "Passat", "26000", "20000", "'2026-10-01'", "NULL", false);
        const qint64 h = car("BER", "Ford", "Focus", "19000", "NULL", "'2026-10-20'", "NULL", false);
        const qint64 i = car("BER", "Volkswagen", "Polo", "23000", "21000", "'2026-10-30'", "NULL", false);

        booking(m_a, "completed", "2026-10-24 20:00+00", "2026-10-25 22:00+00", "'2026-10-26 01:00+00'", "150.00");
        booking(m_b, "cancelled", "2026-10-25 08:00+00", "2026-10-27 08:00+00", "NULL", "100.00");
        booking(c, "active", "2026-10-25 09:00+00", "2026-10-27 09:00+00", "NULL", "100.00");
        booking(m_d, "active", "2026-10-25 04:00+00", "2026-10-25 16:00+00", "NULL", "50.00");

        const auto sell = [this](qint64 carId, QDate day, qint64 priceCents, const char *salesperson) {
            SaleRequest sale;
            sale.carId = carId;
            sale.soldOn = day;
            sale.priceCents = priceCents;
            sale.salesperson = QString::fromLatin1(salesperson);
            return SalesService::sell(*m_database, sale);
        };
        QVERIFY(sell(e, QDate(2026, 11, 3), 2500000, "maria"));
        QVERIFY(sell(h, QDate(2026, 11, 5), 1800000, "tom"));
        const auto polo = sell(i, QDate(2026, 11, 6), 2200000, "tom");
        QVERIFY(polo);
        QVERIFY(SalesService::voidSale(*m_database, polo->id, QStringLiteral("Buyer withdrew")));

        // VIN requests: two on 2 Nov (UTC), one done in 4 s with an accident on its report, one failed; one on 3 Nov.
        exec("INSERT INTO vin_reports (vin, provider, simulated, accidents, report) VALUES "
             "('TMBZZZ5JZ8B000001', 'simulated', true, 1, '{}')");
        exec("INSERT INTO vin_requests (batch_id, vin, requested_at, status, finished_at, report_id, error) VALUES "
             "(1, 'TMBZZZ5JZ8B000001', '2026-11-02 10:00+00', 'done', '2026-11-02 10:00:04+00', "
             "  (SELECT max(id) FROM vin_reports), NULL), "
             "(1, 'TMBZZZ5JZ8B000002', '2026-11-02 23:30+00', 'failed', '2026-11-02 23:31+00', NULL, 'no answer'), "
             "(2, 'TMBZZZ5JZ8B000003', '2026-11-03 00:10+00', 'pending', NULL, NULL, NULL)");
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void figures_data()
    {
        QTest::addColumn<DashboardSource>("source");
        QTest::newRow("aggregates") << DashboardSource::Aggregates;
        QTest::newRow("base tables") << DashboardSource::BaseTables;
    }

    // Runs every check below for one source; the order matters (later steps change the data).
    void figures()
    {
        QFETCH(DashboardSource, source);
        stock(source);
        utilisationAcrossTheDstDay(source);
        periodEdge(source);
        sales(source);
        popularModels(source);
        revenueByDayWeekOrMonth(source);
        targets(source);
        vinReports(source);
        operations(source);
    }

    // The Rentals page's lists now: idle cars (the rental fleet's, not out, no rental in the last 5 days),
    // longest idle first, and overdue rentals, longest overdue first; bounded, with the counts of all.
    void rentalLists()
    {
        DashboardQuery request;
        request.now = m_now;
        const auto all = DashboardService::rentalLists(*m_database, request);
        QVERIFY2(all, qPrintable(all ? QString() : all.error().oneLine()));
        // By stock number: A, back on 26 Oct 01:00 UTC, and B with only a cancelled booking (never rented). D is
        // out (overdue), C not for rent.
        QCOMPARE(all->idleCount, 2);
        QCOMPARE(all->idle.size(), 2);
        QCOMPARE(all->idle.at(0).carId, m_a);
        QCOMPARE(all->idle.at(0).lastRentalEnd, QDateTime(QDate(2026, 10, 26), QTime(1, 0), Qt::UTC));
        QCOMPARE(all->idle.at(0).branchCode, QStringLiteral("BER"));
        QCOMPARE(all->idle.at(1).carId, m_b);
        QVERIFY(!all->idle.at(1).lastRentalEnd.isValid());
        QCOMPARE(all->idle.at(0).make + QLatin1Char(' ') + all->idle.at(0).model, QStringLiteral("Toyota Yaris"));
        // D1 due back 25 Oct 16:00, C1 27 Oct 09:00 (UTC).
        QCOMPARE(all->overdueCount, 2);
        QCOMPARE(all->overdue.size(), 2);
        QCOMPARE(all->overdue.at(0).carId, m_d);
        QCOMPARE(all->overdue.at(0).dueAt, QDateTime(QDate(2026, 10, 25), QTime(16, 0), Qt::UTC));
        QCOMPARE(all->overdue.at(0).customer, QStringLiteral("Lena Vogel"));
        QCOMPARE(all->overdue.at(0).branchCode, QStringLiteral("NYC"));
        QCOMPARE(all->overdue.at(0).bookingId,
                 query("SELECT id FROM bookings WHERE car_id = " + std::to_string(m_d)).toLongLong());
        // The overdue count equals its tile (the idle cars' tile is the lists' count: setListTiles), and both
        // counts stand when the lists are cut short.
        DashboardFigures tiles =
            figures("rentals", QDate(2026, 11, 1), QDate(2026, 11, 15), "", DashboardSource::Aggregates);
        CHECK_TILE(tiles, "overdue_rentals", 2);
        setListTiles(tiles, *all);
        CHECK_TILE(tiles, "idle_cars", 2);
        for (const int limit : {1, 0}) {
            const auto cut = DashboardService::rentalLists(*m_database, request, limit);
            QVERIFY(cut);
            QCOMPARE(cut->idle.size(), limit);
            QCOMPARE(cut->overdue.size(), limit);
            QCOMPARE(cut->idleCount, 2);
            QCOMPARE(cut->overdueCount, 2);
        }
        // A booking within the last 5 days (returned yesterday) makes B busy; so does one out now.
        request.branchCode = QStringLiteral("NYC");
        QCOMPARE(DashboardService::rentalLists(*m_database, request)->idleCount, 0);
        request.branchCode.clear();
        request.now = QDateTime(QDate(2026, 10, 29), QTime(12, 0), Qt::UTC); // A came back 3.5 days before
        const auto earlier = DashboardService::rentalLists(*m_database, request);
        QCOMPARE(earlier->idleCount, 1);
        QCOMPARE(earlier->idle.at(0).carId, m_b);
        QCOMPARE(earlier->overdueCount, 2);
        // A1 was booked back by 25 Oct 22:00 but came back late, 26 Oct 01:00: still busy 5 days after that.
        request.now = QDateTime(QDate(2026, 10, 30), QTime(23, 30), Qt::UTC);
        QCOMPARE(DashboardService::rentalLists(*m_database, request)->idleCount, 1);
        request.now = QDateTime(QDate(2026, 10, 31), QTime(1, 30), Qt::UTC);
        QCOMPARE(DashboardService::rentalLists(*m_database, request)->idleCount, 2);
        request.now = QDateTime(QDate(2026, 10, 25), QTime(12, 0), Qt::UTC); // C1 and D1 out, A1 under way
        QCOMPARE(DashboardService::rentalLists(*m_database, request)->overdueCount, 0);
        QCOMPARE(DashboardService::rentalLists(*m_database, request)->idleCount, 1); // B
    }

    // The same data after a car moved branch and a car was repriced (both sources).
    void movedAndRepricedCars()
    {
        QVERIFY(FleetService::setLocation(*m_database, {m_d}, QStringLiteral("BER")));
        PriceAdjustment raise;
        raise.amountCents = 200000; // B: 30,000 -> 32,000
        QVERIFY(FleetService::adjustPrice(*m_database, {m_b}, raise));
        for (const DashboardSource source : {DashboardSource::Aggregates, DashboardSource::BaseTables}) {
            const DashboardFigures ber = figures("rentals", QDate(2026, 10, 25), QDate(2026, 10, 25), "BER", source);
            // A1 90,000 s + D1 12 h (05:00-17:00 CET) over 3 cars x 25 h.
            CHECK_TILE(ber, "utilisation", (90000.0 + 43200.0) / (3 * 90000.0));
            CHECK_TILE(ber, "rental_fleet", 3);
            CHECK_TILE(ber, "bookings", 3);
            CHECK_TILE(ber, "overdue_rentals", 2);
            const DashboardFigures nyc = figures("rentals", QDate(2026, 10, 25), QDate(2026, 10, 25), "NYC", source);
            CHECK_TILE(nyc, "utilisation", 0);
            CHECK_TILE(nyc, "rental_fleet", 0);
            CHECK_TILE(nyc, "bookings", 0);
            const DashboardFigures stock = figures("stock", {}, {}, "BER", source);
            CHECK_TILE(stock, "in_stock", 6);
            QCOMPARE(cents(stock, "stock_value_list"), (98000 + 2000 + 25000) * 100LL);
            QCOMPARE(cents(stock, "stock_value_cost"), (51000 + 20000) * 100LL);
            CHECK_TILE(stock, "avg_days_in_stock", (172.0 + 14.0) / 6.0);
            QCOMPARE(figures("stock", {}, {}, "NYC", source).tileValue(QStringLiteral("in_stock")), 0.0);
            // D's booking follows the car to Berlin (migration 0017's dash_models).
            QCOMPARE(values(*figures("stock", QDate(2026, 10, 25), QDate(2026, 10, 25), "BER", source)
                                 .seriesNamed(QStringLiteral("top_models_by_bookings"))),
                     QStringLiteral("BMW 320=1 Ford Kuga=1"));
            QCOMPARE(values(*figures("stock", QDate(2026, 10, 1), QDate(2026, 10, 31), "NYC", source)
                                 .seriesNamed(QStringLiteral("top_models_by_bookings"))),
                     QString());
        }
        // And its make and model: A renamed (the sales keep the car as sold).
        exec("UPDATE cars SET model = 'Yaris Cross' WHERE id = " + std::to_string(m_a));
        for (const DashboardSource source : {DashboardSource::Aggregates, DashboardSource::BaseTables}) {
            const DashboardFigures october = figures("stock", QDate(2026, 10, 2), QDate(2026, 12, 3), "", source);
            QCOMPARE(values(*october.seriesNamed(QStringLiteral("top_models_by_bookings"))),
                     QStringLiteral("BMW 320=1 Ford Kuga=1 Toyota Yaris Cross=1"));
            QCOMPARE(values(*october.seriesNamed(QStringLiteral("top_models_by_sales"))),
                     QStringLiteral("Ford Focus=1 Volkswagen Passat=1"));
        }
        // The lists follow too: D is still out (overdue), now in Berlin.
        DashboardQuery request;
        request.now = m_now;
        request.branchCode = QStringLiteral("BER");
        const auto lists = DashboardService::rentalLists(*m_database, request);
        QVERIFY(lists);
        QCOMPARE(lists->overdueCount, 2);
        QCOMPARE(lists->idleCount, 2);
    }

    void revenueStepKeys()
    {
        const QDate from(2026, 12, 1);
        QCOMPARE(DashboardService::revenueStepKey(from, from.addDays(30), QDate(2026, 12, 31)),
                 QStringLiteral("2026-12-31"));
        QCOMPARE(DashboardService::revenueStepKey(from, from.addDays(31), QDate(2026, 12, 31)),
                 QStringLiteral("2026-W53"));
        QCOMPARE(DashboardService::revenueStepKey(from, from.addDays(31), QDate(2027, 1, 1)),
                 QStringLiteral("2026-W53"));
        QCOMPARE(DashboardService::revenueStepKey(from, from.addDays(31), QDate(2027, 1, 4)),
                 QStringLiteral("2027-W01"));
        QCOMPARE(DashboardService::revenueStepKey(from, QDate(2027, 5, 31), QDate(2027, 5, 31)),
                 QStringLiteral("2027-W22"));
        QCOMPARE(DashboardService::revenueStepKey(from, QDate(2027, 6, 1), QDate(2027, 1, 4)),
                 QStringLiteral("2027-01"));
    }

    // The targets are database settings, checked where they are stored.
    void targetsAreCheckedSettings()
    {
        const auto refused = [this](const char *json) {
            return !execute(*m_database, std::string("UPDATE settings SET value = '") + json +
                                             "' WHERE key = 'dashboard_utilisation_target'")
                        .isEmpty();
        };
        QVERIFY(refused("1.5"));
        QVERIFY(refused("-0.1"));
        QVERIFY(refused("\"70 %\""));
        QVERIFY(!execute(*m_database,
                         "INSERT INTO settings (key, value) VALUES ('dashboard_sold_within_30_days_target', "
                         "'\"x\"') ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                     .isEmpty());
        exec("UPDATE settings SET value = '0.8' WHERE key = 'dashboard_utilisation_target'");
        exec("DELETE FROM settings WHERE key = 'dashboard_sold_within_30_days_target'");
        for (const DashboardSource source : {DashboardSource::Aggregates, DashboardSource::BaseTables}) {
            CHECK_TILE(figures("rentals", QDate(2026, 11, 1), QDate(2026, 11, 15), "", source), "utilisation_target",
                       0.8);
            CHECK_TILE(figures("sales", QDate(2026, 11, 1), QDate(2026, 11, 15), "", source),
                       "sold_within_30_days_target", DashboardService::DefaultSoldWithin30DaysTarget);
        }
        exec("UPDATE settings SET value = '0.7' WHERE key = 'dashboard_utilisation_target'");
        exec("INSERT INTO settings (key, value) VALUES ('dashboard_sold_within_30_days_target', '0.55')");
    }

    // The targets as Dashboards › Targets… reads and writes them: shares from 0 to 1, written together, read
    // back by the figures; anything else refused with nothing written.
    void targetsAreReadAndWrittenThroughTheService()
    {
        const auto before = DashboardService::targets(*m_database);
        QVERIFY2(before, qPrintable(before ? QString() : before.error().oneLine()));
        QCOMPARE(*before, (DashboardTargets{DashboardService::DefaultUtilisationTarget,
                                            DashboardService::DefaultSoldWithin30DaysTarget}));
        const DashboardTargets wanted{0.825, 0.6};
        QVERIFY(DashboardService::setTargets(*m_database, wanted));
        QCOMPARE(*DashboardService::targets(*m_database), wanted);
        CHECK_TILE(figures("rentals", QDate(2026, 11, 1), QDate(2026, 11, 15), "", DashboardSource::Aggregates),
                   "utilisation_target", 0.825);
        CHECK_TILE(figures("sales", QDate(2026, 11, 1), QDate(2026, 11, 15), "", DashboardSource::Aggregates),
                   "sold_within_30_days_target", 0.6);
        for (const DashboardTargets &bad :
             {DashboardTargets{1.5, 0.5}, DashboardTargets{0.5, -0.01}, DashboardTargets{std::nan(""), 0.5}}) {
            const auto refused = DashboardService::setTargets(*m_database, bad);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Error::Code::InvalidInput);
            QCOMPARE(*DashboardService::targets(*m_database), wanted);
        }
        // A missing setting reads as the default.
        exec("DELETE FROM settings WHERE key = 'dashboard_sold_within_30_days_target'");
        QCOMPARE(DashboardService::targets(*m_database)->soldWithin30Days,
                 DashboardService::DefaultSoldWithin30DaysTarget);
        QVERIFY(DashboardService::setTargets(*m_database, *before));
        QCOMPARE(*DashboardService::targets(*m_database), *before);
    }

    void refusesAnUnknownBranchOrABackwardPeriod()
    {
        DashboardQuery request;
        request.from = QDate(2026, 11, 1);
        request.to = QDate(2026, 11, 30);
        request.branchCode = QStringLiteral("XYZ");
        const auto unknown = DashboardService::rentals(*m_database, request);
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message.contains(QLatin1String("XYZ")));
        request.branchCode.clear();
        request.to = QDate(2026, 10, 1);
        QCOMPARE(DashboardService::sales(*m_database, request).error().code, Error::Code::InvalidInput);
        QCOMPARE(DashboardService::figures(*m_database, QStringLiteral("weather"), request).error().code,
                 Error::Code::InvalidInput);
    }

    void theJsonCarriesTheContract()
    {
        const DashboardFigures stock =
            figures("stock", QDate(2026, 11, 1), QDate(2026, 11, 15), "BER", DashboardSource::Aggregates);
        const QJsonObject json = stock.toJson();
        QCOMPARE(json.value(QStringLiteral("dashboard")).toString(), QStringLiteral("stock"));
        QCOMPARE(json.value(QStringLiteral("branch")).toString(), QStringLiteral("BER"));
        QCOMPARE(json.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-01"));
        for (const char *tile :
             {"in_stock", "stock_value_list", "stock_value_cost", "avg_days_in_stock", "over_90_days"})
            QVERIFY2(json.value(QStringLiteral("tiles")).toObject().contains(QLatin1String(tile)), tile);
        const QJsonArray aging =
            json.value(QStringLiteral("series")).toObject().value(QStringLiteral("aging")).toArray();
        QCOMPARE(aging.size(), 6);
        QCOMPARE(aging.at(5).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("90+"));
        QVERIFY(figures("sales", QDate(2026, 11, 1), QDate(2026, 11, 15), "", DashboardSource::Aggregates)
                    .toJson()
                    .value(QStringLiteral("branch"))
                    .isNull());
    }

    void ageBuckets()
    {
        QCOMPARE(DashboardService::ageBucket(-3), QStringLiteral("0-15"));
        QCOMPARE(DashboardService::ageBucket(15), QStringLiteral("0-15"));
        QCOMPARE(DashboardService::ageBucket(16), QStringLiteral("16-30"));
        QCOMPARE(DashboardService::ageBucket(45), QStringLiteral("31-45"));
        QCOMPARE(DashboardService::ageBucket(60), QStringLiteral("46-60"));
        QCOMPARE(DashboardService::ageBucket(90), QStringLiteral("61-90"));
        QCOMPARE(DashboardService::ageBucket(91), QStringLiteral("90+"));
    }

private:
    void stock(DashboardSource source)
    {
        // BER in stock: A 5 days, B 106, C 45, G 0 (created after midnight in Berlin), I 16 (its sale void).
        const DashboardFigures ber = figures("stock", {}, {}, "BER", source);
        CHECK_TILE(ber, "in_stock", 5);
        QCOMPARE(cents(ber, "stock_value_list"), 9800000);
        QCOMPARE(cents(ber, "stock_value_cost"), 5100000); // A, C and I have a cost
        CHECK_TILE(ber, "with_cost", 3);
        CHECK_TILE(ber, "avg_days_in_stock", 172.0 / 5.0);
        CHECK_TILE(ber, "over_90_days", 1);
        CHECK_TILE(ber, "rental_fleet", 2);
        QCOMPARE(values(*ber.seriesNamed(QStringLiteral("aging"))),
                 QStringLiteral("0-15=2 16-30=1 31-45=1 46-60=0 61-90=0 90+=1"));
        QCOMPARE(values(*ber.seriesNamed(QStringLiteral("by_make"))),
                 QStringLiteral("Toyota=2 BMW=1 Skoda=1 Volkswagen=1"));
        QCOMPARE(values(*ber.seriesNamed(QStringLiteral("price_bands"))),
                 QStringLiteral("10000-14999=1 15000-19999=1 20000-24999=2 30000-34999=1"));
        QCOMPARE(values(*ber.seriesNamed(QStringLiteral("by_body_type"))), QStringLiteral("not_stated=5"));

        const DashboardFigures all = figures("stock", {}, {}, "", source);
        CHECK_TILE(all, "in_stock", 6); // and D in New York, 14 days
        CHECK_TILE(all, "avg_days_in_stock", (172.0 + 14.0) / 6.0);
        CHECK_TILE(all, "rental_fleet", 3);
    }

    void utilisationAcrossTheDstDay(DashboardSource source)
    {
        // 24 to 26 October in Berlin: 24 + 25 + 24 hours for each of the 2 rental cars (A, B); A1 is 29 h.
        const DashboardFigures ber = figures("rentals", QDate(2026, 10, 24), QDate(2026, 10, 26), "BER", source);
        CHECK_TILE(ber, "utilisation", 104400.0 / (2 * (86400.0 + 90000.0 + 86400.0)));
        QCOMPARE(values(*ber.seriesNamed(QStringLiteral("utilisation_by_day"))),
                 QStringLiteral("2026-10-24=%1 2026-10-25=0.5 2026-10-26=%1").arg(7200.0 / 172800.0, 0, 'g', 12));
        CHECK_TILE(ber, "booked_hours", 29);
        CHECK_TILE(ber, "bookings", 3); // A1, B1, C1 by pick-up day
        CHECK_TILE(ber, "cancellation_rate", 1.0 / 3.0);
        QCOMPARE(cents(ber, "revenue"), 15000); // A1, returned 26 Oct 02:00 in Berlin
        QCOMPARE(cents(ber, "adr"), 12414);     // 150.00 / (29 h / 24 h) = 124.1379...
        CHECK_TILE(ber, "adr", 15000.0 / (104400.0 / 86400.0) / 100.0);
        QCOMPARE(cents(ber, "revpac"), 2500); // 150.00 / (2 cars x 3 days)
        CHECK_TILE(ber, "avg_rental_days", 104400.0 / 86400.0);
        CHECK_TILE(ber, "rental_fleet", 2);
        CHECK_TILE(ber, "overdue_rentals", 1); // C1
        QCOMPARE(values(*ber.seriesNamed(QStringLiteral("bookings_by_status"))),
                 QStringLiteral("reserved=0 active=1 completed=1 cancelled=1 no_show=0"));

        // All branches on the 25th: Berlin's 25-hour day and New York's 24-hour one, each in its own zone.
        const DashboardFigures all = figures("rentals", QDate(2026, 10, 25), QDate(2026, 10, 25), "", source);
        CHECK_TILE(all, "utilisation", (90000.0 + 43200.0) / (2 * 90000.0 + 86400.0));
        CHECK_TILE(all, "bookings", 3); // B1, C1, D1
        CHECK_TILE(all, "overdue_rentals", 2);
        CHECK_TILE(all, "rental_fleet", 3);
    }

    void periodEdge(DashboardSource source)
    {
        // Only the 25th: A1's part of it, no revenue (A1 came back on the 26th).
        const DashboardFigures day = figures("rentals", QDate(2026, 10, 25), QDate(2026, 10, 25), "BER", source);
        CHECK_TILE(day, "utilisation", 0.5);
        CHECK_TILE(day, "bookings", 2);
        CHECK_TILE(day, "cancellation_rate", 0.5);
        QCOMPARE(cents(day, "revenue"), 0);
        CHECK_TILE(day, "avg_rental_days", 0);
        // From the 26th: A1's last two hours and its revenue.
        const DashboardFigures after = figures("rentals", QDate(2026, 10, 26), QDate(2026, 11, 1), "BER", source);
        CHECK_TILE(after, "booked_hours", 2);
        QCOMPARE(cents(after, "revenue"), 15000);
        CHECK_TILE(after, "bookings", 0);
    }

    void sales(DashboardSource source)
    {
        // E (33 days, gross 5,000) and H (16 days, no cost); I's sale is void.
        const DashboardFigures november = figures("sales", QDate(2026, 11, 1), QDate(2026, 11, 15), "BER", source);
        CHECK_TILE(november, "units", 2);
        QCOMPARE(cents(november, "revenue"), 4300000);
        QCOMPARE(cents(november, "gross_total"), 500000);
        QCOMPARE(cents(november, "gross_per_deal"), 500000); // over the one sale with a cost
        CHECK_TILE(november, "avg_days_to_sell", 24.5);
        CHECK_TILE(november, "sold_within_30_days", 0.5);
        QCOMPARE(values(*november.seriesNamed(QStringLiteral("units_by_month"))), QStringLiteral("2026-11=2"));
        QCOMPARE(values(*november.seriesNamed(QStringLiteral("gross_by_age"))),
                 QStringLiteral("0-15=0 16-30=0 31-45=500000 46-60=0 61-90=0 90+=0"));
        QCOMPARE(values(*november.seriesNamed(QStringLiteral("units_by_age"))),
                 QStringLiteral("0-15=0 16-30=1 31-45=1 46-60=0 61-90=0 90+=0"));
        QCOMPARE(values(*november.seriesNamed(QStringLiteral("top_models_by_gross"))),
                 QStringLiteral("Volkswagen Passat=500000 Ford Focus=0"));
        QCOMPARE(values(*november.seriesNamed(QStringLiteral("units_by_salesperson"))),
                 QStringLiteral("maria=1 tom=1"));
        // Whole months read monthly, the edges daily: the same sales.
        for (const auto &[from, to] :
             {std::pair(QDate(2026, 10, 1), QDate(2026, 11, 30)), std::pair(QDate(2026, 10, 2), QDate(2026, 12, 3)),
              std::pair(QDate(2026, 11, 4), QDate(2026, 11, 30))}) {
            const DashboardFigures period = figures("sales", from, to, "BER", source);
            const double expected = from.day() == 4 ? 1 : 2;
            CHECK_TILE(period, "units", expected);
            QCOMPARE(values(*period.seriesNamed(QStringLiteral("units_by_salesperson"))),
                     expected == 1 ? QStringLiteral("tom=1") : QStringLiteral("maria=1 tom=1"));
        }
        CHECK_TILE(figures("sales", QDate(2026, 11, 6), QDate(2026, 11, 6), "BER", source), "units", 0);
        CHECK_TILE(figures("sales", QDate(2026, 11, 1), QDate(2026, 11, 15), "NYC", source), "units", 0);
    }

    // The most popular makes and models over the period: bookings (A1 Toyota Yaris 24 Oct in Berlin, C1 BMW 320
    // 25 Oct, D1 Ford Kuga 25 Oct in New York; B1 cancelled) and sales (Passat, Focus; the Polo's sale void).
    void popularModels(DashboardSource source)
    {
        const DashboardFigures all = figures("stock", QDate(2026, 10, 1), QDate(2026, 11, 30), "", source);
        QCOMPARE(values(*all.seriesNamed(QStringLiteral("top_models_by_bookings"))),
                 QStringLiteral("BMW 320=1 Ford Kuga=1 Toyota Yaris=1"));
        QCOMPARE(values(*all.seriesNamed(QStringLiteral("top_models_by_sales"))),
                 QStringLiteral("Ford Focus=1 Volkswagen Passat=1"));
        QCOMPARE(values(*all.seriesNamed(QStringLiteral("top_makes_by_bookings"))),
                 QStringLiteral("BMW=1 Ford=1 Toyota=1"));
        QCOMPARE(values(*all.seriesNamed(QStringLiteral("top_makes_by_sales"))), QStringLiteral("Ford=1 Volkswagen=1"));
        // Days at the edges, whole months inside: 2 Oct to 3 Dec reads November monthly.
        QCOMPARE(values(*figures("stock", QDate(2026, 10, 2), QDate(2026, 12, 3), "BER", source)
                             .seriesNamed(QStringLiteral("top_makes_by_sales"))),
                 QStringLiteral("Ford=1 Volkswagen=1"));
        const DashboardFigures day = figures("stock", QDate(2026, 10, 25), QDate(2026, 10, 25), "BER", source);
        QCOMPARE(values(*day.seriesNamed(QStringLiteral("top_models_by_bookings"))), QStringLiteral("BMW 320=1"));
        QCOMPARE(values(*figures("stock", QDate(2026, 10, 25), QDate(2026, 10, 25), "NYC", source)
                             .seriesNamed(QStringLiteral("top_models_by_bookings"))),
                 QStringLiteral("Ford Kuga=1"));
        QCOMPARE(values(*figures("stock", QDate(2026, 11, 4), QDate(2026, 11, 5), "BER", source)
                             .seriesNamed(QStringLiteral("top_models_by_sales"))),
                 QStringLiteral("Ford Focus=1"));
        // Without a period (the stock now), none.
        QVERIFY(figures("stock", {}, {}, "", source).seriesNamed(QStringLiteral("top_models_by_bookings"))->isEmpty());
    }

    // Revenue per day up to 31 days, per ISO week up to six months, else per month; A1's 150.00 on 26 Oct.
    void revenueByDayWeekOrMonth(DashboardSource source)
    {
        QCOMPARE(values(*figures("rentals", QDate(2026, 10, 24), QDate(2026, 10, 26), "BER", source)
                             .seriesNamed(QStringLiteral("revenue_over_time"))),
                 QStringLiteral("2026-10-24=0 2026-10-25=0 2026-10-26=15000"));
        QCOMPARE(values(*figures("rentals", QDate(2026, 10, 1), QDate(2026, 11, 15), "", source)
                             .seriesNamed(QStringLiteral("revenue_over_time"))),
                 QStringLiteral("2026-W40=0 2026-W41=0 2026-W42=0 2026-W43=0 2026-W44=15000 2026-W45=0 2026-W46=0"));
        const DashboardFigures year = figures("rentals", QDate(2026, 1, 1), QDate(2026, 12, 31), "", source);
        const DashboardSeries &months = *year.seriesNamed(QStringLiteral("revenue_over_time"));
        QCOMPARE(months.size(), 12);
        QCOMPARE(months.at(9).key, QStringLiteral("2026-10"));
        QCOMPARE(months.at(9).cents, 15000);
        QCOMPARE(cents(year, "revenue"), 15000);
    }

    void targets(DashboardSource source)
    {
        CHECK_TILE(figures("rentals", QDate(2026, 11, 1), QDate(2026, 11, 15), "", source), "utilisation_target", 0.7);
        const DashboardFigures november = figures("sales", QDate(2026, 11, 1), QDate(2026, 11, 15), "BER", source);
        CHECK_TILE(november, "sold_within_30_days_target", 0.55);
        QCOMPARE(values(*november.seriesNamed(QStringLiteral("sold_within_30_days_by_month"))),
                 QStringLiteral("2026-11=0.5"));
    }

    void vinReports(DashboardSource source)
    {
        const DashboardFigures day = figures("vin", QDate(2026, 11, 2), QDate(2026, 11, 2), "", source);
        CHECK_TILE(day, "requests", 2);
        CHECK_TILE(day, "done", 1);
        CHECK_TILE(day, "failed", 1);
        CHECK_TILE(day, "failure_rate", 0.5);
        CHECK_TILE(day, "avg_latency_seconds", 4);
        QCOMPARE(values(*day.seriesNamed(QStringLiteral("findings"))),
                 QStringLiteral("accidents=1 rollback=0 stolen=0 title_brands=0"));
        const DashboardFigures both = figures("vin", QDate(2026, 11, 2), QDate(2026, 11, 3), "", source);
        CHECK_TILE(both, "requests", 3);
        QCOMPARE(values(*both.seriesNamed(QStringLiteral("requests_by_day"))),
                 QStringLiteral("2026-11-02=2 2026-11-03=1"));
    }

    void operations(DashboardSource source)
    {
        const DashboardFigures now = figures("operations", {}, {}, "", source);
        CHECK_TILE(now, "workers_alive", 0);
        CHECK_TILE(now, "failed_events", 0);
        QVERIFY(now.tileValue(QStringLiteral("queue_pending")).value_or(0) >= 4); // the sales' events at least
        QVERIFY(now.tileValue(QStringLiteral("database_bytes")).value_or(0) > 0);
        QCOMPARE(now.seriesNamed(QStringLiteral("handled_by_minute"))->size(), 60);
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    QDateTime m_now;
    qint64 m_customer = 0;
    qint64 m_a = 0;
    qint64 m_b = 0;
    qint64 m_d = 0;
    int m_cars = 0;
};

QTEST_GUILESS_MAIN(TestDashboardService)
#include "tst_dashboardservice.moc"
