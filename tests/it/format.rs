//! The canonical writer and `historiograph fmt`: load → write → load gives the same corpus,
//! formatting twice changes nothing, and nothing is written that could lose data.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use proptest::prelude::*;

use crate::support::{arb_corpus, copy_of, TempDir};
use historiograph::{Corpus, DateSpec, Rating, Reliability, Stance};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cli() -> Command {
    Command::cargo_bin("historiograph").unwrap()
}

/// Runs `historiograph fmt ARGS --corpus DIR`, expects exit `code`, returns stdout and stderr.
fn fmt(args: &[&str], dir: &Path, code: i32) -> (String, String) {
    let out = cli()
        .arg("fmt")
        .args(args)
        .arg("--corpus")
        .arg(dir)
        .assert()
        .code(code);
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (
        text(&out.get_output().stdout),
        text(&out.get_output().stderr),
    )
}

/// Writes `corpus` as YAML, loads it again, and checks that nothing changed and that writing the
/// result again gives the same text.
fn assert_round_trips(corpus: &Corpus) {
    let files = corpus.to_yaml_files();
    let reread = Corpus::from_sources(files.iter().map(|(p, t)| (p.clone(), t.as_str())));
    let reread = match reread {
        Ok(c) => c,
        Err(e) => panic!("{:#?}\n{}", e.diagnostics, files[0].1),
    };
    assert_eq!(
        reread.without_positions(),
        corpus.without_positions(),
        "\n{}",
        files[0].1
    );
    assert_eq!(
        reread.to_yaml_files(),
        files,
        "formatting twice changed the text"
    );
}

/// Every file's bytes, to check that nothing was written.
fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn the_bundled_corpus_round_trips() {
    assert_round_trips(&Corpus::bundled());
}

/// Text that needs care: YAML indicators, quotes, escapes, line breaks, unicode, words YAML
/// would read as something else, and long text to fold.
const TRICKY: &[&str] = &[
    "a: b",
    "a #b",
    "#hash",
    "fn #3",
    "- leading dash",
    "-",
    "'single'",
    "\"double\"",
    "it's",
    "back\\slash",
    "line\nbreak",
    "tab\there",
    "  leading spaces",
    "trailing space ",
    "ünïcödé ✓ 漢字 🎉",
    "null",
    "~",
    "",
    "Null",
    "NULL",
    "true",
    "1950",
    "no",
    "123",
    "-1.5e3",
    "0x1F",
    ".inf",
    "---",
    "...",
    "key:",
    "[x]",
    "{y}",
    "x, y",
    "@at",
    "`tick`",
    "%percent",
    "!bang",
    "&amp",
    "*star",
    "|pipe",
    ">gt",
    "?q",
    "nul\u{0}bell\u{7}esc\u{1b}del\u{7f}",
    "nel\u{85}ls\u{2028}bom\u{feff}nbsp\u{a0}",
    "cr\r\nlf",
    "double  space",
    "A long statement that runs well past the width of one line, so the writer folds it: with a colon, a # hash and \"quotes\" inside.",
    "A long statement  with double spaces that runs past the width of one line and so cannot be folded without changing it.",
];

/// A required field may not be blank; any text, `null` and `~` included, is text (the writer
/// quotes what a plain scalar would make null, and the loader reads only plain scalars as null).
fn required(s: &str) -> Box<str> {
    if s.trim().is_empty() {
        "x".into()
    } else {
        s.into()
    }
}

fn optional(s: &str) -> Option<Box<str>> {
    Some(s.into())
}

