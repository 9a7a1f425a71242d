#include "FleetService.h"

#include "db/CopyValue.h"
#include "db/Database.h"
#include "db/Fields.h"
#include "db/SqlArray.h"
#include "domain/CarVocabulary.h"
#include "outbox/Outbox.h"
#include "services/SystemService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <pqxx/pqxx>

#include <cmath>

namespace {

// The columns a save writes, in the order of carValues().
constexpr const char *kWritableColumns[] = {
    "vin",          "make",     "model",     "trim_level", "model_year",    "body_type",   "fuel_type",
    "transmission", "drive",    "colour",    "seats",      "doors",         "power_kw",    "mileage_km",
    "condition",    "status",   "branch_id", "list_price", "cost",          "acquired_on", "listed_on",
    "sold_on",      "features", "notes",     "for_rent",   "vehicle_class",
};
constexpr int kWritableCount = static_cast<int>(std::size(kWritableColumns));
// Columns that change on every save and say nothing about the car.
const QStringList kBookkeepingColumns = {QStringLiteral("updated_at"), QStringLiteral("updated_by"),
                                         QStringLiteral("version"), QStringLiteral("created_at"),
                                         QStringLiteral("created_by")};

// A row of CarQuery::rowColumns().
CarRow rowFrom(const pqxx::row &row)
{
    CarRow car;
    car.id = row[0].as<qint64>();
    car.stockNumber = textOf(row[1]);
    car.vin = textOf(row[2]);
    car.make = textOf(row[3]);
    car.model = textOf(row[4]);
    car.trim = textOf(row[5]);
    car.modelYear = row[6].as<int>();
    car.bodyType = textOf(row[7]);
    car.fuelType = textOf(row[8]);
    car.transmission = textOf(row[9]);
    car.drive = textOf(row[10]);
    car.colour = textOf(row[11]);
    car.seats = intOf(row[12]);
    car.doors = intOf(row[13]);
    car.powerKw = intOf(row[14]);
    car.mileageKm = row[15].as<qint64>();
    car.condition = textOf(row[16]);
    car.status = textOf(row[17]);
    car.location = textOf(row[18]);
    car.listPriceCents = row[19].as<qint64>();
    if (!row[20].is_null())
        car.costCents = row[20].as<qint64>();
    car.acquiredOn = dateOf(row[21]);
    car.listedOn = dateOf(row[22]);
    car.soldOn = dateOf(row[23]);
    car.updatedAt = localTimeOf(row[24]);
    car.updatedBy = textOf(row[25]);
    car.version = row[26].as<int>();
    car.forRent = row[27].as<bool>();
    car.vehicleClass = textOf(row[28]);
    return car;
}
constexpr int kRowColumnCount = 29;

CopyValue optionalNumber(const std::optional<int> &value)
{
    return value ? CopyValue(qint64(*value)) : CopyValue();
}

CopyValue optionalText(const QString &value)
{
    return value.isEmpty() ? CopyValue() : CopyValue(value);
}

// The values of kWritableColumns for `record`; branch_id is the branch code, resolved in SQL.
std::vector<CopyValue> carValues(const CarRecord &record)
{
    return {CopyValue(record.vin),
            CopyValue(record.make),
            CopyValue(record.model),
            CopyValue(record.trim),
            CopyValue(qint64(record.modelYear)),
            optionalText(record.bodyType), // not stated: NULL
            optionalText(record.fuelType),
            optionalText(record.transmission),
            optionalText(record.drive),
            CopyValue(record.colour),
            optionalNumber(record.seats),
            optionalNumber(record.doors),
            optionalNumber(record.powerKw),
            CopyValue(record.mileageKm),
            optionalText(record.condition),
            CopyValue(record.status),
            optionalText(record.location),
            CopyValue(record.listPrice),
            optionalText(record.cost),
            CopyValue::date(record.acquiredOn),
            CopyValue::date(record.listedOn),
            CopyValue::date(record.soldOn),
            CopyValue::textArray(record.features),
            CopyValue(record.notes),
            CopyValue::boolean(record.forRent),
            record.vehicleClass ? CopyValue(*record.vehicleClass) : CopyValue()}; // none: '', not given: NULL
}

int columnIndex(std::string_view column)
{
    for (int i = 0; i < kWritableCount; ++i) {
        if (column == kWritableColumns[i])
            return i;
    }
    Q_ASSERT(false);
    return -1;
}

// "$n" for each writable column, with the branch code turned into its id, and the rental class of a new car
// (`inserting`) or of the car as it is.
std::string valuePlaceholder(int column, int parameter, bool inserting)
{
    const std::string name = "$" + std::to_string(parameter);
    if (std::string_view(kWritableColumns[column]) == "vehicle_class") {
        // The parameters are numbered from 1 in the order of the columns.
        const auto parameterOf = [](const char *other) { return "$" + std::to_string(columnIndex(other) + 1); };
        return FleetService::vehicleClassSql(name + "::text", inserting ? "" : "vehicle_class",
                                             parameterOf("body_type") + "::text",
                                             parameterOf("list_price") + "::numeric");
    }
    if (std::string_view(kWritableColumns[column]) == "branch_id")
        return "(SELECT id FROM branches WHERE code = " + name + ")";
    if (std::string_view(kWritableColumns[column]) == "features")
        return name + "::text[]";
    return name;
}

QString carLabel(const QString &stockNumber)
{
    return FleetService::tr("Stock #%1").arg(stockNumber);
}

// Refuses what the CHECK constraints would refuse with a sentence that names the car's own values.
void checkReferences(pqxx::transaction_base &work, const CarRecord &record, qint64 ownId)
{
    if (!record.location.isEmpty()) {
        const pqxx::result branch =
            work.exec_params("SELECT 1 FROM branches WHERE code = $1", record.location.toStdString());
        if (branch.empty())
            fail(Error::Code::InvalidInput,
                 FleetService::tr("There is no location with the code %1. Choose one of the dealership's locations.")
                     .arg(record.location));
    }
    const pqxx::result vin =
        work.exec_params("SELECT stock_number FROM cars WHERE vin = $1 AND id <> $2", record.vin.toStdString(), ownId);
    if (!vin.empty())
        fail(Error::Code::Duplicate, FleetService::tr("The VIN %1 already belongs to %2. Each car has its own VIN.")
                                         .arg(record.vin, carLabel(textOf(vin[0][0]))));
    if (!record.stockNumber.isEmpty()) {
        const pqxx::result stock = work.exec_params("SELECT 1 FROM cars WHERE stock_number = $1 AND id <> $2",
                                                    record.stockNumber.toStdString(), ownId);
        if (!stock.empty())
            fail(Error::Code::Duplicate,
                 FleetService::tr("The stock number %1 is already taken. Leave it empty to get the next free one.")
                     .arg(record.stockNumber));
    }
}

// {"column": [old, new]} for every column that differs.
QJsonObject changesBetween(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject changes;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (kBookkeepingColumns.contains(it.key()) || before.value(it.key()) == it.value())
            continue;
        changes.insert(it.key(), QJsonArray{before.value(it.key()), it.value()});
    }
    return changes;
}

