//! The catalogue's search index: every item's facet values, rate and search texts (Chinese,
//! pinyin, initials, English, SKU, tags) in memory, so a query with text, ranges and facet
//! counts is one pass over the catalogue instead of a query per facet. It holds every item's
//! card too (names, facts, first photo), so a search's page is answered without reading the
//! database: everything on a card moves the revision (item, sub-category, supplier and photo
//! triggers).
//!
//! The index remembers the `catalogue_revision` it was built from. Each search reads the
//! current revision (one tiny query) and rebuilds first when it moved, so every instance in
//! front of a shared PostgreSQL sees every instance's changes.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use app::models::{CatalogueView, FacetGroup, FacetOption, ItemCard};
use domain::catalogue::{
    CatalogueQuery, FACETS, Facet, FacetValues, NO_VALUE, SearchText, Selection, Sort, TextQuery,
    tally,
};
use domain::vocab::{Category, Colour, Condition, Era, Lang, Material, Size};
use std::future::Future;

use crate::index_cache::{IndexCache, KeptAnswers, Rebuilt};
use crate::search::{pinyin_full, pinyin_initials, pinyin_syllables};
use crate::storage::catalogue::{CatalogueSource, Named};
use crate::storage::{StorageError, Store};
use domain::location_filter::fold;

/// One item in the index; its searchable text is shared with every item of the same names and
/// tags (stock lines often repeat them), so a query scores each distinct text once. Its facet
/// values and rate are in the index's columns, which a pass without text reads alone.
#[derive(Debug, Clone)]
struct Entry {
    item_id: i64,
    /// Units owned.
    owned: i64,
    /// Folded like a query (`co00017`).
    sku: String,
    /// Position in `CatalogueIndex::texts`.
    text: u32,
}

/// The searchable text of one or more items.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Text {
    name_zh: String,
    name_en: String,
    name_en_folded: String,
    pinyin: String,
    starts: Vec<u16>,
    initials: String,
    extra: String,
}

impl Text {
    fn search(&self) -> SearchText<'_> {
        SearchText {
            name_zh: &self.name_zh,
            name_en: &self.name_en,
            name_en_folded: &self.name_en_folded,
            pinyin: &self.pinyin,
            starts: &self.starts,
            initials: &self.initials,
            extra: &self.extra,
        }
    }
}

/// The values a facet can take, in display order, with a lookup by code.
#[derive(Debug, Clone, Default)]
struct Values {
    list: Vec<Named>,
    by_code: HashMap<String, u16>,
}

impl Values {
    fn new(list: Vec<Named>) -> Values {
        let by_code = list
            .iter()
            .enumerate()
            .map(|(i, v)| (v.code.clone(), u16::try_from(i).unwrap_or(NO_VALUE)))
            .collect();
        Values { list, by_code }
    }

    fn of_vocabulary<T: Copy>(
        all: &[T],
        code: fn(T) -> &'static str,
        label: fn(T, Lang) -> &'static str,
    ) -> Values {
        Values::new(
            all.iter()
                .map(|v| Named {
                    code: code(*v).to_string(),
                    name_zh: label(*v, Lang::Zh).to_string(),
                    name_en: label(*v, Lang::En).to_string(),
                })
                .collect(),
        )
    }

    fn position(&self, code: Option<&str>) -> u16 {
        code.and_then(|c| self.by_code.get(c)).copied().unwrap_or(NO_VALUE)
    }
}

/// What one search found: the total, the cards on the asked page (in order), the facets with
/// their counts, and whether the text only matched with typos forgiven.
#[derive(Debug, Clone)]
pub struct Found {
    pub total: usize,
    pub cards: Vec<ItemCard>,
    pub facets: Vec<FacetGroup>,
    pub forgiving: bool,
}

