//! The tab-separated edge list shared with other tools (such as the networkx baseline in
//! `../shared/bench/networkx_baseline.py`): reading it into a [`Corpus`] and writing one.
//!
//! One record a line, fields separated by tabs, `#` starts a comment line, blank lines are
//! skipped:
//!
//! ```text
//! document<TAB>ID                 claim<TAB>ID            (declarations; ids in edges declare themselves)
//! evidence<TAB>DOCUMENT<TAB>CLAIM       the document backs the claim
//! supports<TAB>CLAIM<TAB>CLAIM          the first claim supports the second
//! contradicts<TAB>CLAIM<TAB>CLAIM       the first claim contradicts the second (one direction)
//! ```
//!
//! The format has ids and edges only: records read from it have empty titles and statements,
//! no historians, and evidence without locators. Undermining evidence has no record kind, so
//! [`Corpus::write_tsv`] leaves it out.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::corpus::date::{DateSpec, PartialDate};
use crate::corpus::id::Id;
use crate::corpus::model::{Audience, Claim, Document, DocumentKind, Evidence, Polarity, School};
use crate::corpus::{Corpus, LoadError};
use crate::diagnostic::{Diagnostic, Origin};
use crate::graph::IdMap;

const KINDS: &str = "document, claim, evidence, supports or contradicts";

/// Documents and claims by first appearance, with their edges as indices.
#[derive(Default)]
struct EdgeList {
    ids: IdMap<Id, (bool, u32)>,
    documents: Vec<u32>,
    claims: Vec<u32>,
    backs: Vec<Vec<u32>>,
    supports: Vec<Vec<u32>>,
    contradicts: Vec<Vec<u32>>,
    diagnostics: Vec<Diagnostic>,
}

/// Where a record is, for diagnostics.
struct At<'a> {
    file: &'a Arc<Path>,
    line: usize,
}

impl At<'_> {
    fn origin(&self, column: usize) -> Origin {
        Origin::new(self.file.clone(), self.line, column)
    }
}

impl EdgeList {
    fn error(&mut self, at: &At, column: usize, message: String, hint: &str) {
        self.diagnostics
            .push(Diagnostic::new(at.origin(column), message).with_hint(hint));
    }

