//! `/casting/{id}/applicants`: the crew's view of a call's applicants — narrowed by gender,
//! age, height, weight and skills (a plain GET form: the filter lives in the address), with
//! counts per status — and the decisions: shortlist, book up to the places needed, release;
//! closing the call releases everyone not booked, cancelling it releases everyone.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use crate::casting::{CancelCastingCall, CloseCastingCall, DecideApplication, load_applicants};
use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::components::filter_form::canonical_get;
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{Applicant, ApplicantsView, LookView};
use crate::pages::account::send_to_login;
use crate::pages::call::status_label;
use crate::pages::login::form_error;
use domain::casting::{ActorFilter, ApplicationStatus, Decision};
use domain::vocab::{Gender, Module, Skill};

#[component]
pub fn ApplicantsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let location = use_location();
    let decide = ServerAction::<DecideApplication>::new();
    let close = ServerAction::<CloseCastingCall>::new();
    let cancel = ServerAction::<CancelCastingCall>::new();
    let id =
        move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0));
    let data = fetched(
        move || {
            let versions = (decide.version().get(), close.version().get(), cancel.version().get());
            (id(), location.search.get(), versions)
        },
        |(id, query, _)| load_applicants(id, query),
    );
    view! {
        <section class="applicants">
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <ApplicantsBody view decide close cancel /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login(&format!("/casting/{}/applicants", id())),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ApplicantsBody(
    view: ApplicantsView,
    decide: ServerAction<DecideApplication>,
    close: ServerAction<CloseCastingCall>,
    cancel: ServerAction<CancelCastingCall>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let lang = move || content_lang(i18n);
    let card = view.card.clone();
    let id = card.call_id;
    let filter = ActorFilter::from_query(&location.search.get_untracked());
    let (role_zh, role_en) = (card.role_zh.clone(), card.role_en.clone());
    let title = move || lang().pick(&role_zh, &role_en).to_string();
    let error = Signal::derive(move || decide.value().get().and_then(Result::err));
    let shown = view.applicants.len();
    let total = view.total;
    let booked = card.booked;
    let needed = card.needed;
    let status_link = {
        let filter = filter.clone();
        move |status: Option<ApplicationStatus>| {
            let query = ActorFilter { status, ..filter.clone() }.to_query();
            format!("/casting/{id}/applicants?{query}")
        }
    };
    let current_status = filter.status;
    let full = booked >= needed;
    let all_count: usize = view.by_status.iter().map(|(_, n)| n).sum();
    view! {
        <p class="breadcrumb">
            <a href="/casting">{tr!(i18n, casting_title)}</a> " › "
            <a href=format!("/casting/{id}")>{title.clone()}</a>
        </p>
        <h1>{tr!(i18n, applicants_title)} " · " {title}</h1>
        <p class="places" data-booked=booked data-needed=needed>
            {t!(i18n, applicants_places, booked = booked, needed = needed)}
            " · "
            <a href=format!("/casting/{id}/attendance")>{tr!(i18n, applicants_attendance)}</a>
        </p>
        <FilterForm path=format!("/casting/{id}/applicants") filter=filter.clone() />
        <nav class="status-tabs" aria-label=move || t_string!(i18n, applicants_status).to_string()>
            <a href=status_link(None) aria-current=current_status.is_none().then_some("page")>
                {tr!(i18n, status_all)} " (" {all_count} ")"
            </a>
            {view
                .by_status
                .iter()
                .map(|(status, count)| {
                    let status = *status;
                    let count = *count;
                    view! {
                        <a
                            href=status_link(Some(status))
                            aria-current=(current_status == Some(status)).then_some("page")
                            data-status=status.code()
                        >
                            {move || status_label(i18n, status)} " (" {count} ")"
                        </a>
                    }
                })
                .collect_view()}
        </nav>
        <p class="result-count" aria-live="polite">{t!(i18n, applicants_count, shown = shown, total = total)}</p>
        <p class="form-error" role="alert">
            {move || {
                error
                    .with(|e| field_message(i18n, e.as_ref(), "decision"))
                    .or_else(|| form_error(i18n, error.get()))
            }}
        </p>
        <div class="table-scroll"><table class="data-table applicant-table">
            <thead>
                <tr>
                    <ActorColumns />
                    <th scope="col">{tr!(i18n, col_status)}</th>
                    <th scope="col">{tr!(i18n, col_actions)}</th>
                </tr>
            </thead>
            <tbody>
                {view
                    .applicants
                    .into_iter()
                    .map(|applicant| view! { <ApplicantRow call_id=id applicant decide full /> })
                    .collect_view()}
            </tbody>
        </table></div>
        {view.open.then(|| view! {
            <p><a class="button" href=format!("/casting/{id}/edit")>{tr!(i18n, call_edit)}</a></p>
            <ActionForm action=close attr:class="close-call">
                <input type="hidden" name="call_id" value=id />
                <button type="submit" disabled=move || close.pending().get()>{tr!(i18n, applicants_close)}</button>
                <p class="hint">{tr!(i18n, applicants_close_hint)}</p>
            </ActionForm>
        })}
        {match (view.open, view.cancelled) {
            (_, true) => Some(view! { <p class="call-closed call-cancelled">{tr!(i18n, call_cancelled_note)}</p> }.into_any()),
            (false, false) => Some(view! { <p class="call-closed">{tr!(i18n, call_closed_note)}</p> }.into_any()),
            (true, false) => None,
        }}
        {(!view.cancelled).then(|| view! {
            // Two steps, so that a slip of the finger cannot cancel a shoot's bookings.
            <details class="cancel-call">
                <summary>{tr!(i18n, call_cancel)}</summary>
                <p class="hint">{tr!(i18n, call_cancel_hint)}</p>
                <ActionForm action=cancel>
                    <input type="hidden" name="call_id" value=id />
                    <button type="submit" class="danger" disabled=move || cancel.pending().get()>
                        {tr!(i18n, call_cancel_confirm)}
                    </button>
                </ActionForm>
            </details>
        })}
    }
}

/// The filter of applicants or of the actor pool at `path`: a GET form, so the address holds
/// it and it works without the page's script.
#[component]
pub(crate) fn FilterForm(path: String, filter: ActorFilter) -> impl IntoView {
    let i18n = use_i18n();
    let action = path.clone();
    let lang = move || content_lang(i18n);
    let value = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let range = move |name: &'static str, label: String, (min, max): (Option<i64>, Option<i64>)| {
        let low = format!("{label} · {}", t_string!(i18n, range_min));
        let high = format!("{label} · {}", t_string!(i18n, range_max));
        view! {
            <fieldset class="range">
                <legend>{label}</legend>
                <input type="number" name=format!("{name}_min") value=value(min) inputmode="numeric" aria-label=low />
                "–"
                <input type="number" name=format!("{name}_max") value=value(max) inputmode="numeric" aria-label=high />
            </fieldset>
        }
    };
    let chosen_gender = filter.gender;
    let chosen_skills = filter.skills.clone();
    let chosen_training = filter.training.clone();
    view! {
        <form class="applicant-filter" method="get" action=action.clone()
            on:submit=canonical_get(action, |q| ActorFilter::from_query(q).to_query())>
            <label>
                {tr!(i18n, col_gender)}
                <select name="gender">
                    <option value="">{tr!(i18n, any_gender)}</option>
                    {Gender::ALL
                        .iter()
                        .map(|g| view! { <option value=g.code() selected=chosen_gender == Some(*g)>{move || g.label(lang())}</option> })
                        .collect_view()}
                </select>
            </label>
            {range("age", t_string!(i18n, col_age).to_string(), filter.age)}
            {range("height", t_string!(i18n, col_height).to_string(), filter.height_cm)}
            {range("weight", t_string!(i18n, col_weight).to_string(), filter.weight_kg)}
            <fieldset class="skills">
                <legend>{tr!(i18n, col_skills)}</legend>
                {Skill::ALL
                    .iter()
                    .map(|s| view! {
                        <label class="check">
                            <input type="checkbox" name="skill" value=s.code() checked=chosen_skills.contains(s) />
                            {move || s.label(lang())}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <fieldset class="skills">
                <legend>{tr!(i18n, col_training)}</legend>
                {Module::ALL
                    .iter()
                    .map(|m| view! {
                        <label class="check">
                            <input type="checkbox" name="training" value=m.code() checked=chosen_training.contains(m) />
                            {move || m.label(lang())}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            {filter.status.map(|s| view! { <input type="hidden" name="status" value=s.code() /> })}
            <button type="submit" class="primary">{tr!(i18n, applicants_filter)}</button>
            <a href=path>{tr!(i18n, clear_filters)}</a>
        </form>
    }
}

#[component]
fn ApplicantRow(
    call_id: i64,
    applicant: Applicant,
    decide: ServerAction<DecideApplication>,
    full: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = applicant.state.status;
    let application_id = applicant.application_id;
    let button = move |decision: Decision, label: String, enabled: bool| {
        view! {
            <ActionForm action=decide attr:class="inline-form">
                <input type="hidden" name="call_id" value=call_id />
                <input type="hidden" name="application_id" value=application_id />
                <input type="hidden" name="decision" value=decision.code() />
                <button type="submit" class=format!("decide-{}", decision.code()) disabled=move || !enabled || decide.pending().get()>
                    {label}
                </button>
            </ActionForm>
        }
    };
    view! {
        <tr data-application=application_id data-status=status.code()>
            <LookCell look=applicant.look.clone() name=applicant.name.clone() />
            <th scope="row">
                {applicant.name.clone()}
                {applicant.phone.clone().map(|p| view! { <br /><a class="phone" href=format!("tel:{p}")>{p.clone()}</a> })}
            </th>
            <ActorFactCells
                gender=applicant.gender
                age=applicant.age
                height_cm=applicant.height_cm
                weight_kg=applicant.weight_kg
                skills=applicant.skills.clone()
            />
            <td><span class=format!("status status-{}", status.code())>{move || status_label(i18n, status)}</span></td>
            <td class="actions">
                {Decision::Shortlist.allowed_from(status).then(|| button(Decision::Shortlist, t_string!(i18n, decide_shortlist).to_string(), true))}
                {Decision::Book.allowed_from(status).then(|| button(Decision::Book, t_string!(i18n, decide_book).to_string(), !full))}
                {Decision::Release.allowed_from(status).then(|| button(Decision::Release, t_string!(i18n, decide_release).to_string(), true))}
            </td>
        </tr>
    }
}

/// The column headers the applicants and the actor pool share: look photo, name, gender, age,
/// height, weight and skills.
#[component]
pub fn ActorColumns() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <th scope="col">{tr!(i18n, col_look)}</th>
        <th scope="col">{tr!(i18n, col_name)}</th>
        <th scope="col">{tr!(i18n, col_gender)}</th>
        <th scope="col">{tr!(i18n, col_age)}</th>
        <th scope="col">{tr!(i18n, col_height)}</th>
        <th scope="col">{tr!(i18n, col_weight)}</th>
        <th scope="col">{tr!(i18n, col_skills)}</th>
    }
}

/// The cells under [`ActorColumns`] after the name: gender, age, height, weight, skills.
#[component]
pub fn ActorFactCells(
    gender: Gender,
    age: i64,
    height_cm: i64,
    weight_kg: i64,
    skills: Vec<Skill>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    view! {
        <td>{move || gender.label(lang())}</td>
        <td>{age}</td>
        <td>{height_cm}</td>
        <td>{weight_kg}</td>
        <td>{move || skills.iter().map(|s| s.label(lang())).collect::<Vec<_>>().join("、")}</td>
    }
}

/// An actor's look photo in a table: the thumbnail (linking to the large photo) with the day
/// it was taken, marked when it is older than 90 days.
#[component]
pub fn LookCell(look: Option<LookView>, name: String) -> impl IntoView {
    let i18n = use_i18n();
    match look {
        None => view! { <td class="look look-missing">{tr!(i18n, look_missing)}</td> }.into_any(),
        Some(look) => {
            let taken = look.taken_on.to_string();
            let alt = name.clone();
            view! {
                <td class=if look.stale { "look look-stale" } else { "look" }>
                    <a href=look.large_url() target="_blank" rel="noopener">
                        <img
                            src=look.thumb_url()
                            width="60"
                            height="80"
                            loading="lazy"
                            alt=move || format!("{alt} · {}", t_string!(i18n, col_look))
                        />
                    </a>
                    <small>{t!(i18n, look_taken, date = taken.clone())}</small>
                    {look.stale.then(|| view! { <small class="stale">{tr!(i18n, look_stale)}</small> })}
                </td>
            }
            .into_any()
        }
    }
}
