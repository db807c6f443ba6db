//! Mermaid flowcharts, for Markdown notebooks. Node ids are generated (`n0`, `n1`, …) so that no
//! corpus id can clash with Mermaid's syntax; the labels carry the real ids.
//!
//! An inference (a linked argument, or an evidence link that a claim undercuts) is a small
//! circle labelled with its name, outside every subgraph: its premises join it with plain
//! lines, it points at its conclusion, and an undercut ends on it with a cross.

use std::collections::BTreeMap;

use crate::graph::{Debate, Node, Relation};

use super::{truncate, Cluster, Picture, Subgraph, LABEL_CHARS};

/// Renders a subgraph as a Mermaid flowchart.
pub fn to_mermaid(debate: &Debate, subgraph: &Subgraph) -> String {
    render(&Picture::new(debate, subgraph))
}

/// Text for a quoted Mermaid label: characters Mermaid reads as syntax or HTML become entity
/// codes (`#quot;`, `#35;`, …).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The arrow of each relation.
fn arrow(relation: Relation) -> &'static str {
    match relation {
        Relation::Backs | Relation::Supports | Relation::Cites | Relation::Concludes => "-->",
        Relation::Premise => "---",
        Relation::Undermines | Relation::AdvancedBy => "-.->",
        Relation::Contradicts | Relation::Undercuts => "--x",
    }
}

/// The `linkStyle` of each relation, if it has one.
fn link_style(relation: Relation) -> Option<&'static str> {
    match relation {
        Relation::Backs => Some("stroke:green"),
        Relation::Undermines => Some("stroke:red,stroke-dasharray:6 4"),
        Relation::Supports => None,
        Relation::Contradicts => Some("stroke:red,stroke-width:3px"),
        Relation::AdvancedBy => Some("stroke:gray,stroke-dasharray:2 3"),
        Relation::Cites => Some("stroke:steelblue"),
        Relation::Premise | Relation::Concludes => None,
        Relation::Undercuts => Some("stroke:darkorange,stroke-width:3px"),
    }
}

/// The node line of item `i`: `nI` with its shape, label and class.
fn node(picture: &Picture, i: usize) -> String {
    let item = &picture.items[i];
    if let Node::Inference(_) = item.node {
        return format!("n{i}((\"{}\")):::inference", escape(item.id));
    }
    let (open, close) = match item.kind {
        "document" => ("[/\"", "\"/]"),
        "historian" => ("([\"", "\"])"),
        "work" => ("[[\"", "\"]]"),
        _ => ("[\"", "\"]"),
    };
    format!(
        "n{i}{open}{}<br/>{}{close}:::{}",
        escape(item.id),
        escape(&truncate(item.text, LABEL_CHARS)),
        item.kind
    )
}

pub(crate) fn render(picture: &Picture) -> String {
    let mut out = String::from("flowchart LR\n");
    out.push_str("  classDef document fill:#fff4d6,stroke:#b08d2a\n");
    out.push_str("  classDef claim fill:#eef3ff,stroke:#4a6fb5\n");
    out.push_str("  classDef historian fill:#f2f2f2,stroke:#888888\n");
    out.push_str("  classDef work fill:#eaf6ee,stroke:#3f8a57\n");
    out.push_str("  classDef inference fill:#ffffff,stroke:#333333,font-size:9px\n");
    for (c, (cluster, members)) in picture.clusters().into_iter().enumerate() {
        if *cluster == Cluster::Inferences {
            // Junctions stay by their premises and conclusions, in no subgraph.
            for i in members {
                out.push_str(&format!("  {}\n", node(picture, i)));
            }
            continue;
        }
        out.push_str(&format!(
            "  subgraph c{c}[\"{}\"]\n",
            escape(cluster.label())
        ));
        for i in members {
            out.push_str(&format!("    {}\n", node(picture, i)));
        }
        out.push_str("  end\n");
    }
    let mut styles: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (k, link) in picture.links_by_id().into_iter().enumerate() {
        out.push_str(&format!(
            "  n{} {} n{}\n",
            link.from,
            arrow(link.relation),
            link.to
        ));
        if let Some(style) = link_style(link.relation) {
            styles.entry(style).or_default().push(k.to_string());
        }
    }
    for (style, links) in styles {
        out.push_str(&format!("  linkStyle {} {style}\n", links.join(",")));
    }
    out
}
