//! iCalendar (RFC 5545) export of a production's bookings, through the `icalendar` crate, so
//! crews see their set times in any calendar app.

use domain::booking::BookingStatus;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use app::models::CrewBooking;

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
            .description(&booking.note)
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
            note: "Set dressing; strike by 13:45".into(),
        };
        let text = production_calendar("长安十二时辰", &[booking]);
        assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
        assert!(text.contains("UID:booking-7@backlot"));
        assert!(text.contains("DTSTART:20261130T223000Z"), "{text}");
        assert!(text.contains("DTEND:20261201T054500Z"), "{text}");
        assert!(text.contains("SUMMARY:秦王宫 Qin Palace"));
        assert!(text.contains("STATUS:TENTATIVE"));
        assert!(text.contains("Set dressing\\; strike by 13:45"), "{text}");
    }
}
