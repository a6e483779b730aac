//! `/casting/{id}/attendance`: the crew's attendance and pay sheet for a call — each booked
//! actor's shooting days (recorded by scanning their pass, or by typing its code), and "paid"
//! marks for attended days.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::AttendanceView;
use crate::pages::account::send_to_login;
use crate::pages::login::form_error;
use crate::pages::work::NoticeItem;
use crate::pages::work::day_state_label;
use crate::wages::{MarkDayPaid, SendCallNotice, load_attendance};
use domain::wages::DayState;

#[component]
pub fn AttendancePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let paid = ServerAction::<MarkDayPaid>::new();
    let notice = ServerAction::<SendCallNotice>::new();
    let id =
        move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0));
    let sheet = fetched(
        move || (id(), paid.version().get(), notice.version().get()),
        |(id, _, _)| load_attendance(id),
    );
    view! {
        <section class="attendance">
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match sheet.await {
                        Ok(view) => view! { <Sheet view paid notice /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login(&format!("/casting/{}/attendance", id())),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Sheet(
    view: AttendanceView,
    paid: ServerAction<MarkDayPaid>,
    notice: ServerAction<SendCallNotice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let card = view.card;
    let id = card.call_id;
    let (role_zh, role_en) = (card.role_zh.clone(), card.role_en.clone());
    let title = move || lang().pick(&role_zh, &role_en).to_string();
    let error = Signal::derive(move || paid.value().get().and_then(Result::err));
    let days = view.days.clone();
    let today = view.today;
    let open_reports = view.open_reports;
    let empty = view.actors.is_empty();
    let notices = view.notices.clone();
    // Open when notices were sent already, so the crew sees what its actors were told.
    let has_notices = !notices.is_empty();
    let notice_error = Signal::derive(move || notice.value().get().and_then(Result::err));
    let sent = Signal::derive(move || notice.value().get().and_then(Result::ok));
    view! {
        <p class="breadcrumb">
            <a href="/casting">{tr!(i18n, casting_title)}</a> " › "
            <a href=format!("/casting/{id}")>{title.clone()}</a> " › "
            <a href=format!("/casting/{id}/applicants")>{tr!(i18n, applicants_title)}</a>
        </p>
        <h1>{tr!(i18n, attendance_title)} " · " {title}</h1>
        <form method="get" action="/attend" class="check-in-form">
            <label>
                {tr!(i18n, check_in_code)}
                <input name="code" autocomplete="off" autocapitalize="characters" placeholder="P-XXXXX-XXXXX" required />
            </label>
            <button type="submit">{tr!(i18n, check_in_find)}</button>
        </form>
        <p class="hint">{tr!(i18n, attendance_hint)}</p>
        <p>
            <a
                class="button"
                href=move || format!("/casting/{id}/booked.csv?lang={}", lang().code())
                download
                rel="external"
            >
                {tr!(i18n, attendance_csv)}
            </a>
        </p>
        {(open_reports > 0).then(|| view! {
            <p class="notice wage-notice" role="status">
                <a href="/wages">{t!(i18n, attendance_open_reports, count = open_reports)}</a>
            </p>
        })}
        <p class="form-error" role="alert">
            {move || error.with(|e| field_message(i18n, e.as_ref(), "day")).or_else(|| form_error(i18n, error.get()))}
        </p>
        <details class="send-notice" open=has_notices>
            <summary>{tr!(i18n, notice_send_title)}</summary>
            <ActionForm action=notice attr:class="answer-form">
                <input type="hidden" name="call_id" value=id />
                <label>
                    {tr!(i18n, notice_body)}
                    <textarea name="body" rows="3" required maxlength=domain::wages::NOTICE_CHARS></textarea>
                </label>
                <button type="submit" disabled=move || notice.pending().get()>{tr!(i18n, notice_send)}</button>
                <p class="form-error" role="alert">
                    {move || notice_error.with(|e| field_message(i18n, e.as_ref(), "body")).or_else(|| form_error(i18n, notice_error.get()))}
                </p>
                <p class="form-ok" role="status">{move || sent.get().map(|n| view! { {t!(i18n, notice_sent, count = n)} })}</p>
            </ActionForm>
            <ul class="notices">
                {notices.into_iter().map(|n| view! { <NoticeItem notice=n /> }).collect_view()}
            </ul>
        </details>
        {if empty {
            view! { <p class="empty">{tr!(i18n, attendance_empty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll"><table class="data-table attendance-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, col_name)}</th>
                            <th scope="col">{tr!(i18n, col_phone)}</th>
                            {days
                                .iter()
                                .map(|d| {
                                    let label = format!("{:02}-{:02}", u8::from(d.month()), d.day());
                                    let class = (*d == today).then_some("today");
                                    view! { <th scope="col" class=class data-day=d.to_string()>{label}</th> }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {view
                            .actors
                            .into_iter()
                            .map(|actor| {
                                let application_id = actor.application_id;
                                let cells = days
                                    .iter()
                                    .zip(actor.days)
                                    .map(|(day, state)| {
                                        let day = *day;
                                        view! {
                                            <td data-day=day.to_string() data-state=state.code()>
                                                <span class=format!("day-state day-{}", state.code())>{move || day_state_label(i18n, state)}</span>
                                                {(state == DayState::Unpaid).then(|| view! {
                                                    <ActionForm action=paid attr:class="inline-form">
                                                        <input type="hidden" name="call_id" value=id />
                                                        <input type="hidden" name="application_id" value=application_id />
                                                        <input type="hidden" name="day" value=day.to_string() />
                                                        <button type="submit" class="small" disabled=move || paid.pending().get()>
                                                            {tr!(i18n, attendance_mark_paid)}
                                                        </button>
                                                    </ActionForm>
                                                })}
                                            </td>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <tr data-application=application_id>
                                        <th scope="row">{actor.name}</th>
                                        <td>{actor.phone.unwrap_or_default()}</td>
                                        {cells}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table></div>
            }
            .into_any()
        }}
    }
}
