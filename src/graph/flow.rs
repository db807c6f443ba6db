//! The evidence flow: what grounds what, as compressed sparse rows over node numbers.

use std::sync::OnceLock;

use petgraph::graph::DiGraph;

use super::{Node, Relation};

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

/// Which sources ground claims.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum Grounding {
    /// Primary documents only: what the archives show.
    #[default]
    Documentary,
    /// Primary documents and the secondary works claims cite: what a historian would accept on
    /// the strength of the scholarship as well.
    Scholarly,
}

impl Grounding {
    /// The mode as written on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Grounding::Documentary => "documentary",
            Grounding::Scholarly => "scholarly",
        }
    }
}

/// The evidence flow: documents back claims, works are cited by claims, claims support claims,
/// premises feed inferences, inferences conclude claims.
///
/// Node numbers: documents `0..d`, claims `d..d + c`, works after them, then inferences. In
/// the graph, the historians come between the works and the inferences; [`Flow::graph_node`]
/// and [`Flow::of_graph`] convert. A claim stands on any one of what flows into it (OR); an
/// inference on all of it (AND). Contradicts, undermines and undercuts are not part of it;
/// they are kept aside, on the same numbers, as `attacks`.
#[derive(Clone, Debug)]
pub(crate) struct Flow {
    pub documents: usize,
    pub claims: usize,
    pub works: usize,
    historians: usize,
    /// The number of premises of each inference.
    premises: Vec<u32>,
    pub forward: Csr,
    /// `forward` reversed, built on first use.
    backward: OnceLock<Csr>,
    /// `(attacker, target)`: contradictions between claims, underminings of claims by
    /// documents and undercuts of documents, works and inferences by claims, in graph order.
    pub attacks: Vec<(u32, u32)>,
}

impl Flow {
    /// Whether an edge of this relation is part of the flow.
    pub(crate) fn carries(relation: Relation) -> bool {
        matches!(
            relation,
            Relation::Backs
                | Relation::Supports
                | Relation::Cites
                | Relation::Premise
                | Relation::Concludes
        )
    }

    /// The flow of a debate graph whose nodes are the documents, claims, works and historians
    /// (`counts`), then the inferences, in that order.
    pub(super) fn new<T>(
        counts: [usize; 4],
        inferences: &[T],
        graph: &DiGraph<Node, Relation>,
    ) -> Flow {
        let [documents, claims, works, historians] = counts;
        let first_inference = (documents + claims + works + historians) as u32;
        let of = move |v: petgraph::graph::NodeIndex| {
            let v = v.index() as u32;
            if v >= first_inference {
                v - historians as u32
            } else {
                v
            }
        };
        let flow = move || {
            graph
                .raw_edges()
                .iter()
                .filter(|e| Flow::carries(e.weight))
                .map(move |e| (of(e.source()), of(e.target())))
        };
        let attacks = graph
            .raw_edges()
            .iter()
            .filter(|e| {
                matches!(
                    e.weight,
                    Relation::Contradicts | Relation::Undermines | Relation::Undercuts
                )
            })
            .map(|e| (of(e.source()), of(e.target())))
            .collect();
        let n = documents + claims + works + inferences.len();
        let forward = Csr::from_edges(n, flow);
        let mut premises = vec![0u32; inferences.len()];
        let first = (documents + claims + works) as u32;
        for &to in &forward.targets {
            if to >= first {
                premises[(to - first) as usize] += 1;
            }
        }
        Flow {
            documents,
            claims,
            works,
            historians,
            premises,
            forward,
            backward: OnceLock::new(),
            attacks,
        }
    }

    /// The number of flow nodes.
    pub(crate) fn len(&self) -> usize {
        self.forward.len()
    }

    /// The first inference's flow number.
    pub(crate) fn first_inference(&self) -> u32 {
        (self.documents + self.claims + self.works) as u32
    }

    /// The inference index of flow node `v`, if it is one.
    pub(crate) fn inference(&self, v: u32) -> Option<usize> {
        v.checked_sub(self.first_inference()).map(|i| i as usize)
    }

    /// The work index of flow node `v`, if it is one.
    pub(crate) fn work(&self, v: u32) -> Option<usize> {
        let i = (v as usize).checked_sub(self.documents + self.claims)?;
        (i < self.works).then_some(i)
    }

    /// Whether flow node `v` is a source: a document, or a work.
    pub(crate) fn is_source(&self, v: u32) -> bool {
        (v as usize) < self.documents || self.work(v).is_some()
    }

    /// How many of its predecessors a node needs reached to be reached: all premises for an
    /// inference, one for anything else.
    pub(crate) fn need(&self, v: u32) -> u32 {
        match self.inference(v) {
            Some(i) => self.premises[i],
            None => 1,
        }
    }

    /// The graph node of flow node `v`.
    pub(crate) fn graph_node(&self, v: u32) -> petgraph::graph::NodeIndex {
        let v = if v >= self.first_inference() {
            v + self.historians as u32
        } else {
            v
        };
        petgraph::graph::NodeIndex::new(v as usize)
    }

