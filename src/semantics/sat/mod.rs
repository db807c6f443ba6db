//! The SAT back end: complete, preferred and stable questions as propositional formulas,
//! solved by BatSat (a MiniSat-style CDCL solver in Rust, MIT) through its incremental
//! interface (assumptions, clauses added between calls).
//!
//! Every question starts from the grounded labelling, computed in O(n + m): what it decides is
//! shared by every complete labelling, so only the arguments it leaves UNDEC (the *residual*)
//! are encoded, with the attacks among them. Complete labellings of the framework and of the
//! residual correspond one to one (the grounded IN arguments added, the grounded OUT ones
//! attacked by them). Questions about one argument under complete and preferred semantics are
//! encoded only on the arguments with a path to it in the residual (directionality), which is
//! where the strongly connected components ahead of it sit.
//!
//! The encodings (Besnard and Doutre 2004; Cerutti et al. 2013), with `in(a)` and `out(a)` per
//! argument and UNDEC as neither:
//!
//! - admissible: not both; `in(a)` implies `out(b)` for every attacker `b`; `out(a)` implies
//!   `in(b)` for some attacker `b`;
//! - complete: admissible, and also `in(b)` implies `out(a)`, and all attackers OUT implies
//!   `in(a)`;
//! - stable: complete, and `in(a)` or `out(a)` for every argument.
//!
//! The tasks built on them are in `tasks.rs`.

mod tasks;

use std::time::Instant;

use batsat::{lbool, Callbacks, Lit, Solver, SolverInterface, SolverOpts};

use super::{Framework, Interrupted, Label};

pub(crate) use tasks::Sat;

/// The solver's callbacks: only the deadline, which the solver checks between conflicts.
pub(crate) struct Clock {
    deadline: Option<Instant>,
}

impl Callbacks for Clock {
    fn stop(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// Which labellings an [`Encoding`] describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Admissible labellings: IN needs every attacker OUT, OUT needs an IN attacker.
    Admissible,
    /// Complete labellings.
    Complete,
    /// Stable labellings: complete, without UNDEC.
    Stable,
    /// Complete labellings, the solver deciding IN before OUT: for [`Encoding::grow`].
    Grow,
}

/// One framework as clauses in an incremental solver: two variables per argument.
pub(crate) struct Encoding {
    solver: Solver<Clock>,
    ins: Vec<Lit>,
    outs: Vec<Lit>,
}

impl Encoding {
    /// The clauses of `kind` for `af`; the solver stops at `deadline`.
    pub(crate) fn new(af: &Framework, kind: Kind, deadline: Option<Instant>) -> Encoding {
        Encoding::build(af, kind, false, deadline)
    }

    /// [`Encoding::new`] with the solver choosing phases at random, so that successive
    /// models differ and each answers for more arguments when every argument's labels are
    /// collected.
    pub(crate) fn survey(af: &Framework, kind: Kind, deadline: Option<Instant>) -> Encoding {
        Encoding::build(af, kind, true, deadline)
    }

    fn build(af: &Framework, kind: Kind, random: bool, deadline: Option<Instant>) -> Encoding {
        let opts = SolverOpts {
            rnd_pol: random,
            ..SolverOpts::default()
        };
        let mut solver = Solver::new(opts, Clock { deadline });
        let n = af.len();
        let mut ins = Vec::with_capacity(n);
        let mut outs = Vec::with_capacity(n);
        // Deciding IN first makes the models large, so that growing to a preferred extension
        // takes few rounds.
        let prefer = if kind == Kind::Grow {
            lbool::TRUE
        } else {
            lbool::UNDEF
        };
        for _ in 0..n {
            ins.push(Lit::new(solver.new_var(prefer, true), true));
            outs.push(Lit::new(solver.new_var_default(), true));
        }
        let mut enc = Encoding { solver, ins, outs };
        let stable = kind == Kind::Stable;
        let mut clause = Vec::new();
        for a in 0..n as u32 {
            let (ia, oa) = (enc.in_lit(a), enc.out_lit(a));
            let attackers = af.attackers(a);
            enc.add(&mut vec![!ia, !oa]);
            for &b in attackers {
                enc.add(&mut vec![!ia, enc.out_lit(b)]);
            }
            clause.clear();
            clause.push(!oa);
            clause.extend(attackers.iter().map(|&b| enc.in_lit(b)));
            enc.add(&mut clause);
            if kind == Kind::Admissible {
                continue;
            }
            for &b in attackers {
                enc.add(&mut vec![!enc.in_lit(b), oa]);
            }
            clause.clear();
            clause.push(ia);
            clause.extend(attackers.iter().map(|&b| !enc.out_lit(b)));
            enc.add(&mut clause);
            if stable {
                enc.add(&mut vec![ia, oa]);
            }
        }
        enc
    }

