#include "ImportCars.h"

#include "TerminationSignals.h"
#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "domain/CarValidator.h"
#include "io/CarCsvColumns.h"
#include "io/CsvWriter.h"
#include "services/CarImportService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace Commands {

ImportCars::ImportCars()
    : Command(QStringLiteral("import cars FILE.csv"),
              tr("Imports cars from a CSV file (UTF-8, comma or semicolon, a header row with the column "
                 "names) in one transaction. Without --skip-invalid a single refused row means nothing is "
                 "imported. Exit code 1 when a row was refused. An import that wrote to the fleet gets a "
                 "number; \"forecourt import undo\" takes it back."),
              Json::Taken)
{
    addOptions({m_mode, m_dryRun, m_skipInvalid, m_errors, m_defaults});
}

int ImportCars::execute(const QStringList &operands)
{
    const QString fileName = operands.value(0);
    if (fileName.isEmpty())
        return usageError(tr("\"import cars\" needs the CSV file to import: forecourt import cars FILE.csv"));

    CarImportOptions options;
    const QString modeName = value(m_mode);
    if (modeName == QLatin1String("insert"))
        options.mode = CarImportOptions::Mode::Insert;
    else if (modeName == QLatin1String("upsert"))
        options.mode = CarImportOptions::Mode::Upsert;
    else
        return usageError(tr("Unknown --mode \"%1\": use insert or upsert.").arg(modeName));
    options.dryRun = isSet(m_dryRun);
    options.skipInvalid = isSet(m_skipInvalid);
    options.fileName = fileName;
    for (const QString &given : parser().values(m_defaults)) {
        const qsizetype equals = given.indexOf(QLatin1Char('='));
        const std::optional<CarField> field =
            equals > 0 ? CarCsvColumns::fieldForHeader(given.left(equals)) : std::optional<CarField>();
        if (!field)
            return usageError(tr("--default needs a field and a value, such as condition=used; \"%1\" is not "
                                 "one. Fields: %2.")
                                  .arg(given, CarCsvColumns::exportHeader().join(QStringLiteral(", "))));
        if (*field == CarField::Vin || *field == CarField::StockNumber)
            return usageError(
                tr("--default cannot give a %1: every car has its own.").arg(CarValidator::fieldLabel(*field)));
        options.defaults.insert(*field, given.mid(equals + 1).trimmed());
    }

    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return failWith(
            {Error::Code::InvalidInput, tr("The file %1 could not be opened: %2.").arg(fileName, file.errorString())});
    QSaveFile errorsFile(value(m_errors));
    std::optional<CsvWriter> errorsCsv;
    if (isSet(m_errors)) {
        if (!errorsFile.open(QIODevice::WriteOnly))
            return failWith(
                {Error::Code::InvalidInput,
                 tr("The file %1 could not be written: %2.").arg(errorsFile.fileName(), errorsFile.errorString())});
        errorsCsv.emplace(&errorsFile);
        (void)errorsCsv->writeRow(CarImportService::issueCsvHeader());
    }
    QStringList shown;
    qint64 notShown = 0;
    options.onIssue = [&](const CarImportIssue &issue) {
        const bool warning = issue.severity == CarIssue::Severity::Warning;
        if (errorsCsv)
            (void)errorsCsv->writeRow(CarImportService::issueCsvRow(issue));
        if (shown.size() < kShownProblems) {
            shown << (warning ? tr("Line %1, %2 (warning): %3") : tr("Line %1, %2: %3"))
                         .arg(QString::number(issue.line), issue.column, issue.message);
        } else {
            ++notShown;
        }
    };

    auto database = openDatabase(true);
    if (!database)
        return failWith(database.error());
    const bool showProgress = isatty(fileno(stderr)) && !json();
    int shownPercent = -1;
    const auto summary = CarImportService::importCars(**database, file, options, [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 0;
        if (showProgress && percent != shownPercent) {
            shownPercent = percent;
            err() << "\r" << tr("Reading %1%").arg(percent) << Qt::flush;
        }
        return !TerminationSignals::interrupted(); // Ctrl+C cancels; nothing is kept
    });
    if (showProgress && shownPercent >= 0)
        err() << "\r" << Qt::endl;
    if (errorsCsv && (!errorsCsv->flush() || !errorsFile.commit()))
        return failWith(
            {Error::Code::Unknown,
             tr("The file %1 could not be written: %2.").arg(errorsFile.fileName(), errorsFile.errorString())});
    if (!summary)
        return failWith(summary.error());

    if (json()) {
        JsonOutput::print(toJson(*summary, options.dryRun));
    } else if (summary->refused == 0 || options.skipInvalid) {
        const QString counts = tr("%1 added, %2 updated, %3 unchanged")
                                   .arg(summary->inserted)
                                   .arg(summary->updated)
                                   .arg(summary->unchanged);
        if (options.dryRun)
            out() << tr("Dry run, nothing was written: %1 rows read; the import would leave %2.")
                         .arg(summary->rows)
                         .arg(counts)
                  << Qt::endl;
        else
            out() << tr("Imported %1 rows: %2.").arg(summary->rows).arg(counts) << Qt::endl;
        if (summary->makesFromVin + summary->yearsFromVin > 0)
            out() << tr("Makes taken from the VINs: %1; model years: %2 (each listed as a warning).")
                         .arg(summary->makesFromVin)
                         .arg(summary->yearsFromVin)
                  << Qt::endl;
        if (summary->written)
            out() << tr("This was import %1; \"forecourt import undo %1\" takes it back.").arg(summary->importId)
                  << Qt::endl;
    }

    if (summary->refused > 0) {
        const QString reason =
            options.skipInvalid
                ? tr("%1 of %2 rows were refused and not imported; the others were %3.")
                      .arg(summary->refused)
                      .arg(summary->rows)
                      .arg(options.dryRun ? tr("checked") : tr("imported"))
                : tr("%1 of %2 rows were refused, so nothing was imported. Correct them, or use --skip-invalid "
                     "to import the others.")
                      .arg(summary->refused)
                      .arg(summary->rows);
        err() << "forecourt: " << reason << Qt::endl;
    }
    if (!summary->ignoredColumns.isEmpty())
        err() << tr("Columns ignored (not car fields, or repeated): %1.")
                     .arg(summary->ignoredColumns.join(QStringLiteral(", ")))
              << Qt::endl;
    for (const QString &line : shown)
        err() << line << Qt::endl;
    if (notShown > 0)
        err() << (errorsCsv
                      ? tr("... and %1 more problems, all of them in %2.").arg(notShown).arg(errorsFile.fileName())
                      : tr("... and %1 more problems; use --errors FILE to get them all.").arg(notShown))
              << Qt::endl;
    return summary->refused > 0 ? Failed : Ok;
}

