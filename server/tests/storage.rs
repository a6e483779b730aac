//! Storage tests: every test runs against a fresh SQLite file and a fresh PostgreSQL database.

mod support;

use domain::vocab::{Category, Era};
use server::seed::SeedOptions;
use server::storage::{DatabaseTarget, StorageError, Store};
use sqlx::Connection;
use support::{ANCHOR, Backend, TestDb};
use time::Duration;

on_both_backends!(the_seed_holds_the_promised_records, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let pins = db.store.location_pins().await.unwrap();
    assert!(pins.len() >= 60, "only {} locations", pins.len());
    let qin = pins.iter().find(|p| p.name_zh == "秦王宫" || p.name_zh.starts_with("秦王宫"));
    assert!(qin.is_some(), "Qin Palace is missing");
    assert!(pins.iter().all(|p| !p.eras.is_empty()), "a location without an era");
    assert!(pins.iter().any(|p| !p.facilities.is_empty()));

    let counts = db.store.item_counts().await.unwrap();
    let total: i64 = counts.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 4_500);
    for category in Category::ALL {
        assert!(counts.iter().any(|(c, n)| c == category && *n > 0), "no {category} items");
    }

    let open = db.store.open_calls(ANCHOR).await.unwrap();
    assert!(open.len() >= 20, "only {} open calls", open.len());
    assert!(!db.store.is_empty().await.unwrap());
});

on_both_backends!(
    seeding_a_database_with_data_is_refused_and_changes_nothing,
    |backend: Backend| async move {
        let db = TestDb::seeded(backend).await;
        let before = db.store.item_page(1, 10).await.unwrap();
        let again = db
            .store
            .load_seed(SeedOptions { anchor: ANCHOR, actors: 5 }, server::passwords::hash)
            .await;
        assert!(matches!(again, Err(StorageError::NotEmpty)), "{again:?}");
        let after = db.store.item_page(1, 10).await.unwrap();
        assert_eq!(before, after);
        assert_eq!(after.total, 4_500);
    }
);

on_both_backends!(catalogue_pages_are_ordered_and_complete, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let first = db.store.item_page(1, 48).await.unwrap();
    assert_eq!(first.items.len(), 48);
    assert_eq!(first.total, 4_500);
    assert_eq!(first.page_count(), 94);
    let skus: Vec<&str> = first.items.iter().map(|i| i.sku.as_str()).collect();
    let mut sorted = skus.clone();
    sorted.sort();
    assert_eq!(skus, sorted);

    let last = db.store.item_page(94, 48).await.unwrap();
    assert_eq!(last.items.len(), 4_500 - 93 * 48);
    let beyond = db.store.item_page(95, 48).await.unwrap();
    assert!(beyond.items.is_empty());
    assert!(
        first.items.iter().all(|i| i.daily_rate.fen() > 0 && i.deposit.fen() >= i.daily_rate.fen())
    );
    let costume = first.items.iter().chain(&last.items).find(|i| i.category == Category::Costume);
    if let Some(costume) = costume {
        assert!(costume.size.is_some(), "costumes carry a size");
    }
});

on_both_backends!(
    open_calls_leave_out_closed_late_and_unverified_ones,
    |backend: Backend| async move {
        let db = TestDb::seeded(backend).await;
        let open = db.store.open_calls(ANCHOR).await.unwrap();
        assert!(open.iter().all(|c| c.verified));
        assert!(open.iter().all(|c| c.deadline >= ANCHOR));
        assert!(open.windows(2).all(|w| w[0].deadline <= w[1].deadline), "not ordered by deadline");
        assert!(open.iter().all(|c| c.ends_on >= c.starts_on));
        // Sixty days on, every seeded deadline has passed.
        let later = db.store.open_calls(ANCHOR + Duration::days(120)).await.unwrap();
        assert!(later.is_empty(), "{} calls still open", later.len());
        // Skills come through for calls that ask for them.
        assert!(open.iter().any(|c| !c.requirements.skills.is_empty()));
    }
);

