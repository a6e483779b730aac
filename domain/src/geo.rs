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
}
