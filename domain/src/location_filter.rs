//! The locations search: which filters a URL carries and whether a location matches them. The
//! server filters with it; the browser builds its links and forms with the same parser, so a
//! shared link reproduces exactly what the sender saw.

use crate::booking::{Window, parse_studio_local, studio_local};
use crate::vocab::{Base, Era, Facility, LocationKind, Setting};

/// Filters over locations; empty lists and `None` bounds mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocationFilter {
    /// Free text: Chinese, pinyin (full or initials) or English.
    pub q: String,
    pub kinds: Vec<LocationKind>,
    pub eras: Vec<Era>,
    pub settings: Vec<Setting>,
    pub bases: Vec<Base>,
    /// Every listed facility must be present.
    pub facilities: Vec<Facility>,
    pub area_min: Option<i64>,
    pub area_max: Option<i64>,
    /// Hourly rate bounds in whole yuan.
    pub rate_min: Option<i64>,
    pub rate_max: Option<i64>,
    /// "Free from … to …" in studio time (Unix seconds, whole minutes), as typed; see
    /// [`LocationFilter::free_window`].
    pub free_from: Option<i64>,
    pub free_to: Option<i64>,
}

/// Why the "free from … to …" pair cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeRangeError {
    /// Only one end was given.
    Incomplete,
    /// The end is not after the start.
    EndNotAfterStart,
    /// Longer than a booking may be.
    TooLong,
}

impl FreeRangeError {
    /// The message code the filter form shows.
    pub fn code(self) -> &'static str {
        match self {
            FreeRangeError::Incomplete => "free_range_incomplete",
            FreeRangeError::EndNotAfterStart => "end_not_after_start",
            FreeRangeError::TooLong => "too_long_booking",
        }
    }
}

/// What a location offers to the filter.
#[derive(Debug, Clone, Copy)]
pub struct LocationTraits<'a> {
    pub name_zh: &'a str,
    pub name_en: &'a str,
    /// Full pinyin without spaces (`qinwanggong`).
    pub pinyin: &'a str,
    /// Pinyin initials (`qwg`).
    pub initials: &'a str,
    pub kind: LocationKind,
    pub eras: &'a [Era],
    pub setting: Setting,
    pub base: Base,
    pub facilities: &'a [Facility],
    pub area_m2: i64,
    pub hourly_rate_fen: i64,
}

/// Lower-cases and drops spaces, apostrophes, hyphens and dots, so `Qin Palace`, `qin-palace`
/// and `qinpalace` compare equal.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '’' | '-' | '.' | '·'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn push_codes<T: Copy + PartialEq>(list: &mut Vec<T>, value: &str, parse: fn(&str) -> Option<T>) {
    for code in value.split(',') {
        if let Some(v) = parse(code.trim())
            && !list.contains(&v)
        {
            list.push(v);
        }
    }
}

/// A `datetime-local` value, cut down to the whole minute.
fn minute(value: &str) -> Option<i64> {
    parse_studio_local(value).map(|t| t - t.rem_euclid(60))
}

fn bound(value: &str) -> Option<i64> {
    value.trim().parse::<i64>().ok().filter(|v| *v >= 0)
}

