//! The sun at a place: sunrise, sunset, solar noon, golden hours and the sun's direction.
//!
//! Crews plan exterior shots around the light, so the set pages show when the sun rises and
//! sets, when the light is golden and where the sun stands hour by hour.
//!
//! The equations are those of the NOAA Global Monitoring Laboratory's solar calculator
//! ("Solar Calculation Details", <https://gml.noaa.gov/grad/solcalc/calcdetails.html>, and its
//! spreadsheet `NOAA_Solar_Calculations_day.xls`), which follow Jean Meeus, *Astronomical
//! Algorithms* (1991). NOAA gives them as good to about a minute for sunrise and sunset between
//! 72° N and 72° S, which is far better than a crew needs. The sun's declination and the equation
//! of time are re-evaluated at each event's own instant, as NOAA's calculator does, rather than
//! once per day.
//!
//! Hand-written rather than taken from crates.io: `sunrise` 3 needs `chrono` and gives no
//! azimuth; `spa` needs `chrono`; `sun` 0.3 (a suncalc port) returns a time of 1970 instead of
//! "none" when the sun does not rise. NOAA's equations fit in one screen of code and add no
//! dependency to the browser bundle.
//!
//! Definitions used throughout:
//! - *Sunrise* and *sunset*: the sun's upper edge on a flat, sea-level horizon, i.e. its centre
//!   0.833° below it (standard refraction plus the sun's radius). Hills make the visible sunrise
//!   later, which no formula here can know.
//! - *Golden hour*: the sun's centre between −4° and +6° of elevation, the common
//!   photographers' definition ([`GOLDEN_HOUR_LOW_DEG`], [`GOLDEN_HOUR_HIGH_DEG`]). Like the
//!   sunrise threshold these are geometric elevations; refraction would move the window's ends by
//!   under a minute.
//! - *Azimuth*: degrees clockwise from true north (90° east, 180° south).

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime, UtcOffset};

use crate::GeoPoint;

/// Geometric elevation of the sun's centre at sunrise and sunset, in degrees.
pub const SUNRISE_ELEVATION_DEG: f64 = -0.833;
/// Lower edge of the golden hour: the sun's centre 4° below the horizon.
pub const GOLDEN_HOUR_LOW_DEG: f64 = -4.0;
/// Upper edge of the golden hour: the sun's centre 6° above the horizon.
pub const GOLDEN_HOUR_HIGH_DEG: f64 = 6.0;

const MINUTES_PER_DAY: f64 = 1440.0;
/// Passes that re-evaluate the sun at an event's own instant; two already agree to the second.
const REFINEMENTS: usize = 3;

/// Where the sun stands, seen from a place at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SunPosition {
    azimuth_deg: f64,
    elevation_deg: f64,
}

impl SunPosition {
    /// Compass direction of the sun in degrees clockwise from true north, in [0, 360).
    pub fn azimuth_deg(self) -> f64 {
        self.azimuth_deg
    }

    /// Apparent elevation above the horizon in degrees, corrected for atmospheric refraction
    /// (what an observer sees, and what NOAA's calculator shows); negative below the horizon.
    pub fn elevation_deg(self) -> f64 {
        self.elevation_deg
    }
}

/// A stretch of time; `start` is never after `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeSpan {
    start: OffsetDateTime,
    end: OffsetDateTime,
}

impl TimeSpan {
    pub fn start(self) -> OffsetDateTime {
        self.start
    }

    pub fn end(self) -> OffsetDateTime {
        self.end
    }

    /// The span from `start` to `end`, or `None` when it would be empty.
    fn between(start: OffsetDateTime, end: OffsetDateTime) -> Option<TimeSpan> {
        (start < end).then_some(TimeSpan { start, end })
    }
}

/// Whether the sun crosses the horizon on a day: near the poles it may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Horizon {
    RisesAndSets {
        sunrise: OffsetDateTime,
        sunset: OffsetDateTime,
    },
    /// Midnight sun: the sun stays above the horizon all day.
    UpAllDay,
    /// Polar night: the sun stays below the horizon all day.
    DownAllDay,
}

