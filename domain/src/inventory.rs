//! A supplier's stock records: what a new or edited item must say, read the same way from the
//! item form and from a row of an imported CSV file (the file's columns are the form's field
//! names), so both refuse the same mistakes with the same field-named codes.

use serde::{Deserialize, Serialize};

use crate::money::Money;
use crate::vocab::{Category, Colour, Condition, Era, Material, Size};

/// Most units of one item a supplier may record.
pub const MAX_OWNED: i64 = 10_000;
/// Highest daily rate or deposit, in yuan.
pub const MAX_PRICE_YUAN: i64 = 1_000_000;
/// Most tags on one item, and most characters in one.
pub const MAX_TAGS: usize = 12;
pub const MAX_TAG_CHARS: usize = 20;
/// Most characters in the Chinese and English names.
pub const MAX_NAME_ZH_CHARS: usize = 40;
pub const MAX_NAME_EN_CHARS: usize = 80;
/// Most rows one import may hold.
pub const MAX_IMPORT_ROWS: usize = 5_000;

/// The fields of an item, in the order the CSV file has them.
pub const COLUMNS: [&str; 13] = [
    "sku",
    "name_zh",
    "name_en",
    "category",
    "subcategory",
    "era",
    "colour",
    "material",
    "size",
    "condition",
    "quantity_owned",
    "daily_rate",
    "deposit",
];
/// The optional last column: tags separated by `|`.
pub const TAGS_COLUMN: &str = "tags";

/// An item as typed: every field as text, keyed by the names in `COLUMNS` (and `tags`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemFields {
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub category: String,
    pub subcategory: String,
    pub era: String,
    pub colour: String,
    pub material: String,
    pub size: String,
    pub condition: String,
    pub quantity_owned: String,
    pub daily_rate: String,
    pub deposit: String,
    pub tags: String,
}

impl ItemFields {
    /// The field named `column` (one of `COLUMNS` or `tags`).
    pub fn get(&self, column: &str) -> Option<&str> {
        Some(match column {
            "sku" => &self.sku,
            "name_zh" => &self.name_zh,
            "name_en" => &self.name_en,
            "category" => &self.category,
            "subcategory" => &self.subcategory,
            "era" => &self.era,
            "colour" => &self.colour,
            "material" => &self.material,
            "size" => &self.size,
            "condition" => &self.condition,
            "quantity_owned" => &self.quantity_owned,
            "daily_rate" => &self.daily_rate,
            "deposit" => &self.deposit,
            "tags" => &self.tags,
            _ => return None,
        })
    }

    /// Sets the field named `column`; `false` for a name that is not a field.
    pub fn set(&mut self, column: &str, value: String) -> bool {
        let slot = match column {
            "sku" => &mut self.sku,
            "name_zh" => &mut self.name_zh,
            "name_en" => &mut self.name_en,
            "category" => &mut self.category,
            "subcategory" => &mut self.subcategory,
            "era" => &mut self.era,
            "colour" => &mut self.colour,
            "material" => &mut self.material,
            "size" => &mut self.size,
            "condition" => &mut self.condition,
            "quantity_owned" => &mut self.quantity_owned,
            "daily_rate" => &mut self.daily_rate,
            "deposit" => &mut self.deposit,
            "tags" => &mut self.tags,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The fields of a stored item, as the form and the export show them.
    pub fn from_spec(spec: &ItemSpec) -> ItemFields {
        let yuan = |m: Money| {
            let fen = m.fen();
            if fen % 100 == 0 {
                (fen / 100).to_string()
            } else {
                format!("{}.{:02}", fen / 100, fen % 100)
            }
        };
        ItemFields {
            sku: spec.sku.clone(),
            name_zh: spec.name_zh.clone(),
            name_en: spec.name_en.clone(),
            category: spec.category.code().into(),
            subcategory: spec.subcategory.clone(),
            era: spec.era.code().into(),
            colour: spec.colour.code().into(),
            material: spec.material.code().into(),
            size: spec.size.map(|s| s.code().to_string()).unwrap_or_default(),
            condition: spec.condition.code().into(),
            quantity_owned: spec.quantity_owned.to_string(),
            daily_rate: yuan(spec.daily_rate),
            deposit: yuan(spec.deposit),
            tags: spec.tags.join("|"),
        }
    }
}

/// An item that passed every check that needs no stored data (the sub-category's existence and
/// the SKU's owner are checked where they are stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSpec {
    /// Upper case, as stored.
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub category: Category,
    /// A sub-category code (`dragon_robe`).
    pub subcategory: String,
    pub era: Era,
    pub colour: Colour,
    pub material: Material,
    /// Costumes only.
    pub size: Option<Size>,
    pub condition: Condition,
    pub quantity_owned: i64,
    pub daily_rate: Money,
    pub deposit: Money,
    /// Distinct, in the order given.
    pub tags: Vec<String>,
}

/// What is wrong with one field: its name (a `COLUMNS` entry or `tags`) and a message code.
pub type Problem = (&'static str, &'static str);

/// Whether `sku` is a stock number: 3 to 24 upper-case letters, digits and hyphens, starting
/// with a letter or digit.
fn sku_shape(sku: &str) -> bool {
    (3..=24).contains(&sku.len())
        && sku.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && !sku.starts_with('-')
}

/// Reads a vocabulary field by its code or by either of its labels (`qing`, `清`, `Qing`), so
/// a spreadsheet typed in either language is read.
fn vocab<T: Copy>(
    text: &str,
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T, crate::Lang) -> &'static str,
) -> Option<T> {
    let t = text.trim();
    all.iter().copied().find(|&v| {
        code(v).eq_ignore_ascii_case(t)
            || label(v, crate::Lang::Zh) == t
            || label(v, crate::Lang::En).eq_ignore_ascii_case(t)
    })
}

