//! The revision counters, read together, and those reads shared by the requests that wait for
//! one at the same time.
//!
//! Almost every read the server answers from memory first checks a revision: who a session is
//! signed in as (`signin_revision`), the kept open calls (`casting_revision`), the catalogue's,
//! the map's and the actor pool's indexes. That check is a query, a round trip to PostgreSQL
//! (or to SQLite's connection thread) that costs more than the answer itself once everything is
//! kept. All five counters come in one row, read by one request at a time: a request that
//! finds nobody reading reads them itself, and those that ask while a read is under way wait
//! for the next read, made for all of them at once. Under load each read serves every request
//! that asked meanwhile; alone, a request reads for itself with nothing in between. (Several
//! reads under way at once served fewer requests a second: with up to 4 or 16, the signed-in
//! catalogue answer at 64 connections ran at 12,100 and 10,400 req/s on PostgreSQL, against
//! 14,500 with one.)
//!
//! Freshness is the same as a read of one's own: a request is answered only by a read that
//! started after it asked, so every change committed before it asked is seen (a session ended
//! on another instance, a call changed a moment ago).
//!
//! Within an HTTP request ([`within_request`], a layer round every route) "after it asked" is
//! after the request arrived: the latest read, if it started since, answers at once. A request
//! that checks two counters (who the session is, then the pool's index) reads once, not twice,
//! and under load a request often finds a read that started after it arrived already done.
//! (So a request sees the counters as they were when it arrived, or a little later: one that
//! wrote and then read its own change through a kept index might not see it. None does: each
//! server function and page either writes or reads through the indexes, and a form that
//! writes is answered with a redirect, a request of its own.)

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use tokio::sync::oneshot;

use super::{StorageError, Store, on_db};

tokio::task_local! {
    /// When the HTTP request being answered arrived.
    static ARRIVED: Instant;
}

/// Runs `answer` as the answer to a request that arrived now: the revision reads it makes may
/// be answered by any read that started since (see the module's notes).
pub async fn within_request<F: Future>(answer: F) -> F::Output {
    ARRIVED.scope(Instant::now(), answer).await
}

/// Every revision counter as one read found them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revisions {
    /// Who sessions are signed in as: accounts, productions, suppliers, sessions.
    pub signin: i64,
    /// What the open calls show.
    pub casting: i64,
    /// Items, tags, sub-categories, suppliers.
    pub catalogue: i64,
    /// Locations, their eras and facilities.
    pub location: i64,
    /// Actors, their skills and passed modules.
    pub actor: i64,
}

/// One scalar subquery a counter. (Not a join of the five tables: PostgreSQL, which knows
/// nothing of their single rows, estimates a cross join of five at some 10¹⁶ rows and compiles
/// the query with its JIT, 45–140 ms a read; as subqueries it plans each as one small scan.)
const READ_ALL: &str = "select (select revision from signin_revision), \
     (select revision from casting_revision), (select revision from catalogue_revision), \
     (select revision from location_revision), (select revision from actor_revision)";

type Answer = Result<Revisions, Arc<StorageError>>;

/// The requests waiting for the next read, and whether a read is under way.
#[derive(Debug, Default)]
pub(crate) struct SharedReads {
    state: Mutex<Waiting>,
    /// Reads made so far.
    made: AtomicU64,
}

#[derive(Debug, Default)]
struct Waiting {
    reading: bool,
    next: Vec<oneshot::Sender<Answer>>,
    /// The latest successful read: when it started, and what it found.
    latest: Option<(Instant, Revisions)>,
}

impl SharedReads {
    fn locked(&self) -> MutexGuard<'_, Waiting> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Store {
    /// The revision counters as stored now: from a read that started after this call, or
    /// within a request ([`within_request`]) after the request arrived.
    pub async fn revisions(&self) -> Result<Revisions, StorageError> {
        let arrived = ARRIVED.try_with(|arrived| *arrived).ok();
        let waiting_for = {
            let mut waiting = self.reads.locked();
            if let (Some(arrived), Some((started, found))) = (arrived, waiting.latest)
                && started >= arrived
            {
                return Ok(found);
            }
            if waiting.reading {
                let (sender, answer) = oneshot::channel();
                waiting.next.push(sender);
                Some(answer)
            } else {
                waiting.reading = true;
                None
            }
        };
        let Some(answer) = waiting_for else {
            // Nobody was reading: read here; whoever asks meanwhile is read for afterwards.
            let _hand_over = HandOver(self);
            return self.read_revisions().await;
        };
        match answer.await {
            Ok(answer) => answer.map_err(StorageError::Shared),
            Err(_) => Err(StorageError::Corrupt("the revision read was abandoned".into())),
        }
    }

    /// Reads for everyone waiting, then again for whoever came during that read, until nobody
    /// waits. Its own task: a waiter whose client leaves must not take the others' read with it.
    async fn read_for_waiters(self) {
        let mut reader = Reader { reads: &self.reads, finished: false };
        loop {
            let waiters = {
                let mut waiting = reader.reads.locked();
                if waiting.next.is_empty() {
                    waiting.reading = false;
                    reader.finished = true;
                    return;
                }
                std::mem::take(&mut waiting.next)
            };
            let answer = self.read_revisions().await.map_err(Arc::new);
            for waiter in waiters {
                let _ = waiter.send(answer.clone());
            }
        }
    }

    /// How many reads [`Store::revisions`] has made so far (each serving one or more callers).
    pub fn revision_reads_made(&self) -> u64 {
        self.reads.made.load(Ordering::Relaxed)
    }

    /// One read of every counter (counted in [`Store::revision_reads_made`]).
    async fn read_revisions(&self) -> Result<Revisions, StorageError> {
        self.reads.made.fetch_add(1, Ordering::Relaxed);
        let started = Instant::now();
        let (signin, casting, catalogue, location, actor) = on_db!(self.db(), pool => {
            sqlx::query_as::<_, (i64, i64, i64, i64, i64)>(READ_ALL).fetch_one(pool).await?
        });
        let found = Revisions { signin, casting, catalogue, location, actor };
        let mut waiting = self.reads.locked();
        if waiting.latest.is_none_or(|(latest, _)| latest < started) {
            waiting.latest = Some((started, found));
        }
        Ok(found)
    }
}

/// Ends a request's own read (done, or abandoned when its client left): whoever asked
/// meanwhile is read for by a task of its own, else the next request reads for itself.
struct HandOver<'a>(&'a Store);

impl Drop for HandOver<'_> {
    fn drop(&mut self) {
        let mut waiting = self.0.reads.locked();
        if waiting.next.is_empty() {
            waiting.reading = false;
            return;
        }
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(self.0.clone().read_for_waiters());
            }
            Err(_) => {
                // No runtime left to read on (shutting down): the waiters get an error.
                waiting.reading = false;
                waiting.next.clear();
            }
        }
    }
}

/// Lets the next request read if a reader task ends early (a panic, the runtime shutting
/// down): those waiting then get an error rather than waiting for ever.
struct Reader<'a> {
    reads: &'a SharedReads,
    finished: bool,
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        let mut waiting = self.reads.locked();
        waiting.reading = false;
        // Dropping the senders answers their waiters with an error.
        waiting.next.clear();
    }
}
