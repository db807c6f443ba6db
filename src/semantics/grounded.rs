//! The grounded labelling by queue propagation, O(n + m).

use super::{Framework, Label};

impl Framework {
    /// The grounded labelling: the least complete labelling, whose IN arguments are the
    /// grounded extension.
    ///
    /// Queue propagation in O(n + m): each argument counts its attackers that are not yet OUT;
    /// when the count reaches 0 it is IN, and what an IN argument attacks is OUT. Whatever is
    /// left is UNDEC.
    pub fn grounded(&self) -> Vec<Label> {
        self.least_complete_with(|_| None)
    }

    /// The grounded extension: the arguments IN in [`Framework::grounded`], ascending.
    pub fn grounded_extension(&self) -> Vec<u32> {
        in_set(&self.grounded())
    }

    /// The grounded labelling of the framework without the arguments not marked in `present`
    /// and their attacks: the same labels as restricting the framework first, without building
    /// it. The absent arguments are labelled OUT, a placeholder for callers to ignore.
    pub(crate) fn grounded_among(&self, present: &[bool]) -> Vec<Label> {
        // An absent argument fixed OUT attacks nothing in effect: OUT attackers neither make
        // their targets OUT nor count against their becoming IN.
        self.least_complete_with(|a| (!present[a as usize]).then_some(Label::Out))
    }

    /// How the grounded labelling changes when the `removed` arguments leave the framework:
    /// the arguments they reach through attacks, sorted, each with its label now. `before` is
    /// the grounded labelling with them, among the arguments marked by `present` (after the
    /// removal) and the removed ones, as [`Framework::grounded_among`] gives it.
    ///
    /// Every other argument keeps its label: a grounded label depends only on the arguments
    /// that reach it through attacks. So the region is labelled alone, with two stand-ins for
    /// the attackers from outside it, whose labels are known: one unattacked argument (IN) that
    /// attacks what an IN outsider attacks, and one that attacks itself (UNDEC) that attacks
    /// what an UNDEC outsider attacks; OUT outsiders change nothing. The cost is that of the
    /// region and its attacks, not of the framework.
    pub(crate) fn grounded_without(
        &self,
        before: &[Label],
        removed: &[u32],
        present: impl Fn(u32) -> bool,
    ) -> Vec<(u32, Label)> {
        let region = self.downstream(removed, &present);
        let (is_in, is_undec) = (region.len() as u32, region.len() as u32 + 1);
        let mut attacks = vec![(is_undec, is_undec)];
        for (i, &a) in region.iter().enumerate() {
            for &b in self.attackers(a) {
                let from = match region.binary_search(&b) {
                    Ok(j) => j as u32,
                    Err(_) if !present(b) => continue,
                    Err(_) => match before[b as usize] {
                        Label::In => is_in,
                        Label::Undec => is_undec,
                        Label::Out => continue,
                    },
                };
                attacks.push((from, i as u32));
            }
        }
        attacks.sort_unstable();
        attacks.dedup();
        let labels = Framework::new(region.len() + 2, attacks).grounded();
        region.into_iter().zip(labels).collect()
    }

    /// The present arguments that `from` reach through attacks (not `from` themselves, unless
    /// reached), sorted.
    fn downstream(&self, from: &[u32], present: impl Fn(u32) -> bool) -> Vec<u32> {
        let mut seen = vec![false; self.len()];
        let mut stack = from.to_vec();
        let mut reached = Vec::new();
        while let Some(a) = stack.pop() {
            for &t in self.targets(a) {
                if present(t) && !std::mem::replace(&mut seen[t as usize], true) {
                    reached.push(t);
                    stack.push(t);
                }
            }
        }
        reached.sort_unstable();
        reached
    }

    /// The least complete labelling that agrees with `fixed` where it is `Some`. The fixed
    /// labels must form a complete labelling of an upward-closed set of arguments (one that no
    /// outside argument attacks); the rest is labelled as the grounded labelling of the
    /// framework conditioned on them. O(n + m).
    pub(crate) fn least_complete(&self, fixed: &[Option<Label>]) -> Vec<Label> {
        self.least_complete_with(|a| fixed[a as usize])
    }

