//! Evidential frameworks: arguments that attack each other and stand only on support that
//! stands.
//!
//! Each argument has a [`Need`]: a *source* stands on its own (a document, a work); an *any*
//! argument stands when one of its supporters does (a claim, on any of its routes); an *all*
//! argument stands when every supporter does (a linked argument, on its premises). On top of
//! that, an argument stands only when every attacker has fallen.
//!
//! This is a normal logic program: an argument `a` with supporters `s₁ … sₖ` and attackers
//! `b₁ … bⱼ` is the rules `a ← sᵢ, not b₁, …, not bⱼ` (one per supporter for *any*, one with
//! every supporter for *all*, one with no positive body for a source). Its grounded labelling
//! is the program's well-founded model (Van Gelder, Ross and Schlipf 1991): IN is true, OUT
//! false, UNDEC undefined. With no support at all it is Dung's grounded labelling, and with no
//! attacks it is reachability from the sources over an AND/OR graph. Unlike labelling
//! attacks alone, a circle of arguments that only support each other, fed by nothing that
//! stands, is OUT (an unfounded set), not UNDEC.
//!
//! [`Evidential::grounded`] computes it by queue propagation with counters (what a node still
//! waits for), and, when the queue stalls, a search for the unfounded nodes among the
//! undecided ones, which become OUT; then propagation resumes. Each round is O(n + m); the
//! number of rounds is one more than the number of times an unfounded set had to be found,
//! which on the debates here is one or two.

use crate::graph::Csr;
use crate::semantics::{Framework, Label};

/// What an argument needs in order to stand (besides every attacker being OUT).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Need {
    /// Nothing: it stands on its own.
    Source,
    /// One supporter that stands.
    Any,
    /// Every supporter standing.
    All,
}

/// An evidential framework: arguments `0..n` with a [`Need`] each, support and attack.
#[derive(Clone, Debug)]
pub struct Evidential {
    need: Vec<Need>,
    supported: Csr,
    supporters: Csr,
    attacks: Framework,
}

impl Evidential {
    /// A framework of `need.len()` arguments with the given `(supporter, supported)` and
    /// `(attacker, target)` pairs.
    ///
    /// # Panics
    ///
    /// If a pair names an argument outside `0..need.len()`.
    pub fn new(
        need: Vec<Need>,
        support: impl IntoIterator<Item = (u32, u32)>,
        attacks: impl IntoIterator<Item = (u32, u32)>,
    ) -> Evidential {
        let n = need.len();
        let support: Vec<(u32, u32)> = support.into_iter().collect();
        assert!(
            support
                .iter()
                .all(|&(a, b)| (a as usize) < n && (b as usize) < n),
            "a support names an argument outside 0..{n}"
        );
        let supported = Csr::new(n, support);
        let supporters = supported.reversed();
        Evidential {
            need,
            supported,
            supporters,
            attacks: Framework::new(n, attacks),
        }
    }

    /// The number of arguments.
    pub fn len(&self) -> usize {
        self.need.len()
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.need.is_empty()
    }

    /// The attacks alone, as a Dung framework.
    pub fn attacks(&self) -> &Framework {
        &self.attacks
    }

    /// What argument `a` needs.
    pub fn need(&self, a: u32) -> Need {
        self.need[a as usize]
    }

    /// The arguments that support `a`, sorted.
    pub fn supporters(&self, a: u32) -> &[u32] {
        self.supporters.row(a)
    }

    /// The arguments that `a` supports, sorted.
    pub fn supported(&self, a: u32) -> &[u32] {
        self.supported.row(a)
    }

    /// The grounded (well-founded) labelling, with the `absent` arguments left out: they are
    /// OUT, support nothing and attack nothing.
    pub fn grounded(&self, absent: &[bool]) -> Vec<Label> {
        let mut labels = vec![Label::Undec; self.len()];
        let region: Vec<u32> = (0..self.len() as u32).collect();
        self.grounded_within(&mut labels, &region, absent);
        labels
    }

    /// Relabels the arguments of `region` with every other argument's label fixed as
    /// `labels` gives it, in time proportional to the region and the edges into it.
    ///
    /// `region` must be closed under support and attack (whatever a region argument supports
    /// or attacks is in it), as the arguments reachable from some change are: then the labels
    /// outside it do not depend on it, and the result is the grounded labelling of the whole
    /// framework (the well-founded model splits along such a set).
    pub fn grounded_within(&self, labels: &mut [Label], region: &[u32], absent: &[bool]) {
        self.label_region(labels, region, &|a| absent[a as usize]);
    }

