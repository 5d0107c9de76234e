-- People's requests about their data (issue 15): the register an administrator keeps. The same
-- table as on PostgreSQL.
CREATE TABLE data_request (
    id BLOB PRIMARY KEY NOT NULL,
    received_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'correct', 'delete', 'withdraw')),
    phone_e164 TEXT,
    note TEXT NOT NULL DEFAULT '',
    recorded_by BLOB NOT NULL REFERENCES staff (id),
    recorded_at TEXT NOT NULL,
    acknowledged_on TEXT,
    closed_on TEXT,
    closing_note TEXT,
    forgotten_cases INTEGER NOT NULL DEFAULT 0
);
