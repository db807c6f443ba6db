//! Evidence bases: every document that grounds a claim, with one shortest path from each, the
//! linked arguments it passes through and the undercuts on its way (`evidence`).

use crate::corpus::id::Id;
use crate::graph::Debate;
use std::collections::BTreeSet;

use crate::corpus::model::Polarity;
use crate::query::{
    DocumentSummary, EvidenceBase, LinkedStep, Premise, QueryError, Route, WorkRoute,
};

impl Debate {
    /// The evidence base of a claim: every document that backs it, directly or by backing a
    /// claim that supports it (transitively), with one shortest path for each.
    pub fn evidence(&self, claim: &str) -> Result<EvidenceBase, QueryError> {
        let i = self.claim_index(claim)?;
        Ok(self.evidence_at(i, &mut vec![u32::MAX; self.flow.forward.len()]))
    }

    /// The evidence base of the claim at index `i`. `next` has one `u32::MAX` per flow node and
    /// is left that way, so that one buffer serves many claims in time proportional to what each
    /// search visits.
    pub(crate) fn evidence_at(&self, i: usize, next: &mut [u32]) -> EvidenceBase {
        let target = self.claim_flow(i);
        // Breadth-first search backwards; `next[v]` is v's successor on a shortest path to the claim.
        // `queue[head..]` is the frontier; `queue` keeps every node visited, to reset `next`.
        let mut queue = vec![target];
        let mut head = 0;
        next[target as usize] = target;
        let mut routes = Vec::new();
        let mut cited = Vec::new();
        let mut arguments = Vec::new();
        // The attacks a route can meet: those on documents and on inferences (undercuts), found
        // once here rather than by a scan of every attack for each route.
        let undercuts: Vec<(u32, u32)> = (self.flow.attacks.iter().copied())
            .filter(|&(_, t)| {
                (t as usize) < self.flow.documents || self.flow.inference(t).is_some()
            })
            .collect();
        while let Some(&v) = queue.get(head) {
            head += 1;
            if (v as usize) < self.flow.documents {
                routes.push(self.route(v, next, &undercuts));
                continue;
            }
            if let Some(w) = self.flow.work(v) {
                let work = &self.corpus().works[w];
                cited.push(WorkRoute {
                    work: work.id.clone(),
                    authors: work.authors.clone(),
                    year: work.year,
                    title: work.title.to_string(),
                    path: self.path(v, next),
                });
                continue;
            }
            if let Some(step) = self.flow.inference(v).and_then(|i| self.linked_step(i)) {
                arguments.push(step);
            }
            for &u in self.flow.backward().row(v) {
                if next[u as usize] == u32::MAX {
                    next[u as usize] = v;
                    queue.push(u);
                }
            }
        }
        queue.iter().for_each(|&v| next[v as usize] = u32::MAX);
        routes.sort_by(|a, b| a.document.id.cmp(&b.document.id));
        cited.sort_by(|a, b| a.work.cmp(&b.work));
        arguments.sort_by(|a, b| a.argument.cmp(&b.argument));
        let against = self
            .claim_at(i)
            .evidence
            .iter()
            .filter(|e| e.polarity == Polarity::Undermines)
            .filter_map(|e| self.document(&e.document))
            .map(DocumentSummary::of)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        EvidenceBase {
            claim: self.summary(self.claim_at(i)),
            routes,
            undermined_by: against,
            cited,
            arguments,
        }
    }

    /// The flow nodes from `from` along `next` to the claim the search started from.
    fn steps(&self, from: u32, next: &[u32]) -> Vec<u32> {
        let mut steps = vec![from];
        let mut v = from;
        while next[v as usize] != v {
            v = next[v as usize];
            steps.push(v);
        }
        steps
    }

    /// The ids along [`Debate::steps`], leaving out the junctions of undercut evidence links:
    /// they stand for the link itself, which the path already shows.
    fn path(&self, from: u32, next: &[u32]) -> Vec<Id> {
        let link = |v: &u32| {
            let i = self.flow.inference(*v);
            i.is_some_and(|i| matches!(self.inference(i), crate::graph::Inference::Link { .. }))
        };
        let steps = self.steps(from, next);
        steps
            .iter()
            .filter(|v| !link(v))
            .map(|&v| self.flow_id(v).clone())
            .collect()
    }

    /// The route from `document` along `next`; `undercuts` holds at least every attack on a
    /// document or an inference.
    fn route(&self, document: u32, next: &[u32], undercuts: &[(u32, u32)]) -> Route {
        let path = self.path(document, next);
        // The claims that undercut the document, or the undercut link that the path takes.
        let on_path = self.steps(document, next);
        let struck =
            |t: u32| t == document || (on_path.contains(&t) && self.flow.inference(t).is_some());
        let mut undercut_by: Vec<Id> = (undercuts.iter())
            .filter(|&&(a, t)| struck(t) && self.flow_claim(a).is_some())
            .map(|&(a, _)| self.flow_id(a).clone())
            .collect();
        undercut_by.sort();
        undercut_by.dedup();
        // The first link: the document backs the claim after it on the path.
        let doc = self.doc(document as usize);
        let cited_as = (path.get(1).and_then(|c| self.claim(c)))
            .and_then(|c| {
                c.evidence
                    .iter()
                    .find(|e| e.document == doc.id && e.cited_as.is_some())
            })
            .and_then(|e| e.cited_as.clone());
        Route {
            document: DocumentSummary::of(doc),
            length: path.len() - 1,
            path,
            undercut_by,
            cited_as,
        }
    }

    /// Inference `i` as a step of an evidence base, if it is a linked argument.
    fn linked_step(&self, i: usize) -> Option<LinkedStep> {
        let argument = self.argument(i)?;
        let grounded = self.grounded_nodes();
        let premises = (argument.premises.iter())
            .map(|p| {
                let v = self.node(p).map(|n| self.flow.of_graph(n));
                Premise {
                    id: p.clone(),
                    grounded: v.is_some_and(|v| grounded[v as usize]),
                }
            })
            .collect();
        Some(LinkedStep {
            argument: self.inference_id(i).clone(),
            conclusion: self.claim_at(self.inference(i).conclusion()).id.clone(),
            locator: argument.locator.to_string(),
            premises,
        })
    }

    pub(crate) fn flow_id(&self, v: u32) -> &Id {
        if let Some(c) = self.flow_claim(v) {
            return &self.claim_at(c).id;
        }
        if let Some(w) = self.flow.work(v) {
            return &self.corpus().works[w].id;
        }
        if let Some(i) = self.flow.inference(v) {
            return self.inference_id(i);
        }
        &self.doc(v as usize).id
    }
}
