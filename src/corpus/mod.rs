//! The corpus: a folder of YAML files holding schools, documents, historians and claims.

mod comments;
pub(crate) mod date;
mod error;
pub(crate) mod id;
pub(crate) mod model;
pub(crate) mod prescan;
pub(crate) mod read;
mod reformat;
mod schema;
mod tree;
mod validate;
mod write;

use error::with_source_lines;
pub use error::LoadError;
pub(crate) use prescan::lines;
pub use reformat::{Comments, Reformat};

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Origin};
use model::{Claim, Document, Historian, School, Work};
use read::Parsed;

/// A validated corpus.
///
/// Every id is unique, every reference resolves, no claim supports or contradicts itself, every
/// date is well formed. Records keep the order of the files (sorted by path) and of the records
/// within them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corpus {
    /// The schools and theses: the built-in six, then those the corpus declares.
    pub schools: Vec<School>,
    /// The primary documents.
    pub documents: Vec<Document>,
    /// The historians.
    pub historians: Vec<Historian>,
    /// The claims.
    pub claims: Vec<Claim>,
    /// The secondary works the claims cite.
    pub works: Vec<Work>,
}

/// Sub-folders deeper than this are not followed.
const MAX_DEPTH: usize = 16;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

impl Corpus {
    /// Loads every `*.yaml` and `*.yml` file under `dir` (sub-folders included, hidden entries
    /// skipped), reporting every problem at once.
    pub fn load(dir: impl AsRef<Path>) -> Result<Corpus, LoadError> {
        let dir = dir.as_ref();
        let whole = |file: &Path| Origin::file(file);
        if !dir.is_dir() {
            let why = if dir.exists() {
                "it is not a folder"
            } else {
                "it does not exist"
            };
            return Err(LoadError::single(
                whole(dir),
                format!("cannot read the corpus folder `{}`: {why}", dir.display()),
                "give the path of a folder of YAML files",
            ));
        }
        let mut walk = Walk::new(dir);
        walk.folder(dir, 0);
        let Walk {
            files,
            mut diagnostics,
            ..
        } = walk;
        if files.is_empty() && diagnostics.is_empty() {
            return Err(LoadError::single(
                whole(dir),
                format!("expected YAML files in `{}`, found none", dir.display()),
                "a corpus is a folder of *.yaml files holding `documents:`, `historians:` and `claims:` lists",
            ));
        }
        let mut sources = Vec::new();
        for file in files {
            match read_text(&file) {
                Ok(text) => sources.push((file, text)),
                Err(d) => diagnostics.push(d),
            }
        }
        Self::from_sources_with(sources, diagnostics)
    }

    /// Builds a corpus from in-memory files: `(path used in diagnostics, YAML text)`.
    pub fn from_sources<P, S>(
        sources: impl IntoIterator<Item = (P, S)>,
    ) -> Result<Corpus, LoadError>
    where
        P: Into<PathBuf>,
        S: AsRef<str>,
    {
        let sources = sources.into_iter().map(|(p, s)| {
            (
                p.into(),
                s.as_ref().trim_start_matches('\u{feff}').to_string(),
            )
        });
        Self::from_sources_with(sources.collect(), Vec::new())
    }

