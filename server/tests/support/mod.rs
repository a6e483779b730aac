//! Test support: a fresh database per test on either backend, seeded on request, and the
//! whole app served over real HTTP on port 0.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use app::models::TileSource;
use leptos::prelude::LeptosOptions;
use server::backend::ServerBackend;
use server::guards::Guards;
use server::media::MediaStore;
use server::routes::Services;
use server::seed::SeedOptions;
use server::sessions::Sessions;
use server::storage::{DatabaseTarget, Store};
use sqlx::Connection;
use time::macros::date;

/// The anchor date the storage tests seed with.
pub const ANCHOR: time::Date = date!(2026 - 12 - 01);

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        fastrand::u32(..)
    )
}

/// Where the PostgreSQL server for tests is; `BACKLOT_TEST_PG_URL` overrides it.
fn pg_admin_url() -> String {
    std::env::var("BACKLOT_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Which backend a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Its name in benchmark ids and reports.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The runtime benchmarks drive the async server code with: two workers, like the machine.
pub fn bench_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

/// p50 and p99 of `runs` timed calls (benchmarks print them beside criterion's estimates).
pub fn percentiles(
    runs: usize,
    mut call: impl FnMut() -> std::time::Duration,
) -> (std::time::Duration, std::time::Duration) {
    let mut times: Vec<std::time::Duration> = (0..runs).map(|_| call()).collect();
    times.sort();
    (times[runs / 2], times[runs * 99 / 100])
}

/// Runs `sql` on the test database behind the server's back (arranging data a test needs).
pub async fn execute(store: &Store, sql: &str) {
    match store.db() {
        server::storage::Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        server::storage::Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
    }
    .expect(sql);
}

/// Copies each location `copies` times on a grid 400 m apart, twelve to a row around the
/// original (slugs numbered; the copies have no eras or facilities), in SQL both engines accept.
pub async fn copy_locations(store: &Store, copies: u32) {
    let sql = format!(
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < {copies}) \
         insert into location (slug, name_zh, name_en, name_pinyin, kind, setting, base, lat, lon, \
         area_m2, hourly_rate_fen, changeover_min, description_zh, description_en, supplier_id) \
         select l.slug || '-' || n.i, l.name_zh, l.name_en, l.name_pinyin, l.kind, l.setting, \
         l.base, l.lat + (n.i % 12) * 0.004 - 0.024, l.lon + (n.i / 12) * 0.004 - 0.024, \
         l.area_m2, l.hourly_rate_fen, l.changeover_min, l.description_zh, l.description_en, \
         l.supplier_id from location l, n"
    );
    execute(store, &sql).await;
}

/// A number `sql` selects from the test database (`count(*)` and the like).
pub async fn scalar(store: &Store, sql: &str) -> i64 {
    match store.db() {
        server::storage::Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        server::storage::Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .expect(sql)
}

/// A throwaway database, removed when dropped.
pub struct TestDb {
    pub store: Store,
    pub target: DatabaseTarget,
    cleanup: Cleanup,
}

enum Cleanup {
    Directory(PathBuf),
    PgDatabase(String),
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        let (target, cleanup) = match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(unique_name("backlot_test"));
                std::fs::create_dir_all(&dir).expect("create a temporary directory");
                (DatabaseTarget::SqliteFile(dir.join("backlot.db")), Cleanup::Directory(dir))
            }
            Backend::Postgres => {
                let name = unique_name("backlot_test");
                let mut admin = sqlx::PgConnection::connect(&pg_admin_url()).await.expect(
                    "PostgreSQL for tests must run at 127.0.0.1:5432 (or BACKLOT_TEST_PG_URL)",
                );
                sqlx::query(&format!("create database {name}"))
                    .execute(&mut admin)
                    .await
                    .expect("create a test database");
                admin.close().await.ok();
                let url = match pg_admin_url().rsplit_once('/') {
                    Some((base, _)) => format!("{base}/{name}"),
                    None => panic!("BACKLOT_TEST_PG_URL must end in /<database>"),
                };
                (DatabaseTarget::Postgres(url), Cleanup::PgDatabase(name))
            }
        };
        let store = Store::open(&target).await.expect("open and migrate the test database");
        TestDb { store, target, cleanup }
    }

    /// A fresh database holding the standard seed anchored at `ANCHOR`.
    pub async fn seeded(backend: Backend) -> TestDb {
        TestDb::seeded_at(backend, ANCHOR).await
    }

    pub async fn seeded_at(backend: Backend, anchor: time::Date) -> TestDb {
        TestDb::seeded_with(backend, SeedOptions { anchor, actors: 2_000 }).await
    }

    /// A fresh database holding the seed with these options (100,000 actors for benchmarks).
    pub async fn seeded_with(backend: Backend, options: SeedOptions) -> TestDb {
        let db = TestDb::new(backend).await;
        db.store.load_seed(options, server::passwords::hash).await.expect("load the seed");
        db
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Directory(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PgDatabase(name) => {
                let name = name.clone();
                // Drop runs inside the test's runtime: use a separate thread with its own.
                let _ = std::thread::spawn(move || {
                    let runtime =
                        tokio::runtime::Builder::new_current_thread().enable_all().build();
                    if let Ok(runtime) = runtime {
                        runtime.block_on(async move {
                            if let Ok(mut admin) =
                                sqlx::PgConnection::connect(&pg_admin_url()).await
                            {
                                let _ = sqlx::query(&format!(
                                    "drop database if exists {name} with (force)"
                                ))
                                .execute(&mut admin)
                                .await;
                            }
                        });
                    }
                })
                .join();
            }
        }
    }
}

