//! Positions on the earth (WGS-84) and distances between them.

use serde::{Deserialize, Serialize};

/// A WGS-84 position; latitude in [-90, 90] and longitude in [-180, 180] by construction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    lat: f64,
    lon: f64,
}

/// Why a pair of numbers is not a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GeoError {
    LatitudeOutOfRange,
    LongitudeOutOfRange,
}

/// Hengdian World Studios' centre (the town's main crossroads), the reference for distances.
pub const HENGDIAN_CENTRE: GeoPoint = GeoPoint { lat: 29.1614, lon: 120.3120 };

impl GeoPoint {
    pub fn new(lat: f64, lon: f64) -> Result<GeoPoint, GeoError> {
        if !(-90.0..=90.0).contains(&lat) {
            return Err(GeoError::LatitudeOutOfRange);
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(GeoError::LongitudeOutOfRange);
        }
        Ok(GeoPoint { lat, lon })
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }

    /// Great-circle distance in metres (haversine on a sphere of the mean earth radius,
    /// within 0.5 % of the ellipsoidal distance — enough to tell crews how far a set is).
    pub fn distance_m(self, other: GeoPoint) -> f64 {
        const EARTH_RADIUS_M: f64 = 6_371_008.8;
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().asin()
    }
}

/// What a map shows: its centre (WGS-84) and zoom. Kept in the URL (`lat`, `lng`, `z`) so a
/// shared link opens the same view.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    pub centre: GeoPoint,
    /// Leaflet zoom, 1 to 19.
    pub zoom: u8,
}

impl MapView {
    pub const MIN_ZOOM: u8 = 1;
    pub const MAX_ZOOM: u8 = 19;

    /// The studio town at street-overview zoom, where maps open by default.
    pub const HENGDIAN: MapView = MapView { centre: HENGDIAN_CENTRE, zoom: 12 };

    /// Reads `lat`, `lng` and `z` from URL pairs; `None` unless all three are present and valid
    /// (a half-edited link falls back to the default view rather than a strange one).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<MapView> {
        let (mut lat, mut lon, mut zoom) = (None, None, None);
        for (key, value) in pairs {
            match key {
                "lat" => lat = value.trim().parse::<f64>().ok(),
                "lng" => lon = value.trim().parse::<f64>().ok(),
                "z" => zoom = value.trim().parse::<u8>().ok(),
                _ => {}
            }
        }
        let centre = GeoPoint::new(lat?, lon?).ok()?;
        let zoom = zoom.filter(|z| (MapView::MIN_ZOOM..=MapView::MAX_ZOOM).contains(z))?;
        Some(MapView { centre, zoom })
    }

    /// The URL pairs, the centre to 5 decimals (about a metre).
    pub fn to_pairs(self) -> [(&'static str, String); 3] {
        [
            ("lat", format!("{:.5}", self.centre.lat)),
            ("lng", format!("{:.5}", self.centre.lon)),
            ("z", self.zoom.to_string()),
        ]
    }

    /// A view from a map's reported centre and (possibly fractional) zoom, clamped to range.
    pub fn from_map(lat: f64, lon: f64, zoom: f64) -> Option<MapView> {
        let centre = GeoPoint::new(lat, lon).ok()?;
        let zoom = if zoom.is_finite() { zoom.round().clamp(1.0, 19.0) as u8 } else { 12 };
        Some(MapView { centre, zoom })
    }
}

