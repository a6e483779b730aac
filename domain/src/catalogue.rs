//! The catalogue search: what a `/catalogue` URL asks for, facet counts (how many items each
//! value would give together with the other filters) and the text match over Chinese names,
//! their pinyin (full or initials) and English names. The server runs it over its in-memory
//! index; the page builds its links with the same parser, so a shared link shows the same list.

use serde::{Deserialize, Serialize};

use crate::location_filter::fold;
use crate::stock::{Days, MAX_DAYS, MAX_QUANTITY};
use crate::studio_time::parse_date;
use crate::vocab::{Category, Colour, Condition, Era, Material, Size};

/// How many facets there are.
pub const FACETS: usize = 8;

/// A property the catalogue can be narrowed by, several values at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Facet {
    Category,
    Subcategory,
    Era,
    Colour,
    Material,
    Size,
    Condition,
    Supplier,
}

impl Facet {
    /// Every facet, in the order the page shows them.
    pub const ALL: [Facet; FACETS] = [
        Facet::Category,
        Facet::Subcategory,
        Facet::Era,
        Facet::Size,
        Facet::Colour,
        Facet::Material,
        Facet::Condition,
        Facet::Supplier,
    ];

    /// The facet's slot in per-facet arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its URL parameter.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Category => "cat",
            Facet::Subcategory => "sub",
            Facet::Era => "era",
            Facet::Colour => "colour",
            Facet::Material => "material",
            Facet::Size => "size",
            Facet::Condition => "condition",
            Facet::Supplier => "supplier",
        }
    }

    fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Whether `code` can be a value of this facet: fixed vocabularies are checked exactly,
    /// sub-categories and suppliers (which live in the database) by shape.
    pub fn accepts(self, code: &str) -> bool {
        match self {
            Facet::Category => Category::parse(code).is_some(),
            Facet::Era => Era::parse(code).is_some(),
            Facet::Colour => Colour::parse(code).is_some(),
            Facet::Material => Material::parse(code).is_some(),
            Facet::Size => Size::parse(code).is_some(),
            Facet::Condition => Condition::parse(code).is_some(),
            // Supplier codes are slugs with hyphens (`xinghui-wardrobe`).
            Facet::Subcategory | Facet::Supplier => {
                (1..=40).contains(&code.len())
                    && code.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                    })
            }
        }
    }
}

/// The order of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Sort {
    /// Best text match first; the catalogue's own order (by SKU) without a text.
    #[default]
    Relevance,
    PriceLow,
    PriceHigh,
    Newest,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::PriceLow, Sort::PriceHigh, Sort::Newest];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::PriceLow => "price_asc",
            Sort::PriceHigh => "price_desc",
            Sort::Newest => "newest",
        }
    }

    pub fn parse(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Results as a grid of tiles or a compact list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Layout {
    #[default]
    Grid,
    List,
}

impl Layout {
    pub fn code(self) -> &'static str {
        match self {
            Layout::Grid => "grid",
            Layout::List => "list",
        }
    }
}

/// The longest text query kept, in characters.
pub const MAX_QUERY_CHARS: usize = 60;
/// The most values kept per facet from a URL.
const MAX_VALUES: usize = 40;

/// What a `/catalogue` URL asks for. Empty lists and `None` bounds mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueQuery {
    /// Free text: Chinese, pinyin (full or initials), English or a SKU.
    pub q: String,
    /// Chosen values per facet (codes), indexed by [`Facet::index`].
    pub selected: [Vec<String>; FACETS],
    /// Daily rate bounds in whole yuan.
    pub rate_min: Option<i64>,
    pub rate_max: Option<i64>,
    /// Only items with this many units free on every one of these days.
    pub available: Option<Availability>,
    pub sort: Sort,
    pub layout: Layout,
    /// 1-based.
    pub page: u32,
}

/// "Free for these days in this quantity": a filter of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Availability {
    pub days: Days,
    /// At least 1 and at most [`MAX_QUANTITY`].
    pub quantity: i64,
}

