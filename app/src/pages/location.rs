//! `/locations/{slug}`: a location's facts, sun and light for a day, its week of bookings and,
//! for crew members, the booking form. Other productions' bookings show only their times.

use crate::codec::fetched;
use domain::booking::{BookingStatus, Clash, Window, studio_local};
use domain::sun::{solar_day, sun_path};
use domain::timeline::{Busy, Phase, free_windows, phases};
use domain::{GeoPoint, STUDIO_OFFSET, studio_clock, studio_datetime, studio_midnight};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use time::{Date, Duration};

use super::login::form_error;
use crate::bookings::{
    BookLocation, CancelBooking, ConfirmBooking, DeleteLocationPhoto, SetInstantBook, location_page,
};
use crate::components::error_view::{ErrorView, field_message};
use crate::components::gallery::{Gallery, PhotoDelete, Upload};
use crate::components::{content_lang, phase_name, phases_text, status_text, weekday_text};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{BookingReceipt, LocationDetail, LocationRights, ScheduleSlot};
use crate::pages::shortlist::{ShortlistToggle, at, span_text};
use crate::shortlists::{AddToShortlist, RemoveFromShortlist};

/// The actions on the page; any of them finishing reloads the schedule.
#[derive(Clone, Copy)]
struct Actions {
    book: ServerAction<BookLocation>,
    confirm: ServerAction<ConfirmBooking>,
    cancel: ServerAction<CancelBooking>,
    shortlist_add: ServerAction<AddToShortlist>,
    shortlist_remove: ServerAction<RemoveFromShortlist>,
    photo_delete: ServerAction<DeleteLocationPhoto>,
    instant: ServerAction<SetInstantBook>,
    /// Bumped after photos were uploaded.
    photos_uploaded: RwSignal<u32>,
    photo_upload: RwSignal<Upload>,
    form: BookingForm,
}

