//! Writes the seed records into an empty database, in one transaction.

use domain::vocab::{Category, Module, Skill};
use sqlx::QueryBuilder;
use time::{Date, Duration, Month};

use super::{Begin, StorageError, Store, on_db};
use crate::seed::model::{SeedActor, SupplierKind};
use crate::seed::{DEMO_ACCOUNTS, SeedOptions, actors, casting, catalogue, locations, suppliers};

/// Rows per multi-row insert: well under both engines' bound-parameter limits.
const CHUNK: usize = 400;

/// What a seeding run wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub locations: usize,
    pub items: usize,
    pub calls: usize,
    pub actors: usize,
    pub accounts: usize,
}

fn kind_code(kind: SupplierKind) -> &'static str {
    match kind {
        SupplierKind::Stock => "stock",
        SupplierKind::LocationOperator => "location_operator",
    }
}

fn birth_date(actor: &SeedActor) -> Result<Date, StorageError> {
    let (y, m, d) = actor.birth_date;
    Month::try_from(m)
        .ok()
        .and_then(|month| Date::from_calendar_date(y, month, d).ok())
        .ok_or_else(|| StorageError::Corrupt(format!("seed birth date {y}-{m}-{d} is not a date")))
}

/// 1-based position of `code` in `codes`, as the row id the seed gives it.
fn id_of<'a>(codes: impl IntoIterator<Item = &'a str>, code: &str) -> Result<i64, StorageError> {
    codes
        .into_iter()
        .position(|c| c == code)
        .map(|i| i as i64 + 1)
        .ok_or_else(|| StorageError::Corrupt(format!("seed refers to unknown code {code:?}")))
}

impl Store {
    /// Whether the database holds no locations, items or accounts yet.
    pub async fn is_empty(&self) -> Result<bool, StorageError> {
        let count: i64 = on_db!(self.db(), pool => sqlx::query_scalar(
            "select (select count(*) from location) + (select count(*) from item) \
             + (select count(*) from account)",
        )
        .fetch_one(pool)
        .await?);
        Ok(count == 0)
    }

