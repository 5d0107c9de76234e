//! The body of the [`Store`](super::Store) contract, written once and instantiated for each
//! backend by `sql_store!`: the SQL is shared (see `rows.rs`), and the two dialects differ only
//! in how a write transaction begins (SQLite: `BEGIN IMMEDIATE`, taking the write lock before
//! the first read) and in the row locks PostgreSQL takes (`FOR UPDATE`, `SKIP LOCKED` for the
//! claim, so concurrent operators never wait for, nor get, the same case).

/// Binds an attempt's values in the order of `rows::insert_attempt`, all but the case.
macro_rules! bind_attempt {
    ($query:expr, $attempt:expr) => {
        $query
            .bind($attempt.id)
            .bind($attempt.operator_id)
            .bind($attempt.started_at)
            .bind($attempt.ended_at)
            .bind($attempt.outcome.as_str())
            .bind($attempt.note.as_deref())
            .bind($attempt.appointment.map(|a| a.at))
            .bind($attempt.appointment.map(|a| a.kind.as_str()))
    };
}

pub(crate) use bind_attempt;

/// Binds a case (`$1`) and the progress an attempt ended `$at` leaves it with (`$2`–`$13`), in
/// the order of `rows::APPLY_ATTEMPT`.
macro_rules! bind_progress {
    ($query:expr, $case:expr, $next:expr, $at:expr) => {
        $query
            .bind($case)
            .bind(i32::try_from($next.attempts).unwrap_or(i32::MAX))
            .bind($next.ever_contacted)
            .bind($next.last_outcome.as_ref().map(|o| o.as_str()))
            .bind($next.final_outcome.as_ref().map(|o| o.as_str()))
            .bind($next.retry_at)
            .bind($next.appointment_at)
            .bind($at)
            .bind(i32::try_from($next.counted_attempts).unwrap_or(i32::MAX))
            .bind($next.avoid_operator)
            .bind($next.appointment_operator)
            .bind($next.tried_slots.bits())
            .bind($next.limit_outcome.as_ref().map(|o| o.as_str()))
    };
}

pub(crate) use bind_progress;

