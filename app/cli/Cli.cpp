#include "Cli.h"

#include "AppInfo.h"
#include "Logging.h"
#include "TerminalStream.h"
#include "TerminationSignals.h"
#include "db/ConnectionProfile.h"
#include "db/Database.h"
#include "db/LocalServer.h"
#include "domain/CarVocabulary.h"
#include "domain/Vin.h"
#include "domain/VinDecoder.h"
#include "events/EventWorker.h"
#include "io/CarCsvColumns.h"
#include "io/CsvWriter.h"
#include "io/LineReader.h"
#include "services/CarExportService.h"
#include "services/CarImportHistory.h"
#include "services/CarImportService.h"
#include "services/DemoDataService.h"
#include "services/EventService.h"
#include "services/SystemService.h"
#include "services/VinReportService.h"
#include "vin/VinReportDocument.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>

#include <cstdio>
#include <functional>
#include <unistd.h>

namespace {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2, NotRunning = 3 };

const QStringList kOptionsWithValue = {QStringLiteral("--data-dir"),
                                       QStringLiteral("--server"),
                                       QStringLiteral("--cars"),
                                       QStringLiteral("--seed"),
                                       QStringLiteral("--mode"),
                                       QStringLiteral("--errors"),
                                       QStringLiteral("--default"),
                                       QStringLiteral("-o"),
                                       QStringLiteral("--output"),
                                       QStringLiteral("--search"),
                                       QStringLiteral("--make"),
                                       QStringLiteral("--model"),
                                       QStringLiteral("--year-from"),
                                       QStringLiteral("--year-to"),
                                       QStringLiteral("--price-from"),
                                       QStringLiteral("--price-to"),
                                       QStringLiteral("--mileage-from"),
                                       QStringLiteral("--mileage-to"),
                                       QStringLiteral("--fuel"),
                                       QStringLiteral("--transmission"),
                                       QStringLiteral("--body"),
                                       QStringLiteral("--colour"),
                                       QStringLiteral("--seats"),
                                       QStringLiteral("--condition"),
                                       QStringLiteral("--status"),
                                       QStringLiteral("--location"),
                                       QStringLiteral("--sort"),
                                       QStringLiteral("--lease-seconds"),
                                       QStringLiteral("--max-attempts"),
                                       QStringLiteral("--max-lag-seconds"),
                                       QStringLiteral("--timeout-seconds"),
                                       QStringLiteral("--limit"),
                                       QStringLiteral("--pdf")};

// Everything the commands print goes through these two, which show data's control characters escaped.
TerminalStream &out()
{
    static TerminalStream stream(stdout);
    return stream;
}

TerminalStream &err()
{
    static TerminalStream stream(stderr);
    return stream;
}

// Log lines (the worker logs to stderr) carry data too.
QtMessageHandler defaultMessageHandler = nullptr;
void escapingMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    defaultMessageHandler(type, context, TerminalStream::escaped(message));
}

int failWith(const Error &error)
{
    err() << "forecourt: " << error.oneLine() << Qt::endl;
    return Failed;
}

int usageError(const QString &message)
{
    err() << "forecourt: " << message << Qt::endl << Cli::tr("Run \"forecourt --help\" for the commands.") << Qt::endl;
    return Usage;
}

// A whole number from `min` to `max`, or the usage error that names the option and the range. Every
// numeric option goes through here, so none can overflow what it is stored in.
Result<qint64> wholeNumber(const QString &option, const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (ok && value >= min && value <= max)
        return value;
    return std::unexpected(
        Error{Error::Code::InvalidInput, Cli::tr("%1 needs a whole number from %2 to %3, not \"%4\".")
                                             .arg(option, QString::number(min), QString::number(max), text)});
}

Result<qint64> wholeNumber(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min, qint64 max)
{
    return wholeNumber(QStringLiteral("--") + option.names().constLast(), parser.value(option), min, max);
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out().writeJson(document.toJson(QJsonDocument::Indented));
    out().flush();
}

// The command words: the arguments that are neither options nor option values.
QStringList commandWords(const QStringList &arguments)
{
    QStringList words;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument.startsWith(QLatin1Char('-'))) {
            if (kOptionsWithValue.contains(argument))
                ++i; // its value follows
            continue;
        }
        words << argument;
    }
    return words;
}

struct Parsed
{
    QCommandLineParser parser;
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               Cli::tr("The local server's data folder (default: $FORECOURT_DATA_DIR or %1).")
                                   .arg(LocalServer::defaultDataDir()),
                               Cli::tr("folder")};
    QCommandLineOption server{
        QStringLiteral("server"),
        Cli::tr("A PostgreSQL server to use instead of the local one: a URI "
                "(postgresql://user@host/forecourt) or key=value pairs. PG* variables also work."),
        Cli::tr("conninfo")};
    QCommandLineOption json{QStringLiteral("json"), Cli::tr("Print the result as JSON.")};

    ConnectionProfile profile() const
    {
        return ConnectionProfile::resolve(parser.value(server), parser.value(dataDir));
    }
};

// Sets up a parser for one command; returns false after printing help or a usage error.
bool parse(Parsed &parsed, const QStringList &arguments, const QString &command, const QString &description,
           const QList<QCommandLineOption> &options, bool withJson, int *exitCode)
{
    QCommandLineParser &parser = parsed.parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption(parsed.dataDir);
    parser.addOption(parsed.server);
    if (withJson)
        parser.addOption(parsed.json);
    parser.addOptions(options);
    parser.addPositionalArgument(QStringLiteral("command"), command, command);
    if (!parser.parse(arguments)) {
        *exitCode = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out().writeLines(parser.helpText());
        *exitCode = Ok;
        return false;
    }
    return true;
}

Result<std::unique_ptr<Database>> openMigrated(const ConnectionProfile &profile, bool migrate)
{
    auto database = Database::open(profile);
    if (!database || !migrate)
        return database;
    auto state = SystemService::migrate(**database);
    if (!state)
        return std::unexpected(state.error());
    return database;
}

QJsonObject toJson(const ServerInfo &info)
{
    QJsonArray pending;
    for (const Migrator::Migration &migration : info.schema.pending)
        pending << migration.name;
    QJsonObject counts;
    for (auto it = info.counts.cbegin(); it != info.counts.cend(); ++it)
        counts.insert(it.key(), it.value());
    QJsonObject object{{QStringLiteral("location"), info.local ? QStringLiteral("local") : QStringLiteral("server")},
                       {QStringLiteral("description"), info.location},
                       {QStringLiteral("server_version"), info.serverVersion},
                       {QStringLiteral("database"), info.database},
                       {QStringLiteral("user"), info.user},
                       {QStringLiteral("host"), info.host},
                       {QStringLiteral("port"), info.port},
                       {QStringLiteral("database_bytes"), info.databaseBytes},
                       {QStringLiteral("schema_version"), info.schema.currentVersion},
                       {QStringLiteral("latest_schema_version"), info.schema.latestVersion},
                       {QStringLiteral("schema_current"), info.schemaCurrent},
                       {QStringLiteral("pending_migrations"), pending},
                       {QStringLiteral("counts"), counts}};
    if (info.local) {
        object.insert(QStringLiteral("data_dir"), info.dataDir);
        object.insert(QStringLiteral("uri"), info.uri);
    }
    return object;
}

int dbStatus(const QStringList &arguments)
{
    Parsed parsed;
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("db status"),
               Cli::tr("Shows where the data lives, the server and the schema version. Starts the local server "
                       "if needed; changes nothing."),
               {}, true, &code))
        return code;
    auto database = openMigrated(parsed.profile(), false);
    if (!database)
        return failWith(database.error());
    auto info = SystemService::serverInfo(**database);
    if (!info)
        return failWith(info.error());
    if (parsed.parser.isSet(parsed.json)) {
        printJson(toJson(*info));
        return Ok;
    }
    out() << Cli::tr("Data:           %1").arg(info->location) << Qt::endl
          << Cli::tr("Server:         PostgreSQL %1").arg(info->serverVersion) << Qt::endl
          << Cli::tr("Database:       %1 (user %2)").arg(info->database, info->user) << Qt::endl
          << Cli::tr("Schema version: %1 of %2").arg(info->schema.currentVersion).arg(info->schema.latestVersion)
          << Qt::endl;
    if (!info->schemaCurrent)
        out() << Cli::tr("%n migration(s) pending: run \"forecourt db migrate\".", nullptr,
                         static_cast<int>(info->schema.pending.size()))
              << Qt::endl;
    else
        out() << Cli::tr("Cars:           %1").arg(info->counts.value(QStringLiteral("cars"))) << Qt::endl;
    return Ok;
}

