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
