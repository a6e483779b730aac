//! Casting at scale, SQLite and PostgreSQL side by side: the crews' actor-pool search over
//! 100,000 generated profiles (counts by gender and skill plus the first page), and
//! applications accepted per second when many actors tap "apply" at once (every one recorded,
//! none twice). Besides criterion's estimates it prints p50/p99 of 200 timed searches.
//! `cargo bench -p server --bench casting`.

#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use domain::casting::{ActorFilter, POOL_PAGE};
use server::index_cache::Rebuilt;
use server::pool::{PoolCache, PoolIndex};
use server::seed::SeedOptions;
use server::storage::casting::Applied;
use support::{ANCHOR, Backend, TestDb, bench_runtime, percentiles};

/// What crews look for: everyone, the narrowed search, male riders, two skills.
const QUERIES: &[(&str, &str)] = &[
    ("all", ""),
    ("women_18_25_160_170", "gender=female&age_min=18&age_max=25&height_min=160&height_max=170"),
    ("male_riders", "gender=male&skill=horse_riding&weight_max=80"),
    ("dance_and_english", "skill=dance&skill=english"),
];

fn actor_pool_100k(c: &mut Criterion) {
    let rt = bench_runtime();
    let mut group = c.benchmark_group("actor_pool_100k");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = rt.block_on(TestDb::seeded_with(
            backend,
            SeedOptions { anchor: ANCHOR, actors: 100_000 },
        ));
        let today = ANCHOR;
        let cache = PoolCache::default();
        for (label, query) in QUERIES {
            let filter = ActorFilter::from_query(query);
            // The server's path: the index (rebuilt only when actors change), its page's rows.
            let search = || async {
                let index = cache.index(&db.store).await.unwrap();
                let hits = index.search(&filter, today, POOL_PAGE, 0);
                (hits.total, index.actors(&hits.ids, today))
            };
            let found = rt.block_on(search());
            let (p50, p99) = percentiles(200, || {
                let start = Instant::now();
                black_box(rt.block_on(search()));
                start.elapsed()
            });
            // The database's own query (the index's reference in tests), for comparison.
            let (sql_p50, _) = percentiles(20, || {
                let start = Instant::now();
                let sql = db.store.actor_pool(&filter, today, POOL_PAGE as i64, 0);
                black_box(rt.block_on(sql).unwrap());
                start.elapsed()
            });
            eprintln!(
                "actor_pool_100k/{label}/{}: {} matches, p50 {:.2} ms, p99 {:.2} ms \
                 (the database query alone: p50 {:.1} ms)",
                backend.name(),
                found.0,
                p50.as_secs_f64() * 1e3,
                p99.as_secs_f64() * 1e3,
                sql_p50.as_secs_f64() * 1e3
            );
            group.bench_function(BenchmarkId::new(*label, backend.name()), |b| {
                b.to_async(&rt).iter(|| async { black_box(search().await) });
            });
        }
        let started = Instant::now();
        let source = rt.block_on(db.store.pool_source()).unwrap();
        let read = started.elapsed();
        let index = PoolIndex::build(source);
        eprintln!(
            "actor_pool_100k/rebuild/{}: {} actors, read {:.0} ms, build {:.0} ms",
            backend.name(),
            index.entry_count(),
            read.as_secs_f64() * 1e3,
            (started.elapsed() - read).as_secs_f64() * 1e3
        );
        rt.block_on(async move { drop(db) });
    }
    group.finish();
}

/// Applications per second: 2,000 seeded actors each tap "apply" once on one open call, 32 at a
/// time (each application its own write transaction, as over HTTP); then all again, which must
/// all be refused as duplicates. Criterion times the batch of 2,000 (applications cleared
/// between batches, outside the timing).
fn applications_per_second(c: &mut Criterion) {
    const ACTORS: i64 = 2_000;
    let rt = bench_runtime();
    let mut group = c.benchmark_group("applications");
    group.sample_size(10);
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = rt.block_on(TestDb::seeded(backend));
        let call = rt.block_on(db.store.open_calls(ANCHOR)).unwrap()[0].call_id;
        let batch = || {
            let store = db.store.clone();
            async move {
                use futures::StreamExt;
                futures::stream::iter(1..=ACTORS)
                    .map(|actor| {
                        let store = store.clone();
                        async move { store.apply(call, actor, ANCHOR, 0).await.unwrap() }
                    })
                    .buffer_unordered(32)
                    .collect::<Vec<Applied>>()
                    .await
            }
        };
        let clear = || support::execute(&db.store, "delete from application");
        rt.block_on(clear());
        let start = Instant::now();
        let first = rt.block_on(batch());
        let elapsed = start.elapsed();
        let again = rt.block_on(batch());
        let done = first.iter().filter(|a| matches!(a, Applied::Done(_))).count();
        let duplicates = again.iter().filter(|a| matches!(a, Applied::Already)).count();
        assert_eq!((done, duplicates), (2_000, 2_000), "every actor once, never twice");
        eprintln!(
            "applications/{}: 2,000 accepted in {:.2} s = {:.0} per second; 2,000 repeats refused",
            backend.name(),
            elapsed.as_secs_f64(),
            ACTORS as f64 / elapsed.as_secs_f64()
        );
        group.bench_function(BenchmarkId::new("batch_of_2000", backend.name()), |b| {
            b.to_async(&rt).iter_custom(|iterations| async move {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    clear().await;
                    let start = Instant::now();
                    black_box(batch().await);
                    total += start.elapsed();
                }
                total
            });
        });
        rt.block_on(async move { drop(db) });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(4));
    targets = actor_pool_100k, applications_per_second
}
criterion_main!(benches);
