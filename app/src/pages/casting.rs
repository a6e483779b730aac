//! `/casting`: open casting calls, readable without an account.

use leptos::prelude::*;

use crate::api::list_open_calls;
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::i18n::*;
use crate::models::CallCard;

#[component]
pub fn CastingPage() -> impl IntoView {
    let i18n = use_i18n();
    let calls = Resource::new(|| (), |_| list_open_calls());
    view! {
        <section class="casting">
            <h1>{t!(i18n, casting_title)}</h1>
            <p class="lead">{t!(i18n, casting_intro)}</p>
            <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match calls.await {
                        Ok(calls) => {
                            let count = calls.len();
                            view! {
                                <p class="result-count">{t!(i18n, casting_count, count)}</p>
                                <ul class="call-list">
                                    {calls.into_iter().map(|call| view! { <CallTile call /> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
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
#[component]
pub(crate) fn CallFacts(call: CallCard) -> impl IntoView {
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
    view! {
        <p class="call-production">
            {move || lang().pick(&call.production_zh, &call.production_en).to_string()}
            {call.verified.then(|| view! { <span class="badge">{t!(i18n, verified_production)}</span> })}
        </p>
        <p class="call-pay"><strong>{t!(i18n, per_day, amount = pay.clone())}</strong></p>
        <p>{t!(i18n, shoot_dates, start = start.clone(), end = end.clone())}</p>
        <p>
            {t!(i18n, location_label)}": "
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
            <h3>{t!(i18n, requirements)}</h3>
            <ul>
                {match req.gender {
                    Some(g) => view! { <li>{move || g.label(lang())}</li> }.into_any(),
                    None => view! { <li>{t!(i18n, any_gender)}</li> }.into_any(),
                }}
                {age.map(|(min, max)| view! { <li>{t!(i18n, age_range, min = min.clone(), max = max.clone())}</li> })}
                {height.map(|(min, max)| view! { <li>{t!(i18n, height_range, min = min.clone(), max = max.clone())}</li> })}
                {weight.map(|(min, max)| view! { <li>{t!(i18n, weight_range, min = min.clone(), max = max.clone())}</li> })}
                {skills.into_iter().map(|s| view! { <li>{move || s.label(lang())}</li> }).collect_view()}
                {(!has_requirements).then(|| view! { <li>{t!(i18n, no_requirements)}</li> })}
            </ul>
        </div>
        <p class="call-description">{move || lang().pick(&call.description_zh, &call.description_en).to_string()}</p>
    }
}
