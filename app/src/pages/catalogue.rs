//! `/catalogue`: the 服化道 stock, searched by text (Chinese, pinyin, initials, English, SKU)
//! and narrowed by facets whose values show how many items each would give. Everything lives in
//! the URL (`?q=longpao&era=qing&cat=costume&size=l`): facet values are links and the text and
//! price are plain GET forms, so the page needs no script at all (`bundle::SCRIPTLESS_AREAS`:
//! loaded from the server it fetches none) and a shared link shows the same list.

use crate::codec::fetched;
use domain::catalogue::{CatalogueQuery, Facet, Layout, Sort};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::search_catalogue;
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::components::filter_form::canonical_get;
use crate::i18n::*;
use crate::models::{CatalogueView, FacetGroup, FacetOption, ItemHit};

use crate::bundle::KeptOpen;
use crate::text::I18n;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|q| CatalogueQuery::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let data = fetched(move || query.get().to_query(), search_catalogue);
    let chosen = move || query.with(|q| q.selected.iter().map(Vec::len).sum::<usize>());
    // The phone's "Filters" panel is drawn once and only its contents follow the results: a new
    // result set (a facet ticked, a page turned) leaves it as the user left it. Loaded from the
    // server, the page has no script: each choice loads the next view, which opens the panel
    // again if it was open (`KeptOpen`).
    view! {
        <section class="catalogue">
            <h1>{tr!(i18n, catalogue_title)}</h1>
            {move || view! { <SearchForm query=query.get() /> }}
            <div class="catalogue-body">
                <details class="facet-panel" id="catalogue-filters" data-kept-open="">
                    <summary>
                        {move || tr!(i18n, filters_title)}
                        {move || (chosen() > 0).then(|| format!(" ({})", chosen()))}
                    </summary>
                    <KeptOpen />
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            data.await.ok().map(|view| view! {
                                <Facets groups=view.facets query=query.get_untracked() />
                            })
                        })}
                    </Transition>
                </details>
                <div class="catalogue-results">
                    <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                        {move || Suspend::new(async move {
                            match data.await {
                                Ok(view) => view! { <Results view query=query.get_untracked() /> }.into_any(),
                                Err(error) => view! { <ErrorView error /> }.into_any(),
                            }
                        })}
                    </Transition>
                </div>
            </div>
        </section>
    }
}

/// Hidden inputs carrying every part of `query` except the keys in `skip`, so a form that
/// changes one part keeps the rest.
fn carried(query: &CatalogueQuery, skip: &[&str]) -> impl IntoView + use<> {
    query
        .on_page(1)
        .to_pairs()
        .into_iter()
        .filter(|(key, _)| !skip.contains(key))
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view()
}

/// The address a catalogue form's query keeps (empty and malformed fields left out).
fn canonical(query: &str) -> String {
    CatalogueQuery::from_query(query).to_query()
}

#[component]
fn SearchForm(query: CatalogueQuery) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action="/catalogue" class="catalogue-search" role="search"
            on:submit=canonical_get("/catalogue".into(), canonical)>
            <label for="catalogue-q">{tr!(i18n, catalogue_search)}</label>
            <div class="search-row">
                <input id="catalogue-q" name="q" type="search" value=query.q.clone()
                    placeholder=move || t_string!(i18n, catalogue_search_hint).to_string() />
                {carried(&query, &["q"])}
                <button type="submit" class="primary">{tr!(i18n, search)}</button>
            </div>
        </form>
    }
}

fn facet_title(i18n: I18n, facet: Facet) -> &'static str {
    match facet {
        Facet::Category => t_string!(i18n, facet_category),
        Facet::Subcategory => t_string!(i18n, facet_subcategory),
        Facet::Era => t_string!(i18n, col_era),
        Facet::Colour => t_string!(i18n, facet_colour),
        Facet::Material => t_string!(i18n, facet_material),
        Facet::Size => t_string!(i18n, facet_size),
        Facet::Condition => t_string!(i18n, facet_condition),
        Facet::Supplier => t_string!(i18n, facet_supplier),
    }
}

fn option_name(i18n: I18n, option: &FacetOption) -> String {
    content_lang(i18n).pick(&option.name_zh, &option.name_en).to_string()
}

