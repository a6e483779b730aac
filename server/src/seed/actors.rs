//! Seed background actors: plausible profiles drawn one after another from a single seeded RNG.

use super::model::*;
use domain::vocab::*;

const SEED: u64 = 0x4845_4E47_4449_414E;

/// Birth years are expressed relative to this year.
pub const ANCHOR_YEAR: i32 = 2026;

/// Common surnames with rough relative frequencies.
const SURNAMES: &[(&str, u32)] = &[
    ("王", 72),
    ("李", 71),
    ("张", 67),
    ("刘", 53),
    ("陈", 46),
    ("杨", 32),
    ("赵", 20),
    ("黄", 24),
    ("周", 19),
    ("吴", 19),
    ("徐", 15),
    ("孙", 15),
    ("胡", 13),
    ("朱", 13),
    ("高", 12),
    ("林", 12),
    ("何", 12),
    ("郭", 11),
    ("马", 11),
    ("罗", 9),
    ("梁", 9),
    ("宋", 8),
    ("郑", 8),
    ("谢", 7),
    ("韩", 7),
    ("唐", 7),
    ("冯", 7),
    ("于", 6),
    ("董", 6),
    ("程", 5),
    ("曹", 5),
    ("袁", 5),
    ("邓", 5),
    ("许", 5),
    ("傅", 4),
    ("沈", 4),
    ("曾", 4),
    ("彭", 4),
    ("吕", 4),
    ("苏", 4),
    ("卢", 4),
    ("蒋", 4),
    ("蔡", 4),
    ("叶", 4),
    ("楼", 2),
    ("厉", 1),
];

/// Given-name characters by gender, for people born before and after about 1980.
const MALE_MODERN: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "辉", "鹏", "飞", "鑫", "波",
    "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "阳", "峰", "志", "文", "博", "晨",
    "轩", "睿", "泽", "豪", "昊", "天", "瑞", "嘉", "诚", "毅", "航", "子", "铭", "楠",
];
const MALE_CLASSIC: &[&str] = &[
    "国", "建", "华", "明", "军", "平", "志", "德", "福", "忠", "林", "海", "春", "生", "兴", "荣",
    "伟", "强", "民", "庆", "东", "红", "卫", "文",
];
const FEMALE_MODERN: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "燕", "玲", "婷", "雪", "慧", "颖", "琳", "晶", "倩",
    "欣", "悦", "怡", "佳", "梦", "雨", "思", "琪", "萱", "璐", "瑶", "月", "洁", "诗", "涵", "可",
    "馨", "雯", "妍", "蕾", "薇", "晓", "文", "丹",
];
const FEMALE_CLASSIC: &[&str] = &[
    "秀", "英", "桂", "兰", "芳", "珍", "凤", "玉", "梅", "华", "红", "霞", "丽", "琴", "云", "春",
    "美", "淑", "翠", "萍", "娟", "敏",
];

/// Skills with how often men and women in the pool offer them.
const SKILL_WEIGHTS: &[(Skill, u32, u32)] = &[
    (Skill::HorseRiding, 8, 5),
    (Skill::MartialArts, 12, 5),
    (Skill::Wirework, 5, 4),
    (Skill::Swordplay, 8, 5),
    (Skill::Dance, 3, 14),
    (Skill::Guqin, 2, 5),
    (Skill::Calligraphy, 5, 4),
    (Skill::Driving, 18, 10),
    (Skill::Swimming, 12, 10),
    (Skill::Cantonese, 4, 4),
    (Skill::English, 6, 8),
    (Skill::Acrobatics, 3, 3),
];

/// How many skills a profile lists: 0 to 3.
const SKILL_COUNT_WEIGHTS: &[(usize, u32)] = &[(0, 45), (1, 30), (2, 18), (3, 7)];

/// Bijective on 0..1e9 because the step is coprime with 10⁹, so phones never collide.
const PHONE_STEP: u64 = 48_271;
const PHONE_OFFSET: u64 = 386_104_527;