    /// The corpus compiled into the crate: Shuster (2019) on USSR–DPRK relations, 1945–1950.
    #[allow(
        clippy::expect_used,
        reason = "the bundled corpus is compiled in and loaded by the test suite"
    )]
    pub fn bundled() -> Corpus {
        let sources = bundled_files()
            .iter()
            .map(|(name, text)| (Path::new("claims").join(name), *text));
        Self::from_sources(sources).expect("the bundled corpus is validated by the test suite")
    }

    /// [`Corpus::from_sources`] with problems already found (by the folder walk, say).
    fn from_sources_with(
        sources: Vec<(PathBuf, String)>,
        diagnostics: Vec<Diagnostic>,
    ) -> Result<Corpus, LoadError> {
        let mut parsed = Parsed {
            diagnostics,
            ..Parsed::default()
        };
        read::read_files(&sources, &mut parsed);
        Self::from_parsed(parsed, &sources)
    }

    /// The corpus of what [`read::read_files`] read from `sources`, validated.
    pub(crate) fn from_parsed(
        mut parsed: Parsed,
        sources: &[(PathBuf, String)],
    ) -> Result<Corpus, LoadError> {
        let mut schools = School::built_in();
        schools.append(&mut parsed.schools);
        let school_ids: Vec<_> = schools
            .iter()
            .map(|s| (s.id.clone(), s.origin.clone()))
            .collect();
        let mut corpus = Corpus {
            schools,
            documents: std::mem::take(&mut parsed.documents),
            historians: std::mem::take(&mut parsed.historians),
            claims: std::mem::take(&mut parsed.claims),
            works: std::mem::take(&mut parsed.works),
        };
        // Validation reads the declarations and references, sharing ids rewrites the records:
        // on a large corpus the two take a second core, and the sharing is thrown away if the
        // corpus does not validate.
        both(
            || id::share_ids(&mut corpus),
            || validate::validate(&mut parsed, &school_ids),
        );
        validate::check_arguments_and_undercuts(
            &corpus.claims,
            &parsed.references,
            &mut parsed.diagnostics,
        );
        if !parsed.diagnostics.is_empty() {
            let mut diagnostics = parsed.diagnostics;
            diagnostics.sort();
            diagnostics.dedup();
            with_source_lines(&mut diagnostics, sources);
            return Err(LoadError { diagnostics });
        }
        Ok(corpus)
    }

    /// Checks a corpus built in code, as loading checks one read from files: unique ids,
    /// references that resolve, no claim supporting or contradicting itself, statements and ids
    /// not empty. Problems are placed at each record's `origin`, or at `<memory>`.
    ///
    /// Corpora from [`Corpus::load`], [`Corpus::from_sources`] and [`Corpus::bundled`] are
    /// already valid.
    pub fn validate(&self) -> Result<(), LoadError> {
        let mut parsed = validate::records_as_parsed(self);
        let schools: Vec<_> = self
            .schools
            .iter()
            .map(|s| (s.id.clone(), s.origin.clone()))
            .collect();
        for (id, text, what) in self
            .claims
            .iter()
            .map(|c| (&c.id, &c.statement, "statement"))
            .chain(self.documents.iter().map(|d| (&d.id, &d.title, "title")))
        {
            if text.trim().is_empty() || id.trim().is_empty() {
                let origin = Origin::file("<memory>");
                parsed.diagnostics.push(
                    Diagnostic::new(origin, format!("`{what}` or id of `{id}` is empty"))
                        .with_hint("every record needs an id, and every claim a statement"),
                );
            }
        }
        let ids = (self.schools.iter().map(|s| &s.id))
            .chain(self.documents.iter().map(|d| &d.id))
            .chain(self.historians.iter().map(|h| &h.id))
            .chain(self.claims.iter().map(|c| &c.id))
            .chain(self.works.iter().map(|w| &w.id));
        for id in ids.filter(|id| id.contains(|c: char| c.is_control() || c.is_whitespace())) {
            let origin = Origin::file("<memory>");
            parsed.diagnostics.push(
                Diagnostic::new(
                    origin,
                    format!("expected an id without spaces or control characters, found `{id}`"),
                )
                .with_hint("ids are words joined by `-`"),
            );
        }
        validate::validate(&mut parsed, &schools);
        validate::check_arguments_and_undercuts(
            &self.claims,
            &parsed.references,
            &mut parsed.diagnostics,
        );
        if parsed.diagnostics.is_empty() {
            return Ok(());
        }
        parsed.diagnostics.sort();
        Err(LoadError {
            diagnostics: parsed.diagnostics,
        })
    }

    /// The document with this id, by a linear scan; [`Debate::document`](crate::Debate::document)
    /// uses an index.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The claim with this id, by a linear scan; [`Debate::claim`](crate::Debate::claim) uses an
    /// index.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// The work with this id, by a linear scan.
    pub fn work(&self, id: &str) -> Option<&Work> {
        self.works.iter().find(|w| w.id == id)
    }

    /// The historian with this id.
    pub fn historian(&self, id: &str) -> Option<&Historian> {
        self.historians.iter().find(|h| h.id == id)
    }

    /// The school with this id.
    pub fn school(&self, id: &str) -> Option<&School> {
        self.schools.iter().find(|s| s.id == id)
    }
}