QString carKey(qint64 id)
{
    return QStringLiteral("car:%1").arg(id);
}

CarDetails loadDetails(pqxx::transaction_base &work, qint64 id)
{
    const pqxx::result result = work.exec_params(
        std::string("SELECT ") + CarQuery::rowColumns() +
            ", c.features::text[], c.notes, c.created_by, (extract(epoch FROM c.created_at) * 1000)::bigint, "
            "(SELECT count(*) FROM bookings WHERE car_id = c.id) "
            "FROM cars c LEFT JOIN branches b ON b.id = c.branch_id WHERE c.id = $1",
        id);
    if (result.empty())
        fail(Error::Code::NotFound, FleetService::tr("The car no longer exists; someone may have deleted it."));
    const pqxx::row row = result[0];
    CarDetails details;
    details.row = rowFrom(row);
    details.features = textListOf(row[kRowColumnCount]);
    details.notes = textOf(row[kRowColumnCount + 1]);
    details.createdBy = textOf(row[kRowColumnCount + 2]);
    details.createdAt = localTimeOf(row[kRowColumnCount + 3]);
    details.bookingCount = row[kRowColumnCount + 4].as<qint64>();

    const pqxx::result history =
        work.exec_params("SELECT (old_price * 100)::bigint, (new_price * 100)::bigint, changed_by, "
                         "(extract(epoch FROM changed_at) * 1000)::bigint FROM car_price_history WHERE car_id = $1 "
                         "ORDER BY changed_at, id",
                         id);
    for (const pqxx::row &point : history) {
        CarPricePoint price;
        if (!point[0].is_null())
            price.oldPriceCents = point[0].as<qint64>();
        price.newPriceCents = point[1].as<qint64>();
        price.changedBy = textOf(point[2]);
        price.changedAt = localTimeOf(point[3]);
        details.priceHistory << price;
    }
    return details;
}

