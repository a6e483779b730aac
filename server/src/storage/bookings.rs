//! Location bookings. A booking transaction starts by bumping the location's `booking_version`,
//! which takes SQLite's write lock or PostgreSQL's row lock on the location, so writers to one
//! location queue up; it then checks the clash rule (`domain::booking`) against the bookings that
//! hold the location and inserts. The database enforces the same rule on its own (PostgreSQL
//! exclusion constraints, SQLite triggers), so no path can double-book.

use std::collections::HashMap;

use app::models::HandoverNotice;
use domain::booking::{
    BookingStatus, Clash, Held, MAX_CHANGEOVER_SECS, Window, WindowError, first_clash, latest_end,
    nearest_free,
};
use domain::timeline::Shoot;

use super::rows::code;
use super::{Begin, StorageError, Store, on_db};

/// How far around a refused request to look for the nearest free slot: 14 days.
const SUGGESTION_HORIZON_SECS: i64 = 14 * 24 * 3600;

/// A booking request that passed validation.
#[derive(Debug, Clone)]
pub struct NewBooking<'a> {
    pub slug: &'a str,
    pub production_id: i64,
    pub booked_by: i64,
    pub window: Window,
    /// Shooting within the window (set dressing before, strike after); `None`: all shooting.
    pub shoot: Option<Shoot>,
    pub note: &'a str,
}

/// Outcome of a booking request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Booked {
    Done { booking_id: i64, status: BookingStatus },
    Clash(Clash),
    NoSuchLocation,
}

/// A booking as its location's schedule shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledBooking {
    pub booking_id: i64,
    pub production_id: i64,
    pub production_zh: String,
    pub production_en: String,
    pub status: BookingStatus,
    pub window: Window,
    pub shoot: Option<Shoot>,
    pub changeover: i64,
}

/// What the booking transaction found.
enum Attempt {
    Done { booking_id: i64, status: BookingStatus },
    Clash { location_id: i64, changeover: i64, clash: Held },
    NoLocation,
}

/// Who a booking concerns, for permission checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookingParties {
    pub production_id: i64,
    /// The supplier that operates the location.
    pub operator_id: i64,
    pub status: BookingStatus,
}

/// The shooting span stored as two nullable columns.
fn shoot(from: Option<i64>, to: Option<i64>) -> Option<Shoot> {
    Some(Shoot { start: from?, end: to? })
}

/// Whether `error` is the database refusing a clash (PostgreSQL exclusion constraint 23P01,
/// SQLite trigger `booking_clash`).
fn is_clash(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => {
            db.code().as_deref() == Some("23P01") || db.message().contains("booking_clash")
        }
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, sqlx::FromRow)]
struct HeldRow {
    starts_at: i64,
    ends_at: i64,
    production_id: i64,
    changeover_s: i64,
}

impl From<HeldRow> for Held {
    fn from(row: HeldRow) -> Held {
        Held {
            window: Window { start: row.starts_at, end: row.ends_at },
            production_id: row.production_id,
            changeover: row.changeover_s,
        }
    }
}

/// Bookings holding a location that could clash with `[from, to)`: also those whose changeover
/// reaches in.
const HELD_SQL: &str = "select starts_at, ends_at, production_id, changeover_s from booking \
     where location_id = $1 and status in ('requested', 'confirmed') \
     and starts_at < $2 and ends_at > $3 order by starts_at";

#[derive(Debug, sqlx::FromRow)]
struct SlugHeldRow {
    slug: String,
    #[sqlx(flatten)]
    held: HeldRow,
}

#[derive(Debug, sqlx::FromRow)]
struct ScheduleRow {
    booking_id: i64,
    production_id: i64,
    production_zh: String,
    production_en: String,
    status: String,
    starts_at: i64,
    ends_at: i64,
    shoot_from: Option<i64>,
    shoot_to: Option<i64>,
    changeover_s: i64,
}

