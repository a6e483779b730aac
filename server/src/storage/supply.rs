//! The supplier's side of reservations: listing a supplier's reservations with their lines,
//! moving a reservation a step (`domain::reservation::next_status`), recording damaged units
//! at a return as maintenance, and marking them repaired.
//!
//! A step reads the reservation's status and writes the new one in one write transaction
//! (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: the reservation row `for update`), so of two racing
//! steps on one reservation the second sees the first's result and is refused.

use std::collections::HashMap;

use domain::reservation::{Refusal, ReservationStatus, Step, next_status};
use domain::stock::Days;
use time::Date;

use super::{Begin, Db, StorageError, Store, on_db};

/// Whose reservations to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupplyScope<'a> {
    /// One supplier's.
    Supplier(i64),
    /// Every supplier's (admins).
    Everyone,
    /// The one with this (normalized) code.
    Code(&'a str),
}

/// A reservation as the supplier's side sees it, with its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplyRecord {
    pub reservation_id: i64,
    pub code: String,
    pub production_id: i64,
    pub production_zh: String,
    pub production_en: String,
    pub supplier_id: i64,
    pub supplier_zh: String,
    pub supplier_en: String,
    pub status: ReservationStatus,
    pub days: Days,
    pub created_at: i64,
    pub picked_up_on: Option<Date>,
    pub returned_on: Option<Date>,
    pub lines: Vec<SupplyLineRow>,
}

/// A reservation's line at its quoted prices, with how many came back damaged.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SupplyLineRow {
    pub reservation_id: i64,
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub quantity: i64,
    pub damaged: i64,
    pub daily_rate_fen: i64,
    pub deposit_fen: i64,
}

#[derive(Debug, sqlx::FromRow)]
struct SupplyRow {
    reservation_id: i64,
    code: String,
    production_id: i64,
    production_zh: String,
    production_en: String,
    supplier_id: i64,
    supplier_zh: String,
    supplier_en: String,
    status: String,
    first_day: Date,
    last_day: Date,
    created_at: i64,
    picked_up_on: Option<Date>,
    returned_on: Option<Date>,
}

/// A step asked of a reservation.
#[derive(Debug, Clone, Copy)]
pub struct Move<'a> {
    pub reservation_id: i64,
    pub step: Step,
    /// The studio's date: hand-overs are checked against it and recorded on it.
    pub today: Date,
    pub now: i64,
    /// For a return: `(item_id, damaged)` per line, checked by
    /// `domain::reservation::check_damaged`.
    pub damaged: &'a [(i64, i64)],
}

/// Outcome of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// Taken: the new status.
    Done(ReservationStatus),
    /// Not taken, nothing changed.
    Refused(Refusal),
    NotFound,
}

/// Units away for repair, not yet marked repaired.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MaintenanceRow {
    pub maintenance_id: i64,
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub supplier_id: i64,
    pub quantity: i64,
    /// The day they came back damaged.
    pub since: Date,
    /// The reservation they came back from.
    pub code: Option<String>,
}

/// Outcome of marking units repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repaired {
    Done,
    /// Marked repaired before: nothing changed.
    Already,
    NotFound,
}

