//! Sessions and the account server functions: who is logged in, log in, log out, register.
//!
//! The session (a server-side record keyed by an HttpOnly, SameSite=Lax cookie) holds only the
//! account id; the id is rotated at every login.

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::SessionUser;

/// Session key holding the logged-in account's id.
#[cfg(feature = "ssr")]
const ACCOUNT_KEY: &str = "account_id";
/// Session key holding the account's session version at login; a password change bumps the
/// account's version, which ends every session still holding the old one.
#[cfg(feature = "ssr")]
const VERSION_KEY: &str = "session_version";

/// Session key holding when (unix seconds) the session's expiry was last pushed back: at login,
/// then at the first request a day or more later.
#[cfg(feature = "ssr")]
const SEEN_KEY: &str = "seen_at";
/// How long who a session is signed in as is remembered, and how often its expiry is pushed
/// back (a day: far inside the `IDLE_EXPIRY_DAYS` the record is kept after each save).
#[cfg(feature = "ssr")]
const REMEMBER_SECONDS: i64 = 86_400;

#[cfg(feature = "ssr")]
async fn session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract::<tower_sessions::Session>().await.map_err(|error| {
        tracing::debug!(%error, "no session found for the request");
        crate::backend::context_missing("session layer")
    })
}

#[cfg(feature = "ssr")]
fn session_failure(error: tower_sessions::session::Error) -> AppError {
    tracing::error!(%error, "session store failure");
    AppError::Unexpected
}

/// The account the current request is logged in as, if any (server side).
#[cfg(feature = "ssr")]
pub async fn session_account() -> Result<Option<SessionUser>, AppError> {
    account_in(&session().await?, crate::backend::backend()?.as_ref()).await
}

/// The account `session` is logged in as, if it still exists and the session is not older
/// than the account's last password change; otherwise the session is ended.
///
/// Found once, it is remembered (`Backend::remember_session`) for as long as nothing deciding it
/// changes — a session ending anywhere, an account or its organisation changing bumps the
/// sign-in revision — and at most a day: then the session is read again and its expiry pushed
/// back (saved with the time in `SEEN_KEY`, so a remembered session never outlives its record).
#[cfg(feature = "ssr")]
pub async fn account_in(
    session: &tower_sessions::Session,
    backend: &dyn crate::backend::Backend,
) -> Result<Option<SessionUser>, AppError> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    // A session without an id (no cookie, or one made in this request) is read as it is.
    let recall = match session.id() {
        Some(id) => {
            let recall = backend.recall_session(&id.to_string(), now).await?;
            if recall.user.is_some() {
                return Ok(recall.user);
            }
            Some((id, recall.revision))
        }
        None => None,
    };
    let Some(account_id) = session.get::<i64>(ACCOUNT_KEY).await.map_err(session_failure)? else {
        return Ok(None);
    };
    let version = session.get::<i64>(VERSION_KEY).await.map_err(session_failure)?.unwrap_or(0);
    let user =
        backend.session_user(account_id).await?.filter(|user| user.session_version == version);
    let Some(user) = user else {
        session.flush().await.map_err(session_failure)?;
        return Ok(None);
    };
    let seen = session.get::<i64>(SEEN_KEY).await.map_err(session_failure)?;
    match seen.filter(|&seen| seen <= now && now < seen + REMEMBER_SECONDS) {
        // Read the record as stored: remembered until a day after it was last pushed back.
        Some(seen) => {
            if let Some((id, revision)) = recall {
                backend.remember_session(
                    revision,
                    id.to_string(),
                    user.clone(),
                    seen + REMEMBER_SECONDS,
                );
            }
        }
        // Saved with a new expiry when this request ends; remembered from the next one.
        None => session.insert(SEEN_KEY, now).await.map_err(session_failure)?,
    }
    Ok(Some(user))
}

/// The logged-in account, or `Unauthorized`.
#[cfg(feature = "ssr")]
pub async fn require_user() -> Result<SessionUser, AppError> {
    session_account().await?.ok_or(AppError::Unauthorized)
}

