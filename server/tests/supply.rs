//! The supplier's side of reservations over real HTTP and in storage, on SQLite and PostgreSQL:
//! the supplier confirms, hands over by the typed code and takes back with damaged units, which
//! leave availability until repaired; the crew cancels its own; refused steps change nothing;
//! late returns are flagged; racing steps on one reservation never both succeed.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use domain::reservation::{ReservationStatus, Step};
use domain::stock::Days;
use server::storage::Store;
use server::storage::reservations::{NewReservation, Reserved};
use server::storage::supply::{Move, Moved, SupplyScope};
use support::{Backend, Browser, TestApp, TestDb, codes, execute, json, scalar};
use time::{Date, Duration};

const PRODUCTION_1: OrgRef = OrgRef { kind: OrgKind::Production, id: 1 };

fn today() -> Date {
    server::backend::studio_today()
}

/// The item with the most units and its supplier: `(item_id, owned, supplier_id)`.
async fn roomy_item(store: &Store) -> (i64, i64, i64) {
    let page = store.item_page(1, 4_500).await.unwrap();
    let item = page.items.iter().max_by_key(|i| (i.quantity_owned, -i.item_id)).unwrap();
    assert!(item.quantity_owned >= 4, "the seed's largest stock is {}", item.quantity_owned);
    let supplier =
        scalar(store, &format!("select supplier_id from item where item_id = {}", item.item_id))
            .await;
    (item.item_id, item.quantity_owned, supplier)
}

async fn supplier_member(app: &TestApp, supplier_id: i64) -> Browser {
    app.logged_in(Role::Supplier, Some(OrgRef { kind: OrgKind::Supplier, id: supplier_id })).await.0
}

/// Units of `item` free on `day`.
async fn free_on(store: &Store, item: i64, day: Date) -> i64 {
    store.free_stock(&[item], Days { first: day, last: day }).await.unwrap()[&item][0].1
}

/// The `(field, code)` of a refused call, checking its status is 422.
async fn refusal(response: reqwest::Response) -> (String, String) {
    assert_eq!(response.status(), 422);
    codes(&json(response).await).remove(0)
}

fn refused(code: &str) -> (String, String) {
    let field = if code == "damaged_range" { "damaged" } else { "reservation" };
    (field.to_string(), code.to_string())
}

async fn step(who: &Browser, endpoint: &str, code: &str) -> reqwest::Response {
    who.call(endpoint, &[("code", code)]).await
}

