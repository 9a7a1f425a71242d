#include "Outbox.h"

#include <QJsonDocument>

namespace Outbox {

// One statement: the event, the workers' wake-up and the clients' change notice. Notifications with
// the same channel and payload fold into one per transaction.
void publish(pqxx::transaction_base &transaction, const QString &topic, const QString &key, const QJsonObject &payload,
             const QDateTime &notBefore)
{
    const std::string json = QJsonDocument(payload).toJson(QJsonDocument::Compact).toStdString();
    const std::string notify =
        std::string(") SELECT pg_notify('") + WakeChannel + "', ''), pg_notify('" + ChangeChannel + "', $2)";
    if (notBefore.isValid()) {
        transaction.exec_params("WITH e AS (INSERT INTO outbox_events (topic, aggregate_key, payload, not_before) "
                                "VALUES ($1, $2, $3::jsonb, $4::timestamptz)" +
                                    notify,
                                topic.toStdString(), key.toStdString(), json,
                                notBefore.toUTC().toString(Qt::ISODateWithMs).toStdString());
    } else {
        transaction.exec_params(
            "WITH e AS (INSERT INTO outbox_events (topic, aggregate_key, payload) VALUES ($1, $2, $3::jsonb)" + notify,
            topic.toStdString(), key.toStdString(), json);
    }
}

void wake(pqxx::transaction_base &transaction, const QString &changedKey)
{
    transaction.exec_params(std::string("SELECT pg_notify('") + WakeChannel + "', ''), pg_notify('" + ChangeChannel +
                                "', $1)",
                            changedKey.toStdString());
}

} // namespace Outbox
