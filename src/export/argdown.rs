//! Argdown: every document, claim and work is a statement `[id]: text #(cluster)`; its outgoing
//! relations are indented below it, `+>` for backs, supports and cites, `->` for undermines,
//! contradicts and the undercut of a document or work (an attack on the source as a
//! statement). Argdown has no persons, so historians and advanced-by are left out.
//!
//! An inference (a linked argument, or an evidence link that a claim undercuts) is an argument,
//! written as Argdown writes a premise-conclusion structure:
//!
//! ```text
//! <name>: text #(inferences)
//!
//! (1) [premise-a]
//! (2) [premise-b]
//! ----
//! (3) [conclusion]
//! ```
//!
//! The premises and the conclusion are references to the statements defined above, so the
//! argument supports its conclusion in Argdown's map through the structure itself. An undercut
//! of the inference is the undercutting statement's outgoing `_> <name>`: Argdown's undercut,
//! an attack on the argument's inference. In a neighbourhood, only the premises in it are
//! listed; an argument whose conclusion or every premise lies outside it is written without a
//! structure.

use crate::graph::{Node, Relation};

use super::{Cluster, Item, Link, Picture};

/// A statement title: the id, with square brackets (which would end the title) as parentheses
/// and control characters as escapes.
fn title(id: &str) -> String {
    one_line(id).replace('[', "(").replace(']', ")")
}

/// An argument title: the name, with angle brackets (which would end the title) as parentheses
/// and control characters as escapes.
fn argument_title(id: &str) -> String {
    one_line(id).replace('<', "(").replace('>', ")")
}

/// An id on one line: every control character, line breaks and tabs included, as an escape
/// such as `u+001b` (a loaded corpus has none; a corpus built in code may).
fn one_line(id: &str) -> String {
    id.chars()
        .map(|c| match c.is_control() {
            true => format!("u+{:04x}", c as u32),
            false => c.to_string(),
        })
        .collect()
}

/// A reference to an item: `<name>` for an inference, else `[id]`.
fn reference(item: &Item) -> String {
    match item.node {
        Node::Inference(_) => format!("<{}>", argument_title(item.id)),
        _ => format!("[{}]", title(item.id)),
    }
}

/// Statement text on one line, with every character that Argdown reads as syntax escaped by a
/// backslash (`\#`, `\[`, `\_`, …); `.` and `:` only where they could open a special character;
/// control characters shown as escapes (`\u{1b}`, written `\\u\{1b\}`).
fn escape(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Control characters that are not white space (ESC, BEL) as `\u{1b}`, escaped below.
    let flat = crate::diagnostic::visible(&flat);
    let mut out = String::with_capacity(flat.len());
    let mut chars = flat.chars().peekable();
    while let Some(c) = chars.next() {
        let syntax = match c {
            '\\' | '@' | '#' | '*' | '_' | '[' | ']' | '<' | '>' | '{' | '}' | '/' => true,
            '.' | ':' => chars.peek().is_some_and(|n| !n.is_whitespace()),
            _ => false,
        };
        if syntax {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The arrow of an outgoing relation to `target`; none for what a premise-conclusion structure
/// writes (premises and conclusions) and for advanced-by.
fn arrow(relation: Relation, target: &Item) -> Option<&'static str> {
    match relation {
        Relation::Backs | Relation::Supports | Relation::Cites => Some("+>"),
        Relation::Undercuts if matches!(target.node, Node::Inference(_)) => Some("_>"),
        Relation::Undermines | Relation::Contradicts | Relation::Undercuts => Some("->"),
        Relation::Premise | Relation::Concludes | Relation::AdvancedBy => None,
    }
}

/// An inference as an argument: its definition, then its premise-conclusion structure when
/// the picture has its conclusion and a premise.
fn argument(out: &mut String, picture: &Picture, i: usize, incoming: &[Link], outgoing: &[Link]) {
    let item = &picture.items[i];
    out.push_str(&format!(
        "\n{}: {} #({})\n",
        reference(item),
        escape(item.text),
        item.cluster.key()
    ));
    let premises: Vec<&Item> = incoming
        .iter()
        .filter(|l| l.relation == Relation::Premise)
        .map(|l| &picture.items[l.from])
        .collect();
    let conclusion = outgoing
        .iter()
        .find(|l| l.relation == Relation::Concludes)
        .map(|l| &picture.items[l.to]);
    let Some(conclusion) = conclusion.filter(|_| !premises.is_empty()) else {
        return;
    };
    out.push('\n');
    for (k, premise) in premises.iter().enumerate() {
        out.push_str(&format!("({}) {}\n", k + 1, reference(premise)));
    }
    out.push_str("----\n");
    out.push_str(&format!(
        "({}) {}\n",
        premises.len() + 1,
        reference(conclusion)
    ));
}

pub(crate) fn render(picture: &Picture) -> String {
    let mut out = String::from("===\ntitle: historiograph export\n===\n");
    let mut outgoing = vec![Vec::new(); picture.items.len()];
    let mut incoming = vec![Vec::new(); picture.items.len()];
    for link in picture.links_by_id() {
        outgoing[link.from].push(link);
        incoming[link.to].push(link);
    }
    for (cluster, members) in picture.clusters() {
        if *cluster == Cluster::Historians {
            continue;
        }
        out.push_str(&format!("\n# {}\n", escape(cluster.label())));
        for i in members {
            let item = &picture.items[i];
            if let Node::Inference(_) = item.node {
                argument(&mut out, picture, i, &incoming[i], &outgoing[i]);
                continue;
            }
            out.push_str(&format!(
                "\n{}: {} #({})\n",
                reference(item),
                escape(item.text),
                cluster.key()
            ));
            for link in &outgoing[i] {
                let target = &picture.items[link.to];
                if let Some(arrow) = arrow(link.relation, target) {
                    out.push_str(&format!("  {arrow} {}\n", reference(target)));
                }
            }
        }
    }
    out
}
