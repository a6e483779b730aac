//! `/profile`: an actor completes the profile they registered with — height and weight as they
//! are now, skills and languages (what calls ask for), and whether crews may find them when
//! they search the actor pool. Only the actor sees this page; birth date and gender are shown,
//! not changed here. Arriving from a call (`?next=/casting/12`), a link leads back to it.

use domain::casting::{HEIGHT_CM, WEIGHT_KG};
use domain::vocab::Skill;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::casting::{SaveMyProfile, load_my_profile};
use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::ActorProfileView;
use crate::pages::account::send_to_login;
use crate::pages::login::form_error;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMyProfile>::new();
    let data = Resource::new(move || save.version().get(), |_| load_my_profile());
    view! {
        <section class="profile">
            <h1>{t!(i18n, profile_title)}</h1>
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(profile) => view! { <ProfileForm profile save /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/profile"),
                        Err(AppError::NotFound | AppError::Forbidden) => {
                            view! { <p class="notice">{t!(i18n, profile_actors_only)}</p> }.into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Where to go back to after saving: only a call's page of this site.
fn back_to_call(next: Option<String>) -> Option<String> {
    next.filter(|n| {
        n.strip_prefix("/casting/")
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
    })
}

#[component]
fn ProfileForm(profile: ActorProfileView, save: ServerAction<SaveMyProfile>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let query = use_query_map();
    let back = back_to_call(query.with_untracked(|q| q.get("next")));
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let saved = move || matches!(save.value().get(), Some(Ok(_)));
    let facts = profile.facts.clone();
    let gender = facts.gender;
    let birth = facts.birth_date.to_string();
    let age = profile.age;
    let height_error = move || error.with(|e| field_message(i18n, e.as_ref(), "height_cm"));
    let weight_error = move || error.with(|e| field_message(i18n, e.as_ref(), "weight_kg"));
    let skills_error = move || error.with(|e| field_message(i18n, e.as_ref(), "skills"));
    let skill_box = {
        let chosen = facts.skills.clone();
        move |s: Skill| {
            view! {
                <label class="check">
                    <input type="checkbox" name="edit[skills][]" value=s.code() checked=chosen.contains(&s) />
                    {move || s.label(lang())}
                </label>
            }
        }
    };
    let skills: Vec<_> =
        Skill::ALL.iter().filter(|s| !s.is_language()).map(|s| skill_box.clone()(*s)).collect();
    let languages: Vec<_> =
        Skill::ALL.iter().filter(|s| s.is_language()).map(|s| skill_box.clone()(*s)).collect();
    view! {
        <dl class="facts profile-facts">
            <dt>{t!(i18n, col_name)}</dt><dd>{profile.name.clone()}</dd>
            <dt>{t!(i18n, col_gender)}</dt><dd>{move || gender.label(lang())}</dd>
            <dt>{t!(i18n, field_birth_date)}</dt><dd>{birth} " (" {t!(i18n, profile_age, age = age)} ")"</dd>
        </dl>
        <ActionForm action=save attr:class="profile-form">
            <fieldset>
                <legend>{t!(i18n, profile_measures)}</legend>
                <div class="range-pair">
                    <div class="field">
                        <label for="profile-height">{t!(i18n, field_height_cm)}</label>
                        <input id="profile-height" name="edit[height_cm]" type="number" inputmode="numeric" required
                            min=HEIGHT_CM.0 max=HEIGHT_CM.1 value=facts.height_cm
                            aria-invalid=move || height_error().is_some().to_string() aria-describedby="profile-height-error" />
                        <p id="profile-height-error" class="field-error" aria-live="polite">{height_error}</p>
                    </div>
                    <div class="field">
                        <label for="profile-weight">{t!(i18n, field_weight_kg)}</label>
                        <input id="profile-weight" name="edit[weight_kg]" type="number" inputmode="numeric" required
                            min=WEIGHT_KG.0 max=WEIGHT_KG.1 value=facts.weight_kg
                            aria-invalid=move || weight_error().is_some().to_string() aria-describedby="profile-weight-error" />
                        <p id="profile-weight-error" class="field-error" aria-live="polite">{weight_error}</p>
                    </div>
                </div>
            </fieldset>
            <fieldset class="skills">
                <legend>{t!(i18n, col_skills)}</legend>
                {skills}
            </fieldset>
            <fieldset class="skills">
                <legend>{t!(i18n, profile_languages)}</legend>
                {languages}
                <p class="field-error" aria-live="polite">{skills_error}</p>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, profile_search)}</legend>
                <label class="check">
                    <input type="checkbox" name="edit[discoverable]" value="on" checked=profile.discoverable />
                    {t!(i18n, profile_discoverable)}
                </label>
                <p class="hint">{t!(i18n, profile_discoverable_hint)}</p>
            </fieldset>
            <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
            <p class="form-ok" role="status">{move || saved().then(|| t_string!(i18n, profile_saved).to_string())}</p>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>{t!(i18n, profile_save)}</button>
                {back.map(|href| view! { <a href=href>{t!(i18n, profile_back_to_call)}</a> })}
            </div>
        </ActionForm>
    }
}
