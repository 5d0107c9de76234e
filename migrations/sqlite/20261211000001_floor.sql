-- The supervisor's live floor (issue 16): who is at a desk, as on PostgreSQL (see there). One
-- workstation's file has no LISTEN/NOTIFY: the floor polls it.
CREATE TABLE desk_presence (
    staff_id BLOB PRIMARY KEY NOT NULL REFERENCES staff (id),
    campaign_id BLOB NOT NULL REFERENCES campaign (id),
    since TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE INDEX desk_presence_campaign_idx ON desk_presence (campaign_id);
