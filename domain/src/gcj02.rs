//! GCJ-02, the shifted datum of Chinese map tiles, and conversion to and from WGS-84.
//!
//! Map providers licensed in China (AMap, Tencent, Tianditu-style tile servers) draw their tiles
//! in GCJ-02, which moves every point inside China by a few hundred metres along a deliberately
//! irregular function. A set located by GPS (WGS-84) must be shifted into GCJ-02 before it is
//! placed on such tiles, and a pin dropped on them shifted back before it is stored.
//!
//! The forward function is the one published by the eviltransform project
//! (<https://github.com/googollee/eviltransform>), also used by PRCoords and coordtransform:
//! an offset polynomial-and-sine series on the Krasovsky 1940 ellipsoid. It has no closed-form
//! inverse, so [`to_wgs84`] solves `to_gcj02(w) = g` by fixed-point iteration, to far better than
//! the required half metre.
//!
//! Which points are shifted: those inside the rectangle 72.004–137.8347° E, 0.8293–55.8271° N,
//! the test eviltransform and PRCoords use. It is wider than mainland China (it takes in Taiwan,
//! Hong Kong, Korea, parts of Japan and South-East Asia), which does not matter for Backlot: its
//! places are all deep inside mainland China. The `coordtransform` crate (0.4) has a tighter,
//! OpenStreetMap-derived mask, but it ships ODbL data that would need attribution in the browser
//! bundle; this module is a few dozen lines with no dependency.

use serde::{Deserialize, Serialize};

use crate::GeoPoint;
use crate::geo::GeoError;

/// Semi-major axis of the Krasovsky 1940 ellipsoid, metres.
const KRASOVSKY_A: f64 = 6_378_245.0;
/// First eccentricity squared of the Krasovsky 1940 ellipsoid.
const KRASOVSKY_EE: f64 = 0.006_693_421_622_965_943;
/// Stop iterating once a step moves the point less than this (about 0.1 mm).
const INVERSE_TOLERANCE_DEG: f64 = 1e-9;
/// The iteration contracts by a factor of about 100 per step; 10 steps are never needed.
const INVERSE_MAX_STEPS: usize = 10;

/// A position in GCJ-02: the latitude and longitude a Chinese map tile shows for a place.
/// Kept apart from [`GeoPoint`] so the two datums cannot be mixed up; same ranges.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Gcj02Point(GeoPoint);

impl Gcj02Point {
    /// A GCJ-02 position, such as one read off a Chinese map; same ranges as [`GeoPoint::new`].
    pub fn new(lat: f64, lon: f64) -> Result<Gcj02Point, GeoError> {
        GeoPoint::new(lat, lon).map(Gcj02Point)
    }

    pub fn lat(self) -> f64 {
        self.0.lat()
    }

    pub fn lon(self) -> f64 {
        self.0.lon()
    }
}

/// Whether GCJ-02 shifts this point at all (see the module docs for the area).
pub fn is_shifted(point: GeoPoint) -> bool {
    in_shifted_area(point.lat(), point.lon())
}

/// The GCJ-02 position of a WGS-84 point; points outside the shifted area keep their numbers.
pub fn to_gcj02(point: GeoPoint) -> Gcj02Point {
    let (lat, lon) = (point.lat(), point.lon());
    if !in_shifted_area(lat, lon) {
        return Gcj02Point(point);
    }
    let (d_lat, d_lon) = shift(lat, lon);
    // Inside the shifted area the shift is under 0.01°, so the result is always in range.
    Gcj02Point::new(lat + d_lat, lon + d_lon).unwrap_or(Gcj02Point(point))
}

/// The WGS-84 position whose GCJ-02 position is `point`, to better than a millimetre; points
/// outside the shifted area keep their numbers.
pub fn to_wgs84(point: Gcj02Point) -> GeoPoint {
    let (lat, lon) = (point.lat(), point.lon());
    if !in_shifted_area(lat, lon) {
        return point.0;
    }
    // Solve w = g − shift(w): the shift changes by under 1 % of a step between neighbouring
    // points, so each pass shrinks the error about a hundredfold.
    let (mut w_lat, mut w_lon) = (lat, lon);
    for _ in 0..INVERSE_MAX_STEPS {
        let (d_lat, d_lon) = shift(w_lat, w_lon);
        let (next_lat, next_lon) = (lat - d_lat, lon - d_lon);
        let moved = (next_lat - w_lat).abs().max((next_lon - w_lon).abs());
        (w_lat, w_lon) = (next_lat, next_lon);
        if moved < INVERSE_TOLERANCE_DEG {
            break;
        }
    }
    // As in `to_gcj02`, always in range.
    GeoPoint::new(w_lat, w_lon).unwrap_or(point.0)
}

fn in_shifted_area(lat: f64, lon: f64) -> bool {
    (72.004..=137.8347).contains(&lon) && (0.8293..=55.8271).contains(&lat)
}

