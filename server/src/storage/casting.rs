//! Casting calls and applications.
//!
//! A decision on an application runs in one write transaction that first locks the call
//! (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: `for update` on the call's row), so two crew members
//! booking the last place at once are served one after the other and the second is refused:
//! a call never has more actors booked than it needs.

use std::collections::HashMap;

use app::models::{CallCard, PlaceOption};
use domain::casting::{
    ActorFacts, ActorFilter, ApplicationStatus, CallDraft, Decision, ProfileChange, ReleaseReason,
    latest_birth_for_age,
};
use domain::vocab::{Gender, Skill};
use domain::wages::overdue_before;
use time::Date;

use super::accounts::is_unique_violation;
use super::rows::{CallRow, CodeRow, code, group_codes};
use super::{Begin, Db, StorageError, Store, on_db};

/// The columns and joins every call query starts from (`c` is the call).
const CALL_SELECT: &str = "select c.casting_call_id, p.name_zh as production_zh, \
     p.name_en as production_en, p.verified, c.role_zh, c.role_en, \
     c.description_zh, c.description_en, l.slug as location_slug, \
     l.name_zh as location_zh, l.name_en as location_en, c.starts_on, c.ends_on, \
     c.deadline, c.pay_per_day_fen, c.gender, c.age_min, c.age_max, \
     c.height_min_cm, c.height_max_cm, c.weight_min_kg, c.weight_max_kg, c.needed, \
     (select count(*) from application b where b.casting_call_id = c.casting_call_id \
      and b.status = 'booked') as booked, \
     c.production_id, c.status \
     from casting_call c \
     join production p on p.production_id = c.production_id \
     join location l on l.location_id = c.location_id";

/// A call with what the server needs beyond its card.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCall {
    pub card: CallCard,
    pub production_id: i64,
    /// Still taking applications: open and its deadline not passed.
    pub open: bool,
    /// Cancelled by its crew (everyone who applied was released).
    pub cancelled: bool,
}

/// A discoverable actor found in the pool, as crews see them (no phone, no birth date).
#[derive(Debug, Clone, PartialEq)]
pub struct PoolRow {
    pub actor_id: i64,
    pub name: String,
    pub facts: ActorFacts,
}

/// One page of the actor pool with counts over every match.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PoolPage {
    pub total: i64,
    pub by_gender: Vec<(Gender, i64)>,
    pub by_skill: Vec<(Skill, i64)>,
    pub actors: Vec<PoolRow>,
}

/// Outcome of posting or editing a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Done(i64),
    /// No location has the draft's slug.
    NoSuchPlace,
    /// The call is closed or cancelled: it can no longer change.
    NotOpen,
    /// Fewer places than are booked already.
    BelowBooked {
        booked: i64,
    },
    NoSuchCall,
}

/// An application as its actor sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkRow {
    pub application_id: i64,
    pub call: StoredCall,
    pub status: ApplicationStatus,
    pub reason: Option<ReleaseReason>,
    pub applied_at: i64,
}

/// An applicant as the call's crew sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicantRow {
    pub application_id: i64,
    pub actor_id: i64,
    pub name: String,
    pub facts: ActorFacts,
    pub phone: Option<String>,
    pub status: ApplicationStatus,
    pub reason: Option<ReleaseReason>,
    pub applied_at: i64,
}

/// Outcome of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Done(i64),
    /// The actor applied to this call before; nothing changed.
    Already,
    /// The call is closed or past its deadline.
    Closed,
    NoSuchCall,
}

/// Outcome of a crew's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// The application's new status; `filled` when this booking took the last place and the
    /// remaining applicants were released.
    Done {
        status: ApplicationStatus,
        filled: bool,
    },
    /// Every place is booked already.
    Full {
        needed: i64,
    },
    /// The application is booked or released already.
    NotAllowed(ApplicationStatus),
    NotFound,
}

#[derive(Debug, sqlx::FromRow)]
struct StoredCallRow {
    #[sqlx(flatten)]
    card: CallRow,
    booked: i64,
    production_id: i64,
    status: String,
}

