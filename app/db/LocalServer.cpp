#include "LocalServer.h"

#include "ConnectionProfile.h"
#include "Logging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QUrl>

#include <pqxx/pqxx>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
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
        if (const passwd *pw = getpwnam(name.toLocal8Bit().constData()); pw && pw->pw_uid != 0)
            return Account{pw->pw_uid, pw->pw_gid, name, true};
    }
    return std::unexpected(Error{Error::Code::LocalServerFailed,
                                 LocalServer::tr("Forecourt runs as root, so its PostgreSQL server must run as an "
                                                 "unprivileged account, but none of %1 exists. Create one or set "
                                                 "FORECOURT_PG_ACCOUNT.")
                                     .arg(names.join(QStringLiteral(", ")))});
}

Error folderError(const QString &message, const QString &detail = {})
{
    return Error{Error::Code::LocalServerFailed, message, detail};
}

// Reads at most `limit` bytes (the last ones when `fromEnd`) of a regular file without following a
// link: as root we read files in folders the server's account owns.
QByteArray readNoFollow(const QString &path, qint64 limit, bool fromEnd = false, qint64 *size = nullptr)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray data;
    struct stat st
    {};
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (size)
            *size = st.st_size;
        // Files under /proc report a size of 0: read those up to the limit.
        const qint64 offset = fromEnd ? std::max<qint64>(0, st.st_size - limit) : 0;
        if (lseek(fd, offset, SEEK_SET) == offset) {
            data.resize(limit);
            qint64 filled = 0;
            while (filled < limit) {
                const ssize_t got = ::read(fd, data.data() + filled, static_cast<size_t>(limit - filled));
                if (got <= 0)
                    break;
                filled += got;
            }
            data.resize(filled);
        }
    }
    ::close(fd);
    return data;
}

