//! One reading of the corpus as the editor has it: every file's text (the editor's buffer for
//! open files, the disk for the others), every id with its place, every record's label, the
//! loader's diagnostics, and the debate when the corpus is valid.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::corpus::id::Id;
use crate::corpus::model::School;
use crate::corpus::read::{self, Kind, Parsed};
use crate::corpus::{is_yaml, read_text, yaml_files, Corpus};
use crate::diagnostic::{Diagnostic, Origin};
use crate::graph::Debate;

/// An id written in a file: a record's `id` or a reference to one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Occurrence {
    /// The file.
    pub file: PathBuf,
    /// The line, from 0.
    pub line: u32,
    /// The first character of the id on its line, from 0 (inside the quotes of a quoted id).
    pub start: u32,
    /// One past its last character.
    pub end: u32,
    /// The id.
    pub id: Id,
    /// The kind of record declared here, or the kind the reference expects.
    pub kind: Kind,
    /// Whether this is the record's own `id`.
    pub declaration: bool,
}

/// What hover and completion show of a record.
#[derive(Clone, Debug)]
pub(crate) struct Label {
    /// The kind of record.
    pub kind: Kind,
    /// Its title, statement or name.
    pub text: String,
}

/// The corpus as read at one moment.
pub(crate) struct Analysis {
    /// The text of every file read.
    pub files: BTreeMap<PathBuf, String>,
    /// Every id written in the files, sorted by file, line and column.
    pub occurrences: Vec<Occurrence>,
    /// Every record by id: those declared, and the built-in schools.
    pub labels: BTreeMap<Id, Label>,
    /// The loader's diagnostics by file (every file read has an entry, empty when clean).
    pub diagnostics: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Diagnostics about no file of the corpus: the folder itself, a sub-folder.
    pub elsewhere: Vec<Diagnostic>,
    /// The debate, when the corpus is valid.
    pub debate: Option<Debate>,
    /// How many problems the corpus has.
    pub problems: usize,
}

impl Analysis {
    /// Reads the corpus under `root`, taking the text of the files in `open` from there.
    pub(crate) fn new(root: &Path, open: &BTreeMap<PathBuf, String>) -> Analysis {
        let (found, mut problems) = yaml_files(root);
        let mut paths: BTreeSet<PathBuf> = found.into_iter().collect();
        paths.extend(
            open.keys()
                .filter(|p| p.starts_with(root) && is_yaml(p))
                .cloned(),
        );
        let mut files = BTreeMap::new();
        for path in paths {
            let text = match open.get(&path) {
                Some(text) => text.trim_start_matches('\u{feff}').to_string(),
                None => match read_text(&path) {
                    Ok(text) => text,
                    Err(d) => {
                        problems.push(d);
                        continue;
                    }
                },
            };
            files.insert(path, text);
        }
        let sources: Vec<(PathBuf, String)> =
            files.iter().map(|(p, t)| (p.clone(), t.clone())).collect();
        let mut parsed = Parsed {
            diagnostics: problems,
            ..Parsed::default()
        };
        read::read_files(&sources, &mut parsed);
        let occurrences = occurrences(&files, &parsed);
        let labels = labels(&parsed);
        let (debate, all) = match Corpus::from_parsed(parsed, &sources) {
            Ok(corpus) => (Some(Debate::new(corpus)), Vec::new()),
            Err(e) => (None, e.diagnostics),
        };
        let problems = all.len();
        let mut diagnostics: BTreeMap<PathBuf, Vec<Diagnostic>> =
            files.keys().map(|p| (p.clone(), Vec::new())).collect();
        let mut elsewhere = Vec::new();
        for d in all {
            match diagnostics.get_mut(&*d.origin.file) {
                Some(list) => list.push(d),
                None => elsewhere.push(d),
            }
        }
        Analysis {
            files,
            occurrences,
            labels,
            diagnostics,
            elsewhere,
            debate,
            problems,
        }
    }

