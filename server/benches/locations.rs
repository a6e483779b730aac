//! The locations page's server work on a seeded database, SQLite and PostgreSQL side by side:
//! the map-pins query (all locations; text + era + free-time filter) and bookings per second
//! with no conflicts. `cargo bench -p server --bench locations`.

#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use app::backend::Backend as _;
use app::models::TileSource;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use domain::booking::{Window, studio_local};
use domain::location_filter::LocationFilter;
use server::backend::ServerBackend;
use server::media::MediaStore;
use server::storage::bookings::{Booked, NewBooking};
use server::storage::queries::Viewport;
use support::{Backend, TestDb, bench_runtime};

/// The pins query with 10,000 locations: all of them, and a zoomed-in map's viewport over
/// Hengdian's sets (about 3 × 3 km).
fn pins_at_scale(c: &mut Criterion) {
    let rt = bench_runtime();
    let mut group = c.benchmark_group("location_pins_10k");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = rt.block_on(TestDb::seeded(backend));
        // The seed's locations copied 145 times: about 10,000.
        rt.block_on(support::copy_locations(&db.store, 145));
        let total = rt.block_on(db.store.location_pins()).unwrap().len();
        assert!(total > 10_000, "{total} locations");
        let view = Viewport { south: 29.14, west: 120.29, north: 29.17, east: 120.32 };
        let inside = rt.block_on(db.store.location_pins_within(&view)).unwrap().len();
        eprintln!("{}: {total} locations, {inside} in the viewport", backend.name());
        group.bench_function(BenchmarkId::new("all", backend.name()), |b| {
            b.to_async(&rt).iter(|| async { black_box(db.store.location_pins().await.unwrap()) });
        });
        group.bench_function(BenchmarkId::new("viewport", backend.name()), |b| {
            b.to_async(&rt)
                .iter(|| async { black_box(db.store.location_pins_within(&view).await.unwrap()) });
        });
        rt.block_on(async move { drop(db) });
    }
    group.finish();
}

fn pins(c: &mut Criterion) {
    let rt = bench_runtime();
    let mut group = c.benchmark_group("location_pins");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = rt.block_on(TestDb::seeded(backend));
        let server = ServerBackend::new(
            db.store.clone(),
            TileSource::default(),
            MediaStore::new(&std::env::temp_dir().join("backlot_bench_media")),
        );
        let day = (time::OffsetDateTime::now_utc().unix_timestamp() / 86_400 + 7) * 86_400;
        let filtered = LocationFilter::from_query(&format!(
            "q=gong&era=qing,ming&free_from={}&free_to={}",
            studio_local(day + 6 * 3600),
            studio_local(day + 13 * 3600 + 45 * 60)
        ));
        for (label, filter) in [("all", LocationFilter::default()), ("filtered", filtered)] {
            group.bench_function(BenchmarkId::new(label, backend.name()), |b| {
                b.to_async(&rt).iter(|| async {
                    black_box(server.locations(&filter, None).await.unwrap());
                });
            });
        }
        drop(server);
        rt.block_on(async move { drop(db) });
    }
    group.finish();
}

/// Bookings one after another on one location, each in a free slot of its own.
fn bookings(c: &mut Criterion) {
    let rt = bench_runtime();
    let mut group = c.benchmark_group("book_no_conflict");
    group.sample_size(20);
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = rt.block_on(TestDb::seeded(backend));
        let slug = rt.block_on(db.store.location_pins()).unwrap()[0].slug.clone();
        let mut next = (time::OffsetDateTime::now_utc().unix_timestamp() / 86_400 + 2) * 86_400;
        group.bench_function(backend.name(), |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for _ in 0..iters {
                    let window = Window { start: next, end: next + 3600 };
                    next += 3 * 24 * 3600;
                    let new = NewBooking {
                        slug: &slug,
                        production_id: 1,
                        booked_by: 2,
                        window,
                        shoot: None,
                        note: "",
                    };
                    let booked = rt.block_on(db.store.book(&new, 0)).unwrap();
                    assert!(matches!(booked, Booked::Done { .. }), "{booked:?}");
                }
                start.elapsed()
            });
        });
        rt.block_on(async move { drop(db) });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    targets = pins, pins_at_scale, bookings
}
criterion_main!(benches);
