//! Bad input: every problem is reported in one pass, with file:line:column and a hint.

use crate::support::from_yaml;
use historiograph::{Corpus, LoadError};

fn errors(files: &[(&str, &str)]) -> LoadError {
    match from_yaml(files) {
        Ok(_) => panic!("expected the corpus to be rejected"),
        Err(e) => e,
    }
}

fn rendered(e: &LoadError) -> String {
    e.diagnostics
        .iter()
        .map(|d| format!("{}\n", d.short()))
        .collect()
}

const DOCS: &str = "\
documents:
  - id: gottwald-letter
    title: Stalin to Gottwald
    date: 1950-08-27
    kind: letter
    author: Stalin
    citation: RGASPI
    audience: allied
historians:
  - id: cumings
    name: Bruce Cumings
";

#[test]
fn dangling_reference_names_file_line_and_suggests() {
    let claims = "\
claims:
  - id: trap
    statement: A trap for America.
    proponents: [cumings]
    evidence:
      - document: gotwald-letter
        polarity: backs
        locator: Gottwald Letter, fn 112
";
    let e = errors(&[("claims/a.yaml", DOCS), ("claims/b.yaml", claims)]);
    assert_eq!(e.diagnostics.len(), 1);
    let d = &e.diagnostics[0];
    assert_eq!(d.origin.file.to_str(), Some("claims/b.yaml"));
    assert_eq!((d.origin.line, d.origin.column), (6, 19));
    assert_eq!(d.hint.as_deref(), Some("did you mean `gottwald-letter`?"));
    insta::assert_snapshot!(rendered(&e));
}

#[test]
fn every_problem_is_reported_in_one_pass() {
    let claims = "\
claims:
  - id: a
    statement: \"  \"
    proponents: [cumings, nobody]
    school: revisionst
    period: 1949-13-01
    supports: [a]
    contradicts: [b, gottwald-letter]
    colour: red
  - id: b
    statement: fine
    proponents: cumings
    stance: agrees
    evidence:
      - document: gottwald-letter
        polarity: for
  - id: gottwald-letter
    statement: duplicate of a document id
";
    let e = errors(&[("a.yaml", DOCS), ("b.yaml", claims)]);
    insta::assert_snapshot!(rendered(&e));
    assert!(e.diagnostics.len() >= 10, "{}", rendered(&e));
    assert_eq!(
        e.summary(),
        format!("invalid corpus: {} problems in 1 file", e.diagnostics.len())
    );
}

#[test]
fn yaml_syntax_errors_carry_positions() {
    let e = errors(&[("tabs.yaml", "claims:\n\t- id: x\n")]);
    assert_eq!(e.diagnostics[0].origin.line, 2);
    assert!(
        e.diagnostics[0].hint.as_deref().unwrap().contains("tabs"),
        "{}",
        rendered(&e)
    );
    let e = errors(&[("bad.yaml", "claims:\n  - id: x\n    statement: [unclosed\n")]);
    insta::assert_snapshot!(rendered(&e));
}

#[test]
fn wrong_types_and_unknown_sections_are_reported() {
    let e = errors(&[(
        "types.yaml",
        "claim:\n  - id: x\ndocuments:\n  id: y\nhistorians:\n  - just a string\n",
    )]);
    insta::assert_snapshot!(rendered(&e));
}

#[test]
fn duplicate_ids_across_files_and_keys_within_a_record() {
    let h = "historians:\n  - id: cumings\n    name: Bruce Cumings\n";
    let e = errors(&[
        ("one.yaml", h),
        ("two.yaml", h),
        (
            "three.yaml",
            "historians:\n  - id: x\n    name: X\n    name: Y\n",
        ),
    ]);
    insta::assert_snapshot!(rendered(&e));
}

