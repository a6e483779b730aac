//! The Leaflet map of locations. The only place that touches Leaflet.
//!
//! The map renders in the browser only: leptos-leaflet's reactive cleanup dereferences
//! thread-bound JS handles, which cuts server responses short on a multi-threaded runtime.
//! The server renders a fixed-size box (so nothing shifts) and the list beside the map carries
//! the same content for readers without JavaScript.
//!
//! Markers are drawn imperatively from `domain::cluster`: after every move or zoom only the
//! markers of the visible area are rebuilt, so the map stays smooth with tens of thousands of
//! locations (a DOM marker per location would not). Bases' outlines are drawn under them as an
//! offline base layer, so the map keeps its meaning when no tile server is reachable.

use domain::cluster::{ClusterIndex, ClusterOptions, MapMarker};
use domain::gcj02::{Gcj02Point, to_gcj02, to_wgs84};
use domain::{GeoPoint, Lang, MapView};
use leptos::prelude::*;
use leptos::wasm_bindgen::{self, JsCast};
use leptos::web_sys::js_sys;
use leptos_leaflet::leaflet::{self, MouseEvents as _};
use leptos_leaflet::prelude::*;

use crate::components::content_lang;
use crate::i18n::*;
use crate::models::{BaseOutline, LocationPin, TileSource};

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
/// Leaflet is asked for only then, not preloaded from the head: like the bundle (`bundle`), it
/// must not hold back the page's first paint.
#[component]
pub(crate) fn ClientOnlyMap(
    class: &'static str,
    /// The map region's accessible name.
    label: Signal<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let in_browser = RwSignal::new(false);
    Effect::new(move |_| with_leaflet(move || in_browser.set(true)));
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

const LEAFLET_JS: &str = "/leaflet/leaflet.js";
const LEAFLET_CSS: &str = "/leaflet/leaflet.css";

/// Runs `ready` once Leaflet's script has run and its stylesheet applies (its marker icons find
/// their images through it): at once if both have, otherwise after adding them to the page
/// (once, however many maps ask).
fn with_leaflet(ready: impl FnOnce() + 'static) {
    let document = document();
    let loaded = {
        let document = document.clone();
        move || {
            let script_ran = js_sys::Reflect::has(&js_sys::global(), &"L".into()).unwrap_or(false);
            let sheet = document
                .get_element_by_id("leaflet-css")
                .and_then(|css| js_sys::Reflect::get(&css, &"sheet".into()).ok());
            script_ran && sheet.is_some_and(|sheet| !sheet.is_null() && !sheet.is_undefined())
        }
    };
    if loaded() {
        ready();
        return;
    }
    let add = |tag: &str, id: &str, attributes: &[(&str, &str)]| {
        if let Some(element) = document.get_element_by_id(id) {
            return Some(element);
        }
        let element = document.create_element(tag).ok()?;
        element.set_attribute("id", id).ok()?;
        for (name, value) in attributes {
            element.set_attribute(name, value).ok()?;
        }
        document.query_selector("head").ok()??.append_child(&element).ok()?;
        Some(element)
    };
    let css = add("link", "leaflet-css", &[("rel", "stylesheet"), ("href", LEAFLET_CSS)]);
    let script = add("script", "leaflet-js", &[("src", LEAFLET_JS)]);
    let ready = std::rc::Rc::new(std::cell::Cell::new(Some(ready)));
    for element in [css, script].into_iter().flatten() {
        let ready = ready.clone();
        let loaded = loaded.clone();
        let on_load = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if loaded()
                && let Some(ready) = ready.take()
            {
                ready();
            }
        });
        _ = element.add_event_listener_with_callback("load", on_load.as_ref().unchecked_ref());
        on_load.forget();
    }
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
        let outline_layer = outlines.with_value(|o| draw_outlines(o, gcj02, lang));
        leaflet::Map::add_layer(&leaflet_map, &outline_layer);
        timing::mark(timing::PINS);
        let markers = Markers::new(&pins.read_value(), gcj02, lang);
        timing::measure(timing::CLUSTER, timing::PINS);
        let layer = leaflet::LayerGroup::new();
        leaflet::Map::add_layer(&leaflet_map, &layer);
        markers.draw(&leaflet_map, &layer);
        timing::measure(timing::MARKERS, timing::PINS);
        request_animation_frame(|| timing::measure(timing::SHOWN, timing::PINS));
        let moved_map = leaflet_map.clone();
        // A popup being open pans the map (to fit it on screen): keep its marker, redrawing
        // only when the zoom changes, until the popup closes.
        let popup_open = std::rc::Rc::new(std::cell::Cell::new(false));
        let drawn_zoom = std::rc::Rc::new(std::cell::Cell::new(leaflet_map.get_zoom()));
        for (event, open) in [("popupopen", true), ("popupclose", false)] {
            let flag = popup_open.clone();
            let track =
                wasm_bindgen::closure::Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(move |_| {
                    flag.set(open)
                });
            leaflet_map.unchecked_ref::<leaflet::Evented>().on(event, &track.into_js_value());
        }
        let on_moveend =
            wasm_bindgen::closure::Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(move |_| {
                let zoom = moved_map.get_zoom();
                if !popup_open.get() || zoom != drawn_zoom.get() {
                    drawn_zoom.set(zoom);
                    timing::mark(timing::MOVED);
                    markers.draw(&moved_map, &layer);
                    timing::measure(timing::REDRAW, timing::MOVED);
                }
                let centre = moved_map.get_center();
                let wgs84 = from_map(centre.lat(), centre.lng(), gcj02);
                if let Some(view) = MapView::from_map(wgs84.0, wgs84.1, moved_map.get_zoom()) {
                    on_move.run(view);
                }
            });
        leaflet_map.unchecked_ref::<leaflet::Evented>().on("moveend", &on_moveend.into_js_value());
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