/// Implements `Store` for `$store`, which must have a `pool` field, `campaigns` and `scripts`
/// ([`Kept`](super::kept::Kept)) and a
/// `begin_write(&self) -> Result<Transaction<'static, $db>>` method.
macro_rules! sql_store {
    (
        $store:ident, $db:ty, $backend:expr,
        lock_case = $lock_case:literal, lock_row = $lock_row:literal, lock_claim = $lock_claim:literal,
        lock_campaign = $lock_campaign:expr, sample_candidates = $sample_candidates:expr,
        insert_cases = $insert_cases:path, insert_dossiers = $insert_dossiers:path,
        insert_interviews = $insert_interviews:path, insert_answers = $insert_answers:path,
        insert_results = $insert_results:path, known = $known:path, contacts = $contacts:expr,
        insert_import_batch = $insert_import_batch:expr, insert_sample_draw = $insert_sample_draw:expr
    ) => {
        use async_trait::async_trait;
        use chrono::{DateTime, Utc};
        use uuid::Uuid;

        use crate::domain::case::CaseProgress;
        use std::sync::Arc;

        use crate::domain::survey::{ContentHash, Script};
        use crate::domain::schedule::CallPolicy;
        use crate::error::{DbContext, Error, Result};
        use crate::domain::intake::DossierRow;
        use crate::store::model::{
            Agency, AgencyTarget, AttemptRecord, AuditEntry, Campaign, CaseRecord, ClaimRules,
            Contact, DispositionCount, DossierCase, ExportedInterview, FinishedInterview, ImportBatch, ImportCounts, ImportedInterview,
            InterviewCount, InterviewImport, InterviewRecord, InterviewStatus, Lease, Moved, NewInterview, QuestionnaireSummary, QueueCounts, Reassignment,
            SampleCandidate, SampleDraw, ScoredInterview, StoredAnswer, WorkedAttempt,
        };
        use crate::store::rows::{self, AgencyRow, AnswerRow, AttemptRow, CampaignRow, CaseRow, InterviewRow};
        use crate::store::{Backend, Claim, Store};

        fn case_by_id_sql() -> String {
            format!("{} WHERE c.id = $1{}", rows::SELECT_CASES, $lock_case)
        }

        async fn case_in(conn: &mut <$db as sqlx::Database>::Connection, id: Uuid) -> Result<CaseRecord> {
            let row: Option<CaseRow> = sqlx::query_as(&case_by_id_sql())
                .bind(id)
                .fetch_optional(&mut *conn)
                .await
                .doing("đọc ca")?;
            row.ok_or_else(|| Error::not_found("ca", id))?.try_into()
        }

        async fn interviews_where(conn: &mut <$db as sqlx::Database>::Connection, filter: &str, id: Uuid) -> Result<Vec<InterviewRecord>> {
            let found: Vec<InterviewRow> =
                sqlx::query_as(&format!("{} JOIN survey_case c ON c.id = i.case_id WHERE {filter} ORDER BY i.started_at, i.id", rows::SELECT_INTERVIEWS))
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await
                    .doing("đọc phiếu")?;
            let answers: Vec<AnswerRow> =
                sqlx::query_as(&format!("{} JOIN survey_case c ON c.id = i.case_id WHERE {filter} ORDER BY ans.interview_id, ans.seq", rows::SELECT_ANSWERS))
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await
                    .doing("đọc câu trả lời")?;
            rows::interviews(found, answers)
        }

        #[async_trait]
        impl Store for $store {
            fn backend(&self) -> Backend {
                $backend
            }

            async fn add_campaign(&self, campaign: &Campaign) -> Result<()> {
                let inserted = sqlx::query(rows::INSERT_CAMPAIGN)
                    .bind(campaign.id)
                    .bind(&campaign.code)
                    .bind(&campaign.name)
                    .bind(campaign.time_zone.name())
                    .bind(campaign.received_from)
                    .bind(campaign.received_to)
                    .bind(i32::try_from(campaign.max_attempts).unwrap_or(i32::MAX))
                    .bind(&campaign.questionnaire_id)
                    .bind(campaign.created_at)
                    .bind(campaign.outcomes_file.as_deref())
                    .bind(rows::calling_column(&campaign.calling))
                    .execute(&mut *self.conn().await?)
                    .await;
                match inserted {
                    Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(Error::Conflict(
                        format!("mã đợt khảo sát “{}” đã được dùng", campaign.code),
                    )),
                    other => other.map(drop).doing("lưu đợt khảo sát"),
                }
            }

            async fn campaigns(&self) -> Result<Vec<Campaign>> {
                let found: Vec<CampaignRow> =
                    sqlx::query_as(&format!("{} ORDER BY created_at DESC, code", rows::SELECT_CAMPAIGNS))
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc đợt khảo sát")?;
                found.into_iter().map(Campaign::try_from).collect()
            }

            async fn campaign(&self, id: Uuid) -> Result<Campaign> {
                if let Some(campaign) = self.campaigns.get_fresh(&id, crate::store::kept::CAMPAIGN_KEPT_FOR) {
                    return Ok(campaign);
                }
                let found: Option<CampaignRow> =
                    sqlx::query_as(&format!("{} WHERE id = $1", rows::SELECT_CAMPAIGNS))
                        .bind(id)
                        .fetch_optional(&mut *self.conn().await?)
                        .await
                        .doing("đọc đợt khảo sát")?;
                let campaign: Campaign = found.ok_or_else(|| Error::not_found("đợt khảo sát", id))?.try_into()?;
                self.campaigns.keep(id, campaign.clone());
                Ok(campaign)
            }

            async fn campaign_by_code(&self, code: &str) -> Result<Option<Campaign>> {
                let found: Option<CampaignRow> =
                    sqlx::query_as(&format!("{} WHERE code = $1", rows::SELECT_CAMPAIGNS))
                        .bind(code)
                        .fetch_optional(&mut *self.conn().await?)
                        .await
                        .doing("đọc đợt khảo sát")?;
                found.map(Campaign::try_from).transpose()
            }

            async fn put_agencies(&self, agencies: &[Agency]) -> Result<()> {
                let mut tx = self.begin_write().await?;
                for agency in agencies {
                    sqlx::query(rows::INSERT_AGENCY)
                        .bind(agency.id)
                        .bind(&agency.code)
                        .bind(&agency.name)
                        .execute(&mut *tx)
                        .await
                        .doing("lưu cơ quan")?;
                }
                tx.commit().await.doing("lưu cơ quan")
            }

            async fn agencies(&self) -> Result<Vec<Agency>> {
                let found: Vec<AgencyRow> =
                    sqlx::query_as(rows::SELECT_AGENCIES).fetch_all(&mut *self.conn().await?).await.doing("đọc cơ quan")?;
                Ok(found.into_iter().map(Agency::from).collect())
            }

            async fn assign_call_list(&self, cases: &[Uuid], operator: Option<Uuid>) -> Result<()> {
                let mut tx = self.begin_write().await?;
                for case in cases {
                    let moved = sqlx::query(rows::ASSIGN_CALL_LIST)
                        .bind(*case)
                        .bind(operator)
                        .execute(&mut *tx)
                        .await
                        .doing("giao danh sách gọi")?;
                    if moved.rows_affected() == 0 {
                        return Err(Error::not_found("ca", case));
                    }
                }
                tx.commit().await.doing("giao danh sách gọi")
            }

            async fn claim_next_case(
                &self,
                campaign: Uuid,
                operator: Uuid,
                rules: &ClaimRules,
            ) -> Result<Option<Claim>> {
                let now = rules.now;
                if $backend == Backend::Postgres {
                    // One statement: the held case, else (in calling hours) the next one leased,
                    // with its row.
                    let sql = rows::claim_or_resume(rules.calling_open, $lock_case, $lock_claim);
                    let query = sqlx::query_as(&sql).bind(campaign).bind(operator).bind(now);
                    let query = if rules.calling_open {
                        query.bind(rules.hard_until).bind(rules.lease_until)
                    } else {
                        query
                    };
                    let claimed: Option<rows::ClaimedRow> = query
                        .fetch_optional(&mut *self.conn().await?)
                        .await
                        .doing("nhận ca")?;
                    return claimed
                        .map(|row| row.case.try_into().map(|case| Claim { resumed: row.resumed, case }))
                        .transpose();
                }
                // SQLite: the write lock first, then the held case, else (in calling hours) the
                // next one leased.
                let mut tx = self.begin_write().await?;
                let held: Option<(Uuid,)> = sqlx::query_as(rows::SELECT_HELD_CASE_ID)
                    .bind(campaign)
                    .bind(operator)
                    .bind(now)
                    .fetch_optional(&mut *tx)
                    .await
                    .doing("tìm ca đang giữ")?;
                let (id, resumed) = match held {
                    Some((id,)) => (id, true),
                    // Outside calling hours only a held case is handed back.
                    None if !rules.calling_open => return Ok(None),
                    None => {
                        let taken: Option<(Uuid,)> = sqlx::query_as(&rows::take_next($lock_claim))
                            .bind(campaign)
                            .bind(operator)
                            .bind(now)
                            .bind(rules.hard_until)
                            .bind(rules.lease_until)
                            .fetch_optional(&mut *tx)
                            .await
                            .doing("nhận ca")?;
                        let Some((id,)) = taken else {
                            return Ok(None);
                        };
                        (id, false)
                    }
                };
                let case = case_in(&mut tx, id).await?;
                tx.commit().await.doing("nhận ca")?;
                Ok(Some(Claim { case, resumed }))
            }

            async fn force_release(&self, case: Uuid, by: Uuid, at: DateTime<Utc>) -> Result<Option<Uuid>> {
                let mut tx = self.begin_write().await?;
                let current = case_in(&mut tx, case).await?;
                let Some(lease) = current.lease() else {
                    return Ok(None);
                };
                sqlx::query(rows::FORCE_RELEASE).bind(case).execute(&mut *tx).await.doing("thu hồi ca")?;
                let before = serde_json::json!({ "holder": lease.holder, "epoch": lease.epoch, "expires_at": current.progress.lease_expires_at });
                let after = serde_json::json!({ "holder": null, "epoch": lease.epoch + 1 });
                sqlx::query(rows::INSERT_AUDIT)
                    .bind(Uuid::now_v7())
                    .bind(at)
                    .bind(by)
                    .bind(current.campaign_id)
                    .bind("force_release")
                    .bind(Some(case))
                    .bind(Some(before.to_string()))
                    .bind(Some(after.to_string()))
                    .execute(&mut *tx)
                    .await
                    .doing("ghi nhật ký")?;
                tx.commit().await.doing("thu hồi ca")?;
                Ok(Some(lease.holder))
            }

            async fn reassign(&self, move_: &Reassignment) -> Result<Moved> {
                let mut tx = self.begin_write().await?;
                let mut done = Moved::default();
                // Rows are locked in id order, so two moves over the same cases cannot deadlock.
                let mut cases = move_.cases.clone();
                cases.sort_unstable();
                for (id, version) in cases {
                    let case = case_in(&mut tx, id).await?;
                    if case.campaign_id != move_.campaign_id {
                        return Err(Error::not_found("ca của đợt khảo sát", id));
                    }
                    if case.version != version {
                        done.conflicts.push(id);
                        continue;
                    }
                    if case.assigned_to == move_.to {
                        continue;
                    }
                    sqlx::query(rows::MOVE_CASE).bind(id).bind(move_.to).execute(&mut *tx).await.doing("chuyển ca")?;
                    let list = |to: Option<Uuid>| serde_json::json!({ "call_list": to }).to_string();
                    sqlx::query(rows::INSERT_AUDIT)
                        .bind(Uuid::now_v7())
                        .bind(move_.at)
                        .bind(move_.by)
                        .bind(move_.campaign_id)
                        .bind("reassign")
                        .bind(Some(id))
                        .bind(Some(list(case.assigned_to)))
                        .bind(Some(list(move_.to)))
                        .execute(&mut *tx)
                        .await
                        .doing("ghi nhật ký")?;
                    if case.progress.lease_expires_at.is_some_and(|until| until > move_.at) {
                        done.in_call.push(id);
                    }
                    done.moved.push(id);
                }
                tx.commit().await.doing("chuyển ca")?;
                Ok(done)
            }

            async fn audit_log(&self, campaign: Uuid) -> Result<Vec<AuditEntry>> {
                let found: Vec<rows::AuditRow> = sqlx::query_as(rows::SELECT_AUDIT)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc nhật ký")?;
                Ok(found.into_iter().map(AuditEntry::from).collect())
            }

            async fn operator_queue(
                &self,
                campaign: Uuid,
                operator: Uuid,
                now: DateTime<Utc>,
                appointments: u32,
            ) -> Result<QueueCounts> {
                let (own, pool, ready): (i64, i64, i64) = sqlx::query_as(rows::QUEUE_COUNTS)
                    .bind(campaign)
                    .bind(operator)
                    .bind(now)
                    .fetch_one(&mut *self.conn().await?)
                    .await
                    .doing("đếm ca chờ gọi")?;
                let booked: Vec<CaseRow> = sqlx::query_as(&rows::upcoming_appointments())
                    .bind(campaign)
                    .bind(operator)
                    .bind(i64::from(appointments))
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc lịch hẹn")?;
                let count = |n: i64| u32::try_from(n).unwrap_or_default();
                Ok(QueueCounts {
                    own_open: count(own),
                    pool_open: count(pool),
                    ready: count(ready),
                    appointments: rows::cases(booked)?,
                })
            }

            async fn case(&self, id: Uuid) -> Result<CaseRecord> {
                let mut conn = self.conn().await?;
                let row: Option<CaseRow> = sqlx::query_as(&format!("{} WHERE c.id = $1", rows::SELECT_CASES))
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await
                    .doing("đọc ca")?;
                row.ok_or_else(|| Error::not_found("ca", id))?.try_into()
            }

            async fn held_contact(&self, lease: &Lease) -> Result<Option<Contact>> {
                let found: Option<(String, String)> = sqlx::query_as(rows::HELD_CONTACT)
                    .bind(lease.case_id)
                    .bind(lease.holder)
                    .fetch_optional(&mut *self.conn().await?)
                    .await
                    .doing("đọc liên lạc của ca")?;
                found
                    .map(|(name, phone)| rows::contacts(vec![(lease.case_id, name, phone)]))
                    .transpose()
                    .map(|found| found.and_then(|mut c| c.pop()))
            }

            async fn case_names(&self, campaign: Uuid) -> Result<std::collections::HashMap<Uuid, String>> {
                let found: Vec<(Uuid, String)> = sqlx::query_as(rows::CASE_NAMES)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc tên người được khảo sát")?;
                Ok(found.into_iter().collect())
            }

            async fn campaign_cases(&self, campaign: Uuid) -> Result<Vec<CaseRecord>> {
                let found: Vec<CaseRow> = sqlx::query_as(&format!(
                    "{} WHERE c.campaign_id = $1 ORDER BY a.code, c.received_on, c.id",
                    rows::SELECT_CASES
                ))
                .bind(campaign)
                .fetch_all(&mut *self.conn().await?)
                .await
                .doing("đọc danh sách ca")?;
                rows::cases(found)
            }

            async fn extend_lease(&self, lease: &Lease, until: DateTime<Utc>) -> Result<()> {
                let done = sqlx::query(rows::EXTEND_LEASE)
                    .bind(lease.case_id)
                    .bind(lease.holder)
                    .bind(lease.epoch)
                    .bind(until)
                    .execute(&mut *self.conn().await?)
                    .await
                    .doing("gia hạn giữ ca")?;
                rows::fenced(done.rows_affected(), lease)
            }

            async fn release_case(&self, lease: &Lease) -> Result<()> {
                let done = sqlx::query(rows::RELEASE_LEASE)
                    .bind(lease.case_id)
                    .bind(lease.holder)
                    .bind(lease.epoch)
                    .execute(&mut *self.conn().await?)
                    .await
                    .doing("trả ca")?;
                rows::fenced(done.rows_affected(), lease)
            }

            async fn record_attempt(
                &self,
                lease: &Lease,
                attempt: &AttemptRecord,
                catalogue: &crate::domain::outcome::OutcomeCatalogue,
                policy: CallPolicy<'_>,
                scores: &crate::domain::results::index::ScoreLine,
            ) -> Result<CaseProgress> {
                let finished = catalogue.get(attempt.outcome.as_str()).and_then(InterviewStatus::after);
                let scores = scores.to_text();
                if $backend == Backend::Postgres {
                    // No lock held across round trips: read the case, apply the outcome, and
                    // write it all in one statement that matches only while the case is as it
                    // was read (same holder, epoch and version). A supervisor's move in between
                    // makes it match nothing: read again and apply to what the case is now.
                    let (read_sql, write_sql) = (rows::case_for_attempt(""), rows::record_attempt_if_unchanged());
                    for _ in 0..rows::RECORD_TRIES {
                        let read: Option<rows::CaseForAttemptRow> = sqlx::query_as(&read_sql)
                            .bind(attempt.case_id)
                            .bind(attempt.id)
                            .fetch_optional(&mut *self.conn().await?)
                            .await
                            .doing("ghi lần gọi")?;
                        let (case, next) = match rows::plan_attempt(read, lease, attempt, catalogue, policy)? {
                            rows::AttemptPlan::Recorded(progress) => return Ok(progress),
                            rows::AttemptPlan::Apply { case, next } => (case, next),
                        };
                        let written = crate::store::sql_store::bind_progress!(sqlx::query(&write_sql), case.id, next, attempt.ended_at);
                        let written = crate::store::sql_store::bind_attempt!(written, attempt)
                            .bind(lease.epoch)
                            .bind(case.version)
                            .bind(lease.holder)
                            .bind(finished.map(InterviewStatus::as_str))
                            .bind(&scores)
                            .execute(&mut *self.conn().await?)
                            .await
                            .doing("ghi lần gọi")?;
                        if written.rows_affected() > 0 {
                            return Ok(next);
                        }
                    }
                    return Err(Error::Conflict(format!(
                        "ca {} đang được giám sát viên thay đổi, hãy ghi lại kết quả",
                        attempt.case_id
                    )));
                }
                // SQLite: the write lock first, so the case read is the case written.
                let mut tx = self.begin_write().await?;
                let read: Option<rows::CaseForAttemptRow> = sqlx::query_as(&rows::case_for_attempt($lock_case))
                    .bind(attempt.case_id)
                    .bind(attempt.id)
                    .fetch_optional(&mut *tx)
                    .await
                    .doing("ghi lần gọi")?;
                let (case, next) = match rows::plan_attempt(read, lease, attempt, catalogue, policy)? {
                    rows::AttemptPlan::Recorded(progress) => return Ok(progress),
                    rows::AttemptPlan::Apply { case, next } => (case, next),
                };
                crate::store::sql_store::bind_progress!(sqlx::query(rows::APPLY_ATTEMPT), case.id, next, attempt.ended_at)
                    .execute(&mut *tx)
                    .await
                    .doing("ghi lần gọi")?;
                crate::store::sql_store::bind_attempt!(sqlx::query(&rows::insert_attempt()), attempt)
                    .bind(attempt.case_id)
                    .execute(&mut *tx)
                    .await
                    .doing("ghi lần gọi")?;
                if let Some(status) = finished {
                    sqlx::query(rows::FINISH_INTERVIEW)
                        .bind(case.id)
                        .bind(status.as_str())
                        .bind(attempt.ended_at)
                        .execute(&mut *tx)
                        .await
                        .doing("đóng phiếu")?;
                    sqlx::query(&rows::sqlite_insert_result())
                        .bind(case.id)
                        .bind(status.as_str())
                        .bind(&scores)
                        .execute(&mut *tx)
                        .await
                        .doing("ghi kết quả phiếu")?;
                }
                tx.commit().await.doing("ghi lần gọi")?;
                Ok(next)
            }

            async fn case_attempts(&self, case: Uuid) -> Result<Vec<AttemptRecord>> {
                let found: Vec<AttemptRow> = sqlx::query_as(rows::SELECT_ATTEMPTS)
                    .bind(case)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc lịch sử cuộc gọi")?;
                found.into_iter().map(AttemptRecord::try_from).collect()
            }

            async fn start_interview(&self, lease: &Lease, interview: &NewInterview) -> Result<InterviewRecord> {
                let mut tx = self.begin_write().await?;
                let case = case_in(&mut tx, interview.case_id).await?;
                rows::check_lease(&case, lease)?;
                sqlx::query(rows::INSERT_INTERVIEW)
                    .bind(interview.id)
                    .bind(interview.case_id)
                    .bind(interview.questionnaire.as_str())
                    .bind(interview.operator_id)
                    .bind(interview.started_at)
                    .execute(&mut *tx)
                    .await
                    .doing("mở phiếu")?;
                sqlx::query(rows::CLEAR_RESULTS)
                    .bind(interview.case_id)
                    .execute(&mut *tx)
                    .await
                    .doing("mở phiếu")?;
                for sql in [rows::REOPEN_INTERVIEW, rows::MARK_INTERVIEWED] {
                    sqlx::query(sql)
                        .bind(interview.case_id)
                        .execute(&mut *tx)
                        .await
                        .doing("mở phiếu")?;
                }
                tx.commit().await.doing("mở phiếu")?;
                self.case_interview(interview.case_id)
                    .await?
                    .ok_or_else(|| Error::not_found("phiếu của ca", interview.case_id))
            }

            async fn save_answer(&self, lease: &Lease, interview: Uuid, answer: &StoredAnswer) -> Result<()> {
                let mut tx = self.begin_write().await?;
                let current: Option<(i32,)> = sqlx::query_as(&format!("{}{}", rows::LEASE_IS_CURRENT, $lock_row))
                    .bind(lease.case_id)
                    .bind(lease.holder)
                    .bind(lease.epoch)
                    .fetch_optional(&mut *tx)
                    .await
                    .doing("lưu câu trả lời")?;
                rows::fenced(u64::from(current.is_some()), lease)?;
                let open: Option<(i32,)> = sqlx::query_as(rows::INTERVIEW_OF_CASE)
                    .bind(interview)
                    .bind(lease.case_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .doing("lưu câu trả lời")?;
                if open.is_none() {
                    return Err(Error::Invalid(format!(
                        "phiếu {interview} không phải phiếu đang mở của ca {}",
                        lease.case_id
                    )));
                }
                sqlx::query(rows::INSERT_ANSWER)
                    .bind(answer.id)
                    .bind(interview)
                    .bind(answer.question.as_str())
                    .bind(&answer.code)
                    .bind(answer.answered_by)
                    .bind(answer.answered_at)
                    .execute(&mut *tx)
                    .await
                    .doing("lưu câu trả lời")?;
                tx.commit().await.doing("lưu câu trả lời")
            }

            async fn put_questionnaire(&self, script: &Script, at: DateTime<Utc>) -> Result<bool> {
                let inserted = sqlx::query(rows::INSERT_QUESTIONNAIRE)
                    .bind(script.hash().as_str())
                    .bind(script.id())
                    .bind(script.version())
                    .bind(script.title())
                    .bind(script.canonical_text())
                    .bind(at)
                    .execute(&mut *self.conn().await?)
                    .await;
                match inserted {
                    Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(Error::Conflict(format!(
                        "đã có phiếu “{}” phiên bản “{}” với nội dung khác; phiếu đã sửa phải mang phiên bản mới",
                        script.id(),
                        script.version()
                    ))),
                    other => Ok(other.doing("lưu phiếu khảo sát")?.rows_affected() > 0),
                }
            }

            async fn questionnaire(&self, hash: &ContentHash) -> Result<Arc<Script>> {
                if let Some(script) = self.scripts.get(hash) {
                    return Ok(script);
                }
                let body: Option<(String,)> = sqlx::query_as(rows::SELECT_QUESTIONNAIRE_BODY)
                    .bind(hash.as_str())
                    .fetch_optional(&mut *self.conn().await?)
                    .await
                    .doing("đọc phiếu khảo sát")?;
                let (body,) = body.ok_or_else(|| Error::not_found("phiếu khảo sát", hash.short()))?;
                let script = Script::parse(&body, &format!("phiếu {}", hash.short()))
                    .map_err(|e| Error::Invalid(e.to_string()))?;
                let script = Arc::new(script);
                self.scripts.keep(hash.clone(), script.clone());
                Ok(script)
            }

            async fn questionnaires(&self) -> Result<Vec<QuestionnaireSummary>> {
                let found: Vec<rows::QuestionnaireRow> = sqlx::query_as(rows::SELECT_QUESTIONNAIRES)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc phiếu khảo sát")?;
                found.into_iter().map(QuestionnaireSummary::try_from).collect()
            }

            async fn case_interview(&self, case: Uuid) -> Result<Option<InterviewRecord>> {
                Ok(interviews_where(&mut *self.conn().await?, "i.case_id = $1", case).await?.into_iter().next())
            }

            async fn campaign_interviews(&self, campaign: Uuid) -> Result<Vec<InterviewRecord>> {
                interviews_where(&mut *self.conn().await?, "c.campaign_id = $1", campaign).await
            }

            async fn import_dossiers(&self, batch: &ImportBatch, rows: &[DossierRow]) -> Result<ImportCounts> {
                let mut tx = self.begin_write().await?;
                let campaign: Option<(Uuid,)> = sqlx::query_as($lock_campaign)
                    .bind(batch.campaign_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .doing("nhập danh sách")?;
                campaign.ok_or_else(|| Error::not_found("đợt khảo sát", batch.campaign_id))?;
                let agencies: Vec<AgencyRow> =
                    sqlx::query_as(rows::SELECT_AGENCIES).fetch_all(&mut *tx).await.doing("đọc cơ quan")?;
                let agency_ids: std::collections::HashMap<String, Uuid> =
                    agencies.into_iter().map(Agency::from).map(|a| (a.code, a.id)).collect();
                let agency_of = |code: &str| {
                    agency_ids.get(code).copied().ok_or_else(|| Error::not_found("cơ quan", code))
                };
                let known = $known(&mut tx, batch.campaign_id, rows).await.doing("đọc hồ sơ đã nhập")?;
                let plan = crate::domain::folding::fold(
                    rows,
                    &known,
                    // Time-ordered ids keep a large import's inserts at the end of the key index.
                    Uuid::now_v7,
                );

                let mut new_cases = Vec::with_capacity(plan.new_cases.len());
                for (id, row) in &plan.new_cases {
                    let row = &rows[*row];
                    new_cases.push(rows::NewCase {
                        id: *id,
                        campaign_id: batch.campaign_id,
                        agency_id: agency_of(&row.agency_code)?,
                        full_name: &row.full_name,
                        phone_e164: row.phone.e164(),
                        dossier_code: &row.dossier_code,
                        procedure_name: &row.procedure,
                        received_on: row.received_on,
                        phone_masked: row.phone.masked(),
                    });
                }
                $insert_cases(&mut tx, &new_cases).await.doing("lưu ca")?;
                for (case, row) in &plan.case_updates {
                    let row = &rows[*row];
                    sqlx::query(rows::MOVE_CASE_TO_DOSSIER)
                        .bind(*case)
                        .bind(agency_of(&row.agency_code)?)
                        .bind(&row.full_name)
                        .bind(&row.dossier_code)
                        .bind(&row.procedure)
                        .bind(row.received_on)
                        .execute(&mut *tx)
                        .await
                        .doing("cập nhật ca")?;
                }
                let mut new_dossiers = Vec::with_capacity(plan.new_dossiers.len());
                for (row, case) in &plan.new_dossiers {
                    let row = &rows[*row];
                    new_dossiers.push(rows::NewDossier {
                        campaign_id: batch.campaign_id,
                        dossier_code: &row.dossier_code,
                        case_id: *case,
                        agency_id: agency_of(&row.agency_code)?,
                        full_name: &row.full_name,
                        phone_e164: row.phone.e164(),
                        procedure_name: &row.procedure,
                        field_name: row.field.as_deref(),
                        received_on: row.received_on,
                        channel: row.channel.map(rows::channel_code),
                        birth_year: row.birth_year,
                        import_id: batch.id,
                    });
                }
                $insert_dossiers(&mut tx, &new_dossiers).await.doing("lưu hồ sơ")?;
                let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
                let accepted = plan.new_dossiers.len() + plan.already_present;
                sqlx::query($insert_import_batch)
                    .bind(batch.id)
                    .bind(batch.campaign_id)
                    .bind(&batch.file_name)
                    .bind(count(batch.rows_read))
                    .bind(count(accepted))
                    .bind(count(batch.rejected_before + plan.rejected.len()))
                    .bind(count(plan.new_cases.len()))
                    .bind(batch.imported_at)
                    .bind(&batch.by)
                    .execute(&mut *tx)
                    .await
                    .doing("ghi lần nhập")?;
                let (cases_total,): (i64,) = sqlx::query_as(rows::COUNT_CASES)
                    .bind(batch.campaign_id)
                    .fetch_one(&mut *tx)
                    .await
                    .doing("đếm ca")?;
                tx.commit().await.doing("nhập danh sách")?;
                Ok(ImportCounts {
                    stored: plan.new_dossiers.len(),
                    already_present: plan.already_present,
                    new_cases: plan.new_cases.len(),
                    rejected: plan.rejected,
                    cases_total: usize::try_from(cases_total).unwrap_or_default(),
                })
            }

            async fn scored_interviews(&self, campaign: Uuid, partial: bool) -> Result<Vec<ScoredInterview>> {
                let found = sqlx::query_as(rows::SCORED_INTERVIEWS)
                    .bind(campaign)
                    .bind(if partial { "partial" } else { "complete" })
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("tính chỉ số hài lòng")?;
                rows::scored_interviews(found)
            }

            async fn interview_counts(&self, campaign: Uuid) -> Result<Vec<InterviewCount>> {
                let found = sqlx::query_as(rows::INTERVIEW_COUNTS)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đếm phiếu")?;
                rows::interview_counts(found)
            }

            async fn dispositions(&self, campaign: Uuid) -> Result<Vec<DispositionCount>> {
                let found = sqlx::query_as(rows::DISPOSITIONS)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đếm kết quả cuộc gọi")?;
                rows::dispositions(found)
            }

            async fn agency_targets(&self, campaign: Uuid) -> Result<Vec<AgencyTarget>> {
                let found = sqlx::query_as(rows::AGENCY_TARGETS)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc cỡ mẫu")?;
                Ok(rows::agency_targets(found))
            }

            async fn worked_attempts(
                &self,
                campaign: Uuid,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
            ) -> Result<Vec<WorkedAttempt>> {
                let found = sqlx::query_as(crate::store::work::WORKED_ATTEMPTS)
                    .bind(campaign)
                    .bind(from)
                    .bind(to)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc lần gọi")?;
                crate::store::work::worked_attempts(found)
            }

            async fn finished_interviews(&self, campaign: Uuid) -> Result<Vec<FinishedInterview>> {
                let found = sqlx::query_as(crate::store::work::FINISHED_INTERVIEW_CALLS)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc phiếu đã xong")?;
                crate::store::work::finished_interviews(found)
            }

            async fn exported_interviews(&self, campaign: Uuid) -> Result<Vec<ExportedInterview>> {
                let found: Vec<rows::ExportedRow> = sqlx::query_as(rows::EXPORTED_INTERVIEWS)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc phiếu để xuất")?;
                found.into_iter().map(ExportedInterview::try_from).collect()
            }

            async fn contacts(&self, campaign: Uuid) -> Result<Vec<Contact>> {
                let found = sqlx::query_as($contacts)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc liên lạc của ca")?;
                rows::contacts(found)
            }

            async fn add_audit(&self, entry: &AuditEntry) -> Result<()> {
                sqlx::query(rows::INSERT_AUDIT)
                    .bind(entry.id)
                    .bind(entry.at)
                    .bind(entry.actor)
                    .bind(entry.campaign_id)
                    .bind(&entry.action)
                    .bind(entry.case_id)
                    .bind(entry.before.as_deref())
                    .bind(entry.after.as_deref())
                    .execute(&mut *self.conn().await?)
                    .await
                    .doing("ghi nhật ký")?;
                Ok(())
            }

            async fn dossier_cases(&self, campaign: Uuid) -> Result<Vec<DossierCase>> {
                let found = sqlx::query_as(rows::DOSSIER_CASES)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc hồ sơ của đợt")?;
                rows::dossier_cases(found)
            }

            async fn import_interviews(
                &self,
                batch: &InterviewImport,
                interviews: &[ImportedInterview],
                complete: &crate::domain::outcome::OutcomeCode,
            ) -> Result<()> {
                let (new_interviews, answers, results) = rows::imported_rows(batch, interviews);
                let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
                let mut tx = self.begin_write().await?;
                sqlx::query(rows::INSERT_INTERVIEW_IMPORT)
                    .bind(batch.id)
                    .bind(batch.campaign_id)
                    .bind(batch.mode.as_str())
                    .bind(&batch.file_name)
                    .bind(count(batch.rows_read))
                    .bind(count(interviews.len()))
                    .bind(count(batch.unchanged))
                    .bind(count(batch.rejected))
                    .bind(batch.imported_by)
                    .bind(batch.imported_at)
                    .execute(&mut *tx)
                    .await
                    .doing("ghi lần nhập phiếu")?;
                $insert_interviews(&mut tx, &new_interviews).await.doing("lưu phiếu nhập")?;
                $insert_answers(&mut tx, &answers).await.doing("lưu câu trả lời")?;
                $insert_results(&mut tx, &results).await.doing("lưu kết quả phiếu")?;
                sqlx::query(rows::CLOSE_IMPORTED_CASES)
                    .bind(batch.id)
                    .bind(complete.as_str())
                    .execute(&mut *tx)
                    .await
                    .doing("đóng ca đã có phiếu")?;
                tx.commit().await.doing("lưu phiếu nhập")?;
                Ok(())
            }

            async fn agency_populations(&self, campaign: Uuid) -> Result<Vec<(String, u32)>> {
                let found: Vec<(String, i64)> = sqlx::query_as(rows::AGENCY_POPULATIONS)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đếm hồ sơ theo cơ quan")?;
                Ok(found.into_iter().map(|(code, n)| (code, u32::try_from(n).unwrap_or(u32::MAX))).collect())
            }

            async fn sample_candidates(&self, campaign: Uuid) -> Result<Vec<SampleCandidate>> {
                let found: Vec<(Uuid, String, Option<i32>)> = sqlx::query_as($sample_candidates)
                    .bind(campaign)
                    .fetch_all(&mut *self.conn().await?)
                    .await
                    .doing("đọc ca để chọn mẫu")?;
                Ok(rows::candidates(found))
            }

            async fn release_waves(&self, draws: &[SampleDraw]) -> Result<()> {
                let mut tx = self.begin_write().await?;
                for draw in draws {
                    let wave = i32::try_from(draw.wave).unwrap_or(i32::MAX);
                    let recorded = sqlx::query($insert_sample_draw)
                        .bind(draw.id)
                        .bind(draw.campaign_id)
                        .bind(&draw.agency_code)
                        .bind(wave)
                        .bind(draw.rule.name())
                        .bind(i64::from_ne_bytes(draw.seed.to_ne_bytes()))
                        .bind(i32::try_from(draw.population).unwrap_or(i32::MAX))
                        .bind(i32::try_from(draw.required).unwrap_or(i32::MAX))
                        .bind(i32::try_from(draw.cases.len()).unwrap_or(i32::MAX))
                        .bind(draw.drawn_at)
                        .bind(draw.rule.margin())
                        .bind(&draw.by)
                        .execute(&mut *tx)
                        .await;
                    match recorded {
                        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                            return Err(Error::Conflict(format!(
                                "đợt mẫu {} của cơ quan {} vừa được người khác rút: hãy xem lại rồi thử lại",
                                draw.wave, draw.agency_code
                            )))
                        }
                        other => other.doing("ghi lần rút mẫu")?,
                    };
                    for case in &draw.cases {
                        let released = sqlx::query(rows::RELEASE_CASE)
                            .bind(*case)
                            .bind(wave)
                            .execute(&mut *tx)
                            .await
                            .doing("đưa ca vào mẫu")?;
                        if released.rows_affected() == 0 {
                            return Err(Error::Conflict(format!("ca {case} đã ở trong mẫu")));
                        }
                    }
                }
                tx.commit().await.doing("rút mẫu")
            }

            async fn last_draw(&self, campaign: Uuid) -> Result<Option<(crate::domain::sampling::SampleRule, u64)>> {
                let found: Option<(String, Option<f64>, i64)> = sqlx::query_as(rows::LAST_DRAW)
                    .bind(campaign)
                    .fetch_optional(&mut *self.conn().await?)
                    .await
                    .doing("đọc lần rút mẫu")?;
                found
                    .map(|(rule, margin, seed)| {
                        let rule = crate::domain::sampling::SampleRule::parse(&rule, margin)
                            .map_err(|_| Error::Invalid(format!("quy tắc chọn mẫu đã lưu của đợt {campaign} không hợp lệ")))?;
                        Ok((rule, u64::from_ne_bytes(seed.to_ne_bytes())))
                    })
                    .transpose()
            }
        }
    };
}

pub(crate) use sql_store;
