//! The HTTP surface: health check, server functions, server-rendered pages and static files.

use std::sync::Arc;

use app::backend::BackendHandle;
use app::{App, shell};
use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;

use crate::backend::ServerBackend;
use crate::storage::Store;

/// Builds the whole router; tests serve it on port 0.
pub fn router(options: LeptosOptions, backend: ServerBackend) -> Router {
    let store = backend.store.clone();
    let handle: BackendHandle = Arc::new(backend);
    let context = move || provide_context(handle.clone());
    let routes = generate_route_list(App);
    Router::new()
        .route("/healthz", get(move || healthz(store.clone())))
        .leptos_routes_with_context(&options, routes, context, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        .layer(CompressionLayer::new())
        .with_state(options)
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
