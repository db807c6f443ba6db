//! AIF (AIFdb JSON nodeset) in.
//!
//! - Each I-node becomes a claim: id = the `nodeID` (made unique and space-free if needed),
//!   statement = the `text`.
//! - Each RA node with two or more premises (I → RA) and a conclusion (RA → I) is AIF's linked
//!   argument: it becomes one entry of the conclusion's `arguments:`, with those premises (its
//!   locator names the RA node). An RA node with one premise becomes `supports` from the
//!   premise to the conclusion. Either way the RA node's id, scheme and edges are written into
//!   the conclusion's notes.
//! - Each CA node with an attacker (I → CA) and a target (CA → I) becomes `contradicts`.
//! - A CA node from an I-node to an RA node that became arguments is AIF's undercutter: it
//!   becomes `undercuts: [{argument: ID}]` on the attacking claim, and the argument gets the RA
//!   node's id as its `id`. A CA node attacking an RA node of one premise stays a note (the
//!   corpus format has no argument of one premise): the support stands, the undercut is kept
//!   as a note on the attacker.
//! - Speakers (`locutions[].personID`, named from `participants` or the `Name : ...` prefix of
//!   their L-nodes) become historians; an L → YA → I anchor makes the speaker a proponent.
//! - Every other node (MA, TA, YA, PA, RA or CA with a missing end, unknown types) is kept as a
//!   note on the claims it touches, else on the claims of S-nodes it touches, else on the
//!   speakers of the L-nodes it touches; a node that touches none of these is kept, with its
//!   edges, in a side file of AIF JSON. Timestamps and schemes are kept in the notes.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::corpus::model::{Argument, Undercut, UndercutTarget};
use crate::corpus::{Corpus, LoadError};

/// Why an AIF map could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not JSON.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// The line of the problem.
        line: usize,
        /// The column of the problem.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// The JSON is not an AIF nodeset.
    #[error("not an AIF nodeset: {0}")]
    Shape(String),
    /// An output file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An output file exists already.
    #[error("`{}` exists already: import into an empty folder, or remove it", .0.display())]
    Exists(PathBuf),
}

/// How many items of one kind were found, and where each went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    /// How many the file holds.
    pub total: usize,
    /// Turned into claims, relations, historians or proponents.
    pub mapped: usize,
    /// Kept as notes on claims or historians.
    pub noted: usize,
    /// Kept in the side file of AIF JSON, touching no claim or speaker.
    pub aside: usize,
}

/// What an import found and made.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// The map's name (the file stem).
    pub name: String,
    /// Nodes by AIF type (`I`, `L`, `RA`, `CA`, `MA`, `YA`, `TA`, …).
    pub nodes: BTreeMap<String, Tally>,
    /// Edges.
    pub edges: Tally,
    /// Entries of `locutions`.
    pub locutions: Tally,
    /// Entries of `participants`.
    pub participants: Tally,
    /// Claims made.
    pub claims: usize,
    /// Historians made.
    pub historians: usize,
    /// Support edges made.
    pub supports: usize,
    /// Contradiction edges made.
    pub contradicts: usize,
    /// Linked arguments made (RA nodes with two or more premises).
    pub arguments: usize,
    /// Undercuts made (CA nodes attacking an RA node that became an argument).
    pub undercuts: usize,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "imported {}: {} claims, {} historians, {} supports, {} contradicts, {} arguments, {} undercuts",
            self.name,
            self.claims,
            self.historians,
            self.supports,
            self.contradicts,
            self.arguments,
            self.undercuts
        )?;
        writeln!(
            f,
            "  {:<14} {:>6} {:>6} {:>6} {:>6}",
            "AIF", "total", "mapped", "notes", "aside"
        )?;
        let rows = self
            .nodes
            .iter()
            .map(|(t, n)| (format!("{t} nodes"), n))
            .chain([
                ("edges".to_string(), &self.edges),
                ("locutions".to_string(), &self.locutions),
                ("participants".to_string(), &self.participants),
            ]);
        for (what, t) in rows {
            writeln!(
                f,
                "  {what:<14} {:>6} {:>6} {:>6} {:>6}",
                t.total, t.mapped, t.noted, t.aside
            )?;
        }
        Ok(())
    }
}

/// An imported AIF map: the corpus file, the side file, and the summary.
#[derive(Clone, Debug)]
pub struct AifImport {
    /// The corpus file's YAML text.
    pub yaml: String,
    /// AIF JSON holding the nodes and edges that touch no claim or speaker, if any.
    pub aside: Option<String>,
    /// What was found and where it went.
    pub summary: ImportSummary,
}

