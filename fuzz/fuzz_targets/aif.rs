//! Arbitrary bytes as an AIF map: importing never panics, and what it makes fits the loader.
#![no_main]

use historiograph::AifImport;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(imported) = AifImport::from_json("fuzz", &text) {
        assert!(imported.yaml.len() <= 4 * 1024 * 1024);
        let _ = imported.corpus();
    }
});