// Locks the car and checks its version; returns its JSON (to_jsonb) as it is now.
QJsonObject lockCar(pqxx::transaction_base &work, qint64 id, std::optional<int> expectedVersion)
{
    const pqxx::result result = work.exec_params(
        "SELECT to_jsonb(c), c.version, c.updated_by, (extract(epoch FROM c.updated_at) * 1000)::bigint, "
        "c.stock_number FROM cars c WHERE c.id = $1 FOR UPDATE",
        id);
    if (result.empty())
        fail(Error::Code::NotFound, FleetService::tr("The car no longer exists; someone may have deleted it."));
    const pqxx::row row = result[0];
    if (expectedVersion && row[1].as<int>() != *expectedVersion) {
        const QDateTime when = localTimeOf(row[3]);
        fail(Error::Code::Stale, FleetService::tr("%1 was changed by %2 on %3 after you opened it.")
                                     .arg(carLabel(textOf(row[4])), textOf(row[2]),
                                          QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
    }
    return jsonObjectOf(row[0]);
}

// A car becomes sold only with its sale (SalesService::sell), and a car with a sale that counts leaves
// "sold" only by voiding the sale (or by being retired, which keeps it): no save bypasses the sale.
// `before` is the car as it was (empty for a new car).
void checkSoldStatus(pqxx::transaction_base &work, const CarRecord &record, qint64 id, const QJsonObject &before)
{
    const QString sold = QStringLiteral("sold");
    const QString was = before.value(QStringLiteral("status")).toString();
    if (record.status == sold && was != sold)
        fail(Error::Code::InvalidInput, FleetService::sellInsteadText());
    if (was == sold && record.status != sold && record.status != QLatin1String("retired") &&
        !work.exec_params("SELECT 1 FROM car_sales WHERE car_id = $1 AND voided_at IS NULL", id).empty())
        fail(Error::Code::InvalidInput, FleetService::tr("The car has a recorded sale and stays Sold. To put it back "
                                                         "in stock, void its sale: select the car in Fleet and "
                                                         "choose Void sale…."));
}

QJsonObject eventPayload(qint64 id, const QJsonObject &car)
{
    QJsonObject payload;
    payload.insert(QStringLiteral("id"), id);
    payload.insert(QStringLiteral("stock_number"), car.value(QStringLiteral("stock_number")));
    payload.insert(QStringLiteral("vin"), car.value(QStringLiteral("vin")));
    payload.insert(QStringLiteral("make"), car.value(QStringLiteral("make")));
    payload.insert(QStringLiteral("model"), car.value(QStringLiteral("model")));
    return payload;
}

void publishUpdate(pqxx::transaction_base &work, qint64 id, const QJsonObject &before, const QJsonObject &after)
{
    const QJsonObject changes = changesBetween(before, after);
    if (changes.isEmpty())
        return;
    QJsonObject payload = eventPayload(id, after);
    payload.insert(QStringLiteral("changes"), changes);
    Outbox::publish(work, QStringLiteral("car.updated"), carKey(id), payload);
    const QString price = QStringLiteral("list_price");
    if (changes.contains(price)) {
        QJsonObject priceChange = eventPayload(id, after);
        priceChange.insert(QStringLiteral("old_price"), before.value(price));
        priceChange.insert(QStringLiteral("new_price"), after.value(price));
        Outbox::publish(work, QStringLiteral("car.price_changed"), carKey(id), priceChange);
    }
}

// The condition on cars (unaliased) that picks `cars`, its parameters appended to `params`: the ids, or
// every car the filter matches when the statement runs.
std::string selectedCars(const CarSelection &cars, std::vector<std::string> &params)
{
    if (const std::optional<CarFilter> &filter = cars.filter()) {
        CarQuery query;
        query.filter = *filter;
        return "id IN (SELECT c.id" + query.fromWhere(params) + ")";
    }
    params.push_back(idArray(cars.ids()));
    return "id = ANY($" + std::to_string(params.size()) + "::bigint[])";
}

// The events of a set-based bulk change. `locked` selects and locks the cars to change (columns id,
// stock_number, vin, make, model, old_value), `update` changes them (FROM locked) and returns
// cars.id and new_value; `column` names the changed column in the events. Returns the number changed.
int bulkChange(pqxx::transaction_base &work, const std::string &locked, const std::string &update,
               const std::vector<std::string> &params, const char *column)
{
    const std::string base = FleetService::eventPayloadSql();
    std::string sql = "WITH locked AS (" + locked + " ORDER BY id FOR UPDATE), updated AS (" + update +
                      "), changed AS (SELECT locked.id, stock_number, vin, make, model, to_jsonb(old_value) AS "
                      "old_value, to_jsonb(updated.new_value) AS new_value FROM locked JOIN updated USING (id)), "
                      "updated_events AS (INSERT INTO outbox_events (topic, aggregate_key, payload) "
                      "SELECT 'car.updated', 'car:' || id, " +
                      base + " || jsonb_build_object('changes', jsonb_build_object('" + column +
                      "', jsonb_build_array(old_value, new_value))) FROM changed RETURNING 1)";
    if (std::string_view(column) == "list_price") {
        sql += ", price_events AS (INSERT INTO outbox_events (topic, aggregate_key, payload) "
               "SELECT 'car.price_changed', 'car:' || id, " +
               base +
               " || jsonb_build_object('old_price', old_value, 'new_price', new_value) FROM changed RETURNING 1)";
    }
    sql += " SELECT count(*) FROM changed";
    const int count = work.exec_params1(sql, pqxx::prepare::make_dynamic_params(params))[0].as<int>();
    if (count > 0)
        Outbox::wake(work, QStringLiteral("car:*"));
    return count;
}

} // namespace

Result<KeyedPage<CarRow>> FleetService::page(Database &database, const CarQuery &query, const PageRequest &request)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        return query.order().readPage(query.page(request).exec(work), request,
                                      [](const pqxx::row &row) { return rowFrom(row); });
    });
}

