//! The questions, answered with the encodings: one labelling with a given label, one
//! extension, every extension, and every argument's labels at once.
//!
//! Preferred semantics never compares labellings. A preferred labelling with `a` IN (or OUT)
//! is an admissible set with `a` in it (or attacking it) grown to a ⊆-maximal complete one
//! ([`Encoding::grow`]), since growing keeps both labels. A preferred labelling with `a` UNDEC
//! is found by counter-example guided abstraction refinement (CEGAR): a complete labelling
//! with `a` UNDEC is grown to a preferred one; if `a` is no longer UNDEC there, no complete
//! extension inside that preferred one can lead anywhere else, and a clause rules them all out
//! (some argument outside it is IN) before the next round. Each round finds a new preferred
//! extension, so the number of rounds is bounded by their number, and in practice it is small.
//! Every preferred extension is enumerated the same way, without the label condition.

use std::time::Instant;

use super::{Encoding, Kind, Part};
use crate::semantics::grounded::in_set;
use crate::semantics::{Framework, Interrupted, Label, Semantics};

/// The SAT engine on one framework: its grounded labelling and its residual.
pub(crate) struct Sat<'a> {
    af: &'a Framework,
    deadline: Option<Instant>,
    grounded: Vec<Label>,
    /// The grounded extension, ascending.
    grounded_in: Vec<u32>,
    /// The arguments the grounded labelling leaves UNDEC.
    residual: Part,
}

type Answer<T> = Result<T, Interrupted>;

