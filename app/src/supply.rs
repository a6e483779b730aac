//! The supplier's side of reservations (#5): its read models and server functions. A supplier's
//! members (or an admin) list its reservations, confirm or decline requests, hand items over and
//! take them back by the reservation's code (scanned from its QR code or typed), and mark units
//! that came back damaged repaired; a production's crew cancels its own reservations.
//!
//! The read models live here rather than in `models` because only these pages use them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::error::AppError;
use domain::Money;
use domain::reservation::ReservationStatus;
use domain::stock::{Days, Quote};

#[cfg(feature = "ssr")]
use crate::{api::answer, auth::require_user};

/// Which of a supplier's reservations to list (`/supply?status=…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SupplyFilter {
    #[default]
    All,
    Status(ReservationStatus),
    /// Still out after the last day, or returned after it.
    Late,
}

impl SupplyFilter {
    /// From the `status` query value: a status code, `late`, or anything else for all.
    pub fn parse(value: &str) -> SupplyFilter {
        match value.trim() {
            "late" => SupplyFilter::Late,
            code => ReservationStatus::parse(code).map_or(SupplyFilter::All, SupplyFilter::Status),
        }
    }

    /// The `status` query value (`""` for all).
    pub fn code(self) -> &'static str {
        match self {
            SupplyFilter::All => "",
            SupplyFilter::Status(status) => status.code(),
            SupplyFilter::Late => "late",
        }
    }
}

/// A line of a reservation as its supplier sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplyLine {
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub quantity: i64,
    /// How many came back damaged (0 until returned).
    pub damaged: i64,
    pub daily_rate: Money,
    pub deposit: Money,
}

/// A reservation on the supplier's list, the hand-over desk and the pick list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplyReservation {
    pub code: String,
    pub status: ReservationStatus,
    pub days: Days,
    pub production_zh: String,
    pub production_en: String,
    pub supplier_zh: String,
    pub supplier_en: String,
    pub lines: Vec<SupplyLine>,
    pub quote: Quote,
    pub picked_up_on: Option<Date>,
    pub returned_on: Option<Date>,
    /// See `domain::reservation::is_late`.
    pub late: bool,
}

/// Units away for repair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaintenanceView {
    pub maintenance_id: i64,
    pub item_id: i64,
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub quantity: i64,
    pub since: Date,
    /// The reservation they came back damaged from.
    pub code: Option<String>,
}

/// `/supply`: a supplier's reservations and its units in maintenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplyView {
    pub today: Date,
    pub filter: SupplyFilter,
    pub reservations: Vec<SupplyReservation>,
    pub maintenance: Vec<MaintenanceView>,
}

/// One reservation by its code, with its QR code and what the viewer may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationSheet {
    pub reservation: SupplyReservation,
    /// The QR code (SVG markup) of `url`.
    pub svg: String,
    /// The hand-over desk's link for this reservation, as a phone camera opens it.
    pub url: String,
    pub today: Date,
    /// The viewer belongs to the supplier (or is an admin): confirms, hands over, takes back.
    pub can_supply: bool,
    /// The viewer is crew of the reservation's production.
    pub can_cancel: bool,
}

/// The supplier's reservations (every supplier's for an admin) narrowed by `status` (a status
/// code, `late`, or empty for all), with units in maintenance.
#[server(prefix = "/api", endpoint = "supply")]
pub async fn load_supply(#[server(default)] status: String) -> Result<SupplyView, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.supply(&user, SupplyFilter::parse(&status)).await
    })
    .await
}

/// A reservation by its code (typed or scanned; case, spaces and look-alike letters are
/// forgiven), for its supplier's members, its production's crew and admins.
#[server(prefix = "/api", endpoint = "supply/reservation")]
pub async fn load_reservation_sheet(code: String) -> Result<ReservationSheet, AppError> {
    answer(async {
        let user = require_user().await?;
        let prefix = format!("{}/supply/scan?code=", crate::wages::request_origin());
        crate::backend::backend()?.reservation_sheet(&user, &code, &prefix).await
    })
    .await
}

#[cfg(feature = "ssr")]
async fn step(code: &str, step: domain::reservation::Step) -> Result<ReservationStatus, AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.step_reservation(&user, code, step, &[]).await
    })
    .await
}

/// The supplier confirms a requested reservation.
#[server(prefix = "/api", endpoint = "supply/confirm")]
pub async fn confirm_reservation(code: String) -> Result<ReservationStatus, AppError> {
    step(&code, domain::reservation::Step::Confirm).await
}

/// The supplier declines a requested reservation (its units are free again).
#[server(prefix = "/api", endpoint = "supply/decline")]
pub async fn decline_reservation(code: String) -> Result<ReservationStatus, AppError> {
    step(&code, domain::reservation::Step::Decline).await
}

/// The supplier hands a confirmed reservation's items over, on one of its days.
#[server(prefix = "/api", endpoint = "supply/pick-up")]
pub async fn pick_up_reservation(code: String) -> Result<ReservationStatus, AppError> {
    step(&code, domain::reservation::Step::PickUp).await
}

/// The supplier takes a picked-up reservation's items back; `items[]` and `damaged[]` pair
/// each line's item with how many units came back damaged (those go to maintenance).
#[server(prefix = "/api", endpoint = "supply/return")]
pub async fn return_reservation(
    code: String,
    #[server(default)] items: Vec<String>,
    #[server(default)] damaged: Vec<String>,
) -> Result<ReservationStatus, AppError> {
    answer(async {
        let user = require_user().await?;
        let typed = damaged_counts(&items, &damaged)?;
        crate::backend::backend()?
            .step_reservation(&user, &code, domain::reservation::Step::Return, &typed)
            .await
    })
    .await
}

/// Pairs the return form's item ids with their damaged counts (empty counts are 0).
pub fn damaged_counts(items: &[String], damaged: &[String]) -> Result<Vec<(i64, i64)>, AppError> {
    let bad = || AppError::field("damaged", domain::reservation::DamagedOutOfRange::CODE);
    if items.len() != damaged.len() {
        return Err(bad());
    }
    items
        .iter()
        .zip(damaged)
        .map(|(item, n)| {
            let item = item.trim().parse::<i64>().map_err(|_| bad())?;
            let n = match n.trim() {
                "" => 0,
                n => n.parse::<i64>().map_err(|_| bad())?,
            };
            Ok((item, n))
        })
        .collect()
}

/// The production's crew cancels its requested or confirmed reservation (its units are free
/// again).
#[server(prefix = "/api", endpoint = "reservations/cancel")]
pub async fn cancel_reservation(code: String) -> Result<ReservationStatus, AppError> {
    step(&code, domain::reservation::Step::Cancel).await
}

/// The supplier marks units in maintenance repaired: they are free again.
#[server(prefix = "/api", endpoint = "supply/repair")]
pub async fn mark_repaired(maintenance_id: i64) -> Result<(), AppError> {
    answer(async {
        let user = require_user().await?;
        crate::backend::backend()?.mark_repaired(&user, maintenance_id).await
    })
    .await
}