int dbMigrate(const QStringList &arguments)
{
    Parsed parsed;
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("db migrate"),
               Cli::tr("Applies the pending schema migrations, each in its own transaction."), {}, true, &code))
        return code;
    auto database = Database::open(parsed.profile());
    if (!database)
        return failWith(database.error());
    const bool json = parsed.parser.isSet(parsed.json);
    QStringList applied;
    auto state = SystemService::migrate(**database, [&](int index, int count, const Migrator::Migration &migration) {
        applied << migration.name;
        if (!json)
            out() << Cli::tr("Applying %1 (%2 of %3)").arg(migration.name).arg(index + 1).arg(count) << Qt::endl;
    });
    if (!state)
        return failWith(state.error());
    if (json) {
        printJson(QJsonObject{{QStringLiteral("applied"), QJsonArray::fromStringList(applied)},
                              {QStringLiteral("schema_version"), state->currentVersion}});
    } else if (applied.isEmpty()) {
        out() << Cli::tr("The schema is up to date (version %1).").arg(state->currentVersion) << Qt::endl;
    } else {
        out() << Cli::tr("Schema version is now %1.").arg(state->currentVersion) << Qt::endl;
    }
    return Ok;
}

QJsonObject toJson(const LocalServer &server, const LocalServer::Status &status)
{
    QJsonArray clients;
    for (qint64 pid : status.clients)
        clients << pid;
    QJsonObject object{{QStringLiteral("data_dir"), server.dataDir()},
                       {QStringLiteral("initialised"), status.initialised},
                       {QStringLiteral("running"), status.running},
                       {QStringLiteral("keep_running"), status.keepRunning},
                       {QStringLiteral("clients"), clients},
                       {QStringLiteral("log_file"), server.logFile()},
                       {QStringLiteral("server_account"), server.serverAccount()}};
    if (status.running) {
        object.insert(QStringLiteral("pid"), status.pid);
        object.insert(QStringLiteral("port"), status.port);
        object.insert(QStringLiteral("socket_dir"), status.socketDir);
        object.insert(QStringLiteral("uri"), LocalServer::uri(status));
        object.insert(QStringLiteral("conninfo"), LocalServer::conninfo(status));
    }
    return object;
}

int serverCommand(const QStringList &arguments, const QString &action)
{
    Parsed parsed;
    QCommandLineOption force(QStringLiteral("force"), Cli::tr("stop: stop even while Forecourt processes use it."));
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("server start|stop|status"),
               Cli::tr("Manages the local PostgreSQL server. start: create it if needed, start it and keep it "
                       "running; stop: stop it; status: show it (exit code 3 when it is not running)."),
               {force}, true, &code))
        return code;
    if (parsed.parser.isSet(parsed.server))
        return usageError(Cli::tr("\"server\" manages the local server; --server names another one."));
    const ConnectionProfile profile = ConnectionProfile::local(parsed.parser.value(parsed.dataDir));
    LocalServer server(profile.dataDir());
    const bool json = parsed.parser.isSet(parsed.json);

    if (action == QLatin1String("start")) {
        auto status = server.start(true);
        if (!status)
            return failWith(status.error());
        if (json)
            printJson(toJson(server, server.status()));
        else
            out() << Cli::tr("The local server is running (%1).").arg(LocalServer::uri(*status)) << Qt::endl;
        return Ok;
    }
    if (action == QLatin1String("stop")) {
        if (auto stopped = server.stop(parsed.parser.isSet(force)); !stopped)
            return failWith(stopped.error());
        if (json)
            printJson(toJson(server, server.status()));
        else
            out() << Cli::tr("The local server is stopped.") << Qt::endl;
        return Ok;
    }
    if (action == QLatin1String("status")) {
        const LocalServer::Status status = server.status();
        if (json) {
            printJson(toJson(server, status));
        } else if (status.running) {
            out() << Cli::tr("Running, PID %1, %2").arg(status.pid).arg(LocalServer::uri(status)) << Qt::endl
                  << Cli::tr("Used by %n process(es).", nullptr, static_cast<int>(status.clients.size())) << Qt::endl;
        } else {
            out() << (status.initialised ? Cli::tr("Stopped (data in %1).").arg(server.dataDir())
                                         : Cli::tr("Not created yet (it will be in %1).").arg(server.dataDir()))
                  << Qt::endl;
        }
        return status.running ? Ok : NotRunning;
    }
    return usageError(Cli::tr("Unknown server command \"%1\": use start, stop or status.").arg(action));
}

// Ten times the largest fleet the benchmarks generate.
constexpr qint64 kMostDemoCars = 10'000'000;

int demoData(const QStringList &arguments)
{
    Parsed parsed;
    QCommandLineOption cars(QStringLiteral("cars"), Cli::tr("How many cars (default 250)."), Cli::tr("N"),
                            QStringLiteral("250"));
    QCommandLineOption seed(QStringLiteral("seed"), Cli::tr("The seed: the same seed makes the same data (default 1)."),
                            Cli::tr("S"), QStringLiteral("1"));
    QCommandLineOption replace(QStringLiteral("replace"), Cli::tr("Delete the fleet, customers and bookings first."));
    QCommandLineOption ifEmpty(QStringLiteral("if-empty"), Cli::tr("Do nothing when the fleet already has cars."));
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("demo-data"),
               Cli::tr("Fills the database with realistic, deterministic demo data (migrating it first)."),
               {cars, seed, replace, ifEmpty}, true, &code))
        return code;
    const auto carCount = wholeNumber(parsed.parser, cars, 0, kMostDemoCars);
    if (!carCount)
        return usageError(carCount.error().message);
    bool seedOk = false;
    DemoDataOptions options;
    options.cars = *carCount;
    options.seed = parsed.parser.value(seed).toULongLong(&seedOk); // any 64-bit seed
    options.replace = parsed.parser.isSet(replace);
    options.ifEmpty = parsed.parser.isSet(ifEmpty);
    if (!seedOk)
        return usageError(Cli::tr("--seed needs a whole number from 0 to %1, not \"%2\".")
                              .arg(QString::number(std::numeric_limits<quint64>::max()), parsed.parser.value(seed)));

    auto database = openMigrated(parsed.profile(), true);
    if (!database)
        return failWith(database.error());
    const bool showProgress = isatty(fileno(stderr)) && !parsed.parser.isSet(parsed.json);
    auto summary = DemoDataService::generate(**database, options, [&](qint64 done, qint64 total) {
        if (showProgress)
            err() << "\r" << Cli::tr("%1 of %2 cars").arg(done).arg(total) << Qt::flush;
        return !TerminationSignals::interrupted(); // Ctrl+C cancels; nothing is kept
    });
    if (showProgress && options.cars >= 5000)
        err() << "\r" << Qt::endl;
    if (!summary)
        return failWith(summary.error());
    if (parsed.parser.isSet(parsed.json)) {
        printJson(QJsonObject{{QStringLiteral("cars"), summary->cars},
                              {QStringLiteral("branches"), summary->branches},
                              {QStringLiteral("customers"), summary->customers},
                              {QStringLiteral("bookings"), summary->bookings},
                              {QStringLiteral("skipped"), summary->skipped}});
    } else if (summary->skipped) {
        out() << Cli::tr("The fleet already has %1 cars; no demo data added.").arg(summary->cars) << Qt::endl;
    } else {
        out() << Cli::tr("Created %1 cars in %2 branches, %3 customers and %4 bookings (seed %5).")
                     .arg(summary->cars)
                     .arg(summary->branches)
                     .arg(summary->customers)
                     .arg(summary->bookings)
                     .arg(options.seed)
              << Qt::endl;
    }
    return Ok;
}

// Problems shown on stderr; the rest are counted (and all of them go to --errors).
constexpr int kShownIssues = 20;

