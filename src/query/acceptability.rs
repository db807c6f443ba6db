//! Acceptability: the debate as an evidential argumentation framework, and what
//! discrediting documents does to it.
//!
//! The translation, and why:
//!
//! - **Everything in the evidence flow is an argument**: documents and works (sources that
//!   stand on their own), claims, and inferences (linked arguments, and evidence links that a
//!   claim undercuts). Documents that are set aside, works under documentary grounding, and
//!   claims that nothing could ground even if every attack failed are left out: such a claim is
//!   reported as `ungrounded`, and neither attacks nor is attacked.
//! - **Support is evidential, as ASPIC+ builds arguments from sub-arguments.** A claim stands
//!   on any one of its routes (a backing document, a cited work under scholarly grounding, a
//!   supporting claim, a linked argument); a linked argument on all of its premises. A route
//!   whose source falls no longer carries the claim: if every route falls, the claim is OUT
//!   too (in ASPIC+ terms, an attack on a sub-argument defeats every argument built on it). A
//!   circle of claims that only support each other stands only if something outside it
//!   that stands feeds it.
//! - **Contradiction is rebuttal**: a claim that contradicts another attacks it; the attack
//!   is mutual only where the corpus lists both directions. A document that undermines a claim
//!   attacks it.
//! - **Source criticism is undercutting** (ASPIC+ undermining of a premise, or undercutting of
//!   an inference): a claim that undercuts a document or a work attacks it as an argument, so
//!   while the critic stands the source grounds nothing; undercutting one evidence link or a
//!   linked argument attacks that inference alone.
//!
//! Formally this is a normal logic program (see [`crate::Evidential`]); its grounded
//! labelling is the well-founded model, computed in linear time per round. The other
//! semantics work on a Dung framework with auxiliary arguments for support, built from it
//! ([`Evidential::to_framework`]).
//!
//! A document's `reliability` rating takes no part: a `doubtful` rating is a judgement to be
//! argued, and the corpus argues it with claims that undercut the document; setting doubtful
//! documents aside wholesale is `accept --distrust doubtful`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Serialize;

use crate::corpus::id::Id;
use crate::graph::{Debate, Grounding};
use crate::query::{ClaimSummary, QueryError};
use crate::semantics::{Evidential, Label, Need, Semantics};

/// The acceptability of every claim under a semantics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Acceptability {
    /// The semantics.
    pub semantics: Semantics,
    /// Which sources ground claims.
    pub grounding: Grounding,
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
    /// UNDEC; when it is always IN, every attacker (each is OUT). When no attacker decides
    /// it, the routes of support that do: when it is OUT, every route (each is OUT); when it
    /// is UNDEC, the undecided routes. Sorted.
    pub decided_by: Vec<Id>,
    /// The sources and inferences that back the claim directly but are undercut by a claim
    /// that stands: "backs it, but its credibility is undercut by …". Sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undercut: Vec<Undercutting>,
}

/// A source or inference behind a claim whose credibility is undercut.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Undercutting {
    /// The document, work or inference.
    pub source: Id,
    /// The claims that undercut it and stand, sorted.
    pub by: Vec<Id>,
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
    /// Each claim's status with every document, per grounding and semantics (indexed by
    /// `[Grounding as usize][Semantics as usize]`): the "before" side of every
    /// [`Debate::acceptance_changes`].
    before: [[OnceLock<Vec<Status>>; 4]; 2],
    /// Which flow nodes the sources reach, per grounding, ignoring attacks: with every
    /// document, the arguments.
    grounded: [OnceLock<Vec<bool>>; 2],
    /// Every flow node as an argument, with its need, support and attacks.
    evidential: OnceLock<Evidential>,
    /// The grounded labelling of `evidential` with every document, per grounding, and the
    /// order in which its labels were decided.
    labels: [OnceLock<(Vec<Label>, Vec<u32>)>; 2],
}

/// The debate as a framework once some documents are set aside: which flow nodes are
/// arguments, their grounded labelling, and for the other semantics the labels every argument
/// of the Dung framework takes, computed for all of them at once.
struct Judgement {
    live: Vec<bool>,
    grounded: Vec<Label>,
    labels: Option<Vec<Vec<Label>>>,
    extensions_exist: bool,
}

impl Judgement {
    /// The labels flow node `v` takes across the labellings (empty when it is no argument or
    /// there is no labelling).
    fn labels(&self, v: u32) -> Vec<Label> {
        let grounded = self.grounded[v as usize];
        match &self.labels {
            _ if !self.live[v as usize] || !self.extensions_exist => Vec::new(),
            None => vec![grounded],
            // The grounded labelling is the least complete one: what it decides, every
            // complete labelling shares.
            Some(_) if grounded != Label::Undec => vec![grounded],
            Some(labels) => labels[v as usize].clone(),
        }
    }

