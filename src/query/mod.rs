//! The questions historians ask of a debate. Every answer is computed from the graph and sorted.

mod acceptability;
mod answers;
pub(crate) mod command;
mod criticism;
pub(crate) mod dominators;
mod evidence;
mod find;
mod verdicts;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::corpus::id::Id;
use crate::corpus::model::{Audience, Claim, Document, DocumentKind, Polarity, UndercutTarget};
use crate::diagnostic::did_you_mean;
use crate::graph::{Debate, Node};
use crate::semantics::Semantics;

pub(crate) use acceptability::AcceptabilityCache;
pub use acceptability::{Acceptability, AcceptanceChange, ClaimAcceptance, Status, Undercutting};
pub use answers::{
    ClaimSummary, Conflict, ConflictMatrix, Contest, Dependents, Discredit, DocumentSummary,
    EvidenceBase, Fallen, LinkedStep, Premise, Route, Side, WorkRoute,
};
pub use command::{Answer, Query, Record};
pub use criticism::{Critic, Criticised, SourceCriticism, SourceFlaw};
pub use find::{Found, Search};
pub use verdicts::{Verdict, Verdicts};

/// Why a query could not be answered.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// No record has this id.
    #[error("unknown {expected} `{id}`{}", suggestion.as_ref().map(|s| format!(": did you mean `{s}`?")).unwrap_or_default())]
    UnknownId {
        /// The id asked for.
        id: String,
        /// The kind of record the query expected: `document` or `claim`.
        expected: &'static str,
        /// The closest id of that kind, if one is close: a likely typo, or else the record that
        /// best matches the words of the id (see [`Debate::find`]).
        suggestion: Option<String>,
    },
    /// The search for the answer passed its deadline (see [`Debate::acceptability_until`]).
    #[error("the {semantics} search stopped at its time limit before it found the answer; grounded semantics always answers, or allow more time")]
    Interrupted {
        /// The semantics searched.
        semantics: crate::Semantics,
    },
    /// The id names a record of another kind.
    #[error("expected a {expected}, found the {found} `{id}`")]
    WrongKind {
        /// The id asked for.
        id: String,
        /// The kind the query expected.
        expected: &'static str,
        /// The kind of the record with that id.
        found: &'static str,
    },
}

fn noun(node: Node) -> &'static str {
    match node {
        Node::Document(_) => "document",
        Node::Claim(_) => "claim",
        Node::Historian(_) => "historian",
        Node::Work(_) => "work",
        Node::Inference(_) => "argument",
    }
}

impl Debate {
    fn lookup(&self, id: &str, expected: &'static str) -> Result<Node, QueryError> {
        match self.node(id).map(|n| self.graph()[n]) {
            Some(node) if noun(node) == expected => Ok(node),
            Some(node) => Err(QueryError::WrongKind {
                id: id.to_string(),
                expected,
                found: noun(node),
            }),
            None => {
                let corpus = self.corpus();
                let typo = match expected {
                    "document" => did_you_mean(id, corpus.documents.iter().map(|d| d.id.as_str())),
                    _ => did_you_mean(id, corpus.claims.iter().map(|c| c.id.as_str())),
                };
                let suggestion = self.suggest(id, Some(expected), typo);
                Err(QueryError::UnknownId {
                    id: id.to_string(),
                    expected,
                    suggestion,
                })
            }
        }
    }

    fn document_index(&self, id: &str) -> Result<usize, QueryError> {
        match self.lookup(id, "document")? {
            Node::Document(i) => Ok(i),
            _ => unreachable!("lookup checked the kind"),
        }
    }

    fn claim_index(&self, id: &str) -> Result<usize, QueryError> {
        match self.lookup(id, "claim")? {
            Node::Claim(i) => Ok(i),
            _ => unreachable!("lookup checked the kind"),
        }
    }

