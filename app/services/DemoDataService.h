#pragma once

#include "Error.h"

#include <QCoreApplication>

#include <functional>

class Database;

struct DemoDataOptions
{
    qint64 cars = 250;
    quint64 seed = 1;
    bool replace = false; // delete the existing fleet, customers and bookings first
    bool ifEmpty = false; // do nothing (successfully) when the fleet is not empty
};

struct DemoDataSummary
{
    qint64 cars = 0;
    int branches = 0;
    int customers = 0;
    qint64 bookings = 0;
    qint64 sales = 0;     // of the sold cars, over the last two years
    bool skipped = false; // ifEmpty and the fleet already had cars
};

// Realistic, deterministic demo data (same seed, same data), written in one transaction with COPY.
class DemoDataService
{
    Q_DECLARE_TR_FUNCTIONS(DemoDataService)

public:
    // `progress(done, total)` is called every few thousand cars; returning false cancels (nothing is kept).
    static Result<DemoDataSummary> generate(Database &database, const DemoDataOptions &options,
                                            const std::function<bool(qint64, qint64)> &progress = {});
};
