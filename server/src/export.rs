//! A call's booked list as CSV, for the call sheet and the pay roll: UTF-8 with a byte-order
//! mark (so spreadsheet programs read the Chinese names right), one row per booked actor with
//! their measures, skills, phone and each shooting day's attendance and pay.

use app::models::{Applicant, AttendanceView};
use domain::Lang;
use domain::wages::DayState;

/// A day's state in a cell.
fn day_cell(lang: Lang, state: DayState) -> &'static str {
    match state {
        DayState::Upcoming => lang.pick("未开始", "upcoming"),
        DayState::Today => lang.pick("今天", "today"),
        DayState::NotRecorded => lang.pick("未记录", "not recorded"),
        DayState::Unpaid => lang.pick("已到场·未付", "attended, unpaid"),
        DayState::Paid => lang.pick("已到场·已付", "attended, paid"),
    }
}

/// The booked list: `booked` in order of application, their days from `sheet`.
pub fn booked_csv(
    lang: Lang,
    booked: &[Applicant],
    sheet: &AttendanceView,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut header: Vec<String> = [
        lang.pick("姓名", "Name"),
        lang.pick("性别", "Gender"),
        lang.pick("年龄", "Age"),
        lang.pick("身高(cm)", "Height (cm)"),
        lang.pick("体重(kg)", "Weight (kg)"),
        lang.pick("技能", "Skills"),
        lang.pick("电话", "Phone"),
    ]
    .map(String::from)
    .to_vec();
    header.extend(sheet.days.iter().map(|d| d.to_string()));
    out.write_record(&header)?;
    for actor in booked {
        let days = sheet.actors.iter().find(|a| a.application_id == actor.application_id);
        let skills: Vec<&str> = actor.skills.iter().map(|s| s.label(lang)).collect();
        let mut row = vec![
            actor.name.clone(),
            actor.gender.label(lang).to_string(),
            actor.age.to_string(),
            actor.height_cm.to_string(),
            actor.weight_kg.to_string(),
            skills.join(lang.pick("、", ", ")),
            actor.phone.clone().unwrap_or_default(),
        ];
        row.extend(sheet.days.iter().enumerate().map(|(i, _)| {
            days.and_then(|d| d.days.get(i)).map_or("", |s| day_cell(lang, *s)).to_string()
        }));
        out.write_record(&row)?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}
