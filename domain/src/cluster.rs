//! Map marker clustering: which single points and which clusters a map draws for a viewport.
//!
//! The server and the browser both build a [`ClusterIndex`] from the same points and get the
//! same markers, so server-rendered and hydrated maps agree. The method is that of Mapbox's
//! supercluster: points are projected to Web-Mercator world coordinates, and from the highest
//! zoom down each zoom's markers are the previous zoom's markers merged greedily, every marker
//! not yet taken absorbing the untaken ones within the cluster radius, with a static k-d tree
//! finding neighbours. Unlike supercluster, merging repeats at a zoom until no two markers are
//! within the radius of each other (a cluster's weighted centre moves as it absorbs, and can
//! land near a marker it did not take), so markers never overlap.
//!
//! Pass coordinates in the datum the map's tiles are drawn in (GCJ-02 for Chinese tiles, see
//! [`crate::gcj02`]); clustering does not care which, but markers are returned where they were
//! given.
//!
//! Results are deterministic: points are processed in order of id and sums are taken in a fixed
//! order, so the input order does not matter. The projection uses `sin`, `ln`, `atan` and `exp`,
//! whose last bit can differ between platforms' maths libraries; that could only flip a decision
//! about two markers exactly one radius apart.

use serde::{Deserialize, Serialize};
use std::f64::consts::PI;
use std::fmt;

use crate::GeoPoint;

/// How points are grouped into clusters. [`ClusterIndex::new`] repairs nonsense values rather
/// than failing: see [`ClusterOptions::normalised`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterOptions {
    /// Markers closer than this many screen pixels at a zoom are drawn as one cluster.
    pub radius_px: f64,
    /// The lowest zoom clustered; lower zooms are answered as this one.
    pub min_zoom: u8,
    /// The highest zoom clustered; from `max_zoom + 1` on every point is drawn alone.
    pub max_zoom: u8,
    /// The side of a map tile in screen pixels (the world is `tile_size * 2^zoom` pixels wide).
    pub tile_size: f64,
}

impl Default for ClusterOptions {
    /// Radius 60 px, zooms 0 to 16, 256 px tiles (Leaflet's default tile size).
    fn default() -> ClusterOptions {
        ClusterOptions { radius_px: 60.0, min_zoom: 0, max_zoom: 16, tile_size: 256.0 }
    }
}

impl ClusterOptions {
    /// The highest `max_zoom` honoured; web maps stop well before it.
    pub const MAX_ZOOM_CAP: u8 = 30;

    /// The options an index actually uses: a NaN or negative radius becomes 0 (only points at
    /// the very same place are clustered); a tile size that is not a positive finite number
    /// becomes 256; `max_zoom` is capped at [`ClusterOptions::MAX_ZOOM_CAP`] and `min_zoom` at
    /// `max_zoom`.
    pub fn normalised(self) -> ClusterOptions {
        let max_zoom = self.max_zoom.min(ClusterOptions::MAX_ZOOM_CAP);
        ClusterOptions {
            radius_px: if self.radius_px >= 0.0 { self.radius_px } else { 0.0 },
            min_zoom: self.min_zoom.min(max_zoom),
            max_zoom,
            tile_size: if self.tile_size.is_finite() && self.tile_size > 0.0 {
                self.tile_size
            } else {
                256.0
            },
        }
    }
}

/// One thing to draw on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MapMarker {
    /// A single point, at exactly the position it was given.
    Point { id: u32, lat: f64, lon: f64 },
    /// Two or more points drawn as one, at their mean position in Web-Mercator.
    Cluster {
        lat: f64,
        lon: f64,
        /// How many points the cluster stands for (at least 2).
        count: u32,
        /// The zoom at which this cluster is drawn as more than one marker: where to zoom to
        /// when it is clicked. At most `max_zoom + 1`.
        expansion_zoom: u8,
        /// Identifies the cluster within its index, the same at every zoom where it is drawn and
        /// in every index built from the same points; see [`ClusterIndex::leaves`].
        key: u64,
    },
}

