//! GraphML's typed attributes, checked against their declared types and by networkx; the
//! Mermaid export's warning above the renderers' edge limit.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use historiograph::{export, Corpus, Debate, ExportOptions, Format};
use serde_json::Value;

fn bundled_graphml() -> String {
    let options = ExportOptions {
        historians: true,
        ..ExportOptions::default()
    };
    export(&Debate::new(Corpus::bundled()), Format::Graphml, &options).unwrap()
}

/// `(key id, type)` of the declared keys, and every `(key, value)` of the data.
fn keys_and_data(xml: &str) -> (BTreeMap<String, String>, Vec<(String, String)>) {
    let attr = |line: &str, name: &str| -> String {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..].split('"').next().unwrap().to_string()
    };
    let keys = (xml.lines())
        .filter(|l| l.trim_start().starts_with("<key "))
        .map(|l| (attr(l, "id"), attr(l, "attr.type")))
        .collect();
    let mut data = Vec::new();
    for piece in xml.split("<data key=\"").skip(1) {
        let (key, rest) = piece.split_once("\">").unwrap();
        let value = rest.split("</data>").next().unwrap();
        data.push((key.to_string(), value.to_string()));
    }
    (keys, data)
}

#[test]
fn graphml_data_have_their_declared_types() {
    let xml = bundled_graphml();
    let (keys, data) = keys_and_data(&xml);
    assert_eq!(keys["d_year"], "int");
    assert_eq!(keys["d_listed"], "boolean");
    let iso = |v: &str| {
        v.len() == 10
            && v.chars().enumerate().all(|(i, c)| match i {
                4 | 7 => c == '-',
                _ => c.is_ascii_digit(),
            })
    };
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (key, value) in &data {
        *seen.entry(key.as_str()).or_default() += 1;
        match keys[key].as_str() {
            "int" => assert!(value.parse::<i64>().is_ok(), "{key}={value}"),
            "boolean" => assert!(value == "true" || value == "false", "{key}={value}"),
            "string" => {}
            other => panic!("undeclared type {other}"),
        }
        if key == "d_start" || key == "d_end" {
            assert!(iso(value), "{key}={value}");
        }
    }
    let corpus = Corpus::bundled();
    // Every document has its date, kind and citation; every work its year.
    assert_eq!(seen["d_citation"], corpus.documents.len());
    assert_eq!(seen["d_work_kind"], corpus.works.len());
    let periods = corpus.claims.iter().filter(|c| c.period.is_some()).count();
    assert_eq!(seen["d_date"], corpus.documents.len() + periods);
    assert_eq!(
        seen["d_year"],
        corpus.documents.len() + periods + corpus.works.len()
    );
    assert_eq!(seen["d_schools"], corpus.historians.len());
}

/// Needs `python3` with networkx: ignored without it (build.rs sets `cfg(networkx)`), and run
/// under CI, where `.ci/run` installs it.
#[test]
#[cfg_attr(not(networkx), ignore = "needs python3 with networkx")]
fn networkx_reads_the_graphml_with_typed_attributes() {
    let script = r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.stdin.buffer)
def node(i):
    return {k: [type(v).__name__, v] for k, v in sorted(g.nodes[i].items())}
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
    "document": node("stalin-gottwald-1950-08-27"), "work": node(sorted(
    n for n, d in g.nodes(data=True) if d.get("kind") == "work")[0])}))
"#;
    let mut child = Process::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let xml = bundled_graphml();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(xml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let read: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = Debate::new(Corpus::bundled());
    assert_eq!(read["nodes"], d.graph().node_count());
    let document = &read["document"];
    assert_eq!(document["year"], serde_json::json!(["int", 1950]));
    assert_eq!(document["listed"][0], "bool");
    assert_eq!(document["start"], serde_json::json!(["str", "1950-08-27"]));
    assert_eq!(document["audience"], serde_json::json!(["str", "allied"]));
    assert_eq!(read["work"]["year"][0], "int");
}

#[test]
fn mermaid_warns_above_the_renderers_edge_limit() {
    let cli = || Command::cargo_bin("historiograph").unwrap();
    let big = cli()
        .args(["export", "--format", "mermaid", "--historians"])
        .assert()
        .success();
    let stderr = String::from_utf8(big.get_output().stderr.clone()).unwrap();
    let stdout = String::from_utf8(big.get_output().stdout.clone()).unwrap();
    let edges = stdout
        .lines()
        .filter(|l| {
            l.contains("-->")
                || l.contains("-.->")
                || l.contains("==>")
                || l.contains("--x")
                || l.contains("---")
        })
        .count();
    assert!(edges > 500, "{edges}");
    assert!(stderr.starts_with("warning: the diagram has "), "{stderr}");
    assert!(stderr.contains("--around"), "{stderr}");
    let small = cli()
        .args([
            "export",
            "--format",
            "mermaid",
            "--around",
            "acheson-green-light",
        ])
        .assert()
        .success();
    assert!(small.get_output().stderr.is_empty());
}
