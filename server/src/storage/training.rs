//! Training (码上培训): modules passed by actors and modules required by calls.

use std::collections::HashMap;

use domain::vocab::Module;

use super::rows::{CodeRow, code, group_codes};
use super::{StorageError, Store, on_db};

/// `ids` as a SQL list of integers (they are numbers, never text from a request).
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

impl Store {
    /// Records that `actor_id` passed `module` (again: the latest pass counts).
    pub async fn record_training_pass(
        &self,
        actor_id: i64,
        module: Module,
        now: i64,
    ) -> Result<(), StorageError> {
        on_db!(self.db(), pool => sqlx::query(
            "insert into training_pass (actor_id, module, passed_at) values ($1, $2, $3) \
             on conflict (actor_id, module) do update set passed_at = excluded.passed_at",
        )
        .bind(actor_id)
        .bind(module.code())
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())?);
        Ok(())
    }

    /// The modules `actor_id` passed, with when (unix seconds), in the modules' order.
    pub async fn training_passes(&self, actor_id: i64) -> Result<Vec<(Module, i64)>, StorageError> {
        let rows: Vec<(String, i64)> = on_db!(self.db(), pool => sqlx::query_as(
            "select module, passed_at from training_pass where actor_id = $1",
        )
        .bind(actor_id)
        .fetch_all(pool)
        .await?);
        let mut passes = rows
            .iter()
            .map(|(m, at)| Ok((code(Module::parse, m, "training_pass.module")?, *at)))
            .collect::<Result<Vec<_>, StorageError>>()?;
        passes.sort_by_key(|(m, _)| *m);
        Ok(passes)
    }

    /// The modules each of `actor_ids` passed.
    pub(super) async fn training_of(
        &self,
        actor_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<Module>>, StorageError> {
        self.modules_of("training_pass", "actor_id", actor_ids).await
    }

    /// The modules each of `call_ids` requires.
    pub(super) async fn call_training(
        &self,
        call_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<Module>>, StorageError> {
        self.modules_of("casting_call_training", "casting_call_id", call_ids).await
    }

    async fn modules_of(
        &self,
        table: &'static str,
        owner: &'static str,
        ids: &[i64],
    ) -> Result<HashMap<i64, Vec<Module>>, StorageError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "select {owner} as owner_id, module as code from {table} \
             where {owner} in ({}) order by {owner}, module",
            id_list(ids)
        );
        let rows: Vec<CodeRow> =
            on_db!(self.db(), pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        let mut grouped = group_codes(rows, Module::parse, "module")?;
        for modules in grouped.values_mut() {
            modules.sort();
        }
        Ok(grouped)
    }
}
