//! The HTTP surface: health check, server functions, server-rendered pages and static files.

use std::sync::Arc;

use app::backend::BackendHandle;
use app::error::AppError;
use app::inventory::ImportReport;
use app::{App, shell};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::Session;

use crate::area_packs::AreaPacks;
use crate::backend::{ServerBackend, inventory};
use crate::guards::{Guards, guard};
use crate::kept_pages::{KeptPages, kept_pages};
use crate::media;
use crate::sessions::Sessions;
use crate::storage::Store;

/// What the router is built from.
#[derive(Debug, Clone)]
pub struct Services {
    pub backend: ServerBackend,
    pub sessions: Sessions,
    pub guards: Guards,
}

/// Builds the whole router; tests serve it on port 0. Serve it with connect info
/// (`into_make_service_with_connect_info::<SocketAddr>`) so throttling sees client addresses.
pub fn router(options: LeptosOptions, services: Services) -> Router {
    let Services { backend, sessions, guards } = services;
    let secure_cookies = guards.public_origin.as_deref().is_some_and(|o| o.starts_with("https://"));
    let store = backend.store.clone();
    let kept = KeptPages::new(backend.clone());
    let uploads = backend.clone();
    let looks = backend.clone();
    let stock = backend.clone();
    let photos_dir = backend.media.photos.dir().to_path_buf();
    let handle: BackendHandle = Arc::new(backend);
    let data_handle = handle.clone();
    let calendar_handle = handle.clone();
    let export_handle = handle.clone();
    let data_store = store.clone();
    let context = move || provide_context(handle.clone());
    let routes = generate_route_list(App);
    let not_found = not_found_page(options.clone(), context.clone());
    app::prepare_bundle(&options);
    let packs = area_packs(&options);
    Router::new()
        .route("/healthz", get(move || healthz(store.clone())))
        .route(
            &format!("/{}/{}/{{file}}", options.site_pkg_dir, crate::area_packs::PACK_DIR),
            get(move |Path(file): Path<String>, headers: HeaderMap| async move {
                match &packs {
                    Some(packs) => packs.answer(&file, &headers),
                    // No packs (a site directory without this build's split manifest): the
                    // page's loader still asks; an empty pack sends it to the pieces.
                    None if file.ends_with(".pack") => crate::area_packs::empty_pack(),
                    None => StatusCode::NOT_FOUND.into_response(),
                }
            }),
        )
        .route("/language", post(choose_language))
        .route(
            "/schedule.ics",
            get({
                let handle = calendar_handle.clone();
                move |session: Session| schedule_ics(session, handle.clone())
            }),
        )
        .route(
            "/casting/{id}/booked.csv",
            get(move |session: Session, Path(id): Path<i64>, Query(query): Query<LangQuery>| {
                booked_csv(session, export_handle.clone(), id, query)
            }),
        )
        .route(
            "/supply/items/export.csv",
            get({
                let backend = stock.clone();
                move |session: Session| export_stock(session, backend.clone())
            }),
        )
        .route(
            "/supply/items/import",
            post(move |session: Session, headers: HeaderMap, form| {
                import_stock(session, stock.clone(), headers, form)
            })
            .layer(DefaultBodyLimit::max(inventory::MAX_IMPORT_BYTES + 64 * 1024)),
        )
        .route(
            "/account/data",
            get(move |session: Session| my_data(session, data_handle.clone(), data_store.clone())),
        )
        .route(
            "/locations/{slug}/photos",
            post({
                let backend = uploads.clone();
                move |session: Session, Path(slug): Path<String>, headers: HeaderMap, form| {
                    upload_photo(session, backend.clone(), PhotoOf::Location(slug), headers, form)
                }
            })
            .layer(DefaultBodyLimit::max(media::MAX_UPLOAD_BYTES + 64 * 1024)),
        )
        .route(
            "/catalogue/{id}/photos",
            post(move |session: Session, Path(id): Path<i64>, headers: HeaderMap, form| {
                upload_photo(session, uploads.clone(), PhotoOf::Item(id), headers, form)
            })
            .layer(DefaultBodyLimit::max(media::MAX_UPLOAD_BYTES + 64 * 1024)),
        )
        .route(
            "/profile/look",
            post({
                let backend = looks.clone();
                move |session: Session, headers: HeaderMap, form| {
                    upload_look(session, backend.clone(), headers, form)
                }
            })
            .layer(DefaultBodyLimit::max(media::MAX_UPLOAD_BYTES + 64 * 1024)),
        )
        .route(
            "/profile/look/remove",
            post({
                let backend = looks.clone();
                move |session: Session, headers: HeaderMap| {
                    remove_look(session, backend.clone(), headers)
                }
            }),
        )
        .route(
            "/media/looks/{name}",
            get(move |session: Session, Path(name): Path<String>| {
                look_file(session, looks.clone(), name)
            }),
        )
        .nest_service(
            "/media/photos",
            // Files are named by a random key and never rewritten: cache them for good.
            ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(HASHED_ASSETS),
                ))
                .service(ServeDir::new(photos_dir)),
        )
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        // The site's files (bundle, styles, Leaflet, icons), precompressed where built so; any other
        // address gets the app's "not found" page with status 404. Not
        // `leptos_axum::file_and_error_handler`: it answers a found file inside a reactive owner
        // whose parent is whatever owner the worker thread ran last and copies that owner's
        // response options onto the file's answer, so a favicon could carry another visitor's
        // language cookie.
        .fallback_service(
            ServiceBuilder::new()
                .layer(axum::middleware::from_fn_with_state(options.hash_files, cache_lifetimes))
                .service(
                    ServeDir::new(&*options.site_root)
                        .precompressed_br()
                        .precompressed_gzip()
                        .call_fallback_on_method_not_allowed(true)
                        .not_found_service(not_found),
                ),
        )
        .layer(axum::middleware::from_fn_with_state(kept, kept_pages))
        .layer(sessions.layer(secure_cookies))
        .layer(axum::middleware::from_fn_with_state(guards, guard))
        .layer(axum::middleware::from_fn(arrived))
        .layer(CompressionLayer::new())
        .with_state(options)
}

