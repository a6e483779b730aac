//! Backlot's nouns, vocabularies and rules, shared by the browser and the server.
//!
//! Nothing here does IO, reads the clock or draws random numbers: callers pass `today` and ids in.

pub mod account;
pub mod booking;
pub mod casting;
pub mod catalogue;
pub mod cluster;
pub mod gcj02;
pub mod geo;
pub mod inventory;
pub mod location_filter;
pub mod money;
pub mod reservation;
pub mod stock;
pub mod studio_time;
pub mod sun;
pub mod timeline;
pub mod training;
pub mod travel;
pub mod vocab;
pub mod wages;

pub use gcj02::Gcj02Point;
pub use geo::{GeoPoint, MapView};
pub use money::{Money, group_thousands};
pub use studio_time::{STUDIO_OFFSET, studio_clock, studio_datetime, studio_midnight};
pub use sun::{Horizon, SolarDay, SunPosition, solar_day, sun_path, sun_position};
pub use vocab::Lang;

/// How many pages `total` things fill at `per_page` a page (one, even when there are none).
pub fn page_count(total: usize, per_page: usize) -> u32 {
    u32::try_from(total.div_ceil(per_page.max(1)).max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::page_count;

    #[test]
    fn pages_hold_everything_and_there_is_always_one() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(35, 20), 2);
        assert_eq!(page_count(41, 20), 3);
        assert_eq!(page_count(5, 0), 5, "a page of none holds one");
    }
}
