//! Reusable pieces of the pages.

pub mod error_view;
pub mod filter_form;
pub mod gallery;
pub mod guide_map;
pub mod location_map;
pub mod pager;

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

/// A weekday's short localized name (`周一` / `Mon`).
pub fn weekday_text(i18n: I18nContext<Locale>, day: time::Weekday) -> &'static str {
    use time::Weekday;
    match day {
        Weekday::Monday => t_string!(i18n, weekday_mon),
        Weekday::Tuesday => t_string!(i18n, weekday_tue),
        Weekday::Wednesday => t_string!(i18n, weekday_wed),
        Weekday::Thursday => t_string!(i18n, weekday_thu),
        Weekday::Friday => t_string!(i18n, weekday_fri),
        Weekday::Saturday => t_string!(i18n, weekday_sat),
        Weekday::Sunday => t_string!(i18n, weekday_sun),
    }
}

/// The localized name of a booking phase.
pub fn phase_name(i18n: I18nContext<Locale>, phase: domain::timeline::Phase) -> &'static str {
    use domain::timeline::Phase;
    match phase {
        Phase::Dressing => t_string!(i18n, phase_dressing),
        Phase::Shooting => t_string!(i18n, phase_shooting),
        Phase::Strike => t_string!(i18n, phase_strike),
    }
}

/// A booking's phases as one line (`Set dressing 06:30–08:00 · Shooting 08:00–12:45 · …`);
/// `None` for a booking without phases.
pub fn phases_text(
    i18n: I18nContext<Locale>,
    window: domain::booking::Window,
    shoot: Option<domain::timeline::Shoot>,
) -> Option<String> {
    use domain::studio_clock;
    shoot.map(|shoot| {
        domain::timeline::phases(window, Some(shoot))
            .into_iter()
            .map(|(phase, w)| {
                format!(
                    "{} {}–{}",
                    phase_name(i18n, phase),
                    studio_clock(w.start),
                    studio_clock(w.end)
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    })
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
