//! The finished import: the summary's tallies, the side file of AIF JSON and the corpus YAML.

use serde_json::Value;

use super::importer::{ClaimDraft, Fate, Importer};
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
        let ends = [edge.from, edge.to];
        if ends
            .iter()
            .flatten()
            .any(|&n| self.node_fate[n] == Fate::Refused)
        {
            return Fate::Refused;
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
        let records = self.records();
        let per_claim = |f: fn(&crate::Claim) -> usize| records.claims.iter().map(f).sum();
        let mut summary = ImportSummary {
            name: self.name.clone(),
            claims: records.claims.len(),
            historians: records.historians.len(),
            supports: per_claim(|c| c.supports.len()),
            contradicts: per_claim(|c| c.contradicts.len()),
            arguments: per_claim(|c| c.arguments.len()),
            undercuts: per_claim(|c| c.undercuts.len()),
            documents: records.documents.len(),
            works: records.works.len(),
            ..ImportSummary::default()
        };
        let count = |tally: &mut Tally, fate: Fate| {
            tally.total += 1;
            match fate {
                Fate::Mapped => tally.mapped += 1,
                Fate::Refused => tally.refused += 1,
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
                (Some(n), _) if self.is_marked(*n) => Fate::Mapped,
                (Some(n), Some(_)) if self.node_fate[*n] == Fate::Mapped => Fate::Mapped,
                (_, Some(_)) => Fate::Noted,
                _ => Fate::Aside,
            };
            count(&mut summary.locutions, fate);
            if fate == Fate::Aside {
                aside_locutions.push(*raw);
            }
        }
        // A participant is mapped when it became a historian (it is marked or speaks).
        let mut aside_participants = Vec::new();
        for p in &self.map.participants {
            if self.historians.iter().any(|h| h.person == p.id) {
                count(&mut summary.participants, Fate::Mapped);
            } else {
                count(&mut summary.participants, Fate::Aside);
                aside_participants.push(p.raw);
            }
        }
        let aside_nodes: Vec<&Value> = self
            .map
            .nodes
            .iter()
            .zip(&self.node_fate)
            .filter(|(_, &f)| f == Fate::Aside)
            .map(|(n, _)| n.raw)
            .collect();
        let anything_aside = !aside_nodes.is_empty()
            || !aside_edges.is_empty()
            || !aside_locutions.is_empty()
            || !aside_participants.is_empty();
        let aside = anything_aside.then(|| {
            let mut set = serde_json::json!({
                "nodes": aside_nodes,
                "edges": aside_edges,
                "locutions": aside_locutions,
            });
            if !aside_participants.is_empty() {
                set["participants"] = serde_json::json!(aside_participants);
            }
            serde_json::to_string_pretty(&set).expect("JSON values serialize") + "\n"
        });
        let header = format!(
            "# Imported from the AIF map `{}` by historiograph.\n\
             # Each claim's notes keep the AIF nodes around it: RA nodes (an RA node of several\n\
             # premises is an argument), CA, MA and YA nodes, timestamps and schemes.\n",
            self.name
        );
        let body: String = records
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

    /// The imported records as a corpus, placed in `NAME.yaml`: the marked records with what
    /// the map adds to them, and the records made from unmarked nodes.
    #[allow(
        clippy::expect_used,
        reason = "the importer gives every undercut argument an id"
    )]
    fn records(&self) -> Corpus {
        let origin = Some(crate::Origin::file(format!("{}.yaml", self.name)));
        let mut schools = crate::School::built_in();
        schools.extend(self.schools.iter().cloned());
        let place = |mut corpus: Corpus| {
            for d in &mut corpus.documents {
                d.origin = origin.clone();
            }
            for w in &mut corpus.works {
                w.origin = origin.clone();
            }
            for s in &mut corpus.schools[crate::School::BUILT_IN.len()..] {
                s.origin = origin.clone();
            }
            corpus
        };
        place(Corpus {
            schools,
            documents: self.documents.clone(),
            historians: self
                .historians
                .iter()
                .map(|h| {
                    let mut historian = h.record.clone().unwrap_or_else(|| crate::Historian {
                        id: h.id.as_str().into(),
                        name: h.name.as_str().into(),
                        schools: Vec::new(),
                        works: Vec::new(),
                        notes: None,
                        origin: None,
                        supplied: Vec::new(),
                    });
                    historian.notes = joined(historian.notes.take(), &h.notes);
                    historian.origin = origin.clone();
                    historian
                })
                .collect(),
            claims: self
                .claims
                .iter()
                .map(|c| {
                    let mut claim = self.claim(c);
                    claim.origin = origin.clone();
                    claim
                })
                .collect(),
            works: self.works.clone(),
        })
    }

    /// A claim: its marked record (if any) with what the map adds to it.
    #[allow(
        clippy::expect_used,
        reason = "the importer gives every undercut argument an id"
    )]
    fn claim(&self, c: &ClaimDraft) -> crate::Claim {
        let id = |i: usize| -> crate::Id { self.claims[i].id.as_str().into() };
        let mut claim = c.record.clone().unwrap_or_default();
        claim.id = c.id.as_str().into();
        claim.statement = c.statement.as_str().into();
        add_new(&mut claim.supports, c.supports.iter().map(|&s| id(s)));
        add_new(&mut claim.contradicts, c.contradicts.iter().map(|&s| id(s)));
        let proponents = c.proponents.iter();
        add_new(
            &mut claim.proponents,
            proponents.map(|&h| self.historians[h].id.as_str().into()),
        );
        claim.arguments.extend(c.arguments.iter().map(|a| Argument {
            id: a.id.as_deref().map(Into::into),
            premises: a.premises.iter().map(|&p| id(p)).collect(),
            locator: format!("AIF RA {}", self.map.nodes[a.node].id).into(),
            cites: Vec::new(),
            note: None,
        }));
        claim
            .undercuts
            .extend(c.undercuts.iter().map(|(t, k, locator)| {
                let argument = self.claims[*t].arguments[*k].id.as_deref();
                Undercut {
                    target: UndercutTarget::Argument(
                        argument.expect("an undercut argument has an id").into(),
                    ),
                    locator: locator.as_str().into(),
                    note: None,
                }
            }));
        claim.notes = joined(claim.notes.take(), &c.notes);
        claim
    }
}

/// Adds the items not already in `list`, in order.
fn add_new(list: &mut Vec<crate::Id>, items: impl Iterator<Item = crate::Id>) {
    for item in items {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

/// A record's notes with the import's notes after them, one per line.
fn joined(notes: Option<Box<str>>, more: &[String]) -> Option<Box<str>> {
    let all: Vec<&str> = notes
        .as_deref()
        .into_iter()
        .chain(more.iter().map(String::as_str))
        .collect();
    (!all.is_empty()).then(|| all.join("\n").into())
}
