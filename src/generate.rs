//! Synthetic debates of any size, for benchmarks and for checking fast algorithms against simple
//! ones: a seeded generator and a YAML writer.
//!
//! The model is the one of the networkx baseline (`../shared/bench/networkx_baseline.py`), so
//! that both sides answer the same questions about graphs of the same shape:
//!
//! - claims are split into [`Synthetic::layers`] layers of equal size;
//! - a claim of layer 0 is backed by 1–3 distinct documents (weights 5:3:2);
//! - a claim of a higher layer is supported by 1–3 claims of lower layers (weights 4:4:2),
//!   mostly of the layer just below, and with probability [`Synthetic::direct_evidence`] is also
//!   backed by one document;
//! - with probability [`Synthetic::cycles`] a claim below the top layer is also supported by a
//!   claim of a higher layer, which closes circles of support;
//! - `contradictions × claims` times, a random claim contradicts another, and with probability
//!   [`Synthetic::mutual`] the other contradicts it back;
//! - with probability [`Synthetic::undermining`] a claim is undermined by one document (the
//!   edge-list format has no such record, so TSV output leaves these out);
//! - with probability [`Synthetic::linked`] a claim above layer 0 also has a linked argument
//!   whose two premises are claims of lower layers, and with probability
//!   [`Synthetic::undercutting`] a claim undercuts a document. These are drawn from a second
//!   stream of the seed, after everything above, so the rest of a corpus is the same whatever
//!   their probabilities; the edge-list format has no such records, so TSV output (the networkx
//!   baseline's convergent graph) leaves them out too.
//!
//! Randomness comes from SplitMix64 seeded with [`Synthetic::seed`] and integer arithmetic only
//! (plus exact comparisons of 53-bit fractions), so a seed gives the same corpus on every platform
//! and in every version that keeps this model.

use std::io;
use std::path::{Path, PathBuf};

use crate::corpus::date::{DateSpec, PartialDate};
use crate::corpus::id::Id;
use crate::corpus::model::{
    Argument, Audience, Claim, Document, DocumentKind, Evidence, Historian, Polarity, School,
    Stance, Undercut, UndercutTarget,
};
use crate::corpus::Corpus;
use crate::semantics::Framework;

/// The parameters of a synthetic debate. [`Synthetic::new`] sets the baseline's defaults.
///
/// ```
/// use historiograph::{Debate, Synthetic};
///
/// let corpus = Synthetic::new(10, 1_000, 7).corpus();
/// assert_eq!(corpus.claims.len(), 1_000);
/// let debate = Debate::new(corpus);
/// assert!(!debate.dependency_table().is_empty());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Synthetic {
    /// How many documents.
    pub documents: usize,
    /// How many claims.
    pub claims: usize,
    /// The seed: the same parameters and seed give the same corpus.
    pub seed: u64,
    /// How many layers the claims are split into (at least 1).
    pub layers: usize,
    /// How many historians advance the claims (at least 1).
    pub historians: usize,
    /// The probability that a claim above layer 0 is also backed directly by a document.
    pub direct_evidence: f64,
    /// The probability that a claim below the top layer is supported from a higher layer.
    pub cycles: f64,
    /// Contradictions drawn per claim (before mutual ones are added).
    pub contradictions: f64,
    /// The probability that a contradiction is mutual.
    pub mutual: f64,
    /// The probability that a claim is undermined by a document.
    pub undermining: f64,
    /// The probability that a claim above layer 0 has a linked argument of two premises.
    pub linked: f64,
    /// The probability that a claim undercuts a document.
    pub undercutting: f64,
}

/// A seeded random abstract framework, as in the ICCMA benchmark generators: `arguments`
/// arguments, and each ordered pair of distinct arguments an attack with probability
/// `probability`. The same numbers and seed give the same framework on every platform.
///
/// ```
/// let af = historiograph::random_framework(1000, 4.0 / 1000.0, 1);
/// assert_eq!(af.len(), 1000);
/// assert!((3000..5000).contains(&af.attack_count()));
/// ```
pub fn random_framework(arguments: usize, probability: f64, seed: u64) -> Framework {
    let mut rng = SplitMix64(seed);
    let n = arguments as u32;
    let attacks: Vec<(u32, u32)> = (0..n)
        .flat_map(|a| (0..n).map(move |b| (a, b)))
        .filter(|&(a, b)| a != b && rng.chance(probability))
        .collect();
    Framework::new(arguments, attacks)
}

