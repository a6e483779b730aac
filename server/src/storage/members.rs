//! Who belongs where: admins attach crew and supplier accounts to productions and suppliers,
//! members invite others by single-use links, and every such change is written to the audit
//! log in the same transaction. Also an account's own data: export and deletion.

use app::models::{AuditEntry, InvitationView, Org, OrgKind, OrgRef, OrgSummary};
use domain::account::Role;
use serde::Serialize;
use time::Date;

use super::accounts::{ACCOUNT_ORG_SELECT, Account, AccountOrgRow, is_unique_violation};
use super::{Begin, StorageError, Store, on_db};

/// Marks an unused, unexpired invitation as used by `account_id` and returns its organisation,
/// or `None` when there is no such invitation. Atomic: two accounts racing for one link cannot
/// both get it.
macro_rules! redeem_invitation {
    ($tx:expr, $token_hash:expr, $account_id:expr, $now:expr) => {
        async {
            let row: Option<(Option<i64>, Option<i64>)> = sqlx::query_as(
                "update invitation set used_by = $1, used_at = $2 \
                 where token_hash = $3 and used_by is null and expires_at > $2 \
                 returning production_id, supplier_id",
            )
            .bind($account_id)
            .bind($now)
            .bind($token_hash)
            .fetch_optional(&mut *$tx)
            .await?;
            Ok::<_, sqlx::Error>(row.and_then(|(production, supplier)| {
                match (production, supplier) {
                    (Some(id), _) => Some(OrgRef { kind: OrgKind::Production, id }),
                    (None, Some(id)) => Some(OrgRef { kind: OrgKind::Supplier, id }),
                    (None, None) => None,
                }
            }))
        }
        .await
    };
}
pub(super) use redeem_invitation;

/// Sets (or with `None` clears) the organisation of `account_id`.
macro_rules! set_org {
    ($tx:expr, $account_id:expr, $org:expr) => {
        async {
            let org: Option<OrgRef> = $org;
            let production = org.filter(|o| o.kind == OrgKind::Production).map(|o| o.id);
            let supplier = org.filter(|o| o.kind == OrgKind::Supplier).map(|o| o.id);
            sqlx::query(
                "update account set production_id = $1, supplier_id = $2 where account_id = $3",
            )
            .bind(production)
            .bind(supplier)
            .bind($account_id)
            .execute(&mut *$tx)
            .await
            .map(|done| done.rows_affected() == 1)
        }
        .await
    };
}
pub(super) use set_org;

/// Appends a line to the audit log.
macro_rules! audit {
    ($tx:expr, $by:expr, $action:expr, $detail:expr, $now:expr) => {
        sqlx::query(
            "insert into audit_log (account_id, action, detail, created_at) values ($1, $2, $3, $4)",
        )
        .bind($by)
        .bind($action)
        .bind($detail)
        .bind($now)
        .execute(&mut *$tx)
        .await
    };
}
pub(super) use audit;

/// Which accounts the admin's list shows.
#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    /// Part of the login or display name.
    pub text: String,
    pub role: Option<Role>,
    /// Only crew and supplier accounts that belong to nothing yet.
    pub unattached: bool,
}

/// Outcome of attaching an account to an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attach {
    Done,
    NoSuchAccount,
    NoSuchOrg,
    /// Crew accounts join productions, supplier accounts join suppliers; nothing else joins.
    WrongRole,
}

/// Outcome of redeeming an invitation with an existing account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    Joined(OrgRef),
    /// Unknown, used or expired.
    Invalid,
    /// The account's role cannot join this kind of organisation.
    WrongRole,
    /// The account already belongs to an organisation.
    AlreadyMember,
}

/// A new production, as an admin enters it.
#[derive(Debug, Clone)]
pub struct NewProduction {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub company_zh: String,
    pub company_en: String,
}

/// What deleting an account did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    NoSuchAccount,
    /// Gone; `look_key` names the actor's look photo files for the caller to remove.
    Done {
        look_key: Option<String>,
    },
}

/// Everything Backlot holds about an account, for its owner to download.
#[derive(Debug, Clone, Serialize)]
pub struct AccountExport {
    pub login: String,
    pub display_name: String,
    pub role: Role,
    /// Unix seconds.
    pub created_at: i64,
    pub organisation: Option<Org>,
    pub actor_profile: Option<ActorExport>,
    /// The actor's applications to casting calls, oldest first.
    pub applications: Vec<ApplicationExport>,
    pub audit_log: Vec<AuditEntry>,
}

