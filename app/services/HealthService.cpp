#include "HealthService.h"

#include "db/ConnectionProfile.h"
#include "db/Database.h"
#include "services/EventService.h"
#include "services/SystemService.h"

#include <algorithm>

bool HealthReport::healthy() const
{
    return std::all_of(checks.cbegin(), checks.cend(), [](const HealthCheck &check) { return check.ok; });
}

QStringList HealthReport::failing() const
{
    QStringList names;
    for (const HealthCheck &check : checks) {
        if (!check.ok)
            names << check.name;
    }
    return names;
}

bool HealthService::isAlive(const EventQueue::WorkerStatus &worker)
{
    return worker.secondsSinceSeen <= kHeartbeatFreshSeconds;
}

std::optional<EventQueue::WorkerStatus> HealthService::liveWorker(const EventQueue::Status &status)
{
    const auto freshest = std::min_element(status.workers.cbegin(), status.workers.cend(),
                                           [](const EventQueue::WorkerStatus &a, const EventQueue::WorkerStatus &b) {
                                               return a.secondsSinceSeen < b.secondsSinceSeen;
                                           });
    if (freshest == status.workers.cend() || !isAlive(*freshest))
        return std::nullopt;
    return *freshest;
}

bool HealthService::workerAlive(Database &database)
{
    const auto status = EventService::status(database);
    return status && liveWorker(*status);
}

QList<HealthCheck> HealthService::queueChecks(const EventQueue::Status &status, qint64 maxLagSeconds)
{
    const std::optional<EventQueue::WorkerStatus> worker = liveWorker(status);
    return {{QStringLiteral("worker"), bool(worker),
             worker ? tr("%1 seen %2 s ago").arg(worker->id).arg(worker->secondsSinceSeen)
                    : tr("no worker has reported in the last %1 s: start Forecourt or \"forecourt worker\"")
                          .arg(kHeartbeatFreshSeconds)},
            {QStringLiteral("queue_lag"), status.oldestDueSeconds <= maxLagSeconds,
             tr("%1 due, the oldest waiting %2 s (limit %3 s)")
                 .arg(status.due)
                 .arg(status.oldestDueSeconds)
                 .arg(maxLagSeconds)},
            {QStringLiteral("dead_letters"), status.deadLetters == 0,
             status.deadLetters == 0
                 ? tr("none")
                 : tr("%1 failed events: see System > Events in Forecourt").arg(status.deadLetters)}};
}

HealthReport HealthService::check(const ConnectionProfile &profile, qint64 maxLagSeconds)
{
    HealthReport report;
    const auto database = Database::open(profile);
    report.checks.append(
        {QStringLiteral("database"), bool(database), database ? tr("reachable") : database.error().oneLine()});
    if (!database)
        return report;
    const auto info = SystemService::serverInfo(**database);
    const bool current = info && info->schemaCurrent;
    report.checks.append({QStringLiteral("schema"), current,
                          !info     ? info.error().oneLine()
                          : current ? tr("version %1").arg(info->schema.currentVersion)
                                    : tr("version %1 of %2: run \"forecourt db migrate\"")
                                          .arg(info->schema.currentVersion)
                                          .arg(info->schema.latestVersion)});
    if (!current)
        return report; // the queue's tables may not be there yet
    const auto status = EventService::status(**database);
    if (!status)
        report.checks.append({QStringLiteral("queue"), false, status.error().oneLine()});
    else
        report.checks.append(queueChecks(*status, maxLagSeconds));
    return report;
}
