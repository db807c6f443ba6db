//! [`Id`]: the shared, immutable identifier of a record and of every reference to it.

use crate::corpus::model::UndercutTarget;
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use crate::corpus::Corpus;

/// The id of a document, claim, historian or school, or a reference to one.
///
/// An `Id` reads like a `&str` (it derefs to one, compares with one and hashes like one) but
/// cloning it shares the text instead of copying it. A corpus read by
/// [`Corpus::load`](crate::Corpus::load) or [`Corpus::load_tsv`](crate::Corpus::load_tsv)
/// holds one copy of each id: every reference to a record shares the record's own text, which
/// keeps a corpus of a million claims and millions of references compact.
///
/// ```
/// use historiograph::Id;
///
/// let id = Id::from("khrushchev-memoir");
/// let reference = id.clone(); // shares the text
/// assert_eq!(reference, "khrushchev-memoir");
/// assert!(reference.starts_with("khrushchev"));
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

impl Id {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether two ids share one allocation (and so are equal without comparing their text).
    pub fn shares_text_with(&self, other: &Id) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Default for Id {
    /// The empty id, which no valid record has.
    fn default() -> Id {
        Id::from("")
    }
}

impl Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Id {
        Id(Arc::from(text))
    }
}

impl From<String> for Id {
    fn from(text: String) -> Id {
        Id(Arc::from(text))
    }
}

impl From<&String> for Id {
    fn from(text: &String) -> Id {
        Id::from(text.as_str())
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0.to_string()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == &*other.0
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Makes equal ids share one allocation: each id is replaced by the first one seen with the
/// same text. Records are offered first, so references end up sharing the record's own text.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    seen: IdSet<Id>,
}

impl Interner {
    /// An interner with room for `n` distinct ids.
    pub(crate) fn with_capacity(n: usize) -> Interner {
        let mut seen = IdSet::default();
        seen.reserve(n);
        Interner { seen }
    }

    /// Replaces `id` by the shared copy of its text, remembering it if it is new.
    pub(crate) fn share(&mut self, id: &mut Id) {
        match self.seen.get(id.as_str()) {
            Some(shared) => *id = shared.clone(),
            None => {
                self.seen.insert(id.clone());
            }
        }
    }
}

/// Makes every reference in `corpus` share the text of the record it names (and every repeated
/// id share one text), so that a reference costs a pointer instead of a copy of the id.
pub(crate) fn share_ids(corpus: &mut Corpus) {
    let records = corpus.works.len()
        + corpus.schools.len()
        + corpus.documents.len()
        + corpus.historians.len()
        + corpus.claims.len();
    let mut ids = Interner::with_capacity(records);
    corpus.schools.iter_mut().for_each(|s| ids.share(&mut s.id));
    corpus
        .documents
        .iter_mut()
        .for_each(|d| ids.share(&mut d.id));
    corpus
        .historians
        .iter_mut()
        .for_each(|h| ids.share(&mut h.id));
    corpus.claims.iter_mut().for_each(|c| ids.share(&mut c.id));
    corpus.works.iter_mut().for_each(|w| ids.share(&mut w.id));
    for w in &mut corpus.works {
        w.authors.iter_mut().for_each(|h| ids.share(h));
    }
    for d in &mut corpus.documents {
        d.known_through.iter_mut().for_each(|h| ids.share(h));
        if let Some(r) = &mut d.reliability {
            r.by.iter_mut().for_each(|h| ids.share(h));
        }
    }
    for h in &mut corpus.historians {
        h.schools.iter_mut().for_each(|s| ids.share(s));
    }
    for c in &mut corpus.claims {
        let references = c.school.iter_mut().chain(&mut c.proponents);
        let references = references.chain(&mut c.supports).chain(&mut c.contradicts);
        references.for_each(|r| ids.share(r));
        for e in &mut c.evidence {
            ids.share(&mut e.document);
            e.cited_as.iter_mut().for_each(|d| ids.share(d));
            e.quote_by.iter_mut().for_each(|h| ids.share(h));
        }
        c.cites.iter_mut().for_each(|w| ids.share(&mut w.work));
        for a in &mut c.arguments {
            a.id.iter_mut().for_each(|id| ids.share(id));
            a.premises.iter_mut().for_each(|p| ids.share(p));
            a.cites.iter_mut().for_each(|w| ids.share(&mut w.work));
        }
        for u in &mut c.undercuts {
            match &mut u.target {
                UndercutTarget::Document(id)
                | UndercutTarget::Work(id)
                | UndercutTarget::Argument(id) => ids.share(id),
                UndercutTarget::Evidence { document, claim } => {
                    ids.share(document);
                    ids.share(claim);
                }
            }
        }
    }
}

/// A fast, fixed hasher for ids (FNV-style over 8-byte words, then a final mix). Ids come
/// from the user's own files, so resistance to crafted collisions is not needed; speed on
/// millions of short ids is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 ^= bytes.len() as u64;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0 ^ u64::from_le_bytes(word)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// A hash map keyed by ids, with [`IdHasher`].
pub(crate) type IdMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

/// A hash set with the [`IdHasher`].
pub(crate) type IdSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<IdHasher>>;
