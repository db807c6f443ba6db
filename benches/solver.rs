//! The SAT engine against the former backtracking search (`Engine::Search`), in the same run,
//! on the seeded random frameworks of issue 22: 1 000 arguments, each ordered pair an attack
//! with probability 3/1000 or 4/1000, seeds 1 to 5, and the ICCMA tasks DC-CO, DC-PR, DS-PR,
//! DC-ST, DS-ST (query: the first argument), SE-ST and SE-PR.
//!
//! One sample of a benchmark answers one task on every framework of a set. `sat` and `search`
//! run the same set: the 3/1000 frameworks on which the search finishes in seconds (it runs
//! past 10 s on the ones in `SEARCH_TOO_SLOW`, and on most tasks of the 4/1000 ones, as
//! `benches/compare_crustabri.sh` with `CRUSTABRI=none` shows); `sat, all` runs the SAT engine
//! on all ten.
//!
//! `cargo bench --bench solver` (a few minutes); under `cargo test --benches` each benchmark
//! runs once.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use historiograph::iccma::{self, Format, Instance, Task};
use historiograph::{random_framework, Engine};

const TASKS: [&str; 7] = [
    "DC-CO", "DC-PR", "DS-PR", "DC-ST", "DS-ST", "SE-ST", "SE-PR",
];

/// (per-mille attack probability, seed, task) where the search engine runs past 10 s.
const SEARCH_TOO_SLOW: &[(u32, u64, &str)] = &[
    (3, 2, "DS-PR"),
    (3, 2, "SE-PR"),
    (3, 5, "DS-PR"),
    (3, 5, "SE-PR"),
];

fn frameworks() -> Vec<(u32, u64, Instance)> {
    let mut out = Vec::new();
    for per_mille in [3, 4] {
        for seed in 1..=5 {
            let af = random_framework(1000, f64::from(per_mille) / 1000.0, seed);
            let instance = Instance::parse(&iccma::to_i23(&af), Format::I23).expect("i23");
            out.push((per_mille, seed, instance));
        }
    }
    out
}

fn solve_all(set: &[&Instance], task: Task, engine: Engine) -> usize {
    let query = matches!(task.problem, iccma::Problem::DC | iccma::Problem::DS).then_some("1");
    set.iter()
        .map(|instance| {
            iccma::solve_with(instance, task, query, engine, None)
                .expect("the task and query are valid")
                .len()
        })
        .sum()
}

fn solver(c: &mut Criterion) {
    let all = frameworks();
    for name in TASKS {
        let task: Task = name.parse().expect("a known task");
        let fast: Vec<&Instance> = all
            .iter()
            .filter(|(p, s, _)| *p == 3 && !SEARCH_TOO_SLOW.contains(&(*p, *s, name)))
            .map(|(_, _, i)| i)
            .collect();
        let every: Vec<&Instance> = all.iter().map(|(_, _, i)| i).collect();
        let mut group = c.benchmark_group(format!("seeded 1000 {name}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(3));
        group.bench_function(format!("sat, {} frameworks", fast.len()), |b| {
            b.iter(|| black_box(solve_all(&fast, task, Engine::Sat)))
        });
        group.bench_function(format!("search, {} frameworks", fast.len()), |b| {
            b.iter(|| black_box(solve_all(&fast, task, Engine::Search)))
        });
        group.bench_function("sat, all 10 frameworks", |b| {
            b.iter(|| black_box(solve_all(&every, task, Engine::Sat)))
        });
        group.finish();
    }
}

criterion_group!(benches, solver);
criterion_main!(benches);
