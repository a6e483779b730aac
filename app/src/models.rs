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
    /// The production (crew) or supplier (supplier accounts) the account belongs to; `None`
    /// until an admin or an invitation attaches it.
    pub org: Option<Org>,
    /// Bumped by a password change; sessions holding an older version are ended. Never sent.
    #[serde(skip)]
    pub session_version: i64,
}

impl SessionUser {
    /// Refuses the call unless the account has `role`.
    pub fn require(&self, role: Role) -> Result<(), crate::error::AppError> {
        if self.role == role { Ok(()) } else { Err(crate::error::AppError::Forbidden) }
    }
}

/// Which kind of organisation an account can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    /// A production (剧组): crew members belong to one.
    #[serde(rename = "production")]
    Production,
    /// A wardrobe/props/vehicle house or a location operator: supplier accounts belong to one.
    #[serde(rename = "supplier")]
    Supplier,
}

impl OrgKind {
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Production => "production",
            OrgKind::Supplier => "supplier",
        }
    }

    /// The role whose accounts may belong to this kind of organisation.
    pub fn member_role(self) -> Role {
        match self {
            OrgKind::Production => Role::Crew,
            OrgKind::Supplier => Role::Supplier,
        }
    }

    /// The kind of organisation accounts with `role` belong to, if any.
    pub fn for_role(role: Role) -> Option<OrgKind> {
        match role {
            Role::Crew => Some(OrgKind::Production),
            Role::Supplier => Some(OrgKind::Supplier),
            Role::Actor | Role::Admin => None,
        }
    }
}

/// A reference to a production or supplier, as forms send it: `production:3`, `supplier:12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgRef {
    pub kind: OrgKind,
    pub id: i64,
}

impl OrgRef {
    pub fn parse(value: &str) -> Option<OrgRef> {
        let (kind, id) = value.split_once(':')?;
        let kind = match kind {
            "production" => OrgKind::Production,
            "supplier" => OrgKind::Supplier,
            _ => return None,
        };
        Some(OrgRef { kind, id: id.parse().ok().filter(|id| *id > 0)? })
    }

    pub fn code(&self) -> String {
        format!("{}:{}", self.kind.code(), self.id)
    }
}

/// A production or supplier with its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Org {
    pub kind: OrgKind,
    pub id: i64,
    pub name_zh: String,
    pub name_en: String,
}

impl Org {
    pub fn reference(&self) -> OrgRef {
        OrgRef { kind: self.kind, id: self.id }
    }
}

/// An account as the admin's account list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub account_id: i64,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    /// Unix seconds.
    pub created_at: i64,
    pub org: Option<Org>,
}

/// A production or supplier as the admin's lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgSummary {
    pub org: Org,
    pub code: String,
    /// The production company, or the supplier's site.
    pub detail_zh: String,
    pub detail_en: String,
    /// Productions only: whether an admin has verified it (only verified productions publish).
    pub verified: bool,
    pub members: i64,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Unix seconds.
    pub at: i64,
    /// Who acted; `None` once that account is deleted.
    pub by: Option<String>,
    pub action: String,
    pub detail: String,
}

/// What the admin's accounts page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminView {
    pub accounts: Vec<AccountSummary>,
    /// Accounts matching the filter (the list holds at most a page of them).
    pub matching: i64,
    pub productions: Vec<OrgSummary>,
    pub suppliers: Vec<OrgSummary>,
    pub audit: Vec<AuditEntry>,
}

/// An invitation as its link's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub org: Org,
    /// Unix seconds.
    pub expires_at: i64,
}

/// A freshly made invitation: the link's token is shown once and never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInvitation {
    pub token: String,
    pub org: Org,
    /// Unix seconds.
    pub expires_at: i64,
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
    /// The tiles are drawn in GCJ-02 (Chinese providers): markers are shifted on the way to
    /// the map; stored coordinates stay WGS-84.
    pub gcj02: bool,
}

/// The outline of a base's area (WGS-84 latitude, longitude), drawn under the markers so the
/// map keeps its meaning without tiles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseOutline {
    pub base: Base,
    pub ring: Vec<(f64, f64)>,
}

/// Everything the locations page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationsView {
    /// The locations matching the filter.
    pub pins: Vec<LocationPin>,
    /// How many locations there are in all.
    pub total: usize,
    pub tiles: TileSource,
    /// Every base's outline, whatever the filter.
    pub outlines: Vec<BaseOutline>,
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

/// A booking on a location's schedule, as the viewer may see it: another production's booking
/// shows only its window and changeover, never the production.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleSlot {
    pub window: domain::booking::Window,
    /// Kept free after it for other productions, in seconds.
    pub changeover: i64,
    pub status: domain::booking::BookingStatus,
    /// The viewer's own production's booking.
    pub own: bool,
    /// Set for the viewer's own bookings and for the location's operator and admins.
    pub booking_id: Option<i64>,
    /// Production names (zh, en), under the same rule as `booking_id`.
    pub production: Option<(String, String)>,
}

/// What the viewer may do on a location's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LocationRights {
    /// A crew member of a production: may book.
    pub book: bool,
    /// The location's operator (or an admin): sees who booked and confirms or declines.
    pub operate: bool,
}

/// Everything a location's page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationDetail {
    pub pin: LocationPin,
    pub description_zh: String,
    pub description_en: String,
    pub operator_zh: String,
    pub operator_en: String,
    /// Bookings are confirmed at once, without waiting for the operator.
    pub instant_book: bool,
    /// The first of the seven studio days shown.
    pub week_start: Date,
    pub schedule: Vec<ScheduleSlot>,
    pub rights: LocationRights,
    /// On the viewer's shortlist; `None` for viewers who keep none (everyone but crew).
    pub shortlisted: Option<bool>,
}

/// A booking just made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingReceipt {
    pub booking_id: i64,
    pub status: domain::booking::BookingStatus,
    pub window: domain::booking::Window,
}

/// One of a production's bookings, as its schedule lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrewBooking {
    pub booking_id: i64,
    pub slug: String,
    pub location_zh: String,
    pub location_en: String,
    pub status: domain::booking::BookingStatus,
    pub window: domain::booking::Window,
    pub note: String,
}

/// A production's schedule page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrewSchedule {
    pub production: Org,
    pub bookings: Vec<CrewBooking>,
    /// Newest first.
    pub notices: Vec<HandoverNotice>,
}

/// The set a production takes over next is handed over later: the booking before its own ran
/// over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverNotice {
    pub slug: String,
    pub location_zh: String,
    pub location_en: String,
    /// When the set is now handed over.
    pub handover_at: i64,
    /// The production's own booking.
    pub window: domain::booking::Window,
    pub created_at: i64,
}

/// A crew member's shortlist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortlistView {
    /// In the order they were added.
    pub pins: Vec<LocationPin>,
    /// The token of the read-only link, once made (`/shortlist/{token}`).
    pub share_token: Option<String>,
}

/// A shortlist opened through its shared link: the production, never the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedShortlist {
    pub production: Option<(String, String)>,
    pub pins: Vec<LocationPin>,
}