/// A closed outline around `points` (latitude, longitude), each point widened to an octagon
/// of `pad_deg` degrees so that one point or a line of points still gives an area: the convex
/// hull (Andrew's monotone chain), counter-clockwise, first point not repeated. Empty for no
/// points; non-finite points are skipped.
pub fn outline(points: &[(f64, f64)], pad_deg: f64) -> Vec<(f64, f64)> {
    let pad = if pad_deg.is_finite() { pad_deg.abs() } else { 0.0 };
    let mut all: Vec<(f64, f64)> = points
        .iter()
        .filter(|(lat, lon)| lat.is_finite() && lon.is_finite())
        .flat_map(|&(lat, lon)| {
            (0..8).map(move |k| {
                let angle = std::f64::consts::FRAC_PI_4 * f64::from(k);
                (lat + pad * angle.sin(), lon + pad * angle.cos())
            })
        })
        .collect();
    // Sort by longitude (x), then latitude (y).
    all.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)));
    all.dedup();
    if all.len() < 3 {
        return all;
    }
    // Cross product of (a→b) × (a→c) with x = longitude, y = latitude.
    let cross = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| {
        (b.1 - a.1) * (c.0 - a.0) - (b.0 - a.0) * (c.1 - a.1)
    };
    let mut hull: Vec<(f64, f64)> = Vec::with_capacity(all.len() * 2);
    for pass in [all.clone(), all.iter().rev().copied().collect()] {
        let start = hull.len();
        for p in pass {
            while hull.len() >= start + 2
                && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_coordinates_are_refused() {
        assert_eq!(GeoPoint::new(91.0, 0.0), Err(GeoError::LatitudeOutOfRange));
        assert_eq!(GeoPoint::new(0.0, -180.5), Err(GeoError::LongitudeOutOfRange));
        assert!(GeoPoint::new(29.16, 120.31).is_ok());
    }

    #[test]
    fn distance_matches_a_known_pair_of_cities() {
        // Hangzhou to Shanghai (city centres): about 165 km as the crow flies.
        let hangzhou = GeoPoint::new(30.2741, 120.1551).unwrap();
        let shanghai = GeoPoint::new(31.2304, 121.4737).unwrap();
        let d = hangzhou.distance_m(shanghai);
        assert!((160_000.0..170_000.0).contains(&d), "{d}");
        assert_eq!(hangzhou.distance_m(hangzhou), 0.0);
    }

    #[test]
    fn a_map_view_round_trips_through_the_url_and_refuses_half_links() {
        let view =
            MapView::from_pairs([("lat", "29.16141"), ("lng", "120.31204"), ("z", "15")]).unwrap();
        assert_eq!(view.zoom, 15);
        let pairs = view.to_pairs();
        assert_eq!(pairs[0], ("lat", "29.16141".to_string()));
        let again = MapView::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        assert_eq!(again, view);
        assert_eq!(MapView::from_pairs([("lat", "29.1"), ("lng", "120.3")]), None);
        assert_eq!(MapView::from_pairs([("lat", "91"), ("lng", "120.3"), ("z", "3")]), None);
        assert_eq!(MapView::from_pairs([("lat", "29"), ("lng", "120"), ("z", "40")]), None);
        assert_eq!(MapView::from_map(29.0, 120.0, 14.6).unwrap().zoom, 15);
        assert_eq!(MapView::from_map(29.0, 120.0, 25.0).unwrap().zoom, 19);
    }

    #[test]
    fn an_outline_contains_every_point_with_its_padding() {
        let points = [(29.10, 120.20), (29.20, 120.30), (29.15, 120.40), (29.16, 120.25)];
        let ring = outline(&points, 0.01);
        assert!(ring.len() >= 8);
        // Every padded point is inside or on the ring: all cross products have one sign.
        let inside = |p: (f64, f64)| {
            ring.iter()
                .zip(ring.iter().cycle().skip(1))
                .all(|(a, b)| (b.1 - a.1) * (p.0 - a.0) - (b.0 - a.0) * (p.1 - a.1) >= -1e-12)
        };
        for (lat, lon) in points {
            assert!(inside((lat, lon)));
            assert!(inside((lat + 0.0099, lon)) && inside((lat, lon - 0.0099)));
        }
        assert!(!inside((29.30, 120.30)));
        // One point still gives an area; nothing gives nothing.
        assert_eq!(outline(&[(29.0, 120.0)], 0.01).len(), 8);
        assert!(outline(&[], 0.01).is_empty());
        assert!(outline(&[(f64::NAN, 120.0)], 0.01).is_empty());
    }
}
