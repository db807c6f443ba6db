//! Malformed corpora: each folder of `tests/malformed/` is rejected with pinned diagnostics, and
//! the command line exits 1 on it without panicking. Cases that cannot be committed (an empty
//! folder, a 50 MB file, symbolic-link loops, a device, nesting 100,000 deep) are made here.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use historiograph::{Corpus, Diagnostic, LoadError};

use crate::support::TempDir;

/// Messages of problems that concern a whole file or folder, so carry no line.
const WHOLE_FILE: &[&str] = &[
    "file is too large",
    "expected YAML files",
    "expected a regular file",
    "cannot read the file",
    "folder visited twice",
    "expected a folder, found a symbolic link",
    "expected a folder inside the corpus folder",
    "expected a file inside the corpus folder",
    "expected folders nested",
    "cannot list the folder",
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rejected(dir: &Path) -> LoadError {
    match Corpus::load(dir) {
        Ok(c) => panic!("{} was accepted: {c:#?}", dir.display()),
        Err(e) => e,
    }
}

/// Checks what every diagnostic promises: a line wherever there is one, a lowercase message
/// without a trailing period, a hint.
fn check_form(d: &Diagnostic) {
    let whole = WHOLE_FILE.iter().any(|m| d.message.starts_with(m));
    assert!(d.origin.line > 0 || whole, "no line: {d}");
    assert!(
        !d.message.starts_with(char::is_uppercase) && !d.message.ends_with('.'),
        "message style: {d}"
    );
    assert!(d.hint.is_some(), "no hint: {d}");
}

/// The error as `Display` renders it (every diagnostic rustc-style, with the offending line,
/// then the summary), with `base` (in paths and messages) shown as `shown_as`.
fn render(e: &LoadError, base: &str, shown_as: &str) -> String {
    e.diagnostics.iter().for_each(check_form);
    format!("{e}\n").replace(base, shown_as)
}

fn cli() -> Command {
    Command::cargo_bin("historiograph").unwrap()
}

/// Runs `historiograph check` on `dir`: exit 1, no panic, and the error exactly as its
/// `Display` renders it (the summary last, positioned diagnostics named by file:line:column).
fn check_cli(dir: &Path, e: &LoadError) {
    let out = cli().arg("check").arg("--corpus").arg(dir).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, format!("{e}\n"), "{}", dir.display());
    assert!(stderr.ends_with(&format!("error: {}\n", e.summary())));
    if let Some(d) = e.diagnostics.iter().find(|d| d.origin.line > 0) {
        assert!(stderr.contains(&d.origin.to_string()), "{stderr}");
    }
}

#[test]
fn diagnostics() {
    insta::glob!("../malformed", "*", |path| {
        let is_case = path.parent().and_then(|p| p.file_name()) == Some("malformed".as_ref());
        if !path.is_dir() || !is_case {
            return;
        }
        let e = rejected(path);
        insta::assert_snapshot!(render(&e, &format!("{}/", repo().display()), ""));
        check_cli(path, &e);
    });
}

#[test]
fn there_are_at_least_forty_cases() {
    let cases = std::fs::read_dir(repo().join("tests/malformed"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert!(cases >= 40, "{cases} cases");
}

/// Loads a folder made at test time and renders its diagnostics as `<tmp>/...`.
fn generated(dir: &TempDir) -> String {
    let e = rejected(dir.path());
    check_cli(dir.path(), &e);
    render(&e, &dir.path().display().to_string(), "<tmp>")
}

#[test]
fn empty_folder() {
    let dir = TempDir::new("empty");
    insta::assert_snapshot!(generated(&dir));
}

#[test]
fn a_file_of_50_mb_is_refused_unread() {
    let dir = TempDir::new("large");
    let record = "  - {id: cumings, name: Bruce Cumings, notes: a line of filler text to make the file large}\n";
    let text = format!(
        "historians:\n{}",
        record.repeat(50 * 1024 * 1024 / record.len())
    );
    assert!(text.len() > 50_000_000);
    std::fs::write(dir.path().join("large.yaml"), &text).unwrap();
    let rendered = generated(&dir);
    assert!(rendered.contains("found 52428"), "{rendered}");
    insta::assert_snapshot!(rendered.replace(&text.len().to_string(), "<size>"));
}

/// Links into the corpus would read files twice or forever, and links out of it are not
/// followed, so no loop of links outside it is ever entered.
#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_refused() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("loop");
    let (root, outside) = (dir.path().join("corpus"), dir.path().join("outside"));
    for folder in [
        root.join("a"),
        root.join("b"),
        outside.join("x"),
        outside.join("y"),
    ] {
        std::fs::create_dir_all(folder).unwrap();
    }
    std::fs::write(
        root.join("people.yaml"),
        "historians:\n  - {id: cumings, name: Bruce Cumings}\n",
    )
    .unwrap();
    symlink(&root, root.join("a/back-to-root")).unwrap();
    symlink(root.join("b"), root.join("a/to-b")).unwrap();
    symlink(outside.join("x"), root.join("b/outside-x")).unwrap();
    symlink(outside.join("y"), outside.join("x/to-y")).unwrap();
    symlink(outside.join("x"), outside.join("y/to-x")).unwrap();
    let e = rejected(&root);
    check_cli(&root, &e);
    insta::assert_snapshot!(render(&e, &dir.path().display().to_string(), "<tmp>"));
}

#[cfg(unix)]
#[test]
fn devices_and_dangling_links_are_refused_not_read() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("device");
    symlink("/dev/zero", dir.path().join("zero.yaml")).unwrap();
    symlink(dir.path().join("nowhere"), dir.path().join("dangling.yaml")).unwrap();
    // A named pipe in the corpus folder: opening it to read would wait for a writer forever.
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.yaml"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    insta::assert_snapshot!(generated(&dir));
}

/// Nesting that would overflow the parser's stack is refused before parsing, with a position.
#[test]
fn nesting_100_000_deep_is_refused() {
    let indented: String = (0..2_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    let cases = [
        ("dashes", format!("claims:\n  {}x\n", "- ".repeat(100_000))),
        ("brackets", format!("claims: {}\n", "[".repeat(100_000))),
        ("braces", format!("claims: {}\n", "{a: ".repeat(100_000))),
        ("indented", format!("historians:\n{indented}")),
    ];
    let mut out = String::new();
    for (name, text) in cases {
        let e = Corpus::from_sources([(format!("{name}.yaml"), text)]).unwrap_err();
        assert_eq!(e.diagnostics.len(), 1, "{name}");
        let d = &e.diagnostics[0];
        check_form(d);
        out.push_str(&format!("{}\n", d.short()));
    }
    insta::assert_snapshot!(out);
}
