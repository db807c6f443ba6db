//! Helpers shared by the integration tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use historiograph::{Corpus, Debate, Polarity};
use proptest::prelude::*;

/// The folder of a hand-made test corpus under `tests/corpora/`.
pub fn corpus_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpora")
        .join(name)
}

/// Loads a hand-made test corpus, panicking with the diagnostics if it is invalid.
pub fn debate(name: &str) -> Debate {
    match Corpus::load(corpus_dir(name)) {
        Ok(corpus) => Debate::new(corpus),
        Err(e) => panic!("{e}: {:#?}", e.diagnostics),
    }
}

/// The ids of a list of claim summaries.
pub fn ids(claims: &[historiograph::ClaimSummary]) -> Vec<&str> {
    claims.iter().map(|c| c.id.as_str()).collect()
}

/// Loads in-memory YAML files.
pub fn from_yaml(files: &[(&str, &str)]) -> Result<Corpus, historiograph::LoadError> {
    Corpus::from_sources(files.iter().map(|&(p, t)| (p, t)))
}

/// Brute force, independent of the library's flow tables: for each document, the claims that
/// are grounded with it and ungrounded without it.
pub fn brute_force_dependencies(
    corpus: &Corpus,
) -> BTreeMap<historiograph::Id, Vec<historiograph::Id>> {
    let mut out = BTreeMap::new();
    let all: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    let before = grounded(corpus, &all);
    for d in &all {
        let others: Vec<&str> = all.iter().copied().filter(|o| o != d).collect();
        let after = grounded(corpus, &others);
        let fallen: Vec<_> = before.difference(&after).cloned().collect();
        if !fallen.is_empty() {
            out.insert((*d).into(), fallen);
        }
    }
    out
}

/// A random corpus: `docs` documents, claims with random backing and support edges, linked
/// arguments (`(conclusion, premise, premise)`, a premise below `docs` being a document and
/// the others claims) and undercuts of documents (`(claim, document)`).
pub fn random_corpus(
    docs: usize,
    claims: usize,
    backs: &[(usize, usize)],
    supports: &[(usize, usize)],
    arguments: &[(usize, usize, usize)],
    undercuts: &[(usize, usize)],
) -> Corpus {
    let mut yaml = String::from("documents:\n");
    for d in 0..docs {
        yaml += &format!("  - {{id: d{d}, title: t, date: \"1950\", kind: letter, author: a, citation: c, audience: internal}}\n");
    }
    yaml += "historians:\n  - {id: h, name: H}\nclaims:\n";
    for c in 0..claims {
        yaml += &format!("  - id: c{c}\n    statement: s\n    proponents: [h]\n    evidence:\n");
        for &(d, _) in backs.iter().filter(|&&(_, cc)| cc % claims == c) {
            yaml += &format!(
                "      - {{document: d{}, polarity: backs, locator: l}}\n",
                d % docs
            );
        }
        let targets: std::collections::BTreeSet<usize> = supports
            .iter()
            .filter(|&&(from, to)| from % claims == c && to % claims != c)
            .map(|&(_, to)| to % claims)
            .collect();
        let list: Vec<String> = targets.iter().map(|t| format!("c{t}")).collect();
        yaml += &format!("    supports: [{}]\n", list.join(", "));
        let premise = |p: usize| match p % (docs + claims) {
            p if p < docs => format!("d{p}"),
            p => format!("c{}", p - docs),
        };
        let mine: Vec<(String, String)> = arguments
            .iter()
            .filter(|&&(to, _, _)| to % claims == c)
            .map(|&(_, a, b)| (premise(a), premise(b)))
            .filter(|(a, b)| a != b && *a != format!("c{c}") && *b != format!("c{c}"))
            .collect();
        if !mine.is_empty() {
            yaml += "    arguments:\n";
            for (a, b) in mine {
                yaml += &format!("      - {{premises: [{a}, {b}], locator: l}}\n");
            }
        }
        let mut struck: Vec<usize> = (undercuts.iter())
            .filter(|&&(by, _)| by % claims == c)
            .map(|&(_, d)| d % docs)
            .collect();
        struck.sort_unstable();
        struck.dedup();
        if !struck.is_empty() {
            yaml += "    undercuts:\n";
            for d in struck {
                yaml += &format!("      - {{document: d{d}, locator: l}}\n");
            }
        }
    }
    from_yaml(&[("random.yaml", &yaml)]).unwrap_or_else(|e| panic!("{:#?}\n{yaml}", e.diagnostics))
}

prop_compose! {
    /// Random corpora of 1 to 5 documents and 1 to 13 claims, with random backing (each document
    /// at most once per claim) and support between claims.
    pub fn arb_corpus()(
        docs in 1usize..6,
        claims in 1usize..14,
        backs in prop::collection::vec((0usize..6, 0usize..14), 0..16),
        supports in prop::collection::vec((0usize..14, 0usize..14), 0..24),
        arguments in prop::collection::vec((0usize..14, 0usize..19, 0usize..19), 0..5),
        undercuts in prop::collection::vec((0usize..14, 0usize..6), 0..3),
    ) -> Corpus {
        let mut seen = BTreeSet::new();
        let backs: Vec<_> = backs
            .into_iter()
            .filter(|&(d, c)| seen.insert((d % docs, c % claims)))
            .collect();
        random_corpus(docs, claims, &backs, &supports, &arguments, &undercuts)
    }
}