/// Points grouped into clusters for every zoom, built once and queried per viewport.
///
/// Invariants: at every zoom each indexed point is represented by exactly one marker (itself
/// or one cluster); at zooms up to `max_zoom` no two markers are within `radius_px` of each
/// other in screen pixels; from `max_zoom + 1` every point is drawn alone; a cluster's points
/// are the union of two or more markers of the next zoom up.
#[derive(Clone)]
pub struct ClusterIndex {
    options: ClusterOptions,
    /// The indexed points, sorted by id; node reference `i < points.len()` is `points[i]`.
    points: Vec<Leaf>,
    /// Node reference `points.len() + i` is `clusters[i]`.
    clusters: Vec<ClusterNode>,
    /// Node references of every cluster's children, each cluster's in one run.
    children: Vec<u32>,
    /// `(key, index into clusters)`, sorted by key.
    keys: Vec<(u64, u32)>,
    /// Distinct marker sets; zooms with no new cluster share the one above.
    levels: Vec<Level>,
    /// `levels[level_of_zoom[z - min_zoom]]` holds the markers of zoom `z`, up to `max_zoom + 1`.
    level_of_zoom: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
struct Leaf {
    id: u32,
    lat: f64,
    lon: f64,
    x: f64,
    y: f64,
}

#[derive(Debug, Clone, Copy)]
struct ClusterNode {
    /// Sums of the world coordinates of all the cluster's points.
    sum_x: f64,
    sum_y: f64,
    count: u32,
    /// The zoom the cluster was formed at; at `zoom + 1` it is its children.
    zoom: u8,
    first_child: u32,
    child_count: u32,
    key: u64,
}

/// The markers of one zoom: node references, and a tree over their positions whose entries
/// carry indices into `refs`.
#[derive(Clone)]
struct Level {
    refs: Vec<u32>,
    tree: KdTree,
}

/// More points than this are ignored, so node references fit in a `u32`.
const MAX_POINTS: usize = (u32::MAX / 2) as usize;
const NONE: u32 = u32::MAX;
/// Slack on the projected viewport, so markers on its edge survive the round trip to degrees.
const BBOX_SLACK: f64 = 1e-12;

impl ClusterIndex {
    /// Clusters `(id, lat, lon)` points (WGS-84 degrees, or whatever datum the map draws in).
    ///
    /// Skipped, never a panic: points whose latitude is not in [-90, 90] or longitude not in
    /// [-180, 180] (NaN included), a point whose id an earlier point already has (ids name
    /// markers, so two markers with one id would be ambiguous), and points past the first
    /// 2^31 − 1. Latitudes beyond ±85.0511° (the edge of Web-Mercator) are clustered as if on
    /// that edge but returned as given.
    pub fn new(points: &[(u32, f64, f64)], options: ClusterOptions) -> ClusterIndex {
        let options = options.normalised();
        let mut leaves: Vec<Leaf> = points
            .iter()
            .filter_map(|&(id, lat, lon)| {
                let p = GeoPoint::new(lat, lon).ok()?;
                Some(Leaf { id, lat: p.lat(), lon: p.lon(), x: lon_x(p.lon()), y: lat_y(p.lat()) })
            })
            .collect();
        // Stable, so of points sharing an id the first given is kept.
        leaves.sort_by_key(|leaf| leaf.id);
        leaves.dedup_by_key(|leaf| leaf.id);
        leaves.truncate(MAX_POINTS);

        let mut index = ClusterIndex {
            options,
            points: leaves,
            clusters: Vec::new(),
            children: Vec::new(),
            keys: Vec::new(),
            levels: Vec::new(),
            level_of_zoom: Vec::new(),
        };
        index.build();
        index
    }

    /// How many points are indexed (after skipping, see [`ClusterIndex::new`]).
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether no point was indexed.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The options in use, after [`ClusterOptions::normalised`].
    pub fn options(&self) -> ClusterOptions {
        self.options
    }

    /// The markers to draw for a viewport (degrees) at a zoom.
    ///
    /// The zoom is floored and clamped to [`min_zoom`, `max_zoom + 1`] (NaN counts as
    /// `min_zoom`). A marker is returned when its position (a cluster's centre) lies in the box,
    /// edges included. `west > east` means the box crosses the antimeridian; longitudes outside
    /// [-180, 180] are wrapped and a box 360° or wider covers every longitude, as Leaflet's
    /// bounds can be when the world repeats. A NaN edge or `south > north` gives no markers.
    /// Markers come in a fixed order for a given index and zoom.
    pub fn query(&self, south: f64, west: f64, north: f64, east: f64, zoom: f64) -> Vec<MapMarker> {
        if [south, west, north, east].iter().any(|v| v.is_nan()) {
            return Vec::new();
        }
        let (south, north) = (south.max(-90.0), north.min(90.0));
        if south > north || self.is_empty() {
            return Vec::new();
        }
        let lon_ranges: Vec<(f64, f64)> =
            if !(west.is_finite() && east.is_finite()) || east - west >= 360.0 {
                vec![(-180.0, 180.0)]
            } else {
                let (w, e) = (wrap_lon(west), wrap_lon(east));
                if w > e { vec![(w, 180.0), (-180.0, e)] } else { vec![(w, e)] }
            };

        let level = &self.levels[self.level_of_zoom[self.level_at(zoom)]];
        let mut hits = Vec::new();
        for (w, e) in lon_ranges {
            let (min_x, max_x) = (lon_x(w) - BBOX_SLACK, lon_x(e) + BBOX_SLACK);
            let (min_y, max_y) = (lat_y(north) - BBOX_SLACK, lat_y(south) + BBOX_SLACK);
            level.tree.range(min_x, min_y, max_x, max_y, &mut |entry| {
                let (lat, lon) = self.position(level.refs[entry.index as usize]);
                if (south..=north).contains(&lat) && (w..=e).contains(&lon) {
                    hits.push(entry.index);
                }
            });
        }
        hits.sort_unstable();
        hits.dedup();
        hits.into_iter().map(|i| self.marker(level.refs[i as usize])).collect()
    }

