//! Photos of locations and of catalogue items: the rows that point at the media directory's
//! files. Both kinds keep the same columns in their own table (`location_photo`,
//! `item_photo`), so one set of statements serves both.

use super::{Begin, Db, StorageError, Store, on_db};

/// The most photos one location keeps.
pub const PHOTOS_MAX: i64 = 40;
/// The most photos one catalogue item keeps.
pub const ITEM_PHOTOS_MAX: i64 = 12;

/// What a photo shows: a location or a catalogue item (by id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoOf {
    Location(i64),
    Item(i64),
}

/// The kind of thing photographed, without its id (for lookups by photo id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoKind {
    Location,
    Item,
}

impl PhotoKind {
    /// The photo table, the owner's table and the owner's key column.
    fn tables(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PhotoKind::Location => ("location_photo", "location", "location_id"),
            PhotoKind::Item => ("item_photo", "item", "item_id"),
        }
    }

    /// The most photos one owner keeps.
    pub fn max(self) -> i64 {
        match self {
            PhotoKind::Location => PHOTOS_MAX,
            PhotoKind::Item => ITEM_PHOTOS_MAX,
        }
    }
}

impl PhotoOf {
    pub fn kind(self) -> PhotoKind {
        match self {
            PhotoOf::Location(_) => PhotoKind::Location,
            PhotoOf::Item(_) => PhotoKind::Item,
        }
    }

    fn id(self) -> i64 {
        match self {
            PhotoOf::Location(id) | PhotoOf::Item(id) => id,
        }
    }
}

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
    pub of: PhotoOf,
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
    /// The location or item already has as many photos as it may keep.
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

    /// The supplier of catalogue item `item_id`, if there is such an item.
    pub async fn item_supplier(&self, item_id: i64) -> Result<Option<i64>, StorageError> {
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(
            "select supplier_id from item where item_id = $1",
        )
        .bind(item_id)
        .fetch_optional(pool)
        .await?))
    }

    /// A location's or an item's photos, oldest first (the first is its cover).
    pub async fn photos_of(&self, of: PhotoOf) -> Result<Vec<PhotoRow>, StorageError> {
        let (table, _, key) = of.kind().tables();
        let sql = format!(
            "select photo_id, file_key, width, height, caption from {table} \
             where {key} = $1 order by created_at, photo_id"
        );
        Ok(on_db!(self.db(), pool => sqlx::query_as(&sql)
            .bind(of.id())
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
        let kind = photo.of.kind();
        let (table, owner, key) = kind.tables();
        // Serialises concurrent uploads to one owner, so the count below cannot be overtaken:
        // SQLite's write transaction holds the database's write lock already; PostgreSQL locks
        // the owner's row.
        let lock = matches!(self.db(), Db::Postgres(_))
            .then(|| format!("select {key} from {owner} where {key} = $1 for update"));
        let count_sql = format!("select count(*) from {table} where {key} = $1");
        let insert_sql = format!(
            "insert into {table} ({key}, file_key, width, height, thumb_width, thumb_height, \
             caption, uploaded_by, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning photo_id"
        );
        Ok(on_db!(self.db(), pool => {
            let mut tx = pool.begin_write(&self.writers).await?;
            if let Some(lock) = &lock {
                sqlx::query(lock).bind(photo.of.id()).execute(&mut *tx).await?;
            }
            let count: i64 = sqlx::query_scalar(&count_sql)
                .bind(photo.of.id())
                .fetch_one(&mut *tx)
                .await?;
            if count >= kind.max() {
                return Ok(PhotoAdded::Full);
            }
            let id: i64 = sqlx::query_scalar(&insert_sql)
                .bind(photo.of.id())
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

    /// The supplier whose members manage photo `photo_id`: the location's operator or the
    /// item's supplier.
    pub async fn photo_owner(
        &self,
        kind: PhotoKind,
        photo_id: i64,
    ) -> Result<Option<i64>, StorageError> {
        let (table, owner, key) = kind.tables();
        let sql = format!(
            "select o.supplier_id from {table} p join {owner} o on o.{key} = p.{key} \
             where p.photo_id = $1"
        );
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(&sql)
            .bind(photo_id)
            .fetch_optional(pool)
            .await?))
    }

    /// Deletes a photo's row; its file key, if it existed.
    pub async fn delete_photo(
        &self,
        kind: PhotoKind,
        photo_id: i64,
    ) -> Result<Option<String>, StorageError> {
        let (table, ..) = kind.tables();
        let sql = format!("delete from {table} where photo_id = $1 returning file_key");
        Ok(on_db!(self.db(), pool => sqlx::query_scalar(&sql)
            .bind(photo_id)
            .fetch_optional(pool)
            .await?))
    }
}
