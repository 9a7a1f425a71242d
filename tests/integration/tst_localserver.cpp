#include "TestDatabase.h"
#include "db/LocalServer.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// A data folder under /tmp: when the suite runs as root, the server's account must reach it.
QTemporaryDir makeDataDir()
{
    return QTemporaryDir(QDir::tempPath() + QStringLiteral("/tst_localserver-XXXXXX"));
}

int run(const QStringList &arguments, QString *output = nullptr,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(forecourtBinary(), arguments);
    if (!process.waitForFinished(120'000))
        return -1;
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitCode();
}

// Starts the window on the server's data folder and waits until it is attached to the running server.
bool startWindowOn(QProcess &gui, const LocalServer &server)
{
    gui.start(forecourtBinary(), {QStringLiteral("--data-dir"), server.dataDir()});
    return gui.waitForStarted() && QTest::qWaitFor(
                                       [&] {
                                           const LocalServer::Status status = server.status();
                                           return status.running && status.clients.contains(gui.processId());
                                       },
                                       60'000);
}

QString query(const LocalServer::Status &status, const std::string &sql)
{
    pqxx::connection connection(LocalServer::conninfo(status).toStdString());
    pqxx::nontransaction work(connection);
    const pqxx::result result = work.exec(sql);
    return result.empty() ? QString() : QString::fromStdString(result[0][0].c_str());
}
} // namespace

class TestLocalServer : public QObject
{
    Q_OBJECT

private slots:
    void firstStartCreatesAPrivateClusterAndLastDetachStopsIt()
    {
        QTemporaryDir dir = makeDataDir();
        LocalServer server(dir.path());
        QVERIFY(!server.status().initialised);

        const auto status = server.attach();
        QVERIFY2(status, qPrintable(status ? QString() : status.error().oneLine()));
        QVERIFY(status->running);
        QVERIFY(server.status().initialised);
        QCOMPARE(server.status().clients, QList<qint64>{QCoreApplication::applicationPid()});
        QCOMPARE(query(*status, "SHOW server_encoding"), QStringLiteral("UTF8"));
        QCOMPARE(query(*status, "SHOW listen_addresses"), QString());
        QCOMPARE(query(*status, "SELECT current_database()"), QStringLiteral("forecourt"));

        // Private folders: the cluster and the socket folder are 0700; the data folder too, or 0711 under
        // root, where the server's account must pass through it (and root keeps owning it).
        auto mode = [](const QString &path) {
            struct stat st
            {};
            return stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 0777 : 0u;
        };
        QCOMPARE(mode(dir.path()), geteuid() == 0 ? 0711u : 0700u);
        QCOMPARE(mode(server.clusterDir()), 0700u);
        QCOMPARE(mode(status->socketDir), 0700u);
        QVERIFY((status->socketDir + QStringLiteral("/.s.PGSQL.") + QString::number(status->port)).toUtf8().size() <=
                107);

        server.detach();
        QVERIFY(!server.status().running);
    }

    void restartKeepsTheData()
    {
        QTemporaryDir dir = makeDataDir();
        {
            LocalServer server(dir.path());
            const auto status = server.attach();
            QVERIFY(status);
            query(*status, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
            server.detach();
            QVERIFY(!server.status().running);
        }
        LocalServer again(dir.path());
        const auto status = again.attach();
        QVERIFY(status);
        QCOMPARE(query(*status, "SELECT x FROM kept"), QStringLiteral("42"));
        again.detach();
    }

    void sharedByTwoProcesses()
    {
        QTemporaryDir dir = makeDataDir();
        LocalServer server(dir.path());
        const auto status = server.attach();
        QVERIFY(status);

        // A second process uses the same server and leaves it running for us when it exits.
        QString output;
        const int exitCode =
            run({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()}, &output);
        QVERIFY2(exitCode == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("Schema version")), qPrintable(output));
        QVERIFY(server.status().running);
        QCOMPARE(server.status().pid, status->pid);

        // Stopping it from outside is refused while we use it...
        QCOMPARE(
            run({QStringLiteral("server"), QStringLiteral("stop"), QStringLiteral("--data-dir"), dir.path()}, &output),
            1);
        QVERIFY2(output.contains(QStringLiteral("still use")), qPrintable(output));
        QVERIFY(server.status().running);

        server.detach();
        QVERIFY(!server.status().running);
    }

    void recoversAfterKillMinus9OfEverything()
    {
        QTemporaryDir dir = makeDataDir();
        LocalServer server(dir.path());

        QProcess gui;
        QVERIFY(startWindowOn(gui, server));
        const qint64 postmaster = server.status().pid;

        ::kill(static_cast<pid_t>(gui.processId()), SIGKILL);
        QVERIFY(gui.waitForFinished());
        ::kill(static_cast<pid_t>(postmaster), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(!server.status().running, 10'000);

        QString output;
        const int exitCode =
            run({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()}, &output);
        QVERIFY2(exitCode == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("Schema version")), qPrintable(output));
        // The crashed GUI's registration is gone, so the last process out stopped the server.
        QVERIFY(!server.status().running);
        QVERIFY(server.status().clients.isEmpty());
    }

    void longDataDirPathsKeepTheSocketShort()
    {
        QTemporaryDir dir = makeDataDir();
        // QTemporaryDir makes a 0700 folder; the server's account must be able to pass through it.
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup |
                                              QFile::ExeOther);
        const QString deep = dir.path() + QStringLiteral("/") + QString(60, QLatin1Char('d')) + QStringLiteral("/") +
                             QString(60, QLatin1Char('e'));
        LocalServer server(deep);
        const auto status = server.attach();
        QVERIFY2(status, qPrintable(status ? QString() : status.error().oneLine()));
        QVERIFY(!status->socketDir.startsWith(deep));
        QCOMPARE(query(*status, "SELECT 1"), QStringLiteral("1"));
        server.detach();
        QDir(status->socketDir).removeRecursively();
    }

    void staleProcessIdOfAnotherPostgresIsNeitherTrustedNorSignalled()
    {
        // After a power cut, postmaster.pid may name a PID that now belongs to another cluster's
        // postmaster: here the test run's own server.
        LocalServer fixture(TestDatabase::fixtureDataDir());
        const LocalServer::Status other = fixture.status();
        QVERIFY(other.running);

        QTemporaryDir dir = makeDataDir();
        LocalServer server(dir.path());
        QVERIFY(server.attach());
        server.detach();
        QFile pidFile(QDir(server.clusterDir()).filePath(QStringLiteral("postmaster.pid")));
        QVERIFY(pidFile.open(QIODevice::WriteOnly));
        pidFile.write(QByteArray::number(other.pid) + "\n" + QFile::encodeName(server.clusterDir()) + "\n0\n" +
                      QByteArray::number(other.port) + "\n" + QFile::encodeName(other.socketDir) + "\n\n0 0\nready\n");
        pidFile.close();

        QVERIFY(!server.status().running);
        const auto status = server.attach();
        QVERIFY2(status, qPrintable(status ? QString() : status.error().oneLine()));
        QVERIFY(status->pid != other.pid);
        server.detach();
        QVERIFY(fixture.status().running); // the other server was left alone
        QCOMPARE(fixture.status().pid, other.pid);
    }

    void terminationSignalReleasesTheServer()
    {
        QTemporaryDir dir = makeDataDir();
        LocalServer server(dir.path());
        QProcess gui;
        QVERIFY(startWindowOn(gui, server));
        ::kill(static_cast<pid_t>(gui.processId()), SIGTERM);
        QVERIFY(gui.waitForFinished(30'000));
        QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
        QVERIFY(!server.status().running); // it was the last user, so it stopped the server
    }

    void parallelFirstStartsAgree()
    {
        QTemporaryDir dir = makeDataDir();
        QList<QProcess *> processes;
        for (int i = 0; i < 4; ++i) {
            auto *process = new QProcess(this);
            process->start(forecourtBinary(),
                           {QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--data-dir"), dir.path()});
            processes << process;
        }
        for (QProcess *process : processes) {
            QVERIFY(process->waitForFinished(120'000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
            delete process;
        }
        QVERIFY(!LocalServer(dir.path()).status().running);
    }

    void foldersThatAreNotForecourtsAreLeftAlone()
    {
        QTemporaryDir shared = makeDataDir();
        QFile other(shared.filePath(QStringLiteral("someone-elses.txt")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        QFile::setPermissions(shared.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                                 QFile::ExeOther);
        const QFile::Permissions before = QFileInfo(shared.path()).permissions();
        auto refused = LocalServer(shared.path()).attach();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("already holds other files")),
                 qPrintable(refused.error().message));
        QCOMPARE(QFileInfo(shared.path()).permissions(), before);
        QVERIFY(!QFileInfo::exists(shared.filePath(QStringLiteral("pgdata"))));

        refused = LocalServer(shared.filePath(QStringLiteral("it's"))).attach();
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("quote")));
    }

    void administratorsStopIsNotUndoneByReconnecting()
    {
        QTemporaryDir dir = makeDataDir();
        auto lease = LocalServerLease::acquire(dir.path());
        QVERIFY(lease);
        QString output;
        QVERIFY2(run({QStringLiteral("server"), QStringLiteral("stop"), QStringLiteral("--force"),
                      QStringLiteral("--data-dir"), dir.path()},
                     &output) == 0,
                 qPrintable(output));
        const auto revived = (*lease)->revive();
        QVERIFY(!revived);
        QVERIFY(revived.error().message.contains(QStringLiteral("forecourt server stop")));
        QVERIFY(!LocalServer(dir.path()).status().running);

        // A newly opened Forecourt starts it again.
        auto second = LocalServerLease::acquire(dir.path());
        QVERIFY(second);
        QVERIFY((*lease)->revive());
    }

    void asRootAFolderTheServerAccountCannotReachIsNamed()
    {
        if (geteuid() != 0)
            QSKIP("only root hands the server to another account");
        QTemporaryDir dir = makeDataDir(); // 0700, owned by root
        LocalServer server(dir.path() + QStringLiteral("/inside"));
        const auto status = server.attach();
        QVERIFY(!status);
        QVERIFY2(status.error().message.contains(dir.path()), qPrintable(status.error().message));
        QVERIFY(status.error().message.contains(QStringLiteral("--data-dir")));
    }

    void missingBinariesGiveAnActionableMessage()
    {
        QTemporaryDir dir = makeDataDir();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FORECOURT_PG_BIN"), QStringLiteral("/nonexistent/bin"));
        QString output;
        QCOMPARE(run({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()},
                     &output, env),
                 1);
        QVERIFY2(output.contains(QStringLiteral("apt-get install postgresql-15")), qPrintable(output));
        QCOMPARE(output.trimmed().count(QLatin1Char('\n')), 0); // one line
    }
};

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
