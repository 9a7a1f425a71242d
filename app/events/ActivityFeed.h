#pragma once

#include "EventQueue.h"

#include <QCoreApplication>

// The first consumer of the events: every event becomes a line of the activity feed in the System
// section ("anna changed the price of stock #A1234 from 18,900 to 17,500").
class ActivityFeed
{
    Q_DECLARE_TR_FUNCTIONS(ActivityFeed)

public:
    // The handler: records the event (a second delivery of the same event changes nothing).
    static void record(pqxx::transaction_base &transaction, const OutboxEvent &event);

    // The line for an event, in the reader's language and number format.
    static QString summary(const QString &actor, const QString &topic, const QString &key, const QJsonObject &payload);
};
