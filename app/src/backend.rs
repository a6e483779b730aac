//! The storage-facing interface the server implements and hands to server functions through
//! Leptos context. Implementations log infrastructure failures and return `AppError::Unexpected`.

use std::sync::Arc;

use crate::error::AppError;
use crate::models::{CallCard, ItemPage, LocationPin, SessionUser, TileSource};

/// What server functions may ask of the server.
#[async_trait::async_trait]
pub trait Backend: Send + Sync + 'static {
    /// Every location, ordered by base and name.
    async fn location_pins(&self) -> Result<Vec<LocationPin>, AppError>;
    /// Map tile settings.
    fn tile_source(&self) -> TileSource;
    /// One page (1-based) of the catalogue, ordered by SKU.
    async fn item_page(&self, page: i64, per_page: i64) -> Result<ItemPage, AppError>;
    /// Calls that are open and whose deadline has not passed in the studio's time zone.
    async fn open_calls(&self) -> Result<Vec<CallCard>, AppError>;
    /// Checks a login and password (throttled per account); wrong pairs give
    /// `Invalid` on `login` with code `wrong_credentials`.
    async fn authenticate(&self, login: &str, password: &str) -> Result<SessionUser, AppError>;
    /// Registers a new actor account; validation failures name their fields.
    async fn register_actor(
        &self,
        login: &str,
        password: &str,
        display_name: &str,
    ) -> Result<SessionUser, AppError>;
    /// Replaces the password of `account_id` after checking the current one; a wrong current
    /// password is `Invalid` on `current_password`, a weak new one on `new_password`.
    async fn change_password(
        &self,
        account_id: i64,
        current_password: &str,
        new_password: &str,
    ) -> Result<(), AppError>;
    /// The account a session points at, if it still exists.
    async fn session_user(&self, account_id: i64) -> Result<Option<SessionUser>, AppError>;
}

/// The handle server functions find in context.
pub type BackendHandle = Arc<dyn Backend>;

/// Fetches the backend from context; a missing backend is a wiring bug, reported as `Unexpected`.
pub fn backend() -> Result<BackendHandle, AppError> {
    leptos::prelude::use_context::<BackendHandle>().ok_or_else(|| {
        tracing::error!("no backend in the Leptos context");
        AppError::Unexpected
    })
}
