//! Accounts: look-up by login, registration, failed-login tracking and the audit log.

use app::models::{Org, OrgKind, OrgRef};
use domain::account::{Login, Role};
use domain::vocab::Era;

use super::members::{audit, redeem_invitation, set_org};
use super::rows::code;
use super::{Begin, StorageError, Store, on_db};

/// An account as stored, with its password hash. Never leaves `server/`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub account_id: i64,
    pub login: String,
    pub password_hash: String,
}

/// An account without secrets, with the organisation it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub account_id: i64,
    pub login: String,
    pub role: Role,
    pub display_name: String,
    /// Unix seconds.
    pub created_at: i64,
    pub org: Option<Org>,
    pub session_version: i64,
    /// The era of the account's production, if it names one (the catalogue's anachronism hints).
    pub production_era: Option<Era>,
    /// Whether the account's production is verified by an admin (may publish calls and search
    /// the actor pool); `false` without a production.
    pub production_verified: bool,
}

/// An account joined with its production or supplier.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct AccountOrgRow {
    account_id: i64,
    login: String,
    role: String,
    display_name: String,
    created_at: i64,
    session_version: i64,
    production_id: Option<i64>,
    production_zh: Option<String>,
    production_en: Option<String>,
    production_era: Option<String>,
    production_verified: Option<bool>,
    supplier_id: Option<i64>,
    supplier_zh: Option<String>,
    supplier_en: Option<String>,
}

/// The select list and joins that `AccountOrgRow` reads; append `where …`.
pub(super) const ACCOUNT_ORG_SELECT: &str = "select a.account_id, a.login, a.role, \
    a.display_name, a.created_at, a.session_version, \
    p.production_id, p.name_zh as production_zh, p.name_en as production_en, \
    p.era as production_era, p.verified as production_verified, \
    s.supplier_id, s.name_zh as supplier_zh, s.name_en as supplier_en \
    from account a \
    left join production p on p.production_id = a.production_id \
    left join supplier s on s.supplier_id = a.supplier_id ";

impl TryFrom<AccountOrgRow> for Account {
    type Error = StorageError;

    fn try_from(row: AccountOrgRow) -> Result<Account, StorageError> {
        let org = match (row.production_id, row.supplier_id) {
            (Some(id), _) => Some(Org {
                kind: OrgKind::Production,
                id,
                name_zh: row.production_zh.unwrap_or_default(),
                name_en: row.production_en.unwrap_or_default(),
            }),
            (None, Some(id)) => Some(Org {
                kind: OrgKind::Supplier,
                id,
                name_zh: row.supplier_zh.unwrap_or_default(),
                name_en: row.supplier_en.unwrap_or_default(),
            }),
            (None, None) => None,
        };
        Ok(Account {
            account_id: row.account_id,
            login: row.login,
            role: code(Role::parse, &row.role, "account.role")?,
            display_name: row.display_name,
            created_at: row.created_at,
            org,
            session_version: row.session_version,
            production_era: row
                .production_era
                .map(|era| code(Era::parse, &era, "production.era"))
                .transpose()?,
            production_verified: row.production_verified.unwrap_or(false),
        })
    }
}

/// What a new account is made of.
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    pub login: &'a Login,
    pub password_hash: &'a str,
    pub role: Role,
    pub display_name: &'a str,
    /// An actor's profile, created with the account and linked to it.
    pub actor: Option<&'a domain::casting::ActorFacts>,
}

/// Outcome of creating an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registration {
    Created(Account),
    /// Another account already uses this login.
    LoginTaken,
    /// The invitation is unknown, used, expired or for another kind of account.
    InvitationInvalid,
}

pub(super) fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