impl<'a> Sat<'a> {
    /// The engine for `af`, which gives up at `deadline`.
    pub(crate) fn new(af: &'a Framework, deadline: Option<Instant>) -> Sat<'a> {
        let grounded = af.grounded();
        let undecided: Vec<bool> = grounded.iter().map(|&l| l == Label::Undec).collect();
        let (sub, global) = af.restrict(&undecided);
        Sat {
            af,
            deadline,
            grounded_in: in_set(&grounded),
            grounded,
            residual: Part { af: sub, global },
        }
    }

    fn encode(&self, part: &Part, kind: Kind) -> Encoding {
        Encoding::new(&part.af, kind, self.deadline)
    }

    /// The global IN set of a complete extension of `part` found as `local`: the grounded
    /// extension and the lifted arguments, ascending.
    fn with_grounded(&self, part: &Part, local: &[u32]) -> Vec<u32> {
        let mut ins = self.grounded_in.clone();
        ins.extend(part.lift(local));
        ins.sort_unstable();
        ins
    }

    /// The complete labelling whose IN set is `ins` (an admissible set: its least completion).
    fn labelling(&self, ins: &[u32]) -> Vec<Label> {
        self.af.completion(ins)
    }

    /// A preferred extension of the whole framework containing the global set `ins`, which
    /// must be contained in some complete extension.
    fn grow(&self, ins: &[u32]) -> Answer<Vec<u32>> {
        let mut enc = self.encode(&self.residual, Kind::Grow);
        let start = self.residual.lower(ins);
        let local = enc.grow(&start)?;
        Ok(self.with_grounded(&self.residual, &local))
    }

    /// Whether some stable extension exists, and one.
    fn stable(&self, condition: Option<(u32, Label)>) -> Answer<Option<Vec<Label>>> {
        let mut enc = self.encode(&self.residual, Kind::Stable);
        let mut assumptions = Vec::new();
        if let Some((a, label)) = condition {
            match self.residual.local(a) {
                Some(local) => assumptions = enc.label_lits(local, label),
                None if self.grounded[a as usize] != label => return Ok(None),
                None => {}
            }
        }
        if !enc.solve(&assumptions)? {
            return Ok(None);
        }
        let ins = self.with_grounded(&self.residual, &enc.model_in());
        Ok(Some(self.labelling(&ins)))
    }

    /// An admissible set (global, ascending) in which `a` is IN or OUT, searched on the
    /// arguments with a path to `a`.
    #[allow(
        clippy::expect_used,
        reason = "an argument is among its own ancestors, and an undecided one is in the residual"
    )]
    fn admissible_with(&self, a: u32, label: Label) -> Answer<Option<Vec<u32>>> {
        debug_assert!(label != Label::Undec);
        let Some(local) = self.residual.local(a) else {
            let found = self.grounded[a as usize] == label;
            return Ok(found.then(|| self.grounded_in.clone()));
        };
        let part = self.residual.ancestors(local);
        let q = part.local(a).expect("an argument is its own ancestor");
        let mut enc = self.encode(&part, Kind::Admissible);
        if !enc.solve(&enc.label_lits(q, label))? {
            return Ok(None);
        }
        Ok(Some(self.with_grounded(&part, &enc.model_in())))
    }

    /// A labelling of `semantics` in which `a` has `label`, or `None`.
    #[allow(
        clippy::expect_used,
        reason = "an argument is among its own ancestors, and an undecided one is in the residual"
    )]
    pub(crate) fn labelling_with(
        &self,
        semantics: Semantics,
        a: u32,
        label: Label,
    ) -> Answer<Option<Vec<Label>>> {
        let decided = self.grounded[a as usize] != Label::Undec;
        match (semantics, label) {
            (Semantics::Grounded, _) => {
                Ok(Some(self.grounded.clone()).filter(|g| g[a as usize] == label))
            }
            (Semantics::Stable, _) => self.stable(Some((a, label))),
            (Semantics::Complete, Label::Undec) => {
                Ok(Some(self.grounded.clone()).filter(|g| g[a as usize] == label))
            }
            (Semantics::Complete, _) => Ok(self
                .admissible_with(a, label)?
                .map(|ins| self.labelling(&ins))),
            (Semantics::Preferred, Label::In | Label::Out) => {
                match self.admissible_with(a, label)? {
                    Some(ins) => Ok(Some(self.labelling(&self.grow(&ins)?))),
                    None => Ok(None),
                }
            }
            (Semantics::Preferred, Label::Undec) if decided => Ok(None),
            (Semantics::Preferred, Label::Undec) => {
                let local = self.residual.local(a).expect("undecided");
                let part = self.residual.ancestors(local);
                let q = part.local(a).expect("an argument is its own ancestor");
                let Some(found) = self.preferred_with_undec(&part, q)? else {
                    return Ok(None);
                };
                // Growing from a preferred extension of an upward-closed part keeps that part.
                let ins = self.with_grounded(&part, &found);
                Ok(Some(self.labelling(&self.grow(&ins)?)))
            }
        }
    }

    /// A preferred extension of `part` (local, ascending) in which local `q` is UNDEC, by
    /// CEGAR (see the module documentation).
    fn preferred_with_undec(&self, part: &Part, q: u32) -> Answer<Option<Vec<u32>>> {
        let mut candidates = self.encode(part, Kind::Complete);
        for lit in candidates.label_lits(q, Label::Undec) {
            candidates.add(&mut vec![lit]);
        }
        let mut grower = self.encode(part, Kind::Grow);
        loop {
            if !candidates.solve(&[])? {
                return Ok(None);
            }
            let preferred = grower.grow(&candidates.model_in())?;
            if label_in(&part.af, &preferred, q) == Label::Undec {
                return Ok(Some(preferred));
            }
            candidates.add(&mut outside(&candidates, part.af.len(), &preferred));
        }
    }

    /// One extension of `semantics`, or `None` (only for stable).
    pub(crate) fn some_extension(&self, semantics: Semantics) -> Answer<Option<Vec<u32>>> {
        match semantics {
            Semantics::Grounded | Semantics::Complete => Ok(Some(self.grounded_in.clone())),
            Semantics::Preferred => self.grow(&self.grounded_in).map(Some),
            Semantics::Stable => Ok(self.stable(None)?.map(|l| in_set(&l))),
        }
    }

    /// Visits the IN set (global, ascending) of every extension of `semantics`, in no
    /// particular order. Complete and stable: a model at a time, each blocked once found.
    /// Preferred: CEGAR without a label condition.
    pub(crate) fn each_extension(
        &self,
        semantics: Semantics,
        visit: &mut dyn FnMut(Vec<u32>) -> std::ops::ControlFlow<()>,
    ) -> Answer<()> {
        let kind = match semantics {
            Semantics::Grounded => {
                let _ = visit(self.grounded_in.clone());
                return Ok(());
            }
            Semantics::Stable => Kind::Stable,
            Semantics::Complete | Semantics::Preferred => Kind::Complete,
        };
        let part = &self.residual;
        let n = part.af.len();
        let mut enc = self.encode(part, kind);
        let mut grower = (semantics == Semantics::Preferred).then(|| self.encode(part, Kind::Grow));
        while enc.solve(&[])? {
            let found = match grower.as_mut() {
                Some(grower) => grower.grow(&enc.model_in())?,
                None => enc.model_in(),
            };
            if visit(self.with_grounded(part, &found)).is_break() {
                return Ok(());
            }
            let mut block = outside(&enc, n, &found);
            if grower.is_none() {
                block.extend(found.iter().map(|&a| !enc.in_lit(a)));
            }
            enc.add(&mut block);
        }
        Ok(())
    }

    /// Every argument's labels across the labellings of `semantics` (its justification
    /// status), in the order IN, OUT, UNDEC; all empty when there is no labelling.
    ///
    /// One incremental solver for the whole residual: each argument whose label is not yet
    /// known to occur is asked for with an assumption, and every model found records the
    /// labels of every argument at once, so most questions are never asked. Preferred UNDEC
    /// needs CEGAR per argument (on its ancestors); the preferred labellings it finds record
    /// the labels of every argument of that part.
    #[allow(
        clippy::expect_used,
        reason = "an argument is among its own ancestors, and an undecided one is in the residual"
    )]
    pub(crate) fn labels_of_all(&self, semantics: Semantics) -> Answer<Vec<Vec<Label>>> {
        let n = self.af.len();
        let mut seen: Vec<[bool; 3]> = (0..n)
            .map(|a| {
                let mut s = [false; 3];
                s[index(self.grounded[a])] = true;
                s
            })
            .collect();
        let part = &self.residual;
        match semantics {
            Semantics::Grounded => Ok(collect(&seen)),
            Semantics::Complete | Semantics::Preferred => {
                let mut enc = Encoding::survey(&part.af, Kind::Complete, self.deadline);
                self.harvest(&mut enc, part, &mut seen, &[Label::In, Label::Out])?;
                if semantics == Semantics::Complete {
                    // The grounded labelling is complete: every residual argument is UNDEC there.
                    return Ok(collect(&seen));
                }
                let mut undec: Vec<[bool; 3]> = seen
                    .iter()
                    .enumerate()
                    .map(|(a, s)| {
                        let decided = self.grounded[a] != Label::Undec;
                        // Never IN nor OUT in a complete labelling: UNDEC in every one.
                        let always = !decided && !s[0] && !s[1];
                        [s[0], s[1], always || (decided && s[2])]
                    })
                    .collect();
                for (local, &a) in part.global.iter().enumerate() {
                    if undec[a as usize][2] {
                        continue;
                    }
                    let sub = part.ancestors(local as u32);
                    let q = sub.local(a).expect("an argument is its own ancestor");
                    if let Some(found) = self.preferred_with_undec(&sub, q)? {
                        let labels = labels_of_set(&sub.af, &found);
                        for (x, l) in labels.into_iter().enumerate() {
                            undec[sub.global[x] as usize][index(l)] = true;
                        }
                    }
                }
                Ok(collect(&undec))
            }
            Semantics::Stable => {
                let mut enc = Encoding::survey(&part.af, Kind::Stable, self.deadline);
                if !enc.solve(&[])? {
                    return Ok(vec![Vec::new(); n]);
                }
                // No stable labelling has UNDEC: only the models say what the residual takes.
                for &a in &part.global {
                    seen[a as usize] = [false; 3];
                }
                record(&enc, part, &mut seen);
                self.harvest(&mut enc, part, &mut seen, &[Label::In, Label::Out])?;
                Ok(collect(&seen))
            }
        }
    }

    /// Asks `enc` for models giving some residual argument a label not yet seen for it, one
    /// label at a time, recording every model, until there is none.
    fn harvest(
        &self,
        enc: &mut Encoding,
        part: &Part,
        seen: &mut [[bool; 3]],
        labels: &[Label],
    ) -> Answer<()> {
        for &label in labels {
            loop {
                let act = enc.fresh();
                let mut some: Vec<batsat::Lit> = vec![!act];
                some.extend(
                    (0..part.af.len() as u32)
                        .filter(|&x| !seen[part.global[x as usize] as usize][index(label)])
                        .map(|x| enc.label_lits(x, label)[0]),
                );
                if some.len() == 1 {
                    break;
                }
                enc.add(&mut some);
                let found = enc.solve(&[act]);
                enc.add(&mut vec![!act]);
                if !found? {
                    break;
                }
                record(enc, part, seen);
            }
        }
        Ok(())
    }
}