    /// The summary of a claim as answers show it: its proponents by name, and its schools, its
    /// own or else those its proponents are placed in.
    pub fn summary(&self, claim: &Claim) -> ClaimSummary {
        let mut summary = ClaimSummary::of(claim);
        let historians = || claim.proponents.iter().filter_map(|p| self.historian(p));
        if summary.schools.is_empty() {
            summary.schools = sorted_unique(historians().flat_map(|h| h.schools.iter().cloned()));
        }
        summary.held_by = historians().map(|h| h.name.to_string()).collect();
        summary
            .held_by
            .extend(claim.attributed_to.as_deref().map(|a| format!("({a})")));
        summary
    }

    /// Summaries of claims by index, sorted by id.
    fn claim_summaries(&self, indices: impl IntoIterator<Item = usize>) -> Vec<ClaimSummary> {
        let mut out: Vec<_> = indices
            .into_iter()
            .map(|i| self.summary(self.claim_at(i)))
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// The claims whose whole documentary grounding is `document`: it is the only document
    /// with a path to them through what it grounds.
    ///
    /// Every such claim also [depends on](Debate::depends_on) the document, but not the other
    /// way round: a claim held up by a linked argument whose premises rest on two documents
    /// depends on both and rests only on neither. Both read tables computed once per debate,
    /// so after the first question an answer costs time in proportion to its length.
    pub fn rests_only_on(&self, document: &str) -> Result<Vec<ClaimSummary>, QueryError> {
        let d = self.document_index(document)?;
        let claims = self.dependencies().sole(self.doc_flow(d));
        Ok(self.claim_summaries(claims.iter().map(|&c| c as usize)))
    }

    /// [`Debate::rests_only_on`] (`rest_only`) or [`Debate::depends_on`], with the document
    /// asked about, for an answer that restates its question.
    pub fn dependents(&self, document: &str, rest_only: bool) -> Result<Dependents, QueryError> {
        let claims = match rest_only {
            true => self.rests_only_on(document)?,
            false => self.depends_on(document)?,
        };
        let d = self.doc(self.document_index(document)?);
        Ok(Dependents {
            rest_only,
            document: DocumentSummary::of(d),
            reliability: d.reliability.clone(),
            claims,
        })
    }

    /// The claims that lose all documentary grounding if `document` is set aside: those for
    /// which every way of grounding them, linked arguments needing all their premises, uses
    /// the document.
    pub fn depends_on(&self, document: &str) -> Result<Vec<ClaimSummary>, QueryError> {
        let d = self.document_index(document)?;
        let claims = self.dependencies().dependents(self.doc_flow(d));
        Ok(self.claim_summaries(claims.iter().map(|&c| c as usize)))
    }

    /// For every document, the ids of the claims that depend on it (documents with none are
    /// left out): [`Debate::depends_on`] for every document at once, computed in one pass over
    /// the evidence flow (see the module `query::dominators`), not one search per document.
    pub fn dependency_table(&self) -> BTreeMap<Id, Vec<Id>> {
        let deps = self.dependencies();
        (0..self.flow.documents)
            .filter(|&d| !deps.dependents(self.doc_flow(d)).is_empty())
            .map(|d| {
                let mut ids: Vec<Id> = deps
                    .dependents(self.doc_flow(d))
                    .iter()
                    .map(|&c| self.claim_at(c as usize).id.clone())
                    .collect();
                ids.sort();
                (self.doc(d).id.clone(), ids)
            })
            .collect()
    }

    /// What falls when `documents` are set aside: the claims that were grounded and no longer
    /// are, each with the set-aside documents that had grounded it.
    ///
    /// Also lists the claims whose acceptance changes, under grounded semantics; see
    /// [`Debate::discredit_under`] for another.
    ///
    /// # Cost
    ///
    /// Only what the set-aside documents reach can fall, and only the arguments whose reason for
    /// their grounded label the change takes away are relabelled, so a question costs about
    /// what it changes, plus a few arrays the size of the debate. The first question also
    /// computes, once per debate, which claims are grounded and their grounded labels with
    /// every document; on a synthetic debate of a million claims, that is about 0.75 s and a
    /// later question about 8 ms.
    pub fn discredit(&self, documents: &[&str]) -> Result<Discredit, QueryError> {
        self.discredit_under(documents, Semantics::Grounded)
    }

    /// [`Debate::discredit`], with the acceptance changes computed under `semantics`.
    pub fn discredit_under(
        &self,
        documents: &[&str],
        semantics: Semantics,
    ) -> Result<Discredit, QueryError> {
        self.discredit_with(documents, semantics, crate::graph::Grounding::Documentary)
    }

    /// [`Debate::discredit`] under a chosen semantics and grounding: with scholarly
    /// grounding, a claim that a cited work still grounds does not fall.
    pub fn discredit_with(
        &self,
        documents: &[&str],
        semantics: Semantics,
        grounding: crate::graph::Grounding,
    ) -> Result<Discredit, QueryError> {
        let (set_aside, _) = self.set_aside(documents)?;
        let (leaving, mut open) = self.leaving(&set_aside, grounding);
        // A path from a set-aside document to a fallen claim passes through fallen claims
        // only (whatever grounds a node on it grounds the claim too), so each document's search
        // is kept to what leaves, and costs what it finds.
        let mut because: BTreeMap<u32, Vec<Id>> = BTreeMap::new();
        for &d in &set_aside {
            for v in self.flow.reach_within(d, &mut open) {
                because
                    .entry(v)
                    .or_default()
                    .push(self.doc(self.flow_doc(d)).id.clone());
            }
        }
        let acceptance_changes = self.changes(semantics, grounding, &leaving, &open);
        let mut fallen: Vec<Fallen> = (leaving.iter())
            .filter_map(|&v| Some((v, self.flow_claim(v)?)))
            .map(|(v, c)| {
                let mut because = because.remove(&v).unwrap_or_default();
                because.sort();
                Fallen {
                    claim: self.summary(self.claim_at(c)),
                    because,
                }
            })
            .collect();
        fallen.sort_by(|a, b| a.claim.id.cmp(&b.claim.id));
        let mut set_aside: Vec<DocumentSummary> = set_aside
            .into_iter()
            .map(|d| DocumentSummary::of(self.doc(self.flow_doc(d))))
            .collect();
        set_aside.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Discredit {
            grounding,
            set_aside,
            fallen,
            semantics,
            acceptance_changes,
        })
    }

