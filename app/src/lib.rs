//! Backlot's user interface and wire contract: pages, components, read models and server
//! functions. Server-function bodies are thin adapters onto the [`backend::Backend`] the server
//! provides through context.

#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// `t!(i18n, key)` for a key without interpolations, as one view type for every key (see
/// [`text`]).
macro_rules! tr {
    ($i18n:expr, $key:ident) => {
        $crate::text::text($i18n, |locale| $crate::i18n::td_string!(locale, $key))
    };
}

pub mod api;
mod app;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod bookings;
mod bundle;
pub mod casting;
pub mod codec;
pub mod components;
pub mod error;
pub mod inventory;
pub mod members;
pub mod models;
pub mod pages;
pub mod shortlists;
pub mod stock;
pub mod supply;
pub mod text;
pub mod training;
pub mod travel;
pub mod wages;

pub use app::{App, LANGUAGE_COOKIE, cookie_value, language_cookie, offered_language, shell};
pub use bundle::hash_list;
#[cfg(feature = "ssr")]
pub use bundle::{prepare as prepare_bundle, split_manifest_hash};
