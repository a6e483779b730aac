//! The server's implementation of the app's `Backend`: storage calls plus error policy
//! (infrastructure failures are logged here, once, and reach users as `Unexpected`).

mod casting;
pub mod inventory;
mod looks;
mod supply;
mod training;
mod wages;

use app::backend::{AccountQuery, Backend, ProductionForm, Recall, RegistrationForm};
use app::error::{AppError, FieldError};
use app::models::{
    AccountSummary, ActorProfileView, AdminView, ApplicantsView, ApplicationState, AttendanceView,
    BookingReceipt, CallEditor, CallList, CallPage, CatalogueView, CheckInView, Comparison,
    CrewBooking, CrewSchedule, InvitationView, ItemDetail, ItemHit, LocationDetail, LocationPin,
    LocationRights, LocationsView, NewInvitation, OrgKind, OrgRef, PassView, Photo, PoolView,
    QuizResult, RequestLine, RequestView, ReservationStatus, ReservationView, ReservedLine,
    ScheduleSlot, SessionUser, SharedShortlist, ShortlistView, TileSource, TrainingView,
    WageReportsView, WorkItem,
};
use std::collections::HashMap;
use std::sync::Arc;

use domain::account::{self, Login, Role};
use time::OffsetDateTime;

use crate::catalogue::CatalogueCache;
use crate::index_cache::StampedAnswers;
use crate::locations::LocationCache;
use crate::media::{self, MediaStore};
use crate::open_calls::OpenCallsCache;
use crate::passwords;
use crate::pool::PoolCache;
use crate::search::pinyin_syllables;
use crate::storage::accounts::{Account, NewAccount, Registration};
use crate::storage::bookings::{Booked, BookingParties, Extended, NewBooking};
use crate::storage::members::{Accept, AccountFilter, Attach, NewProduction};
use crate::storage::photos::{NewPhoto, PhotoAdded, PhotoKind, PhotoOf, PhotoRow};
use crate::storage::reservations::{NewReservation, Reserved, StoredReservation};
use crate::storage::shortlists::Added;
use crate::storage::{StorageError, Store};
use crate::tokens;
use app::models::OwnCall;
use domain::Money;
use domain::booking::{
    BookingStatus, Clash, MAX_CHANGEOVER_SECS, Window, WindowError, first_clash,
};
use domain::casting::{ProfileForm, check_profile};
use domain::catalogue::{CatalogueQuery, Layout, TextQuery, segments};
use domain::location_filter::LocationFilter;
use domain::stock::{self, Days, DaysError};

/// Failed logins allowed per account within `FAILURE_WINDOW_SECS` before it is throttled.
pub const MAX_LOGIN_FAILURES: i64 = 5;
/// The window for counting failed logins: 15 minutes.
pub const FAILURE_WINDOW_SECS: i64 = 15 * 60;

fn now_unix() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

impl From<Account> for SessionUser {
    fn from(account: Account) -> SessionUser {
        SessionUser {
            account_id: account.account_id,
            display_name: account.display_name,
            role: account.role,
            org: account.org,
            session_version: account.session_version,
            production_era: account.production_era,
            production_verified: account.production_verified,
        }
    }
}

/// How long an invitation link stays valid: 7 days.
pub const INVITATION_SECS: i64 = 7 * 24 * 60 * 60;

/// The longest production code and names an admin may enter.
const MAX_CODE_CHARS: usize = 32;
const MAX_NAME_CHARS: usize = 100;

/// Runs argon2 (tens of milliseconds of CPU) off the async workers.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "password hashing task failed");
        AppError::Unexpected
    })
}

pub use domain::STUDIO_OFFSET;

/// Today's date at the studio.
pub fn studio_today() -> time::Date {
    OffsetDateTime::now_utc().to_offset(STUDIO_OFFSET).date()
}

/// Storage plus the settings the pages need.
#[derive(Debug, Clone)]
pub struct ServerBackend {
    pub store: Store,
    pub tiles: TileSource,
    /// Where uploaded photos are kept.
    pub media: MediaStore,
    /// The catalogue's search index.
    pub catalogue: CatalogueCache,
    /// The actor pool's search index.
    pub pool: PoolCache,
    /// The map's locations.
    pub locations: LocationCache,
    /// The public list of open calls.
    pub open_calls: OpenCallsCache,
    /// Who each session is signed in as, per sign-in revision (`app::auth::account_in`).
    pub signed_in: Arc<StampedAnswers<i64, String, Remembered>>,
}

/// A session remembered as signed in (`Backend::remember_session`).
#[derive(Debug)]
pub struct Remembered {
    user: SessionUser,
    /// Unix seconds: read the session again from then on.
    until: i64,
}

/// The most sessions remembered at once (about 200 bytes each); when full, all are forgotten
/// and remembered anew as they come back.
pub const MAX_REMEMBERED_SESSIONS: usize = 50_000;

fn photo(row: PhotoRow) -> Photo {
    Photo {
        photo_id: row.photo_id,
        key: row.file_key,
        width: u32::try_from(row.width).unwrap_or(0),
        height: u32::try_from(row.height).unwrap_or(0),
        caption: row.caption,
    }
}

/// The longest photo caption.
pub const MAX_CAPTION_CHARS: usize = 100;

impl ServerBackend {
    pub fn new(store: Store, tiles: TileSource, media: MediaStore) -> ServerBackend {
        ServerBackend {
            store,
            tiles,
            media,
            catalogue: CatalogueCache::default(),
            locations: LocationCache::default(),
            open_calls: OpenCallsCache::default(),
            pool: PoolCache::default(),
            signed_in: Arc::new(StampedAnswers::new(MAX_REMEMBERED_SESSIONS)),
        }
    }

    /// Who `session_id` is remembered as signed in as under the sign-in `revision`, if it is
    /// and `now` is within the day it is remembered for.
    pub fn remembered(&self, revision: i64, session_id: &str, now: i64) -> Option<SessionUser> {
        self.signed_in
            .get(revision, session_id)
            .filter(|remembered| now < remembered.until)
            .map(|remembered| remembered.user.clone())
    }

    /// The location `slug`, if `user` operates it (or is an admin): `NotFound` when there is
    /// none, `Forbidden` for anyone else.
    async fn operated_location(
        &self,
        user: &SessionUser,
        slug: &str,
    ) -> Result<crate::storage::photos::PhotoTarget, AppError> {
        let target = self
            .store
            .photo_target(slug)
            .await
            .map_err(unexpected("photo_target"))?
            .ok_or(AppError::NotFound)?;
        if operates(user, target.operator_id) { Ok(target) } else { Err(AppError::Forbidden) }
    }

