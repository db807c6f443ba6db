//! GraphML with declared, typed keys, so that yEd, Gephi, networkx and igraph open it with
//! every attribute: the records' fields (dates as ISO 8601 text with a numeric `year`, counts
//! as numbers, `listed` as a boolean), present on the nodes whose records have them.
//!
//! An inference (a linked argument, or an evidence link that a claim undercuts) is a node of
//! kind `inference`, labelled with its name alone: a junction that its premises' `premise`
//! edges enter and its `concludes` edge leaves, and that `undercuts` edges may attack.

use crate::corpus::date::DateSpec;
use crate::corpus::Corpus;
use crate::graph::{Debate, Node};
use crate::Id;

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

/// `(id, for, name, type)` of every attribute. Dates are ISO 8601 text (GraphML has no date
/// type): `date` as the corpus writes it (a year, month, day or range), `start` and `end` the
/// first and last full days it covers; `year` is a number.
const KEYS: [(&str, &str, &str, &str); 25] = [
    ("d_kind", "node", "kind", "string"),
    ("d_label", "node", "label", "string"),
    ("d_text", "node", "text", "string"),
    ("d_cluster", "node", "cluster", "string"),
    ("d_school", "node", "school", "string"),
    ("d_stance", "node", "stance", "string"),
    ("d_locator", "node", "locator", "string"),
    ("d_proponents", "node", "proponents", "string"),
    ("d_evidence", "node", "evidence", "int"),
    ("d_date", "node", "date", "string"),
    ("d_start", "node", "start", "string"),
    ("d_end", "node", "end", "string"),
    ("d_year", "node", "year", "int"),
    ("d_document_kind", "node", "document_kind", "string"),
    ("d_author", "node", "author", "string"),
    ("d_recipient", "node", "recipient", "string"),
    ("d_citation", "node", "citation", "string"),
    ("d_audience", "node", "audience", "string"),
    ("d_reliability", "node", "reliability", "string"),
    ("d_listed", "node", "listed", "boolean"),
    ("d_schools", "node", "schools", "string"),
    ("d_work_kind", "node", "work_kind", "string"),
    ("d_authors", "node", "authors", "string"),
    ("d_relation", "edge", "relation", "string"),
    ("d_edge_label", "edge", "label", "string"),
];

fn data(key: &str, value: &str) -> String {
    format!("<data key=\"{key}\">{}</data>", escape(value))
}

/// A full date as ISO 8601.
fn iso((year, month, day): (i32, u8, u8)) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// The `date`, `start`, `end` and `year` data of a date or range.
fn dates(date: &DateSpec) -> String {
    [
        data("d_date", &date.to_string()),
        data("d_start", &iso(date.earliest())),
        data("d_end", &iso(date.latest())),
        data("d_year", &date.earliest().0.to_string()),
    ]
    .concat()
}

/// The data of a record's own fields, each present only when the record has it.
fn fields(corpus: &Corpus, node: Node) -> String {
    let mut out = String::new();
    let mut put = |key: &str, value: Option<&str>| {
        if let Some(value) = value {
            out.push_str(&data(key, value));
        }
    };
    let ids = |ids: &[Id]| ids.iter().map(Id::as_str).collect::<Vec<_>>().join(" ");
    match node {
        Node::Claim(i) => {
            let c = &corpus.claims[i];
            put("d_school", c.school.as_deref());
            put("d_stance", c.stance.map(|s| s.as_str()));
            put("d_locator", c.locator.as_deref());
            put("d_proponents", Some(&ids(&c.proponents)));
            put("d_evidence", Some(&c.evidence.len().to_string()));
            if let Some(period) = &c.period {
                out.push_str(&dates(period));
            }
        }
        Node::Document(i) => {
            let d = &corpus.documents[i];
            put("d_document_kind", Some(d.kind.as_str()));
            put("d_author", Some(&d.author));
            put("d_recipient", d.recipient.as_deref());
            put("d_citation", Some(&d.citation));
            put("d_audience", Some(d.audience.as_str()));
            put(
                "d_reliability",
                d.reliability.as_ref().map(|r| r.rating.as_str()),
            );
            put("d_listed", Some(if d.listed { "true" } else { "false" }));
            out.push_str(&dates(&d.date));
        }
        Node::Historian(i) => put("d_schools", Some(&ids(&corpus.historians[i].schools))),
        Node::Work(i) => {
            let w = &corpus.works[i];
            put("d_work_kind", Some(w.kind.as_str()));
            put("d_authors", Some(&ids(&w.authors)));
            put("d_year", Some(&w.year.to_string()));
        }
        Node::Inference(_) => {}
    }
    out
}

pub(crate) fn render(debate: &Debate, picture: &Picture) -> String {
    let corpus = debate.corpus();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(concat!(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    ));
    for (id, target, name, kind) in KEYS {
        out.push_str(&format!(
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>\n"
        ));
    }
    out.push_str("  <graph id=\"historiograph\" edgedefault=\"directed\">\n");
    for item in &picture.items {
        let label = match item.node {
            Node::Inference(_) => item.id.to_string(),
            _ => format!("{}: {}", item.id, truncate(item.text, LABEL_CHARS)),
        };
        out.push_str(&format!(
            "    <node id=\"{}\">{}{}{}{}{}</node>\n",
            escape(item.id),
            data("d_kind", item.kind),
            data("d_label", &label),
            data("d_text", item.text),
            data("d_cluster", &item.cluster.key()),
            fields(corpus, item.node),
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