int importCars(const QStringList &arguments, const QString &fileName)
{
    Parsed parsed;
    QCommandLineOption mode(QStringLiteral("mode"),
                            Cli::tr("insert: every row is a new car, a VIN already in the fleet is refused "
                                    "(default); upsert: a row whose VIN is in the fleet updates that car."),
                            QStringLiteral("insert|upsert"), QStringLiteral("insert"));
    QCommandLineOption dryRun(QStringLiteral("dry-run"),
                              Cli::tr("Check every row, also against the database, and write nothing."));
    QCommandLineOption skipInvalid(QStringLiteral("skip-invalid"),
                                   Cli::tr("Import the valid rows even when others are refused."));
    QCommandLineOption errors(QStringLiteral("errors"),
                              Cli::tr("Write every problem found to this CSV file (line, column, value, message, "
                                      "severity)."),
                              Cli::tr("file"));
    QCommandLineOption defaults(QStringLiteral("default"),
                                Cli::tr("A value for a field the file leaves empty or has no column for, such as "
                                        "condition=used or fuel_type=petrol (repeatable). Fields the file leaves "
                                        "empty are otherwise not stated; a missing make or model year is taken "
                                        "from the VIN where it can be."),
                                Cli::tr("field=value"));
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("import cars FILE.csv"),
               Cli::tr("Imports cars from a CSV file (UTF-8, comma or semicolon, a header row with the column "
                       "names) in one transaction. Without --skip-invalid a single refused row means nothing is "
                       "imported. Exit code 1 when a row was refused. An import that wrote to the fleet gets a "
                       "number; \"forecourt import undo\" takes it back."),
               {mode, dryRun, skipInvalid, errors, defaults}, true, &code))
        return code;
    if (fileName.isEmpty())
        return usageError(Cli::tr("\"import cars\" needs the CSV file to import: forecourt import cars FILE.csv"));

    CarImportOptions options;
    const QString modeName = parsed.parser.value(mode);
    if (modeName == QLatin1String("insert"))
        options.mode = CarImportOptions::Mode::Insert;
    else if (modeName == QLatin1String("upsert"))
        options.mode = CarImportOptions::Mode::Upsert;
    else
        return usageError(Cli::tr("Unknown --mode \"%1\": use insert or upsert.").arg(modeName));
    options.dryRun = parsed.parser.isSet(dryRun);
    options.skipInvalid = parsed.parser.isSet(skipInvalid);
    options.fileName = fileName;
    for (const QString &given : parsed.parser.values(defaults)) {
        const qsizetype equals = given.indexOf(QLatin1Char('='));
        const std::optional<CarField> field =
            equals > 0 ? CarCsvColumns::fieldForHeader(given.left(equals)) : std::optional<CarField>();
        if (!field)
            return usageError(Cli::tr("--default needs a field and a value, such as condition=used; \"%1\" is not "
                                      "one. Fields: %2.")
                                  .arg(given, CarCsvColumns::exportHeader().join(QStringLiteral(", "))));
        if (*field == CarField::Vin || *field == CarField::StockNumber)
            return usageError(
                Cli::tr("--default cannot give a %1: every car has its own.").arg(CarValidator::fieldLabel(*field)));
        options.defaults.insert(*field, given.mid(equals + 1).trimmed());
    }

    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return failWith({Error::Code::InvalidInput,
                         Cli::tr("The file %1 could not be opened: %2.").arg(fileName, file.errorString())});
    QSaveFile errorsFile(parsed.parser.value(errors));
    std::optional<CsvWriter> errorsCsv;
    if (parsed.parser.isSet(errors)) {
        if (!errorsFile.open(QIODevice::WriteOnly))
            return failWith({Error::Code::InvalidInput, Cli::tr("The file %1 could not be written: %2.")
                                                            .arg(errorsFile.fileName(), errorsFile.errorString())});
        errorsCsv.emplace(&errorsFile);
        (void)errorsCsv->writeRow(CarImportService::issueCsvHeader());
    }
    QStringList shown;
    qint64 notShown = 0;
    options.onIssue = [&](const CarImportIssue &issue) {
        const bool warning = issue.severity == CarIssue::Severity::Warning;
        if (errorsCsv)
            (void)errorsCsv->writeRow(CarImportService::issueCsvRow(issue));
        if (shown.size() < kShownIssues) {
            shown << (warning ? Cli::tr("Line %1, %2 (warning): %3") : Cli::tr("Line %1, %2: %3"))
                         .arg(QString::number(issue.line), issue.column, issue.message);
        } else {
            ++notShown;
        }
    };

    auto database = openMigrated(parsed.profile(), true);
    if (!database)
        return failWith(database.error());
    const bool json = parsed.parser.isSet(parsed.json);
    const bool showProgress = isatty(fileno(stderr)) && !json;
    int shownPercent = -1;
    const auto summary = CarImportService::importCars(**database, file, options, [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 0;
        if (showProgress && percent != shownPercent) {
            shownPercent = percent;
            err() << "\r" << Cli::tr("Reading %1%").arg(percent) << Qt::flush;
        }
        return !TerminationSignals::interrupted(); // Ctrl+C cancels; nothing is kept
    });
    if (showProgress && shownPercent >= 0)
        err() << "\r" << Qt::endl;
    if (errorsCsv && (!errorsCsv->flush() || !errorsFile.commit()))
        return failWith(
            {Error::Code::Unknown,
             Cli::tr("The file %1 could not be written: %2.").arg(errorsFile.fileName(), errorsFile.errorString())});
    if (!summary)
        return failWith(summary.error());

    if (json) {
        printJson(
            QJsonObject{{QStringLiteral("rows"), summary->rows},
                        {QStringLiteral("inserted"), summary->inserted},
                        {QStringLiteral("updated"), summary->updated},
                        {QStringLiteral("unchanged"), summary->unchanged},
                        {QStringLiteral("refused"), summary->refused},
                        {QStringLiteral("errors"), summary->errors},
                        {QStringLiteral("warnings"), summary->warnings},
                        {QStringLiteral("written"), summary->written},
                        {QStringLiteral("import_id"), summary->written ? QJsonValue(summary->importId) : QJsonValue()},
                        {QStringLiteral("makes_from_vin"), summary->makesFromVin},
                        {QStringLiteral("years_from_vin"), summary->yearsFromVin},
                        {QStringLiteral("dry_run"), options.dryRun},
                        {QStringLiteral("ignored_columns"), QJsonArray::fromStringList(summary->ignoredColumns)},
                        {QStringLiteral("timings_ms"), QJsonObject{{QStringLiteral("read"), summary->readMs},
                                                                   {QStringLiteral("check"), summary->checkMs},
                                                                   {QStringLiteral("merge"), summary->mergeMs},
                                                                   {QStringLiteral("commit"), summary->commitMs}}}});
    } else if (summary->refused == 0 || options.skipInvalid) {
        const QString counts = Cli::tr("%1 added, %2 updated, %3 unchanged")
                                   .arg(summary->inserted)
                                   .arg(summary->updated)
                                   .arg(summary->unchanged);
        if (options.dryRun)
            out() << Cli::tr("Dry run, nothing was written: %1 rows read; the import would leave %2.")
                         .arg(summary->rows)
                         .arg(counts)
                  << Qt::endl;
        else
            out() << Cli::tr("Imported %1 rows: %2.").arg(summary->rows).arg(counts) << Qt::endl;
        if (summary->makesFromVin + summary->yearsFromVin > 0)
            out() << Cli::tr("Makes taken from the VINs: %1; model years: %2 (each listed as a warning).")
                         .arg(summary->makesFromVin)
                         .arg(summary->yearsFromVin)
                  << Qt::endl;
        if (summary->written)
            out() << Cli::tr("This was import %1; \"forecourt import undo %1\" takes it back.").arg(summary->importId)
                  << Qt::endl;
    }

    if (summary->refused > 0) {
        const QString reason =
            options.skipInvalid
                ? Cli::tr("%1 of %2 rows were refused and not imported; the others were %3.")
                      .arg(summary->refused)
                      .arg(summary->rows)
                      .arg(options.dryRun ? Cli::tr("checked") : Cli::tr("imported"))
                : Cli::tr("%1 of %2 rows were refused, so nothing was imported. Correct them, or use --skip-invalid "
                          "to import the others.")
                      .arg(summary->refused)
                      .arg(summary->rows);
        err() << "forecourt: " << reason << Qt::endl;
    }
    if (!summary->ignoredColumns.isEmpty())
        err() << Cli::tr("Columns ignored (not car fields, or repeated): %1.")
                     .arg(summary->ignoredColumns.join(QStringLiteral(", ")))
              << Qt::endl;
    for (const QString &line : shown)
        err() << line << Qt::endl;
    if (notShown > 0)
        err() << (errorsCsv
                      ? Cli::tr("... and %1 more problems, all of them in %2.").arg(notShown).arg(errorsFile.fileName())
                      : Cli::tr("... and %1 more problems; use --errors FILE to get them all.").arg(notShown))
              << Qt::endl;
    return summary->refused > 0 ? Failed : Ok;
}

