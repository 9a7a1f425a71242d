#include "FilterAlerts.h"

#include "Outbox.h"
#include "services/CarQuery.h"

#include <QJsonDocument>
#include <QLocale>

#include <pqxx/pqxx>

namespace {

std::optional<double> amount(const QJsonValue &value)
{
    bool ok = false;
    const double number = value.toVariant().toString().toDouble(&ok);
    return ok ? std::optional(number) : std::nullopt;
}

QString money(double value)
{
    return QLocale().toString(value, 'f', value == double(qint64(value)) ? 0 : 2);
}

} // namespace

void FilterAlerts::handle(pqxx::transaction_base &transaction, const OutboxEvent &event)
{
    const qint64 carId = event.payload.value(QStringLiteral("id")).toInteger();
    if (carId <= 0)
        return;
    const QString car = tr("%1 %2, stock #%3")
                            .arg(event.payload.value(QStringLiteral("make")).toString(),
                                 event.payload.value(QStringLiteral("model")).toString(),
                                 event.payload.value(QStringLiteral("stock_number")).toString());
    QString body = car;
    bool priceDrop = false;
    if (event.topic == QLatin1String("car.price_changed")) {
        const auto before = amount(event.payload.value(QStringLiteral("old_price")));
        const auto after = amount(event.payload.value(QStringLiteral("new_price")));
        if (!before || !after || *after >= *before)
            return; // only a drop is news
        priceDrop = true;
        body = tr("%1: %2 → %3").arg(car, money(*before), money(*after));
    } else if (event.topic != QLatin1String("car.created")) {
        return;
    }

    for (const pqxx::row &alert :
         transaction.exec("SELECT id, owner, name, definition::text FROM saved_filters WHERE alert ORDER BY id")) {
        CarQuery query;
        query.filter = CarFilter::fromJson(
            QJsonDocument::fromJson(QByteArray::fromStdString(alert[3].as<std::string>())).object());
        if (!query.matches(carId).exec(transaction)[0][0].as<bool>())
            continue;
        const QString name = QString::fromStdString(alert[2].as<std::string>());
        const QString title = priceDrop ? tr("Price drop for \"%1\"").arg(name) : tr("New car for \"%1\"").arg(name);
        const pqxx::result added =
            transaction.exec_params("INSERT INTO notifications (recipient, title, body, car_id, saved_filter_id, "
                                    "source_event) VALUES ($1, $2, $3, $4, $5, $6) "
                                    "ON CONFLICT (source_event, saved_filter_id) DO NOTHING",
                                    alert[1].as<std::string>(), title.toStdString(), body.toStdString(), carId,
                                    alert[0].as<qint64>(), event.id);
        if (added.affected_rows() > 0)
            Outbox::wake(transaction, changeKey(QString::fromStdString(alert[1].as<std::string>())));
    }
}
