//! The JSON Schema of a corpus file: current in the repository, printed by `historiograph
//! schema`, in step with the loader's fields, and satisfied by every file the loader accepts.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use historiograph::Corpus;
use proptest::prelude::*;
use serde_json::Value;
use yaml_rust2::{Yaml, YamlLoader};

use crate::support::{arb_corpus, corpus_dir, from_yaml};

fn checked_in() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("claims/corpus.schema.json")
}

/// A YAML text as the JSON an editor's YAML tooling validates: scalars typed by the YAML 1.2
/// core schema (`1950` a number, `true` a boolean, `~` null), mapping keys as text.
fn yaml_to_json(text: &str) -> Value {
    fn convert(yaml: &Yaml) -> Value {
        match yaml {
            Yaml::Real(r) => r
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| Value::String(r.clone()), Value::Number),
            Yaml::Integer(i) => Value::from(*i),
            Yaml::String(s) => Value::String(s.clone()),
            Yaml::Boolean(b) => Value::Bool(*b),
            Yaml::Array(items) => Value::Array(items.iter().map(convert).collect()),
            Yaml::Hash(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        let key = match k {
                            Yaml::String(s) => s.clone(),
                            Yaml::Integer(i) => i.to_string(),
                            other => format!("{other:?}"),
                        };
                        (key, convert(v))
                    })
                    .collect(),
            ),
            Yaml::Null => Value::Null,
            other => panic!("unexpected YAML node {other:?}"),
        }
    }
    let docs = YamlLoader::load_from_str(text).expect("the file is YAML");
    docs.first()
        .map_or(Value::Object(Default::default()), convert)
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&Corpus::json_schema()).expect("the schema is a valid draft-7 schema")
}

/// Every schema error of a YAML text, as `path: message` lines.
fn errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let instance = yaml_to_json(text);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_checked_in_schema_is_current() {
    let generated = serde_json::to_string_pretty(&Corpus::json_schema()).unwrap() + "\n";
    let file = std::fs::read_to_string(checked_in()).unwrap_or_default();
    assert!(
        file == generated,
        "claims/corpus.schema.json is stale: run `cargo run -- schema > claims/corpus.schema.json`"
    );
}

#[test]
fn the_schema_command_prints_the_checked_in_schema() {
    let output = Command::cargo_bin("historiograph")
        .unwrap()
        .arg("schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let file = std::fs::read(checked_in()).unwrap();
    assert_eq!(
        String::from_utf8(output).unwrap(),
        String::from_utf8(file).unwrap()
    );
}

#[test]
fn every_bundled_file_validates() {
    let validator = validator();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("claims");
    let files = yaml_files(&dir);
    assert!(files.len() >= 10, "the bundled corpus has its files");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let errors = errors(&validator, &text);
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            file.display(),
            errors.join("\n")
        );
    }
}

#[test]
fn every_hand_made_corpus_the_loader_accepts_validates() {
    let validator = validator();
    let mut checked = 0;
    for entry in std::fs::read_dir(corpus_dir("")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() || Corpus::load(&dir).is_err() {
            continue;
        }
        for file in yaml_files(&dir) {
            let text = std::fs::read_to_string(&file).unwrap();
            let errors = errors(&validator, &text);
            assert!(
                errors.is_empty(),
                "{}:\n{}",
                file.display(),
                errors.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// What the canonical writer writes, the schema accepts.
    #[test]
    fn written_corpora_validate(corpus in arb_corpus()) {
        let validator = validator();
        for (path, text) in corpus.to_yaml_files() {
            let errors = errors(&validator, &text);
            prop_assert!(errors.is_empty(), "{}:\n{}\n{text}", path.display(), errors.join("\n"));
        }
    }
}

/// Mistakes the loader refuses and the schema catches too, each with the path it points at.
#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let validator = validator();
    let cases = [
        ("claims:\n  - id: a\n    statment: x\n", "/claims/0"),
        ("claims:\n  - id: a\n", "/claims/0"),
        ("documents:\n  - {id: d, title: t, date: 1950, kind: telex, author: a, citation: c, audience: internal}\n", "/documents/0/kind"),
        ("documents:\n  - {id: d, title: t, date: 1950-13, kind: letter, author: a, citation: c, audience: internal}\n", "/documents/0/date"),
        ("claims:\n  - id: a\n    statement: s\n    evidence:\n      - {document: d, polarity: backs}\n", "/claims/0/evidence/0"),
        ("claims:\n  - id: a\n    statement: s\n    arguments:\n      - {premises: [b], locator: l}\n", "/claims/0/arguments/0/premises"),
        ("claims:\n  - id: a\n    statement: s\n    undercuts:\n      - {document: d, work: w, locator: l}\n", "/claims/0/undercuts/0"),
        ("claims:\n  - id: two words\n    statement: s\n", "/claims/0/id"),
        ("clams: []\n", ""),
    ];
    for (text, path) in cases {
        assert!(
            from_yaml(&[("f.yaml", text)]).is_err(),
            "the loader accepts {text}"
        );
        let errors = errors(&validator, text);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}:"))),
            "expected a schema error at `{path}` for\n{text}found {errors:#?}"
        );
    }
}

