//! The 服化道 catalogue: sub-categories and exactly 4,500 deterministic stock lines built from them.

use super::model::*;
use super::suppliers::{
    CHEMA_FLEET, GUYUE_ARMS, HAIPAI_WARDROBE, JINXIU_COSTUME, JIUCHUAN_MOTORS, MUYUN_FURNITURE,
    WANXIANG_PROPS, XINGHUI_WARDROBE, YANRONG_MAKEUP,
};
use domain::vocab::*;
use std::collections::HashSet;

const fn sub(
    code: &'static str,
    category: Category,
    name_zh: &'static str,
    name_en: &'static str,
) -> SeedSubcategory {
    SeedSubcategory { code, category, name_zh, name_en }
}

pub const SUBCATEGORIES: &[SeedSubcategory] = &[
    sub("dragon_robe", Category::Costume, "龙袍", "Dragon robes"),
    sub("official_robe", Category::Costume, "官服", "Official robes"),
    sub("armour", Category::Costume, "铠甲", "Armour"),
    sub("palace_maid", Category::Costume, "宫女服", "Palace maid dress"),
    sub("qipao", Category::Costume, "旗袍", "Qipao"),
    sub("scholar_gown", Category::Costume, "长衫", "Scholar's gowns"),
    sub("uniform", Category::Costume, "军装制服", "Uniforms"),
    sub("commoner", Category::Costume, "百姓服", "Commoners' clothes"),
    sub("hanfu", Category::Costume, "汉服", "Hanfu"),
    sub("western_suit", Category::Costume, "西装", "Western suits"),
    sub("wig", Category::Makeup, "发髻头套", "Wigs & hairpieces"),
    sub("headdress", Category::Makeup, "头饰", "Headdresses"),
    sub("beard", Category::Makeup, "胡须", "Beards"),
    sub("wound_fx", Category::Makeup, "伤效化妆", "Wound effects"),
    sub("prosthetic", Category::Makeup, "特效妆", "Prosthetics"),
    sub("opera_makeup", Category::Makeup, "戏曲妆", "Opera make-up"),
    sub("weapon", Category::Prop, "兵器", "Weapons"),
    sub("furniture", Category::Prop, "家具", "Furniture"),
    sub("porcelain", Category::Prop, "瓷器", "Porcelain"),
    sub("lantern", Category::Prop, "灯笼", "Lanterns"),
    sub("writing_set", Category::Prop, "文房四宝", "Writing sets"),
    sub("tableware", Category::Prop, "餐具", "Tableware"),
    sub("sedan_chair", Category::Prop, "轿子", "Sedan chairs"),
    sub("banner", Category::Prop, "旗帜", "Banners & flags"),
    sub("instrument", Category::Prop, "乐器", "Musical instruments"),
    sub("vintage_electrical", Category::Prop, "老式电器", "Vintage electricals"),
    sub("carriage", Category::Vehicle, "马车", "Carriages"),
    sub("rickshaw", Category::Vehicle, "黄包车", "Rickshaws"),
    sub("vintage_car", Category::Vehicle, "老式轿车", "Vintage cars"),
    sub("military_truck", Category::Vehicle, "军用卡车", "Military trucks"),
    sub("bicycle", Category::Vehicle, "自行车", "Bicycles"),
    sub("chariot", Category::Vehicle, "战车", "Chariots"),
    sub("cart", Category::Vehicle, "牛车板车", "Ox & hand carts"),
];

/// The sub-category with this code, if any.
pub fn subcategory(code: &str) -> Option<&'static SeedSubcategory> {
    SUBCATEGORIES.iter().find(|s| s.code == code)
}

/// How many stock lines each category gets, and its SKU prefix.
struct Target {
    category: Category,
    count: i64,
    prefix: &'static str,
}

const TARGETS: &[Target] = &[
    Target { category: Category::Costume, count: 2_000, prefix: "CO" },
    Target { category: Category::Makeup, count: 700, prefix: "MU" },
    Target { category: Category::Prop, count: 1_400, prefix: "PR" },
    Target { category: Category::Vehicle, count: 400, prefix: "VE" },
];

/// Total number of catalogue items.
pub const ITEM_COUNT: usize = 4_500;

const SEED: u64 = 0x0B4C_1075_7A6E;

/// A kind (placed before the noun) or grade (placed after it) of a stock line.
/// `tier` 0–2 moves the price up and the quantity down; `eras` and `materials`, when not
/// empty, limit where the variant applies and what it is made of.
struct Variant {
    zh: &'static str,
    en: &'static str,
    tier: i64,
    eras: &'static [Era],
    materials: &'static [Material],
}

const fn v(zh: &'static str, en: &'static str, tier: i64) -> Variant {
    Variant { zh, en, tier, eras: &[], materials: &[] }
}

const fn v_in(zh: &'static str, en: &'static str, tier: i64, eras: &'static [Era]) -> Variant {
    Variant { eras, ..v(zh, en, tier) }
}

const fn v_of(
    zh: &'static str,
    en: &'static str,
    tier: i64,
    materials: &'static [Material],
) -> Variant {
    Variant { materials, ..v(zh, en, tier) }
}

/// No kind or no grade.
const PLAIN: &[Variant] = &[v("", "", 0)];

/// A recipe for the stock lines of one sub-category.
struct Line {
    sub: &'static str,
    noun: (&'static str, &'static str),
    eras: &'static [Era],
    colours: &'static [Colour],
    materials: &'static [Material],
    kinds: &'static [Variant],
    grades: &'static [Variant],
    show_colour: bool,
    show_material: bool,
    rate_yuan: (i64, i64),
    quantity: (i64, i64),
    tags: &'static [&'static str],
    suppliers: &'static [&'static str],
    /// Percentage of the category's lines.
    share: i64,
    /// Stock that is usually worn or distressed (commoners, soldiers).
    aged: bool,
}

const ANCIENT: &[Era] = &[
    Era::PreQin,
    Era::QinHan,
    Era::ThreeKingdoms,
    Era::Tang,
    Era::Song,
    Era::Yuan,
    Era::Ming,
    Era::Qing,
];
const IMPERIAL: &[Era] = &[Era::Tang, Era::Song, Era::Yuan, Era::Ming, Era::Qing];
const LATE_IMPERIAL: &[Era] = &[Era::Tang, Era::Song, Era::Ming, Era::Qing];
const MODERN_TIMES: &[Era] = &[Era::Republic, Era::Modern];

