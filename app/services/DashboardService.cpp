#include "services/DashboardService.h"

#include "db/Database.h"
#include "db/Fields.h"
#include "outbox/EventQueue.h"
#include "outbox/Outbox.h"
#include "services/HealthService.h"

#include <QMap>

#include <pqxx/pqxx>

#include <algorithm>
#include <array>
#include <optional>

namespace {

// The bands of the price and mileage distributions; migration 0016 (dash_stock_sql) bands alike.
constexpr qint64 kPriceBand = 5000; // currency units
constexpr qint64 kPriceBands = 20;  // the last one is "100000+"
constexpr qint64 kMileageBand = 25000;
constexpr qint64 kMileageBands = 12; // the last one is "300000+"

// The period and branch as the statements take them.
struct Scope
{
    std::optional<qint64> branch; // none: all branches
    std::string from;             // ISO dates
    std::string to;
    std::optional<std::string> now; // none: the server's now()
    QDate fromDate;
    QDate toDate;
};

Result<Scope> scopeOf(pqxx::transaction_base &work, const DashboardQuery &query, bool needsPeriod)
{
    Scope scope;
    scope.fromDate = query.from;
    scope.toDate = query.to;
    if (needsPeriod) {
        if (!query.from.isValid() || !query.to.isValid() || query.to < query.from)
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      DashboardService::tr("Choose a period whose last day is not before its first.")});
        if (query.from.daysTo(query.to) >= DashboardService::MaxPeriodDays)
            return std::unexpected(
                Error{Error::Code::InvalidInput, DashboardService::tr("Choose a period of at most three years.")});
    }
    scope.from = query.from.toString(Qt::ISODate).toStdString();
    scope.to = query.to.toString(Qt::ISODate).toStdString();
    if (query.now.isValid())
        scope.now = query.now.toUTC().toString(Qt::ISODateWithMs).toStdString();
    if (!query.branchCode.isEmpty()) {
        const pqxx::result branch =
            work.exec_params("SELECT id FROM branches WHERE code = $1", query.branchCode.toStdString());
        if (branch.empty())
            return std::unexpected(Error{
                Error::Code::NotFound, DashboardService::tr("There is no branch %1. Choose one of the branches listed.")
                                           .arg(query.branchCode)});
        scope.branch = branch[0][0].as<qint64>();
    }
    return scope;
}

DashboardFigures figuresFor(const QString &dashboard, const DashboardQuery &query)
{
    DashboardFigures figures;
    figures.dashboard = dashboard;
    figures.from = query.from;
    figures.to = query.to;
    figures.branch = query.branchCode;
    return figures;
}

double ratio(double part, double whole)
{
    return whole == 0 ? 0 : part / whole;
}

qint64 int64Of(const pqxx::field &field)
{
    return field.is_null() ? 0 : field.as<qint64>();
}

// The time zone of each branch's rows: its own, UTC for branch 0 (cars without a branch).
constexpr const char *kZone = "coalesce(b.time_zone, 'UTC')";

// Counts that add up, named by the enumeration `Column` (ending in Count), read from consecutive columns.
template <typename Column> struct Counts
{
    std::array<qint64, size_t(Column::Count)> values{};

    qint64 operator[](Column column) const { return values[size_t(column)]; }
    qint64 &operator[](Column column) { return values[size_t(column)]; }
    Counts &operator+=(const Counts &other)
    {
        for (size_t i = 0; i < values.size(); ++i)
            values[i] += other.values[i];
        return *this;
    }
    // Adds `count` columns of `row` from `firstField` on to the counts from `first` on.
    void add(const pqxx::row &row, int firstField, Column first, int count)
    {
        for (int i = 0; i < count; ++i)
            values[size_t(first) + size_t(i)] += int64Of(row[firstField + i]);
    }
    void add(const pqxx::row &row, int firstField) { add(row, firstField, Column(0), int(Column::Count)); }
};

// A period as whole months and the days at its edges: [from, firstMonth) and [afterMonths, to] are read from
// the daily rows, [firstMonth, afterMonths) from the monthly ones (the same when no whole month fits).
struct MonthSplit
{
    std::string firstMonth;
    std::string afterMonths;
};

MonthSplit monthSplit(const Scope &scope)
{
    QDate firstMonth =
        scope.fromDate.day() == 1 ? scope.fromDate : scope.fromDate.addMonths(1).addDays(1 - scope.fromDate.day());
    QDate afterMonths =
        scope.toDate.addDays(1).day() == 1 ? scope.toDate.addDays(1) : scope.toDate.addDays(1 - scope.toDate.day());
    if (firstMonth >= afterMonths)
        firstMonth = afterMonths = scope.toDate.addDays(1); // no whole month: every day from the daily rows
    return {firstMonth.toString(Qt::ISODate).toStdString(), afterMonths.toString(Qt::ISODate).toStdString()};
}

// The rows of a day/month table ($1 branch or null for all (-1), $2 and $3 the period, $4 and $5 the split).
constexpr const char *kDaysAndMonths = "branch_id = coalesce($1::bigint, -1) "
                                       "AND ((grain = 'm' AND start >= $4::date AND start < $5::date) "
                                       "  OR (grain = 'd' AND ((start >= $2::date AND start < $4::date) "
                                       "    OR (start >= $5::date AND start <= $3::date))))";

// ---- Stock ----

enum class StockColumn { Cars, ListCents, CostCents, WithCost, FleetCars, Count };
using StockDays = Counts<StockColumn>;

struct StockIngredients
{
    QMap<qint64, StockDays> byDays;           // days in stock -> the cars with that many
    QMap<QString, QMap<QString, qint64>> mix; // dimension -> key -> cars
    // The period's bookings (by pick-up day) and sales (by sale day) per "Make Model" and per make.
    QMap<QString, qint64> modelBookings;
    QMap<QString, qint64> modelSales;
    QMap<QString, qint64> makeBookings;
    QMap<QString, qint64> makeSales;
};

// Whether the query names a period the figures of a period can be read for.
bool hasPeriod(const DashboardQuery &query)
{
    return query.from.isValid() && query.to.isValid() && query.from <= query.to &&
           query.from.daysTo(query.to) < DashboardService::MaxPeriodDays;
}

