//! Writing a corpus back as YAML, in canonical form.
//!
//! The canonical form of a file:
//!
//! - sections in the order `schools`, `documents`, `historians`, `works`, `claims`;
//! - records in the order the file gives them (not sorted: a file's order is the author's, often
//!   chronological or following the text it encodes), one blank line apart;
//! - fields in the order of `claims/README.md`, absent optional fields and empty lists left out;
//! - dates in ISO form (`1950-08-27`, `1950-03/1950-04`), plain;
//! - lists in flow style (`[a, b]`), and evidence and reliability as `{...}` mappings, when they
//!   fit in 100 columns; otherwise one item per line;
//! - text plain when YAML reads it back unchanged, as text (so `"null"`, `"~"`, `"true"`,
//!   `"1950"` and `""` are quoted), folded (`>-`) when it is long, otherwise double-quoted with
//!   escapes.
//!
//! Comments are kept when the text they came from is given (see [`Corpus::to_yaml_files_with`]
//! and `corpus::comments`): each goes back beside the record, field or list item it annotates.

mod block;
mod scalar;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::corpus::comments::FileComments;
use crate::corpus::model::{
    Argument, Citation, Claim, Document, Evidence, Historian, Reliability, School, Undercut,
    UndercutTarget, Work,
};
use crate::corpus::Corpus;

/// Lines are kept within this many columns where the text allows.
const WIDTH: usize = 100;

/// The file records without an origin are written to.
const UNPLACED: &str = "corpus.yaml";

/// A value in the tree that is written out.
enum Value {
    Text(String),
    /// A date, a year or a flag (`true`), written plain even where a YAML reader would take it
    /// for a number or a boolean (`1950`, `true`): that is how the format writes them, and the
    /// loader reads dates as text and flags as booleans.
    Plain(String),
    List(Vec<String>),
    Map(Vec<(&'static str, Value)>),
    Maps(Vec<Vec<(&'static str, Value)>>),
}

type Fields = Vec<(&'static str, Value)>;

fn text(fields: &mut Fields, key: &'static str, value: Option<&str>) {
    if let Some(v) = value {
        fields.push((key, Value::Text(v.to_string())));
    }
}

/// A date, a year or a flag: see [`Value::Plain`].
fn date(fields: &mut Fields, key: &'static str, value: Option<&str>) {
    if let Some(v) = value {
        fields.push((key, Value::Plain(v.to_string())));
    }
}

fn list(fields: &mut Fields, key: &'static str, items: &[impl AsRef<str>]) {
    if !items.is_empty() {
        let items = items.iter().map(|i| i.as_ref().to_string()).collect();
        fields.push((key, Value::List(items)));
    }
}

fn school_fields(s: &School) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "id", Some(&s.id));
    text(&mut f, "name", Some(&s.name));
    let kind = match s.kind {
        crate::corpus::model::SchoolKind::School => "school",
        crate::corpus::model::SchoolKind::Thesis => "thesis",
    };
    text(&mut f, "kind", Some(kind));
    f
}

fn reliability_fields(r: &Reliability) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "rating", Some(r.rating.as_str()));
    list(&mut f, "by", &r.by);
    text(&mut f, "note", r.note.as_deref());
    f
}

fn document_fields(d: &Document) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "id", Some(&d.id));
    text(&mut f, "title", Some(&d.title));
    date(&mut f, "date", Some(&d.date.to_string()));
    text(&mut f, "kind", Some(d.kind.as_str()));
    text(&mut f, "author", Some(&d.author));
    text(&mut f, "recipient", d.recipient.as_deref());
    text(&mut f, "citation", Some(&d.citation));
    text(&mut f, "audience", Some(d.audience.as_str()));
    text(&mut f, "known_through", d.known_through.as_deref());
    if let Some(r) = &d.reliability {
        f.push(("reliability", Value::Map(reliability_fields(r))));
    }
    if d.listed {
        date(&mut f, "listed", Some("true"));
    }
    list(&mut f, "supplied", &d.supplied);
    text(&mut f, "notes", d.notes.as_deref());
    f
}

