//! What the pages look up: each record's page, the reverse of the corpus's references (which
//! claims a document backs, who contradicts a claim), and the answers computed once for the
//! whole site (acceptability under grounded semantics, rests-only-on and depends-on by claim).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::corpus::model::{Claim, UndercutTarget};
use crate::graph::{Debate, Inference, Node};
use crate::query::ClaimAcceptance;
use crate::semantics::Semantics;

use super::escape::file_stem;

/// The folder of each kind of record's pages.
pub(crate) const CLAIMS: &str = "claim";
pub(crate) const DOCUMENTS: &str = "document";
pub(crate) const HISTORIANS: &str = "historian";
pub(crate) const SCHOOLS: &str = "school";
pub(crate) const WORKS: &str = "work";

/// Everything the pages share.
pub(crate) struct Ctx<'d> {
    pub debate: &'d Debate,
    /// The page of every record id (`claim/x.html`), schools apart (their ids may repeat
    /// another record's).
    pages: HashMap<&'d str, String>,
    school_pages: BTreeMap<&'d str, String>,
    /// Inference names to `claim/x.html#argument-N` (linked arguments) or the claim's evidence.
    inferences: HashMap<&'d str, String>,
    /// Claim index → the claims that support or contradict it (indices, in corpus order).
    pub supported_by: Vec<Vec<usize>>,
    pub contradicted_by: Vec<Vec<usize>>,
    /// Claim index → the linked arguments it is a premise of: (claim, argument).
    pub premise_of: HashMap<&'d str, Vec<(usize, usize)>>,
    /// Document id → (claim, evidence index) for every piece of evidence citing it.
    pub evidence_of: HashMap<&'d str, Vec<(usize, usize)>>,
    /// What an undercut targets → (claim, undercut index).
    pub undercut_by: HashMap<&'d UndercutTarget, Vec<(usize, usize)>>,
    /// Work id → the claims citing it.
    pub cited_by: HashMap<&'d str, Vec<usize>>,
    /// Historian id → claims advanced.
    pub advanced_by: HashMap<&'d str, Vec<usize>>,
    /// Claim id → the documents it rests only on, and those it depends on.
    pub rests_only_on: HashMap<&'d str, Vec<&'d str>>,
    pub depends_on: BTreeMap<String, Vec<String>>,
    /// Claim index → its acceptability under grounded semantics with every document.
    pub acceptance: Vec<Option<ClaimAcceptance>>,
}

