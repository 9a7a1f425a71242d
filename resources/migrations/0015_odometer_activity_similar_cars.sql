-- Issue 14: the highest odometer reading of a VIN report beside it (the lists compare it with the
-- fleet's mileage), and the similar cars of a body type in price order.

-- The highest odometer figure a report gives: its readings', service records' and title events' (as
-- VinHistory::odometerReadings gathers them). NULL: the report gives none.
ALTER TABLE vin_reports ADD COLUMN highest_odometer_km integer CHECK (highest_odometer_km >= 0);
UPDATE vin_reports r SET highest_odometer_km = (
    SELECT max(trunc(km))::integer
    FROM (SELECT CASE WHEN jsonb_typeof(figure) = 'number' THEN (figure #>> '{}')::numeric END
          FROM (SELECT item -> key
                FROM (VALUES ('odometer', 'km'), ('service', 'odometer_km'), ('title_events', 'odometer_km'))
                         AS sections (section, key),
                     jsonb_array_elements(CASE jsonb_typeof(r.report -> 'history' -> section)
                                              WHEN 'array' THEN r.report -> 'history' -> section
                                              ELSE '[]' END) AS item) AS figures (figure)) AS numbers (km)
    WHERE km >= 0 AND km < 2147483648);

-- Similar cars (FleetService::similar): the available cars of one body type in price order, so that the
-- nearest prices either side are two short index reads even for a rare body type (vans: the cars'
-- price index with a filter read about 50,000 rows at a million cars, 0.2 s).
CREATE INDEX cars_similar_body_idx ON cars (body_type, list_price) WHERE status = 'available';
