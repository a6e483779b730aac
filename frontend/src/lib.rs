//! Browser entry point: hydrates the page the server rendered.

#![recursion_limit = "256"]

use leptos::prelude::document;

/// Room for the split build to lay out the bundle's constant data by area.
///
/// `cargo leptos build --split` (`wasm_split_cli_support`) moves each constant — translations,
/// tables, the views' vtables — into the area that uses it, packing every area's together. Packed
/// that way the constants can come out a few hundred bytes longer than the linker's layout (data
/// two areas share is copied into both, and each area starts on an aligned address), and when they
/// do not fit the space the linker gave them the splitter falls back to keeping every constant of
/// every area in the main module, which every page loads. These bytes, kept by the linker
/// (`#[used]`) but used by no code, lengthen that space; the splitter gives them to no module, so
/// they are in no file the browser fetches. `scripts/bundle-size` fails the build if the main
/// module holds the areas' data again.
#[used]
static SPLIT_DATA_ROOM: [u8; 16 * 1024] = [0xa5; 16 * 1024];

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
