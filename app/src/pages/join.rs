//! `/join/{token}`: an invitation link. A visitor registers and joins in one step; a logged-in
//! crew or supplier account that belongs to nothing yet joins with one button.

use crate::codec::fetched;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::account::org_name;
use super::login::{RegisterForm, form_error};
use crate::auth::current_user;
use crate::components::error_view::field_message;
use crate::i18n::*;
use crate::members::{AcceptInvitation, invitation};
use crate::models::{InvitationView, OrgKind, SessionUser};

#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let data = fetched(token, |token| async move {
        let view = invitation(token.clone()).await;
        let user = current_user().await.ok().flatten();
        (token, view, user)
    });
    view! {
        <section class="auth">
            <Suspense fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        (token, Ok(view), user) => view! { <Invitation token view user /> }.into_any(),
                        (_, Err(_), _) => {
                            #[cfg(feature = "ssr")]
                            let _ = crate::error::AppError::NotFound.with_status();
                            view! {
                                <h1>{tr!(i18n, admin_invite)}</h1>
                                <p class="notice" role="alert">{tr!(i18n, join_invalid)}</p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Invitation(token: String, view: InvitationView, user: Option<SessionUser>) -> impl IntoView {
    let i18n = use_i18n();
    let org = StoredValue::new(view.org);
    let name = move || org.with_value(|o| org_name(i18n, o));
    let kind = org.with_value(|o| o.kind);
    let intro = move || match kind {
        OrgKind::Production => t_string!(i18n, join_intro_production),
        OrgKind::Supplier => t_string!(i18n, join_intro_supplier),
    };
    let expires = domain::studio_datetime(view.expires_at);
    let here = format!("/join/{token}");
    let body = match user {
        None => {
            let login = format!("/login?next={here}");
            view! {
                <p>{tr!(i18n, join_register)}</p>
                <RegisterForm next=Signal::stored("/account".to_string()) invitation=token.clone() />
                <p>{tr!(i18n, join_login)} " " <A href=login>{tr!(i18n, nav_login)}</A></p>
            }
            .into_any()
        }
        Some(user) if user.org.is_none() && Some(kind) == OrgKind::for_role(user.role) => {
            view! { <AcceptForm token=token.clone() /> }.into_any()
        }
        Some(_) => view! { <p class="notice">{tr!(i18n, join_wrong_account)}</p> }.into_any(),
    };
    view! {
        <h1>{move || t!(i18n, join_title, name = name())}</h1>
        <p class="lead">{intro}</p>
        <p class="hint">{t!(i18n, expires_on, date = expires.clone())}</p>
        {body}
    }
}

#[component]
fn AcceptForm(token: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<AcceptInvitation>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let message = move || {
        error.get().map(|e| {
            field_message(i18n, Some(&e), "invitation")
                .or_else(|| form_error(i18n, Some(e)))
                .unwrap_or_default()
        })
    };
    view! {
        <ActionForm action>
            <input type="hidden" name="token" value=token />
            <p class="form-error" role="alert">{message}</p>
            <button type="submit" class="primary" disabled=move || action.pending().get()>
                {tr!(i18n, join_accept)}
            </button>
        </ActionForm>
    }
}
