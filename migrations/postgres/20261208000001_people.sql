-- People and permissions (issue 15): who may see and change what, enforced by PostgreSQL.
--
-- Each person is a LOGIN role of their own (created by khaosat_staff_add below, never by the
-- app directly), a member of one group role: khaosat_operator, khaosat_supervisor or
-- khaosat_admin. Roles belong to the cluster, so the group roles are made once and shared by
-- every Khảo sát database on it; a person's login is given CONNECT on its own database only
-- (PUBLIC has none), so the logins of a training database cannot open production. Everything
-- belongs to khaosat_owner, a role nobody logs in as. Who is asking is the session's role
-- (current_user; khaosat_caller() inside the owner's functions); the policies below key on it
-- through khaosat_me() and khaosat_my_campaigns().

-- Databases of one cluster may migrate at the same time (parallel tests do): the shared roles
-- are made and altered only when missing, and a clash with another migration is retried.
DO $$
DECLARE
    r text;
    tries integer := 0;
BEGIN
    LOOP
        BEGIN
            FOREACH r IN ARRAY ARRAY['khaosat_owner', 'khaosat_operator', 'khaosat_supervisor', 'khaosat_admin'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN', r);
                END IF;
            END LOOP;
            -- The owner makes the logins (through the definer functions only) and grants the groups.
            IF NOT (SELECT rolcreaterole FROM pg_roles WHERE rolname = 'khaosat_owner') THEN
                ALTER ROLE khaosat_owner CREATEROLE;
            END IF;
            -- A disabled person's sessions end at once (khaosat_staff_set_active).
            IF NOT pg_has_role('khaosat_owner', 'pg_signal_backend', 'MEMBER') THEN
                GRANT pg_signal_backend TO khaosat_owner;
            END IF;
            FOREACH r IN ARRAY ARRAY['khaosat_operator', 'khaosat_supervisor', 'khaosat_admin'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
                               WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = r)
                                 AND m.member = (SELECT oid FROM pg_roles WHERE rolname = 'khaosat_owner')
                                 AND m.admin_option) THEN
                    EXECUTE format('GRANT %I TO khaosat_owner WITH ADMIN OPTION', r);
                END IF;
            END LOOP;
            EXIT;
        EXCEPTION WHEN OTHERS THEN
            tries := tries + 1;
            IF tries > 20 THEN
                RAISE;
            END IF;
            PERFORM pg_sleep(0.05 + random() / 10);
        END;
    END LOOP;
END $$;

DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO khaosat_owner WITH GRANT OPTION', current_database());
END $$;
GRANT USAGE, CREATE ON SCHEMA public TO khaosat_owner;

-- People: active or not (a disabled login cannot connect), and the campaigns each works or
-- supervises. Before this release everybody worked every campaign.
ALTER TABLE staff ADD COLUMN active boolean NOT NULL DEFAULT true;
CREATE TABLE staff_campaign (
    staff_id uuid NOT NULL REFERENCES staff (id),
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    PRIMARY KEY (staff_id, campaign_id)
);
CREATE INDEX staff_campaign_campaign_idx ON staff_campaign (campaign_id);
INSERT INTO staff_campaign (staff_id, campaign_id) SELECT s.id, c.id FROM staff s CROSS JOIN campaign c;
CREATE INDEX staff_login_idx ON staff (login) INCLUDE (id, active);

-- A case's number as everybody but its holder sees it (090****567): the whole number and the
-- name are columns no application role may read (see the grants); the holder reads them
-- through held_contact, a supervisor the names through case_name.
ALTER TABLE survey_case ADD COLUMN phone_masked text NOT NULL DEFAULT '';
UPDATE survey_case SET phone_masked =
    left('0' || substr(phone_e164, 4), 3) || '****' || right(phone_e164, 3);
-- When the person's name and number were removed (a campaign's purge, or the person's own
-- request): the case keeps its outcomes and answers, and is never called again.
ALTER TABLE survey_case ADD COLUMN purged_at timestamptz;

