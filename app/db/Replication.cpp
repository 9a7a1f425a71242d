#include "Replication.h"

#include "Database.h"
#include "Logging.h"

#include <QDeadlineTimer>
#include <QThread>

#include <pqxx/pqxx>

namespace Replication {

namespace {
// A pg_lsn as a number of bytes: the SQL writes `lsn - '0/0'` (a numeric) as text.
std::optional<quint64> bytes(const pqxx::field &field)
{
    if (field.is_null())
        return std::nullopt;
    bool ok = false;
    const quint64 value = QString::fromUtf8(field.c_str()).toULongLong(&ok);
    return ok ? std::optional<quint64>(value) : std::nullopt;
}
} // namespace

Result<std::optional<quint64>> currentPosition(Database &database)
{
    return database.guard([](pqxx::connection &connection) -> std::optional<quint64> {
        pqxx::nontransaction work(connection);
        // The insert position, not the write position: with synchronous_commit off a commit returns before
        // its record is written, and the replica gets it only once the WAL writer has written it.
        const pqxx::row row = work.exec1("SELECT CASE WHEN pg_is_in_recovery() THEN NULL "
                                         "ELSE (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::text END");
        return bytes(row[0]);
    });
}

Result<bool> waitForReplay(Database &database, quint64 position, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    return database.guard([&](pqxx::connection &connection) -> bool {
        pqxx::nontransaction work(connection);
        for (;;) {
            const pqxx::row row = work.exec1("SELECT pg_is_in_recovery(), "
                                             "(pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::text");
            if (!row[0].as<bool>())
                return true;
            const std::optional<quint64> replayed = bytes(row[1]);
            if (replayed && *replayed >= position)
                return true;
            if (deadline.hasExpired()) {
                qCInfo(lcDb) << "the replica has not replayed" << position << "yet, only" << (replayed ? *replayed : 0);
                return false;
            }
            QThread::msleep(5);
        }
    });
}

} // namespace Replication
