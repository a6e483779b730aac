//! The travel guide (交通攻略): how background actors and crews reach Hengdian and get around it —
//! assembly points where crews' buses pick actors up, town bus lines between the sets, car
//! parks, and the ways in from the railway stations and the airport. Seeded content, the same
//! for everyone; positions are WGS-84 like every other position in Backlot. Bus lines are
//! drawn stop to stop (roads are not modelled), which is enough to see which line serves a set.

use crate::geo::{GeoPoint, HENGDIAN_CENTRE};
use crate::training::Bilingual;
use crate::vocab::Lang;

const fn t(zh: &'static str, en: &'static str) -> Bilingual {
    Bilingual { zh, en }
}

/// What a place on the guide is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// Where crews' buses collect background actors before a shoot.
    Assembly,
    /// A bus stop of the town's lines.
    Stop,
    /// A car park open to crews' vehicles.
    Parking,
    /// A railway or coach station, or the airport: where people arrive.
    Station,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 4] =
        [PlaceKind::Assembly, PlaceKind::Stop, PlaceKind::Parking, PlaceKind::Station];

    pub fn code(self) -> &'static str {
        match self {
            PlaceKind::Assembly => "assembly",
            PlaceKind::Stop => "stop",
            PlaceKind::Parking => "parking",
            PlaceKind::Station => "station",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PlaceKind::Assembly => lang.pick("群演集合点", "Assembly point"),
            PlaceKind::Stop => lang.pick("公交站", "Bus stop"),
            PlaceKind::Parking => lang.pick("停车场", "Car park"),
            PlaceKind::Station => lang.pick("车站与机场", "Station or airport"),
        }
    }

    /// The colour the map draws the kind in (also used by the page's legend).
    pub fn colour(self) -> &'static str {
        match self {
            PlaceKind::Assembly => "#b3261e",
            PlaceKind::Stop => "#1f5fa8",
            PlaceKind::Parking => "#3d6b35",
            PlaceKind::Station => "#6b3fa0",
        }
    }
}

/// A point on the guide.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Stable, URL-safe; the page's anchor (`/travel#<id>`).
    pub id: &'static str,
    pub kind: PlaceKind,
    pub name: Bilingual,
    /// Latitude and longitude, WGS-84.
    pub at: (f64, f64),
    /// Opening hours, what happens there, what to bring or avoid.
    pub note: Bilingual,
}

impl Place {
    pub fn point(&self) -> GeoPoint {
        GeoPoint::new(self.at.0, self.at.1).unwrap_or(HENGDIAN_CENTRE)
    }
}

/// A town bus line: its stops in order (ids of `PlaceKind::Stop` places).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BusLine {
    /// What is written on the bus (`1`, `K2`).
    pub code: &'static str,
    pub name: Bilingual,
    /// The map's colour for the line.
    pub colour: &'static str,
    pub stops: &'static [&'static str],
    /// First and last departures, studio time.
    pub first: &'static str,
    pub last: &'static str,
    /// Minutes between buses.
    pub every_minutes: u32,
    /// The fare, whole yuan.
    pub fare_yuan: u32,
}

impl BusLine {
    /// The line's stops, in order.
    pub fn path(&self) -> impl Iterator<Item = &'static Place> + '_ {
        self.stops.iter().filter_map(|id| place(id))
    }

    /// The line's length along its stops, in metres.
    pub fn length_m(&self) -> f64 {
        let points: Vec<GeoPoint> = self.path().map(Place::point).collect();
        points.windows(2).map(|pair| pair[0].distance_m(pair[1])).sum()
    }
}

/// A way into Hengdian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrival {
    /// The station or airport (a `PlaceKind::Station` place id).
    pub from: &'static str,
    pub how: Bilingual,
    /// Typical door-to-door minutes to Hengdian's bus station.
    pub minutes: u32,
    /// Typical fare, whole yuan (0 where it depends: taxis, own car).
    pub fare_yuan: u32,
}