/// Starts a fresh session (new id) for `user` and sends the browser on to `next`.
#[cfg(feature = "ssr")]
async fn logged_in(user: SessionUser, next: Option<String>) -> Result<SessionUser, AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(session_failure)?;
    session.insert(ACCOUNT_KEY, user.account_id).await.map_err(session_failure)?;
    session.insert(VERSION_KEY, user.session_version).await.map_err(session_failure)?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    session.insert(SEEN_KEY, now).await.map_err(session_failure)?;
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(user)
}

/// Where to send the browser next (after logging in, after choosing a language): only paths
/// on this site, never another origin, and nothing a `Location` header cannot carry.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && path.len() <= 2048
                && !path.chars().any(char::is_control) =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

/// Who is logged in, for the header and for pages that need a role.
#[server(prefix = "/api", endpoint = "me")]
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    crate::api::answer(session_account()).await
}

/// Logs in and goes to `next` (a path on this site).
#[server(prefix = "/api", endpoint = "login")]
pub async fn log_in(
    login: String,
    password: String,
    next: Option<String>,
) -> Result<SessionUser, AppError> {
    crate::api::answer(async {
        let user = crate::backend::backend()?.authenticate(&login, &password).await?;
        logged_in(user, next).await
    })
    .await
}

/// Registers an account (actor by default, with the actor's profile; crew and supplier accounts wait for an admin or
/// come with an invitation), logs it in and goes to `next`.
// The parameters are the registration form's fields, the wire contract of a plain form post.
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api", endpoint = "register")]
pub async fn register(
    login: String,
    password: String,
    display_name: String,
    #[server(default)] role: Option<String>,
    #[server(default)] invitation: Option<String>,
    #[server(default)] gender: String,
    #[server(default)] birth_date: String,
    #[server(default)] height_cm: String,
    #[server(default)] weight_kg: String,
    next: Option<String>,
) -> Result<SessionUser, AppError> {
    crate::api::answer(async {
        let role = match role.as_deref().filter(|r| !r.is_empty()) {
            None => domain::account::Role::Actor,
            Some(code) => domain::account::Role::parse(code)
                .ok_or_else(|| AppError::field("role", "invalid"))?,
        };
        let profile = crate::backend::ActorProfileForm { gender, birth_date, height_cm, weight_kg };
        let form = crate::backend::RegistrationForm {
            login,
            password,
            display_name,
            role,
            invitation,
            profile,
        };
        let user = crate::backend::backend()?.register(form).await?;
        logged_in(user, next).await
    })
    .await
}

/// Changes the logged-in account's password and ends its other sessions.
#[server(prefix = "/api", endpoint = "password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    crate::api::answer(async {
        let user = require_user().await?;
        let version = crate::backend::backend()?
            .change_password(user.account_id, &current_password, &new_password)
            .await?;
        let session = session().await?;
        session.cycle_id().await.map_err(session_failure)?;
        session.insert(VERSION_KEY, version).await.map_err(session_failure)?;
        Ok(())
    })
    .await
}

/// Deletes the logged-in account after checking its password, ends the session and goes home.
#[server(prefix = "/api", endpoint = "delete-account")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    crate::api::answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.delete_account(user.account_id, &password).await?;
        session().await?.flush().await.map_err(session_failure)?;
        leptos_axum::redirect("/?deleted=1");
        Ok(())
    })
    .await
}

/// Ends the session and goes home.
#[server(prefix = "/api", endpoint = "logout")]
pub async fn log_out() -> Result<(), AppError> {
    crate::api::answer(async {
        session().await?.flush().await.map_err(session_failure)?;
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/casting?x=1")), "/casting?x=1");
        assert_eq!(safe_next(Some("//evil.example/")), "/");
        assert_eq!(safe_next(Some("https://evil.example/")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/casting\r\nSet-Cookie: x=1")), "/");
        assert_eq!(safe_next(Some(&format!("/{}", "a".repeat(2048)))), "/");
        assert_eq!(safe_next(None), "/");
    }
}
