-- Saved-search alerts (issue 4): a saved Fleet filter can alert its owner when a new car or a price
-- drop matches it; the worker writes the notification, the owner's open windows show it.

ALTER TABLE saved_filters ADD COLUMN alert boolean NOT NULL DEFAULT false;

CREATE TABLE notifications (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient        text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    title            text NOT NULL,
    body             text NOT NULL,
    car_id           bigint REFERENCES cars (id) ON DELETE SET NULL,
    saved_filter_id  bigint REFERENCES saved_filters (id) ON DELETE CASCADE,
    source_event     bigint NOT NULL,
    read_at          timestamptz,
    -- A second delivery of the same event makes no second notification.
    UNIQUE (source_event, saved_filter_id)
);
CREATE INDEX notifications_recipient_idx ON notifications (recipient, id DESC);
