//! The debate as text for other tools: pictures (DOT, Mermaid), data (JSON, GraphML) and
//! argument-mapping formats (AIF, Argdown).
//!
//! Every format renders a [`Subgraph`]: the whole debate, or the neighbourhood of some nodes.
//! Export sees only the built [`Debate`]; it knows nothing about YAML.

mod aif;
mod aif_marks;
mod argdown;
mod dot;
mod graphml;
mod json;
mod mermaid;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::{Debate, Node, Relation};
use crate::query::QueryError;

pub use mermaid::to_mermaid;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Graphviz DOT: clusters per school, edge styles per relation.
    Dot,
    /// A Mermaid flowchart, for Markdown notebooks.
    Mermaid,
    /// Nodes and edges as JSON.
    Json,
    /// AIF (AIFdb JSON): claims, documents and works as I-nodes, RA nodes for support (one per
    /// linked argument, with several premises), CA nodes for attacks and undercuts; each node
    /// marked with its record (a `historiograph` key) so that `import aif` restores the corpus.
    Aif,
    /// Argdown: statements and their support and attack relations.
    Argdown,
    /// GraphML with declared, typed keys and the records' fields, for yEd, Gephi and networkx.
    Graphml,
    /// CSL-JSON: the works, and the documents as archival items (Zotero, pandoc, citeproc).
    CslJson,
    /// BibTeX: the works, and the documents as `@misc` archival items.
    Bibtex,
}

impl Format {
    /// Every format, in declaration order.
    pub const ALL: [Format; 8] = [
        Format::Dot,
        Format::Mermaid,
        Format::Json,
        Format::Aif,
        Format::Argdown,
        Format::Graphml,
        Format::CslJson,
        Format::Bibtex,
    ];

    /// The format's name as the command line writes it, e.g. `graphml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Mermaid => "mermaid",
            Format::Json => "json",
            Format::Aif => "aif",
            Format::Argdown => "argdown",
            Format::Graphml => "graphml",
            Format::CslJson => "csl-json",
            Format::Bibtex => "bibtex",
        }
    }

    /// Renders a subgraph of the debate in this format.
    pub fn render(self, debate: &Debate, subgraph: &Subgraph) -> String {
        let ids: BTreeSet<&str> = subgraph.ids(debate).into_iter().collect();
        let keep = |id: &str| ids.contains(id);
        match self {
            Format::CslJson => return crate::bibliography::to_csl_json(debate.corpus(), &keep),
            Format::Bibtex => return crate::bibliography::to_bibtex(debate.corpus(), &keep),
            _ => {}
        }
        let picture = Picture::new(debate, subgraph);
        match self {
            Format::CslJson | Format::Bibtex => unreachable!("rendered above"),
            Format::Dot => dot::render(&picture),
            Format::Mermaid => mermaid::render(&picture),
            Format::Json => json::render(&picture),
            Format::Aif => aif::render(debate, &picture),
            Format::Argdown => argdown::render(&picture),
            Format::Graphml => graphml::render(debate, &picture),
        }
    }
}

/// What to export: the whole debate, or the neighbourhood of some nodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Export only the nodes within `depth` hops of these ids; empty means the whole debate.
    pub around: Vec<String>,
    /// How many hops from `around`, following every relation in either direction.
    pub depth: usize,
    /// Whether to include historians and advanced-by edges (off keeps pictures readable).
    pub historians: bool,
}

impl Default for ExportOptions {
    /// The whole debate, without historians; a depth of 1 for when `around` is set.
    fn default() -> Self {
        ExportOptions {
            around: Vec::new(),
            depth: 1,
            historians: false,
        }
    }
}

/// Exports the debate, or a neighbourhood of it, in a format.
///
/// ```
/// use historiograph::{export, Corpus, Debate, ExportOptions, Format};
///
/// let debate = Debate::new(Corpus::bundled());
/// let options = ExportOptions {
///     around: vec!["stalin-gottwald-1950-08-27".into()],
///     ..ExportOptions::default()
/// };
/// let dot = export(&debate, Format::Dot, &options)?;
/// assert!(dot.starts_with("digraph"));
/// # Ok::<(), historiograph::QueryError>(())
/// ```
pub fn export(
    debate: &Debate,
    format: Format,
    options: &ExportOptions,
) -> Result<String, QueryError> {
    let subgraph = Subgraph::select(debate, options)?;
    Ok(format.render(debate, &subgraph))
}

/// How many edges Mermaid renders by default (its `maxEdges`): GitHub, GitLab and
/// mermaid-cli show an error instead of a diagram with more.
pub const MERMAID_MAX_EDGES: usize = 500;

