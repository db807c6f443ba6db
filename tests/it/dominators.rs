//! The dominator-based dependency table agrees with brute-force removal, on every corpus.

use proptest::prelude::*;

use crate::support::{arb_corpus, brute_force_dependencies, corpus_dir};
use historiograph::{Corpus, Debate};

/// The dependency table and rests-only-on of `corpus` agree with brute-force removal.
pub(crate) fn assert_agrees(corpus: Corpus) {
    let expected = brute_force_dependencies(&corpus);
    let debate = Debate::new(corpus);
    assert_eq!(debate.dependency_table(), expected);
    for (doc, claims) in &expected {
        let rests: Vec<historiograph::Id> = debate
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn agrees_with_brute_force_on_random_corpora(corpus in arb_corpus()) {
        assert_agrees(corpus);
    }
}
