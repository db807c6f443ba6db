//! The dominator-based dependency table agrees with brute-force removal, on every corpus.

use proptest::prelude::*;

use crate::support::{brute_force_dependencies, corpus_dir, from_yaml};
use historiograph::{Corpus, Debate};

/// The dependency table and rests-only-on of `corpus` agree with brute-force removal.
pub(crate) fn assert_agrees(corpus: Corpus) {
    let expected = brute_force_dependencies(&corpus);
    let debate = Debate::new(corpus);
    assert_eq!(debate.dependency_table(), expected);
    for (doc, claims) in &expected {
        let rests: Vec<String> = debate
            .rests_only_on(doc)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(&rests, claims, "rests-only-on {doc}");
    }
}

#[test]
fn agrees_with_brute_force_on_the_test_corpora() {
    for entry in std::fs::read_dir(corpus_dir("")).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(corpus) = Corpus::load(&path) {
            assert_agrees(corpus);
        }
    }
}

#[test]
fn agrees_with_brute_force_on_the_bundled_corpus() {
    assert_agrees(Corpus::bundled());
}

/// A random corpus: `docs` documents, claims with random backing and support edges.
fn random_corpus(
    docs: usize,
    claims: usize,
    backs: &[(usize, usize)],
    supports: &[(usize, usize)],
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
    }
    from_yaml(&[("random.yaml", &yaml)]).unwrap_or_else(|e| panic!("{:#?}\n{yaml}", e.diagnostics))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn agrees_with_brute_force_on_random_corpora(
        docs in 1usize..6,
        claims in 1usize..14,
        backs in prop::collection::vec((0usize..6, 0usize..14), 0..16),
        supports in prop::collection::vec((0usize..14, 0usize..14), 0..24),
    ) {
        let mut seen = std::collections::BTreeSet::new();
        let backs: Vec<_> = backs.into_iter().filter(|&(d, c)| seen.insert((d % docs, c % claims))).collect();
        assert_agrees(random_corpus(docs, claims, &backs, &supports));
    }
}
