-- Issue 16, writers: keeping the figures current costs a desk little.
--
-- Measured (tests/bench/RESULTS.md, "Writers, run 6"): for a desk's booking (an INSERT of one row) the figures'
-- two statements (0016's rental days, 0017's popular models) cost as much server time as the booking itself:
-- starting two plans with aggregates, sorts and unions for one row, and the ON CONFLICT check and update of
-- rows that every desk updates (a branch's day, the month's all-branches model), whose locks the other desks
-- waited for until commit. Now the booking figures are appended, and folded later:
--   dash_booking_delta  a desk's new bookings (a statement of at most 8), one row a booking with its car's part
--                      (branch, zone, rental fleet, make, model) as the statement saw it: one plain INSERT, no
--                      unique key, no row lock another desk waits for.
--   dash_rental_delta, dash_models_delta  the other statements' figures, summed per key, appended.
--   The figures are the keyed tables (dash_rental_daily, dash_models) plus these rows, summed per key: the views
--   dash_rental_figures and dash_models_figures, which the dashboards read (they sum per key already).
--   dash_compact()     folds the deltas into the keyed tables (DELETE .. RETURNING into INSERT .. ON CONFLICT in
--                      one statement: atomic; rows that desks append meanwhile are left for the next fold). A
--                      writer folds after a statement of more than 8 rows (a bulk load) or on every 256th figure
--                      statement (a desk), unless another fold is under way (advisory lock: skipped, not waited
--                      for); every rebuild folds. So the deltas stay at a few thousand rows.
--   A car's later move (branch, fleet, make or model) moves all its bookings' figures as before: the part of a
--   booking still in dash_booking_delta carries the car's old state, which the move takes away.
-- Every figure trigger returns at once while the transaction has set forecourt.figures to 'deferred': a bulk
-- loader does that, and rebuilds the figures it touched before it commits (dash_rebuild_deferred()).

CREATE TABLE dash_rental_delta (LIKE dash_rental_daily INCLUDING DEFAULTS)
    WITH (autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_scale_factor = 0);
CREATE INDEX dash_rental_delta_day_idx ON dash_rental_delta (day);
CREATE TABLE dash_models_delta (LIKE dash_models INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    WITH (autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_scale_factor = 0);
CREATE INDEX dash_models_delta_key_idx ON dash_models_delta (grain, branch_id, start);

CREATE TABLE dash_booking_delta (
    sign         integer NOT NULL,
    branch_id    bigint NOT NULL,
    zone         text NOT NULL,
    in_fleet     boolean NOT NULL,
    make         text NOT NULL,
    model        text NOT NULL,
    pickup_at    timestamptz NOT NULL,
    return_at    timestamptz NOT NULL,
    returned_at  timestamptz,
    status       text NOT NULL,
    total        numeric(12, 2) NOT NULL
) WITH (autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_scale_factor = 0);

-- dash_booking_delta's rows as they count for the popular models (0017's source columns).
CREATE VIEW dash_booking_delta_models AS
    SELECT d.sign, d.branch_id, (d.pickup_at AT TIME ZONE d.zone)::date AS day, d.make, d.model, 1 AS bookings,
           0 AS sales
    FROM dash_booking_delta d
    WHERE d.status NOT IN ('cancelled', 'no_show');

CREATE VIEW dash_rental_figures AS
    SELECT * FROM dash_rental_daily
    UNION ALL SELECT * FROM dash_rental_delta
    UNION ALL SELECT r.branch_id, r.day, d.sign * r.booked_seconds, d.sign * r.bookings, d.sign * r.reserved,
                     d.sign * r.active, d.sign * r.completed, d.sign * r.cancelled, d.sign * r.no_show,
                     d.sign * r.returned, d.sign * r.revenue_cents, d.sign * r.rental_seconds
              FROM dash_booking_delta d
              CROSS JOIN LATERAL dash_booking_rows(d.pickup_at, d.return_at, d.returned_at, d.status, d.total,
                                                   d.branch_id, d.zone, d.in_fleet) r;
CREATE VIEW dash_models_figures AS
    SELECT * FROM dash_models
    UNION ALL SELECT * FROM dash_models_delta
    UNION ALL SELECT g.grain, b.branch_id, g.start, d.make, d.model, d.sign::bigint, 0::bigint
              FROM dash_booking_delta_models d
              CROSS JOIN LATERAL (VALUES ('d'::char(1), d.day),
                                         ('m'::char(1), date_trunc('month', d.day::timestamp)::date)) g (grain, start)
              CROSS JOIN LATERAL (VALUES (d.branch_id), (-1::bigint)) b (branch_id);

