//! `/work`: an actor's applications ("my work") — applied, shortlisted, booked, or released
//! with the reason: every applicant gets an answer.

use leptos::prelude::*;

use crate::casting::my_work;
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::error::AppError;
use crate::i18n::*;
use crate::models::WorkItem;
use crate::pages::account::send_to_login;
use crate::pages::call::{state_text, status_label};

#[component]
pub fn WorkPage() -> impl IntoView {
    let i18n = use_i18n();
    let work = Resource::new(|| (), |_| my_work());
    view! {
        <section class="work">
            <h1>{t!(i18n, work_title)}</h1>
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match work.await {
                        Ok(items) if items.is_empty() => view! {
                            <p class="empty">{t!(i18n, work_empty)} " " <a href="/casting">{t!(i18n, casting_title)}</a></p>
                        }
                        .into_any(),
                        Ok(items) => view! {
                            <ul class="work-list">
                                {items.into_iter().map(|item| view! { <WorkRow item /> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/work"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn WorkRow(item: WorkItem) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let call = item.call;
    let state = item.state;
    let start = call.starts_on.to_string();
    let end = call.ends_on.to_string();
    view! {
        <li class="work-item" data-call=call.call_id data-status=state.status.code()>
            <h2>
                <a href=format!("/casting/{}", call.call_id)>
                    {move || lang().pick(&call.role_zh, &call.role_en).to_string()}
                </a>
            </h2>
            <p class="call-production">{move || lang().pick(&call.production_zh, &call.production_en).to_string()}</p>
            <p>{t!(i18n, shoot_dates, start = start.clone(), end = end.clone())}</p>
            <p class="work-state">
                <span class=format!("status status-{}", state.status.code())>{move || status_label(i18n, state.status)}</span>
                " "
                {move || state_text(i18n, state)}
            </p>
        </li>
    }
}
