-- Forecourt base schema: settings, branches, the fleet and its price history, customers.
-- Enumerations are text with CHECK constraints (easy to extend in a later migration); money is
-- numeric, times are timestamptz. Every rule a client could break is enforced here.

CREATE TABLE settings (
    key        text PRIMARY KEY,
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO settings (key, value) VALUES
    ('currency', '"EUR"'),
    ('booking_turnaround', '"2 hours"');

CREATE TABLE branches (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{2,8}$'),
    name       text NOT NULL CHECK (btrim(name) <> ''),
    address    text NOT NULL DEFAULT '',
    phone      text NOT NULL DEFAULT '',
    time_zone  text NOT NULL DEFAULT 'UTC',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE car_stock_number_seq START 1001;

CREATE TABLE cars (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stock_number  text NOT NULL UNIQUE DEFAULT ('A' || nextval('car_stock_number_seq'))
                  CHECK (stock_number ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
    vin           text NOT NULL UNIQUE CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    make          text NOT NULL CHECK (btrim(make) <> ''),
    model         text NOT NULL CHECK (btrim(model) <> ''),
    trim_level    text NOT NULL DEFAULT '',
    model_year    smallint NOT NULL CHECK (model_year BETWEEN 1900 AND 2100),
    body_type     text NOT NULL CHECK (body_type IN ('sedan', 'hatchback', 'estate', 'suv', 'coupe',
                                                     'convertible', 'mpv', 'pickup', 'van', 'other')),
    fuel_type     text NOT NULL CHECK (fuel_type IN ('petrol', 'diesel', 'hybrid', 'plug_in_hybrid',
                                                     'electric', 'lpg', 'cng', 'hydrogen')),
    transmission  text NOT NULL CHECK (transmission IN ('manual', 'automatic')),
    drive         text NOT NULL CHECK (drive IN ('fwd', 'rwd', 'awd', '4wd')),
    colour        text NOT NULL DEFAULT '',
    seats         smallint CHECK (seats BETWEEN 1 AND 60),
    doors         smallint CHECK (doors BETWEEN 0 AND 9),
    power_kw      integer CHECK (power_kw BETWEEN 0 AND 2000),
    mileage_km    integer NOT NULL DEFAULT 0 CHECK (mileage_km >= 0),
    condition     text NOT NULL CHECK (condition IN ('new', 'used', 'demo', 'certified')),
    status        text NOT NULL DEFAULT 'available'
                  CHECK (status IN ('available', 'reserved', 'rented', 'sold', 'in_service', 'retired')),
    branch_id     bigint REFERENCES branches (id),
    list_price    numeric(12, 2) NOT NULL CHECK (list_price >= 0),
    cost          numeric(12, 2) CHECK (cost >= 0),
    acquired_on   date,
    listed_on     date,
    sold_on       date,
    features      text[] NOT NULL DEFAULT '{}',
    notes         text NOT NULL DEFAULT '',
    created_by    text NOT NULL DEFAULT current_user,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text NOT NULL DEFAULT current_user,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (sold_on IS NULL OR status IN ('sold', 'retired')),
    CHECK (listed_on IS NULL OR acquired_on IS NULL OR listed_on >= acquired_on)
);

-- Keyset paging sorts on (column, id); these serve the default orders and the common filters.
CREATE INDEX cars_make_model_idx ON cars (make, model, id);
CREATE INDEX cars_list_price_idx ON cars (list_price, id);
CREATE INDEX cars_model_year_idx ON cars (model_year, id);
CREATE INDEX cars_mileage_idx ON cars (mileage_km, id);
CREATE INDEX cars_status_idx ON cars (status);
CREATE INDEX cars_branch_idx ON cars (branch_id);

CREATE TABLE car_price_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    car_id      bigint NOT NULL REFERENCES cars (id) ON DELETE CASCADE,
    old_price   numeric(12, 2),
    new_price   numeric(12, 2) NOT NULL CHECK (new_price >= 0),
    changed_by  text NOT NULL DEFAULT current_user,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX car_price_history_car_idx ON car_price_history (car_id, changed_at);

CREATE TABLE customers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_name       text NOT NULL CHECK (btrim(full_name) <> ''),
    email           text NOT NULL DEFAULT '' CHECK (email = '' OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    phone           text NOT NULL DEFAULT '',
    address         text NOT NULL DEFAULT '',
    date_of_birth   date,
    licence_number  text NOT NULL DEFAULT '',
    licence_expiry  date,
    notes           text NOT NULL DEFAULT '',
    created_by      text NOT NULL DEFAULT current_user,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE INDEX customers_name_idx ON customers (full_name, id);
CREATE INDEX customers_email_idx ON customers (lower(email)) WHERE email <> '';
CREATE INDEX customers_licence_idx ON customers (licence_number) WHERE licence_number <> '';
