//! Catalogue search in process, SQLite and PostgreSQL side by side: the whole server path
//! (revision check, in-memory index, the page's cards from the database, highlighting) for
//! typical queries over the seeded 4,500 items and over about 100,000, plus the index build.
//! Each query is timed doing its whole work (the answers kept per revision dropped before each
//! run) and repeated (`…_kept`: answered from what the server keeps). Besides criterion's
//! estimates it prints p50/p99 of 300 timed runs per query.
//! `cargo bench -p server --bench catalogue`.

#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use app::backend::Backend as _;
use app::models::TileSource;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use domain::catalogue::CatalogueQuery;
use server::backend::ServerBackend;
use server::catalogue::CatalogueIndex;
use server::media::MediaStore;
use support::{Backend, TestDb, bench_runtime, percentiles};

/// What buyers type and click: everything, a pinyin word, the narrowed search, facets
/// with a price bound sorted by price, and a typo.
const QUERIES: &[(&str, &str)] = &[
    ("all", ""),
    ("pinyin", "q=longpao"),
    ("narrowed", "q=longpao&era=qing&cat=costume&size=l"),
    ("facets_price", "cat=prop&material=wood,bamboo&rate_max=100&sort=price_asc"),
    ("typo", "q=longpoa"),
];

/// Grows the catalogue to about 100,000 items: 22 copies of each seeded item with their own
/// SKUs and names (the copy's number appended, so every item's text is distinct and is scored on
/// its own), facets copied, in SQL both engines accept.
async fn hundred_thousand_items(db: &TestDb) {
    const COPY: &str = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 22) \
        insert into item (sku, category, subcategory_id, era, colour, material, size, condition, \
        quantity_owned, daily_rate_fen, deposit_fen, supplier_id, name_zh, name_en) \
        select i.sku || '-' || n.i, i.category, i.subcategory_id, i.era, i.colour, i.material, \
        i.size, i.condition, i.quantity_owned, i.daily_rate_fen + n.i, i.deposit_fen, \
        i.supplier_id, i.name_zh || n.i, i.name_en || ' ' || n.i from item i, n";
    support::execute(&db.store, COPY).await;
}

fn search_at(c: &mut Criterion, group_name: &str, grow: bool) {
    let rt = bench_runtime();
    let mut group = c.benchmark_group(group_name);
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = rt.block_on(TestDb::seeded(backend));
        if grow {
            rt.block_on(hundred_thousand_items(&db));
        }
        let server = ServerBackend::new(
            db.store.clone(),
            TileSource::default(),
            MediaStore::new(&std::env::temp_dir().join("backlot_bench_media")),
        );
        let index = rt.block_on(server.catalogue.index(&db.store)).unwrap();
        for (label, query) in QUERIES {
            let query = CatalogueQuery::from_query(query);
            let found = rt.block_on(server.catalogue(&query, 48)).unwrap();
            for kept in [false, true] {
                let label = if kept { format!("{label}_kept") } else { label.to_string() };
                let search = || async {
                    if !kept {
                        index.forget_answers();
                    }
                    black_box(server.catalogue(&query, 48).await.unwrap())
                };
                let (p50, p99) = percentiles(300, || {
                    let start = Instant::now();
                    rt.block_on(search());
                    start.elapsed()
                });
                eprintln!(
                    "{group_name}/{label}/{}: {} matches, p50 {:.2} ms, p99 {:.2} ms",
                    backend.name(),
                    found.total,
                    p50.as_secs_f64() * 1e3,
                    p99.as_secs_f64() * 1e3
                );
                group.bench_function(BenchmarkId::new(&label, backend.name()), |b| {
                    b.to_async(&rt).iter(search);
                });
            }
        }
        if grow {
            group.bench_function(BenchmarkId::new("index_build", backend.name()), |b| {
                b.to_async(&rt).iter(|| async {
                    let source = db.store.catalogue_source().await.unwrap();
                    black_box(CatalogueIndex::build(source).len())
                });
            });
        }
        rt.block_on(async move { drop(db) });
    }
    group.finish();
}

fn catalogue_4500(c: &mut Criterion) {
    search_at(c, "catalogue_4500", false);
}

fn catalogue_100k(c: &mut Criterion) {
    search_at(c, "catalogue_100k", true);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(4));
    targets = catalogue_4500, catalogue_100k
}
criterion_main!(benches);
