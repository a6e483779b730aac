//! The locations the map shows, kept in memory per `location_revision` (a counter bumped by
//! triggers on the location tables), with each one's pinyin and initials and every base's
//! outline prepared: a map query is one tiny revision read and a pass in memory instead of
//! three queries, a pinyin conversion per location and the outlines' hulls per request.

use std::collections::HashMap;
use std::future::Future;

use app::models::{BaseOutline, LocationPin};
use domain::location_filter::{LocationFilter, LocationTraits};
use domain::vocab::Base;

use crate::index_cache::{IndexCache, Rebuilt};
use crate::search::pinyin_initials;
use crate::storage::{StorageError, Store};

/// Padding around a base's outermost locations in its outline: about 800 m.
const OUTLINE_PAD_DEG: f64 = 0.008;

/// The rows the locations are read from, as of one revision (or a newer one).
#[derive(Debug, Clone)]
pub struct LocationSource {
    pub revision: i64,
    pub pins: Vec<LocationPin>,
    /// Folded full pinyin of each location's name, by slug.
    pub pinyin: HashMap<String, String>,
}

/// Every location of one revision, in map order (by base, then slug).
#[derive(Debug)]
pub struct LocationIndex {
    revision: i64,
    pins: Vec<LocationPin>,
    /// Full pinyin and initials of each pin's Chinese name, in pin order.
    spelled: Vec<(String, String)>,
    outlines: Vec<BaseOutline>,
}

impl LocationIndex {
    pub fn build(mut source: LocationSource) -> LocationIndex {
        let spelled = source
            .pins
            .iter()
            .map(|pin| {
                let full = source.pinyin.remove(&pin.slug).unwrap_or_default();
                (full, pinyin_initials(&pin.name_zh))
            })
            .collect();
        let outlines = base_outlines(&source.pins);
        LocationIndex { revision: source.revision, pins: source.pins, spelled, outlines }
    }

    /// Every location.
    pub fn pins(&self) -> &[LocationPin] {
        &self.pins
    }

    /// Each base's outline around its locations, in the order of `Base::ALL`.
    pub fn outlines(&self) -> &[BaseOutline] {
        &self.outlines
    }

    /// The locations whose own traits `filter` admits (free time is the caller's to check).
    pub fn matching<'a>(
        &'a self,
        filter: &'a LocationFilter,
    ) -> impl Iterator<Item = &'a LocationPin> + 'a {
        self.pins.iter().zip(&self.spelled).filter_map(move |(pin, (full, initials))| {
            filter
                .matches(&LocationTraits {
                    name_zh: &pin.name_zh,
                    name_en: &pin.name_en,
                    pinyin: full,
                    initials,
                    kind: pin.kind,
                    eras: &pin.eras,
                    setting: pin.setting,
                    base: pin.base,
                    facilities: &pin.facilities,
                    area_m2: pin.area_m2,
                    hourly_rate_fen: pin.hourly_rate.fen(),
                })
                .then_some(pin)
        })
    }
}

/// Each base's outline around its locations, in the order of `Base::ALL`.
fn base_outlines(pins: &[LocationPin]) -> Vec<BaseOutline> {
    Base::ALL
        .iter()
        .filter_map(|&base| {
            let points: Vec<(f64, f64)> =
                pins.iter().filter(|p| p.base == base).map(|p| (p.lat, p.lon)).collect();
            (!points.is_empty())
                .then(|| BaseOutline { base, ring: domain::geo::outline(&points, OUTLINE_PAD_DEG) })
        })
        .collect()
}

/// The locations shared by every request.
pub type LocationCache = IndexCache<LocationIndex>;

impl Rebuilt for LocationIndex {
    type Source = LocationSource;
    const NAME: &'static str = "locations";

    fn stored_revision(store: &Store) -> impl Future<Output = Result<i64, StorageError>> + Send {
        store.location_revision()
    }

    fn source(store: &Store) -> impl Future<Output = Result<LocationSource, StorageError>> + Send {
        store.location_source()
    }

    fn build(source: LocationSource) -> LocationIndex {
        LocationIndex::build(source)
    }

    fn revision(&self) -> i64 {
        self.revision
    }

    fn entry_count(&self) -> usize {
        self.pins.len()
    }
}