#[component]
fn Results(view: CatalogueView, query: CatalogueQuery) -> impl IntoView {
    let i18n = use_i18n();
    let chips = {
        let (groups, query) = (view.facets.clone(), query.clone());
        move || chips(i18n, &groups, &query)
    };
    let total = view.total;
    let shown = domain::group_thousands(u64::from(total));
    let text = query.q.clone();
    let era = view.production_era;
    view! {
        <div class="result-bar">
            <p class="result-count" role="status">
                {t!(i18n, catalogue_found, total = shown.clone())}
            </p>
            <SortLinks query=query.clone() />
            <LayoutLinks query=query.clone() />
        </div>
        {view.forgiving.then(|| view! {
            <p class="notice">{t!(i18n, catalogue_forgiving, q = text.clone())}</p>
        })}
        {chips}
        {(total == 0).then(|| view! { <p class="empty">{tr!(i18n, catalogue_none)}</p> })}
        {era.map(|era| view! {
            <p class="hint">{move || t!(i18n, anachronism_intro, era = era.label(content_lang(i18n)))}</p>
        })}
        <ul class=match query.layout { Layout::Grid => "item-grid", Layout::List => "item-list" }>
            {view.hits.into_iter().map(|hit| view! { <ItemTile hit era /> }).collect_view()}
        </ul>
        <Pager page=view.page pages=view.pages query />
    }
}

/// The chosen values and price bounds as removable chips, and "clear all".
fn chips(
    i18n: I18n,
    groups: &[FacetGroup],
    query: &CatalogueQuery,
) -> Option<impl IntoView + use<>> {
    if !query.narrows() {
        return None;
    }
    let colon = content_lang(i18n).pick("：", ": ");
    let mut links: Vec<(String, String)> = Vec::new();
    for group in groups {
        for option in group.options.iter().filter(|o| o.selected) {
            let label =
                format!("{}{colon}{}", facet_title(i18n, group.facet), option_name(i18n, option));
            links.push((label, query.toggled(group.facet, &option.code).href()));
        }
    }
    let price = match (query.rate_min, query.rate_max) {
        (None, None) => None,
        (min, max) => Some(format!(
            "{}{colon}¥{}–{}",
            t_string!(i18n, facet_price),
            min.unwrap_or(0),
            max.map(|m| format!("¥{m}")).unwrap_or_default()
        )),
    };
    if let Some(label) = price {
        let href =
            CatalogueQuery { rate_min: None, rate_max: None, page: 1, ..query.clone() }.href();
        links.push((label, href));
    }
    if let Some(a) = query.available {
        let days = crate::pages::requests::days_text(i18n, a.days);
        let label = format!(
            "{}{colon}{}",
            t_string!(i18n, facet_available),
            content_lang(i18n).pick(
                &format!("{days}，至少 {} 件", a.quantity),
                &format!("{days}, at least {}", a.quantity)
            )
        );
        links.push((label, CatalogueQuery { available: None, page: 1, ..query.clone() }.href()));
    }
    let clear = query.cleared().href();
    Some(view! {
        <ul class="chips" aria-label=move || t_string!(i18n, filters_chosen).to_string()>
            {links
                .into_iter()
                .map(|(label, href)| {
                    let name = format!("{} {label}", t_string!(i18n, remove_filter));
                    view! { <li><a href=href aria-label=name>{label} " ×"</a></li> }
                })
                .collect_view()}
            <li><a href=clear class="clear">{tr!(i18n, filter_clear)}</a></li>
        </ul>
    })
}

