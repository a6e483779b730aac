//! "Previous · page / pages · Next" under a list paged through its address.

use leptos::prelude::*;

use crate::i18n::*;

/// Links to the pages either side of `page` (of `pages`), each address made by `href`; nothing
/// when everything fits on one page.
#[component]
pub fn PageLinks<F>(page: u32, pages: u32, href: F) -> impl IntoView
where
    F: Fn(u32) -> String + 'static,
{
    let i18n = use_i18n();
    let previous = (page > 1).then(|| href(page - 1));
    let next = (page < pages).then(|| href(page + 1));
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=move || t_string!(i18n, pagination).to_string()>
                {previous.map(|href| view! { <a rel="prev" href=href>{tr!(i18n, previous_page)}</a> })}
                <span aria-current="page">{page} " / " {pages}</span>
                {next.map(|href| view! { <a rel="next" href=href>{tr!(i18n, next_page)}</a> })}
            </nav>
        }
    })
}

/// `path?query&page=n` (`query` without `?`, possibly empty).
pub fn paged_href(path: &str, query: &str, page: u32) -> String {
    let sep = if query.is_empty() { "" } else { "&" };
    format!("{path}?{query}{sep}page={page}")
}
