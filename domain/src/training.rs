//! Training (码上培训): each module is a few short lessons and a quiz. Passing means every answer
//! right (a set is no place for three out of four); a wrong answer is pointed out with its
//! lesson, and the quiz may be taken again at once. Training is free: Backlot never charges for
//! it, and says so, because "training fees" are a common scam on background actors.

use serde::{Deserialize, Serialize};

use crate::vocab::{Lang, Module};

/// Text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bilingual {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Bilingual {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

const fn t(zh: &'static str, en: &'static str) -> Bilingual {
    Bilingual { zh, en }
}

/// One quiz question: its options and which one is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub text: Bilingual,
    pub options: [Bilingual; 3],
    pub correct: usize,
    /// The lesson (index) that teaches the answer.
    pub lesson: usize,
}

/// A module's lessons and quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Course {
    pub module: Module,
    pub summary: Bilingual,
    pub minutes: u32,
    pub lessons: &'static [Bilingual],
    pub quiz: &'static [Question],
}

const SET_SAFETY: Course = Course {
    module: Module::SetSafety,
    summary: t(
        "每位群演进组前都该知道的片场规矩：听口令、认清禁区、出事找谁。",
        "What every background actor should know before the first day: cues, no-go zones, and whom to tell when something goes wrong.",
    ),
    minutes: 8,
    lessons: &[
        t(
            "听现场副导演的口令。“开机”后保持安静、不走动；听到“停”或“收”才动。没听清就问副导演，不要跟着别人猜。",
            "Follow the assistant director's cues. After \"roll\" stay still and silent; move only on \"cut\". If you did not hear, ask the AD — do not guess from others.",
        ),
        t(
            "有黄黑胶带、锥桶或“禁止入内”牌的地方是禁区：轨道、吊臂、灯架、电缆和发电车周围都不要靠近。跨过电缆，不要踩在上面。",
            "Yellow-and-black tape, cones or \"no entry\" signs mark no-go zones: keep clear of tracks, cranes, lamp stands, cables and generators. Step over cables, never on them.",
        ),
        t(
            "受伤、头晕或看到危险，立即告诉副导演或现场安全员，哪怕正在拍。记下集合点和最近的出口，紧急撤离时走最近的出口到集合点点名。",
            "If you are hurt, dizzy or see a hazard, tell the AD or the set safety officer at once, even mid-take. Note the assembly point and nearest exit; in an evacuation, take the nearest exit to the assembly point for the roll call.",
        ),
        t(
            "正规剧组不收培训费、押金或“介绍费”。任何要你先交钱才能进组的人都不可信；在横影通上报名是免费的。",
            "Genuine productions never charge training fees, deposits or \"introduction fees\". Anyone asking for money before you can work is not to be trusted; applying on Backlot is free.",
        ),
    ],
    quiz: &[
        Question {
            text: t("“开机”后你应该怎么做？", "What do you do after \"roll\"?"),
            options: [
                t("保持安静，等“停”再动", "Stay still and silent until \"cut\""),
                t("小声和旁边的人说话", "Whisper to the person next to you"),
                t("去拿自己的手机", "Go and fetch your phone"),
            ],
            correct: 0,
            lesson: 0,
        },
        Question {
            text: t("地上有电缆挡路，你应该：", "A cable lies across your way. You:"),
            options: [
                t("踩着走过去", "Walk on it"),
                t("跨过去", "Step over it"),
                t("把它拉到一边", "Pull it aside"),
            ],
            correct: 1,
            lesson: 1,
        },
        Question {
            text: t("拍摄中你觉得头晕，应该：", "You feel dizzy during a take. You:"),
            options: [
                t("坚持拍完这条再说", "Hold on until the take is over"),
                t("悄悄离开", "Slip away quietly"),
                t("立即告诉副导演或安全员", "Tell the AD or safety officer at once"),
            ],
            correct: 2,
            lesson: 2,
        },
        Question {
            text: t(
                "有人说交 300 元“培训费”就能进组：",
                "Someone asks ¥300 \"training fee\" to get you on a shoot:",
            ),
            options: [
                t("不可信，正规剧组不收费", "Do not trust it: genuine productions never charge"),
                t("交了就能优先录用", "Pay: you will be booked first"),
                t("先交一半", "Pay half now"),
            ],
            correct: 0,
            lesson: 3,
        },
    ],
};

