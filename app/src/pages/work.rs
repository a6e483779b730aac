//! `/work`: an actor's applications ("my work") — applied, shortlisted, booked, or released
//! with the reason: every applicant gets an answer. A booked actor also sees each shooting
//! day (with today's attendance pass), reports unpaid wages for an attended, unpaid day, and
//! follows the production's answers.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::casting::my_work;
use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{CallNotice, WageReportView, WorkItem};
use crate::pages::account::send_to_login;
use crate::pages::call::{state_text, status_label};
use crate::pages::login::form_error;
use crate::wages::{ReportUnpaidWages, ResolveWageReport};
use domain::wages::{DayState, ReportStatus};

use crate::text::I18n;

#[component]
pub fn WorkPage() -> impl IntoView {
    let i18n = use_i18n();
    let report = ServerAction::<ReportUnpaidWages>::new();
    let resolve = ServerAction::<ResolveWageReport>::new();
    let work = fetched(move || (report.version().get(), resolve.version().get()), |_| my_work());
    let error = Signal::derive(move || {
        report
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| resolve.value().get().and_then(Result::err))
    });
    view! {
        <section class="work">
            <h1>{tr!(i18n, work_title)}</h1>
            <p class="form-error" role="alert">
                {move || {
                    error.with(|e| {
                        ["day", "amount", "note"]
                            .into_iter()
                            .find_map(|field| field_message(i18n, e.as_ref(), field))
                    })
                    .or_else(|| form_error(i18n, error.get()))
                }}
            </p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match work.await {
                        Ok(items) if items.is_empty() => view! {
                            <p class="empty">{tr!(i18n, work_empty)} " " <a href="/casting">{tr!(i18n, casting_title)}</a></p>
                        }
                        .into_any(),
                        Ok(items) => view! {
                            <ul class="work-list">
                                {items.into_iter().map(|item| view! { <WorkRow item report resolve /> }).collect_view()}
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
fn WorkRow(
    item: WorkItem,
    report: ServerAction<ReportUnpaidWages>,
    resolve: ServerAction<ResolveWageReport>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let call = item.call;
    let state = item.state;
    let start = call.starts_on.to_string();
    let end = call.ends_on.to_string();
    let application_id = item.application_id;
    let pay = call.pay_per_day.display_cny();
    // Days with a report still open cannot be reported again.
    let reported: Vec<time::Date> =
        item.reports.iter().filter(|r| r.status != ReportStatus::Resolved).map(|r| r.day).collect();
    let days = item.days;
    let reports = item.reports;
    let notices = item.notices;
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
            {(!notices.is_empty()).then(|| view! {
                <h3>{tr!(i18n, crew_notices_title)}</h3>
                <ul class="notices">
                    {notices.into_iter().map(|n| view! { <NoticeItem notice=n /> }).collect_view()}
                </ul>
            })}
            {(!days.is_empty()).then(|| view! {
                <h3>{tr!(i18n, work_days)}</h3>
                <ul class="work-days">
                    {days
                        .into_iter()
                        .map(|(day, day_state)| {
                            let can_report = day_state.reportable() && !reported.contains(&day);
                            let pay = pay.clone();
                            view! {
                                <li data-day=day.to_string() data-state=day_state.code()>
                                    <span class="day">{day.to_string()}</span>
                                    " · "
                                    <span class=format!("day-state day-{}", day_state.code())>{move || day_state_label(i18n, day_state)}</span>
                                    {(day_state == DayState::Today).then(|| view! {
                                        " "
                                        <a class="button" href=format!("/work/{application_id}/pass")>{tr!(i18n, work_show_pass)}</a>
                                    })}
                                    {can_report.then(|| view! {
                                        <details class="report-wages">
                                            <summary>{tr!(i18n, report_unpaid)}</summary>
                                            <ActionForm action=report>
                                                <input type="hidden" name="application_id" value=application_id />
                                                <input type="hidden" name="form[day]" value=day.to_string() />
                                                <label>
                                                    {tr!(i18n, report_amount)}
                                                    <input name="form[amount]" value=pay required inputmode="decimal" />
                                                </label>
                                                <label>
                                                    {tr!(i18n, report_note)}
                                                    <textarea name="form[note]" rows="3" maxlength=domain::wages::NOTE_CHARS></textarea>
                                                </label>
                                                <p class="hint">{tr!(i18n, report_hint)}</p>
                                                <button type="submit" disabled=move || report.pending().get()>{tr!(i18n, report_submit)}</button>
                                            </ActionForm>
                                        </details>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            })}
            {(!reports.is_empty()).then(|| view! {
                <h3>{tr!(i18n, my_reports)}</h3>
                <ul class="wage-reports">
                    {reports.into_iter().map(|r| view! { <OwnReport report=r resolve /> }).collect_view()}
                </ul>
            })}
        </li>
    }
}

/// One of the actor's own reports, with the production's answer and, until resolved, the
/// actor's "I have been paid".
#[component]
fn OwnReport(report: WageReportView, resolve: ServerAction<ResolveWageReport>) -> impl IntoView {
    let i18n = use_i18n();
    let day = report.day.to_string();
    let amount = report.amount.display_cny();
    let status = report.status;
    let answer = report.answer.clone();
    view! {
        <li class="wage-report" data-day=day.clone() data-status=status.code()>
            <p>
                {t!(i18n, report_line, day = day.clone(), amount = amount.clone())}
                " "
                <span class=format!("status report-{}", status.code())>{move || report_status_label(i18n, status)}</span>
            </p>
            {(!report.note.is_empty()).then(|| view! { <p class="report-note">{report.note.clone()}</p> })}
            {answer.map(|a| view! { <blockquote class="report-answer"><p>{tr!(i18n, report_answer_from)}</p><p>{a}</p></blockquote> })}
            {report.paid.then(|| view! { <p class="hint">{tr!(i18n, report_marked_paid)}</p> })}
            {(status != ReportStatus::Resolved).then(|| view! {
                <ActionForm action=resolve attr:class="inline-form">
                    <input type="hidden" name="report_id" value=report.report_id />
                    <button type="submit" disabled=move || resolve.pending().get()>{tr!(i18n, report_resolve_paid)}</button>
                </ActionForm>
            })}
        </li>
    }
}

/// A notice from a call's crew, with when it was sent.
#[component]
pub(crate) fn NoticeItem(notice: CallNotice) -> impl IntoView {
    let when = domain::studio_datetime(notice.sent_at);
    view! {
        <li class="notice call-notice">
            <time>{when}</time>
            <p>{notice.body}</p>
        </li>
    }
}

/// The label of a shooting day's state.
pub(crate) fn day_state_label(i18n: I18n, state: DayState) -> String {
    match state {
        DayState::Upcoming => t_string!(i18n, day_upcoming),
        DayState::Today => t_string!(i18n, day_today),
        DayState::NotRecorded => t_string!(i18n, day_not_recorded),
        DayState::Unpaid => t_string!(i18n, day_unpaid),
        DayState::Paid => t_string!(i18n, day_paid),
    }
    .to_string()
}

/// The label of a report's status.
pub(crate) fn report_status_label(i18n: I18n, status: ReportStatus) -> String {
    match status {
        ReportStatus::Open => t_string!(i18n, report_open),
        ReportStatus::Answered => t_string!(i18n, report_answered),
        ReportStatus::Resolved => t_string!(i18n, report_resolved),
    }
    .to_string()
}
