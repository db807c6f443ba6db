//! Exporting a picture: the neighbourhood of the Gottwald letter as Graphviz DOT and Mermaid.
//!
//! Run with `cargo run --example export_picture`, then, with Graphviz installed,
//! `cargo run -q --example export_picture -- --dot | dot -Tsvg > gottwald.svg`.

use historiograph::{export, neighbourhood, to_mermaid, Corpus, Debate, ExportOptions, Format};

fn main() -> Result<(), historiograph::QueryError> {
    let debate = Debate::new(Corpus::bundled());
    let letter = "stalin-gottwald-1950-08-27";

    // Two hops around the letter: the claims it backs, and what they support or contradict.
    let options = ExportOptions {
        around: vec![letter.to_string()],
        depth: 2,
        historians: false,
    };
    let dot = export(&debate, Format::Dot, &options)?;
    if std::env::args().any(|a| a == "--dot") {
        print!("{dot}");
        return Ok(());
    }

    let involved = neighbourhood(&debate, &[letter], 1)?;
    println!("{} nodes within one hop of the letter:", involved.len());
    for id in involved.ids(&debate) {
        println!("  {id}");
    }
    println!(
        "\nAs Mermaid, for a Markdown page:\n\n```mermaid\n{}```",
        to_mermaid(&debate, &involved)
    );
    println!(
        "\nAs Graphviz DOT: {} lines (run with --dot to print them)",
        dot.lines().count()
    );
    Ok(())
}
