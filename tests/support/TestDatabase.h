#pragma once

#include "db/ConnectionProfile.h"
#include "db/LocalServer.h"

#include <QString>

#include <memory>

class Database;

// A fresh, empty database on the test run's private PostgreSQL server (started by the CTest fixture,
// found through FORECOURT_TEST_DATA_DIR), dropped again when the object goes.
class TestDatabase
{
public:
    explicit TestDatabase(const QString &label);
    ~TestDatabase();

    bool isValid() const { return !m_name.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    // key=value connection string for this database.
    QString conninfo() const;
    ConnectionProfile profile() const { return ConnectionProfile::server(conninfo()); }

    // This database opened and migrated to the current schema, or null (the reason in a QWARN).
    std::unique_ptr<Database> openMigrated() const;

    // The fixture's data folder.
    static QString fixtureDataDir();

private:
    void adminExec(const std::string &sql);
    std::shared_ptr<LocalServerLease> m_lease;
    QString m_name;
    QString m_error;
};

// The first column of the first row of `sql`, as text ("" for NULL).
QString scalar(Database &database, const std::string &sql);
// Runs `sql` (one statement or several) in a transaction of its own: empty when it went through, else
// the reason.
QString execute(Database &database, const std::string &sql);

// Path of the forecourt executable under test.
QString forecourtBinary();
