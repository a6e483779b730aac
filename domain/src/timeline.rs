//! What a location's calendar draws: a booking's phases (set dressing, shooting, strike) and
//! the free time between bookings as one production sees it.
//!
//! Phases split a booking without gaps: shooting runs `[shoot.start, shoot.end)` inside the
//! booking; the time before it is set dressing and the time after it strike (either may be
//! empty). A booking without phases is all shooting.

use serde::{Deserialize, Serialize};

use crate::booking::Window;

/// A part of a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    Dressing,
    Shooting,
    Strike,
}

impl Phase {
    pub fn code(self) -> &'static str {
        match self {
            Phase::Dressing => "dressing",
            Phase::Shooting => "shooting",
            Phase::Strike => "strike",
        }
    }
}

/// When shooting runs within a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shoot {
    pub start: i64,
    pub end: i64,
}

/// Why a shooting span was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShootError {
    NotWholeMinutes,
    EndNotAfterStart,
    /// Shooting starts before the booking or ends after it.
    OutsideBooking,
}

impl ShootError {
    /// The message code forms show for this error.
    pub fn code(self) -> &'static str {
        match self {
            ShootError::NotWholeMinutes => "whole_minutes",
            ShootError::EndNotAfterStart => "end_not_after_start",
            ShootError::OutsideBooking => "shoot_outside_booking",
        }
    }
}

impl Shoot {
    /// Shooting from `start` to `end` within `booking`, on whole minutes.
    pub fn within(booking: Window, start: i64, end: i64) -> Result<Shoot, ShootError> {
        if start % 60 != 0 || end % 60 != 0 {
            return Err(ShootError::NotWholeMinutes);
        }
        if end <= start {
            return Err(ShootError::EndNotAfterStart);
        }
        if start < booking.start || end > booking.end {
            return Err(ShootError::OutsideBooking);
        }
        Ok(Shoot { start, end })
    }

    /// The shooting span after the booking `from` runs on to `to` (an overrun): a shoot that
    /// ran to the end runs on with it; otherwise strike gets the extra time.
    pub fn after_overrun(self, from: Window, to: Window) -> Shoot {
        if self.end == from.end { Shoot { start: self.start, end: to.end } } else { self }
    }
}

/// The non-empty phases of `booking`, in order.
pub fn phases(booking: Window, shoot: Option<Shoot>) -> Vec<(Phase, Window)> {
    let shoot = shoot.unwrap_or(Shoot { start: booking.start, end: booking.end });
    [
        (Phase::Dressing, Window { start: booking.start, end: shoot.start }),
        (Phase::Shooting, Window { start: shoot.start, end: shoot.end }),
        (Phase::Strike, Window { start: shoot.end, end: booking.end }),
    ]
    .into_iter()
    .filter(|(_, w)| !w.is_empty())
    .collect()
}

/// Time a booking takes from the viewer: its window, and for another production's booking the
/// buffers that keep the sets apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Busy {
    pub window: Window,
    /// The changeover kept free after it, in seconds.
    pub changeover: i64,
    /// The viewer's own production's booking (may be abutted).
    pub own: bool,
}

