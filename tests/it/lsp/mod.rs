//! `historiograph lsp`, driven as an editor drives it: the real binary over standard input and
//! output, with JSON-RPC messages framed by `Content-Length` headers.

mod client;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use historiograph::{Corpus, Debate};
use serde_json::{json, Value};

use crate::support::{copy_of, TempDir};
use client::{uri, Client};

fn bundled_copy(name: &str) -> (TempDir, PathBuf) {
    let dir = copy_of(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("claims"),
        name,
    );
    let root = dir.path().canonicalize().unwrap();
    (dir, root)
}

/// The line and column of the `nth` occurrence of `needle` in `text`, plus `offset` columns.
fn find(text: &str, needle: &str, nth: usize, offset: u32) -> (u32, u32) {
    text.lines()
        .enumerate()
        .flat_map(|(n, line)| {
            line.match_indices(needle)
                .map(move |(c, _)| (n as u32, c as u32))
        })
        .nth(nth)
        .map(|(line, column)| (line, column + offset))
        .unwrap_or_else(|| panic!("`{needle}` is in the text"))
}

fn range_text(files: &BTreeMap<String, String>, location: &Value) -> String {
    let text = &files[location["uri"].as_str().unwrap()];
    let range = &location["range"];
    let line = text
        .lines()
        .nth(range["start"]["line"].as_u64().unwrap() as usize)
        .unwrap();
    let (start, end) = (
        range["start"]["character"].as_u64().unwrap(),
        range["end"]["character"].as_u64().unwrap(),
    );
    line[start as usize..end as usize].to_string()
}

