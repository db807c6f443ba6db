//! Each question on the hand-made debate in `tests/corpora/debate/`.

use crate::support::{debate, ids};
use historiograph::QueryError;

#[test]
fn rests_only_on_finds_single_document_claims_through_support() {
    let d = debate("debate");
    assert_eq!(ids(&d.rests_only_on("letter").unwrap()), ["only-letter"]);
    // the diamond: top is reached twice, both times from the telegram
    assert_eq!(
        ids(&d.rests_only_on("telegram").unwrap()),
        ["left", "right", "top"]
    );
    // downstream is grounded only through orthodox-plan, which rests on the memoir
    assert_eq!(
        ids(&d.rests_only_on("memoir").unwrap()),
        ["downstream", "orthodox-plan"]
    );
    assert!(d.rests_only_on("record").unwrap().is_empty());
}

#[test]
fn depends_on_matches_rests_only_on_and_ignores_two_source_claims() {
    let d = debate("debate");
    for doc in ["letter", "memoir", "telegram", "record", "speech"] {
        let rests = d.rests_only_on(doc).unwrap();
        let depends = d.depends_on(doc).unwrap();
        for c in &rests {
            assert!(
                depends.contains(c),
                "{} rests only on {doc} but does not depend on it",
                c.id
            );
        }
    }
    assert_eq!(
        ids(&d.depends_on("telegram").unwrap()),
        ["left", "right", "top"]
    );
    assert!(d.depends_on("speech").unwrap().is_empty());
}

#[test]
fn evidence_lists_one_shortest_path_per_document() {
    let d = debate("debate");
    let base = d.evidence("top").unwrap();
    assert_eq!(base.routes.len(), 1);
    let route = &base.routes[0];
    assert_eq!(route.document.id, "telegram");
    assert_eq!(route.length, 2);
    // breadth-first over sorted rows: the left branch is found first
    assert_eq!(route.path, ["telegram", "left", "top"]);

    let base = d.evidence("orthodox-plan").unwrap();
    let docs: Vec<_> = base.routes.iter().map(|r| r.document.id.as_str()).collect();
    assert_eq!(docs, ["memoir"]);
    assert_eq!(base.undermined_by.len(), 1);
    assert_eq!(base.undermined_by[0].id, "record");
}

#[test]
fn discredit_reports_fallen_claims_with_the_documents_responsible() {
    let d = debate("debate");
    assert!(d.discredit(&["record"]).unwrap().fallen.is_empty());
    let both = d.discredit(&["speech", "record"]).unwrap();
    assert_eq!(both.fallen.len(), 1);
    assert_eq!(both.fallen[0].claim.id, "two-sources");
    assert_eq!(both.fallen[0].because, ["record", "speech"]);
    let set_aside: Vec<_> = both.set_aside.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(set_aside, ["record", "speech"]);

    let memoir = d.discredit(&["memoir"]).unwrap();
    let fallen: Vec<_> = memoir.fallen.iter().map(|f| f.claim.id.as_str()).collect();
    assert_eq!(fallen, ["downstream", "orthodox-plan"]);
}

#[test]
fn unsupported_includes_support_cycles() {
    let d = debate("debate");
    assert_eq!(ids(&d.unsupported()), ["circle-a", "circle-b"]);
}

#[test]
fn contested_shows_both_sides() {
    let d = debate("debate");
    let contested = d.contested();
    let names: Vec<_> = contested.iter().map(|c| c.claim.id.as_str()).collect();
    assert_eq!(names, ["only-letter", "orthodox-plan", "top"]);
    let plan = &contested[1];
    assert_eq!(plan.for_side.historians, ["gamma"]);
    assert_eq!(plan.for_side.documents[0].id, "memoir");
    assert_eq!(ids(&plan.against.claims), ["top"]);
    assert_eq!(plan.against.historians, ["alpha"]);
    assert_eq!(plan.against.documents[0].id, "record");
}

#[test]
fn conflicts_count_contradictions_school_by_school() {
    let d = debate("debate");
    let m = d.conflicts();
    assert_eq!(
        m.schools,
        ["-", "orthodox", "post-revisionist", "revisionist"]
    );
    let at = |a: &str, b: &str| {
        let i = m.schools.iter().position(|s| s == a).unwrap();
        let j = m.schools.iter().position(|s| s == b).unwrap();
        m.matrix[i][j]
    };
    assert_eq!(at("orthodox", "post-revisionist"), 1);
    assert_eq!(at("post-revisionist", "orthodox"), 1);
    assert_eq!(at("-", "revisionist"), 1);
    assert_eq!(at("orthodox", "orthodox"), 0);
    assert_eq!(m.conflicts.len(), 3);
}

#[test]
fn source_criticism_finds_late_and_outward_facing_grounds() {
    let d = debate("debate");
    let c = d.source_criticism();
    let late: Vec<_> = c.only_late.iter().map(|f| f.claim.id.as_str()).collect();
    assert_eq!(late, ["downstream", "only-letter", "orthodox-plan"]);
    let outside: Vec<_> = c.only_outside.iter().map(|f| f.claim.id.as_str()).collect();
    assert_eq!(outside, ["downstream", "only-letter", "orthodox-plan"]);
}

#[test]
fn unknown_and_wrong_kind_ids_are_errors_with_suggestions() {
    let d = debate("debate");
    match d.rests_only_on("leter") {
        Err(QueryError::UnknownId { suggestion, .. }) => {
            assert_eq!(suggestion.as_deref(), Some("letter"))
        }
        other => panic!("expected an unknown id, got {other:?}"),
    }
    let e = d.evidence("letter").unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected a claim, found the document `letter`"
    );
    let e = d.discredit(&["letter", "nope"]).unwrap_err();
    assert_eq!(e.to_string(), "unknown document `nope`");
}

