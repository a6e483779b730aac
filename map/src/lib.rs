//! Backlot's Leaflet maps: the drawing shared by the app's pages (rendered by Leptos, through
//! `leptos-leaflet`) and the locations map island (`map-island`: the map of `/locations` loaded
//! from the server, a page without the app's bundle), and the data the island is given.
//!
//! Markers are drawn imperatively from `domain::cluster`: after every move or zoom only the
//! markers of the visible area are rebuilt, so the map stays smooth with tens of thousands of
//! locations (a DOM marker per location would not). Bases' outlines are drawn under them as an
//! offline base layer, so the map keeps its meaning when no tile server is reachable.
//!
//! Everything here runs in the browser only; it compiles for the server too, which renders the
//! maps' boxes and writes the island's data.

pub mod data;

use std::cell::Cell;
use std::rc::Rc;

use domain::cluster::{ClusterIndex, ClusterOptions, MapMarker};
use domain::gcj02::{Gcj02Point, to_gcj02, to_wgs84};
use domain::{GeoPoint, Lang, MapView};
use leaflet::MouseEvents as _;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

pub use data::{LocationsMap, MapPin, Outline, TileSource};
pub use leaflet;

const LEAFLET_JS: &str = "/leaflet/leaflet.js";
const LEAFLET_CSS: &str = "/leaflet/leaflet.css";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Runs `ready` once Leaflet's script has run and its stylesheet applies (its marker icons find
/// their images through it): at once if both have, otherwise after adding them to the page
/// (once, however many maps ask). Leaflet is asked for only when a map is shown, not preloaded
/// from the head: it must not hold back the page's first paint.
pub fn with_leaflet(ready: impl FnOnce() + 'static) {
    let Some(document) = document() else { return };
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
        document.head()?.append_child(&element).ok()?;
        Some(element)
    };
    let css = add("link", "leaflet-css", &[("rel", "stylesheet"), ("href", LEAFLET_CSS)]);
    let script = add("script", "leaflet-js", &[("src", LEAFLET_JS)]);
    let ready = Rc::new(Cell::new(Some(ready)));
    for element in [css, script].into_iter().flatten() {
        let ready = ready.clone();
        let loaded = loaded.clone();
        let on_load = Closure::<dyn FnMut()>::new(move || {
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

/// Draws the bases' outlines and the pins' clustered markers on `map`; after every move or zoom
/// redraws the visible area's markers and calls `on_move` with the map's new view.
pub fn draw_locations(
    map: &leaflet::Map,
    pins: &[MapPin],
    outlines: &[Outline],
    gcj02: bool,
    lang: Lang,
    on_move: impl Fn(MapView) + 'static,
) {
    map.add_layer(&draw_outlines(outlines, gcj02));
    timing::mark(timing::PINS);
    let markers = Markers::new(pins, gcj02, lang);
    timing::measure(timing::CLUSTER, timing::PINS);
    let layer = leaflet::LayerGroup::new();
    map.add_layer(&layer);
    markers.draw(map, &layer);
    timing::measure(timing::MARKERS, timing::PINS);
    let shown = Closure::once_into_js(|| timing::measure(timing::SHOWN, timing::PINS));
    if let Some(window) = web_sys::window() {
        _ = window.request_animation_frame(shown.unchecked_ref());
    }
    let moved_map = map.clone();
    // A popup being open pans the map (to fit it on screen): keep its marker, redrawing only
    // when the zoom changes, until the popup closes.
    let popup_open = Rc::new(Cell::new(false));
    let drawn_zoom = Rc::new(Cell::new(map.get_zoom()));
    for (event, open) in [("popupopen", true), ("popupclose", false)] {
        let flag = popup_open.clone();
        let track = Closure::<dyn Fn(JsValue)>::new(move |_| flag.set(open));
        map.unchecked_ref::<leaflet::Evented>().on(event, &track.into_js_value());
    }
    let on_moveend = Closure::<dyn Fn(JsValue)>::new(move |_| {
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
            on_move(view);
        }
    });
    map.unchecked_ref::<leaflet::Evented>().on("moveend", &on_moveend.into_js_value());
}

/// How long the map's work takes, left in the browser's Performance timeline as User Timing
/// measures (`performance.getEntriesByType("measure")`; `scripts/bench-map` reads them).
pub mod timing {
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
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            _ = performance.mark(name);
        }
    }

    pub fn measure(name: &str, since: &str) {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            _ = performance.measure_with_start_mark(name, since);
        }
    }
}

/// A WGS-84 point where the map's tiles draw it.
pub fn to_map(point: GeoPoint, gcj02: bool) -> (f64, f64) {
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
    /// Per pin id (its position in the list): name and slug.
    pins: Vec<(String, String)>,
    lang: Lang,
}

impl Markers {
    fn new(pins: &[MapPin], gcj02: bool, lang: Lang) -> Markers {
        let points: Vec<(u32, f64, f64)> = pins
            .iter()
            .enumerate()
            .map(|(id, pin)| {
                let (lat, lon) = GeoPoint::new(pin.lat, pin.lon)
                    .map(|p| to_map(p, gcj02))
                    .unwrap_or((pin.lat, pin.lon));
                (id as u32, lat, lon)
            })
            .collect();
        Markers {
            index: ClusterIndex::new(&points, ClusterOptions::default()),
            pins: pins.iter().map(|pin| (pin.name.clone(), pin.slug.clone())).collect(),
            lang,
        }
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
                    Some((name, slug)) => self.point(lat, lon, name, slug),
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

/// Popups pan the map to stay clear of the zoom buttons in the top-left corner (on a phone a
/// popup would otherwise open under them).
pub fn popup_options() -> JsValue {
    let options = js_sys::Object::new();
    let padding: js_sys::Array = [56, 16].iter().map(|&px| JsValue::from(px)).collect();
    let _ = js_sys::Reflect::set(&options, &"autoPanPaddingTopLeft".into(), &padding);
    options.into()
}

/// A popup with the location's name and a link to its page, built as DOM nodes so names are
/// never parsed as HTML.
fn popup_content(name: &str, slug: &str, lang: Lang) -> Option<JsValue> {
    let document = document()?;
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
pub fn draw_outlines(outlines: &[Outline], gcj02: bool) -> leaflet::LayerGroup {
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
        bind_tooltip(&layer, &outline.label, &label);
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
pub fn bind_tooltip(layer: &leaflet::Layer, content: &str, options: &leaflet::TooltipOptions) {
    let bind = js_sys::Reflect::get(layer, &"bindTooltip".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(bind) = bind {
        let _ = bind.call2(layer, &JsValue::from_str(content), options);
    }
}

pub fn web_sys_array(items: impl Iterator<Item = leaflet::LatLng>) -> js_sys::Array {
    items.map(JsValue::from).collect()
}
