//! Seed locations: Hengdian's sets and sub-sets, the studio park's sound stages and the outlying bases.

use super::model::*;
use super::suppliers::{
    HENGDIAN_SETS, HENGDIAN_STAGES, LIAONING_BASE, XINJIANG_BASE, ZHEJIANG_BASES,
};
use domain::vocab::*;

/// One row of the location table; turned into a `SeedLocation` by `locations()`.
struct Site {
    slug: &'static str,
    zh: &'static str,
    en: &'static str,
    pinyin: &'static str,
    kind: LocationKind,
    eras: &'static [Era],
    setting: Setting,
    base: Base,
    at: (f64, f64),
    area_m2: i64,
    facilities: &'static [Facility],
    rate_yuan: i64,
    changeover_min: i64,
    about_zh: &'static str,
    about_en: &'static str,
    operator: &'static str,
}

impl Site {
    fn to_seed(&self) -> SeedLocation {
        SeedLocation {
            slug: self.slug.to_owned(),
            name_zh: self.zh.to_owned(),
            name_en: self.en.to_owned(),
            name_pinyin: self.pinyin.to_owned(),
            kind: self.kind,
            eras: self.eras.to_vec(),
            setting: self.setting,
            base: self.base,
            lat: self.at.0,
            lon: self.at.1,
            area_m2: self.area_m2,
            facilities: self.facilities.to_vec(),
            hourly_rate_yuan: self.rate_yuan,
            changeover_min: self.changeover_min,
            description_zh: self.about_zh.to_owned(),
            description_en: self.about_en.to_owned(),
            operator_code: self.operator,
        }
    }
}

/// A large set in town with everything a big crew needs.
const FULL_SET: &[Facility] = &[
    Facility::MakeupRoom,
    Facility::VehicleAccess,
    Facility::Power,
    Facility::Parking,
    Facility::Accommodation,
    Facility::Canteen,
];
/// A hall or interior inside a larger set: no vehicles at the door.
const HALL: &[Facility] = &[
    Facility::MakeupRoom,
    Facility::Power,
    Facility::Parking,
    Facility::Accommodation,
    Facility::Canteen,
];
/// An outdoor part of a set in town.
const OPEN_SET: &[Facility] = &[
    Facility::VehicleAccess,
    Facility::Power,
    Facility::Parking,
    Facility::Accommodation,
    Facility::Canteen,
];
/// A built interior in the studio park.
const INTERIOR: &[Facility] = &[
    Facility::MakeupRoom,
    Facility::Power,
    Facility::Parking,
    Facility::Accommodation,
    Facility::Canteen,
    Facility::Soundproof,
];
/// An old village or town with guesthouses and mains power.
const VILLAGE: &[Facility] = &[
    Facility::VehicleAccess,
    Facility::Power,
    Facility::Parking,
    Facility::Accommodation,
];
/// Scenery reached on foot from a car park.
const WILD: &[Facility] = &[Facility::Parking, Facility::Accommodation];
/// Remote scenery with a road to the edge of it.
const WILD_ROAD: &[Facility] = &[Facility::VehicleAccess, Facility::Parking];

