// The dashboards at scale. Two parts, each in its own databases on the suite's server:
//
// 1. "dashboards": 1,000,000 cars (200,000 of them the rental fleet, 500,000 sold), 5,000,000 bookings over two
//    years on the fleet and 500,000 sales, made with COPY (the figures' triggers running), then every
//    dashboard for periods up to 24 months and all branches or one, from the figures' tables on a database
//    thread (request to result on the calling thread: p50 / p95) against the same figures from the base
//    tables in the same run (the ratio per query).
// 2. "writers": what keeping the figures current costs writers: demo-data and the import of the cars it made,
//    and a booking storm, with the figures' triggers and without them (disabled), back to back.
//
// BENCH_PARTS (dashboards,writers), BENCH_WRITERS (demo,import,storm), BENCH_CARS, BENCH_BOOKINGS, BENCH_SALES,
// BENCH_DEMO_CARS and BENCH_STORM_SECONDS change the sizes. Record the figures in tests/bench/RESULTS.md.
#include "BenchSupport.h"
#include "DashboardsGuiBench.h"
#include "db/CopyValue.h"
#include "domain/Money.h"
#include "services/BookingService.h"
#include "services/CarImportService.h"
#include "services/DashboardService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <pqxx/pqxx>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <latch>
#include <random>
#include <thread>
#include <vector>