/// The in-memory index of one catalogue revision.
#[derive(Debug)]
pub struct CatalogueIndex {
    revision: i64,
    entries: Vec<Entry>,
    /// Each entry's facet values and daily rate (`facets[i]`, `rates[i]` are `entries[i]`'s),
    /// packed apart so that a pass over every item touches 24 bytes an item.
    facets: Vec<FacetValues>,
    rates: Vec<i64>,
    /// Every facet value's count over the whole catalogue: the facets of a search that narrows
    /// nothing.
    whole: [Vec<u32>; FACETS],
    texts: Vec<Text>,
    /// Each entry's card, as a result shows it (`cards[i]` is `entries[i]`'s).
    cards: Vec<ItemCard>,
    /// The entries of each text: those of text `t` are
    /// `by_text[text_starts[t]..text_starts[t + 1]]`, in entry order.
    by_text: Vec<u32>,
    text_starts: Vec<u32>,
    /// Which texts hold each pair of neighbouring characters in one of their fields (and each
    /// non-ASCII character on its own), so a word's candidates are the texts holding all its
    /// pairs rather than every text.
    grams: HashMap<u64, Vec<u32>>,
    /// `(sku, entry)` in SKU order, for SKU prefixes.
    skus: Vec<(String, u32)>,
    values: [Values; FACETS],
    /// Every entry in the order of each sort but relevance (entry order when there is no text
    /// to score), so a page without text is read off in order instead of selected from every
    /// match.
    price_low: Vec<u32>,
    price_high: Vec<u32>,
    newest: Vec<u32>,
    /// Whole answers already given for this revision, by query: a repeated search (the
    /// catalogue's first page above all) skips the pass and the highlighting.
    answers: KeptAnswers<String, CatalogueView>,
}

/// A gram's key: two characters, or (for a lone character) the character after a marker no
/// character has.
fn gram(first: char, second: char) -> u64 {
    (u64::from(u32::from(first)) << 32) | u64::from(u32::from(second))
}

/// The marker in a lone character's key (no character is `u32::MAX`).
const LONE: u64 = (u32::MAX as u64) << 32;

fn lone_gram(c: char) -> u64 {
    LONE | u64::from(u32::from(c))
}

/// The grams of one field: each pair of neighbouring characters (none with a space; no word
/// searched for holds one) and each non-ASCII character alone (single Chinese characters are
/// common searches).
fn field_grams(field: &str, mut each: impl FnMut(u64)) {
    let mut previous: Option<char> = None;
    for c in field.chars() {
        if c.is_whitespace() {
            previous = None;
            continue;
        }
        if !c.is_ascii() {
            each(lone_gram(c));
        }
        if let Some(p) = previous {
            each(gram(p, c));
        }
        previous = Some(c);
    }
}

/// The texts holding every gram of `needle` (ascending), or `None` when the grams cannot
/// narrow it (one ASCII character).
fn texts_holding(grams: &HashMap<u64, Vec<u32>>, needle: &str) -> Option<Vec<u32>> {
    let mut keys = Vec::new();
    field_grams(needle, |g| keys.push(g));
    if needle.chars().count() >= 2 {
        keys.retain(|g| (g & LONE) != LONE);
    }
    if keys.is_empty() {
        return None;
    }
    let mut lists = Vec::with_capacity(keys.len());
    for key in keys {
        match grams.get(&key) {
            Some(list) => lists.push(list.as_slice()),
            None => return Some(Vec::new()),
        }
    }
    lists.sort_by_key(|l| l.len());
    let (shortest, rest) = lists.split_first()?;
    Some(
        shortest
            .iter()
            .copied()
            .filter(|t| rest.iter().all(|l| l.binary_search(t).is_ok()))
            .collect(),
    )
}

/// The values of two ascending lists found in both.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut both) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    both
}

