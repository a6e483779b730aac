//! Reusable pieces of the pages.

pub mod error_view;
pub mod location_map;

use domain::Lang;

use leptos_i18n::I18nContext;

use crate::i18n::Locale;

/// The content language matching the UI locale.
pub fn content_lang(i18n: I18nContext<Locale>) -> Lang {
    match i18n.get_locale() {
        Locale::zh => Lang::Zh,
        Locale::en => Lang::En,
    }
}