    /// The ids of all points in the cluster with this key, ascending; empty for a key that
    /// names no cluster of this index.
    pub fn leaves(&self, key: u64) -> Vec<u32> {
        let Ok(found) = self.keys.binary_search_by_key(&key, |&(k, _)| k) else {
            return Vec::new();
        };
        let n = self.points.len() as u32;
        let mut ids = Vec::new();
        let mut stack = vec![n + self.keys[found].1];
        while let Some(node) = stack.pop() {
            if node < n {
                ids.push(self.points[node as usize].id);
            } else {
                let c = &self.clusters[(node - n) as usize];
                let first = c.first_child as usize;
                stack.extend_from_slice(&self.children[first..first + c.child_count as usize]);
            }
        }
        ids.sort_unstable();
        ids
    }

    /// Index into `level_of_zoom` for a requested zoom.
    fn level_at(&self, zoom: f64) -> usize {
        let lo = f64::from(self.options.min_zoom);
        let hi = f64::from(self.options.max_zoom) + 1.0;
        let z = if zoom.is_nan() { lo } else { zoom.floor().clamp(lo, hi) };
        // Exact: z is a whole number in [lo, hi].
        (z - lo) as usize
    }

    /// World coordinates of a node (a cluster's centre).
    fn world_xy(&self, node: u32) -> (f64, f64) {
        let n = self.points.len() as u32;
        if node < n {
            let p = &self.points[node as usize];
            (p.x, p.y)
        } else {
            let c = &self.clusters[(node - n) as usize];
            let count = f64::from(c.count);
            (c.sum_x / count, c.sum_y / count)
        }
    }

    /// Latitude and longitude a node is drawn at.
    fn position(&self, node: u32) -> (f64, f64) {
        let n = self.points.len() as u32;
        if node < n {
            let p = &self.points[node as usize];
            (p.lat, p.lon)
        } else {
            let (x, y) = self.world_xy(node);
            (y_lat(y), x_lon(x))
        }
    }

    fn marker(&self, node: u32) -> MapMarker {
        let n = self.points.len() as u32;
        if node < n {
            let p = &self.points[node as usize];
            MapMarker::Point { id: p.id, lat: p.lat, lon: p.lon }
        } else {
            let c = &self.clusters[(node - n) as usize];
            let (lat, lon) = self.position(node);
            MapMarker::Cluster { lat, lon, count: c.count, expansion_zoom: c.zoom + 1, key: c.key }
        }
    }

    /// Fills `clusters`, `children`, `keys`, `levels` and `level_of_zoom` from `points`.
    fn build(&mut self) {
        let n = self.points.len();
        let refs: Vec<u32> = (0..n as u32).collect();
        let entries = self
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| Entry { x: p.x, y: p.y, index: i as u32 })
            .collect();
        self.levels.push(Level { refs, tree: KdTree::new(entries) });
        // Built from the top zoom down, reversed at the end.
        let mut level_of_zoom = vec![0];
        let mut scratch = Scratch::default();
        for zoom in (self.options.min_zoom..=self.options.max_zoom).rev() {
            let current = *level_of_zoom.last().unwrap_or(&0);
            if let Some(level) = self.cluster_level(current, zoom, &mut scratch) {
                self.levels.push(level);
                level_of_zoom.push(self.levels.len() - 1);
            } else {
                level_of_zoom.push(current);
            }
        }
        level_of_zoom.reverse();
        self.level_of_zoom = level_of_zoom;
        self.keys = self.clusters.iter().enumerate().map(|(i, c)| (c.key, i as u32)).collect();
        self.keys.sort_unstable();
    }

