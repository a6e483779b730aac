//! Server function for the travel guide (交通攻略): the map's tiles and the bases' outlines.
//! The guide's content itself is `domain::travel`, the same in browser and server.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::models::{BaseOutline, TileSource};

#[cfg(feature = "ssr")]
use crate::api::answer;

/// What the guide's map draws under its places: the tile settings and the bases' outlines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TravelMap {
    pub tiles: TileSource,
    pub outlines: Vec<BaseOutline>,
}

/// The travel guide's map settings; open to everyone.
#[server(prefix = "/api", endpoint = "travel")]
pub async fn load_travel_map() -> Result<TravelMap, AppError> {
    answer(async {
        let everything = domain::location_filter::LocationFilter::default();
        let view = crate::backend::backend()?.locations(&everything, None).await?;
        Ok(TravelMap { tiles: view.tiles, outlines: view.outlines })
    })
    .await
}
