-- Issue 17: the rental desk's money. Rate cards per vehicle class (per branch, or the default every branch
-- without its own uses) with seasons, priced extras, the rental settings per branch, the quote a booking keeps,
-- the bill at return as charge lines, the deposit captured against the bill, and invoices numbered per branch
-- and year without gaps.

-- Vehicle classes: what a rate card prices. The tank is for fuel charged by the litre.
CREATE TABLE vehicle_classes (
    code         text PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{2,8}$'),
    name         text NOT NULL CHECK (btrim(name) <> ''),
    tank_litres  integer NOT NULL DEFAULT 50 CHECK (tank_litres BETWEEN 1 AND 500),
    position     integer NOT NULL DEFAULT 0
);

INSERT INTO vehicle_classes (code, name, tank_litres, position) VALUES
    ('ECON', 'Economy', 45, 1),
    ('COMP', 'Compact', 50, 2),
    ('SUV', 'SUV', 65, 3),
    ('PREM', 'Premium', 70, 4),
    ('VAN', 'Van', 80, 5);

-- A car without a class is priced from its booking's rates, as before.
ALTER TABLE cars ADD COLUMN vehicle_class text REFERENCES vehicle_classes (code) ON UPDATE CASCADE;

-- The class of a car from its body and price: vans, people carriers and pick-ups are vans; dear cars premium;
-- SUVs SUVs; cheap cars and small hatchbacks economy; the rest compact. The demo data follows the same rule.
CREATE FUNCTION vehicle_class_for(body_type text, list_price numeric) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN body_type IN ('van', 'mpv', 'pickup') THEN 'VAN'
        WHEN list_price >= 60000 THEN 'PREM'
        WHEN body_type = 'suv' THEN 'SUV'
        WHEN list_price < 22000 OR (body_type = 'hatchback' AND list_price < 28000) THEN 'ECON'
        ELSE 'COMP'
    END
$$;

UPDATE cars SET vehicle_class = vehicle_class_for(body_type, list_price);

-- The rates of a class: the default card (branch null) and a branch's own, which replaces it there.
CREATE TABLE rate_cards (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vehicle_class  text NOT NULL REFERENCES vehicle_classes (code) ON UPDATE CASCADE ON DELETE CASCADE,
    branch_id      bigint REFERENCES branches (id) ON DELETE CASCADE,
    daily          numeric(12, 2) NOT NULL CHECK (daily >= 0),
    weekly         numeric(12, 2) CHECK (weekly >= 0),
    monthly        numeric(12, 2) CHECK (monthly >= 0),
    updated_by     text NOT NULL DEFAULT current_user,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rate_cards_one_per_branch UNIQUE NULLS NOT DISTINCT (vehicle_class, branch_id)
);

-- Dates with their own rates, in the branch's local dates; a card's seasons never overlap.
CREATE TABLE rate_seasons (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rate_card_id  bigint NOT NULL REFERENCES rate_cards (id) ON DELETE CASCADE,
    name          text NOT NULL CHECK (btrim(name) <> ''),
    first_day     date NOT NULL,
    last_day      date NOT NULL,
    daily         numeric(12, 2) NOT NULL CHECK (daily >= 0),
    weekly        numeric(12, 2) CHECK (weekly >= 0),
    monthly       numeric(12, 2) CHECK (monthly >= 0),
    CHECK (last_day >= first_day),
    CONSTRAINT rate_seasons_no_overlap EXCLUDE USING gist (
        rate_card_id WITH =,
        daterange(first_day, last_day, '[]') WITH &&
    )
);

INSERT INTO rate_cards (vehicle_class, daily, weekly, monthly) VALUES
    ('ECON', 39.00, 234.00, 890.00),
    ('COMP', 49.00, 294.00, 1090.00),
    ('SUV', 79.00, 474.00, 1790.00),
    ('PREM', 119.00, 714.00, 2690.00),
    ('VAN', 89.00, 534.00, 1990.00);

-- Extras a booking can carry, per day or once per rental.
CREATE TABLE rental_extras (
    code      text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,32}$'),
    name      text NOT NULL CHECK (btrim(name) <> ''),
    price     numeric(12, 2) NOT NULL CHECK (price >= 0),
    per_day   boolean NOT NULL DEFAULT true,
    active    boolean NOT NULL DEFAULT true,
    position  integer NOT NULL DEFAULT 0
);

INSERT INTO rental_extras (code, name, price, per_day, position) VALUES
    ('child_seat', 'Child seat', 8.00, true, 1),
    ('additional_driver', 'Additional driver', 25.00, false, 2),
    ('gps', 'GPS', 6.00, true, 3);

-- A branch's rules for rentals; the row without a branch holds the defaults of every other branch.
CREATE TABLE rental_settings (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch_id            bigint REFERENCES branches (id) ON DELETE CASCADE,
    km_per_day           integer CHECK (km_per_day > 0), -- null: unlimited
    extra_km_price       numeric(8, 2) NOT NULL DEFAULT 0.25 CHECK (extra_km_price >= 0),
    fuel_charging        text NOT NULL DEFAULT 'per_eighth' CHECK (fuel_charging IN ('per_litre', 'per_eighth')),
    fuel_litre_price     numeric(8, 2) NOT NULL DEFAULT 2.10 CHECK (fuel_litre_price >= 0),
    refuel_eighth_price  numeric(8, 2) NOT NULL DEFAULT 15.00 CHECK (refuel_eighth_price >= 0),
    grace_minutes        integer NOT NULL DEFAULT 59 CHECK (grace_minutes BETWEEN 0 AND 1439),
    cleaning_price       numeric(12, 2) NOT NULL DEFAULT 49.00 CHECK (cleaning_price >= 0),
    early_return         text NOT NULL DEFAULT 'keep_booked_total'
                         CHECK (early_return IN ('keep_booked_total', 'charge_used_days')),
    prices_include_vat   boolean NOT NULL DEFAULT true,
    vat_basis_points     integer NOT NULL DEFAULT 1900 CHECK (vat_basis_points BETWEEN 0 AND 10000),
    deposit_required     boolean NOT NULL DEFAULT false,
    default_deposit      numeric(12, 2) NOT NULL DEFAULT 300.00 CHECK (default_deposit >= 0),
    terms_text           text NOT NULL DEFAULT '',
    updated_by           text NOT NULL DEFAULT current_user,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rental_settings_one_per_branch UNIQUE NULLS NOT DISTINCT (branch_id)
);

