//! Casting: what a call asks of a background actor, who meets it, and how an application moves
//! from "applied" to "booked" or "released". The browser checks eligibility with these rules as
//! the actor looks at a call; the server checks again with the same code before it records an
//! application.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::studio_time::parse_date;
use crate::vocab::{Gender, Skill};

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
}

impl Requirements {
    /// Whether the call asks for anything at all.
    pub fn is_open_to_all(&self) -> bool {
        self.gender.is_none()
            && self.age_range == (None, None)
            && self.height_range_cm == (None, None)
            && self.weight_range_kg == (None, None)
            && self.skills.is_empty()
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
    /// The actor withdrew.
    Withdrawn,
}

impl ReleaseReason {
    pub const ALL: [ReleaseReason; 4] = [
        ReleaseReason::NotPicked,
        ReleaseReason::Filled,
        ReleaseReason::Closed,
        ReleaseReason::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReleaseReason::NotPicked => "not_picked",
            ReleaseReason::Filled => "filled",
            ReleaseReason::Closed => "closed",
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
    let mut measure = |field: &'static str, text: &str, (min, max): (i64, i64)| match text.trim() {
        "" => {
            problems.push((field, "required"));
            None
        }
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
    };
    let height = measure("height_cm", form.height_cm, HEIGHT_CM);
    let weight = measure("weight_kg", form.weight_kg, WEIGHT_KG);
    match (gender, birth, height, weight) {
        (Some(gender), Some(birth_date), Some(height_cm), Some(weight_kg))
            if problems.is_empty() =>
        {
            Ok(ActorFacts { gender, birth_date, height_cm, weight_kg, skills: Vec::new() })
        }
        _ => Err(problems),
    }
}

/// How an applicant list or the actor pool is narrowed: each bound inclusive and optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActorFilter {
    pub gender: Option<Gender>,
    pub age: Bounds,
    pub height_cm: Bounds,
    pub weight_kg: Bounds,
    pub skills: Vec<Skill>,
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
        };
        assert_eq!(
            unmet(&req, &actor(), date!(2026 - 12 - 01)),
            vec![
                Unmet::Gender(Gender::Male),
                Unmet::TooYoung { min: 25 },
                Unmet::TooShort { min_cm: 170 },
                Unmet::TooHeavy { max_kg: 45 },
                Unmet::Skill(Skill::HorseRiding),
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
}