#[test]
fn the_graph_has_every_relation() {
    use historiograph::Relation;
    let d = debate("debate");
    let g = d.graph();
    let count = |r: Relation| g.edge_weights().filter(|&&w| w == r).count();
    assert_eq!(count(Relation::Backs), 6);
    assert_eq!(count(Relation::Undermines), 1);
    assert_eq!(count(Relation::Supports), 5);
    assert_eq!(count(Relation::Contradicts), 3);
    assert_eq!(count(Relation::AdvancedBy), 9);
    assert_eq!(g.node_count(), 5 + 9 + 3);
}

#[test]
fn a_corpus_edited_in_code_is_checked_before_the_graph_is_built() {
    let mut corpus = debate("debate").corpus().clone();
    corpus.claims[0].supports.push("no-such-claim".into());
    let e = historiograph::Debate::try_new(corpus).unwrap_err();
    assert_eq!(
        e.diagnostics[0].message,
        "unknown claim `no-such-claim` in `supports` of claim `only-letter`"
    );
}

/// In the linked-arguments corpus, `deference` stands on one argument whose premises need the
/// telegram and the directive: it depends on each, and rests only on neither.
#[test]
fn depends_on_and_rests_only_on_part_ways_at_a_linked_argument() {
    let d = debate("linked-arguments");
    let depends = d.depends_on("telegram").unwrap();
    let rests = d.rests_only_on("telegram").unwrap();
    assert_eq!(
        ids(&depends),
        ["deference", "memoir-self-serving", "reports"]
    );
    assert_eq!(ids(&rests), ["memoir-self-serving", "reports"]);
    assert_eq!(
        ids(&d.depends_on("directive").unwrap()),
        ["deference", "instructive-tone"]
    );
    assert_eq!(
        ids(&d.rests_only_on("directive").unwrap()),
        ["instructive-tone"]
    );
    // The argument shows as one step with both branches.
    let base = d.evidence("deference").unwrap();
    assert_eq!(base.routes.len(), 2);
    assert_eq!(base.arguments.len(), 1);
    let premises: Vec<&str> = base.arguments[0]
        .premises
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(premises, ["reports", "instructive-tone"]);
    // Setting the directive aside takes the argument, and the claim, with it.
    let discredit = d.discredit(&["directive"]).unwrap();
    let fallen: Vec<&str> = (discredit.fallen.iter())
        .map(|f| f.claim.id.as_str())
        .collect();
    assert_eq!(fallen, ["deference", "instructive-tone"]);
}

/// The undercut letter grounds `trap` structurally, but not under acceptance: `trap` is OUT,
/// and says why; with documents only, the critic has no ground and `trap` stands.
#[test]
fn an_undercut_document_grounds_nothing_while_its_critic_stands() {
    use historiograph::{Grounding, Semantics, Status};
    let d = debate("linked-arguments");
    assert_eq!(ids(&d.rests_only_on("letter").unwrap()), ["trap"]);
    let status = |grounding| {
        let a = d
            .acceptability_in(Semantics::Grounded, grounding, &[])
            .unwrap();
        let c = a.claims.into_iter().find(|c| c.claim.id == "trap").unwrap();
        (c.status, c.undercut)
    };
    let (scholarly, undercut) = status(Grounding::Scholarly);
    assert_eq!(scholarly, Status::Out);
    assert_eq!(undercut.len(), 1);
    assert_eq!(undercut[0].source.as_str(), "letter");
    assert_eq!(undercut[0].by, ["letter-unreliable"]);
    assert_eq!(status(Grounding::Documentary).0, Status::In);
    // The memoir's link to `kims-war` is undercut: the claim falls, the memoir's credibility
    // elsewhere is untouched.
    let a = d.acceptability(Semantics::Grounded, &[]).unwrap();
    let kims_war = a.claims.iter().find(|c| c.claim.id == "kims-war").unwrap();
    assert_eq!(kims_war.status, Status::Out);
}

/// An unknown id is matched against every kind of record by its words: the README's own phrase
/// `gottwald-letter` finds the letter; `kim` a record whose id starts so, not a short id one
/// edit away.
#[test]
fn suggestions_search_every_record_by_prefix_and_words() {
    let d = historiograph::Debate::new(historiograph::Corpus::bundled());
    let suggestion = |r: Result<Vec<historiograph::ClaimSummary>, QueryError>| match r {
        Err(QueryError::UnknownId { suggestion, .. }) => suggestion,
        other => panic!("expected an unknown id, got {other:?}"),
    };
    assert_eq!(
        suggestion(d.rests_only_on("gottwald-letter")).as_deref(),
        Some("stalin-gottwald-1950-08-27")
    );
    let out = assert_cmd::Command::cargo_bin("historiograph")
        .unwrap()
        .args(["show", "kim"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("did you mean `kim-"), "{stderr}");
}

#[test]
fn find_ranks_records_by_their_words() {
    let out = assert_cmd::Command::cargo_bin("historiograph")
        .unwrap()
        .args(["find", "gottwald", "letter", "--limit", "2"])
        .assert()
        .code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.starts_with("7 records matching `gottwald letter`, the best 2 shown\n"),
        "{stdout}"
    );
    let first = stdout.lines().nth(3).unwrap();
    assert!(
        first.starts_with("  document  stalin-gottwald-1950-08-27"),
        "{stdout}"
    );
    let d = historiograph::Debate::new(historiograph::Corpus::bundled());
    let found = d.find("1950-01-12");
    assert_eq!(found[0].id, "acheson-press-club-1950-01-12");
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
}
