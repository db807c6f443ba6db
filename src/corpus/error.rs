//! Why a corpus could not be loaded, and how that renders: every diagnostic with the text of
//! its line, at most [`SHOWN_PER_FILE`] of a file, then the summary.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::lines;
use crate::diagnostic::{Diagnostic, Origin};

/// Why a corpus could not be loaded: every problem found, in one pass, sorted by file and line.
///
/// `Display` renders every diagnostic in the style of rustc (message, place, the line with a
/// caret, hint), each followed by a blank line, then the [summary](LoadError::summary) as
/// `error: invalid corpus: 2 problems in 1 file`. The lines come from the text the loader read,
/// so rendering reads no file.
///
/// `Debug` (`{:?}`) renders the same text, so that a `main` returning `Result<(), LoadError>`
/// prints the diagnostics rather than a dump of them; `{:#?}` shows the structure.
#[derive(Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The problems, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

/// At most this many diagnostics of one file are rendered by [`LoadError`]'s `Display`, and
/// given the text of their line; the rest of the file's are counted in one line. A file of a
/// hundred thousand problems prints a few screens, in time linear in its size.
pub(crate) const SHOWN_PER_FILE: usize = 50;

impl std::fmt::Debug for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if f.alternate() {
            f.debug_struct("LoadError")
                .field("diagnostics", &self.diagnostics)
                .finish()
        } else {
            std::fmt::Display::fmt(self, f)
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for same_file in self
            .diagnostics
            .chunk_by(|a, b| a.origin.file == b.origin.file)
        {
            for d in same_file.iter().take(SHOWN_PER_FILE) {
                write!(f, "{d}\n\n")?;
            }
            if let Some(more) = same_file
                .len()
                .checked_sub(SHOWN_PER_FILE)
                .filter(|&n| n > 0)
            {
                let file = same_file[0].origin.file.display().to_string();
                let file = crate::diagnostic::visible(&file);
                let s = if more == 1 { "" } else { "s" };
                write!(
                    f,
                    "error: {more} more problem{s} in {file}, not shown: fix those above and \
                     run again\n\n"
                )?;
            }
        }
        write!(f, "error: {}", self.summary())
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// One line: how many problems in how many files (`invalid corpus: 1 problem in 1 file`).
    pub fn summary(&self) -> String {
        let files: BTreeSet<_> = self.diagnostics.iter().map(|d| &d.origin.file).collect();
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "invalid corpus: {} in {}",
            count(self.diagnostics.len(), "problem", "problems"),
            count(files.len(), "file", "files")
        )
    }

    pub(super) fn single(origin: Origin, message: String, hint: &str) -> Self {
        LoadError {
            diagnostics: vec![Diagnostic::new(origin, message).with_hint(hint)],
        }
    }
}

/// Gives each diagnostic that points at a line of a file in `sources` the text of that line, so
/// that it renders without reading the file again: the first [`SHOWN_PER_FILE`] of each file,
/// those that are shown (so that memory stays within that many copies of a line). `diagnostics` are sorted by file and line,
/// so each file's lines are walked once.
pub(super) fn with_source_lines(diagnostics: &mut [Diagnostic], sources: &[(PathBuf, String)]) {
    let texts: std::collections::HashMap<&Path, &str> = sources
        .iter()
        .map(|(path, text)| (path.as_path(), text.as_str()))
        .collect();
    for same_file in diagnostics.chunk_by_mut(|a, b| a.origin.file == b.origin.file) {
        let Some(text) = texts.get(same_file[0].origin.file.as_ref()) else {
            continue;
        };
        let mut lines = lines(text).zip(1u32..).peekable();
        let shown = same_file.iter_mut().take(SHOWN_PER_FILE);
        for d in shown.filter(|d| d.origin.line > 0) {
            while lines.next_if(|&(_, n)| n < d.origin.line).is_some() {}
            if let Some(&(line, _)) = lines.peek().filter(|&&(_, n)| n == d.origin.line) {
                d.source_line = Some(line.to_string());
            }
        }
    }
}