/// The YAML files under `dir` as [`Corpus::load`] finds them (sorted, hidden entries skipped,
/// no symbolic links followed), and the problems of the walk. The language server's reading.
#[cfg(feature = "cli")]
pub(crate) fn yaml_files(dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut walk = Walk::new(dir);
    walk.folder(dir, 0);
    (walk.files, walk.diagnostics)
}

/// The bundled corpus files: (file name, text).
pub(crate) fn bundled_files() -> &'static [(&'static str, &'static str)] {
    bundled::FILES
}

/// Whether a path names a YAML file (`.yaml` or `.yml`).
pub(crate) fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml") | Some("yml")
    )
}

/// The folder walk: the YAML files under the corpus folder, and the problems met on the way.
struct Walk {
    /// The corpus folder, canonical: symbolic links into it are refused.
    root: PathBuf,
    /// The canonical folders entered: no link is followed out of the corpus or into it, so no
    /// folder can be entered twice, but a folder that is, through a bind mount say, is reported
    /// rather than read again.
    seen: BTreeSet<PathBuf>,
    files: Vec<PathBuf>,
    diagnostics: Vec<Diagnostic>,
}

impl Walk {
    fn new(dir: &Path) -> Walk {
        Walk {
            root: fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()),
            seen: BTreeSet::new(),
            files: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn problem(&mut self, path: &Path, message: String, hint: &str) {
        let origin = Origin::file(path);
        self.diagnostics
            .push(Diagnostic::new(origin, message).with_hint(hint));
    }

    fn folder(&mut self, dir: &Path, depth: usize) {
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if depth > MAX_DEPTH {
            return self.problem(
                dir,
                format!("expected folders nested at most {MAX_DEPTH} deep, found deeper ones"),
                "move the files nearer the corpus folder",
            );
        }
        if !self.seen.insert(canonical) {
            return self.problem(
                dir,
                "folder visited twice: the corpus folder leads back into itself".into(),
                "remove the mount or link that leads back to a folder already read",
            );
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                return self.problem(
                    dir,
                    format!("cannot list the folder: {e}"),
                    "check that the folder exists and is readable",
                )
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let (is_dir, is_yaml) = (path.is_dir(), is_yaml(&path));
            if !is_dir && !is_yaml {
                continue;
            }
            if self.refused_link(&path, is_dir) {
                continue;
            }
            if is_dir {
                self.folder(&path, depth + 1);
            } else {
                self.files.push(path);
            }
        }
    }

    /// Refuses a symbolic link out of the corpus folder, to a folder or a YAML file: it is not
    /// followed, so that a corpus reads nothing but its own folder (a link to `/` or `/proc/self`
    /// would read the whole file system). Refuses a link to a folder inside the corpus too: its
    /// files are read already, and a link to a parent would be read forever. Links to YAML files
    /// inside the corpus are read; a dangling link is left to the reader, which reports it.
    fn refused_link(&mut self, path: &Path, is_dir: bool) -> bool {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return false;
        }
        let Ok(target) = fs::canonicalize(path) else {
            return false;
        };
        let what = if is_dir { "folder" } else { "file" };
        match target.strip_prefix(&self.root) {
            Err(_) => {
                self.problem(
                    path,
                    format!(
                        "expected a {what} inside the corpus folder, found a symbolic link out of it, to `{}`",
                        target.display()
                    ),
                    &format!("links out of the corpus are not followed, so that a corpus reads nothing but its own folder: copy the {what} into the corpus, or remove the link"),
                );
                true
            }
            Ok(_) if !is_dir => false,
            Ok(inside) => {
                let target = if inside.as_os_str().is_empty() {
                    "the corpus folder itself".to_string()
                } else {
                    format!("`{}`", inside.display())
                };
                self.problem(
                    path,
                    format!("expected a folder, found a symbolic link to {target}, inside the corpus"),
                    "remove the link: the folder it points to is read already, so its files would be read twice, or forever",
                );
                true
            }
        }
    }
}

