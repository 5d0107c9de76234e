-- What the policies cost (issue 15, the benchmark with row-level security): the functions the
-- policies and the case guard call on every statement, made cheap. Measured with 500 operators
-- acting through one authenticator, the first form spent most of the server's time here:
--
-- * `login = (SELECT khaosat_caller()::text)` compared the login under the collation of `name`
--   ("C"), which the login's index (the database's collation) cannot serve: every call scanned
--   the whole staff table. The comparison now states the column's collation.
-- * SQL functions with `SET search_path` are never inlined, and each statement that called them
--   parsed and planned their bodies again. In PL/pgSQL their plans are kept for the session;
--   khaosat_me and khaosat_my_campaigns run as their owner, so those plans do not depend on who
--   calls (the owner reads staff without the policies) and survive a change of role, and they
--   return the caller's own row or campaigns only, as before.
-- * pg_has_role(…, 'MEMBER') shares one cache entry with the check that lets a login take a
--   role (SET ROLE): asking it about the caller evicted the authenticator's list of 500 roles,
--   rebuilt at its next switch. 'USAGE' (the privileges the role holds, its group's included)
--   is what the policies mean and has a cache of its own.
-- Migrations that landed are never edited: these replace the functions in place.

CREATE OR REPLACE FUNCTION khaosat_caller() RETURNS name
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public
    AS $$ BEGIN
        RETURN CASE WHEN current_setting('role') = 'none' THEN session_user
                    ELSE current_setting('role')::name END;
    END $$;

CREATE OR REPLACE FUNCTION khaosat_me() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ BEGIN
        RETURN (SELECT id FROM staff
                WHERE login = (SELECT khaosat_caller()::text COLLATE "default") AND active);
    END $$;

CREATE OR REPLACE FUNCTION khaosat_is_dba() RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public
    AS $$ BEGIN
        RETURN COALESCE((SELECT rolsuper OR pg_has_role(oid, 'khaosat_owner', 'USAGE')
                         FROM pg_roles WHERE rolname = (SELECT khaosat_caller())), false);
    END $$;

CREATE OR REPLACE FUNCTION khaosat_in(grp name) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public
    AS $$ BEGIN
        RETURN pg_has_role(khaosat_caller(), grp, 'USAGE');
    END $$;

CREATE OR REPLACE FUNCTION khaosat_my_campaigns() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ BEGIN
        RETURN (SELECT COALESCE(array_agg(sc.campaign_id), '{}') FROM staff_campaign sc
                JOIN staff s ON s.id = sc.staff_id
                WHERE s.login = (SELECT khaosat_caller()::text COLLATE "default") AND s.active);
    END $$;

-- The case guard asks the cheap questions first: a holder writing their own case, or a claim
-- that changes the lease columns only, needs no look at the caller's groups.
CREATE OR REPLACE FUNCTION khaosat_case_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public
    AS $$
DECLARE
    lease_columns text[] := ARRAY['lease_holder', 'lease_expires_at', 'lease_claimed_at', 'lease_epoch'];
BEGIN
    IF OLD.lease_holder IS NOT DISTINCT FROM khaosat_me() THEN
        RETURN NEW;
    END IF;
    IF (to_jsonb(OLD) - lease_columns) IS NOT DISTINCT FROM (to_jsonb(NEW) - lease_columns) THEN
        RETURN NEW;
    END IF;
    IF khaosat_in('khaosat_operator') AND NOT khaosat_in('khaosat_supervisor')
       AND NOT khaosat_in('khaosat_admin') THEN
        RAISE EXCEPTION 'khaosat: ca % không do người này giữ', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- CREATE OR REPLACE keeps the grants; the definer functions are the owner's, as before.
REVOKE ALL ON FUNCTION khaosat_me(), khaosat_my_campaigns() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION khaosat_me(), khaosat_my_campaigns()
    TO khaosat_operator, khaosat_supervisor, khaosat_admin;
