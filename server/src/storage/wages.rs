//! Attendance, pay and unpaid-wage reports for booked actors.
//!
//! Attendance is one row per application and day, written once (a second scan finds the first
//! record); marking paid and answering or resolving a report are single conditional updates,
//! so racing clicks change a row at most once. One unresolved report per application and day
//! is kept by a partial unique index.

use std::collections::{HashMap, HashSet};

use domain::Money;
use domain::casting::ApplicationStatus;
use domain::wages::WageClaim;
use time::Date;

use super::accounts::is_unique_violation;
use super::{Begin, StorageError, Store, on_db};

/// Whose booked application a pass code belongs to.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PassHolder {
    pub application_id: i64,
    pub call_id: i64,
    pub actor_id: i64,
    pub name: String,
    pub status: String,
}

impl PassHolder {
    pub fn booked(&self) -> bool {
        ApplicationStatus::parse(&self.status) == Some(ApplicationStatus::Booked)
    }
}

/// One attended day of one application.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttendanceRecord {
    pub application_id: i64,
    pub day: Date,
    pub attended_at: i64,
    pub paid_at: Option<i64>,
}

/// Outcome of recording attendance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Recorded now, at this time.
    Done(i64),
    /// Recorded before, at this time; nothing changed.
    Already(i64),
}

/// Outcome of marking a day paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    Done,
    /// No attendance is recorded for the day: there is nothing to pay for yet.
    NotAttended,
    /// Marked paid before; nothing changed.
    Already,
}

/// Outcome of an unpaid-wage report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    Done(i64),
    /// The actor's attendance that day is not recorded (or the application is not theirs).
    NotAttended,
    /// The crew marked the day paid.
    Paid,
    /// An unresolved report for the day exists already.
    AlreadyOpen,
}

/// Which reports to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportScope {
    /// One actor's, all of them.
    Actor(i64),
    /// One production's, all of them.
    Production(i64),
    /// Every unresolved report (admins).
    Unresolved,
}

/// An unpaid-wage report with its call and actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub report_id: i64,
    pub application_id: i64,
    pub call_id: i64,
    pub production_id: i64,
    pub production_zh: String,
    pub production_en: String,
    pub role_zh: String,
    pub role_en: String,
    pub actor_id: i64,
    pub actor_name: String,
    pub day: Date,
    pub amount: Money,
    pub note: String,
    pub reported_on: Date,
    pub answer: Option<String>,
    pub answered_at: Option<i64>,
    pub resolved_at: Option<i64>,
    /// The crew has marked the day paid since.
    pub paid: bool,
}

#[derive(Debug, sqlx::FromRow)]
struct ReportSqlRow {
    wage_report_id: i64,
    application_id: i64,
    casting_call_id: i64,
    production_id: i64,
    production_zh: String,
    production_en: String,
    role_zh: String,
    role_en: String,
    actor_id: i64,
    actor_name: String,
    day: Date,
    amount_fen: i64,
    note: String,
    reported_on: Date,
    answer: Option<String>,
    answered_at: Option<i64>,
    resolved_at: Option<i64>,
    paid_at: Option<i64>,
}

impl From<ReportSqlRow> for ReportRow {
    fn from(r: ReportSqlRow) -> ReportRow {
        ReportRow {
            report_id: r.wage_report_id,
            application_id: r.application_id,
            call_id: r.casting_call_id,
            production_id: r.production_id,
            production_zh: r.production_zh,
            production_en: r.production_en,
            role_zh: r.role_zh,
            role_en: r.role_en,
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            day: r.day,
            amount: Money::from_fen(r.amount_fen),
            note: r.note,
            reported_on: r.reported_on,
            answer: r.answer,
            answered_at: r.answered_at,
            resolved_at: r.resolved_at,
            paid: r.paid_at.is_some(),
        }
    }
}

