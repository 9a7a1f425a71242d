-- The Bookings list pages by keyset in pick-up order, its default (issue 15): (pickup_at, id) > (…) is
-- then a short read of this index instead of a sort of every booking. The other orders sort columns of
-- joined tables (customer, car, branch, balance) or are picked rarely; they sort what the filter leaves.
CREATE INDEX bookings_pickup_idx ON bookings (pickup_at, id);