impl LocationFilter {
    /// Reads URL query pairs; unknown keys and values that do not parse are ignored, so an old
    /// or hand-edited link still opens.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> LocationFilter {
        let mut f = LocationFilter::default();
        for (key, value) in pairs {
            match key {
                "q" => f.q = value.trim().chars().take(100).collect(),
                "kind" => push_codes(&mut f.kinds, value, LocationKind::parse),
                "era" => push_codes(&mut f.eras, value, Era::parse),
                "setting" => push_codes(&mut f.settings, value, Setting::parse),
                "base" => push_codes(&mut f.bases, value, Base::parse),
                "facility" => push_codes(&mut f.facilities, value, Facility::parse),
                "area_min" => f.area_min = bound(value),
                "area_max" => f.area_max = bound(value),
                "rate_min" => f.rate_min = bound(value),
                "rate_max" => f.rate_max = bound(value),
                "free_from" => f.free_from = minute(value),
                "free_to" => f.free_to = minute(value),
                _ => {}
            }
        }
        f
    }

    /// Reads a URL query string (without the `?`), as [`LocationFilter::from_pairs`].
    pub fn from_query(query: &str) -> LocationFilter {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        LocationFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The URL query string (without the `?`) for this filter.
    pub fn to_query(&self) -> String {
        form_urlencoded::Serializer::new(String::new()).extend_pairs(self.to_pairs()).finish()
    }

    /// The query pairs for this filter, in a stable order (codes joined by commas).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        fn codes<T: Copy>(list: &[T], code: fn(T) -> &'static str) -> String {
            list.iter().map(|v| code(*v)).collect::<Vec<_>>().join(",")
        }
        let mut pairs = vec![
            ("q", self.q.clone()),
            ("kind", codes(&self.kinds, LocationKind::code)),
            ("era", codes(&self.eras, Era::code)),
            ("setting", codes(&self.settings, Setting::code)),
            ("base", codes(&self.bases, Base::code)),
            ("facility", codes(&self.facilities, Facility::code)),
        ];
        for (key, value) in [
            ("area_min", self.area_min),
            ("area_max", self.area_max),
            ("rate_min", self.rate_min),
            ("rate_max", self.rate_max),
        ] {
            pairs.push((key, value.map(|v| v.to_string()).unwrap_or_default()));
        }
        for (key, value) in [("free_from", self.free_from), ("free_to", self.free_to)] {
            pairs.push((key, value.map(studio_local).unwrap_or_default()));
        }
        pairs.retain(|(_, v)| !v.is_empty());
        pairs
    }

    /// The window a location must be free in: `None` when neither end is given.
    pub fn free_window(&self) -> Result<Option<Window>, FreeRangeError> {
        match (self.free_from, self.free_to) {
            (None, None) => Ok(None),
            (Some(start), Some(end)) if end <= start => Err(FreeRangeError::EndNotAfterStart),
            (Some(start), Some(end)) if end - start > crate::booking::MAX_BOOKING_SECS => {
                Err(FreeRangeError::TooLong)
            }
            (Some(start), Some(end)) => Ok(Some(Window { start, end })),
            _ => Err(FreeRangeError::Incomplete),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.to_pairs().is_empty()
    }

    /// Whether the free text matches: a substring of the Chinese name; or, for two or more Latin
    /// characters, a substring of the folded English name or of the full pinyin, or a prefix of
    /// the pinyin initials.
    pub fn text_matches(&self, l: &LocationTraits<'_>) -> bool {
        let q = self.q.trim();
        if q.is_empty() {
            return true;
        }
        if l.name_zh.contains(q) {
            return true;
        }
        let folded = fold(q);
        folded.chars().count() >= 2
            && (fold(l.name_en).contains(&folded)
                || l.pinyin.contains(&folded)
                || l.initials.starts_with(&folded))
    }

    pub fn matches(&self, l: &LocationTraits<'_>) -> bool {
        let any = |list_empty: bool, hit: bool| list_empty || hit;
        any(self.kinds.is_empty(), self.kinds.contains(&l.kind))
            && any(self.eras.is_empty(), l.eras.iter().any(|e| self.eras.contains(e)))
            && any(self.settings.is_empty(), self.settings.contains(&l.setting))
            && any(self.bases.is_empty(), self.bases.contains(&l.base))
            && self.facilities.iter().all(|f| l.facilities.contains(f))
            && self.area_min.is_none_or(|min| l.area_m2 >= min)
            && self.area_max.is_none_or(|max| l.area_m2 <= max)
            && self.rate_min.is_none_or(|min| l.hourly_rate_fen >= min * 100)
            && self.rate_max.is_none_or(|max| l.hourly_rate_fen <= max * 100)
            && self.text_matches(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qin_palace() -> LocationTraits<'static> {
        LocationTraits {
            name_zh: "秦王宫",
            name_en: "Qin Palace",
            pinyin: "qinwanggong",
            initials: "qwg",
            kind: LocationKind::Palace,
            eras: &[Era::QinHan],
            setting: Setting::Mixed,
            base: Base::Hengdian,
            facilities: &[Facility::Parking, Facility::Power],
            area_m2: 110_000,
            hourly_rate_fen: 120_000,
        }
    }

    fn filter(query: &[(&str, &str)]) -> LocationFilter {
        LocationFilter::from_pairs(query.iter().copied())
    }

    #[test]
    fn text_matches_chinese_pinyin_initials_and_english() {
        for q in ["秦王", "qinwanggong", "QinWangGong", "qwg", "qin palace", "palace", "Qin-Palace"]
        {
            assert!(filter(&[("q", q)]).matches(&qin_palace()), "{q}");
        }
        for q in ["清", "longpao", "wg", "q"] {
            assert!(!filter(&[("q", q)]).matches(&qin_palace()), "{q}");
        }
    }

    #[test]
    fn facets_and_ranges_combine() {
        let l = qin_palace();
        assert!(filter(&[("kind", "palace,street"), ("era", "qin_han")]).matches(&l));
        assert!(!filter(&[("kind", "street")]).matches(&l));
        assert!(filter(&[("facility", "parking,power")]).matches(&l));
        assert!(!filter(&[("facility", "parking,canteen")]).matches(&l));
        assert!(filter(&[("area_min", "100000"), ("rate_max", "1200")]).matches(&l));
        assert!(!filter(&[("rate_max", "1199")]).matches(&l));
        assert!(!filter(&[("base", "xinjiang")]).matches(&l));
    }

    #[test]
    fn the_url_round_trips_and_ignores_junk() {
        let f =
            filter(&[("q", " 秦 "), ("era", "qing,qing,nonsense"), ("area_min", "-5"), ("x", "y")]);
        assert_eq!(f.q, "秦");
        assert_eq!(f.eras, vec![Era::Qing]);
        assert_eq!(f.area_min, None);
        let pairs = f.to_pairs();
        assert_eq!(pairs, vec![("q", "秦".to_string()), ("era", "qing".to_string())]);
        let again = LocationFilter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, f);
        assert!(LocationFilter::default().is_empty());
        let query = "q=%E7%A7%A6+palace&era=qing%2Cming&free_from=2026-12-01T06%3A30";
        let parsed = LocationFilter::from_query(query);
        assert_eq!(parsed.q, "秦 palace");
        assert_eq!(parsed.eras, vec![Era::Qing, Era::Ming]);
        assert_eq!(LocationFilter::from_query(&parsed.to_query()), parsed);
    }

    #[test]
    fn a_free_range_round_trips_in_studio_time_and_explains_itself() {
        let f = filter(&[("free_from", "2026-12-01T06:30"), ("free_to", "2026-12-01T13:45:30")]);
        let window = f.free_window().unwrap().unwrap();
        assert_eq!(window.len(), 7 * 3600 + 15 * 60, "seconds are cut to the minute");
        assert_eq!(
            f.to_pairs(),
            vec![
                ("free_from", "2026-12-01T06:30".to_string()),
                ("free_to", "2026-12-01T13:45".to_string())
            ]
        );
        assert_eq!(
            filter(&[("free_from", "2026-12-01T06:30")]).free_window(),
            Err(FreeRangeError::Incomplete)
        );
        assert_eq!(
            filter(&[("free_from", "2026-12-01T06:30"), ("free_to", "2026-12-01T06:30")])
                .free_window(),
            Err(FreeRangeError::EndNotAfterStart)
        );
        assert_eq!(
            filter(&[("free_from", "2026-12-01T06:30"), ("free_to", "2027-02-01T06:30")])
                .free_window(),
            Err(FreeRangeError::TooLong)
        );
        assert_eq!(filter(&[("free_from", "tuesday")]).free_window(), Ok(None));
    }
}
