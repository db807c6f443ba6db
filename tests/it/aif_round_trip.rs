//! Our own AIF comes back: export → import gives the same corpus, and a second pass is
//! byte-identical. Also OVA3's wrapped maps, speakers per locution, silent participants and
//! refused relations in the summary.

use std::path::PathBuf;

use assert_cmd::Command;
use historiograph::{export, AifImport, Corpus, Debate, ExportOptions, Format, Polarity, Stance};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::support::{arb_corpus, from_yaml};

/// The records as JSON, each list sorted by id: what `claims/documents/historians/works
/// --json` compare.
fn records(corpus: &Corpus) -> Value {
    fn sorted<T: serde::Serialize>(items: &[T]) -> Vec<Value> {
        let mut out: Vec<Value> = items
            .iter()
            .map(|i| serde_json::to_value(i).unwrap())
            .collect();
        out.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        out
    }
    json!({
        "schools": sorted(&corpus.schools),
        "documents": sorted(&corpus.documents),
        "historians": sorted(&corpus.historians),
        "claims": sorted(&corpus.claims),
        "works": sorted(&corpus.works),
    })
}

fn to_aif(corpus: &Corpus) -> String {
    let debate = Debate::new(corpus.clone());
    export(&debate, Format::Aif, &ExportOptions::default()).unwrap()
}

/// Export → import → export → import: the corpus comes back, and the second AIF and YAML are
/// the first ones byte for byte.
fn round_trip(corpus: &Corpus) -> Result<(), TestCaseError> {
    let aif = to_aif(corpus);
    let first = AifImport::from_json("map", &aif).unwrap();
    let back = first
        .corpus()
        .unwrap_or_else(|e| panic!("{e}: {:#?}\n{}", e.diagnostics, first.yaml));
    prop_assert_eq!(records(&back), records(corpus));
    prop_assert!(first.aside.is_none(), "{:?}", first.aside);
    let again = to_aif(&back);
    prop_assert!(again == aif, "the second export differs from the first");
    let second = AifImport::from_json("map", &again).unwrap();
    prop_assert_eq!(&second.yaml, &first.yaml);
    let s = &first.summary;
    prop_assert_eq!(s.claims, corpus.claims.len());
    prop_assert_eq!(s.documents, corpus.documents.len());
    prop_assert_eq!(s.historians, corpus.historians.len());
    for tally in s
        .nodes
        .values()
        .chain([&s.edges, &s.locutions, &s.participants])
    {
        prop_assert!(tally.adds_up() && tally.mapped == tally.total, "{s}");
    }
    Ok(())
}

#[test]
fn the_bundled_corpus_comes_back_from_its_aif() {
    let corpus = Corpus::bundled();
    // What the round trip has to carry: a document that both backs and undermines one claim,
    // historians with no claims, documents, works, stances.
    let acheson = corpus.claim("acheson-green-light").unwrap();
    let polarities: Vec<Polarity> = (acheson.evidence.iter())
        .filter(|e| &*e.document == "acheson-press-club-1950-01-12")
        .map(|e| e.polarity)
        .collect();
    assert!(polarities.contains(&Polarity::Backs) && polarities.contains(&Polarity::Undermines));
    let silent = (corpus.historians.iter())
        .filter(|h| corpus.claims.iter().all(|c| !c.proponents.contains(&h.id)))
        .count();
    assert!(silent > 0);
    round_trip(&corpus).unwrap();
}

/// A small corpus with every field the marks carry, and custom schools.
const EVERY_FIELD: &str = r#"
schools:
  - {id: realist, name: Realist, kind: thesis}
documents:
  - id: d1
    title: A letter
    date: 1950-08-27
    kind: letter
    author: Joseph Stalin
    recipient: Klement Gottwald
    citation: "RGASPI, f. 558"
    audience: allied
    known_through: weathersby
    reliability: {rating: doubtful, by: [weathersby], note: late}
    listed: false
    supplied: [date]
    notes: a note
historians:
  - {id: weathersby, name: Kathryn Weathersby, schools: [post-revisionist], works: ["Soviet Aims (1993)"]}
  - {id: person-x, name: Nobody Speaks, notes: no claims}
claims:
  - id: c1
    statement: "A statement: with a colon"
    school: realist
    proponents: [weathersby]
    period: 1950-06/1950-08
    stance: qualifies
    locator: Gottwald Letter, fn 118
    evidence:
      - {document: d1, polarity: backs, locator: fn 1, quote: "a quote", quote_by: weathersby, note: n}
      - {document: d1, polarity: undermines, locator: fn 2}
    supplied: [period]
  - id: c2
    statement: Another
    stance: rejects
    contradicts: [c1]
