-- Issue 16, part 2: the most popular makes and models (bookings and sales), the rental lists' indexes, and
-- the dashboards' targets as settings.
--
-- dash_models   per branch (-1: all branches), day and month, and make and model: the bookings picked up
--               (by the pick-up day at the car's branch; cancelled and no-show ones left out) and the sales
--               made (by sale date, at the branch sold from; void ones left out). A booking counts for the
--               car's make, model and branch now: a car that moves branch or is renamed moves its bookings.
--               A sale counts for the car as sold (car_sales keeps make and model).
-- Kept like 0016's figures: statement-level AFTER triggers with transition tables, the old rows taking away
-- and the new rows adding, summed per key and written by one INSERT .. ON CONFLICT DO UPDATE of deltas in
-- key order (so concurrent writers neither lose an update nor deadlock); keys whose deltas are zero are not
-- written (a booking picked up, paid or returned writes nothing here). A TRUNCATE or a branch's new time
-- zone rebuilds the table (dash_models_rebuild(); dash_rebuild_all() rebuilds every figure).

CREATE TABLE dash_models (
    grain      char(1) NOT NULL CHECK (grain IN ('d', 'm')), -- day, month
    branch_id  bigint NOT NULL,                              -- 0: cars without a branch; -1: all branches
    start      date NOT NULL,                                -- the day, or the month's first day
    make       text NOT NULL,
    model      text NOT NULL,
    bookings   bigint NOT NULL DEFAULT 0,
    sales      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, branch_id, start, make, model)
) WITH (fillfactor = 70);

-- `source`: sign, branch_id, day, make, model, bookings, sales (each 0 or 1). Every row counts for its branch
-- and for all branches, on its day and in its month.
CREATE FUNCTION dash_models_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format($f$
        INSERT INTO dash_models AS t (grain, branch_id, start, make, model, bookings, sales)
        SELECT * FROM (
            SELECT g.grain, b.branch_id, g.start, s.make, s.model, sum(s.sign * s.bookings)::bigint,
                   sum(s.sign * s.sales)::bigint
            FROM (%1$s) s
            CROSS JOIN LATERAL (VALUES ('d'::char(1), s.day),
                                       ('m'::char(1), date_trunc('month', s.day::timestamp)::date)) g (grain, start)
            CROSS JOIN LATERAL (VALUES (s.branch_id), (-1::bigint)) b (branch_id)
            GROUP BY 1, 2, 3, 4, 5) d (grain, branch_id, start, make, model, bookings, sales)
        WHERE (d.bookings, d.sales) <> (0, 0)
        ORDER BY d.grain, d.branch_id, d.start, d.make, d.model
        ON CONFLICT (grain, branch_id, start, make, model) DO UPDATE SET
            bookings = t.bookings + excluded.bookings, sales = t.sales + excluded.sales;
    $f$, source)
$$;

