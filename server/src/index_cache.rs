//! In-memory search indexes kept in step with the database: each remembers the stored revision
//! (a counter bumped by triggers on the rows it is built from) and is rebuilt, once, by the
//! first search that finds the revision moved — so every instance in front of a shared
//! PostgreSQL sees every instance's changes.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;

use tokio::sync::{Mutex, RwLock};

use crate::storage::{StorageError, Store};

/// An index built from stored rows as of one revision.
pub trait Rebuilt: Send + Sync + Sized + 'static {
    /// The rows it is built from, read consistently with their revision.
    type Source: Send + 'static;
    /// Named in the log line of each rebuild.
    const NAME: &'static str;

    /// The revision stored now.
    fn stored_revision(store: &Store) -> impl Future<Output = Result<i64, StorageError>> + Send;
    /// Reads the rows (and the revision they reflect).
    fn source(store: &Store) -> impl Future<Output = Result<Self::Source, StorageError>> + Send;
    /// Builds the index (CPU work, run off the async threads).
    fn build(source: Self::Source) -> Self;
    /// The revision the index reflects.
    fn revision(&self) -> i64;
    /// How many entries (items, actors) it holds.
    fn entry_count(&self) -> usize;
}

/// The index shared by every request.
#[derive(Debug)]
pub struct IndexCache<I> {
    current: Arc<RwLock<Option<Arc<I>>>>,
    rebuilding: Arc<Mutex<()>>,
}

impl<I> Default for IndexCache<I> {
    fn default() -> Self {
        IndexCache { current: Arc::default(), rebuilding: Arc::default() }
    }
}

impl<I> Clone for IndexCache<I> {
    fn clone(&self) -> Self {
        IndexCache { current: self.current.clone(), rebuilding: self.rebuilding.clone() }
    }
}

impl<I: Rebuilt> IndexCache<I> {
    /// The index for the rows as stored now.
    pub async fn index(&self, store: &Store) -> Result<Arc<I>, StorageError> {
        let revision = I::stored_revision(store).await?;
        if let Some(index) = self.fresh(revision).await {
            return Ok(index);
        }
        // One rebuild at a time; whoever waited here finds it done.
        let _rebuilding = self.rebuilding.lock().await;
        if let Some(index) = self.fresh(revision).await {
            return Ok(index);
        }
        let source = I::source(store).await?;
        let index = tokio::task::spawn_blocking(move || Arc::new(I::build(source)))
            .await
            .map_err(|error| StorageError::Corrupt(format!("index build failed: {error}")))?;
        tracing::info!(
            revision = index.revision(),
            entries = index.entry_count(),
            "{} index built",
            I::NAME
        );
        *self.current.write().await = Some(index.clone());
        Ok(index)
    }

    async fn fresh(&self, revision: i64) -> Option<Arc<I>> {
        self.current.read().await.as_ref().filter(|i| i.revision() >= revision).cloned()
    }
}

/// Whole answers kept with an index for as long as its revision lasts, by what was asked: a
/// repeated search skips its whole work. At most [`MAX_KEPT_ANSWERS`]; when full, they all go
/// at once and are kept anew.
#[derive(Debug)]
pub struct KeptAnswers<K, V> {
    answers: std::sync::Mutex<HashMap<K, Arc<V>>>,
}

/// The most answers an index keeps.
pub const MAX_KEPT_ANSWERS: usize = 256;

impl<K, V> Default for KeptAnswers<K, V> {
    fn default() -> Self {
        KeptAnswers { answers: std::sync::Mutex::default() }
    }
}

impl<K: Eq + Hash, V> KeptAnswers<K, V> {
    fn locked(&self) -> std::sync::MutexGuard<'_, HashMap<K, Arc<V>>> {
        self.answers.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The answer kept for `asked`, if one was.
    pub fn get<Q: Eq + Hash + ?Sized>(&self, asked: &Q) -> Option<Arc<V>>
    where
        K: Borrow<Q>,
    {
        self.locked().get(asked).cloned()
    }

