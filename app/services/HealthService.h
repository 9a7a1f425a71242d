#pragma once

#include "outbox/EventQueue.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class ConnectionProfile;
class Database;

// One check of the system's health: its name (database, schema, worker, queue_lag, dead_letters), whether
// it passed, and a sentence about it.
struct HealthCheck
{
    QString name;
    bool ok = false;
    QString detail;
};

// The checks in the order they ran; a check that needs an earlier one to pass is left out when it failed.
struct HealthReport
{
    QList<HealthCheck> checks;

    bool healthy() const;        // every check passed
    QStringList failing() const; // the names of those that did not
};

// Whether Forecourt can do its work: the database reachable, the schema current, a worker alive, the queue
// not behind and no dead letters. The one definition of a live worker. Blocking: call on a database thread.
class HealthService
{
    Q_DECLARE_TR_FUNCTIONS(HealthService)

public:
    // A worker is alive while its last heartbeat is at most this old (workers beat every 5 s).
    static constexpr qint64 kHeartbeatFreshSeconds = 30;

    static bool isAlive(const EventQueue::WorkerStatus &worker);
    // The worker seen most recently, if it is alive.
    static std::optional<EventQueue::WorkerStatus> liveWorker(const EventQueue::Status &status);
    // Whether any worker is alive now; false also when the queue's status could not be read.
    static bool workerAlive(Database &database);

    // Opens the database of `profile` and runs every check. `maxLagSeconds`: the longest a due event may
    // wait before the queue counts as behind.
    static HealthReport check(const ConnectionProfile &profile, qint64 maxLagSeconds);
    // The checks on the queue's status: worker, queue_lag and dead_letters.
    static QList<HealthCheck> queueChecks(const EventQueue::Status &status, qint64 maxLagSeconds);
};
