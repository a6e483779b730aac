//! Actors' "current look" photos: one row per actor naming the files and the day the photo was
//! taken, and the questions the look handler asks before it serves a file to anyone.

use std::collections::HashMap;

use app::models::LookView;
use domain::casting::look_is_stale;
use time::Date;

use super::{Begin, StorageError, Store, on_db};

/// A stored look: its file key and the day it was taken.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LookRow {
    pub actor_id: i64,
    pub file_key: String,
    pub taken_on: Date,
    pub uploaded_at: i64,
}

impl LookRow {
    /// The look as pages show it, stale or not on `today`.
    pub fn view(&self, today: Date) -> LookView {
        LookView {
            key: self.file_key.clone(),
            taken_on: self.taken_on,
            stale: look_is_stale(self.taken_on, today),
        }
    }
}

/// Whose look a file is, and what decides who else may see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookOwner {
    pub actor_id: i64,
    /// Crews of verified productions find the actor in the pool.
    pub discoverable: bool,
}

impl Store {
    /// Makes `file_key` the actor's look, in one transaction; the key it replaced (whose
    /// files the caller removes), if any.
    pub async fn set_look(&self, row: &LookRow) -> Result<Option<String>, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let old: Option<String> =
                sqlx::query_scalar("select file_key from actor_look where actor_id = $1")
                    .bind(row.actor_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            sqlx::query(
                "insert into actor_look (actor_id, file_key, taken_on, uploaded_at) \
                 values ($1, $2, $3, $4) on conflict (actor_id) do update set \
                 file_key = excluded.file_key, taken_on = excluded.taken_on, \
                 uploaded_at = excluded.uploaded_at",
            )
            .bind(row.actor_id)
            .bind(&row.file_key)
            .bind(row.taken_on)
            .bind(row.uploaded_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            old
        }))
    }

    /// Removes the actor's look; the key of its files, if there was one.
    pub async fn remove_look(&self, actor_id: i64) -> Result<Option<String>, StorageError> {
        Ok(on_db!(self.db(), pool => {
            sqlx::query_scalar("delete from actor_look where actor_id = $1 returning file_key")
                .bind(actor_id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// The looks of each of `actor_ids` that has one.
    pub async fn looks_of(&self, actor_ids: &[i64]) -> Result<HashMap<i64, LookRow>, StorageError> {
        if actor_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let list = actor_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "select actor_id, file_key, taken_on, uploaded_at from actor_look \
             where actor_id in ({list})"
        );
        let rows: Vec<LookRow> =
            on_db!(self.db(), pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        Ok(rows.into_iter().map(|row| (row.actor_id, row)).collect())
    }

    /// Whose look `file_key` is.
    pub async fn look_owner(&self, file_key: &str) -> Result<Option<LookOwner>, StorageError> {
        let row: Option<(i64, bool)> = on_db!(self.db(), pool => sqlx::query_as(
            "select l.actor_id, x.discoverable from actor_look l \
             join actor x on x.actor_id = l.actor_id where l.file_key = $1",
        )
        .bind(file_key)
        .fetch_optional(pool)
        .await?);
        Ok(row.map(|(actor_id, discoverable)| LookOwner { actor_id, discoverable }))
    }

    /// Whether `actor_id` applied to any call of `production_id` (its crew then sees the actor
    /// among the call's applicants).
    pub async fn applied_to_production(
        &self,
        actor_id: i64,
        production_id: i64,
    ) -> Result<bool, StorageError> {
        let found: Option<i64> = on_db!(self.db(), pool => sqlx::query_scalar(
            "select x.actor_id from application x \
             join casting_call c on c.casting_call_id = x.casting_call_id \
             where x.actor_id = $1 and c.production_id = $2 limit 1",
        )
        .bind(actor_id)
        .bind(production_id)
        .fetch_optional(pool)
        .await?);
        Ok(found.is_some())
    }
}
