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
//! Comments are not kept: the parser drops them. `historiograph fmt` refuses to rewrite a file
//! that has comments unless told to drop them.

use std::collections::BTreeMap;
use std::path::PathBuf;

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
    /// A date or a year, which the corpus format reads as text: written plain where a YAML
    /// reader would take it for a number (`1950`), since that is how the format writes dates.
    Date(String),
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

fn date(fields: &mut Fields, key: &'static str, value: Option<&str>) {
    if let Some(v) = value {
        fields.push((key, Value::Date(v.to_string())));
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
        text(&mut f, "listed", Some("true"));
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
    /// `corpus::write` for the canonical form.
    pub fn to_yaml_files(&self) -> Vec<(PathBuf, String)> {
        let mut files: BTreeMap<PathBuf, FileSections> = BTreeMap::new();
        let built_in = School::built_in();
        let place = |origin: &Option<crate::Origin>| {
            origin
                .as_ref()
                .map_or_else(|| PathBuf::from(UNPLACED), |o| o.file.to_path_buf())
        };
        let records = (self.schools.iter())
            .filter(|s| !built_in.contains(s))
            .map(|s| (&s.origin, 0, school_fields(s)))
            .chain(
                self.documents
                    .iter()
                    .map(|d| (&d.origin, 1, document_fields(d))),
            )
            .chain(
                self.historians
                    .iter()
                    .map(|h| (&h.origin, 2, historian_fields(h))),
            )
            .chain(self.works.iter().map(|w| (&w.origin, 3, work_fields(w))))
            .chain(self.claims.iter().map(|c| (&c.origin, 4, claim_fields(c))));
        for (origin, section, fields) in records {
            files.entry(place(origin)).or_default()[section].push(fields);
        }
        files
            .into_iter()
            .map(|(path, sections)| (path, write_file(&sections)))
            .collect()
    }
}

fn write_file(sections: &FileSections) -> String {
    let mut blocks = Vec::new();
    for (name, records) in SECTIONS.iter().zip(sections) {
        if records.is_empty() {
            continue;
        }
        let items: Vec<String> = records.iter().map(|r| block_item(2, r)).collect();
        blocks.push(format!("{name}:\n{}", items.join("\n")));
    }
    blocks.join("\n")
}

/// A mapping as a block list item at `indent`: `- key: value` then the other keys below.
fn block_item(indent: usize, fields: &Fields) -> String {
    let body = block_fields(indent + 2, fields);
    let pad = " ".repeat(indent + 2);
    format!("{}- {}", " ".repeat(indent), &body[pad.len()..])
}

/// Each field on its own line(s) at `indent`.
fn block_fields(indent: usize, fields: &Fields) -> String {
    fields
        .iter()
        .map(|(key, value)| block_field(indent, key, value))
        .collect()
}

fn block_field(indent: usize, key: &str, value: &Value) -> String {
    let head = format!("{}{key}:", " ".repeat(indent));
    let one_line = match value {
        Value::Text(s) if !foldable(s) => Some(scalar(s, false)),
        Value::Date(s) => Some(date_scalar(s, false)),
        _ => flow(value).filter(|f| fits(&head, f)),
    };
    if let Some(line) = one_line {
        return format!("{head} {line}\n");
    }
    match value {
        Value::Text(s) => format!("{head} >-\n{}", folded(indent + 2, s)),
        Value::Date(s) => format!("{head} {}\n", date_scalar(s, false)),
        Value::List(items) => {
            let lines: String = items
                .iter()
                .map(|item| block_scalar_item(indent + 2, item))
                .collect();
            format!("{head}\n{lines}")
        }
        Value::Map(fields) => format!("{head}\n{}", block_fields(indent + 2, fields)),
        Value::Maps(items) => {
            let lines: String = items
                .iter()
                .map(|fields| {
                    let item_pad = " ".repeat(indent + 2);
                    match flow_map(fields) {
                        Some(f) if fits(&format!("{item_pad}-"), &f) => {
                            format!("{item_pad}- {f}\n")
                        }
                        _ => block_item(indent + 2, fields),
                    }
                })
                .collect();
            format!("{head}\n{lines}")
        }
    }
}

/// A text list item at `indent`: `- text`, folded when long.
fn block_scalar_item(indent: usize, item: &str) -> String {
    let head = format!("{}-", " ".repeat(indent));
    let inline = scalar(item, false);
    if fits(&head, &inline) || !foldable(item) {
        format!("{head} {inline}\n")
    } else {
        format!("{head} >-\n{}", folded(indent + 2, item))
    }
}

fn fits(head: &str, value: &str) -> bool {
    head.chars().count() + 1 + value.chars().count() <= WIDTH
}

/// The value on one line, if it can be written so.
fn flow(value: &Value) -> Option<String> {
    match value {
        Value::Text(s) => Some(scalar(s, false)),
        Value::Date(s) => Some(date_scalar(s, false)),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|i| scalar(i, true)).collect();
            Some(format!("[{}]", items.join(", ")))
        }
        Value::Map(fields) => flow_map(fields),
        Value::Maps(_) => None,
    }
}

