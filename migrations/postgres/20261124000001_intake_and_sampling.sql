-- Intake and sampling. A case is one person (one phone number) in a campaign; each of the
-- person's dossiers is kept, linked to the case; the case carries its most recent dossier's
-- agency, procedure and date, which the interview is about. A case is called only once drawn
-- into the sample: `wave` is the draw that released it (1 = the first), NULL = not drawn.

ALTER TABLE survey_case ADD COLUMN wave integer;
-- Only drawn cases are ever claimed: the claim's index holds only those, so importing a large
-- list adds nothing to it (drawing the sample does).
DROP INDEX survey_case_claim_idx;
CREATE INDEX survey_case_claim_idx ON survey_case
    (campaign_id, priority DESC, attempts, last_attempt_at NULLS FIRST, id)
    WHERE final_outcome IS NULL AND wave IS NOT NULL;
-- Cases from before sampling existed (the walking skeleton's demo) were all callable.
UPDATE survey_case SET wave = 1;

CREATE TABLE dossier (
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    dossier_code text NOT NULL,
    case_id uuid NOT NULL REFERENCES survey_case (id),
    agency_id uuid NOT NULL REFERENCES agency (id),
    full_name text NOT NULL,
    phone_e164 text NOT NULL,
    procedure_name text NOT NULL,
    field_name text,
    received_on date NOT NULL,
    channel text CHECK (channel IN ('in_person', 'online', 'post')),
    birth_year integer,
    import_id uuid,
    CONSTRAINT dossier_pkey PRIMARY KEY (campaign_id, dossier_code)
);

INSERT INTO dossier (campaign_id, dossier_code, case_id, agency_id, full_name, phone_e164,
                     procedure_name, received_on)
SELECT campaign_id, dossier_code, id, agency_id, full_name, phone_e164, procedure_name, received_on
FROM survey_case;

CREATE TABLE import_batch (
    id uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    file_name text NOT NULL,
    rows_read integer NOT NULL,
    accepted integer NOT NULL,
    rejected integer NOT NULL,
    new_cases integer NOT NULL,
    imported_at timestamptz NOT NULL
);

CREATE TABLE sample_draw (
    id uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    agency_id uuid NOT NULL REFERENCES agency (id),
    wave integer NOT NULL,
    rule text NOT NULL,
    seed bigint NOT NULL,
    population integer NOT NULL,
    required integer NOT NULL,
    drawn integer NOT NULL,
    drawn_at timestamptz NOT NULL,
    CONSTRAINT sample_draw_wave_key UNIQUE (campaign_id, agency_id, wave)
);