fn files_by_uri(root: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| (uri(&p), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

const LETTER: &str = "stalin-gottwald-1950-08-27";

#[test]
fn definition_references_and_hover_on_the_bundled_corpus() {
    let (_dir, root) = bundled_copy("lsp-navigate");
    let files = files_by_uri(&root);
    let sources = root.join("00-primary-sources.yaml");
    let letter = root.join("10-gottwald-letter.yaml");
    let letter_text = std::fs::read_to_string(&letter).unwrap();
    let sources_text = std::fs::read_to_string(&sources).unwrap();
    let mut client = Client::start(&root);
    client.open(&letter, &letter_text);
    let clean = client.diagnostics(&letter, |_| true);
    assert_eq!(
        clean,
        Vec::<Value>::new(),
        "the bundled corpus has no problems"
    );

    // Go to definition from a reference, in the middle of the id.
    let reference = find(&letter_text, &format!("document: {LETTER}"), 0, 15);
    let definition = client.at("textDocument/definition", &letter, reference, json!({}));
    let declared = find(&sources_text, &format!("id: {LETTER}"), 0, 4);
    assert_eq!(
        definition["result"],
        json!([{"uri": uri(&sources), "range": {
            "start": {"line": declared.0, "character": declared.1},
            "end": {"line": declared.0, "character": declared.1 + LETTER.len() as u32}}}]),
    );

    // Every reference is the id itself; the declaration only when asked for.
    let without = client.at(
        "textDocument/references",
        &sources,
        declared,
        json!({"context": {"includeDeclaration": false}}),
    );
    let with = client.at(
        "textDocument/references",
        &sources,
        declared,
        json!({"context": {"includeDeclaration": true}}),
    );
    let without = without["result"].as_array().unwrap().clone();
    let with = with["result"].as_array().unwrap().clone();
    assert_eq!(with.len(), without.len() + 1);
    for location in &with {
        assert_eq!(range_text(&files, location), LETTER);
    }
    let in_letter = without.iter().filter(|l| l["uri"] == uri(&letter)).count();
    assert_eq!(
        in_letter,
        letter_text.matches(&format!("document: {LETTER}")).count()
    );
    assert!(without
        .iter()
        .any(|l| l["uri"] == uri(&root.join("08-policy-shift.yaml"))));

    // Hover: the record, and the claims that rest only on the document.
    let hover = client.at("textDocument/hover", &letter, reference, json!({}));
    let markdown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        markdown.contains("**document**") && markdown.contains(LETTER),
        "{markdown}"
    );
    let sole = Debate::new(Corpus::bundled())
        .rests_only_on(LETTER)
        .unwrap();
    assert!(!sole.is_empty());
    assert!(
        markdown.contains(&format!("**Rests only on it:** {} claim", sole.len())),
        "{markdown}"
    );
    for claim in &sole {
        assert!(
            markdown.contains(&format!("`{}`", claim.id)),
            "{} missing from {markdown}",
            claim.id
        );
    }

    // Nothing at a place that holds no id.
    let statement = find(&letter_text, "statement:", 0, 2);
    assert_eq!(
        client.at("textDocument/definition", &letter, statement, json!({}))["result"],
        Value::Null
    );
    client.stop();
}

#[test]
fn completion_and_diagnostics_while_typing() {
    let (_dir, root) = bundled_copy("lsp-typing");
    let scratch = root.join("zz-scratch.yaml");
    let mut client = Client::start(&root);
    client.open(&scratch, "claims:\n  - id: scratch\n    statement: s\n");
    assert_eq!(client.diagnostics(&scratch, |_| true), Vec::<Value>::new());

    // Completion after `document:`: documents only, each with its title, replacing what is typed.
    let typing =
        "claims:\n  - id: scratch\n    statement: s\n    evidence:\n      - document: stalin-g";
    client.change(&scratch, 2, typing);
    let completion = client.at("textDocument/completion", &scratch, (4, 26), json!({}));
    let items = completion["result"].as_array().unwrap();
    let corpus = Corpus::bundled();
    assert_eq!(
        items.len(),
        corpus.documents.len(),
        "every document, and only documents"
    );
    let letter = items
        .iter()
        .find(|i| i["label"] == LETTER)
        .expect("the letter is offered");
    let title = &corpus.document(LETTER).unwrap().title;
    assert!(
        letter["detail"].as_str().unwrap().contains(&**title),
        "{letter}"
    );
    assert_eq!(
        letter["textEdit"]["range"]["start"],
        json!({"line": 4, "character": 18})
    );
    assert_eq!(letter["textEdit"]["newText"], json!(LETTER));

    // In a flow list of `supports`: claims; of `proponents`: historians.
    let flow =
        "claims:\n  - id: scratch\n    statement: s\n    supports: [gottwald-letter-trap, gott\n";
    client.change(&scratch, 3, flow);
    let items =
        client.at("textDocument/completion", &scratch, (3, 41), json!({}))["result"].clone();
    assert_eq!(
        items.as_array().unwrap().len(),
        corpus.claims.len(),
        "the claims (the scratch file does not parse)"
    );
    let flow = "claims:\n  - id: scratch\n    statement: s\n    proponents: [\n";
    client.change(&scratch, 4, flow);
    let items =
        client.at("textDocument/completion", &scratch, (3, 17), json!({}))["result"].clone();
    assert_eq!(items.as_array().unwrap().len(), corpus.historians.len());
    // Not in a statement.
    let items =
        client.at("textDocument/completion", &scratch, (2, 15), json!({}))["result"].clone();
    assert_eq!(items, json!([]));

    // A half-typed file: every problem, and the server still answers.
    let broken =
        "claims:\n  - id: scratch\n    statement: \"unterminated\n    supports: [no-such-claim\n";
    client.change(&scratch, 5, broken);
    let mentions = |l: &[Value], text: &str| {
        l.iter()
            .any(|d| d["message"].as_str().unwrap().contains(text))
    };
    let list = client.diagnostics(&scratch, |l| mentions(l, "invalid YAML"));
    assert_eq!(list.len(), 1, "{list:?}");
    let hover = client.at("textDocument/hover", &scratch, (1, 9), json!({}));
    assert!(hover.get("error").is_none(), "{hover}");

    // Several quick changes: the diagnostics published are those of the last text.
    for (version, id) in [(6, "a"), (7, "ab"), (8, "abc")] {
        let text =
            format!("claims:\n  - id: scratch\n    statement: s\n    supports: [no-such-{id}]\n");
        client.change(&scratch, version, &text);
    }
    let list = client.diagnostics(&scratch, |l| mentions(l, "`no-such-abc`"));
    assert_eq!(list.len(), 1, "{list:?}");
    let passed = serde_json::to_string(&client.passed).unwrap();
    assert!(
        !passed.contains("no-such-a`") && !passed.contains("no-such-ab`"),
        "published before the typing paused: {passed}"
    );
    assert_eq!(
        list[0]["range"]["start"],
        json!({"line": 3, "character": 15})
    );
    assert_eq!(list[0]["source"], json!("historiograph"));

    // Closed, the unsaved file leaves the corpus, and its diagnostics are cleared.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&scratch)}}),
    );
    assert_eq!(client.diagnostics(&scratch, |_| true), Vec::<Value>::new());
    client.stop();
}