/// Marks when a request arrived: the revision counters it checks may come from any read that
/// started since (`storage::within_request`).
async fn arrived(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    crate::storage::within_request(next.run(request)).await
}

/// The area packs of a split, hashed build (`crate::area_packs`), being built in the
/// background; `None` for other builds, whose pages load each piece on its own.
fn area_packs(options: &LeptosOptions) -> Option<Arc<AreaPacks>> {
    let tag = options.hash_files.then(|| app::split_manifest_hash(options)).flatten()?;
    let pkg = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    let packs = Arc::new(AreaPacks::from_manifest(
        &pkg,
        &format!("__wasm_split_manifest.{tag}.json"),
        &tag,
    )?);
    packs.build_in_background();
    Some(packs)
}

/// How long browsers keep the site's files. With hashed file names (`hash-files`), the bundle
/// under `/pkg/` changes its name whenever its content changes: kept for a year, never
/// revalidated. Unhashed, it is revalidated on every use (a cheap 304 by its Last-Modified).
/// The files from `public/` (Leaflet 1.9.4, marker images, the icon) change only with a release:
/// a day, then revalidated. The map island's files under `/island/` are always named by their
/// content: a year. Refusals and the "not found" page are not marked.
pub const HASHED_ASSETS: &str = "public, max-age=31536000, immutable";
pub const UNHASHED_BUNDLE: &str = "no-cache";
pub const PUBLIC_FILES: &str = "public, max-age=86400";

