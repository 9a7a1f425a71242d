#pragma once

#include <string>

// Every dashboard figure as (table, row as JSON) rows, rows of zeros left out: the keyed tables as they are, and
// the figures kept as a keyed row plus appended deltas (migration 0019) summed per key. Two snapshots are equal
// when the figures are, however much of them is folded. `CREATE TABLE x AS` + this, then compare with EXCEPT.
inline std::string dashboardFiguresSnapshotSql()
{
    return "SELECT 'stock' AS t, to_jsonb(s) AS j FROM dash_stock s "
           "  WHERE (cars, list_cents, cost_cents, with_cost, fleet_cars) <> (0, 0, 0, 0, 0) "
           "UNION ALL SELECT 'mix', to_jsonb(s) FROM dash_stock_mix s WHERE (cars, list_cents) <> (0, 0) "
           "UNION ALL SELECT 'rental', to_jsonb(s) FROM (SELECT branch_id, day, sum(booked_seconds) AS booked_seconds, "
           "  sum(bookings) AS bookings, sum(reserved) AS reserved, sum(active) AS active, sum(completed) AS "
           "completed, "
           "  sum(cancelled) AS cancelled, sum(no_show) AS no_show, sum(returned) AS returned, "
           "  sum(revenue_cents) AS revenue_cents, sum(rental_seconds) AS rental_seconds "
           "  FROM dash_rental_figures GROUP BY branch_id, day) s WHERE (booked_seconds, bookings, returned, "
           "  revenue_cents, rental_seconds) <> (0, 0, 0, 0, 0) "
           "UNION ALL SELECT 'sales', to_jsonb(s) FROM dash_sales_daily s WHERE (units, gross_cents, days_to_sell) "
           "  <> (0, 0, 0) "
           "UNION ALL SELECT 'key', to_jsonb(s) FROM dash_sales_by_key s WHERE (units, gross_cents) <> (0, 0) "
           "UNION ALL SELECT 'vin', to_jsonb(s) FROM dash_vin_daily s WHERE requested <> 0 "
           "UNION ALL SELECT 'models', to_jsonb(s) FROM (SELECT grain, branch_id, start, make, model, "
           "  sum(bookings) AS bookings, sum(sales) AS sales FROM dash_models_figures "
           "  GROUP BY grain, branch_id, start, make, model) s WHERE (bookings, sales) <> (0, 0)";
}

// Rows in one of the tables `a` and `b` (made from the snapshot above) and not in the other.
inline std::string dashboardFiguresDifferenceSql(const std::string &a, const std::string &b)
{
    return "SELECT count(*) FROM ((SELECT * FROM " + a + " EXCEPT SELECT * FROM " + b + ") UNION ALL (SELECT * FROM " +
           b + " EXCEPT SELECT * FROM " + a + ")) d";
}
