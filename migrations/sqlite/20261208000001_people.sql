-- People and permissions (issue 15), the embedded database's side. One workstation, one file
-- readable by its owner only: there are no database roles, and the core applies the same rules
-- to the person who logged in (an Argon2id password hash per account). The tables, columns and
-- views are those of the PostgreSQL schema, so both backends run the same SQL.

ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff ADD COLUMN password_hash TEXT;
CREATE TABLE staff_campaign (
    staff_id BLOB NOT NULL REFERENCES staff (id),
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    PRIMARY KEY (staff_id, campaign_id)
);
CREATE INDEX staff_campaign_campaign_idx ON staff_campaign (campaign_id);
INSERT INTO staff_campaign (staff_id, campaign_id) SELECT s.id, c.id FROM staff s CROSS JOIN campaign c;

ALTER TABLE survey_case ADD COLUMN phone_masked TEXT NOT NULL DEFAULT '';
UPDATE survey_case SET phone_masked =
    substr('0' || substr(phone_e164, 4), 1, 3) || '****' || substr(phone_e164, -3);
ALTER TABLE survey_case ADD COLUMN purged_at TEXT;

ALTER TABLE import_batch ADD COLUMN imported_by TEXT;
ALTER TABLE sample_draw ADD COLUMN drawn_by TEXT;

-- The holder's view of a case's person, and the names a supervisor sees. PostgreSQL's views
-- keep to the session's own rows; here the store's query names the holder itself.
CREATE VIEW held_contact AS
    SELECT id AS case_id, lease_holder AS holder, full_name, phone_e164 FROM survey_case
    WHERE lease_holder IS NOT NULL;
CREATE VIEW case_name AS
    SELECT id AS case_id, campaign_id, full_name FROM survey_case;
