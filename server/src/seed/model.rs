//! Shapes of the seed records, independent of storage: the seed modules build these and
//! `seed::load` writes them.

use domain::vocab::{
    Base, Category, Colour, Condition, Era, Facility, Gender, LocationKind, Material, Setting,
    Size, Skill,
};

/// A set, stage or outdoor base.
#[derive(Debug, Clone)]
pub struct SeedLocation {
    /// URL slug, lowercase ASCII with dashes, unique (e.g. `qin-palace`).
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
    /// Pinyin of the Chinese name without tones or spaces, lowercase (e.g. `qinwanggong`).
    pub name_pinyin: String,
    pub kind: LocationKind,
    /// Eras the set can stand for, most fitting first (at least one).
    pub eras: Vec<Era>,
    pub setting: Setting,
    pub base: Base,
    /// WGS-84.
    pub lat: f64,
    pub lon: f64,
    pub area_m2: i64,
    pub facilities: Vec<Facility>,
    pub hourly_rate_yuan: i64,
    /// Minutes that must stay free between two bookings of this location.
    pub changeover_min: i64,
    pub description_zh: String,
    pub description_en: String,
    /// Code of the supplier (location operator) that manages it; see `SUPPLIERS`.
    pub operator_code: &'static str,
}

/// A sub-category of the 服化道 stock.
#[derive(Debug, Clone, Copy)]
pub struct SeedSubcategory {
    pub code: &'static str,
    pub category: Category,
    pub name_zh: &'static str,
    pub name_en: &'static str,
}

/// One catalogue item (a stock line: `quantity_owned` identical pieces).
#[derive(Debug, Clone)]
pub struct SeedItem {
    /// Unique, e.g. `CO-00001`, `MU-00001`, `PR-00001`, `VE-00001`.
    pub sku: String,
    pub category: Category,
    /// A `SeedSubcategory::code` of the same category.
    pub subcategory: &'static str,
    pub era: Era,
    pub colour: Colour,
    pub material: Material,
    /// Only for costumes.
    pub size: Option<Size>,
    pub condition: Condition,
    pub quantity_owned: i64,
    pub daily_rate_fen: i64,
    pub deposit_fen: i64,
    /// A `SeedSupplier::code` whose `kind` is `SupplierKind::Stock`.
    pub supplier_code: &'static str,
    pub name_zh: String,
    pub name_en: String,
    /// Short lowercase English or Chinese tags (e.g. `armour`, `宫廷`).
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupplierKind {
    /// A wardrobe, props or vehicle house with a warehouse.
    Stock,
    /// Operates locations.
    LocationOperator,
}

#[derive(Debug, Clone, Copy)]
pub struct SeedSupplier {
    pub code: &'static str,
    pub kind: SupplierKind,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Warehouse or office, e.g. "横店影视产业园 3号仓".
    pub site_zh: &'static str,
    pub site_en: &'static str,
}

/// A production (剧组).
#[derive(Debug, Clone, Copy)]
pub struct SeedProduction {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub company_zh: &'static str,
    pub company_en: &'static str,
    /// Verified by an admin: only verified productions may publish casting calls.
    pub verified: bool,
    /// The era the production is set in, if it declared one.
    pub era: Option<Era>,
}

/// A casting call; dates are offsets in days from the seed's anchor date.
#[derive(Debug, Clone)]
pub struct SeedCall {
    pub production_code: &'static str,
    pub role_zh: String,
    pub role_en: String,
    pub description_zh: String,
    pub description_en: String,
    /// A `SeedLocation::slug`.
    pub location_slug: String,
    pub start_offset_days: i64,
    /// At least 1.
    pub duration_days: i64,
    /// Applications close at the end of this day (offset from the anchor).
    pub deadline_offset_days: i64,
    pub pay_per_day_fen: i64,
    pub gender: Option<Gender>,
    pub age_min: Option<i64>,
    pub age_max: Option<i64>,
    pub height_min_cm: Option<i64>,
    pub height_max_cm: Option<i64>,
    pub weight_min_kg: Option<i64>,
    pub weight_max_kg: Option<i64>,
    pub skills: Vec<Skill>,
    pub needed: i64,
    /// `false` for calls already closed (filled or cancelled).
    pub open: bool,
}

/// A background actor's profile. Personal data: never shown to the public.
#[derive(Debug, Clone)]
pub struct SeedActor {
    /// Chinese full name, e.g. "王秀英".
    pub name: String,
    pub gender: Gender,
    /// Birth date as (year, month, day).
    pub birth_date: (i32, u8, u8),
    pub height_cm: i64,
    pub weight_kg: i64,
    pub skills: Vec<Skill>,
    /// Mainland mobile number, 11 digits starting with 1, unique among actors.
    pub phone: String,
    /// Whether crews may find the profile in pool searches.
    pub discoverable: bool,
}
