#include "TestDatabase.h"

#include "db/Database.h"
#include "services/SystemService.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <pqxx/pqxx>

QString TestDatabase::fixtureDataDir()
{
    return qEnvironmentVariable("FORECOURT_TEST_DATA_DIR");
}

QString forecourtBinary()
{
    return qEnvironmentVariable("FORECOURT_BINARY");
}

TestDatabase::TestDatabase(const QString &label)
{
    if (fixtureDataDir().isEmpty()) {
        m_error = QStringLiteral("FORECOURT_TEST_DATA_DIR is not set: run the test through ctest");
        return;
    }
    auto lease = LocalServerLease::acquire(fixtureDataDir());
    if (!lease) {
        m_error = lease.error().oneLine();
        return;
    }
    m_lease = *lease;
    QString name = QStringLiteral("t_%1_%2").arg(label.toLower()).arg(QCoreApplication::applicationPid());
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    try {
        adminExec("DROP DATABASE IF EXISTS " + name.toStdString());
        adminExec("CREATE DATABASE " + name.toStdString());
        m_name = name;
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what());
    }
}

TestDatabase::~TestDatabase()
{
    if (m_name.isEmpty())
        return;
    try {
        adminExec("DROP DATABASE IF EXISTS " + m_name.toStdString() + " WITH (FORCE)");
    } catch (const std::exception &e) {
        qWarning("could not drop test database: %s", e.what());
    }
}

void TestDatabase::adminExec(const std::string &sql)
{
    QString conninfo = LocalServer::conninfo(m_lease->status());
    conninfo += QStringLiteral(" dbname='postgres'");
    pqxx::connection connection(conninfo.toStdString());
    pqxx::nontransaction work(connection);
    work.exec(sql);
}

QString TestDatabase::conninfo() const
{
    LocalServer::Status status = m_lease->status();
    return ConnectionProfile::keywordValue({{QStringLiteral("host"), status.socketDir},
                                            {QStringLiteral("port"), QString::number(status.port)},
                                            {QStringLiteral("dbname"), m_name},
                                            {QStringLiteral("user"), LocalServer::userName()}});
}

std::unique_ptr<Database> TestDatabase::openMigrated() const
{
    auto database = Database::open(profile());
    if (!database) {
        qWarning("%s", qPrintable(database.error().oneLine()));
        return nullptr;
    }
    if (const auto migrated = SystemService::migrate(**database); !migrated) {
        qWarning("%s", qPrintable(migrated.error().oneLine()));
        return nullptr;
    }
    return std::move(*database);
}

QString scalar(Database &database, const std::string &sql)
{
    const auto value = database.guard([&](pqxx::connection &connection) {
        pqxx::nontransaction work(connection);
        const pqxx::field field = work.exec1(sql)[0];
        return field.is_null() ? QString() : QString::fromUtf8(field.c_str());
    });
    if (!value)
        qWarning("%s", qPrintable(value.error().oneLine()));
    return value.value_or(QString());
}

QString execute(Database &database, const std::string &sql)
{
    const auto done = database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        work.exec(sql);
        work.commit();
    });
    return done ? QString() : done.error().oneLine();
}
