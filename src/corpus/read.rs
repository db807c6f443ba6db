//! Reading one YAML file into records, with a position for every value and every problem.
//!
//! Nothing here stops at the first problem: each field of each record is checked and every
//! problem becomes a [`Diagnostic`]. A record with problems is still returned (with defaults in
//! place of what was wrong), so that later checks, such as dangling references, see its id.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::corpus::date::DateSpec;
use crate::corpus::id::Id;
use crate::corpus::model::{
    Argument, Audience, Citation, Claim, Document, DocumentKind, Evidence, Historian, Polarity,
    Rating, Reliability, School, SchoolKind, Stance, Undercut, UndercutTarget, Work, WorkKind,
};
use crate::corpus::prescan;
use crate::corpus::tree::{self, Mapping, Node, Pos, Scalar, TreeError};
use crate::diagnostic::{did_you_mean, Diagnostic, Origin};

/// What kind of record an id names; references say which kind they expect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    School,
    Document,
    Historian,
    Claim,
    Work,
    Argument,
    /// A claim or a document (the premises of an argument).
    Premise,
}

impl Kind {
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Kind::School => "school",
            Kind::Document => "document",
            Kind::Historian => "historian",
            Kind::Claim => "claim",
            Kind::Work => "work",
            Kind::Argument => "argument",
            Kind::Premise => "claim or document",
        }
    }

    /// Whether a record declared as `self` is what a reference expecting `expected` wants.
    pub(crate) fn satisfies(self, expected: Kind) -> bool {
        self == expected
            || (expected == Kind::Premise && matches!(self, Kind::Claim | Kind::Document))
    }
}

/// A reference from one record to another, kept with its position for validation.
#[derive(Clone, Debug)]
pub(crate) struct Reference {
    /// The id of the record holding the reference (sharing the record's text).
    pub owner: Id,
    /// The field it appears in, e.g. `supports`.
    pub field: &'static str,
    /// The id referred to.
    pub target: Id,
    /// What kind of record the field expects.
    pub expected: Kind,
    /// Where the reference is written.
    pub origin: Origin,
}

/// An id declared by a record, with its position.
#[derive(Clone, Debug)]
pub(crate) struct Declaration {
    pub id: Id,
    pub kind: Kind,
    pub origin: Origin,
}

/// Everything read from the files of a corpus, before cross-file validation.
#[derive(Default)]
pub(crate) struct Parsed {
    pub schools: Vec<School>,
    pub documents: Vec<Document>,
    pub historians: Vec<Historian>,
    pub claims: Vec<Claim>,
    pub works: Vec<Work>,
    pub declarations: Vec<Declaration>,
    pub references: Vec<Reference>,
    pub diagnostics: Vec<Diagnostic>,
}

const SECTIONS: &[&str] = &["schools", "documents", "historians", "claims", "works"];
const SCHOOL_FIELDS: &[&str] = &["id", "name", "kind"];
const DOCUMENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "date",
    "kind",
    "author",
    "recipient",
    "citation",
    "audience",
    "known_through",
    "reliability",
    "listed",
    "supplied",
    "notes",
];
const RELIABILITY_FIELDS: &[&str] = &["rating", "by", "note"];
const HISTORIAN_FIELDS: &[&str] = &["id", "name", "schools", "works", "supplied", "notes"];
const WORK_FIELDS: &[&str] = &[
    "id",
    "authors",
    "title",
    "year",
    "kind",
    "container",
    "volume",
    "issue",
    "publisher",
    "place",
    "pages",
    "url",
    "doi",
    "supplied",
    "notes",
];
const CITATION_FIELDS: &[&str] = &["work", "pages", "locator"];
const ARGUMENT_FIELDS: &[&str] = &["id", "premises", "locator", "cites", "note"];
const UNDERCUT_FIELDS: &[&str] = &["document", "claim", "work", "argument", "locator", "note"];
const CLAIM_FIELDS: &[&str] = &[
    "id",
    "statement",
    "school",
    "proponents",
    "attributed_to",
    "period",
    "stance",
    "locator",
    "evidence",
    "supports",
    "contradicts",
    "cites",
    "arguments",
    "undercuts",
    "notes",
];
const EVIDENCE_FIELDS: &[&str] = &[
    "document", "polarity", "locator", "quote", "quote_by", "cited_as", "note",
];

impl Parsed {
    /// How many of each thing have been read.
    fn lengths(&self) -> [usize; 8] {
        [
            self.works.len(),
            self.schools.len(),
            self.documents.len(),
            self.historians.len(),
            self.claims.len(),
            self.declarations.len(),
            self.references.len(),
            self.diagnostics.len(),
        ]
    }

