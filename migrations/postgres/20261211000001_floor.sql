-- The supervisor's live floor (issue 16). Who is at a desk: one row per person while their desk
-- is open (`seen_at` moves while it stays open; a row not seen for a few minutes is a desk left
-- without logging out). The statements that change the floor notify channel `khaosat_floor`
-- with the campaign's id (nothing personal): a claim, a release or an outcome (survey_case), an
-- interview opened, a pause begun or ended, a desk opened or closed. A lease renewed, a desk
-- still open or a case imported do not.
CREATE TABLE desk_presence (
    staff_id uuid PRIMARY KEY REFERENCES staff (id),
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    since timestamptz NOT NULL,
    seen_at timestamptz NOT NULL
);
CREATE INDEX desk_presence_campaign_idx ON desk_presence (campaign_id);

-- An operator opens, keeps and closes their own desk, in their own campaigns; a supervisor reads
-- the desks of the campaigns they supervise; an administrator reads all.
ALTER TABLE desk_presence ENABLE ROW LEVEL SECURITY;
CREATE POLICY desk_presence_operator ON desk_presence FOR ALL TO khaosat_operator
    USING (staff_id = (SELECT khaosat_me()))
    WITH CHECK (staff_id = (SELECT khaosat_me())
                AND campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY desk_presence_supervisor ON desk_presence FOR SELECT TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY desk_presence_admin ON desk_presence FOR SELECT TO khaosat_admin USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON desk_presence TO khaosat_operator;
GRANT SELECT ON desk_presence TO khaosat_supervisor, khaosat_admin;

CREATE FUNCTION khaosat_floor_notify() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('khaosat_floor', OLD.campaign_id::text);
    ELSE
        PERFORM pg_notify('khaosat_floor', NEW.campaign_id::text);
    END IF;
    RETURN NULL;
END $$;

-- An interview names its case, not its campaign.
CREATE FUNCTION khaosat_floor_notify_interview() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM pg_notify('khaosat_floor', c.campaign_id::text)
       FROM survey_case c WHERE c.id = NEW.case_id;
    RETURN NULL;
END $$;

CREATE TRIGGER survey_case_floor AFTER UPDATE ON survey_case FOR EACH ROW
    WHEN (OLD.lease_holder IS DISTINCT FROM NEW.lease_holder
          OR OLD.lease_epoch IS DISTINCT FROM NEW.lease_epoch
          OR OLD.attempts IS DISTINCT FROM NEW.attempts
          OR OLD.final_outcome IS DISTINCT FROM NEW.final_outcome)
    EXECUTE FUNCTION khaosat_floor_notify();
CREATE TRIGGER interview_floor AFTER INSERT ON interview FOR EACH ROW
    EXECUTE FUNCTION khaosat_floor_notify_interview();
CREATE TRIGGER work_pause_floor AFTER INSERT OR UPDATE OF ended_at ON work_pause FOR EACH ROW
    EXECUTE FUNCTION khaosat_floor_notify();
CREATE TRIGGER desk_presence_floor AFTER INSERT OR DELETE OR UPDATE OF campaign_id
    ON desk_presence FOR EACH ROW EXECUTE FUNCTION khaosat_floor_notify();