QString lastLines(const QByteArray &text, int lines)
{
    const QStringList all = QString::fromLocal8Bit(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

// PIDs are reused; the start time (in clock ticks since boot, Linux) tells a process apart from its successor.
QString processStartTime(qint64 pid)
{
    const QByteArray line = readNoFollow(QStringLiteral("/proc/%1/stat").arg(pid), 4096);
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
    const QByteArray line = readNoFollow(QStringLiteral("/proc/%1/stat").arg(pid), 4096);
    const qsizetype afterName = line.lastIndexOf(')');
    return afterName < 0 || line.mid(afterName + 2, 1) != "Z"; // a zombie has exited already
}

// Is `pid` the postmaster of the cluster in `clusterDir`? After a crash the PID in postmaster.pid may
// belong to any process, another PostgreSQL included; a postmaster's working folder is its cluster.
bool isPostmasterOf(qint64 pid, const QString &clusterDir)
{
    if (!processAlive(pid))
        return false;
    if (!QFileInfo::exists(QStringLiteral("/proc/self/cwd")))
        return true; // no /proc: trust the PID
    const QString cwd = QFileInfo(QStringLiteral("/proc/%1/cwd").arg(pid)).symLinkTarget();
    return !cwd.isEmpty() && cwd == QFileInfo(clusterDir).canonicalFilePath();
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
    const QStringList lines =
        QString::fromLocal8Bit(readNoFollow(QDir(clusterDir).filePath(QStringLiteral("postmaster.pid")), 4096))
            .split(QLatin1Char('\n'));
    info.pid = lines.value(0).trimmed().toLongLong();
    info.port = lines.value(3).trimmed().toInt();
    info.socketDir = lines.value(4).trimmed();
    info.state = lines.value(7).trimmed();
    return info;
}

// Creates `path` as a private folder of `account`, or checks that the existing one is exactly that:
// a real folder (not a link) owned by the account. A folder someone else prepared is refused.
Result<void> makePrivateFolder(const QString &path, const Account &account)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {};
    if (lstat(native.constData(), &st) == 0) {
        if (!S_ISDIR(st.st_mode) || st.st_uid != account.uid)
            return std::unexpected(folderError(
                LocalServer::tr("%1 exists but is not a folder of the account \"%2\"; Forecourt will not use it. "
                                "Remove it, or choose another data folder with --data-dir.")
                    .arg(path, account.name)));
        if ((st.st_mode & 0777) != 0700 && chmod(native.constData(), 0700) != 0)
            return std::unexpected(folderError(LocalServer::tr("Cannot make %1 private.").arg(path)));
        return {};
    }
    if (mkdir(native.constData(), 0700) != 0 || chmod(native.constData(), 0700) != 0 ||
        (account.switchUser && chown(native.constData(), account.uid, account.gid) != 0))
        return std::unexpected(folderError(LocalServer::tr("Cannot create the folder %1.").arg(path),
                                           QString::fromLocal8Bit(strerror(errno))));
    return {};
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

// pg_ctl hands the paths to a shell inside double quotes and PostgreSQL splits the socket setting at
// commas, so these characters cannot be passed safely.
bool hasUnsafePathCharacter(const QString &path)
{
    for (const QChar c : path) {
        if (c < QLatin1Char(' ') || QStringLiteral("'\"\\$`,").contains(c))
            return true;
    }
    return false;
}

QString shellQuoted(const QString &value)
{
    return QLatin1Char('\'') + value + QLatin1Char('\''); // callers have refused single quotes
}

bool fitsSocketPath(const QString &dir)
{
    return (dir + QStringLiteral("/.s.PGSQL.65535")).toUtf8().size() <= kMaxSocketPath;
}

// A new socket folder for a data folder whose path is too long for a socket: 0700, the server account's,
// with a random name (mkdtemp), so that nobody can create it first to block the server or to listen in.
// It goes to the user's private runtime folder ($XDG_RUNTIME_DIR) when that is the server account's own,
// else to /tmp (not TMPDIR, which may be long too).
Result<QString> makeTemporarySocketDir(const Account &account)
{
    QStringList parents;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    struct stat st
    {};
    if (QDir::isAbsolutePath(runtime) && lstat(QFile::encodeName(runtime).constData(), &st) == 0 &&
        S_ISDIR(st.st_mode) && st.st_uid == account.uid && (st.st_mode & 077) == 0)
        parents << QDir::cleanPath(runtime);
    parents << QStringLiteral("/tmp");
    for (const QString &parent : std::as_const(parents)) {
        QByteArray path = QFile::encodeName(parent + QStringLiteral("/forecourt-XXXXXX"));
        if (!fitsSocketPath(QFile::decodeName(path)))
            continue;
        if (!mkdtemp(path.data())) // 0700
            return std::unexpected(folderError(LocalServer::tr("Cannot create a socket folder in %1.").arg(parent),
                                               QString::fromLocal8Bit(strerror(errno))));
        if (account.switchUser && chown(path.constData(), account.uid, account.gid) != 0) {
            rmdir(path.constData());
            return std::unexpected(folderError(LocalServer::tr("Cannot hand the socket folder %1 to the account "
                                                               "\"%2\".")
                                                   .arg(QFile::decodeName(path), account.name)));
        }
        return QFile::decodeName(path);
    }
    return std::unexpected(folderError(LocalServer::tr("No folder for the server's socket has a path short enough "
                                                       "for a Unix socket.")));
}

// Removes a socket folder made by makeTemporarySocketDir() once its server has stopped, with what a crashed
// server left in it (its socket and the socket's lock file), without following links; a folder that is not
// the server account's is left alone.
void removeTemporarySocketDir(const QString &dir, const Account &account)
{
    const QByteArray path = QFile::encodeName(dir);
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st
    {};
    if (fstat(fd, &st) != 0 || st.st_uid != account.uid) {
        ::close(fd);
        return;
    }
    const QStringList leftovers =
        QDir(dir).entryList({QStringLiteral(".s.PGSQL.*")}, QDir::System | QDir::Hidden | QDir::Files);
    for (const QString &name : leftovers)
        unlinkat(fd, QFile::encodeName(name).constData(), 0);
    ::close(fd);
    if (rmdir(path.constData()) != 0 && errno != ENOENT)
        qCWarning(lcLocalServer) << "cannot remove the socket folder" << dir << strerror(errno);
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
    return QDir(clusterDir()).filePath(QStringLiteral("forecourt.log"));
}

QString LocalServer::clientsDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("clients"));
}

