//! Backtracking search over IN/OUT/UNDEC labels with constraint propagation.
//!
//! Every argument has a domain, a subset of {IN, OUT, UNDEC} kept as three bits. The constraint
//! of argument `a` ties its label to its attackers' labels: IN iff every attacker is OUT, OUT
//! iff some attacker is IN, UNDEC otherwise. A total labelling satisfies every constraint iff it
//! is complete. Propagation makes each constraint generalized arc consistent: a value stays in
//! a domain only if the other variables of the constraint can support it. A self-attacker
//! appears twice in its own constraint and is treated as two variables there; that relaxation
//! only prunes less, and on a total labelling the check is exact.
//!
//! Search is depth-first, IN before OUT before UNDEC, over the variables in the topological
//! order of the strongly connected components. Changes are recorded on a trail and undone on
//! backtracking; both loops are iterative, so deep searches do not grow the call stack.

use std::ops::ControlFlow;

use super::{Framework, Label};

pub(crate) const IN: u8 = 1;
pub(crate) const OUT: u8 = 2;
pub(crate) const UNDEC: u8 = 4;
const ALL: u8 = IN | OUT | UNDEC;

/// The domain bit of a label.
pub(crate) fn bit(label: Label) -> u8 {
    match label {
        Label::In => IN,
        Label::Out => OUT,
        Label::Undec => UNDEC,
    }
}

fn label_of(domain: u8) -> Label {
    match domain {
        IN => Label::In,
        OUT => Label::Out,
        _ => Label::Undec,
    }
}

fn fixed(domain: u8) -> bool {
    domain.count_ones() == 1
}

/// The state of one search: domains, the trail of changes and the propagation queue.
pub(crate) struct Search<'a> {
    af: &'a Framework,
    mode: Mode,
    /// The arguments the grounded labelling leaves UNDEC: the only ones ever branched on.
    open: Vec<u32>,
    dom: Vec<u8>,
    trail: Vec<(u32, u8)>,
    queue: Vec<u32>,
    queued: Vec<bool>,
}

/// Which labellings the constraints describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Complete labellings (stable ones when UNDEC is removed from every domain).
    Complete,
    /// Admissible labellings: IN needs every attacker OUT, OUT needs an IN attacker, UNDEC
    /// needs nothing. Open arguments end up not IN.
    Admissible,
}

/// What a search visitor says: stop here (the state then holds the labelling) or go on.
pub(crate) type Visit<'v, 'a> = &'v mut dyn FnMut(&mut Search<'a>) -> ControlFlow<()>;

