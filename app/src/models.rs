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
    /// The era of the account's production, if it names one, read with the account (the
    /// catalogue's anachronism hints need no query of their own). Never sent.
    #[serde(skip)]
    pub production_era: Option<Era>,
    /// Whether that production is verified by an admin, read with the account (publishing
    /// calls and searching the pool need no query of their own). Never sent.
    #[serde(skip)]
    pub production_verified: bool,
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
pub use map::TileSource;

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
    /// The file key of its first photo (see `Photo`), if it has any.
    pub thumb: Option<String>,
}

impl ItemCard {
    /// Its thumbnail's address (480 × 320, as `Photo::THUMB_SIZE`), if it has a photo.
    pub fn thumb_url(&self) -> Option<String> {
        self.thumb.as_ref().map(|key| Photo::thumb_url_of(key))
    }
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

/// One value of a facet with how many items it would give together with the other filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetOption {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub count: u32,
    pub selected: bool,
}

/// A facet and its values, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetGroup {
    pub facet: domain::catalogue::Facet,
    pub options: Vec<FacetOption>,
}

/// A result: the item, and its names cut into runs the text query matched (`true`) or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemHit {
    pub card: ItemCard,
    pub name_zh: Vec<(String, bool)>,
    pub name_en: Vec<(String, bool)>,
}

/// One page of catalogue results with the facets' counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueView {
    pub total: u32,
    /// 1-based, as asked.
    pub page: u32,
    pub pages: u32,
    pub hits: Vec<ItemHit>,
    pub facets: Vec<FacetGroup>,
    /// The text matched nothing as typed; these results forgive a typo.
    pub forgiving: bool,
    /// The era the viewer's production declared, if any: items of other eras are marked.
    pub production_era: Option<Era>,
}

pub use domain::casting::Requirements;

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
    /// Places already booked (`needed - booked` remain).
    pub booked: i64,
    /// The production has an unpaid-wage report unresolved for more than
    /// [`domain::wages::WARNING_AFTER_DAYS`] days.
    pub wage_warning: bool,
}

impl CallCard {
    /// The call's terms as the editing form starts from them.
    pub fn draft(&self) -> domain::casting::CallDraft {
        domain::casting::CallDraft {
            role_zh: self.role_zh.clone(),
            role_en: self.role_en.clone(),
            description_zh: self.description_zh.clone(),
            description_en: self.description_en.clone(),
            location: self.location_slug.clone(),
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            deadline: self.deadline,
            pay_per_day: self.pay_per_day,
            needed: self.needed,
            requirements: self.requirements.clone(),
        }
    }

    /// What the public filter looks at.
    pub fn facts(&self) -> domain::casting::CallFacts<'_> {
        domain::casting::CallFacts {
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            pay_per_day: self.pay_per_day,
            requirements: &self.requirements,
            location: &self.location_slug,
        }
    }

    /// Places still free.
    pub fn remaining(&self) -> i64 {
        (self.needed - self.booked).max(0)
    }
}

/// Where the viewer's own application to a call stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationState {
    pub status: domain::casting::ApplicationStatus,
    pub reason: Option<domain::casting::ReleaseReason>,
}

/// Who is looking at a call's page, and what they may do there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CallViewer {
    /// Not logged in: may read and is invited to register as an actor.
    Visitor,
    /// An actor: their own facts (to check eligibility in the browser) and application.
    Actor { facts: domain::casting::ActorFacts, application: Option<ApplicationState> },
    /// An actor account without a profile yet (older accounts).
    ActorWithoutProfile,
    /// A crew member of the call's production (or an admin): may see the applicants.
    Casting,
    /// Anyone else logged in.
    Other,
}

/// A call's own page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallPage {
    pub card: CallCard,
    /// Still taking applications.
    pub open: bool,
    /// Cancelled by its crew.
    pub cancelled: bool,
    pub viewer: CallViewer,
    /// Where the call's place is (WGS-84 latitude, longitude), for directions.
    pub place_at: Option<(f64, f64)>,
}

/// A place a call can be set at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceOption {
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
}

