//! The catalogue's search index: every item's facet values, rate and search texts (Chinese,
//! pinyin, initials, English, SKU, tags) in memory, so a query with text, ranges and facet
//! counts is one pass over the catalogue instead of a query per facet.
//!
//! The index remembers the `catalogue_revision` it was built from. Each search reads the
//! current revision (one tiny query) and rebuilds first when it moved, so every instance in
//! front of a shared PostgreSQL sees every instance's changes.

use std::collections::HashMap;

use app::models::{FacetGroup, FacetOption};
use domain::catalogue::{
    CatalogueQuery, FACETS, Facet, FacetValues, NO_VALUE, SearchText, Selection, Sort, TextQuery,
    tally,
};
use domain::vocab::{Category, Colour, Condition, Era, Lang, Material, Size};
use std::future::Future;

use crate::index_cache::{IndexCache, Rebuilt};
use crate::search::{pinyin_full, pinyin_initials, pinyin_syllables};
use crate::storage::catalogue::{CatalogueSource, Named};
use crate::storage::{StorageError, Store};
use domain::location_filter::fold;

/// One item in the index; its searchable text is shared with every item of the same names and
/// tags (stock lines often repeat them), so a query scores each distinct text once.
#[derive(Debug, Clone)]
struct Entry {
    item_id: i64,
    facets: FacetValues,
    rate_fen: i64,
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

/// What one search found: the total, the ids on the asked page (in order), the facets with
/// their counts, and whether the text only matched with typos forgiven.
#[derive(Debug, Clone)]
pub struct Found {
    pub total: usize,
    pub ids: Vec<i64>,
    pub facets: Vec<FacetGroup>,
    pub forgiving: bool,
}

/// The in-memory index of one catalogue revision.
#[derive(Debug)]
pub struct CatalogueIndex {
    revision: i64,
    entries: Vec<Entry>,
    texts: Vec<Text>,
    values: [Values; FACETS],
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
        let entries = source
            .items
            .into_iter()
            .map(|row| {
                let code_of = |facet: Facet| -> Option<&str> {
                    Some(match facet {
                        Facet::Category => &row.category,
                        Facet::Subcategory => &row.subcategory,
                        Facet::Era => &row.era,
                        Facet::Colour => &row.colour,
                        Facet::Material => &row.material,
                        Facet::Size => return row.size.as_deref(),
                        Facet::Condition => &row.condition,
                        Facet::Supplier => &row.supplier,
                    })
                };
                let facets = FacetValues(std::array::from_fn(|f| {
                    let facet = Facet::ALL.into_iter().find(|x| x.index() == f);
                    facet.map_or(NO_VALUE, |facet| values[f].position(code_of(facet)))
                }));
                let mut extra: Vec<String> = tags.remove(&row.item_id).unwrap_or_default();
                if let Some((zh, en)) = sub_names.get(&row.subcategory) {
                    extra.push(zh.clone());
                    extra.push(en.clone());
                }
                // Chinese tags are found by their pinyin too.
                let spelled: Vec<String> =
                    extra.iter().filter(|w| !w.is_ascii()).map(|w| pinyin_full(w)).collect();
                extra.extend(spelled);
                let syllables = pinyin_syllables(&row.name_zh);
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
                    initials: pinyin_initials(&row.name_zh),
                    name_en: row.name_en.to_lowercase(),
                    name_en_folded: fold(&row.name_en),
                    name_zh: row.name_zh,
                    extra: extra.join(" ").to_lowercase(),
                };
                let next = u32::try_from(texts.len()).unwrap_or(u32::MAX);
                let text = *text_ids.entry(text.clone()).or_insert_with(|| {
                    texts.push(text);
                    next
                });
                Entry {
                    item_id: row.item_id,
                    facets,
                    rate_fen: row.daily_rate_fen,
                    owned: row.quantity_owned,
                    sku: fold(&row.sku),
                    text,
                }
            })
            .collect();
        CatalogueIndex { revision: source.revision, entries, texts, values }
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

    /// Runs `query`, returning page `query.page` of `per_page` results. `held` gives, when
    /// the query asks for availability, the most units of each item held on any of its days
    /// (items not in it are wholly free).
    pub fn search(
        &self,
        query: &CatalogueQuery,
        per_page: usize,
        held: Option<&HashMap<i64, i64>>,
    ) -> Found {
        let free_enough = |e: &Entry| match (query.available, held) {
            (Some(a), Some(held)) => a.admits(e.owned, held.get(&e.item_id).copied().unwrap_or(0)),
            _ => true,
        };
        let text = TextQuery::parse(&query.q);
        let scored = |typos: bool| -> Vec<(u32, u32)> {
            // Each distinct text is scored once per query.
            let mut memo: Vec<Option<Option<u32>>> = vec![None; self.texts.len()];
            self.entries
                .iter()
                .enumerate()
                .filter(|(_, e)| query.rate_fits(e.rate_fen) && free_enough(e))
                .filter_map(|(i, e)| {
                    let score = if text.is_empty() {
                        Some(0)
                    } else {
                        let t = e.text as usize;
                        let named = *memo[t]
                            .get_or_insert_with(|| text.score(&self.texts[t].search(), typos));
                        named.max(text.sku_score(&e.sku))
                    };
                    Some((u32::try_from(i).ok()?, score?))
                })
                .collect()
        };
        let mut candidates = scored(false);
        let mut forgiving = false;
        if candidates.is_empty() && !text.is_empty() {
            candidates = scored(true);
            forgiving = !candidates.is_empty();
        }
        let scores: HashMap<u32, u32> = candidates.iter().copied().collect();
        let sizes: [usize; FACETS] = std::array::from_fn(|f| self.values[f].list.len());
        let selection = self.selection(query);
        let counted = tally(
            candidates.iter().map(|(i, _)| (*i, self.entries[*i as usize].facets)),
            &selection,
            &sizes,
        );
        let mut matched = counted.matched;
        let entry = |i: &u32| &self.entries[*i as usize];
        match query.sort {
            Sort::Relevance => matched.sort_by_key(|i| (std::cmp::Reverse(scores[i]), *i)),
            Sort::PriceLow => matched.sort_by_key(|i| (entry(i).rate_fen, *i)),
            Sort::PriceHigh => matched.sort_by_key(|i| (std::cmp::Reverse(entry(i).rate_fen), *i)),
            Sort::Newest => matched.sort_by_key(|i| std::cmp::Reverse(entry(i).item_id)),
        }
        let start = (query.page.max(1) as usize - 1).saturating_mul(per_page);
        let ids = matched.iter().skip(start).take(per_page).map(|i| entry(i).item_id).collect();
        let facets = Facet::ALL
            .into_iter()
            .map(|facet| {
                let f = facet.index();
                let options = self.values[f]
                    .list
                    .iter()
                    .zip(&counted.counts[f])
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
        Found { total: matched.len(), ids, facets, forgiving }
    }
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