impl<'a> Search<'a> {
    /// A search for complete labellings, with the grounded labels fixed.
    #[allow(clippy::expect_used, reason = "a complete labelling always exists")]
    pub(crate) fn complete(af: &'a Framework) -> Search<'a> {
        Search::new(af, Mode::Complete, ALL).expect("a complete labelling always exists")
    }

    /// A search for stable labellings, or `None` if propagation alone shows there is none.
    pub(crate) fn stable(af: &'a Framework) -> Option<Search<'a>> {
        Search::new(af, Mode::Complete, IN | OUT)
    }

    /// A search for admissible labellings that extend the grounded one (every admissible set
    /// is contained in a complete extension, which contains the grounded one).
    #[allow(clippy::expect_used, reason = "the grounded labelling is admissible")]
    pub(crate) fn admissible(af: &'a Framework) -> Search<'a> {
        Search::new(af, Mode::Admissible, ALL).expect("the grounded labelling is admissible")
    }

    /// Grounded labels fixed, `open` as the domain of the rest (without IN for self-attackers),
    /// every constraint on an open argument propagated.
    fn new(af: &'a Framework, mode: Mode, open: u8) -> Option<Search<'a>> {
        let grounded = af.grounded();
        let dom: Vec<u8> = grounded
            .iter()
            .enumerate()
            .map(|(a, l)| match l {
                Label::Undec if af.attacks_itself(a as u32) => open & !IN,
                Label::Undec => open,
                l => bit(*l),
            })
            .collect();
        let n = af.len();
        let open: Vec<u32> = (0..n as u32)
            .filter(|&a| grounded[a as usize] == Label::Undec)
            .collect();
        let mut search = Search {
            af,
            mode,
            open,
            dom,
            trail: Vec::new(),
            queue: Vec::new(),
            queued: vec![false; n],
        };
        for a in search.open.clone() {
            search.enqueue(a);
        }
        search.propagate().then_some(search)
    }

    /// The label of a fixed argument (UNDEC while it is open).
    pub(crate) fn label(&self, a: u32) -> Label {
        label_of(self.dom[a as usize])
    }

    /// Whether `a` may still be labelled IN.
    pub(crate) fn may_be_in(&self, a: u32) -> bool {
        self.dom[a as usize] & IN != 0
    }

    /// The labelling, once every argument is fixed.
    pub(crate) fn labelling(&self) -> Vec<Label> {
        self.dom.iter().map(|&d| label_of(d)).collect()
    }

    /// The trail position, to [`Search::undo`] back to.
    pub(crate) fn mark(&self) -> usize {
        self.trail.len()
    }

    /// Undoes every change since `mark`.
    #[allow(
        clippy::expect_used,
        reason = "the trail is longer than the mark inside the loop"
    )]
    pub(crate) fn undo(&mut self, mark: usize) {
        while self.trail.len() > mark {
            let (a, d) = self.trail.pop().expect("trail longer than mark");
            self.dom[a as usize] = d;
        }
    }

    fn enqueue(&mut self, a: u32) {
        if !self.queued[a as usize] {
            self.queued[a as usize] = true;
            self.queue.push(a);
        }
    }

    /// Narrows the domain of `a` to `mask`; false if it becomes empty. Call
    /// [`Search::propagate`] afterwards.
    pub(crate) fn restrict(&mut self, a: u32, mask: u8) -> bool {
        let old = self.dom[a as usize];
        let new = old & mask;
        if new == old {
            return true;
        }
        if new == 0 {
            return false;
        }
        self.trail.push((a, old));
        self.dom[a as usize] = new;
        self.enqueue(a);
        for &t in self.af.targets(a) {
            self.enqueue(t);
        }
        true
    }

    /// Revises queued constraints until none changes; false on a contradiction.
    pub(crate) fn propagate(&mut self) -> bool {
        while let Some(a) = self.queue.pop() {
            self.queued[a as usize] = false;
            if !self.revise(a) {
                for &b in &self.queue {
                    self.queued[b as usize] = false;
                }
                self.queue.clear();
                return false;
            }
        }
        true
    }

    /// Makes the constraint of `a` (over `a` and its attackers) arc consistent.
    fn revise(&mut self, a: u32) -> bool {
        let af = self.af;
        let attackers = af.attackers(a);
        let deg = attackers.len();
        let (mut can_in, mut can_out, mut can_undec, mut can_not_in) = (0, 0, 0, 0);
        for &b in attackers {
            let d = self.dom[b as usize];
            can_in += usize::from(d & IN != 0);
            can_out += usize::from(d & OUT != 0);
            can_undec += usize::from(d & UNDEC != 0);
            can_not_in += usize::from(d & (OUT | UNDEC) != 0);
        }
        let admissible = self.mode == Mode::Admissible;
        let mut keep = 0;
        if can_out == deg {
            keep |= IN;
        }
        if can_in > 0 {
            keep |= OUT;
        }
        if admissible || (can_not_in == deg && can_undec > 0) {
            keep |= UNDEC;
        }
        if !self.restrict(a, keep) {
            return false;
        }
        let da_now = self.dom[a as usize];
        let others = deg.saturating_sub(1);
        for &b in attackers {
            let db = self.dom[b as usize];
            let own = |mask: u8| usize::from(db & mask != 0);
            let (o_in, o_out, o_undec, o_not_in) = (
                can_in - own(IN),
                can_out - own(OUT),
                can_undec - own(UNDEC),
                can_not_in - own(OUT | UNDEC),
            );
            let a_in = da_now & IN != 0 && o_out == others;
            let a_out = da_now & OUT != 0 && o_in > 0;
            let a_undec_needs_b = da_now & UNDEC != 0 && o_not_in == others;
            let mut keep = 0;
            if admissible {
                // UNDEC on `a` asks nothing; IN on `a` needs every attacker OUT; OUT on `a`
                // needs one IN attacker.
                if da_now & UNDEC != 0 || (da_now & OUT != 0 && o_in > 0) {
                    keep = ALL;
                } else if da_now & OUT != 0 {
                    keep |= IN;
                }
                if da_now & IN != 0 && o_out == others {
                    keep |= OUT;
                }
                if !self.restrict(b, keep) {
                    return false;
                }
                continue;
            }
            if da_now & OUT != 0 {
                keep |= IN;
            }
            if a_in || a_out || (a_undec_needs_b && o_undec > 0) {
                keep |= OUT;
            }
            if a_out || a_undec_needs_b {
                keep |= UNDEC;
            }
            if !self.restrict(b, keep) {
                return false;
            }
        }
        true
    }

    /// Visits every total assignment of `vars` that propagation accepts (given the current
    /// state), in depth-first order, IN before OUT before UNDEC. On `Break` the state holds
    /// the labelling that stopped the search; on `Continue` it is as it was.
    pub(crate) fn enumerate(&mut self, vars: &[u32], visit: Visit<'_, 'a>) -> ControlFlow<()> {
        // Choice points: (position in vars, values left to try, trail mark).
        let mut stack: Vec<(usize, u8, usize)> = Vec::new();
        let mut from = 0;
        loop {
            while from < vars.len() && fixed(self.dom[vars[from] as usize]) {
                from += 1;
            }
            if from == vars.len() {
                visit(self)?;
            } else {
                let v = vars[from] as usize;
                stack.push((from, self.dom[v], self.trail.len()));
            }
            // Backtrack to the next value still to try.
            loop {
                let Some(top) = stack.last_mut() else {
                    return ControlFlow::Continue(());
                };
                let (pos, left, mark) = *top;
                self.undo(mark);
                if left == 0 {
                    stack.pop();
                    continue;
                }
                let value = left & left.wrapping_neg();
                top.1 &= !value;
                if self.restrict(vars[pos], value) && self.propagate() {
                    from = pos + 1;
                    break;
                }
            }
        }
    }

    /// Fixes `vars` to `domains` and propagates.
    fn assign(&mut self, vars: &[u32], domains: &[u8]) -> bool {
        vars.iter().zip(domains).all(|(&v, &d)| self.restrict(v, d)) && self.propagate()
    }

    /// The IN-maximal complete labellings of one component given the labels upstream, as
    /// domains in the order of `scc`. Lists every complete labelling of the component first.
    fn maximal_in(&mut self, scc: &[u32]) -> Vec<Vec<u8>> {
        let mut local: Vec<Vec<u8>> = Vec::new();
        let _ = self.enumerate(scc, &mut |s| {
            local.push(scc.iter().map(|&v| s.dom[v as usize]).collect());
            ControlFlow::Continue(())
        });
        let is_in = |l: &Vec<u8>, i: usize| l[i] == IN;
        let below = |x: &Vec<u8>, y: &Vec<u8>| {
            (0..scc.len()).all(|i| !is_in(x, i) || is_in(y, i))
                && (0..scc.len()).any(|i| is_in(y, i) && !is_in(x, i))
        };
        local
            .iter()
            .filter(|x| !local.iter().any(|y| below(x, y)))
            .cloned()
            .collect()
    }

    /// Visits every preferred labelling: component by component, each one IN-maximal among
    /// the complete labellings of its component given the labels upstream.
    pub(crate) fn preferred(&mut self, sccs: &[Vec<u32>], visit: Visit<'_, 'a>) -> ControlFlow<()> {
        // Choice points: (component, its maximal labellings still to try, trail mark).
        let mut stack: Vec<(usize, Vec<Vec<u8>>, usize)> = Vec::new();
        let mut i = 0;
        loop {
            if i == sccs.len() {
                visit(self)?;
            } else {
                let options = self.maximal_in(&sccs[i]);
                stack.push((i, options, self.trail.len()));
            }
            loop {
                let Some(top) = stack.last_mut() else {
                    return ControlFlow::Continue(());
                };
                let mark = top.2;
                let component = top.0;
                let Some(option) = top.1.pop() else {
                    self.undo(mark);
                    stack.pop();
                    continue;
                };
                self.undo(mark);
                if self.assign(&sccs[component], &option) {
                    i = component + 1;
                    break;
                }
            }
        }
    }

    /// Searches for labels that justify every obligation, branching on who meets the most
    /// constrained one (fewest candidates first). Admissible mode: every OUT argument needs an
    /// IN attacker. Stable mode: every argument not IN needs an IN attacker. True when found
    /// (the state holds it; arguments left open are not IN); false with the state as it was.
    pub(crate) fn justify(&mut self) -> bool {
        // Choice points: (candidates, next one to try, trail mark).
        let mut stack: Vec<(Vec<u32>, usize, usize)> = Vec::new();
        loop {
            match self.obligation() {
                None => return true,
                Some(candidates) => stack.push((candidates, 0, self.mark())),
            }
            loop {
                let Some(top) = stack.last_mut() else {
                    return false;
                };
                let (i, mark) = (top.1, top.2);
                self.undo(mark);
                if i == top.0.len() {
                    stack.pop();
                    continue;
                }
                top.1 += 1;
                let candidates = top.0.clone();
                // The i-th candidate meets the obligation; the ones tried before do not.
                let ok = candidates[..i].iter().all(|&c| self.restrict(c, !IN))
                    && self.restrict(candidates[i], IN)
                    && self.propagate();
                if ok {
                    break;
                }
            }
        }
    }

    /// The unmet obligation with the fewest candidates to meet it, and those candidates.
    fn obligation(&self) -> Option<Vec<u32>> {
        let mut best: Option<Vec<u32>> = None;
        for &x in &self.open {
            let d = self.dom[x as usize];
            let bound = match self.mode {
                Mode::Admissible => d == OUT,
                Mode::Complete => d != IN,
            };
            let attackers = self.af.attackers(x);
            if !bound || attackers.iter().any(|&b| self.dom[b as usize] == IN) {
                continue;
            }
            let mut candidates: Vec<u32> = Vec::new();
            if self.mode == Mode::Complete && d & IN != 0 {
                candidates.push(x);
            }
            candidates.extend(
                attackers
                    .iter()
                    .filter(|&&b| self.dom[b as usize] & IN != 0),
            );
            if best.as_ref().is_none_or(|b| candidates.len() < b.len()) {
                let done = candidates.len() <= 1;
                best = Some(candidates);
                if done {
                    break;
                }
            }
        }
        best
    }
}