/// A return as the desk's form posts it: each line's item and its damaged count.
async fn give_back(who: &Browser, code: &str, damaged: &[(i64, i64)]) -> reqwest::Response {
    let mut form = vec![("code".to_string(), code.to_string())];
    for (item, n) in damaged {
        form.push(("items[]".to_string(), item.to_string()));
        form.push(("damaged[]".to_string(), n.to_string()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    who.call("/api/supply/return", &form).await
}

/// `crew` reserves `quantity` of `item` from today for three days; the reservation's code.
async fn reserve_today(crew: &Browser, item: i64, quantity: i64) -> String {
    let (item, quantity) = (item.to_string(), quantity.to_string());
    let line =
        crew.call("/api/requests/line", &[("item_id", &item), ("quantity", &quantity)]).await;
    assert_eq!(line.status(), 200);
    let (first, last) = (today().to_string(), (today() + Duration::days(2)).to_string());
    let days = crew.call("/api/requests/days", &[("first_day", &first), ("last_day", &last)]).await;
    assert_eq!(days.status(), 200);
    let codes = json(crew.call("/api/requests/submit", &[]).await).await;
    codes[0].as_str().expect("one reservation").to_string()
}

/// The reservation with `code` on `who`'s supply list.
async fn listed(who: &Browser, code: &str, status: &str) -> Option<serde_json::Value> {
    let view = json(who.call("/api/supply", &[("status", status)]).await).await;
    view["reservations"].as_array().unwrap().iter().find(|r| r["code"] == code).cloned()
}

on_both_backends!(
    the_supplier_confirms_hands_over_and_takes_back_with_a_damaged_unit,
    |backend: Backend| async move {
        let app = TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
        let store = &app.db.store;
        let (item, owned, supplier) = roomy_item(store).await;
        let crew = app.logged_in(Role::Crew, Some(PRODUCTION_1)).await.0;
        let free_before = free_on(store, item, today()).await;
        let code = reserve_today(&crew, item, 2).await;
        assert_eq!(free_on(store, item, today()).await, free_before - 2);

        // The supplier's list shows it waiting, with production, lines and total; another
        // supplier's does not, and only the supplier may answer it.
        let ours = supplier_member(&app, supplier).await;
        let theirs = supplier_member(&app, if supplier == 1 { 2 } else { 1 }).await;
        let waiting = listed(&ours, &code, "requested").await.expect("on the supplier's list");
        assert_eq!(waiting["status"], "requested");
        assert_eq!(waiting["lines"][0]["item_id"], item);
        assert_eq!(waiting["lines"][0]["quantity"], 2);
        assert!(!waiting["production_zh"].as_str().unwrap().is_empty());
        assert!(waiting["quote"]["total"].as_i64().unwrap() > 0);
        assert!(listed(&ours, &code, "confirmed").await.is_none(), "filtered by status");
        assert!(listed(&theirs, &code, "").await.is_none());
        assert_eq!(step(&theirs, "/api/supply/confirm", &code).await.status(), 403);
        assert_eq!(step(&crew, "/api/supply/confirm", &code).await.status(), 403);
        assert_eq!(step(&app.browser(), "/api/supply/confirm", &code).await.status(), 401);

        // Out of order: nothing moves.
        let early = step(&ours, "/api/supply/pick-up", &code).await;
        assert_eq!(refusal(early).await, refused("not_confirmed"));
        assert_eq!(refusal(give_back(&ours, &code, &[]).await).await, refused("not_picked_up"));
        let confirmed = step(&ours, "/api/supply/confirm", &code).await;
        assert_eq!(json(confirmed).await, "confirmed");
        let again = step(&ours, "/api/supply/confirm", &code).await;
        assert_eq!(refusal(again).await, refused("not_requested"));
        assert_eq!(
            refusal(step(&ours, "/api/supply/decline", &code).await).await,
            refused("not_requested")
        );

        // At the desk the code is typed loosely; the sheet carries a QR code of the desk's link.
        let typed = code.to_lowercase().replace('-', " ");
        let sheet = json(ours.call("/api/supply/reservation", &[("code", &typed)]).await).await;
        assert_eq!(sheet["reservation"]["code"], code.as_str());
        assert_eq!(sheet["url"], format!("{}/supply/scan?code={code}", app.base));
        assert!(sheet["svg"].as_str().unwrap().starts_with("<svg"));
        assert_eq!(
            (sheet["can_supply"].as_bool(), sheet["can_cancel"].as_bool()),
            (Some(true), Some(false))
        );
        let crews = json(crew.call("/api/supply/reservation", &[("code", &code)]).await).await;
        assert_eq!(
            (crews["can_supply"].as_bool(), crews["can_cancel"].as_bool()),
            (Some(false), Some(true))
        );
        assert_eq!(theirs.call("/api/supply/reservation", &[("code", &code)]).await.status(), 403);
        let bad = ours.call("/api/supply/reservation", &[("code", "R-12")]).await;
        assert_eq!(refusal(bad).await, refused("reservation_format"));
        let unknown = ours.call("/api/supply/reservation", &[("code", "R-00000-00000")]).await;
        assert_eq!(refusal(unknown).await, refused("reservation_unknown"));

        let picked = step(&ours, "/api/supply/pick-up", &typed).await;
        assert_eq!(json(picked).await, "picked_up");
        assert_eq!(
            refusal(step(&crew, "/api/reservations/cancel", &code).await).await,
            refused("not_cancellable")
        );
        assert_eq!(free_on(store, item, today()).await, free_before - 2, "still out");

        // More damaged than went out is refused and changes nothing; one damaged unit is
        // recorded and goes to maintenance.
        let too_many = give_back(&ours, &code, &[(item, 3)]).await;
        assert_eq!(refusal(too_many).await, refused("damaged_range"));
        let stray = give_back(&ours, &code, &[(item, 0), (item + 1, 1)]).await;
        assert_eq!(refusal(stray).await, refused("damaged_range"));
        assert_eq!(listed(&ours, &code, "").await.unwrap()["status"], "picked_up");
        assert_eq!(json(give_back(&ours, &code, &[(item, 1)]).await).await, "returned");
        let back = listed(&ours, &code, "returned").await.expect("returned");
        assert_eq!(back["lines"][0]["damaged"], 1);
        assert_eq!(back["returned_on"], serde_json::to_value(today()).unwrap());
        assert_eq!(back["late"], false);
        assert_eq!(refusal(give_back(&ours, &code, &[]).await).await, refused("not_picked_up"));

        // The damaged unit is not free today nor on any later day, and cannot be reserved.
        assert_eq!(free_on(store, item, today()).await, free_before - 1);
        let far = today() + Duration::days(200);
        assert_eq!(free_on(store, item, far).await, owned - 1);
        let whole = [(item, owned)];
        let new = NewReservation {
            production_id: 2,
            requested_by: 2,
            days: Days { first: far, last: far },
            lines: &whole,
            clear_list_of: None,
            now: 0,
        };
        let refused_all = store.reserve(&new, server::tokens::reservation_code).await.unwrap();
        assert!(matches!(refused_all, Reserved::Short(_)), "{refused_all:?}");

        // Until the supplier marks it repaired (another supplier may not).
        let view = json(ours.call("/api/supply", &[]).await).await;
        let unit = view["maintenance"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["code"] == code.as_str())
            .expect("in maintenance")
            .clone();
        assert_eq!((unit["item_id"].as_i64(), unit["quantity"].as_i64()), (Some(item), Some(1)));
        let id = unit["maintenance_id"].to_string();
        assert_eq!(
            theirs.call("/api/supply/repair", &[("maintenance_id", &id)]).await.status(),
            403
        );
        assert_eq!(crew.call("/api/supply/repair", &[("maintenance_id", &id)]).await.status(), 403);
        assert_eq!(ours.call("/api/supply/repair", &[("maintenance_id", &id)]).await.status(), 200);
        assert_eq!(ours.call("/api/supply/repair", &[("maintenance_id", &id)]).await.status(), 200);
        assert_eq!(free_on(store, item, today()).await, free_before);
        assert_eq!(free_on(store, item, far).await, owned);
        let view = json(ours.call("/api/supply", &[]).await).await;
        assert!(view["maintenance"].as_array().unwrap().iter().all(|m| m["code"] != code.as_str()));

        // The crew sees it returned, on time.
        let theirs_now = json(crew.call("/api/reservations", &[]).await).await;
        let mine =
            theirs_now.as_array().unwrap().iter().find(|r| r["code"] == code.as_str()).unwrap();
        assert_eq!(
            (mine["status"].as_str(), mine["late"].as_bool()),
            (Some("returned"), Some(false))
        );
    }
);

on_both_backends!(
    the_crew_cancels_its_own_reservation_and_frees_the_stock,
    |backend: Backend| async move {
        let app = TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
        let store = &app.db.store;
        let (item, _, supplier) = roomy_item(store).await;
        let crew = app.logged_in(Role::Crew, Some(PRODUCTION_1)).await.0;
        let rival =
            app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: 2 })).await.0;
        let ours = supplier_member(&app, supplier).await;
        let free_before = free_on(store, item, today()).await;
        let code = reserve_today(&crew, item, 3).await;
        assert_eq!(json(step(&ours, "/api/supply/confirm", &code).await).await, "confirmed");

        // Neither another production, nor the supplier, nor an admin cancels for the crew.
        let admin = app.logged_in(Role::Admin, None).await.0;
        for other in [&rival, &ours, &admin] {
            assert_eq!(step(other, "/api/reservations/cancel", &code).await.status(), 403);
        }
        assert_eq!(free_on(store, item, today()).await, free_before - 3);
        assert_eq!(json(step(&crew, "/api/reservations/cancel", &code).await).await, "cancelled");
        assert_eq!(free_on(store, item, today()).await, free_before, "cancelling frees the stock");
        let again = step(&crew, "/api/reservations/cancel", &code).await;
        assert_eq!(refusal(again).await, refused("not_cancellable"));
        let late_confirm = step(&ours, "/api/supply/confirm", &code).await;
        assert_eq!(refusal(late_confirm).await, refused("not_requested"));
        let mine = json(crew.call("/api/reservations", &[]).await).await;
        assert_eq!(mine[0]["status"], "cancelled");

        // A declined request frees its stock too.
        let code = reserve_today(&crew, item, 1).await;
        assert_eq!(json(step(&admin, "/api/supply/decline", &code).await).await, "declined");
        assert_eq!(free_on(store, item, today()).await, free_before);
    }
);

