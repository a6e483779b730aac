//! Attendance, pay and unpaid-wage reports for the `Backend`: a booked actor's pass, the crew's
//! check-in by that pass, the attendance and pay sheet, and reports with their answers.

use std::collections::HashMap;

use app::error::AppError;
use app::models::{
    AttendanceActor, AttendanceView, CheckInView, PassView, ReportsReader, SessionUser,
    WageReportView, WageReportsView,
};
use domain::account::Role;
use domain::casting::ApplicationStatus;
use domain::wages::check_notice;
use domain::wages::{
    DayState, ReportStatus, WageReportForm, check_answer, check_wage_report, is_overdue,
    normalize_pass_code, shoot_days,
};
use qrcode::QrCode;
use qrcode::render::svg;
use time::Date;

use super::casting::production_of;
use super::{ServerBackend, now_unix, studio_today, unexpected};
use crate::storage::wages::{AttendanceRecord, Marked, Recorded, ReportRow, ReportScope, Reported};
use crate::tokens;
use app::models::CallNotice;

/// A report as its readers see it on `today`.
pub(super) fn report_view(row: ReportRow, today: Date) -> WageReportView {
    let resolved = row.resolved_at.is_some();
    WageReportView {
        report_id: row.report_id,
        call_id: row.call_id,
        production_zh: row.production_zh,
        production_en: row.production_en,
        role_zh: row.role_zh,
        role_en: row.role_en,
        actor_name: row.actor_name,
        day: row.day,
        amount: row.amount,
        note: row.note,
        reported_on: row.reported_on,
        status: ReportStatus::of(row.answer.is_some(), resolved),
        answer: row.answer,
        paid: row.paid,
        overdue: !resolved && is_overdue(row.reported_on, today),
    }
}

/// Each day's state given the attendance records of one application (`None`: not recorded;
/// `Some(paid)`).
pub(super) fn day_states(
    days: &[Date],
    records: &HashMap<Date, bool>,
    today: Date,
) -> Vec<DayState> {
    days.iter().map(|day| DayState::of(*day, today, records.get(day).copied())).collect()
}

/// Attendance records grouped by application: day → paid.
pub(super) fn by_application(records: Vec<AttendanceRecord>) -> HashMap<i64, HashMap<Date, bool>> {
    let mut grouped: HashMap<i64, HashMap<Date, bool>> = HashMap::new();
    for r in records {
        grouped.entry(r.application_id).or_default().insert(r.day, r.paid_at.is_some());
    }
    grouped
}

/// The QR code of `text` as SVG markup (no XML declaration, so it sits inside HTML).
pub(super) fn qr_svg(text: &str) -> Result<String, AppError> {
    let code = QrCode::new(text.as_bytes()).map_err(|error| {
        tracing::error!(%error, "pass QR code");
        AppError::Unexpected
    })?;
    let markup = code
        .render::<svg::Color>()
        .min_dimensions(264, 264)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    Ok(match markup.find("<svg") {
        Some(start) => markup[start..].to_string(),
        None => markup,
    })
}

impl ServerBackend {
    pub(super) async fn wages_pass(
        &self,
        user: &SessionUser,
        application_id: i64,
        url_prefix: &str,
    ) -> Result<PassView, AppError> {
        let actor_id = self.actor_id(user).await?.ok_or(AppError::Forbidden)?;
        let work = self
            .store
            .actor_work(actor_id, studio_today())
            .await
            .map_err(unexpected("actor_work"))?;
        let row = work
            .into_iter()
            .find(|w| w.application_id == application_id)
            .ok_or(AppError::NotFound)?;
        if row.status != ApplicationStatus::Booked {
            return Err(AppError::field("pass", "not_booked"));
        }
        let code = self
            .store
            .pass_code(actor_id, application_id, tokens::pass_code)
            .await
            .map_err(unexpected("pass_code"))?
            .ok_or(AppError::NotFound)?;
        let today = studio_today();
        let call = row.call.card;
        let attended_at = self
            .store
            .actor_attendance(actor_id)
            .await
            .map_err(unexpected("actor_attendance"))?
            .into_iter()
            .find(|r| r.application_id == application_id && r.day == today)
            .map(|r| r.attended_at);
        let url = format!("{url_prefix}{code}");
        Ok(PassView {
            application_id,
            name: self.actor_name(actor_id).await?,
            today,
            svg: qr_svg(&url)?,
            url,
            code,
            shooting_today: call.starts_on <= today && today <= call.ends_on,
            call,
            attended_at,
        })
    }

