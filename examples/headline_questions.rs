//! The questions the bundled corpus was built to answer, asked through the library.
//!
//! Run with `cargo run --example headline_questions`.

use historiograph::{Corpus, Debate, QueryError};

fn main() -> Result<(), QueryError> {
    let debate = Debate::new(Corpus::bundled());
    let corpus = debate.corpus();
    println!(
        "Shuster (2019): {} documents, {} historians, {} claims\n",
        corpus.documents.len(),
        corpus.historians.len(),
        corpus.claims.len()
    );

    println!("Which claims rest only on Stalin's letter to Gottwald (27 August 1950)?");
    for claim in debate.rests_only_on("stalin-gottwald-1950-08-27")? {
        println!("  {}  [{}]", claim.id, claim.proponents.join(", "));
    }

    println!("\nWhat falls if Khrushchev's memoir is set aside?");
    let fallen = debate.discredit(&["khrushchev-memoir"])?;
    for f in &fallen.fallen {
        println!("  {}: {}", f.claim.id, f.claim.statement);
    }

    println!("\nWhich documents undercut the reading of Acheson's speech as a green light?");
    for doc in debate.evidence("acheson-green-light")?.undermined_by {
        println!(
            "  {} ({}, written for: {})",
            doc.title, doc.date, doc.audience
        );
    }

    println!("\nWhich documents back the claim that Stalin deferred to Shtykov and the SCA?");
    for route in debate
        .evidence("shift-stalin-deferred-to-shtykov-sca")?
        .routes
    {
        println!("  {} via {}", route.document.id, route.path.join(" → "));
    }

    let contested = debate.contested();
    println!(
        "\n{} claims are contested; the most disputed:",
        contested.len()
    );
    let most = contested.iter().max_by_key(|c| {
        (
            c.against.claims.len() + c.against.documents.len(),
            std::cmp::Reverse(&c.claim.id),
        )
    });
    if let Some(c) = most {
        println!(
            "  {} — against it: {} claims by {}",
            c.claim.id,
            c.against.claims.len(),
            c.against.historians.join(", ")
        );
    }
    Ok(())
}
