//! Request guards in front of the app: refuse cross-site writes (Origin check) and throttle
//! login and registration per client IP.
//!
//! Leptos server functions do no CSRF checking of their own, and SameSite=Lax cookies do not
//! cover every case, so every state-changing request must come from this site: its `Origin`
//! (or, failing that, `Sec-Fetch-Site`) is checked. Requests carrying neither header come from
//! non-browser clients, which hold no victim's cookies, and pass.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use app::error::AppError;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Paths whose requests count against the per-IP limit.
const THROTTLED_PATHS: &[&str] = &["/api/login", "/api/register"];

/// Answers with an `AppError` in the server functions' JSON encoding.
fn refuse(status: StatusCode, error: AppError) -> Response {
    let body = serde_json::to_string(&error).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Whether `origin` (scheme://host[:port]) names this site: the configured public origin, or
/// the host the request was sent to.
fn same_origin(origin: &str, host: Option<&str>, public_origin: Option<&str>) -> bool {
    if public_origin.is_some_and(|p| p.trim_end_matches('/') == origin) {
        return true;
    }
    let authority = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
    matches!((authority, host), (Some(a), Some(h)) if a.eq_ignore_ascii_case(h))
}

/// Decides whether a request may change state.
pub fn write_allowed(method: &Method, headers: &HeaderMap, public_origin: Option<&str>) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if let Some(origin) = headers.get(header::ORIGIN) {
        return origin.to_str().is_ok_and(|o| same_origin(o, host, public_origin));
    }
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => site == "same-origin" || site == "none",
        None => true,
    }
}

/// Settings shared by the guards.
#[derive(Debug, Clone)]
pub struct Guards {
    pub public_origin: Option<String>,
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    refused_writes: Arc<QuietLog>,
    throttled: Arc<QuietLog>,
}

/// Refusals written to the log at most once a minute, each line with how many it stands for:
/// a hostile page posting from visitors' browsers, or a client flooding the login, would
/// otherwise write a line per request.
#[derive(Debug)]
struct QuietLog {
    lines: DefaultDirectRateLimiter,
    unlogged: AtomicU64,
}

impl QuietLog {
    fn new() -> QuietLog {
        QuietLog {
            lines: RateLimiter::direct(Quota::per_minute(NonZeroU32::MIN)),
            unlogged: AtomicU64::new(0),
        }
    }

    /// Counts one refusal; when a line is due, how many refusals it stands for.
    fn note(&self) -> Option<u64> {
        self.unlogged.fetch_add(1, Ordering::Relaxed);
        self.lines.check().is_ok().then(|| self.unlogged.swap(0, Ordering::Relaxed))
    }
}

impl Guards {
    /// `per_minute` login/registration attempts per IP, in bursts of up to the same number.
    pub fn new(public_origin: Option<String>, per_minute: u32) -> Guards {
        let rate = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        Guards {
            public_origin,
            limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(rate))),
            refused_writes: Arc::new(QuietLog::new()),
            throttled: Arc::new(QuietLog::new()),
        }
    }
}

/// The middleware: Origin check for writes, then the per-IP limit on throttled paths.
pub async fn guard(State(guards): State<Guards>, request: Request, next: Next) -> Response {
    if !write_allowed(request.method(), request.headers(), guards.public_origin.as_deref()) {
        if let Some(refused) = guards.refused_writes.note() {
            tracing::warn!(path = %request.uri().path(), refused, "cross-site writes refused");
        }
        return refuse(StatusCode::FORBIDDEN, AppError::Forbidden);
    }
    if THROTTLED_PATHS.contains(&request.uri().path()) {
        let ip = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        if guards.limiter.check_key(&ip).is_err() {
            if let Some(throttled) = guards.throttled.note() {
                tracing::warn!(%ip, path = %request.uri().path(), throttled, "attempts throttled");
            }
            return refuse(StatusCode::TOO_MANY_REQUESTS, AppError::TooManyAttempts);
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn refusals_are_logged_once_a_minute_with_their_count() {
        let log = QuietLog::new();
        assert_eq!(log.note(), Some(1), "the first refusal is logged at once");
        for _ in 0..999 {
            assert_eq!(log.note(), None);
        }
        // The next line (a minute on) stands for every refusal since the last one.
        assert_eq!(log.unlogged.load(Ordering::Relaxed), 999);
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn reads_are_always_allowed() {
        let h = headers(&[("host", "backlot.test"), ("origin", "https://evil.example")]);
        assert!(write_allowed(&Method::GET, &h, None));
    }

    #[test]
    fn writes_need_this_sites_origin() {
        let ok = headers(&[("host", "127.0.0.1:3000"), ("origin", "http://127.0.0.1:3000")]);
        assert!(write_allowed(&Method::POST, &ok, None));
        let evil = headers(&[("host", "127.0.0.1:3000"), ("origin", "https://evil.example")]);
        assert!(!write_allowed(&Method::POST, &evil, None));
        let null = headers(&[("host", "127.0.0.1:3000"), ("origin", "null")]);
        assert!(!write_allowed(&Method::POST, &null, None));
        let proxied = headers(&[("host", "internal:3000"), ("origin", "https://backlot.example")]);
        assert!(write_allowed(&Method::POST, &proxied, Some("https://backlot.example/")));
        assert!(!write_allowed(&Method::POST, &proxied, None));
    }

    #[test]
    fn without_origin_fetch_metadata_decides() {
        let cross = headers(&[("host", "a"), ("sec-fetch-site", "cross-site")]);
        assert!(!write_allowed(&Method::POST, &cross, None));
        let same = headers(&[("host", "a"), ("sec-fetch-site", "same-origin")]);
        assert!(write_allowed(&Method::POST, &same, None));
        let tool = headers(&[("host", "a")]);
        assert!(write_allowed(&Method::POST, &tool, None));
    }
}
