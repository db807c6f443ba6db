//! AIF (the AIFdb JSON nodeset) out.
//!
//! - Claims become I-nodes with the claim id as `nodeID` and the statement as `text`.
//! - Documents and works become I-nodes too (AIF has no sources), with the title as `text`.
//! - Supports, backs and cites become RA nodes (`Default Inference`): premise → RA → conclusion.
//! - An inference of the debate (a linked argument, or an evidence link that a claim undercuts)
//!   becomes ONE RA node, whose `nodeID` is the inference's name: an edge from each premise's
//!   I-node into it and one edge from it to the conclusion. Several premises into one RA node is
//!   AIF's linked argument; an inference is never an I-node.
//! - Contradicts and undermines become CA nodes (`Default Conflict`): attacker → CA → target.
//! - Undercuts become CA nodes too: from the undercutting claim to the RA node of the undercut
//!   inference (AIF's undercutter), or to the I-node of the undercut document or work.
//! - Each proponent of a claim becomes a participant, and an L-node (`Name : statement`) anchored
//!   to the claim's I-node by a YA node (`Asserting`), with a locution naming the participant.
//!
//! - Each node carries a `historiograph` mark (an extra key, which AIF allows and other tools
//!   ignore): I-nodes and participants their record whole, the nodeset the corpus's own
//!   schools, and the nodes made from the records `{"derived": …}`. Every historian is a
//!   participant when the whole debate is exported, those with no claims too.
//!
//! Importing the result gives back the same corpus: documents, works, evidence with its
//! locators and quotes, stance, period, school, locator and historians come from the marks
//! (see `interchange::aif::marks`), and a second export is byte-identical to the first.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::corpus::model::Historian;
use crate::graph::{Debate, Node, Relation};

use super::aif_marks::{self, derived};
use super::Picture;

#[derive(Serialize)]
struct Nodeset {
    nodes: Vec<AifNode>,
    edges: Vec<AifEdge>,
    locutions: Vec<Locution>,
    participants: Vec<Participant>,
    #[serde(rename = "historiograph", skip_serializing_if = "Option::is_none")]
    mark: Option<Value>,
}

#[derive(Serialize)]
struct AifNode {
    #[serde(rename = "nodeID")]
    node_id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheme: Option<&'static str>,
    #[serde(rename = "schemeID", skip_serializing_if = "Option::is_none")]
    scheme_id: Option<&'static str>,
    #[serde(rename = "historiograph", skip_serializing_if = "Value::is_null")]
    mark: Value,
}

#[derive(Serialize)]
struct AifEdge {
    #[serde(rename = "edgeID")]
    edge_id: String,
    #[serde(rename = "fromID")]
    from_id: String,
    #[serde(rename = "toID")]
    to_id: String,
}

#[derive(Serialize)]
struct Locution {
    #[serde(rename = "nodeID")]
    node_id: String,
    #[serde(rename = "personID")]
    person_id: String,
}

#[derive(Serialize)]
struct Participant {
    #[serde(rename = "participantID")]
    participant_id: String,
    firstname: String,
    surname: String,
    #[serde(rename = "historiograph", skip_serializing_if = "Value::is_null")]
    mark: Value,
}

/// An S-node type with its AIFdb scheme: `(type, scheme, schemeID)`.
type Scheme = (&'static str, &'static str, &'static str);

const INFERENCE: Scheme = ("RA", "Default Inference", "72");
const CONFLICT: Scheme = ("CA", "Default Conflict", "71");
const ASSERTING: Scheme = ("YA", "Asserting", "74");

/// Builds a nodeset, handing out node ids that no corpus id already uses.
struct Builder<'p> {
    taken: BTreeSet<&'p str>,
    counter: usize,
    set: Nodeset,
}

impl<'p> Builder<'p> {
    fn fresh(&mut self, prefix: &str) -> String {
        loop {
            self.counter += 1;
            let id = format!("{prefix}{}", self.counter);
            if !self.taken.contains(id.as_str()) {
                return id;
            }
        }
    }

    fn node(&mut self, id: String, text: String, kind: &'static str, mark: Value) {
        self.set.nodes.push(AifNode {
            node_id: id,
            text,
            kind,
            scheme: None,
            scheme_id: None,
            mark,
        });
    }

