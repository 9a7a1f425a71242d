-- The event worker (issue 4): every failed attempt's error travels with the event until it is handled
-- or dead-lettered; workers report that they are alive and what they handled; the activity feed is the
-- first consumer.

ALTER TABLE outbox_events ADD COLUMN errors jsonb NOT NULL DEFAULT '[]';
-- A stopping worker releases its leases; a claim looks up the events of one key in id order.
CREATE INDEX outbox_events_leased_by_idx ON outbox_events (leased_by) WHERE leased_by IS NOT NULL;

-- One row per running worker, kept fresh while it runs (a stale row: the worker is gone).
CREATE TABLE worker_heartbeats (
    worker_id   text PRIMARY KEY,
    host        text NOT NULL,
    pid         integer NOT NULL,
    version     text NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now()
);

-- Events handled and failed per worker and minute (one row per worker, so workers never wait on
-- each other's counters). Rows older than a day are removed by the workers.
CREATE TABLE event_stats (
    minute      timestamptz NOT NULL,
    worker_id   text NOT NULL,
    handled     bigint NOT NULL DEFAULT 0,
    failed      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (minute, worker_id)
);

-- The activity feed: who did what, one row per event (the line is written from the payload when shown,
-- in the reader's language). The event id is the natural key that makes a
-- second delivery of the same event harmless.
CREATE TABLE activity_feed (
    event_id      bigint PRIMARY KEY,
    happened_at   timestamptz NOT NULL,
    actor         text NOT NULL,
    topic         text NOT NULL,
    aggregate_key text NOT NULL,
    payload       jsonb NOT NULL
);
CREATE INDEX activity_feed_time_idx ON activity_feed (happened_at DESC, event_id DESC);