const PLACES: &[Place] = &[
    // Assembly points.
    Place {
        id: "guild",
        kind: PlaceKind::Assembly,
        name: t("横店演员公会（万盛街）", "Hengdian Actors' Guild (Wansheng Street)"),
        at: (29.15960, 120.30740),
        note: t(
            "群演登记、证件办理和纠纷调解都在这里，工作日 8:30–17:30。早班剧组车 5:00 起在门前发车；请提前 15 分钟到，带身份证和群演证。",
            "Registration, ID cards and help with disputes, weekdays 8:30–17:30. Early crew buses leave from the door from 05:00; come 15 minutes early with your ID and actor card.",
        ),
    },
    Place {
        id: "assembly-guangzhou",
        kind: PlaceKind::Assembly,
        name: t("广州街·香港街北门集合点", "Guangzhou & Hong Kong Streets, north gate"),
        at: (29.18320, 120.30300),
        note: t(
            "民国戏、年代戏剧组的常用集合点，5:30–7:00 点名上车。天冷时门卫室可避风。",
            "Where Republic-era and period crews gather actors, roll call 05:30–07:00. The gatehouse gives shelter on cold mornings.",
        ),
    },
    Place {
        id: "assembly-qin",
        kind: PlaceKind::Assembly,
        name: t("秦王宫东停车场集合点", "Qin Palace, east car park"),
        at: (29.14330, 120.30010),
        note: t(
            "古装大场面（攻城、朝会）集合点，常在 4:30–6:00 点名，服装在场内领取。",
            "For big costume scenes (sieges, court audiences); roll call often 04:30–06:00, costumes handed out inside.",
        ),
    },
    Place {
        id: "assembly-ming-qing",
        kind: PlaceKind::Assembly,
        name: t("明清宫苑南广场集合点", "Ming-Qing Palace, south square"),
        at: (29.18500, 120.31600),
        note: t(
            "清宫戏集合点。副导演举剧组牌点名，请认准剧组名称，不要跟陌生人上私家车。",
            "For Qing court dramas. The AD holds up the production's sign for roll call: check the production's name and never get into a stranger's private car.",
        ),
    },
    Place {
        id: "assembly-qingming",
        kind: PlaceKind::Assembly,
        name: t("清明上河图入口集合点", "Along the River, main entrance"),
        at: (29.14690, 120.31880),
        note: t(
            "宋代戏、市井戏集合点，6:00–7:30 点名。门口有早餐摊。",
            "For Song-era and market-town scenes, roll call 06:00–07:30. Breakfast stalls by the gate.",
        ),
    },
    // Bus stops.
    Place {
        id: "stop-bus-station",
        kind: PlaceKind::Stop,
        name: t("横店汽车站", "Hengdian Bus Station"),
        at: (29.15480, 120.30230),
        note: t(
            "各线路起点站，有售票厅和寄存处。",
            "Where every line starts; ticket hall and left luggage.",
        ),
    },
    Place {
        id: "stop-wansheng",
        kind: PlaceKind::Stop,
        name: t("万盛街（演员公会）", "Wansheng Street (Actors' Guild)"),
        at: (29.15910, 120.30810),
        note: t("离演员公会 100 米。", "100 m from the Actors' Guild."),
    },
    Place {
        id: "stop-qin-palace",
        kind: PlaceKind::Stop,
        name: t("秦王宫", "Qin Palace"),
        at: (29.14360, 120.29930),
        note: t("东停车场旁。", "By the east car park."),
    },
    Place {
        id: "stop-tang-garden",
        kind: PlaceKind::Stop,
        name: t("春秋唐园", "Spring-Autumn & Tang Gardens"),
        at: (29.13860, 120.29370),
        note: t("", ""),
    },
    Place {
        id: "stop-dazhi",
        kind: PlaceKind::Stop,
        name: t("大智禅寺", "Dazhi Temple"),
        at: (29.13420, 120.30460),
        note: t("", ""),
    },
    Place {
        id: "stop-folk-houses",
        kind: PlaceKind::Stop,
        name: t("明清民居博览城", "Ming-Qing Folk Houses"),
        at: (29.13580, 120.31300),
        note: t("", ""),
    },
    Place {
        id: "stop-qingming",
        kind: PlaceKind::Stop,
        name: t("清明上河图", "Along the River"),
        at: (29.14660, 120.31950),
        note: t("", ""),
    },
    Place {
        id: "stop-dream-valley",
        kind: PlaceKind::Stop,
        name: t("梦幻谷", "Dream Valley"),
        at: (29.15520, 120.32200),
        note: t(
            "夜戏收工后末班车在此等候 10 分钟。",
            "After night shoots the last bus waits here ten minutes.",
        ),
    },
    Place {
        id: "stop-huaxia",
        kind: PlaceKind::Stop,
        name: t("华夏文化园", "Huaxia Culture Park"),
        at: (29.17470, 120.32750),
        note: t("", ""),
    },
    Place {
        id: "stop-studio-park",
        kind: PlaceKind::Stop,
        name: t("影视产业园", "Studio Park"),
        at: (29.18280, 120.33250),
        note: t("摄影棚区，棚内戏在此下车。", "The sound stages: get off here for stage work."),
    },
    Place {
        id: "stop-yuanming",
        kind: PlaceKind::Stop,
        name: t("圆明新园", "New Yuanming Palace"),
        at: (29.17560, 120.34350),
        note: t("", ""),
    },
    Place {
        id: "stop-ming-qing-palace",
        kind: PlaceKind::Stop,
        name: t("明清宫苑", "Ming-Qing Palace"),
        at: (29.18420, 120.31540),
        note: t("", ""),
    },
    Place {
        id: "stop-guangzhou",
        kind: PlaceKind::Stop,
        name: t("广州街·香港街", "Guangzhou & Hong Kong Streets"),
        at: (29.18230, 120.30380),
        note: t("", ""),
    },
    // Car parks.
    Place {
        id: "parking-qin",
        kind: PlaceKind::Parking,
        name: t("秦王宫东停车场", "Qin Palace east car park"),
        at: (29.14300, 120.30080),
        note: t(
            "大巴和道具车位 40 个，凭剧组车证免费；小车 10 元一天。",
            "40 bays for coaches and prop trucks, free with a production vehicle pass; cars ¥10 a day.",
        ),
    },
    Place {
        id: "parking-qingming",
        kind: PlaceKind::Parking,
        name: t("清明上河图停车场", "Along the River car park"),
        at: (29.14760, 120.31780),
        note: t("小车 10 元一天，夜间 22:00 后关闭大门。", "Cars ¥10 a day; gates close at 22:00."),
    },
    Place {
        id: "parking-ming-qing",
        kind: PlaceKind::Parking,
        name: t("明清宫苑停车场", "Ming-Qing Palace car park"),
        at: (29.18600, 120.31750),
        note: t(
            "发电车和餐车可过夜，需提前一天向园区登记。",
            "Generator and catering trucks may stay overnight if registered with the park a day ahead.",
        ),
    },
    Place {
        id: "parking-studio-park",
        kind: PlaceKind::Parking,
        name: t("影视产业园停车楼", "Studio Park car park"),
        at: (29.18380, 120.33100),
        note: t(
            "四层停车楼，离摄影棚最近，24 小时开放。",
            "Four-storey car park nearest the sound stages, open round the clock.",
        ),
    },
    Place {
        id: "parking-bus-station",
        kind: PlaceKind::Parking,
        name: t("汽车站停车场", "Bus station car park"),
        at: (29.15420, 120.30150),
        note: t("临时停车前 30 分钟免费。", "The first 30 minutes are free."),
    },
    // Stations and the airport.
    Place {
        id: "station-hengdian",
        kind: PlaceKind::Station,
        name: t("横店汽车客运站", "Hengdian Coach Station"),
        at: (29.15500, 120.30280),
        note: t(
            "杭州、上海、义乌、东阳的长途大巴都到这里。",
            "Coaches from Hangzhou, Shanghai, Yiwu and Dongyang arrive here.",
        ),
    },
    Place {
        id: "station-dongyang",
        kind: PlaceKind::Station,
        name: t("东阳站（高铁）", "Dongyang Railway Station (high-speed)"),
        at: (29.27430, 120.24120),
        note: t(
            "杭温高铁停靠。出站后乘 K1 接驳车或出租车到横店。",
            "On the Hangzhou–Wenzhou high-speed line. Take the K1 shuttle or a taxi to Hengdian.",
        ),
    },
    Place {
        id: "station-yiwu",
        kind: PlaceKind::Station,
        name: t("义乌站（高铁）", "Yiwu Railway Station (high-speed)"),
        at: (29.37450, 120.07710),
        note: t(
            "沪昆高铁大站，车次最多。出站后乘 K2 接驳车到横店。",
            "A major stop on the Shanghai–Kunming line with the most trains. Take the K2 shuttle to Hengdian.",
        ),
    },
    Place {
        id: "airport-yiwu",
        kind: PlaceKind::Station,
        name: t("义乌机场", "Yiwu Airport"),
        at: (29.34470, 120.03240),
        note: t(
            "国内航班。机场大巴到义乌站后换乘 K2。",
            "Domestic flights. The airport coach goes to Yiwu station, where the K2 leaves.",
        ),
    },
];

