//! Reserving stock: day ranges, how many units of an item are free on each day, the quote for
//! a request list, and exactly where a request would over-reserve.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::Money;

/// The longest reservation, in days.
pub const MAX_DAYS: i64 = 90;
/// How far ahead a reservation may start, in days.
pub const MAX_LEAD_DAYS: i64 = 365;
/// The most units of one item a single line may ask for.
pub const MAX_QUANTITY: i64 = 500;

/// Whole days, both ends included, in the studio's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Days {
    pub first: Date,
    pub last: Date,
}

/// Why a day range cannot be reserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaysError {
    /// The last day is before the first.
    EndBeforeStart,
    /// The first day has passed.
    InThePast,
    /// Longer than [`MAX_DAYS`].
    TooLong,
    /// Starts more than [`MAX_LEAD_DAYS`] ahead.
    TooFarAhead,
}

impl DaysError {
    /// The message code the forms show.
    pub fn code(self) -> &'static str {
        match self {
            DaysError::EndBeforeStart => "end_before_start",
            DaysError::InThePast => "in_the_past",
            DaysError::TooLong => "too_many_days",
            DaysError::TooFarAhead => "too_far_ahead",
        }
    }
}

impl Days {
    /// Checks a range typed on `today`.
    pub fn new(first: Date, last: Date, today: Date) -> Result<Days, DaysError> {
        let days = Days { first, last };
        if last < first {
            Err(DaysError::EndBeforeStart)
        } else if first < today {
            Err(DaysError::InThePast)
        } else if days.count() > MAX_DAYS {
            Err(DaysError::TooLong)
        } else if (first - today).whole_days() > MAX_LEAD_DAYS {
            Err(DaysError::TooFarAhead)
        } else {
            Ok(days)
        }
    }

    /// How many days, both ends included.
    pub fn count(self) -> i64 {
        (self.last - self.first).whole_days() + 1
    }

    pub fn overlaps(self, other: Days) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    pub fn contains(self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }

    /// Every day in the range, in order.
    pub fn iter(self) -> impl Iterator<Item = Date> {
        let mut next = Some(self.first);
        std::iter::from_fn(move || {
            let day = next.filter(|d| *d <= self.last)?;
            next = day.next_day();
            Some(day)
        })
    }
}

/// Units of an item already held over some days (by reservations, or away for repair).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub days: Days,
    pub quantity: i64,
}

/// Units free on each day of `days`: `owned` minus every hold covering that day (never below 0).
pub fn free_per_day(owned: i64, held: &[Held], days: Days) -> Vec<(Date, i64)> {
    days.iter()
        .map(|day| {
            let taken: i64 = held.iter().filter(|h| h.days.contains(day)).map(|h| h.quantity).sum();
            (day, (owned - taken).max(0))
        })
        .collect()
}

/// The most units held on any one day of `days`.
pub fn most_held(held: &[Held], days: Days) -> i64 {
    days.iter()
        .map(|day| held.iter().filter(|h| h.days.contains(day)).map(|h| h.quantity).sum())
        .max()
        .unwrap_or(0)
}

/// The days of `days` on which fewer than `asked` units are free, with how many are, in
/// runs of consecutive days with the same number free (`3 Dec–5 Dec: 2 free`).
pub fn shortfall(owned: i64, held: &[Held], days: Days, asked: i64) -> Vec<(Days, i64)> {
    let mut runs: Vec<(Days, i64)> = Vec::new();
    for (day, free) in free_per_day(owned, held, days) {
        if free >= asked {
            continue;
        }
        match runs.last_mut() {
            Some((run, n)) if *n == free && run.last.next_day() == Some(day) => run.last = day,
            _ => runs.push((Days { first: day, last: day }, free)),
        }
    }
    runs
}

/// An item a request asks more of than is free on some days: the days (in runs) and how many
/// are free on them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortage {
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub asked: i64,
    pub runs: Vec<(Days, i64)>,
}

/// One line of a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    pub item_id: i64,
    pub quantity: i64,
    pub daily_rate: Money,
    pub deposit: Money,
    /// quantity × days × daily rate.
    pub rent: Money,
    /// quantity × deposit (held once, returned on return).
    pub deposit_total: Money,
}

