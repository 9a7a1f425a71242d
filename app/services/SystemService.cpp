#include "SystemService.h"

#include "db/Database.h"
#include "db/Fields.h"

#include <pqxx/pqxx>

Result<ServerInfo> SystemService::serverInfo(Database &database)
{
    const Migrator migrator(Migrator::builtIn());
    return database.guard([&](pqxx::connection &connection) -> Result<ServerInfo> {
        ServerInfo info;
        info.local = database.profile().isLocal();
        info.location = database.profile().describe();
        if (const LocalServerLease *lease = database.localServer()) {
            info.dataDir = database.profile().dataDir();
            info.uri = LocalServer::uri(lease->status());
        }
        {
            pqxx::read_transaction work(connection);
            const pqxx::row row =
                work.exec1("SELECT current_setting('server_version'), current_database(), current_user, "
                           "coalesce(inet_server_addr()::text, current_setting('unix_socket_directories')), "
                           "current_setting('port')::int, pg_database_size(current_database())");
            info.serverVersion = textOf(row[0]);
            info.database = textOf(row[1]);
            info.user = textOf(row[2]);
            info.host = textOf(row[3]);
            info.port = row[4].as<int>();
            info.databaseBytes = row[5].as<qint64>();
            work.commit();
        }
        auto schema = migrator.inspect(connection);
        if (!schema)
            return std::unexpected(schema.error());
        info.schema = *schema;
        info.schemaCurrent = schema->pending.isEmpty();
        if (info.schemaCurrent) {
            pqxx::read_transaction work(connection);
            const pqxx::row row = work.exec1("SELECT (SELECT count(*) FROM cars), (SELECT count(*) FROM customers), "
                                             "(SELECT count(*) FROM bookings), (SELECT count(*) FROM outbox_events)");
            info.counts.insert(QStringLiteral("cars"), row[0].as<qint64>());
            info.counts.insert(QStringLiteral("customers"), row[1].as<qint64>());
            info.counts.insert(QStringLiteral("bookings"), row[2].as<qint64>());
            info.counts.insert(QStringLiteral("outbox_events"), row[3].as<qint64>());
            work.commit();
        }
        return info;
    });
}

Result<Migrator::State> SystemService::migrate(Database &database, const Migrator::Progress &progress)
{
    const Migrator migrator(Migrator::builtIn());
    return database.guard([&](pqxx::connection &connection) { return migrator.migrate(connection, progress); });
}

QString SystemService::currency(pqxx::transaction_base &transaction)
{
    const pqxx::result currency = transaction.exec("SELECT value #>> '{}' FROM settings WHERE key = 'currency'");
    return currency.empty() ? QStringLiteral("EUR") : textOf(currency[0][0]);
}
