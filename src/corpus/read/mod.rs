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

mod fields;
mod records;

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
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
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

pub(super) struct Reader<'p> {
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

/// Whether a scalar is YAML's null: written plain as nothing, `~` or `null`. Quoted, the same
/// words are text (`"null"`, `'~'`, `""`), and stay so through `fmt`, which quotes them.
fn is_null(scalar: &Scalar) -> bool {
    scalar.plain && matches!(scalar.value.as_str(), "" | "~" | "null" | "Null" | "NULL")
}

impl Reader<'_> {
    pub(super) fn origin(&self, pos: Pos) -> Origin {
        Origin::new(self.file.clone(), pos.line, pos.column)
    }

    pub(super) fn error(&mut self, origin: Origin, message: String, hint: Option<String>) {
        let mut diagnostic = Diagnostic::new(origin, message);
        diagnostic.hint = hint;
        self.parsed.diagnostics.push(diagnostic);
    }

    pub(super) fn file(&mut self, text: &str) {
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
    pub(super) fn refused_before_parsing(&mut self, text: &str) -> bool {
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

    pub(super) fn yaml_error(&mut self, error: TreeError) {
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

    pub(super) fn unknown_field(&mut self, key: &Scalar, place: &str, allowed: &[&str]) {
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
    pub(super) fn section(&mut self, node: &Node, section: &str) {
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
    pub(super) fn record(&mut self, section: &str, mut item: Node) {
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
    pub(super) fn check_fields(&mut self, map: &Mapping, what: &str, allowed: &[&str]) {
        for key in map.keys() {
            if !allowed.contains(&key.value.as_str()) {
                self.unknown_field(key, what, allowed);
            }
        }
    }
}