Result<qint64> FleetService::count(Database &database, const CarQuery &query)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        return query.count().exec(work)[0][0].as<qint64>();
    });
}

Result<std::optional<qint64>> FleetService::position(Database &database, const CarQuery &query, qint64 id)
{
    return database.guard([&](pqxx::connection &connection) -> std::optional<qint64> {
        pqxx::read_transaction work(connection);
        const pqxx::field row = query.position(id).exec(work)[0][0];
        return row.is_null() ? std::nullopt : std::optional(row.as<qint64>());
    });
}

Result<QList<PageKey>> FleetService::anchors(Database &database, const CarQuery &query, int step)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        return query.order().keysOf(query.anchors(step).exec(work));
    });
}

Result<QList<qint64>> FleetService::ids(Database &database, const CarQuery &query)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        const pqxx::result result = query.ids().exec(work);
        QList<qint64> ids;
        ids.reserve(static_cast<qsizetype>(result.size()));
        for (const pqxx::row &row : result)
            ids << row[0].as<qint64>();
        return ids;
    });
}

Result<QList<CarRow>> FleetService::rows(Database &database, const QList<qint64> &ids)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        const pqxx::result result =
            work.exec_params(std::string("SELECT ") + CarQuery::rowColumns() +
                                 " FROM cars c LEFT JOIN branches b ON b.id = c.branch_id "
                                 "WHERE c.id = ANY($1::bigint[]) ORDER BY array_position($1::bigint[], c.id)",
                             idArray(ids));
        QList<CarRow> rows;
        for (const pqxx::row &row : result)
            rows << rowFrom(row);
        return rows;
    });
}

Result<QList<CarDetails>> FleetService::details(Database &database, const QList<qint64> &ids)
{
    QList<CarDetails> cars;
    for (const qint64 id : ids) {
        auto car = details(database, id);
        if (!car)
            return std::unexpected(car.error());
        cars << *car;
    }
    return cars;
}

Result<CarDetails> FleetService::details(Database &database, qint64 id)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        return loadDetails(work, id);
    });
}

Result<FleetVocabulary> FleetService::vocabulary(Database &database)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        FleetVocabulary vocabulary;
        for (const pqxx::row &row : work.exec("SELECT id, code, name FROM branches ORDER BY code"))
            vocabulary.branches << Branch{row[0].as<qint64>(), textOf(row[1]), textOf(row[2])};
        for (const pqxx::row &row : work.exec("SELECT code, name FROM vehicle_classes ORDER BY position, code"))
            vocabulary.vehicleClasses.append({textOf(row[0]), textOf(row[1])});
        // A loose index scan: one index probe per make and model instead of reading every car.
        const pqxx::result models =
            work.exec("WITH RECURSIVE pairs (make, model) AS ("
                      "  (SELECT make, model FROM cars ORDER BY make, model LIMIT 1)"
                      "  UNION ALL"
                      "  SELECT next.make, next.model FROM pairs, LATERAL (SELECT c.make, c.model FROM cars c"
                      "    WHERE (c.make, c.model) > (pairs.make, pairs.model) ORDER BY c.make, c.model LIMIT 1) next"
                      ") SELECT make, model FROM pairs");
        for (const pqxx::row &row : models)
            vocabulary.modelsByMake[textOf(row[0])] << textOf(row[1]);
        for (const pqxx::row &row : work.exec("SELECT colour FROM cars WHERE colour <> '' GROUP BY colour ORDER BY 1"))
            vocabulary.colours << textOf(row[0]);
        vocabulary.currency = SystemService::currency(work);
        return vocabulary;
    });
}

