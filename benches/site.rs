//! The static site on a synthetic debate of 10k claims (100 documents): building every page in
//! memory from a fresh debate, beside a baseline in the same run that computes the same library
//! answers (every claim's evidence base, every document's rests-only-on, depends-on and
//! discredit, the acceptability of every claim) and serialises them as JSON, without pages. The
//! ratio is what rendering HTML and pictures costs on top of the questions themselves. The
//! site's file count and size are printed once.
//!
//! `cargo bench --bench site` takes about a minute; under `cargo test --benches` each
//! benchmark runs once on 1k claims.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use historiograph::{Corpus, Debate, Semantics, Site, Synthetic};

fn claims() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        10_000
    } else {
        1_000
    }
}

/// The answers a site shows, as JSON: the baseline.
fn answers(debate: &Debate) -> usize {
    let corpus = debate.corpus();
    let mut bytes = 0;
    for claim in &corpus.claims {
        let base = debate.evidence(&claim.id).expect("the claim exists");
        bytes += serde_json::to_string(&base)
            .expect("answers serialise")
            .len();
    }
    for document in &corpus.documents {
        let id = document.id.as_str();
        let resting = debate.rests_only_on(id).expect("the document exists");
        let depending = debate.depends_on(id).expect("the document exists");
        let fallen = debate.discredit(&[id]).expect("the document exists");
        bytes += serde_json::to_string(&(resting, depending, fallen))
            .expect("serialises")
            .len();
    }
    let accepted = debate
        .acceptability(Semantics::Grounded, &[])
        .expect("no documents set aside");
    bytes + serde_json::to_string(&accepted).expect("serialises").len()
}

fn site(c: &mut Criterion) {
    let n = claims();
    let corpus: Corpus = Synthetic::new(n / 100, n, 1).corpus();
    let built = Site::build(&Debate::new(corpus.clone()));
    eprintln!(
        "site of {n} claims: {} files, {} bytes ({:.1} MB)",
        built.len(),
        built.bytes(),
        built.bytes() as f64 / 1e6
    );
    let mut group = c.benchmark_group(format!("site, {n} claims"));
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("answers as JSON (baseline)", |b| {
        b.iter_batched(
            || corpus.clone(),
            |corpus| black_box(answers(&Debate::new(corpus))),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("site build", |b| {
        b.iter_batched(
            || corpus.clone(),
            |corpus| black_box(Site::build(&Debate::new(corpus)).bytes()),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, site);
criterion_main!(benches);
