#include "DemoDataService.h"

#include "db/BulkLoad.h"
#include "db/CopyValue.h"
#include "db/Database.h"
#include "demo/DemoDataGenerator.h"
#include "events/Outbox.h"

#include <QJsonObject>

#include <pqxx/pqxx>

#include <vector>

namespace {
const std::vector<std::string> kCarColumns = {"stock_number", "vin",       "make",      "model",        "trim_level",
                                              "model_year",   "body_type", "fuel_type", "transmission", "drive",
                                              "colour",       "seats",     "doors",     "power_kw",     "mileage_km",
                                              "condition",    "status",    "branch_id", "list_price",   "cost",
                                              "acquired_on",  "listed_on", "sold_on",   "features",     "notes"};
} // namespace

Result<DemoDataSummary> DemoDataService::generate(Database &database, const DemoDataOptions &options,
                                                  const std::function<bool(qint64, qint64)> &progress)
{
    if (options.cars < 0 || options.cars > 10'000'000)
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("The number of cars must be between 0 and 10,000,000.")});

    return database.guard([&](pqxx::connection &connection) -> Result<DemoDataSummary> {
        DemoDataSummary summary;
        pqxx::work work(connection);
        const qint64 existing = work.exec1("SELECT count(*) FROM cars")[0].as<qint64>();
        if (existing > 0 && options.ifEmpty) {
            summary.skipped = true;
            summary.cars = existing;
            return summary;
        }
        if (existing > 0 && !options.replace)
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         tr("The database already has %n car(s). Use --replace to delete the fleet, "
                                            "customers and bookings and generate new demo data.",
                                            nullptr, static_cast<int>(std::min<qint64>(existing, INT_MAX)))});
        if (options.replace)
            work.exec("TRUNCATE bookings, customers, car_price_history, cars, branches RESTART IDENTITY CASCADE");

        const DemoDataGenerator generator(options.seed);
        const QList<DemoBranch> branches = generator.branches();
        std::vector<qint64> branchIds;
        for (const DemoBranch &branch : branches) {
            branchIds.push_back(work.exec_params1("INSERT INTO branches (code, name, address, phone, time_zone) "
                                                  "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                                  branch.code.toStdString(), branch.name.toStdString(),
                                                  branch.address.toStdString(), branch.phone.toStdString(),
                                                  branch.timeZone.toStdString())[0]
                                    .as<qint64>());
        }
        summary.branches = static_cast<int>(branches.size());

        const std::vector<std::string> indexes =
            options.cars >= 10'000 ? BulkLoad::dropCarIndexesIfEmpty(work) : std::vector<std::string>();
        {
            pqxx::stream_to stream(work, "cars", kCarColumns);
            for (qint64 i = 0; i < options.cars; ++i) {
                const DemoCar car = generator.car(i);
                const qint64 branchId = branchIds.at(static_cast<size_t>(car.branchIndex) % branchIds.size());
                stream << std::make_tuple(
                    CopyValue(car.stockNumber), CopyValue(car.vin), CopyValue(car.make), CopyValue(car.model),
                    CopyValue(car.trimLevel), CopyValue(qint64(car.modelYear)), CopyValue(car.bodyType),
                    CopyValue(car.fuelType), CopyValue(car.transmission), CopyValue(car.drive), CopyValue(car.colour),
                    CopyValue(qint64(car.seats)), CopyValue(qint64(car.doors)), CopyValue(qint64(car.powerKw)),
                    CopyValue(qint64(car.mileageKm)), CopyValue(car.condition), CopyValue(car.status),
                    CopyValue(branchId), CopyValue(car.listPrice), CopyValue(car.cost), CopyValue::date(car.acquiredOn),
                    CopyValue::date(car.listedOn), CopyValue::date(car.soldOn), CopyValue::textArray(car.features),
                    CopyValue(car.notes));
                if (progress && (i + 1) % 5000 == 0 && !progress(i + 1, options.cars))
                    return std::unexpected(
                        Error{Error::Code::InvalidInput, tr("Cancelled; no demo data was written.")});
            }
            stream.complete();
        }

        for (const std::string &index : indexes)
            work.exec(index);

        // Statistics first: the price history's foreign-key checks are planned against them, and without
        // them a freshly loaded table of a million rows looks empty.
        work.exec("ANALYZE cars");

        // Cars added by hand later continue the stock numbers after the demo fleet's.
        work.exec_params("SELECT setval('car_stock_number_seq', greatest($1, (SELECT last_value FROM "
                         "car_stock_number_seq)))",
                         100000 + options.cars);

        // Price history, set-based: cars listed for more than 45 days started 5% higher and were reduced.
        work.exec("INSERT INTO car_price_history (car_id, old_price, new_price, changed_at) "
                  "SELECT id, NULL, CASE WHEN listed_on < current_date - 45 "
                  "  THEN round(list_price * 1.05, -1) ELSE list_price END, listed_on::timestamptz "
                  "FROM cars WHERE listed_on IS NOT NULL");
        work.exec("INSERT INTO car_price_history (car_id, old_price, new_price, changed_at) "
                  "SELECT id, round(list_price * 1.05, -1), list_price, (listed_on + 30)::timestamptz "
                  "FROM cars WHERE listed_on < current_date - 45");

        const QJsonObject payload{{QStringLiteral("cars"), options.cars},
                                  {QStringLiteral("branches"), summary.branches},
                                  {QStringLiteral("seed"), QString::number(options.seed)}};
        Outbox::publish(work, QStringLiteral("demo.generated"), QStringLiteral("demo"), payload);
        work.exec("ANALYZE car_price_history");
        work.commit();
        summary.cars = options.cars;
        return summary;
    });
}