on_both_backends!(reopening_applies_no_migration_twice, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let reopened = Store::open(&db.target).await.expect("reopen");
    let pins = reopened.location_pins().await.unwrap();
    assert!(pins.len() >= 60);
    reopened.close().await;
});

on_both_backends!(the_seed_is_the_same_every_time, |backend: Backend| async move {
    let a = TestDb::seeded(backend).await;
    let b = TestDb::seeded(backend).await;
    assert_eq!(a.store.location_pins().await.unwrap(), b.store.location_pins().await.unwrap());
    assert_eq!(a.store.item_page(7, 48).await.unwrap(), b.store.item_page(7, 48).await.unwrap());
    assert_eq!(
        a.store.open_calls(ANCHOR).await.unwrap(),
        b.store.open_calls(ANCHOR).await.unwrap()
    );
});

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_on() {
    let db = TestDb::new(Backend::Sqlite).await;
    let (journal, foreign_keys) = db.store.sqlite_pragmas().await.unwrap().expect("a SQLite store");
    assert_eq!(journal, "wal");
    assert_eq!(foreign_keys, 1);
}

#[tokio::test]
async fn era_codes_round_trip_through_storage() {
    let db = TestDb::seeded(Backend::Sqlite).await;
    let pins = db.store.location_pins().await.unwrap();
    assert!(pins.iter().any(|p| p.eras.contains(&Era::QinHan)));
    assert!(pins.iter().any(|p| p.eras.contains(&Era::Republic)));
}

on_both_backends!(a_viewport_holds_only_the_locations_inside_it, |backend: Backend| async move {
    use server::storage::queries::Viewport;
    let db = TestDb::seeded(backend).await;
    let all = db.store.location_pins().await.unwrap();
    // Hengdian town and its sets, about 11 × 10 km.
    let hengdian = Viewport { south: 29.10, west: 120.25, north: 29.20, east: 120.37 };
    let inside = db.store.location_pins_within(&hengdian).await.unwrap();
    let expected: Vec<&str> = all
        .iter()
        .filter(|p| (29.10..=29.20).contains(&p.lat) && (120.25..=120.37).contains(&p.lon))
        .map(|p| p.slug.as_str())
        .collect();
    assert!(expected.contains(&"qin-palace") && expected.len() < all.len(), "{expected:?}");
    assert_eq!(inside.iter().map(|p| p.slug.as_str()).collect::<Vec<_>>(), expected);
    // The pins are whole: eras and facilities come along.
    let qin = inside.iter().find(|p| p.slug == "qin-palace").unwrap();
    assert_eq!(Some(qin), all.iter().find(|p| p.slug == "qin-palace"));
    let nowhere = Viewport { south: -10.0, west: -10.0, north: 10.0, east: 10.0 };
    assert!(db.store.location_pins_within(&nowhere).await.unwrap().is_empty());
});

