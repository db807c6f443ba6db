//! Argumentation semantics: ICCMA reference answers, a brute-force reference on random
//! frameworks, and the grounded labelling of a long chain.

use std::collections::BTreeSet;
use std::path::Path;

use historiograph::iccma::{self, Format, Instance, Task};
use historiograph::{Framework, Label, Semantics};
use proptest::prelude::*;

use crate::support::shared_data;

pub(crate) const ALL: [Semantics; 4] = [
    Semantics::Grounded,
    Semantics::Complete,
    Semantics::Preferred,
    Semantics::Stable,
];

pub(crate) fn read_instance(path: &Path) -> Instance {
    let text = std::fs::read_to_string(path).unwrap();
    Instance::parse(&text, Format::of(path, &text))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An ICCMA 2015 `EE` answer, `[[a,b],[],[c]]`, as a set of sets of names; tolerant of spaces
/// and line breaks.
fn parse_ee(text: &str) -> BTreeSet<BTreeSet<String>> {
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = flat
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or_else(|| panic!("not an EE answer: {text}"));
    if inner.is_empty() {
        return BTreeSet::new();
    }
    inner
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap()
        .split("],[")
        .map(|ext| {
            ext.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn named(instance: &Instance, exts: &[Vec<u32>]) -> BTreeSet<BTreeSet<String>> {
    exts.iter()
        .map(|e| {
            e.iter()
                .map(|&a| instance.names[a as usize].clone())
                .collect()
        })
        .collect()
}

fn suffix(semantics: Semantics) -> &'static str {
    match semantics {
        Semantics::Grounded => "GR",
        Semantics::Complete => "CO",
        Semantics::Preferred => "PR",
        Semantics::Stable => "ST",
    }
}

/// Every `EE-GR/CO/PR/ST` reference answer of asgl/ and probo/ (the probo ones from both the
/// `.apx` and the `.tgf` file), through `extensions` and through the `EE` solver output.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn iccma15_reference_extensions_are_reproduced() {
    let Some(dir) = shared_data("iccma") else {
        return;
    };
    let mut checked = 0;
    for folder in ["asgl", "probo"] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("apx" | "tgf")))
            .collect();
        files.sort();
        for file in files {
            let instance = read_instance(&file);
            for semantics in ALL {
                // asgl: name.EE-XX; probo: name.apx.EE-XX (for the .tgf too).
                let stem = file.with_extension("");
                let answer = [
                    format!("{}.EE-{}", stem.display(), suffix(semantics)),
                    format!("{}.apx.EE-{}", stem.display(), suffix(semantics)),
                ]
                .into_iter()
                .find(|p| Path::new(p).exists())
                .unwrap_or_else(|| panic!("no reference answer for {}", file.display()));
                let expected = parse_ee(&std::fs::read_to_string(&answer).unwrap());
                let got = named(&instance, &instance.framework.extensions(semantics));
                assert_eq!(got, expected, "{} {semantics}", file.display());
                let task: Task = format!("EE-{}", suffix(semantics)).parse().unwrap();
                let printed = iccma::solve(&instance, task, None).unwrap();
                assert_eq!(
                    parse_ee(&printed),
                    expected,
                    "{} {semantics}",
                    file.display()
                );
                checked += 1;
            }
        }
    }
    // 29 asgl instances + 3 probo instances in two formats, 4 semantics each.
    assert_eq!(checked, (29 + 3 * 2) * 4);
}

/// The grounded extensions in iccma23/computed/, in ICCMA 2023 `SE-GR` output form.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn iccma23_grounded_extensions_are_reproduced() {
    let Some(dir) = shared_data("iccma") else {
        return;
    };
    let computed = dir.join("iccma23/computed");
    let mut answers: Vec<_> = std::fs::read_dir(&computed)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    answers.sort();
    assert_eq!(answers.len(), 6);
    for answer in answers {
        let name = answer.file_stem().unwrap();
        let instance = read_instance(&dir.join("iccma23").join(name));
        let got = iccma::solve(&instance, "SE-GR".parse().unwrap(), None).unwrap();
        let expected = std::fs::read_to_string(&answer).unwrap();
        assert_eq!(got.trim_end(), expected.trim_end(), "{}", answer.display());
    }
}

