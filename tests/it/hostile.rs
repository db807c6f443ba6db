//! Hostile and unlucky input (issue 21): line endings, quoted words YAML would read as null,
//! control characters on their way to a terminal or an export, symbolic links out of the
//! corpus. Every input is made here, in a temporary folder.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use historiograph::{export, Corpus, Debate, ExportOptions, Format};

use crate::support::TempDir;

mod diagnostics;
mod limits;
mod links;
mod notebooks;
mod pipes;
mod writes;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cli() -> Command {
    Command::cargo_bin("historiograph").unwrap()
}

/// Runs `historiograph ARGS --corpus DIR`; returns exit code, stdout and stderr, with `dir`
/// shown as `<dir>`.
fn run(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = cli().args(args).arg("--corpus").arg(dir).output().unwrap();
    let text =
        |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(&dir.display().to_string(), "<dir>");
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// Every file of `dir`, by name, with its bytes.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The bundled corpus's YAML files with every line ending made `ending`.
fn bundled_with_endings(ending: &str, name: &str) -> TempDir {
    let dir = TempDir::new(name);
    for entry in std::fs::read_dir(repo().join("claims")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.replace("\r\n", "\n").replace('\n', ending);
            std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
        }
    }
    dir
}

/// Where each record of a loaded corpus was read: file name, line and column.
fn positions(corpus: &Corpus) -> Vec<(String, u32, u32)> {
    let origins = (corpus.documents.iter().map(|d| &d.origin))
        .chain(corpus.historians.iter().map(|h| &h.origin))
        .chain(corpus.works.iter().map(|w| &w.origin))
        .chain(corpus.claims.iter().map(|c| &c.origin));
    origins
        .map(|o| {
            let o = o.as_ref().unwrap();
            let name = o.file.file_name().unwrap().to_string_lossy().into_owned();
            (name, o.line, o.column)
        })
        .collect()
}