on_both_backends!(
    the_map_notices_location_changes_but_not_bookings,
    |backend: Backend| async move {
        use app::backend::Backend as _;
        use domain::location_filter::LocationFilter;
        use support::execute;
        let db = TestDb::seeded(backend).await;
        let server = server::backend::ServerBackend::new(
            db.store.clone(),
            app::models::TileSource::default(),
            server::media::MediaStore::new(
                &std::env::temp_dir().join("backlot_storage_test_media"),
            ),
        );
        let everything = LocationFilter::default();
        let before = server.locations(&everything, None).await.unwrap();
        let revision = db.store.location_revision().await.unwrap();
        // A booking moves the location's booking version, not what the map shows.
        execute(&db.store, "update location set booking_version = booking_version + 1").await;
        execute(&db.store, "update location set instant_book = true where slug = 'qin-palace'")
            .await;
        assert_eq!(db.store.location_revision().await.unwrap(), revision);
        // Another instance (or an import) renames a location and gives it a facility.
        execute(&db.store, "update location set name_zh = '麒麟殿' where slug = 'qin-palace'")
            .await;
        let renamed = db.store.location_revision().await.unwrap();
        assert!(renamed > revision);
        let after = server.locations(&everything, None).await.unwrap();
        assert_eq!(after.pins.len(), before.pins.len());
        let qin = after.pins.iter().find(|p| p.slug == "qin-palace").unwrap();
        assert_eq!(qin.name_zh, "麒麟殿");
        let found = server.locations(&LocationFilter::from_query("q=麒麟"), None).await.unwrap();
        assert_eq!(found.pins.iter().map(|p| p.slug.as_str()).collect::<Vec<_>>(), ["qin-palace"]);
        execute(&db.store, "delete from location_era where location_id = (select location_id from location where slug = 'qin-palace')").await;
        assert!(db.store.location_revision().await.unwrap() > renamed);
        let qin = server.locations(&everything, None).await.unwrap().pins;
        assert!(qin.iter().find(|p| p.slug == "qin-palace").unwrap().eras.is_empty());
        // The outlines are every base's, whatever the filter.
        assert_eq!(found.outlines, after.outlines);
        assert!(!after.outlines.is_empty());
    }
);

on_both_backends!(the_open_calls_follow_every_change_they_show, |backend: Backend| async move {
    use app::backend::Backend as _;
    use domain::casting::CallFilter;
    use support::execute;
    let db = TestDb::seeded(backend).await;
    let server = server::backend::ServerBackend::new(
        db.store.clone(),
        app::models::TileSource::default(),
        server::media::MediaStore::new(&std::env::temp_dir().join("backlot_storage_test_media")),
    );
    let everything = CallFilter::default();
    let listed =
        |list: &app::models::CallList| list.calls.iter().map(|c| c.call_id).collect::<Vec<_>>();
    let before = server.open_calls(&everything, 1).await.unwrap();
    let first = before.calls[0].clone();
    let revision = db.store.casting_revision().await.unwrap();
    // A location's booking moves its booking version, not what a call shows of it.
    execute(&db.store, "update location set booking_version = booking_version + 1").await;
    assert_eq!(db.store.casting_revision().await.unwrap(), revision);
    assert_eq!(server.open_calls(&everything, 1).await.unwrap(), before);

    // Each change another instance (or a crew) makes shows at once.
    let id = first.call_id;
    let moved = |previous: i64| {
        let store = db.store.clone();
        async move {
            let now = store.casting_revision().await.unwrap();
            assert!(now > previous, "the casting revision moved");
            now
        }
    };
    execute(
        &db.store,
        &format!("update casting_call set role_en = 'Lamplighters' where casting_call_id = {id}"),
    )
    .await;
    let revision = moved(revision).await;
    let list = server.open_calls(&everything, 1).await.unwrap();
    assert_eq!(list.calls[0].role_en, "Lamplighters");

    // A booking takes one of its places.
    let actor: i64 = support::scalar(&db.store, "select min(actor_id) from actor").await;
    execute(
        &db.store,
        &format!(
            "insert into application (casting_call_id, actor_id, status, applied_at, updated_at) \
             values ({id}, {actor}, 'booked', 0, 0)"
        ),
    )
    .await;
    let revision = moved(revision).await;
    let list = server.open_calls(&everything, 1).await.unwrap();
    assert_eq!(list.calls[0].booked, first.booked + 1);

    // A skill asked, a renamed place, an unverified production.
    execute(
        &db.store,
        &format!(
            "insert into casting_call_skill (casting_call_id, skill) values ({id}, 'swimming')"
        ),
    )
    .await;
    let revision = moved(revision).await;
    let swimmers = server.open_calls(&CallFilter::from_query("skill=swimming"), 1).await.unwrap();
    assert!(listed(&swimmers).contains(&id));
    execute(
        &db.store,
        &format!(
            "update location set name_en = 'The Lamp Hall' where slug = '{}'",
            first.location_slug
        ),
    )
    .await;
    let revision = moved(revision).await;
    let list = server.open_calls(&everything, 1).await.unwrap();
    assert_eq!(list.calls[0].location_en, "The Lamp Hall");
    execute(
        &db.store,
        &format!(
            "update production set verified = false where production_id = \
             (select production_id from casting_call where casting_call_id = {id})"
        ),
    )
    .await;
    moved(revision).await;
    let list = server.open_calls(&everything, 1).await.unwrap();
    assert!(!listed(&list).contains(&id));
    assert!(list.open < before.open);
});