int importUndo(const QStringList &arguments, const QStringList &ids)
{
    Parsed parsed;
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("import undo [ID]"),
               Cli::tr("Takes back an import (the newest one not yet undone, or import ID): removes the cars it "
                       "added and puts back the values it overwrote, except for cars that were booked or changed "
                       "since, which it lists with the reason. Exit code 1 when a car was left as it is."),
               {}, true, &code))
        return code;
    if (ids.size() > 1)
        return usageError(Cli::tr("\"import undo\" takes one import number."));
    std::optional<qint64> id;
    if (!ids.isEmpty()) {
        bool ok = false;
        id = ids.first().toLongLong(&ok);
        if (!ok || *id <= 0)
            return usageError(Cli::tr("\"%1\" is not an import number. \"forecourt import cars\" prints the number "
                                      "of each import.")
                                  .arg(ids.first()));
    }
    auto database = openMigrated(parsed.profile(), true);
    if (!database)
        return failWith(database.error());
    if (!id) {
        const auto latest = CarImportHistory::latest(**database);
        if (!latest)
            return failWith(latest.error());
        if (!*latest)
            return failWith({Error::Code::NotFound, Cli::tr("There is no import to undo.")});
        id = (*latest)->id;
    }
    const auto undone = CarImportHistory::undo(**database, *id);
    if (!undone)
        return failWith(undone.error());
    if (parsed.parser.isSet(parsed.json)) {
        QJsonArray kept;
        for (const CarImportUndoKept &car : undone->kept)
            kept << QJsonObject{{QStringLiteral("car_id"), car.carId},
                                {QStringLiteral("stock_number"), car.stockNumber},
                                {QStringLiteral("reason"), car.message}};
        printJson(QJsonObject{{QStringLiteral("import_id"), undone->import.id},
                              {QStringLiteral("file"), undone->import.fileName},
                              {QStringLiteral("removed"), undone->removed},
                              {QStringLiteral("restored"), undone->restored},
                              {QStringLiteral("kept"), undone->keptCount},
                              {QStringLiteral("kept_cars"), kept}});
    } else {
        out() << Cli::tr("Undid %1.").arg(CarImportHistory::describe(undone->import)) << Qt::endl
              << CarImportHistory::describe(*undone) << Qt::endl;
        for (int i = 0; i < undone->kept.size() && i < kShownIssues; ++i)
            err() << undone->kept.at(i).message << Qt::endl;
        if (undone->keptCount > kShownIssues)
            err() << Cli::tr("... and %1 more cars left as they are.").arg(undone->keptCount - kShownIssues)
                  << Qt::endl;
    }
    return undone->keptCount > 0 ? Failed : Ok;
}

// Values of a repeatable option, each of which may also be a comma-separated list.
QStringList listValues(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    QStringList values;
    for (const QString &value : parser.values(option)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                values << part.trimmed();
        }
    }
    return values;
}

struct FilterOption
{
    QCommandLineOption option;
    std::optional<CarVocabulary::Kind> kind;
};

// The seats and list prices a car may have (the CHECK on cars.seats, the type of cars.list_price).
constexpr qint64 kMostSeats = 60;
constexpr qint64 kMostListPrice = 9'999'999'999;

// The filter the options ask for, or a usage error's message.
Result<CarQuery> queryFrom(const QCommandLineParser &parser, const QList<FilterOption> &options)
{
    CarQuery query;
    CarFilter &filter = query.filter;
    const auto invalid = [](const QString &message) {
        return std::unexpected(Error{Error::Code::InvalidInput, message});
    };
    for (const FilterOption &filterOption : options) {
        const QString name = filterOption.option.names().constFirst();
        if (!parser.isSet(filterOption.option))
            continue;
        const QString value = parser.value(filterOption.option).trimmed();
        if (filterOption.kind) {
            QStringList keys;
            for (const QString &item : listValues(parser, filterOption.option)) {
                if (CarVocabulary::mayBeNotStated(*filterOption.kind) && CarVocabulary::meansNotStated(item)) {
                    keys << CarFilter::notStated();
                    continue;
                }
                const std::optional<QString> key = CarVocabulary::normalise(*filterOption.kind, item);
                if (!key)
                    return invalid(Cli::tr("Unknown %1 \"%2\" for --%3. Use one of: %4.")
                                       .arg(CarVocabulary::kindLabel(*filterOption.kind), item, name,
                                            CarVocabulary::acceptedValues(*filterOption.kind)));
                keys << *key;
            }
            QStringList *target = nullptr;
            switch (*filterOption.kind) {
            case CarVocabulary::Kind::FuelType:
                target = &filter.fuelTypes;
                break;
            case CarVocabulary::Kind::Transmission:
                target = &filter.transmissions;
                break;
            case CarVocabulary::Kind::BodyType:
                target = &filter.bodyTypes;
                break;
            case CarVocabulary::Kind::Condition:
                target = &filter.conditions;
                break;
            case CarVocabulary::Kind::Status:
                target = &filter.statuses;
                break;
            case CarVocabulary::Kind::Drive:
                break;
            }
            if (target)
                *target = keys;
        } else if (name == QLatin1String("search")) {
            filter.text = value;
        } else if (name == QLatin1String("make")) {
            filter.makes = listValues(parser, filterOption.option);
        } else if (name == QLatin1String("model")) {
            filter.models = listValues(parser, filterOption.option);
        } else if (name == QLatin1String("colour")) {
            filter.colours = listValues(parser, filterOption.option);
        } else if (name == QLatin1String("location")) {
            for (const QString &code : listValues(parser, filterOption.option))
                filter.locations << code.toUpper();
        } else if (name == QLatin1String("seats")) {
            for (const QString &item : listValues(parser, filterOption.option)) {
                const auto seats = wholeNumber(QStringLiteral("--seats"), item, 1, kMostSeats);
                if (!seats)
                    return std::unexpected(seats.error());
                filter.seats << int(*seats);
            }
        } else {
            // The bounds of the columns' types (model_year smallint, list_price numeric(12, 2), mileage_km
            // integer): a value beyond them would fail in SQL rather than match nothing.
            const bool year = name.startsWith(QLatin1String("year"));
            const bool price = name.startsWith(QLatin1String("price"));
            const auto number = wholeNumber(QStringLiteral("--") + name, value, 0,
                                            year    ? 9999
                                            : price ? kMostListPrice
                                                    : std::numeric_limits<int>::max());
            if (!number)
                return std::unexpected(number.error());
            if (name == QLatin1String("year-from"))
                filter.yearFrom = int(*number);
            else if (name == QLatin1String("year-to"))
                filter.yearTo = int(*number);
            else if (name == QLatin1String("price-from"))
                filter.priceFrom = *number;
            else if (name == QLatin1String("price-to"))
                filter.priceTo = *number;
            else if (name == QLatin1String("mileage-from"))
                filter.mileageFrom = *number;
            else if (name == QLatin1String("mileage-to"))
                filter.mileageTo = *number;
        }
    }
    return query;
}

