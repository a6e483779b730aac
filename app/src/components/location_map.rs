//! The Leaflet map of locations, as the app draws it (the drawing itself is the `map` crate's,
//! shared with the map island that draws `/locations` when it comes from the server without the
//! app's bundle: `app::bundle`).
//!
//! The map renders in the browser only: leptos-leaflet's reactive cleanup dereferences
//! thread-bound JS handles, which cuts server responses short on a multi-threaded runtime.
//! The server renders a fixed-size box (so nothing shifts) and the list beside the map carries
//! the same content for readers without JavaScript.

use domain::{Lang, MapView};
use leptos::prelude::*;
use leptos_leaflet::leaflet;
use leptos_leaflet::prelude::*;

use crate::components::content_lang;
use crate::i18n::*;
use crate::models::{BaseOutline, LocationPin, TileSource};

pub(crate) use map::{bind_tooltip, popup_options, to_map, web_sys_array};

#[component]
pub fn LocationMap(
    pins: Vec<LocationPin>,
    tiles: TileSource,
    outlines: Vec<BaseOutline>,
    /// Where the map opens.
    view: MapView,
    /// Called with the new view after every move or zoom.
    #[prop(into)]
    on_move: Callback<MapView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pins = StoredValue::new(pins);
    let outlines = StoredValue::new(outlines);
    let tiles = StoredValue::new(tiles);
    view! {
        <ClientOnlyMap class="map-box" label=Signal::derive(move || t_string!(i18n, locations_map_label).to_string())>
            <LiveMap
                pins=pins.get_value()
                tiles=tiles.get_value()
                outlines=outlines.get_value()
                view
                on_move
            />
        </ClientOnlyMap>
    }
}

/// The box a Leaflet map lives in: a placeholder on the server and until the page is hydrated
/// and Leaflet has loaded, then `children` (Leaflet's handles are thread-bound and exist only
/// in the browser). The box carries `data-hydrated` so tests can wait for the live map.
#[component]
pub(crate) fn ClientOnlyMap(
    class: &'static str,
    /// The map region's accessible name.
    label: Signal<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let in_browser = RwSignal::new(false);
    Effect::new(move |_| map::with_leaflet(move || in_browser.set(true)));
    view! {
        <div class=class role="region" aria-label=label data-hydrated=move || in_browser.get().to_string()>
            <Show
                when=move || in_browser.get()
                fallback=move || view! { <p class="map-placeholder">{tr!(i18n, map_loading)}</p> }
            >
                {children()}
            </Show>
        </div>
    }
}

/// The pins as markers in the page's language.
pub(crate) fn map_pins(pins: &[LocationPin], lang: Lang) -> Vec<map::MapPin> {
    pins.iter()
        .map(|pin| map::MapPin {
            slug: pin.slug.clone(),
            name: lang.pick(&pin.name_zh, &pin.name_en).to_string(),
            lat: pin.lat,
            lon: pin.lon,
        })
        .collect()
}

/// The bases' outlines labelled in the page's language.
pub(crate) fn map_outlines(outlines: &[BaseOutline], lang: Lang) -> Vec<map::Outline> {
    outlines
        .iter()
        .map(|outline| map::Outline {
            label: outline.base.label(lang).to_string(),
            ring: outline.ring.clone(),
        })
        .collect()
}

/// The Leaflet map itself; only ever rendered in the browser (its handles are thread-bound).
#[component]
fn LiveMap(
    pins: Vec<LocationPin>,
    tiles: TileSource,
    outlines: Vec<BaseOutline>,
    view: MapView,
    on_move: Callback<MapView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let gcj02 = tiles.gcj02;
    let centre = to_map(view.centre, gcj02);
    let map = JsRwSignal::<Option<leaflet::Map>>::new_local(None);
    let pins = StoredValue::new(pins);
    let outlines = StoredValue::new(outlines);
    Effect::new(move |_| {
        let Some(leaflet_map) = map.get() else { return };
        let lang = untrack(|| content_lang(i18n));
        let pins = pins.with_value(|pins| map_pins(pins, lang));
        let outlines = outlines.with_value(|outlines| map_outlines(outlines, lang));
        map::draw_locations(&leaflet_map, &pins, &outlines, gcj02, lang, move |view| {
            on_move.run(view)
        });
    });
    let tile_layer = (!tiles.url.is_empty()).then(|| {
        view! { <TileLayer url=tiles.url.clone() attribution=tiles.attribution.clone() /> }
    });
    view! {
        <MapContainer
            class="map"
            center=Position::new(centre.0, centre.1)
            zoom=f64::from(view.zoom)
            map=map.write_only()
        >
            {tile_layer}
        </MapContainer>
    }
}