/// One application to a casting call, as stored.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ApplicationExport {
    pub casting_call_id: i64,
    pub role_zh: String,
    pub role_en: String,
    pub production_zh: String,
    pub status: String,
    pub released_reason: Option<String>,
    /// Unix seconds.
    pub applied_at: i64,
    pub updated_at: i64,
}

/// An actor's profile as stored.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ActorExport {
    #[serde(skip)]
    pub actor_id: i64,
    pub name: String,
    pub gender: String,
    #[serde(serialize_with = "iso_date")]
    pub birth_date: Date,
    pub height_cm: i64,
    pub weight_kg: i64,
    pub phone: Option<String>,
    pub discoverable: bool,
    #[sqlx(skip)]
    pub skills: Vec<String>,
    /// The current look photo: the day it was taken and where its file is downloaded.
    #[sqlx(skip)]
    pub look: Option<LookExport>,
}

/// An actor's look photo in the data download.
#[derive(Debug, Clone, Serialize)]
pub struct LookExport {
    #[serde(serialize_with = "iso_date")]
    pub taken_on: Date,
    /// Unix seconds.
    pub uploaded_at: i64,
    /// The full-size file, at this site.
    pub file: String,
}

/// Writes a date as `YYYY-MM-DD`, readable in the downloaded file.
fn iso_date<S: serde::Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

#[derive(Debug, sqlx::FromRow)]
struct OrgSummaryRow {
    id: i64,
    code: String,
    name_zh: String,
    name_en: String,
    detail_zh: String,
    detail_en: String,
    verified: bool,
    members: i64,
}

impl OrgSummaryRow {
    fn into_summary(self, kind: OrgKind) -> OrgSummary {
        OrgSummary {
            org: Org { kind, id: self.id, name_zh: self.name_zh, name_en: self.name_en },
            code: self.code,
            detail_zh: self.detail_zh,
            detail_en: self.detail_en,
            verified: self.verified,
            members: self.members,
        }
    }
}

#[derive(Debug, sqlx::FromRow)]
struct AuditRow {
    created_at: i64,
    by_name: Option<String>,
    action: String,
    detail: String,
}

impl From<AuditRow> for AuditEntry {
    fn from(row: AuditRow) -> AuditEntry {
        AuditEntry { at: row.created_at, by: row.by_name, action: row.action, detail: row.detail }
    }
}

