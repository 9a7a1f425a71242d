-- Bookings, part 3 (issue 5): the turnaround buffer from the settings, extras and a kilometre
-- allowance on the booking, and the payments and deposits taken for it.

-- The buffer a new booking gets after its return. Each booking keeps the buffer it was made with, so
-- changing the setting never makes existing bookings overlap.
CREATE FUNCTION booking_turnaround() RETURNS interval
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT (value #>> '{}')::interval FROM settings WHERE key = 'booking_turnaround'),
                    interval '2 hours')
$$;

ALTER TABLE bookings
    ALTER COLUMN turnaround SET DEFAULT booking_turnaround(),
    ADD COLUMN extras             jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(extras) = 'array'),
    -- Kilometres included per rental day; null means unlimited.
    ADD COLUMN km_per_day         integer CHECK (km_per_day > 0),
    ADD COLUMN extra_km_rate      numeric(8, 2) NOT NULL DEFAULT 0 CHECK (extra_km_rate >= 0),
    -- Reserved and active bookings hold a time range: an active booking has been picked up.
    ADD CONSTRAINT bookings_active_picked_up CHECK (status <> 'active' OR picked_up_at IS NOT NULL),
    ADD CONSTRAINT bookings_completed_returned CHECK (status <> 'completed' OR returned_at IS NOT NULL);

-- Money taken or given back for a booking. A deposit is held, not earned: it does not count towards
-- the booking's total.
CREATE TABLE booking_payments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  bigint NOT NULL REFERENCES bookings (id),
    kind        text NOT NULL CHECK (kind IN ('payment', 'refund', 'deposit', 'deposit_return')),
    amount      numeric(12, 2) NOT NULL CHECK (amount > 0),
    method      text NOT NULL DEFAULT 'card' CHECK (method IN ('card', 'cash', 'transfer')),
    note        text NOT NULL DEFAULT '',
    taken_by    text NOT NULL DEFAULT current_user,
    taken_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_payments_booking_idx ON booking_payments (booking_id, taken_at);

-- What each booking owes: its total unless it was cancelled or not taken up, less payments, plus
-- refunds; and the deposit held. A positive balance is owed by the customer.
CREATE VIEW booking_balances AS
SELECT b.id AS booking_id,
       b.customer_id,
       CASE WHEN b.status IN ('cancelled', 'no_show') THEN 0 ELSE b.total END AS charged,
       coalesce(p.paid, 0) AS paid,
       CASE WHEN b.status IN ('cancelled', 'no_show') THEN 0 ELSE b.total END - coalesce(p.paid, 0) AS balance,
       coalesce(p.deposit_held, 0) AS deposit_held
FROM bookings b
LEFT JOIN (
    SELECT booking_id,
           sum(CASE kind WHEN 'payment' THEN amount WHEN 'refund' THEN -amount ELSE 0 END) AS paid,
           sum(CASE kind WHEN 'deposit' THEN amount WHEN 'deposit_return' THEN -amount ELSE 0 END) AS deposit_held
    FROM booking_payments GROUP BY booking_id
) p ON p.booking_id = b.id;

CREATE INDEX bookings_status_return_idx ON bookings (return_at) WHERE status IN ('reserved', 'active');
