//! Location bookings against real SQLite and PostgreSQL: the clash rule with changeover
//! buffers, useful refusals, and no double booking under 200 concurrent overlapping requests.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use domain::booking::{BookingStatus, Held, Window, clashes};
use server::storage::bookings::{Booked, NewBooking};
use server::storage::{Db, Store};
use support::{Backend, TestDb};

const H: i64 = 3600;

/// Tomorrow 00:00 (UTC) or later: a time all tests may book from.
fn base() -> i64 {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    (now / 86_400 + 1) * 86_400
}

/// A location's slug and changeover (seconds) from the seed.
async fn location(store: &Store) -> (String, i64) {
    let pin = store
        .location_pins()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.changeover_min >= 30)
        .expect("a location with a changeover");
    (pin.slug, pin.changeover_min * 60)
}

/// The bookings holding `slug` within `[from, to)`.
async fn holding(store: &Store, slug: &str, from: i64, to: i64) -> Vec<Held> {
    store
        .location_schedule(slug, from, to)
        .await
        .unwrap()
        .into_iter()
        .filter(|b| b.status.holds())
        .map(|b| Held {
            window: b.window,
            production_id: b.production_id,
            changeover: b.changeover,
        })
        .collect()
}

fn assert_no_two_clash(held: &[Held]) {
    for (i, a) in held.iter().enumerate() {
        for b in &held[i + 1..] {
            assert!(!clashes(a.window, a.production_id, a.changeover, b), "{a:?} and {b:?} clash");
        }
    }
}

async fn book(store: &Store, slug: &str, production: i64, window: Window) -> Booked {
    let new =
        NewBooking { slug, production_id: production, booked_by: 2, window, shoot: None, note: "" };
    store.book(&new, 0).await.expect("no storage error")
}

on_both_backends!(
    clashes_are_refused_with_the_window_and_a_free_slot,
    |backend: Backend| async move {
        let db = TestDb::seeded(backend).await;
        let (slug, changeover) = location(&db.store).await;
        let day = base();
        let morning = Window { start: day + 6 * H, end: day + 12 * H };
        let Booked::Done { status, .. } = book(&db.store, &slug, 1, morning).await else {
            panic!("the first booking was refused");
        };
        assert_eq!(status, BookingStatus::Requested);

        // Another production wants 11:00–13:00: refused, told the window, offered the nearest slot
        // of two hours after the changeover.
        let Booked::Clash(clash) =
            book(&db.store, &slug, 2, Window { start: day + 11 * H, end: day + 13 * H }).await
        else {
            panic!("a clash was accepted");
        };
        assert_eq!(clash.with, morning);
        assert!(!clash.own);
        assert_eq!(clash.changeover, changeover);
        let suggestion = clash.suggestion.expect("a suggestion");
        assert_eq!(suggestion.len(), 2 * H);
        assert_eq!(suggestion.start, morning.end + changeover);
        // The suggestion really is free.
        assert!(matches!(book(&db.store, &slug, 2, suggestion).await, Booked::Done { .. }));

        // Inside the changeover after the first booking: refused for another production…
        let tight = Window { start: morning.end, end: morning.end + H };
        assert!(matches!(book(&db.store, &slug, 3, tight).await, Booked::Clash(_)));
        // …but the same production may hand over to itself without a gap (here: just before).
        let before = Window { start: morning.start - H, end: morning.start };
        let Booked::Done { .. } = book(&db.store, &slug, 1, before).await else {
            panic!("the production's own adjoining booking was refused");
        };
        let earlier = Window { start: before.start - H, end: before.start };
        assert!(matches!(book(&db.store, &slug, 3, earlier).await, Booked::Clash(_)));
        assert!(matches!(
            book(&db.store, "no-such-place", 1, morning).await,
            Booked::NoSuchLocation
        ));

        // Cancelled bookings free the slot.
        let schedule = db.store.location_schedule(&slug, day, day + 86_400).await.unwrap();
        let first = schedule.iter().find(|b| b.window == morning).expect("the morning booking");
        assert!(
            db.store
                .set_booking_status(
                    first.booking_id,
                    BookingStatus::Requested,
                    BookingStatus::Cancelled
                )
                .await
                .unwrap()
        );
        assert!(
            !db.store
                .set_booking_status(
                    first.booking_id,
                    BookingStatus::Requested,
                    BookingStatus::Confirmed
                )
                .await
                .unwrap()
        );
        let Booked::Done { .. } =
            book(&db.store, &slug, 4, Window { start: day + 8 * H + 1800, end: day + 11 * H })
                .await
        else {
            panic!("a cancelled booking still held the location");
        };
    }
);

