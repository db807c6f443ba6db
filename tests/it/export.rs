//! Export: neighbourhoods, DOT, Mermaid, JSON, GraphML, Argdown and AIF.

use std::collections::{BTreeMap, BTreeSet};

use historiograph::{
    export, neighbourhood, to_mermaid, AifImport, Corpus, Debate, ExportOptions, Format,
    QueryError, Subgraph, UndercutTarget,
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
            expected: "document, claim, historian, work or school",
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
                let types = ["boolean", "int", "long", "float", "double", "string"];
                assert!(types.contains(&a["attr.type"].as_str()), "{a:?}");
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
    /// `<title>: text`, possibly with a `#(tag)`.
    Argument,
    /// `  +> [title]` or `  -> [title]`.
    OutgoingRelation,
    /// `  +> <title>` or `  -> <title>`: a relation to an argument.
    OutgoingArgumentRelation,
    /// An undercut of an argument, either way round: we write `  _> <title>` under the
    /// undercutter; the samples write its mirror, `<_ <title>`, under the undercut argument.
    Undercut,
    /// `(n) [title]`: a premise or conclusion of a premise-conclusion structure, by reference.
    PcsReference,
    /// `----`: the inference bar of a premise-conclusion structure.
    InferenceBar,
}

/// The title of `[title]` at the start of `text`, and the rest.
fn bracketed(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('[')?;
    let end = inner.find(']')?;
    let title = &inner[..end];
    (!title.is_empty() && !title.contains('[')).then(|| (title, &inner[end + 1..]))
}

/// The title of `<title>` at the start of `text`, and the rest.
fn angled(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('<')?;
    let end = inner.find('>')?;
    let title = &inner[..end];
    (!title.is_empty() && !title.contains('<')).then(|| (title, &inner[end + 1..]))
}

/// Nothing, or only a comment.
fn nothing_more(rest: &str) -> bool {
    rest.trim_start().is_empty() || rest.trim_start().starts_with("//")
}

/// The number and title of a `(n) [title]` line.
fn pcs_reference(line: &str) -> Option<(usize, &str)> {
    let (number, rest) = line.strip_prefix('(')?.split_once(") ")?;
    let number = number.parse().ok()?;
    let (title, rest) = bracketed(rest)?;
    nothing_more(rest).then_some((number, title))
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
    if line.len() >= 2 && line.chars().all(|c| c == '-') {
        return Some(ArgdownLine::InferenceBar);
    }
    if let Some((_, rest)) = bracketed(line) {
        return rest.starts_with(": ").then_some(ArgdownLine::Statement);
    }
    if let Some((_, rest)) = angled(line) {
        return rest.starts_with(": ").then_some(ArgdownLine::Argument);
    }
    if pcs_reference(line).is_some() {
        return Some(ArgdownLine::PcsReference);
    }
    let indented = line.starts_with("  ");
    let trimmed = line.trim_start();
    if let Some(target) = trimmed
        .strip_prefix("_> ")
        .or_else(|| trimmed.strip_prefix("<_ "))
    {
        return angled(target)
            .filter(|_| indented)
            .map(|_| ArgdownLine::Undercut);
    }
    let relation = trimmed
        .strip_prefix("+> ")
        .or_else(|| trimmed.strip_prefix("-> "))?
        .trim_end();
    if !indented {
        return None;
    }
    if let Some((_, rest)) = bracketed(relation) {
        return nothing_more(rest).then_some(ArgdownLine::OutgoingRelation);
    }
    angled(relation)
        .filter(|(_, rest)| nothing_more(rest))
        .map(|_| ArgdownLine::OutgoingArgumentRelation)
}

/// The text after `[title]: ` or `<title>: ` is escaped: no unescaped `[`, `<`, `*`, `_` or
/// `//`, and `#` only in the final `#(tag)`.
fn check_escaped(body: &str, line: usize) -> Result<(), String> {
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' | ']' | '<' | '>' | '*' | '_' | '@' | '{' | '}' | '/' => {
                return Err(format!("line {line}: unescaped `{c}` in {body}"))
            }
            '#' if chars.peek() == Some(&'(') => break,
            '#' => return Err(format!("line {line}: stray # in {body}")),
            _ => {}
        }
    }
    Ok(())
}