impl Store {
    /// Bookings holding any location and overlapping `[from, to)`, by location slug.
    pub async fn held_between(
        &self,
        from: i64,
        to: i64,
    ) -> Result<HashMap<String, Vec<Held>>, StorageError> {
        let rows: Vec<SlugHeldRow> = on_db!(self.db(), pool => sqlx::query_as(
            "select l.slug, b.starts_at, b.ends_at, b.production_id, b.changeover_s \
             from booking b join location l on l.location_id = b.location_id \
             where b.status in ('requested', 'confirmed') and b.starts_at < $1 and b.ends_at > $2",
        )
        .bind(to)
        .bind(from)
        .fetch_all(pool)
        .await?);
        let mut held: HashMap<String, Vec<Held>> = HashMap::new();
        for row in rows {
            held.entry(row.slug).or_default().push(row.held.into());
        }
        Ok(held)
    }

    /// Books a location if the window is free under the clash rule; otherwise explains the clash
    /// and proposes the nearest free slot of the same length starting no earlier than `now`.
    pub async fn book(&self, new: &NewBooking<'_>, now: i64) -> Result<Booked, StorageError> {
        let want = new.window;
        let attempt: Result<Attempt, sqlx::Error> = on_db!(self.db(), pool => async {
                let mut tx = pool.begin_write(&self.writers).await?;
                let location: Option<(i64, i64, bool)> = sqlx::query_as(
                    "update location set booking_version = booking_version + 1 where slug = $1 \
                     returning location_id, changeover_min, instant_book",
                )
                .bind(new.slug)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((location_id, changeover_min, instant)) = location else {
                    return Ok(Attempt::NoLocation);
                };
                let changeover = changeover_min * 60;
                let held: Vec<HeldRow> = sqlx::query_as(HELD_SQL)
                    .bind(location_id)
                    .bind(want.end + MAX_CHANGEOVER_SECS)
                    .bind(want.start - MAX_CHANGEOVER_SECS)
                    .fetch_all(&mut *tx)
                    .await?;
                let held: Vec<Held> = held.into_iter().map(Held::from).collect();
                if let Some(clash) = first_clash(want, new.production_id, changeover, &held) {
                    return Ok(Attempt::Clash { location_id, changeover, clash: *clash });
                }
                let status = if instant { BookingStatus::Confirmed } else { BookingStatus::Requested };
                let booking_id: i64 = sqlx::query_scalar(
                    "insert into booking (location_id, production_id, booked_by, status, starts_at, \
                     ends_at, changeover_s, note, created_at, shoot_from, shoot_to) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning booking_id",
                )
                .bind(location_id)
                .bind(new.production_id)
                .bind(new.booked_by)
                .bind(status.code())
                .bind(want.start)
                .bind(want.end)
                .bind(changeover)
                .bind(new.note)
                .bind(now)
                .bind(new.shoot.map(|s| s.start))
                .bind(new.shoot.map(|s| s.end))
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(Attempt::Done { booking_id, status })
            }.await);
        match attempt {
            Ok(Attempt::Done { booking_id, status }) => Ok(Booked::Done { booking_id, status }),
            Ok(Attempt::NoLocation) => Ok(Booked::NoSuchLocation),
            Ok(Attempt::Clash { location_id, changeover, clash }) => {
                Ok(Booked::Clash(self.explain(location_id, new, changeover, clash, now).await?))
            }
            Err(error) if is_clash(&error) => {
                // The database caught what the check did not see: explain from fresh data.
                let (location_id, changeover) = self.location_changeover(new.slug).await?;
                let held = self
                    .held(
                        location_id,
                        want.start - MAX_CHANGEOVER_SECS,
                        want.end + MAX_CHANGEOVER_SECS,
                    )
                    .await?;
                match first_clash(want, new.production_id, changeover, &held) {
                    Some(clash) => Ok(Booked::Clash(
                        self.explain(location_id, new, changeover, *clash, now).await?,
                    )),
                    None => Err(error.into()),
                }
            }
            Err(error) => Err(error.into()),
        }
    }

