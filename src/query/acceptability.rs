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
    /// Which flow nodes the documents reach: with every document, the claims that are
    /// arguments.
    grounded: OnceLock<Vec<bool>>,
    /// Every flow node as an argument, with every attack: the grounded labelling with every
    /// document is computed on it with the ungrounded claims left out, and relabelled in part
    /// when documents are set aside, rather than built for each question.
    everything: OnceLock<Framework>,
    /// The grounded labelling of `everything` with every document.
    labels: OnceLock<Vec<Label>>,
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
        let (set_aside, ids) = self.set_aside(discredited)?;
        let judged = self.judge(semantics, &self.marked(&set_aside));
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
            discredited: ids.into_iter().collect(),
            extensions_exist: judged.extensions_exist,
            claims,
        })
    }

    /// The claims whose status under `semantics` changes when `discredited` are set aside,
    /// sorted by id.
    ///
    /// The statuses with every document are computed once per debate and semantics. Under
    /// grounded semantics, a question then costs what the set-aside documents reach (see
    /// [`Debate::discredit`]); under the others, each call judges the debate without the
    /// set-aside documents and compares, claim by claim.
    pub fn acceptance_changes<S: AsRef<str>>(
        &self,
        semantics: Semantics,
        discredited: &[S],
    ) -> Result<Vec<AcceptanceChange>, QueryError> {
        let (set_aside, _) = self.set_aside(discredited)?;
        let (leaving, gone) = self.leaving(&set_aside);
        Ok(self.changes(semantics, &leaving, &gone))
    }

    /// What leaves the debate with the documents `set_aside` (flow nodes, sorted): those
    /// documents, then the claims that lose their documentary grounding with them, sorted; and
    /// a flag per flow node, set for what leaves.
    pub(crate) fn leaving(&self, set_aside: &[u32]) -> (Vec<u32>, Vec<bool>) {
        let grounded = self.grounded_nodes();
        let fallen = (self.flow).fallen_without(set_aside, grounded, |v| self.flow_predecessors(v));
        let leaving = [set_aside, &fallen].concat();
        let gone = self.marked(&leaving);
        (leaving, gone)
    }

    /// Which flow nodes the documents reach, with every document (cached): the documents and
    /// the grounded claims.
    pub(crate) fn grounded_nodes(&self) -> &[bool] {
        (self.acceptability.grounded).get_or_init(|| self.flow.grounded())
    }

    /// The claims whose status under `semantics` changes when the `leaving` flow nodes leave
    /// the debate (set-aside documents and the claims that fall with them, as
    /// [`Debate::leaving`] gives them, with their flags `gone`), sorted by id.
    pub(crate) fn changes(
        &self,
        semantics: Semantics,
        leaving: &[u32],
        gone: &[bool],
    ) -> Vec<AcceptanceChange> {
        let before = self.statuses_with_every_document(semantics);
        let compare = |(c, after): (usize, Status)| {
            (before[c] != after).then(|| AcceptanceChange {
                claim: self.claim_at(c).id.clone(),
                before: before[c],
                after,
            })
        };
        let mut changes: Vec<AcceptanceChange> = if semantics == Semantics::Grounded {
            let after = self.grounded_changes(leaving, gone);
            after.into_iter().filter_map(compare).collect()
        } else {
            // Blocking the fallen claims with the documents changes nothing: they are no
            // longer reached either way.
            let after = self.statuses(semantics, gone);
            after.into_iter().enumerate().filter_map(compare).collect()
        };
        changes.sort_by(|a, b| a.claim.cmp(&b.claim));
        changes
    }

    /// Each claim's status under `semantics` with every document, by claim index (cached).
    fn statuses_with_every_document(&self, semantics: Semantics) -> &[Status] {
        self.acceptability.before[semantics as usize].get_or_init(|| {
            if semantics == Semantics::Grounded {
                let (live, labels) = self.grounded_labels();
                let status = |v: usize| match live[v] {
                    true => Status::of(std::slice::from_ref(&labels[v])),
                    false => Status::Ungrounded,
                };
                (0..self.corpus().claims.len())
                    .map(|c| status(self.claim_flow(c) as usize))
                    .collect()
            } else {
                self.statuses(semantics, &self.marked(&[]))
            }
        })
    }

    /// Each claim's status under `semantics` with the `blocked` documents set aside, by claim
    /// index.
    fn statuses(&self, semantics: Semantics, blocked: &[bool]) -> Vec<Status> {
        let judged = self.judge(semantics, blocked);
        (0..self.corpus().claims.len())
            .map(|c| judged.status(self.claim_flow(c)))
            .collect()
    }

    /// The grounded labelling with every document (cached): which flow nodes are arguments
    /// (the documents and the claims they ground), and their labels, computed on the framework
    /// of every flow node and every attack with the other nodes left out.
    fn grounded_labels(&self) -> (&[bool], &[Label]) {
        let live = self.grounded_nodes();
        let labels =
            (self.acceptability.labels).get_or_init(|| self.everything().grounded_among(live));
        (live, labels)
    }

    /// Every flow node as an argument, with every attack (built once).
    fn everything(&self) -> &Framework {
        self.acceptability.everything.get_or_init(|| {
            Framework::new(self.flow.forward.len(), self.flow.attacks.iter().copied())
        })
    }

    /// The grounded status now of each claim whose status can change when the `leaving` flow
    /// nodes (flagged in `gone`) leave the framework, by claim index: the fallen claims among
    /// them are ungrounded, and what they reach through attacks is relabelled with everything
    /// else as it was ([`Framework::grounded_without`]).
    fn grounded_changes(&self, leaving: &[u32], gone: &[bool]) -> Vec<(usize, Status)> {
        let (live, labels) = self.grounded_labels();
        let present = |v: u32| live[v as usize] && !gone[v as usize];
        let relabelled = self.everything().grounded_without(labels, leaving, present);
        let after = (leaving.iter().map(|&v| (v, Status::Ungrounded)))
            .chain(relabelled.into_iter().map(|(v, l)| (v, Status::of(&[l]))));
        after
            .filter_map(|(v, status)| Some((self.flow_claim(v)?, status)))
            .collect()
    }

    /// The flow nodes of the `discredited` documents, sorted, and their ids, sorted.
    pub(crate) fn set_aside<S: AsRef<str>>(
        &self,
        discredited: &[S],
    ) -> Result<(Vec<u32>, BTreeSet<Id>), QueryError> {
        let mut nodes = Vec::new();
        let mut ids = BTreeSet::new();
        for id in discredited {
            let d = self.document_index(id.as_ref())?;
            nodes.push(self.doc_flow(d));
            ids.insert(self.doc(d).id.clone());
        }
        nodes.sort_unstable();
        nodes.dedup();
        Ok((nodes, ids))
    }

    /// One flag per flow node, set for the `nodes`.
    pub(crate) fn marked(&self, nodes: &[u32]) -> Vec<bool> {
        let mut marked = vec![false; self.flow.forward.len()];
        nodes.iter().for_each(|&v| marked[v as usize] = true);
        marked
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
    fn live_arguments(&self, blocked: &[bool]) -> Vec<bool> {
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