impl Availability {
    /// Reads the `from`, `to` and `qty` values of a URL: a missing `to` means the one day
    /// `from`; a missing or malformed `qty` means 1. `None` without a valid `from`, with `to`
    /// before `from`, or with more than [`MAX_DAYS`] days.
    pub fn from_values(from: &str, to: &str, quantity: &str) -> Option<Availability> {
        let first = parse_date(from)?;
        let last = if to.trim().is_empty() { first } else { parse_date(to)? };
        let days = Days { first, last };
        if last < first || days.count() > MAX_DAYS {
            return None;
        }
        let quantity =
            quantity.trim().parse::<i64>().ok().filter(|q| (1..=MAX_QUANTITY).contains(q));
        Some(Availability { days, quantity: quantity.unwrap_or(1) })
    }

    /// Whether an item of which `owned` units exist and at most `held` are taken on any of
    /// the days has enough free.
    pub fn admits(self, owned: i64, held: i64) -> bool {
        owned - held >= self.quantity
    }
}

fn bound(value: &str) -> Option<i64> {
    value.trim().parse::<i64>().ok().filter(|v| (0..=10_000_000).contains(v))
}

impl CatalogueQuery {
    /// Reads URL query pairs; unknown keys and values that do not parse are ignored, so an old
    /// or hand-edited link still opens.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> CatalogueQuery {
        let mut query = CatalogueQuery { page: 1, ..CatalogueQuery::default() };
        let (mut from, mut to, mut quantity) = ("", "", "");
        for (key, value) in pairs {
            if let Some(facet) = Facet::from_key(key) {
                let list = &mut query.selected[facet.index()];
                for code in value.split(',').map(str::trim) {
                    if facet.accepts(code)
                        && !list.iter().any(|c| c == code)
                        && list.len() < MAX_VALUES
                    {
                        list.push(code.to_string());
                    }
                }
                continue;
            }
            match key {
                "q" => query.q = value.trim().chars().take(MAX_QUERY_CHARS).collect(),
                "rate_min" => query.rate_min = bound(value),
                "rate_max" => query.rate_max = bound(value),
                "from" => from = value,
                "to" => to = value,
                "qty" => quantity = value,
                "sort" => query.sort = Sort::parse(value).unwrap_or_default(),
                "view" => query.layout = if value == "list" { Layout::List } else { Layout::Grid },
                "page" => query.page = value.trim().parse::<u32>().unwrap_or(1).clamp(1, 100_000),
                _ => {}
            }
        }
        query.available = Availability::from_values(from, to, quantity);
        query
    }

    /// Reads a URL query string (without the `?`).
    pub fn from_query(query: &str) -> CatalogueQuery {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        CatalogueQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The query pairs, in a stable order; defaults are left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("q", self.q.clone())];
        for facet in Facet::ALL {
            pairs.push((facet.key(), self.selected[facet.index()].join(",")));
        }
        for (key, value) in [("rate_min", self.rate_min), ("rate_max", self.rate_max)] {
            pairs.push((key, value.map(|v| v.to_string()).unwrap_or_default()));
        }
        if let Some(a) = self.available {
            pairs.push(("from", a.days.first.to_string()));
            pairs.push(("to", a.days.last.to_string()));
            pairs.push(("qty", a.quantity.to_string()));
        }
        if self.sort != Sort::Relevance {
            pairs.push(("sort", self.sort.code().to_string()));
        }
        if self.layout != Layout::Grid {
            pairs.push(("view", self.layout.code().to_string()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs.retain(|(_, v)| !v.is_empty());
        pairs
    }

    /// The URL query string (without the `?`).
    pub fn to_query(&self) -> String {
        form_urlencoded::Serializer::new(String::new()).extend_pairs(self.to_pairs()).finish()
    }

    /// The `/catalogue` address showing this query.
    pub fn href(&self) -> String {
        let query = self.to_query();
        if query.is_empty() { "/catalogue".to_string() } else { format!("/catalogue?{query}") }
    }

    pub fn is_selected(&self, facet: Facet, code: &str) -> bool {
        self.selected[facet.index()].iter().any(|c| c == code)
    }

    /// This query with `code` added to or taken out of `facet`, back on the first page.
    pub fn toggled(&self, facet: Facet, code: &str) -> CatalogueQuery {
        let mut next = self.clone();
        let list = &mut next.selected[facet.index()];
        if let Some(at) = list.iter().position(|c| c == code) {
            list.remove(at);
        } else {
            list.push(code.to_string());
        }
        next.page = 1;
        next
    }

    /// This query on another page.
    pub fn on_page(&self, page: u32) -> CatalogueQuery {
        CatalogueQuery { page: page.max(1), ..self.clone() }
    }

    /// This query in another order, back on the first page.
    pub fn sorted(&self, sort: Sort) -> CatalogueQuery {
        CatalogueQuery { sort, page: 1, ..self.clone() }
    }

    /// This query shown as a grid or a list (same page).
    pub fn laid_out(&self, layout: Layout) -> CatalogueQuery {
        CatalogueQuery { layout, ..self.clone() }
    }

    /// The same view with no filters and no text.
    pub fn cleared(&self) -> CatalogueQuery {
        CatalogueQuery {
            sort: self.sort,
            layout: self.layout,
            page: 1,
            ..CatalogueQuery::default()
        }
    }

    /// Whether any filter or text narrows the catalogue.
    pub fn narrows(&self) -> bool {
        !self.q.trim().is_empty()
            || self.selected.iter().any(|list| !list.is_empty())
            || self.rate_min.is_some()
            || self.rate_max.is_some()
            || self.available.is_some()
    }

    /// Whether a daily rate (in fen) is inside the rate bounds.
    pub fn rate_fits(&self, rate_fen: i64) -> bool {
        self.rate_min.is_none_or(|min| rate_fen >= min * 100)
            && self.rate_max.is_none_or(|max| rate_fen <= max * 100)
    }
}

/// No value for this facet (a prop has no size).
pub const NO_VALUE: u16 = u16::MAX;

/// An item as the facets see it: for each facet, the position of the item's value in that
/// facet's list of values (or [`NO_VALUE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetValues(pub [u16; FACETS]);

/// The chosen values of each facet as flags by position; `None` when the facet is open.
#[derive(Debug, Clone, Default)]
pub struct Selection(pub [Option<Vec<bool>>; FACETS]);

impl Selection {
    /// Whether `value` passes `facet`'s choice: the tests' plain reading of what `tally` does.
    #[cfg(test)]
    fn admits(&self, facet: usize, value: u16) -> bool {
        match &self.0[facet] {
            None => true,
            Some(chosen) => chosen.get(usize::from(value)).copied().unwrap_or(false),
        }
    }
}

/// The items matching every filter, and per facet and value how many items that value gives
/// when combined with the filters of the *other* facets (so choosing it next never surprises).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Positions (as given) of the items matching every filter, in the order given.
    pub matched: Vec<u32>,
    /// Per facet (by [`Facet::index`]), a count for each value position.
    pub counts: [Vec<u32>; FACETS],
}