const REPORT_SELECT: &str = "select w.wage_report_id, w.application_id, c.casting_call_id, \
     c.production_id, p.name_zh as production_zh, p.name_en as production_en, c.role_zh, \
     c.role_en, x.actor_id, x.name as actor_name, w.day, w.amount_fen, w.note, w.reported_on, w.answer, \
     w.answered_at, w.resolved_at, t.paid_at \
     from wage_report w \
     join attendance t on t.application_id = w.application_id and t.day = w.day \
     join application a on a.application_id = w.application_id \
     join actor x on x.actor_id = a.actor_id \
     join casting_call c on c.casting_call_id = a.casting_call_id \
     join production p on p.production_id = c.production_id";

const ATTENDANCE_SELECT: &str = "select t.application_id, t.day, t.attended_at, t.paid_at \
     from attendance t join application a on a.application_id = t.application_id";

impl Store {
    /// The pass code of `actor_id`'s booked application `application_id`, made with
    /// `new_code` the first time it is asked for; `None` when the application is not theirs or
    /// not booked.
    pub async fn pass_code(
        &self,
        actor_id: i64,
        application_id: i64,
        new_code: impl Fn() -> String,
    ) -> Result<Option<String>, StorageError> {
        for _ in 0..4 {
            let outcome: Result<Option<String>, sqlx::Error> = on_db!(self.db(), pool => async {
                let row: Option<(String, Option<String>)> = sqlx::query_as(
                    "select status, pass_code from application \
                     where application_id = $1 and actor_id = $2",
                )
                .bind(application_id)
                .bind(actor_id)
                .fetch_optional(pool)
                .await?;
                match row {
                    Some((status, _)) if status != ApplicationStatus::Booked.code() => Ok(None),
                    None => Ok(None),
                    Some((_, Some(code))) => Ok(Some(code)),
                    Some((_, None)) => {
                        sqlx::query(
                            "update application set pass_code = $1 \
                             where application_id = $2 and pass_code is null",
                        )
                        .bind(new_code())
                        .bind(application_id)
                        .execute(pool)
                        .await?;
                        // Whichever request set it first, this is the code now.
                        let code: Option<String> = sqlx::query_scalar(
                            "select pass_code from application where application_id = $1",
                        )
                        .bind(application_id)
                        .fetch_one(pool)
                        .await?;
                        Ok(code)
                    }
                }
            }.await);
            match outcome {
                // Another application drew the same code: draw again.
                Err(error) if is_unique_violation(&error) => continue,
                other => return Ok(other?),
            }
        }
        Err(StorageError::Corrupt("no free pass code after four draws".into()))
    }

