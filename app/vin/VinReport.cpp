#include "VinReport.h"

#include <QLocale>

#include <algorithm>

namespace {

QJsonValue dateTimeJson(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(dateTime.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QDateTime dateTimeOf(const QJsonValue &value)
{
    const QDateTime dateTime = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return dateTime.isValid() ? dateTime : QDateTime();
}

} // namespace

bool VinReport::Flags::fleetMileageBelowReported() const
{
    return fleetMileageKm && highestReading && qint64(highestReading->km) - *fleetMileageKm > OdometerToleranceKm;
}

QString VinReport::Flags::findings() const
{
    QStringList found;
    if (stolen)
        found << tr("Reported stolen");
    for (const QString &brand : titleBrands)
        found << tr("Title: %1").arg(brand);
    if (rollbackSuspected)
        found << tr("Odometer rollback suspected");
    if (fleetMileageBelowReported())
        found << tr("Fleet mileage %1 km is below the reported %2 km")
                     .arg(QLocale().toString(*fleetMileageKm), QLocale().toString(highestReading->km));
    if (accidents > 0)
        found << tr("%n accident(s)", nullptr, accidents);
    return found.isEmpty() ? tr("No problems reported") : found.join(QStringLiteral(" · "));
}

VinReport::Flags VinReport::flags() const
{
    Flags flags;
    for (const VinHistory::TitleEvent &event : history.titleEvents) {
        if (!event.brand.isEmpty() && !flags.titleBrands.contains(event.brand))
            flags.titleBrands.append(event.brand);
    }
    flags.accidents = int(history.accidents.size());
    flags.severeAccidents = int(
        std::count_if(history.accidents.cbegin(), history.accidents.cend(), [](const VinHistory::Accident &accident) {
            return accident.severity == QLatin1String("severe");
        }));
    const QList<VinHistory::OdometerReading> readings = history.odometerReadings();
    flags.rollbackSuspected = !rollbackIndexes(readings).isEmpty();
    flags.stolen = history.stolen;
    flags.owners = int(history.owners.size());
    flags.openRecalls = int(std::count_if(history.recalls.cbegin(), history.recalls.cend(),
                                          [](const VinHistory::Recall &recall) { return recall.open; }));
    for (const VinHistory::OdometerReading &reading : readings) {
        if (!flags.highestReading || reading.km > flags.highestReading->km)
            flags.highestReading = reading;
    }
    const auto lastDated =
        std::find_if(readings.crbegin(), readings.crend(),
                     [](const VinHistory::OdometerReading &reading) { return reading.date.isValid(); });
    flags.lastReading = lastDated != readings.crend() ? std::optional(*lastDated) : flags.highestReading;
    flags.fleetMileageKm = fleetMileageKm;
    return flags;
}

QList<int> VinReport::rollbackIndexes(const QList<VinHistory::OdometerReading> &readings, int toleranceKm)
{
    QList<int> indexes;
    qint64 highest = -1; // the highest reading so far; qint64, so that highest - km cannot overflow
    for (qsizetype i = 0; i < readings.size(); ++i) {
        if (!readings.at(i).date.isValid())
            continue;
        const qint64 km = readings.at(i).km;
        if (highest >= 0 && highest - km > qint64(std::max(toleranceKm, 0)))
            indexes.append(int(i));
        highest = std::max(highest, km);
    }
    return indexes;
}

QJsonObject VinReport::toJson() const
{
    return {
        {QStringLiteral("vin"), vin},
        {QStringLiteral("created_at"), dateTimeJson(createdAt)},
        {QStringLiteral("decoding"), decoding.toJson()},
        {QStringLiteral("spec"), spec ? QJsonValue(spec->toJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("spec_source"), specSource},
        {QStringLiteral("spec_fetched_at"), dateTimeJson(specFetchedAt)},
        {QStringLiteral("spec_note"), specNote},
        {QStringLiteral("history"), history.toJson()},
    };
}

VinReport VinReport::fromJson(const QJsonObject &object)
{
    VinReport report;
    report.vin = object.value(QStringLiteral("vin")).toString();
    report.createdAt = dateTimeOf(object.value(QStringLiteral("created_at")));
    report.decoding = VinDecoding::fromJson(object.value(QStringLiteral("decoding")).toObject());
    if (const QJsonValue spec = object.value(QStringLiteral("spec")); spec.isObject())
        report.spec = VehicleSpec::fromJson(spec.toObject());
    report.specSource = object.value(QStringLiteral("spec_source")).toString();
    report.specFetchedAt = dateTimeOf(object.value(QStringLiteral("spec_fetched_at")));
    report.specNote = object.value(QStringLiteral("spec_note")).toString();
    report.history = VinHistory::fromJson(object.value(QStringLiteral("history")).toObject());
    return report;
}
