//! Casting: what a call asks of a background actor, who meets it, and how an application moves
//! from "applied" to "booked" or "released". The browser checks eligibility with these rules as
//! the actor looks at a call; the server checks again with the same code before it records an
//! application.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::money::Money;
use crate::studio_time::parse_date;
use crate::vocab::{Gender, Module, Skill};

/// An inclusive range with open ends (`None`).
pub type Bounds = (Option<i64>, Option<i64>);

/// What a casting call asks of an actor; `None` bounds are open.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Requirements {
    pub gender: Option<Gender>,
    pub age_range: Bounds,
    pub height_range_cm: Bounds,
    pub weight_range_kg: Bounds,
    pub skills: Vec<Skill>,
    /// Training modules the actor must have passed.
    #[serde(default)]
    pub training: Vec<Module>,
}

impl Requirements {
    /// Whether the call asks for anything at all.
    pub fn is_open_to_all(&self) -> bool {
        self.gender.is_none()
            && self.age_range == (None, None)
            && self.height_range_cm == (None, None)
            && self.weight_range_kg == (None, None)
            && self.skills.is_empty()
            && self.training.is_empty()
    }
}

/// The facts about an actor that calls ask about. Never shown to the public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorFacts {
    pub gender: Gender,
    pub birth_date: Date,
    pub height_cm: i64,
    pub weight_kg: i64,
    pub skills: Vec<Skill>,
    /// Training modules passed.
    #[serde(default)]
    pub training: Vec<Module>,
}

/// Age in whole years on `day` (a 29 February birthday counts from 1 March in other years).
pub fn age_on(birth: Date, day: Date) -> i64 {
    let years = i64::from(day.year() - birth.year());
    let had_birthday = (day.month() as u8, day.day()) >= (birth.month() as u8, birth.day());
    if had_birthday { years } else { years - 1 }
}

/// One requirement an actor does not meet, with what the call asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unmet {
    Gender(Gender),
    /// Age on the first shooting day is below the minimum.
    TooYoung {
        min: i64,
    },
    TooOld {
        max: i64,
    },
    TooShort {
        min_cm: i64,
    },
    TooTall {
        max_cm: i64,
    },
    TooLight {
        min_kg: i64,
    },
    TooHeavy {
        max_kg: i64,
    },
    Skill(Skill),
    /// A training module not passed yet.
    Training(Module),
}

fn below(value: i64, (min, _): Bounds) -> Option<i64> {
    min.filter(|m| value < *m)
}

fn above(value: i64, (_, max): Bounds) -> Option<i64> {
    max.filter(|m| value > *m)
}

/// Every requirement of `req` that `actor` does not meet on `first_day` (the call's first
/// shooting day, when age is counted); empty when the actor may apply.
pub fn unmet(req: &Requirements, actor: &ActorFacts, first_day: Date) -> Vec<Unmet> {
    let mut out = Vec::new();
    if let Some(g) = req.gender.filter(|g| *g != actor.gender) {
        out.push(Unmet::Gender(g));
    }
    let age = age_on(actor.birth_date, first_day);
    out.extend(below(age, req.age_range).map(|min| Unmet::TooYoung { min }));
    out.extend(above(age, req.age_range).map(|max| Unmet::TooOld { max }));
    out.extend(
        below(actor.height_cm, req.height_range_cm).map(|min_cm| Unmet::TooShort { min_cm }),
    );
    out.extend(above(actor.height_cm, req.height_range_cm).map(|max_cm| Unmet::TooTall { max_cm }));
    out.extend(
        below(actor.weight_kg, req.weight_range_kg).map(|min_kg| Unmet::TooLight { min_kg }),
    );
    out.extend(
        above(actor.weight_kg, req.weight_range_kg).map(|max_kg| Unmet::TooHeavy { max_kg }),
    );
    out.extend(req.skills.iter().filter(|s| !actor.skills.contains(s)).map(|s| Unmet::Skill(*s)));
    out.extend(
        req.training.iter().filter(|m| !actor.training.contains(m)).map(|m| Unmet::Training(*m)),
    );
    out
}

/// Where an application stands. Every applicant gets an answer: an application that is not
/// booked ends released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicationStatus {
    Applied,
    Shortlisted,
    Booked,
    Released,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 4] = [
        ApplicationStatus::Applied,
        ApplicationStatus::Shortlisted,
        ApplicationStatus::Booked,
        ApplicationStatus::Released,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ApplicationStatus::Applied => "applied",
            ApplicationStatus::Shortlisted => "shortlisted",
            ApplicationStatus::Booked => "booked",
            ApplicationStatus::Released => "released",
        }
    }

    pub fn parse(code: &str) -> Option<ApplicationStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the crew may still decide on it (shortlist, book or release).
    pub fn is_pending(self) -> bool {
        matches!(self, ApplicationStatus::Applied | ApplicationStatus::Shortlisted)
    }
}

/// Why an application was released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReleaseReason {
    /// The crew chose others.
    NotPicked,
    /// Every place was booked.
    Filled,
    /// The crew closed the call.
    Closed,
    /// The crew cancelled the call (booked actors too are released).
    Cancelled,
    /// The actor withdrew.
    Withdrawn,
}

