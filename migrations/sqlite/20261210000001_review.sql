-- Review of finished interviews (issue 16): the same history as on PostgreSQL (see there).
CREATE TABLE review_event (
    id BLOB PRIMARY KEY NOT NULL,
    interview_id BLOB NOT NULL REFERENCES interview (id),
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    round TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('approved', 'returned', 'resubmitted', 'corrected')),
    by_staff BLOB NOT NULL REFERENCES staff (id),
    at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    question_id TEXT,
    old_value TEXT,
    new_value TEXT,
    seq INTEGER NOT NULL,
    UNIQUE (interview_id, seq),
    CHECK (action <> 'returned' OR reason <> ''),
    CHECK ((action = 'corrected') = (question_id IS NOT NULL))
);
CREATE INDEX review_event_campaign_idx ON review_event (campaign_id);
