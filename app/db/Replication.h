#pragma once

#include "Error.h"

#include <QtGlobal>

#include <chrono>
#include <optional>

class Database;

// Reading from a read replica (a hot standby) that follows the main server: where the main server's
// write-ahead log is, and waiting until the replica has replayed up to there, so a change the main
// server reported is on the replica before it is read there. Blocking: call on a database thread.
namespace Replication {

// The main server's current WAL position (pg_current_wal_insert_lsn() as bytes from 0/0: every commit
// so far is before it), or nothing when `database` is itself a standby.
Result<std::optional<quint64>> currentPosition(Database &database);

// Waits until the standby `database` has replayed the WAL up to `position`, asking every few
// milliseconds, at most `timeout`. True when it has (a server that is not a standby always has); false
// when the time ran out first.
Result<bool> waitForReplay(Database &database, quint64 position, std::chrono::milliseconds timeout);

} // namespace Replication