/// How long the map's work takes, left in the browser's Performance timeline as User Timing
/// measures (`performance.getEntriesByType("measure")`; `scripts/bench-map` reads them).
mod timing {
    use leptos::prelude::window;

    /// Mark: the pins are in hand and the map exists.
    pub const PINS: &str = "backlot:map-pins";
    /// Placing the pins (datum shift) and building the cluster index.
    pub const CLUSTER: &str = "backlot:map-cluster";
    /// From the pins to the visible area's markers added to the page.
    pub const MARKERS: &str = "backlot:map-markers";
    /// The same, to the next frame, in which they are painted.
    pub const SHOWN: &str = "backlot:map-shown";
    /// Mark: a move or zoom ended.
    pub const MOVED: &str = "backlot:map-moved";
    /// Redrawing the visible area's markers after a move or zoom.
    pub const REDRAW: &str = "backlot:map-redraw";

    pub fn mark(name: &str) {
        if let Some(performance) = window().performance() {
            _ = performance.mark(name);
        }
    }

    pub fn measure(name: &str, since: &str) {
        if let Some(performance) = window().performance() {
            _ = performance.measure_with_start_mark(name, since);
        }
    }
}

/// A WGS-84 point where the map's tiles draw it.
pub(crate) fn to_map(point: GeoPoint, gcj02: bool) -> (f64, f64) {
    if gcj02 {
        let shifted = to_gcj02(point);
        (shifted.lat(), shifted.lon())
    } else {
        (point.lat(), point.lon())
    }
}

/// A map position back in WGS-84.
fn from_map(lat: f64, lon: f64, gcj02: bool) -> (f64, f64) {
    match Gcj02Point::new(lat, lon) {
        Ok(point) if gcj02 => {
            let back = to_wgs84(point);
            (back.lat(), back.lon())
        }
        _ => (lat, lon),
    }
}

/// Pins in map coordinates, clustered once, and redrawn for the visible area on demand.
struct Markers {
    index: ClusterIndex,
    /// Per pin id (its position in the list): map position, name and slug.
    pins: Vec<((f64, f64), String, String)>,
    lang: Lang,
}

impl Markers {
    fn new(pins: &[LocationPin], gcj02: bool, lang: Lang) -> Markers {
        let placed: Vec<((f64, f64), String, String)> = pins
            .iter()
            .map(|pin| {
                let at = GeoPoint::new(pin.lat, pin.lon)
                    .map(|p| to_map(p, gcj02))
                    .unwrap_or((pin.lat, pin.lon));
                (at, lang.pick(&pin.name_zh, &pin.name_en).to_string(), pin.slug.clone())
            })
            .collect();
        let points: Vec<(u32, f64, f64)> = placed
            .iter()
            .enumerate()
            .map(|(id, ((lat, lon), _, _))| (id as u32, *lat, *lon))
            .collect();
        Markers { index: ClusterIndex::new(&points, ClusterOptions::default()), pins: placed, lang }
    }

    fn draw(&self, map: &leaflet::Map, layer: &leaflet::LayerGroup) {
        let bounds = map.get_bounds();
        let (south_west, north_east) = (bounds.get_south_west(), bounds.get_north_east());
        let markers = self.index.query(
            south_west.lat(),
            south_west.lng(),
            north_east.lat(),
            north_east.lng(),
            map.get_zoom(),
        );
        layer.clear_layers();
        for marker in markers {
            let drawn = match marker {
                MapMarker::Point { id, lat, lon } => match self.pins.get(id as usize) {
                    Some((_, name, slug)) => self.point(lat, lon, name, slug),
                    None => continue,
                },
                MapMarker::Cluster { lat, lon, count, expansion_zoom, .. } => {
                    self.cluster(map, lat, lon, count, expansion_zoom)
                }
            };
            layer.add_layer(&drawn);
        }
    }

    fn point(&self, lat: f64, lon: f64, name: &str, slug: &str) -> leaflet::Layer {
        let options = leaflet::MarkerOptions::new();
        options.set_title(name.to_string());
        options.set_alt(name.to_string());
        let marker = leaflet::Marker::new_with_options(&leaflet::LatLng::new(lat, lon), &options);
        let layer: leaflet::Layer = marker.unchecked_into();
        if let Some(popup) = popup_content(name, slug, self.lang) {
            layer.bind_popup_with_options(&popup, &popup_options());
        }
        layer
    }

