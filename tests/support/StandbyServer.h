#pragma once

#include "db/ConnectionProfile.h"
#include "db/LocalServer.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <sys/types.h>

// A hot standby of the test run's fixture server (the PostgreSQL TestDatabase uses): a base backup made
// with `pg_basebackup -R` (standby.signal and primary_conninfo) into a new folder under /tmp, started on
// a Unix socket in that folder; it streams the fixture's changes until it is stopped. Stopped and removed
// when the object goes. Run as root, the tools run as the fixture cluster's owner, like LocalServer.
class StandbyServer
{
public:
    StandbyServer();
    ~StandbyServer();
    StandbyServer(const StandbyServer &) = delete;
    StandbyServer &operator=(const StandbyServer &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    // key=value connection string for `database` on the standby.
    QString conninfo(const QString &database) const;
    ConnectionProfile profile(const QString &database) const { return ConnectionProfile::server(conninfo(database)); }

    // Stops the standby now (its folder stays until the object goes).
    void stop();

private:
    // Runs a PostgreSQL program as the cluster's owner; the error names the program and its output.
    QString run(const QString &program, const QStringList &arguments, int timeoutMs) const;

    std::shared_ptr<LocalServerLease> m_fixture;
    QString m_folder;
    QString m_binDir;
    int m_port = 0;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    bool m_running = false;
    QString m_error;
};
