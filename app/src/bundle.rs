//! The stylesheet and the script that loads the wasm bundle, written into every page's head.
//!
//! The script asks for nothing until the page is on screen: the browser first paints the
//! server's HTML with its stylesheet, and only once it is idle fetches the JS glue and the main
//! wasm (side by side), then the page's area (see `app::lazy_areas!`), and hydrates. Leptos's
//! own `HydrationScripts` preloads the bundle from the head (and, about half the time, the
//! area's pieces as well): those downloads then start before the first paint and, on a slow
//! phone network, hold back the largest paint behind up to 150 wasm files the page does not
//! need to be read. Every link and form works before hydration, so nothing waits on them; the
//! pages of [`SCRIPTLESS_AREAS`] (the home page, the open casting calls) load no bundle at all.
//!
//! The files' names carry their content's hash when the build has `hash-files`; they are read
//! from the build's `hash.txt` (beside the server binary) once per process, not per page.

use std::path::PathBuf;
use std::sync::OnceLock;

use leptos::prelude::*;

/// The bundle's file names under the site's package directory.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BundleFiles {
    css: String,
    js: String,
    wasm: String,
    /// The split manifest's hash, when the build was split and hashed: area packs carry it.
    manifest: Option<String>,
    /// The map island, when it was built (`scripts/build-island`).
    island: Option<IslandFiles>,
}

/// The value of `key` in a build's list of `key: value` lines (`hash.txt`, the island's manifest).
fn listed<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim() == key)
        .map(|(_, value)| value.trim())
}

/// The map island's files (`map-island`: the JS glue and its wasm), under the site's root.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IslandFiles {
    js: String,
    wasm: String,
}

impl IslandFiles {
    /// The directory under the site's root that `scripts/build-island` writes.
    const DIR: &str = "island";

    /// The files `manifest` (`js: <name>` and `wasm: <name>` lines) names, if it names both.
    fn from_manifest(manifest: &str) -> Option<IslandFiles> {
        let named =
            |kind: &str| listed(manifest, kind).map(|name| format!("/{}/{name}", IslandFiles::DIR));
        Some(IslandFiles { js: named("js")?, wasm: named("wasm")? })
    }

    /// The island of the site at `site_root`, if it was built: its manifest names its files and
    /// they are there.
    fn built(site_root: &str) -> Option<IslandFiles> {
        let dir = std::path::Path::new(site_root).join(IslandFiles::DIR);
        let files =
            IslandFiles::from_manifest(&std::fs::read_to_string(dir.join("manifest.txt")).ok()?)?;
        let present = |address: &str| {
            std::path::Path::new(site_root).join(address.trim_start_matches('/')).is_file()
        };
        (present(&files.js) && present(&files.wasm)).then_some(files)
    }
}

impl BundleFiles {
    /// Names for `output_name` given the contents of `hash.txt` (`kind: hash` lines), if the
    /// build hashed its files.
    fn new(output_name: &str, hashes: Option<&str>) -> BundleFiles {
        let hash_of = |kind: &str| hashes.and_then(|text| listed(text, kind)).map(str::to_string);
        let name = |kind: &str, extension: &str| match hash_of(kind) {
            Some(hash) => format!("{output_name}.{hash}.{extension}"),
            None => format!("{output_name}.{extension}"),
        };
        BundleFiles {
            css: name("css", "css"),
            js: name("js", "js"),
            wasm: name("wasm", "wasm"),
            manifest: hash_of("manifest"),
            island: None,
        }
    }

    /// The names for this build, worked out on first use.
    fn current(options: &LeptosOptions) -> &'static BundleFiles {
        FILES.get_or_init(|| {
            let hashes = options
                .hash_files
                .then(|| std::fs::read_to_string(hash_list(options)?).ok())
                .flatten();
            if options.hash_files && hashes.is_none() {
                leptos::logging::error!(
                    "file hashing is on but the build's hash file is unreadable"
                );
            }
            let mut files = BundleFiles::new(&options.output_name, hashes.as_deref());
            files.island = IslandFiles::built(&options.site_root);
            if files.island.is_none() {
                leptos::logging::warn!(
                    "the map island is not built (scripts/build-island): /locations loads the bundle"
                );
            }
            files
        })
    }

    /// The areas whose pages load no bundle: [`SCRIPTLESS_AREAS`], and [`ISLAND_AREAS`] when the
    /// island is built.
    fn scriptless(&self) -> Vec<&'static str> {
        let islands = if self.island.is_some() { ISLAND_AREAS } else { &[] };
        SCRIPTLESS_AREAS.iter().chain(islands).copied().collect()
    }
}

