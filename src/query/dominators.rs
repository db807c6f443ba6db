//! Which documents each claim depends on, and which rest on one document alone, for all
//! documents at once.
//!
//! **Depends on.** A claim depends on document `d` when it loses all documentary grounding
//! once `d` is set aside. With convergent support only, that is a dominator question (and,
//! documents having no incoming edges, `d` would dominate a claim exactly when it is the only
//! document reaching it). Linked arguments make the flow an AND/OR graph, where it is not: a
//! claim grounded by one argument whose premises rest on documents `d` and `e` depends on both.
//!
//! Write `E(v)` for the set of documents node `v` depends on. For a grounded node:
//! `E(d) = {d}` for a document; `E(v) = ⋂ E(u)` over the grounded nodes `u` that flow into a
//! claim `v` (it falls only when every route falls); `E(v) = ⋃ E(u)` over the premises of an
//! inference (it falls when any premise falls). `E` satisfies these equations, and any other
//! solution is contained in it (by induction on how a node is derived without a document not
//! in `E`), so `E` is their *greatest* solution. It is found by chaotic iteration from the top
//! of the lattice ("every document", kept as a marker, not a set): one sweep in node order,
//! then a worklist of the nodes whose predecessors changed behind the sweep. A node's set only
//! shrinks after its first value, so it changes at most `k + 1` times, where `k` is the size of
//! its first set; each change costs its in- and out-degree times the set sizes. In all,
//! O((n + m) · k²) with `k` the largest set, near-linear on debates where a claim depends on a
//! handful of documents. The empty set and single documents, what most claims depend on, are
//! kept inline; larger sets are shared, so a claim with one route shares that route's set.
//!
//! **Rests only on.** A claim rests only on `d` when `d` is the only document with a path to
//! it through grounded nodes. That is a label from `none < document d < many`, the join of its
//! predecessors' labels, found as a least fixpoint in O(n + m) as before; a claim that rests
//! only on `d` depends on it, not always the other way round.
//!
//! The test suite checks both against brute-force removal on random corpora with linked
//! arguments, undercuts and cycles.

use std::sync::Arc;

use crate::graph::{Csr, Flow};

/// No document reaches the node.
const NONE: u32 = u32::MAX;
/// Two or more documents reach the node.
const MANY: u32 = u32::MAX - 1;

/// For each document, the claims that depend on it and the claims that rest on it alone.
#[derive(Clone, Debug)]
pub(crate) struct Dependencies {
    /// Row `d`: the indices of the claims that lose all grounding without document `d`.
    dependents: Csr,
    /// Row `d`: the indices of the claims that document `d` alone reaches.
    sole: Csr,
}

impl Dependencies {
    /// The tables of `flow`, whose nodes marked `grounded` are the ones documents ground.
    pub(crate) fn new(flow: &Flow, grounded: &[bool]) -> Dependencies {
        let d = flow.documents;
        let claims = |v: usize| (d..d + flow.claims).contains(&v);
        let essential = essential(flow, grounded);
        let dependents = || {
            (essential.iter().enumerate())
                .filter(|&(v, _)| claims(v))
                .flat_map(move |(v, set)| {
                    set.as_slice().iter().map(move |&doc| (doc, (v - d) as u32))
                })
        };
        let anchor = anchors(flow, grounded);
        let sole = || {
            (anchor.iter().enumerate())
                .filter(|&(v, &a)| claims(v) && a != NONE && a != MANY)
                .map(move |(v, &a)| (a, (v - d) as u32))
        };
        Dependencies {
            dependents: Csr::from_edges(d, dependents),
            sole: Csr::from_edges(d, sole),
        }
    }

    /// The indices of the claims that depend on document `d`, ascending.
    pub(crate) fn dependents(&self, d: u32) -> &[u32] {
        self.dependents.row(d)
    }

    /// The indices of the claims that rest on document `d` alone, ascending.
    pub(crate) fn sole(&self, d: u32) -> &[u32] {
        self.sole.row(d)
    }
}

/// A set of documents. `Top` is the top of the lattice, every document; the empty set and
/// single documents, which most claims depend on, are kept without allocating.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Set {
    Top,
    Empty,
    One(u32),
    /// Two or more documents, sorted.
    Many(Arc<[u32]>),
}

impl Set {
    fn as_slice(&self) -> &[u32] {
        match self {
            Set::Top | Set::Empty => &[],
            Set::One(d) => std::slice::from_ref(d),
            Set::Many(ds) => ds,
        }
    }