impl ReleaseReason {
    pub const ALL: [ReleaseReason; 5] = [
        ReleaseReason::NotPicked,
        ReleaseReason::Filled,
        ReleaseReason::Closed,
        ReleaseReason::Cancelled,
        ReleaseReason::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReleaseReason::NotPicked => "not_picked",
            ReleaseReason::Filled => "filled",
            ReleaseReason::Closed => "closed",
            ReleaseReason::Cancelled => "cancelled",
            ReleaseReason::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<ReleaseReason> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a crew does to an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Shortlist,
    Book,
    Release,
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Shortlist => "shortlist",
            Decision::Book => "book",
            Decision::Release => "release",
        }
    }

    pub fn parse(code: &str) -> Option<Decision> {
        [Decision::Shortlist, Decision::Book, Decision::Release]
            .into_iter()
            .find(|d| d.code() == code)
    }

    /// Whether an application in `from` can take this decision: booked and released are final.
    pub fn allowed_from(self, from: ApplicationStatus) -> bool {
        match self {
            Decision::Shortlist => from == ApplicationStatus::Applied,
            Decision::Book | Decision::Release => from.is_pending(),
        }
    }
}

/// Youngest age at which an actor may register (the legal minimum working age).
pub const MIN_ACTOR_AGE: i64 = 16;
/// Oldest plausible birth date, as an age.
pub const MAX_ACTOR_AGE: i64 = 100;
/// Plausible height range in centimetres.
pub const HEIGHT_CM: (i64, i64) = (100, 230);
/// Plausible weight range in kilograms.
pub const WEIGHT_KG: (i64, i64) = (30, 200);

/// An actor's profile as the registration form sends it, before checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileForm<'a> {
    pub gender: &'a str,
    pub birth_date: &'a str,
    pub height_cm: &'a str,
    pub weight_kg: &'a str,
}

/// Checks a profile form on `today`: the facts (without skills), or every field's problem as
/// `(field, code)` pairs for the form to show.
pub fn check_profile(
    form: &ProfileForm<'_>,
    today: Date,
) -> Result<ActorFacts, Vec<(&'static str, &'static str)>> {
    let mut problems = Vec::new();
    let gender = match form.gender.trim() {
        "" => {
            problems.push(("gender", "required"));
            None
        }
        code => Gender::parse(code).or_else(|| {
            problems.push(("gender", "invalid"));
            None
        }),
    };
    let birth = match form.birth_date.trim() {
        "" => {
            problems.push(("birth_date", "required"));
            None
        }
        text => match parse_date(text) {
            None => {
                problems.push(("birth_date", "invalid_date"));
                None
            }
            Some(date) if age_on(date, today) < MIN_ACTOR_AGE => {
                problems.push(("birth_date", "under_age"));
                None
            }
            Some(date) if age_on(date, today) > MAX_ACTOR_AGE => {
                problems.push(("birth_date", "invalid_date"));
                None
            }
            Some(date) => Some(date),
        },
    };
    let height = required_number(&mut problems, "height_cm", form.height_cm, HEIGHT_CM);
    let weight = required_number(&mut problems, "weight_kg", form.weight_kg, WEIGHT_KG);
    match (gender, birth, height, weight) {
        (Some(gender), Some(birth_date), Some(height_cm), Some(weight_kg))
            if problems.is_empty() =>
        {
            Ok(ActorFacts {
                gender,
                birth_date,
                height_cm,
                weight_kg,
                skills: Vec::new(),
                training: Vec::new(),
            })
        }
        _ => Err(problems),
    }
}

/// How long a "current look" photo stays current.
pub const LOOK_FRESH_DAYS: i64 = 90;

/// Whether a look photo taken on `taken_on` is stale on `today` (older than
/// [`LOOK_FRESH_DAYS`]): crews are told so next to it.
pub fn look_is_stale(taken_on: Date, today: Date) -> bool {
    (today - taken_on).whole_days() > LOOK_FRESH_DAYS
}

/// The day a look photo was taken, as typed: a date (`YYYY-MM-DD`) neither after `today` nor
/// before the actor was born. An old date is accepted (the photo is then shown as stale).
/// Errors are message keys for the `taken_on` field.
pub fn check_look_date(text: &str, today: Date, birth: Date) -> Result<Date, &'static str> {
    match text.trim() {
        "" => Err("required"),
        text => match parse_date(text) {
            None => Err("invalid_date"),
            Some(day) if day > today => Err("look_in_future"),
            Some(day) if day < birth => Err("look_before_birth"),
            Some(day) => Ok(day),
        },
    }
}

/// What an actor changes on their profile later: measures, skills and languages, and whether
/// crews may find them in searches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileEdit {
    pub height_cm: String,
    pub weight_kg: String,
    pub skills: Vec<String>,
    /// A checkbox: present (any value) when ticked.
    pub discoverable: Option<String>,
}

/// A checked profile edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileChange {
    pub height_cm: i64,
    pub weight_kg: i64,
    pub skills: Vec<Skill>,
    pub discoverable: bool,
}