QJsonObject ImportCars::toJson(const CarImportSummary &summary, bool dryRun)
{
    return {{QStringLiteral("rows"), summary.rows},
            {QStringLiteral("inserted"), summary.inserted},
            {QStringLiteral("updated"), summary.updated},
            {QStringLiteral("unchanged"), summary.unchanged},
            {QStringLiteral("refused"), summary.refused},
            {QStringLiteral("errors"), summary.errors},
            {QStringLiteral("warnings"), summary.warnings},
            {QStringLiteral("written"), summary.written},
            {QStringLiteral("import_id"), summary.written ? QJsonValue(summary.importId) : QJsonValue()},
            {QStringLiteral("makes_from_vin"), summary.makesFromVin},
            {QStringLiteral("years_from_vin"), summary.yearsFromVin},
            {QStringLiteral("dry_run"), dryRun},
            {QStringLiteral("ignored_columns"), QJsonArray::fromStringList(summary.ignoredColumns)},
            {QStringLiteral("timings_ms"), QJsonObject{{QStringLiteral("read"), summary.readMs},
                                                       {QStringLiteral("check"), summary.checkMs},
                                                       {QStringLiteral("merge"), summary.mergeMs},
                                                       {QStringLiteral("commit"), summary.commitMs}}}};
}

} // namespace Commands
