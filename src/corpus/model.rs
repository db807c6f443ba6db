//! The records of a corpus: documents, historians, claims, schools.

use schemars::JsonSchema;
use serde::Serialize;

use crate::corpus::date::DateSpec;
use crate::corpus::id::Id;
use crate::diagnostic::Origin;

/// A school of interpretation or a thesis that claims can belong to.
///
/// Six are built in (see [`School::BUILT_IN`]); a corpus may add more with a top-level
/// `schools:` list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct School {
    /// The id that claims and historians use, e.g. `post-revisionist`.
    pub id: Id,
    /// The human name, e.g. `Post-revisionist`.
    pub name: Box<str>,
    /// Whether this is a school of historians or a thesis about Soviet policy.
    pub kind: SchoolKind,
    /// Where the school was declared; `None` for the built-in ones.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// Whether a [`School`] is a school of historians or a thesis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SchoolKind {
    /// A school of historians: orthodox, revisionist, post-revisionist.
    School,
    /// A thesis or theory, such as cautious expansionism.
    Thesis,
}

impl School {
    /// The built-in vocabulary: `(id, name, kind)`.
    pub const BUILT_IN: [(&'static str, &'static str, SchoolKind); 6] = [
        ("orthodox", "Orthodox", SchoolKind::School),
        ("revisionist", "Revisionist", SchoolKind::School),
        ("post-revisionist", "Post-revisionist", SchoolKind::School),
        (
            "hegemonic-expansionism",
            "Hegemonic expansionism",
            SchoolKind::Thesis,
        ),
        (
            "communist-fortification",
            "Communist fortification",
            SchoolKind::Thesis,
        ),
        (
            "cautious-expansionism",
            "Cautious expansionism",
            SchoolKind::Thesis,
        ),
    ];

    /// The built-in schools as records.
    pub fn built_in() -> Vec<School> {
        Self::BUILT_IN
            .iter()
            .map(|&(id, name, kind)| School {
                id: Id::from(id),
                name: name.into(),
                kind,
                origin: None,
            })
            .collect()
    }
}