const SETS: &[Site] = &[
    // Hengdian, south of the town.
    Site {
        slug: "qin-palace",
        zh: "秦王宫",
        en: "Qin Palace",
        pinyin: "qinwanggong",
        kind: LocationKind::Palace,
        eras: &[Era::QinHan, Era::PreQin],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.142800, 120.297800),
        area_m2: 800_000,
        facilities: FULL_SET,
        rate_yuan: 6_000,
        changeover_min: 120,
        about_zh: "整座秦王宫，城墙环绕，27座大型建筑沿中轴线排开。适合千人以上的朝会、攻城与大场面戏，需提前两周协调清场。",
        about_en: "The whole walled Qin Palace, 27 large buildings on one axis. Suits court assemblies, sieges and crowd scenes of a thousand extras or more; clearing the public needs two weeks' notice.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qin-palace-main-hall",
        zh: "秦王宫·四海归一殿",
        en: "Qin Palace – Hall of Unification",
        pinyin: "qinwanggongsihaiguiyidian",
        kind: LocationKind::Palace,
        eras: &[Era::QinHan, Era::PreQin, Era::Fantasy],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.144700, 120.297500),
        area_m2: 16_000,
        facilities: HALL,
        rate_yuan: 4_500,
        changeover_min: 90,
        about_zh: "主殿分前殿、过殿、后殿，殿前99级台阶。适合上朝、登基、觐见戏；殿内高旷，需自带大功率灯具。",
        about_en: "The main hall with front, passage and rear halls above 99 steps. Suits audiences, coronations and throne-room scenes; the interior is very tall, so bring high-output lighting.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qin-palace-gate-tower",
        zh: "秦王宫·城楼",
        en: "Qin Palace – Gate Tower",
        pinyin: "qinwanggongchenglou",
        kind: LocationKind::Fortress,
        eras: &[Era::QinHan, Era::PreQin, Era::ThreeKingdoms],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.140500, 120.297700),
        area_m2: 9_000,
        facilities: OPEN_SET,
        rate_yuan: 3_000,
        changeover_min: 60,
        about_zh: "高近28米的城楼与东西箭楼，城墙上可站弓箭手。适合守城、出征、城门对峙，城头机位需安全绳。",
        about_en: "A 28 m gate tower with east and west arrow towers; archers can line the wall walk. Suits sieges, departing armies and stand-offs at the gate; camera positions on the wall need safety lines.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qin-palace-plaza",
        zh: "秦王宫·宫前广场",
        en: "Qin Palace – Front Plaza",
        pinyin: "qinwanggonggongqianguangchang",
        kind: LocationKind::Palace,
        eras: &[Era::QinHan, Era::PreQin],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.142200, 120.297900),
        area_m2: 40_000,
        facilities: OPEN_SET,
        rate_yuan: 3_500,
        changeover_min: 60,
        about_zh: "可容纳上万人的广场，八根龙柱环立。适合阅兵、祭祀与大规模群演；夏季正午无遮阴，注意群演防暑。",
        about_en: "A plaza that holds ten thousand, ringed by eight dragon columns. Suits parades, sacrifices and mass extras; no shade at midday in summer, so plan water and rest for the crowd.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qin-palace-qin-han-street",
        zh: "秦王宫·秦汉街",
        en: "Qin Palace – Qin-Han Street",
        pinyin: "qinwanggongqinhanjie",
        kind: LocationKind::Street,
        eras: &[Era::QinHan, Era::PreQin, Era::ThreeKingdoms],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.141800, 120.295000),
        area_m2: 12_000,
        facilities: OPEN_SET,
        rate_yuan: 1_800,
        changeover_min: 45,
        about_zh: "黄土路面、汉式店铺的古街市。适合市集、追逐与行刑戏，土路可洒水压尘。",
        about_en: "An ancient market street of packed earth lined with Han-style shops. Suits markets, chases and execution scenes; the dirt road can be watered down to keep dust low.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "spring-autumn-tang-garden",
        zh: "春秋·唐园",
        en: "Spring & Autumn City and Tang Garden",
        pinyin: "chunqiutangyuan",
        kind: LocationKind::Palace,
        eras: &[Era::PreQin, Era::Tang, Era::Fantasy],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.138000, 120.292000),
        area_m2: 300_000,
        facilities: FULL_SET,
        rate_yuan: 4_000,
        changeover_min: 120,
        about_zh: "春秋战国城与唐代宫苑连成一片的大型景区。可整体预订用于跨朝代剧组的集中拍摄。",
        about_en: "The Warring States city and the Tang palace garden as one large site. Book it whole when a production needs several eras in one block.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "spring-autumn-warring-states-city",
        zh: "春秋·唐园·春秋战国城",
        en: "Spring & Autumn City – Warring States Town",
        pinyin: "chunqiutangyuanchunqiuzhanguocheng",
        kind: LocationKind::Fortress,
        eras: &[Era::PreQin, Era::QinHan],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.137200, 120.290500),
        area_m2: 60_000,
        facilities: OPEN_SET,
        rate_yuan: 2_500,
        changeover_min: 60,
        about_zh: "夯土城墙、列国街巷与城门。适合诸侯争霸、攻城与游说戏，城外有空地可布置营帐。",
        about_en: "Rammed-earth walls, state streets and gates. Suits Warring States intrigue and sieges; open ground outside the wall takes army camps.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "tang-garden-palace",
        zh: "春秋·唐园·唐宫",
        en: "Tang Garden – Tang Palace",
        pinyin: "chunqiutangyuantanggong",
        kind: LocationKind::Palace,
        eras: &[Era::Tang, Era::Fantasy],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.139000, 120.293800),
        area_m2: 20_000,
        facilities: HALL,
        rate_yuan: 3_500,
        changeover_min: 90,
        about_zh: "斗拱硕大、朱柱白墙的唐风宫殿与回廊。适合唐代宫廷、宴乐与舞蹈戏。",
        about_en: "Tang-style halls and galleries with heavy brackets, red columns and white walls. Suits Tang court, banquet and dance scenes.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qingming-shanghe",
        zh: "清明上河图",
        en: "Along the River During the Qingming Festival",
        pinyin: "qingmingshanghetu",
        kind: LocationKind::Street,
        eras: &[Era::Song, Era::Ming],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.147800, 120.320500),
        area_m2: 400_000,
        facilities: FULL_SET,
        rate_yuan: 5_000,
        changeover_min: 120,
        about_zh: "按名画复原的北宋汴京城：汴河、虹桥、街市、城门与宅院。整体预订适合长周期宋代戏。",
        about_en: "Northern Song Bianjing rebuilt from the famous scroll: the Bian river, Rainbow Bridge, markets, gates and courtyards. Book it whole for long Song-era shoots.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qingming-bian-wharf",
        zh: "清明上河图·汴河码头",
        en: "Qingming Riverside – Bian River Wharf",
        pinyin: "qingmingshanghetubianhematou",
        kind: LocationKind::Street,
        eras: &[Era::Song, Era::Ming],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.147000, 120.322200),
        area_m2: 8_000,
        facilities: OPEN_SET,
        rate_yuan: 2_200,
        changeover_min: 60,
        about_zh: "汴河边的石砌码头，可停泊两艘仿古货船。适合装卸、漕运与落水戏，水深约1.2米。",
        about_en: "A stone wharf on the Bian river where two replica cargo boats can moor. Suits loading, canal trade and falling-in-the-water scenes; the water is about 1.2 m deep.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qingming-rainbow-bridge",
        zh: "清明上河图·虹桥",
        en: "Qingming Riverside – Rainbow Bridge",
        pinyin: "qingmingshanghetuhongqiao",
        kind: LocationKind::Street,
        eras: &[Era::Song],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.148200, 120.321000),
        area_m2: 3_000,
        facilities: OPEN_SET,
        rate_yuan: 2_000,
        changeover_min: 45,
        about_zh: "木构拱桥，桥上可摆摊。适合相遇、追逐与节庆人流戏，桥面承重有限，群演不超过80人。",
        about_en: "The timber arch bridge, with room for stalls on the deck. Suits meetings, chases and festival crowds; load is limited to 80 extras on the bridge.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qingming-market-street",
        zh: "清明上河图·汴京街市",
        en: "Qingming Riverside – Bianjing Market Street",
        pinyin: "qingmingshanghetubianjingjieshi",
        kind: LocationKind::Street,
        eras: &[Era::Song, Era::Ming],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.148800, 120.319600),
        area_m2: 25_000,
        facilities: OPEN_SET,
        rate_yuan: 2_500,
        changeover_min: 60,
        about_zh: "酒楼、茶肆、药铺林立的主街，店铺内景可用。适合市井生活、美食与夜市戏。",
        about_en: "The main street of taverns, teahouses and apothecaries, with usable shop interiors. Suits everyday city life, food scenes and night markets.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "qingming-shangshan-gate",
        zh: "清明上河图·上善门",
        en: "Qingming Riverside – Shangshan Gate",
        pinyin: "qingmingshanghetushangshanmen",
        kind: LocationKind::Fortress,
        eras: &[Era::Song, Era::Ming],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.149600, 120.318800),
        area_m2: 6_000,
        facilities: OPEN_SET,
        rate_yuan: 2_000,
        changeover_min: 45,
        about_zh: "汴京城门与瓮城。适合进出城、盘查与城门告示戏。",
        about_en: "A Bianjing city gate with its barbican. Suits entering the city, checkpoints and notices posted at the gate.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "ming-qing-folk-houses",
        zh: "明清民居博览城",
        en: "Ming-Qing Folk Houses",
        pinyin: "mingqingminjubolancheng",
        kind: LocationKind::Village,
        eras: &[Era::Ming, Era::Qing, Era::Republic],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.135200, 120.314500),
        area_m2: 300_000,
        facilities: FULL_SET,
        rate_yuan: 3_000,
        changeover_min: 90,
        about_zh: "从各地迁建的明清古民居、祠堂与牌坊。适合宅门、家族与乡村戏，内景多为真实老宅，禁止明火。",
        about_en: "Ming and Qing houses, ancestral halls and arches moved here from across China. Suits family sagas and village life; many interiors are genuine old houses, so no naked flames.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "ming-qing-folk-houses-hui",
        zh: "明清民居博览城·徽派民居",
        en: "Ming-Qing Folk Houses – Huizhou Houses",
        pinyin: "mingqingminjubolanchenghuipaiminju",
        kind: LocationKind::Village,
        eras: &[Era::Ming, Era::Qing],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.134500, 120.313000),
        area_m2: 20_000,
        facilities: HALL,
        rate_yuan: 1_500,
        changeover_min: 60,
        about_zh: "白墙黛瓦、马头墙与天井的徽派宅院。适合大户人家、商帮与闺阁戏。",
        about_en: "Huizhou courtyards with white walls, dark tiles, horse-head gables and light wells. Suits wealthy households, merchant clans and women's quarters.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "ming-qing-folk-houses-water-town",
        zh: "明清民居博览城·江南水乡",
        en: "Ming-Qing Folk Houses – Jiangnan Water Town",
        pinyin: "mingqingminjubolanchengjiangnanshuixiang",
        kind: LocationKind::Village,
        eras: &[Era::Ming, Era::Qing, Era::Republic],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.136000, 120.316000),
        area_m2: 25_000,
        facilities: OPEN_SET,
        rate_yuan: 1_800,
        changeover_min: 60,
        about_zh: "小桥流水、临河民居与乌篷船。适合江南小镇、雨景与船上戏，可预约人工降雨。",
        about_en: "Canals, small bridges, waterside houses and awning boats. Suits Jiangnan town life, rain and boat scenes; rain towers can be booked.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "dream-valley",
        zh: "梦幻谷",
        en: "Dream Valley",
        pinyin: "menghuangu",
        kind: LocationKind::Natural,
        eras: &[Era::Fantasy, Era::PreQin],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.155800, 120.323200),
        area_m2: 150_000,
        facilities: FULL_SET,
        rate_yuan: 2_500,
        changeover_min: 90,
        about_zh: "人造溶洞、瀑布、火山与暴雨山洪特效场。适合仙侠、灾难与部落戏，特效演示需与景区技术组提前排期。",
        about_en: "Man-made caves, waterfalls, a volcano and flash-flood effects. Suits xianxia, disaster and tribal scenes; book effects runs with the park's technical team in advance.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "dazhi-temple",
        zh: "大智禅寺",
        en: "Dazhi Temple",
        pinyin: "dazhichansi",
        kind: LocationKind::Temple,
        eras: &[Era::Tang, Era::Song, Era::Ming],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.133500, 120.305000),
        area_m2: 60_000,
        facilities: HALL,
        rate_yuan: 2_000,
        changeover_min: 60,
        about_zh: "八面山下的禅寺，大雄宝殿内有巨型室内佛像。适合寺院、祈福与武僧戏，殿内请保持安静、不得攀爬佛像。",
        about_en: "A Chan temple below Bamian Mountain whose main hall holds a giant indoor Buddha. Suits monastery, prayer and warrior-monk scenes; keep noise down in the hall and never climb the statue.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "bamian-mountain",
        zh: "八面山",
        en: "Bamian Mountain",
        pinyin: "bamianshan",
        kind: LocationKind::Natural,
        eras: &[Era::Fantasy, Era::Song, Era::Ming],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.130000, 120.309000),
        area_m2: 1_200_000,
        facilities: WILD,
        rate_yuan: 600,
        changeover_min: 30,
        about_zh: "镇南的丘陵竹林与山道。适合赶路、伏击与竹林打斗，车辆只能到山脚。",
        about_en: "Wooded hills, bamboo groves and paths south of town. Suits journeys, ambushes and bamboo-grove fights; vehicles stop at the foot of the hill.",
        operator: HENGDIAN_SETS,
    },
    // Hengdian, north of the town.
    Site {
        slug: "ming-qing-palace",
        zh: "明清宫苑",
        en: "Ming-Qing Palace",
        pinyin: "mingqinggongyuan",
        kind: LocationKind::Palace,
        eras: &[Era::Ming, Era::Qing],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.188500, 120.316000),
        area_m2: 660_000,
        facilities: FULL_SET,
        rate_yuan: 6_000,
        changeover_min: 120,
        about_zh: "按1:1复原的紫禁城宫殿群，含皇城、王府与京城街巷。整体预订用于大型宫廷剧。",
        about_en: "A 1:1 rebuild of the Forbidden City with the imperial city, princes' mansions and Beijing streets. Book it whole for large court dramas.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "ming-qing-palace-taihe-hall",
        zh: "明清宫苑·太和殿",
        en: "Ming-Qing Palace – Hall of Supreme Harmony",
        pinyin: "mingqinggongyuantaihedian",
        kind: LocationKind::Palace,
        eras: &[Era::Qing, Era::Ming],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.190500, 120.316200),
        area_m2: 18_000,
        facilities: HALL,
        rate_yuan: 5_500,
        changeover_min: 120,
        about_zh: "金銮宝座、蟠龙金柱与三层汉白玉台基。适合登基、大朝会与殿试戏；殿内地砖需铺保护垫。",
        about_en: "The golden throne, dragon-wrapped columns and three-tier marble terrace. Suits enthronements, grand audiences and palace examinations; floor protection is required inside.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "ming-qing-palace-meridian-gate",
        zh: "明清宫苑·午门",
        en: "Ming-Qing Palace – Meridian Gate",
        pinyin: "mingqinggongyuanwumen",
        kind: LocationKind::Fortress,
        eras: &[Era::Ming, Era::Qing],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.186200, 120.316000),
        area_m2: 12_000,
        facilities: OPEN_SET,
        rate_yuan: 3_500,
        changeover_min: 60,
        about_zh: "凹字形城门楼与门前广场。适合午门外候朝、廷杖、献俘戏。",
        about_en: "The U-shaped gate tower and its forecourt. Suits officials waiting for audience, court floggings and presentations of captives.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "ming-qing-palace-imperial-garden",
        zh: "明清宫苑·御花园",
        en: "Ming-Qing Palace – Imperial Garden",
        pinyin: "mingqinggongyuanyuhuayuan",
        kind: LocationKind::Garden,
        eras: &[Era::Qing, Era::Ming],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.192500, 120.316500),
        area_m2: 12_000,
        facilities: OPEN_SET,
        rate_yuan: 2_500,
        changeover_min: 45,
        about_zh: "假山、亭台与古树。适合后宫赏花、偶遇与密谈戏，春秋两季最出片。",
        about_en: "Rockeries, pavilions and old trees. Suits harem strolls, chance meetings and whispered plots; best in spring and autumn.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "ming-qing-palace-prince-mansion",
        zh: "明清宫苑·王府",
        en: "Ming-Qing Palace – Prince's Mansion",
        pinyin: "mingqinggongyuanwangfu",
        kind: LocationKind::Palace,
        eras: &[Era::Qing, Era::Ming],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.188000, 120.319500),
        area_m2: 15_000,
        facilities: HALL,
        rate_yuan: 2_200,
        changeover_min: 60,
        about_zh: "多进四合院式王府，正厅、书房与后院内景齐全。适合王爷府邸、夺嫡与家宴戏。",
        about_en: "A multi-courtyard prince's mansion with reception hall, study and rear-court interiors. Suits princes' households, succession plots and family banquets.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "ming-qing-palace-capital-street",
        zh: "明清宫苑·京城街市",
        en: "Ming-Qing Palace – Capital Streets",
        pinyin: "mingqinggongyuanjingchengjieshi",
        kind: LocationKind::Street,
        eras: &[Era::Ming, Era::Qing],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.186000, 120.312500),
        area_m2: 30_000,
        facilities: OPEN_SET,
        rate_yuan: 2_400,
        changeover_min: 60,
        about_zh: "皇城外的北京街巷、胡同与店铺。适合京城市井、衙门与追捕戏。",
        about_en: "Beijing streets, hutongs and shops outside the imperial city. Suits capital street life, yamen scenes and pursuits.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "guangzhou-street",
        zh: "广州街",
        en: "Guangzhou Street",
        pinyin: "guangzhoujie",
        kind: LocationKind::Street,
        eras: &[Era::Republic, Era::Qing],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.182000, 120.301000),
        area_m2: 120_000,
        facilities: FULL_SET,
        rate_yuan: 3_000,
        changeover_min: 60,
        about_zh: "19世纪末至民国的广州骑楼街、西关大屋与珠江岸。适合清末民初、谍战与商战戏，有轨道可铺设黄包车线路。",
        about_en: "Late-19th-century to Republic-era Guangzhou: arcaded streets, Xiguan mansions and the Pearl River bank. Suits late-Qing, spy and merchant dramas; rickshaw routes can be laid.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "hong-kong-street",
        zh: "香港街",
        en: "Hong Kong Street",
        pinyin: "xianggangjie",
        kind: LocationKind::Street,
        eras: &[Era::Republic, Era::Qing],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.180800, 120.304800),
        area_m2: 100_000,
        facilities: FULL_SET,
        rate_yuan: 3_000,
        changeover_min: 60,
        about_zh: "殖民时期香港的西式洋楼、银行与电车街。适合租界、洋行与上海滩式街景，可通行老式汽车。",
        about_en: "Colonial-era Hong Kong: Western buildings, banks and a tram street. Also passes for Shanghai's concessions; vintage cars can drive through.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "hong-kong-street-pier",
        zh: "香港街·码头",
        en: "Hong Kong Street – Pier",
        pinyin: "xianggangjiematou",
        kind: LocationKind::Street,
        eras: &[Era::Republic, Era::Qing],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.179800, 120.306000),
        area_m2: 10_000,
        facilities: OPEN_SET,
        rate_yuan: 1_800,
        changeover_min: 45,
        about_zh: "货栈、吊杆与客轮栈桥。适合码头工人、走私与离别戏，夜戏需提前申请照明电源。",
        about_en: "Godowns, derricks and a passenger jetty. Suits dockers, smuggling and farewells; request lighting power in advance for night shoots.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "xiamen-street",
        zh: "厦门街",
        en: "Xiamen Street",
        pinyin: "xiamenjie",
        kind: LocationKind::Street,
        eras: &[Era::Republic, Era::Qing],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.183500, 120.303500),
        area_m2: 30_000,
        facilities: OPEN_SET,
        rate_yuan: 2_000,
        changeover_min: 45,
        about_zh: "闽南红砖骑楼与南洋风格商铺。适合侨乡、南洋与民国小城戏。",
        about_en: "Southern Fujian red-brick arcades and Nanyang-style shops. Suits overseas-Chinese hometowns, Nanyang stories and small Republic-era towns.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "yuanming-new-garden",
        zh: "圆明新园",
        en: "New Yuanmingyuan",
        pinyin: "yuanmingxinyuan",
        kind: LocationKind::Garden,
        eras: &[Era::Qing],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.176000, 120.345000),
        area_m2: 1_200_000,
        facilities: FULL_SET,
        rate_yuan: 6_000,
        changeover_min: 120,
        about_zh: "复建的圆明园，含春、夏、秋三苑与大片水面。适合清代皇家园林、游湖与大场面戏。",
        about_en: "The rebuilt Old Summer Palace with its spring, summer and autumn gardens and broad lakes. Suits Qing imperial gardens, boating and large set pieces.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "yuanming-xiyanglou",
        zh: "圆明新园·西洋楼",
        en: "New Yuanmingyuan – European Palaces",
        pinyin: "yuanmingxinyuanxiyanglou",
        kind: LocationKind::Palace,
        eras: &[Era::Qing, Era::Republic],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.179000, 120.348500),
        area_m2: 60_000,
        facilities: OPEN_SET,
        rate_yuan: 4_500,
        changeover_min: 90,
        about_zh: "巴洛克风格石构建筑与大水法喷泉。适合中西合璧的宫廷、使节与豪门戏，喷泉开启需另行预约。",
        about_en: "Baroque stone palaces and the great fountain. Suits East-meets-West court, embassy and high-society scenes; fountain runs are booked separately.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "yuanming-zhengda-guangming",
        zh: "圆明新园·正大光明殿",
        en: "New Yuanmingyuan – Hall of Uprightness",
        pinyin: "yuanmingxinyuanzhengdaguangmingdian",
        kind: LocationKind::Palace,
        eras: &[Era::Qing],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.174200, 120.342000),
        area_m2: 10_000,
        facilities: HALL,
        rate_yuan: 4_000,
        changeover_min: 90,
        about_zh: "园中听政正殿，殿内陈设完整。适合园居理政、寿宴与接见戏。",
        about_en: "The garden's main audience hall, fully furnished. Suits emperors governing from the garden, birthday banquets and receptions.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "pingyan-cave",
        zh: "屏岩洞府",
        en: "Pingyan Cave",
        pinyin: "pingyandongfu",
        kind: LocationKind::Natural,
        eras: &[Era::Fantasy, Era::Song, Era::Ming],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.197800, 120.293500),
        area_m2: 300_000,
        facilities: WILD_ROAD,
        rate_yuan: 800,
        changeover_min: 45,
        about_zh: "丹霞岩壁、洞窟与山间栈道。适合仙侠洞府、山寨与隐居戏，洞内需自备照明。",
        about_en: "Red sandstone cliffs, caves and mountain walkways. Suits immortals' grottoes, bandit lairs and hermitages; bring your own lights into the caves.",
        operator: HENGDIAN_SETS,
    },
    Site {
        slug: "huaxia-culture-park",
        zh: "华夏文化园",
        en: "Huaxia Culture Park",
        pinyin: "huaxiawenhuayuan",
        kind: LocationKind::Garden,
        eras: &[Era::PreQin, Era::Fantasy, Era::Tang],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.175200, 120.328500),
        area_m2: 200_000,
        facilities: OPEN_SET,
        rate_yuan: 1_500,
        changeover_min: 60,
        about_zh: "上古神话雕塑群、祭坛与开阔草坪。适合上古神话、祭天与仙侠外景。",
        about_en: "Sculptures of ancient myths, altars and open lawns. Suits mythological, heaven-worship and xianxia exteriors.",
        operator: HENGDIAN_SETS,
    },
    // Hengdian studio park backlots.
    Site {
        slug: "studio-park-modern-street",
        zh: "影视产业实验区·现代街区",
        en: "Studio Park – Modern Street Backlot",
        pinyin: "yingshichanyeshiyanquxiandaijiequ",
        kind: LocationKind::Modern,
        eras: &[Era::Modern],
        setting: Setting::Outdoor,
        base: Base::Hengdian,
        at: (29.183500, 120.335000),
        area_m2: 40_000,
        facilities: FULL_SET,
        rate_yuan: 1_500,
        changeover_min: 60,
        about_zh: "可换招牌的现代城市街区：便利店、咖啡馆、公交站与十字路口。适合都市剧外景，路面可封闭拍车戏。",
        about_en: "A modern city block with swappable signage: convenience store, café, bus stop and crossroads. Suits contemporary exteriors; the roads can be closed for driving scenes.",
        operator: HENGDIAN_STAGES,
    },
    Site {
        slug: "studio-park-hospital",
        zh: "影视产业实验区·医院",
        en: "Studio Park – Hospital Set",
        pinyin: "yingshichanyeshiyanquyiyuan",
        kind: LocationKind::Modern,
        eras: &[Era::Modern],
        setting: Setting::Indoor,
        base: Base::Hengdian,
        at: (29.184200, 120.336200),
        area_m2: 3_500,
        facilities: INTERIOR,
        rate_yuan: 900,
        changeover_min: 30,
        about_zh: "常设医院场景：急诊、病房、手术室与走廊。医疗道具齐全，可按需改为诊所。",
        about_en: "A standing hospital: A&E, wards, an operating theatre and corridors, fully dressed with medical props; can be redressed as a clinic.",
        operator: HENGDIAN_STAGES,
    },
    Site {
        slug: "studio-park-police-station",
        zh: "影视产业实验区·警局",
        en: "Studio Park – Police Station Set",
        pinyin: "yingshichanyeshiyanqujingju",
        kind: LocationKind::Modern,
        eras: &[Era::Modern],
        setting: Setting::Indoor,
        base: Base::Hengdian,
        at: (29.184600, 120.337000),
        area_m2: 2_500,
        facilities: INTERIOR,
        rate_yuan: 800,
        changeover_min: 30,
        about_zh: "常设公安局场景：接警大厅、办公区、审讯室与拘留室。适合刑侦与都市剧。",
        about_en: "A standing police station: front desk, open office, interview and holding rooms. Suits crime and contemporary dramas.",
        operator: HENGDIAN_STAGES,
    },
    Site {
        slug: "studio-park-railway-station",
        zh: "影视产业实验区·民国火车站",
        en: "Studio Park – Republic-Era Railway Station",
        pinyin: "yingshichanyeshiyanquminguohuochezhan",
        kind: LocationKind::Street,
        eras: &[Era::Republic, Era::Qing],
        setting: Setting::Mixed,
        base: Base::Hengdian,
        at: (29.182800, 120.333800),
        area_m2: 15_000,
        facilities: FULL_SET,
        rate_yuan: 1_800,
        changeover_min: 60,
        about_zh: "候车大厅、月台与一段铁轨，配蒸汽机车头与两节车厢。适合送别、站台刺杀与逃难戏。",
        about_en: "A waiting hall, platform and length of track with a steam locomotive and two carriages. Suits farewells, platform assassinations and refugee scenes.",
        operator: HENGDIAN_STAGES,
    },
    // Pan'an.
    Site {
        slug: "panan-wushi-village",
        zh: "磐安乌石村",
        en: "Pan'an Wushi Village",
        pinyin: "pananwushicun",
        kind: LocationKind::Village,
        eras: &[Era::Qing, Era::Ming, Era::Republic],
        setting: Setting::Outdoor,
        base: Base::PanAn,
        at: (29.044000, 120.438000),
        area_m2: 50_000,
        facilities: VILLAGE,
        rate_yuan: 600,
        changeover_min: 30,
        about_zh: "玄武岩黑石砌成的山村民居，色调沉郁。适合山村、逃难与抗战题材；村民仍在居住，需避开早晚出行时段。",
        about_en: "A hill village built of black basalt, sombre in tone. Suits mountain villages, refugee and wartime stories; villagers still live here, so avoid their morning and evening commute.",
        operator: ZHEJIANG_BASES,
    },
    Site {
        slug: "panan-shibawo",
        zh: "磐安十八涡",
        en: "Pan'an Eighteen Pools Gorge",
        pinyin: "pananshibawo",
        kind: LocationKind::Natural,
        eras: &[Era::Fantasy, Era::Song, Era::ThreeKingdoms],
        setting: Setting::Outdoor,
        base: Base::PanAn,
        at: (28.987000, 120.524000),
        area_m2: 400_000,
        facilities: WILD,
        rate_yuan: 500,
        changeover_min: 30,
        about_zh: "溪流在岩石上冲出的连串深潭与峡谷。适合溪边打斗、沐浴与仙侠外景，雨后水位上涨时暂停拍摄。",
        about_en: "A gorge of deep pools carved into the rock by a stream. Suits riverside fights, bathing and xianxia exteriors; shooting stops when water rises after rain.",
        operator: ZHEJIANG_BASES,
    },
    Site {
        slug: "panan-baizhang-pool",
        zh: "磐安百杖潭",
        en: "Pan'an Baizhang Waterfall",
        pinyin: "pananbaizhangtan",
        kind: LocationKind::Natural,
        eras: &[Era::Fantasy, Era::Tang, Era::Song],
        setting: Setting::Outdoor,
        base: Base::PanAn,
        at: (29.080000, 120.510000),
        area_m2: 200_000,
        facilities: WILD,
        rate_yuan: 500,
        changeover_min: 30,
        about_zh: "落差百米的瀑布与深潭。适合瀑下练功、跳崖与修仙戏，器材需人力搬运约20分钟。",
        about_en: "A hundred-metre waterfall and plunge pool. Suits training under the falls, cliff leaps and cultivation scenes; gear is carried in on foot, about 20 minutes.",
        operator: ZHEJIANG_BASES,
    },
    // Yongkang.
    Site {
        slug: "yongkang-fangyan",
        zh: "永康方岩",
        en: "Yongkang Fangyan Cliffs",
        pinyin: "yongkangfangyan",
        kind: LocationKind::Natural,
        eras: &[Era::Song, Era::Ming, Era::Fantasy],
        setting: Setting::Outdoor,
        base: Base::Yongkang,
        at: (28.987000, 120.199000),
        area_m2: 500_000,
        facilities: WILD_ROAD,
        rate_yuan: 700,
        changeover_min: 45,
        about_zh: "方山赤壁，山顶有古庙与石阶。适合山寨、绝壁与登山戏，山顶仅索道与步道可达。",
        about_en: "Square-topped red cliffs with an old temple and stone steps on top. Suits mountain strongholds, sheer cliffs and climbs; the summit is reached only by cableway or footpath.",
        operator: ZHEJIANG_BASES,
    },
    Site {
        slug: "yongkang-wufeng-academy",
        zh: "方岩·五峰书院",
        en: "Fangyan – Wufeng Academy",
        pinyin: "fangyanwufengshuyuan",
        kind: LocationKind::Temple,
        eras: &[Era::Song, Era::Ming],
        setting: Setting::Mixed,
        base: Base::Yongkang,
        at: (28.990500, 120.204000),
        area_m2: 5_000,
        facilities: VILLAGE,
        rate_yuan: 600,
        changeover_min: 30,
        about_zh: "建在巨大岩檐下的书院，雨天也能拍。适合书院讲学、隐士与读书人戏。",
        about_en: "An academy built under a huge rock overhang, shootable even in rain. Suits lectures, recluses and scholars.",
        operator: ZHEJIANG_BASES,
    },
    Site {
        slug: "yongkang-houwu-village",
        zh: "永康厚吴古村",
        en: "Yongkang Houwu Old Village",
        pinyin: "yongkanghouwugucun",
        kind: LocationKind::Village,
        eras: &[Era::Ming, Era::Qing],
        setting: Setting::Mixed,
        base: Base::Yongkang,
        at: (28.924000, 120.109000),
        area_m2: 80_000,
        facilities: VILLAGE,
        rate_yuan: 500,
        changeover_min: 30,
        about_zh: "以宗祠群闻名的明清古村。适合宗族、祠堂议事与乡绅戏。",
        about_en: "A Ming-Qing village known for its cluster of ancestral halls. Suits clan councils, ancestral-hall scenes and gentry stories.",
        operator: ZHEJIANG_BASES,
    },
    // Xinchang.
    Site {
        slug: "xinchang-dafo-temple",
        zh: "新昌大佛寺",
        en: "Xinchang Great Buddha Temple",
        pinyin: "xinchangdafosi",
        kind: LocationKind::Temple,
        eras: &[Era::ThreeKingdoms, Era::Tang, Era::Song],
        setting: Setting::Mixed,
        base: Base::Xinchang,
        at: (29.489000, 120.892000),
        area_m2: 150_000,
        facilities: VILLAGE,
        rate_yuan: 800,
        changeover_min: 45,
        about_zh: "始建于东晋的石窟寺，崖壁大佛与古刹相依。适合古寺、朝圣与高僧戏；宗教场所，需遵守寺方拍摄规定。",
        about_en: "A cave temple founded in the Eastern Jin, its cliff-carved Buddha beside old halls. Suits ancient temples, pilgrimages and eminent monks; an active religious site with its own filming rules.",
        operator: ZHEJIANG_BASES,
    },
    Site {
        slug: "xinchang-chuanyan-peaks",
        zh: "新昌穿岩十九峰",
        en: "Xinchang Nineteen Peaks",
        pinyin: "xinchangchuanyanshijiufeng",
        kind: LocationKind::Natural,
        eras: &[Era::Fantasy, Era::Tang],
        setting: Setting::Outdoor,
        base: Base::Xinchang,
        at: (29.387000, 120.870000),
        area_m2: 1_000_000,
        facilities: WILD_ROAD,
        rate_yuan: 700,
        changeover_min: 45,
        about_zh: "十九座丹霞峰林倒映在湖中，常作仙侠剧的仙门外景。适合航拍与御剑飞行合成背景。",
        about_en: "Nineteen red-rock peaks reflected in a lake, a favourite for xianxia sect gates. Good for aerials and plates for flying-sword composites.",
        operator: ZHEJIANG_BASES,
    },
    Site {
        slug: "xinchang-banzhu-village",
        zh: "新昌班竹村",
        en: "Xinchang Banzhu Village",
        pinyin: "xinchangbanzhucun",
        kind: LocationKind::Village,
        eras: &[Era::Song, Era::Ming],
        setting: Setting::Outdoor,
        base: Base::Xinchang,
        at: (29.398000, 121.008000),
        area_m2: 30_000,
        facilities: VILLAGE,
        rate_yuan: 400,
        changeover_min: 30,
        about_zh: "古驿道穿村而过，卵石路与老驿站保存完好。适合驿站、赶考与送别戏。",
        about_en: "An old post road runs through the village, its cobbles and relay station intact. Suits post stations, scholars travelling to exams and farewells.",
        operator: ZHEJIANG_BASES,
    },
    // Xianju.
    Site {
        slug: "xianju-shenxianju",
        zh: "仙居神仙居",
        en: "Xianju Shenxianju Cliffs",
        pinyin: "xianjushenxianju",
        kind: LocationKind::Natural,
        eras: &[Era::Fantasy, Era::Tang],
        setting: Setting::Outdoor,
        base: Base::Xianju,
        at: (28.664000, 120.556000),
        area_m2: 1_500_000,
        facilities: WILD_ROAD,
        rate_yuan: 800,
        changeover_min: 60,
        about_zh: "火山流纹岩峰林、悬空栈道与云海。仙侠剧首选外景，栈道拍摄需景区安全员陪同。",
        about_en: "Volcanic rhyolite peaks, cliff walkways and seas of cloud; the first choice for xianxia exteriors. A park safety officer must accompany shoots on the walkways.",
        operator: ZHEJIANG_BASES,
    },
    Site {
        slug: "xianju-gaoqian-village",
        zh: "仙居高迁古村",
        en: "Xianju Gaoqian Old Village",
        pinyin: "xianjugaoqiangucun",
        kind: LocationKind::Village,
        eras: &[Era::Ming, Era::Qing],
        setting: Setting::Mixed,
        base: Base::Xianju,
        at: (28.793000, 120.825000),
        area_m2: 100_000,
        facilities: VILLAGE,
        rate_yuan: 600,
        changeover_min: 30,
        about_zh: "七座完整的明清大宅院与石板巷。适合世家大宅、婚嫁与宅斗戏。",
        about_en: "Seven intact Ming-Qing mansions and flagstone lanes. Suits great family houses, weddings and household intrigue.",
        operator: ZHEJIANG_BASES,
    },
    Site {
        slug: "xianju-potan-town",
        zh: "仙居皤滩古镇",
        en: "Xianju Potan Old Town",
        pinyin: "xianjupotanguzhen",
        kind: LocationKind::Street,
        eras: &[Era::Ming, Era::Qing, Era::Song],
        setting: Setting::Outdoor,
        base: Base::Xianju,
        at: (28.744000, 120.548000),
        area_m2: 60_000,
        facilities: VILLAGE,
        rate_yuan: 600,
        changeover_min: 30,
        about_zh: "昔日盐运商埠，龙形古街两千余米。适合商埠街市、盐帮与集市戏。",
        about_en: "A former salt-trade port with a dragon-shaped old street over two kilometres long. Suits trading towns, salt-smuggler gangs and market days.",
        operator: ZHEJIANG_BASES,
    },
    // Xinjiang.
    Site {
        slug: "xinjiang-kumtag-desert",
        zh: "鄯善库木塔格沙漠",
        en: "Shanshan Kumtag Desert",
        pinyin: "shanshankumutageshamo",
        kind: LocationKind::Natural,
        eras: &[Era::Tang, Era::QinHan, Era::Yuan],
        setting: Setting::Outdoor,
        base: Base::Xinjiang,
        at: (42.850000, 90.200000),
        area_m2: 5_000_000,
        facilities: WILD_ROAD,
        rate_yuan: 800,
        changeover_min: 60,
        about_zh: "紧邻县城的金色沙丘。适合丝路驼队、沙漠行军与大漠孤烟；夏季正午地表超60℃，拍摄安排在早晚。",
        about_en: "Golden dunes right beside the county town. Suits Silk Road caravans, desert marches and lonely horizons; the sand passes 60 °C at summer noon, so shoot mornings and evenings.",
        operator: XINJIANG_BASE,
    },
    Site {
        slug: "xinjiang-gobi-fortress",
        zh: "鄯善戈壁古城",
        en: "Shanshan Gobi Fortress",
        pinyin: "shanshangebigucheng",
        kind: LocationKind::Fortress,
        eras: &[Era::Tang, Era::QinHan, Era::Song],
        setting: Setting::Outdoor,
        base: Base::Xinjiang,
        at: (42.803000, 90.301000),
        area_m2: 80_000,
        facilities: OPEN_SET,
        rate_yuan: 1_500,
        changeover_min: 60,
        about_zh: "戈壁上的夯土边城：城墙、烽燧与瓮城。适合边关守将、胡骑攻城与烽火戏，风大时停用烟雾。",
        about_en: "A rammed-earth frontier town on the Gobi with walls, beacon towers and a barbican. Suits border garrisons, nomad-cavalry assaults and beacon fires; no smoke effects in high wind.",
        operator: XINJIANG_BASE,
    },
    Site {
        slug: "xinjiang-flaming-mountains",
        zh: "吐鲁番火焰山",
        en: "Turpan Flaming Mountains",
        pinyin: "tulufanhuoyanshan",
        kind: LocationKind::Natural,
        eras: &[Era::Tang, Era::Fantasy],
        setting: Setting::Outdoor,
        base: Base::Xinjiang,
        at: (42.952000, 89.610000),
        area_m2: 2_000_000,
        facilities: WILD_ROAD,
        rate_yuan: 600,
        changeover_min: 45,
        about_zh: "赤红褶皱的荒山。适合取经、西行与神魔题材，夏季极热，需配医护。",
        about_en: "Red, furrowed barren hills. Suits journey-to-the-west and gods-and-demons stories; extreme summer heat, so bring a medic.",
        operator: XINJIANG_BASE,
    },
    // Liaoning.
    Site {
        slug: "liaoning-snow-forest",
        zh: "抚顺三块石雪林",
        en: "Fushun Sankuaishi Snow Forest",
        pinyin: "fushunsankuaishixuelin",
        kind: LocationKind::Natural,
        eras: &[Era::Qing, Era::Ming, Era::Republic],
        setting: Setting::Outdoor,
        base: Base::Liaoning,
        at: (41.970000, 124.305000),
        area_m2: 3_000_000,
        facilities: WILD,
        rate_yuan: 600,
        changeover_min: 45,
        about_zh: "12月至次年3月积雪覆盖的松林与山谷。适合雪地追逐、狩猎与抗联题材，低温下电池需保温。",
        about_en: "Pine forest and valleys under snow from December to March. Suits snow chases, hunts and north-east resistance stories; keep batteries warm in the cold.",
        operator: LIAONING_BASE,
    },
    Site {
        slug: "liaoning-hetuala",
        zh: "新宾赫图阿拉城",
        en: "Xinbin Hetu Ala City",
        pinyin: "xinbinhetualacheng",
        kind: LocationKind::Fortress,
        eras: &[Era::Qing, Era::Ming],
        setting: Setting::Mixed,
        base: Base::Liaoning,
        at: (41.708000, 124.872000),
        area_m2: 250_000,
        facilities: VILLAGE,
        rate_yuan: 1_500,
        changeover_min: 60,
        about_zh: "后金都城旧址与复建城墙、汗宫。适合清前期、八旗与女真部落戏。",
        about_en: "The old Later Jin capital with rebuilt walls and the khan's palace. Suits early Qing, Eight Banners and Jurchen tribal scenes.",
        operator: LIAONING_BASE,
    },
    Site {
        slug: "liaoning-guandong-town",
        zh: "抚顺关东古镇",
        en: "Fushun Guandong Old Town",
        pinyin: "fushunguandongguzhen",
        kind: LocationKind::Street,
        eras: &[Era::Qing, Era::Republic],
        setting: Setting::Outdoor,
        base: Base::Liaoning,
        at: (41.840000, 123.930000),
        area_m2: 90_000,
        facilities: FULL_SET,
        rate_yuan: 1_500,
        changeover_min: 60,
        about_zh: "清末东北小镇：大车店、烧锅、当铺与火炕民居。适合闯关东、雪中集市与土匪戏，冬季可拍真雪。",
        about_en: "A late-Qing north-eastern town: carters' inn, distillery, pawnshop and kang-heated houses. Suits migration to Manchuria, snowy markets and bandit stories; real snow in winter.",
        operator: LIAONING_BASE,
    },
];

