#include "VinReport.h"

#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "domain/Vin.h"
#include "services/VinReportService.h"
#include "vin/VinReportDocument.h"

#include <QLocale>

namespace Commands {

VinReport::VinReport()
    : Command(QStringLiteral("vin report VIN"),
              tr("Shows the newest stored report of a VIN (as JSON with --json), or writes it as a PDF."), Json::Taken)
{
    addOptions({m_pdf});
}

int VinReport::execute(const QStringList &operands)
{
    const QString vin = operands.value(0);
    if (vin.isEmpty())
        return usageError(tr("Give the VIN whose report to show."));
    auto database = openDatabase(false);
    if (!database)
        return failWith(database.error());
    const auto id = VinReportService::latestReportId(**database, vin);
    if (!id)
        return failWith(id.error());
    if (!*id)
        return failWith(Error{
            Error::Code::NotFound,
            tr("No report of %1 is stored. Ask for one with \"forecourt vin request %1\".").arg(Vin::normalise(vin))});
    const auto report = VinReportService::report(**database, **id);
    if (!report)
        return failWith(report.error());
    if (isSet(m_pdf)) {
        QString error;
        if (!VinReportDocument::writePdf(*report, value(m_pdf), &error))
            return failWith(Error{Error::Code::Unknown, error});
        out() << tr("Wrote %1.").arg(value(m_pdf)) << Qt::endl;
        return Ok;
    }
    if (json()) {
        JsonOutput::print(report->toJson());
        return Ok;
    }
    const ::VinReport::Flags flags = report->flags();
    out() << tr("VIN report of %1, made %2")
                 .arg(report->vin, QLocale().toString(report->createdAt.toLocalTime(), QLocale::ShortFormat))
          << Qt::endl;
    if (report->history.simulated)
        out() << tr("SIMULATED SAMPLE HISTORY: not a real vehicle history.") << Qt::endl;
    out() << tr("History from %1").arg(report->history.provider) << Qt::endl;
    if (report->spec)
        for (const auto &[label, value] : report->spec->fields)
            out() << "  " << label << ": " << value << Qt::endl;
    else if (!report->specNote.isEmpty())
        out() << "  " << report->specNote << Qt::endl;
    out() << tr("Title brands: %1")
                 .arg(flags.titleBrands.isEmpty() ? tr("none") : flags.titleBrands.join(QStringLiteral(", ")))
          << Qt::endl;
    out() << tr("Accidents: %1").arg(flags.accidents) << Qt::endl;
    out() << tr("Odometer rollback suspected: %1").arg(flags.rollbackSuspected ? tr("yes") : tr("no")) << Qt::endl;
    out() << tr("Reported stolen: %1").arg(flags.stolen ? tr("yes") : tr("no")) << Qt::endl;
    out() << tr("Owners: %1").arg(flags.owners) << Qt::endl;
    if (flags.lastReading)
        out() << (flags.lastReading->date.isValid()
                      ? tr("Last odometer reading: %1 km on %2")
                            .arg(QLocale().toString(flags.lastReading->km),
                                 QLocale().toString(flags.lastReading->date, QLocale::ShortFormat))
                      : tr("Last odometer reading: %1 km (no date reported)")
                            .arg(QLocale().toString(flags.lastReading->km)))
              << Qt::endl;
    if (flags.fleetMileageBelowReported())
        out() << tr("Fleet mileage: %1 km, below the reported %2 km")
                     .arg(QLocale().toString(*flags.fleetMileageKm), QLocale().toString(flags.highestReading->km))
              << Qt::endl;
    else if (flags.fleetMileageKm)
        out() << tr("Fleet mileage: %1 km").arg(QLocale().toString(*flags.fleetMileageKm)) << Qt::endl;
    return Ok;
}

} // namespace Commands
