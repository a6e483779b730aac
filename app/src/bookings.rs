//! Server functions for locations' pages and bookings. Crew members of a production book; the
//! location's operator confirms or declines; the booking's production may cancel.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{BookingReceipt, LocationDetail};

#[cfg(feature = "ssr")]
use crate::{api::answer, auth::require_user, error::FieldError};

/// The longest note a booking may carry, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// A location's page: facts, and the seven days of bookings from `week` (`YYYY-MM-DD`, studio
/// date; today when empty). Other productions' names are hidden.
#[server(prefix = "/api", endpoint = "location")]
pub async fn location_page(
    slug: String,
    #[server(default)] week: String,
) -> Result<LocationDetail, AppError> {
    answer(async {
        let week_start = match week.trim() {
            "" => time::OffsetDateTime::now_utc().to_offset(domain::STUDIO_OFFSET).date(),
            value => domain::studio_time::parse_date(value)
                .ok_or_else(|| AppError::field("week", "invalid"))?,
        };
        let viewer = crate::auth::session_account().await?;
        crate::backend::backend()?.location_detail(&slug, viewer.as_ref(), week_start).await
    })
    .await
}

/// Books `slug` from `starts_at` to `ends_at` (`datetime-local` values in studio time) for the
/// caller's production, optionally in phases: shooting from `shoot_from` to `shoot_to`, with
/// set dressing before and strike after (both empty: all shooting).
#[server(prefix = "/api", endpoint = "book")]
pub async fn book_location(
    slug: String,
    starts_at: String,
    ends_at: String,
    #[server(default)] note: String,
    #[server(default)] shoot_from: String,
    #[server(default)] shoot_to: String,
) -> Result<BookingReceipt, AppError> {
    answer(async {
        let user = require_user().await?;
        let mut errors = Vec::new();
        let start = domain::booking::parse_studio_local(&starts_at);
        let end = domain::booking::parse_studio_local(&ends_at);
        if start.is_none() {
            errors.push(FieldError { field: "starts_at".into(), code: "invalid_time".into() });
        }
        if end.is_none() {
            errors.push(FieldError { field: "ends_at".into(), code: "invalid_time".into() });
        }
        if note.chars().count() > MAX_NOTE_CHARS {
            errors.push(FieldError { field: "note".into(), code: "too_long".into() });
        }
        let (Some(start), Some(end), true) = (start, end, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let window = domain::booking::Window::bookable(start, end, now).map_err(|problem| {
            let field = match problem {
                domain::booking::WindowError::InThePast => "starts_at",
                _ => "ends_at",
            };
            AppError::field(field, problem.code())
        })?;
        let shoot = shoot_within(window, &shoot_from, &shoot_to)?;
        crate::backend::backend()?.book_location(&user, &slug, window, shoot, note.trim()).await
    })
    .await
}

/// The shooting span of a booking form: both fields empty is none; one alone, or a span not
/// inside the booking, is refused on the field to fix.
#[cfg(feature = "ssr")]
fn shoot_within(
    window: domain::booking::Window,
    from: &str,
    to: &str,
) -> Result<Option<domain::timeline::Shoot>, AppError> {
    use domain::booking::parse_studio_local;
    match (from.trim(), to.trim()) {
        ("", "") => Ok(None),
        ("", _) => Err(AppError::field("shoot_from", "required")),
        (_, "") => Err(AppError::field("shoot_to", "required")),
        (from, to) => {
            let start = parse_studio_local(from)
                .ok_or_else(|| AppError::field("shoot_from", "invalid_time"))?;
            let end = parse_studio_local(to)
                .ok_or_else(|| AppError::field("shoot_to", "invalid_time"))?;
            domain::timeline::Shoot::within(window, start, end).map(Some).map_err(|problem| {
                let field = match problem {
                    domain::timeline::ShootError::EndNotAfterStart => "shoot_to",
                    _ => "shoot_from",
                };
                AppError::field(field, problem.code())
            })
        }
    }
}

/// The location's operator confirms a requested booking.
#[server(prefix = "/api", endpoint = "booking/confirm")]
pub async fn confirm_booking(booking_id: i64) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.confirm_booking(&user, booking_id).await
    })
    .await
}

/// The location's operator turns instant booking of `slug` on or off.
#[server(prefix = "/api", endpoint = "location/instant-book")]
pub async fn set_instant_book(slug: String, instant: bool) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.set_instant_book(&user, &slug, instant).await
    })
    .await
}

/// The booking's production, or the location's operator, cancels it.
#[server(prefix = "/api", endpoint = "booking/cancel")]
pub async fn cancel_booking(booking_id: i64) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.cancel_booking(&user, booking_id).await
    })
    .await
}

/// The location's operator (or an admin) deletes one of its photos. Photos are uploaded to
/// `POST /locations/{slug}/photos` (a multipart form, so the browser can show progress).
#[server(prefix = "/api", endpoint = "photo/delete")]
pub async fn delete_location_photo(photo_id: i64) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.delete_photo(&user, photo_id).await
    })
    .await
}

/// Runs a booking on to `ends_at` (`datetime-local`, studio time): an overrun. Refused with the
/// clashing window and the latest possible end when the time after it is not free.
#[server(prefix = "/api", endpoint = "booking/extend")]
pub async fn extend_booking(booking_id: i64, ends_at: String) -> Result<BookingReceipt, AppError> {
    answer(async {
        let user = require_user().await?;
        let new_end = domain::booking::parse_studio_local(&ends_at)
            .ok_or_else(|| AppError::field("ends_at", "invalid_time"))?;
        crate::backend::backend()?.extend_booking(&user, booking_id, new_end).await
    })
    .await
}

/// The caller's production's bookings (crew members only).
#[server(prefix = "/api", endpoint = "schedule")]
pub async fn my_schedule() -> Result<crate::models::CrewSchedule, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.crew_schedule(&user).await
    })
    .await
}
