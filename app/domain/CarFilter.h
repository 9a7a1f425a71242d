#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the Fleet table shows: every condition is optional and they all must hold. Lists match any of
// their values. Saved by name as JSON (saved_filters.definition), so the JSON keys are stable.
struct CarFilter
{
    QString text; // words that must each appear in the stock number, VIN, make or model
    QStringList makes;
    QStringList models;
    std::optional<int> yearFrom;
    std::optional<int> yearTo;
    std::optional<qint64> priceFrom; // whole currency units
    std::optional<qint64> priceTo;
    std::optional<qint64> mileageFrom; // km
    std::optional<qint64> mileageTo;
    QStringList fuelTypes; // CarVocabulary keys, and notStated() for the cars where it is not known
    QStringList transmissions;
    QStringList bodyTypes;
    QStringList colours;
    QList<int> seats;
    QStringList conditions;
    QStringList statuses;
    QStringList locations;       // branch codes
    std::optional<bool> forRent; // true: the rental fleet; false: stock for sale; nothing: any

    // In fuelTypes, transmissions, bodyTypes and conditions: the cars whose value is not stated.
    static QString notStated() { return QStringLiteral("not_stated"); }

    bool isEmpty() const { return *this == CarFilter(); }
    // The number of conditions set, for a "Filters (3)" button.
    int conditionCount() const;

    QJsonObject toJson() const;
    // Unknown keys and values of the wrong type are ignored, so an old saved filter still opens.
    static CarFilter fromJson(const QJsonObject &json);

    bool operator==(const CarFilter &other) const = default;
};