impl StoredCallRow {
    fn into_call(self, skills: Vec<Skill>, today: Date) -> Result<StoredCall, StorageError> {
        let open = self.status == "open" && self.card.deadline >= today;
        let cancelled = self.status == "cancelled";
        let card = self.card.into_card(skills, self.booked)?;
        Ok(StoredCall { card, production_id: self.production_id, open, cancelled })
    }
}

#[derive(Debug, sqlx::FromRow)]
struct WorkSqlRow {
    #[sqlx(flatten)]
    call: StoredCallRow,
    application_id: i64,
    application_status: String,
    released_reason: Option<String>,
    applied_at: i64,
}

#[derive(Debug, sqlx::FromRow)]
struct ApplicantSqlRow {
    application_id: i64,
    actor_id: i64,
    name: String,
    gender: String,
    birth_date: Date,
    height_cm: i64,
    weight_kg: i64,
    phone: Option<String>,
    status: String,
    released_reason: Option<String>,
    applied_at: i64,
}

fn status_of(
    status: &str,
    reason: Option<&str>,
) -> Result<(ApplicationStatus, Option<ReleaseReason>), StorageError> {
    Ok((
        code(ApplicationStatus::parse, status, "application.status")?,
        reason.map(|r| code(ReleaseReason::parse, r, "application.released_reason")).transpose()?,
    ))
}

/// Releases the call's pending applications (applied or shortlisted) for `reason`.
const RELEASE_PENDING: &str = "update application set status = 'released', released_reason = $1, \
     updated_at = $2 where casting_call_id = $3 and status in ('applied', 'shortlisted')";

/// Binds a call's terms as `$1`–`$17` (role, description, place, days, pay, requirements,
/// places), the order both the insert and the update of a call use.
macro_rules! call_terms {
    ($query:expr, $draft:expr, $location_id:expr) => {{
        let draft: &CallDraft = $draft;
        let req = &draft.requirements;
        $query
            .bind(&draft.role_zh)
            .bind(&draft.role_en)
            .bind(&draft.description_zh)
            .bind(&draft.description_en)
            .bind($location_id)
            .bind(draft.starts_on)
            .bind(draft.ends_on)
            .bind(draft.deadline)
            .bind(draft.pay_per_day.fen())
            .bind(req.gender.map(|g| g.code()))
            .bind(req.age_range.0)
            .bind(req.age_range.1)
            .bind(req.height_range_cm.0)
            .bind(req.height_range_cm.1)
            .bind(req.weight_range_kg.0)
            .bind(req.weight_range_kg.1)
            .bind(draft.needed)
    }};
}

/// Records the skills and training a call's draft asks for, in transaction `$tx`.
macro_rules! call_skills {
    ($tx:ident, $call_id:expr, $draft:expr) => {
        for skill in &$draft.requirements.skills {
            sqlx::query("insert into casting_call_skill (casting_call_id, skill) values ($1, $2)")
                .bind($call_id)
                .bind(skill.code())
                .execute(&mut *$tx)
                .await?;
        }
        for module in &$draft.requirements.training {
            sqlx::query(
                "insert into casting_call_training (casting_call_id, module) values ($1, $2)",
            )
            .bind($call_id)
            .bind(module.code())
            .execute(&mut *$tx)
            .await?;
        }
    };
}