#[test]
fn malformed_dates_are_explained() {
    let doc = |date: &str| {
        format!("documents:\n  - id: d\n    title: t\n    date: {date}\n    kind: letter\n    author: a\n    citation: c\n    audience: public\n")
    };
    for (date, expected) in [
        ("1949-13-01", "month 13 is out of range"),
        ("1950-02-30", "day 30 does not exist in 1950-02"),
        ("May 1949", "expected a 4-digit year"),
        ("1950/1949", "ends before it starts"),
    ] {
        let e = errors(&[("d.yaml", &doc(date))]);
        assert!(
            e.diagnostics[0].message.contains(expected),
            "{date}: {}",
            rendered(&e)
        );
        assert_eq!(e.diagnostics[0].origin.line, 4);
    }
}

#[test]
fn anchors_and_aliases_are_refused() {
    let bomb = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n";
    let e = errors(&[("bomb.yaml", bomb)]);
    assert!(
        e.diagnostics[0].message.contains("anchor"),
        "{}",
        rendered(&e)
    );
}

#[test]
fn missing_and_empty_folders_are_errors() {
    let e = Corpus::load("/nonexistent/corpus").unwrap_err();
    assert!(e.diagnostics[0].message.contains("does not exist"));
    let dir = std::env::temp_dir().join(format!("historiograph-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let e = Corpus::load(&dir).unwrap_err();
    assert!(
        e.diagnostics[0].message.contains("found none"),
        "{}",
        rendered(&e)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn non_utf8_bytes_and_byte_order_marks() {
    let dir = std::env::temp_dir().join(format!("historiograph-bytes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bom.yaml"),
        "\u{feff}historians:\n  - {id: a, name: A}\n",
    )
    .unwrap();
    assert!(Corpus::load(&dir).is_ok(), "a byte-order mark is accepted");
    std::fs::write(
        dir.join("latin1.yaml"),
        b"historians:\n  - {id: b, name: Jos\xe9}\n",
    )
    .unwrap();
    let e = Corpus::load(&dir).unwrap_err();
    let d = &e.diagnostics[0];
    assert!(d.message.contains("UTF-8"));
    assert_eq!((d.origin.line, d.origin.column), (2, 22));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every public error type works with `?` into `Box<dyn Error + Send + Sync>`.
#[test]
fn every_error_type_is_a_std_error() {
    fn is_error<E: std::error::Error + Send + Sync + 'static>() {}
    is_error::<LoadError>();
    is_error::<historiograph::QueryError>();
    is_error::<historiograph::ImportError>();
    is_error::<historiograph::iccma::IccmaError>();
    is_error::<historiograph::DateError>();
    is_error::<historiograph::NotebookError>();
    is_error::<historiograph::NotebookErrors>();
    is_error::<historiograph::QueryParseError>();
}

/// An edge list's problems carry their line too, tabs kept so the caret stays under the field.
#[test]
fn edge_list_problems_render_with_their_line() {
    let tsv = "document\td1\nevidence\td1\tbad id\n";
    let e = Corpus::read_tsv("edges.tsv", tsv.as_bytes()).unwrap_err();
    assert_eq!(e.diagnostics.len(), 1, "{e}");
    let shown = e.to_string();
    assert!(
        shown.contains(" --> edges.tsv:2:13\n  |\n2 | evidence\td1\tbad id\n  |         \t  \t^\n"),
        "{shown}"
    );
}

/// A `main` that returns `Result<(), LoadError>` prints the error with `{:?}`: that is the
/// rendered diagnostics, not a dump of the struct; `{:#?}` still shows the structure.
#[test]
fn debug_renders_like_display_unless_alternate() {
    let e = errors(&[(
        "a.yaml",
        "claims:\n  - {id: c, statement: s, proponents: [nobody]}\n",
    )]);
    assert_eq!(format!("{e:?}"), e.to_string());
    assert!(e.to_string().contains("error: invalid corpus"), "{e}");
    let structure = format!("{e:#?}");
    assert!(
        structure.starts_with("LoadError {\n    diagnostics: ["),
        "{structure}"
    );
}
