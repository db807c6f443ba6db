//! The JSON shape of answers is stable: pinned with insta.

use crate::support::debate;

#[test]
fn claim_and_document_objects() {
    let d = debate("debate");
    insta::assert_json_snapshot!("rests_only_on", d.rests_only_on("memoir").unwrap());
    insta::assert_json_snapshot!("evidence", d.evidence("orthodox-plan").unwrap());
    insta::assert_json_snapshot!("discredit", d.discredit(&["record", "speech"]).unwrap());
    insta::assert_json_snapshot!("contested", d.contested());
    insta::assert_json_snapshot!("conflicts", d.conflicts());
}

#[test]
fn required_keys_are_present() {
    let d = debate("debate");
    let v = serde_json::to_value(d.evidence("two-sources").unwrap()).unwrap();
    for key in ["id", "statement", "school", "proponents"] {
        assert!(v["claim"].get(key).is_some(), "claim lacks {key}");
    }
    let doc = &v["routes"][0]["document"];
    for key in ["id", "title", "date", "kind", "audience"] {
        assert!(doc.get(key).is_some(), "document lacks {key}");
    }
    assert_eq!(doc["date"], "1950-03-30/1950-04-25");
}
