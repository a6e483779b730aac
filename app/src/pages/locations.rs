//! `/locations`: every set, stage and base on a map, with the same list beside it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::list_locations;
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::components::location_map::LocationMap;
use crate::i18n::*;
use crate::models::LocationsView;

#[component]
pub fn LocationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| list_locations());
    view! {
        <section class="locations">
            <h1>{t!(i18n, locations_title)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <LocationsBody view /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn LocationsBody(view: LocationsView) -> impl IntoView {
    let i18n = use_i18n();
    let count = view.pins.len();
    let rows = view.pins.clone();
    view! {
        <p class="result-count">{t!(i18n, locations_count, count)}</p>
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
