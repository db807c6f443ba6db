//! The debate as a graph: documents, claims, works, inferences and historians as petgraph
//! nodes, built once.

mod flow;
mod index;

use std::sync::OnceLock;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::corpus::id::Id;
use crate::corpus::model::{Argument, Claim, Document, Evidence, Polarity, UndercutTarget, Work};
use crate::corpus::Corpus;
use crate::query::dominators::Dependencies;
use crate::query::AcceptabilityCache;

pub(crate) use crate::corpus::id::IdMap;
pub use flow::Grounding;
pub(crate) use flow::{Csr, Flow};
use index::{prefetch, ByAddress, IdIndex, AHEAD, BATCH};

/// What a node of the [`Debate`] graph stands for: an index into the corpus's lists, or into
/// the debate's inferences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    /// `corpus.documents[i]`.
    Document(usize),
    /// `corpus.claims[i]`.
    Claim(usize),
    /// `corpus.historians[i]`.
    Historian(usize),
    /// `corpus.works[i]`.
    Work(usize),
    /// The debate's inference `i` ([`Debate::inference`]): a junction that grounds its
    /// conclusion only when every premise holds.
    Inference(usize),
}

/// An inference of the debate: a junction between premises and a conclusion.
///
/// A linked argument is one; so is a backing link that some claim undercuts (the document
/// is then the inference's one premise, so that the link itself can be attacked).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Inference {
    /// `corpus.claims[claim].arguments[argument]`.
    Linked {
        /// The conclusion's claim index.
        claim: usize,
        /// The argument's index in the claim's `arguments`.
        argument: usize,
    },
    /// `corpus.claims[claim].evidence[evidence]`, a backing link that a claim undercuts.
    Link {
        /// The claim index of the claim the document backs.
        claim: usize,
        /// The index in the claim's `evidence`.
        evidence: usize,
    },
}

impl Inference {
    /// The claim index of the conclusion.
    pub fn conclusion(self) -> usize {
        match self {
            Inference::Linked { claim, .. } | Inference::Link { claim, .. } => claim,
        }
    }
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
    /// Work → claim: the claim cites the work.
    Cites,
    /// Claim or document → inference: one of the premises.
    Premise,
    /// Inference → claim: what the premises together support.
    Concludes,
    /// Claim → document, work or inference: source criticism, an attack on evidence.
    Undercuts,
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
            Relation::Cites => "cites",
            Relation::Premise => "premise",
            Relation::Concludes => "concludes",
            Relation::Undercuts => "undercuts",
        }
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
    index: IdIndex,
    /// The inferences, in node order: linked arguments by claim, then undercut links.
    inferences: Vec<Inference>,
    /// The name of each inference (see [`Debate::inference_name`]).
    inference_names: Vec<Id>,
    pub(crate) flow: Flow,
    dependencies: OnceLock<Dependencies>,
    /// What questions about the debate with every document compute once: which nodes are
    /// grounded, the framework of the whole debate, its grounded labelling, and the statuses
    /// under each semantics.
    pub(crate) acceptability: AcceptabilityCache,
}

/// The id of node number `v`: documents, then claims, then works, then historians (the
/// inferences, numbered after them, have no ids of their own).
fn id_at(corpus: &Corpus, v: u32) -> &Id {
    let (d, c, w) = (
        corpus.documents.len(),
        corpus.claims.len(),
        corpus.works.len(),
    );
    match v as usize {
        i if i < d => &corpus.documents[i].id,
        i if i < d + c => &corpus.claims[i - d].id,
        i if i < d + c + w => &corpus.works[i - d - c].id,
        i => &corpus.historians[i - d - c - w].id,
    }
}

/// The inferences of a corpus: its linked arguments, claim by claim, then the backing links
/// that some claim undercuts, sorted and once each; and for each such link, keyed by
/// `(document id, claim index)`, its inference number.
fn inferences<'a>(
    corpus: &'a Corpus,
    index: &IdIndex,
) -> (Vec<Inference>, IdMap<(&'a str, usize), usize>) {
    let mut out: Vec<Inference> = Vec::new();
    for (claim, c) in corpus.claims.iter().enumerate() {
        out.extend((0..c.arguments.len()).map(|argument| Inference::Linked { claim, argument }));
    }
    let d = corpus.documents.len();
    let mut links: Vec<(usize, usize)> = Vec::new();
    for u in corpus.claims.iter().flat_map(|c| &c.undercuts) {
        if let UndercutTarget::Evidence { document, claim } = &u.target {
            let Some(v) = index.get(claim, |v| id_at(corpus, v)) else {
                continue;
            };
            let i = v as usize - d;
            let backs = |e: &Evidence| e.polarity == Polarity::Backs && e.document == *document;
            if let Some(e) = corpus.claims[i].evidence.iter().position(backs) {
                links.push((i, e));
            }
        }
    }
    links.sort_unstable();
    links.dedup();
    let mut by_link = IdMap::default();
    for (claim, evidence) in links {
        let document = corpus.claims[claim].evidence[evidence].document.as_str();
        by_link.insert((document, claim), out.len());
        out.push(Inference::Link { claim, evidence });
    }
    (out, by_link)
}

/// A reference from claim number `claim` to the record `id`, and the edge it makes: towards
/// the claim (evidence) or away from it.
struct Reference<'a> {
    claim: usize,
    id: &'a str,
    relation: Relation,
    towards_claim: bool,
}

