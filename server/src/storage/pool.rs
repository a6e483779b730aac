//! The actor pool as its in-memory index reads it: every discoverable actor's facts, skills and
//! passed modules with the revision they reflect, and the rows of one page by id.

use std::collections::HashMap;

use domain::casting::ActorFacts;
use domain::vocab::Gender;
use time::Date;

use super::casting::PoolRow;
use super::looks::LookRow;
use super::rows::code;
use super::{Begin, StorageError, Store, on_db};

/// A discoverable actor's searchable facts (codes as stored).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PoolSourceRow {
    pub actor_id: i64,
    pub name: String,
    pub gender: String,
    pub birth_date: Date,
    pub height_cm: i64,
    pub weight_kg: i64,
}

/// The rows the pool index is built from.
#[derive(Debug, Clone, Default)]
pub struct PoolSource {
    /// The `actor_revision` these rows reflect (or an older one).
    pub revision: i64,
    /// Discoverable actors, by id.
    pub actors: Vec<PoolSourceRow>,
    /// `(actor_id, skill code)` of those actors.
    pub skills: Vec<(i64, String)>,
    /// `(actor_id, module code)` passed by those actors.
    pub training: Vec<(i64, String)>,
    /// Those actors' current looks.
    pub looks: Vec<LookRow>,
}

impl Store {
    /// The actor revision: it changes whenever an actor, a skill or a passed module does
    /// (database triggers).
    pub async fn actor_revision(&self) -> Result<i64, StorageError> {
        Ok(self.revisions().await?.actor)
    }

    /// Everything the pool index needs. The revision is read first, so the rows are at least
    /// as new as it says.
    pub async fn pool_source(&self) -> Result<PoolSource, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_read().await?;
            let revision: i64 = sqlx::query_scalar("select revision from actor_revision")
                .fetch_one(&mut *tx)
                .await?;
            let actors: Vec<PoolSourceRow> = sqlx::query_as(
                "select actor_id, name, gender, birth_date, height_cm, weight_kg from actor \
                 where discoverable order by actor_id",
            )
            .fetch_all(&mut *tx)
            .await?;
            let skills: Vec<(i64, String)> = sqlx::query_as(
                "select s.actor_id, s.skill from actor_skill s \
                 join actor x on x.actor_id = s.actor_id where x.discoverable",
            )
            .fetch_all(&mut *tx)
            .await?;
            let training: Vec<(i64, String)> = sqlx::query_as(
                "select t.actor_id, t.module from training_pass t \
                 join actor x on x.actor_id = t.actor_id where x.discoverable",
            )
            .fetch_all(&mut *tx)
            .await?;
            let looks: Vec<LookRow> = sqlx::query_as(
                "select l.actor_id, l.file_key, l.taken_on, l.uploaded_at from actor_look l \
                 join actor x on x.actor_id = l.actor_id where x.discoverable",
            )
            .fetch_all(&mut *tx)
            .await?;
            tx.commit().await?;
            PoolSource { revision, actors, skills, training, looks }
        }))
    }

    /// The pool rows of `actor_ids`, in the order given; ids that are gone are left out.
    pub async fn pool_rows(&self, actor_ids: &[i64]) -> Result<Vec<PoolRow>, StorageError> {
        if actor_ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = actor_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "select actor_id, name, gender, birth_date, height_cm, weight_kg from actor \
             where actor_id in ({list})"
        );
        let rows: Vec<(i64, String, String, Date, i64, i64)> =
            on_db!(self.db(), pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        let mut skills_of = self.skills_of(actor_ids).await?;
        let mut training_of = self.training_of(actor_ids).await?;
        let mut by_id: HashMap<i64, PoolRow> = HashMap::new();
        for (actor_id, name, gender, birth_date, height_cm, weight_kg) in rows {
            let facts = ActorFacts {
                gender: code(Gender::parse, &gender, "actor.gender")?,
                birth_date,
                height_cm,
                weight_kg,
                skills: skills_of.remove(&actor_id).unwrap_or_default(),
                training: training_of.remove(&actor_id).unwrap_or_default(),
            };
            by_id.insert(actor_id, PoolRow { actor_id, name, facts });
        }
        Ok(actor_ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }
}
