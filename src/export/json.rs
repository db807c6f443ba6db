//! Nodes and edges as JSON, in a stable shape.
//!
//! Node kinds are `document`, `claim`, `work`, `historian` and `inference` (a junction: a linked
//! argument, or an evidence link that a claim undercuts, named by its argument id, `CLAIM#N`,
//! or `DOCUMENT→CLAIM`); edge relations are those of [`Relation::as_str`], among them `premise`
//! (into an inference), `concludes` (out of it), `cites` (work to claim) and `undercuts`.
//!
//! [`Relation::as_str`]: crate::graph::Relation::as_str

use serde::Serialize;

use super::Picture;

#[derive(Serialize)]
struct Graph<'a> {
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<JsonEdge<'a>>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    kind: &'a str,
    text: &'a str,
    cluster: String,
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    from: &'a str,
    to: &'a str,
    relation: &'a str,
}

/// `{"nodes": [{id, kind, text, cluster}], "edges": [{from, to, relation}]}`, nodes sorted by
/// cluster then id, edges by their ends' ids then relation.
#[allow(
    clippy::expect_used,
    reason = "plain data with string keys always serializes"
)]
pub(crate) fn render(picture: &Picture) -> String {
    let graph = Graph {
        nodes: picture
            .items
            .iter()
            .map(|item| JsonNode {
                id: item.id,
                kind: item.kind,
                text: item.text,
                cluster: item.cluster.key(),
            })
            .collect(),
        edges: picture
            .links_by_id()
            .into_iter()
            .map(|l| JsonEdge {
                from: picture.items[l.from].id,
                to: picture.items[l.to].id,
                relation: l.relation.as_str(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&graph).expect("the export graph serializes to JSON") + "\n"
}
