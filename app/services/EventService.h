#pragma once

#include "Error.h"
#include "events/EventQueue.h"

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
    QString summary() const;
};

// Which lines of the activity feed to read; every condition is optional.
struct ActivityFilter
{
    QString kind; // an ActivityFeed::kinds() key
    QString text; // words, each in who did it or in the event's values (stock number, VIN, name, make...)
};

// A message for one staff member (a saved-search alert, a booking reminder, VIN reports ready).
struct Notification
{
    qint64 id = 0;
    QDateTime at;
    QString title;
    QString body;
    qint64 carId = 0;
    qint64 bookingId = 0;
    bool read = false;
    qint64 vinRequestId = 0;
};

// The events as the System section shows them, and the notifications they made. Blocking: call on a database thread.
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
    // The connected user's notifications, newest first; and marking them all read.
    static Result<QList<Notification>> notifications(Database &database, int limit = 50);
    static Result<void> markNotificationsRead(Database &database);
};
