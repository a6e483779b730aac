//! Accounts: roles, login identifiers (phone or e-mail) and the password rule, checked the same
//! way as the user types in the browser and again on the server.

use serde::{Deserialize, Serialize};

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    #[serde(rename = "actor")]
    Actor,
    #[serde(rename = "crew")]
    Crew,
    #[serde(rename = "supplier")]
    Supplier,
    #[serde(rename = "admin")]
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Actor, Role::Crew, Role::Supplier, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Actor => "actor",
            Role::Crew => "crew",
            Role::Supplier => "supplier",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A login identifier: a mainland mobile number or an e-mail address, normalised
/// (phone digits only, e-mail lower-cased) so the same person cannot register twice.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Login {
    Phone(String),
    Email(String),
}

/// Why a login identifier was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginError {
    Empty,
    /// Neither an 11-digit mainland mobile number starting with 1 nor a plausible e-mail.
    NotPhoneOrEmail,
}

impl LoginError {
    /// The message code forms show for this error.
    pub fn code(self) -> &'static str {
        match self {
            LoginError::Empty => "required",
            LoginError::NotPhoneOrEmail => "not_phone_or_email",
        }
    }
}

impl Login {
    /// Reads what a user typed: spaces, dashes and a `+86` prefix are allowed around a phone
    /// number; an e-mail needs one `@` with text on both sides and a dot in the domain.
    pub fn parse(input: &str) -> Result<Login, LoginError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(LoginError::Empty);
        }
        if trimmed.contains('@') {
            let lower = trimmed.to_lowercase();
            let (local, domain) = lower.split_once('@').ok_or(LoginError::NotPhoneOrEmail)?;
            let plausible = !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !lower.chars().any(char::is_whitespace)
                && lower.len() <= 254;
            return if plausible {
                Ok(Login::Email(lower))
            } else {
                Err(LoginError::NotPhoneOrEmail)
            };
        }
        let without_country = trimmed.strip_prefix("+86").unwrap_or(trimmed);
        let digits: String = without_country.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let is_mobile = digits.len() == 11
            && digits.starts_with('1')
            && digits.chars().all(|c| c.is_ascii_digit());
        if is_mobile { Ok(Login::Phone(digits)) } else { Err(LoginError::NotPhoneOrEmail) }
    }

    /// The normalised text stored and looked up.
    pub fn as_str(&self) -> &str {
        match self {
            Login::Phone(p) => p,
            Login::Email(e) => e,
        }
    }
}

/// Shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Longest password accepted (argon2 hashes any length, but nobody needs more).
pub const PASSWORD_MAX_CHARS: usize = 128;

/// A rule a new password breaks; the form lists every broken rule while the user types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// Only one kind of character (all digits, all letters…).
    OneKindOfCharacter,
    /// Contains the login identifier, or is a well-known password.
    Guessable,
}

impl PasswordProblem {
    /// The message code forms show for this problem.
    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "too_short",
            PasswordProblem::TooLong => "too_long",
            PasswordProblem::OneKindOfCharacter => "one_kind",
            PasswordProblem::Guessable => "guessable",
        }
    }
}

/// Longest display name accepted, in characters.
pub const DISPLAY_NAME_MAX_CHARS: usize = 40;

/// Checks a display name: 1 to 40 characters once trimmed. Returns the trimmed name or the
/// message code of the problem.
pub fn display_name(input: &str) -> Result<&str, &'static str> {
    let name = input.trim();
    match name.chars().count() {
        0 => Err("required"),
        n if n > DISPLAY_NAME_MAX_CHARS => Err("too_long"),
        _ => Ok(name),
    }
}

/// Passwords people pick first; refused outright.
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "12345678910",
    "0123456789",
    "1111111111",
    "password123",
    "qwertyuiop",
    "1q2w3e4r5t",
    "iloveyou123",
    "woaini1314",
    "5201314520",
    "aaaaaaaaaa",
    "abcdefghij",
    "abc1234567",
    "a123456789",
    "qwerty1234",
    "password12",
    "hengdian123",
    "backlot123",
];

/// Every rule `password` breaks for an account identified by `login` (empty when acceptable).
pub fn password_problems(password: &str, login: &str) -> Vec<PasswordProblem> {
    let mut problems = Vec::new();
    let length = password.chars().count();
    if length < PASSWORD_MIN_CHARS {
        problems.push(PasswordProblem::TooShort);
    }
    if length > PASSWORD_MAX_CHARS {
        problems.push(PasswordProblem::TooLong);
    }
    let kinds = [
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| c.is_alphabetic()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    if !password.is_empty() && kinds.iter().filter(|k| **k).count() < 2 {
        problems.push(PasswordProblem::OneKindOfCharacter);
    }
    let lower = password.to_lowercase();
    let login_core = login.trim().to_lowercase();
    let login_core = login_core.split('@').next().unwrap_or("");
    let contains_login = login_core.chars().count() >= 4 && lower.contains(login_core);
    if contains_login || COMMON_PASSWORDS.contains(&lower.as_str()) {
        problems.push(PasswordProblem::Guessable);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_normalised() {
        assert_eq!(Login::parse("138 0013 8000"), Ok(Login::Phone("13800138000".into())));
        assert_eq!(Login::parse("+86 138-0013-8000"), Ok(Login::Phone("13800138000".into())));
        assert_eq!(Login::parse("23800138000"), Err(LoginError::NotPhoneOrEmail));
        assert_eq!(Login::parse("1380013800"), Err(LoginError::NotPhoneOrEmail));
    }

    #[test]
    fn e_mail_addresses_are_lower_cased() {
        assert_eq!(
            Login::parse(" Lin.Xiao@Example.COM "),
            Ok(Login::Email("lin.xiao@example.com".into()))
        );
        assert_eq!(Login::parse("a@b"), Err(LoginError::NotPhoneOrEmail));
        assert_eq!(Login::parse("@example.com"), Err(LoginError::NotPhoneOrEmail));
        assert_eq!(Login::parse("a@@example.com"), Err(LoginError::NotPhoneOrEmail));
        assert_eq!(Login::parse("a b@example.com"), Err(LoginError::NotPhoneOrEmail));
        assert_eq!(Login::parse("   "), Err(LoginError::Empty));
    }

    #[test]
    fn a_good_password_breaks_no_rule() {
        assert!(password_problems("横店 river-2026", "actor@example.com").is_empty());
        assert!(password_problems("Qin palace 7", "13800138000").is_empty());
    }

    #[test]
    fn every_broken_rule_is_listed() {
        assert_eq!(
            password_problems("12345", "x@example.com"),
            vec![PasswordProblem::TooShort, PasswordProblem::OneKindOfCharacter]
        );
        assert_eq!(
            password_problems("woaini1314", "x@example.com"),
            vec![PasswordProblem::Guessable]
        );
        assert_eq!(
            password_problems("lin.xiao-2026", "lin.xiao@example.com"),
            vec![PasswordProblem::Guessable]
        );
        assert_eq!(
            password_problems(&"a1".repeat(70), "x@example.com"),
            vec![PasswordProblem::TooLong]
        );
        assert_eq!(password_problems("", "x@example.com"), vec![PasswordProblem::TooShort]);
    }

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(display_name("  王秀英 "), Ok("王秀英"));
        assert_eq!(display_name("   "), Err("required"));
        assert_eq!(display_name(&"长".repeat(41)), Err("too_long"));
        assert_eq!(display_name(&"长".repeat(40)).map(|n| n.chars().count()), Ok(40));
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
