#include "LocalServer.h"

#include "ConnectionProfile.h"
#include "Logging.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QUrl>

#include <pqxx/pqxx>

#include <cerrno>
#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
constexpr int kMaxSocketPath = 107;
const QString kClusterName = QStringLiteral("pgdata");

struct Account
{
    uid_t uid = 0;
    gid_t gid = 0;
    QString name;
    bool switchUser = false; // true when we are root and the server must run as someone else
};

Result<Account> serverAccount()
{
    if (geteuid() != 0) {
        const passwd *pw = getpwuid(geteuid());
        return Account{geteuid(), getegid(), pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(geteuid()),
                       false};
    }
    QStringList names;
    if (const QString chosen = qEnvironmentVariable("FORECOURT_PG_ACCOUNT"); !chosen.isEmpty())
        names << chosen;
    else
        names << QStringLiteral("postgres") << QStringLiteral("nobody");
    for (const QString &name : names) {
        if (const passwd *pw = getpwnam(name.toLocal8Bit().constData()))
            return Account{pw->pw_uid, pw->pw_gid, name, true};
    }
    return std::unexpected(Error{Error::Code::LocalServerFailed,
                                 LocalServer::tr("Forecourt runs as root, so its PostgreSQL server must run as an "
                                                 "unprivileged account, but none of %1 exists. Create one or set "
                                                 "FORECOURT_PG_ACCOUNT.")
                                     .arg(names.join(QStringLiteral(", ")))});
}

// PIDs are reused; the start time (in clock ticks since boot, Linux) tells a process apart from its successor.
QString processStartTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    const qsizetype afterName = line.lastIndexOf(')');
    if (afterName < 0)
        return {};
    // Fields after "pid (comm)": state is field 3; starttime is field 22.
    const QList<QByteArray> fields = line.mid(afterName + 2).split(' ');
    return fields.size() > 19 ? QString::fromLatin1(fields.at(19)) : QString();
}

bool processAlive(qint64 pid)
{
    if (pid <= 0 || (kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM))
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) { // a zombie has exited already
        const QByteArray line = stat.readAll();
        const qsizetype afterName = line.lastIndexOf(')');
        if (afterName >= 0 && line.mid(afterName + 2, 1) == "Z")
            return false;
    }
    return true;
}

bool isPostgresProcess(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!comm.open(QIODevice::ReadOnly))
        return true; // no /proc: trust the PID
    return comm.readAll().startsWith("postgres");
}

struct PostmasterInfo
{
    qint64 pid = 0;
    int port = 0;
    QString socketDir;
    QString state;
};

PostmasterInfo readPostmasterPid(const QString &clusterDir)
{
    PostmasterInfo info;
    QFile file(QDir(clusterDir).filePath(QStringLiteral("postmaster.pid")));
    if (!file.open(QIODevice::ReadOnly))
        return info;
    const QStringList lines = QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'));
    info.pid = lines.value(0).trimmed().toLongLong();
    info.port = lines.value(3).trimmed().toInt();
    info.socketDir = lines.value(4).trimmed();
    info.state = lines.value(7).trimmed();
    return info;
}

bool ownDirectory(const QString &path, const Account &account)
{
    if (!QDir().mkpath(path))
        return false;
    const QByteArray native = QFile::encodeName(path);
    if (account.switchUser && chown(native.constData(), account.uid, account.gid) != 0)
        return false;
    return chmod(native.constData(), 0700) == 0;
}

// Can `account` walk down to `path`? Each ancestor needs an execute bit that applies to it.
QString firstUnreachableAncestor(const QString &path, const Account &account)
{
    QDir dir(QFileInfo(path).absolutePath());
    for (;;) {
        struct stat st
        {};
        if (stat(QFile::encodeName(dir.absolutePath()).constData(), &st) == 0) {
            const bool reachable = (st.st_uid == account.uid && (st.st_mode & S_IXUSR)) ||
                                   (st.st_gid == account.gid && (st.st_mode & S_IXGRP)) || (st.st_mode & S_IXOTH);
            if (!reachable)
                return dir.absolutePath();
        }
        if (dir.isRoot())
            return {};
        dir.cdUp();
    }
}

QString tail(const QString &fileName, int lines)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > 16384)
        file.seek(file.size() - 16384);
    QStringList all = QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

bool fastUnsafeMode()
{
    return qEnvironmentVariableIntValue("FORECOURT_PG_FAST") == 1;
}
} // namespace