/// The sun's timetable for one calendar day at one place, in the caller's UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SolarDay {
    solar_noon: OffsetDateTime,
    horizon: Horizon,
    morning_golden_hour: Option<TimeSpan>,
    evening_golden_hour: Option<TimeSpan>,
}

impl SolarDay {
    /// When the sun crosses the meridian and stands highest.
    pub fn solar_noon(self) -> OffsetDateTime {
        self.solar_noon
    }

    pub fn horizon(self) -> Horizon {
        self.horizon
    }

    /// `None` on days of midnight sun or polar night.
    pub fn sunrise(self) -> Option<OffsetDateTime> {
        match self.horizon {
            Horizon::RisesAndSets { sunrise, .. } => Some(sunrise),
            Horizon::UpAllDay | Horizon::DownAllDay => None,
        }
    }

    /// `None` on days of midnight sun or polar night.
    pub fn sunset(self) -> Option<OffsetDateTime> {
        match self.horizon {
            Horizon::RisesAndSets { sunset, .. } => Some(sunset),
            Horizon::UpAllDay | Horizon::DownAllDay => None,
        }
    }

    /// While the rising sun is between −4° and +6°. Where the sun never sinks below −4° the
    /// window starts at the previous solar midnight; where it never climbs above +6° it ends at
    /// solar noon; `None` when the rising sun never passes through that band.
    pub fn morning_golden_hour(self) -> Option<TimeSpan> {
        self.morning_golden_hour
    }

    /// While the setting sun is between +6° and −4°, clipped like the morning window (at solar
    /// noon and the next solar midnight); `None` when the setting sun never passes through it.
    pub fn evening_golden_hour(self) -> Option<TimeSpan> {
        self.evening_golden_hour
    }
}

/// The sun's direction from `place` at the instant `at` (any offset).
pub fn sun_position(place: GeoPoint, at: OffsetDateTime) -> SunPosition {
    let sun = Sun::at(at);
    let utc_minutes = (unix_seconds(at) / 60.0).rem_euclid(MINUTES_PER_DAY);
    let true_solar_minutes =
        (utc_minutes + sun.equation_of_time_min + 4.0 * place.lon()).rem_euclid(MINUTES_PER_DAY);
    let hour_angle = (true_solar_minutes / 4.0 - 180.0).to_radians();
    let (lat, decl) = (place.lat().to_radians(), sun.declination_rad);

    let cos_zenith =
        (lat.sin() * decl.sin() + lat.cos() * decl.cos() * hour_angle.cos()).clamp(-1.0, 1.0);
    let elevation_deg = 90.0 - cos_zenith.acos().to_degrees();
    // atan2 form of NOAA's azimuth: it needs no special case at the zenith or the poles.
    let azimuth =
        hour_angle.sin().atan2(hour_angle.cos() * lat.sin() - decl.tan() * lat.cos()).to_degrees()
            + 180.0;

    SunPosition {
        azimuth_deg: azimuth.rem_euclid(360.0),
        elevation_deg: elevation_deg + refraction_deg(elevation_deg),
    }
}

/// The sun's position every `step` through `date` at `offset`, from local midnight up to (not
/// including) the next one: with `Duration::HOUR`, the 24 points a sun-path drawing needs.
/// Steps shorter than a minute are taken as a minute.
pub fn sun_path(
    place: GeoPoint,
    date: Date,
    offset: UtcOffset,
    step: Duration,
) -> Vec<(OffsetDateTime, SunPosition)> {
    let step = step.max(Duration::MINUTE);
    let start = local_midnight(date, offset);
    let end = start.saturating_add(Duration::DAY);
    std::iter::successors(Some(start), |at| Some(at.saturating_add(step)).filter(|next| next > at))
        .take_while(|at| *at < end)
        .map(|at| (at, sun_position(place, at)))
        .collect()
}

