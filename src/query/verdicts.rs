//! Does the graph reach the encoded source's own verdicts? Each claim the source endorses or
//! rejects, beside its status.

use serde::Serialize;

use crate::corpus::model::Stance;
use crate::graph::{Debate, Grounding};
use crate::query::{Acceptability, ClaimAcceptance, QueryError, Status};
use crate::semantics::Semantics;

/// The answer to `verdicts`: how far the statuses under a semantics agree with the stance the
/// encoded source takes.
///
/// A claim the source endorses agrees when it is IN (skeptically accepted). A claim the
/// source rejects agrees when it is OUT: defeated by an accepted attacker, or by the fall of
/// everything that grounded it, because the source argues against it and the graph should say
/// why. A claim that is merely ungrounded agrees with neither.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdicts {
    /// The semantics.
    pub semantics: Semantics,
    /// Which sources ground claims.
    pub grounding: Grounding,
    /// How many claims the source endorses or rejects.
    pub judged: usize,
    /// How many of them agree.
    pub agree: usize,
    /// Counts by stance and status, sorted: `(stance, status, count)`.
    pub counts: Vec<(Stance, Status, usize)>,
    /// Every claim the source endorses or rejects, sorted by id.
    pub claims: Vec<Verdict>,
}

/// One claim's verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The source's stance: endorses or rejects.
    pub stance: Stance,
    /// Whether the status agrees with it.
    pub agrees: bool,
    /// The claim's acceptability, with what decided it.
    #[serde(flatten)]
    pub acceptance: ClaimAcceptance,
}

impl Verdicts {
    /// The share of judged claims that agree, from 0 to 1 (1 when none are judged).
    pub fn agreement(&self) -> f64 {
        match self.judged {
            0 => 1.0,
            n => self.agree as f64 / n as f64,
        }
    }

    fn of(acceptability: Acceptability) -> Verdicts {
        let claims: Vec<Verdict> = (acceptability.claims.into_iter())
            .filter_map(|c| {
                let stance = c.claim.stance?;
                let agrees = match stance {
                    Stance::Endorses => c.status == Status::In,
                    Stance::Rejects => c.status == Status::Out,
                    _ => return None,
                };
                Some(Verdict {
                    stance,
                    agrees,
                    acceptance: c,
                })
            })
            .collect();
        let mut counts: std::collections::BTreeMap<(Stance, Status), usize> = Default::default();
        for v in &claims {
            *counts.entry((v.stance, v.acceptance.status)).or_default() += 1;
        }
        Verdicts {
            semantics: acceptability.semantics,
            grounding: acceptability.grounding,
            judged: claims.len(),
            agree: claims.iter().filter(|v| v.agrees).count(),
            counts: counts.into_iter().map(|((a, b), n)| (a, b, n)).collect(),
            claims,
        }
    }
}

impl Debate {
    /// The source's verdicts beside the statuses under `semantics` and `grounding` (see
    /// [`Verdicts`]).
    pub fn verdicts(
        &self,
        semantics: Semantics,
        grounding: Grounding,
    ) -> Result<Verdicts, QueryError> {
        let a = self.acceptability_in(semantics, grounding, &[])?;
        Ok(Verdicts::of(a))
    }
}
