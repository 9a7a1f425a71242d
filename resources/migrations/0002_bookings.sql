-- Bookings. The database itself refuses a double booking: an exclusion constraint over the car and
-- the time the car is blocked (pick-up to return plus the turnaround buffer) for live bookings.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE bookings (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    car_id            bigint NOT NULL REFERENCES cars (id),
    customer_id       bigint NOT NULL REFERENCES customers (id),
    pickup_at         timestamptz NOT NULL,
    return_at         timestamptz NOT NULL,
    turnaround        interval NOT NULL DEFAULT '2 hours' CHECK (turnaround >= interval '0'),
    -- return_at + turnaround, kept by the trigger below (an index expression must be immutable, and
    -- timestamptz + interval is not).
    blocked_until     timestamptz NOT NULL,
    pickup_branch_id  bigint REFERENCES branches (id),
    return_branch_id  bigint REFERENCES branches (id),
    status            text NOT NULL DEFAULT 'reserved'
                      CHECK (status IN ('reserved', 'active', 'completed', 'cancelled', 'no_show')),
    daily_rate        numeric(10, 2) NOT NULL CHECK (daily_rate >= 0),
    total             numeric(12, 2) NOT NULL CHECK (total >= 0),
    deposit           numeric(12, 2) NOT NULL DEFAULT 0 CHECK (deposit >= 0),
    notes             text NOT NULL DEFAULT '',
    created_by        text NOT NULL DEFAULT current_user,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (return_at > pickup_at),
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
        car_id WITH =,
        tstzrange(pickup_at, blocked_until, '[)') WITH &&
    ) WHERE (status IN ('reserved', 'active'))
);

CREATE FUNCTION bookings_set_blocked_until() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.blocked_until := NEW.return_at + NEW.turnaround;
    RETURN NEW;
END
$$;

CREATE TRIGGER bookings_blocked_until
    BEFORE INSERT OR UPDATE OF return_at, turnaround, blocked_until ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_set_blocked_until();

-- Status changes allowed anywhere, whatever client writes: reserved -> active | cancelled | no_show,
-- active -> completed.
CREATE FUNCTION bookings_check_status_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'reserved' AND NEW.status IN ('active', 'cancelled', 'no_show'))
        OR (OLD.status = 'active' AND NEW.status = 'completed')) THEN
        RAISE EXCEPTION 'a booking cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER bookings_status_change
    BEFORE UPDATE OF status ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_check_status_change();

CREATE INDEX bookings_car_idx ON bookings (car_id, pickup_at);
CREATE INDEX bookings_customer_idx ON bookings (customer_id, pickup_at);
CREATE INDEX bookings_period_idx ON bookings USING gist (tstzrange(pickup_at, return_at, '[)'));
