//! Request lists and stock reservations.
//!
//! A reservation transaction first takes a lock that makes every other reservation of the same
//! items wait (SQLite: `BEGIN IMMEDIATE`, the database's single write lock, as every write
//! transaction here; PostgreSQL: `for update` on the item rows, in id order so two requests
//! never deadlock), then
//! reads what the active reservations hold on each day, refuses if any line would exceed what
//! is free on any day (`domain::stock::shortfall`), and otherwise inserts one reservation per
//! supplier and empties the request list, all in the same transaction.
//!
//! Units away for repair (`maintenance`, see `storage::supply`) are held too, from the day
//! they came back damaged on, in every count of what is free and in the reservation check.

use std::collections::{BTreeMap, HashMap};

use app::models::ItemCard;
use domain::reservation::maintenance_hold;
use domain::stock::{Days, Held, Shortage, free_per_day, most_held, shortfall};
use time::Date;

use super::{Begin, Db, StorageError, Store, on_db};

/// Reservation statuses that hold stock.
const HOLDING: &str = "('requested', 'confirmed', 'picked_up')";

/// A crew member's request list as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestList {
    pub days: Option<Days>,
    /// Items with the quantity asked, in the order they were added.
    pub lines: Vec<(ItemCard, i64)>,
}

/// A reservation request that passed validation.
#[derive(Debug, Clone)]
pub struct NewReservation<'a> {
    pub production_id: i64,
    pub requested_by: i64,
    pub days: Days,
    /// `(item_id, quantity)`, each item once.
    pub lines: &'a [(i64, i64)],
    /// Empty this account's request list in the same transaction.
    pub clear_list_of: Option<i64>,
    pub now: i64,
}

/// Outcome of a reservation request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reserved {
    /// One reservation per supplier: `(reservation_id, code)`.
    Done(Vec<(i64, String)>),
    /// Nothing was reserved: these lines ask for more than is free.
    Short(Vec<Shortage>),
    /// Nothing was reserved: an item does not exist.
    NoSuchItem(i64),
    /// Nothing was reserved: its supplier has retired an item.
    Retired(i64),
}

#[derive(Debug, sqlx::FromRow)]
struct StockRow {
    item_id: i64,
    sku: String,
    name_zh: String,
    name_en: String,
    quantity_owned: i64,
    daily_rate_fen: i64,
    deposit_fen: i64,
    supplier_id: i64,
    retired_on: Option<Date>,
}

#[derive(Debug, sqlx::FromRow)]
struct HeldRow {
    item_id: i64,
    first_day: Date,
    last_day: Date,
    quantity: i64,
}

