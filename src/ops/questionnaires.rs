//! Stored questionnaires: importing a checked file (kept under the hash of its content, so a
//! changed file is a new version and never an edit of the old one), listing them, and finding
//! one by the name a supervisor types — its hash, the first digits of it, or `id@version`.

use super::session::Session;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::survey::{ContentHash, Script};
use crate::error::{Error, Result};
use crate::store::model::QuestionnaireSummary;
use crate::store::Store;

/// The fewest digits of a hash a person may type to name a questionnaire.
pub const SHORT_HASH: usize = 6;

/// Stores a checked questionnaire; `true` when it is new to the store.
pub async fn import(session: &Session, now: DateTime<Utc>, script: &Script) -> Result<bool> {
    if !session.role().supervises() {
        return Err(Error::Forbidden(
            "chỉ giám sát viên hoặc quản trị viên được lưu phiếu".to_owned(),
        ));
    }
    let stored = session.store().put_questionnaire(script, now).await?;
    tracing::info!(hash = %script.hash(), new = stored, "questionnaire stored");
    Ok(stored)
}

/// The built-in SIPAS questionnaire, stored on first use: what a campaign takes by default.
pub async fn builtin(store: &dyn Store, now: DateTime<Utc>) -> Result<Arc<Script>> {
    let sipas = Script::sipas();
    store.put_questionnaire(sipas, now).await?;
    store.questionnaire(sipas.hash()).await
}

/// The stored questionnaire a supervisor names: a whole hash, its first digits (at least
/// [`SHORT_HASH`], naming one questionnaire only), or `id@version`.
pub async fn find(store: &dyn Store, name: &str) -> Result<Arc<Script>> {
    let name = name.trim();
    if let Ok(hash) = ContentHash::parse(name) {
        return store.questionnaire(&hash).await;
    }
    let all = store.questionnaires().await?;
    let matches: Vec<&QuestionnaireSummary> = match name.split_once('@') {
        Some((code, version)) => all
            .iter()
            .filter(|q| q.code == code && q.version == version)
            .collect(),
        None if name.len() >= SHORT_HASH && name.bytes().all(|b| b.is_ascii_hexdigit()) => {
            let digits = name.to_ascii_lowercase();
            all.iter()
                .filter(|q| q.hash.as_str().starts_with(&digits))
                .collect()
        }
        None => {
            return Err(Error::Invalid(format!(
                "“{name}” không phải tên phiếu: dùng mã băm (ít nhất {SHORT_HASH} chữ số đầu) hoặc mã@phiên bản"
            )))
        }
    };
    match matches.as_slice() {
        [one] => store.questionnaire(&one.hash).await,
        [] => Err(Error::not_found("phiếu khảo sát", name)),
        _ => Err(Error::Invalid(format!(
            "“{name}” ứng với {} phiếu; gõ thêm chữ số của mã băm",
            matches.len()
        ))),
    }
}

pub async fn list(store: &dyn Store) -> Result<Vec<QuestionnaireSummary>> {
    store.questionnaires().await
}