/// Sunrise, sunset, solar noon and golden hours at `place` on `date`, as times at `offset`
/// (for the studio, [`crate::STUDIO_OFFSET`]). The day is the one whose solar noon falls on
/// `date` at that offset.
pub fn solar_day(place: GeoPoint, date: Date, offset: UtcOffset) -> SolarDay {
    let noon = solar_noon(place, date, offset);
    let noon_sun = Sun::at(noon);
    let horizon = match hour_angle_deg(place.lat(), noon_sun.declination_rad, SUNRISE_ELEVATION_DEG)
    {
        HourAngle::Crosses(_) => Horizon::RisesAndSets {
            sunrise: crossing(place, noon, SUNRISE_ELEVATION_DEG, Half::Rising),
            sunset: crossing(place, noon, SUNRISE_ELEVATION_DEG, Half::Setting),
        },
        HourAngle::AlwaysAbove => Horizon::UpAllDay,
        HourAngle::AlwaysBelow => Horizon::DownAllDay,
    };
    let golden = |half| {
        let low = crossing(place, noon, GOLDEN_HOUR_LOW_DEG, half);
        let high = crossing(place, noon, GOLDEN_HOUR_HIGH_DEG, half);
        match half {
            Half::Rising => TimeSpan::between(low, high),
            Half::Setting => TimeSpan::between(high, low),
        }
    };
    SolarDay {
        solar_noon: noon,
        horizon,
        morning_golden_hour: golden(Half::Rising),
        evening_golden_hour: golden(Half::Setting),
    }
}

/// The two quantities every formula here needs, for one instant.
#[derive(Debug, Clone, Copy)]
struct Sun {
    declination_rad: f64,
    /// Apparent minus mean solar time, in minutes.
    equation_of_time_min: f64,
}