-- Imports and draws record who made them (the session's role, by default).
ALTER TABLE import_batch ADD COLUMN imported_by name NOT NULL DEFAULT current_user;
ALTER TABLE sample_draw ADD COLUMN drawn_by name NOT NULL DEFAULT current_user;

-- Who is asking: the session's role — current_user, except inside a SECURITY DEFINER function,
-- where current_user is the function's owner; the `role` setting and the session's user are the
-- caller's there too (SET ROLE, as a pooled benchmark does, included). A person cannot SET ROLE
-- to another person: they are members of their group only.
CREATE FUNCTION khaosat_caller() RETURNS name
    LANGUAGE sql STABLE SET search_path = pg_catalog, public
    AS $$ SELECT CASE WHEN current_setting('role') = 'none' THEN session_user
                      ELSE current_setting('role')::name END $$;
-- The active person who is asking, and the campaigns they work or supervise.
CREATE FUNCTION khaosat_me() RETURNS uuid
    LANGUAGE sql STABLE SET search_path = pg_catalog, public
    AS $$ SELECT id FROM staff WHERE login = khaosat_caller() AND active $$;
-- A session that is no person of this database's: its administrator (a superuser, or the
-- owner's member running `khaosat init`), who can read every table anyway.
CREATE FUNCTION khaosat_is_dba() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public
    AS $$ SELECT COALESCE((SELECT rolsuper OR pg_has_role(oid, 'khaosat_owner', 'MEMBER')
                           FROM pg_roles WHERE rolname = khaosat_caller()), false) $$;
-- Whether the caller is a member of a Khảo sát group role.
CREATE FUNCTION khaosat_in(grp name) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public
    AS $$ SELECT COALESCE((SELECT pg_has_role(oid, grp, 'MEMBER') FROM pg_roles
                           WHERE rolname = khaosat_caller()), false) $$;
CREATE FUNCTION khaosat_my_campaigns() RETURNS uuid[]
    LANGUAGE sql STABLE SET search_path = pg_catalog, public
    AS $$ SELECT COALESCE(array_agg(sc.campaign_id), '{}') FROM staff_campaign sc
          JOIN staff s ON s.id = sc.staff_id WHERE s.login = khaosat_caller() AND s.active $$;

-- Whether the caller supervises a campaign: an administrator, its supervisor, or the DBA.
CREATE FUNCTION khaosat_supervises(campaign uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public
    AS $$ SELECT khaosat_is_dba() OR khaosat_in('khaosat_admin')
              OR (khaosat_in('khaosat_supervisor') AND campaign = ANY (khaosat_my_campaigns())) $$;

-- The audit, written by triggers only: who (the session's role), when (the database's clock),
-- which table and row, and the row before and after. No application role may change it.
CREATE TABLE audit_trail (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor name NOT NULL DEFAULT khaosat_caller(),
    table_name text NOT NULL,
    operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'SELECT')),
    row_key text NOT NULL,
    campaign_id uuid,
    before jsonb,
    after jsonb
);
CREATE INDEX audit_trail_campaign_idx ON audit_trail (campaign_id, id);

CREATE FUNCTION khaosat_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    any_row jsonb := COALESCE(new_row, old_row);
    key text := COALESCE(any_row ->> 'id', any_row ->> 'case_id', any_row ->> 'interview_id',
                         concat_ws('/', any_row ->> 'staff_id', any_row ->> 'campaign_id',
                                   any_row ->> 'dossier_code'));
    campaign uuid := (any_row ->> 'campaign_id')::uuid;
