#include "VinHistory.h"

#include <QJsonArray>

#include <algorithm>

namespace {

QJsonValue dateJson(QDate date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue kmJson(int km)
{
    return km >= 0 ? QJsonValue(km) : QJsonValue(QJsonValue::Null);
}

QDate dateOf(const QJsonValue &value)
{
    const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
    return date.isValid() ? date : QDate();
}

int intOf(const QJsonValue &value, int fallback)
{
    if (!value.isDouble())
        return fallback;
    const double number = value.toDouble();
    if (!(number >= -2147483648.0 && number <= 2147483647.0)) // also false for NaN
        return fallback;
    return int(number);
}

// The objects of an array member; anything else in it is skipped.
QList<QJsonObject> objectsOf(const QJsonObject &object, const QString &key)
{
    QList<QJsonObject> objects;
    for (const QJsonValue item : object.value(key).toArray()) {
        if (item.isObject())
            objects.append(item.toObject());
    }
    return objects;
}

template <typename T, typename F> QJsonArray arrayOf(const QList<T> &items, F toJson)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace

QList<VinHistory::OdometerReading> VinHistory::odometerReadings() const
{
    QList<OdometerReading> readings;
    readings.reserve(odometer.size() + service.size() + titleEvents.size());
    for (const OdometerReading &reading : odometer)
        readings.append(reading);
    for (const ServiceRecord &record : service)
        readings.append({record.date, record.odometerKm, QStringLiteral("service")});
    for (const TitleEvent &event : titleEvents)
        readings.append({event.date, event.odometerKm, QStringLiteral("title")});
    readings.removeIf([](const OdometerReading &reading) { return reading.km < 0; });
    // Stable: of a figure given twice for one day, the odometer section's is kept.
    std::stable_sort(readings.begin(), readings.end(), [](const OdometerReading &a, const OdometerReading &b) {
        if (a.date.isValid() != b.date.isValid())
            return a.date.isValid();
        return a.date != b.date ? a.date < b.date : a.km < b.km;
    });
    const auto same = [](const OdometerReading &a, const OdometerReading &b) {
        return a.date == b.date && a.km == b.km;
    };
    readings.erase(std::unique(readings.begin(), readings.end(), same), readings.end());
    return readings;
}

QJsonObject VinHistory::toJson() const
{
    const auto titleEvent = [](const TitleEvent &event) {
        return QJsonObject{{QStringLiteral("date"), dateJson(event.date)},
                           {QStringLiteral("kind"), event.kind},
                           {QStringLiteral("region"), event.region},
                           {QStringLiteral("brand"), event.brand},
                           {QStringLiteral("odometer_km"), kmJson(event.odometerKm)}};
    };
    const auto accident = [](const Accident &accident) {
        return QJsonObject{{QStringLiteral("date"), dateJson(accident.date)},
                           {QStringLiteral("severity"), accident.severity},
                           {QStringLiteral("area"), accident.area},
                           {QStringLiteral("airbags_deployed"), accident.airbagsDeployed},
                           {QStringLiteral("description"), accident.description}};
    };
    const auto reading = [](const OdometerReading &reading) {
        return QJsonObject{{QStringLiteral("date"), dateJson(reading.date)},
                           {QStringLiteral("km"), kmJson(reading.km)},
                           {QStringLiteral("source"), reading.source}};
    };
    const auto owner = [](const Owner &owner) {
        return QJsonObject{{QStringLiteral("number"), owner.number},
                           {QStringLiteral("from"), dateJson(owner.from)},
                           {QStringLiteral("to"), dateJson(owner.to)},
                           {QStringLiteral("type"), owner.type},
                           {QStringLiteral("region"), owner.region}};
    };
    const auto serviceRecord = [](const ServiceRecord &record) {
        return QJsonObject{{QStringLiteral("date"), dateJson(record.date)},
                           {QStringLiteral("odometer_km"), kmJson(record.odometerKm)},
                           {QStringLiteral("description"), record.description},
                           {QStringLiteral("shop"), record.shop}};
    };
    const auto recall = [](const Recall &recall) {
        return QJsonObject{{QStringLiteral("campaign"), recall.campaign},
                           {QStringLiteral("date"), dateJson(recall.date)},
                           {QStringLiteral("component"), recall.component},
                           {QStringLiteral("summary"), recall.summary},
                           {QStringLiteral("open"), recall.open}};
    };
    return {
        {QStringLiteral("provider"), provider},
        {QStringLiteral("simulated"), simulated},
        {QStringLiteral("fetched_at"), fetchedAt.isValid() ? QJsonValue(fetchedAt.toUTC().toString(Qt::ISODateWithMs))
                                                           : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("stolen"), stolen},
        {QStringLiteral("title_events"), arrayOf(titleEvents, titleEvent)},
        {QStringLiteral("accidents"), arrayOf(accidents, accident)},
        {QStringLiteral("odometer"), arrayOf(odometer, reading)},
        {QStringLiteral("owners"), arrayOf(owners, owner)},
        {QStringLiteral("service"), arrayOf(service, serviceRecord)},
        {QStringLiteral("recalls"), arrayOf(recalls, recall)},
        {QStringLiteral("recalls_provided"), recallsProvided},
    };
}

VinHistory VinHistory::fromJson(const QJsonObject &object)
{
    VinHistory history;
    history.provider = object.value(QStringLiteral("provider")).toString();
    history.simulated = object.value(QStringLiteral("simulated")).toBool();
    history.fetchedAt = QDateTime::fromString(object.value(QStringLiteral("fetched_at")).toString(), Qt::ISODateWithMs);
    if (!history.fetchedAt.isValid())
        history.fetchedAt = {};
    history.stolen = object.value(QStringLiteral("stolen")).toBool();
    for (const QJsonObject &item : objectsOf(object, QStringLiteral("title_events"))) {
        TitleEvent event;
        event.date = dateOf(item.value(QStringLiteral("date")));
        event.kind = item.value(QStringLiteral("kind")).toString();
        event.region = item.value(QStringLiteral("region")).toString();
        event.brand = item.value(QStringLiteral("brand")).toString();
        event.odometerKm = intOf(item.value(QStringLiteral("odometer_km")), -1);
        history.titleEvents.append(event);
    }
    for (const QJsonObject &item : objectsOf(object, QStringLiteral("accidents"))) {
        Accident accident;
        accident.date = dateOf(item.value(QStringLiteral("date")));
        accident.severity = item.value(QStringLiteral("severity")).toString();
        accident.area = item.value(QStringLiteral("area")).toString();
        accident.airbagsDeployed = item.value(QStringLiteral("airbags_deployed")).toBool();
        accident.description = item.value(QStringLiteral("description")).toString();
        history.accidents.append(accident);
    }
    for (const QJsonObject &item : objectsOf(object, QStringLiteral("odometer"))) {
        OdometerReading reading;
        reading.date = dateOf(item.value(QStringLiteral("date")));
        reading.km = intOf(item.value(QStringLiteral("km")), -1);
        reading.source = item.value(QStringLiteral("source")).toString();
        history.odometer.append(reading);
    }
    for (const QJsonObject &item : objectsOf(object, QStringLiteral("owners"))) {
        Owner owner;
        owner.number = intOf(item.value(QStringLiteral("number")), 0);
        owner.from = dateOf(item.value(QStringLiteral("from")));
        owner.to = dateOf(item.value(QStringLiteral("to")));
        owner.type = item.value(QStringLiteral("type")).toString();
        owner.region = item.value(QStringLiteral("region")).toString();
        history.owners.append(owner);
    }
    for (const QJsonObject &item : objectsOf(object, QStringLiteral("service"))) {
        ServiceRecord record;
        record.date = dateOf(item.value(QStringLiteral("date")));
        record.odometerKm = intOf(item.value(QStringLiteral("odometer_km")), -1);
        record.description = item.value(QStringLiteral("description")).toString();
        record.shop = item.value(QStringLiteral("shop")).toString();
        history.service.append(record);
    }
    for (const QJsonObject &item : objectsOf(object, QStringLiteral("recalls"))) {
        Recall recall;
        recall.campaign = item.value(QStringLiteral("campaign")).toString();
        recall.date = dateOf(item.value(QStringLiteral("date")));
        recall.component = item.value(QStringLiteral("component")).toString();
        recall.summary = item.value(QStringLiteral("summary")).toString();
        recall.open = item.value(QStringLiteral("open")).toBool(true);
        history.recalls.append(recall);
    }
    history.recallsProvided = object.value(QStringLiteral("recalls_provided")).toBool();
    return history;
}