    /// Checks, converts and stores a photo of `slug` uploaded by `user`, who must operate the
    /// location (or be an admin). Refusals: `Invalid` on `photo` (see `media::PhotoError`,
    /// and `photos_full`) or on `caption`. Nothing is kept from a refused upload.
    pub async fn add_photo(
        &self,
        user: &SessionUser,
        slug: &str,
        bytes: Vec<u8>,
        caption: &str,
    ) -> Result<Photo, AppError> {
        let target = self.operated_location(user, slug).await?;
        self.store_photo(user, PhotoOf::Location(target.location_id), bytes, caption).await
    }

    /// As [`ServerBackend::add_photo`], a photo of catalogue item `item_id`, uploaded by a
    /// member of its supplier (or an admin); a full item refuses with `item_photos_full`.
    pub async fn add_item_photo(
        &self,
        user: &SessionUser,
        item_id: i64,
        bytes: Vec<u8>,
        caption: &str,
    ) -> Result<Photo, AppError> {
        if !operates(user, self.item_supplier(item_id).await?) {
            return Err(AppError::Forbidden);
        }
        self.store_photo(user, PhotoOf::Item(item_id), bytes, caption).await
    }

    /// The supplier of catalogue item `item_id` (`NotFound` when there is no such item).
    async fn item_supplier(&self, item_id: i64) -> Result<i64, AppError> {
        self.store
            .item_supplier(item_id)
            .await
            .map_err(unexpected("item_supplier"))?
            .ok_or(AppError::NotFound)
    }

    /// Checks, converts and stores a photo of `of` whose uploader has been checked.
    async fn store_photo(
        &self,
        user: &SessionUser,
        of: PhotoOf,
        bytes: Vec<u8>,
        caption: &str,
    ) -> Result<Photo, AppError> {
        let caption = caption.trim();
        if caption.chars().count() > MAX_CAPTION_CHARS {
            return Err(AppError::field("caption", "too_long"));
        }
        let processed = tokio::task::spawn_blocking(move || media::process(&bytes))
            .await
            .map_err(|error| {
                tracing::error!(%error, "photo processing task failed");
                AppError::Unexpected
            })?
            .map_err(|refused| AppError::field("photo", refused.code()))?;
        let key = media::new_key();
        self.media.photos.save(&key, &processed).await.map_err(|error| {
            tracing::error!(%error, "photo files not written");
            AppError::Unexpected
        })?;
        let added = self
            .store
            .add_photo(NewPhoto {
                of,
                file_key: &key,
                width: processed.width,
                height: processed.height,
                thumb: (media::THUMB_WIDTH, media::THUMB_HEIGHT),
                caption,
                uploaded_by: user.account_id,
                now: now_unix(),
            })
            .await;
        match added {
            Ok(PhotoAdded::Done(photo_id)) => Ok(Photo {
                photo_id,
                key,
                width: processed.width,
                height: processed.height,
                caption: caption.to_string(),
            }),
            Ok(PhotoAdded::Full) => {
                self.media.photos.remove(&key).await;
                let code = match of.kind() {
                    PhotoKind::Location => "photos_full",
                    PhotoKind::Item => "item_photos_full",
                };
                Err(AppError::field("photo", code))
            }
            Err(error) => {
                self.media.photos.remove(&key).await;
                Err(unexpected("add_photo")(error))
            }
        }
    }

    /// Deletes photo `photo_id` of a location or item managed by `user` (or an admin) and
    /// its files.
    async fn remove_photo(
        &self,
        user: &SessionUser,
        kind: PhotoKind,
        photo_id: i64,
    ) -> Result<(), AppError> {
        let owner = self
            .store
            .photo_owner(kind, photo_id)
            .await
            .map_err(unexpected("photo_owner"))?
            .ok_or(AppError::NotFound)?;
        if !operates(user, owner) {
            return Err(AppError::Forbidden);
        }
        let key = self
            .store
            .delete_photo(kind, photo_id)
            .await
            .map_err(unexpected("delete_photo"))?
            .ok_or(AppError::NotFound)?;
        self.media.photos.remove(&key).await;
        Ok(())
    }
}

fn unexpected(operation: &'static str) -> impl FnOnce(StorageError) -> AppError {
    move |error| {
        tracing::error!(%error, operation, "storage failure");
        AppError::Unexpected
    }
}

#[async_trait::async_trait]
impl Backend for ServerBackend {
    async fn locations(
        &self,
        filter: &LocationFilter,
        viewer: Option<&SessionUser>,
    ) -> Result<LocationsView, AppError> {
        let index = self.locations.index(&self.store).await.map_err(unexpected("locations"))?;
        let view = |pins| LocationsView {
            pins,
            total: index.pins().len(),
            tiles: self.tiles.clone(),
            outlines: index.outlines().to_vec(),
        };
        if filter.is_empty() {
            return Ok(view(index.pins().to_vec()));
        }
        let mut matching: Vec<LocationPin> = index.matching(filter).cloned().collect();
        // An unusable range is explained by the form and filters nothing.
        if let Ok(Some(window)) = filter.free_window() {
            let held = self
                .store
                .held_between(window.start - MAX_CHANGEOVER_SECS, window.end + MAX_CHANGEOVER_SECS)
                .await
                .map_err(unexpected("held_between"))?;
            // A visitor or a non-crew account is nobody's production: every booking counts.
            let production = viewer
                .and_then(|user| user.org.as_ref())
                .filter(|org| org.kind == OrgKind::Production)
                .map_or(0, |org| org.id);
            matching.retain(|pin| {
                let held = held.get(&pin.slug).map(Vec::as_slice).unwrap_or_default();
                first_clash(window, production, pin.changeover_min * 60, held).is_none()
            });
        }
        Ok(view(matching))
    }

