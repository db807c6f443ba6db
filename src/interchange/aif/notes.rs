//! Everything not mapped, kept as notes on the claims or speakers it touches.

use std::collections::BTreeSet;

use super::importer::{Fate, Importer};

impl<'m, 'j> Importer<'m, 'j> {
    /// Every node not yet mapped is noted on the claims it touches, else on the claims of the
    /// S-nodes it touches, else on the speakers of the L-nodes it touches; else kept aside.
    /// L-nodes with a speaker are always noted on the speaker.
    pub(super) fn keep_the_rest(&mut self) {
        for (n, home) in self.homes().into_iter().enumerate() {
            if self.claim_of[n].is_some() || self.is_marked(n) {
                continue;
            }
            let note = self.describe_node(n);
            if !self.speaker_of[n].is_empty() {
                for h in self.speaker_of[n].clone() {
                    self.historians[h].notes.push(note.clone());
                }
                if self.node_fate[n] == Fate::Aside {
                    self.node_fate[n] = Fate::Noted;
                }
                continue;
            }
            if self.node_fate[n] == Fate::Mapped {
                continue;
            }
            // A refused node is noted with its reasons, and counted as refused.
            let fate = match self.node_fate[n] {
                Fate::Refused => Fate::Refused,
                _ => Fate::Noted,
            };
            let speakers: BTreeSet<usize> = self
                .map
                .neighbours(n)
                .flat_map(|w| self.speaker_of[w].iter().copied())
                .collect();
            if !home.is_empty() {
                for &c in &home {
                    self.claims[c].notes.push(note.clone());
                }
                self.node_fate[n] = fate;
            } else if !speakers.is_empty() {
                for h in speakers {
                    self.historians[h].notes.push(note.clone());
                }
                self.node_fate[n] = fate;
            }
        }
        // Edges between two I-nodes have no node to describe them.
        for edge in &self.map.edges {
            let (Some(from), Some(to)) = (edge.from, edge.to) else {
                continue;
            };
            if self.is_marked(from) && self.is_marked(to) {
                continue;
            }
            if let (Some(a), Some(b)) = (self.claim_of[from], self.claim_of[to]) {
                let note = format!(
                    "AIF edge {} from I {} to I {}, with no S-node between",
                    edge.id, self.map.nodes[from].id, self.map.nodes[to].id
                );
                self.claims[a].notes.push(note.clone());
                if b != a {
                    self.claims[b].notes.push(note);
                }
            }
        }
    }

    /// The claims each node's note goes to: the claims it touches, else the claims that the
    /// non-L nodes it touches touch.
    fn homes(&self) -> Vec<BTreeSet<usize>> {
        let touching: Vec<BTreeSet<usize>> = (0..self.map.nodes.len())
            .map(|n| {
                self.map
                    .neighbours(n)
                    .filter_map(|w| self.claim_of[w])
                    .collect()
            })
            .collect();
        touching
            .iter()
            .enumerate()
            .map(|(n, direct)| {
                if !direct.is_empty() {
                    return direct.clone();
                }
                self.map
                    .neighbours(n)
                    .filter(|&w| self.map.nodes[w].kind != "L" && self.claim_of[w].is_none())
                    .flat_map(|w| touching[w].iter().copied())
                    .collect()
            })
            .collect()
    }
}