/// GCJ-02 minus WGS-84 at a WGS-84 point, in degrees of (latitude, longitude).
fn shift(lat: f64, lon: f64) -> (f64, f64) {
    let (metres_lat, metres_lon) = offset_metres(lon - 105.0, lat - 35.0);
    let rad_lat = lat.to_radians();
    let magic = 1.0 - KRASOVSKY_EE * rad_lat.sin().powi(2);
    let sqrt_magic = magic.sqrt();
    let d_lat = (metres_lat * 180.0)
        / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * std::f64::consts::PI);
    let d_lon =
        (metres_lon * 180.0) / (KRASOVSKY_A / sqrt_magic * rad_lat.cos() * std::f64::consts::PI);
    (d_lat, d_lon)
}

/// The published offset series, in metres north and east, around 105° E 35° N.
fn offset_metres(x: f64, y: f64) -> (f64, f64) {
    use std::f64::consts::PI;
    let common = 20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin();
    let north = -100.0
        + 2.0 * x
        + 3.0 * y
        + 0.2 * y * y
        + 0.1 * x * y
        + 0.2 * x.abs().sqrt()
        + (common
            + 20.0 * (y * PI).sin()
            + 40.0 * (y / 3.0 * PI).sin()
            + 160.0 * (y / 12.0 * PI).sin()
            + 320.0 * (y / 30.0 * PI).sin())
            * 2.0
            / 3.0;
    let east = 300.0
        + x
        + 2.0 * y
        + 0.1 * x * x
        + 0.1 * x * y
        + 0.1 * x.abs().sqrt()
        + (common
            + 20.0 * (x * PI).sin()
            + 40.0 * (x / 3.0 * PI).sin()
            + 150.0 * (x / 12.0 * PI).sin()
            + 300.0 * (x / 30.0 * PI).sin())
            * 2.0
            / 3.0;
    (north, east)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::HENGDIAN_CENTRE;

    fn wgs(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(lat, lon).unwrap()
    }

    fn gcj(lat: f64, lon: f64) -> Gcj02Point {
        Gcj02Point::new(lat, lon).unwrap()
    }

    fn metres_between(a: GeoPoint, b: GeoPoint) -> f64 {
        a.distance_m(b)
    }

    // (WGS-84 lat, lon, GCJ-02 lat, lon). The first three are the eviltransform test suite's
    // pairs (googollee/eviltransform, go/transform_test.go: Shanghai, Shenzhen, Beijing); the
    // last is the coordtransform test suite's pair (wyxloading/coordtransform-rs,
    // tests/tests.rs, after wandergis/coordtransform).
    const REFERENCE_PAIRS: [(f64, f64, f64, f64); 4] = [
        (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
        (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
        (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
        (39.915, 116.404, 39.91640428150164, 116.41024449916938),
    ];

    #[test]
    fn forward_matches_published_pairs() {
        for (w_lat, w_lon, g_lat, g_lon) in REFERENCE_PAIRS {
            let shifted = to_gcj02(wgs(w_lat, w_lon));
            assert!((shifted.lat() - g_lat).abs() < 1e-9, "{shifted:?}");
            assert!((shifted.lon() - g_lon).abs() < 1e-9, "{shifted:?}");
        }
    }

    #[test]
    fn inverse_recovers_published_pairs_within_half_a_metre() {
        for (w_lat, w_lon, g_lat, g_lon) in REFERENCE_PAIRS {
            let back = to_wgs84(gcj(g_lat, g_lon));
            assert!(metres_between(back, wgs(w_lat, w_lon)) < 0.5, "{back:?}");
        }
    }

    #[test]
    fn round_trip_across_china_stays_under_a_millimetre() {
        for lat in (19..=53).step_by(2) {
            for lon in (74..=134).step_by(3) {
                let original = wgs(f64::from(lat) + 0.123, f64::from(lon) + 0.456);
                let back = to_wgs84(to_gcj02(original));
                assert!(metres_between(original, back) < 0.001, "{original:?} -> {back:?}");
            }
        }
    }

    #[test]
    fn hengdian_moves_by_a_few_hundred_metres() {
        let shifted = to_gcj02(HENGDIAN_CENTRE);
        let as_if_wgs = wgs(shifted.lat(), shifted.lon());
        let moved = metres_between(HENGDIAN_CENTRE, as_if_wgs);
        assert!((100.0..1000.0).contains(&moved), "{moved} m");
        assert!(is_shifted(HENGDIAN_CENTRE));
        assert!(metres_between(to_wgs84(shifted), HENGDIAN_CENTRE) < 0.001);
    }

    #[test]
    fn points_outside_china_are_left_alone() {
        for (lat, lon) in [(51.5074, -0.1278), (-33.8688, 151.2093), (60.0, 100.0), (0.5, 110.0)] {
            let point = wgs(lat, lon);
            assert!(!is_shifted(point));
            let shifted = to_gcj02(point);
            assert_eq!((shifted.lat(), shifted.lon()), (lat, lon));
            assert_eq!(to_wgs84(gcj(lat, lon)), point);
        }
    }

    #[test]
    fn gcj02_points_are_validated_like_wgs84_points() {
        assert_eq!(Gcj02Point::new(90.5, 0.0), Err(GeoError::LatitudeOutOfRange));
        assert_eq!(Gcj02Point::new(0.0, 181.0), Err(GeoError::LongitudeOutOfRange));
    }
}
