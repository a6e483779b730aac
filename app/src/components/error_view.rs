//! The one view for a failed page load (it sets the HTTP status during server rendering), and
//! the localized text of every error.

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::error::AppError;
use crate::i18n::*;

/// The localized sentence for `error`.
pub fn error_text(i18n: I18nContext<Locale>, error: &AppError) -> String {
    match error {
        AppError::NotFound => t_string!(i18n, error_not_found),
        AppError::Unauthorized => t_string!(i18n, error_unauthorized),
        AppError::Forbidden => t_string!(i18n, error_forbidden),
        AppError::Invalid(_) => t_string!(i18n, error_invalid),
        AppError::Conflict | AppError::Clash(_) | AppError::Shortage(_) => {
            t_string!(i18n, error_conflict)
        }
        AppError::Ineligible(_) => t_string!(i18n, error_ineligible),
        AppError::TooManyAttempts => t_string!(i18n, error_too_many),
        AppError::Unexpected => t_string!(i18n, error_unexpected),
        AppError::Request => t_string!(i18n, error_request),
    }
    .to_string()
}

/// The localized sentence for a field's validation code.
pub fn field_text(i18n: I18nContext<Locale>, field: &str, code: &str) -> String {
    match (field, code) {
        (_, "required") => t_string!(i18n, err_required),
        ("starts_on", "in_past") => t_string!(i18n, err_start_day_past),
        ("deadline", "in_past") => t_string!(i18n, err_deadline_past),
        ("ends_on", "before_start") => t_string!(i18n, err_end_before_start),
        ("ends_on", "too_long") => t_string!(i18n, err_shoot_too_long),
        ("deadline", "after_start") => t_string!(i18n, err_deadline_after_start),
        ("pay_per_day", "out_of_range") => t_string!(i18n, err_pay_range),
        ("needed", "out_of_range") => t_string!(i18n, err_needed_range),
        ("age_min" | "age_max", "out_of_range") => t_string!(i18n, err_age_range),
        ("height_min" | "height_max", "out_of_range") => t_string!(i18n, err_height_range),
        ("weight_min" | "weight_max", "out_of_range") => t_string!(i18n, err_weight_range),
        (_, "min_above_max") => t_string!(i18n, err_min_above_max),
        ("role_zh", "too_long") => t_string!(i18n, err_role_too_long),
        ("description_zh", "too_long") => t_string!(i18n, err_description_too_long),
        (_, "below_booked") => t_string!(i18n, err_below_booked),
        (_, "unverified") => t_string!(i18n, err_production_unverified),
        (_, "no_production") => t_string!(i18n, err_no_production),
        (_, "not_phone_or_email") => t_string!(i18n, err_not_phone_or_email),
        ("code", "taken") => t_string!(i18n, err_code_taken),
        (_, "taken") => t_string!(i18n, err_taken),
        (_, "wrong_credentials") => t_string!(i18n, err_wrong_credentials),
        (_, "wrong_password") => t_string!(i18n, err_wrong_password),
        (_, "too_short") => t_string!(i18n, err_too_short),
        ("display_name", "too_long") => t_string!(i18n, err_name_too_long),
        ("password" | "new_password", "too_long") => t_string!(i18n, err_too_long),
        (_, "too_long") => t_string!(i18n, err_text_too_long),
        ("invitation", "invalid") => t_string!(i18n, err_invitation_invalid),
        (_, "wrong_role") => t_string!(i18n, err_wrong_role),
        (_, "already_member") => t_string!(i18n, err_already_member),
        (_, "code_format") => t_string!(i18n, err_code_format),
        (_, "not_found") => t_string!(i18n, err_not_found),
        (_, "invalid_time") => t_string!(i18n, err_invalid_time),
        (_, "end_not_after_start") => t_string!(i18n, err_end_not_after_start),
        (_, "whole_minutes") => t_string!(i18n, err_whole_minutes),
        (_, "too_long_booking") => t_string!(i18n, err_too_long_booking),
        (_, "in_the_past") => t_string!(i18n, err_in_the_past),
        (_, "free_range_incomplete") => t_string!(i18n, err_free_range_incomplete),
        (_, "shortlist_full") => t_string!(i18n, err_shortlist_full),
        (_, "one_kind") => t_string!(i18n, err_one_kind),
        (_, "guessable") => t_string!(i18n, err_guessable),
        (_, "photo_too_large") => t_string!(i18n, err_photo_too_large),
        (_, "photo_type") => t_string!(i18n, err_photo_type),
        (_, "photo_unreadable") => t_string!(i18n, err_photo_unreadable),
        (_, "photo_too_small") => t_string!(i18n, err_photo_too_small),
        (_, "photo_too_many_pixels") => t_string!(i18n, err_photo_too_many_pixels),
        (_, "photos_full") => t_string!(i18n, err_photos_full),
        (_, "item_photos_full") => t_string!(i18n, err_item_photos_full),
        (_, "look_in_future") => t_string!(i18n, err_look_in_future),
        (_, "look_before_birth") => t_string!(i18n, err_look_before_birth),
        (_, "shoot_outside_booking") => t_string!(i18n, err_shoot_outside_booking),
        (_, "end_before_start") => t_string!(i18n, err_end_before_start),
        (_, "too_many_days") => t_string!(i18n, err_too_many_days),
        (_, "too_far_ahead") => t_string!(i18n, err_too_far_ahead),
        (_, "invalid_date") => t_string!(i18n, err_invalid_date),
        (_, "under_age") => t_string!(i18n, err_under_age),
        ("height_cm", "out_of_range") => t_string!(i18n, err_height_range),
        ("weight_kg", "out_of_range") => t_string!(i18n, err_weight_range),
        (_, "not_a_number") => t_string!(i18n, err_not_a_number),
        (_, "already_applied") => t_string!(i18n, err_already_applied),
        (_, "call_closed") => t_string!(i18n, err_call_closed),
        (_, "call_full") => t_string!(i18n, err_call_full),
        (_, "already_decided") => t_string!(i18n, err_already_decided),
        (_, "days_missing") => t_string!(i18n, err_days_missing),
        (_, "request_empty") => t_string!(i18n, err_request_empty),
        (_, "quantity_range") => t_string!(i18n, err_quantity_range),
        (_, "pass_format") => t_string!(i18n, err_pass_format),
        (_, "pass_unknown") => t_string!(i18n, err_pass_unknown),
        (_, "pass_not_booked") => t_string!(i18n, err_pass_not_booked),
        (_, "not_shooting_today") => t_string!(i18n, err_not_shooting_today),
        (_, "not_attended") => t_string!(i18n, err_not_attended),
        (_, "already_paid") => t_string!(i18n, err_already_paid),
        (_, "already_reported") => t_string!(i18n, err_already_reported),
        (_, "claim_range") => t_string!(i18n, err_claim_range),
        (_, "report_resolved") => t_string!(i18n, err_report_resolved),
        (_, "not_requested") => t_string!(i18n, err_not_requested),
        (_, "not_cancellable") => t_string!(i18n, err_not_cancellable),
        (_, "not_confirmed") => t_string!(i18n, err_not_confirmed),
        (_, "not_picked_up") => t_string!(i18n, err_not_picked_up),
        (_, "before_first_day") => t_string!(i18n, err_before_first_day),
        (_, "after_last_day") => t_string!(i18n, err_after_last_day),
        (_, "reservation_format") => t_string!(i18n, err_reservation_format),
        (_, "reservation_unknown") => t_string!(i18n, err_reservation_unknown),
        (_, "damaged_range") => t_string!(i18n, err_damaged_range),
        (_, "sku_format") => t_string!(i18n, err_sku_format),
        (_, "unknown_value") => t_string!(i18n, err_unknown_value),
        (_, "size_costume_only") => t_string!(i18n, err_size_costume_only),
        (_, "owned_range") => t_string!(i18n, err_owned_range),
        (_, "price_format") => t_string!(i18n, err_price_format),
        (_, "tags_range") => t_string!(i18n, err_tags_range),
        (_, "subcategory_category") => t_string!(i18n, err_subcategory_category),
        (_, "sku_taken") => t_string!(i18n, err_sku_taken),
        (_, "below_reserved") => t_string!(i18n, err_below_reserved),
        (_, "item_retired") => t_string!(i18n, err_item_retired),
        (_, "csv_unreadable") => t_string!(i18n, err_csv_unreadable),
        (_, "csv_missing_column") => t_string!(i18n, err_csv_missing_column),
        (_, "csv_unknown_column") => t_string!(i18n, err_csv_unknown_column),
        (_, "csv_too_many_rows") => t_string!(i18n, err_csv_too_many_rows),
        (_, "csv_empty") => t_string!(i18n, err_csv_empty),
        (_, "sku_repeated") => t_string!(i18n, err_sku_repeated),
        (_, "file_too_large") => t_string!(i18n, err_file_too_large),
        (_, "forbidden") => t_string!(i18n, error_forbidden),
        (_, "unexpected") => t_string!(i18n, error_unexpected),
        _ => t_string!(i18n, err_invalid_field),
    }
    .to_string()
}

/// The localized message for `field` if `error` is a validation error naming it.
pub fn field_message(
    i18n: I18nContext<Locale>,
    error: Option<&AppError>,
    field: &str,
) -> Option<String> {
    error.and_then(|e| e.field_code(field)).map(|code| field_text(i18n, field, code))
}

/// Shows a localized, actionable message for `error`.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let error = error.with_status();
    let i18n = use_i18n();
    view! {
        <section class="error-view" role="alert">
            <h1>{tr!(i18n, error_title)}</h1>
            <p>{move || error_text(i18n, &error)}</p>
        </section>
    }
}
