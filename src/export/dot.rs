//! Graphviz DOT: one cluster per school, documents, works and historians in their own
//! clusters. Inferences (linked arguments and undercut evidence links) are small junction
//! points outside every cluster, beside their premises and conclusion, named by an external
//! label: premises run into the point without a head, the point concludes with a bold arrow,
//! and an undercut ends on it with a tee.

use crate::graph::{Node, Relation};

use super::{truncate, Cluster, Item, Picture, LABEL_CHARS};

/// A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`, carriage returns
/// dropped, and every other control character but tab shown as an escape (`\u{1b}`, its
/// backslash escaped) rather than passed to Graphviz and whatever displays its output.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {
                out.push_str(&format!("\\\\u{{{:x}}}", c as u32));
            }
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
        "work" => "tab",
        _ => "box",
    }
}

/// A node statement: a junction point for an inference, else a labelled shape.
fn node(item: &Item) -> String {
    if let Node::Inference(_) = item.node {
        return format!(
            "{} [label=\"\", xlabel={}, shape=point, style=filled, fillcolor=black, width=0.12, tooltip={}];",
            quote(item.id),
            quote(item.id),
            quote(item.text)
        );
    }
    let label = format!("{}\n{}", item.id, truncate(item.text, LABEL_CHARS));
    format!(
        "{} [label={}, shape={}];",
        quote(item.id),
        quote(&label),
        shape(item.kind)
    )
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
        if *cluster == Cluster::Inferences {
            // Junctions stay by their premises and conclusions, in no cluster.
            for i in members {
                out.push_str(&format!("  {}\n", node(&picture.items[i])));
            }
            continue;
        }
        out.push_str(&format!(
            "  subgraph {} {{\n    label={};\n",
            quote(&format!("cluster_{}", cluster.key())),
            quote(cluster.label())
        ));
        for i in members {
            out.push_str(&format!("    {}\n", node(&picture.items[i])));
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
