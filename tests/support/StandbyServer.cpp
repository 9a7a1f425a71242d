#include "StandbyServer.h"

#include "TestDatabase.h"
#include "db/PgBinaries.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

StandbyServer::StandbyServer()
{
    if (TestDatabase::fixtureDataDir().isEmpty()) {
        m_error = QStringLiteral("FORECOURT_TEST_DATA_DIR is not set: run the test through ctest");
        return;
    }
    auto lease = LocalServerLease::acquire(TestDatabase::fixtureDataDir());
    if (!lease) {
        m_error = lease.error().oneLine();
        return;
    }
    m_fixture = *lease;
    const auto binaries = PgBinaries::find();
    if (!binaries) {
        m_error = binaries.error().oneLine();
        return;
    }
    m_binDir = binaries->dir();

    // The standby runs as the fixture cluster's owner (PostgreSQL refuses root, and the copy must be theirs).
    struct stat cluster
    {};
    if (::stat(QFile::encodeName(LocalServer(TestDatabase::fixtureDataDir()).clusterDir()).constData(), &cluster) !=
        0) {
        m_error = QStringLiteral("the fixture's cluster folder cannot be read");
        return;
    }
    m_uid = cluster.st_uid;
    m_gid = cluster.st_gid;

    // A short path: the socket lives in it (at most 107 bytes).
    QByteArray folder = QByteArrayLiteral("/tmp/fc-standby-XXXXXX");
    if (!::mkdtemp(folder.data())) {
        m_error = QStringLiteral("no folder for the standby under /tmp");
        return;
    }
    m_folder = QString::fromLocal8Bit(folder);
    if (::chown(folder.constData(), m_uid, m_gid) != 0) {
        m_error = QStringLiteral("the standby's folder cannot be given to the cluster's owner");
        return;
    }

    const LocalServer::Status primary = m_fixture->status();
    const QString data = m_folder + QStringLiteral("/data");
    m_error = run(QStringLiteral("pg_basebackup"),
                  {QStringLiteral("-D"), data, QStringLiteral("-h"), primary.socketDir, QStringLiteral("-p"),
                   QString::number(primary.port), QStringLiteral("-U"), LocalServer::userName(), QStringLiteral("-R"),
                   QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("-c"), QStringLiteral("fast"),
                   QStringLiteral("--no-sync")},
                  180'000);
    if (!m_error.isEmpty())
        return;

    // Its own socket folder, so any port number is free; no TCP.
    m_port = primary.port + 1;
    m_error = run(
        QStringLiteral("pg_ctl"),
        {QStringLiteral("start"), QStringLiteral("-D"), data, QStringLiteral("-l"), m_folder + QStringLiteral("/log"),
         QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-s"), QStringLiteral("-o"),
         QStringLiteral("-p %1 -k %2 -c listen_addresses='' -c fsync=off -c hot_standby=on").arg(m_port).arg(m_folder)},
        90'000);
    m_running = m_error.isEmpty();
}

StandbyServer::~StandbyServer()
{
    stop();
    if (!m_folder.isEmpty())
        QDir(m_folder).removeRecursively();
}

void StandbyServer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    const QString error =
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("stop"), QStringLiteral("-D"), m_folder + QStringLiteral("/data"), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-s")},
            60'000);
    if (!error.isEmpty())
        qWarning("could not stop the standby: %s", qPrintable(error));
}

QString StandbyServer::conninfo(const QString &database) const
{
    return ConnectionProfile::keywordValue({{QStringLiteral("host"), m_folder},
                                            {QStringLiteral("port"), QString::number(m_port)},
                                            {QStringLiteral("dbname"), database},
                                            {QStringLiteral("user"), LocalServer::userName()}});
}

QString StandbyServer::run(const QString &program, const QStringList &arguments, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_folder);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys())
        if (name.startsWith(QLatin1String("PG")))
            environment.remove(name);
    process.setProcessEnvironment(environment);
    if (::geteuid() == 0 && m_uid != 0) {
        const uid_t uid = m_uid;
        const gid_t gid = m_gid;
        process.setChildProcessModifier([uid, gid] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(126);
        });
    }
    process.start(QDir(m_binDir).filePath(program), arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (!finished)
        process.kill();
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return {};
    return QStringLiteral("%1 failed: %2").arg(program, output.isEmpty() ? process.errorString() : output);
}
