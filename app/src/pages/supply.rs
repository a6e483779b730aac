//! The supplier's side of reservations. `/supply`: a supplier's reservations filtered by status
//! (in the URL), requests confirmed or declined in place, late returns flagged, and units in
//! maintenance marked repaired. `/supply/scan?code=…`: the hand-over desk a scanned QR code
//! opens (or where a code is typed): hand items over, take them back with damaged counts; the
//! production's crew may cancel here too. `/supply/pick-list?code=…`: a printable pick list.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::content_lang;
use crate::components::error_view::{ErrorView, field_message};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::account::send_to_login;
use crate::pages::item::day_label;
use crate::pages::login::form_error;
use crate::pages::requests::{days_text, status_name};
use crate::supply::{
    CancelReservation, ConfirmReservation, DeclineReservation, MaintenanceView, MarkRepaired,
    PickUpReservation, ReservationSheet, ReturnReservation, SupplyFilter, SupplyReservation,
    SupplyView, load_reservation_sheet, load_supply,
};
use domain::reservation::ReservationStatus;

use crate::text::I18n;

/// The message for a refused step: its field's sentence, or the error's.
fn step_error(i18n: I18n, error: Option<AppError>) -> Option<String> {
    field_message(i18n, error.as_ref(), "reservation")
        .or_else(|| field_message(i18n, error.as_ref(), "damaged"))
        .or_else(|| form_error(i18n, error))
}

fn filter_name(i18n: I18n, filter: SupplyFilter) -> &'static str {
    match filter {
        SupplyFilter::All => t_string!(i18n, supply_filter_all),
        SupplyFilter::Late => t_string!(i18n, supply_filter_late),
        SupplyFilter::Status(status) => status_name(i18n, status),
    }
}