impl Sun {
    /// NOAA spreadsheet columns G–V, from the Julian century of `at`; constants as NOAA prints
    /// them.
    fn at(at: OffsetDateTime) -> Sun {
        let t = (unix_seconds(at) / 86_400.0 + 2_440_587.5 - 2_451_545.0) / 36_525.0;
        let mean_long = (280.46646 + t * (36000.76983 + t * 0.0003032)).rem_euclid(360.0);
        let mean_anomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
        let eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        let m = mean_anomaly.to_radians();
        let centre = m.sin() * (1.914602 - t * (0.004817 + 0.000014 * t))
            + (2.0 * m).sin() * (0.019993 - 0.000101 * t)
            + (3.0 * m).sin() * 0.000289;
        let omega = (125.04 - 1934.136 * t).to_radians();
        let apparent_long = (mean_long + centre - 0.00569 - 0.00478 * omega.sin()).to_radians();
        let mean_obliquity =
            23.0 + (26.0 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60.0) / 60.0;
        let obliquity = (mean_obliquity + 0.00256 * omega.cos()).to_radians();

        let y = (obliquity / 2.0).tan().powi(2);
        let l0 = mean_long.to_radians();
        let e = eccentricity;
        let equation_of_time = y * (2.0 * l0).sin() - 2.0 * e * m.sin()
            + 4.0 * e * y * m.sin() * (2.0 * l0).cos()
            - 0.5 * y * y * (4.0 * l0).sin()
            - 1.25 * e * e * (2.0 * m).sin();

        Sun {
            declination_rad: (obliquity.sin() * apparent_long.sin()).asin(),
            equation_of_time_min: 4.0 * equation_of_time.to_degrees(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Half {
    Rising,
    Setting,
}

/// How far from the meridian the sun's centre is at `elevation_deg`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum HourAngle {
    Crosses(f64),
    /// The sun stays above that elevation all day: it is "reached" at solar midnight.
    AlwaysAbove,
    /// The sun stays below that elevation all day: it is "reached" at solar noon.
    AlwaysBelow,
}

impl HourAngle {
    /// Degrees, clamped to [0, 180] so that crossings that do not happen fall on midnight or noon.
    fn clamped_deg(self) -> f64 {
        match self {
            HourAngle::Crosses(deg) => deg,
            HourAngle::AlwaysAbove => 180.0,
            HourAngle::AlwaysBelow => 0.0,
        }
    }
}

fn hour_angle_deg(lat_deg: f64, declination_rad: f64, elevation_deg: f64) -> HourAngle {
    let lat = lat_deg.to_radians();
    // Comparing before dividing keeps the poles (cos lat = 0) free of NaN.
    let numerator = elevation_deg.to_radians().sin() - lat.sin() * declination_rad.sin();
    let denominator = lat.cos() * declination_rad.cos();
    if numerator <= -denominator {
        HourAngle::AlwaysAbove
    } else if numerator >= denominator {
        HourAngle::AlwaysBelow
    } else {
        HourAngle::Crosses((numerator / denominator).acos().to_degrees())
    }
}

/// When the sun's centre passes `elevation_deg` in the given half of the day around `noon`.
/// Each pass re-evaluates the sun at the previous estimate: the meridian transit moves with the
/// equation of time and the hour angle with the declination.
fn crossing(
    place: GeoPoint,
    noon: OffsetDateTime,
    elevation_deg: f64,
    half: Half,
) -> OffsetDateTime {
    let noon_sun = Sun::at(noon);
    let mut at = noon;
    for _ in 0..REFINEMENTS {
        let sun = Sun::at(at);
        let hour_angle =
            hour_angle_deg(place.lat(), sun.declination_rad, elevation_deg).clamped_deg();
        let from_transit = match half {
            Half::Rising => -4.0 * hour_angle,
            Half::Setting => 4.0 * hour_angle,
        };
        let transit_shift = noon_sun.equation_of_time_min - sun.equation_of_time_min;
        at = plus_minutes(noon, transit_shift + from_transit);
    }
    at
}

/// The meridian transit nearest to clock noon on `date` at `offset`.
fn solar_noon(place: GeoPoint, date: Date, offset: UtcOffset) -> OffsetDateTime {
    let midnight = local_midnight(date, offset);
    // Mean-time transit on the local clock, kept on `date` even where the offset is far from the
    // longitude's own meridian.
    let mean_noon =
        (720.0 - 4.0 * place.lon() + f64::from(offset.whole_minutes())).rem_euclid(MINUTES_PER_DAY);
    let mut noon = plus_minutes(midnight, mean_noon);
    for _ in 0..REFINEMENTS {
        noon = plus_minutes(midnight, mean_noon - Sun::at(noon).equation_of_time_min);
    }
    noon
}

/// NOAA's refraction correction (spreadsheet column AE), in degrees, for a geometric elevation.
fn refraction_deg(elevation_deg: f64) -> f64 {
    let e = elevation_deg;
    let tan = e.to_radians().tan();
    let arc_seconds = if e > 85.0 {
        0.0
    } else if e > 5.0 {
        58.1 / tan - 0.07 / tan.powi(3) + 0.000086 / tan.powi(5)
    } else if e > -0.575 {
        1735.0 + e * (-518.2 + e * (103.4 + e * (-12.79 + e * 0.711)))
    } else {
        -20.772 / tan
    };
    arc_seconds / 3600.0
}

fn local_midnight(date: Date, offset: UtcOffset) -> OffsetDateTime {
    date.midnight().assume_offset(offset)
}

/// `base` moved by a fractional number of minutes, to the nearest second.
fn plus_minutes(base: OffsetDateTime, minutes: f64) -> OffsetDateTime {
    // Saturating, and `as` saturates too: nothing here panics, even at year ±9999.
    base.saturating_add(Duration::seconds((minutes * 60.0).round() as i64))
}

fn unix_seconds(at: OffsetDateTime) -> f64 {
    at.unix_timestamp() as f64 + f64::from(at.nanosecond()) * 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::STUDIO_OFFSET;
    use crate::geo::HENGDIAN_CENTRE;
    use time::macros::{date, datetime, offset};

    fn assert_within_minutes(actual: OffsetDateTime, expected: OffsetDateTime, minutes: i64) {
        let gap = (actual - expected).abs();
        assert!(gap <= Duration::minutes(minutes), "{actual} vs {expected}: off by {gap}");
    }

    fn assert_within_deg(actual: f64, expected: f64, tolerance: f64) {
        assert!((actual - expected).abs() <= tolerance, "{actual}° vs {expected}°");
    }

    fn point(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(lat, lon).unwrap()
    }

    // NREL Solar Position Algorithm report (Reda & Andreas, NREL/TP-560-34302), the example in
    // its reference program spa_tester.c: 2003-10-17 12:30:30 at UTC−7, 39.742476° N
    // 105.1786° W, gives zenith 50.111622° (elevation 39.888378°, refraction included),
    // azimuth 194.340241°, sunrise 06:12:43 and sunset 17:20:19 local time. (We give 17:18:50
    // for that sunset, as does PyEphem 4.2.1 for the same −0.833° definition; SPA's figure is the
    // odd one out, still inside the tolerance.)
    const GOLDEN_COLORADO: (f64, f64) = (39.742476, -105.1786);

    #[test]
    fn position_matches_the_nrel_spa_reference() {
        let place = point(GOLDEN_COLORADO.0, GOLDEN_COLORADO.1);
        let sun = sun_position(place, datetime!(2003-10-17 12:30:30 -7));
        assert_within_deg(sun.elevation_deg(), 90.0 - 50.111622, 0.5);
        assert_within_deg(sun.azimuth_deg(), 194.340241, 0.5);
    }

    #[test]
    fn sunrise_and_sunset_match_the_nrel_spa_reference() {
        let place = point(GOLDEN_COLORADO.0, GOLDEN_COLORADO.1);
        let day = solar_day(place, date!(2003 - 10 - 17), offset!(-7));
        assert_within_minutes(day.sunrise().unwrap(), datetime!(2003-10-17 06:12:43 -7), 2);
        assert_within_minutes(day.sunset().unwrap(), datetime!(2003-10-17 17:20:19 -7), 2);
    }

    // vercalendario.info, "Sunrise and sunset in Beijing, July 2026"
    // (https://www.vercalendario.info/en/sun/china-month-july-2026.html): on 1 July 2026 the sun
    // rises at 04:49:23 at azimuth 58.39° and sets at 19:46:55, solar noon 12:18 (UTC+8). The
    // page does not state its coordinates; we use central Beijing, 39.9042° N 116.4074° E
    // (0.01° of longitude moves these times by 2.4 s).
    #[test]
    fn beijing_midsummer_matches_published_times() {
        let beijing = point(39.9042, 116.4074);
        let day = solar_day(beijing, date!(2026 - 07 - 01), STUDIO_OFFSET);
        let sunrise = day.sunrise().unwrap();
        assert_within_minutes(sunrise, datetime!(2026-07-01 04:49:23 +8), 2);
        assert_within_minutes(day.sunset().unwrap(), datetime!(2026-07-01 19:46:55 +8), 2);
        assert_within_minutes(day.solar_noon(), datetime!(2026-07-01 12:18 +8), 2);
        assert_within_deg(sun_position(beijing, sunrise).azimuth_deg(), 58.39, 0.5);
    }

    // No almanac publishes Hengdian itself, so these come from an independent ephemeris:
    // PyEphem 4.2.1 (VSOP87), at 29.1614° N 120.3120° E, sun's centre at −0:50 with refraction
    // off for rise and set; standard atmosphere (1010 hPa, 15 °C) for the positions. We agree to
    // within 3 s and 0.01°; the tolerances leave room for a different ephemeris, not for bugs.
    #[test]
    fn hengdian_matches_an_independent_ephemeris() {
        let times = [
            (date!(2026 - 03 - 20), "06:03:10", "12:06:17", "18:09:50"),
            (date!(2026 - 06 - 21), "05:00:09", "12:00:29", "19:00:50"),
            (date!(2026 - 12 - 21), "06:48:16", "11:56:39", "17:05:01"),
        ];
        let at = |day: Date, hms: &str| {
            let time = time::Time::parse(
                hms,
                time::macros::format_description!("[hour]:[minute]:[second]"),
            );
            day.with_time(time.unwrap()).assume_offset(STUDIO_OFFSET)
        };
        for (day, sunrise, noon, sunset) in times {
            let sun = solar_day(HENGDIAN_CENTRE, day, STUDIO_OFFSET);
            assert_within_minutes(sun.sunrise().unwrap(), at(day, sunrise), 1);
            assert_within_minutes(sun.solar_noon(), at(day, noon), 1);
            assert_within_minutes(sun.sunset().unwrap(), at(day, sunset), 1);
        }
        let positions = [
            (datetime!(2026-11-24 09:00 +8), 26.357, 136.368),
            (datetime!(2026-11-24 15:30 +8), 16.560, 234.201),
            (datetime!(2026-06-21 07:00 +8), 23.591, 75.309),
            (datetime!(2026-06-21 17:45 +8), 14.425, 289.103),
        ];
        for (instant, elevation, azimuth) in positions {
            let sun = sun_position(HENGDIAN_CENTRE, instant);
            assert_within_deg(sun.elevation_deg(), elevation, 0.1);
            assert_within_deg(sun.azimuth_deg(), azimuth, 0.1);
        }
    }

    #[test]
    fn hengdian_day_is_in_order_and_in_studio_time() {
        let day = solar_day(HENGDIAN_CENTRE, date!(2026 - 11 - 24), STUDIO_OFFSET);
        let (morning, evening) =
            (day.morning_golden_hour().unwrap(), day.evening_golden_hour().unwrap());
        let (sunrise, sunset) = (day.sunrise().unwrap(), day.sunset().unwrap());
        assert!(morning.start() < sunrise && sunrise < morning.end());
        assert!(morning.end() < day.solar_noon() && day.solar_noon() < evening.start());
        assert!(evening.start() < sunset && sunset < evening.end());
        assert_eq!(sunrise.offset(), STUDIO_OFFSET);
        assert_eq!(sunrise.date(), date!(2026 - 11 - 24));
        // 120.31° E is 0.31° east of UTC+8's meridian: noon is near 12:00 minus the equation of
        // time (about +13 min in late November).
        assert_within_minutes(day.solar_noon(), datetime!(2026-11-24 11:46 +8), 2);
    }

    #[test]
    fn golden_hour_edges_sit_at_minus_four_and_plus_six_degrees() {
        let day = solar_day(HENGDIAN_CENTRE, date!(2026 - 06 - 21), STUDIO_OFFSET);
        for window in [day.morning_golden_hour().unwrap(), day.evening_golden_hour().unwrap()] {
            let (start, end) = (window.start(), window.end());
            let (low, high) = if start < day.solar_noon() { (start, end) } else { (end, start) };
            // Apparent elevations: refraction lifts them by at most 0.2° at these heights.
            assert_within_deg(sun_position(HENGDIAN_CENTRE, low).elevation_deg(), -4.0, 0.3);
            assert_within_deg(sun_position(HENGDIAN_CENTRE, high).elevation_deg(), 6.0, 0.3);
            assert!(end - start > Duration::minutes(40) && end - start < Duration::minutes(70));
        }
    }

    #[test]
    fn noon_elevation_follows_latitude_and_solstice_declination() {
        // At solar noon on a solstice the sun's elevation is 90° − latitude ± 23.44° and it
        // stands due south (for Hengdian in winter).
        let winter = solar_day(HENGDIAN_CENTRE, date!(2026 - 12 - 21), STUDIO_OFFSET);
        let sun = sun_position(HENGDIAN_CENTRE, winter.solar_noon());
        assert_within_deg(sun.elevation_deg(), 90.0 - 29.1614 - 23.44, 0.3);
        assert_within_deg(sun.azimuth_deg(), 180.0, 0.5);
        let summer = solar_day(HENGDIAN_CENTRE, date!(2026 - 06 - 21), STUDIO_OFFSET);
        let sun = sun_position(HENGDIAN_CENTRE, summer.solar_noon());
        assert_within_deg(sun.elevation_deg(), 90.0 - 29.1614 + 23.44, 0.3);
    }

    // Tromsø, 69.65° N 18.96° E: midnight sun from about 20 May to 22 July and polar night from
    // about 27 November to 15 January (the dates every almanac and tourist office publishes).
    #[test]
    fn midnight_sun_has_no_sunrise_and_golden_light_through_the_night() {
        let tromso = point(69.65, 18.96);
        let day = solar_day(tromso, date!(2026 - 06 - 21), offset!(+2));
        assert_eq!(day.horizon(), Horizon::UpAllDay);
        assert_eq!((day.sunrise(), day.sunset()), (None, None));
        // The sun dips to about +3° at midnight: golden from solar midnight until it passes +6°.
        let morning = day.morning_golden_hour().unwrap();
        // Solar midnight is 12 h before noon, give or take the day's drift in the equation of time.
        assert_within_minutes(morning.start(), day.solar_noon() - Duration::hours(12), 1);
        assert!(morning.end() < day.solar_noon());
    }

    #[test]
    fn polar_night_has_no_sunrise_and_golden_light_only_when_the_sun_comes_close() {
        // Tromsø at midwinter: the sun peaks about 3° below the horizon, inside the golden band,
        // so both windows meet at noon.
        let tromso = solar_day(point(69.65, 18.96), date!(2026 - 12 - 21), offset!(+1));
        assert_eq!(tromso.horizon(), Horizon::DownAllDay);
        assert_eq!(tromso.morning_golden_hour().unwrap().end(), tromso.solar_noon());
        assert_eq!(tromso.evening_golden_hour().unwrap().start(), tromso.solar_noon());
        // Longyearbyen, 78.22° N: the sun stays about 35° down, no golden light at all.
        let svalbard = solar_day(point(78.22, 15.65), date!(2026 - 12 - 21), offset!(+1));
        assert_eq!(svalbard.horizon(), Horizon::DownAllDay);
        assert_eq!(svalbard.morning_golden_hour(), None);
        assert_eq!(svalbard.evening_golden_hour(), None);
    }

    #[test]
    fn the_poles_give_answers_not_nan() {
        let north_pole = point(90.0, 0.0);
        assert_eq!(
            solar_day(north_pole, date!(2026 - 06 - 21), offset!(UTC)).horizon(),
            Horizon::UpAllDay
        );
        assert_eq!(
            solar_day(north_pole, date!(2026 - 12 - 21), offset!(UTC)).horizon(),
            Horizon::DownAllDay
        );
        let sun = sun_position(north_pole, datetime!(2026-06-21 12:00 UTC));
        assert!(sun.azimuth_deg().is_finite() && sun.elevation_deg().is_finite());
    }

    #[test]
    fn hourly_path_covers_the_local_day_and_peaks_near_noon() {
        let path = sun_path(HENGDIAN_CENTRE, date!(2026 - 11 - 24), STUDIO_OFFSET, Duration::HOUR);
        assert_eq!(path.len(), 24);
        assert_eq!(path[0].0, datetime!(2026-11-24 00:00 +8));
        let highest =
            path.iter().max_by(|a, b| a.1.elevation_deg().total_cmp(&b.1.elevation_deg())).unwrap();
        assert_eq!(highest.0, datetime!(2026-11-24 12:00 +8));
        assert!(path.iter().all(|(_, sun)| (0.0..360.0).contains(&sun.azimuth_deg())));
        // Morning sun in the east half of the sky, afternoon sun in the west half.
        assert!(path[9].1.azimuth_deg() < 180.0 && path[15].1.azimuth_deg() > 180.0);
    }

    #[test]
    fn tiny_steps_are_taken_as_a_minute() {
        let path = sun_path(HENGDIAN_CENTRE, date!(2026 - 11 - 24), STUDIO_OFFSET, Duration::ZERO);
        assert_eq!(path.len(), 1440);
    }

    #[test]
    fn a_far_off_meridian_still_gets_the_noon_of_the_requested_date() {
        // Kiritimati keeps UTC+14 at 157.4° W: its solar noon is around 12:30 local time.
        let kiritimati = point(1.87, -157.4);
        let day = solar_day(kiritimati, date!(2026 - 03 - 20), offset!(+14));
        assert_eq!(day.solar_noon().date(), date!(2026 - 03 - 20));
        assert!(day.sunrise().unwrap() < day.solar_noon());
    }
}
