//! Writes that cannot lose data: `fmt`, `notebook -o`, `generate` and `import` go through one
//! atomic writer (`historiograph::files`, whose unit tests inject a fault at every step).

use std::path::Path;
use std::process::Stdio;

use super::{cli, contents, repo, run};
use crate::support::TempDir;

/// A notebook killed at random points while it renders and writes itself back (`notebook -o
/// FILE` on FILE) is always the old notebook or the new one, never a mix or a truncation.
#[test]
fn a_notebook_killed_while_writing_itself_is_old_or_new() {
    let dir = TempDir::new("notebook-kill");
    let example = std::fs::read_to_string(repo().join("examples/notebooks/gottwald-letter.md"))
        .unwrap()
        .replace("\r\n", "\n");
    let old = format!("{example}\n```historiograph\nclaims\n```\n");
    let notebook = dir.path().join("n.md");
    let rendered = dir.path().join("rendered.md");
    std::fs::write(&notebook, &old).unwrap();
    let corpus = repo().join("claims");
    let render = |out: &Path| {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("historiograph"));
        c.arg("notebook")
            .arg(&notebook)
            .arg("-o")
            .arg(out)
            .arg("--corpus")
            .arg(&corpus);
        c
    };
    assert!(render(&rendered).status().unwrap().success());
    let new = std::fs::read_to_string(&rendered).unwrap();
    assert_ne!(new, old);
    std::fs::remove_file(&rendered).unwrap();

    // Time one run, then kill runs at points spread over it (and a little beyond).
    let started = std::time::Instant::now();
    assert!(render(&notebook).status().unwrap().success());
    let whole = started.elapsed();
    assert_eq!(std::fs::read_to_string(&notebook).unwrap(), new);
    let (mut olds, mut news) = (0, 0);
    let tries = 24u32;
    for i in 0..tries {
        std::fs::write(&notebook, &old).unwrap();
        let mut child = render(&notebook)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole * (i * 5 / 4) / tries);
        let _ = child.kill();
        child.wait().unwrap();
        let now = std::fs::read_to_string(&notebook).unwrap();
        if now == old {
            olds += 1;
        } else {
            assert_eq!(
                now, new,
                "try {i}: neither the old notebook nor the new one"
            );
            news += 1;
        }
        // A kill between the temporary file's creation and the rename leaves it, hidden.
        for (name, _) in contents(dir.path()) {
            assert!(
                name == "n.md" || (name.starts_with(".n.md.") && name.ends_with(".tmp")),
                "{name}"
            );
        }
    }
    assert_eq!(olds + news, tries);
    assert!(olds > 0, "some kills came before the write");
}

#[cfg(unix)]
#[test]
fn fmt_keeps_permissions_and_refuses_read_only_files() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = TempDir::new("fmt-modes");
    let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    std::fs::write(&a, "historians:\n  - {id: h,   name: H}\n").unwrap();
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, stdout, stderr) = run(&["fmt"], dir.path());
    assert_eq!(
        (code, stdout.as_str()),
        (0, "reformatted: <dir>/a.yaml\n"),
        "{stderr}"
    );
    assert_eq!(mode(&a), 0o600);
    assert_eq!(contents(dir.path()).len(), 1, "no temporary file is left");

    std::fs::write(&b, "historians:\n  - {id: i,   name: I}\n").unwrap();
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = contents(dir.path());
    let (code, _, stderr) = run(&["fmt"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: cannot write `<dir>/b.yaml`: expected a writable file, found `<dir>/b.yaml` \
         read-only; nothing was written (make it writable first if it should change)\n"
    );
    assert_eq!(contents(dir.path()), before);
    assert_eq!(mode(&b), 0o444);
}

