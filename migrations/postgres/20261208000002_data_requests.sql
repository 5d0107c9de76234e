-- People's requests about their data (issue 15; Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the
-- register an administrator keeps — what was asked, when, how to reach the person, when it was
-- acknowledged and answered. Administrators only; audited like the rest.
CREATE TABLE data_request (
    id uuid PRIMARY KEY,
    received_on date NOT NULL,
    kind text NOT NULL CHECK (kind IN ('access', 'correct', 'delete', 'withdraw')),
    -- The person's number: how their cases are found, and how they are answered.
    phone_e164 text,
    note text NOT NULL DEFAULT '',
    recorded_by uuid NOT NULL REFERENCES staff (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    acknowledged_on date,
    closed_on date,
    closing_note text,
    -- Cases whose name and number a deletion or a withdrawal removed.
    forgotten_cases integer NOT NULL DEFAULT 0
);
ALTER TABLE data_request ENABLE ROW LEVEL SECURITY;
CREATE POLICY data_request_admin ON data_request FOR ALL TO khaosat_admin USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON data_request TO khaosat_admin;
CREATE TRIGGER data_request_audit AFTER INSERT OR UPDATE OR DELETE ON data_request
    FOR EACH ROW EXECUTE FUNCTION khaosat_audit();

-- A deletion or a withdrawal: the person's name and number leave every campaign (cases and
-- dossiers), a case they are being called on is taken back (its holder's writes are refused),
-- and nobody calls them again; answers and outcomes stay. SECURITY DEFINER because the number
-- is matched in columns no role may read; search_path pinned; administrators only.
CREATE FUNCTION khaosat_forget_person(phone text, at timestamptz) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    forgotten integer;
BEGIN
    UPDATE survey_case SET full_name = '', phone_e164 = 'xoa:' || dossier_code, phone_masked = '',
           purged_at = at, lease_holder = NULL, lease_expires_at = NULL, lease_claimed_at = NULL,
           lease_epoch = lease_epoch + 1, version = version + 1
        WHERE phone_e164 = phone AND purged_at IS NULL;
    GET DIAGNOSTICS forgotten = ROW_COUNT;
    UPDATE dossier SET full_name = '', phone_e164 = '' WHERE phone_e164 = phone;
    RETURN forgotten;
END $$;
REVOKE ALL ON FUNCTION khaosat_forget_person(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION khaosat_forget_person(text, timestamptz) TO khaosat_admin;
