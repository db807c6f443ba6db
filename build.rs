//! Compiles the corpus in `claims/` into the crate, so the binary and `Corpus::bundled()` work
//! anywhere.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("claims");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml") && !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("/// The bundled corpus files: (file name, text).\npub(crate) const FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
    shared_data_cfgs(Path::new(&root));
    program_cfgs();
    chromium_cfg();
}

/// `cfg(networkx)` when `python3` can import networkx, which a test uses to read the GraphML
/// export, so that without it the test shows as ignored. Under CI it is always on (`.ci/run`
/// installs networkx when it is missing): a missing program is a failure there, not a skip.
fn program_cfgs() {
    let ci = env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    println!("cargo::rustc-check-cfg=cfg(networkx)");
    let networkx = std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ci || networkx {
        println!("cargo:rustc-cfg=networkx");
    }
}

/// `cfg(shared_data)` and `cfg(shared_sources)` when the shared test data is there (beside the
/// repository, or where `HISTORIOGRAPH_SHARED_DATA` and `HISTORIOGRAPH_SHARED_SOURCES` say), so
/// that the tests which need it show as ignored in the test summary on a fresh clone without
/// it. Under CI (`CI` set) both are always on: missing data is a failure there, not a skip.
fn shared_data_cfgs(root: &Path) {
    let ci = env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    println!("cargo:rerun-if-env-changed=CI");
    for (cfg, variable, folder) in [
        ("shared_data", "HISTORIOGRAPH_SHARED_DATA", "data"),
        ("shared_sources", "HISTORIOGRAPH_SHARED_SOURCES", "sources"),
    ] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        println!("cargo:rerun-if-env-changed={variable}");
        let dir = env::var_os(variable)
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| root.join("../shared").join(folder));
        println!("cargo:rerun-if-changed={}", dir.display());
        if ci || dir.is_dir() {
            println!("cargo:rustc-cfg={cfg}");
        }
    }
}

/// `cfg(chromium)` when Debian's Chromium is installed (or `HISTORIOGRAPH_CHROMIUM` names a
/// browser), so that the browser tests show as ignored without it; under CI always, so that a
/// missing browser fails there (`.ci/run` installs it).
fn chromium_cfg() {
    println!("cargo::rustc-check-cfg=cfg(chromium)");
    println!("cargo:rerun-if-env-changed=HISTORIOGRAPH_CHROMIUM");
    println!("cargo:rerun-if-changed=/usr/bin/chromium");
    let ci = env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    let named = env::var_os("HISTORIOGRAPH_CHROMIUM").is_some();
    if ci || named || Path::new("/usr/bin/chromium").exists() {
        println!("cargo:rustc-cfg=chromium");
    }
}