/// Serves the app over `store` on a random local port; returns its base address.
async fn serve(
    store: Store,
    media_dir: &std::path::Path,
    attempts_per_minute: u32,
    site_root: &str,
    hash_files: bool,
) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind port 0");
    let addr = listener.local_addr().expect("local address");
    let options = LeptosOptions::builder()
        .output_name("backlot")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(hash_files)
        .build();
    let backend =
        ServerBackend::new(store.clone(), TileSource::default(), MediaStore::new(media_dir));
    let sessions = Sessions::open(&store).await.expect("session store");
    let guards = Guards::new(None, attempts_per_minute);
    let router = server::routes::router(options, Services { backend, sessions, guards });
    tokio::spawn(async move {
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(listener, service).await.expect("serve");
    });
    format!("http://{addr}")
}

/// The app served on a random local port.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub db: TestDb,
    /// The app's media directory (uploaded photos), removed when dropped.
    pub media_dir: PathBuf,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.media_dir);
    }
}

impl TestApp {
    pub async fn spawn(db: TestDb) -> TestApp {
        TestApp::spawn_with(db, 10).await
    }

    /// Serves the app allowing `attempts_per_minute` logins/registrations per IP.
    pub async fn spawn_with(db: TestDb, attempts_per_minute: u32) -> TestApp {
        TestApp::spawn_serving(db, attempts_per_minute, "target/site", false).await
    }

    /// Serves the app with its site files (bundle, icons) from `site_root`.
    /// As `spawn`, serving the site's files from `site_root`, named by their hash or not
    /// (`hash_files`, as `LEPTOS_HASH_FILES`).
    pub async fn spawn_serving(
        db: TestDb,
        attempts_per_minute: u32,
        site_root: &str,
        hash_files: bool,
    ) -> TestApp {
        let media_dir = std::env::temp_dir().join(unique_name("backlot_media"));
        let base =
            serve(db.store.clone(), &media_dir, attempts_per_minute, site_root, hash_files).await;
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        TestApp { base, client, db, media_dir }
    }

    /// Another instance of the app in front of the same database, as a second server would be
    /// (its own connections, sessions layer and in-memory indexes); returns its base address.
    pub async fn second_instance(&self) -> String {
        let store = Store::open(&self.db.target).await.expect("open the database again");
        serve(store, &self.media_dir, 10, "target/site", false).await
    }

