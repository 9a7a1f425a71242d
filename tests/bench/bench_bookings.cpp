// The booking storm: 32 desks, each on its own connection, book random periods of 20 cars
// through BookingService::create for 20 s. No two live bookings of a car may overlap afterwards
// (checked by SQL); targets ≥ 2,000 attempts/s and p95 attempt latency < 20 ms (reported, not asserted:
// the machine is shared). Two servers: Forecourt's own local server as the app starts it (PostgreSQL's
// defaults: fsync and synchronous commit on) and the suite's fixture server (FORECOURT_PG_FAST: fsync
// off). Record the figures in tests/bench/RESULTS.md.
#include "TestDatabase.h"
#include "db/Database.h"
#include "services/BookingService.h"
#include "services/DemoDataService.h"
#include "services/SystemService.h"

#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <pqxx/pqxx>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <latch>
#include <random>
#include <thread>

#include <time.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kDesks = 32;
constexpr int kCars = 20;
constexpr int kCustomers = 200;
constexpr int kDays = 60;

struct Tally
{
    qint64 attempts = 0;
    qint64 booked = 0;
    qint64 overlaps = 0;
    qint64 otherErrors = 0;
    qint64 unnamed = 0; // overlaps refused without naming the booking in the way
    QString firstError;
    std::vector<double> latencies; // ms
    double clientCpu = 0;          // s, the desk threads
    double serverCpu = 0;          // s, their server processes
};

// CPU time of a process on this machine (the local server's backends), from /proc.
double processCpu(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    return fields.size() > 12 ? double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK))
                              : 0;
}

double threadCpu()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double percentile(std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
}

QString ms(double value)
{
    return QString::number(value, 'f', 2) + QStringLiteral(" ms");
}

// `seconds` of random bookings by kDesks threads, each with its own Database.
Tally storm(const ConnectionProfile &profile, const QList<qint64> &cars, const QList<qint64> &customers, int seconds)
{
    const QTimeZone zone("Europe/Berlin");
    const QDate firstDay = QDate::currentDate().addDays(1);
    std::vector<Tally> tallies(kDesks);
    std::latch connected(kDesks + 1);
    std::atomic<bool> go{false};
    Clock::time_point deadline;
    std::vector<std::thread> desks;
    for (int desk = 0; desk < kDesks; ++desk) {
        desks.emplace_back([&, desk] {
            Tally &tally = tallies[size_t(desk)];
            auto database = Database::open(profile);
            connected.count_down();
            if (!database) {
                tally.otherErrors = 1;
                tally.firstError = database.error().oneLine();
                return;
            }
            const qint64 backend = scalar(**database, "SELECT pg_backend_pid()").toLongLong();
            while (!go)
                std::this_thread::yield();
            const double clientStart = threadCpu();
            const double serverStart = processCpu(backend);
            std::mt19937_64 random(quint64(desk) * 7919 + 1);
            auto pick = [&](int from, int to) { return std::uniform_int_distribution<int>(from, to)(random); };
            tally.latencies.reserve(size_t(seconds) * 2000);
            while (Clock::now() < deadline) {
                BookingRequest request;
                request.carId = cars[pick(0, int(cars.size()) - 1)];
                request.customerId = customers[pick(0, int(customers.size()) - 1)];
                request.zone = zone;
                request.pickup = QDateTime(firstDay.addDays(pick(0, kDays - 1)), QTime(pick(7, 19), 0), zone);
                request.returned = request.pickup.addDays(pick(1, 5));
                request.rates.dailyCents = 4900;
                const auto started = Clock::now();
                const auto booking = BookingService::create(**database, request);
                tally.latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
                ++tally.attempts;
                if (booking) {
                    ++tally.booked;
                } else if (booking.error().code == Error::Code::Overlap) {
                    ++tally.overlaps;
                    if (!booking.error().message.contains(QStringLiteral("(booking #")))
                        ++tally.unnamed;
                } else {
                    if (tally.firstError.isEmpty())
                        tally.firstError = booking.error().oneLine();
                    ++tally.otherErrors;
                }
            }
            tally.clientCpu = threadCpu() - clientStart;
            tally.serverCpu = processCpu(backend) - serverStart;
        });
    }
    connected.arrive_and_wait();
    deadline = Clock::now() + std::chrono::seconds(seconds);
    go = true;
    for (std::thread &desk : desks)
        desk.join();

    Tally total;
    for (Tally &tally : tallies) {
        total.attempts += tally.attempts;
        total.booked += tally.booked;
        total.overlaps += tally.overlaps;
        total.otherErrors += tally.otherErrors;
        total.unnamed += tally.unnamed;
        total.clientCpu += tally.clientCpu;
        total.serverCpu += tally.serverCpu;
        if (total.firstError.isEmpty())
            total.firstError = tally.firstError;
        total.latencies.insert(total.latencies.end(), tally.latencies.begin(), tally.latencies.end());
    }
    std::sort(total.latencies.begin(), total.latencies.end());
    return total;
}

QList<qint64> ids(Database &database, const std::string &sql)
{
    QList<qint64> result;
    (void)database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        for (const pqxx::row &row : work.exec(sql))
            result << row[0].as<qint64>();
    });
    return result;
}

} // namespace

class BenchBookings : public QObject
{
    Q_OBJECT