/// Counts facet values over `items` (already narrowed by text, rate and anything else that is
/// not a facet) in one pass: an item failing no facet counts for every value it has; an item
/// failing exactly one facet counts only for its value of that facet.
///
/// Every facet's counts sit side by side in one array, each facet's followed by a spare slot
/// that takes the items without a value (or with one past the list), so an item's slots are
/// worked out without a branch; only the chosen facets are tested, each as one bit.
pub fn tally(
    items: impl IntoIterator<Item = (u32, FacetValues)>,
    selection: &Selection,
    sizes: &[usize; FACETS],
) -> Tally {
    let mut starts = [0_usize; FACETS];
    let mut end = 0;
    for (start, size) in starts.iter_mut().zip(sizes) {
        *start = end;
        end += size + 1;
    }
    let mut flat = vec![0_u32; end];
    // The chosen facets: which slots of the flat array pass (the spare slot never does).
    let chosen: Vec<(usize, Vec<bool>)> = (0..FACETS)
        .filter_map(|f| {
            let flags = selection.0[f].as_ref()?;
            let mut passes = vec![false; sizes[f] + 1];
            for (pass, flag) in passes.iter_mut().zip(flags.iter().take(sizes[f])) {
                *pass = *flag;
            }
            Some((f, passes))
        })
        .collect();
    let mut matched = Vec::new();
    // Where an item's value of facet `f` is counted within that facet's slots.
    let within = |values: &[u16; FACETS], f: usize| usize::from(values[f]).min(sizes[f]);
    for (position, FacetValues(values)) in items {
        let mut failing = 0_u32;
        for (f, passes) in &chosen {
            failing |= u32::from(!passes[within(&values, *f)]) << f;
        }
        if failing == 0 {
            matched.push(position);
            for f in 0..FACETS {
                flat[starts[f] + within(&values, f)] += 1;
            }
        } else if failing.is_power_of_two() {
            let f = failing.trailing_zeros() as usize;
            flat[starts[f] + within(&values, f)] += 1;
        }
    }
    let counts = std::array::from_fn(|f| flat[starts[f]..starts[f] + sizes[f]].to_vec());
    Tally { matched, counts }
}