/// The public list of open calls, narrowed by a [`domain::casting::CallFilter`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallList {
    /// The asked page of the calls that match, [`domain::casting::CALLS_PAGE`] at most.
    pub calls: Vec<CallCard>,
    /// Calls that match, on every page.
    pub matched: usize,
    /// This page (from 1; a page past the last is the last) and how many there are.
    pub page: u32,
    pub pages: u32,
    /// Open calls before narrowing.
    pub open: usize,
    /// Places with open calls, for the place filter.
    pub places: Vec<PlaceOption>,
    /// The viewer is crew of a production and may post a call.
    pub can_post: bool,
}

/// One of a production's own calls, as its crew lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnCall {
    pub card: CallCard,
    /// Still taking applications.
    pub open: bool,
    pub cancelled: bool,
    /// Applications waiting for a decision (applied or shortlisted).
    pub waiting: i64,
    /// Every application.
    pub applications: i64,
}

/// What the form for posting or editing a call starts from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallEditor {
    /// `None` for a new call.
    pub call_id: Option<i64>,
    pub production_zh: String,
    pub production_en: String,
    pub form: domain::casting::CallForm,
    pub places: Vec<PlaceOption>,
    /// Places booked already (the call may not need fewer).
    pub booked: i64,
}

/// An actor's own profile, as only they see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorProfileView {
    pub name: String,
    pub facts: domain::casting::ActorFacts,
    /// Age today, in the studio's time zone.
    pub age: i64,
    /// Crews may find the profile in searches of the actor pool.
    pub discoverable: bool,
    /// The current look photo, if one was uploaded.
    pub look: Option<LookView>,
}

/// An actor's current look photo, as the actor, the crews who may see them and admins see it.
/// The files are served only to those (`/media/looks/…`, checked per request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookView {
    pub key: String,
    pub taken_on: Date,
    /// Older than `domain::casting::LOOK_FRESH_DAYS` today.
    pub stale: bool,
}

impl LookView {
    /// The portrait thumbnail (240 × 320).
    pub fn thumb_url(&self) -> String {
        format!("/media/looks/{}-thumb.jpg", self.key)
    }

    /// The photo at up to 1600 px.
    pub fn large_url(&self) -> String {
        format!("/media/looks/{}-large.jpg", self.key)
    }
}

/// A discoverable actor as a crew finds them in the pool: no phone, no birth date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoolActor {
    pub actor_id: i64,
    pub name: String,
    pub gender: domain::vocab::Gender,
    pub age: i64,
    pub height_cm: i64,
    pub weight_kg: i64,
    pub skills: Vec<domain::vocab::Skill>,
    pub look: Option<LookView>,
}

/// A page of the actor pool, with counts over every match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoolView {
    pub total: i64,
    pub by_gender: Vec<(domain::vocab::Gender, i64)>,
    pub by_skill: Vec<(domain::vocab::Skill, i64)>,
    pub page: u32,
    pub pages: u32,
    pub actors: Vec<PoolActor>,
}

/// One of an actor's applications ("my work").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItem {
    pub application_id: i64,
    pub call: CallCard,
    pub state: ApplicationState,
    /// Unix seconds.
    pub applied_at: i64,
    /// For a booked application: each shooting day and where it stands.
    pub days: Vec<(Date, domain::wages::DayState)>,
    /// The actor's unpaid-wage reports on this application.
    pub reports: Vec<WageReportView>,
    /// For a booked application: the crew's notices, newest first.
    pub notices: Vec<CallNotice>,
}

/// A training module as its reader sees it: passed or not (actors), with when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingModuleView {
    pub module: domain::vocab::Module,
    /// When the reading actor passed it (unix seconds).
    pub passed_at: Option<i64>,
}

/// The training modules (码上培训), for anyone; an actor's passes are recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingView {
    pub modules: Vec<TrainingModuleView>,
    /// The reader is an actor with a profile: passing a quiz is recorded.
    pub records: bool,
}

/// How a quiz went, and whether the pass was recorded on the actor's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    pub module: domain::vocab::Module,
    pub grade: domain::training::Grade,
    pub recorded: bool,
}