impl AifImport {
    /// Reads and imports an AIF JSON file; the corpus is named after the file stem.
    pub fn read(path: impl AsRef<Path>) -> Result<AifImport, ImportError> {
        let path = path.as_ref();
        let text = fs::read_to_string(path).map_err(|source| ImportError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "aif".into());
        AifImport::from_json(&name, &text)
    }

    /// Imports AIF JSON text; `name` names the output files.
    pub fn from_json(name: &str, json: &str) -> Result<AifImport, ImportError> {
        let value: Value = serde_json::from_str(json).map_err(|e| ImportError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let map = Map::parse(&value)?;
        Ok(map.import(name))
    }

    /// The imported corpus, validated as [`Corpus::load`] would.
    pub fn corpus(&self) -> Result<Corpus, LoadError> {
        Corpus::from_sources([(format!("{}.yaml", self.summary.name), &self.yaml)])
    }

    /// Writes `NAME.yaml` (and `NAME.unmapped.json` when something is kept aside) into `dir`,
    /// creating it if needed; refuses to overwrite. Returns the paths written.
    pub fn write(&self, dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, ImportError> {
        let dir = dir.as_ref();
        let write_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ImportError::Write { path, source }
        };
        fs::create_dir_all(dir).map_err(write_err(dir))?;
        let name = &self.summary.name;
        let mut files = vec![(dir.join(format!("{name}.yaml")), &self.yaml)];
        if let Some(aside) = &self.aside {
            files.push((dir.join(format!("{name}.unmapped.json")), aside));
        }
        if let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
            return Err(ImportError::Exists(path.clone()));
        }
        for (path, text) in &files {
            fs::write(path, text).map_err(write_err(path))?;
        }
        Ok(files.into_iter().map(|(p, _)| p).collect())
    }
}

/// A node of the map.
struct AifNode<'j> {
    id: String,
    kind: &'j str,
    text: &'j str,
    /// Other fields (timestamp, scheme, …) as `key: value`, sorted by key.
    extra: Vec<String>,
    raw: &'j Value,
}

/// An edge of the map, with its ends as node positions (`None` when the id names no node).
struct AifEdge<'j> {
    id: String,
    from: Option<usize>,
    to: Option<usize>,
    raw: &'j Value,
}

/// An entry of `locutions`: the L-node position (if it names one), the personID and the other
/// fields.
type AifLocution<'j> = (Option<usize>, Option<String>, Vec<String>, &'j Value);

/// A parsed nodeset.
struct Map<'j> {
    nodes: Vec<AifNode<'j>>,
    edges: Vec<AifEdge<'j>>,
    locutions: Vec<AifLocution<'j>>,
    /// `participants[]`: participantID → name.
    participants: Vec<(String, String)>,
    /// Per node: the edges in and out.
    ins: Vec<Vec<usize>>,
    outs: Vec<Vec<usize>>,
}

/// A string or number as text.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A required string-or-number field of an object in a list.
fn field(item: &Value, list: &str, i: usize, key: &str) -> Result<String, ImportError> {
    match item.get(key) {
        Some(v) => scalar(v).ok_or_else(|| {
            ImportError::Shape(format!(
                "expected a string or number for `{key}` of {list}[{i}], found {}",
                describe(v)
            ))
        }),
        None => Err(ImportError::Shape(format!(
            "missing field `{key}` in {list}[{i}]"
        ))),
    }
}

/// The fields of an object other than `skip`, as `key: value`, sorted; nulls are left out.
fn extras(item: &Value, skip: &[&str]) -> Vec<String> {
    let Some(object) = item.as_object() else {
        return Vec::new();
    };
    let mut out: Vec<String> = object
        .iter()
        .filter(|(k, v)| !skip.contains(&k.as_str()) && !v.is_null())
        .map(|(k, v)| format!("{k}: {}", scalar(v).unwrap_or_else(|| v.to_string())))
        .collect();
    out.sort();
    out
}

/// A list under `key` of the top-level object; optional lists may be missing.
fn list<'j>(root: &'j Value, key: &str, required: bool) -> Result<&'j [Value], ImportError> {
    match root.get(key) {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(ImportError::Shape(format!(
            "expected a list under `{key}`, found {}",
            describe(other)
        ))),
        None if required => Err(ImportError::Shape(format!(
            "missing `{key}`: an AIF nodeset has `nodes` and `edges` lists"
        ))),
        None => Ok(&[]),
    }
}