/// The references of claim number `i`: evidence, supports, contradictions, proponents.
fn references<'a>((i, claim): (usize, &'a Claim)) -> impl Iterator<Item = Reference<'a>> {
    let to = move |ids: &'a [Id], relation| {
        ids.iter().map(move |id| Reference {
            claim: i,
            id,
            relation,
            towards_claim: false,
        })
    };
    let evidence = claim.evidence.iter().map(move |e| Reference {
        claim: i,
        id: &e.document,
        relation: match e.polarity {
            Polarity::Backs => Relation::Backs,
            Polarity::Undermines => Relation::Undermines,
        },
        towards_claim: true,
    });
    evidence
        .chain(to(&claim.supports, Relation::Supports))
        .chain(to(&claim.contradicts, Relation::Contradicts))
        .chain(to(&claim.proponents, Relation::AdvancedBy))
}

/// The node each reference of the corpus names, in the order of [`references`].
///
/// Resolving a reference by its text reads the text, a slot of the id index and the record
/// there, each a likely cache miss on a large corpus. But the readers and the generator give a
/// reference the very text of the record it names (see `share_ids`), so references are first
/// looked up by the address of their text, which reads one slot; a reference made otherwise
/// falls back to its text.
///
/// # Panics
///
/// If a reference does not resolve (a corpus that [`Corpus::validate`] rejects).
fn resolve(corpus: &Corpus, index: &IdIndex, n: usize, edges: usize) -> Vec<u32> {
    let by_address = ByAddress::new(n, |v| id_at(corpus, v));
    let by_text = |id: &str| index.get(id, |v| id_at(corpus, v));
    let mut targets = Vec::with_capacity(edges);
    let mut batch: Vec<&str> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<&str>| {
        by_address.get_batch(batch, by_text, &mut targets);
        batch.clear();
    };
    let references = corpus.claims.iter().enumerate().flat_map(references);
    references.for_each(|reference| {
        batch.push(reference.id);
        if batch.len() == BATCH {
            flush(&mut batch);
        }
    });
    flush(&mut batch);
    targets
}

/// Adds the edges that the fast path of [`Debate::new`] leaves out: works cited by claims,
/// the premises and conclusions of linked arguments, and undercuts. They are few, and resolved
/// by their text.
#[allow(
    clippy::expect_used,
    reason = "a Debate is built from a validated corpus, whose undercuts name what exists"
)]
fn add_scholarship_and_criticism(
    corpus: &Corpus,
    inferences: &[Inference],
    undercut_links: &IdMap<(&str, usize), usize>,
    node: impl Fn(&str) -> NodeIndex,
    graph: &mut DiGraph<Node, Relation>,
) {
    let d = corpus.documents.len();
    let first_inference = graph.node_count() - inferences.len();
    let mut argument_ids: IdMap<&str, usize> = IdMap::default();
    for (k, inference) in inferences.iter().enumerate() {
        if let Inference::Linked { claim, argument } = *inference {
            let a = &corpus.claims[claim].arguments[argument];
            let junction = NodeIndex::new(first_inference + k);
            for p in &a.premises {
                graph.add_edge(node(p), junction, Relation::Premise);
            }
            graph.add_edge(junction, NodeIndex::new(d + claim), Relation::Concludes);
            if let Some(id) = &a.id {
                argument_ids.insert(id, k);
            }
        }
    }
    for (i, c) in corpus.claims.iter().enumerate() {
        let me = NodeIndex::new(d + i);
        for cite in &c.cites {
            graph.add_edge(node(&cite.work), me, Relation::Cites);
        }
        for u in &c.undercuts {
            let target = match &u.target {
                UndercutTarget::Document(id) | UndercutTarget::Work(id) => Some(node(id)),
                UndercutTarget::Argument(id) => argument_ids
                    .get(id.as_str())
                    .map(|&k| NodeIndex::new(first_inference + k)),
                UndercutTarget::Evidence { document, claim } => {
                    let claim = node(claim).index() - d;
                    undercut_links
                        .get(&(document.as_str(), claim))
                        .map(|&k| NodeIndex::new(first_inference + k))
                }
            };
            let target = target.expect("a validated corpus undercuts what it has");
            graph.add_edge(me, target, Relation::Undercuts);
        }
    }
}