/// An unpaid-wage report (欠薪反馈) as its actor, the production or an admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WageReportView {
    pub report_id: i64,
    pub call_id: i64,
    pub production_zh: String,
    pub production_en: String,
    pub role_zh: String,
    pub role_en: String,
    pub actor_name: String,
    pub day: Date,
    pub amount: Money,
    pub note: String,
    pub reported_on: Date,
    pub answer: Option<String>,
    pub status: domain::wages::ReportStatus,
    /// The crew has marked the day paid since.
    pub paid: bool,
    /// Unresolved for more than [`domain::wages::WARNING_AFTER_DAYS`] days.
    pub overdue: bool,
}

/// Who is reading the list of unpaid-wage reports, and so what they may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportsReader {
    /// A production's crew: every report on its calls; answers them.
    Production,
    /// An admin: every unresolved report; settles them.
    Admin,
}

/// The reports a production or an admin sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WageReportsView {
    pub reader: ReportsReader,
    pub reports: Vec<WageReportView>,
}

/// A booked actor's attendance pass for today: a QR code of a link the crew opens with a
/// phone's camera, and the code itself to type when a scan fails.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassView {
    pub application_id: i64,
    pub call: CallCard,
    pub name: String,
    pub today: Date,
    pub code: String,
    /// The link in the QR code.
    pub url: String,
    /// The QR code as SVG markup.
    pub svg: String,
    /// Today is one of the call's shooting days.
    pub shooting_today: bool,
    /// Attendance today is recorded already (unix seconds).
    pub attended_at: Option<i64>,
}

/// What a crew member sees on opening a scanned pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInView {
    pub code: String,
    pub call_id: i64,
    pub role_zh: String,
    pub role_en: String,
    pub actor_name: String,
    pub today: Date,
    /// When attendance today was recorded (unix seconds), by this visit or before.
    pub attended_at: Option<i64>,
    /// This visit recorded it.
    pub recorded_now: bool,
}

/// A call's booked actors and their shooting days, for the crew's attendance and pay sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttendanceView {
    pub card: CallCard,
    pub today: Date,
    pub days: Vec<Date>,
    pub actors: Vec<AttendanceActor>,
    /// Unresolved unpaid-wage reports on this call.
    pub open_reports: usize,
    /// Notices sent to the booked actors, newest first.
    pub notices: Vec<CallNotice>,
}

/// A notice from a call's crew to its booked actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallNotice {
    pub body: String,
    /// Unix seconds.
    pub sent_at: i64,
}

/// One booked actor's row on the attendance sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceActor {
    pub application_id: i64,
    pub name: String,
    pub phone: Option<String>,
    /// One entry per shooting day, in order.
    pub days: Vec<domain::wages::DayState>,
}

/// An applicant as the call's crew sees them (never public).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    pub application_id: i64,
    pub name: String,
    pub gender: Gender,
    /// On the call's first day.
    pub age: i64,
    pub height_cm: i64,
    pub weight_kg: i64,
    pub skills: Vec<Skill>,
    /// Shown once booked, for the call sheet.
    pub phone: Option<String>,
    pub state: ApplicationState,
    pub applied_at: i64,
    pub look: Option<LookView>,
}

/// A call's applicants, narrowed by a filter, with counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicantsView {
    pub card: CallCard,
    pub open: bool,
    pub cancelled: bool,
    /// Everyone who applied.
    pub total: usize,
    /// How many pass the filter's bounds, per status (the status choice aside).
    pub by_status: Vec<(domain::casting::ApplicationStatus, usize)>,
    /// Those passing the filter, status included, in order of application.
    pub applicants: Vec<Applicant>,
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
    /// The booking's shooting span (its phases), under the same rule.
    pub shoot: Option<domain::timeline::Shoot>,
}

