//! `/travel` (交通攻略): how background actors and crews reach Hengdian and get around it — a map
//! of assembly points, bus lines, car parks and stations, and the same content as lists (each
//! entry has an anchor, `/travel#guild`), readable before the wasm loads and without JavaScript.
//! Open to everyone; the content is `domain::travel`.

use crate::codec::fetched;
use domain::travel::{self, PlaceKind};
use leptos::prelude::*;

use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::components::guide_map::GuideMap;
use crate::i18n::*;
use crate::travel::load_travel_map;

#[component]
pub fn TravelPage() -> impl IntoView {
    let i18n = use_i18n();
    let map = fetched(|| (), |_| load_travel_map());
    view! {
        <section class="travel">
            <h1>{tr!(i18n, travel_title)}</h1>
            <p class="lead">{tr!(i18n, travel_intro)}</p>
            <p class="notice free-notice">{tr!(i18n, travel_safety)}</p>
            <nav class="travel-toc" aria-label=move || t_string!(i18n, travel_contents).to_string()>
                <a href="#arrivals">{tr!(i18n, travel_arrivals)}</a>
                <a href="#assembly">{tr!(i18n, travel_assembly)}</a>
                <a href="#lines">{tr!(i18n, travel_lines)}</a>
                <a href="#parking">{tr!(i18n, travel_parking)}</a>
            </nav>
            <div class="travel-map">
                <Transition fallback=move || view! { <div class="map-box"><p class="map-placeholder">{tr!(i18n, map_loading)}</p></div> }>
                    {move || Suspend::new(async move {
                        match map.await {
                            Ok(m) => view! { <GuideMap tiles=m.tiles outlines=m.outlines /> }.into_any(),
                            Err(error) => view! { <ErrorView error /> }.into_any(),
                        }
                    })}
                </Transition>
                <Legend />
            </div>
            <Arrivals />
            <Places kind=PlaceKind::Assembly anchor="assembly" />
            <Lines />
            <Places kind=PlaceKind::Parking anchor="parking" />
        </section>
    }
}

/// What the map's colours mean.
#[component]
fn Legend() -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    view! {
        <ul class="legend" aria-label=move || t_string!(i18n, travel_legend).to_string()>
            {PlaceKind::ALL.iter().map(|kind| {
                let kind = *kind;
                view! {
                    <li><span class="swatch dot" style=format!("background:{}", kind.colour())></span>{move || kind.label(lang())}</li>
                }
            }).collect_view()}
            {travel::lines().iter().map(|line| {
                view! {
                    <li><span class="swatch bar" style=format!("background:{}", line.colour)></span>{line_name(i18n, line)}</li>
                }
            }).collect_view()}
        </ul>
    }
}

/// A line's number and name (`1 路 · 影视城南线`, `Line 1 · Studios south line`).
fn line_name(
    i18n: leptos_i18n::I18nContext<Locale>,
    line: &'static travel::BusLine,
) -> impl IntoView {
    let lang = move || content_lang(i18n);
    view! { {t!(i18n, travel_line_name, code = line.code, name = move || line.name.get(lang()))} }
}

#[component]
fn Arrivals() -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    view! {
        <h2 id="arrivals">{tr!(i18n, travel_arrivals)}</h2>
        <ul class="travel-list">
            {travel::arrivals().iter().map(|arrival| {
                let from = travel::place(arrival.from);
                let (minutes, fare) = (arrival.minutes, arrival.fare_yuan);
                view! {
                    <li id=from.map(|p| p.id)>
                        <h3>{move || from.map(|p| p.name.get(lang()))}</h3>
                        <p>{move || arrival.how.get(lang())}</p>
                        {(minutes > 0).then(|| view! { <p class="hint">{t!(i18n, travel_arrival_cost, minutes = minutes, fare = fare)}</p> })}
                        <p class="hint">{move || from.map(|p| p.note.get(lang()))}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The places of one kind, each with the lines at its nearest stop.
#[component]
fn Places(kind: PlaceKind, anchor: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let title = move || match kind {
        PlaceKind::Assembly => t_string!(i18n, travel_assembly),
        _ => t_string!(i18n, travel_parking),
    };
    view! {
        <h2 id=anchor>{title}</h2>
        <ul class="travel-list">
            {travel::places_of(kind).map(|place| {
                let nearest = travel::nearest(PlaceKind::Stop, place.point());
                let by_bus = nearest.map(|(stop, metres)| {
                    let codes = travel::lines_at(stop.id).map(|l| l.code).collect::<Vec<_>>().join(", ");
                    view! {
                        {t!(
                            i18n,
                            travel_nearest_stop,
                            stop = move || stop.name.get(lang()),
                            distance = move || travel::distance_text(metres, lang()),
                            lines = codes.clone()
                        )}
                    }
                });
                view! {
                    <li id=place.id data-kind=kind.code()>
                        <h3>{move || place.name.get(lang())}</h3>
                        <p>{move || place.note.get(lang())}</p>
                        {by_bus.map(|text| view! { <p class="hint">{text}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Lines() -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    view! {
        <h2 id="lines">{tr!(i18n, travel_lines)}</h2>
        <ul class="travel-list">
            {travel::lines().iter().map(|line| {
                let (first, last, every, fare) = (line.first, line.last, line.every_minutes, line.fare_yuan);
                view! {
                    <li id=format!("line-{}", line.code) class="bus-line">
                        <h3><span class="line-badge" style=format!("background:{}", line.colour)>{line.code}</span> {line_name(i18n, line)}</h3>
                        <p class="hint">{t!(i18n, travel_line_hours, first = first, last = last, every = every, fare = fare)}</p>
                        <ol class="stops">
                            {line.path().map(|stop| view! { <li>{move || stop.name.get(lang())}</li> }).collect_view()}
                        </ol>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
