//! The HTTP surface: health check, server functions, server-rendered pages and static files.

use std::sync::Arc;

use app::backend::BackendHandle;
use app::error::AppError;
use app::{App, shell};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path};
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

use crate::backend::ServerBackend;
use crate::guards::{Guards, guard};
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
    let uploads = backend.clone();
    let photos_dir = backend.media.photos_dir().to_path_buf();
    let handle: BackendHandle = Arc::new(backend);
    let data_handle = handle.clone();
    let calendar_handle = handle.clone();
    let data_store = store.clone();
    let context = move || provide_context(handle.clone());
    let routes = generate_route_list(App);
    Router::new()
        .route("/healthz", get(move || healthz(store.clone())))
        .route(
            "/schedule.ics",
            get({
                let handle = calendar_handle.clone();
                move |session: Session| schedule_ics(session, handle.clone())
            }),
        )
        .route(
            "/account/data",
            get(move |session: Session| my_data(session, data_handle.clone(), data_store.clone())),
        )
        .route(
            "/locations/{slug}/photos",
            post(move |session: Session, Path(slug): Path<String>, headers: HeaderMap, form| {
                upload_photo(session, uploads.clone(), slug, headers, form)
            })
            .layer(DefaultBodyLimit::max(media::MAX_UPLOAD_BYTES + 64 * 1024)),
        )
        .nest_service(
            "/media/photos",
            // Files are named by a random key and never rewritten: cache them for good.
            ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ))
                .service(ServeDir::new(photos_dir)),
        )
        .leptos_routes_with_context(&options, routes, context, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        .layer(sessions.layer(secure_cookies))
        .layer(axum::middleware::from_fn_with_state(guards, guard))
        .layer(CompressionLayer::new())
        .with_state(options)
}

/// `POST /locations/{slug}/photos`: a multipart form with `photo` (the file) and `caption`.
/// Pages send it with `Accept: application/json` (to show upload progress) and get the new
/// `Photo` (201) or an `AppError`; a plain form post (no wasm yet) is redirected back to the
/// location's gallery, with `photo_error` naming the refusal.
async fn upload_photo(
    session: Session,
    backend: ServerBackend,
    slug: String,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    let result = receive_photo(&session, &backend, &slug, form).await;
    let back = format!(
        "/locations/{}",
        form_urlencoded::byte_serialize(slug.as_bytes()).collect::<String>()
    );
    match (result, wants_json) {
        (Ok(photo), true) => (StatusCode::CREATED, axum::Json(photo)).into_response(),
        (Err(error), true) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, axum::Json(error)).into_response()
        }
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
    }
}

async fn receive_photo(
    session: &Session,
    backend: &ServerBackend,
    slug: &str,
    mut form: Multipart,
) -> Result<app::models::Photo, AppError> {
    // Who is asking comes first: nobody else's upload is read.
    let user = app::auth::account_in(session, backend).await?.ok_or(AppError::Unauthorized)?;
    let unreadable = |error: axum::extract::multipart::MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::field("photo", media::PhotoError::TooLarge.code())
        } else {
            AppError::field("photo", media::PhotoError::Unreadable.code())
        }
    };
    let (mut bytes, mut caption) = (None, String::new());
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("photo") => bytes = Some(field.bytes().await.map_err(unreadable)?),
            Some("caption") => caption = field.text().await.map_err(unreadable)?,
            _ => {}
        }
    }
    let bytes =
        bytes.filter(|b| !b.is_empty()).ok_or_else(|| AppError::field("photo", "required"))?;
    backend.add_photo(&user, slug, bytes.to_vec(), &caption).await
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