INSERT INTO rental_settings (branch_id, km_per_day, terms_text) VALUES (NULL, 300,
    'The car is returned at the agreed time and place, with the fuel it had at pick-up. Kilometres beyond the '
    || 'allowance, missing fuel, cleaning beyond normal use and damage during the rental are charged at the rates '
    || 'of the branch. The deposit is held until the return and set against what is owed.');

-- The quote a booking keeps: the card it was priced from (a snapshot: later changes of the card do not move
-- it), the zone and grace it was counted in, its lines and total. Null: priced from daily_rate/weekly_rate (a
-- car without a class, or a booking made before this migration). An override of the card's price has its reason.
ALTER TABLE bookings
    ADD COLUMN quote            jsonb CHECK (quote IS NULL OR jsonb_typeof(quote) = 'object'),
    ADD COLUMN override_reason  text NOT NULL DEFAULT '';
-- Nothing is looked up by the kept quote: ANALYZE need not read the snapshots.
ALTER TABLE bookings ALTER COLUMN quote SET STATISTICS 0;

-- The bill at return, line by line, as settled.
CREATE TABLE booking_charges (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  bigint NOT NULL REFERENCES bookings (id),
    position    integer NOT NULL CHECK (position >= 0),
    kind        text NOT NULL CHECK (kind IN ('rental', 'extra', 'km', 'fuel', 'late', 'damage', 'cleaning',
                                             'discount', 'override')),
    text        text NOT NULL,
    quantity    integer NOT NULL,
    unit_price  numeric(12, 2) NOT NULL,
    amount      numeric(12, 2) NOT NULL,
    UNIQUE (booking_id, position)
);

-- Invoice numbers: one gap-free sequence per branch (null: cars without a branch) and year. The settling
-- transaction takes the next number with INSERT .. ON CONFLICT DO UPDATE .. RETURNING on the counter row, whose
-- lock it holds until it commits: a settlement rolled back gives its number back, and concurrent desks wait
-- for each other's number instead of skipping one.
CREATE TABLE invoice_counters (
    branch_id  bigint REFERENCES branches (id) ON DELETE CASCADE,
    year       integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last       integer NOT NULL CHECK (last >= 0),
    CONSTRAINT invoice_counters_key UNIQUE NULLS NOT DISTINCT (branch_id, year)
);

-- The invoice of a settled booking: its number, the amounts, and the lines as they were billed. Every print
-- after the first is a copy (printed_count).
CREATE TABLE invoices (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id          bigint NOT NULL UNIQUE REFERENCES bookings (id),
    branch_id           bigint REFERENCES branches (id),
    year                integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    number              integer NOT NULL CHECK (number > 0),
    number_text         text NOT NULL UNIQUE,
    issued_at           timestamptz NOT NULL DEFAULT now(),
    net                 numeric(12, 2) NOT NULL,
    tax                 numeric(12, 2) NOT NULL,
    gross               numeric(12, 2) NOT NULL,
    vat_basis_points    integer NOT NULL CHECK (vat_basis_points BETWEEN 0 AND 10000),
    prices_include_vat  boolean NOT NULL,
    currency            text NOT NULL DEFAULT 'EUR',
    lines               jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
    deposit_held        numeric(12, 2) NOT NULL DEFAULT 0,
    deposit_captured    numeric(12, 2) NOT NULL DEFAULT 0,
    deposit_released    numeric(12, 2) NOT NULL DEFAULT 0,
    printed_count       integer NOT NULL DEFAULT 0 CHECK (printed_count >= 0),
    CHECK (net + tax = gross),
    CONSTRAINT invoices_number_once UNIQUE NULLS NOT DISTINCT (branch_id, year, number)
);

-- A deposit captured at the return pays part of the bill: it leaves the deposit held and counts as paid.
ALTER TABLE booking_payments DROP CONSTRAINT booking_payments_kind_check,
    ADD CONSTRAINT booking_payments_kind_check
        CHECK (kind IN ('payment', 'refund', 'deposit', 'deposit_return', 'deposit_capture'));

CREATE OR REPLACE VIEW booking_balances AS
SELECT b.id AS booking_id,
       b.customer_id,
       CASE WHEN b.status IN ('cancelled', 'no_show') THEN 0 ELSE b.total END AS charged,
       p.paid,
       CASE WHEN b.status IN ('cancelled', 'no_show') THEN 0 ELSE b.total END - p.paid AS balance,
       p.deposit_held
FROM bookings b
CROSS JOIN LATERAL (
    SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount WHEN 'refund' THEN -amount
                                  WHEN 'deposit_capture' THEN amount ELSE 0 END), 0) AS paid,
           coalesce(sum(CASE kind WHEN 'deposit' THEN amount WHEN 'deposit_return' THEN -amount
                                  WHEN 'deposit_capture' THEN -amount ELSE 0 END), 0) AS deposit_held
    FROM booking_payments WHERE booking_id = b.id
) p;
