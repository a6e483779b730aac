//! A supplier's own stock records: reading them, saving checked items (one from the form or a
//! whole imported file, in one transaction: every row or none) and retiring them.
//!
//! Saving refuses what only stored data can tell: a sub-category that does not exist or belongs
//! to another category, a SKU another supplier uses, and fewer units owned than active
//! reservations or repairs hold on a coming day (lowering the count must never over-reserve).
//! On PostgreSQL the touched item rows are locked first, as reservations lock them, so a
//! reservation and a save of the same item never pass each other; SQLite's write lock does the
//! same.

use std::collections::{HashMap, HashSet};

use domain::Money;
use domain::inventory::ItemSpec;
use domain::stock::{Days, Held, MAX_DAYS, MAX_LEAD_DAYS, most_held};
use domain::vocab::{Category, Colour, Condition, Era, Material, Size};
use time::{Date, Duration};

use super::catalogue::group_tags;
use super::reservations::placeholders;
use super::rows::code;
use super::{Begin, Db, StorageError, Store, on_db};

/// An item as its supplier keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockItem {
    pub item_id: i64,
    pub supplier_id: i64,
    pub spec: ItemSpec,
    pub retired_on: Option<Date>,
}

/// How a save treats SKUs already stored for the supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    /// A new item: its SKU must be new.
    Add,
    /// An existing item of the supplier, by SKU.
    Edit,
    /// An import: existing SKUs are updated, new ones added.
    Upsert,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Every item was saved: ids of those added and those updated, in input order.
    Done { added: Vec<i64>, updated: Vec<i64> },
    /// Nothing was saved: `(index of the item, field, code)` for every refusal.
    Refused(Vec<(usize, &'static str, &'static str)>),
}

#[derive(Debug, sqlx::FromRow)]
struct StockRow {
    item_id: i64,
    supplier_id: i64,
    sku: String,
    name_zh: String,
    name_en: String,
    category: String,
    subcategory: String,
    era: String,
    colour: String,
    material: String,
    size: Option<String>,
    condition: String,
    quantity_owned: i64,
    daily_rate_fen: i64,
    deposit_fen: i64,
    retired_on: Option<Date>,
}

impl StockRow {
    fn into_item(self, tags: Vec<String>) -> Result<StockItem, StorageError> {
        Ok(StockItem {
            item_id: self.item_id,
            supplier_id: self.supplier_id,
            retired_on: self.retired_on,
            spec: ItemSpec {
                category: code(Category::parse, &self.category, "item.category")?,
                era: code(Era::parse, &self.era, "item.era")?,
                colour: code(Colour::parse, &self.colour, "item.colour")?,
                material: code(Material::parse, &self.material, "item.material")?,
                size: self.size.map(|s| code(Size::parse, &s, "item.size")).transpose()?,
                condition: code(Condition::parse, &self.condition, "item.condition")?,
                sku: self.sku,
                name_zh: self.name_zh,
                name_en: self.name_en,
                subcategory: self.subcategory,
                quantity_owned: self.quantity_owned,
                daily_rate: Money::from_fen(self.daily_rate_fen),
                deposit: Money::from_fen(self.deposit_fen),
                tags,
            },
        })
    }
}

const STOCK_COLUMNS: &str = "select i.item_id, i.supplier_id, i.sku, i.name_zh, i.name_en, \
     i.category, s.code as subcategory, i.era, i.colour, i.material, i.size, i.condition, \
     i.quantity_owned, i.daily_rate_fen, i.deposit_fen, i.retired_on \
     from item i join subcategory s on s.subcategory_id = i.subcategory_id";

impl Store {
    /// The supplier's items by SKU, retired ones included.
    pub async fn supplier_items(&self, supplier_id: i64) -> Result<Vec<StockItem>, StorageError> {
        let sql = format!("{STOCK_COLUMNS} where i.supplier_id = $1 order by i.sku");
        let (rows, tags) = on_db!(self.db(), pool => {
            let mut tx = pool.begin_read().await?;
            let rows: Vec<StockRow> = sqlx::query_as(&sql).bind(supplier_id).fetch_all(&mut *tx).await?;
            let tags: Vec<(i64, String)> = sqlx::query_as(
                "select t.item_id, t.tag from item_tag t join item i on i.item_id = t.item_id \
                 where i.supplier_id = $1 order by t.item_id, t.tag",
            )
            .bind(supplier_id)
            .fetch_all(&mut *tx)
            .await?;
            tx.commit().await?;
            (rows, tags)
        });
        let mut tags = group_tags(tags);
        rows.into_iter()
            .map(|r| {
                let item_tags = tags.remove(&r.item_id).unwrap_or_default();
                r.into_item(item_tags)
            })
            .collect()
    }

