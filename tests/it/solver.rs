//! The engines on every task: the SAT engine and the backtracking search against brute force
//! on random frameworks of up to 12 arguments; ICCMA certificates (`DC` YES witnesses, `DS`
//! NO counterexamples) checked independently of the library, in process and through the
//! command line; the deadline.

use std::time::{Duration, Instant};

use assert_cmd::Command;
use historiograph::iccma::{self, Format, Instance, Task};
use historiograph::{random_framework, Engine, Framework, Interrupted, Label, Semantics};
use proptest::prelude::*;

use crate::semantics::{brute_force, conflict_free, defended, is_stable, members, ALL};

const LABELS: [Label; 3] = [Label::In, Label::Out, Label::Undec];

/// The label of `a` when `ext` is the IN set of a complete extension.
fn label_in(af: &Framework, ext: &[u32], a: u32) -> Label {
    if ext.contains(&a) {
        Label::In
    } else if af.attackers(a).iter().any(|b| ext.contains(b)) {
        Label::Out
    } else {
        Label::Undec
    }
}

fn frameworks() -> impl Strategy<Value = Framework> {
    (1usize..=12)
        .prop_flat_map(|n| {
            (
                Just(n),
                proptest::collection::vec(0.0f64..1.0, n * n),
                0.05f64..0.45,
            )
        })
        .prop_map(|(n, coins, density)| crate::semantics::random_framework(n, &coins, density))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every task (`SE`, `DC`, `DS`, `EE`, every argument's labels, a labelling per label)
    /// under every semantics, on both engines, against subset enumeration.
    #[test]
    fn both_engines_agree_with_brute_force_on_every_task(af in frameworks()) {
        for semantics in ALL {
            let expected = brute_force(&af, semantics);
            for engine in [Engine::Sat, Engine::Search] {
                let r = af.reasoner().engine(engine);
                let ctx = format!("{semantics} {engine:?}");
                prop_assert_eq!(&r.extensions(semantics).unwrap(), &expected, "EE {}", &ctx);
                match r.some_extension(semantics).unwrap() {
                    Some(e) => prop_assert!(expected.contains(&e), "SE {}", &ctx),
                    None => prop_assert!(expected.is_empty(), "SE {}", &ctx),
                }
                let all = r.labels_of_all(semantics).unwrap();
                for a in 0..af.len() as u32 {
                    let labels: Vec<Label> = LABELS
                        .into_iter()
                        .filter(|&l| expected.iter().any(|e| label_in(&af, e, a) == l))
                        .collect();
                    prop_assert_eq!(&all[a as usize], &labels, "labels {} {}", &ctx, a);
                    let credulous = r.credulous(semantics, a).unwrap();
                    prop_assert_eq!(credulous.is_some(), labels.contains(&Label::In));
                    if let Some(w) = credulous {
                        prop_assert!(w.contains(&a) && expected.contains(&w), "DC {} {}", &ctx, a);
                    }
                    let counter = r.counterexample(semantics, a).unwrap();
                    prop_assert_eq!(counter.is_some(), expected.iter().any(|e| !e.contains(&a)));
                    if let Some(w) = counter {
                        prop_assert!(!w.contains(&a) && expected.contains(&w), "DS {} {}", &ctx, a);
                    }
                    for label in LABELS {
                        let found = r.labelling_with(semantics, a, label).unwrap();
                        prop_assert_eq!(found.is_some(), labels.contains(&label));
                        if let Some(l) = found {
                            let ins: Vec<u32> =
                                (0..af.len() as u32).filter(|&x| l[x as usize] == Label::In).collect();
                            prop_assert!(l[a as usize] == label && expected.contains(&ins));
                        }
                    }
                }
            }
        }
    }
}

/// Why `ext` is not a certificate of `semantics`, checked from the definitions: conflict-free,
/// defending its members, containing what it defends (complete), attacking every outsider
/// (stable), and for preferred ⊆-maximal: no non-empty admissible set among the arguments it
/// neither contains nor attacks (Baumann, Brewka and Ulbricht 2020), looked for by brute force
/// on up to 16 of them and as an argument IN in a complete labelling of that reduct beyond.
pub(crate) fn certificate_fault(
    af: &Framework,
    semantics: Semantics,
    ext: &[u32],
) -> Option<String> {
    let n = af.len();
    let mut set = vec![false; n];
    ext.iter().for_each(|&a| set[a as usize] = true);
    if !conflict_free(af, &set) {
        return Some("not conflict-free".into());
    }
    if let Some(a) = ext.iter().find(|&&a| !defended(af, &set, a)) {
        return Some(format!("does not defend its member {a}"));
    }
    if let Some(a) = (0..n as u32).find(|&a| !set[a as usize] && defended(af, &set, a)) {
        return Some(format!("defends {a} but leaves it out: not complete"));
    }
    if semantics == Semantics::Stable && !is_stable(af, &set) {
        return Some("leaves an argument neither in nor attacked: not stable".into());
    }
    if semantics != Semantics::Preferred {
        return None;
    }
    let attacked: Vec<bool> = (0..n as u32)
        .map(|a| af.attackers(a).iter().any(|&b| set[b as usize]))
        .collect();
    let rest: Vec<u32> = (0..n as u32)
        .filter(|&a| !set[a as usize] && !attacked[a as usize])
        .collect();
    let local = |a: u32| rest.binary_search(&a).ok().map(|i| i as u32);
    let reduct = Framework::new(
        rest.len(),
        rest.iter().flat_map(|&a| {
            af.targets(a)
                .iter()
                .filter_map(move |&b| Some((local(a)?, local(b)?)))
        }),
    );
    let grows = if rest.len() <= 16 {
        (1u32..1 << rest.len()).any(|bits| {
            let s: Vec<bool> = (0..rest.len()).map(|i| bits >> i & 1 == 1).collect();
            conflict_free(&reduct, &s) && members(&s).iter().all(|&a| defended(&reduct, &s, a))
        })
    } else {
        // Some argument of the reduct IN in a complete labelling: a different question from
        // the ones that produced the certificate, on a different framework.
        let labels = reduct
            .reasoner()
            .labels_of_all(Semantics::Complete)
            .unwrap();
        labels.iter().any(|l| l.contains(&Label::In))
    };
    grows.then(|| "a larger admissible set contains it: not preferred".into())
}

/// The arguments of a `w` line.
fn witness(instance: &Instance, line: &str) -> Vec<u32> {
    let mut ext: Vec<u32> = line
        .strip_prefix('w')
        .unwrap_or_else(|| panic!("expected a witness line `w ...`, found `{line}`"))
        .split_whitespace()
        .map(|a| instance.argument(a).expect("a witness names arguments"))
        .collect();
    ext.sort_unstable();
    ext
}

/// Checks one ICCMA answer: a `DC` YES has a witness line containing the query, a `DS` NO a
/// counterexample without it, an `SE` answer is a `w` line unless NO, each a certificate of
/// the semantics; the other answers are one line.
fn check_answer(instance: &Instance, task: &str, query: Option<u32>, out: &str) {
    let t: Task = task.parse().unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let line = match &task[..2] {
        "SE" => (lines != ["NO"]).then(|| lines[0]),
        "DC" if lines[0] == "YES" => Some(lines[1]),
        "DS" if lines[0] == "NO" => Some(lines[1]),
        _ => {
            assert_eq!(lines.len(), 1, "{task} {query:?}: {out}");
            None
        }
    };
    let Some(line) = line else { return };
    let ext = witness(instance, line);
    if let Some(q) = query {
        assert_eq!(
            ext.contains(&q),
            task.starts_with("DC"),
            "{task} {q}: {out}"
        );
    }
    if let Some(fault) = certificate_fault(&instance.framework, t.semantics, &ext) {
        panic!("{task} {query:?}: the certificate {ext:?} {fault}");
    }
}

const TASKS: [&str; 9] = [
    "DC-CO", "DS-CO", "DC-PR", "DS-PR", "DC-ST", "DS-ST", "SE-CO", "SE-PR", "SE-ST",
];

/// Every task through `historiograph iccma` on seeded random frameworks of 60 arguments, a
/// query per tenth argument: every certificate printed is checked, and both engines give the
/// same YES and NO.
#[test]
fn command_line_certificates_hold() {
    let dir = std::env::temp_dir().join(format!("historiograph-solver-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for seed in 1..=4 {
        let af = random_framework(60, 0.05, seed);
        let text = iccma::to_i23(&af);
        let path = dir.join(format!("seed{seed}.af"));
        std::fs::write(&path, &text).unwrap();
        let instance = Instance::parse(&text, Format::I23).unwrap();
        for task in TASKS {
            let queries: Vec<Option<u32>> = match task.starts_with("SE") {
                true => vec![None],
                false => (0..60).step_by(10).map(Some).collect(),
            };
            for q in queries {
                let run = |engine: &str| {
                    let mut cmd = Command::cargo_bin("historiograph").unwrap();
                    cmd.args(["iccma", "-p", task, "-f"]).arg(&path);
                    cmd.args(["--engine", engine]);
                    if let Some(q) = q {
                        cmd.args(["-a", &(q + 1).to_string()]);
                    }
                    let out = cmd.assert().success().get_output().stdout.clone();
                    String::from_utf8(out).unwrap()
                };
                let sat = run("sat");
                check_answer(&instance, task, q, &sat);
                let search = run("search");
                // SE answers are extensions, which may differ; NO must not.
                let answer = |out: &str| match out.lines().next() {
                    Some(l) if l.starts_with('w') => "w".to_string(),
                    l => l.unwrap_or_default().to_string(),
                };
                assert_eq!(answer(&sat), answer(&search), "{task} {q:?}");
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A deadline already past stops the SAT engine on a framework that needs search (a seeded
/// 1 000-argument one whose stable question takes many conflicts), and the solver interface
/// says so; without a deadline the same question is answered.
#[test]
fn a_passed_deadline_interrupts_the_sat_engine() {
    let af = random_framework(1000, 0.004, 2);
    let past = Instant::now() - Duration::from_secs(1);
    let r = af.reasoner().deadline(past);
    assert_eq!(r.counterexample(Semantics::Stable, 499), Err(Interrupted));
    let instance = Instance::parse(&iccma::to_i23(&af), Format::I23).unwrap();
    let task: Task = "DS-ST".parse().unwrap();
    let err = iccma::solve_with(&instance, task, Some("500"), Engine::Sat, Some(past)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no answer before the deadline: allow more time"
    );
    let later = Instant::now() + Duration::from_secs(600);
    assert!(af
        .reasoner()
        .deadline(later)
        .counterexample(Semantics::Stable, 499)
        .is_ok());
}

/// The seeded 1 000-argument frameworks of issue 22 (`random_framework(1000, p, seed)` for p =
/// 3/1000 and 4/1000, seeds 1 to 5): every answer agrees with crustabri 1.1.1's, checked in
/// at `tests/seeded/crustabri-answers.csv` with how they were obtained, and every certificate
/// holds.
#[test]
fn seeded_frameworks_agree_with_crustabri() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/seeded/crustabri-answers.csv"
    );
    let csv = std::fs::read_to_string(path).unwrap();
    let mut instances = std::collections::BTreeMap::new();
    let mut checked = 0;
    for row in csv.lines().filter(|l| !l.starts_with('#')) {
        let [per_mille, seed, task, query, answer] = row.split(';').collect::<Vec<_>>()[..] else {
            panic!("expected per_mille;seed;task;query;answer, found `{row}`");
        };
        let key: (u32, u64) = (per_mille.parse().unwrap(), seed.parse().unwrap());
        let instance = instances.entry(key).or_insert_with(|| {
            let af = random_framework(1000, f64::from(key.0) / 1000.0, key.1);
            Instance::parse(&iccma::to_i23(&af), Format::I23).unwrap()
        });
        let query = (query != "-").then_some(query);
        let out = iccma::solve(instance, task.parse().unwrap(), query).unwrap();
        let first = out.lines().next().unwrap();
        let got = if first.starts_with('w') { "w" } else { first };
        assert_eq!(got, answer, "{row}");
        let q = query.map(|q| instance.argument(q).unwrap());
        check_answer(instance, task, q, &out);
        checked += 1;
    }
    assert_eq!(checked, 120);
}