const LINES: &[BusLine] = &[
    BusLine {
        code: "1",
        name: t("影视城南线", "Studios south line"),
        colour: "#c2571a",
        stops: &[
            "stop-bus-station",
            "stop-wansheng",
            "stop-qin-palace",
            "stop-tang-garden",
            "stop-dazhi",
            "stop-folk-houses",
            "stop-qingming",
            "stop-dream-valley",
        ],
        first: "05:00",
        last: "22:30",
        every_minutes: 15,
        fare_yuan: 2,
    },
    BusLine {
        code: "2",
        name: t("影视城北线", "Studios north line"),
        colour: "#1f7a8c",
        stops: &[
            "stop-bus-station",
            "stop-wansheng",
            "stop-guangzhou",
            "stop-ming-qing-palace",
            "stop-huaxia",
            "stop-studio-park",
            "stop-yuanming",
        ],
        first: "05:00",
        last: "22:30",
        every_minutes: 15,
        fare_yuan: 2,
    },
    BusLine {
        code: "3",
        name: t("片场夜班线", "Night shoot line"),
        colour: "#5a3d8a",
        stops: &[
            "stop-dream-valley",
            "stop-qingming",
            "stop-wansheng",
            "stop-guangzhou",
            "stop-ming-qing-palace",
            "stop-studio-park",
        ],
        first: "20:00",
        last: "02:00",
        every_minutes: 30,
        fare_yuan: 3,
    },
];