fn weighted<T: Copy>(rng: &mut fastrand::Rng, table: &[(T, u32)]) -> T {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut roll = rng.u32(0..total);
    for (value, weight) in table {
        if roll < *weight {
            return *value;
        }
        roll -= weight;
    }
    table[table.len() - 1].0
}

/// A normal draw (Box–Muller).
fn normal(rng: &mut fastrand::Rng, mean: f64, sd: f64) -> f64 {
    let u1 = 1.0 - rng.f64();
    let u2 = rng.f64();
    mean + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Mostly 20–35, with a tail of younger and older extras.
fn age(rng: &mut fastrand::Rng) -> i32 {
    match rng.u32(0..100) {
        0..8 => rng.i32(18..=19),
        8..70 => rng.i32(20..=35),
        70..90 => rng.i32(36..=50),
        _ => rng.i32(51..=65),
    }
}

fn birth_date(rng: &mut fastrand::Rng, age: i32) -> (i32, u8, u8) {
    let year = ANCHOR_YEAR - age;
    let month = rng.u8(1..=12);
    (year, month, rng.u8(1..=days_in_month(year, month)))
}

fn name(rng: &mut fastrand::Rng, gender: Gender, age: i32) -> String {
    let pool = match (gender, age >= 45) {
        (Gender::Male, false) => MALE_MODERN,
        (Gender::Male, true) => MALE_CLASSIC,
        (Gender::Female, false) => FEMALE_MODERN,
        (Gender::Female, true) => FEMALE_CLASSIC,
    };
    let mut name = weighted(rng, SURNAMES).to_owned();
    let first = rng.usize(0..pool.len());
    name.push_str(pool[first]);
    if rng.u32(0..100) < 70 {
        let second = (first + rng.usize(1..pool.len())) % pool.len();
        name.push_str(pool[second]);
    }
    name
}

/// Height in cm and weight in kg, with a BMI kept between about 18.3 and 27.7.
fn build(rng: &mut fastrand::Rng, gender: Gender, age: i32) -> (i64, i64) {
    let (mean, bounds, bmi_mean) = match gender {
        Gender::Male => (172.0, (155.0, 195.0), 22.8),
        Gender::Female => (161.0, (145.0, 182.0), 21.0),
    };
    let height = normal(rng, mean, 6.0).round().clamp(bounds.0, bounds.1);
    let middle_age = f64::from((age - 30).max(0)) * 0.05;
    let bmi = normal(rng, bmi_mean + middle_age, 2.2).clamp(18.3, 27.7);
    let metres = height / 100.0;
    (height as i64, (bmi * metres * metres).round() as i64)
}

fn skills(rng: &mut fastrand::Rng, gender: Gender) -> Vec<Skill> {
    let count = weighted(rng, SKILL_COUNT_WEIGHTS);
    let mut pool: Vec<(Skill, u32)> = SKILL_WEIGHTS
        .iter()
        .map(|&(skill, male, female)| (skill, if gender == Gender::Male { male } else { female }))
        .collect();
    let mut chosen = Vec::with_capacity(count);
    for _ in 0..count {
        let skill = weighted(rng, &pool);
        pool.retain(|(s, _)| *s != skill);
        chosen.push(skill);
    }
    chosen
}

fn phone(index: usize) -> String {
    let number = (index as u64 * PHONE_STEP + PHONE_OFFSET) % 1_000_000_000;
    format!("13{number:09}")
}

fn actor(rng: &mut fastrand::Rng, index: usize) -> SeedActor {
    let gender = if rng.u32(0..100) < 55 { Gender::Male } else { Gender::Female };
    let age = age(rng);
    let birth_date = birth_date(rng, age);
    let name = name(rng, gender, age);
    let (height_cm, weight_kg) = build(rng, gender, age);
    SeedActor {
        name,
        gender,
        birth_date,
        height_cm,
        weight_kg,
        skills: skills(rng, gender),
        phone: phone(index),
        discoverable: rng.u32(0..100) < 70,
    }
}

/// `count` actors, the same for the same count; a longer list starts with the shorter one.
pub fn actors(count: usize) -> Vec<SeedActor> {
    let mut rng = fastrand::Rng::with_seed(SEED);
    (0..count).map(|index| actor(&mut rng, index)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn share(actors: &[SeedActor], test: impl Fn(&SeedActor) -> bool) -> f64 {
        actors.iter().filter(|a| test(a)).count() as f64 / actors.len() as f64
    }

    fn mean(values: impl Iterator<Item = i64>) -> f64 {
        let values: Vec<i64> = values.collect();
        values.iter().sum::<i64>() as f64 / values.len() as f64
    }

    #[test]
    fn deterministic_and_prefix_stable() {
        assert_eq!(format!("{:?}", actors(300)), format!("{:?}", actors(300)));
        let long = actors(1_000);
        assert_eq!(format!("{:?}", &long[..250]), format!("{:?}", actors(250)));
        assert!(actors(0).is_empty());
    }

    #[test]
    fn phones_are_unique_mainland_mobiles() {
        let all = actors(100_000);
        let phones: HashSet<&str> = all.iter().map(|a| a.phone.as_str()).collect();
        assert_eq!(phones.len(), all.len());
        for a in all.iter().take(1_000) {
            assert_eq!(a.phone.len(), 11);
            assert!(a.phone.starts_with('1') && a.phone.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn birth_dates_are_valid_and_ages_plausible() {
        let all = actors(20_000);
        for a in &all {
            let (year, month, day) = a.birth_date;
            assert!((18..=65).contains(&(ANCHOR_YEAR - year)), "{year}");
            assert!((1..=12).contains(&month));
            assert!(day >= 1 && day <= days_in_month(year, month), "{year}-{month}-{day}");
        }
        let core = share(&all, |a| (20..=35).contains(&(ANCHOR_YEAR - a.birth_date.0)));
        assert!(core > 0.55, "only {core} aged 20–35");
    }

    #[test]
    fn distributions_are_plausible() {
        let all = actors(20_000);
        let male = share(&all, |a| a.gender == Gender::Male);
        assert!((0.52..=0.58).contains(&male), "{male} male");
        let discoverable = share(&all, |a| a.discoverable);
        assert!((0.67..=0.73).contains(&discoverable), "{discoverable} discoverable");
        let of = |g: Gender| all.iter().filter(move |a| a.gender == g);
        let men = mean(of(Gender::Male).map(|a| a.height_cm));
        let women = mean(of(Gender::Female).map(|a| a.height_cm));
        assert!((171.0..=173.0).contains(&men), "men {men}");
        assert!((160.0..=162.0).contains(&women), "women {women}");
    }

    #[test]
    fn weights_match_heights() {
        for a in actors(20_000) {
            let metres = a.height_cm as f64 / 100.0;
            let bmi = a.weight_kg as f64 / (metres * metres);
            assert!((18.0..=28.0).contains(&bmi), "{} cm {} kg", a.height_cm, a.weight_kg);
            assert!((145..=195).contains(&a.height_cm));
        }
    }

    #[test]
    fn skills_are_few_and_distinct() {
        for a in actors(5_000) {
            assert!(a.skills.len() <= 3);
            assert_eq!(a.skills.iter().collect::<HashSet<_>>().len(), a.skills.len());
        }
    }

    #[test]
    fn names_use_a_surname_and_gendered_given_name() {
        for a in actors(5_000) {
            let chars: Vec<String> = a.name.chars().map(String::from).collect();
            assert!((2..=3).contains(&chars.len()), "{}", a.name);
            assert!(SURNAMES.iter().any(|(s, _)| *s == chars[0]), "{}", a.name);
            let pools: &[&[&str]] = match a.gender {
                Gender::Male => &[MALE_MODERN, MALE_CLASSIC],
                Gender::Female => &[FEMALE_MODERN, FEMALE_CLASSIC],
            };
            for given in &chars[1..] {
                assert!(pools.iter().any(|p| p.contains(&given.as_str())), "{}", a.name);
            }
        }
    }
}
