//! `/schedule`: every booking of the crew member's production, with cancel buttons and an
//! iCalendar export. Visitors are sent to log in; other roles are told who it is for.

use domain::booking::Window;
use domain::studio_datetime;
use leptos::prelude::*;
use leptos_router::components::A;

use super::account::{org_name, send_to_login};
use crate::bookings::{CancelBooking, my_schedule};
use crate::components::error_view::ErrorView;
use crate::components::{content_lang, status_text};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{CrewBooking, CrewSchedule};

fn when(window: Window) -> String {
    format!("{} – {}", studio_datetime(window.start), studio_datetime(window.end))
}

#[component]
pub fn SchedulePage() -> impl IntoView {
    let i18n = use_i18n();
    let cancel = ServerAction::<CancelBooking>::new();
    let data = Resource::new(move || cancel.version().get(), |_| my_schedule());
    view! {
        <section class="schedule">
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(schedule) => view! { <ScheduleBody schedule cancel /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/schedule"),
                        Err(AppError::Forbidden) => {
                            #[cfg(feature = "ssr")]
                            let _ = AppError::Forbidden.with_status();
                            view! { <p class="notice">{t!(i18n, schedule_crew_only)}</p> }.into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ScheduleBody(schedule: CrewSchedule, cancel: ServerAction<CancelBooking>) -> impl IntoView {
    let i18n = use_i18n();
    let production = StoredValue::new(schedule.production);
    let name = move || production.with_value(|p| org_name(i18n, p));
    let empty = schedule.bookings.is_empty();
    let rows = schedule
        .bookings
        .into_iter()
        .map(|booking| view! { <BookingRow booking cancel /> })
        .collect_view();
    view! {
        <h1>{move || t!(i18n, schedule_title, name = name())}</h1>
        <p class="lead">{t!(i18n, schedule_intro)}</p>
        {empty.then(|| view! { <p class="notice">{t!(i18n, schedule_empty)} " " <A href="/locations">{t!(i18n, nav_locations)}</A></p> })}
        <p><a class="button" href="/schedule.ics" rel="external" download="backlot-schedule.ics">{t!(i18n, schedule_ics)}</a></p>
        <div class="table-scroll" tabindex="0">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, col_when)}</th>
                        <th scope="col">{t!(i18n, col_location)}</th>
                        <th scope="col">{t!(i18n, col_status)}</th>
                        <th scope="col">{t!(i18n, col_note)}</th>
                        <th scope="col">{t!(i18n, col_actions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn BookingRow(booking: CrewBooking, cancel: ServerAction<CancelBooking>) -> impl IntoView {
    let i18n = use_i18n();
    let CrewBooking { booking_id, slug, location_zh, location_en, status, window, note } = booking;
    let href = format!("/locations/{slug}");
    let can_cancel = status.holds();
    view! {
        <tr>
            <td>{when(window)}</td>
            <td><A href=href>{move || content_lang(i18n).pick(&location_zh, &location_en).to_string()}</A></td>
            <td>{move || status_text(i18n, status)}</td>
            <td>{note}</td>
            <td class="actions">
                {can_cancel.then(|| view! {
                    <ActionForm action=cancel attr:class="row-form">
                        <input type="hidden" name="booking_id" value=booking_id.to_string() />
                        <button type="submit" class="link-like">{t!(i18n, cancel_booking)}</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}
