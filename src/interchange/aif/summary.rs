//! The import summary: what an AIF map held, item by item, and where each went.

use std::collections::BTreeMap;
use std::fmt;

/// How many items of one kind were found, and where each went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    /// How many the file holds.
    pub total: usize,
    /// Turned into claims, relations, historians or proponents.
    pub mapped: usize,
    /// Refused because the corpus format forbids what they say (a claim that both supports
    /// and contradicts another, a claim attacking itself); kept as notes that say why.
    pub refused: usize,
    /// Kept as notes on claims or historians.
    pub noted: usize,
    /// Kept in the side file of AIF JSON, touching no claim or speaker.
    pub aside: usize,
}

/// What an import found and made.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// The map's name (the file stem).
    pub name: String,
    /// Nodes by AIF type (`I`, `L`, `RA`, `CA`, `MA`, `YA`, `TA`, …).
    pub nodes: BTreeMap<String, Tally>,
    /// Edges.
    pub edges: Tally,
    /// Entries of `locutions`.
    pub locutions: Tally,
    /// Entries of `participants`.
    pub participants: Tally,
    /// Claims made.
    pub claims: usize,
    /// Historians made.
    pub historians: usize,
    /// Support edges made.
    pub supports: usize,
    /// Contradiction edges made.
    pub contradicts: usize,
    /// Linked arguments made (RA nodes with two or more premises).
    pub arguments: usize,
    /// Undercuts made (CA nodes attacking an RA node that became an argument).
    pub undercuts: usize,
    /// Documents read from historiograph's marks.
    pub documents: usize,
    /// Works read from historiograph's marks.
    pub works: usize,
}

impl Tally {
    /// Whether every item is counted once: `total = mapped + refused + noted + aside`.
    pub fn adds_up(&self) -> bool {
        self.total == self.mapped + self.refused + self.noted + self.aside
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "imported {}: {} claims, {} historians, {} supports, {} contradicts, {} arguments, {} undercuts",
            self.name,
            self.claims,
            self.historians,
            self.supports,
            self.contradicts,
            self.arguments,
            self.undercuts
        )?;
        if self.documents + self.works > 0 {
            writeln!(
                f,
                "  and from historiograph's marks: {} documents, {} works",
                self.documents, self.works
            )?;
        }
        writeln!(
            f,
            "  {:<14} {:>6} {:>6} {:>7} {:>6} {:>6}",
            "AIF", "total", "mapped", "refused", "notes", "aside"
        )?;
        let rows = self
            .nodes
            .iter()
            .map(|(t, n)| (format!("{t} nodes"), n))
            .chain([
                ("edges".to_string(), &self.edges),
                ("locutions".to_string(), &self.locutions),
                ("participants".to_string(), &self.participants),
            ]);
        for (what, t) in rows {
            writeln!(
                f,
                "  {what:<14} {:>6} {:>6} {:>7} {:>6} {:>6}",
                t.total, t.mapped, t.refused, t.noted, t.aside
            )?;
        }
        Ok(())
    }
}