namespace {

QTextStream out(stdout);

qint64 setting(const char *name, qint64 fallback)
{
    return qEnvironmentVariableIsSet(name) ? QByteArray(qgetenv(name)).toLongLong() : fallback;
}

QString seconds(double ms)
{
    return QString::number(ms / 1000.0, 'f', 1) + QStringLiteral(" s");
}

[[noreturn]] void fail(const QString &what)
{
    out << "bench_dashboards: " << what << Qt::endl;
    std::exit(1);
}

template <typename T> T orFail(Result<T> result, const char *what)
{
    if (!result)
        fail(QString::fromLatin1(what) + QStringLiteral(": ") + result.error().oneLine());
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

void run(Database &database, const std::string &sql)
{
    const QString error = execute(database, sql);
    if (!error.isEmpty())
        fail(error);
}

// The figures' triggers on (as migrated) or off, for a writer's run without them; turned back on, the figures
// are rebuilt unless `rebuild` is false (a run that only times writers).
void setFigureTriggers(Database &database, bool on, bool rebuild = true)
{
    if (on)
        run(database, "SELECT dash_resume_triggers(t.tgrelid::regclass, array_agg(t.tgname)) FROM pg_trigger t "
                      "WHERE t.tgname LIKE 'dash\\_%' AND NOT t.tgisinternal AND t.tgenabled = 'D' GROUP BY t.tgrelid");
    else
        run(database, "SELECT dash_suspend_triggers(t) FROM unnest('{cars,bookings,car_sales,vin_requests,branches}'"
                      "::regclass[]) t");
    if (on && rebuild)
        run(database, "SELECT dash_rebuild_all()");
}

std::unique_ptr<Database> freshDatabase(std::unique_ptr<TestDatabase> &holder, const QString &label)
{
    holder = std::make_unique<TestDatabase>(label);
    if (!holder->isValid())
        fail(holder->error());
    auto database = holder->openMigrated();
    if (!database)
        fail(QStringLiteral("cannot open %1").arg(label));
    return database;
}

// ---- Part 1: the data, with COPY ----

constexpr int kBranches = 20;
const char *const kZones[] = {"Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney"};
const char *const kMakes[] = {"Volkswagen", "BMW",  "Mercedes-Benz", "Audi",    "Opel",   "Ford",
                              "Skoda",      "Seat", "Renault",       "Peugeot", "Toyota", "Hyundai",
                              "Kia",        "Fiat", "Volvo",         "Mazda",   "Nissan", "Dacia"};
const char *const kBodies[] = {"sedan", "hatchback", "estate", "suv", "coupe", "mpv", "van"};
const char *const kFuels[] = {"petrol", "diesel", "hybrid", "electric"};

std::string vinOf(qint64 n)
{
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
    std::string vin = "WBAZZZ00000000000";
    for (size_t i = vin.size(); n > 0 && i > 6; n /= 33)
        vin[--i] = alphabet[n % 33];
    return vin;
}

// The fields of a line of tab-separated text ("\\N": null).
std::vector<CopyValue> split(const std::string &line)
{
    std::vector<CopyValue> row;
    size_t start = 0;
    while (true) {
        const size_t tab = line.find('\t', start);
        const std::string field = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
        row.push_back(field == "\\N" ? CopyValue() : CopyValue(QString::fromStdString(field)));
        if (tab == std::string::npos)
            return row;
        start = tab + 1;
    }
}

template <size_t... I> auto tupleOf(const std::vector<CopyValue> &values, std::index_sequence<I...>)
{
    return std::make_tuple(values.at(I)...);
}

// A row of `N` COPY fields (libpqxx 6.4 streams tuples) from a line of tab-separated text.
template <size_t N> auto fields(const std::string &line)
{
    return tupleOf(split(line), std::make_index_sequence<N>{});
}

std::string day(const QDate &date)
{
    return date.toString(Qt::ISODate).toStdString();
}

std::string money(qint64 cents)
{
    return Money::fromCents(cents).toDecimal().toStdString();
}

struct Sizes
{
    qint64 cars = 0;
    qint64 fleet = 0;
    qint64 sold = 0;
    qint64 bookings = 0;
};

struct CarShape
{
    qint64 listCents = 0;
    std::optional<qint64> costCents;
    QDate acquired;
    QDate soldOn;
};

CarShape shapeOf(qint64 k, const Sizes &sizes, const QDate &today)
{
    CarShape car;
    car.listCents = (5000 + (k * 7919) % 60000) * 100;
    if (k % 5 != 0)
        car.costCents = car.listCents * 85 / 100;
    const bool sold = k >= sizes.fleet && k < sizes.fleet + sizes.sold;
    // Sold cars came in over the last two years and sold 5-150 days later (most within 30-60); stock arrived
    // over the last 200 days.
    car.acquired = today.addDays(-(sold ? 20 + (k * 13) % 700 : (k * 17) % (k < sizes.fleet ? 700 : 200)));
    if (sold) {
        const qint64 toSell = (k % 10 < 7) ? 20 + (k * 31) % 40 : 5 + (k * 37) % 146;
        car.soldOn = std::min(today, car.acquired.addDays(toSell));
    }
    return car;
}

double copyData(Database &database, const Sizes &sizes)
{
    QElapsedTimer timer;
    timer.start();
    const QDate today = QDate::currentDate();
    std::string branches = "INSERT INTO branches (code, name, time_zone) VALUES ";
    for (int b = 0; b < kBranches; ++b)
        branches += (b ? ", ('B" : "('B") + std::string(b < 9 ? "0" : "") + std::to_string(b + 1) + "', 'Branch " +
                    std::to_string(b + 1) + "', '" + kZones[b % 5] + "')";
    run(database, branches);
    run(database, "INSERT INTO customers (full_name, licence_number, licence_expiry) SELECT 'Customer ' || g, "
                  "'L' || g, current_date + 1000 FROM generate_series(1, 50000) g");
    const qint64 firstBranch = scalar(database, "SELECT min(id) FROM branches").toLongLong();
    const qint64 firstCustomer = scalar(database, "SELECT min(id) FROM customers").toLongLong();

    QElapsedTimer step;
    step.start();
    orFail(database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        pqxx::stream_to stream(work, "cars",
                               std::vector<std::string>{"vin", "make", "model", "model_year", "body_type", "fuel_type",
                                                        "transmission", "drive", "condition", "status", "branch_id",
                                                        "list_price", "cost", "acquired_on", "sold_on", "for_rent",
                                                        "mileage_km"});
        for (qint64 k = 0; k < sizes.cars; ++k) {
            const CarShape car = shapeOf(k, sizes, today);
            const int make = int(k % std::size(kMakes));
            stream << fields<17>(vinOf(k + 1) + '\t' + kMakes[make] + "\tModel " + std::to_string((k / 7) % 6) + '\t' +
                                 std::to_string(2012 + k % 12) + '\t' + kBodies[k % std::size(kBodies)] + '\t' +
                                 kFuels[k % std::size(kFuels)] + "\tmanual\tfwd\tused\t" +
                                 (car.soldOn.isValid() ? "sold" : "available") + '\t' +
                                 std::to_string(firstBranch + k % kBranches) + '\t' + money(car.listCents) + '\t' +
                                 (car.costCents ? money(*car.costCents) : "\\N") + '\t' + day(car.acquired) + '\t' +
                                 (car.soldOn.isValid() ? day(car.soldOn) : "\\N") + '\t' +
                                 (k < sizes.fleet ? "t" : "f") + '\t' + std::to_string((k * 37) % 250000));
        }
        stream.complete();
        work.commit();
    }),
           "cars");
    out << "  " << sizes.cars << " cars: " << seconds(double(step.restart())) << Qt::endl;
    const qint64 firstCar = scalar(database, "SELECT min(id) FROM cars").toLongLong();

