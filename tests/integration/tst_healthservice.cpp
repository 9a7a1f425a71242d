#include "TestDatabase.h"

#include "db/Database.h"
#include "services/HealthService.h"

#include <QTcpServer>
#include <QTest>

namespace {

EventQueue::WorkerStatus workerSeen(qint64 secondsAgo, const QString &id = QStringLiteral("w"))
{
    EventQueue::WorkerStatus worker;
    worker.id = id;
    worker.secondsSinceSeen = secondsAgo;
    return worker;
}

const HealthCheck *findCheck(const HealthReport &report, const QString &name)
{
    for (const HealthCheck &check : report.checks) {
        if (check.name == name)
            return &check;
    }
    return nullptr;
}

QStringList namesOf(const HealthReport &report)
{
    QStringList names;
    for (const HealthCheck &check : report.checks)
        names << check.name;
    return names;
}

} // namespace

class TestHealthService : public QObject
{
    Q_OBJECT

private slots:
    // The one rule for a live worker: a heartbeat at most kHeartbeatFreshSeconds old. (`health` used
    // "<= 30" and `vin request` "< 30": a worker seen 30 s ago was alive for one and dead for the other.)
    void aWorkerIsAliveForThirtySeconds()
    {
        QCOMPARE(HealthService::kHeartbeatFreshSeconds, 30);
        QVERIFY(HealthService::isAlive(workerSeen(0)));
        QVERIFY(HealthService::isAlive(workerSeen(30)));
        QVERIFY(!HealthService::isAlive(workerSeen(31)));
    }

    // The freshest worker counts, wherever it is in the list; none when every one is silent.
    void theLiveWorkerIsTheFreshest()
    {
        EventQueue::Status status;
        QVERIFY(!HealthService::liveWorker(status));
        status.workers = {workerSeen(200, QStringLiteral("dead")), workerSeen(31, QStringLiteral("late"))};
        QVERIFY(!HealthService::liveWorker(status));
        status.workers << workerSeen(4, QStringLiteral("fresh")) << workerSeen(12, QStringLiteral("older"));
        const auto live = HealthService::liveWorker(status);
        QVERIFY(live);
        QCOMPARE(live->id, QStringLiteral("fresh"));

        const QList<HealthCheck> checks = HealthService::queueChecks(status, 60);
        QCOMPARE(checks.at(0).name, QStringLiteral("worker"));
        QVERIFY(checks.at(0).ok);
        QCOMPARE(checks.at(0).detail, QStringLiteral("fresh seen 4 s ago"));
    }

    // The queue is behind only when its oldest due event has waited longer than the limit; any dead
    // letter fails its check.
    void queueLagAndDeadLetters()
    {
        EventQueue::Status status;
        status.workers = {workerSeen(1)};
        status.due = 3;
        status.oldestDueSeconds = 60;
        QList<HealthCheck> checks = HealthService::queueChecks(status, 60);
        QCOMPARE(checks.size(), 3);
        QCOMPARE(checks.at(1).name, QStringLiteral("queue_lag"));
        QVERIFY(checks.at(1).ok);
        QCOMPARE(checks.at(1).detail, QStringLiteral("3 due, the oldest waiting 60 s (limit 60 s)"));
        QCOMPARE(checks.at(2).name, QStringLiteral("dead_letters"));
        QVERIFY(checks.at(2).ok);

        status.oldestDueSeconds = 61;
        status.deadLetters = 2;
        checks = HealthService::queueChecks(status, 60);
        QVERIFY(!checks.at(1).ok);
        QVERIFY(!checks.at(2).ok);
        QVERIFY2(checks.at(2).detail.startsWith(QStringLiteral("2 failed events")), qPrintable(checks.at(2).detail));
        HealthReport report;
        report.checks = checks;
        QVERIFY(!report.healthy());
        QCOMPARE(report.failing(), (QStringList{QStringLiteral("queue_lag"), QStringLiteral("dead_letters")}));
    }

    // A database nobody answers: only the database check, failed with the reason.
    void anUnreachableDatabaseIsTheOnlyCheck()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const HealthReport report = HealthService::check(
            ConnectionProfile::server(QStringLiteral("host=127.0.0.1 port=%1 connect_timeout=2").arg(port)), 60);
        QCOMPARE(namesOf(report), QStringList{QStringLiteral("database")});
        QVERIFY(!report.healthy());
        QVERIFY(!report.checks.at(0).detail.isEmpty());
    }

    // A database without the schema: the queue's checks are left out, and the schema check says what to do.
    void anOldSchemaStopsTheChecks()
    {
        TestDatabase db(QStringLiteral("health_schema"));
        QVERIFY2(db.isValid(), qPrintable(db.error()));
        const HealthReport report = HealthService::check(db.profile(), 60);
        QCOMPARE(namesOf(report), (QStringList{QStringLiteral("database"), QStringLiteral("schema")}));
        QVERIFY(report.checks.at(0).ok);
        QVERIFY(!report.checks.at(1).ok);
        QVERIFY2(report.checks.at(1).detail.contains(QStringLiteral("forecourt db migrate")),
                 qPrintable(report.checks.at(1).detail));
    }

    // On a real database: the heartbeat rows decide whether a worker is alive, for `health` and for
    // workerAlive() (what `vin request` asks) alike.
    void heartbeatsDecideOnARealDatabase()
    {
        TestDatabase db(QStringLiteral("health_heartbeats"));
        QVERIFY2(db.isValid(), qPrintable(db.error()));
        const std::unique_ptr<Database> database = db.openMigrated();
        QVERIFY(database);

        HealthReport report = HealthService::check(db.profile(), 60);
        QCOMPARE(namesOf(report),
                 (QStringList{QStringLiteral("database"), QStringLiteral("schema"), QStringLiteral("worker"),
                              QStringLiteral("queue_lag"), QStringLiteral("dead_letters")}));
        QCOMPARE(report.failing(), QStringList{QStringLiteral("worker")});
        QVERIFY(!HealthService::workerAlive(*database));

        QCOMPARE(execute(*database, "INSERT INTO worker_heartbeats (worker_id, host, pid, version, last_seen) "
                                    "VALUES ('host:1:1', 'host', 1, 'test', now() - interval '10 seconds')"),
                 QString());
        report = HealthService::check(db.profile(), 60);
        QVERIFY2(report.healthy(), qPrintable(report.failing().join(QLatin1Char(' '))));
        QVERIFY2(findCheck(report, QStringLiteral("worker"))->detail.startsWith(QStringLiteral("host:1:1 seen ")),
                 qPrintable(findCheck(report, QStringLiteral("worker"))->detail));
        QVERIFY(HealthService::workerAlive(*database));

        QCOMPARE(execute(*database, "UPDATE worker_heartbeats SET last_seen = now() - interval '2 minutes'"),
                 QString());
        report = HealthService::check(db.profile(), 60);
        QCOMPARE(report.failing(), QStringList{QStringLiteral("worker")});
        QVERIFY(!HealthService::workerAlive(*database));
    }
};

QTEST_GUILESS_MAIN(TestHealthService)
#include "tst_healthservice.moc"
