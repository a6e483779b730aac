//! iCalendar (RFC 5545) export of a production's bookings, through the `icalendar` crate, so
//! crews see their set times in any calendar app.

use domain::booking::BookingStatus;
use domain::timeline::Phase;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use app::models::CrewBooking;

/// The booking's phases (in both languages), then its note.
fn description(booking: &CrewBooking) -> String {
    use domain::studio_clock;
    let mut lines: Vec<String> = match booking.shoot {
        Some(shoot) => domain::timeline::phases(booking.window, Some(shoot))
            .into_iter()
            .map(|(phase, w)| {
                let name = match phase {
                    Phase::Dressing => "布景 Set dressing",
                    Phase::Shooting => "拍摄 Shooting",
                    Phase::Strike => "撤景 Strike",
                };
                format!("{name} {}–{} (UTC+8)", studio_clock(w.start), studio_clock(w.end))
            })
            .collect(),
        None => Vec::new(),
    };
    if !booking.note.is_empty() {
        lines.push(booking.note.clone());
    }
    lines.join("\n")
}

/// The calendar of `bookings` for the production named `production`; times in UTC.
pub fn production_calendar(production: &str, bookings: &[CrewBooking]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&format!("Backlot · {production}"));
    for booking in bookings {
        let (Some(start), Some(end)) = (
            chrono::DateTime::from_timestamp(booking.window.start, 0),
            chrono::DateTime::from_timestamp(booking.window.end, 0),
        ) else {
            continue;
        };
        let status = match booking.status {
            BookingStatus::Requested => EventStatus::Tentative,
            BookingStatus::Confirmed | BookingStatus::Completed => EventStatus::Confirmed,
            BookingStatus::Cancelled => EventStatus::Cancelled,
        };
        let event = Event::new()
            .uid(&format!("booking-{}@backlot", booking.booking_id))
            .summary(&format!("{} {}", booking.location_zh, booking.location_en))
            .location(&booking.location_zh)
            .description(&description(booking))
            .starts(start)
            .ends(end)
            .status(status)
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::booking::Window;
    use domain::timeline::Shoot;

    #[test]
    fn bookings_become_events_in_utc() {
        let booking = CrewBooking {
            booking_id: 7,
            slug: "qin-palace".into(),
            location_zh: "秦王宫".into(),
            location_en: "Qin Palace".into(),
            status: BookingStatus::Requested,
            // 2026-12-01 06:30–13:45 in Hengdian.
            window: Window { start: 1_796_077_800, end: 1_796_103_900 },
            // Shooting 08:00–12:45.
            shoot: Some(Shoot { start: 1_796_083_200, end: 1_796_100_300 }),
            note: "Generator at the east gate; strike by 13:45".into(),
        };
        let text = production_calendar("长安十二时辰", &[booking]);
        assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
        assert!(text.contains("UID:booking-7@backlot"));
        assert!(text.contains("DTSTART:20261130T223000Z"), "{text}");
        assert!(text.contains("DTEND:20261201T054500Z"), "{text}");
        assert!(text.contains("SUMMARY:秦王宫 Qin Palace"));
        assert!(text.contains("STATUS:TENTATIVE"));
        assert!(text.contains("strike by 13:45"), "{text}");
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("布景 Set dressing 06:30–08:00 (UTC+8)"), "{unfolded}");
        assert!(unfolded.contains("拍摄 Shooting 08:00–12:45 (UTC+8)"), "{unfolded}");
        assert!(unfolded.contains("撤景 Strike 12:45–13:45 (UTC+8)"), "{unfolded}");
    }
}
