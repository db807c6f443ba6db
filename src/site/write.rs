//! Writing a site to a folder: refuse a folder that holds something else, write the new site
//! beside it under a hidden name, then swap it in by renames.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Site, SITE_MARKER};

/// Why a site could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The folder holds files and is not a site written before.
    #[error("`{}` is not empty and is not a site written by historiograph (it has no `{SITE_MARKER}`); choose a new or empty folder", .0.display())]
    NotASite(PathBuf),
    /// The path exists and is not a folder.
    #[error("`{}` exists and is not a folder; choose a new or empty folder", .0.display())]
    NotAFolder(PathBuf),
    /// The folder is the current folder, or holds it.
    #[error("`{}` is the current folder or holds it, which writing a site replaces; name a folder inside it, e.g. `-o site`", .0.display())]
    Current(PathBuf),
    /// A file could not be read, written or renamed.
    #[error("cannot {what} `{}`: {source}", path.display())]
    Io {
        /// What was being done: `write`, `rename`, `read`.
        what: &'static str,
        /// The path.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
}

fn io<'p>(what: &'static str, path: &'p Path) -> impl FnOnce(io::Error) -> SiteError + 'p {
    move |source| SiteError::Io {
        what,
        path: path.to_path_buf(),
        source,
    }
}

pub(super) fn write(site: &Site, dir: &Path) -> Result<(), SiteError> {
    // The site replaces its folder by a rename, which would leave a shell inside it in a
    // removed folder: refuse the current folder and those above it.
    let here = std::env::current_dir().and_then(|d| d.canonicalize());
    if let (Ok(real), Ok(here)) = (dir.canonicalize(), here) {
        if here.starts_with(&real) {
            return Err(SiteError::Current(dir.to_path_buf()));
        }
    }
    let existing = match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let mut entries = fs::read_dir(dir).map_err(io("read", dir))?;
            let empty = entries.next().is_none();
            if !empty && !dir.join(SITE_MARKER).is_file() {
                return Err(SiteError::NotASite(dir.to_path_buf()));
            }
            true
        }
        Ok(_) => return Err(SiteError::NotAFolder(dir.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(io("read", dir)(e)),
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let pid = std::process::id();
    let fresh = parent.join(format!(".{name}.historiograph-new-{pid}"));
    let old = parent.join(format!(".{name}.historiograph-old-{pid}"));
    if let Err(e) = write_all(site, &fresh) {
        let _ = fs::remove_dir_all(&fresh);
        return Err(e);
    }
    if existing {
        fs::rename(dir, &old).map_err(|e| {
            let _ = fs::remove_dir_all(&fresh);
            io("rename", dir)(e)
        })?;
    }
    if let Err(e) = fs::rename(&fresh, dir) {
        // Put the old site back under its name.
        if existing {
            let _ = fs::rename(&old, dir);
        }
        let _ = fs::remove_dir_all(&fresh);
        return Err(io("rename", &fresh)(e));
    }
    if existing {
        fs::remove_dir_all(&old).map_err(io("remove", &old))?;
    }
    Ok(())
}

/// Every file into `root`, which must not exist; the marker last, so a folder with the marker
/// holds a whole site.
fn write_all(site: &Site, root: &Path) -> Result<(), SiteError> {
    if root.exists() {
        fs::remove_dir_all(root).map_err(io("remove", root))?;
    }
    fs::create_dir_all(root).map_err(io("write", root))?;
    for (path, text) in site.files().filter(|(p, _)| *p != SITE_MARKER) {
        let target = root.join(path);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(io("write", folder))?;
        }
        fs::write(&target, text).map_err(io("write", &target))?;
    }
    if let Some(marker) = site.file(SITE_MARKER) {
        let target = root.join(SITE_MARKER);
        fs::write(&target, marker).map_err(io("write", &target))?;
    }
    Ok(())
}