macro_rules! read_vocab {
    ($ty:ty, $text:expr) => {
        vocab($text, <$ty>::ALL, <$ty>::code, <$ty>::label)
    };
}

/// Checks every field and gives the item, or every problem found (one per field at most).
pub fn check_item(fields: &ItemFields) -> Result<ItemSpec, Vec<Problem>> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut need = |field: &'static str, text: &str| -> bool {
        if text.trim().is_empty() {
            problems.push((field, "required"));
            false
        } else {
            true
        }
    };
    let has_sku = need("sku", &fields.sku);
    let has_zh = need("name_zh", &fields.name_zh);
    let has_en = need("name_en", &fields.name_en);
    let has_category = need("category", &fields.category);
    let has_sub = need("subcategory", &fields.subcategory);
    let has_era = need("era", &fields.era);
    let has_colour = need("colour", &fields.colour);
    let has_material = need("material", &fields.material);
    let has_condition = need("condition", &fields.condition);
    let has_quantity = need("quantity_owned", &fields.quantity_owned);
    let has_rate = need("daily_rate", &fields.daily_rate);
    let has_deposit = need("deposit", &fields.deposit);

    let sku = fields.sku.trim().to_uppercase();
    if has_sku && !sku_shape(&sku) {
        problems.push(("sku", "sku_format"));
    }
    let name_zh = fields.name_zh.trim().to_string();
    if has_zh && name_zh.chars().count() > MAX_NAME_ZH_CHARS {
        problems.push(("name_zh", "too_long"));
    }
    let name_en = fields.name_en.trim().to_string();
    if has_en && name_en.chars().count() > MAX_NAME_EN_CHARS {
        problems.push(("name_en", "too_long"));
    }
    let category = read_vocab!(Category, &fields.category);
    if has_category && category.is_none() {
        problems.push(("category", "unknown_value"));
    }
    let subcategory = fields.subcategory.trim().to_lowercase();
    if has_sub
        && !((1..=40).contains(&subcategory.len())
            && subcategory
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
    {
        problems.push(("subcategory", "unknown_value"));
    }
    let era = read_vocab!(Era, &fields.era);
    if has_era && era.is_none() {
        problems.push(("era", "unknown_value"));
    }
    let colour = read_vocab!(Colour, &fields.colour);
    if has_colour && colour.is_none() {
        problems.push(("colour", "unknown_value"));
    }
    let material = read_vocab!(Material, &fields.material);
    if has_material && material.is_none() {
        problems.push(("material", "unknown_value"));
    }
    let size = match fields.size.trim() {
        "" => None,
        text => {
            let size = read_vocab!(Size, text);
            if size.is_none() {
                problems.push(("size", "unknown_value"));
            }
            size
        }
    };
    if size.is_some() && category.is_some_and(|c| c != Category::Costume) {
        problems.push(("size", "size_costume_only"));
    }
    let condition = read_vocab!(Condition, &fields.condition);
    if has_condition && condition.is_none() {
        problems.push(("condition", "unknown_value"));
    }
    let quantity_owned = fields.quantity_owned.trim().parse::<i64>().ok();
    if has_quantity && !quantity_owned.is_some_and(|q| (0..=MAX_OWNED).contains(&q)) {
        problems.push(("quantity_owned", "owned_range"));
    }
    let price = |text: &str| Money::parse_yuan(text).filter(|m| m.fen() <= MAX_PRICE_YUAN * 100);
    let daily_rate = price(&fields.daily_rate);
    if has_rate && daily_rate.is_none() {
        problems.push(("daily_rate", "price_format"));
    }
    let deposit = price(&fields.deposit);
    if has_deposit && deposit.is_none() {
        problems.push(("deposit", "price_format"));
    }
    let mut tags: Vec<String> = Vec::new();
    for tag in fields.tags.split(['|', '、', ',', '，']).map(str::trim).filter(|t| !t.is_empty())
    {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    if tags.len() > MAX_TAGS || tags.iter().any(|t| t.chars().count() > MAX_TAG_CHARS) {
        problems.push(("tags", "tags_range"));
    }

    match (category, era, colour, material, condition, quantity_owned, daily_rate, deposit) {
        (
            Some(category),
            Some(era),
            Some(colour),
            Some(material),
            Some(condition),
            Some(quantity_owned),
            Some(daily_rate),
            Some(deposit),
        ) if problems.is_empty() => Ok(ItemSpec {
            sku,
            name_zh,
            name_en,
            category,
            subcategory,
            era,
            colour,
            material,
            size,
            condition,
            quantity_owned,
            daily_rate,
            deposit,
            tags,
        }),
        _ => Err(problems),
    }
}

/// One bad row of an import: its line in the file (the header is line 1), the column and the
/// message code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub line: u64,
    pub column: String,
    pub code: String,
}