const ARRIVALS: &[Arrival] = &[
    Arrival {
        from: "station-dongyang",
        how: t(
            "K1 接驳车，出站口右侧上车，到横店汽车站；出租车约 60 元。",
            "K1 shuttle from the right of the exit to Hengdian Bus Station; a taxi costs about ¥60.",
        ),
        minutes: 35,
        fare_yuan: 8,
    },
    Arrival {
        from: "station-yiwu",
        how: t(
            "K2 接驳车，每 30 分钟一班，到横店汽车站；拼车约 50 元一人。",
            "K2 shuttle every 30 minutes to Hengdian Bus Station; shared cars about ¥50 a person.",
        ),
        minutes: 70,
        fare_yuan: 20,
    },
    Arrival {
        from: "airport-yiwu",
        how: t(
            "机场大巴到义乌站（20 分钟），再换 K2；出租车直达约 200 元。",
            "Airport coach to Yiwu station (20 minutes), then the K2; a taxi all the way is about ¥200.",
        ),
        minutes: 100,
        fare_yuan: 30,
    },
    Arrival {
        from: "station-hengdian",
        how: t(
            "杭州南站、上海南站有直达大巴，约 3–4 小时；到站即在镇中心。",
            "Direct coaches from Hangzhou South and Shanghai South, 3–4 hours, arrive in the town centre.",
        ),
        minutes: 0,
        fare_yuan: 0,
    },
];

/// Every place on the guide.
pub fn places() -> &'static [Place] {
    PLACES
}

/// The places of one kind, in the guide's order.
pub fn places_of(kind: PlaceKind) -> impl Iterator<Item = &'static Place> {
    PLACES.iter().filter(move |p| p.kind == kind)
}

/// A place by its id.
pub fn place(id: &str) -> Option<&'static Place> {
    PLACES.iter().find(|p| p.id == id)
}

/// The town's bus lines.
pub fn lines() -> &'static [BusLine] {
    LINES
}

/// The lines that stop at `stop_id`.
pub fn lines_at(stop_id: &str) -> impl Iterator<Item = &'static BusLine> + '_ {
    LINES.iter().filter(move |line| line.stops.contains(&stop_id))
}

/// The ways into Hengdian.
pub fn arrivals() -> &'static [Arrival] {
    ARRIVALS
}

/// The place of `kind` nearest to `point`, with its distance in metres.
pub fn nearest(kind: PlaceKind, point: GeoPoint) -> Option<(&'static Place, f64)> {
    places_of(kind).map(|p| (p, p.point().distance_m(point))).min_by(|a, b| a.1.total_cmp(&b.1))
}

/// How to reach a spot (a call's set, say): the nearest assembly point and the nearest bus
/// stop with its lines. `None` for spots far from Hengdian's town (outlying bases), where the
/// crew arranges transport.
#[derive(Debug, Clone, PartialEq)]
pub struct Directions {
    pub assembly: &'static Place,
    pub assembly_m: f64,
    pub stop: &'static Place,
    pub stop_m: f64,
    pub lines: Vec<&'static BusLine>,
}

/// Beyond this distance from the nearest stop the town's buses are no help.
pub const TOWN_RADIUS_M: f64 = 3_000.0;

pub fn directions(point: GeoPoint) -> Option<Directions> {
    let (stop, stop_m) = nearest(PlaceKind::Stop, point)?;
    if stop_m > TOWN_RADIUS_M {
        return None;
    }
    let (assembly, assembly_m) = nearest(PlaceKind::Assembly, point)?;
    Some(Directions { assembly, assembly_m, stop, stop_m, lines: lines_at(stop.id).collect() })
}