    /// [`Evidential::grounded_within`] with the absent arguments given by a function, so that a
    /// caller relabelling a small region need not build a flag per argument.
    pub fn grounded_within_by(
        &self,
        labels: &mut [Label],
        region: &[u32],
        absent: impl Fn(u32) -> bool,
    ) {
        self.label_region(labels, region, &absent);
    }

    /// [`Evidential::grounded`], with the order in which each argument was decided (from 1;
    /// 0 for the undecided ones): the derivation that [`Evidential::affected`] retraces.
    pub fn grounded_in_order(&self, absent: &[bool]) -> (Vec<Label>, Vec<u32>) {
        let mut labels = vec![Label::Undec; self.len()];
        let region: Vec<u32> = (0..self.len() as u32).collect();
        let order = self.label_region(&mut labels, &region, &|a| absent[a as usize]);
        (labels, order)
    }

    fn label_region(
        &self,
        labels: &mut [Label],
        region: &[u32],
        absent: &dyn Fn(u32) -> bool,
    ) -> Vec<u32> {
        let mut state = State::new(self, labels, region, absent);
        loop {
            state.propagate(self);
            if !state.unfounded(self) {
                break;
            }
        }
        state.order
    }

    /// The arguments whose grounded label may change when the `changed` ones do (they leave, or
    /// their label changes), given the grounded `labels` and the `order` of
    /// [`Evidential::grounded_in_order`]: the `changed` arguments, and every argument whose
    /// label can no longer be derived as it was from arguments outside the set.
    ///
    /// An argument keeps its label when the reason it had still holds without the set, every
    /// part of the reason decided before it: IN, a route of support IN (all premises, for an
    /// *all* argument) and every attacker OUT; OUT, an attacker IN, or every route OUT (a premise
    /// OUT); UNDEC, nothing in the set among its supporters and attackers. The order keeps the
    /// reasons well founded: arguments of a circle, of support or attack, cannot keep each other.
    /// (An argument decided in an unfounded round whose reasons were decided in the same round
    /// does not keep its label: the set is then larger than it need be, never wrong.) The labels
    /// outside the set do not depend on it, so relabelling the set alone
    /// ([`Evidential::grounded_within`]) gives the grounded labelling; it costs what the set
    /// and the edges around it cost, not the size of the framework.
    pub fn affected(&self, labels: &[Label], order: &[u32], changed: &[u32]) -> Vec<u32> {
        let mut suspect = vec![false; self.len()];
        let mut set: Vec<u32> = Vec::new();
        for &a in changed {
            if !std::mem::replace(&mut suspect[a as usize], true) {
                set.push(a);
            }
        }
        let mut i = 0;
        while let Some(&a) = set.get(i) {
            i += 1;
            for &w in self.supported(a).iter().chain(self.attacks.targets(a)) {
                if !suspect[w as usize] && !self.keeps(w, labels, order, &suspect) {
                    suspect[w as usize] = true;
                    set.push(w);
                }
            }
        }
        set
    }

    /// Whether `w` still has the reason for its label with the `suspect` arguments set aside.
    fn keeps(&self, w: u32, labels: &[Label], order: &[u32], suspect: &[bool]) -> bool {
        let sure = |b: u32, label: Label| !suspect[b as usize] && labels[b as usize] == label;
        let before = |b: u32| order[b as usize] < order[w as usize];
        let attackers = self.attacks.attackers(w);
        let supporters = self.supporters(w);
        // Every reason must have been decided before `w`: reasons that point back at `w` through
        // a circle (of support, of attack or of both) would otherwise keep each other.
        let held = |b: u32, label: Label| sure(b, label) && before(b);
        match labels[w as usize] {
            Label::In => {
                attackers.iter().all(|&b| held(b, Label::Out))
                    && match self.need(w) {
                        Need::Source => true,
                        Need::Any => supporters.iter().any(|&b| held(b, Label::In)),
                        Need::All => supporters.iter().all(|&b| held(b, Label::In)),
                    }
            }
            Label::Out => {
                attackers.iter().any(|&b| held(b, Label::In))
                    || match self.need(w) {
                        Need::Source => false,
                        Need::Any => supporters.iter().all(|&b| held(b, Label::Out)),
                        Need::All => supporters.iter().any(|&b| held(b, Label::Out)),
                    }
            }
            Label::Undec => attackers
                .iter()
                .chain(supporters)
                .all(|&b| !suspect[b as usize]),
        }
    }