Result<CarDetails> FleetService::create(Database &database, const CarRecord &record)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        checkSoldStatus(work, record, 0, {});
        checkReferences(work, record, 0);

        std::vector<CopyValue> values = carValues(record);
        std::string columns;
        std::string placeholders;
        for (int i = 0; i < kWritableCount; ++i) {
            columns += std::string(i ? ", " : "") + kWritableColumns[i];
            placeholders += std::string(i ? ", " : "") + valuePlaceholder(i, i + 1, true);
        }
        if (!record.stockNumber.isEmpty()) {
            values.push_back(CopyValue(record.stockNumber));
            columns += ", stock_number";
            placeholders += ", $" + std::to_string(values.size());
        }
        const pqxx::row inserted = work.exec_params1("INSERT INTO cars (" + columns + ") VALUES (" + placeholders +
                                                         ") RETURNING id, to_jsonb(cars)",
                                                     pqxx::prepare::make_dynamic_params(values));
        const qint64 id = inserted[0].as<qint64>();
        work.exec_params(FleetService::firstPriceSql("cars WHERE id = $1"), id);
        Outbox::publish(work, QStringLiteral("car.created"), carKey(id), eventPayload(id, jsonObjectOf(inserted[1])));
        CarDetails details = loadDetails(work, id);
        work.commit();
        return details;
    });
}

Result<CarDetails> FleetService::update(Database &database, qint64 id, const CarRecord &record,
                                        std::optional<int> expectedVersion)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        const QJsonObject before = lockCar(work, id, expectedVersion);
        checkSoldStatus(work, record, id, before);
        checkReferences(work, record, id);

        std::vector<CopyValue> values = carValues(record);
        std::string assignments;
        for (int i = 0; i < kWritableCount; ++i)
            assignments += std::string(i ? ", " : "") + kWritableColumns[i] + " = " + valuePlaceholder(i, i + 1, false);
        values.push_back(CopyValue(record.stockNumber));
        assignments += ", stock_number = coalesce(nullif($" + std::to_string(values.size()) + ", ''), stock_number)";
        values.push_back(CopyValue(id));
        const std::string idParameter = "$" + std::to_string(values.size());

        // The cars_version trigger gives a real change its next version, time and author; an unchanged car
        // keeps its version and gets no event.
        const pqxx::row updated = work.exec_params1("UPDATE cars SET " + assignments + " WHERE id = " + idParameter +
                                                        " RETURNING to_jsonb(cars)",
                                                    pqxx::prepare::make_dynamic_params(values));
        publishUpdate(work, id, before, jsonObjectOf(updated[0]));
        CarDetails details = loadDetails(work, id);
        work.commit();
        return details;
    });
}

Result<FleetService::RemoveOutcome> FleetService::remove(Database &database, qint64 id,
                                                         std::optional<int> expectedVersion)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        const QJsonObject before = lockCar(work, id, expectedVersion);
        // The first price is written with the car; more than one means the car has a history.
        const pqxx::row history = work.exec_params1("SELECT EXISTS (SELECT 1 FROM bookings WHERE car_id = $1), "
                                                    "(SELECT count(*) FROM car_price_history WHERE car_id = $1) > 1",
                                                    id);
        RemoveOutcome outcome = RemoveOutcome::Deleted;
        if (history[0].as<bool>() || history[1].as<bool>()) {
            const pqxx::row retired =
                work.exec_params1("UPDATE cars SET status = 'retired' WHERE id = $1 RETURNING to_jsonb(cars)", id);
            publishUpdate(work, id, before, jsonObjectOf(retired[0]));
            outcome = RemoveOutcome::Retired;
        } else {
            work.exec_params("DELETE FROM cars WHERE id = $1", id);
            Outbox::publish(work, QStringLiteral("car.deleted"), carKey(id), eventPayload(id, before));
        }
        work.commit();
        return outcome;
    });
}

QString FleetService::sellInsteadText()
{
    return tr("A car becomes sold by recording its sale: select the car and choose Sell… (Ctrl+Shift+S), which "
              "asks for the sale date, price, buyer and salesperson.");
}

