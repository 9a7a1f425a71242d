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

        // Private folders: the data folder and the socket folder are 0700.
        for (const QString &path : {dir.path(), status->socketDir}) {
            struct stat st
            {};
            QCOMPARE(stat(QFile::encodeName(path).constData(), &st), 0);
            QCOMPARE(st.st_mode & 0777, 0700u);
        }
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
        QCOMPARE(
            run({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()}, &output),
            0);
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
        gui.start(forecourtBinary(), {QStringLiteral("--data-dir"), dir.path()});
        QVERIFY(gui.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server.status().running && server.status().clients.contains(gui.processId()), 60'000);
        const qint64 postmaster = server.status().pid;

        ::kill(static_cast<pid_t>(gui.processId()), SIGKILL);
        QVERIFY(gui.waitForFinished());
        ::kill(static_cast<pid_t>(postmaster), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(!server.status().running, 10'000);

        QString output;
        QCOMPARE(
            run({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()}, &output),
            0);
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