/// This build's files, once a page or [`prepare`] has asked.
static FILES: OnceLock<BundleFiles> = OnceLock::new();

/// Works out this build's files (reading `hash.txt` and the island's manifest) before the first
/// page is rendered.
#[cfg(feature = "ssr")]
pub fn prepare(options: &LeptosOptions) {
    BundleFiles::current(options);
}

/// Whether the map island is built, so `/locations` from the server loads it rather than the
/// bundle and its page writes the island's data ([`ISLAND_AREAS`]).
pub fn island_built() -> bool {
    FILES.get().is_some_and(|files| files.island.is_some())
}

/// Where the build lists its files' hashes (`hash.txt`, beside the server binary).
pub fn hash_list(options: &LeptosOptions) -> Option<PathBuf> {
    Some(std::env::current_exe().ok()?.parent()?.join(options.hash_file.as_ref()))
}

/// The script that fetches the bundle once the page is idle and hydrates it. It holds no `<`
/// or `&`, so it can be written as the script element's text as it is.
///
/// When the build was split and hashed, it also fetches the page's area pack beside the main
/// wasm (`server::area_packs`: the area's pieces in one file, compressed as one) and answers
/// the split loader's requests for those pieces from it. The area is named by the page's
/// `data-area` marker (`app::lazy_areas!`). Pages of other areas, reached later by a link, ask
/// for their area's pack through [`PACK_FUNCTION`] before their pieces are fetched. A piece no
/// pack holds — or every piece, when a pack is missing — is fetched on its own as before.
fn loader_script(pkg: &str, files: &BundleFiles) -> String {
    let js = format!("/{pkg}/{}", files.js);
    let wasm = format!("/{pkg}/{}", files.wasm);
    let area = match &files.manifest {
        Some(tag) => format!(
            "const real = window.fetch; const packs = new Map(); \
             const pack = (area) => {{ if (!packs.has(area)) {{ \
             packs.set(area, real.call(window, {dir:?} + area + {suffix:?}) \
             .then((answer) => answer.ok ? answer.arrayBuffer() : null) \
             .then((buffer) => {{ const found = new Map(); if (buffer) {{ \
             const view = new DataView(buffer); const names = new TextDecoder(); \
             const count = view.getUint32(0, true); const heads = []; let at = 4; \
             for (let i = 0; i !== count; i += 1) {{ const length = view.getUint32(at, true); \
             heads.push([names.decode(new Uint8Array(buffer, at + 4, length)), view.getUint32(at + 4 + length, true)]); \
             at += 8 + length; }} \
             for (const [name, size] of heads) {{ \
             found.set(new URL(name, location.origin + {base:?}).href, new Uint8Array(buffer, at, size)); at += size; }} }} \
             return found; }}).catch(() => new Map())); }} }}; \
             window.{PACK_FUNCTION} = pack; \
             if (marker) {{ pack(marker.dataset.area); }} \
             window.fetch = (input, init) => {{ const href = input instanceof URL ? input.href : String(input); \
             return href.endsWith(\".wasm\") ? Promise.all(packs.values()).then((all) => {{ \
             for (const found of all) {{ const body = found.get(href); if (body) {{ found.delete(href); \
             return new Response(body, {{ headers: {{ \"Content-Type\": \"application/wasm\" }} }}); }} }} \
             return real.call(window, input, init); }}) : real.call(window, input, init); }}; ",
            dir = format!("/{pkg}/area/"),
            suffix = format!(".{tag}.pack"),
            base = format!("/{pkg}/"),
        ),
        None => String::new(),
    };
    let scriptless = serde_json::to_string(&files.scriptless()).unwrap_or_else(|_| "[]".into());
    let without = without_bundle();
    let island = match &files.island {
        Some(island) => format!(
            "if (document.getElementById({id:?})) {{ idle(() => {{ const wasm = fetch({wasm:?}); \
             import({js:?}).then((glue) => glue.default({{ module_or_path: wasm }})); }}); }} ",
            id = map::LocationsMap::ELEMENT_ID,
            js = island.js,
            wasm = island.wasm,
        ),
        None => String::new(),
    };
    format!(
        "(() => {{ const idle = (run) => {{ \
         if (\"requestIdleCallback\" in window) {{ window.requestIdleCallback(run, {{ timeout: 2000 }}); }} \
         else {{ window.addEventListener(\"load\", run); }} }}; \
         const marker = document.querySelector(\"[data-area]\"); \
         if (marker ? {scriptless}.includes(marker.dataset.area) : false) {{ {without} {island}return; }} \
         idle(() => {{ const wasm = fetch({wasm:?}); {area}\
         import({js:?}).then((glue) => glue.default({{ module_or_path: wasm }}).then(() => glue.hydrate())); }}); }})();"
    )
}

