//! The HTTP surface: health check, server functions, server-rendered pages and static files.

use std::sync::Arc;

use app::backend::BackendHandle;
use app::{App, shell};
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_sessions::Session;

use crate::backend::ServerBackend;
use crate::guards::{Guards, guard};
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
