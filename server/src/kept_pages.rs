//! Pages kept whole. `/casting` is the page actors open most, nearly always without an account,
//! and everything on it comes from the open calls — kept per `casting_revision` and studio day
//! (`open_calls`) — and, for someone signed in, from who they are signed in as (their header,
//! and the "post a call" button for a production's crew), which the sign-in revision follows.
//! So its rendering is kept on the same terms: a repeat of a request made before is answered
//! with the bytes rendered then, for as long as the revisions and the day last.
//!
//! A rendering is kept by everything the page's answer depends on besides the data: the address
//! with its query, the `Cookie` header (the language choice, the session) and `Accept-Language`.
//! A visitor's are kept per casting revision and day; a session's also per sign-in revision, and
//! only while the server remembers the session as signed in (`ServerBackend::remembered`: read
//! within the day, nothing about it changed since) — any other request with a session cookie is
//! rendered afresh and not kept. An answer that sets any cookie but the language choice (a
//! session's expiry pushed back, a session ended) is not kept.

use std::str::FromStr;
use std::sync::Arc;

use app::LANGUAGE_COOKIE;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use time::Date;

use crate::backend::{ServerBackend, studio_today};
use crate::index_cache::{MAX_KEPT_ANSWERS, StampedAnswers};
use crate::sessions::COOKIE_NAME;

/// The pages kept: their content is the open calls and who asks.
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

/// Who asks for a kept page.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Asker {
    Visitor,
    /// The session the request's cookie names (its id as the session store writes it).
    Session(String),
}

#[derive(Debug)]
struct Kept {
    headers: HeaderMap,
    body: Bytes,
}

/// The renderings kept, shared by every request, at most `MAX_KEPT_ANSWERS` of each kind (as the
/// search indexes keep whole answers): visitors' per casting revision and studio day, sessions'
/// per casting revision, sign-in revision and studio day.
#[derive(Debug, Clone)]
pub struct KeptPages {
    backend: ServerBackend,
    visitors: Arc<StampedAnswers<(i64, Date), Asked, Kept>>,
    sessions: Arc<StampedAnswers<(i64, i64, Date), Asked, Kept>>,
}

impl KeptPages {
    pub fn new(backend: ServerBackend) -> KeptPages {
        KeptPages {
            backend,
            visitors: Arc::new(StampedAnswers::new(MAX_KEPT_ANSWERS)),
            sessions: Arc::new(StampedAnswers::new(MAX_KEPT_ANSWERS)),
        }
    }
}

/// What a request asks of a kept page, and who asks, if it may be answered from one: a GET of a
/// kept path, without a session cookie or with one naming a well-formed session id.
fn asked(request: &Request) -> Option<(Asked, Asker)> {
    if request.method() != Method::GET || !KEPT_PATHS.contains(&request.uri().path()) {
        return None;
    }
    let headers = request.headers();
    let mut cookie = Vec::new();
    let mut asker = Asker::Visitor;
    for value in headers.get_all(header::COOKIE) {
        if let Some(session) = session_cookie(value.as_bytes()) {
            let id = tower_sessions::session::Id::from_str(&session).ok()?;
            asker = Asker::Session(id.to_string());
        }
        cookie.extend_from_slice(value.as_bytes());
        cookie.push(b'\n');
    }
    let languages = headers
        .get(header::ACCEPT_LANGUAGE)
        .map(|value| value.as_bytes().to_vec())
        .unwrap_or_default();
    let path_and_query = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
    Some((Asked { path_and_query: path_and_query.to_string(), cookie, languages }, asker))
}