Result<int> FleetService::setStatus(Database &database, const CarSelection &cars, const QString &status)
{
    if (!CarVocabulary::isKey(CarVocabulary::Kind::Status, status))
        return std::unexpected(Error{Error::Code::InvalidInput, tr("\"%1\" is not a status.").arg(status)});
    // A sold car has its sale (car_sales): made by SalesService, never by a status alone.
    if (status == QLatin1String("sold"))
        return std::unexpected(Error{Error::Code::InvalidInput, sellInsteadText()});
    return database.guard([&](pqxx::connection &connection) -> int {
        pqxx::work work(connection);
        std::vector<std::string> params{status.toStdString()};
        const std::string chosen = selectedCars(cars, params);
        // A car with a recorded sale goes back into stock only by voiding the sale (retiring it keeps the sale).
        if (status != QLatin1String("retired")) {
            const pqxx::row sold = work.exec_params1(
                "SELECT count(*), min(stock_number) FROM cars WHERE " + chosen +
                    " AND status <> $1 AND EXISTS (SELECT 1 FROM car_sales s WHERE s.car_id = cars.id "
                    "AND s.voided_at IS NULL)",
                pqxx::prepare::make_dynamic_params(params));
            if (const qint64 count = sold[0].as<qint64>(); count > 0)
                fail(Error::Code::InvalidInput,
                     tr("%n of the chosen car(s) have a recorded sale (stock #%1 among them) and stay Sold. To put a "
                        "car back in stock, void its sale: select the car and choose Void sale….",
                        nullptr, int(count))
                         .arg(textOf(sold[1])));
        }
        // A sold car keeps (or gets) its sold date; a car back in stock loses it.
        const int count = bulkChange(
            work,
            "SELECT id, stock_number, vin, make, model, status AS old_value FROM cars WHERE " + chosen +
                " AND status <> $1",
            "UPDATE cars SET status = $1, sold_on = CASE WHEN $1 = 'sold' THEN coalesce(sold_on, current_date) "
            "WHEN $1 = 'retired' THEN sold_on END FROM locked WHERE cars.id = locked.id "
            "RETURNING cars.id, cars.status AS new_value",
            params, "status");
        work.commit();
        return count;
    });
}

Result<int> FleetService::setLocation(Database &database, const CarSelection &cars, const QString &branchCode)
{
    return database.guard([&](pqxx::connection &connection) -> int {
        pqxx::work work(connection);
        if (work.exec_params("SELECT 1 FROM branches WHERE code = $1", branchCode.toStdString()).empty())
            fail(
                Error::Code::InvalidInput,
                tr("There is no location with the code %1. Choose one of the dealership's locations.").arg(branchCode));
        std::vector<std::string> params{branchCode.toStdString()};
        const std::string chosen = selectedCars(cars, params);
        const int count = bulkChange(
            work,
            "SELECT id, stock_number, vin, make, model, (SELECT code FROM branches WHERE id = branch_id) AS old_value "
            "FROM cars WHERE " +
                chosen + " AND branch_id IS DISTINCT FROM (SELECT id FROM branches WHERE code = $1)",
            "UPDATE cars SET branch_id = (SELECT id FROM branches WHERE code = $1) FROM locked "
            "WHERE cars.id = locked.id RETURNING cars.id, $1::text AS new_value",
            params, "location");
        work.commit();
        return count;
    });
}

Result<int> FleetService::adjustPrice(Database &database, const CarSelection &cars, const PriceAdjustment &adjustment)
{
    std::string newPrice;
    if (adjustment.kind == PriceAdjustment::Kind::Percent) {
        if (!std::isfinite(adjustment.percent) || adjustment.percent < -100 || adjustment.percent > 1000)
            return std::unexpected(
                Error{Error::Code::InvalidInput, tr("A price change must be between -100% and +1000%.")});
        newPrice = "round(locked.old_value * (1 + $1::numeric / 100))";
    } else {
        newPrice = "round(locked.old_value + $1::numeric / 100)";
    }
    const std::string amount = adjustment.kind == PriceAdjustment::Kind::Percent
                                   ? QString::number(adjustment.percent, 'f', 4).toStdString()
                                   : std::to_string(adjustment.amountCents);
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        std::vector<std::string> params{amount};
        const std::string chosen = selectedCars(cars, params);
        const std::string clamped = "least(greatest(" + newPrice + ", 0), 9999999999)";
        const int count = bulkChange(
            work, "SELECT id, stock_number, vin, make, model, list_price AS old_value FROM cars WHERE " + chosen,
            "UPDATE cars SET list_price = " + clamped +
                " FROM locked WHERE cars.id = locked.id AND cars.list_price <> " + clamped +
                " RETURNING cars.id, cars.list_price AS new_value",
            params, "list_price");
        work.commit();
        return count;
    });
}

