//! Server tests over real HTTP: the app on port 0 in front of a fresh, seeded database.

mod support;

use server::backend::studio_today;
use std::time::Duration;

use support::{Backend, TestApp, TestDb};

async fn app(backend: Backend) -> TestApp {
    TestApp::spawn(TestDb::seeded_at(backend, studio_today()).await).await
}

on_both_backends!(healthz_answers_when_the_database_does, |backend: Backend| async move {
    let app = app(backend).await;
    let (status, body) = app.page("/healthz", "zh-CN").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
});

on_both_backends!(pages_carry_their_content_in_the_server_html, |backend: Backend| async move {
    let app = app(backend).await;
    let (status, html) = app.page("/locations", "zh-CN,zh;q=0.9").await;
    assert_eq!(status, 200);
    assert!(html.contains("秦王宫"), "no Qin Palace in /locations");
    // Nothing but the stylesheet is asked for before the page is shown: the bundle loads once
    // the browser is idle (`app::bundle`), and Leaflet when the map mounts.
    let head = &html[..html.find("</head>").expect("a head")];
    assert!(head.contains(r#"rel="stylesheet""#));
    assert!(!head.contains("preload"), "a preload in the head");
    assert!(head.contains("requestIdleCallback(run"), "no bundle loader");
    assert!(!html.contains("/leaflet/leaflet.js"), "Leaflet asked for before the map mounts");

    let (status, html) = app.page("/catalogue", "zh-CN").await;
    assert_eq!(status, 200);
    assert!(!html.contains("leaflet"), "Leaflet on a page without a map");
    assert!(html.contains("CO-00001") || html.contains("MU-00001"), "first items missing");
    assert!(html.contains("data-sku="));

    let (status, html) = app.page("/casting", "zh-CN").await;
    assert_eq!(status, 200);
    assert!(html.contains("class=\"call-tile\""), "no casting calls rendered");
    assert!(html.contains("已认证剧组"));
});

on_both_backends!(
    a_long_result_maps_every_location_and_lists_the_first,
    |backend: Backend| async move {
        let db = TestDb::seeded_at(backend, studio_today()).await;
        // Each of the seed's locations copied four times, a few hundred metres away.
        support::copy_locations(&db.store, 4).await;
        let total = support::scalar(&db.store, "select count(*) from location").await;
        assert!(total > 200, "{total} locations");
        let app = TestApp::spawn(db).await;

        // Text without the markers between a sentence's pieces that hydration needs.
        let text = |html: String| html.replace("<!>", "").replace("<!-- -->", "");
        let (status, html) = app.page("/locations", "en-GB,en;q=0.9").await;
        assert_eq!(status, 200);
        let html = text(html);
        assert_eq!(html.matches("<tr data-slug=").count(), 200, "rows in the list");
        assert!(
            html.contains(&format!("The list shows the first 200; the map shows all {total}.")),
            "no word that the list is cut short"
        );
        let (_, html) = app.page("/locations", "zh-CN").await;
        assert!(text(html).contains(&format!("列表只列出前 200 个，地图上是全部 {total} 个")));
        // The map gets every location.
        let pins: serde_json::Value = app.call("/api/locations", &[]).await.json().await.unwrap();
        assert_eq!(pins["pins"].as_array().map(Vec::len), Some(total as usize));

        // A filter that matches fewer than 200 lists them all, with no such word.
        let (_, html) = app.page("/locations?q=qinwanggong", "en-GB").await;
        let html = text(html);
        let rows = html.matches("<tr data-slug=").count();
        assert!((1..200).contains(&rows), "{rows} rows for one palace and its copies");
        assert!(!html.contains("The list shows the first"));
    }
);

on_both_backends!(accept_language_chooses_english, |backend: Backend| async move {
    let app = app(backend).await;
    let (_, html) = app.page("/locations", "en-GB,en;q=0.9").await;
    assert!(html.contains("Qin Palace"), "no English name");
    assert!(html.contains("lang=\"en\""), "html lang not set to en");
    let (_, html) = app.page("/casting", "en-US").await;
    assert!(html.contains("Verified production"));
    let (_, html) = app.page("/casting", "zh-CN").await;
    assert!(html.contains("lang=\"zh\""), "html lang not set to zh");
});

on_both_backends!(
    the_language_switch_works_without_the_pages_script,
    |backend: Backend| async move {
        let app = app(backend).await;
        // The header's switch is a form the server answers, naming the page it is on.
        let (_, html) = app.page("/casting?q=x", "zh-CN").await;
        assert!(html.contains(r#"<form method="post" action="/language""#), "no language form");
        assert!(html.contains(r#"name="to" value="en""#), "the switch does not offer English");
        assert!(
            html.contains(r#"name="back" value="/casting?q=x""#),
            "the switch forgets the page"
        );

        let answer = app.call("/language", &[("to", "en"), ("back", "/casting?q=x")]).await;
        assert_eq!(answer.status(), 303);
        assert_eq!(answer.headers()["location"], "/casting?q=x");
        let cookie = answer.headers()["set-cookie"].to_str().expect("cookie text").to_string();
        assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");
        assert!(cookie.contains("Path=/") && cookie.contains("Max-Age=31536000"), "{cookie}");
        // Every page then speaks the choice, whatever the browser asks for.
        let (_, html) = app.page("/casting", "zh-CN").await;
        assert!(html.contains(r#"lang="en""#), "the choice did not hold");
        assert!(html.contains(r#"name="to" value="zh""#), "the switch does not offer Chinese back");

        // A redirect never leaves the site.
        for back in ["//evil.example/x", "https://evil.example/", "/\\evil.example", "casting", ""]
        {
            let answer = app.call("/language", &[("to", "zh"), ("back", back)]).await;
            assert_eq!(answer.status(), 303, "{back}");
            assert_eq!(answer.headers()["location"], "/", "{back}");
        }
        // A language the site does not speak, or none, changes nothing.
        for to in ["fr", "", "en; Path=/x"] {
            let answer = app.call("/language", &[("to", to), ("back", "/casting")]).await;
            assert_eq!(answer.status(), 422, "{to}");
            assert!(answer.headers().get("set-cookie").is_none(), "{to}");
            assert!(answer.text().await.expect("body").contains("This language is not offered"));
        }
        let (_, html) = app.page("/casting", "en-US").await;
        assert!(html.contains(r#"lang="zh""#), "the last choice made (Chinese) no longer holds");
        // Another site cannot switch a visitor's language.
        let refused = app
            .client
            .post(app.url("/language"))
            .header("origin", "https://evil.example")
            .form(&[("to", "en"), ("back", "/")])
            .send()
            .await
            .expect("request");
        assert_eq!(refused.status(), 403);
        let (_, html) = app.page("/casting", "en-US").await;
        assert!(html.contains(r#"lang="zh""#), "a cross-site post switched the language");
    }
);

on_both_backends!(public_responses_hold_no_personal_data, |backend: Backend| async move {
    let app = app(backend).await;
    let phones: Vec<String> =
        server::seed::actors::actors(2_000).into_iter().map(|a| a.phone).collect();
    let mut bodies = Vec::new();
    for path in
        ["/", "/locations", "/catalogue", "/catalogue?page=2", "/casting", "/login", "/register"]
    {
        for language in ["zh-CN", "en"] {
            let (status, body) = app.page(path, language).await;
            assert_eq!(status, 200, "{path}");
            bodies.push((path.to_string(), body));
        }
    }
    // An invitation's page is public to whoever holds the link.
    let token = server::tokens::new_token();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let production = app::models::OrgRef { kind: app::models::OrgKind::Production, id: 1 };
    app.db
        .store
        .create_invitation(2, production, &server::tokens::hash(&token), now, now + 3600)
        .await
        .unwrap();
    let join = format!("/join/{token}");
    for language in ["zh-CN", "en"] {
        let (status, body) = app.page(&join, language).await;
        assert_eq!(status, 200, "{join}");
        bodies.push((join.clone(), body));
    }
    // A shared shortlist is public to whoever holds the link, as is a comparison; the demo crew
    // member (account 2) shares one.
    let shared = server::tokens::new_token();
    let slugs: Vec<String> =
        app.db.store.location_pins().await.unwrap().into_iter().take(3).map(|p| p.slug).collect();
    for slug in &slugs {
        app.db.store.shortlist_add(2, slug, now).await.unwrap();
    }
    app.db.store.set_share_token(2, &shared, now).await.unwrap();
    for path in [format!("/shortlist/{shared}"), format!("/compare?l={}", slugs.join(","))] {
        for language in ["zh-CN", "en"] {
            let (status, body) = app.page(&path, language).await;
            assert_eq!(status, 200, "{path}");
            assert!(body.contains(&slugs[0]), "{path} does not show the locations");
            bodies.push((path.clone(), body));
        }
    }
    let response = app.call("/api/shortlist/shared", &[("token", shared.as_str())]).await;
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    for person in ["crew@backlot.local", "林晓", "account"] {
        assert!(!body.contains(person), "the shared shortlist names its owner: {body}");
    }
    bodies.push(("/api/shortlist/shared".to_string(), body));
    // Pages for logged-in users answer visitors with a redirect, not their content.
    for path in ["/account", "/admin", "/account/data"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert!(matches!(response.status().as_u16(), 303 | 401), "{path}: {}", response.status());
        bodies.push((path.to_string(), response.text().await.unwrap()));
    }
    for (endpoint, form) in [
        ("/api/invitation", vec![("token", token.as_str())]),
        ("/api/admin/overview", vec![]),
        ("/api/locations", vec![]),
        ("/api/calls", vec![]),
        ("/api/catalogue", vec![("query", "q=longpao&size=l")]),
    ] {
        let response = app.call(endpoint, &form).await;
        let expected = if endpoint.starts_with("/api/admin") { 401 } else { 200 };
        assert_eq!(response.status(), expected, "{endpoint}");
        bodies.push((endpoint.to_string(), response.text().await.unwrap()));
    }
    for (source, body) in &bodies {
        // The registration form asks for an actor's birth date, height and weight by these
        // names; no other public response may carry them.
        let asks = |field: &str| {
            source == "/register" && ["birth_date", "weight_kg", "height_cm"].contains(&field)
        };
        for field in ["phone", "birth_date", "weight_kg", "height_cm", "password_hash"] {
            assert!(asks(field) || !body.contains(field), "{source} mentions {field}");
        }
        if let Some(phone) = phones.iter().find(|p| body.contains(p.as_str())) {
            panic!("{source} contains the actor phone number {phone}");
        }
    }
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_functions_answer_with_json() {
    let app = app(Backend::Sqlite).await;
    let response = app.client.post(app.url("/api/calls")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let list: serde_json::Value = response.json().await.unwrap();
    let calls = list["calls"].as_array().expect("calls");
    assert!(!calls.is_empty());
    // The first page of every open call.
    assert_eq!(list["matched"], list["open"]);
    assert_eq!(calls.len() as u64, list["open"].as_u64().unwrap().min(20));
    assert!(calls[0].get("role_zh").is_some());

    let catalogue = |query: &'static str| {
        app.client.post(app.url("/api/catalogue")).form(&[("query", query)]).send()
    };
    let response = catalogue("page=2").await.unwrap();
    assert_eq!(response.status(), 200);
    let page: serde_json::Value = response.json().await.unwrap();
    assert_eq!(page["page"], 2);
    assert_eq!(page["total"], 4_500);
    assert_eq!(page["hits"].as_array().map(Vec::len), Some(48));

    // A hand-edited URL still opens: bad parts are ignored, the page number is at least 1.
    let response = catalogue("page=0&era=jurassic&rate_min=-5").await.unwrap();
    assert_eq!(response.status(), 200);
    let page: serde_json::Value = response.json().await.unwrap();
    assert_eq!((page["page"].as_u64(), page["total"].as_u64()), (Some(1), Some(4_500)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_are_404() {
    let app = app(Backend::Sqlite).await;
    let (status, html) = app.page("/no-such-page", "en").await;
    assert_eq!(status, 404);
    assert!(html.contains("does not exist"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_know_who_is_asking() {
    let app = app(Backend::Sqlite).await;
    let crew = app.browser();
    crew.log_in("crew@backlot.local", "backlot-crew-demo").await;
    let response = crew.get("/no-such-page").await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("class=\"signed-in\""), "the header of a 404 page lost the session");
}

// Site files are answered outside any page's rendering: they never carry anything of a page's,
// even while pages in another language are rendered alongside them; and each page speaks the
// language its request's cookie chose, whatever the requests around it chose.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn site_files_never_carry_another_pages_cookies() {
    let site = std::env::temp_dir().join(format!("backlot-site-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    let icon = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    std::fs::write(site.join("favicon.svg"), icon).unwrap();
    let db = TestDb::seeded_at(Backend::Sqlite, studio_today()).await;
    let app = TestApp::spawn_serving(db, 10, site.to_str().unwrap(), false).await;
    // Cookies are set by hand per request: no client keeps any.
    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for round in 0..60 {
        let client = client.clone();
        let (page, icon_url) = (app.url("/casting"), app.url("/favicon.svg"));
        tasks.push(tokio::spawn(async move {
            let (page_language, icon_language) =
                if round % 2 == 0 { ("en", "zh") } else { ("zh", "en") };
            let page = client
                .get(page)
                .header("cookie", format!("i18n_pref_locale={page_language}"))
                .send();
            let icon = client
                .get(icon_url)
                .header("cookie", format!("i18n_pref_locale={icon_language}"))
                .send();
            let (page, icon) = tokio::join!(page, icon);
            let (page, icon) = (page.expect("page"), icon.expect("icon"));
            let page_cookie =
                page.headers().get("set-cookie").map(|v| v.to_str().unwrap().to_string());
            let html = page.text().await.unwrap();
            assert!(
                html.contains(&format!("lang=\"{page_language}\"")),
                "page in the wrong language"
            );
            // The browser keeps the language choice (`app::remember_language`); the server only
            // reads it, and no answer sets it.
            assert_eq!(page_cookie, None, "a page set a cookie");
            assert_eq!(icon.status(), 200);
            assert_eq!(icon.headers().get("set-cookie"), None, "a file carried a cookie");
            icon.text().await.unwrap()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), icon);
    }
    std::fs::remove_dir_all(&site).unwrap();
}

/// A scratch site root holding `files` (path, content), removed when dropped.
struct Site(std::path::PathBuf);

impl Site {
    fn with(files: &[(&str, &[u8])]) -> Site {
        let root = std::env::temp_dir().join(format!("backlot-site-{}", fastrand::u64(..)));
        for (path, content) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        Site(root)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
async fn the_locations_page_hands_its_map_to_the_island_when_it_is_built() {
    let site = Site::with(&[
        ("island/manifest.txt", b"js: map.0a1b2c3d.js\nwasm: map.0a1b2c3d.wasm\n".as_slice()),
        ("island/map.0a1b2c3d.js", b"export default () => {};".as_slice()),
        ("island/map.0a1b2c3d.wasm", b"\0asm".as_slice()),
    ]);
    let db = TestDb::seeded_at(Backend::Sqlite, studio_today()).await;
    let app = TestApp::spawn_serving(db, 10, site.0.to_str().unwrap(), false).await;
    let page = |path: &str| {
        let url = app.url(path);
        async move {
            let answer = reqwest::Client::new()
                .get(url)
                .header("accept-language", "en")
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), 200);
            answer.text().await.unwrap()
        }
    };
    let html = page("/locations?era=qing&lat=29.1&lng=120.3&z=14").await;
    // The loader lists the locations area among those without the bundle, and loads the island.
    assert!(html.contains(r#""catalogue","locations"].includes(marker.dataset.area)"#), "{html}");
    assert!(html.contains(r#"import("/island/map.0a1b2c3d.js")"#), "{html}");
    assert!(html.contains(r#"fetch("/island/map.0a1b2c3d.wasm")"#), "{html}");
    // Beside the map's box, the island's data: the matches, in the page's language, at the
    // address's view.
    let opening = r#"<script type="application/json" id="locations-map-data">"#;
    let start = html.find(opening).expect("the island's data") + opening.len();
    let text = &html[start..start + html[start..].find("</script>").expect("closed")];
    let data = map::LocationsMap::from_script_text(text).expect("the island reads it");
    assert_eq!(data.lang, domain::Lang::En);
    assert_eq!((data.view.zoom, data.view.centre.lat()), (14, 29.1));
    let rows = html.matches("<tr data-slug=").count();
    assert!(rows > 0 && data.pins.len() == rows, "{} pins, {rows} rows", data.pins.len());
    let chinese = |name: &str| name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(data.pins.iter().all(|pin| !chinese(&pin.name)), "English names");
    assert!(!data.outlines.is_empty());
    // The page does not hydrate, so the matches are not written a second time for hydration.
    assert!(!html.contains("name_zh"), "the locations' data written for hydration too");
    // A location's own page is another area, which hydrates: no island there.
    let slug = &data.pins[0].slug;
    let location = page(&format!("/locations/{slug}")).await;
    assert!(location.contains(r#"data-area="location_plans""#), "{location}");
    assert!(!location.contains(r#"id="locations-map-data""#), "{location}");
}

#[tokio::test]
async fn site_files_are_cached_as_long_as_their_names_allow() {
    use server::routes::{HASHED_ASSETS, PUBLIC_FILES, UNHASHED_BUNDLE};
    let wasm = b"\0asm pretend bundle".repeat(100);
    let brotli = b"pretend brotli".to_vec();
    let site = Site::with(&[
        ("pkg/backlot.Xk3v9_aQ.wasm", wasm.as_slice()),
        ("pkg/backlot.Xk3v9_aQ.wasm.br", brotli.as_slice()),
        ("leaflet/leaflet.js", b"window.L = {};".as_slice()),
        ("island/map.0a1b2c3d.wasm", wasm.as_slice()),
        ("island/map.0a1b2c3d.wasm.br", brotli.as_slice()),
    ]);
    for hashed in [true, false] {
        let db = TestDb::seeded_at(Backend::Sqlite, studio_today()).await;
        let app = TestApp::spawn_serving(db, 10, site.0.to_str().unwrap(), hashed).await;
        let get = |path: &str, encodings: &str| {
            reqwest::Client::new()
                .get(app.url(path))
                .header("accept-encoding", encodings.to_string())
                .send()
        };
        let cache = |response: &reqwest::Response| {
            response.headers().get("cache-control").map(|v| v.to_str().unwrap().to_string())
        };
        // Browsers that take brotli get the precompressed copy, the others the file itself.
        let bundle = get("/pkg/backlot.Xk3v9_aQ.wasm", "gzip, deflate, br").await.unwrap();
        assert_eq!(bundle.status(), 200);
        assert_eq!(bundle.headers()["content-encoding"], "br");
        let lifetime = if hashed { HASHED_ASSETS } else { UNHASHED_BUNDLE };
        assert_eq!(cache(&bundle).as_deref(), Some(lifetime));
        assert_eq!(bundle.bytes().await.unwrap(), brotli);
        let plain = get("/pkg/backlot.Xk3v9_aQ.wasm", "identity").await.unwrap();
        assert_eq!(plain.headers().get("content-encoding"), None);
        assert_eq!(cache(&plain).as_deref(), Some(lifetime));
        assert_eq!(plain.bytes().await.unwrap(), wasm);
        let leaflet = get("/leaflet/leaflet.js", "identity").await.unwrap();
        assert_eq!(cache(&leaflet).as_deref(), Some(PUBLIC_FILES));
        // The map island's files are named by their content whatever the bundle's build did.
        let island = get("/island/map.0a1b2c3d.wasm", "gzip, deflate, br").await.unwrap();
        assert_eq!(island.headers()["content-encoding"], "br");
        assert_eq!(cache(&island).as_deref(), Some(HASHED_ASSETS));
        assert_eq!(island.bytes().await.unwrap(), brotli);
        // A site without the build's split manifest has no area packs; a page's loader asking
        // for one gets an empty pack, not kept (and loads the pieces one by one), rather than a
        // failed request in the browser's console.
        let pack = get("/pkg/area/catalogue.0123abcd.pack", "gzip, deflate, br").await.unwrap();
        assert_eq!(pack.status(), 200);
        assert_eq!(cache(&pack).as_deref(), Some("no-store"));
        assert_eq!(pack.bytes().await.unwrap().as_ref(), [0, 0, 0, 0]);
        let other = get("/pkg/area/catalogue.0123abcd.wasm", "identity").await.unwrap();
        assert_eq!(other.status(), 404);
        // A missing file is the app's "not found" page, never kept. (With hashed names the
        // page needs the build's hash file beside the binary, which a test run has not.)
        if !hashed {
            let missing = get("/pkg/backlot.old.wasm", "identity").await.unwrap();
            assert_eq!(missing.status(), 404);
            assert_eq!(cache(&missing), None);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_map_page_is_always_served_whole() {
    let app = app(Backend::Sqlite).await;
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let client = app.client.clone();
        let url = app.url("/locations");
        tasks.push(tokio::spawn(async move {
            let response = tokio::time::timeout(Duration::from_secs(20), client.get(url).send())
                .await
                .expect("response headers within 20 s")
                .expect("request");
            tokio::time::timeout(Duration::from_secs(20), response.text())
                .await
                .expect("whole body within 20 s")
                .expect("complete body")
        }));
    }
    for task in tasks {
        // `text()` fails on a cut-off chunked body; the document itself must be whole too.
        let body = task.await.unwrap();
        assert!(body.contains("</html>"), "cut-off page of {} bytes", body.len());
        assert!(body.contains("秦王宫"));
    }
}

// `/casting` is rendered once per casting revision, studio day and request (address, cookies,
// languages) and kept (`server::kept_pages`); a session's page also per sign-in revision, for
// that session only; a change to the calls or to who is signed in shows at once.
on_both_backends!(
    casting_pages_are_kept_per_visitor_and_session_and_follow_every_change,
    |backend: Backend| async move {
        let app = app(backend).await;
        let kept = server::kept_pages::KEPT_HEADER;
        // No cookie jar: each request carries exactly the headers given.
        let client = reqwest::Client::new();
        let visit = |path: &str, language: &str, cookie: Option<String>| {
            let mut request = client.get(app.url(path)).header("accept-language", language);
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            async move {
                let response = request.send().await.expect("request");
                assert_eq!(response.status(), 200);
                let from_kept = response.headers().contains_key(kept);
                let cookie =
                    response.headers().get("set-cookie").map(|v| v.to_str().unwrap().to_string());
                (from_kept, cookie, response.text().await.expect("body"))
            }
        };

        let (first_kept, first_cookie, first) = visit("/casting", "en-GB", None).await;
        assert!(!first_kept, "the first visit found a kept page");
        assert!(first.contains("Verified production"));
        let (again_kept, again_cookie, again) = visit("/casting", "en-GB", None).await;
        assert!(again_kept, "the repeated visit was rendered again");
        assert_eq!(again, first);
        assert_eq!(again_cookie, first_cookie, "the language cookie differs");
        // Another language, another query, another language cookie: each its own rendering.
        let (chinese_kept, _, chinese) = visit("/casting", "zh-CN", None).await;
        assert!(!chinese_kept);
        assert!(chinese.contains("已认证剧组") && !chinese.contains("Verified production"));
        let (chosen_kept, _, chosen) =
            visit("/casting", "en-GB", Some("i18n_pref_locale=zh".to_string())).await;
        assert!(!chosen_kept);
        assert!(chosen.contains("lang=\"zh\""));
        let (filtered_kept, _, filtered) = visit("/casting?gender=male", "en-GB", None).await;
        assert!(!filtered_kept);
        assert_ne!(filtered, first);

        // A crew member with a session: their own page (the "post a call" button, their name),
        // kept for that session once the server remembers it as signed in — the first request
        // after logging in reads the session — and never given to anyone else.
        let from_kept = |response: &reqwest::Response| response.headers().contains_key(kept);
        let crew = app.browser();
        crew.log_in("crew@backlot.local", "backlot-crew-demo").await;
        let mut crew_pages = Vec::new();
        for _ in 0..3 {
            let response = crew.get("/casting").await;
            crew_pages.push(from_kept(&response));
            let html = response.text().await.unwrap();
            assert!(html.contains("href=\"/casting/new\""), "the crew's page lost its own parts");
        }
        assert_eq!(crew_pages, [false, false, true], "kept: the session's third request only");
        assert!(!first.contains("href=\"/casting/new\""), "a visitor's page offers posting");
        let (visitor_kept, _, visitor) = visit("/casting", "en-GB", None).await;
        assert!(visitor_kept && !visitor.contains("href=\"/casting/new\""));
        // The same account in another session: rendered for that session.
        let elsewhere = app.browser();
        elsewhere.log_in("crew@backlot.local", "backlot-crew-demo").await;
        for _ in 0..2 {
            assert!(!from_kept(&elsewhere.get("/casting").await), "another session's page given");
        }
        // A change to who the session is (the account's name) shows at once.
        support::execute(
            &app.db.store,
            "update account set display_name = 'Kept Page Keeper' \
             where login = 'crew@backlot.local'",
        )
        .await;
        let response = crew.get("/casting").await;
        assert!(!from_kept(&response), "the page of the sign-in revision before was given");
        assert!(response.text().await.unwrap().contains("Kept Page Keeper"));

        // A change to the calls shows at once; the new rendering is kept in turn.
        support::execute(
            &app.db.store,
            "update casting_call set role_en = 'Kept page lantern bearer'",
        )
        .await;
        let (changed_kept, _, changed) = visit("/casting", "en-GB", None).await;
        assert!(!changed_kept, "the page of the revision before was given");
        assert!(changed.contains("Kept page lantern bearer"));
        let (kept_again, _, _) = visit("/casting", "en-GB", None).await;
        assert!(kept_again);
    }
);

/// A visitor who leaves while a page is rendering is not an error: the render's spawned work
/// finds the request's context gone and stops with a debug line. Before, each such render
/// logged "no backend in the Leptos context" as an ERROR, a wiring bug it was not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_leaving_mid_render_is_not_an_error() {
    let log = support::CapturedLog::install();
    let app = app(Backend::Sqlite).await;
    let impatient = reqwest::Client::new();
    let left = "the request's context is gone";
    for attempt in 0..400u64 {
        // A new search each time, so no kept answer makes the page quick.
        let address = app.url(&format!("/catalogue?q=longpao{attempt}&era=qing"));
        let wait = Duration::from_micros(500 + (attempt % 40) * 250);
        let _ = impatient.get(address).timeout(wait).send().await;
        if attempt % 20 == 19 && log.text().contains(left) {
            break;
        }
    }
    // Let every abandoned render run to its end.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let text = log.text();
    assert!(text.contains(left), "no render was abandoned; the test proves nothing");
    let errors: Vec<&str> = text.lines().filter(|line| line.contains(" ERROR ")).collect();
    assert!(errors.is_empty(), "errors logged:\n{}", errors.join("\n"));
    // The server still answers whole pages.
    let (status, html) = app.page("/catalogue?q=longpao", "zh-CN").await;
    assert_eq!(status, 200);
    assert!(html.contains("data-sku="));
}
