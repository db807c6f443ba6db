//! Graphviz DOT: one cluster per school, documents and historians in their own clusters.

use crate::graph::Relation;

use super::{truncate, Picture, LABEL_CHARS};

/// A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn shape(kind: &str) -> &'static str {
    match kind {
        "document" => "note",
        "historian" => "ellipse",
        _ => "box",
    }
}

/// The attributes of an edge of each relation.
fn style(relation: Relation) -> &'static str {
    match relation {
        Relation::Backs => "color=darkgreen, style=solid",
        Relation::Undermines => "color=red, style=dashed",
        Relation::Supports => "color=black, style=solid",
        Relation::Contradicts => "color=red, style=bold, arrowhead=tee",
        Relation::AdvancedBy => "color=gray40, style=dotted, arrowhead=none",
        Relation::Cites => "color=steelblue, style=solid",
        Relation::Premise => "color=black, style=solid, arrowhead=none",
        Relation::Concludes => "color=black, style=bold",
        Relation::Undercuts => "color=darkorange, style=bold, arrowhead=tee",
    }
}

pub(crate) fn render(picture: &Picture) -> String {
    let mut out = String::from("digraph historiograph {\n");
    out.push_str("  graph [rankdir=LR, fontname=\"Helvetica\"];\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10, style=rounded];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (cluster, members) in picture.clusters() {
        out.push_str(&format!(
            "  subgraph {} {{\n    label={};\n",
            quote(&format!("cluster_{}", cluster.key())),
            quote(cluster.label())
        ));
        for i in members {
            let item = &picture.items[i];
            let label = format!("{}\n{}", item.id, truncate(item.text, LABEL_CHARS));
            out.push_str(&format!(
                "    {} [label={}, shape={}];\n",
                quote(item.id),
                quote(&label),
                shape(item.kind)
            ));
        }
        out.push_str("  }\n");
    }
    for link in picture.links_by_id() {
        out.push_str(&format!(
            "  {} -> {} [{}, tooltip={}];\n",
            quote(picture.items[link.from].id),
            quote(picture.items[link.to].id),
            style(link.relation),
            quote(link.relation.as_str())
        ));
    }
    out.push_str("}\n");
    out
}
