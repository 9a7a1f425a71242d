#pragma once

#include "VinHistory.h"
#include "VpicClient.h"
#include "domain/VinDecoder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A stored VIN report: the offline decoding, vPIC's specification and a provider's history, each with
// its source and when it was fetched. Kept as JSON (toJson/fromJson) in vin_reports.report.
struct VinReport
{
    Q_DECLARE_TR_FUNCTIONS(VinReport)

public:
    QString vin;
    QDateTime createdAt;
    VinDecoding decoding; // decoded when the report was made

    std::optional<VehicleSpec> spec; // none: vPIC was not asked or did not answer
    QString specSource;              // "NHTSA vPIC (https://vpic.nhtsa.dot.gov/api/)"
    QDateTime specFetchedAt;
    QString specNote; // why there is no specification ("vPIC lookups are turned off."), or empty

    VinHistory history;

    // The mileage the fleet records for the car with this VIN, when it is one of the fleet's. Read with the
    // report each time it is shown (the fleet's figure changes), never stored in it.
    std::optional<int> fleetMileageKm;

    // A reading within this of a higher one is not counted against it (a typing slip by a few km is
    // neither a rollback nor a wrong fleet mileage).
    static constexpr int OdometerToleranceKm = 50;

    // What the summary shows at the top.
    struct Flags
    {
        QStringList titleBrands; // distinct, in the order they first appeared
        int accidents = 0;
        int severeAccidents = 0;
        bool rollbackSuspected = false;
        bool stolen = false;
        int owners = 0;
        int openRecalls = 0;
        // The latest reading by date of every odometer figure in the history (VinHistory::odometerReadings);
        // when none has a date, the highest, with a null date.
        std::optional<VinHistory::OdometerReading> lastReading;
        // The highest figure reported (the earliest reading of it, when several have it).
        std::optional<VinHistory::OdometerReading> highestReading;
        std::optional<int> fleetMileageKm; // see VinReport::fleetMileageKm

        // The fleet records fewer km than a reading reported for this VIN: its figure is out of date or
        // wrong, or the odometer was turned back since.
        bool fleetMileageBelowReported() const;

        // The findings in a line, for lists and notifications: "Reported stolen · Title: salvage ·
        // Odometer rollback suspected · Fleet mileage 200,000 km is below the reported 229,119 km ·
        // 2 accidents", or "No problems reported".
        QString findings() const;
    };
    Flags flags() const;

    // The odometer readings (oldest first) that are lower than an earlier reading: a rollback is
    // suspected at each. A reading within `toleranceKm` of the highest earlier one is not counted
    // (a typing slip by a few km is not a rollback). Readings without a date cannot be placed in time
    // and are not compared.
    static QList<int> rollbackIndexes(const QList<VinHistory::OdometerReading> &readings,
                                      int toleranceKm = OdometerToleranceKm);

    QJsonObject toJson() const;
    static VinReport fromJson(const QJsonObject &object); // missing members read as empty
};
