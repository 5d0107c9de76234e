-- Operator pauses (issue 16): the same table as on PostgreSQL (see there).
CREATE TABLE work_pause (
    id BLOB PRIMARY KEY NOT NULL,
    staff_id BLOB NOT NULL REFERENCES staff (id),
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    reason TEXT NOT NULL CHECK (reason <> ''),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX work_pause_open_key ON work_pause (staff_id) WHERE ended_at IS NULL;
CREATE INDEX work_pause_campaign_idx ON work_pause (campaign_id, started_at);