    /// The claims with no documentary grounding at all, including claims that only support
    /// each other in a circle.
    pub fn unsupported(&self) -> Vec<ClaimSummary> {
        let grounded = self.grounded_nodes();
        let d = self.flow.documents;
        let orphans = (0..self.corpus().claims.len()).filter(|&c| !grounded[d + c]);
        self.claim_summaries(orphans)
    }

    /// The claims that are contradicted by other claims, undermined by documents, or whose
    /// sources or arguments other claims undercut, with who and what stands on each side.
    pub fn contested(&self) -> Vec<Contest> {
        let corpus = self.corpus();
        // Lookups only: the output follows the corpus and is sorted below. A claim is against
        // another when it contradicts it, or undercuts a document that backs it, one of its
        // evidence links or one of its linked arguments (keyed here as `DOC`, `DOC CLAIM` and
        // `#ARGUMENT`).
        let mut contradicted_by: HashMap<&str, Vec<&Claim>> = HashMap::new();
        let mut undercut_by: HashMap<String, Vec<&Claim>> = HashMap::new();
        for claim in &corpus.claims {
            for target in &claim.contradicts {
                contradicted_by
                    .entry(target.as_str())
                    .or_default()
                    .push(claim);
            }
            for u in &claim.undercuts {
                let key = match &u.target {
                    UndercutTarget::Document(d) | UndercutTarget::Work(d) => d.to_string(),
                    UndercutTarget::Evidence { document, claim } => format!("{document} {claim}"),
                    UndercutTarget::Argument(a) => format!("#{a}"),
                };
                undercut_by.entry(key).or_default().push(claim);
            }
        }
        let mut out = Vec::new();
        for claim in &corpus.claims {
            let mut attackers = contradicted_by
                .get(claim.id.as_str())
                .cloned()
                .unwrap_or_default();
            let backing = (claim.evidence.iter())
                .filter(|e| e.polarity == Polarity::Backs)
                .flat_map(|e| {
                    [
                        e.document.to_string(),
                        format!("{} {}", e.document, claim.id),
                    ]
                });
            let cited = claim.cites.iter().map(|c| c.work.to_string());
            let argued = (claim.arguments.iter())
                .filter_map(|a| a.id.as_ref())
                .map(|a| format!("#{a}"));
            for key in backing.chain(cited).chain(argued) {
                attackers.extend(undercut_by.get(&key).into_iter().flatten().copied());
            }
            attackers.sort_by(|a, b| a.id.cmp(&b.id));
            attackers.dedup_by(|a, b| a.id == b.id);
            let undermining = self.documents_with(claim, Polarity::Undermines);
            if attackers.is_empty() && undermining.is_empty() {
                continue;
            }
            let mut against_claims: Vec<ClaimSummary> =
                attackers.into_iter().map(|c| self.summary(c)).collect();
            against_claims.sort_by(|a, b| a.id.cmp(&b.id));
            let against_historians = sorted_unique(
                against_claims
                    .iter()
                    .flat_map(|c| c.proponents.iter().cloned()),
            );
            out.push(Contest {
                claim: self.summary(claim),
                for_side: Side {
                    historians: sorted_unique(claim.proponents.iter().cloned()),
                    claims: Vec::new(),
                    documents: self.documents_with(claim, Polarity::Backs),
                },
                against: Side {
                    historians: against_historians,
                    claims: against_claims,
                    documents: undermining,
                },
            });
        }
        out.sort_by(|a, b| a.claim.id.cmp(&b.claim.id));
        out
    }

