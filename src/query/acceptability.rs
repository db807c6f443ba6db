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
use std::sync::OnceLock;

use serde::Serialize;

use crate::corpus::id::Id;
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

/// What acceptability questions compute once per debate, on first use.
#[derive(Debug, Default)]
pub(crate) struct AcceptabilityCache {
    /// Each claim's status with every document, per semantics (indexed by
    /// `Semantics as usize`): the "before" side of every [`Debate::acceptance_changes`].
    before: [OnceLock<Vec<Status>>; 4],
    /// Every flow node as an argument, with every attack: the grounded labelling of a debate
    /// without some documents is computed on it with the dead arguments left out, rather than
    /// on a framework built for each question.
    everything: OnceLock<Framework>,
}

/// The debate as a framework once some documents are set aside: which flow nodes are
/// arguments, the framework, and its grounded labelling. The labels under other semantics are
/// computed per argument, on demand.
struct Judgement {
    semantics: Semantics,
    live: Vec<bool>,
    af: Framework,
    extensions_exist: bool,
    grounded: Vec<Label>,
}

impl Judgement {
    /// The labels flow node `v` takes across the labellings (empty when it is no argument or
    /// there is no labelling).
    fn labels(&self, v: u32) -> Vec<Label> {
        match self.semantics {
            _ if !self.live[v as usize] || !self.extensions_exist => Vec::new(),
            Semantics::Grounded => vec![self.grounded[v as usize]],
            _ if self.af.attackers(v).is_empty() => vec![Label::In],
            _ => self.af.labels_of(self.semantics, v),
        }
    }

    /// The status of flow node `v`; under grounded semantics without allocating.
    fn status(&self, v: u32) -> Status {
        match self.semantics {
            _ if !self.live[v as usize] => Status::Ungrounded,
            Semantics::Grounded => Status::of(std::slice::from_ref(&self.grounded[v as usize])),
            _ => Status::of(&self.labels(v)),
        }
    }
}

impl Debate {
    /// The acceptability of every claim under `semantics` once `discredited` documents are set
    /// aside (see the module documentation for how the debate becomes a framework).
    pub fn acceptability<S: AsRef<str>>(
        &self,
        semantics: Semantics,
        discredited: &[S],
    ) -> Result<Acceptability, QueryError> {
        let (blocked, set_aside) = self.set_aside(discredited)?;
        let judged = self.judge(semantics, &blocked);
        let n = self.flow.forward.len();
        let labels: Vec<Vec<Label>> = (0..n as u32).map(|v| judged.labels(v)).collect();
        let mut claims: Vec<ClaimAcceptance> = (0..self.corpus().claims.len())
            .map(|c| {
                let v = self.claim_flow(c);
                let status = if judged.live[v as usize] {
                    Status::of(&labels[v as usize])
                } else {
                    Status::Ungrounded
                };
                ClaimAcceptance {
                    claim: ClaimSummary::of(self.claim_at(c)),
                    status,
                    decided_by: self.deciders(&judged.af, &labels, v),
                    labels: labels[v as usize].clone(),
                }
            })
            .collect();
        claims.sort_by(|a, b| a.claim.id.cmp(&b.claim.id));
        Ok(Acceptability {
            semantics,
            discredited: set_aside.into_iter().collect(),
            extensions_exist: judged.extensions_exist,
            claims,
        })
    }

    /// The claims whose status under `semantics` changes when `discredited` are set aside,
    /// sorted by id.
    ///
    /// The statuses with every document are computed once per debate and semantics; each call
    /// judges the debate without the set-aside documents and compares, claim by claim.
    pub fn acceptance_changes<S: AsRef<str>>(
        &self,
        semantics: Semantics,
        discredited: &[S],
    ) -> Result<Vec<AcceptanceChange>, QueryError> {
        let (blocked, _) = self.set_aside(discredited)?;
        Ok(self.changes(semantics, &self.statuses(semantics, &blocked)))
    }

    /// The claims whose status differs between `after` and the statuses with every document,
    /// sorted by id.
    pub(crate) fn changes(&self, semantics: Semantics, after: &[Status]) -> Vec<AcceptanceChange> {
        let before = self.statuses_with_every_document(semantics);
        let mut changes: Vec<AcceptanceChange> = (0..before.len())
            .filter(|&c| before[c] != after[c])
            .map(|c| AcceptanceChange {
                claim: self.claim_at(c).id.clone(),
                before: before[c],
                after: after[c],
            })
            .collect();
        changes.sort_by(|a, b| a.claim.cmp(&b.claim));
        changes
    }

    /// Each claim's status under `semantics` with every document, by claim index (cached).
    pub(crate) fn statuses_with_every_document(&self, semantics: Semantics) -> &[Status] {
        self.acceptability.before[semantics as usize]
            .get_or_init(|| self.statuses(semantics, &vec![false; self.flow.forward.len()]))
    }

    /// Each claim's status under `semantics` with the `blocked` documents set aside, by claim
    /// index.
    pub(crate) fn statuses(&self, semantics: Semantics, blocked: &[bool]) -> Vec<Status> {
        if semantics == Semantics::Grounded {
            return self.grounded_statuses(blocked);
        }
        let judged = self.judge(semantics, blocked);
        (0..self.corpus().claims.len())
            .map(|c| judged.status(self.claim_flow(c)))
            .collect()
    }

    /// [`Debate::statuses`] under grounded semantics: the labelling of the whole framework
    /// (built once) among the live arguments.
    fn grounded_statuses(&self, blocked: &[bool]) -> Vec<Status> {
        let live = self.live_arguments(blocked);
        let everything = self.acceptability.everything.get_or_init(|| {
            Framework::new(self.flow.forward.len(), self.flow.attacks.iter().copied())
        });
        let labels = everything.grounded_among(&live);
        (0..self.corpus().claims.len())
            .map(|c| match self.claim_flow(c) as usize {
                v if live[v] => Status::of(std::slice::from_ref(&labels[v])),
                _ => Status::Ungrounded,
            })
            .collect()
    }

    /// The flow nodes of the `discredited` documents, marked, and their ids, sorted.
    pub(crate) fn set_aside<S: AsRef<str>>(
        &self,
        discredited: &[S],
    ) -> Result<(Vec<bool>, BTreeSet<Id>), QueryError> {
        let mut blocked = vec![false; self.flow.forward.len()];
        let mut ids = BTreeSet::new();
        for id in discredited {
            let d = self.document_index(id.as_ref())?;
            blocked[self.doc_flow(d) as usize] = true;
            ids.insert(self.doc(d).id.clone());
        }
        Ok((blocked, ids))
    }

    /// The debate as a framework without the `blocked` documents.
    fn judge(&self, semantics: Semantics, blocked: &[bool]) -> Judgement {
        let live = self.live_arguments(blocked);
        let attacks = self
            .flow
            .attacks
            .iter()
            .copied()
            .filter(|&(a, b)| live[a as usize] && live[b as usize]);
        let af = Framework::new(self.flow.forward.len(), attacks);
        let extensions_exist =
            semantics != Semantics::Stable || af.some_extension(semantics).is_some();
        let grounded = af.grounded();
        Judgement {
            semantics,
            live,
            af,
            extensions_exist,
            grounded,
        }
    }

    /// Which flow nodes are arguments: documents not set aside, and claims they ground.
    pub(crate) fn live_arguments(&self, blocked: &[bool]) -> Vec<bool> {
        let d = self.flow.documents;
        let mut live = self.flow.reach(0..d as u32, blocked);
        for (doc, on) in live.iter_mut().enumerate().take(d) {
            *on = !blocked[doc];
        }
        live
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
