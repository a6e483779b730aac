//! `/`: what Backlot offers, with a way into each of its three parts.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::i18n::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let deleted = move || query.with(|q| q.get("deleted").is_some());
    view! {
        <section class="home">
            <Show when=deleted>
                <p class="notice" role="status">{tr!(i18n, account_deleted)}</p>
            </Show>
            <h1>{tr!(i18n, home_title)}</h1>
            <p class="lead">{tr!(i18n, home_intro)}</p>
            <ul class="home-cards">
                <li>
                    <A href="/locations"><h2>{tr!(i18n, nav_locations)}</h2></A>
                    <p>{tr!(i18n, home_locations)}</p>
                </li>
                <li>
                    <A href="/catalogue"><h2>{tr!(i18n, nav_catalogue)}</h2></A>
                    <p>{tr!(i18n, home_catalogue)}</p>
                </li>
                <li>
                    <A href="/casting"><h2>{tr!(i18n, nav_casting)}</h2></A>
                    <p>{tr!(i18n, home_casting)}</p>
                </li>
            </ul>
        </section>
    }
}
