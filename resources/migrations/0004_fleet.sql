-- The Fleet section at a million cars: indexes for keyset paging on the sortable "indexed" columns,
-- the price history kept by the database, saved filters.

-- Keyset paging reads (sort key, id) in index order in both directions.
DROP INDEX cars_status_idx;
DROP INDEX cars_branch_idx;
CREATE INDEX cars_status_idx ON cars (status, id);
CREATE INDEX cars_branch_idx ON cars (branch_id, id);
CREATE INDEX cars_model_idx ON cars (model, id);
CREATE INDEX cars_updated_at_idx ON cars (updated_at, id);

-- Every price change is kept, whichever client or script makes it. The first price of a car is
-- written by whoever inserts it (with the date it was listed).
CREATE FUNCTION cars_keep_price_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO car_price_history (car_id, old_price, new_price, changed_by)
    VALUES (NEW.id, OLD.list_price, NEW.list_price, NEW.updated_by);
    RETURN NULL;
END
$$;

CREATE TRIGGER cars_price_history AFTER UPDATE OF list_price ON cars
    FOR EACH ROW WHEN (OLD.list_price IS DISTINCT FROM NEW.list_price)
    EXECUTE FUNCTION cars_keep_price_history();

-- Fleet filters saved by name, per staff member (the PostgreSQL role).
CREATE TABLE saved_filters (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner       text NOT NULL DEFAULT current_user,
    name        text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 80),
    definition  jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner, name)
);
