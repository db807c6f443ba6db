//! The query grammar shared by the command line and research notebooks.

use serde::Serialize;

use crate::corpus::model::{Claim, Document, Historian, Rating, School, Work};
use crate::graph::{Debate, Grounding, Node};
use crate::query::{
    Acceptability, ClaimSummary, ConflictMatrix, Contest, Dependents, Discredit, DocumentSummary,
    EvidenceBase, QueryError, Search, SourceCriticism, Verdicts,
};
use crate::semantics::Semantics;

/// A question to ask of a debate: one per CLI subcommand, and one per notebook query block.
///
/// With the `cli` feature this is a clap subcommand, so `historiograph rests-only-on DOC` and a
/// notebook block reading `rests-only-on DOC` go through the same parser.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::Subcommand))]
pub enum Query {
    /// Every document that backs a claim, directly or through claims that support it, with one
    /// shortest path per document
    Evidence {
        /// The claim's id
        claim: String,
    },
    /// The claims whose evidence base is exactly this one document
    RestsOnlyOn {
        /// The document's id
        document: String,
    },
    /// The claims that lose all documentary grounding if this document is set aside
    DependsOn {
        /// The document's id
        document: String,
    },
    /// What falls when these documents are set aside, and which of them grounded each claim
    #[cfg_attr(feature = "cli", command(arg_required_else_help = true))]
    Discredit {
        /// The documents' ids
        #[cfg_attr(feature = "cli", arg(required = true))]
        documents: Vec<String>,
        /// The semantics under which to report changes of acceptance
        #[cfg_attr(feature = "cli", arg(long, value_enum, default_value_t))]
        semantics: Semantics,
        /// Which sources ground claims: documents only, or cited works too
        #[cfg_attr(feature = "cli", arg(long, value_enum, default_value_t))]
        grounding: Grounding,
    },
    /// Which claims are accepted under an argumentation semantics: contradictions, undermining
    /// documents and undercuts attack, support carries defeat, ungrounded claims are out
    Accept {
        /// The semantics
        #[cfg_attr(feature = "cli", arg(long, value_enum, default_value_t))]
        semantics: Semantics,
        /// Which sources ground claims: documents only, or cited works too
        #[cfg_attr(feature = "cli", arg(long, value_enum, default_value = "scholarly"))]
        grounding: Grounding,
        /// Documents to set aside first
        #[cfg_attr(feature = "cli", arg(long, value_name = "DOC", num_args = 1..))]
        discredit: Vec<String>,
        /// Also set aside every document whose reliability is rated doubtful
        #[cfg_attr(feature = "cli", arg(long))]
        distrust: bool,
        /// Give up after this many seconds with an error that says so, rather than search on
        /// (complete, preferred and stable; grounded always answers)
        #[cfg_attr(feature = "cli", arg(long, value_name = "SECONDS"))]
        timeout: Option<u64>,
    },
    /// Whether the graph reaches the encoded source's own verdicts: each claim it endorses or
    /// rejects, with its status (endorsed should be in, rejected out), and the agreement
    Verdicts {
        /// The semantics
        #[cfg_attr(feature = "cli", arg(long, value_enum, default_value_t))]
        semantics: Semantics,
        /// Which sources ground claims: documents only, or cited works too
        #[cfg_attr(feature = "cli", arg(long, value_enum, default_value = "scholarly"))]
        grounding: Grounding,
    },
    /// The claims that are contradicted, undermined or whose sources are undercut, with who and
    /// what stands on each side
    Contested,
    /// The claims with no documentary grounding at all
    Unsupported,
    /// Contradictions across schools: a school × school matrix and the list
    Conflicts,
    /// Claims resting only on documents written after the events, or only for outside audiences,
    /// and the sources that claims undercut
    Criticism,
    /// One document, claim or historian in full
    Show {
        /// The id
        id: String,
    },
    /// All documents, in date order
    Documents {
        /// Only the documents the source lists among its primary sources
        #[cfg_attr(feature = "cli", arg(long, conflicts_with = "unlisted"))]
        listed: bool,
        /// Only the documents the source cites in its notes without listing them
        #[cfg_attr(feature = "cli", arg(long))]
        unlisted: bool,
        /// Only the documents the source knows through this historian's work
        #[cfg_attr(feature = "cli", arg(long, value_name = "HISTORIAN"))]
        known_through: Option<String>,
    },
    /// All claims, sorted by id
    Claims,
    /// All historians, sorted by id
    Historians,
    /// Find records by words of their id, title, statement or name, author, citation or date,
    /// best match first
    Find {
        /// The words to look for
        #[cfg_attr(feature = "cli", arg(required = true, num_args = 1..))]
        words: Vec<String>,
        /// Show at most this many records
        #[cfg_attr(feature = "cli", arg(long, default_value_t = 20))]
        limit: usize,
    },
}

