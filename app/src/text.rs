//! Translated text in views.
//!
//! `t!(i18n, key)` puts a closure of its own type at every call site, and Leptos compiles its
//! reactive-text code (build, rebuild, hydrate, the render effect) once per closure type: about
//! a kilobyte of wasm for each of several hundred sites. `tr!(i18n, key)` gives every key
//! without interpolations the one view type of [`text`], told the key by a plain function.

use leptos::prelude::*;

use crate::i18n::Locale;

/// The translation context views are given (`use_i18n()`).
pub type I18n = leptos_i18n::I18nContext<Locale>;

/// The text `key` gives for the context's language, following it when it changes.
pub fn text(i18n: I18n, key: fn(Locale) -> &'static str) -> impl IntoView + Copy {
    move || key(i18n.get_locale())
}
