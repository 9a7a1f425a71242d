-- Guards (issue 14, points 1-3): rules that held for the app's own writes only, now kept by the database
-- for every client.

-- 1. Every real change of a car, whoever writes it (the editor, pick-up and return, bulk actions, the
-- import's upsert, a script), gets the next version and says who changed it and when. An editor opened
-- before the change then sees another version and is refused with that name and time. What a writer puts
-- in the bookkeeping columns does not count: an UPDATE that changes nothing else keeps the version, and no
-- writer can move the version back.
CREATE FUNCTION cars_next_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version;
    NEW.updated_at := OLD.updated_at;
    NEW.updated_by := OLD.updated_by;
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
        NEW.updated_by := current_user;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER cars_version BEFORE UPDATE ON cars
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION cars_next_version();

-- 2. The time a booking blocks its car never ends before its return. A turnaround is a plain duration
-- (hours, minutes, seconds) from none to a week: an interval with days or months means a different length
-- in each month and session time zone, and '1 month -30 days' or '24 hours -1 day' passed the old
-- "turnaround >= 0" yet ended the blocked time before the return.
CREATE FUNCTION turnaround_is_valid(turnaround interval) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT extract(month FROM turnaround) = 0 AND extract(year FROM turnaround) = 0
       AND extract(day FROM turnaround) = 0 AND turnaround BETWEEN interval '0' AND interval '168 hours'
$$;

-- The booking_turnaround setting as a turnaround, or null when it is not a valid one (not a JSON string,
-- not an interval, or not a plain duration of up to a week).
CREATE FUNCTION turnaround_from_setting(value jsonb) RETURNS interval
LANGUAGE plpgsql STABLE AS $$
DECLARE
    turnaround interval;
BEGIN
    IF jsonb_typeof(value) IS DISTINCT FROM 'string' THEN
        RETURN NULL;
    END IF;
    turnaround := (value #>> '{}')::interval;
    RETURN CASE WHEN turnaround_is_valid(turnaround) THEN turnaround END;
EXCEPTION WHEN data_exception THEN -- not an interval at all
    RETURN NULL;
END
$$;

-- An existing setting that is not a valid turnaround: whole days become hours ('1 day' -> 24:00:00);
-- anything else goes back to the default of two hours.
DO $$
DECLARE
    stored jsonb;
    turnaround interval;
BEGIN
    SELECT value INTO stored FROM settings WHERE key = 'booking_turnaround';
    IF stored IS NULL OR turnaround_from_setting(stored) IS NOT NULL THEN
        RETURN;
    END IF;
    BEGIN
        turnaround := (stored #>> '{}')::interval;
        turnaround := turnaround - make_interval(days => extract(day FROM turnaround)::integer)
                      + make_interval(hours => 24 * extract(day FROM turnaround)::integer);
    EXCEPTION WHEN data_exception THEN
        turnaround := NULL;
    END;
    IF turnaround IS NULL OR NOT turnaround_is_valid(turnaround) THEN
        turnaround := interval '2 hours';
    END IF;
    UPDATE settings SET value = to_jsonb(turnaround::text), updated_at = now() WHERE key = 'booking_turnaround';
END
$$;

ALTER TABLE settings ADD CONSTRAINT settings_booking_turnaround_valid
    CHECK (key <> 'booking_turnaround' OR turnaround_from_setting(value) IS NOT NULL);

-- The default turnaround of a new booking: the setting (valid by the check above), or two hours.
CREATE OR REPLACE FUNCTION booking_turnaround() RETURNS interval
LANGUAGE plpgsql STABLE AS $$
DECLARE
    turnaround interval;
BEGIN
    SELECT (value #>> '{}')::interval INTO turnaround FROM settings WHERE key = 'booking_turnaround';
    IF turnaround IS NULL OR NOT turnaround_is_valid(turnaround) THEN
        RETURN interval '2 hours';
    END IF;
    RETURN turnaround;
END
$$;

-- Existing bookings. A time that is not finite cannot be made up: refused with the bookings to correct.
DO $$
DECLARE
    ids text;
BEGIN
    SELECT string_agg('#' || id, ', ' ORDER BY id) INTO ids FROM bookings
    WHERE NOT (isfinite(pickup_at) AND isfinite(return_at)) OR NOT isfinite(picked_up_at)
       OR NOT isfinite(returned_at);
    IF ids IS NOT NULL THEN
        RAISE EXCEPTION 'These bookings have a pick-up or return time of infinity: %.', ids
            USING ERRCODE = 'check_violation',
                  HINT = 'Set their times to real dates (or delete them) with an SQL client, then start Forecourt again.';
    END IF;
END
$$;

-- A turnaround that is not a plain duration becomes the time it actually blocked (blocked_until minus the
-- return, as the constraint saw it), from none to a week. A booking whose blocked time ended before its
-- return may then meet another live booking of its car: refused with the constraint's detail.
DO $$
DECLARE
    detail text;
BEGIN
    UPDATE bookings
    SET turnaround = least(greatest(make_interval(secs => extract(epoch FROM blocked_until - return_at)::float8),
                                    interval '0'),
                           interval '168 hours')
    WHERE NOT turnaround_is_valid(turnaround);
EXCEPTION WHEN exclusion_violation THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RAISE EXCEPTION 'Two live bookings of one car overlap: one had a turnaround that ended before its return. %',
                    detail
        USING ERRCODE = 'exclusion_violation',
              HINT = 'Cancel or move one of them with an SQL client, then start Forecourt again.';
END
$$;

ALTER TABLE bookings
    DROP CONSTRAINT bookings_turnaround_check,
    ADD CONSTRAINT bookings_turnaround_duration CHECK (turnaround_is_valid(turnaround)),
    -- Null times (not picked up or returned yet) pass: a null AND is null, never false.
    ADD CONSTRAINT bookings_finite_times
        CHECK (isfinite(pickup_at) AND isfinite(return_at) AND isfinite(picked_up_at) AND isfinite(returned_at)),
    ADD CONSTRAINT bookings_blocked_after_return CHECK (blocked_until >= return_at);

-- 3. A reservation holds a car for time still to come: a new reserved booking, or one moved, whose return
-- has already passed is refused (a past rental is recorded as completed). A reservation that time has
-- overtaken keeps its status until it is cancelled or marked a no-show.
CREATE FUNCTION bookings_refuse_past_reservation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'reserved' AND NEW.return_at <= now()
       AND (TG_OP = 'INSERT' OR NEW.pickup_at IS DISTINCT FROM OLD.pickup_at
            OR NEW.return_at IS DISTINCT FROM OLD.return_at) THEN
        RAISE EXCEPTION 'a reservation must end in the future; this one ends at %', NEW.return_at
            USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_reserved_in_future';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER bookings_reserved_in_future
    BEFORE INSERT OR UPDATE OF pickup_at, return_at ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_refuse_past_reservation();
