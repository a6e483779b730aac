//! Server functions: the app's own calls from browser to server. Each body only validates,
//! asks the backend and returns a typed result.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{CallList, CatalogueView, LocationsView};

/// Items per catalogue page.
pub const ITEMS_PER_PAGE: u32 = 48;

/// The locations matching `query` (the `/locations` URL's query string; empty for every
/// location) for the map and list, with the tile settings. A crew member's own production's
/// bookings do not count against "free from … to …".
#[server(prefix = "/api", endpoint = "locations")]
pub async fn list_locations(#[server(default)] query: String) -> Result<LocationsView, AppError> {
    answer(async {
        let filter = domain::location_filter::LocationFilter::from_query(&query);
        let backend = crate::backend::backend()?;
        let viewer = match filter.free_window() {
            Ok(Some(_)) => crate::auth::session_account().await?,
            _ => None,
        };
        backend.locations(&filter, viewer.as_ref()).await
    })
    .await
}

/// The catalogue as `query` (the `/catalogue` URL's query string) asks for it: one page of
/// results with the facets' counts, and for a crew member the era their production declared.
/// Past-the-end pages are empty.
#[server(prefix = "/api", endpoint = "catalogue")]
pub async fn search_catalogue(#[server(default)] query: String) -> Result<CatalogueView, AppError> {
    answer(async {
        let query = domain::catalogue::CatalogueQuery::from_query(&query);
        let backend = crate::backend::backend()?;
        let mut view = backend.catalogue(&query, ITEMS_PER_PAGE).await?;
        // Read with the account, in the same query as the session's other facts.
        if let Some(user) = crate::auth::session_account().await?
            && user.role == domain::account::Role::Crew
        {
            view.production_era = user.production_era;
        }
        Ok(view)
    })
    .await
}

/// Open casting calls, soonest deadline first, narrowed by `query` (the casting page's query
/// string: dates, pay, gender, skill, place, page).
#[server(prefix = "/api", endpoint = "calls")]
pub async fn list_open_calls(#[server(default)] query: String) -> Result<CallList, AppError> {
    answer(async {
        let filter = domain::casting::CallFilter::from_query(&query);
        let page = domain::casting::page_of(&query);
        let mut list = crate::backend::backend()?.open_calls(&filter, page).await?;
        let viewer = crate::auth::session_account().await?;
        list.can_post = viewer.is_some_and(|u| {
            u.role == domain::account::Role::Crew
                && u.org.is_some_and(|o| o.kind == crate::models::OrgKind::Production)
        });
        Ok(list)
    })
    .await
}

/// Runs a server function's body and gives a failure its HTTP status.
#[cfg(feature = "ssr")]
pub(crate) async fn answer<T>(
    body: impl Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    body.await.map_err(AppError::with_status)
}
