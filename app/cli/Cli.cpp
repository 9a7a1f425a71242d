#include "Cli.h"

#include "AppInfo.h"
#include "TerminationSignals.h"
#include "db/ConnectionProfile.h"
#include "db/Database.h"
#include "db/LocalServer.h"
#include "services/DemoDataService.h"
#include "services/SystemService.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2, NotRunning = 3 };

const QStringList kOptionsWithValue = {QStringLiteral("--data-dir"), QStringLiteral("--server"),
                                       QStringLiteral("--cars"), QStringLiteral("--seed")};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
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

void printJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << document.toJson(QJsonDocument::Indented);
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
        out() << parser.helpText();
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
    bool carsOk = false;
    bool seedOk = false;
    DemoDataOptions options;
    options.cars = parsed.parser.value(cars).toLongLong(&carsOk);
    options.seed = parsed.parser.value(seed).toULongLong(&seedOk);
    options.replace = parsed.parser.isSet(replace);
    options.ifEmpty = parsed.parser.isSet(ifEmpty);
    if (!carsOk || options.cars < 0)
        return usageError(Cli::tr("--cars needs a whole number of cars, such as 250."));
    if (!seedOk)
        return usageError(Cli::tr("--seed needs a whole number, such as 1."));

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
                              {QStringLiteral("skipped"), summary->skipped}});
    } else if (summary->skipped) {
        out() << Cli::tr("The fleet already has %1 cars; no demo data added.").arg(summary->cars) << Qt::endl;
    } else {
        out() << Cli::tr("Created %1 cars in %2 branches (seed %3).")
                     .arg(summary->cars)
                     .arg(summary->branches)
                     .arg(options.seed)
              << Qt::endl;
    }
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
                "  demo-data       fill the database with realistic demo data"));
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
    out() << parser.helpText();
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

int Cli::run(const QStringList &arguments)
{
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
    return usageError(tr("Unknown command \"%1\".").arg(command));
}
