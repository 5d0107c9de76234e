-- Operator pauses (issue 16): a break, a meeting, a technical problem. While a pause is open no
-- case is handed to its operator (the claim checks), pause time is left out of the hours worked,
-- and the floor shows it. One open pause per person.
CREATE TABLE work_pause (
    id uuid PRIMARY KEY,
    staff_id uuid NOT NULL REFERENCES staff (id),
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    reason text NOT NULL CHECK (reason <> ''),
    started_at timestamptz NOT NULL,
    ended_at timestamptz,
    CONSTRAINT work_pause_ends_after_start CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX work_pause_open_key ON work_pause (staff_id) WHERE ended_at IS NULL;
CREATE INDEX work_pause_campaign_idx ON work_pause (campaign_id, started_at);

-- An operator pauses and resumes themselves, in their own campaigns; a supervisor reads the
-- pauses of the campaigns they supervise; an administrator reads all.
ALTER TABLE work_pause ENABLE ROW LEVEL SECURITY;
CREATE POLICY work_pause_operator ON work_pause FOR ALL TO khaosat_operator
    USING (staff_id = (SELECT khaosat_me()))
    WITH CHECK (staff_id = (SELECT khaosat_me())
                AND campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY work_pause_supervisor ON work_pause FOR SELECT TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY work_pause_admin ON work_pause FOR SELECT TO khaosat_admin USING (true);
GRANT SELECT, INSERT, UPDATE ON work_pause TO khaosat_operator;
GRANT SELECT ON work_pause TO khaosat_supervisor, khaosat_admin;
CREATE TRIGGER work_pause_audit AFTER INSERT OR UPDATE OR DELETE ON work_pause
    FOR EACH ROW EXECUTE FUNCTION khaosat_audit();