int exportCars(const QStringList &arguments)
{
    Parsed parsed;
    const auto text = [](const char *name, const QString &description, const QString &valueName) {
        return FilterOption{QCommandLineOption(QString::fromLatin1(name), description, valueName), std::nullopt};
    };
    const auto vocabulary = [](const char *name, CarVocabulary::Kind kind) {
        QStringList values = CarVocabulary::keys(kind);
        if (CarVocabulary::mayBeNotStated(kind))
            values << CarFilter::notStated(); // and the other words for it: unknown, n/a, -
        return FilterOption{
            QCommandLineOption(QString::fromLatin1(name),
                               Cli::tr("Only cars of this %1 (repeatable, or comma-separated): %2.")
                                   .arg(CarVocabulary::kindLabel(kind), values.join(QStringLiteral(", "))),
                               CarVocabulary::kindKey(kind)),
            kind};
    };
    const QList<FilterOption> filters = {
        text("search", Cli::tr("Only cars whose stock number, VIN, make or model contain every word."),
             Cli::tr("text")),
        text("make", Cli::tr("Only these makes (repeatable, or comma-separated)."), Cli::tr("make")),
        text("model", Cli::tr("Only these models (repeatable, or comma-separated)."), Cli::tr("model")),
        text("year-from", Cli::tr("Only cars of this model year or newer."), Cli::tr("year")),
        text("year-to", Cli::tr("Only cars of this model year or older."), Cli::tr("year")),
        text("price-from", Cli::tr("Only cars with a list price of at least this (whole currency units)."),
             Cli::tr("amount")),
        text("price-to", Cli::tr("Only cars with a list price of at most this."), Cli::tr("amount")),
        text("mileage-from", Cli::tr("Only cars with at least this mileage (km)."), Cli::tr("km")),
        text("mileage-to", Cli::tr("Only cars with at most this mileage (km)."), Cli::tr("km")),
        vocabulary("fuel", CarVocabulary::Kind::FuelType),
        vocabulary("transmission", CarVocabulary::Kind::Transmission),
        vocabulary("body", CarVocabulary::Kind::BodyType),
        text("colour", Cli::tr("Only these colours (repeatable, or comma-separated)."), Cli::tr("colour")),
        text("seats", Cli::tr("Only cars with this many seats (repeatable, or comma-separated)."), Cli::tr("n")),
        vocabulary("condition", CarVocabulary::Kind::Condition),
        vocabulary("status", CarVocabulary::Kind::Status),
        text("location", Cli::tr("Only cars at these locations: branch codes (repeatable, or comma-separated)."),
             Cli::tr("code")),
    };
    QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                              Cli::tr("Write to this file instead of the standard output."), Cli::tr("file"));
    QCommandLineOption sort(
        QStringLiteral("sort"),
        Cli::tr("Sort by this column (default stock_number): a column of the export, or updated_at."),
        Cli::tr("column"), QStringLiteral("stock_number"));
    QCommandLineOption descending(QStringLiteral("desc"), Cli::tr("Sort in descending order."));
    QList<QCommandLineOption> options = {output, sort, descending};
    for (const FilterOption &filter : filters)
        options << filter.option;
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("export cars"),
               Cli::tr("Writes the cars that match the filters to CSV (UTF-8, with the column names that \"import "
                       "cars\" reads back)."),
               options, false, &code))
        return code;

    Result<CarQuery> query = queryFrom(parsed.parser, filters);
    if (!query)
        return usageError(query.error().message);
    const std::optional<CarColumn> column = CarQuery::columnForKey(parsed.parser.value(sort));
    if (!column)
        return usageError(
            Cli::tr("Unknown --sort column \"%1\". Use one of: %2, updated_at, updated_by.")
                .arg(parsed.parser.value(sort), CarCsvColumns::exportHeader().join(QStringLiteral(", "))));
    query->sortColumn = *column;
    query->sortOrder = parsed.parser.isSet(descending) ? Qt::DescendingOrder : Qt::AscendingOrder;

    auto database = openMigrated(parsed.profile(), false);
    if (!database)
        return failWith(database.error());
    const bool toFile = parsed.parser.isSet(output);
    QSaveFile saveFile(parsed.parser.value(output));
    QFile standardOutput;
    QIODevice *device = &saveFile;
    if (toFile) {
        if (!saveFile.open(QIODevice::WriteOnly))
            return failWith(
                {Error::Code::InvalidInput,
                 Cli::tr("The file %1 could not be written: %2.").arg(saveFile.fileName(), saveFile.errorString())});
    } else {
        out().flush();
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            return failWith({Error::Code::Unknown, Cli::tr("The standard output could not be written.")});
        device = &standardOutput;
    }
    const bool showProgress = toFile && isatty(fileno(stderr));
    const auto exported = CarExportService::exportCars(**database, *query, *device, [&](qint64 done, qint64 total) {
        if (showProgress)
            err() << "\r" << Cli::tr("%1 of %2 cars").arg(done).arg(total) << Qt::flush;
        return !TerminationSignals::interrupted(); // Ctrl+C cancels; no file is left behind
    });
    if (showProgress)
        err() << "\r" << Qt::endl;
    if (!exported)
        return failWith(exported.error());
    if (toFile) {
        if (!saveFile.commit())
            return failWith(
                {Error::Code::Unknown,
                 Cli::tr("The file %1 could not be written: %2.").arg(saveFile.fileName(), saveFile.errorString())});
        out() << Cli::tr("Exported %n car(s) to %1.", nullptr, static_cast<int>(std::min<qint64>(*exported, INT_MAX)))
                     .arg(saveFile.fileName())
              << Qt::endl;
    }
    return Ok;
}

// How fresh a worker's heartbeat must be for `health` (the workers beat every 5 s).
constexpr int kHeartbeatFreshSeconds = 30;

int worker(const QStringList &arguments)
{
    Parsed parsed;
    QCommandLineOption lease(QStringLiteral("lease-seconds"),
                             Cli::tr("How long a claimed event stays this worker's before another may take it "
                                     "(default 30)."),
                             Cli::tr("seconds"), QStringLiteral("30"));
    QCommandLineOption attempts(QStringLiteral("max-attempts"),
                                Cli::tr("Failed attempts after which an event goes to the dead letters (default 10)."),
                                Cli::tr("count"), QStringLiteral("10"));
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("worker"),
               Cli::tr("Handles the queued events (activity feed, alerts, reminders, VIN reports) without a window, "
                       "next to any other workers, until SIGTERM or Ctrl+C; then it finishes the batch in hand and "
                       "gives back its leases. Logs to stderr."),
               {lease, attempts}, false, &code))
        return code;
    // An hour: the longest the events of a worker that died wait for another one.
    const auto leaseSeconds = wholeNumber(parsed.parser, lease, 1, 3600);
    if (!leaseSeconds)
        return usageError(leaseSeconds.error().message);
    const auto maxAttempts = wholeNumber(parsed.parser, attempts, 1, 100);
    if (!maxAttempts)
        return usageError(maxAttempts.error().message);
    EventWorker::Options options;
    options.queue.leaseMs = int(*leaseSeconds * 1000);
    options.queue.maxAttempts = int(*maxAttempts);
    QLoggingCategory::setFilterRules(QStringLiteral("forecourt.*.debug=false\nforecourt.*.info=false\n"
                                                    "forecourt.worker.info=true"));

    // Migrated first, so that the worker never runs against an older schema.
    auto database = openMigrated(parsed.profile(), true);
    if (!database)
        return failWith(database.error());
    EventWorker eventWorker(parsed.profile(), EventWorker::standardHandlers(), options);
    qCInfo(lcWorker).noquote() << "worker" << eventWorker.id() << "started";
    eventWorker.start();
    while (!TerminationSignals::interrupted() && eventWorker.isRunning())
        QThread::msleep(100);
    eventWorker.stop();
    eventWorker.wait();
    qCInfo(lcWorker).noquote() << "worker" << eventWorker.id() << "stopped";
    return Ok;
}

int health(const QStringList &arguments)
{
    Parsed parsed;
    QCommandLineOption maxLag(QStringLiteral("max-lag-seconds"),
                              Cli::tr("The longest a due event may wait before the queue counts as behind "
                                      "(default 60)."),
                              Cli::tr("seconds"), QStringLiteral("60"));
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("health"),
               Cli::tr("Checks that the database is reachable, the schema current, a worker alive (a heartbeat in "
                       "the last %1 s), the queue not behind and the dead letters empty. Exit code 1 names the "
                       "failing checks.")
                   .arg(kHeartbeatFreshSeconds),
               {maxLag}, true, &code))
        return code;
    const auto maxLagSeconds = wholeNumber(parsed.parser, maxLag, 0, 7 * 24 * 3600); // up to a week
    if (!maxLagSeconds)
        return usageError(maxLagSeconds.error().message);
    const qint64 lagLimit = *maxLagSeconds;

    struct Check
    {
        QString name;
        bool ok = false;
        QString detail;
    };
    QList<Check> checks;
    auto database = openMigrated(parsed.profile(), false);
    checks.append(
        {QStringLiteral("database"), bool(database), database ? Cli::tr("reachable") : database.error().oneLine()});
    if (database) {
        const auto info = SystemService::serverInfo(**database);
        const bool current = info && info->schemaCurrent;
        checks.append({QStringLiteral("schema"), current,
                       !info     ? info.error().oneLine()
                       : current ? Cli::tr("version %1").arg(info->schema.currentVersion)
                                 : Cli::tr("version %1 of %2: run \"forecourt db migrate\"")
                                       .arg(info->schema.currentVersion)
                                       .arg(info->schema.latestVersion)});
        if (current) {
            const auto status = EventService::status(**database);
            if (!status) {
                checks.append({QStringLiteral("queue"), false, status.error().oneLine()});
            } else {
                const bool alive =
                    !status->workers.isEmpty() && status->workers.first().secondsSinceSeen <= kHeartbeatFreshSeconds;
                checks.append({QStringLiteral("worker"), alive,
                               alive ? Cli::tr("%1 seen %2 s ago")
                                           .arg(status->workers.first().id)
                                           .arg(status->workers.first().secondsSinceSeen)
                                     : Cli::tr("no worker has reported in the last %1 s: start Forecourt or "
                                               "\"forecourt worker\"")
                                           .arg(kHeartbeatFreshSeconds)});
                checks.append({QStringLiteral("queue_lag"), status->oldestDueSeconds <= lagLimit,
                               Cli::tr("%1 due, the oldest waiting %2 s (limit %3 s)")
                                   .arg(status->due)
                                   .arg(status->oldestDueSeconds)
                                   .arg(lagLimit)});
                checks.append(
                    {QStringLiteral("dead_letters"), status->deadLetters == 0,
                     status->deadLetters == 0
                         ? Cli::tr("none")
                         : Cli::tr("%1 failed events: see System > Events in Forecourt").arg(status->deadLetters)});
            }
        }
    }

    bool healthy = true;
    QStringList failing;
    for (const Check &check : std::as_const(checks)) {
        healthy = healthy && check.ok;
        if (!check.ok)
            failing << check.name;
    }
    if (parsed.parser.isSet(parsed.json)) {
        QJsonArray list;
        for (const Check &check : std::as_const(checks))
            list << QJsonObject{{QStringLiteral("name"), check.name},
                                {QStringLiteral("ok"), check.ok},
                                {QStringLiteral("detail"), check.detail}};
        printJson(QJsonObject{{QStringLiteral("healthy"), healthy},
                              {QStringLiteral("failing"), QJsonArray::fromStringList(failing)},
                              {QStringLiteral("checks"), list}});
    } else {
        for (const Check &check : std::as_const(checks))
            out() << (check.ok ? "ok      " : "FAILING ") << check.name << ": " << check.detail << Qt::endl;
    }
    if (!healthy && !parsed.parser.isSet(parsed.json))
        err() << "forecourt: " << Cli::tr("unhealthy: %1").arg(failing.join(QStringLiteral(", "))) << Qt::endl;
    return healthy ? Ok : Failed;
}