// 200 requests at once: 20 slots far enough apart, each wanted by 10 productions.
on_both_backends!(racing_requests_book_each_slot_exactly_once, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let (slug, changeover) = location(&db.store).await;
    let day = base();
    let spacing = 2 * H + changeover + H;
    let mut requests: Vec<(i64, Window)> = (0..20)
        .flat_map(|slot| {
            let start = day + slot * spacing;
            (1..=10).map(move |production| (production, Window { start, end: start + 2 * H }))
        })
        .collect();
    fastrand::shuffle(&mut requests);
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|(production, window)| {
            let store = db.store.clone();
            let slug = slug.clone();
            tokio::spawn(async move { (window, book(&store, &slug, production, window).await) })
        })
        .collect();
    let mut booked = std::collections::HashMap::new();
    for task in tasks {
        let (window, outcome) = task.await.unwrap();
        match outcome {
            Booked::Done { .. } => *booked.entry(window.start).or_insert(0) += 1,
            Booked::Clash(clash) => assert_eq!(clash.with, window, "refused for the wrong reason"),
            Booked::NoSuchLocation => panic!("the location vanished"),
        }
    }
    assert_eq!(booked.len(), 20, "every slot is booked");
    assert!(booked.values().all(|&n| n == 1), "a slot was booked twice: {booked:?}");
    let schedule = db.store.location_schedule(&slug, day, day + 30 * 86_400).await.unwrap();
    assert_eq!(schedule.iter().filter(|b| b.status.holds()).count(), 20);
});

// 200 random overlapping requests at once: the accepted ones never clash with each other, and
// each refused one clashes with an accepted one.
on_both_backends!(racing_random_requests_never_double_book, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let (slug, changeover) = location(&db.store).await;
    let day = base();
    let requests: Vec<(i64, Window)> = (0..200)
        .map(|_| {
            let start = day + fastrand::i64(0..72 * 4) * 15 * 60;
            let end = start + fastrand::i64(1..=16) * 15 * 60;
            (fastrand::i64(1..=5), Window { start, end })
        })
        .collect();
    let tasks: Vec<_> = requests
        .iter()
        .copied()
        .map(|(production, window)| {
            let store = db.store.clone();
            let slug = slug.clone();
            tokio::spawn(async move { book(&store, &slug, production, window).await })
        })
        .collect();
    let mut refused = Vec::new();
    for (task, request) in tasks.into_iter().zip(&requests) {
        if let Booked::Clash(_) = task.await.unwrap() {
            refused.push(*request);
        }
    }
    let held = holding(&db.store, &slug, day - 86_400, day + 5 * 86_400).await;
    assert_eq!(held.len() + refused.len(), requests.len());
    assert_no_two_clash(&held);
    for (production, window) in refused {
        assert!(
            held.iter().any(|h| clashes(window, production, changeover, h)),
            "{window:?} for production {production} was refused without a clash"
        );
    }
});

