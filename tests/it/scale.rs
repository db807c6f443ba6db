//! Synthetic debates: the generator is deterministic and its YAML and TSV read back; the fast
//! algorithms agree with simple ones on generated corpora.

use std::collections::BTreeMap;

use petgraph::algo::dominators::simple_fast;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::dominators::assert_agrees;
use historiograph::{Corpus, Debate, Polarity, Synthetic};

/// The corpus without the positions loading records, for comparing with a generated one.
fn without_origins(mut corpus: Corpus) -> Corpus {
    corpus.schools.iter_mut().for_each(|s| s.origin = None);
    corpus.documents.iter_mut().for_each(|d| d.origin = None);
    corpus.historians.iter_mut().for_each(|h| h.origin = None);
    corpus.claims.iter_mut().for_each(|c| c.origin = None);
    corpus
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("historiograph-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn generation_is_deterministic_for_a_seed() {
    let a = Synthetic::new(20, 2_000, 42).corpus();
    assert_eq!(a, Synthetic::new(20, 2_000, 42).corpus());
    assert_ne!(a, Synthetic::new(20, 2_000, 43).corpus());
    let mut tsv = Vec::new();
    a.write_tsv(&mut tsv).unwrap();
    // Pinned: a change of the generator's output is a deliberate, reviewed change.
    let text = String::from_utf8(tsv).unwrap();
    let count = |kind: &str| text.lines().filter(|l| l.starts_with(kind)).count();
    assert_eq!(
        [
            count("evidence\t"),
            count("supports\t"),
            count("contradicts\t")
        ],
        [605, 3176, 523]
    );
    assert!(
        text.contains("\nsupports\tc0\t"),
        "layer 0 supports layer 1"
    );
}

#[test]
fn generated_corpora_have_the_requested_shape() {
    let corpus = Synthetic::new(50, 4_000, 1).corpus();
    assert_eq!((corpus.documents.len(), corpus.claims.len()), (50, 4_000));
    let layer0 = &corpus.claims[..500];
    assert!(layer0.iter().all(|c| (1..=3).contains(
        &c.evidence
            .iter()
            .filter(|e| e.polarity == Polarity::Backs)
            .count()
    )));
    let supports: usize = corpus.claims.iter().map(|c| c.supports.len()).sum();
    let contradicts: usize = corpus.claims.iter().map(|c| c.contradicts.len()).sum();
    assert!(supports > 3_500 * 14 / 10, "{supports} supports");
    assert!(
        (800..1_200).contains(&contradicts),
        "{contradicts} contradictions"
    );
    let mutual = corpus
        .claims
        .iter()
        .flat_map(|c| {
            c.contradicts
                .iter()
                .map(move |t| (c.id.as_str(), t.as_str()))
        })
        .filter(|(a, b)| {
            corpus
                .claims
                .iter()
                .any(|c| c.id == *b && c.contradicts.iter().any(|x| x == a))
        })
        .count();
    assert!(mutual > 100, "{mutual} mutual contradictions");
    let number = |id: &str| id[1..].parse::<usize>().unwrap();
    let backward = corpus
        .claims
        .iter()
        .flat_map(|c| c.supports.iter().map(|s| (number(&c.id), number(s))))
        .filter(|(from, to)| from > to)
        .count();
    assert!(
        backward > 0,
        "some support runs back to a lower layer, closing a cycle"
    );
}

#[test]
fn generated_yaml_loads_back_as_the_same_corpus() {
    let corpus = Synthetic::new(30, 25_000, 5).corpus();
    let dir = scratch("yaml");
    let files = corpus.write_yaml(&dir).unwrap();
    assert_eq!(
        files.len(),
        2 + 3,
        "documents, historians, three claim files"
    );
    let loaded = Corpus::load(&dir).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(without_origins(loaded), corpus);
}

/// `generate --format yaml` writes through the canonical writer: `fmt --check` passes.
#[test]
fn generated_yaml_is_canonical() {
    let mut synthetic = Synthetic::new(30, 500, 7);
    synthetic.linked = 0.2;
    synthetic.undercutting = 0.05;
    let corpus = synthetic.corpus();
    assert!(corpus.claims.iter().any(|c| !c.arguments.is_empty()));
    assert!(corpus.claims.iter().any(|c| !c.undercuts.is_empty()));
    let dir = scratch("yaml-canonical");
    corpus.write_yaml(&dir).unwrap();
    let reformat = Corpus::reformat(&dir, historiograph::Comments::Keep).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let names: Vec<_> = reformat
        .iter()
        .map(|r| r.path.display().to_string())
        .collect();
    assert!(names.is_empty(), "not canonical: {names:?}");
}

#[test]
fn generated_tsv_reads_back_with_the_same_flow() {
    // The edge list holds convergent support only: no linked arguments.
    let mut params = Synthetic::new(40, 3_000, 9);
    params.linked = 0.0;
    let corpus = params.corpus();
    let mut tsv = Vec::new();
    corpus.write_tsv(&mut tsv).unwrap();
    let read = Corpus::read_tsv("g.tsv", tsv.as_slice()).unwrap();
    let ids =
        |c: &Corpus| -> Vec<historiograph::Id> { c.claims.iter().map(|c| c.id.clone()).collect() };
    assert_eq!(ids(&read), ids(&corpus));
    for (a, b) in read.claims.iter().zip(&corpus.claims) {
        let mut supports = b.supports.clone();
        supports.sort_by_key(|s| s[1..].parse::<usize>().unwrap());
        assert_eq!(a.supports, supports, "supports of {}", a.id);
        assert_eq!(a.contradicts.len(), b.contradicts.len());
    }
    let (x, y) = (Debate::new(read), Debate::new(corpus));
    assert_eq!(x.dependency_table(), y.dependency_table());
    assert_eq!(x.unsupported().len(), y.unsupported().len());
}

#[test]
fn tsv_problems_are_reported_with_their_lines() {
    let text = "# comment\n\
                document\td1\n\
                evidence\td1\tc1\n\
                evidence\td1\tc1\n\
                supports\tc1\tc2\n\
                contradicts\tc1\tc2\n\
                supports\tc3\tc3\n\
                claim\td1\n\
                backs\td1\tc1\n\
                supports\tc1\n\
                claim\tbad id\n";
    let err = Corpus::read_tsv("bad.tsv", text.as_bytes()).unwrap_err();
    let lines: Vec<String> = err
        .diagnostics
        .iter()
        .map(|d| format!("{}:{} {}", d.origin.line, d.origin.column, d.message))
        .collect();
    assert_eq!(
        lines,
        [
            "3:0 claim `c1` both supports and contradicts `c2`",
            "7:13 claim `c3` supports itself",
            "8:7 expected a claim, found the document `d1`",
            "9:1 expected a record kind (document, claim, evidence, supports or contradicts), found `backs`",
            "10:1 expected 3 tab-separated fields in a `supports` record, found 2",
            "11:7 expected a claim id, found `bad id`",
        ]
    );
    let ok = Corpus::read_tsv("ok.tsv", "evidence\td\tc\nevidence\td\tc\r\n".as_bytes()).unwrap();
    assert_eq!(
        ok.claims[0].evidence.len(),
        1,
        "a repeated edge counts once"
    );
    assert!(Corpus::load_tsv("/nonexistent/graph.tsv").is_err());
}

#[test]
fn dependency_table_agrees_with_brute_force_on_generated_corpora() {
    for seed in 1..=4 {
        let mut params = Synthetic::new(6, 300, seed);
        params.cycles = 0.05;
        assert_agrees(params.corpus());
    }
}

/// For each claim, the document on its path in petgraph's dominator tree of the evidence flow
/// with a virtual root above every document.
fn dependencies_by_petgraph(
    corpus: &Corpus,
) -> BTreeMap<historiograph::Id, Vec<historiograph::Id>> {
    let mut g: DiGraph<(), ()> = DiGraph::new();
    let root = g.add_node(());
    let docs: BTreeMap<&str, NodeIndex> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), g.add_node(())))
        .collect();
    let claims: BTreeMap<&str, NodeIndex> = corpus
        .claims
        .iter()
        .map(|c| (c.id.as_str(), g.add_node(())))
        .collect();
    for &d in docs.values() {
        g.add_edge(root, d, ());
    }
    for c in &corpus.claims {
        for e in c.evidence.iter().filter(|e| e.polarity == Polarity::Backs) {
            g.add_edge(docs[e.document.as_str()], claims[c.id.as_str()], ());
        }
        for s in &c.supports {
            g.add_edge(claims[c.id.as_str()], claims[s.as_str()], ());
        }
    }
    let dom = simple_fast(&g, root);
    let doc_of: BTreeMap<NodeIndex, &str> = docs.iter().map(|(&id, &n)| (n, id)).collect();
    let mut table: BTreeMap<historiograph::Id, Vec<historiograph::Id>> = BTreeMap::new();
    for (&id, &n) in &claims {
        let mut v = n;
        while let Some(up) = dom.immediate_dominator(v) {
            if let Some(d) = doc_of.get(&up) {
                table.entry((*d).into()).or_default().push(id.into());
                break;
            }
            v = up;
        }
    }
    table.values_mut().for_each(|v| v.sort());
    table
}