    /// The framework as a Dung framework for the other semantics, given its grounded
    /// `labels`: the arguments that are not OUT in it, with their attacks, and auxiliary
    /// arguments for support. An *any* argument `a` gets an argument "`a` lacks support",
    /// attacked by each of its supporters and attacking `a`; each premise `p` of an *all*
    /// argument gets an argument "`p` does not hold", attacked by `p` and attacking every *all*
    /// argument it is a premise of. The arguments keep their numbers; the auxiliary ones come
    /// after them. Arguments OUT in the grounded labelling are OUT in every complete labelling
    /// (the grounded labelling is the least), so they are left without attacks, and their
    /// labels in the result mean nothing.
    ///
    /// Support circles read by this translation stand together (Clark's completion) where the
    /// grounded labelling makes them OUT; leaving out what the grounded labelling rejects
    /// keeps that to circles that are undecided in it.
    pub fn to_framework(&self, labels: &[Label]) -> Framework {
        let n = self.len() as u32;
        let kept = |a: u32| labels[a as usize] != Label::Out;
        let mut attacks: Vec<(u32, u32)> = Vec::new();
        for a in (0..n).filter(|&a| kept(a)) {
            attacks.extend(
                self.attacks
                    .targets(a)
                    .iter()
                    .filter(|&&b| kept(b))
                    .map(|&b| (a, b)),
            );
        }
        let mut next = n;
        let mut not_holds: Vec<u32> = vec![u32::MAX; self.len()];
        for a in (0..n).filter(|&a| kept(a)) {
            match self.need(a) {
                Need::Source => {}
                Need::Any => {
                    let lacks = next;
                    next += 1;
                    attacks.push((lacks, a));
                    let holding = self.supporters(a).iter().filter(|&&s| kept(s));
                    attacks.extend(holding.map(|&s| (s, lacks)));
                }
                Need::All => {
                    for &p in self.supporters(a) {
                        if not_holds[p as usize] == u32::MAX {
                            not_holds[p as usize] = next;
                            attacks.push((p, next));
                            next += 1;
                        }
                        attacks.push((not_holds[p as usize], a));
                    }
                }
            }
        }
        Framework::new(next as usize, attacks)
    }
}

/// The counters of a labelling in progress.
struct State<'l> {
    labels: &'l mut [Label],
    region: &'l [u32],
    in_region: Vec<bool>,
    /// Per argument: attackers not yet OUT.
    attackers_left: Vec<u32>,
    /// *any*: supporters not yet OUT; *all*: premises not yet IN.
    support_left: Vec<u32>,
    /// *any*: whether a supporter is IN.
    supported_in: Vec<bool>,
    queue: Vec<u32>,
    /// The order in which arguments were decided, from 1: 0 while undecided (a zeroed array,
    /// which costs nothing until written).
    order: Vec<u32>,
    decided: u32,
}

