//! Seed casting calls for background actors, open and closed, across the productions.

use super::locations::locations;
use super::model::*;
use domain::vocab::*;

/// An optional inclusive range, as a call states it.
type Bounds = (Option<i64>, Option<i64>);

const ANY: Bounds = (None, None);

const fn between(min: i64, max: i64) -> Bounds {
    (Some(min), Some(max))
}

const fn at_least(min: i64) -> Bounds {
    (Some(min), None)
}

const fn at_most(max: i64) -> Bounds {
    (None, Some(max))
}

/// One row of the call table; the practical line (call time, transport, meals) is added from
/// the location when it becomes a `SeedCall`.
struct Call {
    production: &'static str,
    role: (&'static str, &'static str),
    about: (&'static str, &'static str),
    location: &'static str,
    /// Call time on the first day, "HH:MM".
    call_time: &'static str,
    start: i64,
    days: i64,
    deadline: i64,
    pay_yuan: i64,
    gender: Option<Gender>,
    age: Bounds,
    height_cm: Bounds,
    weight_kg: Bounds,
    skills: &'static [Skill],
    needed: i64,
    open: bool,
}

const F: Option<Gender> = Some(Gender::Female);
const M: Option<Gender> = Some(Gender::Male);

const CALLS: &[Call] = &[
    // 凌烟阁 (Tang).
    Call {
        production: "lingyan-pavilion",
        role: ("宫女", "Palace maids"),
        about: (
            "唐代宫廷戏，饰演宫女，统一梳高髻、化唐妆，头发过肩者优先。",
            "Tang court drama: palace maids with high buns and Tang make-up; shoulder-length hair or longer preferred.",
        ),
        location: "tang-garden-palace",
        call_time: "05:30",
        start: 12,
        days: 8,
        deadline: 7,
        pay_yuan: 180,
        gender: F,
        age: between(18, 28),
        height_cm: between(158, 170),
        weight_kg: between(42, 58),
        skills: &[],
        needed: 40,
        open: true,
    },
    Call {
        production: "lingyan-pavilion",
        role: ("舞姬", "Court dancers"),
        about: (
            "宫宴群舞，需有古典舞或民族舞基础；开拍前两天集中排练，排练日按半天结算。",
            "Banquet ensemble dance; classical or folk dance training needed. Two rehearsal days before the shoot, paid as half days.",
        ),
        location: "tang-garden-palace",
        call_time: "06:00",
        start: 15,
        days: 5,
        deadline: 8,
        pay_yuan: 450,
        gender: F,
        age: between(18, 30),
        height_cm: between(162, 172),
        weight_kg: between(42, 55),
        skills: &[Skill::Dance],
        needed: 16,
        open: true,
    },
    Call {
        production: "lingyan-pavilion",
        role: ("禁军", "Palace guards"),
        about: (
            "以站岗戏为主，需穿约7公斤的铠甲长时间站立，身高要求严格。",
            "Mostly standing guard in about 7 kg of armour for long takes; the height range is strict.",
        ),
        location: "spring-autumn-tang-garden",
        call_time: "05:30",
        start: 12,
        days: 10,
        deadline: 6,
        pay_yuan: 200,
        gender: M,
        age: between(20, 35),
        height_cm: between(178, 190),
        weight_kg: between(65, 90),
        skills: &[],
        needed: 30,
        open: true,
    },
    Call {
        production: "lingyan-pavilion",
        role: ("僧人", "Monks"),
        about: (
            "寺院诵经场面，需剃光头或接受光头头套；会念经者优先。",
            "Temple chanting scenes; shaved heads or bald caps. Those who can chant sutras preferred.",
        ),
        location: "dazhi-temple",
        call_time: "07:00",
        start: 25,
        days: 2,
        deadline: 18,
        pay_yuan: 220,
        gender: M,
        age: between(25, 60),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 20,
        open: true,
    },
    Call {
        production: "lingyan-pavilion",
        role: ("路人", "Passers-by"),
        about: ("长安街景路人，男女老少不限。", "Chang'an street passers-by, any gender and age."),
        location: "spring-autumn-tang-garden",
        call_time: "06:00",
        start: -10,
        days: 3,
        deadline: -14,
        pay_yuan: 150,
        gender: None,
        age: between(18, 65),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 60,
        open: false,
    },
    // 秦川烽火 (Qin).
    Call {
        production: "qin-beacons",
        role: ("秦军士兵", "Qin soldiers"),
        about: (
            "阅兵与攻城大场面，穿秦甲持戈，体力要求高；请勿佩戴首饰、勿染发。",
            "Parade and siege set pieces in Qin armour with dagger-axes; physically demanding. No jewellery or dyed hair.",
        ),
        location: "qin-palace-plaza",
        call_time: "05:00",
        start: 20,
        days: 12,
        deadline: 12,
        pay_yuan: 200,
        gender: M,
        age: between(18, 40),
        height_cm: between(172, 188),
        weight_kg: between(60, 90),
        skills: &[],
        needed: 200,
        open: true,
    },
    Call {
        production: "qin-beacons",
        role: ("骑兵", "Cavalry"),
        about: (
            "需能独立控马小跑和疾驰；开拍前一天在车马行试马，试马不合格者不录用。",
            "You must control a horse alone at trot and gallop. Riding test at the horse yard the day before; riders who fail are released.",
        ),
        location: "qin-palace-gate-tower",
        call_time: "05:00",
        start: 22,
        days: 6,
        deadline: 14,
        pay_yuan: 550,
        gender: M,
        age: between(20, 40),
        height_cm: between(168, 185),
        weight_kg: between(55, 80),
        skills: &[Skill::HorseRiding],
        needed: 24,
        open: true,
    },
    Call {
        production: "qin-beacons",
        role: ("武打替身", "Stunt doubles"),
        about: (
            "城楼坠落与威亚打斗，需有武行经验并自带护具；现场配安全员和医护。",
            "Falls from the gate tower and wire fights; stunt-team experience and your own pads required. Safety officer and medic on set.",
        ),
        location: "qin-palace-gate-tower",
        call_time: "07:00",
        start: 24,
        days: 8,
        deadline: 15,
        pay_yuan: 600,
        gender: M,
        age: between(20, 35),
        height_cm: between(170, 182),
        weight_kg: between(60, 78),
        skills: &[Skill::MartialArts, Skill::Wirework],
        needed: 6,
        open: true,
    },
    Call {
        production: "qin-beacons",
        role: ("战车驭手", "Charioteers"),
        about: (
            "驾驭双马战车冲阵，需有驾车或长期骑马经验。",
            "Driving two-horse chariots in a charge; carriage-driving or long riding experience needed.",
        ),
        location: "spring-autumn-warring-states-city",
        call_time: "05:30",
        start: -15,
        days: 5,
        deadline: -20,
        pay_yuan: 500,
        gender: M,
        age: between(22, 45),
        height_cm: ANY,
        weight_kg: between(55, 85),
        skills: &[Skill::HorseRiding],
        needed: 8,
        open: false,
    },
    // 锦衣长歌 (Ming).
    Call {
        production: "brocade-guard",
        role: ("锦衣卫", "Brocade guards"),
        about: (
            "飞鱼服、绣春刀，需有基本刀剑功底；开拍前一天下午定妆。",
            "Flying-fish robes and xiuchun sabres; basic sword work needed. Costume fitting the afternoon before the first day.",
        ),
        location: "ming-qing-palace-meridian-gate",
        call_time: "05:30",
        start: 8,
        days: 10,
        deadline: 4,
        pay_yuan: 300,
        gender: M,
        age: between(20, 32),
        height_cm: between(178, 188),
        weight_kg: between(65, 85),
        skills: &[Skill::Swordplay],
        needed: 20,
        open: true,
    },
    Call {
        production: "brocade-guard",
        role: ("太监", "Eunuchs"),
        about: (
            "宫中太监，需剃净胡须，化妆组统一勾眉；身材偏瘦、嗓音细者优先。",
            "Palace eunuchs; clean-shaven, eyebrows done by make-up. Slim builds and light voices preferred.",
        ),
        location: "ming-qing-palace-taihe-hall",
        call_time: "06:00",
        start: 9,
        days: 6,
        deadline: 4,
        pay_yuan: 180,
        gender: M,
        age: between(20, 55),
        height_cm: at_most(178),
        weight_kg: at_most(75),
        skills: &[],
        needed: 24,
        open: true,
    },
    Call {
        production: "brocade-guard",
        role: ("京城百姓", "Capital crowds"),
        about: (
            "夜市大场面，收工约23点，剧组提供夜宵；请勿携带贵重物品。",
            "Night-market crowd scene wrapping around 23:00, late meal provided. Leave valuables at home.",
        ),
        location: "ming-qing-palace-capital-street",
        call_time: "15:00",
        start: 14,
        days: 4,
        deadline: 9,
        pay_yuan: 140,
        gender: None,
        age: between(18, 65),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 120,
        open: true,
    },
    Call {
        production: "brocade-guard",
        role: ("书生", "Scholars"),
        about: (
            "殿试场面，需在镜头前执笔书写，有毛笔字功底者优先。",
            "Palace examination scene; you write on camera with a brush, so calligraphy skills are preferred.",
        ),
        location: "ming-qing-palace-taihe-hall",
        call_time: "06:30",
        start: 16,
        days: 2,
        deadline: 10,
        pay_yuan: 200,
        gender: M,
        age: between(18, 30),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::Calligraphy],
        needed: 36,
        open: true,
    },
    Call {
        production: "brocade-guard",
        role: ("武打替身", "Stunt doubles"),
        about: (
            "屋顶追逐与吊威亚打斗，需有武行经验，自带护膝护肘。",
            "Rooftop chase and wire fights; stunt experience required, bring knee and elbow pads.",
        ),
        location: "ming-qing-palace-capital-street",
        call_time: "07:00",
        start: 18,
        days: 5,
        deadline: 11,
        pay_yuan: 580,
        gender: M,
        age: between(20, 35),
        height_cm: between(170, 183),
        weight_kg: between(58, 78),
        skills: &[Skill::MartialArts, Skill::Wirework],
        needed: 4,
        open: true,
    },
    Call {
        production: "brocade-guard",
        role: ("轿夫", "Sedan bearers"),
        about: (
            "抬四人官轿，需肩力好、步伐整齐。",
            "Carrying a four-bearer official sedan; strong shoulders and steady pace needed.",
        ),
        location: "ming-qing-palace-prince-mansion",
        call_time: "06:00",
        start: -8,
        days: 2,
        deadline: -12,
        pay_yuan: 180,
        gender: M,
        age: between(20, 45),
        height_cm: ANY,
        weight_kg: between(65, 95),
        skills: &[],
        needed: 16,
        open: false,
    },
    // 紫禁深秋 (Qing).
    Call {
        production: "late-autumn-palace",
        role: ("宫女", "Palace maids"),
        about: (
            "清宫戏，梳小两把头、穿花盆底鞋；长期戏（15天），能全程参与者优先。",
            "Qing palace drama with Manchu hairstyles and platform shoes; a 15-day block, so those available throughout are preferred.",
        ),
        location: "ming-qing-palace-imperial-garden",
        call_time: "05:30",
        start: 30,
        days: 15,
        deadline: 22,
        pay_yuan: 180,
        gender: F,
        age: between(18, 26),
        height_cm: between(160, 170),
        weight_kg: between(43, 56),
        skills: &[],
        needed: 50,
        open: true,
    },
    Call {
        production: "late-autumn-palace",
        role: ("西洋使团", "Western embassy members"),
        about: (
            "饰演乾隆年间来华使团成员，需能说简单英语台词；外籍或混血演员优先。",
            "Members of a European embassy to the Qianlong court, speaking simple English lines; foreign or mixed-heritage actors preferred.",
        ),
        location: "yuanming-xiyanglou",
        call_time: "07:00",
        start: 40,
        days: 3,
        deadline: 30,
        pay_yuan: 400,
        gender: None,
        age: between(25, 55),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::English],
        needed: 12,
        open: true,
    },
    Call {
        production: "late-autumn-palace",
        role: ("古琴乐师", "Guqin musician"),
        about: (
            "寿宴奏琴，需真实弹奏，近景拍手部；请提前准备《平沙落雁》片段。",
            "Playing at an imperial birthday banquet, for real and in hand close-ups; prepare an excerpt of 'Wild Geese on the Sandbank'.",
        ),
        location: "yuanming-zhengda-guangming",
        call_time: "08:00",
        start: 34,
        days: 2,
        deadline: 26,
        pay_yuan: 500,
        gender: F,
        age: between(18, 35),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::Guqin],
        needed: 2,
        open: true,
    },
    Call {
        production: "late-autumn-palace",
        role: ("嬷嬷", "Senior court nurses"),
        about: (
            "年长宫人，需气质严肃，化老年妆。",
            "Older palace women with a stern bearing; age make-up applied.",
        ),
        location: "ming-qing-palace-prince-mansion",
        call_time: "06:00",
        start: -5,
        days: 4,
        deadline: -10,
        pay_yuan: 180,
        gender: F,
        age: between(40, 60),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 10,
        open: false,
    },
    // 沪上烟云 (Republic).
    Call {
        production: "shanghai-haze",
        role: ("民国学生", "Republic-era students"),
        about: (
            "游行戏：男生穿学生装，女生穿蓝衫黑裙，需举标语、喊口号；女生请勿烫发染发。",
            "Street protest: boys in student tunics, girls in blue blouses and black skirts, carrying banners and chanting. Girls: no perms or dyed hair.",
        ),
        location: "guangzhou-street",
        call_time: "06:00",
        start: 5,
        days: 3,
        deadline: 2,
        pay_yuan: 160,
        gender: None,
        age: between(18, 24),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 60,
        open: true,
    },
    Call {
        production: "shanghai-haze",
        role: ("码头工人", "Dock workers"),
        about: (
            "扛麻包（道具，约10公斤），赤膊镜头较多，体格健壮者优先。",
            "Carrying sacks (props, about 10 kg) with many bare-chested shots; sturdy builds preferred.",
        ),
        location: "hong-kong-street-pier",
        call_time: "06:00",
        start: 6,
        days: 4,
        deadline: 3,
        pay_yuan: 200,
        gender: M,
        age: between(20, 45),
        height_cm: ANY,
        weight_kg: between(65, 95),
        skills: &[],
        needed: 40,
        open: true,
    },
    Call {
        production: "shanghai-haze",
        role: ("黄包车夫", "Rickshaw pullers"),
        about: (
            "拉黄包车载人小跑，开拍前有半天练车。",
            "Pulling rickshaws with passengers at a jog; half a day of practice before the shoot.",
        ),
        location: "hong-kong-street",
        call_time: "06:30",
        start: 10,
        days: 5,
        deadline: 6,
        pay_yuan: 260,
        gender: M,
        age: between(20, 45),
        height_cm: ANY,
        weight_kg: at_least(60),
        skills: &[],
        needed: 12,
        open: true,
    },
    Call {
        production: "shanghai-haze",
        role: ("舞女", "Ballroom dancers"),
        about: (
            "舞厅戏，需会交谊舞（狐步、探戈）；旗袍由剧组提供，请自带肉色丝袜和黑色高跟鞋。",
            "Dance-hall scenes; ballroom dancing (foxtrot, tango) required. Qipao provided; bring nude stockings and black heels.",
        ),
        location: "stage-9",
        call_time: "12:00",
        start: 12,
        days: 3,
        deadline: 7,
        pay_yuan: 400,
        gender: F,
        age: between(18, 30),
        height_cm: between(163, 175),
        weight_kg: between(43, 56),
        skills: &[Skill::Dance],
        needed: 20,
        open: true,
    },
    Call {
        production: "shanghai-haze",
        role: ("粤语街坊", "Cantonese-speaking locals"),
        about: (
            "广州街市井戏，需用粤语吆喝和对白。",
            "Guangzhou street life with hawking and lines in Cantonese.",
        ),
        location: "guangzhou-street",
        call_time: "07:00",
        start: 14,
        days: 2,
        deadline: 9,
        pay_yuan: 220,
        gender: None,
        age: between(18, 60),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::Cantonese],
        needed: 20,
        open: true,
    },
    Call {
        production: "shanghai-haze",
        role: ("司机", "Chauffeurs"),
        about: (
            "驾驶老式轿车（手动挡），需持驾照三年以上，开拍前一天试车。",
            "Driving vintage cars with manual gearboxes; a licence held three years or more. Test drive the day before.",
        ),
        location: "hong-kong-street",
        call_time: "07:00",
        start: 11,
        days: 3,
        deadline: 6,
        pay_yuan: 350,
        gender: M,
        age: between(25, 50),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::Driving],
        needed: 6,
        open: true,
    },
    Call {
        production: "shanghai-haze",
        role: ("巡捕", "Concession policemen"),
        about: (
            "租界巡捕，整齐列队、驱散人群。",
            "Concession police in formation, breaking up crowds.",
        ),
        location: "guangzhou-street",
        call_time: "06:00",
        start: -3,
        days: 4,
        deadline: -7,
        pay_yuan: 200,
        gender: M,
        age: between(22, 40),
        height_cm: at_least(175),
        weight_kg: ANY,
        skills: &[],
        needed: 20,
        open: false,
    },
    Call {
        production: "shanghai-haze",
        role: ("火车站旅客", "Station crowds"),
        about: ("逃难旅客，需携带包袱挤车。", "Refugees crowding onto a train with bundles."),
        location: "studio-park-railway-station",
        call_time: "05:30",
        start: -18,
        days: 2,
        deadline: -20,
        pay_yuan: 150,
        gender: None,
        age: between(18, 65),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 150,
        open: false,
    },
    // 汴京小食记 (Song).
    Call {
        production: "bianjing-kitchen",
        role: ("酒楼食客", "Tavern diners"),
        about: (
            "需在镜头前真实进食，报名时请注明忌口和过敏。",
            "You eat on camera, so list any dietary restrictions or allergies when you apply.",
        ),
        location: "qingming-market-street",
        call_time: "07:00",
        start: 3,
        days: 6,
        deadline: 1,
        pay_yuan: 150,
        gender: None,
        age: between(18, 60),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 60,
        open: true,
    },
    Call {
        production: "bianjing-kitchen",
        role: ("船工", "Boatmen"),
        about: (
            "撑船、装卸货物，部分镜头需下水，必须会游泳。",
            "Poling boats and loading cargo; some shots are in the water, so you must swim.",
        ),
        location: "qingming-bian-wharf",
        call_time: "06:00",
        start: 4,
        days: 3,
        deadline: 1,
        pay_yuan: 280,
        gender: M,
        age: between(20, 50),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::Swimming],
        needed: 10,
        open: true,
    },
    Call {
        production: "bianjing-kitchen",
        role: ("杂耍艺人", "Street acrobats"),
        about: (
            "虹桥街头杂耍，需有杂技基础，可自带擅长的小道具。",
            "Street acrobatics on the Rainbow Bridge; acrobatic training needed, bring small props you perform with.",
        ),
        location: "qingming-rainbow-bridge",
        call_time: "07:00",
        start: 7,
        days: 2,
        deadline: 3,
        pay_yuan: 480,
        gender: None,
        age: between(18, 40),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::Acrobatics],
        needed: 8,
        open: true,
    },
    Call {
        production: "bianjing-kitchen",
        role: ("小贩", "Street vendors"),
        about: (
            "街市摊贩，需会吆喝、摆摊。",
            "Market stall holders who can hawk and set out wares.",
        ),
        location: "qingming-market-street",
        call_time: "06:00",
        start: -12,
        days: 5,
        deadline: -16,
        pay_yuan: 150,
        gender: None,
        age: between(18, 65),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 40,
        open: false,
    },
    // 九霄问剑 (xianxia).
    Call {
        production: "nine-heavens-sword",
        role: ("仙门弟子", "Sect disciples"),
        about: (
            "剑阵群戏，开拍前在横店集训两天（集训日按半天结算）。",
            "Sword-formation ensemble; two training days in Hengdian beforehand, paid as half days.",
        ),
        location: "xianju-shenxianju",
        call_time: "05:00",
        start: 35,
        days: 6,
        deadline: 25,
        pay_yuan: 280,
        gender: None,
        age: between(18, 28),
        height_cm: between(165, 185),
        weight_kg: ANY,
        skills: &[Skill::Swordplay],
        needed: 40,
        open: true,
    },
    Call {
        production: "nine-heavens-sword",
        role: ("威亚替身", "Wire doubles"),
        about: (
            "女主御剑飞行替身，需有威亚经验，体重要求严格。",
            "Double for the lead actress's flying-sword shots; wire experience required, weight range is strict.",
        ),
        location: "stage-12",
        call_time: "08:00",
        start: 28,
        days: 10,
        deadline: 20,
        pay_yuan: 600,
        gender: F,
        age: between(18, 30),
        height_cm: between(160, 170),
        weight_kg: between(42, 52),
        skills: &[Skill::Wirework, Skill::MartialArts],
        needed: 4,
        open: true,
    },
    Call {
        production: "nine-heavens-sword",
        role: ("妖兵", "Demon soldiers"),
        about: (
            "全脸特效妆，化妆约两小时，凌晨4点到场；怕闷热者慎报。",
            "Full-face prosthetics taking about two hours, so you arrive at 04:00; not for those who mind heat.",
        ),
        location: "dream-valley",
        call_time: "04:00",
        start: 45,
        days: 4,
        deadline: 35,
        pay_yuan: 220,
        gender: M,
        age: between(18, 40),
        height_cm: at_least(172),
        weight_kg: ANY,
        skills: &[],
        needed: 60,
        open: true,
    },
    Call {
        production: "nine-heavens-sword",
        role: ("仙女", "Celestial maidens"),
        about: (
            "云海仙境群舞，需有舞蹈基础；外景山上风大，注意保暖。",
            "Group dance in a sea of clouds; dance training needed. It is windy on the peaks, so dress warm underneath.",
        ),
        location: "xinchang-chuanyan-peaks",
        call_time: "05:00",
        start: 50,
        days: 3,
        deadline: 40,
        pay_yuan: 260,
        gender: F,
        age: between(18, 26),
        height_cm: between(163, 172),
        weight_kg: ANY,
        skills: &[Skill::Dance],
        needed: 20,
        open: true,
    },
    Call {
        production: "nine-heavens-sword",
        role: ("山村村民", "Villagers"),
        about: (
            "山村逃难戏，男女老少不限。",
            "Villagers fleeing a mountain village, any age and gender.",
        ),
        location: "panan-wushi-village",
        call_time: "05:30",
        start: -20,
        days: 3,
        deadline: -25,
        pay_yuan: 160,
        gender: None,
        age: between(18, 65),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 50,
        open: false,
    },
    // 赤壁烽烟录 (Three Kingdoms).
    Call {
        production: "red-cliff-chronicle",
        role: ("水军", "Marines"),
        about: (
            "赤壁水战，水下棚拍摄，需能在水中连续拍摄两小时；剧组提供保暖衣物和热姜汤。",
            "The Red Cliff naval battle in the water stage; you must manage two hours in the water at a stretch. Warm clothes and hot ginger tea provided.",
        ),
        location: "water-stage",
        call_time: "07:00",
        start: 38,
        days: 5,
        deadline: 28,
        pay_yuan: 350,
        gender: M,
        age: between(20, 40),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::Swimming],
        needed: 30,
        open: true,
    },
    Call {
        production: "red-cliff-chronicle",
        role: ("谋士", "Advisers"),
        about: (
            "书院议事戏，需手持羽扇、气质儒雅。",
            "Councils in the academy with feather fans; a scholarly bearing.",
        ),
        location: "yongkang-wufeng-academy",
        call_time: "06:30",
        start: -6,
        days: 2,
        deadline: -9,
        pay_yuan: 250,
        gender: M,
        age: between(30, 60),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 6,
        open: false,
    },
    // 片场 (modern).
    Call {
        production: "on-set",
        role: ("医护人员", "Doctors and nurses"),
        about: (
            "医院戏，需自然地推病床、写病历；白大褂和护士服由剧组提供。",
            "Hospital scenes pushing trolleys and writing charts naturally; white coats and scrubs provided.",
        ),
        location: "studio-park-hospital",
        call_time: "08:00",
        start: 2,
        days: 3,
        deadline: 0,
        pay_yuan: 200,
        gender: None,
        age: between(22, 45),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 15,
        open: true,
    },
    Call {
        production: "on-set",
        role: ("路人", "Pedestrians"),
        about: (
            "都市街景，请自备两套颜色不同的日常便装，避免大logo和纯白纯黑。",
            "City street scenes; bring two changes of everyday clothes in different colours, no big logos and no pure white or black.",
        ),
        location: "studio-park-modern-street",
        call_time: "07:30",
        start: 4,
        days: 2,
        deadline: 1,
        pay_yuan: 120,
        gender: None,
        age: between(18, 65),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 100,
        open: true,
    },
    Call {
        production: "on-set",
        role: ("片场场工", "Crew extras"),
        about: (
            "饰演片场工作人员，需自然地搬灯、拉线。",
            "Playing crew members, moving lamps and running cables naturally.",
        ),
        location: "stage-4",
        call_time: "08:00",
        start: -2,
        days: 1,
        deadline: -4,
        pay_yuan: 150,
        gender: None,
        age: between(20, 50),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 20,
        open: false,
    },
    // 关东雪 (Qing, Liaoning).
    Call {
        production: "guandong-snow",
        role: ("猎户", "Hunters"),
        about: (
            "雪林外景，气温可低至零下20度，剧组提供军大衣和暖宝宝；需能骑马在雪地行进。",
            "Snow-forest exteriors down to −20 °C; army greatcoats and heat packs provided. You must ride through snow.",
        ),
        location: "liaoning-snow-forest",
        call_time: "06:30",
        start: 55,
        days: 6,
        deadline: 45,
        pay_yuan: 350,
        gender: M,
        age: between(25, 55),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[Skill::HorseRiding],
        needed: 15,
        open: true,
    },
    Call {
        production: "guandong-snow",
        role: ("八旗骑兵", "Banner cavalry"),
        about: (
            "城外列阵冲锋，需熟练骑马。",
            "Cavalry drawn up and charging outside the walls; confident riders only.",
        ),
        location: "liaoning-hetuala",
        call_time: "05:30",
        start: -14,
        days: 5,
        deadline: -18,
        pay_yuan: 550,
        gender: M,
        age: between(20, 40),
        height_cm: ANY,
        weight_kg: between(55, 85),
        skills: &[Skill::HorseRiding],
        needed: 30,
        open: false,
    },
    // 大漠孤城 (Tang, Xinjiang).
    Call {
        production: "desert-citadel",
        role: ("驼队商人", "Caravan merchants"),
        about: (
            "丝路驼队，需能耐高温、不惧骆驼；肤色偏深、有胡须者优先。",
            "A Silk Road caravan; you must cope with heat and camels. Darker complexions and beards preferred.",
        ),
        location: "xinjiang-kumtag-desert",
        call_time: "05:00",
        start: 45,
        days: 7,
        deadline: 30,
        pay_yuan: 400,
        gender: M,
        age: between(25, 55),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 20,
        open: true,
    },
    Call {
        production: "desert-citadel",
        role: ("胡旋舞姬", "Sogdian whirl dancers"),
        about: (
            "边城酒肆胡旋舞，需有舞蹈基础，能连续旋转。",
            "Whirling dance in a frontier tavern; dance training and sustained spins required.",
        ),
        location: "xinjiang-gobi-fortress",
        call_time: "06:00",
        start: 50,
        days: 3,
        deadline: 35,
        pay_yuan: 500,
        gender: F,
        age: between(18, 30),
        height_cm: between(160, 172),
        weight_kg: ANY,
        skills: &[Skill::Dance],
        needed: 12,
        open: true,
    },
    // 横漂日记 (documentary).
    Call {
        production: "hengdian-days",
        role: ("受访群演", "Interviewees"),
        about: (
            "纪录片采访，讲述你在横店做群演的经历，约两小时，无需化妆。",
            "A documentary interview about your life as an extra in Hengdian; about two hours, no make-up.",
        ),
        location: "studio-park-modern-street",
        call_time: "14:00",
        start: 10,
        days: 1,
        deadline: 5,
        pay_yuan: 100,
        gender: None,
        age: at_least(18),
        height_cm: ANY,
        weight_kg: ANY,
        skills: &[],
        needed: 10,
        open: true,
    },
];

