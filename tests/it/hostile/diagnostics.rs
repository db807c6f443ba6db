//! Bounded diagnostics: a window of a long line, display-width aware; at most fifty problems
//! rendered per file with a count of the rest; did-you-mean bounded by characters compared.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use historiograph::{Corpus, Diagnostic, Origin};

use super::run;
use crate::support::TempDir;

fn at(column: usize) -> Origin {
    Origin::new(Arc::from(Path::new("a.yaml")), 1, column)
}

#[test]
fn a_long_line_is_shown_as_a_window_around_the_column() {
    let line = format!("{}XYZ{}", "a".repeat(200), "b".repeat(200));
    let d = Diagnostic::new(at(201), "bad").with_source_line(&line);
    let shown = format!("…{}XYZ{}…", "a".repeat(33), "b".repeat(64));
    let caret = format!("  | {}^", " ".repeat(1 + 33));
    assert_eq!(
        d.to_string(),
        format!("error: bad\n --> a.yaml:1:201\n  |\n1 | {shown}\n{caret}")
    );
    // Near the start, the window starts with the line; wide characters count twice.
    let line = "한".repeat(300);
    let d = Diagnostic::new(at(150), "bad").with_source_line(&line);
    let text = d.to_string();
    let shown = text.lines().nth(3).unwrap();
    assert_eq!(shown, format!("1 | …{}…", "한".repeat(50)));
    let caret = text.lines().nth(4).unwrap();
    assert_eq!(caret, format!("  | {}^", " ".repeat(1 + 32)));
    // Control characters are escaped inside the window too.
    let line = format!("{}\u{1b}[2J{}", "a".repeat(150), "b".repeat(150));
    let d = Diagnostic::new(at(151), "bad").with_source_line(&line);
    assert!(d.to_string().contains("a\\u{1b}[2Jb"), "{d}");
    // A short line is shown whole.
    let d = Diagnostic::new(at(3), "bad").with_source_line("ab\u{7}c");
    assert!(d.to_string().contains("1 | ab\\u{7}c\n  |   ^"), "{d}");
}

/// A 94 KB file of one line with 2,000 problems: fifty are rendered, each with a window of the
/// line, and the rest counted; the output is a fraction of the input, not 2,000 copies of it.
#[test]
fn a_file_of_thousands_of_problems_renders_fifty_and_counts_the_rest() {
    let dir = TempDir::new("many-problems");
    let claims: Vec<String> = (0..2_000)
        .map(|i| format!("{{id: c{i}, statement: s, proponents: [nobody-{i}]}}"))
        .collect();
    let text = format!(
        "historians: [{{id: h, name: H}}]\nclaims: [{}]\n",
        claims.join(", ")
    );
    assert!(text.len() > 90_000);
    std::fs::write(dir.path().join("a.yaml"), &text).unwrap();
    let started = Instant::now();
    let (code, _, stderr) = run(&["check"], dir.path());
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(code, 1);
    assert!(stderr.len() < 40_000, "{} bytes", stderr.len());
    assert_eq!(stderr.matches("error: unknown historian").count(), 50);
    assert!(
        stderr.ends_with(
            "error: 1950 more problems in <dir>/a.yaml, not shown: fix those above and run again\n\n\
             error: invalid corpus: 2000 problems in 1 file\n"
        ),
        "{}",
        &stderr[stderr.len() - 300..]
    );
    let widest = stderr.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 120, "{widest}");

    // Every problem is still in the error, for a program to read.
    let e = Corpus::load(dir.path()).unwrap_err();
    assert_eq!(e.diagnostics.len(), 2_000);
    let with_lines = e.diagnostics.iter().filter(|d| d.source_line.is_some());
    assert_eq!(with_lines.count(), 50);
}

/// Did-you-mean compares a bounded number of characters: an unknown id of 400 KB, and one of
/// 100 KB beside an id of 100 KB that differs by one character, are answered at once (with no
/// suggestion: the comparison would cost more than the budget), short typos still suggested.
#[test]
fn did_you_mean_is_bounded_by_characters_compared() {
    let long = "x".repeat(100_000);
    let typo = format!("{}y", &long[1..]);
    let huge = "z".repeat(400_000);
    let text = format!(
        "historians:\n  - {{id: {long}, name: L}}\n  - {{id: gottwald, name: G}}\nclaims:\n  \
         - {{id: a, statement: s, proponents: [{huge}]}}\n  \
         - {{id: b, statement: s, proponents: [{typo}]}}\n  \
         - {{id: c, statement: s, proponents: [gotwald]}}\n"
    );
    let started = Instant::now();
    let e = Corpus::from_sources([("a.yaml", text)]).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10));
    let hints: Vec<&str> = e
        .diagnostics
        .iter()
        .map(|d| d.hint.as_deref().unwrap())
        .collect();
    assert_eq!(
        hints,
        [
            "declare a historian with this id, or fix the reference",
            "declare a historian with this id, or fix the reference",
            "did you mean `gottwald`?"
        ]
    );
}
