//! `/catalogue/{id}`: one item — its facts, how many units are free on each of the next two
//! weeks (`?from=` pages through the calendar), related items, and for crew members a form
//! that puts it on their request list.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::error_view::{ErrorView, field_message};
use crate::components::gallery::{Gallery, PhotoDelete, Upload};
use crate::components::{content_lang, weekday_text};
use crate::i18n::*;
use crate::models::{ItemCard, ItemDetail, ItemUse};
use crate::pages::login::form_error;
use crate::stock::{DeleteItemPhoto, SetRequestLine, load_item};

use crate::text::I18n;

/// `12月3日 周四` / `Thu 3 Dec`.
pub(crate) fn day_label(i18n: I18n, day: time::Date) -> String {
    let weekday = weekday_text(i18n, day.weekday());
    let month = u8::from(day.month());
    match content_lang(i18n) {
        domain::Lang::Zh => format!("{month}月{}日 {weekday}", day.day()),
        domain::Lang::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            format!("{weekday} {} {}", day.day(), MONTHS[usize::from(month) - 1])
        }
    }
}

#[component]
pub fn ItemPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let add = ServerAction::<SetRequestLine>::new();
    let photos = PhotoActions {
        delete: ServerAction::new(),
        uploaded: RwSignal::new(0),
        upload: RwSignal::new(Upload::from_url(i18n)),
    };
    let key = move || {
        let id = params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0));
        let from = query.with(|q| q.get("from").unwrap_or_default());
        let changed = (add.version().get(), photos.delete.version().get(), photos.uploaded.get());
        (id, from, changed)
    };
    let data = fetched(key, |(id, from, _)| load_item(id, from));
    view! {
        <section class="item-page">
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(detail) => view! { <ItemBody detail add photos /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// What the item's photo gallery keeps across reloads of the page's data.
#[derive(Clone, Copy)]
struct PhotoActions {
    delete: ServerAction<DeleteItemPhoto>,
    uploaded: RwSignal<u32>,
    upload: RwSignal<Upload>,
}

#[component]
fn ItemBody(
    detail: ItemDetail,
    add: ServerAction<SetRequestLine>,
    photos: PhotoActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let item = StoredValue::new(detail.card.clone());
    let id = detail.card.item_id;
    let lang = move || content_lang(i18n);
    let name = move || item.with_value(|c| lang().pick(&c.name_zh, &c.name_en).to_string());
    let other = move || item.with_value(|c| lang().pick(&c.name_en, &c.name_zh).to_string());
    let earlier = detail.from - time::Duration::days(14);
    let later = detail.from + time::Duration::days(14);
    let tags = detail.tags.join(" · ");
    view! {
        <p class="breadcrumb"><a href="/catalogue">{tr!(i18n, catalogue_title)}</a></p>
        <h1>{name}</h1>
        <p class="other-name">{other}</p>
        {(detail.manage_photos || !detail.photos.is_empty()).then(|| view! {
            <Gallery upload_url=format!("/catalogue/{id}/photos") name=Signal::derive(name)
                photos=detail.photos.clone() manage=detail.manage_photos uploaded=photos.uploaded
                upload=photos.upload delete=PhotoDelete::Item(photos.delete) />
        })}
        <div class="item-layout">
            <ItemFacts item=detail.card.clone() />
            <section class="availability" aria-labelledby="free-title">
                <h2 id="free-title">{tr!(i18n, item_free_title)}</h2>
                <ol class="free-days">
                    {detail
                        .free
                        .iter()
                        .map(|(day, free)| {
                            let (day, free) = (*day, *free);
                            let class = if free == 0 { "free-day none" } else { "free-day" };
                            view! {
                                <li class=class>
                                    <span class="day">{move || day_label(i18n, day)}</span>
                                    <span class="count">{move || t!(i18n, item_free_count, count = free)}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <nav class="calendar-nav" aria-label=move || t_string!(i18n, item_free_title).to_string()>
                    <a href=format!("/catalogue/{id}?from={earlier}") rel="prev">{tr!(i18n, previous_weeks)}</a>
                    <a href=format!("/catalogue/{id}?from={later}") rel="next">{tr!(i18n, next_weeks)}</a>
                </nav>
            </section>
            {if detail.retired {
                view! { <p class="notice item-retired" role="status">{tr!(i18n, item_retired_public)}</p> }.into_any()
            } else if detail.can_request {
                view! { <RequestForm item_id=id requested=detail.requested add /> }.into_any()
            } else {
                view! {
                    <p class="hint">
                        <a href=format!("/login?next=/catalogue/{id}")>{tr!(i18n, item_login_to_request)}</a>
                    </p>
                }
                .into_any()
            }}
        </div>
        {(!tags.is_empty()).then(|| view! { <p class="tags">{tr!(i18n, item_tags)} ": " {tags.clone()}</p> })}
        <ItemUses uses=detail.used_by private=detail.used_privately />
        <Related items=detail.related />
    }
}

/// The productions that used the item and let it be said; the others counted.
#[component]
fn ItemUses(uses: Vec<ItemUse>, private: u32) -> impl IntoView {
    let i18n = use_i18n();
    let none = uses.is_empty() && private == 0;
    let uses = StoredValue::new(uses);
    view! {
        <section class="item-uses" aria-labelledby="uses-title">
            <h2 id="uses-title">{tr!(i18n, item_used_title)}</h2>
            {none.then(|| view! { <p class="hint">{tr!(i18n, item_used_none)}</p> })}
            <ul>
                {move || uses.with_value(|uses| {
                    let lang = content_lang(i18n);
                    uses.iter()
                        .map(|u| {
                            let name = lang.pick(&u.production_zh, &u.production_en).to_string();
                            let day = u.last_day;
                            view! {
                                <li><strong>{name}</strong> " · " {move || t!(i18n, item_used_line, day = day_label(i18n, day))}</li>
                            }
                        })
                        .collect_view()
                })}
            </ul>
            {(private > 0).then(|| view! { <p class="hint">{move || t!(i18n, item_used_private, count = private)}</p> })}
        </section>
    }
}

#[component]
fn ItemFacts(item: ItemCard) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lang = content_lang(i18n);
        let item = item.clone();
        view! {
            <dl class="facts">
                <dt>{tr!(i18n, item_sku)}</dt><dd class="sku">{item.sku.clone()}</dd>
                <dt>{tr!(i18n, facet_category)}</dt>
                <dd>{item.category.label(lang)} " · " {lang.pick(&item.subcategory_zh, &item.subcategory_en).to_string()}</dd>
                <dt>{tr!(i18n, col_era)}</dt><dd>{item.era.label(lang)}</dd>
                <dt>{tr!(i18n, facet_colour)}</dt><dd>{item.colour.label(lang)}</dd>
                <dt>{tr!(i18n, facet_material)}</dt><dd>{item.material.label(lang)}</dd>
                {item.size.map(|s| view! { <dt>{tr!(i18n, facet_size)}</dt><dd>{s.label(lang)}</dd> })}
                <dt>{tr!(i18n, facet_condition)}</dt><dd>{item.condition.label(lang)}</dd>
                <dt>{tr!(i18n, item_owned)}</dt><dd>{item.quantity_owned}</dd>
                <dt>{tr!(i18n, facet_price)}</dt><dd>{t!(i18n, per_day, amount = item.daily_rate.display_cny())}</dd>
                <dt>{tr!(i18n, item_deposit)}</dt><dd>{item.deposit.display_cny()}</dd>
                <dt>{tr!(i18n, facet_supplier)}</dt><dd>{lang.pick(&item.supplier_zh, &item.supplier_en).to_string()}</dd>
            </dl>
        }
    }
}

/// How many to put on the request list (the list's dates are chosen on `/requests`).
#[component]
fn RequestForm(item_id: i64, requested: i64, add: ServerAction<SetRequestLine>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let done = move || matches!(add.value().get(), Some(Ok(())));
    let initial = if requested > 0 { requested } else { 1 };
    view! {
        <section class="request-form" aria-labelledby="request-title">
            <h2 id="request-title">{tr!(i18n, request_title)}</h2>
            {(requested > 0).then(|| view! { <p>{t!(i18n, request_already, count = requested)}</p> })}
            <ActionForm action=add>
                <input type="hidden" name="item_id" value=item_id />
                <div class="field">
                    <label for="quantity">{tr!(i18n, request_quantity)}</label>
                    <input id="quantity" name="quantity" type="number" min="0" max=domain::stock::MAX_QUANTITY
                        inputmode="numeric" value=initial
                        aria-invalid=move || field_message(i18n, error.get().as_ref(), "quantity").is_some().to_string()
                        aria-describedby="quantity-error" />
                    <p id="quantity-error" class="field-error" role="alert">
                        {move || field_message(i18n, error.get().as_ref(), "quantity")}
                    </p>
                </div>
                <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
                <button type="submit" class="primary" disabled=move || add.pending().get()>
                    {tr!(i18n, request_add)}
                </button>
            </ActionForm>
            <p class="form-ok" role="status">
                {move || done().then(|| view! { {tr!(i18n, request_added)} " " <a href="/requests">{tr!(i18n, request_open_list)}</a> })}
            </p>
        </section>
    }
}

#[component]
fn Related(items: Vec<ItemCard>) -> impl IntoView {
    let i18n = use_i18n();
    (!items.is_empty()).then(|| {
        let items = StoredValue::new(items);
        view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">{tr!(i18n, item_related)}</h2>
                <ul>
                    {move || items.with_value(|items| {
                        let lang = content_lang(i18n);
                        items
                            .iter()
                            .map(|c| {
                                let href = format!("/catalogue/{}", c.item_id);
                                let name = lang.pick(&c.name_zh, &c.name_en).to_string();
                                let rate = c.daily_rate.display_cny();
                                view! {
                                    <li><a href=href>{name}</a> " · " {t!(i18n, per_day, amount = rate)}</li>
                                }
                            })
                            .collect_view()
                    })}
                </ul>
            </section>
        }
    })
}