const RANKS: &[Variant] = &[
    v("（一品）", "(1st rank)", 2),
    v("（二品）", "(2nd rank)", 2),
    v("（三品）", "(3rd rank)", 2),
    v("（四品）", "(4th rank)", 1),
    v("（五品）", "(5th rank)", 1),
    v("（六品）", "(6th rank)", 1),
    v("（七品）", "(7th rank)", 0),
    v("（八品）", "(8th rank)", 0),
    v("（九品）", "(9th rank)", 0),
];

const LINES: &[Line] = &[
    // Costumes.
    Line {
        sub: "dragon_robe",
        noun: ("龙袍", "dragon robe"),
        eras: IMPERIAL,
        colours: &[Colour::Yellow, Colour::Gold, Colour::Red],
        materials: &[Material::Silk],
        kinds: PLAIN,
        grades: &[
            v("（朝服）", "(court dress)", 2),
            v("（吉服）", "(festive robe)", 1),
            v("（常服）", "(everyday robe)", 0),
        ],
        show_colour: true,
        show_material: true,
        rate_yuan: (300, 1_500),
        quantity: (1, 4),
        tags: &["宫廷", "court", "emperor"],
        suppliers: &[XINGHUI_WARDROBE],
        share: 5,
        aged: false,
    },
    Line {
        sub: "official_robe",
        noun: ("官服", "official robe"),
        eras: LATE_IMPERIAL,
        colours: &[Colour::Red, Colour::Purple, Colour::Blue, Colour::Green, Colour::Black],
        materials: &[Material::Silk, Material::Cotton],
        kinds: PLAIN,
        grades: RANKS,
        show_colour: true,
        show_material: true,
        rate_yuan: (60, 240),
        quantity: (4, 40),
        tags: &["官员", "official", "court"],
        suppliers: &[XINGHUI_WARDROBE],
        share: 13,
        aged: false,
    },
    Line {
        sub: "armour",
        noun: ("铠甲", "armour"),
        eras: &[
            Era::PreQin,
            Era::QinHan,
            Era::ThreeKingdoms,
            Era::Tang,
            Era::Song,
            Era::Ming,
            Era::Fantasy,
        ],
        colours: &[Colour::Gold, Colour::Silver, Colour::Black, Colour::Brown, Colour::Red],
        materials: &[Material::Metal, Material::Leather],
        kinds: PLAIN,
        grades: &[
            v("（将军）", "(general)", 2),
            v("（校尉）", "(officer)", 1),
            v("（士兵）", "(soldier)", 0),
        ],
        show_colour: true,
        show_material: true,
        rate_yuan: (80, 600),
        quantity: (2, 60),
        tags: &["战争", "battle", "armour"],
        suppliers: &[XINGHUI_WARDROBE, GUYUE_ARMS],
        share: 14,
        aged: true,
    },
    Line {
        sub: "palace_maid",
        noun: ("宫女服", "palace maid dress"),
        eras: &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Fantasy],
        colours: &[
            Colour::Green,
            Colour::Blue,
            Colour::Red,
            Colour::Purple,
            Colour::White,
            Colour::Yellow,
        ],
        materials: &[Material::Silk, Material::Cotton],
        kinds: PLAIN,
        grades: &[
            v("（夏装）", "(summer)", 0),
            v("（冬装）", "(winter)", 0),
            v("（掌事）", "(head maid)", 1),
            v("（宴会）", "(banquet)", 1),
        ],
        show_colour: true,
        show_material: true,
        rate_yuan: (30, 120),
        quantity: (10, 60),
        tags: &["宫廷", "court", "宫女"],
        suppliers: &[XINGHUI_WARDROBE, JINXIU_COSTUME],
        share: 10,
        aged: false,
    },
    Line {
        sub: "qipao",
        noun: ("旗袍", "qipao"),
        eras: MODERN_TIMES,
        colours: &[
            Colour::Red,
            Colour::Blue,
            Colour::Black,
            Colour::White,
            Colour::Green,
            Colour::Purple,
            Colour::Gold,
        ],
        materials: &[Material::Silk, Material::Cotton],
        kinds: &[
            v("长款", "long", 1),
            v("短袖", "short-sleeved", 0),
            v("改良", "modern-cut", 0),
            v("刺绣", "embroidered", 2),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: true,
        rate_yuan: (40, 300),
        quantity: (1, 12),
        tags: &["旗袍", "qipao", "民国"],
        suppliers: &[HAIPAI_WARDROBE],
        share: 9,
        aged: false,
    },
    Line {
        sub: "scholar_gown",
        noun: ("长衫", "long gown"),
        eras: &[Era::Qing, Era::Republic],
        colours: &[Colour::Blue, Colour::Grey, Colour::Black, Colour::White, Colour::Brown],
        materials: &[Material::Cotton, Material::Silk, Material::Linen],
        kinds: PLAIN,
        grades: &[
            v("（单衫）", "(unlined)", 0),
            v("（夹袄）", "(lined)", 1),
            v("（配马褂）", "(with magua jacket)", 1),
        ],
        show_colour: true,
        show_material: true,
        rate_yuan: (30, 120),
        quantity: (5, 40),
        tags: &["书生", "scholar", "长衫"],
        suppliers: &[HAIPAI_WARDROBE, JINXIU_COSTUME],
        share: 8,
        aged: false,
    },
    Line {
        sub: "uniform",
        noun: ("", ""),
        eras: &[Era::Qing, Era::Republic, Era::Modern],
        colours: &[Colour::Green, Colour::Grey, Colour::Blue, Colour::Brown, Colour::Black],
        materials: &[Material::Wool, Material::Cotton],
        kinds: &[
            v("士兵军装", "soldier's uniform", 0),
            v("军官军装", "officer's uniform", 2),
            v("巡警制服", "police uniform", 1),
            v("卫兵军装", "guard's uniform", 1),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: true,
        rate_yuan: (40, 200),
        quantity: (10, 80),
        tags: &["军队", "military", "uniform"],
        suppliers: &[HAIPAI_WARDROBE],
        share: 9,
        aged: true,
    },
    Line {
        sub: "commoner",
        noun: ("百姓服", "commoner's clothes"),
        eras: &[
            Era::PreQin,
            Era::QinHan,
            Era::ThreeKingdoms,
            Era::Tang,
            Era::Song,
            Era::Yuan,
            Era::Ming,
            Era::Qing,
            Era::Republic,
        ],
        colours: &[Colour::Brown, Colour::Grey, Colour::Blue, Colour::Black, Colour::White],
        materials: &[Material::Cotton, Material::Linen],
        kinds: PLAIN,
        grades: &[
            v("（男款）", "(men's)", 0),
            v("（女款）", "(women's)", 0),
            v("（短打）", "(labourer's jacket)", 0),
            v("（商贩）", "(street vendor)", 1),
        ],
        show_colour: true,
        show_material: true,
        rate_yuan: (15, 40),
        quantity: (20, 80),
        tags: &["群演", "extras", "commoner"],
        suppliers: &[JINXIU_COSTUME, XINGHUI_WARDROBE],
        share: 18,
        aged: true,
    },
    Line {
        sub: "hanfu",
        noun: ("汉服", "hanfu"),
        eras: &[Era::QinHan, Era::ThreeKingdoms, Era::Tang, Era::Song, Era::Ming, Era::Fantasy],
        colours: &[
            Colour::Red,
            Colour::Blue,
            Colour::Green,
            Colour::White,
            Colour::Purple,
            Colour::Yellow,
            Colour::Black,
        ],
        materials: &[Material::Silk, Material::Cotton, Material::Linen],
        kinds: &[
            v_in("曲裾", "quju wrap", 1, &[Era::QinHan, Era::ThreeKingdoms, Era::Fantasy]),
            v_in("齐胸襦裙", "chest-high ruqun", 1, &[Era::Tang, Era::Fantasy]),
            v_in("褙子", "beizi", 0, &[Era::Song, Era::Ming]),
            v_in("马面裙", "mamian skirt", 1, &[Era::Ming]),
            v_in("直裰", "zhiduo", 0, &[Era::Song, Era::Ming]),
            v("大袖衫", "wide-sleeved", 2),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: true,
        rate_yuan: (40, 200),
        quantity: (4, 30),
        tags: &["汉服", "hanfu", "古装"],
        suppliers: &[JINXIU_COSTUME],
        share: 10,
        aged: false,
    },
    Line {
        sub: "western_suit",
        noun: ("西装", "suit"),
        eras: MODERN_TIMES,
        colours: &[Colour::Black, Colour::Grey, Colour::Blue, Colour::Brown, Colour::White],
        materials: &[Material::Wool, Material::Cotton],
        kinds: &[
            v("三件套", "three-piece", 1),
            v("双排扣", "double-breasted", 2),
            v("单排扣", "single-breasted", 0),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: true,
        rate_yuan: (50, 250),
        quantity: (2, 20),
        tags: &["西装", "suit", "商人"],
        suppliers: &[HAIPAI_WARDROBE],
        share: 4,
        aged: false,
    },
    // Make-up.
    Line {
        sub: "wig",
        noun: ("头套", "wig"),
        eras: &[
            Era::QinHan,
            Era::Tang,
            Era::Song,
            Era::Ming,
            Era::Qing,
            Era::Republic,
            Era::Fantasy,
        ],
        colours: &[Colour::Black, Colour::Grey, Colour::White, Colour::Brown],
        materials: &[Material::Mixed],
        kinds: &[
            v("女子发髻", "women's bun", 1),
            v("男子束发", "men's topknot", 0),
            v("披发", "long loose-hair", 1),
            v_in("辫子", "queue", 0, &[Era::Qing]),
            v_in("盘发", "pinned-up", 1, &[Era::Tang, Era::Song, Era::Ming, Era::Republic]),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (30, 300),
        quantity: (2, 30),
        tags: &["发型", "wig", "头套"],
        suppliers: &[YANRONG_MAKEUP, XINGHUI_WARDROBE],
        share: 26,
        aged: false,
    },
    Line {
        sub: "headdress",
        noun: ("头饰", "headdress"),
        eras: &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Fantasy],
        colours: &[Colour::Gold, Colour::Silver, Colour::Red, Colour::Blue],
        materials: &[Material::Metal, Material::Jade, Material::Mixed],
        kinds: &[
            v_in("凤冠", "phoenix crown", 2, &[Era::Song, Era::Ming, Era::Fantasy]),
            v_in("步摇", "buyao hairpin", 1, &[Era::Tang, Era::Song, Era::Fantasy]),
            v_in("钿子", "Manchu tiara", 2, &[Era::Qing]),
            v_in("大拉翅", "Manchu liangbatou", 1, &[Era::Qing]),
            v("发簪", "hairpin", 0),
            v_in("花钿", "huadian forehead", 0, &[Era::Tang, Era::Fantasy]),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (20, 800),
        quantity: (1, 20),
        tags: &["头饰", "headdress", "宫廷"],
        suppliers: &[YANRONG_MAKEUP, XINGHUI_WARDROBE],
        share: 24,
        aged: false,
    },
    Line {
        sub: "beard",
        noun: ("胡须", "beard"),
        eras: ANCIENT,
        colours: &[Colour::Black, Colour::Grey, Colour::White, Colour::Brown],
        materials: &[Material::Mixed],
        kinds: &[
            v("三绺", "three-strand", 1),
            v("络腮", "full", 0),
            v("八字", "moustache-style", 0),
            v("山羊", "goatee", 0),
            v("五绺", "five-strand", 2),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (10, 80),
        quantity: (2, 40),
        tags: &["胡须", "beard", "老生"],
        suppliers: &[YANRONG_MAKEUP],
        share: 18,
        aged: false,
    },
    Line {
        sub: "wound_fx",
        noun: ("化妆套件", "make-up kit"),
        eras: &[Era::Tang, Era::Song, Era::Ming, Era::Fantasy, Era::Republic, Era::Modern],
        colours: &[Colour::Red, Colour::Brown, Colour::Purple],
        materials: &[Material::Plastic, Material::Mixed],
        kinds: &[
            v_in("刀伤", "sword-cut", 0, &[Era::Tang, Era::Song, Era::Ming, Era::Fantasy]),
            v_in("箭伤", "arrow-wound", 1, &[Era::Tang, Era::Song, Era::Ming, Era::Fantasy]),
            v_in("枪伤", "gunshot-wound", 1, &[Era::Republic, Era::Modern]),
            v("烧伤", "burn", 1),
            v("淤青擦伤", "bruise and graze", 0),
        ],
        grades: &[
            v("（单人份）", "(single)", 0),
            v("（10人份）", "(10-person)", 1),
            v("（30人份）", "(30-person)", 2),
        ],
        show_colour: false,
        show_material: false,
        rate_yuan: (20, 150),
        quantity: (5, 50),
        tags: &["伤效", "wound", "动作"],
        suppliers: &[YANRONG_MAKEUP],
        share: 12,
        aged: false,
    },
    Line {
        sub: "prosthetic",
        noun: ("特效妆", "prosthetic"),
        eras: &[Era::Fantasy, Era::Modern],
        colours: &[Colour::Green, Colour::Grey, Colour::Brown, Colour::White],
        materials: &[Material::Plastic, Material::Mixed],
        kinds: &[
            v_in("妖兽", "beast", 2, &[Era::Fantasy]),
            v_in("狐妖", "fox-spirit", 2, &[Era::Fantasy]),
            v_in("精灵耳", "elf-ear", 0, &[Era::Fantasy]),
            v_in("丧尸", "zombie", 1, &[Era::Modern]),
            v("老年", "old-age", 1),
            v("疤痕", "scar", 0),
        ],
        grades: &[
            v("（单人份）", "(single)", 0),
            v("（5人份）", "(5-person)", 1),
            v("（10人份）", "(10-person)", 2),
        ],
        show_colour: false,
        show_material: false,
        rate_yuan: (80, 600),
        quantity: (1, 20),
        tags: &["特效", "sfx", "prosthetic"],
        suppliers: &[YANRONG_MAKEUP],
        share: 8,
        aged: false,
    },
    Line {
        sub: "opera_makeup",
        noun: ("", ""),
        eras: &[Era::Qing, Era::Republic],
        colours: &[Colour::Red, Colour::Black, Colour::White, Colour::Gold],
        materials: &[Material::Mixed],
        kinds: &[
            v("京剧旦角头面", "Peking opera dan headdress", 2),
            v("京剧脸谱油彩", "Peking opera face paints", 0),
            v("京剧贴片子", "Peking opera hair pieces", 0),
            v("越剧头饰", "Yue opera headpieces", 1),
        ],
        grades: &[v("（整套）", "(full set)", 1), v("（单件）", "(single piece)", 0)],
        show_colour: false,
        show_material: false,
        rate_yuan: (30, 500),
        quantity: (1, 10),
        tags: &["戏曲", "opera", "舞台"],
        suppliers: &[YANRONG_MAKEUP, XINGHUI_WARDROBE],
        share: 12,
        aged: false,
    },
    // Props.
    Line {
        sub: "weapon",
        noun: ("", ""),
        eras: &[
            Era::PreQin,
            Era::QinHan,
            Era::ThreeKingdoms,
            Era::Tang,
            Era::Song,
            Era::Yuan,
            Era::Ming,
            Era::Qing,
            Era::Fantasy,
        ],
        colours: &[Colour::Silver, Colour::Black, Colour::Gold, Colour::Brown],
        materials: &[Material::Metal, Material::Plastic],
        kinds: &[
            v("长剑", "long sword", 1),
            v_in("环首刀", "ring-pommel sabre", 1, &[Era::QinHan, Era::ThreeKingdoms]),
            v_of("长枪", "spear", 0, &[Material::Wood, Material::Plastic]),
            v_of("弓箭", "bow and arrows", 1, &[Material::Wood, Material::Bamboo]),
            v_in("方天画戟", "crescent halberd", 2, &[Era::ThreeKingdoms, Era::Fantasy]),
            v_in("绣春刀", "xiuchun sabre", 2, &[Era::Ming]),
            v_in("腰刀", "waist sabre", 0, &[Era::Song, Era::Yuan, Era::Ming, Era::Qing]),
            v_in("青铜戈", "bronze dagger-axe", 1, &[Era::PreQin, Era::QinHan]),
            v("匕首", "dagger", 0),
            v_of("盾牌", "shield", 0, &[Material::Wood, Material::Leather]),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: true,
        rate_yuan: (10, 300),
        quantity: (2, 50),
        tags: &["兵器", "weapon", "武打"],
        suppliers: &[GUYUE_ARMS],
        share: 20,
        aged: true,
    },
    Line {
        sub: "furniture",
        noun: ("", ""),
        eras: &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Republic],
        colours: &[Colour::Brown, Colour::Red, Colour::Black, Colour::Gold],
        materials: &[Material::Wood],
        kinds: &[
            v_in("太师椅", "armchair", 1, &[Era::Song, Era::Ming, Era::Qing, Era::Republic]),
            v("八仙桌", "eight-immortals table", 1),
            v("屏风", "folding screen", 1),
            v_in("架子床", "canopy bed", 2, &[Era::Ming, Era::Qing]),
            v("书案", "writing desk", 1),
            v_in("龙椅", "dragon throne", 2, LATE_IMPERIAL),
            v("长凳", "bench", 0),
            v("梳妆台", "dressing table", 1),
            v_of("竹椅", "bamboo chair", 0, &[Material::Bamboo]),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (30, 800),
        quantity: (1, 20),
        tags: &["家具", "furniture", "陈设"],
        suppliers: &[MUYUN_FURNITURE],
        share: 17,
        aged: false,
    },
    Line {
        sub: "porcelain",
        noun: ("", ""),
        eras: &[Era::Tang, Era::Song, Era::Yuan, Era::Ming, Era::Qing, Era::Republic],
        colours: &[Colour::Blue, Colour::White, Colour::Green, Colour::Yellow, Colour::Red],
        materials: &[Material::Porcelain],
        kinds: &[
            v("瓷瓶", "porcelain vase", 1),
            v("瓷碗", "porcelain bowl", 0),
            v("瓷茶盏", "porcelain tea bowl", 0),
            v("瓷盘", "porcelain platter", 0),
            v("梅瓶", "porcelain meiping vase", 2),
            v("将军罐", "porcelain lidded jar", 1),
        ],
        grades: &[v("", "", 0), v("（可摔款）", "(breakaway)", 0)],
        show_colour: true,
        show_material: false,
        rate_yuan: (10, 300),
        quantity: (2, 50),
        tags: &["瓷器", "porcelain", "陈设"],
        suppliers: &[WANXIANG_PROPS],
        share: 12,
        aged: false,
    },
    Line {
        sub: "lantern",
        noun: ("灯笼", "lantern"),
        eras: &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Republic, Era::Fantasy],
        colours: &[Colour::Red, Colour::Yellow, Colour::White, Colour::Gold],
        materials: &[Material::Paper, Material::Silk],
        kinds: PLAIN,
        grades: &[
            v("（圆形）", "(round)", 0),
            v("（手提）", "(hand-held)", 0),
            v("（宫灯式）", "(palace style)", 1),
            v("（莲花式）", "(lotus)", 1),
            v("（走马灯式）", "(revolving)", 2),
        ],
        show_colour: true,
        show_material: true,
        rate_yuan: (5, 20),
        quantity: (10, 50),
        tags: &["灯笼", "lantern", "节庆"],
        suppliers: &[WANXIANG_PROPS],
        share: 12,
        aged: false,
    },
    Line {
        sub: "writing_set",
        noun: ("", ""),
        eras: LATE_IMPERIAL,
        colours: &[Colour::Black, Colour::Brown, Colour::Red, Colour::White],
        materials: &[Material::Wood],
        kinds: &[
            v_of("文房四宝套装", "scholar's writing set", 2, &[Material::Wood, Material::Mixed]),
            v_of("毛笔", "writing brush", 0, &[Material::Bamboo]),
            v_of("砚台", "inkstone", 1, &[Material::Mixed]),
            v_of("笔架", "brush rest", 0, &[Material::Wood, Material::Jade]),
            v_of("卷轴字画", "hanging scroll", 1, &[Material::Paper, Material::Silk]),
            v_of("印章", "seal", 1, &[Material::Jade]),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: true,
        rate_yuan: (5, 200),
        quantity: (2, 30),
        tags: &["文房四宝", "书生", "calligraphy"],
        suppliers: &[WANXIANG_PROPS, MUYUN_FURNITURE],
        share: 9,
        aged: false,
    },
    Line {
        sub: "tableware",
        noun: ("", ""),
        eras: &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Republic],
        colours: &[Colour::White, Colour::Blue, Colour::Brown, Colour::Gold, Colour::Silver],
        materials: &[Material::Porcelain],
        kinds: &[
            v_of("酒壶", "wine ewer", 0, &[Material::Porcelain, Material::Metal]),
            v_of("酒杯套装", "wine cup set", 0, &[Material::Porcelain, Material::Jade]),
            v_of("食盒", "food box", 1, &[Material::Wood, Material::Bamboo]),
            v_of("碗筷套装", "bowl and chopsticks set", 0, &[Material::Porcelain]),
            v_of("茶具套装", "tea set", 1, &[Material::Porcelain]),
            v_of("火锅", "hotpot", 1, &[Material::Metal]),
            v_of("托盘", "tray", 0, &[Material::Wood]),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: true,
        rate_yuan: (5, 80),
        quantity: (5, 50),
        tags: &["餐具", "宴席", "banquet"],
        suppliers: &[WANXIANG_PROPS],
        share: 10,
        aged: false,
    },
    Line {
        sub: "sedan_chair",
        noun: ("", ""),
        eras: LATE_IMPERIAL,
        colours: &[Colour::Red, Colour::Gold, Colour::Blue, Colour::Black, Colour::Green],
        materials: &[Material::Wood],
        kinds: &[
            v("花轿", "bridal sedan chair", 1),
            v("八抬大轿", "eight-bearer sedan chair", 2),
            v("四人官轿", "four-bearer official sedan chair", 1),
            v_of("滑竿", "bamboo litter", 0, &[Material::Bamboo]),
            v("凤辇", "phoenix palanquin", 2),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (300, 1_500),
        quantity: (1, 6),
        tags: &["轿子", "wedding", "婚嫁"],
        suppliers: &[MUYUN_FURNITURE, CHEMA_FLEET],
        share: 4,
        aged: false,
    },
    Line {
        sub: "banner",
        noun: ("", ""),
        eras: &[
            Era::PreQin,
            Era::QinHan,
            Era::ThreeKingdoms,
            Era::Tang,
            Era::Song,
            Era::Ming,
            Era::Qing,
        ],
        colours: &[Colour::Red, Colour::Black, Colour::Yellow, Colour::Blue, Colour::White],
        materials: &[Material::Silk, Material::Cotton],
        kinds: &[
            v("帅旗", "commander's banner", 2),
            v("军旗", "army flag", 1),
            v("令旗", "command flag", 0),
            v("酒旗", "tavern banner", 0),
            v("仪仗旗", "ceremonial banner", 1),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: true,
        rate_yuan: (10, 120),
        quantity: (5, 50),
        tags: &["旗帜", "banner", "军队"],
        suppliers: &[GUYUE_ARMS],
        share: 8,
        aged: false,
    },
    Line {
        sub: "instrument",
        noun: ("", ""),
        eras: &[
            Era::PreQin,
            Era::Tang,
            Era::Song,
            Era::Ming,
            Era::Qing,
            Era::Republic,
            Era::Fantasy,
        ],
        colours: &[Colour::Brown, Colour::Black, Colour::Red],
        materials: &[Material::Wood],
        kinds: &[
            v_in("古琴", "guqin", 2, &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Fantasy]),
            v_in("琵琶", "pipa", 1, &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Republic]),
            Variant {
                materials: &[Material::Bamboo],
                ..v_in(
                    "笛子",
                    "dizi flute",
                    0,
                    &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Fantasy],
                )
            },
            v_in("二胡", "erhu", 1, &[Era::Qing, Era::Republic]),
            v_in("古筝", "guzheng", 2, &[Era::Tang, Era::Song, Era::Ming, Era::Qing, Era::Fantasy]),
            Variant {
                materials: &[Material::Metal],
                ..v_in("编钟", "bianzhong bells", 2, &[Era::PreQin])
            },
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (20, 300),
        quantity: (1, 10),
        tags: &["乐器", "music", "宴乐"],
        suppliers: &[WANXIANG_PROPS],
        share: 4,
        aged: false,
    },
    Line {
        sub: "vintage_electrical",
        noun: ("", ""),
        eras: MODERN_TIMES,
        colours: &[Colour::Black, Colour::Brown, Colour::Gold, Colour::Silver],
        materials: &[Material::Metal],
        kinds: &[
            v("手摇电话", "crank telephone", 1),
            v_of("留声机", "gramophone", 2, &[Material::Wood, Material::Metal]),
            v_of("收音机", "valve radio", 1, &[Material::Wood]),
            v("打字机", "typewriter", 1),
            v_in("电报机", "telegraph key", 1, &[Era::Republic]),
            v("台灯", "desk lamp", 0),
            Variant {
                materials: &[Material::Plastic],
                ..v_in("黑白电视机", "black-and-white TV", 1, &[Era::Modern])
            },
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (30, 300),
        quantity: (1, 10),
        tags: &["老物件", "vintage", "谍战"],
        suppliers: &[WANXIANG_PROPS],
        share: 4,
        aged: false,
    },
    // Vehicles.
    Line {
        sub: "carriage",
        noun: ("马车", "carriage"),
        eras: &[Era::QinHan, Era::ThreeKingdoms, Era::Tang, Era::Song, Era::Ming, Era::Qing],
        colours: &[Colour::Brown, Colour::Black, Colour::Red, Colour::Gold],
        materials: &[Material::Wood],
        kinds: PLAIN,
        grades: &[
            v("（单马）", "(one horse)", 0),
            v("（带篷）", "(covered)", 0),
            v("（双马）", "(two horses)", 1),
            v("（四马豪华）", "(four-horse state)", 2),
        ],
        show_colour: true,
        show_material: false,
        rate_yuan: (400, 2_500),
        quantity: (1, 6),
        tags: &["马车", "carriage", "出行"],
        suppliers: &[CHEMA_FLEET],
        share: 24,
        aged: false,
    },
    Line {
        sub: "rickshaw",
        noun: ("黄包车", "rickshaw"),
        eras: &[Era::Republic],
        colours: &[Colour::Black, Colour::Yellow, Colour::Brown, Colour::Red],
        materials: &[Material::Wood, Material::Metal],
        kinds: PLAIN,
        grades: &[
            v("（普通）", "(standard)", 0),
            v("（带篷）", "(with hood)", 1),
            v("（私家包车）", "(private)", 2),
        ],
        show_colour: true,
        show_material: false,
        rate_yuan: (80, 300),
        quantity: (1, 6),
        tags: &["黄包车", "rickshaw", "民国"],
        suppliers: &[CHEMA_FLEET, JIUCHUAN_MOTORS],
        share: 14,
        aged: false,
    },
    Line {
        sub: "vintage_car",
        noun: ("老式轿车", "vintage sedan"),
        eras: &[Era::Republic],
        colours: &[
            Colour::Black,
            Colour::Grey,
            Colour::Blue,
            Colour::Red,
            Colour::White,
            Colour::Green,
        ],
        materials: &[Material::Metal],
        kinds: &[
            v("敞篷", "open-top", 1),
            v("四门", "four-door", 0),
            v("双门", "two-door", 0),
            v("豪华", "luxury", 2),
            v("出租", "taxi-livery", 0),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (800, 3_000),
        quantity: (1, 3),
        tags: &["老爷车", "vintage car", "民国"],
        suppliers: &[JIUCHUAN_MOTORS],
        share: 18,
        aged: false,
    },
    Line {
        sub: "military_truck",
        noun: ("军用卡车", "military truck"),
        eras: MODERN_TIMES,
        colours: &[Colour::Green, Colour::Grey, Colour::Brown],
        materials: &[Material::Metal],
        kinds: PLAIN,
        grades: &[
            v("（敞篷）", "(open bed)", 0),
            v("（带篷布）", "(canvas-covered)", 1),
            v("（救护改装）", "(ambulance conversion)", 2),
        ],
        show_colour: true,
        show_material: false,
        rate_yuan: (1_000, 3_000),
        quantity: (1, 4),
        tags: &["军队", "truck", "战争"],
        suppliers: &[JIUCHUAN_MOTORS],
        share: 10,
        aged: true,
    },
    Line {
        sub: "bicycle",
        noun: ("自行车", "bicycle"),
        eras: MODERN_TIMES,
        colours: &[Colour::Black, Colour::Green, Colour::Blue, Colour::Red],
        materials: &[Material::Metal],
        kinds: PLAIN,
        grades: &[
            v("（二八大杠）", "(28-inch roadster)", 1),
            v("（女式）", "(ladies')", 0),
            v("（载货）", "(cargo)", 0),
        ],
        show_colour: true,
        show_material: false,
        rate_yuan: (30, 120),
        quantity: (1, 6),
        tags: &["自行车", "bicycle", "街景"],
        suppliers: &[JIUCHUAN_MOTORS],
        share: 14,
        aged: false,
    },
    Line {
        sub: "chariot",
        noun: ("战车", "chariot"),
        eras: &[Era::PreQin, Era::QinHan],
        colours: &[Colour::Black, Colour::Brown, Colour::Red, Colour::Gold],
        materials: &[Material::Wood, Material::Metal],
        kinds: PLAIN,
        grades: &[
            v("（双马）", "(two-horse)", 0),
            v("（四马）", "(four-horse)", 1),
            v("（主帅）", "(commander's)", 2),
        ],
        show_colour: true,
        show_material: false,
        rate_yuan: (800, 3_000),
        quantity: (1, 6),
        tags: &["战车", "chariot", "battle"],
        suppliers: &[CHEMA_FLEET],
        share: 10,
        aged: false,
    },
    Line {
        sub: "cart",
        noun: ("", ""),
        eras: &[
            Era::PreQin,
            Era::QinHan,
            Era::ThreeKingdoms,
            Era::Tang,
            Era::Song,
            Era::Ming,
            Era::Qing,
            Era::Republic,
        ],
        colours: &[Colour::Brown, Colour::Grey, Colour::Black],
        materials: &[Material::Wood],
        kinds: &[
            v("牛车", "ox cart", 1),
            v("驴车", "donkey cart", 1),
            v("板车", "hand cart", 0),
            v_of("独轮车", "wheelbarrow", 0, &[Material::Wood, Material::Bamboo]),
        ],
        grades: PLAIN,
        show_colour: true,
        show_material: false,
        rate_yuan: (60, 400),
        quantity: (1, 6),
        tags: &["农家", "cart", "市井"],
        suppliers: &[CHEMA_FLEET],
        share: 10,
        aged: true,
    },
];

fn era_words(era: Era) -> (&'static str, &'static str) {
    match era {
        Era::PreQin => ("先秦", "Pre-Qin"),
        Era::QinHan => ("秦汉", "Qin-Han"),
        Era::ThreeKingdoms => ("三国", "Three Kingdoms"),
        Era::Tang => ("唐代", "Tang"),
        Era::Song => ("宋代", "Song"),
        Era::Yuan => ("元代", "Yuan"),
        Era::Ming => ("明代", "Ming"),
        Era::Qing => ("清代", "Qing"),
        Era::Republic => ("民国", "Republic-era"),
        Era::Modern => ("现代", "Modern"),
        Era::Fantasy => ("仙侠", "Xianxia"),
    }
}

fn colour_words(colour: Colour) -> (&'static str, &'static str) {
    match colour {
        Colour::Red => ("红色", "red"),
        Colour::Yellow => ("黄色", "yellow"),
        Colour::Blue => ("蓝色", "blue"),
        Colour::Green => ("绿色", "green"),
        Colour::Black => ("黑色", "black"),
        Colour::White => ("白色", "white"),
        Colour::Purple => ("紫色", "purple"),
        Colour::Brown => ("棕色", "brown"),
        Colour::Gold => ("金色", "gold"),
        Colour::Silver => ("银色", "silver"),
        Colour::Grey => ("灰色", "grey"),
    }
}

fn material_words(material: Material) -> (&'static str, &'static str) {
    match material {
        Material::Silk => ("丝绸", "silk"),
        Material::Cotton => ("棉布", "cotton"),
        Material::Linen => ("麻布", "linen"),
        Material::Wool => ("呢料", "wool"),
        Material::Leather => ("皮革", "leather"),
        Material::Metal => ("金属", "metal"),
        Material::Wood => ("木质", "wooden"),
        Material::Bamboo => ("竹制", "bamboo"),
        Material::Porcelain => ("瓷", "porcelain"),
        Material::Jade => ("玉", "jade"),
        Material::Paper => ("纸", "paper"),
        Material::Plastic => ("树脂", "resin"),
        Material::Mixed => ("", ""),
    }
}

const SIZE_WEIGHTS: &[(Size, u32)] =
    &[(Size::Xs, 6), (Size::S, 16), (Size::M, 30), (Size::L, 26), (Size::Xl, 14), (Size::Xxl, 8)];
const CONDITION_WEIGHTS: &[(Condition, u32)] =
    &[(Condition::New, 15), (Condition::Good, 50), (Condition::Fair, 25), (Condition::Worn, 10)];
const AGED_CONDITION_WEIGHTS: &[(Condition, u32)] =
    &[(Condition::New, 5), (Condition::Good, 30), (Condition::Fair, 30), (Condition::Worn, 35)];

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

fn pick<T: Copy>(rng: &mut fastrand::Rng, items: &[T]) -> T {
    items[rng.usize(0..items.len())]
}

/// Variants that may be used with `era`.
fn fitting(variants: &'static [Variant], era: Era) -> Vec<&'static Variant> {
    variants.iter().filter(|v| v.eras.is_empty() || v.eras.contains(&era)).collect()
}

/// Rounds a price to what a rate card would show: whole yuan, then tens, then fifties.
fn round_price(yuan: i64) -> i64 {
    match yuan {
        ..100 => yuan,
        100..1_000 => (yuan + 5) / 10 * 10,
        _ => (yuan + 25) / 50 * 50,
    }
}

/// A value from the `tier`-th third of `range` (tier 0 lowest).
fn in_band(rng: &mut fastrand::Rng, (lo, hi): (i64, i64), tier: i64) -> i64 {
    let span = hi - lo;
    rng.i64(lo + span * tier / 3..=lo + span * (tier + 1) / 3)
}

/// One random draw of a line's facets, before naming and pricing.
struct Draft {
    era: Era,
    colour: Colour,
    material: Material,
    kind: &'static Variant,
    grade: &'static Variant,
    size: Option<Size>,
    condition: Condition,
    supplier: &'static str,
}

impl Draft {
    fn tier(&self) -> i64 {
        (self.kind.tier + self.grade.tier).min(2)
    }
}

fn draft(rng: &mut fastrand::Rng, line: &Line, costume: bool) -> Draft {
    loop {
        let era = pick(rng, line.eras);
        let (kinds, grades) = (fitting(line.kinds, era), fitting(line.grades, era));
        if kinds.is_empty() || grades.is_empty() {
            continue;
        }
        let kind = pick(rng, &kinds);
        let grade = pick(rng, &grades);
        let materials = [kind.materials, grade.materials]
            .into_iter()
            .find(|m| !m.is_empty())
            .unwrap_or(line.materials);
        let conditions = if line.aged { AGED_CONDITION_WEIGHTS } else { CONDITION_WEIGHTS };
        return Draft {
            era,
            colour: pick(rng, line.colours),
            material: pick(rng, materials),
            kind,
            grade,
            size: costume.then(|| weighted(rng, SIZE_WEIGHTS)),
            condition: weighted(rng, conditions),
            supplier: pick(rng, line.suppliers),
        };
    }
}

fn names(line: &Line, d: &Draft) -> (String, String) {
    let era = era_words(d.era);
    let colour = if line.show_colour { colour_words(d.colour) } else { ("", "") };
    let material = if line.show_material { material_words(d.material) } else { ("", "") };
    let parts =
        [era, colour, material, (d.kind.zh, d.kind.en), line.noun, (d.grade.zh, d.grade.en)];
    let zh = parts.iter().map(|p| p.0).collect();
    let en = parts.iter().map(|p| p.1).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    (zh, en)
}

fn tags(line: &Line, d: &Draft) -> Vec<String> {
    let era = d.era.label(Lang::Zh);
    let worn = (d.condition == Condition::Worn).then_some("做旧");
    let mut tags: Vec<String> = Vec::with_capacity(line.tags.len() + 2);
    for tag in line.tags.iter().copied().chain([era]).chain(worn) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

fn item(rng: &mut fastrand::Rng, line: &Line, target: &Target, number: i64, d: Draft) -> SeedItem {
    let (name_zh, name_en) = names(line, &d);
    let rate = round_price(in_band(rng, line.rate_yuan, d.tier()))
        .clamp(line.rate_yuan.0, line.rate_yuan.1);
    let deposit = rate * rng.i64(3..=10);
    SeedItem {
        sku: format!("{}-{number:05}", target.prefix),
        category: target.category,
        subcategory: line.sub,
        era: d.era,
        colour: d.colour,
        material: d.material,
        size: d.size,
        condition: d.condition,
        quantity_owned: in_band(rng, line.quantity, 2 - d.tier()),
        daily_rate_fen: rate * 100,
        deposit_fen: deposit * 100,
        supplier_code: d.supplier,
        tags: tags(line, &d),
        name_zh,
        name_en,
    }
}

fn category_of(code: &str) -> Category {
    subcategory(code).map(|s| s.category).unwrap_or_else(|| panic!("unknown subcategory {code}"))
}

/// The whole catalogue, grouped by category then sub-category; the same on every call.
/// No two lines share name, size, condition and supplier.
pub fn catalogue_items() -> Vec<SeedItem> {
    let mut rng = fastrand::Rng::with_seed(SEED);
    let mut items = Vec::with_capacity(ITEM_COUNT);
    let mut seen = HashSet::new();
    for target in TARGETS {
        let costume = target.category == Category::Costume;
        let mut number = 0;
        for line in LINES.iter().filter(|l| category_of(l.sub) == target.category) {
            for _ in 0..target.count * line.share / 100 {
                let d = (0..10_000)
                    .map(|_| draft(&mut rng, line, costume))
                    .find(|d| {
                        let (zh, _) = names(line, d);
                        seen.insert((zh, d.size, d.condition, d.supplier))
                    })
                    .unwrap_or_else(|| panic!("ran out of distinct {} lines", line.sub));
                number += 1;
                items.push(item(&mut rng, line, target, number, d));
            }
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::super::suppliers::SUPPLIERS;
    use super::*;
    use std::collections::HashMap;

    fn yuan(fen: i64) -> i64 {
        fen / 100
    }

    fn of(items: &[SeedItem], sub: &str) -> Vec<SeedItem> {
        items.iter().filter(|i| i.subcategory == sub).cloned().collect()
    }

    #[test]
    fn subcategories_are_unique_snake_case_and_cover_categories() {
        let mut seen = HashSet::new();
        for s in SUBCATEGORIES {
            assert!(seen.insert(s.code), "duplicate {}", s.code);
            assert!(s.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
        for category in Category::ALL {
            let n = SUBCATEGORIES.iter().filter(|s| s.category == *category).count();
            assert!((6..=10).contains(&n), "{category:?} has {n} sub-categories");
        }
    }

    #[test]
    fn every_line_recipe_is_consistent() {
        for target in TARGETS {
            let share: i64 = LINES
                .iter()
                .filter(|l| category_of(l.sub) == target.category)
                .map(|l| l.share)
                .sum();
            assert_eq!(share, 100, "{:?}", target.category);
        }
        for s in SUBCATEGORIES {
            assert_eq!(LINES.iter().filter(|l| l.sub == s.code).count(), 1, "{}", s.code);
        }
    }

    #[test]
    fn exactly_4500_items_split_by_category() {
        let items = catalogue_items();
        assert_eq!(items.len(), ITEM_COUNT);
        let mut per: HashMap<Category, usize> = HashMap::new();
        for i in &items {
            *per.entry(i.category).or_default() += 1;
        }
        assert_eq!(per[&Category::Costume], 2_000);
        assert_eq!(per[&Category::Makeup], 700);
        assert_eq!(per[&Category::Prop], 1_400);
        assert_eq!(per[&Category::Vehicle], 400);
    }

    #[test]
    fn skus_are_unique_and_well_formed() {
        let items = catalogue_items();
        let skus: HashSet<_> = items.iter().map(|i| i.sku.as_str()).collect();
        assert_eq!(skus.len(), items.len());
        for i in &items {
            let prefix = match i.category {
                Category::Costume => "CO-",
                Category::Makeup => "MU-",
                Category::Prop => "PR-",
                Category::Vehicle => "VE-",
            };
            let digits = i.sku.strip_prefix(prefix).expect("prefix matches category");
            assert!(digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()), "{}", i.sku);
        }
    }

    #[test]
    fn items_reference_known_subcategories_and_stock_suppliers() {
        for i in catalogue_items() {
            let s = subcategory(i.subcategory).expect("known subcategory");
            assert_eq!(s.category, i.category, "{}", i.sku);
            let supplier =
                SUPPLIERS.iter().find(|s| s.code == i.supplier_code).expect("known supplier");
            assert_eq!(supplier.kind, SupplierKind::Stock);
        }
    }

    #[test]
    fn sizes_only_on_costumes() {
        for i in catalogue_items() {
            assert_eq!(i.size.is_some(), i.category == Category::Costume, "{}", i.sku);
        }
    }

    #[test]
    fn quantities_rates_deposits_and_tags_are_realistic() {
        for i in catalogue_items() {
            let (lo, hi) = match i.category {
                Category::Costume => (1, 80),
                Category::Makeup | Category::Prop => (1, 50),
                Category::Vehicle => (1, 6),
            };
            assert!((lo..=hi).contains(&i.quantity_owned), "{} qty {}", i.sku, i.quantity_owned);
            assert!(i.daily_rate_fen > 0 && i.daily_rate_fen % 100 == 0);
            assert_eq!(i.deposit_fen % i.daily_rate_fen, 0);
            assert!((3..=10).contains(&(i.deposit_fen / i.daily_rate_fen)), "{}", i.sku);
            assert!((2..=5).contains(&i.tags.len()), "{} tags", i.sku);
            assert_eq!(i.tags.iter().collect::<HashSet<_>>().len(), i.tags.len(), "{} tags", i.sku);
            assert!(!i.name_zh.is_empty() && !i.name_en.is_empty());
        }
        let items = catalogue_items();
        let check = |sub: &str, lo: i64, hi: i64| {
            for i in of(&items, sub) {
                assert!(
                    (lo..=hi).contains(&yuan(i.daily_rate_fen)),
                    "{} {}",
                    i.sku,
                    i.daily_rate_fen
                );
            }
        };
        check("commoner", 15, 40);
        check("dragon_robe", 300, 1_500);
        check("vintage_car", 800, 3_000);
        check("lantern", 5, 20);
    }

    #[test]
    fn eras_and_materials_fit_the_subcategory() {
        let items = catalogue_items();
        for i in &items {
            let line = LINES.iter().find(|l| l.sub == i.subcategory).unwrap();
            assert!(line.eras.contains(&i.era), "{} era", i.sku);
        }
        let all_in = |sub: &str, eras: &[Era], materials: &[Material]| {
            let stock = of(&items, sub);
            assert!(!stock.is_empty());
            for i in stock {
                assert!(eras.is_empty() || eras.contains(&i.era), "{} {:?}", i.sku, i.era);
                assert!(materials.is_empty() || materials.contains(&i.material), "{}", i.sku);
            }
        };
        all_in("qipao", MODERN_TIMES, &[Material::Silk, Material::Cotton]);
        all_in("chariot", &[Era::PreQin, Era::QinHan], &[]);
        all_in("vintage_car", &[Era::Republic], &[Material::Metal]);
        all_in("dragon_robe", IMPERIAL, &[Material::Silk]);
        all_in("armour", &[], &[Material::Metal, Material::Leather]);
        all_in("porcelain", &[], &[Material::Porcelain]);
    }

    #[test]
    fn names_carry_searchable_words() {
        let items = catalogue_items();
        for (sub, word) in [
            ("dragon_robe", "龙袍"),
            ("armour", "铠甲"),
            ("qipao", "旗袍"),
            ("lantern", "灯笼"),
            ("carriage", "马车"),
            ("official_robe", "官服"),
            ("vintage_car", "老式轿车"),
        ] {
            for i in of(&items, sub) {
                assert!(i.name_zh.contains(word), "{} lacks {word}", i.name_zh);
            }
        }
    }

    #[test]
    fn names_read_like_stock_lines() {
        let line = LINES.iter().find(|l| l.sub == "official_robe").unwrap();
        let d = Draft {
            era: Era::Ming,
            colour: Colour::Red,
            material: Material::Silk,
            kind: &PLAIN[0],
            grade: &RANKS[3],
            size: Some(Size::M),
            condition: Condition::Good,
            supplier: XINGHUI_WARDROBE,
        };
        let (zh, en) = names(line, &d);
        assert_eq!(zh, "明代红色丝绸官服（四品）");
        assert_eq!(en, "Ming red silk official robe (4th rank)");
    }

    #[test]
    fn every_supplier_of_stock_has_items() {
        let items = catalogue_items();
        for s in SUPPLIERS.iter().filter(|s| s.kind == SupplierKind::Stock) {
            assert!(items.iter().any(|i| i.supplier_code == s.code), "{} has no stock", s.code);
        }
    }

    #[test]
    fn deterministic() {
        assert_eq!(format!("{:?}", catalogue_items()), format!("{:?}", catalogue_items()));
    }
}