    /// Merges the markers of `levels[above]` (zoom `zoom + 1`) into those of `zoom`; `None`
    /// when nothing merges, so the zoom can share the level above.
    fn cluster_level(&mut self, above: usize, zoom: u8, s: &mut Scratch) -> Option<Level> {
        let radius = self.options.radius_px / (self.options.tile_size * f64::from(1u32 << zoom));
        let m = self.levels[above].refs.len();
        s.reset(m);
        let n = self.points.len() as u32;
        for (i, &node) in self.levels[above].refs.iter().enumerate() {
            let (sum_x, sum_y, count, min_id) = if node < n {
                let p = &self.points[node as usize];
                (p.x, p.y, 1, p.id)
            } else {
                let c = &self.clusters[(node - n) as usize];
                (c.sum_x, c.sum_y, c.count, (c.key >> 32) as u32)
            };
            s.sum_x[i] = sum_x;
            s.sum_y[i] = sum_y;
            s.count[i] = count;
            s.min_id[i] = min_id;
        }

        // Pass 1 seeds every marker, greedily as supercluster does. Later passes only need to
        // seed the groups that grew: two groups that did not change were already found apart.
        let mut seeds: Vec<u32> = (0..m as u32).collect();
        let mut pass = 0u32;
        let mut candidates = Vec::new();
        let mut any_merge = false;
        loop {
            pass += 1;
            // Groups formed in earlier passes, at their current centres; the level above's tree
            // still holds every untouched marker where it is.
            let grown = if pass == 1 {
                None
            } else {
                let entries = (0..m)
                    .filter(|&i| s.alive[i] && s.merged[i])
                    .map(|i| {
                        let (x, y) = s.centre(i);
                        Entry { x, y, index: i as u32 }
                    })
                    .collect();
                Some(KdTree::new(entries))
            };
            let mut changed = Vec::new();
            for &seed in &seeds {
                let seed = seed as usize;
                if !s.alive[seed] || s.mark[seed] == pass {
                    continue;
                }
                s.mark[seed] = pass;
                let (x, y) = s.centre(seed);
                candidates.clear();
                self.levels[above].tree.within(x, y, radius, &mut |j| {
                    let j = j as usize;
                    if j != seed && s.alive[j] && !s.merged[j] && s.mark[j] != pass {
                        candidates.push(j);
                    }
                });
                if let Some(tree) = &grown {
                    tree.within(x, y, radius, &mut |j| {
                        let j = j as usize;
                        if j != seed && s.alive[j] && s.mark[j] != pass {
                            candidates.push(j);
                        }
                    });
                }
                if candidates.is_empty() {
                    continue;
                }
                // Sums in a fixed order, whatever order the trees answered in.
                candidates.sort_unstable();
                for &j in &candidates {
                    s.absorb(seed, j, pass);
                }
                s.merged[seed] = true;
                changed.push(seed as u32);
            }
            if changed.is_empty() {
                break;
            }
            any_merge = true;
            seeds = changed;
        }
        if !any_merge {
            return None;
        }

        let mut refs = Vec::new();
        let mut entries = Vec::new();
        for i in 0..m {
            if !s.alive[i] {
                continue;
            }
            let node = if s.merged[i] {
                let first_child = self.children.len() as u32;
                let mut k = i as u32;
                while k != NONE {
                    self.children.push(self.levels[above].refs[k as usize]);
                    k = s.next[k as usize];
                }
                self.clusters.push(ClusterNode {
                    sum_x: s.sum_x[i],
                    sum_y: s.sum_y[i],
                    count: s.count[i],
                    zoom,
                    first_child,
                    child_count: self.children.len() as u32 - first_child,
                    // Unique: clusters holding the same lowest id are nested, so differ in count.
                    key: (u64::from(s.min_id[i]) << 32) | u64::from(s.count[i]),
                });
                n + self.clusters.len() as u32 - 1
            } else {
                self.levels[above].refs[i]
            };
            let (x, y) = self.world_xy(node);
            entries.push(Entry { x, y, index: refs.len() as u32 });
            refs.push(node);
        }
        Some(Level { refs, tree: KdTree::new(entries) })
    }
}

impl fmt::Debug for ClusterIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClusterIndex")
            .field("options", &self.options)
            .field("points", &self.points.len())
            .field("clusters", &self.clusters.len())
            .finish_non_exhaustive()
    }
}

/// Per-zoom working state, indexed like the markers of the zoom above; each marker starts as
/// its own group, named by its index.
#[derive(Default)]
struct Scratch {
    sum_x: Vec<f64>,
    sum_y: Vec<f64>,
    count: Vec<u32>,
    min_id: Vec<u32>,
    /// Still names a group (has not been absorbed).
    alive: Vec<bool>,
    /// The group has absorbed something, so is no longer where the level above's tree says.
    merged: Vec<bool>,
    /// The pass in which the marker last seeded or was absorbed.
    mark: Vec<u32>,
    /// Members of a group as a linked list from the group's own index.
    next: Vec<u32>,
    tail: Vec<u32>,
}

impl Scratch {
    fn reset(&mut self, m: usize) {
        for v in [&mut self.sum_x, &mut self.sum_y] {
            v.clear();
            v.resize(m, 0.0);
        }
        for v in [&mut self.count, &mut self.min_id, &mut self.mark] {
            v.clear();
            v.resize(m, 0);
        }
        for v in [&mut self.alive, &mut self.merged] {
            v.clear();
        }
        self.alive.resize(m, true);
        self.merged.resize(m, false);
        self.next.clear();
        self.next.resize(m, NONE);
        self.tail.clear();
        self.tail.extend(0..m as u32);
    }

