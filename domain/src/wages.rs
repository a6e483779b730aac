//! Attendance, pay and unpaid-wage reports (欠薪反馈) for booked actors.
//!
//! On each shooting day a booked actor shows a pass (a QR code of a short code) that the crew
//! scans to record attendance; the crew then marks the day paid. An actor may report an
//! attended, unpaid day; the production answers; the actor (or an admin) resolves the report.
//! A production with an unresolved report older than [`WARNING_AFTER_DAYS`] carries a warning
//! on its calls.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use crate::money::Money;

/// An unresolved report older than this many days puts a warning on the production's calls.
pub const WARNING_AFTER_DAYS: i64 = 14;
/// The longest note an actor may add to a report, in characters.
pub const NOTE_CHARS: usize = 500;
/// The longest answer a production may give, in characters.
pub const ANSWER_CHARS: usize = 1000;
/// The largest amount one report may claim, in yuan (many days' overtime included).
pub const MAX_CLAIM_YUAN: i64 = 100_000;

/// The days of a shoot, first to last.
pub fn shoot_days(starts_on: Date, ends_on: Date) -> Vec<Date> {
    let mut days = Vec::new();
    let mut day = starts_on;
    while day <= ends_on {
        days.push(day);
        match day.next_day() {
            Some(next) => day = next,
            None => break,
        }
    }
    days
}

/// Reports filed before this day and still unresolved on `today` are overdue.
pub fn overdue_before(today: Date) -> Date {
    today - Duration::days(WARNING_AFTER_DAYS)
}

/// Whether an unresolved report filed on `reported_on` is overdue on `today`: more than
/// [`WARNING_AFTER_DAYS`] days have passed.
pub fn is_overdue(reported_on: Date, today: Date) -> bool {
    reported_on < overdue_before(today)
}

/// Where one of a booked actor's shooting days stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayState {
    /// Still ahead.
    Upcoming,
    /// Today, attendance not recorded yet: the pass is shown.
    Today,
    /// Past, and no attendance was recorded.
    NotRecorded,
    /// Attended; the crew has not marked it paid.
    Unpaid,
    /// Attended and marked paid.
    Paid,
}

impl DayState {
    /// The state of `day` on `today` given its attendance record: `None` when not recorded,
    /// `Some(paid)` when attended.
    pub fn of(day: Date, today: Date, attended: Option<bool>) -> DayState {
        match attended {
            Some(true) => DayState::Paid,
            Some(false) => DayState::Unpaid,
            None if day > today => DayState::Upcoming,
            None if day == today => DayState::Today,
            None => DayState::NotRecorded,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DayState::Upcoming => "upcoming",
            DayState::Today => "today",
            DayState::NotRecorded => "not_recorded",
            DayState::Unpaid => "unpaid",
            DayState::Paid => "paid",
        }
    }

    /// An actor may report unpaid wages for the day.
    pub fn reportable(self) -> bool {
        self == DayState::Unpaid
    }
}

/// Where an unpaid-wage report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportStatus {
    /// Filed; the production has not answered.
    Open,
    /// The production answered; the actor has not confirmed payment.
    Answered,
    /// The actor confirmed payment (or an admin settled it).
    Resolved,
}

impl ReportStatus {
    pub fn of(answered: bool, resolved: bool) -> ReportStatus {
        match (answered, resolved) {
            (_, true) => ReportStatus::Resolved,
            (true, false) => ReportStatus::Answered,
            (false, false) => ReportStatus::Open,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ReportStatus::Open => "open",
            ReportStatus::Answered => "answered",
            ReportStatus::Resolved => "resolved",
        }
    }
}

/// An unpaid-wage report as typed: the day (`YYYY-MM-DD`), the amount owed in yuan, a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WageReportForm {
    pub day: String,
    pub amount: String,
    pub note: String,
}

/// A checked report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WageClaim {
    pub day: Date,
    pub amount: Money,
    pub note: String,
}

