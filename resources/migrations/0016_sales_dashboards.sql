-- Issue 16, part 1: recorded sales, the rental-fleet flag, and the dashboards' figures kept current.
--
-- How the figures stay instant at a million cars. Every dashboard figure is a small indexed read of the
-- dash_* tables below, keyed by branch (0: cars without one) and day. A day is a calendar day in the time
-- zone of the car's branch (UTC for branch 0); "All branches" adds up the branches' own days.
--   dash_stock         "now": cars in stock per branch and the day they count as in stock from, with list
--                      and cost value and rental-fleet cars. Aging, average days and cars over 90 days
--                      follow from each branch's today when read, so they need no nightly job.
--   dash_stock_mix     "now": cars in stock per branch by make, body, fuel, price band and mileage band.
--   dash_rental_daily  per branch-day: booked seconds of the rental fleet's cars (a booking split at the
--                      local midnights, so a 23- or 25-hour day counts its real seconds), bookings by status
--                      by pick-up day, revenue and rental seconds by return day.
--   dash_sales_daily   per branch (the sale's) and sale day: units, gross, days to sell, within 30 days.
--   dash_sales_by_key  per model, salesperson and age at sale, by day and by month, per branch and for all
--                      branches (-1): a period reads its whole months from the monthly rows and its edges
--                      from the daily rows (per branch and day these rows are about as many as the sales).
--   dash_vin_daily     per UTC day (a VIN request belongs to no branch): requests, outcomes, findings.
-- They are kept by statement-level AFTER triggers with transition tables, never a row trigger: in each
-- statement the old rows subtract and the new rows add their contribution (the dash_*_rows functions),
-- summed per key and written by one INSERT .. ON CONFLICT DO UPDATE of deltas, in key order. So two
-- writers of one figure never lose an update (the second waits for the row and adds to what the first
-- committed), they take the rows of a table in one order (no deadlock between them), and keys whose
-- deltas are all zero are not written at all (a mileage change or a pick-up locks no figure).
-- A booking's figures follow its car: a car that moves branch, joins or leaves the rental fleet moves the
-- contribution of its bookings. A change of a branch's time zone, or a TRUNCATE, rebuilds every figure
-- (dash_rebuild()). The statements are written once (dash_*_sql) and instantiated per trigger below.

-- 1. The rental fleet, and recorded sales.
ALTER TABLE cars ADD COLUMN for_rent boolean NOT NULL DEFAULT false;

CREATE TABLE car_sales (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    car_id           bigint NOT NULL REFERENCES cars (id),
    sold_on          date NOT NULL CHECK (isfinite(sold_on)),
    price            numeric(12, 2) NOT NULL CHECK (price >= 0),
    cost             numeric(12, 2) CHECK (cost >= 0), -- the car's cost at sale; null: not known
    buyer_id         bigint REFERENCES customers (id),
    salesperson      text NOT NULL DEFAULT current_user CHECK (btrim(salesperson) <> ''),
    branch_id        bigint REFERENCES branches (id),
    -- The car as it was sold, so that later edits of the car leave the sale's figures alone.
    make             text NOT NULL,
    model            text NOT NULL,
    in_stock_since   date NOT NULL CHECK (isfinite(in_stock_since)), -- the day counted as in stock from
    previous_status  text NOT NULL CHECK (previous_status IN ('available', 'reserved', 'rented', 'in_service')),
    note             text NOT NULL DEFAULT '',
    created_by       text NOT NULL DEFAULT current_user,
    created_at       timestamptz NOT NULL DEFAULT now(),
    voided_at        timestamptz,
    voided_by        text,
    void_reason      text CHECK (btrim(void_reason) <> ''),
    CONSTRAINT car_sales_void_reason CHECK ((voided_at IS NULL) = (void_reason IS NULL)
                                           AND (voided_at IS NULL) = (voided_by IS NULL))
);
-- A car is sold at most once at a time; a void sale stays as a record.
CREATE UNIQUE INDEX car_sales_one_per_car ON car_sales (car_id) WHERE voided_at IS NULL;
CREATE INDEX car_sales_sold_on_idx ON car_sales (sold_on);
CREATE INDEX car_sales_buyer_idx ON car_sales (buyer_id) WHERE buyer_id IS NOT NULL;

-- A sale is a record: the only change it takes is being voided, once.
CREATE FUNCTION car_sales_only_void() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.voided_at IS NOT NULL THEN
        RAISE EXCEPTION 'sale % is void and cannot be changed', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'car_sales_void_final';
    END IF;
    IF (NEW.car_id, NEW.sold_on, NEW.price, NEW.cost, NEW.buyer_id, NEW.salesperson, NEW.branch_id, NEW.make,
        NEW.model, NEW.in_stock_since, NEW.previous_status, NEW.created_by, NEW.created_at)
       IS DISTINCT FROM
       (OLD.car_id, OLD.sold_on, OLD.price, OLD.cost, OLD.buyer_id, OLD.salesperson, OLD.branch_id, OLD.make,
        OLD.model, OLD.in_stock_since, OLD.previous_status, OLD.created_by, OLD.created_at) THEN
        RAISE EXCEPTION 'sale % can only be voided, not changed', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'car_sales_void_final';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER car_sales_void_final BEFORE UPDATE ON car_sales
    FOR EACH ROW EXECUTE FUNCTION car_sales_only_void();

-- 2. The figures. Their rows are updated in place many times: pages kept 30% free let an update stay on its
-- page without touching the indexes (HOT).
CREATE TABLE dash_stock (
    branch_id   bigint NOT NULL,
    since       date NOT NULL, -- the day the cars count as in stock from
    cars        bigint NOT NULL DEFAULT 0,
    list_cents  bigint NOT NULL DEFAULT 0,
    cost_cents  bigint NOT NULL DEFAULT 0,
    with_cost   bigint NOT NULL DEFAULT 0,
    fleet_cars  bigint NOT NULL DEFAULT 0, -- in the rental fleet
    PRIMARY KEY (branch_id, since)
) WITH (fillfactor = 70);

CREATE TABLE dash_stock_mix (
    branch_id   bigint NOT NULL,
    dimension   text NOT NULL, -- make, body_type, fuel_type, price_band, mileage_band
    key         text NOT NULL, -- "not_stated" for an unknown body or fuel; a band's lower bound
    cars        bigint NOT NULL DEFAULT 0,
    list_cents  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (branch_id, dimension, key)
) WITH (fillfactor = 70);

CREATE TABLE dash_rental_daily (
    branch_id       bigint NOT NULL,
    day             date NOT NULL,
    booked_seconds  bigint NOT NULL DEFAULT 0, -- of the rental fleet's cars, within the day
    bookings        bigint NOT NULL DEFAULT 0, -- by pick-up day, every status
    reserved        bigint NOT NULL DEFAULT 0,
    active          bigint NOT NULL DEFAULT 0,
    completed       bigint NOT NULL DEFAULT 0,
    cancelled       bigint NOT NULL DEFAULT 0,
    no_show         bigint NOT NULL DEFAULT 0,
    returned        bigint NOT NULL DEFAULT 0, -- by return day, from here on
    revenue_cents   bigint NOT NULL DEFAULT 0,
    rental_seconds  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (branch_id, day)
) WITH (fillfactor = 70);
CREATE INDEX dash_rental_daily_day_idx ON dash_rental_daily (day);

CREATE TABLE dash_sales_daily (
    branch_id     bigint NOT NULL,
    day           date NOT NULL,
    units         bigint NOT NULL DEFAULT 0,
    price_cents   bigint NOT NULL DEFAULT 0,
    with_cost     bigint NOT NULL DEFAULT 0,
    gross_cents   bigint NOT NULL DEFAULT 0, -- over the sales with a cost
    days_to_sell  bigint NOT NULL DEFAULT 0,
    within_30     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (branch_id, day)
) WITH (fillfactor = 70);
CREATE INDEX dash_sales_daily_day_idx ON dash_sales_daily (day);

CREATE TABLE dash_sales_by_key (
    grain        char(1) NOT NULL CHECK (grain IN ('d', 'm')), -- day, month
    branch_id    bigint NOT NULL, -- -1: all branches
    start        date NOT NULL,
    kind         text NOT NULL, -- model, salesperson, age
    key          text NOT NULL,
    units        bigint NOT NULL DEFAULT 0,
    with_cost    bigint NOT NULL DEFAULT 0,
    gross_cents  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, branch_id, start, kind, key)
) WITH (fillfactor = 70);

