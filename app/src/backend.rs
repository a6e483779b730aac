//! The storage-facing interface the server implements and hands to server functions through
//! Leptos context. Implementations log infrastructure failures and return `AppError::Unexpected`.

use std::sync::Arc;

use crate::error::AppError;
use crate::models::OwnCall;
use crate::models::{
    ActorProfileView, AdminView, ApplicantsView, ApplicationState, AttendanceView, BookingReceipt,
    CallEditor, CallList, CallPage, CatalogueView, CheckInView, Comparison, InvitationView,
    ItemDetail, LocationDetail, LocationsView, NewInvitation, OrgRef, PassView, PoolView,
    QuizResult, RequestView, ReservationView, SessionUser, SharedShortlist, ShortlistView,
    TrainingView, WageReportsView, WorkItem,
};
use domain::account::Role;

/// What `Backend::recall_session` found.
#[derive(Debug, Clone)]
pub struct Recall {
    /// The sign-in revision as read before looking: what is found afterwards is remembered
    /// under it.
    pub revision: i64,
    /// Who the session is signed in as, if that is remembered and still holds.
    pub user: Option<SessionUser>,
}

/// What a registration form sends.
#[derive(Debug, Clone)]
pub struct RegistrationForm {
    pub login: String,
    pub password: String,
    pub display_name: String,
    /// Actor, crew or supplier; admins are never self-registered.
    pub role: Role,
    /// An invitation token: the account joins its organisation (and takes its member role).
    pub invitation: Option<String>,
    /// An actor's profile, as typed (read only for actor accounts).
    pub profile: ActorProfileForm,
}

/// The actor's part of the registration form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ActorProfileForm {
    pub gender: String,
    pub birth_date: String,
    pub height_cm: String,
    pub weight_kg: String,
}

/// Which accounts the admin asks for.
#[derive(Debug, Clone, Default)]
pub struct AccountQuery {
    pub text: String,
    pub role: Option<Role>,
    pub unattached: bool,
}

/// A production as an admin creates it.
#[derive(Debug, Clone)]
pub struct ProductionForm {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub company_zh: String,
    pub company_en: String,
}