impl CatalogueIndex {
    /// Builds the index from the stored rows; unknown codes count as "no value".
    pub fn build(source: CatalogueSource) -> CatalogueIndex {
        let mut values: [Values; FACETS] = Default::default();
        values[Facet::Category.index()] =
            Values::of_vocabulary(Category::ALL, Category::code, Category::label);
        values[Facet::Era.index()] = Values::of_vocabulary(Era::ALL, Era::code, Era::label);
        values[Facet::Colour.index()] =
            Values::of_vocabulary(Colour::ALL, Colour::code, Colour::label);
        values[Facet::Material.index()] =
            Values::of_vocabulary(Material::ALL, Material::code, Material::label);
        values[Facet::Size.index()] = Values::of_vocabulary(Size::ALL, Size::code, Size::label);
        values[Facet::Condition.index()] =
            Values::of_vocabulary(Condition::ALL, Condition::code, Condition::label);
        let sub_names: HashMap<String, (String, String)> = source
            .subcategories
            .iter()
            .map(|s| (s.code.clone(), (s.name_zh.clone(), s.name_en.to_lowercase())))
            .collect();
        values[Facet::Subcategory.index()] = Values::new(source.subcategories);
        values[Facet::Supplier.index()] = Values::new(source.suppliers);

        let mut tags = source.tags;
        let mut texts: Vec<Text> = Vec::new();
        let mut text_ids: HashMap<Text, u32> = HashMap::new();
        let mut cards = Vec::with_capacity(source.items.len());
        let mut facet_column = Vec::with_capacity(source.items.len());
        let mut rates = Vec::with_capacity(source.items.len());
        let entries = source
            .items
            .into_iter()
            .map(|row| {
                let card = &row.card;
                let code_of = |facet: Facet| -> Option<&str> {
                    Some(match facet {
                        Facet::Category => card.category.code(),
                        Facet::Subcategory => &row.subcategory,
                        Facet::Era => card.era.code(),
                        Facet::Colour => card.colour.code(),
                        Facet::Material => card.material.code(),
                        Facet::Size => return card.size.map(Size::code),
                        Facet::Condition => card.condition.code(),
                        Facet::Supplier => &row.supplier,
                    })
                };
                let facets = FacetValues(std::array::from_fn(|f| {
                    let facet = Facet::ALL.into_iter().find(|x| x.index() == f);
                    facet.map_or(NO_VALUE, |facet| values[f].position(code_of(facet)))
                }));
                let mut extra: Vec<String> = tags.remove(&card.item_id).unwrap_or_default();
                if let Some((zh, en)) = sub_names.get(&row.subcategory) {
                    extra.push(zh.clone());
                    extra.push(en.clone());
                }
                // Chinese tags are found by their pinyin too.
                let spelled: Vec<String> =
                    extra.iter().filter(|w| !w.is_ascii()).map(|w| pinyin_full(w)).collect();
                extra.extend(spelled);
                let syllables = pinyin_syllables(&card.name_zh);
                let starts = syllables
                    .iter()
                    .scan(0_usize, |at, s| {
                        let start = *at;
                        *at += s.len();
                        Some((start, s.is_empty()))
                    })
                    .filter(|(_, empty)| !empty)
                    .filter_map(|(start, _)| u16::try_from(start).ok())
                    .collect();
                let text = Text {
                    starts,
                    pinyin: syllables.concat(),
                    initials: pinyin_initials(&card.name_zh),
                    name_en: card.name_en.to_lowercase(),
                    name_en_folded: fold(&card.name_en),
                    name_zh: card.name_zh.clone(),
                    extra: extra.join(" ").to_lowercase(),
                };
                let next = u32::try_from(texts.len()).unwrap_or(u32::MAX);
                let text = *text_ids.entry(text.clone()).or_insert_with(|| {
                    texts.push(text);
                    next
                });
                facet_column.push(facets);
                rates.push(card.daily_rate.fen());
                let entry = Entry {
                    item_id: card.item_id,
                    owned: card.quantity_owned,
                    sku: fold(&card.sku),
                    text,
                };
                cards.push(row.card);
                entry
            })
            .collect::<Vec<Entry>>();
        let (by_text, text_starts) = entries_by_text(&entries, texts.len());
        let mut grams: HashMap<u64, Vec<u32>> = HashMap::new();
        for (t, text) in texts.iter().enumerate() {
            let t = u32::try_from(t).unwrap_or(u32::MAX);
            let fields = [
                &text.name_zh,
                &text.name_en,
                &text.name_en_folded,
                &text.pinyin,
                &text.initials,
                &text.extra,
            ];
            for field in fields {
                field_grams(field, |g| {
                    let list = grams.entry(g).or_default();
                    // Texts are visited in order, so a repeat is the list's last id.
                    if list.last() != Some(&t) {
                        list.push(t);
                    }
                });
            }
        }
        let mut skus: Vec<(String, u32)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.sku.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        skus.sort();
        let ordered = |sort: Sort| {
            let mut order: Vec<u32> =
                (0..u32::try_from(entries.len()).unwrap_or(u32::MAX)).collect();
            order.sort_unstable_by_key(|&i| {
                order_key(sort, i, rates[i as usize], entries[i as usize].item_id, 0)
            });
            order
        };
        let price_low = ordered(Sort::PriceLow);
        let price_high = ordered(Sort::PriceHigh);
        let newest = ordered(Sort::Newest);
        let sizes: [usize; FACETS] = std::array::from_fn(|f| values[f].list.len());
        let whole =
            tally((0_u32..).zip(facet_column.iter().copied()), &Selection::default(), &sizes)
                .counts;
        CatalogueIndex {
            revision: source.revision,
            entries,
            facets: facet_column,
            rates,
            whole,
            texts,
            cards,
            by_text,
            text_starts,
            grams,
            skus,
            values,
            price_low,
            price_high,
            newest,
            answers: KeptAnswers::default(),
        }
    }

