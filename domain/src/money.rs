//! Amounts of money in Chinese yuan, held exactly in fen (1/100 yuan).

use serde::{Deserialize, Serialize};

/// An amount in CNY, stored as whole fen so that sums never round.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

impl Money {
    pub const fn from_fen(fen: i64) -> Money {
        Money(fen)
    }

    pub const fn from_yuan(yuan: i64) -> Money {
        Money(yuan * 100)
    }

    pub const fn fen(self) -> i64 {
        self.0
    }

    /// Reads an amount in yuan as people type it: `350`, `350.5`, `¥1,200.00`, `1200元`; at most
    /// two decimals, never negative.
    pub fn parse_yuan(text: &str) -> Option<Money> {
        let t = text.trim().trim_start_matches(['¥', '￥']).trim_end_matches('元').trim();
        let t: String = t.chars().filter(|c| *c != ',' && *c != '，').collect();
        let (whole, fraction) = t.split_once('.').unwrap_or((&t, ""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || whole.len() > 12 || fraction.len() > 2 {
            return None;
        }
        if t.contains('.') && !digits(fraction) {
            return None;
        }
        let fen = format!("{fraction:0<2}").parse::<i64>().ok()?;
        Some(Money(whole.parse::<i64>().ok()? * 100 + fen))
    }

    /// Formats as `¥1,234` or `¥1,234.50` (fen shown only when there are any).
    pub fn display_cny(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let yuan = abs / 100;
        let fen = abs % 100;
        let grouped = group_thousands(yuan);
        if fen == 0 { format!("{sign}¥{grouped}") } else { format!("{sign}¥{grouped}.{fen:02}") }
    }
}

/// Writes a count with a comma between each group of three digits (`4500` → `4,500`).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_yuan_show_without_fen() {
        assert_eq!(Money::from_yuan(800).display_cny(), "¥800");
        assert_eq!(Money::from_yuan(1_234_567).display_cny(), "¥1,234,567");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(4_500), "4,500");
        assert_eq!(group_thousands(1_200_000), "1,200,000");
    }

    #[test]
    fn yuan_are_read_as_people_type_them() {
        assert_eq!(Money::parse_yuan("350"), Some(Money::from_yuan(350)));
        assert_eq!(Money::parse_yuan(" ¥1,200.5 "), Some(Money::from_fen(120_050)));
        assert_eq!(Money::parse_yuan("￥80.05元"), Some(Money::from_fen(8_005)));
        for bad in ["", "-5", "1.234", "abc", "1.", ".5", "1e3"] {
            assert_eq!(Money::parse_yuan(bad), None, "{bad}");
        }
    }

    #[test]
    fn fen_are_shown_with_two_digits() {
        assert_eq!(Money::from_fen(123_405).display_cny(), "¥1,234.05");
        assert_eq!(Money::from_fen(-250).display_cny(), "-¥2.50");
    }
}
