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

use super::{write_import, ImportError};

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
    /// The largest AIF file [`AifImport::read`] reads: 16 MiB, checked before reading. AIFdb's
    /// largest maps are a few hundred KiB.
    pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

    /// Reads and imports an AIF JSON file; the corpus is named after the file stem.
    pub fn read(path: impl AsRef<Path>) -> Result<AifImport, ImportError> {
        let path = path.as_ref();
        let text =
            crate::files::read_text_limited(path, Self::MAX_INPUT_BYTES).map_err(|source| {
                ImportError::Read {
                    path: path.to_path_buf(),
                    source,
                }
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
        let imported = map.import(name)?;
        let limit = crate::corpus::prescan::MAX_FILE_BYTES;
        if imported.yaml.len() as u64 > limit {
            return Err(ImportError::Limit(format!(
                "expected a corpus file of at most {limit} bytes, which the loader reads, found \
                 the import makes {} bytes; split the map into smaller ones",
                imported.yaml.len()
            )));
        }
        Ok(imported)
    }

    /// The imported corpus, validated as [`Corpus::load`] would.
    pub fn corpus(&self) -> Result<Corpus, LoadError> {
        Corpus::from_sources([(format!("{}.yaml", self.summary.name), &self.yaml)])
    }

    /// Writes `NAME.yaml` (and `NAME.unmapped.json` when something is kept aside) as the
    /// folder `dir`, which must be new or empty; written whole or not at all
    /// ([`crate::files::write_folder`]). Returns the paths written.
    pub fn write(&self, dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, ImportError> {
        self.write_with(dir, crate::files::Existing::Refuse)
    }

    /// [`AifImport::write`], replacing a folder that already holds corpus files when
    /// `existing` is [`Existing::Replace`](crate::files::Existing::Replace): none of them is
    /// left beside the import.
    pub fn write_with(
        &self,
        dir: impl AsRef<Path>,
        existing: crate::files::Existing,
    ) -> Result<Vec<PathBuf>, ImportError> {
        let dir = dir.as_ref();
        let name = &self.summary.name;
        let mut files = vec![(format!("{name}.yaml"), self.yaml.clone().into_bytes())];
        if let Some(aside) = &self.aside {
            files.push((format!("{name}.unmapped.json"), aside.clone().into_bytes()));
        }
        write_import(dir, &files, existing)
    }
}
