//! Chinese text for search: pinyin through the `pinyin` crate (its tables, not ours).

use pinyin::ToPinyin;

/// The first letters of each character's pinyin (`秦王宫` → `qwg`); Latin letters and digits are
/// kept lower-cased, anything else dropped.
pub fn pinyin_initials(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => p.first_letter().chars().next(),
            None => c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase()),
        })
        .collect()
}

/// The full pinyin without tones or spaces (`秦王宫` → `qinwanggong`).
pub fn pinyin_full(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => Some(p.plain().to_string()),
            None => c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase().to_string()),
        })
        .collect()
}

/// Each character's pinyin without tones (`龙袍` → `["long", "pao"]`); Latin letters and digits
/// stand for themselves (lower-cased), anything else gives an empty string.
pub fn pinyin_syllables(text: &str) -> Vec<String> {
    text.chars()
        .map(|c| match c.to_pinyin() {
            Some(p) => p.plain().to_string(),
            None if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            None => String::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_of_location_names() {
        assert_eq!(pinyin_initials("秦王宫"), "qwg");
        assert_eq!(pinyin_full("秦王宫"), "qinwanggong");
        assert_eq!(pinyin_initials("1号摄影棚"), "1hsyp");
        assert_eq!(pinyin_full("清明上河图"), "qingmingshanghetu");
        assert_eq!(pinyin_syllables("L号龙袍·"), vec!["l", "hao", "long", "pao", ""]);
    }
}