// SQLite has one write lock. Its busy handler lets waiting writers sleep between tries, so
// under load one could wait half a second while others came and went; the writer queue
// (`storage::BeginWrite`) serves them in the order they asked. Forty bookings asked one after
// the other (one thread: each task reaches the queue before the next starts) are committed in
// that order, whoever's connection would have won the lock.
#[tokio::test]
async fn sqlite_writers_take_turns_in_the_order_they_asked() {
    let db = TestDb::seeded(Backend::Sqlite).await;
    let (slug, changeover) = location(&db.store).await;
    let day = base();
    let tasks: Vec<_> = (0..40)
        .map(|slot| {
            let store = db.store.clone();
            let slug = slug.clone();
            let start = day + slot * (2 * H + changeover + H);
            tokio::spawn(async move {
                book(&store, &slug, 1, Window { start, end: start + 2 * H }).await
            })
        })
        .collect();
    let mut ids = Vec::new();
    for task in tasks {
        match task.await.unwrap() {
            Booked::Done { booking_id, .. } => ids.push(booking_id),
            other => panic!("a free slot was refused: {other:?}"),
        }
    }
    let mut in_order = ids.clone();
    in_order.sort_unstable();
    assert_eq!(ids, in_order, "bookings committed out of the order they were asked in");
}

// A client that leaves stops its request's work at whatever await it has reached — for a
// write, possibly inside the transaction's start. Bookings abandoned after random short waits
// leave no connection inside a transaction: on SQLite such a connection would keep the write
// lock, and every later write would fail; on PostgreSQL it would sit "idle in transaction",
// its next borrower's writes never committed.
on_both_backends!(
    bookings_abandoned_at_any_moment_leave_the_database_writable,
    |backend: Backend| async move {
        let db = TestDb::seeded(backend).await;
        let (slug, changeover) = location(&db.store).await;
        let day = base();
        let spacing = 2 * H + changeover + H;
        for slot in 0..300 {
            let store = db.store.clone();
            let slug = slug.clone();
            let start = day + slot * spacing;
            let wait = std::time::Duration::from_micros(fastrand::u64(0..1_500));
            let booking = tokio::spawn(async move {
                book(&store, &slug, 1, Window { start, end: start + 2 * H }).await
            });
            tokio::time::sleep(wait).await;
            booking.abort();
            let _ = booking.await;
        }
        // What an abandoned start left behind is rolled back on the connection's own time.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        if backend == Backend::Postgres {
            let stuck = support::scalar(
                &db.store,
                "select count(*) from pg_stat_activity where datname = current_database() \
                 and state like 'idle in transaction%'",
            )
            .await;
            assert_eq!(stuck, 0, "connections left inside a transaction");
        }
        // Every connection of the pool still writes.
        let start = day + 400 * spacing;
        let writes: Vec<_> = (0..16)
            .map(|n| {
                let store = db.store.clone();
                let slug = slug.clone();
                let start = start + n * spacing;
                tokio::spawn(async move {
                    book(&store, &slug, 1, Window { start, end: start + 2 * H }).await
                })
            })
            .collect();
        for write in writes {
            assert!(matches!(write.await.unwrap(), Booked::Done { .. }), "a free slot refused");
        }
    }
);

on_both_backends!(
    the_database_refuses_a_clash_written_around_the_check,
    |backend: Backend| async move {
        let db = TestDb::seeded(backend).await;
        let (slug, _) = location(&db.store).await;
        let day = base();
        let window = Window { start: day + 8 * H, end: day + 10 * H };
        assert!(matches!(book(&db.store, &slug, 1, window).await, Booked::Done { .. }));
        // Insert straight into the table, as a buggy code path would.
        let sql = "insert into booking (location_id, production_id, status, starts_at, ends_at, \
               changeover_s, created_at) \
               select location_id, 2, 'requested', $1, $2, 0, 0 from location where slug = $3";
        let (start, end) = (window.start + H, window.end + H);
        let result = match db.store.db() {
            Db::Sqlite(pool) => {
                sqlx::query(sql).bind(start).bind(end).bind(&slug).execute(pool).await.map(|_| ())
            }
            Db::Postgres(pool) => {
                sqlx::query(sql).bind(start).bind(end).bind(&slug).execute(pool).await.map(|_| ())
            }
        };
        let error = result.expect_err("the database accepted an overlapping booking");
        assert!(error.to_string().contains("booking"), "{error}");
    }
);

