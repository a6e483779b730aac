//! `/locations/{slug}`: a location's facts, sun and light for a day, its week of bookings and,
//! for crew members, the booking form. Other productions' bookings show only their times.

use domain::booking::{BookingStatus, Clash, Window, studio_local};
use domain::sun::{solar_day, sun_path};
use domain::{GeoPoint, STUDIO_OFFSET, studio_datetime, studio_midnight};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use time::{Date, Duration, OffsetDateTime, Weekday};

use super::login::form_error;
use crate::bookings::{BookLocation, CancelBooking, ConfirmBooking, location_page};
use crate::components::error_view::{ErrorView, field_message};
use crate::components::{content_lang, status_text};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{BookingReceipt, LocationDetail, ScheduleSlot};
use crate::pages::shortlist::ShortlistToggle;
use crate::shortlists::{AddToShortlist, RemoveFromShortlist};

/// The actions on the page; any of them finishing reloads the schedule.
#[derive(Clone, Copy)]
struct Actions {
    book: ServerAction<BookLocation>,
    confirm: ServerAction<ConfirmBooking>,
    cancel: ServerAction<CancelBooking>,
    shortlist_add: ServerAction<AddToShortlist>,
    shortlist_remove: ServerAction<RemoveFromShortlist>,
}

#[component]
pub fn LocationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let week = move || query.with(|q| q.get("week").unwrap_or_default());
    let actions = Actions {
        book: ServerAction::new(),
        confirm: ServerAction::new(),
        cancel: ServerAction::new(),
        shortlist_add: ServerAction::new(),
        shortlist_remove: ServerAction::new(),
    };
    let data = Resource::new(
        move || {
            (
                slug(),
                week(),
                actions.book.version().get(),
                actions.confirm.version().get(),
                actions.cancel.version().get(),
                actions.shortlist_add.version().get(),
                actions.shortlist_remove.version().get(),
            )
        },
        |(slug, week, ..)| location_page(slug, week),
    );
    view! {
        <section class="location-page">
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(detail) => view! { <LocationBody detail actions /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// `HH:MM` of a Unix time, studio time.
pub(crate) fn clock(unix: i64) -> String {
    studio_datetime(unix).get(11..).unwrap_or_default().to_string()
}

/// A window as `YYYY-MM-DD HH:MM–HH:MM`, or with both dates when it spans days.
fn window_text(window: Window) -> String {
    let (start, end) = (studio_datetime(window.start), studio_datetime(window.end));
    if start.get(..10) == end.get(..10) {
        format!("{start}–{}", clock(window.end))
    } else {
        format!("{start} – {end}")
    }
}

fn weekday_text(i18n: leptos_i18n::I18nContext<Locale>, day: Weekday) -> &'static str {
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

#[component]
fn LocationBody(detail: LocationDetail, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let LocationDetail {
        pin,
        description_zh,
        description_en,
        operator_zh,
        operator_en,
        instant_book,
        week_start,
        schedule,
        rights,
        shortlisted,
    } = detail;
    let pin = StoredValue::new(pin);
    let name = move || pin.with_value(|p| lang().pick(&p.name_zh, &p.name_en).to_string());
    let kind_line = move || {
        pin.with_value(|p| {
            let mut parts = vec![p.kind.label(lang()).to_string()];
            parts.extend(p.eras.iter().map(|e| e.label(lang()).to_string()));
            parts.push(p.base.label(lang()).to_string());
            parts.join(" · ")
        })
    };
    let place = pin.with_value(|p| GeoPoint::new(p.lat, p.lon).ok());
    let km = place
        .map(|p| format!("{:.1}", p.distance_m(domain::geo::HENGDIAN_CENTRE) / 1000.0))
        .unwrap_or_default();
    let (area, rate, changeover) = pin.with_value(|p| {
        (
            domain::group_thousands(p.area_m2.unsigned_abs()),
            p.hourly_rate.display_cny(),
            p.changeover_min,
        )
    });
    let facilities = move || {
        pin.with_value(|p| {
            p.facilities.iter().map(|f| f.label(lang())).collect::<Vec<_>>().join("、")
        })
    };
    let setting = move || pin.with_value(|p| p.setting.label(lang()));
    let slug = pin.with_value(|p| p.slug.clone());
    view! {
        <nav class="breadcrumb"><A href="/locations">{t!(i18n, nav_locations)}</A></nav>
        <h1>{name}</h1>
        <p class="lead">{kind_line}</p>
        {shortlisted.map(|on_list| view! {
            <ShortlistToggle slug=slug.clone() on_list add=actions.shortlist_add remove=actions.shortlist_remove />
        })}
        <p>{move || lang().pick(&description_zh, &description_en).to_string()}</p>
        <section aria-labelledby="facts-title">
            <h2 id="facts-title">{t!(i18n, location_facts)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, fact_area)}</dt><dd>{t!(i18n, area_m2, area = area.clone())}</dd>
                <dt>{t!(i18n, fact_rate)}</dt><dd>{t!(i18n, per_hour, amount = rate.clone())}</dd>
                <dt>{t!(i18n, fact_changeover)}</dt><dd>{t!(i18n, minutes, count = changeover)}</dd>
                <dt>{t!(i18n, fact_setting)}</dt><dd>{setting}</dd>
                <dt>{t!(i18n, fact_facilities)}</dt><dd>{facilities}</dd>
                <dt>{t!(i18n, fact_distance)}</dt><dd>{t!(i18n, distance_km, km = km.clone())}</dd>
                <dt>{t!(i18n, fact_operator)}</dt><dd>{move || lang().pick(&operator_zh, &operator_en).to_string()}</dd>
                <dt>{t!(i18n, fact_booking)}</dt>
                <dd>{move || if instant_book { t_string!(i18n, instant_book_yes) } else { t_string!(i18n, instant_book_no) }}</dd>
            </dl>
        </section>
        {place.map(|place| view! { <SunSection place date=week_start /> })}
        <Availability slug=slug.clone() week_start schedule actions />
        <BookingSection slug rights_book=rights.book actions />
    }
}

/// Sunrise, sunset, golden hours and a small diagram of the sun's path on `date`.
#[component]
fn SunSection(place: GeoPoint, date: Date) -> impl IntoView {
    let i18n = use_i18n();
    let day = solar_day(place, date, STUDIO_OFFSET);
    let at = |t: Option<OffsetDateTime>| {
        t.map_or_else(|| "—".to_string(), |t| clock(t.unix_timestamp()))
    };
    let span = |s: Option<domain::sun::TimeSpan>| {
        s.map_or_else(
            || "—".to_string(),
            |s| {
                format!("{}–{}", clock(s.start().unix_timestamp()), clock(s.end().unix_timestamp()))
            },
        )
    };
    let (sunrise, sunset, noon) =
        (at(day.sunrise()), at(day.sunset()), clock(day.solar_noon().unix_timestamp()));
    let (morning, evening) = (span(day.morning_golden_hour()), span(day.evening_golden_hour()));
    // x: azimuth 0–360° over 360 units; y: elevation −10° to 90° over 100 units, up is up.
    let points: Vec<(f64, f64)> = sun_path(place, date, STUDIO_OFFSET, Duration::minutes(20))
        .into_iter()
        .map(|(_, p)| (p.azimuth_deg(), p.elevation_deg()))
        .filter(|(_, e)| *e >= -10.0)
        .collect();
    let polyline =
        points.iter().map(|(a, e)| format!("{a:.1},{:.1}", 90.0 - e)).collect::<Vec<_>>().join(" ");
    let date_text = date.to_string();
    let summary = format!("{sunrise} → {noon} → {sunset}");
    view! {
        <section aria-labelledby="sun-title">
            <h2 id="sun-title">{t!(i18n, sun_title, date = date_text.clone())}</h2>
            <div class="sun">
                <dl class="facts">
                    <dt>{t!(i18n, sunrise)}</dt><dd>{sunrise.clone()}</dd>
                    <dt>{t!(i18n, solar_noon)}</dt><dd>{noon.clone()}</dd>
                    <dt>{t!(i18n, sunset)}</dt><dd>{sunset.clone()}</dd>
                    <dt>{t!(i18n, golden_morning)}</dt><dd>{morning}</dd>
                    <dt>{t!(i18n, golden_evening)}</dt><dd>{evening}</dd>
                </dl>
                <svg class="sun-path" viewBox="0 0 360 100" role="img" aria-label=move || format!("{}: {summary}", t_string!(i18n, sun_diagram_label))>
                    <line x1="0" y1="90" x2="360" y2="90" class="horizon" />
                    <text x="90" y="99" class="compass">"E"</text>
                    <text x="180" y="99" class="compass">"S"</text>
                    <text x="270" y="99" class="compass">"W"</text>
                    <polyline points=polyline class="path" />
                </svg>
            </div>
        </section>
    }
}

#[component]
fn Availability(
    slug: String,
    week_start: Date,
    schedule: Vec<ScheduleSlot>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let schedule = StoredValue::new(schedule);
    let previous = format!("/locations/{slug}?week={}", week_start - Duration::days(7));
    let next = format!("/locations/{slug}?week={}", week_start + Duration::days(7));
    let days = (0..7)
        .map(|i| {
            let date = week_start + Duration::days(i);
            let (from, to) = (studio_midnight(date), studio_midnight(date) + 86_400);
            let slots: Vec<ScheduleSlot> = schedule.with_value(|all| {
                all.iter()
                    .filter(|s| s.window.start < to && s.window.end > from)
                    .cloned()
                    .collect()
            });
            let weekday = date.weekday();
            let heading = date.to_string();
            view! {
                <li class="day">
                    <h3>{heading} " " {move || weekday_text(i18n, weekday)}</h3>
                    {if slots.is_empty() {
                        view! { <p class="free">{t!(i18n, free_all_day)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="slots">
                                {slots.into_iter().map(|entry| view! { <SlotRow entry actions /> }).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    let week_text = week_start.to_string();
    view! {
        <section aria-labelledby="availability-title">
            <h2 id="availability-title">{t!(i18n, availability_title)}</h2>
            <p class="hint">{t!(i18n, times_note)}</p>
            <nav class="week-nav" aria-label=move || t_string!(i18n, availability_title).to_string()>
                <A href=previous>{t!(i18n, previous_week)}</A>
                <span>{t!(i18n, week_of, date = week_text.clone())}</span>
                <A href=next>{t!(i18n, next_week)}</A>
            </nav>
            <ol class="week">{days}</ol>
        </section>
    }
}

#[component]
fn SlotRow(entry: ScheduleSlot, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let slot = entry;
    let who = {
        let production = slot.production.clone();
        let own = slot.own;
        move || match &production {
            Some((zh, en)) if own => {
                t_string!(i18n, slot_own).replace("{name}", content_lang(i18n).pick(zh, en))
            }
            Some((zh, en)) => content_lang(i18n).pick(zh, en).to_string(),
            None => t_string!(i18n, slot_booked).to_string(),
        }
    };
    let status = slot.status;
    let changeover = (!slot.own && slot.changeover > 0).then_some(slot.changeover / 60);
    let id = slot.booking_id.map(|id| id.to_string());
    let can_confirm = slot.production.is_some() && !slot.own && status == BookingStatus::Requested;
    let buttons = id.map(|id| {
        let confirm_id = id.clone();
        view! {
            {can_confirm.then(|| view! {
                <ActionForm action=actions.confirm attr:class="row-form">
                    <input type="hidden" name="booking_id" value=confirm_id.clone() />
                    <button type="submit">{t!(i18n, confirm)}</button>
                </ActionForm>
            })}
            <ActionForm action=actions.cancel attr:class="row-form">
                <input type="hidden" name="booking_id" value=id />
                <button type="submit" class="link-like">
                    {move || if slot.own { t_string!(i18n, cancel_booking) } else { t_string!(i18n, decline) }}
                </button>
            </ActionForm>
        }
    });
    view! {
        <li class=move || format!("slot slot-{}", status.code())>
            <span class="slot-time">{window_text(slot.window)}</span>
            " · "
            <span>{who}</span>
            " · "
            <span class="slot-status">{move || status_text(i18n, status)}</span>
            {changeover.map(|minutes| view! { " · " <span class="hint">{t!(i18n, changeover_after, minutes)}</span> })}
            {buttons}
        </li>
    }
}

#[component]
fn BookingSection(slug: String, rights_book: bool, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    if !rights_book {
        let login = format!("/login?next=/locations/{slug}");
        return view! {
            <section aria-labelledby="book-title">
                <h2 id="book-title">{t!(i18n, book_title)}</h2>
                <Transition>
                    {move || {
                        let login = login.clone();
                        Suspend::new(async move {
                            match crate::auth::current_user().await {
                                Ok(Some(_)) => view! { <p class="notice">{t!(i18n, book_crew_only)}</p> }.into_any(),
                                _ => view! { <p><A href=login>{t!(i18n, book_login)}</A></p> }.into_any(),
                            }
                        })
                    }}
                </Transition>
            </section>
        }
        .into_any();
    }
    let starts = RwSignal::new(String::new());
    let ends = RwSignal::new(String::new());
    let error = Signal::derive(move || actions.book.value().get().and_then(Result::err));
    let field = move |id: &'static str| move || error.with(|e| field_message(i18n, e.as_ref(), id));
    let receipt = move || actions.book.value().get().and_then(Result::ok);
    let use_slot = move |w: Window| {
        starts.set(studio_local(w.start));
        ends.set(studio_local(w.end));
    };
    view! {
        <section aria-labelledby="book-title">
            <h2 id="book-title">{t!(i18n, book_title)}</h2>
            <ActionForm action=actions.book attr:class="grid-form booking-form">
                <input type="hidden" name="slug" value=slug />
                <div class="field">
                    <label for="starts_at">{t!(i18n, field_starts_at)}</label>
                    <input id="starts_at" name="starts_at" type="datetime-local" step="60" required
                        prop:value=starts on:input=move |ev| starts.set(event_target_value(&ev))
                        aria-describedby="starts_at-error" />
                    <p id="starts_at-error" class="field-error" aria-live="polite">{field("starts_at")}</p>
                </div>
                <div class="field">
                    <label for="ends_at">{t!(i18n, field_ends_at)}</label>
                    <input id="ends_at" name="ends_at" type="datetime-local" step="60" required
                        prop:value=ends on:input=move |ev| ends.set(event_target_value(&ev))
                        aria-describedby="ends_at-error" />
                    <p id="ends_at-error" class="field-error" aria-live="polite">{field("ends_at")}</p>
                </div>
                <div class="field">
                    <label for="note">{t!(i18n, field_note)}</label>
                    <textarea id="note" name="note" rows="2" maxlength="500"></textarea>
                </div>
                <p class="hint">{t!(i18n, times_note)}</p>
                <div role="alert" class="form-error">
                    {move || match error.get() {
                        Some(AppError::Clash(clash)) => Some(view! { <ClashMessage clash use_slot /> }.into_any()),
                        other => form_error(i18n, other).map(|text| text.into_any()),
                    }}
                </div>
                <p class="form-ok" role="status">{move || receipt().map(|r| receipt_text(i18n, r))}</p>
                <button type="submit" class="primary" disabled=move || actions.book.pending().get()>
                    {t!(i18n, book_submit)}
                </button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn receipt_text(i18n: leptos_i18n::I18nContext<Locale>, receipt: BookingReceipt) -> String {
    let (start, end) = (studio_datetime(receipt.window.start), studio_datetime(receipt.window.end));
    let template = match receipt.status {
        BookingStatus::Confirmed => t_string!(i18n, booked_confirmed),
        _ => t_string!(i18n, booked_requested),
    };
    template.replace("{start}", &start).replace("{end}", &end)
}

/// Why a booking was refused and the nearest free slot, with a button that fills it in.
#[component]
fn ClashMessage(
    clash: Clash,
    use_slot: impl Fn(Window) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let with = window_text(clash.with);
    let minutes = clash.changeover / 60;
    let reason = move || {
        if clash.own {
            t_string!(i18n, clash_own).replace("{window}", &with)
        } else {
            t_string!(i18n, clash_other)
                .replace("{window}", &with)
                .replace("{minutes}", &minutes.to_string())
        }
    };
    let suggestion = match clash.suggestion {
        Some(slot) => {
            let text = window_text(slot);
            view! {
                <p>
                    {move || t_string!(i18n, clash_suggestion).replace("{window}", &text)} " "
                    <button type="button" class="link-like" on:click=move |_| use_slot(slot)>
                        {t!(i18n, use_suggestion)}
                    </button>
                </p>
            }
            .into_any()
        }
        None => view! { <p>{t!(i18n, clash_none)}</p> }.into_any(),
    };
    view! {
        <p>{reason}</p>
        {suggestion}
    }
}