on_both_backends!(late_returns_are_flagged_for_both_sides, |backend: Backend| async move {
    let app = TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
    let store = &app.db.store;
    let (item, _, supplier) = roomy_item(store).await;
    let crew = app.logged_in(Role::Crew, Some(PRODUCTION_1)).await.0;
    let ours = supplier_member(&app, supplier).await;
    let (on_time, late) =
        (reserve_today(&crew, item, 1).await, reserve_today(&crew, item, 1).await);
    for code in [&on_time, &late] {
        step(&ours, "/api/supply/confirm", code).await;
        assert_eq!(json(step(&ours, "/api/supply/pick-up", code).await).await, "picked_up");
    }
    // The second one's days ended two days ago and it is still out.
    let (first, last) = (today() - Duration::days(6), today() - Duration::days(2));
    execute(
        store,
        &format!(
            "update reservation set first_day = '{first}', last_day = '{last}', \
             picked_up_on = '{first}' where code = '{late}'"
        ),
    )
    .await;
    let flagged = listed(&ours, &late, "late").await.expect("on the late list");
    assert_eq!(flagged["late"], true);
    assert!(listed(&ours, &on_time, "late").await.is_none());
    let crews = json(crew.call("/api/reservations", &[]).await).await;
    let late_of = |code: &str| {
        crews.as_array().unwrap().iter().find(|r| r["code"] == code).unwrap()["late"].clone()
    };
    assert_eq!(late_of(&late), true);
    assert_eq!(late_of(&on_time), false);

    // Returned today, after its last day: still flagged as late.
    assert_eq!(json(give_back(&ours, &late, &[(item, 0)]).await).await, "returned");
    let back = listed(&ours, &late, "late").await.expect("returned late");
    assert_eq!((back["status"].as_str(), back["late"].as_bool()), (Some("returned"), Some(true)));
    // A hand-over after the last day is refused.
    let expired = reserve_today(&crew, item, 1).await;
    step(&ours, "/api/supply/confirm", &expired).await;
    execute(
        store,
        &format!(
            "update reservation set first_day = '{first}', last_day = '{last}' \
             where code = '{expired}'"
        ),
    )
    .await;
    let refused_late = step(&ours, "/api/supply/pick-up", &expired).await;
    assert_eq!(refusal(refused_late).await, refused("after_last_day"));
});

