//! Formal argumentation over the debate: which claims stand under grounded and preferred
//! semantics, and what changes when a document is discredited.
//!
//! Run with `cargo run --example acceptability`.

use historiograph::{Corpus, Debate, QueryError, Semantics};

fn main() -> Result<(), QueryError> {
    let debate = Debate::new(Corpus::bundled());
    let none: [&str; 0] = [];
    for semantics in [Semantics::Grounded, Semantics::Preferred] {
        let accepted = debate.acceptability(semantics, &none)?;
        let mut counts = std::collections::BTreeMap::new();
        for claim in &accepted.claims {
            *counts
                .entry(format!("{:?}", claim.status).to_lowercase())
                .or_insert(0) += 1;
        }
        println!("{semantics:?}: {counts:?}");
    }
    for document in ["stalin-gottwald-1950-08-27", "khrushchev-memoir"] {
        let changes = debate.acceptance_changes(Semantics::Grounded, &[document])?;
        println!(
            "\nsetting aside {document}: {} claims change status",
            changes.len()
        );
        for change in &changes {
            println!(
                "  {}",
                serde_json::to_string(change).expect("answers serialize to JSON")
            );
        }
    }
    Ok(())
}
