//! The supplier's side of reservations for the `Backend`: who may see and move a reservation
//! (its supplier's members and admins take the supplier's steps; its production's crew cancels),
//! the supplier's list with late returns flagged, the reservation's sheet with its QR code, and
//! units in maintenance.

use app::error::AppError;
use app::models::{OrgKind, SessionUser};
use app::supply::{
    MaintenanceView, ReservationSheet, SupplyFilter, SupplyLine, SupplyReservation, SupplyView,
};
use domain::Money;
use domain::account::Role;
use domain::reservation::{
    DamagedOutOfRange, ReservationStatus, Step, check_damaged, is_late, normalize_reservation_code,
};
use domain::stock;
use time::Date;

use super::wages::qr_svg;
use super::{ServerBackend, now_unix, operates, studio_today, unexpected};
use crate::storage::supply::{MaintenanceRow, Move, Moved, Repaired, SupplyRecord, SupplyScope};

/// Whether `user` is crew of production `production_id`.
fn crew_of(user: &SessionUser, production_id: i64) -> bool {
    user.role == Role::Crew
        && user.org.as_ref().is_some_and(|o| o.kind == OrgKind::Production && o.id == production_id)
}

fn reservation_view(record: SupplyRecord, today: Date) -> SupplyReservation {
    let lines: Vec<SupplyLine> = record
        .lines
        .into_iter()
        .map(|l| SupplyLine {
            item_id: l.item_id,
            sku: l.sku,
            name_zh: l.name_zh,
            name_en: l.name_en,
            quantity: l.quantity,
            damaged: l.damaged,
            daily_rate: Money::from_fen(l.daily_rate_fen),
            deposit: Money::from_fen(l.deposit_fen),
        })
        .collect();
    let priced: Vec<(i64, i64, Money, Money)> =
        lines.iter().map(|l| (l.item_id, l.quantity, l.daily_rate, l.deposit)).collect();
    SupplyReservation {
        late: is_late(record.status, record.days, record.returned_on, today),
        quote: stock::quote(&priced, record.days.count()),
        code: record.code,
        status: record.status,
        days: record.days,
        production_zh: record.production_zh,
        production_en: record.production_en,
        supplier_zh: record.supplier_zh,
        supplier_en: record.supplier_en,
        lines,
        picked_up_on: record.picked_up_on,
        returned_on: record.returned_on,
    }
}

fn maintenance_view(row: MaintenanceRow) -> MaintenanceView {
    MaintenanceView {
        maintenance_id: row.maintenance_id,
        item_id: row.item_id,
        sku: row.sku,
        name_zh: row.name_zh,
        name_en: row.name_en,
        quantity: row.quantity,
        since: row.since,
        code: row.code,
    }
}

/// The supplier `user` acts for: `None` for an admin (every supplier), `Forbidden` for anyone
/// else but a supplier account attached to a supplier.
fn supplier_scope(user: &SessionUser) -> Result<Option<i64>, AppError> {
    match (&user.role, &user.org) {
        (Role::Admin, _) => Ok(None),
        (Role::Supplier, Some(org)) if org.kind == OrgKind::Supplier => Ok(Some(org.id)),
        _ => Err(AppError::Forbidden),
    }
}

impl ServerBackend {
    pub(super) async fn supply_view(
        &self,
        user: &SessionUser,
        filter: SupplyFilter,
    ) -> Result<SupplyView, AppError> {
        let supplier = supplier_scope(user)?;
        let scope = supplier.map_or(SupplyScope::Everyone, SupplyScope::Supplier);
        let status = match filter {
            SupplyFilter::Status(status) => Some(status),
            SupplyFilter::Late => Some(ReservationStatus::PickedUp),
            SupplyFilter::All => None,
        };
        let today = studio_today();
        let mut records = self
            .store
            .supply_reservations(scope, status)
            .await
            .map_err(unexpected("supply_reservations"))?;
        if filter == SupplyFilter::Late {
            // Late ones are still out, or were returned late.
            let returned = self
                .store
                .supply_reservations(scope, Some(ReservationStatus::Returned))
                .await
                .map_err(unexpected("supply_reservations"))?;
            records.extend(returned);
            records.retain(|r| is_late(r.status, r.days, r.returned_on, today));
            records.sort_by_key(|r| std::cmp::Reverse((r.created_at, r.reservation_id)));
        }
        let maintenance =
            self.store.open_maintenance(supplier).await.map_err(unexpected("open_maintenance"))?;
        Ok(SupplyView {
            today,
            filter,
            reservations: records.into_iter().map(|r| reservation_view(r, today)).collect(),
            maintenance: maintenance.into_iter().map(maintenance_view).collect(),
        })
    }

