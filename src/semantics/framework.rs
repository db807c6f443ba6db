//! The argumentation framework: arguments `0..n` and attacks as compressed sparse rows.

use crate::graph::Csr;

/// An abstract argumentation framework: arguments `0..n` and an attack relation, stored both
/// ways (who an argument attacks, and who attacks it) as compressed sparse rows.
#[derive(Clone, Debug)]
pub struct Framework {
    attackers: Csr,
    targets: Csr,
}

impl Framework {
    /// A framework of `n` arguments with the given `(attacker, target)` attacks. Duplicate
    /// attacks count once; self-attacks are allowed.
    ///
    /// # Panics
    ///
    /// If an attack names an argument `>= n`, or `n` does not fit in a `u32`.
    pub fn new(n: usize, attacks: impl IntoIterator<Item = (u32, u32)>) -> Framework {
        assert!(u32::try_from(n).is_ok(), "too many arguments: {n}");
        let edges: Vec<(u32, u32)> = attacks.into_iter().collect();
        if let Some(&(a, b)) = edges
            .iter()
            .find(|&&(a, b)| a as usize >= n || b as usize >= n)
        {
            panic!("attack ({a}, {b}) names an argument outside 0..{n}");
        }
        let targets = Csr::new(n, edges);
        let attackers = targets.reversed();
        Framework { attackers, targets }
    }

    /// The number of arguments.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// Whether the framework has no arguments.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of attacks.
    pub fn attack_count(&self) -> usize {
        (0..self.len() as u32).map(|a| self.targets(a).len()).sum()
    }

    /// The arguments that attack `a`, sorted.
    pub fn attackers(&self, a: u32) -> &[u32] {
        self.attackers.row(a)
    }

    /// The arguments that `a` attacks, sorted.
    pub fn targets(&self, a: u32) -> &[u32] {
        self.targets.row(a)
    }

    /// Whether `a` attacks itself.
    pub fn attacks_itself(&self, a: u32) -> bool {
        self.targets(a).binary_search(&a).is_ok()
    }

    /// The strongly connected components of the attack graph in topological order: every
    /// attack goes from a component to itself or to a later one. Iterative Tarjan, O(n + m).
    #[allow(
        clippy::expect_used,
        reason = "the loop runs only while the call stack is not empty"
    )]
    pub(crate) fn sccs(&self) -> Vec<Vec<u32>> {
        let mut t = Tarjan::new(self.len());
        for root in 0..self.len() as u32 {
            if t.index[root as usize] != NONE {
                continue;
            }
            t.visit(root);
            while let Some(&(v, pos)) = t.call.last() {
                let row = self.targets(v);
                if pos < row.len() {
                    t.call.last_mut().expect("non-empty").1 += 1;
                    let w = row[pos];
                    if t.index[w as usize] == NONE {
                        t.visit(w);
                    } else if t.on_stack[w as usize] {
                        t.low[v as usize] = t.low[v as usize].min(t.index[w as usize]);
                    }
                } else {
                    t.finish(v);
                }
            }
        }
        // Tarjan emits a component after every component it reaches.
        t.out.reverse();
        t.out
    }

    /// The arguments with a path to `a` in the attack graph, `a` included.
    pub(crate) fn ancestors(&self, a: u32) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        seen[a as usize] = true;
        let mut stack = vec![a];
        while let Some(v) = stack.pop() {
            for &u in self.attackers(v) {
                if !seen[u as usize] {
                    seen[u as usize] = true;
                    stack.push(u);
                }
            }
        }
        seen
    }

    /// The sub-framework of the arguments marked in `keep`, renumbered in order, and the
    /// original number of each of its arguments.
    pub(crate) fn restrict(&self, keep: &[bool]) -> (Framework, Vec<u32>) {
        let old: Vec<u32> = (0..self.len() as u32)
            .filter(|&a| keep[a as usize])
            .collect();
        let mut new = vec![u32::MAX; self.len()];
        for (i, &a) in old.iter().enumerate() {
            new[a as usize] = i as u32;
        }
        let attacks = old.iter().flat_map(|&a| {
            let new = &new;
            self.targets(a)
                .iter()
                .filter(|&&b| keep[b as usize])
                .map(move |&b| (new[a as usize], new[b as usize]))
        });
        (Framework::new(old.len(), attacks), old)
    }
}

const NONE: u32 = u32::MAX;

/// The state of Tarjan's algorithm, with an explicit call stack.
struct Tarjan {
    index: Vec<u32>,
    low: Vec<u32>,
    on_stack: Vec<bool>,
    stack: Vec<u32>,
    call: Vec<(u32, usize)>,
    out: Vec<Vec<u32>>,
    next: u32,
}

impl Tarjan {
    fn new(n: usize) -> Tarjan {
        Tarjan {
            index: vec![NONE; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            call: Vec::new(),
            out: Vec::new(),
            next: 0,
        }
    }

    fn visit(&mut self, v: u32) {
        self.index[v as usize] = self.next;
        self.low[v as usize] = self.next;
        self.next += 1;
        self.stack.push(v);
        self.on_stack[v as usize] = true;
        self.call.push((v, 0));
    }

    /// Every successor of `v` is done: pass its low link up and emit its component if it is
    /// the root of one.
    fn finish(&mut self, v: u32) {
        self.call.pop();
        if let Some(&(u, _)) = self.call.last() {
            self.low[u as usize] = self.low[u as usize].min(self.low[v as usize]);
        }
        if self.low[v as usize] == self.index[v as usize] {
            let mut component = Vec::new();
            while let Some(w) = self.stack.pop() {
                self.on_stack[w as usize] = false;
                component.push(w);
                if w == v {
                    break;
                }
            }
            component.sort_unstable();
            self.out.push(component);
        }
    }
}