    async fn catalogue(
        &self,
        query: &CatalogueQuery,
        per_page: u32,
    ) -> Result<CatalogueView, AppError> {
        let index = self.catalogue.index(&self.store).await.map_err(unexpected("catalogue"))?;
        // Availability depends on reservations, which the revision does not follow; the
        // layout (grid or list) changes nothing in the answer, so both share one.
        let key = query.available.is_none().then(|| {
            let answered = CatalogueQuery { layout: Layout::default(), ..query.clone() };
            format!("{per_page}?{}", answered.to_query())
        });
        if let Some(view) = key.as_deref().and_then(|key| index.answer(key)) {
            return Ok(CatalogueView::clone(&view));
        }
        let held = match query.available {
            Some(a) => Some(self.store.most_held(a.days).await.map_err(unexpected("most_held"))?),
            None => None,
        };
        let found = index.search(query, per_page as usize, held.as_ref());
        let text = TextQuery::parse(&query.q);
        let hits = found
            .cards
            .into_iter()
            .map(|card| {
                // Without a text nothing is marked, and no pinyin is needed to find that.
                let (zh, en) = if text.is_empty() {
                    (Vec::new(), Vec::new())
                } else {
                    (
                        text.marks_zh(&card.name_zh, &pinyin_syllables(&card.name_zh)),
                        text.marks_en(&card.name_en),
                    )
                };
                ItemHit {
                    name_zh: segments(&card.name_zh, &zh),
                    name_en: segments(&card.name_en, &en),
                    card,
                }
            })
            .collect();
        let total = u32::try_from(found.total).unwrap_or(u32::MAX);
        let view = CatalogueView {
            total,
            page: query.page,
            pages: total.div_ceil(per_page.max(1)).max(1),
            hits,
            facets: found.facets,
            forgiving: found.forgiving,
            production_era: None,
        };
        if let Some(key) = key {
            index.remember(key, Arc::new(view.clone()));
        }
        Ok(view)
    }

    async fn item_detail(
        &self,
        item_id: i64,
        from: Option<time::Date>,
        viewer: Option<&SessionUser>,
    ) -> Result<ItemDetail, AppError> {
        let card = self
            .store
            .item_cards(&[item_id])
            .await
            .map_err(unexpected("item_cards"))?
            .pop()
            .ok_or(AppError::NotFound)?;
        let today = studio_today();
        let from = from.unwrap_or(today).max(today);
        let days = Days { first: from, last: from + time::Duration::days(ITEM_CALENDAR_DAYS - 1) };
        let free = self
            .store
            .free_stock(&[item_id], days)
            .await
            .map_err(unexpected("free_stock"))?
            .remove(&item_id)
            .unwrap_or_default();
        let tags = self.store.item_tags(item_id).await.map_err(unexpected("item_tags"))?;
        let related =
            self.store.related_items(item_id, 6).await.map_err(unexpected("related_items"))?;
        let production = viewer.and_then(|u| booking_production(u).ok());
        let requested = match (production, viewer) {
            (Some(_), Some(user)) => self
                .store
                .requested_quantity(user.account_id, item_id)
                .await
                .map_err(unexpected("requested_quantity"))?,
            _ => 0,
        };
        let retired = self.store.item_retired(item_id).await.map_err(unexpected("item_retired"))?;
        let photos = self
            .store
            .photos_of(PhotoOf::Item(item_id))
            .await
            .map_err(unexpected("photos_of"))?
            .into_iter()
            .map(photo)
            .collect();
        let manage_photos = match viewer {
            Some(user) => operates(user, self.item_supplier(item_id).await?),
            None => false,
        };
        let uses = self.store.item_uses(item_id).await.map_err(unexpected("item_uses"))?;
        let used_privately = uses.iter().filter(|u| !u.credit_consent).count() as u32;
        let used_by = uses
            .into_iter()
            .filter(|u| u.credit_consent)
            .take(12)
            .map(|u| app::models::ItemUse {
                production_zh: u.name_zh,
                production_en: u.name_en,
                last_day: u.last_day,
            })
            .collect();
        Ok(ItemDetail {
            card,
            tags,
            from,
            free,
            related,
            can_request: production.is_some() && !retired,
            retired,
            requested,
            used_by,
            used_privately,
            photos,
            manage_photos,
        })
    }

    async fn request_list(&self, user: &SessionUser) -> Result<RequestView, AppError> {
        booking_production(user)?;
        let list =
            self.store.request_list(user.account_id).await.map_err(unexpected("request_list"))?;
        let today = studio_today();
        let ids: Vec<i64> = list.lines.iter().map(|(c, _)| c.item_id).collect();
        let free = match list.days {
            Some(days) => {
                self.store.free_stock(&ids, days).await.map_err(unexpected("free_stock"))?
            }
            None => HashMap::new(),
        };
        let quote = list.days.map(|days| {
            let priced: Vec<(i64, i64, Money, Money)> =
                list.lines.iter().map(|(c, q)| (c.item_id, *q, c.daily_rate, c.deposit)).collect();
            stock::quote(&priced, days.count())
        });
        let lines = list
            .lines
            .into_iter()
            .map(|(card, quantity)| RequestLine {
                fewest_free: free.get(&card.item_id).and_then(|d| d.iter().map(|(_, n)| *n).min()),
                card,
                quantity,
            })
            .collect();
        Ok(RequestView { today, days: list.days, lines, quote })
    }

    async fn set_request_line(
        &self,
        user: &SessionUser,
        item_id: i64,
        quantity: i64,
    ) -> Result<(), AppError> {
        booking_production(user)?;
        let found = self
            .store
            .set_request_line(user.account_id, item_id, quantity, now_unix())
            .await
            .map_err(unexpected("set_request_line"))?;
        if found { Ok(()) } else { Err(AppError::NotFound) }
    }

    async fn set_request_days(
        &self,
        user: &SessionUser,
        first: time::Date,
        last: time::Date,
    ) -> Result<(), AppError> {
        booking_production(user)?;
        let days = Days::new(first, last, studio_today()).map_err(|e| {
            let field = if e == DaysError::EndBeforeStart { "last_day" } else { "first_day" };
            AppError::field(field, e.code())
        })?;
        self.store
            .set_request_days(user.account_id, days)
            .await
            .map_err(unexpected("set_request_days"))
    }

    async fn submit_request(&self, user: &SessionUser) -> Result<Vec<String>, AppError> {
        let production_id = booking_production(user)?;
        let list =
            self.store.request_list(user.account_id).await.map_err(unexpected("request_list"))?;
        let days = list.days.ok_or_else(|| AppError::field("first_day", "days_missing"))?;
        // Days chosen earlier may have passed since.
        let days = Days::new(days.first, days.last, studio_today())
            .map_err(|e| AppError::field("first_day", e.code()))?;
        if list.lines.is_empty() {
            return Err(AppError::field("lines", "request_empty"));
        }
        let lines: Vec<(i64, i64)> = list.lines.iter().map(|(c, q)| (c.item_id, *q)).collect();
        let new = NewReservation {
            production_id,
            requested_by: user.account_id,
            days,
            lines: &lines,
            clear_list_of: Some(user.account_id),
            now: now_unix(),
        };
        let reserved = self
            .store
            .reserve(&new, tokens::reservation_code)
            .await
            .map_err(unexpected("reserve"))?;
        match reserved {
            Reserved::Done(made) => Ok(made.into_iter().map(|(_, code)| code).collect()),
            Reserved::Short(short) => Err(AppError::Shortage(short)),
            Reserved::NoSuchItem(_) => Err(AppError::NotFound),
            Reserved::Retired(_) => Err(AppError::field("lines", "item_retired")),
        }
    }