/// Checks a report form: the claim, or every field's problem as `(field, code)` pairs. The
/// amount is positive and at most [`MAX_CLAIM_YUAN`]; the note is optional.
pub fn check_wage_report(
    form: &WageReportForm,
) -> Result<WageClaim, Vec<(&'static str, &'static str)>> {
    let mut p = Vec::new();
    let day = match form.day.trim() {
        "" => {
            p.push(("day", "required"));
            None
        }
        t => crate::studio_time::parse_date(t).or_else(|| {
            p.push(("day", "invalid_date"));
            None
        }),
    };
    let amount = match form.amount.trim() {
        "" => {
            p.push(("amount", "required"));
            None
        }
        t => match Money::parse_yuan(t) {
            None => {
                p.push(("amount", "not_a_number"));
                None
            }
            Some(m) if m.fen() == 0 || m > Money::from_yuan(MAX_CLAIM_YUAN) => {
                p.push(("amount", "claim_range"));
                None
            }
            Some(m) => Some(m),
        },
    };
    let note = form.note.trim().to_string();
    if note.chars().count() > NOTE_CHARS {
        p.push(("note", "too_long"));
    }
    match (day, amount) {
        (Some(day), Some(amount)) if p.is_empty() => Ok(WageClaim { day, amount, note }),
        _ => Err(p),
    }
}

/// Checks a production's answer to a report: the trimmed text, or its problem.
pub fn check_answer(text: &str) -> Result<String, (&'static str, &'static str)> {
    let text = text.trim();
    if text.is_empty() {
        Err(("answer", "required"))
    } else if text.chars().count() > ANSWER_CHARS {
        Err(("answer", "too_long"))
    } else {
        Ok(text.to_string())
    }
}

/// The longest notice a crew may send its booked actors, in characters.
pub const NOTICE_CHARS: usize = 500;

/// Checks a notice to booked actors: the trimmed text, or its problem.
pub fn check_notice(text: &str) -> Result<String, (&'static str, &'static str)> {
    let text = text.trim();
    if text.is_empty() {
        Err(("body", "required"))
    } else if text.chars().count() > NOTICE_CHARS {
        Err(("body", "too_long"))
    } else {
        Ok(text.to_string())
    }
}

/// A typed pass code in its stored form: `P-XXXXX-XXXXX` in Crockford base 32, forgiving case,
/// spaces and dashes, and the letters read for digits (O for 0, I and L for 1); `None` when
/// it cannot be one.
pub fn normalize_pass_code(typed: &str) -> Option<String> {
    normalize_short_code('P', typed)
}