async fn cache_lifetimes(
    axum::extract::State(hashed): axum::extract::State<bool>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = request.uri().path();
    let bundle = path.starts_with("/pkg/");
    // The map island's files are named by their content however the bundle was built
    // (`scripts/build-island`).
    let island = path.starts_with("/island/");
    let mut response = next.run(request).await;
    let status = response.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let lifetime = match (bundle || island, hashed || island) {
            (true, true) => HASHED_ASSETS,
            (true, false) => UNHASHED_BUNDLE,
            (false, _) => PUBLIC_FILES,
        };
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(lifetime));
    }
    response
}

/// The app's "not found" page (with the backend in context, so the header knows who is asking).
fn not_found_page(
    options: LeptosOptions,
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> impl tower::Service<
    axum::extract::Request,
    Response = Response,
    Error = std::convert::Infallible,
    Future = impl Send,
> + Clone {
    let page = leptos_axum::render_app_async_with_context(context, move || shell(options.clone()));
    tower::service_fn(move |request: axum::extract::Request| {
        let answer = page(request);
        async move { Ok::<_, std::convert::Infallible>(answer.await) }
    })
}

/// Whether the caller asked for JSON (pages' scripts do; plain form posts ask for HTML).
fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

/// A JSON answer: the value with `status`, or the `AppError` with its own status.
fn json_answer<T: serde::Serialize>(result: Result<T, AppError>, status: StatusCode) -> Response {
    match result {
        Ok(value) => (status, axum::Json(value)).into_response(),
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, axum::Json(error)).into_response()
        }
    }
}

/// Most import problems a redirect carries back to the page.
const IMPORT_PROBLEMS_SHOWN: usize = 50;

/// `POST /supply/items/import`: a multipart form with `file`, a CSV file of items. Callers
/// asking for JSON get the `ImportReport` (or the `AppError`); the page's plain form post is
/// sent back to `/supply/items` with `imported=<added>.<updated>`, or with `import_problems`
/// (`line:column:code`, comma-separated, the first fifty) and `import_count` (all of them).
async fn import_stock(
    session: Session,
    backend: ServerBackend,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let result = async {
        let user =
            app::auth::account_in(&session, &backend).await?.ok_or(AppError::Unauthorized)?;
        // Only a stock supplier's upload is read.
        backend.check_stock_member(&user).await?;
        let (bytes, _) = read_upload(form, "file").await.map_err(|error| match error {
            AppError::Invalid(_) => match error.field_code("file") {
                Some("photo_too_large") => AppError::field("file", "file_too_large"),
                Some("required") => error,
                _ => AppError::field("file", domain::inventory::file_codes::UNREADABLE),
            },
            other => other,
        })?;
        if bytes.len() > inventory::MAX_IMPORT_BYTES {
            return Err(AppError::field("file", "file_too_large"));
        }
        backend.import_inventory(&user, &bytes).await
    }
    .await;
    let wants_json = wants_json(&headers);
    let refused = result.is_err();
    let answer = match (result, wants_json) {
        (result, true) => json_answer(result, StatusCode::OK),
        (Ok(ImportReport::Applied { added, updated }), false) => {
            Redirect::to(&format!("/supply/items?imported={added}.{updated}#import"))
                .into_response()
        }
        (Ok(ImportReport::Refused(problems)), false) => {
            let shown = problems
                .iter()
                .take(IMPORT_PROBLEMS_SHOWN)
                .map(|p| format!("{}:{}:{}", p.line, p.column, p.code))
                .collect::<Vec<_>>()
                .join(",");
            let shown: String = form_urlencoded::byte_serialize(shown.as_bytes()).collect();
            Redirect::to(&format!(
                "/supply/items?import_problems={shown}&import_count={}#import",
                problems.len()
            ))
            .into_response()
        }
        (Err(AppError::Unauthorized), false) => {
            Redirect::to("/login?next=/supply/items").into_response()
        }
        (Err(error), false) => {
            let code = match &error {
                AppError::Invalid(fields) => fields.first().map_or("invalid", |f| f.code.as_str()),
                AppError::Forbidden => "forbidden",
                _ => "unexpected",
            };
            Redirect::to(&format!("/supply/items?import_problems=1::{code}&import_count=1#import"))
                .into_response()
        }
    };
    close_if_refused(refused, answer)
}

