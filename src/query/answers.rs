//! The answers to queries: plain data, serializable to a stable JSON shape.

use serde::Serialize;

use crate::corpus::date::DateSpec;
use crate::corpus::id::Id;
use crate::corpus::model::{Audience, Claim, Document, DocumentKind, Stance};
use crate::query::AcceptanceChange;
use crate::semantics::Semantics;

/// A claim as it appears in answers. JSON: `id`, `statement`, `school`, `proponents`, and
/// `stance`, `locator`, `schools` and `held_by` when known.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ClaimSummary {
    /// The claim's id.
    pub id: Id,
    /// The statement.
    pub statement: String,
    /// Its school or thesis (`null` in JSON when none).
    pub school: Option<Id>,
    /// The historians who advance it.
    pub proponents: Vec<Id>,
    /// The encoded source's stance on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Where the source discusses it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Its school, or when it has none of its own the schools its proponents are placed in,
    /// sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schools: Vec<Id>,
    /// Who holds it, as readers name them: the proponents' names, or the unnamed holders in
    /// parentheses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub held_by: Vec<String>,
}

impl ClaimSummary {
    /// The summary of a claim on its own: its own school, and its proponents by id.
    /// [`crate::Debate::summary`] names the proponents and derives the schools from them.
    pub fn of(claim: &Claim) -> Self {
        let mut held_by: Vec<String> = claim.proponents.iter().map(|p| p.to_string()).collect();
        held_by.extend(claim.attributed_to.as_deref().map(|a| format!("({a})")));
        ClaimSummary {
            id: claim.id.clone(),
            statement: claim.statement.to_string(),
            school: claim.school.clone(),
            proponents: claim.proponents.clone(),
            stance: claim.stance,
            locator: claim.locator.as_deref().map(String::from),
            schools: claim.school.iter().cloned().collect(),
            held_by,
        }
    }
}

/// A document as it appears in answers. JSON: `id`, `title`, `date` (ISO 8601, possibly
/// partial), `kind`, `audience`, `author`, `listed`, and when present `known_through` and
/// `supplied`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DocumentSummary {
    /// The document's id.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// Its date.
    pub date: DateSpec,
    /// Its kind.
    pub kind: DocumentKind,
    /// Who it was written for.
    pub audience: Audience,
    /// Its author.
    pub author: String,
    /// Whether the source lists it among its primary sources (else it is cited in notes only).
    pub listed: bool,
    /// The historian through whom the source knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known_through: Option<Id>,
    /// The fields whose values come from outside the source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supplied: Vec<String>,
}

impl DocumentSummary {
    /// The summary of a document.
    pub fn of(document: &Document) -> Self {
        DocumentSummary {
            id: document.id.clone(),
            title: document.title.to_string(),
            date: document.date,
            kind: document.kind,
            audience: document.audience,
            author: document.author.to_string(),
            listed: document.listed,
            known_through: document.known_through.clone(),
            supplied: document.supplied.iter().map(|f| f.to_string()).collect(),
        }
    }
}

/// The answer to `rests-only-on DOC` and `depends-on DOC`: the claims, with the document
/// asked about, so that an answer can restate its question. JSON: the list of claims alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dependents {
    /// Whether the claims rest only on the document (else: they depend on it).
    pub rest_only: bool,
    /// The document asked about.
    pub document: DocumentSummary,
    /// Its reliability rating and who gives it, when judged.
    pub reliability: Option<crate::corpus::model::Reliability>,
    /// The claims, sorted by id.
    pub claims: Vec<ClaimSummary>,
}

impl Serialize for Dependents {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.claims.serialize(serializer)
    }
}

/// The answer to `evidence CLAIM`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvidenceBase {
    /// The claim asked about.
    pub claim: ClaimSummary,
    /// One shortest route per document in the evidence base, sorted by document id.
    pub routes: Vec<Route>,
    /// Documents that undermine the claim directly.
    pub undermined_by: Vec<DocumentSummary>,
    /// The secondary works whose citation reaches the claim, with one shortest path each,
    /// sorted by work id (they ground it under scholarly grounding only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cited: Vec<WorkRoute>,
    /// The linked arguments on the routes: each is one step whose premises hold only
    /// together, with its branches. Sorted by name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub arguments: Vec<LinkedStep>,
}

/// A secondary work whose citation reaches a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WorkRoute {
    /// The work's id.
    pub work: Id,
    /// Its authors' ids, year and title.
    pub authors: Vec<Id>,
    /// Its year.
    pub year: i32,
    /// Its title.
    pub title: String,
    /// Ids from the work to the claim.
    pub path: Vec<Id>,
}

/// A linked argument on the way to a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LinkedStep {
    /// The inference's name ([`crate::Debate::inference_name`]).
    pub argument: Id,
    /// The claim it concludes.
    pub conclusion: Id,
    /// Where the source makes the argument.
    pub locator: String,
    /// The premises, each with whether documents ground it (documentary grounding).
    pub premises: Vec<Premise>,
}

/// A premise of a linked argument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Premise {
    /// The claim or document.
    pub id: Id,
    /// Whether the documents ground it.
    pub grounded: bool,
}

/// How a document's backing reaches a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Route {
    /// The document.
    pub document: DocumentSummary,
    /// Ids from the document to the claim: `[document, claim, ..., claim asked about]`.
    pub path: Vec<Id>,
    /// The number of edges on the path: 1 when the document backs the claim directly.
    pub length: usize,
    /// The claims that undercut the document as a source: its credibility is in question.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undercut_by: Vec<Id>,
    /// The document the source actually cites for the link this route starts with, when it
    /// mis-cites (the evidence's `cited_as`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cited_as: Option<Id>,
}

/// The answer to `discredit DOC...`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Discredit {
    /// Which sources ground claims (documentary).
    pub grounding: crate::graph::Grounding,
    /// The documents set aside.
    pub set_aside: Vec<DocumentSummary>,
    /// The claims that lose all documentary grounding, sorted by id.
    pub fallen: Vec<Fallen>,
    /// The semantics of `acceptance_changes`.
    pub semantics: Semantics,
    /// The claims whose acceptance status changes, sorted by id.
    pub acceptance_changes: Vec<AcceptanceChange>,
}

/// A claim that falls when documents are set aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fallen {
    /// The claim.
    pub claim: ClaimSummary,
    /// The set-aside documents that had grounded it.
    pub because: Vec<Id>,
}

/// A contested claim and the two sides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contest {
    /// The claim.
    pub claim: ClaimSummary,
    /// Its proponents and the documents that back it directly.
    #[serde(rename = "for")]
    pub for_side: Side,
    /// The claims that contradict it, their proponents, and the documents that undermine it.
    pub against: Side,
}

/// One side of a [`Contest`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Historians on this side.
    pub historians: Vec<Id>,
    /// Claims on this side (the contradicting claims, on the `against` side).
    pub claims: Vec<ClaimSummary>,
    /// Documents on this side.
    pub documents: Vec<DocumentSummary>,
}

/// The answer to `conflicts`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConflictMatrix {
    /// Row and column labels: school ids, `-` for claims with none.
    pub schools: Vec<Id>,
    /// `matrix[i][j]`: contradictions from a claim of `schools[i]` against one of `schools[j]`.
    pub matrix: Vec<Vec<usize>>,
    /// The contradictions across schools.
    pub conflicts: Vec<Conflict>,
}

/// One contradiction across schools.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The contradicting claim.
    pub from: ClaimSummary,
    /// The contradicted claim.
    pub to: ClaimSummary,
}
