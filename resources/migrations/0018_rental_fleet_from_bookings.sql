-- A database from before the rental fleet was recorded (0016 added cars.for_rent as false for every car) has
-- its rental cars flagged as stock for sale, so the rental dashboards would read an empty fleet. Bookings are
-- rentals: a car with a booking that counts (not cancelled or a no-show), neither sold nor retired, joins
-- the rental fleet. Cars already flagged and cars never booked are left alone; the desk can change any car
-- in the editor afterwards (the figures' triggers move its bookings' figures with it).
UPDATE cars c SET for_rent = true
WHERE NOT c.for_rent
  AND c.status NOT IN ('sold', 'retired')
  AND EXISTS (SELECT FROM bookings b WHERE b.car_id = c.id AND b.status NOT IN ('cancelled', 'no_show'));