/// The practical line for a call, depending on how far the location is from Hengdian.
fn logistics(call_time: &str, location: &SeedLocation) -> (String, String) {
    let (zh, en) = (&location.name_zh, &location.name_en);
    match location.base {
        Base::Hengdian => (
            format!("{call_time}在{zh}集合，剧组提供盒饭，日薪当天结清。"),
            format!(
                "Call time {call_time} at {en}; boxed meals provided, paid at the end of each day."
            ),
        ),
        Base::Xinjiang | Base::Liaoning => (
            format!("剧组承担往返交通与食宿，出发前一天在横店集中；每日{call_time}在{zh}开工。"),
            format!(
                "Travel, board and lodging paid; the group leaves Hengdian the day before. Daily call {call_time} at {en}."
            ),
        ),
        _ => (
            format!("{call_time}在横店影视城游客中心乘班车前往{zh}，剧组安排食宿。"),
            format!(
                "The crew bus leaves the Hengdian visitor centre at {call_time} for {en}; board and lodging provided."
            ),
        ),
    }
}

impl Call {
    fn to_seed(&self, location: &SeedLocation) -> SeedCall {
        let (how_zh, how_en) = logistics(self.call_time, location);
        SeedCall {
            production_code: self.production,
            role_zh: self.role.0.to_owned(),
            role_en: self.role.1.to_owned(),
            description_zh: format!("{}{how_zh}", self.about.0),
            description_en: format!("{} {how_en}", self.about.1),
            location_slug: self.location.to_owned(),
            start_offset_days: self.start,
            duration_days: self.days,
            deadline_offset_days: self.deadline,
            pay_per_day_fen: self.pay_yuan * 100,
            gender: self.gender,
            age_min: self.age.0,
            age_max: self.age.1,
            height_min_cm: self.height_cm.0,
            height_max_cm: self.height_cm.1,
            weight_min_kg: self.weight_kg.0,
            weight_max_kg: self.weight_kg.1,
            skills: self.skills.to_vec(),
            needed: self.needed,
            open: self.open,
        }
    }
}

