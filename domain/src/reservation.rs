//! A reservation's life after it is made: who moves it where (the supplier confirms or declines
//! a request, hands the items over and takes them back; the crew cancels), when a return is
//! late, how many units of each line came back damaged, and the units away for repair.
//!
//! ```text
//! requested ──confirm──▶ confirmed ──pick up──▶ picked_up ──return──▶ returned
//!     │ ╲decline──▶ declined    │
//!     └──cancel──▶ cancelled ◀──┘
//! ```

use serde::{Deserialize, Serialize};
use time::Date;

use crate::stock::{Days, Held};

/// Where a reservation is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReservationStatus {
    Requested,
    Confirmed,
    Declined,
    Cancelled,
    PickedUp,
    Returned,
}

impl ReservationStatus {
    pub const ALL: [ReservationStatus; 6] = [
        ReservationStatus::Requested,
        ReservationStatus::Confirmed,
        ReservationStatus::Declined,
        ReservationStatus::Cancelled,
        ReservationStatus::PickedUp,
        ReservationStatus::Returned,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReservationStatus::Requested => "requested",
            ReservationStatus::Confirmed => "confirmed",
            ReservationStatus::Declined => "declined",
            ReservationStatus::Cancelled => "cancelled",
            ReservationStatus::PickedUp => "picked_up",
            ReservationStatus::Returned => "returned",
        }
    }

    pub fn parse(code: &str) -> Option<ReservationStatus> {
        ReservationStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether a reservation in this status holds its units over its days.
    pub fn holds_stock(self) -> bool {
        matches!(
            self,
            ReservationStatus::Requested
                | ReservationStatus::Confirmed
                | ReservationStatus::PickedUp
        )
    }
}

/// A step someone asks a reservation to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The supplier accepts a request.
    Confirm,
    /// The supplier turns a request down.
    Decline,
    /// The production withdraws a request or a confirmed reservation.
    Cancel,
    /// The supplier hands the items over.
    PickUp,
    /// The supplier takes the items back.
    Return,
}

impl Step {
    /// Whether the supplier's side takes this step (else the production's crew).
    pub fn by_supplier(self) -> bool {
        !matches!(self, Step::Cancel)
    }
}

/// Why a step cannot be taken; each is a message code shown on the `reservation` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// Confirming or declining what is no longer a request.
    NotRequested,
    /// Cancelling what was declined, cancelled, picked up or returned.
    NotCancellable,
    /// Handing over what is not confirmed.
    NotConfirmed,
    /// Taking back what was never handed over (or is back already).
    NotPickedUp,
    /// Handing over before the first day.
    BeforeFirstDay,
    /// Handing over after the last day.
    AfterLastDay,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::NotRequested => "not_requested",
            Refusal::NotCancellable => "not_cancellable",
            Refusal::NotConfirmed => "not_confirmed",
            Refusal::NotPickedUp => "not_picked_up",
            Refusal::BeforeFirstDay => "before_first_day",
            Refusal::AfterLastDay => "after_last_day",
        }
    }
}

/// The status a reservation moves to when `step` is taken on `today`, or why it cannot be.
/// Items are handed over only on the reservation's days (from the first to the last);
/// they may come back any day after, a day after the last being late.
pub fn next_status(
    status: ReservationStatus,
    step: Step,
    days: Days,
    today: Date,
) -> Result<ReservationStatus, Refusal> {
    use ReservationStatus as S;
    match (step, status) {
        (Step::Confirm, S::Requested) => Ok(S::Confirmed),
        (Step::Decline, S::Requested) => Ok(S::Declined),
        (Step::Confirm | Step::Decline, _) => Err(Refusal::NotRequested),
        (Step::Cancel, S::Requested | S::Confirmed) => Ok(S::Cancelled),
        (Step::Cancel, _) => Err(Refusal::NotCancellable),
        (Step::PickUp, S::Confirmed) if today < days.first => Err(Refusal::BeforeFirstDay),
        (Step::PickUp, S::Confirmed) if today > days.last => Err(Refusal::AfterLastDay),
        (Step::PickUp, S::Confirmed) => Ok(S::PickedUp),
        (Step::PickUp, _) => Err(Refusal::NotConfirmed),
        (Step::Return, S::PickedUp) => Ok(S::Returned),
        (Step::Return, _) => Err(Refusal::NotPickedUp),
    }
}

