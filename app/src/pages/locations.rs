//! `/locations`: every set, stage and base on a map, with the same list beside it, narrowed by
//! filters that live in the URL (`?q=qinwanggong&era=qing&kind=street`), so a shared link shows
//! the same results. The filter form is a plain GET form: it works before the wasm has loaded.

use domain::location_filter::LocationFilter;
use domain::vocab::{Base, Era, Facility, LocationKind, Setting};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::list_locations;
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::components::location_map::LocationMap;
use crate::i18n::*;
use crate::models::LocationsView;

/// The query keys the filter reads.
const KEYS: [&str; 10] = [
    "q", "kind", "era", "setting", "base", "facility", "area_min", "area_max", "rate_min",
    "rate_max",
];

#[component]
pub fn LocationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            let pairs: Vec<(&'static str, String)> = KEYS
                .iter()
                .flat_map(|k| q.get_all(k).unwrap_or_default().into_iter().map(move |v| (*k, v)))
                .collect();
            LocationFilter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    });
    let data = Resource::new(
        move || filter.get().to_pairs(),
        |pairs| {
            let get = |key: &str| {
                pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()).unwrap_or_default()
            };
            list_locations(
                get("q"),
                get("kind"),
                get("era"),
                get("setting"),
                get("base"),
                get("facility"),
                get("area_min"),
                get("area_max"),
                get("rate_min"),
                get("rate_max"),
            )
        },
    );
    view! {
        <section class="locations">
            <h1>{t!(i18n, locations_title)}</h1>
            <FilterForm filter />
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <LocationsBody view /> }.into_any(),
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
fn FilterForm(filter: Memo<LocationFilter>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let f = filter.get();
        let number = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        view! {
            <form method="get" action="/locations" class="location-filters">
                <div class="field">
                    <label for="q">{t!(i18n, filter_text)}</label>
                    <input id="q" name="q" type="search" value=f.q.clone()
                        placeholder=move || t_string!(i18n, filter_text_hint).to_string() />
                </div>
                <fieldset>
                    <legend>{t!(i18n, col_kind)}</legend>
                    {checks(i18n, "kind", LocationKind::ALL, f.kinds.clone(), LocationKind::code, LocationKind::label)}
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, col_era)}</legend>
                    {checks(i18n, "era", Era::ALL, f.eras.clone(), Era::code, Era::label)}
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, col_setting)}</legend>
                    {checks(i18n, "setting", Setting::ALL, f.settings.clone(), Setting::code, Setting::label)}
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, col_base)}</legend>
                    {checks(i18n, "base", Base::ALL, f.bases.clone(), Base::code, Base::label)}
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, fact_facilities)}</legend>
                    {checks(i18n, "facility", Facility::ALL, f.facilities.clone(), Facility::code, Facility::label)}
                </fieldset>
                <fieldset class="ranges">
                    <legend>{t!(i18n, filter_ranges)}</legend>
                    <label>{t!(i18n, filter_area_min)} <input type="number" name="area_min" min="0" step="100" value=number(f.area_min) /></label>
                    <label>{t!(i18n, filter_area_max)} <input type="number" name="area_max" min="0" step="100" value=number(f.area_max) /></label>
                    <label>{t!(i18n, filter_rate_min)} <input type="number" name="rate_min" min="0" step="50" value=number(f.rate_min) /></label>
                    <label>{t!(i18n, filter_rate_max)} <input type="number" name="rate_max" min="0" step="50" value=number(f.rate_max) /></label>
                </fieldset>
                <div class="filter-actions">
                    <button type="submit" class="primary">{t!(i18n, admin_filter_submit)}</button>
                    <A href="/locations">{t!(i18n, filter_clear)}</A>
                </div>
            </form>
        }
    }
}

#[component]
fn LocationsBody(view: LocationsView) -> impl IntoView {
    let i18n = use_i18n();
    let shown = view.pins.len();
    let total = view.total;
    let rows = view.pins.clone();
    view! {
        <p class="result-count" role="status">{t!(i18n, locations_shown, shown, total)}</p>
        <div class="locations-layout">
            <LocationMap pins=view.pins tiles=view.tiles />
            <div class="location-list" role="region" aria-label=move || t_string!(i18n, locations_list_label).to_string() tabindex="0">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, col_name)}</th>
                            <th scope="col">{t!(i18n, col_kind)}</th>
                            <th scope="col">{t!(i18n, col_era)}</th>
                            <th scope="col">{t!(i18n, col_base)}</th>
                            <th scope="col">{t!(i18n, col_area)}</th>
                            <th scope="col">{t!(i18n, col_rate)}</th>
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
