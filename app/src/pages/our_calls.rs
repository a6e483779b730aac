//! `/casting/ours`: every call of the crew member's production — open, closed or cancelled —
//! with places booked and applications waiting, and the way to each call's applicants,
//! attendance sheet and editor.

use crate::codec::fetched;
use leptos::prelude::*;

use crate::casting::our_calls;
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::error::AppError;
use crate::i18n::*;
use crate::models::OwnCall;
use crate::pages::account::send_to_login;

#[component]
pub fn OurCallsPage() -> impl IntoView {
    let i18n = use_i18n();
    let calls = fetched(|| (), |_| our_calls());
    view! {
        <section class="our-calls">
            <p class="breadcrumb"><a href="/casting">{tr!(i18n, casting_title)}</a></p>
            <h1>{tr!(i18n, ours_title)}</h1>
            <p><a class="button primary" href="/casting/new">{tr!(i18n, call_post)}</a></p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match calls.await {
                        Ok(calls) if calls.is_empty() => view! { <p class="empty">{tr!(i18n, ours_empty)}</p> }.into_any(),
                        Ok(calls) => view! {
                            <ul class="work-list own-calls">
                                {calls.into_iter().map(|call| view! { <OwnCallRow call /> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/casting/ours"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OwnCallRow(call: OwnCall) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let card = call.card;
    let id = card.call_id;
    let (status, label) = match (call.open, call.cancelled) {
        (_, true) => ("cancelled", t_string!(i18n, ours_cancelled)),
        (true, false) => ("open", t_string!(i18n, ours_open)),
        (false, false) => ("closed", t_string!(i18n, ours_closed)),
    };
    let start = card.starts_on.to_string();
    let end = card.ends_on.to_string();
    let (booked, needed, waiting, applications) =
        (card.booked, card.needed, call.waiting, call.applications);
    view! {
        <li class="work-item own-call" data-call=id data-status=status>
            <h2>
                <a href=format!("/casting/{id}")>{move || lang().pick(&card.role_zh, &card.role_en).to_string()}</a>
                " "
                <span class=format!("status call-{status}")>{label}</span>
            </h2>
            <p>{t!(i18n, shoot_dates, start = start.clone(), end = end.clone())}</p>
            <p>
                {t!(i18n, applicants_places, booked = booked, needed = needed)} " · "
                {t!(i18n, ours_applications, waiting = waiting, all = applications)}
            </p>
            <p class="own-call-links">
                <a href=format!("/casting/{id}/applicants")>{tr!(i18n, applicants_title)}</a> " · "
                <a href=format!("/casting/{id}/attendance")>{tr!(i18n, attendance_title)}</a>
                {call.open.then(|| view! { " · " <a href=format!("/casting/{id}/edit")>{tr!(i18n, call_edit)}</a> })}
            </p>
        </li>
    }
}
