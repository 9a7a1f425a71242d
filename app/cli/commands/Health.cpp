#include "Health.h"

#include "cli/JsonOutput.h"
#include "services/HealthService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Commands {

Health::Health()
    : Command(QStringLiteral("health"),
              tr("Checks that the database is reachable, the schema current, a worker alive (a heartbeat in "
                 "the last %1 s), the queue not behind and the dead letters empty. Exit code 1 names the "
                 "failing checks.")
                  .arg(HealthService::kHeartbeatFreshSeconds),
              Json::Taken)
{
    addOptions({m_maxLag});
}

int Health::execute(const QStringList &)
{
    const auto maxLagSeconds = wholeNumber(m_maxLag, 0, 7 * 24 * 3600); // up to a week
    if (!maxLagSeconds)
        return usageError(maxLagSeconds.error().message);
    const HealthReport report = HealthService::check(profile(), *maxLagSeconds);
    if (json()) {
        JsonOutput::print(toJson(report));
    } else {
        for (const HealthCheck &check : report.checks)
            out() << (check.ok ? "ok      " : "FAILING ") << check.name << ": " << check.detail << Qt::endl;
        if (!report.healthy())
            err() << "forecourt: " << tr("unhealthy: %1").arg(report.failing().join(QStringLiteral(", "))) << Qt::endl;
    }
    return report.healthy() ? Ok : Failed;
}

QJsonObject Health::toJson(const HealthReport &report)
{
    QJsonArray checks;
    for (const HealthCheck &check : report.checks)
        checks << QJsonObject{{QStringLiteral("name"), check.name},
                              {QStringLiteral("ok"), check.ok},
                              {QStringLiteral("detail"), check.detail}};
    return {{QStringLiteral("healthy"), report.healthy()},
            {QStringLiteral("failing"), QJsonArray::fromStringList(report.failing())},
            {QStringLiteral("checks"), checks}};
}

} // namespace Commands
