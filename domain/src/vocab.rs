//! The studio's controlled vocabularies (eras, location types, facilities, catalogue facets…),
//! each value with a stable code for URLs and storage and its Chinese and English labels.
//!
//! These labels are data shared by the server (search matches "宋" as well as "Song") and the
//! browser, so they live here rather than in the UI's translation files.

use serde::{Deserialize, Serialize};

/// The two languages every screen is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Picks a language from an `Accept-Language` header value: the first tag that names
    /// Chinese or English wins; anything else falls back to Chinese, the studio's own language.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut tags: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((quality, tag))
            })
            .collect();
        tags.sort_by(|a, b| b.0.total_cmp(&a.0));
        tags.iter()
            .find_map(|(_, tag)| {
                let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
                match primary.as_str() {
                    "zh" => Some(Lang::Zh),
                    "en" => Some(Lang::En),
                    _ => None,
                }
            })
            .unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text for this language out of a pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Declares a vocabulary: an enum whose values carry a code and two labels.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code used in URLs and storage.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// Reads a code back; unknown codes give `None`.
            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::Zh) => $zh, ($name::$variant, Lang::En) => $en,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

vocabulary! {
    /// Historical period or style a set, costume or prop belongs to.
    Era {
        PreQin => "pre_qin", "先秦", "Pre-Qin";
        QinHan => "qin_han", "秦汉", "Qin–Han";
        ThreeKingdoms => "three_kingdoms", "三国两晋", "Three Kingdoms–Jin";
        Tang => "tang", "唐", "Tang";
        Song => "song", "宋", "Song";
        Yuan => "yuan", "元", "Yuan";
        Ming => "ming", "明", "Ming";
        Qing => "qing", "清", "Qing";
        Republic => "republic", "民国", "Republic of China";
        Modern => "modern", "现代", "Modern";
        Fantasy => "fantasy", "古装仙侠", "Fantasy / xianxia";
    }
}

vocabulary! {
    /// Training modules (码上培训): short lessons with a quiz; passing is recorded on the actor's
    /// profile, and a call may require a module.
    Module {
        SetSafety => "set_safety", "片场安全", "Set safety";
        Horses => "horses", "与马共事", "Working with horses";
        Pyrotechnics => "pyrotechnics", "烟火与爆破", "Pyrotechnics";
        HeatAndArmour => "heat_armour", "高温与铠甲", "Heat and armour";
    }
}

vocabulary! {
    /// What kind of place a location is.
    LocationKind {
        Palace => "palace", "宫殿", "Palace";
        Street => "street", "街道", "Street";
        Temple => "temple", "寺庙", "Temple";
        Village => "village", "村落民居", "Village";
        Garden => "garden", "园林", "Garden";
        Fortress => "fortress", "城池关隘", "Fortress & city wall";
        Natural => "natural", "自然风光", "Natural landscape";
        Stage => "stage", "摄影棚", "Sound stage";
        Modern => "modern", "现代场景", "Modern setting";
    }
}

vocabulary! {
    /// Whether shooting happens inside, outside or both.
    Setting {
        Indoor => "indoor", "室内", "Indoor";
        Outdoor => "outdoor", "室外", "Outdoor";
        Mixed => "mixed", "室内外", "Indoor & outdoor";
    }
}

vocabulary! {
    /// What a location offers crews on site.
    Facility {
        MakeupRoom => "makeup_room", "化妆间", "Make-up rooms";
        Catwalk => "catwalk", "马道", "Catwalks (马道)";
        VehicleAccess => "vehicle_access", "车辆通行", "Vehicle access";
        Power => "power", "电源", "Mains power";
        Parking => "parking", "停车场", "Parking";
        Accommodation => "accommodation", "附近住宿", "Accommodation nearby";
        Canteen => "canteen", "餐饮", "Catering";
        Soundproof => "soundproof", "隔音", "Soundproofing";
    }
}

vocabulary! {
    /// The studio's main site or one of its outlying location bases.
    Base {
        Hengdian => "hengdian", "横店", "Hengdian";
        PanAn => "panan", "磐安", "Pan'an";
        Yongkang => "yongkang", "永康", "Yongkang";
        Xinchang => "xinchang", "新昌", "Xinchang";
        Xianju => "xianju", "仙居", "Xianju";
        Xinjiang => "xinjiang", "新疆", "Xinjiang";
        Liaoning => "liaoning", "辽宁", "Liaoning";
    }
}

vocabulary! {
    /// The four departments of the 服化道 stock.
    Category {
        Costume => "costume", "服装", "Costumes";
        Makeup => "makeup", "化妆", "Make-up";
        Prop => "prop", "道具", "Props";
        Vehicle => "vehicle", "车辆", "Vehicles";
    }
}