    // 25 bookings a fleet car by default, one a window of the two years, none overlapping.
    const qint64 perCar = std::max<qint64>(1, sizes.bookings / std::max<qint64>(1, sizes.fleet));
    const qint64 window = 730 / perCar;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start(today.addDays(-700), QTime(0, 0), Qt::UTC);
    qint64 written = 0;
    const qint64 chunk = 1'000'000;
    while (written < sizes.bookings) {
        orFail(database.guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            pqxx::stream_to stream(work, "bookings",
                                   std::vector<std::string>{"car_id", "customer_id", "pickup_at", "return_at", "status",
                                                            "daily_rate", "total", "picked_up_at", "returned_at"});
            const qint64 end = std::min(sizes.bookings, written + chunk);
            for (; written < end; ++written) {
                const qint64 k = written % sizes.fleet;
                const qint64 j = written / sizes.fleet;
                const QDateTime pickup = start.addDays(j * window + (k * 7 + j * 13) % std::max<qint64>(1, window - 8))
                                             .addSecs(3600 * (7 + (k + j) % 11));
                const QDateTime returnAt = pickup.addDays(1 + (k + j) % 6).addSecs(3600 * ((k * 3 + j) % 5));
                const qint64 hash = (k * 31 + j * 17) % 100;
                std::string status = "completed";
                if (pickup > now)
                    status = "reserved";
                else if (returnAt > now)
                    status = "active";
                else if (hash < 6)
                    status = "cancelled";
                else if (hash < 10)
                    status = "no_show";
                const QDateTime returned = returnAt.addSecs(3600 * (hash % 9 - 4)); // early or late
                const std::string iso = "yyyy-MM-ddTHH:mm:ssZ";
                const auto text = [&](const QDateTime &t) {
                    return t.toString(QString::fromStdString(iso)).toStdString();
                };
                const qint64 days = 1 + (k + j) % 6;
                stream << fields<9>(std::to_string(firstCar + k) + '\t' +
                                    std::to_string(firstCustomer + (written % 50000)) + '\t' + text(pickup) + '\t' +
                                    text(returnAt) + '\t' + status + "\t50.00\t" +
                                    money(days * 5000 + (status == "completed" ? (hash % 3) * 1000 : 0)) + '\t' +
                                    (status == "active" || status == "completed" ? text(pickup) : "\\N") + '\t' +
                                    (status == "completed" ? text(returned) : "\\N"));
            }
            stream.complete();
            work.commit();
        }),
               "bookings");
        out << "  bookings to " << written << ": " << seconds(double(step.restart())) << Qt::endl;
    }

    orFail(database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        pqxx::stream_to stream(work, "car_sales",
                               std::vector<std::string>{"car_id", "sold_on", "price", "cost", "salesperson",
                                                        "branch_id", "make", "model", "in_stock_since",
                                                        "previous_status"});
        for (qint64 k = sizes.fleet; k < sizes.fleet + sizes.sold && k < sizes.cars; ++k) {
            const CarShape car = shapeOf(k, sizes, today);
            const int make = int(k % std::size(kMakes));
            const qint64 price = car.listCents * (95 + k % 8) / 100;
            stream << fields<10>(std::to_string(firstCar + k) + '\t' + day(car.soldOn) + '\t' + money(price) + '\t' +
                                 (car.costCents ? money(*car.costCents) : "\\N") + "\tseller" + std::to_string(k % 40) +
                                 '\t' + std::to_string(firstBranch + k % kBranches) + '\t' + kMakes[make] + "\tModel " +
                                 std::to_string((k / 7) % 6) + '\t' + day(car.acquired) + "\tavailable");
        }
        stream.complete();
        work.commit();
    }),
           "sales");
    out << "  " << sizes.sold << " sales: " << seconds(double(step.restart())) << Qt::endl;
    run(database, "INSERT INTO vin_reports (vin, provider, simulated, accidents, report) VALUES "
                  "('WBAZZZ00000000001', 'simulated', true, 1, '{}')");
    run(database, "INSERT INTO vin_requests (batch_id, vin, requested_at, status, finished_at, report_id) "
                  "SELECT g / 100, vin, now() - interval '1 minute' * g, 'done', now() - interval '1 minute' * g "
                  "  + interval '3 seconds', (SELECT min(id) FROM vin_reports) FROM cars "
                  "CROSS JOIN LATERAL (SELECT id AS g) x WHERE id % 5 = 0");
    out << "  VIN requests: " << seconds(double(step.restart())) << Qt::endl;
    run(database, "ANALYZE");
    return double(timer.elapsed());
}

