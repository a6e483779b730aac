//! Seed suppliers (stock houses and location operators) and productions (剧组).

use super::model::*;
use domain::vocab::*;

/// Period costumes for court dramas: dragon robes, official robes, armour, palace dress.
pub const XINGHUI_WARDROBE: &str = "xinghui-wardrobe";
/// Hanfu, commoners' clothes and xianxia costumes, made to order and rented.
pub const JINXIU_COSTUME: &str = "jinxiu-costume";
/// Republic-era and modern wardrobe: qipao, long gowns, uniforms, suits.
pub const HAIPAI_WARDROBE: &str = "haipai-wardrobe";
/// Wigs, headdresses, beards, wound effects and prosthetics.
pub const YANRONG_MAKEUP: &str = "yanrong-makeup";
/// General props: porcelain, lanterns, tableware, writing sets, instruments, electricals.
pub const WANXIANG_PROPS: &str = "wanxiang-props";
/// Prop weapons and banners.
pub const GUYUE_ARMS: &str = "guyue-arms";
/// Dongyang wood-carving workshop: furniture and sedan chairs.
pub const MUYUN_FURNITURE: &str = "muyun-furniture";
/// Horse-drawn and hand-pulled vehicles, chariots.
pub const CHEMA_FLEET: &str = "chema-fleet";
/// Vintage cars, trucks and bicycles.
pub const JIUCHUAN_MOTORS: &str = "jiuchuan-motors";

/// Hengdian's own period sets.
pub const HENGDIAN_SETS: &str = "hengdian-sets";
/// The sound stages and modern backlots of the studio park.
pub const HENGDIAN_STAGES: &str = "hengdian-stages";
/// Outlying bases in Zhejiang (Pan'an, Yongkang, Xinchang, Xianju).
pub const ZHEJIANG_BASES: &str = "zhejiang-bases";
/// The Xinjiang desert base.
pub const XINJIANG_BASE: &str = "xinjiang-base";
/// The Liaoning snow base.
pub const LIAONING_BASE: &str = "liaoning-base";

const fn stock(
    code: &'static str,
    names: (&'static str, &'static str),
    site: (&'static str, &'static str),
) -> SeedSupplier {
    supplier(code, SupplierKind::Stock, names, site)
}

const fn operator(
    code: &'static str,
    names: (&'static str, &'static str),
    site: (&'static str, &'static str),
) -> SeedSupplier {
    supplier(code, SupplierKind::LocationOperator, names, site)
}

const fn supplier(
    code: &'static str,
    kind: SupplierKind,
    (name_zh, name_en): (&'static str, &'static str),
    (site_zh, site_en): (&'static str, &'static str),
) -> SeedSupplier {
    SeedSupplier { code, kind, name_zh, name_en, site_zh, site_en }
}

