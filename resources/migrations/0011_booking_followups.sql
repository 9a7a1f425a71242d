-- Bookings, part 4 (issue 5): what the booking storm, the dialog and the reminders needed after 0009.

-- PL/pgSQL keeps the query's plan for the session; the SQL function was planned again at every booking
-- attempt (about a fifth of the server's work in the storm).
CREATE OR REPLACE FUNCTION booking_turnaround() RETURNS interval
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN coalesce((SELECT (value #>> '{}')::interval FROM settings WHERE key = 'booking_turnaround'),
                    interval '2 hours');
END
$$;

-- A booking keeps its weekly rate, so a move prices it again as it was priced.
ALTER TABLE bookings ADD COLUMN weekly_rate numeric(10, 2) CHECK (weekly_rate >= 0);

-- The payments summed per booking (LATERAL): a query for a few bookings or one customer reads only
-- their payments through the index, where the join summed every payment first.
CREATE OR REPLACE VIEW booking_balances AS
SELECT b.id AS booking_id,
       b.customer_id,
       CASE WHEN b.status IN ('cancelled', 'no_show') THEN 0 ELSE b.total END AS charged,
       p.paid,
       CASE WHEN b.status IN ('cancelled', 'no_show') THEN 0 ELSE b.total END - p.paid AS balance,
       p.deposit_held
FROM bookings b
CROSS JOIN LATERAL (
    SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount WHEN 'refund' THEN -amount ELSE 0 END), 0) AS paid,
           coalesce(sum(CASE kind WHEN 'deposit' THEN amount WHEN 'deposit_return' THEN -amount ELSE 0 END), 0)
               AS deposit_held
    FROM booking_payments WHERE booking_id = b.id
) p;

-- Pick-up and return reminders (scheduled events) notify the desk that made the booking.
ALTER TABLE notifications ADD COLUMN booking_id bigint REFERENCES bookings (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX notifications_booking_event_idx ON notifications (source_event) WHERE booking_id IS NOT NULL;