#[component]
pub fn SupplyPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let confirm = ServerAction::<ConfirmReservation>::new();
    let decline = ServerAction::<DeclineReservation>::new();
    let repair = ServerAction::<MarkRepaired>::new();
    let status = move || query.with(|q| q.get("status").unwrap_or_default());
    let data = fetched(
        move || {
            (status(), confirm.version().get(), decline.version().get(), repair.version().get())
        },
        |(status, ..)| load_supply(status),
    );
    let error = Signal::derive(move || {
        confirm
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| decline.value().get().and_then(Result::err))
            .or_else(|| repair.value().get().and_then(Result::err))
    });
    let filters = [
        SupplyFilter::All,
        SupplyFilter::Status(ReservationStatus::Requested),
        SupplyFilter::Status(ReservationStatus::Confirmed),
        SupplyFilter::Status(ReservationStatus::PickedUp),
        SupplyFilter::Late,
        SupplyFilter::Status(ReservationStatus::Returned),
        SupplyFilter::Status(ReservationStatus::Declined),
        SupplyFilter::Status(ReservationStatus::Cancelled),
    ];
    view! {
        <section class="supply">
            <h1>{tr!(i18n, supply_title)}</h1>
            <p>
                <a href="/supply/scan" class="supply-desk-link">{tr!(i18n, supply_open_desk)}</a>
                " · "
                <a href="/supply/items" class="inventory-link">{tr!(i18n, inventory_title)}</a>
            </p>
            <nav class="supply-filter" aria-label=move || t_string!(i18n, supply_filter_label).to_string()>
                <ul>
                    {filters
                        .into_iter()
                        .map(|f| {
                            let href = match f.code() {
                                "" => "/supply".to_string(),
                                code => format!("/supply?status={code}"),
                            };
                            let current = move || (SupplyFilter::parse(&status()) == f).then_some("page");
                            view! { <li><a href=href aria-current=current>{move || filter_name(i18n, f)}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <p class="form-error" role="alert">{move || step_error(i18n, error.get())}</p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <SupplyList view confirm decline repair /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login("/supply"),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SupplyList(
    view: SupplyView,
    confirm: ServerAction<ConfirmReservation>,
    decline: ServerAction<DeclineReservation>,
    repair: ServerAction<MarkRepaired>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reservations = if view.reservations.is_empty() {
        view! { <p class="empty">{tr!(i18n, supply_none)}</p> }.into_any()
    } else {
        view! {
            <ul class="supply-reservations">
                {view
                    .reservations
                    .into_iter()
                    .map(|r| view! { <SupplyItem reservation=r confirm decline /> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        {reservations}
        <h2>{tr!(i18n, maintenance_title)}</h2>
        {if view.maintenance.is_empty() {
            view! { <p class="empty">{tr!(i18n, maintenance_none)}</p> }.into_any()
        } else {
            view! {
                <ul class="maintenance">
                    {view.maintenance.into_iter().map(|m| view! { <MaintenanceRow unit=m repair /> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// The status, and a "late" mark when the items are (or came back) late.
#[component]
fn StatusBadges(status: ReservationStatus, late: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("status reservation-{}", status.code())>{move || status_name(i18n, status)}</span>
        {late.then(|| view! { " " <span class="badge badge-warning late">{tr!(i18n, reservation_late)}</span> })}
    }
}

/// A reservation's lines: item, SKU, quantity, and how many came back damaged.
#[component]
fn LinesTable(reservation: SupplyReservation) -> impl IntoView {
    let i18n = use_i18n();
    let returned = reservation.status == ReservationStatus::Returned;
    let lines = StoredValue::new(reservation.lines);
    view! {
        <table class="supply-lines">
            <thead>
                <tr>
                    <th scope="col">{tr!(i18n, supply_col_item)}</th>
                    <th scope="col">{tr!(i18n, supply_col_sku)}</th>
                    <th scope="col" class="number">{tr!(i18n, supply_col_quantity)}</th>
                    {returned.then(|| view! { <th scope="col" class="number">{tr!(i18n, supply_col_damaged)}</th> })}
                </tr>
            </thead>
            <tbody>
                {move || lines.with_value(|lines| {
                    let lang = content_lang(i18n);
                    lines
                        .iter()
                        .map(|l| view! {
                            <tr data-sku=l.sku.clone()>
                                <td><a href=format!("/catalogue/{}", l.item_id)>{lang.pick(&l.name_zh, &l.name_en).to_string()}</a></td>
                                <td class="sku">{l.sku.clone()}</td>
                                <td class="number">{l.quantity}</td>
                                {returned.then(|| view! { <td class="number damaged">{l.damaged}</td> })}
                            </tr>
                        })
                        .collect_view()
                })}
            </tbody>
        </table>
    }
}

#[component]
fn SupplyItem(
    reservation: SupplyReservation,
    confirm: ServerAction<ConfirmReservation>,
    decline: ServerAction<DeclineReservation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = StoredValue::new(reservation.clone());
    let code = reservation.code.clone();
    let status = reservation.status;
    let production = move || {
        r.with_value(|r| content_lang(i18n).pick(&r.production_zh, &r.production_en).to_string())
    };
    let days = reservation.days;
    let desk = format!("/supply/scan?code={code}");
    let (for_confirm, for_decline) = (code.clone(), code.clone());
    let actions = match status {
        ReservationStatus::Requested => view! {
            <ActionForm action=confirm attr:class="inline-form">
                <input type="hidden" name="code" value=for_confirm />
                <button type="submit" class="primary">{tr!(i18n, supply_confirm)}</button>
            </ActionForm>
            <ActionForm action=decline attr:class="inline-form">
                <input type="hidden" name="code" value=for_decline />
                <button type="submit">{tr!(i18n, supply_decline)}</button>
            </ActionForm>
        }
        .into_any(),
        ReservationStatus::Confirmed => {
            view! { <a href=desk.clone() class="button-link">{tr!(i18n, supply_hand_over)}</a> }
                .into_any()
        }
        ReservationStatus::PickedUp => {
            view! { <a href=desk.clone() class="button-link">{tr!(i18n, supply_take_back)}</a> }
                .into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <li class="supply-reservation" data-code=code.clone() data-status=status.code() data-late=reservation.late.to_string()>
            <h2>
                <a href=desk class="code">{code.clone()}</a>
                " "
                <StatusBadges status late=reservation.late />
            </h2>
            <p>{production} " · " {move || days_text(i18n, days)} " · " {move || t!(i18n, supply_day_count, count = days.count())}</p>
            <LinesTable reservation=reservation.clone() />
            <p>{tr!(i18n, quote_total)} " " {reservation.quote.total.display_cny()}</p>
            // A div, not a paragraph: the actions hold forms, which may not sit inside a <p>.
            <div class="supply-actions">
                {actions}
                " "
                <a href=format!("/supply/pick-list?code={code}")>{tr!(i18n, supply_pick_list)}</a>
            </div>
        </li>
    }
}

#[component]
fn MaintenanceRow(unit: MaintenanceView, repair: ServerAction<MarkRepaired>) -> impl IntoView {
    let i18n = use_i18n();
    let u = StoredValue::new(unit.clone());
    let name =
        move || u.with_value(|u| content_lang(i18n).pick(&u.name_zh, &u.name_en).to_string());
    let (since, quantity) = (unit.since, unit.quantity);
    view! {
        <li class="maintenance-unit" data-sku=unit.sku.clone() data-id=unit.maintenance_id>
            <a href=format!("/catalogue/{}", unit.item_id)>{name}</a>
            " " <span class="sku">{unit.sku.clone()}</span>
            " · " {move || t!(i18n, maintenance_units, count = quantity)}
            " · " {move || t!(i18n, maintenance_since, day = day_label(i18n, since))}
            {unit.code.clone().map(|code| view! { " · " <span class="code">{code}</span> })}
            <ActionForm action=repair attr:class="inline-form">
                <input type="hidden" name="maintenance_id" value=unit.maintenance_id />
                <button type="submit" class="small">{tr!(i18n, maintenance_repaired)}</button>
            </ActionForm>
        </li>
    }
}

/// The hand-over desk: a code typed or scanned, the reservation, and what may be done now.
#[component]
pub fn SupplyScanPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let code = move || query.with(|q| q.get("code").unwrap_or_default());
    let actions = SheetActions {
        confirm: ServerAction::new(),
        decline: ServerAction::new(),
        pick_up: ServerAction::new(),
        give_back: ServerAction::new(),
        cancel: ServerAction::new(),
    };
    let versions = move || {
        (
            actions.confirm.version().get(),
            actions.decline.version().get(),
            actions.pick_up.version().get(),
            actions.give_back.version().get(),
            actions.cancel.version().get(),
        )
    };
    let sheet = fetched(
        move || (code(), versions()),
        |(code, _)| async move {
            if code.trim().is_empty() {
                Ok(None)
            } else {
                load_reservation_sheet(code).await.map(Some)
            }
        },
    );
    view! {
        <section class="supply-desk">
            <p class="breadcrumb"><a href="/supply">{tr!(i18n, supply_title)}</a></p>
            <h1>{tr!(i18n, supply_desk_title)}</h1>
            <form method="get" action="/supply/scan" class="check-in-form">
                <label>
                    {tr!(i18n, supply_code)}
                    <input name="code" value=code autocomplete="off" autocapitalize="characters" placeholder="R-XXXXX-XXXXX" required />
                </label>
                <button type="submit">{tr!(i18n, supply_find)}</button>
            </form>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match sheet.await {
                        Ok(None) => view! { <p class="hint">{tr!(i18n, supply_desk_hint)}</p> }.into_any(),
                        Ok(Some(sheet)) => view! { <SheetCard sheet actions /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login(&format!("/supply/scan?code={}", code())),
                        Err(error) if error.field_code("reservation").is_some() => view! {
                            <p class="form-error" role="alert">{field_message(i18n, Some(&error), "reservation")}</p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The steps the desk can take.
#[derive(Clone, Copy)]
struct SheetActions {
    confirm: ServerAction<ConfirmReservation>,
    decline: ServerAction<DeclineReservation>,
    pick_up: ServerAction<PickUpReservation>,
    give_back: ServerAction<ReturnReservation>,
    cancel: ServerAction<CancelReservation>,
}

impl SheetActions {
    fn error(self) -> Option<AppError> {
        let last = |e: Option<Result<_, AppError>>| e.and_then(Result::err);
        last(self.confirm.value().get().map(|r| r.map(|_| ())))
            .or_else(|| last(self.decline.value().get().map(|r| r.map(|_| ()))))
            .or_else(|| last(self.pick_up.value().get().map(|r| r.map(|_| ()))))
            .or_else(|| last(self.give_back.value().get().map(|r| r.map(|_| ()))))
            .or_else(|| last(self.cancel.value().get().map(|r| r.map(|_| ()))))
    }

    fn pending(self) -> bool {
        self.confirm.pending().get()
            || self.decline.pending().get()
            || self.pick_up.pending().get()
            || self.give_back.pending().get()
            || self.cancel.pending().get()
    }
}

#[component]
fn SheetCard(sheet: ReservationSheet, actions: SheetActions) -> impl IntoView {
    let i18n = use_i18n();
    let r = sheet.reservation.clone();
    let code = r.code.clone();
    let status = r.status;
    let rs = StoredValue::new(r.clone());
    let production = move || {
        rs.with_value(|r| content_lang(i18n).pick(&r.production_zh, &r.production_en).to_string())
    };
    let days = r.days;
    let supply = sheet.can_supply;
    let form_code = || code.clone();
    let (for_confirm, for_decline, for_pick_up, for_return, for_cancel) =
        (form_code(), form_code(), form_code(), form_code(), form_code());
    let damaged_fields = r
        .lines
        .iter()
        .map(|l| {
            let id = format!("damaged-{}", l.item_id);
            let name = {
                let (zh, en) = (l.name_zh.clone(), l.name_en.clone());
                move || content_lang(i18n).pick(&zh, &en).to_string()
            };
            let (sku, quantity) = (l.sku.clone(), l.quantity);
            let label = move || {
                t!(i18n, supply_damaged_of, name = name(), sku = sku.clone(), count = quantity)
            };
            view! {
                <div class="field damaged-line" data-sku=l.sku.clone()>
                    <input type="hidden" name="items[]" value=l.item_id />
                    <label for=id.clone()>{label}</label>
                    <input id=id name="damaged[]" type="number" min="0" max=quantity value="0" inputmode="numeric" />
                </div>
            }
        })
        .collect_view();
    let step = match status {
        ReservationStatus::Requested if supply => view! {
                <ActionForm action=actions.confirm attr:class="inline-form">
                    <input type="hidden" name="code" value=for_confirm />
                    <button type="submit" class="primary" disabled=move || actions.pending()>{tr!(i18n, supply_confirm)}</button>
                </ActionForm>
                <ActionForm action=actions.decline attr:class="inline-form">
                    <input type="hidden" name="code" value=for_decline />
                    <button type="submit" disabled=move || actions.pending()>{tr!(i18n, supply_decline)}</button>
                </ActionForm>
            }
            .into_any(),
        ReservationStatus::Confirmed if supply => view! {
                <ActionForm action=actions.pick_up attr:class="inline-form">
                    <input type="hidden" name="code" value=for_pick_up />
                    <button type="submit" class="primary" disabled=move || actions.pending()>{tr!(i18n, supply_record_pick_up)}</button>
                </ActionForm>
            }
            .into_any(),
        ReservationStatus::PickedUp if supply => view! {
                <ActionForm action=actions.give_back attr:class="return-form">
                    <input type="hidden" name="code" value=for_return />
                    <fieldset>
                        <legend>{tr!(i18n, supply_damaged_legend)}</legend>
                        {damaged_fields}
                    </fieldset>
                    <button type="submit" class="primary" disabled=move || actions.pending()>{tr!(i18n, supply_record_return)}</button>
                </ActionForm>
            }
            .into_any(),
        _ => ().into_any(),
    };
    let cancel = (sheet.can_cancel
        && matches!(status, ReservationStatus::Requested | ReservationStatus::Confirmed))
    .then(|| {
        view! {
            <ActionForm action=actions.cancel attr:class="inline-form">
                <input type="hidden" name="code" value=for_cancel />
                <button type="submit" disabled=move || actions.pending()>{tr!(i18n, reservation_cancel)}</button>
            </ActionForm>
        }
    });
    view! {
        <div class="check-in-card supply-sheet" data-code=code.clone() data-status=status.code() data-late=r.late.to_string()>
            <h2><span class="code">{code.clone()}</span> " " <StatusBadges status late=r.late /></h2>
            <p>{production} " · " {move || days_text(i18n, days)}</p>
            {r.picked_up_on.map(|d| view! { <p>{move || t!(i18n, supply_picked_up_on, day = day_label(i18n, d))}</p> })}
            {r.returned_on.map(|d| view! { <p>{move || t!(i18n, supply_returned_on, day = day_label(i18n, d))}</p> })}
            <LinesTable reservation=r.clone() />
            <div class="desk-step">{step} {cancel}</div>
            <p class="form-error" role="alert">{move || step_error(i18n, actions.error())}</p>
            <p><a href=format!("/supply/pick-list?code={code}")>{tr!(i18n, supply_pick_list)}</a></p>
        </div>
    }
}

/// A printable pick list: the reservation's items, SKUs and quantities, its code and QR code.
#[component]
pub fn PickListPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let code = move || query.with(|q| q.get("code").unwrap_or_default());
    let sheet = fetched(code, load_reservation_sheet);
    view! {
        <section class="pick-list">
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match sheet.await {
                        Ok(sheet) => view! { <PickList sheet /> }.into_any(),
                        Err(AppError::Unauthorized) => send_to_login(&format!("/supply/pick-list?code={}", code())),
                        Err(error) if error.field_code("reservation").is_some() => view! {
                            <p class="form-error" role="alert">{field_message(i18n, Some(&error), "reservation")}</p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PickList(sheet: ReservationSheet) -> impl IntoView {
    let i18n = use_i18n();
    let r = sheet.reservation.clone();
    let rs = StoredValue::new(r.clone());
    let lang = move || content_lang(i18n);
    let production =
        move || rs.with_value(|r| lang().pick(&r.production_zh, &r.production_en).to_string());
    let supplier =
        move || rs.with_value(|r| lang().pick(&r.supplier_zh, &r.supplier_en).to_string());
    let days = r.days;
    let units: i64 = r.lines.iter().map(|l| l.quantity).sum();
    view! {
        <h1>{tr!(i18n, pick_list_title)}</h1>
        <div class="pick-list-head" data-code=r.code.clone() data-url=sheet.url.clone()>
            <div>
                <p class="pass-code"><code>{r.code.clone()}</code></p>
                <p><StatusBadges status=r.status late=r.late /></p>
                <p>{tr!(i18n, pick_list_production)} ": " {production}</p>
                <p>{tr!(i18n, pick_list_supplier)} ": " {supplier}</p>
                <p>{move || days_text(i18n, days)} " · " {move || t!(i18n, supply_day_count, count = days.count())}</p>
            </div>
            <div
                class="pass-qr"
                role="img"
                aria-label=move || t_string!(i18n, pick_list_qr_label).to_string()
                inner_html=sheet.svg.clone()
            ></div>
        </div>
        <LinesTable reservation=r.clone() />
        <p>{move || t!(i18n, pick_list_units, count = units)} " · " {tr!(i18n, quote_total)} " " {r.quote.total.display_cny()}</p>
        <p class="hint no-print">{tr!(i18n, pick_list_hint)}</p>
        <p class="pick-list-sign">{tr!(i18n, pick_list_signature)}</p>
    }
}