/// Checks our Argdown subset; returns the kinds of line found.
///
/// Statements and arguments are defined once each and every reference is defined; relations
/// sit under a statement; a premise-conclusion structure follows an argument's definition and a
/// blank line, numbers its lines from 1, has at least one premise before its bar and ends with
/// one conclusion, then a blank line.
fn validate_argdown(text: &str) -> Result<BTreeSet<ArgdownLine>, String> {
    use ArgdownLine::*;
    let mut kinds = BTreeSet::new();
    let (mut statements, mut arguments) = (BTreeSet::new(), BTreeSet::new());
    let (mut referenced, mut referenced_arguments) = (BTreeSet::new(), BTreeSet::new());
    let mut in_front_matter = false;
    let mut previous = Blank;
    let mut last_definition = Statement;
    // In a premise-conclusion structure: the number the next line carries, and whether the bar
    // has been seen.
    let mut pcs: Option<(usize, bool)> = None;
    let mut concluded = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if in_front_matter && line != "===" {
            continue;
        }
        let kind = classify_argdown(line).ok_or(format!("line {n}: {line}"))?;
        if concluded && kind != Blank {
            return Err(format!("line {n}: no blank line after a conclusion"));
        }
        concluded = false;
        if pcs.is_some() && !matches!(kind, PcsReference | InferenceBar) {
            return Err(format!("line {n}: unfinished premise-conclusion structure"));
        }
        match kind {
            FrontMatterFence => in_front_matter = !in_front_matter,
            Statement | Argument => {
                let (title, rest) = if kind == Statement {
                    bracketed(line).unwrap()
                } else {
                    angled(line).unwrap()
                };
                let defined = if kind == Statement {
                    &mut statements
                } else {
                    &mut arguments
                };
                if !defined.insert(title.to_string()) {
                    return Err(format!("line {n}: {title} defined twice"));
                }
                check_escaped(&rest[2..], n)?;
                last_definition = kind;
            }
            OutgoingRelation | OutgoingArgumentRelation | Undercut => {
                if !matches!(
                    previous,
                    Statement | OutgoingRelation | OutgoingArgumentRelation | Undercut
                ) {
                    return Err(format!("line {n}: a relation outside a statement"));
                }
                let target = line.trim_start()[3..].trim_end();
                match kind {
                    OutgoingRelation => referenced.insert(bracketed(target).unwrap().0.to_string()),
                    _ => referenced_arguments.insert(angled(target).unwrap().0.to_string()),
                };
            }
            PcsReference => {
                let (number, title) = pcs_reference(line).unwrap();
                pcs = match pcs {
                    None if number == 1 && previous == Blank && last_definition == Argument => {
                        Some((2, false))
                    }
                    Some((expected, bar)) if number == expected => {
                        concluded = bar;
                        (!bar).then_some((expected + 1, false))
                    }
                    _ => return Err(format!("line {n}: ({number}) out of place")),
                };
                referenced.insert(title.to_string());
            }
            InferenceBar => match pcs {
                Some((expected, false)) if expected >= 2 => pcs = Some((expected, true)),
                _ => return Err(format!("line {n}: an inference bar out of place")),
            },
            Blank | Heading => {}
        }
        if kind == Heading {
            last_definition = Statement;
        }
        previous = kind;
        kinds.insert(kind);
    }
    if pcs.is_some() {
        return Err("unfinished premise-conclusion structure at the end".into());
    }
    if let Some(t) = referenced.difference(&statements).next() {
        return Err(format!("[{t}] is referenced but never defined"));
    }
    match referenced_arguments.difference(&arguments).next() {
        Some(t) => Err(format!("<{t}> is referenced but never defined")),
        None => Ok(kinds),
    }
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
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
    for d in [
        awkward(),
        debate("linked-arguments"),
        Debate::new(Corpus::bundled()),
    ] {
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
    assert!(
        validate_argdown("[a]: x\n  _> <b>\n").is_err(),
        "undefined argument"
    );
    let pcs = "[a]: x\n[b]: y\n\n<c>: z\n\n(1) [a]\n----\n(2) [b]\n";
    assert!(validate_argdown(pcs).is_ok());
    assert!(
        validate_argdown(&pcs.replace("<c>: z", "[c]: z")).is_err(),
        "a structure under a statement"
    );
    assert!(
        validate_argdown(&pcs.replace("(1) [a]\n", "")).is_err(),
        "a bar without premises"
    );
    assert!(
        validate_argdown(&pcs.replace("(2) [b]", "(3) [b]")).is_err(),
        "numbers out of order"
    );
    assert!(
        validate_argdown(&pcs.replace("(2) [b]\n", "")).is_err(),
        "no conclusion"
    );
    assert!(
        validate_argdown(&format!("{pcs}  +> [a]\n")).is_err(),
        "a relation under the conclusion"
    );
}