fn historian_fields(h: &Historian) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "id", Some(&h.id));
    text(&mut f, "name", Some(&h.name));
    list(&mut f, "schools", &h.schools);
    list(&mut f, "works", &h.works);
    list(&mut f, "supplied", &h.supplied);
    text(&mut f, "notes", h.notes.as_deref());
    f
}

fn work_fields(w: &Work) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "id", Some(&w.id));
    f.push((
        "authors",
        Value::List(w.authors.iter().map(|a| a.to_string()).collect()),
    ));
    text(&mut f, "title", Some(&w.title));
    date(&mut f, "year", Some(&w.year.to_string()));
    text(&mut f, "kind", Some(w.kind.as_str()));
    let optional = [
        ("container", &w.container),
        ("volume", &w.volume),
        ("issue", &w.issue),
        ("publisher", &w.publisher),
        ("place", &w.place),
        ("pages", &w.pages),
        ("url", &w.url),
        ("doi", &w.doi),
    ];
    for (key, value) in optional {
        text(&mut f, key, value.as_deref());
    }
    list(&mut f, "supplied", &w.supplied);
    text(&mut f, "notes", w.notes.as_deref());
    f
}

fn citation_fields(c: &Citation) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "work", Some(&c.work));
    text(&mut f, "pages", c.pages.as_deref());
    text(&mut f, "locator", c.locator.as_deref());
    f
}

fn citations(fields: &mut Fields, cites: &[Citation]) {
    if !cites.is_empty() {
        fields.push((
            "cites",
            Value::Maps(cites.iter().map(citation_fields).collect()),
        ));
    }
}

fn argument_fields(a: &Argument) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "id", a.id.as_deref());
    f.push((
        "premises",
        Value::List(a.premises.iter().map(|p| p.to_string()).collect()),
    ));
    text(&mut f, "locator", Some(&a.locator));
    citations(&mut f, &a.cites);
    text(&mut f, "note", a.note.as_deref());
    f
}

fn undercut_fields(u: &Undercut) -> Fields {
    let mut f = Fields::new();
    match &u.target {
        UndercutTarget::Document(d) => text(&mut f, "document", Some(d)),
        UndercutTarget::Evidence { document, claim } => {
            text(&mut f, "document", Some(document));
            text(&mut f, "claim", Some(claim));
        }
        UndercutTarget::Work(w) => text(&mut f, "work", Some(w)),
        UndercutTarget::Argument(a) => text(&mut f, "argument", Some(a)),
    }
    text(&mut f, "locator", Some(&u.locator));
    text(&mut f, "note", u.note.as_deref());
    f
}

fn evidence_fields(e: &Evidence) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "document", Some(&e.document));
    text(&mut f, "polarity", Some(e.polarity.as_str()));
    text(&mut f, "locator", Some(&e.locator));
    text(&mut f, "quote", e.quote.as_deref());
    text(&mut f, "quote_by", e.quote_by.as_deref());
    text(&mut f, "cited_as", e.cited_as.as_deref());
    text(&mut f, "note", e.note.as_deref());
    f
}

fn claim_fields(c: &Claim) -> Fields {
    let mut f = Fields::new();
    text(&mut f, "id", Some(&c.id));
    text(&mut f, "statement", Some(&c.statement));
    text(&mut f, "school", c.school.as_deref());
    list(&mut f, "proponents", &c.proponents);
    text(&mut f, "attributed_to", c.attributed_to.as_deref());
    date(&mut f, "period", c.period.map(|p| p.to_string()).as_deref());
    text(&mut f, "stance", c.stance.map(|s| s.as_str()));
    text(&mut f, "locator", c.locator.as_deref());
    if !c.evidence.is_empty() {
        let items = c.evidence.iter().map(evidence_fields).collect();
        f.push(("evidence", Value::Maps(items)));
    }
    list(&mut f, "supports", &c.supports);
    list(&mut f, "contradicts", &c.contradicts);
    citations(&mut f, &c.cites);
    if !c.arguments.is_empty() {
        let items = c.arguments.iter().map(argument_fields).collect();
        f.push(("arguments", Value::Maps(items)));
    }
    if !c.undercuts.is_empty() {
        let items = c.undercuts.iter().map(undercut_fields).collect();
        f.push(("undercuts", Value::Maps(items)));
    }
    list(&mut f, "supplied", &c.supplied);
    text(&mut f, "notes", c.notes.as_deref());
    f
}