#[tokio::test]
async fn postgres_connections_cut_while_idle_are_replaced_unseen() {
    let db = TestDb::new(Backend::Postgres).await;
    let DatabaseTarget::Postgres(url) = &db.target else { unreachable!() };
    // Several connections in the pool, all idle.
    futures::future::join_all((0..4).map(|_| db.store.ping())).await.into_iter().for_each(|r| {
        r.expect("a fresh pool answers");
    });
    // The database cuts them all, as a restart or a firewall's idle timeout would.
    let mut admin = sqlx::PgConnection::connect(url).await.unwrap();
    let cut: Vec<bool> = sqlx::query_scalar(
        "select pg_terminate_backend(pid) from pg_stat_activity \
         where datname = current_database() and pid <> pg_backend_pid()",
    )
    .fetch_all(&mut admin)
    .await
    .unwrap();
    assert!(!cut.is_empty() && cut.iter().all(|&done| done), "the pool's connections were cut");
    admin.close().await.unwrap();
    // A connection idle for a while is checked before it is handed out: the next requests are
    // answered on new connections, none of them sees the cut.
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    for round in 0..3 {
        for result in futures::future::join_all((0..4).map(|_| db.store.ping())).await {
            result.unwrap_or_else(|error| panic!("round {round}: {error}"));
        }
    }
}

on_both_backends!(
    revisions_asked_together_share_reads_and_miss_no_change,
    |backend: Backend| async move {
        let db = TestDb::new(backend).await;
        let store = db.store.clone();
        // Two hundred requests asking while a read is under way are answered by one more read,
        // not two hundred. (The first read is kept under way by holding every connection of the
        // pool until all have asked: how many reads a burst shares otherwise depends on when
        // the database answers.)
        let held = hold_every_connection(&store).await;
        let before = store.revision_reads_made();
        let mut asks: Vec<_> = (0..200).map(|_| Box::pin(store.revisions())).collect();
        for ask in &mut asks {
            assert!(pending(ask), "nothing is answered while the read waits for a connection");
        }
        drop(held);
        let answers = futures::future::join_all(asks).await;
        let first = answers[0].as_ref().expect("the counters are read").to_owned();
        assert!(answers.iter().all(|answer| answer.as_ref().ok() == Some(&first)));
        let reads = store.revision_reads_made() - before;
        assert_eq!(reads, 2, "the first ask's read, then one for the 199 who asked meanwhile");

        // While other requests keep a read under way all the time, a change committed before
        // asking is always seen: nobody is answered by a read that started before they asked.
        let busy = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let others: Vec<_> = (0..6)
            .map(|_| {
                let (store, busy) = (store.clone(), busy.clone());
                tokio::spawn(async move {
                    while busy.load(std::sync::atomic::Ordering::Relaxed) {
                        store.revisions().await.expect("read under load");
                    }
                })
            })
            .collect();
        for round in 1..=100 {
            let table = ["signin", "casting", "catalogue", "location", "actor"][round % 5];
            support::execute(
                &store,
                &format!("update {table}_revision set revision = revision + 1"),
            )
            .await;
            let stored =
                support::scalar(&store, &format!("select revision from {table}_revision")).await;
            let seen = store.revisions().await.unwrap();
            let seen = match table {
                "signin" => seen.signin,
                "casting" => seen.casting,
                "catalogue" => seen.catalogue,
                "location" => seen.location,
                _ => seen.actor,
            };
            assert_eq!(seen, stored, "round {round}: {table} revision");
        }
        busy.store(false, std::sync::atomic::Ordering::Relaxed);
        for other in others {
            other.await.unwrap();
        }
        let shared = store.revision_reads_made() - before;
        assert!(shared > 100, "the readers ran alongside ({shared} reads)");

        // A request reading for itself whose client leaves mid-read does not strand those who
        // asked meanwhile: they are read for all the same.
        let stored = support::scalar(&store, "select revision from signin_revision").await;
        // (SQLite's worker may answer within the first poll: ask until a read is under way.)
        let leaving = (0..1_000)
            .map(|_| Box::pin(store.revisions()))
            .find_map(|mut asking| pending(&mut asking).then_some(asking))
            .expect("a read under way");
        let mut waiting: Vec<_> = (0..3).map(|_| Box::pin(store.revisions())).collect();
        for waiter in &mut waiting {
            assert!(pending(waiter), "the others wait for the next read");
        }
        drop(leaving);
        for waiter in waiting {
            // (A stranded waiter would wait for ever: fail instead.)
            let answer = tokio::time::timeout(std::time::Duration::from_secs(10), waiter).await;
            assert_eq!(answer.expect("not stranded").expect("read for them").signin, stored);
        }
    }
);