    fn documents_with(&self, claim: &Claim, polarity: Polarity) -> Vec<DocumentSummary> {
        let set: BTreeSet<DocumentSummary> = claim
            .evidence
            .iter()
            .filter(|e| e.polarity == polarity)
            .filter_map(|e| self.document(&e.document))
            .map(DocumentSummary::of)
            .collect();
        set.into_iter().collect()
    }

    /// The contradictions between claims, counted school × school (rows: the contradicting
    /// claim's school; `-` for claims without one), with the list of those across schools.
    pub fn conflicts(&self) -> ConflictMatrix {
        let corpus = self.corpus();
        let school_of = |c: &Claim| c.school.clone().unwrap_or_else(|| Id::from("-"));
        let mut counts: BTreeMap<(Id, Id), usize> = BTreeMap::new();
        let mut list = Vec::new();
        for claim in &corpus.claims {
            for target in &claim.contradicts {
                let Some(other) = self.claim(target) else {
                    continue;
                };
                let (a, b) = (school_of(claim), school_of(other));
                *counts.entry((a.clone(), b.clone())).or_default() += 1;
                if a != b {
                    list.push(Conflict {
                        from: self.summary(claim),
                        to: self.summary(other),
                    });
                }
            }
        }
        let schools: Vec<Id> =
            sorted_unique(counts.keys().flat_map(|(a, b)| [a.clone(), b.clone()]));
        let matrix = schools
            .iter()
            .map(|a| {
                schools
                    .iter()
                    .map(|b| counts.get(&(a.clone(), b.clone())).copied().unwrap_or(0))
                    .collect()
            })
            .collect();
        list.sort_by(|x, y| (&x.from.id, &x.to.id).cmp(&(&y.from.id, &y.to.id)));
        ConflictMatrix {
            schools,
            matrix,
            conflicts: list,
        }
    }

    /// Claims that rest only on documents written after the events they describe, or only on
    /// documents written for outside audiences (allies, diplomats, the public).
    pub fn source_criticism(&self) -> SourceCriticism {
        criticism::source_criticism(self)
    }

    /// Documents sorted by date, then id.
    pub fn documents_by_date(&self) -> Vec<&Document> {
        let mut docs: Vec<&Document> = self.corpus().documents.iter().collect();
        docs.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        docs
    }

    /// Whether a document was written after the period a claim is about.
    pub(crate) fn is_late(document: &Document, claim: &Claim) -> bool {
        match claim.period {
            Some(p) => document.date.earliest() > p.latest(),
            None => document.kind == DocumentKind::Memoir,
        }
    }

    /// Whether a document was written for an outside audience.
    pub(crate) fn is_outside(document: &Document) -> bool {
        document.audience != Audience::Internal
    }
}

pub(crate) fn sorted_unique<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    items
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}
