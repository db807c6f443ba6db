//! Limits before recursion and before allocation: nesting refused before the parser recurses
//! (on a thread with a small stack), sizes refused before anything is read or allocated.

use std::time::{Duration, Instant};

use historiograph::{AifImport, Corpus, ImportError};

use super::cli;
use crate::support::TempDir;

/// Runs `f` on a thread with a 256 KiB stack, as a host program's worker might have.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn nesting_is_refused_before_the_parsers_recurse() {
    let cases = [
        // 25,000 sequences nested on one line, 2,000 on as many lines, 25,000 flow brackets.
        (format!("claims:\n{}x\n", "- ".repeat(25_000)), 2),
        (
            format!(
                "claims:\n{}",
                (0..2_000)
                    .map(|i| format!("{}- \n", " ".repeat(i)))
                    .collect::<String>()
            ),
            // The first line whose content starts beyond column 256: 254 spaces and `- `.
            256,
        ),
        (format!("claims: {}\n", "[".repeat(25_000)), 1),
    ];
    for (i, (text, line)) in cases.into_iter().enumerate() {
        let e = on_small_stack(move || Corpus::from_sources([("a.yaml", text)]).unwrap_err());
        assert_eq!(e.diagnostics.len(), 1, "{i}: {e}");
        let d = &e.diagnostics[0];
        assert_eq!(d.origin.line as usize, line, "{i}: {e}");
        let said = format!("{} {}", d.message, d.hint.as_deref().unwrap_or_default());
        assert!(said.contains("nest"), "{i}: {said}");
    }

    // AIF is read by serde_json, whose recursion limit (128) holds on a small stack too.
    let json = format!("{{\"nodes\": {}", "[".repeat(100_000));
    let e = on_small_stack(move || AifImport::from_json("deep", &json).unwrap_err());
    assert_eq!(
        e.to_string(),
        "invalid JSON at line 1, column 137: recursion limit exceeded at line 1 column 137"
    );
}

#[test]
fn iccma_sizes_are_checked_before_allocation() {
    let dir = TempDir::new("iccma-limits");
    let file = dir.path().join("huge.i23");
    std::fs::write(&file, "p af 4000000000\n1 2\n").unwrap();
    let started = Instant::now();
    let out = cli()
        .args(["iccma", "-p", "SE-GR", "-f"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&dir.path().display().to_string(), "<dir>"),
        "error: <dir>/huge.i23: line 1: expected at most 10000000 arguments, found `p af \
         4000000000`; the solver does not take frameworks this large\n"
    );
}

#[cfg(unix)]
#[test]
fn endless_inputs_are_refused_not_read() {
    for args in [
        &["iccma", "-p", "SE-GR", "-f", "/dev/zero"][..],
        &["notebook", "/dev/zero"],
        &["import", "aif", "/dev/zero", "-o", "/nonexistent/out"],
    ] {
        let started = Instant::now();
        let out = cli().args(args).output().unwrap();
        assert!(started.elapsed() < Duration::from_secs(10), "{args:?}");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("expected a file of at most ")
                && stderr.contains("found `/dev/zero` of more"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn corpus_files_above_the_limit_are_refused_before_reading() {
    let dir = TempDir::new("large-corpus-file");
    let mut text = String::from("historians:\n");
    while text.len() <= 4 * 1024 * 1024 {
        text.push_str("  - {id: h, name: H}\n");
    }
    std::fs::write(dir.path().join("big.yaml"), &text).unwrap();
    let e = Corpus::load(dir.path()).unwrap_err();
    assert_eq!(
        e.diagnostics[0].message,
        format!(
            "file is too large: expected at most 4194304 bytes, found {} bytes",
            text.len()
        )
    );
}

#[test]
fn aif_maps_are_bounded_and_their_ids_kept() {
    // An RA node with 20,000 premises is refused at once.
    let mut nodes = vec![
        r#"{"nodeID": "r", "text": "", "type": "RA"}"#.to_string(),
        r#"{"nodeID": "c", "text": "C", "type": "I"}"#.into(),
    ];
    let mut edges = vec![r#"{"fromID": "r", "toID": "c"}"#.to_string()];
    for i in 0..20_000 {
        nodes.push(format!(
            r#"{{"nodeID": "p{i}", "text": "P{i}", "type": "I"}}"#
        ));
        edges.push(format!(r#"{{"fromID": "p{i}", "toID": "r"}}"#));
    }
    let json = format!(
        r#"{{"nodes": [{}], "edges": [{}]}}"#,
        nodes.join(","),
        edges.join(",")
    );
    let started = Instant::now();
    let e = AifImport::from_json("wide", &json).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(e, ImportError::Limit(_)));
    assert_eq!(
        e.to_string(),
        "expected at most 256 edges into or out of a RA node, found 20000 at nodes[0] (`r`); \
         split the inference into smaller ones"
    );

    // A repeated participant is an error, not one silently kept.
    let json = r#"{"nodes": [], "edges": [], "participants": [
        {"participantID": 1, "firstname": "A", "surname": "B"},
        {"participantID": 1, "firstname": "C", "surname": "D"}]}"#;
    assert_eq!(
        AifImport::from_json("p", json).unwrap_err().to_string(),
        "not an AIF nodeset: duplicate participantID `1` in participants[0] and participants[1]"
    );

    // Node ids YAML would read as null stay text, and the corpus loads.
    let json = r#"{"nodes": [
        {"nodeID": "null", "text": "A", "type": "I"},
        {"nodeID": "~", "text": "B", "type": "I"},
        {"nodeID": "r", "text": "", "type": "RA"}],
      "edges": [{"fromID": "null", "toID": "r"}, {"fromID": "r", "toID": "~"}]}"#;
    let imported = AifImport::from_json("nulls", json).unwrap();
    let corpus = imported
        .corpus()
        .unwrap_or_else(|e| panic!("{e}\n{}", imported.yaml));
    assert_eq!(corpus.claims.len(), 2);

    // An import whose corpus file would be over the loader's 4 MiB is refused, not written.
    let nodes: Vec<String> = (0..40_000)
        .map(|i| {
            format!(
                r#"{{"nodeID": "n{i}", "text": "{}", "type": "I"}}"#,
                "t".repeat(100)
            )
        })
        .collect();
    let json = format!(r#"{{"nodes": [{}], "edges": []}}"#, nodes.join(","));
    let e = AifImport::from_json("big", &json).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("expected a corpus file of at most 4194304 bytes, which the loader reads"),
        "{e}"
    );
}