on_both_backends!(
    a_request_reads_the_revisions_once_and_never_from_before_it_arrived,
    |backend: Backend| async move {
        let db = TestDb::new(backend).await;
        let store = db.store.clone();
        // A read made before the request arrived does not answer it: a change committed between
        // the two is seen.
        let before = store.revisions().await.unwrap();
        support::execute(&store, "update actor_revision set revision = revision + 1").await;
        let reads = store.revision_reads_made();
        let (first, second) = server::storage::within_request(async {
            let first = store.revisions().await.unwrap();
            // The request's second check (the pool's index after who the session is) is
            // answered by the read the first made, which started after the request arrived.
            (first, store.revisions().await.unwrap())
        })
        .await;
        assert_eq!(first.actor, before.actor + 1, "the change before the request is seen");
        assert_eq!(second, first);
        assert_eq!(store.revision_reads_made() - reads, 1, "one read for both checks");
        // Outside a request, every ask still waits for a read of its own.
        store.revisions().await.unwrap();
        assert_eq!(store.revision_reads_made() - reads, 2);
        // A request arriving after that read reads again, and sees what changed meanwhile.
        support::execute(&store, "update casting_revision set revision = revision + 1").await;
        let later = server::storage::within_request(store.revisions()).await.unwrap();
        assert_eq!(later.casting, first.casting + 1);
        assert_eq!(store.revision_reads_made() - reads, 3);
    }
);

/// Every connection `store`'s pool may open, taken: nothing the store asks reaches the database
/// until they are dropped.
async fn hold_every_connection(store: &Store) -> Box<dyn std::any::Any> {
    async fn take<DB: sqlx::Database>(
        pool: &sqlx::Pool<DB>,
    ) -> Vec<sqlx::pool::PoolConnection<DB>> {
        let all = pool.options().get_max_connections();
        futures::future::try_join_all((0..all).map(|_| pool.acquire())).await.expect("connections")
    }
    match store.db() {
        server::storage::Db::Sqlite(pool) => Box::new(take(pool).await),
        server::storage::Db::Postgres(pool) => Box::new(take(pool).await),
    }
}

/// Polls `future` once: whether it is still waiting.
fn pending<F: std::future::Future>(future: &mut std::pin::Pin<Box<F>>) -> bool {
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    future.as_mut().poll(&mut context).is_pending()
}