/// One word of a text query.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    /// Chinese (anything beyond ASCII): matched as a substring of the Chinese texts.
    Han(String),
    /// Latin letters and digits, folded: pinyin, initials, English or a SKU.
    Latin(String),
}

/// A text query split into words; every word must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    terms: Vec<Term>,
}

/// What an item offers to the text search, prepared once by the index.
#[derive(Debug, Clone, Copy)]
pub struct SearchText<'a> {
    pub name_zh: &'a str,
    /// The English name, lower-cased.
    pub name_en: &'a str,
    /// The English name folded like the query (`dragonrobe`).
    pub name_en_folded: &'a str,
    /// Full pinyin of the Chinese name without tones or spaces (`longpao`).
    pub pinyin: &'a str,
    /// Where each character's syllable starts in `pinyin` (byte offsets).
    pub starts: &'a [u16],
    /// Pinyin initials (`lp`).
    pub initials: &'a str,
    /// Sub-category names, tags and the like (lower-cased), for weaker matches.
    pub extra: &'a str,
}

/// Score of a word found in the name, by how well it fits.
const EXACT: u32 = 100;
const PREFIX: u32 = 90;
const WORD_START: u32 = 80;
const INSIDE: u32 = 70;
const INITIALS: u32 = 60;
const EXTRA: u32 = 40;
const TYPO: u32 = 20;

