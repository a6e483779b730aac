//! What a locations map draws, as the server hands it to the map island: the page's HTML carries
//! it as JSON in a `<script type="application/json">` element (`LocationsMap::ELEMENT_ID`).

use domain::{Lang, MapView};
use serde::{Deserialize, Serialize};

/// Where map tiles come from; an empty `url` means the offline base only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TileSource {
    pub url: String,
    pub attribution: String,
    /// The tiles are drawn in GCJ-02 (Chinese providers): markers are shifted on the way to
    /// the map; stored coordinates stay WGS-84.
    pub gcj02: bool,
}

/// A location as a marker: WGS-84 position, name in the page's language, page address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapPin {
    pub slug: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// A base's outline (WGS-84 latitude, longitude) and its name in the page's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outline {
    pub label: String,
    pub ring: Vec<(f64, f64)>,
}

/// Everything the locations map shows, in the page's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationsMap {
    pub lang: Lang,
    /// Where the map opens.
    pub view: MapView,
    pub tiles: TileSource,
    pub outlines: Vec<Outline>,
    pub pins: Vec<MapPin>,
}

impl LocationsMap {
    /// The id of the script element that carries the map's data in the page.
    pub const ELEMENT_ID: &'static str = "locations-map-data";

    /// The data as the text of a script element: JSON in which `<`, `>` and `&` are written as
    /// `\u` escapes (they can only occur inside strings), so no name can close the element or be
    /// read as markup, whatever escaping the page's renderer applies to its text.
    pub fn to_script_text(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_else(|_| "null".into());
        json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
    }

    /// Reads what [`LocationsMap::to_script_text`] wrote.
    pub fn from_script_text(text: &str) -> Result<LocationsMap, serde_json::Error> {
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_close_the_script_element_and_come_back_unchanged() {
        let map = LocationsMap {
            lang: Lang::En,
            view: MapView::HENGDIAN,
            tiles: TileSource {
                url: String::new(),
                attribution: "&copy; tiles".into(),
                gcj02: true,
            },
            outlines: vec![Outline {
                label: "Hengdian".into(),
                ring: vec![(29.1, 120.3), (29.2, 120.4)],
            }],
            pins: vec![MapPin {
                slug: "qin-palace".into(),
                name: "</script><b>Qin & Han</b>".into(),
                lat: 29.16,
                lon: 120.31,
            }],
        };
        let text = map.to_script_text();
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        assert_eq!(LocationsMap::from_script_text(&text).expect("reads back"), map);
    }
}
