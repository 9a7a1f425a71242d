#include "Command.h"

#include "db/Database.h"
#include "db/LocalServer.h"
#include "services/SystemService.h"

#include <cstdio>

Command::Command(const QString &synopsis, const QString &description, Json json)
    : m_synopsis(synopsis)
    , m_description(description)
    , m_withJson(json == Json::Taken)
    , m_dataDir(dataDirOption())
    , m_server(serverOption())
    , m_json(QStringLiteral("json"), tr("Print the result as JSON."))
{}

Command::~Command() = default;

QCommandLineOption Command::dataDirOption()
{
    return {
        QStringLiteral("data-dir"),
        tr("The local server's data folder (default: $FORECOURT_DATA_DIR or %1).").arg(LocalServer::defaultDataDir()),
        tr("folder")};
}

QCommandLineOption Command::serverOption()
{
    return {QStringLiteral("server"),
            tr("A PostgreSQL server to use instead of the local one: a URI "
               "(postgresql://user@host/forecourt) or key=value pairs. PG* variables also work."),
            tr("conninfo")};
}

QList<QCommandLineOption> Command::options() const
{
    QList<QCommandLineOption> all = {m_dataDir, m_server};
    if (m_withJson)
        all << m_json;
    return all + m_ownOptions;
}

int Command::run(const QStringList &arguments, const QStringList &operands)
{
    m_parser.setApplicationDescription(m_description);
    m_parser.addHelpOption();
    m_parser.addOptions(options());
    m_parser.addPositionalArgument(QStringLiteral("command"), m_synopsis, m_synopsis);
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        out().writeLines(m_parser.helpText());
        return Ok;
    }
    return execute(operands);
}

TerminalStream &Command::out()
{
    static TerminalStream stream(stdout);
    return stream;
}

TerminalStream &Command::err()
{
    static TerminalStream stream(stderr);
    return stream;
}

int Command::failWith(const Error &error)
{
    err() << "forecourt: " << error.oneLine() << Qt::endl;
    return Failed;
}

int Command::usageError(const QString &message)
{
    err() << "forecourt: " << message << Qt::endl << tr("Run \"forecourt --help\" for the commands.") << Qt::endl;
    return Usage;
}

Result<qint64> Command::wholeNumber(const QString &option, const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (ok && value >= min && value <= max)
        return value;
    return std::unexpected(
        Error{Error::Code::InvalidInput, tr("%1 needs a whole number from %2 to %3, not \"%4\".")
                                             .arg(option, QString::number(min), QString::number(max), text)});
}

Result<qint64> Command::wholeNumber(const QCommandLineOption &option, qint64 min, qint64 max) const
{
    return wholeNumber(QStringLiteral("--") + option.names().constLast(), m_parser.value(option), min, max);
}

ConnectionProfile Command::profile() const
{
    return ConnectionProfile::resolve(m_parser.value(m_server), m_parser.value(m_dataDir));
}

Result<std::unique_ptr<Database>> Command::openDatabase(bool migrate) const
{
    auto database = Database::open(profile());
    if (!database || !migrate)
        return database;
    auto state = SystemService::migrate(**database);
    if (!state)
        return std::unexpected(state.error());
    return database;
}
