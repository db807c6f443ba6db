//! Writing files so that nothing is lost: every file this crate writes (`fmt`, `notebook -o`,
//! `generate`, `import`) goes through here.
//!
//! [`replace`] writes one file: into a temporary file of a unique name in the same folder,
//! flushed to disk (`fsync`) and given the permissions of the file it replaces, then renamed
//! over it, so that a crash, a kill or a full disk at any point leaves either the old file or
//! the new one, never a mix. It refuses a read-only target, and a target that changed since it
//! was read ([`Expect`]), re-checked just before the rename. A symbolic link is written through:
//! the file it points to is replaced, the link stays.
//!
//! [`write_folder`] writes a set of files as a new folder: all of them into a temporary folder
//! beside the target, then renamed into place, so that the folder holds exactly the files of
//! one run, never a stale file from an earlier, larger one. A folder that already holds files
//! is refused unless [`Existing::Replace`] is given, and then only when it holds nothing but
//! plain corpus files (YAML, JSON, TSV), so that a mistyped `-o ~` cannot empty a home folder.
//!
//! What is not guaranteed: a process killed between its temporary file's creation and the
//! rename leaves that hidden file (`.NAME.PID-N.tmp`) beside the target; a file's owner and
//! extended attributes are not copied, only its permission bits; and a folder replaced under
//! [`Existing::Replace`] is missing for the instant between two renames (a crash there leaves
//! the old folder whole under a hidden name, `.NAME.PID-N.old`).
//!
//! [`read_limited`] reads a file whose size is bounded, checked before reading and while
//! reading, so that `/dev/zero` or a huge file is refused rather than read into memory.

use std::collections::hash_map::DefaultHasher;
use std::ffi::OsString;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What a file looked like when it was read: its length and a digest of its bytes. Two
/// snapshots of the same bytes are equal within one run of the program (the digest is not
/// stable across versions of Rust, and is never stored).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snapshot {
    len: u64,
    digest: u64,
}

impl Snapshot {
    /// The snapshot of `bytes`, the content of a file as read.
    pub fn of(bytes: &[u8]) -> Snapshot {
        let mut h = DefaultHasher::new();
        bytes.hash(&mut h);
        Snapshot {
            len: bytes.len() as u64,
            digest: h.finish(),
        }
    }