/// What the viewer may do on a location's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LocationRights {
    /// Anyone logged in (others are offered the login page to book).
    pub signed_in: bool,
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
    /// The operator's office, where crews report on arrival.
    pub office_zh: String,
    pub office_en: String,
    /// Bookings are confirmed at once, without waiting for the operator.
    pub instant_book: bool,
    /// The first of the seven studio days shown.
    pub week_start: Date,
    pub schedule: Vec<ScheduleSlot>,
    pub rights: LocationRights,
    /// On the viewer's shortlist; `None` for viewers who keep none (everyone but crew).
    pub shortlisted: Option<bool>,
    /// Oldest first; the first is the location's cover.
    pub photos: Vec<Photo>,
}

/// What the comparison page shows: the locations asked for (in that order), each with its
/// cover photo if it has one, and the studio's date today (the default day for sun times).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub today: Date,
    pub locations: Vec<(LocationPin, Option<Photo>)>,
}

/// A photo of a location or catalogue item, kept as a large copy and a thumbnail (see
/// `server::media`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub photo_id: i64,
    /// The files' random name.
    pub key: String,
    /// The large copy's size in pixels.
    pub width: u32,
    pub height: u32,
    pub caption: String,
}

impl Photo {
    /// The thumbnail's size: every thumbnail is cropped to it.
    pub const THUMB_SIZE: (u32, u32) = (480, 320);
    /// The largest file accepted: 15 MiB (the page checks it before sending, the server again).
    pub const MAX_BYTES: usize = 15 * 1024 * 1024;

    pub fn large_url(&self) -> String {
        format!("/media/photos/{}-large.jpg", self.key)
    }

    pub fn thumb_url(&self) -> String {
        Photo::thumb_url_of(&self.key)
    }

    /// The thumbnail of the photo stored under `key`.
    pub fn thumb_url_of(key: &str) -> String {
        format!("/media/photos/{key}-thumb.jpg")
    }
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
    /// Shooting within the window; `None`: all shooting.
    pub shoot: Option<domain::timeline::Shoot>,
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

/// An item's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemDetail {
    pub card: ItemCard,
    pub tags: Vec<String>,
    /// The first day of `free`, and the day before and after it for paging.
    pub from: Date,
    /// Units free on each of 14 days from `from`.
    pub free: Vec<(Date, i64)>,
    /// Items of the same sub-category and era.
    pub related: Vec<ItemCard>,
    /// Whether the viewer may put it on a request list (a crew member of a production).
    pub can_request: bool,
    /// How many the viewer's request list already asks for.
    pub requested: i64,
    /// Its supplier retired it: no longer in the catalogue, no new requests.
    pub retired: bool,
    /// Productions that had it and let item pages name them, latest first (at most 12).
    pub used_by: Vec<ItemUse>,
    /// How many other productions had it (they keep their names private).
    pub used_privately: u32,
    /// Its photos, the first of which is its thumbnail in the catalogue.
    pub photos: Vec<Photo>,
    /// The viewer may add and delete photos (a member of its supplier, or an admin).
    pub manage_photos: bool,
}

/// A production named among those that used an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemUse {
    pub production_zh: String,
    pub production_en: String,
    /// The last day of its latest reservation of the item.
    pub last_day: Date,
}

/// One line of a request list: the item, how many, and the fewest free on any of the list's
/// days (`None` before days are chosen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestLine {
    pub card: ItemCard,
    pub quantity: i64,
    pub fewest_free: Option<i64>,
}

/// A crew member's request list, priced once its days are chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestView {
    /// The studio's date, for the date fields' minimum.
    pub today: Date,
    pub days: Option<domain::stock::Days>,
    pub lines: Vec<RequestLine>,
    pub quote: Option<domain::stock::Quote>,
}

pub use domain::reservation::ReservationStatus;

/// One line of a reservation, at the price quoted when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservedLine {
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub quantity: i64,
    pub daily_rate: Money,
    pub deposit: Money,
}

/// A reservation as its production sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationView {
    pub code: String,
    pub status: ReservationStatus,
    pub days: domain::stock::Days,
    pub supplier_zh: String,
    pub supplier_en: String,
    pub lines: Vec<ReservedLine>,
    pub quote: domain::stock::Quote,
    /// Still out after its last day, or returned after it (`domain::reservation::is_late`).
    #[serde(default)]
    pub late: bool,
}
