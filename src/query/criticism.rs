//! Source criticism: claims whose grounding is only late or only outward-facing documents.

use serde::Serialize;

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
    }
}
