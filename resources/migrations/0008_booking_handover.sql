-- Pick-up and return (issue 5): what the car showed when it left and came back, and when.

ALTER TABLE bookings
    ADD COLUMN picked_up_at        timestamptz,
    ADD COLUMN pickup_mileage_km   integer CHECK (pickup_mileage_km >= 0),
    ADD COLUMN pickup_fuel_pct     integer CHECK (pickup_fuel_pct BETWEEN 0 AND 100),
    ADD COLUMN returned_at         timestamptz,
    ADD COLUMN return_mileage_km   integer CHECK (return_mileage_km >= 0),
    ADD COLUMN return_fuel_pct     integer CHECK (return_fuel_pct BETWEEN 0 AND 100),
    ADD COLUMN damage_notes        text NOT NULL DEFAULT '',
    ADD CONSTRAINT bookings_mileage_forward CHECK (return_mileage_km >= pickup_mileage_km);