#[test]
fn dependency_table_agrees_with_petgraph_dominators_on_generated_corpora() {
    for (docs, claims, seed) in [(5, 500, 1), (40, 5_000, 2), (200, 20_000, 3)] {
        let mut params = Synthetic::new(docs, claims, seed);
        params.cycles = 0.02;
        // Dominators answer the question for convergent support only.
        params.linked = 0.0;
        let corpus = params.corpus();
        let expected = dependencies_by_petgraph(&corpus);
        assert!(!expected.is_empty());
        assert_eq!(
            Debate::new(corpus).dependency_table(),
            expected,
            "seed {seed}"
        );
    }
}

#[test]
fn indexed_lookups_find_what_the_scans_find() {
    let corpus = Synthetic::new(10, 500, 3).corpus();
    let debate = Debate::new(corpus.clone());
    for c in corpus.claims.iter().step_by(37) {
        assert_eq!(debate.claim(&c.id), corpus.claim(&c.id));
        assert_eq!(debate.document(&c.id), None);
    }
    assert_eq!(debate.document("d7"), corpus.document("d7"));
    assert_eq!(debate.claim("d7"), None);
    assert_eq!(debate.claim("nope"), None);
}

#[test]
fn the_generate_command_writes_what_the_readers_load() {
    let dir = scratch("cli");
    let tsv = dir.join("g.tsv");
    std::fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("historiograph")
            .unwrap()
            .args(args)
            .assert()
    };
    let tsv_arg = tsv.to_str().unwrap();
    let yaml = dir.join("yaml");
    let small = |format: &str, out: &str| {
        let args = ["generate", "--documents", "5", "--claims", "200"];
        run(&[&args[..], &["--format", format, "-o", out]].concat()).success();
    };
    small("tsv", tsv_arg);
    small("yaml", yaml.to_str().unwrap());
    let from_tsv = Corpus::load_tsv(&tsv).unwrap();
    let from_yaml = Corpus::load(&yaml).unwrap();
    assert_eq!(from_tsv.claims.len(), 200);
    assert_eq!(
        without_origins(from_yaml),
        Synthetic::new(5, 200, 1).corpus()
    );
    run(&["generate", "--format", "xml", "-o", tsv_arg]).code(2);
    let out = run(&[
        "generate",
        "--claims",
        "10",
        "--format",
        "tsv",
        "-o",
        "/nonexistent/dir/g.tsv",
    ])
    .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("error: cannot write `/nonexistent/dir/g.tsv`: "),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Loading shares each id's text between its record and every reference to it, in YAML, in
