//! `/requests`: a crew member's request list — the days, each item's quantity with how many
//! are free, the quote (days × daily rate per line, deposit, total in CNY) — submitted as
//! reservations in one go; below, the production's reservations with their codes.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{RequestLine, RequestView, ReservationStatus, ReservationView};
use crate::pages::account::send_to_login;
use crate::pages::item::day_label;
use crate::pages::login::form_error;
use crate::stock::{
    SetRequestDays, SetRequestLine, SubmitRequest, my_request_list, my_reservations,
};
use crate::supply::CancelReservation;

use crate::text::I18n;

/// "3 Dec–7 Dec" in the page's language.
pub(crate) fn days_text(i18n: I18n, days: domain::stock::Days) -> String {
    if days.first == days.last {
        day_label(i18n, days.first)
    } else {
        format!("{}–{}", day_label(i18n, days.first), day_label(i18n, days.last))
    }
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let days = ServerAction::<SetRequestDays>::new();
    let line = ServerAction::<SetRequestLine>::new();
    let submit = ServerAction::<SubmitRequest>::new();
    let list = fetched(
        move || (days.version().get(), line.version().get(), submit.version().get()),
        |_| my_request_list(),
    );
    let cancel = ServerAction::<CancelReservation>::new();
    let reservations =
        fetched(move || (submit.version().get(), cancel.version().get()), |_| my_reservations());
    view! {
        <section class="requests">
            <h1>{tr!(i18n, requests_title)}</h1>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(view) => view! { <RequestBody view days line submit /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/requests"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{tr!(i18n, reservations_title)}</h2>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match reservations.await {
                        Ok(list) => view! { <Reservations list cancel /> }.into_any(),
                        Err(_) => ().into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn RequestBody(
    view: RequestView,
    days: ServerAction<SetRequestDays>,
    line: ServerAction<SetRequestLine>,
    submit: ServerAction<SubmitRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    let days_error = Signal::derive(move || days.value().get().and_then(Result::err));
    let submit_error = Signal::derive(move || submit.value().get().and_then(Result::err));
    let made = move || submit.value().get().and_then(Result::ok);
    let today = view.today.to_string();
    let first = view.days.map(|d| d.first.to_string()).unwrap_or_default();
    let last = view.days.map(|d| d.last.to_string()).unwrap_or_default();
    let empty = view.lines.is_empty();
    let quote = view.quote.clone();
    let chosen = view.days;
    view! {
        <p class="form-ok" role="status">
            {move || made().map(|codes| t!(i18n, request_reserved, codes = codes.join("、")))}
        </p>
        <ActionForm action=days attr:class="request-days">
            <div class="field">
                <label for="first_day">{tr!(i18n, request_first_day)}</label>
                <input id="first_day" name="first_day" type="date" min=today.clone() value=first
                    aria-describedby="first_day-error" />
                <p id="first_day-error" class="field-error" role="alert">
                    {move || field_message(i18n, days_error.get().as_ref(), "first_day")}
                </p>
            </div>
            <div class="field">
                <label for="last_day">{tr!(i18n, request_last_day)}</label>
                <input id="last_day" name="last_day" type="date" min=today value=last
                    aria-describedby="last_day-error" />
                <p id="last_day-error" class="field-error" role="alert">
                    {move || field_message(i18n, days_error.get().as_ref(), "last_day")}
                </p>
            </div>
            <button type="submit" disabled=move || days.pending().get()>{tr!(i18n, request_set_days)}</button>
        </ActionForm>
        {chosen.map(|d| view! { <p class="request-days-chosen">{move || t!(i18n, request_days_chosen, days = days_text(i18n, d), count = d.count())}</p> })}
        {if empty {
            view! {
                <p class="empty">
                    {tr!(i18n, request_empty)} " " <a href="/catalogue">{tr!(i18n, catalogue_title)}</a>
                </p>
            }
            .into_any()
        } else {
            view! {
                <ul class="request-lines">
                    {view.lines.into_iter().map(|l| view! { <LineRow line=l action=line days=chosen.is_some() /> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        {quote.map(|q| {
            let (rent, deposit, total) = (q.rent.display_cny(), q.deposit.display_cny(), q.total.display_cny());
            view! {
                <dl class="quote" aria-label=move || t_string!(i18n, quote_title).to_string()>
                    <dt>{t!(i18n, quote_rent, days = q.days)}</dt><dd>{rent}</dd>
                    <dt>{tr!(i18n, quote_deposit)}</dt><dd>{deposit}</dd>
                    <dt>{tr!(i18n, quote_total)}</dt><dd class="total">{total}</dd>
                </dl>
            }
        })}
        <ActionForm action=submit attr:class="request-submit">
            <div class="form-error" role="alert">{move || shortage_text(i18n, submit_error.get())}</div>
            <button type="submit" class="primary" disabled=move || submit.pending().get() || empty>
                {tr!(i18n, request_submit)}
            </button>
        </ActionForm>
    }
}

/// The refusal of a submitted list: each short item, with the days and how many are free;
/// other errors as their sentence.
fn shortage_text(i18n: I18n, error: Option<AppError>) -> Option<AnyView> {
    match error? {
        AppError::Shortage(short) => Some(
            view! {
                <p>{tr!(i18n, shortage_intro)}</p>
                <ul class="shortages">
                    {short
                        .into_iter()
                        .map(|s| {
                            let name = content_lang(i18n).pick(&s.name_zh, &s.name_en).to_string();
                            let separator = content_lang(i18n).pick("；", "; ");
                            let runs = s
                                .runs
                                .iter()
                                .enumerate()
                                .map(|(n, (d, free))| {
                                    let (days, free) = (days_text(i18n, *d), *free);
                                    view! {
                                        {(n > 0).then_some(separator)}
                                        <span class="run">{t!(i18n, shortage_run, days = days.clone(), free)}</span>
                                    }
                                })
                                .collect_view();
                            view! {
                                <li data-sku=s.sku.clone()>
                                    {t!(i18n, shortage_item, name = name, sku = s.sku.clone(), asked = s.asked)}
                                    " " {runs}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        ),
        AppError::Invalid(fields) => Some(
            fields
                .iter()
                .map(|f| view! { <p>{crate::components::error_view::field_text(i18n, &f.field, &f.code)}</p> })
                .collect_view()
                .into_any(),
        ),
        other => form_error(i18n, Some(other)).map(|text| view! { <p>{text}</p> }.into_any()),
    }
}

#[component]
fn LineRow(line: RequestLine, action: ServerAction<SetRequestLine>, days: bool) -> impl IntoView {
    let i18n = use_i18n();
    let card = StoredValue::new(line.card.clone());
    let id = line.card.item_id;
    let name =
        move || card.with_value(|c| content_lang(i18n).pick(&c.name_zh, &c.name_en).to_string());
    let quantity = line.quantity;
    let short = line.fewest_free.filter(|free| *free < quantity);
    let input_id = format!("quantity-{id}");
    view! {
        <li class="request-line" data-sku=line.card.sku.clone()>
            <p class="line-name"><a href=format!("/catalogue/{id}")>{name}</a> " " <span class="sku">{line.card.sku.clone()}</span></p>
            <p class="line-price">{t!(i18n, per_day, amount = line.card.daily_rate.display_cny())} " · " {t!(i18n, deposit, amount = line.card.deposit.display_cny())}</p>
            {days.then(|| line.fewest_free.map(|free| {
                let class = if short.is_some() { "line-free short" } else { "line-free" };
                view! { <p class=class>{t!(i18n, request_fewest_free, count = free)}</p> }
            }))}
            <ActionForm action attr:class="line-quantity">
                <input type="hidden" name="item_id" value=id />
                <label for=input_id.clone()>{tr!(i18n, request_quantity)}</label>
                <input id=input_id name="quantity" type="number" min="0" max=domain::stock::MAX_QUANTITY inputmode="numeric" value=quantity />
                <button type="submit">{tr!(i18n, request_update)}</button>
            </ActionForm>
            <ActionForm action attr:class="line-remove">
                <input type="hidden" name="item_id" value=id />
                <input type="hidden" name="quantity" value="0" />
                <button type="submit" class="link-like">{tr!(i18n, request_remove)}</button>
            </ActionForm>
        </li>
    }
}

pub(crate) fn status_name(i18n: I18n, status: ReservationStatus) -> &'static str {
    match status {
        ReservationStatus::Requested => t_string!(i18n, reservation_requested),
        ReservationStatus::Confirmed => t_string!(i18n, reservation_confirmed),
        ReservationStatus::Declined => t_string!(i18n, reservation_declined),
        ReservationStatus::Cancelled => t_string!(i18n, reservation_cancelled),
        ReservationStatus::PickedUp => t_string!(i18n, reservation_picked_up),
        ReservationStatus::Returned => t_string!(i18n, reservation_returned),
    }
}

#[component]
fn Reservations(
    list: Vec<ReservationView>,
    cancel: ServerAction<CancelReservation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cancel_error = Signal::derive(move || cancel.value().get().and_then(Result::err));
    if list.is_empty() {
        return view! { <p class="empty">{tr!(i18n, reservations_none)}</p> }.into_any();
    }
    let list = StoredValue::new(list);
    view! {
        <p class="form-error" role="alert">
            {move || field_message(i18n, cancel_error.get().as_ref(), "reservation").or_else(|| form_error(i18n, cancel_error.get()))}
        </p>
        <ul class="reservations">
            {move || list.with_value(|list| {
                let lang = content_lang(i18n);
                list.iter()
                    .map(|r| {
                        let lines = r
                            .lines
                            .iter()
                            .map(|l| format!("{} × {}", lang.pick(&l.name_zh, &l.name_en), l.quantity))
                            .collect::<Vec<_>>()
                            .join(lang.pick("、", ", "));
                        let cancellable = matches!(
                            r.status,
                            ReservationStatus::Requested | ReservationStatus::Confirmed
                        );
                        let code = r.code.clone();
                        view! {
                            <li class="reservation" data-code=r.code.clone() data-status=r.status.code() data-late=r.late.to_string()>
                                <p>
                                    <strong class="code">{r.code.clone()}</strong> " · " {status_name(i18n, r.status)}
                                    {r.late.then(|| view! { " " <span class="badge badge-warning late">{tr!(i18n, reservation_late)}</span> })}
                                </p>
                                <p>{lang.pick(&r.supplier_zh, &r.supplier_en).to_string()} " · " {days_text(i18n, r.days)}</p>
                                <p>{lines}</p>
                                <p>{tr!(i18n, quote_total)} " " {r.quote.total.display_cny()}</p>
                                <div class="reservation-links">
                                    <a href=format!("/supply/pick-list?code={code}")>{tr!(i18n, reservation_show_code)}</a>
                                    {cancellable.then(|| view! {
                                        <ActionForm action=cancel attr:class="inline-form">
                                            <input type="hidden" name="code" value=code.clone() />
                                            <button type="submit" class="link-like">{tr!(i18n, reservation_cancel)}</button>
                                        </ActionForm>
                                    })}
                                </div>
                            </li>
                        }
                    })
                    .collect_view()
            })}
        </ul>
    }
    .into_any()
}