/// Exports as [`export`] does, with the warnings a reader should see about the result: a
/// Mermaid diagram of more than [`MERMAID_MAX_EDGES`] edges, which the usual renderers refuse.
///
/// ```
/// use historiograph::{export_with_warnings, Corpus, Debate, ExportOptions, Format};
///
/// let debate = Debate::new(Corpus::bundled());
/// let options = ExportOptions { historians: true, ..ExportOptions::default() };
/// let (_, warnings) = export_with_warnings(&debate, Format::Mermaid, &options)?;
/// assert!(warnings[0].contains("--around"));
/// # Ok::<(), historiograph::QueryError>(())
/// ```
pub fn export_with_warnings(
    debate: &Debate,
    format: Format,
    options: &ExportOptions,
) -> Result<(String, Vec<String>), QueryError> {
    let subgraph = Subgraph::select(debate, options)?;
    let text = format.render(debate, &subgraph);
    let mut warnings = Vec::new();
    if format == Format::Mermaid {
        let edges = Picture::new(debate, &subgraph).links.len();
        if edges > MERMAID_MAX_EDGES {
            warnings.push(format!(
                "the diagram has {edges} edges, more than the {MERMAID_MAX_EDGES} that Mermaid \
                 renders by default: GitHub, GitLab and mermaid-cli will show an error instead; \
                 export a neighbourhood with --around ID (and --depth N), leave out \
                 --historians, or raise maxEdges in the renderer's configuration"
            ));
        }
    }
    Ok((text, warnings))
}

/// A set of nodes of a debate to export; every edge between them is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subgraph {
    nodes: BTreeSet<NodeIndex>,
}

impl Subgraph {
    /// The whole debate; historians only when `historians` is set.
    pub fn whole(debate: &Debate, historians: bool) -> Subgraph {
        let nodes = debate
            .graph()
            .node_indices()
            .filter(|&n| historians || !is_historian(debate, n))
            .collect();
        Subgraph { nodes }
    }

    /// The subgraph that `options` select.
    pub fn select(debate: &Debate, options: &ExportOptions) -> Result<Subgraph, QueryError> {
        if options.around.is_empty() {
            Ok(Subgraph::whole(debate, options.historians))
        } else {
            Subgraph::around(debate, &options.around, options.depth, options.historians)
        }
    }

    /// The nodes within `depth` hops of `ids`, following every relation in either direction
    /// (breadth-first). Historians are added only when `historians` is set, but a historian
    /// named in `ids` is always included and reaches the claims it advances.
    pub fn around(
        debate: &Debate,
        ids: &[impl AsRef<str>],
        depth: usize,
        historians: bool,
    ) -> Result<Subgraph, QueryError> {
        let graph = debate.graph();
        let mut nodes = BTreeSet::new();
        let mut queue = VecDeque::new();
        for id in ids {
            let start = start_node(debate, id.as_ref())?;
            if nodes.insert(start) {
                queue.push_back((start, 0));
            }
        }
        while let Some((v, hops)) = queue.pop_front() {
            if hops == depth {
                continue;
            }
            for w in graph.neighbors_undirected(v) {
                if (historians || !is_historian(debate, w)) && nodes.insert(w) {
                    queue.push_back((w, hops + 1));
                }
            }
        }
        Ok(Subgraph { nodes })
    }

    /// The ids of the nodes, sorted.
    pub fn ids<'d>(&self, debate: &'d Debate) -> Vec<&'d str> {
        let mut ids: Vec<&str> = self
            .nodes
            .iter()
            .map(|&n| debate.id_of(debate.graph()[n]))
            .collect();
        ids.sort_unstable();
        ids
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the subgraph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Whether the node with this id is in the subgraph.
    pub fn contains(&self, debate: &Debate, id: &str) -> bool {
        debate.node(id).is_some_and(|n| self.nodes.contains(&n))
    }
}

/// The nodes within `depth` hops of `ids`, without historians: the subgraph a query involves.
///
/// ```
/// use historiograph::{neighbourhood, to_mermaid, Corpus, Debate};
///
/// let debate = Debate::new(Corpus::bundled());
/// let involved = neighbourhood(&debate, &["stalin-gottwald-1950-08-27"], 1)?;
/// let diagram = to_mermaid(&debate, &involved);
/// assert!(diagram.starts_with("flowchart LR"));
/// # Ok::<(), historiograph::QueryError>(())
/// ```
pub fn neighbourhood(
    debate: &Debate,
    ids: &[impl AsRef<str>],
    depth: usize,
) -> Result<Subgraph, QueryError> {
    Subgraph::around(debate, ids, depth, false)
}

fn is_historian(debate: &Debate, n: NodeIndex) -> bool {
    matches!(debate.graph()[n], Node::Historian(_))
}

fn start_node(debate: &Debate, id: &str) -> Result<NodeIndex, QueryError> {
    debate
        .node(id)
        .ok_or_else(|| crate::query::command::unknown_record(debate, id))
}

/// The group a node is drawn in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Cluster<'d> {
    /// Primary documents.
    Documents,
    /// Claims of one school or thesis: `(id, name)`.
    School(&'d str, &'d str),
    /// Claims of no school.
    Unaffiliated,
    /// Historians.
    Historians,
    /// Secondary works.
    Works,
    /// Linked arguments and undercut links.
    Inferences,
}

