-- Issue 16, writers: rebuilding the figures costs a bulk load less.
--
-- Measured on a 1,000,000-car demo database (tests/bench/RESULTS.md, "Writers, run 8"): demo-data's one rebuild
-- of every figure took 9 s, most of it in work the result does not need:
--   - the figures' text keys (make, model, salesperson, a mix's key) were compared in the database's collation
--     (ICU) when grouped, sorted and placed in their unique indexes; they are keys, never shown in this order,
--     so they compare byte-wise now (COLLATE "C"), in the tables and in the sales statement that groups them;
--   - the grouping sets over a million cars and the day-by-day sales keys were sorted on disk with the default
--     work_mem (4 MB): a rebuild, which runs rarely and alone, has 256 MB;
--   - a rebuild appended the rental days and the popular models to the deltas and then folded them into the
--     emptied keyed tables (written twice): it writes them once, straight into the keyed tables.

-- 1. Byte-wise keys. The views over the columns go first and come back unchanged.
DROP VIEW dash_models_figures;
DROP VIEW dash_booking_delta_models;

ALTER TABLE dash_stock_mix ALTER COLUMN dimension TYPE text COLLATE "C", ALTER COLUMN key TYPE text COLLATE "C";
ALTER TABLE dash_sales_by_key ALTER COLUMN kind TYPE text COLLATE "C", ALTER COLUMN key TYPE text COLLATE "C";
ALTER TABLE dash_models ALTER COLUMN make TYPE text COLLATE "C", ALTER COLUMN model TYPE text COLLATE "C";
ALTER TABLE dash_models_delta ALTER COLUMN make TYPE text COLLATE "C", ALTER COLUMN model TYPE text COLLATE "C";
ALTER TABLE dash_booking_delta ALTER COLUMN make TYPE text COLLATE "C", ALTER COLUMN model TYPE text COLLATE "C";

CREATE VIEW dash_booking_delta_models AS
    SELECT d.sign, d.branch_id, (d.pickup_at AT TIME ZONE d.zone)::date AS day, d.make, d.model, 1 AS bookings,
           0 AS sales
    FROM dash_booking_delta d
    WHERE d.status NOT IN ('cancelled', 'no_show');
CREATE VIEW dash_models_figures AS
    SELECT * FROM dash_models
    UNION ALL SELECT * FROM dash_models_delta
    UNION ALL SELECT g.grain, b.branch_id, g.start, d.make, d.model, d.sign::bigint, 0::bigint
              FROM dash_booking_delta_models d
              CROSS JOIN LATERAL (VALUES ('d'::char(1), d.day),
                                         ('m'::char(1), date_trunc('month', d.day::timestamp)::date)) g (grain, start)
              CROSS JOIN LATERAL (VALUES (d.branch_id), (-1::bigint)) b (branch_id);