    /// The index of a document (`is_document`) or claim, declaring it on first sight.
    fn node(&mut self, at: &At, column: usize, id: &str, is_document: bool) -> Option<u32> {
        let noun = |d: bool| if d { "document" } else { "claim" };
        if id.is_empty() || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
            let message = format!("expected a {} id, found `{id}`", noun(is_document));
            self.error(at, column, message, "ids are non-empty and have no spaces");
            return None;
        }
        if let Some(&(kind, i)) = self.ids.get(id) {
            if kind == is_document {
                return Some(i);
            }
            let (expected, found) = (noun(is_document), noun(kind));
            let message = format!("expected a {expected}, found the {found} `{id}`");
            let hint = "an id names either a document or a claim, not both";
            self.error(at, column, message, hint);
            return None;
        }
        let list = if is_document {
            &mut self.documents
        } else {
            self.backs.push(Vec::new());
            self.supports.push(Vec::new());
            self.contradicts.push(Vec::new());
            &mut self.claims
        };
        let i = list.len() as u32;
        list.push(at.line as u32);
        self.ids.insert(Id::from(id), (is_document, i));
        Some(i)
    }

    fn record(&mut self, at: &At, line: &str) {
        let fields: Vec<&str> = line.split('\t').collect();
        let arity = match fields[0] {
            "document" | "claim" => 2,
            "evidence" | "supports" | "contradicts" => 3,
            other => {
                let message = format!("expected a record kind ({KINDS}), found `{other}`");
                let hint = "each line starts with its kind, then tab-separated ids";
                return self.error(at, 1, message, hint);
            }
        };
        if fields.len() != arity {
            let message = format!(
                "expected {arity} tab-separated fields in a `{}` record, found {}",
                fields[0],
                fields.len()
            );
            return self.error(at, 1, message, "separate the fields with single tabs");
        }
        // The column of field k, counted in characters from 1.
        let column = |k: usize| {
            fields[..k]
                .iter()
                .map(|f| f.chars().count() + 1)
                .sum::<usize>()
                + 1
        };
        let first_is_document = matches!(fields[0], "document" | "evidence");
        let a = self.node(at, column(1), fields[1], first_is_document);
        if arity == 2 {
            return;
        }
        let b = self.node(at, column(2), fields[2], false);
        let (Some(a), Some(b)) = (a, b) else { return };
        let list = match fields[0] {
            "evidence" => &mut self.backs[b as usize],
            _ if a == b => {
                let message = format!("claim `{}` {} itself", fields[1], fields[0]);
                return self.error(at, column(2), message, "remove the line");
            }
            "supports" => &mut self.supports[a as usize],
            _ => &mut self.contradicts[a as usize],
        };
        list.push(if fields[0] == "evidence" { a } else { b });
    }

    /// Sorts and deduplicates every edge list, and reports pairs that both support and
    /// contradict.
    fn settle(&mut self, file: &Arc<Path>) {
        for list in self
            .backs
            .iter_mut()
            .chain(&mut self.supports)
            .chain(&mut self.contradicts)
        {
            list.sort_unstable();
            list.dedup();
        }
        let mut both = Vec::new();
        for (a, (s, c)) in self.supports.iter().zip(&self.contradicts).enumerate() {
            both.extend(
                c.iter()
                    .filter(|b| s.binary_search(b).is_ok())
                    .map(|&b| (a as u32, b)),
            );
        }
        if both.is_empty() {
            return;
        }
        let names = self.names(false);
        let found: Vec<Diagnostic> = both
            .into_iter()
            .map(|(a, b)| {
                let at = At {
                    file,
                    line: self.claims[a as usize] as usize,
                };
                let message = format!(
                    "claim `{}` both supports and contradicts `{}`",
                    names[a as usize], names[b as usize]
                );
                Diagnostic::new(at.origin(0), message).with_hint("keep one of the two relations")
            })
            .collect();
        self.diagnostics.extend(found);
    }

    /// The ids of documents or claims, by index.
    fn names(&self, documents: bool) -> Vec<&str> {
        let n = if documents {
            self.documents.len()
        } else {
            self.claims.len()
        };
        let mut names = vec![""; n];
        for (id, &(kind, i)) in &self.ids {
            if kind == documents {
                names[i as usize] = id.as_str();
            }
        }
        names
    }

    fn into_corpus(self) -> Corpus {
        // Each id, allocated once when first read, moves out of the map into its record and is
        // shared by every reference to it; each claim's edge lists are freed as soon as its
        // record is built, to keep the peak low.
        let mut doc_ids = vec![Id::default(); self.documents.len()];
        let mut claim_ids = vec![Id::default(); self.claims.len()];
        for (id, (is_document, i)) in self.ids {
            let ids = if is_document {
                &mut doc_ids
            } else {
                &mut claim_ids
            };
            ids[i as usize] = id;
        }
        let edges = self
            .backs
            .into_iter()
            .zip(self.supports)
            .zip(self.contradicts);
        let mut claims: Vec<Claim> = edges
            .map(|((backs, supports), contradicts)| {
                edge_claim(&doc_ids, &claim_ids, &backs, &supports, &contradicts)
            })
            .collect();
        for (claim, id) in claims.iter_mut().zip(claim_ids) {
            claim.id = id;
        }
        Corpus {
            schools: School::built_in(),
            documents: doc_ids.into_iter().map(edge_document).collect(),
            historians: Vec::new(),
            claims,
            works: Vec::new(),
        }
    }
}

/// A claim of an edge list, without its id (filled in afterwards).
fn edge_claim(
    doc_ids: &[Id],
    claim_ids: &[Id],
    backs: &[u32],
    supports: &[u32],
    contradicts: &[u32],
) -> Claim {
    let names = |list: &[u32]| {
        list.iter()
            .map(|&c| claim_ids[c as usize].clone())
            .collect()
    };
    Claim {
        id: Id::default(),
        statement: "".into(),
        school: None,
        proponents: Vec::new(),
        period: None,
        stance: None,
        locator: None,
        evidence: backs
            .iter()
            .map(|&d| Evidence {
                document: doc_ids[d as usize].clone(),
                polarity: Polarity::Backs,
                locator: "".into(),
                quote: None,
                cited_as: None,
                note: None,
                quote_by: None,
            })
            .collect(),
        supports: names(supports),
        contradicts: names(contradicts),
        notes: None,
        origin: None,
        ..Default::default()
    }
}