    fn centre(&self, i: usize) -> (f64, f64) {
        let count = f64::from(self.count[i]);
        (self.sum_x[i] / count, self.sum_y[i] / count)
    }

    fn absorb(&mut self, into: usize, j: usize, pass: u32) {
        self.sum_x[into] += self.sum_x[j];
        self.sum_y[into] += self.sum_y[j];
        self.count[into] += self.count[j];
        self.min_id[into] = self.min_id[into].min(self.min_id[j]);
        self.alive[j] = false;
        self.mark[j] = pass;
        self.next[self.tail[into] as usize] = j as u32;
        self.tail[into] = self.tail[j];
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    x: f64,
    y: f64,
    index: u32,
}

impl Entry {
    fn coord(&self, by_x: bool) -> f64 {
        if by_x { self.x } else { self.y }
    }
}

/// A static 2-d tree (kdbush's layout): entries split at the median, alternately by x and y,
/// down to buckets of [`KD_BUCKET`].
#[derive(Clone)]
struct KdTree {
    entries: Vec<Entry>,
}

const KD_BUCKET: usize = 64;

impl KdTree {
    fn new(mut entries: Vec<Entry>) -> KdTree {
        kd_split(&mut entries, true);
        KdTree { entries }
    }

    /// Calls `found` for every entry in the box, edges included.
    fn range(
        &self,
        min_x: f64,
        min_y: f64,
        max_x: f64,
        max_y: f64,
        found: &mut impl FnMut(&Entry),
    ) {
        kd_range(&self.entries, true, [min_x, min_y, max_x, max_y], found);
    }

    /// Calls `found` with the index of every entry within `radius` of (`x`, `y`), edge included.
    fn within(&self, x: f64, y: f64, radius: f64, found: &mut impl FnMut(u32)) {
        let r2 = radius * radius;
        self.range(x - radius, y - radius, x + radius, y + radius, &mut |e| {
            let (dx, dy) = (e.x - x, e.y - y);
            if dx * dx + dy * dy <= r2 {
                found(e.index);
            }
        });
    }
}

fn kd_split(entries: &mut [Entry], by_x: bool) {
    if entries.len() <= KD_BUCKET {
        return;
    }
    let mid = entries.len() / 2;
    entries.select_nth_unstable_by(mid, |a, b| a.coord(by_x).total_cmp(&b.coord(by_x)));
    let (below, above) = entries.split_at_mut(mid);
    kd_split(below, !by_x);
    kd_split(&mut above[1..], !by_x);
}

/// `bounds` is `[min_x, min_y, max_x, max_y]`.
fn kd_range(entries: &[Entry], by_x: bool, bounds: [f64; 4], found: &mut impl FnMut(&Entry)) {
    let inside =
        |e: &Entry| bounds[0] <= e.x && e.x <= bounds[2] && bounds[1] <= e.y && e.y <= bounds[3];
    if entries.len() <= KD_BUCKET {
        entries.iter().filter(|e| inside(e)).for_each(found);
        return;
    }
    let mid = entries.len() / 2;
    let median = &entries[mid];
    if inside(median) {
        found(median);
    }
    let v = median.coord(by_x);
    let (lo, hi) = if by_x { (bounds[0], bounds[2]) } else { (bounds[1], bounds[3]) };
    if lo <= v {
        kd_range(&entries[..mid], !by_x, bounds, found);
    }
    if hi >= v {
        kd_range(&entries[mid + 1..], !by_x, bounds, found);
    }
}

/// Web-Mercator world x in [0, 1], west to east.
fn lon_x(lon: f64) -> f64 {
    lon / 360.0 + 0.5
}

/// Web-Mercator world y in [0, 1], north to south; clamped beyond ±85.0511°.
fn lat_y(lat: f64) -> f64 {
    let sin = lat.to_radians().sin();
    let y = 0.5 - 0.25 * ((1.0 + sin) / (1.0 - sin)).ln() / PI;
    y.clamp(0.0, 1.0)
}

fn x_lon(x: f64) -> f64 {
    (x - 0.5) * 360.0
}

fn y_lat(y: f64) -> f64 {
    let y2 = (180.0 - y * 360.0).to_radians();
    360.0 * y2.exp().atan() / PI - 90.0
}

/// A longitude wrapped into [-180, 180).
fn wrap_lon(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// A tiny deterministic generator (xorshift64*), so the tests need no `rand`.
    struct XorShift(u64);

    impl XorShift {
        /// Uniform in [0, 1).
        fn next_f64(&mut self) -> f64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
        }

        fn around(&mut self, lat: f64, lon: f64, spread: f64) -> (f64, f64) {
            let dlat = (self.next_f64() * 2.0 - 1.0) * spread;
            let dlon = (self.next_f64() * 2.0 - 1.0) * spread;
            (lat + dlat, lon + dlon)
        }
    }