    fn cluster(
        &self,
        map: &leaflet::Map,
        lat: f64,
        lon: f64,
        count: u32,
        expansion_zoom: u8,
    ) -> leaflet::Layer {
        let size = if count < 10 {
            34.0
        } else if count < 100 {
            40.0
        } else {
            48.0
        };
        let icon = leaflet::DivIconOptions::new();
        icon.set_html(format!("<span>{count}</span>"));
        icon.set_class_name("cluster-icon".into());
        icon.set_icon_size(leaflet::Point::new(size, size));
        let options = leaflet::MarkerOptions::new();
        if let Some(icon) = div_icon(&icon) {
            options.set_icon(icon);
        }
        let title = match self.lang {
            Lang::Zh => format!("{count} 处场地，点击放大"),
            Lang::En => format!("{count} locations, select to zoom in"),
        };
        options.set_title(title);
        let at = leaflet::LatLng::new(lat, lon);
        let marker = leaflet::Marker::new_with_options(&at, &options);
        let zoom_to = map.clone();
        marker.on_click(Box::new(move |_| {
            zoom_to.set_view(&at, f64::from(expansion_zoom));
        }));
        marker.unchecked_into()
    }
}

/// A popup with the location's name and a link to its page, built as DOM nodes so names are
/// never parsed as HTML.
/// Popups pan the map to stay clear of the zoom buttons in the top-left corner (on a phone a
/// popup would otherwise open under them).
pub(crate) fn popup_options() -> wasm_bindgen::JsValue {
    let options = js_sys::Object::new();
    let padding: js_sys::Array =
        [56, 16].iter().map(|&px| wasm_bindgen::JsValue::from(px)).collect();
    let _ = js_sys::Reflect::set(&options, &"autoPanPaddingTopLeft".into(), &padding);
    options.into()
}

fn popup_content(name: &str, slug: &str, lang: Lang) -> Option<wasm_bindgen::JsValue> {
    let document = leptos::prelude::document();
    let body = document.create_element("div").ok()?;
    let title = document.create_element("strong").ok()?;
    title.set_text_content(Some(name));
    let link = document.create_element("a").ok()?;
    link.set_attribute("href", &format!("/locations/{slug}")).ok()?;
    link.set_text_content(Some(lang.pick("查看详情与预订", "Details and booking")));
    body.append_child(&title).ok()?;
    let line_break = document.create_element("br").ok()?;
    body.append_child(&line_break).ok()?;
    body.append_child(&link).ok()?;
    Some(body.into())
}

/// Bases' outlines with their names as permanent labels.
pub(crate) fn draw_outlines(
    outlines: &[BaseOutline],
    gcj02: bool,
    lang: Lang,
) -> leaflet::LayerGroup {
    let group = leaflet::LayerGroup::new();
    for outline in outlines {
        let ring = web_sys_array(outline.ring.iter().filter_map(|&(lat, lon)| {
            GeoPoint::new(lat, lon).ok().map(|p| {
                let (lat, lon) = to_map(p, gcj02);
                leaflet::LatLng::new(lat, lon)
            })
        }));
        let options = leaflet::PolylineOptions::new();
        options.set_color("#8a5a2b".into());
        options.set_weight(1.5);
        options.set_fill_color("#e9dcc6".into());
        options.set_fill_opacity(0.35);
        options.set_interactive(false);
        let polygon = leaflet::Polygon::new_with_options(&ring, &options);
        let label = leaflet::TooltipOptions::new();
        label.set_permanent(true);
        label.set_direction("center".into());
        // Leaflet's `className` option, which the binding does not name.
        let _ = js_sys::Reflect::set(&label, &"className".into(), &"base-label".into());
        let layer: leaflet::Layer = polygon.unchecked_into();
        bind_tooltip(&layer, outline.base.label(lang), &label);
        group.add_layer(&layer);
    }
    group
}

/// `L.divIcon(options)`, called by name: leaflet-rs's `DivIcon::new` constructs a plain
/// `L.Icon`, which throws without an image URL.
fn div_icon(options: &leaflet::DivIconOptions) -> Option<leaflet::Icon> {
    let leaflet = js_sys::Reflect::get(&js_sys::global(), &"L".into()).ok()?;
    let factory = js_sys::Reflect::get(&leaflet, &"divIcon".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    factory.call1(&leaflet, options).ok().map(JsCast::unchecked_into)
}

/// Leaflet's `layer.bindTooltip(content, options)`, called by name: leaflet-rs binds the
/// content-and-options form to a method Leaflet does not have (`bindTooltipWithContent`).
pub(crate) fn bind_tooltip(
    layer: &leaflet::Layer,
    content: &str,
    options: &leaflet::TooltipOptions,
) {
    let bind = js_sys::Reflect::get(layer, &"bindTooltip".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(bind) = bind {
        let _ = bind.call2(layer, &wasm_bindgen::JsValue::from_str(content), options);
    }
}

pub(crate) fn web_sys_array(items: impl Iterator<Item = leaflet::LatLng>) -> js_sys::Array {
    items.map(wasm_bindgen::JsValue::from).collect()
}