/// The free windows of `range` in which the viewer could book: a booking filling one exactly
/// clashes with nothing. `changeover` is what the viewer's booking would keep free after it
/// (the location's buffer). Sorted, non-overlapping, never empty windows.
pub fn free_windows(range: Window, changeover: i64, busy: &[Busy]) -> Vec<Window> {
    let mut blocked: Vec<Window> = busy
        .iter()
        .map(|b| {
            if b.own {
                b.window
            } else {
                Window { start: b.window.start - changeover, end: b.window.end + b.changeover }
            }
        })
        .filter(|w| w.overlaps(range))
        .collect();
    blocked.sort_by_key(|w| w.start);
    let mut free = Vec::new();
    let mut cursor = range.start;
    for block in blocked {
        if block.start > cursor {
            free.push(Window { start: cursor, end: block.start.min(range.end) });
        }
        cursor = cursor.max(block.end);
        if cursor >= range.end {
            break;
        }
    }
    if cursor < range.end {
        free.push(Window { start: cursor, end: range.end });
    }
    free
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booking::{Held, first_clash};

    const H: i64 = 3600;
    const M: i64 = 60;

    fn w(start: i64, end: i64) -> Window {
        Window { start, end }
    }

    #[test]
    fn phases_split_the_booking_without_gaps() {
        let booking = w(6 * H + 30 * M, 13 * H + 45 * M);
        let shoot = Shoot::within(booking, 8 * H, 12 * H + 45 * M).unwrap();
        assert_eq!(
            phases(booking, Some(shoot)),
            vec![
                (Phase::Dressing, w(6 * H + 30 * M, 8 * H)),
                (Phase::Shooting, w(8 * H, 12 * H + 45 * M)),
                (Phase::Strike, w(12 * H + 45 * M, 13 * H + 45 * M)),
            ]
        );
        let no_dressing = Shoot::within(booking, booking.start, 12 * H).unwrap();
        assert_eq!(phases(booking, Some(no_dressing)).len(), 2);
        assert_eq!(phases(booking, None), vec![(Phase::Shooting, booking)]);
    }

    #[test]
    fn shooting_must_lie_inside_the_booking_on_whole_minutes() {
        let booking = w(6 * H, 14 * H);
        assert_eq!(Shoot::within(booking, 5 * H, 9 * H), Err(ShootError::OutsideBooking));
        assert_eq!(Shoot::within(booking, 7 * H, 15 * H), Err(ShootError::OutsideBooking));
        assert_eq!(Shoot::within(booking, 9 * H, 9 * H), Err(ShootError::EndNotAfterStart));
        assert_eq!(Shoot::within(booking, 7 * H + 1, 9 * H), Err(ShootError::NotWholeMinutes));
        assert_eq!(ShootError::OutsideBooking.code(), "shoot_outside_booking");
    }

    #[test]
    fn an_overrun_extends_the_shoot_only_if_it_ran_to_the_end() {
        let (from, to) = (w(6 * H, 14 * H), w(6 * H, 16 * H));
        let to_end = Shoot { start: 8 * H, end: 14 * H };
        assert_eq!(to_end.after_overrun(from, to), Shoot { start: 8 * H, end: 16 * H });
        let with_strike = Shoot { start: 8 * H, end: 13 * H };
        assert_eq!(with_strike.after_overrun(from, to), with_strike);
    }

    #[test]
    fn free_time_leaves_room_for_both_changeovers() {
        let day = w(0, 24 * H);
        let busy = [
            Busy { window: w(8 * H, 12 * H), changeover: H, own: false },
            Busy { window: w(18 * H, 20 * H), changeover: 30 * M, own: true },
        ];
        // Before another's booking: our own 45-minute changeover; after it: theirs (1 h).
        // Our own booking may be abutted.
        assert_eq!(
            free_windows(day, 45 * M, &busy),
            vec![w(0, 7 * H + 15 * M), w(13 * H, 18 * H), w(20 * H, 24 * H)]
        );
    }

    #[test]
    fn free_windows_are_really_free() {
        // Against the clash rule itself: every free window can be booked, and one minute more
        // on either side cannot (unless the range ends there).
        let mut rng = 7_u64;
        let mut next = |n: i64| {
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((rng >> 33) as i64).rem_euclid(n)
        };
        for _ in 0..300 {
            let (viewer, changeover) = (1, next(4) * 15 * M);
            let mut held = Vec::new();
            let mut t = next(6) * H;
            for _ in 0..next(5) {
                let len = (1 + next(8)) * 30 * M;
                let production = 1 + next(3);
                held.push(Held {
                    window: w(t, t + len),
                    production_id: production,
                    changeover: next(3) * 30 * M,
                });
                t += len + next(5) * 30 * M;
            }
            // Held bookings never clash with each other: drop those that would.
            let mut valid: Vec<Held> = Vec::new();
            for h in held {
                if first_clash(h.window, h.production_id, h.changeover, &valid).is_none() {
                    valid.push(h);
                }
            }
            let busy: Vec<Busy> = valid
                .iter()
                .map(|h| Busy {
                    window: h.window,
                    changeover: h.changeover,
                    own: h.production_id == viewer,
                })
                .collect();
            let range = w(0, 36 * H);
            for free in free_windows(range, changeover, &busy) {
                assert!(!free.is_empty());
                assert!(
                    first_clash(free, viewer, changeover, &valid).is_none(),
                    "{free:?} {valid:?}"
                );
                if free.start > range.start {
                    let wider = w(free.start - M, free.end);
                    assert!(first_clash(wider, viewer, changeover, &valid).is_some());
                }
                if free.end < range.end {
                    let wider = w(free.start, free.end + M);
                    assert!(first_clash(wider, viewer, changeover, &valid).is_some());
                }
            }
        }
    }
}