// One readable block per VIN.
void printDecoding(const VinDecoding &decoding)
{
    const QString shownVin = decoding.vin.isEmpty() ? QStringLiteral("\"%1\"").arg(decoding.input) : decoding.vin;
    out() << (decoding.valid ? Cli::tr("VIN %1 (valid)") : Cli::tr("VIN %1 (not valid)")).arg(shownVin) << Qt::endl;
    if (!decoding.wmi.isEmpty()) {
        out() << "  "
              << Cli::tr("Manufacturer: %1 (WMI %2)")
                     .arg(decoding.manufacturer.isEmpty() ? Cli::tr("unknown") : decoding.manufacturer, decoding.wmi)
              << Qt::endl;
        if (!decoding.country.isEmpty() || !decoding.region.isEmpty())
            out() << "  "
                  << Cli::tr("Country: %1")
                         .arg(decoding.country.isEmpty() ? decoding.region
                              : decoding.region.isEmpty()
                                  ? decoding.country
                                  : QStringLiteral("%1, %2").arg(decoding.country, decoding.region))
                  << Qt::endl;
        QString year = Cli::tr("unknown");
        if (decoding.modelYear) {
            QStringList others;
            for (const int candidate : decoding.modelYearCandidates) {
                if (candidate != *decoding.modelYear)
                    others << QString::number(candidate);
            }
            year = others.isEmpty() ? QString::number(*decoding.modelYear)
                                    : Cli::tr("%1 (or %2)").arg(*decoding.modelYear).arg(others.join(Cli::tr(" or ")));
        }
        out() << "  " << Cli::tr("Model year: %1").arg(year) << Qt::endl;
        out() << "  " << Cli::tr("Plant: %1").arg(decoding.plantCode) << Qt::endl;
        out() << "  " << Cli::tr("Serial: %1").arg(decoding.serial) << Qt::endl;
        out() << "  "
              << (decoding.checkDigitValid ? Cli::tr("Check digit: %1, correct").arg(decoding.actualCheckDigit)
                                           : Cli::tr("Check digit: %1, where %2 would be correct")
                                                 .arg(decoding.actualCheckDigit, decoding.expectedCheckDigit))
              << Qt::endl;
    }
    for (const QString &warning : decoding.warnings)
        out() << "  " << Cli::tr("Warning: %1").arg(warning) << Qt::endl;
    for (const QString &error : decoding.errors)
        out() << "  " << Cli::tr("Error: %1").arg(error) << Qt::endl;
}

// A VIN is 17 characters: a line of stdin longer than this is not "one VIN a line" (binary data,
// /dev/zero, a file without line ends), and reading on would only fill memory.
constexpr qsizetype kLongestVinLineBytes = 4096;
// `vin request` asks for its VINs in one batch, and `--wait` follows that many.
constexpr qsizetype kMostVinsPerRequest = 100'000;

// Calls `take` with each VIN on stdin, one a line (blank lines skipped), as soon as its line has arrived,
// holding no more than one line; stops early when `take` returns false. Ok, or the exit code of the error
// already printed.
int forEachStdinVin(const std::function<bool(const QString &vin)> &take)
{
    if (isatty(STDIN_FILENO))
        return usageError(Cli::tr("Give one or more VINs, or pipe them in one a line."));
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
            return vins > 0 ? Ok : usageError(Cli::tr("stdin held no VINs: give one a line."));
        case LineReader::Outcome::TooLong:
            return failWith(Error{Error::Code::InvalidInput,
                                  Cli::tr("Line %1 of stdin is longer than %2 bytes, so it is not a VIN. Give one "
                                          "VIN a line.")
                                      .arg(reader.lineNumber())
                                      .arg(reader.maxLineBytes())});
        case LineReader::Outcome::Failed:
            return failWith(Error{Error::Code::Unknown,
                                  Cli::tr("Could not read the VINs from stdin: %1.").arg(reader.errorString())});
        }
    }
}

// Prints a JSON array one element at a time, each flushed as it comes, so that a long list is never held
// in memory; the text is the same as printJson() of the whole array.
class JsonArrayPrinter
{
public:
    void add(const QJsonObject &element)
    {
        QByteArray text = QJsonDocument(element).toJson(QJsonDocument::Indented);
        text.chop(1);                 // its line end: a comma or the closing bracket follows
        text.replace("\n", "\n    "); // indented one level (strings in JSON hold no raw line ends)
        out().writeJson((m_opened ? ",\n    " : "[\n    ") + text);
        out().flush();
        m_opened = true;
    }
    // Closes the array if one was opened.
    void close()
    {
        if (m_opened)
            out().writeJson("\n]\n");
        out().flush();
        m_opened = false;
    }

private:
    bool m_opened = false;
};

int vinDecode(const QStringList &arguments, const QStringList &vins)
{
    Parsed parsed;
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("vin decode [VIN...]"),
               Cli::tr("Decodes VINs offline: the manufacturer, country and region from the WMI, the model year, "
                       "plant, serial number and check digit. Give the VINs as arguments, or one a line on stdin. "
                       "Exit code 1 when any VIN is not valid."),
               {}, true, &code))
        return code;

    // Each VIN is printed as soon as it is decoded: memory stays flat however many come in.
    const QDate today = QDate::currentDate();
    const bool json = parsed.parser.isSet(parsed.json);
    JsonArrayPrinter array;
    qint64 decoded = 0;
    qint64 invalid = 0;
    const auto decode = [&](const QString &vin) {
        const VinDecoding decoding = VinDecoder::decode(vin, today);
        if (!decoding.valid)
            ++invalid;
        if (json) {
            array.add(decoding.toJson());
        } else {
            if (decoded > 0)
                out() << Qt::endl;
            printDecoding(decoding);
        }
        ++decoded;
        return !TerminationSignals::interrupted();
    };
    if (vins.isEmpty()) {
        code = forEachStdinVin(decode);
    } else {
        for (const QString &vin : vins) {
            if (!decode(vin))
                break;
        }
    }
    if (json)
        array.close(); // valid JSON also after an error or Ctrl+C
    out().flush();
    if (code != Ok)
        return code;
    if (TerminationSignals::interrupted())
        return failWith(Error{Error::Code::Unknown, Cli::tr("Interrupted after decoding %1 VINs.").arg(decoded)});
    if (invalid == 0)
        return Ok;
    err() << "forecourt: "
          << Cli::tr("%1 of %n VIN(s) not valid.", nullptr, int(std::min<qint64>(decoded, INT_MAX))).arg(invalid)
          << Qt::endl;
    return Failed;
}

QJsonObject toJson(const VinRequestRow &row)
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

