//! The actor pool's in-memory index on SQLite and PostgreSQL: it answers every filter exactly
//! as the database's own query does (counts, order, pages), and follows every change to an
//! actor's facts, skills, training and search switch.

mod support;

use domain::casting::{ActorFilter, POOL_PAGE, ProfileChange, age_on, look_is_stale};
use domain::vocab::{Gender, Skill};
use server::pool::PoolCache;
use server::seed::SeedOptions;
use server::storage::Store;
use support::{ANCHOR, Backend, TestDb};

/// One row of a page as the pool shows it: id, name, gender, age, height, weight, skills and
/// the current look's file key, day and staleness.
type Row = (i64, String, Gender, i64, i64, i64, Vec<Skill>, Option<(String, time::Date, bool)>);

type Answer = (i64, Vec<(Gender, i64)>, Vec<(Skill, i64)>, Vec<Row>);

/// The index's answer, its rows included (no database read).
async fn from_index(cache: &PoolCache, store: &Store, filter: &ActorFilter, page: usize) -> Answer {
    let index = cache.index(store).await.unwrap();
    let hits = index.search(filter, ANCHOR, POOL_PAGE, page * POOL_PAGE);
    let rows = index
        .actors(&hits.ids, ANCHOR)
        .into_iter()
        .map(|a| {
            let look = a.look.map(|l| (l.key, l.taken_on, l.stale));
            (a.actor_id, a.name, a.gender, a.age, a.height_cm, a.weight_kg, a.skills, look)
        })
        .collect();
    (hits.total, hits.by_gender, hits.by_skill, rows)
}

/// The database query's answer, each row's look read from the database too.
async fn from_database(store: &Store, filter: &ActorFilter, page: usize) -> Answer {
    let per_page = POOL_PAGE as i64;
    let found = store.actor_pool(filter, ANCHOR, per_page, page as i64 * per_page).await.unwrap();
    let ids: Vec<i64> = found.actors.iter().map(|r| r.actor_id).collect();
    let mut looks = store.looks_of(&ids).await.unwrap();
    let rows = found
        .actors
        .into_iter()
        .map(|r| {
            let look = looks
                .remove(&r.actor_id)
                .map(|l| (l.file_key, l.taken_on, look_is_stale(l.taken_on, ANCHOR)));
            let f = r.facts;
            let age = age_on(f.birth_date, ANCHOR);
            (r.actor_id, r.name, f.gender, age, f.height_cm, f.weight_kg, f.skills, look)
        })
        .collect();
    (found.total, found.by_gender, found.by_skill, rows)
}

on_both_backends!(the_index_answers_as_the_database_does, |backend: Backend| async move {
    let db = TestDb::seeded_with(backend, SeedOptions { anchor: ANCHOR, actors: 3_000 }).await;
    let cache = PoolCache::default();
    // Ten of the first page's actors have a look, taken 0 to 360 days ago (the older stale).
    let first_page = from_database(&db.store, &ActorFilter::default(), 0).await.3;
    for (n, row) in (0_i64..).zip(first_page.iter().take(10)) {
        let look = server::storage::looks::LookRow {
            actor_id: row.0,
            file_key: format!("pool-look-{n}"),
            taken_on: ANCHOR - time::Duration::days(40 * n),
            uploaded_at: n,
        };
        db.store.set_look(&look).await.unwrap();
    }
    for query in [
        "",
        "gender=female&age_min=18&age_max=25&height_min=160&height_max=170",
        "gender=male&skill=horse_riding&weight_max=80",
        "skill=dance&skill=english",
        "age_min=30",
        "age_max=19&weight_min=45",
        "training=horses",
        "training=set_safety&gender=female",
        "height_min=300",
        // Bounds far outside any stored value.
        "weight_max=9999999999&height_min=-5",
        "height_max=70000&age_min=200",
    ] {
        let filter = ActorFilter::from_query(query);
        for page in [0, 1, 7] {
            let expected = from_database(&db.store, &filter, page).await;
            assert_eq!(
                from_index(&cache, &db.store, &filter, page).await,
                expected,
                "{query} p{page}"
            );
        }
    }
    let everyone = from_index(&cache, &db.store, &ActorFilter::default(), 0).await;
    assert!(everyone.0 > 1_000, "the generated pool is searchable: {}", everyone.0);
    assert_eq!(everyone.3.len(), POOL_PAGE);
    let looks: Vec<_> = everyone.3.iter().filter_map(|row| row.7.as_ref()).collect();
    assert_eq!(looks.len(), 10);
    assert!(looks.iter().any(|l| l.2) && looks.iter().any(|l| !l.2), "fresh and stale looks");
});