on_both_backends!(
    crews_book_over_http_and_see_only_their_own_names,
    |backend: Backend| async move {
        let app = support::TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
        let (slug, _) = location(&app.db.store).await;
        let week = time::OffsetDateTime::from_unix_timestamp(base() + 7 * 86_400)
            .unwrap()
            .to_offset(domain::STUDIO_OFFSET)
            .date();
        let (start, end) = (format!("{week}T06:30"), format!("{week}T13:45"));

        let crew = app.browser();
        crew.log_in("crew@backlot.local", "backlot-crew-demo").await;
        let form = [("slug", slug.as_str()), ("starts_at", &start), ("ends_at", &end)];
        let response = crew.call("/api/book", &form).await;
        assert_eq!(response.status(), 200);
        let receipt: serde_json::Value = response.json().await.unwrap();
        assert!(receipt["booking_id"].is_i64());

        let rival = app.browser();
        rival.log_in("crew2@backlot.local", "backlot-crew2-demo").await;
        let response = rival.call("/api/book", &form).await;
        assert_eq!(response.status(), 409);
        let error: serde_json::Value = response.json().await.unwrap();
        let clash = &error["Clash"];
        assert_eq!(clash["own"], false);
        assert!(clash["suggestion"]["start"].is_i64(), "{error}");
        assert!(!error.to_string().contains("production"), "the clash names a production: {error}");

        let bad = [("slug", slug.as_str()), ("starts_at", "tomorrow"), ("ends_at", &start)];
        let response = rival.call("/api/book", &bad).await;
        assert_eq!(response.status(), 422);
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["Invalid"][0]["code"], "invalid_time");
        let backwards = [("slug", slug.as_str()), ("starts_at", &end), ("ends_at", &start)];
        let response = rival.call("/api/book", &backwards).await;
        assert_eq!(
            response.json::<serde_json::Value>().await.unwrap()["Invalid"][0]["code"],
            "end_not_after_start"
        );

        // The schedule: the booking's production sees its name; the rival and visitors do not.
        let path = format!("/locations/{slug}?week={week}");
        let production = app.db.store.account(2).await.unwrap().unwrap().org.unwrap();
        let page = |browser: &support::Browser| {
            let url = format!("{}{path}", app.base);
            let client = browser.client.clone();
            async move {
                let response =
                    client.get(url).header("accept-language", "en").send().await.unwrap();
                assert_eq!(response.status(), 200);
                response.text().await.unwrap()
            }
        };
        let own = page(&crew).await;
        assert!(own.contains(&production.name_en), "the crew does not see its own booking's name");
        assert!(own.contains("06:30–13:45"));
        for html in [page(&rival).await, page(&app.browser()).await] {
            assert!(html.contains("Booked by another production"));
            assert!(!html.contains(&production.name_en), "another production's name leaked");
            assert!(html.contains("Sunrise"));
        }
        assert_eq!(app.browser().get("/locations/no-such-place").await.status(), 404);
    }
);

