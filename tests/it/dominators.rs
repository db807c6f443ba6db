//! The dependency table (depends-on) and rests-only-on agree with brute-force removal and
//! brute-force reach, on every corpus, including random ones with linked arguments, undercuts
//! and support cycles.

use proptest::prelude::*;

use crate::support::{arb_corpus, brute_force_dependencies, brute_force_sole, corpus_dir};
use historiograph::{Corpus, Debate};

/// The dependency table and rests-only-on of `corpus` agree with brute-force removal.
pub(crate) fn assert_agrees(corpus: Corpus) {
    let expected = brute_force_dependencies(&corpus);
    let sole = brute_force_sole(&corpus);
    let debate = Debate::new(corpus);
    assert_eq!(debate.dependency_table(), expected);
    for d in &debate.corpus().documents {
        let ids = |claims: Vec<historiograph::ClaimSummary>| -> Vec<historiograph::Id> {
            claims.into_iter().map(|c| c.id).collect()
        };
        let rests = ids(debate.rests_only_on(&d.id).unwrap());
        assert_eq!(
            rests,
            sole.get(&d.id).cloned().unwrap_or_default(),
            "rests-only-on {}",
            d.id
        );
        let depends = ids(debate.depends_on(&d.id).unwrap());
        assert_eq!(
            depends,
            expected.get(&d.id).cloned().unwrap_or_default(),
            "depends-on {}",
            d.id
        );
        // Resting on a document alone is one way of depending on it.
        assert!(rests.iter().all(|c| depends.contains(c)), "{}", d.id);
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn agrees_with_brute_force_on_random_corpora(corpus in arb_corpus()) {
        assert_agrees(corpus);
    }
}