    async fn production_reservations(
        &self,
        user: &SessionUser,
    ) -> Result<Vec<ReservationView>, AppError> {
        let production_id = booking_production(user)?;
        let stored = self
            .store
            .production_reservations(production_id)
            .await
            .map_err(unexpected("production_reservations"))?;
        let today = studio_today();
        stored.into_iter().map(|r| reservation_view(r, today)).collect()
    }

    async fn open_calls(
        &self,
        filter: &domain::casting::CallFilter,
        page: u32,
    ) -> Result<CallList, AppError> {
        self.casting_open_calls(filter, page).await
    }

    async fn call_page(
        &self,
        call_id: i64,
        viewer: Option<&SessionUser>,
    ) -> Result<CallPage, AppError> {
        self.casting_call_page(call_id, viewer).await
    }

    async fn apply(&self, user: &SessionUser, call_id: i64) -> Result<ApplicationState, AppError> {
        self.casting_apply(user, call_id).await
    }

    async fn my_work(&self, user: &SessionUser) -> Result<Vec<WorkItem>, AppError> {
        self.casting_work(user).await
    }

    async fn own_calls(&self, user: &SessionUser) -> Result<Vec<OwnCall>, AppError> {
        self.casting_own_calls(user).await
    }

    async fn training(&self, user: Option<&SessionUser>) -> Result<TrainingView, AppError> {
        self.training_view(user).await
    }

    async fn submit_quiz(
        &self,
        user: Option<&SessionUser>,
        module: domain::vocab::Module,
        answers: &[String],
    ) -> Result<QuizResult, AppError> {
        self.training_quiz(user, module, answers).await
    }

    async fn work_pass(
        &self,
        user: &SessionUser,
        application_id: i64,
        url: &str,
    ) -> Result<PassView, AppError> {
        self.wages_pass(user, application_id, url).await
    }

    async fn check_in(
        &self,
        user: &SessionUser,
        code: &str,
        record: bool,
    ) -> Result<CheckInView, AppError> {
        self.wages_check_in(user, code, record).await
    }

    async fn attendance(
        &self,
        user: &SessionUser,
        call_id: i64,
    ) -> Result<AttendanceView, AppError> {
        self.wages_attendance(user, call_id).await
    }

    async fn post_notice(
        &self,
        user: &SessionUser,
        call_id: i64,
        body: &str,
    ) -> Result<usize, AppError> {
        self.wages_post_notice(user, call_id, body).await
    }

    async fn mark_paid(
        &self,
        user: &SessionUser,
        call_id: i64,
        application_id: i64,
        day: time::Date,
    ) -> Result<(), AppError> {
        self.wages_mark_paid(user, call_id, application_id, day).await
    }

    async fn report_wages(
        &self,
        user: &SessionUser,
        application_id: i64,
        form: &domain::wages::WageReportForm,
    ) -> Result<(), AppError> {
        self.wages_report(user, application_id, form).await
    }

    async fn wage_reports(&self, user: &SessionUser) -> Result<WageReportsView, AppError> {
        self.wages_reports(user).await
    }

    async fn answer_wage_report(
        &self,
        user: &SessionUser,
        report_id: i64,
        answer: &str,
    ) -> Result<(), AppError> {
        self.wages_answer(user, report_id, answer).await
    }

    async fn resolve_wage_report(
        &self,
        user: &SessionUser,
        report_id: i64,
    ) -> Result<(), AppError> {
        self.wages_resolve(user, report_id).await
    }

    async fn actor_pool(
        &self,
        user: &SessionUser,
        filter: &domain::casting::ActorFilter,
        page: u32,
    ) -> Result<PoolView, AppError> {
        self.casting_pool(user, filter, page).await
    }

    async fn my_profile(&self, user: &SessionUser) -> Result<ActorProfileView, AppError> {
        self.casting_profile(user).await
    }

    async fn save_profile(
        &self,
        user: &SessionUser,
        edit: &domain::casting::ProfileEdit,
    ) -> Result<ActorProfileView, AppError> {
        self.casting_save_profile(user, edit).await
    }

    async fn applicants(
        &self,
        user: &SessionUser,
        call_id: i64,
        filter: &domain::casting::ActorFilter,
    ) -> Result<ApplicantsView, AppError> {
        self.casting_applicants(user, call_id, filter).await
    }

    async fn decide(
        &self,
        user: &SessionUser,
        call_id: i64,
        application_id: i64,
        decision: domain::casting::Decision,
    ) -> Result<(), AppError> {
        self.casting_decide(user, call_id, application_id, decision).await
    }

    async fn close_call(&self, user: &SessionUser, call_id: i64) -> Result<(), AppError> {
        self.casting_close(user, call_id).await
    }

    async fn cancel_call(&self, user: &SessionUser, call_id: i64) -> Result<(), AppError> {
        self.casting_cancel(user, call_id).await
    }

    async fn call_editor(
        &self,
        user: &SessionUser,
        call_id: Option<i64>,
    ) -> Result<CallEditor, AppError> {
        self.casting_editor(user, call_id).await
    }

    async fn save_call(
        &self,
        user: &SessionUser,
        call_id: Option<i64>,
        form: &domain::casting::CallForm,
    ) -> Result<i64, AppError> {
        self.casting_save(user, call_id, form).await
    }

    async fn authenticate(&self, login: &str, password: &str) -> Result<SessionUser, AppError> {
        let wrong = || AppError::field("login", "wrong_credentials");
        let login = Login::parse(login).map_err(|_| wrong())?;
        let now = now_unix();
        let failures = self
            .store
            .login_failures_since(login.as_str(), now - FAILURE_WINDOW_SECS)
            .await
            .map_err(unexpected("login_failures_since"))?;
        if failures >= MAX_LOGIN_FAILURES {
            return Err(AppError::TooManyAttempts);
        }
        let row =
            self.store.account_by_login(&login).await.map_err(unexpected("account_by_login"))?;
        // Verify against a dummy hash for unknown logins so both cases take as long.
        let hash = row
            .as_ref()
            .map_or_else(|| passwords::DUMMY_HASH.to_string(), |r| r.password_hash.clone());
        let password = password.to_string();
        let matches = blocking(move || passwords::verify(&password, &hash)).await?;
        match row {
            Some(row) if matches => {
                self.store
                    .clear_login_failures(login.as_str(), now - FAILURE_WINDOW_SECS)
                    .await
                    .map_err(unexpected("clear_login_failures"))?;
                let account =
                    self.store.account(row.account_id).await.map_err(unexpected("account"))?;
                account.map(SessionUser::from).ok_or(AppError::Unexpected)
            }
            _ => {
                self.store
                    .record_login_failure(login.as_str(), now)
                    .await
                    .map_err(unexpected("record_login_failure"))?;
                Err(wrong())
            }
        }
    }

