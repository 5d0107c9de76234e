-- Intake and sampling; the same tables and rules as the PostgreSQL backend. A case is called
-- only once drawn into the sample: `wave` is the draw that released it, NULL = not drawn.

ALTER TABLE survey_case ADD COLUMN wave INTEGER;
-- Only drawn cases are ever claimed: the claim's index holds only those, so importing a large
-- list adds nothing to it (drawing the sample does).
DROP INDEX survey_case_claim_idx;
CREATE INDEX survey_case_claim_idx ON survey_case
    (campaign_id, priority DESC, attempts, last_attempt_at, id)
    WHERE final_outcome IS NULL AND wave IS NOT NULL;
UPDATE survey_case SET wave = 1;

CREATE TABLE dossier (
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    dossier_code TEXT NOT NULL,
    case_id BLOB NOT NULL REFERENCES survey_case (id),
    agency_id BLOB NOT NULL REFERENCES agency (id),
    full_name TEXT NOT NULL,
    phone_e164 TEXT NOT NULL,
    procedure_name TEXT NOT NULL,
    field_name TEXT,
    received_on TEXT NOT NULL,
    channel TEXT CHECK (channel IN ('in_person', 'online', 'post')),
    birth_year INTEGER,
    import_id BLOB,
    PRIMARY KEY (campaign_id, dossier_code)
);

INSERT INTO dossier (campaign_id, dossier_code, case_id, agency_id, full_name, phone_e164,
                     procedure_name, received_on)
SELECT campaign_id, dossier_code, id, agency_id, full_name, phone_e164, procedure_name, received_on
FROM survey_case;

CREATE TABLE import_batch (
    id BLOB PRIMARY KEY NOT NULL,
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    file_name TEXT NOT NULL,
    rows_read INTEGER NOT NULL,
    accepted INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    new_cases INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE sample_draw (
    id BLOB PRIMARY KEY NOT NULL,
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    agency_id BLOB NOT NULL REFERENCES agency (id),
    wave INTEGER NOT NULL,
    rule TEXT NOT NULL,
    seed INTEGER NOT NULL,
    population INTEGER NOT NULL,
    required INTEGER NOT NULL,
    drawn INTEGER NOT NULL,
    drawn_at TEXT NOT NULL,
    UNIQUE (campaign_id, agency_id, wave)
);
