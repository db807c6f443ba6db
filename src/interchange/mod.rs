//! Other tools' files into corpus files. The AIF importer reads an AIFdb JSON argument map (or
//! an OVA3 map wrapping one), the Argdown importer an Argdown file; each writes a corpus folder
//! that [`Corpus::load`](crate::Corpus::load) accepts.
//!
//! Import never drops anything: what does not map onto the corpus's records is kept as notes
//! (AIF: or, when it touches no claim or speaker, in a side file of AIF JSON), and what the
//! corpus format forbids is refused with a note saying why; the summary counts each.

mod aif;
mod argdown;

use std::fs;
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
    /// An output file exists already.
    #[error("`{}` exists already: import into an empty folder, or remove it", .0.display())]
    Exists(PathBuf),
}

/// Writes `files` (`(file name, text)`) into `dir`, creating it if needed; refuses to
/// overwrite, before writing anything. Returns the paths written.
fn write_new_files(dir: &Path, files: &[(String, &String)]) -> Result<Vec<PathBuf>, ImportError> {
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ImportError::Write { path, source }
    };
    fs::create_dir_all(dir).map_err(write_err(dir))?;
    let paths: Vec<PathBuf> = files.iter().map(|(name, _)| dir.join(name)).collect();
    if let Some(path) = paths.iter().find(|p| p.exists()) {
        return Err(ImportError::Exists(path.clone()));
    }
    for (path, (_, text)) in paths.iter().zip(files) {
        fs::write(path, text).map_err(write_err(path))?;
    }
    Ok(paths)
}