/// Checks a profile edit: measures within [`HEIGHT_CM`] and [`WEIGHT_KG`], known skills.
pub fn check_profile_edit(
    edit: &ProfileEdit,
) -> Result<ProfileChange, Vec<(&'static str, &'static str)>> {
    let mut p = Vec::new();
    let height = required_number(&mut p, "height_cm", &edit.height_cm, HEIGHT_CM);
    let weight = required_number(&mut p, "weight_kg", &edit.weight_kg, WEIGHT_KG);
    let skills = known_skills(&mut p, &edit.skills);
    match (height, weight) {
        (Some(height_cm), Some(weight_kg)) if p.is_empty() => Ok(ProfileChange {
            height_cm,
            weight_kg,
            skills,
            discoverable: edit.discoverable.is_some(),
        }),
        _ => Err(p),
    }
}

/// Skill codes read once each; an unknown one is `invalid` on `skills`.
fn known_skills(problems: &mut Vec<(&'static str, &'static str)>, codes: &[String]) -> Vec<Skill> {
    let mut skills = Vec::new();
    for code in codes.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match Skill::parse(code) {
            Some(s) if !skills.contains(&s) => skills.push(s),
            Some(_) => {}
            None => {
                if !problems.contains(&("skills", "invalid")) {
                    problems.push(("skills", "invalid"));
                }
            }
        }
    }
    skills
}

/// A whole number within `bounds` that must be given.
fn required_number(
    problems: &mut Vec<(&'static str, &'static str)>,
    field: &'static str,
    text: &str,
    bounds: (i64, i64),
) -> Option<i64> {
    if text.trim().is_empty() {
        problems.push((field, "required"));
        return None;
    }
    optional_number(problems, field, text, bounds)
}

/// Most places one call may ask for.
pub const MAX_NEEDED: i64 = 2_000;
/// Longest shoot one call may cover, in days.
pub const MAX_SHOOT_DAYS: i64 = 366;
/// Highest pay per day a call may offer, in yuan (anything above is a typing slip).
pub const MAX_PAY_YUAN: i64 = 100_000;
/// Longest role name and description, in characters.
pub const ROLE_CHARS: usize = 80;
pub const DESCRIPTION_CHARS: usize = 2_000;

/// A call as the crew's form sends it, before checking. Either language of the role and the
/// description may be left empty: the other is used for both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallForm {
    pub role_zh: String,
    pub role_en: String,
    pub description_zh: String,
    pub description_en: String,
    /// The location's slug.
    pub location: String,
    pub starts_on: String,
    pub ends_on: String,
    pub deadline: String,
    /// Yuan per day.
    pub pay_per_day: String,
    pub needed: String,
    pub gender: String,
    pub age_min: String,
    pub age_max: String,
    pub height_min: String,
    pub height_max: String,
    pub weight_min: String,
    pub weight_max: String,
    pub skills: Vec<String>,
    /// Training module codes the call requires.
    pub training: Vec<String>,
}

/// A checked call, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallDraft {
    pub role_zh: String,
    pub role_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub location: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub deadline: Date,
    pub pay_per_day: Money,
    pub needed: i64,
    pub requirements: Requirements,
}

