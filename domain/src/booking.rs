//! Location bookings: time windows to the minute, the clash rule with the changeover buffer, and
//! the nearest free slot to offer when a request clashes. The server enforces the same rule in
//! the database; the browser uses it to explain.
//!
//! The rule: two active bookings of one location must not overlap, and bookings of *different*
//! productions must leave the location's changeover buffer free after each of them, so one crew
//! hands the set to the next without a clash. A production's own bookings may abut.

use serde::{Deserialize, Serialize};
use time::{Date, Month, PrimitiveDateTime, Time};

use crate::studio_time::STUDIO_OFFSET;

/// The longest booking accepted in one request: 31 days.
pub const MAX_BOOKING_SECS: i64 = 31 * 24 * 3600;
/// The longest changeover buffer a location may ask for: 24 hours.
pub const MAX_CHANGEOVER_SECS: i64 = 24 * 3600;

/// A span of time `[start, end)` in Unix seconds, on whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Window {
    pub start: i64,
    pub end: i64,
}

/// Why a requested window was refused before looking at other bookings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WindowError {
    /// The end is not after the start.
    EndNotAfterStart,
    /// Start or end is not on a whole minute.
    NotWholeMinutes,
    /// Longer than `MAX_BOOKING_SECS`.
    TooLong,
    /// Starts before now.
    InThePast,
}

impl WindowError {
    /// The message code forms show for this error.
    pub fn code(self) -> &'static str {
        match self {
            WindowError::EndNotAfterStart => "end_not_after_start",
            WindowError::NotWholeMinutes => "whole_minutes",
            WindowError::TooLong => "too_long_booking",
            WindowError::InThePast => "in_the_past",
        }
    }
}

impl Window {
    /// A bookable window: on whole minutes, end after start, at most `MAX_BOOKING_SECS` long and
    /// not starting before `now`.
    pub fn bookable(start: i64, end: i64, now: i64) -> Result<Window, WindowError> {
        if start % 60 != 0 || end % 60 != 0 {
            return Err(WindowError::NotWholeMinutes);
        }
        if end <= start {
            return Err(WindowError::EndNotAfterStart);
        }
        if end - start > MAX_BOOKING_SECS {
            return Err(WindowError::TooLong);
        }
        if start < now {
            return Err(WindowError::InThePast);
        }
        Ok(Window { start, end })
    }

    pub fn len(self) -> i64 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The same length, starting at `start`.
    pub fn moved_to(self, start: i64) -> Window {
        Window { start, end: start + self.len() }
    }

