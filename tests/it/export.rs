//! Export: neighbourhoods, DOT, Mermaid, JSON, GraphML, Argdown and AIF.

use std::collections::{BTreeMap, BTreeSet};

use historiograph::{
    export, neighbourhood, to_mermaid, AifImport, Corpus, Debate, ExportOptions, Format,
    QueryError, Subgraph,
};

use crate::support::{debate, from_yaml, shared_data};

fn around(ids: &[&str], depth: usize, historians: bool) -> ExportOptions {
    ExportOptions {
        around: ids.iter().map(|s| s.to_string()).collect(),
        depth,
        historians,
    }
}

#[test]
fn neighbourhood_grows_with_depth_in_both_directions() {
    let d = debate("debate");
    let ids = |depth| neighbourhood(&d, &["letter"], depth).unwrap().ids(&d);
    assert_eq!(ids(0), ["letter"]);
    assert_eq!(ids(1), ["letter", "only-letter"]);
    // circle-b contradicts only-letter: reached against the edge's direction.
    assert_eq!(ids(2), ["circle-b", "letter", "only-letter"]);
    assert_eq!(ids(3), ["circle-a", "circle-b", "letter", "only-letter"]);
}

#[test]
fn historians_are_added_only_when_asked_for_or_named() {
    let d = debate("debate");
    let without = Subgraph::around(&d, &["left"], 1, false).unwrap();
    assert_eq!(without.ids(&d), ["left", "telegram", "top"]);
    let with = Subgraph::around(&d, &["left"], 1, true).unwrap();
    assert_eq!(with.ids(&d), ["alpha", "left", "telegram", "top"]);
    // A historian named as the centre reaches the claims it advances.
    let named = Subgraph::around(&d, &["beta"], 1, false).unwrap();
    assert_eq!(
        named.ids(&d),
        ["beta", "circle-a", "circle-b", "only-letter"]
    );
    assert_eq!(Subgraph::whole(&d, false).len(), 14);
    assert_eq!(Subgraph::whole(&d, true).len(), 17);
}

#[test]
fn unknown_centre_is_an_error_with_a_suggestion() {
    let d = debate("debate");
    let err = export(&d, Format::Dot, &around(&["leter"], 1, false)).unwrap_err();
    assert_eq!(
        err,
        QueryError::UnknownId {
            id: "leter".into(),
            expected: "document, claim or historian",
            suggestion: Some("letter".into()),
        }
    );
}

#[test]
fn dot_of_the_test_debate() {
    let d = debate("debate");
    let dot = export(&d, Format::Dot, &ExportOptions::default()).unwrap();
    insta::assert_snapshot!(dot);
}

#[test]
fn mermaid_of_a_neighbourhood_with_historians() {
    let d = debate("debate");
    let mermaid = export(&d, Format::Mermaid, &around(&["top"], 1, true)).unwrap();
    insta::assert_snapshot!(mermaid);
    let sub = Subgraph::around(&d, &["top"], 1, true).unwrap();
    assert_eq!(to_mermaid(&d, &sub), mermaid);
}

#[test]
fn json_of_a_neighbourhood() {
    let d = debate("debate");
    let json = export(&d, Format::Json, &around(&["orthodox-plan"], 1, false)).unwrap();
    insta::assert_snapshot!(json);
}

#[test]
fn every_format_is_deterministic_and_keeps_every_edge() {
    let d = Debate::new(Corpus::bundled());
    let options = ExportOptions {
        historians: true,
        ..ExportOptions::default()
    };
    for format in Format::ALL {
        let first = export(&d, format, &options).unwrap();
        let again = export(&Debate::new(Corpus::bundled()), format, &options).unwrap();
        assert_eq!(first, again, "{format:?}");
    }
    // The JSON export has one edge per distinct (from, to, relation) of the graph.
    let json: serde_json::Value =
        serde_json::from_str(&export(&d, Format::Json, &options).unwrap()).unwrap();
    let distinct: BTreeSet<_> = d
        .graph()
        .edge_indices()
        .map(|e| {
            let (a, b) = d.graph().edge_endpoints(e).unwrap();
            (a, b, d.graph()[e])
        })
        .collect();
    assert_eq!(json["edges"].as_array().unwrap().len(), distinct.len());
    assert_eq!(
        json["nodes"].as_array().unwrap().len(),
        d.graph().node_count()
    );
}

