#pragma once

#include "domain/CarFilter.h"
#include "services/KeysetOrder.h"
#include "services/PageRequest.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <pqxx/result>
#include <pqxx/transaction_base>

#include <string>
#include <vector>

// The columns of the Fleet table, in their default order.
enum class CarColumn {
    StockNumber,
    Vin,
    Make,
    Model,
    Trim,
    ModelYear,
    BodyType,
    FuelType,
    Transmission,
    Drive,
    Colour,
    Seats,
    Doors,
    PowerKw,
    MileageKm,
    Condition,
    Status,
    Location,
    ListPrice,
    Cost,
    AcquiredOn,
    ListedOn,
    SoldOn,
    UpdatedAt,
    UpdatedBy,
    ForRent, // after the columns that follow CarField's order
    Count
};

// A filter and a sort order, turned into parameterised SQL for the cars table. The sort order always
// ends with the id, so every row has exactly one place and keyset paging never skips or repeats one.
struct CarQuery
{
    Q_DECLARE_TR_FUNCTIONS(CarQuery)

public:
    CarFilter filter;
    CarColumn sortColumn = CarColumn::UpdatedAt;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;

    bool operator==(const CarQuery &other) const = default;

    // True when sorting on the column can read an index (the < 300 ms promise); the others sort.
    static bool isIndexed(CarColumn column);
    // A stable name of the column: the cars table's column, "location" for the branch code.
    static QString columnKey(CarColumn column);
    static std::optional<CarColumn> columnForKey(const QString &key);

    struct Sql
    {
        std::string text;
        std::vector<std::string> params;

        pqxx::result exec(pqxx::transaction_base &transaction) const;
    };

    // The sort order as keyset paging reads it.
    KeysetOrder order() const;
    // SELECT of the table's row columns (see FleetService::rowFrom) for a page, each row ending with its
    // key (KeysetOrder::keyOf()).
    Sql page(const PageRequest &request) const;
    // SELECT count(*) of the filtered cars.
    Sql count() const;
    // One row, one column: whether the car with `id` passes the filter.
    Sql matches(qint64 id) const;
    // One row, one column: how many filtered cars come before the car with `id` in the query's order
    // (its row in the table), NULL when it does not pass the filter.
    Sql position(qint64 id) const;
    // The key of every `step`-th row (rows 0, step, 2 step, ...), for jumps into the middle.
    Sql anchors(int step) const;
    // SELECT c.id of the filtered cars in the query's order (for "select all").
    Sql ids() const;
    // SELECT `columns` (over "c" and the branch "b") of the filtered cars in the query's order (the export).
    Sql select(const std::string &columns) const;
    // The FROM and WHERE of the filtered cars ("cars c LEFT JOIN branches b ... WHERE ..."), appending
    // its parameters to `params`.
    std::string fromWhere(std::vector<std::string> &params) const;
    // The filter as " AND …" conditions on cars c.
    std::string conditions(std::vector<std::string> &params) const;
    std::string locationIds(const PageRequest &request, bool descending, std::vector<std::string> &params) const;

    // The select list of a table row, shared by every query that returns rows.
    static const char *rowColumns();
};
