//! `/wages`: unpaid-wage reports (欠薪反馈). A production's crew sees every report on its
//! calls and answers them; an admin sees every unresolved report and settles it. Reports
//! unresolved for more than fourteen days are marked, and put a warning on the production's
//! calls.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{ReportsReader, WageReportView, WageReportsView};
use crate::pages::account::send_to_login;
use crate::pages::login::form_error;
use crate::pages::work::report_status_label;
use crate::wages::{AnswerWageReport, ResolveWageReport, load_wage_reports};
use domain::wages::ReportStatus;

#[component]
pub fn WagesPage() -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerWageReport>::new();
    let resolve = ServerAction::<ResolveWageReport>::new();
    let reports =
        fetched(move || (answer.version().get(), resolve.version().get()), |_| load_wage_reports());
    let error = Signal::derive(move || {
        answer
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| resolve.value().get().and_then(Result::err))
    });
    view! {
        <section class="wages">
            <h1>{tr!(i18n, wages_title)}</h1>
            <p class="form-error" role="alert">
                {move || error.with(|e| field_message(i18n, e.as_ref(), "answer")).or_else(|| form_error(i18n, error.get()))}
            </p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match reports.await {
                        Ok(view) => view! { <ReportList view answer resolve /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/wages"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ReportList(
    view: WageReportsView,
    answer: ServerAction<AnswerWageReport>,
    resolve: ServerAction<ResolveWageReport>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reader = view.reader;
    let intro = move || match reader {
        ReportsReader::Production => t_string!(i18n, wages_intro_crew),
        ReportsReader::Admin => t_string!(i18n, wages_intro_admin),
    };
    let unresolved = view.reports.iter().filter(|r| r.status != ReportStatus::Resolved).count();
    view! {
        <p class="hint">{intro}</p>
        <p class="result-count">{t!(i18n, wages_count, open = unresolved, total = view.reports.len())}</p>
        {if view.reports.is_empty() {
            view! { <p class="empty">{tr!(i18n, wages_empty)}</p> }.into_any()
        } else {
            view! {
                <ul class="wage-reports report-list">
                    {view
                        .reports
                        .into_iter()
                        .map(|report| view! { <ReportCard report reader answer resolve /> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

#[component]
fn ReportCard(
    report: WageReportView,
    reader: ReportsReader,
    answer: ServerAction<AnswerWageReport>,
    resolve: ServerAction<ResolveWageReport>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let status = report.status;
    let day = report.day.to_string();
    let amount = report.amount.display_cny();
    let reported_on = report.reported_on.to_string();
    let (role_zh, role_en) = (report.role_zh.clone(), report.role_en.clone());
    let (prod_zh, prod_en) = (report.production_zh.clone(), report.production_en.clone());
    let open = status != ReportStatus::Resolved;
    let previous = report.answer.clone().unwrap_or_default();
    view! {
        <li class="wage-report" data-report=report.report_id data-status=status.code() data-overdue=report.overdue.to_string()>
            <h2>
                {report.actor_name.clone()} " · "
                <a href=format!("/casting/{}/attendance", report.call_id)>{move || lang().pick(&role_zh, &role_en).to_string()}</a>
            </h2>
            {(reader == ReportsReader::Admin).then(|| view! {
                <p class="call-production">{move || lang().pick(&prod_zh, &prod_en).to_string()}</p>
            })}
            <p>
                {t!(i18n, report_line, day = day.clone(), amount = amount.clone())}
                " "
                <span class=format!("status report-{}", status.code())>{move || report_status_label(i18n, status)}</span>
                {report.overdue.then(|| view! { " " <span class="badge badge-warning">{tr!(i18n, report_overdue)}</span> })}
            </p>
            <p class="hint">{t!(i18n, report_filed_on, date = reported_on.clone())}</p>
            {(!report.note.is_empty()).then(|| view! { <p class="report-note">{report.note.clone()}</p> })}
            {report.paid.then(|| view! { <p class="hint">{tr!(i18n, report_marked_paid)}</p> })}
            {report.answer.clone().map(|a| view! { <blockquote class="report-answer"><p>{tr!(i18n, report_answer_from)}</p><p>{a}</p></blockquote> })}
            {(open && reader == ReportsReader::Production).then(|| view! {
                <ActionForm action=answer attr:class="answer-form">
                    <input type="hidden" name="report_id" value=report.report_id />
                    <label>
                        {tr!(i18n, report_your_answer)}
                        <textarea name="answer" rows="3" required maxlength=domain::wages::ANSWER_CHARS>{previous.clone()}</textarea>
                    </label>
                    <button type="submit" disabled=move || answer.pending().get()>{tr!(i18n, report_send_answer)}</button>
                </ActionForm>
            })}
            {(open && reader == ReportsReader::Admin).then(|| view! {
                <ActionForm action=resolve attr:class="inline-form">
                    <input type="hidden" name="report_id" value=report.report_id />
                    <button type="submit" disabled=move || resolve.pending().get()>{tr!(i18n, report_settle)}</button>
                </ActionForm>
            })}
        </li>
    }
}
