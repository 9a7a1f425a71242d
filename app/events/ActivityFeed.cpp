#include "ActivityFeed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>

#include <pqxx/pqxx>

namespace {

QString money(const QJsonValue &value)
{
    bool ok = false;
    const double amount = value.toVariant().toString().toDouble(&ok);
    if (!ok)
        return value.toVariant().toString();
    return QLocale().toString(amount, 'f', amount == double(qint64(amount)) ? 0 : 2);
}

} // namespace

void ActivityFeed::record(pqxx::transaction_base &transaction, const OutboxEvent &event)
{
    transaction.exec_params("INSERT INTO activity_feed (event_id, happened_at, actor, topic, aggregate_key, payload) "
                            "VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5, $6::jsonb) "
                            "ON CONFLICT (event_id) DO NOTHING",
                            event.id, event.createdAt.toMSecsSinceEpoch(), event.createdBy.toStdString(),
                            event.topic.toStdString(), event.key.toStdString(),
                            QJsonDocument(event.payload).toJson(QJsonDocument::Compact).toStdString());
}

QString ActivityFeed::summary(const QString &actor, const QString &topic, const QString &key,
                              const QJsonObject &payload)
{
    const QString stock = payload.value(QStringLiteral("stock_number")).toString();
    const QString car = QStringLiteral("%1 %2").arg(payload.value(QStringLiteral("make")).toString(),
                                                    payload.value(QStringLiteral("model")).toString());
    if (topic == QLatin1String("car.created"))
        return tr("%1 added %2, stock #%3").arg(actor, car, stock);
    if (topic == QLatin1String("car.price_changed"))
        return tr("%1 changed the price of stock #%2 from %3 to %4")
            .arg(actor, stock, money(payload.value(QStringLiteral("old_price"))),
                 money(payload.value(QStringLiteral("new_price"))));
    if (topic == QLatin1String("car.updated")) {
        const QStringList fields = payload.value(QStringLiteral("changes")).toObject().keys();
        return tr("%1 changed %2 of stock #%3")
            .arg(actor, QLocale().createSeparatedList(fields).replace(QLatin1Char('_'), QLatin1Char(' ')), stock);
    }
    if (topic == QLatin1String("car.deleted"))
        return tr("%1 deleted stock #%2 (%3)").arg(actor, stock, car);
    if (topic == QLatin1String("vin.requested"))
        return (payload.value(QStringLiteral("retry")).toBool() ? tr("%1 asked again for a VIN report of %2")
                                                                : tr("%1 asked for a VIN report of %2"))
            .arg(actor, payload.value(QStringLiteral("vin")).toString());
    if (topic == QLatin1String("demo.generated"))
        return tr("%1 generated demo data").arg(actor);
    if (topic == QLatin1String("system.dead_letter_replayed"))
        return tr("%1 replayed the failed event #%2 (%3)")
            .arg(actor, QString::number(payload.value(QStringLiteral("event_id")).toInteger()),
                 payload.value(QStringLiteral("topic")).toString());
    if (topic == QLatin1String("system.dead_letter_discarded"))
        return tr("%1 discarded the failed event #%2 (%3)")
            .arg(actor, QString::number(payload.value(QStringLiteral("event_id")).toInteger()),
                 payload.value(QStringLiteral("topic")).toString());
    return tr("%1: %2 (%3)").arg(actor, topic, key);
}