    /// The snapshot of the file at `path` now, or `None` when there is no such file.
    pub fn read(path: &Path) -> io::Result<Option<Snapshot>> {
        match fs::read(path) {
            Ok(bytes) => Ok(Some(Snapshot::of(&bytes))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// What [`replace`] expects to find at the target before it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// No file: an existing one is refused, never overwritten (even one created meanwhile).
    New,
    /// The file as it was read: a file changed or removed since is refused.
    Unchanged(Snapshot),
    /// Whatever is there, or nothing: for a target that was not read (an output file named
    /// on the command line, say).
    Any,
}

impl From<Option<Snapshot>> for Expect {
    fn from(snapshot: Option<Snapshot>) -> Expect {
        snapshot.map_or(Expect::New, Expect::Unchanged)
    }
}

/// What [`write_folder`] does with a folder that already holds files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Refuse it: the folder must be new or empty.
    Refuse,
    /// Replace it as a whole, when it holds only plain YAML, JSON and TSV files.
    Replace,
}

/// The points of a write where a fault can strike, for tests that inject one at each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// A temporary file or folder is about to be created.
    Create,
    /// A chunk of at most 64 KiB is about to be written.
    Write,
    /// The temporary file is about to be flushed to disk.
    Sync,
    /// The target is about to be checked, just before the rename.
    Check,
    /// The temporary file or folder is about to be renamed into place.
    Rename,
}

/// A fault injector: called at each [`Step`]; an error it returns is the write's error.
pub(crate) type Faults<'a> = &'a mut dyn FnMut(Step) -> io::Result<()>;

/// Replaces (or creates) the file at `path` with `contents`, atomically: see the
/// [module](self). Refuses a read-only file, and a file that is not as `expect` says.
pub fn replace(path: &Path, contents: &[u8], expect: Expect) -> io::Result<()> {
    replace_with(path, contents, expect, &mut |_| Ok(()))
}

pub(crate) fn replace_with(
    path: &Path,
    contents: &[u8],
    expect: Expect,
    faults: Faults<'_>,
) -> io::Result<()> {
    let target = through_links(path)?;
    let existing = match fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(m) = &existing {
        if !m.is_file() {
            return Err(refusal(
                io::ErrorKind::InvalidInput,
                format!(
                    "expected a regular file, found `{}` is not one",
                    path.display()
                ),
            ));
        }
        if m.permissions().readonly() {
            return Err(refusal(
                io::ErrorKind::PermissionDenied,
                format!(
                    "expected a writable file, found `{}` read-only; nothing was written \
                     (make it writable first if it should change)",
                    path.display()
                ),
            ));
        }
    }
    check(path, &target, expect)?;
    let (folder, name) = split(&target)?;
    let (temporary, mut file) = create_temporary(&folder, &name, existing.is_some(), faults)?;
    let result = (|| {
        for chunk in contents.chunks(64 * 1024) {
            faults(Step::Write)?;
            file.write_all(chunk)?;
        }
        if let Some(m) = &existing {
            file.set_permissions(m.permissions())?;
        }
        faults(Step::Sync)?;
        file.sync_all()?;
        drop(file);
        faults(Step::Check)?;
        check(path, &target, expect)?;
        faults(Step::Rename)?;
        if existing.is_none() && expect == Expect::New {
            rename_new(&temporary, &target)
        } else {
            fs::rename(&temporary, &target)
        }
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result?;
    sync_folder(&folder);
    Ok(())
}

/// Checks that the file at `target` (named `path` to the user) is as `expect` says.
fn check(path: &Path, target: &Path, expect: Expect) -> io::Result<()> {
    let now = Snapshot::read(target)?;
    match (expect, now) {
        (Expect::Any, _) | (Expect::New, None) => Ok(()),
        (Expect::Unchanged(before), Some(now)) if before == now => Ok(()),
        (Expect::New, Some(_)) => Err(refusal(
            io::ErrorKind::AlreadyExists,
            format!(
                "expected no file at `{}`, found one; nothing was written (remove it or choose \
                 another name)",
                path.display()
            ),
        )),
        (Expect::Unchanged(_), Some(_)) => Err(refusal(
            io::ErrorKind::Other,
            format!(
                "expected `{}` as it was read, found it changed since by another program; \
                 nothing was written (run again to work on the new content)",
                path.display()
            ),
        )),
        (Expect::Unchanged(_), None) => Err(refusal(
            io::ErrorKind::NotFound,
            format!(
                "expected `{}` as it was read, found it removed since by another program; \
                 nothing was written",
                path.display()
            ),
        )),
    }
}

/// Renames `temporary` to `target`, which must not exist: a hard link fails if the target
/// exists, so a file created meanwhile is never overwritten. Where the file system has no hard
/// links, checks and renames.
fn rename_new(temporary: &Path, target: &Path) -> io::Result<()> {
    match fs::hard_link(temporary, target) {
        Ok(()) => fs::remove_file(temporary),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(refusal(
            io::ErrorKind::AlreadyExists,
            format!(
                "expected no file at `{}`, found one created meanwhile; nothing was written",
                target.display()
            ),
        )),
        Err(_) if !target.exists() => fs::rename(temporary, target),
        Err(e) => Err(e),
    }
}

/// Writes `files` (name and bytes) as the folder `dir`, atomically: see the [module](self).
/// The parent folder is created if missing. Returns the paths written, in the order given.
pub fn write_folder(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    existing: Existing,
) -> io::Result<Vec<PathBuf>> {
    write_folder_with(dir, files, existing, &mut |_| Ok(()))
}

pub(crate) fn write_folder_with(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    existing: Existing,
    faults: Faults<'_>,
) -> io::Result<Vec<PathBuf>> {
    for (name, _) in files {
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(refusal(
                io::ErrorKind::InvalidInput,
                format!("expected a plain file name, found `{name}`"),
            ));
        }
    }
    let entries = folder_entries(dir)?;
    let full = entries.as_ref().is_some_and(|e| !e.is_empty());
    if full {
        refuse_to_replace(dir, entries.as_deref().unwrap_or_default(), existing)?;
    }
    let (parent, name) = split(dir)?;
    fs::create_dir_all(&parent)?;
    let staging = create_unique(&parent, &name, "new", faults, |p| fs::create_dir(p))?;
    let result = (|| {
        for (file, bytes) in files {
            faults(Step::Create)?;
            let mut out = fs::File::create_new(staging.join(file))?;
            for chunk in bytes.chunks(64 * 1024) {
                faults(Step::Write)?;
                out.write_all(chunk)?;
            }
            faults(Step::Sync)?;
            out.sync_all()?;
        }
        // The folder's permissions are those of the one it replaces (set last: they may forbid
        // writing into it).
        if let Ok(m) = fs::metadata(dir) {
            fs::set_permissions(&staging, m.permissions())?;
        }
        sync_folder(&staging);
        faults(Step::Check)?;
        // The folder must be as it was when checked: still new or empty unless replacing.
        let now = folder_entries(dir)?;
        if now.as_ref().is_some_and(|e| !e.is_empty()) {
            refuse_to_replace(dir, now.as_deref().unwrap_or_default(), existing)?;
        }
        faults(Step::Rename)?;
        match now {
            None => fs::rename(&staging, dir),
            Some(e) if e.is_empty() => {
                fs::remove_dir(dir)?;
                fs::rename(&staging, dir)
            }
            Some(_) => swap(&parent, &name, &staging, dir),
        }
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result?;
    sync_folder(&parent);
    Ok(files.iter().map(|(name, _)| dir.join(name)).collect())
}

/// Puts `staging` in the place of the folder `dir` (named `name` in `parent`): the old folder is
/// moved aside, the new one in, and the old one removed. If the second rename fails, the old
/// folder is moved back.
fn swap(parent: &Path, name: &std::ffi::OsStr, staging: &Path, dir: &Path) -> io::Result<()> {
    let old = unique_name(parent, name, "old");
    fs::rename(dir, &old)?;
    if let Err(e) = fs::rename(staging, dir) {
        let _ = fs::rename(&old, dir);
        return Err(e);
    }
    fs::remove_dir_all(&old)
}

/// The names in the folder `dir`, sorted, or `None` when there is no such folder.
fn folder_entries(dir: &Path) -> io::Result<Option<Vec<(OsString, fs::FileType)>>> {
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
        Ok(m) if !m.is_dir() => {
            return Err(refusal(
                io::ErrorKind::AlreadyExists,
                format!(
                    "expected a folder to write into, found `{}` is a file or a link",
                    dir.display()
                ),
            ))
        }
        Ok(_) => {}
    }
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        entries.push((entry.file_name(), entry.file_type()?));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Some(entries))
}

/// Refuses to replace the non-empty folder `dir` unless `existing` allows it and every entry is
/// a plain file of a kind this crate writes.
fn refuse_to_replace(
    dir: &Path,
    entries: &[(OsString, fs::FileType)],
    existing: Existing,
) -> io::Result<()> {
    if existing == Existing::Refuse {
        let names: Vec<String> = (entries.iter().take(3))
            .map(|(n, _)| format!("`{}`", n.to_string_lossy()))
            .collect();
        let more = if entries.len() > 3 { ", …" } else { "" };
        return Err(refusal(
            io::ErrorKind::AlreadyExists,
            format!(
                "expected a new or empty folder, found `{}` holding {} entries ({}{more}); \
                 nothing was written",
                dir.display(),
                entries.len(),
                names.join(", ")
            ),
        ));
    }
    let ours = |n: &OsString| {
        let n = Path::new(n);
        let ext = n.extension().and_then(|e| e.to_str()).unwrap_or_default();
        matches!(ext, "yaml" | "yml" | "json" | "tsv")
    };
    if let Some((n, _)) = entries.iter().find(|(n, t)| !t.is_file() || !ours(n)) {
        return Err(refusal(
            io::ErrorKind::InvalidInput,
            format!(
                "expected a folder of corpus files to replace, found `{}` in `{}`, which is not \
                 a YAML, JSON or TSV file; nothing was written (choose another folder)",
                n.to_string_lossy(),
                dir.display()
            ),
        ));
    }
    Ok(())
}

/// `path` itself, or the file a symbolic link at `path` finally points to.
fn through_links(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// The folder and the name of `path`; `.` and paths ending in `..` are made absolute first.
fn split(path: &Path) -> io::Result<(PathBuf, OsString)> {
    let absolute;
    let path = if path.file_name().is_none() {
        absolute = fs::canonicalize(path)?;
        &absolute
    } else {
        path
    };
    let name = path.file_name().map(OsString::from).ok_or_else(|| {
        refusal(
            io::ErrorKind::InvalidInput,
            format!("expected a path with a name, found `{}`", path.display()),
        )
    })?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((folder, name))
}

/// A hidden name beside `name` in `folder` that no other write of this process or of another
/// uses: `.NAME.PID-N.SUFFIX`.
fn unique_name(folder: &Path, name: &std::ffi::OsStr, suffix: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = name.to_string_lossy();
    folder.join(format!(".{name}.{}-{n}.{suffix}", std::process::id()))
}

/// Creates a temporary file or folder with [`unique_name`], trying another name if one is taken
/// (by a process of the same id before, say).
fn create_unique<T>(
    folder: &Path,
    name: &std::ffi::OsStr,
    suffix: &str,
    faults: Faults<'_>,
    mut create: impl FnMut(&Path) -> io::Result<T>,
) -> io::Result<PathBuf> {
    loop {
        faults(Step::Create)?;
        let path = unique_name(folder, name, suffix);
        match create(&path) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
            Ok(_) => return Ok(path),
        }
    }
}

/// Creates the temporary file for a write to `name` in `folder`. When it will replace a file,
/// it is created readable by its owner only, and given the file's permissions once written, so
/// that a private file's content is never readable by others, even for an instant.
fn create_temporary(
    folder: &Path,
    name: &std::ffi::OsStr,
    replacing: bool,
    faults: Faults<'_>,
) -> io::Result<(PathBuf, fs::File)> {
    let mut file = None;
    let path = create_unique(folder, name, "tmp", faults, |p| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if replacing {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = replacing;
        file = Some(options.open(p)?);
        Ok(())
    })?;
    // `create_unique` returns only once `create` has succeeded, which sets `file`.
    let file = file.ok_or_else(|| io::Error::other("the temporary file was not created"))?;
    Ok((path, file))
}

/// Flushes a folder's entries (a rename, new files) to disk, where the system allows it. A
/// failure is not an error: the data itself has been flushed, and on some systems a folder
/// cannot be opened for this.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(f) = fs::File::open(folder) {
        let _ = f.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// An error with a message that says what was expected and what was found.
fn refusal(kind: io::ErrorKind, message: String) -> io::Error {
    io::Error::new(kind, message)
}

/// What [`read_bounded`] found.
pub(crate) enum Bounded {
    /// The file's bytes, at most the limit.
    Bytes(Vec<u8>),
    /// A file over the limit: its length, or `None` when it has none to check (a device, a file
    /// that grew while read), only that it holds more.
    TooLarge(Option<u64>),
}

/// Reads the file at `path` whole unless it is larger than `limit` bytes: checked on its length
/// before reading, and while reading, so that at most `limit + 1` bytes are ever held. The
/// corpus loader and [`read_limited`] share it.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> io::Result<Bounded> {
    let file = fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > limit {
        return Ok(Bounded::TooLarge(Some(len)));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Bounded::TooLarge(None));
    }
    Ok(Bounded::Bytes(bytes))
}

/// Reads the file at `path` whole, refusing one larger than `limit` bytes: checked on its
/// length before reading, and while reading (a device such as `/dev/zero`, or a file that grows,
/// has no length to check), so that at most `limit + 1` bytes are ever held.
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    match read_bounded(path, limit)? {
        Bounded::Bytes(bytes) => Ok(bytes),
        Bounded::TooLarge(len) => {
            let size = len.map_or("more".to_string(), |n| format!("{n} bytes"));
            Err(refusal(
                io::ErrorKind::InvalidData,
                format!(
                    "expected a file of at most {limit} bytes, found `{}` of {size}",
                    path.display()
                ),
            ))
        }
    }
}

/// [`read_limited`] as UTF-8 text.
pub fn read_text_limited(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read_limited(path, limit)?).map_err(|e| {
        refusal(
            io::ErrorKind::InvalidData,
            format!(
                "expected UTF-8 text, found bytes that are not UTF-8 in `{}` at byte {}",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

#[cfg(test)]
mod tests;
