//! `fmt` keeps comments: every comment of a file comes back, beside what it annotates, through
//! the reordering of fields; formatting twice changes nothing; `--drop-comments` drops them.

use std::path::Path;

use proptest::prelude::*;

use crate::format::{arb_text, with_texts};
use crate::support::{arb_corpus, copy_of, TempDir};
use historiograph::{Comments, Corpus};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The comments of a YAML text, by a reader independent of the crate's: `#` after white space or
/// at a line's start, outside the quoted scalars and folded blocks the canonical writer makes.
fn comments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(header) = block {
            if line.trim().is_empty() || indent > header {
                continue;
            }
            block = None;
        }
        let mut quoted = false;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'"' if !quoted => quoted = true,
                b'"' if bytes[i - 1] != b'\\' || (i >= 2 && bytes[i - 2] == b'\\') => {
                    quoted = false
                }
                b'#' if !quoted && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t')) => {
                    out.push(line[i..].trim_end().to_string());
                    break;
                }
                _ => {}
            }
        }
        let code = line.split(" #").next().unwrap_or(line).trim_end();
        if code.ends_with(">-") {
            block = Some(indent);
        }
    }
    out.sort();
    out
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// Every `.yaml` file of a folder, sorted.
fn yaml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_bundled_corpus_is_canonical_with_its_comments() {
    let changes = Corpus::reformat(repo().join("claims"), Comments::Keep).unwrap();
    let names: Vec<_> = changes
        .iter()
        .map(|c| c.path.display().to_string())
        .collect();
    assert!(names.is_empty(), "fmt --check fails on {names:?}");
    let total: usize = yaml_files(&repo().join("claims"))
        .iter()
        .map(|f| comments(&std::fs::read_to_string(f).unwrap()).len())
        .sum();
    assert!(total > 50, "the bundled corpus has {total} comments");
}

#[test]
fn dropping_the_comments_of_the_bundled_corpus_keeps_every_record() {
    let dir = copy_of(&repo().join("claims"), "fmt-drop-bundled");
    let before = Corpus::load(dir.path()).unwrap();
    let changes = Corpus::reformat(dir.path(), Comments::Drop).unwrap();
    assert_eq!(
        changes.len(),
        yaml_files(dir.path()).len(),
        "every file has comments"
    );
    for c in &changes {
        assert_eq!(c.comments_kept, 0);
        assert!(c.comments_dropped > 0, "{}", c.path.display());
        assert!(comments(&c.text).is_empty(), "{}", c.text);
        c.write().unwrap();
    }
    let after = Corpus::load(dir.path()).unwrap();
    assert_eq!(after.without_positions(), before.without_positions());
    assert!(Corpus::reformat(dir.path(), Comments::Keep)
        .unwrap()
        .is_empty());
}

/// A small file in an author's order, with a comment in every kind of place: before the file,
/// a section, a record, a field, a list item, a nested mapping, at the end of lines (a flow
/// list, a folded text's header, an item), inside an empty list that is dropped, and at the end.
const COMMENTED: &str = r#"# the file's header

claims:
  # a record
  - statement: A claim.   # after a statement
    id: c1
    # before the proponents, which move up
    proponents:
      - h1   # the first proponent
      # before the second
      - h2
    supports: []  # an empty list fmt leaves out
    notes: >- # a folded text
      Some notes that run on.
  - id: c2
    statement: Another.
    evidence:
      # the letter
      - {document: d1, polarity: backs, locator: "fn 3"}  # an item
historians:
  - {id: h1, name: One}
  - id: h2
    name: Two
documents:
  - id: d1
    title: A letter
    date: 1950-01-01
    kind: letter
    author: A
    citation: C
    audience: internal
    reliability:
      rating: doubtful  # who says so
      by: [h1]
# the end
"#;

#[test]
fn fmt_keeps_each_comment_beside_what_it_annotates() {
    let dir = TempDir::new("fmt-keeps");
    let path = dir.path().join("a.yaml");
    std::fs::write(&path, COMMENTED).unwrap();
    let changes = Corpus::reformat(dir.path(), Comments::Keep).unwrap();
    assert_eq!(changes.len(), 1);
    let text = &changes[0].text;
    assert_eq!(comments(text), comments(COMMENTED), "\n{text}");
    assert_eq!(changes[0].comments_kept, comments(COMMENTED).len());
    assert_eq!(changes[0].comments_dropped, 0);
    insta::assert_snapshot!(text);
    changes[0].write().unwrap();
    assert!(
        Corpus::reformat(dir.path(), Comments::Keep)
            .unwrap()
            .is_empty(),
        "formatting twice changed the text"
    );
}