impl Debate {
    /// Builds the graph of a validated corpus.
    ///
    /// Corpora from [`Corpus::load`], [`Corpus::from_sources`] and [`Corpus::bundled`] are
    /// valid. For a corpus built or edited in code, use [`Debate::try_new`], which checks it
    /// first.
    ///
    /// # Panics
    ///
    /// If a reference in the corpus does not resolve (a corpus that [`Corpus::validate`]
    /// rejects).
    #[allow(
        clippy::expect_used,
        reason = "a Debate is built from a validated corpus, whose references all resolve"
    )]
    pub fn new(corpus: Corpus) -> Debate {
        let (d, c) = (corpus.documents.len(), corpus.claims.len());
        let (w, h) = (corpus.works.len(), corpus.historians.len());
        let n = d + c + w + h;
        let index = IdIndex::new(n, |v| id_at(&corpus, v));
        let (inferences, undercut_links) = inferences(&corpus, &index);
        let edges = corpus
            .claims
            .iter()
            .map(|c| c.evidence.len() + c.supports.len() + c.contradicts.len() + c.proponents.len())
            .sum();
        let targets = resolve(&corpus, &index, n, edges);
        let mut graph = DiGraph::with_capacity(n + inferences.len(), edges);
        let nodes = (0..d).map(Node::Document);
        let nodes = nodes.chain((0..c).map(Node::Claim));
        let nodes = nodes.chain((0..w).map(Node::Work));
        let nodes = nodes.chain((0..h).map(Node::Historian));
        for node in nodes.chain((0..inferences.len()).map(Node::Inference)) {
            graph.add_node(node);
        }
        // Adding an edge links it into the lists of both its nodes: the claim's is near the last
        // one, the other is anywhere, so it is prefetched a few edges ahead. The references are
        // walked with `for_each`, which runs each claim's lists as plain loops.
        let mut i = 0;
        let references = corpus.claims.iter().enumerate().flat_map(references);
        references.for_each(|r| {
            if let Some(&ahead) = targets.get(i + AHEAD) {
                prefetch(&graph.raw_nodes()[ahead as usize]);
            }
            let (me, other) = (
                NodeIndex::new(d + r.claim),
                NodeIndex::new(targets[i] as usize),
            );
            let (from, to) = if r.towards_claim {
                (other, me)
            } else {
                (me, other)
            };
            let link = (r.relation == Relation::Backs && !undercut_links.is_empty())
                .then(|| undercut_links.get(&(r.id, r.claim)))
                .flatten();
            match link {
                // An undercut link runs through its inference, which the undercut attacks.
                Some(&k) => {
                    let junction = NodeIndex::new(n + k);
                    graph.add_edge(from, junction, Relation::Premise);
                    graph.add_edge(junction, to, Relation::Concludes);
                }
                None => {
                    graph.add_edge(from, to, r.relation);
                }
            }
            i += 1;
        });
        drop(targets);
        let node = |id: &str| {
            let v = index.get(id, |v| id_at(&corpus, v));
            NodeIndex::new(v.expect("a validated corpus has no dangling references") as usize)
        };
        add_scholarship_and_criticism(&corpus, &inferences, &undercut_links, node, &mut graph);
        let flow = Flow::new([d, c, w, h], &inferences, &graph);
        let mut debate = Debate {
            corpus,
            graph,
            index,
            inference_names: Vec::new(),
            inferences,
            flow,
            dependencies: OnceLock::new(),
            acceptability: AcceptabilityCache::default(),
        };
        debate.inference_names = (0..debate.inferences.len())
            .map(|i| debate.name_inference(i))
            .collect();
        debate
    }

    /// Checks a corpus with [`Corpus::validate`], then builds its graph: the way to build a
    /// debate from records made or edited in code.
    pub fn try_new(corpus: Corpus) -> Result<Debate, crate::LoadError> {
        corpus.validate()?;
        Ok(Debate::new(corpus))
    }

    /// The corpus the debate was built from.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The petgraph graph: nodes are [`Node`]s, edges are [`Relation`]s.
    pub fn graph(&self) -> &DiGraph<Node, Relation> {
        &self.graph
    }

    /// The inferences: node [`Node::Inference`]`(i)` is `inferences()[i]`.
    pub fn inferences(&self) -> &[Inference] {
        &self.inferences
    }

    /// Inference `i`.
    pub fn inference(&self, i: usize) -> Inference {
        self.inferences[i]
    }

    /// The linked argument of an inference, if it is one.
    pub fn argument(&self, i: usize) -> Option<&Argument> {
        match self.inferences[i] {
            Inference::Linked { claim, argument } => {
                Some(&self.corpus.claims[claim].arguments[argument])
            }
            Inference::Link { .. } => None,
        }
    }

    /// A readable name for inference `i`: the argument's id, or `CLAIM#N` for the claim's
    /// N-th argument (from 1), or `DOCUMENT→CLAIM` for an undercut link.
    pub fn inference_name(&self, i: usize) -> &str {
        &self.inference_names[i]
    }

    /// [`Debate::inference_name`] as an [`Id`].
    pub(crate) fn inference_id(&self, i: usize) -> &Id {
        &self.inference_names[i]
    }

    fn name_inference(&self, i: usize) -> Id {
        Id::from(match self.inferences[i] {
            Inference::Linked { claim, argument } => {
                let c = &self.corpus.claims[claim];
                match &c.arguments[argument].id {
                    Some(id) => id.to_string(),
                    None => format!("{}#{}", c.id, argument + 1),
                }
            }
            Inference::Link { claim, evidence } => {
                let c = &self.corpus.claims[claim];
                format!("{}→{}", c.evidence[evidence].document, c.id)
            }
        })
    }

    /// The node of a document, claim, work or historian id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        let v = self.index.get(id, |v| id_at(&self.corpus, v))?;
        Some(NodeIndex::new(v as usize))
    }

    /// The document with this id, found through the index (unlike [`Corpus::document`], which
    /// scans the list).
    pub fn document(&self, id: &str) -> Option<&Document> {
        match self.graph[self.node(id)?] {
            Node::Document(i) => Some(&self.corpus.documents[i]),
            _ => None,
        }
    }

    /// The claim with this id, found through the index (unlike [`Corpus::claim`], which scans
    /// the list).
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        match self.graph[self.node(id)?] {
            Node::Claim(i) => Some(&self.corpus.claims[i]),
            _ => None,
        }
    }

    /// The historian with this id, found through the index.
    pub fn historian(&self, id: &str) -> Option<&crate::corpus::model::Historian> {
        match self.graph[self.node(id)?] {
            Node::Historian(i) => Some(&self.corpus.historians[i]),
            _ => None,
        }
    }

    /// The work with this id, found through the index.
    pub fn work(&self, id: &str) -> Option<&Work> {
        match self.graph[self.node(id)?] {
            Node::Work(i) => Some(&self.corpus.works[i]),
            _ => None,
        }
    }

    /// The id of a node; an inference, which has none, is named by [`Debate::inference_name`].
    pub fn id_of(&self, node: Node) -> &str {
        match node {
            Node::Document(i) => &self.corpus.documents[i].id,
            Node::Claim(i) => &self.corpus.claims[i].id,
            Node::Historian(i) => &self.corpus.historians[i].id,
            Node::Work(i) => &self.corpus.works[i].id,
            Node::Inference(i) => self.inference_name(i),
        }
    }

    /// The document-dependency table, computed on first use.
    pub(crate) fn dependencies(&self) -> &Dependencies {
        self.dependencies
            .get_or_init(|| Dependencies::new(&self.flow, self.grounded_nodes()))
    }

    /// The flow number of a document index.
    pub(crate) fn doc_flow(&self, i: usize) -> u32 {
        i as u32
    }

    /// The flow nodes with an edge into flow node `v` (what backs, supports, is cited by or is
    /// a premise of it), read from the graph's incoming edges.
    pub(crate) fn flow_predecessors(&self, v: u32) -> impl Iterator<Item = u32> + '_ {
        (self.graph)
            .edges_directed(self.flow.graph_node(v), Direction::Incoming)
            .filter(|e| Flow::carries(*e.weight()))
            .map(|e| self.flow.of_graph(e.source()))
    }

    /// The index of the document at flow node `v` (`v` must be a document's).
    pub(crate) fn flow_doc(&self, v: u32) -> usize {
        debug_assert!(
            (v as usize) < self.flow.documents,
            "flow node {v} is no document"
        );
        v as usize
    }

    /// The claim index of a flow number, if it is a claim.
    pub(crate) fn flow_claim(&self, v: u32) -> Option<usize> {
        let i = (v as usize).checked_sub(self.flow.documents)?;
        (i < self.flow.claims).then_some(i)
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
