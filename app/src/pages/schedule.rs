//! `/schedule`: every booking of the crew member's production, with cancel buttons and an
//! iCalendar export. Visitors are sent to log in; other roles are told who it is for.

use crate::codec::fetched;
use domain::booking::{Window, studio_local};
use domain::studio_datetime;
use leptos::prelude::*;
use leptos_router::components::A;

use super::account::{org_name, send_to_login};
use crate::bookings::{CancelBooking, ExtendBooking, my_schedule};
use crate::components::error_view::{ErrorView, error_text, field_message};
use crate::components::{content_lang, phases_text, status_text};
use crate::error::AppError;
use crate::i18n::*;
use crate::models::{BookingReceipt, CrewBooking, CrewSchedule, HandoverNotice};

/// The schedule's two actions, and which booking the last extension was for.
#[derive(Clone, Copy)]
struct RowActions {
    cancel: ServerAction<CancelBooking>,
    extend: ServerAction<ExtendBooking>,
    extending: RwSignal<Option<i64>>,
}

fn when(window: Window) -> String {
    format!("{} – {}", studio_datetime(window.start), studio_datetime(window.end))
}

#[component]
pub fn SchedulePage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = RowActions {
        cancel: ServerAction::new(),
        extend: ServerAction::new(),
        extending: RwSignal::new(None),
    };
    Effect::new(move |_| {
        if let Some(input) = actions.extend.input().get() {
            actions.extending.set(Some(input.booking_id));
        }
    });
    let data = fetched(
        move || (actions.cancel.version().get(), actions.extend.version().get()),
        |_| my_schedule(),
    );
    view! {
        <section class="schedule">
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(schedule) => view! { <ScheduleBody schedule actions /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/schedule"),
                        Err(AppError::Forbidden) => {
                            #[cfg(feature = "ssr")]
                            let _ = AppError::Forbidden.with_status();
                            view! { <p class="notice">{tr!(i18n, schedule_crew_only)}</p> }.into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ScheduleBody(schedule: CrewSchedule, actions: RowActions) -> impl IntoView {
    let i18n = use_i18n();
    let production = StoredValue::new(schedule.production);
    let name = move || production.with_value(|p| org_name(i18n, p));
    let empty = schedule.bookings.is_empty();
    let rows = schedule
        .bookings
        .into_iter()
        .map(|booking| view! { <BookingRow booking actions /> })
        .collect_view();
    let notices = schedule.notices;
    view! {
        <h1>{move || t!(i18n, schedule_title, name = name())}</h1>
        <p class="lead">{tr!(i18n, schedule_intro)}</p>
        {empty.then(|| view! { <p class="notice">{tr!(i18n, schedule_empty)} " " <A href="/locations">{tr!(i18n, nav_locations)}</A></p> })}
        <Notices notices />
        <p><a class="button" href="/schedule.ics" rel="external" download="backlot-schedule.ics">{tr!(i18n, schedule_ics)}</a></p>
        <div class="table-scroll" tabindex="0">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, col_when)}</th>
                        <th scope="col">{tr!(i18n, col_location)}</th>
                        <th scope="col">{tr!(i18n, col_status)}</th>
                        <th scope="col">{tr!(i18n, col_note)}</th>
                        <th scope="col">{tr!(i18n, col_actions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn BookingRow(booking: CrewBooking, actions: RowActions) -> impl IntoView {
    let i18n = use_i18n();
    let CrewBooking { booking_id, slug, location_zh, location_en, status, window, shoot, note } =
        booking;
    let phases = move || phases_text(i18n, window, shoot);
    let href = format!("/locations/{slug}");
    let can_cancel = status.holds();
    let RowActions { cancel, extend, extending } = actions;
    let outcome = move || {
        (extending.get() == Some(booking_id))
            .then(|| extend.value().with(|v| v.as_ref().map(|r| extend_outcome(i18n, r))))
            .flatten()
    };
    let field_id = format!("extend-{booking_id}");
    view! {
        <tr>
            <td>{when(window)} {move || phases().map(|text| view! { <br /><span class="phases">{text}</span> })}</td>
            <td><A href=href>{move || content_lang(i18n).pick(&location_zh, &location_en).to_string()}</A></td>
            <td>{move || status_text(i18n, status)}</td>
            <td>{note}</td>
            <td class="actions">
                {can_cancel.then(|| view! {
                    <ActionForm action=cancel attr:class="row-form">
                        <input type="hidden" name="booking_id" value=booking_id.to_string() />
                        <button type="submit" class="link-like">{tr!(i18n, cancel_booking)}</button>
                    </ActionForm>
                    <ActionForm action=extend attr:class="row-form extend-form">
                        <input type="hidden" name="booking_id" value=booking_id.to_string() />
                        <label for=field_id.clone()>{tr!(i18n, extend_label)}</label>
                        <input id=field_id type="datetime-local" name="ends_at" value=studio_local(window.end) required />
                        <button type="submit">{tr!(i18n, extend_submit)}</button>
                    </ActionForm>
                    {move || outcome().map(|(ok, text)| {
                        if ok {
                            view! { <p class="form-ok" role="status">{text}</p> }.into_any()
                        } else {
                            view! { <p class="field-error" role="alert">{text}</p> }.into_any()
                        }
                    })}
                })}
            </td>
        </tr>
    }
}

/// Hand-over notices: the booking before one of the production's ran over.
#[component]
fn Notices(notices: Vec<HandoverNotice>) -> impl IntoView {
    let i18n = use_i18n();
    let empty = notices.is_empty();
    let items = notices
        .into_iter()
        .map(|n| {
            let text = move || {
                let location = content_lang(i18n).pick(&n.location_zh, &n.location_en).to_string();
                t_string!(i18n, notice_handover_later)
                    .replace("{location}", &location)
                    .replace("{time}", &studio_datetime(n.handover_at))
                    .replace("{window}", &when(n.window))
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="notices-title" class="notices">
            <h2 id="notices-title">{tr!(i18n, notices_title)}</h2>
            {if empty {
                view! { <p class="hint">{tr!(i18n, notices_empty)}</p> }.into_any()
            } else {
                view! { <ul class="notice-list">{items}</ul> }.into_any()
            }}
        </section>
    }
}

/// The extend form's outcome for one booking, if that booking was the last one extended.
fn extend_outcome(
    i18n: leptos_i18n::I18nContext<Locale>,
    result: &Result<BookingReceipt, AppError>,
) -> (bool, String) {
    match result {
        Ok(receipt) => (
            true,
            t_string!(i18n, extend_done).replace("{time}", &studio_datetime(receipt.window.end)),
        ),
        Err(AppError::Clash(clash)) => {
            let with = format!(
                "{} – {}",
                studio_datetime(clash.with.start),
                studio_datetime(clash.with.end)
            );
            let reason = if clash.own {
                t_string!(i18n, clash_own).replace("{window}", &with)
            } else {
                t_string!(i18n, extend_clash)
                    .replace("{window}", &with)
                    .replace("{minutes}", &(clash.changeover / 60).to_string())
            };
            let until = match clash.suggestion {
                Some(longest) => {
                    t_string!(i18n, extend_until).replace("{time}", &studio_datetime(longest.end))
                }
                None => t_string!(i18n, extend_none).to_string(),
            };
            (false, format!("{reason} {until}"))
        }
        Err(error) => (
            false,
            field_message(i18n, Some(error), "ends_at").unwrap_or_else(|| error_text(i18n, error)),
        ),
    }
}
