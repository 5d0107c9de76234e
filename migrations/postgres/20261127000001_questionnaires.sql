-- Questionnaires as data (issue 6). A stored questionnaire is its canonical text, identified
-- by the SHA-256 of that text; its own id and version are unique together, so a changed file
-- must say it is a new version. Campaigns and interviews name the questionnaire by its hash.
CREATE TABLE questionnaire (
    hash text PRIMARY KEY CHECK (length(hash) = 64),
    code text NOT NULL,
    version text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    stored_at timestamptz NOT NULL,
    CONSTRAINT questionnaire_code_version_key UNIQUE (code, version)
);

-- Every answer given is kept, with the id the workstation made for it (so a retried save is
-- stored once): the interview's answers are the last one given per question, and answers the
-- engine sets aside stay in this history, numbered in the order given (`seq`, per interview:
-- two saves within one clock tick keep their order). The skeleton's answers move over as they were.
CREATE TABLE answer_log (
    id uuid PRIMARY KEY,
    interview_id uuid NOT NULL REFERENCES interview (id),
    question_id text NOT NULL,
    value text NOT NULL,
    answered_by uuid NOT NULL REFERENCES staff (id),
    answered_at timestamptz NOT NULL,
    seq bigint NOT NULL,
    CONSTRAINT answer_log_seq_key UNIQUE (interview_id, seq)
);
INSERT INTO answer_log (id, interview_id, question_id, value, answered_by, answered_at, seq)
    SELECT gen_random_uuid(), interview_id, question_id, value, answered_by, answered_at,
        row_number() OVER (PARTITION BY interview_id ORDER BY answered_at, question_id)
    FROM answer;
DROP TABLE answer;