#[component]
fn Facets(groups: Vec<FacetGroup>, query: CatalogueQuery) -> impl IntoView {
    let i18n = use_i18n();
    let number = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let day = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <div class="facets">
            {groups
                .into_iter()
                .map(|group| {
                    let facet = group.facet;
                    let id = format!("facet-{}", facet.key());
                    let options = group
                        .options
                        .into_iter()
                        .map(|option| view! { <FacetLink facet option query=query.clone() /> })
                        .collect_view();
                    view! {
                        <section class="facet" aria-labelledby=id.clone()>
                            <h2 id=id.clone()>{move || facet_title(i18n, facet)}</h2>
                            <ul>{options}</ul>
                        </section>
                    }
                })
                .collect_view()}
            <form method="get" action="/catalogue" class="facet availability"
                on:submit=canonical_get("/catalogue".into(), canonical)>
                <h2>{tr!(i18n, facet_available)}</h2>
                {carried(&query, &["from", "to", "qty"])}
                <label>{tr!(i18n, available_from)}
                    <input type="date" name="from" value=day(query.available.map(|a| a.days.first)) />
                </label>
                <label>{tr!(i18n, available_to)}
                    <input type="date" name="to" value=day(query.available.map(|a| a.days.last)) />
                </label>
                <label>{tr!(i18n, available_quantity)}
                    <input type="number" name="qty" min="1" max=domain::stock::MAX_QUANTITY step="1" inputmode="numeric"
                        value=number(query.available.map(|a| a.quantity)) />
                </label>
                <button type="submit">{tr!(i18n, apply)}</button>
            </form>
            <form method="get" action="/catalogue" class="facet price-range"
                on:submit=canonical_get("/catalogue".into(), canonical)>
                <h2>{tr!(i18n, facet_price_per_day)}</h2>
                {carried(&query, &["rate_min", "rate_max"])}
                <label>{tr!(i18n, price_from)}
                    <input type="number" name="rate_min" min="0" step="1" inputmode="numeric" value=number(query.rate_min) />
                </label>
                <label>{tr!(i18n, price_to)}
                    <input type="number" name="rate_max" min="0" step="1" inputmode="numeric" value=number(query.rate_max) />
                </label>
                <button type="submit">{tr!(i18n, apply)}</button>
            </form>
        </div>
    }
}

/// A facet value: a link that adds or removes it, with its count; a value that would give
/// nothing (and is not chosen) is shown but cannot be chosen.
#[component]
fn FacetLink(facet: Facet, option: FacetOption, query: CatalogueQuery) -> impl IntoView {
    let i18n = use_i18n();
    let count = option.count;
    let selected = option.selected;
    let name = StoredValue::new(option.clone());
    let label = move || name.with_value(|o| option_name(i18n, o));
    let counted = move || format!("{} ({count})", label());
    if count == 0 && !selected {
        return view! {
            <li>
                <span class="facet-option" role="checkbox" aria-checked="false" aria-disabled="true">
                    <span class="facet-name">{label}</span>
                    <span class="facet-count" aria-hidden="true">"0"</span>
                </span>
            </li>
        }
        .into_any();
    }
    let href = query.toggled(facet, &option.code).href();
    view! {
        <li>
            <a href=href class="facet-option" role="checkbox" aria-checked=selected.to_string()
                aria-label=counted data-code=option.code.clone()>
                <span class="facet-name">{label}</span>
                <span class="facet-count" aria-hidden="true">{domain::group_thousands(u64::from(count))}</span>
            </a>
        </li>
    }
    .into_any()
}