/// `GET /supply/items/export.csv`: the supplier's items, in the import's columns.
async fn export_stock(session: Session, backend: ServerBackend) -> Response {
    let result = async {
        let user =
            app::auth::account_in(&session, &backend).await?.ok_or(AppError::Unauthorized)?;
        backend.export_inventory(&user).await
    };
    match result.await {
        Ok(bytes) => {
            let name = inventory::export_file_name(crate::backend::studio_today());
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                bytes,
            )
                .into_response()
        }
        Err(AppError::Unauthorized) => Redirect::to("/login?next=/supply/items").into_response(),
        Err(error) => StatusCode::from_u16(error.status_code())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            .into_response(),
    }
}

/// What an uploaded photo shows: a location (by slug) or a catalogue item (by id).
enum PhotoOf {
    Location(String),
    Item(i64),
}

impl PhotoOf {
    /// The page that shows the photos.
    fn page(&self) -> String {
        match self {
            PhotoOf::Location(slug) => format!(
                "/locations/{}",
                form_urlencoded::byte_serialize(slug.as_bytes()).collect::<String>()
            ),
            PhotoOf::Item(id) => format!("/catalogue/{id}"),
        }
    }
}

/// `POST /locations/{slug}/photos` and `POST /catalogue/{id}/photos`: a multipart form with
/// `photo` (the file) and `caption`. Pages send it with `Accept: application/json` (to show
/// upload progress) and get the new `Photo` (201) or an `AppError`; a plain form post (no wasm
/// yet) is redirected back to the page's gallery, with `photo_error` naming the refusal.
async fn upload_photo(
    session: Session,
    backend: ServerBackend,
    of: PhotoOf,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let wants_json = wants_json(&headers);
    let result = receive_photo(&session, &backend, &of, form).await;
    let refused = result.is_err();
    let back = of.page();
    let answer = match (result, wants_json) {
        (result, true) => json_answer(result, StatusCode::CREATED),
        (Ok(_), false) => Redirect::to(&format!("{back}#photos")).into_response(),
        (Err(AppError::Unauthorized), false) => {
            Redirect::to(&format!("/login?next={back}")).into_response()
        }
        (Err(AppError::NotFound), false) => StatusCode::NOT_FOUND.into_response(),
        (Err(error), false) => {
            let code = match &error {
                AppError::Invalid(fields) => fields.first().map_or("invalid", |f| f.code.as_str()),
                AppError::Forbidden => "forbidden",
                _ => "unexpected",
            };
            Redirect::to(&format!("{back}?photo_error={code}#photos")).into_response()
        }
    };
    close_if_refused(refused, answer)
}

/// The answer to an upload, closing the connection when it was refused: a refusal may come
/// before the body is read (who is asking comes first) or part-way through it (too large), and
/// the rest of the body is never read, so the connection cannot carry another request. Saying
/// so keeps clients from sending their next request down a connection the server is closing.
fn close_if_refused(refused: bool, mut answer: Response) -> Response {
    if refused {
        answer.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    answer
}

async fn receive_photo(
    session: &Session,
    backend: &ServerBackend,
    of: &PhotoOf,
    form: Multipart,
) -> Result<app::models::Photo, AppError> {
    // Who is asking comes first: nobody else's upload is read.
    let user = app::auth::account_in(session, backend).await?.ok_or(AppError::Unauthorized)?;
    let (bytes, mut text) = read_upload(form, "photo").await?;
    let caption = text.remove("caption").unwrap_or_default();
    match of {
        PhotoOf::Location(slug) => backend.add_photo(&user, slug, bytes, &caption).await,
        PhotoOf::Item(id) => backend.add_item_photo(&user, *id, bytes, &caption).await,
    }
}

/// An upload form's file (`file_field`, required and not empty) and its text fields.
async fn read_upload(
    mut form: Multipart,
    file_field: &str,
) -> Result<(Vec<u8>, std::collections::HashMap<String, String>), AppError> {
    let unreadable = |error: axum::extract::multipart::MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::field(file_field, media::PhotoError::TooLarge.code())
        } else {
            AppError::field(file_field, media::PhotoError::Unreadable.code())
        }
    };
    let (mut bytes, mut text) = (None, std::collections::HashMap::new());
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        match field.name().map(str::to_string) {
            Some(name) if name == file_field => {
                bytes = Some(field.bytes().await.map_err(unreadable)?)
            }
            Some(name) => {
                let value = field.text().await.map_err(unreadable)?;
                text.insert(name, value);
            }
            None => {}
        }
    }
    let bytes =
        bytes.filter(|b| !b.is_empty()).ok_or_else(|| AppError::field(file_field, "required"))?;
    Ok((bytes.to_vec(), text))
}

