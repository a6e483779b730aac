//! The actor pool's search index: every discoverable actor's gender, birth date, height,
//! weight, skills and passed modules packed in memory, so a search with its counts by gender
//! and by skill is one pass over the pool instead of a query per count.
//!
//! Built from `actor_revision` like the catalogue's index (see `index_cache`). It holds each
//! actor's name and current look too, so a page's rows are answered without reading the
//! database: names, facts, skills and looks all move the revision. Whole answers (the page with its rows and looks) are kept with the index, by filter, page
//! and day: names, skills, modules and looks all move the revision, so a kept answer is never
//! staler than the index, and a crew paging back and forth or a popular search is answered
//! from memory.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use app::models::{LookView, PoolActor, PoolView};

use domain::casting::{ActorFilter, age_on, latest_birth_for_age, look_is_stale};
use domain::vocab::{Gender, Module, Skill};
use time::Date;

use crate::index_cache::{IndexCache, KeptAnswers, Rebuilt};
use crate::storage::pool::PoolSource;
use crate::storage::{StorageError, Store};

const _: () = assert!(Skill::ALL.len() <= 32 && Module::ALL.len() <= 32);

/// One discoverable actor.
#[derive(Debug, Clone, Copy)]
struct Entry {
    actor_id: i64,
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
    entries: Vec<Entry>,
    /// Each entry's name (`names[i]` is `entries[i]`'s).
    names: Vec<String>,
    /// Current looks by actor id: file key and the day taken.
    looks: HashMap<i64, (String, Date)>,
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
        let entries: Vec<Entry> = actors
            .into_iter()
            .filter_map(|row| {
                let gender = Gender::parse(&row.gender).and_then(|g| position(Gender::ALL, &g));
                if gender.is_none() {
                    unknown += 1;
                }
                let entry = Entry {
                    actor_id: row.actor_id,
                    birth_date: row.birth_date,
                    height_cm: row.height_cm,
                    weight_kg: row.weight_kg,
                    gender: u8::try_from(gender?).ok()?,
                    skills: skills.get(&row.actor_id).copied().unwrap_or(0),
                    training: training.get(&row.actor_id).copied().unwrap_or(0),
                };
                names.push(row.name);
                Some(entry)
            })
            .collect();
        if unknown > 0 {
            tracing::warn!(unknown, "actors with an unknown gender code left out of the pool");
        }
        let looks =
            source.looks.into_iter().map(|l| (l.actor_id, (l.file_key, l.taken_on))).collect();
        PoolIndex {
            revision: source.revision,
            entries,
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
            .filter_map(|id| self.entries.binary_search_by_key(id, |e| e.actor_id).ok())
            .map(|i| {
                let e = &self.entries[i];
                let mut skills: Vec<Skill> = Skill::ALL
                    .iter()
                    .enumerate()
                    .filter(|(n, _)| e.skills & (1 << n) != 0)
                    .map(|(_, skill)| *skill)
                    .collect();
                // As the database lists them: by code.
                skills.sort_by_key(|s| s.code());
                PoolActor {
                    actor_id: e.actor_id,
                    name: self.names[i].clone(),
                    gender: Gender::ALL[usize::from(e.gender)],
                    age: age_on(e.birth_date, today),
                    height_cm: e.height_cm,
                    weight_kg: e.weight_kg,
                    skills,
                    look: self.looks.get(&e.actor_id).map(|(key, taken_on)| LookView {
                        key: key.clone(),
                        taken_on: *taken_on,
                        stale: look_is_stale(*taken_on, today),
                    }),
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
        let born_by = filter.age.0.map(|min| latest_birth_for_age(today, min));
        let born_after = filter.age.1.map(|max| latest_birth_for_age(today, max + 1));
        let gender = filter.gender.and_then(|g| position(Gender::ALL, &g));
        let skills = mask(Skill::ALL, &filter.skills);
        let training = mask(Module::ALL, &filter.training);
        let within = |v: i64, (min, max): (Option<i64>, Option<i64>)| {
            min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m)
        };
        let mut by_gender = [0i64; 8];
        let mut by_skill = [0i64; 32];
        let mut total = 0usize;
        let mut ids = Vec::with_capacity(limit);
        for e in &self.entries {
            if gender.is_some_and(|g| usize::from(e.gender) != g)
                || born_by.is_some_and(|d| e.birth_date > d)
                || born_after.is_some_and(|d| e.birth_date <= d)
                || !within(e.height_cm, filter.height_cm)
                || !within(e.weight_kg, filter.weight_kg)
                || e.skills & skills != skills
                || e.training & training != training
            {
                continue;
            }
            if total >= offset && ids.len() < limit {
                ids.push(e.actor_id);
            }
            total += 1;
            if let Some(n) = by_gender.get_mut(usize::from(e.gender)) {
                *n += 1;
            }
            let mut bits = e.skills;
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
        self.entries.len()
    }
}