/// Escapes `%`, `_` and `\` for a `like … escape '\'` pattern.
fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl Store {
    /// Accounts matching `filter`, newest first, at most `limit`, and how many match in all.
    pub async fn list_accounts(
        &self,
        filter: &AccountFilter,
        limit: i64,
    ) -> Result<(Vec<Account>, i64), StorageError> {
        let condition = "where (lower(a.login) like $1 escape '\\' \
             or lower(a.display_name) like $1 escape '\\') \
             and ($2 = '' or a.role = $2) \
             and (not $3 or (a.role in ('crew', 'supplier') \
                  and a.production_id is null and a.supplier_id is null))";
        let list = format!("{ACCOUNT_ORG_SELECT} {condition} order by a.account_id desc limit $4");
        let count = format!("select count(*) from account a {condition}");
        let pattern = like_pattern(filter.text.trim());
        let role = filter.role.map_or("", Role::code);
        let (rows, matching) = on_db!(self.db(), pool => {
            let rows: Vec<AccountOrgRow> = sqlx::query_as(&list)
                .bind(&pattern)
                .bind(role)
                .bind(filter.unattached)
                .bind(limit)
                .fetch_all(pool)
                .await?;
            let matching: i64 = sqlx::query_scalar(&count)
                .bind(&pattern)
                .bind(role)
                .bind(filter.unattached)
                .fetch_one(pool)
                .await?;
            (rows, matching)
        });
        let accounts = rows.into_iter().map(Account::try_from).collect::<Result<_, _>>()?;
        Ok((accounts, matching))
    }

    /// Every production and every supplier, with member counts, by name.
    pub async fn organisations(&self) -> Result<(Vec<OrgSummary>, Vec<OrgSummary>), StorageError> {
        let (productions, suppliers) = on_db!(self.db(), pool => {
            let productions: Vec<OrgSummaryRow> = sqlx::query_as(
                "select p.production_id as id, p.code, p.name_zh, p.name_en, \
                 p.company_zh as detail_zh, p.company_en as detail_en, p.verified, \
                 (select count(*) from account a where a.production_id = p.production_id) as members \
                 from production p order by p.code",
            )
            .fetch_all(pool)
            .await?;
            let suppliers: Vec<OrgSummaryRow> = sqlx::query_as(
                "select s.supplier_id as id, s.code, s.name_zh, s.name_en, \
                 s.site_zh as detail_zh, s.site_en as detail_en, true as verified, \
                 (select count(*) from account a where a.supplier_id = s.supplier_id) as members \
                 from supplier s order by s.code",
            )
            .fetch_all(pool)
            .await?;
            (productions, suppliers)
        });
        Ok((
            productions.into_iter().map(|r| r.into_summary(OrgKind::Production)).collect(),
            suppliers.into_iter().map(|r| r.into_summary(OrgKind::Supplier)).collect(),
        ))
    }

    /// The newest `limit` audit log lines.
    pub async fn audit_entries(&self, limit: i64) -> Result<Vec<AuditEntry>, StorageError> {
        let rows: Vec<AuditRow> = on_db!(self.db(), pool => sqlx::query_as(
            "select l.created_at, a.display_name as by_name, l.action, l.detail \
             from audit_log l left join account a on a.account_id = l.account_id \
             order by l.audit_log_id desc limit $1",
        )
        .bind(limit)
        .fetch_all(pool)
        .await?);
        Ok(rows.into_iter().map(AuditEntry::from).collect())
    }

    /// Attaches `account_id` to `org` (replacing any earlier organisation), as `admin_id`.
    pub async fn attach(
        &self,
        admin_id: i64,
        account_id: i64,
        org: OrgRef,
        now: i64,
    ) -> Result<Attach, StorageError> {
        let Some(account) = self.account(account_id).await? else {
            return Ok(Attach::NoSuchAccount);
        };
        if OrgKind::for_role(account.role) != Some(org.kind) {
            return Ok(Attach::WrongRole);
        }
        let detail = format!("{} ({}) → {}", account.login, account.account_id, org.code());
        let outcome = on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            let found = set_org!(tx, account_id, Some(org))?;
            if !found {
                return Ok::<_, sqlx::Error>(Attach::NoSuchAccount);
            }
            audit!(tx, admin_id, "account.attach", &detail, now)?;
            tx.commit().await?;
            Ok(Attach::Done)
        }.await);
        match outcome {
            Err(sqlx::Error::Database(db)) if db.is_foreign_key_violation() => {
                Ok(Attach::NoSuchOrg)
            }
            other => Ok(other?),
        }
    }

    /// Detaches `account_id` from its organisation, as `admin_id`; `false` if no such account.
    pub async fn detach(
        &self,
        admin_id: i64,
        account_id: i64,
        now: i64,
    ) -> Result<bool, StorageError> {
        let Some(account) = self.account(account_id).await? else {
            return Ok(false);
        };
        let from = account.org.map_or_else(|| "-".to_string(), |o| o.reference().code());
        let detail = format!("{} ({}) ← {from}", account.login, account.account_id);
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let found = set_org!(tx, account_id, None)?;
            if found {
                audit!(tx, admin_id, "account.detach", &detail, now)?;
                tx.commit().await?;
            }
            found
        }))
    }

    /// Marks a production verified (or not), as `admin_id`; `false` if no such production.
    pub async fn set_production_verified(
        &self,
        admin_id: i64,
        production_id: i64,
        verified: bool,
        now: i64,
    ) -> Result<bool, StorageError> {
        let action = if verified { "production.verify" } else { "production.unverify" };
        let detail = format!("production:{production_id}");
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let changed = sqlx::query("update production set verified = $1 where production_id = $2")
                .bind(verified)
                .bind(production_id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
            if changed {
                audit!(tx, admin_id, action, &detail, now)?;
                tx.commit().await?;
            }
            changed
        }))
    }

    /// Creates an unverified production, as `admin_id`; `None` if its code is taken.
    pub async fn create_production(
        &self,
        admin_id: i64,
        new: &NewProduction,
        now: i64,
    ) -> Result<Option<i64>, StorageError> {
        let created: Result<i64, sqlx::Error> = on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            let id: i64 = sqlx::query_scalar(
                "insert into production (code, name_zh, name_en, company_zh, company_en, verified) \
                 values ($1, $2, $3, $4, $5, false) returning production_id",
            )
            .bind(&new.code)
            .bind(&new.name_zh)
            .bind(&new.name_en)
            .bind(&new.company_zh)
            .bind(&new.company_en)
            .fetch_one(&mut *tx)
            .await?;
            let detail = format!("production:{id} {} {} / {}", new.code, new.name_zh, new.name_en);
            audit!(tx, admin_id, "production.create", &detail, now)?;
            tx.commit().await?;
            Ok(id)
        }.await);
        match created {
            Ok(id) => Ok(Some(id)),
            Err(error) if is_unique_violation(&error) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// The organisation `org` with its names, if it exists.
    pub async fn organisation(&self, org: OrgRef) -> Result<Option<Org>, StorageError> {
        let sql = match org.kind {
            OrgKind::Production => {
                "select name_zh, name_en from production where production_id = $1"
            }
            OrgKind::Supplier => "select name_zh, name_en from supplier where supplier_id = $1",
        };
        let row: Option<(String, String)> = on_db!(self.db(), pool => sqlx::query_as(sql)
            .bind(org.id)
            .fetch_optional(pool)
            .await?);
        Ok(row.map(|(name_zh, name_en)| Org { kind: org.kind, id: org.id, name_zh, name_en }))
    }

    /// Stores a new invitation to `org` made by `by`.
    pub async fn create_invitation(
        &self,
        by: i64,
        org: OrgRef,
        token_hash: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StorageError> {
        let production = (org.kind == OrgKind::Production).then_some(org.id);
        let supplier = (org.kind == OrgKind::Supplier).then_some(org.id);
        let detail = org.code();
        on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            sqlx::query(
                "insert into invitation (token_hash, production_id, supplier_id, created_by, \
                 created_at, expires_at) values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(token_hash)
            .bind(production)
            .bind(supplier)
            .bind(by)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
            audit!(tx, by, "invitation.create", &detail, now)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The invitation with this token hash, if it is unused and unexpired at `now`.
    pub async fn invitation(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<InvitationView>, StorageError> {
        let row: Option<(Option<i64>, Option<i64>, i64)> = on_db!(self.db(), pool => sqlx::query_as(
            "select production_id, supplier_id, expires_at from invitation \
             where token_hash = $1 and used_by is null and expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(pool)
        .await?);
        let Some((production, supplier, expires_at)) = row else { return Ok(None) };
        let reference = match (production, supplier) {
            (Some(id), _) => OrgRef { kind: OrgKind::Production, id },
            (None, Some(id)) => OrgRef { kind: OrgKind::Supplier, id },
            (None, None) => return Ok(None),
        };
        Ok(self.organisation(reference).await?.map(|org| InvitationView { org, expires_at }))
    }

    /// Redeems an invitation for an existing account, which must have the organisation's
    /// member role and belong to nothing yet.
    pub async fn accept_invitation(
        &self,
        account_id: i64,
        token_hash: &str,
        now: i64,
    ) -> Result<Accept, StorageError> {
        let Some(account) = self.account(account_id).await? else { return Ok(Accept::Invalid) };
        if account.org.is_some() {
            return Ok(Accept::AlreadyMember);
        }
        let Some(view) = self.invitation(token_hash, now).await? else {
            return Ok(Accept::Invalid);
        };
        if view.org.kind.member_role() != account.role {
            return Ok(Accept::WrongRole);
        }
        Ok(on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            let Some(org) = redeem_invitation!(tx, token_hash, account_id, now)? else {
                return Ok::<_, sqlx::Error>(Accept::Invalid);
            };
            // Joins only if still unattached (a concurrent admin attach wins).
            let joined = sqlx::query(
                "update account set production_id = $1, supplier_id = $2 \
                 where account_id = $3 and production_id is null and supplier_id is null",
            )
            .bind((org.kind == OrgKind::Production).then_some(org.id))
            .bind((org.kind == OrgKind::Supplier).then_some(org.id))
            .bind(account_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if !joined {
                return Ok(Accept::AlreadyMember);
            }
            let detail = format!("{} ({account_id}) joined {} by invitation", account.login, org.code());
            audit!(tx, account_id, "invitation.accept", &detail, now)?;
            tx.commit().await?;
            Ok(Accept::Joined(org))
        }.await?))
    }

    /// Deletes an account and, for an actor, their profile (name, birth date, measurements,
    /// phone, skills). Records that referred to them (audit lines, invitations, and later
    /// applications and bookings) keep their other fields with the link cleared. `false` if
    /// there was no such account.
    pub async fn delete_account(&self, account_id: i64, now: i64) -> Result<Deleted, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let actor: Option<Option<i64>> =
                sqlx::query_scalar("delete from account where account_id = $1 returning actor_id")
                    .bind(account_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            match actor {
                None => Deleted::NoSuchAccount,
                Some(actor) => {
                    let mut look_key = None;
                    if let Some(actor_id) = actor {
                        look_key = sqlx::query_scalar(
                            "delete from actor_look where actor_id = $1 returning file_key",
                        )
                        .bind(actor_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                        sqlx::query("delete from actor where actor_id = $1")
                            .bind(actor_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let detail = format!("account {account_id} deleted by its owner");
                    audit!(tx, None::<i64>, "account.delete", &detail, now)?;
                    tx.commit().await?;
                    Deleted::Done { look_key }
                }
            }
        }))
    }

    /// Everything stored about `account_id`, for its owner.
    pub async fn export_account(
        &self,
        account_id: i64,
    ) -> Result<Option<AccountExport>, StorageError> {
        let Some(account) = self.account(account_id).await? else { return Ok(None) };
        let (actor, skills, applications, audit) = on_db!(self.db(), pool => {
            let actor: Option<ActorExport> = sqlx::query_as(
                "select r.actor_id, r.name, r.gender, r.birth_date, r.height_cm, r.weight_kg, \
                 r.phone, r.discoverable from actor r \
                 join account a on a.actor_id = r.actor_id where a.account_id = $1",
            )
            .bind(account_id)
            .fetch_optional(pool)
            .await?;
            let skills: Vec<String> = sqlx::query_scalar(
                "select s.skill from actor_skill s join account a on a.actor_id = s.actor_id \
                 where a.account_id = $1 order by s.skill",
            )
            .bind(account_id)
            .fetch_all(pool)
            .await?;
            let applications: Vec<ApplicationExport> = sqlx::query_as(
                "select c.casting_call_id, c.role_zh, c.role_en, p.name_zh as production_zh, \
                 x.status, x.released_reason, x.applied_at, x.updated_at from application x \
                 join account a on a.actor_id = x.actor_id \
                 join casting_call c on c.casting_call_id = x.casting_call_id \
                 join production p on p.production_id = c.production_id \
                 where a.account_id = $1 order by x.applied_at, x.application_id",
            )
            .bind(account_id)
            .fetch_all(pool)
            .await?;
            let audit: Vec<AuditRow> = sqlx::query_as(
                "select l.created_at, a.display_name as by_name, l.action, l.detail \
                 from audit_log l join account a on a.account_id = l.account_id \
                 where l.account_id = $1 order by l.audit_log_id",
            )
            .bind(account_id)
            .fetch_all(pool)
            .await?;
            (actor, skills, applications, audit)
        });
        Ok(Some(AccountExport {
            login: account.login,
            display_name: account.display_name,
            role: account.role,
            created_at: account.created_at,
            organisation: account.org,
            actor_profile: match actor {
                None => None,
                Some(actor) => {
                    let look = self.looks_of(&[actor.actor_id]).await?.remove(&actor.actor_id).map(
                        |row| LookExport {
                            taken_on: row.taken_on,
                            uploaded_at: row.uploaded_at,
                            file: format!("/media/looks/{}-large.jpg", row.file_key),
                        },
                    );
                    Some(ActorExport { skills, look, ..actor })
                }
            },
            applications,
            audit_log: audit.into_iter().map(AuditEntry::from).collect(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_pattern("Lin"), "%lin%");
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