/// The session cookie's value in a `Cookie` header, if it names one.
fn session_cookie(header: &[u8]) -> Option<String> {
    app::cookie_value(&String::from_utf8_lossy(header), COOKIE_NAME).map(str::to_string)
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

/// Where a request's rendering is kept, and under which stamp.
enum Shelf {
    Visitors((i64, Date)),
    Sessions((i64, i64, Date)),
}

/// The middleware: answers a repeated request from the kept rendering, and keeps a new one.
pub async fn kept_pages(State(kept): State<KeptPages>, request: Request, next: Next) -> Response {
    let Some((asked, asker)) = asked(&request) else {
        return next.run(request).await;
    };
    // The revisions are read before the page is rendered, so what is kept is at least as new
    // as the stamp it is kept under.
    let revisions = match kept.backend.store.revisions().await {
        Ok(revisions) => revisions,
        Err(error) => {
            tracing::warn!(%error, "revisions unreadable; page rendered afresh");
            return next.run(request).await;
        }
    };
    let today = studio_today();
    let shelf = match asker {
        Asker::Visitor => Shelf::Visitors((revisions.casting, today)),
        Asker::Session(id) => {
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            if kept.backend.remembered(revisions.signin, &id, now).is_none() {
                return next.run(request).await;
            }
            Shelf::Sessions((revisions.casting, revisions.signin, today))
        }
    };
    let found = match shelf {
        Shelf::Visitors(stamp) => kept.visitors.get(stamp, &asked),
        Shelf::Sessions(stamp) => kept.sessions.get(stamp, &asked),
    };
    if let Some(page) = found {
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
            let page = Arc::new(Kept { headers: parts.headers.clone(), body: body.clone() });
            match shelf {
                Shelf::Visitors(stamp) => kept.visitors.keep(stamp, asked, page),
                Shelf::Sessions(stamp) => kept.sessions.keep(stamp, asked, page),
            }
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
        let found = |header: String| session_cookie(header.as_bytes());
        assert_eq!(found(format!("a=1; {COOKIE_NAME}=xyz")).as_deref(), Some("xyz"));
        assert_eq!(found(format!("{COOKIE_NAME}=xyz")).as_deref(), Some("xyz"));
        assert_eq!(found("i18n_pref_locale=en".into()), None);
        assert_eq!(found(format!("x{COOKIE_NAME}=1")), None);
        assert_eq!(found(String::new()), None);
    }

    fn request(method: Method, uri: &str, cookie: Option<&str>) -> Request {
        let mut builder = Request::builder().method(method).uri(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.header(header::ACCEPT_LANGUAGE, "zh-CN").body(Body::empty()).unwrap()
    }

    #[test]
    fn only_gets_of_a_kept_page_are_kept() {
        let (visitor, asker) =
            asked(&request(Method::GET, "/casting?gender=female", None)).unwrap();
        assert_eq!(visitor.path_and_query, "/casting?gender=female");
        assert_eq!(visitor.languages, b"zh-CN");
        assert_eq!(asker, Asker::Visitor);
        let chosen = asked(&request(Method::GET, "/casting", Some("i18n_pref_locale=en"))).unwrap();
        assert_ne!(chosen.0, asked(&request(Method::GET, "/casting", None)).unwrap().0);
        assert_eq!(chosen.1, Asker::Visitor);
        // A session is named by its id as the session store writes it; each session apart.
        let id = tower_sessions::session::Id::default().to_string();
        let (mine, asker) =
            asked(&request(Method::GET, "/casting", Some(&format!("{COOKIE_NAME}={id}")))).unwrap();
        assert_eq!(asker, Asker::Session(id));
        let other = tower_sessions::session::Id::default().to_string();
        let cookie = format!("{COOKIE_NAME}={other}");
        assert_ne!(asked(&request(Method::GET, "/casting", Some(&cookie))).unwrap().0, mine);
        // A cookie naming no well-formed session is not kept, nor answered from the kept.
        let forged = format!("{COOKIE_NAME}=not-a-session");
        assert_eq!(asked(&request(Method::GET, "/casting", Some(&forged))), None);
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
    fn only_whole_pages_setting_no_session_cookie_are_kept() {
        let html = "text/html; charset=utf-8";
        assert!(keepable(&answer(StatusCode::OK, html, &[])));
        assert!(keepable(&answer(StatusCode::OK, html, &["i18n_pref_locale=zh; Path=/"])));
        let session = format!("{COOKIE_NAME}=abc; Path=/; HttpOnly");
        assert!(!keepable(&answer(StatusCode::OK, html, &["i18n_pref_locale=zh", &session])));
        assert!(!keepable(&answer(StatusCode::BAD_REQUEST, html, &[])));
        assert!(!keepable(&answer(StatusCode::OK, "application/json", &[])));
    }
}