-- Folds the deltas into the keyed tables, in key order (two folds never deadlock), leaving keys whose deltas
-- sum to zero alone.
CREATE FUNCTION dash_compact() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- The desks' bookings into the summed deltas, then those into the keyed tables.
    EXECUTE 'WITH gone AS MATERIALIZED (DELETE FROM dash_booking_delta RETURNING *), '
            'rental AS (' || rtrim(btrim(dash_rental_sql('SELECT * FROM gone'), E' \n'), ';') || ') '
            || rtrim(btrim(dash_models_sql(
                   'SELECT d.sign, d.branch_id, (d.pickup_at AT TIME ZONE d.zone)::date AS day, d.make, d.model, '
                   '1 AS bookings, 0 AS sales FROM gone d WHERE d.status NOT IN (''cancelled'', ''no_show'')'), E' \n'), ';');
    WITH gone AS (DELETE FROM dash_rental_delta RETURNING *)
    INSERT INTO dash_rental_daily AS t (branch_id, day, booked_seconds, bookings, reserved, active, completed,
                                        cancelled, no_show, returned, revenue_cents, rental_seconds)
    SELECT * FROM (
        SELECT g.branch_id, g.day, sum(g.booked_seconds)::bigint, sum(g.bookings)::bigint, sum(g.reserved)::bigint,
               sum(g.active)::bigint, sum(g.completed)::bigint, sum(g.cancelled)::bigint, sum(g.no_show)::bigint,
               sum(g.returned)::bigint, sum(g.revenue_cents)::bigint, sum(g.rental_seconds)::bigint
        FROM gone g
        GROUP BY g.branch_id, g.day) d (branch_id, day, booked_seconds, bookings, reserved, active, completed,
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

    WITH gone AS (DELETE FROM dash_models_delta RETURNING *)
    INSERT INTO dash_models AS t (grain, branch_id, start, make, model, bookings, sales)
    SELECT * FROM (
        SELECT g.grain, g.branch_id, g.start, g.make, g.model, sum(g.bookings)::bigint, sum(g.sales)::bigint
        FROM gone g
        GROUP BY g.grain, g.branch_id, g.start, g.make, g.model) d (grain, branch_id, start, make, model, bookings,
                                                                    sales)
    WHERE (d.bookings, d.sales) <> (0, 0)
    ORDER BY d.grain, d.branch_id, d.start, d.make, d.model
    ON CONFLICT (grain, branch_id, start, make, model) DO UPDATE SET
        bookings = t.bookings + excluded.bookings, sales = t.sales + excluded.sales;
END
$$;

-- What a figure trigger does after it appended: fold when it wrote a bulk statement's rows (`bulk`) or on every
-- 256th statement, if no other fold is under way. The advisory lock is the transaction's: a second writer skips
-- its fold while the first one's is not committed.
CREATE SEQUENCE dash_fold_turn CYCLE;
CREATE FUNCTION dash_fold_sql(bulk text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('IF (%s OR nextval(%L) %% 256 = 0) AND pg_try_advisory_xact_lock(%s) THEN '
                  'PERFORM dash_compact(); END IF; ', bulk, 'dash_fold_turn', 5076886746461693043)
$$;

-- `source`: as 0016's. The rental days' deltas of a statement, summed per key, appended.
CREATE OR REPLACE FUNCTION dash_rental_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format($f$
        INSERT INTO dash_rental_delta (branch_id, day, booked_seconds, bookings, reserved, active, completed,
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
               d.revenue_cents, d.rental_seconds) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    $f$, source)
$$;

-- `source`: as 0017's. The popular models' deltas of a statement, summed per key, appended.
CREATE OR REPLACE FUNCTION dash_models_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format($f$
        INSERT INTO dash_models_delta (grain, branch_id, start, make, model, bookings, sales)
        SELECT * FROM (
            SELECT g.grain, b.branch_id, g.start, s.make, s.model, sum(s.sign * s.bookings)::bigint,
                   sum(s.sign * s.sales)::bigint
            FROM (%1$s) s
            CROSS JOIN LATERAL (VALUES ('d'::char(1), s.day),
                                       ('m'::char(1), date_trunc('month', s.day::timestamp)::date)) g (grain, start)
            CROSS JOIN LATERAL (VALUES (s.branch_id), (-1::bigint)) b (branch_id)
            GROUP BY 1, 2, 3, 4, 5) d (grain, branch_id, start, make, model, bookings, sales)
        WHERE (d.bookings, d.sales) <> (0, 0);
    $f$, source)
$$;

-- Every figure again from the base tables (after a TRUNCATE or a branch's new time zone), then folded. The
-- desks' bookings not yet folded are folded first, with new ones held back until the rebuild commits (a desk
-- that appends after the lock has a booking the rebuild does not see).
CREATE OR REPLACE FUNCTION dash_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK dash_booking_delta IN EXCLUSIVE MODE;
    PERFORM dash_compact();
    TRUNCATE dash_stock, dash_stock_mix, dash_rental_daily, dash_rental_delta, dash_sales_daily, dash_sales_by_key,
             dash_vin_daily;
    EXECUTE dash_stock_sql('SELECT 1 AS sign, * FROM cars');
    EXECUTE dash_rental_sql(dash_bookings_source('SELECT 1 AS sign, * FROM bookings', dash_car_state_sql('cars')));
    EXECUTE dash_sales_sql('SELECT 1 AS sign, * FROM car_sales');
    EXECUTE dash_vin_sql('SELECT 1 AS sign, * FROM vin_requests');
    PERFORM dash_compact();
END
$$;

CREATE OR REPLACE FUNCTION dash_models_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK dash_booking_delta IN EXCLUSIVE MODE;
    PERFORM dash_compact();
    TRUNCATE dash_models, dash_models_delta;
    EXECUTE dash_models_sql(dash_models_bookings_source('SELECT 1 AS sign, car_id, pickup_at, status FROM bookings'));
    EXECUTE dash_models_sql(dash_models_sales_source('SELECT 1 AS sign, * FROM car_sales'));
    PERFORM dash_compact();
END
$$;

-- The figures after a bulk load that deferred them (SET LOCAL forecourt.figures = 'deferred'): called by the
-- loader before it commits. It locks the figures' tables first (EXCLUSIVE: desks' triggers wait until the
-- loader commits, then add their rows on top of the rebuilt ones) and only then reads the base tables (a new
-- statement's snapshot), so every desk that committed before the lock is in the rebuild and every later one
-- adds its own rows after it. The rest of the loader's transaction keeps the figures current again.
CREATE FUNCTION dash_rebuild_deferred() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK dash_stock, dash_stock_mix, dash_rental_daily, dash_rental_delta, dash_sales_daily, dash_sales_by_key,
         dash_vin_daily, dash_models, dash_models_delta, dash_booking_delta IN EXCLUSIVE MODE;
    PERFORM set_config('forecourt.figures', '', true);
    PERFORM dash_rebuild_all();
END
$$;

-- The trigger functions again, from the templates above (0016's and 0017's, with the deltas, the fold and the
-- deferred mode). Static SQL, so each keeps its plan for the session.
DO $$
DECLARE
    op text;
    body text;
    rows_table text;
    start text;
    bulk text;
BEGIN
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
        rows_table := CASE op WHEN 'delete' THEN 'old_rows' ELSE 'new_rows' END;
        -- A deferred load leaves the figures to its rebuild; a statement that changed no row leaves at once.
        start := format('BEGIN IF current_setting(%L, true) = %L THEN RETURN NULL; END IF; '
                        'IF NOT EXISTS (SELECT FROM %s) THEN RETURN NULL; END IF; ',
                        'forecourt.figures', 'deferred', rows_table);
        bulk := format('(SELECT count(*) FROM (SELECT FROM %s LIMIT 9) x) > 8', rows_table);

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
                dash_car_state_sql('old_rows'), dash_car_state_sql('new_rows'))) || dash_fold_sql(bulk);
        END IF;
        EXECUTE format('CREATE OR REPLACE FUNCTION dash_cars_%s() RETURNS trigger LANGUAGE plpgsql AS %L', op,
                       start || body || ' RETURN NULL; END');

        body := dash_rental_sql(dash_bookings_source(dash_signed_rows(op), dash_car_state_sql('cars')));
        IF op = 'insert' THEN
            -- The popular models' part of new bookings is here too (0017's insert trigger is dropped below).
            body := format('IF %s THEN %s %s ELSE %s END IF; ', bulk, body, dash_models_sql(dash_models_bookings_source(
                               'SELECT 1 AS sign, car_id, pickup_at, status FROM new_rows')),
                           'INSERT INTO dash_booking_delta (sign, branch_id, zone, in_fleet, make, model, pickup_at, '
                           'return_at, returned_at, status, total) '
                           'SELECT 1, coalesce(c.branch_id, 0), coalesce(b.time_zone, ''UTC''), '
                           '       c.for_rent AND c.status NOT IN (''sold'', ''retired''), c.make, c.model, k.pickup_at, '
                           '       k.return_at, k.returned_at, k.status, k.total '
                           'FROM new_rows k JOIN cars c ON c.id = k.car_id LEFT JOIN branches b ON b.id = c.branch_id;');
        END IF;
        EXECUTE format('CREATE OR REPLACE FUNCTION dash_bookings_%s() RETURNS trigger LANGUAGE plpgsql AS %L', op,
                       start || body || dash_fold_sql(bulk) || ' RETURN NULL; END');

        EXECUTE format('CREATE OR REPLACE FUNCTION dash_car_sales_%s() RETURNS trigger LANGUAGE plpgsql AS %L', op,
                       start || dash_sales_sql(dash_signed_rows(op)) || ' RETURN NULL; END');
        EXECUTE format('CREATE OR REPLACE FUNCTION dash_vin_requests_%s() RETURNS trigger LANGUAGE plpgsql AS %L',
                       op, start || dash_vin_sql(dash_signed_rows(op)) || ' RETURN NULL; END');

        -- 0017's: bookings moved, cancelled or deleted; sales added, voided or deleted.
        IF op <> 'insert' THEN
            body := dash_models_sql(dash_models_bookings_source(CASE op
                WHEN 'delete' THEN 'SELECT -1 AS sign, car_id, pickup_at, status FROM old_rows'
                ELSE 'SELECT s.sign, CASE s.sign WHEN -1 THEN o.car_id ELSE n.car_id END AS car_id, '
                     '       CASE s.sign WHEN -1 THEN o.pickup_at ELSE n.pickup_at END AS pickup_at, '
                     '       CASE s.sign WHEN -1 THEN o.status ELSE n.status END AS status '
                     'FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN (VALUES (-1), (1)) s (sign) '
                     'WHERE (o.car_id, o.pickup_at, o.status IN (''cancelled'', ''no_show'')) '
                     '      IS DISTINCT FROM (n.car_id, n.pickup_at, n.status IN (''cancelled'', ''no_show''))'
            END));
            EXECUTE format('CREATE OR REPLACE FUNCTION dash_models_bookings_%s() RETURNS trigger LANGUAGE plpgsql '
                           'AS %L', op, start || body || dash_fold_sql(bulk) || ' RETURN NULL; END');
        END IF;
        body := dash_models_sql(dash_models_sales_source(CASE op
            WHEN 'insert' THEN 'SELECT 1 AS sign, * FROM new_rows'
            WHEN 'delete' THEN 'SELECT -1 AS sign, * FROM old_rows'
            ELSE 'SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows'
        END));
        EXECUTE format('CREATE OR REPLACE FUNCTION dash_models_car_sales_%s() RETURNS trigger LANGUAGE plpgsql AS %L',
                       op, start || body || dash_fold_sql(bulk) || ' RETURN NULL; END');
    END LOOP;

    start := format('BEGIN IF current_setting(%L, true) = %L THEN RETURN NULL; END IF; '
                    'IF NOT EXISTS (SELECT FROM new_rows) THEN RETURN NULL; END IF; ', 'forecourt.figures', 'deferred');
    body := dash_models_sql(format(
        'SELECT s.sign, CASE s.sign WHEN -1 THEN o.branch_id ELSE n.branch_id END AS branch_id, '
        '       (k.pickup_at AT TIME ZONE CASE s.sign WHEN -1 THEN o.zone ELSE n.zone END)::date AS day, '
        '       CASE s.sign WHEN -1 THEN o.make ELSE n.make END AS make, '
        '       CASE s.sign WHEN -1 THEN o.model ELSE n.model END AS model, 1 AS bookings, 0 AS sales '
        'FROM (%s) o JOIN (%s) n ON n.id = o.id '
        'JOIN bookings k ON k.car_id = o.id AND k.status NOT IN (''cancelled'', ''no_show'') '
        'CROSS JOIN (VALUES (-1), (1)) s (sign) '
        'WHERE (o.branch_id, o.zone, o.make, o.model) IS DISTINCT FROM (n.branch_id, n.zone, n.make, n.model)',
        dash_models_car_sql('old_rows'), dash_models_car_sql('new_rows')));
    EXECUTE format('CREATE OR REPLACE FUNCTION dash_models_cars_update() RETURNS trigger LANGUAGE plpgsql AS %L',
                   start || body || dash_fold_sql('(SELECT count(*) FROM (SELECT FROM new_rows LIMIT 9) x) > 8')
                       || ' RETURN NULL; END');
END
$$;

DROP TRIGGER dash_models_bookings_insert ON bookings;
DROP FUNCTION dash_models_bookings_insert();

-- A TRUNCATE rebuilds, unless deferred (the loader rebuilds before it commits).
CREATE OR REPLACE FUNCTION dash_rebuild_after() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('forecourt.figures', true) IS DISTINCT FROM 'deferred' THEN
        PERFORM dash_rebuild();
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION dash_models_rebuild_after() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('forecourt.figures', true) IS DISTINCT FROM 'deferred' THEN
        PERFORM dash_models_rebuild();
    END IF;
    RETURN NULL;
END
$$;
