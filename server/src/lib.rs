//! Backlot's server: settings, storage, seed data, and the axum router serving the Leptos app.
// The router holds every page's view type: deeper than the default limit allows in release builds.
#![recursion_limit = "256"]

pub mod area_packs;
pub mod backend;
pub mod calendar;
pub mod catalogue;
pub mod export;
pub mod guards;
pub mod index_cache;
pub mod kept_pages;
pub mod locations;
pub mod media;
pub mod open_calls;
pub mod passwords;
pub mod pool;
pub mod routes;
pub mod search;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod storage;
pub mod telemetry;
pub mod tokens;