-- A car's part in its bookings' rows: branch, that branch's zone, make and model. `cars`: a table or
-- transition table of cars.
CREATE FUNCTION dash_models_car_sql(cars text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('SELECT c.id, coalesce(c.branch_id, 0) AS branch_id, coalesce(b.time_zone, %L) AS zone, c.make, '
                  'c.model FROM %s c LEFT JOIN branches b ON b.id = c.branch_id', 'UTC', cars)
$$;

-- The bookings of `signed_rows` (sign, car_id, pickup_at, status) with their cars' state now.
CREATE FUNCTION dash_models_bookings_source(signed_rows text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('SELECT k.sign, c.branch_id, (k.pickup_at AT TIME ZONE c.zone)::date AS day, c.make, c.model, '
                  '1 AS bookings, 0 AS sales FROM (%s) k JOIN (%s) c ON c.id = k.car_id '
                  'WHERE k.status NOT IN (%L, %L)', signed_rows, dash_models_car_sql('cars'), 'cancelled', 'no_show')
$$;

-- The sales of `signed_rows` (sign and the columns of car_sales).
CREATE FUNCTION dash_models_sales_source(signed_rows text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('SELECT s.sign, coalesce(s.branch_id, 0) AS branch_id, s.sold_on AS day, s.make, s.model, '
                  '0 AS bookings, 1 AS sales FROM (%s) s WHERE s.voided_at IS NULL', signed_rows)
$$;

CREATE FUNCTION dash_models_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE dash_models;
    EXECUTE dash_models_sql(dash_models_bookings_source('SELECT 1 AS sign, car_id, pickup_at, status FROM bookings'));
    EXECUTE dash_models_sql(dash_models_sales_source('SELECT 1 AS sign, * FROM car_sales'));
END
$$;

-- Every dashboard figure from the base tables: 0016's and these.
CREATE FUNCTION dash_rebuild_all() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dash_rebuild();
    PERFORM dash_models_rebuild();
END
$$;

CREATE FUNCTION dash_models_rebuild_after() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dash_models_rebuild();
    RETURN NULL;
END
$$;

-- Creates dash_models_<tbl>_<op>(), running `body` after a statement that changed rows, and its statement-level
-- trigger with the statement's transition tables (old_rows, new_rows).
CREATE FUNCTION dash_models_trigger(tbl text, op text, body text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE FUNCTION dash_models_%s_%s() RETURNS trigger LANGUAGE plpgsql AS %L', tbl, op,
                   format('BEGIN IF NOT EXISTS (SELECT FROM %s) THEN RETURN NULL; END IF; ',
                          CASE op WHEN 'delete' THEN 'old_rows' ELSE 'new_rows' END) || body || ' RETURN NULL; END');
    EXECUTE format('CREATE TRIGGER dash_models_%1$s_%2$s AFTER %2$s ON %1$s REFERENCING %3$s '
                   'FOR EACH STATEMENT EXECUTE FUNCTION dash_models_%1$s_%2$s()',
                   tbl, op, CASE op WHEN 'insert' THEN 'NEW TABLE AS new_rows'
                                    WHEN 'delete' THEN 'OLD TABLE AS old_rows'
                                    ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END);
END
$$;

DO $$
DECLARE
    op text;
BEGIN
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
        -- bookings: an update touches these figures only when it moves the booking to another car or pick-up
        -- time, or cancels it; the others (pick-up, return, payment) are left out before any join.
        PERFORM dash_models_trigger('bookings', op, dash_models_sql(dash_models_bookings_source(CASE op
            WHEN 'insert' THEN 'SELECT 1 AS sign, car_id, pickup_at, status FROM new_rows'
            WHEN 'delete' THEN 'SELECT -1 AS sign, car_id, pickup_at, status FROM old_rows'
            ELSE 'SELECT s.sign, CASE s.sign WHEN -1 THEN o.car_id ELSE n.car_id END AS car_id, '
                 '       CASE s.sign WHEN -1 THEN o.pickup_at ELSE n.pickup_at END AS pickup_at, '
                 '       CASE s.sign WHEN -1 THEN o.status ELSE n.status END AS status '
                 'FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN (VALUES (-1), (1)) s (sign) '
                 'WHERE (o.car_id, o.pickup_at, o.status IN (''cancelled'', ''no_show'')) '
                 '      IS DISTINCT FROM (n.car_id, n.pickup_at, n.status IN (''cancelled'', ''no_show''))'
        END)));
        -- car_sales: a sale added, voided (the only change a sale takes) or deleted.
        PERFORM dash_models_trigger('car_sales', op, dash_models_sql(dash_models_sales_source(CASE op
            WHEN 'insert' THEN 'SELECT 1 AS sign, * FROM new_rows'
            WHEN 'delete' THEN 'SELECT -1 AS sign, * FROM old_rows'
            ELSE 'SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows'
        END)));
    END LOOP;

    -- cars: a new car has no bookings and a car with bookings cannot be deleted, so only an update that moves
    -- a car to another branch (or zone) or renames its make or model moves its bookings' rows.
    PERFORM dash_models_trigger('cars', 'update', dash_models_sql(format(
        'SELECT s.sign, CASE s.sign WHEN -1 THEN o.branch_id ELSE n.branch_id END AS branch_id, '
        '       (k.pickup_at AT TIME ZONE CASE s.sign WHEN -1 THEN o.zone ELSE n.zone END)::date AS day, '
        '       CASE s.sign WHEN -1 THEN o.make ELSE n.make END AS make, '
        '       CASE s.sign WHEN -1 THEN o.model ELSE n.model END AS model, 1 AS bookings, 0 AS sales '
        'FROM (%s) o JOIN (%s) n ON n.id = o.id '
        'JOIN bookings k ON k.car_id = o.id AND k.status NOT IN (''cancelled'', ''no_show'') '
        'CROSS JOIN (VALUES (-1), (1)) s (sign) '
        'WHERE (o.branch_id, o.zone, o.make, o.model) IS DISTINCT FROM (n.branch_id, n.zone, n.make, n.model)',
        dash_models_car_sql('old_rows'), dash_models_car_sql('new_rows'))));
END
$$;
DROP FUNCTION dash_models_trigger(text, text, text);

CREATE TRIGGER dash_models_bookings_truncate AFTER TRUNCATE ON bookings
    FOR EACH STATEMENT EXECUTE FUNCTION dash_models_rebuild_after();
CREATE TRIGGER dash_models_cars_truncate AFTER TRUNCATE ON cars
    FOR EACH STATEMENT EXECUTE FUNCTION dash_models_rebuild_after();
CREATE TRIGGER dash_models_car_sales_truncate AFTER TRUNCATE ON car_sales
    FOR EACH STATEMENT EXECUTE FUNCTION dash_models_rebuild_after();
CREATE TRIGGER dash_models_branches_time_zone AFTER UPDATE OF time_zone ON branches
    FOR EACH STATEMENT EXECUTE FUNCTION dash_models_rebuild_after();

SELECT dash_models_rebuild();

-- The Rentals page's idle cars (the rental fleet's cars with no rental in the last days): the fleet is a small
-- part of the cars, and a booking returned after its booked return may have been out lately although its
-- booked time ended long ago (the others are found by their booked time, bookings_period_idx). A car not for
-- rent or a booking not returned late is in neither index, so the import, new bookings and returns on time
-- do not write them.
CREATE INDEX cars_rental_fleet_idx ON cars (branch_id, id) WHERE for_rent AND status NOT IN ('sold', 'retired');
CREATE INDEX bookings_late_return_idx ON bookings (returned_at) WHERE returned_at > return_at;

-- The dashboards' targets, shares between 0 and 1: the rental fleet's utilisation and the share of cars sold
-- within 30 days. Checked where they are stored, like booking_turnaround.
CREATE FUNCTION dash_target_from_setting(value jsonb) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(value) = 'number' AND (value #>> '{}')::double precision BETWEEN 0 AND 1
                THEN (value #>> '{}')::double precision END
$$;

UPDATE settings SET value = CASE key WHEN 'dashboard_utilisation_target' THEN '0.7' ELSE '0.55' END::jsonb,
                    updated_at = now()
WHERE key IN ('dashboard_utilisation_target', 'dashboard_sold_within_30_days_target')
  AND dash_target_from_setting(value) IS NULL;
INSERT INTO settings (key, value) VALUES ('dashboard_utilisation_target', '0.7'),
                                         ('dashboard_sold_within_30_days_target', '0.55')
ON CONFLICT (key) DO NOTHING;
ALTER TABLE settings ADD CONSTRAINT settings_dashboard_targets_valid
    CHECK (key NOT IN ('dashboard_utilisation_target', 'dashboard_sold_within_30_days_target')
           OR dash_target_from_setting(value) IS NOT NULL);
