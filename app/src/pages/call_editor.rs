//! `/casting/new` and `/casting/{id}/edit`: a crew posts a call for its production or changes
//! an open one — role and description in Chinese and English (either may be left for the
//! other), place, shooting days, deadline, pay, places, and what the call asks of actors. The
//! same `domain` rule checks the form on the server; each problem shows next to its field.

use crate::codec::fetched;
use domain::casting::{CallForm, HEIGHT_CM, MAX_ACTOR_AGE, MIN_ACTOR_AGE, WEIGHT_KG};
use domain::vocab::{Gender, Module, Skill};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::casting::{SaveCastingCall, load_call_editor};
use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::CallEditor;
use crate::pages::account::send_to_login;
use crate::pages::login::form_error;

use crate::text::I18n;

/// `/casting/new`.
#[component]
pub fn NewCallPage() -> impl IntoView {
    editor_page(Signal::stored(None))
}

/// `/casting/{id}/edit`.
#[component]
pub fn EditCallPage() -> impl IntoView {
    let params = use_params_map();
    editor_page(Signal::derive(move || {
        params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()).or(Some(0)))
    }))
}

fn editor_page(call_id: Signal<Option<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    let editor = fetched(move || call_id.get(), load_call_editor);
    let here = move || match call_id.get_untracked() {
        Some(id) => format!("/casting/{id}/edit"),
        None => "/casting/new".to_string(),
    };
    view! {
        <section class="call-editor">
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match editor.await {
                        Ok(editor) => view! { <EditorForm editor /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login(&here()),
                        Err(error) if error.field_code("production").is_some() => {
                            let text = field_message(i18n, Some(&error), "production");
                            view! {
                                <h1>{tr!(i18n, call_new_title)}</h1>
                                <p class="notice" role="alert">{text}</p>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One labelled input of the call form, named `form[{name}]`, with its inline error.
#[component]
fn CallField(
    name: &'static str,
    label: String,
    value: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] bounds: Option<(i64, i64)>,
    #[prop(default = String::new())] hint: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || error.with(|e| field_message(i18n, e.as_ref(), name));
    let id = format!("call-{name}");
    let error_id = format!("{id}-error");
    let numeric = kind == "number";
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id name=format!("form[{name}]") type=kind value=value required=required
                inputmode=numeric.then_some("numeric") min=bounds.map(|b| b.0) max=bounds.map(|b| b.1)
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone() />
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            <p id=error_id class="field-error" aria-live="polite">{message}</p>
        </div>
    }
}

/// A pair of number inputs for an optional inclusive range (`{name}_min`, `{name}_max`).
fn range_fields(
    i18n: I18n,
    name: &'static str,
    label: String,
    (min, max): (String, String),
    bounds: (i64, i64),
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let (min_name, max_name) = match name {
        "age" => ("age_min", "age_max"),
        "height" => ("height_min", "height_max"),
        _ => ("weight_min", "weight_max"),
    };
    let low = format!("{label} · {}", t_string!(i18n, range_min));
    let high = format!("{label} · {}", t_string!(i18n, range_max));
    view! {
        <div class="range-pair">
            <CallField name=min_name label=low value=min kind="number" bounds error />
            <CallField name=max_name label=high value=max kind="number" bounds error />
        </div>
    }
}

#[component]
fn EditorForm(editor: CallEditor) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let action = ServerAction::<SaveCastingCall>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = action.value().get() {
            navigate(&format!("/casting/{id}/applicants"), Default::default());
        }
    });
    let CallEditor { call_id, production_zh, production_en, form, places, booked } = editor;
    let CallForm {
        role_zh,
        role_en,
        description_zh,
        description_en,
        location,
        starts_on,
        ends_on,
        deadline,
        pay_per_day,
        needed,
        gender,
        age_min,
        age_max,
        height_min,
        height_max,
        weight_min,
        weight_max,
        skills,
        training,
    } = form;
    let production = move || lang().pick(&production_zh, &production_en).to_string();
    let title = match call_id {
        Some(_) => t_string!(i18n, call_edit_title),
        None => t_string!(i18n, call_new_title),
    };
    let text = move |key: &'static str| -> String {
        match key {
            "role_zh" => t_string!(i18n, call_role_zh),
            "role_en" => t_string!(i18n, call_role_en),
            "starts_on" => t_string!(i18n, call_starts_on),
            "ends_on" => t_string!(i18n, call_ends_on),
            "deadline" => t_string!(i18n, call_deadline),
            "pay" => t_string!(i18n, call_pay),
            "needed" => t_string!(i18n, call_needed),
            "age" => t_string!(i18n, col_age),
            "height" => t_string!(i18n, col_height),
            _ => t_string!(i18n, col_weight),
        }
        .to_string()
    };
    let location_error = move || error.with(|e| field_message(i18n, e.as_ref(), "location"));
    let description_error =
        move || error.with(|e| field_message(i18n, e.as_ref(), "description_zh"));
    let skills_error = move || error.with(|e| field_message(i18n, e.as_ref(), "skills"));
    let gender_error = move || error.with(|e| field_message(i18n, e.as_ref(), "gender"));
    let cancel_href = match call_id {
        Some(id) => format!("/casting/{id}/applicants"),
        None => "/casting".to_string(),
    };
    view! {
        <h1>{title}</h1>
        <p class="lead">{tr!(i18n, call_for_production)} " " <strong>{production}</strong></p>
        <ActionForm action attr:class="call-form">
            {call_id.map(|id| view! { <input type="hidden" name="call_id" value=id /> })}
            <fieldset>
                <legend>{tr!(i18n, call_section_role)}</legend>
                <p class="hint">{tr!(i18n, call_languages_hint)}</p>
                <CallField name="role_zh" label=text("role_zh") value=role_zh error />
                <CallField name="role_en" label=text("role_en") value=role_en error />
                <div class="field">
                    <label for="call-description_zh">{tr!(i18n, call_description_zh)}</label>
                    <textarea id="call-description_zh" name="form[description_zh]" rows="4"
                        aria-describedby="call-description-error">{description_zh}</textarea>
                </div>
                <div class="field">
                    <label for="call-description_en">{tr!(i18n, call_description_en)}</label>
                    <textarea id="call-description_en" name="form[description_en]" rows="4"
                        aria-describedby="call-description-error">{description_en}</textarea>
                    <p id="call-description-error" class="field-error" aria-live="polite">{description_error}</p>
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr!(i18n, call_section_when)}</legend>
                <div class="field">
                    <label for="call-location">{tr!(i18n, location_label)}</label>
                    <select id="call-location" name="form[location]" required
                        aria-invalid=move || location_error().is_some().to_string()
                        aria-describedby="call-location-error">
                        <option value="">{tr!(i18n, call_choose_place)}</option>
                        {places
                            .into_iter()
                            .map(|p| {
                                let chosen = p.slug == location;
                                view! {
                                    <option value=p.slug.clone() selected=chosen>
                                        {move || lang().pick(&p.name_zh, &p.name_en).to_string()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p id="call-location-error" class="field-error" aria-live="polite">{location_error}</p>
                </div>
                <div class="range-pair">
                    <CallField name="starts_on" label=text("starts_on") value=starts_on kind="date" required=true error />
                    <CallField name="ends_on" label=text("ends_on") value=ends_on kind="date" required=true error />
                </div>
                <CallField name="deadline" label=text("deadline") value=deadline kind="date" required=true
                    hint=t_string!(i18n, call_deadline_hint).to_string() error />
            </fieldset>
            <fieldset>
                <legend>{tr!(i18n, call_section_pay)}</legend>
                <div class="range-pair">
                    <CallField name="pay_per_day" label=text("pay") value=pay_per_day required=true error />
                    <CallField name="needed" label=text("needed") value=needed kind="number" required=true
                        bounds=(1, domain::casting::MAX_NEEDED) error />
                </div>
                {(booked > 0).then(|| view! { <p class="hint">{t!(i18n, call_needed_booked, booked = booked)}</p> })}
            </fieldset>
            <fieldset>
                <legend>{tr!(i18n, requirements)}</legend>
                <p class="hint">{tr!(i18n, call_requirements_hint)}</p>
                <div class="field">
                    <label for="call-gender">{tr!(i18n, col_gender)}</label>
                    <select id="call-gender" name="form[gender]" aria-describedby="call-gender-error">
                        <option value="">{tr!(i18n, any_gender)}</option>
                        {Gender::ALL
                            .iter()
                            .map(|g| view! { <option value=g.code() selected=gender == g.code()>{move || g.label(lang())}</option> })
                            .collect_view()}
                    </select>
                    <p id="call-gender-error" class="field-error" aria-live="polite">{gender_error}</p>
                </div>
                {range_fields(i18n, "age", text("age"), (age_min, age_max), (MIN_ACTOR_AGE, MAX_ACTOR_AGE), error)}
                {range_fields(i18n, "height", text("height"), (height_min, height_max), HEIGHT_CM, error)}
                {range_fields(i18n, "weight", text("weight"), (weight_min, weight_max), WEIGHT_KG, error)}
                <fieldset class="skills" aria-describedby="call-skills-error">
                    <legend>{tr!(i18n, col_skills)}</legend>
                    {Skill::ALL
                        .iter()
                        .map(|s| view! {
                            <label class="check">
                                <input type="checkbox" name="form[skills][]" value=s.code()
                                    checked=skills.iter().any(|c| c == s.code()) />
                                {move || s.label(lang())}
                            </label>
                        })
                        .collect_view()}
                    <p id="call-skills-error" class="field-error" aria-live="polite">{skills_error}</p>
                </fieldset>
                <fieldset class="skills">
                    <legend>{tr!(i18n, col_training)}</legend>
                    {Module::ALL
                        .iter()
                        .map(|m| view! {
                            <label class="check">
                                <input type="checkbox" name="form[training][]" value=m.code()
                                    checked=training.iter().any(|c| c == m.code()) />
                                {move || m.label(lang())}
                            </label>
                        })
                        .collect_view()}
                    <p class="hint">{tr!(i18n, call_training_hint)}</p>
                </fieldset>
            </fieldset>
            <p class="form-error" role="alert">
                {move || {
                    error
                        .with(|e| field_message(i18n, e.as_ref(), "call"))
                        .or_else(|| error.with(|e| field_message(i18n, e.as_ref(), "production")))
                        .or_else(|| form_error(i18n, error.get()))
                }}
            </p>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {match call_id {
                        Some(_) => t_string!(i18n, call_save),
                        None => t_string!(i18n, call_publish),
                    }}
                </button>
                <a href=cancel_href>{tr!(i18n, call_back)}</a>
            </div>
        </ActionForm>
    }
}
