//! `/casting`: open casting calls, readable without an account, narrowed by shooting dates,
//! lowest pay, gender, a skill asked (or none) and place — a plain GET form, so the address
//! holds the filter, a shared link shows the same list and it works before the script loads.
//! Twenty calls to a page, soonest deadline first.

use domain::casting::CallFilter;
use domain::vocab::{Gender, Skill};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::list_open_calls;
use crate::codec::{AsciiJson, fetched_as};
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::components::filter_form::canonical_get;
use crate::components::pager::{PageLinks, paged_href};
use crate::i18n::*;
use crate::models::{CallCard, CallList};

#[component]
pub fn CastingPage() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // Chinese text travels escaped in the page's data (`codec`): cheaper for the server to write.
    let calls = fetched_as::<AsciiJson, _, _, _>(move || location.search.get(), list_open_calls);
    view! {
        <section class="casting">
            <h1>{tr!(i18n, casting_title)}</h1>
            <p class="lead">{tr!(i18n, casting_intro)} " " <a href="/training">{tr!(i18n, casting_training_link)}</a> " · " <a href="/travel">{tr!(i18n, travel_guide_link)}</a></p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match calls.await {
                        Ok(list) => view! { <CallListView list /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CallListView(list: CallList) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let filter = CallFilter::from_query(&location.search.get_untracked());
    let count = list.matched;
    let open = list.open;
    let narrowed = filter.narrows();
    let filter_query = filter.to_query();
    let page_link = move |page: u32| paged_href("/casting", &filter_query, page);
    let (page, pages) = (list.page, list.pages);
    view! {
        {list.can_post.then(|| view! {
            <p>
                <a class="button primary" href="/casting/new">{tr!(i18n, call_post)}</a> " "
                <a class="button" href="/casting/ours">{tr!(i18n, ours_title)}</a>
            </p>
        })}
        <CallFilterForm filter list=list.clone() />
        <p class="result-count" role="status">
            {if narrowed {
                view! { {t!(i18n, casting_count_of, count = count, open = open)} }.into_any()
            } else {
                view! { {t!(i18n, casting_count, count)} }.into_any()
            }}
        </p>
        {(count == 0 && narrowed).then(|| view! {
            <p class="empty">{tr!(i18n, casting_none_match)} " " <a href="/casting">{tr!(i18n, clear_filters)}</a></p>
        })}
        <ul class="call-list">
            {list.calls.into_iter().map(|call| view! { <CallTile call /> }).collect_view()}
        </ul>
        <PageLinks page pages href=page_link />
    }
}

/// The public filter: dates, pay, gender, skill, place.
#[component]
fn CallFilterForm(filter: CallFilter, list: CallList) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let pay = filter.pay_min.map(|p| p.to_string()).unwrap_or_default();
    let gender = filter.gender;
    let skill = filter.skill;
    let no_skills = filter.no_skills;
    let place = filter.place.clone().unwrap_or_default();
    view! {
        <details class="call-filter-panel" open=filter.narrows()>
            <summary>{tr!(i18n, filters_title)}</summary>
            <form class="call-filter" method="get" action="/casting"
                on:submit=canonical_get("/casting".into(), |q| CallFilter::from_query(q).to_query())>
                <div class="field">
                    <label for="calls-from">{tr!(i18n, calls_from)}</label>
                    <input id="calls-from" name="from" type="date" value=date(filter.from) />
                </div>
                <div class="field">
                    <label for="calls-to">{tr!(i18n, calls_to)}</label>
                    <input id="calls-to" name="to" type="date" value=date(filter.to) />
                </div>
                <div class="field">
                    <label for="calls-pay">{tr!(i18n, calls_pay_min)}</label>
                    <input id="calls-pay" name="pay_min" type="number" min="0" step="1" inputmode="numeric" value=pay />
                </div>
                <div class="field">
                    <label for="calls-gender">{tr!(i18n, col_gender)}</label>
                    <select id="calls-gender" name="gender">
                        <option value="">{tr!(i18n, any_gender)}</option>
                        {Gender::ALL
                            .iter()
                            .map(|g| view! { <option value=g.code() selected=gender == Some(*g)>{move || g.label(lang())}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="calls-skill">{tr!(i18n, calls_skill)}</label>
                    <select id="calls-skill" name="skill">
                        <option value="">{tr!(i18n, calls_any_skill)}</option>
                        <option value="none" selected=no_skills>{tr!(i18n, calls_no_skill)}</option>
                        {Skill::ALL
                            .iter()
                            .map(|s| view! { <option value=s.code() selected=skill == Some(*s)>{move || s.label(lang())}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="calls-place">{tr!(i18n, location_label)}</label>
                    <select id="calls-place" name="place">
                        <option value="">{tr!(i18n, calls_any_place)}</option>
                        {list
                            .places
                            .into_iter()
                            .map(|p| {
                                let chosen = p.slug == place;
                                view! {
                                    <option value=p.slug.clone() selected=chosen>
                                        {move || lang().pick(&p.name_zh, &p.name_en).to_string()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="form-actions">
                    <button type="submit" class="primary">{tr!(i18n, apply)}</button>
                    <a href="/casting">{tr!(i18n, clear_filters)}</a>
                </div>
            </form>
        </details>
    }
}

#[component]
fn CallTile(call: CallCard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let id = call.call_id;
    let href = format!("/casting/{id}");
    let (role_zh, role_en) = (call.role_zh.clone(), call.role_en.clone());
    view! {
        <li class="call-tile" data-call=id>
            <h2><a href=href>{move || lang().pick(&role_zh, &role_en).to_string()}</a></h2>
            <CallFacts call />
        </li>
    }
}

/// A call's production, pay, dates, place, places and requirements, as anyone may read them.
/// On the call's own page (`page`), right under its title, "requirements" is a level-2
/// heading; in a list of calls, under each call's level-2 title, a level-3 one.
#[component]
pub(crate) fn CallFacts(call: CallCard, #[prop(optional)] page: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let pay = call.pay_per_day.display_cny();
    let start = call.starts_on.to_string();
    let end = call.ends_on.to_string();
    let deadline = call.deadline.to_string();
    let needed = call.needed;
    let remaining = call.remaining();
    let req = call.requirements.clone();
    let has_requirements = !req.is_open_to_all();
    let bound = |(min, max): (Option<i64>, Option<i64>)| {
        (min.is_some() || max.is_some()).then(|| {
            (
                min.map_or_else(|| "…".to_string(), |v| v.to_string()),
                max.map_or_else(|| "…".to_string(), |v| v.to_string()),
            )
        })
    };
    let age = bound(req.age_range);
    let height = bound(req.height_range_cm);
    let weight = bound(req.weight_range_kg);
    let skills = req.skills.clone();
    let training = req.training.clone();
    view! {
        <p class="call-production">
            {move || lang().pick(&call.production_zh, &call.production_en).to_string()}
            {call.verified.then(|| view! { <span class="badge">{tr!(i18n, verified_production)}</span> })}
        </p>
        {call.wage_warning.then(|| view! { <p class="wage-warning" role="note">"⚠ " {tr!(i18n, wage_warning)}</p> })}
        <p class="call-pay"><strong>{t!(i18n, per_day, amount = pay.clone())}</strong></p>
        <p>{t!(i18n, shoot_dates, start = start.clone(), end = end.clone())}</p>
        <p>
            {tr!(i18n, location_label)}": "
            <a href=format!("/locations?focus={}", call.location_slug)>
                {move || lang().pick(&call.location_zh, &call.location_en).to_string()}
            </a>
        </p>
        <p class="call-places">
            {t!(i18n, needed, count = needed)}" · "
            <span class="remaining">{t!(i18n, places_left, count = remaining)}</span>" · "
            {t!(i18n, deadline, date = deadline.clone())}
        </p>
        <div class="call-requirements">
            {if page {
                view! { <h2>{tr!(i18n, requirements)}</h2> }.into_any()
            } else {
                view! { <h3>{tr!(i18n, requirements)}</h3> }.into_any()
            }}
            <ul>
                {match req.gender {
                    Some(g) => view! { <li>{move || g.label(lang())}</li> }.into_any(),
                    None => view! { <li>{tr!(i18n, any_gender)}</li> }.into_any(),
                }}
                {age.map(|(min, max)| view! { <li>{t!(i18n, age_range, min = min.clone(), max = max.clone())}</li> })}
                {height.map(|(min, max)| view! { <li>{t!(i18n, height_range, min = min.clone(), max = max.clone())}</li> })}
                {weight.map(|(min, max)| view! { <li>{t!(i18n, weight_range, min = min.clone(), max = max.clone())}</li> })}
                {skills.into_iter().map(|s| view! { <li>{move || s.label(lang())}</li> }).collect_view()}
                {training
                    .into_iter()
                    .map(|m| view! {
                        <li>
                            {t!(i18n, requires_training, module = move || m.label(lang()))} " "
                            <a href=format!("/training/{}", m.code())>{tr!(i18n, training_free_link)}</a>
                        </li>
                    })
                    .collect_view()}
                {(!has_requirements).then(|| view! { <li>{tr!(i18n, no_requirements)}</li> })}
            </ul>
        </div>
        <p class="call-description">{move || lang().pick(&call.description_zh, &call.description_en).to_string()}</p>
    }
}