    /// The clash message: the clashing window, and the nearest free slot within the horizon.
    async fn explain(
        &self,
        location_id: i64,
        new: &NewBooking<'_>,
        changeover: i64,
        clash: Held,
        now: i64,
    ) -> Result<Clash, StorageError> {
        let want = new.window;
        let from = want.start.min(now) - SUGGESTION_HORIZON_SECS;
        let held = self.held(location_id, from, want.end + SUGGESTION_HORIZON_SECS).await?;
        let suggestion = nearest_free(want, new.production_id, changeover, &held, now)
            .filter(|w| (w.start - want.start).abs() <= SUGGESTION_HORIZON_SECS);
        let own = clash.production_id == new.production_id;
        Ok(Clash {
            with: clash.window,
            own,
            changeover: if own { 0 } else { clash.changeover },
            suggestion,
        })
    }

    async fn held(&self, location_id: i64, from: i64, to: i64) -> Result<Vec<Held>, StorageError> {
        let rows: Vec<HeldRow> = on_db!(self.db(), pool => sqlx::query_as(HELD_SQL)
            .bind(location_id)
            .bind(to)
            .bind(from)
            .fetch_all(pool)
            .await?);
        Ok(rows.into_iter().map(Held::from).collect())
    }

    async fn location_changeover(&self, slug: &str) -> Result<(i64, i64), StorageError> {
        let (id, minutes): (i64, i64) = on_db!(self.db(), pool => sqlx::query_as(
            "select location_id, changeover_min from location where slug = $1",
        )
        .bind(slug)
        .fetch_one(pool)
        .await?);
        Ok((id, minutes * 60))
    }