// The most popular makes and models: bookings (cancelled and no-show ones left out) by their pick-up day at
// the car's branch, for the car's make and model now; sales (void ones left out) by sale date, as sold.
void readPopular(pqxx::transaction_base &work, const Scope &scope, DashboardSource source, StockIngredients &stock)
{
    const std::string zone = kZone;
    const std::string sql =
        source == DashboardSource::Aggregates
            ? std::string(
                  "SELECT make, model, sum(bookings)::bigint, sum(sales)::bigint FROM dash_models_figures WHERE ") +
                  kDaysAndMonths + " GROUP BY 1, 2"
            : "SELECT c.make, c.model, count(*), 0 FROM bookings k JOIN cars c ON c.id = k.car_id "
              "LEFT JOIN branches b ON b.id = c.branch_id "
              "WHERE k.status NOT IN ('cancelled', 'no_show') AND ($1::bigint IS NULL OR coalesce(c.branch_id, 0) = "
              "$1) "
              "  AND (k.pickup_at AT TIME ZONE " +
                  zone +
                  ")::date BETWEEN $2::date AND $3::date "
                  "GROUP BY 1, 2 "
                  "UNION ALL SELECT make, model, 0, count(*) FROM car_sales WHERE voided_at IS NULL "
                  "  AND sold_on BETWEEN $2::date AND $3::date AND ($1::bigint IS NULL OR coalesce(branch_id, 0) = $1) "
                  "GROUP BY 1, 2";
    const MonthSplit split = monthSplit(scope);
    const pqxx::result rows =
        source == DashboardSource::Aggregates
            ? work.exec_params(sql, scope.branch, scope.from, scope.to, split.firstMonth, split.afterMonths)
            : work.exec_params(sql, scope.branch, scope.from, scope.to);
    for (const pqxx::row &row : rows) {
        const QString make = textOf(row[0]);
        const QString model = make + QLatin1Char(' ') + textOf(row[1]);
        stock.modelBookings[model] += int64Of(row[2]);
        stock.modelSales[model] += int64Of(row[3]);
        stock.makeBookings[make] += int64Of(row[2]);
        stock.makeSales[make] += int64Of(row[3]);
    }
}

StockIngredients readStock(pqxx::transaction_base &work, const Scope &scope, DashboardSource source)
{
    const std::string zone = kZone;
    const std::string today = "(coalesce($2::timestamptz, now()) AT TIME ZONE " + zone + ")::date";
    const std::string days =
        source == DashboardSource::Aggregates
            ? "SELECT " + today +
                  " - d.since, sum(d.cars)::bigint, sum(d.list_cents)::bigint, "
                  "sum(d.cost_cents)::bigint, sum(d.with_cost)::bigint, sum(d.fleet_cars)::bigint "
                  "FROM dash_stock d LEFT JOIN branches b ON b.id = d.branch_id "
                  "WHERE ($1::bigint IS NULL OR d.branch_id = $1) GROUP BY 1"
            : "SELECT " + today + " - coalesce(c.acquired_on, c.listed_on, (c.created_at AT TIME ZONE " + zone +
                  ")::date), count(*), sum((c.list_price * 100)::bigint)::bigint, "
                  "coalesce(sum((c.cost * 100)::bigint), 0)::bigint, count(c.cost), count(*) FILTER (WHERE c.for_rent) "
                  "FROM cars c LEFT JOIN branches b ON b.id = c.branch_id "
                  "WHERE c.status NOT IN ('sold', 'retired') AND ($1::bigint IS NULL OR coalesce(c.branch_id, 0) = $1) "
                  "GROUP BY 1";
    StockIngredients stock;
    for (const pqxx::row &row : work.exec_params(days, scope.branch, scope.now)) {
        stock.byDays[row[0].as<qint64>()].add(row, 1);
    }
    const std::string mix =
        source == DashboardSource::Aggregates
            ? std::string("SELECT dimension, key, sum(cars)::bigint FROM dash_stock_mix "
                          "WHERE ($1::bigint IS NULL OR branch_id = $1) GROUP BY 1, 2 HAVING sum(cars) <> 0")
            : "SELECT m.dimension, m.key, count(*) FROM cars c CROSS JOIN LATERAL (VALUES ('make', c.make), "
              "  ('body_type', coalesce(c.body_type, 'not_stated')), ('fuel_type', coalesce(c.fuel_type, "
              "'not_stated')), "
              "  ('price_band', (least(floor(c.list_price / " +
                  std::to_string(kPriceBand) + "), " + std::to_string(kPriceBands) + ") * " +
                  std::to_string(kPriceBand) +
                  ")::bigint::text), "
                  "  ('mileage_band', (least(c.mileage_km / " +
                  std::to_string(kMileageBand) + ", " + std::to_string(kMileageBands) + ") * " +
                  std::to_string(kMileageBand) +
                  ")::text)) AS m (dimension, key) "
                  "WHERE c.status NOT IN ('sold', 'retired') AND ($1::bigint IS NULL OR coalesce(c.branch_id, 0) = $1) "
                  "GROUP BY 1, 2";
    for (const pqxx::row &row : work.exec_params(mix, scope.branch))
        stock.mix[textOf(row[0])][textOf(row[1])] += int64Of(row[2]);
    return stock;
}

// The keys of `counts` by count, largest first (ties by key), at most `limit` of them and the rest as "Other"
// (or left out when `withOther` is false).
DashboardSeries ranked(const QMap<QString, qint64> &counts, int limit, bool withOther = true)
{
    QList<std::pair<QString, qint64>> entries;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it.value() != 0)
            entries.emplaceBack(it.key(), it.value());
    std::ranges::stable_sort(entries, [](const auto &a, const auto &b) { return a.second > b.second; });
    DashboardSeries series;
    qint64 other = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (limit > 0 && i >= limit)
            other += entries[i].second;
        else
            series << DashboardFigures::point(entries[i].first, double(entries[i].second));
    }
    if (other > 0 && withOther)
        series << DashboardFigures::point(QStringLiteral("Other"), double(other));
    return series;
}

// A band's points in order of its lower bound: "0-4999", ..., "100000+".
DashboardSeries bands(const QMap<QString, qint64> &counts, qint64 width, qint64 last)
{
    QMap<qint64, qint64> byLower;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        byLower[it.key().toLongLong()] += it.value();
    DashboardSeries series;
    for (auto it = byLower.begin(); it != byLower.end(); ++it) {
        if (it.value() == 0)
            continue;
        const QString key = it.key() >= last * width ? QStringLiteral("%1+").arg(it.key())
                                                     : QStringLiteral("%1-%2").arg(it.key()).arg(it.key() + width - 1);
        series << DashboardFigures::point(key, double(it.value()));
    }
    return series;
}

