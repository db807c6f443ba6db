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
        self.least_complete(&vec![None; self.len()])
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
        let n = self.len();
        let mut label: Vec<Label> = fixed.iter().map(|l| l.unwrap_or(Label::Undec)).collect();
        let mut live: Vec<u32> = (0..n as u32)
            .map(|a| self.attackers(a).len() as u32)
            .collect();
        let mut queue: Vec<u32> = Vec::new();
        let free = |a: u32| fixed[a as usize].is_none();
        // `t` is OUT: one fewer live attacker for each of its targets.
        let mut out = |t: u32, label: &mut Vec<Label>, queue: &mut Vec<u32>| {
            for &u in self.targets(t) {
                live[u as usize] -= 1;
                if live[u as usize] == 0 && free(u) && label[u as usize] == Label::Undec {
                    label[u as usize] = Label::In;
                    queue.push(u);
                }
            }
        };
        for a in 0..n as u32 {
            match fixed[a as usize] {
                Some(Label::In) => queue.push(a),
                Some(Label::Out) => out(a, &mut label, &mut queue),
                _ => {}
            }
        }
        for a in 0..n as u32 {
            if free(a) && self.attackers(a).is_empty() {
                label[a as usize] = Label::In;
                queue.push(a);
            }
        }
        while let Some(a) = queue.pop() {
            for &t in self.targets(a) {
                if free(t) && label[t as usize] == Label::Undec {
                    label[t as usize] = Label::Out;
                    out(t, &mut label, &mut queue);
                }
            }
        }
        label
    }
}

/// The IN arguments of a labelling, ascending.
pub(crate) fn in_set(labels: &[Label]) -> Vec<u32> {
    (0..labels.len() as u32)
        .filter(|&a| labels[a as usize] == Label::In)
        .collect()
}