    /// Forgets what was read since [`Parsed::lengths`] gave `lengths`.
    fn truncate(&mut self, lengths: [usize; 8]) {
        let [works, schools, documents, historians, claims, declarations, references, diagnostics] =
            lengths;
        self.works.truncate(works);
        self.schools.truncate(schools);
        self.documents.truncate(documents);
        self.historians.truncate(historians);
        self.claims.truncate(claims);
        self.declarations.truncate(declarations);
        self.references.truncate(references);
        self.diagnostics.truncate(diagnostics);
    }

    /// Makes room for what `others` hold, so that appending them moves each record once.
    fn reserve<'a>(&mut self, others: impl Iterator<Item = &'a Parsed> + Clone) {
        let total = |len: fn(&Parsed) -> usize| others.clone().map(len).sum::<usize>();
        self.works.reserve(total(|p| p.works.len()));
        self.schools.reserve(total(|p| p.schools.len()));
        self.documents.reserve(total(|p| p.documents.len()));
        self.historians.reserve(total(|p| p.historians.len()));
        self.claims.reserve(total(|p| p.claims.len()));
        self.declarations.reserve(total(|p| p.declarations.len()));
        self.references.reserve(total(|p| p.references.len()));
        self.diagnostics.reserve(total(|p| p.diagnostics.len()));
    }

    /// Moves everything read into `other` after what is in `self`.
    fn append(&mut self, mut other: Parsed) {
        self.works.append(&mut other.works);
        self.schools.append(&mut other.schools);
        self.documents.append(&mut other.documents);
        self.historians.append(&mut other.historians);
        self.claims.append(&mut other.claims);
        self.declarations.append(&mut other.declarations);
        self.references.append(&mut other.references);
        self.diagnostics.append(&mut other.diagnostics);
    }
}

/// Below this many bytes of YAML, files are read on one thread.
const PARALLEL_BYTES: usize = 1 << 20;

/// Reads every file into `parsed`, keeping the order of the files. Large corpora are read on
/// as many threads as the machine offers, one file at a time each.
pub(crate) fn read_files(sources: &[(PathBuf, String)], parsed: &mut Parsed) {
    let bytes: usize = sources.iter().map(|(_, text)| text.len()).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sources.len());
    if threads <= 1 || bytes < PARALLEL_BYTES {
        for (path, text) in sources {
            read_file(path, text, parsed);
        }
        return;
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Parsed)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((path, text)) = sources.get(i) else {
                            return mine;
                        };
                        let mut one = Parsed::default();
                        read_file(path, text, &mut one);
                        mine.push((i, one));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a corpus reader thread panicked"))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    parsed.reserve(done.iter().map(|(_, one)| one));
    for (_, one) in done {
        parsed.append(one);
    }
}

/// Reads one file's text into `parsed`.
pub(crate) fn read_file(path: &Path, text: &str, parsed: &mut Parsed) {
    let mut reader = Reader {
        file: Arc::from(path),
        parsed,
    };
    reader.file(text);
}

struct Reader<'p> {
    file: Arc<Path>,
    parsed: &'p mut Parsed,
}

/// A scalar value with its position.
struct Text {
    value: String,
    pos: Pos,
}

impl Text {
    /// The value as a record stores it. Takes over the parser's buffer, which only moves if
    /// it has spare capacity to give back.
    fn boxed(self) -> Box<str> {
        self.value.into_boxed_str()
    }
}

fn describe(node: &Node) -> &'static str {
    match node {
        Node::Scalar(_) => "a string",
        Node::Mapping(_) => "a mapping",
        Node::Sequence(_) => "a list",
    }
}

/// How messages name a record: `claim `trap``, or `a claim` when it has no id.
fn named(kind: Kind, id: &str) -> String {
    if id.is_empty() {
        format!("a {}", kind.noun())
    } else {
        format!("{} `{id}`", kind.noun())
    }
}

/// `text` without leading and trailing white space.
fn trimmed(text: String) -> String {
    match text.trim() {
        t if t.len() == text.len() => text,
        t => t.to_string(),
    }
}

fn is_null(scalar: &Scalar) -> bool {
    matches!(scalar.value.as_str(), "" | "~" | "null" | "Null" | "NULL")
}