/// A record of any kind, for `show`.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Record {
    /// A document.
    Document(Document),
    /// A claim.
    Claim(Claim),
    /// A historian.
    Historian(Historian),
    /// A secondary work.
    Work(Work),
    /// A school or thesis, with the historians placed in it and the claims that belong to it.
    School {
        /// The school.
        school: School,
        /// The ids of the historians the corpus places in it, sorted.
        historians: Vec<crate::corpus::id::Id>,
        /// The ids of the claims of the school, sorted.
        claims: Vec<crate::corpus::id::Id>,
    },
}

/// The answer to a [`Query`].
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// `evidence`.
    Evidence(EvidenceBase),
    /// `unsupported`, `claims`.
    Claims(Vec<ClaimSummary>),
    /// `rests-only-on`, `depends-on`.
    Dependents(Dependents),
    /// `discredit`.
    Discredit(Discredit),
    /// `accept`.
    Acceptability(Acceptability),
    /// `verdicts`.
    Verdicts(Verdicts),
    /// `contested`.
    Contested(Vec<Contest>),
    /// `conflicts`.
    Conflicts(ConflictMatrix),
    /// `criticism`.
    Criticism(SourceCriticism),
    /// `show`.
    Record(Box<Record>),
    /// `documents`.
    Documents(Vec<DocumentSummary>),
    /// `historians`.
    Historians(Vec<Historian>),
    /// `find`.
    Search(Search),
}

impl Query {
    /// Runs the query.
    pub fn run(&self, debate: &Debate) -> Result<Answer, QueryError> {
        let corpus = debate.corpus();
        Ok(match self {
            Query::Evidence { claim } => Answer::Evidence(debate.evidence(claim)?),
            Query::RestsOnlyOn { document } => {
                Answer::Dependents(debate.dependents(document, true)?)
            }
            Query::DependsOn { document } => {
                Answer::Dependents(debate.dependents(document, false)?)
            }
            Query::Discredit {
                documents,
                semantics,
                grounding,
            } => {
                let documents: Vec<&str> = documents.iter().map(String::as_str).collect();
                Answer::Discredit(debate.discredit_with(&documents, *semantics, *grounding)?)
            }
            Query::Accept {
                semantics,
                grounding,
                discredit,
                distrust,
                timeout,
            } => {
                let deadline = timeout.map(|s| {
                    let limit = std::time::Duration::from_secs(s);
                    std::time::Instant::now().checked_add(limit)
                });
                let mut discredit: Vec<&str> = discredit.iter().map(String::as_str).collect();
                if *distrust {
                    let doubtful = corpus.documents.iter().filter(|d| {
                        d.reliability
                            .as_ref()
                            .is_some_and(|r| r.rating == Rating::Doubtful)
                    });
                    discredit.extend(doubtful.map(|d| d.id.as_str()));
                }
                // A limit too far to represent is no limit.
                let deadline = deadline.flatten();
                Answer::Acceptability(
                    debate.acceptability_until(*semantics, *grounding, &discredit, deadline)?,
                )
            }
            Query::Verdicts {
                semantics,
                grounding,
            } => Answer::Verdicts(debate.verdicts(*semantics, *grounding)?),
            Query::Contested => Answer::Contested(debate.contested()),
            Query::Unsupported => Answer::Claims(debate.unsupported()),
            Query::Conflicts => Answer::Conflicts(debate.conflicts()),
            Query::Criticism => Answer::Criticism(debate.source_criticism()),
            Query::Show { id } => Answer::Record(Box::new(show(debate, id)?)),
            Query::Documents {
                listed,
                unlisted,
                known_through,
            } => Answer::Documents(
                (debate.documents_by_date().into_iter())
                    .filter(|d| !listed || d.listed)
                    .filter(|d| !unlisted || !d.listed)
                    .filter(|d| {
                        known_through
                            .as_ref()
                            .is_none_or(|h| d.known_through.as_deref() == Some(h.as_str()))
                    })
                    .map(DocumentSummary::of)
                    .collect(),
            ),
            Query::Claims => {
                let mut claims: Vec<_> = corpus.claims.iter().map(|c| debate.summary(c)).collect();
                claims.sort_by(|a, b| a.id.cmp(&b.id));
                Answer::Claims(claims)
            }
            Query::Historians => {
                let mut historians = corpus.historians.clone();
                historians.sort_by(|a, b| a.id.cmp(&b.id));
                Answer::Historians(historians)
            }
            Query::Find { words, limit } => {
                let text = words.join(" ");
                let mut records = debate.find(&text);
                let total = records.len();
                records.truncate(*limit);
                Answer::Search(Search {
                    text,
                    total,
                    records,
                })
            }
        })
    }

