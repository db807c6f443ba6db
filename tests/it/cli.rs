//! The command line: exit codes, the --corpus option, output.

use assert_cmd::Command;

use crate::support::corpus_dir;

fn cli() -> Command {
    Command::cargo_bin("historiograph").unwrap()
}

#[test]
fn check_prints_counts() {
    let out = cli()
        .args(["check", "--corpus"])
        .arg(corpus_dir("debate"))
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(
        stdout,
        "ok: 5 documents, 3 historians, 9 claims, 0 works, 6 schools, 0 linked arguments, 0 undercuts, 24 edges\n"
    );
}

#[test]
fn corpus_option_goes_before_or_after_the_subcommand() {
    let after = cli()
        .args(["rests-only-on", "letter", "--corpus"])
        .arg(corpus_dir("debate"))
        .assert()
        .success();
    let before = cli()
        .arg("--corpus")
        .arg(corpus_dir("debate"))
        .args(["rests-only-on", "letter"])
        .assert()
        .success();
    assert_eq!(after.get_output().stdout, before.get_output().stdout);
}

#[test]
fn dangling_reference_exits_1_with_file_and_line() {
    let out = cli()
        .arg("check")
        .arg("--corpus")
        .arg(corpus_dir("bad-references"))
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("claims.yaml:9:27"), "{stderr}");
    assert!(stderr.contains("did you mean `telegram`?"), "{stderr}");
}

#[test]
fn unknown_id_exits_1_and_usage_errors_exit_2() {
    let out = cli()
        .args(["depends-on", "nope", "--corpus"])
        .arg(corpus_dir("debate"))
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr, "error: unknown document `nope`\n");
    cli().arg("no-such-command").assert().code(2);
    cli().arg("discredit").assert().code(2);
}

#[test]
fn json_output_parses() {
    let out = cli()
        .args(["--json", "contested", "--corpus"])
        .arg(corpus_dir("debate"))
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
}

#[test]
fn without_corpus_option_the_bundled_corpus_is_used() {
    let dir = std::env::temp_dir();
    cli().current_dir(dir).arg("check").assert().success();
}