impl TextQuery {
    pub fn parse(q: &str) -> TextQuery {
        let terms = q
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | '/'))
            .filter(|w| !w.is_empty())
            .map(|word| {
                if word.is_ascii() {
                    Term::Latin(fold(word))
                } else {
                    Term::Han(word.to_lowercase())
                }
            })
            .filter(|t| !matches!(t, Term::Latin(w) if w.is_empty()))
            .take(8)
            .collect();
        TextQuery { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The words as the fields are searched for them: an item that matches without typos has
    /// each one inside one of its [`SearchText`] fields (so an index of the fields' character
    /// pairs can narrow the items to score).
    pub fn needles(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|term| match term {
            Term::Han(word) | Term::Latin(word) => word.as_str(),
        })
    }

    /// The start every SKU that [`TextQuery::sku_score`] admits begins with, if the query can
    /// name a SKU at all (one Latin word).
    pub fn sku_prefix(&self) -> Option<&str> {
        match self.terms.as_slice() {
            [Term::Latin(word)] => Some(word),
            _ => None,
        }
    }

    /// How well `item` matches every word (higher is better), or `None`. With `typos`, Latin
    /// words of four letters or more may also be one edit away (two from eight letters) from
    /// the start of the pinyin or from an English word.
    pub fn score(&self, item: &SearchText<'_>, typos: bool) -> Option<u32> {
        let mut total = 0;
        for term in &self.terms {
            total += match term {
                Term::Han(word) => han_score(word, item)?,
                Term::Latin(word) => {
                    latin_score(word, item).or_else(|| typos.then(|| typo_score(word, item))?)?
                }
            };
        }
        Some(total)
    }

    /// How well the query names an item's SKU (folded like the query, `co00017`): the whole SKU
    /// ranks above any name match; three or more leading characters match weakly.
    pub fn sku_score(&self, sku: &str) -> Option<u32> {
        match self.terms.as_slice() {
            [Term::Latin(word)] if sku == word => Some(2 * EXACT),
            [Term::Latin(word)] if word.len() >= 3 && sku.starts_with(word.as_str()) => Some(EXTRA),
            _ => None,
        }
    }

    /// Which characters of a Chinese name the query matched. `syllables` holds each
    /// character's pinyin (lower-case, no tones; empty for punctuation).
    pub fn marks_zh(&self, name_zh: &str, syllables: &[String]) -> Vec<bool> {
        let chars: Vec<char> = name_zh.chars().collect();
        let mut marks = vec![false; chars.len()];
        for term in &self.terms {
            match term {
                Term::Han(word) => mark_all(&chars, &word.chars().collect::<Vec<_>>(), &mut marks),
                Term::Latin(word) => {
                    let units: Vec<(usize, char)> = syllables
                        .iter()
                        .enumerate()
                        .flat_map(|(i, s)| s.chars().map(move |c| (i, c)))
                        .collect();
                    if !mark_units(&units, word, &mut marks) {
                        let initials: Vec<(usize, char)> = syllables
                            .iter()
                            .enumerate()
                            .filter_map(|(i, s)| s.chars().next().map(|c| (i, c)))
                            .collect();
                        if word.chars().count() >= 2 {
                            mark_units(&initials, word, &mut marks);
                        }
                    }
                }
            }
        }
        marks
    }

    /// Which characters of an English name the query matched.
    pub fn marks_en(&self, name_en: &str) -> Vec<bool> {
        let chars: Vec<char> = name_en.chars().collect();
        let mut marks = vec![false; chars.len()];
        let units: Vec<(usize, char)> = chars
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_whitespace() && !matches!(c, '\'' | '’' | '-' | '.' | '·'))
            .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)))
            .collect();
        for term in &self.terms {
            if let Term::Latin(word) = term {
                mark_units(&units, word, &mut marks);
            }
        }
        marks
    }
}

fn han_score(word: &str, item: &SearchText<'_>) -> Option<u32> {
    if item.name_zh == word {
        Some(EXACT)
    } else if item.name_zh.starts_with(word) {
        Some(PREFIX)
    } else if item.name_zh.contains(word) {
        Some(INSIDE)
    } else if item.extra.contains(word) {
        Some(EXTRA)
    } else {
        None
    }
}

fn latin_score(word: &str, item: &SearchText<'_>) -> Option<u32> {
    if word.len() < 2 {
        return None;
    }
    let en_words = || item.name_en.split(|c: char| !c.is_ascii_alphanumeric());
    if item.pinyin == word || item.initials == word {
        Some(EXACT)
    } else if item.pinyin.starts_with(word) {
        Some(PREFIX)
    } else if en_words().any(|w| w.starts_with(word)) {
        Some(WORD_START)
    } else if item.pinyin.contains(word) || item.name_en_folded.contains(word) {
        Some(INSIDE)
    } else if item.initials.starts_with(word) {
        Some(INITIALS + 5)
    } else if item.initials.contains(word) {
        Some(INITIALS)
    } else if item.extra.contains(word) {
        Some(EXTRA)
    } else {
        None
    }
}

fn typo_score(word: &str, item: &SearchText<'_>) -> Option<u32> {
    let length = word.chars().count();
    if length < 4 || !word.is_ascii() {
        return None;
    }
    let allowed = if length >= 8 { 2 } else { 1 };
    let near = |text: &str| {
        // The start of `text` one letter shorter, as long, or one longer than the word.
        (length.saturating_sub(1)..=length + 1).filter_map(|n| text.get(..n)).any(|start| {
            if allowed == 1 {
                within_one_edit(word.as_bytes(), start.as_bytes())
            } else {
                strsim::osa_distance(word, start) <= allowed
            }
        })
    };
    let hit = item.starts.iter().any(|s| item.pinyin.get(usize::from(*s)..).is_some_and(near))
        || item
            .name_en
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w.len() >= 3 && near(w));
    hit.then_some(TYPO)
}