on_both_backends!(a_crew_exports_its_schedule_as_icalendar, |backend: Backend| async move {
    let app = support::TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
    let (slug, _) = location(&app.db.store).await;
    let week = time::OffsetDateTime::from_unix_timestamp(base() + 3 * 86_400)
        .unwrap()
        .to_offset(domain::STUDIO_OFFSET)
        .date();
    let crew = app.browser();
    crew.log_in("crew@backlot.local", "backlot-crew-demo").await;
    let (start, end) = (format!("{week}T06:30"), format!("{week}T13:45"));
    let form =
        [("slug", slug.as_str()), ("starts_at", &start), ("ends_at", &end), ("note", "布景; 拆景")];
    assert_eq!(crew.call("/api/book", &form).await.status(), 200);

    let response = crew.get("/schedule.ics").await;
    assert_eq!(response.status(), 200);
    let kind = response.headers()["content-type"].to_str().unwrap().to_string();
    assert!(kind.starts_with("text/calendar"), "{kind}");
    let ics = response.text().await.unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
    // 06:30 in Hengdian is 22:30 UTC the day before.
    let utc = week.previous_day().unwrap();
    let stamp =
        format!("DTSTART:{}{:02}{:02}T223000Z", utc.year(), u8::from(utc.month()), utc.day());
    assert!(ics.contains(&stamp), "{ics}");
    assert!(ics.contains("STATUS:"), "{ics}");

    let schedule = crew.call("/api/schedule", &[]).await;
    let schedule: serde_json::Value = schedule.json().await.unwrap();
    assert_eq!(schedule["bookings"].as_array().unwrap().len(), 1);
    assert_eq!(schedule["bookings"][0]["note"], "布景; 拆景");

    // Only crew members of a production have a schedule.
    assert_eq!(app.browser().get("/schedule.ics").await.status(), 401);
    let actor = app.browser();
    actor.log_in("actor@backlot.local", "backlot-actor-demo").await;
    assert_eq!(actor.get("/schedule.ics").await.status(), 403);
    assert_eq!(actor.call("/api/schedule", &[]).await.status(), 403);
    // Another production's crew does not see it.
    let rival = app.browser();
    rival.log_in("crew2@backlot.local", "backlot-crew2-demo").await;
    let theirs: serde_json::Value = rival.call("/api/schedule", &[]).await.json().await.unwrap();
    assert_eq!(theirs["bookings"].as_array().unwrap().len(), 0);
});

/// The slugs `/api/locations` lists for `query`, as `browser` sees them, and the total.
async fn listed(browser: &support::Browser, query: &str) -> (Vec<String>, u64) {
    let response = browser.call("/api/locations", &[("query", query)]).await;
    assert_eq!(response.status(), 200);
    let view: serde_json::Value = response.json().await.unwrap();
    let slugs = view["pins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap().to_string())
        .collect();
    (slugs, view["total"].as_u64().unwrap())
}

// "Free from … to …" on the map: a booking and its changeover hide a location from everyone
// else; the booking production's own crew may still hand over to itself.
on_both_backends!(the_free_filter_hides_booked_locations, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let (slug, changeover) = location(&db.store).await;
    let day = base();
    let booked = Window { start: day + 6 * H, end: day + 12 * H };
    assert!(matches!(book(&db.store, &slug, 1, booked).await, Booked::Done { .. }));
    let app = support::TestApp::spawn(db).await;
    let local = domain::booking::studio_local;
    let range = |w: Window| format!("free_from={}&free_to={}", local(w.start), local(w.end));

    let visitor = app.browser();
    let (all, total) = listed(&visitor, "").await;
    assert!(all.contains(&slug));
    let (during, total_during) = listed(&visitor, &range(booked)).await;
    assert!(!during.contains(&slug), "a booked location is listed as free");
    assert_eq!(total_during, total);
    assert_eq!(during.len() + 1, all.len(), "only the booked location disappears");
    // Inside the changeover after the booking: still taken for other productions.
    let hand_over = Window { start: booked.end, end: booked.end + H };
    assert!(!listed(&visitor, &range(hand_over)).await.0.contains(&slug));
    let after = Window { start: booked.end + changeover, end: booked.end + changeover + H };
    assert!(listed(&visitor, &range(after)).await.0.contains(&slug));

    let crew_of = |id| Some(OrgRef { kind: OrgKind::Production, id });
    let (own, _) = app.logged_in(Role::Crew, crew_of(1)).await;
    assert!(listed(&own, &range(hand_over)).await.0.contains(&slug), "own production may abut");
    let (rival, _) = app.logged_in(Role::Crew, crew_of(2)).await;
    assert!(!listed(&rival, &range(hand_over)).await.0.contains(&slug));

    // A range that cannot be used filters nothing (the form explains it).
    let backwards = format!("free_from={}&free_to={}", local(booked.end), local(booked.start));
    assert_eq!(listed(&visitor, &backwards).await.0, all);
    // Filters combine.
    let (qing, _) = listed(&visitor, &format!("era=qing&{}", range(booked))).await;
    assert!(qing.len() < during.len() && !qing.contains(&slug));
});

