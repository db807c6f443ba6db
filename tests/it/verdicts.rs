//! The bundled corpus against the paper it encodes: every quotation is the paper's text, the
//! graph reaches the paper's own verdicts, and linked arguments make depends-on and
//! rests-only-on differ.

use historiograph::{Corpus, Debate, Grounding, Semantics, Stance, Status};

use crate::support::shared_source;

const PAPER: &str = "shuster-2019-stalins-foreign-policy-shift.txt";

/// Whitespace runs as one space, and typographic quotes and apostrophes as plain ones: the
/// only differences a quotation may have from the paper's text.
fn normalised(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
            c => c,
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[cfg_attr(
    not(shared_sources),
    ignore = "needs ../shared/sources (or HISTORIOGRAPH_SHARED_SOURCES)"
)]
fn every_quote_is_the_papers_text() {
    let Some(path) = shared_source(PAPER) else {
        return;
    };
    let paper = normalised(&std::fs::read_to_string(path).unwrap());
    let corpus = Corpus::bundled();
    let mut quotes = 0;
    let mut wrong = Vec::new();
    for c in &corpus.claims {
        for e in &c.evidence {
            if let Some(q) = &e.quote {
                quotes += 1;
                if !paper.contains(&normalised(q)) {
                    wrong.push(format!("{} / {}: {q:?}", c.id, e.document));
                }
            }
        }
    }
    assert!(quotes >= 20, "only {quotes} quotations");
    assert!(
        wrong.is_empty(),
        "quotations not in the paper:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_quote_that_is_not_the_papers_text_is_caught() {
    let paper = normalised("Stalin “did not outline”   his rationale.");
    assert!(paper.contains(&normalised("did not outline\" his")));
    assert!(!paper.contains(&normalised("did not explain")));
}

/// Endorsed claims IN, rejected claims OUT (defeated, not merely ungrounded), computed here
/// from the statuses and the stances.
#[test]
fn the_graph_reaches_the_papers_verdicts() {
    let debate = Debate::new(Corpus::bundled());
    let a = debate
        .acceptability_in(Semantics::Grounded, Grounding::Scholarly, &[])
        .unwrap();
    let mut judged = 0;
    let mut agree = 0;
    for c in &a.claims {
        let wanted = match c.claim.stance {
            Some(Stance::Endorses) => Status::In,
            Some(Stance::Rejects) => Status::Out,
            _ => continue,
        };
        judged += 1;
        agree += usize::from(c.status == wanted);
    }
    assert!(judged >= 140, "{judged} claims judged");
    let share = agree as f64 / judged as f64;
    assert!(
        share >= 0.90,
        "{agree} of {judged} agree ({:.1}%)",
        100.0 * share
    );
    // The library's own summary counts the same.
    let v = debate
        .verdicts(Semantics::Grounded, Grounding::Scholarly)
        .unwrap();
    assert_eq!((v.agree, v.judged), (agree, judged));
}

#[test]
fn some_document_of_the_paper_is_depended_on_without_being_rested_on_alone() {
    let debate = Debate::new(Corpus::bundled());
    let differ: Vec<&str> = (debate.corpus().documents.iter())
        .filter(|d| debate.depends_on(&d.id).unwrap() != debate.rests_only_on(&d.id).unwrap())
        .map(|d| d.id.as_str())
        .collect();
    assert!(differ.contains(&"stalin-kim-1949-03-05"), "{differ:?}");
}

/// The Gottwald letter backs claims, but the paper's source criticism undercuts it: the claims
/// that stood on it alone are defeated, and say why.
#[test]
fn the_undercut_gottwald_letter_grounds_nothing_that_stands() {
    let debate = Debate::new(Corpus::bundled());
    let a = debate.acceptability(Semantics::Grounded, &[]).unwrap();
    let diversion = a
        .claims
        .iter()
        .find(|c| c.claim.id == "shift-uncertain-partners-diversion")
        .unwrap();
    assert_eq!(diversion.status, Status::Out);
    let trap = a
        .claims
        .iter()
        .find(|c| c.claim.id == "gottwald-letter-trap")
        .unwrap();
    assert_eq!(trap.status, Status::Out);
    let undercut: Vec<&str> = trap.undercut.iter().map(|u| u.source.as_str()).collect();
    assert_eq!(undercut, ["stalin-gottwald-1950-08-27"]);
}
