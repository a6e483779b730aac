//! Stock reservations on SQLite and PostgreSQL: all lines or none, shortages named exactly, and
//! never over-reserved under 200 concurrent requests for scarce items.

mod support;

use domain::stock::Days;
use server::storage::Store;
use server::storage::reservations::{NewReservation, Reserved};
use support::{Backend, TestDb};
use time::{Date, Duration};

fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

fn days(from: i64, count: i64) -> Days {
    let first = today() + Duration::days(from);
    Days { first, last: first + Duration::days(count - 1) }
}

/// Two items with few units: `(item_id, quantity_owned)`.
async fn scarce_items(store: &Store) -> Vec<(i64, i64)> {
    let page = store.item_page(1, 4_500).await.unwrap();
    let mut scarce: Vec<(i64, i64)> = page
        .items
        .iter()
        .filter(|i| (3..=6).contains(&i.quantity_owned))
        .map(|i| (i.item_id, i.quantity_owned))
        .collect();
    scarce.truncate(2);
    assert_eq!(scarce.len(), 2, "the seed has no scarce items");
    scarce
}

async fn reserve(store: &Store, production: i64, days: Days, lines: &[(i64, i64)]) -> Reserved {
    let new = NewReservation {
        production_id: production,
        requested_by: 2,
        days,
        lines,
        clear_list_of: None,
        now: 0,
    };
    store.reserve(&new, server::tokens::reservation_code).await.expect("no storage error")
}

on_both_backends!(all_lines_or_none_and_shortages_say_where, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let store = &db.store;
    let [(a, owned_a), (b, owned_b)] = scarce_items(store).await[..] else { unreachable!() };
    let week = days(10, 5);

    // Take all but one of `a` on the middle day only.
    let middle =
        Days { first: week.first + Duration::days(2), last: week.first + Duration::days(2) };
    assert!(matches!(reserve(store, 1, middle, &[(a, owned_a - 1)]).await, Reserved::Done(_)));

    // Two of `a` and one of `b` over the week: `a` is short on the middle day; nothing is held.
    let Reserved::Short(short) = reserve(store, 2, week, &[(b, 1), (a, 2)]).await else {
        panic!("over-reservation accepted");
    };
    assert_eq!(short.len(), 1);
    assert_eq!((short[0].item_id, short[0].asked), (a, 2));
    assert_eq!(short[0].runs, vec![(middle, 1)]);
    assert!(!short[0].sku.is_empty() && !short[0].name_zh.is_empty());
    let held_b = store.reserved_per_day(b, week).await.unwrap();
    assert!(held_b.iter().all(|(_, n)| *n == 0), "a refused request held {held_b:?}");

    // One of each fits; lines of different suppliers become one reservation each.
    let Reserved::Done(made) = reserve(store, 2, week, &[(b, owned_b), (a, 1)]).await else {
        panic!("a fitting request was refused");
    };
    assert!(!made.is_empty());
    assert!(made.iter().all(|(_, code)| code.starts_with("R-")));
    let free = store.free_stock(&[a, b], week).await.unwrap();
    assert_eq!(
        free[&a].iter().map(|(_, n)| *n).collect::<Vec<_>>(),
        vec![owned_a - 1, owned_a - 1, 0, owned_a - 1, owned_a - 1]
    );
    assert!(free[&b].iter().all(|(_, n)| *n == 0));

    // An unknown item refuses the whole request.
    assert_eq!(
        reserve(store, 3, week, &[(a, 1), (99_999_999, 1)]).await,
        Reserved::NoSuchItem(99_999_999)
    );
});