/// SplitMix64: a small, fast generator whose output is fixed by its seed on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by multiply-and-shift.
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// 1, 2 or 3 with the given weights.
    fn one_to_three(&mut self, weights: [usize; 3]) -> usize {
        let mut x = self.below(weights.iter().sum());
        for (i, w) in weights.into_iter().enumerate() {
            if x < w {
                return i + 1;
            }
            x -= w;
        }
        3
    }
}

const DOCUMENT_KINDS: [DocumentKind; 6] = [
    DocumentKind::Telegram,
    DocumentKind::Letter,
    DocumentKind::Memorandum,
    DocumentKind::Report,
    DocumentKind::RecordOfConversation,
    DocumentKind::Memoir,
];
const AUDIENCES: [Audience; 4] = [
    Audience::Internal,
    Audience::Allied,
    Audience::Diplomatic,
    Audience::Public,
];
const STANCES: [Stance; 4] = [
    Stance::Endorses,
    Stance::Rejects,
    Stance::Qualifies,
    Stance::Reports,
];

/// The edges of a synthetic debate, by index, before they become records.
struct Edges {
    backs: Vec<Vec<u32>>,
    undermines: Vec<Option<u32>>,
    supports: Vec<Vec<u32>>,
    contradicts: Vec<Vec<u32>>,
    /// The two premises of each claim's linked argument, if it has one.
    arguments: Vec<Option<[u32; 2]>>,
    undercuts: Vec<Option<u32>>,
}

impl Synthetic {
    /// The most documents, and the most claims, a synthetic debate may have: ten million, about
    /// 10 GB in memory for the claims. `historiograph generate` refuses more, rather than fail to
    /// allocate; [`Synthetic::corpus`] with more is the caller's risk.
    pub const MAX_RECORDS: usize = 10_000_000;

    /// `documents` documents and `claims` claims with the baseline's defaults: 8 layers, 20
    /// historians, 10 % direct evidence, 0.5 % support cycles, 0.2 contradictions per claim of
    /// which 30 % mutual, 5 % undermined claims, 10 % of claims above layer 0 with a linked
    /// argument, 0.5 % of claims undercutting a document.
    pub fn new(documents: usize, claims: usize, seed: u64) -> Synthetic {
        Synthetic {
            documents,
            claims,
            seed,
            layers: 8,
            historians: 20,
            direct_evidence: 0.1,
            cycles: 0.005,
            contradictions: 0.2,
            mutual: 0.3,
            undermining: 0.05,
            linked: 0.1,
            undercutting: 0.005,
        }
    }

    /// The corpus. It is valid by construction (unique ids, references that resolve, nothing
    /// listed twice, no claim both supporting and contradicting another); with no documents,
    /// claims have no evidence.
    pub fn corpus(&self) -> Corpus {
        let edges = self.edges();
        let schools = School::built_in();
        let historians = (0..self.historians.max(1))
            .map(|h| Historian {
                id: format!("h{h}").into(),
                name: format!("Historian {h}").into(),
                schools: vec![schools[h % schools.len()].id.clone()],
                works: Vec::new(),
                notes: None,
                origin: None,
                supplied: Vec::new(),
            })
            .collect::<Vec<_>>();
        // Each id is made once; records and references share it.
        let ids = Ids {
            documents: (0..self.documents)
                .map(|i| format!("d{i}").into())
                .collect(),
            claims: (0..self.claims).map(|i| format!("c{i}").into()).collect(),
        };
        let documents = (ids.documents.iter().enumerate())
            .map(|(i, id)| document(i, id.clone()))
            .collect();
        let claims = (0..self.claims)
            .map(|i| self.claim(i, &edges, &historians, &ids))
            .collect();
        Corpus {
            schools,
            documents,
            historians,
            claims,
            works: Vec::new(),
        }
    }

    /// The first claim of each layer, then the number of claims.
    fn layer_bounds(&self, per: usize) -> Vec<usize> {
        let layers = self.layers.max(1);
        let mut starts: Vec<usize> = (0..layers).map(|l| (l * per).min(self.claims)).collect();
        starts.push(self.claims);
        starts
    }

