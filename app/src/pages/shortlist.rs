//! `/shortlist` (a crew member's chosen locations, with a read-only link to share),
//! `/shortlist/:token` (that link, for the team) and `/compare?l=…` (up to four locations side
//! by side: facts, the price of the chosen hours and the sun on the chosen day).

use crate::codec::fetched;
use domain::{GeoPoint, Money, STUDIO_OFFSET, solar_day, studio_clock};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use time::Date;

use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{LocationPin, Photo, SharedShortlist, ShortlistView};
use crate::pages::account::send_to_login;
use crate::shortlists::{
    RemoveFromShortlist, ShareShortlist, compare_locations, my_shortlist, open_shared_shortlist,
};

/// The most locations compared at once.
pub const COMPARE_MAX: usize = 4;

#[component]
pub fn ShortlistPage() -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemoveFromShortlist>::new();
    let share = ServerAction::<ShareShortlist>::new();
    let data = fetched(move || (remove.version().get(), share.version().get()), |_| my_shortlist());
    view! {
        <section class="shortlist">
            <h1>{tr!(i18n, shortlist_title)}</h1>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(list) => view! { <ShortlistBody list remove share /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/shortlist"),
                        Err(AppError::Forbidden) => {
                            #[cfg(feature = "ssr")]
                            let _ = AppError::Forbidden.with_status();
                            view! { <p class="notice">{tr!(i18n, shortlist_crew_only)}</p> }.into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ShortlistBody(
    list: ShortlistView,
    remove: ServerAction<RemoveFromShortlist>,
    share: ServerAction<ShareShortlist>,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = list.pins.is_empty();
    let link = list.share_token.map(|token| format!("/shortlist/{token}"));
    view! {
        <p class="lead">{tr!(i18n, shortlist_intro)}</p>
        {empty.then(|| view! {
            <p class="notice">{tr!(i18n, shortlist_empty)} " " <A href="/locations">{tr!(i18n, nav_locations)}</A></p>
        })}
        {(!empty).then(|| view! { <CompareForm pins=list.pins.clone() remove=Some(remove) /> })}
        <section aria-labelledby="share-title" class="share">
            <h2 id="share-title">{tr!(i18n, shortlist_share_title)}</h2>
            <p class="hint">{tr!(i18n, shortlist_share_hint)}</p>
            {link.map(|link| view! {
                <p class="share-link">
                    <a href=link.clone()>{tr!(i18n, shortlist_share_open)}</a>
                    " "
                    <input type="text" readonly value=link aria-label=move || t_string!(i18n, shortlist_share_title).to_string() />
                </p>
            })}
            <ActionForm action=share>
                <button type="submit">{tr!(i18n, shortlist_share_new)}</button>
            </ActionForm>
        </section>
    }
}

/// The list with a "compare" checkbox per location (a plain GET form to `/compare`) and, for
/// the owner, a remove button per row.
#[component]
fn CompareForm(
    pins: Vec<LocationPin>,
    remove: Option<ServerAction<RemoveFromShortlist>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let rows = pins
        .into_iter()
        .enumerate()
        .map(|(n, pin)| {
            let id = format!("compare-{}", pin.slug);
            let slug = pin.slug.clone();
            let eras = pin.eras.clone();
            let rate = pin.hourly_rate.display_cny();
            let name_zh = pin.name_zh.clone();
            let name_en = pin.name_en.clone();
            view! {
                <tr>
                    <td>
                        <input type="checkbox" id=id.clone() name="l" value=pin.slug.clone() form="compare-form" checked=n < COMPARE_MAX />
                    </td>
                    <th scope="row">
                        <label for=id>
                            <A href=format!("/locations/{}", pin.slug)>
                                {move || lang().pick(&name_zh, &name_en).to_string()}
                            </A>
                        </label>
                    </th>
                    <td>{move || pin.kind.label(lang())}</td>
                    <td>{move || eras.iter().map(|e| e.label(lang())).collect::<Vec<_>>().join(" · ")}</td>
                    <td>{t!(i18n, per_hour, amount = rate.clone())}</td>
                    {remove.map(|remove| view! {
                        <td>
                            <ActionForm action=remove>
                                <input type="hidden" name="slug" value=slug.clone() />
                                <button type="submit" class="link-button">{tr!(i18n, shortlist_remove)}</button>
                            </ActionForm>
                        </td>
                    })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <form id="compare-form" method="get" action="/compare"></form>
        <div class="table-scroll" tabindex="0">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, col_compare)}</th>
                        <th scope="col">{tr!(i18n, col_name)}</th>
                        <th scope="col">{tr!(i18n, col_kind)}</th>
                        <th scope="col">{tr!(i18n, col_era)}</th>
                        <th scope="col">{tr!(i18n, col_rate)}</th>
                        {remove.map(|_| view! { <th scope="col">{tr!(i18n, col_actions)}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="hint">{t!(i18n, compare_hint, max = COMPARE_MAX)}</p>
        <button type="submit" form="compare-form" class="primary">{tr!(i18n, compare_submit)}</button>
    }
}

#[component]
pub fn SharedShortlistPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data =
        fetched(move || params.with(|p| p.get("token").unwrap_or_default()), open_shared_shortlist);
    view! {
        <section class="shortlist">
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(list) => view! { <SharedBody list /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SharedBody(list: SharedShortlist) -> impl IntoView {
    let i18n = use_i18n();
    let SharedShortlist { production, pins } = list;
    let name =
        move || production.as_ref().map(|(zh, en)| content_lang(i18n).pick(zh, en).to_string());
    let empty = pins.is_empty();
    view! {
        <h1>{tr!(i18n, shared_title)}</h1>
        {move || name().map(|name| view! { <p class="lead">{t!(i18n, shared_by, name = name)}</p> })}
        <p class="hint">{tr!(i18n, shared_read_only)}</p>
        {empty.then(|| view! { <p class="notice">{tr!(i18n, shared_empty)}</p> })}
        {(!empty).then(|| view! { <CompareForm pins remove=None /> })}
    }
}

/// The comparison's query: slugs (repeated `l` or comma-joined), day and hours.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CompareQuery {
    slugs: Vec<String>,
    /// More than `COMPARE_MAX` were asked for; the first ones are shown.
    too_many: bool,
    date: Option<Date>,
    /// Minutes after midnight.
    from: i64,
    to: i64,
}

fn minutes(value: &str) -> Option<i64> {
    let (h, m) = value.trim().split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

impl CompareQuery {
    fn read(q: &leptos_router::params::ParamsMap) -> CompareQuery {
        let mut slugs: Vec<String> = Vec::new();
        for value in q.get_all("l").unwrap_or_default() {
            for slug in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if !slugs.iter().any(|s| s == slug) {
                    slugs.push(slug.to_string());
                }
            }
        }
        let too_many = slugs.len() > COMPARE_MAX;
        slugs.truncate(COMPARE_MAX);
        let date = q.get("date").and_then(|d| domain::studio_time::parse_date(&d));
        let from = q.get("from").and_then(|v| minutes(&v)).unwrap_or(8 * 60);
        let to = q.get("to").and_then(|v| minutes(&v)).unwrap_or(18 * 60);
        CompareQuery { slugs, too_many, date, from, to }
    }

    /// The booked minutes: to the next day when the end is not after the start.
    fn span_minutes(&self) -> i64 {
        if self.to > self.from { self.to - self.from } else { self.to + 24 * 60 - self.from }
    }
}

/// `HH:MM` of a moment, or a dash when there is none (polar days and nights).
pub(crate) fn at(t: Option<time::OffsetDateTime>) -> String {
    t.map_or("—".to_string(), |t| studio_clock(t.unix_timestamp()))
}

/// `HH:MM–HH:MM` of a span, or a dash.
pub(crate) fn span_text(s: Option<domain::sun::TimeSpan>) -> String {
    s.map_or("—".to_string(), |s| {
        format!(
            "{}–{}",
            studio_clock(s.start().unix_timestamp()),
            studio_clock(s.end().unix_timestamp())
        )
    })
}

fn hh_mm(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let ask = Memo::new(move |_| query.with(CompareQuery::read));
    let data = fetched(move || ask.get().slugs.join(","), compare_locations);
    view! {
        <section class="compare">
            <h1>{tr!(i18n, compare_title)}</h1>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(comparison) => {
                            let ask = ask.get_untracked();
                            let date = ask.date.unwrap_or(comparison.today);
                            let table = if comparison.locations.is_empty() {
                                view! { <p class="notice">{tr!(i18n, compare_none)}</p> }.into_any()
                            } else {
                                view! { <CompareTable locations=comparison.locations ask=ask.clone() date /> }.into_any()
                            };
                            view! {
                                <form method="get" action="/compare" class="compare-form">
                                    {ask.slugs.iter().map(|s| view! { <input type="hidden" name="l" value=s.clone() /> }).collect_view()}
                                    <label>{tr!(i18n, compare_date)} <input type="date" name="date" value=date.to_string() /></label>
                                    <label>{tr!(i18n, compare_from)} <input type="time" name="from" value=hh_mm(ask.from) /></label>
                                    <label>{tr!(i18n, compare_to)} <input type="time" name="to" value=hh_mm(ask.to) /></label>
                                    <button type="submit">{tr!(i18n, compare_update)}</button>
                                </form>
                                {ask.too_many.then(|| view! { <p class="notice">{t!(i18n, compare_too_many, max = COMPARE_MAX)}</p> })}
                                {table}
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CompareTable(
    locations: Vec<(LocationPin, Option<Photo>)>,
    ask: CompareQuery,
    /// The day the sun times are for.
    date: time::Date,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    // Each cover with its text: the caption, or the location's name.
    let photos: Vec<Option<(Photo, String)>> = locations
        .iter()
        .map(|(pin, cover)| {
            cover.clone().map(|photo| {
                let alt = if photo.caption.is_empty() {
                    format!("{} {}", pin.name_zh, pin.name_en)
                } else {
                    photo.caption.clone()
                };
                (photo, alt)
            })
        })
        .collect();
    let pins: Vec<LocationPin> = locations.into_iter().map(|(pin, _)| pin).collect();
    let span = ask.span_minutes();
    let hours_text = format!("{}–{}", hh_mm(ask.from), hh_mm(ask.to));
    let pins = StoredValue::new(pins);
    // One row per fact: its label and one cell per location.
    let row = move |label: String, cell: &dyn Fn(&LocationPin) -> String| {
        let cells = pins.with_value(|pins| pins.iter().map(cell).collect::<Vec<_>>());
        view! {
            <tr>
                <th scope="row">{label}</th>
                {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
            </tr>
        }
    };
    let sun = move |pin: &LocationPin, pick: &dyn Fn(&domain::SolarDay) -> String| {
        GeoPoint::new(pin.lat, pin.lon)
            .map(|place| pick(&solar_day(place, date, STUDIO_OFFSET)))
            .unwrap_or_default()
    };
    move || {
        let l = lang();
        let heads = pins.with_value(|pins| {
            pins.iter()
                .map(|p| {
                    let name = l.pick(&p.name_zh, &p.name_en).to_string();
                    view! { <th scope="col"><A href=format!("/locations/{}", p.slug)>{name}</A></th> }
                })
                .collect_view()
        });
        view! {
            <div class="table-scroll" tabindex="0">
                <table class="data-table compare-table">
                    <thead><tr><td></td>{heads}</tr></thead>
                    <tbody>
                        <tr>
                            <th scope="row">{tr!(i18n, photos_title)}</th>
                            {photos.iter().map(|cover| view! {
                                <td>{cover.clone().map(|(photo, alt)| {
                                    let (width, height) = Photo::THUMB_SIZE;
                                    view! {
                                        <a href=photo.large_url() target="_blank" rel="noopener">
                                            <img class="compare-photo" src=photo.thumb_url() width=width height=height
                                                alt=alt loading="lazy" />
                                        </a>
                                    }
                                    .into_any()
                                }).unwrap_or_else(|| view! { <span class="hint">{tr!(i18n, photos_none)}</span> }.into_any())}</td>
                            }).collect_view()}
                        </tr>
                        {row(t_string!(i18n, col_kind).to_string(), &|p| p.kind.label(l).to_string())}
                        {row(t_string!(i18n, col_era).to_string(), &|p| p.eras.iter().map(|e| e.label(l)).collect::<Vec<_>>().join(" · "))}
                        {row(t_string!(i18n, col_base).to_string(), &|p| p.base.label(l).to_string())}
                        {row(t_string!(i18n, fact_setting).to_string(), &|p| p.setting.label(l).to_string())}
                        {row(t_string!(i18n, col_area).to_string(), &|p| format!("{} m²", domain::group_thousands(p.area_m2.unsigned_abs())))}
                        {row(t_string!(i18n, col_rate).to_string(), &|p| p.hourly_rate.display_cny())}
                        {row(t_string!(i18n, compare_price).replace("{hours}", &hours_text), &|p| {
                            Money::from_fen(p.hourly_rate.fen() * span / 60).display_cny()
                        })}
                        {row(t_string!(i18n, fact_changeover).to_string(), &|p| format!("{} min", p.changeover_min))}
                        {row(t_string!(i18n, fact_facilities).to_string(), &|p| p.facilities.iter().map(|f| f.label(l)).collect::<Vec<_>>().join("、"))}
                        {row(t_string!(i18n, fact_distance).to_string(), &|p| {
                            GeoPoint::new(p.lat, p.lon)
                                .map(|g| format!("{:.1} km", g.distance_m(domain::geo::HENGDIAN_CENTRE) / 1000.0))
                                .unwrap_or_default()
                        })}
                        {row(format!("{} ({date})", t_string!(i18n, sunrise)), &|p| sun(p, &|d| at(d.sunrise())))}
                        {row(t_string!(i18n, sunset).to_string(), &|p| sun(p, &|d| at(d.sunset())))}
                        {row(t_string!(i18n, golden_morning).to_string(), &|p| sun(p, &|d| span_text(d.morning_golden_hour())))}
                        {row(t_string!(i18n, golden_evening).to_string(), &|p| sun(p, &|d| span_text(d.evening_golden_hour())))}
                    </tbody>
                </table>
            </div>
        }
    }
}

/// The add/remove button on a location's page, for crew members.
#[component]
pub fn ShortlistToggle(
    slug: String,
    on_list: bool,
    add: ServerAction<crate::shortlists::AddToShortlist>,
    remove: ServerAction<RemoveFromShortlist>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add_error = move || {
        add.value().with(|v| match v {
            Some(Err(e)) => field_message(i18n, Some(e), "slug"),
            _ => None,
        })
    };
    let form = if on_list {
        view! {
            <ActionForm action=remove>
                <input type="hidden" name="slug" value=slug />
                <button type="submit">{tr!(i18n, shortlist_remove)}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! {
            <ActionForm action=add>
                <input type="hidden" name="slug" value=slug />
                <button type="submit">{tr!(i18n, shortlist_add)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <div class="shortlist-toggle">
            {form}
            {on_list.then(|| view! { <p class="form-ok" role="status">{tr!(i18n, shortlist_on)} " " <A href="/shortlist">{tr!(i18n, shortlist_open)}</A></p> })}
            <p class="field-error" role="alert">{add_error}</p>
        </div>
    }
}