#[component]
pub fn LocationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    // `?day=` shows one day in detail, `?week=` (or nothing) seven days.
    let shown = move || {
        query.with(|q| match q.get("day") {
            Some(day) => (CalendarView::Day, day),
            None => (CalendarView::Week, q.get("week").unwrap_or_default()),
        })
    };
    let actions = Actions {
        book: ServerAction::new(),
        confirm: ServerAction::new(),
        cancel: ServerAction::new(),
        shortlist_add: ServerAction::new(),
        shortlist_remove: ServerAction::new(),
        photo_delete: ServerAction::new(),
        instant: ServerAction::new(),
        photos_uploaded: RwSignal::new(0),
        photo_upload: RwSignal::new(Upload::from_url(i18n)),
        form: BookingForm::new(),
    };
    let data = fetched(
        move || {
            (
                slug(),
                shown(),
                actions.book.version().get(),
                actions.confirm.version().get(),
                actions.cancel.version().get(),
                actions.shortlist_add.version().get(),
                actions.shortlist_remove.version().get(),
                actions.photo_delete.version().get(),
                actions.instant.version().get(),
                actions.photos_uploaded.get(),
            )
        },
        |(slug, (_, date), ..)| location_page(slug, date),
    );
    view! {
        <section class="location-page">
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(detail) => {
                            let view = untrack(shown).0;
                            view! { <LocationBody detail view actions /> }.into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// A window as `YYYY-MM-DD HH:MM–HH:MM`, or with both dates when it spans days.
fn window_text(window: Window) -> String {
    let (start, end) = (studio_datetime(window.start), studio_datetime(window.end));
    if start.get(..10) == end.get(..10) {
        format!("{start}–{}", studio_clock(window.end))
    } else {
        format!("{start} – {end}")
    }
}

#[component]
fn LocationBody(detail: LocationDetail, view: CalendarView, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let LocationDetail {
        pin,
        description_zh,
        description_en,
        operator_zh,
        operator_en,
        office_zh,
        office_en,
        instant_book,
        week_start,
        schedule,
        rights,
        shortlisted,
        photos,
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
    let instant_slug = slug.clone();
    view! {
        <nav class="breadcrumb"><A href="/locations">{tr!(i18n, nav_locations)}</A></nav>
        <h1>{name}</h1>
        <p class="lead">{kind_line}</p>
        {shortlisted.map(|on_list| view! {
            <ShortlistToggle slug=slug.clone() on_list add=actions.shortlist_add remove=actions.shortlist_remove />
        })}
        <p>{move || lang().pick(&description_zh, &description_en).to_string()}</p>
        <Gallery upload_url=format!("/locations/{slug}/photos") name=Signal::derive(name) photos
            manage=rights.operate uploaded=actions.photos_uploaded upload=actions.photo_upload
            delete=PhotoDelete::Location(actions.photo_delete) />
        <section aria-labelledby="facts-title">
            <h2 id="facts-title">{tr!(i18n, location_facts)}</h2>
            <dl class="facts">
                <dt>{tr!(i18n, fact_area)}</dt><dd>{t!(i18n, area_m2, area = area.clone())}</dd>
                <dt>{tr!(i18n, fact_rate)}</dt><dd>{t!(i18n, per_hour, amount = rate.clone())}</dd>
                <dt>{tr!(i18n, fact_changeover)}</dt><dd>{t!(i18n, minutes, count = changeover)}</dd>
                <dt>{tr!(i18n, fact_setting)}</dt><dd>{setting}</dd>
                <dt>{tr!(i18n, fact_facilities)}</dt><dd>{facilities}</dd>
                <dt>{tr!(i18n, fact_distance)}</dt><dd>{t!(i18n, distance_km, km = km.clone())}</dd>
                <dt>{tr!(i18n, fact_operator)}</dt><dd>{move || lang().pick(&operator_zh, &operator_en).to_string()}</dd>
                <dt>{tr!(i18n, fact_booking)}</dt>
                <dd>
                    {move || if instant_book { t_string!(i18n, instant_book_yes) } else { t_string!(i18n, instant_book_no) }}
                    {rights.operate.then(|| view! {
                        <ActionForm action=actions.instant attr:class="inline-form instant-book-form">
                            <input type="hidden" name="slug" value=instant_slug />
                            <input type="hidden" name="instant" value=(!instant_book).to_string() />
                            <button type="submit" class="link-like" disabled=move || actions.instant.pending().get()>
                                {move || if instant_book { t_string!(i18n, instant_book_turn_off) } else { t_string!(i18n, instant_book_turn_on) }}
                            </button>
                        </ActionForm>
                        <p class="form-error" role="alert">
                            {move || form_error(i18n, actions.instant.value().get().and_then(Result::err))}
                        </p>
                    })}
                </dd>
            </dl>
        </section>
        {place.map(|place| view! { <GettingThere place name=Signal::derive(name) office=(office_zh.clone(), office_en.clone()) /> })}
        {place.map(|place| view! { <SunSection place date=week_start /> })}
        <Availability slug=slug.clone() week_start view schedule changeover=changeover * 60
            can_book=rights.book actions />
        <BookingSection slug rights actions />
    }
}

/// How to get there: the coordinates with a link that opens the phone's map app (`geo:` URI,
/// WGS-84) and the operator's office (the distance from Hengdian's centre is among the facts).
#[component]
fn GettingThere(place: GeoPoint, name: Signal<String>, office: (String, String)) -> impl IntoView {
    let i18n = use_i18n();
    let (lat, lon) = (place.lat(), place.lon());
    let coordinates = format!(
        "{:.5}° {}, {:.5}° {}",
        lat.abs(),
        if lat >= 0.0 { "N" } else { "S" },
        lon.abs(),
        if lon >= 0.0 { "E" } else { "W" }
    );
    let geo = move || {
        let label = name.get().replace(['(', ')'], " ");
        format!("geo:{lat:.6},{lon:.6}?q={lat:.6},{lon:.6}({label})")
    };
    let office = move || content_lang(i18n).pick(&office.0, &office.1).to_string();
    // In town, the travel guide's nearest bus stop and car park.
    let by_bus = domain::travel::directions(place).map(|d| {
        let href = format!("/travel#line-{}", d.lines.first().map_or("1", |l| l.code));
        let (stop, stop_m) = (d.stop, d.stop_m);
        let lines = d.lines.iter().map(|l| l.code).collect::<Vec<_>>().join(", ");
        let lang = move || content_lang(i18n);
        let text = view! {
            {t!(
                i18n,
                travel_stop_brief,
                stop = move || stop.name.get(lang()),
                distance = move || domain::travel::distance_text(stop_m, lang()),
                lines = lines.clone()
            )}
        };
        view! { <dt>{tr!(i18n, directions_bus)}</dt><dd><a href=href>{text}</a></dd> }.into_any()
    });
    let parking = domain::travel::nearest(domain::travel::PlaceKind::Parking, place)
        .filter(|(_, metres)| *metres <= domain::travel::TOWN_RADIUS_M)
        .map(|(park, metres)| {
            let lang = move || content_lang(i18n);
            let text = view! {
                {t!(
                    i18n,
                    travel_place_brief,
                    name = move || park.name.get(lang()),
                    distance = move || domain::travel::distance_text(metres, lang())
                )}
            };
            view! {
                <dt>{tr!(i18n, directions_parking)}</dt>
                <dd><a href=format!("/travel#{}", park.id)>{text}</a></dd>
            }
            .into_any()
        });
    view! {
        <section aria-labelledby="directions-title">
            <h2 id="directions-title">{tr!(i18n, directions_title)}</h2>
            <dl class="facts">
                <dt>{tr!(i18n, directions_coordinates)}</dt>
                <dd>{coordinates} " " <a href=geo>{tr!(i18n, directions_open_map)}</a></dd>
                {by_bus}
                {parking}
                <dt>{tr!(i18n, directions_office)}</dt><dd>{office}</dd>
            </dl>
        </section>
    }
    .into_any()
}

/// Sunrise, sunset, golden hours and a small diagram of the sun's path on `date`.
#[component]
fn SunSection(place: GeoPoint, date: Date) -> impl IntoView {
    let i18n = use_i18n();
    let day = solar_day(place, date, STUDIO_OFFSET);
    let (sunrise, sunset, noon) =
        (at(day.sunrise()), at(day.sunset()), studio_clock(day.solar_noon().unix_timestamp()));
    let (morning, evening) =
        (span_text(day.morning_golden_hour()), span_text(day.evening_golden_hour()));
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
                    <dt>{tr!(i18n, sunrise)}</dt><dd>{sunrise.clone()}</dd>
                    <dt>{tr!(i18n, solar_noon)}</dt><dd>{noon.clone()}</dd>
                    <dt>{tr!(i18n, sunset)}</dt><dd>{sunset.clone()}</dd>
                    <dt>{tr!(i18n, golden_morning)}</dt><dd>{morning}</dd>
                    <dt>{tr!(i18n, golden_evening)}</dt><dd>{evening}</dd>
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

/// Which calendar the page shows: seven days from a date, or one day in detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CalendarView {
    Week,
    Day,
}

/// The booking form's values, kept by the page so that they survive its reload after each
/// action (a refused request keeps what was typed). The calendar's free slots and a clash's
/// suggestion fill in the times.
#[derive(Clone, Copy)]
struct BookingForm {
    starts: RwSignal<String>,
    ends: RwSignal<String>,
    shoot_from: RwSignal<String>,
    shoot_to: RwSignal<String>,
    note: RwSignal<String>,
}

impl BookingForm {
    fn new() -> BookingForm {
        BookingForm {
            starts: RwSignal::new(String::new()),
            ends: RwSignal::new(String::new()),
            shoot_from: RwSignal::new(String::new()),
            shoot_to: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
        }
    }

    /// Fills in the times of `w`.
    fn fill(self, w: Window) {
        self.starts.set(studio_local(w.start));
        self.ends.set(studio_local(w.end));
    }
}

// Calendar links are plain anchors (the router still handles them): `<A>` would mark every one
// `aria-current="page"`, as they differ from the page only in their query.

/// The calendar: a timeline bar per day (bookings, their phases and changeover buffers) and
/// the bookings as text; the day view adds hourly ticks and the free time, which crews can
/// take into the booking form with one tap.
#[component]
fn Availability(
    slug: String,
    week_start: Date,
    view: CalendarView,
    schedule: Vec<ScheduleSlot>,
    /// The location's changeover buffer, in seconds (a new booking keeps it free after it).
    changeover: i64,
    can_book: bool,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    // What takes time from this viewer, for the day view's free time.
    let busy: Vec<Busy> = match view {
        CalendarView::Day => schedule
            .iter()
            .map(|s| Busy { window: s.window, changeover: s.changeover, own: s.own })
            .collect(),
        CalendarView::Week => Vec::new(),
    };
    let schedule = StoredValue::new(schedule);
    let shown_days = if view == CalendarView::Day { 1 } else { 7 };
    let step = Duration::days(shown_days);
    let link = |view: CalendarView, date: Date| match view {
        CalendarView::Week => format!("/locations/{slug}?week={date}"),
        CalendarView::Day => format!("/locations/{slug}?day={date}"),
    };
    let (previous, next) = (link(view, week_start - step), link(view, week_start + step));
    let other_view = match view {
        CalendarView::Week => link(CalendarView::Day, week_start),
        CalendarView::Day => link(CalendarView::Week, week_start),
    };
    let days = (0..shown_days)
        .map(|i| {
            let date = week_start + Duration::days(i);
            let day = Window { start: studio_midnight(date), end: studio_midnight(date) + 86_400 };
            let slots: Vec<ScheduleSlot> = schedule.with_value(|all| {
                all.iter().filter(|s| s.window.overlaps(day)).cloned().collect()
            });
            let weekday = date.weekday();
            let heading = date.to_string();
            let day_link = link(CalendarView::Day, date);
            let title = if view == CalendarView::Day {
                view! { <h3>{heading} " " {move || weekday_text(i18n, weekday)}</h3> }.into_any()
            } else {
                view! {
                    <h3><a href=day_link>{heading} " " {move || weekday_text(i18n, weekday)}</a></h3>
                }
                .into_any()
            };
            let bar = view! { <DayBar day slots=slots.clone() hourly=view == CalendarView::Day /> };
            let list = if slots.is_empty() {
                view! { <p class="free">{tr!(i18n, free_all_day)}</p> }.into_any()
            } else {
                view! {
                    <ul class="slots">
                        {slots.into_iter().map(|entry| view! { <SlotRow entry actions /> }).collect_view()}
                    </ul>
                }
                .into_any()
            };
            let free_list = (view == CalendarView::Day).then(|| {
                let free = free_windows(day, changeover, &busy);
                view! { <FreeList free day can_book form=actions.form /> }
            });
            view! { <li class="day">{title} {bar} {list} {free_list}</li> }
        })
        .collect_view();
    let from_text = week_start.to_string();
    let range_text = match view {
        CalendarView::Week => {
            view! { <span>{t!(i18n, week_of, date = from_text.clone())}</span> }.into_any()
        }
        CalendarView::Day => {
            view! { <span>{t!(i18n, day_of, date = from_text.clone())}</span> }.into_any()
        }
    };
    view! {
        <section aria-labelledby="availability-title" id="calendar">
            <h2 id="availability-title">{tr!(i18n, availability_title)}</h2>
            <p class="hint">{tr!(i18n, times_note)}</p>
            <nav class="week-nav" aria-label=move || t_string!(i18n, availability_title).to_string()>
                <a href=previous>
                    {move || if view == CalendarView::Day { t_string!(i18n, previous_day) } else { t_string!(i18n, previous_week) }}
                </a>
                {range_text}
                <a href=next>
                    {move || if view == CalendarView::Day { t_string!(i18n, next_day) } else { t_string!(i18n, next_week) }}
                </a>
                <a href=other_view class="view-switch">
                    {move || if view == CalendarView::Day { t_string!(i18n, view_week) } else { t_string!(i18n, view_day) }}
                </a>
            </nav>
            <ul class="legend" aria-hidden="true">
                <li><span class="swatch own"></span>{tr!(i18n, legend_own)}</li>
                <li><span class="swatch other"></span>{tr!(i18n, legend_other)}</li>
                <li><span class="swatch buffer"></span>{tr!(i18n, legend_buffer)}</li>
                <li><span class="swatch phase-dressing"></span>{move || phase_name(i18n, Phase::Dressing)}</li>
                <li><span class="swatch phase-strike"></span>{move || phase_name(i18n, Phase::Strike)}</li>
            </ul>
            <ol class=move || if view == CalendarView::Day { "week day-view" } else { "week" }>{days}</ol>
        </section>
    }
}

/// Moves the focus (and the view) to the booking form's first field.
fn focus_booking_form() {
    use leptos::wasm_bindgen::JsCast;
    let field = leptos::prelude::document()
        .get_element_by_id("starts_at")
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// One day as a bar from 00:00 to 24:00: bookings (split into phases where known), the
/// changeover kept free after other productions' bookings, and tick marks. Decorative: the
/// list beside it says the same in words.
#[component]
fn DayBar(day: Window, slots: Vec<ScheduleSlot>, hourly: bool) -> impl IntoView {
    let percent =
        |t: i64| ((t.clamp(day.start, day.end) - day.start) as f64 / 864.0).clamp(0.0, 100.0);
    let place = move |w: Window| {
        format!("left:{:.3}%;width:{:.3}%", percent(w.start), percent(w.end) - percent(w.start))
    };
    let mut spans = Vec::new();
    for slot in &slots {
        let owner = if slot.own { "own" } else { "other" };
        let status = slot.status.code();
        for (phase, w) in phases(slot.window, slot.shoot) {
            let class = format!("span {owner} {status} phase-{}", phase.code());
            spans.push(view! { <span class=class style=place(w)></span> });
        }
        if !slot.own && slot.changeover > 0 {
            let buffer = Window { start: slot.window.end, end: slot.window.end + slot.changeover };
            spans.push(view! { <span class="span buffer".to_string() style=place(buffer)></span> });
        }
    }
    let ticks = (1..24)
        .filter(|h| hourly || h % 6 == 0)
        .map(|h| {
            let label = (h % 3 == 0).then(|| format!("{h:02}"));
            view! {
                <span class=if h % 6 == 0 { "tick major" } else { "tick" } style=format!("left:{:.3}%", f64::from(h) * 100.0 / 24.0)>
                    {label.map(|l| view! { <span class="tick-label">{l}</span> })}
                </span>
            }
        })
        .collect_view();
    view! {
        <div class=if hourly { "timeline hourly" } else { "timeline" } aria-hidden="true">
            {ticks}
            {spans}
        </div>
    }
}

/// The day's free time as the viewer could book it, each with a button that fills the form.
#[component]
fn FreeList(free: Vec<Window>, day: Window, can_book: bool, form: BookingForm) -> impl IntoView {
    let i18n = use_i18n();
    let items = free
        .into_iter()
        .filter(|w| w.len() >= 15 * 60)
        .map(|w| {
            // Free to the end of the day reads "24:00", not the next day's "00:00".
            let end = if w.end == day.end { "24:00".to_string() } else { studio_clock(w.end) };
            let text = format!("{}–{end}", studio_clock(w.start));
            view! {
                <li>
                    <span>{text}</span>
                    {can_book.then(|| view! {
                        " "
                        <button type="button" class="link-like use-free" on:click=move |_| {
                            form.fill(w);
                            focus_booking_form();
                        }>
                            {tr!(i18n, use_free_slot)}
                        </button>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h4 class="free-title">{tr!(i18n, free_slots_title)}</h4>
        <ul class="free-slots">{items}</ul>
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
                    <button type="submit">{tr!(i18n, confirm)}</button>
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
            {move || phases_text(i18n, slot.window, slot.shoot).map(|text| view! { <br /><span class="phases">{text}</span> })}
            {buttons}
        </li>
    }
}

#[component]
fn BookingSection(slug: String, rights: LocationRights, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    if !rights.book {
        let login = format!("/login?next=/locations/{slug}");
        return view! {
            <section aria-labelledby="book-title">
                <h2 id="book-title">{tr!(i18n, book_title)}</h2>
                {if rights.signed_in {
                    view! { <p class="notice">{tr!(i18n, book_crew_only)}</p> }.into_any()
                } else {
                    view! { <p><A href=login>{tr!(i18n, book_login)}</A></p> }.into_any()
                }}
            </section>
        }
        .into_any();
    }
    let form = actions.form;
    let BookingForm { starts, ends, shoot_from, shoot_to, note } = form;
    let error = Signal::derive(move || actions.book.value().get().and_then(Result::err));
    let receipt = move || actions.book.value().get().and_then(Result::ok);
    let use_slot = move |w: Window| form.fill(w);
    view! {
        <section aria-labelledby="book-title">
            <h2 id="book-title">{tr!(i18n, book_title)}</h2>
            <ActionForm action=actions.book attr:class="grid-form booking-form">
                <input type="hidden" name="slug" value=slug />
                <TimeField id="starts_at" value=starts required=true error>{tr!(i18n, field_starts_at)}</TimeField>
                <TimeField id="ends_at" value=ends required=true error>{tr!(i18n, field_ends_at)}</TimeField>
                <details class="phases-fields" open=move || {
                    !shoot_from.read().is_empty() || !shoot_to.read().is_empty()
                }>
                    <summary>{tr!(i18n, phases_toggle)}</summary>
                    <p class="hint">{tr!(i18n, phases_hint)}</p>
                    <TimeField id="shoot_from" value=shoot_from required=false error>{tr!(i18n, field_shoot_from)}</TimeField>
                    <TimeField id="shoot_to" value=shoot_to required=false error>{tr!(i18n, field_shoot_to)}</TimeField>
                </details>
                <div class="field">
                    <label for="note">{tr!(i18n, field_note)}</label>
                    <textarea id="note" name="note" rows="2" maxlength="500" prop:value=note
                        on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                <p class="hint">{tr!(i18n, times_note)}</p>
                <div role="alert" class="form-error">
                    {move || match error.get() {
                        Some(AppError::Clash(clash)) => Some(view! { <ClashMessage clash use_slot /> }.into_any()),
                        other => form_error(i18n, other).map(|text| text.into_any()),
                    }}
                </div>
                <p class="form-ok" role="status">{move || receipt().map(|r| receipt_text(i18n, r))}</p>
                <button type="submit" class="primary" disabled=move || actions.book.pending().get()>
                    {tr!(i18n, book_submit)}
                </button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// A `datetime-local` field of the booking form (studio time, to the minute) with its label
/// (`children`) and the message of a refusal naming it.
#[component]
fn TimeField(
    id: &'static str,
    value: RwSignal<String>,
    required: bool,
    error: Signal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{children()}</label>
            <input id=id name=id type="datetime-local" step="60" required=required
                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=error_id.clone() />
            <p id=error_id class="field-error" aria-live="polite">
                {move || error.with(|e| field_message(i18n, e.as_ref(), id))}
            </p>
        </div>
    }
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
                        {tr!(i18n, use_suggestion)}
                    </button>
                </p>
            }
            .into_any()
        }
        None => view! { <p>{tr!(i18n, clash_none)}</p> }.into_any(),
    };
    view! {
        <p>{reason}</p>
        {suggestion}
    }
}