    /// One item with its supplier, retired or not.
    pub async fn stock_item(&self, item_id: i64) -> Result<Option<StockItem>, StorageError> {
        let sql = format!("{STOCK_COLUMNS} where i.item_id = $1");
        let row: Option<StockRow> = on_db!(self.db(), pool => {
            sqlx::query_as(&sql).bind(item_id).fetch_optional(pool).await?
        });
        match row {
            None => Ok(None),
            Some(row) => {
                let tags = self.item_tags(item_id).await?;
                row.into_item(tags).map(Some)
            }
        }
    }

    /// Saves the supplier's items, all or none (see the module documentation). `today` starts
    /// the days whose holds the units owned must cover.
    pub async fn save_items(
        &self,
        supplier_id: i64,
        items: &[ItemSpec],
        mode: SaveMode,
        today: Date,
    ) -> Result<Saved, StorageError> {
        if items.is_empty() {
            return Ok(Saved::Done { added: Vec::new(), updated: Vec::new() });
        }
        let postgres = matches!(self.db(), Db::Postgres(_));
        let skus: Vec<&str> = items.iter().map(|i| i.sku.as_str()).collect();
        let in_list = placeholders(1, skus.len());
        let lock_sql = format!(
            "select item_id from item where sku in ({in_list}) order by item_id for update"
        );
        let existing_sql = format!(
            "select sku, item_id, supplier_id, quantity_owned from item where sku in ({in_list})"
        );
        // Every hold that reaches today or later: reservations are made at most
        // MAX_LEAD_DAYS ahead for at most MAX_DAYS.
        let horizon = Days { first: today, last: today + Duration::days(MAX_LEAD_DAYS + MAX_DAYS) };
        let outcome: Result<Saved, sqlx::Error> = on_db!(self.db(), pool => async {
            let mut tx = pool.begin_write(&self.writers).await?;
            if postgres {
                let mut lock = sqlx::query(&lock_sql);
                for sku in &skus {
                    lock = lock.bind(*sku);
                }
                lock.execute(&mut *tx).await?;
            }
            let subcategories: HashMap<String, (i64, String)> = sqlx::query_as::<_, (String, i64, String)>(
                "select code, subcategory_id, category from subcategory",
            )
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|(code, id, category)| (code, (id, category)))
            .collect();
            let mut q = sqlx::query_as::<_, (String, i64, i64, i64)>(&existing_sql);
            for sku in &skus {
                q = q.bind(*sku);
            }
            let existing: HashMap<String, (i64, i64, i64)> = q
                .fetch_all(&mut *tx)
                .await?
                .into_iter()
                .map(|(sku, id, supplier, owned)| (sku, (id, supplier, owned)))
                .collect();
            // Items whose count goes down: what is held of them on any coming day.
            let lowered: HashSet<i64> = items
                .iter()
                .filter_map(|i| match existing.get(&i.sku) {
                    Some(&(id, supplier, owned)) if supplier == supplier_id && i.quantity_owned < owned => Some(id),
                    _ => None,
                })
                .collect();
            let mut held: HashMap<i64, Vec<Held>> = HashMap::new();
            if !lowered.is_empty() {
                let reserved: Vec<(i64, Date, Date, i64)> = sqlx::query_as(
                    "select l.item_id, r.first_day, r.last_day, l.quantity from reservation_line l \
                     join reservation r on r.reservation_id = l.reservation_id \
                     where r.status in ('requested', 'confirmed', 'picked_up') and r.last_day >= $1 \
                     and r.supplier_id = $2",
                )
                .bind(today)
                .bind(supplier_id)
                .fetch_all(&mut *tx)
                .await?;
                for (item_id, first, last, quantity) in reserved {
                    if lowered.contains(&item_id) {
                        held.entry(item_id).or_default().push(Held { days: Days { first, last }, quantity });
                    }
                }
                let repairs: Vec<(i64, Date, i64)> = sqlx::query_as(
                    "select m.item_id, m.since, m.quantity from maintenance m \
                     join item i on i.item_id = m.item_id \
                     where m.repaired_at is null and i.supplier_id = $1",
                )
                .bind(supplier_id)
                .fetch_all(&mut *tx)
                .await?;
                for (item_id, since, quantity) in repairs {
                    if lowered.contains(&item_id) {
                        held.entry(item_id).or_default().push(
                            domain::reservation::maintenance_hold(since, quantity, horizon),
                        );
                    }
                }
            }
            let mut refused: Vec<(usize, &'static str, &'static str)> = Vec::new();
            for (n, item) in items.iter().enumerate() {
                match subcategories.get(&item.subcategory) {
                    None => refused.push((n, "subcategory", "unknown_value")),
                    Some((_, category)) if category != item.category.code() => {
                        refused.push((n, "subcategory", "subcategory_category"))
                    }
                    Some(_) => {}
                }
                match (existing.get(&item.sku), mode) {
                    (Some(&(_, supplier, _)), _) if supplier != supplier_id => {
                        refused.push((n, "sku", "sku_taken"))
                    }
                    (Some(_), SaveMode::Add) => refused.push((n, "sku", "sku_taken")),
                    (None, SaveMode::Edit) => refused.push((n, "sku", "not_found")),
                    (Some(&(id, _, _)), _) => {
                        let holds = held.get(&id).map(Vec::as_slice).unwrap_or_default();
                        if item.quantity_owned < most_held(holds, horizon) {
                            refused.push((n, "quantity_owned", "below_reserved"));
                        }
                    }
                    (None, _) => {}
                }
            }
            if !refused.is_empty() {
                return Ok(Saved::Refused(refused));
            }
            let (mut added, mut updated) = (Vec::new(), Vec::new());
            for item in items {
                let subcategory_id = subcategories[&item.subcategory].0;
                let item_id: i64 = match existing.get(&item.sku) {
                    Some(&(id, _, _)) => {
                        sqlx::query(
                            "update item set name_zh = $2, name_en = $3, category = $4, \
                             subcategory_id = $5, era = $6, colour = $7, material = $8, size = $9, \
                             condition = $10, quantity_owned = $11, daily_rate_fen = $12, \
                             deposit_fen = $13 where item_id = $1",
                        )
                        .bind(id)
                        .bind(&item.name_zh)
                        .bind(&item.name_en)
                        .bind(item.category.code())
                        .bind(subcategory_id)
                        .bind(item.era.code())
                        .bind(item.colour.code())
                        .bind(item.material.code())
                        .bind(item.size.map(|s| s.code()))
                        .bind(item.condition.code())
                        .bind(item.quantity_owned)
                        .bind(item.daily_rate.fen())
                        .bind(item.deposit.fen())
                        .execute(&mut *tx)
                        .await?;
                        sqlx::query("delete from item_tag where item_id = $1")
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                        updated.push(id);
                        id
                    }
                    None => {
                        let id: i64 = sqlx::query_scalar(
                            "insert into item (sku, category, subcategory_id, era, colour, material, \
                             size, condition, quantity_owned, daily_rate_fen, deposit_fen, \
                             supplier_id, name_zh, name_en) \
                             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
                             returning item_id",
                        )
                        .bind(&item.sku)
                        .bind(item.category.code())
                        .bind(subcategory_id)
                        .bind(item.era.code())
                        .bind(item.colour.code())
                        .bind(item.material.code())
                        .bind(item.size.map(|s| s.code()))
                        .bind(item.condition.code())
                        .bind(item.quantity_owned)
                        .bind(item.daily_rate.fen())
                        .bind(item.deposit.fen())
                        .bind(supplier_id)
                        .bind(&item.name_zh)
                        .bind(&item.name_en)
                        .fetch_one(&mut *tx)
                        .await?;
                        added.push(id);
                        id
                    }
                };
                for tag in &item.tags {
                    sqlx::query("insert into item_tag (item_id, tag) values ($1, $2)")
                        .bind(item_id)
                        .bind(tag)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
            Ok(Saved::Done { added, updated })
        }.await);
        Ok(outcome?)
    }

    /// Retires (or, with `None`, brings back) the supplier's item. `false` when the supplier
    /// has no such item.
    pub async fn set_item_retired(
        &self,
        supplier_id: i64,
        item_id: i64,
        retired_on: Option<Date>,
    ) -> Result<bool, StorageError> {
        let changed = on_db!(self.db(), pool => {
            sqlx::query("update item set retired_on = $3 where item_id = $1 and supplier_id = $2")
                .bind(item_id)
                .bind(supplier_id)
                .bind(retired_on)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(changed == 1)
    }
}

/// A supplier as the inventory pages name it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SupplierInfo {
    pub kind: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A sub-category with its category, as the item form offers it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SubcategoryRow {
    pub code: String,
    pub category: String,
    pub name_zh: String,
    pub name_en: String,
}

impl Store {
    /// The supplier's kind (`stock` or `location_operator`) and names.
    pub async fn supplier_info(
        &self,
        supplier_id: i64,
    ) -> Result<Option<SupplierInfo>, StorageError> {
        let info = on_db!(self.db(), pool => {
            sqlx::query_as("select kind, name_zh, name_en from supplier where supplier_id = $1")
                .bind(supplier_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(info)
    }

    /// Whether the item is retired (`false` for no such item).
    pub async fn item_retired(&self, item_id: i64) -> Result<bool, StorageError> {
        let retired: Option<Option<Date>> = on_db!(self.db(), pool => {
            sqlx::query_scalar("select retired_on from item where item_id = $1")
                .bind(item_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(retired.flatten().is_some())
    }

    /// Every sub-category in catalogue order (by category, then id).
    pub async fn subcategory_rows(&self) -> Result<Vec<SubcategoryRow>, StorageError> {
        let rows = on_db!(self.db(), pool => {
            sqlx::query_as(
                "select code, category, name_zh, name_en from subcategory \
                 order by case category when 'costume' then 0 when 'makeup' then 1 \
                 when 'prop' then 2 else 3 end, subcategory_id",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