    const HENGDIAN: (f64, f64) = (29.16, 120.31);

    /// `n` points around Hengdian: half spread over ±0.5°, half crowded into ±0.02°, plus
    /// a few stacked on one spot.
    fn scattered(n: u32, seed: u64) -> Vec<(u32, f64, f64)> {
        let mut rng = XorShift(seed);
        (0..n)
            .map(|id| {
                let spread = if id % 2 == 0 { 0.5 } else { 0.02 };
                let (lat, lon) = if id % 50 == 0 {
                    HENGDIAN
                } else {
                    rng.around(HENGDIAN.0, HENGDIAN.1, spread)
                };
                (id * 7 + 3, lat, lon)
            })
            .collect()
    }

    fn whole_world(index: &ClusterIndex, zoom: u8) -> Vec<MapMarker> {
        index.query(-90.0, -180.0, 90.0, 180.0, f64::from(zoom))
    }

    /// The ids a marker stands for.
    fn ids_of(index: &ClusterIndex, marker: &MapMarker) -> Vec<u32> {
        match marker {
            MapMarker::Point { id, .. } => vec![*id],
            MapMarker::Cluster { key, .. } => index.leaves(*key),
        }
    }

    fn lat_lon(marker: &MapMarker) -> (f64, f64) {
        match marker {
            MapMarker::Point { lat, lon, .. } | MapMarker::Cluster { lat, lon, .. } => (*lat, *lon),
        }
    }

    /// Screen pixels of a marker at a zoom.
    fn pixels(marker: &MapMarker, zoom: u8, options: ClusterOptions) -> (f64, f64) {
        let (lat, lon) = lat_lon(marker);
        let scale = options.tile_size * f64::from(1u32 << zoom);
        (lon_x(lon) * scale, lat_y(lat) * scale)
    }

    #[test]
    fn every_point_is_drawn_exactly_once_at_every_zoom() {
        let points = scattered(3_000, 1);
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        let all_ids: Vec<u32> = points.iter().map(|p| p.0).collect();
        assert_eq!(index.len(), all_ids.len());
        for zoom in 0..=18 {
            let markers = whole_world(&index, zoom);
            let total: usize = markers
                .iter()
                .map(|m| match m {
                    MapMarker::Point { .. } => 1,
                    MapMarker::Cluster { count, .. } => *count as usize,
                })
                .sum();
            assert_eq!(total, points.len(), "zoom {zoom}");
            let mut drawn: Vec<u32> = markers.iter().flat_map(|m| ids_of(&index, m)).collect();
            drawn.sort_unstable();
            let distinct: BTreeSet<u32> = drawn.iter().copied().collect();
            assert_eq!(distinct.len(), drawn.len(), "a point drawn twice at zoom {zoom}");
            assert_eq!(drawn, all_ids, "zoom {zoom}");
        }
    }

    #[test]
    fn beyond_max_zoom_every_point_is_drawn_alone_where_it_was_given() {
        let points = scattered(1_000, 2);
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        for zoom in [17.0, 17.5, 22.0] {
            let markers = index.query(-90.0, -180.0, 90.0, 180.0, zoom);
            let expected: Vec<MapMarker> =
                points.iter().map(|&(id, lat, lon)| MapMarker::Point { id, lat, lon }).collect();
            assert_eq!(markers, expected, "zoom {zoom}");
        }
        assert!(whole_world(&index, 16).iter().any(|m| matches!(m, MapMarker::Cluster { .. })));
    }

    #[test]
    fn a_thousand_points_within_a_kilometre_are_one_cluster_at_zoom_0() {
        let mut rng = XorShift(3);
        // ±0.004° is under 500 m each way at this latitude.
        let points: Vec<_> = (0..1_000)
            .map(|id| {
                let (lat, lon) = rng.around(HENGDIAN.0, HENGDIAN.1, 0.004);
                (id, lat, lon)
            })
            .collect();
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        let markers = whole_world(&index, 0);
        assert_eq!(markers.len(), 1);
        let MapMarker::Cluster { count, lat, lon, key, .. } = markers[0] else {
            panic!("expected a cluster, got {:?}", markers[0]);
        };
        assert_eq!(count, 1_000);
        assert!((lat - HENGDIAN.0).abs() < 0.004 && (lon - HENGDIAN.1).abs() < 0.004);
        assert_eq!(index.leaves(key), (0..1_000).collect::<Vec<u32>>());
    }

