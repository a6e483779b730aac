//! A stock supplier's inventory for the `Backend`: its members list, add, edit, retire and bring
//! back its items, and move them in and out as CSV. Only members of a `stock` supplier act
//! here (location operators hire out places, not items); an item of another supplier is
//! `NotFound` to them. Every save goes through `domain::inventory::check_item` and then the
//! store's all-or-nothing `save_items`.

use app::error::AppError;
use app::inventory::{
    INVENTORY_PAGE_SIZE, ImportReport, InventoryView, StockEntry, StockItemView, SubcategoryOption,
};
use app::models::{OrgKind, SessionUser};
use domain::account::Role;
use domain::inventory::{
    COLUMNS, ItemFields, ItemSpec, MAX_IMPORT_ROWS, RowProblem, TAGS_COLUMN, check_item, file_codes,
};

use super::{ServerBackend, studio_today, unexpected};
use crate::storage::inventory::{SaveMode, Saved, StockItem};

/// Largest CSV file an import reads.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

fn entry(item: StockItem) -> StockEntry {
    StockEntry { item_id: item.item_id, spec: item.spec, retired_on: item.retired_on }
}

/// Reads an uploaded file as text: UTF-8 (with or without a byte-order mark) or, failing that,
/// GBK, as spreadsheet programs in China save CSV. A file with a NUL byte is no CSV text (a
/// spreadsheet's own format, UTF-16, an image): `None`.
pub fn decode_csv(bytes: &[u8]) -> Option<String> {
    if bytes.contains(&0) {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_string()),
        Err(_) => {
            let (text, _, malformed) = encoding_rs::GBK.decode(bytes);
            (!malformed).then(|| text.into_owned())
        }
    }
}

/// A problem with the file as a whole (line 1 is its header).
fn file_problem(line: u64, column: &str, code: &str) -> Vec<RowProblem> {
    vec![RowProblem { line, column: column.into(), code: code.into() }]
}

