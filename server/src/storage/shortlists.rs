//! Crew members' shortlists of locations and the read-only links that share them.

use super::{Begin, StorageError, Store, on_db};

/// The most locations one shortlist holds.
pub const SHORTLIST_MAX: i64 = 50;

/// What adding to a shortlist did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Added, or it was there already.
    Done,
    NoSuchLocation,
    /// The shortlist already holds `SHORTLIST_MAX` locations.
    Full,
}

/// The owner of a shared shortlist, as a link's reader sees it: the production, not the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareOwner {
    pub account_id: i64,
    pub production: Option<(String, String)>,
}

impl Store {
    /// The slugs on `account_id`'s shortlist, in the order they were added.
    pub async fn shortlist(&self, account_id: i64) -> Result<Vec<String>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(
            "select l.slug from shortlist_entry e join location l on l.location_id = e.location_id \
             where e.account_id = $1 order by e.added_at, l.slug",
        )
        .bind(account_id)
        .fetch_all(pool)
        .await?))
    }

    /// Adds `slug` to `account_id`'s shortlist (in one transaction with the size check).
    pub async fn shortlist_add(
        &self,
        account_id: i64,
        slug: &str,
        now: i64,
    ) -> Result<Added, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            let location: Option<i64> =
                sqlx::query_scalar("select location_id from location where slug = $1")
                    .bind(slug)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(location_id) = location else { return Ok(Added::NoSuchLocation) };
            let count: i64 =
                sqlx::query_scalar("select count(*) from shortlist_entry where account_id = $1")
                    .bind(account_id)
                    .fetch_one(&mut *tx)
                    .await?;
            let added = if count < SHORTLIST_MAX {
                // Already on the list counts as added.
                sqlx::query(
                    "insert into shortlist_entry (account_id, location_id, added_at) \
                     values ($1, $2, $3) on conflict do nothing",
                )
                .bind(account_id)
                .bind(location_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                Added::Done
            } else {
                let there: bool = sqlx::query_scalar(
                    "select count(*) > 0 from shortlist_entry \
                     where account_id = $1 and location_id = $2",
                )
                .bind(account_id)
                .bind(location_id)
                .fetch_one(&mut *tx)
                .await?;
                if there { Added::Done } else { Added::Full }
            };
            tx.commit().await?;
            added
        }))
    }

    /// Takes `slug` off the shortlist; false if it was not on it.
    pub async fn shortlist_remove(
        &self,
        account_id: i64,
        slug: &str,
    ) -> Result<bool, StorageError> {
        let removed = on_db!(self.db(), pool => sqlx::query(
            "delete from shortlist_entry where account_id = $1 \
             and location_id = (select location_id from location where slug = $2)",
        )
        .bind(account_id)
        .bind(slug)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(removed == 1)
    }

    /// The token of `account_id`'s shared link, if it made one.
    pub async fn share_token(&self, account_id: i64) -> Result<Option<String>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(
            "select token from shortlist_share where account_id = $1",
        )
        .bind(account_id)
        .fetch_optional(pool)
        .await?))
    }

    /// Sets a new token for `account_id`'s shared link; the old link stops working.
    pub async fn set_share_token(
        &self,
        account_id: i64,
        token: &str,
        now: i64,
    ) -> Result<(), StorageError> {
        on_db!(self.db(), pool => sqlx::query(
            "insert into shortlist_share (account_id, token, created_at) values ($1, $2, $3) \
             on conflict (account_id) do update set token = excluded.token, \
             created_at = excluded.created_at",
        )
        .bind(account_id)
        .bind(token)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())?);
        Ok(())
    }

    /// Whose shortlist `token` shares.
    pub async fn share_owner(&self, token: &str) -> Result<Option<ShareOwner>, StorageError> {
        let row: Option<(i64, Option<String>, Option<String>)> = on_db!(self.db(), pool => sqlx::query_as(
            "select s.account_id, p.name_zh, p.name_en from shortlist_share s \
             join account a on a.account_id = s.account_id \
             left join production p on p.production_id = a.production_id where s.token = $1",
        )
        .bind(token)
        .fetch_optional(pool)
        .await?);
        Ok(row.map(|(account_id, zh, en)| ShareOwner { account_id, production: zh.zip(en) }))
    }
}