/// The answer to a change of an actor's look. Pages post plain forms and are sent back to the
/// profile's look section, with `look_error=<field>.<code>` naming a refusal (visitors to the
/// login page); callers asking for JSON get the status and the `AppError` or the new look.
fn look_answer<T: serde::Serialize>(result: Result<T, AppError>, headers: &HeaderMap) -> Response {
    let wants_json = wants_json(headers);
    match (result, wants_json) {
        (result, true) => json_answer(result, StatusCode::OK),
        (Ok(_), false) => Redirect::to("/profile?look=saved#look").into_response(),
        (Err(AppError::Unauthorized), false) => {
            Redirect::to("/login?next=/profile").into_response()
        }
        (Err(error), false) => {
            let code = match &error {
                AppError::Invalid(fields) => fields
                    .first()
                    .map_or("invalid".to_string(), |f| format!("{}.{}", f.field, f.code)),
                AppError::NotFound | AppError::Forbidden => "forbidden".to_string(),
                _ => "unexpected".to_string(),
            };
            Redirect::to(&format!("/profile?look_error={code}#look")).into_response()
        }
    }
}

/// `POST /profile/look`: a multipart form with `photo` and `taken_on` from the actor's profile.
async fn upload_look(
    session: Session,
    backend: ServerBackend,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let result = async {
        let user =
            app::auth::account_in(&session, &backend).await?.ok_or(AppError::Unauthorized)?;
        let (bytes, mut text) = read_upload(form, "photo").await?;
        let taken_on = text.remove("taken_on").unwrap_or_default();
        backend.set_look(&user, bytes, &taken_on).await
    };
    let result = result.await;
    let refused = result.is_err();
    close_if_refused(refused, look_answer(result, &headers))
}

/// `POST /profile/look/remove`: the actor removes their look photo.
async fn remove_look(session: Session, backend: ServerBackend, headers: HeaderMap) -> Response {
    let result = async {
        let user =
            app::auth::account_in(&session, &backend).await?.ok_or(AppError::Unauthorized)?;
        backend.remove_look(&user).await
    };
    look_answer(result.await, &headers)
}

/// `GET /media/looks/{name}`: a look photo, only for those who may see it (see
/// `ServerBackend::look_file`); never cached by shared caches.
async fn look_file(session: Session, backend: ServerBackend, name: String) -> Response {
    let viewer = match app::auth::account_in(&session, &backend).await {
        Ok(viewer) => viewer,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let path = match backend.look_file(viewer.as_ref(), &name).await {
        Ok(path) => path,
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::NOT_FOUND);
            return status.into_response();
        }
    };
    match tokio::fs::read(&path).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, "private, max-age=3600"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::warn!(%error, path = %path.display(), "look file missing");
            StatusCode::NOT_FOUND.into_response()
        }
    }
}

