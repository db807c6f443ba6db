//! Finding nodes by id: an index over the ids' text, and a table over their addresses.

use std::hash::Hasher;
use std::marker::PhantomData;

use crate::corpus::id::{Id, IdHasher};

/// The ids of a corpus, indexed without copying them: an open-addressing hash table of node
/// numbers (documents, then claims, then historians), whose ids are read from the corpus.
#[derive(Debug, Default)]
pub(super) struct IdIndex {
    /// Node number per slot; `EMPTY` for a free slot. The length is a power of two.
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

fn hash_id(id: &str) -> u64 {
    let mut h = IdHasher::default();
    h.write(id.as_bytes());
    h.finish()
}

/// How many edges ahead [`Debate::new`] prefetches the nodes it will link.
pub(super) const AHEAD: usize = 16;

/// How many ids [`IdIndex`] hashes or resolves at once: enough cache misses in flight to hide
/// memory latency, few enough that a batch stays in the first-level cache.
pub(super) const BATCH: usize = 32;

/// Asks the processor to start loading the cache line at `p` (a hint: no effect on the
/// program's meaning, and nothing on targets without the instruction).
#[inline(always)]
pub(super) fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and does not read or write memory the program sees, whatever
    // the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

impl IdIndex {
    /// Indexes `n` nodes, whose ids `id_of` gives; ids are unique (the corpus is validated).
    ///
    /// Slots are written in random order, so on large corpora each write is a cache miss; ids are
    /// hashed a batch at a time and the batch's slots prefetched before any is written, so that
    /// the misses overlap instead of queuing.
    pub(super) fn new<'a>(n: usize, id_of: impl Fn(u32) -> &'a Id) -> IdIndex {
        let mut index = IdIndex {
            slots: vec![EMPTY; (2 * n).next_power_of_two().max(1)],
        };
        let mut at = [0; BATCH];
        for start in (0..n as u32).step_by(BATCH) {
            let batch = start..(start + BATCH as u32).min(n as u32);
            for (at, v) in at.iter_mut().zip(batch.clone()) {
                *at = index.slot_of(id_of(v));
                prefetch(&index.slots[*at]);
            }
            for (&at, v) in at.iter().zip(batch) {
                index.insert(at, v);
            }
        }
        index
    }

    /// The first slot to probe for `id`.
    fn slot_of(&self, id: &str) -> usize {
        hash_id(id) as usize & (self.slots.len() - 1)
    }

    /// Puts node `v` in the first free slot from `at` on.
    fn insert(&mut self, mut at: usize, v: u32) {
        let mask = self.slots.len() - 1;
        while self.slots[at] != EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = v;
    }