DashboardFigures stockFigures(const StockIngredients &stock, const DashboardQuery &query)
{
    DashboardFigures figures = figuresFor(QStringLiteral("stock"), query);
    StockDays total;
    qint64 dayCars = 0; // sum of days in stock over the cars
    qint64 over90 = 0;
    QMap<QString, qint64> aging;
    for (const QString &bucket : DashboardService::ageBuckets())
        aging[bucket] = 0;
    for (auto it = stock.byDays.begin(); it != stock.byDays.end(); ++it) {
        const qint64 cars = it.value()[StockColumn::Cars];
        total += it.value();
        dayCars += it.key() * cars;
        if (it.key() > 90)
            over90 += cars;
        aging[DashboardService::ageBucket(it.key())] += cars;
    }
    figures.addTile(QStringLiteral("in_stock"), double(total[StockColumn::Cars]));
    figures.addMoneyTile(QStringLiteral("stock_value_list"), double(total[StockColumn::ListCents]));
    figures.addMoneyTile(QStringLiteral("stock_value_cost"), double(total[StockColumn::CostCents]));
    figures.addTile(QStringLiteral("with_cost"), double(total[StockColumn::WithCost]));
    figures.addTile(QStringLiteral("avg_days_in_stock"), ratio(double(dayCars), double(total[StockColumn::Cars])));
    figures.addTile(QStringLiteral("over_90_days"), double(over90));
    figures.addTile(QStringLiteral("rental_fleet"), double(total[StockColumn::FleetCars]));

    figures.addSeries(QStringLiteral("by_make"),
                      ranked(stock.mix.value(QStringLiteral("make")), DashboardService::TopMakes));
    figures.addSeries(QStringLiteral("by_body_type"), ranked(stock.mix.value(QStringLiteral("body_type")), 0));
    figures.addSeries(QStringLiteral("by_fuel_type"), ranked(stock.mix.value(QStringLiteral("fuel_type")), 0));
    DashboardSeries agingSeries;
    for (const QString &bucket : DashboardService::ageBuckets())
        agingSeries << DashboardFigures::point(bucket, double(aging.value(bucket)));
    figures.addSeries(QStringLiteral("aging"), agingSeries);
    figures.addSeries(QStringLiteral("price_bands"),
                      bands(stock.mix.value(QStringLiteral("price_band")), kPriceBand, kPriceBands));
    figures.addSeries(QStringLiteral("mileage_bands"),
                      bands(stock.mix.value(QStringLiteral("mileage_band")), kMileageBand, kMileageBands));
    // The period's most popular (empty without a period).
    constexpr int top = DashboardService::TopModels;
    figures.addSeries(QStringLiteral("top_models_by_bookings"), ranked(stock.modelBookings, top, false));
    figures.addSeries(QStringLiteral("top_models_by_sales"), ranked(stock.modelSales, top, false));
    figures.addSeries(QStringLiteral("top_makes_by_bookings"), ranked(stock.makeBookings, top, false));
    figures.addSeries(QStringLiteral("top_makes_by_sales"), ranked(stock.makeSales, top, false));
    return figures;
}

// ---- Rentals ----

// In the order the figures' tables give them, then the capacity: fleet cars x the seconds of the day.
enum class RentalColumn {
    Booked, // seconds
    Bookings,
    Reserved,
    Active,
    Completed,
    Cancelled,
    NoShow,
    Returned,
    RevenueCents,
    RentalSeconds,
    Capacity,
    Count
};
using RentalDay = Counts<RentalColumn>;

struct RentalIngredients
{
    QMap<QDate, RentalDay> days; // every day of the period
    qint64 fleetCars = 0;
    qint64 overdue = 0;
    double target = DashboardService::DefaultUtilisationTarget;
};

// A target share kept in the settings (migration 0017 checks it there), or `fallback` when there is none.
double readTarget(pqxx::transaction_base &work, const std::string &key, double fallback)
{
    const pqxx::result row =
        work.exec_params("SELECT dash_target_from_setting(value) FROM settings WHERE key = $1", key);
    return row.empty() || row[0][0].is_null() ? fallback : row[0][0].as<double>();
}

// "Now" in the statements below: $2, or the server's now().
constexpr const char *kNow = "coalesce($2::timestamptz, now())";

// The rental fleet's idle cars ($1: a branch, or null for all): for rent, neither sold, retired nor out now,
// and no booking (cancelled and no-show ones aside) whose booked time meets the last IdleDays days. The
// bookings that might are found by their booked time (the GiST index), by a late return (a return after the
// booked one, migration 0017's partial index) or as out and overdue (the car is out, whenever its booked time
// ended). "WITH busy ...": the cars that are not idle, read once for the count and the list; the fleet is read
// from its partial index alone (cars_rental_fleet_idx, no visit to the table's rows): the cars out now are
// taken away with the busy ones rather than by their status.
std::string busyCarsWith()
{
    const std::string now = kNow;
    const std::string since = "(" + now + " - interval '" + std::to_string(DashboardService::IdleDays) + " days')";
    const std::string lately = "k.status NOT IN ('cancelled', 'no_show') AND k.pickup_at <= " + now +
                               " AND coalesce(k.returned_at, k.return_at) > " + since;
    return "WITH busy AS MATERIALIZED (SELECT k.car_id FROM bookings k WHERE tstzrange(k.pickup_at, k.return_at, "
           "'[)') && tstzrange(" +
           since + ", " + now + ", '[]') AND " + lately +
           "    UNION ALL SELECT k.car_id FROM bookings k WHERE k.returned_at > k.return_at AND k.returned_at > " +
           since + " AND " + lately +
           "    UNION ALL SELECT k.car_id FROM bookings k WHERE k.status = 'active' AND k.return_at < " + now +
           "    UNION ALL SELECT out.id FROM cars out WHERE out.status = 'rented') ";
}

std::string idleCarsFrom()
{
    return "FROM cars c WHERE c.for_rent AND c.status NOT IN ('sold', 'retired') "
           "  AND ($1::bigint IS NULL OR c.branch_id = $1 OR ($1 = 0 AND c.branch_id IS NULL)) "
           "  AND c.id NOT IN (SELECT busy.car_id FROM busy)";
}

// Out and past the booked return, now ($1: a branch or null).
std::string overdueFrom()
{
    return std::string("FROM bookings k JOIN cars c ON c.id = k.car_id LEFT JOIN branches br ON br.id = c.branch_id "
                       "LEFT JOIN customers cu ON cu.id = k.customer_id WHERE k.status = 'active' AND k.return_at < ") +
           kNow + " AND ($1::bigint IS NULL OR coalesce(c.branch_id, 0) = $1)";
}

