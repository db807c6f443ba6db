//! Abstract argumentation (Dung 1995): frameworks of arguments and attacks, and their grounded,
//! complete, preferred and stable semantics, in labelling form (Caminada).
//!
//! This module knows nothing about documents, claims or YAML. The debate is translated into a
//! [`Framework`] elsewhere (`query::acceptability`); the ICCMA solver interface ([`iccma`])
//! reads frameworks from files.
//!
//! # Algorithms and their cost
//!
//! With `n` arguments and `m` attacks:
//!
//! - **Grounded** ([`Framework::grounded`]): queue propagation in O(n + m). Each argument keeps
//!   the number of its attackers not yet OUT; at 0 it is IN, and everything an IN argument
//!   attacks is OUT. Every argument and every attack is handled at most once.
//! - **Complete, preferred, stable**, by default ([`Engine::Sat`], `sat/`): propositional
//!   encodings of admissible, complete and stable labellings (two variables per argument),
//!   solved incrementally by BatSat, a CDCL SAT solver in Rust. Only the arguments the
//!   grounded labelling leaves UNDEC are encoded (every complete labelling extends it).
//!   Credulous questions and OUT labels are one admissible-set query on the arguments with a
//!   path to the query argument. A preferred extension is a complete one grown to ⊆-maximal
//!   (a few "one more argument" queries, the solver deciding IN first); a preferred labelling
//!   with the query UNDEC, and every preferred extension, come from counter-example guided
//!   abstraction refinement (each round finds a new preferred extension and excludes every
//!   complete one inside it). Stable questions are one query on the stable encoding.
//!   Every argument's labels at once ([`Reasoner::labels_of_all`]) share one solver, each
//!   model answering for every argument.
//! - **The former search** ([`Engine::Search`], `search.rs`): a DPLL-style backtracking search
//!   over the labels IN, OUT and UNDEC with generalized-arc-consistent propagation of the
//!   complete-labelling constraint of each argument, branching in the topological order of
//!   the strongly connected components; preferred labellings are built component by
//!   component from the IN-maximal complete labellings of each (SCC-recursiveness, Baroni,
//!   Giacomin and Guida 2005), which lists every complete labelling of a component. Kept for
//!   comparison: the SAT engine is faster on every benchmark here.
//! - **Directionality**: grounded, complete and preferred labels of an argument depend only on
//!   the arguments with a path to it, so credulous and skeptical questions about one argument
//!   are answered on that upward-closed sub-framework. Stable semantics is not directional and
//!   is always searched whole.
//!
//! The search is exponential in the worst case, as it must be: credulous acceptance under
//! complete semantics is NP-complete and skeptical acceptance under preferred semantics is
//! Π2-complete. No subset of arguments is ever enumerated. A [`Reasoner`] takes an optional
//! deadline, which the SAT solver checks between conflicts.

mod evidential;
mod extensions;
mod framework;
mod grounded;
pub mod iccma;
mod reasoner;
mod sat;
mod search;

pub use evidential::{Evidential, Need};
pub use framework::Framework;
pub use reasoner::{Engine, Interrupted, Reasoner};

use serde::Serialize;

/// A label of an argument in a labelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Accepted: every attacker is OUT.
    In,
    /// Rejected: some attacker is IN.
    Out,
    /// Undecided: neither.
    Undec,
}

impl Label {
    /// The label as written in output: `in`, `out` or `undec`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undec => "undec",
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An argumentation semantics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Semantics {
    /// The least complete labelling: the one skeptical position.
    #[default]
    Grounded,
    /// Every labelling where IN means all attackers are OUT and OUT means some attacker is IN.
    Complete,
    /// The complete labellings with a ⊆-maximal IN set.
    Preferred,
    /// The complete labellings without UNDEC: every argument is IN or attacked by one that is.
    Stable,
}

impl Semantics {
    /// The semantics as written in output: `grounded`, `complete`, `preferred`, `stable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Semantics::Grounded => "grounded",
            Semantics::Complete => "complete",
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
        }
    }
}

impl std::fmt::Display for Semantics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
