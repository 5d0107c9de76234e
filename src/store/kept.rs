//! What a store reads once and keeps: a stored questionnaire is named by the hash of its content
//! and never changes; a campaign changes only in its calling calendar (a supervisor adds a day
//! off), rarely, so it is kept for a little while ([`get_fresh`](Kept::get_fresh)) and read
//! again after. Every claim, recorded call and saved answer needs them, so the desk's hot path
//! reads and parses each from the database seldom.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

/// How long a campaign read is kept: a day off a supervisor adds reaches every workstation's
/// scheduler within this, at the cost of one small read per campaign per this on the hot path.
pub(crate) const CAMPAIGN_KEPT_FOR: Duration = Duration::from_secs(30);

/// Shared by the clones of a store, like its pool; each value with when it was read.
#[derive(Debug, Clone)]
pub(crate) struct Kept<K, V>(Arc<RwLock<HashMap<K, (V, Instant)>>>);

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Self(Arc::default())
    }
}

impl<K: Eq + Hash, V: Clone> Kept<K, V> {
    pub(crate) fn get(&self, key: &K) -> Option<V> {
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .map(|(value, _)| value.clone())
    }

    /// The value if it was read less than `age` ago.
    pub(crate) fn get_fresh(&self, key: &K, age: Duration) -> Option<V> {
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .filter(|(_, at)| at.elapsed() < age)
            .map(|(value, _)| value.clone())
    }

    pub(crate) fn keep(&self, key: K, value: V) {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, (value, Instant::now()));
    }

    /// Forgets the value: the next read goes to the database.
    pub(crate) fn forget(&self, key: &K) {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(key);
    }
}
