-- Questionnaires as data (issue 6). A stored questionnaire is its canonical text, identified
-- by the SHA-256 of that text; its own id and version are unique together, so a changed file
-- must say it is a new version. Campaigns and interviews name the questionnaire by its hash.
CREATE TABLE questionnaire (
    hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
    code TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    CONSTRAINT questionnaire_code_version_key UNIQUE (code, version)
);

-- Every answer given is kept, with the id the workstation made for it (so a retried save is
-- stored once): the interview's answers are the last one given per question, and answers the
-- engine sets aside stay in this history, numbered in the order given (`seq`, per interview:
-- two saves within one clock tick keep their order). The skeleton's answers move over as they were.
CREATE TABLE answer_log (
    id BLOB PRIMARY KEY NOT NULL,
    interview_id BLOB NOT NULL REFERENCES interview (id),
    question_id TEXT NOT NULL,
    value TEXT NOT NULL,
    answered_by BLOB NOT NULL REFERENCES staff (id),
    answered_at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    CONSTRAINT answer_log_seq_key UNIQUE (interview_id, seq)
);
INSERT INTO answer_log (id, interview_id, question_id, value, answered_by, answered_at, seq)
    SELECT randomblob(16), interview_id, question_id, value, answered_by, answered_at,
        row_number() OVER (PARTITION BY interview_id ORDER BY answered_at, question_id)
    FROM answer;
DROP TABLE answer;
