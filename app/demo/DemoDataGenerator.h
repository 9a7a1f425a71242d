#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// A branch of the demo dealership group; the fields match the branches table.
struct DemoBranch
{
    QString code;
    QString name;
    QString address;
    QString phone;
    QString timeZone;

    bool operator==(const DemoBranch &other) const = default;
};

// One car of the demo fleet; the fields match the cars table (0001_base_schema.sql), and the text
// enumerations are spelled exactly as its CHECK constraints spell them.
struct DemoCar
{
    QString stockNumber; // "A100000" + index
    QString vin;         // 17 characters, valid check digit, unique per index (see MaxUniqueVins)
    QString make;
    QString model;
    QString trimLevel;
    int modelYear = 0;
    QString bodyType;     // sedan, hatchback, estate, suv, coupe, convertible, mpv, pickup, van, other
    QString fuelType;     // petrol, diesel, hybrid, plug_in_hybrid, electric, lpg, cng, hydrogen
    QString transmission; // manual, automatic
    QString drive;        // fwd, rwd, awd, 4wd
    QString colour;
    int seats = 0;
    int doors = 0;
    int powerKw = 0;
    int mileageKm = 0;
    QString condition;   // new, used, demo, certified
    QString status;      // available, reserved, rented, sold, in_service, retired
    int branchIndex = 0; // index into DemoDataGenerator::branches()
    QString listPrice;   // decimal with two places, e.g. "18900.00"
    QString cost;        // decimal with two places, at most listPrice
    QDate acquiredOn;
    QDate listedOn; // on or after acquiredOn
    QDate soldOn;   // null unless status is "sold"; on or after listedOn
    QStringList features;
    QString notes;
    bool forRent = false; // in the rental fleet; otherwise stock for sale
    // A sold car's sale (car_sales): the price (decimal with two places) and who sold it.
    QString salePrice;
    QString salesperson;

    bool operator==(const DemoCar &other) const = default;
};

// Realistic, deterministic demo data without a database. car(i) depends only on (seed, i, today), so a
// fleet of millions can be streamed one car at a time and any car regenerated on its own. The makes,
// models, colours, features and branches come from the resource :/demo/vehicles.json, read once.
// Thread-safe: every method is const and the dictionary is immutable once loaded.
class DemoDataGenerator
{
public:
    // VINs are distinct for every index in [0, MaxUniqueVins).
    static constexpr qint64 MaxUniqueVins = 33'000'000;
    // The rental fleet: every third car among the first RentalFleetSpan, unless sold or retired.
    static constexpr qint64 RentalFleetSpan = 1200;
    // Sales reach this many days back.
    static constexpr int SalesDays = 730;
    // The first cars outside the rental fleet are mostly sold (SalesHistoryShare of them, against about one in
    // seven further on): the default demo (250 cars) shows a dealership's two years of sales next to its stock,
    // enough each month for the Sales page to show a trend, while a large fleet keeps its mix.
    static constexpr qint64 SalesHistorySpan = 300;
    static constexpr double SalesHistoryShare = 0.7;

    explicit DemoDataGenerator(quint64 seed, QDate today = QDate::currentDate());

    quint64 seed() const { return m_seed; }
    QDate today() const { return m_today; }

    QList<DemoBranch> branches() const;
    DemoCar car(qint64 index) const;

private:
    // Dates, price and salesperson of a sold car's sale, from a random stream of its own (the car's other
    // values stay as they were before sales were recorded).
    void sell(DemoCar &car, qint64 index) const;

    quint64 m_seed;
    QDate m_today;
    quint64 m_vinOffset;
};
