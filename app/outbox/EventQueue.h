#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <stdexcept>

#include <pqxx/connection>
#include <pqxx/transaction_base>

// One event of the outbox as a worker handles it.
struct OutboxEvent
{
    qint64 id = 0;
    QString topic;
    QString key;
    QJsonObject payload;
    int attempts = 0; // including the one in hand
    QDateTime createdAt;
    QString createdBy;
};

// What a worker does with the events of a topic. A handler writes its effect in `transaction` (the event
// is removed in the same transaction, so an effect and its event's removal commit together) and throws to
// fail the attempt. Handlers are idempotent: an event may be delivered again after a worker died.
using EventHandler = std::function<void(pqxx::transaction_base &transaction, const OutboxEvent &event)>;

// Work for the events of a claimed batch that must not hold a transaction open: network calls, say. A
// preparer runs before the batch's transaction, with the events of its topics (no transaction open on
// `connection`; it may read in its own), and leaves its results for its handler. A handler whose event
// found no prepared result throws, and the event comes back later.
using EventPreparer = std::function<void(pqxx::connection &connection, const QList<OutboxEvent> &events)>;

// Thrown by a handler whose event should come back soon without counting as a failed attempt: its
// preparer did not get to it within the batch's time.
class EventPostponed : public std::runtime_error
{
public:
    EventPostponed()
        : std::runtime_error("postponed")
    {}
};

// Handlers by topic pattern: "car.price_changed", "car.*" (a prefix) or "*" (every event).
class EventHandlers
{
public:
    void add(const QString &pattern, EventHandler handler);
    // The handlers for `topic`, in the order they were added. None: the event is simply removed.
    QList<EventHandler> forTopic(const QString &topic) const;

    void addPreparer(const QString &pattern, EventPreparer preparer);
    // Runs each preparer with the events of `events` that match its pattern (none: not called). A
    // preparer that throws is logged and skipped, unless the connection broke.
    void prepare(pqxx::connection &connection, const QList<OutboxEvent> &events) const;

private:
    QList<std::pair<QString, EventHandler>> m_handlers;
    QList<std::pair<QString, EventPreparer>> m_preparers;
};

// The queue operations of a worker, on the worker's own connection (blocking).
//
// Claim: a batch of due events, each the oldest of its key (so the events of one key are handled one
// after the other, in order, whichever worker takes them), locked with FOR UPDATE SKIP LOCKED and leased
// to the worker. Process: in one transaction the worker locks the events it still holds, runs each
// event's handlers in a savepoint, removes the handled ones, reschedules the failed ones with exponential
// backoff and jitter, and moves those that failed `maxAttempts` times to outbox_dead_letters with every
// attempt's error. A worker that dies leaves its leases to expire; another worker then claims the events.
namespace EventQueue {

struct Options
{
    int batchSize = 200;
    int maxAttempts = 10;
    int leaseMs = 30000;
    int backoffBaseMs = 1000;      // the delay after the first failure; it doubles with each attempt
    int backoffMaxMs = 10 * 60000; // and stops growing here
};

struct BatchResult
{
    int handled = 0;
    int retried = 0;
    int deadLettered = 0;
    int lost = 0;      // events whose lease had passed to another worker: left to it
    int postponed = 0; // due again at once, the attempt not counted (EventPostponed)
};

QList<OutboxEvent> claim(pqxx::connection &connection, const QString &worker, const Options &options);
BatchResult process(pqxx::connection &connection, const QString &worker, const QList<OutboxEvent> &events,
                    const EventHandlers &handlers, const Options &options);
// Gives back the leases `worker` holds (on a clean stop): the events are due again at once, and the
// claim that took them does not count as an attempt.
int release(pqxx::connection &connection, const QString &worker);

// Writes or renews `worker`'s row in worker_heartbeats (host, pid, version), removes the rows of workers
// silent for longer than `forgetSilentWorkersAfterMs` and the event statistics older than a day.
void heartbeat(pqxx::connection &connection, const QString &worker, int forgetSilentWorkersAfterMs);
// Removes `worker`'s heartbeat row (a clean stop).
void removeHeartbeat(pqxx::connection &connection, const QString &worker);
// Vacuums outbox_events (see kVacuumAfterEvents in EventWorker); never waits for another worker's vacuum.
void vacuum(pqxx::connection &connection);

// The delay before attempt `attempts + 1` after a failure: base × 2^(attempts-1), at most max, of which a
// random half (equal jitter, so that failed events do not come back in lockstep).
qint64 backoffMs(int attempts, const Options &options);

// Puts a dead-lettered event back into the queue (as a new event at the end of its key) and records the
// replay in the feed; or discards it. Both return false when no dead letter has the id.
bool replay(pqxx::transaction_base &transaction, qint64 deadLetterId);
bool discard(pqxx::transaction_base &transaction, qint64 deadLetterId);

// The queue as the System section and `forecourt health` show it.
struct WorkerStatus
{
    QString id;
    QString host;
    qint64 pid = 0;
    QString version;
    qint64 secondsSinceSeen = 0;
};
struct Status
{
    qint64 pending = 0;           // events in the queue, due or not
    qint64 due = 0;               // events that could be handled now
    qint64 oldestDueSeconds = 0;  // how long the oldest due event has waited (0: none)
    qint64 handledLastMinute = 0; // in the last full minute (per minute), by every worker
    qint64 failedLastMinute = 0;  // failed attempts in the same minute
    qint64 deadLetters = 0;
    QList<WorkerStatus> workers; // every heartbeat row, freshest first
};
Status status(pqxx::transaction_base &transaction);

} // namespace EventQueue