RentalIngredients readRentals(pqxx::transaction_base &work, const Scope &scope, DashboardSource source)
{
    const bool aggregates = source == DashboardSource::Aggregates;
    const std::string zone = kZone;
    RentalIngredients rentals;
    for (QDate day = scope.fromDate; day <= scope.toDate; day = day.addDays(1))
        rentals.days.insert(day, {});

    // The rental fleet per branch (now), and each day's capacity: its cars times the seconds of that day there.
    const std::string fleet =
        aggregates ? std::string("SELECT branch_id, sum(fleet_cars)::bigint AS cars FROM dash_stock GROUP BY 1")
                   : std::string("SELECT coalesce(branch_id, 0) AS branch_id, count(*) AS cars FROM cars "
                                 "WHERE for_rent AND status NOT IN ('sold', 'retired') GROUP BY 1");
    // The fleet is summed per time zone first: a day's length is worked out once per zone, not per branch.
    const pqxx::result capacity = work.exec_params(
        "SELECT g::date::text, sum(z.cars * extract(epoch FROM ((g + interval '1 day') AT TIME ZONE z.zone) "
        "  - (g AT TIME ZONE z.zone)))::bigint, sum(z.cars)::bigint "
        "FROM (SELECT " +
            zone + " AS zone, sum(f.cars) AS cars FROM (" + fleet +
            ") f "
            "  LEFT JOIN branches b ON b.id = f.branch_id WHERE ($1::bigint IS NULL OR f.branch_id = $1) GROUP BY 1) z "
            "CROSS JOIN generate_series($2::date::timestamp, $3::date::timestamp, interval '1 day') g GROUP BY g",
        scope.branch, scope.from, scope.to);
    for (const pqxx::row &row : capacity) {
        rentals.days[dateOf(row[0])][RentalColumn::Capacity] = int64Of(row[1]);
        rentals.fleetCars = int64Of(row[2]);
    }

    if (aggregates) {
        const pqxx::result rows = work.exec_params(
            "SELECT day::text, sum(booked_seconds)::bigint, sum(bookings)::bigint, sum(reserved)::bigint, "
            "  sum(active)::bigint, sum(completed)::bigint, sum(cancelled)::bigint, sum(no_show)::bigint, "
            "  sum(returned)::bigint, sum(revenue_cents)::bigint, sum(rental_seconds)::bigint "
            "FROM dash_rental_figures WHERE day BETWEEN $2::date AND $3::date AND ($1::bigint IS NULL OR branch_id = "
            "$1) "
            "GROUP BY day",
            scope.branch, scope.from, scope.to);
        for (const pqxx::row &row : rows)
            rentals.days[dateOf(row[0])].add(row, 1, RentalColumn::Booked, int(RentalColumn::Capacity));
    } else {
        // The booked time of the fleet's bookings that meet the period, cut by each local day it touches.
        const pqxx::result booked = work.exec_params(
            "WITH fleet AS (SELECT c.id, " + zone +
                " AS zone FROM cars c LEFT JOIN branches b ON b.id = c.branch_id "
                "  WHERE c.for_rent AND c.status NOT IN ('sold', 'retired') "
                "    AND ($1::bigint IS NULL OR coalesce(c.branch_id, 0) = $1)) "
                "SELECT p.day::text, sum(round(extract(epoch FROM upper(p.part) - lower(p.part))))::bigint "
                "FROM fleet f JOIN bookings k ON k.car_id = f.id AND k.status NOT IN ('cancelled', 'no_show') "
                "CROSS JOIN LATERAL (SELECT tstzrange(k.pickup_at, greatest(k.pickup_at, coalesce(k.returned_at, "
                "  k.return_at))) AS span) s "
                "CROSS JOIN LATERAL generate_series(greatest($2::date, (k.pickup_at AT TIME ZONE "
                "f.zone)::date)::timestamp, "
                "  least($3::date, (upper(s.span) AT TIME ZONE f.zone)::date)::timestamp, interval '1 day') g "
                "CROSS JOIN LATERAL (SELECT g::date AS day, s.span * tstzrange(g AT TIME ZONE f.zone, "
                "  (g + interval '1 day') AT TIME ZONE f.zone) AS part) p "
                "WHERE NOT isempty(p.part) GROUP BY p.day",
            scope.branch, scope.from, scope.to);
        for (const pqxx::row &row : booked)
            rentals.days[dateOf(row[0])].add(row, 1, RentalColumn::Booked, 1);
        const std::string carsOfScope = "FROM bookings k JOIN cars c ON c.id = k.car_id "
                                        "LEFT JOIN branches b ON b.id = c.branch_id "
                                        "WHERE ($1::bigint IS NULL OR coalesce(c.branch_id, 0) = $1) ";
        const pqxx::result pickups = work.exec_params(
            "SELECT (k.pickup_at AT TIME ZONE " + zone +
                ")::date::text AS day, count(*), "
                "  count(*) FILTER (WHERE k.status = 'reserved'), count(*) FILTER (WHERE k.status = 'active'), "
                "  count(*) FILTER (WHERE k.status = 'completed'), count(*) FILTER (WHERE k.status = 'cancelled'), "
                "  count(*) FILTER (WHERE k.status = 'no_show') " +
                carsOfScope + "  AND (k.pickup_at AT TIME ZONE " + zone +
                ")::date BETWEEN $2::date AND $3::date GROUP BY 1",
            scope.branch, scope.from, scope.to);
        for (const pqxx::row &row : pickups)
            rentals.days[dateOf(row[0])].add(row, 1, RentalColumn::Bookings, 6);
        const pqxx::result returns = work.exec_params(
            "SELECT (k.returned_at AT TIME ZONE " + zone +
                ")::date::text, count(*), "
                "  sum((k.total * 100)::bigint)::bigint, "
                "  sum(round(extract(epoch FROM greatest(k.returned_at, k.pickup_at) - k.pickup_at)))::bigint " +
                carsOfScope +
                "  AND k.returned_at IS NOT NULL AND k.status NOT IN ('cancelled', 'no_show') "
                "  AND (k.returned_at AT TIME ZONE " +
                zone + ")::date BETWEEN $2::date AND $3::date GROUP BY 1",
            scope.branch, scope.from, scope.to);
        for (const pqxx::row &row : returns)
            rentals.days[dateOf(row[0])].add(row, 1, RentalColumn::Returned, 3);
    }
    // Now: overdue rentals (an index read). The idle cars are counted with the Rentals page's lists.
    rentals.overdue = work.exec_params1("SELECT count(*) " + overdueFrom(), scope.branch, scope.now)[0].as<qint64>();
    rentals.target = readTarget(work, "dashboard_utilisation_target", DashboardService::DefaultUtilisationTarget);
    return rentals;
}

