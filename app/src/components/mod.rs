//! Reusable pieces of the pages.

pub mod error_view;
pub mod location_map;

use domain::Lang;
use domain::booking::BookingStatus;

use leptos_i18n::I18nContext;

use crate::i18n::*;

/// The content language matching the UI locale.
pub fn content_lang(i18n: I18nContext<Locale>) -> Lang {
    match i18n.get_locale() {
        Locale::zh => Lang::Zh,
        Locale::en => Lang::En,
    }
}

/// The localized name of a booking's status.
pub fn status_text(i18n: I18nContext<Locale>, status: BookingStatus) -> &'static str {
    match status {
        BookingStatus::Requested => t_string!(i18n, status_requested),
        BookingStatus::Confirmed => t_string!(i18n, status_confirmed),
        BookingStatus::Completed => t_string!(i18n, status_completed),
        BookingStatus::Cancelled => t_string!(i18n, status_cancelled),
    }
}
