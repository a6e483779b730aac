//! `/account`: the logged-in user's account (change password). Visitors are sent to log in
//! and come back here afterwards.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use super::login::{Field, form_error};
use crate::auth::{ChangePassword, current_user};
use crate::i18n::*;

/// Where visitors are sent: the login form, coming back here.
const LOGIN_FIRST: &str = "/login?next=/account";

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = Resource::new(|| (), |_| current_user());
    let action = ServerAction::<ChangePassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let done = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <section class="auth">
            <h1>{t!(i18n, account_title)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => {
                            view! {
                                <p class="lead">{user.display_name.clone()}</p>
                                <h2>{t!(i18n, password_title)}</h2>
                                <ActionForm action>
                                    <Field id="current_password" label=t_string!(i18n, field_current_password).to_string() kind="password" autocomplete="current-password" error />
                                    <Field id="new_password" label=t_string!(i18n, field_new_password).to_string() kind="password" autocomplete="new-password" error />
                                    <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
                                    <p class="form-ok" role="status">{move || done().then(|| t_string!(i18n, password_changed).to_string())}</p>
                                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                                        {t!(i18n, password_submit)}
                                    </button>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        _ => {
                            // During server rendering, answer with the redirect itself (the
                            // streamed page keeps its 200 unless the status is set too).
                            #[cfg(feature = "ssr")]
                            {
                                leptos_axum::redirect(LOGIN_FIRST);
                                if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                                    response.set_status(http::StatusCode::SEE_OTHER);
                                }
                            }
                            view! { <Redirect path=LOGIN_FIRST /> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