/// A reservation of one unit of `item` for today and tomorrow, made in storage.
async fn stored_reservation(store: &Store, item: i64) -> (i64, String) {
    let days = Days { first: today(), last: today() + Duration::days(1) };
    let lines = [(item, 1)];
    let new = NewReservation {
        production_id: 1,
        requested_by: 2,
        days,
        lines: &lines,
        clear_list_of: None,
        now: 0,
    };
    let Reserved::Done(mut made) =
        store.reserve(&new, server::tokens::reservation_code).await.unwrap()
    else {
        panic!("could not reserve");
    };
    made.remove(0)
}

/// Races `steps` on one reservation, checks exactly one was taken, and answers the status it
/// ends in.
async fn race(
    store: &Store,
    reservation_id: i64,
    steps: Vec<Step>,
    damaged: i64,
    item: i64,
) -> ReservationStatus {
    let mut tasks = Vec::new();
    for step in steps {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let damaged = [(item, damaged)];
            let m = Move { reservation_id, step, today: today(), now: 0, damaged: &damaged };
            (step, store.move_reservation(&m).await.expect("no storage error"))
        }));
    }
    let mut taken = Vec::new();
    for task in tasks {
        match task.await.unwrap() {
            (step, Moved::Done(status)) => taken.push((step, status)),
            (_, Moved::Refused(_)) => {}
            (_, Moved::NotFound) => panic!("the reservation vanished"),
        }
    }
    assert_eq!(taken.len(), 1, "several racing steps were taken: {taken:?}");
    let records = store.supply_reservations(SupplyScope::Everyone, None).await.unwrap();
    let now = records.iter().find(|r| r.reservation_id == reservation_id).unwrap().status;
    assert_eq!(now, taken[0].1, "the stored status is the winner's");
    now
}