/// Whether a reservation is late back: still out after its last day, or returned after it.
pub fn is_late(
    status: ReservationStatus,
    days: Days,
    returned_on: Option<Date>,
    today: Date,
) -> bool {
    match status {
        ReservationStatus::PickedUp => today > days.last,
        ReservationStatus::Returned => returned_on.is_some_and(|day| day > days.last),
        _ => false,
    }
}

/// The damaged count typed for a line is not a whole number from 0 to the line's quantity, or
/// names an item that is not on the reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DamagedOutOfRange {
    pub item_id: i64,
}

impl DamagedOutOfRange {
    pub const CODE: &'static str = "damaged_range";
}

/// Checks what came back damaged: `lines` are the reservation's `(item_id, quantity)`,
/// `typed` the `(item_id, damaged)` pairs from the return form (lines left out came back
/// whole). Answers each line's damaged count, in the order of `lines`.
pub fn check_damaged(
    lines: &[(i64, i64)],
    typed: &[(i64, i64)],
) -> Result<Vec<(i64, i64)>, DamagedOutOfRange> {
    let stray = typed.iter().find(|(id, n)| *n < 0 || !lines.iter().any(|(l, _)| l == id));
    if let Some(&(item_id, _)) = stray {
        return Err(DamagedOutOfRange { item_id });
    }
    lines
        .iter()
        .map(|&(item_id, quantity)| {
            let damaged: i64 = typed.iter().filter(|(id, _)| *id == item_id).map(|(_, n)| *n).sum();
            if damaged <= quantity {
                Ok((item_id, damaged))
            } else {
                Err(DamagedOutOfRange { item_id })
            }
        })
        .collect()
}

/// Units away for repair since `since` (the day they came back damaged), as a hold over the
/// days of `asked` from then on: they count against every day until they are marked repaired,
/// however far ahead.
pub fn maintenance_hold(since: Date, quantity: i64, asked: Days) -> Held {
    Held { days: Days { first: since, last: asked.last.max(since) }, quantity }
}