const HORSES: Course = Course {
    module: Module::Horses,
    summary: t(
        "骑马戏和马群戏的基本功：靠近、牵引、上下马，以及马受惊时怎么办。",
        "The basics for riding and herd scenes: approaching, leading, mounting and dismounting, and what to do when a horse takes fright.",
    ),
    minutes: 10,
    lessons: &[
        t(
            "从马的左前方靠近，让它看见你，边走边说话。永远不要站在马的正后方——马后踢是片场最常见的马匹伤害。",
            "Approach from the horse's left front so it can see you, and talk as you come. Never stand directly behind a horse: kicks are the commonest horse injury on set.",
        ),
        t(
            "牵马走在马头左侧，缰绳不要绕在手上或手腕上。上马前请驯马师检查肚带，上下马都从左侧。",
            "Lead from the left of the head; never wrap the reins round your hand or wrist. Have the wrangler check the girth before you mount; mount and dismount from the left.",
        ),
        t(
            "马受惊时，不要尖叫或突然拉紧缰绳：坐稳、身体放低、双脚踩住马镫，等驯马师过来。摔下时滚离马蹄。",
            "If a horse takes fright, do not shout or yank the reins: sit deep, keep low, feet in the stirrups, and wait for the wrangler. If you fall, roll away from the hooves.",
        ),
    ],
    quiz: &[
        Question {
            text: t("你应该从哪里靠近一匹马？", "From where do you approach a horse?"),
            options: [
                t("正后方，悄悄地", "Straight from behind, quietly"),
                t("左前方，边走边说话", "From the left front, talking as you come"),
                t("从哪里都行", "Anywhere will do"),
            ],
            correct: 1,
            lesson: 0,
        },
        Question {
            text: t("牵马时缰绳应该：", "When leading, the reins are:"),
            options: [
                t("握在手里，不绕在手上", "Held in the hand, never wrapped round it"),
                t("绕在手腕上更稳", "Wrapped round the wrist for grip"),
                t("系在腰带上", "Tied to your belt"),
            ],
            correct: 0,
            lesson: 1,
        },
        Question {
            text: t("上马前谁检查肚带？", "Who checks the girth before you mount?"),
            options: [
                t("不用检查", "Nobody needs to"),
                t("旁边的群演", "A fellow extra"),
                t("驯马师", "The wrangler"),
            ],
            correct: 2,
            lesson: 1,
        },
        Question {
            text: t("马突然受惊，你应该：", "Your horse takes fright. You:"),
            options: [
                t("大声喊停并猛拉缰绳", "Shout and yank the reins"),
                t("坐稳放低，等驯马师", "Sit deep, keep low and wait for the wrangler"),
                t("立即跳下马", "Jump off at once"),
            ],
            correct: 1,
            lesson: 2,
        },
    ],
};