    /// The application a pass code belongs to.
    pub async fn pass_holder(&self, pass_code: &str) -> Result<Option<PassHolder>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_as(
            "select a.application_id, a.casting_call_id as call_id, a.actor_id, x.name, a.status \
             from application a join actor x on x.actor_id = a.actor_id where a.pass_code = $1",
        )
        .bind(pass_code)
        .fetch_optional(pool)
        .await?))
    }

    /// Records that application `application_id`'s actor came on `day`; once per day.
    pub async fn record_attendance(
        &self,
        application_id: i64,
        day: Date,
        by_account: i64,
        now: i64,
    ) -> Result<Recorded, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let inserted = sqlx::query(
                "insert into attendance (application_id, day, attended_at, recorded_by) \
                 values ($1, $2, $3, $4) on conflict (application_id, day) do nothing",
            )
            .bind(application_id)
            .bind(day)
            .bind(now)
            .bind(by_account)
            .execute(pool)
            .await?
            .rows_affected()
                == 1;
            let at: i64 = sqlx::query_scalar(
                "select attended_at from attendance where application_id = $1 and day = $2",
            )
            .bind(application_id)
            .bind(day)
            .fetch_one(pool)
            .await?;
            if inserted { Recorded::Done(at) } else { Recorded::Already(at) }
        }))
    }

    /// Attendance recorded for a call's applications.
    pub async fn call_attendance(
        &self,
        call_id: i64,
    ) -> Result<Vec<AttendanceRecord>, StorageError> {
        let sql = format!("{ATTENDANCE_SELECT} where a.casting_call_id = $1 order by t.day");
        Ok(on_db!(self.db(), pool => sqlx::query_as(&sql).bind(call_id).fetch_all(pool).await?))
    }

    /// Attendance recorded for an actor's applications.
    pub async fn actor_attendance(
        &self,
        actor_id: i64,
    ) -> Result<Vec<AttendanceRecord>, StorageError> {
        let sql = format!("{ATTENDANCE_SELECT} where a.actor_id = $1 order by t.day");
        Ok(on_db!(self.db(), pool => sqlx::query_as(&sql).bind(actor_id).fetch_all(pool).await?))
    }

    /// Marks `day` of application `application_id` (of `call_id`) paid.
    pub async fn mark_paid(
        &self,
        call_id: i64,
        application_id: i64,
        day: Date,
        by_account: i64,
        now: i64,
    ) -> Result<Marked, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let paid: Option<Option<i64>> = sqlx::query_scalar(
                "select t.paid_at from attendance t \
                 join application a on a.application_id = t.application_id \
                 where t.application_id = $1 and t.day = $2 and a.casting_call_id = $3",
            )
            .bind(application_id)
            .bind(day)
            .bind(call_id)
            .fetch_optional(&mut *tx)
            .await?;
            let marked = match paid {
                None => Marked::NotAttended,
                Some(Some(_)) => Marked::Already,
                Some(None) => {
                    sqlx::query(
                        "update attendance set paid_at = $1, paid_by = $2 \
                         where application_id = $3 and day = $4 and paid_at is null",
                    )
                    .bind(now)
                    .bind(by_account)
                    .bind(application_id)
                    .bind(day)
                    .execute(&mut *tx)
                    .await?;
                    Marked::Done
                }
            };
            tx.commit().await?;
            marked
        }))
    }

    /// Files `actor_id`'s report of unpaid wages for an attended, unpaid day of their
    /// application `application_id`.
    pub async fn report_wages(
        &self,
        actor_id: i64,
        application_id: i64,
        claim: &WageClaim,
        today: Date,
        now: i64,
    ) -> Result<Reported, StorageError> {
        let outcome: Result<Reported, sqlx::Error> = on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            let paid: Option<Option<i64>> = sqlx::query_scalar(
                "select t.paid_at from attendance t \
                 join application a on a.application_id = t.application_id \
                 where t.application_id = $1 and t.day = $2 and a.actor_id = $3",
            )
            .bind(application_id)
            .bind(claim.day)
            .bind(actor_id)
            .fetch_optional(&mut *tx)
            .await?;
            match paid {
                None => return Ok(Reported::NotAttended),
                Some(Some(_)) => return Ok(Reported::Paid),
                Some(None) => {}
            }
            let id: i64 = sqlx::query_scalar(
                "insert into wage_report (application_id, day, amount_fen, note, reported_on, \
                 created_at) values ($1, $2, $3, $4, $5, $6) returning wage_report_id",
            )
            .bind(application_id)
            .bind(claim.day)
            .bind(claim.amount.fen())
            .bind(&claim.note)
            .bind(today)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Reported::Done(id))
        }.await);
        match outcome {
            Err(error) if is_unique_violation(&error) => Ok(Reported::AlreadyOpen),
            other => Ok(other?),
        }
    }

    /// Reports in `scope`, unresolved first, then oldest first.
    pub async fn wage_reports(&self, scope: ReportScope) -> Result<Vec<ReportRow>, StorageError> {
        let (condition, id) = match scope {
            ReportScope::Actor(id) => ("a.actor_id = $1", Some(id)),
            ReportScope::Production(id) => ("c.production_id = $1", Some(id)),
            ReportScope::Unresolved => ("w.resolved_at is null and $1 is null", None),
        };
        let sql = format!(
            "{REPORT_SELECT} where {condition} \
             order by w.resolved_at is not null, w.reported_on, w.wage_report_id"
        );
        let rows: Vec<ReportSqlRow> =
            on_db!(self.db(), pool => sqlx::query_as(&sql).bind(id).fetch_all(pool).await?);
        Ok(rows.into_iter().map(ReportRow::from).collect())
    }

    /// One report, whoever filed it.
    pub async fn wage_report(&self, report_id: i64) -> Result<Option<ReportRow>, StorageError> {
        let sql = format!("{REPORT_SELECT} where w.wage_report_id = $1");
        let row: Option<ReportSqlRow> = on_db!(self.db(), pool => sqlx::query_as(&sql)
            .bind(report_id)
            .fetch_optional(pool)
            .await?);
        Ok(row.map(ReportRow::from))
    }

    /// Records (or replaces) the production's answer to an unresolved report; `false` when it
    /// is resolved or missing.
    pub async fn answer_wage_report(
        &self,
        report_id: i64,
        answer: &str,
        by_account: i64,
        now: i64,
    ) -> Result<bool, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query(
            "update wage_report set answer = $1, answered_at = $2, answered_by = $3 \
             where wage_report_id = $4 and resolved_at is null",
        )
        .bind(answer)
        .bind(now)
        .bind(by_account)
        .bind(report_id)
        .execute(pool)
        .await?
        .rows_affected()
            == 1))
    }

    /// Resolves an unresolved report; `false` when it was resolved already or is missing.
    pub async fn resolve_wage_report(
        &self,
        report_id: i64,
        by_account: i64,
        now: i64,
    ) -> Result<bool, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query(
            "update wage_report set resolved_at = $1, resolved_by = $2 \
             where wage_report_id = $3 and resolved_at is null",
        )
        .bind(now)
        .bind(by_account)
        .bind(report_id)
        .execute(pool)
        .await?
        .rows_affected()
            == 1))
    }

    /// Records a notice from `call_id`'s crew to its booked actors.
    pub async fn post_call_notice(
        &self,
        call_id: i64,
        body: &str,
        by_account: i64,
        now: i64,
    ) -> Result<(), StorageError> {
        on_db!(self.db(), pool => sqlx::query(
            "insert into call_notice (casting_call_id, body, created_at, created_by) \
             values ($1, $2, $3, $4)",
        )
        .bind(call_id)
        .bind(body)
        .bind(now)
        .bind(by_account)
        .execute(pool)
        .await
        .map(|_| ())?);
        Ok(())
    }

    /// The notices of each of `call_ids`, newest first: `(body, created_at)`.
    pub async fn call_notices(
        &self,
        call_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<(String, i64)>>, StorageError> {
        if call_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let list = call_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "select casting_call_id, body, created_at from call_notice \
             where casting_call_id in ({list}) order by created_at desc, call_notice_id desc"
        );
        let rows: Vec<(i64, String, i64)> =
            on_db!(self.db(), pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        let mut grouped: HashMap<i64, Vec<(String, i64)>> = HashMap::new();
        for (id, body, at) in rows {
            grouped.entry(id).or_default().push((body, at));
        }
        Ok(grouped)
    }

    /// Productions with an unresolved report filed before `before`.
    pub async fn productions_with_overdue_reports(
        &self,
        before: Date,
    ) -> Result<HashSet<i64>, StorageError> {
        let ids: Vec<i64> = on_db!(self.db(), pool => sqlx::query_scalar(
            "select distinct c.production_id from wage_report w \
             join application a on a.application_id = w.application_id \
             join casting_call c on c.casting_call_id = a.casting_call_id \
             where w.resolved_at is null and w.reported_on < $1",
        )
        .bind(before)
        .fetch_all(pool)
        .await?);
        Ok(ids.into_iter().collect())
    }
}
