//! `--json` on every subcommand: a JSON document on standard output, or a usage error; and
//! under `--json`, failures as JSON on standard output with the exit codes of text mode.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::support::{copy_of, corpus_dir, TempDir};

fn cli() -> Command {
    Command::cargo_bin("historiograph").unwrap()
}

/// Runs the command, expects exit `code`, and parses standard output as one JSON document.
fn json_of(command: &mut Command, code: i32) -> Value {
    let out = command.assert().code(code);
    let output = out.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn queries_and_records_give_json() {
    let debate = corpus_dir("debate");
    let commands: &[&[&str]] = &[
        &["check"],
        &["evidence", "orthodox-plan"],
        &["rests-only-on", "letter"],
        &["depends-on", "letter"],
        &["discredit", "letter"],
        &["contested"],
        &["unsupported"],
        &["conflicts"],
        &["criticism"],
        &["accept"],
        &["verdicts"],
        &["show", "letter"],
        &["documents"],
        &["claims"],
        &["historians"],
    ];
    for args in commands {
        let v = json_of(
            cli().args(*args).arg("--json").arg("--corpus").arg(&debate),
            0,
        );
        assert!(v.is_object() || v.is_array(), "{args:?}: {v}");
    }
}

#[test]
fn fmt_reports_the_files_as_json() {
    let dir = copy_of(&corpus_dir("debate"), "json-fmt");
    let check = json_of(
        cli()
            .args(["fmt", "--check", "--json", "--corpus"])
            .arg(dir.path()),
        1,
    );
    assert_eq!(check["files"].as_array().unwrap().len(), 3, "{check}");
    let v = json_of(cli().args(["fmt", "--json", "--corpus"]).arg(dir.path()), 0);
    assert_eq!(v["reformatted"].as_array().unwrap().len(), 3, "{v}");
    let kept: u64 = (v["reformatted"].as_array().unwrap().iter())
        .map(|f| f["comments_kept"].as_u64().unwrap())
        .sum();
    assert!(kept > 0, "{v}");
    assert!(v["reformatted"][0]["comments_dropped"] == 0, "{v}");
    assert_eq!(v["canonical"], serde_json::json!([]));
    let again = json_of(cli().args(["fmt", "--json", "--corpus"]).arg(dir.path()), 0);
    assert_eq!(again["reformatted"], serde_json::json!([]));
    assert_eq!(again["canonical"].as_array().unwrap().len(), 3, "{again}");
}

#[test]
fn generate_reports_what_it_wrote() {
    let dir = TempDir::new("json-generate");
    let out = dir.path().join("debate");
    let v = json_of(
        cli()
            .args([
                "generate",
                "--documents",
                "3",
                "--claims",
                "5",
                "--json",
                "-o",
            ])
            .arg(&out),
        0,
    );
    assert_eq!(v["format"], "yaml");
    assert_eq!(v["claims"], 5);
    for file in v["files"].as_array().unwrap() {
        assert!(Path::new(file.as_str().unwrap()).is_file(), "{v}");
    }
}

#[test]
fn notebook_gives_the_rendering_or_the_file_written() {
    let dir = TempDir::new("json-notebook");
    let file = dir.path().join("n.md");
    std::fs::write(
        &file,
        "# N\n\n```historiograph\nrests-only-on letter\n```\n",
    )
    .unwrap();
    let debate = corpus_dir("debate");
    let v = json_of(
        cli()
            .arg("notebook")
            .arg(&file)
            .arg("--json")
            .arg("--corpus")
            .arg(&debate),
        0,
    );
    assert!(v["rendered"]
        .as_str()
        .unwrap()
        .contains("<!-- historiograph:begin -->"));
    let out = dir.path().join("out.md");
    let v = json_of(
        cli()
            .arg("notebook")
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .arg("--json")
            .arg("--corpus")
            .arg(&debate),
        0,
    );
    assert_eq!(v["written"], out.display().to_string());
    assert!(out.is_file());

    std::fs::write(&file, "```historiograph\nrests-only-on lettr\n```\n").unwrap();
    let v = json_of(
        cli()
            .arg("notebook")
            .arg(&file)
            .arg("--json")
            .arg("--corpus")
            .arg(&debate),
        1,
    );
    assert_eq!(v["problems"][0]["line"], 2, "{v}");
}

#[test]
fn import_gives_the_summary() {
    let dir = TempDir::new("json-import");
    let map = dir.path().join("map.json");
    std::fs::write(
        &map,
        r#"{"nodes": [
            {"nodeID": "a", "text": "A", "type": "I"},
            {"nodeID": "b", "text": "B", "type": "I"},
            {"nodeID": "r", "text": "Default Inference", "type": "RA"}
          ], "edges": [
            {"edgeID": 1, "fromID": "a", "toID": "r"},
            {"edgeID": 2, "fromID": "r", "toID": "b"}
          ]}"#,
    )
    .unwrap();
    let out = dir.path().join("corpus");
    let import = || {
        let mut c = cli();
        c.args(["import", "aif"])
            .arg(&map)
            .arg("-o")
            .arg(&out)
            .arg("--json");
        c
    };
    let v = json_of(&mut import(), 0);
    assert_eq!(v["summary"]["claims"], 2, "{v}");
    assert_eq!(v["summary"]["supports"], 1, "{v}");
    assert_eq!(v["written"].as_array().unwrap().len(), 1, "{v}");
    let again = json_of(&mut import(), 1);
    assert!(again["error"]
        .as_str()
        .unwrap()
        .contains("expected a new or empty folder"));
}