/// A primary document: a telegram, letter, memorandum, record of conversation, memoir, speech...
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Document {
    /// Unique id, e.g. `stalin-gottwald-1950-08-27`.
    pub id: Id,
    /// A descriptive title.
    pub title: Box<str>,
    /// When it was written: a year, year-month or full date, or a range.
    pub date: DateSpec,
    /// What sort of document it is.
    pub kind: DocumentKind,
    /// Who wrote it (a person or a body).
    pub author: Box<str>,
    /// Who it was addressed to, if anyone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Box<str>>,
    /// The archive citation as historians write it.
    pub citation: Box<str>,
    /// Who it was written for.
    pub audience: Audience,
    /// The historian through whom the source is known, when it is not consulted directly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known_through: Option<Id>,
    /// A judgement of the document's reliability.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// Whether the encoded source lists the document in its bibliography of primary sources
    /// (`false`: cited only in its notes).
    #[schemars(default)]
    pub listed: bool,
    /// The fields whose values come from outside the encoded source (e.g. `date`); answers
    /// mark those values with `†`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub supplied: Vec<Box<str>>,
    /// Free notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Box<str>>,
    /// Where the record was read from.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

impl Document {
    /// Whether the value of `field` comes from outside the encoded source.
    pub fn is_supplied(&self, field: &str) -> bool {
        self.supplied.iter().any(|f| &**f == field)
    }
}

macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every keyword, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The keyword as written in YAML.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// Parses the keyword as written in YAML.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The keywords, for hints.
            pub(crate) fn keywords() -> Vec<&'static str> {
                Self::ALL.iter().map(|k| k.as_str()).collect()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keyword_enum! {
    /// The kind of a [`Document`].
    DocumentKind {
        /// A telegram or cable.
        Telegram = "telegram",
        /// A letter.
        Letter = "letter",
        /// A memorandum.
        Memorandum = "memorandum",
        /// A report.
        Report = "report",
        /// A record (minutes) of a conversation or meeting.
        RecordOfConversation = "record-of-conversation",
        /// A speech.
        Speech = "speech",
        /// A memoir, written after the events.
        Memoir = "memoir",
        /// The record of a conference.
        ConferenceRecord = "conference-record",
        /// A directive or instruction.
        Directive = "directive",
        /// A resolution or decision of a body.
        Resolution = "resolution",
        /// A published text: a pamphlet, an article, a printed report.
        Publication = "publication",
        /// Anything else.
        Other = "other",
    }
}

keyword_enum! {
    /// Who a [`Document`] was written for.
    ///
    /// The "layered policy" reading of Soviet documents makes this matter: what Stalin told Mao or
    /// Gottwald, or what a ministry circulated widely, is not what the Politburo told itself.
    Audience {
        /// Internal or top secret: written for the author's own leadership.
        Internal = "internal",
        /// Written for allied leaders.
        Allied = "allied",
        /// Written for wide diplomatic circulation.
        Diplomatic = "diplomatic",
        /// Written for the public.
        Public = "public",
    }
}

impl Audience {
    /// Whether the document was written for readers outside the author's own leadership.
    pub fn is_outside(self) -> bool {
        self != Audience::Internal
    }
}

/// A judgement of a document's reliability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Reliability {
    /// The verdict.
    pub rating: Rating,
    /// The historians who make the judgement.
    #[schemars(default)]
    pub by: Vec<Id>,
    /// The reasons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

keyword_enum! {
    /// The verdict of a [`Reliability`] judgement.
    Rating {
        /// Taken at face value.
        Reliable = "reliable",
        /// Usable with qualifications.
        Qualified = "qualified",
        /// Doubtful: uncorroborated, self-serving or late.
        Doubtful = "doubtful",
    }
}

/// A historian, or another author whose reading of events is a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Historian {
    /// Unique id: the surname, lowercase.
    pub id: Id,
    /// Full name.
    pub name: Box<str>,
    /// The schools the historian is placed in.
    #[schemars(default)]
    pub schools: Vec<Id>,
    /// Works, as free text; the structured bibliography is the corpus's [`Work`]s.
    #[schemars(default)]
    pub works: Vec<Box<str>>,
    /// The fields whose values come from outside the encoded source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub supplied: Vec<Box<str>>,
    /// Free notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Box<str>>,
    /// Where the record was read from.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// A claim about the past, advanced by historians and resting on documents.
///
/// Its text, like that of every record, is stored as a `Box<str>` (made with `"text".into()`)
/// rather than a `String`: records are read once and never grown, and the smaller field keeps
/// large corpora small.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Claim {
    /// Unique id.
    pub id: Id,
    /// The claim, in our own words.
    pub statement: Box<str>,
    /// The school or thesis it belongs to.
    pub school: Option<Id>,
    /// The historians who advance it.
    #[schemars(default)]
    pub proponents: Vec<Id>,
    /// Unnamed holders of the view, as the source describes them ("traditional narratives",
    /// "some have argued"), for views the source discusses without naming anyone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Box<str>>,
    /// The period the claim is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<DateSpec>,
    /// The stance of the encoded source towards the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Where the source discusses the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<Box<str>>,
    /// The documents that back or undermine it.
    #[schemars(default)]
    pub evidence: Vec<Evidence>,
    /// The claims it supports.
    #[schemars(default)]
    pub supports: Vec<Id>,
    /// The claims it contradicts.
    #[schemars(default)]
    pub contradicts: Vec<Id>,
    /// The secondary works the source cites for it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub cites: Vec<Citation>,
    /// Linked arguments for it: premises that support it only together.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub arguments: Vec<Argument>,
    /// What it attacks as evidence: documents, evidence links, works, linked arguments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub undercuts: Vec<Undercut>,
    /// The fields whose values come from outside the encoded source (e.g. `period`); answers
    /// mark those values with `†`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub supplied: Vec<Box<str>>,
    /// Free notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Box<str>>,
    /// Where the record was read from.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

keyword_enum! {
    /// The stance of the encoded source (for the bundled corpus: Shuster's paper) on a claim.
    Stance {
        /// The source argues for it.
        Endorses = "endorses",
        /// The source argues against it.
        Rejects = "rejects",
        /// The source accepts it in part.
        Qualifies = "qualifies",
        /// The source reports it without judging.
        Reports = "reports",
    }
}

/// One piece of evidence: a document that backs or undermines a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Evidence {
    /// The document's id.
    pub document: Id,
    /// Whether it backs or undermines the claim.
    pub polarity: Polarity,
    /// Where the source makes the connection, e.g. `Gottwald Letter, fn 120`.
    pub locator: Box<str>,
    /// A short quotation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<Box<str>>,
    /// Whose words the quotation is when they are not the document's own: a historian (for
    /// the encoded source's own words, its author).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_by: Option<Id>,
    /// The document the source actually cites here, when it mis-cites.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cited_as: Option<Id>,
    /// Free notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

keyword_enum! {
    /// Whether an [`Evidence`] document backs or undermines its claim.
    Polarity {
        /// The document is evidence for the claim.
        Backs = "backs",
        /// The document is evidence against the claim.
        Undermines = "undermines",
    }
}

/// A secondary work: a book, article, chapter or working paper of the scholarship.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Work {
    /// Unique id, e.g. `weathersby-1993`.
    pub id: Id,
    /// The authors, as historian ids, in the order the work gives them.
    pub authors: Vec<Id>,
    /// The title.
    pub title: Box<str>,
    /// The year of publication.
    #[schemars(schema_with = "crate::corpus::schema::year")]
    pub year: i32,
    /// What sort of work it is.
    pub kind: WorkKind,
    /// The journal, the book a chapter is in, or the series.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<Box<str>>,
    /// The volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<Box<str>>,
    /// The issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<Box<str>>,
    /// The publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Box<str>>,
    /// Where it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Box<str>>,
    /// The pages of an article or chapter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<Box<str>>,
    /// Where it is online.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Box<str>>,
    /// Its DOI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<Box<str>>,
    /// The fields whose values come from outside the encoded source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub supplied: Vec<Box<str>>,
    /// Free notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Box<str>>,
    /// Where the record was read from.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

impl Work {
    /// Whether the value of `field` comes from outside the encoded source.
    pub fn is_supplied(&self, field: &str) -> bool {
        self.supplied.iter().any(|f| &**f == field)
    }
}

keyword_enum! {
    /// The kind of a [`Work`].
    WorkKind {
        /// A monograph or edited volume.
        Book = "book",
        /// A journal or magazine article.
        Article = "article",
        /// A chapter in a book.
        Chapter = "chapter",
        /// A working paper or report in a series.
        WorkingPaper = "working-paper",
        /// A thesis or dissertation.
        Thesis = "thesis",
        /// A web page.
        WebPage = "web-page",
        /// Anything else.
        Other = "other",
    }
}

/// A citation of a [`Work`] by a claim or an argument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Citation {
    /// The work's id.
    pub work: Id,
    /// The pages cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<Box<str>>,
    /// Where the source cites it, e.g. `Policy Shift, fn 80`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<Box<str>>,
}

