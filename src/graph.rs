//! The debate as a graph: documents, claims and historians as petgraph nodes, built once.

use std::collections::HashMap;
use std::sync::OnceLock;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::corpus::model::{Claim, Document, Polarity};
use crate::corpus::Corpus;
use crate::query::dominators::Dependencies;

/// What a node of the [`Debate`] graph stands for: an index into the corpus's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    /// `corpus.documents[i]`.
    Document(usize),
    /// `corpus.claims[i]`.
    Claim(usize),
    /// `corpus.historians[i]`.
    Historian(usize),
}

/// How two nodes of the [`Debate`] graph are related. Edges point from the first to the second
/// word: a document backs a claim, a claim supports a claim, a claim is advanced by a historian.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Document → claim: the document is evidence for the claim.
    Backs,
    /// Document → claim: the document is evidence against the claim.
    Undermines,
    /// Claim → claim: the first lends its grounds to the second.
    Supports,
    /// Claim → claim: the first contradicts the second.
    Contradicts,
    /// Claim → historian: the historian advances the claim.
    AdvancedBy,
}

impl Relation {
    /// The relation as written in output, e.g. `advanced-by`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Backs => "backs",
            Relation::Undermines => "undermines",
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
            Relation::AdvancedBy => "advanced-by",
        }
    }
}

