//! The debate as a graph: documents, claims and historians as petgraph nodes, built once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::marker::PhantomData;
use std::sync::OnceLock;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::corpus::id::Id;
use crate::corpus::model::{Claim, Document, Polarity};
use crate::corpus::Corpus;
use crate::query::dominators::Dependencies;
use crate::query::AcceptabilityCache;

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
    /// Builds the rows of `n` nodes from `(from, to)` edges; each row is sorted and listed once.
    ///
    /// A counting sort by source, then a sort of each (short) row: O(n + m) for rows of
    /// bounded length, with no comparison sort of the whole edge list.
    pub(crate) fn new(n: usize, edges: Vec<(u32, u32)>) -> Csr {
        Csr::from_edges(n, || edges.iter().copied())
    }

    /// [`Csr::new`] from edges listed twice by `edges` (once to count, once to place), so that
    /// the edge list is never held in memory beside the rows.
    pub(crate) fn from_edges<I>(n: usize, edges: impl Fn() -> I) -> Csr
    where
        I: Iterator<Item = (u32, u32)>,
    {
        // After the counts and prefix sums, `offsets[v + 1]` is the end of row `v`; placing
        // each edge moves it down, so it ends as the start of row `v`, one slot to the right.
        let mut offsets = row_starts(n, edges().map(|(from, _)| from));
        let mut targets = vec![0u32; offsets[n] as usize];
        for (from, to) in edges() {
            let start = &mut offsets[from as usize + 1];
            *start -= 1;
            targets[*start as usize] = to;
        }
        offsets.copy_within(1.., 0);
        offsets[n] = targets.len() as u32;
        // Sort and deduplicate each row, moving it down over the duplicates removed before it.
        let mut kept = 0;
        for v in 0..n {
            let (start, end) = (offsets[v] as usize, offsets[v + 1] as usize);
            offsets[v] = kept as u32;
            targets[start..end].sort_unstable();
            let mut last = None;
            for i in start..end {
                let w = targets[i];
                if last != Some(w) {
                    targets[kept] = w;
                    kept += 1;
                    last = Some(w);
                }
            }
        }
        offsets[n] = kept as u32;
        targets.truncate(kept);
        Csr { offsets, targets }
    }

    /// The same edges, reversed. A counting sort by target: the sources are visited in order,
    /// so each new row comes out sorted, and without duplicates since the rows had none.
    pub(crate) fn reversed(&self) -> Csr {
        let n = self.len();
        let offsets = row_starts(n, self.targets.iter().copied());
        let mut cursor = offsets[..n].to_vec();
        let mut targets = vec![0u32; self.targets.len()];
        for v in 0..n as u32 {
            for &w in self.row(v) {
                let at = &mut cursor[w as usize];
                targets[*at as usize] = v;
                *at += 1;
            }
        }
        Csr { offsets, targets }
    }

    pub(crate) fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub(crate) fn row(&self, v: u32) -> &[u32] {
        let v = v as usize;
        &self.targets[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }
}