on_both_backends!(the_index_follows_every_change, |backend: Backend| async move {
    let db = TestDb::seeded_with(backend, SeedOptions { anchor: ANCHOR, actors: 500 }).await;
    let store = &db.store;
    let cache = PoolCache::default();
    let guqin =
        ActorFilter::from_query("skill=guqin&skill=calligraphy&height_min=171&height_max=171");
    let (before, _, _, found) = from_index(&cache, store, &guqin, 0).await;
    assert!(found.len() < POOL_PAGE);

    // Someone else in the pool takes up guqin and calligraphy and is measured at 171 cm.
    let (_, _, _, first_page) = from_index(&cache, store, &ActorFilter::default(), 0).await;
    let actor_id = first_page
        .into_iter()
        .map(|row| row.0)
        .find(|id| !found.iter().any(|row| row.0 == *id))
        .expect("someone not found yet");
    let change = |discoverable: bool| ProfileChange {
        height_cm: 171,
        weight_kg: 60,
        skills: vec![Skill::Guqin, Skill::Calligraphy],
        discoverable,
    };
    store.update_actor_profile(actor_id, &change(true)).await.unwrap();
    let (after, _, skills, rows) = from_index(&cache, store, &guqin, 0).await;
    assert_eq!(after, before + 1);
    let row = rows.iter().find(|row| row.0 == actor_id).expect("found now");
    assert_eq!((row.4, &row.6), (171, &vec![Skill::Calligraphy, Skill::Guqin]));
    assert!(skills.contains(&(Skill::Guqin, after)));
    assert_eq!((after, skills.clone()), {
        let (t, _, s, _) = from_database(store, &guqin, 0).await;
        (t, s)
    });

    // Hidden from searches: gone from the index too.
    store.update_actor_profile(actor_id, &change(false)).await.unwrap();
    let (hidden, _, _, rows) = from_index(&cache, store, &guqin, 0).await;
    assert_eq!(hidden, before);
    assert!(!rows.iter().any(|row| row.0 == actor_id));
});

on_both_backends!(kept_answers_follow_names_and_looks, |backend: Backend| async move {
    use app::backend::Backend as _;
    use server::storage::looks::LookRow;
    let db = TestDb::seeded_with(backend, SeedOptions { anchor: ANCHOR, actors: 500 }).await;
    let store = &db.store;
    let server = server::backend::ServerBackend::new(
        store.clone(),
        app::models::TileSource::default(),
        server::media::MediaStore::new(&std::env::temp_dir().join("backlot_pool_test_media")),
    );
    let admin = app::models::SessionUser {
        account_id: 1,
        display_name: "admin".into(),
        role: domain::account::Role::Admin,
        org: None,
        session_version: 0,
        production_era: None,
        production_verified: false,
    };
    let women = ActorFilter::from_query("gender=female");
    let first = server.actor_pool(&admin, &women, 1).await.unwrap();
    // Asked again, the same answer (kept); another page is its own.
    assert_eq!(server.actor_pool(&admin, &women, 1).await.unwrap(), first);
    let second = server.actor_pool(&admin, &women, 2).await.unwrap();
    assert_ne!(second.actors, first.actors);
    let actor_id = first.actors[0].actor_id;
    assert!(first.actors[0].look.is_none());

    // A new look and a new name show at once.
    let today = server::backend::studio_today();
    let look =
        LookRow { actor_id, file_key: "kept-answer-look".into(), taken_on: today, uploaded_at: 1 };
    store.set_look(&look).await.unwrap();
    let with_look = server.actor_pool(&admin, &women, 1).await.unwrap();
    assert_eq!(with_look.actors[0].look.as_ref().map(|l| l.key.as_str()), Some("kept-answer-look"));
    support::execute(
        store,
        &format!("update actor set name = '新名字' where actor_id = {actor_id}"),
    )
    .await;
    let renamed = server.actor_pool(&admin, &women, 1).await.unwrap();
    assert_eq!(renamed.actors[0].name, "新名字");
    store.remove_look(actor_id).await.unwrap();
    assert!(server.actor_pool(&admin, &women, 1).await.unwrap().actors[0].look.is_none());
    assert_eq!(server.actor_pool(&admin, &women, 2).await.unwrap(), second);
});