    /// Bookings of the location `slug` (any status) overlapping `[from, to)`, by start.
    pub async fn location_schedule(
        &self,
        slug: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<ScheduledBooking>, StorageError> {
        let rows: Vec<ScheduleRow> = on_db!(self.db(), pool => sqlx::query_as(
            "select b.booking_id, b.production_id, p.name_zh as production_zh, \
             p.name_en as production_en, b.status, b.starts_at, b.ends_at, b.changeover_s, \
             b.shoot_from, b.shoot_to \
             from booking b join location l on l.location_id = b.location_id \
             join production p on p.production_id = b.production_id \
             where l.slug = $1 and b.starts_at < $2 and b.ends_at > $3 order by b.starts_at",
        )
        .bind(slug)
        .bind(to)
        .bind(from)
        .fetch_all(pool)
        .await?);
        rows.into_iter()
            .map(|r| {
                Ok(ScheduledBooking {
                    booking_id: r.booking_id,
                    production_id: r.production_id,
                    production_zh: r.production_zh,
                    production_en: r.production_en,
                    status: code(BookingStatus::parse, &r.status, "booking.status")?,
                    window: Window { start: r.starts_at, end: r.ends_at },
                    shoot: shoot(r.shoot_from, r.shoot_to),
                    changeover: r.changeover_s,
                })
            })
            .collect()
    }

    /// The production, operator and status of a booking.
    pub async fn booking_parties(
        &self,
        booking_id: i64,
    ) -> Result<Option<BookingParties>, StorageError> {
        let row: Option<(i64, i64, String)> = on_db!(self.db(), pool => sqlx::query_as(
            "select b.production_id, l.supplier_id, b.status from booking b \
             join location l on l.location_id = b.location_id where b.booking_id = $1",
        )
        .bind(booking_id)
        .fetch_optional(pool)
        .await?);
        row.map(|(production_id, operator_id, status)| {
            Ok(BookingParties {
                production_id,
                operator_id,
                status: code(BookingStatus::parse, &status, "booking.status")?,
            })
        })
        .transpose()
    }

    /// Moves a booking from `from` to `to`; `false` if it was not in `from` (nothing changes).
    pub async fn set_booking_status(
        &self,
        booking_id: i64,
        from: BookingStatus,
        to: BookingStatus,
    ) -> Result<bool, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query(
            "update booking set status = $1 where booking_id = $2 and status = $3",
        )
        .bind(to.code())
        .bind(booking_id)
        .bind(from.code())
        .execute(pool)
        .await?
        .rows_affected()
            == 1))
    }

    /// Lets crews book `slug` without waiting for the operator (or not).
    pub async fn set_instant_book(&self, slug: &str, instant: bool) -> Result<(), StorageError> {
        on_db!(self.db(), pool => {
            sqlx::query("update location set instant_book = $1 where slug = $2")
                .bind(instant)
                .bind(slug)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}

/// A production's booking, as its schedule lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductionBooking {
    pub booking_id: i64,
    pub slug: String,
    pub location_zh: String,
    pub location_en: String,
    pub status: BookingStatus,
    pub window: Window,
    pub shoot: Option<Shoot>,
    pub note: String,
}

#[derive(Debug, sqlx::FromRow)]
struct ProductionBookingRow {
    booking_id: i64,
    slug: String,
    location_zh: String,
    location_en: String,
    status: String,
    starts_at: i64,
    ends_at: i64,
    shoot_from: Option<i64>,
    shoot_to: Option<i64>,
    note: String,
}

impl Store {
    /// The bookings of `production_id` ending after `since`, by start.
    pub async fn production_bookings(
        &self,
        production_id: i64,
        since: i64,
    ) -> Result<Vec<ProductionBooking>, StorageError> {
        let rows: Vec<ProductionBookingRow> = on_db!(self.db(), pool => sqlx::query_as(
            "select b.booking_id, l.slug, l.name_zh as location_zh, l.name_en as location_en, \
             b.status, b.starts_at, b.ends_at, b.note, b.shoot_from, b.shoot_to \
             from booking b join location l on l.location_id = b.location_id \
             where b.production_id = $1 and b.ends_at > $2 order by b.starts_at, b.booking_id",
        )
        .bind(production_id)
        .bind(since)
        .fetch_all(pool)
        .await?);
        rows.into_iter()
            .map(|r| {
                Ok(ProductionBooking {
                    booking_id: r.booking_id,
                    slug: r.slug,
                    location_zh: r.location_zh,
                    location_en: r.location_en,
                    status: code(BookingStatus::parse, &r.status, "booking.status")?,
                    window: Window { start: r.starts_at, end: r.ends_at },
                    shoot: shoot(r.shoot_from, r.shoot_to),
                    note: r.note,
                })
            })
            .collect()
    }
}

/// What extending a booking did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extended {
    /// Extended; the production of the next booking at the location, if another one's, has a
    /// notice of the later hand-over.
    Done {
        window: Window,
        notified: Option<i64>,
    },
    /// Another booking or its changeover is in the way.
    Clash {
        with: Window,
        own: bool,
        /// Changeover kept free before the clashing booking (0 for one's own).
        changeover: i64,
        /// The longest the booking can be: to the latest end it can run on to.
        longest: Option<Window>,
    },
    /// The new end is not a valid extension.
    Invalid(WindowError),
    /// Declined, cancelled or completed bookings cannot be extended.
    NotHolding,
    NoSuchBooking,
}

#[derive(Debug, sqlx::FromRow)]
struct OwnRow {
    location_id: i64,
    production_id: i64,
    status: String,
    starts_at: i64,
    ends_at: i64,
    changeover_s: i64,
    shoot_from: Option<i64>,
    shoot_to: Option<i64>,
}

#[derive(Debug, sqlx::FromRow)]
struct OtherRow {
    booking_id: i64,
    #[sqlx(flatten)]
    held: HeldRow,
}

#[derive(Debug, sqlx::FromRow)]
struct NoticeRow {
    slug: String,
    location_zh: String,
    location_en: String,
    handover_at: i64,
    starts_at: i64,
    ends_at: i64,
    created_at: i64,
}

