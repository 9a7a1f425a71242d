#pragma once

#include "outbox/EventQueue.h"
#include "services/EventService.h"

#include <QCoreApplication>
#include <QList>

// The first consumer of the events: every event becomes a line of the activity feed in the System
// section, a sentence in the reader's language ("anna changed stock #A1234 (Volkswagen Golf): List price
// €18,900 → €17,500").
class ActivityFeed
{
    Q_DECLARE_TR_FUNCTIONS(ActivityFeed)

public:
    // The handler: records the event (EventService::recordActivity). A price change is not a line of its
    // own: the car's edit it belongs to lists it (one line per edit).
    static void record(pqxx::transaction_base &transaction, const OutboxEvent &event);

    // The line for an event, in the reader's language and number format; amounts in `currency` (ISO 4217).
    static QString summary(const QString &actor, const QString &topic, const QJsonObject &payload,
                           const QString &currency);
    static QString summary(const ActivityEntry &entry);

    // What the feed can be filtered by: the key as the database's activity_kind() (migration 0015) gives
    // it, and its label.
    struct Kind
    {
        QString key;
        QString label;
    };
    static QList<Kind> kinds();
};
