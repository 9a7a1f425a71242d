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