    fn edges(&self) -> Edges {
        let mut rng = SplitMix64(self.seed);
        let n = self.claims;
        let layers = self.layers.max(1);
        let per = (n / layers).max(1);
        let bounds = self.layer_bounds(per);
        let mut e = Edges {
            backs: vec![Vec::new(); n],
            undermines: vec![None; n],
            supports: vec![Vec::new(); n],
            contradicts: vec![Vec::new(); n],
            arguments: vec![None; n],
            undercuts: vec![None; n],
        };
        let docs = self.documents;
        for i in 0..n {
            let l = (i / per).min(layers - 1);
            if l == 0 {
                if docs > 0 {
                    let k = rng.one_to_three([5, 3, 2]).min(docs);
                    while e.backs[i].len() < k {
                        push_new(&mut e.backs[i], rng.below(docs) as u32);
                    }
                }
            } else {
                for _ in 0..rng.one_to_three([4, 4, 2]) {
                    let from = if rng.chance(0.7) { l - 1 } else { rng.below(l) };
                    let j = bounds[from] + rng.below(bounds[from + 1] - bounds[from]);
                    push_new(&mut e.supports[j], i as u32);
                }
                if docs > 0 && rng.chance(self.direct_evidence) {
                    push_new(&mut e.backs[i], rng.below(docs) as u32);
                }
                if l + 1 < layers && bounds[l + 1] < n && rng.chance(self.cycles) {
                    let j = bounds[l + 1] + rng.below(n - bounds[l + 1]);
                    push_new(&mut e.supports[j], i as u32);
                }
            }
            if docs > 0 && rng.chance(self.undermining) {
                let d = rng.below(docs) as u32;
                if !e.backs[i].contains(&d) {
                    e.undermines[i] = Some(d);
                }
            }
        }
        let attacks = (n as f64 * self.contradictions) as usize;
        for _ in 0..attacks {
            let (a, b) = (rng.below(n), rng.below(n));
            let mutual = rng.chance(self.mutual);
            if a == b {
                continue;
            }
            contradict(&mut e, a, b);
            if mutual {
                contradict(&mut e, b, a);
            }
        }
        // Linked arguments and undercuts, from a stream of their own.
        let mut rng = SplitMix64(self.seed ^ 0x5EED_A5A5_0000_0001);
        for i in bounds[1.min(layers)]..n {
            if rng.chance(self.linked) {
                let l = (i / per).min(layers - 1);
                let mut premise = || {
                    let from = if rng.chance(0.7) { l - 1 } else { rng.below(l) };
                    (bounds[from] + rng.below(bounds[from + 1] - bounds[from])) as u32
                };
                let (a, b) = (premise(), premise());
                if a != b && l > 0 {
                    e.arguments[i] = Some([a, b]);
                }
            }
        }
        if docs > 0 {
            for i in 0..n {
                if rng.chance(self.undercutting) {
                    e.undercuts[i] = Some(rng.below(docs) as u32);
                }
            }
        }
        e
    }

    fn claim(&self, i: usize, edges: &Edges, historians: &[Historian], ids: &Ids) -> Claim {
        let proponent = &historians[i % historians.len()];
        let backs = edges.backs[i].iter().map(|&d| (d, Polarity::Backs));
        let undermines = edges.undermines[i].map(|d| (d, Polarity::Undermines));
        let evidence = backs
            .chain(undermines)
            .map(|(d, polarity)| Evidence {
                document: ids.documents[d as usize].clone(),
                polarity,
                locator: "synthetic".into(),
                quote: None,
                cited_as: None,
                note: None,
                quote_by: None,
            })
            .collect();
        let names = |list: &[u32]| {
            list.iter()
                .map(|&c| ids.claims[c as usize].clone())
                .collect()
        };
        Claim {
            id: ids.claims[i].clone(),
            statement: format!("Synthetic claim {i}.").into(),
            school: proponent.schools.first().cloned(),
            proponents: vec![proponent.id.clone()],
            period: None,
            stance: Some(STANCES[i % STANCES.len()]),
            locator: Some("synthetic".into()),
            evidence,
            supports: names(&edges.supports[i]),
            contradicts: names(&edges.contradicts[i]),
            arguments: (edges.arguments[i].iter())
                .map(|premises| Argument {
                    id: None,
                    premises: names(premises),
                    locator: "synthetic".into(),
                    cites: Vec::new(),
                    note: None,
                })
                .collect(),
            undercuts: (edges.undercuts[i].iter())
                .map(|&d| Undercut {
                    target: UndercutTarget::Document(ids.documents[d as usize].clone()),
                    locator: "synthetic".into(),
                    note: None,
                })
                .collect(),
            ..Default::default()
        }
    }
}

