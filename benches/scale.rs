//! How the library scales: loading, building and the main questions (and the grounded extension
//! of the contradictions) on synthetic debates of
//! 1k, 10k, 100k and 1M claims (documents: one per hundred claims), beside a baseline of what
//! plain linear work over memory costs at each size.
//!
//! `cargo bench --bench scale` runs every size (about 10 minutes on 2 cores); each corpus is
//! generated once, in memory. Under `cargo test --benches` each benchmark runs once, and only
//! sizes up to 10k claims are used, unless `HISTORIOGRAPH_BENCH_MAX_CLAIMS` says otherwise
//! (it caps the sizes in both modes).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use historiograph::{Corpus, Debate, Framework, Synthetic};

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];
/// YAML is loaded up to this size (1M claims would be a 300 MB folder).
const YAML_MAX: usize = 100_000;

/// The sizes to run: all of them under `cargo bench`, up to 10k under `cargo test --benches`.
fn sizes() -> Vec<usize> {
    let benching = std::env::args().any(|a| a == "--bench");
    let max = std::env::var("HISTORIOGRAPH_BENCH_MAX_CLAIMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benching { usize::MAX } else { 10_000 });
    SIZES.into_iter().filter(|&n| n <= max).collect()
}

fn corpus(claims: usize) -> Corpus {
    Synthetic::new((claims / 100).max(1), claims, 1).corpus()
}

/// Fewer, shorter samples for the big sizes, so that a full run stays within minutes.
fn configure(group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>, n: usize) {
    group.throughput(Throughput::Elements(n as u64));
    if n >= 100_000 {
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 8 } else { 4 }));
    } else {
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(2));
    }
}

fn scale(c: &mut Criterion) {
    for n in sizes() {
        let corpus = corpus(n);
        let mut group = c.benchmark_group(format!("{n} claims"));
        configure(&mut group, n);

        if n <= YAML_MAX {
            let dir = std::env::temp_dir()
                .join(format!("historiograph-bench-{}-{n}", std::process::id()));
            corpus
                .write_yaml(&dir)
                .expect("the temporary folder is writable");
            group.bench_function("load yaml", |b| {
                b.iter(|| Corpus::load(&dir).expect("generated YAML is valid"))
            });
            let _ = std::fs::remove_dir_all(&dir);
        }

        group.bench_function("build debate", |b| {
            b.iter_batched(
                || corpus.clone(),
                Debate::new,
                criterion::BatchSize::LargeInput,
            )
        });

        // The dependency table on a fresh debate each time (it is cached after first use).
        group.bench_function("dependency table (all documents)", |b| {
            on_fresh_debates(b, &corpus, |debate| {
                black_box(debate.dependency_table());
            })
        });

        let debate = Debate::new(corpus.clone());
        let top = &corpus.claims[n - 1].id;
        group.bench_with_input(BenchmarkId::new("evidence", top), top, |b, id| {
            b.iter(|| debate.evidence(id).expect("the claim exists"))
        });
        // Rests-only-on reads the dependency labels, computed on first use (their cost is the
        // fresh-debate dependency table above), so this times a later question.
        group.bench_function("rests-only-on d0", |b| {
            b.iter(|| debate.rests_only_on("d0").expect("the document exists"))
        });
        group.bench_function("discredit d0 d1", |b| {
            b.iter(|| {
                debate
                    .discredit(&["d0", "d1"])
                    .expect("the documents exist")
            })
        });
        // The first discredit on a fresh debate, which also computes the statuses with every
        // document (cached after first use, so the benchmark above measures later questions).
        group.bench_function("discredit d0 d1 (fresh debate)", |b| {
            on_fresh_debates(b, &corpus, |debate| {
                black_box(
                    debate
                        .discredit(&["d0", "d1"])
                        .expect("the documents exist"),
                );
            })
        });
        let framework = contradictions(&corpus);
        group.bench_function("grounded (contradictions)", |b| {
            b.iter(|| framework.grounded_extension())
        });
        memory_baseline(&mut group, n);
        group.finish();
    }
}

/// What linear work costs on this machine at each size, to read the growth of the benchmarks
/// above against: one pass over 40 bytes per claim (a debate holds about ten times that), and
/// one read per claim at a random place in those bytes.
fn memory_baseline(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    n: usize,
) {
    let words: Vec<u32> = (0..10 * n as u32).collect();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let places: Vec<u32> = (0..n)
        .map(|_| {
            // xorshift64: any spread of places will do.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % words.len() as u64) as u32
        })
        .collect();
    group.bench_function("baseline: one pass over 40 bytes per claim", |b| {
        b.iter(|| words.iter().map(|&w| u64::from(w)).sum::<u64>())
    });
    group.bench_function("baseline: one random read per claim", |b| {
        b.iter(|| {
            (places.iter())
                .map(|&p| u64::from(words[p as usize]))
                .sum::<u64>()
        })
    });
}

/// Times `question` on a debate built afresh (untimed) for each iteration, so that what the
/// debate caches after first use is paid every time.
fn on_fresh_debates(b: &mut criterion::Bencher<'_>, corpus: &Corpus, question: impl Fn(&Debate)) {
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            let debate = Debate::new(corpus.clone());
            let start = Instant::now();
            question(&debate);
            total += start.elapsed();
        }
        total
    })
}

/// The framework whose arguments are the claims (by index) and whose attacks are the
/// contradictions: the baseline's question (c).
fn contradictions(corpus: &Corpus) -> Framework {
    let number = |id: &str| {
        id[1..]
            .parse::<u32>()
            .expect("generated claim ids are c<number>")
    };
    let attacks = corpus.claims.iter().flat_map(|c| {
        let from = number(&c.id);
        c.contradicts.iter().map(move |t| (from, number(t)))
    });
    Framework::new(corpus.claims.len(), attacks)
}

criterion_group!(benches, scale);
criterion_main!(benches);