// Serialises every start/stop/attach/detach on one data folder across processes. QLockFile removes
// a lock left by a crashed process.
class LocalServer::Lock
{
public:
    explicit Lock(const QString &dataDir)
        : m_lock(QDir(dataDir).filePath(QStringLiteral("server.lock")))
    {
        m_lock.setStaleLockTime(0);
        m_locked = m_lock.tryLock(120'000);
    }
    bool locked() const { return m_locked; }

private:
    QLockFile m_lock;
    bool m_locked = false;
};

LocalServer::LocalServer(QString dataDir)
    : m_dataDir(QDir(dataDir).absolutePath())
{}

QString LocalServer::defaultDataDir()
{
    if (const QString fromEnv = qEnvironmentVariable("FORECOURT_DATA_DIR"); !fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    if (geteuid() == 0)
        return QStringLiteral("/var/lib/forecourt");
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("forecourt"));
}

QString LocalServer::clusterDir() const
{
    return QDir(m_dataDir).filePath(kClusterName);
}

QString LocalServer::logFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("postgresql.log"));
}

QString LocalServer::clientsDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("clients"));
}

QString LocalServer::serverAccount() const
{
    const auto account = ::serverAccount();
    return account ? account->name : QString();
}

LocalServer::Status LocalServer::status() const
{
    Status status;
    status.initialised = QFileInfo::exists(QDir(clusterDir()).filePath(QStringLiteral("PG_VERSION")));
    status.keepRunning = QFileInfo::exists(QDir(m_dataDir).filePath(QStringLiteral("keep-running")));
    status.clients = liveClients();
    const PostmasterInfo info = readPostmasterPid(clusterDir());
    if (info.pid > 0 && processAlive(info.pid) && isPostgresProcess(info.pid)) {
        status.pid = info.pid;
        status.port = info.port;
        status.socketDir = info.socketDir;
        status.running = info.state == QLatin1String("ready") &&
                         QFileInfo::exists(QDir(info.socketDir).filePath(QStringLiteral(".s.PGSQL.%1").arg(info.port)));
    }
    return status;
}

QList<qint64> LocalServer::liveClients() const
{
    QList<qint64> clients;
    const QFileInfoList files = QDir(clientsDir()).entryInfoList(QDir::Files);
    for (const QFileInfo &file : files) {
        const qint64 pid = file.fileName().toLongLong();
        QFile content(file.filePath());
        const QString recordedStart =
            content.open(QIODevice::ReadOnly) ? QString::fromLatin1(content.readAll()) : QString();
        if (processAlive(pid) && (recordedStart.isEmpty() || recordedStart == processStartTime(pid)))
            clients << pid;
    }
    return clients;
}

Result<void> LocalServer::prepareFolders()
{
    const auto account = ::serverAccount();
    if (!account)
        return std::unexpected(account.error());
    if (account->switchUser) {
        if (const QString blocked = firstUnreachableAncestor(m_dataDir, *account); !blocked.isEmpty())
            return std::unexpected(Error{
                Error::Code::LocalServerFailed,
                tr("Forecourt runs as root, so its PostgreSQL server runs as the account \"%1\", which cannot reach "
                   "the folder %2. Choose a data folder it can reach with --data-dir, for example under "
                   "/var/lib/forecourt.")
                    .arg(account->name, blocked)});
    }
    if (!ownDirectory(m_dataDir, *account))
        return std::unexpected(Error{Error::Code::LocalServerFailed,
                                     tr("Cannot create the data folder %1. Check that you may write there, or "
                                        "choose another one with --data-dir.")
                                         .arg(m_dataDir),
                                     QString::fromLocal8Bit(strerror(errno))});
    QDir().mkpath(clientsDir());
    return {};
}

Result<void> LocalServer::runAsServerAccount(const QString &program, const QStringList &arguments, int timeoutMs,
                                             QString *output) const
{
    const auto account = ::serverAccount();
    if (!account)
        return std::unexpected(account.error());
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dataDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("PG")))
            env.remove(name); // the caller's libpq settings must not leak into the server tools
    }
    env.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    if (account->switchUser) {
        const uid_t uid = account->uid;
        const gid_t gid = account->gid;
        process.setChildProcessModifier([uid, gid] {
            if (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0)
                _exit(126);
        });
    }
    qCDebug(lcLocalServer) << "running" << program << arguments;
    process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    const QString text = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (output)
        *output = text;
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (!finished)
            process.kill();
        return std::unexpected(Error{Error::Code::LocalServerFailed,
                                     tr("%1 failed.").arg(QFileInfo(program).fileName()),
                                     text.isEmpty() ? process.errorString() : text});
    }
    return {};
}

