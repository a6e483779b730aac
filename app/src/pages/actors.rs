//! `/actors`: the actor pool (演员库) for crews of verified productions and admins — only actors
//! who let crews find them, narrowed by gender, age, height, weight and skills in a GET form
//! (the address holds it), with how many match by gender and by skill, fifty to a page. Crews
//! see name, gender, age, height, weight and skills; never a phone or a birth date.

use crate::codec::fetched;
use domain::casting::ActorFilter;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::casting::search_actor_pool;
use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::components::pager::{PageLinks, paged_href};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::PoolView;
use crate::pages::account::send_to_login;
use crate::pages::applicants::{ActorColumns, ActorFactCells, FilterForm, LookCell};

#[component]
pub fn ActorsPage() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let data = fetched(move || location.search.get(), search_actor_pool);
    view! {
        <section class="actor-pool">
            <h1>{tr!(i18n, pool_title)}</h1>
            <p class="lead">{tr!(i18n, pool_intro)}</p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <PoolBody view /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/actors"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PoolBody(view: PoolView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let location = use_location();
    let query = location.search.get_untracked();
    let filter = ActorFilter::from_query(&query);
    let total = domain::group_thousands(u64::try_from(view.total).unwrap_or(0));
    let filter_query = filter.to_query();
    let page_link = move |page: u32| paged_href("/actors", &filter_query, page);
    let (page, pages) = (view.page, view.pages);
    view! {
        <FilterForm path="/actors".to_string() filter />
        <p class="result-count" role="status">{t!(i18n, pool_count, count = total.clone())}</p>
        <ul class="pool-counts" aria-label=move || t_string!(i18n, pool_counts).to_string()>
            {view.by_gender.iter().map(|(g, n)| {
                let (g, n) = (*g, domain::group_thousands(u64::try_from(*n).unwrap_or(0)));
                view! { <li data-gender=g.code()>{move || g.label(lang())} " " <strong>{n.clone()}</strong></li> }
            }).collect_view()}
            {view.by_skill.iter().map(|(s, n)| {
                let (s, n) = (*s, domain::group_thousands(u64::try_from(*n).unwrap_or(0)));
                view! { <li data-skill=s.code()>{move || s.label(lang())} " " <strong>{n.clone()}</strong></li> }
            }).collect_view()}
        </ul>
        <div class="table-scroll"><table class="data-table pool-table">
            <thead>
                <tr>
                    <ActorColumns />
                </tr>
            </thead>
            <tbody>
                {view.actors.into_iter().map(|a| {
                    view! {
                        <tr data-actor=a.actor_id>
                            <LookCell look=a.look.clone() name=a.name.clone() />
                            <th scope="row">{a.name.clone()}</th>
                            <ActorFactCells
                                gender=a.gender
                                age=a.age
                                height_cm=a.height_cm
                                weight_kg=a.weight_kg
                                skills=a.skills
                            />
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table></div>
        <PageLinks page pages href=page_link />
    }
}
