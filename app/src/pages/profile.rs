//! `/profile`: an actor completes the profile they registered with — height and weight as they
//! are now, skills and languages (what calls ask for), and whether crews may find them when
//! they search the actor pool. Only the actor sees this page; birth date and gender are shown,
//! not changed here. Arriving from a call (`?next=/casting/12`), a link leads back to it.

use crate::codec::fetched;
use domain::casting::{HEIGHT_CM, WEIGHT_KG};
use domain::vocab::Skill;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::casting::{SaveMyProfile, load_my_profile};
use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message, field_text};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{ActorProfileView, LookView};
use crate::pages::account::send_to_login;
use crate::pages::login::form_error;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMyProfile>::new();
    let data = fetched(move || save.version().get(), |_| load_my_profile());
    view! {
        <section class="profile">
            <h1>{tr!(i18n, profile_title)}</h1>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(profile) => {
                            let look = profile.look.clone();
                            view! { <ProfileForm profile save /> <LookSection look /> }.into_any()
                        }
                        Err(AppError::Unauthorized) => send_to_login("/profile"),
                        Err(AppError::NotFound | AppError::Forbidden) => {
                            view! { <p class="notice">{tr!(i18n, profile_actors_only)}</p> }.into_any()
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
            <dt>{tr!(i18n, col_name)}</dt><dd>{profile.name.clone()}</dd>
            <dt>{tr!(i18n, col_gender)}</dt><dd>{move || gender.label(lang())}</dd>
            <dt>{tr!(i18n, field_birth_date)}</dt><dd>{birth} " (" {t!(i18n, profile_age, age = age)} ")"</dd>
        </dl>
        <ActionForm action=save attr:class="profile-form">
            <fieldset>
                <legend>{tr!(i18n, profile_measures)}</legend>
                <div class="range-pair">
                    <div class="field">
                        <label for="profile-height">{tr!(i18n, field_height_cm)}</label>
                        <input id="profile-height" name="edit[height_cm]" type="number" inputmode="numeric" required
                            min=HEIGHT_CM.0 max=HEIGHT_CM.1 value=facts.height_cm
                            aria-invalid=move || height_error().is_some().to_string() aria-describedby="profile-height-error" />
                        <p id="profile-height-error" class="field-error" aria-live="polite">{height_error}</p>
                    </div>
                    <div class="field">
                        <label for="profile-weight">{tr!(i18n, field_weight_kg)}</label>
                        <input id="profile-weight" name="edit[weight_kg]" type="number" inputmode="numeric" required
                            min=WEIGHT_KG.0 max=WEIGHT_KG.1 value=facts.weight_kg
                            aria-invalid=move || weight_error().is_some().to_string() aria-describedby="profile-weight-error" />
                        <p id="profile-weight-error" class="field-error" aria-live="polite">{weight_error}</p>
                    </div>
                </div>
            </fieldset>
            <fieldset class="skills">
                <legend>{tr!(i18n, col_skills)}</legend>
                {skills}
            </fieldset>
            <fieldset class="skills">
                <legend>{tr!(i18n, profile_languages)}</legend>
                {languages}
                <p class="field-error" aria-live="polite">{skills_error}</p>
            </fieldset>
            <fieldset class="profile-training">
                <legend>{tr!(i18n, col_training)}</legend>
                {if facts.training.is_empty() {
                    view! { <p class="hint">{tr!(i18n, profile_no_training)}</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {facts.training.iter().map(|m| {
                                let m = *m;
                                view! { <li>"✓ " {move || m.label(content_lang(i18n))}</li> }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
                <p><a href="/training">{tr!(i18n, profile_take_training)}</a></p>
            </fieldset>
            <fieldset>
                <legend>{tr!(i18n, profile_search)}</legend>
                <label class="check">
                    <input type="checkbox" name="edit[discoverable]" value="on" checked=profile.discoverable />
                    {tr!(i18n, profile_discoverable)}
                </label>
                <p class="hint">{tr!(i18n, profile_discoverable_hint)}</p>
            </fieldset>
            <p class="form-error" role="alert">{move || form_error(i18n, error.get())}</p>
            <p class="form-ok" role="status">{move || saved().then(|| t_string!(i18n, profile_saved).to_string())}</p>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>{tr!(i18n, profile_save)}</button>
                {back.map(|href| view! { <a href=href>{tr!(i18n, profile_back_to_call)}</a> })}
            </div>
        </ActionForm>
    }
}

/// The "current look" photo: shown with the day it was taken (marked when older than 90 days),
/// replaced or removed by plain form posts (`/profile/look`, `/profile/look/remove`), which come
/// back here with `look=saved` or `look_error=<field>.<code>`.
#[component]
fn LookSection(look: Option<LookView>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("look").is_some_and(|v| v == "saved"));
    let problem = query.with_untracked(|q| q.get("look_error"));
    let (photo_error, date_error) = match problem.as_deref().and_then(|p| p.split_once('.')) {
        Some(("taken_on", _)) => (false, true),
        Some(_) => (true, false),
        None => (problem.is_some(), false),
    };
    let message = move || {
        problem.as_deref().map(|p| match p.split_once('.') {
            Some((field, code)) => field_text(i18n, field, code),
            None => field_text(i18n, "", p),
        })
    };
    view! {
        <section id="look" class="profile-look" aria-labelledby="look-title">
            <h2 id="look-title">{tr!(i18n, look_title)}</h2>
            <p class="hint">{tr!(i18n, look_hint)}</p>
            {match look {
                Some(look) => {
                    let taken = look.taken_on.to_string();
                    view! {
                        <figure class=if look.stale { "look-current look-stale" } else { "look-current" }>
                            <a href=look.large_url() target="_blank" rel="noopener">
                                <img src=look.thumb_url() width="240" height="320" alt=move || t_string!(i18n, look_yours).to_string() />
                            </a>
                            <figcaption>
                                {t!(i18n, look_taken, date = taken.clone())}
                                {look.stale.then(|| view! { " · " <strong class="stale">{tr!(i18n, look_stale)}</strong> })}
                            </figcaption>
                        </figure>
                        <form method="post" action="/profile/look/remove" class="inline-form">
                            <button type="submit" class="link-button">{tr!(i18n, look_remove)}</button>
                        </form>
                    }
                    .into_any()
                }
                None => view! { <p class="look-none">{tr!(i18n, look_none)}</p> }.into_any(),
            }}
            <form method="post" action="/profile/look" enctype="multipart/form-data" class="look-form">
                <div class="field">
                    <label for="look-photo">{tr!(i18n, look_field_photo)}</label>
                    <input id="look-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" required
                        aria-invalid=photo_error.to_string() />
                </div>
                <div class="field">
                    <label for="look-taken-on">{tr!(i18n, look_field_taken_on)}</label>
                    <input id="look-taken-on" name="taken_on" type="date" required aria-invalid=date_error.to_string() />
                </div>
                <p class="form-error" role="alert">{message}</p>
                <p class="form-ok" role="status">{saved.then(|| t_string!(i18n, look_saved).to_string())}</p>
                <div class="form-actions">
                    <button type="submit" class="primary">{tr!(i18n, look_upload)}</button>
                </div>
            </form>
        </section>
    }
}