/// The sections of a file, in canonical order.
const SECTIONS: [&str; 5] = ["schools", "documents", "historians", "works", "claims"];

/// The records of one file, by section (indices into [`SECTIONS`]).
type FileSections = [Vec<Fields>; 5];

impl Corpus {
    /// The corpus in canonical YAML: `(file, text)` for every file that holds records, sorted by
    /// path.
    ///
    /// Each record goes back to the file it was read from (its `origin`); records made in code,
    /// without an origin, go to `corpus.yaml`. The built-in schools are not written. Loading the
    /// files again gives an equal corpus (up to line and column positions); see the module
    /// `corpus::write` for the canonical form. Comments are not written: see `fmt`
    /// ([`Corpus::reformat`]) for a rewrite that keeps them.
    pub fn to_yaml_files(&self) -> Vec<(PathBuf, String)> {
        self.to_yaml_files_with(&BTreeMap::new())
    }

    /// As [`Corpus::to_yaml_files`], with the comments of each file put back.
    pub(crate) fn to_yaml_files_with(
        &self,
        comments: &BTreeMap<PathBuf, FileComments>,
    ) -> Vec<(PathBuf, String)> {
        let place = |_: usize, _: usize, origin: &Option<crate::Origin>| {
            origin
                .as_ref()
                .map_or_else(|| PathBuf::from(UNPLACED), |o| o.file.to_path_buf())
        };
        let mut files = Vec::new();
        self.each_yaml_file(place, comments, |path, text| {
            files.push((path, text));
            Ok::<(), std::convert::Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
        files
    }

    /// The corpus in canonical YAML, one file at a time, in path order: `place` says which
    /// file a record goes to, from its section (an index into `SECTIONS`), its place in the
    /// corpus's list and its origin. Only one file's text is held at a time, so a corpus of a
    /// million claims is written in the memory of one file.
    pub(crate) fn each_yaml_file<E>(
        &self,
        place: impl Fn(usize, usize, &Option<crate::Origin>) -> PathBuf,
        comments: &BTreeMap<PathBuf, FileComments>,
        mut write: impl FnMut(PathBuf, String) -> Result<(), E>,
    ) -> Result<(), E> {
        let built_in = School::built_in();
        let schools: Vec<&School> = (self.schools.iter())
            .filter(|s| !built_in.contains(s))
            .collect();
        let mut files: BTreeMap<PathBuf, [Vec<usize>; 5]> = BTreeMap::new();
        let origins = [
            schools.iter().map(|s| &s.origin).collect::<Vec<_>>(),
            self.documents.iter().map(|d| &d.origin).collect(),
            self.historians.iter().map(|h| &h.origin).collect(),
            self.works.iter().map(|w| &w.origin).collect(),
            self.claims.iter().map(|c| &c.origin).collect(),
        ];
        for (section, origins) in origins.iter().enumerate() {
            for (i, origin) in origins.iter().enumerate() {
                files.entry(place(section, i, origin)).or_default()[section].push(i);
            }
        }
        for (path, [s, d, h, w, c]) in files {
            let sections: FileSections = [
                s.iter().map(|&i| school_fields(schools[i])).collect(),
                d.iter()
                    .map(|&i| document_fields(&self.documents[i]))
                    .collect(),
                h.iter()
                    .map(|&i| historian_fields(&self.historians[i]))
                    .collect(),
                w.iter().map(|&i| work_fields(&self.works[i])).collect(),
                c.iter().map(|&i| claim_fields(&self.claims[i])).collect(),
            ];
            let text = block::write_file(&sections, comments.get(&path));
            write(path, text)?;
        }
        Ok(())
    }
}
