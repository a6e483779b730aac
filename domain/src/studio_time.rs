//! Time at the studio: Hengdian keeps China Standard Time (UTC+8, no daylight saving), and
//! every time shown to users is studio time.

use time::{OffsetDateTime, UtcOffset};

/// China Standard Time.
pub const STUDIO_OFFSET: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+8 is a valid offset"),
};

/// Unix seconds of `date`'s midnight at the studio.
pub fn studio_midnight(date: time::Date) -> i64 {
    date.midnight().assume_offset(STUDIO_OFFSET).unix_timestamp()
}

/// Unix seconds as studio date and time, `2026-11-24 06:45`; out-of-range values give "—".
pub fn studio_datetime(unix: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(unix) {
        Ok(at) => {
            let at = at.to_offset(STUDIO_OFFSET);
            format!(
                "{}-{:02}-{:02} {:02}:{:02}",
                at.year(),
                u8::from(at.month()),
                at.day(),
                at.hour(),
                at.minute()
            )
        }
        Err(_) => "—".to_string(),
    }
}

/// Unix seconds as studio clock time, `06:45`; out-of-range values give "—".
pub fn studio_clock(unix: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(unix) {
        Ok(at) => {
            let at = at.to_offset(STUDIO_OFFSET);
            format!("{:02}:{:02}", at.hour(), at.minute())
        }
        Err(_) => "—".to_string(),
    }
}

/// Reads a `YYYY-MM-DD` date (as `<input type="date">` sends it).
pub fn parse_date(text: &str) -> Option<time::Date> {
    time::Date::parse(text.trim(), &time::format_description::well_known::Iso8601::DATE).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_typed_in_a_date_field() {
        assert_eq!(parse_date(" 2026-12-03 "), Some(time::macros::date!(2026 - 12 - 03)));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("3 Dec"), None);
    }

    #[test]
    fn unix_seconds_read_as_studio_time() {
        // 2026-11-24 22:45 UTC is 06:45 the next morning in Hengdian.
        assert_eq!(studio_datetime(1_795_560_300), "2026-11-25 06:45");
        assert_eq!(studio_datetime(0), "1970-01-01 08:00");
        assert_eq!(studio_datetime(i64::MAX), "—");
        assert_eq!(studio_clock(1_795_560_300), "06:45");
        assert_eq!(studio_clock(i64::MAX), "—");
    }
}
