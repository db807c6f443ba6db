//! Arbitrary bytes as one corpus file: loading never panics, and whatever loads builds a graph.
#![no_main]

use historiograph::{Corpus, Debate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(corpus) = Corpus::from_sources([("fuzz.yaml", text.as_ref())]) {
        let debate = Debate::new(corpus);
        let _ = debate.dependency_table();
    }
});