/// What server functions may ask of the server.
#[async_trait::async_trait]
pub trait Backend: Send + Sync + 'static {
    /// The locations matching `filter`, ordered by base and name, how many there are in all,
    /// the bases' outlines and the tile settings. For "free from … to …", bookings of
    /// `viewer`'s own production may abut the range.
    async fn locations(
        &self,
        filter: &domain::location_filter::LocationFilter,
        viewer: Option<&SessionUser>,
    ) -> Result<LocationsView, AppError>;
    /// Runs booking `booking_id` on to `new_end` (an overrun), for its production's crew, the
    /// location's operator or an admin: `Clash` (suggestion: the longest the booking can be)
    /// when the time after it is not free; `Invalid` on `ends_at` for a bad end.
    async fn extend_booking(
        &self,
        user: &SessionUser,
        booking_id: i64,
        new_end: i64,
    ) -> Result<BookingReceipt, AppError>;
    /// `user`'s shortlist (crew members only).
    async fn shortlist(&self, user: &SessionUser) -> Result<ShortlistView, AppError>;
    /// Adds `slug` to `user`'s shortlist; `Invalid` on `slug` with `shortlist_full` when it
    /// holds 50 locations already.
    async fn shortlist_add(&self, user: &SessionUser, slug: &str) -> Result<(), AppError>;
    async fn shortlist_remove(&self, user: &SessionUser, slug: &str) -> Result<(), AppError>;
    /// Makes a new read-only link to `user`'s shortlist (the old one stops working); the token.
    async fn share_shortlist(&self, user: &SessionUser) -> Result<String, AppError>;
    /// The shortlist shared by `token`, as it is now.
    async fn shared_shortlist(&self, token: &str) -> Result<SharedShortlist, AppError>;
    /// Up to four locations by slug, in the order asked, with their cover photos; unknown
    /// slugs are left out.
    async fn compare(&self, slugs: &[String]) -> Result<Comparison, AppError>;
    /// The catalogue page `query` asks for, `per_page` items a page, with facet counts.
    async fn catalogue(
        &self,
        query: &domain::catalogue::CatalogueQuery,
        per_page: u32,
    ) -> Result<CatalogueView, AppError>;
    /// An item's page; `from` is the first day of its availability calendar (today when
    /// `None` or past).
    async fn item_detail(
        &self,
        item_id: i64,
        from: Option<time::Date>,
        viewer: Option<&SessionUser>,
    ) -> Result<ItemDetail, AppError>;
    /// The caller's request list, priced once its days are set (crew of a production).
    async fn request_list(&self, user: &SessionUser) -> Result<RequestView, AppError>;
    /// Sets how many of an item the caller's list asks for (0 takes it off).
    async fn set_request_line(
        &self,
        user: &SessionUser,
        item_id: i64,
        quantity: i64,
    ) -> Result<(), AppError>;
    /// Sets the days of the caller's list (checked against the studio's today).
    async fn set_request_days(
        &self,
        user: &SessionUser,
        first: time::Date,
        last: time::Date,
    ) -> Result<(), AppError>;
    /// Reserves the caller's list for its production: every line or none.
    async fn submit_request(&self, user: &SessionUser) -> Result<Vec<String>, AppError>;
    /// The reservations of the caller's production, newest first.
    async fn production_reservations(
        &self,
        user: &SessionUser,
    ) -> Result<Vec<ReservationView>, AppError>;
    /// Calls that are open and whose deadline has not passed in the studio's time zone,
    /// narrowed by `filter`: page `page` of them.
    async fn open_calls(
        &self,
        filter: &domain::casting::CallFilter,
        page: u32,
    ) -> Result<CallList, AppError>;
    /// A call's page, open or not (`NotFound` for unknown calls and unverified productions),
    /// with what `viewer` may do there.
    async fn call_page(
        &self,
        call_id: i64,
        viewer: Option<&SessionUser>,
    ) -> Result<CallPage, AppError>;
    /// Applies actor `user` to `call_id`: `Ineligible` with every requirement they miss;
    /// `Invalid` on `call` with `already_applied` or `call_closed`.
    async fn apply(&self, user: &SessionUser, call_id: i64) -> Result<ApplicationState, AppError>;
    /// Actor `user`'s applications, newest first.
    async fn my_work(&self, user: &SessionUser) -> Result<Vec<WorkItem>, AppError>;
    /// Discoverable actors passing `filter`, page `page` (crews of verified productions and
    /// admins).
    async fn actor_pool(
        &self,
        user: &SessionUser,
        filter: &domain::casting::ActorFilter,
        page: u32,
    ) -> Result<PoolView, AppError>;
    /// Actor `user`'s own profile (`NotFound` for an actor account without one).
    async fn my_profile(&self, user: &SessionUser) -> Result<ActorProfileView, AppError>;
    /// Saves actor `user`'s measures, skills and search switch; each problem is `Invalid` on
    /// its field and changes nothing.
    async fn save_profile(
        &self,
        user: &SessionUser,
        edit: &domain::casting::ProfileEdit,
    ) -> Result<ActorProfileView, AppError>;
    /// A call's applicants narrowed by `filter` (crew of the call's production, admins).
    async fn applicants(
        &self,
        user: &SessionUser,
        call_id: i64,
        filter: &domain::casting::ActorFilter,
    ) -> Result<ApplicantsView, AppError>;
    /// Shortlists, books or releases an application (crew of the call's production): booking
    /// beyond the places needed is `Invalid` on `decision` with `call_full`.
    async fn decide(
        &self,
        user: &SessionUser,
        call_id: i64,
        application_id: i64,
        decision: domain::casting::Decision,
    ) -> Result<(), AppError>;
    /// Closes a call; everyone not booked is released (crew of the call's production).
    async fn close_call(&self, user: &SessionUser, call_id: i64) -> Result<(), AppError>;
    /// Cancels a call; everyone who applied, booked or not, is released (crew of the call's
    /// production).
    async fn cancel_call(&self, user: &SessionUser, call_id: i64) -> Result<(), AppError>;
    /// The form for a new call (`None`: crew of a verified production) or for editing one
    /// (crew of its production).
    async fn call_editor(
        &self,
        user: &SessionUser,
        call_id: Option<i64>,
    ) -> Result<CallEditor, AppError>;
    /// Posts a new call for the user's production, or replaces an open call's terms; every
    /// problem is `Invalid` on its field. Returns the call's id.
    async fn save_call(
        &self,
        user: &SessionUser,
        call_id: Option<i64>,
        form: &domain::casting::CallForm,
    ) -> Result<i64, AppError>;
    /// Every call of the user's production (crew), open, closed or cancelled.
    async fn own_calls(&self, user: &SessionUser) -> Result<Vec<OwnCall>, AppError>;
    /// The training modules, with the reader's passes if they are an actor.
    async fn training(&self, user: Option<&SessionUser>) -> Result<TrainingView, AppError>;
    /// Grades a quiz (answers by question index); a pass by an actor is recorded.
    async fn submit_quiz(
        &self,
        user: Option<&SessionUser>,
        module: domain::vocab::Module,
        answers: &[String],
    ) -> Result<QuizResult, AppError>;
    /// A booked actor's attendance pass for today; `url` is the link's origin and path prefix
    /// (`https://host/attend/`), the code is appended.
    async fn work_pass(
        &self,
        user: &SessionUser,
        application_id: i64,
        url: &str,
    ) -> Result<PassView, AppError>;
    /// A scanned or typed pass as the crew sees it; with `record`, today's attendance is
    /// recorded (crew of the call's production, on a shooting day, for a booked actor).
    async fn check_in(
        &self,
        user: &SessionUser,
        code: &str,
        record: bool,
    ) -> Result<CheckInView, AppError>;
    /// A call's attendance and pay sheet (crew of its production).
    async fn attendance(
        &self,
        user: &SessionUser,
        call_id: i64,
    ) -> Result<AttendanceView, AppError>;
    /// Sends a notice to the actors booked on a call (crew of its production); how many.
    async fn post_notice(
        &self,
        user: &SessionUser,
        call_id: i64,
        body: &str,
    ) -> Result<usize, AppError>;
    /// Marks an attended day paid (crew of the call's production).
    async fn mark_paid(
        &self,
        user: &SessionUser,
        call_id: i64,
        application_id: i64,
        day: time::Date,
    ) -> Result<(), AppError>;
    /// Files the actor's report of unpaid wages for an attended, unpaid day.
    async fn report_wages(
        &self,
        user: &SessionUser,
        application_id: i64,
        form: &domain::wages::WageReportForm,
    ) -> Result<(), AppError>;
    /// Reports the user reads: their production's (crew) or every unresolved one (admin).
    async fn wage_reports(&self, user: &SessionUser) -> Result<WageReportsView, AppError>;
    /// The production's answer to a report on one of its calls.
    async fn answer_wage_report(
        &self,
        user: &SessionUser,
        report_id: i64,
        answer: &str,
    ) -> Result<(), AppError>;
    /// Resolves a report: its actor confirms payment, or an admin settles it.
    async fn resolve_wage_report(&self, user: &SessionUser, report_id: i64)
    -> Result<(), AppError>;
    /// Checks a login and password (throttled per account); wrong pairs give
    /// `Invalid` on `login` with code `wrong_credentials`.
    async fn authenticate(&self, login: &str, password: &str) -> Result<SessionUser, AppError>;
    /// Registers an account; validation failures name their fields.
    async fn register(&self, form: RegistrationForm) -> Result<SessionUser, AppError>;
    /// Replaces the password of `account_id` after checking the current one; a wrong current
    /// password is `Invalid` on `current_password`, a weak new one on `new_password`. Returns
    /// the account's new session version: every other session of the account ends.
    async fn change_password(
        &self,
        account_id: i64,
        current_password: &str,
        new_password: &str,
    ) -> Result<i64, AppError>;
    /// The account a session points at, if it still exists.
    async fn session_user(&self, account_id: i64) -> Result<Option<SessionUser>, AppError>;
    /// Who the session with this id was last found signed in as, if nothing deciding it has
    /// changed since (no session ended, no account or organisation changed) and it was to be
    /// remembered until after `now` (unix seconds); with the sign-in revision read now.
    async fn recall_session(&self, session_id: &str, now: i64) -> Result<Recall, AppError>;
    /// Remembers until `until` (unix seconds) that the session `session_id` is signed in as
    /// `user`, as found after `recall_session` read `revision`.
    fn remember_session(&self, revision: i64, session_id: String, user: SessionUser, until: i64);
    /// Deletes `account_id` after checking its password (see `Store::delete_account`).
    async fn delete_account(&self, account_id: i64, password: &str) -> Result<(), AppError>;

    /// The admin's accounts page. Callers check the admin role.
    async fn admin_view(&self, query: AccountQuery) -> Result<AdminView, AppError>;
    /// Attaches a crew or supplier account to a production or supplier, as `admin_id`.
    async fn attach(&self, admin_id: i64, account_id: i64, org: OrgRef) -> Result<(), AppError>;
    /// Detaches an account from its organisation, as `admin_id`.
    async fn detach(&self, admin_id: i64, account_id: i64) -> Result<(), AppError>;
    /// Marks a production verified or not, as `admin_id`.
    async fn verify_production(
        &self,
        admin_id: i64,
        production_id: i64,
        verified: bool,
    ) -> Result<(), AppError>;
    /// Creates an unverified production, as `admin_id`.
    async fn create_production(&self, admin_id: i64, form: ProductionForm) -> Result<(), AppError>;
    /// Makes a single-use invitation to `org` on behalf of `by`, who must belong to it or be an
    /// admin.
    async fn create_invitation(
        &self,
        by: &SessionUser,
        org: OrgRef,
    ) -> Result<NewInvitation, AppError>;
    /// The organisation an invitation link leads to; `NotFound` when unknown, used or expired.
    async fn invitation(&self, token: &str) -> Result<InvitationView, AppError>;
    /// Joins `user` to the invitation's organisation.
    async fn accept_invitation(&self, user: &SessionUser, token: &str) -> Result<(), AppError>;

    /// A location's page for `viewer`, with the seven days of bookings from `week_start`.
    async fn location_detail(
        &self,
        slug: &str,
        viewer: Option<&SessionUser>,
        week_start: time::Date,
    ) -> Result<LocationDetail, AppError>;
    /// Books `slug` for `user`'s production; a clash is `AppError::Clash`.
    async fn book_location(
        &self,
        user: &SessionUser,
        slug: &str,
        window: domain::booking::Window,
        shoot: Option<domain::timeline::Shoot>,
        note: &str,
    ) -> Result<BookingReceipt, AppError>;
    /// The location's operator (or an admin) confirms a requested booking.
    async fn confirm_booking(&self, user: &SessionUser, booking_id: i64) -> Result<(), AppError>;
    /// The location's operator (or an admin) lets crews book `slug` without waiting for a
    /// confirmation, or not; bookings already requested still wait for the operator.
    async fn set_instant_book(
        &self,
        user: &SessionUser,
        slug: &str,
        instant: bool,
    ) -> Result<(), AppError>;
    /// The bookings of `user`'s production from a month ago on.
    async fn crew_schedule(
        &self,
        user: &SessionUser,
    ) -> Result<crate::models::CrewSchedule, AppError>;
    /// The location's operator (or an admin) deletes one of its photos, files included.
    async fn delete_photo(&self, user: &SessionUser, photo_id: i64) -> Result<(), AppError>;
    /// A member of the item's supplier (or an admin) deletes one of its photos, files included.
    async fn delete_item_photo(&self, user: &SessionUser, photo_id: i64) -> Result<(), AppError>;
    /// The booking's production, the operator or an admin cancels (or declines) a booking.
    async fn cancel_booking(&self, user: &SessionUser, booking_id: i64) -> Result<(), AppError>;

    /// The reservations of `user`'s supplier (every supplier's for an admin) in `filter`, with
    /// the supplier's units in maintenance.
    async fn supply(
        &self,
        user: &SessionUser,
        filter: crate::supply::SupplyFilter,
    ) -> Result<crate::supply::SupplyView, AppError>;
    /// The reservation with the typed `code` (its supplier's members, its production's crew,
    /// admins), with a QR code of `url_prefix` followed by the code. A code that cannot be one
    /// is `Invalid` on `reservation` with `reservation_format`, an unknown one with
    /// `reservation_unknown`.
    async fn reservation_sheet(
        &self,
        user: &SessionUser,
        code: &str,
        url_prefix: &str,
    ) -> Result<crate::supply::ReservationSheet, AppError>;
    /// Takes `step` on the reservation with the typed `code`: its supplier's members or an
    /// admin confirm, decline, hand over and take back (`damaged`: `(item_id, units)` per
    /// line); its production's crew cancels. A step its status does not allow is `Invalid` on
    /// `reservation` with the refusal's code and changes nothing.
    async fn step_reservation(
        &self,
        user: &SessionUser,
        code: &str,
        step: domain::reservation::Step,
        damaged: &[(i64, i64)],
    ) -> Result<domain::reservation::ReservationStatus, AppError>;
    /// The item's supplier's members (or an admin) mark units in maintenance repaired.
    async fn mark_repaired(&self, user: &SessionUser, maintenance_id: i64) -> Result<(), AppError>;

    /// A page of the items of `user`'s stock supplier whose SKU or names contain `q`, retired
    /// ones included; `Forbidden` for anyone but a stock supplier's member.
    async fn inventory(
        &self,
        user: &SessionUser,
        q: &str,
        page: usize,
    ) -> Result<crate::inventory::InventoryView, AppError>;
    /// One item of `user`'s supplier in its form (`NotFound` for another supplier's item), or
    /// a blank form without `item_id`.
    async fn stock_item(
        &self,
        user: &SessionUser,
        item_id: Option<i64>,
    ) -> Result<crate::inventory::StockItemView, AppError>;
    /// Adds an item to `user`'s supplier (`item_id` `None`) or saves one of its items; the
    /// item's id. Every problem is `Invalid` on its field; nothing changes then.
    async fn save_stock_item(
        &self,
        user: &SessionUser,
        item_id: Option<i64>,
        form: &domain::inventory::ItemFields,
    ) -> Result<i64, AppError>;
    /// Whether `user`'s production lets item pages name it (crew of a production only).
    async fn credit_consent(&self, user: &SessionUser) -> Result<bool, AppError>;
    /// `user`'s production lets item pages name it, or not (crew of a production only).
    async fn set_credit_consent(&self, user: &SessionUser, consent: bool) -> Result<(), AppError>;
    /// Retires one of `user`'s supplier's items, or brings it back.
    async fn retire_stock_item(
        &self,
        user: &SessionUser,
        item_id: i64,
        retire: bool,
    ) -> Result<(), AppError>;
}

/// The handle server functions find in context.
pub type BackendHandle = Arc<dyn Backend>;

/// Fetches the backend from context; a missing backend is reported as `Unexpected`.
pub fn backend() -> Result<BackendHandle, AppError> {
    leptos::prelude::use_context::<BackendHandle>().ok_or_else(|| context_missing("backend"))
}

/// Answers a server function that finds a context the server provides for every request
/// missing. Either the request is gone — the client went away while its page was rendering, the
/// render's owner was disposed with its contexts, and a resource spawned for it still runs — or
/// the server is wired wrong. Leptos's own request context (the request's parts) tells them
/// apart: gone with the rest in the first case, there in the second, which alone is an error.
pub fn context_missing(what: &'static str) -> AppError {
    if leptos::prelude::use_context::<http::request::Parts>().is_some() {
        tracing::error!(what, "a context the server provides is missing");
    } else {
        tracing::debug!(what, "the request's context is gone (the client left); nothing to answer");
    }
    AppError::Unexpected
}