vocabulary! {
    /// Colour of a catalogue item.
    Colour {
        Red => "red", "红", "Red";
        Yellow => "yellow", "黄", "Yellow";
        Blue => "blue", "蓝", "Blue";
        Green => "green", "绿", "Green";
        Black => "black", "黑", "Black";
        White => "white", "白", "White";
        Purple => "purple", "紫", "Purple";
        Brown => "brown", "棕", "Brown";
        Gold => "gold", "金", "Gold";
        Silver => "silver", "银", "Silver";
        Grey => "grey", "灰", "Grey";
    }
}

vocabulary! {
    /// Main material of a catalogue item.
    Material {
        Silk => "silk", "丝绸", "Silk";
        Cotton => "cotton", "棉布", "Cotton";
        Linen => "linen", "麻", "Linen";
        Wool => "wool", "毛呢", "Wool";
        Leather => "leather", "皮革", "Leather";
        Metal => "metal", "金属", "Metal";
        Wood => "wood", "木", "Wood";
        Bamboo => "bamboo", "竹", "Bamboo";
        Porcelain => "porcelain", "瓷", "Porcelain";
        Jade => "jade", "玉", "Jade";
        Paper => "paper", "纸", "Paper";
        Plastic => "plastic", "树脂塑料", "Resin & plastic";
        Mixed => "mixed", "综合", "Mixed";
    }
}

vocabulary! {
    /// Costume size.
    Size {
        Xs => "xs", "XS", "XS";
        S => "s", "S", "S";
        M => "m", "M", "M";
        L => "l", "L", "L";
        Xl => "xl", "XL", "XL";
        Xxl => "xxl", "XXL", "XXL";
    }
}

vocabulary! {
    /// State an item is in.
    Condition {
        New => "new", "全新", "New";
        Good => "good", "良好", "Good";
        Fair => "fair", "一般", "Fair";
        Worn => "worn", "做旧", "Aged / distressed";
    }
}

vocabulary! {
    /// An actor's gender as recorded on their profile and asked for by calls.
    Gender {
        Female => "female", "女", "Female";
        Male => "male", "男", "Male";
    }
}

vocabulary! {
    /// Skills a background actor can offer and a call can require.
    Skill {
        HorseRiding => "horse_riding", "骑马", "Horse riding";
        MartialArts => "martial_arts", "武术", "Martial arts";
        Wirework => "wirework", "威亚", "Wirework";
        Swordplay => "swordplay", "剑术", "Swordplay";
        Dance => "dance", "舞蹈", "Dance";
        Guqin => "guqin", "古琴", "Guqin";
        Calligraphy => "calligraphy", "书法", "Calligraphy";
        Driving => "driving", "驾驶", "Driving";
        Swimming => "swimming", "游泳", "Swimming";
        Cantonese => "cantonese", "粤语", "Cantonese";
        English => "english", "英语", "English";
        Acrobatics => "acrobatics", "杂技", "Acrobatics";
        Japanese => "japanese", "日语", "Japanese";
        Korean => "korean", "韩语", "Korean";
        Russian => "russian", "俄语", "Russian";
    }
}

impl Skill {
    /// Languages are skills like any other (a call may ask for English); profiles list them
    /// apart.
    pub fn is_language(self) -> bool {
        matches!(
            self,
            Skill::Cantonese | Skill::English | Skill::Japanese | Skill::Korean | Skill::Russian
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_to_its_value() {
        for era in Era::ALL {
            assert_eq!(Era::parse(era.code()), Some(*era));
        }
        for facility in Facility::ALL {
            assert_eq!(Facility::parse(facility.code()), Some(*facility));
        }
        assert_eq!(Era::parse("jurassic"), None);
    }

    #[test]
    fn labels_come_in_both_languages() {
        assert_eq!(Era::Song.label(Lang::Zh), "宋");
        assert_eq!(Era::Song.label(Lang::En), "Song");
        assert_eq!(Category::Costume.label(Lang::Zh), "服装");
    }

    #[test]
    fn serde_uses_the_stable_code() {
        let json = serde_json::to_string(&Era::ThreeKingdoms).unwrap();
        assert_eq!(json, "\"three_kingdoms\"");
        let back: Era = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Era::ThreeKingdoms);
    }

    #[test]
    fn accept_language_prefers_the_best_supported_tag() {
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Lang::En);
        assert_eq!(Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"), Lang::Zh);
        assert_eq!(Lang::from_accept_language("fr-FR,en;q=0.5,zh;q=0.4"), Lang::En);
        assert_eq!(Lang::from_accept_language("de"), Lang::Zh);
        assert_eq!(Lang::from_accept_language(""), Lang::Zh);
        assert_eq!(Lang::from_accept_language("zh;q=0.2, en;q=0.9"), Lang::En);
    }
}
