//! Symbolic link loops inside a corpus are found at once, each named, never walked.

use std::time::{Duration, Instant};

use historiograph::Corpus;

use crate::support::TempDir;

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported_not_walked() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("link-loops");
    let root = dir.path();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::fs::write(root.join("a.yaml"), "historians:\n  - {id: h, name: H}\n").unwrap();
    // A folder link back to the corpus, two YAML links to each other, a link to itself.
    symlink("..", root.join("sub/up")).unwrap();
    symlink("y.yaml", root.join("x.yaml")).unwrap();
    symlink("x.yaml", root.join("y.yaml")).unwrap();
    symlink("self", root.join("self")).unwrap();
    let started = Instant::now();
    let e = Corpus::load(root).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    let shown: Vec<String> = e
        .diagnostics
        .iter()
        .map(|d| {
            let path = d.origin.file.strip_prefix(root).unwrap().display();
            format!("{path}: {}", d.message)
        })
        .collect();
    assert_eq!(
        shown,
        [
            "sub/up: expected a folder, found a symbolic link to the corpus folder itself, inside the corpus",
            "x.yaml: cannot read the file: Too many levels of symbolic links (os error 40)",
            "y.yaml: cannot read the file: Too many levels of symbolic links (os error 40)",
        ]
    );
    assert_eq!(
        e.diagnostics[1].hint.as_deref(),
        Some("this is a symbolic link that leads in a loop or to nothing: remove it, or point it at a file")
    );
}