/// edge lists and in generated corpora: a reference costs a pointer, not a copy.
#[test]
fn references_share_the_text_of_their_records() {
    let generated = Synthetic::new(20, 2_000, 4).corpus();
    let mut tsv = Vec::new();
    generated.write_tsv(&mut tsv).unwrap();
    let from_tsv = Corpus::read_tsv("g.tsv", tsv.as_slice()).unwrap();
    for corpus in [Corpus::bundled(), generated, from_tsv] {
        let records: std::collections::HashMap<&str, &historiograph::Id> = corpus
            .documents
            .iter()
            .map(|d| &d.id)
            .chain(corpus.claims.iter().map(|c| &c.id))
            .chain(corpus.historians.iter().map(|h| &h.id))
            .map(|id| (id.as_str(), id))
            .collect();
        let mut references = 0;
        for claim in &corpus.claims {
            let evidence = claim.evidence.iter().map(|e| &e.document);
            let claims = claim.supports.iter().chain(&claim.contradicts);
            for r in evidence.chain(claims).chain(&claim.proponents) {
                assert!(
                    r.shares_text_with(records[r.as_str()]),
                    "{r} in {}",
                    claim.id
                );
                references += 1;
            }
        }
        assert!(references > corpus.claims.len(), "{references} references");
    }
}

/// A debate is the same graph whether its references share their records' text (as loaded or
/// generated corpora do, and as `Debate::new` looks them up first) or are separate copies (as
/// in a corpus built in code).
#[test]
fn debates_are_the_same_whether_or_not_references_share_text() {
    let shared = Synthetic::new(20, 2_000, 5).corpus();
    let mut copied = shared.clone();
    let copy = |id: &mut historiograph::Id| *id = historiograph::Id::from(id.as_str());
    for claim in &mut copied.claims {
        claim
            .evidence
            .iter_mut()
            .for_each(|e| copy(&mut e.document));
        claim.supports.iter_mut().for_each(copy);
        claim.contradicts.iter_mut().for_each(copy);
        claim.proponents.iter_mut().for_each(copy);
    }
    let first_support = |c: &Corpus| {
        let claim = c.claims.iter().find(|c| !c.supports.is_empty()).unwrap();
        claim.supports[0].clone()
    };
    assert!(!first_support(&copied).shares_text_with(&first_support(&shared)));
    let edges = |debate: &Debate| -> Vec<(usize, usize, historiograph::Relation)> {
        let g = debate.graph();
        g.raw_edges()
            .iter()
            .map(|e| (e.source().index(), e.target().index(), e.weight))
            .collect()
    };
    let (a, b) = (Debate::new(shared), Debate::new(copied));
    assert!(edges(&a).len() > 2_000);
    assert_eq!(edges(&a), edges(&b));
    assert_eq!(a.dependency_table(), b.dependency_table());
}

/// More documents than fit one file are split as claims are, so that every file stays under
/// the loader's size limit and the corpus loads back.
#[test]
fn generated_yaml_splits_many_documents() {
    let corpus = Synthetic::new(25_000, 200, 3).corpus();
    let dir = scratch("yaml-documents");
    let files = corpus.write_yaml(&dir).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let loaded = Corpus::load(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    for name in [
        "documents-0000.yaml",
        "documents-0001.yaml",
        "documents-0002.yaml",
    ] {
        assert!(names.iter().any(|n| n == name), "{names:?}");
    }
    let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.documents.len(), 25_000);
}
