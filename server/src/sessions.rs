//! Server-side sessions in the application database (so several instances share them), through
//! tower-sessions and its sqlx stores, one per backend.

use async_trait::async_trait;
use tower_sessions::cookie::SameSite;
use tower_sessions::cookie::time::Duration;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use crate::storage::{Db, StorageError, Store};

/// Name of the session cookie.
pub const COOKIE_NAME: &str = "backlot_session";
/// A session ends after this long without a request. Its record is saved — and its expiry
/// pushed back — at most once a day (`app::auth::account_in`), so it ends between 13 and 14 days
/// after the last request.
pub const IDLE_EXPIRY_DAYS: i64 = 14;

/// The session store matching the application's database.
#[derive(Debug, Clone)]
pub enum Sessions {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Sessions {
    /// Creates the store (and its table) in `store`'s database, with the trigger that bumps the
    /// sign-in revision whenever a session ends (logout, a new id at login, expiry), so what
    /// instances remember of it (`ServerBackend::signed_in`) is dropped.
    pub async fn open(store: &Store) -> Result<Sessions, StorageError> {
        let sessions = match store.db() {
            Db::Sqlite(pool) => {
                let s = SqliteStore::new(pool.clone());
                s.migrate().await?;
                sqlx::query(
                    "create trigger if not exists session_ended after delete on tower_sessions \
                     begin update signin_revision set revision = revision + 1; end",
                )
                .execute(pool)
                .await?;
                Sessions::Sqlite(s)
            }
            Db::Postgres(pool) => {
                let s = PostgresStore::new(pool.clone());
                s.migrate().await?;
                // Per row: the hourly sweep of expired sessions often deletes none.
                sqlx::query(
                    "create or replace trigger session_ended after delete on \
                     tower_sessions.session for each row execute function bump_signin_revision()",
                )
                .execute(pool)
                .await?;
                Sessions::Postgres(s)
            }
        };
        Ok(sessions)
    }

    /// The layer that loads and saves sessions; `secure` marks the cookie HTTPS-only.
    pub fn layer(self, secure: bool) -> SessionManagerLayer<Sessions> {
        SessionManagerLayer::new(self)
            .with_name(COOKIE_NAME)
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(secure)
            .with_expiry(Expiry::OnInactivity(Duration::days(IDLE_EXPIRY_DAYS)))
    }

    /// Deletes expired sessions every `period`, forever (run as a background task).
    pub async fn delete_expired_every(self, period: std::time::Duration) {
        let mut interval = tokio::time::interval(period);
        loop {
            interval.tick().await;
            if let Err(error) = self.delete_expired().await {
                tracing::warn!(%error, "could not delete expired sessions");
            }
        }
    }
}

#[async_trait]
impl SessionStore for Sessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.create(record).await,
            Sessions::Postgres(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.save(record).await,
            Sessions::Postgres(s) => s.save(record).await,
        }
    }

    async fn load(&self, session_id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Sessions::Sqlite(s) => s.load(session_id).await,
            Sessions::Postgres(s) => s.load(session_id).await,
        }
    }

    async fn delete(&self, session_id: &Id) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.delete(session_id).await,
            Sessions::Postgres(s) => s.delete(session_id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for Sessions {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.delete_expired().await,
            Sessions::Postgres(s) => s.delete_expired().await,
        }
    }
}
