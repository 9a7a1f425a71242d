#include "VinRetry.h"

#include "db/Database.h"
#include "services/VinReportService.h"

namespace Commands {

VinRetry::VinRetry()
    : Command(QStringLiteral("vin retry ID..."),
              tr("Queues failed VIN report requests again (their ids from \"vin requests\")."), Json::NotTaken)
{}

int VinRetry::execute(const QStringList &ids)
{
    QList<qint64> requestIds;
    for (const QString &id : ids) {
        bool ok = false;
        const qint64 requestId = QString(id).remove(QLatin1Char('#')).toLongLong(&ok);
        if (!ok || requestId < 1)
            return usageError(
                tr("\"%1\" is not a request id: ids are whole numbers from 1 (see \"vin requests\").").arg(id));
        requestIds << requestId;
    }
    if (requestIds.isEmpty())
        return usageError(tr("Give the ids of the failed requests to try again."));
    auto database = openDatabase(true);
    if (!database)
        return failWith(database.error());
    const auto retried = VinReportService::retry(**database, requestIds);
    if (!retried)
        return failWith(retried.error());
    out() << tr("%n failed request(s) queued again.", nullptr, *retried) << Qt::endl;
    return *retried == requestIds.size() ? Ok : Failed;
}

} // namespace Commands