fn flow_map(fields: &Fields) -> Option<String> {
    let mut parts = Vec::new();
    for (key, value) in fields {
        let v = match value {
            Value::Text(s) => scalar(s, true),
            Value::Date(s) => date_scalar(s, true),
            Value::List(_) => flow(value)?,
            Value::Map(_) | Value::Maps(_) => return None,
        };
        parts.push(format!("{key}: {v}"));
    }
    Some(format!("{{{}}}", parts.join(", ")))
}

/// Text folded (`>-`) at `indent`: words joined by single spaces, broken into lines at spaces.
fn folded(indent: usize, s: &str) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let mut line = String::new();
    for word in s.split(' ') {
        if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&format!("{pad}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&format!("{pad}{line}\n"));
    out
}

/// Whether folding with `>-` reads back exactly: printable text with single spaces only.
fn foldable(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(printable)
}

/// Characters written as they are; anything else is escaped inside double quotes.
fn printable(c: char) -> bool {
    !c.is_control()
        && !matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// A scalar on one line: plain when YAML reads it back unchanged, otherwise double-quoted.
fn scalar(s: &str, in_flow: bool) -> String {
    if is_plain(s, in_flow) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// A date or year on one line: plain unless YAML's syntax needs quotes, even where a YAML reader
/// would take the text for a number (`1950`); the corpus reads dates as text.
fn date_scalar(s: &str, in_flow: bool) -> String {
    if plain_syntax(s, in_flow) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn is_plain(s: &str, in_flow: bool) -> bool {
    plain_syntax(s, in_flow) && !resolves_to_non_string(s)
}

/// Whether YAML reads `s` back as itself when written plain, as some scalar.
fn plain_syntax(s: &str, in_flow: bool) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().last()) else {
        return false;
    };
    let special_start = "-?:,[]{}#&*!|>'\"%@`".contains(first) || first == ' ';
    let flow_clash = in_flow && s.contains([',', '[', ']', '{', '}', ':', '#']);
    !special_start
        && !flow_clash
        && last != ' '
        && last != ':'
        && !s.contains(": ")
        && !s.contains(" #")
        && s.chars().all(printable)
}

/// Whether a YAML reader would take the plain text for something other than text: null, a
/// boolean, a number, or (in YAML 1.1) a date. Such text is quoted, so that it stays text for
/// the corpus loader (which reads only plain `null` and `~` as null) and for other YAML tools;
/// dates and years themselves are written plain (see [`date_scalar`]).
fn resolves_to_non_string(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let word = matches!(
        lower.as_str(),
        "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) || matches!(lower.as_str(), ".inf" | "-.inf" | "+.inf" | ".nan");
    let number = s.parse::<f64>().is_ok()
        || lower.starts_with("0x")
        || lower.starts_with("0o")
        || (s.contains('_') && s.replace('_', "").parse::<f64>().is_ok());
    word || number || timestamp(s)
}

/// Whether `s` starts like a YAML 1.1 timestamp, `yyyy-m-d`.
fn timestamp(s: &str) -> bool {
    let mut parts = s.splitn(3, '-');
    let (Some(year), Some(month), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let digits = |p: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    digits(year, 4..=4) && digits(month, 1..=2) && digits(&day, 1..=2)
}

/// Double-quoted, with every character YAML would not read back as itself escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}