    /// [`Framework::least_complete`] with the fixed labels given by a function.
    ///
    /// Labels only ever go from UNDEC to IN (every attacker is OUT) or to OUT (some attacker
    /// is IN), so the order of the steps does not change the result, and the first steps are
    /// taken in sweeps over the arguments in order, which read the rows sequentially and keep
    /// the random accesses to one per attack (on large frameworks these dominate):
    ///
    /// 1. the fixed IN arguments and the free unattacked ones are IN; what they attack is OUT;
    /// 2. every OUT argument takes one live attacker from each of its targets; the free ones
    ///    left with none are IN, and queued;
    /// 3. queue propagation from there, as usual.
    fn least_complete_with(&self, fixed: impl Fn(u32) -> Option<Label>) -> Vec<Label> {
        let n = self.len() as u32;
        let mut p = Propagation {
            af: self,
            label: (0..n).map(|a| fixed(a).unwrap_or(Label::Undec)).collect(),
            live: (0..n).map(|a| self.attackers(a).len() as u32).collect(),
            queue: Vec::new(),
            fixed,
        };
        for a in 0..n {
            if p.open(a) && p.live[a as usize] == 0 {
                p.label[a as usize] = Label::In;
            }
            if p.label[a as usize] == Label::In {
                for &t in self.targets(a) {
                    if p.open(t) {
                        p.label[t as usize] = Label::Out;
                    }
                }
            }
        }
        for a in 0..n {
            if p.label[a as usize] == Label::Out {
                p.set_out(a);
            }
        }
        p.drain();
        p.label
    }
}

/// The state of [`Framework::least_complete_with`].
struct Propagation<'f, F> {
    af: &'f Framework,
    fixed: F,
    label: Vec<Label>,
    /// Per argument, its attackers not yet OUT.
    live: Vec<u32>,
    /// IN arguments whose targets are not yet OUT.
    queue: Vec<u32>,
}

impl<F: Fn(u32) -> Option<Label>> Propagation<'_, F> {
    /// Whether `a` is undecided and not fixed.
    fn open(&self, a: u32) -> bool {
        self.label[a as usize] == Label::Undec && (self.fixed)(a).is_none()
    }

    /// Labels OUT what the queued IN arguments attack, and what follows.
    fn drain(&mut self) {
        while let Some(a) = self.queue.pop() {
            for &t in self.af.targets(a) {
                if self.open(t) {
                    self.label[t as usize] = Label::Out;
                    self.set_out(t);
                }
            }
        }
    }

    /// `t` is OUT: one fewer live attacker for each of its targets; the open ones left with
    /// none are IN, and queued.
    fn set_out(&mut self, t: u32) {
        for &u in self.af.targets(t) {
            self.live[u as usize] -= 1;
            if self.live[u as usize] == 0 && self.open(u) {
                self.label[u as usize] = Label::In;
                self.queue.push(u);
            }
        }
    }
}

/// The IN arguments of a labelling, ascending.
pub(crate) fn in_set(labels: &[Label]) -> Vec<u32> {
    (0..labels.len() as u32)
        .filter(|&a| labels[a as usize] == Label::In)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Framework;
    use proptest::prelude::*;

    /// A framework of up to 24 arguments with any attacks (self-attacks and mutual ones
    /// included), which arguments were present, and which of those leave.
    fn cases() -> impl Strategy<Value = (Framework, Vec<bool>, Vec<bool>)> {
        (1usize..24).prop_flat_map(|n| {
            let attacks = prop::collection::vec((0..n as u32, 0..n as u32), 0..3 * n);
            let marks = || prop::collection::vec(any::<bool>(), n);
            (attacks, marks(), marks()).prop_map(move |(attacks, absent, leaving)| {
                let present = absent.iter().map(|&a| !a).collect::<Vec<_>>();
                let removed = (leaving.iter().zip(&present))
                    .map(|(&l, &p)| l && p)
                    .collect();
                (Framework::new(n, attacks), present, removed)
            })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Relabelling only what the removed arguments reach gives the grounded labelling of
        /// what is left, computed from scratch.
        #[test]
        fn relabelling_what_leaving_reaches_is_labelling_again((af, present, removed) in cases()) {
            let before = af.grounded_among(&present);
            let left: Vec<bool> = (present.iter().zip(&removed)).map(|(&p, &r)| p && !r).collect();
            let gone: Vec<u32> = (0..af.len() as u32).filter(|&a| removed[a as usize]).collect();
            let changed = af.grounded_without(&before, &gone, |a| left[a as usize]);
            let mut after = before.clone();
            for &(a, label) in &changed {
                prop_assert!(left[a as usize], "{a} is relabelled but has left");
                after[a as usize] = label;
            }
            let expected = af.grounded_among(&left);
            for a in (0..af.len()).filter(|&a| left[a]) {
                prop_assert_eq!(after[a], expected[a], "argument {}", a);
            }
        }
    }
}