impl<'l> State<'l> {
    fn new(
        f: &Evidential,
        labels: &'l mut [Label],
        region: &'l [u32],
        absent: &dyn Fn(u32) -> bool,
    ) -> State<'l> {
        let n = f.len();
        let mut in_region = vec![false; n];
        for &a in region {
            in_region[a as usize] = true;
            labels[a as usize] = if absent(a) { Label::Out } else { Label::Undec };
        }
        let mut s = State {
            labels,
            region,
            in_region,
            attackers_left: vec![0; n],
            support_left: vec![0; n],
            supported_in: vec![false; n],
            queue: Vec::new(),
            order: vec![0; n],
            decided: 0,
        };
        // What is decided from outside the region, or absent, counts as decided from the start;
        // what is inside counts as open until it is decided.
        for &a in region {
            let i = a as usize;
            if absent(a) {
                continue;
            }
            let open = |b: u32, s: &State| match () {
                _ if absent(b) => Label::Out,
                _ if s.in_region[b as usize] => Label::Undec,
                _ => s.labels[b as usize],
            };
            let mut out = false;
            for &b in f.attacks.attackers(a) {
                match open(b, &s) {
                    Label::In => out = true,
                    Label::Undec => s.attackers_left[i] += 1,
                    Label::Out => {}
                }
            }
            match f.need(a) {
                Need::Source => {}
                Need::Any => {
                    for &b in f.supporters(a) {
                        match open(b, &s) {
                            Label::In => {
                                s.supported_in[i] = true;
                                s.support_left[i] += 1;
                            }
                            Label::Undec => s.support_left[i] += 1,
                            Label::Out => {}
                        }
                    }
                    out |= s.support_left[i] == 0;
                }
                Need::All => {
                    for &b in f.supporters(a) {
                        match open(b, &s) {
                            Label::In => {}
                            Label::Undec => s.support_left[i] += 1,
                            Label::Out => out = true,
                        }
                    }
                }
            }
            if out {
                s.decide(a, Label::Out);
            } else if s.may_be_in(f, a) {
                s.decide(a, Label::In);
            }
        }
        s
    }

    fn decide(&mut self, a: u32, label: Label) {
        self.labels[a as usize] = label;
        self.decided += 1;
        self.order[a as usize] = self.decided;
        self.queue.push(a);
    }

    fn undecided(&self, a: u32) -> bool {
        self.in_region[a as usize] && self.labels[a as usize] == Label::Undec
    }

    /// Whether an undecided `a` is IN now: every attacker OUT and its need met.
    fn may_be_in(&self, f: &Evidential, a: u32) -> bool {
        let i = a as usize;
        self.attackers_left[i] == 0
            && match f.need(a) {
                Need::Source => true,
                Need::Any => self.supported_in[i],
                Need::All => self.support_left[i] == 0,
            }
    }

    /// Spreads every decision in the queue until nothing more follows.
    fn propagate(&mut self, f: &Evidential) {
        while let Some(a) = self.queue.pop() {
            let label = self.labels[a as usize];
            for &t in f.attacks.targets(a) {
                if !self.undecided(t) {
                    continue;
                }
                match label {
                    Label::In => self.decide(t, Label::Out),
                    _ => {
                        self.attackers_left[t as usize] -= 1;
                        if self.may_be_in(f, t) {
                            self.decide(t, Label::In);
                        }
                    }
                }
            }
            for &w in f.supported(a) {
                if !self.undecided(w) {
                    continue;
                }
                let j = w as usize;
                match (f.need(w), label) {
                    (Need::Any, Label::In) => {
                        self.supported_in[j] = true;
                        if self.may_be_in(f, w) {
                            self.decide(w, Label::In);
                        }
                    }
                    (Need::Any, _) => {
                        self.support_left[j] -= 1;
                        if self.support_left[j] == 0 {
                            self.decide(w, Label::Out);
                        }
                    }
                    (Need::All, Label::In) => {
                        self.support_left[j] -= 1;
                        if self.may_be_in(f, w) {
                            self.decide(w, Label::In);
                        }
                    }
                    (Need::All, _) => self.decide(w, Label::Out),
                    (Need::Source, _) => {}
                }
            }
        }
    }

    /// Makes OUT the undecided arguments that no standing or undecided source can found: those
    /// not reached from the undecided sources and from what stands or is undecided outside,
    /// along support (an *all* argument once every premise is reached). Returns whether any
    /// was found.
    fn unfounded(&mut self, f: &Evidential) -> bool {
        let mut wait: Vec<u32> = vec![0; self.labels.len()];
        let mut founded: Vec<bool> = vec![false; self.labels.len()];
        let mut stack = Vec::new();
        for &a in self.region {
            if !self.undecided(a) {
                continue;
            }
            let not_out = |b: &u32| !self.undecided(*b) && self.labels[*b as usize] != Label::Out;
            let i = a as usize;
            let seed = match f.need(a) {
                Need::Source => true,
                Need::Any => f.supporters(a).iter().any(not_out),
                Need::All => {
                    wait[i] = f
                        .supporters(a)
                        .iter()
                        .filter(|&&b| self.undecided(b))
                        .count() as u32;
                    wait[i] == 0
                }
            };
            if seed {
                founded[i] = true;
                stack.push(a);
            }
        }
        while let Some(a) = stack.pop() {
            for &w in f.supported(a) {
                let j = w as usize;
                if !self.undecided(w) || founded[j] {
                    continue;
                }
                let reached = match f.need(w) {
                    Need::All => {
                        wait[j] -= 1;
                        wait[j] == 0
                    }
                    _ => true,
                };
                if reached {
                    founded[j] = true;
                    stack.push(w);
                }
            }
        }
        let unfounded: Vec<u32> = (self.region.iter())
            .copied()
            .filter(|&a| self.undecided(a) && !founded[a as usize])
            .collect();
        unfounded.iter().for_each(|&a| self.decide(a, Label::Out));
        !unfounded.is_empty()
    }
}

#[cfg(test)]
mod tests;