impl<'j> Map<'j> {
    fn parse(root: &'j Value) -> Result<Map<'j>, ImportError> {
        if !root.is_object() {
            return Err(ImportError::Shape(format!(
                "expected an object with `nodes` and `edges`, found {}",
                describe(root)
            )));
        }
        let mut nodes = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, raw) in list(root, "nodes", true)?.iter().enumerate() {
            let id = field(raw, "nodes", i, "nodeID")?;
            let text = match raw.get("text") {
                Some(Value::String(s)) => s.as_str(),
                Some(Value::Null) | None => "",
                Some(other) => {
                    return Err(ImportError::Shape(format!(
                        "expected a string for `text` of nodes[{i}], found {}",
                        describe(other)
                    )))
                }
            };
            let kind = match raw.get("type") {
                Some(Value::String(s)) => s.as_str(),
                _ => {
                    return Err(ImportError::Shape(format!(
                        "expected a string `type` (I, L, RA, CA, …) in nodes[{i}]"
                    )))
                }
            };
            if let Some(first) = index.insert(id.clone(), i) {
                return Err(ImportError::Shape(format!(
                    "duplicate nodeID `{id}` in nodes[{first}] and nodes[{i}]"
                )));
            }
            nodes.push(AifNode {
                id,
                kind,
                text,
                extra: extras(raw, &["nodeID", "type", "text"]),
                raw,
            });
        }
        let mut edges = Vec::new();
        for (i, raw) in list(root, "edges", true)?.iter().enumerate() {
            let from = field(raw, "edges", i, "fromID")?;
            let to = field(raw, "edges", i, "toID")?;
            let id = raw
                .get("edgeID")
                .and_then(scalar)
                .unwrap_or_else(|| format!("#{i}"));
            edges.push(AifEdge {
                id,
                from: index.get(&from).copied(),
                to: index.get(&to).copied(),
                raw,
            });
        }
        let mut locutions = Vec::new();
        for (i, raw) in list(root, "locutions", false)?.iter().enumerate() {
            let node = field(raw, "locutions", i, "nodeID")?;
            let person = raw.get("personID").and_then(scalar);
            let extra = extras(raw, &["nodeID", "personID"]);
            locutions.push((index.get(&node).copied(), person, extra, raw));
        }
        let mut participants = Vec::new();
        for (i, raw) in list(root, "participants", false)?.iter().enumerate() {
            let id = field(raw, "participants", i, "participantID")?;
            let part = |k: &str| raw.get(k).and_then(scalar).unwrap_or_default();
            let name = format!("{} {}", part("firstname"), part("surname"));
            participants.push((id, name.trim().to_string()));
        }
        let mut ins = vec![Vec::new(); nodes.len()];
        let mut outs = vec![Vec::new(); nodes.len()];
        for (e, edge) in edges.iter().enumerate() {
            if let (Some(from), Some(to)) = (edge.from, edge.to) {
                outs[from].push(e);
                ins[to].push(e);
            }
        }
        Ok(Map {
            nodes,
            edges,
            locutions,
            participants,
            ins,
            outs,
        })
    }

    /// The nodes joined to `n` by an edge, either way.
    fn neighbours(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.ins[n].iter().filter_map(|&e| self.edges[e].from);
        let to = self.outs[n].iter().filter_map(|&e| self.edges[e].to);
        from.chain(to)
    }

    fn import(&self, name: &str) -> AifImport {
        Importer::new(self, name).run()
    }
}

/// Where an item went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    Mapped,
    Noted,
    Aside,
}

struct ClaimDraft {
    id: String,
    statement: String,
    proponents: BTreeSet<usize>,
    supports: BTreeSet<usize>,
    contradicts: BTreeSet<usize>,
    arguments: Vec<ArgumentDraft>,
    /// The arguments this claim undercuts: `(conclusion, index in its arguments, locator)`.
    undercuts: Vec<(usize, usize, String)>,
    notes: Vec<String>,
}

/// A linked argument from an RA node: its premises as claim positions.
struct ArgumentDraft {
    /// Given when some CA node undercuts the argument.
    id: Option<String>,
    premises: Vec<usize>,
    /// The RA node's position.
    node: usize,
}

struct HistorianDraft {
    id: String,
    /// The AIF personID.
    person: String,
    name: String,
    notes: Vec<String>,
}

/// The import in progress: claims and historians as positions into their lists.
struct Importer<'m, 'j> {
    map: &'m Map<'j>,
    name: String,
    /// Per node: its claim, if it is an I-node.
    claim_of: Vec<Option<usize>>,
    /// Per node: the speaker of an L-node, if known.
    speaker_of: Vec<Option<usize>>,
    claims: Vec<ClaimDraft>,
    historians: Vec<HistorianDraft>,
    node_fate: Vec<Fate>,
    edge_realised: Vec<bool>,
    used_ids: HashSet<String>,
    /// Per node: the arguments an RA node became, as `(conclusion, index in its arguments)`.
    arguments_of: Vec<Vec<(usize, usize)>>,
}

