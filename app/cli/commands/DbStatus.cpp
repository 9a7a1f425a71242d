#include "DbStatus.h"

#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "services/SystemService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Commands {

DbStatus::DbStatus()
    : Command(QStringLiteral("db status"),
              tr("Shows where the data lives, the server and the schema version. Starts the local server "
                 "if needed; changes nothing."),
              Json::Taken)
{}

int DbStatus::execute(const QStringList &)
{
    auto database = openDatabase(false);
    if (!database)
        return failWith(database.error());
    auto info = SystemService::serverInfo(**database);
    if (!info)
        return failWith(info.error());
    if (json()) {
        JsonOutput::print(toJson(*info));
        return Ok;
    }
    out() << tr("Data:           %1").arg(info->location) << Qt::endl
          << tr("Server:         PostgreSQL %1").arg(info->serverVersion) << Qt::endl
          << tr("Database:       %1 (user %2)").arg(info->database, info->user) << Qt::endl
          << tr("Schema version: %1 of %2").arg(info->schema.currentVersion).arg(info->schema.latestVersion)
          << Qt::endl;
    if (!info->schemaCurrent)
        out() << tr("%n migration(s) pending: run \"forecourt db migrate\".", nullptr,
                    static_cast<int>(info->schema.pending.size()))
              << Qt::endl;
    else
        out() << tr("Cars:           %1").arg(info->counts.value(QStringLiteral("cars"))) << Qt::endl;
    return Ok;
}

QJsonObject DbStatus::toJson(const ServerInfo &info)
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

} // namespace Commands