    /// Adds an S-node of a scheme, with no edges, marked as standing for `what`.
    fn s_node(&mut self, id: String, (kind, scheme, scheme_id): Scheme, what: &str) {
        self.set.nodes.push(AifNode {
            node_id: id,
            text: scheme.to_string(),
            kind,
            scheme: Some(scheme),
            scheme_id: Some(scheme_id),
            mark: derived(what),
        });
    }

    /// Adds an S-node with its scheme between `from` and `to`, and its two edges.
    fn scheme(&mut self, scheme: Scheme, from: &str, to: &str, what: &str) -> String {
        let id = self.fresh(&format!("{}-", scheme.0.to_lowercase()));
        self.s_node(id.clone(), scheme, what);
        self.edge(from, &id);
        self.edge(&id, to);
        id
    }

    fn edge(&mut self, from: &str, to: &str) {
        let edge_id = self.fresh("e-");
        self.set.edges.push(AifEdge {
            edge_id,
            from_id: from.to_string(),
            to_id: to.to_string(),
        });
    }
}

/// Splits a name into AIFdb's first name and surname: the last word is the surname.
fn split_name(name: &str) -> (String, String) {
    match name.trim().rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_string(), last.to_string()),
        None => (String::new(), name.trim().to_string()),
    }
}

#[allow(
    clippy::expect_used,
    reason = "a tree of JSON values with string keys always serializes"
)]
pub(crate) fn render(debate: &Debate, picture: &Picture) -> String {
    let corpus = debate.corpus();
    let mut builder = Builder {
        taken: picture.items.iter().map(|i| i.id).collect(),
        counter: 0,
        set: Nodeset {
            nodes: Vec::new(),
            edges: Vec::new(),
            locutions: Vec::new(),
            participants: Vec::new(),
            mark: aif_marks::nodeset(corpus),
        },
    };
    let participants = aif_marks::participants(debate, picture);
    let kept = aif_marks::kept(picture, &participants);
    for item in &picture.items {
        match item.node {
            Node::Historian(_) => {}
            // A junction: the RA node of the inference, named like it, so that undercuts can
            // point at it and premise and conclusion edges run through it.
            Node::Inference(_) => builder.s_node(item.id.to_string(), INFERENCE, "inference"),
            Node::Document(_) | Node::Claim(_) | Node::Work(_) => builder.node(
                item.id.to_string(),
                item.text.to_string(),
                "I",
                kept.record(corpus, item.node).unwrap_or(Value::Null),
            ),
        }
    }
    for link in picture.links_by_id() {
        let (from, to) = (picture.items[link.from].id, picture.items[link.to].id);
        let scheme = match link.relation {
            Relation::Backs | Relation::Supports | Relation::Cites => INFERENCE,
            Relation::Undermines | Relation::Contradicts | Relation::Undercuts => CONFLICT,
            // Premise → RA and RA → conclusion: the inference's own RA node is the S-node.
            Relation::Premise | Relation::Concludes => {
                builder.edge(from, to);
                continue;
            }
            Relation::AdvancedBy => continue,
        };
        builder.scheme(scheme, from, to, link.relation.as_str());
    }
    // Every participant of the export is named, speaking or not.
    let mut people: BTreeMap<&str, &str> = participants
        .iter()
        .map(|h| (h.id.as_str(), h.name.as_ref()))
        .collect();
    for item in &picture.items {
        let Node::Claim(i) = item.node else { continue };
        for proponent in &corpus.claims[i].proponents {
            let Some(Node::Historian(h)) = debate.node(proponent).map(|n| debate.graph()[n]) else {
                continue;
            };
            let historian = &corpus.historians[h];
            people.insert(&historian.id, &historian.name);
            let locution = builder.fresh("l-");
            builder.node(
                locution.clone(),
                format!("{} : {}", historian.name, item.text),
                "L",
                derived("locution"),
            );
            builder.scheme(ASSERTING, &locution, item.id, "proponent");
            builder.set.locutions.push(Locution {
                node_id: locution,
                person_id: historian.id.to_string(),
            });
        }
    }
    let historians: BTreeMap<&str, &Historian> =
        (participants.iter()).map(|h| (h.id.as_str(), *h)).collect();
    builder.set.participants = people
        .into_iter()
        .map(|(id, name)| {
            let (firstname, surname) = split_name(name);
            Participant {
                participant_id: id.to_string(),
                firstname,
                surname,
                mark: historians
                    .get(id)
                    .map_or(Value::Null, |h| aif_marks::historian(h)),
            }
        })
        .collect();
    serde_json::to_string_pretty(&builder.set).expect("an AIF nodeset serializes to JSON") + "\n"
}
