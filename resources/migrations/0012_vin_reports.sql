-- VIN reports (issue 6): requests that the event worker carries out, and the reports it stores.

-- A fetched report, kept whole as JSON (VinReport::toJson) with the summary flags beside it for lists.
CREATE TABLE vin_reports (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vin                 text NOT NULL CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    created_at          timestamptz NOT NULL DEFAULT now(),
    provider            text NOT NULL,
    simulated           boolean NOT NULL,
    vehicle             text NOT NULL DEFAULT '', -- "2003 Honda Accord", as far as known
    title_brands        text[] NOT NULL DEFAULT '{}',
    accidents           integer NOT NULL DEFAULT 0 CHECK (accidents >= 0),
    rollback_suspected  boolean NOT NULL DEFAULT false,
    stolen              boolean NOT NULL DEFAULT false,
    report              jsonb NOT NULL
);
-- The newest report of a VIN: reuse within the configured days, and the car's reports.
CREATE INDEX vin_reports_vin_idx ON vin_reports (vin, created_at DESC);

-- One VIN asked for by one person. Requests made together share a batch
-- (from vin_request_batches), so whoever asked for 500 VINs gets one notification when all 500 are
-- through.
CREATE SEQUENCE vin_request_batches;
CREATE TABLE vin_requests (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id      bigint NOT NULL,
    vin           text NOT NULL CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    car_id        bigint REFERENCES cars (id) ON DELETE SET NULL,
    fresh         boolean NOT NULL DEFAULT false, -- ask the providers even when a recent report exists
    requested_by  text NOT NULL DEFAULT current_user,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    finished_at   timestamptz,
    error         text,
    report_id     bigint REFERENCES vin_reports (id),
    reused        boolean NOT NULL DEFAULT false, -- done with a recent report instead of asking again
    CHECK ((status = 'pending') = (finished_at IS NULL)),
    CHECK ((status = 'done') = (report_id IS NOT NULL)),
    CHECK ((status = 'failed') = (error IS NOT NULL))
);
CREATE INDEX vin_requests_requested_idx ON vin_requests (requested_at DESC, id DESC);
CREATE INDEX vin_requests_vin_idx ON vin_requests (vin);
-- The worker locks a batch's first request and asks whether any of it is still pending.
CREATE INDEX vin_requests_batch_idx ON vin_requests (batch_id, id);
CREATE INDEX vin_requests_pending_idx ON vin_requests (batch_id) WHERE status = 'pending';
CREATE INDEX vin_requests_car_idx ON vin_requests (car_id) WHERE car_id IS NOT NULL;

-- A notification can open a VIN request; the worker's second delivery of an event adds none.
ALTER TABLE notifications ADD COLUMN vin_request_id bigint REFERENCES vin_requests (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX notifications_vin_request_event_idx ON notifications (source_event)
    WHERE vin_request_id IS NOT NULL;

-- The settings the worker reads for every batch (so every desk's worker follows one configuration).
-- vin_vpic_url empty: no vPIC lookups. vin_history_provider: "simulated" or "http" (vin_history_url,
-- with its API key in each machine's keychain).
INSERT INTO settings (key, value) VALUES
    ('vin_report_reuse_days', '30'),
    ('vin_vpic_url', '"https://vpic.nhtsa.dot.gov/api/"'),
    ('vin_vpic_min_interval_ms', '250'),
    ('vin_vpic_timeout_ms', '15000'),
    ('vin_history_provider', '"simulated"'),
    ('vin_history_url', '""')
ON CONFLICT (key) DO NOTHING;