on_both_backends!(
    racing_steps_on_one_reservation_never_both_succeed,
    |backend: Backend| async move {
        let db = TestDb::seeded(backend).await;
        let store = &db.store;
        let (item, _, _) = roomy_item(store).await;

        // Confirm and decline race on a request, and so do decline and cancel: one wins each time
        // (a confirm followed by a cancel would be two lawful steps, so they do not race here).
        let (id, _) = stored_reservation(store, item).await;
        let steps =
            (0..30).map(|n| if n % 2 == 0 { Step::Confirm } else { Step::Decline }).collect();
        race(store, id, steps, 0, item).await;
        let (id, _) = stored_reservation(store, item).await;
        let steps =
            (0..30).map(|n| if n % 2 == 0 { Step::Cancel } else { Step::Decline }).collect();
        race(store, id, steps, 0, item).await;

        // Hand-over and cancel race on a confirmed reservation: one wins.
        let (id, _) = stored_reservation(store, item).await;
        race(store, id, vec![Step::Confirm], 0, item).await;
        let steps = (0..30).map(|n| if n % 2 == 0 { Step::PickUp } else { Step::Cancel }).collect();
        race(store, id, steps, 0, item).await;

        // Many returns of one picked-up reservation: one is recorded, its damaged unit once.
        let (id, _) = stored_reservation(store, item).await;
        race(store, id, vec![Step::Confirm], 0, item).await;
        race(store, id, vec![Step::PickUp], 0, item).await;
        let status = race(store, id, vec![Step::Return; 30], 1, item).await;
        assert_eq!(status, ReservationStatus::Returned);
        let units =
            scalar(store, &format!("select count(*) from maintenance where reservation_id = {id}"))
                .await;
        assert_eq!(units, 1, "the damaged unit was recorded more than once");
    }
);

on_both_backends!(
    an_item_names_the_productions_that_had_it_only_with_their_consent,
    |backend: Backend| async move {
        let app = TestApp::spawn(TestDb::seeded(backend).await).await;
        let store = &app.db.store;
        let (item, _, supplier) = roomy_item(store).await;
        let desk = supplier_member(&app, supplier).await;
        let crew = app.logged_in(Role::Crew, Some(PRODUCTION_1)).await.0;
        let item_id = item.to_string();
        let uses = async || {
            let detail = json(app.call("/api/item", &[("item_id", &item_id)]).await).await;
            (
                detail["used_by"].as_array().unwrap().clone(),
                detail["used_privately"].as_u64().unwrap(),
            )
        };
        let production =
            scalar(store, "select count(*) from production where production_id = 1").await;
        assert_eq!(production, 1);
        let (name_zh, name_en): (String, String) = {
            let me = json(crew.call("/api/me", &[]).await).await;
            (
                me["org"]["name_zh"].as_str().unwrap().into(),
                me["org"]["name_en"].as_str().unwrap().into(),
            )
        };

        // Reserved and confirmed is not used yet; picked up, the production counts, unnamed.
        let code = reserve_today(&crew, item, 1).await;
        assert_eq!(step(&desk, "/api/supply/confirm", &code).await.status(), 200);
        assert_eq!(uses().await, (vec![], 0));
        assert_eq!(step(&desk, "/api/supply/pick-up", &code).await.status(), 200);
        assert_eq!(uses().await, (vec![], 1));

        // Its crew lets item pages name it: the page names it with the reservation's last day.
        let consent = async |who: &Browser, value: Option<&str>| {
            let form: Vec<(&str, &str)> = value.map(|v| vec![("consent", v)]).unwrap_or_default();
            who.call("/api/production/credit/set", &form).await.status()
        };
        assert_eq!(json(crew.call("/api/production/credit", &[]).await).await, false);
        assert_eq!(consent(&crew, Some("true")).await, 200);
        assert_eq!(json(crew.call("/api/production/credit", &[]).await).await, true);
        let (named, private) = uses().await;
        assert_eq!(private, 0);
        assert_eq!(named.len(), 1);
        assert_eq!(
            (
                named[0]["production_zh"].as_str().unwrap(),
                named[0]["production_en"].as_str().unwrap()
            ),
            (name_zh.as_str(), name_en.as_str())
        );
        assert_eq!(give_back(&desk, &code, &[(item, 0)]).await.status(), 200);
        assert_eq!(uses().await.0.len(), 1);

        // Only the production's crew decides; unticked, it is counted again without its name.
        let (actor, _) = app.logged_in(Role::Actor, None).await;
        assert_eq!(consent(&actor, Some("false")).await, 403);
        assert_eq!(consent(&desk, Some("false")).await, 403);
        assert_eq!(consent(&app.browser(), None).await, 401);
        assert_eq!(uses().await.1, 0);
        assert_eq!(consent(&crew, None).await, 200);
        assert_eq!(uses().await, (vec![], 1));
    }
);
