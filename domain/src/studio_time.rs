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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_read_as_studio_time() {
        // 2026-11-24 22:45 UTC is 06:45 the next morning in Hengdian.
        assert_eq!(studio_datetime(1_795_560_300), "2026-11-25 06:45");
        assert_eq!(studio_datetime(0), "1970-01-01 08:00");
        assert_eq!(studio_datetime(i64::MAX), "—");
    }
}
