#pragma once

#include "Error.h"
#include "PgBinaries.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

// Forecourt's private PostgreSQL cluster: created on first use in a data folder, socket-only, shared
// by every Forecourt process that uses the folder, and stopped when the last of them detaches.
//
// Layout of the data folder (owned by the user who runs Forecourt; 0700, or 0711 under root so the
// server's account can pass through):
//   pgdata/                  the cluster (PGDATA), owned by the server's account
//   pgdata/forecourt.log     the server's log
//   run/                     the socket folder (0700, the server's account); when that path is too long
//                            for a socket, a new 0700 folder with a random name in $XDG_RUNTIME_DIR
//                            or /tmp, removed when the server stops
//   socket-dir               the path of that folder while it exists
//   clients/<pid>            one file per attached Forecourt process
//   keep-running             after `forecourt server start`: the last detach leaves the server up
//   stopped                  after `forecourt server stop`: attached processes do not restart it
//   server.lock              serialises start, stop, attach and detach between processes
//
// When Forecourt runs as root the server runs as an unprivileged account (initdb refuses root):
// $FORECOURT_PG_ACCOUNT, else "postgres", else "nobody". Root never follows a link inside the folders
// that account owns. Every method blocks: call them off the GUI thread.
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

    // Creates the cluster if needed and starts the server if it is not running; with `keepRunning` the
    // server stays up after the last process detaches (until stop()).
    Result<Status> start(bool keepRunning);
    // Stops the server. Refused while other processes are attached, unless `force`; attached processes
    // then do not start it again until a new process attaches.
    Result<void> stop(bool force);

    // Registers this process as a user of the server (starting it if needed) / unregisters it and
    // stops the server if nobody else uses it and it is not pinned.
    enum class AttachMode { Open, Reconnect };
    Result<Status> attach(AttachMode mode = AttachMode::Open);
    void detach();

    static QString databaseName() { return QStringLiteral("forecourt"); }
    static QString userName() { return QStringLiteral("forecourt"); }
    static QString conninfo(const Status &status);
    static QString uri(const Status &status);

private:
    class Lock;
    Result<Status> startUnderLock(bool registerThisProcess, AttachMode mode, bool keepRunning);
    Result<Status> startLocked();
    Result<void> stopLocked();
    Result<void> ensureInitialised();
    Result<void> prepareFolders();
    Result<void> runAsServerAccount(const QString &program, const QStringList &arguments, int timeoutMs,
                                    QString *output = nullptr) const;
    // The socket folder for a start: run/ in the data folder, or, when that path is too long for a
    // socket, a new private folder with a random name recorded in the data folder's "socket-dir".
    Result<QString> prepareSocketDir() const;
    // Removes the recorded socket folder (the server has stopped) and the record.
    void removeSocketDirRecord() const;
    int choosePort(int previous) const;
    Result<void> ensureDatabase(const Status &status) const;
    QList<qint64> liveClients() const;
    QString clientsDir() const;
    QString markerFile(const char *name) const;
    Error lockError() const;

    QString m_dataDir;
};

// Keeps the local server attached for as long as it lives. Several leases in one process share the
// process's one registration.
class LocalServerLease
{
public:
    static Result<std::shared_ptr<LocalServerLease>> acquire(const QString &dataDir);
    ~LocalServerLease();
    LocalServerLease(const LocalServerLease &) = delete;
    LocalServerLease &operator=(const LocalServerLease &) = delete;

    const LocalServer::Status &status() const { return m_status; }
    // Starts the server again if it died (for example after `kill -9` of the postmaster), unless an
    // administrator stopped it.
    Result<void> revive();

private:
    LocalServerLease(const QString &dataDir, LocalServer::Status status)
        : m_server(dataDir)
        , m_status(std::move(status))
    {}
    LocalServer m_server;
    LocalServer::Status m_status;
};