/// The ids of the claims reachable from `documents` along backs and supports, and through
/// linked arguments once every premise is reached (a document premise when it is one of
/// `documents`).
pub fn grounded(corpus: &Corpus, documents: &[&str]) -> BTreeSet<historiograph::Id> {
    let mut seen: BTreeSet<historiograph::Id> = BTreeSet::new();
    let mut changed = true;
    while changed {
        changed = false;
        for c in &corpus.claims {
            if seen.contains(&c.id) {
                continue;
            }
            let backed = c
                .evidence
                .iter()
                .any(|e| e.polarity == Polarity::Backs && documents.contains(&e.document.as_str()));
            let supported = corpus
                .claims
                .iter()
                .any(|s| seen.contains(&s.id) && s.supports.contains(&c.id));
            let holds = |p: &historiograph::Id| seen.contains(p) || documents.contains(&p.as_str());
            let argued = c.arguments.iter().any(|a| a.premises.iter().all(holds));
            if backed || supported || argued {
                seen.insert(c.id.clone());
                changed = true;
            }
        }
    }
    seen
}

/// Brute force for rests-only-on: for each document, the grounded claims that it is the only
/// document to reach, along backs, supports and grounded linked arguments, through grounded
/// claims.
pub fn brute_force_sole(corpus: &Corpus) -> BTreeMap<historiograph::Id, Vec<historiograph::Id>> {
    let all: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    let grounded_claims = grounded(corpus, &all);
    let is_grounded =
        |p: &historiograph::Id| grounded_claims.contains(p) || all.contains(&p.as_str());
    let mut reaching: BTreeMap<historiograph::Id, BTreeSet<&str>> = BTreeMap::new();
    for &d in &all {
        let mut seen: BTreeSet<historiograph::Id> = BTreeSet::new();
        let mut changed = true;
        while changed {
            changed = false;
            for c in corpus
                .claims
                .iter()
                .filter(|c| grounded_claims.contains(&c.id))
            {
                if seen.contains(&c.id) {
                    continue;
                }
                let from = |p: &historiograph::Id| seen.contains(p) || p.as_str() == d;
                let backed = (c.evidence.iter())
                    .any(|e| e.polarity == Polarity::Backs && e.document.as_str() == d);
                let supported = (corpus.claims.iter())
                    .any(|s| seen.contains(&s.id) && s.supports.contains(&c.id));
                let argued = (c.arguments.iter())
                    .any(|a| a.premises.iter().all(is_grounded) && a.premises.iter().any(from));
                if backed || supported || argued {
                    seen.insert(c.id.clone());
                    changed = true;
                }
            }
        }
        for c in seen {
            reaching.entry(c).or_default().insert(d);
        }
    }
    let mut out: BTreeMap<historiograph::Id, Vec<historiograph::Id>> = BTreeMap::new();
    for (c, docs) in reaching {
        if docs.len() == 1 {
            let d = *docs.iter().next().unwrap();
            out.entry(d.into()).or_default().push(c);
        }
    }
    out
}

/// A folder of the shared data (`../shared/data/<name>` beside the repository, or
/// `$HISTORIOGRAPH_SHARED_DATA/<name>`).
///
/// When it is missing the test says so loudly and skips (returns `None`), except under CI (`CI`
/// set), where missing data is a failure.
#[allow(dead_code)] // used by the tests that read ../shared/data
pub fn shared_data(name: &str) -> Option<PathBuf> {
    shared("HISTORIOGRAPH_SHARED_DATA", "data", name)
}

/// A file of the shared sources (`../shared/sources/<name>` beside the repository, or
/// `$HISTORIOGRAPH_SHARED_SOURCES/<name>`): the papers the bundled corpus encodes. Missing, as
/// for [`shared_data`].
#[allow(dead_code)] // used by the tests that read ../shared/sources
pub fn shared_source(name: &str) -> Option<PathBuf> {
    shared("HISTORIOGRAPH_SHARED_SOURCES", "sources", name)
}

fn shared(variable: &str, folder: &str, name: &str) -> Option<PathBuf> {
    let root = std::env::var_os(variable)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared")
                .join(folder)
        });
    let dir = root.join(name);
    if dir.exists() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "shared data missing under CI: {} (set {variable})",
            dir.display()
        );
    }
    eprintln!(
        "\n!!! SKIPPED: shared data not found at {} (set {variable} to run this test)\n",
        dir.display()
    );
    None
}

/// A fresh, empty folder under the system's temporary folder, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates `historiograph-<name>-<process>-<n>` in the temporary folder.
    pub fn new(name: &str) -> TempDir {
        static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("historiograph-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// The folder.
    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies the files of `from` into a fresh temporary folder.
#[allow(dead_code)] // used by the tests that rewrite a corpus
pub fn copy_of(from: &std::path::Path, name: &str) -> TempDir {
    let dir = TempDir::new(name);
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}
