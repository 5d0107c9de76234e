//! The body of the [`Store`](super::Store) contract, written once and instantiated for each
//! backend by `sql_store!`: the SQL is shared (see `rows.rs`), and the two dialects differ only
//! in how a write transaction begins (SQLite: `BEGIN IMMEDIATE`, taking the write lock before
//! the first read) and in the row locks PostgreSQL takes (`FOR UPDATE`, `SKIP LOCKED` for the
//! claim, so concurrent operators never wait for, nor get, the same case).

/// Implements `Store` for `$store`, which must have a `pool` field and a
/// `begin_write(&self) -> Result<Transaction<'static, $db>>` method.
macro_rules! sql_store {
    ($store:ident, $db:ty, $backend:expr, lock_case = $lock_case:literal, lock_row = $lock_row:literal, lock_claim = $lock_claim:literal) => {
        use async_trait::async_trait;
        use chrono::{DateTime, Utc};
        use uuid::Uuid;

        use crate::domain::case::CaseProgress;
        use crate::domain::questionnaire::{Answer, QuestionId};
        use crate::domain::schedule::CallPolicy;
        use crate::error::{DbContext, Error, Result};
        use crate::store::model::{
            Agency, AttemptRecord, Campaign, CaseRecord, InterviewRecord, InterviewStatus, Lease,
            NewCase, NewInterview, Staff,
        };
        use crate::store::rows::{self, AgencyRow, AnswerRow, AttemptRow, CampaignRow, CaseRow, InterviewRow, StaffRow};
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

        async fn interviews_where(pool: &sqlx::Pool<$db>, filter: &str, id: Uuid) -> Result<Vec<InterviewRecord>> {
            let found: Vec<InterviewRow> =
                sqlx::query_as(&format!("{} JOIN survey_case c ON c.id = i.case_id WHERE {filter} ORDER BY i.started_at, i.id", rows::SELECT_INTERVIEWS))
                    .bind(id)
                    .fetch_all(pool)
                    .await
                    .doing("đọc phiếu")?;
            let answers: Vec<AnswerRow> =
                sqlx::query_as(&format!("{} JOIN survey_case c ON c.id = i.case_id WHERE {filter} ORDER BY ans.answered_at, ans.question_id", rows::SELECT_ANSWERS))
                    .bind(id)
                    .fetch_all(pool)
                    .await
                    .doing("đọc câu trả lời")?;
            rows::interviews(found, answers)
        }

        #[async_trait]
        impl Store for $store {
            fn backend(&self) -> Backend {
                $backend
            }

            async fn put_staff(&self, staff: &Staff) -> Result<()> {
                sqlx::query(rows::INSERT_STAFF)
                    .bind(staff.id)
                    .bind(&staff.login)
                    .bind(&staff.full_name)
                    .bind(staff.role.as_str())
                    .execute(&self.pool)
                    .await
                    .doing("lưu nhân sự")?;
                Ok(())
            }

            async fn staff(&self) -> Result<Vec<Staff>> {
                let found: Vec<StaffRow> =
                    sqlx::query_as(rows::SELECT_STAFF).fetch_all(&self.pool).await.doing("đọc nhân sự")?;
                found.into_iter().map(Staff::try_from).collect()
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
                    .execute(&self.pool)
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
                        .fetch_all(&self.pool)
                        .await
                        .doing("đọc đợt khảo sát")?;
                found.into_iter().map(Campaign::try_from).collect()
            }

            async fn campaign(&self, id: Uuid) -> Result<Campaign> {
                let found: Option<CampaignRow> =
                    sqlx::query_as(&format!("{} WHERE id = $1", rows::SELECT_CAMPAIGNS))
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await
                        .doing("đọc đợt khảo sát")?;
                found.ok_or_else(|| Error::not_found("đợt khảo sát", id))?.try_into()
            }

            async fn campaign_by_code(&self, code: &str) -> Result<Option<Campaign>> {
                let found: Option<CampaignRow> =
                    sqlx::query_as(&format!("{} WHERE code = $1", rows::SELECT_CAMPAIGNS))
                        .bind(code)
                        .fetch_optional(&self.pool)
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
                    sqlx::query_as(rows::SELECT_AGENCIES).fetch_all(&self.pool).await.doing("đọc cơ quan")?;
                Ok(found.into_iter().map(Agency::from).collect())
            }

            async fn add_cases(&self, cases: &[NewCase]) -> Result<()> {
                let mut tx = self.begin_write().await?;
                for case in cases {
                    let inserted = sqlx::query(rows::INSERT_CASE)
                        .bind(case.id)
                        .bind(case.campaign_id)
                        .bind(case.agency_id)
                        .bind(&case.full_name)
                        .bind(case.phone.e164())
                        .bind(&case.dossier_code)
                        .bind(&case.procedure)
                        .bind(case.received_on)
                        .bind(case.assigned_to)
                        .bind(case.priority)
                        .execute(&mut *tx)
                        .await;
                    match inserted {
                        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                            return Err(Error::Conflict(format!(
                                "ca {} trùng số điện thoại với một ca khác của cùng đợt khảo sát",
                                case.id
                            )))
                        }
                        other => other.map(drop).doing("lưu ca")?,
                    }
                }
                tx.commit().await.doing("lưu ca")
            }

            async fn claim_next_case(
                &self,
                campaign: Uuid,
                operator: Uuid,
                now: DateTime<Utc>,
                lease_until: DateTime<Utc>,
            ) -> Result<Option<Claim>> {
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
                    None => {
                        let next: Option<(Uuid,)> =
                            sqlx::query_as(&format!("{}{}", rows::ELIGIBLE_CASES, $lock_claim))
                                .bind(campaign)
                                .bind(operator)
                                .bind(now)
                                .fetch_optional(&mut *tx)
                                .await
                                .doing("tìm ca tiếp theo")?;
                        let Some((id,)) = next else {
                            return Ok(None);
                        };
                        sqlx::query(rows::TAKE_LEASE)
                            .bind(id)
                            .bind(operator)
                            .bind(lease_until)
                            .bind(now)
                            .execute(&mut *tx)
                            .await
                            .doing("nhận ca")?;
                        (id, false)
                    }
                };
                let case = case_in(&mut tx, id).await?;
                tx.commit().await.doing("nhận ca")?;
                Ok(Some(Claim { case, resumed }))
            }

            async fn case(&self, id: Uuid) -> Result<CaseRecord> {
                let mut conn = self.pool.acquire().await.doing("đọc ca")?;
                let row: Option<CaseRow> = sqlx::query_as(&format!("{} WHERE c.id = $1", rows::SELECT_CASES))
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await
                    .doing("đọc ca")?;
                row.ok_or_else(|| Error::not_found("ca", id))?.try_into()
            }

            async fn campaign_cases(&self, campaign: Uuid) -> Result<Vec<CaseRecord>> {
                let found: Vec<CaseRow> = sqlx::query_as(&format!(
                    "{} WHERE c.campaign_id = $1 ORDER BY a.code, c.received_on, c.id",
                    rows::SELECT_CASES
                ))
                .bind(campaign)
                .fetch_all(&self.pool)
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
                    .execute(&self.pool)
                    .await
                    .doing("gia hạn giữ ca")?;
                rows::fenced(done.rows_affected(), lease)
            }

            async fn release_case(&self, lease: &Lease) -> Result<()> {
                let done = sqlx::query(rows::RELEASE_LEASE)
                    .bind(lease.case_id)
                    .bind(lease.holder)
                    .bind(lease.epoch)
                    .execute(&self.pool)
                    .await
                    .doing("trả ca")?;
                rows::fenced(done.rows_affected(), lease)
            }

            async fn record_attempt(
                &self,
                lease: &Lease,
                attempt: &AttemptRecord,
                policy: CallPolicy,
            ) -> Result<CaseProgress> {
                let mut tx = self.begin_write().await?;
                let case = case_in(&mut tx, attempt.case_id).await?;
                let already: Option<(i32,)> = sqlx::query_as(rows::ATTEMPT_EXISTS)
                    .bind(attempt.id)
                    .fetch_optional(&mut *tx)
                    .await
                    .doing("ghi lần gọi")?;
                if already.is_some() {
                    return Ok(case.progress);
                }
                let next = rows::apply_attempt(&case, lease, attempt, policy)?;
                sqlx::query(rows::APPLY_ATTEMPT)
                    .bind(case.id)
                    .bind(i32::try_from(next.attempts).unwrap_or(i32::MAX))
                    .bind(next.ever_contacted)
                    .bind(next.last_outcome.map(|o| o.code()))
                    .bind(next.final_outcome.map(|o| o.code()))
                    .bind(next.retry_at)
                    .bind(next.appointment_at)
                    .bind(attempt.ended_at)
                    .execute(&mut *tx)
                    .await
                    .doing("ghi lần gọi")?;
                sqlx::query(rows::INSERT_ATTEMPT)
                    .bind(attempt.id)
                    .bind(attempt.case_id)
                    .bind(attempt.operator_id)
                    .bind(attempt.started_at)
                    .bind(attempt.ended_at)
                    .bind(attempt.outcome.code())
                    .bind(attempt.note.as_deref())
                    .bind(attempt.appointment_at)
                    .execute(&mut *tx)
                    .await
                    .doing("ghi lần gọi")?;
                if let Some(status) = InterviewStatus::after(attempt.outcome) {
                    sqlx::query(rows::FINISH_INTERVIEW)
                        .bind(case.id)
                        .bind(status.as_str())
                        .bind(attempt.ended_at)
                        .execute(&mut *tx)
                        .await
                        .doing("đóng phiếu")?;
                }
                tx.commit().await.doing("ghi lần gọi")?;
                Ok(next)
            }

            async fn case_attempts(&self, case: Uuid) -> Result<Vec<AttemptRecord>> {
                let found: Vec<AttemptRow> = sqlx::query_as(rows::SELECT_ATTEMPTS)
                    .bind(case)
                    .fetch_all(&self.pool)
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
                    .bind(&interview.questionnaire_id)
                    .bind(interview.operator_id)
                    .bind(interview.started_at)
                    .execute(&mut *tx)
                    .await
                    .doing("mở phiếu")?;
                sqlx::query(rows::REOPEN_INTERVIEW)
                    .bind(interview.case_id)
                    .execute(&mut *tx)
                    .await
                    .doing("mở phiếu")?;
                tx.commit().await.doing("mở phiếu")?;
                self.case_interview(interview.case_id)
                    .await?
                    .ok_or_else(|| Error::not_found("phiếu của ca", interview.case_id))
            }

            async fn save_answer(
                &self,
                lease: &Lease,
                interview: Uuid,
                question: &QuestionId,
                answer: Answer,
                at: DateTime<Utc>,
            ) -> Result<()> {
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
                sqlx::query(rows::UPSERT_ANSWER)
                    .bind(interview)
                    .bind(question.as_str())
                    .bind(answer.code())
                    .bind(lease.holder)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .doing("lưu câu trả lời")?;
                tx.commit().await.doing("lưu câu trả lời")
            }

            async fn case_interview(&self, case: Uuid) -> Result<Option<InterviewRecord>> {
                Ok(interviews_where(&self.pool, "i.case_id = $1", case).await?.into_iter().next())
            }

            async fn campaign_interviews(&self, campaign: Uuid) -> Result<Vec<InterviewRecord>> {
                interviews_where(&self.pool, "c.campaign_id = $1", campaign).await
            }
        }
    };
}

pub(crate) use sql_store;