Result<QList<SimilarCar>> FleetService::similar(Database &database, qint64 id, int limit)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        const pqxx::result self = work.exec_params(std::string("SELECT ") + CarQuery::rowColumns() +
                                                       " FROM cars c LEFT JOIN branches b ON b.id = c.branch_id "
                                                       "WHERE c.id = $1",
                                                   id);
        if (self.empty())
            fail(Error::Code::NotFound, tr("The car no longer exists; someone may have deleted it."));
        const CarRow me = rowFrom(self[0]);

        // Candidates come from index ranges around the car's own price (parameters, so that they bound the
        // index scans): the nearest prices either side within the same make and model (cars_similar_idx),
        // among cars of the same body type (cars_similar_body_idx), and among all cars (cars_list_price_idx).
        // Cars in the price band come first; within each part, the distance ranks them: model, body and
        // fuel, then age, mileage and price (the band's edge weighs 2, as much as another body type).
        const std::string price = "($4::numeric / 100)";
        const auto either = [&price](const std::string &where, int each) {
            const std::string limit = " LIMIT " + std::to_string(each) + ")";
            return "(SELECT id FROM cars WHERE " + where + " AND status = 'available' AND list_price >= " + price +
                   " AND id <> $1 ORDER BY list_price" + limit + " UNION (SELECT id FROM cars WHERE " + where +
                   " AND status = 'available' AND list_price < " + price + " ORDER BY list_price DESC" + limit;
        };
        const std::string change = "abs(c.list_price - " + price + ") / " + price;
        const pqxx::result result = work.exec_params(
            "WITH candidates AS (" + either("make = $2 AND model = $3", 20) + " UNION " + either("body_type = $5", 40) +
                " UNION " + either("true", 20) + ") SELECT " + CarQuery::rowColumns() +
                ", (CASE WHEN c.make = $2 AND c.model = $3 THEN 0 WHEN c.make = $2 THEN 2 ELSE 4 END"
                "  + CASE WHEN c.body_type = $5 THEN 0 ELSE 2 END"
                "  + CASE WHEN c.fuel_type = $6 THEN 0 ELSE 1 END"
                "  + abs(c.model_year - $7::integer) * 0.5"
                "  + abs(c.mileage_km - $8::integer) / 30000.0"
                "  + CASE WHEN $4 = 0 THEN 0 ELSE " +
                change +
                " / $10 * 2 END)::float8 AS distance"
                " FROM candidates JOIN cars c USING (id) LEFT JOIN branches b ON b.id = c.branch_id"
                " ORDER BY $4 = 0 OR " +
                change + " <= $10 DESC, distance, c.id LIMIT $9",
            id, me.make.toStdString(), me.model.toStdString(), me.listPriceCents, me.bodyType.toStdString(),
            me.fuelType.toStdString(), me.modelYear, me.mileageKm, limit, SimilarPriceBand);

        const QLocale locale;
        QList<SimilarCar> similar;
        for (const pqxx::row &row : result) {
            SimilarCar car;
            car.row = rowFrom(row);
            car.distance = row[kRowColumnCount].as<double>();
            QStringList reasons;
            if (car.row.make == me.make && car.row.model == me.model)
                reasons << tr("same model");
            else if (car.row.make == me.make)
                reasons << tr("same make");
            else if (!me.bodyType.isEmpty() && car.row.bodyType == me.bodyType)
                reasons << tr("same body type");
            const int years = car.row.modelYear - me.modelYear;
            if (years == 0)
                reasons << tr("same year");
            else if (years > 0)
                reasons << tr("%n year(s) newer", nullptr, years);
            else
                reasons << tr("%n year(s) older", nullptr, -years);
            // The price as it is: "same" only when it is, never a rounded 0 %.
            if (me.listPriceCents > 0) {
                const double change =
                    100.0 * double(car.row.listPriceCents - me.listPriceCents) / double(me.listPriceCents);
                const long percent = std::lround(std::abs(change));
                if (car.row.listPriceCents == me.listPriceCents)
                    reasons << tr("same price");
                else if (percent == 0)
                    reasons << (change < 0 ? tr("under 1% cheaper") : tr("under 1% dearer"));
                else if (change < 0)
                    reasons << tr("%1% cheaper").arg(percent);
                else
                    reasons << tr("%1% dearer").arg(percent);
            }
            const int km = car.row.mileageKm - me.mileageKm;
            if (std::abs(km) >= 1000)
                reasons << (km > 0 ? tr("%1 km more").arg(locale.toString(km))
                                   : tr("%1 km less").arg(locale.toString(-km)));
            if (!car.row.fuelType.isEmpty() && car.row.fuelType != me.fuelType)
                reasons << CarVocabulary::label(CarVocabulary::Kind::FuelType, car.row.fuelType).toLower();
            car.reason = reasons.join(QStringLiteral(", "));
            similar << car;
        }
        return similar;
    });
}

Result<QList<SavedFilter>> FleetService::savedFilters(Database &database)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        QList<SavedFilter> filters;
        for (const pqxx::row &row :
             work.exec("SELECT id, name, definition, alert, owner FROM saved_filters WHERE owner = current_user "
                       "ORDER BY lower(name)"))
            filters << SavedFilter{row[0].as<qint64>(), textOf(row[1]), CarFilter::fromJson(jsonObjectOf(row[2])),
                                   row[3].as<bool>(), textOf(row[4])};
        return filters;
    });
}