    /// Keeps `answer` for `asked`.
    pub fn keep(&self, asked: K, answer: Arc<V>) {
        keep_bounded(&mut self.locked(), MAX_KEPT_ANSWERS, asked, answer);
    }

    /// Drops every answer kept.
    pub fn forget(&self) {
        self.locked().clear();
    }
}

/// Inserts into a map of at most `limit` entries, emptied when full.
fn keep_bounded<K: Eq + Hash, V>(map: &mut HashMap<K, V>, limit: usize, key: K, value: V) {
    if map.len() >= limit && !map.contains_key(&key) {
        map.clear();
    }
    map.insert(key, value);
}

/// Answers kept under a stamp (a stored revision, with the studio day where that matters) read
/// before they were worked out: asked under any other stamp they are gone, and a slow request
/// holding an older stamp never replaces newer answers. At most `limit`, all dropped when full.
#[derive(Debug)]
pub struct StampedAnswers<S, K, V> {
    shelf: std::sync::Mutex<Shelf<S, K, V>>,
    limit: usize,
}

#[derive(Debug)]
struct Shelf<S, K, V> {
    stamp: Option<S>,
    answers: HashMap<K, Arc<V>>,
}

impl<S: Copy + Ord, K: Eq + Hash, V> StampedAnswers<S, K, V> {
    pub fn new(limit: usize) -> Self {
        StampedAnswers {
            shelf: std::sync::Mutex::new(Shelf { stamp: None, answers: HashMap::new() }),
            limit,
        }
    }

    fn locked(&self) -> std::sync::MutexGuard<'_, Shelf<S, K, V>> {
        self.shelf.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The answer kept for `asked` under `stamp`, if one was.
    pub fn get<Q: Eq + Hash + ?Sized>(&self, stamp: S, asked: &Q) -> Option<Arc<V>>
    where
        K: Borrow<Q>,
    {
        let shelf = self.locked();
        if shelf.stamp != Some(stamp) {
            return None;
        }
        shelf.answers.get(asked).cloned()
    }

    /// Keeps `answer` for `asked` under `stamp`: a newer stamp drops what was kept under the
    /// old one; an older one keeps nothing.
    pub fn keep(&self, stamp: S, asked: K, answer: Arc<V>) {
        let mut shelf = self.locked();
        if shelf.stamp.is_some_and(|current| current > stamp) {
            return;
        }
        if shelf.stamp != Some(stamp) {
            shelf.answers.clear();
            shelf.stamp = Some(stamp);
        }
        keep_bounded(&mut shelf.answers, self.limit, asked, answer);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.locked().answers.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamped_answers_follow_the_newest_stamp() {
        let kept: StampedAnswers<i64, &str, u32> = StampedAnswers::new(2);
        kept.keep(5, "a", Arc::new(1));
        assert_eq!(kept.get(5, "a").as_deref(), Some(&1));
        assert_eq!(kept.get(6, "a"), None, "another stamp finds nothing");
        // A slow request that read an older stamp keeps nothing.
        kept.keep(4, "b", Arc::new(2));
        assert_eq!(kept.get(4, "b"), None);
        assert_eq!(kept.get(5, "a").as_deref(), Some(&1));
        // A newer stamp drops what the old one kept.
        kept.keep(6, "b", Arc::new(3));
        assert_eq!(kept.get(6, "a"), None);
        assert_eq!(kept.get(6, "b").as_deref(), Some(&3));
        assert_eq!(kept.get(5, "a"), None);
        // Full: everything goes, then the new answer is kept; replacing one is not growing.
        kept.keep(6, "c", Arc::new(4));
        kept.keep(6, "c", Arc::new(5));
        assert_eq!(kept.len(), 2);
        assert_eq!(kept.get(6, "c").as_deref(), Some(&5));
        kept.keep(6, "d", Arc::new(6));
        assert_eq!(kept.len(), 1);
        assert_eq!(kept.get(6, "b"), None);
        assert_eq!(kept.get(6, "d").as_deref(), Some(&6));
    }
}