/// `$from, $from+1, …` for `count` bound values (an `in (…)` list).
pub(super) fn placeholders(from: usize, count: usize) -> String {
    (from..from + count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// What active reservations hold of the items bound as `$3`, `$4`, … (`count` of them) over
/// days overlapping `$2` (first day) to `$1` (last day).
fn holds_sql(count: usize) -> String {
    format!(
        "select l.item_id, r.first_day, r.last_day, l.quantity from reservation_line l \
         join reservation r on r.reservation_id = l.reservation_id \
         where r.status in {HOLDING} and r.first_day <= $1 and r.last_day >= $2 \
         and l.item_id in ({})",
        placeholders(3, count)
    )
}

/// Units of the items bound as `$2`, `$3`, … (`count` of them) away for repair since a day
/// on or before `$1` (the last day asked about): `(item_id, since, quantity)`.
fn maintenance_sql(count: usize) -> String {
    format!(
        "select item_id, since, quantity from maintenance \
         where repaired_at is null and since <= $1 and item_id in ({})",
        placeholders(2, count)
    )
}

/// Adds the units in maintenance to what is held over `days`.
fn add_maintenance(held: &mut HashMap<i64, Vec<Held>>, rows: Vec<(i64, Date, i64)>, days: Days) {
    for (item_id, since, quantity) in rows {
        held.entry(item_id).or_default().push(maintenance_hold(since, quantity, days));
    }
}

fn group_held(rows: Vec<HeldRow>) -> HashMap<i64, Vec<Held>> {
    let mut held: HashMap<i64, Vec<Held>> = HashMap::new();
    for row in rows {
        held.entry(row.item_id).or_default().push(Held {
            days: Days { first: row.first_day, last: row.last_day },
            quantity: row.quantity,
        });
    }
    held
}

impl Store {
    /// The request list of `account_id` (empty when there is none).
    pub async fn request_list(&self, account_id: i64) -> Result<RequestList, StorageError> {
        let (days, ids) = on_db!(self.db(), pool => {
            let days: Option<(Date, Date)> = sqlx::query_as(
                "select first_day, last_day from request_list where account_id = $1",
            )
            .bind(account_id)
            .fetch_optional(pool)
            .await?;
            let ids: Vec<(i64, i64)> = sqlx::query_as(
                "select item_id, quantity from request_line where account_id = $1 \
                 order by added_at, item_id",
            )
            .bind(account_id)
            .fetch_all(pool)
            .await?;
            (days, ids)
        });
        let quantities: HashMap<i64, i64> = ids.iter().copied().collect();
        let ordered: Vec<i64> = ids.iter().map(|(id, _)| *id).collect();
        let cards = self.item_cards(&ordered).await?;
        Ok(RequestList {
            days: days.map(|(first, last)| Days { first, last }),
            lines: cards
                .into_iter()
                .map(|card| {
                    let quantity = quantities.get(&card.item_id).copied().unwrap_or(0);
                    (card, quantity)
                })
                .collect(),
        })
    }

    /// How many of `item_id` the request list of `account_id` asks for (0 when none).
    pub async fn requested_quantity(
        &self,
        account_id: i64,
        item_id: i64,
    ) -> Result<i64, StorageError> {
        let quantity: Option<i64> = on_db!(self.db(), pool => {
            sqlx::query_scalar(
                "select quantity from request_line where account_id = $1 and item_id = $2",
            )
            .bind(account_id)
            .bind(item_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(quantity.unwrap_or(0))
    }

    /// Sets how many of `item_id` the list asks for (0 takes it off). `false` when the item
    /// does not exist or is retired.
    pub async fn set_request_line(
        &self,
        account_id: i64,
        item_id: i64,
        quantity: i64,
        now: i64,
    ) -> Result<bool, StorageError> {
        let exists = on_db!(self.db(), pool => {
            let exists: Option<i64> = sqlx::query_scalar("select item_id from item where item_id = $1 and retired_on is null")
                .bind(item_id)
                .fetch_optional(pool)
                .await?;
            if exists.is_some() {
                if quantity <= 0 {
                    sqlx::query("delete from request_line where account_id = $1 and item_id = $2")
                        .bind(account_id)
                        .bind(item_id)
                        .execute(pool)
                        .await?;
                } else {
                    sqlx::query(
                        "insert into request_line (account_id, item_id, quantity, added_at) \
                         values ($1, $2, $3, $4) \
                         on conflict (account_id, item_id) do update set quantity = excluded.quantity",
                    )
                    .bind(account_id)
                    .bind(item_id)
                    .bind(quantity)
                    .bind(now)
                    .execute(pool)
                    .await?;
                }
            }
            exists.is_some()
        });
        Ok(exists)
    }

    /// Sets the days the request list is for.
    pub async fn set_request_days(&self, account_id: i64, days: Days) -> Result<(), StorageError> {
        on_db!(self.db(), pool => {
            sqlx::query(
                "insert into request_list (account_id, first_day, last_day) values ($1, $2, $3) \
                 on conflict (account_id) do update \
                 set first_day = excluded.first_day, last_day = excluded.last_day",
            )
            .bind(account_id)
            .bind(days.first)
            .bind(days.last)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// How many units of each item are free on each day of `days` (items that do not exist are
    /// left out).
    pub async fn free_stock(
        &self,
        item_ids: &[i64],
        days: Days,
    ) -> Result<HashMap<i64, Vec<(Date, i64)>>, StorageError> {
        if item_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let owned_sql = format!(
            "select item_id, quantity_owned from item where item_id in ({})",
            placeholders(1, item_ids.len())
        );
        let held_sql = holds_sql(item_ids.len());
        let repair_sql = maintenance_sql(item_ids.len());
        let (owned, held, repairs) = on_db!(self.db(), pool => {
            let mut q = sqlx::query_as::<_, (i64, i64)>(&owned_sql);
            for id in item_ids {
                q = q.bind(id);
            }
            let owned = q.fetch_all(pool).await?;
            let mut q = sqlx::query_as::<_, HeldRow>(&held_sql).bind(days.last).bind(days.first);
            for id in item_ids {
                q = q.bind(id);
            }
            let held = q.fetch_all(pool).await?;
            let mut q = sqlx::query_as::<_, (i64, Date, i64)>(&repair_sql).bind(days.last);
            for id in item_ids {
                q = q.bind(id);
            }
            (owned, held, q.fetch_all(pool).await?)
        });
        let mut held = group_held(held);
        add_maintenance(&mut held, repairs, days);
        Ok(owned
            .into_iter()
            .map(|(id, owned)| {
                let holds = held.get(&id).map(Vec::as_slice).unwrap_or_default();
                (id, free_per_day(owned, holds, days))
            })
            .collect())
    }

    /// Reserves every line for the days, or nothing (see the module documentation).
    pub async fn reserve(
        &self,
        new: &NewReservation<'_>,
        mut code: impl FnMut() -> String,
    ) -> Result<Reserved, StorageError> {
        let ids: Vec<i64> = {
            let mut ids: Vec<i64> = new.lines.iter().map(|(id, _)| *id).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        if ids.is_empty() {
            return Ok(Reserved::Done(Vec::new()));
        }
        let postgres = matches!(self.db(), Db::Postgres(_));
        let in_list = placeholders(1, ids.len());
        let lock_sql = format!(
            "select item_id from item where item_id in ({in_list}) order by item_id for update"
        );
        let stock_sql = format!(
            "select item_id, sku, name_zh, name_en, quantity_owned, daily_rate_fen, deposit_fen, \
             supplier_id, retired_on from item where item_id in ({in_list})"
        );
        let held_sql = holds_sql(ids.len());
        let repair_sql = maintenance_sql(ids.len());
        let codes: Vec<String> = (0..ids.len()).map(|_| code()).collect();
        let outcome: Result<Reserved, sqlx::Error> = on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            if postgres {
                let mut lock = sqlx::query(&lock_sql);
                for id in &ids {
                    lock = lock.bind(id);
                }
                lock.execute(&mut *tx).await?;
            }
            let mut q = sqlx::query_as::<_, StockRow>(&stock_sql);
            for id in &ids {
                q = q.bind(id);
            }
            let stock: HashMap<i64, StockRow> =
                q.fetch_all(&mut *tx).await?.into_iter().map(|r| (r.item_id, r)).collect();
            if let Some(missing) = ids.iter().find(|id| !stock.contains_key(id)) {
                return Ok(Reserved::NoSuchItem(*missing));
            }
            if let Some(retired) = ids.iter().find(|id| stock[id].retired_on.is_some()) {
                return Ok(Reserved::Retired(*retired));
            }
            let mut q = sqlx::query_as::<_, HeldRow>(&held_sql).bind(new.days.last).bind(new.days.first);
            for id in &ids {
                q = q.bind(id);
            }
            let mut held = group_held(q.fetch_all(&mut *tx).await?);
            let mut q = sqlx::query_as::<_, (i64, Date, i64)>(&repair_sql).bind(new.days.last);
            for id in &ids {
                q = q.bind(id);
            }
            add_maintenance(&mut held, q.fetch_all(&mut *tx).await?, new.days);
            let mut short = Vec::new();
            for (item_id, quantity) in new.lines {
                let row = &stock[item_id];
                let holds = held.get(item_id).map(Vec::as_slice).unwrap_or_default();
                let runs = shortfall(row.quantity_owned, holds, new.days, *quantity);
                if !runs.is_empty() {
                    short.push(Shortage {
                        item_id: *item_id,
                        sku: row.sku.clone(),
                        name_zh: row.name_zh.clone(),
                        name_en: row.name_en.clone(),
                        asked: *quantity,
                        runs,
                    });
                }
            }
            if !short.is_empty() {
                return Ok(Reserved::Short(short));
            }
            // One reservation per supplier, in supplier order.
            let mut by_supplier: BTreeMap<i64, Vec<(i64, i64)>> = BTreeMap::new();
            for (item_id, quantity) in new.lines {
                by_supplier.entry(stock[item_id].supplier_id).or_default().push((*item_id, *quantity));
            }
            let mut made = Vec::new();
            for ((supplier_id, lines), code) in by_supplier.into_iter().zip(codes) {
                let reservation_id: i64 = sqlx::query_scalar(
                    "insert into reservation (code, production_id, requested_by, supplier_id, \
                     status, first_day, last_day, created_at) \
                     values ($1, $2, $3, $4, 'requested', $5, $6, $7) returning reservation_id",
                )
                .bind(&code)
                .bind(new.production_id)
                .bind(new.requested_by)
                .bind(supplier_id)
                .bind(new.days.first)
                .bind(new.days.last)
                .bind(new.now)
                .fetch_one(&mut *tx)
                .await?;
                for (item_id, quantity) in lines {
                    let row = &stock[&item_id];
                    sqlx::query(
                        "insert into reservation_line (reservation_id, item_id, quantity, \
                         daily_rate_fen, deposit_fen) values ($1, $2, $3, $4, $5)",
                    )
                    .bind(reservation_id)
                    .bind(item_id)
                    .bind(quantity)
                    .bind(row.daily_rate_fen)
                    .bind(row.deposit_fen)
                    .execute(&mut *tx)
                    .await?;
                }
                made.push((reservation_id, code));
            }
            if let Some(account_id) = new.clear_list_of {
                sqlx::query("delete from request_line where account_id = $1")
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(Reserved::Done(made))
        }.await);
        Ok(outcome?)
    }

    /// For every item held on some day of `days` (by active reservations or away for repair),
    /// the most units held on any one of those days; items not listed are wholly free.
    pub async fn most_held(&self, days: Days) -> Result<HashMap<i64, i64>, StorageError> {
        let held_sql = format!(
            "select l.item_id, r.first_day, r.last_day, l.quantity from reservation_line l \
             join reservation r on r.reservation_id = l.reservation_id \
             where r.status in {HOLDING} and r.first_day <= $1 and r.last_day >= $2"
        );
        let (held, repairs) = on_db!(self.db(), pool => {
            let held: Vec<HeldRow> = sqlx::query_as(&held_sql)
                .bind(days.last)
                .bind(days.first)
                .fetch_all(pool)
                .await?;
            let repairs: Vec<(i64, Date, i64)> = sqlx::query_as(
                "select item_id, since, quantity from maintenance \
                 where repaired_at is null and since <= $1",
            )
            .bind(days.last)
            .fetch_all(pool)
            .await?;
            (held, repairs)
        });
        let mut held = group_held(held);
        add_maintenance(&mut held, repairs, days);
        Ok(held.into_iter().map(|(id, holds)| (id, most_held(&holds, days))).collect())
    }

    /// Units of `item_id` held by active reservations on each of `days`, summed over every
    /// reservation with no floor: for checks that nothing is ever over-reserved.
    pub async fn reserved_per_day(
        &self,
        item_id: i64,
        days: Days,
    ) -> Result<Vec<(Date, i64)>, StorageError> {
        let rows: Vec<HeldRow> = on_db!(self.db(), pool => {
            sqlx::query_as(&holds_sql(1)).bind(days.last).bind(days.first).bind(item_id)
            .fetch_all(pool)
            .await?
        });
        let held = group_held(rows);
        let holds = held.get(&item_id).map(Vec::as_slice).unwrap_or_default();
        Ok(days
            .iter()
            .map(|day| {
                (day, holds.iter().filter(|h| h.days.contains(day)).map(|h| h.quantity).sum())
            })
            .collect())
    }
}

/// A reservation as stored, with its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReservation {
    pub reservation_id: i64,
    pub code: String,
    pub production_id: i64,
    pub supplier_id: i64,
    pub supplier_zh: String,
    pub supplier_en: String,
    pub status: String,
    pub days: Days,
    pub created_at: i64,
    /// The day the items came back, once returned.
    pub returned_on: Option<Date>,
    pub lines: Vec<StoredLine>,
}

/// A reservation's line at the prices it was made at.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredLine {
    pub reservation_id: i64,
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub quantity: i64,
    pub daily_rate_fen: i64,
    pub deposit_fen: i64,
}

#[derive(Debug, sqlx::FromRow)]
struct ReservationRow {
    reservation_id: i64,
    code: String,
    production_id: i64,
    supplier_id: i64,
    supplier_zh: String,
    supplier_en: String,
    status: String,
    first_day: Date,
    last_day: Date,
    created_at: i64,
    returned_on: Option<Date>,
}

impl Store {
    /// The reservations of `production_id`, newest first, with their lines.
    pub async fn production_reservations(
        &self,
        production_id: i64,
    ) -> Result<Vec<StoredReservation>, StorageError> {
        let (rows, lines) = on_db!(self.db(), pool => {
            let rows: Vec<ReservationRow> = sqlx::query_as(
                "select r.reservation_id, r.code, r.production_id, r.supplier_id, \
                 s.name_zh as supplier_zh, s.name_en as supplier_en, r.status, r.first_day, \
                 r.last_day, r.created_at, r.returned_on from reservation r \
                 join supplier s on s.supplier_id = r.supplier_id \
                 where r.production_id = $1 order by r.created_at desc, r.reservation_id desc",
            )
            .bind(production_id)
            .fetch_all(pool)
            .await?;
            let lines: Vec<StoredLine> = sqlx::query_as(
                "select l.reservation_id, l.item_id, i.sku, i.name_zh, i.name_en, l.quantity, \
                 l.daily_rate_fen, l.deposit_fen from reservation_line l \
                 join item i on i.item_id = l.item_id \
                 join reservation r on r.reservation_id = l.reservation_id \
                 where r.production_id = $1 order by i.sku",
            )
            .bind(production_id)
            .fetch_all(pool)
            .await?;
            (rows, lines)
        });
        let mut by_reservation: HashMap<i64, Vec<StoredLine>> = HashMap::new();
        for line in lines {
            by_reservation.entry(line.reservation_id).or_default().push(line);
        }
        Ok(rows
            .into_iter()
            .map(|row| StoredReservation {
                lines: by_reservation.remove(&row.reservation_id).unwrap_or_default(),
                reservation_id: row.reservation_id,
                code: row.code,
                production_id: row.production_id,
                supplier_id: row.supplier_id,
                supplier_zh: row.supplier_zh,
                supplier_en: row.supplier_en,
                status: row.status,
                days: Days { first: row.first_day, last: row.last_day },
                created_at: row.created_at,
                returned_on: row.returned_on,
            })
            .collect())
    }
}
