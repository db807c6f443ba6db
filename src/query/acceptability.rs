//! Acceptability: the debate as an abstract argumentation framework, and what discrediting
//! documents does to it.
//!
//! The translation, and why:
//!
//! - **Claims are arguments, but only grounded ones.** Support in this corpus is evidential:
//!   a claim stands on the documents that reach it through backs and supports (the evidence
//!   flow of `unsupported` and `discredit`). A claim with no documentary grounding has nothing
//!   to stand on, so it is not an argument at all: it is reported as `ungrounded`, neither
//!   attacks nor is attacked. Discrediting documents takes them out of the flow, so the claims
//!   they alone grounded become ungrounded too. No bipolar support-derived attacks (supported
//!   or secondary attacks, Cayrol and Lagasquie-Schiex) are added: support already acts through
//!   grounding, and deriving attacks from it as well would count the same evidence twice.
//! - **Contradiction is attack.** A claim that contradicts another attacks it; the attack is
//!   mutual only where the corpus lists both directions.
//! - **Documents are unattacked arguments.** Nothing in the corpus attacks a document, so each
//!   is IN under every semantics; a document that undermines a claim attacks it. A discredited
//!   document is no argument, and its attacks vanish with it.
//!
//! The framework numbers its arguments as the flow does: documents, then claims.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::corpus::id::Id;
use crate::corpus::model::Polarity;
use crate::graph::Debate;
use crate::query::{ClaimSummary, QueryError};
use crate::semantics::{Framework, Label, Semantics};

/// The acceptability of every claim under a semantics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Acceptability {
    /// The semantics.
    pub semantics: Semantics,
    /// The documents set aside, sorted.
    pub discredited: Vec<Id>,
    /// Whether the semantics has any labelling (false only for stable semantics).
    pub extensions_exist: bool,
    /// Every claim, sorted by id.
    pub claims: Vec<ClaimAcceptance>,
}

/// One claim's acceptability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimAcceptance {
    /// The claim.
    pub claim: ClaimSummary,
    /// Its status, summarizing `labels`.
    pub status: Status,
    /// The labels it takes across the labellings of the semantics (one for grounded; empty
    /// when ungrounded or when there is no labelling).
    pub labels: Vec<Label>,
    /// The ids of the attackers (claims and documents) that decide the label: when it can be
    /// OUT, the attackers that can be IN; else, when it can be UNDEC, the attackers that can be
    /// UNDEC; when it is always IN, every attacker (each is OUT). Sorted.
    pub decided_by: Vec<Id>,
}

/// The status of a claim under a semantics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// IN in every labelling: skeptically accepted.
    In,
    /// IN in some labellings and not in others: credulously accepted only.
    Credulous,
    /// OUT in every labelling.
    Out,
    /// IN in none and not OUT in all (also when there is no labelling at all).
    Undec,
    /// No document grounds it, so it is not an argument.
    Ungrounded,
}

impl Status {
    /// The status as written in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::In => "in",
            Status::Credulous => "credulous",
            Status::Out => "out",
            Status::Undec => "undec",
            Status::Ungrounded => "ungrounded",
        }
    }

    fn of(labels: &[Label]) -> Status {
        match labels {
            [Label::In] => Status::In,
            [Label::Out] => Status::Out,
            _ if labels.contains(&Label::In) => Status::Credulous,
            _ => Status::Undec,
        }
    }
}

/// A claim whose status changes when documents are set aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AcceptanceChange {
    /// The claim's id.
    pub claim: Id,
    /// Its status with every document.
    pub before: Status,
    /// Its status without the set-aside documents.
    pub after: Status,
}

