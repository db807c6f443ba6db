//! What `fmt` rewrites: the files of a corpus whose text is not canonical, checked to load back
//! as the same corpus, and replaced atomically.

use std::path::{Path, PathBuf};

use crate::corpus::{Corpus, LoadError};

/// A corpus file whose text is not in canonical form, with the text it should have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reformat {
    /// The file, as the loader named it.
    pub path: PathBuf,
    /// The canonical text.
    pub text: String,
    /// The first line of the current text that may hold a comment, which rewriting would drop.
    pub comment_line: Option<usize>,
    /// The file as it was read, which [`Reformat::write`] checks it still is.
    pub(crate) read: crate::files::Snapshot,
}

impl Corpus {
    /// A copy with every origin reduced to its file (line and column 0): two corpora that differ
    /// only in layout are equal once both are reduced.
    pub fn without_positions(&self) -> Corpus {
        let strip = |origin: &mut Option<crate::Origin>| {
            if let Some(o) = origin {
                o.line = 0;
                o.column = 0;
            }
        };
        let mut c = self.clone();
        c.schools.iter_mut().for_each(|r| strip(&mut r.origin));
        c.documents.iter_mut().for_each(|r| strip(&mut r.origin));
        c.historians.iter_mut().for_each(|r| strip(&mut r.origin));
        c.claims.iter_mut().for_each(|r| strip(&mut r.origin));
        c.works.iter_mut().for_each(|r| strip(&mut r.origin));
        c
    }

    /// Loads the corpus in `dir` and lists the files whose text is not canonical, with their
    /// canonical text; files already canonical, and files without records, are left out.
    ///
    /// Nothing is written. The canonical texts are loaded again before they are returned: if
    /// they do not give back the same corpus, that is reported as a diagnostic rather than
    /// returned, so a caller that writes only what this returns never loses a record.
    pub fn reformat(dir: impl AsRef<Path>) -> Result<Vec<Reformat>, LoadError> {
        let dir = dir.as_ref();
        let corpus = Corpus::load(dir)?;
        let files = corpus.to_yaml_files();
        let reread = Corpus::from_sources(files.iter().map(|(p, t)| (p.clone(), t.as_str())));
        if reread.map(|c| c.without_positions()) != Ok(corpus.without_positions()) {
            let origin = crate::Origin::file(dir);
            return Err(LoadError::single(
                origin,
                "internal error: the canonical form does not read back as the same corpus".into(),
                "nothing was written; please report this with the corpus",
            ));
        }
        let mut out = Vec::new();
        for (path, text) in files {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if current != text {
                out.push(Reformat {
                    comment_line: comment_line(&current),
                    read: crate::files::Snapshot::of(current.as_bytes()),
                    path,
                    text,
                });
            }
        }
        Ok(out)
    }
}

/// The first line (from 1) with a `#` at its start or after a space or tab: every YAML comment
/// starts so. Text can too (`fn #3`), so this may find a comment where there is none, never the
/// other way round. Lines end as YAML ends them, at `\r\n`, `\n` or a lone `\r`.
pub(crate) fn comment_line(text: &str) -> Option<usize> {
    super::prescan::lines(text)
        .position(|line| {
            let bytes = line.as_bytes();
            bytes
                .iter()
                .enumerate()
                .any(|(i, &b)| b == b'#' && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t')))
        })
        .map(|i| i + 1)
}

impl Reformat {
    /// Writes the canonical text over the file with [`crate::files::replace`]: atomically,
    /// keeping its permissions, refusing a read-only file and one changed since it was read.
    pub fn write(&self) -> std::io::Result<()> {
        let expect = crate::files::Expect::Unchanged(self.read);
        crate::files::replace(&self.path, self.text.as_bytes(), expect)
    }
}