// An overrun: a booking runs on only into free time (changeover before another production's
// booking included); that production is told its set is handed over later.
on_both_backends!(an_overrun_runs_on_only_into_free_time, |backend: Backend| async move {
    use server::storage::bookings::Extended;
    let db = TestDb::seeded(backend).await;
    let (slug, changeover) = location(&db.store).await;
    let day = base();
    let morning = Window { start: day + 6 * H, end: day + 12 * H };
    let next = Window { start: day + 14 * H, end: day + 16 * H };
    assert!(matches!(book(&db.store, &slug, 1, morning).await, Booked::Done { .. }));
    assert!(matches!(book(&db.store, &slug, 2, next).await, Booked::Done { .. }));
    let schedule = db.store.location_schedule(&slug, day, day + 86_400).await.unwrap();
    let id = |w: Window| schedule.iter().find(|b| b.window == w).unwrap().booking_id;
    let (first, second) = (id(morning), id(next));

    let extended = db.store.extend(first, day + 13 * H, 5).await.unwrap();
    assert_eq!(
        extended,
        Extended::Done {
            window: Window { start: morning.start, end: day + 13 * H },
            notified: Some(2)
        }
    );
    let latest = next.start - changeover;
    let Extended::Clash { with, own, changeover: kept, longest } =
        db.store.extend(first, latest + 60, 6).await.unwrap()
    else {
        panic!("an overrun into the changeover was accepted");
    };
    assert_eq!((with, own, kept), (next, false, changeover));
    assert_eq!(longest, Some(Window { start: morning.start, end: latest }));
    assert!(matches!(db.store.extend(first, latest, 7).await.unwrap(), Extended::Done { .. }));
    assert_eq!(
        db.store.extend(first, latest, 8).await.unwrap(),
        Extended::Invalid(domain::booking::WindowError::EndNotAfterStart)
    );

    // The next production has a notice per overrun, newest first, about its own booking.
    let notices = db.store.handover_notices(2).await.unwrap();
    assert_eq!(
        notices.iter().map(|n| n.handover_at).collect::<Vec<_>>(),
        vec![latest, day + 13 * H]
    );
    assert!(notices.iter().all(|n| n.window == next && n.slug == slug));
    assert!(db.store.handover_notices(1).await.unwrap().is_empty());

    // The last booking of the day runs on freely and tells nobody.
    let extended = db.store.extend(second, next.end + H, 9).await.unwrap();
    assert!(matches!(extended, Extended::Done { notified: None, .. }));
    // Cancelled bookings and unknown ones cannot run on.
    assert!(
        db.store
            .set_booking_status(second, BookingStatus::Requested, BookingStatus::Cancelled)
            .await
            .unwrap()
    );
    assert_eq!(db.store.extend(second, next.end + 2 * H, 10).await.unwrap(), Extended::NotHolding);
    assert_eq!(db.store.extend(999_999, day, 11).await.unwrap(), Extended::NoSuchBooking);
});

// Overruns and new bookings racing for the same hours never leave two holding bookings in
// conflict.
on_both_backends!(racing_overruns_and_bookings_never_clash, |backend: Backend| async move {
    use server::storage::bookings::Extended;
    let db = TestDb::seeded(backend).await;
    let (slug, _) = location(&db.store).await;
    let day = base();
    let first = Window { start: day + 6 * H, end: day + 8 * H };
    assert!(matches!(book(&db.store, &slug, 1, first).await, Booked::Done { .. }));
    let schedule = db.store.location_schedule(&slug, day, day + 86_400).await.unwrap();
    let booking_id = schedule[0].booking_id;
    let mut tasks = Vec::new();
    for n in 0..100_i64 {
        let store = db.store.clone();
        let slug = slug.clone();
        tasks.push(tokio::spawn(async move {
            if n % 2 == 0 {
                // Overruns to 08:10 … 16:20.
                let end = first.end + (n / 2 + 1) * 10 * 60;
                matches!(store.extend(booking_id, end, 0).await.unwrap(), Extended::Done { .. })
            } else {
                // Two-hour bookings by other productions starting 08:30 … 14:30.
                let start = first.end + 30 * 60 + (n % 7) * H;
                let window = Window { start, end: start + 2 * H };
                let new = NewBooking {
                    slug: &slug,
                    production_id: 2 + n % 3,
                    booked_by: 2,
                    window,
                    shoot: None,
                    note: "",
                };
                matches!(store.book(&new, 0).await.unwrap(), Booked::Done { .. })
            }
        }));
    }
    let mut accepted = 0;
    for task in tasks {
        accepted += usize::from(task.await.unwrap());
    }
    assert!(accepted > 0);
    assert_no_two_clash(&holding(&db.store, &slug, day, day + 2 * 86_400).await);
});