/// A text in Chinese and English, of which one may be left empty to take the other's words;
/// both may be empty only when not `required`.
fn bilingual(
    problems: &mut Vec<(&'static str, &'static str)>,
    (zh_field, zh): (&'static str, &str),
    en: &str,
    (limit, required): (usize, bool),
) -> Option<(String, String)> {
    let (zh, en) = (zh.trim(), en.trim());
    if required && zh.is_empty() && en.is_empty() {
        problems.push((zh_field, "required"));
        return None;
    }
    if zh.chars().count() > limit || en.chars().count() > limit {
        problems.push((zh_field, "too_long"));
        return None;
    }
    let or = |a: &str, b: &str| if a.is_empty() { b.to_string() } else { a.to_string() };
    Some((or(zh, en), or(en, zh)))
}

/// An optional whole number within `(min, max)`.
fn optional_number(
    problems: &mut Vec<(&'static str, &'static str)>,
    field: &'static str,
    text: &str,
    (min, max): (i64, i64),
) -> Option<i64> {
    match text.trim() {
        "" => None,
        t => match t.parse::<i64>() {
            Ok(v) if (min..=max).contains(&v) => Some(v),
            Ok(_) => {
                problems.push((field, "out_of_range"));
                None
            }
            Err(_) => {
                problems.push((field, "not_a_number"));
                None
            }
        },
    }
}

/// An optional range whose upper end is not below its lower end (else `min_above_max` on the
/// upper field).
fn optional_range(
    problems: &mut Vec<(&'static str, &'static str)>,
    (min_field, min_text): (&'static str, &str),
    (max_field, max_text): (&'static str, &str),
    limits: (i64, i64),
) -> Bounds {
    let min = optional_number(problems, min_field, min_text, limits);
    let max = optional_number(problems, max_field, max_text, limits);
    if let (Some(a), Some(b)) = (min, max)
        && a > b
    {
        problems.push((max_field, "min_above_max"));
    }
    (min, max)
}

fn required_date(
    problems: &mut Vec<(&'static str, &'static str)>,
    field: &'static str,
    text: &str,
) -> Option<Date> {
    match text.trim() {
        "" => {
            problems.push((field, "required"));
            None
        }
        t => parse_date(t).or_else(|| {
            problems.push((field, "invalid_date"));
            None
        }),
    }
}

/// Checks a call form on `today`: the call, or every field's problem as `(field, code)` pairs.
/// Shooting starts today or later and ends on or after its first day, within
/// [`MAX_SHOOT_DAYS`]; applications close between today and the first day; pay is positive.
pub fn check_call(
    form: &CallForm,
    today: Date,
) -> Result<CallDraft, Vec<(&'static str, &'static str)>> {
    let mut p = Vec::new();
    let role = bilingual(&mut p, ("role_zh", &form.role_zh), &form.role_en, (ROLE_CHARS, true));
    let description = bilingual(
        &mut p,
        ("description_zh", &form.description_zh),
        &form.description_en,
        (DESCRIPTION_CHARS, false),
    );
    let location = form.location.trim().to_string();
    if location.is_empty() {
        p.push(("location", "required"));
    }
    let starts_on = required_date(&mut p, "starts_on", &form.starts_on);
    let ends_on = required_date(&mut p, "ends_on", &form.ends_on);
    let deadline = required_date(&mut p, "deadline", &form.deadline);
    if let Some(start) = starts_on
        && start < today
    {
        p.push(("starts_on", "in_past"));
    }
    if let (Some(start), Some(end)) = (starts_on, ends_on) {
        if end < start {
            p.push(("ends_on", "before_start"));
        } else if (end - start).whole_days() + 1 > MAX_SHOOT_DAYS {
            p.push(("ends_on", "too_long"));
        }
    }
    if let Some(d) = deadline {
        if d < today {
            p.push(("deadline", "in_past"));
        } else if starts_on.is_some_and(|s| d > s) {
            p.push(("deadline", "after_start"));
        }
    }
    let pay = match form.pay_per_day.trim() {
        "" => {
            p.push(("pay_per_day", "required"));
            None
        }
        t => match Money::parse_yuan(t) {
            None => {
                p.push(("pay_per_day", "not_a_number"));
                None
            }
            Some(m) if m.fen() == 0 || m > Money::from_yuan(MAX_PAY_YUAN) => {
                p.push(("pay_per_day", "out_of_range"));
                None
            }
            Some(m) => Some(m),
        },
    };
    let needed = required_number(&mut p, "needed", &form.needed, (1, MAX_NEEDED));
    let gender = match form.gender.trim() {
        "" => None,
        code => Gender::parse(code).or_else(|| {
            p.push(("gender", "invalid"));
            None
        }),
    };
    let age_range = optional_range(
        &mut p,
        ("age_min", &form.age_min),
        ("age_max", &form.age_max),
        (MIN_ACTOR_AGE, MAX_ACTOR_AGE),
    );
    let height_range_cm = optional_range(
        &mut p,
        ("height_min", &form.height_min),
        ("height_max", &form.height_max),
        HEIGHT_CM,
    );
    let weight_range_kg = optional_range(
        &mut p,
        ("weight_min", &form.weight_min),
        ("weight_max", &form.weight_max),
        WEIGHT_KG,
    );
    let skills = known_skills(&mut p, &form.skills);
    let mut training = Vec::new();
    for code in &form.training {
        match Module::parse(code.trim()) {
            Some(m) if !training.contains(&m) => training.push(m),
            Some(_) => {}
            None => {
                if !p.contains(&("training", "invalid")) {
                    p.push(("training", "invalid"));
                }
            }
        }
    }
    match (role, description, starts_on, ends_on, deadline, pay, needed) {
        (
            Some(role),
            Some(description),
            Some(starts_on),
            Some(ends_on),
            Some(deadline),
            Some(pay),
            Some(needed),
        ) if p.is_empty() => Ok(CallDraft {
            role_zh: role.0,
            role_en: role.1,
            description_zh: description.0,
            description_en: description.1,
            location,
            starts_on,
            ends_on,
            deadline,
            pay_per_day: pay,
            needed,
            requirements: Requirements {
                gender,
                age_range,
                height_range_cm,
                weight_range_kg,
                skills,
                training,
            },
        }),
        _ => Err(p),
    }
}

impl CallForm {
    /// The form filled in with a stored call, for editing.
    pub fn from_draft(d: &CallDraft) -> CallForm {
        let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let r = &d.requirements;
        let pay = d.pay_per_day.fen();
        CallForm {
            role_zh: d.role_zh.clone(),
            role_en: d.role_en.clone(),
            description_zh: d.description_zh.clone(),
            description_en: d.description_en.clone(),
            location: d.location.clone(),
            starts_on: d.starts_on.to_string(),
            ends_on: d.ends_on.to_string(),
            deadline: d.deadline.to_string(),
            pay_per_day: if pay % 100 == 0 {
                (pay / 100).to_string()
            } else {
                format!("{}.{:02}", pay / 100, pay % 100)
            },
            needed: d.needed.to_string(),
            gender: r.gender.map(|g| g.code().to_string()).unwrap_or_default(),
            age_min: n(r.age_range.0),
            age_max: n(r.age_range.1),
            height_min: n(r.height_range_cm.0),
            height_max: n(r.height_range_cm.1),
            weight_min: n(r.weight_range_kg.0),
            weight_max: n(r.weight_range_kg.1),
            skills: r.skills.iter().map(|s| s.code().to_string()).collect(),
            training: r.training.iter().map(|m| m.code().to_string()).collect(),
        }
    }
}

/// How the public list of open calls is narrowed, every part optional and kept in the address:
/// shooting on some day between `from` and `to`, lowest pay, open to a gender, asking a given
/// skill (or none), at a place.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CallFilter {
    /// Shooting on some day on or after this one.
    pub from: Option<Date>,
    /// Shooting on some day on or before this one.
    pub to: Option<Date>,
    /// At least this much a day, in yuan.
    pub pay_min: Option<i64>,
    /// Calls open to this gender (calls for either gender included).
    pub gender: Option<Gender>,
    /// Calls asking for this skill.
    pub skill: Option<Skill>,
    /// Calls asking for no skill at all.
    pub no_skills: bool,
    /// Calls at this location (slug).
    pub place: Option<String>,
}

/// What [`CallFilter::admits`] needs to know of a call.
#[derive(Debug, Clone, Copy)]
pub struct CallFacts<'a> {
    pub starts_on: Date,
    pub ends_on: Date,
    pub pay_per_day: Money,
    pub requirements: &'a Requirements,
    pub location: &'a str,
}

impl CallFilter {
    /// Reads `from`, `to`, `pay_min`, `gender`, `skill` (a skill's code, or `none`) and `place`;
    /// malformed values are ignored.
    pub fn from_query(query: &str) -> CallFilter {
        let mut f = CallFilter::default();
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            match key.as_ref() {
                "from" => f.from = parse_date(&value),
                "to" => f.to = parse_date(&value),
                "pay_min" => f.pay_min = value.trim().parse::<i64>().ok().filter(|v| *v > 0),
                "gender" => f.gender = Gender::parse(&value),
                "skill" if value == "none" => f.no_skills = true,
                "skill" => f.skill = Skill::parse(&value),
                "place" if !value.trim().is_empty() => f.place = Some(value.trim().to_string()),
                _ => {}
            }
        }
        f
    }

    /// The query string that reads back as this filter (without `?`).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(d) = self.from {
            out.append_pair("from", &d.to_string());
        }
        if let Some(d) = self.to {
            out.append_pair("to", &d.to_string());
        }
        if let Some(p) = self.pay_min {
            out.append_pair("pay_min", &p.to_string());
        }
        if let Some(g) = self.gender {
            out.append_pair("gender", g.code());
        }
        if self.no_skills {
            out.append_pair("skill", "none");
        } else if let Some(s) = self.skill {
            out.append_pair("skill", s.code());
        }
        if let Some(p) = &self.place {
            out.append_pair("place", p);
        }
        out.finish()
    }

    /// Whether anything narrows the list.
    pub fn narrows(&self) -> bool {
        *self != CallFilter::default()
    }

    pub fn admits(&self, call: CallFacts<'_>) -> bool {
        let req = call.requirements;
        self.from.is_none_or(|d| call.ends_on >= d)
            && self.to.is_none_or(|d| call.starts_on <= d)
            && self.pay_min.is_none_or(|p| call.pay_per_day >= Money::from_yuan(p))
            && self.gender.is_none_or(|g| req.gender.is_none_or(|c| c == g))
            && self.skill.is_none_or(|s| req.skills.contains(&s))
            && (!self.no_skills || req.skills.is_empty())
            && self.place.as_deref().is_none_or(|p| p == call.location)
    }
}

