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
//!   an L-node only they speak) become historians; an L → YA → I anchor makes every speaker of
//!   the L-node (one per locution) a proponent. A participant who never speaks is kept in the
//!   side file, not made a historian.
//! - A CA node whose every relation the corpus format forbids is counted as refused, with a
//!   note saying why.
//! - Our own export's `historiograph` marks are read back into records whole (see `marks`).
//! - An OVA3 map (`{"AIF": {…}, "text": …, "OVA": …}`) is read from its `AIF` object.
//! - Every other node (MA, TA, YA, PA, RA or CA with a missing end, unknown types) is kept as a
//!   note on the claims it touches, else on the claims of S-nodes it touches, else on the
//!   speakers of the L-nodes it touches; a node that touches none of these is kept, with its
//!   edges, in a side file of AIF JSON. Timestamps and schemes are kept in the notes.

mod claims;
mod importer;
mod marks;
mod nodeset;
mod notes;
mod output;
mod relations;
mod speakers;
mod summary;

pub use summary::{ImportSummary, Tally};

use super::{write_new_files, ImportError};

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::corpus::{Corpus, LoadError};
use nodeset::Map;

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
        map.import(name)
    }

    /// The imported corpus, validated as [`Corpus::load`] would.
    pub fn corpus(&self) -> Result<Corpus, LoadError> {
        Corpus::from_sources([(format!("{}.yaml", self.summary.name), &self.yaml)])
    }

    /// Writes `NAME.yaml` (and `NAME.unmapped.json` when something is kept aside) into `dir`,
    /// creating it if needed; refuses to overwrite. Returns the paths written.
    pub fn write(&self, dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, ImportError> {
        let name = &self.summary.name;
        let mut files = vec![(format!("{name}.yaml"), &self.yaml)];
        if let Some(aside) = &self.aside {
            files.push((format!("{name}.unmapped.json"), aside));
        }
        write_new_files(dir.as_ref(), &files)
    }
}
