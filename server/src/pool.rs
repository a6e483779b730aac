//! The actor pool's search index: every discoverable actor's gender, birth date, height,
//! weight, skills and passed modules packed in memory, so a search with its counts by gender
//! and by skill is one pass over the pool instead of a query per count.
//!
//! Built from `actor_revision` like the catalogue's index (see `index_cache`). It holds each
//! actor's name and current look too, so a page's rows are answered without reading the
//! database. Whole answers (the page with its rows and looks) are kept with the index, by
//! filter, page and day: names, facts, skills, modules and looks all move the revision, so
//! neither the index nor a kept answer is ever staler than the database, and a crew paging
//! back and forth or a popular search is answered from memory.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use app::models::{PoolActor, PoolView};

use domain::casting::{ActorFilter, age_on, latest_birth_for_age};
use domain::vocab::{Gender, Module, Skill};
use time::Date;

use crate::index_cache::{IndexCache, KeptAnswers, Rebuilt};
use crate::storage::looks::LookRow;
use crate::storage::pool::PoolSource;
use crate::storage::{StorageError, Store};

const _: () = assert!(Skill::ALL.len() <= 32 && Module::ALL.len() <= 32);

const _: () = assert!(Gender::ALL.len() <= 8);

/// One discoverable actor.
#[derive(Debug, Clone, Copy)]
struct Entry {
    birth_date: Date,
    height_cm: i64,
    weight_kg: i64,
    /// Position in `Gender::ALL`.
    gender: u8,
    /// Bit `n` set: has `Skill::ALL[n]`.
    skills: u32,
    /// Bit `n` set: passed `Module::ALL[n]`.
    training: u32,
}

/// Every actor's facts, a column each (actor `i`'s are at `i` in every column), packed small:
/// a search's pass over 100,000 actors reads 1.7 MB, one column after another, and compiles
/// to vector instructions.
#[derive(Debug, Default)]
struct Columns {
    /// Julian day numbers.
    birth: Vec<i32>,
    /// Centimetres and kilograms: the profile's checks keep both far inside `u16` (a stored
    /// value outside it is clamped).
    height: Vec<u16>,
    weight: Vec<u16>,
    gender: Vec<u8>,
    skills: Vec<u32>,
    training: Vec<u32>,
}

impl Columns {
    fn push(&mut self, e: Entry) {
        let small = |v: i64| u16::try_from(v.clamp(0, i64::from(u16::MAX))).unwrap_or(u16::MAX);
        self.birth.push(e.birth_date.to_julian_day());
        self.height.push(small(e.height_cm));
        self.weight.push(small(e.weight_kg));
        self.gender.push(e.gender);
        self.skills.push(e.skills);
        self.training.push(e.training);
    }

    fn len(&self) -> usize {
        self.birth.len()
    }
}

/// What one search found: the total, counts by gender and by skill over every match (values
/// with no match left out, in vocabulary order), and the ids of the asked page by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolHits {
    pub total: i64,
    pub by_gender: Vec<(Gender, i64)>,
    pub by_skill: Vec<(Skill, i64)>,
    pub ids: Vec<i64>,
}

/// The in-memory index of one actor revision.
#[derive(Debug)]
pub struct PoolIndex {
    revision: i64,
    /// By actor id.
    columns: Columns,
    /// Each actor's id and name, in the columns' order.
    ids: Vec<i64>,
    names: Vec<String>,
    /// Current looks by actor id.
    looks: HashMap<i64, LookRow>,
    /// Answers of this revision, by what was asked (see [`PoolIndex::kept`]).
    answers: KeptAnswers<AskedPage, PoolView>,
}

/// What a pool page answers: the filter, the page and the day ages and looks' freshness are
/// counted on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct AskedPage {
    filter: ActorFilter,
    page: u32,
    today: Date,
}

fn position<T: PartialEq>(all: &[T], value: &T) -> Option<usize> {
    all.iter().position(|v| v == value)
}

fn mask<T: PartialEq>(all: &[T], chosen: &[T]) -> u32 {
    chosen.iter().filter_map(|c| position(all, c)).fold(0, |m, n| m | 1 << n)
}

fn code_mask<T: PartialEq + Copy>(all: &[T], parse: fn(&str) -> Option<T>, code: &str) -> u32 {
    parse(code).map_or(0, |v| mask(all, &[v]))
}

