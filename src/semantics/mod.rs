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
//! - **Complete, preferred, stable** (`search.rs`): a DPLL-style backtracking search over the
//!   labels IN, OUT and UNDEC. Each argument has a domain of labels; the complete-labelling
//!   constraint of each argument (IN iff every attacker is OUT, OUT iff some attacker is IN) is
//!   kept generalized-arc-consistent by a propagation queue, O(in-degree) per revision. The
//!   grounded labelling is fixed first (every complete labelling extends it). Branching follows
//!   the strongly connected components in topological order, so every component is labelled
//!   conditioned on the labels of the components that attack it. Stable labellings are complete
//!   labellings without UNDEC: the same search with UNDEC removed from every domain.
//! - **Preferred** labellings are built component by component: a labelling is preferred iff
//!   its restriction to each component is IN-maximal among the complete labellings of that
//!   component given the labels upstream (SCC-recursiveness, Baroni, Giacomin and Guida 2005).
//!   Enumerating them lists, per component, the complete labellings and keeps the IN-maximal
//!   ones; finding one grows a complete labelling greedily, one component at a time.
//! - **Directionality**: grounded, complete and preferred labels of an argument depend only on
//!   the arguments with a path to it, so credulous and skeptical questions about one argument
//!   are answered on that upward-closed sub-framework. Stable semantics is not directional and
//!   is always searched whole.
//!
//! The search is exponential in the worst case, as it must be: credulous acceptance under
//! complete semantics is NP-complete and skeptical acceptance under preferred semantics is
//! Π2-complete. No subset of arguments is ever enumerated; propagation prunes the search, and
//! components are solved one at a time.

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