/// Whether `a` and `b` are at most one edit apart (insertion, deletion, substitution or a swap
/// of neighbours: the optimal-string-alignment distance ≤ 1) — `strsim::osa_distance(a, b) <= 1`
/// without its allocations, for the typo pass that runs over every item.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[same..], &b[same..]);
    match (ra.len(), rb.len()) {
        (0, 0) => true,
        (x, y) if x > y => ra[1..] == *rb,
        (x, y) if x < y => *ra == rb[1..],
        _ => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
    }
}

/// Marks every occurrence of `needle` in `chars`.
fn mark_all(chars: &[char], needle: &[char], marks: &mut [bool]) {
    if needle.is_empty() || needle.len() > chars.len() {
        return;
    }
    for start in 0..=chars.len() - needle.len() {
        if chars[start..start + needle.len()] == *needle {
            marks[start..start + needle.len()].iter_mut().for_each(|m| *m = true);
        }
    }
}

/// Marks the characters behind the first occurrence of `word` in a sequence of
/// (character position, letter) units; whether it was found.
fn mark_units(units: &[(usize, char)], word: &str, marks: &mut [bool]) -> bool {
    let needle: Vec<char> = word.chars().collect();
    if needle.is_empty() || needle.len() > units.len() {
        return false;
    }
    for start in 0..=units.len() - needle.len() {
        let window = &units[start..start + needle.len()];
        if window.iter().zip(&needle).all(|((_, c), n)| c == n) {
            // From the first character to the last, spaces between words included.
            let (from, to) = (window[0].0, window[window.len() - 1].0);
            marks.iter_mut().take(to + 1).skip(from).for_each(|m| *m = true);
            return true;
        }
    }
    false
}