/// Records the labels of the last model of `enc` (on `part`).
fn record(enc: &Encoding, part: &Part, seen: &mut [[bool; 3]]) {
    for (x, l) in enc.model_labels().into_iter().enumerate() {
        seen[part.global[x] as usize][index(l)] = true;
    }
}

fn index(label: Label) -> usize {
    match label {
        Label::In => 0,
        Label::Out => 1,
        Label::Undec => 2,
    }
}

fn collect(seen: &[[bool; 3]]) -> Vec<Vec<Label>> {
    seen.iter()
        .map(|s| {
            [Label::In, Label::Out, Label::Undec]
                .into_iter()
                .filter(|&l| s[index(l)])
                .collect()
        })
        .collect()
}

/// The clause "some argument outside `set` is IN".
fn outside(enc: &Encoding, n: usize, set: &[u32]) -> Vec<batsat::Lit> {
    let mut member = vec![false; n];
    set.iter().for_each(|&a| member[a as usize] = true);
    (0..n as u32)
        .filter(|&a| !member[a as usize])
        .map(|a| enc.in_lit(a))
        .collect()
}

/// The labels of the arguments of `af` given the IN set `set` of a complete extension.
fn labels_of_set(af: &Framework, set: &[u32]) -> Vec<Label> {
    let mut labels = vec![Label::Undec; af.len()];
    for &a in set {
        labels[a as usize] = Label::In;
    }
    for &a in set {
        for &t in af.targets(a) {
            labels[t as usize] = Label::Out;
        }
    }
    labels
}

/// The label of `q` given the IN set `set` of a complete extension of `af`.
fn label_in(af: &Framework, set: &[u32], q: u32) -> Label {
    if set.binary_search(&q).is_ok() {
        Label::In
    } else if af.attackers(q).iter().any(|b| set.binary_search(b).is_ok()) {
        Label::Out
    } else {
        Label::Undec
    }
}