    /// The status of flow node `v`.
    fn status(&self, v: u32) -> Status {
        match self.live[v as usize] {
            false => Status::Ungrounded,
            true => Status::of(&self.labels(v)),
        }
    }
}

impl Debate {
    /// The acceptability of every claim under `semantics` once `discredited` documents are set
    /// aside, with scholarly grounding (documents and cited works ground claims; see
    /// [`Debate::acceptability_in`] for documentary grounding). See the module documentation
    /// for how the debate becomes a framework.
    pub fn acceptability(
        &self,
        semantics: Semantics,
        discredited: &[&str],
    ) -> Result<Acceptability, QueryError> {
        self.acceptability_in(semantics, Grounding::Scholarly, discredited)
    }

    /// [`Debate::acceptability`] under a chosen grounding.
    pub fn acceptability_in(
        &self,
        semantics: Semantics,
        grounding: Grounding,
        discredited: &[&str],
    ) -> Result<Acceptability, QueryError> {
        self.acceptability_until(semantics, grounding, discredited, None)
    }

    /// [`Debate::acceptability_in`], giving up at `deadline` with
    /// [`QueryError::Interrupted`] rather than an answer it has not finished (grounded
    /// semantics, which is linear, never stops).
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// use historiograph::{Corpus, Debate, Grounding, Semantics};
    ///
    /// let debate = Debate::new(Corpus::bundled());
    /// let soon = Instant::now() + Duration::from_secs(60);
    /// let answer =
    ///     debate.acceptability_until(Semantics::Preferred, Grounding::Scholarly, &[], Some(soon));
    /// assert!(answer.is_ok());
    /// ```
    pub fn acceptability_until(
        &self,
        semantics: Semantics,
        grounding: Grounding,
        discredited: &[&str],
        deadline: Option<std::time::Instant>,
    ) -> Result<Acceptability, QueryError> {
        let (set_aside, ids) = self.set_aside(discredited)?;
        let blocked = self.marked(&set_aside);
        let judged = (self.judge_until(semantics, grounding, &blocked, deadline))
            .map_err(|_| QueryError::Interrupted { semantics })?;
        let n = self.flow.len();
        let labels: Vec<Vec<Label>> = (0..n as u32).map(|v| judged.labels(v)).collect();
        let mut claims: Vec<ClaimAcceptance> = (0..self.corpus().claims.len())
            .map(|c| {
                let v = self.claim_flow(c);
                ClaimAcceptance {
                    claim: self.summary(self.claim_at(c)),
                    status: judged.status(v),
                    decided_by: self.deciders(&labels, v),
                    undercut: self.undercut_sources(&labels, v),
                    labels: labels[v as usize].clone(),
                }
            })
            .collect();
        claims.sort_by(|a, b| a.claim.id.cmp(&b.claim.id));
        Ok(Acceptability {
            semantics,
            grounding,
            discredited: ids.into_iter().collect(),
            extensions_exist: judged.extensions_exist,
            claims,
        })
    }

    /// The claims whose status under `semantics` changes when `discredited` are set aside,
    /// sorted by id, under documentary grounding.
    ///
    /// The statuses with every document are computed once per debate and semantics. Under
    /// grounded semantics, a question then costs what the set-aside documents reach (see
    /// [`Debate::discredit`]); under the others, each call judges the debate without the
    /// set-aside documents and compares, claim by claim.
    pub fn acceptance_changes(
        &self,
        semantics: Semantics,
        discredited: &[&str],
    ) -> Result<Vec<AcceptanceChange>, QueryError> {
        let (set_aside, _) = self.set_aside(discredited)?;
        let grounding = Grounding::Documentary;
        let (leaving, gone) = self.leaving(&set_aside, grounding);
        Ok(self.changes(semantics, grounding, &leaving, &gone))
    }

    /// What leaves the debate with the documents `set_aside` (flow nodes, sorted): those
    /// documents, then the nodes that lose their grounding with them, sorted; and a flag per
    /// flow node, set for what leaves.
    pub(crate) fn leaving(&self, set_aside: &[u32], grounding: Grounding) -> (Vec<u32>, Vec<bool>) {
        let grounded = self.grounded_nodes_in(grounding);
        let fallen = (self.flow).fallen_without(set_aside, grounded, |v| self.flow_predecessors(v));
        let leaving = [set_aside, &fallen].concat();
        let gone = self.marked(&leaving);
        (leaving, gone)
    }

    /// Which flow nodes the documents reach, with every document and ignoring attacks
    /// (cached): under documentary grounding, the documents and the claims and inferences
    /// they ground.
    pub(crate) fn grounded_nodes(&self) -> &[bool] {
        self.grounded_nodes_in(Grounding::Documentary)
    }

