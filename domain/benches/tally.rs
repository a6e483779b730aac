//! Counting the catalogue's facets over every item: the pass a search without text makes.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::catalogue::{FACETS, Facet, FacetValues, NO_VALUE, Selection, tally};

/// Values per facet, about as many as the seeded catalogue's.
const SIZES: [usize; FACETS] = [4, 9, 11, 6, 11, 13, 4, 7];

/// `n` items with values spread over `SIZES` (a third without a size), from a fixed seed.
fn items(n: usize) -> Vec<FacetValues> {
    let mut seed = 7_u64;
    let mut next = move |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        u16::try_from((seed >> 33) % n as u64).unwrap_or(0)
    };
    (0..n)
        .map(|_| {
            FacetValues(std::array::from_fn(|f| {
                if f == Facet::Size.index() && next(3) == 0 { NO_VALUE } else { next(SIZES[f]) }
            }))
        })
        .collect()
}

fn choosing(choices: &[(Facet, &[usize])]) -> Selection {
    let mut selection = Selection::default();
    for (facet, values) in choices {
        let mut flags = vec![false; SIZES[facet.index()]];
        for v in *values {
            flags[*v] = true;
        }
        selection.0[facet.index()] = Some(flags);
    }
    selection
}

fn pass(c: &mut Criterion) {
    let mut group = c.benchmark_group("tally_450000_items");
    group.sample_size(30);
    let items = items(450_000);
    let cases = [
        ("no_facet_chosen", choosing(&[])),
        ("one_facet", choosing(&[(Facet::Category, &[1])])),
        (
            "three_facets",
            choosing(&[(Facet::Category, &[0]), (Facet::Era, &[2, 3]), (Facet::Colour, &[5])]),
        ),
    ];
    for (name, selection) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| {
                tally(
                    (0_u32..).zip(black_box(&items).iter().copied()),
                    black_box(selection),
                    &SIZES,
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, pass);
criterion_main!(benches);
