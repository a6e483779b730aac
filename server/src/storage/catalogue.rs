//! Catalogue reads: everything the search index is built from (with the revision it reflects)
//! and item cards by id.

use std::collections::HashMap;

use app::models::ItemCard;
use time::Date;

use super::rows::ItemRow;
use super::{Begin, StorageError, Store, on_db};

/// One item as the search index needs it: its card (what a result shows) and the codes of its
/// sub-category and supplier (the facets' values).
#[derive(Debug, Clone)]
pub struct IndexRow {
    pub card: ItemCard,
    pub subcategory: String,
    pub supplier: String,
}

/// An `IndexRow` as read.
#[derive(Debug, sqlx::FromRow)]
struct IndexRowRead {
    #[sqlx(flatten)]
    card: ItemRow,
    subcategory_code: String,
    supplier_code: String,
}

/// A sub-category or supplier: its code and names.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Named {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

/// The rows the search index is built from, read in one transaction.
#[derive(Debug, Clone)]
pub struct CatalogueSource {
    /// The `catalogue_revision` these rows reflect.
    pub revision: i64,
    /// Ordered by SKU.
    pub items: Vec<IndexRow>,
    /// Tags and sub-category names per item id.
    pub tags: HashMap<i64, Vec<String>>,
    /// Sub-categories in catalogue order (by category, then id).
    pub subcategories: Vec<Named>,
    /// Suppliers of stock, by code.
    pub suppliers: Vec<Named>,
}

/// `(item_id, tag)` rows, in order, as each item's tags.
pub(super) fn group_tags(rows: Vec<(i64, String)>) -> HashMap<i64, Vec<String>> {
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    for (item_id, tag) in rows {
        tags.entry(item_id).or_default().push(tag);
    }
    tags
}

/// An item card's columns (`ItemRow`), its first photo's key included, and its sub-category's
/// and supplier's codes (`IndexRowRead`); `where`/`order` follow.
pub(super) const CARD_COLUMNS: &str = "select i.item_id, i.sku, i.name_zh, i.name_en, i.category, \
     s.name_zh as subcategory_zh, s.name_en as subcategory_en, i.era, i.colour, i.material, \
     i.size, i.condition, i.quantity_owned, i.daily_rate_fen, i.deposit_fen, \
     p.name_zh as supplier_zh, p.name_en as supplier_en, \
     s.code as subcategory_code, p.code as supplier_code, \
     (select f.file_key from item_photo f where f.item_id = i.item_id \
      order by f.created_at, f.photo_id limit 1) as thumb_key \
     from item i \
     join subcategory s on s.subcategory_id = i.subcategory_id \
     join supplier p on p.supplier_id = i.supplier_id";

impl Store {
    /// The catalogue's revision: it changes whenever an item, tag, sub-category or supplier
    /// does (database triggers).
    pub async fn catalogue_revision(&self) -> Result<i64, StorageError> {
        Ok(self.revisions().await?.catalogue)
    }

    /// Everything the search index needs, consistent with the revision returned.
    pub async fn catalogue_source(&self) -> Result<CatalogueSource, StorageError> {
        // The items in the catalogue (not retired), by SKU.
        let items_sql = format!("{CARD_COLUMNS} where i.retired_on is null order by i.sku");
        let (revision, items, tags, subcategories, suppliers) = on_db!(self.db(), pool => {
            let mut tx = pool.begin_read().await?;
            let revision: i64 = sqlx::query_scalar("select revision from catalogue_revision")
                .fetch_one(&mut *tx)
                .await?;
            let items: Vec<IndexRowRead> = sqlx::query_as(&items_sql)
                .fetch_all(&mut *tx)
                .await?;
            let tags: Vec<(i64, String)> =
                sqlx::query_as("select item_id, tag from item_tag order by item_id, tag")
                    .fetch_all(&mut *tx)
                    .await?;
            let subcategories: Vec<Named> = sqlx::query_as(
                "select code, name_zh, name_en from subcategory \
                 order by case category when 'costume' then 0 when 'makeup' then 1 \
                 when 'prop' then 2 else 3 end, subcategory_id",
            )
            .fetch_all(&mut *tx)
            .await?;
            let suppliers: Vec<Named> = sqlx::query_as(
                "select code, name_zh, name_en from supplier where kind = 'stock' order by code",
            )
            .fetch_all(&mut *tx)
            .await?;
            tx.commit().await?;
            (revision, items, tags, subcategories, suppliers)
        });
        let items = items
            .into_iter()
            .map(|row| {
                Ok(IndexRow {
                    card: ItemCard::try_from(row.card)?,
                    subcategory: row.subcategory_code,
                    supplier: row.supplier_code,
                })
            })
            .collect::<Result<_, StorageError>>()?;
        Ok(CatalogueSource { revision, items, tags: group_tags(tags), subcategories, suppliers })
    }

