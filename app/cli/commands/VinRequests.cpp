#include "VinRequests.h"

#include "db/Database.h"
#include "services/VinReportService.h"

namespace Commands {

VinRequests::VinRequests()
    : VinCommand(QStringLiteral("vin requests"),
                 tr("Lists the VIN report requests, newest first, with their status and findings."), Json::Taken)
{
    addOptions({m_status, m_limit});
}

int VinRequests::execute(const QStringList &)
{
    VinRequestFilter filter;
    if (isSet(m_status)) {
        const QString wanted = value(m_status).toLower();
        if (wanted != QLatin1String("pending") && wanted != QLatin1String("done") && wanted != QLatin1String("failed"))
            return usageError(tr("--status takes pending, done or failed."));
        filter.statuses << wanted;
    }
    const auto count = wholeNumber(m_limit, 1, kMostVinsPerRequest);
    if (!count)
        return usageError(count.error().message);
    auto database = openDatabase(false);
    if (!database)
        return failWith(database.error());
    const auto rows = VinReportService::requests(**database, filter, int(*count));
    if (!rows)
        return failWith(rows.error());
    showRequests(*rows);
    if (rows->isEmpty() && !json())
        out() << tr("No VIN report requests.") << Qt::endl;
    return Ok;
}

} // namespace Commands