// Phases: a booking split into set dressing, shooting and strike over HTTP; refused spans name
// the field; the database refuses a shoot outside its booking whatever the code does; other
// productions see no phases.
on_both_backends!(bookings_can_be_split_into_phases, |backend: Backend| async move {
    let app = support::TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
    let (slug, _) = location(&app.db.store).await;
    let day = time::OffsetDateTime::from_unix_timestamp(base() + 9 * 86_400)
        .unwrap()
        .to_offset(domain::STUDIO_OFFSET)
        .date();
    let at = |hh_mm: &str| format!("{day}T{hh_mm}");
    let crew = app.browser();
    crew.log_in("crew@backlot.local", "backlot-crew-demo").await;
    let form = |shoot_from: String, shoot_to: String| {
        vec![
            ("slug", slug.clone()),
            ("starts_at", at("06:30")),
            ("ends_at", at("13:45")),
            ("shoot_from", shoot_from),
            ("shoot_to", shoot_to),
        ]
    };
    let send = |form: Vec<(&'static str, String)>| {
        let crew = &crew;
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = crew.call("/api/book", &pairs).await;
            let status = response.status().as_u16();
            (status, response.json::<serde_json::Value>().await.unwrap())
        }
    };
    for (from, to, field, code) in [
        (at("06:00"), at("12:00"), "shoot_from", "shoot_outside_booking"),
        (at("08:00"), at("14:00"), "shoot_from", "shoot_outside_booking"),
        (at("12:00"), at("08:00"), "shoot_to", "end_not_after_start"),
        (at("08:00"), String::new(), "shoot_to", "required"),
        ("soon".to_string(), at("09:00"), "shoot_from", "invalid_time"),
    ] {
        let (status, error) = send(form(from.clone(), to.clone())).await;
        assert_eq!(status, 422, "{from}–{to}");
        assert_eq!(error["Invalid"][0], serde_json::json!({ "field": field, "code": code }));
    }
    let (status, receipt) = send(form(at("08:00"), at("12:45"))).await;
    assert_eq!(status, 200, "{receipt}");
    let booking_id = receipt["booking_id"].as_i64().unwrap();

    let start = domain::studio_midnight(day);
    let own = app.db.store.location_schedule(&slug, start, start + 86_400).await.unwrap();
    let shoot = own.iter().find(|b| b.booking_id == booking_id).unwrap().shoot.unwrap();
    assert_eq!((shoot.start, shoot.end), (start + 8 * H, start + 12 * H + 45 * 60));
    let schedule: serde_json::Value = crew.call("/api/schedule", &[]).await.json().await.unwrap();
    let listed = schedule["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["booking_id"] == booking_id)
        .unwrap()
        .clone();
    assert_eq!(listed["shoot"]["start"], start + 8 * H);
    let page = |browser: &support::Browser| {
        let slug = slug.clone();
        let client = browser.client.clone();
        let url = app.url(&format!("/locations/{slug}?day={day}"));
        async move {
            client
                .get(url)
                .header("accept-language", "en")
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let html = page(&crew).await;
    assert!(html.contains("Set dressing 06:30–08:00 · Shooting 08:00–12:45 · Strike 12:45–13:45"));
    let rival = app.browser();
    rival.log_in("crew2@backlot.local", "backlot-crew2-demo").await;
    let html = page(&rival).await;
    assert!(html.contains("06:30–13:45") && !html.contains("Set dressing 06:30"));

    // An overrun of a booking with a strike gives the strike the extra time.
    let ics = crew.get("/schedule.ics").await.text().await.unwrap().replace("\r\n ", "");
    assert!(ics.contains("拍摄 Shooting 08:00–12:45 (UTC+8)"), "{ics}");
    app.db.store.extend(booking_id, start + 14 * H, 1).await.unwrap();
    let after = app.db.store.location_schedule(&slug, start, start + 86_400).await.unwrap();
    let shoot = after.iter().find(|b| b.booking_id == booking_id).unwrap().shoot.unwrap();
    assert_eq!(shoot.end, start + 12 * H + 45 * 60, "strike took the extra time");

    // The database itself keeps the shoot inside the booking.
    let outside = match app.db.store.db() {
        Db::Sqlite(pool) => {
            sqlx::query("update booking set shoot_to = ends_at + 60 where booking_id = $1")
                .bind(booking_id)
                .execute(pool)
                .await
                .is_err()
        }
        Db::Postgres(pool) => {
            sqlx::query("update booking set shoot_to = ends_at + 60 where booking_id = $1")
                .bind(booking_id)
                .execute(pool)
                .await
                .is_err()
        }
    };
    assert!(outside, "a shoot past the booking's end was stored");
});

/// Turns instant booking of `slug` on or off as `browser`; the answer's status.
async fn set_instant(browser: &support::Browser, slug: &str, on: bool) -> u16 {
    let on = on.to_string();
    let form = [("slug", slug), ("instant", on.as_str())];
    browser.call("/api/location/instant-book", &form).await.status().as_u16()
}

/// Books two hours of `slug` from `start` as `crew`; the new booking's status.
async fn book_over_http(crew: &support::Browser, slug: &str, start: i64) -> BookingStatus {
    let (from, to) =
        (domain::booking::studio_local(start), domain::booking::studio_local(start + 2 * H));
    let response =
        crew.call("/api/book", &[("slug", slug), ("starts_at", &from), ("ends_at", &to)]).await;
    assert_eq!(response.status(), 200);
    let receipt: serde_json::Value = response.json().await.unwrap();
    serde_json::from_value(receipt["status"].clone()).unwrap()
}

on_both_backends!(an_operator_lets_crews_book_without_waiting, |backend: Backend| async move {
    let app = support::TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
    let (slug, _) = location(&app.db.store).await;
    let operator = app.db.store.photo_target(&slug).await.unwrap().unwrap().operator_id;
    let instant = async || app.db.store.location_facts(&slug).await.unwrap().unwrap().instant_book;
    let (desk, _) =
        app.logged_in(Role::Supplier, Some(OrgRef { kind: OrgKind::Supplier, id: operator })).await;
    let (stranger, _) = app
        .logged_in(
            Role::Supplier,
            Some(OrgRef { kind: OrgKind::Supplier, id: if operator == 1 { 2 } else { 1 } }),
        )
        .await;
    let crew = app.browser();
    crew.log_in("crew@backlot.local", "backlot-crew-demo").await;

    // Another operator and a crew may not change it; nothing changes.
    let before = instant().await;
    assert_eq!(set_instant(&stranger, &slug, !before).await, 403);
    assert_eq!(set_instant(&crew, &slug, !before).await, 403);
    assert_eq!(set_instant(&app.browser(), &slug, !before).await, 401);
    assert_eq!(instant().await, before);
    assert_eq!(set_instant(&desk, "no-such-place", true).await, 404);

    // With instant booking on, a crew's booking is confirmed at once; off, it waits.
    let day = base() + 9 * 86_400;
    assert_eq!(set_instant(&desk, &slug, true).await, 200);
    assert!(instant().await);
    assert_eq!(book_over_http(&crew, &slug, day + 8 * H).await, BookingStatus::Confirmed);
    assert_eq!(set_instant(&desk, &slug, false).await, 200);
    assert!(!instant().await);
    assert_eq!(book_over_http(&crew, &slug, day + 14 * H).await, BookingStatus::Requested);
});