/// The rows of iccma23/reference_answers.csv for the tasks this solver has (DC-CO, DC-ST,
/// DS-PR, DS-ST). Left out, as the data README says: admbuster_50000 (its row is wrong for the
/// file). Left out because no solver we have decides it in the test budget: st_890_86_9_572, a
/// dense random framework (890 arguments, 37 125 attacks). Its 743 arguments left UNDEC by the
/// grounded labelling form a random digraph (26 140 attacks, density 0.047) at the threshold
/// where stable extensions appear (in a G(n, p) digraph of that size and density the expected
/// number of them peaks at e^-0.25, at size 54).
/// DC-CO needs a proof that no admissible set contains argument 855, and DS-ST (and DS-PR's
/// certificate) a stable or preferred extension or a proof that there is none. The backtracking
/// search does not finish in minutes; CaDiCaL 1.5.3 (a C CDCL solver) gives no answer in
/// 300 s of CPU time to either "admissible with 855" or "stable without 855", nor do batsat,
/// varisat and splr in 60 s. Its rows are also inconsistent as given: a stable extension
/// without 855 (DS-ST False) and none with it (DC-ST False) would make the stage extensions the
/// stable ones, yet DC-STG is True; they agree only if there is no stable extension and DS-ST
/// answers NO then, against the ICCMA convention we follow. Semi-stable, stage and ideal tasks
/// are not implemented.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn iccma23_reference_answers_are_reproduced() {
    let Some(dir) = shared_data("iccma") else {
        return;
    };
    let dir = dir.join("iccma23");
    let csv = std::fs::read_to_string(dir.join("reference_answers.csv")).unwrap();
    let mut checked = 0;
    for row in csv.lines() {
        let [task, file, query, answer] = row.split(';').collect::<Vec<_>>()[..] else {
            panic!("bad row {row}");
        };
        let supported = ["DC-CO", "DC-ST", "DS-PR", "DS-ST"].contains(&task);
        let skipped = ["admbuster_50000.af", "st_890_86_9_572.af"].contains(&file);
        if !supported || skipped {
            continue;
        }
        let instance = read_instance(&dir.join(file));
        let out = iccma::solve(&instance, task.parse().unwrap(), Some(query)).unwrap();
        let expected = if answer == "True" { "YES" } else { "NO" };
        assert_eq!(out.lines().next(), Some(expected), "{task} {file} {query}");
        check_certificate(&instance, task, query, &out);
        checked += 1;
    }
    assert_eq!(checked, 4 * 4);
}

/// A `w` line must be an extension of the task's semantics that contains the query (DC) or
/// does not (DS).
fn check_certificate(instance: &Instance, task: &str, query: &str, out: &str) {
    let Some(w) = out.lines().nth(1) else {
        return;
    };
    let ext: Vec<u32> = w
        .strip_prefix('w')
        .unwrap()
        .split_whitespace()
        .map(|a| instance.argument(a).unwrap())
        .collect();
    let q = instance.argument(query).unwrap();
    assert_eq!(
        ext.contains(&q),
        task.starts_with("DC"),
        "{task} {query}: {w}"
    );
    let af = &instance.framework;
    let mut member = vec![false; af.len()];
    ext.iter().for_each(|&a| member[a as usize] = true);
    assert!(
        is_complete(af, &member),
        "{task}: certificate is not complete"
    );
    if task.ends_with("ST") {
        assert!(is_stable(af, &member), "{task}: certificate is not stable");
    }
    if task.ends_with("PR") {
        let fault = crate::solver::certificate_fault(af, Semantics::Preferred, &ext);
        assert_eq!(fault, None, "{task} {query}: {w}");
    }
}

/// A 10 000-argument attack chain 0 → 1 → … → 9 999: the grounded labelling alternates IN, OUT.
/// (The quadratic fixpoint would take 10 000 rounds here; the queue takes one pass.)
#[test]
fn grounded_labels_a_long_chain_alternately() {
    let n = 10_000u32;
    let af = Framework::new(n as usize, (0..n - 1).map(|i| (i, i + 1)));
    let labels = af.grounded();
    for (i, l) in labels.iter().enumerate() {
        let expected = if i % 2 == 0 { Label::In } else { Label::Out };
        assert_eq!(*l, expected, "argument {i}");
    }
    assert_eq!(af.grounded_extension().len(), 5_000);
}

#[test]
fn a_cycle_of_three_has_no_stable_extension_and_an_empty_preferred_one() {
    let af = Framework::new(3, [(0, 1), (1, 2), (2, 0)]);
    assert_eq!(af.extensions(Semantics::Stable), Vec::<Vec<u32>>::new());
    assert_eq!(af.extensions(Semantics::Preferred), vec![Vec::<u32>::new()]);
    assert_eq!(af.some_extension(Semantics::Stable), None);
    // No stable extension: skeptical acceptance holds vacuously.
    assert_eq!(af.counterexample(Semantics::Stable, 0), None);
    assert_eq!(af.labels_of(Semantics::Stable, 0), Vec::<Label>::new());
    assert_eq!(af.labels_of(Semantics::Preferred, 0), vec![Label::Undec]);
}