    /// The ids the query names, for diagrams of the subgraph involved.
    pub fn subjects(&self) -> Vec<&str> {
        match self {
            Query::Evidence { claim } => vec![claim],
            Query::RestsOnlyOn { document } | Query::DependsOn { document } => vec![document],
            Query::Discredit { documents, .. }
            | Query::Accept {
                discredit: documents,
                ..
            } => documents.iter().map(String::as_str).collect(),
            Query::Show { id } => vec![id],
            _ => Vec::new(),
        }
    }
}

fn show(debate: &Debate, id: &str) -> Result<Record, QueryError> {
    let corpus = debate.corpus();
    match debate.node(id).map(|n| debate.graph()[n]) {
        Some(Node::Document(i)) => Ok(Record::Document(corpus.documents[i].clone())),
        Some(Node::Claim(i)) => Ok(Record::Claim(corpus.claims[i].clone())),
        Some(Node::Historian(i)) => Ok(Record::Historian(corpus.historians[i].clone())),
        Some(Node::Work(i)) => Ok(Record::Work(corpus.works[i].clone())),
        Some(Node::Inference(_)) => Err(unknown_record(debate, id)),
        None => match corpus.school(id) {
            Some(school) => {
                let mut historians: Vec<_> = (corpus.historians.iter())
                    .filter(|h| h.schools.iter().any(|s| s == id))
                    .map(|h| h.id.clone())
                    .collect();
                historians.sort();
                let mut claims: Vec<_> = (corpus.claims.iter())
                    .filter(|c| c.school.as_deref() == Some(id))
                    .map(|c| c.id.clone())
                    .collect();
                claims.sort();
                Ok(Record::School {
                    school: school.clone(),
                    historians,
                    claims,
                })
            }
            None => Err(unknown_record(debate, id)),
        },
    }
}

/// The error for an id that names no document, claim or historian, with a suggestion.
pub(crate) fn unknown_record(debate: &Debate, id: &str) -> QueryError {
    let corpus = debate.corpus();
    let all = corpus
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .chain(corpus.claims.iter().map(|c| c.id.as_str()))
        .chain(corpus.historians.iter().map(|h| h.id.as_str()))
        .chain(corpus.works.iter().map(|w| w.id.as_str()))
        .chain(corpus.schools.iter().map(|s| s.id.as_str()));
    let typo = crate::diagnostic::did_you_mean(id, all);
    QueryError::UnknownId {
        id: id.to_string(),
        expected: "document, claim, historian, work or school",
        suggestion: debate.suggest(id, None, typo),
    }
}
