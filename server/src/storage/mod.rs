//! Storage: one `Store` over two backends, SQLite (the embedded default) and PostgreSQL.
//!
//! # Approach
//! Each backend keeps its own typed sqlx pool (`SqlitePool`, `PgPool`) inside the `Db` enum, and
//! every query is written once, in SQL both engines accept (`$1` placeholders, which sqlx's
//! SQLite driver also binds by position), then compiled for both pools by the `on_db!` macro.
//! This keeps sqlx's native type support (dates, booleans) that its `Any` driver lacks, while
//! leaving room for a backend-specific statement where the engines really differ (locking,
//! exclusion constraints). Schemas live in `migrations/sqlite` and `migrations/postgres`, kept
//! in step, and are applied at start-up.
//!
//! SQLite runs in WAL mode with foreign keys on and a busy timeout; PostgreSQL is chosen by a
//! `postgres://` `DATABASE_URL`.

pub mod accounts;
pub mod bookings;
pub mod casting;
pub mod catalogue;
pub mod inventory;
pub mod looks;
pub mod members;
pub mod photos;
pub mod pool;
pub mod queries;
pub mod reservations;
mod revisions;
mod rows;
pub mod seed;
pub mod shortlists;
pub mod supply;
pub mod training;
pub mod wages;

pub use revisions::{Revisions, within_request};

use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::pool::PoolOptions;
use sqlx::postgres::{PgConnectOptions, PgPool};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Which database to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    /// A SQLite file, created if missing.
    SqliteFile(std::path::PathBuf),
    /// A PostgreSQL connection URL.
    Postgres(String),
}

/// The two pools a `Store` may hold.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to whichever pool the `Db` holds; the body is compiled
/// once per backend, so the same SQL text serves both.
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::storage::Db::Sqlite($pool) => $body,
            $crate::storage::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_db;

/// Transactions, started so that they are either started or not: never half.
///
/// A request's work stops wherever it is when its client leaves (a phone losing its network
/// mid-booking): the future is dropped at its next await. sqlx 0.8.6 leaves a pooled connection
/// inside an open transaction if that happens during `begin` — on SQLite during a custom
/// statement's check (`begin_with`), after the `BEGIN IMMEDIATE` ran; on PostgreSQL during the
/// `BEGIN` round trip — and hands it to the next borrower. On SQLite that connection keeps the
/// database's write lock: every write fails until the connection is closed. So a transaction is
/// started on a task of its own, which runs to its end whatever happens to the request; if the
/// request has gone, the task drops the transaction it started, which rolls it back.
///
/// Transactions that write: SQLite's default `BEGIN` is deferred, and a transaction that reads
/// first and writes later fails at once with SQLITE_BUSY_SNAPSHOT (517) when another connection
/// committed in between, whatever the busy timeout. `BEGIN IMMEDIATE` takes the write lock at
/// the start, so writers queue instead. PostgreSQL's plain `BEGIN` is right as it is.
///
/// SQLite has one write lock, and its own queue for it is a busy handler that sleeps between
/// tries, longer and longer (up to 100 ms a try): under load a writer could sleep through
/// hundreds of commits and wait half a second while the lock was mostly free. So on SQLite a
/// write transaction first takes its turn in `Store`'s writer queue (first come, first served),
/// then a pooled connection and the lock — which is then free but for the odd single-statement
/// write outside a transaction. PostgreSQL locks rows, not the database: no queue there.
pub(crate) trait Begin {
    type Database: sqlx::Database;

    /// A transaction that writes (see above).
    async fn begin_write(
        &self,
        writers: &Arc<Semaphore>,
    ) -> Result<WriteTx<Self::Database>, sqlx::Error>;

    /// A transaction that only reads.
    async fn begin_read(&self) -> Result<sqlx::Transaction<'static, Self::Database>, sqlx::Error>;
}

