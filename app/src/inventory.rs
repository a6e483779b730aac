//! A supplier's own stock (#5, `/supply/items`): its read models and server functions. A stock
//! supplier's members list their items, add and edit one through the item form, retire an item
//! (it leaves the catalogue and takes no new reservations) or bring it back. Whole files go in
//! and out as CSV through `POST /supply/items/import` and `GET /supply/items/export.csv`,
//! plain routes of the server (a file upload and a download), with the same checks.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::error::AppError;
use domain::inventory::{ItemFields, ItemSpec, RowProblem};

#[cfg(feature = "ssr")]
use crate::{api::answer, auth::require_user};

/// A sub-category the item form offers: its code, category and names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubcategoryOption {
    pub code: String,
    pub category: String,
    pub name_zh: String,
    pub name_en: String,
}

/// One of the supplier's items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockEntry {
    pub item_id: i64,
    pub spec: ItemSpec,
    pub retired_on: Option<Date>,
}

/// Items a page of `/supply/items` lists.
pub const INVENTORY_PAGE_SIZE: usize = 100;

/// `/supply/items?q=…&page=…`: one page of the supplier's items by SKU, those whose SKU or
/// names contain `q` (any case) when it is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryView {
    pub supplier_zh: String,
    pub supplier_en: String,
    pub q: String,
    /// Items matching `q`, on every page.
    pub total: usize,
    /// 1-based.
    pub page: usize,
    pub pages: usize,
    pub items: Vec<StockEntry>,
}

/// `/supply/items/{id}` (or `/supply/items/new`, without `entry`): an item in its form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockItemView {
    pub entry: Option<StockEntry>,
    pub fields: ItemFields,
    pub subcategories: Vec<SubcategoryOption>,
}

/// What an import did: how many items it added and updated, or every bad row (nothing saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportReport {
    Applied { added: usize, updated: usize },
    Refused(Vec<RowProblem>),
}

/// A page of the logged-in supplier's items, narrowed by `q` (SKU or name).
#[server(prefix = "/api", endpoint = "supply/items")]
pub async fn load_inventory(
    #[server(default)] q: String,
    #[server(default)] page: usize,
) -> Result<InventoryView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.inventory(&user, &q, page.max(1)).await
    })
    .await
}

/// One of the logged-in supplier's items in its form, or (no `item_id`) a blank form.
#[server(prefix = "/api", endpoint = "supply/item")]
pub async fn load_stock_item(
    #[server(default)] item_id: Option<i64>,
) -> Result<StockItemView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.stock_item(&user, item_id).await
    })
    .await
}

/// Adds an item (`item_id` absent) or saves an existing one's new details; the item's id. The
/// form's fields are named `form[sku]`, `form[name_zh]` and so on; an edit keeps its SKU.
#[server(prefix = "/api", endpoint = "supply/item/save")]
pub async fn save_stock_item(
    #[server(default)] item_id: Option<i64>,
    form: ItemFields,
) -> Result<i64, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.save_stock_item(&user, item_id, &form).await
    })
    .await
}

/// Retires the item (`retire` true) or brings it back into the catalogue.
#[server(prefix = "/api", endpoint = "supply/item/retire")]
pub async fn retire_stock_item(item_id: i64, retire: bool) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.retire_stock_item(&user, item_id, retire).await
    })
    .await
}