impl PoolIndex {
    /// Builds the index; actors whose stored gender is no known code are left out (and logged).
    pub fn build(source: PoolSource) -> PoolIndex {
        let mut skills: HashMap<i64, u32> = HashMap::new();
        for (actor_id, skill) in &source.skills {
            *skills.entry(*actor_id).or_default() |= code_mask(Skill::ALL, Skill::parse, skill);
        }
        let mut training: HashMap<i64, u32> = HashMap::new();
        for (actor_id, module) in &source.training {
            *training.entry(*actor_id).or_default() |=
                code_mask(Module::ALL, Module::parse, module);
        }
        let mut unknown = 0;
        let mut actors = source.actors;
        actors.sort_by_key(|row| row.actor_id);
        let mut names = Vec::with_capacity(actors.len());
        let mut ids = Vec::with_capacity(actors.len());
        let mut columns = Columns::default();
        for row in actors {
            let gender = Gender::parse(&row.gender)
                .and_then(|g| position(Gender::ALL, &g))
                .and_then(|n| u8::try_from(n).ok());
            let Some(gender) = gender else {
                unknown += 1;
                continue;
            };
            columns.push(Entry {
                birth_date: row.birth_date,
                height_cm: row.height_cm,
                weight_kg: row.weight_kg,
                gender,
                skills: skills.get(&row.actor_id).copied().unwrap_or(0),
                training: training.get(&row.actor_id).copied().unwrap_or(0),
            });
            ids.push(row.actor_id);
            names.push(row.name);
        }
        if unknown > 0 {
            tracing::warn!(unknown, "actors with an unknown gender code left out of the pool");
        }
        let looks = source.looks.into_iter().map(|l| (l.actor_id, l)).collect();
        PoolIndex {
            revision: source.revision,
            columns,
            ids,
            names,
            looks,
            answers: KeptAnswers::default(),
        }
    }

    /// The rows of `actor_ids` (as a search's page lists them) as the pool shows them, ages
    /// and looks' freshness on `today`; ids not in the pool are left out.
    pub fn actors(&self, actor_ids: &[i64], today: Date) -> Vec<PoolActor> {
        actor_ids
            .iter()
            .filter_map(|id| self.ids.binary_search(id).ok())
            .map(|i| {
                let c = &self.columns;
                let actor_id = self.ids[i];
                let birth_date = Date::from_julian_day(c.birth[i]).unwrap_or(Date::MIN);
                let mut skills: Vec<Skill> = Skill::ALL
                    .iter()
                    .enumerate()
                    .filter(|(n, _)| c.skills[i] & (1 << n) != 0)
                    .map(|(_, skill)| *skill)
                    .collect();
                // As the database lists them: by code.
                skills.sort_by_key(|s| s.code());
                PoolActor {
                    actor_id,
                    name: self.names[i].clone(),
                    gender: Gender::ALL[usize::from(c.gender[i])],
                    age: age_on(birth_date, today),
                    height_cm: i64::from(c.height[i]),
                    weight_kg: i64::from(c.weight[i]),
                    skills,
                    look: self.looks.get(&actor_id).map(|look| look.view(today)),
                }
            })
            .collect()
    }

    /// The answer kept for `filter`'s `page` on `today`, if one was.
    pub fn kept(&self, filter: &ActorFilter, page: u32, today: Date) -> Option<Arc<PoolView>> {
        self.answers.get(&AskedPage { filter: filter.clone(), page, today })
    }

    /// Keeps the answer for `filter`'s `page` on `today` (built from this revision's rows).
    pub fn keep(&self, filter: &ActorFilter, page: u32, today: Date, answer: Arc<PoolView>) {
        self.answers.keep(AskedPage { filter: filter.clone(), page, today }, answer);
    }

