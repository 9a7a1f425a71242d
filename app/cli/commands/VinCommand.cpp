#include "VinCommand.h"

#include "cli/JsonOutput.h"
#include "io/LineReader.h"
#include "services/VinReportService.h"

#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

namespace Commands {

namespace {
// A VIN is 17 characters: a line of stdin longer than this is not "one VIN a line" (binary data,
// /dev/zero, a file without line ends), and reading on would only fill memory.
constexpr qsizetype kLongestVinLineBytes = 4096;
} // namespace

int VinCommand::forEachStdinVin(const std::function<bool(const QString &vin)> &take)
{
    if (isatty(STDIN_FILENO))
        return usageError(tr("Give one or more VINs, or pipe them in one a line."));
    LineReader reader(STDIN_FILENO, kLongestVinLineBytes);
    qint64 vins = 0;
    QString line;
    for (;;) {
        switch (reader.next(&line)) {
        case LineReader::Outcome::Line:
            if (const QString vin = line.trimmed(); !vin.isEmpty()) {
                ++vins;
                if (!take(vin))
                    return Ok;
            }
            break;
        case LineReader::Outcome::End:
            return vins > 0 ? Ok : usageError(tr("stdin held no VINs: give one a line."));
        case LineReader::Outcome::TooLong:
            return failWith(Error{Error::Code::InvalidInput,
                                  tr("Line %1 of stdin is longer than %2 bytes, so it is not a VIN. Give one "
                                     "VIN a line.")
                                      .arg(reader.lineNumber())
                                      .arg(reader.maxLineBytes())});
        case LineReader::Outcome::Failed:
            return failWith(
                Error{Error::Code::Unknown, tr("Could not read the VINs from stdin: %1.").arg(reader.errorString())});
        }
    }
}

void VinCommand::showRequests(const QList<VinRequestRow> &rows) const
{
    if (json()) {
        QJsonArray list;
        for (const VinRequestRow &row : rows)
            list << toJson(row);
        JsonOutput::print(list);
    } else {
        for (const VinRequestRow &row : rows)
            printRequest(row);
    }
}

void VinCommand::printRequest(const VinRequestRow &row)
{
    QString line = QStringLiteral("#%1  %2  %3").arg(row.id).arg(row.vin, VinReportService::statusLabel(row.status));
    if (!row.vehicle.isEmpty())
        line += QStringLiteral("  ") + row.vehicle;
    if (row.status == QLatin1String("failed"))
        line += QStringLiteral("  ") + row.error;
    else if (row.status == QLatin1String("pending") && !row.lastAttemptError.isEmpty())
        line += QStringLiteral("  ") + tr("(trying again: %1)").arg(row.lastAttemptError);
    else if (row.status == QLatin1String("done")) {
        line += QStringLiteral("  ") + row.flags().findings();
        if (row.reused)
            line += QStringLiteral("  ") + tr("(recent report reused)");
        if (row.simulated)
            line += QStringLiteral("  ") + tr("[sample data]");
    }
    out() << line << Qt::endl;
}

QJsonObject VinCommand::toJson(const VinRequestRow &row)
{
    const auto time = [](const QDateTime &at) {
        return at.isValid() ? QJsonValue(at.toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
    };
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("batch"), row.batchId},
            {QStringLiteral("vin"), row.vin},
            {QStringLiteral("vehicle"), row.vehicle},
            {QStringLiteral("status"), row.status},
            {QStringLiteral("requested_by"), row.requestedBy},
            {QStringLiteral("requested_at"), time(row.requestedAt)},
            {QStringLiteral("finished_at"), time(row.finishedAt)},
            {QStringLiteral("error"), row.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.error)},
            {QStringLiteral("report_id"), row.reportId ? QJsonValue(row.reportId) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("reused"), row.reused},
            {QStringLiteral("attempts"), row.attempts},
            {QStringLiteral("last_attempt_error"), row.lastAttemptError},
            {QStringLiteral("title_brands"), QJsonArray::fromStringList(row.titleBrands)},
            {QStringLiteral("accidents"), row.accidents},
            {QStringLiteral("rollback_suspected"), row.rollbackSuspected},
            {QStringLiteral("stolen"), row.stolen},
            {QStringLiteral("simulated"), row.simulated}};
}

} // namespace Commands
