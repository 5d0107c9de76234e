//! The appointments calendar's reads: the appointments booked in a stretch of days, all the
//! campaign's (a supervisor's calendar) or those an operator's queue would hand them (their
//! own calendar) — the queue's own condition, so the calendar and the queue agree.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::CaseRecord;
use crate::error::Result;

/// The calendar's share of the store, apart from the rest of [`super::Store`] (which requires
/// it).
#[async_trait]
pub trait AppointmentStore: Send + Sync {
    /// Open cases of the campaign with an appointment in [`from`, `to`), soonest first: those
    /// `operator` would be handed, or all with `None`.
    async fn appointments_between(
        &self,
        campaign: Uuid,
        operator: Option<Uuid>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<CaseRecord>>;
}

/// `AppointmentStore` for a backend of `sql_store!`.
macro_rules! appointment_store {
    ($store:ident) => {
        const _: () = {
            use async_trait::async_trait;
            use chrono::{DateTime, Utc};
            use uuid::Uuid;

            use crate::error::{DbContext, Result};
            use crate::store::appointments::AppointmentStore;
            use crate::store::model::CaseRecord;
            use crate::store::rows::{self, CaseRow};

            #[async_trait]
            impl AppointmentStore for $store {
                async fn appointments_between(
                    &self,
                    campaign: Uuid,
                    operator: Option<Uuid>,
                    from: DateTime<Utc>,
                    to: DateTime<Utc>,
                ) -> Result<Vec<CaseRecord>> {
                    let found: Vec<CaseRow> = match operator {
                        Some(operator) => {
                            sqlx::query_as(&rows::operator_appointments_between())
                                .bind(campaign)
                                .bind(operator)
                                .bind(from)
                                .bind(to)
                                .fetch_all(&mut *self.conn().await?)
                                .await
                        }
                        None => {
                            sqlx::query_as(&rows::appointments_between())
                                .bind(campaign)
                                .bind(from)
                                .bind(to)
                                .fetch_all(&mut *self.conn().await?)
                                .await
                        }
                    }
                    .doing("đọc lịch hẹn")?;
                    rows::cases(found)
                }
            }
        };
    };
}
pub(crate) use appointment_store;
