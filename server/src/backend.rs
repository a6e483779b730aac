//! The server's implementation of the app's `Backend`: storage calls plus error policy
//! (infrastructure failures are logged here, once, and reach users as `Unexpected`).

use app::backend::Backend;
use app::error::{AppError, FieldError};
use app::models::{CallCard, ItemPage, LocationPin, SessionUser, TileSource};
use domain::account::{self, Login, Role};
use time::{OffsetDateTime, UtcOffset};

use crate::passwords;
use crate::storage::accounts::{Account, Registration};
use crate::storage::{StorageError, Store};

/// Failed logins allowed per account within `FAILURE_WINDOW_SECS` before it is throttled.
pub const MAX_LOGIN_FAILURES: i64 = 5;
/// The window for counting failed logins: 15 minutes.
pub const FAILURE_WINDOW_SECS: i64 = 15 * 60;

fn now_unix() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

impl From<Account> for SessionUser {
    fn from(account: Account) -> SessionUser {
        SessionUser {
            account_id: account.account_id,
            display_name: account.display_name,
            role: account.role,
        }
    }
}

/// Runs argon2 (tens of milliseconds of CPU) off the async workers.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "password hashing task failed");
        AppError::Unexpected
    })
}

/// Hengdian's time zone (China Standard Time, UTC+8, no daylight saving).
pub const STUDIO_OFFSET: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+8 is a valid offset"),
};

/// Today's date at the studio.
pub fn studio_today() -> time::Date {
    OffsetDateTime::now_utc().to_offset(STUDIO_OFFSET).date()
}

/// Storage plus the settings the pages need.
#[derive(Debug, Clone)]
pub struct ServerBackend {
    pub store: Store,
    pub tiles: TileSource,
}

fn unexpected(operation: &'static str) -> impl FnOnce(StorageError) -> AppError {
    move |error| {
        tracing::error!(%error, operation, "storage failure");
        AppError::Unexpected
    }
}

#[async_trait::async_trait]
impl Backend for ServerBackend {
    async fn location_pins(&self) -> Result<Vec<LocationPin>, AppError> {
        self.store.location_pins().await.map_err(unexpected("location_pins"))
    }

    fn tile_source(&self) -> TileSource {
        self.tiles.clone()
    }

    async fn item_page(&self, page: i64, per_page: i64) -> Result<ItemPage, AppError> {
        self.store.item_page(page, per_page).await.map_err(unexpected("item_page"))
    }

    async fn open_calls(&self) -> Result<Vec<CallCard>, AppError> {
        self.store.open_calls(studio_today()).await.map_err(unexpected("open_calls"))
    }

    async fn authenticate(&self, login: &str, password: &str) -> Result<SessionUser, AppError> {
        let wrong = || AppError::field("login", "wrong_credentials");
        let login = Login::parse(login).map_err(|_| wrong())?;
        let now = now_unix();
        let failures = self
            .store
            .login_failures_since(login.as_str(), now - FAILURE_WINDOW_SECS)
            .await
            .map_err(unexpected("login_failures_since"))?;
        if failures >= MAX_LOGIN_FAILURES {
            return Err(AppError::TooManyAttempts);
        }
        let row =
            self.store.account_by_login(&login).await.map_err(unexpected("account_by_login"))?;
        // Verify against a dummy hash for unknown logins so both cases take as long.
        let hash = row
            .as_ref()
            .map_or_else(|| passwords::DUMMY_HASH.to_string(), |r| r.password_hash.clone());
        let password = password.to_string();
        let matches = blocking(move || passwords::verify(&password, &hash)).await?;
        match row {
            Some(row) if matches => {
                self.store
                    .clear_login_failures(login.as_str(), now - FAILURE_WINDOW_SECS)
                    .await
                    .map_err(unexpected("clear_login_failures"))?;
                Account::try_from(&row).map(SessionUser::from).map_err(unexpected("account row"))
            }
            _ => {
                self.store
                    .record_login_failure(login.as_str(), now)
                    .await
                    .map_err(unexpected("record_login_failure"))?;
                Err(wrong())
            }
        }
    }

    async fn register_actor(
        &self,
        login: &str,
        password: &str,
        display_name: &str,
    ) -> Result<SessionUser, AppError> {
        let mut errors = Vec::new();
        let parsed = Login::parse(login);
        if let Err(problem) = &parsed {
            errors.push(FieldError { field: "login".into(), code: problem.code().into() });
        }
        if let Some(problem) = account::password_problems(password, login).first() {
            errors.push(FieldError { field: "password".into(), code: problem.code().into() });
        }
        let name = account::display_name(display_name);
        if let Err(code) = name {
            errors.push(FieldError { field: "display_name".into(), code: code.into() });
        }
        let (Ok(login), Ok(name), true) = (parsed, name, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let password = password.to_string();
        let hash = blocking(move || passwords::hash(&password)).await?;
        let registration = self
            .store
            .create_account(&login, &hash, Role::Actor, name, now_unix())
            .await
            .map_err(unexpected("create_account"))?;
        match registration {
            Registration::Created(account) => Ok(account.into()),
            Registration::LoginTaken => Err(AppError::field("login", "taken")),
        }
    }

    async fn change_password(
        &self,
        account_id: i64,
        current_password: &str,
        new_password: &str,
    ) -> Result<(), AppError> {
        let row = self
            .store
            .account_row(account_id)
            .await
            .map_err(unexpected("account_row"))?
            .ok_or(AppError::Unauthorized)?;
        let (current, hash) = (current_password.to_string(), row.password_hash.clone());
        if !blocking(move || passwords::verify(&current, &hash)).await? {
            return Err(AppError::field("current_password", "wrong_password"));
        }
        if let Some(problem) = account::password_problems(new_password, &row.login).first() {
            return Err(AppError::field("new_password", problem.code()));
        }
        let new_password = new_password.to_string();
        let hash = blocking(move || passwords::hash(&new_password)).await?;
        self.store
            .set_password_hash(account_id, &hash)
            .await
            .map_err(unexpected("set_password_hash"))
    }

    async fn session_user(&self, account_id: i64) -> Result<Option<SessionUser>, AppError> {
        let account = self.store.account(account_id).await.map_err(unexpected("account"))?;
        Ok(account.map(SessionUser::from))
    }
}
