-- The walking skeleton's schema; the same tables, names and rules as the PostgreSQL backend.
-- UUIDs are 16-byte blobs, instants RFC 3339 text in UTC, dates ISO text, booleans 0/1.

CREATE TABLE staff (
    id BLOB PRIMARY KEY NOT NULL,
    login TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin'))
);

CREATE TABLE campaign (
    id BLOB PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    received_from TEXT NOT NULL,
    received_to TEXT NOT NULL,
    max_attempts INTEGER NOT NULL CHECK (max_attempts > 0),
    questionnaire_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (received_from <= received_to)
);

CREATE TABLE agency (
    id BLOB PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE survey_case (
    id BLOB PRIMARY KEY NOT NULL,
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    agency_id BLOB NOT NULL REFERENCES agency (id),
    full_name TEXT NOT NULL,
    phone_e164 TEXT NOT NULL,
    dossier_code TEXT NOT NULL,
    procedure_name TEXT NOT NULL,
    received_on TEXT NOT NULL,
    assigned_to BLOB REFERENCES staff (id),
    priority INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    ever_contacted INTEGER NOT NULL DEFAULT 0,
    last_outcome TEXT,
    final_outcome TEXT,
    retry_at TEXT,
    appointment_at TEXT,
    last_attempt_at TEXT,
    lease_holder BLOB REFERENCES staff (id),
    lease_expires_at TEXT,
    lease_claimed_at TEXT,
    lease_epoch INTEGER NOT NULL DEFAULT 0,
    UNIQUE (campaign_id, phone_e164)
);

CREATE INDEX survey_case_claim_idx ON survey_case
    (campaign_id, priority DESC, attempts, last_attempt_at, id)
    WHERE final_outcome IS NULL;
CREATE INDEX survey_case_holder_idx ON survey_case (lease_holder) WHERE lease_holder IS NOT NULL;

CREATE TABLE attempt (
    id BLOB PRIMARY KEY NOT NULL,
    case_id BLOB NOT NULL REFERENCES survey_case (id),
    operator_id BLOB NOT NULL REFERENCES staff (id),
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT,
    appointment_at TEXT
);
CREATE INDEX attempt_case_idx ON attempt (case_id, ended_at);

CREATE TABLE interview (
    id BLOB PRIMARY KEY NOT NULL,
    case_id BLOB NOT NULL UNIQUE REFERENCES survey_case (id),
    questionnaire_id TEXT NOT NULL,
    operator_id BLOB NOT NULL REFERENCES staff (id),
    status TEXT NOT NULL CHECK (status IN ('in_progress', 'partial', 'complete')),
    started_at TEXT NOT NULL,
    finished_at TEXT
);

CREATE TABLE answer (
    interview_id BLOB NOT NULL REFERENCES interview (id),
    question_id TEXT NOT NULL,
    value TEXT NOT NULL,
    answered_by BLOB NOT NULL REFERENCES staff (id),
    answered_at TEXT NOT NULL,
    PRIMARY KEY (interview_id, question_id)
);
