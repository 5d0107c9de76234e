-- A campaign's calling calendar in the app (issue 16): its supervisors (and administrators, whose
-- policy already allows all) may change its calling rules — in practice its extra days off. The
-- campaign's audit trigger keeps every change.
CREATE POLICY campaign_supervisor_calendar ON campaign FOR UPDATE TO khaosat_supervisor
    USING (id = ANY ((SELECT khaosat_my_campaigns())::uuid[]))
    WITH CHECK (id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
GRANT UPDATE (calling) ON campaign TO khaosat_supervisor, khaosat_admin;
