//! `/work/{application}/pass`: a booked actor's attendance pass for today — a QR code the crew
//! scans with a phone's camera (it opens the check-in page), and the code to type when a scan
//! fails. `/attend?code=…`: that check-in page, where the call's crew records attendance.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{CheckInView, PassView};
use crate::pages::account::send_to_login;
use crate::pages::login::form_error;
use crate::wages::{RecordAttendance, load_check_in, load_pass};
use domain::studio_clock;

#[component]
pub fn PassPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id =
        move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0));
    let pass = fetched(id, load_pass);
    view! {
        <section class="pass-page">
            <p class="breadcrumb"><a href="/work">{tr!(i18n, work_title)}</a></p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match pass.await {
                        Ok(pass) => view! { <PassCard pass /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login(&format!("/work/{}/pass", id())),
                        Err(error) if error.field_code("pass").is_some() => view! {
                            <p class="notice" role="alert">{tr!(i18n, pass_not_booked)}</p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PassCard(pass: PassView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let call = pass.call;
    let today = pass.today.to_string();
    let start = call.starts_on.to_string();
    let end = call.ends_on.to_string();
    let code = pass.code.clone();
    view! {
        <h1>{tr!(i18n, pass_title)}</h1>
        <div class="pass" data-code=pass.code.clone() data-url=pass.url.clone()>
            <p class="pass-who"><strong>{pass.name.clone()}</strong></p>
            <p>
                {move || lang().pick(&call.role_zh, &call.role_en).to_string()}
                " · "
                {move || lang().pick(&call.production_zh, &call.production_en).to_string()}
            </p>
            <p class="pass-day">{today}</p>
            {(!pass.shooting_today).then(|| view! {
                <p class="notice" role="status">{t!(i18n, pass_not_today, start = start.clone(), end = end.clone())}</p>
            })}
            {pass.attended_at.map(|at| {
                let time = studio_clock(at);
                view! { <p class="pass-recorded" role="status">{t!(i18n, pass_recorded, time = time.clone())}</p> }
            })}
            <div
                class="pass-qr"
                role="img"
                aria-label=move || t_string!(i18n, pass_qr_label).to_string()
                inner_html=pass.svg.clone()
            ></div>
            <p class="pass-code"><code>{code}</code></p>
            <p class="hint">{tr!(i18n, pass_hint)}</p>
        </div>
    }
}

/// The check-in page a scanned pass opens (crew of the call's production).
#[component]
pub fn CheckInPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let record = ServerAction::<RecordAttendance>::new();
    let code = move || query.with(|q| q.get("code").unwrap_or_default());
    let check = fetched(code, |code| async move {
        if code.trim().is_empty() { Ok(None) } else { load_check_in(code).await.map(Some) }
    });
    view! {
        <section class="check-in">
            <h1>{tr!(i18n, check_in_title)}</h1>
            <form method="get" action="/attend" class="check-in-form">
                <label>
                    {tr!(i18n, check_in_code)}
                    <input name="code" value=code autocomplete="off" autocapitalize="characters" placeholder="P-XXXXX-XXXXX" required />
                </label>
                <button type="submit">{tr!(i18n, check_in_find)}</button>
            </form>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match check.await {
                        Ok(None) => view! { <p class="hint">{tr!(i18n, check_in_hint)}</p> }.into_any(),
                        Ok(Some(view)) => view! { <CheckInCard view record /> }.into_any(),
                        Err(AppError::Unauthorized) => {
                            send_to_login(&format!("/attend?code={}", code()))
                        }
                        Err(error) if error.field_code("pass").is_some() => view! {
                            <p class="form-error" role="alert">{field_message(i18n, Some(&error), "pass")}</p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CheckInCard(view: CheckInView, record: ServerAction<RecordAttendance>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let (role_zh, role_en) = (view.role_zh.clone(), view.role_en.clone());
    // What the last "record" answered for this pass, else what the page loaded with.
    let done = {
        let code = view.code.clone();
        let loaded = view.attended_at.map(|at| (at, false));
        Memo::new(move |_| match record.value().get() {
            Some(Ok(v)) if v.code == code => v.attended_at.map(|at| (at, v.recorded_now)),
            _ => loaded,
        })
    };
    let error = Signal::derive(move || record.value().get().and_then(Result::err));
    let today = view.today.to_string();
    let code = StoredValue::new(view.code.clone());
    view! {
        <div class="check-in-card" data-code=view.code.clone()>
            <p class="check-in-who"><strong>{view.actor_name.clone()}</strong></p>
            <p>
                <a href=format!("/casting/{}/attendance", view.call_id)>
                    {move || lang().pick(&role_zh, &role_en).to_string()}
                </a>
                " · " {today}
            </p>
            {move || match done.get() {
                Some((at, now)) => {
                    let time = studio_clock(at);
                    view! {
                        <p class="check-in-done" role="status" data-now=now.to_string()>
                            "✓ " {t!(i18n, check_in_recorded, time = time.clone())}
                        </p>
                    }
                    .into_any()
                }
                None => view! {
                    <ActionForm action=record>
                        <input type="hidden" name="code" value=code.get_value() />
                        <button type="submit" class="primary" disabled=move || record.pending().get()>
                            {tr!(i18n, check_in_record)}
                        </button>
                    </ActionForm>
                    <p class="form-error" role="alert">
                        {move || error.with(|e| field_message(i18n, e.as_ref(), "pass")).or_else(|| form_error(i18n, error.get()))}
                    </p>
                }
                .into_any(),
            }}
        </div>
    }
}