/// One numbered sound stage: its size and the eras it is usually dressed for.
struct Stage {
    number: u32,
    area_m2: i64,
    eras: &'static [Era],
}

const STAGES: &[Stage] = &[
    Stage {
        number: 1,
        area_m2: 800,
        eras: &[Era::Modern, Era::Republic],
    },
    Stage {
        number: 2,
        area_m2: 1_200,
        eras: &[Era::Modern, Era::Republic],
    },
    Stage {
        number: 3,
        area_m2: 1_600,
        eras: &[Era::Modern, Era::Qing],
    },
    Stage {
        number: 4,
        area_m2: 2_000,
        eras: &[Era::Modern, Era::Ming, Era::Qing],
    },
    Stage {
        number: 5,
        area_m2: 2_000,
        eras: &[Era::Modern, Era::Song],
    },
    Stage {
        number: 6,
        area_m2: 2_500,
        eras: &[Era::Modern, Era::Tang, Era::Fantasy],
    },
    Stage {
        number: 7,
        area_m2: 3_000,
        eras: &[Era::Modern, Era::Fantasy],
    },
    Stage {
        number: 8,
        area_m2: 3_600,
        eras: &[Era::Modern, Era::Ming],
    },
    Stage {
        number: 9,
        area_m2: 4_000,
        eras: &[Era::Modern, Era::Qing, Era::Republic],
    },
    Stage {
        number: 10,
        area_m2: 5_000,
        eras: &[Era::Modern, Era::Fantasy, Era::Tang],
    },
    Stage {
        number: 11,
        area_m2: 8_000,
        eras: &[Era::Modern, Era::Fantasy, Era::QinHan],
    },
    Stage {
        number: 12,
        area_m2: 10_000,
        eras: &[Era::Modern, Era::Fantasy, Era::Tang],
    },
];