/// The row offsets of `n` nodes whose edges start at `sources`: a count per node, then prefix
/// sums.
fn row_starts(n: usize, sources: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut offsets = vec![0u32; n + 1];
    for from in sources {
        offsets[from as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    offsets
}

/// The evidence flow: documents back claims, claims support claims.
///
/// Node numbers: documents `0..d`, then claims `d..d + c`. Contradicts and undermines are not
/// part of it; they are kept aside, on the same numbers, as `attacks`.
#[derive(Clone, Debug)]
pub(crate) struct Flow {
    pub documents: usize,
    pub forward: Csr,
    /// `forward` reversed, built on first use (only the evidence query walks it), so that
    /// debates that never ask for it do not hold a second copy of the flow.
    backward: OnceLock<Csr>,
    /// `(attacker, target)`: contradictions between claims and underminings of claims by
    /// documents, in graph order.
    pub attacks: Vec<(u32, u32)>,
}

impl Flow {
    /// The flow of a debate graph whose nodes are the documents, then the claims, then the
    /// historians, in corpus order: node indices are flow numbers.
    fn new(documents: usize, claims: usize, graph: &DiGraph<Node, Relation>) -> Flow {
        let pairs = |relations: &'static [Relation]| {
            move || {
                graph
                    .raw_edges()
                    .iter()
                    .filter(|e| relations.contains(&e.weight))
                    .map(|e| (e.source().index() as u32, e.target().index() as u32))
            }
        };
        let flow = pairs(&[Relation::Backs, Relation::Supports]);
        let attacks = pairs(&[Relation::Contradicts, Relation::Undermines])().collect();
        Flow {
            documents,
            forward: Csr::from_edges(documents + claims, flow),
            backward: OnceLock::new(),
            attacks,
        }
    }

    /// The flow's edges, reversed.
    pub(crate) fn backward(&self) -> &Csr {
        self.backward.get_or_init(|| self.forward.reversed())
    }

    /// Every node reachable from `sources` along the flow, skipping `blocked` nodes.
    ///
    /// One sweep in node order follows the edges that point forward (sequential reads, which
    /// matters on large graphs whose records come roughly in order), then a depth-first search
    /// finishes from the nodes reached behind the sweep. Linear either way. Whether a node is
    /// blocked or seen is kept in one byte per node, so that following an edge costs one
    /// random access, not two.
    pub(crate) fn reach(
        &self,
        sources: impl IntoIterator<Item = u32>,
        blocked: &[bool],
    ) -> Vec<bool> {
        const SEEN: u8 = 1;
        const BLOCKED: u8 = 2;
        let mut state: Vec<u8> = blocked
            .iter()
            .map(|&b| if b { BLOCKED } else { 0 })
            .collect();
        for s in sources {
            if state[s as usize] == 0 {
                state[s as usize] = SEEN;
            }
        }
        let mut stack: Vec<u32> = Vec::new();
        for v in 0..self.forward.len() as u32 {
            if state[v as usize] == SEEN {
                for &w in self.forward.row(v) {
                    if state[w as usize] == 0 {
                        state[w as usize] = SEEN;
                        if w < v {
                            stack.push(w);
                        }
                    }
                }
            }
        }
        while let Some(v) = stack.pop() {
            for &w in self.forward.row(v) {
                if state[w as usize] == 0 {
                    state[w as usize] = SEEN;
                    stack.push(w);
                }
            }
        }
        state.into_iter().map(|s| s == SEEN).collect()
    }

    /// The nodes reachable from `source` through nodes marked in `open` (`source` first, and
    /// only if it is open itself), in time proportional to what is reached, not to the size of
    /// the graph. `open` is used to mark what is reached and is left as it was.
    pub(crate) fn reach_within(&self, source: u32, open: &mut [bool]) -> Vec<u32> {
        let mut reached = Vec::new();
        let mut take = |v: u32, open: &mut [bool]| {
            let was_open = std::mem::replace(&mut open[v as usize], false);
            if was_open {
                reached.push(v);
            }
            was_open
        };
        if take(source, open) {
            let mut stack = vec![source];
            while let Some(v) = stack.pop() {
                stack.extend(self.forward.row(v).iter().filter(|&&w| take(w, open)));
            }
        }
        reached.iter().for_each(|&v| open[v as usize] = true);
        reached
    }

    /// The nodes marked in `grounded` (reachable from every document) that are no longer
    /// reachable once the documents `set_aside` are, sorted, in time proportional to what the
    /// set-aside documents reach rather than to the size of the graph. `predecessors` gives
    /// the nodes with an edge into a node (the graph's incoming edges serve, so that no
    /// reversed flow is built for this).
    ///
    /// Only what they reach can lose its grounding. Of that, a node stays grounded when a
    /// grounded node they do not reach points into it (a path from another document), and so
    /// does whatever such a node reaches; the rest falls. Support circles need no special care:
    /// a circle that only the set-aside documents feed has no way in from outside.
    pub(crate) fn fallen_without<I: Iterator<Item = u32>>(
        &self,
        set_aside: &[u32],
        grounded: &[bool],
        predecessors: impl Fn(u32) -> I,
    ) -> Vec<u32> {
        let mut reached = vec![false; self.forward.len()];
        let mut region: Vec<u32> = Vec::new();
        let mut stack = set_aside.to_vec();
        stack.iter().for_each(|&d| reached[d as usize] = true);
        while let Some(v) = stack.pop() {
            for &w in self.forward.row(v) {
                if grounded[w as usize] && !std::mem::replace(&mut reached[w as usize], true) {
                    region.push(w);
                    stack.push(w);
                }
            }
        }
        let fed_from_outside =
            |v: u32| predecessors(v).any(|u| grounded[u as usize] && !reached[u as usize]);
        // `reached` now marks what is still to be decided; what stays grounded is unmarked.
        stack.extend(region.iter().copied().filter(|&v| fed_from_outside(v)));
        stack.iter().for_each(|&v| reached[v as usize] = false);
        while let Some(v) = stack.pop() {
            for &w in self.forward.row(v) {
                if std::mem::replace(&mut reached[w as usize], false) {
                    stack.push(w);
                }
            }
        }
        region.retain(|&v| reached[v as usize]);
        region.sort_unstable();
        region
    }

    /// Every node reachable from every document.
    pub(crate) fn grounded(&self) -> Vec<bool> {
        self.reach(0..self.documents as u32, &vec![false; self.forward.len()])
    }
}

/// The ids of a corpus, indexed without copying them: an open-addressing hash table of node
/// numbers (documents, then claims, then historians), whose ids are read from the corpus.
#[derive(Debug, Default)]
struct IdIndex {
    /// Node number per slot; `EMPTY` for a free slot. The length is a power of two.
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

/// A fast, fixed hasher for ids (FNV-style over 8-byte words, then a final mix). Ids come
/// from the user's own files, so resistance to crafted collisions is not needed; speed on
/// millions of short ids is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 ^= bytes.len() as u64;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0 ^ u64::from_le_bytes(word)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// A hash map keyed by ids, with [`IdHasher`].
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// A hash set with the [`IdHasher`].
pub(crate) type IdSet<K> = std::collections::HashSet<K, BuildHasherDefault<IdHasher>>;

fn hash_id(id: &str) -> u64 {
    let mut h = IdHasher::default();
    h.write(id.as_bytes());
    h.finish()
}

/// How many edges ahead [`Debate::new`] prefetches the nodes it will link.
const AHEAD: usize = 16;

/// How many ids [`IdIndex`] hashes or resolves at once: enough cache misses in flight to hide
/// memory latency, few enough that a batch stays in the first-level cache.
const BATCH: usize = 32;

/// Asks the processor to start loading the cache line at `p` (a hint: no effect on the
/// program's meaning, and nothing on targets without the instruction).
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and does not read or write memory the program sees, whatever
    // the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

impl IdIndex {
    /// Indexes `n` nodes, whose ids `id_of` gives; ids are unique (the corpus is validated).
    ///
    /// Slots are written in random order, so on large corpora each write is a cache miss; ids are
    /// hashed a batch at a time and the batch's slots prefetched before any is written, so that
    /// the misses overlap instead of queuing.
    fn new<'a>(n: usize, id_of: impl Fn(u32) -> &'a Id) -> IdIndex {
        let mut index = IdIndex {
            slots: vec![EMPTY; (2 * n).next_power_of_two().max(1)],
        };
        let mut at = [0; BATCH];
        for start in (0..n as u32).step_by(BATCH) {
            let batch = start..(start + BATCH as u32).min(n as u32);
            for (at, v) in at.iter_mut().zip(batch.clone()) {
                *at = index.slot_of(id_of(v));
                prefetch(&index.slots[*at]);
            }
            for (&at, v) in at.iter().zip(batch) {
                index.insert(at, v);
            }
        }
        index
    }

    /// The first slot to probe for `id`.
    fn slot_of(&self, id: &str) -> usize {
        hash_id(id) as usize & (self.slots.len() - 1)
    }

    /// Puts node `v` in the first free slot from `at` on.
    fn insert(&mut self, mut at: usize, v: u32) {
        let mask = self.slots.len() - 1;
        while self.slots[at] != EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = v;
    }

    fn get<'a>(&self, id: &str, id_of: impl Fn(u32) -> &'a Id) -> Option<u32> {
        self.probe(id, self.slot_of(id), id_of)
    }

    /// The node of `id`, probing from slot `at`.
    fn probe<'a>(&self, id: &str, mut at: usize, id_of: impl Fn(u32) -> &'a Id) -> Option<u32> {
        let mask = self.slots.len() - 1;
        loop {
            match self.slots[at] {
                EMPTY => return None,
                v if **id_of(v) == *id => return Some(v),
                _ => at = (at + 1) & mask,
            }
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
    pub(crate) flow: Flow,
    dependencies: OnceLock<Dependencies>,
    /// What questions about the debate with every document compute once: which nodes are
    /// grounded, the framework of the whole debate, its grounded labelling, and the statuses
    /// under each semantics.
    pub(crate) acceptability: AcceptabilityCache,
}

/// The id of node number `v`: documents, then claims, then historians.
fn id_at(corpus: &Corpus, v: u32) -> &Id {
    let (d, c) = (corpus.documents.len(), corpus.claims.len());
    match v as usize {
        i if i < d => &corpus.documents[i].id,
        i if i < d + c => &corpus.claims[i - d].id,
        i => &corpus.historians[i - d - c].id,
    }
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

/// Node numbers keyed by the address of their id's text: open addressing with linear probing,
/// at most two thirds full. A slot holds the node and 32 bits of the address (a tag, enough to
/// skip almost every other node without looking at it); a match is confirmed against the
/// record's own address. `EMPTY` marks a free slot.
struct ByAddress<'a, F> {
    slots: Vec<(u32, u32)>,
    id_of: F,
    ids: PhantomData<&'a Id>,
}

impl<'a, F: Fn(u32) -> &'a Id> ByAddress<'a, F> {
    /// The table of nodes `0..n`, whose ids `id_of` gives.
    fn new(n: usize, id_of: F) -> Self {
        let mut table = ByAddress {
            slots: vec![(0, EMPTY); n + n / 2 + 1],
            id_of,
            ids: PhantomData,
        };
        // As in `IdIndex::new`, a batch's slots are prefetched before any is written.
        let mut keys = [(0, 0); BATCH];
        for start in (0..n as u32).step_by(BATCH) {
            let batch = start..(start + BATCH as u32).min(n as u32);
            for (key, v) in keys.iter_mut().zip(batch.clone()) {
                *key = table.locate(address((table.id_of)(v)));
                prefetch(&table.slots[key.1]);
            }
            for (&(tag, mut at), v) in keys.iter().zip(batch) {
                while table.slots[at].1 != EMPTY {
                    at = table.next(at);
                }
                table.slots[at] = (tag, v);
            }
        }
        table
    }

    /// The tag of an address and the first slot to probe: a multiplicative hash scaled to the
    /// table's length.
    fn locate(&self, address: usize) -> (u32, usize) {
        let h = (address as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let slot = ((u128::from(h) * self.slots.len() as u128) >> 64) as usize;
        ((address >> 4) as u32, slot)
    }

    fn next(&self, at: usize) -> usize {
        if at + 1 == self.slots.len() {
            0
        } else {
            at + 1
        }
    }

    /// The nodes whose tag is `tag`, probing from `at`.
    fn candidates(&self, (tag, at): (u32, usize)) -> impl Iterator<Item = u32> + use<'_, 'a, F> {
        let probe = std::iter::successors(Some(at), move |&at| Some(self.next(at)));
        probe
            .map(|at| self.slots[at])
            .take_while(|&(_, v)| v != EMPTY)
            .filter(move |&(t, _)| t == tag)
            .map(|(_, v)| v)
    }

    /// The node whose id's text is at `address`, if any.
    fn get(&self, address: usize) -> Option<u32> {
        let mut candidates = self.candidates(self.locate(address));
        candidates.find(|&v| self::address((self.id_of)(v)) == address)
    }

    /// Pushes the node of each of `ids` onto `nodes`, by address, or else by `by_text`. The
    /// slots of the whole batch are prefetched first, then the records their tags point to, so
    /// that the cache misses of each step overlap.
    ///
    /// # Panics
    ///
    /// If an id resolves neither way.
    fn get_batch(&self, ids: &[&str], by_text: impl Fn(&str) -> Option<u32>, nodes: &mut Vec<u32>) {
        let mut at = [(0, 0); BATCH];
        for (at, id) in at.iter_mut().zip(ids) {
            *at = self.locate(address(id));
            prefetch(&self.slots[at.1]);
        }
        for &at in &at[..ids.len()] {
            if let Some(v) = self.candidates(at).next() {
                prefetch((self.id_of)(v));
            }
        }
        for id in ids {
            let node = self.get(address(id)).or_else(|| by_text(id));
            nodes.push(node.expect("a validated corpus has no dangling references"));
        }
    }
}

/// Where `text` is in memory.
fn address(text: &str) -> usize {
    text.as_ptr() as usize
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
    pub fn new(corpus: Corpus) -> Debate {
        let (d, c) = (corpus.documents.len(), corpus.claims.len());
        let n = d + c + corpus.historians.len();
        let index = IdIndex::new(n, |v| id_at(&corpus, v));
        let edges = corpus
            .claims
            .iter()
            .map(|c| c.evidence.len() + c.supports.len() + c.contradicts.len() + c.proponents.len())
            .sum();
        let targets = resolve(&corpus, &index, n, edges);
        let mut graph = DiGraph::with_capacity(n, edges);
        let nodes = (0..d).map(Node::Document);
        let nodes = nodes.chain((0..c).map(Node::Claim));
        for node in nodes.chain((0..corpus.historians.len()).map(Node::Historian)) {
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
            graph.add_edge(from, to, r.relation);
            i += 1;
        });
        drop(targets);
        let flow = Flow::new(d, c, &graph);
        Debate {
            corpus,
            graph,
            index,
            flow,
            dependencies: OnceLock::new(),
            acceptability: AcceptabilityCache::default(),
        }
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

    /// The node of a document, claim or historian id.
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

    /// The flow nodes with an edge into flow node `v` (what backs or supports it), read from
    /// the graph's incoming edges.
    pub(crate) fn flow_predecessors(&self, v: u32) -> impl Iterator<Item = u32> + '_ {
        (self.graph)
            .edges_directed(NodeIndex::new(v as usize), Direction::Incoming)
            .filter(|e| matches!(e.weight(), Relation::Backs | Relation::Supports))
            .map(|e| e.source().index() as u32)
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

#[cfg(test)]
mod tests {
    use super::{address, ByAddress, Csr, Flow, BATCH};
    use crate::corpus::id::Id;
    use std::sync::OnceLock;

    /// Documents 0–2 and claims 3–10. Claims 4 and 5 support each other and only document 0
    /// feeds them (through 3); 6 and 7 also support each other, fed by documents 1 and 0;
    /// claim 9 stands on 8 (document 2) and on document 0; claim 10 has no document and
    /// supports 3, which must not keep 3 standing.
    #[test]
    fn what_falls_is_what_only_the_set_aside_documents_feed() {
        let edges = vec![
            (0, 3),
            (3, 4),
            (4, 5),
            (5, 4),
            (1, 6),
            (6, 7),
            (7, 6),
            (0, 7),
            (2, 8),
            (8, 9),
            (0, 9),
            (10, 3),
        ];
        let flow = Flow {
            documents: 3,
            forward: Csr::new(11, edges),
            backward: OnceLock::new(),
            attacks: Vec::new(),
        };
        let grounded = flow.grounded();
        assert!(!grounded[10] && grounded[3..10].iter().all(|&g| g));
        let backward = flow.backward().clone();
        let fallen = |docs: &[u32]| {
            flow.fallen_without(docs, &grounded, |v| backward.row(v).iter().copied())
        };
        assert_eq!(fallen(&[0]), [3, 4, 5]);
        assert_eq!(fallen(&[0, 1]), [3, 4, 5, 6, 7]);
        assert_eq!(fallen(&[2]), [8]);
        assert_eq!(fallen(&[0, 2]), [3, 4, 5, 8, 9]);
        assert_eq!(fallen(&[0, 1, 2]), [3, 4, 5, 6, 7, 8, 9]);
        assert!(fallen(&[]).is_empty());
    }

    #[test]
    fn by_address_finds_records_by_their_own_text_only() {
        let ids: Vec<Id> = (0..1000)
            .map(|i| Id::from(format!("c{i}").as_str()))
            .collect();
        let table = ByAddress::new(ids.len(), |v| &ids[v as usize]);
        for (v, id) in ids.iter().enumerate() {
            assert_eq!(table.get(address(id)), Some(v as u32), "{id}");
            // The same text elsewhere in memory is not found by address.
            assert_eq!(
                table.get(address(&Id::from(id.as_str()))),
                None,
                "copy of {id}"
            );
        }
        // A batch resolves what it can by address and the rest through the fallback.
        let copy = Id::from("c7");
        let batch: Vec<&str> = vec![&ids[3], &copy, &ids[999]];
        assert!(batch.len() <= BATCH);
        let mut nodes = Vec::new();
        table.get_batch(&batch, |id| (id == "c7").then_some(7), &mut nodes);
        assert_eq!(nodes, [3, 7, 999]);
    }
}