/// How long a write waits for its turn in the writer queue before it fails, as SQLite's busy
/// timeout bounds the wait for the lock.
const WRITE_TURN_TIMEOUT: Duration = Duration::from_secs(5);

/// Runs `begin` (a transaction's start) on a task of its own (see `Begin`).
async fn begin_detached<DB: sqlx::Database>(
    begin: impl Future<Output = Result<sqlx::Transaction<'static, DB>, sqlx::Error>> + Send + 'static,
) -> Result<sqlx::Transaction<'static, DB>, sqlx::Error> {
    tokio::spawn(begin)
        .await
        .map_err(|error| sqlx::Error::Protocol(format!("BEGIN failed: {error}")))?
}

impl Begin for SqlitePool {
    type Database = sqlx::Sqlite;

    async fn begin_write(
        &self,
        writers: &Arc<Semaphore>,
    ) -> Result<WriteTx<sqlx::Sqlite>, sqlx::Error> {
        let turn = tokio::time::timeout(WRITE_TURN_TIMEOUT, writers.clone().acquire_owned())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)?
            .map_err(|_| sqlx::Error::PoolClosed)?;
        let pool = self.clone();
        let tx = begin_detached(async move { pool.begin_with("BEGIN IMMEDIATE").await }).await?;
        Ok(WriteTx { tx, _turn: Some(turn) })
    }

    async fn begin_read(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        let pool = self.clone();
        begin_detached(async move { pool.begin().await }).await
    }
}

impl Begin for PgPool {
    type Database = sqlx::Postgres;

    async fn begin_write(
        &self,
        _writers: &Arc<Semaphore>,
    ) -> Result<WriteTx<sqlx::Postgres>, sqlx::Error> {
        Ok(WriteTx { tx: self.begin_read().await?, _turn: None })
    }

    async fn begin_read(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        let pool = self.clone();
        begin_detached(async move { pool.begin().await }).await
    }
}

/// A write transaction, holding its turn in the writer queue (SQLite) until it is committed,
/// rolled back or dropped. Queries run on it as on the transaction: `&mut *tx`.
pub(crate) struct WriteTx<DB: sqlx::Database> {
    tx: sqlx::Transaction<'static, DB>,
    _turn: Option<OwnedSemaphorePermit>,
}

impl<DB: sqlx::Database> WriteTx<DB> {
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl<DB: sqlx::Database> Deref for WriteTx<DB> {
    type Target = DB::Connection;

    fn deref(&self) -> &DB::Connection {
        &self.tx
    }
}

impl<DB: sqlx::Database> DerefMut for WriteTx<DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        &mut self.tx
    }
}

/// Failures of the storage layer. Never shown to users: callers log them and answer
/// `Unexpected`.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A stored value does not fit the domain (an unknown code, an impossible date…).
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("the database already holds data")]
    NotEmpty,
    /// A failure shared by every request that waited for the same read.
    #[error("{0}")]
    Shared(Arc<StorageError>),
}

/// Backlot's storage.
#[derive(Debug, Clone)]
pub struct Store {
    db: Db,
    reads: Arc<revisions::SharedReads>,
    /// The writer queue: one write transaction at a time (see `BeginWrite`).
    writers: Arc<Semaphore>,
}

impl Store {
    /// Opens (and for SQLite creates) the database and applies pending migrations.
    pub async fn open(target: &DatabaseTarget) -> Result<Store, StorageError> {
        let db = match target {
            DatabaseTarget::SqliteFile(path) => Db::Sqlite(open_sqlite(path).await?),
            DatabaseTarget::Postgres(url) => {
                let options = PgConnectOptions::from_str(url)?;
                let pool = pool_options::<sqlx::Postgres>()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                Db::Postgres(pool)
            }
        };
        let store = Store { db, reads: Arc::default(), writers: Arc::new(Semaphore::new(1)) };
        store.migrate().await?;
        Ok(store)
    }

