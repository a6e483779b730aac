//! `/catalogue`: the 服化道 stock, page by page; the page number lives in the URL.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::list_items;
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::i18n::*;
use crate::models::{ItemCard, ItemPage};

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = move || {
        query.with(|q| q.get("page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1).max(1))
    };
    let data = Resource::new(page, list_items);
    view! {
        <section class="catalogue">
            <h1>{t!(i18n, catalogue_title)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(page) => view! { <ItemGrid page /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ItemGrid(page: ItemPage) -> impl IntoView {
    let i18n = use_i18n();
    let total = domain::group_thousands(page.total.unsigned_abs());
    let current = page.page;
    let pages = page.page_count();
    view! {
        <p class="result-count">{t!(i18n, catalogue_count, total = total.clone(), page = current, pages)}</p>
        <ul class="item-grid">
            {page.items.into_iter().map(|item| view! { <ItemTile item /> }).collect_view()}
        </ul>
        <nav class="pager" aria-label=move || t_string!(i18n, pagination).to_string()>
            {(current > 1)
                .then(|| {
                    view! {
                        <A href=format!("/catalogue?page={}", current - 1) attr:rel="prev">
                            {t!(i18n, previous_page)}
                        </A>
                    }
                })}
            {(current < pages)
                .then(|| {
                    view! {
                        <A href=format!("/catalogue?page={}", current + 1) attr:rel="next">
                            {t!(i18n, next_page)}
                        </A>
                    }
                })}
        </nav>
    }
}

#[component]
fn ItemTile(item: ItemCard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let rate = item.daily_rate.display_cny();
    let deposit = item.deposit.display_cny();
    let count = item.quantity_owned;
    let size = item.size;
    view! {
        <li class="item-tile" data-sku=item.sku.clone()>
            <h2>{move || lang().pick(&item.name_zh, &item.name_en).to_string()}</h2>
            <p class="item-meta">
                <span>{move || item.category.label(lang())}</span>
                " · "
                <span>{move || lang().pick(&item.subcategory_zh, &item.subcategory_en).to_string()}</span>
                " · "
                <span>{move || item.era.label(lang())}</span>
            </p>
            <p class="item-meta">
                <span>{move || item.colour.label(lang())}</span>
                " · "
                <span>{move || item.material.label(lang())}</span>
                " · "
                <span>{move || item.condition.label(lang())}</span>
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
                {move || lang().pick(&item.supplier_zh, &item.supplier_en).to_string()}
            </p>
            <p class="sku">{item.sku.clone()}</p>
        </li>
    }
}