/// A distance for people on foot: metres under a kilometre, else kilometres to one decimal.
pub fn distance_text(metres: f64, lang: Lang) -> String {
    let rounded = ((metres / 10.0).round() * 10.0) as i64;
    if rounded < 1_000 {
        match lang {
            Lang::Zh => format!("{rounded} 米"),
            Lang::En => format!("{rounded} m"),
        }
    } else {
        let km = metres / 1_000.0;
        match lang {
            Lang::Zh => format!("{km:.1} 公里"),
            Lang::En => format!("{km:.1} km"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_url_safe() {
        let mut seen = HashSet::new();
        for p in places() {
            assert!(seen.insert(p.id), "duplicate id {}", p.id);
            assert!(p.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", p.id);
        }
    }

    #[test]
    fn every_place_is_named_in_both_languages_and_lies_in_zhejiang() {
        for p in places() {
            assert!(!p.name.zh.is_empty() && !p.name.en.is_empty(), "{}", p.id);
            assert_eq!(p.note.zh.is_empty(), p.note.en.is_empty(), "{}: one note missing", p.id);
            assert!((27.0..31.5).contains(&p.at.0) && (118.0..123.0).contains(&p.at.1), "{}", p.id);
        }
    }

    #[test]
    fn everything_but_the_stations_is_in_town() {
        for p in
            places().iter().filter(|p| p.kind != PlaceKind::Station || p.id == "station-hengdian")
        {
            let km = p.point().distance_m(HENGDIAN_CENTRE) / 1_000.0;
            assert!(km < 5.0, "{} is {km:.1} km from Hengdian's centre", p.id);
        }
        let yiwu = place("station-yiwu").unwrap().point().distance_m(HENGDIAN_CENTRE) / 1_000.0;
        assert!((30.0..40.0).contains(&yiwu), "Yiwu station is {yiwu:.1} km away");
    }

    #[test]
    fn lines_run_through_known_stops_only() {
        for line in lines() {
            assert!(line.stops.len() >= 2, "line {}", line.code);
            for id in line.stops {
                let stop = place(id).unwrap_or_else(|| panic!("line {}: no stop {id}", line.code));
                assert_eq!(stop.kind, PlaceKind::Stop, "line {}: {id}", line.code);
            }
            assert_eq!(line.path().count(), line.stops.len());
            assert!(line.every_minutes > 0 && line.fare_yuan > 0);
            assert!((1_000.0..20_000.0).contains(&line.length_m()), "line {}", line.code);
        }
        for stop in places_of(PlaceKind::Stop) {
            assert!(lines_at(stop.id).next().is_some(), "no line stops at {}", stop.id);
        }
    }

    #[test]
    fn arrivals_start_from_stations() {
        for arrival in arrivals() {
            assert_eq!(place(arrival.from).map(|p| p.kind), Some(PlaceKind::Station));
        }
    }

    #[test]
    fn a_set_in_town_is_given_its_nearest_assembly_point_and_stop() {
        // Qin Palace's main hall.
        let qin = GeoPoint::new(29.1447, 120.2975).unwrap();
        let d = directions(qin).unwrap();
        assert_eq!(d.assembly.id, "assembly-qin");
        assert_eq!(d.stop.id, "stop-qin-palace");
        assert!(d.stop_m < 500.0, "{}", d.stop_m);
        assert_eq!(d.lines.iter().map(|l| l.code).collect::<Vec<_>>(), ["1"]);
        // The sound stages are served by the north and night lines.
        let stages = GeoPoint::new(29.1826, 120.3330).unwrap();
        let d = directions(stages).unwrap();
        assert_eq!(d.lines.iter().map(|l| l.code).collect::<Vec<_>>(), ["2", "3"]);
    }

    #[test]
    fn outlying_bases_get_no_town_directions() {
        // Pan'an, 40 km south-east.
        let panan = GeoPoint::new(29.0440, 120.4380).unwrap();
        assert_eq!(directions(panan), None);
    }

    #[test]
    fn distances_read_as_people_say_them() {
        assert_eq!(distance_text(234.0, Lang::En), "230 m");
        assert_eq!(distance_text(995.0, Lang::Zh), "1.0 公里");
        assert_eq!(distance_text(1_260.0, Lang::En), "1.3 km");
        assert_eq!(distance_text(12_000.0, Lang::Zh), "12.0 公里");
    }
}
