//! The travel guide's map: assembly points, bus stops, car parks and stations as coloured
//! circles (kind by colour, name on hover, note in a popup) and the town's bus lines drawn stop
//! to stop, over the bases' outlines. Like the locations map it renders in the browser only,
//! inside a fixed-size box; the page lists the same content for readers without JavaScript.

use domain::travel::{self, Place, PlaceKind};
use domain::{GeoPoint, Lang, MapView};
use leptos::prelude::*;
use leptos::wasm_bindgen::{self, JsCast};
use leptos::web_sys::js_sys;
use leptos_leaflet::leaflet;
use leptos_leaflet::prelude::*;

use crate::components::content_lang;
use crate::components::location_map::{
    ClientOnlyMap, bind_tooltip, map_outlines, popup_options, to_map, web_sys_array,
};
use crate::i18n::*;
use crate::models::{BaseOutline, TileSource};

/// Where the guide's map opens: the town, close enough to tell the sets apart.
const TOWN_ZOOM: u8 = 13;

#[component]
pub fn GuideMap(tiles: TileSource, outlines: Vec<BaseOutline>) -> impl IntoView {
    let i18n = use_i18n();
    let tiles = StoredValue::new(tiles);
    let outlines = StoredValue::new(outlines);
    view! {
        <ClientOnlyMap class="map-box guide-map-box" label=Signal::derive(move || t_string!(i18n, travel_map_label).to_string())>
            <LiveGuideMap tiles=tiles.get_value() outlines=outlines.get_value() />
        </ClientOnlyMap>
    }
}

#[component]
fn LiveGuideMap(tiles: TileSource, outlines: Vec<BaseOutline>) -> impl IntoView {
    let i18n = use_i18n();
    let gcj02 = tiles.gcj02;
    let centre = to_map(MapView::HENGDIAN.centre, gcj02);
    let map = JsRwSignal::<Option<leaflet::Map>>::new_local(None);
    let outlines = StoredValue::new(outlines);
    Effect::new(move |_| {
        let Some(leaflet_map) = map.get() else { return };
        let lang = untrack(|| content_lang(i18n));
        let outline_layer =
            outlines.with_value(|o| map::draw_outlines(&map_outlines(o, lang), gcj02));
        leaflet::Map::add_layer(&leaflet_map, &outline_layer);
        leaflet::Map::add_layer(&leaflet_map, &draw_lines(gcj02, lang));
        leaflet::Map::add_layer(&leaflet_map, &draw_places(gcj02, lang));
    });
    let tile_layer = (!tiles.url.is_empty()).then(|| {
        view! { <TileLayer url=tiles.url.clone() attribution=tiles.attribution.clone() /> }
    });
    view! {
        <MapContainer
            class="map"
            center=Position::new(centre.0, centre.1)
            zoom=f64::from(TOWN_ZOOM)
            map=map.write_only()
        >
            {tile_layer}
        </MapContainer>
    }
}

fn at(place: &Place, gcj02: bool) -> leaflet::LatLng {
    let (lat, lon) =
        GeoPoint::new(place.at.0, place.at.1).map(|p| to_map(p, gcj02)).unwrap_or(place.at);
    leaflet::LatLng::new(lat, lon)
}

/// Every bus line, in its colour, named on hover.
fn draw_lines(gcj02: bool, lang: Lang) -> leaflet::LayerGroup {
    let group = leaflet::LayerGroup::new();
    for line in travel::lines() {
        let path = web_sys_array(line.path().map(|stop| at(stop, gcj02)));
        let options = leaflet::PolylineOptions::new();
        options.set_color(line.colour.into());
        options.set_weight(4.0);
        options.set_opacity(0.8);
        let layer: leaflet::Layer =
            leaflet::Polyline::new_with_options(&path, &options).unchecked_into();
        let name = match lang {
            Lang::Zh => format!("{} 路 · {}", line.code, line.name.get(lang)),
            Lang::En => format!("Line {} · {}", line.code, line.name.get(lang)),
        };
        bind_tooltip(&layer, &name, &leaflet::TooltipOptions::new());
        group.add_layer(&layer);
    }
    group
}

/// Every place in town as a circle in its kind's colour (stations far away are left to the
/// list), with a popup naming it and saying what to know.
fn draw_places(gcj02: bool, lang: Lang) -> leaflet::LayerGroup {
    let group = leaflet::LayerGroup::new();
    let in_town = travel::places().iter().filter(|p| {
        p.kind != PlaceKind::Station || p.point().distance_m(MapView::HENGDIAN.centre) < 10_000.0
    });
    for place in in_town {
        let options = leaflet::PathOptions::new();
        options.set_color("#ffffff".into());
        options.set_weight(2.0);
        options.set_fill_color(place.kind.colour().into());
        options.set_fill_opacity(0.95);
        let radius = if place.kind == PlaceKind::Stop { 6.0 } else { 9.0 };
        let _ = js_sys::Reflect::set(&options, &"radius".into(), &radius.into());
        let marker = leaflet::CircleMarker::new_with_options(&at(place, gcj02), &options);
        let layer: leaflet::Layer = marker.unchecked_into();
        let title = format!("{} · {}", place.kind.label(lang), place.name.get(lang));
        bind_tooltip(&layer, &title, &leaflet::TooltipOptions::new());
        if let Some(popup) = popup_content(place, lang) {
            layer.bind_popup_with_options(&popup, &popup_options());
        }
        group.add_layer(&layer);
    }
    group
}

/// A popup with the place's name, its note and a link to its entry in the list, built as DOM
/// nodes so nothing is parsed as HTML.
fn popup_content(place: &Place, lang: Lang) -> Option<wasm_bindgen::JsValue> {
    let document = leptos::prelude::document();
    let body = document.create_element("div").ok()?;
    let title = document.create_element("strong").ok()?;
    title.set_text_content(Some(place.name.get(lang)));
    body.append_child(&title).ok()?;
    let note = place.note.get(lang);
    if !note.is_empty() {
        let text = document.create_element("p").ok()?;
        text.set_text_content(Some(note));
        body.append_child(&text).ok()?;
    }
    let link = document.create_element("a").ok()?;
    link.set_attribute("href", &format!("#{}", place.id)).ok()?;
    link.set_text_content(Some(lang.pick("在列表中查看", "See in the list")));
    body.append_child(&link).ok()?;
    Some(body.into())
}