const PYROTECHNICS: Course = Course {
    module: Module::Pyrotechnics,
    summary: t(
        "爆破、烟火和火焰戏的安全距离与信号，只听烟火师的。",
        "Safe distances and signals for explosions, fireworks and fire scenes — and why only the pyrotechnician's word counts.",
    ),
    minutes: 8,
    lessons: &[
        t(
            "爆破戏前会有安全会，烟火师讲清每个点位和安全距离。站在指定标记上，不要自己挪近“更好看”的位置。",
            "Every effects scene starts with a safety briefing where the pyrotechnician shows each charge and the safe distances. Stay on your mark; never edge closer for a better shot.",
        ),
        t(
            "只听烟火师的信号：预备哨、倒数、起爆；“安全”口令之前不要走向爆点，哑炮更不能去看。",
            "Only the pyrotechnician's signals count: warning whistle, countdown, firing. Do not walk towards a charge before the \"all clear\" — least of all one that failed to go off.",
        ),
        t(
            "火焰戏穿阻燃服装，不带打火机、发胶和化纤围巾进场。衣服着火时：停下、倒地、翻滚，并大声呼救。",
            "For fire scenes wear the flame-retardant costume; bring no lighters, hairspray or synthetic scarves. If your clothes catch fire: stop, drop and roll, and shout for help.",
        ),
    ],
    quiz: &[
        Question {
            text: t("为了镜头好看，你可以：", "For a better shot you may:"),
            options: [
                t("往爆点挪近一点", "Edge closer to the charge"),
                t("站在指定标记上", "Stay on your mark"),
                t("躲到爆点后面", "Hide behind the charge"),
            ],
            correct: 1,
            lesson: 0,
        },
        Question {
            text: t("一个爆点没有响，你应该：", "A charge did not go off. You:"),
            options: [
                t("等烟火师宣布“安全”", "Wait for the pyrotechnician's all clear"),
                t("走过去看看", "Go and look"),
                t("捡起来交给副导演", "Pick it up for the AD"),
            ],
            correct: 0,
            lesson: 1,
        },
        Question {
            text: t("火焰戏不能带进场的是：", "Which must stay out of a fire scene?"),
            options: [
                t("阻燃服装", "The flame-retardant costume"),
                t("剧本", "Your script"),
                t("发胶和打火机", "Hairspray and lighters"),
            ],
            correct: 2,
            lesson: 2,
        },
        Question {
            text: t("衣服着火时：", "Your clothes catch fire:"),
            options: [
                t("快跑去找水", "Run for water"),
                t("停下、倒地、翻滚，呼救", "Stop, drop and roll, and shout for help"),
                t("脱下外衣扔掉", "Pull off the coat and throw it"),
            ],
            correct: 1,
            lesson: 2,
        },
    ],
};

const HEAT_AND_ARMOUR: Course = Course {
    module: Module::HeatAndArmour,
    summary: t(
        "夏天穿铠甲、厚戏服拍大场面：补水、降温、识别中暑。",
        "Big summer scenes in armour and heavy costume: drinking, cooling down, and spotting heat illness.",
    ),
    minutes: 6,
    lessons: &[
        t(
            "高温天每 15–20 分钟喝几口水，不要等口渴；少喝含糖饮料和酒。剧组应提供饮水和遮阳处，没有就向副导演提出。",
            "On hot days drink a few sips every 15–20 minutes, before you feel thirsty; avoid sugary drinks and alcohol. The production must provide water and shade — ask the AD if there is none.",
        ),
        t(
            "两条之间卸下头盔、打开铠甲的搭扣，坐到阴凉处。不要一个人躲到封闭的车里或道具箱里休息。",
            "Between takes take off the helmet, open the armour's buckles and sit in the shade. Do not rest alone in a closed car or a props container.",
        ),
        t(
            "头痛、恶心、皮肤发烫却不出汗、意识模糊是中暑信号。马上告诉副导演，移到阴凉处、解开衣服、用水降温；严重时拨 120。",
            "Headache, nausea, hot skin that stops sweating and confusion are signs of heat stroke. Tell the AD at once, move to shade, loosen clothing and cool with water; call 120 if serious.",
        ),
    ],
    quiz: &[
        Question {
            text: t("高温天什么时候喝水？", "When do you drink on a hot day?"),
            options: [
                t("口渴了再喝", "When you feel thirsty"),
                t("收工后", "After the wrap"),
                t("每 15–20 分钟喝几口", "A few sips every 15–20 minutes"),
            ],
            correct: 2,
            lesson: 0,
        },
        Question {
            text: t("两条之间最好：", "Between takes you should:"),
            options: [
                t(
                    "卸下头盔、松开铠甲，坐到阴凉处",
                    "Take off the helmet, open the armour, sit in the shade",
                ),
                t("躲进关着门窗的车里休息", "Rest in a closed car"),
                t("继续穿戴好等下一条", "Keep everything on for the next take"),
            ],
            correct: 0,
            lesson: 1,
        },
        Question {
            text: t("哪一个是中暑信号？", "Which is a sign of heat stroke?"),
            options: [
                t("肚子饿", "Feeling hungry"),
                t("皮肤发烫却不出汗、意识模糊", "Hot skin that stops sweating, confusion"),
                t("手心出汗", "Sweaty palms"),
            ],
            correct: 1,
            lesson: 2,
        },
        Question {
            text: t("片场没有饮水和遮阳处，你应该：", "There is no water or shade on set. You:"),
            options: [
                t("向副导演提出", "Ask the AD for them"),
                t("忍着", "Put up with it"),
                t("自己离开片场", "Leave the set on your own"),
            ],
            correct: 0,
            lesson: 0,
        },
    ],
};