    /// The answer given before to the query `key` names, if any.
    pub fn answer(&self, key: &str) -> Option<Arc<CatalogueView>> {
        self.answers.get(key)
    }

    /// Drops every answer kept, so the next search of each query does its whole work (what
    /// the benchmarks measure beside repeated searches).
    pub fn forget_answers(&self) {
        self.answers.forget();
    }

    /// Keeps `view` as the answer to the query `key` names, for as long as this revision
    /// lasts.
    pub fn remember(&self, key: String, view: Arc<CatalogueView>) {
        self.answers.keep(key, view);
    }

    pub fn revision(&self) -> i64 {
        self.revision
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn selection(&self, query: &CatalogueQuery) -> Selection {
        Selection(std::array::from_fn(|f| {
            let chosen = &query.selected[f];
            (!chosen.is_empty()).then(|| {
                let mut flags = vec![false; self.values[f].list.len()];
                for code in chosen {
                    if let Some(flag) = self.values[f]
                        .by_code
                        .get(code)
                        .and_then(|p| flags.get_mut(usize::from(*p)))
                    {
                        *flag = true;
                    }
                }
                flags
            })
        }))
    }

    /// The entries passing `admits` whose text or SKU matches `text` without typos, with their
    /// scores, in entry order: the texts holding every word's character pairs are scored, not
    /// every text.
    fn exact_matches(&self, text: &TextQuery, admits: impl Fn(usize) -> bool) -> Vec<(u32, u32)> {
        let mut texts: Option<Vec<u32>> = None;
        for needle in text.needles() {
            let Some(holding) = texts_holding(&self.grams, needle) else {
                return self.scan(text, false, admits);
            };
            texts = Some(match texts {
                Some(so_far) => intersect(&so_far, &holding),
                None => holding,
            });
        }
        let mut found = Vec::new();
        for t in texts.unwrap_or_default() {
            let Some(named) = text.score(&self.texts[t as usize].search(), false) else {
                continue;
            };
            let (from, to) = (self.text_starts[t as usize], self.text_starts[t as usize + 1]);
            for &i in &self.by_text[from as usize..to as usize] {
                if admits(i as usize) {
                    let sku = &self.entries[i as usize].sku;
                    found.push((i, named.max(text.sku_score(sku).unwrap_or(0))));
                }
            }
        }
        if let Some(prefix) = text.sku_prefix() {
            let first = self.skus.partition_point(|(sku, _)| sku.as_str() < prefix);
            for (sku, i) in self.skus[first..].iter().take_while(|(sku, _)| sku.starts_with(prefix))
            {
                if let Some(score) = text.sku_score(sku).filter(|_| admits(*i as usize)) {
                    found.push((*i, score));
                }
            }
        }
        // An entry found by its name and its SKU keeps its best score.
        found.sort_unstable_by_key(|&(i, score)| (i, std::cmp::Reverse(score)));
        found.dedup_by_key(|(i, _)| *i);
        found
    }

    /// The entries passing `admits` that match `text` (every entry, scored nought, for no
    /// text), scoring every distinct text once: the pass for typos, which the character pairs
    /// cannot narrow.
    fn scan(
        &self,
        text: &TextQuery,
        typos: bool,
        admits: impl Fn(usize) -> bool,
    ) -> Vec<(u32, u32)> {
        let mut memo: Vec<Option<Option<u32>>> =
            if text.is_empty() { Vec::new() } else { vec![None; self.texts.len()] };
        self.entries
            .iter()
            .enumerate()
            .filter(|(i, _)| admits(*i))
            .filter_map(|(i, e)| {
                let score = if text.is_empty() {
                    Some(0)
                } else {
                    let t = e.text as usize;
                    let named =
                        *memo[t].get_or_insert_with(|| text.score(&self.texts[t].search(), typos));
                    named.max(text.sku_score(&e.sku))
                };
                Some((u32::try_from(i).ok()?, score?))
            })
            .collect()
    }

    /// Runs `query`, returning page `query.page` of `per_page` results. `held` gives, when
    /// the query asks for availability, the most units of each item held on any of its days
    /// (items not in it are wholly free).
    pub fn search(
        &self,
        query: &CatalogueQuery,
        per_page: usize,
        held: Option<&HashMap<i64, i64>>,
    ) -> Found {
        // Availability narrows only when what is held on its days is known.
        let held = held.filter(|_| query.available.is_some());
        let admits = |i: usize| {
            query.rate_fits(self.rates[i])
                && match (query.available, held) {
                    (Some(a), Some(held)) => {
                        let e = &self.entries[i];
                        a.admits(e.owned, held.get(&e.item_id).copied().unwrap_or(0))
                    }
                    _ => true,
                }
        };
        let text = TextQuery::parse(&query.q);
        let sizes: [usize; FACETS] = std::array::from_fn(|f| self.values[f].list.len());
        let selection = self.selection(query);
        // Only the asked page's results and those before it need their order.
        let first = (query.page.max(1) as usize - 1).saturating_mul(per_page);
        let page_of = |total: usize| first.min(total)..first.saturating_add(per_page).min(total);
        let mut forgiving = false;
        let (total, page, counts) = if text.is_empty() {
            let narrowed = query.rate_min.is_some()
                || query.rate_max.is_some()
                || held.is_some()
                || selection.0.iter().any(Option::is_some);
            if narrowed {
                // Tallied by entry, in entry order.
                let counted = tally(
                    (0_u32..).zip(self.facets.iter().copied()).filter(|(i, _)| admits(*i as usize)),
                    &selection,
                    &sizes,
                );
                let total = counted.matched.len();
                let page = self.page_in_order(query.sort, Some(&counted.matched), page_of(total));
                (total, page, Cow::Owned(counted.counts))
            } else {
                let total = self.entries.len();
                (
                    total,
                    self.page_in_order(query.sort, None, page_of(total)),
                    Cow::Borrowed(&self.whole),
                )
            }
        } else {
            let mut candidates = self.exact_matches(&text, admits);
            if candidates.is_empty() {
                candidates = self.scan(&text, true, admits);
                forgiving = !candidates.is_empty();
            }
            // Tallied by position in `candidates`, which carries each one's entry and score.
            let counted = tally(
                candidates.iter().zip(0_u32..).map(|(&(i, _), k)| (k, self.facets[i as usize])),
                &selection,
                &sizes,
            );
            let total = counted.matched.len();
            let page = self.page_by_score(query.sort, &candidates, counted.matched, page_of(total));
            (total, page, Cow::Owned(counted.counts))
        };
        let cards = page.into_iter().map(|i| self.cards[i as usize].clone()).collect();
        let facets = Facet::ALL
            .into_iter()
            .map(|facet| {
                let f = facet.index();
                let options = self.values[f]
                    .list
                    .iter()
                    .zip(&counts[f])
                    .map(|(value, count)| FacetOption {
                        selected: query.is_selected(facet, &value.code),
                        code: value.code.clone(),
                        name_zh: value.name_zh.clone(),
                        name_en: value.name_en.clone(),
                        count: *count,
                    })
                    .collect();
                FacetGroup { facet, options }
            })
            .collect();
        Found { total, cards, facets, forgiving }
    }

    /// The entries on the page `range` of `matched` (entries, in entry order; `None` for every
    /// entry) without a text query: every score is nought, so the order is the sort's alone,
    /// which the index keeps.
    fn page_in_order(
        &self,
        sort: Sort,
        matched: Option<&[u32]>,
        range: std::ops::Range<usize>,
    ) -> Vec<u32> {
        let order = match sort {
            Sort::Relevance => {
                return match matched {
                    Some(matched) => matched[range].to_vec(),
                    None => {
                        (range.start..range.end).filter_map(|i| u32::try_from(i).ok()).collect()
                    }
                };
            }
            Sort::PriceLow => &self.price_low,
            Sort::PriceHigh => &self.price_high,
            Sort::Newest => &self.newest,
        };
        let Some(matched) = matched else {
            return order[range].to_vec();
        };
        let mut passed = vec![false; self.entries.len()];
        for &i in matched {
            passed[i as usize] = true;
        }
        order
            .iter()
            .copied()
            .filter(|&i| passed[i as usize])
            .skip(range.start)
            .take(range.len())
            .collect()
    }

    /// The entries on the page `range` of `matched` (positions in `candidates`, scored by a text
    /// query), ordering only that page and those before it.
    fn page_by_score(
        &self,
        sort: Sort,
        candidates: &[(u32, u32)],
        mut matched: Vec<u32>,
        range: std::ops::Range<usize>,
    ) -> Vec<u32> {
        let key = |k: &u32| {
            let (i, score) = candidates[*k as usize];
            order_key(sort, i, self.rates[i as usize], self.entries[i as usize].item_id, score)
        };
        if range.end < matched.len() {
            matched.select_nth_unstable_by_key(range.end, key);
            matched.truncate(range.end);
        }
        matched.sort_unstable_by_key(key);
        matched.iter().skip(range.start).map(|&k| candidates[k as usize].0).collect()
    }
}

/// Where entry `i` (its daily rate, its item), scored `score` by the text query (nought
/// without one), comes in `sort`'s order: ties go by entry order (the newest by item id, which
/// is unique).
fn order_key(sort: Sort, i: u32, rate_fen: i64, item_id: i64, score: u32) -> (i64, i64) {
    match sort {
        Sort::Relevance => (-i64::from(score), i64::from(i)),
        Sort::PriceLow => (rate_fen, i64::from(i)),
        Sort::PriceHigh => (-rate_fen, i64::from(i)),
        Sort::Newest => (-item_id, 0),
    }
}

/// The entries of each text, grouped (`by_text`) with where each text's group starts
/// (`starts`, one more than there are texts).
fn entries_by_text(entries: &[Entry], texts: usize) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0_u32; texts + 1];
    for e in entries {
        starts[e.text as usize + 1] += 1;
    }
    for t in 0..texts {
        starts[t + 1] += starts[t];
    }
    let mut next = starts.clone();
    let mut by_text = vec![0_u32; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        let at = &mut next[e.text as usize];
        by_text[*at as usize] = u32::try_from(i).unwrap_or(u32::MAX);
        *at += 1;
    }
    (by_text, starts)
}

