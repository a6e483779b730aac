//! Location photos: the rows that point at the media directory's files.

use super::{BeginWrite, StorageError, Store, on_db};

/// The most photos one location keeps.
pub const PHOTOS_MAX: i64 = 40;

/// A stored photo.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PhotoRow {
    pub photo_id: i64,
    pub file_key: String,
    pub width: i64,
    pub height: i64,
    pub caption: String,
}

/// A photo about to be stored.
#[derive(Debug, Clone)]
pub struct NewPhoto<'a> {
    pub location_id: i64,
    pub file_key: &'a str,
    pub width: u32,
    pub height: u32,
    pub thumb: (u32, u32),
    pub caption: &'a str,
    pub uploaded_by: i64,
    pub now: i64,
}

/// What storing a photo did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoAdded {
    Done(i64),
    /// The location already has `PHOTOS_MAX` photos.
    Full,
}

/// A location as the photo rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoTarget {
    pub location_id: i64,
    /// The supplier that operates the location.
    pub operator_id: i64,
}

impl Store {
    /// The location `slug` and its operator.
    pub async fn photo_target(&self, slug: &str) -> Result<Option<PhotoTarget>, StorageError> {
        let row: Option<(i64, i64)> = on_db!(self.db(), pool => sqlx::query_as(
            "select location_id, supplier_id from location where slug = $1",
        )
        .bind(slug)
        .fetch_optional(pool)
        .await?);
        Ok(row.map(|(location_id, operator_id)| PhotoTarget { location_id, operator_id }))
    }

    /// A location's photos, oldest first.
    pub async fn location_photos(&self, location_id: i64) -> Result<Vec<PhotoRow>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_as(
            "select photo_id, file_key, width, height, caption from location_photo \
             where location_id = $1 order by created_at, photo_id",
        )
        .bind(location_id)
        .fetch_all(pool)
        .await?))
    }

    /// The first photo of each of `slugs`' locations, by slug.
    pub async fn cover_photos(
        &self,
        slugs: &[String],
    ) -> Result<Vec<(String, PhotoRow)>, StorageError> {
        let mut covers = Vec::new();
        for slug in slugs {
            let row: Option<PhotoRow> = on_db!(self.db(), pool => sqlx::query_as(
                "select p.photo_id, p.file_key, p.width, p.height, p.caption \
                 from location_photo p join location l on l.location_id = p.location_id \
                 where l.slug = $1 order by p.created_at, p.photo_id limit 1",
            )
            .bind(slug)
            .fetch_optional(pool)
            .await?);
            covers.extend(row.map(|row| (slug.clone(), row)));
        }
        Ok(covers)
    }

    /// Records a photo whose files are already written; the count check and the insert are
    /// one transaction.
    pub async fn add_photo(&self, photo: NewPhoto<'_>) -> Result<PhotoAdded, StorageError> {
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write().await?;
            // Serialises concurrent uploads to one location (SQLite's write lock, PostgreSQL's
            // row lock), so the count below cannot be overtaken.
            sqlx::query("update location set booking_version = booking_version where location_id = $1")
                .bind(photo.location_id)
                .execute(&mut *tx)
                .await?;
            let count: i64 =
                sqlx::query_scalar("select count(*) from location_photo where location_id = $1")
                    .bind(photo.location_id)
                    .fetch_one(&mut *tx)
                    .await?;
            if count >= PHOTOS_MAX {
                return Ok(PhotoAdded::Full);
            }
            let id: i64 = sqlx::query_scalar(
                "insert into location_photo (location_id, file_key, width, height, thumb_width, \
                 thumb_height, caption, uploaded_by, created_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning photo_id",
            )
            .bind(photo.location_id)
            .bind(photo.file_key)
            .bind(i64::from(photo.width))
            .bind(i64::from(photo.height))
            .bind(i64::from(photo.thumb.0))
            .bind(i64::from(photo.thumb.1))
            .bind(photo.caption)
            .bind(photo.uploaded_by)
            .bind(photo.now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            PhotoAdded::Done(id)
        }))
    }

    /// The operator of the location photo `photo_id` shows.
    pub async fn photo_owner(&self, photo_id: i64) -> Result<Option<i64>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(
            "select l.supplier_id from location_photo p \
             join location l on l.location_id = p.location_id where p.photo_id = $1",
        )
        .bind(photo_id)
        .fetch_optional(pool)
        .await?))
    }

    /// Deletes a photo's row; its file key, if it existed.
    pub async fn delete_photo(&self, photo_id: i64) -> Result<Option<String>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(
            "delete from location_photo where photo_id = $1 returning file_key",
        )
        .bind(photo_id)
        .fetch_optional(pool)
        .await?))
    }
}
