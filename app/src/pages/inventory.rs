//! A stock supplier's own items. `/supply/items`: every item by SKU with its status, the CSV
//! export, the bulk import (a plain multipart form: it works before hydration, and its outcome
//! comes back in the URL) and a link to add one. `/supply/items/new` and `/supply/items/{id}`:
//! the item form (the same `domain` check as the import), and retiring or bringing back.

use crate::codec::fetched;
use domain::Lang;
use domain::inventory::{ItemFields, MAX_OWNED};
use domain::vocab::{Category, Colour, Condition, Era, Material, Size};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message, field_text};
use crate::components::pager::{PageLinks, paged_href};
use crate::error::AppError;
use crate::i18n::*;
use crate::inventory::{
    InventoryView, RetireStockItem, SaveStockItem, StockEntry, StockItemView, SubcategoryOption,
    load_inventory, load_stock_item,
};
use crate::pages::account::send_to_login;
use crate::pages::item::day_label;
use crate::pages::login::form_error;

use crate::text::I18n;

/// One import problem as the import route's redirect carries it (`line:column:code`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct ShownProblem {
    line: String,
    column: String,
    code: String,
}

fn parse_problems(text: &str) -> Vec<ShownProblem> {
    text.split(',')
        .filter_map(|p| {
            let mut parts = p.splitn(3, ':');
            Some(ShownProblem {
                line: parts.next()?.to_string(),
                column: parts.next()?.to_string(),
                code: parts.next()?.to_string(),
            })
        })
        .collect()
}

/// The label of a field (a CSV column) in the page's language.
fn column_label(i18n: I18n, column: &str) -> String {
    match column {
        "sku" => t_string!(i18n, item_field_sku),
        "name_zh" => t_string!(i18n, item_field_name_zh),
        "name_en" => t_string!(i18n, item_field_name_en),
        "category" => t_string!(i18n, item_field_category),
        "subcategory" => t_string!(i18n, item_field_subcategory),
        "era" => t_string!(i18n, item_field_era),
        "colour" => t_string!(i18n, item_field_colour),
        "material" => t_string!(i18n, item_field_material),
        "size" => t_string!(i18n, item_field_size),
        "condition" => t_string!(i18n, item_field_condition),
        "quantity_owned" => t_string!(i18n, item_field_quantity),
        "daily_rate" => t_string!(i18n, item_field_rate),
        "deposit" => t_string!(i18n, item_field_deposit),
        "tags" => t_string!(i18n, item_field_tags),
        _ => "",
    }
    .to_string()
}