BEGIN
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL;
    END IF;
    IF campaign IS NULL AND TG_TABLE_NAME = 'campaign' THEN
        campaign := (any_row ->> 'id')::uuid;
    ELSIF campaign IS NULL AND any_row ? 'case_id' THEN
        SELECT c.campaign_id INTO campaign FROM survey_case c WHERE c.id = (any_row ->> 'case_id')::uuid;
    ELSIF campaign IS NULL AND any_row ? 'interview_id' THEN
        SELECT c.campaign_id INTO campaign FROM interview i JOIN survey_case c ON c.id = i.case_id
            WHERE i.id = (any_row ->> 'interview_id')::uuid;
    END IF;
    -- Names and numbers are personal data: the audit keeps that they changed, not what they are.
    IF old_row ? 'phone_e164' THEN old_row := old_row || '{"full_name": "***", "phone_e164": "***"}'; END IF;
    IF new_row ? 'phone_e164' THEN new_row := new_row || '{"full_name": "***", "phone_e164": "***"}'; END IF;
    INSERT INTO audit_trail (actor, table_name, operation, row_key, campaign_id, before, after)
        VALUES (khaosat_caller(), TG_TABLE_NAME, TG_OP, key, campaign, old_row, new_row);
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['staff', 'staff_campaign', 'campaign', 'survey_case', 'dossier', 'attempt',
                             'interview', 'answer_log', 'result_interview', 'import_batch',
                             'sample_draw', 'interview_import'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION khaosat_audit()', t || '_audit', t);
    END LOOP;
END $$;

-- An operator changes a case only as its lease allows: taking a free or lapsed case changes
-- the lease columns only; anything else (an outcome, an appointment) only under their own
-- lease. Policies see rows, not columns: this trigger sees both.
CREATE FUNCTION khaosat_case_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public
    AS $$
DECLARE
    lease_columns text[] := ARRAY['lease_holder', 'lease_expires_at', 'lease_claimed_at', 'lease_epoch'];
BEGIN
    IF khaosat_in('khaosat_operator') AND NOT khaosat_in('khaosat_supervisor')
       AND NOT khaosat_in('khaosat_admin')
       AND OLD.lease_holder IS DISTINCT FROM khaosat_me()
       AND (to_jsonb(OLD) - lease_columns) IS DISTINCT FROM (to_jsonb(NEW) - lease_columns) THEN
        RAISE EXCEPTION 'khaosat: ca % không do người này giữ', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER survey_case_guard BEFORE UPDATE ON survey_case
    FOR EACH ROW EXECUTE FUNCTION khaosat_case_guard();

-- What the holder of a case reads of its person, and what a supervisor reads of names: views
-- over columns no application role may select. They run as their owner, so each says in its
-- WHERE whose rows they are (on SQLite, one workstation, the same views without that clause).
CREATE VIEW held_contact WITH (security_barrier) AS
    SELECT id AS case_id, lease_holder AS holder, full_name, phone_e164 FROM survey_case
    WHERE lease_holder = khaosat_me() OR (lease_holder IS NOT NULL AND khaosat_is_dba());
CREATE VIEW case_name WITH (security_barrier) AS
    SELECT id AS case_id, campaign_id, full_name FROM survey_case
    WHERE khaosat_supervises(campaign_id);

-- An import folds the list's people into the campaign's cases: it needs the stored dossiers
-- with the codes of the list, and the cases of the list's phone numbers, names and numbers
-- included, which no role may select. These two functions give a supervisor of the campaign
-- just those: what the list in their hands already tells them. SECURITY DEFINER for the
-- columns; search_path pinned; granted to supervisors and administrators only.
CREATE FUNCTION khaosat_known_dossiers(campaign uuid, codes text[])
    RETURNS TABLE (dossier_code text, full_name text, phone_e164 text, agency_code text,
                   procedure_name text, field_name text, received_on date, channel text,
                   birth_year integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT d.dossier_code, d.full_name, d.phone_e164, a.code, d.procedure_name,
                 d.field_name, d.received_on, d.channel, d.birth_year
          FROM dossier d JOIN agency a ON a.id = d.agency_id
          WHERE khaosat_supervises(campaign) AND d.campaign_id = campaign
            AND d.dossier_code = ANY (codes) $$;
CREATE FUNCTION khaosat_known_cases(campaign uuid, phones text[])
    RETURNS TABLE (id uuid, phone_e164 text, received_on date, dossier_code text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT c.id, c.phone_e164, c.received_on, c.dossier_code FROM survey_case c
          WHERE khaosat_supervises(campaign) AND c.campaign_id = campaign
            AND c.phone_e164 = ANY (phones) $$;

-- The campaign's cases in the sampler's order (by phone number, so a seed draws the same
-- people on either database) without the numbers: for its supervisors.
CREATE FUNCTION khaosat_sample_order(campaign uuid)
    RETURNS TABLE (id uuid, agency_code text, wave integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT c.id, a.code, c.wave FROM survey_case c JOIN agency a ON a.id = c.agency_id
          WHERE khaosat_supervises(campaign) AND c.campaign_id = campaign
          ORDER BY c.phone_e164 $$;

-- Names and numbers of a campaign for an export that asks for them: a supervisor of the
-- campaign only, and written to the audit trail before they leave. SECURITY DEFINER for the
-- columns and the trail, which no application role writes; search_path pinned.
CREATE FUNCTION khaosat_contacts(campaign uuid)
    RETURNS TABLE (id uuid, full_name text, phone_e164 text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
BEGIN
    IF NOT khaosat_supervises(campaign) THEN
        RAISE EXCEPTION 'khaosat: chỉ giám sát viên của đợt được xuất tên và số điện thoại'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_trail (actor, table_name, operation, row_key, campaign_id, after)
        SELECT khaosat_caller(), 'survey_case', 'SELECT', 'contacts', campaign,
               jsonb_build_object('export', 'contacts', 'cases', count(*))
        FROM survey_case c WHERE c.campaign_id = campaign;
    RETURN QUERY SELECT c.id, c.full_name, c.phone_e164 FROM survey_case c
        WHERE c.campaign_id = campaign AND c.purged_at IS NULL ORDER BY c.id;
END $$;

-- People, by the administrators: these make and change login roles, which needs the owner's
-- CREATEROLE, so they are SECURITY DEFINER, with search_path pinned, and EXECUTE is granted to
-- khaosat_admin only (khaosat_staff_password also to everyone, for their own password). A
-- password arrives as its SCRAM verifier: the server never sees it, nor does a statement log.
-- A login is checked by the rule of domain::people::Login. A role of that name elsewhere on
-- the cluster is refused, unless it is one left behind by a dropped Khảo sát database (a
-- member of a Khảo sát group that no database lets connect), which is taken over.
CREATE FUNCTION khaosat_valid_login(candidate text) RETURNS boolean
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public
    AS $$ SELECT candidate ~ '^[a-z][a-z0-9._-]{0,39}$' AND candidate !~ '^(pg_|khaosat_)'
             AND candidate <> ALL (ARRAY['postgres', 'public', 'none', 'current_user',
                                         'current_role', 'session_user', 'all']) $$;

-- Whether a role is a person's left behind by a dropped Khảo sát database, or is this
-- database's own: either may be (re)made a person of this database.
CREATE FUNCTION khaosat_role_is_free(candidate text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public
    AS $$ SELECT EXISTS (SELECT 1 FROM pg_database d, aclexplode(d.datacl) a
                         JOIN pg_roles r ON r.oid = a.grantee
                         WHERE d.datname = current_database() AND r.rolname = candidate
                           AND a.privilege_type = 'CONNECT')
              OR (EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = candidate AND NOT r.rolsuper
                          AND (pg_has_role(r.oid, 'khaosat_operator', 'MEMBER')
                               OR pg_has_role(r.oid, 'khaosat_supervisor', 'MEMBER')
                               OR pg_has_role(r.oid, 'khaosat_admin', 'MEMBER')))
                  AND NOT EXISTS (SELECT 1 FROM pg_database d, aclexplode(d.datacl) a
                                  JOIN pg_roles r ON r.oid = a.grantee
                                  WHERE r.rolname = candidate AND a.privilege_type = 'CONNECT')) $$;

-- Makes a person's login role in their group, and lets it connect to this database only.
CREATE FUNCTION khaosat_login_role(person text, person_role text, verifier text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    grp text;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = person) THEN
        IF NOT khaosat_role_is_free(person) THEN
            RAISE EXCEPTION 'khaosat: máy chủ PostgreSQL đã có vai trò “%” của một cơ sở dữ liệu khác; hãy chọn tên đăng nhập khác', person
                USING ERRCODE = 'duplicate_object';
        END IF;
        FOREACH grp IN ARRAY ARRAY['khaosat_operator', 'khaosat_supervisor', 'khaosat_admin'] LOOP
            EXECUTE format('REVOKE %I FROM %I', grp, person);
        END LOOP;
        EXECUTE format('ALTER ROLE %I LOGIN', person);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN', person);
    END IF;
    IF verifier IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', person, verifier);
    END IF;
    EXECUTE format('GRANT %I TO %I', 'khaosat_' || person_role, person);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), person);
END $$;

CREATE FUNCTION khaosat_staff_add(person text, person_name text, person_role text, verifier text)
    RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    new_id uuid := gen_random_uuid();
BEGIN
    IF NOT khaosat_valid_login(person) THEN
        RAISE EXCEPTION 'khaosat: tên đăng nhập “%” không hợp lệ', person USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF person_role NOT IN ('operator', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'khaosat: vai trò “%” không có', person_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'khaosat: mật khẩu phải đến dưới dạng SCRAM-SHA-256' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM staff WHERE login = person) THEN
        RAISE EXCEPTION 'khaosat: đã có người với tên đăng nhập “%”', person USING ERRCODE = 'unique_violation';
    END IF;
    PERFORM khaosat_login_role(person, person_role, verifier);
    INSERT INTO staff (id, login, full_name, role) VALUES (new_id, person, person_name, person_role);
    RETURN new_id;
END $$;

CREATE FUNCTION khaosat_staff_password(person text, verifier text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
BEGIN
    IF NOT (khaosat_is_dba() OR khaosat_in('khaosat_admin') OR person = khaosat_caller()) THEN
        RAISE EXCEPTION 'khaosat: chỉ quản trị viên được đặt mật khẩu của người khác'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'khaosat: mật khẩu phải đến dưới dạng SCRAM-SHA-256' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM staff WHERE login = person) THEN
        RAISE EXCEPTION 'khaosat: không có người với tên đăng nhập “%”', person USING ERRCODE = 'no_data_found';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', person, verifier);
END $$;

-- A disabled person can no longer log in, their open sessions end, and a case they hold is
-- handed back (the audit trail records the release, by the administrator).
CREATE FUNCTION khaosat_staff_set_active(person text, enabled boolean) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    person_id uuid;
    released integer := 0;
BEGIN
    UPDATE staff SET active = enabled WHERE login = person RETURNING id INTO person_id;
    IF person_id IS NULL THEN
        RAISE EXCEPTION 'khaosat: không có người với tên đăng nhập “%”', person USING ERRCODE = 'no_data_found';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = person) THEN
        EXECUTE format('ALTER ROLE %I %s', person, CASE WHEN enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END IF;
    IF NOT enabled THEN
        UPDATE survey_case SET lease_holder = NULL, lease_expires_at = NULL, lease_claimed_at = NULL,
               lease_epoch = lease_epoch + 1, version = version + 1
            WHERE lease_holder = person_id;
        GET DIAGNOSTICS released = ROW_COUNT;
        PERFORM pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE usename = person AND pid <> pg_backend_pid();
    END IF;
    RETURN released;
END $$;

CREATE FUNCTION khaosat_staff_assign(person text, campaign uuid, assigned boolean) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    person_id uuid := (SELECT id FROM staff WHERE login = person);
BEGIN
    IF person_id IS NULL THEN
        RAISE EXCEPTION 'khaosat: không có người với tên đăng nhập “%”', person USING ERRCODE = 'no_data_found';
    END IF;
    IF assigned THEN
        INSERT INTO staff_campaign (staff_id, campaign_id) VALUES (person_id, campaign)
            ON CONFLICT DO NOTHING;
    ELSE
        DELETE FROM staff_campaign WHERE staff_id = person_id AND campaign_id = campaign;
    END IF;
END $$;

-- For a database made before people had login roles: a role for each person who has none,
-- with no password until an administrator sets one.
CREATE FUNCTION khaosat_staff_sync() RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
DECLARE
    person record;
    made integer := 0;
BEGIN
    FOR person IN SELECT login, role FROM staff s WHERE khaosat_valid_login(s.login)
        AND NOT EXISTS (SELECT 1 FROM pg_database d, aclexplode(d.datacl) a
                        JOIN pg_roles r ON r.oid = a.grantee
                        WHERE d.datname = current_database() AND r.rolname = s.login
                          AND a.privilege_type = 'CONNECT') LOOP
        PERFORM khaosat_login_role(person.login, person.role, NULL);
        made := made + 1;
    END LOOP;
    RETURN made;
END $$;

-- Row-level security. `(SELECT f())` makes each policy call its function once per statement.
ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_campaign ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier ENABLE ROW LEVEL SECURITY;
ALTER TABLE attempt ENABLE ROW LEVEL SECURITY;
ALTER TABLE interview ENABLE ROW LEVEL SECURITY;
ALTER TABLE answer_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE result_interview ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_batch ENABLE ROW LEVEL SECURITY;
ALTER TABLE sample_draw ENABLE ROW LEVEL SECURITY;
ALTER TABLE interview_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_trail ENABLE ROW LEVEL SECURITY;

-- Colleagues' names and roles, and who works which campaign, are no secret among the staff;
-- they change only through the administrators' functions below.
CREATE POLICY staff_read ON staff FOR SELECT TO khaosat_operator, khaosat_supervisor, khaosat_admin USING (true);
CREATE POLICY staff_campaign_read ON staff_campaign FOR SELECT
    TO khaosat_operator, khaosat_supervisor, khaosat_admin USING (true);

-- Campaigns: those one is assigned to; an administrator manages them all.
CREATE POLICY campaign_assigned ON campaign FOR SELECT TO khaosat_operator, khaosat_supervisor
    USING (id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY campaign_admin ON campaign FOR ALL TO khaosat_admin USING (true) WITH CHECK (true);

-- Cases: an operator sees the cases of their campaigns (enough to claim one) and changes one
-- only to take, renew, hand back or record a call on it (khaosat_case_guard); a supervisor
-- reads and changes the cases of the campaigns they supervise.
CREATE POLICY case_operator_read ON survey_case FOR SELECT TO khaosat_operator
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY case_operator_call ON survey_case FOR UPDATE TO khaosat_operator
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]))
    WITH CHECK (lease_holder IS NULL OR lease_holder = (SELECT khaosat_me()));
CREATE POLICY case_supervisor ON survey_case FOR ALL TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]))
    WITH CHECK (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY case_admin ON survey_case FOR ALL TO khaosat_admin USING (true) WITH CHECK (true);

CREATE POLICY dossier_supervisor ON dossier FOR ALL TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]))
    WITH CHECK (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY dossier_admin ON dossier FOR ALL TO khaosat_admin USING (true) WITH CHECK (true);

-- Calls: an operator records attempts under their own lease only, as themselves, and reads the
-- history of the case they hold and their own calls.
CREATE POLICY attempt_operator_read ON attempt FOR SELECT TO khaosat_operator
    USING (operator_id = (SELECT khaosat_me())
           OR EXISTS (SELECT 1 FROM survey_case c WHERE c.id = case_id AND c.lease_holder = (SELECT khaosat_me())));
CREATE POLICY attempt_operator_record ON attempt FOR INSERT TO khaosat_operator
    WITH CHECK (operator_id = (SELECT khaosat_me())
                AND EXISTS (SELECT 1 FROM survey_case c WHERE c.id = case_id
                            AND c.lease_holder = (SELECT khaosat_me())));
CREATE POLICY attempt_supervisor ON attempt FOR SELECT TO khaosat_supervisor
    USING (EXISTS (SELECT 1 FROM survey_case c WHERE c.id = case_id
                   AND c.campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[])));