    /// The literal `in(a)`.
    pub(crate) fn in_lit(&self, a: u32) -> Lit {
        self.ins[a as usize]
    }

    /// The literal `out(a)`.
    pub(crate) fn out_lit(&self, a: u32) -> Lit {
        self.outs[a as usize]
    }

    /// The literal that gives `a` the label `label`, or (for UNDEC) the two literals.
    pub(crate) fn label_lits(&self, a: u32, label: Label) -> Vec<Lit> {
        match label {
            Label::In => vec![self.in_lit(a)],
            Label::Out => vec![self.out_lit(a)],
            Label::Undec => vec![!self.in_lit(a), !self.out_lit(a)],
        }
    }

    /// Adds a clause for good.
    pub(crate) fn add(&mut self, clause: &mut Vec<Lit>) {
        // `false` only says the formula is now unsatisfiable, which the next solve reports.
        let _ = self.solver.add_clause_reuse(clause);
    }

    /// A fresh variable, positive: an activation literal for clauses that are to be retired.
    pub(crate) fn fresh(&mut self) -> Lit {
        Lit::new(self.solver.new_var_default(), true)
    }

    /// Whether the clauses and `assumptions` have a model; the model is then readable.
    pub(crate) fn solve(&mut self, assumptions: &[Lit]) -> Result<bool, Interrupted> {
        let result = self.solver.solve_limited(assumptions);
        if result == lbool::TRUE {
            Ok(true)
        } else if result == lbool::FALSE {
            Ok(false)
        } else {
            Err(Interrupted)
        }
    }

    /// The IN arguments of the last model, ascending.
    pub(crate) fn model_in(&self) -> Vec<u32> {
        (0..self.ins.len() as u32)
            .filter(|&a| self.solver.value_lit(self.in_lit(a)) == lbool::TRUE)
            .collect()
    }

    /// The labels of the last model.
    pub(crate) fn model_labels(&self) -> Vec<Label> {
        (0..self.ins.len() as u32)
            .map(|a| {
                if self.solver.value_lit(self.in_lit(a)) == lbool::TRUE {
                    Label::In
                } else if self.solver.value_lit(self.out_lit(a)) == lbool::TRUE {
                    Label::Out
                } else {
                    Label::Undec
                }
            })
            .collect()
    }

    /// A ⊆-maximal complete extension containing `start`, which must be contained in some
    /// complete extension (of a framework encoded as [`Kind::Grow`] or [`Kind::Complete`]). Each round asks for
    /// a complete extension with everything found so far and one argument more; the last one
    /// found is preferred. At most one round per argument, usually a few.
    pub(crate) fn grow(&mut self, start: &[u32]) -> Result<Vec<u32>, Interrupted> {
        let n = self.ins.len();
        let mut current = start.to_vec();
        loop {
            let mut member = vec![false; n];
            current.iter().for_each(|&a| member[a as usize] = true);
            let act = self.fresh();
            let mut more: Vec<Lit> = vec![!act];
            more.extend(
                (0..n as u32)
                    .filter(|&a| !member[a as usize])
                    .map(|a| self.in_lit(a)),
            );
            self.add(&mut more);
            let mut assumptions = vec![act];
            assumptions.extend(current.iter().map(|&a| self.in_lit(a)));
            let found = self.solve(&assumptions);
            // Retire the "one more" clause whatever happened.
            self.add(&mut vec![!act]);
            if !found? {
                return Ok(current);
            }
            current = self.model_in();
        }
    }
}

/// The arguments of a framework that a question is asked on, renumbered `0..k`, with the
/// framework among them and the original number of each.
pub(crate) struct Part {
    /// The framework on the part's arguments.
    pub(crate) af: Framework,
    /// Per local argument, its number in the whole framework.
    pub(crate) global: Vec<u32>,
}

impl Part {
    /// The local number of the global argument `a`, if it is in the part.
    pub(crate) fn local(&self, a: u32) -> Option<u32> {
        self.global.binary_search(&a).ok().map(|i| i as u32)
    }

    /// The sub-part of the local arguments with a path to local `a`, `a` included.
    pub(crate) fn ancestors(&self, a: u32) -> Part {
        let (af, old) = self.af.restrict(&self.af.ancestors(a));
        let global = old.iter().map(|&x| self.global[x as usize]).collect();
        Part { af, global }
    }

    /// Global numbers of local arguments.
    pub(crate) fn lift(&self, local: &[u32]) -> Vec<u32> {
        local.iter().map(|&x| self.global[x as usize]).collect()
    }

    /// Local numbers of the global arguments that are in the part.
    pub(crate) fn lower(&self, global: &[u32]) -> Vec<u32> {
        global.iter().filter_map(|&a| self.local(a)).collect()
    }
}