const STAGE_FACILITIES: &[Facility] = &[
    Facility::Soundproof,
    Facility::Catwalk,
    Facility::Power,
    Facility::MakeupRoom,
    Facility::VehicleAccess,
    Facility::Parking,
    Facility::Canteen,
    Facility::Accommodation,
];

/// South-west corner of the stage block in the studio park.
const STAGE_ORIGIN: (f64, f64) = (29.180000, 120.329000);

/// Hourly rate grows with floor area, rounded to ¥50, within ¥300–1,500.
fn stage_rate(area_m2: i64) -> i64 {
    let raw = 300 + area_m2 * 12 / 100;
    (raw / 50 * 50).clamp(300, 1_500)
}

fn stage_notes(area_m2: i64) -> (&'static str, &'static str) {
    if area_m2 <= 1_600 {
        (
            "小型棚，适合室内对话戏、办公室与卧室等常设景片。",
            "A small stage for dialogue interiors; standing flats for offices and bedrooms are available.",
        )
    } else if area_m2 <= 4_000 {
        (
            "中型棚，可搭建完整宫殿内景或两至三个小景；棚内有地沟与上下水。",
            "A mid-size stage that takes a full palace interior or two to three small sets; floor trenches, water and drainage inside.",
        )
    } else {
        (
            "大型棚，可搭建整条街道或大型仙侠景，配绿幕墙与吊装点，大门可通行卡车。",
            "A large stage for a whole street or a big xianxia build, with a green-screen wall, rigging points and a truck-sized door.",
        )
    }
}

