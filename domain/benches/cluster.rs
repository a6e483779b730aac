//! Building and querying the map clustering index over points around Hengdian.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use domain::cluster::{ClusterIndex, ClusterOptions};

/// `n` points spread ±0.5° around Hengdian (29.16° N, 120.31° E), from a fixed xorshift seed.
fn around_hengdian(n: u32) -> Vec<(u32, f64, f64)> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n).map(|id| (id, 29.16 + (next() - 0.5), 120.31 + (next() - 0.5))).collect()
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("cluster_build");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let points = around_hengdian(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &points, |b, points| {
            b.iter(|| ClusterIndex::new(black_box(points), ClusterOptions::default()));
        });
    }
    group.finish();
}

fn query(c: &mut Criterion) {
    let mut group = c.benchmark_group("cluster_query_whole_area");
    for n in [10_000, 100_000] {
        let index = ClusterIndex::new(&around_hengdian(n), ClusterOptions::default());
        for zoom in [10.0, 14.0] {
            group.bench_function(format!("{n}_points_zoom_{zoom}"), |b| {
                b.iter(|| index.query(28.66, 119.81, 29.66, 120.81, black_box(zoom)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, build, query);
criterion_main!(benches);