/// The areas whose pages need no script, so the loader fetches nothing there: everything on
/// them is a link or a form the server answers (the header's language switch and log-out
/// included). A visitor's first page there costs its HTML and the stylesheet, and the bundle is
/// fetched by the first page that needs it. Reached by a link from a page that has hydrated,
/// such a page is rendered by the router in the browser like any other.
///
/// - The home page: three ways in.
/// - Casting (`/casting`, a call's page): the open calls' filter is a GET form, the pages are
///   links, and the one-tap application is a form its server function answers with a redirect
///   back to the call, which then shows where the application stands — or, refused, the
///   reason, which the server function puts in the address for the form to show
///   (`leptos_router` reads it back). The actors who read calls on a phone at the edge of town
///   are the ones the bundle costs most.
/// - The catalogue's list (`/catalogue`): the text search and the date and price filters are GET
///   forms, the facet values, sorts, layouts and pages links; the phone's filter panel stays as
///   the reader left it from one view to the next ([`KeptOpen`]). The item's own page (photos,
///   requests) is an area of its own and hydrates.
pub const SCRIPTLESS_AREAS: &[&str] = &["home", "casting", "catalogue"];

/// The areas whose pages load no bundle once the map island is built (`scripts/build-island`),
/// because a small module of their own does what they need script for.
///
/// - The locations list with its map (`/locations`): the filters are a GET form, the list's
///   rows and the map's popups links; the map itself is the island (`map-island`, a few dozen
///   kB against the bundle's five hundred), which finds its data in the page, draws the same map
///   with the same code (`map::draw_locations`) and keeps the address and the filter form on the
///   map's view. A location's own page (booking) is in another area, which hydrates.
pub const ISLAND_AREAS: &[&str] = &["locations"];

/// What the loader does on a page that needs no script instead of fetching the bundle:
/// - a GET form sends only the fields that hold something, as the hydrated filters' own
///   handlers do (`components::filter_form::canonical_get`): the address of a filtered list
///   stays short enough to share, and names only what narrows it;
/// - a link or GET form that leads to another view of the same page (a facet ticked, a page
///   turned) notes which of the page's panels ([`KeptOpen`]) are open, for the next page to
///   open them again as it is drawn — as the router leaves them when it draws the page in place;
/// - the site header is marked `data-hydrated="none"` (tests wait for it, as for `"true"`
///   where the page hydrates).
fn without_bundle() -> String {
    format!(
        "document.addEventListener(\"formdata\", (event) => {{ \
         if (event.target.method === \"get\") {{ const data = event.formData; \
         const kept = [...data].filter((entry) => entry[1] !== \"\"); \
         for (const name of [...new Set(data.keys())]) {{ data.delete(name); }} \
         for (const [name, value] of kept) {{ data.append(name, value); }} }} }}); \
         const keep = (to) => {{ if (new URL(to, location.href).pathname === location.pathname) {{ \
         const open = [...document.querySelectorAll(\"details[data-kept-open][open]\")].map((panel) => panel.id); \
         try {{ sessionStorage.setItem({KEPT_OPEN:?}, JSON.stringify(open)); }} catch {{}} }} }}; \
         document.addEventListener(\"click\", (event) => {{ const link = event.target.closest(\"a[href]\"); \
         if (link ? !(event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) : false) {{ keep(link.href); }} }}); \
         document.addEventListener(\"submit\", (event) => {{ if (event.target.method === \"get\") {{ keep(event.target.action); }} }}); \
         const header = document.querySelector(\"header.site-header\"); \
         if (header) {{ header.dataset.hydrated = \"none\"; }}"
    )
}

/// Where a page without the bundle notes its open panels for the next view of it.
const KEPT_OPEN: &str = "backlot.kept-open";

/// Placed in a `<details>` that has an `id`, after its summary and before its contents: on a
/// page without the bundle, a panel the reader had open when they ticked a facet or turned a
/// page is open again in the next view of the page (the loader notes it, see
/// [`SCRIPTLESS_AREAS`]). The script runs as the panel is
/// parsed, so the panel is drawn open, not opened after a first paint. Drawn by the router, the
/// page is not reloaded and keeps its panels itself: the script is only in the server's HTML.
#[cfg(feature = "ssr")]
#[component]
pub fn KeptOpen() -> impl IntoView {
    view! { <script nonce=leptos::nonce::use_nonce()>{kept_open_script()}</script> }
}

