//! The stylesheet and the script that loads the wasm bundle, written into every page's head.
//!
//! The script asks for nothing until the page is on screen: the browser first paints the
//! server's HTML with its stylesheet, and only once it is idle fetches the JS glue and the main
//! wasm (side by side), then the page's area (see `app::lazy_areas!`), and hydrates. Leptos's
//! own `HydrationScripts` preloads the bundle from the head (and, about half the time, the
//! area's pieces as well): those downloads then start before the first paint and, on a slow
//! phone network, hold back the largest paint behind up to 150 wasm files the page does not
//! need to be read. Every link and form works before hydration, so nothing waits on them.
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
}

impl BundleFiles {
    /// Names for `output_name` given the contents of `hash.txt` (`kind: hash` lines), if the
    /// build hashed its files.
    fn new(output_name: &str, hashes: Option<&str>) -> BundleFiles {
        let hash_of = |kind: &str| {
            hashes.and_then(|text| {
                text.lines()
                    .filter_map(|line| line.split_once(':'))
                    .find(|(file, _)| file.trim() == kind)
                    .map(|(_, hash)| hash.trim().to_string())
            })
        };
        let name = |kind: &str, extension: &str| match hash_of(kind) {
            Some(hash) => format!("{output_name}.{hash}.{extension}"),
            None => format!("{output_name}.{extension}"),
        };
        BundleFiles { css: name("css", "css"), js: name("js", "js"), wasm: name("wasm", "wasm") }
    }

    /// The names for this build, worked out on first use.
    fn current(options: &LeptosOptions) -> &'static BundleFiles {
        static FILES: OnceLock<BundleFiles> = OnceLock::new();
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
            BundleFiles::new(&options.output_name, hashes.as_deref())
        })
    }
}

/// Where the build lists its files' hashes (`hash.txt`, beside the server binary).
pub fn hash_list(options: &LeptosOptions) -> Option<PathBuf> {
    Some(std::env::current_exe().ok()?.parent()?.join(options.hash_file.as_ref()))
}

/// The script that fetches the bundle once the page is idle and hydrates it. It holds no `<`
/// or `&`, so it can be written as the script element's text as it is.
fn loader_script(pkg: &str, files: &BundleFiles) -> String {
    let js = format!("/{pkg}/{}", files.js);
    let wasm = format!("/{pkg}/{}", files.wasm);
    format!(
        "(() => {{ const load = () => {{ const wasm = fetch({wasm:?}); \
         import({js:?}).then((glue) => glue.default({{ module_or_path: wasm }}).then(() => glue.hydrate())); }}; \
         if (\"requestIdleCallback\" in window) {{ window.requestIdleCallback(load, {{ timeout: 2000 }}); }} \
         else {{ window.addEventListener(\"load\", load); }} }})();"
    )
}

/// The site's stylesheet (render-blocking, as it should be) and the bundle's loader.
#[component]
pub fn BundleHead(options: LeptosOptions) -> impl IntoView {
    let files = BundleFiles::current(&options);
    let pkg = options.site_pkg_dir.to_string();
    let script = loader_script(&pkg, files);
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
        assert!(script.contains("requestIdleCallback(load"));
        assert!(script.contains("fetch(\"/pkg/backlot.W.wasm\")"));
        assert!(script.contains("import(\"/pkg/backlot.J.js\")"));
        assert!(!script.contains('<') && !script.contains('&'), "{script}");
    }
}