    // Fills `database` (migrated) with the cars and customers, runs the storm and checks the result.
    void run(Database &database, const ConnectionProfile &profile, const QString &server)
    {
        DemoDataOptions demo;
        demo.cars = kCars;
        QVERIFY(DemoDataService::generate(database, demo));
        // The storm starts from free cars: the demo's customers and bookings go.
        QCOMPARE(execute(database, "TRUNCATE booking_payments, bookings, customers RESTART IDENTITY CASCADE"),
                 QString());
        QCOMPARE(execute(database, "UPDATE cars SET status = 'available', sold_on = NULL"), QString());
        QCOMPARE(execute(database, "INSERT INTO customers (full_name, email, licence_number, licence_expiry) "
                                   "SELECT 'Customer ' || g, 'customer' || g || '@example.com', 'B' || (100000 + g), "
                                   "current_date + 3 * 365 FROM generate_series(1, " +
                                       std::to_string(kCustomers) + ") g"),
                 QString());
        const QList<qint64> cars = ids(database, "SELECT id FROM cars ORDER BY id");
        const QList<qint64> customers = ids(database, "SELECT id FROM customers ORDER BY id");
        QCOMPARE(cars.size(), kCars);
        QCOMPARE(customers.size(), kCustomers);

        const int seconds =
            qEnvironmentVariableIsSet("BENCH_SECONDS") ? qEnvironmentVariableIntValue("BENCH_SECONDS") : 20;
        Tally tally = storm(profile, cars, customers, seconds);

        const qint64 overlapping =
            scalar(database, "SELECT count(*) FROM bookings a JOIN bookings b ON a.car_id = b.car_id AND a.id < b.id "
                             "AND tstzrange(a.pickup_at, a.blocked_until, '[)') && "
                             "tstzrange(b.pickup_at, b.blocked_until, '[)') "
                             "WHERE a.status IN ('reserved', 'active') AND b.status IN ('reserved', 'active')")
                .toLongLong();
        const qint64 live =
            scalar(database, "SELECT count(*) FROM bookings WHERE status IN ('reserved', 'active')").toLongLong();
        const qint64 events =
            scalar(database, "SELECT count(*) FROM outbox_events WHERE topic = 'booking.created'").toLongLong();
        const double rate = double(tally.attempts) / seconds;
        const double p95 = percentile(tally.latencies, 0.95);

        QTextStream out(stdout);
        out << "== " << server << ": " << kDesks << " desks, " << kCars << " cars, " << seconds << " s" << Qt::endl;
        out << "attempts " << tally.attempts << " = " << qRound(rate) << "/s; booked " << tally.booked
            << ", refused as overlaps " << tally.overlaps << " (" << tally.unnamed
            << " without naming the other booking), other errors " << tally.otherErrors << Qt::endl;
        if (!tally.firstError.isEmpty())
            out << "first other error: " << tally.firstError << Qt::endl;
        out << "latency p50 " << ms(percentile(tally.latencies, 0.5)) << ", p95 " << ms(p95) << ", p99 "
            << ms(percentile(tally.latencies, 0.99)) << ", max " << ms(percentile(tally.latencies, 1.0)) << Qt::endl;
        const double perAttempt =
            1000.0 * (tally.clientCpu + tally.serverCpu) / double(std::max<qint64>(1, tally.attempts));
        out << "CPU per attempt " << ms(perAttempt) << " (desk threads " << qRound(tally.clientCpu)
            << " s, their server processes " << qRound(tally.serverCpu) << " s; at most "
            << qRound(2 * 1000.0 / perAttempt) << " attempts/s on 2 otherwise idle cores)" << Qt::endl;
        out << "live bookings " << live << ", booking.created events " << events << ", overlapping pairs "
            << overlapping << Qt::endl;
        out << "target >= 2,000 attempts/s: " << (rate >= 2000 ? "met" : "NOT MET")
            << "; target p95 < 20 ms: " << (p95 < 20 ? "met" : "NOT MET") << Qt::endl;

        QCOMPARE(overlapping, 0);
        QCOMPARE(tally.otherErrors, 0);
        QCOMPARE(tally.unnamed, 0); // nothing is cancelled during the storm
        QVERIFY(tally.booked > 0);
        QCOMPARE(live, tally.booked);
        QCOMPARE(events, tally.booked);
    }

private slots:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("forecourt.db.debug=false")); // one line per connection
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    // Forecourt's own local server with the settings the app gives it: durable commits.
    void localServer()
    {
        qunsetenv("FORECOURT_PG_FAST");
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/bench_bookings-XXXXXX"));
        QVERIFY(dir.isValid());
        const ConnectionProfile profile = ConnectionProfile::local(dir.path());
        auto opened = Database::open(profile);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().oneLine()));
        QVERIFY(SystemService::migrate(**opened));
        QCOMPARE(scalar(**opened, "SELECT current_setting('fsync') || ' ' || current_setting('synchronous_commit')"),
                 QStringLiteral("on on"));
        run(**opened, profile, QStringLiteral("local server (fsync on, synchronous_commit on)"));
    }

    // The suite's fixture server, as the other benchmarks use it.
    void fixtureServer()
    {
        TestDatabase db(QStringLiteral("bench_bookings"));
        QVERIFY2(db.isValid(), qPrintable(db.error()));
        auto database = db.openMigrated();
        QVERIFY(database);
        run(*database, db.profile(),
            QStringLiteral("fixture server (FORECOURT_PG_FAST: fsync off, synchronous_commit off)"));
    }
};

QTEST_GUILESS_MAIN(BenchBookings)
#include "bench_bookings.moc"
