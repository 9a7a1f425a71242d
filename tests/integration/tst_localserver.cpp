#include "TestDatabase.h"
#include "db/LocalServer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <csignal>
#include <pwd.h>
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

uid_t serverAccountUid(const LocalServer &server)
{
    const passwd *account = getpwnam(server.serverAccount().toLocal8Bit().constData());
    return account ? account->pw_uid : uid_t(-1);
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

    // A data folder whose path is too long for a socket gets its socket folder elsewhere: a new one with a
    // random name, private to the server's account, removed when the server stops, and after a crash at the
    // next start. The name Forecourt used to derive from the data folder, taken first by someone else
    // (another account's folder, or a file), no longer blocks the server.
    void longDataDirPathsGetAPrivateUnpredictableSocketFolder()
    {
        QTemporaryDir dir = makeDataDir();
        // QTemporaryDir makes a 0700 folder; the server's account must be able to pass through it.
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup |
                                              QFile::ExeOther);
        const QString deep = dir.path() + QStringLiteral("/") + QString(60, QLatin1Char('d')) + QStringLiteral("/") +
                             QString(60, QLatin1Char('e'));
        LocalServer server(deep);
        const QString predictable =
            QStringLiteral("/tmp/forecourt-%1-%2")
                .arg(geteuid())
                .arg(QString::fromLatin1(
                    QCryptographicHash::hash(server.dataDir().toUtf8(), QCryptographicHash::Sha1).toHex().left(12)));
        const QByteArray squatted = QFile::encodeName(predictable);
        if (geteuid() == 0) {
            QVERIFY(mkdir(squatted.constData(), 0755) == 0);
            QVERIFY(chown(squatted.constData(), 65534, 65534) == 0); // nobody's
        } else {
            QFile file(predictable);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const auto cleanUp = qScopeGuard([&] {
            QFile::remove(predictable);
            rmdir(squatted.constData());
        });

        const auto status = server.attach();
        QVERIFY2(status, qPrintable(status ? QString() : status.error().oneLine()));
        const QString socketDir = status->socketDir;
        QVERIFY(!socketDir.startsWith(deep));
        QVERIFY(socketDir != predictable);
        QVERIFY2(socketDir.startsWith(QStringLiteral("/tmp/forecourt-")) ||
                     socketDir.startsWith(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/forecourt-")),
                 qPrintable(socketDir));
        struct stat st
        {};
        QCOMPARE(lstat(QFile::encodeName(socketDir).constData(), &st), 0);
        QVERIFY(S_ISDIR(st.st_mode));
        QCOMPARE(st.st_mode & 0777, 0700u);
        QCOMPARE(st.st_uid, serverAccountUid(server));
        QCOMPARE(query(*status, "SELECT 1"), QStringLiteral("1"));
        server.detach();
        QVERIFY(!server.status().running);
        QVERIFY2(!QFileInfo::exists(socketDir), qPrintable(socketDir));

        // Each start a new name; after kill -9 of the server the next start removes the old folder.
        const auto again = server.attach();
        QVERIFY(again);
        QVERIFY(again->socketDir != socketDir);
        ::kill(static_cast<pid_t>(again->pid), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(!server.status().running, 10'000);
        QVERIFY(QFileInfo::exists(again->socketDir));
        const auto afterCrash = server.attach(LocalServer::AttachMode::Reconnect);
        QVERIFY2(afterCrash, qPrintable(afterCrash ? QString() : afterCrash.error().oneLine()));
        QVERIFY(!QFileInfo::exists(again->socketDir));
        server.detach();
        QVERIFY(!QFileInfo::exists(afterCrash->socketDir));
    }

    // With $XDG_RUNTIME_DIR, a private folder of the server's account, the socket folder goes there.
    void socketFolderPrefersThePrivateRuntimeFolder()
    {
        QTemporaryDir dir = makeDataDir();
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup |
                                              QFile::ExeOther);
        LocalServer server(dir.path() + QStringLiteral("/") + QString(100, QLatin1Char('r')));
        QTemporaryDir runtime(QStringLiteral("/tmp/xdg-XXXXXX"));
        const QByteArray runtimePath = QFile::encodeName(runtime.path());
        QVERIFY(chown(runtimePath.constData(), serverAccountUid(server), gid_t(-1)) == 0);
        QVERIFY(chmod(runtimePath.constData(), 0700) == 0);
        const QByteArray previous = qgetenv("XDG_RUNTIME_DIR");
        qputenv("XDG_RUNTIME_DIR", runtimePath);
        const auto restore = qScopeGuard(
            [&] { previous.isNull() ? qunsetenv("XDG_RUNTIME_DIR") : qputenv("XDG_RUNTIME_DIR", previous); });

        const auto status = server.attach();
        QVERIFY2(status, qPrintable(status ? QString() : status.error().oneLine()));
        QVERIFY2(status->socketDir.startsWith(runtime.path() + QStringLiteral("/forecourt-")),
                 qPrintable(status->socketDir));
        QCOMPARE(query(*status, "SELECT 1"), QStringLiteral("1"));
        server.detach();
        QVERIFY(!QFileInfo::exists(status->socketDir));
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