"#;

#[test]
fn every_field_and_a_document_that_backs_and_undermines_come_back() {
    let corpus = from_yaml(&[("every.yaml", EVERY_FIELD)]).unwrap();
    round_trip(&corpus).unwrap();
    let back = AifImport::from_json("m", &to_aif(&corpus))
        .unwrap()
        .corpus()
        .unwrap();
    let c1 = back.claim("c1").unwrap();
    assert_eq!(c1.stance, Some(Stance::Qualifies));
    assert_eq!(c1.evidence.len(), 2);
    // Historian ids come back as they were, with no `person-` prefix added or doubled.
    let ids: Vec<&str> = back.historians.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["person-x", "weathersby"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_corpora_come_back_from_their_aif(
        corpus in arb_corpus(),
        stances in prop::collection::vec(0usize..5, 14),
        lonely in any::<bool>(),
    ) {
        let mut corpus = corpus;
        for (claim, &s) in corpus.claims.iter_mut().zip(&stances) {
            claim.stance = Stance::ALL.get(s).copied();
            claim.school = (s == 1).then(|| "orthodox".into());
            claim.locator = (s == 2).then(|| "fn 3".into());
        }
        if lonely {
            let mut h = corpus.historians[0].clone();
            h.id = "person-lonely".into();
            h.name = "No Claims".into();
            corpus.historians.push(h);
        }
        prop_assume!(corpus.validate().is_ok());
        round_trip(&corpus)?;
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("historiograph-rt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn cli_export_then_import_lists_the_same_records() {
    let dir = scratch("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let cli = || Command::cargo_bin("historiograph").unwrap();
    let aif = cli().args(["export", "--format", "aif"]).output().unwrap();
    assert!(aif.status.success());
    let file = dir.join("bundled.json");
    std::fs::write(&file, &aif.stdout).unwrap();
    let out = dir.join("corpus");
    cli()
        .args(["import", "aif"])
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    for list in ["claims", "documents", "historians", "works"] {
        let original = cli().args([list, "--json"]).output().unwrap().stdout;
        let back = (cli().args([list, "--json", "--corpus"]).arg(&out))
            .output()
            .unwrap()
            .stdout;
        assert!(
            original == back,
            "{list} --json differs after the round trip"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A small AIFdb map: two I-nodes, an RA between them, and one L-node spoken by two people.
fn small_map() -> Value {
    json!({
        "nodes": [
            {"nodeID": "1", "text": "Rain is coming", "type": "I"},
            {"nodeID": "2", "text": "Take an umbrella", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            {"nodeID": "4", "text": "Ann : Rain is coming", "type": "L"},
            {"nodeID": "5", "text": "Asserting", "type": "YA"}
        ],
        "edges": [
            {"edgeID": "e1", "fromID": "1", "toID": "3"},
            {"edgeID": "e2", "fromID": "3", "toID": "2"},
            {"edgeID": "e3", "fromID": "4", "toID": "5"},
            {"edgeID": "e4", "fromID": "5", "toID": "1"}
        ],
        "locutions": [
            {"nodeID": "4", "personID": "ann"},
            {"nodeID": "4", "personID": "bob"}
        ],
        "participants": [
            {"participantID": "ann", "firstname": "Ann", "surname": "A"},
            {"participantID": "bob", "firstname": "Bob", "surname": "B"},
            {"participantID": "cy", "firstname": "Cy", "surname": "C"}
        ]
    })
}

#[test]
fn ova3_wrapped_maps_import_and_other_wrappers_are_named() {
    let plain = AifImport::from_json("m", &small_map().to_string()).unwrap();
    let wrapped = json!({"AIF": small_map(), "text": {"txt": "…"}, "OVA": {"nodes": []}});
    let ova = AifImport::from_json("m", &wrapped.to_string()).unwrap();
    assert_eq!(ova.yaml, plain.yaml);
    assert_eq!(ova.summary, plain.summary);
    let other = json!({"map": small_map()}).to_string();
    let err = AifImport::from_json("m", &other).unwrap_err().to_string();
    assert_eq!(
        err,
        "not an AIF nodeset: expected `nodes` and `edges` at the top level or under `AIF` \
         (OVA3), found them under `map`, a wrapper this importer does not know: take the object \
         under `map` out into a file of its own and import that"
    );
    let err = AifImport::from_json("m", r#"{"text": 1}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("found the keys `text`"), "{err}");
}

#[test]
fn every_speaker_of_a_locution_is_a_proponent_and_the_silent_are_not_historians() {
    let imported = AifImport::from_json("m", &small_map().to_string()).unwrap();
    let corpus = imported.corpus().unwrap();
    let rain = corpus.claim("1").unwrap();
    assert_eq!(rain.proponents, ["person-ann", "person-bob"]);
    let ids: Vec<&str> = corpus.historians.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["person-ann", "person-bob"]);
    // The `Ann :` prefix names no one when two people speak the L-node: the participant
    // names stand.
    assert_eq!(&*corpus.historians[1].name, "Bob B");
    let p = imported.summary.participants;
    assert_eq!((p.total, p.mapped, p.aside), (3, 2, 1));
    let aside: Value = serde_json::from_str(imported.aside.as_deref().unwrap()).unwrap();
    assert_eq!(aside["participants"][0]["participantID"], "cy");
}

#[test]
fn a_refused_contradiction_is_counted_as_refused() {
    // 1 supports 2 (RA 3) and attacks it (CA 6): a claim cannot do both, so the CA is refused.
    let mut map = small_map();
    map["nodes"]
        .as_array_mut()
        .unwrap()
        .push(json!({"nodeID": "6", "text": "Default Conflict", "type": "CA"}));
    let edges = map["edges"].as_array_mut().unwrap();
    edges.push(json!({"edgeID": "e5", "fromID": "1", "toID": "6"}));
    edges.push(json!({"edgeID": "e6", "fromID": "6", "toID": "2"}));
    let imported = AifImport::from_json("m", &map.to_string()).unwrap();
    let s = &imported.summary;
    let ca = s.nodes["CA"];
    assert_eq!((ca.total, ca.mapped, ca.refused), (1, 0, 1), "{s}");
    assert_eq!(s.contradicts, 0);
    assert_eq!(s.edges.refused, 2, "{s}");
    for tally in s
        .nodes
        .values()
        .chain([&s.edges, &s.locutions, &s.participants])
    {
        assert!(tally.adds_up(), "{s}");
    }
    assert!(imported.yaml.contains("not mapped as contradicts from `1`"));
}

#[test]
fn a_neighbourhood_export_imports_as_a_valid_corpus() {
    let debate = Debate::new(Corpus::bundled());
    for historians in [false, true] {
        let options = ExportOptions {
            around: vec!["acheson-green-light".into()],
            depth: 1,
            historians,
        };
        let aif = export(&debate, Format::Aif, &options).unwrap();
        let imported = AifImport::from_json("around", &aif).unwrap();
        let corpus = imported
            .corpus()
            .unwrap_or_else(|e| panic!("{e}: {:#?}", e.diagnostics));
        // The claim comes back whole, with the evidence whose documents are in the export; a
        // `cited_as` naming a document outside it is left out.
        let original = debate.corpus().claim("acheson-green-light").unwrap();
        let back = corpus.claim("acheson-green-light").unwrap();
        let mut expected = original.evidence.clone();
        for e in &mut expected {
            if e.cited_as
                .as_deref()
                .is_some_and(|d| corpus.document(d).is_none())
            {
                e.cited_as = None;
            }
        }
        assert!(
            expected != original.evidence,
            "the test needs a cited_as outside"
        );
        assert_eq!(back.evidence, expected);
        assert_eq!(back.stance, original.stance);
        assert!(corpus.claims.len() < debate.corpus().claims.len());
    }
}

#[test]
fn a_mark_that_is_no_record_is_refused_with_the_reason() {
    let corpus = from_yaml(&[("every.yaml", EVERY_FIELD)]).unwrap();
    let mut map: Value = serde_json::from_str(&to_aif(&corpus)).unwrap();
    let node = map["nodes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|n| n["historiograph"].get("claim").is_some())
        .unwrap();
    node["historiograph"]["claim"]["stance"] = json!("maybe");
    let err = AifImport::from_json("m", &map.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("not an AIF nodeset: the historiograph marks do not hold valid records: "),
        "{err}"
    );
    assert!(err.contains("maybe"), "{err}");
    map["nodes"][0]["historiograph"] = json!({"something": 1});
    let err = AifImport::from_json("m", &map.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("to hold `claim`, `document`, `work` or `derived`"),
        "{err}"
    );
}
