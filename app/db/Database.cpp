#include "Database.h"

#include "Logging.h"

#include <QThread>
#include <QVariant>

void assertNotGuiThread(const char *what)
{
#ifndef NDEBUG
    const QCoreApplication *app = QCoreApplication::instance();
    // A command that writes a PDF runs a window-less QGuiApplication: it has no GUI thread to keep free.
    if (app && app->inherits("QGuiApplication") && !app->property("forecourtCommandLine").toBool() &&
        QThread::currentThread() == app->thread())
        qFatal("%s on the GUI thread: move this work to the database thread", what);
#else
    Q_UNUSED(what);
#endif
}

Result<std::unique_ptr<Database>> Database::open(const ConnectionProfile &profile)
{
    assertNotGuiThread("Database::open");
    if (auto valid = profile.validate(); !valid)
        return std::unexpected(valid.error());
    std::unique_ptr<Database> database(new Database);
    database->m_profile = profile;
    if (profile.isLocal()) {
        auto lease = LocalServerLease::acquire(profile.dataDir());
        if (!lease)
            return std::unexpected(lease.error());
        database->m_lease = *lease;
        database->m_conninfo = LocalServer::conninfo((*lease)->status());
    } else {
        database->m_conninfo = profile.conninfo();
    }
    if (auto connected = database->connect(); !connected)
        return std::unexpected(connected.error());
    return database;
}

Database::~Database()
{
    m_connection.reset(); // close before the lease may stop the local server
}

Result<void> Database::connect()
{
    try {
        m_connection =
            std::make_unique<pqxx::connection>(ConnectionProfile::withConnectionDefaults(m_conninfo).toStdString());
        qCDebug(lcDb) << "connected to" << m_profile.describe();
        return {};
    } catch (const std::exception &e) {
        m_connection.reset();
        return std::unexpected(DbErrors::fromConnectionFailure(QString::fromUtf8(e.what()), m_profile.describe()));
    }
}

pqxx::connection &Database::connection()
{
    assertNotGuiThread("SQL");
    if (m_connection && m_connection->is_open())
        return *m_connection;
    m_connection.reset();
    if (m_lease) {
        if (auto revived = m_lease->revive(); !revived)
            throw ForecourtException(revived.error());
        m_conninfo = LocalServer::conninfo(m_lease->status());
    }
    if (auto connected = connect(); !connected)
        throw ForecourtException(connected.error());
    return *m_connection;
}

bool Database::isConnected() const
{
    return m_connection && m_connection->is_open();
}

void Database::dropConnection()
{
    m_connection.reset();
}
