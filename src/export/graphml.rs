//! GraphML with declared keys, so that yEd and Gephi open it with every attribute.
//!
//! An inference (a linked argument, or an evidence link that a claim undercuts) is a node of
//! kind `inference`, labelled with its name alone: a junction that its premises' `premise`
//! edges enter and its `concludes` edge leaves, and that `undercuts` edges may attack.

use crate::graph::Node;

use super::{truncate, Picture, LABEL_CHARS};

/// Text for XML content and attribute values: markup characters as entities; characters XML 1.0
/// does not allow become spaces; DEL and the C1 controls become character references.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push(' '),
            // DEL and the C1 controls are XML, but no text: a reference keeps them out of a
            // terminal that shows the file.
            c if c.is_control() => out.push_str(&format!("&#x{:x};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `(id, for, name)` of every attribute; every one is a string.
const KEYS: [(&str, &str, &str); 6] = [
    ("d_kind", "node", "kind"),
    ("d_label", "node", "label"),
    ("d_text", "node", "text"),
    ("d_cluster", "node", "cluster"),
    ("d_relation", "edge", "relation"),
    ("d_edge_label", "edge", "label"),
];

fn data(key: &str, value: &str) -> String {
    format!("<data key=\"{key}\">{}</data>", escape(value))
}

pub(crate) fn render(picture: &Picture) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(concat!(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    ));
    for (id, target, name) in KEYS {
        out.push_str(&format!(
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"string\"/>\n"
        ));
    }
    out.push_str("  <graph id=\"historiograph\" edgedefault=\"directed\">\n");
    for item in &picture.items {
        let label = match item.node {
            Node::Inference(_) => item.id.to_string(),
            _ => format!("{}: {}", item.id, truncate(item.text, LABEL_CHARS)),
        };
        out.push_str(&format!(
            "    <node id=\"{}\">{}{}{}{}</node>\n",
            escape(item.id),
            data("d_kind", item.kind),
            data("d_label", &label),
            data("d_text", item.text),
            data("d_cluster", &item.cluster.key()),
        ));
    }
    for (k, link) in picture.links_by_id().into_iter().enumerate() {
        out.push_str(&format!(
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\">{}{}</edge>\n",
            escape(picture.items[link.from].id),
            escape(picture.items[link.to].id),
            data("d_relation", link.relation.as_str()),
            data("d_edge_label", link.relation.as_str()),
        ));
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
