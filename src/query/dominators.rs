//! Which document each claim depends on, for all documents at once, by a dominator tree.
//!
//! The evidence flow gets a virtual root with an edge to every document. A claim loses all
//! documentary grounding when document `d` is set aside exactly when every path from the root to
//! the claim passes through `d`, that is when `d` dominates the claim. Documents are children of
//! the root only, so at most one document dominates a claim: its *anchor*.
//!
//! The dominator tree is computed with the Lengauer–Tarjan algorithm (path compression, no
//! balancing: O(m log n)), iteratively so that deep graphs do not exhaust the stack.

use crate::graph::Flow;

const NONE: u32 = u32::MAX;

/// For each flow node, the document that dominates it, if any.
#[derive(Clone, Debug)]
pub(crate) struct Dependencies {
    /// `anchor[v]`: the document every grounding of `v` passes through (a document is its own).
    pub anchor: Vec<u32>,
}

impl Dependencies {
    pub(crate) fn new(flow: &Flow) -> Dependencies {
        let idom = immediate_dominators(flow);
        let n = flow.forward.len();
        let root = n as u32;
        let mut anchor = vec![NONE; n];
        for &v in &idom.preorder {
            if v == root {
                continue;
            }
            let parent = idom.idom[v as usize];
            anchor[v as usize] = if parent == root {
                if (v as usize) < flow.documents {
                    v
                } else {
                    NONE
                }
            } else {
                anchor[parent as usize]
            };
        }
        Dependencies { anchor }
    }

    /// The document `v` depends on, if any.
    pub(crate) fn anchor(&self, v: u32) -> Option<u32> {
        Some(self.anchor[v as usize]).filter(|&a| a != NONE)
    }
}

/// The dominator tree of the flow plus a virtual root numbered `n`.
pub(crate) struct DominatorTree {
    /// Immediate dominator per node (`NONE` for the unreachable and the root).
    pub idom: Vec<u32>,
    /// Reachable nodes in depth-first preorder, root first.
    pub preorder: Vec<u32>,
}

fn successors<'a>(flow: &'a Flow, root: u32, all_docs: &'a [u32], v: u32) -> &'a [u32] {
    if v == root {
        all_docs
    } else {
        flow.forward.row(v)
    }
}

/// Lengauer–Tarjan over the flow with a virtual root.
pub(crate) fn immediate_dominators(flow: &Flow) -> DominatorTree {
    let n = flow.forward.len();
    let root = n as u32;
    let all_docs: Vec<u32> = (0..flow.documents as u32).collect();
    let total = n + 1;

    // Depth-first numbering, iteratively.
    let mut number = vec![NONE; total]; // node -> preorder number
    let mut vertex: Vec<u32> = Vec::with_capacity(total); // number -> node
    let mut parent = vec![NONE; total]; // number -> parent's number
    let mut stack: Vec<(u32, usize)> = vec![(root, 0)];
    number[root as usize] = 0;
    vertex.push(root);
    while let Some(&mut (v, ref mut next)) = stack.last_mut() {
        let succ = successors(flow, root, &all_docs, v);
        if let Some(&w) = succ.get(*next) {
            *next += 1;
            if number[w as usize] == NONE {
                number[w as usize] = vertex.len() as u32;
                parent[vertex.len()] = number[v as usize];
                vertex.push(w);
                stack.push((w, 0));
            }
        } else {
            stack.pop();
        }
    }
    let reached = vertex.len();

    let mut semi: Vec<u32> = (0..reached as u32).collect();
    let mut idom = vec![NONE; reached];
    let mut ancestor = vec![NONE; reached];
    let mut label: Vec<u32> = (0..reached as u32).collect();
    let mut bucket_head = vec![NONE; reached];
    let mut bucket_next = vec![NONE; reached];
    let mut path = Vec::new();

    for w in (1..reached).rev() {
        let node = vertex[w];
        // Predecessors: the root precedes every document.
        let preds = flow.backward.row(node);
        let from_root = (node as usize) < flow.documents;
        for p in preds.iter().copied().chain(from_root.then_some(root)) {
            let v = number[p as usize];
            if v == NONE {
                continue;
            }
            let u = eval(v, &mut ancestor, &mut label, &semi, &mut path);
            if semi[u as usize] < semi[w] {
                semi[w] = semi[u as usize];
            }
        }
        let s = semi[w] as usize;
        bucket_next[w] = bucket_head[s];
        bucket_head[s] = w as u32;
        let p = parent[w];
        ancestor[w] = p;
        let mut b = bucket_head[p as usize];
        bucket_head[p as usize] = NONE;
        while b != NONE {
            let u = eval(b, &mut ancestor, &mut label, &semi, &mut path);
            idom[b as usize] = if semi[u as usize] < semi[b as usize] {
                u
            } else {
                p
            };
            b = bucket_next[b as usize];
        }
    }
    for w in 1..reached {
        if idom[w] != semi[w] {
            idom[w] = idom[idom[w] as usize];
        }
    }

    let mut by_node = vec![NONE; total];
    for w in 1..reached {
        by_node[vertex[w] as usize] = vertex[idom[w] as usize];
    }
    DominatorTree {
        idom: by_node,
        preorder: vertex,
    }
}

/// The vertex of minimum semi-dominator on the compressed path from `v` to its forest root.
fn eval(v: u32, ancestor: &mut [u32], label: &mut [u32], semi: &[u32], path: &mut Vec<u32>) -> u32 {
    if ancestor[v as usize] == NONE {
        return v;
    }
    // Collect the path up to the node just below the forest root, then compress top-down.
    path.clear();
    let mut x = v;
    while ancestor[ancestor[x as usize] as usize] != NONE {
        path.push(x);
        x = ancestor[x as usize];
    }
    while let Some(y) = path.pop() {
        let a = ancestor[y as usize];
        if semi[label[a as usize] as usize] < semi[label[y as usize] as usize] {
            label[y as usize] = label[a as usize];
        }
        ancestor[y as usize] = ancestor[a as usize];
    }
    label[v as usize]
}