Result<SavedFilter> FleetService::saveFilter(Database &database, const QString &name, const CarFilter &filter)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty() || trimmed.size() > 80)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Give the filter a name of 1 to 80 characters.")});
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        const std::string json = QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact).toStdString();
        const pqxx::row saved =
            work.exec_params1("INSERT INTO saved_filters (name, definition) VALUES ($1, $2::jsonb) "
                              "ON CONFLICT (owner, name) DO UPDATE SET definition = EXCLUDED.definition, "
                              "updated_at = now() RETURNING id, alert, owner",
                              trimmed.toStdString(), json);
        work.commit();
        return SavedFilter{saved[0].as<qint64>(), trimmed, filter, saved[1].as<bool>(), textOf(saved[2])};
    });
}

QList<SavedFilter> FleetService::alertingFilters(pqxx::transaction_base &transaction, qint64 carId)
{
    QList<SavedFilter> filters;
    for (const pqxx::row &row :
         transaction.exec("SELECT id, name, definition, owner FROM saved_filters WHERE alert ORDER BY id")) {
        CarQuery query;
        query.filter = CarFilter::fromJson(jsonObjectOf(row[2]));
        if (query.matches(carId).exec(transaction)[0][0].as<bool>())
            filters << SavedFilter{row[0].as<qint64>(), textOf(row[1]), query.filter, true, textOf(row[3])};
    }
    return filters;
}

Result<void> FleetService::deleteFilter(Database &database, qint64 id)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        work.exec_params("DELETE FROM saved_filters WHERE id = $1 AND owner = current_user", id);
        work.commit();
    });
}

std::vector<std::string> FleetService::writableColumns()
{
    return {std::begin(kWritableColumns), std::end(kWritableColumns)};
}

std::vector<CopyValue> FleetService::writableValues(const CarRecord &record)
{
    return carValues(record);
}

std::string FleetService::vehicleClassSql(const std::string &value, const std::string &current,
                                          const std::string &bodyType, const std::string &listPrice)
{
    // The rule is vehicle_class_for() of migration 0021, the one the migrated and demo cars got.
    const std::string notGiven = current.empty() ? "vehicle_class_for(" + bodyType + ", " + listPrice + ")" : current;
    return "CASE WHEN " + value + " IS NULL THEN " + notGiven + " ELSE nullif(" + value + ", '') END";
}

Result<QString> FleetService::vehicleClassFor(Database &database, const QString &bodyType, const QString &listPrice)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        const pqxx::row row =
            work.exec_params1("SELECT " + vehicleClassSql("NULL::text", "", "$1::text", "$2::numeric"),
                              bodyType.isEmpty() ? std::nullopt : std::optional(bodyType.toStdString()),
                              listPrice.isEmpty() ? std::nullopt : std::optional(listPrice.toStdString()));
        return textOf(row[0]);
    });
}

std::string FleetService::firstPriceSql(const std::string &from)
{
    return "INSERT INTO car_price_history (car_id, new_price, changed_at) "
           "SELECT id, list_price, coalesce(listed_on::timestamptz, now()) FROM " +
           from;
}

std::string FleetService::eventPayloadSql()
{
    return "jsonb_build_object('id', id, 'stock_number', stock_number, 'vin', vin, 'make', make, 'model', model)";
}

QStringList FleetService::bookkeepingColumns()
{
    return kBookkeepingColumns;
}

std::string FleetService::updateEventsSql(const std::string &from, const std::string &bookkeeping)
{
    const std::string payload = eventPayloadSql();
    return "INSERT INTO outbox_events (topic, aggregate_key, payload) SELECT topic, 'car:' || id, payload "
           "FROM (SELECT id, 1 AS event_order, 'car.updated' AS topic, " +
           payload +
           " || jsonb_build_object('changes', (SELECT jsonb_object_agg(a.key, jsonb_build_array(b.value, a.value)) "
           "FROM jsonb_each(after) a JOIN jsonb_each(before) b USING (key) WHERE a.value IS DISTINCT FROM b.value "
           "AND a.key <> ALL (" +
           bookkeeping + "::text[]))) AS payload FROM " + from + " UNION ALL SELECT id, 2, 'car.price_changed', " +
           payload +
           " || jsonb_build_object('old_price', before -> 'list_price', 'new_price', after -> 'list_price') FROM " +
           from + " WHERE before -> 'list_price' IS DISTINCT FROM after -> 'list_price') e ORDER BY id, event_order";
}

Result<void> FleetService::setFilterAlert(Database &database, qint64 id, bool alert)
{
    return database.guard([&](pqxx::connection &connection) -> Result<void> {
        pqxx::work work(connection);
        const pqxx::result changed = work.exec_params(
            "UPDATE saved_filters SET alert = $2, updated_at = now() WHERE id = $1 AND owner = current_user", id,
            alert);
        if (changed.affected_rows() == 0)
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The saved filter is no longer there; it may have been deleted.")});
        work.commit();
        return {};
    });
}