/// A typed reservation code in its stored form (`R-XXXXX-XXXXX`), forgiving case, spaces,
/// dashes and look-alike letters as pass codes do; `None` when it cannot be one.
pub fn normalize_reservation_code(typed: &str) -> Option<String> {
    crate::wages::normalize_short_code('R', typed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stock::free_per_day;
    use ReservationStatus as S;
    use time::macros::date;

    const WEEK: Days = Days { first: date!(2026 - 12 - 07), last: date!(2026 - 12 - 11) };

    #[test]
    fn the_supplier_answers_a_request_once() {
        let day = date!(2026 - 12 - 01);
        assert_eq!(next_status(S::Requested, Step::Confirm, WEEK, day), Ok(S::Confirmed));
        assert_eq!(next_status(S::Requested, Step::Decline, WEEK, day), Ok(S::Declined));
        for status in [S::Confirmed, S::Declined, S::Cancelled, S::PickedUp, S::Returned] {
            for step in [Step::Confirm, Step::Decline] {
                assert_eq!(
                    next_status(status, step, WEEK, day),
                    Err(Refusal::NotRequested),
                    "{step:?} when {status:?}"
                );
            }
        }
    }

    #[test]
    fn the_crew_cancels_only_before_the_hand_over() {
        let day = date!(2026 - 12 - 08);
        assert_eq!(next_status(S::Requested, Step::Cancel, WEEK, day), Ok(S::Cancelled));
        assert_eq!(next_status(S::Confirmed, Step::Cancel, WEEK, day), Ok(S::Cancelled));
        for status in [S::Declined, S::Cancelled, S::PickedUp, S::Returned] {
            assert_eq!(next_status(status, Step::Cancel, WEEK, day), Err(Refusal::NotCancellable));
        }
        assert!(!S::Cancelled.holds_stock() && !S::Declined.holds_stock());
        assert!(S::Requested.holds_stock() && S::Confirmed.holds_stock());
    }

    #[test]
    fn items_are_handed_over_on_the_reservations_days_and_taken_back_after() {
        let pick = |status, today| next_status(status, Step::PickUp, WEEK, today);
        assert_eq!(pick(S::Confirmed, date!(2026 - 12 - 06)), Err(Refusal::BeforeFirstDay));
        assert_eq!(pick(S::Confirmed, date!(2026 - 12 - 07)), Ok(S::PickedUp));
        assert_eq!(pick(S::Confirmed, date!(2026 - 12 - 11)), Ok(S::PickedUp));
        assert_eq!(pick(S::Confirmed, date!(2026 - 12 - 12)), Err(Refusal::AfterLastDay));
        for status in [S::Requested, S::Declined, S::Cancelled, S::PickedUp, S::Returned] {
            assert_eq!(pick(status, date!(2026 - 12 - 08)), Err(Refusal::NotConfirmed));
        }
        let back = |status, today| next_status(status, Step::Return, WEEK, today);
        assert_eq!(back(S::PickedUp, date!(2026 - 12 - 08)), Ok(S::Returned));
        assert_eq!(back(S::PickedUp, date!(2027 - 01 - 20)), Ok(S::Returned), "late, but back");
        for status in [S::Requested, S::Confirmed, S::Declined, S::Cancelled, S::Returned] {
            assert_eq!(back(status, date!(2026 - 12 - 08)), Err(Refusal::NotPickedUp));
        }
        assert!(S::PickedUp.holds_stock() && !S::Returned.holds_stock());
        assert!(Step::Return.by_supplier() && !Step::Cancel.by_supplier());
    }

    #[test]
    fn a_return_after_the_last_day_is_late() {
        let (last, after) = (date!(2026 - 12 - 11), date!(2026 - 12 - 12));
        assert!(!is_late(S::PickedUp, WEEK, None, last));
        assert!(is_late(S::PickedUp, WEEK, None, after), "still out");
        assert!(!is_late(S::Returned, WEEK, Some(last), after));
        assert!(is_late(S::Returned, WEEK, Some(after), after));
        assert!(!is_late(S::Confirmed, WEEK, None, after), "never handed over");
        assert!(!is_late(S::Cancelled, WEEK, None, after));
    }

    #[test]
    fn damaged_counts_stay_within_each_line() {
        let lines = [(1, 3), (2, 1)];
        assert_eq!(check_damaged(&lines, &[]), Ok(vec![(1, 0), (2, 0)]));
        assert_eq!(check_damaged(&lines, &[(2, 1), (1, 3)]), Ok(vec![(1, 3), (2, 1)]));
        assert_eq!(check_damaged(&lines, &[(1, 4)]), Err(DamagedOutOfRange { item_id: 1 }));
        assert_eq!(check_damaged(&lines, &[(2, -1)]), Err(DamagedOutOfRange { item_id: 2 }));
        assert_eq!(check_damaged(&lines, &[(9, 1)]), Err(DamagedOutOfRange { item_id: 9 }));
        assert_eq!(
            check_damaged(&lines, &[(1, 2), (1, 2)]),
            Err(DamagedOutOfRange { item_id: 1 }),
            "the same line twice counts twice"
        );
    }

    #[test]
    fn units_in_maintenance_are_not_free_from_the_day_they_came_back() {
        let asked = Days { first: date!(2026 - 12 - 01), last: date!(2026 - 12 - 05) };
        let hold = maintenance_hold(date!(2026 - 12 - 03), 1, asked);
        let free: Vec<i64> = free_per_day(4, &[hold], asked).into_iter().map(|(_, n)| n).collect();
        assert_eq!(free, vec![4, 4, 3, 3, 3]);
        let later = Days { first: date!(2027 - 06 - 01), last: date!(2027 - 06 - 02) };
        let hold = maintenance_hold(date!(2026 - 12 - 03), 2, later);
        assert!(free_per_day(4, &[hold], later).iter().all(|(_, n)| *n == 2), "however far");
        let earlier = Days { first: date!(2026 - 11 - 01), last: date!(2026 - 11 - 02) };
        let hold = maintenance_hold(date!(2026 - 12 - 03), 2, earlier);
        assert!(free_per_day(4, &[hold], earlier).iter().all(|(_, n)| *n == 4));
    }

    #[test]
    fn typed_reservation_codes_forgive_case_spaces_and_look_alikes() {
        let normal = normalize_reservation_code;
        assert_eq!(normal("R-7K3PQ-9QX2Y").as_deref(), Some("R-7K3PQ-9QX2Y"));
        assert_eq!(normal(" r 7k3pq 9qx2y ").as_deref(), Some("R-7K3PQ-9QX2Y"));
        assert_eq!(normal("r7k3pq9qxzy").as_deref(), Some("R-7K3PQ-9QXZY"));
        assert_eq!(normal("R-O0IL1-00000").as_deref(), Some("R-00111-00000"));
        assert_eq!(normal("P-7K3PQ-9QX2Y"), None, "a pass's code");
        assert_eq!(normal("R-7K3PQ-9QX2"), None);
        assert_eq!(normal("R-7K3PQ-9QX2U"), None);
        for status in ReservationStatus::ALL {
            assert_eq!(ReservationStatus::parse(status.code()), Some(status));
        }
        assert_eq!(ReservationStatus::parse("lost"), None);
    }
}