/// A typed short code (`X-XXXXX-XXXXX`: the prefix letter `prefix` and 10 Crockford base-32
/// characters) in its stored form, forgiving case, spaces, dashes and look-alike letters (O for
/// 0, I and L for 1); `None` when it cannot be one. Passes use `P`, reservations `R`.
pub fn normalize_short_code(prefix: char, typed: &str) -> Option<String> {
    let mut chars = typed.chars().filter(|c| c.is_ascii_alphanumeric());
    if !chars.next().is_some_and(|c| c.eq_ignore_ascii_case(&prefix)) {
        return None;
    }
    let body: String = chars
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    if body.len() != 10 || body.contains('U') {
        return None;
    }
    Some(format!("{}-{}-{}", prefix.to_ascii_uppercase(), &body[..5], &body[5..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn shoot_days_run_from_first_to_last() {
        assert_eq!(
            shoot_days(date!(2026 - 12 - 30), date!(2027 - 01 - 02)),
            vec![
                date!(2026 - 12 - 30),
                date!(2026 - 12 - 31),
                date!(2027 - 01 - 01),
                date!(2027 - 01 - 02)
            ]
        );
        assert_eq!(shoot_days(date!(2026 - 12 - 01), date!(2026 - 12 - 01)).len(), 1);
        assert!(shoot_days(date!(2026 - 12 - 02), date!(2026 - 12 - 01)).is_empty());
    }

    #[test]
    fn reports_become_overdue_after_fourteen_whole_days() {
        let filed = date!(2026 - 11 - 01);
        assert!(!is_overdue(filed, date!(2026 - 11 - 01)));
        assert!(!is_overdue(filed, date!(2026 - 11 - 15)), "14 days: not yet");
        assert!(is_overdue(filed, date!(2026 - 11 - 16)), "15 days");
        assert_eq!(overdue_before(date!(2026 - 11 - 16)), date!(2026 - 11 - 02));
    }

    #[test]
    fn a_day_is_reportable_only_when_attended_and_unpaid() {
        let today = date!(2026 - 11 - 25);
        let yesterday = date!(2026 - 11 - 24);
        let tomorrow = date!(2026 - 11 - 26);
        assert_eq!(DayState::of(tomorrow, today, None), DayState::Upcoming);
        assert_eq!(DayState::of(today, today, None), DayState::Today);
        assert_eq!(DayState::of(yesterday, today, None), DayState::NotRecorded);
        assert_eq!(DayState::of(yesterday, today, Some(false)), DayState::Unpaid);
        assert_eq!(DayState::of(today, today, Some(true)), DayState::Paid);
        let reportable: Vec<DayState> = [
            DayState::Upcoming,
            DayState::Today,
            DayState::NotRecorded,
            DayState::Unpaid,
            DayState::Paid,
        ]
        .into_iter()
        .filter(|s| s.reportable())
        .collect();
        assert_eq!(reportable, vec![DayState::Unpaid]);
    }

    #[test]
    fn report_status_follows_answer_and_resolution() {
        assert_eq!(ReportStatus::of(false, false), ReportStatus::Open);
        assert_eq!(ReportStatus::of(true, false), ReportStatus::Answered);
        assert_eq!(ReportStatus::of(false, true), ReportStatus::Resolved);
        assert_eq!(ReportStatus::of(true, true).code(), "resolved");
    }

    #[test]
    fn a_report_needs_a_day_and_a_fair_amount() {
        let form = |day: &str, amount: &str, note: &str| WageReportForm {
            day: day.into(),
            amount: amount.into(),
            note: note.into(),
        };
        let claim = check_wage_report(&form("2026-11-20", "¥350", "  three days late  ")).unwrap();
        assert_eq!(claim.day, date!(2026 - 11 - 20));
        assert_eq!(claim.amount, Money::from_yuan(350));
        assert_eq!(claim.note, "three days late");
        assert_eq!(
            check_wage_report(&form("2026-11-20", "1,200.5元", "")).unwrap().amount.fen(),
            120_050
        );
        assert_eq!(
            check_wage_report(&form("", "", "")).unwrap_err(),
            vec![("day", "required"), ("amount", "required")]
        );
        assert_eq!(
            check_wage_report(&form("20/11", "a lot", "")).unwrap_err(),
            vec![("day", "invalid_date"), ("amount", "not_a_number")]
        );
        assert_eq!(
            check_wage_report(&form("2026-11-20", "0", "")).unwrap_err(),
            vec![("amount", "claim_range")]
        );
        assert_eq!(
            check_wage_report(&form("2026-11-20", "100000.01", "")).unwrap_err(),
            vec![("amount", "claim_range")]
        );
        let long = "欠".repeat(NOTE_CHARS + 1);
        assert_eq!(
            check_wage_report(&form("2026-11-20", "350", &long)).unwrap_err(),
            vec![("note", "too_long")]
        );
        assert!(check_wage_report(&form("2026-11-20", "350", &"欠".repeat(NOTE_CHARS))).is_ok());
    }

    #[test]
    fn answers_are_required_and_bounded() {
        assert_eq!(check_answer("  已于今日转账  ").unwrap(), "已于今日转账");
        assert_eq!(check_answer(" \n "), Err(("answer", "required")));
        assert_eq!(check_answer(&"a".repeat(ANSWER_CHARS + 1)), Err(("answer", "too_long")));
    }

    #[test]
    fn notices_are_required_and_bounded() {
        assert_eq!(check_notice(" 明早 5:30 南门集合 ").unwrap(), "明早 5:30 南门集合");
        assert_eq!(check_notice(""), Err(("body", "required")));
        assert_eq!(check_notice(&"改".repeat(NOTICE_CHARS + 1)), Err(("body", "too_long")));
        assert!(check_notice(&"改".repeat(NOTICE_CHARS)).is_ok());
    }

    #[test]
    fn typed_pass_codes_forgive_case_spaces_and_look_alikes() {
        assert_eq!(normalize_pass_code("P-AB12C-DE34F").as_deref(), Some("P-AB12C-DE34F"));
        assert_eq!(normalize_pass_code(" p ab12c de34f ").as_deref(), Some("P-AB12C-DE34F"));
        assert_eq!(normalize_pass_code("pabi2cdeo4f").as_deref(), Some("P-AB12C-DE04F"));
        assert_eq!(normalize_pass_code("P-L0000-00000").as_deref(), Some("P-10000-00000"));
        assert_eq!(normalize_pass_code("R-AB12C-DE34F"), None, "a reservation's code");
        assert_eq!(normalize_pass_code("P-AB12C-DE34"), None, "too short");
        assert_eq!(normalize_pass_code("P-AB12C-DE34U"), None, "U is not in the alphabet");
        assert_eq!(normalize_pass_code(""), None);
    }
}
