//! Argdown: every document and claim is a statement `[id]: text #(cluster)`; its outgoing
//! relations are indented below it, `+>` for backs and supports, `->` for undermines and
//! contradicts. Argdown has no persons, so historians and advanced-by are left out.

use crate::graph::Relation;

use super::{Cluster, Picture};

/// A statement title: the id, with square brackets (which would end the title) as parentheses.
fn title(id: &str) -> String {
    id.replace('[', "(").replace(']', ")")
}

/// Statement text on one line, with every character that Argdown reads as syntax escaped by a
/// backslash (`\#`, `\[`, `\_`, …); `.` and `:` only where they could open a special character.
fn escape(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
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

fn arrow(relation: Relation) -> Option<&'static str> {
    match relation {
        Relation::Backs | Relation::Supports | Relation::Cites => Some("+>"),
        Relation::Undermines | Relation::Contradicts | Relation::Undercuts => Some("->"),
        Relation::Premise | Relation::Concludes => Some("+>"),
        Relation::AdvancedBy => None,
    }
}

pub(crate) fn render(picture: &Picture) -> String {
    let mut out = String::from("===\ntitle: historiograph export\n===\n");
    let mut outgoing = vec![Vec::new(); picture.items.len()];
    for link in picture.links_by_id() {
        outgoing[link.from].push(link);
    }
    for (cluster, members) in picture.clusters() {
        if *cluster == Cluster::Historians {
            continue;
        }
        out.push_str(&format!("\n# {}\n", escape(cluster.label())));
        for i in members {
            let item = &picture.items[i];
            out.push_str(&format!(
                "\n[{}]: {} #({})\n",
                title(item.id),
                escape(item.text),
                cluster.key()
            ));
            for link in &outgoing[i] {
                if let Some(arrow) = arrow(link.relation) {
                    out.push_str(&format!(
                        "  {arrow} [{}]\n",
                        title(picture.items[link.to].id)
                    ));
                }
            }
        }
    }
    out
}