pub const SUPPLIERS: &[SeedSupplier] = &[
    stock(
        XINGHUI_WARDROBE,
        ("横店星辉影视服装有限公司", "Hengdian Xinghui Film Wardrobe Co., Ltd."),
        ("横店影视产业园 3号仓", "Hengdian Film Industry Park, Warehouse 3"),
    ),
    stock(
        JINXIU_COSTUME,
        ("东阳锦绣古装制作有限公司", "Dongyang Jinxiu Period Costume Co., Ltd."),
        ("东阳市南马镇工业区 8幢", "Building 8, Nanma Industrial Zone, Dongyang"),
    ),
    stock(
        HAIPAI_WARDROBE,
        ("横店海派民国服饰租赁行", "Hengdian Haipai Republic-Era Wardrobe Rentals"),
        ("横店镇万盛南街 126号", "126 Wansheng South Street, Hengdian"),
    ),
    stock(
        YANRONG_MAKEUP,
        ("横店妍容特效化妆工作室", "Hengdian Yanrong SFX Make-up Studio"),
        ("横店影视产业园 化妆楼 2层", "Make-up Block, 2nd floor, Hengdian Film Industry Park"),
    ),
    stock(
        WANXIANG_PROPS,
        ("横店万象影视道具有限公司", "Hengdian Wanxiang Film Props Co., Ltd."),
        ("横店影视产业园 5号仓", "Hengdian Film Industry Park, Warehouse 5"),
    ),
    stock(
        GUYUE_ARMS,
        ("东阳古越兵器道具厂", "Dongyang Guyue Prop Armoury"),
        ("东阳市湖溪镇 兵器道具园", "Prop Armoury Yard, Huxi Town, Dongyang"),
    ),
    stock(
        MUYUN_FURNITURE,
        ("东阳木韵家具道具有限公司", "Dongyang Muyun Furniture Props Co., Ltd."),
        ("东阳市木雕城 C区", "Zone C, Dongyang Wood Carving City"),
    ),
    stock(
        CHEMA_FLEET,
        ("横店影视车马行", "Hengdian Film Carriage & Horse Yard"),
        ("横店镇八面山脚 马场路 9号", "9 Machang Road, below Bamian Mountain, Hengdian"),
    ),
    stock(
        JIUCHUAN_MOTORS,
        ("金华久川老爷车租赁有限公司", "Jinhua Jiuchuan Vintage Vehicle Rentals Co., Ltd."),
        ("横店影视产业园 车辆库 A区", "Vehicle Depot Zone A, Hengdian Film Industry Park"),
    ),
    operator(
        HENGDIAN_SETS,
        ("横店影视城场景管理部", "Hengdian World Studios Set Management"),
        (
            "横店镇万盛北街 影视城管理中心",
            "Studio Management Centre, Wansheng North Street, Hengdian",
        ),
    ),
    operator(
        HENGDIAN_STAGES,
        ("横店影视产业实验区摄影棚运营中心", "Hengdian Studio Park Stage Operations"),
        ("横店影视产业实验区 综合楼", "Main Office, Hengdian Studio Park"),
    ),
    operator(
        ZHEJIANG_BASES,
        ("浙中外景基地管理有限公司", "Central Zhejiang Location Bases Co., Ltd."),
        ("磐安县安文街道 外景服务站", "Location Service Office, Anwen, Pan'an"),
    ),
    operator(
        XINJIANG_BASE,
        ("鄯善大漠影视外景服务有限公司", "Shanshan Desert Location Services Co., Ltd."),
        ("新疆鄯善县 库木塔格沙漠景区 东门", "East Gate, Kumtag Desert, Shanshan, Xinjiang"),
    ),
    operator(
        LIAONING_BASE,
        ("辽宁关东影视外景服务有限公司", "Liaoning Guandong Location Services Co., Ltd."),
        (
            "辽宁省抚顺市 新宾县 外景服务站",
            "Location Service Office, Xinbin County, Fushun, Liaoning",
        ),
    ),
];

const fn production(
    code: &'static str,
    (name_zh, name_en): (&'static str, &'static str),
    (company_zh, company_en): (&'static str, &'static str),
    verified: bool,
    era: Option<Era>,
) -> SeedProduction {
    SeedProduction { code, name_zh, name_en, company_zh, company_en, verified, era }
}