    pub fn overlaps(self, other: Window) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A booking that holds a location (requested or confirmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    pub window: Window,
    pub production_id: i64,
    /// The changeover buffer kept free after it for other productions, in seconds.
    pub changeover: i64,
}

/// Whether `want`, for `production` with a changeover of `changeover` seconds, clashes with
/// `held`. Mirrors the database constraint: the windows extended by their changeovers must not
/// overlap when the productions differ, and the plain windows must not overlap at all.
pub fn clashes(want: Window, production: i64, changeover: i64, held: &Held) -> bool {
    let (gap_held, gap_want) =
        if held.production_id == production { (0, 0) } else { (held.changeover, changeover) };
    want.start < held.window.end + gap_held && held.window.start < want.end + gap_want
}

/// The first held booking `want` clashes with, if any.
pub fn first_clash(want: Window, production: i64, changeover: i64, held: &[Held]) -> Option<&Held> {
    held.iter().find(|h| clashes(want, production, changeover, h))
}

/// The free window of `want`'s length whose start is nearest to `want.start` (earlier on a tie),
/// not starting before `earliest`; `None` if every candidate clashes.
///
/// Free starts form intervals whose ends sit right after or right before a held booking (with
/// the buffers), so the nearest one is among those candidates, `want.start` and `earliest`.
pub fn nearest_free(
    want: Window,
    production: i64,
    changeover: i64,
    held: &[Held],
    earliest: i64,
) -> Option<Window> {
    let len = want.len();
    let mut candidates = vec![want.start, earliest];
    for h in held {
        let (gap_held, gap_want) =
            if h.production_id == production { (0, 0) } else { (h.changeover, changeover) };
        candidates.push(h.window.end + gap_held);
        candidates.push(h.window.start - gap_want - len);
    }
    candidates
        .into_iter()
        .filter(|&start| start >= earliest)
        .map(|start| want.moved_to(start))
        .filter(|w| first_clash(*w, production, changeover, held).is_none())
        .min_by_key(|w| ((w.start - want.start).abs(), w.start))
}

impl Window {
    /// This window running on to `new_end` (an overrun): on a whole minute, later than the
    /// current end, and the whole window at most `MAX_BOOKING_SECS` long. The start may be in
    /// the past: a booking under way can be extended.
    pub fn extended_to(self, new_end: i64) -> Result<Window, WindowError> {
        if new_end % 60 != 0 {
            return Err(WindowError::NotWholeMinutes);
        }
        if new_end <= self.end {
            return Err(WindowError::EndNotAfterStart);
        }
        if new_end - self.start > MAX_BOOKING_SECS {
            return Err(WindowError::TooLong);
        }
        Ok(Window { start: self.start, end: new_end })
    }
}

/// The latest end `booking` (held by `production`, keeping `changeover` free after it) can run
/// on to without clashing with `others` (the location's other holding bookings); `None` when
/// nothing follows it.
pub fn latest_end(
    booking: Window,
    production: i64,
    changeover: i64,
    others: &[Held],
) -> Option<i64> {
    others
        .iter()
        .filter(|h| h.window.start >= booking.end)
        .map(|h| h.window.start - if h.production_id == production { 0 } else { changeover })
        .min()
}

/// Where a booking stands. `Requested` and `Confirmed` hold the location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BookingStatus {
    /// Waiting for the location's operator.
    #[serde(rename = "requested")]
    Requested,
    /// Confirmed by the operator, or instantly where the operator allows it.
    #[serde(rename = "confirmed")]
    Confirmed,
    #[serde(rename = "completed")]
    Completed,
    #[serde(rename = "cancelled")]
    Cancelled,
}

impl BookingStatus {
    pub const ALL: [BookingStatus; 4] = [
        BookingStatus::Requested,
        BookingStatus::Confirmed,
        BookingStatus::Completed,
        BookingStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BookingStatus::Requested => "requested",
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Completed => "completed",
            BookingStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<BookingStatus> {
        BookingStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether a booking in this state keeps the location from others.
    pub fn holds(self) -> bool {
        matches!(self, BookingStatus::Requested | BookingStatus::Confirmed)
    }

    /// The status as of `now` (Unix seconds) for a booking ending at `ends_at`: a confirmed
    /// booking whose time has run out is completed (the set was handed over); a request nobody
    /// confirmed before its end stays a request, so the crew sees it was never confirmed.
    pub fn as_of(self, ends_at: i64, now: i64) -> BookingStatus {
        match self {
            BookingStatus::Confirmed if ends_at <= now => BookingStatus::Completed,
            other => other,
        }
    }
}

/// What a refused booking request is told: the window it clashes with (with its changeover
/// when another production holds it), and the nearest free slot of the same length. Another
/// production's name is never included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clash {
    pub with: Window,
    /// The clashing booking is the requester's own production's.
    pub own: bool,
    /// Changeover kept free after the clashing booking, in seconds (0 for one's own).
    pub changeover: i64,
    pub suggestion: Option<Window>,
}

/// Reads a `datetime-local` form value (`2026-12-01T06:30`, optionally with `:ss`) as studio
/// time and returns Unix seconds.
pub fn parse_studio_local(value: &str) -> Option<i64> {
    let (date, time) = value.trim().split_once('T')?;
    let mut date_parts = date.split('-');
    let year: i32 = date_parts.next()?.parse().ok()?;
    let month: u8 = date_parts.next()?.parse().ok()?;
    let day: u8 = date_parts.next()?.parse().ok()?;
    if date_parts.next().is_some() {
        return None;
    }
    let mut time_parts = time.split(':');
    let hour: u8 = time_parts.next()?.parse().ok()?;
    let minute: u8 = time_parts.next()?.parse().ok()?;
    let second: u8 = time_parts.next().map_or(Some(0), |s| s.parse().ok())?;
    if time_parts.next().is_some() {
        return None;
    }
    let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()?;
    let time = Time::from_hms(hour, minute, second).ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_offset(STUDIO_OFFSET).unix_timestamp())
}