#[test]
fn fmt_keeps_comments_and_drops_them_when_told() {
    let dir = copy_of(&repo().join("tests/corpora/debate"), "fmt-comments");
    let file = dir.path().join("claims.yaml");
    let before = comments(&std::fs::read_to_string(&file).unwrap());
    assert!(!before.is_empty());
    let out = assert_cmd::Command::cargo_bin("historiograph")
        .unwrap()
        .args(["fmt", "--corpus"])
        .arg(dir.path())
        .assert()
        .code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.contains("reformatted: "), "{stdout}");
    assert!(!stdout.contains("dropped"), "{stdout}");
    assert_eq!(comments(&std::fs::read_to_string(&file).unwrap()), before);

    let out = assert_cmd::Command::cargo_bin("historiograph")
        .unwrap()
        .args(["fmt", "--drop-comments", "--corpus"])
        .arg(dir.path())
        .assert()
        .code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let expected = format!("({} comments dropped)", before.len());
    assert!(stdout.contains(&expected), "{stdout}");
    assert!(comments(&std::fs::read_to_string(&file).unwrap()).is_empty());
}

/// Puts comments into canonical text: before any line (at its indentation or at the margin)
/// and at the end of any line, except inside folded text, where `#` is text.
fn commented(text: &str, own: &[bool], margin: &[bool], trailing: &[bool]) -> (String, usize) {
    let mut out = String::new();
    let mut n = 0;
    let mut block: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        if let Some(header) = block {
            if indent > header && !line.trim().is_empty() {
                out.push_str(line);
                out.push('\n');
                continue;
            }
            block = None;
        }
        let pick = |flags: &[bool]| flags[i % flags.len()];
        if pick(own) {
            let pad = if pick(margin) { 0 } else { indent };
            out.push_str(&format!("{}# c{n}: - a # b\n", " ".repeat(pad)));
            n += 1;
        }
        out.push_str(line);
        if pick(trailing) {
            out.push_str(&format!("  # t{n} {{x: [y]}}"));
            n += 1;
        }
        out.push('\n');
        if line.ends_with(">-") {
            block = Some(indent);
        }
    }
    (out, n)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn random_corpora_keep_every_comment(
        corpus in arb_corpus(),
        texts in prop::collection::vec(arb_text(), 1..20),
        own in prop::collection::vec(any::<bool>(), 1..9),
        margin in prop::collection::vec(any::<bool>(), 1..5),
        trailing in prop::collection::vec(any::<bool>(), 1..9),
    ) {
        let corpus = with_texts(corpus, &texts);
        let dir = TempDir::new("fmt-random-comments");
        let mut expected = Vec::new();
        for (path, text) in corpus.to_yaml_files() {
            let (text, _) = commented(&text, &own, &margin, &trailing);
            expected.extend(comments(&text));
            std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
        }
        let loaded = Corpus::load(dir.path()).unwrap();
        let canonical = |c: &Corpus| -> Vec<String> {
            c.to_yaml_files().into_iter().map(|(_, t)| t).collect()
        };
        prop_assert_eq!(canonical(&loaded), canonical(&corpus), "the comments changed the corpus");
        let changes = Corpus::reformat(dir.path(), Comments::Keep).unwrap();
        for c in &changes {
            c.write().unwrap();
        }
        let mut after = Vec::new();
        for file in yaml_files(dir.path()) {
            after.extend(comments(&std::fs::read_to_string(file).unwrap()));
        }
        prop_assert_eq!(sorted(after), sorted(expected));
        let again = Corpus::reformat(dir.path(), Comments::Keep).unwrap();
        let texts: Vec<_> = again.iter().map(|c| c.text.clone()).collect();
        let on_disk: Vec<_> = again.iter().map(|c| std::fs::read_to_string(&c.path).unwrap()).collect();
        prop_assert!(
            again.is_empty(),
            "formatting twice changed the text:\n{}\n=== from\n{}",
            texts.join("\n---\n"),
            on_disk.join("\n---\n")
        );
        let reloaded = Corpus::load(dir.path()).unwrap();
        prop_assert_eq!(reloaded.without_positions(), loaded.without_positions());
    }
}