    /// POSTs a form to a server function, as a browser on this site would.
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(endpoint))
            .header("origin", &self.base)
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// Who the session is logged in as (`None` for a visitor).
    pub async fn me(&self) -> Option<serde_json::Value> {
        let response = self.call("/api/me", &[]).await;
        assert_eq!(response.status(), 200);
        let value: serde_json::Value = response.json().await.expect("json");
        (!value.is_null()).then_some(value)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GETs `path` with the given `Accept-Language` and returns status and body.
    pub async fn page(&self, path: &str, language: &str) -> (u16, String) {
        let response = self
            .client
            .get(self.url(path))
            .header("accept-language", language)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

/// Another browser (its own cookie jar) on the same app.
pub struct Browser {
    pub base: String,
    pub client: reqwest::Client,
}

impl Browser {
    /// POSTs a form to a server function, as a page of this site would.
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{endpoint}", self.base))
            .header("origin", &self.base)
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// POSTs a form to a server function as the browser itself submits it without the page's
    /// script: from the page at `from` (a path on the site), asking for HTML. Server functions
    /// answer such a post with a redirect back to that page.
    pub async fn submit_plain(
        &self,
        endpoint: &str,
        from: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        self.client
            .post(format!("{}{endpoint}", self.base))
            .header("origin", &self.base)
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", format!("{}{from}", self.base))
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// GETs `address` (a path on the site, or an absolute address as a redirect gives it) with
    /// the given `Accept-Language`; the body.
    pub async fn page(&self, address: &str, language: &str) -> String {
        let url = if address.starts_with('/') {
            format!("{}{address}", self.base)
        } else {
            address.to_string()
        };
        let response =
            self.client.get(url).header("accept-language", language).send().await.expect("request");
        response.text().await.expect("body")
    }

    /// Uploads a photo of `slug` as the page does (multipart, asking for JSON).
    pub async fn upload_photo(
        &self,
        slug: &str,
        file_name: &str,
        bytes: Vec<u8>,
        caption: &str,
    ) -> reqwest::Response {
        self.upload_photo_to(&format!("/locations/{slug}/photos"), file_name, bytes, caption).await
    }

    /// Uploads a photo with a caption to `path` (a location's or an item's photos).
    pub async fn upload_photo_to(
        &self,
        path: &str,
        file_name: &str,
        bytes: Vec<u8>,
        caption: &str,
    ) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string());
        let form = reqwest::multipart::Form::new()
            .part("photo", part)
            .text("caption", caption.to_string());
        self.post_multipart(path, form).await
    }

    /// Uploads a file as the form field `field` to `path` (multipart, asking for JSON).
    pub async fn upload_file(
        &self,
        path: &str,
        field: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string());
        let form = reqwest::multipart::Form::new().part(field.to_string(), part);
        self.post_multipart(path, form).await
    }

    /// POSTs a multipart form to `path` from this site, asking for JSON.
    async fn post_multipart(
        &self,
        path: &str,
        form: reqwest::multipart::Form,
    ) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header("accept", "application/json")
            .multipart(form)
            .send()
            .await
            .expect("request")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base)).send().await.expect("request")
    }

    /// Uploads a look photo taken on `taken_on` as the profile page does, asking for JSON.
    pub async fn upload_look(&self, bytes: Vec<u8>, taken_on: &str) -> reqwest::Response {
        let form = reqwest::multipart::Form::new()
            .part("photo", reqwest::multipart::Part::bytes(bytes).file_name("look.png"))
            .text("taken_on", taken_on.to_string());
        self.post_multipart("/profile/look", form).await
    }

    /// POSTs nothing to `path` from this site, asking for JSON.
    pub async fn post_json(&self, path: &str) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header("accept", "application/json")
            .send()
            .await
            .expect("request")
    }

    /// Who this browser is logged in as (`None` for a visitor).
    pub async fn me(&self) -> Option<serde_json::Value> {
        let response = self.call("/api/me", &[]).await;
        assert_eq!(response.status(), 200);
        let value: serde_json::Value = response.json().await.expect("json");
        (!value.is_null()).then_some(value)
    }

    /// Logs in; panics if the login is refused.
    pub async fn log_in(&self, login: &str, password: &str) {
        let response = self.call("/api/login", &[("login", login), ("password", password)]).await;
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "login as {login} refused: {}",
            response.status()
        );
    }
}

