#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "events/EventWorker.h"
#include "outbox/EventQueue.h"
#include "outbox/Outbox.h"
#include "services/FleetService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <pqxx/pqxx>

#include <atomic>
#include <memory>

namespace {

// Publishes `count` events of topic "test.ping", spread over `keys` keys; each payload carries the
// event's place among those of its key ("seq", from 1).
void publish(Database &database, int count, int keys, const QString &topic = QStringLiteral("test.ping"),
             const QJsonObject &extra = {})
{
    const auto published = database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        for (int i = 0; i < count; ++i) {
            QJsonObject payload = extra;
            payload.insert(QStringLiteral("seq"), i / keys + 1);
            Outbox::publish(work, topic, QStringLiteral("k%1").arg(i % keys), payload);
        }
        work.commit();
    });
    QVERIFY2(published, qPrintable(published ? QString() : published.error().oneLine()));
}

// A handler that logs every delivery, so the test can count them and check their order per key.
EventHandler logging(const QString &worker)
{
    return [worker](pqxx::transaction_base &transaction, const OutboxEvent &event) {
        transaction.exec_params("INSERT INTO handled_log (event_id, key, seq, worker) VALUES ($1, $2, $3, $4)",
                                event.id, event.key.toStdString(), event.payload.value(QStringLiteral("seq")).toInt(),
                                worker.toStdString());
    };
}

EventWorker::Options fastOptions()
{
    EventWorker::Options options;
    options.queue.batchSize = 20;
    options.queue.backoffBaseMs = 20;
    options.queue.backoffMaxMs = 100;
    options.pollMs = 200;
    return options;
}

} // namespace

