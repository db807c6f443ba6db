//! Argdown in: the subset of Argdown that argument maps use (see `../shared/data/argdown`'s
//! README and our own export).
//!
//! Read: YAML front matter (its title goes into the header), `/* */`, `<!-- -->` and `//`
//! comments (left out), headings (a claim's locator), statements `[Title]: text #tag`,
//! untitled statements and list items, arguments `<Title>: text`, relations indented below an
//! element (`+`, `-`, `<+`, `<-`, `+>`, `->`, `><`, `_>`, `<_`), and premise–conclusion
//! structures (`(1) …`, an inference bar `----` or `-- rule --`, the conclusion). How each
//! becomes records is described in `records`. Nothing is dropped: what does not map is a note
//! on the claims involved, and the summary counts each item as mapped, refused or noted.

mod lines;
mod parse;
mod records;
mod summary;

pub use summary::ArgdownSummary;

use std::fs;
use std::path::{Path, PathBuf};

use crate::corpus::{Corpus, LoadError};
use crate::interchange::{write_import, ImportError};

/// Why an Argdown file could not be read: the line and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ArgdownError {
    /// The line, from 1.
    pub line: usize,
    /// What was expected and found.
    pub message: String,
}

impl ArgdownError {
    fn at(line: usize, message: &str) -> ArgdownError {
        ArgdownError {
            line,
            message: message.to_string(),
        }
    }
}

/// An imported Argdown file: the corpus file and the summary.
#[derive(Clone, Debug)]
pub struct ArgdownImport {
    /// The corpus file's YAML text.
    pub yaml: String,
    /// What was found and where it went.
    pub summary: ArgdownSummary,
}

impl ArgdownImport {
    /// Reads and imports an Argdown file; the corpus is named after the file stem.
    pub fn read(path: impl AsRef<Path>) -> Result<ArgdownImport, ImportError> {
        let path = path.as_ref();
        let text = fs::read_to_string(path).map_err(|source| ImportError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "argdown".into());
        ArgdownImport::from_text(&name, &text)
    }

    /// Imports Argdown text; `name` names the output file.
    pub fn from_text(name: &str, text: &str) -> Result<ArgdownImport, ImportError> {
        let text = text.trim_start_matches('\u{feff}');
        let (lines, front) = lines::lines(text).map_err(ImportError::Argdown)?;
        let model = parse::Model::parse(&lines).map_err(ImportError::Argdown)?;
        if model.statements.is_empty() && model.arguments.is_empty() {
            return Err(ImportError::Argdown(ArgdownError::at(
                1,
                "expected statements (`[Title]: text`) or arguments (`<Title>: text`), found \
                 none",
            )));
        }
        let (claims, summary) = records::records(&model, name);
        let origin = Some(crate::Origin::file(format!("{name}.yaml")));
        let corpus = Corpus {
            schools: crate::School::built_in(),
            documents: Vec::new(),
            historians: Vec::new(),
            claims: claims
                .into_iter()
                .map(|mut c| {
                    c.origin = origin.clone();
                    c
                })
                .collect(),
            works: Vec::new(),
        };
        let mut header = format!("# Imported from the Argdown file `{name}` by historiograph.\n");
        for (key, value) in front.iter().filter(|(k, _)| k == "title" || k == "author") {
            header.push_str(&format!("# {key}: {}\n", value.replace('\n', " ")));
        }
        header.push_str(
            "# Each claim's notes keep its Argdown title and line, its tags, and the relations \
             that did not map.\n",
        );
        let body: String = corpus
            .to_yaml_files()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        Ok(ArgdownImport {
            yaml: header + &body,
            summary,
        })
    }

    /// The imported corpus, validated as [`Corpus::load`] would.
    pub fn corpus(&self) -> Result<Corpus, LoadError> {
        Corpus::from_sources([(format!("{}.yaml", self.summary.name), &self.yaml)])
    }

    /// Writes `NAME.yaml` as the folder `dir`, which must be new or empty; written whole or not
    /// at all ([`crate::files::write_folder`]). Returns the paths written.
    pub fn write(&self, dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, ImportError> {
        self.write_with(dir, crate::files::Existing::Refuse)
    }

    /// [`ArgdownImport::write`], replacing a folder that already holds corpus files when
    /// `existing` is [`Existing::Replace`](crate::files::Existing::Replace).
    pub fn write_with(
        &self,
        dir: impl AsRef<Path>,
        existing: crate::files::Existing,
    ) -> Result<Vec<PathBuf>, ImportError> {
        let name = format!("{}.yaml", self.summary.name);
        write_import(
            dir.as_ref(),
            &[(name, self.yaml.clone().into_bytes())],
            existing,
        )
    }
}