-- The sales by key group and sort their keys byte-wise too: 0016's statement with its three keys marked, and the
-- car_sales triggers made again from it (as 0019 made them).
ALTER FUNCTION dash_sales_sql(text) RENAME TO dash_sales_sql_0016;
CREATE FUNCTION dash_sales_sql(source text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    statement text := dash_sales_sql_0016(source);
    keys text[][] := ARRAY[
        ARRAY['s.make || '' '' || s.model AS model, s.salesperson,',
              '(s.make || '' '' || s.model) COLLATE "C" AS model, s.salesperson COLLATE "C" AS salesperson,'],
        ARRAY['s.in_stock_since)) AS age,', 's.in_stock_since)) COLLATE "C" AS age,']];
    k text[];
BEGIN
    FOREACH k SLICE 1 IN ARRAY keys LOOP
        IF strpos(statement, k[1]) = 0 THEN
            RAISE EXCEPTION 'dash_sales_sql: "%" not found in 0016''s statement', k[1];
        END IF;
        statement := replace(statement, k[1], k[2]);
    END LOOP;
    RETURN statement;
END
$$;

DO $$
DECLARE
    op text;
BEGIN
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
        EXECUTE format('CREATE OR REPLACE FUNCTION dash_car_sales_%s() RETURNS trigger LANGUAGE plpgsql AS %L', op,
                       format('BEGIN IF current_setting(%L, true) = %L THEN RETURN NULL; END IF; '
                              'IF NOT EXISTS (SELECT FROM %s) THEN RETURN NULL; END IF; ',
                              'forecourt.figures', 'deferred', CASE op WHEN 'delete' THEN 'old_rows' ELSE 'new_rows' END)
                       || dash_sales_sql(dash_signed_rows(op)) || ' RETURN NULL; END');
    END LOOP;
END
$$;

-- 2. The rebuilds. A statement that appends deltas (dash_rental_sql, dash_models_sql) sums its rows per key, so
-- into an emptied keyed table it can insert them as they are: `dash_into` points it there.
CREATE FUNCTION dash_into(statement text, delta text, keyed text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(statement, 'INSERT INTO ' || delta || ' ', 'INSERT INTO ' || keyed || ' ')
$$;

CREATE OR REPLACE FUNCTION dash_rebuild() RETURNS void
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
    LOCK dash_booking_delta IN EXCLUSIVE MODE;
    PERFORM dash_compact();
    TRUNCATE dash_stock, dash_stock_mix, dash_rental_daily, dash_rental_delta, dash_sales_daily, dash_sales_by_key,
             dash_vin_daily;
    EXECUTE dash_stock_sql('SELECT 1 AS sign, * FROM cars');
    EXECUTE dash_into(dash_rental_sql(dash_bookings_source('SELECT 1 AS sign, * FROM bookings',
                                                           dash_car_state_sql('cars'))),
                      'dash_rental_delta', 'dash_rental_daily');
    EXECUTE dash_sales_sql('SELECT 1 AS sign, * FROM car_sales');
    EXECUTE dash_vin_sql('SELECT 1 AS sign, * FROM vin_requests');
END
$$;

-- Bookings and sales in one statement, so that each key is written once.
CREATE OR REPLACE FUNCTION dash_models_rebuild() RETURNS void
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
    LOCK dash_booking_delta IN EXCLUSIVE MODE;
    PERFORM dash_compact();
    TRUNCATE dash_models, dash_models_delta;
    EXECUTE dash_into(dash_models_sql(
                          dash_models_bookings_source('SELECT 1 AS sign, car_id, pickup_at, status FROM bookings')
                          || ' UNION ALL ' || dash_models_sales_source('SELECT 1 AS sign, * FROM car_sales')),
                      'dash_models_delta', 'dash_models');
END
$$;

-- 3. A bulk load that defers the figures (demo-data) suspends the figures' triggers of a table it holds alone for
-- the load and resumes them before its rebuild: a statement trigger with transition tables makes PostgreSQL keep
-- a copy of every row the statement wrote (a million cars) even when the trigger then does nothing.
-- Transactional, and the caller holds the table's ACCESS EXCLUSIVE lock, so no one else ever sees them off.
-- Suspending returns the triggers it turned off (those that were on); resuming turns those on again.
CREATE FUNCTION dash_suspend_triggers(target regclass) RETURNS name[]
LANGUAGE plpgsql AS $$
DECLARE
    suspended name[];
    trigger name;
BEGIN
    SELECT coalesce(array_agg(tgname), '{}') INTO suspended
    FROM pg_trigger
    WHERE tgrelid = target AND tgname LIKE 'dash\_%' AND NOT tgisinternal AND tgenabled <> 'D';
    FOREACH trigger IN ARRAY suspended LOOP
        EXECUTE format('ALTER TABLE %s DISABLE TRIGGER %I', target, trigger);
    END LOOP;
    RETURN suspended;
END
$$;

CREATE FUNCTION dash_resume_triggers(target regclass, suspended name[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    trigger name;
BEGIN
    FOREACH trigger IN ARRAY suspended LOOP
        EXECUTE format('ALTER TABLE %s ENABLE TRIGGER %I', target, trigger);
    END LOOP;
END
$$;
