//! Casting for the `Backend`: the public list, call pages, applications, applicants, crew
//! decisions, and posting, editing, closing and cancelling calls.

use std::collections::HashMap;
use std::sync::Arc;

use app::error::AppError;
use app::models::CallNotice;
use app::models::OwnCall;
use app::models::{
    ActorProfileView, Applicant, ApplicantsView, ApplicationState, CallCard, CallEditor, CallList,
    CallPage, CallViewer, OrgKind, PoolView, SessionUser, WageReportView, WorkItem,
};
use domain::account::Role;
use domain::casting::{
    ActorFilter, ApplicationStatus, CallFilter, CallForm, Decision, ProfileEdit, age_on,
    check_call, check_profile_edit, unmet,
};
use domain::wages::shoot_days;
use time::Date;

use super::wages::{by_application, day_states, report_view};
use super::{ServerBackend, now_unix, studio_today, unexpected};
use crate::storage::casting::{Applied, Decided, Saved, StoredCall};
use crate::storage::wages::ReportScope;

/// The production a crew account posts calls for.
pub(super) fn production_of(user: &SessionUser) -> Result<i64, AppError> {
    user.require(Role::Crew)?;
    match &user.org {
        Some(org) if org.kind == OrgKind::Production => Ok(org.id),
        _ => Err(AppError::field("production", "no_production")),
    }
}

/// The user's production, if it may publish calls and search the pool (verified by an admin).
/// Verification is read with the account, and a change to it ends the remembered sign-in, so
/// this is as fresh as a query of its own.
fn publishing_production(user: &SessionUser) -> Result<i64, AppError> {
    let production = production_of(user)?;
    if user.production_verified {
        Ok(production)
    } else {
        Err(AppError::field("production", "unverified"))
    }
}

/// Whether `user` casts for the production of `call` (its crew, or an admin).
fn casts_for(user: &SessionUser, call: &StoredCall) -> bool {
    user.role == Role::Admin
        || (user.role == Role::Crew
            && user
                .org
                .as_ref()
                .is_some_and(|o| o.kind == OrgKind::Production && o.id == call.production_id))
}

impl ServerBackend {
    async fn stored_call(&self, call_id: i64) -> Result<StoredCall, AppError> {
        self.store
            .call(call_id, studio_today())
            .await
            .map_err(unexpected("call"))?
            .ok_or(AppError::NotFound)
    }

    /// The call, if `user` casts for it; `Forbidden` otherwise.
    pub(super) async fn call_cast_by(
        &self,
        user: &SessionUser,
        call_id: i64,
    ) -> Result<StoredCall, AppError> {
        let call = self.stored_call(call_id).await?;
        if casts_for(user, &call) { Ok(call) } else { Err(AppError::Forbidden) }
    }

    pub(super) async fn actor_id(&self, user: &SessionUser) -> Result<Option<i64>, AppError> {
        user.require(Role::Actor)?;
        self.store.actor_of(user.account_id).await.map_err(unexpected("actor_of"))
    }

    /// The profile an actor account points at (it goes only with its account).
    async fn facts(&self, actor_id: i64) -> Result<domain::casting::ActorFacts, AppError> {
        self.store
            .actor_facts(actor_id)
            .await
            .map_err(unexpected("actor_facts"))?
            .ok_or(AppError::Unexpected)
    }

    pub(super) async fn casting_call_page(
        &self,
        call_id: i64,
        viewer: Option<&SessionUser>,
    ) -> Result<CallPage, AppError> {
        let call = self.stored_call(call_id).await?;
        let viewer = match viewer {
            None => CallViewer::Visitor,
            Some(user) if casts_for(user, &call) => CallViewer::Casting,
            Some(user) if user.role == Role::Actor => match self.actor_id(user).await? {
                None => CallViewer::ActorWithoutProfile,
                Some(actor_id) => {
                    let facts = self.facts(actor_id).await?;
                    let application = self
                        .store
                        .application_status(call_id, actor_id)
                        .await
                        .map_err(unexpected("application_status"))?
                        .map(|(status, reason)| ApplicationState { status, reason });
                    CallViewer::Actor { facts, application }
                }
            },
            Some(_) => CallViewer::Other,
        };
        let place_at = self
            .store
            .location_point(&call.card.location_slug)
            .await
            .map_err(unexpected("location_point"))?;
        Ok(CallPage {
            card: call.card,
            open: call.open,
            cancelled: call.cancelled,
            viewer,
            place_at,
        })
    }