    /// The cards of these items, in the order asked; unknown ids are left out.
    pub async fn item_cards(&self, ids: &[i64]) -> Result<Vec<ItemCard>, StorageError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (1..=ids.len()).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ");
        let sql = format!("{CARD_COLUMNS} where i.item_id in ({placeholders})");
        let rows: Vec<ItemRow> = on_db!(self.db(), pool => {
            let mut query = sqlx::query_as(&sql);
            for id in ids {
                query = query.bind(id);
            }
            query.fetch_all(pool).await?
        });
        let mut by_id: HashMap<i64, ItemCard> = HashMap::new();
        for row in rows {
            let card = ItemCard::try_from(row)?;
            by_id.insert(card.item_id, card);
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }
}

impl Store {
    /// An item's tags, in order.
    pub async fn item_tags(&self, item_id: i64) -> Result<Vec<String>, StorageError> {
        let tags = on_db!(self.db(), pool => {
            sqlx::query_scalar("select tag from item_tag where item_id = $1 order by tag")
                .bind(item_id)
                .fetch_all(pool)
                .await?
        });
        Ok(tags)
    }

    /// Up to `limit` other items of the same sub-category and era as `item_id`, by SKU.
    pub async fn related_items(
        &self,
        item_id: i64,
        limit: i64,
    ) -> Result<Vec<ItemCard>, StorageError> {
        let ids: Vec<i64> = on_db!(self.db(), pool => {
            sqlx::query_scalar(
                "select o.item_id from item o join item i on i.item_id = $1 \
                 where o.subcategory_id = i.subcategory_id and o.era = i.era \
                 and o.item_id <> i.item_id and o.retired_on is null order by o.sku limit $2",
            )
            .bind(item_id)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        self.item_cards(&ids).await
    }
}

/// A production that had an item: picked up or returned under one of its reservations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemUse {
    pub production_id: i64,
    pub name_zh: String,
    pub name_en: String,
    /// The production lets item pages name it.
    pub credit_consent: bool,
    /// The last day of its latest such reservation.
    pub last_day: Date,
}

impl Store {
    /// The productions that had `item_id` (reservations picked up or returned), latest first.
    pub async fn item_uses(&self, item_id: i64) -> Result<Vec<ItemUse>, StorageError> {
        let rows: Vec<(i64, String, String, bool, Date)> = on_db!(self.db(), pool => {
            sqlx::query_as(
                "select p.production_id, p.name_zh, p.name_en, p.credit_consent, r.last_day \
                 from reservation_line l \
                 join reservation r on r.reservation_id = l.reservation_id \
                 join production p on p.production_id = r.production_id \
                 where l.item_id = $1 and r.status in ('picked_up', 'returned') \
                 order by r.last_day desc, p.production_id",
            )
            .bind(item_id)
            .fetch_all(pool)
            .await?
        });
        let mut uses: Vec<ItemUse> = Vec::new();
        for (production_id, name_zh, name_en, credit_consent, last_day) in rows {
            if !uses.iter().any(|u| u.production_id == production_id) {
                uses.push(ItemUse { production_id, name_zh, name_en, credit_consent, last_day });
            }
        }
        Ok(uses)
    }

    /// Whether the production lets item pages name it (`None`: no such production).
    pub async fn credit_consent(&self, production_id: i64) -> Result<Option<bool>, StorageError> {
        let consent = on_db!(self.db(), pool => {
            sqlx::query_scalar("select credit_consent from production where production_id = $1")
                .bind(production_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(consent)
    }

    /// Sets whether the production lets item pages name it.
    pub async fn set_credit_consent(
        &self,
        production_id: i64,
        consent: bool,
    ) -> Result<(), StorageError> {
        on_db!(self.db(), pool => {
            sqlx::query("update production set credit_consent = $2 where production_id = $1")
                .bind(production_id)
                .bind(consent)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