/// The premises of each linked argument of a claim, as sets, sorted.
fn premise_sets(claim: &historiograph::Claim) -> Vec<BTreeSet<historiograph::Id>> {
    let mut out: Vec<BTreeSet<historiograph::Id>> = claim
        .arguments
        .iter()
        .map(|a| a.premises.iter().cloned().collect())
        .collect();
    out.sort();
    out
}

/// The arguments a claim undercuts, and the documents and works it undercuts as a whole.
fn undercut_targets(
    claim: &historiograph::Claim,
) -> (BTreeSet<historiograph::Id>, BTreeSet<historiograph::Id>) {
    let (mut arguments, mut sources) = (BTreeSet::new(), BTreeSet::new());
    for u in &claim.undercuts {
        match &u.target {
            UndercutTarget::Argument(a) => arguments.insert(a.clone()),
            UndercutTarget::Document(d) | UndercutTarget::Work(d) => sources.insert(d.clone()),
            UndercutTarget::Evidence { .. } => false,
        };
    }
    (arguments, sources)
}

/// Exports a debate to AIF and imports it back, checking that the import maps every node.
fn aif_round_trip(d: &Debate, name: &str) -> (AifImport, Corpus) {
    let aif = export(d, Format::Aif, &ExportOptions::default()).unwrap();
    // Without the `historiograph` marks, as a tool that drops keys it does not know would save
    // the map: what the AIF structure alone carries (the marked round trip is in
    // aif_round_trip.rs).
    let mut map: serde_json::Value = serde_json::from_str(&aif).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(o) => {
                o.remove("historiograph");
                o.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut map);
    let back = AifImport::from_json(name, &map.to_string()).unwrap();
    let imported = back
        .corpus()
        .unwrap_or_else(|e| panic!("{e}: {:?}\n{}", e.diagnostics, back.yaml));
    // The export's own nodes all map; only historians with no claims, participants who never
    // speak, are kept aside.
    let aside: serde_json::Value =
        serde_json::from_str(back.aside.as_deref().unwrap_or("{}")).unwrap();
    for list in ["nodes", "edges", "locutions"] {
        assert!(aside[list].as_array().is_none_or(Vec::is_empty), "{aside}");
    }
    (back, imported)
}

