#pragma once

#include "outbox/EventQueue.h"

#include <QCoreApplication>

// Saved-search alerts: for a new car (car.created) or a price drop (car.price_changed to a lower
// price), a notification to the owner of every saved Fleet filter with its alert on that the car now
// matches (NotificationService, which tells the owner's open windows).
class FilterAlerts
{
    Q_DECLARE_TR_FUNCTIONS(FilterAlerts)

public:
    static void handle(pqxx::transaction_base &transaction, const OutboxEvent &event);
};
