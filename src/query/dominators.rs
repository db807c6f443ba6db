//! Which document each claim depends on, for all documents at once, in linear time.
//!
//! The evidence flow gets a virtual root with an edge to every document. A claim loses all
//! documentary grounding when document `d` is set aside exactly when every path from the root to
//! the claim passes through `d`, that is when `d` dominates the claim. Documents are children of
//! the root only and have no other incoming edges, so a path from the root passes through `d`
//! only if it starts with `d`: `d` dominates a claim exactly when `d` is the only document with
//! a path to it. At most one document dominates a claim: its *anchor*.
//!
//! So instead of a full dominator tree (Lengauer–Tarjan, O(m log n) and cache-unfriendly on
//! large graphs), each node gets a label from the lattice `none < document d < many`: a
//! document's label is itself, a claim's the join of its predecessors' labels. The labels are
//! the least fixpoint, found by one sweep in node order and then a worklist for what changed
//! behind the sweep; a label rises at most twice, so each node is processed at most three times
//! and the whole is O(n + m), without recursion. Because the label is
//! an exact abstraction of the evidence base (`none` for no document, `d` for exactly `{d}`,
//! `many` for two or more) and commutes with union, the fixpoint is exact, cycles of support
//! included. The test suite checks the result against brute-force removal and against
//! petgraph's dominator tree.

use crate::graph::{Csr, Flow};

/// No document reaches the node.
const NONE: u32 = u32::MAX;
/// Two or more documents reach the node.
const MANY: u32 = u32::MAX - 1;

/// For each document, the claims it dominates.
#[derive(Clone, Debug)]
pub(crate) struct Dependencies {
    /// Row `d`: the indices of the claims whose only source is document `d`, ascending.
    dependents: Csr,
}

impl Dependencies {
    pub(crate) fn new(flow: &Flow) -> Dependencies {
        let anchor = anchors(flow);
        let d = flow.documents;
        let claims = || {
            anchor[d..]
                .iter()
                .enumerate()
                .filter(|&(_, &a)| a != NONE && a != MANY)
                .map(|(c, &a)| (a, c as u32))
        };
        Dependencies {
            dependents: Csr::from_edges(d, claims),
        }
    }

    /// The indices of the claims that depend on document `d`, ascending.
    pub(crate) fn dependents(&self, d: u32) -> &[u32] {
        self.dependents.row(d)
    }
}

/// `anchor[v]`, for each flow node `v`: the only document with a path to `v` (a document is
/// its own), `NONE` or `MANY`.
fn anchors(flow: &Flow) -> Vec<u32> {
    let n = flow.forward.len();
    let mut anchor = vec![NONE; n];
    (0..flow.documents).for_each(|d| anchor[d] = d as u32);
    // One sweep in node order (edges that point forward are settled in passing, with
    // sequential reads), then a worklist for the labels that changed behind the sweep.
    let mut todo = Vec::new();
    for v in 0..n as u32 {
        if anchor[v as usize] != NONE {
            propagate(flow, &mut anchor, v, |w| w < v, &mut todo);
        }
    }
    while let Some(v) = todo.pop() {
        propagate(flow, &mut anchor, v, |_| true, &mut todo);
    }
    anchor
}

/// Joins `v`'s label into its successors' labels, queueing each changed successor for which
/// `queue` holds.
fn propagate(
    flow: &Flow,
    anchor: &mut [u32],
    v: u32,
    queue: impl Fn(u32) -> bool,
    todo: &mut Vec<u32>,
) {
    let label = anchor[v as usize];
    for &w in flow.forward.row(v) {
        let old = anchor[w as usize];
        anchor[w as usize] = match old {
            NONE => label,
            MANY => continue,
            _ if old == label => continue,
            _ => MANY,
        };
        if queue(w) {
            todo.push(w);
        }
    }
}
