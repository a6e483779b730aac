//! Server functions for casting: a call's page, applying to it, an actor's applications, and a
//! crew's applicants and decisions, and posting, editing, closing and cancelling calls.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::OwnCall;
use crate::models::{
    ActorProfileView, ApplicantsView, ApplicationState, CallEditor, CallPage, PoolView, WorkItem,
};
use domain::casting::{CallForm, ProfileEdit};

#[cfg(feature = "ssr")]
use crate::{api::answer, auth::require_user};

/// A call's page, with what the viewer may do there (apply, see applicants).
#[server(prefix = "/api", endpoint = "call")]
pub async fn load_call(call_id: i64) -> Result<CallPage, AppError> {
    answer(async {
        let viewer = crate::auth::session_account().await?;
        crate::backend::backend()?.call_page(call_id, viewer.as_ref()).await
    })
    .await
}

/// Applies the logged-in actor to a call in one tap; refused with every unmet requirement.
#[server(prefix = "/api", endpoint = "call/apply")]
pub async fn apply_to_call(call_id: i64) -> Result<ApplicationState, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.apply(&user, call_id).await
    })
    .await
}

/// The logged-in actor's applications, newest first.
#[server(prefix = "/api", endpoint = "work")]
pub async fn my_work() -> Result<Vec<WorkItem>, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.my_work(&user).await
    })
    .await
}

/// A call's applicants narrowed by `query` (the applicants page's query string).
#[server(prefix = "/api", endpoint = "call/applicants")]
pub async fn load_applicants(
    call_id: i64,
    #[server(default)] query: String,
) -> Result<ApplicantsView, AppError> {
    answer(async {
        let user = require_user().await?;
        let filter = domain::casting::ActorFilter::from_query(&query);
        crate::backend::backend()?.applicants(&user, call_id, &filter).await
    })
    .await
}

/// Shortlists, books or releases an application (`decision`: `shortlist`, `book`, `release`).
#[server(prefix = "/api", endpoint = "call/decide")]
pub async fn decide_application(
    call_id: i64,
    application_id: i64,
    decision: String,
) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        let decision = domain::casting::Decision::parse(&decision)
            .ok_or_else(|| AppError::field("decision", "invalid"))?;
        crate::backend::backend()?.decide(&user, call_id, application_id, decision).await
    })
    .await
}

/// Closes a call to applications; everyone not booked is released.
#[server(prefix = "/api", endpoint = "call/close")]
pub async fn close_casting_call(call_id: i64) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.close_call(&user, call_id).await
    })
    .await
}

/// Cancels a call; everyone who applied, booked actors too, is released and told so.
#[server(prefix = "/api", endpoint = "call/cancel")]
pub async fn cancel_casting_call(call_id: i64) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.cancel_call(&user, call_id).await
    })
    .await
}

/// The form for a new call (no `call_id`) or for editing one.
#[server(prefix = "/api", endpoint = "call/editor")]
pub async fn load_call_editor(
    #[server(default)] call_id: Option<i64>,
) -> Result<CallEditor, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.call_editor(&user, call_id).await
    })
    .await
}

/// Posts a new call (no `call_id`) or saves an open call's new terms; the call's id. The form's
/// fields are named `form[role_zh]`, `form[skills][]` and so on.
#[server(prefix = "/api", endpoint = "call/save")]
pub async fn save_casting_call(
    #[server(default)] call_id: Option<i64>,
    form: CallForm,
) -> Result<i64, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.save_call(&user, call_id, &form).await
    })
    .await
}

/// Every call of the logged-in crew member's production, open, closed or cancelled.
#[server(prefix = "/api", endpoint = "calls/ours")]
pub async fn our_calls() -> Result<Vec<OwnCall>, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.own_calls(&user).await
    })
    .await
}

/// The logged-in actor's own profile.
#[server(prefix = "/api", endpoint = "profile")]
pub async fn load_my_profile() -> Result<ActorProfileView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.my_profile(&user).await
    })
    .await
}

/// Saves the logged-in actor's measures, skills and languages, and search switch (fields
/// `edit[height_cm]`, `edit[skills][]`, `edit[discoverable]`).
#[server(prefix = "/api", endpoint = "profile/save")]
pub async fn save_my_profile(edit: ProfileEdit) -> Result<ActorProfileView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.save_profile(&user, &edit).await
    })
    .await
}

/// Discoverable actors narrowed by `query` (the pool page's query string: gender, age, height,
/// weight, skills, page), with counts; for crews of verified productions and admins.
#[server(prefix = "/api", endpoint = "actors")]
pub async fn search_actor_pool(#[server(default)] query: String) -> Result<PoolView, AppError> {
    answer(async {
        let user = require_user().await?;
        let filter = domain::casting::ActorFilter::from_query(&query);
        let page = domain::casting::page_of(&query);
        crate::backend::backend()?.actor_pool(&user, &filter, page).await
    })
    .await
}