impl Store {
    /// Runs a holding booking on to `new_end` (an overrun) if the time after it is free under
    /// the clash rule, in one transaction that first locks the location (as `book` does). The
    /// next booking at the location, if another production's, gets a hand-over notice.
    pub async fn extend(
        &self,
        booking_id: i64,
        new_end: i64,
        now: i64,
    ) -> Result<Extended, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let locked: Option<i64> = sqlx::query_scalar(
                "update location set booking_version = booking_version + 1 where location_id = \
                 (select location_id from booking where booking_id = $1) returning location_id",
            )
            .bind(booking_id)
            .fetch_optional(&mut *tx)
            .await?;
            if locked.is_none() {
                return Ok(Extended::NoSuchBooking);
            }
            let own: OwnRow = sqlx::query_as(
                "select location_id, production_id, status, starts_at, ends_at, changeover_s, \
                 shoot_from, shoot_to from booking where booking_id = $1",
            )
            .bind(booking_id)
            .fetch_one(&mut *tx)
            .await?;
            if !code(BookingStatus::parse, &own.status, "booking.status")?.holds() {
                return Ok(Extended::NotHolding);
            }
            let current = Window { start: own.starts_at, end: own.ends_at };
            let want = match current.extended_to(new_end) {
                Ok(want) => want,
                Err(error) => return Ok(Extended::Invalid(error)),
            };
            let others: Vec<OtherRow> = sqlx::query_as(
                "select booking_id, starts_at, ends_at, production_id, changeover_s from booking \
                 where location_id = $1 and booking_id <> $2 \
                 and status in ('requested', 'confirmed') and starts_at < $3 and ends_at > $4 \
                 order by starts_at",
            )
            .bind(own.location_id)
            .bind(booking_id)
            .bind(want.end + MAX_CHANGEOVER_SECS)
            .bind(current.end - MAX_CHANGEOVER_SECS)
            .fetch_all(&mut *tx)
            .await?;
            let held: Vec<Held> = others.iter().map(|o| Held::from(o.held)).collect();
            if let Some(clash) = first_clash(want, own.production_id, own.changeover_s, &held) {
                let own_clash = clash.production_id == own.production_id;
                return Ok(Extended::Clash {
                    with: clash.window,
                    own: own_clash,
                    changeover: if own_clash { 0 } else { own.changeover_s },
                    longest: latest_end(current, own.production_id, own.changeover_s, &held)
                        .map(|end| Window { start: current.start, end }),
                });
            }
            // A shoot that ran to the end runs on with it; otherwise strike takes the time.
            let shoot = shoot(own.shoot_from, own.shoot_to).map(|s| s.after_overrun(current, want));
            sqlx::query("update booking set ends_at = $1, shoot_to = $2 where booking_id = $3")
                .bind(want.end)
                .bind(shoot.map(|s| s.end))
                .bind(booking_id)
                .execute(&mut *tx)
                .await?;
            // The set's next booking, if another production's: it takes the set over later now.
            let next = others
                .iter()
                .filter(|o| {
                    o.held.starts_at >= current.end && o.held.production_id != own.production_id
                })
                .min_by_key(|o| o.held.starts_at);
            let notified = match next {
                Some(next) => {
                    sqlx::query(
                        "insert into notice (production_id, booking_id, kind, at_time, created_at) \
                         values ($1, $2, 'handover_later', $3, $4)",
                    )
                    .bind(next.held.production_id)
                    .bind(next.booking_id)
                    .bind(want.end)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    Some(next.held.production_id)
                }
                None => None,
            };
            tx.commit().await?;
            Extended::Done { window: want, notified }
        }))
    }

    /// A production's hand-over notices, newest first (at most 50).
    pub async fn handover_notices(
        &self,
        production_id: i64,
    ) -> Result<Vec<HandoverNotice>, StorageError> {
        let rows: Vec<NoticeRow> = on_db!(self.db(), pool => sqlx::query_as(
            "select l.slug, l.name_zh as location_zh, l.name_en as location_en, \
             n.at_time as handover_at, b.starts_at, b.ends_at, n.created_at \
             from notice n join booking b on b.booking_id = n.booking_id \
             join location l on l.location_id = b.location_id \
             where n.production_id = $1 and n.kind = 'handover_later' \
             order by n.created_at desc, n.notice_id desc limit 50",
        )
        .bind(production_id)
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|r| HandoverNotice {
                slug: r.slug,
                location_zh: r.location_zh,
                location_en: r.location_en,
                handover_at: r.handover_at,
                window: Window { start: r.starts_at, end: r.ends_at },
                created_at: r.created_at,
            })
            .collect())
    }
}