    /// Loads the seed into an empty database; refuses (`NotEmpty`) to touch one with data.
    /// `password_hash` turns each demo password into its stored hash.
    pub async fn load_seed(
        &self,
        options: SeedOptions,
        password_hash: impl Fn(&str) -> String,
    ) -> Result<SeedReport, StorageError> {
        if !self.is_empty().await? {
            return Err(StorageError::NotEmpty);
        }
        let supplier_codes: Vec<&str> = suppliers::SUPPLIERS.iter().map(|s| s.code).collect();
        let production_codes: Vec<&str> = suppliers::PRODUCTIONS.iter().map(|p| p.code).collect();
        let subcategory_codes: Vec<&str> =
            catalogue::SUBCATEGORIES.iter().map(|s| s.code).collect();
        let locations = locations::locations();
        let slugs: Vec<&str> = locations.iter().map(|l| l.slug.as_str()).collect();
        let items = catalogue::catalogue_items();
        let calls = casting::casting_calls();
        let actors = actors::actors(options.actors);
        let day = |offset: i64| options.anchor + Duration::days(offset);

        // Demo crews belong to the first and second verified productions; the demo supplier to
        // the first stock house, the demo operator to the first location operator.
        let verified: Vec<i64> = suppliers::PRODUCTIONS
            .iter()
            .enumerate()
            .filter(|(_, p)| p.verified)
            .map(|(i, _)| i as i64 + 1)
            .collect();
        let first_supplier = |kind: SupplierKind| {
            suppliers::SUPPLIERS.iter().position(|s| s.kind == kind).map(|i| i as i64 + 1)
        };
        let production_of = |login: &str| match login {
            "crew2@backlot.local" => verified.get(1).copied(),
            _ => verified.first().copied(),
        };
        let supplier_of = |login: &str| match login {
            "operator@backlot.local" => first_supplier(SupplierKind::LocationOperator),
            _ => first_supplier(SupplierKind::Stock),
        };
        let hashes: Vec<String> = DEMO_ACCOUNTS.iter().map(|a| password_hash(a.password)).collect();

        on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;

            let mut q = QueryBuilder::new(
                "insert into supplier (supplier_id, code, kind, name_zh, name_en, site_zh, site_en) ",
            );
            q.push_values(suppliers::SUPPLIERS.iter().enumerate(), |mut b, (i, s)| {
                b.push_bind(i as i64 + 1).push_bind(s.code).push_bind(kind_code(s.kind))
                    .push_bind(s.name_zh).push_bind(s.name_en).push_bind(s.site_zh).push_bind(s.site_en);
            });
            q.build().execute(&mut *tx).await?;

            let mut q = QueryBuilder::new(
                "insert into production (production_id, code, name_zh, name_en, company_zh, \
                 company_en, verified, era) ",
            );
            q.push_values(suppliers::PRODUCTIONS.iter().enumerate(), |mut b, (i, p)| {
                b.push_bind(i as i64 + 1).push_bind(p.code).push_bind(p.name_zh).push_bind(p.name_en)
                    .push_bind(p.company_zh).push_bind(p.company_en).push_bind(p.verified)
                    .push_bind(p.era.map(|e| e.code()));
            });
            q.build().execute(&mut *tx).await?;

            let operator_ids = locations
                .iter()
                .map(|l| id_of(supplier_codes.iter().copied(), l.operator_code))
                .collect::<Result<Vec<_>, _>>()?;
            let mut q = QueryBuilder::new(
                "insert into location (location_id, slug, name_zh, name_en, name_pinyin, kind, \
                 setting, base, lat, lon, area_m2, hourly_rate_fen, changeover_min, \
                 description_zh, description_en, supplier_id) ",
            );
            q.push_values(locations.iter().zip(&operator_ids).enumerate(), |mut b, (i, (l, op))| {
                b.push_bind(i as i64 + 1).push_bind(&l.slug).push_bind(&l.name_zh)
                    .push_bind(&l.name_en).push_bind(&l.name_pinyin).push_bind(l.kind.code())
                    .push_bind(l.setting.code()).push_bind(l.base.code()).push_bind(l.lat)
                    .push_bind(l.lon).push_bind(l.area_m2).push_bind(l.hourly_rate_yuan * 100)
                    .push_bind(l.changeover_min).push_bind(&l.description_zh)
                    .push_bind(&l.description_en).push_bind(*op);
            });
            q.build().execute(&mut *tx).await?;

            let eras: Vec<(i64, &str, i64)> = locations.iter().enumerate()
                .flat_map(|(i, l)| l.eras.iter().enumerate().map(move |(p, e)| (i as i64 + 1, e.code(), p as i64)))
                .collect();
            let mut q = QueryBuilder::new("insert into location_era (location_id, era, position) ");
            q.push_values(&eras, |mut b, (id, era, pos)| {
                b.push_bind(*id).push_bind(*era).push_bind(*pos);
            });
            q.build().execute(&mut *tx).await?;

            let facilities: Vec<(i64, &str)> = locations.iter().enumerate()
                .flat_map(|(i, l)| l.facilities.iter().map(move |f| (i as i64 + 1, f.code())))
                .collect();
            let mut q = QueryBuilder::new("insert into location_facility (location_id, facility) ");
            q.push_values(&facilities, |mut b, (id, f)| {
                b.push_bind(*id).push_bind(*f);
            });
            q.build().execute(&mut *tx).await?;

            let mut q = QueryBuilder::new(
                "insert into subcategory (subcategory_id, code, category, name_zh, name_en) ",
            );
            q.push_values(catalogue::SUBCATEGORIES.iter().enumerate(), |mut b, (i, s)| {
                b.push_bind(i as i64 + 1).push_bind(s.code).push_bind(s.category.code())
                    .push_bind(s.name_zh).push_bind(s.name_en);
            });
            q.build().execute(&mut *tx).await?;

            let item_refs = items
                .iter()
                .map(|it| Ok((
                    id_of(subcategory_codes.iter().copied(), it.subcategory)?,
                    id_of(supplier_codes.iter().copied(), it.supplier_code)?,
                )))
                .collect::<Result<Vec<_>, StorageError>>()?;
            for (n, chunk) in items.chunks(CHUNK).enumerate() {
                let mut q = QueryBuilder::new(
                    "insert into item (item_id, sku, category, subcategory_id, era, colour, \
                     material, size, condition, quantity_owned, daily_rate_fen, deposit_fen, \
                     supplier_id, name_zh, name_en) ",
                );
                q.push_values(chunk.iter().enumerate(), |mut b, (j, it)| {
                    let i = n * CHUNK + j;
                    let (sub, sup) = item_refs[i];
                    b.push_bind(i as i64 + 1).push_bind(&it.sku).push_bind(it.category.code())
                        .push_bind(sub).push_bind(it.era.code()).push_bind(it.colour.code())
                        .push_bind(it.material.code()).push_bind(it.size.map(|s| s.code()))
                        .push_bind(it.condition.code()).push_bind(it.quantity_owned)
                        .push_bind(it.daily_rate_fen).push_bind(it.deposit_fen).push_bind(sup)
                        .push_bind(&it.name_zh).push_bind(&it.name_en);
                });
                q.build().execute(&mut *tx).await?;
            }
            let tags: Vec<(i64, &str)> = items.iter().enumerate()
                .flat_map(|(i, it)| {
                    let unique: std::collections::BTreeSet<&str> = it.tags.iter().map(String::as_str).collect();
                    unique.into_iter().map(move |tag| (i as i64 + 1, tag))
                })
                .collect();
            for chunk in tags.chunks(CHUNK) {
                let mut q = QueryBuilder::new("insert into item_tag (item_id, tag) ");
                q.push_values(chunk, |mut b, (id, tag)| {
                    b.push_bind(*id).push_bind(*tag);
                });
                q.build().execute(&mut *tx).await?;
            }

            let call_refs = calls
                .iter()
                .map(|c| Ok((
                    id_of(production_codes.iter().copied(), c.production_code)?,
                    id_of(slugs.iter().copied(), &c.location_slug)?,
                )))
                .collect::<Result<Vec<_>, StorageError>>()?;
            let mut q = QueryBuilder::new(
                "insert into casting_call (casting_call_id, production_id, role_zh, role_en, \
                 description_zh, description_en, location_id, starts_on, ends_on, deadline, \
                 pay_per_day_fen, gender, age_min, age_max, height_min_cm, height_max_cm, \
                 weight_min_kg, weight_max_kg, needed, status) ",
            );
            q.push_values(calls.iter().zip(&call_refs).enumerate(), |mut b, (i, (c, (prod, loc)))| {
                b.push_bind(i as i64 + 1).push_bind(*prod).push_bind(&c.role_zh)
                    .push_bind(&c.role_en).push_bind(&c.description_zh).push_bind(&c.description_en)
                    .push_bind(*loc).push_bind(day(c.start_offset_days))
                    .push_bind(day(c.start_offset_days + c.duration_days - 1))
                    .push_bind(day(c.deadline_offset_days)).push_bind(c.pay_per_day_fen)
                    .push_bind(c.gender.map(|g| g.code())).push_bind(c.age_min).push_bind(c.age_max)
                    .push_bind(c.height_min_cm).push_bind(c.height_max_cm)
                    .push_bind(c.weight_min_kg).push_bind(c.weight_max_kg).push_bind(c.needed)
                    .push_bind(if c.open { "open" } else { "closed" });
            });
            q.build().execute(&mut *tx).await?;
            let call_skills: Vec<(i64, &str)> = calls.iter().enumerate()
                .flat_map(|(i, c)| c.skills.iter().map(move |s| (i as i64 + 1, s.code())))
                .collect();
            if !call_skills.is_empty() {
                let mut q = QueryBuilder::new("insert into casting_call_skill (casting_call_id, skill) ");
                q.push_values(&call_skills, |mut b, (id, s)| {
                    b.push_bind(*id).push_bind(*s);
                });
                q.build().execute(&mut *tx).await?;
            }

            // Training: calls that ask for riders require the horses module too.
            let call_training: Vec<(i64, &str)> = calls.iter().enumerate()
                .filter(|(_, c)| c.skills.contains(&Skill::HorseRiding))
                .map(|(i, _)| (i as i64 + 1, Module::Horses.code()))
                .collect();
            if !call_training.is_empty() {
                let mut q = QueryBuilder::new("insert into casting_call_training (casting_call_id, module) ");
                q.push_values(&call_training, |mut b, (id, m)| {
                    b.push_bind(*id).push_bind(*m);
                });
                q.build().execute(&mut *tx).await?;
            }

            let births = actors.iter().map(birth_date).collect::<Result<Vec<_>, _>>()?;
            for (n, chunk) in actors.chunks(CHUNK).enumerate() {
                let mut q = QueryBuilder::new(
                    "insert into actor (actor_id, name, gender, birth_date, height_cm, weight_kg, \
                     phone, discoverable) ",
                );
                q.push_values(chunk.iter().enumerate(), |mut b, (j, a)| {
                    let i = n * CHUNK + j;
                    b.push_bind(i as i64 + 1).push_bind(&a.name).push_bind(a.gender.code())
                        .push_bind(births[i]).push_bind(a.height_cm).push_bind(a.weight_kg)
                        .push_bind(&a.phone).push_bind(a.discoverable);
                });
                q.build().execute(&mut *tx).await?;
            }
            let actor_skills: Vec<(i64, &str)> = actors.iter().enumerate()
                .flat_map(|(i, a)| a.skills.iter().map(move |s| (i as i64 + 1, s.code())))
                .collect();
            for chunk in actor_skills.chunks(CHUNK) {
                let mut q = QueryBuilder::new("insert into actor_skill (actor_id, skill) ");
                q.push_values(chunk, |mut b, (id, s)| {
                    b.push_bind(*id).push_bind(*s);
                });
                q.build().execute(&mut *tx).await?;
            }

            // Every rider passed the horses module; every third actor passed set safety.
            let passes: Vec<(i64, &str)> = actors.iter().enumerate()
                .flat_map(|(i, a)| {
                    let horses = a.skills.contains(&Skill::HorseRiding).then_some(Module::Horses);
                    let safety = (i % 3 == 0).then_some(Module::SetSafety);
                    horses.into_iter().chain(safety).map(move |m| (i as i64 + 1, m.code()))
                })
                .collect();
            let passed_at = domain::studio_midnight(day(-30));
            for chunk in passes.chunks(CHUNK) {
                let mut q = QueryBuilder::new("insert into training_pass (actor_id, module, passed_at) ");
                q.push_values(chunk, |mut b, (id, m)| {
                    b.push_bind(*id).push_bind(*m).push_bind(passed_at);
                });
                q.build().execute(&mut *tx).await?;
            }

            let mut q = QueryBuilder::new(
                "insert into account (account_id, login, password_hash, role, display_name, \
                 production_id, supplier_id, actor_id) ",
            );
            q.push_values(DEMO_ACCOUNTS.iter().zip(&hashes).enumerate(), |mut b, (i, (a, hash))| {
                let production = (a.role == "crew").then(|| production_of(a.login)).flatten();
                let supplier = (a.role == "supplier").then(|| supplier_of(a.login)).flatten();
                let actor = (a.role == "actor" && !actors.is_empty()).then_some(1_i64);
                b.push_bind(i as i64 + 1).push_bind(a.login).push_bind(hash).push_bind(a.role)
                    .push_bind(a.display_name).push_bind(production).push_bind(supplier)
                    .push_bind(actor);
            });
            q.build().execute(&mut *tx).await?;

            // Sound stages are let hour by hour: their operators confirm bookings at once.
            sqlx::query("update location set instant_book = true where kind = 'stage'")
                .execute(&mut *tx)
                .await?;

            tx.commit().await?;
        });
        self.advance_id_sequences().await?;

        Ok(SeedReport {
            locations: locations.len(),
            items: items.len(),
            calls: calls.len(),
            actors: actors.len(),
            accounts: DEMO_ACCOUNTS.len(),
        })
    }

    /// PostgreSQL identity columns do not follow explicit ids; move them past the seed's.
    async fn advance_id_sequences(&self) -> Result<(), StorageError> {
        if let super::Db::Postgres(pool) = self.db() {
            for (table, column) in [
                ("supplier", "supplier_id"),
                ("production", "production_id"),
                ("location", "location_id"),
                ("subcategory", "subcategory_id"),
                ("item", "item_id"),
                ("casting_call", "casting_call_id"),
                ("actor", "actor_id"),
                ("account", "account_id"),
            ] {
                sqlx::query(&format!(
                    "select setval(pg_get_serial_sequence('{table}', '{column}'), \
                     coalesce((select max({column}) from {table}), 0) + 1, false)"
                ))
                .execute(pool)
                .await?;
            }
        }
        Ok(())
    }

    /// Number of catalogue items per category, for checks and reports.
    pub async fn item_counts(&self) -> Result<Vec<(Category, i64)>, StorageError> {
        let rows: Vec<(String, i64)> = on_db!(self.db(), pool => sqlx::query_as(
            "select category, count(*) from item group by category order by category",
        )
        .fetch_all(pool)
        .await?);
        rows.into_iter()
            .map(|(c, n)| Ok((super::rows::code(Category::parse, &c, "item.category")?, n)))
            .collect()
    }
}
