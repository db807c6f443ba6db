//! Building a small corpus in code, validating it, and asking questions of it.
//!
//! Run with `cargo run --example build_in_code`.

use historiograph::{
    Audience, Claim, Corpus, DateSpec, Debate, Document, DocumentKind, Evidence, Historian,
    Polarity, School,
};

fn document(id: &str, title: &str, date: &str, audience: Audience) -> Document {
    Document {
        id: id.into(),
        title: title.into(),
        date: DateSpec::parse(date).expect("a well-formed date"),
        kind: DocumentKind::Telegram,
        author: "Terentii Shtykov".into(),
        recipient: Some("Andrei Vyshinsky".into()),
        citation: "AVPRF, fond 059a, opis 5a, delo 3, papka 11".into(),
        audience,
        known_through: None,
        reliability: None,
        listed: true,
        supplied: Vec::new(),
        notes: None,
        origin: None,
    }
}

fn claim(id: &str, statement: &str, backed_by: &[&str], supports: &[&str]) -> Claim {
    Claim {
        id: id.into(),
        statement: statement.into(),
        school: Some("cautious-expansionism".into()),
        proponents: vec!["me".into()],
        period: DateSpec::parse("1949/1950").ok(),
        stance: None,
        locator: None,
        evidence: backed_by
            .iter()
            .map(|d| Evidence {
                document: (*d).into(),
                polarity: Polarity::Backs,
                locator: "my notes".into(),
                quote: None,
                quote_by: None,
                cited_as: None,
                note: None,
            })
            .collect(),
        supports: supports.iter().map(|&s| s.into()).collect(),
        ..Default::default()
    }
}

fn main() {
    let corpus = Corpus {
        schools: School::built_in(),
        documents: vec![
            document(
                "luncheon",
                "Luncheon at the DPRK foreign ministry",
                "1950-01-19",
                Audience::Internal,
            ),
            document(
                "border",
                "Report on clashes at the 38th parallel",
                "1949-05-02",
                Audience::Internal,
            ),
        ],
        works: Vec::new(),
        historians: vec![Historian {
            id: "me".into(),
            name: "A. Researcher".into(),
            schools: vec!["cautious-expansionism".into()],
            works: Vec::new(),
            supplied: Vec::new(),
            notes: None,
            origin: None,
        }],
        claims: vec![
            claim(
                "kim-pressed",
                "Kim pressed Stalin through the embassy.",
                &["luncheon"],
                &["shift"],
            ),
            claim(
                "clashes-reported",
                "Border clashes were reported to Moscow.",
                &["border"],
                &["shift"],
            ),
            claim("shift", "Stalin's policy shifted in 1949-50.", &[], &[]),
        ],
    };
    // A corpus built in code is checked the same way a loaded one is.
    let debate = match Debate::try_new(corpus) {
        Ok(debate) => debate,
        Err(e) => {
            for d in &e.diagnostics {
                eprintln!("{d}");
            }
            std::process::exit(1);
        }
    };
    let base = debate.evidence("shift").expect("the claim exists");
    println!("evidence base of `shift`:");
    for route in &base.routes {
        println!("  {}", route.path.join(" → "));
    }
    let luncheon = debate
        .rests_only_on("luncheon")
        .expect("the document exists");
    let ids: Vec<_> = luncheon.iter().map(|c| c.id.as_str()).collect();
    println!("resting only on the luncheon telegram: {ids:?}");

    // A mistake is caught before any question is asked.
    let mut broken = debate.corpus().clone();
    broken.claims[0].supports.push("shfit".into());
    let error = Debate::try_new(broken).unwrap_err();
    println!("a typo is reported: {}", error.diagnostics[0].message);
}
