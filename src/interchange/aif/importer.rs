//! The import in progress: drafts of claims, arguments and historians; ids; node descriptions.

use std::collections::{BTreeSet, HashSet};

use super::nodeset::Map;
use super::{AifImport, ImportError};
use crate::corpus::model::{Claim, Document, Historian, School, Work};

impl<'j> Map<'j> {
    pub(super) fn import(&self, name: &str) -> Result<AifImport, ImportError> {
        Importer::new(self, name).run()
    }
}

/// Where an item went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fate {
    Mapped,
    /// Its mapping was refused (the corpus format forbids it); kept as a note saying why.
    Refused,
    Noted,
    Aside,
}

pub(super) struct ClaimDraft {
    pub(super) id: String,
    pub(super) statement: String,
    pub(super) proponents: BTreeSet<usize>,
    pub(super) supports: BTreeSet<usize>,
    pub(super) contradicts: BTreeSet<usize>,
    pub(super) arguments: Vec<ArgumentDraft>,
    /// The arguments this claim undercuts: `(conclusion, index in its arguments, locator)`.
    pub(super) undercuts: Vec<(usize, usize, String)>,
    pub(super) notes: Vec<String>,
    /// The record from the node's mark, to which the rest is added.
    pub(super) record: Option<Claim>,
}

/// A linked argument from an RA node: its premises as claim positions.
pub(super) struct ArgumentDraft {
    /// Given when some CA node undercuts the argument.
    pub(super) id: Option<String>,
    pub(super) premises: Vec<usize>,
    /// The RA node's position.
    pub(super) node: usize,
}

pub(super) struct HistorianDraft {
    pub(super) id: String,
    /// The AIF personID.
    pub(super) person: String,
    pub(super) name: String,
    pub(super) notes: Vec<String>,
    /// The record from the participant's mark.
    pub(super) record: Option<Historian>,
}

/// The import in progress: claims and historians as positions into their lists.
pub(super) struct Importer<'m, 'j> {
    pub(super) map: &'m Map<'j>,
    pub(super) name: String,
    /// Per node: its claim, if it is an I-node.
    pub(super) claim_of: Vec<Option<usize>>,
    /// Per node: the speakers of an L-node (one per locution naming a person), in order.
    pub(super) speaker_of: Vec<Vec<usize>>,
    pub(super) claims: Vec<ClaimDraft>,
    pub(super) historians: Vec<HistorianDraft>,
    pub(super) node_fate: Vec<Fate>,
    pub(super) edge_realised: Vec<bool>,
    used_ids: HashSet<String>,
    /// Per node: the arguments an RA node became, as `(conclusion, index in its arguments)`.
    pub(super) arguments_of: Vec<Vec<(usize, usize)>>,
    /// Marked records not yet placed, last first.
    pub(super) marked_claims: Vec<Claim>,
    pub(super) marked_historians: Vec<Historian>,
    /// Records from marks that are not claims or historians.
    pub(super) documents: Vec<Document>,
    pub(super) works: Vec<Work>,
    pub(super) schools: Vec<School>,
}

/// Whether `text` is usable as a corpus id as it stands.
fn valid_id(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A node id as a corpus id: as it stands if usable, else with its words joined by `-` and
/// control characters left out, else `fallback()`.
pub(super) fn id_from(node_id: &str, fallback: impl FnOnce() -> String) -> String {
    if valid_id(node_id) {
        return node_id.to_string();
    }
    let joined: Vec<&str> = node_id.split_whitespace().collect();
    let joined = joined.join("-").replace(|c: char| c.is_control(), "");
    if joined.is_empty() {
        fallback()
    } else {
        joined
    }
}

impl<'m, 'j> Importer<'m, 'j> {
    fn new(map: &'m Map<'j>, name: &str) -> Self {
        let n = map.nodes.len();
        Importer {
            map,
            name: name.to_string(),
            claim_of: vec![None; n],
            speaker_of: vec![Vec::new(); n],
            claims: Vec::new(),
            historians: Vec::new(),
            node_fate: vec![Fate::Aside; n],
            edge_realised: vec![false; map.edges.len()],
            used_ids: HashSet::new(),
            arguments_of: vec![Vec::new(); n],
            marked_claims: Vec::new(),
            marked_historians: Vec::new(),
            documents: Vec::new(),
            works: Vec::new(),
            schools: Vec::new(),
        }
    }

    /// `wanted` if free, else `wanted-2`, `wanted-3`, …
    pub(super) fn unique_id(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        let mut n = 1;
        while self.used_ids.contains(&id) {
            n += 1;
            id = format!("{wanted}-{n}");
        }
        self.used_ids.insert(id.clone());
        id
    }

    fn run(mut self) -> Result<AifImport, ImportError> {
        self.take_marks()?;
        self.make_claims();
        self.make_speakers();
        self.map_inferences();
        self.map_conflicts();
        self.map_anchors();
        self.keep_the_rest();
        Ok(self.finish())
    }

    pub(super) fn node_label(&self, n: usize) -> String {
        let node = &self.map.nodes[n];
        format!("{} {}", node.kind, node.id)
    }

    /// `TYPE id "text" (extras): from …; to …`: a node with every edge it has.
    pub(super) fn describe_node(&self, n: usize) -> String {
        let node = &self.map.nodes[n];
        let mut out = format!("{} {} {:?}", node.kind, node.id, node.text);
        if !node.extra.is_empty() {
            out.push_str(&format!(" ({})", node.extra.join(", ")));
        }
        let ends = |edges: &[usize], from: bool| -> Vec<String> {
            edges
                .iter()
                .map(|&e| {
                    let edge = &self.map.edges[e];
                    let other = if from { edge.from } else { edge.to };
                    format!("{} [edge {}]", self.node_label(other.unwrap_or(n)), edge.id)
                })
                .collect()
        };
        let from = ends(&self.map.ins[n], true);
        let to = ends(&self.map.outs[n], false);
        if !from.is_empty() {
            out.push_str(&format!("; from {}", from.join(", ")));
        }
        if !to.is_empty() {
            out.push_str(&format!("; to {}", to.join(", ")));
        }
        out
    }

    /// The I-node ends of a node's edges in one direction, with the edges.
    pub(super) fn claim_ends(&self, n: usize, incoming: bool) -> Vec<(usize, usize)> {
        let edges = if incoming {
            &self.map.ins[n]
        } else {
            &self.map.outs[n]
        };
        edges
            .iter()
            .filter_map(|&e| {
                let edge = &self.map.edges[e];
                let other = if incoming { edge.from } else { edge.to }?;
                Some((self.claim_of[other]?, e))
            })
            .collect()
    }
}