    /// The flow node of graph node `v` (which must be in the flow: no historian).
    pub(crate) fn of_graph(&self, v: petgraph::graph::NodeIndex) -> u32 {
        let v = v.index() as u32;
        if v >= self.first_inference() + self.historians as u32 {
            v - self.historians as u32
        } else {
            v
        }
    }

    /// The flow's edges, reversed.
    pub(crate) fn backward(&self) -> &Csr {
        self.backward.get_or_init(|| self.forward.reversed())
    }

    /// The sources of a grounding mode: the documents, and for scholarly grounding the works.
    pub(crate) fn sources(&self, grounding: Grounding) -> impl Iterator<Item = u32> {
        let d = self.documents as u32;
        let works = match grounding {
            Grounding::Documentary => 0..0,
            Grounding::Scholarly => {
                let first = (self.documents + self.claims) as u32;
                first..first + self.works as u32
            }
        };
        (0..d).chain(works)
    }

    /// Every node reached from `sources` along the flow, skipping `blocked` nodes: a claim is
    /// reached through any one reached predecessor, an inference once all its premises are.
    ///
    /// A count per node of the predecessors it still needs, and a worklist: each node and
    /// edge is handled once, O(n + m).
    pub(crate) fn reach(
        &self,
        sources: impl IntoIterator<Item = u32>,
        blocked: &[bool],
    ) -> Vec<bool> {
        let n = self.len();
        let mut need: Vec<u32> = (0..n as u32).map(|v| self.need(v)).collect();
        let mut reached = vec![false; n];
        let mut stack: Vec<u32> = Vec::new();
        for s in sources {
            if !blocked[s as usize] && !reached[s as usize] {
                reached[s as usize] = true;
                stack.push(s);
            }
        }
        while let Some(v) = stack.pop() {
            for &w in self.forward.row(v) {
                let w_ = w as usize;
                if reached[w_] || blocked[w_] {
                    continue;
                }
                need[w_] = need[w_].saturating_sub(1);
                if need[w_] == 0 {
                    reached[w_] = true;
                    stack.push(w);
                }
            }
        }
        reached
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

    /// The nodes marked in `grounded` that are no longer reached once the sources `set_aside`
    /// are, sorted, in time proportional to what the set-aside sources reach (and the edges
    /// into it) rather than to the size of the graph. `predecessors` gives the nodes with an
    /// edge into a node.
    ///
    /// Only what they reach can lose its grounding. Within that region, a node is grounded
    /// again when enough of its predecessors are: a claim when one grounded predecessor
    /// outside the region or grounded again points into it, an inference when all its
    /// premises are. Counting what each node of the region still needs and propagating from
    /// what is fed from outside finds them; the rest falls. Support circles need no special
    /// care: a circle that only the set-aside sources feed has no way in from outside.
    pub(crate) fn fallen_without<I: Iterator<Item = u32>>(
        &self,
        set_aside: &[u32],
        grounded: &[bool],
        predecessors: impl Fn(u32) -> I,
    ) -> Vec<u32> {
        let mut reached = vec![false; self.len()];
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
        // What each node of the region still needs: an inference, its premises inside the
        // region (those outside are grounded); a claim, nothing if a grounded node outside
        // points into it, else one.
        let mut need: Vec<(u32, u32)> = Vec::with_capacity(region.len());
        for &v in &region {
            // A claim's search stops at its first grounded predecessor from outside.
            let needs = match self.inference(v) {
                Some(_) => predecessors(v).filter(|&u| reached[u as usize]).count() as u32,
                None => {
                    let outside = |u: u32| grounded[u as usize] && !reached[u as usize];
                    u32::from(!predecessors(v).any(outside))
                }
            };
            need.push((v, needs));
        }
        // `reached` now marks what is still to be decided; what is grounded again is unmarked.
        let mut count = vec![0u32; self.len()];
        for &(v, needs) in &need {
            if needs == 0 {
                stack.push(v);
                reached[v as usize] = false;
            } else {
                count[v as usize] = needs;
            }
        }
        while let Some(v) = stack.pop() {
            for &w in self.forward.row(v) {
                if !reached[w as usize] {
                    continue;
                }
                let left = &mut count[w as usize];
                *left -= 1;
                if *left == 0 || self.inference(w).is_none() {
                    reached[w as usize] = false;
                    stack.push(w);
                }
            }
        }
        region.retain(|&v| reached[v as usize]);
        region.sort_unstable();
        region
    }

    /// Every node reached from the sources of `grounding`.
    pub(crate) fn grounded(&self, grounding: Grounding) -> Vec<bool> {
        self.reach(self.sources(grounding), &vec![false; self.len()])
    }
}

#[cfg(test)]
mod tests {
    use super::{Csr, Flow};
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
            claims: 8,
            works: 0,
            historians: 0,
            premises: Vec::new(),
            forward: Csr::new(11, edges),
            backward: OnceLock::new(),
            attacks: Vec::new(),
        };
        let grounded = flow.grounded(super::Grounding::Documentary);
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
}
