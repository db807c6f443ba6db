//! Other tools' files into corpus files. The AIF importer reads an AIFdb JSON argument map (or
//! an OVA3 map wrapping one), the Argdown importer an Argdown file; each writes a corpus folder
//! that [`Corpus::load`](crate::Corpus::load) accepts.
//!
//! Import never drops anything: what does not map onto the corpus's records is kept as notes
//! (AIF: or, when it touches no claim or speaker, in a side file of AIF JSON), and what the
//! corpus format forbids is refused with a note saying why; the summary counts each.

mod aif;
mod argdown;

use std::path::{Path, PathBuf};

pub use aif::{AifImport, ImportSummary, Tally};
pub use argdown::{ArgdownError, ArgdownImport, ArgdownSummary};

/// Why a file could not be imported.
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
    /// The text is not Argdown as the importer reads it.
    #[error("cannot read the Argdown at {0}")]
    Argdown(#[from] ArgdownError),
    /// An output file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The input is beyond a limit of the importer (see [`AifImport::MAX_INPUT_BYTES`]).
    #[error("{0}")]
    Limit(String),
}

/// Writes `files` (`(file name, bytes)`) as the folder `dir`, whole or not at all
/// ([`crate::files::write_folder`]): `dir` must be new or empty unless `existing` says to
/// replace a folder that holds a corpus. Returns the paths written.
fn write_import(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    existing: crate::files::Existing,
) -> Result<Vec<PathBuf>, ImportError> {
    crate::files::write_folder(dir, files, existing).map_err(|source| ImportError::Write {
        path: dir.to_path_buf(),
        source,
    })
}
