//! AIF import, checked on the real AIFdb maps of the shared data.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use historiograph::{AifImport, Corpus, Debate, ImportError, Tally, UndercutTarget};
use serde_json::Value;

use crate::support::shared_data;

/// Every AIF map in the shared data, sorted.
fn maps() -> Vec<PathBuf> {
    let Some(dir) = shared_data("aif") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for sub in std::fs::read_dir(dir).unwrap() {
        let sub = sub.unwrap().path();
        if sub.is_dir() {
            for f in std::fs::read_dir(sub).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "json") {
                    out.push(f);
                }
            }
        }
    }
    out.sort();
    assert_eq!(out.len(), 12, "the shared data holds 12 AIF maps");
    out
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("historiograph-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Independently of the importer: the distinct (source, target) I-node pairs through S-nodes
/// of one type, only I → S and S → I edges counting.
fn pairs(map: &Value, kind: &str) -> BTreeSet<(String, String)> {
    let types: BTreeMap<String, String> = map["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (text(&n["nodeID"]), text(&n["type"])))
        .collect();
    let mut ins: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut outs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in map["edges"].as_array().unwrap() {
        let (from, to) = (text(&e["fromID"]), text(&e["toID"]));
        let (Some(tf), Some(tt)) = (types.get(&from), types.get(&to)) else {
            continue;
        };
        if tf == "I" && tt == kind {
            ins.entry(to).or_default().push(from);
        } else if tf == kind && tt == "I" {
            outs.entry(from).or_default().push(to);
        }
    }
    let mut out = BTreeSet::new();
    for (s, sources) in &ins {
        for target in outs.get(s).into_iter().flatten() {
            for source in sources {
                if source != target {
                    out.insert((source.clone(), target.clone()));
                }
            }
        }
    }
    out
}

/// Independently of the importer: each RA node's distinct premise and conclusion I-nodes, only
/// I → RA and RA → I edges counting.
fn inferences(map: &Value) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let types: BTreeMap<String, String> = map["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (text(&n["nodeID"]), text(&n["type"])))
        .collect();
    let mut out: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for e in map["edges"].as_array().unwrap() {
        let (from, to) = (text(&e["fromID"]), text(&e["toID"]));
        let (Some(tf), Some(tt)) = (types.get(&from), types.get(&to)) else {
            continue;
        };
        if tf == "I" && tt == "RA" {
            out.entry(to).or_default().0.insert(from);
        } else if tf == "RA" && tt == "I" {
            out.entry(from).or_default().1.insert(to);
        }
    }
    out
}

/// What the RA nodes of a map should become: linked arguments `(conclusion, premises)` for two
/// or more premises (a premise that is also the conclusion left out), supports otherwise.
type Arguments = BTreeSet<(String, BTreeSet<String>)>;

fn arguments_and_supports(map: &Value) -> (Arguments, BTreeSet<(String, String)>) {
    let mut arguments = BTreeSet::new();
    let mut supports = BTreeSet::new();
    for (premises, conclusions) in inferences(map).into_values() {
        for c in &conclusions {
            let others: BTreeSet<String> = premises.iter().filter(|p| *p != c).cloned().collect();
            if others.len() >= 2 {
                arguments.insert((c.clone(), others));
            } else {
                supports.extend(others.into_iter().map(|p| (p, c.clone())));
            }
        }
    }
    (arguments, supports)
}

fn sum(t: &Tally) -> usize {
    t.mapped + t.refused + t.noted + t.aside
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn every_map_imports_with_counts_that_match_the_file() {
    for path in maps() {
        let name = path.display().to_string();
        let map = read(&path);
        let imported = AifImport::read(&path).unwrap();
        let summary = &imported.summary;
        // Node counts by type, edge and locution counts, all accounted for.
        let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
        for n in map["nodes"].as_array().unwrap() {
            *by_type.entry(text(&n["type"])).or_default() += 1;
        }
        let found: BTreeMap<String, usize> = summary
            .nodes
            .iter()
            .map(|(t, tally)| (t.clone(), tally.total))
            .collect();
        assert_eq!(found, by_type, "{name}");
        for (t, tally) in &summary.nodes {
            assert_eq!(sum(tally), tally.total, "{name} {t}");
        }
        assert_eq!(summary.edges.total, map["edges"].as_array().unwrap().len());
        assert_eq!(sum(&summary.edges), summary.edges.total, "{name}");
        assert_eq!(
            summary.locutions.total,
            map["locutions"].as_array().unwrap().len()
        );
        assert_eq!(sum(&summary.locutions), summary.locutions.total, "{name}");
        // Every I-node is a claim; an RA node of several premises becomes one linked argument,
        // of one premise a support; CA nodes become contradicts, pair for pair.
        assert_eq!(summary.claims, by_type["I"], "{name}");
        assert_eq!(summary.nodes["I"].mapped, by_type["I"], "{name}");
        let (arguments, supports) = arguments_and_supports(&map);
        assert!(supports.is_subset(&pairs(&map, "RA")), "{name}");
        let contradicts: BTreeSet<_> = pairs(&map, "CA").difference(&supports).cloned().collect();
        let corpus = imported
            .corpus()
            .unwrap_or_else(|e| panic!("{name}: {e}: {:#?}", e.diagnostics));
        let edges =
            |field: fn(&historiograph::Claim) -> &Vec<historiograph::Id>| -> BTreeSet<(String, String)> {
                corpus
                    .claims
                    .iter()
                    .flat_map(|c| field(c).iter().map(|t| (c.id.to_string(), t.to_string())))
                    .collect()
            };
        assert_eq!(edges(|c| &c.supports), supports, "{name}");
        assert_eq!(edges(|c| &c.contradicts), contradicts, "{name}");
        assert_eq!(summary.supports, supports.len());
        assert_eq!(summary.contradicts, contradicts.len());
        let made: Arguments = corpus
            .claims
            .iter()
            .flat_map(|c| {
                c.arguments.iter().map(|a| {
                    let premises = a.premises.iter().map(|p| p.to_string()).collect();
                    (c.id.to_string(), premises)
                })
            })
            .collect();
        assert_eq!(made, arguments, "{name}");
        assert_eq!(summary.arguments, arguments.len(), "{name}");
        // No CA node of these maps attacks an RA node (see the data's README).
        assert_eq!(summary.undercuts, 0, "{name}");
        // Statements are the I-node texts, verbatim.
        let statements: BTreeMap<String, String> = map["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["type"] == "I")
            .map(|n| (text(&n["nodeID"]), text(&n["text"])))
            .collect();
        for claim in &corpus.claims {
            assert_eq!(statements[claim.id.as_str()], &*claim.statement, "{name}");
        }
    }
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn nothing_is_dropped_every_node_is_mapped_noted_or_kept_aside() {
    for path in maps() {
        let name = path.display().to_string();
        let map = read(&path);
        let imported = AifImport::read(&path).unwrap();
        let aside: Value = imported
            .aside
            .as_deref()
            .map(|a| serde_json::from_str(a).unwrap())
            .unwrap_or(Value::Null);
        let aside_ids: BTreeSet<String> = aside["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| text(&n["nodeID"]))
            .collect();
        let mut aside_count = 0;
        for node in map["nodes"].as_array().unwrap() {
            let (kind, id) = (text(&node["type"]), text(&node["nodeID"]));
            if kind == "I" {
                continue;
            }
            // A node kept as a note is described as `TYPE id` in some note.
            let noted = imported.yaml.contains(&format!("{kind} {id} "));
            let kept = aside_ids.contains(&id);
            aside_count += usize::from(kept);
            assert!(noted || kept, "{name}: {kind} {id} is lost");
        }
        let tallied: usize = imported.summary.nodes.values().map(|t| t.aside).sum();
        assert_eq!(aside_count, tallied, "{name}");
        let aside_edges = aside["edges"].as_array().map_or(0, Vec::len);
        assert_eq!(aside_edges, imported.summary.edges.aside, "{name}");
    }
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn queries_run_on_an_imported_map() {
    for path in maps() {
        let imported = AifImport::read(&path).unwrap();
        let debate = Debate::new(imported.corpus().unwrap());
        // AIF has no documents: every claim is unsupported.
        assert_eq!(debate.unsupported().len(), debate.corpus().claims.len());
        // Every claim that a CA node attacks is contested.
        let contested: BTreeSet<historiograph::Id> =
            debate.contested().into_iter().map(|c| c.claim.id).collect();
        let attacked: BTreeSet<historiograph::Id> = debate
            .corpus()
            .claims
            .iter()
            .flat_map(|c| c.contradicts.iter().cloned())
            .collect();
        assert_eq!(contested, attacked, "{}", path.display());
    }
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn proponents_come_from_locutions_anchored_to_claims() {
    let Some(dir) = shared_data("aif") else {
        return;
    };
    let imported = AifImport::read(dir.join("hansard/nodeset21145.json")).unwrap();
    let corpus = imported.corpus().unwrap();
    // L 697876 (Paul Dean, person 3812) → YA 697877 → I 697878.
    let claim = corpus.claim("697878").unwrap();
    assert_eq!(claim.proponents, ["person-3812"]);
    assert_eq!(&*corpus.historian("person-3812").unwrap().name, "Paul Dean");
    // The RA linkage is kept in the conclusion's notes.
    let with_ra = corpus
        .claims
        .iter()
        .filter(|c| c.notes.as_deref().unwrap_or("").contains("RA 697915 "))
        .count();
    assert!(with_ra >= 1);
}

#[test]
fn linked_premises_are_recorded_on_the_conclusion() {
    let json = r#"{"nodes": [
        {"nodeID": "p1", "text": "First premise", "type": "I"},
        {"nodeID": "p2", "text": "Second premise", "type": "I"},
        {"nodeID": "c", "text": "Conclusion", "type": "I"},
        {"nodeID": "r", "text": "Default Inference", "type": "RA", "scheme": "Default Inference"},
        {"nodeID": "x", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "m", "text": "Default Rephrase", "type": "MA"},
        {"nodeID": "lonely", "text": "Default Transition", "type": "TA"}
      ], "edges": [
        {"edgeID": 1, "fromID": "p1", "toID": "r"},
        {"edgeID": 2, "fromID": "p2", "toID": "r"},
        {"edgeID": 3, "fromID": "r", "toID": "c"},
        {"edgeID": 4, "fromID": "p1", "toID": "x"},
        {"edgeID": 5, "fromID": "c", "toID": "m"},
        {"edgeID": 6, "fromID": "m", "toID": "p2"},
        {"edgeID": 7, "fromID": "c", "toID": "nowhere"}
      ]}"#;
    let imported = AifImport::from_json("linked", json).unwrap();
    let corpus = imported.corpus().unwrap();
    let c = corpus.claim("c").unwrap();
    assert!(c.notes.as_deref().unwrap().contains(
        "RA r \"Default Inference\" (scheme: Default Inference); from I p1 [edge 1], I p2 [edge 2]; to I c [edge 3]"
    ));
    // One linked argument, not two independent supports; no id, as nothing undercuts it.
    assert_eq!(c.arguments.len(), 1);
    assert_eq!(c.arguments[0].premises, ["p1", "p2"]);
    assert_eq!(&*c.arguments[0].locator, "AIF RA r");
    assert_eq!(c.arguments[0].id, None);
    assert!(corpus.claim("p1").unwrap().supports.is_empty());
    assert!(corpus.claim("p2").unwrap().supports.is_empty());
    // The CA has no target: kept as a note on its attacker, not mapped.
    assert!(corpus.claim("p1").unwrap().contradicts.is_empty());
    assert!(corpus
        .claim("p1")
        .unwrap()
        .notes
        .as_deref()
        .unwrap()
        .contains("CA x "));
    assert!(corpus
        .claim("p2")
        .unwrap()
        .notes
        .as_deref()
        .unwrap()
        .contains("MA m "));
    let s = &imported.summary;
    assert_eq!(
        s.nodes["CA"],
        Tally {
            total: 1,
            mapped: 0,
            refused: 0,
            noted: 1,
            aside: 0
        }
    );
    assert_eq!(
        s.nodes["TA"],
        Tally {
            total: 1,
            mapped: 0,
            refused: 0,
            noted: 0,
            aside: 1
        }
    );
    assert_eq!(
        s.edges,
        Tally {
            total: 7,
            mapped: 3,
            refused: 0,
            noted: 3,
            aside: 1
        }
    );
    let aside: Value = serde_json::from_str(imported.aside.as_deref().unwrap()).unwrap();
    assert_eq!(aside["nodes"][0]["nodeID"], "lonely");
    assert_eq!(aside["edges"][0]["toID"], "nowhere");
    insta::assert_snapshot!(s.to_string());
}

#[test]
fn undercutters_of_linked_arguments_become_undercuts() {
    // r1 is a linked argument (a, b → c) that d undercuts; c cannot undercut its own argument;
    // r2 has one premise (a → f), so e's attack on it stays a note; g attacks c and r1 at once.
    let json = r#"{"nodes": [
        {"nodeID": "a", "text": "A", "type": "I"},
        {"nodeID": "b", "text": "B", "type": "I"},
        {"nodeID": "c", "text": "C", "type": "I"},
        {"nodeID": "d", "text": "D", "type": "I"},
        {"nodeID": "e", "text": "E", "type": "I"},
        {"nodeID": "f", "text": "F", "type": "I"},
        {"nodeID": "g", "text": "G", "type": "I"},
        {"nodeID": "r1", "text": "Default Inference", "type": "RA"},
        {"nodeID": "r2", "text": "Default Inference", "type": "RA"},
        {"nodeID": "x1", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "x2", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "x3", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "x4", "text": "Default Conflict", "type": "CA"}
      ], "edges": [
        {"edgeID": 1, "fromID": "a", "toID": "r1"},
        {"edgeID": 2, "fromID": "b", "toID": "r1"},
        {"edgeID": 3, "fromID": "r1", "toID": "c"},
        {"edgeID": 4, "fromID": "a", "toID": "r2"},
        {"edgeID": 5, "fromID": "r2", "toID": "f"},
        {"edgeID": 6, "fromID": "d", "toID": "x1"},
        {"edgeID": 7, "fromID": "x1", "toID": "r1"},
        {"edgeID": 8, "fromID": "e", "toID": "x2"},
        {"edgeID": 9, "fromID": "x2", "toID": "r2"},
        {"edgeID": 10, "fromID": "c", "toID": "x3"},
        {"edgeID": 11, "fromID": "x3", "toID": "r1"},
        {"edgeID": 12, "fromID": "g", "toID": "x4"},
        {"edgeID": 13, "fromID": "x4", "toID": "c"},
        {"edgeID": 14, "fromID": "x4", "toID": "r1"}
      ]}"#;
    let imported = AifImport::from_json("undercuts", json).unwrap();
    let corpus = imported
        .corpus()
        .unwrap_or_else(|e| panic!("{e}: {:#?}\n{}", e.diagnostics, imported.yaml));
    let claim = |id: &str| corpus.claim(id).unwrap();
    let notes = |id: &str| claim(id).notes.as_deref().unwrap_or("").to_string();
    // The undercut argument gets its RA node's id.
    let c = claim("c");
    assert_eq!(c.arguments.len(), 1);
    assert_eq!(c.arguments[0].id.as_deref(), Some("r1"));
    assert_eq!(c.arguments[0].premises, ["a", "b"]);
    let undercuts = |id: &str| -> Vec<(UndercutTarget, String)> {
        claim(id)
            .undercuts
            .iter()
            .map(|u| (u.target.clone(), u.locator.to_string()))
            .collect()
    };
    let r1 = UndercutTarget::Argument("r1".into());
    assert_eq!(undercuts("d"), [(r1.clone(), "AIF CA x1".to_string())]);
    assert!(notes("d").contains("CA x1 "), "{}", notes("d"));
    // g both contradicts c and undercuts its argument.
    assert_eq!(undercuts("g"), [(r1, "AIF CA x4".to_string())]);
    assert_eq!(claim("g").contradicts, ["c"]);
    // A claim does not undercut its own argument: a note says why.
    assert!(undercuts("c").is_empty());
    assert!(notes("c").contains(
        "not mapped as an undercut from `c`: CA x3 attacks RA r1, an argument for this claim"
    ));
    // An RA node of one premise is a support; the attack on it stays a note on the attacker.
    assert_eq!(claim("a").supports, ["f"]);
    assert!(undercuts("e").is_empty());
    assert!(notes("e").contains("not mapped as an undercut: CA x2 attacks RA r2"));
    assert!(notes("e").contains("CA x2 \"Default Conflict\"; from I e [edge 8]; to RA r2 [edge 9]"));
    let s = &imported.summary;
    assert_eq!(
        (s.arguments, s.undercuts, s.supports, s.contradicts),
        (1, 2, 1, 1)
    );
    assert_eq!(
        s.nodes["CA"],
        Tally {
            total: 4,
            mapped: 2,
            refused: 1,
            noted: 1,
            aside: 0
        }
    );
    assert_eq!(
        s.nodes["RA"],
        Tally {
            total: 2,
            mapped: 2,
            refused: 0,
            noted: 0,
            aside: 0
        }
    );
    // Edges: the RA ends (5), x1 and x4 (5) are mapped; x3's (2) refused, x2's (2) noted.
    assert_eq!(
        s.edges,
        Tally {
            total: 14,
            mapped: 10,
            refused: 2,
            noted: 2,
            aside: 0
        }
    );
    assert_eq!(imported.aside, None);
    // The import is a debate whose one linked argument has two undercutters.
    let debate = Debate::new(corpus.clone());
    assert_eq!(debate.inferences().len(), 1);
    assert_eq!(debate.inference_name(0), "r1");
}

#[test]
fn awkward_ids_and_texts_still_load() {
    let json = r#"{"nodes": [
        {"nodeID": "a b", "text": "null", "type": "I"},
        {"nodeID": 7, "text": "x: y # z\n  - not a list\n'quoted' \"double\"", "type": "I"},
        {"nodeID": "person-1", "text": "clashes with a speaker id", "type": "I"},
        {"nodeID": "l", "text": "Speaker : hello", "type": "L"},
        {"nodeID": "y", "text": "Asserting", "type": "YA"}
      ], "edges": [
        {"fromID": "l", "toID": "y"}, {"fromID": "y", "toID": 7}
      ], "locutions": [{"nodeID": "l", "personID": 1}]}"#;
    let imported = AifImport::from_json("awkward", json).unwrap();
    let corpus = imported
        .corpus()
        .unwrap_or_else(|e| panic!("{e}: {:#?}\n{}", e.diagnostics, imported.yaml));
    let ids: Vec<&str> = corpus.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a-b", "7", "person-1"]);
    assert_eq!(&*corpus.claims[0].statement, "(I-node a b without text)");
    assert_eq!(
        &*corpus.claims[1].statement,
        "x: y # z\n  - not a list\n'quoted' \"double\""
    );
    assert_eq!(corpus.historians[0].id, "person-1-2");
    assert_eq!(&*corpus.historians[0].name, "Speaker");
    assert_eq!(corpus.claims[1].proponents, ["person-1-2"]);
}

#[test]
fn bad_input_gets_a_clear_error() {
    let err = |json: &str| AifImport::from_json("bad", json).unwrap_err().to_string();
    assert_eq!(
        err("{\"nodes\": [\n}"),
        "invalid JSON at line 2, column 1: expected value at line 2 column 1"
    );
    assert_eq!(
        err("[]"),
        "not an AIF nodeset: expected an object with `nodes` and `edges`, found a list"
    );
    assert_eq!(
        err("{\"nodes\": []}"),
        "not an AIF nodeset: missing `edges`: an AIF nodeset has `nodes` and `edges` lists (or \
         an OVA3 map has them under `AIF`), found the keys `nodes`"
    );
    assert_eq!(
        err(
            r#"{"nodes": [{"nodeID": "1", "text": "a", "type": "I"}, {"nodeID": "1", "text": "b", "type": "I"}], "edges": []}"#
        ),
        "not an AIF nodeset: duplicate nodeID `1` in nodes[0] and nodes[1]"
    );
    assert_eq!(
        err(r#"{"nodes": [{"text": "a", "type": "I"}], "edges": []}"#),
        "not an AIF nodeset: missing field `nodeID` in nodes[0]"
    );
    assert!(matches!(
        AifImport::read("/no/such/file.json"),
        Err(ImportError::Read { .. })
    ));
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn cli_imports_a_map_and_refuses_to_overwrite() {
    let Some(dir) = shared_data("aif") else {
        return;
    };
    let file = dir.join("hansard/nodeset21145.json");
    let out = scratch("cli-import");
    let run = || {
        Command::cargo_bin("historiograph")
            .unwrap()
            .args(["import", "aif"])
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .assert()
    };
    let first = run().success();
    let stderr = String::from_utf8(first.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with(
            "imported nodeset21145: 14 claims, 3 historians, 4 supports, 1 contradicts, 0 arguments, 0 undercuts\n"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("RA nodes"), "{stderr}");
    Corpus::load(&out).unwrap();
    let again = run().code(1);
    let stderr = String::from_utf8(again.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("expected a new or empty folder"),
        "{stderr}"
    );
    Command::cargo_bin("historiograph")
        .unwrap()
        .args(["contested", "--corpus"])
        .arg(&out)
        .assert()
        .success();
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn cli_export_formats_and_errors() {
    let cli = || Command::cargo_bin("historiograph").unwrap();
    let corpus = crate::support::corpus_dir("debate");
    let out = cli()
        .args([
            "export", "--format", "dot", "--around", "letter", "--corpus",
        ])
        .arg(&corpus)
        .assert()
        .success();
    let dot = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(dot.contains("\"letter\" -> \"only-letter\""), "{dot}");
    cli()
        .args(["export", "--format", "dot", "--depth", "2", "--corpus"])
        .arg(&corpus)
        .assert()
        .code(2);
    cli().args(["export", "--format", "svg"]).assert().code(2);
    let out = cli()
        .args([
            "export",
            "--format",
            "mermaid",
            "--around",
            "no-such-thing-at-all",
            "--corpus",
        ])
        .arg(&corpus)
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        "error: unknown document, claim, historian, work or school `no-such-thing-at-all`\n"
    );
}
