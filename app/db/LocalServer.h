#pragma once

#include "Error.h"
#include "PgBinaries.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

// Forecourt's private PostgreSQL cluster: created on first use in a data folder, socket-only, shared
// by every Forecourt process that uses the folder, and stopped when the last of them detaches.
//
// Layout of the data folder (0700):
//   pgdata/            the cluster (PGDATA)
//   run/               the socket folder (0700), or a short folder under /tmp when the path is too long
//   clients/<pid>      one file per attached Forecourt process
//   keep-running       present after `forecourt server start`: the last detach leaves the server up
//   server.lock        serialises start, stop, attach and detach between processes
//   postgresql.log     the server's log
//
// When Forecourt runs as root the server runs as an unprivileged account (initdb refuses root):
// $FORECOURT_PG_ACCOUNT, else "postgres", else "nobody". Every method blocks: call them off the GUI thread.
class LocalServer
{
    Q_DECLARE_TR_FUNCTIONS(LocalServer)

public:
    struct Status
    {
        bool initialised = false;
        bool running = false;
        qint64 pid = 0;
        int port = 0;
        QString socketDir;
        bool keepRunning = false;
        QList<qint64> clients;
    };

    explicit LocalServer(QString dataDir);

    // $FORECOURT_DATA_DIR, else ~/.local/share/forecourt (/var/lib/forecourt when run as root, since an
    // unprivileged server account cannot reach /root).
    static QString defaultDataDir();

    QString dataDir() const { return m_dataDir; }
    QString clusterDir() const;
    QString logFile() const;
    QString serverAccount() const;

    Status status() const;

    // Creates the cluster if needed and starts the server if it is not running.
    Result<Status> start();
    // Stops the server. Refused while other processes are attached, unless `force`.
    Result<void> stop(bool force);
    // `server start` / `server stop` pin the server so it outlives the processes that use it.
    Result<void> setKeepRunning(bool keep);

    // Registers this process as a user of the server (starting it if needed) / unregisters it and
    // stops the server if nobody else uses it and it is not pinned.
    Result<Status> attach();
    void detach();

    static QString databaseName() { return QStringLiteral("forecourt"); }
    static QString userName() { return QStringLiteral("forecourt"); }
    static QString conninfo(const Status &status);
    static QString uri(const Status &status);

private:
    class Lock;
    Result<Status> startAndRegister(bool registerThisProcess);
    Result<Status> startLocked();
    Error lockError() const;
    Result<void> stopLocked();
    Result<void> ensureInitialised();
    Result<void> prepareFolders();
    Result<void> runAsServerAccount(const QString &program, const QStringList &arguments, int timeoutMs,
                                    QString *output = nullptr) const;
    QString chooseSocketDir() const;
    int choosePort(int previous) const;
    void writeRuntimeConfig(int port, const QString &socketDir) const;
    Result<void> ensureDatabase(const Status &status) const;
    QList<qint64> liveClients() const;
    QString clientsDir() const;

    QString m_dataDir;
};

// Keeps the local server attached for as long as it lives.
class LocalServerLease
{
public:
    static Result<std::shared_ptr<LocalServerLease>> acquire(const QString &dataDir);
    ~LocalServerLease();
    LocalServerLease(const LocalServerLease &) = delete;
    LocalServerLease &operator=(const LocalServerLease &) = delete;

    LocalServer &server() { return m_server; }
    const LocalServer::Status &status() const { return m_status; }
    // Starts the server again if it died (for example after `kill -9` of the postmaster).
    Result<void> revive();

private:
    LocalServerLease(const QString &dataDir)
        : m_server(dataDir)
    {}
    LocalServer m_server;
    LocalServer::Status m_status;
};
