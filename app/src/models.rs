//! Read models sent to the browser, each shaped for one view and holding only what that view
//! may show (no supplier-internal notes, no actor's personal data).

use domain::Money;
use domain::account::Role;
use domain::vocab::{
    Base, Category, Colour, Condition, Era, Facility, Gender, LocationKind, Material, Setting,
    Size, Skill,
};
use serde::{Deserialize, Serialize};
use time::Date;

/// Who is logged in, as the header and permission checks need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub account_id: i64,
    pub display_name: String,
    pub role: Role,
}

/// A location as shown on the map and in the list beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationPin {
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: LocationKind,
    pub eras: Vec<Era>,
    pub setting: Setting,
    pub base: Base,
    pub lat: f64,
    pub lon: f64,
    pub area_m2: i64,
    pub facilities: Vec<Facility>,
    pub hourly_rate: Money,
    pub changeover_min: i64,
}

/// Where map tiles come from; an empty `url` means the offline base only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TileSource {
    pub url: String,
    pub attribution: String,
}

/// Everything the locations page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationsView {
    pub pins: Vec<LocationPin>,
    pub tiles: TileSource,
}

/// A catalogue item as shown in the result grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemCard {
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub category: Category,
    pub subcategory_zh: String,
    pub subcategory_en: String,
    pub era: Era,
    pub colour: Colour,
    pub material: Material,
    pub size: Option<Size>,
    pub condition: Condition,
    pub quantity_owned: i64,
    pub daily_rate: Money,
    pub deposit: Money,
    pub supplier_zh: String,
    pub supplier_en: String,
}

/// One page of catalogue results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemPage {
    pub items: Vec<ItemCard>,
    pub total: i64,
    /// 1-based.
    pub page: i64,
    pub per_page: i64,
}

impl ItemPage {
    pub fn page_count(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

/// What a casting call asks of an actor; `None` bounds are open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirements {
    pub gender: Option<Gender>,
    pub age_range: (Option<i64>, Option<i64>),
    pub height_range_cm: (Option<i64>, Option<i64>),
    pub weight_range_kg: (Option<i64>, Option<i64>),
    pub skills: Vec<Skill>,
}

/// A casting call as the public sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallCard {
    pub call_id: i64,
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
    pub pay_per_day: Money,
    pub requirements: Requirements,
    pub needed: i64,
}