/// The logged-in account's own data as a JSON download; 401 for visitors.
async fn my_data(session: Session, backend: BackendHandle, store: Store) -> Response {
    let user = match app::auth::account_in(&session, backend.as_ref()).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return (StatusCode::UNAUTHORIZED, "log in to download your data").into_response();
        }
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    match store.export_account(user.account_id).await {
        Ok(Some(export)) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"backlot-my-data.json\""),
                (header::CACHE_CONTROL, "no-store"),
            ],
            axum::Json(export),
        )
            .into_response(),
        Ok(None) => StatusCode::UNAUTHORIZED.into_response(),
        Err(error) => {
            tracing::error!(%error, "export_account");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The logged-in crew member's production bookings as an iCalendar file.
async fn schedule_ics(session: Session, backend: BackendHandle) -> Response {
    let user = match app::auth::account_in(&session, backend.as_ref()).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return (StatusCode::UNAUTHORIZED, "log in to export your schedule").into_response();
        }
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    match backend.crew_schedule(&user).await {
        Ok(schedule) => {
            let name = format!("{} {}", schedule.production.name_zh, schedule.production.name_en);
            (
                [
                    (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                    (header::CONTENT_DISPOSITION, "attachment; filename=\"backlot-schedule.ics\""),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                crate::calendar::production_calendar(&name, &schedule.bookings),
            )
                .into_response()
        }
        Err(error) => (
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::FORBIDDEN),
            "crew members of a production only",
        )
            .into_response(),
    }
}

/// What the header's language switch sends: the language chosen and the page it was on.
#[derive(Debug, Default, serde::Deserialize)]
struct LanguageChoice {
    #[serde(default)]
    to: String,
    #[serde(default)]
    back: String,
}

/// `POST /language`: the header's language switch before the page's script has loaded (or
/// without it). Remembers the choice in the language cookie, as the hydrated switch does, and
/// sends the browser back to the page it was on — a path on this site only; anything else goes
/// to the home page. A language the site does not speak changes nothing.
async fn choose_language(axum::Form(choice): axum::Form<LanguageChoice>) -> Response {
    let Some(locale) = app::offered_language(&choice.to) else {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "不支持这种语言 · This language is not offered",
        )
            .into_response();
    };
    let cookie = app::language_cookie(locale);
    let mut answer = Redirect::to(&app::auth::safe_next(Some(&choice.back))).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        answer.headers_mut().insert(header::SET_COOKIE, value);
    }
    answer
}

/// `?lang=en` for English headers and labels (Chinese otherwise).
#[derive(Debug, Default, serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// A call's booked list as CSV, for the call's crew and admins.
async fn booked_csv(
    session: Session,
    backend: BackendHandle,
    call_id: i64,
    query: LangQuery,
) -> Response {
    let user = match app::auth::account_in(&session, backend.as_ref()).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return (StatusCode::UNAUTHORIZED, "log in to export the booked list").into_response();
        }
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let lang =
        if query.lang.as_deref() == Some("en") { domain::Lang::En } else { domain::Lang::Zh };
    let booked_only = domain::casting::ActorFilter {
        status: Some(domain::casting::ApplicationStatus::Booked),
        ..Default::default()
    };
    let lists = async {
        let booked = backend.applicants(&user, call_id, &booked_only).await?;
        let sheet = backend.attendance(&user, call_id).await?;
        Ok::<_, AppError>((booked, sheet))
    };
    match lists.await {
        Ok((booked, sheet)) => match crate::export::booked_csv(lang, &booked.applicants, &sheet) {
            Ok(bytes) => (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"backlot-call-{call_id}-booked.csv\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                bytes,
            )
                .into_response(),
            Err(error) => {
                tracing::error!(%error, "booked_csv");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Err(error) => (
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::FORBIDDEN),
            "the call's crew only",
        )
            .into_response(),
    }
}

/// 200 when the database answers, 503 otherwise.
async fn healthz(store: Store) -> (StatusCode, &'static str) {
    match store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}