    #[test]
    fn points_fifty_km_apart_are_apart_at_zoom_10_and_one_cluster_at_zoom_3() {
        let here = GeoPoint::new(HENGDIAN.0, HENGDIAN.1).unwrap();
        // 0.45° of latitude is 50 km.
        let there = GeoPoint::new(HENGDIAN.0 + 0.45, HENGDIAN.1).unwrap();
        assert!((49_000.0..51_000.0).contains(&here.distance_m(there)));
        let points = [(1, here.lat(), here.lon()), (2, there.lat(), there.lon())];
        let index = ClusterIndex::new(&points, ClusterOptions::default());

        let at_10 = whole_world(&index, 10);
        assert_eq!(at_10.len(), 2);
        assert!(at_10.iter().all(|m| matches!(m, MapMarker::Point { .. })));

        let at_3 = whole_world(&index, 3);
        assert_eq!(at_3.len(), 1);
        let MapMarker::Cluster { count, lat, expansion_zoom, key, .. } = at_3[0] else {
            panic!("expected a cluster, got {:?}", at_3[0]);
        };
        assert_eq!(count, 2);
        assert_eq!(index.leaves(key), vec![1, 2]);
        assert!(lat > here.lat() && lat < there.lat());
        assert!((4..=10).contains(&expansion_zoom), "{expansion_zoom}");
    }