    /// The reservation the typed code names; `Invalid` on `reservation` when it cannot be a
    /// code or names none.
    async fn reservation_by_code(&self, typed: &str) -> Result<SupplyRecord, AppError> {
        let code = normalize_reservation_code(typed)
            .ok_or_else(|| AppError::field("reservation", "reservation_format"))?;
        self.store
            .supply_reservations(SupplyScope::Code(&code), None)
            .await
            .map_err(unexpected("supply_reservations"))?
            .pop()
            .ok_or_else(|| AppError::field("reservation", "reservation_unknown"))
    }

    pub(super) async fn supply_sheet(
        &self,
        user: &SessionUser,
        typed: &str,
        url_prefix: &str,
    ) -> Result<ReservationSheet, AppError> {
        let record = self.reservation_by_code(typed).await?;
        let can_supply = operates(user, record.supplier_id);
        let can_cancel = crew_of(user, record.production_id);
        if !can_supply && !can_cancel {
            return Err(AppError::Forbidden);
        }
        let url = format!("{url_prefix}{}", record.code);
        let today = studio_today();
        Ok(ReservationSheet {
            svg: qr_svg(&url)?,
            url,
            today,
            can_supply,
            can_cancel,
            reservation: reservation_view(record, today),
        })
    }

    pub(super) async fn supply_step(
        &self,
        user: &SessionUser,
        typed: &str,
        step: Step,
        damaged: &[(i64, i64)],
    ) -> Result<ReservationStatus, AppError> {
        let record = self.reservation_by_code(typed).await?;
        let allowed = if step.by_supplier() {
            operates(user, record.supplier_id)
        } else {
            crew_of(user, record.production_id)
        };
        if !allowed {
            return Err(AppError::Forbidden);
        }
        let damaged = if step == Step::Return {
            let lines: Vec<(i64, i64)> =
                record.lines.iter().map(|l| (l.item_id, l.quantity)).collect();
            check_damaged(&lines, damaged)
                .map_err(|_| AppError::field("damaged", DamagedOutOfRange::CODE))?
        } else {
            Vec::new()
        };
        let moved = self
            .store
            .move_reservation(&Move {
                reservation_id: record.reservation_id,
                step,
                today: studio_today(),
                now: now_unix(),
                damaged: &damaged,
            })
            .await
            .map_err(unexpected("move_reservation"))?;
        match moved {
            Moved::Done(status) => Ok(status),
            Moved::Refused(refusal) => Err(AppError::field("reservation", refusal.code())),
            Moved::NotFound => Err(AppError::NotFound),
        }
    }

    pub(super) async fn supply_repair(
        &self,
        user: &SessionUser,
        maintenance_id: i64,
    ) -> Result<(), AppError> {
        let supplier = supplier_scope(user)?;
        let owner = self
            .store
            .maintenance_supplier(maintenance_id)
            .await
            .map_err(unexpected("maintenance_supplier"))?
            .ok_or(AppError::NotFound)?;
        if supplier.is_some_and(|id| id != owner) {
            return Err(AppError::Forbidden);
        }
        match self
            .store
            .mark_repaired(maintenance_id, user.account_id, now_unix())
            .await
            .map_err(unexpected("mark_repaired"))?
        {
            // Marking twice changes nothing.
            Repaired::Done | Repaired::Already => Ok(()),
            Repaired::NotFound => Err(AppError::NotFound),
        }
    }
}