/// A request list priced for its days, in CNY.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub days: i64,
    pub lines: Vec<QuoteLine>,
    pub rent: Money,
    pub deposit: Money,
    /// Rent and deposit together: what is paid at pick-up.
    pub total: Money,
}

/// Prices `(item_id, quantity, daily rate, deposit)` lines for `days` days.
pub fn quote(lines: &[(i64, i64, Money, Money)], days: i64) -> Quote {
    let lines: Vec<QuoteLine> = lines
        .iter()
        .map(|&(item_id, quantity, daily_rate, deposit)| QuoteLine {
            item_id,
            quantity,
            daily_rate,
            deposit,
            rent: Money::from_fen(daily_rate.fen() * quantity * days),
            deposit_total: Money::from_fen(deposit.fen() * quantity),
        })
        .collect();
    let rent = Money::from_fen(lines.iter().map(|l| l.rent.fen()).sum());
    let deposit = Money::from_fen(lines.iter().map(|l| l.deposit_total.fen()).sum());
    Quote { days, lines, rent, deposit, total: Money::from_fen(rent.fen() + deposit.fen()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn days(first: Date, last: Date) -> Days {
        Days { first, last }
    }

    #[test]
    fn ranges_are_checked_against_today() {
        let today = date!(2026 - 12 - 01);
        assert_eq!(
            Days::new(date!(2026 - 12 - 03), date!(2026 - 12 - 07), today).unwrap().count(),
            5
        );
        assert_eq!(Days::new(today, today, today).unwrap().count(), 1);
        let refused = [
            (date!(2026 - 12 - 07), date!(2026 - 12 - 03), DaysError::EndBeforeStart),
            (date!(2026 - 11 - 30), date!(2026 - 12 - 03), DaysError::InThePast),
            (date!(2026 - 12 - 01), date!(2027 - 03 - 01), DaysError::TooLong),
            (date!(2027 - 12 - 02), date!(2027 - 12 - 03), DaysError::TooFarAhead),
        ];
        for (first, last, error) in refused {
            assert_eq!(Days::new(first, last, today), Err(error), "{first}–{last}");
        }
    }

    #[test]
    fn free_units_and_shortfalls_are_counted_per_day() {
        let held = [
            Held { days: days(date!(2026 - 12 - 02), date!(2026 - 12 - 04)), quantity: 3 },
            Held { days: days(date!(2026 - 12 - 04), date!(2026 - 12 - 06)), quantity: 2 },
        ];
        let asked = days(date!(2026 - 12 - 01), date!(2026 - 12 - 07));
        let free: Vec<i64> = free_per_day(5, &held, asked).into_iter().map(|(_, n)| n).collect();
        assert_eq!(free, vec![5, 2, 2, 0, 3, 3, 5]);
        assert_eq!(
            shortfall(5, &held, asked, 2),
            vec![(days(date!(2026 - 12 - 04), date!(2026 - 12 - 04)), 0)]
        );
        assert_eq!(
            shortfall(5, &held, asked, 4),
            vec![
                (days(date!(2026 - 12 - 02), date!(2026 - 12 - 03)), 2),
                (days(date!(2026 - 12 - 04), date!(2026 - 12 - 04)), 0),
                (days(date!(2026 - 12 - 05), date!(2026 - 12 - 06)), 3),
            ]
        );
        assert!(shortfall(5, &held, asked, 0).is_empty());
        assert_eq!(free_per_day(2, &held, asked)[3].1, 0, "never below zero");
    }

    #[test]
    fn a_quote_is_days_times_rate_plus_deposit() {
        let q = quote(
            &[
                (1, 3, Money::from_yuan(120), Money::from_yuan(800)),
                (2, 1, Money::from_fen(4550), Money::from_yuan(200)),
            ],
            5,
        );
        assert_eq!(q.lines[0].rent, Money::from_yuan(1_800));
        assert_eq!(q.lines[0].deposit_total, Money::from_yuan(2_400));
        assert_eq!(q.lines[1].rent, Money::from_fen(22_750));
        assert_eq!(q.rent, Money::from_fen(202_750));
        assert_eq!(q.deposit, Money::from_yuan(2_600));
        assert_eq!(q.total, Money::from_fen(462_750));
    }
}
