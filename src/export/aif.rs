//! AIF (the AIFdb JSON nodeset) out.
//!
//! - Claims become I-nodes with the claim id as `nodeID` and the statement as `text`.
//! - Documents become I-nodes too (AIF has no documents), with the title as `text`.
//! - Supports and backs become RA nodes (`Default Inference`): premise → RA → conclusion.
//! - Contradicts and undermines become CA nodes (`Default Conflict`): attacker → CA → target.
//! - Each proponent of a claim becomes a participant, and an L-node (`Name : statement`) anchored
//!   to the claim's I-node by a YA node (`Asserting`), with a locution naming the participant.
//!
//! Importing the result gives back the claims (same ids and statements), the supports and
//! contradicts between them, and the proponents by name; documents come back as claims.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::graph::{Debate, Node, Relation};

use super::Picture;

#[derive(Serialize)]
struct Nodeset {
    nodes: Vec<AifNode>,
    edges: Vec<AifEdge>,
    locutions: Vec<Locution>,
    participants: Vec<Participant>,
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
}

/// The AIFdb scheme of each S-node type: `(type, scheme, schemeID)`.
const INFERENCE: (&str, &str, &str) = ("RA", "Default Inference", "72");
const CONFLICT: (&str, &str, &str) = ("CA", "Default Conflict", "71");
const ASSERTING: (&str, &str, &str) = ("YA", "Asserting", "74");

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

    fn node(&mut self, id: String, text: String, kind: &'static str) {
        self.set.nodes.push(AifNode {
            node_id: id,
            text,
            kind,
            scheme: None,
            scheme_id: None,
        });
    }

    /// Adds an S-node with its scheme between `from` and `to`, and its two edges.
    fn scheme(
        &mut self,
        (kind, scheme, scheme_id): (&'static str, &'static str, &'static str),
        from: &str,
        to: &str,
    ) -> String {
        let id = self.fresh(&format!("{}-", kind.to_lowercase()));
        self.set.nodes.push(AifNode {
            node_id: id.clone(),
            text: scheme.to_string(),
            kind,
            scheme: Some(scheme),
            scheme_id: Some(scheme_id),
        });
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
        },
    };
    for item in picture.items.iter().filter(|i| i.kind != "historian") {
        builder.node(item.id.to_string(), item.text.to_string(), "I");
    }
    for link in picture.links_by_id() {
        let scheme = match link.relation {
            Relation::Backs | Relation::Supports | Relation::Cites => INFERENCE,
            Relation::Premise | Relation::Concludes => INFERENCE,
            Relation::Undermines | Relation::Contradicts | Relation::Undercuts => CONFLICT,
            Relation::AdvancedBy => continue,
        };
        let (from, to) = (picture.items[link.from].id, picture.items[link.to].id);
        builder.scheme(scheme, from, to);
    }
    let mut people: BTreeMap<&str, &str> = BTreeMap::new();
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
            );
            builder.scheme(ASSERTING, &locution, item.id);
            builder.set.locutions.push(Locution {
                node_id: locution,
                person_id: historian.id.to_string(),
            });
        }
    }
    builder.set.participants = people
        .into_iter()
        .map(|(id, name)| {
            let (firstname, surname) = split_name(name);
            Participant {
                participant_id: id.to_string(),
                firstname,
                surname,
            }
        })
        .collect();
    serde_json::to_string_pretty(&builder.set).expect("an AIF nodeset serializes to JSON") + "\n"
}