/// A compact adjacency list (compressed sparse rows) over `u32` node numbers.
#[derive(Clone, Debug, Default)]
pub(crate) struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    /// Builds the rows of `n` nodes from `(from, to)` edges; each row is sorted.
    pub(crate) fn new(n: usize, mut edges: Vec<(u32, u32)>) -> Csr {
        edges.sort_unstable();
        edges.dedup();
        let mut offsets = vec![0u32; n + 1];
        for &(from, _) in &edges {
            offsets[from as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let targets = edges.into_iter().map(|(_, to)| to).collect();
        Csr { offsets, targets }
    }

    /// The same edges, reversed.
    pub(crate) fn reversed(&self) -> Csr {
        let n = self.len();
        let edges = (0..n)
            .flat_map(|v| self.row(v as u32).iter().map(move |&w| (w, v as u32)))
            .collect();
        Csr::new(n, edges)
    }

    pub(crate) fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub(crate) fn row(&self, v: u32) -> &[u32] {
        let v = v as usize;
        &self.targets[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }
}

/// The evidence flow: documents back claims, claims support claims.
///
/// Node numbers: documents `0..d`, then claims `d..d + c`. Contradicts and undermines are not
/// part of it.
#[derive(Clone, Debug)]
pub(crate) struct Flow {
    pub documents: usize,
    pub forward: Csr,
    pub backward: Csr,
}

impl Flow {
    fn new(
        corpus: &Corpus,
        claim_number: &HashMap<&str, u32>,
        doc_number: &HashMap<&str, u32>,
    ) -> Flow {
        let d = corpus.documents.len();
        let mut edges = Vec::new();
        for (i, claim) in corpus.claims.iter().enumerate() {
            let me = (d + i) as u32;
            for e in claim
                .evidence
                .iter()
                .filter(|e| e.polarity == Polarity::Backs)
            {
                edges.push((doc_number[e.document.as_str()], me));
            }
            for target in &claim.supports {
                edges.push((me, claim_number[target.as_str()]));
            }
        }
        let forward = Csr::new(d + corpus.claims.len(), edges);
        let backward = forward.reversed();
        Flow {
            documents: d,
            forward,
            backward,
        }
    }

    /// Every node reachable from `sources` along the flow, skipping `blocked` nodes.
    pub(crate) fn reach(
        &self,
        sources: impl IntoIterator<Item = u32>,
        blocked: &[bool],
    ) -> Vec<bool> {
        let mut seen = vec![false; self.forward.len()];
        let mut stack: Vec<u32> = Vec::new();
        for s in sources {
            if !blocked[s as usize] && !seen[s as usize] {
                seen[s as usize] = true;
                stack.push(s);
            }
        }
        while let Some(v) = stack.pop() {
            for &w in self.forward.row(v) {
                if !seen[w as usize] && !blocked[w as usize] {
                    seen[w as usize] = true;
                    stack.push(w);
                }
            }
        }
        seen
    }

    /// Every node reachable from every document.
    pub(crate) fn grounded(&self) -> Vec<bool> {
        self.reach(0..self.documents as u32, &vec![false; self.forward.len()])
    }
}

/// A historiographical debate: a validated [`Corpus`] and its graph, built once.
///
/// Queries take `&self` and never change the graph: they use the flow side table or filtered
/// views of the graph.
#[derive(Debug)]
pub struct Debate {
    corpus: Corpus,
    graph: DiGraph<Node, Relation>,
    index: HashMap<String, NodeIndex>,
    pub(crate) flow: Flow,
    dependencies: OnceLock<Dependencies>,
}

impl Debate {
    /// Builds the graph of a validated corpus.
    pub fn new(corpus: Corpus) -> Debate {
        let mut graph = DiGraph::with_capacity(
            corpus.documents.len() + corpus.claims.len() + corpus.historians.len(),
            0,
        );
        let mut index = HashMap::new();
        for (i, d) in corpus.documents.iter().enumerate() {
            index.insert(d.id.clone(), graph.add_node(Node::Document(i)));
        }
        for (i, c) in corpus.claims.iter().enumerate() {
            index.insert(c.id.clone(), graph.add_node(Node::Claim(i)));
        }
        for (i, h) in corpus.historians.iter().enumerate() {
            index.insert(h.id.clone(), graph.add_node(Node::Historian(i)));
        }
        for claim in &corpus.claims {
            let me = index[&claim.id];
            for e in &claim.evidence {
                let relation = match e.polarity {
                    Polarity::Backs => Relation::Backs,
                    Polarity::Undermines => Relation::Undermines,
                };
                graph.add_edge(index[&e.document], me, relation);
            }
            for s in &claim.supports {
                graph.add_edge(me, index[s], Relation::Supports);
            }
            for s in &claim.contradicts {
                graph.add_edge(me, index[s], Relation::Contradicts);
            }
            for h in &claim.proponents {
                graph.add_edge(me, index[h], Relation::AdvancedBy);
            }
        }
        let doc_number: HashMap<&str, u32> = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i as u32))
            .collect();
        let claim_number: HashMap<&str, u32> = corpus
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), (corpus.documents.len() + i) as u32))
            .collect();
        let flow = Flow::new(&corpus, &claim_number, &doc_number);
        Debate {
            corpus,
            graph,
            index,
            flow,
            dependencies: OnceLock::new(),
        }
    }

    /// The corpus the debate was built from.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The petgraph graph: nodes are [`Node`]s, edges are [`Relation`]s.
    pub fn graph(&self) -> &DiGraph<Node, Relation> {
        &self.graph
    }

    /// The node of a document, claim or historian id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The id of a node.
    pub fn id_of(&self, node: Node) -> &str {
        match node {
            Node::Document(i) => &self.corpus.documents[i].id,
            Node::Claim(i) => &self.corpus.claims[i].id,
            Node::Historian(i) => &self.corpus.historians[i].id,
        }
    }

    /// The document-dependency table, computed on first use.
    pub(crate) fn dependencies(&self) -> &Dependencies {
        self.dependencies
            .get_or_init(|| Dependencies::new(&self.flow))
    }

    /// The flow number of a document index.
    pub(crate) fn doc_flow(&self, i: usize) -> u32 {
        i as u32
    }

    /// The claim index of a flow number, if it is a claim.
    pub(crate) fn flow_claim(&self, v: u32) -> Option<usize> {
        (v as usize).checked_sub(self.flow.documents)
    }

    /// The flow number of a claim index.
    pub(crate) fn claim_flow(&self, i: usize) -> u32 {
        (self.flow.documents + i) as u32
    }

    /// The document at an index.
    pub(crate) fn doc(&self, i: usize) -> &Document {
        &self.corpus.documents[i]
    }

    /// The claim at an index.
    pub(crate) fn claim_at(&self, i: usize) -> &Claim {
        &self.corpus.claims[i]
    }
}