#[component]
pub fn InventoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let data = fetched(
        move || {
            query.with(|q| {
                let page = q.get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1);
                (q.get("q").unwrap_or_default(), page)
            })
        },
        |(q, page)| load_inventory(q, page),
    );
    view! {
        <section class="inventory">
            <p class="breadcrumb"><a href="/supply">{tr!(i18n, supply_title)}</a></p>
            <h1>{tr!(i18n, inventory_title)}</h1>
            <p class="lead">{tr!(i18n, inventory_lead)}</p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <InventoryList view /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/supply/items"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn InventoryList(view: InventoryView) -> impl IntoView {
    let i18n = use_i18n();
    let InventoryView { q, total, page, pages, items, .. } = view;
    let count = total;
    let rows = items.into_iter().map(|entry| view! { <InventoryRow entry /> }).collect_view();
    let page_href = {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if !q.is_empty() {
            query.append_pair("q", &q);
        }
        let query = query.finish();
        move |page: u32| paged_href("/supply/items", &query, page)
    };
    let (page, pages) = (u32::try_from(page).unwrap_or(1), u32::try_from(pages).unwrap_or(1));
    let paging = view! { <PageLinks page pages href=page_href /> }.into_any();
    // Parts are type-erased so that the page's view type stays shallow enough to compile.
    let actions = view! {
        <div class="inventory-actions">
            <a class="button primary" href="/supply/items/new">{tr!(i18n, inventory_add)}</a>
            <a class="button" href="/supply/items/export.csv" download="">{tr!(i18n, inventory_export)}</a>
        </div>
        <ImportForm />
    }
    .into_any();
    let search = view! {
        <form method="get" action="/supply/items" class="inventory-search" role="search">
            <label for="inventory-q">{tr!(i18n, inventory_search)}</label>
            <input id="inventory-q" type="search" name="q" value=q maxlength="60" />
            <button type="submit">{tr!(i18n, inventory_search_button)}</button>
        </form>
    }
    .into_any();
    view! {
        {actions}
        {search}
        <p class="result-count">{move || t!(i18n, inventory_count, count = count)}</p>
        {if count == 0 {
            view! { <p class="empty">{tr!(i18n, inventory_none)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="inventory-items">
                        <thead>
                            <tr>
                                <th scope="col">"SKU"</th>
                                <th scope="col">{tr!(i18n, inventory_col_name)}</th>
                                <th scope="col" class="number">{tr!(i18n, inventory_col_owned)}</th>
                                <th scope="col" class="number">{tr!(i18n, inventory_col_rate)}</th>
                                <th scope="col">{tr!(i18n, inventory_col_status)}</th>
                                <th scope="col"><span class="visually-hidden">{tr!(i18n, inventory_edit)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        {paging}
    }
}

#[component]
fn InventoryRow(entry: StockEntry) -> impl IntoView {
    let i18n = use_i18n();
    let StockEntry { item_id, spec, retired_on } = entry;
    let name = {
        let (zh, en) = (spec.name_zh.clone(), spec.name_en.clone());
        move || content_lang(i18n).pick(&zh, &en).to_string()
    };
    let retired = retired_on.is_some();
    let status = move || {
        if retired { t_string!(i18n, inventory_retired) } else { t_string!(i18n, inventory_active) }
    };
    view! {
        <tr data-sku=spec.sku.clone() data-retired=retired.to_string()>
            <td><code>{spec.sku.clone()}</code></td>
            <td>{name}</td>
            <td class="number">{spec.quantity_owned}</td>
            <td class="number">{spec.daily_rate.display_cny()}</td>
            <td class="status">{status}</td>
            <td><a href=format!("/supply/items/{item_id}")>{tr!(i18n, inventory_edit)}</a></td>
        </tr>
    }
}

/// The bulk import: a plain multipart post; the outcome comes back in the URL.
#[component]
fn ImportForm() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let imported = move || {
        query.with(|q| {
            q.get("imported").and_then(|v| {
                let (added, updated) = v.split_once('.')?;
                Some((added.parse::<usize>().ok()?, updated.parse::<usize>().ok()?))
            })
        })
    };
    let problems = move || {
        query.with(|q| q.get("import_problems").map(|p| parse_problems(&p)).unwrap_or_default())
    };
    let problem_count = move || {
        query
            .with(|q| q.get("import_count").and_then(|c| c.parse::<usize>().ok()))
            .unwrap_or_else(|| problems().len())
    };
    view! {
        <form class="grid-form import-form" id="import" method="post" enctype="multipart/form-data"
            action="/supply/items/import">
            <h2>{tr!(i18n, inventory_import_title)}</h2>
            <p class="hint">{tr!(i18n, inventory_import_hint)}</p>
            <div class="field">
                <label for="import-file">{tr!(i18n, inventory_import_file)}</label>
                <input id="import-file" type="file" name="file" accept=".csv,text/csv" required />
            </div>
            <button type="submit" class="primary">{tr!(i18n, inventory_import_button)}</button>
            {move || imported().map(|(added, updated)| view! {
                <p class="notice import-done" role="status">
                    {t!(i18n, inventory_imported, added = added, updated = updated)}
                </p>
            })}
            {move || {
                let problems = problems();
                (!problems.is_empty()).then(|| {
                    let count = problem_count();
                    let rows = problems
                        .into_iter()
                        .map(|p| {
                            let column = column_label(i18n, &p.column);
                            let column = if column.is_empty() { p.column.clone() } else { column };
                            let message = field_text(i18n, &p.column, &p.code);
                            view! {
                                <tr data-line=p.line.clone() data-column=p.column.clone() data-code=p.code.clone()>
                                    <td class="number">{p.line.clone()}</td>
                                    <td>{column}</td>
                                    <td>{message}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="import-problems" role="alert">
                            <p class="form-error">{t!(i18n, inventory_import_refused, count = count)}</p>
                            <div class="table-scroll">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col" class="number">{tr!(i18n, inventory_col_line)}</th>
                                            <th scope="col">{tr!(i18n, inventory_col_column)}</th>
                                            <th scope="col">{tr!(i18n, inventory_col_problem)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        </div>
                    }
                })
            }}
        </form>
    }
}

/// `/supply/items/new` and `/supply/items/{id}`.
#[component]
pub fn StockItemPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let item_id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let retire = ServerAction::<RetireStockItem>::new();
    let data = fetched(move || (item_id(), retire.version().get()), |(id, _)| load_stock_item(id));
    let here = move || match item_id() {
        Some(id) => format!("/supply/items/{id}"),
        None => "/supply/items/new".to_string(),
    };
    view! {
        <section class="stock-item">
            <p class="breadcrumb"><a href="/supply/items">{tr!(i18n, item_back)}</a></p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => {
                            let editing = item_id();
                            view! { <ItemForm view item_id=editing retire /> }.into_any()
                        }
                        Err(AppError::Unauthorized) => send_to_login(&here()),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// A vocabulary the item form offers as a `<select>`.
trait Choice: Copy + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    fn label(self, lang: Lang) -> &'static str;
}

macro_rules! choices {
    ($($ty:ty),+) => {$(
        impl Choice for $ty {
            fn all() -> &'static [Self] { <$ty>::ALL }
            fn code(self) -> &'static str { <$ty>::code(self) }
            fn label(self, lang: Lang) -> &'static str { <$ty>::label(self, lang) }
        }
    )+};
}

choices!(Category, Era, Colour, Material, Size, Condition);

/// A `<select>` of a vocabulary, by code, with the labels in the page's language; `optional`
/// offers "none" (the size) instead of "choose".
fn vocab_select<T: Choice>(
    i18n: I18n,
    name: &'static str,
    value: String,
    optional: bool,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = format!("item-{name}");
    let error_id = format!("{id}-error");
    let message = move || error.with(|e| field_message(i18n, e.as_ref(), name));
    let options = T::all()
        .iter()
        .map(|&v| {
            let selected = v.code() == value;
            view! { <option value=v.code() selected=selected>{move || v.label(content_lang(i18n))}</option> }
        })
        .collect_view();
    let none_selected = value.is_empty();
    view! {
        <div class="field">
            <label for=id.clone()>{move || column_label(i18n, name)}</label>
            <select id=id name=format!("form[{name}]") required=!optional
                aria-invalid=move || message().is_some().to_string() aria-describedby=error_id.clone()>
                <option value="" selected=none_selected>
                    {move || if optional { t_string!(i18n, item_size_none) } else { t_string!(i18n, item_choose) }}
                </option>
                {options}
            </select>
            <p id=error_id class="field-error" aria-live="polite">{message}</p>
        </div>
    }
}

/// A text or number input of the item form, with its inline error.
#[component]
fn ItemInput(
    name: &'static str,
    value: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] readonly: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || error.with(|e| field_message(i18n, e.as_ref(), name));
    let id = format!("item-{name}");
    let error_id = format!("{id}-error");
    let required = !matches!(name, "tags");
    view! {
        <div class="field">
            <label for=id.clone()>{move || column_label(i18n, name)}</label>
            <input id=id name=format!("form[{name}]") type=kind value=value required=required
                readonly=readonly inputmode=inputmode
                min=(kind == "number").then_some("0") max=(kind == "number").then_some(MAX_OWNED)
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone() />
            <p id=error_id class="field-error" aria-live="polite">{message}</p>
        </div>
    }
}

#[component]
fn ItemForm(
    view: StockItemView,
    item_id: Option<i64>,
    retire: ServerAction<RetireStockItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SaveStockItem>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let general = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .and_then(|e| form_error(i18n, Some(e)))
    };
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = action.value().get() {
            navigate(&format!("/supply/items/{id}?saved=1"), Default::default());
        }
    });
    let query = use_query_map();
    let saved = move || match action.value().get() {
        Some(result) => result.is_ok(),
        None => query.with(|q| q.get("saved").is_some()),
    };
    let StockItemView { entry, fields, subcategories } = view;
    let ItemFields {
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
    } = fields;
    let title = if item_id.is_some() {
        t_string!(i18n, item_form_edit_title)
    } else {
        t_string!(i18n, item_form_new_title)
    };
    let retire_error =
        move || retire.value().get().and_then(Result::err).and_then(|e| form_error(i18n, Some(e)));
    let retired_on = entry.and_then(|e| e.retired_on);
    let sku_shown = sku.clone();
    let names = view! {
        <ItemInput name="sku" value=sku.clone() readonly=item_id.is_some() error />
        <ItemInput name="name_zh" value=name_zh error />
        <ItemInput name="name_en" value=name_en error />
    }
    .into_any();
    let kinds = view! {
        {vocab_select::<Category>(i18n, "category", category, false, error)}
        <SubcategorySelect options=subcategories value=subcategory error />
        {vocab_select::<Era>(i18n, "era", era, false, error)}
        {vocab_select::<Colour>(i18n, "colour", colour, false, error)}
        {vocab_select::<Material>(i18n, "material", material, false, error)}
        {vocab_select::<Size>(i18n, "size", size, true, error)}
        {vocab_select::<Condition>(i18n, "condition", condition, false, error)}
    }
    .into_any();
    let amounts = view! {
        <ItemInput name="quantity_owned" value=quantity_owned kind="number" error />
        <ItemInput name="daily_rate" value=daily_rate inputmode="decimal" error />
        <ItemInput name="deposit" value=deposit inputmode="decimal" error />
        <ItemInput name="tags" value=tags error />
    }
    .into_any();
    view! {
        <h1>{title} {item_id.map(|_| view! { " " <code>{sku_shown}</code> })}</h1>
        {retired_on.map(|day| view! {
            <p class="notice item-retired" role="status">{move || t!(i18n, item_retired_notice, day = day_label(i18n, day))}</p>
        })}
        {move || saved().then(|| view! { <p class="notice item-saved" role="status">{tr!(i18n, item_saved)}</p> })}
        <ActionForm action attr:class="item-form grid-form">
            {item_id.map(|id| view! { <input type="hidden" name="item_id" value=id /> })}
            {names}
            {kinds}
            {amounts}
            <p class="form-error" role="alert">{general}</p>
            <button type="submit" class="primary">{tr!(i18n, item_save)}</button>
        </ActionForm>
        {item_id.map(|id| {
            let retired = retired_on.is_some();
            view! {
                <div class="item-retire">
                    <ActionForm action=retire attr:class="inline-form">
                        <input type="hidden" name="item_id" value=id />
                        <input type="hidden" name="retire" value=(!retired).to_string() />
                        <button type="submit">
                            {move || if retired { t_string!(i18n, item_restore) } else { t_string!(i18n, item_retire) }}
                        </button>
                    </ActionForm>
                    {(!retired).then(|| view! {
                        <a href=format!("/catalogue/{id}")>{tr!(i18n, item_in_catalogue)}</a>
                    })}
                    <a href=format!("/catalogue/{id}#photos")>{tr!(i18n, item_photos_manage)}</a>
                    <p class="form-error" role="alert">{retire_error}</p>
                </div>
            }
        })}
    }
}

/// The sub-category, grouped by category.
#[component]
fn SubcategorySelect(
    options: Vec<SubcategoryOption>,
    value: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || error.with(|e| field_message(i18n, e.as_ref(), "subcategory"));
    let groups = Category::ALL
        .iter()
        .map(|&category| {
            let options = options
                .iter()
                .filter(|o| o.category == category.code())
                .map(|o| {
                    let (zh, en) = (o.name_zh.clone(), o.name_en.clone());
                    let selected = o.code == value;
                    view! {
                        <option value=o.code.clone() selected=selected>
                            {move || content_lang(i18n).pick(&zh, &en).to_string()}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <optgroup label=move || category.label(content_lang(i18n))>{options}</optgroup>
            }
        })
        .collect_view();
    let none_selected = value.is_empty();
    view! {
        <div class="field">
            <label for="item-subcategory">{move || column_label(i18n, "subcategory")}</label>
            <select id="item-subcategory" name="form[subcategory]" required
                aria-invalid=move || message().is_some().to_string() aria-describedby="item-subcategory-error">
                <option value="" selected=none_selected>{tr!(i18n, item_choose)}</option>
                {groups}
            </select>
            <p id="item-subcategory-error" class="field-error" aria-live="polite">{message}</p>
        </div>
    }
}