#[test]
fn malformed_files_are_reported_with_their_line() {
    let cases = [
        (
            "# c\np af 2\n1 2\n2 3\n",
            Format::I23,
            "line 4: expected an argument between 1 and 2, found `3`",
        ),
        (
            "p af x\n",
            Format::I23,
            "line 1: expected a number of arguments, found `x`",
        ),
        (
            "1 2\n",
            Format::I23,
            "line 1: expected `p af N`, found `1 2`",
        ),
        (
            "p af 2\n1 2 3\n",
            Format::I23,
            "line 2: expected an attack `i j`, found `1 2 3`",
        ),
        (
            "arg(a).\natt(a,b).\n",
            Format::Apx,
            "line 2: expected a declared argument, found `b`",
        ),
        (
            "arg(a).\nattack(a,a).\n",
            Format::Apx,
            "line 2: expected `arg(a).` or `att(a,b).`, found `attack(a,a).`",
        ),
        (
            "a\nb\n#\na c\n",
            Format::Tgf,
            "line 4: expected a declared argument, found `c`",
        ),
        (
            "a\n#\na\n",
            Format::Tgf,
            "line 3: expected an attack `a b`, found `a`",
        ),
    ];
    for (text, format, expected) in cases {
        let err = Instance::parse(text, format).unwrap_err();
        assert_eq!(err.to_string(), expected, "{text:?}");
    }
}

#[test]
fn iccma_output_follows_the_2023_rules() {
    // 1 ⇄ 2, 2 → 3: preferred {1,3} and {2}.
    let instance = Instance::parse("p af 3\n1 2\n2 1\n2 3\n", Format::I23).unwrap();
    let solve = |task: &str, a: Option<&str>| iccma::solve(&instance, task.parse().unwrap(), a);
    assert_eq!(solve("SE-GR", None).unwrap(), "w\n");
    assert_eq!(solve("DC-PR", Some("3")).unwrap(), "YES\nw 1 3\n");
    assert_eq!(solve("DS-PR", Some("3")).unwrap(), "NO\nw 2\n");
    assert_eq!(solve("DS-CO", Some("1")).unwrap(), "NO\nw\n");
    assert_eq!(solve("EE-ST", None).unwrap(), "[[1,3],[2]]\n");
    assert_eq!(solve("EE-CO", None).unwrap(), "[[],[1,3],[2]]\n");
    let odd = Instance::parse("p af 1\n1 1\n", Format::I23).unwrap();
    let task = |t: &str| t.parse::<Task>().unwrap();
    assert_eq!(iccma::solve(&odd, task("SE-ST"), None).unwrap(), "NO\n");
    assert_eq!(
        iccma::solve(&odd, task("DS-ST"), Some("1")).unwrap(),
        "YES\n"
    );
    assert_eq!(
        solve("DC-CO", Some("9")).unwrap_err().to_string(),
        "unknown argument `9`: the framework has no argument of that name"
    );
    assert!("XX-PR".parse::<Task>().is_err());
}

// ---- brute force: subsets, only here -------------------------------------------------------

pub(crate) fn attacks(af: &Framework, set: &[bool], a: u32) -> bool {
    af.attackers(a).iter().any(|&b| set[b as usize])
}

pub(crate) fn conflict_free(af: &Framework, set: &[bool]) -> bool {
    (0..af.len() as u32).all(|a| !set[a as usize] || !attacks(af, set, a))
}

pub(crate) fn defended(af: &Framework, set: &[bool], a: u32) -> bool {
    af.attackers(a).iter().all(|&b| attacks(af, set, b))
}

pub(crate) fn is_complete(af: &Framework, set: &[bool]) -> bool {
    conflict_free(af, set) && (0..af.len() as u32).all(|a| set[a as usize] == defended(af, set, a))
}

pub(crate) fn is_stable(af: &Framework, set: &[bool]) -> bool {
    conflict_free(af, set) && (0..af.len() as u32).all(|a| set[a as usize] || attacks(af, set, a))
}

pub(crate) fn members(set: &[bool]) -> Vec<u32> {
    (0..set.len() as u32).filter(|&a| set[a as usize]).collect()
}

pub(crate) fn subset(x: &[u32], y: &[u32]) -> bool {
    x.iter().all(|a| y.contains(a))
}