class TestEventWorker : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    bool waitUntilQueueEmpty(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (query("SELECT count(*) FROM outbox_events") != QLatin1String("0")) {
            if (timer.hasExpired(timeoutMs))
                return false;
            QTest::qWait(50);
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("eventworker"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        exec("CREATE TABLE handled_log (id bigserial PRIMARY KEY, event_id bigint NOT NULL, key text NOT NULL, "
             "seq integer NOT NULL, worker text NOT NULL)");
    }

    void init()
    {
        exec("TRUNCATE handled_log, outbox_events, outbox_dead_letters, event_stats, activity_feed, "
             "worker_heartbeats, notifications");
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    // Two workers share the queue: every event is handled exactly once, and the events of one key in the
    // order they were published, whichever worker took them.
    void twoWorkersHandleEachEventOnceInKeyOrder()
    {
        publish(*m_database, 3000, 40);
        EventHandlers first;
        first.add(QStringLiteral("test.*"), logging(QStringLiteral("a")));
        EventHandlers second;
        second.add(QStringLiteral("test.*"), logging(QStringLiteral("b")));
        {
            EventWorker a(m_db->profile(), first, fastOptions());
            EventWorker b(m_db->profile(), second, fastOptions());
            a.start();
            b.start();
            QVERIFY(waitUntilQueueEmpty(60000));
        } // both stop and give back nothing: nothing is leased
        QCOMPARE(query("SELECT count(*) FROM handled_log"), QStringLiteral("3000"));
        QCOMPARE(query("SELECT count(DISTINCT event_id) FROM handled_log"), QStringLiteral("3000"));
        QCOMPARE(query("SELECT count(DISTINCT worker) FROM handled_log"), QStringLiteral("2"));
        // Per key, the handling order (the log's id) follows the publishing order (seq).
        QCOMPARE(query("SELECT count(*) FROM (SELECT seq, lag(seq) OVER (PARTITION BY key ORDER BY id) AS previous "
                       "FROM handled_log) t WHERE previous IS NOT NULL AND previous <> seq - 1"),
                 QStringLiteral("0"));
        QCOMPARE(query("SELECT sum(handled) FROM event_stats"), QStringLiteral("3000"));
        QCOMPARE(query("SELECT count(*) FROM worker_heartbeats"), QStringLiteral("0")); // removed at stop
    }

    // A handler that always fails for one event: that event is retried with backoff, reaches the dead
    // letters after maxAttempts with every attempt's error, and the other events flow meanwhile. Replay
    // puts it back, and with the fault gone it is handled.
    void poisonedEventIsDeadLetteredAndReplayed()
    {
        auto poisoned = std::make_shared<std::atomic<bool>>(true);
        EventHandlers handlers;
        handlers.add(QStringLiteral("test.*"), logging(QStringLiteral("w")));
        // An SQL error, the hard case: it aborts the server's transaction until the savepoint is rolled back.
        handlers.add(QStringLiteral("test.poison"),
                     [poisoned](pqxx::transaction_base &transaction, const OutboxEvent &) {
                         if (*poisoned)
                             transaction.exec("SELECT 1 / 0");
                     });
        EventWorker::Options options = fastOptions();
        options.queue.maxAttempts = 4;
        EventWorker worker(m_db->profile(), handlers, options);
        worker.start();

        publish(*m_database, 1, 1, QStringLiteral("test.poison"));
        publish(*m_database, 200, 10);
        QVERIFY(waitUntilQueueEmpty(30000));
        QCOMPARE(query("SELECT count(*) FROM handled_log"), QStringLiteral("200")); // the poisoned one rolled back
        QCOMPARE(query("SELECT count(*) FROM outbox_dead_letters"), QStringLiteral("1"));
        QCOMPARE(query("SELECT attempts FROM outbox_dead_letters"), QStringLiteral("4"));
        QCOMPARE(query("SELECT jsonb_array_length(errors) FROM outbox_dead_letters"), QStringLiteral("4"));
        QVERIFY(
            query("SELECT errors->3->>'error' FROM outbox_dead_letters").contains(QStringLiteral("division by zero")));
        QCOMPARE(query("SELECT sum(failed) FROM event_stats"), QStringLiteral("4"));

        *poisoned = false;
        const qint64 id = query("SELECT id FROM outbox_dead_letters").toLongLong();
        const auto replayed = m_database->guard([id](pqxx::connection &connection) {
            pqxx::work work(connection);
            const bool found = EventQueue::replay(work, id);
            work.commit();
            return found;
        });
        QVERIFY(replayed && *replayed);
        QVERIFY(waitUntilQueueEmpty(30000));
        QCOMPARE(query("SELECT count(*) FROM outbox_dead_letters"), QStringLiteral("0"));
        QCOMPARE(query("SELECT count(*) FROM handled_log WHERE key = 'k0' AND seq = 1"),
                 QStringLiteral("2")); // the ping of k0 and the replayed poison, both seq 1 of their publish
    }

    // kill -9 in the middle of the work: the leases of the dead worker expire, a second worker finishes,
    // and no event is lost or counted twice (a handled event's count and removal commit together).
    void killedWorkerLeavesItsEventsToAnother()
    {
        const int count = 20000;
        publish(*m_database, count, 500);
        const QStringList arguments{QStringLiteral("worker"), QStringLiteral("--server"), m_db->conninfo(),
                                    QStringLiteral("--lease-seconds"), QStringLiteral("2")};
        QProcess first;
        first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        first.start(forecourtBinary(), arguments);
        QVERIFY(first.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (query("SELECT count(*) FROM activity_feed").toInt() < 2000 && !timer.hasExpired(60000))
            QTest::qWait(10);
        first.kill(); // SIGKILL: no clean stop, its leases stay behind
        QVERIFY(first.waitForFinished());
        const int handledByFirst = query("SELECT count(*) FROM activity_feed").toInt();
        QVERIFY2(handledByFirst > 0 && handledByFirst < count, qPrintable(QString::number(handledByFirst)));

        QProcess second;
        second.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        second.start(forecourtBinary(), arguments);
        QVERIFY(second.waitForStarted());
        const bool emptied = waitUntilQueueEmpty(120000);
        second.terminate(); // SIGTERM: finishes its batch and stops
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY(emptied);
        QCOMPARE(query("SELECT count(*) FROM activity_feed"), QString::number(count));
        QCOMPARE(query("SELECT sum(handled) FROM event_stats"), QString::number(count));
        QCOMPARE(query("SELECT count(DISTINCT worker_id) FROM event_stats"), QStringLiteral("2"));
    }

    // A scheduled event (a reminder) waits for its time, then is handled.
    void scheduledEventWaitsForItsTime()
    {
        EventHandlers handlers;
        handlers.add(QStringLiteral("test.*"), logging(QStringLiteral("w")));
        EventWorker worker(m_db->profile(), handlers, fastOptions());
        worker.start();
        const auto published = m_database->guard([](pqxx::connection &connection) {
            pqxx::work work(connection);
            Outbox::publish(work, QStringLiteral("test.reminder"), QStringLiteral("booking:1"), {},
                            QDateTime::currentDateTimeUtc().addMSecs(1500));
            work.commit();
        });
        QVERIFY(published);
        QTest::qWait(700);
        QCOMPARE(query("SELECT count(*) FROM handled_log"), QStringLiteral("0"));
        QCOMPARE(query("SELECT count(*) FROM outbox_events"), QStringLiteral("1"));
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM handled_log"), QStringLiteral("1"), 5000);
    }

    // A saved filter with its alert on: a new matching car and a price drop notify its owner; a car
    // that does not match, a price rise, or an alert turned off do not.
    void savedFilterAlertsNotifyTheOwner()
    {
        CarFilter volkswagens;
        volkswagens.makes = {QStringLiteral("Volkswagen")};
        const auto saved = FleetService::saveFilter(*m_database, QStringLiteral("VW"), volkswagens);
        QVERIFY(saved);
        QVERIFY(FleetService::setFilterAlert(*m_database, saved->id, true));
        EventWorker worker(m_db->profile(), EventWorker::standardHandlers(), fastOptions());
        worker.start();

        const auto create = [&](const QString &vin, const QString &make) {
            CarInput input = sampleCarInput(vin);
            input.make = make;
            const auto created = FleetService::create(*m_database, CarValidator::validate(input).record);
            return created ? created->row.id : qint64(0);
        };
        const qint64 golf = create(QStringLiteral("WVWZZZ1KZMW000101"), QStringLiteral("Volkswagen"));
        QVERIFY(golf > 0);
        QVERIFY(create(QStringLiteral("WF0XXXGCDX0000102"), QStringLiteral("Ford")) > 0);
        QVERIFY(waitUntilQueueEmpty(10000));
        QCOMPARE(query("SELECT count(*) FROM notifications"), QStringLiteral("1"));
        QCOMPARE(query("SELECT title FROM notifications"), QStringLiteral("New car for \"VW\""));
        QCOMPARE(query("SELECT car_id FROM notifications"), QString::number(golf));

        PriceAdjustment cheaper;
        cheaper.kind = PriceAdjustment::Kind::Percent;
        cheaper.percent = -10;
        QVERIFY(FleetService::adjustPrice(*m_database, {golf}, cheaper));
        PriceAdjustment dearer;
        dearer.kind = PriceAdjustment::Kind::Percent;
        dearer.percent = 20;
        QVERIFY(FleetService::adjustPrice(*m_database, {golf}, dearer));
        QVERIFY(waitUntilQueueEmpty(10000));
        QCOMPARE(query("SELECT string_agg(title, ' | ' ORDER BY id) FROM notifications"),
                 QStringLiteral("New car for \"VW\" | Price drop for \"VW\""));
        QVERIFY(query("SELECT body FROM notifications ORDER BY id DESC LIMIT 1").contains(QStringLiteral("→")));

        QVERIFY(FleetService::setFilterAlert(*m_database, saved->id, false));
        QVERIFY(create(QStringLiteral("WVWZZZ1KZMW000103"), QStringLiteral("Volkswagen")) > 0);
        QVERIFY(waitUntilQueueEmpty(10000));
        QCOMPARE(query("SELECT count(*) FROM notifications"), QStringLiteral("2"));
    }

    // Workers killed with SIGKILL leave their heartbeat rows. A live worker removes those that have been
    // silent for longer than forgetSilentWorkersAfterMs (5 minutes), so they no longer pile up (24 rows
    // after 23 kills), and keeps the ones silent for less, which still show a worker that just died.
    void heartbeatsOfKilledWorkersAreForgotten()
    {
        QList<qint64> killed;
        for (int i = 0; i < 3; ++i) {
            QProcess process;
            process.start(forecourtBinary(), {QStringLiteral("worker"), QStringLiteral("--server"), m_db->conninfo()});
            QVERIFY(process.waitForStarted());
            const std::string beat =
                "SELECT count(*) FROM worker_heartbeats WHERE pid = " + std::to_string(process.processId());
            QTRY_COMPARE_WITH_TIMEOUT(query(beat), QStringLiteral("1"), 30000);
            killed << process.processId();
            process.kill();
            QVERIFY(process.waitForFinished());
        }
        QCOMPARE(query("SELECT count(*) FROM worker_heartbeats"), QStringLiteral("3"));
        // Time passes: two were last seen six minutes ago, one four minutes ago.
        exec("UPDATE worker_heartbeats SET last_seen = now() - interval '6 minutes' WHERE pid IN (" +
             std::to_string(killed.at(0)) + ", " + std::to_string(killed.at(1)) + ")");
        exec("UPDATE worker_heartbeats SET last_seen = now() - interval '4 minutes' WHERE pid = " +
             std::to_string(killed.at(2)));

        EventWorker live(m_db->profile(), EventWorker::standardHandlers(), EventWorker::Options{});
        live.start();
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM worker_heartbeats"), QStringLiteral("2"), 10000);
        QCOMPARE(query("SELECT string_agg(pid::text, ',' ORDER BY last_seen) FROM worker_heartbeats"),
                 QStringLiteral("%1,%2").arg(killed.at(2)).arg(QCoreApplication::applicationPid()));
    }

    void healthNamesTheMissingWorker()
    {
        const QStringList arguments{QStringLiteral("health"), QStringLiteral("--json"), QStringLiteral("--server"),
                                    m_db->conninfo()};
        ForecourtRun run = runForecourt(arguments);
        QCOMPARE(run.exitCode, 1);
        QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("healthy")).toBool(), false);
        QCOMPARE(result.value(QStringLiteral("failing")).toArray(), QJsonArray{QStringLiteral("worker")});

        EventWorker worker(m_db->profile(), EventWorker::standardHandlers(), fastOptions());
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM worker_heartbeats"), QStringLiteral("1"), 10000);
        run = runForecourt(arguments);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("healthy")).toBool(), true);

        // A poisoned event in the dead letters fails the check too.
        exec("INSERT INTO outbox_dead_letters (id, topic, aggregate_key, payload, created_at, attempts) "
             "VALUES (999999, 'test.ping', 'k', '{}', now(), 10)");
        run = runForecourt(arguments);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("failing")).toArray(), QJsonArray{QStringLiteral("dead_letters")});
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestEventWorker)
#include "tst_eventworker.moc"
