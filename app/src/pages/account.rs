//! `/account`: the logged-in user's account: their production or supplier and invitation
//! links, password change, data download and account deletion. Visitors are sent to log in and
//! come back here afterwards.

use crate::codec::fetched;
use leptos::prelude::*;
use leptos_router::components::Redirect;

use super::login::{Field, form_error};
use crate::auth::{ChangePassword, DeleteAccount, current_user};
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::i18n::*;
use crate::members::{CreateInvitation, SetCreditConsent, load_credit_consent};
use crate::models::{NewInvitation, Org, SessionUser};
use domain::account::Role;

/// Sends a visitor to the login form, coming back to `next` afterwards. During server rendering
/// the response itself is the redirect (a streamed page keeps its 200 unless the status is set).
pub(crate) fn send_to_login(next: &str) -> AnyView {
    let path = format!("/login?next={next}");
    #[cfg(feature = "ssr")]
    {
        leptos_axum::redirect(&path);
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::SEE_OTHER);
        }
    }
    view! { <Redirect path=path /> }.into_any()
}

/// An organisation's name in the page's language.
pub(crate) fn org_name(i18n: leptos_i18n::I18nContext<Locale>, org: &Org) -> String {
    content_lang(i18n).pick(&org.name_zh, &org.name_en).to_string()
}

/// The full address of an invitation link, as the browser sees this site.
pub(crate) fn invitation_url(invitation: &NewInvitation) -> String {
    #[cfg(feature = "hydrate")]
    let origin = window().location().origin().unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    let origin = String::new();
    format!("{origin}/join/{}", invitation.token)
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = fetched(|| (), |_| current_user());
    view! {
        <section class="auth account">
            <h1>{tr!(i18n, account_title)}</h1>
            <Suspense fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => view! { <AccountSections user /> }.into_any(),
                        Ok(None) => send_to_login("/account"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AccountSections(user: SessionUser) -> impl IntoView {
    let i18n = use_i18n();
    let member = matches!(user.role, Role::Crew | Role::Supplier);
    let production_crew = user.role == Role::Crew
        && user.org.as_ref().is_some_and(|o| o.kind == crate::models::OrgKind::Production);
    view! {
        <p class="lead">{user.display_name.clone()}</p>
        {member.then(|| view! { <Membership org=user.org.clone() /> })}
        {production_crew.then(|| view! { <CreditConsent /> })}
        <PasswordForm />
        <section aria-labelledby="data-title">
            <h2 id="data-title">{tr!(i18n, data_title)}</h2>
            <p>{tr!(i18n, data_intro)}</p>
            <a class="button" href="/account/data" download="backlot-my-data.json" rel="external">
                {tr!(i18n, data_download)}
            </a>
        </section>
        <DeleteForm admin=user.role == Role::Admin />
    }
}

/// The production or supplier the account belongs to, and invitation links for colleagues.
#[component]
fn Membership(org: Option<Org>) -> impl IntoView {
    let i18n = use_i18n();
    let invite = ServerAction::<CreateInvitation>::new();
    let Some(org) = org else {
        return view! {
            <section aria-labelledby="org-title">
                <h2 id="org-title">{tr!(i18n, org_title)}</h2>
                <p class="notice">{tr!(i18n, org_waiting)}</p>
            </section>
        }
        .into_any();
    };
    let name = StoredValue::new(org);
    let name = move || name.with_value(|org| org_name(i18n, org));
    let link = move || {
        invite.value().get().and_then(Result::ok).map(|invitation| {
            let url = invitation_url(&invitation);
            let date = domain::studio_datetime(invitation.expires_at);
            view! {
                <div class="invitation" role="status">
                    <p>{t!(i18n, invite_link, date = date.clone())}</p>
                    <label for="invitation-link">{tr!(i18n, invite_link_label)}</label>
                    <input id="invitation-link" type="text" readonly value=url.clone() />
                </div>
            }
        })
    };
    let error = Signal::derive(move || invite.value().get().and_then(Result::err));
    view! {
        <section aria-labelledby="org-title">
            <h2 id="org-title">{tr!(i18n, org_title)}</h2>
            <p>{move || t!(i18n, org_member, name = name())}</p>
            <h3>{tr!(i18n, invite_title)}</h3>
            <p>{move || t!(i18n, invite_intro, name = name())}</p>
            <ActionForm action=invite>
                <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
                <button type="submit" disabled=move || invite.pending().get()>
                    {tr!(i18n, invite_submit)}
                </button>
            </ActionForm>
            {link}
        </section>
    }
    .into_any()
}

/// Whether item pages may name the crew's production among those that used an item.
#[component]
fn CreditConsent() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetCreditConsent>::new();
    let stored = fetched(|| (), |_| load_credit_consent());
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <section aria-labelledby="credit-title" class="credit-consent">
            <h2 id="credit-title">{tr!(i18n, credit_title)}</h2>
            <p>{tr!(i18n, credit_intro)}</p>
            <Suspense fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    let initial = stored.await.unwrap_or(false);
                    let current = move || match action.value().get() {
                        Some(Ok(consent)) => consent,
                        _ => initial,
                    };
                    view! {
                        <ActionForm action>
                            <label class="check">
                                <input type="checkbox" name="consent" value="true" checked=initial />
                                " " {tr!(i18n, credit_allow)}
                            </label>
                            <p class="form-ok" role="status">
                                {move || if current() { t_string!(i18n, credit_on) } else { t_string!(i18n, credit_off) }}
                            </p>
                            <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
                            <button type="submit" disabled=move || action.pending().get()>{tr!(i18n, credit_save)}</button>
                        </ActionForm>
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ChangePassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let done = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <section aria-labelledby="password-title">
            <h2 id="password-title">{tr!(i18n, password_title)}</h2>
            <ActionForm action>
                <Field id="current_password" label=t_string!(i18n, field_current_password).to_string() kind="password" autocomplete="current-password" error />
                <Field id="new_password" label=t_string!(i18n, field_new_password).to_string() kind="password" autocomplete="new-password" error />
                <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
                <p class="form-ok" role="status">{move || done().then(|| t_string!(i18n, password_changed).to_string())}</p>
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {tr!(i18n, password_submit)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DeleteForm(admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<DeleteAccount>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <section aria-labelledby="delete-title" class="danger-zone">
            <h2 id="delete-title">{tr!(i18n, delete_title)}</h2>
            {if admin {
                view! { <p>{tr!(i18n, delete_admin)}</p> }.into_any()
            } else {
                view! {
                    <p>{tr!(i18n, delete_intro)}</p>
                    <ActionForm action>
                        <Field id="password" label=t_string!(i18n, field_password).to_string() kind="password" autocomplete="current-password" error />
                        <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
                        <button type="submit" class="danger" disabled=move || action.pending().get()>
                            {tr!(i18n, delete_submit)}
                        </button>
                    </ActionForm>
                }
                    .into_any()
            }}
        </section>
    }
}