impl Store {
    /// Calls of verified productions: one (`call_id`) or all, and only those still taking
    /// applications on `today` when `only_open`; soonest deadline first.
    async fn calls_where(
        &self,
        call_id: Option<i64>,
        only_open: bool,
        today: Date,
        production_id: Option<i64>,
    ) -> Result<Vec<StoredCall>, StorageError> {
        let condition = "p.verified and ($1 is null or c.casting_call_id = $1) \
             and (not $3 or (c.status = 'open' and c.deadline >= $2)) \
             and ($4 is null or c.production_id = $4)";
        let sql = format!("{CALL_SELECT} where {condition} order by c.deadline, c.casting_call_id");
        let skill_sql = format!(
            "select s.casting_call_id as owner_id, s.skill as code from casting_call_skill s \
             join casting_call c on c.casting_call_id = s.casting_call_id \
             join production p on p.production_id = c.production_id \
             where {condition} order by s.casting_call_id, s.skill"
        );
        let (rows, skills) = on_db!(self.db(), pool => {
            let rows: Vec<StoredCallRow> = sqlx::query_as(&sql)
                .bind(call_id)
                .bind(today)
                .bind(only_open)
                .bind(production_id)
                .fetch_all(pool)
                .await?;
            let skills: Vec<CodeRow> = sqlx::query_as(&skill_sql)
                .bind(call_id)
                .bind(today)
                .bind(only_open)
                .bind(production_id)
                .fetch_all(pool)
                .await?;
            (rows, skills)
        });
        let mut skills = group_codes(skills, Skill::parse, "casting_call_skill.skill")?;
        let warned = self.productions_with_overdue_reports(overdue_before(today)).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.card.casting_call_id).collect();
        let mut training = self.call_training(&ids).await?;
        rows.into_iter()
            .map(|row| {
                let id = row.card.casting_call_id;
                let mut call = row.into_call(skills.remove(&id).unwrap_or_default(), today)?;
                call.card.wage_warning = warned.contains(&call.production_id);
                call.card.requirements.training = training.remove(&id).unwrap_or_default();
                Ok(call)
            })
            .collect()
    }

    /// The `casting_revision` counter (bumped by every change to what the open calls show).
    pub async fn casting_revision(&self) -> Result<i64, StorageError> {
        Ok(self.revisions().await?.casting)
    }

    /// Calls of verified productions still taking applications on `today`, soonest deadline
    /// first.
    pub async fn open_calls(&self, today: Date) -> Result<Vec<CallCard>, StorageError> {
        let calls = self.calls_where(None, true, today, None).await?;
        Ok(calls.into_iter().map(|c| c.card).collect())
    }

    /// Every call of `production_id`, open, closed or cancelled, latest first shooting day
    /// first.
    pub async fn production_calls(
        &self,
        production_id: i64,
        today: Date,
    ) -> Result<Vec<StoredCall>, StorageError> {
        let mut calls = self.calls_where(None, false, today, Some(production_id)).await?;
        calls.sort_by_key(|c| (std::cmp::Reverse(c.card.starts_on), c.card.call_id));
        Ok(calls)
    }

    /// For each of `call_ids` with applications: `(waiting for a decision, all)`.
    pub async fn application_counts(
        &self,
        call_ids: &[i64],
    ) -> Result<HashMap<i64, (i64, i64)>, StorageError> {
        if call_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let list = call_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "select casting_call_id, \
             sum(case when status in ('applied', 'shortlisted') then 1 else 0 end), count(*) \
             from application where casting_call_id in ({list}) group by casting_call_id"
        );
        let rows: Vec<(i64, i64, i64)> =
            on_db!(self.db(), pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        Ok(rows.into_iter().map(|(id, pending, all)| (id, (pending, all))).collect())
    }

    /// One call, open or not, if it exists and its production is verified.
    pub async fn call(
        &self,
        call_id: i64,
        today: Date,
    ) -> Result<Option<StoredCall>, StorageError> {
        Ok(self.calls_where(Some(call_id), false, today, None).await?.into_iter().next())
    }

    /// The actor profile of an account, if it has one.
    pub async fn actor_of(&self, account_id: i64) -> Result<Option<i64>, StorageError> {
        let id: Option<Option<i64>> = on_db!(self.db(), pool => sqlx::query_scalar(
            "select actor_id from account where account_id = $1",
        )
        .bind(account_id)
        .fetch_optional(pool)
        .await?);
        Ok(id.flatten())
    }

    /// What calls ask about an actor.
    pub async fn actor_facts(&self, actor_id: i64) -> Result<Option<ActorFacts>, StorageError> {
        let (row, skills) = on_db!(self.db(), pool => {
            let row: Option<(String, Date, i64, i64)> = sqlx::query_as(
                "select gender, birth_date, height_cm, weight_kg from actor where actor_id = $1",
            )
            .bind(actor_id)
            .fetch_optional(pool)
            .await?;
            let skills: Vec<String> = sqlx::query_scalar(
                "select skill from actor_skill where actor_id = $1 order by skill",
            )
            .bind(actor_id)
            .fetch_all(pool)
            .await?;
            (row, skills)
        });
        let Some((gender, birth_date, height_cm, weight_kg)) = row else {
            return Ok(None);
        };
        let training = self.training_of(&[actor_id]).await?.remove(&actor_id).unwrap_or_default();
        Ok(Some(ActorFacts {
            gender: code(Gender::parse, &gender, "actor.gender")?,
            birth_date,
            height_cm,
            weight_kg,
            skills: skills
                .iter()
                .map(|s| code(Skill::parse, s, "actor_skill.skill"))
                .collect::<Result<_, _>>()?,
            training,
        }))
    }

    /// Where `actor_id`'s application to `call_id` stands, if there is one.
    pub async fn application_status(
        &self,
        call_id: i64,
        actor_id: i64,
    ) -> Result<Option<(ApplicationStatus, Option<ReleaseReason>)>, StorageError> {
        let row: Option<(String, Option<String>)> = on_db!(self.db(), pool => sqlx::query_as(
            "select status, released_reason from application \
             where casting_call_id = $1 and actor_id = $2",
        )
        .bind(call_id)
        .bind(actor_id)
        .fetch_optional(pool)
        .await?);
        row.map(|(s, r)| status_of(&s, r.as_deref())).transpose()
    }

    /// Records `actor_id`'s application to `call_id` if the call is still open on `today`; one
    /// application per actor per call (the database's unique key decides between racing taps).
    pub async fn apply(
        &self,
        call_id: i64,
        actor_id: i64,
        today: Date,
        now: i64,
    ) -> Result<Applied, StorageError> {
        let outcome: Result<Applied, sqlx::Error> = on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            let open: Option<bool> = sqlx::query_scalar(
                "select c.status = 'open' and c.deadline >= $2 and p.verified from casting_call c \
                 join production p on p.production_id = c.production_id \
                 where c.casting_call_id = $1",
            )
            .bind(call_id)
            .bind(today)
            .fetch_optional(&mut *tx)
            .await?;
            match open {
                None => return Ok(Applied::NoSuchCall),
                Some(false) => return Ok(Applied::Closed),
                Some(true) => {}
            }
            let id: i64 = sqlx::query_scalar(
                "insert into application (casting_call_id, actor_id, status, applied_at, \
                 updated_at) values ($1, $2, 'applied', $3, $3) returning application_id",
            )
            .bind(call_id)
            .bind(actor_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Applied::Done(id))
        }.await);
        match outcome {
            Err(error) if is_unique_violation(&error) => Ok(Applied::Already),
            other => Ok(other?),
        }
    }

    /// `actor_id`'s applications, newest first, with their calls.
    pub async fn actor_work(
        &self,
        actor_id: i64,
        today: Date,
    ) -> Result<Vec<WorkRow>, StorageError> {
        let sql = format!(
            "{} join application a on a.casting_call_id = c.casting_call_id \
             where a.actor_id = $1 order by a.applied_at desc, a.application_id desc",
            CALL_SELECT.replacen(
                " from casting_call c",
                ", a.application_id, a.status as application_status, a.released_reason, \
                 a.applied_at from casting_call c",
                1,
            )
        );
        let (rows, skills) = on_db!(self.db(), pool => {
            let rows: Vec<WorkSqlRow> = sqlx::query_as(&sql).bind(actor_id).fetch_all(pool).await?;
            let skills: Vec<CodeRow> = sqlx::query_as(
                "select s.casting_call_id as owner_id, s.skill as code from casting_call_skill s \
                 join application a on a.casting_call_id = s.casting_call_id \
                 where a.actor_id = $1 order by s.casting_call_id, s.skill",
            )
            .bind(actor_id)
            .fetch_all(pool)
            .await?;
            (rows, skills)
        });
        // One application per call: each call's skills are taken once.
        let mut skills = group_codes(skills, Skill::parse, "casting_call_skill.skill")?;
        let warned = self.productions_with_overdue_reports(overdue_before(today)).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.call.card.casting_call_id).collect();
        let mut training = self.call_training(&ids).await?;
        rows.into_iter()
            .map(|row| {
                let id = row.call.card.casting_call_id;
                let (status, reason) =
                    status_of(&row.application_status, row.released_reason.as_deref())?;
                let mut call = row.call.into_call(skills.remove(&id).unwrap_or_default(), today)?;
                call.card.wage_warning = warned.contains(&call.production_id);
                call.card.requirements.training = training.remove(&id).unwrap_or_default();
                Ok(WorkRow {
                    application_id: row.application_id,
                    call,
                    status,
                    reason,
                    applied_at: row.applied_at,
                })
            })
            .collect()
    }

    /// Everyone who applied to `call_id`, in order of application.
    pub async fn applicants(&self, call_id: i64) -> Result<Vec<ApplicantRow>, StorageError> {
        let (rows, skills) = on_db!(self.db(), pool => {
            let rows: Vec<ApplicantSqlRow> = sqlx::query_as(
                "select a.application_id, x.actor_id, x.name, x.gender, x.birth_date, x.height_cm, \
                 x.weight_kg, x.phone, a.status, a.released_reason, a.applied_at \
                 from application a join actor x on x.actor_id = a.actor_id \
                 where a.casting_call_id = $1 order by a.applied_at, a.application_id",
            )
            .bind(call_id)
            .fetch_all(pool)
            .await?;
            let skills: Vec<CodeRow> = sqlx::query_as(
                "select s.actor_id as owner_id, s.skill as code from actor_skill s \
                 join application a on a.actor_id = s.actor_id \
                 where a.casting_call_id = $1 order by s.actor_id, s.skill",
            )
            .bind(call_id)
            .fetch_all(pool)
            .await?;
            (rows, skills)
        });
        let mut skills: HashMap<i64, Vec<Skill>> =
            group_codes(skills, Skill::parse, "actor_skill.skill")?;
        let ids: Vec<i64> = rows.iter().map(|r| r.actor_id).collect();
        let mut training = self.training_of(&ids).await?;
        rows.into_iter()
            .map(|row| {
                let (status, reason) = status_of(&row.status, row.released_reason.as_deref())?;
                Ok(ApplicantRow {
                    application_id: row.application_id,
                    actor_id: row.actor_id,
                    name: row.name,
                    facts: ActorFacts {
                        gender: code(Gender::parse, &row.gender, "actor.gender")?,
                        birth_date: row.birth_date,
                        height_cm: row.height_cm,
                        weight_kg: row.weight_kg,
                        skills: skills.remove(&row.actor_id).unwrap_or_default(),
                        training: training.remove(&row.actor_id).unwrap_or_default(),
                    },
                    phone: row.phone,
                    status,
                    reason,
                    applied_at: row.applied_at,
                })
            })
            .collect()
    }

    /// Shortlists, books or releases application `application_id` of `call_id`. A booking
    /// beyond the call's `needed` is refused; the booking that takes the last place releases
    /// everyone still waiting (`filled`).
    pub async fn decide(
        &self,
        call_id: i64,
        application_id: i64,
        decision: Decision,
        now: i64,
    ) -> Result<Decided, StorageError> {
        let postgres = matches!(self.db(), Db::Postgres(_));
        let lock = if postgres {
            "select needed from casting_call where casting_call_id = $1 for update"
        } else {
            "select needed from casting_call where casting_call_id = $1"
        };
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let Some(needed): Option<i64> =
                sqlx::query_scalar(lock).bind(call_id).fetch_optional(&mut *tx).await?
            else {
                return Ok(Decided::NotFound);
            };
            let current: Option<String> = sqlx::query_scalar(
                "select status from application where application_id = $1 and casting_call_id = $2",
            )
            .bind(application_id)
            .bind(call_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(current) = current else {
                return Ok(Decided::NotFound);
            };
            let current = code(ApplicationStatus::parse, &current, "application.status")?;
            if !decision.allowed_from(current) {
                return Ok(Decided::NotAllowed(current));
            }
            let (status, reason, filled) = match decision {
                Decision::Shortlist => (ApplicationStatus::Shortlisted, None, false),
                Decision::Release => {
                    (ApplicationStatus::Released, Some(ReleaseReason::NotPicked), false)
                }
                Decision::Book => {
                    let booked: i64 = sqlx::query_scalar(
                        "select count(*) from application \
                         where casting_call_id = $1 and status = 'booked'",
                    )
                    .bind(call_id)
                    .fetch_one(&mut *tx)
                    .await?;
                    if booked >= needed {
                        return Ok(Decided::Full { needed });
                    }
                    (ApplicationStatus::Booked, None, booked + 1 == needed)
                }
            };
            sqlx::query(
                "update application set status = $1, released_reason = $2, updated_at = $3 \
                 where application_id = $4",
            )
            .bind(status.code())
            .bind(reason.map(ReleaseReason::code))
            .bind(now)
            .bind(application_id)
            .execute(&mut *tx)
            .await?;
            if filled {
                sqlx::query(RELEASE_PENDING)
                    .bind(ReleaseReason::Filled.code())
                    .bind(now)
                    .bind(call_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Decided::Done { status, filled }
        }))
    }

    /// Closes `call_id` to applications and releases everyone still waiting (`closed`);
    /// `false` when it was not open.
    pub async fn close_call(&self, call_id: i64, now: i64) -> Result<bool, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let closed = sqlx::query(
                "update casting_call set status = 'closed' \
                 where casting_call_id = $1 and status = 'open'",
            )
            .bind(call_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if closed {
                sqlx::query(RELEASE_PENDING)
                    .bind(ReleaseReason::Closed.code())
                    .bind(now)
                    .bind(call_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            closed
        }))
    }
    /// Posts a call for `production_id` (its skills with it); `NoSuchPlace` for an unknown
    /// location.
    pub async fn create_call(
        &self,
        production_id: i64,
        draft: &CallDraft,
    ) -> Result<Saved, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let Some(location_id): Option<i64> =
                sqlx::query_scalar("select location_id from location where slug = $1")
                    .bind(&draft.location)
                    .fetch_optional(&mut *tx)
                    .await?
            else {
                return Ok(Saved::NoSuchPlace);
            };
            let id: i64 = call_terms!(
                sqlx::query_scalar(
                    "insert into casting_call (role_zh, role_en, description_zh, \
                     description_en, location_id, starts_on, ends_on, deadline, pay_per_day_fen, \
                     gender, age_min, age_max, height_min_cm, height_max_cm, weight_min_kg, \
                     weight_max_kg, needed, production_id, status) values ($1, $2, $3, $4, $5, \
                     $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'open') \
                     returning casting_call_id",
                ),
                draft,
                location_id
            )
            .bind(production_id)
            .fetch_one(&mut *tx)
            .await?;
            call_skills!(tx, id, draft);
            tx.commit().await?;
            Saved::Done(id)
        }))
    }

    /// Replaces an open call's terms with `draft`. Its places may not drop below those booked;
    /// when they drop to exactly those booked, everyone still waiting is released (`filled`).
    pub async fn update_call(
        &self,
        call_id: i64,
        draft: &CallDraft,
        now: i64,
    ) -> Result<Saved, StorageError> {
        let lock = if matches!(self.db(), Db::Postgres(_)) {
            "select status from casting_call where casting_call_id = $1 for update"
        } else {
            "select status from casting_call where casting_call_id = $1"
        };
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let Some(status): Option<String> =
                sqlx::query_scalar(lock).bind(call_id).fetch_optional(&mut *tx).await?
            else {
                return Ok(Saved::NoSuchCall);
            };
            if status != "open" {
                return Ok(Saved::NotOpen);
            }
            let Some(location_id): Option<i64> =
                sqlx::query_scalar("select location_id from location where slug = $1")
                    .bind(&draft.location)
                    .fetch_optional(&mut *tx)
                    .await?
            else {
                return Ok(Saved::NoSuchPlace);
            };
            let booked: i64 = sqlx::query_scalar(
                "select count(*) from application where casting_call_id = $1 and status = 'booked'",
            )
            .bind(call_id)
            .fetch_one(&mut *tx)
            .await?;
            if draft.needed < booked {
                return Ok(Saved::BelowBooked { booked });
            }
            call_terms!(
                sqlx::query(
                    "update casting_call set role_zh = $1, role_en = $2, description_zh = $3, \
                     description_en = $4, location_id = $5, starts_on = $6, ends_on = $7, \
                     deadline = $8, pay_per_day_fen = $9, gender = $10, age_min = $11, \
                     age_max = $12, height_min_cm = $13, height_max_cm = $14, \
                     weight_min_kg = $15, weight_max_kg = $16, needed = $17 \
                     where casting_call_id = $18",
                ),
                draft,
                location_id
            )
            .bind(call_id)
            .execute(&mut *tx)
            .await?;
            for table in ["casting_call_skill", "casting_call_training"] {
                sqlx::query(&format!("delete from {table} where casting_call_id = $1"))
                    .bind(call_id)
                    .execute(&mut *tx)
                    .await?;
            }
            call_skills!(tx, call_id, draft);
            if draft.needed == booked {
                sqlx::query(RELEASE_PENDING)
                    .bind(ReleaseReason::Filled.code())
                    .bind(now)
                    .bind(call_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Saved::Done(call_id)
        }))
    }

    /// Cancels `call_id` (open or closed) and releases everyone who applied, booked actors
    /// too (`cancelled`); `false` when it was cancelled already.
    pub async fn cancel_call(&self, call_id: i64, now: i64) -> Result<bool, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let cancelled = sqlx::query(
                "update casting_call set status = 'cancelled' \
                 where casting_call_id = $1 and status <> 'cancelled'",
            )
            .bind(call_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if cancelled {
                sqlx::query(
                    "update application set status = 'released', released_reason = $1, \
                     updated_at = $2 where casting_call_id = $3 and status <> 'released'",
                )
                .bind(ReleaseReason::Cancelled.code())
                .bind(now)
                .bind(call_id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            cancelled
        }))
    }
    /// Every location a call can be set at, by slug.
    pub async fn place_options(&self) -> Result<Vec<PlaceOption>, StorageError> {
        let rows: Vec<(String, String, String)> = on_db!(self.db(), pool => sqlx::query_as(
            "select slug, name_zh, name_en from location order by name_en, slug",
        )
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|(slug, name_zh, name_en)| PlaceOption { slug, name_zh, name_en })
            .collect())
    }

    /// Where the location `slug` is (WGS-84 latitude, longitude).
    pub async fn location_point(&self, slug: &str) -> Result<Option<(f64, f64)>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_as(
            "select lat, lon from location where slug = $1",
        )
        .bind(slug)
        .fetch_optional(pool)
        .await?))
    }

    /// An actor's name and whether crews may find them in searches.
    pub async fn actor_name_and_switch(
        &self,
        actor_id: i64,
    ) -> Result<Option<(String, bool)>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_as(
            "select name, discoverable from actor where actor_id = $1",
        )
        .bind(actor_id)
        .fetch_optional(pool)
        .await?))
    }

    /// Replaces an actor's measures, skills and search switch in one transaction.
    pub async fn update_actor_profile(
        &self,
        actor_id: i64,
        change: &ProfileChange,
    ) -> Result<(), StorageError> {
        on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            sqlx::query(
                "update actor set height_cm = $1, weight_kg = $2, discoverable = $3 \
                 where actor_id = $4",
            )
            .bind(change.height_cm)
            .bind(change.weight_kg)
            .bind(change.discoverable)
            .bind(actor_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("delete from actor_skill where actor_id = $1")
                .bind(actor_id)
                .execute(&mut *tx)
                .await?;
            for skill in &change.skills {
                sqlx::query("insert into actor_skill (actor_id, skill) values ($1, $2)")
                    .bind(actor_id)
                    .bind(skill.code())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Discoverable actors passing `filter` (its status aside; ages on `today`): the counts
    /// over every match, by gender and by skill, and `limit` of them from `offset`, oldest
    /// profile first.
    pub async fn actor_pool(
        &self,
        filter: &ActorFilter,
        today: Date,
        limit: i64,
        offset: i64,
    ) -> Result<PoolPage, StorageError> {
        // Age bounds become birth-date bounds: at least `min` is born by the latest date for
        // `min`; at most `max` is born after the latest date for `max + 1`.
        let born_by = filter.age.0.map(|min| latest_birth_for_age(today, min));
        let born_after = filter.age.1.map(|max| latest_birth_for_age(today, max + 1));
        let mut condition = String::from(
            "x.discoverable and ($1 is null or x.gender = $1) \
             and ($2 is null or x.birth_date <= $2) and ($3 is null or x.birth_date > $3) \
             and ($4 is null or x.height_cm >= $4) and ($5 is null or x.height_cm <= $5) \
             and ($6 is null or x.weight_kg >= $6) and ($7 is null or x.weight_kg <= $7)",
        );
        for n in 0..filter.skills.len() {
            condition.push_str(&format!(
                " and exists (select 1 from actor_skill k where k.actor_id = x.actor_id \
                 and k.skill = ${})",
                8 + n
            ));
        }
        for n in 0..filter.training.len() {
            condition.push_str(&format!(
                " and exists (select 1 from training_pass t where t.actor_id = x.actor_id \
                 and t.module = ${})",
                8 + filter.skills.len() + n
            ));
        }
        let count_sql = format!("select count(*) from actor x where {condition}");
        let gender_sql =
            format!("select x.gender, count(*) from actor x where {condition} group by x.gender");
        let skill_sql = format!(
            "select s.skill, count(*) from actor x join actor_skill s on s.actor_id = x.actor_id \
             where {condition} group by s.skill"
        );
        let page_sql = format!(
            "select x.actor_id from actor x where {condition} \
             order by x.actor_id limit {limit} offset {offset}"
        );
        let gender = filter.gender.map(|g| g.code());
        let skills: Vec<&str> = filter.skills.iter().map(|s| s.code()).collect();
        macro_rules! bound {
            ($query:expr) => {{
                let mut q = $query
                    .bind(gender)
                    .bind(born_by)
                    .bind(born_after)
                    .bind(filter.height_cm.0)
                    .bind(filter.height_cm.1)
                    .bind(filter.weight_kg.0)
                    .bind(filter.weight_kg.1);
                for skill in &skills {
                    q = q.bind(*skill);
                }
                for module in &filter.training {
                    q = q.bind(module.code());
                }
                q
            }};
        }
        let (total, genders, skill_counts, ids) = on_db!(self.db(), pool => {
            let total: i64 = bound!(sqlx::query_scalar(&count_sql)).fetch_one(pool).await?;
            let genders: Vec<(String, i64)> =
                bound!(sqlx::query_as(&gender_sql)).fetch_all(pool).await?;
            let skill_counts: Vec<(String, i64)> =
                bound!(sqlx::query_as(&skill_sql)).fetch_all(pool).await?;
            let ids: Vec<i64> = bound!(sqlx::query_scalar(&page_sql)).fetch_all(pool).await?;
            (total, genders, skill_counts, ids)
        });
        let mut by_gender: Vec<(Gender, i64)> = genders
            .iter()
            .map(|(g, n)| Ok((code(Gender::parse, g, "actor.gender")?, *n)))
            .collect::<Result<_, StorageError>>()?;
        by_gender.sort_by_key(|(g, _)| Gender::ALL.iter().position(|x| x == g));
        let mut by_skill: Vec<(Skill, i64)> = skill_counts
            .iter()
            .map(|(s, n)| Ok((code(Skill::parse, s, "actor_skill.skill")?, *n)))
            .collect::<Result<_, StorageError>>()?;
        by_skill.sort_by_key(|(s, _)| Skill::ALL.iter().position(|x| x == s));
        let actors = self.pool_rows(&ids).await?;
        Ok(PoolPage { total, by_gender, by_skill, actors })
    }

    /// The skills of each of `actor_ids`.
    pub(super) async fn skills_of(
        &self,
        actor_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<Skill>>, StorageError> {
        if actor_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let list = actor_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "select actor_id as owner_id, skill as code from actor_skill \
             where actor_id in ({list}) order by actor_id, skill"
        );
        let rows: Vec<CodeRow> =
            on_db!(self.db(), pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        group_codes(rows, Skill::parse, "actor_skill.skill")
    }
}
