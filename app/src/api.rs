//! Server functions: the app's own calls from browser to server. Each body only validates,
//! asks the backend and returns a typed result.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{CallCard, ItemPage, LocationsView};

/// Items per catalogue page.
pub const ITEMS_PER_PAGE: i64 = 48;

/// The locations matching the filter (URL parameters, codes joined by commas; all empty for
/// every location) for the map and list, with the tile settings.
#[server(prefix = "/api", endpoint = "locations")]
#[allow(clippy::too_many_arguments)]
pub async fn list_locations(
    #[server(default)] q: String,
    #[server(default)] kind: String,
    #[server(default)] era: String,
    #[server(default)] setting: String,
    #[server(default)] base: String,
    #[server(default)] facility: String,
    #[server(default)] area_min: String,
    #[server(default)] area_max: String,
    #[server(default)] rate_min: String,
    #[server(default)] rate_max: String,
) -> Result<LocationsView, AppError> {
    answer(async {
        let pairs = [
            ("q", q.as_str()),
            ("kind", kind.as_str()),
            ("era", era.as_str()),
            ("setting", setting.as_str()),
            ("base", base.as_str()),
            ("facility", facility.as_str()),
            ("area_min", area_min.as_str()),
            ("area_max", area_max.as_str()),
            ("rate_min", rate_min.as_str()),
            ("rate_max", rate_max.as_str()),
        ];
        let filter = domain::location_filter::LocationFilter::from_pairs(pairs);
        let backend = crate::backend::backend()?;
        let (pins, total) = backend.location_pins(&filter).await?;
        Ok(LocationsView { pins, total, tiles: backend.tile_source() })
    })
    .await
}

/// One page of the catalogue; pages start at 1 and past-the-end pages are empty.
#[server(prefix = "/api", endpoint = "catalogue")]
pub async fn list_items(page: i64) -> Result<ItemPage, AppError> {
    answer(async {
        if page < 1 {
            return Err(AppError::Invalid(vec![crate::error::FieldError {
                field: "page".into(),
                code: "min_1".into(),
            }]));
        }
        crate::backend::backend()?.item_page(page, ITEMS_PER_PAGE).await
    })
    .await
}

/// Open casting calls, soonest deadline first.
#[server(prefix = "/api", endpoint = "calls")]
pub async fn list_open_calls() -> Result<Vec<CallCard>, AppError> {
    answer(async { crate::backend::backend()?.open_calls().await }).await
}

/// Runs a server function's body and gives a failure its HTTP status.
#[cfg(feature = "ssr")]
pub(crate) async fn answer<T>(
    body: impl Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    body.await.map_err(AppError::with_status)
}