/// A corpus whose texts are full of characters that DOT, Mermaid, XML and Argdown read as syntax.
fn awkward() -> Debate {
    let corpus = from_yaml(&[(
        "a.yaml",
        r#"
documents:
  - id: doc-1
    title: 'The "secret" <memo> & its #1 [copy] \ path/to_file'
    date: 1950
    kind: memorandum
    author: A
    citation: 'C'
    audience: internal
historians:
  - {id: h, name: "O'Brien \"Jr\""}
claims:
  - id: claim-a
    statement: "Line one\nline two: \"quoted\" end --> x; subgraph end @[x] *bold* {data} 10:30:00 U.S."
    proponents: [h]
    school: orthodox
    evidence: [{document: doc-1, polarity: backs, locator: l}]
  - id: claim-b
    statement: "B -- contradicts -> A"
    proponents: [h]
    contradicts: [claim-a]
"#,
    )])
    .unwrap();
    Debate::new(corpus)
}

/// The quoted strings of a DOT line are closed: every `"` not escaped by `\` pairs up.
fn dot_quotes_balance(line: &str) -> bool {
    let mut open = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if open => {
                chars.next();
            }
            '"' => open = !open,
            _ => {}
        }
    }
    !open
}

#[test]
fn dot_escapes_quotes_backslashes_and_line_breaks() {
    let d = awkward();
    let dot = export(&d, Format::Dot, &around(&["claim-a"], 1, true)).unwrap();
    for line in dot.lines() {
        assert!(dot_quotes_balance(line), "unbalanced quotes: {line}");
    }
    assert!(
        dot.contains(r#"\"secret\" <memo> & its #1 [copy] \\ path/to_f…"#),
        "{dot}"
    );
    assert!(
        dot.contains(r#"Line one line two: \"quoted\" end"#),
        "line breaks fold"
    );
    assert!(dot.contains(r#""claim-b" -> "claim-a" [color=red, style=bold, arrowhead=tee"#));
    assert!(dot.contains(r#""doc-1" -> "claim-a" [color=darkgreen, style=solid"#));
    assert!(dot.contains(r#""claim-a" -> "h" [color=gray40, style=dotted"#));
    assert!(dot.contains("subgraph \"cluster_school-orthodox\""));
}

#[test]
fn mermaid_uses_generated_ids_and_entity_codes() {
    let d = awkward();
    let mermaid = export(&d, Format::Mermaid, &around(&["claim-a"], 1, true)).unwrap();
    for line in mermaid.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix('n').filter(|_| line.contains("[")) {
            // A node line: `nK<open>"label"<close>:::class`, the label free of raw quotes.
            let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
            assert!(!id.is_empty(), "{line}");
            let label = line.split('"').nth(1).unwrap();
            assert_eq!(line.matches('"').count(), 2, "{line}");
            assert!(
                !label.contains(['<', '>', '#']) || label.contains("<br/>"),
                "{line}"
            );
        }
    }
    assert!(mermaid.contains("#quot;secret#quot; #lt;memo#gt; #amp; its #35;1"));
    assert!(mermaid.contains("--x"), "contradicts has a cross head");
    assert!(
        !mermaid.contains("claim-b -->"),
        "corpus ids are never Mermaid ids"
    );
}

/// An XML element's name and attributes.
type Element = (String, BTreeMap<String, String>);

/// A minimal XML well-formedness check: one root, balanced tags, quoted attributes, known
/// entities, no raw `<` or `&` in text. Returns the element names with their attributes.
fn check_xml(xml: &str) -> Result<Vec<Element>, String> {
    fn entity_ok(rest: &str) -> bool {
        let end = match rest.find(';') {
            Some(e) => e,
            None => return false,
        };
        let name = &rest[1..end];
        matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
            || name
                .strip_prefix('#')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    }
    let mut stack: Vec<String> = Vec::new();
    let mut elements = Vec::new();
    let mut roots = 0;
    let mut rest = xml;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<?") {
            let end = after.find("?>").ok_or("unclosed <?")?;
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or("unclosed end tag")?;
            let name = after[..end].trim();
            if stack.pop().as_deref() != Some(name) {
                return Err(format!("mismatched </{name}>"));
            }
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').ok_or("unclosed tag")?;
            let mut tag = &after[..end];
            let empty = tag.ends_with('/');
            if empty {
                tag = &tag[..tag.len() - 1];
            }
            let name: String = tag.chars().take_while(|c| !c.is_whitespace()).collect();
            if name.is_empty() {
                return Err("empty tag name".into());
            }
            let mut attrs = BTreeMap::new();
            let mut a = tag[name.len()..].trim_start();
            while !a.is_empty() {
                let eq = a
                    .find("=\"")
                    .ok_or(format!("unquoted attribute in <{name}>"))?;
                let key = a[..eq].trim().to_string();
                let close = a[eq + 2..].find('"').ok_or("unclosed attribute")?;
                let value = &a[eq + 2..eq + 2 + close];
                if value.contains('<') {
                    return Err(format!("raw < in attribute {key}"));
                }
                for (i, _) in value.match_indices('&') {
                    if !entity_ok(&value[i..]) {
                        return Err(format!("bad entity in attribute {key}"));
                    }
                }
                if attrs.insert(key.clone(), value.to_string()).is_some() {
                    return Err(format!("attribute {key} twice"));
                }
                a = a[eq + 2 + close + 1..].trim_start();
            }
            if stack.is_empty() {
                roots += 1;
            }
            elements.push((name.clone(), attrs));
            if !empty {
                stack.push(name);
            }
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            if stack.is_empty() && !text.trim().is_empty() {
                return Err("text outside the root".into());
            }
            for (i, _) in text.match_indices('&') {
                if !entity_ok(&text[i..]) {
                    return Err("bad entity in text".into());
                }
            }
            rest = &rest[end..];
        }
    }
    match (stack.is_empty(), roots) {
        (true, 1) => Ok(elements),
        (false, _) => Err(format!("unclosed elements: {stack:?}")),
        _ => Err(format!("{roots} root elements")),
    }
}

#[test]
fn xml_checker_rejects_what_it_should() {
    assert!(check_xml("<a><b></a>").is_err());
    assert!(check_xml("<a x=1/>").is_err());
    assert!(check_xml("<a>&nope;</a>").is_err());
    assert!(check_xml("<a>fish & chips</a>").is_err());
    assert!(check_xml("<a/><b/>").is_err());
    assert!(check_xml("<a x=\"1\">&amp;&#39;</a>").is_ok());
}

#[test]
fn graphml_is_well_formed_and_declares_its_keys() {
    for d in [awkward(), Debate::new(Corpus::bundled())] {
        let options = ExportOptions {
            historians: true,
            ..ExportOptions::default()
        };
        let xml = export(&d, Format::Graphml, &options).unwrap();
        let elements = check_xml(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        let declared: BTreeMap<&str, &str> = elements
            .iter()
            .filter(|(n, _)| n == "key")
            .map(|(_, a)| {
                assert_eq!(a["attr.type"], "string");
                (a["id"].as_str(), a["for"].as_str())
            })
            .collect();
        let nodes: BTreeSet<&str> = elements
            .iter()
            .filter(|(n, _)| n == "node")
            .map(|(_, a)| a["id"].as_str())
            .collect();
        assert_eq!(nodes.len(), d.graph().node_count());
        let mut owner = "";
        for (name, attrs) in &elements {
            match name.as_str() {
                "node" | "edge" => owner = if name == "node" { "node" } else { "edge" },
                "data" => assert_eq!(declared[attrs["key"].as_str()], owner, "{attrs:?}"),
                _ => {}
            }
            if name == "edge" {
                assert!(nodes.contains(attrs["source"].as_str()));
                assert!(nodes.contains(attrs["target"].as_str()));
            }
        }
    }
}

/// The kinds of line our Argdown export writes, recognised by hand.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
enum ArgdownLine {
    FrontMatterFence,
    Heading,
    Blank,
    /// `[title]: text`, possibly with a `#(tag)`.
    Statement,
    /// `  +> [title]` or `  -> [title]`.
    OutgoingRelation,
}

/// The title of `[title]` at the start of `text`, and the rest.
fn bracketed(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('[')?;
    let end = inner.find(']')?;
    let title = &inner[..end];
    (!title.is_empty() && !title.contains('[')).then(|| (title, &inner[end + 1..]))
}

fn classify_argdown(line: &str) -> Option<ArgdownLine> {
    if line == "===" {
        return Some(ArgdownLine::FrontMatterFence);
    }
    if line.trim().is_empty() {
        return Some(ArgdownLine::Blank);
    }
    if line.starts_with("# ") {
        return Some(ArgdownLine::Heading);
    }
    if let Some((_, rest)) = bracketed(line) {
        return rest.starts_with(": ").then_some(ArgdownLine::Statement);
    }
    let relation = line
        .trim_start()
        .strip_prefix("+> ")
        .or_else(|| line.trim_start().strip_prefix("-> "))?;
    let indented = line.starts_with("  ");
    bracketed(relation.trim_end())
        .filter(|(_, rest)| rest.trim_start().is_empty() || rest.trim_start().starts_with("//"))
        .filter(|_| indented)
        .map(|_| ArgdownLine::OutgoingRelation)
}

/// Checks our Argdown subset; returns the kinds of line found.
fn validate_argdown(text: &str) -> Result<BTreeSet<ArgdownLine>, String> {
    let mut kinds = BTreeSet::new();
    let mut defined = BTreeSet::new();
    let mut referenced = BTreeSet::new();
    let mut in_front_matter = false;
    let mut last_statement = false;
    for (i, line) in text.lines().enumerate() {
        if in_front_matter && line != "===" {
            continue;
        }
        let kind = classify_argdown(line).ok_or(format!("line {}: {line}", i + 1))?;
        match kind {
            ArgdownLine::FrontMatterFence => in_front_matter = !in_front_matter,
            ArgdownLine::Statement => {
                let (title, rest) = bracketed(line).unwrap();
                if !defined.insert(title.to_string()) {
                    return Err(format!("line {}: [{title}] defined twice", i + 1));
                }
                // Text is escaped: no unescaped `[`, `<`, `*`, `_` or `//`.
                let body = &rest[2..];
                let mut chars = body.chars().peekable();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '[' | ']' | '<' | '>' | '*' | '_' | '@' | '{' | '}' | '/' => {
                            return Err(format!("line {}: unescaped `{c}` in {body}", i + 1))
                        }
                        '#' if chars.peek() == Some(&'(') => break,
                        '#' => return Err(format!("line {}: stray # in {body}", i + 1)),
                        _ => {}
                    }
                }
            }
            ArgdownLine::OutgoingRelation => {
                if !last_statement {
                    return Err(format!("line {}: a relation outside a statement", i + 1));
                }
                let (title, _) = bracketed(line.trim_start()[3..].trim_end()).unwrap();
                referenced.insert(title.to_string());
            }
            _ => {}
        }
        last_statement = matches!(kind, ArgdownLine::Statement | ArgdownLine::OutgoingRelation);
        kinds.insert(kind);
    }
    match referenced.difference(&defined).next() {
        Some(t) => Err(format!("[{t}] is referenced but never defined")),
        None => Ok(kinds),
    }
}

#[test]
fn argdown_follows_the_conventions_of_the_sample_files() {
    let Some(dir) = shared_data("argdown") else {
        return;
    };
    // Every kind of line we write occurs in the Argdown project's own examples.
    let mut in_samples = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "argdown") {
            let text = std::fs::read_to_string(&path).unwrap();
            in_samples.extend(text.lines().filter_map(classify_argdown));
        }
    }
    for d in [awkward(), Debate::new(Corpus::bundled())] {
        let argdown = export(&d, Format::Argdown, &ExportOptions::default()).unwrap();
        let kinds = validate_argdown(&argdown).unwrap_or_else(|e| panic!("{e}\n{argdown}"));
        let missing: Vec<_> = kinds.difference(&in_samples).collect();
        assert!(missing.is_empty(), "not in the samples: {missing:?}");
    }
}

#[test]
fn argdown_escapes_what_argdown_reads_as_syntax() {
    let argdown = export(&awkward(), Format::Argdown, &ExportOptions::default()).unwrap();
    assert!(argdown.contains("[claim-b]: B -- contradicts -\\> A #(no-school)\n  -> [claim-a]\n"));
    assert!(argdown.contains("[doc-1]: The \"secret\" \\<memo\\> & its \\#1 \\[copy\\] \\\\ path\\/to\\_file #(documents)\n  +> [claim-a]\n"), "{argdown}");
    assert!(argdown.contains("10\\:30\\:00 U\\.S."));
    validate_argdown(&argdown).unwrap();
}

#[test]
fn argdown_validator_rejects_what_it_should() {
    assert!(validate_argdown("[a]: x\n  +> [b]\n").is_err(), "undefined");
    assert!(
        validate_argdown("[a]: x [y]\n").is_err(),
        "unescaped bracket"
    );
    assert!(
        validate_argdown("+> [a]\n[a]: x\n").is_err(),
        "relation outside"
    );
    assert!(
        validate_argdown("[a]: x\n[a]: y\n").is_err(),
        "defined twice"
    );
    assert!(validate_argdown("[a]: x #(t)\n  -> [a]\n").is_ok());
}

#[test]
fn aif_export_of_the_bundled_corpus_imports_back_to_the_same_graph() {
    let d = Debate::new(Corpus::bundled());
    let corpus = d.corpus();
    let aif = export(&d, Format::Aif, &ExportOptions::default()).unwrap();
    let back = AifImport::from_json("bundled", &aif).unwrap();
    let imported = back
        .corpus()
        .unwrap_or_else(|e| panic!("{e}: {:?}", e.diagnostics));
    assert_eq!(back.aside, None, "the export's own nodes all map");
    assert_eq!(
        imported.claims.len(),
        corpus.claims.len() + corpus.documents.len()
    );
    let by_id: BTreeMap<&str, &historiograph::Claim> =
        imported.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let names = |c: &historiograph::Claim, from: &Corpus| -> BTreeSet<Box<str>> {
        c.proponents
            .iter()
            .map(|p| from.historian(p).unwrap().name.clone())
            .collect()
    };
    let set = |v: &[historiograph::Id]| v.iter().cloned().collect::<BTreeSet<_>>();
    for claim in &corpus.claims {
        let again = by_id[claim.id.as_str()];
        assert_eq!(again.statement, claim.statement);
        assert_eq!(set(&again.supports), set(&claim.supports), "{}", claim.id);
        assert_eq!(
            set(&again.contradicts),
            set(&claim.contradicts),
            "{}",
            claim.id
        );
        assert_eq!(
            names(again, &imported),
            names(claim, corpus),
            "{}",
            claim.id
        );
    }
    // Documents have no AIF equivalent: they come back as claims, their backs as supports and
    // their undermines as contradicts (unless the document also backs that claim).
    for doc in &corpus.documents {
        let again = by_id[doc.id.as_str()];
        assert_eq!(again.statement, doc.title);
        let mut backs = BTreeSet::new();
        let mut undermines = BTreeSet::new();
        for claim in &corpus.claims {
            for e in claim.evidence.iter().filter(|e| e.document == doc.id) {
                match e.polarity {
                    historiograph::Polarity::Backs => backs.insert(claim.id.clone()),
                    historiograph::Polarity::Undermines => undermines.insert(claim.id.clone()),
                };
            }
        }
        let undermines: BTreeSet<_> = undermines.difference(&backs).cloned().collect();
        assert_eq!(set(&again.supports), backs, "{}", doc.id);
        assert_eq!(set(&again.contradicts), undermines, "{}", doc.id);
    }
}

#[test]
fn aif_export_names_every_node_it_links() {
    let d = awkward();
    let aif: serde_json::Value =
        serde_json::from_str(&export(&d, Format::Aif, &ExportOptions::default()).unwrap()).unwrap();
    let ids: BTreeSet<&str> = aif["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["nodeID"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids.len(),
        aif["nodes"].as_array().unwrap().len(),
        "unique ids"
    );
    for e in aif["edges"].as_array().unwrap() {
        assert!(ids.contains(e["fromID"].as_str().unwrap()));
        assert!(ids.contains(e["toID"].as_str().unwrap()));
    }
    assert_eq!(aif["participants"][0]["surname"], "\"Jr\"");
    assert_eq!(aif["participants"][0]["firstname"], "O'Brien");
}