/// Every seed casting call, in table order.
pub fn casting_calls() -> Vec<SeedCall> {
    let places = locations();
    CALLS
        .iter()
        .map(|call| {
            let place = places
                .iter()
                .find(|l| l.slug == call.location)
                .unwrap_or_else(|| panic!("call for unknown location {}", call.location));
            call.to_seed(place)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::suppliers::PRODUCTIONS;
    use super::*;

    fn ordered(range: (Option<i64>, Option<i64>)) -> bool {
        match range {
            (Some(min), Some(max)) => min <= max,
            _ => true,
        }
    }

    #[test]
    fn enough_open_and_closed_calls() {
        let calls = casting_calls();
        assert!(calls.len() >= 44, "only {} calls", calls.len());
        let open = calls.iter().filter(|c| c.open).count();
        assert!((32..=38).contains(&open), "{open} open");
        assert!(calls.len() - open >= 10);
    }

    #[test]
    fn calls_point_at_known_productions_and_locations() {
        let slugs: Vec<String> = locations().into_iter().map(|l| l.slug).collect();
        for c in casting_calls() {
            let production = PRODUCTIONS.iter().find(|p| p.code == c.production_code);
            let production = production.unwrap_or_else(|| panic!("unknown {}", c.production_code));
            if c.open {
                assert!(production.verified, "open call for unverified {}", production.code);
            }
            assert!(slugs.contains(&c.location_slug), "unknown location {}", c.location_slug);
        }
    }

    #[test]
    fn unverified_productions_have_no_calls() {
        let calls = casting_calls();
        for p in PRODUCTIONS.iter().filter(|p| !p.verified) {
            assert!(calls.iter().all(|c| c.production_code != p.code), "{}", p.code);
        }
    }

    #[test]
    fn dates_pay_and_ranges_are_sane() {
        for c in casting_calls() {
            assert!((-20..=60).contains(&c.start_offset_days), "{}", c.role_en);
            assert!((1..=20).contains(&c.duration_days));
            assert!(c.deadline_offset_days < c.start_offset_days, "{}", c.role_en);
            if c.open {
                assert!(
                    c.deadline_offset_days >= 0,
                    "open call {} already past deadline",
                    c.role_en
                );
            }
            assert!((10_000..=60_000).contains(&c.pay_per_day_fen));
            assert!((2..=200).contains(&c.needed));
            assert!(ordered((c.age_min, c.age_max)));
            assert!(ordered((c.height_min_cm, c.height_max_cm)));
            assert!(ordered((c.weight_min_kg, c.weight_max_kg)));
            assert!(c.age_min.is_none_or(|a| a >= 18));
            assert!(!c.description_zh.is_empty() && !c.description_en.is_empty());
        }
    }

    #[test]
    fn skilled_roles_pay_more_and_require_their_skill() {
        let calls = casting_calls();
        let average = |skilled: bool| {
            let pays: Vec<i64> = calls
                .iter()
                .filter(|c| c.skills.is_empty() != skilled)
                .map(|c| c.pay_per_day_fen)
                .collect();
            pays.iter().sum::<i64>() / pays.len() as i64
        };
        assert!(average(true) > average(false));
        let cavalry = calls.iter().find(|c| c.role_en == "Cavalry").unwrap();
        assert!(cavalry.skills.contains(&Skill::HorseRiding));
        for stunt in calls.iter().filter(|c| c.role_en == "Stunt doubles") {
            assert!(
                stunt.skills.contains(&Skill::MartialArts)
                    && stunt.skills.contains(&Skill::Wirework)
            );
        }
    }

    #[test]
    fn deterministic() {
        assert_eq!(format!("{:?}", casting_calls()), format!("{:?}", casting_calls()));
    }
}
