//! Browser entry point: hydrates the page the server rendered.

#![recursion_limit = "256"]

use leptos::prelude::document;

/// Hydrates the body, waiting for the current page's lazily loaded area (the bundle is split by
/// area, see `app::app`), then marks the site header `data-hydrated="true"`: only then do the
/// page's buttons and forms answer.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(body) = document().body() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        leptos::mount::hydrate_from_async(body, app::App).await.forget();
        if let Ok(Some(header)) = document().query_selector("header.site-header") {
            _ = header.set_attribute("data-hydrated", "true");
        }
    });
}
