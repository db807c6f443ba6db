//! The Argdown import summary: what the file held, item by item, and where each went.

use std::collections::BTreeMap;
use std::fmt;

use crate::interchange::Tally;

/// What an Argdown import found and made.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ArgdownSummary {
    /// The file's name (its stem).
    pub name: String,
    /// Statements (each title once, each untitled statement once): all become claims.
    pub statements: Tally,
    /// Arguments: a reconstructed one becomes linked arguments or supports of its conclusion,
    /// a sketched one a claim.
    pub arguments_found: Tally,
    /// Relations by kind (`support`, `attack`, `contrary`, `undercut`).
    pub relations: BTreeMap<String, Tally>,
    /// Tags: mapped when they name a school, else noted.
    pub tags: Tally,
    /// Claims made.
    pub claims: usize,
    /// Support edges made.
    pub supports: usize,
    /// Contradiction edges made.
    pub contradicts: usize,
    /// Linked arguments made.
    pub arguments: usize,
    /// Undercuts made.
    pub undercuts: usize,
    /// Claims placed in a school by a tag.
    pub schools: usize,
}

impl ArgdownSummary {
    /// Every tally, by row name.
    pub fn tallies(&self) -> Vec<(String, &Tally)> {
        let mut rows = vec![
            ("statements".to_string(), &self.statements),
            ("arguments".to_string(), &self.arguments_found),
        ];
        rows.extend(
            self.relations
                .iter()
                .map(|(k, t)| (format!("{k} relations"), t)),
        );
        rows.push(("tags".to_string(), &self.tags));
        rows
    }
}

impl fmt::Display for ArgdownSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "imported {}: {} claims, {} supports, {} contradicts, {} arguments, {} undercuts, {} in a school",
            self.name, self.claims, self.supports, self.contradicts, self.arguments, self.undercuts, self.schools
        )?;
        writeln!(
            f,
            "  {:<19} {:>6} {:>6} {:>7} {:>6}",
            "Argdown", "total", "mapped", "refused", "notes"
        )?;
        for (what, t) in self.tallies() {
            writeln!(
                f,
                "  {what:<19} {:>6} {:>6} {:>7} {:>6}",
                t.total, t.mapped, t.refused, t.noted
            )?;
        }
        Ok(())
    }
}