/// `\n`, `\r\n` and old Mac `\r`: the same records at the same lines, the same `check`, and
/// after `fmt` the same canonical files, comments and all.
#[test]
fn every_line_ending_reads_and_formats_the_bundled_corpus_alike() {
    let bundled = Corpus::bundled();
    let mut canonical = None;
    for (ending, name) in [("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")] {
        let dir = bundled_with_endings(ending, &format!("endings-{name}"));
        let loaded = Corpus::load(dir.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(positions(&loaded), positions(&bundled), "{name}");
        assert_eq!(
            loaded.without_positions().claims.len(),
            bundled.claims.len()
        );

        let (code, stdout, _) = run(&["check"], dir.path());
        assert_eq!(code, 0, "{name}");
        assert_eq!(
            stdout,
            "ok: 35 documents, 55 historians, 163 claims, 48 works, 6 schools, 10 linked arguments, 3 undercuts, 670 edges\n",
            "{name}"
        );

        let before = contents(dir.path());
        let (code, _, stderr) = run(&["fmt", "--check"], dir.path());
        if ending == "\n" {
            assert_eq!(code, 0, "the bundled corpus is canonical: {stderr}");
        } else {
            assert_eq!(code, 1, "{name}: {stderr}");
            assert_eq!(stderr.matches("would reformat").count(), before.len());
        }
        assert_eq!(contents(dir.path()), before, "{name}: nothing written");
        let (code, _, stderr) = run(&["fmt"], dir.path());
        assert_eq!(code, 0, "{name}: {stderr}");
        let after = Corpus::load(dir.path()).unwrap();
        assert_eq!(after.claims.len(), bundled.claims.len());
        assert_eq!(after.documents.len(), bundled.documents.len());
        let files = contents(dir.path());
        match &canonical {
            None => canonical = Some(files),
            Some(first) => assert_eq!(&files, first, "{name}: the canonical files differ"),
        }
    }
}

/// A second YAML document and a comment after old Mac line endings are seen as with `\n`: the
/// second document is refused, the comment is kept by `fmt`.
#[test]
fn lone_carriage_returns_hide_no_second_document_and_no_comment() {
    for (ending, name) in [("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")] {
        let second = "historians:\n  - {id: h, name: H}\n---\nclaims:\n  - {id: c, statement: s, proponents: [h]}\n";
        let e = Corpus::from_sources([("a.yaml", second.replace('\n', ending))]).unwrap_err();
        assert_eq!(e.diagnostics.len(), 1, "{name}");
        let d = &e.diagnostics[0];
        assert_eq!(
            d.message,
            "expected one YAML document in the file, found a second after this marker"
        );
        assert_eq!((d.origin.line, d.origin.column), (3, 1), "{name}");

        let dir = TempDir::new(&format!("comment-{name}"));
        let text = "historians:\n  - id: h\n    # a comment fmt would drop\n    name: H\n";
        std::fs::write(dir.path().join("a.yaml"), text.replace('\n', ending)).unwrap();
        let (code, _, stderr) = run(&["fmt"], dir.path());
        assert_eq!(code, 0, "{name}: {stderr}");
        let written = std::fs::read_to_string(dir.path().join("a.yaml")).unwrap();
        assert_eq!(written, text, "{name}");
    }
}

/// A problem after lone `\r` line ends is shown with its own line, not the whole file.
#[test]
fn diagnostics_after_lone_carriage_returns_show_their_line() {
    let dir = TempDir::new("cr-diagnostic");
    let text = "historians:\r  - {id: h, name: H}\rclaims:\r  - {id: c, statement: s, proponents: [nobody]}\r";
    std::fs::write(dir.path().join("a.yaml"), text).unwrap();
    let (code, _, stderr) = run(&["check"], dir.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("--> <dir>/a.yaml:4:"), "{stderr}");
    assert!(
        stderr.contains("4 |   - {id: c, statement: s, proponents: [nobody]}\n"),
        "{stderr}"
    );
    assert!(!stderr.contains('\r'), "{stderr:?}");
}

const QUOTED: &str = r#"documents:
  - id: d
    title: "null"
    date: 1950
    kind: letter
    author: '~'
    citation: "true"
    audience: internal
    recipient: "NULL"
    notes: "1950"
historians:
  - {id: h, name: H, notes: ""}
  - {id: i, name: I, notes: null}
  - {id: j, name: J, notes: ~}
  - {id: k, name: K, notes:}
claims:
  - id: c
    statement: "~"
    proponents: [h]
    locator: 'null'
    notes: "Null"
    evidence:
      - {document: d, polarity: backs, locator: "1950", quote: "null", note: '~'}
"#;

/// Quoted `null`, `~`, `true`, `1950` and `""` are text, through load and through `fmt`; plain
/// `null`, `~` and nothing are still null.
#[test]
fn quoted_strings_are_strings_through_load_and_fmt() {
    let check = |corpus: &Corpus| {
        let d = &corpus.documents[0];
        assert_eq!((&*d.title, &*d.author, &*d.citation), ("null", "~", "true"));
        assert_eq!(d.recipient.as_deref(), Some("NULL"));
        assert_eq!(d.notes.as_deref(), Some("1950"));
        let notes: Vec<_> = corpus
            .historians
            .iter()
            .map(|h| h.notes.as_deref())
            .collect();
        assert_eq!(notes, [Some(""), None, None, None]);
        let c = &corpus.claims[0];
        assert_eq!(&*c.statement, "~");
        assert_eq!(c.locator.as_deref(), Some("null"));
        assert_eq!(c.notes.as_deref(), Some("Null"));
        let e = &c.evidence[0];
        assert_eq!(&*e.locator, "1950");
        assert_eq!(e.quote.as_deref(), Some("null"));
        assert_eq!(e.note.as_deref(), Some("~"));
    };
    let dir = TempDir::new("quoted");
    std::fs::write(dir.path().join("a.yaml"), QUOTED).unwrap();
    let before = Corpus::load(dir.path()).unwrap();
    check(&before);

    let (code, stdout, stderr) = run(&["fmt"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "reformatted: <dir>/a.yaml\n");
    let written = std::fs::read_to_string(dir.path().join("a.yaml")).unwrap();
    for quoted in [
        "title: \"null\"",
        "author: \"~\"",
        "citation: \"true\"",
        "recipient: \"NULL\"",
        "statement: \"~\"",
        "notes: \"\"",
        "notes: \"1950\"",
        "locator: \"1950\"",
        // Dates are text in the corpus format, and written plain.
        "date: 1950\n",
    ] {
        assert!(written.contains(quoted), "{quoted} in\n{written}");
    }
    let after = Corpus::load(dir.path()).unwrap();
    check(&after);
    assert_eq!(after.without_positions(), before.without_positions());
    let (code, stdout, _) = run(&["fmt"], dir.path());
    assert_eq!(
        (code, stdout.as_str()),
        (0, "ok: every file is in canonical form\n")
    );
}

/// Whether `text` holds a control character other than tab and line feed.
fn has_raw_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\t' && c != '\n')
}

/// A corpus whose text carries ESC, BEL and DEL through YAML escapes, which the loader accepts
/// in text (only raw control bytes in the file are refused).
const ESCAPED: &str = r#"documents:
  - {id: d, title: "bell\a title", date: 1950, kind: letter, author: "esc\e[2J", citation: c, audience: internal}
historians:
  - {id: h, name: "H\e]0;pwned\a"}
claims:
  - id: c
    statement: "clear \e[2J\e[31mred\x7f bell\a"
    proponents: [h]
    evidence:
      - {document: d, polarity: backs, locator: l}
"#;

/// Control characters in statements reach neither the terminal nor an export raw: the terminal
/// sees `\u{1b}`, DOT and Argdown an escape of their own, the other formats their own escapes.
#[test]
fn control_characters_in_text_are_escaped_on_the_terminal_and_in_exports() {
    let dir = TempDir::new("controls");
    std::fs::write(dir.path().join("a.yaml"), ESCAPED).unwrap();
    let corpus = Corpus::load(dir.path()).unwrap();
    assert_eq!(
        &*corpus.claims[0].statement,
        "clear \u{1b}[2J\u{1b}[31mred\u{7f} bell\u{7}"
    );
    for args in [
        &["show", "c"][..],
        &["show", "d"],
        &["show", "h"],
        &["claims"],
        &["documents"],
        &["historians"],
        &["evidence", "c"],
    ] {
        let (code, stdout, stderr) = run(args, dir.path());
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(!has_raw_control(&stdout), "{args:?}: {stdout:?}");
        assert!(!has_raw_control(&stderr), "{args:?}: {stderr:?}");
    }
    let (_, shown, _) = run(&["show", "c"], dir.path());
    assert!(
        shown.contains(r"clear \u{1b}[2J\u{1b}[31mred\u{7f} bell\u{7}"),
        "{shown}"
    );

    // A corpus made in code may hold anything, ids included.
    let mut corpus = corpus;
    corpus.claims[0].id = "c\u{1b}[2J\u{7}".into();
    let debate = Debate::new(corpus);
    for format in Format::ALL {
        let text = export(&debate, format, &ExportOptions::default()).unwrap();
        let raw = match format {
            // JSON escapes C0 controls; DEL is legal in JSON strings and harmless there.
            Format::Json | Format::Aif | Format::CslJson => text.replace('\u{7f}', ""),
            _ => text.clone(),
        };
        assert!(!has_raw_control(&raw), "{format:?}: {text:?}");
    }
    let dot = export(&debate, Format::Dot, &ExportOptions::default()).unwrap();
    assert!(dot.contains(r#""c\\u{1b}[2J\\u{7}""#), "{dot}");
    assert!(dot.contains(r"red\\u{7f} bell\\u{7}"), "{dot}");
    let argdown = export(&debate, Format::Argdown, &ExportOptions::default()).unwrap();
    assert!(argdown.contains("[cu+001b(2Ju+0007]: clear"), "{argdown}");
    assert!(
        argdown.contains(r"clear \\u\{1b\}\[2J\\u\{1b\}\[31mred\\u\{7f\} bell\\u\{7\}"),
        "{argdown}"
    );
}

/// Control characters are refused in ids, whether raw in the file or made by an escape, and the
/// diagnostics that quote them show escapes.
#[test]
fn control_characters_are_refused_in_ids_and_escaped_in_diagnostics() {
    let dir = TempDir::new("control-ids");
    std::fs::write(
        dir.path().join("a.yaml"),
        "historians:\n  - {id: \"h\\e[2J\", name: H}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        "historians:\n  - {id: i\u{1b}[2J, name: I}\n",
    )
    .unwrap();
    let e = Corpus::load(dir.path()).unwrap_err();
    let messages: Vec<_> = e
        .diagnostics
        .iter()
        .map(|d| d.short().to_string())
        .collect();
    let messages = messages
        .join("\n")
        .replace(&dir.path().display().to_string(), "<dir>");
    assert_eq!(
        messages,
        "<dir>/a.yaml:2:10: error: expected an id without control characters, found U+001B in `h\\u{1b}[2J`\n  \
         = hint: ids are words joined by `-`; remove the escape that makes the control character\n\
         <dir>/b.yaml:2:11: error: expected printable text, found the control character U+001B\n  \
         = hint: YAML allows no control characters but tab and line breaks; remove it"
    );
    let (code, _, stderr) = run(&["check"], dir.path());
    assert_eq!(code, 1);
    assert!(!has_raw_control(&stderr), "{stderr:?}");
    assert!(
        stderr.contains("2 |   - {id: i\\u{1b}[2J, name: I}\n"),
        "{stderr}"
    );

    // A corpus made in code is checked too.
    let mut corpus = Corpus::from_sources([(
        "a.yaml",
        "historians:\n  - {id: h, name: H}\nclaims:\n  - {id: c, statement: s, proponents: [h]}\n",
    )])
    .unwrap();
    corpus.claims[0].id = "c\u{7}".into();
    let e = corpus.validate().unwrap_err();
    assert!(
        e.diagnostics
            .iter()
            .any(|d| d.message.contains("control characters")),
        "{:#?}",
        e.diagnostics
    );
}

/// Symbolic links out of the corpus folder, to a folder or a YAML file, are not followed: each
/// is a diagnostic naming the link and where it leads, found at once (a link to `/` or
/// `/proc/self` would otherwise walk the whole file system).
#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_corpus_are_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("links-out");
    let (root, outside) = (dir.path().join("corpus"), dir.path().join("outside"));
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let people = "historians:\n  - {id: cumings, name: Bruce Cumings}\n";
    std::fs::write(root.join("people.yaml"), people).unwrap();
    std::fs::write(
        outside.join("more.yaml"),
        "historians:\n  - {id: other, name: O}\n",
    )
    .unwrap();
    symlink("/", root.join("everything")).unwrap();
    symlink("/proc/self", root.join("sub/proc")).unwrap();
    symlink(&outside, root.join("shared")).unwrap();
    symlink(outside.join("more.yaml"), root.join("more.yaml")).unwrap();
    // Not YAML and not a folder: never read, so never reported.
    symlink("/etc/hostname", root.join("hostname.txt")).unwrap();
    // A link to a file inside the corpus is read (here one in a hidden folder, not read else).
    std::fs::create_dir_all(root.join(".hidden")).unwrap();
    let x = "historians:\n  - {id: x, name: X}\n";
    std::fs::write(root.join(".hidden/real.yml"), x).unwrap();
    symlink(root.join(".hidden/real.yml"), root.join("alias.yaml")).unwrap();

    let started = Instant::now();
    let e = Corpus::load(&root).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    let shown: Vec<String> = e
        .diagnostics
        .iter()
        .map(|d| {
            let path = d.origin.file.strip_prefix(&root).unwrap().display();
            let message = d
                .message
                .replace(&outside.display().to_string(), "<outside>");
            format!("{path}: {message}")
        })
        .collect();
    let proc_self = std::fs::canonicalize("/proc/self").map(|p| p.display().to_string());
    let expected = [
        "everything: expected a folder inside the corpus folder, found a symbolic link out of it, to `/`".to_string(),
        "more.yaml: expected a file inside the corpus folder, found a symbolic link out of it, to `<outside>/more.yaml`".into(),
        "shared: expected a folder inside the corpus folder, found a symbolic link out of it, to `<outside>`".into(),
    ];
    assert_eq!(shown[..3], expected, "{shown:#?}");
    if let Ok(proc_self) = proc_self {
        // `/proc/self` is the loading process; a test thread may see its own task instead.
        assert_eq!(shown.len(), 4, "{shown:#?}");
        assert!(
            shown[3].starts_with("sub/proc: expected a folder inside the corpus folder, found a symbolic link out of it, to `/proc/"),
            "{shown:#?} ({proc_self})"
        );
    }
    let hint = e.diagnostics[0].hint.as_deref().unwrap();
    assert!(
        hint.starts_with("links out of the corpus are not followed"),
        "{hint}"
    );

    // Without the links out, the corpus loads, the link inside it included.
    for link in ["everything", "sub/proc", "shared", "more.yaml"] {
        std::fs::remove_file(root.join(link)).unwrap();
    }
    let corpus = Corpus::load(&root).unwrap();
    assert_eq!(corpus.historians.len(), 2);
}