    /// [`Debate::grounded_nodes`] under a chosen grounding.
    pub(crate) fn grounded_nodes_in(&self, grounding: Grounding) -> &[bool] {
        self.acceptability.grounded[grounding as usize]
            .get_or_init(|| self.flow.grounded(grounding))
    }

    /// The claims whose status under `semantics` changes when the `leaving` flow nodes leave
    /// the debate (set-aside documents and what falls with them, as [`Debate::leaving`] gives
    /// them, with their flags `gone`), sorted by id.
    pub(crate) fn changes(
        &self,
        semantics: Semantics,
        grounding: Grounding,
        leaving: &[u32],
        gone: &[bool],
    ) -> Vec<AcceptanceChange> {
        let before = self.statuses_with_every_document(semantics, grounding);
        let compare = |(c, after): (usize, Status)| {
            (before[c] != after).then(|| AcceptanceChange {
                claim: self.claim_at(c).id.clone(),
                before: before[c],
                after,
            })
        };
        let mut changes: Vec<AcceptanceChange> = if semantics == Semantics::Grounded {
            let after = self.grounded_changes(grounding, leaving, gone);
            after.into_iter().filter_map(compare).collect()
        } else {
            let after = self.statuses(semantics, grounding, gone);
            after.into_iter().enumerate().filter_map(compare).collect()
        };
        changes.sort_by(|a, b| a.claim.cmp(&b.claim));
        changes
    }

    /// Each claim's status under `semantics` with every document, by claim index (cached).
    fn statuses_with_every_document(
        &self,
        semantics: Semantics,
        grounding: Grounding,
    ) -> &[Status] {
        self.acceptability.before[grounding as usize][semantics as usize].get_or_init(|| {
            if semantics == Semantics::Grounded {
                let (live, labels) = self.grounded_labels(grounding);
                let status = |v: usize| match live[v] {
                    true => Status::of(std::slice::from_ref(&labels[v])),
                    false => Status::Ungrounded,
                };
                (0..self.corpus().claims.len())
                    .map(|c| status(self.claim_flow(c) as usize))
                    .collect()
            } else {
                self.statuses(semantics, grounding, &self.marked(&[]))
            }
        })
    }

    /// Each claim's status under `semantics` with the `blocked` documents set aside, by claim
    /// index.
    fn statuses(
        &self,
        semantics: Semantics,
        grounding: Grounding,
        blocked: &[bool],
    ) -> Vec<Status> {
        let judged = self.judge(semantics, grounding, blocked);
        (0..self.corpus().claims.len())
            .map(|c| judged.status(self.claim_flow(c)))
            .collect()
    }

    /// The grounded labelling with every document (cached): which flow nodes are arguments,
    /// and their labels.
    fn grounded_labels(&self, grounding: Grounding) -> (&[bool], &[Label]) {
        let (live, labels, _) = self.grounded_labels_in_order(grounding);
        (live, labels)
    }

    /// [`Debate::grounded_labels`], with the order in which the labels were decided.
    fn grounded_labels_in_order(&self, grounding: Grounding) -> (&[bool], &[Label], &[u32]) {
        let live = self.grounded_nodes_in(grounding);
        let (labels, order) = self.acceptability.labels[grounding as usize].get_or_init(|| {
            let absent: Vec<bool> = live.iter().map(|&l| !l).collect();
            self.evidential().grounded_in_order(&absent)
        });
        (live, labels, order)
    }

    /// Every flow node as an argument, with its need, support and attacks (built once).
    pub(crate) fn evidential(&self) -> &Evidential {
        self.acceptability.evidential.get_or_init(|| {
            let need = (0..self.flow.len() as u32)
                .map(|v| match () {
                    _ if self.flow.is_source(v) => Need::Source,
                    _ if self.flow.inference(v).is_some() => Need::All,
                    _ => Need::Any,
                })
                .collect();
            let support = (0..self.flow.len() as u32)
                .flat_map(|v| self.flow.forward.row(v).iter().map(move |&w| (v, w)));
            Evidential::new(need, support, self.flow.attacks.iter().copied())
        })
    }

    /// The grounded status now of each claim whose status can change when the `leaving` flow
    /// nodes (flagged in `gone`) leave, by claim index: the arguments whose labels can no longer
    /// be derived as they were ([`Evidential::affected`]) are relabelled, with everything else
    /// as it was.
    fn grounded_changes(
        &self,
        grounding: Grounding,
        leaving: &[u32],
        gone: &[bool],
    ) -> Vec<(usize, Status)> {
        let (live, labels, order) = self.grounded_labels_in_order(grounding);
        let ev = self.evidential();
        let region = ev.affected(labels, order, leaving);
        let absent = |v: u32| !live[v as usize] || gone[v as usize];
        let mut labels = labels.to_vec();
        ev.grounded_within_by(&mut labels, &region, absent);
        region
            .into_iter()
            .filter_map(|v| {
                let status = match absent(v) {
                    true => Status::Ungrounded,
                    false => Status::of(std::slice::from_ref(&labels[v as usize])),
                };
                Some((self.flow_claim(v)?, status))
            })
            .collect()
    }

