//! What a store reads once and keeps: records that never change once written. A campaign is
//! never changed after it is created, and a stored questionnaire is named by the hash of its
//! content; every claim, recorded call and saved answer needs them, so the desk's hot path
//! reads and parses each from the database only the first time.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, PoisonError, RwLock};

/// Shared by the clones of a store, like its pool.
#[derive(Debug, Clone)]
pub(crate) struct Kept<K, V>(Arc<RwLock<HashMap<K, V>>>);

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
            .cloned()
    }

    pub(crate) fn keep(&self, key: K, value: V) {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, value);
    }
}