    fn of(mut ds: Vec<u32>) -> Set {
        ds.sort_unstable();
        ds.dedup();
        match ds[..] {
            [] => Set::Empty,
            [d] => Set::One(d),
            _ => Set::Many(ds.into()),
        }
    }

    fn meet(&self, other: &Set) -> Set {
        match (self, other) {
            (Set::Top, x) | (x, Set::Top) => x.clone(),
            (Set::Empty, _) | (_, Set::Empty) => Set::Empty,
            (Set::One(a), x) | (x, Set::One(a)) => match x.as_slice().binary_search(a) {
                Ok(_) => Set::One(*a),
                Err(_) => Set::Empty,
            },
            (Set::Many(a), Set::Many(b)) => Set::of(
                a.iter()
                    .copied()
                    .filter(|d| b.binary_search(d).is_ok())
                    .collect(),
            ),
        }
    }
}

/// `E(v)` for every grounded flow node (see the module documentation); `Top` for the others.
fn essential(flow: &Flow, grounded: &[bool]) -> Vec<Set> {
    let n = flow.len();
    let backward = flow.backward();
    let mut set: Vec<Set> = vec![Set::Top; n];
    for (doc, s) in set.iter_mut().enumerate().take(flow.documents) {
        if grounded[doc] {
            *s = Set::One(doc as u32);
        }
    }
    let evaluate = |v: u32, set: &[Set]| -> Set {
        let mut inputs = (backward.row(v).iter())
            .filter(|&&u| grounded[u as usize])
            .map(|&u| &set[u as usize]);
        if flow.inference(v).is_some() {
            let mut all: Vec<u32> = Vec::new();
            for s in inputs {
                if *s == Set::Top {
                    return Set::Top;
                }
                all.extend_from_slice(s.as_slice());
            }
            Set::of(all)
        } else {
            let mut meet = Set::Top;
            for s in inputs.by_ref() {
                meet = meet.meet(s);
                if meet == Set::Empty {
                    break;
                }
            }
            meet
        }
    };
    // One sweep in node order, then a worklist for what changed behind the sweep: a node
    // ahead of the sweep is evaluated when the sweep reaches it.
    let mut queued = vec![false; n];
    let mut todo: Vec<u32> = Vec::new();
    let update =
        |v: u32, set: &mut [Set], todo: &mut Vec<u32>, queued: &mut [bool], sweep: Option<u32>| {
            let new = evaluate(v, set);
            if new != set[v as usize] {
                set[v as usize] = new;
                for &w in flow.forward.row(v) {
                    let behind = sweep.is_none_or(|at| w <= at);
                    if behind
                        && grounded[w as usize]
                        && !std::mem::replace(&mut queued[w as usize], true)
                    {
                        todo.push(w);
                    }
                }
            }
        };
    for v in flow.documents as u32..n as u32 {
        if grounded[v as usize] && !flow.is_source(v) {
            update(v, &mut set, &mut todo, &mut queued, Some(v));
        }
    }
    while let Some(v) = todo.pop() {
        queued[v as usize] = false;
        update(v, &mut set, &mut todo, &mut queued, None);
    }
    set
}

/// `anchor[v]`, for each flow node `v`: the only document with a path to `v` through grounded
/// nodes (a document is its own), `NONE` or `MANY`.
fn anchors(flow: &Flow, grounded: &[bool]) -> Vec<u32> {
    let n = flow.len();
    let mut anchor = vec![NONE; n];
    (0..flow.documents).for_each(|d| anchor[d] = d as u32);
    // One sweep in node order (edges that point forward are settled in passing, with
    // sequential reads), then a worklist for the labels that changed behind the sweep.
    let mut todo = Vec::new();
    for v in 0..n as u32 {
        if anchor[v as usize] != NONE && grounded[v as usize] {
            propagate(flow, grounded, &mut anchor, v, |w| w < v, &mut todo);
        }
    }
    while let Some(v) = todo.pop() {
        propagate(flow, grounded, &mut anchor, v, |_| true, &mut todo);
    }
    anchor
}

/// Joins `v`'s label into its grounded successors' labels, queueing each changed successor for
/// which `queue` holds.
fn propagate(
    flow: &Flow,
    grounded: &[bool],
    anchor: &mut [u32],
    v: u32,
    queue: impl Fn(u32) -> bool,
    todo: &mut Vec<u32>,
) {
    let label = anchor[v as usize];
    for &w in flow.forward.row(v) {
        if !grounded[w as usize] {
            continue;
        }
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
