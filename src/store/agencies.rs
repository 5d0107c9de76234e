//! The SQL of the agency catalogue's changes beyond adding (`Store::put_agencies`): an agency's
//! name corrected, its code kept, so lists and reports keep matching it. The same SQL on both
//! databases; on PostgreSQL only supervisors and administrators may, and the audit keeps it.

use async_trait::async_trait;

use crate::error::Result;

pub const RENAME_AGENCY: &str = "UPDATE agency SET name = $2 WHERE code = $1";

/// The catalogue's share of the store, apart from the rest of [`super::Store`] (which requires
/// it).
#[async_trait]
pub trait AgencyStore: Send + Sync {
    /// Gives the agency with this code a new name; `false` when no agency has the code.
    async fn rename_agency(&self, code: &str, name: &str) -> Result<bool>;
}

/// `AgencyStore` for a backend of `sql_store!`.
macro_rules! agency_store {
    ($store:ident) => {
        const _: () = {
            use async_trait::async_trait;

            use crate::error::{DbContext, Result};
            use crate::store::agencies::*;

            #[async_trait]
            impl AgencyStore for $store {
                async fn rename_agency(&self, code: &str, name: &str) -> Result<bool> {
                    let done = sqlx::query(RENAME_AGENCY)
                        .bind(code)
                        .bind(name)
                        .execute(&mut *self.conn().await?)
                        .await
                        .doing("đổi tên cơ quan")?;
                    Ok(done.rows_affected() > 0)
                }
            }
        };
    };
}
pub(crate) use agency_store;