DashboardFigures rentalFigures(const RentalIngredients &rentals, const DashboardQuery &query)
{
    DashboardFigures figures = figuresFor(QStringLiteral("rentals"), query);
    RentalDay total;
    DashboardSeries utilisation;
    DashboardSeries revenue;
    for (auto it = rentals.days.begin(); it != rentals.days.end(); ++it) {
        const RentalDay &day = it.value();
        total += day;
        const QString key = it.key().toString(Qt::ISODate);
        utilisation << DashboardFigures::point(
            key, ratio(double(day[RentalColumn::Booked]), double(day[RentalColumn::Capacity])));
        revenue << DashboardFigures::moneyPoint(key, double(day[RentalColumn::RevenueCents]));
    }
    const double rentalDays = double(total[RentalColumn::RentalSeconds]) / 86400.0;
    const double periodDays = double(rentals.days.size());
    figures.addTile(QStringLiteral("utilisation"),
                    ratio(double(total[RentalColumn::Booked]), double(total[RentalColumn::Capacity])));
    figures.addMoneyTile(QStringLiteral("revenue"), double(total[RentalColumn::RevenueCents]));
    figures.addMoneyTile(QStringLiteral("revpac"),
                         ratio(double(total[RentalColumn::RevenueCents]), double(rentals.fleetCars) * periodDays));
    figures.addMoneyTile(QStringLiteral("adr"), ratio(double(total[RentalColumn::RevenueCents]), rentalDays));
    figures.addTile(QStringLiteral("cancellation_rate"),
                    ratio(double(total[RentalColumn::Cancelled] + total[RentalColumn::NoShow]),
                          double(total[RentalColumn::Bookings])));
    figures.addTile(QStringLiteral("no_show_rate"),
                    ratio(double(total[RentalColumn::NoShow]), double(total[RentalColumn::Bookings])));
    figures.addTile(QStringLiteral("avg_rental_days"), ratio(rentalDays, double(total[RentalColumn::Returned])));
    figures.addTile(QStringLiteral("bookings"), double(total[RentalColumn::Bookings]));
    figures.addTile(QStringLiteral("returned"), double(total[RentalColumn::Returned]));
    figures.addTile(QStringLiteral("rental_fleet"), double(rentals.fleetCars));
    figures.addTile(QStringLiteral("overdue_rentals"), double(rentals.overdue));
    figures.addTile(QStringLiteral("booked_hours"), double(total[RentalColumn::Booked]) / 3600.0);
    figures.addTile(QStringLiteral("utilisation_target"), rentals.target);
    figures.addSeries(QStringLiteral("utilisation_by_day"), utilisation);
    figures.addSeries(QStringLiteral("revenue_by_day"), revenue);
    // Revenue per day, ISO week or month, by the period's length.
    QMap<QString, qint64> byStep;
    for (auto it = rentals.days.begin(); it != rentals.days.end(); ++it)
        byStep[DashboardService::revenueStepKey(query.from, query.to, it.key())] +=
            it.value()[RentalColumn::RevenueCents];
    DashboardSeries revenueOverTime;
    for (auto it = byStep.begin(); it != byStep.end(); ++it)
        revenueOverTime << DashboardFigures::moneyPoint(it.key(), double(it.value()));
    figures.addSeries(QStringLiteral("revenue_over_time"), revenueOverTime);
    figures.addSeries(QStringLiteral("bookings_by_status"),
                      {DashboardFigures::point(QStringLiteral("reserved"), double(total[RentalColumn::Reserved])),
                       DashboardFigures::point(QStringLiteral("active"), double(total[RentalColumn::Active])),
                       DashboardFigures::point(QStringLiteral("completed"), double(total[RentalColumn::Completed])),
                       DashboardFigures::point(QStringLiteral("cancelled"), double(total[RentalColumn::Cancelled])),
                       DashboardFigures::point(QStringLiteral("no_show"), double(total[RentalColumn::NoShow]))});
    return figures;
}

// ---- Sales ----

enum class SalesColumn { Units, PriceCents, WithCost, GrossCents, DaysToSell, Within30, Count };
using SalesDay = Counts<SalesColumn>;

enum class KeyColumn { Units, WithCost, GrossCents, Count };
using KeyFigures = Counts<KeyColumn>;

struct SalesIngredients
{
    QMap<QDate, SalesDay> days;
    QMap<QString, QMap<QString, KeyFigures>> byKey; // model, salesperson, age -> key -> figures
    double target = DashboardService::DefaultSoldWithin30DaysTarget;
};

SalesIngredients readSales(pqxx::transaction_base &work, const Scope &scope, DashboardSource source)
{
    const bool aggregates = source == DashboardSource::Aggregates;
    SalesIngredients sales;
    const pqxx::result days = work.exec_params(
        aggregates
            ? "SELECT day::text, sum(units)::bigint, sum(price_cents)::bigint, sum(with_cost)::bigint, "
              "  sum(gross_cents)::bigint, sum(days_to_sell)::bigint, sum(within_30)::bigint "
              "FROM dash_sales_daily WHERE day BETWEEN $2::date AND $3::date "
              "  AND ($1::bigint IS NULL OR branch_id = $1) GROUP BY day"
            : "SELECT sold_on::text, count(*), sum((price * 100)::bigint)::bigint, count(cost), "
              "  coalesce(sum(((price - cost) * 100)::bigint), 0)::bigint, sum(sold_on - in_stock_since)::bigint, "
              "  count(*) FILTER (WHERE sold_on - in_stock_since <= 30) "
              "FROM car_sales WHERE voided_at IS NULL AND sold_on BETWEEN $2::date AND $3::date "
              "  AND ($1::bigint IS NULL OR coalesce(branch_id, 0) = $1) GROUP BY sold_on",
        scope.branch, scope.from, scope.to);
    for (const pqxx::row &row : days)
        sales.days[dateOf(row[0])].add(row, 1);
    sales.target =
        readTarget(work, "dashboard_sold_within_30_days_target", DashboardService::DefaultSoldWithin30DaysTarget);
    if (aggregates) {
        // Whole months from the monthly rows, the days before the first and after the last from the daily rows.
        const MonthSplit split = monthSplit(scope);
        const pqxx::result keys = work.exec_params(
            std::string("SELECT kind, key, sum(units)::bigint, sum(with_cost)::bigint, sum(gross_cents)::bigint "
                        "FROM dash_sales_by_key WHERE ") +
                kDaysAndMonths + " GROUP BY 1, 2",
            scope.branch, scope.from, scope.to, split.firstMonth, split.afterMonths);
        for (const pqxx::row &row : keys)
            sales.byKey[textOf(row[0])][textOf(row[1])].add(row, 2);
    } else {
        const pqxx::result keys = work.exec_params(
            "SELECT k.kind, k.key, count(*), count(s.cost), coalesce(sum(((s.price - s.cost) * 100)::bigint), "
            "0)::bigint "
            "FROM car_sales s CROSS JOIN LATERAL (VALUES ('model', s.make || ' ' || s.model), "
            "  ('salesperson', s.salesperson), ('days', (s.sold_on - s.in_stock_since)::text)) AS k (kind, key) "
            "WHERE s.voided_at IS NULL AND s.sold_on BETWEEN $2::date AND $3::date "
            "  AND ($1::bigint IS NULL OR coalesce(s.branch_id, 0) = $1) GROUP BY 1, 2",
            scope.branch, scope.from, scope.to);
        for (const pqxx::row &row : keys) {
            const QString kind = textOf(row[0]);
            const QString key =
                kind == QLatin1String("days") ? DashboardService::ageBucket(row[1].as<qint64>()) : textOf(row[1]);
            sales.byKey[kind == QLatin1String("days") ? QStringLiteral("age") : kind][key].add(row, 2);
        }
    }
    return sales;
}