    #[test]
    fn no_two_markers_at_a_zoom_are_within_the_radius_of_each_other() {
        let options = ClusterOptions::default();
        for seed in [4, 5] {
            let index = ClusterIndex::new(&scattered(2_000, seed), options);
            for zoom in options.min_zoom..=options.max_zoom {
                let px: Vec<(f64, f64)> =
                    whole_world(&index, zoom).iter().map(|m| pixels(m, zoom, options)).collect();
                for (i, a) in px.iter().enumerate() {
                    for b in &px[i + 1..] {
                        let d = (a.0 - b.0).hypot(a.1 - b.1);
                        // The slack covers rounding through degrees and back.
                        assert!(
                            d > options.radius_px * (1.0 - 1e-9),
                            "seed {seed}, zoom {zoom}: markers {d:.3} px apart"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_cluster_keeps_its_key_until_its_expansion_zoom_where_it_splits() {
        let options = ClusterOptions::default();
        let index = ClusterIndex::new(&scattered(1_500, 6), options);
        // For each zoom: which marker each point is in, and the cluster keys drawn.
        let mut owner: Vec<BTreeMap<u32, usize>> = Vec::new();
        let mut keys: Vec<BTreeSet<u64>> = Vec::new();
        for zoom in 0..=options.max_zoom + 1 {
            let markers = whole_world(&index, zoom);
            let mut by_id = BTreeMap::new();
            let mut drawn_keys = BTreeSet::new();
            for (i, m) in markers.iter().enumerate() {
                for id in ids_of(&index, m) {
                    by_id.insert(id, i);
                }
                if let MapMarker::Cluster { key, .. } = m {
                    drawn_keys.insert(*key);
                }
            }
            owner.push(by_id);
            keys.push(drawn_keys);
        }
        let mut clusters_seen = 0;
        for zoom in 0..=options.max_zoom {
            for m in whole_world(&index, zoom) {
                let MapMarker::Cluster { expansion_zoom, key, .. } = m else { continue };
                clusters_seen += 1;
                assert!(expansion_zoom > zoom && expansion_zoom <= options.max_zoom + 1);
                for between in zoom..expansion_zoom {
                    assert!(keys[between as usize].contains(&key), "{key} gone at {between}");
                }
                let parts: BTreeSet<usize> =
                    index.leaves(key).iter().map(|id| owner[expansion_zoom as usize][id]).collect();
                assert!(parts.len() > 1, "cluster {key} still whole at {expansion_zoom}");
            }
        }
        assert!(clusters_seen > 100, "{clusters_seen}");
    }

    #[test]
    fn a_viewport_returns_exactly_the_markers_inside_it() {
        let index = ClusterIndex::new(&scattered(3_000, 7), ClusterOptions::default());
        let (south, west, north, east) = (29.0, 120.2, 29.3, 120.5);
        let inside = |m: &MapMarker| {
            let (lat, lon) = lat_lon(m);
            (south..=north).contains(&lat) && (west..=east).contains(&lon)
        };
        for zoom in [5, 9, 11, 13, 17] {
            let in_view = index.query(south, west, north, east, f64::from(zoom));
            assert!(in_view.iter().all(inside), "zoom {zoom}");
            let expected: Vec<MapMarker> =
                whole_world(&index, zoom).into_iter().filter(inside).collect();
            assert_eq!(in_view, expected, "zoom {zoom}");
            assert!(!in_view.is_empty());
        }
        assert!(index.query(10.0, 10.0, 11.0, 11.0, 12.0).is_empty());
    }

    #[test]
    fn a_viewport_across_the_antimeridian_finds_both_sides() {
        let points = [(1, -17.0, 179.9), (2, -17.0, -179.9), (3, -17.0, 0.0), (4, -17.0, 170.0)];
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        let ids = |markers: Vec<MapMarker>| -> Vec<u32> {
            markers.iter().flat_map(|m| ids_of(&index, m)).collect()
        };
        assert_eq!(ids(index.query(-18.0, 179.0, -16.0, -179.0, 12.0)), vec![1, 2]);
        // Leaflet's unwrapped bounds east of the antimeridian.
        assert_eq!(ids(index.query(-18.0, 179.0, -16.0, 181.0, 12.0)), vec![1, 2]);
        assert_eq!(ids(index.query(-18.0, -400.0, -16.0, 400.0, 12.0)), vec![1, 2, 3, 4]);
    }

    #[test]
    fn a_fractional_zoom_is_floored_and_clamped() {
        let index = ClusterIndex::new(&scattered(2_000, 8), ClusterOptions::default());
        assert_eq!(index.query(-90.0, -180.0, 90.0, 180.0, 9.99), whole_world(&index, 9));
        assert_eq!(index.query(-90.0, -180.0, 90.0, 180.0, -3.0), whole_world(&index, 0));
        assert_eq!(index.query(-90.0, -180.0, 90.0, 180.0, f64::NAN), whole_world(&index, 0));
        assert_eq!(index.query(-90.0, -180.0, 90.0, 180.0, 99.0), whole_world(&index, 17));
    }

    #[test]
    fn invalid_coordinates_and_repeated_ids_are_skipped() {
        let points = [
            (1, 29.1, 120.3),
            (2, f64::NAN, 120.3),
            (3, 29.1, f64::NAN),
            (4, 91.0, 120.3),
            (5, 29.1, -180.5),
            (6, f64::INFINITY, 0.0),
            (1, 30.0, 121.0),
            (7, 90.0, 180.0),
        ];
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        assert_eq!(index.len(), 2);
        let markers = whole_world(&index, 17);
        assert_eq!(
            markers,
            vec![
                MapMarker::Point { id: 1, lat: 29.1, lon: 120.3 },
                MapMarker::Point { id: 7, lat: 90.0, lon: 180.0 },
            ]
        );
        assert!(whole_world(&index, 0).iter().all(|m| !lat_lon(m).0.is_nan()));
        assert!(index.query(f64::NAN, -180.0, 90.0, 180.0, 3.0).is_empty());
    }

    #[test]
    fn no_points_give_no_markers() {
        let index = ClusterIndex::new(&[(1, f64::NAN, 0.0)], ClusterOptions::default());
        assert!(index.is_empty());
        assert!(whole_world(&index, 0).is_empty());
        assert!(index.leaves(0).is_empty());
    }

    #[test]
    fn leaves_of_a_key_that_names_no_cluster_are_empty() {
        let index = ClusterIndex::new(&scattered(500, 9), ClusterOptions::default());
        assert!(index.leaves(u64::MAX).is_empty());
        assert!(index.leaves(3).is_empty());
    }

    #[test]
    fn the_order_points_are_given_in_does_not_change_the_markers() {
        let points = scattered(2_000, 10);
        let mut reversed = points.clone();
        reversed.reverse();
        let a = ClusterIndex::new(&points, ClusterOptions::default());
        let b = ClusterIndex::new(&reversed, ClusterOptions::default());
        for zoom in 0..=17 {
            assert_eq!(whole_world(&a, zoom), whole_world(&b, zoom), "zoom {zoom}");
        }
    }

    #[test]
    fn nonsense_options_are_repaired() {
        let options =
            ClusterOptions { radius_px: f64::NAN, min_zoom: 40, max_zoom: 200, tile_size: -1.0 };
        let index = ClusterIndex::new(&scattered(200, 11), options);
        assert_eq!(
            index.options(),
            ClusterOptions { radius_px: 0.0, min_zoom: 30, max_zoom: 30, tile_size: 256.0 }
        );
        // Radius 0 still stacks points at the very same place.
        let at_30 = whole_world(&index, 30);
        assert!(at_30.iter().any(|m| matches!(m, MapMarker::Cluster { expansion_zoom: 31, .. })));
        assert_eq!(whole_world(&index, 31).len(), 200);
    }

    #[test]
    fn markers_serialise_with_a_kind_tag() {
        let point = MapMarker::Point { id: 7, lat: 29.5, lon: 120.25 };
        let json = serde_json::to_string(&point).unwrap();
        assert_eq!(json, r#"{"kind":"point","id":7,"lat":29.5,"lon":120.25}"#);
        let cluster =
            MapMarker::Cluster { lat: 29.5, lon: 120.25, count: 3, expansion_zoom: 12, key: 9 };
        let json = serde_json::to_string(&cluster).unwrap();
        assert!(json.starts_with(r#"{"kind":"cluster","#), "{json}");
        assert_eq!(serde_json::from_str::<MapMarker>(&json).unwrap(), cluster);
    }
}