CREATE POLICY attempt_admin ON attempt FOR SELECT TO khaosat_admin USING (true);

-- Interviews and answers: an operator works the interview of the case they hold and reads no
-- other operator's; a supervisor reads those of their campaigns and imports forms into them.
CREATE POLICY interview_operator ON interview FOR ALL TO khaosat_operator
    USING (EXISTS (SELECT 1 FROM survey_case c WHERE c.id = case_id AND c.lease_holder = (SELECT khaosat_me())))
    WITH CHECK (EXISTS (SELECT 1 FROM survey_case c WHERE c.id = case_id
                        AND c.lease_holder = (SELECT khaosat_me())));
CREATE POLICY interview_supervisor ON interview FOR ALL TO khaosat_supervisor
    USING (EXISTS (SELECT 1 FROM survey_case c WHERE c.id = case_id
                   AND c.campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[])))
    WITH CHECK (EXISTS (SELECT 1 FROM survey_case c WHERE c.id = case_id
                        AND c.campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[])));
CREATE POLICY interview_admin ON interview FOR SELECT TO khaosat_admin USING (true);

CREATE POLICY answer_operator_read ON answer_log FOR SELECT TO khaosat_operator
    USING (EXISTS (SELECT 1 FROM interview i JOIN survey_case c ON c.id = i.case_id
                   WHERE i.id = interview_id AND c.lease_holder = (SELECT khaosat_me())));