// The keys of `figures` by gross, largest first (ties by key), at most `limit` (0: all).
DashboardSeries byGross(const QMap<QString, KeyFigures> &figures, int limit)
{
    QList<std::pair<QString, KeyFigures>> entries;
    for (auto it = figures.begin(); it != figures.end(); ++it)
        if (it.value()[KeyColumn::Units] != 0)
            entries.emplaceBack(it.key(), it.value());
    std::ranges::stable_sort(entries, [](const auto &a, const auto &b) {
        return a.second[KeyColumn::GrossCents] > b.second[KeyColumn::GrossCents];
    });
    if (limit > 0 && entries.size() > limit)
        entries.resize(limit);
    DashboardSeries series;
    for (const auto &[key, entry] : entries)
        series << DashboardFigures::moneyPoint(key, double(entry[KeyColumn::GrossCents]));
    return series;
}

DashboardFigures salesFigures(const SalesIngredients &sales, const DashboardQuery &query)
{
    DashboardFigures figures = figuresFor(QStringLiteral("sales"), query);
    SalesDay total;
    QMap<QString, SalesDay> byMonth;
    for (QDate month(query.from.year(), query.from.month(), 1); month <= query.to; month = month.addMonths(1))
        byMonth[month.toString(QStringLiteral("yyyy-MM"))] = {};
    DashboardSeries unitsByDay;
    for (QDate day = query.from; day <= query.to; day = day.addDays(1)) {
        const SalesDay entry = sales.days.value(day);
        total += entry;
        byMonth[day.toString(QStringLiteral("yyyy-MM"))] += entry;
        unitsByDay << DashboardFigures::point(day.toString(Qt::ISODate), double(entry[SalesColumn::Units]));
    }
    figures.addTile(QStringLiteral("units"), double(total[SalesColumn::Units]));
    figures.addMoneyTile(QStringLiteral("revenue"), double(total[SalesColumn::PriceCents]));
    figures.addMoneyTile(QStringLiteral("gross_total"), double(total[SalesColumn::GrossCents]));
    figures.addMoneyTile(QStringLiteral("gross_per_deal"),
                         ratio(double(total[SalesColumn::GrossCents]), double(total[SalesColumn::WithCost])));
    figures.addTile(QStringLiteral("with_cost"), double(total[SalesColumn::WithCost]));
    figures.addTile(QStringLiteral("avg_days_to_sell"),
                    ratio(double(total[SalesColumn::DaysToSell]), double(total[SalesColumn::Units])));
    figures.addTile(QStringLiteral("sold_within_30_days"),
                    ratio(double(total[SalesColumn::Within30]), double(total[SalesColumn::Units])));

    figures.addTile(QStringLiteral("sold_within_30_days_target"), sales.target);

    DashboardSeries months;
    DashboardSeries within30;
    for (auto it = byMonth.begin(); it != byMonth.end(); ++it) {
        months << DashboardFigures::point(it.key(), double(it.value()[SalesColumn::Units]));
        within30 << DashboardFigures::point(
            it.key(), ratio(double(it.value()[SalesColumn::Within30]), double(it.value()[SalesColumn::Units])));
    }
    figures.addSeries(QStringLiteral("units_by_month"), months);
    figures.addSeries(QStringLiteral("sold_within_30_days_by_month"), within30);
    figures.addSeries(QStringLiteral("units_by_day"), unitsByDay);
    const QMap<QString, KeyFigures> age = sales.byKey.value(QStringLiteral("age"));
    DashboardSeries grossByAge;
    DashboardSeries unitsByAge;
    for (const QString &bucket : DashboardService::ageBuckets()) {
        grossByAge << DashboardFigures::moneyPoint(bucket, double(age.value(bucket)[KeyColumn::GrossCents]));
        unitsByAge << DashboardFigures::point(bucket, double(age.value(bucket)[KeyColumn::Units]));
    }
    figures.addSeries(QStringLiteral("gross_by_age"), grossByAge);
    figures.addSeries(QStringLiteral("units_by_age"), unitsByAge);
    figures.addSeries(QStringLiteral("top_models_by_gross"),
                      byGross(sales.byKey.value(QStringLiteral("model")), DashboardService::TopModels));
    const QMap<QString, KeyFigures> people = sales.byKey.value(QStringLiteral("salesperson"));
    QMap<QString, qint64> unitsByPerson;
    for (auto it = people.begin(); it != people.end(); ++it)
        unitsByPerson[it.key()] = it.value()[KeyColumn::Units];
    figures.addSeries(QStringLiteral("units_by_salesperson"), ranked(unitsByPerson, 0));
    figures.addSeries(QStringLiteral("gross_by_salesperson"), byGross(people, 0));
    return figures;
}

// ---- VIN reports ----

enum class VinColumn {
    Requested,
    Done,
    Failed,
    Reused,
    WithAccidents,
    WithRollback,
    WithStolen,
    WithTitleBrands,
    LatencyMs, // over the done requests not reused
    LatencyCount,
    Count
};
using VinDay = Counts<VinColumn>;

DashboardFigures vinFigures(const QMap<QDate, VinDay> &days, const DashboardQuery &query)
{
    DashboardFigures figures = figuresFor(QStringLiteral("vin"), query);
    VinDay total;
    DashboardSeries requests;
    DashboardSeries failures;
    for (QDate day = query.from; day <= query.to; day = day.addDays(1)) {
        const VinDay entry = days.value(day);
        total += entry;
        requests << DashboardFigures::point(day.toString(Qt::ISODate), double(entry[VinColumn::Requested]));
        failures << DashboardFigures::point(day.toString(Qt::ISODate), double(entry[VinColumn::Failed]));
    }
    using enum VinColumn;
    const VinDay &c = total;
    figures.addTile(QStringLiteral("requests"), double(c[Requested]));
    figures.addTile(QStringLiteral("done"), double(c[Done]));
    figures.addTile(QStringLiteral("failed"), double(c[Failed]));
    figures.addTile(QStringLiteral("failure_rate"), ratio(double(c[Failed]), double(c[Done] + c[Failed])));
    figures.addTile(QStringLiteral("reused"), double(c[Reused]));
    figures.addTile(QStringLiteral("avg_latency_seconds"),
                    ratio(double(c[LatencyMs]) / 1000.0, double(c[LatencyCount])));
    figures.addSeries(QStringLiteral("requests_by_day"), requests);
    figures.addSeries(QStringLiteral("failures_by_day"), failures);
    figures.addSeries(
        QStringLiteral("findings"),
        {DashboardFigures::point(QStringLiteral("accidents"), ratio(double(c[WithAccidents]), double(c[Done]))),
         DashboardFigures::point(QStringLiteral("rollback"), ratio(double(c[WithRollback]), double(c[Done]))),
         DashboardFigures::point(QStringLiteral("stolen"), ratio(double(c[WithStolen]), double(c[Done]))),
         DashboardFigures::point(QStringLiteral("title_brands"), ratio(double(c[WithTitleBrands]), double(c[Done])))});
    return figures;
}