/// In the browser the panel is drawn by the router and keeps its own state: nothing to add.
#[cfg(not(feature = "ssr"))]
#[component]
pub fn KeptOpen() -> impl IntoView {}

/// [`KeptOpen`]'s script: opens its panel if the last view noted it open, and forgets the note.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn kept_open_script() -> String {
    format!(
        "(() => {{ const panel = document.currentScript.parentElement; \
         try {{ const open = JSON.parse(sessionStorage.getItem({KEPT_OPEN:?}) || \"[]\"); \
         sessionStorage.removeItem({KEPT_OPEN:?}); \
         if (open.includes(panel.id)) {{ panel.open = true; }} }} catch {{}} }})();"
    )
}

/// The loader's function (on `window`) that fetches an area's pack, once: the router calls it
/// with the area's name before a page of another area loads its pieces.
pub const PACK_FUNCTION: &str = "backlotAreaPack";

/// Asks the loader for `area`'s pack (see [`PACK_FUNCTION`]); nothing when the build has no
/// packs or the page was not loaded by the loader.
#[cfg(target_arch = "wasm32")]
pub fn fetch_area_pack(area: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let function = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(PACK_FUNCTION))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
    if let Some(function) = function {
        let _ = function.call1(&JsValue::NULL, &JsValue::from_str(area));
    }
}

/// Marks the page as on its way to another one while the router fetches another area's code
/// (a link into another part of the site): the old page stays on screen until the new one is
/// ready, which on a phone network may take seconds, and without a sign a tap would seem to do
/// nothing. While any is alive the root element carries `data-navigating` (the stylesheet draws
/// a bar along the top) and `<main>` is `aria-busy`. Not while the first page hydrates: it is
/// on screen already, and its links and forms work.
#[cfg(target_arch = "wasm32")]
#[must_use = "the page is marked while this is alive"]
pub struct Navigating(bool);