/// Every module's course, in the order of [`Module::ALL`].
pub const COURSES: [Course; 4] = [SET_SAFETY, HORSES, PYROTECHNICS, HEAT_AND_ARMOUR];

/// A module's course.
pub fn course(module: Module) -> &'static Course {
    COURSES.iter().find(|c| c.module == module).expect("every module has a course")
}

/// How a quiz went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub correct: usize,
    pub total: usize,
    /// The questions (indexes) answered wrongly or not at all.
    pub wrong: Vec<usize>,
}

impl Grade {
    /// Every answer right.
    pub fn passed(&self) -> bool {
        self.wrong.is_empty() && self.correct == self.total
    }
}

/// Grades `answers` (one option index per question, as typed; missing or unreadable answers
/// count as wrong) against `module`'s quiz.
pub fn grade(module: Module, answers: &[String]) -> Grade {
    let quiz = course(module).quiz;
    let wrong: Vec<usize> = quiz
        .iter()
        .enumerate()
        .filter(|(i, q)| {
            answers.get(*i).and_then(|a| a.trim().parse::<usize>().ok()) != Some(q.correct)
        })
        .map(|(i, _)| i)
        .collect();
    Grade { correct: quiz.len() - wrong.len(), total: quiz.len(), wrong }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_module_has_a_well_formed_course() {
        assert_eq!(COURSES.map(|c| c.module).as_slice(), Module::ALL);
        for c in COURSES {
            assert!(c.lessons.len() >= 3, "{:?}", c.module);
            assert!(c.quiz.len() >= 4, "{:?}", c.module);
            for (i, q) in c.quiz.iter().enumerate() {
                assert!(q.correct < q.options.len(), "{:?} question {i}", c.module);
                assert!(q.lesson < c.lessons.len(), "{:?} question {i}", c.module);
                for text in std::iter::once(q.text).chain(q.options) {
                    assert!(!text.zh.is_empty() && !text.en.is_empty());
                }
            }
            // Not always the first option: a quiz that can be passed by pattern teaches nothing.
            let firsts = c.quiz.iter().filter(|q| q.correct == 0).count();
            assert!(firsts < c.quiz.len(), "{:?}", c.module);
        }
    }

    #[test]
    fn passing_takes_every_answer_right() {
        let right: Vec<String> =
            course(Module::SetSafety).quiz.iter().map(|q| q.correct.to_string()).collect();
        let grade_all = grade(Module::SetSafety, &right);
        assert!(grade_all.passed());
        assert_eq!((grade_all.correct, grade_all.total), (4, 4));

        let mut one_wrong = right.clone();
        one_wrong[2] = ((course(Module::SetSafety).quiz[2].correct + 1) % 3).to_string();
        let g = grade(Module::SetSafety, &one_wrong);
        assert!(!g.passed());
        assert_eq!((g.correct, g.wrong.clone()), (3, vec![2]));

        let g = grade(Module::SetSafety, &right[..2]);
        assert_eq!(g.wrong, vec![2, 3], "unanswered questions are wrong");
        let g = grade(Module::SetSafety, &["x".into(), " 1 ".into(), "".into(), "9".into()]);
        assert_eq!(g.wrong, vec![0, 2, 3]);
    }
}
