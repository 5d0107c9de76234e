-- Results (issue 7). An interview is taken by phone at the desk, or gathered outside the phone
-- (on paper, at the one-stop shop's kiosk, online) and imported.
ALTER TABLE interview ADD COLUMN mode TEXT NOT NULL DEFAULT 'phone'
    CONSTRAINT interview_mode_check CHECK (mode IN ('phone', 'paper', 'kiosk', 'web'));

-- The answers that count of each finished interview (complete or partial): the engine's walk
-- over its answers, answers set aside left out. Written with the outcome that finishes the
-- interview, in the same transaction, and removed when a partial interview is taken up again,
-- so a row here is always a counted answer of an interview in `status`. The reports sum these
-- rows and never walk the answer history. Campaign, agency and mode are copied (none of them
-- ever changes) so the index is one scan of one index. `score` is the 0–5 of a 1–5 scale
-- answer (0: không ý kiến), NULL for any other question.
CREATE TABLE result_answer (
    interview_id BLOB NOT NULL REFERENCES interview (id),
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    agency_id BLOB NOT NULL REFERENCES agency (id),
    mode TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('complete', 'partial')),
    question_id TEXT NOT NULL,
    value TEXT NOT NULL,
    score INTEGER CHECK (score BETWEEN 0 AND 5),
    CONSTRAINT result_answer_pkey PRIMARY KEY (interview_id, question_id)
);
CREATE INDEX result_answer_score_idx
    ON result_answer (campaign_id, status, agency_id, mode, question_id, score)
    WHERE score BETWEEN 1 AND 5;