void printRequest(const VinRequestRow &row)
{
    QString line = QStringLiteral("#%1  %2  %3").arg(row.id).arg(row.vin, VinReportService::statusLabel(row.status));
    if (!row.vehicle.isEmpty())
        line += QStringLiteral("  ") + row.vehicle;
    if (row.status == QLatin1String("failed"))
        line += QStringLiteral("  ") + row.error;
    else if (row.status == QLatin1String("pending") && !row.lastAttemptError.isEmpty())
        line += QStringLiteral("  ") + Cli::tr("(trying again: %1)").arg(row.lastAttemptError);
    else if (row.status == QLatin1String("done")) {
        line += QStringLiteral("  ") + row.flags().findings();
        if (row.reused)
            line += QStringLiteral("  ") + Cli::tr("(recent report reused)");
        if (row.simulated)
            line += QStringLiteral("  ") + Cli::tr("[sample data]");
    }
    out() << line << Qt::endl;
}

// Whether any worker has been seen within the last half minute.
bool workerRunning(Database &database)
{
    const auto status = EventService::status(database);
    return status && std::any_of(status->workers.cbegin(), status->workers.cend(),
                                 [](const EventQueue::WorkerStatus &worker) { return worker.secondsSinceSeen < 30; });
}

int vinRequest(const QStringList &arguments, QStringList vins)
{
    Parsed parsed;
    QCommandLineOption fresh(QStringLiteral("fresh"),
                             Cli::tr("Ask the providers again even when a recent report of the VIN exists."));
    QCommandLineOption wait(QStringLiteral("wait"),
                            Cli::tr("Wait until every report is done or failed, and list them."));
    QCommandLineOption timeout(QStringLiteral("timeout-seconds"), Cli::tr("How long --wait waits (default 120)."),
                               Cli::tr("seconds"), QStringLiteral("120"));
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("vin request [VIN...]"),
               Cli::tr("Asks for VIN reports: each request is queued with its event, and a worker (a running "
                       "Forecourt, or \"forecourt worker\") decodes the VIN, asks vPIC and the history provider and "
                       "stores the report. Give the VINs as arguments, or one a line on stdin. Exit code 1 when any "
                       "VIN was refused or, with --wait, any report failed."),
               {fresh, wait, timeout}, true, &code))
        return code;
    const auto timeoutValue = wholeNumber(parsed.parser, timeout, 1, 24 * 3600); // up to a day
    if (!timeoutValue)
        return usageError(timeoutValue.error().message);
    const int timeoutSeconds = int(*timeoutValue);
    if (vins.isEmpty()) {
        const int readCode = forEachStdinVin([&vins](const QString &vin) {
            vins << vin;
            return vins.size() <= kMostVinsPerRequest;
        });
        if (readCode != Ok)
            return readCode;
    }
    if (vins.size() > kMostVinsPerRequest)
        return failWith(
            Error{Error::Code::InvalidInput,
                  Cli::tr("More than %1 VINs: ask for them in parts of at most %1.").arg(kMostVinsPerRequest)});
    auto database = openMigrated(parsed.profile(), true);
    if (!database)
        return failWith(database.error());
    const auto batch = VinReportService::request(**database, vins, 0, parsed.parser.isSet(fresh));
    if (!batch)
        return failWith(batch.error());
    for (const auto &[input, reason] : batch->refused)
        err() << "forecourt: " << Cli::tr("\"%1\" refused: %2").arg(input, reason) << Qt::endl;
    const bool json = parsed.parser.isSet(parsed.json);
    if (!parsed.parser.isSet(wait)) {
        if (json) {
            QJsonArray ids;
            for (const qint64 id : batch->ids)
                ids << id;
            printJson(QJsonObject{{QStringLiteral("batch"), batch->batchId},
                                  {QStringLiteral("ids"), ids},
                                  {QStringLiteral("refused"), int(batch->refused.size())}});
        } else {
            out() << Cli::tr("Asked for %n VIN report(s) (batch %1).", nullptr, int(batch->ids.size()))
                         .arg(batch->batchId)
                  << Qt::endl;
            if (!workerRunning(**database))
                out() << Cli::tr("No worker is running now: the reports are made when Forecourt or \"forecourt "
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
                  << (workerRunning(**database)
                          ? Cli::tr("The reports were not all done within %n second(s); they stay queued.", nullptr,
                                    timeoutSeconds)
                          : Cli::tr("No worker is running: start Forecourt or \"forecourt worker\". The requests "
                                    "stay queued."))
                  << Qt::endl;
            return Failed;
        }
        QThread::msleep(200);
    }
    if (json) {
        QJsonArray list;
        for (const VinRequestRow &row : std::as_const(rows))
            list << toJson(row);
        printJson(list);
    } else {
        for (const VinRequestRow &row : std::as_const(rows))
            printRequest(row);
    }
    const bool failed = std::any_of(rows.cbegin(), rows.cend(),
                                    [](const VinRequestRow &row) { return row.status == QLatin1String("failed"); });
    return failed || !batch->refused.isEmpty() ? Failed : Ok;
}

int vinRequests(const QStringList &arguments)
{
    Parsed parsed;
    QCommandLineOption status(QStringLiteral("status"),
                              Cli::tr("Only requests with this status: pending, done, failed."), Cli::tr("status"));
    QCommandLineOption limit(QStringLiteral("limit"), Cli::tr("At most this many, newest first (default 50)."),
                             Cli::tr("count"), QStringLiteral("50"));
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("vin requests"),
               Cli::tr("Lists the VIN report requests, newest first, with their status and findings."), {status, limit},
               true, &code))
        return code;
    VinRequestFilter filter;
    if (parsed.parser.isSet(status)) {
        const QString wanted = parsed.parser.value(status).toLower();
        if (wanted != QLatin1String("pending") && wanted != QLatin1String("done") && wanted != QLatin1String("failed"))
            return usageError(Cli::tr("--status takes pending, done or failed."));
        filter.statuses << wanted;
    }
    const auto count = wholeNumber(parsed.parser, limit, 1, kMostVinsPerRequest);
    if (!count)
        return usageError(count.error().message);
    auto database = openMigrated(parsed.profile(), false);
    if (!database)
        return failWith(database.error());
    const auto rows = VinReportService::requests(**database, filter, int(*count));
    if (!rows)
        return failWith(rows.error());
    if (parsed.parser.isSet(parsed.json)) {
        QJsonArray list;
        for (const VinRequestRow &row : *rows)
            list << toJson(row);
        printJson(list);
    } else {
        for (const VinRequestRow &row : *rows)
            printRequest(row);
        if (rows->isEmpty())
            out() << Cli::tr("No VIN report requests.") << Qt::endl;
    }
    return Ok;
}

int vinRetry(const QStringList &arguments, const QStringList &ids)
{
    Parsed parsed;
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("vin retry ID..."),
               Cli::tr("Queues failed VIN report requests again (their ids from \"vin requests\")."), {}, false, &code))
        return code;
    QList<qint64> requestIds;
    for (const QString &id : ids) {
        bool ok = false;
        const qint64 requestId = QString(id).remove(QLatin1Char('#')).toLongLong(&ok);
        if (!ok || requestId < 1)
            return usageError(
                Cli::tr("\"%1\" is not a request id: ids are whole numbers from 1 (see \"vin requests\").").arg(id));
        requestIds << requestId;
    }
    if (requestIds.isEmpty())
        return usageError(Cli::tr("Give the ids of the failed requests to try again."));
    auto database = openMigrated(parsed.profile(), true);
    if (!database)
        return failWith(database.error());
    const auto retried = VinReportService::retry(**database, requestIds);
    if (!retried)
        return failWith(retried.error());
    out() << Cli::tr("%n failed request(s) queued again.", nullptr, *retried) << Qt::endl;
    return *retried == requestIds.size() ? Ok : Failed;
}

