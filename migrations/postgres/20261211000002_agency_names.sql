-- The agency catalogue in the app (issue 16): a supervisor or an administrator may correct an
-- agency's name (its code stays: lists and reports keep matching it); every change is audited.
GRANT UPDATE (name) ON agency TO khaosat_supervisor, khaosat_admin;
CREATE TRIGGER agency_audit AFTER INSERT OR UPDATE OR DELETE ON agency
    FOR EACH ROW EXECUTE FUNCTION khaosat_audit();