impl Cluster<'_> {
    /// A stable key, e.g. `documents` or `school-orthodox`.
    pub(crate) fn key(&self) -> String {
        match self {
            Cluster::Documents => "documents".into(),
            Cluster::School(id, _) => format!("school-{id}"),
            Cluster::Unaffiliated => "no-school".into(),
            Cluster::Historians => "historians".into(),
            Cluster::Works => "works".into(),
            Cluster::Inferences => "inferences".into(),
        }
    }

    /// The human label, e.g. `Post-revisionist`.
    pub(crate) fn label(&self) -> &str {
        match self {
            Cluster::Documents => "Documents",
            Cluster::School(_, name) => name,
            Cluster::Unaffiliated => "No school",
            Cluster::Historians => "Historians",
            Cluster::Works => "Works",
            Cluster::Inferences => "Arguments",
        }
    }
}

/// One node to draw.
#[derive(Clone, Debug)]
pub(crate) struct Item<'d> {
    pub node: Node,
    pub id: &'d str,
    /// `document`, `claim`, `work`, `inference` or `historian`.
    pub kind: &'static str,
    /// The statement, title or name, in full.
    pub text: &'d str,
    pub cluster: Cluster<'d>,
}

/// One edge to draw, between positions in [`Picture::items`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Link {
    pub from: usize,
    pub to: usize,
    pub relation: Relation,
}

/// A subgraph laid out for rendering: items sorted by cluster then id, links sorted and
/// without repeats (two pieces of evidence from one document are one edge).
pub(crate) struct Picture<'d> {
    pub items: Vec<Item<'d>>,
    pub links: Vec<Link>,
}

impl<'d> Picture<'d> {
    /// The picture of a subgraph.
    pub(crate) fn new(debate: &'d Debate, subgraph: &Subgraph) -> Picture<'d> {
        let graph = debate.graph();
        let mut items: Vec<(NodeIndex, Item<'d>)> = subgraph
            .nodes
            .iter()
            .map(|&n| (n, item(debate, graph[n])))
            .collect();
        items.sort_by(|(_, a), (_, b)| (&a.cluster, a.id).cmp(&(&b.cluster, b.id)));
        let position: BTreeMap<NodeIndex, usize> = items
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (*n, i))
            .collect();
        let links: BTreeSet<Link> = subgraph
            .nodes
            .iter()
            .flat_map(|&n| graph.edges(n))
            .filter_map(|e| {
                Some(Link {
                    from: *position.get(&e.source())?,
                    to: *position.get(&e.target())?,
                    relation: *e.weight(),
                })
            })
            .collect();
        Picture {
            items: items.into_iter().map(|(_, item)| item).collect(),
            links: links.into_iter().collect(),
        }
    }

    /// The links sorted by the ids of their ends, then relation.
    pub(crate) fn links_by_id(&self) -> Vec<Link> {
        let mut links = self.links.clone();
        links.sort_by_key(|l| (self.items[l.from].id, self.items[l.to].id, l.relation));
        links
    }

    /// The items grouped by cluster, in cluster order.
    pub(crate) fn clusters(&self) -> Vec<(&Cluster<'d>, Vec<usize>)> {
        let mut out: Vec<(&Cluster<'d>, Vec<usize>)> = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            match out.last_mut() {
                Some((c, members)) if **c == item.cluster => members.push(i),
                _ => out.push((&item.cluster, vec![i])),
            }
        }
        out
    }
}

fn item(debate: &Debate, node: Node) -> Item<'_> {
    let corpus = debate.corpus();
    let id = debate.id_of(node);
    match node {
        Node::Document(i) => Item {
            node,
            id,
            kind: "document",
            text: &corpus.documents[i].title,
            cluster: Cluster::Documents,
        },
        Node::Claim(i) => {
            let claim = &corpus.claims[i];
            let cluster = match claim.school.as_deref().and_then(|s| corpus.school(s)) {
                Some(school) => Cluster::School(&school.id, &school.name),
                None => Cluster::Unaffiliated,
            };
            Item {
                node,
                id,
                kind: "claim",
                text: &claim.statement,
                cluster,
            }
        }
        Node::Historian(i) => Item {
            node,
            id,
            kind: "historian",
            text: &corpus.historians[i].name,
            cluster: Cluster::Historians,
        },
        Node::Work(i) => Item {
            node,
            id,
            kind: "work",
            text: &corpus.works[i].title,
            cluster: Cluster::Works,
        },
        Node::Inference(i) => Item {
            node,
            id,
            kind: "inference",
            text: match debate.inference(i) {
                crate::graph::Inference::Linked { .. } => {
                    "linked argument: its premises hold only together"
                }
                crate::graph::Inference::Link { .. } => "evidence link, undercut",
            },
            cluster: Cluster::Inferences,
        },
    }
}

/// The first `max` characters of `text` on one line, with `…` when cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// How many characters of a statement or title a picture's label shows.
pub(crate) const LABEL_CHARS: usize = 48;