impl Debate {
    /// The acceptability of every claim under `semantics` once `discredited` documents are set
    /// aside (see the module documentation for how the debate becomes a framework).
    pub fn acceptability<S: AsRef<str>>(
        &self,
        semantics: Semantics,
        discredited: &[S],
    ) -> Result<Acceptability, QueryError> {
        let n = self.flow.forward.len();
        let mut blocked = vec![false; n];
        let mut set_aside = BTreeSet::new();
        for id in discredited {
            let d = self.document_index(id.as_ref())?;
            blocked[d] = true;
            set_aside.insert(self.doc(d).id.clone());
        }
        let live = self.live_arguments(&blocked);
        let af = Framework::new(n, self.attacks(&live));
        let extensions_exist =
            semantics != Semantics::Stable || af.some_extension(semantics).is_some();
        let grounded = af.grounded();
        let labels_of = |v: u32| -> Vec<Label> {
            match semantics {
                _ if !live[v as usize] || !extensions_exist => Vec::new(),
                Semantics::Grounded => vec![grounded[v as usize]],
                _ if af.attackers(v).is_empty() => vec![Label::In],
                _ => af.labels_of(semantics, v),
            }
        };
        let labels: Vec<Vec<Label>> = (0..n as u32).map(labels_of).collect();
        let mut claims: Vec<ClaimAcceptance> = (0..self.corpus().claims.len())
            .map(|c| {
                let v = self.claim_flow(c);
                let status = if live[v as usize] {
                    Status::of(&labels[v as usize])
                } else {
                    Status::Ungrounded
                };
                ClaimAcceptance {
                    claim: ClaimSummary::of(self.claim_at(c)),
                    status,
                    decided_by: self.deciders(&af, &labels, v),
                    labels: labels[v as usize].clone(),
                }
            })
            .collect();
        claims.sort_by(|a, b| a.claim.id.cmp(&b.claim.id));
        Ok(Acceptability {
            semantics,
            discredited: set_aside.into_iter().collect(),
            extensions_exist,
            claims,
        })
    }

    /// The claims whose status under `semantics` changes when `discredited` are set aside,
    /// sorted by id.
    pub fn acceptance_changes<S: AsRef<str>>(
        &self,
        semantics: Semantics,
        discredited: &[S],
    ) -> Result<Vec<AcceptanceChange>, QueryError> {
        let after = self.acceptability(semantics, discredited)?;
        let before = self.acceptability::<&str>(semantics, &[])?;
        Ok(before
            .claims
            .iter()
            .zip(&after.claims)
            .filter(|(b, a)| b.status != a.status)
            .map(|(b, a)| AcceptanceChange {
                claim: b.claim.id.clone(),
                before: b.status,
                after: a.status,
            })
            .collect())
    }

    /// Which flow nodes are arguments: documents not set aside, and claims they ground.
    fn live_arguments(&self, blocked: &[bool]) -> Vec<bool> {
        let d = self.flow.documents;
        let mut live = self.flow.reach(0..d as u32, blocked);
        for (doc, on) in live.iter_mut().enumerate().take(d) {
            *on = !blocked[doc];
        }
        live
    }

    /// Contradictions and underminings between live arguments, as attacks.
    fn attacks(&self, live: &[bool]) -> Vec<(u32, u32)> {
        let mut attacks = Vec::new();
        for (c, claim) in self.corpus().claims.iter().enumerate() {
            let me = self.claim_flow(c);
            for target in &claim.contradicts {
                if let Ok(t) = self.claim_index(target) {
                    attacks.push((me, self.claim_flow(t)));
                }
            }
            for e in claim
                .evidence
                .iter()
                .filter(|e| e.polarity == Polarity::Undermines)
            {
                if let Ok(doc) = self.document_index(&e.document) {
                    attacks.push((self.doc_flow(doc), me));
                }
            }
        }
        attacks.retain(|&(a, b)| live[a as usize] && live[b as usize]);
        attacks
    }

    /// The attackers that decide the labels of `v` (see [`ClaimAcceptance::decided_by`]).
    fn deciders(&self, af: &Framework, labels: &[Vec<Label>], v: u32) -> Vec<Id> {
        let mine = &labels[v as usize];
        let wanted = if mine.contains(&Label::Out) {
            Some(Label::In)
        } else if mine.contains(&Label::Undec) {
            Some(Label::Undec)
        } else if mine.is_empty() {
            return Vec::new();
        } else {
            None
        };
        let mut ids: Vec<Id> = af
            .attackers(v)
            .iter()
            .filter(|&&b| wanted.map_or(true, |l| labels[b as usize].contains(&l)))
            .map(|&b| self.flow_id(b).clone())
            .collect();
        ids.sort();
        ids
    }
}
