//! Accounts: look-up by login, registration, failed-login tracking and the audit log.

use domain::account::{Login, Role};

use super::rows::code;
use super::{StorageError, Store, on_db};

/// An account as stored, with its password hash. Never leaves `server/`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub account_id: i64,
    pub login: String,
    pub password_hash: String,
    pub role: String,
    pub display_name: String,
}

/// An account without secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub account_id: i64,
    pub login: String,
    pub role: Role,
    pub display_name: String,
}

impl TryFrom<&AccountRow> for Account {
    type Error = StorageError;

    fn try_from(row: &AccountRow) -> Result<Account, StorageError> {
        Ok(Account {
            account_id: row.account_id,
            login: row.login.clone(),
            role: code(Role::parse, &row.role, "account.role")?,
            display_name: row.display_name.clone(),
        })
    }
}

/// Outcome of creating an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registration {
    Created(Account),
    /// Another account already uses this login.
    LoginTaken,
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

impl Store {
    /// The account registered under `login`, with its hash.
    pub async fn account_by_login(
        &self,
        login: &Login,
    ) -> Result<Option<AccountRow>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_as(
            "select account_id, login, password_hash, role, display_name from account where login = $1",
        )
        .bind(login.as_str())
        .fetch_optional(pool)
        .await?))
    }

    /// The account with this id, with its hash.
    pub async fn account_row(&self, account_id: i64) -> Result<Option<AccountRow>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_as(
            "select account_id, login, password_hash, role, display_name from account \
             where account_id = $1",
        )
        .bind(account_id)
        .fetch_optional(pool)
        .await?))
    }

    /// The account with this id, if it still exists.
    pub async fn account(&self, account_id: i64) -> Result<Option<Account>, StorageError> {
        self.account_row(account_id).await?.as_ref().map(Account::try_from).transpose()
    }

    /// Creates an account; a login already in use gives `LoginTaken` and changes nothing.
    pub async fn create_account(
        &self,
        login: &Login,
        password_hash: &str,
        role: Role,
        display_name: &str,
        now: i64,
    ) -> Result<Registration, StorageError> {
        let inserted: Result<i64, sqlx::Error> = on_db!(self.db(), pool => sqlx::query_scalar(
            "insert into account (login, password_hash, role, display_name, created_at) \
             values ($1, $2, $3, $4, $5) returning account_id",
        )
        .bind(login.as_str())
        .bind(password_hash)
        .bind(role.code())
        .bind(display_name)
        .bind(now)
        .fetch_one(pool)
        .await);
        match inserted {
            Ok(account_id) => Ok(Registration::Created(Account {
                account_id,
                login: login.as_str().to_string(),
                role,
                display_name: display_name.to_string(),
            })),
            Err(error) if is_unique_violation(&error) => Ok(Registration::LoginTaken),
            Err(error) => Err(error.into()),
        }
    }

    /// Replaces an account's password hash.
    pub async fn set_password_hash(&self, account_id: i64, hash: &str) -> Result<(), StorageError> {
        on_db!(self.db(), pool => {
            sqlx::query("update account set password_hash = $1 where account_id = $2")
                .bind(hash)
                .bind(account_id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Records a failed login for `login` at `now` (unix seconds).
    pub async fn record_login_failure(&self, login: &str, now: i64) -> Result<(), StorageError> {
        on_db!(self.db(), pool => {
            sqlx::query("insert into login_failure (login, failed_at) values ($1, $2)")
                .bind(login)
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Failed logins for `login` since `since` (unix seconds).
    pub async fn login_failures_since(&self, login: &str, since: i64) -> Result<i64, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(
            "select count(*) from login_failure where login = $1 and failed_at >= $2",
        )
        .bind(login)
        .bind(since)
        .fetch_one(pool)
        .await?))
    }

    /// Forgets failed logins for `login` (after a successful one) and any older than `before`.
    pub async fn clear_login_failures(&self, login: &str, before: i64) -> Result<(), StorageError> {
        on_db!(self.db(), pool => {
            sqlx::query("delete from login_failure where login = $1 or failed_at < $2")
                .bind(login)
                .bind(before)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
