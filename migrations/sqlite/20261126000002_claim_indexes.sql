-- Indexes for a claim that stays quick with hundreds of operators at once.
--
-- The operator's held case: keyed by holder, campaign and expiry, one index probe whatever the
-- statistics. The holder alone let the planner, without fresh statistics (after a large import,
-- before autovacuum), intersect it with the campaign's whole survey_case_person_key, or read
-- every running lease of the campaign: milliseconds per claim.
DROP INDEX survey_case_holder_idx;
CREATE INDEX survey_case_held_idx ON survey_case (lease_holder, campaign_id, lease_expires_at)
    WHERE lease_holder IS NOT NULL;

-- The call lists without the cases in a call: in survey_case_queue_idx every case being called
-- stays at the head of its list, so each claim read past all of them (one per busy operator).
-- Free cases are read in queue order here; a lease that ran out (a crashed workstation) is
-- found by its expiry in survey_case_lease_idx.
DROP INDEX survey_case_queue_idx;
CREATE INDEX survey_case_free_idx ON survey_case
    (campaign_id, assigned_to, priority DESC, attempts, last_attempt_at, id)
    WHERE final_outcome IS NULL AND wave IS NOT NULL AND appointment_at IS NULL
      AND lease_holder IS NULL;
CREATE INDEX survey_case_lease_idx ON survey_case (campaign_id, lease_expires_at)
    WHERE lease_holder IS NOT NULL AND final_outcome IS NULL;
