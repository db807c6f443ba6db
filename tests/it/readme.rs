//! Every console example in README.md and claims/README.md runs, and prints what the example
//! shows: a line `...` stands for any number of lines, and nothing else is elided.

use std::path::Path;

use assert_cmd::Command;

/// The console examples of a Markdown file: each `$ historiograph ARGS` line with the lines
/// shown under it.
fn examples(markdown: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let mut out = Vec::new();
    let mut in_console = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_console = line.trim() == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ historiograph ") {
            let args = command.split_whitespace().map(String::from).collect();
            out.push((args, Vec::new()));
        } else if let Some((_, expected)) = out.last_mut() {
            expected.push(line.trim_end().to_string());
        }
    }
    out
}

/// Whether `actual` matches `expected`, where an expected line `...` matches any run of lines.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e == "..." => (0..=actual.len()).any(|k| matches(rest, &actual[k..])),
        Some((e, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a == e && matches(rest, more)),
    }
}

fn check(file: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let markdown = std::fs::read_to_string(root.join(file)).unwrap();
    let examples = examples(&markdown);
    for (args, expected) in &examples {
        let output = Command::cargo_bin("historiograph")
            .unwrap()
            .current_dir(root)
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        let actual: Vec<&str> = text.lines().map(str::trim_end).collect();
        assert!(
            matches(expected, &actual),
            "{file}: `historiograph {}` printed\n{}\nbut the example shows\n{}",
            args.join(" "),
            actual.join("\n"),
            expected.join("\n")
        );
    }
    examples.len()
}

#[test]
fn the_readme_console_examples_print_what_they_show() {
    assert!(check("README.md") >= 6);
    check("claims/README.md");
}

#[test]
fn an_ellipsis_line_stands_for_any_lines_and_nothing_else_is_elided() {
    let e = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert!(matches(&e(&["a", "...", "d"]), &["a", "b", "c", "d"]));
    assert!(matches(&e(&["a", "...", "d"]), &["a", "d"]));
    assert!(!matches(&e(&["a", "d"]), &["a", "b", "d"]));
    assert!(!matches(&e(&["a", "...", "d"]), &["a", "b", "c"]));
}
