//! Filter forms sent by GET: once the page is hydrated, a submission navigates to the filter's
//! canonical address (empty and malformed fields left out) without reloading the page. Before
//! hydration, or without script, the browser sends the form as it is and the page reads it the
//! same way.

use leptos::ev::SubmitEvent;
use leptos::wasm_bindgen::JsCast;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// An `on:submit` handler for a GET form whose page lives at `path`; `canonical` turns the form's
/// query into the one the page keeps in its address (e.g. `CallFilter::from_query(q).to_query()`).
pub fn canonical_get(
    path: String,
    canonical: fn(&str) -> String,
) -> impl Fn(SubmitEvent) + Clone + 'static {
    let navigate = use_navigate();
    move |ev: SubmitEvent| {
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
            return;
        };
        ev.prevent_default();
        let query = canonical(&String::from(params.to_string()));
        let href = if query.is_empty() { path.clone() } else { format!("{path}?{query}") };
        navigate(&href, NavigateOptions::default());
    }
}
