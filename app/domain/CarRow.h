#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// One car as the Fleet table shows it (no features, notes or history: see CarDetails). Money is in
// cents of the database's currency, exact.
struct CarRow
{
    qint64 id = 0;
    QString stockNumber;
    QString vin;
    QString make;
    QString model;
    QString trim;
    int modelYear = 0;
    QString bodyType; // CarVocabulary keys; empty: not stated (body, fuel, transmission, drive, condition)
    QString fuelType;
    QString transmission;
    QString drive;
    QString colour;
    std::optional<int> seats;
    std::optional<int> doors;
    std::optional<int> powerKw;
    qint64 mileageKm = 0;
    QString condition;
    QString status;
    QString location; // branch code; empty: none
    qint64 listPriceCents = 0;
    std::optional<qint64> costCents;
    QDate acquiredOn;
    QDate listedOn;
    QDate soldOn;
    QDateTime updatedAt;
    QString updatedBy;
    int version = 0;
    bool forRent = false; // in the rental fleet; otherwise stock for sale
    QString vehicleClass; // the rental class's code; empty: none

    bool operator==(const CarRow &other) const = default;
};

// One price of a car, oldest first.
struct CarPricePoint
{
    std::optional<qint64> oldPriceCents;
    qint64 newPriceCents = 0;
    QString changedBy;
    QDateTime changedAt;
};

// Everything about one car: the editor and the detail panel.
struct CarDetails
{
    CarRow row;
    QStringList features;
    QString notes;
    QString createdBy;
    QDateTime createdAt;
    QList<CarPricePoint> priceHistory;
    qint64 bookingCount = 0;
};
