//! What `fmt` rewrites: the files of a corpus whose text is not canonical, with their comments,
//! checked to load back as the same corpus with the same comments, and replaced atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::corpus::comments::Comment;
use crate::corpus::{Corpus, LoadError};

/// A corpus file whose text is not in canonical form, with the text it should have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reformat {
    /// The file, as the loader named it.
    pub path: PathBuf,
    /// The canonical text.
    pub text: String,
    /// How many comments the canonical text keeps.
    pub comments_kept: usize,
    /// How many comments of the current text the canonical text drops: none unless
    /// [`Comments::Drop`] was asked for.
    pub comments_dropped: usize,
    /// The file as it was read, which [`Reformat::write`] checks it still is.
    pub(crate) read: crate::files::Snapshot,
}

/// What [`Corpus::reformat`] does with the comments of a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Comments {
    /// Keep every comment beside the record, field or list item it annotates (the default).
    #[default]
    Keep,
    /// Drop the comments.
    Drop,
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
    /// With [`Comments::Keep`], every comment goes back beside the record, field or list item it
    /// annotates (a comment on a line of its own belongs to the line after it, one at the end of
    /// a line to what starts on that line); lists and mappings holding a comment are written one
    /// item a line, so that the comment has a line to stand on.
    ///
    /// Nothing is written. The canonical texts are loaded again before they are returned, and
    /// their comments counted: if they do not give back the same corpus with every comment, that
    /// is reported as a diagnostic rather than returned, so a caller that writes only what this
    /// returns never loses a record or a comment.
    pub fn reformat(dir: impl AsRef<Path>, comments: Comments) -> Result<Vec<Reformat>, LoadError> {
        let dir = dir.as_ref();
        let corpus = Corpus::load(dir)?;
        let origins = (corpus.schools.iter().map(|r| &r.origin))
            .chain(corpus.documents.iter().map(|r| &r.origin))
            .chain(corpus.historians.iter().map(|r| &r.origin))
            .chain(corpus.works.iter().map(|r| &r.origin))
            .chain(corpus.claims.iter().map(|r| &r.origin));
        let paths: std::collections::BTreeSet<PathBuf> =
            origins.flatten().map(|o| o.file.to_path_buf()).collect();
        let mut current = BTreeMap::new();
        let mut attached = BTreeMap::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let found = super::comments::find(&text).unwrap_or_default();
            if comments == Comments::Keep && !found.is_empty() {
                let file = super::comments::attach(&text).map_err(|e| {
                    let origin = crate::Origin::new(path.as_path().into(), e.line, 0);
                    LoadError::single(
                        origin,
                        format!("cannot place the comments of this file: {}", e.message),
                        "nothing was written; pass --drop-comments to format without comments",
                    )
                })?;
                attached.insert(path.clone(), file);
            }
            current.insert(path, (text, found));
        }
        let files = corpus.to_yaml_files_with(&attached);
        let reread = Corpus::from_sources(files.iter().map(|(p, t)| (p.clone(), t.as_str())));
        if reread.map(|c| c.without_positions()) != Ok(corpus.without_positions()) {
            return Err(internal(
                crate::Origin::file(dir),
                "the canonical form does not read back as the same corpus",
            ));
        }
        let mut out = Vec::new();
        for (path, text) in files {
            let (old, found) = &current[&path];
            if *old == text {
                continue;
            }
            let kept = super::comments::find(&text).unwrap_or_default();
            if comments == Comments::Keep && !same_comments(found, &kept) {
                let line = found
                    .iter()
                    .find(|c| !kept.iter().any(|k| k.text == c.text))
                    .map_or(0, |c| c.line);
                let origin = crate::Origin::new(path.as_path().into(), line, 0);
                return Err(internal(origin, "the canonical form would lose a comment"));
            }
            out.push(Reformat {
                comments_kept: kept.len(),
                comments_dropped: found.len() - kept.len().min(found.len()),
                read: crate::files::Snapshot::of(old.as_bytes()),
                path,
                text,
            });
        }
        Ok(out)
    }
}

/// Whether two files have the same comments, whatever their order.
fn same_comments(before: &[Comment], after: &[Comment]) -> bool {
    fn texts(comments: &[Comment]) -> Vec<&str> {
        let mut t: Vec<&str> = comments.iter().map(|c| c.text.as_str()).collect();
        t.sort_unstable();
        t
    }
    texts(before) == texts(after)
}

/// A failure of `fmt` itself, reported rather than written.
fn internal(origin: crate::Origin, what: &str) -> LoadError {
    LoadError::single(
        origin,
        format!("internal error: {what}"),
        "nothing was written; pass --drop-comments to format without comments, and please report this with the file",
    )
}

impl Reformat {
    /// Writes the canonical text over the file with [`crate::files::replace`]: atomically,
    /// keeping its permissions, refusing a read-only file and one changed since it was read.
    pub fn write(&self) -> std::io::Result<()> {
        let expect = crate::files::Expect::Unchanged(self.read);
        crate::files::replace(&self.path, self.text.as_bytes(), expect)
    }
}
