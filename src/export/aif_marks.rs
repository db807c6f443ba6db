//! The marks that make our own AIF lossless: each I-node and participant carries its record
//! whole under the `historiograph` key (AIF allows extra keys, and other tools ignore them),
//! and each node made from the records is marked `{"derived": …}`. `import aif` reads the
//! marks back (see `interchange::aif::marks`).
//!
//! A record's references to records outside the export (a neighbourhood) are left out of its
//! mark, so that the import is a valid corpus; the whole debate comes back as it was.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{json, Value};

use crate::corpus::model::{Claim, Historian, UndercutTarget};
use crate::corpus::Corpus;
use crate::graph::{Debate, Node};

use super::Picture;

/// The mark of a node made from the records rather than being one: `what` it stands for.
pub(super) fn derived(what: &str) -> Value {
    json!({ "derived": what })
}

#[allow(
    clippy::expect_used,
    reason = "the records are plain data with string keys, which serde_json always serializes"
)]
fn to_value(record: &impl Serialize) -> Value {
    serde_json::to_value(record).expect("records serialize to JSON")
}

/// The ids a marked record may refer to: the picture's claims, documents, works and
/// inferences, and the historians exported as participants.
pub(super) struct Kept<'d> {
    ids: BTreeSet<&'d str>,
}

impl<'d> Kept<'d> {
    fn has(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The mark of an I-node: `{"claim": …}`, `{"document": …}` or `{"work": …}`.
    pub(super) fn record(&self, corpus: &Corpus, node: Node) -> Option<Value> {
        Some(match node {
            Node::Claim(i) => json!({ "claim": to_value(&self.claim(&corpus.claims[i])) }),
            Node::Document(i) => {
                json!({ "document": to_value(&corpus.documents[i]) })
            }
            Node::Work(i) => json!({ "work": to_value(&corpus.works[i]) }),
            Node::Historian(_) | Node::Inference(_) => return None,
        })
    }

    fn claim(&self, claim: &Claim) -> Claim {
        let mut claim = claim.clone();
        claim.evidence.retain(|e| self.has(&e.document));
        for e in &mut claim.evidence {
            if e.cited_as.as_deref().is_some_and(|d| !self.has(d)) {
                e.cited_as = None;
            }
        }
        claim.supports.retain(|c| self.has(c));
        claim.contradicts.retain(|c| self.has(c));
        claim.cites.retain(|c| self.has(&c.work));
        claim
            .arguments
            .retain(|a| a.premises.iter().all(|p| self.has(p)));
        for a in &mut claim.arguments {
            a.cites.retain(|c| self.has(&c.work));
        }
        claim.undercuts.retain(|u| match &u.target {
            UndercutTarget::Document(id) | UndercutTarget::Work(id) => self.has(id),
            UndercutTarget::Argument(id) => self.has(id),
            UndercutTarget::Evidence { document, claim } => self.has(document) && self.has(claim),
        });
        claim
    }
}

/// The historians an export names as participants: those in the picture, those its records
/// refer to, and every historian when the picture holds every claim, document and work (so
/// that historians with no claims come back too). Sorted by id.
pub(super) fn participants<'d>(debate: &'d Debate, picture: &Picture<'d>) -> Vec<&'d Historian> {
    let corpus = debate.corpus();
    let records = picture
        .items
        .iter()
        .filter(|i| matches!(i.node, Node::Claim(_) | Node::Document(_) | Node::Work(_)))
        .count();
    let whole = records == corpus.claims.len() + corpus.documents.len() + corpus.works.len();
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for item in &picture.items {
        match item.node {
            Node::Historian(i) => {
                ids.insert(&corpus.historians[i].id);
            }
            Node::Claim(i) => {
                let claim = &corpus.claims[i];
                ids.extend(claim.proponents.iter().map(|p| p.as_str()));
                let quoted = claim.evidence.iter().filter_map(|e| e.quote_by.as_deref());
                ids.extend(quoted);
            }
            Node::Document(i) => {
                let document = &corpus.documents[i];
                ids.extend(document.known_through.as_deref());
                let by = document.reliability.iter().flat_map(|r| r.by.iter());
                ids.extend(by.map(|h| h.as_str()));
            }
            Node::Work(i) => ids.extend(corpus.works[i].authors.iter().map(|a| a.as_str())),
            Node::Inference(_) => {}
        }
    }
    let mut out: Vec<&Historian> = corpus
        .historians
        .iter()
        .filter(|h| whole || ids.contains(h.id.as_str()))
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The ids a mark may keep, for the picture and its participants.
pub(super) fn kept<'d>(picture: &Picture<'d>, participants: &[&'d Historian]) -> Kept<'d> {
    let mut ids: BTreeSet<&str> = picture.items.iter().map(|i| i.id).collect();
    ids.extend(participants.iter().map(|h| h.id.as_str()));
    Kept { ids }
}

/// The mark of a participant: `{"historian": …}`.
pub(super) fn historian(historian: &Historian) -> Value {
    json!({ "historian": to_value(historian) })
}

/// The mark of the nodeset: the corpus's own schools, if it declares any.
pub(super) fn nodeset(corpus: &Corpus) -> Option<Value> {
    let own: Vec<Value> = corpus
        .schools
        .iter()
        .skip(crate::School::BUILT_IN.len())
        .map(to_value)
        .collect();
    (!own.is_empty()).then(|| json!({ "schools": own }))
}
