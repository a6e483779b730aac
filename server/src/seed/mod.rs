//! Deterministic, bilingual seed data: Hengdian's sets, the 服化道 stock, casting calls,
//! actors and demo accounts. The same records every time; only dates move with the anchor.

pub mod actors;
pub mod casting;
pub mod catalogue;
pub mod locations;
pub mod model;
pub mod suppliers;

use time::Date;

/// How much to seed and from which day dates are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedOptions {
    /// Casting-call dates are offsets from this day.
    pub anchor: Date,
    /// Number of actor profiles (2,000 by default; 100,000 for benchmarks).
    pub actors: usize,
}

/// Default number of actor profiles.
pub const DEFAULT_ACTORS: usize = 2_000;

/// A demo account for local use, listed in the README.
#[derive(Debug, Clone, Copy)]
pub struct DemoAccount {
    pub login: &'static str,
    pub password: &'static str,
    pub role: &'static str,
    pub display_name: &'static str,
}

/// One account per role, plus a second crew (of another production, to try clashes) and a
/// location operator (to confirm bookings). Passwords are for local demos only.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        login: "admin@backlot.local",
        password: "backlot-admin-demo",
        role: "admin",
        display_name: "平台管理员 Admin",
    },
    DemoAccount {
        login: "crew@backlot.local",
        password: "backlot-crew-demo",
        role: "crew",
        display_name: "制片 林晓 (Crew)",
    },
    DemoAccount {
        login: "supplier@backlot.local",
        password: "backlot-supplier-demo",
        role: "supplier",
        display_name: "服装仓 陈总 (Supplier)",
    },
    DemoAccount {
        login: "actor@backlot.local",
        password: "backlot-actor-demo",
        role: "actor",
        display_name: "群演 (Actor)",
    },
    DemoAccount {
        login: "crew2@backlot.local",
        password: "backlot-crew2-demo",
        role: "crew",
        display_name: "统筹 马骁 (Rival crew)",
    },
    DemoAccount {
        login: "operator@backlot.local",
        password: "backlot-operator-demo",
        role: "supplier",
        display_name: "基地调度 王姐 (Location operator)",
    },
];