/// A PNG of `width` × `height` pixels with a gradient, as a camera would never make it.
pub fn test_png(width: u32, height: u32) -> Vec<u8> {
    use image::ImageEncoder;
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&pixels, width, height, image::ExtendedColorType::Rgb8)
        .expect("encode a PNG");
    out
}

/// The password of accounts made by `TestApp::account`.
pub const TEST_PASSWORD: &str = "Hengdian test 2026";

impl TestApp {
    /// A new browser with an empty cookie jar.
    pub fn browser(&self) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Browser { base: self.base.clone(), client }
    }

    /// Makes a new account with `role` (attached to `org` if given, by demo admin 1) and
    /// returns its id and login; its password is `TEST_PASSWORD`.
    pub async fn account(
        &self,
        role: domain::account::Role,
        org: Option<app::models::OrgRef>,
    ) -> (i64, String) {
        self.account_with(role, org, None).await
    }

    /// A new actor account with this profile, logged in; `(browser, account_id)`.
    pub async fn actor(&self, facts: &domain::casting::ActorFacts) -> (Browser, i64) {
        let (id, login) = self.account_with(domain::account::Role::Actor, None, Some(facts)).await;
        let browser = self.browser();
        browser.log_in(&login, TEST_PASSWORD).await;
        (browser, id)
    }

    async fn account_with(
        &self,
        role: domain::account::Role,
        org: Option<app::models::OrgRef>,
        actor: Option<&domain::casting::ActorFacts>,
    ) -> (i64, String) {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let login = format!("{}-{n}-{}@test.backlot.local", role.code(), fastrand::u32(..));
        let parsed = domain::account::Login::parse(&login).expect("a valid login");
        let hash = server::passwords::hash(TEST_PASSWORD);
        let new = server::storage::accounts::NewAccount {
            login: &parsed,
            password_hash: &hash,
            role,
            display_name: "测试 Test",
            actor,
        };
        let created = self.db.store.create_account(&new, None, 0).await.expect("create account");
        let server::storage::accounts::Registration::Created(account) = created else {
            panic!("account not created: {created:?}");
        };
        if let Some(org) = org {
            let outcome =
                self.db.store.attach(1, account.account_id, org, 0).await.expect("attach");
            assert_eq!(outcome, server::storage::members::Attach::Done);
        }
        (account.account_id, login)
    }

    /// A browser logged in to a new account with `role` (attached to `org` if given).
    pub async fn logged_in(
        &self,
        role: domain::account::Role,
        org: Option<app::models::OrgRef>,
    ) -> (Browser, i64) {
        let (id, login) = self.account(role, org).await;
        let browser = self.browser();
        browser.log_in(&login, TEST_PASSWORD).await;
        (browser, id)
    }
}

/// A response's JSON body; panics with the status and text when it is not JSON.
pub async fn json(response: reqwest::Response) -> serde_json::Value {
    let status = response.status();
    let text = response.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("{status}: {text}"))
}

/// The `(field, code)` pairs of an `Invalid` error's JSON.
pub fn codes(error: &serde_json::Value) -> Vec<(String, String)> {
    error["Invalid"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| (e["field"].as_str().unwrap().into(), e["code"].as_str().unwrap().into()))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs one async test body against SQLite and against PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)($crate::support::Backend::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)($crate::support::Backend::Postgres).await
            }
        }
    };
}

/// Everything the process logs (every level from `debug`), kept for a test to read. Installed
/// as the process's subscriber: nextest runs each test in a process of its own.
#[derive(Clone, Default)]
pub struct CapturedLog(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl CapturedLog {
    pub fn install() -> CapturedLog {
        let log = CapturedLog::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter("debug,sqlx=warn,hyper=warn,h2=warn,tower_sessions=warn")
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other subscriber in this test's process");
        log
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
