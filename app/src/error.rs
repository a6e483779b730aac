//! The one error type that crosses from the server to the browser.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What went wrong, grouped by what the user can do about it. Carries no internal details:
/// the server logs those once and sends `Unexpected`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("not logged in")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    /// Input failed validation; each entry names a field and a message key.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The request clashes with stored data (double booking, over-reservation…).
    #[error("conflict")]
    Conflict,
    /// A booking request clashes with another booking: which window, and the nearest free slot.
    #[error("booking clash")]
    Clash(domain::booking::Clash),
    /// A reservation asks for more than is free: each short item, its days and what is free.
    #[error("not enough stock")]
    Shortage(Vec<domain::stock::Shortage>),
    /// An actor does not meet a casting call's requirements: every one they miss.
    #[error("requirements not met")]
    Ineligible(Vec<domain::casting::Unmet>),
    /// Too many attempts in a short time (logins, registrations); try again later.
    #[error("too many attempts")]
    TooManyAttempts,
    #[error("unexpected server error")]
    Unexpected,
    /// The request did not reach the server or its answer could not be read.
    #[error("request failed")]
    Request,
}

/// A validation failure on one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

impl AppError {
    /// An `Invalid` error about one field.
    pub fn field(field: &str, code: &str) -> AppError {
        AppError::Invalid(vec![FieldError { field: field.into(), code: code.into() }])
    }

    /// Field errors as the `domain` checks return them: `(field, code)` pairs.
    pub fn field_errors(problems: Vec<(&str, &str)>) -> Vec<FieldError> {
        problems
            .into_iter()
            .map(|(field, code)| FieldError { field: field.into(), code: code.into() })
            .collect()
    }

    /// The message code for `field`, if this is a validation error naming it.
    pub fn field_code(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Invalid(errors) => {
                errors.iter().find(|e| e.field == field).map(|e| e.code.as_str())
            }
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_: ServerFnErrorErr) -> Self {
        AppError::Request
    }
}

impl AppError {
    /// The HTTP status a page showing this error is served with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Invalid(_) | AppError::Ineligible(_) => 422,
            AppError::Conflict | AppError::Clash(_) | AppError::Shortage(_) => 409,
            AppError::TooManyAttempts => 429,
            AppError::Unexpected => 500,
            AppError::Request => 502,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Sets this error's HTTP status on the response being built (a page or a server
    /// function's answer) and hands the error back.
    pub fn with_status(self) -> AppError {
        // A plain form post (no JavaScript yet) is answered with a redirect back to the form,
        // carrying this error in the URL for the form to show; a status here would replace it.
        if is_plain_form_post() {
            return self;
        }
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            let status = http::StatusCode::from_u16(self.status_code())
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
            response.set_status(status);
        }
        self
    }
}

/// Whether the request being answered is a browser's plain form submission (a POST that
/// accepts HTML), as sent before the wasm has loaded or with JavaScript off.
#[cfg(feature = "ssr")]
fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts.method == http::Method::POST
            && parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    })
}
