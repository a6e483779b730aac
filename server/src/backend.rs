//! The server's implementation of the app's `Backend`: storage calls plus error policy
//! (infrastructure failures are logged here, once, and reach users as `Unexpected`).

use app::backend::Backend;
use app::error::AppError;
use app::models::{CallCard, ItemPage, LocationPin, TileSource};
use time::{OffsetDateTime, UtcOffset};

use crate::storage::{StorageError, Store};

/// Hengdian's time zone (China Standard Time, UTC+8, no daylight saving).
pub const STUDIO_OFFSET: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+8 is a valid offset"),
};

/// Today's date at the studio.
pub fn studio_today() -> time::Date {
    OffsetDateTime::now_utc().to_offset(STUDIO_OFFSET).date()
}

/// Storage plus the settings the pages need.
#[derive(Debug, Clone)]
pub struct ServerBackend {
    pub store: Store,
    pub tiles: TileSource,
}

fn unexpected(operation: &'static str) -> impl FnOnce(StorageError) -> AppError {
    move |error| {
        tracing::error!(%error, operation, "storage failure");
        AppError::Unexpected
    }
}

#[async_trait::async_trait]
impl Backend for ServerBackend {
    async fn location_pins(&self) -> Result<Vec<LocationPin>, AppError> {
        self.store
            .location_pins()
            .await
            .map_err(unexpected("location_pins"))
    }

    fn tile_source(&self) -> TileSource {
        self.tiles.clone()
    }

    async fn item_page(&self, page: i64, per_page: i64) -> Result<ItemPage, AppError> {
        self.store
            .item_page(page, per_page)
            .await
            .map_err(unexpected("item_page"))
    }

    async fn open_calls(&self) -> Result<Vec<CallCard>, AppError> {
        self.store
            .open_calls(studio_today())
            .await
            .map_err(unexpected("open_calls"))
    }
}