int vinReport(const QStringList &arguments, const QString &vin)
{
    Parsed parsed;
    QCommandLineOption pdf(QStringLiteral("pdf"), Cli::tr("Write the report as a PDF file."), Cli::tr("file"));
    int code = Ok;
    if (!parse(parsed, arguments, QStringLiteral("vin report VIN"),
               Cli::tr("Shows the newest stored report of a VIN (as JSON with --json), or writes it as a PDF."), {pdf},
               true, &code))
        return code;
    if (vin.isEmpty())
        return usageError(Cli::tr("Give the VIN whose report to show."));
    auto database = openMigrated(parsed.profile(), false);
    if (!database)
        return failWith(database.error());
    const auto id = VinReportService::latestReportId(**database, vin);
    if (!id)
        return failWith(id.error());
    if (!*id)
        return failWith(Error{Error::Code::NotFound,
                              Cli::tr("No report of %1 is stored. Ask for one with \"forecourt vin request %1\".")
                                  .arg(Vin::normalise(vin))});
    const auto report = VinReportService::report(**database, **id);
    if (!report)
        return failWith(report.error());
    if (parsed.parser.isSet(pdf)) {
        QString error;
        if (!VinReportDocument::writePdf(*report, parsed.parser.value(pdf), &error))
            return failWith(Error{Error::Code::Unknown, error});
        out() << Cli::tr("Wrote %1.").arg(parsed.parser.value(pdf)) << Qt::endl;
        return Ok;
    }
    if (parsed.parser.isSet(parsed.json)) {
        printJson(report->toJson());
        return Ok;
    }
    const VinReport::Flags flags = report->flags();
    out() << Cli::tr("VIN report of %1, made %2")
                 .arg(report->vin, QLocale().toString(report->createdAt.toLocalTime(), QLocale::ShortFormat))
          << Qt::endl;
    if (report->history.simulated)
        out() << Cli::tr("SIMULATED SAMPLE HISTORY: not a real vehicle history.") << Qt::endl;
    out() << Cli::tr("History from %1").arg(report->history.provider) << Qt::endl;
    if (report->spec)
        for (const auto &[label, value] : report->spec->fields)
            out() << "  " << label << ": " << value << Qt::endl;
    else if (!report->specNote.isEmpty())
        out() << "  " << report->specNote << Qt::endl;
    out() << Cli::tr("Title brands: %1")
                 .arg(flags.titleBrands.isEmpty() ? Cli::tr("none") : flags.titleBrands.join(QStringLiteral(", ")))
          << Qt::endl;
    out() << Cli::tr("Accidents: %1").arg(flags.accidents) << Qt::endl;
    out() << Cli::tr("Odometer rollback suspected: %1").arg(flags.rollbackSuspected ? Cli::tr("yes") : Cli::tr("no"))
          << Qt::endl;
    out() << Cli::tr("Reported stolen: %1").arg(flags.stolen ? Cli::tr("yes") : Cli::tr("no")) << Qt::endl;
    out() << Cli::tr("Owners: %1").arg(flags.owners) << Qt::endl;
    if (flags.lastReading)
        out() << (flags.lastReading->date.isValid()
                      ? Cli::tr("Last odometer reading: %1 km on %2")
                            .arg(QLocale().toString(flags.lastReading->km),
                                 QLocale().toString(flags.lastReading->date, QLocale::ShortFormat))
                      : Cli::tr("Last odometer reading: %1 km (no date reported)")
                            .arg(QLocale().toString(flags.lastReading->km)))
              << Qt::endl;
    if (flags.fleetMileageBelowReported())
        out() << Cli::tr("Fleet mileage: %1 km, below the reported %2 km")
                     .arg(QLocale().toString(*flags.fleetMileageKm), QLocale().toString(flags.highestReading->km))
              << Qt::endl;
    else if (flags.fleetMileageKm)
        out() << Cli::tr("Fleet mileage: %1 km").arg(QLocale().toString(*flags.fleetMileageKm)) << Qt::endl;
    return Ok;
}

int topLevel(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Forecourt: administration for car dealerships and rental desks.\n"
                "Without a command it opens the window.\n\n"
                "Commands (each has --help):\n"
                "  db status       where the data lives, server and schema version\n"
                "  db migrate      apply pending schema migrations\n"
                "  server start    start the local PostgreSQL server and keep it running\n"
                "  server stop     stop the local server\n"
                "  server status   show the local server (--json includes its connection URI)\n"
                "  demo-data       fill the database with realistic demo data\n"
                "  import cars     import cars from a CSV file (import cars FILE.csv)\n"
                "  import undo     take back the last import (or import undo ID)\n"
                "  export cars     write the cars, filtered, to CSV\n"
                "  worker          handle the queued events without a window, until SIGTERM\n"
                "  health          check the database, the schema, the workers and the queue\n"
                "  vin decode      decode VINs offline: manufacturer, country, model year, check digit\n"
                "  vin request     ask for VIN reports (made by the worker); --wait to wait for them\n"
                "  vin requests    list the VIN report requests\n"
                "  vin report      show a VIN's newest report, or write it as a PDF (--pdf FILE)\n"
                "  vin retry       queue failed VIN report requests again"));
    parser.addHelpOption();
    parser.addVersionOption();
    Parsed globals;
    parser.addOption(globals.dataDir);
    parser.addOption(globals.server);
    parser.addPositionalArgument(QStringLiteral("command"), Cli::tr("The command to run."),
                                 QStringLiteral("[command]"));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "forecourt " << AppInfo::version() << Qt::endl;
        return Ok;
    }
    out().writeLines(parser.helpText());
    return Ok;
}

} // namespace

bool Cli::wantsCli(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (argument == QLatin1String("-h") || argument == QLatin1String("--help") || argument == QLatin1String("-v") ||
            argument == QLatin1String("--version") || argument == QLatin1String("--help-all"))
            return true;
    }
    return !commandWords(arguments).isEmpty();
}

bool Cli::needsFonts(const QStringList &arguments)
{
    return arguments.contains(QStringLiteral("--pdf"));
}

int Cli::run(const QStringList &arguments)
{
    if (!defaultMessageHandler)
        defaultMessageHandler = qInstallMessageHandler(escapingMessageHandler);
    const QStringList words = commandWords(arguments);
    if (words.isEmpty())
        return topLevel(arguments);
    const QString command = words.first();
    const QString action = words.value(1);
    if (command == QLatin1String("db")) {
        if (words.size() > 2)
            return usageError(tr("\"db %1\" takes no further arguments.").arg(action));
        if (action == QLatin1String("status"))
            return dbStatus(arguments);
        if (action == QLatin1String("migrate"))
            return dbMigrate(arguments);
        if (action.isEmpty() && arguments.contains(QStringLiteral("--help")))
            return topLevel(arguments);
        return usageError(tr("Unknown db command \"%1\": use \"db status\" or \"db migrate\".").arg(action));
    }
    if (command == QLatin1String("server")) {
        if (words.size() > 2)
            return usageError(tr("\"server %1\" takes no further arguments.").arg(action));
        if (action.isEmpty() && arguments.contains(QStringLiteral("--help")))
            return serverCommand(arguments, QStringLiteral("status"));
        return serverCommand(arguments, action);
    }
    if (command == QLatin1String("demo-data")) {
        if (words.size() > 1)
            return usageError(tr("\"demo-data\" takes no arguments besides its options."));
        return demoData(arguments);
    }
    if (command == QLatin1String("import") && action == QLatin1String("undo"))
        return importUndo(arguments, words.mid(2));
    if (command == QLatin1String("import") || command == QLatin1String("export")) {
        const bool import = command == QLatin1String("import");
        if (action != QLatin1String("cars")) {
            if (action.isEmpty() && arguments.contains(QStringLiteral("--help")))
                return topLevel(arguments);
            return usageError(
                import ? tr("Unknown import command \"%1\": use \"import cars\" or \"import undo\".").arg(action)
                       : tr("Unknown %1 command \"%2\": use \"%1 cars\".").arg(command, action));
        }
        if (words.size() > (import ? 3 : 2))
            return usageError(import ? tr("\"import cars\" takes one file.")
                                     : tr("\"export cars\" takes no arguments besides its options."));
        return import ? importCars(arguments, words.value(2)) : exportCars(arguments);
    }
    if (command == QLatin1String("vin")) {
        if (action == QLatin1String("decode"))
            return vinDecode(arguments, words.mid(2));
        if (action == QLatin1String("request"))
            return vinRequest(arguments, words.mid(2));
        if (action == QLatin1String("requests"))
            return words.size() > 2 ? usageError(tr("\"vin requests\" takes no arguments besides its options."))
                                    : vinRequests(arguments);
        if (action == QLatin1String("report"))
            return words.size() > 3 ? usageError(tr("\"vin report\" takes one VIN."))
                                    : vinReport(arguments, words.value(2));
        if (action == QLatin1String("retry"))
            return vinRetry(arguments, words.mid(2));
        if (action.isEmpty() && arguments.contains(QStringLiteral("--help")))
            return topLevel(arguments);
        const QString commands =
            tr("use \"vin decode\", \"vin request\", \"vin requests\", \"vin report\" or \"vin retry\".");
        if (action.isEmpty())
            return usageError(tr("\"vin\" needs a command: %1").arg(commands));
        return usageError(tr("Unknown vin command \"%1\": %2").arg(action, commands));
    }
    if (command == QLatin1String("worker") || command == QLatin1String("health")) {
        if (words.size() > 1)
            return usageError(tr("\"%1\" takes no arguments besides its options.").arg(command));
        return command == QLatin1String("worker") ? worker(arguments) : health(arguments);
    }
    return usageError(tr("Unknown command \"%1\".").arg(command));
}