    pub(super) async fn casting_apply(
        &self,
        user: &SessionUser,
        call_id: i64,
    ) -> Result<ApplicationState, AppError> {
        let actor_id = self.actor_id(user).await?.ok_or(AppError::Forbidden)?;
        let call = self.stored_call(call_id).await?;
        let facts = self.facts(actor_id).await?;
        let missed = unmet(&call.card.requirements, &facts, call.card.starts_on);
        if !missed.is_empty() {
            return Err(AppError::Ineligible(missed));
        }
        let outcome = self
            .store
            .apply(call_id, actor_id, studio_today(), now_unix())
            .await
            .map_err(unexpected("apply"))?;
        match outcome {
            Applied::Done(_) => {
                Ok(ApplicationState { status: ApplicationStatus::Applied, reason: None })
            }
            Applied::Already => Err(AppError::field("call", "already_applied")),
            Applied::Closed => Err(AppError::field("call", "call_closed")),
            Applied::NoSuchCall => Err(AppError::NotFound),
        }
    }

    pub(super) async fn casting_own_calls(
        &self,
        user: &SessionUser,
    ) -> Result<Vec<OwnCall>, AppError> {
        let production = production_of(user)?;
        let calls = self
            .store
            .production_calls(production, studio_today())
            .await
            .map_err(unexpected("production_calls"))?;
        let ids: Vec<i64> = calls.iter().map(|c| c.card.call_id).collect();
        let counts =
            self.store.application_counts(&ids).await.map_err(unexpected("application_counts"))?;
        Ok(calls
            .into_iter()
            .map(|c| {
                let (waiting, applications) =
                    counts.get(&c.card.call_id).copied().unwrap_or_default();
                OwnCall {
                    card: c.card,
                    open: c.open,
                    cancelled: c.cancelled,
                    waiting,
                    applications,
                }
            })
            .collect())
    }

    pub(super) async fn casting_work(&self, user: &SessionUser) -> Result<Vec<WorkItem>, AppError> {
        let Some(actor_id) = self.actor_id(user).await? else {
            return Ok(Vec::new());
        };
        let today = studio_today();
        let rows =
            self.store.actor_work(actor_id, today).await.map_err(unexpected("actor_work"))?;
        let mut attended = by_application(
            self.store.actor_attendance(actor_id).await.map_err(unexpected("attendance"))?,
        );
        let booked_calls: Vec<i64> = rows
            .iter()
            .filter(|r| r.status == ApplicationStatus::Booked)
            .map(|r| r.call.card.call_id)
            .collect();
        let mut notices =
            self.store.call_notices(&booked_calls).await.map_err(unexpected("call_notices"))?;
        let mut reports: HashMap<i64, Vec<WageReportView>> = HashMap::new();
        for row in self
            .store
            .wage_reports(ReportScope::Actor(actor_id))
            .await
            .map_err(unexpected("wage_reports"))?
        {
            reports.entry(row.application_id).or_default().push(report_view(row, today));
        }
        Ok(rows
            .into_iter()
            .map(|row| {
                let recorded = attended.remove(&row.application_id).unwrap_or_default();
                // A booked actor sees every shooting day; after a cancellation, the days they
                // worked stay (they may still be owed for them).
                let days: Vec<Date> = if row.status == ApplicationStatus::Booked {
                    shoot_days(row.call.card.starts_on, row.call.card.ends_on)
                } else {
                    let mut days: Vec<Date> = recorded.keys().copied().collect();
                    days.sort();
                    days
                };
                let states = day_states(&days, &recorded, today);
                let call_notices = notices.remove(&row.call.card.call_id).unwrap_or_default();
                WorkItem {
                    application_id: row.application_id,
                    call: row.call.card,
                    state: ApplicationState { status: row.status, reason: row.reason },
                    applied_at: row.applied_at,
                    days: days.into_iter().zip(states).collect(),
                    reports: reports.remove(&row.application_id).unwrap_or_default(),
                    notices: call_notices
                        .into_iter()
                        .map(|(body, sent_at)| CallNotice { body, sent_at })
                        .collect(),
                }
            })
            .collect())
    }

