//! Speakers into historians, and L → YA → I anchors into proponents.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::importer::{Fate, HistorianDraft, Importer};

impl<'m, 'j> Importer<'m, 'j> {
    /// Historians from `participants` and `locutions[].personID`; each L-node's speaker.
    pub(super) fn make_speakers(&mut self) {
        let mut by_person: BTreeMap<String, usize> = BTreeMap::new();
        let participant_names: HashMap<&str, &str> = self
            .map
            .participants
            .iter()
            .map(|(id, name)| (id.as_str(), name.as_str()))
            .collect();
        let mut person_ids: Vec<&str> = self
            .map
            .participants
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        person_ids.extend(self.map.locutions.iter().filter_map(|l| l.1.as_deref()));
        for person in person_ids {
            if by_person.contains_key(person) {
                continue;
            }
            let wanted: String = format!("person-{person}")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("-");
            let id = self.unique_id(wanted);
            let name = participant_names
                .get(person)
                .filter(|n| !n.is_empty())
                .map(|n| n.to_string());
            by_person.insert(person.to_string(), self.historians.len());
            self.historians.push(HistorianDraft {
                id,
                person: person.to_string(),
                name: name.unwrap_or_default(),
                notes: vec![format!("AIF participant {person}")],
            });
        }
        let mut seen_locutions = HashSet::new();
        for (node, person, extra, raw) in &self.map.locutions {
            let Some(person) = person else { continue };
            let h = by_person[person.as_str()];
            if let Some(n) = node {
                self.speaker_of[*n].get_or_insert(h);
                let text = self.map.nodes[*n].text;
                if self.historians[h].name.is_empty() {
                    if let Some((prefix, _)) = text.split_once(':') {
                        self.historians[h].name = prefix.trim().to_string();
                    }
                }
            }
            if !seen_locutions.insert(raw.to_string()) {
                continue;
            }
            let what = match node {
                Some(n) => self.node_label(*n),
                None => format!("an unknown node {}", raw.get("nodeID").unwrap_or(raw)),
            };
            let mut note = format!("locution {what}");
            if !extra.is_empty() {
                note.push_str(&format!(" ({})", extra.join(", ")));
            }
            self.historians[h].notes.push(note);
        }
        for historian in &mut self.historians {
            if historian.name.is_empty() {
                historian.name = format!("AIF participant {}", historian.person);
            }
        }
    }

    /// L → YA → I where the L-node has a speaker: the speaker is a proponent of the claim.
    pub(super) fn map_anchors(&mut self) {
        for n in 0..self.map.nodes.len() {
            if self.map.nodes[n].kind != "YA" {
                continue;
            }
            let speakers: Vec<(usize, usize, usize)> = self.map.ins[n]
                .iter()
                .filter_map(|&e| {
                    let l = self.map.edges[e].from?;
                    Some((l, self.speaker_of[l]?, e))
                })
                .collect();
            let claims = self.claim_ends(n, false);
            if speakers.is_empty() || claims.is_empty() {
                continue;
            }
            self.node_fate[n] = Fate::Mapped;
            let note = self.describe_node(n);
            for &(c, e) in &claims {
                self.edge_realised[e] = true;
                for &(l, h, e) in &speakers {
                    self.claims[c].proponents.insert(h);
                    self.edge_realised[e] = true;
                    self.node_fate[l] = Fate::Mapped;
                }
                self.claims[c].notes.push(note.clone());
            }
        }
    }
}