fn stage(stage: &Stage) -> SeedLocation {
    let index = f64::from(stage.number - 1);
    let (row, col) = ((index / 4.0).floor(), index % 4.0);
    let (notes_zh, notes_en) = stage_notes(stage.area_m2);
    SeedLocation {
        slug: format!("stage-{}", stage.number),
        name_zh: format!("{}号摄影棚", stage.number),
        name_en: format!("Stage {}", stage.number),
        name_pinyin: format!("{}haosheyingpeng", stage.number),
        kind: LocationKind::Stage,
        eras: stage.eras.to_vec(),
        setting: Setting::Indoor,
        base: Base::Hengdian,
        lat: STAGE_ORIGIN.0 + row * 0.0007,
        lon: STAGE_ORIGIN.1 + col * 0.0012,
        area_m2: stage.area_m2,
        facilities: STAGE_FACILITIES.to_vec(),
        hourly_rate_yuan: stage_rate(stage.area_m2),
        changeover_min: if stage.area_m2 >= 4_000 { 120 } else { 60 },
        description_zh: format!(
            "影视产业实验区{}平方米隔音摄影棚，配马道与动力电。{notes_zh}",
            stage.area_m2
        ),
        description_en: format!(
            "A {} m² soundproof stage in the studio park with catwalks and three-phase power. {notes_en}",
            stage.area_m2
        ),
        operator_code: HENGDIAN_STAGES,
    }
}