#[cfg(target_arch = "wasm32")]
thread_local! {
    static NAVIGATING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

#[cfg(target_arch = "wasm32")]
impl Navigating {
    /// Marks the page, if it has hydrated.
    pub fn start() -> Navigating {
        let document = leptos::prelude::document();
        let hydrated = document
            .query_selector("header.site-header[data-hydrated=\"true\"]")
            .ok()
            .flatten()
            .is_some();
        if hydrated && NAVIGATING.replace(NAVIGATING.get() + 1) == 0 {
            Navigating::mark(true);
        }
        Navigating(hydrated)
    }

    fn mark(on: bool) {
        let document = leptos::prelude::document();
        let marked = [
            (document.document_element(), "data-navigating", ""),
            (document.get_element_by_id("main"), "aria-busy", "true"),
        ];
        for (element, name, value) in marked {
            if let Some(element) = element {
                _ = if on {
                    element.set_attribute(name, value)
                } else {
                    element.remove_attribute(name)
                };
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl Drop for Navigating {
    fn drop(&mut self) {
        if self.0 && NAVIGATING.replace(NAVIGATING.get().saturating_sub(1)) == 1 {
            Navigating::mark(false);
        }
    }
}

/// The hash of the build's split manifest (`__wasm_split_manifest.<hash>.json` under the
/// package directory), when the build was split and its files hashed: the server builds the
/// area packs from it, and the loader asks for them by it.
#[cfg(feature = "ssr")]
pub fn split_manifest_hash(options: &LeptosOptions) -> Option<String> {
    BundleFiles::current(options).manifest.clone()
}

/// The site's stylesheet (render-blocking, as it should be) and the bundle's loader.
#[component]
pub fn BundleHead(options: LeptosOptions) -> impl IntoView {
    let files = BundleFiles::current(&options);
    let pkg = options.site_pkg_dir.to_string();
    // The same for every page of this process, as the files' names are.
    static SCRIPT: OnceLock<String> = OnceLock::new();
    let script = SCRIPT.get_or_init(|| loader_script(&pkg, files)).as_str();
    view! {
        <link id="leptos" rel="stylesheet" href=format!("/{pkg}/{}", files.css) />
        <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_hashes_of_the_build() {
        let hashes = "js: Aa1\nwasm: Bb2\ncss: Cc3\nmanifest: Dd4\nsplit: Ee5\n";
        let files = BundleFiles::new("backlot", Some(hashes));
        assert_eq!(files.css, "backlot.Cc3.css");
        assert_eq!(files.js, "backlot.Aa1.js");
        assert_eq!(files.wasm, "backlot.Bb2.wasm");
        let plain = BundleFiles::new("backlot", None);
        assert_eq!((plain.css.as_str(), plain.js.as_str()), ("backlot.css", "backlot.js"));
    }

    #[test]
    fn the_loader_waits_for_idle_and_fetches_the_wasm_beside_the_glue() {
        let files = BundleFiles::new("backlot", Some("js: J\nwasm: W\ncss: C"));
        let script = loader_script("pkg", &files);
        assert!(script.contains("requestIdleCallback(run"));
        assert!(script.contains("fetch(\"/pkg/backlot.W.wasm\")"));
        assert!(script.contains("import(\"/pkg/backlot.J.js\")"));
        assert!(!script.contains('<') && !script.contains('&'), "{script}");
        // A page of an area that needs no script fetches nothing.
        let skip = script
            .find(r#"["home","casting","catalogue"].includes(marker.dataset.area) : false) {"#);
        let first_fetch = script.find("fetch(").unwrap_or(0);
        assert!(skip.is_some_and(|at| at < first_fetch), "{script}");
        // There it marks the header instead and keeps GET forms' addresses to what they narrow.
        let instead = script.find(&without_bundle()).expect("what a page without the bundle does");
        let returns = script.find("return; }").expect("the page without the bundle returns");
        assert!(skip.is_some_and(|at| at < instead) && instead < returns && returns < first_fetch);
        // Without a split manifest there are no packs to ask for.
        assert!(!script.contains(".pack"), "{script}");
    }

    #[test]
    fn with_the_island_built_the_locations_page_loads_it_instead_of_the_bundle() {
        let mut files = BundleFiles::new("backlot", Some("js: J\nwasm: W\ncss: C\nmanifest: M\n"));
        assert_eq!(IslandFiles::from_manifest("js: map.A.js\n"), None, "both files or none");
        files.island = IslandFiles::from_manifest("js: map.H1.js\nwasm: map.H2.wasm\n");
        assert_eq!(
            files.island,
            Some(IslandFiles {
                js: "/island/map.H1.js".into(),
                wasm: "/island/map.H2.wasm".into()
            })
        );
        let script = loader_script("pkg", &files);
        let skip = script
            .find(r#"["home","casting","catalogue","locations"].includes(marker.dataset.area)"#)
            .expect("the locations area loads no bundle");
        let island = script.find(r#"fetch("/island/map.H2.wasm")"#).expect("the island's wasm");
        let returns = script.find("return; }").expect("the page without the bundle returns");
        let bundle = script.find(r#"fetch("/pkg/backlot.W.wasm")"#).expect("the bundle elsewhere");
        assert!(skip < island && island < returns && returns < bundle, "{script}");
        // Only a page that carries the island's data loads it, once idle.
        let data =
            format!("if (document.getElementById({:?})) {{ idle(", map::LocationsMap::ELEMENT_ID);
        assert!(script.contains(&data), "{script}");
        assert!(script.contains(r#"import("/island/map.H1.js")"#), "{script}");
        assert!(!script.contains('<') && !script.contains('&'), "{script}");
    }

    #[test]
    fn panels_are_noted_open_where_the_next_view_looks_for_them() {
        let note = format!("sessionStorage.setItem({KEPT_OPEN:?}, ");
        assert!(without_bundle().contains(&note), "{}", without_bundle());
        let script = kept_open_script();
        assert!(script.contains(&format!("sessionStorage.getItem({KEPT_OPEN:?})")), "{script}");
        assert!(script.contains(&format!("sessionStorage.removeItem({KEPT_OPEN:?})")), "{script}");
        // Written as the text of a script element inside the page.
        assert!(!script.contains('<') && !script.contains('&'), "{script}");
    }

    #[test]
    fn a_split_build_fetches_the_area_pack_beside_the_main_wasm() {
        let files = BundleFiles::new("backlot", Some("js: J\nwasm: W\ncss: C\nmanifest: M\n"));
        assert_eq!(files.manifest.as_deref(), Some("M"));
        let script = loader_script("pkg", &files);
        assert!(script.contains(r#""/pkg/area/" + area + ".M.pack""#), "{script}");
        assert!(script.contains("pack(marker.dataset.area)"), "{script}");
        // Pages of other areas ask for their pack by the function the router calls.
        assert!(script.contains(&format!("window.{PACK_FUNCTION} = pack")), "{script}");
        // The main wasm is asked for before the split loader's fetches are answered from the pack.
        let main = script.find("fetch(\"/pkg/backlot.W.wasm\")").expect("the main wasm");
        assert!(main < script.find("window.fetch =").expect("the pieces' answerer"));
        assert!(script.contains(r#"new URL(name, location.origin + "/pkg/")"#));
        assert!(!script.contains('<') && !script.contains('&'), "{script}");
    }
}