/// Runs `historiograph ARGS` with no corpus; returns exit code and stderr, `dir` as `<dir>`.
fn run_in(args: &[&str], dir: &Path) -> (i32, String) {
    let out = cli().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&dir.display().to_string(), "<dir>");
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn generate_refuses_a_full_folder_and_leaves_no_stale_file() {
    let dir = TempDir::new("generate-force");
    let out = dir.path().join("out");
    let o = out.to_str().unwrap();
    let generate = |claims: &str, force: bool| {
        let mut args = vec!["generate", "--documents", "5", "--claims", claims, "-o", o];
        if force {
            args.push("--force");
        }
        run_in(&args, dir.path())
    };
    assert_eq!(generate("20001", false).0, 0);
    let names = |d: &Path| -> Vec<String> {
        let mut names: Vec<String> = (std::fs::read_dir(d).unwrap())
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        names(&out),
        [
            "claims-0000.yaml",
            "claims-0001.yaml",
            "claims-0002.yaml",
            "documents.yaml",
            "historians.yaml"
        ]
    );
    let before = contents(&out);
    let (code, stderr) = generate("10", false);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: cannot write `<dir>/out`: expected a new or empty folder, found `<dir>/out` \
         holding 5 entries (`claims-0000.yaml`, `claims-0001.yaml`, `claims-0002.yaml`, …); \
         nothing was written\n  = hint: pass --force to replace it\n"
    );
    assert_eq!(contents(&out), before);
    assert_eq!(generate("10", true).0, 0);
    assert_eq!(
        names(&out),
        ["claims-0000.yaml", "documents.yaml", "historians.yaml"]
    );
    assert_eq!(names(dir.path()), ["out"], "no staging folder is left");
    let corpus = historiograph::Corpus::load(&out).unwrap();
    assert_eq!(corpus.claims.len(), 10);

    // --force replaces corpus files only.
    std::fs::write(out.join("thesis.docx"), "chapter one").unwrap();
    let (code, stderr) = generate("10", true);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("found `thesis.docx` in `<dir>/out`, which is not a YAML"),
        "{stderr}"
    );
    assert!(out.join("thesis.docx").exists());

    // Counts it cannot hold are refused before anything is allocated.
    let (code, stderr) = generate("18446744073709551615", true);
    assert_eq!(
        (code, stderr.as_str()),
        (
            1,
            "error: --claims expects at most 10000000, found 18446744073709551615; generate a \
             smaller debate\n"
        )
    );

    // A TSV edge list is a new file, or replaced with --force.
    let tsv = dir.path().join("edges.tsv");
    let t = tsv.to_str().unwrap();
    let args = ["generate", "--claims", "10", "--format", "tsv", "-o", t];
    assert_eq!(run_in(&args, dir.path()).0, 0);
    let (code, stderr) = run_in(&args, dir.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("expected no file at `<dir>/edges.tsv`, found one"),
        "{stderr}"
    );
    let forced = [&args[..], &["--force"]].concat();
    assert_eq!(run_in(&forced, dir.path()).0, 0);
}

#[test]
fn import_refuses_a_folder_holding_a_corpus_unless_forced() {
    let dir = TempDir::new("import-force");
    let map = dir.path().join("map.json");
    std::fs::write(
        &map,
        r#"{"nodes": [{"nodeID": "a", "text": "A", "type": "I"}], "edges": []}"#,
    )
    .unwrap();
    let out = dir.path().join("corpus");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(
        out.join("people.yaml"),
        "historians:\n  - {id: h, name: H}\n",
    )
    .unwrap();
    let import = |force: bool| {
        let mut args = vec![
            "import",
            "aif",
            map.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        run_in(&args, dir.path())
    };
    let (code, stderr) = import(false);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with(
            "error: cannot write `<dir>/corpus`: expected a new or empty folder, found \
             `<dir>/corpus` holding 1 entries (`people.yaml`)"
        ),
        "{stderr}"
    );
    let (code, stderr) = import(true);
    assert_eq!(code, 0, "{stderr}");
    let names: Vec<String> = contents(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["map.yaml"], "the old corpus is not merged into");
}