QMap<QDate, VinDay> readVin(pqxx::transaction_base &work, const Scope &scope, DashboardSource source)
{
    const pqxx::result rows = work.exec_params(
        source == DashboardSource::Aggregates
            ? "SELECT day::text, requested, done, failed, reused, with_accidents, with_rollback, with_stolen, "
              "  with_title_brands, latency_ms, latency_count FROM dash_vin_daily WHERE day BETWEEN $1::date AND "
              "$2::date"
            : "SELECT (q.requested_at AT TIME ZONE 'UTC')::date::text, count(*), "
              "  count(*) FILTER (WHERE q.status = 'done'), count(*) FILTER (WHERE q.status = 'failed'), "
              "  count(*) FILTER (WHERE q.status = 'done' AND q.reused), count(*) FILTER (WHERE r.accidents > 0), "
              "  count(*) FILTER (WHERE r.rollback_suspected), count(*) FILTER (WHERE r.stolen), "
              "  count(*) FILTER (WHERE cardinality(r.title_brands) > 0), "
              "  coalesce(sum(round(extract(epoch FROM q.finished_at - q.requested_at) * 1000)) "
              "    FILTER (WHERE q.status = 'done' AND NOT q.reused), 0)::bigint, "
              "  count(*) FILTER (WHERE q.status = 'done' AND NOT q.reused) "
              "FROM vin_requests q LEFT JOIN vin_reports r ON r.id = q.report_id "
              "WHERE q.requested_at >= $1::date::timestamp AT TIME ZONE 'UTC' "
              "  AND q.requested_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC' GROUP BY 1",
        scope.from, scope.to);
    QMap<QDate, VinDay> days;
    for (const pqxx::row &row : rows)
        days[dateOf(row[0])].add(row, 1);
    return days;
}

// ---- Operations ----

DashboardFigures operationsFigures(pqxx::transaction_base &work, const DashboardQuery &query)
{
    DashboardFigures figures = figuresFor(QStringLiteral("operations"), query);
    const EventQueue::Status status = EventQueue::status(work);
    const auto alive = std::ranges::count_if(status.workers, &HealthService::isAlive);
    figures.addTile(QStringLiteral("events_per_minute"), double(status.handledLastMinute));
    figures.addTile(QStringLiteral("failed_per_minute"), double(status.failedLastMinute));
    figures.addTile(QStringLiteral("queue_lag_seconds"), double(status.oldestDueSeconds));
    figures.addTile(QStringLiteral("queue_pending"), double(status.pending));
    figures.addTile(QStringLiteral("failed_events"), double(status.deadLetters));
    figures.addTile(QStringLiteral("workers_alive"), double(alive));
    figures.addTile(QStringLiteral("database_bytes"),
                    double(work.exec1("SELECT pg_database_size(current_database())")[0].as<qint64>()));
    DashboardSeries handled;
    for (const pqxx::row &row : work.exec(
             "SELECT to_char(m, 'YYYY-MM-DD\"T\"HH24:MI'), coalesce(sum(s.handled), 0)::bigint "
             "FROM generate_series(date_trunc('minute', now()) - interval '59 minutes', date_trunc('minute', now()), "
             "  interval '1 minute') m LEFT JOIN event_stats s ON s.minute = m GROUP BY m ORDER BY m"))
        handled << DashboardFigures::point(textOf(row[0]), double(row[1].as<qint64>()));
    figures.addSeries(QStringLiteral("handled_by_minute"), handled);
    return figures;
}

// How a dashboard reads: its figures from several statements that must agree (one snapshot), or from one
// statement (no transaction around it: two round trips fewer, which is most of a read of a millisecond).
enum class Reads { Several, One };

template <typename Assemble>
Result<DashboardFigures> run(Database &database, const DashboardQuery &query, bool needsPeriod, Assemble assemble,
                             Reads reads = Reads::Several)
{
    return database.guard([&](pqxx::connection &connection) -> Result<DashboardFigures> {
        const auto read = [&](pqxx::transaction_base &work) -> Result<DashboardFigures> {
            const auto scope = scopeOf(work, query, needsPeriod);
            if (!scope)
                return std::unexpected(scope.error());
            return assemble(work, *scope);
        };
        if (reads == Reads::One) {
            pqxx::nontransaction work(connection);
            return read(work);
        }
        // One snapshot for every statement, so the figures of one dashboard agree with each other.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> work(connection);
        return read(work);
    });
}

} // namespace

QStringList DashboardService::dashboards()
{
    return {QStringLiteral("stock"), QStringLiteral("rentals"), QStringLiteral("sales"), QStringLiteral("vin"),
            QStringLiteral("operations")};
}

QStringList DashboardService::ageBuckets()
{
    return {QStringLiteral("0-15"),  QStringLiteral("16-30"), QStringLiteral("31-45"),
            QStringLiteral("46-60"), QStringLiteral("61-90"), QStringLiteral("90+")};
}

QString DashboardService::ageBucket(qint64 days)
{
    static const QStringList buckets = ageBuckets();
    constexpr std::array<qint64, 5> upTo{15, 30, 45, 60, 90};
    const auto found = std::ranges::find_if(upTo, [days](qint64 limit) { return days <= limit; });
    return buckets.at(found - upTo.begin());
}

Result<DashboardFigures> DashboardService::figures(Database &database, const QString &dashboard,
                                                   const DashboardQuery &query, DashboardSource source)
{
    if (dashboard == QLatin1String("stock"))
        return stock(database, query, source);
    if (dashboard == QLatin1String("rentals"))
        return rentals(database, query, source);
    if (dashboard == QLatin1String("sales"))
        return sales(database, query, source);
    if (dashboard == QLatin1String("vin"))
        return vin(database, query, source);
    if (dashboard == QLatin1String("operations"))
        return operations(database, query, source);
    return std::unexpected(
        Error{Error::Code::InvalidInput, tr("There is no dashboard \"%1\". Choose one of: %2.")
                                             .arg(dashboard, dashboards().join(QStringLiteral(", ")))});
}

Result<DashboardFigures> DashboardService::figuresWithLists(Database &database, const QString &dashboard,
                                                            const DashboardQuery &query)
{
    auto shown = figures(database, dashboard, query);
    if (!shown || dashboard != QLatin1String("rentals"))
        return shown;
    const auto lists = rentalLists(database, query, 0);
    if (!lists)
        return std::unexpected(lists.error());
    setListTiles(*shown, *lists);
    return shown;
}

