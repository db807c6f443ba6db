//! The answers to queries: plain data, serializable to a stable JSON shape.

use serde::Serialize;

use crate::corpus::date::DateSpec;
use crate::corpus::id::Id;
use crate::corpus::model::{Audience, Claim, Document, DocumentKind, Stance};
use crate::query::AcceptanceChange;
use crate::semantics::Semantics;

/// A claim as it appears in answers. JSON: `id`, `statement`, `school`, `proponents`, and
/// `stance` and `locator` when known.
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
}

impl ClaimSummary {
    /// The summary of a claim.
    pub fn of(claim: &Claim) -> Self {
        ClaimSummary {
            id: claim.id.clone(),
            statement: claim.statement.to_string(),
            school: claim.school.clone(),
            proponents: claim.proponents.clone(),
            stance: claim.stance,
            locator: claim.locator.as_deref().map(String::from),
        }
    }
}

/// A document as it appears in answers. JSON: `id`, `title`, `date` (ISO 8601, possibly
/// partial), `kind`, `audience`, `author`.
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
        }
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
}

/// The answer to `discredit DOC...`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Discredit {
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
