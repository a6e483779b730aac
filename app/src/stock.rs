//! Server functions for an item's page and for reserving stock: a crew member's request list
//! (dates and quantities, priced as a quote), submitting it, and the production's reservations.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{ItemDetail, RequestView, ReservationView};

#[cfg(feature = "ssr")]
use crate::{api::answer, auth::require_user};

/// An item's page: facts, free units per day for two weeks from `from` (`YYYY-MM-DD`; today
/// when empty), related items, and the caller's request-list quantity.
#[server(prefix = "/api", endpoint = "item")]
pub async fn load_item(
    item_id: i64,
    #[server(default)] from: String,
) -> Result<ItemDetail, AppError> {
    answer(async {
        let from = match from.trim() {
            "" => None,
            text => Some(
                domain::studio_time::parse_date(text)
                    .ok_or_else(|| AppError::field("from", "invalid_date"))?,
            ),
        };
        let viewer = crate::auth::session_account().await?;
        crate::backend::backend()?.item_detail(item_id, from, viewer.as_ref()).await
    })
    .await
}

/// A member of the item's supplier (or an admin) deletes one of its photos. Photos are
/// uploaded to `POST /catalogue/{id}/photos` (a multipart form, so the browser can show
/// progress).
#[server(prefix = "/api", endpoint = "item/photo/delete")]
pub async fn delete_item_photo(photo_id: i64) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.delete_item_photo(&user, photo_id).await
    })
    .await
}

/// The caller's request list with its quote (crew members of a production).
#[server(prefix = "/api", endpoint = "requests")]
pub async fn my_request_list() -> Result<RequestView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.request_list(&user).await
    })
    .await
}

/// Sets how many of an item the caller's request list asks for (0 takes it off).
#[server(prefix = "/api", endpoint = "requests/line")]
pub async fn set_request_line(item_id: i64, quantity: String) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        let quantity = quantity
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|q| (0..=domain::stock::MAX_QUANTITY).contains(q))
            .ok_or_else(|| AppError::field("quantity", "quantity_range"))?;
        crate::backend::backend()?.set_request_line(&user, item_id, quantity).await
    })
    .await
}

/// Sets the days (`YYYY-MM-DD`, both included) the caller's request list is for.
#[server(prefix = "/api", endpoint = "requests/days")]
pub async fn set_request_days(first_day: String, last_day: String) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        let day = |field: &str, text: &str| {
            domain::studio_time::parse_date(text.trim())
                .ok_or_else(|| AppError::field(field, "invalid_date"))
        };
        let (first, last) = (day("first_day", &first_day)?, day("last_day", &last_day)?);
        crate::backend::backend()?.set_request_days(&user, first, last).await
    })
    .await
}

/// Reserves everything on the caller's request list for its days, or nothing; answers the
/// new reservations' codes, or `Shortage` naming each item, the days and how many are free.
#[server(prefix = "/api", endpoint = "requests/submit")]
pub async fn submit_request() -> Result<Vec<String>, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.submit_request(&user).await
    })
    .await
}

/// The reservations of the caller's production, newest first.
#[server(prefix = "/api", endpoint = "reservations")]
pub async fn my_reservations() -> Result<Vec<ReservationView>, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.production_reservations(&user).await
    })
    .await
}