on_both_backends!(racing_requests_never_over_reserve, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let items = scarce_items(&db.store).await;
    let base = 20;
    // 200 requests from 4 productions for 1–3 units of one or both items over overlapping days.
    let mut tasks = Vec::new();
    for n in 0..200_i64 {
        let store = db.store.clone();
        let (a, _) = items[0];
        let (b, _) = items[1];
        let lines: Vec<(i64, i64)> = match n % 3 {
            0 => vec![(a, 1 + n % 3)],
            1 => vec![(b, 1 + n % 2)],
            _ => vec![(a, 1), (b, 1)],
        };
        let range = days(base + n % 7, 1 + n % 4);
        tasks.push(tokio::spawn(async move {
            let outcome = reserve(&store, 1 + n % 4, range, &lines).await;
            (range, lines, outcome)
        }));
    }
    let mut accepted = 0;
    let mut refused = 0;
    for task in tasks {
        let (range, lines, outcome) = task.await.unwrap();
        match outcome {
            Reserved::Done(_) => accepted += 1,
            Reserved::Short(short) => {
                refused += 1;
                // Every refusal names a real shortage: fewer free than asked on those days.
                for s in &short {
                    let asked = lines.iter().find(|(id, _)| *id == s.item_id).unwrap().1;
                    assert_eq!(s.asked, asked);
                    assert!(
                        s.runs.iter().all(|(d, free)| *free < asked && range.contains(d.first))
                    );
                }
            }
            Reserved::NoSuchItem(id) | Reserved::Retired(id) => {
                panic!("item {id} vanished or retired")
            }
        }
    }
    assert!(accepted > 0 && refused > 0, "accepted {accepted}, refused {refused}");
    // Whatever won, no day holds more than is owned.
    let span = days(base, 11);
    for (item, owned) in &items {
        for (day, held) in db.store.reserved_per_day(*item, span).await.unwrap() {
            assert!(held <= *owned, "item {item} holds {held} of {owned} on {day}");
        }
    }
    // And the stock is used: some day of `a` is fully reserved.
    let (a, owned_a) = items[0];
    let held = db.store.reserved_per_day(a, span).await.unwrap();
    assert!(held.iter().any(|(_, n)| *n == owned_a), "{held:?}");
});

on_both_backends!(request_lists_are_kept_per_account, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let store = &db.store;
    let [(a, _), (b, _)] = scarce_items(store).await[..] else { unreachable!() };
    assert!(store.set_request_line(2, a, 2, 10).await.unwrap());
    assert!(store.set_request_line(2, b, 1, 11).await.unwrap());
    assert!(store.set_request_line(2, a, 3, 12).await.unwrap(), "changing the quantity");
    assert!(!store.set_request_line(2, 99_999_999, 1, 13).await.unwrap());
    store.set_request_days(2, days(3, 5)).await.unwrap();
    let list = store.request_list(2).await.unwrap();
    assert_eq!(list.days, Some(days(3, 5)));
    let lines: Vec<(i64, i64)> = list.lines.iter().map(|(c, q)| (c.item_id, *q)).collect();
    assert_eq!(lines, vec![(a, 3), (b, 1)]);
    assert!(store.request_list(3).await.unwrap().lines.is_empty(), "lists are per account");

    // Reserving from the list empties it in the same transaction.
    let new = NewReservation {
        production_id: 1,
        requested_by: 2,
        days: days(3, 5),
        lines: &lines,
        clear_list_of: Some(2),
        now: 0,
    };
    let reserved = store.reserve(&new, server::tokens::reservation_code).await.unwrap();
    assert!(matches!(reserved, Reserved::Done(_)), "{reserved:?}");
    assert!(store.request_list(2).await.unwrap().lines.is_empty());
    assert!(store.set_request_line(2, a, 0, 14).await.unwrap(), "removing what is not there");
});

on_both_backends!(
    the_catalogue_lists_only_items_free_enough_on_every_day,
    |backend: Backend| async move {
        let app = support::TestApp::spawn(TestDb::seeded(backend).await).await;
        let store = &app.db.store;
        let [(a, owned), _] = scarce_items(store).await[..] else { unreachable!() };
        let sku = store.item_cards(&[a]).await.unwrap()[0].sku.clone();
        let week = days(20, 3);
        let middle =
            Days { first: week.first + Duration::days(1), last: week.first + Duration::days(1) };
        assert!(matches!(reserve(store, 1, middle, &[(a, owned - 1)]).await, Reserved::Done(_)));
        assert_eq!(store.most_held(week).await.unwrap().get(&a), Some(&(owned - 1)));

        // Whether a search for the item's SKU, free over `days` in `quantity`, lists it.
        let listed = async |days: Days, quantity: i64| {
            let query = format!("q={sku}&from={}&to={}&qty={quantity}", days.first, days.last);
            let response = app.call("/api/catalogue", &[("query", &query)]).await;
            assert_eq!(response.status(), 200);
            let view: serde_json::Value = response.json().await.unwrap();
            view["hits"].as_array().unwrap().iter().any(|h| h["card"]["sku"] == sku.as_str())
        };
        assert!(listed(week, 1).await, "one unit is free every day");
        assert!(!listed(week, 2).await, "only one is free on the middle day");
        let first_day = Days { first: week.first, last: week.first };
        assert!(listed(first_day, owned).await, "all are free on the first day");
        assert!(!listed(first_day, owned + 1).await, "more than are owned");
    }
);
