//! The one view for a failed page load; sets the HTTP status during server rendering.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::*;

/// Shows a localized, actionable message for `error`.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let error = error.with_status();
    let i18n = use_i18n();
    let message = move || match &error {
        AppError::NotFound => t_string!(i18n, error_not_found),
        AppError::Unauthorized => t_string!(i18n, error_unauthorized),
        AppError::Forbidden => t_string!(i18n, error_forbidden),
        AppError::Invalid(_) => t_string!(i18n, error_invalid),
        AppError::Conflict => t_string!(i18n, error_conflict),
        AppError::Unexpected => t_string!(i18n, error_unexpected),
        AppError::Request => t_string!(i18n, error_request),
    };
    view! {
        <section class="error-view" role="alert">
            <h1>{t!(i18n, error_title)}</h1>
            <p>{message}</p>
        </section>
    }
}
