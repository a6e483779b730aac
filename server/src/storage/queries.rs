//! Read queries behind the public pages.

use std::collections::HashMap;

use app::models::{ItemCard, ItemPage, LocationPin};
use domain::vocab::{Era, Facility};

use super::catalogue::CARD_COLUMNS;
use super::rows::{CodeRow, ItemRow, LocationRow, code, group_codes};
use super::{StorageError, Store, on_db};

/// A map's visible area in WGS-84 degrees (not crossing the antimeridian).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl Viewport {
    pub const WORLD: Viewport = Viewport { south: -90.0, west: -180.0, north: 90.0, east: 180.0 };
}

impl Store {
    /// Every location with its eras and facilities, ordered by base then slug.
    pub async fn location_pins(&self) -> Result<Vec<LocationPin>, StorageError> {
        self.pins_within(&Viewport::WORLD).await
    }

    /// The locations inside `view` (a map's visible area), as `location_pins`: what a map
    /// loads when there are too many locations to send them all. Uses the `(lat, lon)` index.
    pub async fn location_pins_within(
        &self,
        view: &Viewport,
    ) -> Result<Vec<LocationPin>, StorageError> {
        self.pins_within(view).await
    }

    async fn pins_within(&self, view: &Viewport) -> Result<Vec<LocationPin>, StorageError> {
        const INSIDE: &str = "lat between $1 and $2 and lon between $3 and $4";
        let (rows, eras, facilities) = on_db!(self.db(), pool => {
            let rows: Vec<LocationRow> = sqlx::query_as(&format!(
                "select location_id, slug, name_zh, name_en, kind, setting, base, lat, lon, \
                 area_m2, hourly_rate_fen, changeover_min from location where {INSIDE} \
                 order by base, slug",
            ))
            .bind(view.south).bind(view.north).bind(view.west).bind(view.east)
            .fetch_all(pool)
            .await?;
            let eras: Vec<CodeRow> = sqlx::query_as(&format!(
                "select location_id as owner_id, era as code from location_era where location_id \
                 in (select location_id from location where {INSIDE}) order by location_id, position",
            ))
            .bind(view.south).bind(view.north).bind(view.west).bind(view.east)
            .fetch_all(pool)
            .await?;
            let facilities: Vec<CodeRow> = sqlx::query_as(&format!(
                "select location_id as owner_id, facility as code from location_facility \
                 where location_id in (select location_id from location where {INSIDE}) \
                 order by location_id, facility",
            ))
            .bind(view.south).bind(view.north).bind(view.west).bind(view.east)
            .fetch_all(pool)
            .await?;
            (rows, eras, facilities)
        });
        let mut eras = group_codes(eras, Era::parse, "location_era.era")?;
        let mut facilities =
            group_codes(facilities, Facility::parse, "location_facility.facility")?;
        rows.into_iter()
            .map(|row| {
                let id = row.location_id;
                row.into_pin(
                    eras.remove(&id).unwrap_or_default(),
                    facilities.remove(&id).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// One page (1-based) of the catalogue ordered by SKU, with the total count.
    pub async fn item_page(&self, page: i64, per_page: i64) -> Result<ItemPage, StorageError> {
        let offset = (page - 1).max(0) * per_page;
        let sql = format!("{CARD_COLUMNS} order by i.sku limit $1 offset $2");
        let (rows, total) = on_db!(self.db(), pool => {
            let rows: Vec<ItemRow> = sqlx::query_as(&sql)
            .bind(per_page)
            .bind(offset)
            .fetch_all(pool)
            .await?;
            let total: i64 = sqlx::query_scalar("select count(*) from item").fetch_one(pool).await?;
            (rows, total)
        });
        let items = rows.into_iter().map(ItemCard::try_from).collect::<Result<_, _>>()?;
        Ok(ItemPage { items, total, page, per_page })
    }

    /// The location revision: it changes whenever a location, its eras or its facilities do
    /// (database triggers).
    pub async fn location_revision(&self) -> Result<i64, StorageError> {
        Ok(self.revisions().await?.location)
    }

    /// Every location with its pinyin, for the map's in-memory index. The revision is read
    /// first, so the rows are at least as new as it says.
    pub async fn location_source(&self) -> Result<crate::locations::LocationSource, StorageError> {
        let revision = self.location_revision().await?;
        let pins = self.location_pins().await?;
        let pinyin = self.location_pinyin().await?;
        Ok(crate::locations::LocationSource { revision, pins, pinyin })
    }

    /// Each location's stored full pinyin, by slug.
    pub async fn location_pinyin(&self) -> Result<HashMap<String, String>, StorageError> {
        let rows: Vec<(String, String)> = on_db!(self.db(), pool => sqlx::query_as(
            "select slug, name_pinyin from location",
        )
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|(slug, pinyin)| (slug, crate::storage::rows::fold_pinyin(&pinyin)))
            .collect())
    }

    /// One location with what its page shows beyond the pin, if the slug exists.
    pub async fn location_facts(&self, slug: &str) -> Result<Option<LocationFacts>, StorageError> {
        let found = on_db!(self.db(), pool => {
            let row: Option<LocationRow> = sqlx::query_as(
                "select location_id, slug, name_zh, name_en, kind, setting, base, lat, lon, \
                 area_m2, hourly_rate_fen, changeover_min from location where slug = $1",
            )
            .bind(slug)
            .fetch_optional(pool)
            .await?;
            match row {
                None => None,
                Some(row) => {
                    let id = row.location_id;
                    let extra: FactsRow = sqlx::query_as(
                        "select l.description_zh, l.description_en, l.instant_book, l.supplier_id, \
                         s.name_zh as operator_zh, s.name_en as operator_en, \
                         s.site_zh as office_zh, s.site_en as office_en \
                         from location l join supplier s on s.supplier_id = l.supplier_id \
                         where l.location_id = $1",
                    )
                    .bind(id)
                    .fetch_one(pool)
                    .await?;
                    let eras: Vec<CodeRow> = sqlx::query_as(
                        "select location_id as owner_id, era as code from location_era \
                         where location_id = $1 order by position",
                    )
                    .bind(id)
                    .fetch_all(pool)
                    .await?;
                    let facilities: Vec<CodeRow> = sqlx::query_as(
                        "select location_id as owner_id, facility as code from location_facility \
                         where location_id = $1 order by facility",
                    )
                    .bind(id)
                    .fetch_all(pool)
                    .await?;
                    Some((row, extra, eras, facilities))
                }
            }
        });
        let Some((row, extra, eras, facilities)) = found else { return Ok(None) };
        let eras = eras
            .iter()
            .map(|r| code(Era::parse, &r.code, "location_era.era"))
            .collect::<Result<_, _>>()?;
        let facilities = facilities
            .iter()
            .map(|r| code(Facility::parse, &r.code, "location_facility.facility"))
            .collect::<Result<_, _>>()?;
        Ok(Some(LocationFacts {
            location_id: row.location_id,
            pin: row.into_pin(eras, facilities)?,
            description_zh: extra.description_zh,
            description_en: extra.description_en,
            instant_book: extra.instant_book,
            operator_id: extra.supplier_id,
            operator_zh: extra.operator_zh,
            operator_en: extra.operator_en,
            office_zh: extra.office_zh,
            office_en: extra.office_en,
        }))
    }
}

/// A location's page facts as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct LocationFacts {
    pub location_id: i64,
    pub pin: LocationPin,
    pub description_zh: String,
    pub description_en: String,
    pub instant_book: bool,
    /// The supplier operating the location.
    pub operator_id: i64,
    pub operator_zh: String,
    pub operator_en: String,
    /// Where the operator's office is: the place to report to on arrival.
    pub office_zh: String,
    pub office_en: String,
}

#[derive(Debug, sqlx::FromRow)]
struct FactsRow {
    description_zh: String,
    description_en: String,
    instant_book: bool,
    supplier_id: i64,
    operator_zh: String,
    operator_en: String,
    office_zh: String,
    office_en: String,
}