CREATE POLICY answer_operator_give ON answer_log FOR INSERT TO khaosat_operator
    WITH CHECK (answered_by = (SELECT khaosat_me())
                AND EXISTS (SELECT 1 FROM interview i JOIN survey_case c ON c.id = i.case_id
                            WHERE i.id = interview_id AND c.lease_holder = (SELECT khaosat_me())));
CREATE POLICY answer_supervisor ON answer_log FOR ALL TO khaosat_supervisor
    USING (EXISTS (SELECT 1 FROM interview i JOIN survey_case c ON c.id = i.case_id
                   WHERE i.id = interview_id AND c.campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[])))
    WITH CHECK (EXISTS (SELECT 1 FROM interview i JOIN survey_case c ON c.id = i.case_id
                        WHERE i.id = interview_id AND c.campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[])));
CREATE POLICY answer_admin ON answer_log FOR SELECT TO khaosat_admin USING (true);

-- An interview's scores: written by the outcome that finishes it (its operator) or an import
-- (a supervisor), read by the reports.
CREATE POLICY result_operator ON result_interview FOR ALL TO khaosat_operator
    USING (EXISTS (SELECT 1 FROM interview i JOIN survey_case c ON c.id = i.case_id
                   WHERE i.id = interview_id AND c.lease_holder = (SELECT khaosat_me())))
    WITH CHECK (EXISTS (SELECT 1 FROM interview i JOIN survey_case c ON c.id = i.case_id
                        WHERE i.id = interview_id AND c.lease_holder = (SELECT khaosat_me())));