void dashboardsSection(const ConnectionProfile &profile);

void dashboards()
{
    Sizes sizes;
    sizes.cars = setting("BENCH_CARS", 1'000'000);
    sizes.fleet = sizes.cars / 5;
    sizes.sold = std::min(setting("BENCH_SALES", 500'000), sizes.cars - sizes.fleet);
    sizes.bookings = setting("BENCH_BOOKINGS", 5'000'000);
    std::unique_ptr<TestDatabase> holder;
    auto database = freshDatabase(holder, QStringLiteral("bench_dashboards"));
    out << "== dashboards: " << sizes.cars << " cars (" << sizes.fleet << " for rent), " << sizes.bookings
        << " bookings, " << sizes.sold << " sales, " << kBranches << " branches in 5 time zones" << Qt::endl;
    out << "data with COPY, the figures' triggers on: " << seconds(copyData(*database, sizes)) << Qt::endl;
    out << "  figure rows: "
        << scalar(*database,
                  "SELECT (SELECT count(*) FROM dash_rental_daily) || ' rental days, ' || (SELECT count(*) "
                  "FROM dash_stock) || ' stock, ' || (SELECT count(*) FROM dash_sales_by_key) || ' sales by key'")
        << Qt::endl;

    DatabaseThread thread;
    auto opened = thread.open(holder->profile());
    while (!opened.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    orFail(opened.result(), "database thread");
    const QDate today = QDate::currentDate();
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate quarterStart(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
    const QList<std::pair<QString, std::pair<QDate, QDate>>> periods{
        {QStringLiteral("last 7 days"), {today.addDays(-6), today}},
        {QStringLiteral("last 30 days"), {today.addDays(-29), today}},
        {QStringLiteral("this month"), {monthStart, today}},
        {QStringLiteral("last month"), {monthStart.addMonths(-1), monthStart.addDays(-1)}},
        {QStringLiteral("this quarter"), {quarterStart, today}},
        {QStringLiteral("year to date"), {QDate(today.year(), 1, 1), today}},
        {QStringLiteral("last 12 months"), {today.addMonths(-12).addDays(1), today}},
        {QStringLiteral("last 24 months"), {today.addMonths(-24).addDays(1), today}},
    };
    const QStringList branches{QString(), QStringLiteral("B01"), QStringLiteral("B04")};
    for (const QString &dashboard : DashboardService::dashboards()) {
        bench::Stats fast;
        for (int round = 0; round < 3; ++round)
            for (const auto &[name, period] : periods)
                for (const QString &branch : branches) {
                    DashboardQuery query{period.first, period.second, branch, {}};
                    QElapsedTimer timer;
                    timer.start();
                    orFail(bench::onDatabase(
                               thread, [&](Database &db) { return DashboardService::figures(db, dashboard, query); }),
                           "figures");
                    fast.add(double(timer.nsecsElapsed()) / 1e6);
                }
        out << dashboard << ", from the figures' tables (" << periods.size() << " periods x " << branches.size()
            << " branch choices x 3): " << fast.summary()
            << "; target p95 < 100 ms: " << (fast.percentile(0.95) < 100 ? "met" : "NOT MET") << Qt::endl;
        if (dashboard == QLatin1String("rentals")) {
            // The page's lists now (idle cars, overdue rentals), read after the figures as a read of their own.
            bench::Stats lists;
            for (int round = 0; round < 8; ++round)
                for (const QString &branch : branches) {
                    const DashboardQuery query{periods[1].second.first, periods[1].second.second, branch, {}};
                    QElapsedTimer timer;
                    timer.start();
                    orFail(bench::onDatabase(thread,
                                             [&](Database &db) { return DashboardService::rentalLists(db, query); }),
                           "lists");
                    lists.add(double(timer.nsecsElapsed()) / 1e6);
                }
            out << "rentals' lists now (idle cars, overdue; " << branches.size()
                << " branch choices x 8), after the figures: " << lists.summary() << Qt::endl;
        }
        // The base tables take seconds: the longest and a short period, all branches and one.
        double worstRatio = 1e300;
        for (const auto &[name, period] : {periods[1], periods[7]})
            for (const QString &branch : {QString(), QStringLiteral("B01")}) {
                DashboardQuery query{period.first, period.second, branch, {}};
                QElapsedTimer timer;
                timer.start();
                const DashboardFigures slow =
                    orFail(DashboardService::figures(*database, dashboard, query, DashboardSource::BaseTables), "base");
                const double slowMs = double(timer.nsecsElapsed()) / 1e6;
                // The figures' tables: the median of five reads (one read of a millisecond or two is mostly the
                // machine's noise).
                DashboardFigures quick;
                std::vector<double> quickTimes;
                for (int read = 0; read < 5; ++read) {
                    timer.restart();
                    quick = orFail(DashboardService::figures(*database, dashboard, query), "fast");
                    quickTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
                }
                std::ranges::sort(quickTimes);
                const double quickMs = quickTimes[quickTimes.size() / 2];
                worstRatio = std::min(worstRatio, slowMs / quickMs);
                const bool same =
                    slow.tiles.size() == quick.tiles.size() &&
                    std::equal(slow.tiles.begin(), slow.tiles.end(), quick.tiles.begin(),
                               [](const DashboardPoint &a, const DashboardPoint &b) {
                                   return a.key == b.key && a.cents == b.cents &&
                                          (a.key == QLatin1String("database_bytes") ||
                                           std::abs(a.value - b.value) <= 1e-9 * std::max(1.0, std::abs(a.value)));
                               });
                out << "  " << dashboard << " " << name << " " << (branch.isEmpty() ? QStringLiteral("all") : branch)
                    << ": base tables " << QString::number(slowMs, 'f', 1) << " ms, figures' tables "
                    << QString::number(quickMs, 'f', 1) << " ms = " << QString::number(slowMs / quickMs, 'f', 0)
                    << "x; tiles " << (same ? "equal" : "DIFFER") << Qt::endl;
            }
        // Operations has one path (the queue and the server now): nothing to compare.
        if (dashboard != QLatin1String("operations"))
            out << "  " << dashboard << ": smallest ratio " << QString::number(worstRatio, 'f', 0)
                << "x; target >= 20x: " << (worstRatio >= 20 ? "met" : "NOT MET") << Qt::endl;
    }
    dashboardsSection(holder->profile());
}

// The section on the same data, offscreen: first chart, stalls, a live sale.
void dashboardsSection(const ConnectionProfile &profile)
{
    qApp->setProperty("forecourtCommandLine", false);
    const bench::DashboardsGuiTimes gui =
        bench::measureDashboardsSection(profile, {QStringLiteral("B01"), QStringLiteral("B04")});
    qApp->setProperty("forecourtCommandLine", true);
    if (!gui.failure.isEmpty())
        fail(QStringLiteral("the Dashboards section: ") + gui.failure);
    out << "the Dashboards section (1280x800, offscreen): first chart painted "
        << QString::number(gui.firstChartMs, 'f', 0)
        << " ms after opening (target < 300 ms: " << (gui.firstChartMs < 300 ? "met" : "NOT MET") << ")" << Qt::endl;
    out << "  of which the section built " << QString::number(gui.builtMs, 'f', 0) << " ms, the Stock figures in "
        << QString::number(gui.figuresMs, 'f', 0) << " ms" << Qt::endl;
    out << "  each dashboard x 7 presets x branch choices until shown: " << gui.switchMs.summary() << Qt::endl;
    out << "  longest GUI-thread stall over all of it: " << QString::number(gui.longestStallMs, 'f', 1)
        << " ms (target <= 50 ms: " << (gui.longestStallMs <= 50 ? "met" : "NOT MET") << ")" << Qt::endl;
    out << "  a sale on another desk until the open Sales dashboard shows it: " << gui.liveMs.summary()
        << " (target < 1 s: " << (gui.liveMs.percentile(1.0) < 1000 ? "met" : "NOT MET") << ")" << Qt::endl;
}

// ---- Part 2: the writers ----

struct StormTally
{
    qint64 attempts = 0;
    qint64 booked = 0;
    qint64 bookedNs = 0; // time in BookingService::create of the attempts that booked
};

// `desks` desks booking at random on `cars`, a year from `firstDay` on, for `stormSeconds`.
StormTally storm(const ConnectionProfile &profile, const QList<qint64> &cars, const QList<qint64> &customers,
                 const QDate &firstDay, int stormSeconds, int desks)
{
    std::vector<StormTally> tallies(static_cast<size_t>(desks));
    std::latch ready(desks + 1);
    std::atomic<bool> go{false};
    std::chrono::steady_clock::time_point deadline;
    std::vector<std::thread> threads;
    const QTimeZone zone("Europe/Berlin");
    for (int desk = 0; desk < desks; ++desk)
        threads.emplace_back([&, desk] {
            auto database = Database::open(profile);
            ready.count_down();
            if (!database)
                return;
            while (!go)
                std::this_thread::yield();
            std::mt19937_64 random(quint64(desk) * 7919 + 1);
            const auto pick = [&](int from, int to) { return std::uniform_int_distribution<int>(from, to)(random); };
            while (std::chrono::steady_clock::now() < deadline) {
                BookingRequest request;
                request.carId = cars[pick(0, int(cars.size()) - 1)];
                request.customerId = customers[pick(0, int(customers.size()) - 1)];
                request.zone = zone;
                request.pickup = QDateTime(firstDay.addDays(pick(0, 365)), QTime(pick(7, 19), 0), zone);
                request.returned = request.pickup.addDays(pick(1, 5));
                request.rates.dailyCents = 4900;
                ++tallies[size_t(desk)].attempts;
                const auto started = std::chrono::steady_clock::now();
                if (BookingService::create(**database, request)) {
                    ++tallies[size_t(desk)].booked;
                    tallies[size_t(desk)].bookedNs +=
                        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started)
                            .count();
                }
            }
        });
    ready.arrive_and_wait();
    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(stormSeconds);
    go = true;
    for (std::thread &thread : threads)
        thread.join();
    StormTally total;
    for (const StormTally &tally : tallies) {
        total.attempts += tally.attempts;
        total.booked += tally.booked;
        total.bookedNs += tally.bookedNs;
    }
    return total;
}

void writers()
{
    const qint64 demoCars = setting("BENCH_DEMO_CARS", 1'000'000);
    // Each writer in rounds with and without the triggers in the order on, off, off, on, ... (each way as often
    // early as late), in this process, so that a drift of the machine's load weighs on both ways alike.
    const int writerRounds = int(std::max<qint64>(2, setting("BENCH_WRITER_ROUNDS", 4)));
    const auto withTriggers = [](int round) { return round % 4 == 0 || round % 4 == 3 ? 1 : 0; };
    // Which writers: demo-data, the import (of demo-data's fleet) and the storm (on the imported fleet).
    const QString writerParts = QString::fromLocal8Bit(qgetenv("BENCH_WRITERS"));
    const auto measures = [&](QLatin1String writer) { return writerParts.isEmpty() || writerParts.contains(writer); };
    out << "== writers: with the figures' triggers and without (disabled), alternating" << Qt::endl;
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("cars.csv"));
    std::unique_ptr<TestDatabase> holders[2];
    std::unique_ptr<Database> databases[2];
    double demoMs[2] = {0, 0};
    double importMs[2] = {0, 0};
    QStringList demoRounds;
    QStringList importRounds;
    // demo-data into an empty database each round; the last database of each way stays for the import.
    for (int round = 0; round < writerRounds; ++round) {
        const int on = withTriggers(round);
        databases[on].reset();
        holders[on].reset();
        databases[on] = freshDatabase(holders[on], QStringLiteral("bench_dash_writers_%1").arg(on));
        if (!on) {
            setFigureTriggers(*databases[on], false);
            // No figures at all without the triggers: demo-data's one rebuild of the figures it deferred too.
            run(*databases[on], "CREATE OR REPLACE FUNCTION dash_rebuild_deferred() RETURNS void LANGUAGE sql AS ''");
        }
        DemoDataOptions demo;
        demo.cars = demoCars;
        QElapsedTimer timer;
        timer.start();
        orFail(DemoDataService::generate(*databases[on], demo), "demo-data");
        const double ms = double(timer.elapsed());
        demoMs[on] += ms;
        demoRounds << seconds(ms) + (on ? QStringLiteral(" on") : QStringLiteral(" off"));
        out << "demo-data round " << round + 1 << ", --cars " << demoCars << (on ? " with" : " without")
            << " the triggers: " << seconds(ms) << Qt::endl;
    }
    for (int round = 0; round < writerRounds && measures(QLatin1String("import")); ++round) {
        if (round == 0) {
            // The whole fleet: a car becomes sold only through Sell… (the import refuses "sold"), so the sold ones
            // leave as retired.
            run(*databases[1], "UPDATE cars SET status = 'retired' WHERE status = 'sold'");
            QFile file(csv);
            if (!file.open(QIODevice::WriteOnly))
                fail(file.errorString());
            orFail(CarExportService::exportCars(*databases[1], CarQuery{}, file), "export");
        }
        const int on = withTriggers(round);
        run(*databases[on], "TRUNCATE cars CASCADE");
        QFile file(csv);
        if (!file.open(QIODevice::ReadOnly))
            fail(file.errorString());
        QElapsedTimer timer;
        timer.start();
        const CarImportSummary summary =
            orFail(CarImportService::importCars(*databases[on], file, CarImportOptions{}), "import");
        const double ms = double(timer.elapsed());
        if (summary.inserted == 0)
            fail(QStringLiteral("the import wrote no car: its file was refused"));
        importMs[on] += ms;
        importRounds << seconds(ms) + (on ? QStringLiteral(" on") : QStringLiteral(" off"));
        out << "import round " << round + 1 << " of " << summary.inserted << " cars" << (on ? " with" : " without")
            << " the triggers: " << seconds(ms) << Qt::endl;
    }
    const double perWay = writerRounds / 2.0;
    out << "demo-data: " << seconds(demoMs[1] / perWay) << " with, " << seconds(demoMs[0] / perWay)
        << " without (mean of " << perWay << " rounds each: " << demoRounds.join(QStringLiteral(", "))
        << "): " << QString::number(100.0 * (demoMs[1] / demoMs[0] - 1), 'f', 1)
        << "% slower with the triggers (target at most 10%)" << Qt::endl;
    if (!importRounds.isEmpty())
        out << "import: " << seconds(importMs[1] / perWay) << " with, " << seconds(importMs[0] / perWay) << " without ("
            << importRounds.join(QStringLiteral(", "))
            << "): " << QString::number(100.0 * (importMs[1] / importMs[0] - 1), 'f', 1)
            << "% slower with the triggers (target at most 10%)" << Qt::endl;

    if (!measures(QLatin1String("storm")))
        return;
    // The storm on 2,000 cars of the imported fleet, so that most attempts book (each writes its figures).
    Database &database = *databases[1];
    run(database, "UPDATE cars SET status = 'available', for_rent = true, sold_on = NULL "
                  "WHERE id IN (SELECT id FROM cars ORDER BY id LIMIT 2000)");
    run(database, "INSERT INTO customers (full_name, licence_number, licence_expiry) "
                  "SELECT 'Desk customer ' || g, 'D' || g, current_date + 1000 FROM generate_series(1, 200) g");
    QList<qint64> cars;
    for (const QString &id : scalar(database, "SELECT string_agg(id::text, ',') FROM (SELECT id FROM cars ORDER BY id "
                                              "LIMIT 2000) x")
                                 .split(QLatin1Char(',')))
        cars << id.toLongLong();
    QList<qint64> customers;
    for (const QString &id :
         scalar(database, "SELECT string_agg(id::text, ',') FROM customers").split(QLatin1Char(',')))
        customers << id.toLongLong();
    // Like with like: each round books on a calendar of its own (a year of days no other round uses), so that
    // every round starts with the 2,000 cars free and meets the same refusals; rounds alternate with and
    // without the triggers in the order on, off, off, on, ... (each way as often early as late), in this
    // process, and the triggers are switched without a rebuild (the storm only times writers).
    const int stormSeconds = int(setting("BENCH_STORM_SECONDS", 15));
    const int rounds = int(setting("BENCH_STORM_ROUNDS", 4));
    StormTally tallies[2];
    for (int round = 0; round < rounds; ++round) {
        const int on = (round % 4 == 0 || round % 4 == 3) ? 1 : 0;
        setFigureTriggers(database, on == 1, false);
        const QDate firstDay = QDate::currentDate().addDays(1 + 400 * qint64(round));
        const StormTally tally = storm(holders[1]->profile(), cars, customers, firstDay, stormSeconds, 16);
        tallies[on].attempts += tally.attempts;
        tallies[on].booked += tally.booked;
        tallies[on].bookedNs += tally.bookedNs;
        out << "storm round " << round + 1 << ", 16 desks, " << stormSeconds << " s" << (on ? " with" : " without")
            << " the triggers: " << tally.attempts << " attempts, " << tally.booked << " booked, "
            << QString::number(double(tally.bookedNs) / 1e6 / double(std::max<qint64>(1, tally.booked)), 'f', 2)
            << " ms a booking" << Qt::endl;
    }
    setFigureTriggers(database, true);
    const auto perBooking = [](const StormTally &tally) {
        return double(tally.bookedNs) / 1e6 / double(std::max<qint64>(1, tally.booked));
    };
    const auto rate = [&](const StormTally &tally) { return double(tally.attempts) / (stormSeconds * rounds / 2.0); };
    out << "storm: " << qRound(rate(tallies[1])) << " attempts/s, " << QString::number(perBooking(tallies[1]), 'f', 2)
        << " ms a booking with the triggers; " << qRound(rate(tallies[0])) << " attempts/s, "
        << QString::number(perBooking(tallies[0]), 'f', 2)
        << " ms a booking without: " << QString::number(100.0 * (rate(tallies[0]) / rate(tallies[1]) - 1), 'f', 1)
        << "% fewer attempts, "
        << QString::number(100.0 * (perBooking(tallies[1]) / perBooking(tallies[0]) - 1), 'f', 1)
        << "% longer a booking with them (target at most 10%)" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv); // the Dashboards section is measured offscreen
    // The bench makes its data with SQL on this thread; the guard against that is back on while the
    // Dashboards section runs (dashboardsSection()), where it would catch the section's own SQL.
    app.setProperty("forecourtCommandLine", true);
    QLoggingCategory::setFilterRules(QStringLiteral("forecourt.db.debug=false"));
    const QStringList parts = QString::fromLocal8Bit(qgetenv("BENCH_PARTS").isEmpty() ? QByteArray("dashboards,writers")
                                                                                      : qgetenv("BENCH_PARTS"))
                                  .split(QLatin1Char(','));
    if (parts.contains(QLatin1String("dashboards")))
        dashboards();
    if (parts.contains(QLatin1String("writers")))
        writers();
    return 0;
}
