#include "CarImportHistory.h"

#include "db/CopyValue.h"
#include "db/Database.h"
#include "db/Fields.h"
#include "outbox/Outbox.h"
#include "services/FleetService.h"

#include <QFileInfo>
#include <QLocale>

#include <pqxx/pqxx>

namespace {

const std::string kColumns =
    "id, imported_by, (extract(epoch FROM imported_at) * 1000)::bigint, file_name, mode, rows_read, inserted, "
    "updated, unchanged, refused, undone_by, (extract(epoch FROM undone_at) * 1000)::bigint";

CarImportRecord recordFrom(const pqxx::row &row)
{
    CarImportRecord record;
    record.id = row[0].as<qint64>();
    record.importedBy = textOf(row[1]);
    record.importedAt = utcTimeOf(row[2]);
    record.fileName = textOf(row[3]);
    record.mode =
        textOf(row[4]) == QLatin1String("upsert") ? CarImportOptions::Mode::Upsert : CarImportOptions::Mode::Insert;
    record.rows = row[5].as<qint64>();
    record.inserted = row[6].as<qint64>();
    record.updated = row[7].as<qint64>();
    record.unchanged = row[8].as<qint64>();
    record.refused = row[9].as<qint64>();
    record.undoneBy = textOf(row[10]);
    record.undoneAt = utcTimeOf(row[11]);
    return record;
}

QString shortTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString fileOf(const CarImportRecord &record)
{
    return record.fileName.isEmpty() ? CarImportHistory::tr("a file") : QFileInfo(record.fileName).fileName();
}

// What the undo does with each car of the import, decided with the cars locked. `outcome`: remove, restore,
// or why the car stays: booked, changed, stock (its old stock number is taken), deleted (a changed car
// that is gone); gone: an added car deleted since, nothing to do.
constexpr const char *kPlan = "car_import_undo";

CarImportUndoKept keptFrom(const pqxx::row &row)
{
    CarImportUndoKept kept;
    kept.carId = row[0].as<qint64>();
    kept.stockNumber = textOf(row[1]);
    const std::string_view outcome = row[2].c_str();
    kept.changedBy = textOf(row[3]);
    kept.changedAt = utcTimeOf(row[4]);
    kept.bookings = row[5].as<qint64>();
    if (outcome == "booked") {
        kept.reason = CarImportUndoKept::Reason::Booked;
        kept.message =
            CarImportHistory::tr("Stock #%1 has %n booking(s), so it stays in the fleet.", nullptr, int(kept.bookings))
                .arg(kept.stockNumber);
    } else if (outcome == "changed") {
        kept.reason = CarImportUndoKept::Reason::ChangedSince;
        kept.message = CarImportHistory::tr("Stock #%1 was changed by %2 on %3 after the import, so it stays as it is.")
                           .arg(kept.stockNumber, kept.changedBy, shortTime(kept.changedAt));
    } else if (outcome == "stock") {
        kept.reason = CarImportUndoKept::Reason::StockNumberTaken;
        kept.message = CarImportHistory::tr("Stock #%1 stays as it is: the stock number %2 it had before the import "
                                            "belongs to another car now.")
                           .arg(kept.stockNumber, textOf(row[6]));
    } else {
        kept.reason = CarImportUndoKept::Reason::Deleted;
        kept.message = CarImportHistory::tr("A car the import changed (number %1 in the database) has been deleted "
                                            "since; there is nothing to put back.")
                           .arg(kept.carId);
    }
    return kept;
}

} // namespace

Result<std::optional<CarImportRecord>> CarImportHistory::latest(Database &database)
{
    return database.guard([&](pqxx::connection &connection) -> std::optional<CarImportRecord> {
        pqxx::read_transaction work(connection);
        const pqxx::result rows =
            work.exec("SELECT " + kColumns + " FROM car_imports WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1");
        if (rows.empty())
            return std::nullopt;
        return recordFrom(rows[0]);
    });
}

Result<CarImportRecord> CarImportHistory::find(Database &database, qint64 id)
{
    return database.guard([&](pqxx::connection &connection) -> Result<CarImportRecord> {
        pqxx::read_transaction work(connection);
        const pqxx::result rows = work.exec_params("SELECT " + kColumns + " FROM car_imports WHERE id = $1", id);
        if (rows.empty())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("There is no import number %1. Imports that wrote to the fleet "
                                                "have a number; an import that was checked only has none.")
                                                 .arg(id)});
        return recordFrom(rows[0]);
    });
}

