//! RA and CA nodes into supports, linked arguments, contradicts and undercuts.

use super::importer::{id_from, ArgumentDraft, Fate, Importer};

/// The items once each, in the order of their first occurrence.
fn distinct(items: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

impl<'m, 'j> Importer<'m, 'j> {
    /// RA and CA nodes with both ends: `(node, sources, targets)` as claim positions.
    fn complete(&mut self, kind: &str) -> Vec<(usize, Vec<usize>, Vec<usize>)> {
        let mut out = Vec::new();
        for n in 0..self.map.nodes.len() {
            if self.map.nodes[n].kind != kind || self.is_marked(n) {
                continue;
            }
            let sources = self.claim_ends(n, true);
            let targets = self.claim_ends(n, false);
            if sources.is_empty() || targets.is_empty() {
                continue;
            }
            for &(_, e) in sources.iter().chain(&targets) {
                self.edge_realised[e] = true;
            }
            self.node_fate[n] = Fate::Mapped;
            let note = self.describe_node(n);
            for &(t, _) in &targets {
                self.claims[t].notes.push(note.clone());
            }
            out.push((
                n,
                sources.into_iter().map(|(c, _)| c).collect(),
                targets.into_iter().map(|(c, _)| c).collect(),
            ));
        }
        out
    }

    /// RA nodes: two or more premises are a linked argument for the conclusion, one premise a
    /// support. A premise that is also the conclusion is left out, with a note.
    pub(super) fn map_inferences(&mut self) {
        for (n, premises, conclusions) in self.complete("RA") {
            for c in distinct(conclusions) {
                let mut others = Vec::new();
                for p in distinct(premises.iter().copied()) {
                    if p == c {
                        let note = format!(
                            "not mapped: {} has this claim as premise and conclusion",
                            self.node_label(n)
                        );
                        self.claims[c].notes.push(note);
                    } else {
                        others.push(p);
                    }
                }
                if others.len() >= 2 {
                    let k = self.claims[c].arguments.len();
                    self.claims[c].arguments.push(ArgumentDraft {
                        id: None,
                        premises: others,
                        node: n,
                    });
                    self.arguments_of[n].push((c, k));
                } else {
                    for p in others {
                        self.claims[p].supports.insert(c);
                    }
                }
            }
        }
    }

    /// CA nodes with an attacker: an I-node target is contradicted; an RA node that became
    /// arguments is undercut (AIF's undercutter), and each of its arguments gets an id.
    pub(super) fn map_conflicts(&mut self) {
        for n in 0..self.map.nodes.len() {
            if self.map.nodes[n].kind != "CA" || self.is_marked(n) {
                continue;
            }
            let attackers = self.claim_ends(n, true);
            if attackers.is_empty() {
                continue;
            }
            let targets = self.claim_ends(n, false);
            let mut undercut: Vec<(usize, usize)> = Vec::new();
            for &e in &self.map.outs[n] {
                let Some(m) = self.map.edges[e].to else {
                    continue;
                };
                if self.map.nodes[m].kind != "RA" {
                    continue;
                }
                if self.arguments_of[m].is_empty() {
                    let note = format!(
                        "not mapped as an undercut: {} attacks {}, which is no argument (an \
                         argument needs two premises and a conclusion); what the RA node became \
                         stands",
                        self.node_label(n),
                        self.node_label(m)
                    );
                    for a in distinct(attackers.iter().map(|&(a, _)| a)) {
                        self.claims[a].notes.push(note.clone());
                    }
                } else {
                    undercut.push((m, e));
                }
            }
            let ends: Vec<usize> = (attackers.iter().chain(&targets).map(|&(_, e)| e))
                .chain(undercut.iter().map(|&(_, e)| e))
                .collect();
            let claims = distinct(targets.into_iter().map(|(t, _)| t));
            let attackers = distinct(attackers.into_iter().map(|(a, _)| a));
            let mut made = false;
            for &t in &claims {
                for &a in &attackers {
                    made |= self.contradict(n, a, t);
                }
            }
            for &(m, _) in &undercut {
                for (c, k) in self.arguments_of[m].clone() {
                    for &a in &attackers {
                        made |= self.undercut(n, a, (c, k));
                    }
                }
            }
            // A CA node whose every relation was refused is kept as a note, with the reasons,
            // and counted as refused.
            if !made {
                if !claims.is_empty() || !undercut.is_empty() {
                    self.node_fate[n] = Fate::Refused;
                }
                continue;
            }
            self.node_fate[n] = Fate::Mapped;
            for e in ends {
                self.edge_realised[e] = true;
            }
            let note = self.describe_node(n);
            for &t in &claims {
                self.claims[t].notes.push(note.clone());
            }
            if !undercut.is_empty() {
                for &a in attackers.iter().filter(|a| !claims.contains(a)) {
                    self.claims[a].notes.push(note.clone());
                }
            }
        }
    }

    /// Claim `a` contradicts claim `t` through CA node `n`, unless the corpus format forbids it
    /// (then a note on `t` says why). Whether the contradiction was made.
    fn contradict(&mut self, n: usize, a: usize, t: usize) -> bool {
        let why = if a == t {
            Some("this claim attacks itself")
        } else if self.claims[a].supports.contains(&t) {
            Some("the attacker also supports this claim, and a claim cannot do both")
        } else {
            None
        };
        match why {
            Some(why) => {
                let note = format!(
                    "not mapped as contradicts from `{}`: {} ({why})",
                    self.claims[a].id,
                    self.node_label(n)
                );
                self.claims[t].notes.push(note);
                false
            }
            None => {
                self.claims[a].contradicts.insert(t);
                true
            }
        }
    }

    /// Claim `a` undercuts argument `k` of claim `c` through CA node `n`, unless `a` is that
    /// argument's conclusion (then a note on `c` says why); the argument is named after its RA
    /// node. Whether the undercut was made.
    fn undercut(&mut self, n: usize, a: usize, (c, k): (usize, usize)) -> bool {
        let ra = self.claims[c].arguments[k].node;
        if a == c {
            let note = format!(
                "not mapped as an undercut from `{}`: {} attacks {}, an argument for this claim \
                 (a claim cannot undercut its own argument)",
                self.claims[a].id,
                self.node_label(n),
                self.node_label(ra)
            );
            self.claims[c].notes.push(note);
            return false;
        }
        if self.claims[c].arguments[k].id.is_none() {
            let id = id_from(&self.map.nodes[ra].id, || format!("ra-node-{ra}"));
            let id = self.unique_id(id);
            self.claims[c].arguments[k].id = Some(id);
        }
        let locator = format!("AIF CA {}", self.map.nodes[n].id);
        if !self.claims[a]
            .undercuts
            .iter()
            .any(|u| (u.0, u.1) == (c, k))
        {
            self.claims[a].undercuts.push((c, k, locator));
        }
        true
    }
}
