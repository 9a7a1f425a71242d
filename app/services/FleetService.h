#pragma once

#include "Error.h"
#include "domain/CarRow.h"
#include "domain/CarSelection.h"
#include "domain/CarValidator.h"
#include "services/CarQuery.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>

#include <optional>
#include <string>
#include <vector>

#include <pqxx/transaction_base>

class Database;
struct CopyValue;

// A branch as the fleet's location lists show it.
struct Branch
{
    qint64 id = 0;
    QString code;
    QString name;
};

// The values the filter lists offer: what the fleet actually holds.
struct FleetVocabulary
{
    QList<Branch> branches;                  // by code
    QMap<QString, QStringList> modelsByMake; // sorted
    QStringList colours;
    QString currency;                                  // ISO 4217, one per database
    QList<std::pair<QString, QString>> vehicleClasses; // the rental classes: code and name, in their order
};

struct SavedFilter
{
    qint64 id = 0;
    QString name;
    CarFilter filter;
    bool alert = false; // the owner is notified of new cars and price drops that match
    QString owner;      // the staff member's database user
};

// A bulk price change: add `amountCents` (may be negative) or change by `percent` (-50 = halve).
// The result is rounded to whole currency units and never goes below zero.
struct PriceAdjustment
{
    enum class Kind {
        Amount,
        Percent,
    };
    Kind kind = Kind::Amount;
    qint64 amountCents = 0;
    double percent = 0;
};

struct SimilarCar
{
    CarRow row;
    double distance = 0; // smaller is closer
    QString reason;      // "same model, 2 years newer, 8% cheaper"
};

// The only code that reads and writes cars. Every change writes its event (car.created, car.updated,
// car.price_changed, car.deleted) to the outbox in the same transaction. Blocking: call it on a
// database thread.
class FleetService
{
    Q_DECLARE_TR_FUNCTIONS(FleetService)

public:
    enum class RemoveOutcome {
        Deleted,
        Retired, // the car has bookings or a price history, so it stays, retired
    };

    // Table paging (see CarQuery and CarTableModel).
    static Result<KeyedPage<CarRow>> page(Database &database, const CarQuery &query, const PageRequest &request);
    static Result<qint64> count(Database &database, const CarQuery &query);
    // The row of car `id` in `query`'s order, or nothing when the filter leaves it out (or it is gone).
    static Result<std::optional<qint64>> position(Database &database, const CarQuery &query, qint64 id);
    static Result<QList<PageKey>> anchors(Database &database, const CarQuery &query, int step);
    static Result<QList<qint64>> ids(Database &database, const CarQuery &query);
    static Result<QList<CarRow>> rows(Database &database, const QList<qint64> &ids);

    static Result<CarDetails> details(Database &database, qint64 id);
    // Several cars' details in the order of `ids` (the comparison); the first car that cannot be read fails it.
    static Result<QList<CarDetails>> details(Database &database, const QList<qint64> &ids);
    static Result<FleetVocabulary> vocabulary(Database &database);

    // `record` must come from a CarValidation without errors. The stock number is assigned when empty.
    static Result<CarDetails> create(Database &database, const CarRecord &record);
    // Refused with Error::Code::Stale (naming who changed it and when) when the car is no longer at
    // `expectedVersion`; nullopt overwrites whatever is there.
    static Result<CarDetails> update(Database &database, qint64 id, const CarRecord &record,
                                     std::optional<int> expectedVersion);
    static Result<RemoveOutcome> remove(Database &database, qint64 id, std::optional<int> expectedVersion);

    // Bulk actions: one statement in one transaction each, one event per changed car, on the chosen cars
    // or every car a filter matches. They return how many cars changed (cars already in that state are
    // left alone).
    // Refused for "sold" (sellInsteadText(): a sale is recorded with SalesService), and for cars with a sale
    // not void unless retiring them (the sale is voided to put a car back in stock).
    static Result<int> setStatus(Database &database, const CarSelection &cars, const QString &status);
    static QString sellInsteadText();
    static Result<int> setLocation(Database &database, const CarSelection &cars, const QString &branchCode);
    static Result<int> adjustPrice(Database &database, const CarSelection &cars, const PriceAdjustment &adjustment);

    // A similar price: at most this much (a fraction) cheaper or dearer.
    static constexpr double SimilarPriceBand = 0.2;
    // The nearest available cars to car `id`: those in its price band first, then the others; each part
    // by make, model, body, fuel, year, mileage and price.
    static Result<QList<SimilarCar>> similar(Database &database, qint64 id, int limit = 10);

    // Saved filters of the connected staff member, by name.
    static Result<QList<SavedFilter>> savedFilters(Database &database);
    static Result<SavedFilter> saveFilter(Database &database, const QString &name, const CarFilter &filter);
    static Result<void> deleteFilter(Database &database, qint64 id);
    static Result<void> setFilterAlert(Database &database, qint64 id, bool alert);
    // Every staff member's saved filters with their alert on that car `carId` matches now, by id (the
    // saved-search alerts, in the worker's transaction).
    static QList<SavedFilter> alertingFilters(pqxx::transaction_base &transaction, qint64 carId);

    // Shared with the CSV import (CarImportService), which writes cars set-based.
    // The columns a save writes, in the order of writableValues(); "branch_id" holds the branch code.
    static std::vector<std::string> writableColumns();
    static std::vector<CopyValue> writableValues(const CarRecord &record);
    // INSERT of the first price of new cars (at the date they were listed, or now) selected by `from`, which
    // has the columns id, list_price and listed_on: "cars WHERE id = $1".
    static std::string firstPriceSql(const std::string &from);
    // The SQL of the rental class a save writes from `value` (text: NULL when not given, '' for none, else the
    // code): when not given, `current` (the car's own, an update) or, with `current` empty, the class of
    // `bodyType` and `listPrice` by vehicle_class_for() (a new car).
    static std::string vehicleClassSql(const std::string &value, const std::string &current,
                                       const std::string &bodyType, const std::string &listPrice);
    // The class a new car of that body (CarVocabulary key, empty: not stated) and list price (a CarRecord
    // decimal, empty: none) gets: its code, empty for none. The car editor's preset.
    static Result<QString> vehicleClassFor(Database &database, const QString &bodyType, const QString &listPrice);
    // The payload of every car event: a jsonb_build_object() over the columns id, stock_number, vin,
    // make and model of the rows it is selected from.
    static std::string eventPayloadSql();
    // Columns that change on every save and say nothing about the car: never listed as changes.
    static QStringList bookkeepingColumns();
    // INSERT of the events of set-based updates (car.updated with its changes, then car.price_changed for
    // a new price, as update() writes them) for the rows of `from` (columns id, stock_number, vin, make,
    // model, before and after: to_jsonb of the car); `bookkeeping` is the text[] parameter of
    // bookkeepingColumns(), "$1".
    static std::string updateEventsSql(const std::string &from, const std::string &bookkeeping);
};
