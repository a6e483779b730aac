//! Server functions for attendance, pay and unpaid-wage reports (欠薪反馈): a booked actor's
//! pass, the crew's check-in by it, the attendance and pay sheet, and reports with answers.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{AttendanceView, CheckInView, PassView, WageReportsView};
use domain::wages::WageReportForm;

#[cfg(feature = "ssr")]
use crate::{api::answer, auth::require_user};

/// The origin the browser reached this server at (`http://host:port`), from the request's
/// `Host` (or a proxy's `X-Forwarded-Host` and `X-Forwarded-Proto`).
#[cfg(feature = "ssr")]
pub(crate) fn request_origin() -> String {
    let parts = use_context::<http::request::Parts>();
    let header = |name: &str| {
        parts
            .as_ref()
            .and_then(|p| p.headers.get(name))
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(',').next().unwrap_or(v).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let host = header("x-forwarded-host").or_else(|| header("host")).unwrap_or("localhost".into());
    let scheme = header("x-forwarded-proto").unwrap_or("http".into());
    format!("{scheme}://{host}")
}

/// The logged-in actor's attendance pass for a booked application: a QR code of the link the
/// crew opens to record attendance, and the code to type.
#[server(prefix = "/api", endpoint = "work/pass")]
pub async fn load_pass(application_id: i64) -> Result<PassView, AppError> {
    answer(async {
        let user = require_user().await?;
        let prefix = format!("{}/attend?code=", request_origin());
        crate::backend::backend()?.work_pass(&user, application_id, &prefix).await
    })
    .await
}

/// A scanned or typed pass as the crew sees it, before recording anything.
#[server(prefix = "/api", endpoint = "attend")]
pub async fn load_check_in(code: String) -> Result<CheckInView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.check_in(&user, &code, false).await
    })
    .await
}

/// Records today's attendance of the pass's actor (crew of the call's production).
#[server(prefix = "/api", endpoint = "attend/record")]
pub async fn record_attendance(code: String) -> Result<CheckInView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.check_in(&user, &code, true).await
    })
    .await
}

/// A call's attendance and pay sheet.
#[server(prefix = "/api", endpoint = "call/attendance")]
pub async fn load_attendance(call_id: i64) -> Result<AttendanceView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.attendance(&user, call_id).await
    })
    .await
}

/// Sends a notice (call-time change and the like) to the actors booked on a call; answers how
/// many are booked.
#[server(prefix = "/api", endpoint = "call/notice")]
pub async fn send_call_notice(call_id: i64, body: String) -> Result<usize, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.post_notice(&user, call_id, &body).await
    })
    .await
}

/// Marks an attended day (`YYYY-MM-DD`) of a booked actor paid.
#[server(prefix = "/api", endpoint = "call/paid")]
pub async fn mark_day_paid(call_id: i64, application_id: i64, day: String) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        let day = domain::studio_time::parse_date(&day)
            .ok_or_else(|| AppError::field("day", "invalid_date"))?;
        crate::backend::backend()?.mark_paid(&user, call_id, application_id, day).await
    })
    .await
}

/// Reports unpaid wages for an attended, unpaid day (fields `form[day]`, `form[amount]`,
/// `form[note]`).
#[server(prefix = "/api", endpoint = "work/report")]
pub async fn report_unpaid_wages(
    application_id: i64,
    form: WageReportForm,
) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.report_wages(&user, application_id, &form).await
    })
    .await
}

/// The unpaid-wage reports the user reads: their production's, or every unresolved one for
/// an admin.
#[server(prefix = "/api", endpoint = "wages")]
pub async fn load_wage_reports() -> Result<WageReportsView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.wage_reports(&user).await
    })
    .await
}

/// The production's answer to a report.
#[server(prefix = "/api", endpoint = "wages/answer")]
pub async fn answer_wage_report(report_id: i64, answer: String) -> Result<(), AppError> {
    crate::api::answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.answer_wage_report(&user, report_id, &answer).await
    })
    .await
}

/// Resolves a report: its actor has been paid, or an admin settled it.
#[server(prefix = "/api", endpoint = "wages/resolve")]
pub async fn resolve_wage_report(report_id: i64) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.resolve_wage_report(&user, report_id).await
    })
    .await
}