    pub(super) async fn casting_applicants(
        &self,
        user: &SessionUser,
        call_id: i64,
        filter: &ActorFilter,
    ) -> Result<ApplicantsView, AppError> {
        let call = self.call_cast_by(user, call_id).await?;
        let rows = self.store.applicants(call_id).await.map_err(unexpected("applicants"))?;
        let total = rows.len();
        let first_day = call.card.starts_on;
        let passing: Vec<_> = rows
            .into_iter()
            .map(|r| (age_on(r.facts.birth_date, first_day), r))
            .filter(|(age, r)| filter.admits(&r.facts, *age))
            .collect();
        let by_status = ApplicationStatus::ALL
            .iter()
            .map(|s| (*s, passing.iter().filter(|(_, r)| r.status == *s).count()))
            .collect();
        let shown: Vec<_> =
            passing.iter().filter(|(_, r)| filter.status.is_none_or(|s| s == r.status)).collect();
        let mut looks =
            self.look_views(&shown.iter().map(|(_, r)| r.actor_id).collect::<Vec<_>>()).await?;
        let applicants = passing
            .into_iter()
            .filter(|(_, r)| filter.status.is_none_or(|s| s == r.status))
            .map(|(age, r)| Applicant {
                look: looks.remove(&r.actor_id),
                application_id: r.application_id,
                name: r.name,
                gender: r.facts.gender,
                age,
                height_cm: r.facts.height_cm,
                weight_kg: r.facts.weight_kg,
                skills: r.facts.skills,
                phone: (r.status == ApplicationStatus::Booked).then_some(r.phone).flatten(),
                state: ApplicationState { status: r.status, reason: r.reason },
                applied_at: r.applied_at,
            })
            .collect();
        Ok(ApplicantsView {
            card: call.card,
            open: call.open,
            cancelled: call.cancelled,
            total,
            by_status,
            applicants,
        })
    }

    pub(super) async fn casting_decide(
        &self,
        user: &SessionUser,
        call_id: i64,
        application_id: i64,
        decision: Decision,
    ) -> Result<(), AppError> {
        self.call_cast_by(user, call_id).await?;
        let outcome = self
            .store
            .decide(call_id, application_id, decision, now_unix())
            .await
            .map_err(unexpected("decide"))?;
        match outcome {
            Decided::Done { .. } => Ok(()),
            Decided::Full { .. } => Err(AppError::field("decision", "call_full")),
            Decided::NotAllowed(_) => Err(AppError::field("decision", "already_decided")),
            Decided::NotFound => Err(AppError::NotFound),
        }
    }

    pub(super) async fn casting_close(
        &self,
        user: &SessionUser,
        call_id: i64,
    ) -> Result<(), AppError> {
        self.call_cast_by(user, call_id).await?;
        self.store.close_call(call_id, now_unix()).await.map_err(unexpected("close_call"))?;
        Ok(())
    }

    pub(super) async fn casting_open_calls(
        &self,
        filter: &CallFilter,
        page: u32,
    ) -> Result<CallList, AppError> {
        let kept = self
            .open_calls
            .open_calls(&self.store, studio_today())
            .await
            .map_err(unexpected("open_calls"))?;
        let calls = &kept.calls;
        let open = calls.len();
        let matching: Vec<&CallCard> = calls.iter().filter(|c| filter.admits(c.facts())).collect();
        let per_page = domain::casting::CALLS_PAGE;
        let pages = domain::page_count(matching.len(), per_page);
        let page = page.clamp(1, pages);
        let matched = matching.len();
        let skipped = usize::try_from(page - 1).unwrap_or(usize::MAX).saturating_mul(per_page);
        let calls = matching.into_iter().skip(skipped).take(per_page).cloned().collect();
        Ok(CallList {
            calls,
            matched,
            page,
            pages,
            open,
            places: kept.places.clone(),
            can_post: false,
        })
    }

    pub(super) async fn casting_cancel(
        &self,
        user: &SessionUser,
        call_id: i64,
    ) -> Result<(), AppError> {
        self.call_cast_by(user, call_id).await?;
        self.store.cancel_call(call_id, now_unix()).await.map_err(unexpected("cancel_call"))?;
        Ok(())
    }