impl Reader<'_> {
    fn origin(&self, pos: Pos) -> Origin {
        Origin::new(self.file.clone(), pos.line, pos.column)
    }

    fn error(&mut self, origin: Origin, message: String, hint: Option<String>) {
        let mut diagnostic = Diagnostic::new(origin, message);
        diagnostic.hint = hint;
        self.parsed.diagnostics.push(diagnostic);
    }

    fn file(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        if self.refused_before_parsing(text) {
            return;
        }
        let before = self.parsed.lengths();
        let parsed = tree::parse_streaming(text, |section, item| self.record(&section.value, item));
        let map = match parsed {
            Ok(map) => map,
            Err(e) => {
                // Records read before the error are dropped: the file is reported as not YAML.
                self.parsed.truncate(before);
                return self.yaml_error(e);
            }
        };
        for (key, value) in map.iter() {
            if SECTIONS.contains(&key.value.as_str()) {
                self.section(value, &key.value);
            } else {
                self.unknown_field(key, "the top level of a corpus file", SECTIONS);
            }
        }
    }

    /// Checks what must be refused before the parser sees the text: size, control characters
    /// and nesting deep enough to exhaust the stack. Reports the first and says whether any.
    fn refused_before_parsing(&mut self, text: &str) -> bool {
        let at = |line, column| self.origin(Pos { line, column });
        let (origin, message, hint) = if text.len() as u64 > prescan::MAX_FILE_BYTES {
            let d = prescan::too_large(&self.file, text.len() as u64);
            (d.origin, d.message, d.hint)
        } else if let Some((line, column, c)) = prescan::control_character(text) {
            (
                at(line, column),
                format!(
                    "expected printable text, found the control character U+{:04X}",
                    c as u32
                ),
                Some("YAML allows no control characters but tab and line breaks; remove it".into()),
            )
        } else if let Some(line) = prescan::second_document(text) {
            (
                at(line, 1),
                "expected one YAML document in the file, found a second after this marker".into(),
                Some("remove the `---` or `...` line, or move what follows it into a file of its own".into()),
            )
        } else if let Some((line, column)) = prescan::deep_line(text) {
            (
                at(line, column),
                format!(
                    "nesting is too deep: expected content to start by column {}, found it at column {column}",
                    prescan::MAX_COLUMN
                ),
                Some("a corpus record nests a few levels deep; deeper nesting is refused before parsing so that it cannot exhaust the stack (if this line is text, indent it less)".into()),
            )
        } else {
            return false;
        };
        self.error(origin, message, hint);
        true
    }

    fn yaml_error(&mut self, error: TreeError) {
        let (pos, message, hint) = match error {
            TreeError::TopLevelNotMapping(pos) => (
                pos,
                "expected a mapping at the top level of the file".to_string(),
                "a corpus file holds `documents:`, `historians:`, `claims:` or `schools:` lists",
            ),
            TreeError::Anchor(pos) => (
                pos,
                "found a YAML anchor or alias, which corpus files do not allow".to_string(),
                "write the value out in full; anchors and aliases are refused so that no file can expand without bound",
            ),
            TreeError::ComplexKey(pos) => (
                pos,
                "expected a plain key, found a list or mapping used as a key".to_string(),
                "keys are field names such as `id` or `statement`",
            ),
            TreeError::Tag(pos) => (
                pos,
                "found a YAML tag (`!...`), which corpus files do not use".to_string(),
                "remove the tag; every value is plain text",
            ),
            TreeError::Syntax(pos, what) => {
                let hint = if what.contains("tab") {
                    "YAML indentation must use spaces, not tabs"
                } else if what.contains("recursion limit") {
                    "brackets `[` and `{` nest at most 255 deep; a corpus record needs two or three"
                } else {
                    "check the indentation and quoting near this position; quote text that contains `: ` or starts with a special character"
                };
                (pos, format!("invalid YAML: {what}"), hint)
            }
            TreeError::DuplicateKey { key, first_line } => (
                key.pos,
                format!(
                    "duplicate key `{}` in one mapping (first at line {first_line})",
                    key.value
                ),
                "remove one of the two; a record names each field once",
            ),
        };
        let origin = self.origin(pos);
        self.error(origin, message, Some(hint.to_string()));
    }

    fn unknown_field(&mut self, key: &Scalar, place: &str, allowed: &[&str]) {
        let hint = match did_you_mean(key.value.as_str(), allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the fields allowed here are: {}", allowed.join(", ")),
        };
        let origin = self.origin(key.pos);
        self.error(
            origin,
            format!("unknown field `{}` in {place}", key.value.as_str()),
            Some(hint),
        );
    }

    /// Checks that a section is a list; its items are read by [`Reader::record`] as they are
    /// parsed.
    fn section(&mut self, node: &Node, section: &str) {
        if node.as_sequence().is_some() || node.as_scalar().is_some_and(is_null) {
            return;
        }
        let origin = self.origin(node.pos());
        self.error(
            origin,
            format!(
                "expected a list under `{section}`, found {}",
                describe(node)
            ),
            Some(format!(
                "write each record under `{section}:` as a list item starting with `- id:`"
            )),
        );
    }

    /// Reads one item of the list under the top-level key `section`.
    fn record(&mut self, section: &str, mut item: Node) {
        let record: fn(&mut Self, &mut Mapping) = match section {
            "schools" => Self::school,
            "documents" => Self::document,
            "historians" => Self::historian,
            "claims" => Self::claim,
            "works" => Self::work,
            _ => return, // reported once, at its key
        };
        match &mut item {
            Node::Mapping(map) => record(self, map),
            _ => {
                let origin = self.origin(item.pos());
                self.error(
                    origin,
                    format!(
                        "expected a record (a mapping) in `{section}`, found {}",
                        describe(&item)
                    ),
                    Some(
                        "each item starts with `- id: ...` and continues with `field: value` lines"
                            .into(),
                    ),
                );
            }
        }
    }

    /// Reports unknown fields of a record.
    fn check_fields(&mut self, map: &Mapping, what: &str, allowed: &[&str]) {
        for key in map.keys() {
            if !allowed.contains(&key.value.as_str()) {
                self.unknown_field(key, what, allowed);
            }
        }
    }

    /// The text of `field`, taken out of the record.
    fn optional_text(&mut self, map: &mut Mapping, field: &str, what: &str) -> Option<Text> {
        let node = map.get_mut(field)?;
        match node {
            Node::Scalar(s) if is_null(s) => None,
            Node::Scalar(s) => Some(Text {
                value: std::mem::take(&mut s.value),
                pos: s.pos,
            }),
            other => {
                let origin = self.origin(other.pos());
                self.error(
                    origin,
                    format!(
                        "expected text for `{field}` of {what}, found {}",
                        describe(other)
                    ),
                    Some(
                        "quote the value if it contains `: `, `#` or starts with `[`, `{` or `-`"
                            .into(),
                    ),
                );
                None
            }
        }
    }

    fn required_text(&mut self, map: &mut Mapping, field: &str, what: &str) -> Option<Text> {
        let Some(key) = map.keys().find(|k| k.value == field).map(|k| k.pos) else {
            let origin = self.record_origin(map);
            self.error(
                origin,
                format!("missing field `{field}` in {what}"),
                Some(format!("add `{field}: ...` to this record")),
            );
            return None;
        };
        let text = self.optional_text(map, field, what);
        let empty = match &text {
            Some(t) => t.value.trim().is_empty(),
            None => map.get(field).and_then(Node::as_scalar).is_some(),
        };
        if empty {
            // The key, not the value: an empty value's position is wherever the next token is.
            let origin = self.origin(key);
            self.error(
                origin,
                format!("`{field}` of {what} is empty"),
                Some(format!(
                    "write the {field} out; an empty value, `~` or `null` says nothing"
                )),
            );
            return None;
        }
        text
    }

    /// Where a record starts: its `{`, or its first key (a block mapping's own position is
    /// its first `:`), whichever comes first.
    fn record_origin(&self, map: &Mapping) -> Origin {
        let first_key = map.keys().next().map(|key| key.pos);
        self.origin(first_key.map_or(map.pos, |key| key.min(map.pos)))
    }

    fn keyword<K: Copy>(
        &mut self,
        text: Option<Text>,
        field: &str,
        parse: fn(&str) -> Option<K>,
        keywords: &[&str],
    ) -> Option<K> {
        let text = text?;
        let parsed = parse(text.value.trim());
        if parsed.is_none() {
            let hint = match did_you_mean(text.value.trim(), keywords.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("expected one of: {}", keywords.join(", ")),
            };
            self.error(
                self.origin(text.pos),
                format!("unknown {field} `{}`", text.value),
                Some(hint),
            );
        }
        parsed
    }

    fn date(&mut self, text: Option<Text>, field: &str) -> Option<DateSpec> {
        let text = text?;
        match DateSpec::parse(&text.value) {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(
                    self.origin(text.pos),
                    format!("malformed {field} `{}`: {e}", text.value),
                    Some("write YYYY, YYYY-MM, YYYY-MM-DD, or a range START/END such as 1950-03-30/1950-04-25".into()),
                );
                None
            }
        }
    }

    /// A list of plain strings; a lone string is an error with a hint, not silently a list.
    fn text_list(&mut self, map: &mut Mapping, field: &str, what: &str) -> Vec<Text> {
        let Some(node) = map.get_mut(field) else {
            return Vec::new();
        };
        match node {
            Node::Sequence(items) => items
                .items
                .iter_mut()
                .filter_map(|item| match item {
                    Node::Scalar(s) => Some(Text {
                        value: trimmed(std::mem::take(&mut s.value)),
                        pos: s.pos,
                    }),
                    other => {
                        let origin = self.origin(other.pos());
                        self.error(
                            origin,
                            format!(
                                "expected text in the list `{field}` of {what}, found {}",
                                describe(other)
                            ),
                            Some("each item is a single id or text".into()),
                        );
                        None
                    }
                })
                .collect(),
            Node::Scalar(s) if is_null(s) => Vec::new(),
            other => {
                let origin = self.origin(other.pos());
                let example = match other {
                    Node::Scalar(s) => format!("`{field}: [{}]`", s.value),
                    _ => format!("`{field}: [a, b]`"),
                };
                self.error(
                    origin,
                    format!(
                        "expected a list for `{field}` of {what}, found {}",
                        describe(other)
                    ),
                    Some(format!("write a list, e.g. {example}")),
                );
                Vec::new()
            }
        }
    }

    fn references(
        &mut self,
        owner: &Id,
        field: &'static str,
        expected: Kind,
        items: Vec<Text>,
    ) -> Vec<Id> {
        items
            .into_iter()
            .map(|t| self.reference(owner, field, expected, t))
            .collect()
    }

    fn reference(&mut self, owner: &Id, field: &'static str, expected: Kind, t: Text) -> Id {
        let target = Id::from(t.value);
        self.parsed.references.push(Reference {
            owner: owner.clone(),
            field,
            target: target.clone(),
            expected,
            origin: self.origin(t.pos),
        });
        target
    }

    /// Reads and declares the `id` of a record.
    fn id(&mut self, map: &mut Mapping, kind: Kind) -> Id {
        let what = kind.noun();
        let Some(t) = self.required_text(map, "id", &format!("a {what}")) else {
            return Id::default();
        };
        let id = Id::from(t.value.trim());
        if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
            self.error(
                self.origin(t.pos),
                format!("expected an id without spaces, found `{}`", t.value),
                Some(format!(
                    "join words with `-`, e.g. `{}`",
                    id.split_whitespace()
                        .collect::<Vec<_>>()
                        .join("-")
                        .to_lowercase()
                )),
            );
        }
        self.parsed.declarations.push(Declaration {
            id: id.clone(),
            kind,
            origin: self.origin(t.pos),
        });
        id
    }

    fn notes(&mut self, map: &mut Mapping, field: &str, what: &str) -> Option<Box<str>> {
        self.optional_text(map, field, what).map(Text::boxed)
    }

    fn school(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a school", SCHOOL_FIELDS);
        let id = self.id(map, Kind::School);
        let what = named(Kind::School, &id);
        let name = self.required_text(map, "name", &what);
        let kind = self.required_text(map, "kind", &what);
        let kind = self.keyword(
            kind,
            "school kind",
            |k| match k {
                "school" => Some(SchoolKind::School),
                "thesis" => Some(SchoolKind::Thesis),
                _ => None,
            },
            &["school", "thesis"],
        );
        self.parsed.schools.push(School {
            name: name.map_or_else(|| id.as_str().into(), Text::boxed),
            id,
            kind: kind.unwrap_or(SchoolKind::School),
            origin: Some(self.record_origin(map)),
        });
    }

    fn document(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a document", DOCUMENT_FIELDS);
        let id = self.id(map, Kind::Document);
        let what = named(Kind::Document, &id);
        let title = self.required_text(map, "title", &what);
        let date = self.required_text(map, "date", &what);
        let date = self.date(date, "date");
        let kind = self.required_text(map, "kind", &what);
        let kind = self.keyword(
            kind,
            "document kind",
            DocumentKind::parse,
            &DocumentKind::keywords(),
        );
        let author = self.required_text(map, "author", &what);
        let recipient = self.notes(map, "recipient", &what);
        let citation = self.required_text(map, "citation", &what);
        let audience = self.required_text(map, "audience", &what);
        let audience = self.keyword(audience, "audience", Audience::parse, &Audience::keywords());
        let known_through = self
            .optional_text(map, "known_through", &what)
            .map(|t| self.reference(&id, "known_through", Kind::Historian, t));
        let reliability = self.reliability(map, &id, &what);
        let listed = self.flag(map, "listed", &what);
        let supplied = self.supplied(map, &what);
        let notes = self.notes(map, "notes", &what);
        self.parsed.documents.push(Document {
            title: title.map(Text::boxed).unwrap_or_default(),
            date: date.unwrap_or(DateSpec {
                start: crate::corpus::date::PartialDate {
                    year: 0,
                    month: None,
                    day: None,
                },
                end: None,
            }),
            kind: kind.unwrap_or(DocumentKind::Other),
            author: author.map(Text::boxed).unwrap_or_default(),
            recipient,
            citation: citation.map(Text::boxed).unwrap_or_default(),
            audience: audience.unwrap_or(Audience::Internal),
            known_through,
            reliability,
            listed,
            supplied,
            notes,
            origin: Some(self.record_origin(map)),
            id,
        });
    }

    fn reliability(&mut self, map: &mut Mapping, id: &Id, what: &str) -> Option<Reliability> {
        let node = map.get_mut("reliability")?;
        let Node::Mapping(inner) = node else {
            let origin = self.origin(node.pos());
            self.error(
                origin,
                format!(
                    "expected a mapping for `reliability` of {what}, found {}",
                    describe(node)
                ),
                Some(
                    "write `reliability: {rating: doubtful, by: [historian-id], note: ...}`".into(),
                ),
            );
            return None;
        };
        let what = format!("the reliability of {what}");
        self.check_fields(inner, &what, RELIABILITY_FIELDS);
        let rating = self.required_text(inner, "rating", &what);
        let rating = self.keyword(rating, "rating", Rating::parse, &Rating::keywords());
        let by = self.text_list(inner, "by", &what);
        let by = self.references(id, "reliability.by", Kind::Historian, by);
        let note = self.notes(inner, "note", &what);
        Some(Reliability {
            rating: rating?,
            by,
            note,
        })
    }

    fn historian(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a historian", HISTORIAN_FIELDS);
        let id = self.id(map, Kind::Historian);
        let what = named(Kind::Historian, &id);
        let name = self.required_text(map, "name", &what);
        let schools = self.text_list(map, "schools", &what);
        let schools = self.references(&id, "schools", Kind::School, schools);
        let works = self.text_list(map, "works", &what);
        let supplied = self.supplied(map, &what);
        let notes = self.notes(map, "notes", &what);
        self.parsed.historians.push(Historian {
            name: name.map(Text::boxed).unwrap_or_default(),
            schools,
            works: works.into_iter().map(Text::boxed).collect(),
            supplied,
            notes,
            origin: Some(self.record_origin(map)),
            id,
        });
    }

    fn claim(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a claim", CLAIM_FIELDS);
        let id = self.id(map, Kind::Claim);
        let what = named(Kind::Claim, &id);
        let statement = self.required_text(map, "statement", &what);
        let school = self
            .optional_text(map, "school", &what)
            .map(|t| self.reference(&id, "school", Kind::School, t));
        let proponents = self.text_list(map, "proponents", &what);
        let proponents = self.references(&id, "proponents", Kind::Historian, proponents);
        let attributed_to = self.notes(map, "attributed_to", &what);
        let period = self.optional_text(map, "period", &what);
        let period = self.date(period, "period");
        let stance = self.optional_text(map, "stance", &what);
        let stance = self.keyword(stance, "stance", Stance::parse, &Stance::keywords());
        let locator = self.notes(map, "locator", &what);
        let evidence = self.evidence(map, &id, &what);
        let supports = self.text_list(map, "supports", &what);
        let supports = self.references(&id, "supports", Kind::Claim, supports);
        let contradicts = self.text_list(map, "contradicts", &what);
        let contradicts = self.references(&id, "contradicts", Kind::Claim, contradicts);
        let cites = self.citations(map, &id, "cites", &what);
        let arguments = self.arguments(map, &id, &what);
        let undercuts = self.undercuts(map, &id, &what);
        let notes = self.notes(map, "notes", &what);
        self.parsed.claims.push(Claim {
            statement: statement.map(Text::boxed).unwrap_or_default(),
            school,
            proponents,
            attributed_to,
            cites,
            arguments,
            undercuts,
            period,
            stance,
            locator,
            evidence,
            supports,
            contradicts,
            notes,
            origin: Some(self.record_origin(map)),
            id,
        });
    }

    /// Calls `read` on each mapping in the list under `field`, reporting anything else; `items`
    /// names what the list holds, for messages.
    fn each_mapping(
        &mut self,
        map: &mut Mapping,
        field: &str,
        what: &str,
        hint: &str,
        mut read: impl FnMut(&mut Self, &mut Mapping),
    ) {
        let Some(node) = map.get_mut(field) else {
            return;
        };
        let Node::Sequence(items) = node else {
            if node.as_scalar().is_some_and(is_null) {
                return;
            }
            let origin = self.origin(node.pos());
            self.error(
                origin,
                format!(
                    "expected a list for `{field}` of {what}, found {}",
                    describe(node)
                ),
                Some(hint.to_string()),
            );
            return;
        };
        for item in items.items.iter_mut() {
            match item {
                Node::Mapping(m) => read(self, m),
                other => {
                    let origin = self.origin(other.pos());
                    self.error(
                        origin,
                        format!(
                            "expected a mapping in `{field}` of {what}, found {}",
                            describe(other)
                        ),
                        Some(hint.to_string()),
                    );
                }
            }
        }
    }

    fn evidence(&mut self, map: &mut Mapping, id: &Id, what: &str) -> Vec<Evidence> {
        let hint =
            "write each piece of evidence as a list item with `document`, `polarity` and `locator`";
        let mut out = Vec::new();
        let outer = what;
        self.each_mapping(map, "evidence", outer, hint, |this, e| {
            let what = format!("evidence of {outer}");
            this.check_fields(e, &what, EVIDENCE_FIELDS);
            let document = this
                .required_text(e, "document", &what)
                .map(|t| this.reference(id, "evidence.document", Kind::Document, t));
            let polarity = this.required_text(e, "polarity", &what);
            let polarity =
                this.keyword(polarity, "polarity", Polarity::parse, &Polarity::keywords());
            let locator = this.required_text(e, "locator", &what);
            let quote = this.notes(e, "quote", &what);
            let quote_by = this
                .optional_text(e, "quote_by", &what)
                .map(|t| this.reference(id, "evidence.quote_by", Kind::Historian, t));
            let cited_as = this
                .optional_text(e, "cited_as", &what)
                .map(|t| this.reference(id, "evidence.cited_as", Kind::Document, t));
            let note = this.notes(e, "note", &what);
            if let (Some(document), Some(polarity), Some(locator)) = (document, polarity, locator) {
                out.push(Evidence {
                    document,
                    polarity,
                    locator: locator.boxed(),
                    quote,
                    quote_by,
                    cited_as,
                    note,
                });
            }
        });
        out
    }

    /// `true` or `false`; absent is `false`.
    fn flag(&mut self, map: &mut Mapping, field: &str, what: &str) -> bool {
        let text = self.optional_text(map, field, what);
        match text.as_ref().map(|t| t.value.trim()) {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                let origin = self.origin(text.as_ref().map_or(map.pos, |t| t.pos));
                self.error(
                    origin,
                    format!("expected `true` or `false` for `{field}` of {what}, found `{other}`"),
                    Some(format!("write `{field}: true`, or leave the field out")),
                );
                false
            }
        }
    }

    /// The `supplied` list: names of fields of the record.
    fn supplied(&mut self, map: &mut Mapping, what: &str) -> Vec<Box<str>> {
        let fields: Vec<String> = map
            .keys()
            .map(|k| k.value.clone())
            .filter(|k| k != "supplied" && k != "id")
            .map(|k| match k.as_str() {
                "title" | "date" | "kind" | "author" | "recipient" | "citation" | "audience"
                | "known_through" | "reliability" | "listed" | "notes" | "name" | "schools"
                | "works" | "authors" | "year" | "container" | "volume" | "issue" | "publisher"
                | "place" | "pages" | "url" | "doi" => k,
                _ => String::new(),
            })
            .collect();
        let items = self.text_list(map, "supplied", what);
        items
            .into_iter()
            .map(|t| {
                if !fields.contains(&t.value) || t.value.is_empty() {
                    let present: Vec<&str> = fields
                        .iter()
                        .map(String::as_str)
                        .filter(|f| !f.is_empty())
                        .collect();
                    let hint = match did_you_mean(&t.value, present.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("name fields this record has: {}", present.join(", ")),
                    };
                    self.error(
                        self.origin(t.pos),
                        format!(
                            "`supplied` of {what} names `{}`, which is not a field of the record",
                            t.value
                        ),
                        Some(hint),
                    );
                }
                t.boxed()
            })
            .collect()
    }

    fn citations(
        &mut self,
        map: &mut Mapping,
        id: &Id,
        field: &'static str,
        what: &str,
    ) -> Vec<Citation> {
        let hint = "write each citation as `{work: work-id, pages: \"12-14\", locator: ...}`";
        let mut out = Vec::new();
        let outer = what;
        self.each_mapping(map, field, outer, hint, |this, c| {
            let what = format!("a citation of {outer}");
            this.check_fields(c, &what, CITATION_FIELDS);
            let work = this
                .required_text(c, "work", &what)
                .map(|t| this.reference(id, "cites.work", Kind::Work, t));
            let pages = this.notes(c, "pages", &what);
            let locator = this.notes(c, "locator", &what);
            if let Some(work) = work {
                out.push(Citation {
                    work,
                    pages,
                    locator,
                });
            }
        });
        out
    }

    fn arguments(&mut self, map: &mut Mapping, id: &Id, what: &str) -> Vec<Argument> {
        let hint = "write each argument as a list item with `premises: [a, b]` and `locator`";
        let mut out = Vec::new();
        let outer = what;
        self.each_mapping(map, "arguments", outer, hint, |this, a| {
            let what = format!("an argument for {outer}");
            this.check_fields(a, &what, ARGUMENT_FIELDS);
            let arg_id = a.get("id").is_some().then(|| this.id(a, Kind::Argument));
            let premises = this.text_list(a, "premises", &what);
            if premises.len() < 2 {
                let origin = this.record_origin(a);
                this.error(
                    origin,
                    format!("{what} has {} premise{}; a linked argument needs at least two", premises.len(), if premises.len() == 1 { "" } else { "s" }),
                    Some("list a single supporting claim under `supports` of that claim, or a single document under `evidence`".into()),
                );
            }
            for p in premises.iter().filter(|p| p.value == **id) {
                this.error(
                    this.origin(p.pos),
                    format!("{what} lists the claim itself as a premise"),
                    Some("a claim cannot be a premise of its own argument".into()),
                );
            }
            let premises = this.references(id, "arguments.premises", Kind::Premise, premises);
            let locator = this.required_text(a, "locator", &what);
            let cites = this.citations(a, id, "cites", &what);
            let note = this.notes(a, "note", &what);
            out.push(Argument {
                id: arg_id,
                premises,
                locator: locator.map(Text::boxed).unwrap_or_default(),
                cites,
                note,
            });
        });
        out
    }

    fn undercuts(&mut self, map: &mut Mapping, id: &Id, what: &str) -> Vec<Undercut> {
        let hint = "write each undercut as `{document: id, locator: ...}`, `{document: id, claim: id, locator: ...}`, `{work: id, locator: ...}` or `{argument: id, locator: ...}`";
        let mut out = Vec::new();
        let outer = what;
        self.each_mapping(map, "undercuts", outer, hint, |this, u| {
            let what = format!("an undercut by {outer}");
            this.check_fields(u, &what, UNDERCUT_FIELDS);
            let origin = this.record_origin(u);
            let mut take = |this: &mut Self, field: &'static str, kind: Kind| {
                this.optional_text(u, field, &what)
                    .map(|t| this.reference(id, field_name(field), kind, t))
            };
            let document = take(this, "document", Kind::Document);
            let claim = take(this, "claim", Kind::Claim);
            let work = take(this, "work", Kind::Work);
            let argument = take(this, "argument", Kind::Argument);
            let locator = this.required_text(u, "locator", &what);
            let note = this.notes(u, "note", &what);
            let target = match (document, claim, work, argument) {
                (Some(d), None, None, None) => Some(UndercutTarget::Document(d)),
                (Some(document), Some(claim), None, None) => {
                    Some(UndercutTarget::Evidence { document, claim })
                }
                (None, None, Some(w), None) => Some(UndercutTarget::Work(w)),
                (None, None, None, Some(a)) => Some(UndercutTarget::Argument(a)),
                _ => {
                    this.error(
                        origin,
                        format!("{what} names no single target"),
                        Some(hint.into()),
                    );
                    None
                }
            };
            if let (Some(target), Some(locator)) = (target, locator) {
                out.push(Undercut {
                    target,
                    locator: locator.boxed(),
                    note,
                });
            }
        });
        out
    }

    fn work(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a work", WORK_FIELDS);
        let id = self.id(map, Kind::Work);
        let what = named(Kind::Work, &id);
        let authors = self.text_list(map, "authors", &what);
        if authors.is_empty() && map.get("authors").is_none() {
            let origin = self.record_origin(map);
            self.error(
                origin,
                format!("missing field `authors` in {what}"),
                Some("add `authors: [historian-id]` to this record".into()),
            );
        }
        let authors = self.references(&id, "authors", Kind::Historian, authors);
        let title = self.required_text(map, "title", &what);
        let year = self.required_text(map, "year", &what);
        let year = year.and_then(|t| match t.value.trim().parse::<i32>() {
            Ok(y) if (1..=9999).contains(&y) => Some(y),
            _ => {
                self.error(
                    self.origin(t.pos),
                    format!("malformed year `{}` of {what}", t.value),
                    Some("write the year of publication as four digits, e.g. `1993`".into()),
                );
                None
            }
        });
        let kind = self.required_text(map, "kind", &what);
        let kind = self.keyword(kind, "work kind", WorkKind::parse, &WorkKind::keywords());
        let mut text = |this: &mut Self, field| this.notes(map, field, &what);
        let container = text(self, "container");
        let volume = text(self, "volume");
        let issue = text(self, "issue");
        let publisher = text(self, "publisher");
        let place = text(self, "place");
        let pages = text(self, "pages");
        let url = text(self, "url");
        let doi = text(self, "doi");
        let supplied = self.supplied(map, &what);
        let notes = self.notes(map, "notes", &what);
        self.parsed.works.push(Work {
            authors,
            title: title.map(Text::boxed).unwrap_or_default(),
            year: year.unwrap_or(0),
            kind: kind.unwrap_or(WorkKind::Other),
            container,
            volume,
            issue,
            publisher,
            place,
            pages,
            url,
            doi,
            supplied,
            notes,
            origin: Some(self.record_origin(map)),
            id,
        });
    }
}

/// The name of an undercut's field as references report it.
fn field_name(field: &str) -> &'static str {
    match field {
        "document" => "undercuts.document",
        "claim" => "undercuts.claim",
        "work" => "undercuts.work",
        _ => "undercuts.argument",
    }
}