CREATE TABLE dash_vin_daily (
    day                date PRIMARY KEY, -- of the request, UTC
    requested          bigint NOT NULL DEFAULT 0,
    done               bigint NOT NULL DEFAULT 0,
    failed             bigint NOT NULL DEFAULT 0,
    reused             bigint NOT NULL DEFAULT 0,
    with_accidents     bigint NOT NULL DEFAULT 0,
    with_rollback      bigint NOT NULL DEFAULT 0,
    with_stolen        bigint NOT NULL DEFAULT 0,
    with_title_brands  bigint NOT NULL DEFAULT 0,
    latency_ms         bigint NOT NULL DEFAULT 0, -- requested to done, over done requests not reused
    latency_count      bigint NOT NULL DEFAULT 0
) WITH (fillfactor = 70);

-- 3. What one row contributes. The dashboards' direct path (DashboardService, Source::BaseTables) computes
-- the same definitions from the base tables without these functions.

-- The aging buckets (days in stock, days to sell).
CREATE FUNCTION dash_age_bucket(days integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN days <= 15 THEN '0-15' WHEN days <= 30 THEN '16-30' WHEN days <= 45 THEN '31-45'
                WHEN days <= 60 THEN '46-60' WHEN days <= 90 THEN '61-90' ELSE '90+' END
$$;

-- The day a car counts as in stock from: acquired, else listed, else the day it was created at its desk.
CREATE FUNCTION dash_in_stock_since(acquired date, listed date, created timestamptz, zone text) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(acquired, listed, (created AT TIME ZONE zone)::date)
$$;

-- A booking counts unless cancelled or no-show. Its booked time runs from the pick-up to the actual return
-- when returned, else the booked return; the rental fleet's cars' part of it falls on the local days it
-- covers. Bookings count on their pick-up day, revenue on the (actual) return day.
CREATE FUNCTION dash_booking_rows(pickup timestamptz, booked_return timestamptz, actual_return timestamptz,
                                  booking_status text, charge numeric, branch bigint, zone text, in_fleet boolean)
RETURNS TABLE (branch_id bigint, day date, booked_seconds bigint, bookings bigint, reserved bigint, active bigint,
               completed bigint, cancelled bigint, no_show bigint, returned bigint, revenue_cents bigint,
               rental_seconds bigint)
LANGUAGE sql STABLE AS $$
    SELECT branch, d.day, d.seconds, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM (SELECT local.day::date AS day,
                 round(extract(epoch FROM least(span.until, (local.day + interval '1 day') AT TIME ZONE zone)
                                          - greatest(pickup, local.day AT TIME ZONE zone)))::bigint AS seconds
          FROM (SELECT greatest(pickup, coalesce(actual_return, booked_return)) AS until) span,
               generate_series((pickup AT TIME ZONE zone)::date::timestamp,
                               (span.until AT TIME ZONE zone)::date::timestamp, interval '1 day') AS local (day)
          WHERE in_fleet AND booking_status NOT IN ('cancelled', 'no_show')) d
    WHERE d.seconds > 0
    UNION ALL
    SELECT branch, (pickup AT TIME ZONE zone)::date, 0, 1, (booking_status = 'reserved')::integer,
           (booking_status = 'active')::integer, (booking_status = 'completed')::integer,
           (booking_status = 'cancelled')::integer, (booking_status = 'no_show')::integer, 0, 0, 0
    UNION ALL
    SELECT branch, (actual_return AT TIME ZONE zone)::date, 0, 0, 0, 0, 0, 0, 0, 1, (charge * 100)::bigint,
           round(extract(epoch FROM greatest(actual_return, pickup) - pickup))::bigint
    WHERE actual_return IS NOT NULL AND booking_status NOT IN ('cancelled', 'no_show')
$$;

-- A sale counts unless void, on its sale date, at the branch it was sold from.
CREATE FUNCTION dash_sale_days(sold_on date, in_stock_since date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT sold_on - in_stock_since
$$;

-- The car's part in its bookings' figures: its branch, that branch's zone, and whether it is in the rental
-- fleet (for rent, not sold or retired). `cars` is a table or transition table of cars.
CREATE FUNCTION dash_car_state_sql(cars text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('SELECT c.id, coalesce(c.branch_id, 0) AS branch_id, coalesce(b.time_zone, %L) AS zone, '
                  '(c.for_rent AND c.status NOT IN (%L, %L)) AS in_fleet '
                  'FROM %s c LEFT JOIN branches b ON b.id = c.branch_id', 'UTC', 'sold', 'retired', cars)
$$;

-- 4. The statements that add a source's contribution (its column `sign`: 1 adds, -1 takes away), summed per
-- key, in key order, leaving keys whose deltas are all zero alone.

-- `source`: sign and the columns of cars. The stock and its mix in one pass over the rows (a bulk load's
-- million-row transition table is read once): one aggregate with a grouping set per figure, the keys and
-- cents as integers per row, the day's time zone looked up only for a car without an acquired or listed
-- day. A car counts in stock unless sold or retired; bands of 5,000 (currency units) up to 100,000+ and of
-- 25,000 km up to 300,000+ (DashboardService bands alike); "not_stated" for an unknown body or fuel.
-- GROUPING() tells the sets apart: 31 (branch, day), 47 make, 55 body, 59 fuel, 61 price band, 62 mileage
-- band. OFFSET 0 keeps the per-row columns in a subquery, so that the planner estimates the groups of each
-- set from its two columns, not from every column a key is made of.
CREATE FUNCTION dash_stock_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format($f$
        WITH c AS (
            SELECT s.sign, coalesce(s.branch_id, 0) AS branch_id,
                   coalesce(s.acquired_on, s.listed_on,
                            (s.created_at AT TIME ZONE coalesce((SELECT b.time_zone FROM branches b
                                                                 WHERE b.id = s.branch_id), 'UTC'))::date) AS since,
                   (s.list_price * 100)::bigint AS list_cents, (s.cost * 100)::bigint AS cost_cents, s.for_rent,
                   s.make, coalesce(s.body_type, 'not_stated') AS body_type,
                   coalesce(s.fuel_type, 'not_stated') AS fuel_type, s.mileage_km
            FROM (%1$s) s
            WHERE s.status NOT IN ('sold', 'retired')
            OFFSET 0),
        g AS MATERIALIZED (
            SELECT c.branch_id, c.since, c.make, c.body_type, c.fuel_type,
                   least(c.list_cents / 500000, 20) * 5000 AS price_band,
                   least(c.mileage_km / 25000, 12) * 25000 AS mileage_band,
                   GROUPING(c.since, c.make, c.body_type, c.fuel_type, least(c.list_cents / 500000, 20) * 5000,
                            least(c.mileage_km / 25000, 12) * 25000) AS set,
                   sum(c.sign)::bigint AS cars, sum(c.sign * c.list_cents)::bigint AS list_cents,
                   sum(c.sign * coalesce(c.cost_cents, 0))::bigint AS cost_cents,
                   sum(c.sign * (c.cost_cents IS NOT NULL)::integer)::bigint AS with_cost,
                   sum(c.sign * c.for_rent::integer)::bigint AS fleet_cars
            FROM c
            GROUP BY GROUPING SETS ((c.branch_id, c.since), (c.branch_id, c.make), (c.branch_id, c.body_type),
                                    (c.branch_id, c.fuel_type),
                                    (c.branch_id, least(c.list_cents / 500000, 20) * 5000),
                                    (c.branch_id, least(c.mileage_km / 25000, 12) * 25000))),
        stock AS (
            INSERT INTO dash_stock AS t (branch_id, since, cars, list_cents, cost_cents, with_cost, fleet_cars)
            SELECT g.branch_id, g.since, g.cars, g.list_cents, g.cost_cents, g.with_cost, g.fleet_cars
            FROM g
            WHERE g.set = 31 AND (g.cars, g.list_cents, g.cost_cents, g.with_cost, g.fleet_cars) <> (0, 0, 0, 0, 0)
            ORDER BY g.branch_id, g.since
            ON CONFLICT (branch_id, since) DO UPDATE SET
                cars = t.cars + excluded.cars, list_cents = t.list_cents + excluded.list_cents,
                cost_cents = t.cost_cents + excluded.cost_cents, with_cost = t.with_cost + excluded.with_cost,
                fleet_cars = t.fleet_cars + excluded.fleet_cars)
        INSERT INTO dash_stock_mix AS t (branch_id, dimension, key, cars, list_cents)
        SELECT m.branch_id, m.dimension, m.key, m.cars, m.list_cents
        FROM (SELECT g.branch_id,
                     CASE g.set WHEN 47 THEN 'make' WHEN 55 THEN 'body_type' WHEN 59 THEN 'fuel_type'
                                WHEN 61 THEN 'price_band' ELSE 'mileage_band' END AS dimension,
                     CASE g.set WHEN 47 THEN g.make WHEN 55 THEN g.body_type WHEN 59 THEN g.fuel_type
                                WHEN 61 THEN g.price_band::text ELSE g.mileage_band::text END AS key,
                     g.cars, g.list_cents
              FROM g
              WHERE g.set <> 31 AND (g.cars, g.list_cents) <> (0, 0)) m
        ORDER BY m.branch_id, m.dimension, m.key
        ON CONFLICT (branch_id, dimension, key) DO UPDATE SET
            cars = t.cars + excluded.cars, list_cents = t.list_cents + excluded.list_cents;
    $f$, source)
$$;

-- `source`: sign, pickup_at, return_at, returned_at, status, total, and the car's branch_id, zone, in_fleet.
CREATE FUNCTION dash_rental_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format($f$
        INSERT INTO dash_rental_daily AS t (branch_id, day, booked_seconds, bookings, reserved, active, completed,
                                            cancelled, no_show, returned, revenue_cents, rental_seconds)
        SELECT * FROM (
            SELECT r.branch_id, r.day, sum(s.sign * r.booked_seconds)::bigint, sum(s.sign * r.bookings)::bigint,
                   sum(s.sign * r.reserved)::bigint, sum(s.sign * r.active)::bigint,
                   sum(s.sign * r.completed)::bigint, sum(s.sign * r.cancelled)::bigint,
                   sum(s.sign * r.no_show)::bigint, sum(s.sign * r.returned)::bigint,
                   sum(s.sign * r.revenue_cents)::bigint, sum(s.sign * r.rental_seconds)::bigint
            FROM (%1$s) s
            CROSS JOIN LATERAL dash_booking_rows(s.pickup_at, s.return_at, s.returned_at, s.status, s.total,
                                                 s.branch_id, s.zone, s.in_fleet) r
            GROUP BY r.branch_id, r.day) d (branch_id, day, booked_seconds, bookings, reserved, active, completed,
                                            cancelled, no_show, returned, revenue_cents, rental_seconds)
        WHERE (d.booked_seconds, d.bookings, d.reserved, d.active, d.completed, d.cancelled, d.no_show, d.returned,
               d.revenue_cents, d.rental_seconds) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        ORDER BY d.branch_id, d.day
        ON CONFLICT (branch_id, day) DO UPDATE SET
            booked_seconds = t.booked_seconds + excluded.booked_seconds, bookings = t.bookings + excluded.bookings,
            reserved = t.reserved + excluded.reserved, active = t.active + excluded.active,
            completed = t.completed + excluded.completed, cancelled = t.cancelled + excluded.cancelled,
            no_show = t.no_show + excluded.no_show, returned = t.returned + excluded.returned,
            revenue_cents = t.revenue_cents + excluded.revenue_cents,
            rental_seconds = t.rental_seconds + excluded.rental_seconds;
    $f$, source)
$$;

-- `source`: sign and the columns of car_sales. The figures by model, salesperson and age come from one
-- aggregate with a grouping set per kind, grain (day, month) and branch (its own, or -1: all branches).
CREATE FUNCTION dash_sales_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format($f$
        INSERT INTO dash_sales_daily AS t (branch_id, day, units, price_cents, with_cost, gross_cents, days_to_sell,
                                           within_30)
        SELECT * FROM (
            SELECT coalesce(s.branch_id, 0), s.sold_on, sum(s.sign)::bigint, sum(s.sign * (s.price * 100))::bigint,
                   sum(s.sign * (s.cost IS NOT NULL)::integer)::bigint,
                   sum(s.sign * coalesce((s.price - s.cost) * 100, 0))::bigint,
                   sum(s.sign * dash_sale_days(s.sold_on, s.in_stock_since))::bigint,
                   sum(s.sign * (dash_sale_days(s.sold_on, s.in_stock_since) <= 30)::integer)::bigint
            FROM (%1$s) s
            WHERE s.voided_at IS NULL
            GROUP BY 1, 2) d (branch_id, day, units, price_cents, with_cost, gross_cents, days_to_sell, within_30)
        WHERE (d.units, d.price_cents, d.with_cost, d.gross_cents, d.days_to_sell, d.within_30) <> (0, 0, 0, 0, 0, 0)
        ORDER BY d.branch_id, d.day
        ON CONFLICT (branch_id, day) DO UPDATE SET
            units = t.units + excluded.units, price_cents = t.price_cents + excluded.price_cents,
            with_cost = t.with_cost + excluded.with_cost, gross_cents = t.gross_cents + excluded.gross_cents,
            days_to_sell = t.days_to_sell + excluded.days_to_sell, within_30 = t.within_30 + excluded.within_30;
        INSERT INTO dash_sales_by_key AS t (kind, grain, start, branch_id, key, units, with_cost, gross_cents)
        SELECT * FROM (
            SELECT CASE WHEN GROUPING(c.model) = 0 THEN 'model' WHEN GROUPING(c.salesperson) = 0 THEN 'salesperson'
                        ELSE 'age' END,
                   CASE GROUPING(c.day) WHEN 0 THEN 'd' ELSE 'm' END,
                   CASE GROUPING(c.day) WHEN 0 THEN c.day ELSE c.month END,
                   CASE GROUPING(c.branch_id) WHEN 0 THEN c.branch_id ELSE -1 END,
                   CASE WHEN GROUPING(c.model) = 0 THEN c.model WHEN GROUPING(c.salesperson) = 0 THEN c.salesperson
                        ELSE c.age END,
                   sum(c.sign)::bigint, sum(c.sign * c.with_cost)::bigint, sum(c.sign * c.gross_cents)::bigint
            FROM (SELECT s.sign, s.sold_on AS day, date_trunc('month', s.sold_on)::date AS month,
                         coalesce(s.branch_id, 0) AS branch_id, s.make || ' ' || s.model AS model, s.salesperson,
                         dash_age_bucket(dash_sale_days(s.sold_on, s.in_stock_since)) AS age,
                         (s.cost IS NOT NULL)::integer AS with_cost, coalesce(((s.price - s.cost) * 100)::bigint, 0)
                             AS gross_cents
                  FROM (%1$s) s
                  WHERE s.voided_at IS NULL
                  OFFSET 0) c
            GROUP BY GROUPING SETS ((c.day, c.branch_id, c.model), (c.day, c.model), (c.month, c.branch_id, c.model),
                                    (c.month, c.model), (c.day, c.branch_id, c.salesperson), (c.day, c.salesperson),
                                    (c.month, c.branch_id, c.salesperson), (c.month, c.salesperson),
                                    (c.day, c.branch_id, c.age), (c.day, c.age), (c.month, c.branch_id, c.age),
                                    (c.month, c.age))) d (kind, grain, start, branch_id, key, units, with_cost,
                                                          gross_cents)
        WHERE (d.units, d.with_cost, d.gross_cents) <> (0, 0, 0)
        ORDER BY d.grain, d.branch_id, d.start, d.kind, d.key
        ON CONFLICT (grain, branch_id, start, kind, key) DO UPDATE SET
            units = t.units + excluded.units, with_cost = t.with_cost + excluded.with_cost,
            gross_cents = t.gross_cents + excluded.gross_cents;
    $f$, source)
$$;

-- A report's findings as flags: accidents, rollback suspected, stolen, title brands. Looked up only for the
-- requests that have a report (PL/pgSQL plans the query when it first runs it), so writing a request does
-- not depend on the reports' table.
CREATE FUNCTION dash_vin_findings(wanted bigint) RETURNS integer[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    flags integer[];
BEGIN
    IF wanted IS NULL THEN
        RETURN ARRAY[0, 0, 0, 0];
    END IF;
    SELECT ARRAY[(accidents > 0)::integer, rollback_suspected::integer, stolen::integer,
                 (cardinality(title_brands) > 0)::integer]
    INTO flags FROM vin_reports r WHERE r.id = wanted;
    RETURN coalesce(flags, ARRAY[0, 0, 0, 0]);
END
$$;

-- `source`: sign and the columns of vin_requests.
CREATE FUNCTION dash_vin_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format($f$
        INSERT INTO dash_vin_daily AS t (day, requested, done, failed, reused, with_accidents, with_rollback,
                                         with_stolen, with_title_brands, latency_ms, latency_count)
        SELECT * FROM (
            SELECT (s.requested_at AT TIME ZONE 'UTC')::date, sum(s.sign)::bigint,
                   sum(s.sign * (s.status = 'done')::integer)::bigint,
                   sum(s.sign * (s.status = 'failed')::integer)::bigint,
                   sum(s.sign * (s.status = 'done' AND s.reused)::integer)::bigint,
                   sum(s.sign * r.flags[1])::bigint, sum(s.sign * r.flags[2])::bigint,
                   sum(s.sign * r.flags[3])::bigint, sum(s.sign * r.flags[4])::bigint,
                   sum(s.sign * CASE WHEN s.status = 'done' AND NOT s.reused
                                     THEN round(extract(epoch FROM s.finished_at - s.requested_at) * 1000)
                                     ELSE 0 END)::bigint,
                   sum(s.sign * (s.status = 'done' AND NOT s.reused)::integer)::bigint
            FROM (%1$s) s
            CROSS JOIN LATERAL (SELECT CASE WHEN s.report_id IS NOT NULL THEN dash_vin_findings(s.report_id)
                                            ELSE ARRAY[0, 0, 0, 0] END AS flags) r
            GROUP BY 1) d (day, requested, done, failed, reused, with_accidents, with_rollback, with_stolen,
                           with_title_brands, latency_ms, latency_count)
        WHERE (d.requested, d.done, d.failed, d.reused, d.with_accidents, d.with_rollback, d.with_stolen,
               d.with_title_brands, d.latency_ms, d.latency_count) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        ORDER BY d.day
        ON CONFLICT (day) DO UPDATE SET
            requested = t.requested + excluded.requested, done = t.done + excluded.done,
            failed = t.failed + excluded.failed, reused = t.reused + excluded.reused,
            with_accidents = t.with_accidents + excluded.with_accidents,
            with_rollback = t.with_rollback + excluded.with_rollback,
            with_stolen = t.with_stolen + excluded.with_stolen,
            with_title_brands = t.with_title_brands + excluded.with_title_brands,
            latency_ms = t.latency_ms + excluded.latency_ms, latency_count = t.latency_count + excluded.latency_count;
    $f$, source)
$$;

-- The bookings of `cars` (a source of car states with their sign) as a source for dash_rental_sql.
CREATE FUNCTION dash_bookings_source(signed_rows text, car_states text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('SELECT b.sign, b.pickup_at, b.return_at, b.returned_at, b.status, b.total, c.branch_id, c.zone, '
                  'c.in_fleet FROM (%s) b JOIN (%s) c ON c.id = b.car_id', signed_rows, car_states)
$$;

-- The rows of a statement, signed: the old ones take away, the new ones add.
CREATE FUNCTION dash_signed_rows(op text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE op
        WHEN 'insert' THEN 'SELECT 1 AS sign, * FROM new_rows'
        WHEN 'delete' THEN 'SELECT -1 AS sign, * FROM old_rows'
        ELSE 'SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows'
    END
$$;

-- Every figure again from the base tables (after a TRUNCATE or a branch's new time zone).
CREATE FUNCTION dash_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE dash_stock, dash_stock_mix, dash_rental_daily, dash_sales_daily, dash_sales_by_key, dash_vin_daily;
    EXECUTE dash_stock_sql('SELECT 1 AS sign, * FROM cars');
    EXECUTE dash_rental_sql(dash_bookings_source('SELECT 1 AS sign, * FROM bookings', dash_car_state_sql('cars')));
    EXECUTE dash_sales_sql('SELECT 1 AS sign, * FROM car_sales');
    EXECUTE dash_vin_sql('SELECT 1 AS sign, * FROM vin_requests');
END
$$;

CREATE FUNCTION dash_rebuild_after() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dash_rebuild();
    RETURN NULL;
END
$$;

-- 5. The triggers: one function per table and operation, its statements written out from the templates
-- above (static SQL, so each keeps its plan for the session).
DO $$
DECLARE
    op text;
    tbl text;
    body text;
    -- A statement that changed no row (a booking refused by ON CONFLICT DO NOTHING) leaves at once.
    start text;
BEGIN
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
        start := format('BEGIN IF NOT EXISTS (SELECT FROM %s) THEN RETURN NULL; END IF; ',
                        CASE op WHEN 'delete' THEN 'old_rows' ELSE 'new_rows' END);
        -- cars: the stock figures; a car that changed branch or left or joined the rental fleet moves its
        -- bookings' figures (a new car has no bookings, a car with bookings cannot be deleted).
        body := dash_stock_sql(dash_signed_rows(op));
        IF op = 'update' THEN
            body := body || dash_rental_sql(format(
                'SELECT s.sign, b.pickup_at, b.return_at, b.returned_at, b.status, b.total, '
                '       CASE s.sign WHEN -1 THEN o.branch_id ELSE n.branch_id END AS branch_id, '
                '       CASE s.sign WHEN -1 THEN o.zone ELSE n.zone END AS zone, '
                '       CASE s.sign WHEN -1 THEN o.in_fleet ELSE n.in_fleet END AS in_fleet '
                'FROM (%s) o JOIN (%s) n ON n.id = o.id '
                'JOIN bookings b ON b.car_id = o.id '
                'CROSS JOIN (VALUES (-1), (1)) s (sign) '
                'WHERE (o.branch_id, o.zone, o.in_fleet) IS DISTINCT FROM (n.branch_id, n.zone, n.in_fleet)',
                dash_car_state_sql('old_rows'), dash_car_state_sql('new_rows')));
        END IF;
        EXECUTE format('CREATE FUNCTION dash_cars_%s() RETURNS trigger LANGUAGE plpgsql AS %L', op,
                       start || body || ' RETURN NULL; END');

        body := dash_rental_sql(dash_bookings_source(dash_signed_rows(op), dash_car_state_sql('cars')));
        EXECUTE format('CREATE FUNCTION dash_bookings_%s() RETURNS trigger LANGUAGE plpgsql AS %L', op,
                       start || body || ' RETURN NULL; END');

        body := dash_sales_sql(dash_signed_rows(op));
        EXECUTE format('CREATE FUNCTION dash_car_sales_%s() RETURNS trigger LANGUAGE plpgsql AS %L', op,
                       start || body || ' RETURN NULL; END');

        body := dash_vin_sql(dash_signed_rows(op));
        EXECUTE format('CREATE FUNCTION dash_vin_requests_%s() RETURNS trigger LANGUAGE plpgsql AS %L', op,
                       start || body || ' RETURN NULL; END');

        FOREACH tbl IN ARRAY ARRAY['cars', 'bookings', 'car_sales', 'vin_requests'] LOOP
            EXECUTE format('CREATE TRIGGER dash_%1$s_%2$s AFTER %2$s ON %1$s REFERENCING %3$s '
                           'FOR EACH STATEMENT EXECUTE FUNCTION dash_%1$s_%2$s()',
                           tbl, op, CASE op WHEN 'insert' THEN 'NEW TABLE AS new_rows'
                                             WHEN 'delete' THEN 'OLD TABLE AS old_rows'
                                             ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END);
        END LOOP;
    END LOOP;
END
$$;

CREATE TRIGGER dash_cars_truncate AFTER TRUNCATE ON cars FOR EACH STATEMENT EXECUTE FUNCTION dash_rebuild_after();
CREATE TRIGGER dash_bookings_truncate AFTER TRUNCATE ON bookings
    FOR EACH STATEMENT EXECUTE FUNCTION dash_rebuild_after();
CREATE TRIGGER dash_car_sales_truncate AFTER TRUNCATE ON car_sales
    FOR EACH STATEMENT EXECUTE FUNCTION dash_rebuild_after();
CREATE TRIGGER dash_vin_requests_truncate AFTER TRUNCATE ON vin_requests
    FOR EACH STATEMENT EXECUTE FUNCTION dash_rebuild_after();
CREATE TRIGGER dash_branches_time_zone AFTER UPDATE OF time_zone ON branches
    FOR EACH STATEMENT EXECUTE FUNCTION dash_rebuild_after();

-- The figures of the data already there.
SELECT dash_rebuild();