impl<'d> Ctx<'d> {
    pub(crate) fn new(debate: &'d Debate) -> Ctx<'d> {
        let corpus = debate.corpus();
        let mut pages = HashMap::new();
        let mut taken: BTreeSet<String> = BTreeSet::new();
        let mut name = |dir: &str, id: &str| {
            let stem = file_stem(id);
            let mut path = format!("{dir}/{stem}.html");
            let mut n = 2;
            while !taken.insert(path.clone()) {
                path = format!("{dir}/{stem}-{n}.html");
                n += 1;
            }
            path
        };
        // In a fixed order (each kind sorted by id), so that names are the same every run.
        let sorted = |ids: Vec<&'d str>| {
            let mut ids = ids;
            ids.sort_unstable();
            ids
        };
        let kinds: [(&str, Vec<&'d str>); 4] = [
            (
                CLAIMS,
                corpus.claims.iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                DOCUMENTS,
                corpus.documents.iter().map(|d| d.id.as_str()).collect(),
            ),
            (
                HISTORIANS,
                corpus.historians.iter().map(|h| h.id.as_str()).collect(),
            ),
            (WORKS, corpus.works.iter().map(|w| w.id.as_str()).collect()),
        ];
        for (dir, ids) in kinds {
            for id in sorted(ids) {
                pages.insert(id, name(dir, id));
            }
        }
        let school_pages = sorted(corpus.schools.iter().map(|s| s.id.as_str()).collect())
            .into_iter()
            .map(|id| (id, name(SCHOOLS, id)))
            .collect();
        let mut inferences = HashMap::new();
        for (i, inference) in debate.inferences().iter().enumerate() {
            let claim = &corpus.claims[inference.conclusion()].id;
            let anchor = match inference {
                Inference::Linked { argument, .. } => format!("argument-{}", argument + 1),
                Inference::Link { .. } => "evidence".to_string(),
            };
            let page = &pages[claim.as_str()];
            inferences.insert(debate.inference_name(i), format!("{page}#{anchor}"));
        }
        let n = corpus.claims.len();
        let mut ctx = Ctx {
            debate,
            pages,
            school_pages,
            inferences,
            supported_by: vec![Vec::new(); n],
            contradicted_by: vec![Vec::new(); n],
            premise_of: HashMap::new(),
            evidence_of: HashMap::new(),
            undercut_by: HashMap::new(),
            cited_by: HashMap::new(),
            advanced_by: HashMap::new(),
            rests_only_on: HashMap::new(),
            depends_on: BTreeMap::new(),
            acceptance: vec![None; n],
        };
        for (c, claim) in corpus.claims.iter().enumerate() {
            ctx.reverse(c, claim);
        }
        for document in &corpus.documents {
            let resting = debate.rests_only_on(&document.id).unwrap_or_default();
            for claim in resting {
                if let Some(c) = debate.claim(&claim.id) {
                    ctx.rests_only_on
                        .entry(c.id.as_str())
                        .or_default()
                        .push(document.id.as_str());
                }
            }
        }
        for (document, claims) in debate.dependency_table() {
            for claim in claims {
                (ctx.depends_on.entry(claim.to_string()).or_default()).push(document.to_string());
            }
        }
        if let Ok(accepted) = debate.acceptability(Semantics::Grounded, &[]) {
            for a in accepted.claims {
                if let Some(Node::Claim(c)) = debate.node(&a.claim.id).map(|n| debate.graph()[n]) {
                    ctx.acceptance[c] = Some(a);
                }
            }
        }
        ctx
    }

    fn reverse(&mut self, c: usize, claim: &'d Claim) {
        let index = |id: &str| match self.debate.node(id).map(|n| self.debate.graph()[n]) {
            Some(Node::Claim(i)) => Some(i),
            _ => None,
        };
        let supports: Vec<usize> = claim.supports.iter().filter_map(|t| index(t)).collect();
        let contradicts: Vec<usize> = claim.contradicts.iter().filter_map(|t| index(t)).collect();
        supports
            .into_iter()
            .for_each(|t| self.supported_by[t].push(c));
        contradicts
            .into_iter()
            .for_each(|t| self.contradicted_by[t].push(c));
        for (a, argument) in claim.arguments.iter().enumerate() {
            for premise in &argument.premises {
                self.premise_of
                    .entry(premise.as_str())
                    .or_default()
                    .push((c, a));
            }
        }
        for (e, evidence) in claim.evidence.iter().enumerate() {
            (self
                .evidence_of
                .entry(evidence.document.as_str())
                .or_default())
            .push((c, e));
        }
        for (u, undercut) in claim.undercuts.iter().enumerate() {
            (self.undercut_by.entry(&undercut.target).or_default()).push((c, u));
        }
        for citation in &claim.cites {
            self.cited_by
                .entry(citation.work.as_str())
                .or_default()
                .push(c);
        }
        for p in &claim.proponents {
            self.advanced_by.entry(p.as_str()).or_default().push(c);
        }
    }

    /// The page of a record (or, for an inference, the place on its conclusion's page), as a
    /// path from the site's root.
    pub(crate) fn page(&self, id: &str) -> Option<&str> {
        (self.pages.get(id).or_else(|| self.inferences.get(id))).map(String::as_str)
    }

    /// The page of a school.
    pub(crate) fn school_page(&self, id: &str) -> Option<&str> {
        self.school_pages.get(id).map(String::as_str)
    }

    /// The claims undercutting a target, as (claim index, undercut index).
    pub(crate) fn undercutting(&self, target: &UndercutTarget) -> &[(usize, usize)] {
        self.undercut_by.get(target).map_or(&[], Vec::as_slice)
    }

    /// A historian's name, or the id when the corpus has no such historian.
    pub(crate) fn name(&self, id: &str) -> String {
        (self.debate.historian(id)).map_or_else(|| id.to_string(), |h| h.name.to_string())
    }
}