/// A corpus from the random generator with `texts` in every free-text field, and the optional
/// fields the generator leaves out (reliability, period, stance, school, cited_as) filled in.
pub(crate) fn with_texts(mut corpus: Corpus, texts: &[String]) -> Corpus {
    let mut next = texts.iter().map(String::as_str).cycle();
    let first_document = corpus.documents[0].id.clone();
    for (i, d) in corpus.documents.iter_mut().enumerate() {
        d.title = required(next.next().unwrap());
        d.author = required(next.next().unwrap());
        d.citation = required(next.next().unwrap());
        d.recipient = optional(next.next().unwrap());
        d.notes = optional(next.next().unwrap());
        d.date = DateSpec::parse(["1950", "1949-05", "1950-03-30/1950-04-25"][i % 3]).unwrap();
        d.reliability = (i % 2 == 0).then(|| Reliability {
            rating: Rating::Doubtful,
            by: vec!["h".into()],
            note: optional(next.next().unwrap()),
        });
    }
    for h in &mut corpus.historians {
        h.name = required(next.next().unwrap());
        h.works = (0..3).map(|_| next.next().unwrap().trim().into()).collect();
        h.schools = vec!["orthodox".into()];
        h.notes = optional(next.next().unwrap());
    }
    for (i, c) in corpus.claims.iter_mut().enumerate() {
        c.statement = required(next.next().unwrap());
        c.locator = optional(next.next().unwrap());
        c.notes = optional(next.next().unwrap());
        c.school = (i % 2 == 0).then(|| "revisionist".into());
        c.period = (i % 3 == 0).then(|| DateSpec::parse("1950-06/1950-09").unwrap());
        c.stance = (i % 4 == 1).then_some(Stance::Qualifies);
        for e in &mut c.evidence {
            e.locator = required(next.next().unwrap());
            e.quote = optional(next.next().unwrap());
            e.note = optional(next.next().unwrap());
            e.cited_as = (i % 2 == 1).then(|| first_document.clone());
        }
    }
    corpus
}

#[test]
fn tricky_text_round_trips() {
    let texts: Vec<String> = TRICKY.iter().map(|s| s.to_string()).collect();
    let base =
        crate::support::random_corpus(3, 8, &[(0, 0), (1, 1), (2, 2), (0, 3)], &[(0, 4)], &[], &[]);
    for offset in 0..texts.len() {
        let mut rotated = texts.clone();
        rotated.rotate_left(offset);
        assert_round_trips(&with_texts(base.clone(), &rotated));
    }
}

#[test]
fn canonical_form() {
    let texts: Vec<String> = TRICKY.iter().map(|s| s.to_string()).collect();
    let base = crate::support::random_corpus(2, 3, &[(0, 0), (1, 0), (1, 1)], &[(0, 2)], &[], &[]);
    let corpus = with_texts(base, &texts);
    let files = corpus.to_yaml_files();
    assert_eq!(files.len(), 1);
    insta::assert_snapshot!(files[0].1);
}

pub(crate) fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 :#'\"\\\\,\\[\\]{}&*!|>%@`?~.\\-]{1,24}",
        "[\\t\\n\\r\u{0}\u{7}\u{1b}\u{7f}\u{85}\u{a0}\u{2028}\u{feff}é漢🎉 a]{1,12}",
        prop::sample::select(TRICKY.to_vec()).prop_map(String::from),
        "([a-z]{1,9} ){8,40}[a-z]{1,9}",
        "([a-z:#'\"]{1,9} {1,2}){8,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_corpora_round_trip(
        corpus in arb_corpus(),
        texts in prop::collection::vec(arb_text(), 1..40),
    ) {
        assert_round_trips(&with_texts(corpus, &texts));
    }
}

#[test]
fn fmt_check_lists_files_and_writes_nothing() {
    let dir = TempDir::new("fmt-check");
    let path = dir.path().join("people.yaml");
    let text = "historians:\n  - {name: Bruce Cumings, id: cumings}\n";
    std::fs::write(&path, text).unwrap();
    let (_, stderr) = fmt(&["--check"], dir.path(), 1);
    assert!(stderr.starts_with("would reformat: "), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    fmt(&[], dir.path(), 0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "historians:\n  - id: cumings\n    name: Bruce Cumings\n"
    );
}

/// A corpus with any problem is not written, not even its valid files.
#[test]
fn fmt_never_writes_a_corpus_it_could_not_fully_read() {
    let case = repo().join("tests/malformed/dangling-evidence-document");
    let dir = copy_of(&case, "fmt-invalid");
    let before = contents(dir.path());
    let (_, stderr) = fmt(&["--drop-comments"], dir.path(), 1);
    assert!(stderr.contains("claims.yaml:10:20"), "{stderr}");
    assert_eq!(contents(dir.path()), before);
}

#[test]
fn fmt_needs_a_folder() {
    let dir = TempDir::new("fmt-nowhere");
    cli()
        .current_dir(dir.path())
        .arg("fmt")
        .assert()
        .code(1)
        .stderr("error: expected a corpus folder to format, found none: pass --corpus DIR\n");
}