    async fn register(&self, form: RegistrationForm) -> Result<SessionUser, AppError> {
        let mut errors = Vec::new();
        let parsed = Login::parse(&form.login);
        if let Err(problem) = &parsed {
            errors.push(FieldError { field: "login".into(), code: problem.code().into() });
        }
        if let Some(problem) = account::password_problems(&form.password, &form.login).first() {
            errors.push(FieldError { field: "password".into(), code: problem.code().into() });
        }
        let name = account::display_name(&form.display_name);
        if let Err(code) = name {
            errors.push(FieldError { field: "display_name".into(), code: code.into() });
        }
        // An invitation decides the role: crew for a production, supplier for a supplier.
        let invitation = match form.invitation.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(token) => match self.invitation(token).await {
                Ok(view) => Some((tokens::hash(token), view.org.kind.member_role())),
                Err(AppError::NotFound) => {
                    errors.push(FieldError { field: "invitation".into(), code: "invalid".into() });
                    None
                }
                Err(other) => return Err(other),
            },
            None => None,
        };
        let role = invitation.as_ref().map_or(form.role, |(_, role)| *role);
        if role == Role::Admin {
            errors.push(FieldError { field: "role".into(), code: "invalid".into() });
        }
        let profile = form.profile;
        let actor = if role == Role::Actor {
            let typed = ProfileForm {
                gender: &profile.gender,
                birth_date: &profile.birth_date,
                height_cm: &profile.height_cm,
                weight_kg: &profile.weight_kg,
            };
            match check_profile(&typed, studio_today()) {
                Ok(facts) => Some(facts),
                Err(problems) => {
                    errors.extend(AppError::field_errors(problems));
                    None
                }
            }
        } else {
            None
        };
        let (Ok(login), Ok(name), true) = (parsed, name, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let password = form.password;
        let hash = blocking(move || passwords::hash(&password)).await?;
        let new = NewAccount {
            login: &login,
            password_hash: &hash,
            role,
            display_name: name,
            actor: actor.as_ref(),
        };
        let registration = self
            .store
            .create_account(&new, invitation.as_ref().map(|(hash, _)| hash.as_str()), now_unix())
            .await
            .map_err(unexpected("create_account"))?;
        match registration {
            Registration::Created(account) => Ok(account.into()),
            Registration::LoginTaken => Err(AppError::field("login", "taken")),
            Registration::InvitationInvalid => Err(AppError::field("invitation", "invalid")),
        }
    }

    async fn change_password(
        &self,
        account_id: i64,
        current_password: &str,
        new_password: &str,
    ) -> Result<i64, AppError> {
        let row = self
            .store
            .account_row(account_id)
            .await
            .map_err(unexpected("account_row"))?
            .ok_or(AppError::Unauthorized)?;
        let (current, hash) = (current_password.to_string(), row.password_hash.clone());
        if !blocking(move || passwords::verify(&current, &hash)).await? {
            return Err(AppError::field("current_password", "wrong_password"));
        }
        if let Some(problem) = account::password_problems(new_password, &row.login).first() {
            return Err(AppError::field("new_password", problem.code()));
        }
        let new_password = new_password.to_string();
        let hash = blocking(move || passwords::hash(&new_password)).await?;
        self.store
            .set_password_hash(account_id, &hash)
            .await
            .map_err(unexpected("set_password_hash"))
    }

    async fn session_user(&self, account_id: i64) -> Result<Option<SessionUser>, AppError> {
        let account = self.store.account(account_id).await.map_err(unexpected("account"))?;
        Ok(account.map(SessionUser::from))
    }

    async fn recall_session(&self, session_id: &str, now: i64) -> Result<Recall, AppError> {
        let revision = self.store.signin_revision().await.map_err(unexpected("signin_revision"))?;
        Ok(Recall { revision, user: self.remembered(revision, session_id, now) })
    }

    fn remember_session(&self, revision: i64, session_id: String, user: SessionUser, until: i64) {
        self.signed_in.keep(revision, session_id, Arc::new(Remembered { user, until }));
    }

    async fn delete_account(&self, account_id: i64, password: &str) -> Result<(), AppError> {
        let account = self
            .store
            .account(account_id)
            .await
            .map_err(unexpected("account"))?
            .ok_or(AppError::Unauthorized)?;
        // Admins keep the platform running: another admin's tools remove them, not this form.
        if account.role == Role::Admin {
            return Err(AppError::Forbidden);
        }
        let row = self
            .store
            .account_row(account_id)
            .await
            .map_err(unexpected("account_row"))?
            .ok_or(AppError::Unauthorized)?;
        let (password, hash) = (password.to_string(), row.password_hash);
        if !blocking(move || passwords::verify(&password, &hash)).await? {
            return Err(AppError::field("password", "wrong_password"));
        }
        let deleted = self
            .store
            .delete_account(account_id, now_unix())
            .await
            .map_err(unexpected("delete_account"))?;
        if let crate::storage::members::Deleted::Done { look_key: Some(key) } = deleted {
            self.media.looks.remove(&key).await;
        }
        Ok(())
    }

    async fn admin_view(&self, query: AccountQuery) -> Result<AdminView, AppError> {
        let filter =
            AccountFilter { text: query.text, role: query.role, unattached: query.unattached };
        let (accounts, matching) = self
            .store
            .list_accounts(&filter, ADMIN_PAGE)
            .await
            .map_err(unexpected("list_accounts"))?;
        let (productions, suppliers) =
            self.store.organisations().await.map_err(unexpected("organisations"))?;
        let audit =
            self.store.audit_entries(ADMIN_PAGE).await.map_err(unexpected("audit_entries"))?;
        Ok(AdminView {
            accounts: accounts
                .into_iter()
                .map(|a| AccountSummary {
                    account_id: a.account_id,
                    login: a.login,
                    display_name: a.display_name,
                    role: a.role,
                    created_at: a.created_at,
                    org: a.org,
                })
                .collect(),
            matching,
            productions,
            suppliers,
            audit,
        })
    }

    async fn attach(&self, admin_id: i64, account_id: i64, org: OrgRef) -> Result<(), AppError> {
        match self
            .store
            .attach(admin_id, account_id, org, now_unix())
            .await
            .map_err(unexpected("attach"))?
        {
            Attach::Done => Ok(()),
            Attach::NoSuchAccount => Err(AppError::NotFound),
            Attach::NoSuchOrg => Err(AppError::field("org", "not_found")),
            Attach::WrongRole => Err(AppError::field("org", "wrong_role")),
        }
    }

