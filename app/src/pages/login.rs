//! `/login` and `/register`: forms that work before the wasm has loaded (plain form posts)
//! and show errors inline after it has.

use domain::account::{PasswordProblem, password_problems};
use domain::casting::{HEIGHT_CM, WEIGHT_KG};
use domain::vocab::Gender;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::auth::{LogIn, Register};
use crate::components::error_view::{error_text, field_message};
use crate::error::AppError;
use crate::i18n::*;

/// The `next` query parameter, passed through the forms.
pub(crate) fn next_param() -> Signal<String> {
    let query = use_query_map();
    Signal::derive(move || query.with(|q| q.get("next").unwrap_or_default()))
}

/// One labelled input with its inline error.
#[component]
pub(crate) fn Field(
    id: &'static str,
    label: String,
    #[prop(into)] kind: String,
    autocomplete: &'static str,
    error: Signal<Option<AppError>>,
    #[prop(optional)] on_input: Option<Callback<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || error.with(|e| field_message(i18n, e.as_ref(), id));
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                required
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
                on:input=move |ev| {
                    if let Some(cb) = on_input {
                        cb.run(event_target_value(&ev));
                    }
                }
            />
            <p id=error_id class="field-error" aria-live="polite">{message}</p>
        </div>
    }
}

/// A form-level message for errors not tied to a field.
pub(crate) fn form_error(
    i18n: leptos_i18n::I18nContext<Locale>,
    error: Option<AppError>,
) -> Option<String> {
    match error {
        Some(AppError::Invalid(_)) | None => None,
        Some(other) => Some(error_text(i18n, &other)),
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<LogIn>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let next = next_param();
    view! {
        <section class="auth">
            <h1>{tr!(i18n, login_title)}</h1>
            <p class="lead">{tr!(i18n, login_intro)}</p>
            <ActionForm action>
                <input type="hidden" name="next" prop:value=next />
                <Field id="login" label=t_string!(i18n, field_login).to_string() kind="text" autocomplete="username" error />
                <Field id="password" label=t_string!(i18n, field_password).to_string() kind="password" autocomplete="current-password" error />
                <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {tr!(i18n, login_submit)}
                </button>
            </ActionForm>
            <p>
                {tr!(i18n, no_account)} " "
                <A href=move || format!("/register?next={}", next.get())>{tr!(i18n, nav_register)}</A>
            </p>
        </section>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let next = next_param();
    view! {
        <section class="auth">
            <h1>{tr!(i18n, register_title)}</h1>
            <p class="lead">{tr!(i18n, register_intro)}</p>
            <RegisterForm next />
            <p>
                {tr!(i18n, have_account)} " "
                <A href=move || format!("/login?next={}", next.get())>{tr!(i18n, nav_login)}</A>
            </p>
        </section>
    }
}

/// The registration form. With an `invitation`, the role comes from the invitation and the new
/// account joins its production or supplier; otherwise the user picks a role.
#[component]
pub(crate) fn RegisterForm(
    next: Signal<String>,
    #[prop(optional)] invitation: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Register>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problems = Memo::new(move |_| password_problems(&password.get(), &login.get()));
    let rule = move |broken: &'static [PasswordProblem]| {
        move || {
            let ok = !password.with(String::is_empty)
                && !problems.with(|p| p.iter().any(|x| broken.contains(x)));
            if ok { "rule rule-ok" } else { "rule" }
        }
    };
    let invited = invitation.is_some();
    let role_error = move || error.with(|e| field_message(i18n, e.as_ref(), "role"));
    // Actors give the facts calls ask about in the same screen; others never see these fields.
    let role = RwSignal::new("actor".to_string());
    let is_actor = move || !invited && role.with(|r| r == "actor");
    let pick_role = move |ev: leptos::ev::Event| role.set(event_target_value(&ev));
    view! {
        <ActionForm action>
            <input type="hidden" name="next" prop:value=next />
            {invitation.map(|token| view! { <input type="hidden" name="invitation" value=token /> })}
            {(!invited).then(|| view! {
                <fieldset class="role-choice">
                    <legend>{tr!(i18n, register_as)}</legend>
                    <label><input type="radio" name="role" value="actor" checked on:change=pick_role /> {tr!(i18n, register_as_actor)}</label>
                    <label><input type="radio" name="role" value="crew" on:change=pick_role /> {tr!(i18n, register_as_crew)}</label>
                    <label><input type="radio" name="role" value="supplier" on:change=pick_role /> {tr!(i18n, register_as_supplier)}</label>
                    <p class="hint">{tr!(i18n, register_member_note)}</p>
                    <p class="field-error" aria-live="polite">{role_error}</p>
                </fieldset>
            })}
            <Field id="display_name" label=t_string!(i18n, field_display_name).to_string() kind="text" autocomplete="name" error />
            <Field
                id="login"
                label=t_string!(i18n, field_login).to_string()
                kind="text"
                autocomplete="username"
                error
                on_input=Callback::new(move |v| login.set(v))
            />
            <Field
                id="password"
                label=t_string!(i18n, field_password).to_string()
                kind="password"
                autocomplete="new-password"
                error
                on_input=Callback::new(move |v| password.set(v))
            />
            {(!invited).then(|| view! { <ActorFields error shown=Signal::derive(is_actor) /> })}
            <div class="password-rules">
                <p>{tr!(i18n, password_rules)}</p>
                <ul>
                    <li class=rule(&[PasswordProblem::TooShort, PasswordProblem::TooLong])>{tr!(i18n, rule_length)}</li>
                    <li class=rule(&[PasswordProblem::OneKindOfCharacter])>{tr!(i18n, rule_kinds)}</li>
                    <li class=rule(&[PasswordProblem::Guessable])>{tr!(i18n, rule_guessable)}</li>
                </ul>
            </div>
            <p class="form-error" role="alert">
                {move || {
                    error
                        .with(|e| field_message(i18n, e.as_ref(), "invitation"))
                        .or_else(|| form_error(i18n, error.get()))
                }}
            </p>
            <button type="submit" class="primary" disabled=move || action.pending().get()>
                {tr!(i18n, register_submit)}
            </button>
        </ActionForm>
    }
}

/// The actor's profile in the registration form: gender, birth date, height and weight.
#[component]
fn ActorFields(error: Signal<Option<AppError>>, shown: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || crate::components::content_lang(i18n);
    let message =
        move |field: &'static str| move || error.with(|e| field_message(i18n, e.as_ref(), field));
    let invalid = move |field: &'static str| move || message(field)().is_some().to_string();
    view! {
        <fieldset class="actor-profile" hidden=move || !shown.get()>
            <legend>{tr!(i18n, register_actor_profile)}</legend>
            <p class="hint">{tr!(i18n, register_actor_profile_hint)}</p>
            <div class="field">
                <label for="gender">{tr!(i18n, field_gender)}</label>
                <select id="gender" name="gender" required=shown aria-invalid=invalid("gender") aria-describedby="gender-error">
                    <option value="">"—"</option>
                    {Gender::ALL
                        .iter()
                        .map(|g| view! { <option value=g.code()>{move || g.label(lang())}</option> })
                        .collect_view()}
                </select>
                <p id="gender-error" class="field-error" aria-live="polite">{message("gender")}</p>
            </div>
            <div class="field">
                <label for="birth_date">{tr!(i18n, field_birth_date)}</label>
                <input id="birth_date" name="birth_date" type="date" autocomplete="bday" required=shown
                    aria-invalid=invalid("birth_date") aria-describedby="birth_date-error" />
                <p id="birth_date-error" class="field-error" aria-live="polite">{message("birth_date")}</p>
            </div>
            <div class="field-row">
                <Measure id="height_cm" label=t_string!(i18n, field_height_cm).to_string() bounds=HEIGHT_CM error shown />
                <Measure id="weight_kg" label=t_string!(i18n, field_weight_kg).to_string() bounds=WEIGHT_KG error shown />
            </div>
        </fieldset>
    }
}

/// A whole-number measurement of the actor's profile, bounded as the server checks it.
#[component]
fn Measure(
    id: &'static str,
    label: String,
    bounds: (i64, i64),
    error: Signal<Option<AppError>>,
    shown: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || error.with(|e| field_message(i18n, e.as_ref(), id));
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id name=id type="number" inputmode="numeric" min=bounds.0 max=bounds.1
                required=shown aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone() />
            <p id=error_id class="field-error" aria-live="polite">{message}</p>
        </div>
    }
}