#[component]
fn SortLinks(query: CatalogueQuery) -> impl IntoView {
    let i18n = use_i18n();
    let name = move |sort: Sort| match sort {
        Sort::Relevance => t_string!(i18n, sort_relevance),
        Sort::PriceLow => t_string!(i18n, sort_price_low),
        Sort::PriceHigh => t_string!(i18n, sort_price_high),
        Sort::Newest => t_string!(i18n, sort_newest),
    };
    view! {
        <nav class="sort" aria-label=move || t_string!(i18n, sort_by).to_string()>
            {Sort::ALL
                .into_iter()
                .map(|sort| {
                    let current = (sort == query.sort).then_some("true");
                    view! {
                        <a href=query.sorted(sort).href() aria-current=current>{move || name(sort)}</a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
fn LayoutLinks(query: CatalogueQuery) -> impl IntoView {
    let i18n = use_i18n();
    let link = |layout: Layout| {
        let current = (layout == query.layout).then_some("true");
        let href = query.laid_out(layout).href();
        view! {
            <a href=href aria-current=current>
                {move || match layout {
                    Layout::Grid => t_string!(i18n, layout_grid),
                    Layout::List => t_string!(i18n, layout_list),
                }}
            </a>
        }
    };
    view! {
        <nav class="layout" aria-label=move || t_string!(i18n, layout_label).to_string()>
            {link(Layout::Grid)}
            {link(Layout::List)}
        </nav>
    }
}

#[component]
fn Pager(page: u32, pages: u32, query: CatalogueQuery) -> impl IntoView {
    let i18n = use_i18n();
    // First, last, and two either side of the current page.
    let mut shown: Vec<u32> = (page.saturating_sub(2).max(1)..=(page + 2).min(pages)).collect();
    if shown.first() != Some(&1) {
        shown.insert(0, 1);
    }
    if pages > 1 && shown.last() != Some(&pages) {
        shown.push(pages);
    }
    let mut previous_shown = 0;
    let links = shown
        .into_iter()
        .map(|n| {
            let gap = (n > previous_shown + 1).then(|| view! { <span class="gap">"…"</span> });
            previous_shown = n;
            let current = (n == page).then_some("page");
            view! { {gap} <a href=query.on_page(n).href() aria-current=current>{n}</a> }
        })
        .collect_view();
    view! {
        <nav class="pager" aria-label=move || t_string!(i18n, pagination).to_string()>
            {(page > 1).then(|| view! {
                <a href=query.on_page(page - 1).href() rel="prev">{tr!(i18n, previous_page)}</a>
            })}
            {links}
            {(page < pages).then(|| view! {
                <a href=query.on_page(page + 1).href() rel="next">{tr!(i18n, next_page)}</a>
            })}
        </nav>
    }
}

/// A name cut into matched (`<mark>`) and unmatched runs.
fn marked(runs: Vec<(String, bool)>) -> impl IntoView {
    runs.into_iter()
        .map(
            |(text, hit)| {
                if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() }
            },
        )
        .collect_view()
}

#[component]
fn ItemTile(hit: ItemHit, era: Option<domain::vocab::Era>) -> impl IntoView {
    let i18n = use_i18n();
    move || tile(i18n, hit.clone(), era)
}

/// One result; `era` is the viewer's production's, against which other eras are marked.
fn tile(i18n: I18n, hit: ItemHit, era: Option<domain::vocab::Era>) -> impl IntoView {
    let item = hit.card;
    let lang = content_lang(i18n);
    let (name, other) = match lang {
        domain::Lang::Zh => (hit.name_zh, hit.name_en),
        domain::Lang::En => (hit.name_en, hit.name_zh),
    };
    let rate = item.daily_rate.display_cny();
    let deposit = item.deposit.display_cny();
    let count = item.quantity_owned;
    let size = item.size;
    let (width, height) = crate::models::Photo::THUMB_SIZE;
    // The name follows as the heading: the picture is not described twice.
    let thumb = match item.thumb_url() {
        Some(src) => view! {
            <img class="thumb" src=src width=width height=height alt="" loading="lazy" decoding="async" />
        }
        .into_any(),
        None => view! {
            <div class="thumb thumb-none" aria-hidden="true">{item.category.label(lang)}</div>
        }
        .into_any(),
    };
    view! {
        <li class="item-tile" data-sku=item.sku.clone()>
            {thumb}
            <div class="item-text">
            <h2><a href=format!("/catalogue/{}", item.item_id)>{marked(name)}</a></h2>
            <p class="other-name" lang=match lang { domain::Lang::Zh => "en", domain::Lang::En => "zh-CN" }>
                {marked(other)}
            </p>
            <p class="item-meta">
                <span>{item.category.label(lang)}</span>
                " · "
                <span>{lang.pick(&item.subcategory_zh, &item.subcategory_en).to_string()}</span>
                " · "
                <span>{item.era.label(lang)}</span>
            </p>
            <p class="item-meta">
                <span>{item.colour.label(lang)}</span>
                " · "
                <span>{item.material.label(lang)}</span>
                " · "
                <span>{item.condition.label(lang)}</span>
                {size.map(|s| view! { " · " <span>{t!(i18n, size, size = s.label(domain::Lang::En))}</span> })}
            </p>
            <p class="item-price">
                <strong>{t!(i18n, per_day, amount = rate.clone())}</strong>
                " "
                <span>{t!(i18n, deposit, amount = deposit.clone())}</span>
            </p>
            <p class="item-stock">
                {t!(i18n, quantity_owned, count)}
                " · "
                {lang.pick(&item.supplier_zh, &item.supplier_en).to_string()}
            </p>
            {era.filter(|e| *e != item.era).map(|_| view! {
                <p class="anachronism">{t!(i18n, anachronism, era = item.era.label(lang))}</p>
            })}
            <p class="sku">{item.sku.clone()}</p>
            </div>
        </li>
    }
}