impl Store {
    /// The reservations in `scope` (only those in `status` when given), newest first, with
    /// their lines in SKU order.
    pub async fn supply_reservations(
        &self,
        scope: SupplyScope<'_>,
        status: Option<ReservationStatus>,
    ) -> Result<Vec<SupplyRecord>, StorageError> {
        let (mut condition, key) = match scope {
            SupplyScope::Supplier(id) => ("r.supplier_id = $1".to_string(), Some(Key::Id(id))),
            SupplyScope::Everyone => ("r.reservation_id > 0".to_string(), None),
            SupplyScope::Code(code) => ("r.code = $1".to_string(), Some(Key::Code(code))),
        };
        if status.is_some() {
            condition.push_str(if key.is_some() {
                " and r.status = $2"
            } else {
                " and r.status = $1"
            });
        }
        let rows_sql = format!(
            "select r.reservation_id, r.code, r.production_id, p.name_zh as production_zh, \
             p.name_en as production_en, r.supplier_id, s.name_zh as supplier_zh, \
             s.name_en as supplier_en, r.status, r.first_day, r.last_day, r.created_at, \
             r.picked_up_on, r.returned_on from reservation r \
             join production p on p.production_id = r.production_id \
             join supplier s on s.supplier_id = r.supplier_id \
             where {condition} order by r.created_at desc, r.reservation_id desc"
        );
        let lines_sql = format!(
            "select l.reservation_id, l.item_id, i.sku, i.name_zh, i.name_en, l.quantity, \
             l.damaged, l.daily_rate_fen, l.deposit_fen from reservation_line l \
             join item i on i.item_id = l.item_id \
             join reservation r on r.reservation_id = l.reservation_id \
             where {condition} order by i.sku"
        );
        let status = status.map(ReservationStatus::code);
        let (rows, lines) = on_db!(self.db(), pool => {
            let mut q = sqlx::query_as::<_, SupplyRow>(&rows_sql);
            q = match key {
                Some(Key::Id(id)) => q.bind(id),
                Some(Key::Code(code)) => q.bind(code),
                None => q,
            };
            if let Some(status) = status {
                q = q.bind(status);
            }
            let rows = q.fetch_all(pool).await?;
            let mut q = sqlx::query_as::<_, SupplyLineRow>(&lines_sql);
            q = match key {
                Some(Key::Id(id)) => q.bind(id),
                Some(Key::Code(code)) => q.bind(code),
                None => q,
            };
            if let Some(status) = status {
                q = q.bind(status);
            }
            (rows, q.fetch_all(pool).await?)
        });
        let mut by_reservation: HashMap<i64, Vec<SupplyLineRow>> = HashMap::new();
        for line in lines {
            by_reservation.entry(line.reservation_id).or_default().push(line);
        }
        rows.into_iter()
            .map(|row| {
                let status = ReservationStatus::parse(&row.status).ok_or_else(|| {
                    StorageError::Corrupt(format!("reservation status {:?}", row.status))
                })?;
                Ok(SupplyRecord {
                    lines: by_reservation.remove(&row.reservation_id).unwrap_or_default(),
                    reservation_id: row.reservation_id,
                    code: row.code,
                    production_id: row.production_id,
                    production_zh: row.production_zh,
                    production_en: row.production_en,
                    supplier_id: row.supplier_id,
                    supplier_zh: row.supplier_zh,
                    supplier_en: row.supplier_en,
                    status,
                    days: Days { first: row.first_day, last: row.last_day },
                    created_at: row.created_at,
                    picked_up_on: row.picked_up_on,
                    returned_on: row.returned_on,
                })
            })
            .collect()
    }