/// Every extension by subset enumeration: complete = conflict-free fixpoints of the
/// characteristic function, preferred = ⊆-maximal complete, stable = conflict-free and
/// attacking every outsider, grounded = the least complete.
pub(crate) fn brute_force(af: &Framework, semantics: Semantics) -> Vec<Vec<u32>> {
    let n = af.len();
    let sets: Vec<Vec<bool>> = (0u32..1 << n)
        .map(|bits| (0..n).map(|i| bits >> i & 1 == 1).collect())
        .collect();
    let complete: Vec<Vec<u32>> = sets
        .iter()
        .filter(|s| is_complete(af, s))
        .map(|s| members(s))
        .collect();
    let mut out: Vec<Vec<u32>> = match semantics {
        Semantics::Complete => complete,
        Semantics::Grounded => complete
            .iter()
            .filter(|x| complete.iter().all(|y| subset(x, y)))
            .cloned()
            .collect(),
        Semantics::Preferred => complete
            .iter()
            .filter(|x| !complete.iter().any(|y| y.len() > x.len() && subset(x, y)))
            .cloned()
            .collect(),
        Semantics::Stable => sets
            .iter()
            .filter(|s| is_stable(af, s))
            .map(|s| members(s))
            .collect(),
    };
    out.sort();
    out
}

/// A framework of `n` arguments with the attack `(k / n, k % n)` wherever `coins[k] < density`.
pub(crate) fn random_framework(n: usize, coins: &[f64], density: f64) -> Framework {
    let attacks = (0..n * n)
        .filter(|&k| coins[k] < density)
        .map(|k| ((k / n) as u32, (k % n) as u32));
    Framework::new(n, attacks)
}

fn frameworks() -> impl Strategy<Value = Framework> {
    (1usize..=10)
        .prop_flat_map(|n| {
            let pairs = n * n;
            (
                Just(n),
                proptest::collection::vec(0.0f64..1.0, pairs),
                0.05f64..0.45,
            )
        })
        .prop_map(|(n, coins, density)| random_framework(n, &coins, density))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The searches agree with subset enumeration on every semantics, and each argument's
    /// credulous and skeptical answers and labels agree with the extensions.
    #[test]
    fn search_agrees_with_brute_force(af in frameworks()) {
        for semantics in ALL {
            let expected = brute_force(&af, semantics);
            prop_assert_eq!(&af.extensions(semantics), &expected, "{}", semantics);
            for a in 0..af.len() as u32 {
                let in_some = expected.iter().any(|e| e.contains(&a));
                let out_of_some = expected.iter().any(|e| !e.contains(&a));
                let credulous = af.credulous(semantics, a);
                prop_assert_eq!(credulous.is_some(), in_some, "credulous {} {}", semantics, a);
                if let Some(w) = credulous {
                    prop_assert!(w.contains(&a) && expected.contains(&w));
                }
                let counter = af.counterexample(semantics, a);
                prop_assert_eq!(counter.is_some(), out_of_some, "skeptical {} {}", semantics, a);
                if let Some(w) = counter {
                    prop_assert!(!w.contains(&a) && expected.contains(&w));
                }
                let labels = af.labels_of(semantics, a);
                prop_assert_eq!(labels.contains(&Label::In), in_some);
            }
        }
        if let Some(e) = af.some_extension(Semantics::Preferred) {
            prop_assert!(brute_force(&af, Semantics::Preferred).contains(&e));
        }
    }

    /// Grounded is conflict-free and complete; preferred extensions are complete and
    /// ⊆-maximal; stable extensions are preferred.
    #[test]
    fn semantics_properties_hold(af in frameworks()) {
        let set = |e: &[u32]| {
            let mut s = vec![false; af.len()];
            e.iter().for_each(|&a| s[a as usize] = true);
            s
        };
        let grounded = af.grounded_extension();
        prop_assert!(conflict_free(&af, &set(&grounded)) && is_complete(&af, &set(&grounded)));
        let complete = af.extensions(Semantics::Complete);
        let preferred = af.extensions(Semantics::Preferred);
        for p in &preferred {
            prop_assert!(is_complete(&af, &set(p)));
            prop_assert!(!complete.iter().any(|c| c.len() > p.len() && subset(p, c)));
        }
        for s in af.extensions(Semantics::Stable) {
            prop_assert!(preferred.contains(&s));
        }
    }
}

/// Larger frameworks, 11 and 12 arguments: a few cases, since brute force is 4 096 subsets.
#[test]
fn search_agrees_with_brute_force_on_twelve_arguments() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(12));
    let strategy = (
        11usize..=12,
        proptest::collection::vec(0.0f64..1.0, 144),
        0.1f64..0.4,
    )
        .prop_map(|(n, coins, density)| random_framework(n, &coins, density));
    runner
        .run(&strategy, |af| {
            for semantics in ALL {
                prop_assert_eq!(af.extensions(semantics), brute_force(&af, semantics));
            }
            Ok(())
        })
        .unwrap();
}
