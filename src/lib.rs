//! historiograph stores a historiographical debate as a graph and answers the questions
//! historians ask of it.
//!
//! Claims are nodes, advanced by historians of a school or thesis, or held by unnamed authors.
//! Claims support or contradict each other, alone or as linked arguments whose premises hold
//! only together. Primary documents (telegrams, letters, memoranda, records of conversations,
//! memoirs, speeches) back or undermine claims; source criticism undercuts a document or one of
//! its links; claims cite the secondary works of a bibliography.
//!
//! The crate bundles one corpus: Jacob Shuster, *Stalin's Foreign Policy "Shift"* (2019), on
//! USSR–DPRK relations 1945–1950 and the origins of the Korean War. Which of its claims rest
//! only on Stalin's letter to Gottwald of 27 August 1950?
//!
//! ```
//! use historiograph::{Corpus, Debate};
//!
//! let debate = Debate::new(Corpus::bundled());
//! for claim in debate.rests_only_on("stalin-gottwald-1950-08-27")? {
//!     println!("{}: {}", claim.id, claim.statement);
//! }
//! # Ok::<(), historiograph::QueryError>(())
//! ```
//!
//! # Loading a corpus
//!
//! [`Corpus::load`] reads a folder of YAML files and reports every problem at once, each with
//! file, line, column and a hint ([`LoadError`], [`Diagnostic`]); the error's `Display` renders
//! them all in the style of rustc, each with its line and a caret, from the text already read.
//! [`Corpus::from_sources`] does the same for in-memory text. The format is described in `claims/README.md`.
//!
//! # Asking questions
//!
//! A [`Debate`] builds the graph once; its methods are the questions:
//! [`evidence`](Debate::evidence), [`rests_only_on`](Debate::rests_only_on),
//! [`depends_on`](Debate::depends_on), [`discredit`](Debate::discredit),
//! [`contested`](Debate::contested), [`unsupported`](Debate::unsupported),
//! [`conflicts`](Debate::conflicts), [`source_criticism`](Debate::source_criticism). With
//! linked arguments, depends-on (every way of grounding the claim needs the document) and
//! rests-only-on (no other document reaches it) part ways. Answers are sorted and serialize to
//! a stable JSON shape.
//!
//! # Acceptability
//!
//! [`Debate::acceptability`] reads the debate as an evidential argumentation framework
//! ([`Evidential`]: support carries defeat, undercuts attack sources) and labels every claim
//! under grounded, complete, preferred or stable [`Semantics`], grounding claims on documents
//! and cited works ([`Grounding`]); [`Debate::verdicts`] sets the statuses beside the encoded
//! source's own stances. The frameworks themselves ([`Framework`], [`Evidential`]) and the
//! ICCMA solver interface ([`iccma`]) are usable on their own.
//!
//! In the bundled corpus, two critics undercut the Gottwald letter, so the reading that rests on
//! it is defeated, and says why:
//!
//! ```
//! use historiograph::{Corpus, Debate, Semantics, Status};
//!
//! let debate = Debate::new(Corpus::bundled());
//! let a = debate.acceptability(Semantics::Grounded, &[])?;
//! let trap = a.claims.iter().find(|c| c.claim.id == "gottwald-letter-trap").unwrap();
//! assert_eq!(trap.status, Status::Out);
//! assert_eq!(trap.undercut[0].source, "stalin-gottwald-1950-08-27");
//! # Ok::<(), historiograph::QueryError>(())
//! ```
#![deny(missing_docs)]
// No panic reaches the user: outside tests, every `unwrap` and `expect` is an error, and each
// one left is allowed where it stands with the reason it cannot fail.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod bibliography;
mod corpus;
mod diagnostic;
mod edgelist;
mod export;
pub mod files;
mod generate;
mod graph;
mod interchange;
#[cfg(feature = "cli")]
pub mod lsp;
#[cfg(feature = "cli")]
mod notebook;
mod query;
mod report;
mod semantics;
mod site;

pub use bibliography::chicago;
pub use corpus::date::{DateError, DateSpec, PartialDate};
pub use corpus::id::Id;
pub use corpus::model::{
    Argument, Audience, Citation, Claim, Document, DocumentKind, Evidence, Historian, Polarity,
    Rating, Reliability, School, SchoolKind, Stance, Undercut, UndercutTarget, Work, WorkKind,
};
pub use corpus::{Comments, Corpus, LoadError, Reformat};
pub use diagnostic::{Diagnostic, Origin};
pub use export::{
    export, export_with_warnings, neighbourhood, to_mermaid, ExportOptions, Format, Subgraph,
    MERMAID_MAX_EDGES,
};
pub use generate::{random_framework, Synthetic};
pub use graph::{Debate, Grounding, Inference, Node, Relation};
pub use interchange::{
    AifImport, ArgdownError, ArgdownImport, ArgdownSummary, ImportError, ImportSummary, Tally,
};
#[cfg(feature = "cli")]
pub use notebook::{
    parse_query, render as render_notebook, NotebookError, NotebookErrors, QueryParseError,
    MAX_NOTEBOOK_BYTES,
};
pub use query::{
    Acceptability, AcceptanceChange, Answer, ClaimAcceptance, ClaimSummary, Conflict,
    ConflictMatrix, Contest, Dependents, Discredit, DocumentSummary, EvidenceBase, Fallen, Query,
    QueryError, Record, Route, Side, SourceCriticism, SourceFlaw, Status,
};
pub use query::{
    Critic, Criticised, Found, LinkedStep, Premise, Search, Undercutting, Verdict, Verdicts,
    WorkRoute,
};
pub use report::Table;
pub use semantics::{
    iccma, Engine, Evidential, Framework, Interrupted, Label, Need, Reasoner, Semantics,
};
pub use site::{Site, SiteError, SITE_MARKER};

/// The petgraph crate this one builds on: [`Debate::graph`] is a `petgraph::graph::DiGraph` and
/// [`Debate::node`] returns its `NodeIndex`, so use these types through this re-export to stay
/// on the same version.
pub use petgraph;