CREATE POLICY result_supervisor ON result_interview FOR ALL TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]))
    WITH CHECK (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY result_admin ON result_interview FOR SELECT TO khaosat_admin USING (true);

CREATE POLICY import_batch_supervisor ON import_batch FOR ALL TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]))
    WITH CHECK (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]) AND imported_by = current_user);
CREATE POLICY import_batch_admin ON import_batch FOR ALL TO khaosat_admin USING (true)
    WITH CHECK (imported_by = current_user);
CREATE POLICY sample_draw_supervisor ON sample_draw FOR ALL TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]))
    WITH CHECK (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]) AND drawn_by = current_user);
CREATE POLICY sample_draw_admin ON sample_draw FOR ALL TO khaosat_admin USING (true)
    WITH CHECK (drawn_by = current_user);
CREATE POLICY interview_import_supervisor ON interview_import FOR ALL TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]))
    WITH CHECK (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]) AND imported_by = (SELECT khaosat_me()));
CREATE POLICY interview_import_admin ON interview_import FOR ALL TO khaosat_admin USING (true)
    WITH CHECK (imported_by = (SELECT khaosat_me()));

-- The supervisors' log of moves and releases: written as oneself, read per campaign, never
-- changed. The trail: read by supervisors for their campaigns and by administrators.
CREATE POLICY audit_log_supervisor ON audit_log FOR SELECT TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY audit_log_supervisor_write ON audit_log FOR INSERT TO khaosat_supervisor
    WITH CHECK (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]) AND actor = (SELECT khaosat_me()));