/// Problems with the file as a whole rather than a row.
pub mod file_codes {
    /// The file is not CSV (or not UTF-8 / GBK text).
    pub const UNREADABLE: &str = "csv_unreadable";
    /// A column the import needs is missing from the header.
    pub const MISSING_COLUMN: &str = "csv_missing_column";
    /// The header names a column that is not a field.
    pub const UNKNOWN_COLUMN: &str = "csv_unknown_column";
    /// More than `MAX_IMPORT_ROWS` rows.
    pub const TOO_MANY_ROWS: &str = "csv_too_many_rows";
    /// No rows at all.
    pub const EMPTY: &str = "csv_empty";
    /// The same SKU on two rows.
    pub const DUPLICATE_SKU: &str = "sku_repeated";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn robe() -> ItemFields {
        ItemFields {
            sku: "co-90001".into(),
            name_zh: " 清代龙袍 ".into(),
            name_en: "Qing dragon robe".into(),
            category: "costume".into(),
            subcategory: "dragon_robe".into(),
            era: "清".into(),
            colour: "Yellow".into(),
            material: "silk".into(),
            size: "L".into(),
            condition: "good".into(),
            quantity_owned: "12".into(),
            daily_rate: "¥350.50".into(),
            deposit: "2000".into(),
            tags: "龙纹|宫廷|龙纹".into(),
        }
    }

    #[test]
    fn a_good_item_is_read_with_codes_or_labels_in_either_language() {
        let spec = check_item(&robe()).expect("valid");
        assert_eq!(spec.sku, "CO-90001");
        assert_eq!(spec.name_zh, "清代龙袍");
        assert_eq!(spec.era, Era::Qing);
        assert_eq!(spec.colour, Colour::Yellow);
        assert_eq!(spec.size, Some(Size::L));
        assert_eq!(spec.daily_rate, Money::from_fen(35_050));
        assert_eq!(spec.deposit, Money::from_yuan(2_000));
        assert_eq!(spec.tags, vec!["龙纹".to_string(), "宫廷".to_string()]);
        // And it reads back to the same fields it would be shown with.
        let shown = ItemFields::from_spec(&spec);
        assert_eq!(shown.daily_rate, "350.50");
        assert_eq!(shown.era, "qing");
        assert_eq!(check_item(&shown), Ok(spec));
    }

    #[test]
    fn every_bad_field_is_named_once() {
        let fields = ItemFields {
            sku: "x".into(),
            name_zh: "袍".repeat(MAX_NAME_ZH_CHARS + 1),
            category: "prop".into(),
            era: "victorian".into(),
            colour: "red".into(),
            material: "silk".into(),
            size: "L".into(),
            condition: "good".into(),
            quantity_owned: "-1".into(),
            daily_rate: "12.345".into(),
            deposit: "0".into(),
            ..ItemFields::default()
        };
        let problems = check_item(&fields).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("name_en", "required"),
                ("subcategory", "required"),
                ("sku", "sku_format"),
                ("name_zh", "too_long"),
                ("era", "unknown_value"),
                ("size", "size_costume_only"),
                ("quantity_owned", "owned_range"),
                ("daily_rate", "price_format"),
            ]
        );
    }

    #[test]
    fn quantities_and_prices_stay_in_range() {
        let mut fields = robe();
        fields.quantity_owned = (MAX_OWNED + 1).to_string();
        fields.deposit = format!("{}", MAX_PRICE_YUAN + 1);
        fields.tags = (0..=MAX_TAGS).map(|n| format!("t{n}")).collect::<Vec<_>>().join("|");
        let problems = check_item(&fields).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("quantity_owned", "owned_range"),
                ("deposit", "price_format"),
                ("tags", "tags_range")
            ]
        );
        fields = robe();
        fields.quantity_owned = "0".into();
        fields.size = String::new();
        assert_eq!(check_item(&fields).map(|s| (s.quantity_owned, s.size)), Ok((0, None)));
    }

    #[test]
    fn fields_are_reached_by_their_column_names() {
        let mut fields = ItemFields::default();
        for (n, column) in COLUMNS.iter().chain([&TAGS_COLUMN]).enumerate() {
            assert!(fields.set(column, n.to_string()));
            assert_eq!(fields.get(column), Some(n.to_string().as_str()));
        }
        assert!(!fields.set("colour_code", "red".into()));
        assert_eq!(fields.get("nope"), None);
    }
}