/// Splits `text` into runs of marked and unmarked characters, for `<mark>`.
pub fn segments(text: &str, marks: &[bool]) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    let (mut from, mut marking) = (0, false);
    for (i, (at, _)) in text.char_indices().enumerate() {
        let marked = marks.get(i).copied().unwrap_or(false);
        if i > 0 && marked != marking {
            runs.push((text[from..at].to_string(), marking));
            from = at;
        }
        marking = marked;
    }
    if from < text.len() {
        runs.push((text[from..].to_string(), marking));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn robe() -> SearchText<'static> {
        SearchText {
            name_zh: "明黄缎绣龙袍",
            name_en: "bright yellow satin dragon robe",
            name_en_folded: "brightyellowsatindragonrobe",
            pinyin: "minghuangduanxiulongpao",
            starts: &[0, 4, 9, 13, 16, 20],
            initials: "mhdxlp",
            extra: "龙袍 dragon robes 宫廷 court emperor",
        }
    }

    fn syllables() -> Vec<String> {
        ["ming", "huang", "duan", "xiu", "long", "pao"].map(String::from).to_vec()
    }

    fn query(pairs: &[(&str, &str)]) -> CatalogueQuery {
        CatalogueQuery::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn availability_reads_back_and_refuses_nonsense() {
        let q = query(&[("from", "2026-12-10"), ("to", "2026-12-14"), ("qty", "3")]);
        let a = q.available.expect("a window");
        assert_eq!((a.days.count(), a.quantity), (5, 3));
        assert!(q.narrows());
        assert_eq!(CatalogueQuery::from_query(&q.to_query()), q);
        // One day when `to` is left empty; one unit when `qty` is missing or out of range.
        let one = query(&[("from", "2026-12-10"), ("to", ""), ("qty", "0")]).available.unwrap();
        assert_eq!((one.days.count(), one.quantity), (1, 1));
        assert_eq!(
            query(&[("from", "2026-12-10"), ("qty", "9999")]).available.unwrap().quantity,
            1
        );
        for pairs in [
            &[("from", "2026-12-14"), ("to", "2026-12-10")][..],
            &[("from", "2026-12-01"), ("to", "2027-06-01")],
            &[("from", "next week")],
            &[("qty", "3")],
            &[("to", "2026-12-10")],
        ] {
            assert_eq!(query(pairs).available, None, "{pairs:?}");
        }
        assert!(a.admits(10, 7) && !a.admits(10, 8) && !a.admits(2, 0));
    }

    #[test]
    fn chinese_pinyin_initials_and_english_all_find_the_robe() {
        for q in ["龙袍", "龙", "longpao", "LongPao", "lp", "dragon", "dragon robe", "宫廷"] {
            assert!(TextQuery::parse(q).score(&robe(), false).is_some(), "{q}");
        }
        for q in ["铠甲", "kaijia", "armour", "龙袍 armour", "l"] {
            assert!(TextQuery::parse(q).score(&robe(), false).is_none(), "{q}");
        }
    }

    #[test]
    fn a_sku_is_found_whole_or_by_its_start() {
        let sku = "co00017";
        assert_eq!(TextQuery::parse("CO-00017").sku_score(sku), Some(2 * EXACT));
        assert_eq!(TextQuery::parse("co-000").sku_score(sku), Some(EXTRA));
        assert_eq!(TextQuery::parse("co").sku_score(sku), None, "too short");
        assert_eq!(TextQuery::parse("co-00017 robe").sku_score(sku), None);
    }

    #[test]
    fn one_edit_is_checked_like_strsim() {
        // Every pair of words of up to three letters over a small alphabet, against the crate.
        let words: Vec<String> = (0..4_u32)
            .flat_map(|len| {
                (0..3_usize.pow(len)).map(move |mut n| {
                    (0..len)
                        .map(|_| {
                            let c = char::from(b"abc"[n % 3]);
                            n /= 3;
                            c
                        })
                        .collect()
                })
            })
            .collect();
        for a in &words {
            for b in &words {
                let expected = strsim::osa_distance(a, b) <= 1;
                assert_eq!(within_one_edit(a.as_bytes(), b.as_bytes()), expected, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn closer_matches_score_higher() {
        let score = |q: &str| TextQuery::parse(q).score(&robe(), false).unwrap();
        assert!(score("明黄") > score("龙袍"), "a prefix beats a substring");
        assert!(score("龙袍") > score("宫廷"), "the name beats a tag");
        assert!(score("minghuang") > score("longpao"));
        assert!(score("longpao") > score("lp"));
    }

    #[test]
    fn typos_are_forgiven_only_when_asked() {
        for q in ["minhguang", "longpoa", "dragn", "yelow"] {
            assert!(TextQuery::parse(q).score(&robe(), false).is_none(), "{q}");
            assert!(TextQuery::parse(q).score(&robe(), true).is_some(), "{q}");
        }
        assert!(TextQuery::parse("kaijia").score(&robe(), true).is_none());
        assert!(TextQuery::parse("lng").score(&robe(), true).is_none(), "too short to guess");
    }

    #[test]
    fn matches_are_marked_in_both_names() {
        let text = TextQuery::parse("longpao");
        let marks = text.marks_zh("明黄缎绣龙袍", &syllables());
        assert_eq!(
            segments("明黄缎绣龙袍", &marks),
            vec![("明黄缎绣".to_string(), false), ("龙袍".to_string(), true)]
        );
        let marks = TextQuery::parse("mh").marks_zh("明黄缎绣龙袍", &syllables());
        assert_eq!(marks, vec![true, true, false, false, false, false]);
        let marks = TextQuery::parse("龙").marks_zh("明黄缎绣龙袍", &syllables());
        assert_eq!(marks, vec![false, false, false, false, true, false]);
        let name = "Bright Yellow Satin Dragon Robe";
        let marks = TextQuery::parse("dragonrobe").marks_en(name);
        assert_eq!(
            segments(name, &marks),
            vec![("Bright Yellow Satin ".to_string(), false), ("Dragon Robe".to_string(), true)]
        );
        let marks = TextQuery::parse("satin").marks_en(name);
        assert_eq!(
            segments(name, &marks),
            vec![
                ("Bright Yellow ".to_string(), false),
                ("Satin".to_string(), true),
                (" Dragon Robe".to_string(), false)
            ]
        );
        // No text marks nothing: one run, or none for an empty name.
        assert_eq!(segments("明黄缎绣龙袍", &[]), vec![("明黄缎绣龙袍".to_string(), false)]);
        assert!(segments("", &[]).is_empty());
    }

    #[test]
    fn the_url_round_trips_and_ignores_junk() {
        let q = query(&[
            ("q", "  longpao "),
            ("cat", "costume,costume,spaceship"),
            ("sub", "dragon_robe,DROP TABLE"),
            ("size", "l"),
            ("rate_min", "-3"),
            ("rate_max", "300"),
            ("sort", "price_asc"),
            ("view", "list"),
            ("page", "0"),
            ("utm", "x"),
        ]);
        assert_eq!(q.q, "longpao");
        assert_eq!(q.selected[Facet::Category.index()], vec!["costume"]);
        assert_eq!(q.selected[Facet::Subcategory.index()], vec!["dragon_robe"]);
        assert_eq!(q.rate_min, None);
        assert_eq!(q.page, 1);
        assert_eq!(
            q.to_query(),
            "q=longpao&cat=costume&sub=dragon_robe&size=l&rate_max=300&sort=price_asc&view=list"
        );
        assert_eq!(CatalogueQuery::from_query(&q.to_query()), q);
        assert_eq!(CatalogueQuery::from_query(""), query(&[]));
        assert_eq!(query(&[]).href(), "/catalogue");
        assert!(!query(&[("sort", "newest")]).narrows());
        let by_supplier = query(&[("supplier", "xinghui-wardrobe,chema-fleet")]);
        assert_eq!(
            by_supplier.selected[Facet::Supplier.index()],
            vec!["xinghui-wardrobe".to_string(), "chema-fleet".to_string()]
        );
        assert!(query(&[("supplier", "../x")]).selected[Facet::Supplier.index()].is_empty());
    }

    #[test]
    fn toggling_a_value_goes_back_to_the_first_page() {
        let q = query(&[("era", "qing"), ("page", "3")]);
        let more = q.toggled(Facet::Era, "ming");
        assert_eq!(more.selected[Facet::Era.index()], vec!["qing", "ming"]);
        assert_eq!(more.page, 1);
        let less = more.toggled(Facet::Era, "qing");
        assert_eq!(less.selected[Facet::Era.index()], vec!["ming"]);
        assert_eq!(q.on_page(4).href(), "/catalogue?era=qing&page=4");
        assert_eq!(q.cleared().href(), "/catalogue");
    }

    /// Brute force: filter with all facets but one, then count that facet's values.
    fn expected_counts(
        items: &[FacetValues],
        selection: &Selection,
        sizes: &[usize; FACETS],
    ) -> Tally {
        let admits_all_but = |item: &FacetValues, skip: Option<usize>| {
            (0..FACETS).all(|f| Some(f) == skip || selection.admits(f, item.0[f]))
        };
        let matched =
            (0..items.len() as u32).filter(|i| admits_all_but(&items[*i as usize], None)).collect();
        let counts = std::array::from_fn(|f| {
            (0..sizes[f])
                .map(|v| {
                    items
                        .iter()
                        .filter(|item| admits_all_but(item, Some(f)) && item.0[f] == v as u16)
                        .count() as u32
                })
                .collect()
        });
        Tally { matched, counts }
    }

    #[test]
    fn counts_show_what_each_value_would_give_with_the_other_filters() {
        // A small deterministic generator: many items, values spread over small vocabularies.
        let sizes = [4, 9, 11, 6, 11, 13, 4, 7];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % n as u64) as u16
        };
        let items: Vec<FacetValues> = (0..3000)
            .map(|_| {
                FacetValues(std::array::from_fn(|f| {
                    if f == Facet::Size.index() && next(3) == 0 { NO_VALUE } else { next(sizes[f]) }
                }))
            })
            .collect();
        for round in 0..40 {
            let selection = Selection(std::array::from_fn(|f| {
                (next(3) == 0 || round == 0 && f == 0).then(|| {
                    let mut chosen = vec![false; sizes[f]];
                    for _ in 0..=next(3) {
                        chosen[usize::from(next(sizes[f]))] = true;
                    }
                    chosen
                })
            }));
            let got =
                tally(items.iter().enumerate().map(|(i, v)| (i as u32, *v)), &selection, &sizes);
            assert_eq!(got, expected_counts(&items, &selection, &sizes), "round {round}");
        }
    }
}
