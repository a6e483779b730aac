//! The map of `/locations` when the page comes from the server: that page loads no app bundle
//! (`app::bundle`, the locations area is among the pages without script once this island is
//! built), and the loader in the head fetches this small module instead, once the page is idle.
//! It reads the map's data from the page (`map::LocationsMap`, written by the server beside the
//! map's box), draws the map as the app's page does (`map::draw_locations`), and keeps the
//! page's address and the filter form's hidden fields on the map's view, so a reload or a new
//! filter keeps the view. Everything else on the page is links and a GET form.
//!
//! Reached by a link from a page that has hydrated, `/locations` is drawn by the router and its
//! map by the app's own component (`app::components::location_map`), with the same drawing.

use domain::MapView;
use map::{LocationsMap, leaflet, to_map};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Runs when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(text) =
        document.get_element_by_id(LocationsMap::ELEMENT_ID).and_then(|e| e.text_content())
    else {
        return;
    };
    let Ok(data) = LocationsMap::from_script_text(&text) else { return };
    let Ok(Some(region)) = document.query_selector(".map-box") else { return };
    map::with_leaflet(move || show(&document, &region, data));
}

/// Replaces the box's placeholder with the live map and marks the box `data-hydrated="true"`,
/// as the app's map does.
fn show(document: &web_sys::Document, region: &web_sys::Element, data: LocationsMap) {
    let Ok(element) = document.create_element("div") else { return };
    element.set_class_name("map");
    region.replace_children_with_node_1(&element);
    let (lat, lon) = to_map(data.view.centre, data.tiles.gcj02);
    let options = leaflet::MapOptions::new();
    options.set_center(leaflet::LatLng::new(lat, lon));
    options.set_zoom(f64::from(data.view.zoom));
    let Ok(live) = leaflet::Map::new_with_element(element.unchecked_ref(), &options) else {
        return;
    };
    if !data.tiles.url.is_empty() {
        let tiles = leaflet::TileLayerOptions::default();
        if !data.tiles.attribution.is_empty() {
            tiles.set_attribution(data.tiles.attribution.clone());
        }
        tiles.set_max_zoom(18.0);
        leaflet::TileLayer::new_options(&data.tiles.url, &tiles).add_to(&live);
    }
    map::draw_locations(&live, &data.pins, &data.outlines, data.tiles.gcj02, data.lang, follow);
    _ = region.set_attribute("data-hydrated", "true");
}

/// Keeps the address (replaced in place: no new history entry) and the filter form's hidden
/// fields on the map's view.
fn follow(view: MapView) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    if let Ok(params) =
        web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
    {
        for (name, value) in view.to_pairs() {
            params.set(name, &value);
        }
        let address = format!(
            "{}?{}",
            location.pathname().unwrap_or_default(),
            String::from(params.to_string())
        );
        if let Ok(history) = window.history() {
            _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
        }
    }
    let Some(document) = window.document() else { return };
    let Ok(Some(form)) = document.query_selector("form.location-filters") else { return };
    for (name, value) in view.to_pairs() {
        let selector = format!("input[type=hidden][name=\"{name}\"]");
        let field = match form.query_selector(&selector) {
            Ok(Some(field)) => field,
            _ => {
                let Ok(field) = document.create_element("input") else { continue };
                _ = field.set_attribute("type", "hidden");
                _ = field.set_attribute("name", name);
                _ = form.append_child(&field);
                field
            }
        };
        if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(&value);
        }
    }
}