QString LocalServer::markerFile(const char *name) const
{
    return QDir(m_dataDir).filePath(QString::fromLatin1(name));
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
    status.keepRunning = QFileInfo::exists(markerFile("keep-running"));
    status.clients = liveClients();
    const PostmasterInfo info = readPostmasterPid(clusterDir());
    if (info.pid > 0 && isPostmasterOf(info.pid, clusterDir())) {
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
        const QString recordedStart = QString::fromLatin1(readNoFollow(file.filePath(), 64));
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
    if (hasUnsafePathCharacter(m_dataDir))
        return std::unexpected(folderError(tr("The data folder %1 has a quote, backslash, dollar sign, backquote, "
                                              "comma or control character in its path, which PostgreSQL cannot be "
                                              "given safely. Choose a folder without them with --data-dir.")
                                               .arg(m_dataDir)));
    if (account->switchUser) {
        if (const QString blocked = firstUnreachableAncestor(m_dataDir, *account); !blocked.isEmpty())
            return std::unexpected(
                folderError(tr("Forecourt runs as root, so its PostgreSQL server runs as the account \"%1\", which "
                               "cannot reach the folder %2. Choose a data folder it can reach with --data-dir, for "
                               "example under /var/lib/forecourt.")
                                .arg(account->name, blocked)));
    }

    // The data folder stays the user's own. An existing folder is used only when it is empty or already
    // Forecourt's, so --data-dir pointed at a home or shared folder changes nothing there.
    const QDir dir(m_dataDir);
    const mode_t mode = account->switchUser ? 0711 : 0700;
    if (dir.exists()) {
        const QStringList entries =
            dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        const bool ours = entries.contains(QStringLiteral("server.lock")) || entries.contains(kClusterName) ||
                          entries.contains(QStringLiteral("clients"));
        if (!entries.isEmpty() && !ours)
            return std::unexpected(folderError(tr("The folder %1 already holds other files. Choose a new or empty "
                                                  "folder for Forecourt's data with --data-dir.")
                                                   .arg(m_dataDir)));
        struct stat st
        {};
        if (stat(QFile::encodeName(m_dataDir).constData(), &st) != 0 || st.st_uid != geteuid())
            return std::unexpected(folderError(
                tr("The data folder %1 belongs to another account. Choose a folder of your own with --data-dir.")
                    .arg(m_dataDir)));
        if ((st.st_mode & 0777) != mode)
            chmod(QFile::encodeName(m_dataDir).constData(), mode);
    } else if (!QDir().mkpath(m_dataDir) || chmod(QFile::encodeName(m_dataDir).constData(), mode) != 0) {
        return std::unexpected(folderError(tr("Cannot create the data folder %1. Check that you may write there, or "
                                              "choose another one with --data-dir.")
                                               .arg(m_dataDir),
                                           QString::fromLocal8Bit(strerror(errno))));
    }
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
    process.setWorkingDirectory(account->switchUser ? QDir::rootPath() : m_dataDir);
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
        return std::unexpected(folderError(tr("%1 failed.").arg(QFileInfo(program).fileName()),
                                           text.isEmpty() ? process.errorString() : text));
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
    const auto account = ::serverAccount();

    // initdb into a scratch folder and rename it when complete, so an interrupted initdb never leaves
    // a half-made cluster behind.
    const QString scratch = clusterDir() + QStringLiteral(".initdb");
    QDir(scratch).removeRecursively();
    if (auto made = makePrivateFolder(scratch, *account); !made)
        return made;
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
        if (auto made = makePrivateFolder(scratch, *account); !made)
            return made;
        result = runAsServerAccount(binaries->program(QStringLiteral("initdb")), arguments, 300'000);
    }
    if (!result) {
        QDir(scratch).removeRecursively();
        result.error().message = tr("Could not create the local database in %1.").arg(clusterDir());
        return result;
    }
    if (!QDir().rename(scratch, clusterDir()))
        return std::unexpected(folderError(tr("Could not move the new cluster into %1.").arg(clusterDir())));
    return {};
}

Result<QString> LocalServer::prepareSocketDir() const
{
    const auto account = ::serverAccount();
    if (!account)
        return std::unexpected(account.error());
    const QString inside = QDir(m_dataDir).filePath(QStringLiteral("run"));
    if (fitsSocketPath(inside)) {
        if (auto made = makePrivateFolder(inside, *account); !made)
            return std::unexpected(made.error());
        return inside;
    }
    // The folder of an earlier run that crashed, which only the data folder (the user's) records.
    removeSocketDirRecord();
    auto made = makeTemporarySocketDir(*account);
    if (!made)
        return made;
    QFile record(markerFile("socket-dir"));
    if (!record.open(QIODevice::WriteOnly | QIODevice::Truncate) || record.write(QFile::encodeName(*made)) < 0 ||
        !record.flush()) {
        removeTemporarySocketDir(*made, *account);
        return std::unexpected(folderError(tr("Cannot write %1.").arg(record.fileName())));
    }
    return made;
}

void LocalServer::removeSocketDirRecord() const
{
    QFile record(markerFile("socket-dir"));
    const auto account = ::serverAccount();
    if (!account || !record.open(QIODevice::ReadOnly))
        return;
    const QString dir = QFile::decodeName(record.read(4096));
    record.close();
    if (!dir.isEmpty())
        removeTemporarySocketDir(dir, *account);
    record.remove();
}

int LocalServer::choosePort(int previous) const
{
    // The socket lives in a private folder, so any port works for it; a port that is also free on TCP
    // keeps FORECOURT_PG_LISTEN usable and psql's messages unambiguous.
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

Result<LocalServer::Status> LocalServer::start(bool keepRunning)
{
    return startUnderLock(false, AttachMode::Open, keepRunning);
}

Result<LocalServer::Status> LocalServer::attach(AttachMode mode)
{
    return startUnderLock(true, mode, false);
}

Error LocalServer::lockError() const
{
    return folderError(tr("Another Forecourt process has held the lock on %1 for two minutes. If none is running, "
                          "delete %1/server.lock.")
                           .arg(m_dataDir));
}

Result<LocalServer::Status> LocalServer::startUnderLock(bool registerThisProcess, AttachMode mode, bool keepRunning)
{
    if (auto prepared = prepareFolders(); !prepared)
        return std::unexpected(prepared.error());
    Lock lock(m_dataDir);
    if (!lock.locked())
        return std::unexpected(lockError());

    // `server stop` is final for the processes that were attached: they reconnect only to a server
    // someone started again. A newly opened Forecourt starts it.
    if (mode == AttachMode::Reconnect && QFileInfo::exists(markerFile("stopped")) && !status().running)
        return std::unexpected(folderError(tr("The local server was stopped with \"forecourt server stop\". Close "
                                              "and reopen Forecourt, or run \"forecourt server start\", to start it "
                                              "again.")));
    QFile::remove(markerFile("stopped"));
    if (keepRunning) {
        QFile marker(markerFile("keep-running"));
        if (!marker.open(QIODevice::WriteOnly))
            return std::unexpected(folderError(tr("Cannot write %1.").arg(marker.fileName())));
    }

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

    const auto binaries = PgBinaries::find();
    if (!binaries)
        return std::unexpected(binaries.error());

    // A postmaster.pid left by a crash whose PID now belongs to another process (another cluster's
    // postmaster, even) would make the server refuse to start, and must never be signalled.
    const PostmasterInfo stale = readPostmasterPid(clusterDir());
    if (stale.pid > 0 && !isPostmasterOf(stale.pid, clusterDir()))
        QFile::remove(QDir(clusterDir()).filePath(QStringLiteral("postmaster.pid")));

    const auto preparedSocketDir = prepareSocketDir();
    if (!preparedSocketDir)
        return std::unexpected(preparedSocketDir.error());
    const QString socketDir = *preparedSocketDir;

    const int port = choosePort(stale.port);
    // The same goes for the socket's lock file. (A killed postmaster may linger as a zombie, which
    // PostgreSQL takes for a live process; processAlive() does not.)
    const QString socketLock = QDir(socketDir).filePath(QStringLiteral(".s.PGSQL.%1.lock").arg(port));
    if (const qint64 holder = readNoFollow(socketLock, 64).split('\n').value(0).trimmed().toLongLong();
        holder > 0 && !processAlive(holder)) {
        QFile::remove(socketLock);
        QFile::remove(QDir(socketDir).filePath(QStringLiteral(".s.PGSQL.%1").arg(port)));
    }

    const QString listen = qEnvironmentVariable("FORECOURT_PG_LISTEN");
    static const QRegularExpression listenPattern(QStringLiteral("^[0-9A-Za-z.:*-]*$"));
    if (!listenPattern.match(listen).hasMatch())
        return std::unexpected(folderError(tr("FORECOURT_PG_LISTEN must be a host address such as 127.0.0.1.")));
    // Settings go on the server's command line (pg_ctl passes them through a shell), so nothing in the
    // account's folders is written by root.
    QStringList options = {QStringLiteral("-p %1").arg(port), QStringLiteral("-k ") + shellQuoted(socketDir),
                           QStringLiteral("-c listen_addresses=") + shellQuoted(listen),
                           QStringLiteral("-c unix_socket_permissions=0700")};
    if (fastUnsafeMode()) // test suites only: trades durability for speed
        options << QStringLiteral("-c fsync=off -c synchronous_commit=off -c full_page_writes=off");

    // After `kill -9` of the postmaster its children may hold the shared memory for a moment: retry.
    Result<void> started;
    QString output;
    QString newLog;
    const QDeadlineTimer deadline(60'000);
    do {
        qint64 logSize = 0;
        readNoFollow(logFile(), 0, false, &logSize);
        qCInfo(lcLocalServer) << "starting the local PostgreSQL server in" << clusterDir() << "port" << port;
        started = runAsServerAccount(binaries->program(QStringLiteral("pg_ctl")),
                                     {QStringLiteral("start"), QStringLiteral("-D"), clusterDir(), QStringLiteral("-l"),
                                      logFile(), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                                      QStringLiteral("-s"), QStringLiteral("-o"), options.join(QLatin1Char(' '))},
                                     90'000, &output);
        if (started)
            break;
        qint64 logSizeNow = 0;
        readNoFollow(logFile(), 0, false, &logSizeNow);
        newLog = lastLines(readNoFollow(logFile(), std::clamp<qint64>(logSizeNow - logSize, 0, 16384), true), 5);
        if (!newLog.contains(QLatin1String("shared memory block")))
            break;
        QThread::msleep(500);
    } while (!deadline.hasExpired());

    if (!started)
        return std::unexpected(
            folderError(tr("The local PostgreSQL server did not start. Its log is %1.").arg(logFile()),
                        QString(output + QLatin1Char('\n') + newLog).trimmed()));

    current = status();
    if (!current.running)
        return std::unexpected(folderError(
            tr("The local PostgreSQL server started but is not accepting connections. Its log is %1.").arg(logFile()),
            lastLines(readNoFollow(logFile(), 16384, true), 5)));
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
        return std::unexpected(
            folderError(tr("The local PostgreSQL server is running but its database could not be prepared."),
                        QString::fromUtf8(e.what())));
    }
}

Result<void> LocalServer::stop(bool force)
{
    if (!QFileInfo::exists(clusterDir()))
        return {}; // never created: nothing to stop
    Lock lock(m_dataDir);
    if (!lock.locked())
        return std::unexpected(lockError());
    const QList<qint64> others = liveClients();
    if (!others.isEmpty() && !force) {
        QStringList pids;
        for (qint64 pid : others)
            pids << QString::number(pid);
        return std::unexpected(folderError(tr("%n Forecourt process(es) still use this server (PID %1). Close them "
                                              "first, or stop it anyway with --force.",
                                              nullptr, static_cast<int>(others.size()))
                                               .arg(pids.join(QStringLiteral(", ")))));
    }
    QFile::remove(markerFile("keep-running"));
    if (!others.isEmpty()) {
        QFile marker(markerFile("stopped"));
        if (!marker.open(QIODevice::WriteOnly))
            qCWarning(lcLocalServer) << "cannot write" << marker.fileName();
    }
    return stopLocked();
}

Result<void> LocalServer::stopLocked()
{
    const PostmasterInfo info = readPostmasterPid(clusterDir());
    if (info.pid <= 0 || !isPostmasterOf(info.pid, clusterDir())) {
        removeSocketDirRecord(); // left by a server that crashed
        return {};
    }
    qCInfo(lcLocalServer) << "stopping the local PostgreSQL server, PID" << info.pid;
    // SIGINT is PostgreSQL's "fast" shutdown: sessions are ended, the data is left consistent.
    kill(static_cast<pid_t>(info.pid), SIGINT);
    QDeadlineTimer deadline(30'000);
    while (processAlive(info.pid) && !deadline.hasExpired())
        QThread::msleep(20);
    if (processAlive(info.pid)) {
        kill(static_cast<pid_t>(info.pid), SIGQUIT); // immediate shutdown; recovery runs at next start
        return std::unexpected(folderError(tr("The local PostgreSQL server did not stop within 30 seconds and was "
                                              "stopped immediately; it will recover at its next start.")));
    }
    removeSocketDirRecord();
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

namespace {
// How many leases this process holds on each data folder: the process registers once.
QMutex leaseMutex;
QHash<QString, int> leaseCounts;
} // namespace

Result<std::shared_ptr<LocalServerLease>> LocalServerLease::acquire(const QString &dataDir)
{
    LocalServer server(dataDir);
    QMutexLocker locker(&leaseMutex);
    auto status = server.attach(LocalServer::AttachMode::Open);
    if (!status)
        return std::unexpected(status.error());
    ++leaseCounts[server.dataDir()];
    return std::shared_ptr<LocalServerLease>(new LocalServerLease(dataDir, *status));
}

LocalServerLease::~LocalServerLease()
{
    QMutexLocker locker(&leaseMutex);
    if (--leaseCounts[m_server.dataDir()] == 0) {
        leaseCounts.remove(m_server.dataDir());
        m_server.detach();
    }
}

Result<void> LocalServerLease::revive()
{
    QMutexLocker locker(&leaseMutex);
    auto status = m_server.attach(LocalServer::AttachMode::Reconnect);
    if (!status)
        return std::unexpected(status.error());
    m_status = *status;
    return {};
}
