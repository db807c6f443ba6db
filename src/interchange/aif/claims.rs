//! I-nodes into claims.

use std::collections::BTreeSet;

use super::importer::{id_from, ClaimDraft, Fate, Importer};

/// Text that the corpus reader would take for an empty value.
fn reads_as_empty(text: &str) -> bool {
    matches!(text.trim(), "" | "~" | "null" | "Null" | "NULL")
}

impl<'m, 'j> Importer<'m, 'j> {
    pub(super) fn make_claims(&mut self) {
        for (n, node) in self.map.nodes.iter().enumerate() {
            if node.kind != "I" {
                continue;
            }
            let record = match node.mark {
                Some(mark) if mark.get("claim").is_some() => self.next_marked_claim(),
                Some(_) => continue,
                None => None,
            };
            let id = match &record {
                Some(r) => r.id.to_string(),
                None => self.unique_id(id_from(&node.id, || format!("i-node-{n}"))),
            };
            let mut notes = vec![format!("AIF I-node {}", node.id)];
            if record.is_some() {
                notes.clear();
            } else if !node.extra.is_empty() {
                notes[0].push_str(&format!(" ({})", node.extra.join(", ")));
            }
            let statement = if let Some(r) = record.as_ref().filter(|_| reads_as_empty(node.text)) {
                r.statement.to_string()
            } else if reads_as_empty(node.text) {
                notes.push(format!(
                    "the I-node's text {:?} reads as empty; the statement is a placeholder",
                    node.text
                ));
                format!("(I-node {} without text)", node.id)
            } else {
                node.text.to_string()
            };
            self.claim_of[n] = Some(self.claims.len());
            self.node_fate[n] = Fate::Mapped;
            self.claims.push(ClaimDraft {
                id,
                statement,
                proponents: BTreeSet::new(),
                supports: BTreeSet::new(),
                contradicts: BTreeSet::new(),
                arguments: Vec::new(),
                undercuts: Vec::new(),
                notes,
                record,
            });
        }
    }
}
