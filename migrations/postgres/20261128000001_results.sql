-- Results (issue 7). An interview is taken by phone at the desk, or gathered outside the phone
-- (on paper, at the one-stop shop's kiosk, online) and imported (`import_id`: the batch).
ALTER TABLE interview ADD COLUMN mode text NOT NULL DEFAULT 'phone'
    CONSTRAINT interview_mode_check CHECK (mode IN ('phone', 'paper', 'kiosk', 'web'));
ALTER TABLE interview ADD COLUMN import_id uuid;

-- One import of interviews gathered outside the phone.
CREATE TABLE interview_import (
    id uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    mode text NOT NULL,
    file_name text NOT NULL,
    rows_read integer NOT NULL,
    imported integer NOT NULL,
    unchanged integer NOT NULL,
    rejected integer NOT NULL,
    imported_by uuid NOT NULL REFERENCES staff (id),
    imported_at timestamptz NOT NULL
);

-- The scores of each finished interview (complete or partial), as the index reads them: one
-- character per scale question of its questionnaire, in the questionnaire's order — '1' to '5',
-- '0' for "không ý kiến", '-' for a question not asked or not answered — from the engine's walk
-- over its answers (answers set aside are left out). One short row per interview, so the index
-- over a province's tens of thousands of interviews reads that many rows, not every answer.
-- Written with the outcome that finishes the interview, in the same statement, and by the
-- import; removed when a partial interview is taken up again, so a row here is always an
-- interview in `status`. Campaign, agency and mode are copied (none of them ever changes).
CREATE TABLE result_interview (
    interview_id uuid PRIMARY KEY REFERENCES interview (id),
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    agency_id uuid NOT NULL REFERENCES agency (id),
    mode text NOT NULL,
    status text NOT NULL CHECK (status IN ('complete', 'partial')),
    scores text NOT NULL CHECK (scores ~ '^[0-5-]*$')
);
CREATE INDEX result_interview_campaign_idx ON result_interview (campaign_id, status);

-- The reports list a campaign's agencies with their drawn cases: from this index alone.
CREATE INDEX survey_case_agency_idx ON survey_case (campaign_id, agency_id, wave);