/// Reads the CSV text into rows of fields, each with its line number; every problem found
/// (bad rows are all reported, not only the first).
pub fn read_csv(text: &str) -> Result<Vec<(u64, ItemFields)>, Vec<RowProblem>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(file_problem(1, "", file_codes::UNREADABLE)),
    };
    if let Some(unknown) =
        header.iter().find(|c| !c.is_empty() && !COLUMNS.contains(&c.as_str()) && *c != TAGS_COLUMN)
    {
        return Err(file_problem(1, unknown, file_codes::UNKNOWN_COLUMN));
    }
    let missing: Vec<RowProblem> = COLUMNS
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .map(|c| RowProblem {
            line: 1,
            column: c.to_string(),
            code: file_codes::MISSING_COLUMN.into(),
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(RowProblem {
                    line,
                    column: String::new(),
                    code: file_codes::UNREADABLE.into(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_IMPORT_ROWS {
            return Err(file_problem(line, "", file_codes::TOO_MANY_ROWS));
        }
        let mut fields = ItemFields::default();
        for (column, value) in header.iter().zip(record.iter()) {
            fields.set(column, value.to_string());
        }
        rows.push((line, fields));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if rows.is_empty() {
        return Err(file_problem(2, "", file_codes::EMPTY));
    }
    Ok(rows)
}

/// Writes the items as CSV in the import's own columns (so an export, edited, imports back),
/// UTF-8 with a byte-order mark for spreadsheet programs.
pub fn write_csv(items: &[StockEntry]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut header: Vec<&str> = COLUMNS.to_vec();
    header.push(TAGS_COLUMN);
    out.write_record(&header)?;
    for item in items.iter().filter(|i| i.retired_on.is_none()) {
        let fields = ItemFields::from_spec(&item.spec);
        out.write_record(header.iter().map(|c| fields.get(c).unwrap_or_default()))?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

impl ServerBackend {
    /// The stock supplier `user` is a member of; `Forbidden` for anyone else.
    async fn stock_supplier(&self, user: &SessionUser) -> Result<(i64, String, String), AppError> {
        let supplier_id = match (&user.role, &user.org) {
            (Role::Supplier, Some(org)) if org.kind == OrgKind::Supplier => org.id,
            _ => return Err(AppError::Forbidden),
        };
        let info = self
            .store
            .supplier_info(supplier_id)
            .await
            .map_err(unexpected("supplier_info"))?
            .filter(|i| i.kind == "stock")
            .ok_or(AppError::Forbidden)?;
        Ok((supplier_id, info.name_zh, info.name_en))
    }

    /// `Ok` when `user` is a member of a stock supplier (`Forbidden` otherwise).
    pub async fn check_stock_member(&self, user: &SessionUser) -> Result<(), AppError> {
        self.stock_supplier(user).await.map(|_| ())
    }

    async fn subcategory_options(&self) -> Result<Vec<SubcategoryOption>, AppError> {
        Ok(self
            .store
            .subcategory_rows()
            .await
            .map_err(unexpected("subcategory_rows"))?
            .into_iter()
            .map(|r| SubcategoryOption {
                code: r.code,
                category: r.category,
                name_zh: r.name_zh,
                name_en: r.name_en,
            })
            .collect())
    }

    pub(super) async fn inventory_view(
        &self,
        user: &SessionUser,
        q: &str,
        page: usize,
    ) -> Result<InventoryView, AppError> {
        let (supplier_id, supplier_zh, supplier_en) = self.stock_supplier(user).await?;
        let items =
            self.store.supplier_items(supplier_id).await.map_err(unexpected("supplier_items"))?;
        let q: String = q.trim().chars().take(60).collect();
        let folded = q.to_lowercase();
        let matching: Vec<StockItem> = items
            .into_iter()
            .filter(|i| {
                folded.is_empty()
                    || i.spec.sku.to_lowercase().contains(&folded)
                    || i.spec.name_zh.contains(&q)
                    || i.spec.name_en.to_lowercase().contains(&folded)
            })
            .collect();
        let total = matching.len();
        let pages = total.div_ceil(INVENTORY_PAGE_SIZE).max(1);
        let page = page.clamp(1, pages);
        Ok(InventoryView {
            supplier_zh,
            supplier_en,
            q,
            total,
            page,
            pages,
            items: matching
                .into_iter()
                .skip((page - 1) * INVENTORY_PAGE_SIZE)
                .take(INVENTORY_PAGE_SIZE)
                .map(entry)
                .collect(),
        })
    }

    /// The supplier's item, or `NotFound`.
    async fn own_item(&self, supplier_id: i64, item_id: i64) -> Result<StockItem, AppError> {
        self.store
            .stock_item(item_id)
            .await
            .map_err(unexpected("stock_item"))?
            .filter(|i| i.supplier_id == supplier_id)
            .ok_or(AppError::NotFound)
    }

    pub(super) async fn stock_item_view(
        &self,
        user: &SessionUser,
        item_id: Option<i64>,
    ) -> Result<StockItemView, AppError> {
        let (supplier_id, ..) = self.stock_supplier(user).await?;
        let item = match item_id {
            Some(id) => Some(self.own_item(supplier_id, id).await?),
            None => None,
        };
        Ok(StockItemView {
            fields: item.as_ref().map(|i| ItemFields::from_spec(&i.spec)).unwrap_or_default(),
            entry: item.map(entry),
            subcategories: self.subcategory_options().await?,
        })
    }

    pub(super) async fn save_one_item(
        &self,
        user: &SessionUser,
        item_id: Option<i64>,
        form: &ItemFields,
    ) -> Result<i64, AppError> {
        let (supplier_id, ..) = self.stock_supplier(user).await?;
        let mut form = form.clone();
        let mode = match item_id {
            Some(id) => {
                // An edit keeps the item's SKU, whatever the form sends.
                form.sku = self.own_item(supplier_id, id).await?.spec.sku;
                SaveMode::Edit
            }
            None => SaveMode::Add,
        };
        let spec = check_item(&form)
            .map_err(|problems| AppError::Invalid(AppError::field_errors(problems)))?;
        let saved = self
            .store
            .save_items(supplier_id, std::slice::from_ref(&spec), mode, studio_today())
            .await
            .map_err(unexpected("save_items"))?;
        match saved {
            Saved::Done { added, updated } => {
                added.into_iter().chain(updated).next().ok_or(AppError::Unexpected)
            }
            Saved::Refused(refused) => Err(AppError::Invalid(AppError::field_errors(
                refused.into_iter().map(|(_, field, code)| (field, code)).collect(),
            ))),
        }
    }

    pub(super) async fn retire_item(
        &self,
        user: &SessionUser,
        item_id: i64,
        retire: bool,
    ) -> Result<(), AppError> {
        let (supplier_id, ..) = self.stock_supplier(user).await?;
        let on = retire.then(studio_today);
        match self.store.set_item_retired(supplier_id, item_id, on).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(AppError::NotFound),
            Err(e) => Err(unexpected("set_item_retired")(e)),
        }
    }

    /// The supplier's items (not retired) as a CSV file.
    pub async fn export_inventory(&self, user: &SessionUser) -> Result<Vec<u8>, AppError> {
        let (supplier_id, ..) = self.stock_supplier(user).await?;
        let items =
            self.store.supplier_items(supplier_id).await.map_err(unexpected("supplier_items"))?;
        let items: Vec<StockEntry> = items.into_iter().map(entry).collect();
        write_csv(&items).map_err(|error| {
            tracing::error!(%error, "inventory export");
            AppError::Unexpected
        })
    }

    /// Imports a CSV file: every row is checked first (fields, repeated SKUs, then what the
    /// store knows); either all are saved or every bad row is reported and nothing changes.
    pub async fn import_inventory(
        &self,
        user: &SessionUser,
        bytes: &[u8],
    ) -> Result<ImportReport, AppError> {
        let (supplier_id, ..) = self.stock_supplier(user).await?;
        let Some(text) = decode_csv(bytes) else {
            return Ok(ImportReport::Refused(file_problem(1, "", file_codes::UNREADABLE)));
        };
        let rows = match read_csv(&text) {
            Ok(rows) => rows,
            Err(problems) => return Ok(ImportReport::Refused(problems)),
        };
        let mut problems: Vec<RowProblem> = Vec::new();
        let mut specs: Vec<ItemSpec> = Vec::with_capacity(rows.len());
        let mut lines: Vec<u64> = Vec::with_capacity(rows.len());
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (line, fields) in &rows {
            match check_item(fields) {
                Ok(spec) => {
                    if !seen.insert(spec.sku.clone()) {
                        problems.push(RowProblem {
                            line: *line,
                            column: "sku".into(),
                            code: file_codes::DUPLICATE_SKU.into(),
                        });
                    }
                    specs.push(spec);
                    lines.push(*line);
                }
                Err(found) => problems.extend(found.into_iter().map(|(column, code)| RowProblem {
                    line: *line,
                    column: column.into(),
                    code: code.into(),
                })),
            }
        }
        if !problems.is_empty() {
            return Ok(ImportReport::Refused(problems));
        }
        let saved = self
            .store
            .save_items(supplier_id, &specs, SaveMode::Upsert, studio_today())
            .await
            .map_err(unexpected("save_items"))?;
        Ok(match saved {
            Saved::Done { added, updated } => {
                ImportReport::Applied { added: added.len(), updated: updated.len() }
            }
            Saved::Refused(refused) => ImportReport::Refused(
                refused
                    .into_iter()
                    .map(|(n, column, code)| RowProblem {
                        line: lines[n],
                        column: column.into(),
                        code: code.into(),
                    })
                    .collect(),
            ),
        })
    }
}

/// The export's file name (ASCII: the supplier's name is left out).
pub fn export_file_name(today: time::Date) -> String {
    format!("backlot-stock-{today}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "sku,name_zh,name_en,category,subcategory,era,colour,material,size,condition,quantity_owned,daily_rate,deposit,tags";

    #[test]
    fn a_csv_is_read_with_its_line_numbers_and_blank_rows_skipped() {
        let text = format!(
            "{HEADER}\nCO-1,龙袍,Robe,costume,dragon_robe,qing,yellow,silk,L,good,3,350,2000,龙纹\n,,,,,,,,,,,,,\n\
             PR-2,折扇,Fan,prop,fan,ming,white,paper,,good,10,20,50,\n"
        );
        let rows = read_csv(&text).expect("readable");
        assert_eq!(
            rows.iter().map(|(l, f)| (*l, f.sku.as_str())).collect::<Vec<_>>(),
            vec![(2, "CO-1"), (4, "PR-2")]
        );
        assert_eq!(rows[0].1.tags, "龙纹");
    }

    #[test]
    fn a_header_missing_or_naming_unknown_columns_is_refused() {
        let problems = read_csv("sku,name_zh\nX,Y\n").unwrap_err();
        assert_eq!(problems.len(), COLUMNS.len() - 2);
        assert!(problems.iter().all(|p| p.line == 1 && p.code == file_codes::MISSING_COLUMN));
        let problems = read_csv(&format!("{HEADER},price\n")).unwrap_err();
        assert_eq!(problems, file_problem(1, "price", file_codes::UNKNOWN_COLUMN));
        assert_eq!(
            read_csv(&format!("{HEADER}\n")).unwrap_err(),
            file_problem(2, "", file_codes::EMPTY)
        );
    }

    #[test]
    fn gbk_files_are_read_as_spreadsheets_save_them() {
        let (gbk, _, _) = encoding_rs::GBK.encode("sku,name_zh\nCO-1,龙袍\n");
        assert_eq!(decode_csv(&gbk).as_deref(), Some("sku,name_zh\nCO-1,龙袍\n"));
        assert_eq!(decode_csv("\u{feff}a,b".as_bytes()).as_deref(), Some("a,b"));
        // A spreadsheet's binary file (or UTF-16) is refused, not read as garbled GBK.
        assert_eq!(decode_csv(b"PK\x03\x04\x00\x00"), None);
        assert_eq!(decode_csv(b"\xff\xfes\x00k\x00u\x00"), None);
    }
}