/// Unix seconds as a `datetime-local` value in studio time (`2026-12-01T06:30`).
pub fn studio_local(unix: i64) -> String {
    crate::studio_time::studio_datetime(unix).replacen(' ', "T", 1)
}

#[cfg(test)]
mod status_tests {
    use super::BookingStatus;

    #[test]
    fn a_confirmed_booking_is_completed_once_its_time_has_run_out() {
        let end = 1_800_000_000;
        assert_eq!(BookingStatus::Confirmed.as_of(end, end - 1), BookingStatus::Confirmed);
        assert_eq!(BookingStatus::Confirmed.as_of(end, end), BookingStatus::Completed);
        assert_eq!(BookingStatus::Requested.as_of(end, end + 60), BookingStatus::Requested);
        assert_eq!(BookingStatus::Cancelled.as_of(end, end + 60), BookingStatus::Cancelled);
        assert!(!BookingStatus::Confirmed.as_of(end, end).holds());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;
    const M: i64 = 60;

    fn w(start_h: f64, end_h: f64) -> Window {
        Window { start: (start_h * H as f64) as i64, end: (end_h * H as f64) as i64 }
    }

    fn held(start_h: f64, end_h: f64, production_id: i64) -> Held {
        Held { window: w(start_h, end_h), production_id, changeover: 30 * M }
    }

    #[test]
    fn windows_must_be_whole_minutes_forward_and_not_past() {
        assert!(Window::bookable(60, 120, 0).is_ok());
        assert_eq!(Window::bookable(61, 120, 0), Err(WindowError::NotWholeMinutes));
        assert_eq!(Window::bookable(120, 120, 0), Err(WindowError::EndNotAfterStart));
        assert_eq!(Window::bookable(0, MAX_BOOKING_SECS + 60, 0), Err(WindowError::TooLong));
        assert_eq!(Window::bookable(60, 120, 61), Err(WindowError::InThePast));
    }

    #[test]
    fn other_productions_need_the_changeover_between_bookings() {
        let existing = held(8.0, 12.0, 1);
        // Another production: 12:00 and 12:29 are inside the 30-minute changeover; 12:30 is free.
        assert!(clashes(w(12.0, 14.0), 2, 30 * M, &existing));
        assert!(clashes(w(12.0 + 29.0 / 60.0, 14.0), 2, 30 * M, &existing));
        assert!(!clashes(w(12.5, 14.0), 2, 30 * M, &existing));
        // Before it, the newcomer's own changeover must fit too.
        assert!(clashes(w(6.0, 7.75), 2, 30 * M, &existing));
        assert!(!clashes(w(6.0, 7.5), 2, 30 * M, &existing));
        // The same production may hand over to itself without a gap, but never overlap.
        assert!(!clashes(w(12.0, 14.0), 1, 30 * M, &existing));
        assert!(clashes(w(11.0, 14.0), 1, 30 * M, &existing));
    }

    #[test]
    fn the_nearest_free_slot_of_the_same_length_is_offered() {
        let held = [held(8.0, 12.0, 1), held(13.0, 15.0, 1)];
        // Another production wants 10:00–12:00. Two hours never fit between the two bookings;
        // before them 05:30–07:30 (its changeover ends at 08:00) is 4.5 h away, after them
        // 15:30–17:30 is 5.5 h away.
        let want = w(10.0, 12.0);
        assert_eq!(nearest_free(want, 2, 30 * M, &held, 0), Some(w(5.5, 7.5)));
        // Not before `earliest`: then after 15:00 plus changeover.
        assert_eq!(nearest_free(want, 2, 30 * M, &held, 6 * H), Some(w(15.5, 17.5)));
        // A free request is its own nearest slot.
        assert_eq!(nearest_free(w(20.0, 21.0), 2, 30 * M, &held, 0), Some(w(20.0, 21.0)));
        // One hour fits between the two for the production that holds both.
        assert_eq!(nearest_free(w(10.0, 11.0), 1, 30 * M, &held, 0), Some(w(12.0, 13.0)));
    }

    #[test]
    fn suggestions_never_clash() {
        // Pseudo-random schedules: every suggestion is free and no free start is nearer.
        let mut seed = 7_u64;
        let mut next = |n: i64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as i64).rem_euclid(n)
        };
        for _ in 0..200 {
            let mut held = Vec::new();
            for _ in 0..6 {
                let start = next(48) * 30 * M;
                held.push(Held {
                    window: Window { start, end: start + (1 + next(8)) * 30 * M },
                    production_id: 1 + next(3),
                    changeover: next(3) * 30 * M,
                });
            }
            let start = next(48) * 30 * M;
            let want = Window { start, end: start + (1 + next(6)) * 30 * M };
            let production = 1 + next(3);
            let found =
                nearest_free(want, production, 30 * M, &held, 0).expect("always a slot later");
            assert!(first_clash(found, production, 30 * M, &held).is_none());
            let distance = (found.start - want.start).abs();
            // Brute force over every minute start within that distance.
            let mut s = (want.start - distance).max(0);
            while s < want.start + distance {
                let nearer = (s - want.start).abs() < distance;
                if nearer {
                    assert!(
                        first_clash(want.moved_to(s), production, 30 * M, &held).is_some(),
                        "a nearer free start {s} was missed for {want:?} in {held:?}"
                    );
                }
                s += M;
            }
        }
    }

    #[test]
    fn datetime_local_values_are_studio_time() {
        // 2026-12-01 06:30 in Hengdian is 2026-11-30 22:30 UTC.
        let unix = parse_studio_local("2026-12-01T06:30").unwrap();
        assert_eq!(unix, 1_796_077_800);
        assert_eq!(studio_local(unix), "2026-12-01T06:30");
        assert_eq!(parse_studio_local("2026-12-01T06:30:00"), Some(unix));
        for bad in ["", "2026-12-01", "2026-13-01T06:30", "2026-12-01T24:00", "x-y-zT1:2"] {
            assert_eq!(parse_studio_local(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_overrun_runs_on_only_into_free_time() {
        let booking = w(6.0, 12.0);
        assert_eq!(booking.extended_to(13 * H), Ok(w(6.0, 13.0)));
        assert_eq!(booking.extended_to(12 * H), Err(WindowError::EndNotAfterStart));
        assert_eq!(booking.extended_to(13 * H + 1), Err(WindowError::NotWholeMinutes));
        assert_eq!(
            booking.extended_to(booking.start + MAX_BOOKING_SECS + 60),
            Err(WindowError::TooLong)
        );
        // Another production at 14:00 with our 30 min changeover: until 13:30; our own at 14:00:
        // right up to it; something before us does not matter.
        let others = [held(14.0, 16.0, 2), held(2.0, 5.0, 3)];
        assert_eq!(latest_end(booking, 1, 30 * M, &others), Some(13 * H + 30 * M));
        assert_eq!(latest_end(booking, 2, 30 * M, &others), Some(14 * H));
        assert_eq!(latest_end(booking, 1, 30 * M, &[held(2.0, 5.0, 3)]), None);
        // The latest end is exactly where the clash rule starts refusing.
        let until = latest_end(booking, 1, 30 * M, &others).unwrap();
        assert!(first_clash(booking.extended_to(until).unwrap(), 1, 30 * M, &others).is_none());
        assert!(
            first_clash(booking.extended_to(until + 60).unwrap(), 1, 30 * M, &others).is_some()
        );
    }
}
