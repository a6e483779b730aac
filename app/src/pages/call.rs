//! `/casting/{id}`: one casting call, shareable by its address. Visitors read it and are
//! invited to register; an actor sees at once whether they meet its requirements (the shared
//! `domain` rule, checked again by the server) and applies in one tap; the production's crew
//! gets a link to the applicants.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::casting::{ApplyToCall, load_call};
use crate::codec::{AsciiJson, fetched_as};
use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{ApplicationState, CallPage, CallViewer};
use crate::pages::casting::CallFacts;
use crate::pages::login::form_error;
use domain::casting::{ApplicationStatus, ReleaseReason, Unmet, unmet};

use crate::text::I18n;

#[component]
pub fn CallDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let apply = ServerAction::<ApplyToCall>::new();
    let id =
        move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0));
    let data = fetched_as::<AsciiJson, _, _, _>(
        move || (id(), apply.version().get()),
        |(id, _)| load_call(id),
    );
    view! {
        <section class="call-page">
            <p class="breadcrumb"><a href="/casting">{tr!(i18n, casting_title)}</a></p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(page) => view! { <CallBody page apply /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CallBody(page: CallPage, apply: ServerAction<ApplyToCall>) -> impl IntoView {
    let i18n = use_i18n();
    let card = page.card.clone();
    let id = card.call_id;
    let (role_zh, role_en) = (card.role_zh.clone(), card.role_en.clone());
    let title = move || content_lang(i18n).pick(&role_zh, &role_en).to_string();
    let next = format!("/casting/{id}");
    let note = if page.cancelled {
        Some(
            view! { <p class="call-closed call-cancelled">{tr!(i18n, call_cancelled_note)}</p> }
                .into_any(),
        )
    } else if !page.open {
        Some(view! { <p class="call-closed">{tr!(i18n, call_closed_note)}</p> }.into_any())
    } else {
        None
    };
    let open = page.open;
    let action = match page.viewer {
        // Whoever applied hears where their application stands, open call or not.
        CallViewer::Actor { application: Some(state), .. } => view! {
            <p class="application-state" data-status=state.status.code()>{move || state_text(i18n, state)}</p>
            <p><a href="/work">{tr!(i18n, nav_my_work)}</a></p>
        }
        .into_any(),
        CallViewer::Casting => view! {
            <p><a class="button primary" href=format!("/casting/{id}/applicants")>{tr!(i18n, call_see_applicants)}</a></p>
            {open.then(|| view! { <p><a href=format!("/casting/{id}/edit")>{tr!(i18n, call_edit)}</a></p> })}
        }
        .into_any(),
        _ if !open => ().into_any(),
        CallViewer::Visitor => view! {
            <p class="apply-invite">
                <a class="button primary" href=format!("/register?next={next}")>{tr!(i18n, call_register_to_apply)}</a>
                " "
                <a href=format!("/login?next={next}")>{tr!(i18n, call_login_to_apply)}</a>
            </p>
        }
        .into_any(),
        CallViewer::Actor { facts, application: None } => {
            let missed = unmet(&card.requirements, &facts, card.starts_on);
            if missed.is_empty() {
                view! { <ApplyForm call_id=id apply /> }.into_any()
            } else {
                // A missing skill may just be missing from the profile.
                let skills_missing = missed.iter().any(|m| matches!(m, Unmet::Skill(_)));
                view! {
                    <UnmetList missed call_id=id />
                    {skills_missing.then(|| view! {
                        <p><a href=format!("/profile?next=/casting/{id}")>{tr!(i18n, unmet_add_to_profile)}</a></p>
                    })}
                }
                .into_any()
            }
        }
        CallViewer::ActorWithoutProfile => {
            view! { <p class="hint">{tr!(i18n, call_no_profile)}</p> }.into_any()
        }
        CallViewer::Other => view! { <p class="hint">{tr!(i18n, call_actors_only)}</p> }.into_any(),
    };
    view! {
        <h1>{title}</h1>
        <div class="call-layout">
            <div class="call-facts">
                <CallFacts call=card.clone() page=true />
                {page.place_at.map(|at| view! { <Directions at /> })}
            </div>
            <aside class="call-action" aria-live="polite">{note}{action}</aside>
        </div>
    }
}

/// How to reach the call's place: its nearest assembly point and bus stop (`domain::travel`),
/// linked to the travel guide; for outlying bases, that the crew arranges transport.
#[component]
fn Directions(at: (f64, f64)) -> impl IntoView {
    let i18n = use_i18n();
    let directions = domain::GeoPoint::new(at.0, at.1).ok().and_then(domain::travel::directions);
    let anchor = directions.as_ref().map_or("arrivals", |d| d.assembly.id);
    let lang = move || content_lang(i18n);
    let text = match directions {
        None => view! { {tr!(i18n, travel_outlying)} }.into_any(),
        Some(d) => {
            let (assembly, assembly_m, stop, stop_m) = (d.assembly, d.assembly_m, d.stop, d.stop_m);
            let lines = d.lines.iter().map(|l| l.code).collect::<Vec<_>>().join(", ");
            view! {
                {t!(
                    i18n,
                    travel_directions,
                    assembly = move || assembly.name.get(lang()),
                    assembly_distance = move || domain::travel::distance_text(assembly_m, lang()),
                    stop = move || stop.name.get(lang()),
                    stop_distance = move || domain::travel::distance_text(stop_m, lang()),
                    lines = lines.clone()
                )}
            }
            .into_any()
        }
    };
    view! {
        <p class="call-directions">
            {text} " " <a href=format!("/travel#{anchor}")>{tr!(i18n, travel_guide_link)}</a>
        </p>
    }
}

/// The one-tap application: a plain form, so it works without the page's script (the casting
/// pages load none, `bundle::SCRIPTLESS_AREAS`): the server function answers it with a redirect
/// back here, carrying a refusal in the address, which the action reads back for the form.
#[component]
fn ApplyForm(call_id: i64, apply: ServerAction<ApplyToCall>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || apply.value().get().and_then(Result::err));
    view! {
        <p class="eligible">{tr!(i18n, call_you_qualify)}</p>
        <ActionForm action=apply>
            <input type="hidden" name="call_id" value=call_id />
            <button type="submit" class="primary" disabled=move || apply.pending().get()>
                {tr!(i18n, call_apply)}
            </button>
            <p class="form-error" role="alert">
                {move || {
                    error.with(|e| field_message(i18n, e.as_ref(), "call")).or_else(|| match error.get() {
                        Some(AppError::Ineligible(_)) => Some(t_string!(i18n, error_ineligible).to_string()),
                        other => form_error(i18n, other),
                    })
                }}
            </p>
        </ActionForm>
    }
}

/// Why the actor cannot apply: each requirement they miss, with what the call asks.
#[component]
pub(crate) fn UnmetList(missed: Vec<Unmet>, call_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    view! {
        <div class="ineligible">
            <p>{tr!(i18n, call_not_eligible)}</p>
            <ul>
                {missed
                    .into_iter()
                    .map(|m| {
                        let text = match m {
                            Unmet::Gender(g) => view! { {t!(i18n, unmet_gender, gender = move || g.label(lang()))} }.into_any(),
                            Unmet::TooYoung { min } => view! { {t!(i18n, unmet_too_young, min = min)} }.into_any(),
                            Unmet::TooOld { max } => view! { {t!(i18n, unmet_too_old, max = max)} }.into_any(),
                            Unmet::TooShort { min_cm } => view! { {t!(i18n, unmet_too_short, min = min_cm)} }.into_any(),
                            Unmet::TooTall { max_cm } => view! { {t!(i18n, unmet_too_tall, max = max_cm)} }.into_any(),
                            Unmet::TooLight { min_kg } => view! { {t!(i18n, unmet_too_light, min = min_kg)} }.into_any(),
                            Unmet::TooHeavy { max_kg } => view! { {t!(i18n, unmet_too_heavy, max = max_kg)} }.into_any(),
                            Unmet::Skill(s) => view! { {t!(i18n, unmet_skill, skill = move || s.label(lang()))} }.into_any(),
                            Unmet::Training(m) => view! {
                                {t!(i18n, unmet_training, module = move || m.label(lang()))}
                                " "
                                <a href=format!("/training/{}?next=/casting/{call_id}", m.code())>{tr!(i18n, unmet_take_training)}</a>
                            }
                            .into_any(),
                        };
                        view! { <li>{text}</li> }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// An application's state in a sentence: every applicant gets an answer.
pub(crate) fn state_text(i18n: I18n, state: ApplicationState) -> String {
    match (state.status, state.reason) {
        (ApplicationStatus::Applied, _) => t_string!(i18n, state_applied),
        (ApplicationStatus::Shortlisted, _) => t_string!(i18n, state_shortlisted),
        (ApplicationStatus::Booked, _) => t_string!(i18n, state_booked),
        (ApplicationStatus::Released, Some(ReleaseReason::Filled)) => {
            t_string!(i18n, state_released_filled)
        }
        (ApplicationStatus::Released, Some(ReleaseReason::Closed)) => {
            t_string!(i18n, state_released_closed)
        }
        (ApplicationStatus::Released, Some(ReleaseReason::Cancelled)) => {
            t_string!(i18n, state_released_cancelled)
        }
        (ApplicationStatus::Released, Some(ReleaseReason::Withdrawn)) => {
            t_string!(i18n, state_released_withdrawn)
        }
        (ApplicationStatus::Released, _) => t_string!(i18n, state_released_not_picked),
    }
    .to_string()
}

/// The short label of a status (badges, filters).
pub(crate) fn status_label(i18n: I18n, status: ApplicationStatus) -> String {
    match status {
        ApplicationStatus::Applied => t_string!(i18n, status_applied),
        ApplicationStatus::Shortlisted => t_string!(i18n, status_shortlisted),
        ApplicationStatus::Booked => t_string!(i18n, status_booked),
        ApplicationStatus::Released => t_string!(i18n, status_released),
    }
    .to_string()
}
