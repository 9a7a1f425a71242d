// The session: who the connection acts as, read from the server, and what that role may do.
#include "Session.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "services/SessionService.h"

#include <QTest>

#include <pqxx/pqxx>

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("session"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    // The role is the server's current_user: a connection that switched to another role (SET ROLE, as
    // a staff login's group role would) is that role, whatever the connection string names.
    void theRoleIsTheServersCurrentUser()
    {
        const QString login = scalar(*m_database, "SELECT session_user");
        const auto asLogin = SessionService::load(*m_database);
        QVERIFY2(asLogin, qPrintable(asLogin ? QString() : asLogin.error().oneLine()));
        QCOMPARE(asLogin->roleName(), login);
        QCOMPARE(asLogin->displayName(), login);
        QVERIFY(asLogin->isConnected());
        QCOMPARE(asLogin->profile().conninfo(), m_database->profile().conninfo());

        // A role of the test's own: roles belong to the cluster, so its name carries the database's.
        const std::string role = "desk_" + m_db->name().toStdString();
        QString error = execute(*m_database, "CREATE ROLE \"" + role + "\" NOLOGIN; GRANT \"" + role +
                                                 "\" TO CURRENT_USER; SET ROLE \"" + role + "\"");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto asDesk = SessionService::load(*m_database);
        error = execute(*m_database, "RESET ROLE; DROP ROLE \"" + role + "\"");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(asDesk, qPrintable(asDesk ? QString() : asDesk.error().oneLine()));
        QCOMPARE(asDesk->roleName(), QString::fromStdString(role));
        QVERIFY(asDesk->roleName() != login);
    }

    // Until the staff section grants them, a connected role may do everything; no session, nothing.
    void todayEveryRoleMayDoEverything()
    {
        const auto session = SessionService::load(*m_database);
        QVERIFY(session);
        QCOMPARE(session->permissions(), Session::allPermissions());
        for (const Session::Permission permission :
             {Session::Permission::EditCars, Session::Permission::ImportCars, Session::Permission::EditBookings,
              Session::Permission::EditCustomers, Session::Permission::RequestVinReports,
              Session::Permission::ManageVinSettings, Session::Permission::ManageEvents})
            QVERIFY(session->may(permission));

        const Session nobody;
        QVERIFY(!nobody.isConnected());
        QVERIFY(!nobody.may(Session::Permission::EditCars));

        const Session desk(m_database->profile(), QStringLiteral("desk"), QStringLiteral("Anna"),
                           Session::Permission::EditBookings | Session::Permission::EditCustomers);
        QVERIFY(desk.may(Session::Permission::EditBookings));
        QVERIFY(desk.may(Session::Permission::EditCustomers));
        QVERIFY(!desk.may(Session::Permission::EditCars));
        QVERIFY(!desk.may(Session::Permission::ManageEvents));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
