//! Times historiograph on the questions the networkx baseline (`../shared/bench/networkx_baseline.py`)
//! times, on the same graph, and prints one JSON line with the timings, the result sizes and the
//! peak memory of the process.
//!
//! ```sh
//! cargo run --release --example bench_queries -- GRAPH.tsv     # an edge list (see Corpus::load_tsv)
//! cargo run --release --example bench_queries -- CORPUS_DIR    # a YAML corpus folder
//! cargo run --release --example bench_queries                  # a generated 10,000-claim graph
//! ```
//!
//! Keys: `load_s` (reading the input into a corpus), `build_s` (building the debate's graph),
//! `a_rests_only_on_s` and `a_result` (the claims resting only on the most-cited document),
//! `b_dependency_s` and `b_claims_single_doc` (the dependency table for every document),
//! `c_grounded_s` and `c_grounded_size` (the grounded extension of the framework whose
//! arguments are the claims and whose attacks are the contradictions, as the baseline's (c);
//! building that framework is counted in `build_s`), `rss_peak_mb` (Linux only; `null`
//! elsewhere). `b_dependency_s` is measured first, on a fresh debate, so it includes computing
//! each claim's anchor document; (a) is asked after it and reads those anchors, as a second
//! question in a session would.
//!
//! `benches/compare_networkx.sh` runs this beside the networkx baseline.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use historiograph::{Corpus, Debate, Framework, Node, Polarity, Relation, Synthetic};

fn main() -> ExitCode {
    let arg = std::env::args_os().nth(1);
    let start = Instant::now();
    let loaded = match &arg {
        Some(path) if Path::new(path).is_dir() => Corpus::load(path),
        Some(path) => Corpus::load_tsv(path),
        None => {
            let mut tsv = Vec::new();
            Synthetic::new(100, 10_000, 1)
                .corpus()
                .write_tsv(&mut tsv)
                .expect("writing to memory cannot fail");
            Corpus::read_tsv("generated.tsv", tsv.as_slice())
        }
    };
    let corpus = match loaded {
        Ok(corpus) => corpus,
        Err(e) => {
            for d in &e.diagnostics {
                eprintln!("{d}");
            }
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let load_s = start.elapsed().as_secs_f64();
    let (documents, claims) = (corpus.documents.len(), corpus.claims.len());
    let most_cited = most_cited(&corpus);

    let start = Instant::now();
    let debate = Debate::new(corpus);
    let framework = contradictions(&debate);
    let build_s = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let table = debate.dependency_table();
    let b_s = start.elapsed().as_secs_f64();
    let b_result: usize = table.values().map(Vec::len).sum();

    let start = Instant::now();
    let a_result = match &most_cited {
        Some(d) => debate.rests_only_on(d).map(|c| c.len()).unwrap_or(0),
        None => 0,
    };
    let a_s = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let grounded = framework.grounded_extension();
    let c_s = start.elapsed().as_secs_f64();

    let out = serde_json::json!({
        "input": arg.map(|a| a.to_string_lossy().into_owned()),
        "documents": documents,
        "claims": claims,
        "edges": debate.graph().edge_count(),
        "load_s": load_s,
        "build_s": build_s,
        "query_doc": most_cited,
        "a_rests_only_on_s": a_s,
        "a_result": a_result,
        "b_dependency_s": b_s,
        "b_claims_single_doc": b_result,
        "b_docs_with_dependents": table.len(),
        "c_grounded_s": c_s,
        "c_grounded_size": grounded.len(),
        "rss_peak_mb": peak_rss_mb(),
    });
    println!("{out}");
    ExitCode::SUCCESS
}

/// The framework of the claims (argument `i` is claim `i`) and their contradictions.
fn contradictions(debate: &Debate) -> Framework {
    let g = debate.graph();
    let claim = |n| match g[n] {
        Node::Claim(i) => i as u32,
        other => unreachable!("contradictions join claims, found {other:?}"),
    };
    let attacks = g
        .raw_edges()
        .iter()
        .filter(|e| e.weight == Relation::Contradicts)
        .map(|e| (claim(e.source()), claim(e.target())));
    Framework::new(debate.corpus().claims.len(), attacks)
}

/// The document backing the most claims; the first in corpus order on a tie (as the baseline's
/// `max(docs, key=G.out_degree)`).
fn most_cited(corpus: &Corpus) -> Option<String> {
    let mut cited: HashMap<&str, usize> = HashMap::new();
    for claim in &corpus.claims {
        for e in claim
            .evidence
            .iter()
            .filter(|e| e.polarity == Polarity::Backs)
        {
            *cited.entry(e.document.as_str()).or_default() += 1;
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for d in &corpus.documents {
        let n = cited.get(d.id.as_str()).copied().unwrap_or(0);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((&d.id, n));
        }
    }
    best.map(|(d, _)| d.to_string())
}

/// The process's peak resident memory in MiB, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
