//! Pages kept whole for visitors. `/casting` is the page actors open most, nearly always without
//! an account, and everything on it for a visitor comes from the open calls — kept per
//! `casting_revision` and studio day (`open_calls`) — so its rendering is kept on the same terms:
//! a visitor's repeat of a request someone without a session already made is answered with the
//! bytes rendered then, for as long as the revision and the day last.
//!
//! A rendering is kept only for a request without the session cookie, by everything the page's
//! answer depends on besides the data: the address with its query, the `Cookie` header (the
//! language choice) and `Accept-Language`. Nothing with a session is kept or answered from here,
//! and an answer that sets any cookie but the language choice is not kept.

use std::sync::Arc;

use app::LANGUAGE_COOKIE;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use time::Date;

use crate::backend::studio_today;
use crate::index_cache::{MAX_KEPT_ANSWERS, StampedAnswers};
use crate::sessions::COOKIE_NAME;
use crate::storage::Store;

/// The pages kept for visitors: their content is the open calls and nothing else.
pub const KEPT_PATHS: &[&str] = &["/casting"];
/// A rendering larger than this is not kept (a page of twenty calls is about 56 kB).
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;
/// Marks an answer given from a kept rendering (as caches' `X-Cache: HIT`).
pub const KEPT_HEADER: &str = "x-backlot-kept";

/// What a rendering depends on besides the data: address, cookies and languages asked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Asked {
    path_and_query: String,
    cookie: Vec<u8>,
    languages: Vec<u8>,
}

#[derive(Debug)]
struct Kept {
    headers: HeaderMap,
    body: Bytes,
}

/// The renderings kept, shared by every request: per casting revision and studio day, at most
/// `MAX_KEPT_ANSWERS` (as the search indexes keep whole answers).
#[derive(Debug, Clone)]
pub struct KeptPages {
    store: Store,
    pages: Arc<StampedAnswers<(i64, Date), Asked, Kept>>,
}

impl KeptPages {
    pub fn new(store: Store) -> KeptPages {
        KeptPages { store, pages: Arc::new(StampedAnswers::new(MAX_KEPT_ANSWERS)) }
    }
}

/// What a request asks of a kept page, if it may be answered from one: a GET of a kept path by
/// someone without a session.
fn asked(request: &Request) -> Option<Asked> {
    if request.method() != Method::GET || !KEPT_PATHS.contains(&request.uri().path()) {
        return None;
    }
    let headers = request.headers();
    let mut cookie = Vec::new();
    for value in headers.get_all(header::COOKIE) {
        if has_session_cookie(value.as_bytes()) {
            return None;
        }
        cookie.extend_from_slice(value.as_bytes());
        cookie.push(b'\n');
    }
    let languages = headers
        .get(header::ACCEPT_LANGUAGE)
        .map(|value| value.as_bytes().to_vec())
        .unwrap_or_default();
    let path_and_query = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
    Some(Asked { path_and_query: path_and_query.to_string(), cookie, languages })
}

/// Whether a `Cookie` header names the session cookie.
fn has_session_cookie(header: &[u8]) -> bool {
    app::cookie_value(&String::from_utf8_lossy(header), COOKIE_NAME).is_some()
}

/// Whether an answer may be kept: a whole page that sets no cookie but the language choice.
fn keepable(response: &Response) -> bool {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    let cookies_allowed = response.headers().get_all(header::SET_COOKIE).iter().all(|value| {
        value
            .to_str()
            .ok()
            .and_then(|cookie| cookie.split_once('='))
            .is_some_and(|(name, _)| name.trim() == LANGUAGE_COOKIE)
    });
    response.status() == StatusCode::OK && html && cookies_allowed
}

/// The middleware: answers a visitor's repeated request from the kept rendering, and keeps a
/// new one.
pub async fn kept_pages(State(kept): State<KeptPages>, request: Request, next: Next) -> Response {
    let Some(asked) = asked(&request) else {
        return next.run(request).await;
    };
    // The revision is read before the page is rendered, so what is kept is at least as new as
    // the stamp it is kept under.
    let stamp = match kept.store.casting_revision().await {
        Ok(revision) => (revision, studio_today()),
        Err(error) => {
            tracing::warn!(%error, "casting revision unreadable; page rendered afresh");
            return next.run(request).await;
        }
    };
    if let Some(page) = kept.pages.get(stamp, &asked) {
        let mut response = Response::new(Body::from(page.body.clone()));
        *response.headers_mut() = page.headers.clone();
        response.headers_mut().insert(KEPT_HEADER, HeaderValue::from_static("1"));
        return response;
    }
    let response = next.run(request).await;
    if !keepable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(body) => {
            kept.pages.keep(
                stamp,
                asked,
                Arc::new(Kept { headers: parts.headers.clone(), body: body.clone() }),
            );
            Response::from_parts(parts, Body::from(body))
        }
        Err(error) => {
            tracing::error!(%error, "a page to keep could not be read whole");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        assert!(has_session_cookie(format!("a=1; {COOKIE_NAME}=xyz").as_bytes()));
        assert!(has_session_cookie(format!("{COOKIE_NAME}=xyz").as_bytes()));
        assert!(!has_session_cookie(b"i18n_pref_locale=en"));
        assert!(!has_session_cookie(format!("x{COOKIE_NAME}=1").as_bytes()));
        assert!(!has_session_cookie(b""));
    }

    fn request(method: Method, uri: &str, cookie: Option<&str>) -> Request {
        let mut builder = Request::builder().method(method).uri(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.header(header::ACCEPT_LANGUAGE, "zh-CN").body(Body::empty()).unwrap()
    }

    #[test]
    fn only_a_visitors_get_of_a_kept_page_is_kept() {
        let visitor = asked(&request(Method::GET, "/casting?gender=female", None)).unwrap();
        assert_eq!(visitor.path_and_query, "/casting?gender=female");
        assert_eq!(visitor.languages, b"zh-CN");
        let chosen = asked(&request(Method::GET, "/casting", Some("i18n_pref_locale=en"))).unwrap();
        assert_ne!(chosen, asked(&request(Method::GET, "/casting", None)).unwrap());
        let session = format!("{COOKIE_NAME}=abc");
        assert_eq!(asked(&request(Method::GET, "/casting", Some(&session))), None);
        assert_eq!(asked(&request(Method::POST, "/casting", None)), None);
        assert_eq!(asked(&request(Method::HEAD, "/casting", None)), None);
        assert_eq!(asked(&request(Method::GET, "/casting/1", None)), None);
        assert_eq!(asked(&request(Method::GET, "/catalogue", None)), None);
    }

    fn answer(status: StatusCode, content_type: &str, cookies: &[&str]) -> Response {
        let mut builder =
            Response::builder().status(status).header(header::CONTENT_TYPE, content_type);
        for cookie in cookies {
            builder = builder.header(header::SET_COOKIE, *cookie);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_whole_pages_without_a_session_are_kept() {
        let html = "text/html; charset=utf-8";
        assert!(keepable(&answer(StatusCode::OK, html, &[])));
        assert!(keepable(&answer(StatusCode::OK, html, &["i18n_pref_locale=zh; Path=/"])));
        let session = format!("{COOKIE_NAME}=abc; Path=/; HttpOnly");
        assert!(!keepable(&answer(StatusCode::OK, html, &["i18n_pref_locale=zh", &session])));
        assert!(!keepable(&answer(StatusCode::BAD_REQUEST, html, &[])));
        assert!(!keepable(&answer(StatusCode::OK, "application/json", &[])));
    }
}
