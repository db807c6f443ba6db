//! Fault injection: an error at every step of every write leaves the old file or folder whole,
//! and no temporary file behind.

use super::*;

/// A fresh folder under the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        static COUNT: AtomicU64 = AtomicU64::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "historiograph-files-{name}-{}-{n}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every entry of `dir` (recursively), with the bytes of files, sorted.
fn tree(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let name = p.strip_prefix(dir).unwrap().display().to_string();
            if p.is_dir() {
                out.push((name, None));
                stack.push(p);
            } else {
                out.push((name, Some(fs::read(&p).unwrap())));
            }
        }
    }
    out.sort();
    out
}

/// How many steps a write takes when nothing fails.
fn count_steps(write: impl FnOnce(Faults<'_>) -> io::Result<()>) -> usize {
    let mut n = 0;
    write(&mut |_| {
        n += 1;
        Ok(())
    })
    .unwrap();
    n
}

/// A fault at step `k` (from 0), and none elsewhere.
fn fault_at(k: usize) -> impl FnMut(Step) -> io::Result<()> {
    let mut n = 0;
    move |step| {
        n += 1;
        if n - 1 == k {
            Err(io::Error::other(format!("injected at {step:?}")))
        } else {
            Ok(())
        }
    }
}

#[test]
fn a_fault_at_any_step_of_a_replace_leaves_the_old_file() {
    let s = Scratch::new("replace");
    let path = s.0.join("a.yaml");
    let old = b"old text\n".repeat(1000);
    // Large enough to be written in several chunks.
    let new = b"new text, longer\n".repeat(10_000);
    fs::write(&path, &old).unwrap();
    let before = tree(&s.0);
    let expect = Expect::Unchanged(Snapshot::of(&old));
    let steps = count_steps(|f| {
        fs::write(&path, &old)?;
        replace_with(&path, &new, expect, f)
    });
    assert!(steps >= 6, "{steps}");
    fs::write(&path, &old).unwrap();
    for k in 0..steps {
        let e = replace_with(&path, &new, expect, &mut fault_at(k)).unwrap_err();
        assert!(e.to_string().starts_with("injected at"), "{e}");
        assert_eq!(tree(&s.0), before, "fault at step {k}");
    }
    replace(&path, &new, expect).unwrap();
    assert_eq!(fs::read(&path).unwrap(), new);
    assert_eq!(tree(&s.0).len(), 1);
}

#[test]
fn a_fault_at_any_step_of_a_new_file_leaves_nothing() {
    let s = Scratch::new("new");
    let path = s.0.join("n.md");
    let steps = count_steps(|f| {
        let r = replace_with(&path, b"x", Expect::New, f);
        fs::remove_file(&path)?;
        r
    });
    for k in 0..steps {
        assert!(replace_with(&path, b"x", Expect::New, &mut fault_at(k)).is_err());
        assert_eq!(tree(&s.0), [], "fault at step {k}");
    }
}

#[test]
fn a_changed_removed_or_new_file_is_refused() {
    let s = Scratch::new("changed");
    let path = s.0.join("a.yaml");
    fs::write(&path, "one").unwrap();
    let read = Expect::Unchanged(Snapshot::of(b"one"));
    fs::write(&path, "two").unwrap();
    let e = replace(&path, b"three", read).unwrap_err();
    assert!(e
        .to_string()
        .contains("found it changed since by another program"));
    assert_eq!(fs::read(&path).unwrap(), b"two");
    // Changed between the first check and the rename: the check just before it sees it.
    fs::write(&path, "one").unwrap();
    let mut faults = |step| {
        if step == Step::Check {
            fs::write(&path, "edited").unwrap();
        }
        Ok(())
    };
    assert!(replace_with(&path, b"three", read, &mut faults).is_err());
    assert_eq!(fs::read(&path).unwrap(), b"edited");
    assert_eq!(tree(&s.0).len(), 1);

    fs::remove_file(&path).unwrap();
    let e = replace(&path, b"three", read).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::NotFound);
    assert!(!path.exists());

    fs::write(&path, "there").unwrap();
    let e = replace(&path, b"three", Expect::New).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read(&path).unwrap(), b"there");
    // Created between the check and the rename.
    fs::remove_file(&path).unwrap();
    let mut faults = |step| {
        if step == Step::Rename {
            fs::write(&path, "meanwhile").unwrap();
        }
        Ok(())
    };
    assert!(replace_with(&path, b"three", Expect::New, &mut faults).is_err());
    assert_eq!(fs::read(&path).unwrap(), b"meanwhile");
    assert_eq!(tree(&s.0).len(), 1);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_and_read_only_files_refused() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("modes");
    let path = s.0.join("a.yaml");
    fs::write(&path, "one").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    replace(&path, b"two", Expect::Unchanged(Snapshot::of(b"one"))).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!((fs::read(&path).unwrap(), mode), (b"two".to_vec(), 0o600));

    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let e = replace(&path, b"three", Expect::Any).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
    assert!(e.to_string().contains("read-only"), "{e}");
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!((fs::read(&path).unwrap(), mode), (b"two".to_vec(), 0o444));
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_written_through() {
    let s = Scratch::new("link");
    fs::write(s.0.join("real.yaml"), "one").unwrap();
    std::os::unix::fs::symlink(s.0.join("real.yaml"), s.0.join("alias.yaml")).unwrap();
    replace(&s.0.join("alias.yaml"), b"two", Expect::Any).unwrap();
    assert!(fs::symlink_metadata(s.0.join("alias.yaml"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read(s.0.join("real.yaml")).unwrap(), b"two");
}

#[test]
fn concurrent_replaces_use_distinct_temporary_files() {
    let s = Scratch::new("concurrent");
    let paths: Vec<PathBuf> = (0..8).map(|i| s.0.join(format!("{i}.yaml"))).collect();
    std::thread::scope(|scope| {
        for (i, path) in paths.iter().enumerate() {
            scope.spawn(move || {
                for round in 0..20 {
                    let text = format!("{i} {round}\n").repeat(1000);
                    replace(path, text.as_bytes(), Expect::Any).unwrap();
                }
            });
        }
    });
    for (i, path) in paths.iter().enumerate() {
        assert_eq!(
            fs::read_to_string(path).unwrap(),
            format!("{i} 19\n").repeat(1000)
        );
    }
    assert_eq!(tree(&s.0).len(), 8);
}

fn corpus(names: &[&str]) -> Vec<(String, Vec<u8>)> {
    names
        .iter()
        .map(|n| (n.to_string(), format!("file {n}\n").into_bytes()))
        .collect()
}

#[test]
fn a_folder_is_written_whole_or_not_at_all() {
    let s = Scratch::new("folder");
    let dir = s.0.join("out");
    let files = corpus(&["a.yaml", "b.yaml"]);
    let steps = count_steps(|f| {
        write_folder_with(&dir, &files, Existing::Refuse, f)?;
        fs::remove_dir_all(&dir)
    });
    for k in 0..steps {
        assert!(write_folder_with(&dir, &files, Existing::Refuse, &mut fault_at(k)).is_err());
        assert_eq!(tree(&s.0), [], "fault at step {k}");
    }
    let written = write_folder(&dir, &files, Existing::Refuse).unwrap();
    assert_eq!(written, [dir.join("a.yaml"), dir.join("b.yaml")]);

    // A second run is refused, and with Replace leaves no stale file of the larger first run.
    let e = write_folder(&dir, &corpus(&["a.yaml"]), Existing::Refuse).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
    assert!(
        e.to_string()
            .contains("holding 2 entries (`a.yaml`, `b.yaml`)"),
        "{e}"
    );
    let before = tree(&s.0);
    let smaller = corpus(&["c.yaml"]);
    let steps = count_steps(|f| {
        write_folder_with(&dir, &smaller, Existing::Replace, f)?;
        fs::remove_dir_all(&dir)?;
        write_folder(&dir, &files, Existing::Refuse).map(drop)
    });
    for k in 0..steps {
        assert!(write_folder_with(&dir, &smaller, Existing::Replace, &mut fault_at(k)).is_err());
        assert_eq!(tree(&s.0), before, "fault at step {k}");
    }
    write_folder(&dir, &smaller, Existing::Replace).unwrap();
    assert_eq!(
        tree(&s.0),
        [
            ("out".to_string(), None),
            ("out/c.yaml".into(), Some(b"file c.yaml\n".to_vec()))
        ]
    );
}

#[test]
fn only_a_folder_of_corpus_files_is_replaced() {
    let s = Scratch::new("not-ours");
    fs::write(s.0.join("a.yaml"), "x").unwrap();
    fs::write(s.0.join("thesis.docx"), "y").unwrap();
    let e = write_folder(&s.0, &corpus(&["b.yaml"]), Existing::Replace).unwrap_err();
    assert!(e.to_string().contains("found `thesis.docx`"), "{e}");
    fs::remove_file(s.0.join("thesis.docx")).unwrap();
    fs::create_dir(s.0.join("sub")).unwrap();
    let e = write_folder(&s.0, &corpus(&["b.yaml"]), Existing::Replace).unwrap_err();
    assert!(e.to_string().contains("found `sub`"), "{e}");
    // An empty folder is written into without --force.
    let empty = s.0.join("sub");
    write_folder(&empty, &corpus(&["b.yaml"]), Existing::Refuse).unwrap();
    assert_eq!(fs::read(empty.join("b.yaml")).unwrap(), b"file b.yaml\n");
}

#[cfg(unix)]
#[test]
fn reads_are_bounded_before_and_while_reading() {
    let e = read_limited(Path::new("/dev/zero"), 1000).unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected a file of at most 1000 bytes, found `/dev/zero` of more"
    );
    let s = Scratch::new("limited");
    fs::write(s.0.join("a"), [b'x'; 10]).unwrap();
    let e = read_limited(&s.0.join("a"), 9).unwrap_err();
    assert!(e.to_string().ends_with("of 10 bytes"), "{e}");
    assert_eq!(read_limited(&s.0.join("a"), 10).unwrap().len(), 10);
}
