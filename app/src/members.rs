//! Server functions for who belongs where: the admin's account list, attaching crew and
//! supplier accounts to productions and suppliers, verifying and creating productions, and
//! invitation links. Every write checks the caller's role here, on the server; the backend
//! writes each admin action to the audit log.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{AdminView, InvitationView, NewInvitation};

#[cfg(feature = "ssr")]
use {crate::api::answer, crate::auth::require_user, domain::account::Role};

/// The logged-in admin's account id, or `Unauthorized` / `Forbidden`.
#[cfg(feature = "ssr")]
async fn require_admin() -> Result<i64, AppError> {
    let user = require_user().await?;
    user.require(Role::Admin)?;
    Ok(user.account_id)
}

/// Reads an `OrgRef` form value (`production:3`), or an `Invalid` error on `org`.
#[cfg(feature = "ssr")]
fn org_ref(value: &str) -> Result<crate::models::OrgRef, AppError> {
    crate::models::OrgRef::parse(value).ok_or_else(|| AppError::field("org", "invalid"))
}

/// Accounts matching a filter (text in login or name, role, only unattached), productions,
/// suppliers and the newest audit lines. Admins only: it shows logins.
#[server(prefix = "/api", endpoint = "admin/overview")]
pub async fn admin_overview(
    #[server(default)] q: String,
    #[server(default)] role: String,
    #[server(default)] unattached: bool,
) -> Result<AdminView, AppError> {
    answer(async {
        require_admin().await?;
        let role = match role.as_str() {
            "" => None,
            code => Some(Role::parse(code).ok_or_else(|| AppError::field("role", "invalid"))?),
        };
        let query = crate::backend::AccountQuery { text: q, role, unattached };
        crate::backend::backend()?.admin_view(query).await
    })
    .await
}

/// Attaches a crew account to a production or a supplier account to a supplier.
#[server(prefix = "/api", endpoint = "admin/attach")]
pub async fn attach_account(account_id: i64, org: String) -> Result<(), AppError> {
    answer(async {
        let admin = require_admin().await?;
        crate::backend::backend()?.attach(admin, account_id, org_ref(&org)?).await
    })
    .await
}

/// Detaches an account from its production or supplier.
#[server(prefix = "/api", endpoint = "admin/detach")]
pub async fn detach_account(account_id: i64) -> Result<(), AppError> {
    answer(async {
        let admin = require_admin().await?;
        crate::backend::backend()?.detach(admin, account_id).await
    })
    .await
}

/// Marks a production verified (its calls show the badge and it may publish) or not.
#[server(prefix = "/api", endpoint = "admin/verify")]
pub async fn verify_production(production_id: i64, verified: bool) -> Result<(), AppError> {
    answer(async {
        let admin = require_admin().await?;
        crate::backend::backend()?.verify_production(admin, production_id, verified).await
    })
    .await
}

/// Creates a production (unverified until an admin verifies it).
#[server(prefix = "/api", endpoint = "admin/production")]
pub async fn create_production(
    code: String,
    name_zh: String,
    name_en: String,
    company_zh: String,
    company_en: String,
) -> Result<(), AppError> {
    answer(async {
        let admin = require_admin().await?;
        let form =
            crate::backend::ProductionForm { code, name_zh, name_en, company_zh, company_en };
        crate::backend::backend()?.create_production(admin, form).await
    })
    .await
}

/// Makes a single-use invitation link, valid for 7 days. Members invite to their own
/// production or supplier (`org` may be left out); admins name any organisation.
#[server(prefix = "/api", endpoint = "invite")]
pub async fn create_invitation(
    #[server(default)] org: Option<String>,
) -> Result<NewInvitation, AppError> {
    answer(async {
        let user = require_user().await?;
        let org = match org.as_deref().filter(|o| !o.is_empty()) {
            Some(value) => org_ref(value)?,
            None => user.org.as_ref().map(|o| o.reference()).ok_or(AppError::Forbidden)?,
        };
        crate::backend::backend()?.create_invitation(&user, org).await
    })
    .await
}

/// What an invitation link leads to; `NotFound` when unknown, used or expired.
#[server(prefix = "/api", endpoint = "invitation")]
pub async fn invitation(token: String) -> Result<InvitationView, AppError> {
    answer(async { crate::backend::backend()?.invitation(&token).await }).await
}

/// Joins the logged-in crew or supplier account to the invitation's organisation.
#[server(prefix = "/api", endpoint = "join")]
pub async fn accept_invitation(token: String) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.accept_invitation(&user, &token).await?;
        leptos_axum::redirect("/account");
        Ok(())
    })
    .await
}

/// Whether the logged-in crew member's production lets item pages name it among the
/// productions that used an item.
#[server(prefix = "/api", endpoint = "production/credit")]
pub async fn load_credit_consent() -> Result<bool, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.credit_consent(&user).await
    })
    .await
}

/// The production's crew lets item pages name it (`consent` true; a checkbox, absent when
/// unticked) or keeps it private.
#[server(prefix = "/api", endpoint = "production/credit/set")]
pub async fn set_credit_consent(#[server(default)] consent: bool) -> Result<bool, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.set_credit_consent(&user, consent).await?;
        Ok(consent)
    })
    .await
}
