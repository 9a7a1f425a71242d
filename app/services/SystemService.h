#pragma once

#include "Error.h"
#include "db/Migrator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <pqxx/transaction_base>

class Database;

// What the System section and `forecourt db status` show: where the data lives, the server, the schema.
struct ServerInfo
{
    bool local = false;
    QString location; // the profile's description
    QString dataDir;  // local server only
    QString uri;      // local server only: for psql
    QString serverVersion;
    QString database;
    QString user;
    QString host;
    int port = 0;
    qint64 databaseBytes = 0;
    Migrator::State schema;
    bool schemaCurrent = false;
    QMap<QString, qint64> counts; // "cars", "customers", "bookings", "outbox_events" once the schema has them
};

class SystemService
{
    Q_DECLARE_TR_FUNCTIONS(SystemService)

public:
    static Result<ServerInfo> serverInfo(Database &database);
    // Applies the built-in migrations; `progress` is called before each one.
    static Result<Migrator::State> migrate(Database &database, const Migrator::Progress &progress = {});

    // The database's one currency (an ISO 4217 code; "EUR" until one is set).
    static QString currency(pqxx::transaction_base &transaction);
};