Result<void> LocalServer::ensureInitialised()
{
    if (QFileInfo::exists(QDir(clusterDir()).filePath(QStringLiteral("PG_VERSION"))))
        return {};
    const auto binaries = PgBinaries::find();
    if (!binaries)
        return std::unexpected(binaries.error());

    // initdb into a scratch folder and rename it when complete, so an interrupted initdb never leaves
    // a half-made cluster behind.
    const QString scratch = clusterDir() + QStringLiteral(".initdb");
    QDir(scratch).removeRecursively();
    qCInfo(lcLocalServer) << "creating the local PostgreSQL cluster in" << clusterDir();
    QStringList arguments = {QStringLiteral("-D"),
                             scratch,
                             QStringLiteral("-U"),
                             userName(),
                             QStringLiteral("-E"),
                             QStringLiteral("UTF8"),
                             QStringLiteral("--locale=C.UTF-8"),
                             QStringLiteral("--lc-messages=C"),
                             QStringLiteral("--auth-local=trust"),
                             QStringLiteral("--auth-host=scram-sha-256"),
                             QStringLiteral("--no-instructions")};
    if (fastUnsafeMode())
        arguments << QStringLiteral("--no-sync");
    // ICU collation sorts names the way people expect (PostgreSQL 15+); older servers use the C locale.
    auto result = runAsServerAccount(
        binaries->program(QStringLiteral("initdb")),
        arguments + QStringList{QStringLiteral("--locale-provider=icu"), QStringLiteral("--icu-locale=und")}, 300'000);
    if (!result) {
        QDir(scratch).removeRecursively();
        result = runAsServerAccount(binaries->program(QStringLiteral("initdb")), arguments, 300'000);
    }
    if (!result) {
        QDir(scratch).removeRecursively();
        result.error().message = tr("Could not create the local database in %1.").arg(clusterDir());
        return result;
    }
    QFile conf(QDir(scratch).filePath(QStringLiteral("postgresql.conf")));
    if (conf.open(QIODevice::Append))
        conf.write("\n# Forecourt writes its own settings (port, socket) at every start:\ninclude_if_exists = "
                   "'forecourt.conf'\n");
    conf.close();
    if (!QDir().rename(scratch, clusterDir()))
        return std::unexpected(
            Error{Error::Code::LocalServerFailed, tr("Could not move the new cluster into %1.").arg(clusterDir())});
    return {};
}

QString LocalServer::chooseSocketDir() const
{
    const QString inside = QDir(m_dataDir).filePath(QStringLiteral("run"));
    if ((inside + QStringLiteral("/.s.PGSQL.65535")).toUtf8().size() <= kMaxSocketPath)
        return inside;
    const QByteArray hash = QCryptographicHash::hash(m_dataDir.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return QDir(QDir::tempPath())
        .filePath(QStringLiteral("forecourt-%1-%2").arg(geteuid()).arg(QString::fromLatin1(hash)));
}

int LocalServer::choosePort(int previous) const
{
    // The socket lives in a private folder, so any port works for it; a port that is also free on TCP
    // keeps `listen_addresses` usable and psql's messages unambiguous.
    auto freeOnTcp = [](int port) {
        QTcpServer probe;
        return probe.listen(QHostAddress::LocalHost, static_cast<quint16>(port));
    };
    if (previous > 0 && freeOnTcp(previous))
        return previous;
    const quint32 seed = qHash(m_dataDir);
    for (int attempt = 0; attempt < 200; ++attempt) {
        const int port = 20000 + static_cast<int>((seed + static_cast<quint32>(attempt) * 7919u) % 40000u);
        if (freeOnTcp(port))
            return port;
    }
    return 20000 + static_cast<int>(QRandomGenerator::global()->bounded(40000));
}

void LocalServer::writeRuntimeConfig(int port, const QString &socketDir) const
{
    QFile conf(QDir(clusterDir()).filePath(QStringLiteral("forecourt.conf")));
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    QByteArray text = "# Written by Forecourt at every start. Put your own settings in postgresql.conf.\n";
    text += "port = " + QByteArray::number(port) + "\n";
    text += "unix_socket_directories = '" + socketDir.toUtf8().replace("'", "''") + "'\n";
    text += "unix_socket_permissions = 0700\n";
    text += "listen_addresses = '" + qEnvironmentVariable("FORECOURT_PG_LISTEN").toUtf8().replace("'", "''") + "'\n";
    if (fastUnsafeMode()) // test suites only: trades durability for speed
        text += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
    conf.write(text);
}

Result<LocalServer::Status> LocalServer::start()
{
    return startAndRegister(false);
}

Result<LocalServer::Status> LocalServer::attach()
{
    return startAndRegister(true);
}

Error LocalServer::lockError() const
{
    return Error{Error::Code::LocalServerFailed,
                 tr("Another Forecourt process has held the lock on %1 for two minutes. If none is running, delete "
                    "%1/server.lock.")
                     .arg(m_dataDir)};
}

Result<LocalServer::Status> LocalServer::startAndRegister(bool registerThisProcess)
{
    if (auto prepared = prepareFolders(); !prepared)
        return std::unexpected(prepared.error());
    Lock lock(m_dataDir);
    if (!lock.locked())
        return std::unexpected(lockError());
    const auto started = startLocked();
    if (!started || !registerThisProcess)
        return started;
    const qint64 pid = QCoreApplication::applicationPid();
    QFile client(QDir(clientsDir()).filePath(QString::number(pid)));
    if (client.open(QIODevice::WriteOnly | QIODevice::Truncate))
        client.write(processStartTime(pid).toLatin1());
    // Stale registrations (a crashed process) are cleaned up here.
    const QList<qint64> alive = liveClients();
    for (const QFileInfo &file : QDir(clientsDir()).entryInfoList(QDir::Files)) {
        if (!alive.contains(file.fileName().toLongLong()))
            QFile::remove(file.filePath());
    }
    Status status = *started;
    status.clients = alive;
    return status;
}

Result<LocalServer::Status> LocalServer::startLocked()
{
    if (auto initialised = ensureInitialised(); !initialised)
        return std::unexpected(initialised.error());

    Status current = status();
    if (current.running) {
        if (auto db = ensureDatabase(current); !db)
            return std::unexpected(db.error());
        return current;
    }

    const auto account = ::serverAccount();
    const auto binaries = PgBinaries::find();
    if (!binaries)
        return std::unexpected(binaries.error());

    // A postmaster.pid whose PID now belongs to an unrelated process would make the server refuse to
    // start; PostgreSQL itself removes one whose PID is gone.
    const PostmasterInfo stale = readPostmasterPid(clusterDir());
    if (stale.pid > 0 && processAlive(stale.pid) && !isPostgresProcess(stale.pid))
        QFile::remove(QDir(clusterDir()).filePath(QStringLiteral("postmaster.pid")));

    const QString socketDir = chooseSocketDir();
    if (!ownDirectory(socketDir, *account))
        return std::unexpected(Error{Error::Code::LocalServerFailed,
                                     tr("Cannot create the private socket folder %1.").arg(socketDir),
                                     QString::fromLocal8Bit(strerror(errno))});

    const int port = choosePort(stale.port);
    writeRuntimeConfig(port, socketDir);

    // After `kill -9` of the postmaster its children may hold the shared memory for a moment: retry.
    Result<void> started;
    const QDeadlineTimer deadline(60'000);
    do {
        qCInfo(lcLocalServer) << "starting the local PostgreSQL server in" << clusterDir() << "port" << port;
        QString output;
        started = runAsServerAccount(binaries->program(QStringLiteral("pg_ctl")),
                                     {QStringLiteral("start"), QStringLiteral("-D"), clusterDir(), QStringLiteral("-l"),
                                      logFile(), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                                      QStringLiteral("-s")},
                                     90'000, &output);
        if (started)
            break;
        const QString log = tail(logFile(), 5);
        if (!log.contains(QLatin1String("shared memory block is still in use")) &&
            !log.contains(QLatin1String("lock file")))
            break;
        QThread::msleep(500);
    } while (!deadline.hasExpired());

    if (!started) {
        Error error = started.error();
        error.message = tr("The local PostgreSQL server did not start. Its log is %1.").arg(logFile());
        error.detail = tail(logFile(), 5);
        return std::unexpected(error);
    }

    current = status();
    if (!current.running)
        return std::unexpected(Error{Error::Code::LocalServerFailed,
                                     tr("The local PostgreSQL server started but is not accepting connections. Its "
                                        "log is %1.")
                                         .arg(logFile()),
                                     tail(logFile(), 5)});
    if (auto db = ensureDatabase(current); !db)
        return std::unexpected(db.error());
    return current;
}

Result<void> LocalServer::ensureDatabase(const Status &status) const
{
    try {
        // The maintenance database; libpq takes the last dbname given.
        const QString conn = conninfo(status) + QStringLiteral(" dbname='postgres'");
        pqxx::connection connection(conn.toStdString());
        pqxx::nontransaction work(connection);
        if (work.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", databaseName().toStdString()).empty())
            work.exec("CREATE DATABASE " + work.quote_name(databaseName().toStdString()));
        return {};
    } catch (const std::exception &e) {
        return std::unexpected(Error{Error::Code::LocalServerFailed,
                                     tr("The local PostgreSQL server is running but its database could not be "
                                        "prepared."),
                                     QString::fromUtf8(e.what())});
    }
}

Result<void> LocalServer::stop(bool force)
{
    if (!QFileInfo::exists(m_dataDir))
        return {};
    Lock lock(m_dataDir);
    if (!lock.locked())
        return std::unexpected(lockError());
    const QList<qint64> others = liveClients();
    if (!others.isEmpty() && !force) {
        QStringList pids;
        for (qint64 pid : others)
            pids << QString::number(pid);
        return std::unexpected(Error{Error::Code::LocalServerFailed,
                                     tr("%n Forecourt process(es) still use this server (PID %1). Close them first, "
                                        "or stop it anyway with --force.",
                                        nullptr, static_cast<int>(others.size()))
                                         .arg(pids.join(QStringLiteral(", ")))});
    }
    QFile::remove(QDir(m_dataDir).filePath(QStringLiteral("keep-running")));
    return stopLocked();
}

Result<void> LocalServer::stopLocked()
{
    const PostmasterInfo info = readPostmasterPid(clusterDir());
    if (info.pid <= 0 || !processAlive(info.pid) || !isPostgresProcess(info.pid))
        return {};
    qCInfo(lcLocalServer) << "stopping the local PostgreSQL server, PID" << info.pid;
    // SIGINT is PostgreSQL's "fast" shutdown: sessions are ended, the data is left consistent.
    kill(static_cast<pid_t>(info.pid), SIGINT);
    QDeadlineTimer deadline(30'000);
    while (processAlive(info.pid) && !deadline.hasExpired())
        QThread::msleep(20);
    if (processAlive(info.pid)) {
        kill(static_cast<pid_t>(info.pid), SIGQUIT); // immediate shutdown; recovery runs at next start
        return std::unexpected(Error{Error::Code::LocalServerFailed,
                                     tr("The local PostgreSQL server did not stop within 30 seconds and was stopped "
                                        "immediately; it will recover at its next start.")});
    }
    return {};
}

Result<void> LocalServer::setKeepRunning(bool keep)
{
    const QString marker = QDir(m_dataDir).filePath(QStringLiteral("keep-running"));
    if (!keep) {
        QFile::remove(marker);
        return {};
    }
    QFile file(marker);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(Error{Error::Code::LocalServerFailed, tr("Cannot write %1.").arg(marker)});
    return {};
}

void LocalServer::detach()
{
    Lock lock(m_dataDir);
    if (!lock.locked()) {
        qCWarning(lcLocalServer) << "could not lock" << m_dataDir << "to detach; the server keeps running";
        return;
    }
    QFile::remove(QDir(clientsDir()).filePath(QString::number(QCoreApplication::applicationPid())));
    const Status current = status();
    if (current.clients.isEmpty() && !current.keepRunning) {
        if (auto stopped = stopLocked(); !stopped)
            qCWarning(lcLocalServer) << stopped.error().oneLine();
    }
}

QString LocalServer::conninfo(const Status &status)
{
    return ConnectionProfile::keywordValue({{QStringLiteral("host"), status.socketDir},
                                            {QStringLiteral("port"), QString::number(status.port)},
                                            {QStringLiteral("dbname"), databaseName()},
                                            {QStringLiteral("user"), userName()}});
}

QString LocalServer::uri(const Status &status)
{
    // Concatenated, not .arg()ed: the percent-encoded path contains "%2F".
    return QStringLiteral("postgresql://") + userName() + QStringLiteral("@/") + databaseName() +
           QStringLiteral("?host=") + QString::fromUtf8(QUrl::toPercentEncoding(status.socketDir)) +
           QStringLiteral("&port=") + QString::number(status.port);
}

Result<std::shared_ptr<LocalServerLease>> LocalServerLease::acquire(const QString &dataDir)
{
    std::shared_ptr<LocalServerLease> lease(new LocalServerLease(dataDir));
    auto status = lease->m_server.attach();
    if (!status) {
        lease->m_server.detach();
        return std::unexpected(status.error());
    }
    lease->m_status = *status;
    return lease;
}

LocalServerLease::~LocalServerLease()
{
    m_server.detach();
}

Result<void> LocalServerLease::revive()
{
    auto status = m_server.attach();
    if (!status)
        return std::unexpected(status.error());
    m_status = *status;
    return {};
}
