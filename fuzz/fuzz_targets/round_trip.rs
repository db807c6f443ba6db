//! Arbitrary bytes as one corpus file: whatever loads is written in canonical form, loads back
//! as the same corpus, and formats to the same text again.
#![no_main]

use historiograph::Corpus;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(corpus) = Corpus::from_sources([("fuzz.yaml", text.as_ref())]) else {
        return;
    };
    let files = corpus.to_yaml_files();
    let reread = Corpus::from_sources(files.iter().map(|(p, t)| (p.clone(), t.as_str())))
        .unwrap_or_else(|e| panic!("canonical text does not load: {e:?}\n{files:?}"));
    assert_eq!(reread.without_positions(), corpus.without_positions());
    assert_eq!(reread.to_yaml_files(), files);
});
