// Bulk loading: the demo fleet through COPY (pqxx::stream_to) against a baseline of one parameterised
// INSERT per car, both in one transaction, in the same process and database server. Prints rates and
// their ratio; record them in tests/bench/RESULTS.md.
#include "TestDatabase.h"
#include "db/Database.h"
#include "demo/DemoDataGenerator.h"
#include "services/DemoDataService.h"
#include "services/SystemService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <pqxx/pqxx>

namespace {
double insertRowByRow(Database &database, qint64 cars)
{
    const DemoDataGenerator generator(99);
    QElapsedTimer timer;
    timer.start();
    const auto done = database.guard([&](pqxx::connection &c) {
        pqxx::work work(c);
        const qint64 branch =
            work.exec1("INSERT INTO branches (code, name) VALUES ('BASE', 'Baseline') RETURNING id")[0].as<qint64>();
        for (qint64 i = 0; i < cars; ++i) {
            const DemoCar car = generator.car(i);
            work.exec_params("INSERT INTO cars (stock_number, vin, make, model, model_year, body_type, fuel_type, "
                             "transmission, drive, mileage_km, condition, status, branch_id, list_price, cost) VALUES "
                             "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::numeric, $15::numeric)",
                             car.stockNumber.toStdString(), car.vin.toStdString(), car.make.toStdString(),
                             car.model.toStdString(), car.modelYear, car.bodyType.toStdString(),
                             car.fuelType.toStdString(), car.transmission.toStdString(), car.drive.toStdString(),
                             car.mileageKm, car.condition.toStdString(), car.status.toStdString(), branch,
                             car.listPrice.toStdString(), car.cost.toStdString());
        }
        work.abort(); // leave the table for the COPY run
    });
    return done ? cars * 1000.0 / std::max<qint64>(1, timer.elapsed()) : 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const qint64 copyCars =
        qEnvironmentVariableIsSet("BENCH_CARS") ? qEnvironmentVariableIntValue("BENCH_CARS") : 1'000'000;
    const qint64 baselineCars = std::max<qint64>(1000, copyCars / 50);

    TestDatabase db(QStringLiteral("bench_demodata"));
    if (!db.isValid()) {
        out << "bench_demodata: " << db.error() << Qt::endl;
        return 1;
    }
    auto database = Database::open(db.profile());
    if (!database || !SystemService::migrate(**database)) {
        out << "bench_demodata: could not open and migrate the database" << Qt::endl;
        return 1;
    }

    const double baselineRate = insertRowByRow(**database, baselineCars);

    DemoDataOptions options;
    options.cars = copyCars;
    QElapsedTimer timer;
    timer.start();
    const auto summary = DemoDataService::generate(**database, options);
    const qint64 elapsed = std::max<qint64>(1, timer.elapsed());
    if (!summary) {
        out << "bench_demodata: " << summary.error().oneLine() << Qt::endl;
        return 1;
    }
    const double copyRate = copyCars * 1000.0 / elapsed;
    out << Qt::fixed << qSetRealNumberPrecision(0);
    out << "demo-data via COPY: " << copyCars << " cars (with price history, ANALYZE, commit) in " << elapsed
        << " ms = " << copyRate << " cars/s" << Qt::endl;
    out << "baseline, one INSERT per car: " << baselineCars << " cars at " << baselineRate << " cars/s" << Qt::endl;
    out << qSetRealNumberPrecision(1) << "ratio: " << copyRate / std::max(1.0, baselineRate) << "x" << Qt::endl;
    return 0;
}