/// The catalogue's index shared by every request.
pub type CatalogueCache = IndexCache<CatalogueIndex>;

impl Rebuilt for CatalogueIndex {
    type Source = CatalogueSource;
    const NAME: &'static str = "catalogue";

    fn stored_revision(store: &Store) -> impl Future<Output = Result<i64, StorageError>> + Send {
        store.catalogue_revision()
    }

    fn source(store: &Store) -> impl Future<Output = Result<CatalogueSource, StorageError>> + Send {
        store.catalogue_source()
    }

    fn build(source: CatalogueSource) -> CatalogueIndex {
        CatalogueIndex::build(source)
    }

    fn revision(&self) -> i64 {
        self.revision
    }

    fn entry_count(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::catalogue::{SUBCATEGORIES, catalogue_items};
    use crate::seed::suppliers::SUPPLIERS;
    use crate::storage::catalogue::IndexRow;
    use domain::Money;

    /// The seed's 4,500 items plus a numbered copy of its first 600 (distinct names, as a
    /// grown catalogue has them).
    fn index() -> CatalogueIndex {
        let seed = catalogue_items();
        let copies = seed.iter().take(600).map(|item| {
            let mut copy = item.clone();
            copy.sku = format!("{}-2", item.sku);
            copy.name_zh = format!("{}2", item.name_zh);
            copy.name_en = format!("{} 2", item.name_en);
            copy
        });
        let items: Vec<_> = seed.iter().cloned().chain(copies).collect();
        let sub_names = |code: &str| {
            let s = SUBCATEGORIES.iter().find(|s| s.code == code).expect("seed sub-category");
            (s.name_zh.to_string(), s.name_en.to_string())
        };
        let supplier_names = |code: &str| {
            let s = SUPPLIERS.iter().find(|s| s.code == code).expect("seed supplier");
            (s.name_zh.to_string(), s.name_en.to_string())
        };
        let mut tags = HashMap::new();
        let rows = items
            .into_iter()
            .zip(1_i64..)
            .map(|(item, item_id)| {
                tags.insert(item_id, item.tags.clone());
                let (subcategory_zh, subcategory_en) = sub_names(item.subcategory);
                let (supplier_zh, supplier_en) = supplier_names(item.supplier_code);
                IndexRow {
                    card: ItemCard {
                        item_id,
                        sku: item.sku,
                        name_zh: item.name_zh,
                        name_en: item.name_en,
                        category: item.category,
                        subcategory_zh,
                        subcategory_en,
                        era: item.era,
                        colour: item.colour,
                        material: item.material,
                        size: item.size,
                        condition: item.condition,
                        quantity_owned: item.quantity_owned,
                        daily_rate: Money::from_fen(item.daily_rate_fen),
                        deposit: Money::from_fen(item.deposit_fen),
                        supplier_zh,
                        supplier_en,
                        thumb: None,
                    },
                    subcategory: item.subcategory.to_string(),
                    supplier: item.supplier_code.to_string(),
                }
            })
            .collect();
        let named = |code: &str, zh: &str, en: &str| Named {
            code: code.to_string(),
            name_zh: zh.to_string(),
            name_en: en.to_string(),
        };
        CatalogueIndex::build(CatalogueSource {
            revision: 1,
            items: rows,
            tags,
            subcategories: SUBCATEGORIES
                .iter()
                .map(|s| named(s.code, s.name_zh, s.name_en))
                .collect(),
            suppliers: SUPPLIERS.iter().map(|s| named(s.code, s.name_zh, s.name_en)).collect(),
        })
    }

    const QUERIES: &[&str] = &[
        "longpao",
        "lp",
        "龙袍",
        "龙",
        "袍",
        "dragon",
        "robe",
        "dragonrobe",
        "Dragon Robe",
        "qing",
        "明 官服",
        "宫廷",
        "gongting",
        "hongse",
        "红",
        "armour",
        "kaijia",
        "co00017",
        "co-00017",
        "co0001",
        "co00017-2",
        "pr",
        "ve00",
        "xx",
        "zz",
        "a",
        "2",
        "龙袍2",
        "longpao2",
        "lp 2",
        "sword jian",
        "马车",
        "mache",
        "carriage",
        "wig",
        "头饰",
        "qi pao",
        "qipao",
        "旗",
        "k",
    ];

    #[test]
    fn the_pairs_find_exactly_what_scoring_every_text_finds() {
        let index = index();
        for q in QUERIES {
            let text = TextQuery::parse(q);
            let scanned = index.scan(&text, false, |_| true);
            assert_eq!(index.exact_matches(&text, |_| true), scanned, "{q}");
            // With a filter on entries too.
            let cheap = |i: usize| index.rates[i] < 20_000;
            assert_eq!(index.exact_matches(&text, cheap), index.scan(&text, false, cheap), "{q}");
        }
        let some = |q: &str| index.exact_matches(&TextQuery::parse(q), |_| true).len();
        assert!(some("longpao") > 0 && some("龙") > some("龙袍") && some("co00017") >= 1);
        assert_eq!(some("qxqx"), 0);
    }

    /// The page as a full sort of every match gives it, the number of matches and the facets'
    /// counts, from a scan of every entry.
    fn page_by_full_sort(
        index: &CatalogueIndex,
        query: &CatalogueQuery,
        per_page: usize,
    ) -> (Vec<i64>, usize, [Vec<u32>; FACETS]) {
        let text = TextQuery::parse(&query.q);
        let mut matches = index.scan(&text, false, |i| query.rate_fits(index.rates[i]));
        if matches.is_empty() {
            matches = index.scan(&text, true, |i| query.rate_fits(index.rates[i]));
        }
        let selection = index.selection(query);
        let sizes: [usize; FACETS] = std::array::from_fn(|f| index.values[f].list.len());
        let counted =
            tally(matches.iter().map(|(i, _)| (*i, index.facets[*i as usize])), &selection, &sizes);
        matches.retain(|(i, _)| counted.matched.binary_search(i).is_ok());
        let rate = |i: u32| index.rates[i as usize];
        let item = |i: u32| index.entries[i as usize].item_id;
        match query.sort {
            Sort::Relevance => matches.sort_by_key(|&(i, s)| (std::cmp::Reverse(s), i)),
            Sort::PriceLow => matches.sort_by_key(|&(i, _)| (rate(i), i)),
            Sort::PriceHigh => matches.sort_by_key(|&(i, _)| (std::cmp::Reverse(rate(i)), i)),
            Sort::Newest => matches.sort_by_key(|&(i, _)| std::cmp::Reverse(item(i))),
        }
        let start = (query.page.max(1) as usize - 1) * per_page;
        let page = matches.iter().skip(start).take(per_page).map(|&(i, _)| item(i)).collect();
        (page, matches.len(), counted.counts)
    }

    #[test]
    fn each_page_holds_what_a_full_sort_puts_there() {
        let index = index();
        for q in ["", "longpao", "龙", "robe", "longpoa", "qing"] {
            for sort in Sort::ALL {
                for page in [1, 2, 7, 500] {
                    for narrowed in [
                        "",
                        "&cat=costume&era=qing",
                        "&rate_min=20&rate_max=80",
                        "&cat=costume&rate_max=80",
                        "&sub=no_such_line",
                    ] {
                        let query = CatalogueQuery::from_query(&format!(
                            "q={q}&sort={}&page={page}{narrowed}",
                            sort.code()
                        ));
                        let found = index.search(&query, 48, None);
                        let ids: Vec<i64> = found.cards.iter().map(|c| c.item_id).collect();
                        let (page, total, counts) = page_by_full_sort(&index, &query, 48);
                        assert_eq!(ids, page, "{query:?}");
                        assert!(ids.len() <= 48);
                        assert_eq!(found.total, total, "{query:?}");
                        let shown: Vec<Vec<u32>> = found
                            .facets
                            .iter()
                            .map(|g| g.options.iter().map(|o| o.count).collect())
                            .collect();
                        let counted: Vec<Vec<u32>> = Facet::ALL
                            .into_iter()
                            .map(|facet| counts[facet.index()].clone())
                            .collect();
                        assert_eq!(shown, counted, "{query:?}");
                    }
                }
            }
        }
        let everything = index.search(&CatalogueQuery::default(), 48, None);
        assert_eq!((everything.total, everything.cards.len()), (5_100, 48));
        // Every card carries its sub-category's and supplier's names.
        let seed = catalogue_items();
        for card in &everything.cards {
            let item = &seed[card.item_id as usize - 1];
            let sub = SUBCATEGORIES.iter().find(|s| s.code == item.subcategory).unwrap();
            let supplier = SUPPLIERS.iter().find(|s| s.code == item.supplier_code).unwrap();
            assert_eq!(
                [&card.subcategory_zh, &card.subcategory_en, &card.supplier_zh, &card.supplier_en],
                [sub.name_zh, sub.name_en, supplier.name_zh, supplier.name_en]
            );
        }
        assert!(index.search(&CatalogueQuery::from_query("q=longpoa"), 48, None).forgiving);
    }
}
