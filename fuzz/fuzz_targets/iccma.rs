//! Arbitrary bytes as a framework file in each ICCMA format: parsing never panics, and the
//! grounded extension of what parses is computed.
#![no_main]

use historiograph::iccma::{solve, Format, Instance, Task};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for format in [Format::I23, Format::Apx, Format::Tgf] {
        if let Ok(instance) = Instance::parse(&text, format) {
            let task: Task = "SE-GR".parse().unwrap();
            let _ = solve(&instance, task, None);
        }
    }
});