    async fn detach(&self, admin_id: i64, account_id: i64) -> Result<(), AppError> {
        if self
            .store
            .detach(admin_id, account_id, now_unix())
            .await
            .map_err(unexpected("detach"))?
        {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    async fn verify_production(
        &self,
        admin_id: i64,
        production_id: i64,
        verified: bool,
    ) -> Result<(), AppError> {
        let found = self
            .store
            .set_production_verified(admin_id, production_id, verified, now_unix())
            .await
            .map_err(unexpected("set_production_verified"))?;
        if found { Ok(()) } else { Err(AppError::NotFound) }
    }

    async fn create_production(&self, admin_id: i64, form: ProductionForm) -> Result<(), AppError> {
        let new = production_problems(form)?;
        let created = self
            .store
            .create_production(admin_id, &new, now_unix())
            .await
            .map_err(unexpected("create_production"))?;
        created.map(|_| ()).ok_or_else(|| AppError::field("code", "taken"))
    }

    async fn create_invitation(
        &self,
        by: &SessionUser,
        org: OrgRef,
    ) -> Result<NewInvitation, AppError> {
        let member = by.org.as_ref().is_some_and(|o| o.reference() == org);
        if !(member || by.role == Role::Admin) {
            return Err(AppError::Forbidden);
        }
        let org = self
            .store
            .organisation(org)
            .await
            .map_err(unexpected("organisation"))?
            .ok_or_else(|| AppError::field("org", "not_found"))?;
        let token = tokens::new_token();
        let now = now_unix();
        let expires_at = now + INVITATION_SECS;
        self.store
            .create_invitation(
                by.account_id,
                org.reference(),
                &tokens::hash(&token),
                now,
                expires_at,
            )
            .await
            .map_err(unexpected("create_invitation"))?;
        Ok(NewInvitation { token, org, expires_at })
    }

    async fn invitation(&self, token: &str) -> Result<InvitationView, AppError> {
        self.store
            .invitation(&tokens::hash(token), now_unix())
            .await
            .map_err(unexpected("invitation"))?
            .ok_or(AppError::NotFound)
    }

    async fn location_detail(
        &self,
        slug: &str,
        viewer: Option<&SessionUser>,
        week_start: time::Date,
    ) -> Result<LocationDetail, AppError> {
        let facts = self
            .store
            .location_facts(slug)
            .await
            .map_err(unexpected("location_facts"))?
            .ok_or(AppError::NotFound)?;
        let from = domain::studio_midnight(week_start);
        // From a day earlier: a changeover running into the first day keeps time there busy.
        let bookings = self
            .store
            .location_schedule(slug, from - MAX_CHANGEOVER_SECS, from + 7 * 86_400)
            .await
            .map_err(unexpected("location_schedule"))?;
        let production = viewer.and_then(|u| booking_production(u).ok());
        let rights = LocationRights {
            signed_in: viewer.is_some(),
            book: production.is_some(),
            operate: viewer.is_some_and(|u| operates(u, facts.operator_id)),
        };
        let schedule = bookings
            .into_iter()
            .filter(|b| b.status.holds())
            .map(|b| {
                let own = production == Some(b.production_id);
                let reveal = own || rights.operate;
                ScheduleSlot {
                    window: b.window,
                    changeover: b.changeover,
                    status: b.status,
                    own,
                    booking_id: reveal.then_some(b.booking_id),
                    production: reveal.then_some((b.production_zh, b.production_en)),
                    shoot: b.shoot.filter(|_| reveal),
                }
            })
            .collect();
        let shortlisted = match viewer.filter(|u| u.role == Role::Crew) {
            Some(user) => Some(
                self.store
                    .shortlist(user.account_id)
                    .await
                    .map_err(unexpected("shortlist"))?
                    .iter()
                    .any(|s| s == slug),
            ),
            None => None,
        };
        let photos = self
            .store
            .photos_of(PhotoOf::Location(facts.location_id))
            .await
            .map_err(unexpected("photos_of"))?
            .into_iter()
            .map(photo)
            .collect();
        Ok(LocationDetail {
            photos,
            shortlisted,
            pin: facts.pin,
            description_zh: facts.description_zh,
            description_en: facts.description_en,
            operator_zh: facts.operator_zh,
            operator_en: facts.operator_en,
            office_zh: facts.office_zh,
            office_en: facts.office_en,
            instant_book: facts.instant_book,
            week_start,
            schedule,
            rights,
        })
    }

    async fn shortlist(&self, user: &SessionUser) -> Result<ShortlistView, AppError> {
        user.require(Role::Crew)?;
        let slugs = self.store.shortlist(user.account_id).await.map_err(unexpected("shortlist"))?;
        let share_token =
            self.store.share_token(user.account_id).await.map_err(unexpected("share_token"))?;
        Ok(ShortlistView { pins: self.pins_for(&slugs).await?, share_token })
    }

    async fn shortlist_add(&self, user: &SessionUser, slug: &str) -> Result<(), AppError> {
        user.require(Role::Crew)?;
        let added = self
            .store
            .shortlist_add(user.account_id, slug, now_unix())
            .await
            .map_err(unexpected("shortlist_add"))?;
        match added {
            Added::Done => Ok(()),
            Added::NoSuchLocation => Err(AppError::NotFound),
            Added::Full => Err(AppError::field("slug", "shortlist_full")),
        }
    }

    async fn shortlist_remove(&self, user: &SessionUser, slug: &str) -> Result<(), AppError> {
        user.require(Role::Crew)?;
        self.store
            .shortlist_remove(user.account_id, slug)
            .await
            .map_err(unexpected("shortlist_remove"))?;
        Ok(())
    }

    async fn share_shortlist(&self, user: &SessionUser) -> Result<String, AppError> {
        user.require(Role::Crew)?;
        let token = tokens::new_token();
        self.store
            .set_share_token(user.account_id, &token, now_unix())
            .await
            .map_err(unexpected("set_share_token"))?;
        Ok(token)
    }

    async fn shared_shortlist(&self, token: &str) -> Result<SharedShortlist, AppError> {
        let owner = self
            .store
            .share_owner(token)
            .await
            .map_err(unexpected("share_owner"))?
            .ok_or(AppError::NotFound)?;
        let slugs =
            self.store.shortlist(owner.account_id).await.map_err(unexpected("shortlist"))?;
        Ok(SharedShortlist { production: owner.production, pins: self.pins_for(&slugs).await? })
    }

    async fn compare(&self, slugs: &[String]) -> Result<Comparison, AppError> {
        let slugs: Vec<String> = slugs.iter().take(COMPARE_MAX).cloned().collect();
        let pins = self.pins_for(&slugs).await?;
        let pin_slugs: Vec<String> = pins.iter().map(|p| p.slug.clone()).collect();
        let mut covers: HashMap<String, Photo> = self
            .store
            .cover_photos(&pin_slugs)
            .await
            .map_err(unexpected("cover_photos"))?
            .into_iter()
            .map(|(slug, row)| (slug, photo(row)))
            .collect();
        let locations = pins
            .into_iter()
            .map(|pin| {
                let cover = covers.remove(&pin.slug);
                (pin, cover)
            })
            .collect();
        Ok(Comparison { today: studio_today(), locations })
    }

    async fn book_location(
        &self,
        user: &SessionUser,
        slug: &str,
        window: Window,
        shoot: Option<domain::timeline::Shoot>,
        note: &str,
    ) -> Result<BookingReceipt, AppError> {
        let production_id = booking_production(user)?;
        let new =
            NewBooking { slug, production_id, booked_by: user.account_id, window, shoot, note };
        match self.store.book(&new, now_unix()).await.map_err(unexpected("book"))? {
            Booked::Done { booking_id, status } => {
                Ok(BookingReceipt { booking_id, status, window })
            }
            Booked::Clash(clash) => Err(AppError::Clash(clash)),
            Booked::NoSuchLocation => Err(AppError::NotFound),
        }
    }

    async fn delete_photo(&self, user: &SessionUser, photo_id: i64) -> Result<(), AppError> {
        self.remove_photo(user, PhotoKind::Location, photo_id).await
    }

    async fn delete_item_photo(&self, user: &SessionUser, photo_id: i64) -> Result<(), AppError> {
        self.remove_photo(user, PhotoKind::Item, photo_id).await
    }

    async fn confirm_booking(&self, user: &SessionUser, booking_id: i64) -> Result<(), AppError> {
        let parties = self.booking_parties(booking_id).await?;
        if !operates(user, parties.operator_id) {
            return Err(AppError::Forbidden);
        }
        let changed = self
            .store
            .set_booking_status(booking_id, BookingStatus::Requested, BookingStatus::Confirmed)
            .await
            .map_err(unexpected("set_booking_status"))?;
        if changed { Ok(()) } else { Err(AppError::Conflict) }
    }

    async fn set_instant_book(
        &self,
        user: &SessionUser,
        slug: &str,
        instant: bool,
    ) -> Result<(), AppError> {
        self.operated_location(user, slug).await?;
        self.store.set_instant_book(slug, instant).await.map_err(unexpected("set_instant_book"))
    }

    async fn crew_schedule(&self, user: &SessionUser) -> Result<CrewSchedule, AppError> {
        booking_production(user)?;
        let production = user.org.clone().ok_or(AppError::Forbidden)?;
        let now = now_unix();
        let since = now - 30 * 86_400;
        let bookings = self
            .store
            .production_bookings(production.id, since)
            .await
            .map_err(unexpected("production_bookings"))?
            .into_iter()
            .map(|b| CrewBooking {
                booking_id: b.booking_id,
                slug: b.slug,
                location_zh: b.location_zh,
                location_en: b.location_en,
                status: b.status.as_of(b.window.end, now),
                window: b.window,
                shoot: b.shoot,
                note: b.note,
            })
            .collect();
        let notices = self
            .store
            .handover_notices(production.id)
            .await
            .map_err(unexpected("handover_notices"))?;
        Ok(CrewSchedule { production, bookings, notices })
    }

    async fn cancel_booking(&self, user: &SessionUser, booking_id: i64) -> Result<(), AppError> {
        let parties = self.booking_parties(booking_id).await?;
        let own = booking_production(user).is_ok_and(|p| p == parties.production_id);
        if !(own || operates(user, parties.operator_id)) {
            return Err(AppError::Forbidden);
        }
        if !parties.status.holds() {
            return Err(AppError::Conflict);
        }
        let changed = self
            .store
            .set_booking_status(booking_id, parties.status, BookingStatus::Cancelled)
            .await
            .map_err(unexpected("set_booking_status"))?;
        if changed { Ok(()) } else { Err(AppError::Conflict) }
    }

    async fn extend_booking(
        &self,
        user: &SessionUser,
        booking_id: i64,
        new_end: i64,
    ) -> Result<BookingReceipt, AppError> {
        let parties = self.booking_parties(booking_id).await?;
        let own = booking_production(user).is_ok_and(|p| p == parties.production_id);
        if !(own || operates(user, parties.operator_id)) {
            return Err(AppError::Forbidden);
        }
        if new_end <= now_unix() {
            return Err(AppError::field("ends_at", WindowError::InThePast.code()));
        }
        let extended = self
            .store
            .extend(booking_id, new_end, now_unix())
            .await
            .map_err(unexpected("extend"))?;
        match extended {
            Extended::Done { window, .. } => {
                Ok(BookingReceipt { booking_id, status: parties.status, window })
            }
            Extended::Clash { with, own, changeover, longest } => {
                Err(AppError::Clash(Clash { with, own, changeover, suggestion: longest }))
            }
            Extended::Invalid(error) => Err(AppError::field("ends_at", error.code())),
            Extended::NotHolding => Err(AppError::Conflict),
            Extended::NoSuchBooking => Err(AppError::NotFound),
        }
    }

    async fn accept_invitation(&self, user: &SessionUser, token: &str) -> Result<(), AppError> {
        let outcome = self
            .store
            .accept_invitation(user.account_id, &tokens::hash(token), now_unix())
            .await
            .map_err(unexpected("accept_invitation"))?;
        match outcome {
            Accept::Joined(_) => Ok(()),
            Accept::Invalid => Err(AppError::field("invitation", "invalid")),
            Accept::WrongRole => Err(AppError::field("invitation", "wrong_role")),
            Accept::AlreadyMember => Err(AppError::field("invitation", "already_member")),
        }
    }

    async fn supply(
        &self,
        user: &SessionUser,
        filter: app::supply::SupplyFilter,
    ) -> Result<app::supply::SupplyView, AppError> {
        self.supply_view(user, filter).await
    }

    async fn reservation_sheet(
        &self,
        user: &SessionUser,
        code: &str,
        url_prefix: &str,
    ) -> Result<app::supply::ReservationSheet, AppError> {
        self.supply_sheet(user, code, url_prefix).await
    }

    async fn step_reservation(
        &self,
        user: &SessionUser,
        code: &str,
        step: domain::reservation::Step,
        damaged: &[(i64, i64)],
    ) -> Result<ReservationStatus, AppError> {
        self.supply_step(user, code, step, damaged).await
    }

    async fn mark_repaired(&self, user: &SessionUser, maintenance_id: i64) -> Result<(), AppError> {
        self.supply_repair(user, maintenance_id).await
    }

    async fn inventory(
        &self,
        user: &SessionUser,
        q: &str,
        page: usize,
    ) -> Result<app::inventory::InventoryView, AppError> {
        self.inventory_view(user, q, page).await
    }

    async fn stock_item(
        &self,
        user: &SessionUser,
        item_id: Option<i64>,
    ) -> Result<app::inventory::StockItemView, AppError> {
        self.stock_item_view(user, item_id).await
    }

    async fn save_stock_item(
        &self,
        user: &SessionUser,
        item_id: Option<i64>,
        form: &domain::inventory::ItemFields,
    ) -> Result<i64, AppError> {
        self.save_one_item(user, item_id, form).await
    }

    async fn credit_consent(&self, user: &SessionUser) -> Result<bool, AppError> {
        let production_id = booking_production(user)?;
        self.store
            .credit_consent(production_id)
            .await
            .map_err(unexpected("credit_consent"))?
            .ok_or(AppError::NotFound)
    }

    async fn set_credit_consent(&self, user: &SessionUser, consent: bool) -> Result<(), AppError> {
        let production_id = booking_production(user)?;
        self.store
            .set_credit_consent(production_id, consent)
            .await
            .map_err(unexpected("set_credit_consent"))
    }

    async fn retire_stock_item(
        &self,
        user: &SessionUser,
        item_id: i64,
        retire: bool,
    ) -> Result<(), AppError> {
        self.retire_item(user, item_id, retire).await
    }
}

impl ServerBackend {
    /// Who a booking concerns; `NotFound` if there is no such booking.
    async fn booking_parties(&self, booking_id: i64) -> Result<BookingParties, AppError> {
        self.store
            .booking_parties(booking_id)
            .await
            .map_err(unexpected("booking_parties"))?
            .ok_or(AppError::NotFound)
    }
}

/// The most locations compared side by side.
const COMPARE_MAX: usize = 4;

impl ServerBackend {
    /// The pins of `slugs`, in that order; unknown slugs are left out.
    async fn pins_for(&self, slugs: &[String]) -> Result<Vec<LocationPin>, AppError> {
        let index = self.locations.index(&self.store).await.map_err(unexpected("locations"))?;
        let pins: HashMap<&str, &LocationPin> =
            index.pins().iter().map(|pin| (pin.slug.as_str(), pin)).collect();
        Ok(slugs.iter().filter_map(|slug| pins.get(slug.as_str()).map(|p| (*p).clone())).collect())
    }
}

/// Days shown on an item's availability calendar.
pub const ITEM_CALENDAR_DAYS: i64 = 14;

fn reservation_view(
    stored: StoredReservation,
    today: time::Date,
) -> Result<ReservationView, AppError> {
    let status = ReservationStatus::parse(&stored.status).ok_or_else(|| {
        tracing::error!(status = %stored.status, "unknown reservation status");
        AppError::Unexpected
    })?;
    let lines: Vec<ReservedLine> = stored
        .lines
        .into_iter()
        .map(|line| ReservedLine {
            item_id: line.item_id,
            sku: line.sku,
            name_zh: line.name_zh,
            name_en: line.name_en,
            quantity: line.quantity,
            daily_rate: Money::from_fen(line.daily_rate_fen),
            deposit: Money::from_fen(line.deposit_fen),
        })
        .collect();
    let priced: Vec<(i64, i64, Money, Money)> =
        lines.iter().map(|l| (l.item_id, l.quantity, l.daily_rate, l.deposit)).collect();
    Ok(ReservationView {
        late: domain::reservation::is_late(status, stored.days, stored.returned_on, today),
        code: stored.code,
        status,
        days: stored.days,
        supplier_zh: stored.supplier_zh,
        supplier_en: stored.supplier_en,
        quote: stock::quote(&priced, stored.days.count()),
        lines,
    })
}

fn booking_production(user: &SessionUser) -> Result<i64, AppError> {
    user.require(Role::Crew)?;
    match &user.org {
        Some(org) if org.kind == OrgKind::Production => Ok(org.id),
        _ => Err(AppError::Forbidden),
    }
}

/// Whether `user` operates the locations of supplier `operator_id` (or is an admin).
fn operates(user: &SessionUser, operator_id: i64) -> bool {
    user.role == Role::Admin
        || (user.role == Role::Supplier
            && user
                .org
                .as_ref()
                .is_some_and(|o| o.kind == OrgKind::Supplier && o.id == operator_id))
}

/// Accounts and audit lines shown per admin page.
const ADMIN_PAGE: i64 = 100;

/// Checks an admin's new production: a code of lower-case letters, digits and dashes, and
/// names of bounded length.
fn production_problems(form: ProductionForm) -> Result<NewProduction, AppError> {
    let mut errors = Vec::new();
    let code = form.code.trim().to_lowercase();
    let code_ok = (2..=MAX_CODE_CHARS).contains(&code.chars().count())
        && code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if code.is_empty() {
        errors.push(FieldError { field: "code".into(), code: "required".into() });
    } else if !code_ok {
        errors.push(FieldError { field: "code".into(), code: "code_format".into() });
    }
    let mut text = |field: &str, value: String| {
        let value = value.trim().to_string();
        if value.is_empty() {
            errors.push(FieldError { field: field.into(), code: "required".into() });
        } else if value.chars().count() > MAX_NAME_CHARS {
            errors.push(FieldError { field: field.into(), code: "too_long".into() });
        }
        value
    };
    let new = NewProduction {
        code,
        name_zh: text("name_zh", form.name_zh),
        name_en: text("name_en", form.name_en),
        company_zh: text("company_zh", form.company_zh),
        company_en: text("company_en", form.company_en),
    };
    if errors.is_empty() { Ok(new) } else { Err(AppError::Invalid(errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(code: &str, name: &str) -> ProductionForm {
        ProductionForm {
            code: code.into(),
            name_zh: name.into(),
            name_en: "Name".into(),
            company_zh: "公司".into(),
            company_en: "Company".into(),
        }
    }

    #[test]
    fn production_codes_and_names_are_checked() {
        assert_eq!(production_problems(form(" Tang-2027 ", "长安")).unwrap().code, "tang-2027");
        let Err(AppError::Invalid(errors)) = production_problems(form("唐", "")) else {
            panic!("accepted a bad production");
        };
        let fields: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(fields, [("code", "code_format"), ("name_zh", "required")]);
        let long = "长".repeat(MAX_NAME_CHARS + 1);
        assert!(production_problems(form("ok", &long)).is_err());
    }
}
