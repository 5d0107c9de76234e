-- Call rules that decide the published figures (issue 14).
--
-- The attempt limit closes a case with the most informative outcome of its calls, by the
-- precedence its outcome catalogue states (domain/outcome/at_limit.rs), no longer 2.30 or
-- 3.90 only: a refusal never converted stays a refusal. A case carries that outcome as its
-- calls come in (limit_outcome), so closing it reads no history.
ALTER TABLE survey_case ADD COLUMN limit_outcome TEXT;

-- A case with an interview begun (in progress or partial) is called before fresh cases of its
-- list; the claim reads the flag from the case rather than looking the interview up.
ALTER TABLE survey_case ADD COLUMN has_interview INTEGER NOT NULL DEFAULT 0;
UPDATE survey_case SET has_interview = TRUE
    WHERE EXISTS (SELECT 1 FROM interview i WHERE i.case_id = survey_case.id);

-- limit_outcome from the calls made so far, by the built-in precedence, which every campaign
-- made before this migration uses (a catalogue could not state its own): a partial interview
-- (1.2), a refusal or break-off (2.1x), reached but never available (2.21), an answering
-- machine (2.22), other contact (2.3x), nobody reached (3.1x: the code every such call had,
-- else 3.90); within a line the latest call.
WITH lined AS (
    SELECT case_id, outcome, ended_at, id,
        CASE WHEN outcome LIKE '1.2%' THEN 1
             WHEN outcome LIKE '2.1%' THEN 2
             WHEN outcome LIKE '2.21%' THEN 3
             WHEN outcome LIKE '2.22%' THEN 4
             WHEN outcome LIKE '2.3%' THEN 5
             WHEN outcome LIKE '3.1%' THEN 6
        END AS line
    FROM attempt
),
best AS (
    SELECT case_id, MIN(line) AS line FROM lined WHERE line IS NOT NULL GROUP BY case_id
),
closing AS (
    SELECT b.case_id,
        CASE WHEN b.line = 6 AND (SELECT COUNT(DISTINCT l.outcome) FROM lined l
                                  WHERE l.case_id = b.case_id AND l.line = 6) > 1
             THEN '3.90'
             ELSE (SELECT l.outcome FROM lined l WHERE l.case_id = b.case_id AND l.line = b.line
                   ORDER BY l.ended_at DESC, l.id DESC LIMIT 1)
        END AS outcome
    FROM best b
)
UPDATE survey_case SET limit_outcome = closing.outcome
    FROM closing WHERE closing.case_id = survey_case.id;

-- Cases the old rule closed at the limit (2.30, 3.90 are set by nothing else) close as the
-- rule now says; the rates and every export read final_outcome.
UPDATE survey_case SET final_outcome = limit_outcome
    WHERE final_outcome IN ('2.30', '3.90') AND limit_outcome IS NOT NULL;

-- The call lists' index, with begun interviews at the head of each list.
DROP INDEX survey_case_free_idx;
CREATE INDEX survey_case_free_idx ON survey_case
    (campaign_id, assigned_to, has_interview DESC, priority DESC, attempts, last_attempt_at, id)
    WHERE final_outcome IS NULL AND wave IS NOT NULL AND appointment_at IS NULL
      AND lease_holder IS NULL;
