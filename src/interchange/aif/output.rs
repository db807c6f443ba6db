//! The finished import: the summary's tallies, the side file of AIF JSON and the corpus YAML.

use std::collections::BTreeSet;

use serde_json::Value;

use super::importer::{Fate, Importer};
use super::summary::{ImportSummary, Tally};
use super::AifImport;
use crate::corpus::model::{Argument, Undercut, UndercutTarget};
use crate::corpus::Corpus;

impl<'m, 'j> Importer<'m, 'j> {
    fn edge_fate(&self, e: usize) -> Fate {
        let edge = &self.map.edges[e];
        if self.edge_realised[e] {
            return Fate::Mapped;
        }
        match (edge.from, edge.to) {
            (Some(a), Some(b))
                if self.node_fate[a] == Fate::Aside && self.node_fate[b] == Fate::Aside =>
            {
                Fate::Aside
            }
            (Some(_), Some(_)) => Fate::Noted,
            _ => Fate::Aside,
        }
    }

    #[allow(clippy::expect_used, reason = "JSON values always serialize")]
    pub(super) fn finish(self) -> AifImport {
        let mut summary = ImportSummary {
            name: self.name.clone(),
            claims: self.claims.len(),
            historians: self.historians.len(),
            supports: self.claims.iter().map(|c| c.supports.len()).sum(),
            contradicts: self.claims.iter().map(|c| c.contradicts.len()).sum(),
            arguments: self.claims.iter().map(|c| c.arguments.len()).sum(),
            undercuts: self.claims.iter().map(|c| c.undercuts.len()).sum(),
            ..ImportSummary::default()
        };
        let count = |tally: &mut Tally, fate: Fate| {
            tally.total += 1;
            match fate {
                Fate::Mapped => tally.mapped += 1,
                Fate::Noted => tally.noted += 1,
                Fate::Aside => tally.aside += 1,
            }
        };
        for (node, &fate) in self.map.nodes.iter().zip(&self.node_fate) {
            count(
                summary.nodes.entry(node.kind.to_string()).or_default(),
                fate,
            );
        }
        let mut aside_edges = Vec::new();
        for e in 0..self.map.edges.len() {
            let fate = self.edge_fate(e);
            count(&mut summary.edges, fate);
            if fate == Fate::Aside {
                aside_edges.push(self.map.edges[e].raw);
            }
        }
        let mut aside_locutions = Vec::new();
        for (node, person, _, raw) in &self.map.locutions {
            let fate = match (node, person) {
                (Some(n), Some(_)) if self.node_fate[*n] == Fate::Mapped => Fate::Mapped,
                (_, Some(_)) => Fate::Noted,
                _ => Fate::Aside,
            };
            count(&mut summary.locutions, fate);
            if fate == Fate::Aside {
                aside_locutions.push(*raw);
            }
        }
        for _ in &self.map.participants {
            count(&mut summary.participants, Fate::Mapped);
        }
        let aside_nodes: Vec<&Value> = self
            .map
            .nodes
            .iter()
            .zip(&self.node_fate)
            .filter(|(_, &f)| f == Fate::Aside)
            .map(|(n, _)| n.raw)
            .collect();
        let aside =
            (!aside_nodes.is_empty() || !aside_edges.is_empty() || !aside_locutions.is_empty())
                .then(|| {
                    let set = serde_json::json!({
                        "nodes": aside_nodes,
                        "edges": aside_edges,
                        "locutions": aside_locutions,
                    });
                    serde_json::to_string_pretty(&set).expect("JSON values serialize") + "\n"
                });
        let header = format!(
            "# Imported from the AIF map `{}` by historiograph.\n\
             # Each claim's notes keep the AIF nodes around it: RA nodes (an RA node of several\n\
             # premises is an argument), CA, MA and YA nodes, timestamps and schemes.\n",
            self.name
        );
        let body: String = self
            .records()
            .to_yaml_files()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        let yaml = header + &body;
        AifImport {
            yaml,
            aside,
            summary,
        }
    }

    /// The imported records as a corpus, placed in `NAME.yaml`.
    #[allow(
        clippy::expect_used,
        reason = "the importer gives every undercut argument an id"
    )]
    fn records(&self) -> Corpus {
        let origin = Some(crate::Origin::file(format!("{}.yaml", self.name)));
        let claim_ids = |set: &BTreeSet<usize>| -> Vec<crate::Id> {
            set.iter()
                .map(|&c| self.claims[c].id.as_str().into())
                .collect()
        };
        let notes = |notes: &[String]| (!notes.is_empty()).then(|| notes.join("\n").into());
        Corpus {
            schools: crate::School::built_in(),
            documents: Vec::new(),
            historians: self
                .historians
                .iter()
                .map(|h| crate::Historian {
                    id: h.id.as_str().into(),
                    name: h.name.as_str().into(),
                    schools: Vec::new(),
                    works: Vec::new(),
                    notes: notes(&h.notes),
                    origin: origin.clone(),
                    supplied: Vec::new(),
                })
                .collect(),
            claims: self
                .claims
                .iter()
                .map(|c| crate::Claim {
                    id: c.id.as_str().into(),
                    statement: c.statement.as_str().into(),
                    school: None,
                    proponents: c
                        .proponents
                        .iter()
                        .map(|&h| self.historians[h].id.as_str().into())
                        .collect(),
                    period: None,
                    stance: None,
                    locator: None,
                    evidence: Vec::new(),
                    supports: claim_ids(&c.supports),
                    contradicts: claim_ids(&c.contradicts),
                    arguments: c
                        .arguments
                        .iter()
                        .map(|a| Argument {
                            id: a.id.as_deref().map(Into::into),
                            premises: a
                                .premises
                                .iter()
                                .map(|&p| self.claims[p].id.as_str().into())
                                .collect(),
                            locator: format!("AIF RA {}", self.map.nodes[a.node].id).into(),
                            cites: Vec::new(),
                            note: None,
                        })
                        .collect(),
                    undercuts: c
                        .undercuts
                        .iter()
                        .map(|(t, k, locator)| {
                            let id = self.claims[*t].arguments[*k].id.as_deref();
                            Undercut {
                                target: UndercutTarget::Argument(
                                    id.expect("an undercut argument has an id").into(),
                                ),
                                locator: locator.as_str().into(),
                                note: None,
                            }
                        })
                        .collect(),
                    notes: notes(&c.notes),
                    origin: origin.clone(),
                    ..Default::default()
                })
                .collect(),
            works: Vec::new(),
        }
    }
}
