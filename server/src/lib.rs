//! Backlot's server: settings, storage, seed data, and the axum router serving the Leptos app.

pub mod backend;
pub mod calendar;
pub mod catalogue;
pub mod guards;
pub mod media;
pub mod passwords;
pub mod routes;
pub mod search;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod storage;
pub mod telemetry;
pub mod tokens;
