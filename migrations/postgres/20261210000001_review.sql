-- Review of finished interviews (issue 16): a supervisor approves a finished interview, returns
-- it to its operator with a reason, or corrects an answer with a reason. Each step is a row of
-- this history, never changed or removed; the interview's review state is its latest approval,
-- return or resubmission for the finish it reviews (`round`, the interview's finished_at then):
-- a partial interview taken up again and finished anew is reviewed afresh. A correction is also
-- an answer in the interview's answer history, given by the supervisor, so the index reads the
-- corrected value as it reads any later answer.
CREATE TABLE review_event (
    id uuid PRIMARY KEY,
    interview_id uuid NOT NULL REFERENCES interview (id),
    campaign_id uuid NOT NULL REFERENCES campaign (id),
    round timestamptz NOT NULL,
    action text NOT NULL CHECK (action IN ('approved', 'returned', 'resubmitted', 'corrected')),
    by_staff uuid NOT NULL REFERENCES staff (id),
    at timestamptz NOT NULL,
    reason text NOT NULL DEFAULT '',
    question_id text,
    old_value text,
    new_value text,
    -- The step's place in the interview's history: steps taken in the same instant keep their order.
    seq bigint NOT NULL,
    CONSTRAINT review_event_seq_key UNIQUE (interview_id, seq),
    CONSTRAINT review_event_reason CHECK (action <> 'returned' OR reason <> ''),
    CONSTRAINT review_event_correction CHECK ((action = 'corrected') = (question_id IS NOT NULL))
);
CREATE INDEX review_event_campaign_idx ON review_event (campaign_id);

-- Where an interview stands in review, for the policies below: 'returned' while its latest
-- approval, return or resubmission of its current finish is a return. SECURITY DEFINER so that a
-- policy asking it does not re-apply the policies of the tables it reads (it returns one word
-- about one interview, nothing of its rows); search_path pinned; operators only.
CREATE FUNCTION khaosat_review_state(interview uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
        SELECT COALESCE((SELECT CASE e.action WHEN 'resubmitted' THEN 'submitted' ELSE e.action END
                         FROM review_event e JOIN interview i ON i.id = e.interview_id
                         WHERE e.interview_id = interview AND e.round = i.finished_at
                           AND e.action <> 'corrected'
                         ORDER BY e.seq DESC LIMIT 1), 'submitted')
    $$;
REVOKE ALL ON FUNCTION khaosat_review_state(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION khaosat_review_state(uuid) TO khaosat_operator;

-- Whether the interview is the calling operator's own. SECURITY DEFINER for the same reason, and
-- measured: written as EXISTS over interview inside the policies of answer_log and
-- result_interview, each statement that touches those tables (the outcome's, on every call)
-- planned interview's own policies again inside them. With 500 operators through one
-- authenticator: 241 cycles/s without these operator policies, 153 with them written so, 205
-- with this function. search_path pinned; operators only.
CREATE FUNCTION khaosat_my_interview(interview uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
        SELECT EXISTS (SELECT 1 FROM interview i WHERE i.id = interview
                       AND i.operator_id = (SELECT khaosat_me()))
    $$;
REVOKE ALL ON FUNCTION khaosat_my_interview(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION khaosat_my_interview(uuid) TO khaosat_operator;

-- A supervisor reviews the interviews of the campaigns they supervise, as themselves; an
-- operator reads the review of their own interviews (a return's reason is for them) and, while
-- one is returned to them, corrects its answers and sends it again, as themselves; an
-- administrator reads all. Nobody changes or removes a step once taken.
ALTER TABLE review_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY review_event_supervisor_read ON review_event FOR SELECT TO khaosat_supervisor
    USING (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[]));
CREATE POLICY review_event_supervisor_write ON review_event FOR INSERT TO khaosat_supervisor
    WITH CHECK (campaign_id = ANY ((SELECT khaosat_my_campaigns())::uuid[])
                AND by_staff = (SELECT khaosat_me())
                AND action <> 'resubmitted'
                AND EXISTS (SELECT 1 FROM interview i JOIN survey_case c ON c.id = i.case_id
                            WHERE i.id = interview_id AND c.campaign_id = review_event.campaign_id));
CREATE POLICY review_event_operator_read ON review_event FOR SELECT TO khaosat_operator
    USING (EXISTS (SELECT 1 FROM interview i WHERE i.id = interview_id
                   AND i.operator_id = (SELECT khaosat_me())));
CREATE POLICY review_event_operator_write ON review_event FOR INSERT TO khaosat_operator
    WITH CHECK (by_staff = (SELECT khaosat_me())
                AND action IN ('corrected', 'resubmitted')
                AND EXISTS (SELECT 1 FROM interview i JOIN survey_case c ON c.id = i.case_id
                            WHERE i.id = interview_id AND i.operator_id = (SELECT khaosat_me())
                              AND c.campaign_id = review_event.campaign_id)
                AND khaosat_review_state(interview_id) = 'returned');
CREATE POLICY review_event_admin ON review_event FOR SELECT TO khaosat_admin USING (true);
GRANT SELECT, INSERT ON review_event TO khaosat_supervisor, khaosat_operator;
GRANT SELECT ON review_event TO khaosat_admin;

-- An operator's own finished interviews, outside any call: read, and while returned to them,
-- their answers corrected and their scores with them. Someone else's stay closed to them.
CREATE POLICY interview_operator_own ON interview FOR SELECT TO khaosat_operator
    USING (operator_id = (SELECT khaosat_me()));
CREATE POLICY answer_operator_own ON answer_log FOR SELECT TO khaosat_operator
    USING (khaosat_my_interview(interview_id));
CREATE POLICY answer_operator_amend ON answer_log FOR INSERT TO khaosat_operator
    WITH CHECK (answered_by = (SELECT khaosat_me()) AND khaosat_my_interview(interview_id)
                AND khaosat_review_state(interview_id) = 'returned');
CREATE POLICY result_operator_own ON result_interview FOR SELECT TO khaosat_operator
    USING (khaosat_my_interview(interview_id));
CREATE POLICY result_operator_amend ON result_interview FOR UPDATE TO khaosat_operator
    USING (khaosat_my_interview(interview_id) AND khaosat_review_state(interview_id) = 'returned')
    WITH CHECK (khaosat_my_interview(interview_id));
CREATE TRIGGER review_event_audit AFTER INSERT OR UPDATE OR DELETE ON review_event
    FOR EACH ROW EXECUTE FUNCTION khaosat_audit();
