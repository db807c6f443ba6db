//! The debate as a static website: one folder of HTML pages, a stylesheet, a search script and
//! its index, that opens from `file://` with no server and no network.
//!
//! The site renders answers the library computes (evidence bases, rests-only-on, depends-on,
//! discredit, acceptability, contested, unsupported, source criticism); it computes nothing of
//! its own but the reverse lookups a page needs (which claims cite a document) and the layout
//! of its pictures. Every corpus string is escaped for where it lands (`escape`), and every
//! page carries a Content-Security-Policy that allows no script but the site's own files.

mod claim;
mod document;
mod escape;
mod html;
mod index;
mod lookup;
mod records;
mod search;
mod svg;
mod write;

use std::collections::BTreeMap;

use crate::graph::Debate;

pub use write::SiteError;

/// A built site: every file's path (relative, `/`-separated) and contents, sorted by path.
///
/// ```
/// use historiograph::{Corpus, Debate, Site};
///
/// let site = Site::build(&Debate::new(Corpus::bundled()));
/// let page = site.file("document/stalin-gottwald-1950-08-27.html").unwrap();
/// assert!(page.contains("gottwald-letter-trap"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    files: BTreeMap<String, String>,
}

/// The name of the file that marks a folder as a site this program wrote, so that writing
/// again may replace it.
pub const SITE_MARKER: &str = ".historiograph-site";

impl Site {
    /// Renders every page of the debate: the index, one page per claim, document, historian,
    /// school and work, the question pages, the map, the search page and its index.
    pub fn build(debate: &Debate) -> Site {
        let ctx = lookup::Ctx::new(debate);
        let mut files = BTreeMap::new();
        let mut add = |(path, text): (String, String)| {
            files.insert(path, text);
        };
        for (path, text) in search::assets() {
            add((path.to_string(), text.to_string()));
        }
        add(search::index_js(&ctx));
        add((
            SITE_MARKER.to_string(),
            "a site written by historiograph site; writing a site here again replaces this folder\n"
                .to_string(),
        ));
        index::pages(&ctx).into_iter().for_each(&mut add);
        let mut next = vec![u32::MAX; debate.flow.forward.len()];
        for i in 0..debate.corpus().claims.len() {
            add(claim::page(&ctx, i, &mut next));
        }
        for i in 0..debate.corpus().documents.len() {
            add(document::page(&ctx, i));
        }
        records::pages(&ctx).into_iter().for_each(&mut add);
        Site { files }
    }

    /// The contents of the file at `path` (e.g. `index.html`), if the site has it.
    pub fn file(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Every file as `(path, contents)`, sorted by path.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(p, t)| (p.as_str(), t.as_str()))
    }

    /// The number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the site has no files (never, once built).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The total size of the files in bytes.
    pub fn bytes(&self) -> usize {
        self.files.values().map(String::len).sum()
    }

    /// Writes the site into `dir`, which must be missing, empty, or a site written before (it
    /// has [`SITE_MARKER`]); see [`SiteError`]. The files are written into a hidden folder
    /// beside `dir`, which then takes its place by renames, so an interrupted run leaves
    /// the old folder whole (or none), never a half site under the name.
    pub fn write(&self, dir: &std::path::Path) -> Result<(), SiteError> {
        write::write(self, dir)
    }
}
