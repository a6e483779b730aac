//! Typed rows as stored, and their conversion into read models. Rows never leave `server/`.

use std::collections::HashMap;

use app::models::{CallCard, ItemCard, LocationPin, Requirements};
use domain::Money;
use domain::vocab::{
    Base, Category, Colour, Condition, Era, Facility, Gender, LocationKind, Material, Setting,
    Size, Skill,
};
use time::Date;

use super::StorageError;

/// Reads a vocabulary code stored in `column`, refusing unknown codes.
pub(super) fn code<T>(
    parse: fn(&str) -> Option<T>,
    value: &str,
    column: &str,
) -> Result<T, StorageError> {
    parse(value)
        .ok_or_else(|| StorageError::Corrupt(format!("{column} holds unknown code {value:?}")))
}

#[derive(Debug, sqlx::FromRow)]
pub(super) struct LocationRow {
    pub location_id: i64,
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: String,
    pub setting: String,
    pub base: String,
    pub lat: f64,
    pub lon: f64,
    pub area_m2: i64,
    pub hourly_rate_fen: i64,
    pub changeover_min: i64,
}

impl LocationRow {
    pub fn into_pin(
        self,
        eras: Vec<Era>,
        facilities: Vec<Facility>,
    ) -> Result<LocationPin, StorageError> {
        Ok(LocationPin {
            kind: code(LocationKind::parse, &self.kind, "location.kind")?,
            setting: code(Setting::parse, &self.setting, "location.setting")?,
            base: code(Base::parse, &self.base, "location.base")?,
            slug: self.slug,
            name_zh: self.name_zh,
            name_en: self.name_en,
            eras,
            lat: self.lat,
            lon: self.lon,
            area_m2: self.area_m2,
            facilities,
            hourly_rate: Money::from_fen(self.hourly_rate_fen),
            changeover_min: self.changeover_min,
        })
    }
}

/// A (parent id, code) pair from a list table such as `location_era`.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct CodeRow {
    pub owner_id: i64,
    pub code: String,
}

#[derive(Debug, sqlx::FromRow)]
pub(super) struct ItemRow {
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub category: String,
    pub subcategory_zh: String,
    pub subcategory_en: String,
    pub era: String,
    pub colour: String,
    pub material: String,
    pub size: Option<String>,
    pub condition: String,
    pub quantity_owned: i64,
    pub daily_rate_fen: i64,
    pub deposit_fen: i64,
    pub supplier_zh: String,
    pub supplier_en: String,
    pub thumb_key: Option<String>,
}

impl TryFrom<ItemRow> for ItemCard {
    type Error = StorageError;

    fn try_from(row: ItemRow) -> Result<ItemCard, StorageError> {
        Ok(ItemCard {
            category: code(Category::parse, &row.category, "item.category")?,
            era: code(Era::parse, &row.era, "item.era")?,
            colour: code(Colour::parse, &row.colour, "item.colour")?,
            material: code(Material::parse, &row.material, "item.material")?,
            size: row.size.as_deref().map(|s| code(Size::parse, s, "item.size")).transpose()?,
            condition: code(Condition::parse, &row.condition, "item.condition")?,
            item_id: row.item_id,
            sku: row.sku,
            name_zh: row.name_zh,
            name_en: row.name_en,
            subcategory_zh: row.subcategory_zh,
            subcategory_en: row.subcategory_en,
            quantity_owned: row.quantity_owned,
            daily_rate: Money::from_fen(row.daily_rate_fen),
            deposit: Money::from_fen(row.deposit_fen),
            supplier_zh: row.supplier_zh,
            supplier_en: row.supplier_en,
            thumb: row.thumb_key,
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(super) struct CallRow {
    pub casting_call_id: i64,
    pub production_zh: String,
    pub production_en: String,
    pub verified: bool,
    pub role_zh: String,
    pub role_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub location_slug: String,
    pub location_zh: String,
    pub location_en: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub deadline: Date,
    pub pay_per_day_fen: i64,
    pub gender: Option<String>,
    pub age_min: Option<i64>,
    pub age_max: Option<i64>,
    pub height_min_cm: Option<i64>,
    pub height_max_cm: Option<i64>,
    pub weight_min_kg: Option<i64>,
    pub weight_max_kg: Option<i64>,
    pub needed: i64,
}

/// Groups `(owner, code)` rows into per-owner lists of parsed values, keeping row order.
pub(super) fn group_codes<T>(
    rows: Vec<CodeRow>,
    parse: fn(&str) -> Option<T>,
    column: &str,
) -> Result<HashMap<i64, Vec<T>>, StorageError> {
    let mut grouped: HashMap<i64, Vec<T>> = HashMap::new();
    for row in rows {
        grouped.entry(row.owner_id).or_default().push(code(parse, &row.code, column)?);
    }
    Ok(grouped)
}

impl CallRow {
    /// The public card, with the places already `booked`.
    pub fn into_card(self, skills: Vec<Skill>, booked: i64) -> Result<CallCard, StorageError> {
        Ok(CallCard {
            call_id: self.casting_call_id,
            production_zh: self.production_zh,
            production_en: self.production_en,
            verified: self.verified,
            role_zh: self.role_zh,
            role_en: self.role_en,
            description_zh: self.description_zh,
            description_en: self.description_en,
            location_slug: self.location_slug,
            location_zh: self.location_zh,
            location_en: self.location_en,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            deadline: self.deadline,
            pay_per_day: Money::from_fen(self.pay_per_day_fen),
            requirements: Requirements {
                gender: self
                    .gender
                    .as_deref()
                    .map(|g| code(Gender::parse, g, "casting_call.gender"))
                    .transpose()?,
                age_range: (self.age_min, self.age_max),
                height_range_cm: (self.height_min_cm, self.height_max_cm),
                weight_range_kg: (self.weight_min_kg, self.weight_max_kg),
                skills,
                // Filled in by the caller from `casting_call_training`.
                training: Vec::new(),
            },
            needed: self.needed,
            booked,
            wage_warning: false,
        })
    }
}

/// Stored pinyin as search compares it: lower case, no spaces or apostrophes.
pub(crate) fn fold_pinyin(pinyin: &str) -> String {
    domain::location_filter::fold(pinyin)
}