pub const PRODUCTIONS: &[SeedProduction] = &[
    production(
        "lingyan-pavilion",
        ("凌烟阁", "The Lingyan Pavilion"),
        ("浙江长风影业有限公司", "Zhejiang Changfeng Pictures Co., Ltd."),
        true,
        Some(Era::Tang),
    ),
    production(
        "qin-beacons",
        ("秦川烽火", "Beacons over Qinchuan"),
        ("西安大风影视文化有限公司", "Xi'an Dafeng Film & TV Culture Co., Ltd."),
        true,
        Some(Era::QinHan),
    ),
    production(
        "brocade-guard",
        ("锦衣长歌", "Song of the Brocade Guard"),
        ("北京青岚影视传媒有限公司", "Beijing Qinglan Film & Media Co., Ltd."),
        true,
        Some(Era::Ming),
    ),
    production(
        "late-autumn-palace",
        ("紫禁深秋", "Late Autumn in the Forbidden City"),
        ("上海金阙影视制作有限公司", "Shanghai Jinque Film Production Co., Ltd."),
        true,
        Some(Era::Qing),
    ),
    production(
        "shanghai-haze",
        ("沪上烟云", "Shanghai Haze"),
        ("上海申江影业有限公司", "Shanghai Shenjiang Pictures Co., Ltd."),
        true,
        Some(Era::Republic),
    ),
    production(
        "bianjing-kitchen",
        ("汴京小食记", "The Bianjing Kitchen"),
        ("杭州南宋映画文化传媒有限公司", "Hangzhou Nansong Pictures Media Co., Ltd."),
        true,
        Some(Era::Song),
    ),
    production(
        "nine-heavens-sword",
        ("九霄问剑", "Sword of the Nine Heavens"),
        ("横店云起影视有限公司", "Hengdian Yunqi Film Co., Ltd."),
        true,
        Some(Era::Fantasy),
    ),
    production(
        "red-cliff-chronicle",
        ("赤壁烽烟录", "Chronicle of the Red Cliff"),
        ("湖北荆楚影视集团有限公司", "Hubei Jingchu Film Group Co., Ltd."),
        true,
        Some(Era::ThreeKingdoms),
    ),
    production(
        "on-set",
        ("片场", "On Set"),
        ("北京光年之外影视文化有限公司", "Beijing Lightyear Film Culture Co., Ltd."),
        true,
        Some(Era::Modern),
    ),
    production(
        "guandong-snow",
        ("关东雪", "Snow beyond the Pass"),
        ("辽宁北国影视制作有限公司", "Liaoning Beiguo Film Production Co., Ltd."),
        true,
        Some(Era::Qing),
    ),
    production(
        "desert-citadel",
        ("大漠孤城", "The Lone Citadel"),
        ("新疆天山影业有限公司", "Xinjiang Tianshan Pictures Co., Ltd."),
        true,
        Some(Era::Tang),
    ),
    production(
        "hengdian-days",
        ("横漂日记", "Hengdian Drifters"),
        ("浙江小镇纪录影像工作室", "Zhejiang Small Town Documentary Studio"),
        true,
        None,
    ),
    production(
        "dadu-storm",
        ("大都风云", "Storm over Dadu"),
        ("杭州鸿鹄影视传媒有限公司", "Hangzhou Honghu Film Media Co., Ltd."),
        false,
        Some(Era::Yuan),
    ),
    production(
        "heiress-returns",
        ("千金归来", "The Heiress Returns"),
        ("金华星速短剧文化有限公司", "Jinhua Xingsu Short Drama Culture Co., Ltd."),
        false,
        None,
    ),
];

/// The supplier with this code, if any.
pub fn supplier_by_code(code: &str) -> Option<&'static SeedSupplier> {
    SUPPLIERS.iter().find(|s| s.code == code)
}

/// The production with this code, if any.
pub fn production_by_code(code: &str) -> Option<&'static SeedProduction> {
    PRODUCTIONS.iter().find(|p| p.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn count_kind(kind: SupplierKind) -> usize {
        SUPPLIERS.iter().filter(|s| s.kind == kind).count()
    }

    #[test]
    fn enough_suppliers_of_each_kind() {
        assert!(count_kind(SupplierKind::Stock) >= 6);
        assert!(count_kind(SupplierKind::LocationOperator) >= 3);
    }

    #[test]
    fn supplier_codes_are_unique_ascii() {
        let mut seen = HashSet::new();
        for s in SUPPLIERS {
            assert!(seen.insert(s.code), "duplicate supplier {}", s.code);
            assert!(s.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert!(!s.name_zh.is_empty() && !s.name_en.is_empty());
            assert!(!s.site_zh.is_empty() && !s.site_en.is_empty());
        }
    }

    #[test]
    fn productions_are_mostly_verified_with_eras() {
        assert!(PRODUCTIONS.len() >= 10);
        let unverified = PRODUCTIONS.iter().filter(|p| !p.verified).count();
        assert_eq!(unverified, 2);
        let with_era = PRODUCTIONS.iter().filter(|p| p.era.is_some()).count();
        assert!(with_era * 2 > PRODUCTIONS.len());
        let codes: HashSet<_> = PRODUCTIONS.iter().map(|p| p.code).collect();
        assert_eq!(codes.len(), PRODUCTIONS.len());
    }

    #[test]
    fn lookups_find_known_codes() {
        assert_eq!(supplier_by_code(CHEMA_FLEET).map(|s| s.kind), Some(SupplierKind::Stock));
        assert!(production_by_code("lingyan-pavilion").is_some());
        assert!(supplier_by_code("nobody").is_none());
    }
}