    pub(super) fn get<'a>(&self, id: &str, id_of: impl Fn(u32) -> &'a Id) -> Option<u32> {
        self.probe(id, self.slot_of(id), id_of)
    }

    /// The node of `id`, probing from slot `at`.
    fn probe<'a>(&self, id: &str, mut at: usize, id_of: impl Fn(u32) -> &'a Id) -> Option<u32> {
        let mask = self.slots.len() - 1;
        loop {
            match self.slots[at] {
                EMPTY => return None,
                v if **id_of(v) == *id => return Some(v),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// Node numbers keyed by the address of their id's text: open addressing with linear probing,
/// at most two thirds full. A slot holds the node and 32 bits of the address (a tag, enough to
/// skip almost every other node without looking at it); a match is confirmed against the
/// record's own address. `EMPTY` marks a free slot.
pub(super) struct ByAddress<'a, F> {
    slots: Vec<(u32, u32)>,
    id_of: F,
    ids: PhantomData<&'a Id>,
}

impl<'a, F: Fn(u32) -> &'a Id> ByAddress<'a, F> {
    /// The table of nodes `0..n`, whose ids `id_of` gives.
    pub(super) fn new(n: usize, id_of: F) -> Self {
        let mut table = ByAddress {
            slots: vec![(0, EMPTY); n + n / 2 + 1],
            id_of,
            ids: PhantomData,
        };
        // As in `IdIndex::new`, a batch's slots are prefetched before any is written.
        let mut keys = [(0, 0); BATCH];
        for start in (0..n as u32).step_by(BATCH) {
            let batch = start..(start + BATCH as u32).min(n as u32);
            for (key, v) in keys.iter_mut().zip(batch.clone()) {
                *key = table.locate(address((table.id_of)(v)));
                prefetch(&table.slots[key.1]);
            }
            for (&(tag, mut at), v) in keys.iter().zip(batch) {
                while table.slots[at].1 != EMPTY {
                    at = table.next(at);
                }
                table.slots[at] = (tag, v);
            }
        }
        table
    }

    /// The tag of an address and the first slot to probe: a multiplicative hash scaled to the
    /// table's length.
    fn locate(&self, address: usize) -> (u32, usize) {
        let h = (address as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let slot = ((u128::from(h) * self.slots.len() as u128) >> 64) as usize;
        ((address >> 4) as u32, slot)
    }

    fn next(&self, at: usize) -> usize {
        if at + 1 == self.slots.len() {
            0
        } else {
            at + 1
        }
    }

    /// The nodes whose tag is `tag`, probing from `at`.
    fn candidates(&self, (tag, at): (u32, usize)) -> impl Iterator<Item = u32> + use<'_, 'a, F> {
        let probe = std::iter::successors(Some(at), move |&at| Some(self.next(at)));
        probe
            .map(|at| self.slots[at])
            .take_while(|&(_, v)| v != EMPTY)
            .filter(move |&(t, _)| t == tag)
            .map(|(_, v)| v)
    }

    /// The node whose id's text is at `address`, if any.
    fn get(&self, address: usize) -> Option<u32> {
        let mut candidates = self.candidates(self.locate(address));
        candidates.find(|&v| self::address((self.id_of)(v)) == address)
    }

    /// Pushes the node of each of `ids` onto `nodes`, by address, or else by `by_text`. The
    /// slots of the whole batch are prefetched first, then the records their tags point to, so
    /// that the cache misses of each step overlap.
    ///
    /// # Panics
    ///
    /// If an id resolves neither way.
    #[allow(
        clippy::expect_used,
        reason = "a Debate is built from a validated corpus, whose references all resolve"
    )]
    pub(super) fn get_batch(
        &self,
        ids: &[&str],
        by_text: impl Fn(&str) -> Option<u32>,
        nodes: &mut Vec<u32>,
    ) {
        let mut at = [(0, 0); BATCH];
        for (at, id) in at.iter_mut().zip(ids) {
            *at = self.locate(address(id));
            prefetch(&self.slots[at.1]);
        }
        for &at in &at[..ids.len()] {
            if let Some(v) = self.candidates(at).next() {
                prefetch((self.id_of)(v));
            }
        }
        for id in ids {
            let node = self.get(address(id)).or_else(|| by_text(id));
            nodes.push(node.expect("a validated corpus has no dangling references"));
        }
    }
}

/// Where `text` is in memory.
pub(super) fn address(text: &str) -> usize {
    text.as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use super::{address, ByAddress, BATCH};
    use crate::corpus::id::Id;

    #[test]
    fn by_address_finds_records_by_their_own_text_only() {
        let ids: Vec<Id> = (0..1000)
            .map(|i| Id::from(format!("c{i}").as_str()))
            .collect();
        let table = ByAddress::new(ids.len(), |v| &ids[v as usize]);
        for (v, id) in ids.iter().enumerate() {
            assert_eq!(table.get(address(id)), Some(v as u32), "{id}");
            // The same text elsewhere in memory is not found by address.
            assert_eq!(
                table.get(address(&Id::from(id.as_str()))),
                None,
                "copy of {id}"
            );
        }
        // A batch resolves what it can by address and the rest through the fallback.
        let copy = Id::from("c7");
        let batch: Vec<&str> = vec![&ids[3], &copy, &ids[999]];
        assert!(batch.len() <= BATCH);
        let mut nodes = Vec::new();
        table.get_batch(&batch, |id| (id == "c7").then_some(7), &mut nodes);
        assert_eq!(nodes, [3, 7, 999]);
    }
}