CREATE POLICY audit_log_admin ON audit_log FOR SELECT TO khaosat_admin USING (true);
CREATE POLICY audit_log_admin_write ON audit_log FOR INSERT TO khaosat_admin
    WITH CHECK (actor = (SELECT khaosat_me()));
CREATE POLICY audit_trail_supervisor ON audit_trail FOR SELECT TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY audit_trail_admin ON audit_trail FOR SELECT TO khaosat_admin USING (true);

-- Indexes the policies test.
CREATE INDEX survey_case_holder_case_idx ON survey_case (lease_holder, id) WHERE lease_holder IS NOT NULL;

-- Grants: what each group may do at all; the policies above say to which rows. The names and
-- numbers of survey_case and dossier are left out of every SELECT grant.
GRANT SELECT ON _sqlx_migrations TO khaosat_operator, khaosat_supervisor, khaosat_admin;
GRANT SELECT ON staff, staff_campaign, agency, questionnaire TO khaosat_operator, khaosat_supervisor, khaosat_admin;
GRANT SELECT ON campaign TO khaosat_operator, khaosat_supervisor;
GRANT SELECT, INSERT ON campaign TO khaosat_admin;
GRANT INSERT ON agency, questionnaire TO khaosat_supervisor, khaosat_admin;
GRANT SELECT (id, campaign_id, agency_id, dossier_code, procedure_name, received_on, assigned_to,
              priority, attempts, counted_attempts, ever_contacted, limit_outcome, last_outcome,
              final_outcome, has_interview, retry_at, appointment_at, avoid_operator,
              last_attempt_at, lease_holder, lease_expires_at, lease_claimed_at, lease_epoch,
              appointment_operator, tried_slots, version, wave, phone_masked, purged_at)
    ON survey_case TO khaosat_operator, khaosat_supervisor, khaosat_admin;