Result<CarImportUndoResult> CarImportHistory::undo(Database &database, qint64 id)
{
    return database.guard([&](pqxx::connection &connection) -> Result<CarImportUndoResult> {
        pqxx::work work(connection);
        // The import's row first: a second undo of the same import waits here and then finds it undone.
        const pqxx::result found =
            work.exec_params("SELECT " + kColumns + " FROM car_imports WHERE id = $1 FOR UPDATE", id);
        if (found.empty())
            return std::unexpected(Error{Error::Code::NotFound, tr("There is no import number %1.").arg(id)});
        CarImportUndoResult result;
        result.import = recordFrom(found[0]);
        if (result.import.undoneAt.isValid())
            return std::unexpected(
                Error{Error::Code::InvalidInput, tr("The import of %1 (number %2) was undone by %3 on %4 already.")
                                                     .arg(fileOf(result.import))
                                                     .arg(id)
                                                     .arg(result.import.undoneBy, shortTime(result.import.undoneAt))});

        // Lock the import's cars in id order, as every bulk change does, so that nobody changes them between
        // the decision and the change; then decide car by car.
        work.exec_params("SELECT count(*) FROM (SELECT c.id FROM cars c JOIN car_import_changes ch ON ch.car_id = "
                         "c.id WHERE ch.import_id = $1 ORDER BY c.id FOR UPDATE OF c) locked",
                         id);
        work.exec(std::string("CREATE TEMP TABLE ") + kPlan +
                  " (car_id bigint, before jsonb, stock_number text, updated_by text, updated_at timestamptz, "
                  "bookings bigint, outcome text) ON COMMIT DROP");
        work.exec_params(
            std::string("INSERT INTO ") + kPlan +
                " SELECT ch.car_id, ch.before, c.stock_number, c.updated_by, c.updated_at, "
                "(SELECT count(*) FROM bookings b WHERE b.car_id = ch.car_id), "
                "CASE WHEN c.id IS NULL THEN CASE WHEN ch.before IS NULL THEN 'gone' ELSE 'deleted' END "
                "WHEN c.version <> ch.version THEN 'changed' "
                "WHEN ch.before IS NULL AND EXISTS (SELECT FROM bookings b WHERE b.car_id = ch.car_id) THEN 'booked' "
                "WHEN ch.before IS NULL THEN 'remove' "
                "WHEN ch.before ? 'stock_number' AND EXISTS (SELECT FROM cars o WHERE o.stock_number = "
                "ch.before ->> 'stock_number' AND o.id <> ch.car_id) THEN 'stock' "
                "ELSE 'restore' END "
                "FROM car_import_changes ch LEFT JOIN cars c ON c.id = ch.car_id WHERE ch.import_id = $1",
            id);
        work.exec(std::string("ANALYZE ") + kPlan);

        // The cars it added: deleted (their price history goes with them), one car.deleted each.
        result.removed = work.exec(std::string("WITH gone AS (DELETE FROM cars c USING ") + kPlan +
                                   " u WHERE c.id = u.car_id AND u.outcome = 'remove' "
                                   "RETURNING c.id, c.stock_number, c.vin, c.make, c.model), "
                                   "events AS (INSERT INTO outbox_events (topic, aggregate_key, payload) "
                                   "SELECT 'car.deleted', 'car:' || id, " +
                                   FleetService::eventPayloadSql() +
                                   " FROM gone ORDER BY id) "
                                   "SELECT count(*) FROM gone")[0][0]
                             .as<qint64>();

        // The cars it changed: the columns it changed get their values back (jsonb_populate_record takes the
        // rest from the car as it is), as a new version with car.updated (and car.price_changed) events.
        std::string sets = "stock_number = src.stock_number";
        for (const std::string &column : FleetService::writableColumns())
            sets += ", " + column + " = src." + column;
        const std::string bookkeeping = CopyValue::textArray(FleetService::bookkeepingColumns()).text.value_or("{}");
        result.restored =
            work.exec_params1(std::string("WITH src AS (SELECT to_jsonb(c) AS before, r.* FROM ") + kPlan +
                                  " u JOIN cars c ON c.id = u.car_id CROSS JOIN LATERAL "
                                  "jsonb_populate_record(c, u.before) r WHERE u.outcome = 'restore'), "
                                  "updated AS (UPDATE cars c SET " +
                                  sets + // the cars_version trigger writes the version, time and author
                                  " FROM src WHERE c.id = src.id RETURNING c.id, c.stock_number, c.vin, c.make, "
                                  "c.model, src.before, to_jsonb(c) AS after), "
                                  "events AS (" +
                                  FleetService::updateEventsSql("updated", "$1") + ") SELECT count(*) FROM updated",
                              bookkeeping)[0]
                .as<qint64>();

        // What stays, and why.
        const std::string why = std::string(" FROM ") + kPlan +
                                " WHERE outcome IN ('booked', 'changed', 'stock', "
                                "'deleted')";
        result.keptCount = work.exec("SELECT count(*)" + why)[0][0].as<qint64>();
        const pqxx::result kept = work.exec_params(
            "SELECT car_id, stock_number, outcome, updated_by, (extract(epoch FROM updated_at) * 1000)::bigint, "
            "bookings, before ->> 'stock_number'" +
                why + " ORDER BY car_id LIMIT $1",
            MaxListed);
        for (const pqxx::row &row : kept)
            result.kept << keptFrom(row);

        const pqxx::row undone = work.exec_params1("UPDATE car_imports SET undone_at = now(), undone_by = current_user "
                                                   "WHERE id = $1 RETURNING undone_by, "
                                                   "(extract(epoch FROM undone_at) * 1000)::bigint",
                                                   id);
        result.import.undoneBy = textOf(undone[0]);
        result.import.undoneAt = utcTimeOf(undone[1]);
        if (result.removed + result.restored > 0)
            Outbox::wake(work, QStringLiteral("car:*"));
        work.commit();
        return result;
    });
}

QString CarImportHistory::describe(const CarImportRecord &record)
{
    const QLocale locale;
    return tr("%1 (import %2), by %3 on %4: %5 added, %6 updated")
        .arg(fileOf(record))
        .arg(record.id)
        .arg(record.importedBy, shortTime(record.importedAt), locale.toString(record.inserted),
             locale.toString(record.updated));
}

QString CarImportHistory::describe(const CarImportUndoResult &result)
{
    const QLocale locale;
    return tr("%1 added cars removed, %2 changed cars put back as they were, %3 left as they are.")
        .arg(locale.toString(result.removed), locale.toString(result.restored), locale.toString(result.keptCount));
}