fn edge_document(id: Id) -> Document {
    Document {
        id,
        title: "".into(),
        date: DateSpec {
            start: PartialDate {
                year: 0,
                month: None,
                day: None,
            },
            end: None,
        },
        kind: DocumentKind::Other,
        author: "".into(),
        recipient: None,
        citation: "".into(),
        audience: Audience::Internal,
        known_through: None,
        reliability: None,
        notes: None,
        origin: None,
        listed: false,
        supplied: Vec::new(),
    }
}

impl Corpus {
    /// Reads a tab-separated edge list (the format is in the module documentation of
    /// `edgelist`, and at the top of the networkx baseline script).
    ///
    /// Repeated edges count once. Every problem is reported at once, with its line: an unknown
    /// record kind, a wrong number of fields, an id with spaces, an id used both as a document
    /// and as a claim, a claim supporting or contradicting itself, or both supporting and
    /// contradicting another.
    pub fn load_tsv(path: impl AsRef<Path>) -> Result<Corpus, LoadError> {
        let path = path.as_ref();
        let file = fs::File::open(path).map_err(|e| {
            let origin = Origin::file(path);
            let message = format!("cannot read the edge list: {e}");
            LoadError {
                diagnostics: vec![Diagnostic::new(origin, message)
                    .with_hint("check that the file exists and is readable")],
            }
        })?;
        Corpus::read_tsv(path, BufReader::with_capacity(1 << 20, file))
    }

    /// Reads a tab-separated edge list from `input`; `path` names it in diagnostics. See
    /// [`Corpus::load_tsv`].
    pub fn read_tsv(
        path: impl Into<PathBuf>,
        mut input: impl BufRead,
    ) -> Result<Corpus, LoadError> {
        let file: Arc<Path> = path.into().into();
        let mut edges = EdgeList::default();
        let mut bytes = Vec::new();
        for line in 1.. {
            bytes.clear();
            let at = At { file: &file, line };
            match input.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    let message = format!("cannot read the edge list: {e}");
                    edges.error(&at, 0, message, "check that the file is readable");
                    break;
                }
            }
            let Ok(text) = std::str::from_utf8(&bytes) else {
                let message = "expected UTF-8 text, found bytes that are not UTF-8".to_string();
                edges.error(&at, 1, message, "save the file as UTF-8");
                continue;
            };
            let text = text.trim_end_matches(['\n', '\r']);
            let text = if line == 1 {
                text.trim_start_matches('\u{feff}')
            } else {
                text
            };
            if !text.is_empty() && !text.starts_with('#') {
                let before = edges.diagnostics.len();
                edges.record(&at, text);
                // The line is in hand: its problems carry it, to render without the file.
                for d in &mut edges.diagnostics[before..] {
                    d.source_line = Some(text.to_string());
                }
            }
        }
        edges.settle(&file);
        if !edges.diagnostics.is_empty() {
            let mut diagnostics = std::mem::take(&mut edges.diagnostics);
            diagnostics.sort();
            return Err(LoadError { diagnostics });
        }
        Ok(edges.into_corpus())
    }

    /// Writes the corpus as a tab-separated edge list: every document and claim declared (in
    /// corpus order), then the backing evidence, the supports and the contradictions.
    /// Undermining evidence is left out; ids with tabs or line breaks are refused.
    pub fn write_tsv(&self, out: impl Write) -> io::Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 20, out);
        let ids = self.documents.iter().map(|d| &d.id);
        if let Some(bad) = ids
            .chain(self.claims.iter().map(|c| &c.id))
            .find(|id| id.contains(['\t', '\n', '\r']))
        {
            let message = format!(
                "cannot write the id {bad:?} to an edge list: it holds a tab or a line break"
            );
            return Err(io::Error::new(io::ErrorKind::InvalidInput, message));
        }
        writeln!(
            out,
            "# historiograph edge list: {} documents, {} claims",
            self.documents.len(),
            self.claims.len()
        )?;
        for d in &self.documents {
            writeln!(out, "document\t{}", d.id)?;
        }
        for c in &self.claims {
            writeln!(out, "claim\t{}", c.id)?;
        }
        for c in &self.claims {
            for e in c.evidence.iter().filter(|e| e.polarity == Polarity::Backs) {
                writeln!(out, "evidence\t{}\t{}", e.document, c.id)?;
            }
        }
        for c in &self.claims {
            for s in &c.supports {
                writeln!(out, "supports\t{}\t{s}", c.id)?;
            }
        }
        for c in &self.claims {
            for s in &c.contradicts {
                writeln!(out, "contradicts\t{}\t{s}", c.id)?;
            }
        }
        out.flush()
    }
}
