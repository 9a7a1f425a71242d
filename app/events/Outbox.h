#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <pqxx/transaction_base>

// The one way a service publishes an event: in the service's own transaction, so the event exists
// exactly when the change does (transactional outbox). The worker (issue 4) consumes outbox_events.
namespace Outbox {

// The channel the workers LISTEN on. The notification is only a wake-up hint; the event is the row.
inline constexpr const char *WakeChannel = "forecourt_outbox";

// Writes one event. `key` names the aggregate ("car:42"): events of one key are handled in order.
// A null `notBefore` means now.
void publish(pqxx::transaction_base &transaction, const QString &topic, const QString &key, const QJsonObject &payload,
             const QDateTime &notBefore = {});

// Wakes the workers at commit. publish() calls it; set-based writers that INSERT into outbox_events
// themselves call it once.
void wake(pqxx::transaction_base &transaction);

} // namespace Outbox