/// The latest birth date of someone at least `years` old on `today` (a 29 February that the
/// earlier year lacks becomes the 28th, as [`age_on`] counts it).
pub fn latest_birth_for_age(today: Date, years: i64) -> Date {
    let year = today.year() - i32::try_from(years.clamp(0, 200)).unwrap_or(200);
    today
        .replace_year(year)
        .or_else(|_| today.replace_day(28).and_then(|d| d.replace_year(year)))
        .unwrap_or(today)
}

/// Actors found per page of the pool search.
pub const POOL_PAGE: usize = 50;

/// Open calls per page of the public list.
pub const CALLS_PAGE: usize = 20;

/// The page a query string asks for (`page`, from 1).
pub fn page_of(query: &str) -> u32 {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == "page")
        .and_then(|(_, v)| v.parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// How an applicant list or the actor pool is narrowed: each bound inclusive and optional.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct ActorFilter {
    pub gender: Option<Gender>,
    pub age: Bounds,
    pub height_cm: Bounds,
    pub weight_kg: Bounds,
    pub skills: Vec<Skill>,
    /// Training modules passed (all of them).
    pub training: Vec<Module>,
    /// Only applications in this state.
    pub status: Option<ApplicationStatus>,
}

fn within(value: i64, (min, max): Bounds) -> bool {
    min.is_none_or(|m| value >= m) && max.is_none_or(|m| value <= m)
}