GRANT UPDATE ON survey_case TO khaosat_operator, khaosat_supervisor, khaosat_admin;
GRANT INSERT ON survey_case TO khaosat_supervisor, khaosat_admin;
GRANT SELECT (campaign_id, dossier_code, case_id, agency_id, procedure_name, field_name,
              received_on, channel, birth_year, import_id)
    ON dossier TO khaosat_supervisor, khaosat_admin;
GRANT INSERT ON dossier TO khaosat_supervisor, khaosat_admin;
GRANT UPDATE ON dossier TO khaosat_admin;
GRANT SELECT ON held_contact TO khaosat_operator;
GRANT SELECT ON case_name TO khaosat_supervisor, khaosat_admin;
GRANT SELECT, INSERT ON attempt TO khaosat_operator;
GRANT SELECT ON attempt TO khaosat_supervisor, khaosat_admin;
GRANT SELECT, INSERT, UPDATE ON interview, answer_log TO khaosat_operator, khaosat_supervisor;
GRANT SELECT ON interview, answer_log TO khaosat_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON result_interview TO khaosat_operator, khaosat_supervisor;
GRANT SELECT ON result_interview TO khaosat_admin;
GRANT SELECT, INSERT ON import_batch, sample_draw, interview_import TO khaosat_supervisor, khaosat_admin;
GRANT SELECT, INSERT ON audit_log TO khaosat_supervisor, khaosat_admin;
GRANT SELECT ON audit_trail TO khaosat_supervisor, khaosat_admin;
GRANT EXECUTE ON FUNCTION khaosat_caller(), khaosat_me(), khaosat_my_campaigns(), khaosat_is_dba(),
    khaosat_in(name), khaosat_supervises(uuid) TO khaosat_operator, khaosat_supervisor, khaosat_admin;
REVOKE ALL ON FUNCTION khaosat_known_dossiers(uuid, text[]), khaosat_known_cases(uuid, text[]),
    khaosat_contacts(uuid), khaosat_sample_order(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION khaosat_known_dossiers(uuid, text[]), khaosat_known_cases(uuid, text[]),
    khaosat_contacts(uuid), khaosat_sample_order(uuid) TO khaosat_supervisor, khaosat_admin;
REVOKE ALL ON FUNCTION khaosat_login_role(text, text, text), khaosat_staff_add(text, text, text, text),
    khaosat_staff_password(text, text), khaosat_staff_set_active(text, boolean),
    khaosat_staff_assign(text, uuid, boolean), khaosat_staff_sync() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION khaosat_staff_add(text, text, text, text), khaosat_staff_set_active(text, boolean),
    khaosat_staff_assign(text, uuid, boolean), khaosat_staff_sync() TO khaosat_admin;
GRANT EXECUTE ON FUNCTION khaosat_staff_password(text, text)
    TO khaosat_operator, khaosat_supervisor, khaosat_admin;
-- An import stages its rows in a temporary table: COPY cannot write a table under row-level
-- security.
DO $$
BEGIN
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO khaosat_supervisor, khaosat_admin', current_database());
END $$;
REVOKE ALL ON FUNCTION khaosat_audit(), khaosat_case_guard() FROM PUBLIC;