/// The fields the loader allows in each place, read from its own hint for an unknown field.
fn loader_fields(place: &str, record: &str) -> BTreeSet<String> {
    let error = from_yaml(&[("f.yaml", record)]).unwrap_err();
    let hint = (error.diagnostics.iter())
        .filter(|d| d.message.contains("zzzzzzzz") && d.message.contains(place))
        .find_map(|d| d.hint.as_deref())
        .unwrap_or_else(|| panic!("no unknown-field hint for {place}: {error}"));
    let list = hint.split_once(": ").expect("the hint lists the fields").1;
    list.split(", ").map(str::to_string).collect()
}

fn schema_fields(schema: &Value, definition: Option<&str>) -> BTreeSet<String> {
    let object = match definition {
        Some(name) => &schema["definitions"][name],
        None => schema,
    };
    let properties = object["properties"].as_object();
    properties
        .unwrap_or_else(|| panic!("no properties for {definition:?}"))
        .keys()
        .cloned()
        .collect()
}

/// Every field the loader reads is in the schema and nothing else is: the schema comes from the
/// record types, the loader has its own field tables, and this keeps them in step.
#[test]
fn the_schema_has_the_loaders_fields() {
    let schema = Corpus::json_schema();
    let z = "zzzzzzzz: 1";
    let doc =
        "{id: d, title: t, date: 1950, kind: letter, author: a, citation: c, audience: internal";
    let cases = [
        (None, "the top level", format!("{z}\n")),
        (Some("School"), "a school", format!("schools:\n  - {{id: s, name: n, kind: school, {z}}}\n")),
        (Some("Document"), "a document", format!("documents:\n  - {doc}, {z}}}\n")),
        (Some("Reliability"), "reliability", format!("documents:\n  - {doc}, reliability: {{rating: doubtful, {z}}}}}\n")),
        (Some("Historian"), "a historian", format!("historians:\n  - {{id: h, name: n, {z}}}\n")),
        (Some("Work"), "a work", format!("works:\n  - {{id: w, authors: [], title: t, year: 1990, kind: book, {z}}}\n")),
        (Some("Claim"), "a claim", format!("claims:\n  - {{id: c, statement: s, {z}}}\n")),
        (Some("Evidence"), "evidence", format!("claims:\n  - {{id: c, statement: s, evidence: [{{document: d, polarity: backs, locator: l, {z}}}]}}\n")),
        (Some("Citation"), "citation", format!("claims:\n  - {{id: c, statement: s, cites: [{{work: w, {z}}}]}}\n")),
        (Some("Argument"), "argument", format!("claims:\n  - {{id: c, statement: s, arguments: [{{premises: [a, b], locator: l, {z}}}]}}\n")),
        (Some("Undercut"), "undercut", format!("claims:\n  - {{id: c, statement: s, undercuts: [{{document: d, locator: l, {z}}}]}}\n")),
    ];
    for (definition, place, record) in cases {
        assert_eq!(
            schema_fields(&schema, definition),
            loader_fields(place, &record),
            "the fields of {place}"
        );
    }
}
