//! `/locations`: every set, stage and base on a map, with the same list beside it, narrowed by
//! filters that live in the URL (`?q=qinwanggong&era=qing&kind=street`), so a shared link shows
//! the same results. The filter form is a plain GET form: it works before the wasm has loaded.

use crate::codec::{UnlessIsland, fetched_as};
use domain::MapView;
use domain::booking::studio_local;
use domain::location_filter::LocationFilter;
use domain::vocab::{Base, Era, Facility, LocationKind, Setting};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::list_locations;
use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_text};
use crate::components::location_map::LocationMap;
#[cfg(feature = "ssr")]
use crate::components::location_map::{map_outlines, map_pins};
use crate::i18n::*;
use crate::models::LocationsView;

#[component]
pub fn LocationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| LocationFilter::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    // The map's view as the URL had it; moving the map rewrites the URL in place (no new history
    // entry, no refetch) and the filter form carries the view along.
    let initial_view =
        query.with_untracked(|q| MapView::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
    let map_view = RwSignal::new(initial_view);
    let on_move = move |view: MapView| {
        map_view.set(Some(view));
        let mut url = format!("/locations?{}", filter.get_untracked().to_query());
        for (key, value) in view.to_pairs() {
            url.push_str(&format!("&{key}={value}"));
        }
        let url = url.replacen("?&", "?", 1);
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &leptos::wasm_bindgen::JsValue::NULL,
                "",
                Some(&url),
            );
        }
    };
    let data = fetched_as::<UnlessIsland, _, _, _>(move || filter.get().to_query(), list_locations);
    view! {
        <section class="locations">
            <h1>{tr!(i18n, locations_title)}</h1>
            <FilterForm filter map_view />
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => {
                            let view = initial_view.unwrap_or(MapView::HENGDIAN);
                            view! { <LocationsBody data view on_move /> }.into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One group of checkboxes for a facet.
fn checks<T: Copy + PartialEq + Send + Sync + 'static>(
    i18n: leptos_i18n::I18nContext<Locale>,
    name: &'static str,
    values: &'static [T],
    chosen: Vec<T>,
    code: fn(T) -> &'static str,
    label: fn(T, domain::Lang) -> &'static str,
) -> impl IntoView {
    values
        .iter()
        .map(|v| {
            let v = *v;
            let checked = chosen.contains(&v);
            view! {
                <label class="check">
                    <input type="checkbox" name=name value=code(v) checked=checked />
                    {move || label(v, content_lang(i18n))}
                </label>
            }
        })
        .collect_view()
}

#[component]
fn FilterForm(filter: Memo<LocationFilter>, map_view: RwSignal<Option<MapView>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let f = filter.get();
        let number = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let moment = |v: Option<i64>| v.map(studio_local).unwrap_or_default();
        let free_error = f.free_window().err().map(|e| e.code());
        view! {
            <form method="get" action="/locations" class="location-filters">
                <div class="field">
                    <label for="q">{tr!(i18n, filter_text)}</label>
                    <input id="q" name="q" type="search" value=f.q.clone()
                        placeholder=move || t_string!(i18n, filter_text_hint).to_string() />
                </div>
                <fieldset>
                    <legend>{tr!(i18n, col_kind)}</legend>
                    {checks(i18n, "kind", LocationKind::ALL, f.kinds.clone(), LocationKind::code, LocationKind::label)}
                </fieldset>
                <fieldset>
                    <legend>{tr!(i18n, col_era)}</legend>
                    {checks(i18n, "era", Era::ALL, f.eras.clone(), Era::code, Era::label)}
                </fieldset>
                <fieldset>
                    <legend>{tr!(i18n, col_setting)}</legend>
                    {checks(i18n, "setting", Setting::ALL, f.settings.clone(), Setting::code, Setting::label)}
                </fieldset>
                <fieldset>
                    <legend>{tr!(i18n, col_base)}</legend>
                    {checks(i18n, "base", Base::ALL, f.bases.clone(), Base::code, Base::label)}
                </fieldset>
                <fieldset>
                    <legend>{tr!(i18n, fact_facilities)}</legend>
                    {checks(i18n, "facility", Facility::ALL, f.facilities.clone(), Facility::code, Facility::label)}
                </fieldset>
                <fieldset class="ranges">
                    <legend>{tr!(i18n, filter_ranges)}</legend>
                    <label>{tr!(i18n, filter_area_min)} <input type="number" name="area_min" min="0" step="100" value=number(f.area_min) /></label>
                    <label>{tr!(i18n, filter_area_max)} <input type="number" name="area_max" min="0" step="100" value=number(f.area_max) /></label>
                    <label>{tr!(i18n, filter_rate_min)} <input type="number" name="rate_min" min="0" step="50" value=number(f.rate_min) /></label>
                    <label>{tr!(i18n, filter_rate_max)} <input type="number" name="rate_max" min="0" step="50" value=number(f.rate_max) /></label>
                </fieldset>
                <fieldset class="ranges">
                    <legend>{tr!(i18n, filter_free)}</legend>
                    <label>{tr!(i18n, filter_free_from)} <input type="datetime-local" name="free_from" value=moment(f.free_from) aria-describedby="free-hint" /></label>
                    <label>{tr!(i18n, filter_free_to)} <input type="datetime-local" name="free_to" value=moment(f.free_to) aria-describedby="free-hint" /></label>
                    <p id="free-hint" class="hint">{tr!(i18n, filter_free_hint)}</p>
                    {free_error.map(|code| view! {
                        <p class="field-error" role="alert">{move || field_text(i18n, "free_to", code)}</p>
                    })}
                </fieldset>
                {move || map_view.get().map(|view| {
                    view.to_pairs()
                        .into_iter()
                        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                        .collect_view()
                })}
                <div class="filter-actions">
                    <button type="submit" class="primary">{tr!(i18n, admin_filter_submit)}</button>
                    <A href="/locations">{tr!(i18n, filter_clear)}</A>
                </div>
            </form>
        }
    }
}

