#include "db/ConnectionProfile.h"
#include "db/DbErrors.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <optional>

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (const char *name : {"PGHOST", "PGHOSTADDR", "PGSERVICE", "PGDATABASE", "PGPORT"})
            qunsetenv(name);
    }

    void quotesKeywordValues()
    {
        const QString conninfo =
            ConnectionProfile::keywordValue({{QStringLiteral("host"), QStringLiteral("/tmp/a b")},
                                             {QStringLiteral("password"), QStringLiteral("it's\\x")}});
        QCOMPARE(conninfo, QStringLiteral("host='/tmp/a b' password='it\\'s\\\\x'"));
        // libpq must read back exactly what went in.
        const ConnectionProfile profile = ConnectionProfile::server(conninfo + QStringLiteral(" port=6543"));
        QVERIFY(profile.validate());
        QCOMPARE(profile.effectiveFields().host, QStringLiteral("/tmp/a b"));
        QCOMPARE(profile.effectiveFields().port, 6543);
    }

    void fieldsBuildAConnectionString()
    {
        ConnectionProfile::Fields fields;
        fields.host = QStringLiteral("db.example.com");
        fields.port = 5433;
        fields.database = QStringLiteral("dealer");
        fields.user = QStringLiteral("anna");
        fields.password = QStringLiteral("secret");
        fields.sslMode = QStringLiteral("require");
        const ConnectionProfile profile = ConnectionProfile::server(fields);
        const ConnectionProfile::Fields parsed = profile.effectiveFields();
        QCOMPARE(parsed.host, fields.host);
        QCOMPARE(parsed.port, 5433);
        QCOMPARE(parsed.database, QStringLiteral("dealer"));
        QCOMPARE(parsed.user, QStringLiteral("anna"));
        QCOMPARE(parsed.sslMode, QStringLiteral("require"));
        QVERIFY(!profile.redactedConninfo().contains(QStringLiteral("secret")));
        QVERIFY(profile.describe().contains(QStringLiteral("db.example.com:5433")));
    }

    void acceptsUris()
    {
        const ConnectionProfile profile =
            ConnectionProfile::server(QStringLiteral("postgresql://bob@db.local:6000/fleet"));
        QVERIFY(profile.validate());
        QCOMPARE(profile.effectiveFields().host, QStringLiteral("db.local"));
        QCOMPARE(profile.effectiveFields().database, QStringLiteral("fleet"));
        QCOMPARE(profile.effectiveFields().user, QStringLiteral("bob"));
    }

    void refusesBrokenConnectionStrings()
    {
        const auto result = ConnectionProfile::server(QStringLiteral("host='unterminated")).validate();
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::InvalidInput);
        QVERIFY(result.error().message.contains(QStringLiteral("URI")));
    }

    void resolvePrecedence()
    {
        QCOMPARE(ConnectionProfile::resolve(QStringLiteral("host=x"), QString()).kind(),
                 ConnectionProfile::Kind::Server);
        QCOMPARE(ConnectionProfile::resolve(QString(), QStringLiteral("/tmp/d")).dataDir(), QStringLiteral("/tmp/d"));
        QVERIFY(ConnectionProfile::resolve(QString(), QString()).isLocal());
        qputenv("PGHOST", "db.example.com");
        const ConnectionProfile fromEnv = ConnectionProfile::resolve(QString(), QString());
        qunsetenv("PGHOST");
        QCOMPARE(fromEnv.kind(), ConnectionProfile::Kind::Server);
        QVERIFY(fromEnv.conninfo().isEmpty()); // libpq reads the PG* variables itself
    }

    void savesWithoutPassword()
    {
        QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("ForecourtTest"),
                           QStringLiteral("profile"));
        ConnectionProfile::server(QStringLiteral("host=h user=u password=topsecret dbname=d")).save(settings);
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("topsecret"));
        const ConnectionProfile loaded = ConnectionProfile::load(settings);
        QCOMPARE(loaded.effectiveFields().host, QStringLiteral("h"));
        QCOMPARE(loaded.effectiveFields().user, QStringLiteral("u"));
    }

    // The Reports server: nothing saved means the main connection; saved without its password; cleared again.
    void reportsServerSavesWithoutPassword()
    {
        QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("ForecourtTest"),
                           QStringLiteral("reports"));
        settings.clear();
        QVERIFY(!ConnectionProfile::loadReports(settings));
        const ConnectionProfile replica = ConnectionProfile::server(
            QStringLiteral("host=replica.example port=5433 user=u password=hushhush dbname=d"));
        QCOMPARE(replica.password(), QStringLiteral("hushhush"));
        ConnectionProfile::saveReports(settings, replica);
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("hushhush"));
        const std::optional<ConnectionProfile> loaded = ConnectionProfile::loadReports(settings);
        QVERIFY(loaded);
        QCOMPARE(loaded->effectiveFields().host, QStringLiteral("replica.example"));
        QCOMPARE(loaded->effectiveFields().port, 5433);
        QVERIFY(!loaded->hasPassword());
        // The password from the keychain goes back in for the session.
        QCOMPARE(loaded->withPassword(QStringLiteral("it's \\ secret")).password(), QStringLiteral("it's \\ secret"));
        ConnectionProfile::saveReports(settings, std::nullopt);
        QVERIFY(!ConnectionProfile::loadReports(settings));
    }

    // A read-only profile sets default_transaction_read_only, keeping options already given.
    void readOnlyKeepsOptions()
    {
        const ConnectionProfile plain = ConnectionProfile::server(QStringLiteral("host=h dbname=d")).readOnly();
        QVERIFY2(plain.conninfo().contains(QStringLiteral("options='-c default_transaction_read_only=on'")),
                 qPrintable(plain.conninfo()));
        const ConnectionProfile withOptions =
            ConnectionProfile::server(QStringLiteral("postgresql://u@h/d?options=-c%20work_mem%3D8MB")).readOnly();
        QVERIFY2(withOptions.conninfo().contains(
                     QStringLiteral("options='-c work_mem=8MB -c default_transaction_read_only=on'")),
                 qPrintable(withOptions.conninfo()));
        QCOMPARE(withOptions.readOnly().conninfo(), withOptions.conninfo()); // not added twice
        QVERIFY(ConnectionProfile::local(QStringLiteral("/tmp/x")).readOnly().isLocal());
    }

    void addsTimeoutsUnlessGiven()
    {
        qunsetenv("PGCONNECT_TIMEOUT");
        const auto fields = [](const QString &conninfo) {
            return ConnectionProfile::server(ConnectionProfile::withConnectionDefaults(conninfo));
        };
        const QString plain = ConnectionProfile::withConnectionDefaults(QStringLiteral("host=db.example.com"));
        QVERIFY2(plain.contains(QStringLiteral("connect_timeout='10'")), qPrintable(plain));
        QVERIFY(plain.contains(QStringLiteral("keepalives='1'")));
        QVERIFY(plain.contains(QStringLiteral("tcp_user_timeout='30000'")));
        QVERIFY(plain.contains(QStringLiteral("application_name='forecourt'")));
        QVERIFY(fields(QStringLiteral("host=h")).validate());

        // What the user gave wins, from a URI as well.
        const QString given = ConnectionProfile::withConnectionDefaults(
            QStringLiteral("postgresql://anna@db.example.com:6000/fleet?connect_timeout=3"));
        QVERIFY2(given.contains(QStringLiteral("connect_timeout='3'")), qPrintable(given));
        QVERIFY(!given.contains(QStringLiteral("connect_timeout='10'")));
        QCOMPARE(ConnectionProfile::server(given).effectiveFields().port, 6000);

        // So does a PG* variable.
        qputenv("PGCONNECT_TIMEOUT", "4");
        const QString fromEnvironment = ConnectionProfile::withConnectionDefaults(QStringLiteral("host=h"));
        qunsetenv("PGCONNECT_TIMEOUT");
        QVERIFY(!fromEnvironment.contains(QStringLiteral("connect_timeout")));
    }

    void classifiesConnectionFailures_data()
    {
        QTest::addColumn<QString>("libpqMessage");
        QTest::addColumn<Error::Code>("code");
        QTest::addColumn<QString>("advice");
        QTest::newRow("wrong host")
            << QStringLiteral("could not translate host name \"nope\" to address: Name or service not known")
            << Error::Code::HostNotFound << QStringLiteral("host name");
        QTest::newRow("password") << QStringLiteral("FATAL:  password authentication failed for user \"anna\"")
                                  << Error::Code::AuthenticationFailed << QStringLiteral("password");
        QTest::newRow("down") << QStringLiteral(
                                     "connection to server at \"127.0.0.1\", port 5 failed: Connection refused")
                              << Error::Code::ServerUnreachable << QStringLiteral("running");
        QTest::newRow("no database") << QStringLiteral("FATAL:  database \"nope\" does not exist")
                                     << Error::Code::DatabaseMissing << QStringLiteral("database name");
    }

    void classifiesConnectionFailures()
    {
        QFETCH(QString, libpqMessage);
        QFETCH(Error::Code, code);
        QFETCH(QString, advice);
        const Error error = DbErrors::fromConnectionFailure(libpqMessage, QStringLiteral("db.example.com"));
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(advice), qPrintable(error.message));
        QCOMPARE(error.detail, libpqMessage);
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
