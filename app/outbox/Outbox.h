#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <pqxx/transaction_base>

// The one way a service publishes an event: in the service's own transaction, so the event exists
// exactly when the change does (transactional outbox). The event worker consumes outbox_events.
namespace Outbox {

// The channel the workers LISTEN on. The notification is only a wake-up hint; the event is the row.
inline constexpr const char *WakeChannel = "forecourt_outbox";

// The channel every open Forecourt LISTENs on to refresh what it shows: the payload is the key of
// what changed ("car:42"), or "car:*" after a set-based change of many cars.
inline constexpr const char *ChangeChannel = "forecourt_changes";

// Writes one event. `key` names the aggregate ("car:42"): events of one key are handled in order.
// A null `notBefore` means now.
void publish(pqxx::transaction_base &transaction, const QString &topic, const QString &key, const QJsonObject &payload,
             const QDateTime &notBefore = {});

// Wakes the workers and tells the clients that `changedKey` changed, at commit. publish() does both for
// its event; set-based writers that INSERT into outbox_events themselves call this once ("car:*").
void wake(pqxx::transaction_base &transaction, const QString &changedKey);

} // namespace Outbox