    /// Takes one step on a reservation if its status allows it (see the module documentation);
    /// a return also records the damaged units of each line and puts them in maintenance.
    pub async fn move_reservation(&self, step: &Move<'_>) -> Result<Moved, StorageError> {
        let lock = match self.db() {
            Db::Postgres(_) => " for update",
            Db::Sqlite(_) => "",
        };
        let read_sql = format!(
            "select status, first_day, last_day from reservation where reservation_id = $1{lock}"
        );
        let outcome: Result<Result<Moved, String>, sqlx::Error> = on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            let row: Option<(String, Date, Date)> = sqlx::query_as(&read_sql)
                .bind(step.reservation_id)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((status, first, last)) = row else { return Ok(Ok(Moved::NotFound)) };
            let Some(status) = ReservationStatus::parse(&status) else { return Ok(Err(status)) };
            let next = match next_status(status, step.step, Days { first, last }, step.today) {
                Ok(next) => next,
                Err(refusal) => return Ok(Ok(Moved::Refused(refusal))),
            };
            let (sql, day) = match step.step {
                Step::Confirm | Step::Decline => (
                    "update reservation set status = $1, answered_at = $2 where reservation_id = $3",
                    None,
                ),
                Step::Cancel => {
                    ("update reservation set status = $1 where reservation_id = $2", None)
                }
                Step::PickUp => (
                    "update reservation set status = $1, picked_up_on = $2 where reservation_id = $3",
                    Some(step.today),
                ),
                Step::Return => (
                    "update reservation set status = $1, returned_on = $2 where reservation_id = $3",
                    Some(step.today),
                ),
            };
            let update = sqlx::query(sql).bind(next.code());
            let update = match (step.step, day) {
                (Step::Cancel, _) => update,
                (_, Some(day)) => update.bind(day),
                (_, None) => update.bind(step.now),
            };
            update.bind(step.reservation_id).execute(&mut *tx).await?;
            if step.step == Step::Return {
                for &(item_id, damaged) in step.damaged.iter().filter(|(_, n)| *n > 0) {
                    sqlx::query(
                        "update reservation_line set damaged = $1 \
                         where reservation_id = $2 and item_id = $3",
                    )
                    .bind(damaged)
                    .bind(step.reservation_id)
                    .bind(item_id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "insert into maintenance (item_id, reservation_id, quantity, since, \
                         reported_at) values ($1, $2, $3, $4, $5)",
                    )
                    .bind(item_id)
                    .bind(step.reservation_id)
                    .bind(damaged)
                    .bind(step.today)
                    .bind(step.now)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await?;
            Ok(Ok(Moved::Done(next)))
        }.await);
        outcome?.map_err(|status| StorageError::Corrupt(format!("reservation status {status:?}")))
    }

    /// Units in maintenance not yet repaired, of `supplier_id`'s items (every supplier's when
    /// `None`), oldest first.
    pub async fn open_maintenance(
        &self,
        supplier_id: Option<i64>,
    ) -> Result<Vec<MaintenanceRow>, StorageError> {
        let sql = format!(
            "select m.maintenance_id, m.item_id, i.sku, i.name_zh, i.name_en, i.supplier_id, \
             m.quantity, m.since, r.code from maintenance m \
             join item i on i.item_id = m.item_id \
             left join reservation r on r.reservation_id = m.reservation_id \
             where m.repaired_at is null{} order by m.since, m.maintenance_id",
            if supplier_id.is_some() { " and i.supplier_id = $1" } else { "" }
        );
        Ok(on_db!(self.db(), pool => {
            let mut q = sqlx::query_as::<_, MaintenanceRow>(&sql);
            if let Some(id) = supplier_id {
                q = q.bind(id);
            }
            q.fetch_all(pool).await?
        }))
    }

    /// The supplier whose item `maintenance_id` is about.
    pub async fn maintenance_supplier(
        &self,
        maintenance_id: i64,
    ) -> Result<Option<i64>, StorageError> {
        Ok(on_db!(self.db(), pool => {
            sqlx::query_scalar(
                "select i.supplier_id from maintenance m join item i on i.item_id = m.item_id \
                 where m.maintenance_id = $1",
            )
            .bind(maintenance_id)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Marks units back from repair: they are free again from now on.
    pub async fn mark_repaired(
        &self,
        maintenance_id: i64,
        by: i64,
        now: i64,
    ) -> Result<Repaired, StorageError> {
        let (changed, exists) = on_db!(self.db(), pool => {
            let changed = sqlx::query(
                "update maintenance set repaired_at = $1, repaired_by = $2 \
                 where maintenance_id = $3 and repaired_at is null",
            )
            .bind(now)
            .bind(by)
            .bind(maintenance_id)
            .execute(pool)
            .await?
            .rows_affected();
            let exists: Option<i64> =
                sqlx::query_scalar("select maintenance_id from maintenance where maintenance_id = $1")
                    .bind(maintenance_id)
                    .fetch_optional(pool)
                    .await?;
            (changed, exists.is_some())
        });
        Ok(match (changed, exists) {
            (1.., _) => Repaired::Done,
            (0, true) => Repaired::Already,
            (0, false) => Repaired::NotFound,
        })
    }
}

/// The value the scope's condition binds as `$1`.
#[derive(Debug, Clone, Copy)]
enum Key<'a> {
    Id(i64),
    Code(&'a str),
}
