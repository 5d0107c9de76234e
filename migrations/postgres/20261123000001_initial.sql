-- The walking skeleton's schema. Keys are UUIDs made by the application (no sequences to
-- grant), and nothing assumes one shared login: every row that records work names the person
-- (staff.id), and staff.login is the PostgreSQL role that person connects as in shared mode,
-- so row-level security can later key on current_user.

CREATE TABLE staff (
    id uuid PRIMARY KEY,
    login text NOT NULL CONSTRAINT staff_login_key UNIQUE,
    full_name text NOT NULL,
    role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin'))
);

CREATE TABLE campaign (
    id uuid PRIMARY KEY,
    code text NOT NULL CONSTRAINT campaign_code_key UNIQUE,
    name text NOT NULL,
    time_zone text NOT NULL,
    received_from date NOT NULL,
    received_to date NOT NULL,
    max_attempts integer NOT NULL CHECK (max_attempts > 0),
    questionnaire_id text NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK (received_from <= received_to)
);

CREATE TABLE agency (
    id uuid PRIMARY KEY,
    code text NOT NULL CONSTRAINT agency_code_key UNIQUE,
    name text NOT NULL
);

CREATE TABLE survey_case (
    id uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    agency_id uuid NOT NULL REFERENCES agency (id),
    full_name text NOT NULL,
    phone_e164 text NOT NULL,
    dossier_code text NOT NULL,
    procedure_name text NOT NULL,
    received_on date NOT NULL,
    assigned_to uuid REFERENCES staff (id),
    priority integer NOT NULL DEFAULT 0,
    attempts integer NOT NULL DEFAULT 0,
    ever_contacted boolean NOT NULL DEFAULT false,
    last_outcome text,
    final_outcome text,
    retry_at timestamptz,
    appointment_at timestamptz,
    last_attempt_at timestamptz,
    lease_holder uuid REFERENCES staff (id),
    lease_expires_at timestamptz,
    lease_claimed_at timestamptz,
    lease_epoch bigint NOT NULL DEFAULT 0,
    CONSTRAINT survey_case_person_key UNIQUE (campaign_id, phone_e164)
);

-- The claim's ordering, over open cases only.
CREATE INDEX survey_case_claim_idx ON survey_case
    (campaign_id, priority DESC, attempts, last_attempt_at NULLS FIRST, id)
    WHERE final_outcome IS NULL;
CREATE INDEX survey_case_holder_idx ON survey_case (lease_holder) WHERE lease_holder IS NOT NULL;

CREATE TABLE attempt (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES survey_case (id),
    operator_id uuid NOT NULL REFERENCES staff (id),
    started_at timestamptz NOT NULL,
    ended_at timestamptz NOT NULL,
    outcome text NOT NULL,
    note text,
    appointment_at timestamptz
);
CREATE INDEX attempt_case_idx ON attempt (case_id, ended_at);

CREATE TABLE interview (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL CONSTRAINT interview_case_key UNIQUE REFERENCES survey_case (id),
    questionnaire_id text NOT NULL,
    operator_id uuid NOT NULL REFERENCES staff (id),
    status text NOT NULL CHECK (status IN ('in_progress', 'partial', 'complete')),
    started_at timestamptz NOT NULL,
    finished_at timestamptz
);

CREATE TABLE answer (
    interview_id uuid NOT NULL REFERENCES interview (id),
    question_id text NOT NULL,
    value text NOT NULL,
    answered_by uuid NOT NULL REFERENCES staff (id),
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (interview_id, question_id)
);