Result<DashboardFigures> DashboardService::stock(Database &database, const DashboardQuery &query,
                                                 DashboardSource source)
{
    return run(database, query, false, [&](pqxx::transaction_base &work, const Scope &scope) {
        StockIngredients stock = readStock(work, scope, source);
        if (hasPeriod(query))
            readPopular(work, scope, source, stock);
        return stockFigures(stock, query);
    });
}

Result<DashboardFigures> DashboardService::rentals(Database &database, const DashboardQuery &query,
                                                   DashboardSource source)
{
    return run(database, query, true, [&](pqxx::transaction_base &work, const Scope &scope) {
        return rentalFigures(readRentals(work, scope, source), query);
    });
}

Result<DashboardFigures> DashboardService::sales(Database &database, const DashboardQuery &query,
                                                 DashboardSource source)
{
    return run(database, query, true, [&](pqxx::transaction_base &work, const Scope &scope) {
        return salesFigures(readSales(work, scope, source), query);
    });
}

Result<DashboardFigures> DashboardService::vin(Database &database, const DashboardQuery &query, DashboardSource source)
{
    // The branch's lookup (only checked: VIN requests count for every branch) and one statement.
    return run(
        database, query, true,
        [&](pqxx::transaction_base &work, const Scope &scope) {
            return vinFigures(readVin(work, scope, source), query);
        },
        Reads::One);
}

Result<DashboardFigures> DashboardService::operations(Database &database, const DashboardQuery &query, DashboardSource)
{
    return run(database, query, false,
               [&](pqxx::transaction_base &work, const Scope &) { return operationsFigures(work, query); });
}

QString DashboardService::revenueStepKey(const QDate &from, const QDate &to, const QDate &day)
{
    if (from.daysTo(to) < 31)
        return day.toString(Qt::ISODate);
    if (to < from.addMonths(6)) {
        int year = 0;
        const int week = day.weekNumber(&year);
        return QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
    }
    return day.toString(QStringLiteral("yyyy-MM"));
}

Result<DashboardTargets> DashboardService::targets(Database &database)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        DashboardTargets targets;
        targets.utilisation = readTarget(work, "dashboard_utilisation_target", DefaultUtilisationTarget);
        targets.soldWithin30Days =
            readTarget(work, "dashboard_sold_within_30_days_target", DefaultSoldWithin30DaysTarget);
        return targets;
    });
}

Result<void> DashboardService::setTargets(Database &database, const DashboardTargets &targets)
{
    for (const double share : {targets.utilisation, targets.soldWithin30Days})
        if (!(share >= 0 && share <= 1)) // NaN too
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         tr("A target is a share from 0 % to 100 %. Enter one in that range.")});
    return database.guard([&](pqxx::connection &connection) -> Result<void> {
        pqxx::work work(connection);
        // The number as JSON, as migration 0017 stores it (settings_dashboard_targets_valid checks it).
        const auto put = [&work](const char *key, double share) {
            work.exec_params("INSERT INTO settings (key, value) VALUES ($1, to_jsonb($2::double precision)) "
                             "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()",
                             key, share);
        };
        put("dashboard_utilisation_target", targets.utilisation);
        put("dashboard_sold_within_30_days_target", targets.soldWithin30Days);
        Outbox::wake(work, QString::fromLatin1(TargetsChangedKey));
        work.commit();
        return {};
    });
}

Result<RentalLists> DashboardService::rentalLists(Database &database, const DashboardQuery &query, int limit)
{
    return database.guard([&](pqxx::connection &connection) -> Result<RentalLists> {
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> work(connection);
        const auto scope = scopeOf(work, query, false);
        if (!scope)
            return std::unexpected(scope.error());
        const int most = std::clamp(limit, 0, 10000);
        RentalLists lists;
        lists.overdueCount =
            work.exec_params1("SELECT count(*) " + overdueFrom(), scope->branch, scope->now)[0].as<qint64>();
        // Idle cars by stock number (an index read that stops at the first `most`), each with the end of its
        // last rental (its latest pick-up before now), every row with the count of all (a row of nulls when none).
        const std::string now = kNow;
        for (const pqxx::row &row : work.exec_params(
                 busyCarsWith() + ", i AS (SELECT c.id, c.stock_number, c.make, c.model, c.branch_id " +
                     idleCarsFrom() +
                     " ORDER BY c.stock_number, c.id LIMIT $3) "
                     "SELECT (SELECT count(*) " +
                     idleCarsFrom() +
                     "), i.id, i.stock_number, i.make, i.model, br.code, (extract(epoch FROM last.ended) * "
                     "1000)::bigint "
                     "FROM (SELECT) one LEFT JOIN (i LEFT JOIN branches br ON br.id = i.branch_id "
                     "LEFT JOIN LATERAL (SELECT coalesce(k.returned_at, k.return_at) AS ended FROM bookings k "
                     "  WHERE k.car_id = i.id AND k.pickup_at <= " +
                     now +
                     " AND k.status NOT IN ('cancelled', 'no_show') "
                     "  ORDER BY k.pickup_at DESC LIMIT 1) last ON true) ON true "
                     "ORDER BY i.stock_number, i.id",
                 scope->branch, scope->now, most)) {
            lists.idleCount = row[0].as<qint64>();
            if (row[1].is_null())
                continue;
            IdleCar car;
            car.carId = row[1].as<qint64>();
            car.stockNumber = textOf(row[2]);
            car.make = textOf(row[3]);
            car.model = textOf(row[4]);
            car.branchCode = textOf(row[5]);
            if (!row[6].is_null())
                car.lastRentalEnd = QDateTime::fromMSecsSinceEpoch(row[6].as<qint64>(), Qt::UTC);
            lists.idle << car;
        }
        // Overdue rentals, longest overdue first.
        for (const pqxx::row &row :
             work.exec_params("SELECT k.id, c.id, c.stock_number, c.make, c.model, br.code, cu.full_name, "
                              "  (extract(epoch FROM k.return_at) * 1000)::bigint " +
                                  overdueFrom() + " ORDER BY k.return_at, k.id LIMIT $3",
                              scope->branch, scope->now, most)) {
            OverdueRental rental;
            rental.bookingId = row[0].as<qint64>();
            rental.carId = row[1].as<qint64>();
            rental.stockNumber = textOf(row[2]);
            rental.make = textOf(row[3]);
            rental.model = textOf(row[4]);
            rental.branchCode = textOf(row[5]);
            rental.customer = textOf(row[6]);
            rental.dueAt = QDateTime::fromMSecsSinceEpoch(row[7].as<qint64>(), Qt::UTC);
            lists.overdue << rental;
        }
        return lists;
    });
}
