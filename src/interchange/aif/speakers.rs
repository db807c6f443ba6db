//! Speakers into historians, and L → YA → I anchors into proponents.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::importer::{Fate, HistorianDraft, Importer};

impl<'m, 'j> Importer<'m, 'j> {
    /// Historians: each participant marked as one, each participant who speaks (names a
    /// locution) and each other person a locution names. A participant who never speaks is not
    /// a historian: it is kept in the side file. Each L-node's speakers, one per locution.
    pub(super) fn make_speakers(&mut self) {
        let mut by_person: BTreeMap<String, usize> = BTreeMap::new();
        let speaking: BTreeSet<&str> = self
            .map
            .locutions
            .iter()
            .filter_map(|l| l.1.as_deref())
            .collect();
        for p in &self.map.participants {
            let record = match p.mark {
                Some(_) => self.next_marked_historian(),
                None if speaking.contains(p.id.as_str()) => None,
                None => continue,
            };
            if by_person.contains_key(&p.id) {
                continue;
            }
            let (id, notes) = match &record {
                Some(r) => (r.id.to_string(), Vec::new()),
                None => (
                    self.person_id(&p.id),
                    vec![format!("AIF participant {}", p.id)],
                ),
            };
            by_person.insert(p.id.clone(), self.historians.len());
            self.historians.push(HistorianDraft {
                id,
                person: p.id.clone(),
                name: record
                    .as_ref()
                    .map_or(p.name.clone(), |r| r.name.to_string()),
                notes,
                record,
            });
        }
        let named = self.map.locutions.iter().filter_map(|l| l.1.as_deref());
        for person in named {
            if by_person.contains_key(person) {
                continue;
            }
            let id = self.person_id(person);
            by_person.insert(person.to_string(), self.historians.len());
            self.historians.push(HistorianDraft {
                id,
                person: person.to_string(),
                name: String::new(),
                notes: vec![format!("AIF participant {person}")],
                record: None,
            });
        }
        let mut seen_locutions = HashSet::new();
        for (node, person, extra, raw) in &self.map.locutions {
            let Some(person) = person else { continue };
            let h = by_person[person.as_str()];
            if let Some(n) = node {
                if self.is_marked(*n) {
                    continue;
                }
                if !self.speaker_of[*n].contains(&h) {
                    self.speaker_of[*n].push(h);
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
        // A speaker without a name is named by the `Name : …` prefix of an L-node that only
        // they speak.
        for n in self.map.locutions.iter().filter_map(|l| l.0) {
            let [h] = self.speaker_of[n][..] else {
                continue;
            };
            if self.historians[h].name.is_empty() {
                if let Some((prefix, _)) = self.map.nodes[n].text.split_once(':') {
                    self.historians[h].name = prefix.trim().to_string();
                }
            }
        }
        for historian in &mut self.historians {
            if historian.name.is_empty() {
                historian.name = format!("AIF participant {}", historian.person);
            }
        }
    }

    /// A personID as a historian id: `person-ID`, made space-free and unique; an id that
    /// already starts with `person-` is not prefixed again.
    fn person_id(&mut self, person: &str) -> String {
        let joined = person.split_whitespace().collect::<Vec<_>>().join("-");
        let wanted = if joined.starts_with("person-") {
            joined
        } else {
            format!("person-{joined}")
        };
        self.unique_id(wanted)
    }

    /// L → YA → I where the L-node has a speaker: the speaker is a proponent of the claim.
    pub(super) fn map_anchors(&mut self) {
        for n in 0..self.map.nodes.len() {
            if self.map.nodes[n].kind != "YA" || self.is_marked(n) {
                continue;
            }
            let speakers: Vec<(usize, usize, usize)> = self.map.ins[n]
                .iter()
                .filter_map(|&e| self.map.edges[e].from.map(|l| (l, e)))
                .flat_map(|(l, e)| self.speaker_of[l].iter().map(move |&h| (l, h, e)))
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
