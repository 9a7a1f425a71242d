#include "VinRequest.h"

#include "TerminationSignals.h"
#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "services/HealthService.h"
#include "services/VinReportService.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

#include <algorithm>

namespace Commands {

VinRequest::VinRequest()
    : VinCommand(QStringLiteral("vin request [VIN...]"),
                 tr("Asks for VIN reports: each request is queued with its event, and a worker (a running "
                    "Forecourt, or \"forecourt worker\") decodes the VIN, asks vPIC and the history provider and "
                    "stores the report. Give the VINs as arguments, or one a line on stdin. Exit code 1 when any "
                    "VIN was refused or, with --wait, any report failed."),
                 Json::Taken)
{
    addOptions({m_fresh, m_wait, m_timeout});
}

int VinRequest::execute(const QStringList &operands)
{
    const auto timeoutValue = wholeNumber(m_timeout, 1, 24 * 3600); // up to a day
    if (!timeoutValue)
        return usageError(timeoutValue.error().message);
    const int timeoutSeconds = int(*timeoutValue);
    QStringList vins = operands;
    if (vins.isEmpty()) {
        const int readCode = forEachStdinVin([&vins](const QString &vin) {
            vins << vin;
            return vins.size() <= kMostVinsPerRequest;
        });
        if (readCode != Ok)
            return readCode;
    }
    if (vins.size() > kMostVinsPerRequest)
        return failWith(Error{Error::Code::InvalidInput,
                              tr("More than %1 VINs: ask for them in parts of at most %1.").arg(kMostVinsPerRequest)});
    auto database = openDatabase(true);
    if (!database)
        return failWith(database.error());
    const auto batch = VinReportService::request(**database, vins, 0, isSet(m_fresh));
    if (!batch)
        return failWith(batch.error());
    for (const auto &[input, reason] : batch->refused)
        err() << "forecourt: " << tr("\"%1\" refused: %2").arg(input, reason) << Qt::endl;
    if (!isSet(m_wait)) {
        if (json()) {
            QJsonArray ids;
            for (const qint64 id : batch->ids)
                ids << id;
            JsonOutput::print(QJsonObject{{QStringLiteral("batch"), batch->batchId},
                                          {QStringLiteral("ids"), ids},
                                          {QStringLiteral("refused"), int(batch->refused.size())}});
        } else {
            out() << tr("Asked for %n VIN report(s) (batch %1).", nullptr, int(batch->ids.size())).arg(batch->batchId)
                  << Qt::endl;
            if (!HealthService::workerAlive(**database))
                out() << tr("No worker is running now: the reports are made when Forecourt or \"forecourt "
                            "worker\" runs.")
                      << Qt::endl;
        }
        return batch->refused.isEmpty() ? Ok : Failed;
    }

    QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    QList<VinRequestRow> rows;
    while (true) {
        VinRequestFilter filter;
        auto found = VinReportService::requests(**database, filter, int(kMostVinsPerRequest));
        if (!found)
            return failWith(found.error());
        rows.clear();
        for (const VinRequestRow &row : std::as_const(*found)) {
            if (row.batchId == batch->batchId)
                rows.prepend(row);
        }
        const bool pending = std::any_of(rows.cbegin(), rows.cend(), [](const VinRequestRow &row) {
            return row.status == QLatin1String("pending");
        });
        if (!pending)
            break;
        if (deadline.hasExpired() || TerminationSignals::interrupted()) {
            err() << "forecourt: "
                  << (HealthService::workerAlive(**database)
                          ? tr("The reports were not all done within %n second(s); they stay queued.", nullptr,
                               timeoutSeconds)
                          : tr("No worker is running: start Forecourt or \"forecourt worker\". The requests "
                               "stay queued."))
                  << Qt::endl;
            return Failed;
        }
        QThread::msleep(200);
    }
    showRequests(rows);
    const bool failed = std::any_of(rows.cbegin(), rows.cend(),
                                    [](const VinRequestRow &row) { return row.status == QLatin1String("failed"); });
    return failed || !batch->refused.isEmpty() ? Failed : Ok;
}

} // namespace Commands