fn water_stage() -> SeedLocation {
    SeedLocation {
        slug: "water-stage".to_owned(),
        name_zh: "水下摄影棚".to_owned(),
        name_en: "Water Stage".to_owned(),
        name_pinyin: "shuixiasheyingpeng".to_owned(),
        kind: LocationKind::Stage,
        eras: vec![Era::Modern, Era::Fantasy, Era::Republic],
        setting: Setting::Indoor,
        base: Base::Hengdian,
        lat: 29.182400,
        lon: 120.330400,
        area_m2: 3_200,
        facilities: STAGE_FACILITIES.to_vec(),
        hourly_rate_yuan: 1_500,
        changeover_min: 120,
        description_zh: "恒温水池棚，池深0.5至6米可调，配造浪机与水下观察窗。适合落水、沉船与水下仙境戏，注水需提前48小时预约。".to_owned(),
        description_en: "A heated tank stage, 0.5 to 6 m deep, with a wave machine and underwater viewing windows. Suits drownings, shipwrecks and underwater fantasy; filling needs 48 hours' notice.".to_owned(),
        operator_code: HENGDIAN_STAGES,
    }
}

/// Every seed location: the sets, then the stages.
pub fn locations() -> Vec<SeedLocation> {
    SETS.iter()
        .map(Site::to_seed)
        .chain(STAGES.iter().map(stage))
        .chain(std::iter::once(water_stage()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::suppliers::SUPPLIERS;
    use super::*;
    use std::collections::HashSet;

    fn count_at(base: Base) -> usize {
        locations().iter().filter(|l| l.base == base).count()
    }

    #[test]
    fn enough_locations_stages_and_bases() {
        let all = locations();
        assert!(all.len() >= 64, "only {} locations", all.len());
        let stages = all.iter().filter(|l| l.kind == LocationKind::Stage).count();
        assert!(stages >= 12);
        for base in Base::ALL {
            let wanted = if *base == Base::Hengdian { 30 } else { 2 };
            assert!(count_at(*base) >= wanted, "{base:?} has too few locations");
        }
    }

    #[test]
    fn slugs_are_unique_ascii() {
        let mut seen = HashSet::new();
        for l in locations() {
            assert!(
                l.slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "bad slug {}",
                l.slug
            );
            assert!(seen.insert(l.slug.clone()), "duplicate slug {}", l.slug);
        }
    }

    #[test]
    fn pinyin_is_lowercase_letters_and_digits() {
        for l in locations() {
            assert!(!l.name_pinyin.is_empty());
            assert!(
                l.name_pinyin
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                "bad pinyin {}",
                l.name_pinyin
            );
            let hanzi = l.name_zh.chars().filter(|c| *c as u32 >= 0x4e00).count();
            assert!(
                l.name_pinyin.len() >= hanzi * 2,
                "pinyin too short for {}",
                l.name_zh
            );
        }
        let qin = locations()
            .into_iter()
            .find(|l| l.slug == "qin-palace")
            .unwrap();
        assert_eq!(qin.name_pinyin, "qinwanggong");
        let one = locations()
            .into_iter()
            .find(|l| l.slug == "stage-1")
            .unwrap();
        assert_eq!(one.name_pinyin, "1haosheyingpeng");
    }

    #[test]
    fn every_location_is_well_formed() {
        for l in locations() {
            assert!((1..=3).contains(&l.eras.len()), "{} eras", l.slug);
            assert!((18.0..=54.0).contains(&l.lat), "{} lat", l.slug);
            assert!((73.0..=135.0).contains(&l.lon), "{} lon", l.slug);
            assert!(l.area_m2 > 0);
            assert!(!l.facilities.is_empty());
            assert!((15..=120).contains(&l.changeover_min));
            assert!(l.hourly_rate_yuan >= 200 && l.hourly_rate_yuan <= 6_000);
            assert!(!l.description_zh.is_empty() && !l.description_en.is_empty());
            assert!(!l.name_zh.is_empty() && !l.name_en.is_empty());
        }
    }

    #[test]
    fn hengdian_sets_are_near_the_town() {
        let centre = (29.161, 120.312);
        for l in locations().iter().filter(|l| l.base == Base::Hengdian) {
            assert!(
                (l.lat - centre.0).abs() < 0.06 && (l.lon - centre.1).abs() < 0.06,
                "{}",
                l.slug
            );
        }
    }

    #[test]
    fn stages_are_indoor_modern_and_equipped() {
        for l in locations().iter().filter(|l| l.kind == LocationKind::Stage) {
            assert_eq!(l.setting, Setting::Indoor);
            assert_eq!(l.eras[0], Era::Modern);
            assert!((800..=10_000).contains(&l.area_m2));
            assert!((300..=1_500).contains(&l.hourly_rate_yuan));
            for needed in [
                Facility::Soundproof,
                Facility::Catwalk,
                Facility::Power,
                Facility::MakeupRoom,
            ] {
                assert!(l.facilities.contains(&needed));
            }
        }
    }

    #[test]
    fn operators_exist_and_operate_locations() {
        for l in locations() {
            let op = SUPPLIERS.iter().find(|s| s.code == l.operator_code);
            let op = op.unwrap_or_else(|| panic!("{} has unknown operator", l.slug));
            assert_eq!(op.kind, SupplierKind::LocationOperator, "{}", l.slug);
        }
    }

    #[test]
    fn deterministic() {
        assert_eq!(format!("{:?}", locations()), format!("{:?}", locations()));
    }
}