#[test]
fn aif_export_of_the_bundled_corpus_imports_back_to_the_same_graph() {
    let d = Debate::new(Corpus::bundled());
    let corpus = d.corpus();
    let (_, imported) = aif_round_trip(&d, "bundled");
    assert_eq!(
        imported.claims.len(),
        corpus.claims.len() + corpus.documents.len() + corpus.works.len()
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
        // An undercut of a document or work as a whole is a CA node against its I-node: it
        // comes back as a contradiction of the claim the source became.
        let (undercut_arguments, undercut_sources) = undercut_targets(claim);
        let attacked: BTreeSet<_> = set(&claim.contradicts)
            .union(&undercut_sources)
            .cloned()
            .collect();
        assert_eq!(set(&again.contradicts), attacked, "{}", claim.id);
        assert_eq!(
            names(again, &imported),
            names(claim, corpus),
            "{}",
            claim.id
        );
        // A linked argument is one RA node: it comes back as one argument with its premises;
        // an undercut argument keeps its id, and its undercutters undercut it again.
        assert_eq!(premise_sets(again), premise_sets(claim), "{}", claim.id);
        let (again_arguments, again_sources) = undercut_targets(again);
        assert_eq!(again_arguments, undercut_arguments, "{}", claim.id);
        assert!(again_sources.is_empty());
        for id in &undercut_arguments {
            let owner = corpus
                .claims
                .iter()
                .find(|c| c.arguments.iter().any(|a| a.id.as_ref() == Some(id)))
                .unwrap();
            let again_owner = by_id[owner.id.as_str()];
            assert!(
                again_owner
                    .arguments
                    .iter()
                    .any(|a| a.id.as_ref() == Some(id)),
                "{id}"
            );
        }
        // An undercut evidence link is an RA node of one premise: its undercutter is a note.
        let links = claim
            .undercuts
            .iter()
            .filter(|u| matches!(u.target, UndercutTarget::Evidence { .. }))
            .count();
        let noted = again
            .notes
            .as_deref()
            .unwrap_or("")
            .matches("not mapped as an undercut")
            .count();
        assert_eq!(noted, links, "{}", claim.id);
    }
    // Documents and works have no AIF equivalent: they come back as claims, their backs and
    // cites as supports and their undermines as contradicts (unless the document also backs
    // that claim); as premises of linked arguments they come back as premises.
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
    for work in &corpus.works {
        let again = by_id[work.id.as_str()];
        assert_eq!(again.statement, work.title);
        let cited_by: BTreeSet<_> = corpus
            .claims
            .iter()
            .filter(|c| c.cites.iter().any(|cite| cite.work == work.id))
            .map(|c| c.id.clone())
            .collect();
        assert_eq!(set(&again.supports), cited_by, "{}", work.id);
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

/// The hand-made corpus of linked arguments and undercuts, with one more claim that undercuts
/// its linked argument (the corpus itself undercuts only a document and an evidence link).
fn linked_arguments() -> Debate {
    let dir = crate::support::corpus_dir("linked-arguments");
    let text = std::fs::read_to_string(dir.join("debate.yaml")).unwrap();
    let extra = r#"
claims:
  - id: tone-is-convention
    statement: Orders were the house style of every instruction, not a sign of deference.
    proponents: [beta]
    stance: qualifies
    locator: Section 1, fn 7
    undercuts:
      - {argument: deference-argument, locator: "Section 1, fn 7"}
"#;
    let corpus = from_yaml(&[("debate.yaml", &text), ("extra.yaml", extra)])
        .unwrap_or_else(|e| panic!("{e}: {:#?}", e.diagnostics));
    Debate::new(corpus)
}

/// The edges of an AIF nodeset as `(fromID, toID)`, and the type of each node.
fn aif_graph(aif: &serde_json::Value) -> (BTreeSet<(String, String)>, BTreeMap<String, String>) {
    let types = aif["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["nodeID"].as_str().unwrap().to_string(),
                n["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let edges = aif["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["fromID"].as_str().unwrap().to_string(),
                e["toID"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (edges, types)
}

#[test]
fn aif_export_writes_a_linked_argument_as_one_ra_node_and_undercuts_as_ca_nodes() {
    let d = linked_arguments();
    let aif: serde_json::Value =
        serde_json::from_str(&export(&d, Format::Aif, &ExportOptions::default()).unwrap()).unwrap();
    let (edges, types) = aif_graph(&aif);
    let into = |id: &str| -> BTreeSet<&str> {
        edges
            .iter()
            .filter(|(_, t)| t == id)
            .map(|(f, _)| f.as_str())
            .collect()
    };
    let out_of = |id: &str| -> BTreeSet<&str> {
        edges
            .iter()
            .filter(|(f, _)| f == id)
            .map(|(_, t)| t.as_str())
            .collect()
    };
    // The linked argument: one RA node, named like the argument, with both premises into it
    // and one edge out to the conclusion; no I-node for it.
    assert_eq!(types["deference-argument"], "RA");
    let undercutter = ca_of(&edges, &types, "tone-is-convention", "deference-argument");
    assert_eq!(
        into("deference-argument"),
        BTreeSet::from(["instructive-tone", "reports", undercutter])
    );
    assert_eq!(out_of("deference-argument"), BTreeSet::from(["deference"]));
    // The premises support the conclusion only through it.
    for premise in ["reports", "instructive-tone"] {
        let alone: Vec<&str> = out_of(premise)
            .into_iter()
            .filter(|s| *s != "deference-argument" && out_of(s).contains("deference"))
            .collect();
        assert!(
            alone.is_empty(),
            "{premise} supports the conclusion alone: {alone:?}"
        );
    }
    // Undercutters: a CA node into the RA node of the argument, into the RA node of the
    // undercut evidence link, and into the I-node of the undercut document.
    assert_eq!(out_of(undercutter), BTreeSet::from(["deference-argument"]));
    assert_eq!(types[undercutter], "CA");
    let link = "memoir→kims-war";
    assert_eq!(types[link], "RA");
    assert_eq!(
        into(link),
        BTreeSet::from(["memoir", ca_of(&edges, &types, "memoir-self-serving", link)])
    );
    assert_eq!(out_of(link), BTreeSet::from(["kims-war"]));
    ca_of(&edges, &types, "letter-unreliable", "letter");
    // Works are I-nodes like documents; a citation is an RA node from the work.
    assert_eq!(types["alpha-2001"], "I");
    let cited: BTreeSet<&str> = out_of("alpha-2001").into_iter().flat_map(out_of).collect();
    assert_eq!(cited, BTreeSet::from(["letter-unreliable"]));
}

/// The CA node through which `attacker` attacks `target` (there is exactly one).
fn ca_of<'a>(
    edges: &'a BTreeSet<(String, String)>,
    types: &BTreeMap<String, String>,
    attacker: &str,
    target: &str,
) -> &'a str {
    let cas: Vec<&str> = edges
        .iter()
        .filter(|(f, t)| f == attacker && types[t] == "CA")
        .map(|(_, t)| t.as_str())
        .filter(|ca| edges.contains(&(ca.to_string(), target.to_string())))
        .collect();
    assert_eq!(cas.len(), 1, "{attacker} → {target}: {cas:?}");
    cas[0]
}

#[test]
fn aif_round_trip_keeps_the_linked_argument_and_its_undercut() {
    let d = linked_arguments();
    let (back, imported) = aif_round_trip(&d, "linked");
    let claim = |id: &str| imported.claim(id).unwrap_or_else(|| panic!("{id}"));
    // One argument, not two independent supports.
    let deference = claim("deference");
    assert_eq!(deference.arguments.len(), 1);
    let argument = &deference.arguments[0];
    assert_eq!(argument.id.as_deref(), Some("deference-argument"));
    let premises: BTreeSet<&str> = argument.premises.iter().map(|p| p.as_str()).collect();
    assert_eq!(premises, BTreeSet::from(["instructive-tone", "reports"]));
    assert!(claim("reports").supports.is_empty());
    assert!(claim("instructive-tone").supports.is_empty());
    // The undercut of the argument, by id.
    let critic = claim("tone-is-convention");
    assert_eq!(critic.undercuts.len(), 1);
    assert_eq!(
        critic.undercuts[0].target,
        UndercutTarget::Argument("deference-argument".into())
    );
    assert!(critic.contradicts.is_empty());
    // The undercut document comes back as a contradicted claim; the undercut evidence link,
    // an RA node of one premise, as a support with its undercutter noted.
    assert_eq!(claim("letter-unreliable").contradicts, ["letter"]);
    assert_eq!(claim("memoir").supports, ["kims-war"]);
    let notes = claim("memoir-self-serving").notes.as_deref().unwrap();
    assert!(notes.contains("not mapped as an undercut"), "{notes}");
    assert!(notes.contains("RA memoir→kims-war"), "{notes}");
    assert_eq!((back.summary.arguments, back.summary.undercuts), (1, 1));
    // The import is a debate with one linked argument, undercut.
    let again = Debate::new(imported);
    let linked: Vec<&str> = (0..again.inferences().len())
        .filter(|&i| again.argument(i).is_some())
        .map(|i| again.inference_name(i))
        .collect();
    assert_eq!(linked, ["deference-argument"]);
}

#[test]
fn dot_draws_each_inference_as_one_junction() {
    let d = debate("linked-arguments");
    let dot = export(&d, Format::Dot, &ExportOptions::default()).unwrap();
    let junctions: Vec<&str> = dot.lines().filter(|l| l.contains("shape=point")).collect();
    // The linked argument is one junction, however many premises; the undercut evidence link
    // is the other.
    assert_eq!(junctions.len(), d.inferences().len(), "{dot}");
    assert_eq!(junctions.len(), 2, "{dot}");
    assert_eq!(
        junctions
            .iter()
            .filter(|l| l.trim_start().starts_with("\"deference-argument\""))
            .count(),
        1
    );
    for premise in ["reports", "instructive-tone"] {
        assert!(dot.contains(&format!(
            "\"{premise}\" -> \"deference-argument\" [color=black, style=solid, arrowhead=none"
        )));
        assert!(!dot.contains(&format!("\"{premise}\" -> \"deference\" ")));
    }
    assert!(dot.contains("\"deference-argument\" -> \"deference\" [color=black, style=bold"));
    assert!(dot.contains(
        "\"memoir-self-serving\" -> \"memoir→kims-war\" [color=darkorange, style=bold, arrowhead=tee"
    ));
    assert!(dot.contains("\"letter-unreliable\" -> \"letter\" [color=darkorange"));
    // Junctions are in no cluster.
    assert!(!dot.contains("cluster_inferences"));
    insta::assert_snapshot!(dot);
}

#[test]
fn argdown_writes_linked_arguments_as_premise_conclusion_structures() {
    let argdown = export(
        &linked_arguments(),
        Format::Argdown,
        &ExportOptions::default(),
    )
    .unwrap();
    validate_argdown(&argdown).unwrap_or_else(|e| panic!("{e}\n{argdown}"));
    assert!(argdown.contains(
        "\n<deference-argument>: linked argument: its premises hold only together #(inferences)\n\n\
         (1) [instructive-tone]\n(2) [reports]\n----\n(3) [deference]\n"
    ), "{argdown}");
    assert!(
        argdown.contains("\n  _> <deference-argument>\n"),
        "{argdown}"
    );
    assert!(
        argdown.contains("\n(1) [memoir]\n----\n(2) [kims-war]\n"),
        "{argdown}"
    );
    assert!(argdown.contains("\n  _> <memoir→kims-war>\n"), "{argdown}");
    // Premises and conclusions are the structure's, not relations under the statements.
    assert!(!argdown.contains("+> <"), "{argdown}");
    insta::assert_snapshot!(argdown);
}

#[test]
fn mermaid_graphml_and_json_mark_inferences_as_junctions() {
    let d = linked_arguments();
    let mermaid = export(&d, Format::Mermaid, &ExportOptions::default()).unwrap();
    let circles: Vec<&str> = mermaid
        .lines()
        .filter(|l| l.ends_with(":::inference"))
        .collect();
    assert_eq!(circles.len(), 2, "{mermaid}");
    assert!(circles
        .iter()
        .any(|l| l.contains("((\"deference-argument\"))")));
    assert!(
        mermaid.contains(" --- "),
        "premises join the junction without a head"
    );
    let xml = export(&d, Format::Graphml, &ExportOptions::default()).unwrap();
    check_xml(&xml).unwrap();
    assert!(xml.contains(
        "<node id=\"deference-argument\"><data key=\"d_kind\">inference</data><data key=\"d_label\">deference-argument</data>"
    ), "{xml}");
    let json: serde_json::Value =
        serde_json::from_str(&export(&d, Format::Json, &ExportOptions::default()).unwrap())
            .unwrap();
    let inferences: Vec<&str> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "inference")
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(inferences, ["deference-argument", "memoir→kims-war"]);
    let relation = |from: &str, to: &str| -> Vec<&str> {
        json["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["from"] == from && e["to"] == to)
            .map(|e| e["relation"].as_str().unwrap())
            .collect()
    };
    assert_eq!(relation("reports", "deference-argument"), ["premise"]);
    assert_eq!(relation("deference-argument", "deference"), ["concludes"]);
    assert_eq!(
        relation("tone-is-convention", "deference-argument"),
        ["undercuts"]
    );
    assert_eq!(relation("alpha-2001", "letter-unreliable"), ["cites"]);
}
