//! The bundled corpus (Shuster 2019): valid, complete, and the headline answers pinned.
//!
//! Each snapshot was checked against the paper before it was accepted; a snapshot that records a
//! wrong answer is a bug in the corpus.

use historiograph::{Corpus, Debate, Query};

const GOTTWALD: &str = "stalin-gottwald-1950-08-27";
const KHRUSHCHEV: &str = "khrushchev-memoir";

fn debate() -> Debate {
    Debate::new(Corpus::bundled())
}

fn text(debate: &Debate, query: Query) -> String {
    let answer = query.run(debate).unwrap();
    answer
        .tables()
        .iter()
        .map(|t| t.to_markdown())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_folder_matches_the_compiled_copy() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let loaded = Corpus::load(&dir).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert_eq!(loaded.claims.len(), Corpus::bundled().claims.len());
}

#[test]
fn every_record_is_complete() {
    let corpus = Corpus::bundled();
    assert!(
        corpus.documents.len() >= 25,
        "{} documents",
        corpus.documents.len()
    );
    assert!(
        corpus.historians.len() >= 40,
        "{} historians",
        corpus.historians.len()
    );
    assert!(corpus.claims.len() >= 80, "{} claims", corpus.claims.len());
    assert!(corpus.works.len() >= 40, "{} works", corpus.works.len());
    for w in &corpus.works {
        assert!(!w.authors.is_empty() && w.year > 1900, "work {}", w.id);
    }
    for c in &corpus.claims {
        assert!(c.locator.is_some(), "claim {} has no locator", c.id);
        assert!(
            !c.proponents.is_empty() || c.attributed_to.is_some(),
            "claim {} has no proponent and is attributed to no one",
            c.id
        );
        for a in &c.arguments {
            assert!(
                !a.locator.trim().is_empty(),
                "an argument of {} has no locator",
                c.id
            );
        }
        for u in &c.undercuts {
            assert!(
                !u.locator.trim().is_empty(),
                "an undercut by {} has no locator",
                c.id
            );
        }
        assert!(c.stance.is_some(), "claim {} has no stance", c.id);
        for e in &c.evidence {
            assert!(
                !e.locator.trim().is_empty(),
                "evidence of {} has no locator",
                c.id
            );
        }
    }
    for d in &corpus.documents {
        assert!(
            !d.citation.trim().is_empty(),
            "document {} has no citation",
            d.id
        );
        assert!(d.date.start.year >= 1900, "document {} has no date", d.id);
    }
}

#[test]
fn which_claims_rest_only_on_the_gottwald_letter() {
    insta::assert_snapshot!(text(
        &debate(),
        Query::RestsOnlyOn {
            document: GOTTWALD.into()
        }
    ));
}

#[test]
fn which_claims_depend_on_khrushchevs_memoir() {
    insta::assert_snapshot!(text(
        &debate(),
        Query::DependsOn {
            document: KHRUSHCHEV.into()
        }
    ));
}

#[test]
fn which_documents_undercut_the_green_light_reading() {
    let base = debate().evidence("acheson-green-light").unwrap();
    let undercut: Vec<String> = base
        .undermined_by
        .iter()
        .map(|d| format!("{} ({}): {}", d.id, d.date, d.title))
        .collect();
    insta::assert_snapshot!(undercut.join("\n"));
}

#[test]
fn what_falls_if_the_gottwald_letter_is_discredited() {
    insta::assert_snapshot!(text(
        &debate(),
        Query::Discredit {
            documents: vec![GOTTWALD.into()],
            semantics: historiograph::Semantics::Grounded,
            grounding: historiograph::Grounding::Documentary,
        }
    ));
}

#[test]
fn which_documents_back_stalins_deference_to_shtykov() {
    insta::assert_snapshot!(text(
        &debate(),
        Query::Evidence {
            claim: "shift-stalin-deferred-to-shtykov-sca".into()
        }
    ));
}