impl ActorFilter {
    /// Reads `gender`, `age_min`, `age_max`, `height_min`, `height_max`, `weight_min`,
    /// `weight_max`, `skill` (repeated) and `status` from a query string; unknown or malformed
    /// values are ignored.
    pub fn from_query(query: &str) -> ActorFilter {
        let mut f = ActorFilter::default();
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let number = || value.trim().parse::<i64>().ok();
            match key.as_ref() {
                "gender" => f.gender = Gender::parse(&value),
                "age_min" => f.age.0 = number(),
                "age_max" => f.age.1 = number(),
                "height_min" => f.height_cm.0 = number(),
                "height_max" => f.height_cm.1 = number(),
                "weight_min" => f.weight_kg.0 = number(),
                "weight_max" => f.weight_kg.1 = number(),
                "skill" => {
                    if let Some(s) = Skill::parse(&value).filter(|s| !f.skills.contains(s)) {
                        f.skills.push(s);
                    }
                }
                "training" => {
                    if let Some(m) = Module::parse(&value).filter(|m| !f.training.contains(m)) {
                        f.training.push(m);
                    }
                }
                "status" => f.status = ApplicationStatus::parse(&value),
                _ => {}
            }
        }
        f
    }

    /// The query string that reads back as this filter (without `?`).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(g) = self.gender {
            out.append_pair("gender", g.code());
        }
        let mut bound = |key: &str, v: Option<i64>| {
            if let Some(v) = v {
                out.append_pair(key, &v.to_string());
            }
        };
        bound("age_min", self.age.0);
        bound("age_max", self.age.1);
        bound("height_min", self.height_cm.0);
        bound("height_max", self.height_cm.1);
        bound("weight_min", self.weight_kg.0);
        bound("weight_max", self.weight_kg.1);
        for s in &self.skills {
            out.append_pair("skill", s.code());
        }
        for m in &self.training {
            out.append_pair("training", m.code());
        }
        if let Some(s) = self.status {
            out.append_pair("status", s.code());
        }
        out.finish()
    }

    /// Whether an actor with these facts, `age` years old, passes the filter (status aside).
    pub fn admits(&self, facts: &ActorFacts, age: i64) -> bool {
        self.gender.is_none_or(|g| g == facts.gender)
            && within(age, self.age)
            && within(facts.height_cm, self.height_cm)
            && within(facts.weight_kg, self.weight_kg)
            && self.skills.iter().all(|s| facts.skills.contains(s))
            && self.training.iter().all(|m| facts.training.contains(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn actor() -> ActorFacts {
        ActorFacts {
            gender: Gender::Female,
            birth_date: date!(2004 - 06 - 15),
            height_cm: 165,
            weight_kg: 50,
            skills: vec![Skill::Dance],
            training: vec![Module::SetSafety],
        }
    }

    #[test]
    fn age_counts_whole_years_up_to_the_birthday() {
        let birth = date!(2004 - 06 - 15);
        assert_eq!(age_on(birth, date!(2026 - 06 - 14)), 21);
        assert_eq!(age_on(birth, date!(2026 - 06 - 15)), 22);
        assert_eq!(age_on(date!(2008 - 02 - 29), date!(2026 - 02 - 28)), 17);
        assert_eq!(age_on(date!(2008 - 02 - 29), date!(2026 - 03 - 01)), 18);
    }

    #[test]
    fn an_open_call_takes_anyone() {
        let req = Requirements::default();
        assert!(req.is_open_to_all());
        assert!(unmet(&req, &actor(), date!(2026 - 12 - 01)).is_empty());
    }

    #[test]
    fn every_unmet_requirement_is_named_with_what_the_call_asks() {
        let req = Requirements {
            gender: Some(Gender::Male),
            age_range: (Some(25), Some(40)),
            height_range_cm: (Some(170), None),
            weight_range_kg: (None, Some(45)),
            skills: vec![Skill::Dance, Skill::HorseRiding],
            training: vec![Module::SetSafety, Module::Horses],
        };
        assert_eq!(
            unmet(&req, &actor(), date!(2026 - 12 - 01)),
            vec![
                Unmet::Gender(Gender::Male),
                Unmet::TooYoung { min: 25 },
                Unmet::TooShort { min_cm: 170 },
                Unmet::TooHeavy { max_kg: 45 },
                Unmet::Skill(Skill::HorseRiding),
                Unmet::Training(Module::Horses),
            ]
        );
    }

    #[test]
    fn bounds_are_inclusive_and_age_is_taken_on_the_first_day() {
        let req = Requirements {
            age_range: (Some(18), Some(22)),
            height_range_cm: (Some(165), Some(165)),
            weight_range_kg: (Some(50), Some(50)),
            ..Requirements::default()
        };
        assert!(unmet(&req, &actor(), date!(2026 - 12 - 01)).is_empty());
        // Turns 23 before the shoot starts.
        assert_eq!(unmet(&req, &actor(), date!(2027 - 06 - 15)), vec![Unmet::TooOld { max: 22 }]);
        let tall = ActorFacts { height_cm: 166, weight_kg: 49, ..actor() };
        assert_eq!(
            unmet(&req, &tall, date!(2026 - 12 - 01)),
            vec![Unmet::TooTall { max_cm: 165 }, Unmet::TooLight { min_kg: 50 }]
        );
    }

    #[test]
    fn a_profile_form_is_checked_field_by_field() {
        let today = date!(2026 - 11 - 25);
        let good = ProfileForm {
            gender: "female",
            birth_date: "2004-06-15",
            height_cm: " 165 ",
            weight_kg: "50",
        };
        let facts = check_profile(&good, today).unwrap();
        assert_eq!((facts.gender, facts.height_cm, facts.weight_kg), (Gender::Female, 165, 50));
        let bad = ProfileForm {
            gender: "robot",
            birth_date: "2012-01-01",
            height_cm: "1.65",
            weight_kg: "500",
        };
        assert_eq!(
            check_profile(&bad, today).unwrap_err(),
            vec![
                ("gender", "invalid"),
                ("birth_date", "under_age"),
                ("height_cm", "not_a_number"),
                ("weight_kg", "out_of_range"),
            ]
        );
        let empty = ProfileForm::default();
        assert_eq!(check_profile(&empty, today).unwrap_err().len(), 4);
        let nonsense = ProfileForm { birth_date: "2004-02-30", ..good };
        assert_eq!(
            check_profile(&nonsense, today).unwrap_err(),
            vec![("birth_date", "invalid_date")]
        );
    }

    #[test]
    fn decisions_follow_the_status() {
        use ApplicationStatus::*;
        assert!(Decision::Shortlist.allowed_from(Applied));
        assert!(!Decision::Shortlist.allowed_from(Shortlisted));
        assert!(Decision::Book.allowed_from(Shortlisted));
        assert!(Decision::Release.allowed_from(Applied));
        for d in [Decision::Shortlist, Decision::Book, Decision::Release] {
            assert!(!d.allowed_from(Booked));
            assert!(!d.allowed_from(Released));
            assert_eq!(Decision::parse(d.code()), Some(d));
        }
        for s in ApplicationStatus::ALL {
            assert_eq!(ApplicationStatus::parse(s.code()), Some(s));
        }
        for r in ReleaseReason::ALL {
            assert_eq!(ReleaseReason::parse(r.code()), Some(r));
        }
    }

    #[test]
    fn a_filter_round_trips_through_the_url_and_admits_by_every_bound() {
        let f = ActorFilter::from_query(
            "?gender=female&age_min=18&age_max=25&height_min=160&height_max=170&skill=dance&skill=dance&status=applied&x=1&weight_max=abc",
        );
        assert_eq!(f.gender, Some(Gender::Female));
        assert_eq!(
            (f.age, f.height_cm, f.weight_kg),
            ((Some(18), Some(25)), (Some(160), Some(170)), (None, None))
        );
        assert_eq!(f.skills, vec![Skill::Dance]);
        assert_eq!(ActorFilter::from_query(&f.to_query()), f);
        assert!(f.admits(&actor(), 22));
        assert!(!f.admits(&actor(), 26));
        assert!(!f.admits(&ActorFacts { height_cm: 171, ..actor() }, 22));
        assert!(!f.admits(&ActorFacts { gender: Gender::Male, ..actor() }, 22));
        assert!(!f.admits(&ActorFacts { skills: vec![], ..actor() }, 22));
    }

    fn form() -> CallForm {
        CallForm {
            role_zh: "宫女".into(),
            location: "qing-palace".into(),
            starts_on: "2026-12-10".into(),
            ends_on: "2026-12-12".into(),
            deadline: "2026-12-05".into(),
            pay_per_day: "350".into(),
            needed: "12".into(),
            gender: "female".into(),
            age_min: "18".into(),
            age_max: "25".into(),
            skills: vec!["dance".into()],
            ..CallForm::default()
        }
    }

    const TODAY: Date = date!(2026 - 11 - 25);

    #[test]
    fn a_call_form_becomes_a_call_with_the_missing_language_filled_in() {
        let call = check_call(&form(), TODAY).unwrap();
        assert_eq!((call.role_zh.as_str(), call.role_en.as_str()), ("宫女", "宫女"));
        assert_eq!(call.description_zh, "");
        assert_eq!(call.pay_per_day, Money::from_yuan(350));
        assert_eq!(call.requirements.age_range, (Some(18), Some(25)));
        assert_eq!(call.requirements.skills, vec![Skill::Dance]);
        // Read back into a form for editing, it checks to the same call.
        assert_eq!(check_call(&CallForm::from_draft(&call), TODAY).unwrap(), call);
    }

    #[test]
    fn every_problem_of_a_call_form_is_named_by_field() {
        let bad = CallForm {
            role_zh: " ".into(),
            starts_on: "2026-11-20".into(),
            ends_on: "2026-11-19".into(),
            deadline: "2026-11-24".into(),
            pay_per_day: "0".into(),
            needed: "0".into(),
            gender: "robot".into(),
            age_min: "30".into(),
            age_max: "20".into(),
            height_min: "abc".into(),
            skills: vec!["juggling".into()],
            location: String::new(),
            ..CallForm::default()
        };
        let mut problems = check_call(&bad, TODAY).unwrap_err();
        problems.sort();
        let mut expected = vec![
            ("role_zh", "required"),
            ("location", "required"),
            ("starts_on", "in_past"),
            ("ends_on", "before_start"),
            ("deadline", "in_past"),
            ("pay_per_day", "out_of_range"),
            ("needed", "out_of_range"),
            ("gender", "invalid"),
            ("age_max", "min_above_max"),
            ("height_min", "not_a_number"),
            ("skills", "invalid"),
        ];
        expected.sort();
        assert_eq!(problems, expected);
        let late = CallForm { deadline: "2026-12-11".into(), ..form() };
        assert_eq!(check_call(&late, TODAY).unwrap_err(), vec![("deadline", "after_start")]);
        let long = CallForm { ends_on: "2027-12-12".into(), ..form() };
        assert_eq!(check_call(&long, TODAY).unwrap_err(), vec![("ends_on", "too_long")]);
        let young = CallForm { age_min: "12".into(), ..form() };
        assert_eq!(check_call(&young, TODAY).unwrap_err(), vec![("age_min", "out_of_range")]);
    }

    #[test]
    fn the_public_filter_round_trips_and_narrows_by_dates_pay_gender_skill_and_place() {
        let f = CallFilter::from_query(
            "from=2026-12-01&to=2026-12-10&pay_min=300&gender=female&skill=dance&place=qing-palace",
        );
        assert_eq!(CallFilter::from_query(&f.to_query()), f);
        assert!(f.narrows());
        let call = check_call(&form(), TODAY).unwrap();
        fn facts(c: &CallDraft) -> CallFacts<'_> {
            CallFacts {
                starts_on: c.starts_on,
                ends_on: c.ends_on,
                pay_per_day: c.pay_per_day,
                requirements: &c.requirements,
                location: &c.location,
            }
        }
        assert!(f.admits(facts(&call)));
        // Shooting 10–12 December meets a window ending on the 10th, not one ending the 9th.
        let early = CallFilter { to: parse_date("2026-12-09"), ..f.clone() };
        assert!(!early.admits(facts(&call)));
        let rich = CallFilter { pay_min: Some(351), ..f.clone() };
        assert!(!rich.admits(facts(&call)));
        let men = CallFilter { gender: Some(Gender::Male), ..f.clone() };
        assert!(!men.admits(facts(&call)));
        let plain = CallFilter { skill: None, no_skills: true, ..f.clone() };
        assert!(!plain.admits(facts(&call)));
        let elsewhere = CallFilter { place: Some("qin-palace".into()), ..f.clone() };
        assert!(!elsewhere.admits(facts(&call)));
        // A call open to both genders is shown to either.
        let anyone = CallDraft {
            requirements: Requirements { gender: None, ..call.requirements.clone() },
            ..call.clone()
        };
        assert!(men.admits(facts(&anyone)));
        assert!(!CallFilter::from_query("pay_min=abc&from=soon").narrows());
    }

    #[test]
    fn a_profile_edit_checks_measures_and_skills_and_reads_the_switch() {
        let edit = ProfileEdit {
            height_cm: "166".into(),
            weight_kg: "51".into(),
            skills: vec!["dance".into(), "english".into(), "dance".into()],
            discoverable: Some("on".into()),
        };
        let change = check_profile_edit(&edit).unwrap();
        assert_eq!(change.skills, vec![Skill::Dance, Skill::English]);
        assert!(change.discoverable);
        assert!(Skill::English.is_language() && !Skill::Dance.is_language());
        let hidden = ProfileEdit { discoverable: None, ..edit.clone() };
        assert!(!check_profile_edit(&hidden).unwrap().discoverable);
        let bad = ProfileEdit {
            height_cm: "".into(),
            weight_kg: "400".into(),
            skills: vec!["juggling".into(), "fire".into()],
            discoverable: None,
        };
        assert_eq!(
            check_profile_edit(&bad).unwrap_err(),
            vec![("height_cm", "required"), ("weight_kg", "out_of_range"), ("skills", "invalid")]
        );
    }

    #[test]
    fn a_look_photo_goes_stale_after_ninety_days() {
        let taken = date!(2026 - 08 - 27);
        assert!(!look_is_stale(taken, date!(2026 - 11 - 25)));
        assert!(look_is_stale(taken, date!(2026 - 11 - 26)));
    }

    #[test]
    fn a_look_photo_is_dated_between_birth_and_today() {
        let (today, birth) = (date!(2026 - 12 - 02), date!(2001 - 05 - 20));
        assert_eq!(check_look_date(" 2026-12-02 ", today, birth), Ok(today));
        assert_eq!(check_look_date("2019-01-01", today, birth), Ok(date!(2019 - 01 - 01)));
        assert_eq!(check_look_date("2026-12-03", today, birth), Err("look_in_future"));
        assert_eq!(check_look_date("2001-05-19", today, birth), Err("look_before_birth"));
        assert_eq!(check_look_date("yesterday", today, birth), Err("invalid_date"));
        assert_eq!(check_look_date("", today, birth), Err("required"));
    }

    #[test]
    fn the_latest_birth_date_for_an_age_agrees_with_age_on() {
        for today in [date!(2026 - 11 - 25), date!(2028 - 02 - 29), date!(2027 - 03 - 01)] {
            for years in [16, 18, 25, 60] {
                let born = latest_birth_for_age(today, years);
                assert_eq!(age_on(born, today), years, "{today} {years}");
                assert_eq!(age_on(born.next_day().unwrap(), today), years - 1, "{today} {years}");
            }
        }
        assert_eq!(page_of("gender=female&page=3"), 3);
        assert_eq!(page_of("page=0"), 1);
        assert_eq!(page_of("page=x"), 1);
    }
}
