#pragma once

#include "Error.h"
#include "outbox/EventQueue.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

class Database;

// An event that failed every attempt.
struct DeadLetter
{
    qint64 id = 0;
    QString topic;
    QString key;
    QJsonObject payload;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime failedAt;
    QJsonArray errors; // one object per attempt: attempt, at, worker, error
};

// One line of the activity feed.
struct ActivityEntry
{
    qint64 eventId = 0;
    QDateTime at;
    QString actor;
    QString topic;
    QString key;
    QJsonObject payload;
    QString currency; // of the amounts (the database's one currency)
};

// Which lines of the activity feed to read; every condition is optional.
struct ActivityFilter
{
    QString kind; // an ActivityFeed::kinds() key
    QString text; // words, each in who did it or in the event's values (stock number, VIN, name, make...)
};

// The events as the System section shows them: the queue, its dead letters and the activity feed. Blocking:
// call on a database thread (the Database overloads) or in the worker's transaction.
class EventService
{
public:
    static Result<EventQueue::Status> status(Database &database);
    static Result<QList<DeadLetter>> deadLetters(Database &database, int limit = 500);
    // Both record what was done in the activity feed; NotFound when the dead letter is gone.
    static Result<void> replay(Database &database, qint64 id);
    static Result<void> discard(Database &database, qint64 id);
    // The newest entries first.
    static Result<QList<ActivityEntry>> activity(Database &database, const ActivityFilter &filter = {},
                                                 int limit = 200);

    // Records `event` as a line of the activity feed; a second delivery of the same event changes nothing.
    static void recordActivity(pqxx::transaction_base &transaction, const OutboxEvent &event);
};
