//! The questions asked of a framework, with a choice of engine and an optional deadline.

use std::ops::ControlFlow;
use std::time::Instant;

use super::grounded::in_set;
use super::sat::Sat;
use super::{Framework, Label, Semantics};

/// The algorithm that answers complete, preferred and stable questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Engine {
    /// SAT encodings on the residual of the grounded labelling, solved incrementally by
    /// BatSat; preferred by growing to maximal and CEGAR. The default.
    #[default]
    Sat,
    /// The backtracking labelling search with propagation (`search.rs`), which enumerates
    /// complete labellings per strongly connected component for preferred semantics. Kept
    /// for comparison (the criterion bench and the side-by-side script run both); it ignores
    /// the deadline.
    Search,
}

/// The deadline passed before the answer was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the deadline passed before the answer was found")]
pub struct Interrupted;

/// A framework with an [`Engine`] and an optional deadline: the questions of
/// [`Framework`]'s methods, which use the default engine and no deadline, answered with them.
///
/// ```
/// use std::time::{Duration, Instant};
/// use historiograph::{Framework, Semantics};
///
/// let af = Framework::new(3, [(0, 1), (1, 0), (1, 2)]);
/// let soon = Instant::now() + Duration::from_secs(10);
/// let witness = af.reasoner().deadline(soon).credulous(Semantics::Preferred, 2)?;
/// assert_eq!(witness, Some(vec![0, 2]));
/// # Ok::<(), historiograph::Interrupted>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Reasoner<'a> {
    af: &'a Framework,
    engine: Engine,
    deadline: Option<Instant>,
}

impl Framework {
    /// A [`Reasoner`] on this framework: the default engine, no deadline.
    pub fn reasoner(&self) -> Reasoner<'_> {
        Reasoner {
            af: self,
            engine: Engine::default(),
            deadline: None,
        }
    }
}

impl<'a> Reasoner<'a> {
    /// The same questions answered by `engine`.
    pub fn engine(self, engine: Engine) -> Reasoner<'a> {
        Reasoner { engine, ..self }
    }

    /// Give up with [`Interrupted`] once `deadline` has passed. The SAT engine checks it
    /// between conflicts of the solver; a call can overrun it by one propagation round and
    /// the O(n + m) work around the solver calls.
    pub fn deadline(self, deadline: Instant) -> Reasoner<'a> {
        Reasoner {
            deadline: Some(deadline),
            ..self
        }
    }

    fn sat(&self) -> Sat<'a> {
        Sat::new(self.af, self.deadline)
    }

    /// A labelling of the semantics in which `a` has `label`, or `None` if there is none.
    ///
    /// # Panics
    ///
    /// If `a` is not an argument.
    pub fn labelling_with(
        &self,
        semantics: Semantics,
        a: u32,
        label: Label,
    ) -> Result<Option<Vec<Label>>, Interrupted> {
        assert!((a as usize) < self.af.len(), "argument {a} out of range");
        match self.engine {
            Engine::Sat => self.sat().labelling_with(semantics, a, label),
            Engine::Search => Ok(self.af.search_labelling_with(semantics, a, label)),
        }
    }

    /// An extension containing `a` (credulous acceptance, the witness of `DC` YES), or
    /// `None`.
    pub fn credulous(&self, semantics: Semantics, a: u32) -> Result<Option<Vec<u32>>, Interrupted> {
        Ok(self
            .labelling_with(semantics, a, Label::In)?
            .map(|l| in_set(&l)))
    }

    /// An extension not containing `a` (the counterexample of `DS` NO), or `None` when `a`
    /// is skeptically accepted (in every extension; vacuously so when there is none, as for
    /// stable semantics sometimes).
    pub fn counterexample(
        &self,
        semantics: Semantics,
        a: u32,
    ) -> Result<Option<Vec<u32>>, Interrupted> {
        if semantics == Semantics::Complete {
            // The grounded labelling is the least complete one.
            let g = self.af.grounded();
            return Ok((g[a as usize] != Label::In).then(|| in_set(&g)));
        }
        for label in [Label::Out, Label::Undec] {
            if let Some(l) = self.labelling_with(semantics, a, label)? {
                return Ok(Some(in_set(&l)));
            }
        }
        Ok(None)
    }

    /// One extension of the semantics, or `None` (only possible for stable). For grounded and
    /// complete it is the grounded extension; for preferred, one grown from it.
    pub fn some_extension(&self, semantics: Semantics) -> Result<Option<Vec<u32>>, Interrupted> {
        match self.engine {
            Engine::Sat => self.sat().some_extension(semantics),
            Engine::Search => Ok(self.af.search_some_extension(semantics)),
        }
    }

    /// Every extension (IN set) of the semantics, each ascending, sorted. Exponential in the
    /// worst case: a framework can have exponentially many.
    pub fn extensions(&self, semantics: Semantics) -> Result<Vec<Vec<u32>>, Interrupted> {
        let mut out = Vec::new();
        self.each_extension(semantics, &mut |ext| {
            out.push(ext);
            ControlFlow::Continue(())
        })?;
        out.sort();
        Ok(out)
    }

    /// Visits the IN set of every extension of the semantics, each ascending, in no
    /// particular order, until the visitor breaks.
    pub fn each_extension(
        &self,
        semantics: Semantics,
        visit: &mut dyn FnMut(Vec<u32>) -> ControlFlow<()>,
    ) -> Result<(), Interrupted> {
        match self.engine {
            Engine::Sat => self.sat().each_extension(semantics, visit),
            Engine::Search => {
                self.af
                    .search_labellings(semantics, &mut |labels| visit(in_set(labels)));
                Ok(())
            }
        }
    }

    /// The labels `a` takes across the labellings of the semantics (its justification status,
    /// after Wu and Caminada), in the order IN, OUT, UNDEC. Empty only when there is no
    /// labelling at all (stable semantics).
    pub fn labels_of(&self, semantics: Semantics, a: u32) -> Result<Vec<Label>, Interrupted> {
        let mut out = Vec::new();
        for label in [Label::In, Label::Out, Label::Undec] {
            if self.labelling_with(semantics, a, label)?.is_some() {
                out.push(label);
            }
        }
        Ok(out)
    }

    /// [`Reasoner::labels_of`] for every argument at once, indexed by argument. The SAT
    /// engine shares one solver between the arguments and lets every labelling it finds
    /// answer for all of them, which costs far less than asking argument by argument.
    pub fn labels_of_all(&self, semantics: Semantics) -> Result<Vec<Vec<Label>>, Interrupted> {
        match self.engine {
            Engine::Sat => self.sat().labels_of_all(semantics),
            Engine::Search => (0..self.af.len() as u32)
                .map(|a| self.labels_of(semantics, a))
                .collect(),
        }
    }
}
