// The event worker: sustained throughput of one worker with a no-op handler over 60 s against a
// naive one-event-per-transaction SKIP LOCKED loop in the same run; publish-to-start latency with an
// idle worker; the dead tuples of the queue table during the run. Record the figures in
// tests/bench/RESULTS.md.
#include "TestDatabase.h"
#include "db/Database.h"
#include "events/EventWorker.h"
#include "outbox/Outbox.h"
#include "services/SystemService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QThread>

#include <pqxx/pqxx>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>

namespace {

using Clock = std::chrono::steady_clock;

void fill(Database &database, qint64 events)
{
    (void)database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        work.exec_params("INSERT INTO outbox_events (topic, aggregate_key, payload) "
                         "SELECT 'bench.noop', 'car:' || g, '{\"n\": 1}' FROM generate_series(1, $1) g",
                         events);
        work.commit();
        pqxx::nontransaction vacuum(connection);
        vacuum.exec("VACUUM ANALYZE outbox_events");
    });
}

qint64 scalarOf(Database &database, const std::string &sql)
{
    return database
        .guard([&](pqxx::connection &connection) {
            pqxx::read_transaction work(connection);
            return work.exec1(sql)[0].as<qint64>(0);
        })
        .value_or(-1);
}

// The naive consumer: one event per transaction.
double naiveRate(Database &database, int seconds)
{
    QElapsedTimer timer;
    timer.start();
    qint64 handled = 0;
    (void)database.guard([&](pqxx::connection &connection) {
        while (!timer.hasExpired(seconds * 1000)) {
            pqxx::work work(connection);
            const pqxx::result row = work.exec("SELECT id, topic, aggregate_key, payload FROM outbox_events "
                                               "WHERE not_before <= now() ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
            if (row.empty())
                break;
            work.exec_params("DELETE FROM outbox_events WHERE id = $1", row[0][0].as<qint64>());
            work.commit();
            ++handled;
        }
    });
    return handled * 1000.0 / std::max<qint64>(1, timer.elapsed());
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int seconds = qEnvironmentVariableIsSet("BENCH_SECONDS") ? qEnvironmentVariableIntValue("BENCH_SECONDS") : 60;

    TestDatabase db(QStringLiteral("bench_events"));
    if (!db.isValid()) {
        out << "bench_events: " << db.error() << Qt::endl;
        return 1;
    }
    auto opened = Database::open(db.profile());
    if (!opened || !SystemService::migrate(**opened)) {
        out << "bench_events: could not open and migrate the database" << Qt::endl;
        return 1;
    }
    Database &database = **opened;

    // Baseline: the naive loop for 10 s.
    fill(database, 200'000);
    const double naive = naiveRate(database, 10);
    out << "naive loop (one event per transaction, SKIP LOCKED): " << qRound(naive) << " events/s" << Qt::endl;
    (void)database.guard([](pqxx::connection &connection) {
        pqxx::work work(connection);
        work.exec("TRUNCATE outbox_events");
        work.commit();
    });

    // One worker, a no-op handler, a queue that never runs dry during the run.
    const qint64 queued = std::max<qint64>(600'000, qint64(seconds) * 15'000);
    fill(database, queued);
    EventHandlers noop;
    noop.add(QStringLiteral("*"), [](pqxx::transaction_base &, const OutboxEvent &) {});
    std::atomic<qint64> handled{0};
    qint64 maxDead = 0;
    {
        EventWorker worker(db.profile(), noop, EventWorker::Options{});
        QObject::connect(
            &worker, &EventWorker::batchDone, &worker, [&handled](int count, int, int) { handled += count; },
            Qt::DirectConnection);
        QElapsedTimer timer;
        timer.start();
        worker.start();
        while (!timer.hasExpired(seconds * 1000)) {
            QThread::msleep(2000);
            maxDead = std::max(maxDead, scalarOf(database, "SELECT n_dead_tup FROM pg_stat_user_tables "
                                                           "WHERE relname = 'outbox_events'"));
        }
        const qint64 done = handled;
        const double elapsed = double(timer.elapsed()) / 1000.0;
        worker.stop();
        worker.wait();
        const double rate = double(done) / elapsed;
        out << "worker, no-op handler, " << seconds << " s: " << done << " events = " << qRound(rate) << " events/s; "
            << QString::number(rate / std::max(1.0, naive), 'f', 1) << "x the naive loop" << Qt::endl;
        out << "queue dead tuples during the run (pg_stat_user_tables, sampled every 2 s): max " << maxDead
            << ", at the end "
            << scalarOf(database, "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = "
                                  "'outbox_events'")
            << Qt::endl;
    }
    (void)database.guard([](pqxx::connection &connection) {
        pqxx::work work(connection);
        work.exec("TRUNCATE outbox_events");
        work.commit();
    });

    // Latency: an idle worker, one event at a time, from just before the publishing commit to the start
    // of its handler.
    std::mutex mutex;
    std::vector<double> latencies;
    Clock::time_point committing;
    EventHandlers timing;
    timing.add(QStringLiteral("*"), [&](pqxx::transaction_base &, const OutboxEvent &) {
        const auto now = Clock::now();
        const std::lock_guard lock(mutex);
        latencies.push_back(std::chrono::duration<double, std::milli>(now - committing).count());
    });
    {
        EventWorker worker(db.profile(), timing, EventWorker::Options{});
        worker.start();
        QThread::msleep(1000);
        for (int i = 0; i < 300; ++i) {
            const size_t before = [&] {
                const std::lock_guard lock(mutex);
                return latencies.size();
            }();
            (void)database.guard([&](pqxx::connection &connection) {
                pqxx::work work(connection);
                Outbox::publish(work, QStringLiteral("bench.latency"), QStringLiteral("latency:%1").arg(i), {});
                {
                    const std::lock_guard lock(mutex);
                    committing = Clock::now();
                }
                work.commit();
            });
            QElapsedTimer wait;
            wait.start();
            while (!wait.hasExpired(5000)) {
                {
                    const std::lock_guard lock(mutex);
                    if (latencies.size() > before)
                        break;
                }
                QThread::usleep(200);
            }
            QThread::msleep(20); // idle again
        }
    }
    out << "publish-to-start latency, idle worker (" << latencies.size() << " events): p50 "
        << QString::number(percentile(latencies, 0.5), 'f', 2) << " ms, p99 "
        << QString::number(percentile(latencies, 0.99), 'f', 2) << " ms, max "
        << QString::number(percentile(latencies, 1.0), 'f', 2) << " ms" << Qt::endl;
    return 0;
}
