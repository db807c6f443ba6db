//! No panic reaches the user: every subcommand, its standard output or standard error (or both)
//! a pipe whose reader has gone, exits as it would have with a reader there (0 for output
//! nobody reads, as ripgrep does; 1 for a failure whose message cannot be shown).

use std::process::Stdio;

use super::repo;
use crate::support::TempDir;

/// A pipe whose reading end is closed: a write to it fails with a broken pipe.
fn closed() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

/// Runs the program with `args`; `out` and `err` say whether standard output and standard
/// error are closed pipes (else captured). Returns the exit code and what standard error got.
fn run(args: &[String], out: bool, err: bool) -> (Option<i32>, String) {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("historiograph"));
    c.args(args).stdin(Stdio::null());
    c.stdout(if out { closed() } else { Stdio::piped() });
    c.stderr(if err { closed() } else { Stdio::piped() });
    let output = c.output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_subcommand_ends_quietly_on_a_closed_pipe() {
    let dir = TempDir::new("closed-pipes");
    let corpus = repo().join("claims");
    // A corpus with a thousand problems, so that `check` has a lot to say.
    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    let mut text = String::from("historians:\n  - {id: h, name: H}\nclaims:\n");
    for i in 0..1000 {
        text.push_str(&format!(
            "  - {{id: c{i}, statement: s, proponents: [nobody-{i}]}}\n"
        ));
    }
    std::fs::write(broken.join("a.yaml"), text).unwrap();
    let fmt_dir = crate::support::copy_of(&corpus, "closed-pipes-fmt");
    let map = dir.path().join("map.json");
    std::fs::write(
        &map,
        r#"{"nodes": [{"nodeID": "a", "text": "A", "type": "I"}], "edges": []}"#,
    )
    .unwrap();
    let path = |p: &std::path::Path| p.display().to_string();
    let notebook = path(&repo().join("examples/notebooks/gottwald-letter.md"));
    let framework = path(&repo().join("examples/frameworks/four.apx"));
    let (generated, imported) = (dir.path().join("gen"), dir.path().join("imported"));
    let gottwald = "stalin-gottwald-1950-08-27";
    let site = path(&dir.path().join("site"));
    let cases: Vec<Vec<String>> = [
        vec!["evidence", "gottwald-letter-trap"],
        vec!["rests-only-on", gottwald],
        vec!["depends-on", gottwald],
        vec!["discredit", gottwald],
        vec!["accept", "--semantics", "preferred"],
        vec!["verdicts"],
        vec!["contested"],
        vec!["unsupported"],
        vec!["conflicts"],
        vec!["criticism"],
        vec!["show", gottwald],
        vec!["find", "gottwald", "letter"],
        vec!["schema"],
        vec!["site", "-o", &site],
        vec!["lsp"],
        vec!["show", "no-such-id"],
        vec!["documents"],
        vec!["claims"],
        vec!["claims", "--json"],
        vec!["historians"],
        vec!["check"],
        vec!["check", "--corpus", &path(&broken)],
        vec!["check", "--json", "--corpus", &path(&broken)],
        vec!["fmt", "--corpus", &path(fmt_dir.path())],
        vec![
            "generate",
            "--claims",
            "50",
            "--documents",
            "5",
            "--force",
            "-o",
            &path(&generated),
        ],
        vec!["notebook", &notebook],
        vec!["export", "--format", "dot"],
        vec!["iccma", "-p", "EE-PR", "-f", &framework],
        vec![
            "import",
            "aif",
            &path(&map),
            "--force",
            "-o",
            &path(&imported),
        ],
        vec!["help"],
        vec!["--help"],
        vec!["no-such-command"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect();

    // Every subcommand the program lists is among the cases.
    let (_, help) = {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("historiograph"))
            .arg("--help")
            .output()
            .unwrap();
        (out.status, String::from_utf8(out.stdout).unwrap())
    };
    let listed: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(listed.len() > 20, "{help}");
    for name in listed {
        assert!(cases.iter().any(|c| c[0] == name), "no case runs `{name}`");
    }

    for mut args in cases {
        if !args.iter().any(|a| a == "--corpus") && args[0] != "iccma" {
            args.extend(["--corpus".into(), path(&corpus)]);
        }
        let (expected, stderr) = run(&args, false, false);
        assert!(
            matches!(expected, Some(0..=2)),
            "{args:?}: {expected:?} {stderr}"
        );
        for (out, err) in [(true, false), (false, true), (true, true)] {
            let (code, stderr) = run(&args, out, err);
            assert_eq!(
                code, expected,
                "{args:?} with stdout closed {out}, stderr closed {err}"
            );
            assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        }
    }
}
