//! What historiograph's own AIF export marks on its nodes (the records whole, under the
//! `historiograph` key), read back into records, so that our own AIF comes back as it left.
//!
//! - An I-node marked `{"claim": {…}}`, `{"document": {…}}` or `{"work": {…}}` is that record;
//!   its `text` is the statement or title (an edit made in another tool wins).
//! - A participant marked `{"historian": {…}}` is that historian, whether or not they speak.
//! - The nodeset's mark `{"schools": […]}` holds the corpus's own schools.
//! - A node marked `{"derived": "…"}` (RA, CA, YA and L nodes that the export made from the
//!   records) stands for what the records already say; it and its edges to other marked nodes
//!   are mapped with nothing more to do.
//!
//! Unmarked nodes and edges (added in another tool) are imported as in any map and added to
//! the marked records.

use std::path::Path;

use serde_json::{json, Value};

use super::importer::{Fate, Importer};
use super::ImportError;
use crate::corpus::model::{Claim, Historian};
use crate::corpus::read::{read_file, Parsed};

/// The name of the marks in error messages.
const WHERE: &str = "historiograph marks";

impl<'m, 'j> Importer<'m, 'j> {
    /// Reads every mark into records, reserves their ids, and maps the marked nodes, their
    /// edges and their locutions. Fails when a mark is not a record the corpus format accepts.
    pub(super) fn take_marks(&mut self) -> Result<(), ImportError> {
        let mut lists: [Vec<&Value>; 4] = Default::default();
        for node in &self.map.nodes {
            let Some(mark) = node.mark else { continue };
            let found = ["claim", "document", "work"]
                .iter()
                .position(|k| mark.get(k).is_some());
            match found {
                Some(k) => lists[k].push(&mark[["claim", "document", "work"][k]]),
                None if mark.get("derived").is_some() => {}
                None => {
                    return Err(ImportError::Shape(format!(
                        "expected the `historiograph` mark of node `{}` to hold `claim`, \
                         `document`, `work` or `derived`, found {mark}: remove the mark to \
                         import the node as any other",
                        node.id
                    )))
                }
            }
        }
        for p in &self.map.participants {
            let Some(mark) = p.mark else { continue };
            match mark.get("historian") {
                Some(h) => lists[3].push(h),
                None => {
                    return Err(ImportError::Shape(format!(
                        "expected the `historiograph` mark of participant `{}` to hold \
                         `historian`, found {mark}: remove the mark to import the participant \
                         as any other",
                        p.id
                    )))
                }
            }
        }
        let schools = self
            .map
            .mark
            .and_then(|m| m.get("schools"))
            .cloned()
            .unwrap_or(json!([]));
        if lists.iter().all(Vec::is_empty) && schools == json!([]) {
            return Ok(());
        }
        let [claims, documents, works, historians] = lists;
        let all = json!({
            "schools": schools,
            "documents": documents,
            "historians": historians,
            "claims": claims,
            "works": works,
        });
        // JSON is YAML (flow style), so the corpus reader reads the marks as it reads a file.
        let yaml = serde_json::to_string_pretty(&all).map_err(|e| {
            ImportError::Shape(format!("the {WHERE} cannot be read as records: {e}"))
        })?;
        let mut parsed = Parsed::default();
        read_file(Path::new(WHERE), &yaml, &mut parsed);
        if let Some(d) = parsed.diagnostics.first() {
            return Err(ImportError::Shape(format!(
                "the {WHERE} do not hold valid records: {}: remove the marks to import the map \
                 as any other",
                d.message
            )));
        }
        for id in parsed
            .claims
            .iter()
            .map(|c| &c.id)
            .chain(parsed.documents.iter().map(|d| &d.id))
            .chain(parsed.works.iter().map(|w| &w.id))
            .chain(parsed.historians.iter().map(|h| &h.id))
        {
            self.unique_id(id.to_string());
        }
        self.marked_claims = parsed.claims.into_iter().rev().collect();
        self.marked_historians = parsed.historians.into_iter().rev().collect();
        self.documents = parsed.documents;
        self.works = parsed.works;
        self.schools = parsed.schools;
        for n in 0..self.map.nodes.len() {
            if self.map.nodes[n].mark.is_some() {
                self.node_fate[n] = Fate::Mapped;
            }
        }
        for (e, edge) in self.map.edges.iter().enumerate() {
            if let (Some(a), Some(b)) = (edge.from, edge.to) {
                if self.is_marked(a) && self.is_marked(b) {
                    self.edge_realised[e] = true;
                }
            }
        }
        Ok(())
    }

    /// Whether node `n` carries a mark.
    pub(super) fn is_marked(&self, n: usize) -> bool {
        self.map.nodes[n].mark.is_some()
    }

    /// The next marked claim record, for the next I-node marked as a claim.
    pub(super) fn next_marked_claim(&mut self) -> Option<Claim> {
        self.marked_claims.pop()
    }

    /// The next marked historian record, for the next participant marked as one.
    pub(super) fn next_marked_historian(&mut self) -> Option<Historian> {
        self.marked_historians.pop()
    }
}
