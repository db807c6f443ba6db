//! Writes a seeded random framework in the ICCMA 2023 format, for the side-by-side benchmark
//! with other solvers (`benches/compare_crustabri.sh`).
//!
//!     cargo run --release --example random_af -- ARGUMENTS PROBABILITY SEED > file.af
//!
//! Each ordered pair of distinct arguments is an attack with probability PROBABILITY. With no
//! arguments it writes the first of the benchmark's frameworks: 1000 arguments, 0.004, seed 1.

use historiograph::{iccma, random_framework};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match &args[..] {
        [] => Some(((1000, 0.004), 1)),
        [n, p, seed] => n.parse().ok().zip(p.parse().ok()).zip(seed.parse().ok()),
        _ => None,
    };
    let Some(((n, p), seed)) = parsed else {
        eprintln!("usage: random_af ARGUMENTS PROBABILITY SEED (e.g. random_af 1000 0.004 1)");
        std::process::exit(2);
    };
    print!("{}", iccma::to_i23(&random_framework(n, p, seed)));
}
