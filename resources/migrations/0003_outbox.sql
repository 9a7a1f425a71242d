-- The transactional outbox: every service writes its events here in the same transaction as the
-- change. Handled events leave this table, so it stays small; failures end in the dead-letter table.

CREATE TABLE outbox_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic          text NOT NULL CHECK (topic ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)+$'),
    aggregate_key  text NOT NULL,
    payload        jsonb NOT NULL DEFAULT '{}',
    not_before     timestamptz NOT NULL DEFAULT now(),
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL DEFAULT current_user,
    attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    leased_until   timestamptz,
    leased_by      text,
    last_error     text
);

CREATE INDEX outbox_events_due_idx ON outbox_events (not_before, id);
CREATE INDEX outbox_events_key_idx ON outbox_events (aggregate_key, id);

-- A queue table churns: vacuum it early and often.
ALTER TABLE outbox_events SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 1000,
                               autovacuum_vacuum_cost_delay = 0);

CREATE TABLE outbox_dead_letters (
    id             bigint PRIMARY KEY,
    topic          text NOT NULL,
    aggregate_key  text NOT NULL,
    payload        jsonb NOT NULL,
    created_at     timestamptz NOT NULL,
    failed_at      timestamptz NOT NULL DEFAULT now(),
    attempts       integer NOT NULL,
    errors         jsonb NOT NULL DEFAULT '[]'
);