    /// PostgreSQL migrations (SQLite's ran as its pool opened: see `migrate_sqlite`).
    async fn migrate(&self) -> Result<(), StorageError> {
        if let Db::Postgres(pool) = &self.db {
            sqlx::migrate!("migrations/postgres").run(pool).await?;
        }
        Ok(())
    }

    /// The backend's name, for logs.
    pub fn backend_name(&self) -> &'static str {
        match self.db {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Answers whether the database can be reached and queried.
    pub async fn ping(&self) -> Result<(), StorageError> {
        on_db!(&self.db, pool => {
            sqlx::query("select 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        on_db!(&self.db, pool => pool.close().await)
    }

    pub fn db(&self) -> &Db {
        &self.db
    }
}

async fn open_sqlite(path: &Path) -> Result<SqlitePool, StorageError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            StorageError::Database(sqlx::Error::Io(std::io::Error::new(
                e.kind(),
                format!("cannot create data directory {}: {e}", dir.display()),
            )))
        })?;
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    migrate_sqlite(options.clone().foreign_keys(false)).await?;
    Ok(pool_options::<sqlx::Sqlite>().max_connections(8).connect_with(options).await?)
}

/// How long a pooled connection may sit idle before it is checked on its way out.
const IDLE_CHECK_AFTER: Duration = Duration::from_secs(1);

/// Pool settings both backends share. sqlx checks every connection when it is given back (a
/// ping, which drops a broken one) and by default pings it again before handing it out: a
/// second round trip for every query, as many as the queries themselves on PostgreSQL, where
/// most requests make one. Here only a connection that has been idle a while is pinged first —
/// the one that may have been cut while nobody used it (a database restart, a firewall's idle
/// timeout); one in steady use was checked a moment ago, when it was given back.
fn pool_options<DB: sqlx::Database>() -> PoolOptions<DB> {
    PoolOptions::new().test_before_acquire(false).before_acquire(
        |conn: &mut DB::Connection, meta| {
            Box::pin(async move {
                if meta.idle_for >= IDLE_CHECK_AFTER {
                    conn.ping().await?;
                }
                Ok(true)
            })
        },
    )
}

/// Applies pending SQLite migrations on a connection of its own with foreign-key enforcement
/// off: a migration that rebuilds a table (SQLite cannot drop a NOT NULL in place) must drop the
/// old table without its `on delete` actions firing, and `PRAGMA foreign_keys` cannot change
/// inside the transaction each migration runs in. Every key is checked afterwards; a violation
/// fails the start.
async fn migrate_sqlite(options: SqliteConnectOptions) -> Result<(), StorageError> {
    let mut conn = options.connect().await?;
    sqlx::migrate!("migrations/sqlite").run(&mut conn).await?;
    let broken: Vec<(String, Option<i64>, String)> =
        sqlx::query_as("select \"table\", rowid, parent from pragma_foreign_key_check")
            .fetch_all(&mut conn)
            .await?;
    conn.close().await?;
    match broken.first() {
        None => Ok(()),
        Some((table, row, parent)) => Err(StorageError::Corrupt(format!(
            "{} rows break foreign keys after migrating, first {table} row {row:?} -> {parent}",
            broken.len()
        ))),
    }
}

impl Store {
    /// SQLite's journal mode and foreign-key switch, to check the connection set-up; `None`
    /// on PostgreSQL.
    pub async fn sqlite_pragmas(&self) -> Result<Option<(String, i64)>, StorageError> {
        match &self.db {
            Db::Sqlite(pool) => {
                let mut conn = pool.acquire().await?;
                let journal: String =
                    sqlx::query_scalar("pragma journal_mode").fetch_one(&mut *conn).await?;
                let keys: i64 =
                    sqlx::query_scalar("pragma foreign_keys").fetch_one(&mut *conn).await?;
                Ok(Some((journal, keys)))
            }
            Db::Postgres(_) => Ok(None),
        }
    }
}