    async fn actor_name(&self, actor_id: i64) -> Result<String, AppError> {
        Ok(self
            .store
            .actor_name_and_switch(actor_id)
            .await
            .map_err(unexpected("actor_name"))?
            .ok_or(AppError::Unexpected)?
            .0)
    }

    pub(super) async fn wages_check_in(
        &self,
        user: &SessionUser,
        typed: &str,
        record: bool,
    ) -> Result<CheckInView, AppError> {
        if !matches!(user.role, Role::Crew | Role::Admin) {
            return Err(AppError::Forbidden);
        }
        let code =
            normalize_pass_code(typed).ok_or_else(|| AppError::field("pass", "pass_format"))?;
        let holder = self
            .store
            .pass_holder(&code)
            .await
            .map_err(unexpected("pass_holder"))?
            .ok_or_else(|| AppError::field("pass", "pass_unknown"))?;
        let call = self.call_cast_by(user, holder.call_id).await?;
        if !holder.booked() {
            return Err(AppError::field("pass", "pass_not_booked"));
        }
        let today = studio_today();
        if today < call.card.starts_on || today > call.card.ends_on {
            return Err(AppError::field("pass", "not_shooting_today"));
        }
        let (attended_at, recorded_now) = if record {
            match self
                .store
                .record_attendance(holder.application_id, today, user.account_id, now_unix())
                .await
                .map_err(unexpected("record_attendance"))?
            {
                Recorded::Done(at) => (Some(at), true),
                Recorded::Already(at) => (Some(at), false),
            }
        } else {
            let records = self
                .store
                .call_attendance(call.card.call_id)
                .await
                .map_err(unexpected("attendance"))?;
            let at = records
                .into_iter()
                .find(|r| r.application_id == holder.application_id && r.day == today)
                .map(|r| r.attended_at);
            (at, false)
        };
        Ok(CheckInView {
            code,
            call_id: call.card.call_id,
            role_zh: call.card.role_zh,
            role_en: call.card.role_en,
            actor_name: holder.name,
            today,
            attended_at,
            recorded_now,
        })
    }

    pub(super) async fn wages_attendance(
        &self,
        user: &SessionUser,
        call_id: i64,
    ) -> Result<AttendanceView, AppError> {
        let call = self.call_cast_by(user, call_id).await?;
        let today = studio_today();
        let days = shoot_days(call.card.starts_on, call.card.ends_on);
        let mut records = by_application(
            self.store.call_attendance(call_id).await.map_err(unexpected("attendance"))?,
        );
        let applicants = self.store.applicants(call_id).await.map_err(unexpected("applicants"))?;
        // Booked actors, and anyone whose attendance was recorded before the call was cancelled.
        let worked: Vec<_> = applicants
            .into_iter()
            .filter(|a| {
                a.status == ApplicationStatus::Booked || records.contains_key(&a.application_id)
            })
            .collect();
        let actors = worked
            .into_iter()
            .map(|a| {
                let recorded = records.remove(&a.application_id).unwrap_or_default();
                AttendanceActor {
                    application_id: a.application_id,
                    name: a.name,
                    phone: a.phone,
                    days: day_states(&days, &recorded, today),
                }
            })
            .collect();
        let open_reports = self
            .store
            .wage_reports(ReportScope::Production(call.production_id))
            .await
            .map_err(unexpected("wage_reports"))?
            .iter()
            .filter(|r| r.call_id == call_id && r.resolved_at.is_none())
            .count();
        let notices = self
            .store
            .call_notices(&[call_id])
            .await
            .map_err(unexpected("call_notices"))?
            .remove(&call_id)
            .unwrap_or_default()
            .into_iter()
            .map(|(body, sent_at)| CallNotice { body, sent_at })
            .collect();
        Ok(AttendanceView { card: call.card, today, days, actors, open_reports, notices })
    }

