//! Server functions for shortlists: a crew member keeps locations, compares up to four side by
//! side and shares a read-only link with the team.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{Comparison, SharedShortlist, ShortlistView};

#[cfg(feature = "ssr")]
use crate::{api::answer, auth::require_user};

/// The caller's shortlist (crew members only).
#[server(prefix = "/api", endpoint = "shortlist")]
pub async fn my_shortlist() -> Result<ShortlistView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.shortlist(&user).await
    })
    .await
}

/// Puts `slug` on the caller's shortlist.
#[server(prefix = "/api", endpoint = "shortlist/add")]
pub async fn add_to_shortlist(slug: String) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.shortlist_add(&user, &slug).await
    })
    .await
}

/// Takes `slug` off the caller's shortlist.
#[server(prefix = "/api", endpoint = "shortlist/remove")]
pub async fn remove_from_shortlist(slug: String) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.shortlist_remove(&user, &slug).await
    })
    .await
}

/// Makes a new read-only link to the caller's shortlist; the previous link stops working.
#[server(prefix = "/api", endpoint = "shortlist/share")]
pub async fn share_shortlist() -> Result<String, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.share_shortlist(&user).await
    })
    .await
}

/// The shortlist behind a shared link, for anyone holding the link.
#[server(prefix = "/api", endpoint = "shortlist/shared")]
pub async fn open_shared_shortlist(token: String) -> Result<SharedShortlist, AppError> {
    answer(async { crate::backend::backend()?.shared_shortlist(token.trim()).await }).await
}

/// Up to four locations (`slugs` joined by commas) for the comparison page.
#[server(prefix = "/api", endpoint = "compare")]
pub async fn compare_locations(slugs: String) -> Result<Comparison, AppError> {
    answer(async {
        let slugs: Vec<String> =
            slugs.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        crate::backend::backend()?.compare(&slugs).await
    })
    .await
}
