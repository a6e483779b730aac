//! Secret tokens for links (invitations): 256 bits from rand's OS-seeded cryptographic
//! generator (ChaCha12), URL-safe base64; only their SHA-256 is stored.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new random token for a link.
pub fn new_token() -> String {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A reservation's code, short enough to type at the warehouse desk and shown as a QR code:
/// `R-` and 10 Crockford base-32 characters (50 random bits; no I, L, O or U to misread).
pub fn reservation_code() -> String {
    short_code('R')
}

/// A booked actor's attendance pass, shown as a QR code and typed when a scan fails: `P-` and
/// 10 Crockford base-32 characters (see `domain::wages::normalize_pass_code`).
pub fn pass_code() -> String {
    short_code('P')
}

fn short_code(prefix: char) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0_u8; 10];
    rand::rng().fill_bytes(&mut bytes);
    let code: String = bytes.iter().map(|b| char::from(ALPHABET[usize::from(b % 32)])).collect();
    format!("{prefix}-{}-{}", &code[..5], &code[5..])
}

/// The stored form of a token: hex SHA-256.
pub fn hash(token: &str) -> String {
    Sha256::digest(token.trim().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservation_codes_are_short_and_unambiguous() {
        let (a, b) = (reservation_code(), reservation_code());
        assert_ne!(a, b);
        assert_eq!(a.len(), 13);
        assert!(a.starts_with("R-") && a.as_bytes()[7] == b'-', "{a}");
        assert!(!a[2..].chars().any(|c| "ILOU".contains(c)), "{a}");
        let pass = pass_code();
        assert_eq!(domain::wages::normalize_pass_code(&pass), Some(pass.clone()), "{pass}");
        assert_eq!(
            domain::wages::normalize_pass_code(&pass.to_lowercase().replace('-', " ")),
            Some(pass)
        );
    }

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(hash(&a), hash(&format!(" {a}\n")));
    }
}