/// How many matches the table beside the map lists.
const LIST_ROWS: usize = 200;

#[component]
fn LocationsBody(
    data: LocationsView,
    view: MapView,
    #[prop(into)] on_move: Callback<MapView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = data.pins.len();
    let total = data.total;
    // The map shows every match; the table lists the first ones (thousands of rows would only
    // slow the page down: narrowing the filter or zooming the map is how one finds a place).
    let rows: Vec<_> = data.pins.iter().take(LIST_ROWS).cloned().collect();
    let island = island_data(i18n, &data, view);
    let capped = (shown > LIST_ROWS).then(|| {
        view! { <p class="list-capped">{t!(i18n, locations_list_capped, rows = LIST_ROWS, shown)}</p> }
    });
    view! {
        <p class="result-count" role="status">{t!(i18n, locations_shown, shown, total)}</p>
        {capped}
        <div class="locations-layout">
            <LocationMap pins=data.pins tiles=data.tiles outlines=data.outlines view on_move />
            {island}
            <div class="location-list" role="region" aria-label=move || t_string!(i18n, locations_list_label).to_string() tabindex="0">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, col_name)}</th>
                            <th scope="col">{tr!(i18n, col_kind)}</th>
                            <th scope="col">{tr!(i18n, col_era)}</th>
                            <th scope="col">{tr!(i18n, col_base)}</th>
                            <th scope="col">{tr!(i18n, col_area)}</th>
                            <th scope="col">{tr!(i18n, col_rate)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|pin| {
                                let lang = move || content_lang(i18n);
                                let eras = pin.eras.clone();
                                let area = domain::group_thousands(pin.area_m2.unsigned_abs());
                                let amount = pin.hourly_rate.display_cny();
                                view! {
                                    <tr data-slug=pin.slug.clone()>
                                        <th scope="row">
                                            <A href=format!("/locations/{}", pin.slug)>
                                                {move || lang().pick(&pin.name_zh, &pin.name_en).to_string()}
                                            </A>
                                        </th>
                                        <td>{move || pin.kind.label(lang())}</td>
                                        <td>
                                            {move || {
                                                eras.iter().map(|e| e.label(lang())).collect::<Vec<_>>().join(" · ")
                                            }}
                                        </td>
                                        <td>{move || pin.base.label(lang())}</td>
                                        <td>{t!(i18n, area_m2, area = area.clone())}</td>
                                        <td>{t!(i18n, per_hour, amount = amount.clone())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// The map's data for the map island (`map-island`), which draws the map of this page when it
/// comes from the server without the app's bundle (`bundle::island_built`): written beside the
/// map's box in the server's HTML only. Drawn by the router, the page's own map draws it.
#[cfg(feature = "ssr")]
fn island_data(
    i18n: leptos_i18n::I18nContext<Locale>,
    data: &LocationsView,
    view: MapView,
) -> impl IntoView + use<> {
    crate::bundle::island_built().then(|| {
        let lang = content_lang(i18n);
        let text = map::LocationsMap {
            lang,
            view,
            tiles: data.tiles.clone(),
            outlines: map_outlines(&data.outlines, lang),
            pins: map_pins(&data.pins, lang),
        }
        .to_script_text();
        view! { <script type="application/json" id=map::LocationsMap::ELEMENT_ID>{text}</script> }
    })
}

/// In the browser the page draws its own map: nothing to add.
#[cfg(not(feature = "ssr"))]
fn island_data(
    _: leptos_i18n::I18nContext<Locale>,
    _: &LocationsView,
    _: MapView,
) -> impl IntoView + use<> {
}
