//! Source criticism: claims whose grounding is only late or only outward-facing documents, and
//! the sources that claims undercut.

use serde::Serialize;

use std::collections::BTreeMap;

use crate::corpus::id::Id;
use crate::corpus::model::UndercutTarget;
use crate::graph::Debate;
use crate::query::{ClaimSummary, DocumentSummary};

/// The answer to `criticism`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceCriticism {
    /// Grounded claims every one of whose documents was written after the period the claim is
    /// about (or is a memoir, when the claim has no period).
    pub only_late: Vec<SourceFlaw>,
    /// Grounded claims every one of whose documents was written for an outside audience.
    pub only_outside: Vec<SourceFlaw>,
    /// The documents, works, evidence links and linked arguments that claims undercut, sorted.
    pub undercut: Vec<Criticised>,
}

/// A source, evidence link or argument that claims undercut.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Criticised {
    /// The document or work id, `DOCUMENT→CLAIM` for one evidence link, or the argument's id.
    pub source: Id,
    /// `document`, `work`, `link` or `argument`.
    pub kind: &'static str,
    /// The claims that undercut it, with where the source makes each criticism, sorted.
    pub by: Vec<Critic>,
    /// The claims that stand on it alone: for a document, those resting only on it; for a link
    /// or an argument, the claim it supports. Sorted.
    pub resting: Vec<Id>,
}

/// A claim that undercuts a source, and where the encoded source says so.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Critic {
    /// The undercutting claim.
    pub claim: ClaimSummary,
    /// Where the criticism is made.
    pub locator: String,
}

/// A claim and the documents it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceFlaw {
    /// The claim.
    pub claim: ClaimSummary,
    /// Its whole evidence base.
    pub documents: Vec<DocumentSummary>,
}

pub(crate) fn source_criticism(debate: &Debate) -> SourceCriticism {
    let mut only_late = Vec::new();
    let mut only_outside = Vec::new();
    let mut next = vec![u32::MAX; debate.flow.forward.len()];
    for (i, claim) in debate.corpus().claims.iter().enumerate() {
        let base = debate.evidence_at(i, &mut next);
        if base.routes.is_empty() {
            continue;
        }
        let docs: Vec<_> = base
            .routes
            .iter()
            .filter_map(|r| debate.document(&r.document.id))
            .collect();
        let flaw = || SourceFlaw {
            claim: base.claim.clone(),
            documents: base.routes.iter().map(|r| r.document.clone()).collect(),
        };
        if docs.iter().all(|d| Debate::is_late(d, claim)) {
            only_late.push(flaw());
        }
        if docs.iter().all(|d| Debate::is_outside(d)) {
            only_outside.push(flaw());
        }
    }
    only_late.sort_by(|a, b| a.claim.id.cmp(&b.claim.id));
    only_outside.sort_by(|a, b| a.claim.id.cmp(&b.claim.id));
    SourceCriticism {
        only_late,
        only_outside,
        undercut: undercut(debate),
    }
}

/// Every undercut target with its critics and what stands on it alone.
fn undercut(debate: &Debate) -> Vec<Criticised> {
    let corpus = debate.corpus();
    // By target and kind: the critics, and what stands on the target alone.
    type Found = BTreeMap<(Id, &'static str), (Vec<Critic>, Vec<Id>)>;
    let mut found: Found = BTreeMap::new();
    for critic in &corpus.claims {
        for u in &critic.undercuts {
            let (source, kind, resting): (Id, _, Vec<Id>) = match &u.target {
                UndercutTarget::Document(d) => {
                    let alone = debate.rests_only_on(d).unwrap_or_default();
                    (
                        d.clone(),
                        "document",
                        alone.into_iter().map(|c| c.id).collect(),
                    )
                }
                UndercutTarget::Work(w) => (w.clone(), "work", Vec::new()),
                UndercutTarget::Evidence { document, claim } => {
                    let link = Id::from(format!("{document}→{claim}"));
                    (link, "link", vec![claim.clone()])
                }
                UndercutTarget::Argument(a) => {
                    let conclusion = corpus
                        .claims
                        .iter()
                        .find(|c| c.arguments.iter().any(|x| x.id.as_ref() == Some(a)));
                    (
                        a.clone(),
                        "argument",
                        conclusion.map(|c| c.id.clone()).into_iter().collect(),
                    )
                }
            };
            let entry = found.entry((source, kind)).or_default();
            entry.0.push(Critic {
                claim: debate.summary(critic),
                locator: u.locator.to_string(),
            });
            entry.1 = resting;
        }
    }
    found
        .into_iter()
        .map(|((source, kind), (mut by, resting))| {
            by.sort();
            Criticised {
                source,
                kind,
                by,
                resting,
            }
        })
        .collect()
}