    /// The flow nodes of the `discredited` documents, sorted, and their ids, sorted.
    pub(crate) fn set_aside(
        &self,
        discredited: &[&str],
    ) -> Result<(Vec<u32>, BTreeSet<Id>), QueryError> {
        let mut nodes = Vec::new();
        let mut ids = BTreeSet::new();
        for id in discredited {
            let d = self.document_index(id)?;
            nodes.push(self.doc_flow(d));
            ids.insert(self.doc(d).id.clone());
        }
        nodes.sort_unstable();
        nodes.dedup();
        Ok((nodes, ids))
    }

    /// One flag per flow node, set for the `nodes`.
    pub(crate) fn marked(&self, nodes: &[u32]) -> Vec<bool> {
        let mut marked = vec![false; self.flow.len()];
        nodes.iter().for_each(|&v| marked[v as usize] = true);
        marked
    }

    /// The debate as a framework without the `blocked` documents.
    #[allow(
        clippy::expect_used,
        reason = "no deadline is set, so the reasoner cannot be interrupted"
    )]
    fn judge(&self, semantics: Semantics, grounding: Grounding, blocked: &[bool]) -> Judgement {
        (self.judge_until(semantics, grounding, blocked, None)).expect("no deadline was set")
    }

    /// [`Debate::judge`], interrupted at `deadline`.
    fn judge_until(
        &self,
        semantics: Semantics,
        grounding: Grounding,
        blocked: &[bool],
        deadline: Option<std::time::Instant>,
    ) -> Result<Judgement, crate::Interrupted> {
        let live = self.flow.reach(self.flow.sources(grounding), blocked);
        let absent: Vec<bool> = live.iter().map(|&l| !l).collect();
        let ev = self.evidential();
        let grounded = ev.grounded(&absent);
        let labels = match semantics {
            Semantics::Grounded => None,
            _ => {
                let af = ev.to_framework(&grounded);
                let mut reasoner = af.reasoner();
                if let Some(deadline) = deadline {
                    reasoner = reasoner.deadline(deadline);
                }
                let mut labels = reasoner.labels_of_all(semantics)?;
                labels.truncate(grounded.len());
                Some(labels)
            }
        };
        // Only stable semantics can have no labelling; then every argument has no label.
        let extensions_exist = match &labels {
            Some(labels) if semantics == Semantics::Stable => {
                labels.first().is_none_or(|l| !l.is_empty())
            }
            _ => true,
        };
        Ok(Judgement {
            live,
            grounded,
            labels,
            extensions_exist,
        })
    }

    /// What decides the labels of `v` (see [`ClaimAcceptance::decided_by`]).
    fn deciders(&self, labels: &[Vec<Label>], v: u32) -> Vec<Id> {
        let ev = self.evidential();
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
        // Arguments left out of the debate (ungrounded, set aside) decide nothing.
        let has = |b: u32, l: Option<Label>| {
            let theirs = &labels[b as usize];
            !theirs.is_empty() && l.is_none_or(|l| theirs.contains(&l))
        };
        let mut ids: Vec<Id> = (ev.attacks().attackers(v).iter())
            .filter(|&&b| has(b, wanted))
            .map(|&b| self.flow_id(b).clone())
            .collect();
        if ids.is_empty() && wanted.is_some() {
            // No attacker decides it: its support does. OUT: every route is OUT; UNDEC: the
            // undecided routes.
            let route = if wanted == Some(Label::In) {
                Label::Out
            } else {
                Label::Undec
            };
            ids = (ev.supporters(v).iter())
                .filter(|&&b| has(b, Some(route)))
                .map(|&b| self.flow_id(b).clone())
                .collect();
        }
        ids.sort();
        ids.dedup();
        ids
    }

    /// The sources and inferences behind `v` that an IN claim undercuts.
    fn undercut_sources(&self, labels: &[Vec<Label>], v: u32) -> Vec<Undercutting> {
        let ev = self.evidential();
        let mut out: Vec<Undercutting> = (ev.supporters(v).iter())
            .filter(|&&s| self.flow.is_source(s) || self.flow.inference(s).is_some())
            .filter_map(|&s| {
                let mut by: Vec<Id> = (ev.attacks().attackers(s).iter())
                    .filter(|&&b| self.flow_claim(b).is_some() && labels[b as usize] == [Label::In])
                    .map(|&b| self.flow_id(b).clone())
                    .collect();
                by.sort();
                (!by.is_empty()).then(|| Undercutting {
                    source: self.flow_id(s).clone(),
                    by,
                })
            })
            .collect();
        out.sort();
        out
    }
}