    /// The id written at character `column` of line `line` (both from 0) of `file`, the
    /// character just after it included.
    pub(crate) fn at(&self, file: &Path, line: u32, column: u32) -> Option<&Occurrence> {
        let first = self
            .occurrences
            .partition_point(|o| (o.file.as_path(), o.line) < (file, line));
        self.occurrences[first..]
            .iter()
            .take_while(|o| o.file == file && o.line == line)
            .find(|o| o.start <= column && column <= o.end)
    }

    /// Every place `id` is written, declarations first, then by file and position.
    pub(crate) fn occurrences_of<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = &'a Occurrence> + 'a {
        let declared = self.occurrences.iter().filter(move |o| o.declaration);
        let referred = self.occurrences.iter().filter(move |o| !o.declaration);
        declared.chain(referred).filter(move |o| &*o.id == id)
    }
}

/// The place of every declaration and reference whose text can be found where the loader says
/// it starts (an id written with escapes, or over several lines, is left out).
fn occurrences(files: &BTreeMap<PathBuf, String>, parsed: &Parsed) -> Vec<Occurrence> {
    let lines: BTreeMap<&Path, Vec<&str>> = (files.iter())
        .map(|(path, text)| (path.as_path(), crate::corpus::lines(text).collect()))
        .collect();
    let declared = (parsed.declarations.iter()).map(|d| (&d.id, d.kind, &d.origin, true));
    let referred = (parsed.references.iter()).map(|r| (&r.target, r.expected, &r.origin, false));
    let mut out: Vec<Occurrence> = declared
        .chain(referred)
        .filter_map(|(id, kind, origin, declaration)| {
            let (line, start, end) = place(&lines, origin, id)?;
            Some(Occurrence {
                file: origin.file.to_path_buf(),
                line,
                start,
                end,
                id: id.clone(),
                kind,
                declaration,
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.file, a.line, a.start).cmp(&(&b.file, b.line, b.start)));
    out.dedup_by(|a, b| (&a.file, a.line, a.start) == (&b.file, b.line, b.start));
    out
}

/// Line (from 0) and character range of `id` where `origin` points, if it is written there.
fn place(lines: &BTreeMap<&Path, Vec<&str>>, origin: &Origin, id: &str) -> Option<(u32, u32, u32)> {
    let line = origin.line.checked_sub(1)?;
    let chars: Vec<char> = lines
        .get(&*origin.file)?
        .get(line as usize)?
        .chars()
        .collect();
    let mut start = origin.column.checked_sub(1)? as usize;
    if matches!(chars.get(start), Some('"' | '\'')) {
        start += 1;
    }
    let end = start + id.chars().count();
    let written: String = chars.get(start..end)?.iter().collect();
    (!id.is_empty() && written == id).then_some((line, start as u32, end as u32))
}

/// Every record's kind and label, the first declaration of an id winning.
fn labels(parsed: &Parsed) -> BTreeMap<Id, Label> {
    let mut labels = BTreeMap::new();
    let mut add = |id: &Id, kind: Kind, text: &str| {
        if !id.is_empty() {
            labels.entry(id.clone()).or_insert_with(|| Label {
                kind,
                text: text.to_string(),
            });
        }
    };
    for school in School::built_in().iter().chain(&parsed.schools) {
        add(&school.id, Kind::School, &school.name);
    }
    for d in &parsed.documents {
        add(&d.id, Kind::Document, &format!("{} ({})", d.title, d.date));
    }
    for h in &parsed.historians {
        add(&h.id, Kind::Historian, &h.name);
    }
    for w in &parsed.works {
        add(&w.id, Kind::Work, &format!("{} ({})", w.title, w.year));
    }
    for c in &parsed.claims {
        add(&c.id, Kind::Claim, &c.statement);
        for a in &c.arguments {
            if let Some(id) = &a.id {
                let premises: Vec<&str> = a.premises.iter().map(|p| p.as_str()).collect();
                let text = format!("linked argument for {}: {}", c.id, premises.join(" + "));
                add(id, Kind::Argument, &text);
            }
        }
    }
    labels
}
