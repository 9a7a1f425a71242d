#include "Outbox.h"

#include <QJsonDocument>

namespace Outbox {

void publish(pqxx::transaction_base &transaction, const QString &topic, const QString &key, const QJsonObject &payload,
             const QDateTime &notBefore)
{
    const std::string json = QJsonDocument(payload).toJson(QJsonDocument::Compact).toStdString();
    if (notBefore.isValid()) {
        transaction.exec_params("INSERT INTO outbox_events (topic, aggregate_key, payload, not_before) "
                                "VALUES ($1, $2, $3::jsonb, $4::timestamptz)",
                                topic.toStdString(), key.toStdString(), json,
                                notBefore.toUTC().toString(Qt::ISODateWithMs).toStdString());
    } else {
        transaction.exec_params("INSERT INTO outbox_events (topic, aggregate_key, payload) VALUES ($1, $2, $3::jsonb)",
                                topic.toStdString(), key.toStdString(), json);
    }
    wake(transaction);
}

void wake(pqxx::transaction_base &transaction)
{
    // Notifications with the same channel and payload fold into one per transaction.
    transaction.exec(std::string("NOTIFY ") + WakeChannel);
}

} // namespace Outbox