    pub(super) async fn wages_post_notice(
        &self,
        user: &SessionUser,
        call_id: i64,
        body: &str,
    ) -> Result<usize, AppError> {
        let call = self.call_cast_by(user, call_id).await?;
        let body =
            check_notice(body).map_err(|p| AppError::Invalid(AppError::field_errors(vec![p])))?;
        self.store
            .post_call_notice(call_id, &body, user.account_id, now_unix())
            .await
            .map_err(unexpected("post_call_notice"))?;
        Ok(usize::try_from(call.card.booked).unwrap_or(0))
    }

    pub(super) async fn wages_mark_paid(
        &self,
        user: &SessionUser,
        call_id: i64,
        application_id: i64,
        day: Date,
    ) -> Result<(), AppError> {
        self.call_cast_by(user, call_id).await?;
        match self
            .store
            .mark_paid(call_id, application_id, day, user.account_id, now_unix())
            .await
            .map_err(unexpected("mark_paid"))?
        {
            Marked::Done | Marked::Already => Ok(()),
            Marked::NotAttended => Err(AppError::field("day", "not_attended")),
        }
    }

    pub(super) async fn wages_report(
        &self,
        user: &SessionUser,
        application_id: i64,
        form: &WageReportForm,
    ) -> Result<(), AppError> {
        let actor_id = self.actor_id(user).await?.ok_or(AppError::Forbidden)?;
        let claim =
            check_wage_report(form).map_err(|p| AppError::Invalid(AppError::field_errors(p)))?;
        match self
            .store
            .report_wages(actor_id, application_id, &claim, studio_today(), now_unix())
            .await
            .map_err(unexpected("report_wages"))?
        {
            Reported::Done(_) => Ok(()),
            Reported::NotAttended => Err(AppError::field("day", "not_attended")),
            Reported::Paid => Err(AppError::field("day", "already_paid")),
            Reported::AlreadyOpen => Err(AppError::field("day", "already_reported")),
        }
    }

    pub(super) async fn wages_reports(
        &self,
        user: &SessionUser,
    ) -> Result<WageReportsView, AppError> {
        let (reader, scope) = match user.role {
            Role::Admin => (ReportsReader::Admin, ReportScope::Unresolved),
            _ => (ReportsReader::Production, ReportScope::Production(production_of(user)?)),
        };
        let today = studio_today();
        let rows = self.store.wage_reports(scope).await.map_err(unexpected("wage_reports"))?;
        Ok(WageReportsView {
            reader,
            reports: rows.into_iter().map(|r| report_view(r, today)).collect(),
        })
    }

    async fn report(&self, report_id: i64) -> Result<ReportRow, AppError> {
        self.store
            .wage_report(report_id)
            .await
            .map_err(unexpected("wage_report"))?
            .ok_or(AppError::NotFound)
    }

    pub(super) async fn wages_answer(
        &self,
        user: &SessionUser,
        report_id: i64,
        answer: &str,
    ) -> Result<(), AppError> {
        let production_id = production_of(user)?;
        let report = self.report(report_id).await?;
        if report.production_id != production_id {
            return Err(AppError::Forbidden);
        }
        let answer =
            check_answer(answer).map_err(|p| AppError::Invalid(AppError::field_errors(vec![p])))?;
        let answered = self
            .store
            .answer_wage_report(report_id, &answer, user.account_id, now_unix())
            .await
            .map_err(unexpected("answer_wage_report"))?;
        if answered { Ok(()) } else { Err(AppError::field("answer", "report_resolved")) }
    }

    pub(super) async fn wages_resolve(
        &self,
        user: &SessionUser,
        report_id: i64,
    ) -> Result<(), AppError> {
        let report = self.report(report_id).await?;
        let allowed = match user.role {
            Role::Admin => true,
            Role::Actor => self.actor_id(user).await? == Some(report.actor_id),
            _ => false,
        };
        if !allowed {
            return Err(AppError::Forbidden);
        }
        // Resolving twice changes nothing.
        self.store
            .resolve_wage_report(report_id, user.account_id, now_unix())
            .await
            .map_err(unexpected("resolve_wage_report"))?;
        Ok(())
    }
}
