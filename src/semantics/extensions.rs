//! Complete, preferred and stable extensions; credulous and skeptical acceptance: the
//! deadline-free questions on [`Framework`], answered by the default engine, and the
//! backtracking search engine's answers.

use std::ops::ControlFlow;

use super::grounded::in_set;
use super::search::{bit, Search};
use super::{Framework, Label, Semantics};

/// Why the deadline-free questions cannot be interrupted.
const NO_DEADLINE: &str = "no deadline was set";

impl Framework {
    /// Every extension (IN set) of the semantics, each ascending, sorted. Exponential in the
    /// worst case: a framework can have exponentially many.
    #[allow(
        clippy::expect_used,
        reason = "no deadline is set, so the reasoner cannot be interrupted"
    )]
    pub fn extensions(&self, semantics: Semantics) -> Vec<Vec<u32>> {
        self.reasoner().extensions(semantics).expect(NO_DEADLINE)
    }

    /// Visits every labelling of the semantics, in no particular order, until the visitor
    /// breaks.
    #[allow(
        clippy::expect_used,
        reason = "no deadline is set, so the reasoner cannot be interrupted"
    )]
    pub fn labellings(
        &self,
        semantics: Semantics,
        visit: &mut dyn FnMut(&[Label]) -> ControlFlow<()>,
    ) {
        self.reasoner()
            .each_extension(semantics, &mut |ins| visit(&self.completion(&ins)))
            .expect(NO_DEADLINE)
    }

    /// One extension of the semantics, or `None` (only possible for stable). For grounded and
    /// complete it is the grounded extension; for preferred, one grown from it.
    #[allow(
        clippy::expect_used,
        reason = "no deadline is set, so the reasoner cannot be interrupted"
    )]
    pub fn some_extension(&self, semantics: Semantics) -> Option<Vec<u32>> {
        self.reasoner()
            .some_extension(semantics)
            .expect(NO_DEADLINE)
    }

    /// A labelling of the semantics in which `a` has `label`, or `None` if there is none.
    ///
    /// # Panics
    ///
    /// If `a` is not an argument.
    #[allow(
        clippy::expect_used,
        reason = "no deadline is set, so the reasoner cannot be interrupted"
    )]
    pub fn labelling_with(&self, semantics: Semantics, a: u32, label: Label) -> Option<Vec<Label>> {
        self.reasoner()
            .labelling_with(semantics, a, label)
            .expect(NO_DEADLINE)
    }

    /// An extension containing `a` (credulous acceptance), or `None`.
    #[allow(
        clippy::expect_used,
        reason = "no deadline is set, so the reasoner cannot be interrupted"
    )]
    pub fn credulous(&self, semantics: Semantics, a: u32) -> Option<Vec<u32>> {
        self.reasoner().credulous(semantics, a).expect(NO_DEADLINE)
    }

    /// An extension not containing `a`, or `None` when `a` is skeptically accepted (in every
    /// extension; vacuously so when there is none, as for stable semantics sometimes).
    #[allow(
        clippy::expect_used,
        reason = "no deadline is set, so the reasoner cannot be interrupted"
    )]
    pub fn counterexample(&self, semantics: Semantics, a: u32) -> Option<Vec<u32>> {
        self.reasoner()
            .counterexample(semantics, a)
            .expect(NO_DEADLINE)
    }

    /// The labels `a` takes across the labellings of the semantics (its justification status,
    /// after Wu and Caminada), in the order IN, OUT, UNDEC. Empty only when there is no
    /// labelling at all (stable semantics).
    #[allow(
        clippy::expect_used,
        reason = "no deadline is set, so the reasoner cannot be interrupted"
    )]
    pub fn labels_of(&self, semantics: Semantics, a: u32) -> Vec<Label> {
        self.reasoner().labels_of(semantics, a).expect(NO_DEADLINE)
    }

    // ---- the backtracking search engine ([`super::Engine::Search`]) ----------------------

    /// Visits every labelling of the semantics until the visitor breaks (search engine).
    pub(crate) fn search_labellings(
        &self,
        semantics: Semantics,
        visit: &mut dyn FnMut(&[Label]) -> ControlFlow<()>,
    ) {
        if semantics == Semantics::Grounded {
            let _ = visit(&self.grounded());
            return;
        }
        let search = match semantics {
            Semantics::Stable => Search::stable(self),
            _ => Some(Search::complete(self)),
        };
        let Some(mut search) = search else {
            return;
        };
        let sccs = self.sccs();
        let mut inner = |s: &mut Search<'_>| visit(&s.labelling());
        let _ = match semantics {
            Semantics::Preferred => search.preferred(&sccs, &mut inner),
            _ => search.enumerate(&sccs.concat(), &mut inner),
        };
    }

    /// One extension of the semantics (search engine).
    pub(crate) fn search_some_extension(&self, semantics: Semantics) -> Option<Vec<u32>> {
        match semantics {
            Semantics::Grounded | Semantics::Complete => Some(self.grounded_extension()),
            Semantics::Preferred => self.search_preferred_containing(&[]).map(|l| in_set(&l)),
            Semantics::Stable => {
                let mut search = Search::stable(self)?;
                search
                    .justify()
                    .then(|| search.labelling())
                    .map(|l| in_set(&l))
            }
        }
    }

    /// A labelling of the semantics in which `a` has `label` (search engine).
    pub(crate) fn search_labelling_with(
        &self,
        semantics: Semantics,
        a: u32,
        label: Label,
    ) -> Option<Vec<Label>> {
        match semantics {
            Semantics::Grounded => Some(self.grounded()).filter(|g| g[a as usize] == label),
            Semantics::Complete => self.search_complete_with(a, label),
            Semantics::Stable => {
                let mut search = Search::stable(self)?;
                let found =
                    search.restrict(a, bit(label)) && search.propagate() && search.justify();
                found.then(|| search.labelling())
            }
            Semantics::Preferred => self.search_preferred_with(a, label),
        }
    }

    /// A complete labelling with `a` labelled `label`. UNDEC: only the grounded labelling
    /// can tell (it is the least one, and labels in it are final). IN and OUT: an admissible
    /// set containing or attacking `a`, searched on the arguments with a path to `a`, then its
    /// least complete extension.
    #[allow(clippy::expect_used, reason = "an argument is among its own ancestors")]
    fn search_complete_with(&self, a: u32, label: Label) -> Option<Vec<Label>> {
        if label == Label::Undec {
            return Some(self.grounded()).filter(|g| g[a as usize] == Label::Undec);
        }
        let (sub, old) = self.restrict(&self.ancestors(a));
        let local = old.binary_search(&a).expect("a is its own ancestor") as u32;
        let mut search = Search::admissible(&sub);
        let found = search.restrict(local, bit(label)) && search.propagate() && search.justify();
        if !found {
            return None;
        }
        let ins: Vec<u32> = (0..sub.len() as u32)
            .filter(|&x| search.label(x) == Label::In)
            .map(|x| old[x as usize])
            .collect();
        Some(self.completion(&ins))
    }

    /// The least complete labelling whose IN set contains `ins`, an admissible set.
    pub(crate) fn completion(&self, ins: &[u32]) -> Vec<Label> {
        let mut fixed = vec![None; self.len()];
        for &a in ins {
            fixed[a as usize] = Some(Label::In);
        }
        self.least_complete(&fixed)
    }

    #[allow(clippy::expect_used, reason = "an argument is among its own ancestors")]
    fn search_preferred_with(&self, a: u32, label: Label) -> Option<Vec<Label>> {
        if label != Label::Undec {
            let complete = self.search_complete_with(a, label)?;
            return self.search_preferred_containing(&in_set(&complete));
        }
        if self.search_complete_with(a, Label::In).is_none()
            && self.search_complete_with(a, Label::Out).is_none()
        {
            // `a` is UNDEC in every complete labelling, so in every preferred one.
            return self.search_preferred_containing(&[]);
        }
        let (sub, old) = self.restrict(&self.ancestors(a));
        let local = old.binary_search(&a).expect("a is its own ancestor") as u32;
        let mut search = Search::complete(&sub);
        let mut found = None;
        let _ = search.preferred(&sub.sccs(), &mut |s| {
            if s.label(local) == Label::Undec {
                found = Some(s.labelling());
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        });
        // Growing from a preferred labelling of the upward-closed part keeps that part.
        let ins: Vec<u32> = in_set(&found?)
            .into_iter()
            .map(|i| old[i as usize])
            .collect();
        self.search_preferred_containing(&ins)
    }

    /// A preferred labelling whose IN set contains `ins`, or `None` if no admissible set does.
    /// Grows an admissible set greedily: each argument, in topological order of the
    /// components, joins if some admissible set contains it and the set so far. One pass
    /// suffices, since an argument that cannot join a set cannot join any superset of it; the
    /// result is a ⊆-maximal admissible set, that is, preferred. At most n admissible searches.
    fn search_preferred_containing(&self, ins: &[u32]) -> Option<Vec<Label>> {
        let mut search = Search::admissible(self);
        let start = ins.iter().all(|&a| search.restrict(a, bit(Label::In)))
            && search.propagate()
            && search.justify();
        if !start {
            return None;
        }
        for x in self.sccs().concat() {
            if search.label(x) == Label::In || !search.may_be_in(x) {
                continue;
            }
            let mark = search.mark();
            let joined =
                search.restrict(x, bit(Label::In)) && search.propagate() && search.justify();
            if !joined {
                search.undo(mark);
            }
        }
        let ins: Vec<u32> = (0..self.len() as u32)
            .filter(|&x| search.label(x) == Label::In)
            .collect();
        Some(self.completion(&ins))
    }
}
