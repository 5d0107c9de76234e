//! Campaigns read once per store: a campaign is never changed after it is created, and every
//! claim and every recorded call needs its rules (calling hours, outcome catalogue), so the
//! desk's hot path reads and parses it from the database only the first time.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use uuid::Uuid;

use super::model::Campaign;

/// Shared by the clones of a store, like its pool.
#[derive(Debug, Default, Clone)]
pub(crate) struct CampaignCache(Arc<RwLock<HashMap<Uuid, Campaign>>>);

impl CampaignCache {
    pub(crate) fn get(&self, id: Uuid) -> Option<Campaign> {
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
            .cloned()
    }

    pub(crate) fn keep(&self, campaign: &Campaign) {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(campaign.id, campaign.clone());
    }
}