/// A linked argument: premises that support a claim only together.
///
/// Its conclusion is the claim that lists it. It grounds the claim only when every premise is
/// grounded, and it falls when any premise falls.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Argument {
    /// An id, needed only to undercut the argument.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The premises: claims or documents, at least two.
    #[schemars(length(min = 2))]
    pub premises: Vec<Id>,
    /// Where the source makes the argument.
    pub locator: Box<str>,
    /// Works the source cites for the inference.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub cites: Vec<Citation>,
    /// Free notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

/// Source criticism: a claim's attack on a piece of evidence rather than on a conclusion.
///
/// It serializes as the corpus format writes it: `{document, claim, work, argument}` (the
/// target's fields), `locator`, `note`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undercut {
    /// What is attacked.
    pub target: UndercutTarget,
    /// Where the source makes the criticism.
    pub locator: Box<str>,
    /// Free notes.
    pub note: Option<Box<str>>,
}

impl Serialize for Undercut {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match &self.target {
            UndercutTarget::Document(d) => map.serialize_entry("document", d)?,
            UndercutTarget::Evidence { document, claim } => {
                map.serialize_entry("document", document)?;
                map.serialize_entry("claim", claim)?;
            }
            UndercutTarget::Work(w) => map.serialize_entry("work", w)?,
            UndercutTarget::Argument(a) => map.serialize_entry("argument", a)?,
        }
        map.serialize_entry("locator", &self.locator)?;
        if let Some(note) = &self.note {
            map.serialize_entry("note", note)?;
        }
        map.end()
    }
}

/// What an [`Undercut`] attacks.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UndercutTarget {
    /// A document's credibility as a source: undercut, it grounds nothing.
    Document(Id),
    /// One evidence link: the document does not show the claim.
    Evidence {
        /// The document.
        document: Id,
        /// The claim it backs.
        claim: Id,
    },
    /// A work's authority: undercut, it grounds nothing.
    Work(Id),
    /// The inference of a linked argument, by the argument's id.
    Argument(Id),
}
