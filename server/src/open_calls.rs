//! The public list of open casting calls, kept in memory per `casting_revision` (a counter
//! bumped by triggers on every row the list is read from) and studio day (deadlines and overdue
//! wage reports move with the day): a visit to `/casting` is one tiny revision read and a pass
//! over the kept calls instead of four queries. Every instance in front of a shared PostgreSQL
//! sees every instance's changes, as with the search indexes (`index_cache`).

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use app::models::{CallCard, PlaceOption};
use time::Date;

use crate::storage::{StorageError, Store};

/// The open calls of one revision on one day, soonest deadline first.
#[derive(Debug)]
pub struct OpenCalls {
    revision: i64,
    day: Date,
    pub calls: Vec<CallCard>,
    /// The places with open calls, by slug (the list's place filter offers them).
    pub places: Vec<PlaceOption>,
}

impl OpenCalls {
    fn new(revision: i64, day: Date, calls: Vec<CallCard>) -> OpenCalls {
        let places: BTreeMap<&str, PlaceOption> = calls
            .iter()
            .map(|c| {
                let place = PlaceOption {
                    slug: c.location_slug.clone(),
                    name_zh: c.location_zh.clone(),
                    name_en: c.location_en.clone(),
                };
                (c.location_slug.as_str(), place)
            })
            .collect();
        let places = places.into_values().collect();
        OpenCalls { revision, day, calls, places }
    }
}

/// The kept list, shared by every request.
#[derive(Debug, Clone, Default)]
pub struct OpenCallsCache {
    current: Arc<RwLock<Option<Arc<OpenCalls>>>>,
}

impl OpenCallsCache {
    /// The calls open on `today`, as stored now.
    pub async fn open_calls(
        &self,
        store: &Store,
        today: Date,
    ) -> Result<Arc<OpenCalls>, StorageError> {
        let revision = store.casting_revision().await?;
        if let Some(kept) = self.kept(revision, today) {
            return Ok(kept);
        }
        // The revision is read before the rows, so they are at least as new as it says; two
        // requests finding it moved at once both read them, and either answer is right.
        let calls = store.open_calls(today).await?;
        let fresh = Arc::new(OpenCalls::new(revision, today, calls));
        let mut current = self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        if current.as_ref().is_none_or(|kept| (kept.revision, kept.day) <= (revision, today)) {
            *current = Some(fresh.clone());
        }
        Ok(fresh)
    }

    fn kept(&self, revision: i64, today: Date) -> Option<Arc<OpenCalls>> {
        let current = self.current.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        current.as_ref().filter(|kept| kept.revision >= revision && kept.day == today).cloned()
    }
}