impl Store {
    /// The account registered under `login`, with its hash.
    pub async fn account_by_login(
        &self,
        login: &Login,
    ) -> Result<Option<AccountRow>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_as(
            "select account_id, login, password_hash from account where login = $1",
        )
        .bind(login.as_str())
        .fetch_optional(pool)
        .await?))
    }

    /// The account with this id, with its hash.
    pub async fn account_row(&self, account_id: i64) -> Result<Option<AccountRow>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_as(
            "select account_id, login, password_hash from account where account_id = $1",
        )
        .bind(account_id)
        .fetch_optional(pool)
        .await?))
    }

    /// The `signin_revision` counter (bumped by every change to what decides who a session is
    /// signed in as: accounts, their organisations, sessions ended).
    pub async fn signin_revision(&self) -> Result<i64, StorageError> {
        Ok(self.revisions().await?.signin)
    }

    /// The account with this id, if it still exists.
    pub async fn account(&self, account_id: i64) -> Result<Option<Account>, StorageError> {
        let sql = format!("{ACCOUNT_ORG_SELECT} where a.account_id = $1");
        let row: Option<AccountOrgRow> = on_db!(self.db(), pool => sqlx::query_as(&sql)
            .bind(account_id)
            .fetch_optional(pool)
            .await?);
        row.map(Account::try_from).transpose()
    }

    /// Creates an account; a login already in use gives `LoginTaken` and changes nothing.
    /// With an invitation (the hash of its token), the account joins the invitation's
    /// organisation in the same transaction, or nothing is created.
    pub async fn create_account(
        &self,
        new: &NewAccount<'_>,
        invitation: Option<&str>,
        now: i64,
    ) -> Result<Registration, StorageError> {
        let created: Result<Option<i64>, sqlx::Error> = on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            let actor_id: Option<i64> = match new.actor {
                Some(facts) => Some(
                    sqlx::query_scalar(
                        "insert into actor (name, gender, birth_date, height_cm, weight_kg, \
                         phone, registered_at) values ($1, $2, $3, $4, $5, $6, $7) \
                         returning actor_id",
                    )
                    .bind(new.display_name)
                    .bind(facts.gender.code())
                    .bind(facts.birth_date)
                    .bind(facts.height_cm)
                    .bind(facts.weight_kg)
                    .bind(match new.login {
                        Login::Phone(phone) => Some(phone.as_str()),
                        Login::Email(_) => None,
                    })
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?,
                ),
                None => None,
            };
            let account_id: i64 = sqlx::query_scalar(
                "insert into account (login, password_hash, role, display_name, created_at, \
                 actor_id) values ($1, $2, $3, $4, $5, $6) returning account_id",
            )
            .bind(new.login.as_str())
            .bind(new.password_hash)
            .bind(new.role.code())
            .bind(new.display_name)
            .bind(now)
            .bind(actor_id)
            .fetch_one(&mut *tx)
            .await?;
            if let Some(token_hash) = invitation {
                let org = redeem_invitation!(tx, token_hash, account_id, now)?;
                let Some(org) = org.filter(|o| o.kind.member_role() == new.role) else {
                    return Ok(None);
                };
                set_org!(tx, account_id, Some(org))?;
                let detail =
                    format!("{} ({account_id}) joined {} by invitation", new.login.as_str(), org.code());
                audit!(tx, account_id, "invitation.accept", &detail, now)?;
            }
            tx.commit().await?;
            Ok(Some(account_id))
        }.await);
        match created {
            Ok(Some(account_id)) => Ok(self
                .account(account_id)
                .await?
                .map_or(Registration::LoginTaken, Registration::Created)),
            Ok(None) => Ok(Registration::InvitationInvalid),
            Err(error) if is_unique_violation(&error) => Ok(Registration::LoginTaken),
            Err(error) => Err(error.into()),
        }
    }

    /// Replaces an account's password hash and bumps its session version (ending its other
    /// sessions); returns the new version.
    pub async fn set_password_hash(
        &self,
        account_id: i64,
        hash: &str,
    ) -> Result<i64, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(
            "update account set password_hash = $1, session_version = session_version + 1 \
             where account_id = $2 returning session_version",
        )
        .bind(hash)
        .bind(account_id)
        .fetch_one(pool)
        .await?))
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
