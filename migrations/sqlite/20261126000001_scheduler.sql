-- The call scheduler: a campaign's calling rules (hours, days off, appointment grace; JSON,
-- NULL = the defaults), hard appointments (the operator who booked it, NULL = anyone), the
-- parts of the day a case went unanswered in (bits: 1 morning, 2 afternoon, 4 evening), a
-- version that supervisors' moves compare, and the audit of those moves.
ALTER TABLE campaign ADD COLUMN calling TEXT;
ALTER TABLE survey_case ADD COLUMN appointment_operator BLOB REFERENCES staff (id);
ALTER TABLE survey_case ADD COLUMN tried_slots integer NOT NULL DEFAULT 0;
ALTER TABLE survey_case ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE attempt ADD COLUMN appointment_kind TEXT CHECK (appointment_kind IN ('hard', 'soft'));

-- One index per queue, in the order the claim reads it: an operator's own call list or the
-- shared pool (assigned_to = $op / IS NULL), then priority, fewest attempts, least recently
-- tried; appointments by their time.
DROP INDEX survey_case_claim_idx;
CREATE INDEX survey_case_queue_idx ON survey_case
    (campaign_id, assigned_to, priority DESC, attempts, last_attempt_at, id)
    WHERE final_outcome IS NULL AND wave IS NOT NULL AND appointment_at IS NULL;
CREATE INDEX survey_case_appointment_idx ON survey_case (campaign_id, appointment_at)
    WHERE final_outcome IS NULL AND appointment_at IS NOT NULL;

CREATE TABLE audit_log (
    id BLOB PRIMARY KEY NOT NULL,
    at TEXT NOT NULL,
    actor BLOB NOT NULL REFERENCES staff (id),
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    action TEXT NOT NULL,
    case_id BLOB REFERENCES survey_case (id),
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_campaign_idx ON audit_log (campaign_id, at);