/// Whether `text` is usable as a corpus id as it stands.
fn valid_id(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A node id as a corpus id: as it stands if usable, else with its words joined by `-` and
/// control characters left out, else `fallback()`.
fn id_from(node_id: &str, fallback: impl FnOnce() -> String) -> String {
    if valid_id(node_id) {
        return node_id.to_string();
    }
    let joined: Vec<&str> = node_id.split_whitespace().collect();
    let joined = joined.join("-").replace(|c: char| c.is_control(), "");
    if joined.is_empty() {
        fallback()
    } else {
        joined
    }
}

/// The items once each, in the order of their first occurrence.
fn distinct(items: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Text that the corpus reader would take for an empty value.
fn reads_as_empty(text: &str) -> bool {
    matches!(text.trim(), "" | "~" | "null" | "Null" | "NULL")
}

impl<'m, 'j> Importer<'m, 'j> {
    fn new(map: &'m Map<'j>, name: &str) -> Self {
        let n = map.nodes.len();
        Importer {
            map,
            name: name.to_string(),
            claim_of: vec![None; n],
            speaker_of: vec![None; n],
            claims: Vec::new(),
            historians: Vec::new(),
            node_fate: vec![Fate::Aside; n],
            edge_realised: vec![false; map.edges.len()],
            used_ids: HashSet::new(),
            arguments_of: vec![Vec::new(); n],
        }
    }

    /// `wanted` if free, else `wanted-2`, `wanted-3`, …
    fn unique_id(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        let mut n = 1;
        while self.used_ids.contains(&id) {
            n += 1;
            id = format!("{wanted}-{n}");
        }
        self.used_ids.insert(id.clone());
        id
    }

    fn run(mut self) -> AifImport {
        self.make_claims();
        self.make_speakers();
        self.map_inferences();
        self.map_conflicts();
        self.map_anchors();
        self.keep_the_rest();
        self.finish()
    }

    fn node_label(&self, n: usize) -> String {
        let node = &self.map.nodes[n];
        format!("{} {}", node.kind, node.id)
    }

    /// `TYPE id "text" (extras): from …; to …`: a node with every edge it has.
    fn describe_node(&self, n: usize) -> String {
        let node = &self.map.nodes[n];
        let mut out = format!("{} {} {:?}", node.kind, node.id, node.text);
        if !node.extra.is_empty() {
            out.push_str(&format!(" ({})", node.extra.join(", ")));
        }
        let ends = |edges: &[usize], from: bool| -> Vec<String> {
            edges
                .iter()
                .map(|&e| {
                    let edge = &self.map.edges[e];
                    let other = if from { edge.from } else { edge.to };
                    format!("{} [edge {}]", self.node_label(other.unwrap_or(n)), edge.id)
                })
                .collect()
        };
        let from = ends(&self.map.ins[n], true);
        let to = ends(&self.map.outs[n], false);
        if !from.is_empty() {
            out.push_str(&format!("; from {}", from.join(", ")));
        }
        if !to.is_empty() {
            out.push_str(&format!("; to {}", to.join(", ")));
        }
        out
    }

    fn make_claims(&mut self) {
        for (n, node) in self.map.nodes.iter().enumerate() {
            if node.kind != "I" {
                continue;
            }
            let id = self.unique_id(id_from(&node.id, || format!("i-node-{n}")));
            let mut notes = vec![format!("AIF I-node {}", node.id)];
            if !node.extra.is_empty() {
                notes[0].push_str(&format!(" ({})", node.extra.join(", ")));
            }
            let statement = if reads_as_empty(node.text) {
                notes.push(format!(
                    "the I-node's text {:?} reads as empty; the statement is a placeholder",
                    node.text
                ));
                format!("(I-node {} without text)", node.id)
            } else {
                node.text.to_string()
            };
            self.claim_of[n] = Some(self.claims.len());
            self.node_fate[n] = Fate::Mapped;
            self.claims.push(ClaimDraft {
                id,
                statement,
                proponents: BTreeSet::new(),
                supports: BTreeSet::new(),
                contradicts: BTreeSet::new(),
                arguments: Vec::new(),
                undercuts: Vec::new(),
                notes,
            });
        }
    }

    /// Historians from `participants` and `locutions[].personID`; each L-node's speaker.
    fn make_speakers(&mut self) {
        let mut by_person: BTreeMap<String, usize> = BTreeMap::new();
        let participant_names: HashMap<&str, &str> = self
            .map
            .participants
            .iter()
            .map(|(id, name)| (id.as_str(), name.as_str()))
            .collect();
        let mut person_ids: Vec<&str> = self
            .map
            .participants
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        person_ids.extend(self.map.locutions.iter().filter_map(|l| l.1.as_deref()));
        for person in person_ids {
            if by_person.contains_key(person) {
                continue;
            }
            let wanted: String = format!("person-{person}")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("-");
            let id = self.unique_id(wanted);
            let name = participant_names
                .get(person)
                .filter(|n| !n.is_empty())
                .map(|n| n.to_string());
            by_person.insert(person.to_string(), self.historians.len());
            self.historians.push(HistorianDraft {
                id,
                person: person.to_string(),
                name: name.unwrap_or_default(),
                notes: vec![format!("AIF participant {person}")],
            });
        }
        let mut seen_locutions = HashSet::new();
        for (node, person, extra, raw) in &self.map.locutions {
            let Some(person) = person else { continue };
            let h = by_person[person.as_str()];
            if let Some(n) = node {
                self.speaker_of[*n].get_or_insert(h);
                let text = self.map.nodes[*n].text;
                if self.historians[h].name.is_empty() {
                    if let Some((prefix, _)) = text.split_once(':') {
                        self.historians[h].name = prefix.trim().to_string();
                    }
                }
            }
            if !seen_locutions.insert(raw.to_string()) {
                continue;
            }
            let what = match node {
                Some(n) => self.node_label(*n),
                None => format!("an unknown node {}", raw.get("nodeID").unwrap_or(raw)),
            };
            let mut note = format!("locution {what}");
            if !extra.is_empty() {
                note.push_str(&format!(" ({})", extra.join(", ")));
            }
            self.historians[h].notes.push(note);
        }
        for historian in &mut self.historians {
            if historian.name.is_empty() {
                historian.name = format!("AIF participant {}", historian.person);
            }
        }
    }

    /// The I-node ends of a node's edges in one direction, with the edges.
    fn claim_ends(&self, n: usize, incoming: bool) -> Vec<(usize, usize)> {
        let edges = if incoming {
            &self.map.ins[n]
        } else {
            &self.map.outs[n]
        };
        edges
            .iter()
            .filter_map(|&e| {
                let edge = &self.map.edges[e];
                let other = if incoming { edge.from } else { edge.to }?;
                Some((self.claim_of[other]?, e))
            })
            .collect()
    }

    /// RA and CA nodes with both ends: `(node, sources, targets)` as claim positions.
    fn complete(&mut self, kind: &str) -> Vec<(usize, Vec<usize>, Vec<usize>)> {
        let mut out = Vec::new();
        for n in 0..self.map.nodes.len() {
            if self.map.nodes[n].kind != kind {
                continue;
            }
            let sources = self.claim_ends(n, true);
            let targets = self.claim_ends(n, false);
            if sources.is_empty() || targets.is_empty() {
                continue;
            }
            for &(_, e) in sources.iter().chain(&targets) {
                self.edge_realised[e] = true;
            }
            self.node_fate[n] = Fate::Mapped;
            let note = self.describe_node(n);
            for &(t, _) in &targets {
                self.claims[t].notes.push(note.clone());
            }
            out.push((
                n,
                sources.into_iter().map(|(c, _)| c).collect(),
                targets.into_iter().map(|(c, _)| c).collect(),
            ));
        }
        out
    }

    /// RA nodes: two or more premises are a linked argument for the conclusion, one premise a
    /// support. A premise that is also the conclusion is left out, with a note.
    fn map_inferences(&mut self) {
        for (n, premises, conclusions) in self.complete("RA") {
            for c in distinct(conclusions) {
                let mut others = Vec::new();
                for p in distinct(premises.iter().copied()) {
                    if p == c {
                        let note = format!(
                            "not mapped: {} has this claim as premise and conclusion",
                            self.node_label(n)
                        );
                        self.claims[c].notes.push(note);
                    } else {
                        others.push(p);
                    }
                }
                if others.len() >= 2 {
                    let k = self.claims[c].arguments.len();
                    self.claims[c].arguments.push(ArgumentDraft {
                        id: None,
                        premises: others,
                        node: n,
                    });
                    self.arguments_of[n].push((c, k));
                } else {
                    for p in others {
                        self.claims[p].supports.insert(c);
                    }
                }
            }
        }
    }

    /// CA nodes with an attacker: an I-node target is contradicted; an RA node that became
    /// arguments is undercut (AIF's undercutter), and each of its arguments gets an id.
    fn map_conflicts(&mut self) {
        for n in 0..self.map.nodes.len() {
            if self.map.nodes[n].kind != "CA" {
                continue;
            }
            let attackers = self.claim_ends(n, true);
            if attackers.is_empty() {
                continue;
            }
            let targets = self.claim_ends(n, false);
            let mut undercut: Vec<(usize, usize)> = Vec::new();
            for &e in &self.map.outs[n] {
                let Some(m) = self.map.edges[e].to else {
                    continue;
                };
                if self.map.nodes[m].kind != "RA" {
                    continue;
                }
                if self.arguments_of[m].is_empty() {
                    let note = format!(
                        "not mapped as an undercut: {} attacks {}, which is no argument (an \
                         argument needs two premises and a conclusion); what the RA node became \
                         stands",
                        self.node_label(n),
                        self.node_label(m)
                    );
                    for a in distinct(attackers.iter().map(|&(a, _)| a)) {
                        self.claims[a].notes.push(note.clone());
                    }
                } else {
                    undercut.push((m, e));
                }
            }
            let ends: Vec<usize> = (attackers.iter().chain(&targets).map(|&(_, e)| e))
                .chain(undercut.iter().map(|&(_, e)| e))
                .collect();
            let claims = distinct(targets.into_iter().map(|(t, _)| t));
            let attackers = distinct(attackers.into_iter().map(|(a, _)| a));
            let mut made = false;
            for &t in &claims {
                for &a in &attackers {
                    made |= self.contradict(n, a, t);
                }
            }
            for &(m, _) in &undercut {
                for (c, k) in self.arguments_of[m].clone() {
                    for &a in &attackers {
                        made |= self.undercut(n, a, (c, k));
                    }
                }
            }
            // A CA node whose every relation was refused is kept as a note, with the reasons.
            if !made {
                continue;
            }
            self.node_fate[n] = Fate::Mapped;
            for e in ends {
                self.edge_realised[e] = true;
            }
            let note = self.describe_node(n);
            for &t in &claims {
                self.claims[t].notes.push(note.clone());
            }
            if !undercut.is_empty() {
                for &a in attackers.iter().filter(|a| !claims.contains(a)) {
                    self.claims[a].notes.push(note.clone());
                }
            }
        }
    }

    /// Claim `a` contradicts claim `t` through CA node `n`, unless the corpus format forbids it
    /// (then a note on `t` says why). Whether the contradiction was made.
    fn contradict(&mut self, n: usize, a: usize, t: usize) -> bool {
        let why = if a == t {
            Some("this claim attacks itself")
        } else if self.claims[a].supports.contains(&t) {
            Some("the attacker also supports this claim, and a claim cannot do both")
        } else {
            None
        };
        match why {
            Some(why) => {
                let note = format!(
                    "not mapped as contradicts from `{}`: {} ({why})",
                    self.claims[a].id,
                    self.node_label(n)
                );
                self.claims[t].notes.push(note);
                false
            }
            None => {
                self.claims[a].contradicts.insert(t);
                true
            }
        }
    }

    /// Claim `a` undercuts argument `k` of claim `c` through CA node `n`, unless `a` is that
    /// argument's conclusion (then a note on `c` says why); the argument is named after its RA
    /// node. Whether the undercut was made.
    fn undercut(&mut self, n: usize, a: usize, (c, k): (usize, usize)) -> bool {
        let ra = self.claims[c].arguments[k].node;
        if a == c {
            let note = format!(
                "not mapped as an undercut from `{}`: {} attacks {}, an argument for this claim \
                 (a claim cannot undercut its own argument)",
                self.claims[a].id,
                self.node_label(n),
                self.node_label(ra)
            );
            self.claims[c].notes.push(note);
            return false;
        }
        if self.claims[c].arguments[k].id.is_none() {
            let id = id_from(&self.map.nodes[ra].id, || format!("ra-node-{ra}"));
            let id = self.unique_id(id);
            self.claims[c].arguments[k].id = Some(id);
        }
        let locator = format!("AIF CA {}", self.map.nodes[n].id);
        if !self.claims[a]
            .undercuts
            .iter()
            .any(|u| (u.0, u.1) == (c, k))
        {
            self.claims[a].undercuts.push((c, k, locator));
        }
        true
    }

    /// L → YA → I where the L-node has a speaker: the speaker is a proponent of the claim.
    fn map_anchors(&mut self) {
        for n in 0..self.map.nodes.len() {
            if self.map.nodes[n].kind != "YA" {
                continue;
            }
            let speakers: Vec<(usize, usize, usize)> = self.map.ins[n]
                .iter()
                .filter_map(|&e| {
                    let l = self.map.edges[e].from?;
                    Some((l, self.speaker_of[l]?, e))
                })
                .collect();
            let claims = self.claim_ends(n, false);
            if speakers.is_empty() || claims.is_empty() {
                continue;
            }
            self.node_fate[n] = Fate::Mapped;
            let note = self.describe_node(n);
            for &(c, e) in &claims {
                self.edge_realised[e] = true;
                for &(l, h, e) in &speakers {
                    self.claims[c].proponents.insert(h);
                    self.edge_realised[e] = true;
                    self.node_fate[l] = Fate::Mapped;
                }
                self.claims[c].notes.push(note.clone());
            }
        }
    }

    /// Every node not yet mapped is noted on the claims it touches, else on the claims of the
    /// S-nodes it touches, else on the speakers of the L-nodes it touches; else kept aside.
    /// L-nodes with a speaker are always noted on the speaker.
    fn keep_the_rest(&mut self) {
        for (n, home) in self.homes().into_iter().enumerate() {
            if self.claim_of[n].is_some() {
                continue;
            }
            let note = self.describe_node(n);
            if let Some(h) = self.speaker_of[n] {
                self.historians[h].notes.push(note);
                if self.node_fate[n] != Fate::Mapped {
                    self.node_fate[n] = Fate::Noted;
                }
                continue;
            }
            if self.node_fate[n] == Fate::Mapped {
                continue;
            }
            let speakers: BTreeSet<usize> = self
                .map
                .neighbours(n)
                .filter_map(|w| self.speaker_of[w])
                .collect();
            if !home.is_empty() {
                for &c in &home {
                    self.claims[c].notes.push(note.clone());
                }
                self.node_fate[n] = Fate::Noted;
            } else if !speakers.is_empty() {
                for h in speakers {
                    self.historians[h].notes.push(note.clone());
                }
                self.node_fate[n] = Fate::Noted;
            }
        }
        // Edges between two I-nodes have no node to describe them.
        for edge in &self.map.edges {
            let (Some(from), Some(to)) = (edge.from, edge.to) else {
                continue;
            };
            if let (Some(a), Some(b)) = (self.claim_of[from], self.claim_of[to]) {
                let note = format!(
                    "AIF edge {} from I {} to I {}, with no S-node between",
                    edge.id, self.map.nodes[from].id, self.map.nodes[to].id
                );
                self.claims[a].notes.push(note.clone());
                if b != a {
                    self.claims[b].notes.push(note);
                }
            }
        }
    }

    /// The claims each node's note goes to: the claims it touches, else the claims that the
    /// non-L nodes it touches touch.
    fn homes(&self) -> Vec<BTreeSet<usize>> {
        let touching: Vec<BTreeSet<usize>> = (0..self.map.nodes.len())
            .map(|n| {
                self.map
                    .neighbours(n)
                    .filter_map(|w| self.claim_of[w])
                    .collect()
            })
            .collect();
        touching
            .iter()
            .enumerate()
            .map(|(n, direct)| {
                if !direct.is_empty() {
                    return direct.clone();
                }
                self.map
                    .neighbours(n)
                    .filter(|&w| self.map.nodes[w].kind != "L" && self.claim_of[w].is_none())
                    .flat_map(|w| touching[w].iter().copied())
                    .collect()
            })
            .collect()
    }

    fn edge_fate(&self, e: usize) -> Fate {
        let edge = &self.map.edges[e];
        if self.edge_realised[e] {
            return Fate::Mapped;
        }
        match (edge.from, edge.to) {
            (Some(a), Some(b))
                if self.node_fate[a] == Fate::Aside && self.node_fate[b] == Fate::Aside =>
            {
                Fate::Aside
            }
            (Some(_), Some(_)) => Fate::Noted,
            _ => Fate::Aside,
        }
    }

    fn finish(self) -> AifImport {
        let mut summary = ImportSummary {
            name: self.name.clone(),
            claims: self.claims.len(),
            historians: self.historians.len(),
            supports: self.claims.iter().map(|c| c.supports.len()).sum(),
            contradicts: self.claims.iter().map(|c| c.contradicts.len()).sum(),
            arguments: self.claims.iter().map(|c| c.arguments.len()).sum(),
            undercuts: self.claims.iter().map(|c| c.undercuts.len()).sum(),
            ..ImportSummary::default()
        };
        let count = |tally: &mut Tally, fate: Fate| {
            tally.total += 1;
            match fate {
                Fate::Mapped => tally.mapped += 1,
                Fate::Noted => tally.noted += 1,
                Fate::Aside => tally.aside += 1,
            }
        };
        for (node, &fate) in self.map.nodes.iter().zip(&self.node_fate) {
            count(
                summary.nodes.entry(node.kind.to_string()).or_default(),
                fate,
            );
        }
        let mut aside_edges = Vec::new();
        for e in 0..self.map.edges.len() {
            let fate = self.edge_fate(e);
            count(&mut summary.edges, fate);
            if fate == Fate::Aside {
                aside_edges.push(self.map.edges[e].raw);
            }
        }
        let mut aside_locutions = Vec::new();
        for (node, person, _, raw) in &self.map.locutions {
            let fate = match (node, person) {
                (Some(n), Some(_)) if self.node_fate[*n] == Fate::Mapped => Fate::Mapped,
                (_, Some(_)) => Fate::Noted,
                _ => Fate::Aside,
            };
            count(&mut summary.locutions, fate);
            if fate == Fate::Aside {
                aside_locutions.push(*raw);
            }
        }
        for _ in &self.map.participants {
            count(&mut summary.participants, Fate::Mapped);
        }
        let aside_nodes: Vec<&Value> = self
            .map
            .nodes
            .iter()
            .zip(&self.node_fate)
            .filter(|(_, &f)| f == Fate::Aside)
            .map(|(n, _)| n.raw)
            .collect();
        let aside =
            (!aside_nodes.is_empty() || !aside_edges.is_empty() || !aside_locutions.is_empty())
                .then(|| {
                    let set = serde_json::json!({
                        "nodes": aside_nodes,
                        "edges": aside_edges,
                        "locutions": aside_locutions,
                    });
                    serde_json::to_string_pretty(&set).expect("JSON values serialize") + "\n"
                });
        let header = format!(
            "# Imported from the AIF map `{}` by historiograph.\n\
             # Each claim's notes keep the AIF nodes around it: RA nodes (an RA node of several\n\
             # premises is an argument), CA, MA and YA nodes, timestamps and schemes.\n",
            self.name
        );
        let body: String = self
            .records()
            .to_yaml_files()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        let yaml = header + &body;
        AifImport {
            yaml,
            aside,
            summary,
        }
    }

    /// The imported records as a corpus, placed in `NAME.yaml`.
    fn records(&self) -> Corpus {
        let origin = Some(crate::Origin::file(format!("{}.yaml", self.name)));
        let claim_ids = |set: &BTreeSet<usize>| -> Vec<crate::Id> {
            set.iter()
                .map(|&c| self.claims[c].id.as_str().into())
                .collect()
        };
        let notes = |notes: &[String]| (!notes.is_empty()).then(|| notes.join("\n").into());
        Corpus {
            schools: crate::School::built_in(),
            documents: Vec::new(),
            historians: self
                .historians
                .iter()
                .map(|h| crate::Historian {
                    id: h.id.as_str().into(),
                    name: h.name.as_str().into(),
                    schools: Vec::new(),
                    works: Vec::new(),
                    notes: notes(&h.notes),
                    origin: origin.clone(),
                    supplied: Vec::new(),
                })
                .collect(),
            claims: self
                .claims
                .iter()
                .map(|c| crate::Claim {
                    id: c.id.as_str().into(),
                    statement: c.statement.as_str().into(),
                    school: None,
                    proponents: c
                        .proponents
                        .iter()
                        .map(|&h| self.historians[h].id.as_str().into())
                        .collect(),
                    period: None,
                    stance: None,
                    locator: None,
                    evidence: Vec::new(),
                    supports: claim_ids(&c.supports),
                    contradicts: claim_ids(&c.contradicts),
                    arguments: c
                        .arguments
                        .iter()
                        .map(|a| Argument {
                            id: a.id.as_deref().map(Into::into),
                            premises: a
                                .premises
                                .iter()
                                .map(|&p| self.claims[p].id.as_str().into())
                                .collect(),
                            locator: format!("AIF RA {}", self.map.nodes[a.node].id).into(),
                            cites: Vec::new(),
                            note: None,
                        })
                        .collect(),
                    undercuts: c
                        .undercuts
                        .iter()
                        .map(|(t, k, locator)| {
                            let id = self.claims[*t].arguments[*k].id.as_deref();
                            Undercut {
                                target: UndercutTarget::Argument(
                                    id.expect("an undercut argument has an id").into(),
                                ),
                                locator: locator.as_str().into(),
                                note: None,
                            }
                        })
                        .collect(),
                    notes: notes(&c.notes),
                    origin: origin.clone(),
                    ..Default::default()
                })
                .collect(),
            works: Vec::new(),
        }
    }
}