fn push_new(list: &mut Vec<u32>, x: u32) {
    if !list.contains(&x) {
        list.push(x);
    }
}

/// `a` contradicts `b`, unless it already does or already supports `b`.
fn contradict(e: &mut Edges, a: usize, b: usize) {
    if !e.supports[a].contains(&(b as u32)) {
        push_new(&mut e.contradicts[a], b as u32);
    }
}

/// The ids of a generated corpus's documents and claims, by index.
struct Ids {
    documents: Vec<Id>,
    claims: Vec<Id>,
}

fn document(i: usize, id: Id) -> Document {
    let day = i % (28 * 12 * 6);
    let date = DateSpec {
        start: PartialDate {
            year: 1945 + (day / (28 * 12)) as i32,
            month: Some((day / 28 % 12 + 1) as u8),
            day: Some((day % 28 + 1) as u8),
        },
        end: None,
    };
    Document {
        id,
        title: format!("Synthetic document {i}").into(),
        date,
        kind: DOCUMENT_KINDS[i % DOCUMENT_KINDS.len()],
        author: format!("Author {}", i % 50).into(),
        recipient: None,
        citation: format!("Synthetic archive, item {i}").into(),
        audience: AUDIENCES[i % AUDIENCES.len()],
        known_through: None,
        reliability: None,
        notes: None,
        origin: None,
        listed: false,
        supplied: Vec::new(),
    }
}

/// Claims per YAML file written by [`Corpus::write_yaml`], which keeps each file well under the
/// loader's size limit.
const CLAIMS_PER_FILE: usize = 10_000;

/// Documents per YAML file, once they are more than fit one: a synthetic document takes about
/// 180 bytes, so 10,000 keep a file well under the loader's 4 MiB.
const DOCUMENTS_PER_FILE: usize = 10_000;

impl Corpus {
    /// Writes the corpus as YAML files into the folder `dir`, which must be new or empty, so
    /// that [`Corpus::load`] reads it back: `schools.yaml` (only the schools the corpus
    /// declares), `documents.yaml` (or `documents-NNNN.yaml` files of at most 10,000 documents
    /// each, when there are more), `historians.yaml`, `works.yaml` and `claims-NNNN.yaml` files
    /// of at most 10,000 claims each, all in canonical form (`fmt --check` passes on them).
    /// Returns the files written, sorted.
    ///
    /// The folder is written whole or not at all ([`crate::files::write_folder`]).
    pub fn write_yaml(&self, dir: impl AsRef<Path>) -> io::Result<Vec<PathBuf>> {
        self.write_yaml_with(dir, crate::files::Existing::Refuse)
    }

    /// [`Corpus::write_yaml`], replacing a folder that already holds a corpus when `existing`
    /// is [`Existing::Replace`](crate::files::Existing::Replace): no file of the old corpus is
    /// left beside the new one.
    pub fn write_yaml_with(
        &self,
        dir: impl AsRef<Path>,
        existing: crate::files::Existing,
    ) -> io::Result<Vec<PathBuf>> {
        // The file of each record, by section (schools, documents, historians, works, claims).
        // Documents are split as claims are once there are more than fit one file.
        let split_documents = self.documents.len() > DOCUMENTS_PER_FILE;
        let place = |section: usize, i: usize, _: &Option<crate::Origin>| {
            PathBuf::from(match section {
                0 => "schools.yaml".to_string(),
                1 if split_documents => format!("documents-{:04}.yaml", i / DOCUMENTS_PER_FILE),
                1 => "documents.yaml".to_string(),
                2 => "historians.yaml".to_string(),
                3 => "works.yaml".to_string(),
                _ => format!("claims-{:04}.yaml", i / CLAIMS_PER_FILE),
            })
        };
        let mut texts = Vec::new();
        self.each_yaml_file(place, &Default::default(), |name, text| {
            texts.push((name.display().to_string(), text.into_bytes()));
            io::Result::Ok(())
        })?;
        crate::files::write_folder(dir.as_ref(), &texts, existing)
    }
}