    pub(super) async fn casting_editor(
        &self,
        user: &SessionUser,
        call_id: Option<i64>,
    ) -> Result<CallEditor, AppError> {
        let places = self.store.place_options().await.map_err(unexpected("place_options"))?;
        match call_id {
            Some(id) => {
                let call = self.call_cast_by(user, id).await?;
                Ok(CallEditor {
                    call_id: Some(id),
                    production_zh: call.card.production_zh.clone(),
                    production_en: call.card.production_en.clone(),
                    form: CallForm::from_draft(&call.card.draft()),
                    places,
                    booked: call.card.booked,
                })
            }
            None => {
                publishing_production(user)?;
                let org = user.org.as_ref().ok_or(AppError::Forbidden)?;
                Ok(CallEditor {
                    call_id: None,
                    production_zh: org.name_zh.clone(),
                    production_en: org.name_en.clone(),
                    form: CallForm::default(),
                    places,
                    booked: 0,
                })
            }
        }
    }

    pub(super) async fn casting_save(
        &self,
        user: &SessionUser,
        call_id: Option<i64>,
        form: &CallForm,
    ) -> Result<i64, AppError> {
        // Who may write comes first: a stranger learns nothing from the form's errors.
        let production = match call_id {
            Some(id) => {
                self.call_cast_by(user, id).await?;
                None
            }
            None => Some(publishing_production(user)?),
        };
        let draft = check_call(form, studio_today())
            .map_err(|problems| AppError::Invalid(AppError::field_errors(problems)))?;
        let saved = match (call_id, production) {
            (Some(id), _) => self.store.update_call(id, &draft, now_unix()).await,
            (None, Some(production)) => self.store.create_call(production, &draft).await,
            (None, None) => return Err(AppError::Forbidden),
        }
        .map_err(unexpected("save_call"))?;
        match saved {
            Saved::Done(id) => Ok(id),
            Saved::NoSuchPlace => Err(AppError::field("location", "invalid")),
            Saved::NotOpen => Err(AppError::field("call", "call_closed")),
            Saved::BelowBooked { .. } => Err(AppError::field("needed", "below_booked")),
            Saved::NoSuchCall => Err(AppError::NotFound),
        }
    }

    pub(super) async fn casting_profile(
        &self,
        user: &SessionUser,
    ) -> Result<ActorProfileView, AppError> {
        let actor_id = self.actor_id(user).await?.ok_or(AppError::NotFound)?;
        let (name, discoverable) = self
            .store
            .actor_name_and_switch(actor_id)
            .await
            .map_err(unexpected("actor_name_and_switch"))?
            .ok_or(AppError::NotFound)?;
        let facts = self.facts(actor_id).await?;
        let age = age_on(facts.birth_date, studio_today());
        let look = self.look_views(&[actor_id]).await?.remove(&actor_id);
        Ok(ActorProfileView { name, facts, age, discoverable, look })
    }

    pub(super) async fn casting_save_profile(
        &self,
        user: &SessionUser,
        edit: &ProfileEdit,
    ) -> Result<ActorProfileView, AppError> {
        let actor_id = self.actor_id(user).await?.ok_or(AppError::NotFound)?;
        let change = check_profile_edit(edit)
            .map_err(|problems| AppError::Invalid(AppError::field_errors(problems)))?;
        self.store
            .update_actor_profile(actor_id, &change)
            .await
            .map_err(unexpected("update_actor_profile"))?;
        self.casting_profile(user).await
    }

    pub(super) async fn casting_pool(
        &self,
        user: &SessionUser,
        filter: &ActorFilter,
        page: u32,
    ) -> Result<PoolView, AppError> {
        if user.role != Role::Admin {
            publishing_production(user).map_err(|error| match error {
                AppError::Invalid(_) => AppError::Forbidden,
                other => other,
            })?;
        }
        let per_page = domain::casting::POOL_PAGE as i64;
        let today = studio_today();
        let offset = i64::from(page.saturating_sub(1)) * per_page;
        let index = self.pool.index(&self.store).await.map_err(unexpected("actor pool"))?;
        if let Some(kept) = index.kept(filter, page, today) {
            return Ok(PoolView::clone(&kept));
        }
        let hits = index.search(
            filter,
            today,
            domain::casting::POOL_PAGE,
            usize::try_from(offset).unwrap_or(usize::MAX),
        );
        let pages = domain::page_count(
            usize::try_from(hits.total).unwrap_or(0),
            domain::casting::POOL_PAGE,
        );
        let answer = PoolView {
            actors: index.actors(&hits.ids, today),
            total: hits.total,
            by_gender: hits.by_gender,
            by_skill: hits.by_skill,
            page,
            pages,
        };
        index.keep(filter, page, today, Arc::new(answer.clone()));
        Ok(answer)
    }
}
