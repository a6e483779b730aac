//! The Leaflet map of locations. The only place that touches Leaflet.
//!
//! The map renders in the browser only: leptos-leaflet's reactive cleanup dereferences
//! thread-bound JS handles, which cuts server responses short on a multi-threaded runtime.
//! The server renders a fixed-size box (so nothing shifts) and the list beside the map carries
//! the same content for readers without JavaScript.

use leptos::prelude::*;
use leptos_leaflet::prelude::*;

use crate::components::content_lang;
use crate::i18n::*;
use crate::models::{LocationPin, TileSource};

/// Hengdian's centre, where the map opens.
const CENTRE: (f64, f64) = (29.16, 120.31);
const OPENING_ZOOM: f64 = 12.0;

#[component]
pub fn LocationMap(pins: Vec<LocationPin>, tiles: TileSource) -> impl IntoView {
    let i18n = use_i18n();
    let pins = StoredValue::new(pins);
    let tiles = StoredValue::new(tiles);
    let in_browser = RwSignal::new(false);
    Effect::new(move |_| in_browser.set(true));
    view! {
        <div
            class="map-box"
            role="region"
            aria-label=move || t_string!(i18n, locations_map_label).to_string()
            data-hydrated=move || in_browser.get().to_string()
        >
            <Show
                when=move || in_browser.get()
                fallback=move || view! { <p class="map-placeholder">{t!(i18n, map_loading)}</p> }
            >
                <MapContainer
                    class="map"
                    center=Position::new(CENTRE.0, CENTRE.1)
                    zoom=OPENING_ZOOM
                    set_view=true
                >
                    {tiles
                        .with_value(|tiles| {
                            (!tiles.url.is_empty())
                                .then(|| {
                                    view! { <TileLayer url=tiles.url.clone() attribution=tiles.attribution.clone() /> }
                                })
                        })}
                    {pins
                        .read_value()
                        .iter()
                        .map(|pin| {
                            let pin = pin.clone();
                            let title = pin.name_en.clone();
                            view! {
                                <Marker position=Position::new(pin.lat, pin.lon) title=title>
                                    <Popup>
                                        <strong>
                                            {move || {
                                                content_lang(i18n).pick(&pin.name_zh, &pin.name_en).to_string()
                                            }}
                                        </strong>
                                        <br />
                                        <a href=format!("/locations?focus={}", pin.slug)>{pin.slug.clone()}</a>
                                    </Popup>
                                </Marker>
                            }
                        })
                        .collect_view()}
                </MapContainer>
            </Show>
        </div>
    }
}