#[test]
fn export_and_iccma_refuse_json() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let framework = repo.join("examples/frameworks/four.apx");
    let refusals: Vec<Vec<&std::ffi::OsStr>> = vec![
        ["export", "--format", "dot", "--json"]
            .map(std::ffi::OsStr::new)
            .to_vec(),
        vec![
            "iccma".as_ref(),
            "-p".as_ref(),
            "SE-GR".as_ref(),
            "-f".as_ref(),
            framework.as_os_str(),
            "--json".as_ref(),
        ],
    ];
    for args in refusals {
        let v = json_of(cli().args(&args), 2);
        assert_eq!(v["kind"], "usage", "{v}");
        assert!(
            v["error"]
                .as_str()
                .unwrap()
                .contains("--json does not apply"),
            "{v}"
        );
    }
    // Without --json they work.
    cli().args(["export", "--format", "dot"]).assert().success();
    cli()
        .args(["iccma", "-p", "SE-GR", "-f"])
        .arg(&framework)
        .assert()
        .success();
}

#[test]
fn corpus_diagnostics_are_json() {
    let v = json_of(
        cli()
            .args(["check", "--json", "--corpus"])
            .arg(corpus_dir("bad-references")),
        1,
    );
    assert_eq!(v["error"], "invalid corpus");
    let d = &v["diagnostics"][0];
    assert_eq!(d["origin"]["line"], 9);
    assert_eq!(d["origin"]["column"], 27);
    assert!(d["origin"]["file"]
        .as_str()
        .unwrap()
        .ends_with("claims.yaml"));
    assert_eq!(d["hint"], "did you mean `telegram`?");
    assert!(d["source_line"].as_str().unwrap().contains("telegramm"));
    assert_eq!(v["summary"], "invalid corpus: 1 problem in 1 file");
}

#[test]
fn unknown_ids_are_json_with_the_suggestion() {
    let v = json_of(cli().args(["rests-only-on", "nosuch", "--json"]), 1);
    assert_eq!(v["id"], "nosuch");
    assert_eq!(v["expected"], "document");
    assert!(v.get("suggestion").is_some(), "{v}");
    assert!(v["error"].as_str().unwrap().contains("nosuch"));

    let v = json_of(
        cli()
            .args(["rests-only-on", "lettr", "--json", "--corpus"])
            .arg(corpus_dir("debate")),
        1,
    );
    assert_eq!(v["suggestion"], "letter", "{v}");
}

#[test]
fn usage_errors_are_json_when_json_is_asked_for() {
    for args in [
        &["no-such-command", "--json"][..],
        &["discredit", "--json"],
        &["--json", "accept", "--semantics", "nonsense"],
    ] {
        let v = json_of(cli().args(args), 2);
        assert_eq!(v["kind"], "usage", "{args:?}: {v}");
        assert!(!v["error"].as_str().unwrap().is_empty());
    }
    // Without --json, as before: text on standard error.
    let out = cli().arg("no-such-command").assert().code(2);
    assert!(out.get_output().stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.get_output().stderr).starts_with("error: "));
    // Help is not an error.
    cli().args(["--json", "--help"]).assert().success();
}

#[test]
fn text_errors_are_unchanged_without_json() {
    let out = cli().args(["rests-only-on", "nosuch"]).assert().code(1);
    assert!(out.get_output().stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stderr),
        "error: unknown document `nosuch`\n"
    );
}