/// Reads a file as UTF-8 text, without a byte-order mark.
pub(crate) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let whole = Origin::file(path);
    let unreadable = |e: std::io::Error| {
        // A link that cannot be followed: one in a loop, or to nothing.
        let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let hint = if link && fs::canonicalize(path).is_err() {
            "this is a symbolic link that leads in a loop or to nothing: remove it, or point it at a file"
        } else {
            "check that the file exists and is readable"
        };
        Diagnostic::new(whole.clone(), format!("cannot read the file: {e}")).with_hint(hint)
    };
    let metadata = fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(Diagnostic::new(
            whole.clone(),
            "expected a regular file, found a pipe, socket or device",
        )
        .with_hint("a corpus holds plain YAML files; remove this entry or rename it"));
    }
    // The size may change between the check and the read: read one byte past the limit at most.
    let limit = prescan::MAX_FILE_BYTES;
    let bytes = match crate::files::read_bounded(path, limit).map_err(unreadable)? {
        crate::files::Bounded::Bytes(bytes) => bytes,
        crate::files::Bounded::TooLarge(len) => {
            return Err(prescan::too_large(path, len.unwrap_or(limit + 1)))
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let (line, column) = prescan::end_position(valid);
        Diagnostic::new(
            Origin::new(path.into(), line, column),
            "expected UTF-8 text, found bytes that are not UTF-8",
        )
        .with_hint("save the file as UTF-8")
    })?;
    Ok(without_byte_order_marks(text))
}

/// `text` without the byte-order marks it starts with, copied only if it has any.
fn without_byte_order_marks(mut text: String) -> String {
    let marks = text.len() - text.trim_start_matches('\u{feff}').len();
    text.drain(..marks);
    text
}

/// Runs `a` and `b`, on two threads when the machine has more than one core.
fn both(a: impl FnOnce() + Send, b: impl FnOnce()) {
    if std::thread::available_parallelism().is_ok_and(|n| n.get() > 1) {
        std::thread::scope(|scope| {
            let a = scope.spawn(a);
            b();
            // A panic on the other thread is passed on as it was, not wrapped in another.
            if let Err(panic) = a.join() {
                std::panic::resume_unwind(panic);
            }
        });
    } else {
        a();
        b();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_error_renders_its_lines_without_reading_files() {
        // No such file exists: the line comes from the text in hand. The caret stands under
        // `telegramm` after the claim's Hangul id, whose two characters are two columns wide each.
        let line =
            "  - {id: 주장, statement: S, evidence: [{document: telegramm, polarity: backs, locator: l}]}";
        let text = format!("\u{feff}historians:\n  - {{id: kim, name: Kim}}\nclaims:\n{line}\n");
        let e = Corpus::from_sources([("nowhere/claims.yaml", text)]).unwrap_err();
        assert!(!Path::new("nowhere").exists());
        assert_eq!(e.diagnostics.len(), 1, "{e}");
        assert_eq!(e.diagnostics[0].source_line.as_deref(), Some(line));
        let column = line[..line.find("telegramm").unwrap()].chars().count();
        let caret = " ".repeat(column + 2);
        let expected = format!(
            "error: unknown document `telegramm` in `evidence.document` of claim `주장`\n \
             --> nowhere/claims.yaml:4:{}\n  |\n4 | {line}\n  | {caret}^\n  = hint: ",
            column + 1
        );
        let shown = e.to_string();
        assert!(shown.starts_with(&expected), "{shown}");
        assert!(
            shown.ends_with("\n\nerror: invalid corpus: 1 problem in 1 file"),
            "{shown}"
        );
    }
}
