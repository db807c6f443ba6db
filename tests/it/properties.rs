//! Invariants of the questions, over random corpora (the generator is `support::arb_corpus`;
//! depends-on against brute-force removal is in `dominators.rs`).

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::support::{arb_corpus, grounded};
use historiograph::{Corpus, Debate, Id};

fn claim_ids(claims: Vec<historiograph::ClaimSummary>) -> BTreeSet<Id> {
    claims.into_iter().map(|c| c.id).collect()
}

/// The claims still grounded once `set_aside` (indices into the documents) is set aside.
fn grounded_after(debate: &Debate, set_aside: &BTreeSet<usize>) -> BTreeSet<Id> {
    let corpus = debate.corpus();
    let ids: Vec<&str> = set_aside
        .iter()
        .map(|&d| corpus.documents[d].id.as_str())
        .collect();
    let fallen: BTreeSet<Id> = debate
        .discredit(&ids)
        .unwrap()
        .fallen
        .into_iter()
        .map(|f| f.claim.id)
        .collect();
    let all: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    grounded(corpus, &all)
        .difference(&fallen)
        .cloned()
        .collect()
}

/// Document indices from arbitrary numbers.
fn documents(corpus: &Corpus, picks: &[usize]) -> BTreeSet<usize> {
    picks.iter().map(|p| p % corpus.documents.len()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A claim whose evidence base is exactly one document loses all grounding without it.
    #[test]
    fn rests_only_on_is_within_depends_on(corpus in arb_corpus()) {
        let debate = Debate::new(corpus);
        for d in &debate.corpus().documents {
            let rests = claim_ids(debate.rests_only_on(&d.id).unwrap());
            let depends = claim_ids(debate.depends_on(&d.id).unwrap());
            prop_assert!(rests.is_subset(&depends), "{}: {rests:?} not within {depends:?}", d.id);
        }
    }

    /// Setting aside more documents never grounds more claims, and what stays grounded is what a
    /// brute-force search from the remaining documents reaches.
    #[test]
    fn discrediting_more_never_grounds_more(
        corpus in arb_corpus(),
        some in prop::collection::vec(0usize..6, 0..4),
        more in prop::collection::vec(0usize..6, 0..4),
    ) {
        let a = documents(&corpus, &some);
        let b: BTreeSet<usize> = a.union(&documents(&corpus, &more)).copied().collect();
        let debate = Debate::new(corpus);
        let after_a = grounded_after(&debate, &a);
        let after_b = grounded_after(&debate, &b);
        prop_assert!(after_b.is_subset(&after_a), "{b:?} grounds {after_b:?}, {a:?} only {after_a:?}");
        let corpus = debate.corpus();
        let remaining: Vec<&str> = (0..corpus.documents.len())
            .filter(|d| !b.contains(d))
            .map(|d| corpus.documents[d].id.as_str())
            .collect();
        prop_assert_eq!(after_b, grounded(corpus, &remaining));
    }
}
