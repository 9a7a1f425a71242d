#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The cars with a sale that counts (not void) matching every condition set: what a figure of the Sales
// dashboard counts (DashboardService: by sale date, at the branch sold from, the car as sold).
struct CarSaleFilter
{
    QDate from;                        // sold on or after
    QDate to;                          // sold on or before
    QStringList locations;             // branch codes the car was sold from
    QStringList models;                // "Make Model" as sold
    QStringList salespeople;           // as recorded on the sale
    std::optional<int> daysToSellFrom; // sale date minus the day the car counted as in stock from
    std::optional<int> daysToSellTo;
    bool withCost = false; // only the sales with a cost at sale (those gross is taken over)

    bool isEmpty() const { return *this == CarSaleFilter(); }
    bool operator==(const CarSaleFilter &other) const = default;
};

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

    // The conditions of a dashboard's figure (the filter panel does not edit them; the Fleet page names them):
    bool inStock = false;               // neither sold nor retired, now
    std::optional<int> daysInStockFrom; // today at the car's branch minus the day it counts as in stock from
    std::optional<int> daysInStockTo;   //   (acquired on, else listed on, else the day it was created)
    std::optional<qint64> priceBelow;   // list price below this (whole units): the top of a price band
    QStringList makesExcluded;          // every make but these ("Other" makes)
    bool withCost = false;              // only the cars with a cost (stock value at cost)
    CarSaleFilter sale;

    // In fuelTypes, transmissions, bodyTypes and conditions: the cars whose value is not stated.
    static QString notStated() { return QStringLiteral("not_stated"); }

    bool isEmpty() const { return *this == CarFilter(); }
    // Whether a condition the filter panel does not show is set (the dashboards' conditions).
    bool hasFigureConditions() const;
    // The number of conditions set, for a "Filters (3)" button.
    int conditionCount() const;

    QJsonObject toJson() const;
    // Unknown keys and values of the wrong type are ignored, so an old saved filter still opens.
    static CarFilter fromJson(const QJsonObject &json);

    bool operator==(const CarFilter &other) const = default;
};