    /// The actors passing `filter` (its status aside; ages on `today`), counted, and `limit`
    /// of them from `offset`.
    pub fn search(
        &self,
        filter: &ActorFilter,
        today: Date,
        limit: usize,
        offset: usize,
    ) -> PoolHits {
        // At least `min` years old: born on or before the latest birth date for `min`; at most
        // `max`: born after the latest birth date for `max + 1`.
        let born_by =
            filter.age.0.map_or(i32::MAX, |min| latest_birth_for_age(today, min).to_julian_day());
        // (No real date's day number is `i32::MIN`.)
        let born_after = filter
            .age
            .1
            .map_or(i32::MIN, |max| latest_birth_for_age(today, max + 1).to_julian_day());
        let gender = filter.gender.and_then(|g| position(Gender::ALL, &g));
        let any_gender = gender.is_none();
        let gender = gender.and_then(|n| u8::try_from(n).ok()).unwrap_or(u8::MAX);
        let skills = mask(Skill::ALL, &filter.skills);
        let training = mask(Module::ALL, &filter.training);
        // Heights and weights are `u16`: bounds outside it clamp to the same answer.
        let bounds = |(min, max): (Option<i64>, Option<i64>)| {
            let clamp = |v: i64| i32::try_from(v.clamp(-1, 1 << 17)).unwrap_or(0);
            (min.map_or(i32::MIN, clamp), max.map_or(i32::MAX, clamp))
        };
        let (height_min, height_max) = bounds(filter.height_cm);
        let (weight_min, weight_max) = bounds(filter.weight_kg);
        // Which actors pass, one byte each: every test of every actor evaluated without a
        // branch (`&`, not `&&`), column by column, so the loop runs on vector instructions.
        let c = &self.columns;
        let n = c.len();
        let (birth, height, weight) = (&c.birth[..n], &c.height[..n], &c.weight[..n]);
        let (genders, skill_bits, module_bits) = (&c.gender[..n], &c.skills[..n], &c.training[..n]);
        // (Rounded up to whole words of eight, the padding failing, for the walk below.)
        let mut passes = vec![0_u8; n.next_multiple_of(8)];
        for (i, pass) in passes[..n].iter_mut().enumerate() {
            let (h, w) = (i32::from(height[i]), i32::from(weight[i]));
            *pass = u8::from(
                (any_gender | (genders[i] == gender))
                    & (birth[i] <= born_by)
                    & (birth[i] > born_after)
                    & (h >= height_min)
                    & (h <= height_max)
                    & (w >= weight_min)
                    & (w <= weight_max)
                    & (skill_bits[i] & skills == skills)
                    & (module_bits[i] & training == training),
            );
        }
        let mut by_gender = [0i64; 8];
        let mut by_skill = [0i64; 32];
        let mut total = 0usize;
        let mut ids = Vec::with_capacity(limit);
        // Those that passed, in order, eight actors at a time: each byte is 0 or 1, and one
        // multiplication gathers a word's eight into the bits of its top byte (byte k's into bit
        // k), so the walk tests a word rather than every actor — a test per actor, taken or not
        // at random, had been most of a search's time.
        let passed = passes.chunks_exact(8).enumerate().flat_map(|(word_at, word)| {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            let mut bits = word.wrapping_mul(0x0102_0408_1020_4080) >> 56;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let at = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    word_at * 8 + at
                })
            })
        });
        for i in passed {
            if total >= offset && ids.len() < limit {
                ids.push(self.ids[i]);
            }
            total += 1;
            if let Some(count) = by_gender.get_mut(usize::from(genders[i])) {
                *count += 1;
            }
            let mut bits = skill_bits[i];
            while bits != 0 {
                by_skill[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
        let counted = |all: usize, counts: &[i64]| -> Vec<(usize, i64)> {
            counts.iter().take(all).copied().enumerate().filter(|(_, n)| *n > 0).collect()
        };
        PoolHits {
            total: i64::try_from(total).unwrap_or(i64::MAX),
            by_gender: counted(Gender::ALL.len(), &by_gender)
                .into_iter()
                .map(|(n, count)| (Gender::ALL[n], count))
                .collect(),
            by_skill: counted(Skill::ALL.len(), &by_skill)
                .into_iter()
                .map(|(n, count)| (Skill::ALL[n], count))
                .collect(),
            ids,
        }
    }
}

/// The pool's index shared by every request.
pub type PoolCache = IndexCache<PoolIndex>;

impl Rebuilt for PoolIndex {
    type Source = PoolSource;
    const NAME: &'static str = "actor pool";

    fn stored_revision(store: &Store) -> impl Future<Output = Result<i64, StorageError>> + Send {
        store.actor_revision()
    }

    fn source(store: &Store) -> impl Future<Output = Result<PoolSource, StorageError>> + Send {
        store.pool_source()
    }

    fn build(source: PoolSource) -> PoolIndex {
        PoolIndex::build(source)
    }

    fn revision(&self) -> i64 {
        self.revision
    }

    fn entry_count(&self) -> usize {
        self.columns.len()
    }
}