#[test]
fn rename_rewrites_every_file_and_the_corpus_still_loads() {
    let (_dir, root) = bundled_copy("lsp-rename");
    let sources = root.join("00-primary-sources.yaml");
    let sources_text = std::fs::read_to_string(&sources).unwrap();
    let mut client = Client::start(&root);
    client.open(&sources, &sources_text);
    client.diagnostics(&sources, |_| true);
    let declared = find(&sources_text, &format!("id: {LETTER}"), 0, 6);

    let prepare = client.at("textDocument/prepareRename", &sources, declared, json!({}));
    assert_eq!(
        prepare["result"]["start"]["character"],
        json!(declared.1 - 2)
    );
    let refused = client.at(
        "textDocument/rename",
        &sources,
        declared,
        json!({"newName": "two words"}),
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("expected an id"),
        "{refused}"
    );
    let taken = client.at(
        "textDocument/rename",
        &sources,
        declared,
        json!({"newName": "gottwald-letter-trap"}),
    );
    assert!(
        taken["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already the id"),
        "{taken}"
    );

    let renamed = "gottwald-letter-1950";
    let edit = client.at(
        "textDocument/rename",
        &sources,
        declared,
        json!({"newName": renamed}),
    );
    let changes = edit["result"]["changes"]
        .as_object()
        .expect("a workspace edit")
        .clone();
    assert!(
        changes.len() >= 3,
        "the edit spans the files that use the id: {changes:?}"
    );
    client.stop();

    // Apply the edits as an editor would, and load the result.
    for (file_uri, edits) in &changes {
        let path = PathBuf::from(
            file_uri
                .strip_prefix("file://")
                .unwrap()
                .replace("%20", " "),
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut edits = edits.as_array().unwrap().clone();
        edits.sort_by_key(|e| {
            std::cmp::Reverse((
                e["range"]["start"]["line"].as_u64(),
                e["range"]["start"]["character"].as_u64(),
            ))
        });
        for e in edits {
            let line = e["range"]["start"]["line"].as_u64().unwrap() as usize;
            let (start, end) = (
                e["range"]["start"]["character"].as_u64().unwrap() as usize,
                e["range"]["end"]["character"].as_u64().unwrap() as usize,
            );
            assert_eq!(&lines[line][start..end], LETTER);
            lines[line].replace_range(start..end, e["newText"].as_str().unwrap());
        }
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
    let corpus = Corpus::load(&root).unwrap_or_else(|e| panic!("{e}"));
    assert!(corpus.document(LETTER).is_none() && corpus.document(renamed).is_some());
    let before = Debate::new(Corpus::bundled())
        .rests_only_on(LETTER)
        .unwrap();
    let after = Debate::new(corpus).rests_only_on(renamed).unwrap();
    assert_eq!(before, after);
    // Notes that mention the id in prose are text, not references: they are left alone.
    let notes = std::fs::read_to_string(root.join("08-policy-shift.yaml")).unwrap();
    let words = notes.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(&format!("undercut {LETTER},")));
}

/// Every broken file of `tests/malformed/`, typed into an open buffer: each request at several
/// places answers without error, and the server exits cleanly at the end.
#[test]
fn never_fails_on_a_broken_file() {
    let dir = TempDir::new("lsp-malformed");
    let root = dir.path().canonicalize().unwrap();
    let scratch = root.join("scratch.yaml");
    let mut client = Client::start(&root);
    client.open(&scratch, "");
    let malformed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut texts: Vec<(PathBuf, String)> = walk(&malformed)
        .into_iter()
        .filter_map(|p| Some((p.clone(), String::from_utf8(std::fs::read(&p).ok()?).ok()?)))
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    texts.sort();
    assert!(texts.len() > 50, "the broken corpora are there");
    for (version, (path, text)) in texts.iter().enumerate() {
        client.change(&scratch, version as i64 + 2, text);
        let lines = text.lines().count().max(1) as u32;
        for line in [0, lines / 2, lines - 1, lines] {
            for character in [0, 4, 12, 200] {
                for method in [
                    "textDocument/hover",
                    "textDocument/definition",
                    "textDocument/completion",
                    "textDocument/prepareRename",
                ] {
                    let response = client.at(method, &scratch, (line, character), json!({}));
                    assert!(
                        response.get("error").is_none(),
                        "{method} at {line}:{character} of {}: {response}",
                        path.display()
                    );
                }
            }
        }
    }
    client.stop();
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
        if kind.is_dir() {
            out.extend(walk(&path));
        } else if kind.is_file() {
            out.push(path);
        }
    }
    out
}
