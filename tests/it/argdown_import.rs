//! Argdown import: every sample file of the shared data, our own Argdown export back, and
//! clear errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use assert_cmd::Command;
use historiograph::{
    export, ArgdownImport, Corpus, Debate, ExportOptions, Format, ImportError, UndercutTarget,
};

use crate::support::{corpus_dir, shared_data};

/// Every Argdown file of the shared data, sorted.
fn files() -> Vec<PathBuf> {
    let Some(dir) = shared_data("argdown") else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "argdown"))
        .collect();
    out.sort();
    assert_eq!(out.len(), 9, "the shared data holds 9 Argdown files");
    out
}

/// The titles defined in a file (`[Title]: …` and `<Title>: …` at the start of a line or
/// after a relation marker), found by a scan of our own; comments are not looked into.
fn defined(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut statements, mut arguments) = (BTreeSet::new(), BTreeSet::new());
    let mut in_comment = false;
    for line in text.lines() {
        let t = line.trim();
        if in_comment {
            in_comment = !(t.contains("*/") || t.contains("-->"));
            continue;
        }
        if t.starts_with("/*") || t.starts_with("<!--") {
            in_comment = !(t.contains("*/") || t.contains("-->"));
            continue;
        }
        let t = t.trim_start_matches(['+', '-', '<', '>', '_', ' ']);
        let t = match t.strip_prefix('(') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => {
                rest.split_once(')').map_or(t, |(_, r)| r.trim())
            }
            _ => t,
        };
        for (open, close, set) in [('[', "]:", &mut statements), ('<', ">:", &mut arguments)] {
            if let Some(rest) = t.strip_prefix(open) {
                if let Some((title, _)) = rest.split_once(close) {
                    set.insert(title.trim().to_string());
                }
            }
        }
    }
    (statements, arguments)
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn every_sample_file_imports_and_loads() {
    for path in files() {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = ArgdownImport::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let corpus = imported
            .corpus()
            .unwrap_or_else(|e| panic!("{name}: {e}: {:#?}", e.diagnostics));
        let s = &imported.summary;
        for (row, tally) in s.tallies() {
            assert!(tally.adds_up(), "{name} {row}: {s}");
            // Nothing in the samples breaks the corpus format's rules (an argument's support
            // of its own conclusion, which its structure already says, is no refusal).
            assert_eq!(tally.refused, 0, "{name} {row}: {s}");
        }
        assert_eq!(s.claims, corpus.claims.len(), "{name}");
        let notes: String = (corpus.claims.iter())
            .filter_map(|c| c.notes.as_deref())
            .collect::<Vec<_>>()
            .join("\n");
        let (statements, arguments) = defined(&text);
        assert!(!statements.is_empty() || !arguments.is_empty(), "{name}");
        for title in statements {
            assert!(
                notes.contains(&format!("Argdown statement [{title}]")),
                "{name}: [{title}]"
            );
        }
        for title in arguments {
            assert!(
                notes.contains(&format!("Argdown argument <{title}>")),
                "{name}: <{title}>"
            );
        }
        // Relations made are the summary's.
        let made: usize = (corpus.claims.iter())
            .map(|c| c.supports.len() + c.contradicts.len() + c.undercuts.len())
            .sum();
        assert_eq!(made, s.supports + s.contradicts + s.undercuts, "{name}");
        // The import is a debate the queries run on.
        Debate::new(corpus);
    }
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn semmelweis_has_its_rival_hypotheses_and_ten_reconstructed_arguments() {
    let Some(dir) = shared_data("argdown") else {
        return;
    };
    let imported = ArgdownImport::read(dir.join("semmelweis_betz.argdown")).unwrap();
    let corpus = imported.corpus().unwrap();
    let h1 = corpus.claim("epidemic-influence-hypothesis").unwrap();
    assert_eq!(
        h1.contradicts,
        [
            "rough-examination-hypothesis",
            "cadavric-substance-hypothesis"
        ]
    );
    assert_eq!(&*h1.locator.clone().unwrap(), "Three Rival Hypotheses");
    assert!(h1.notes.as_deref().unwrap().contains("#(H1)"));
    assert_eq!(imported.summary.arguments_found.total, 10);
    // Each of the ten arguments has three or more premises: ten linked arguments, by name.
    let names: BTreeSet<&str> = (corpus.claims.iter())
        .flat_map(|c| c.arguments.iter().filter_map(|a| a.id.as_deref()))
        .collect();
    assert_eq!(names.len(), 10, "{names:?}");
    let exposition = corpus.claim("difference-between-divisions").unwrap();
    let first = &exposition.arguments[0];
    assert_eq!(first.id.as_deref(), Some("epidemic-exposition-1"));
    assert_eq!(first.premises.len(), 3);
    assert_eq!(first.premises[0], "epidemic-influence-hypothesis");
    // The contrary relation `><` contradicts both ways.
    assert_eq!(imported.summary.relations["contrary"].mapped, 1);
}

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data (or HISTORIOGRAPH_SHARED_DATA)"
)]
fn undercuts_of_sketched_arguments_are_noted_with_what_they_are() {
    let Some(dir) = shared_data("argdown") else {
        return;
    };
    let imported = ArgdownImport::read(dir.join("legalisation-softdrugs.argdown")).unwrap();
    let undercuts = imported.summary.relations["undercut"];
    assert_eq!((undercuts.total, undercuts.noted), (2, 2));
    let corpus = imported.corpus().unwrap();
    let poor = corpus.claim("poor-reason").unwrap();
    assert!(poor
        .notes
        .as_deref()
        .unwrap()
        .contains("not mapped: Argdown undercut at line 82: an undercut of <"));
}

/// The claims' relations as sets: `(id, relation, target)`.
fn relations(corpus: &Corpus) -> BTreeSet<(String, &'static str, String)> {
    let mut out = BTreeSet::new();
    for c in &corpus.claims {
        let id = c.id.to_string();
        for s in &c.supports {
            out.insert((id.clone(), "supports", s.to_string()));
        }
        for s in &c.contradicts {
            out.insert((id.clone(), "contradicts", s.to_string()));
        }
        for a in &c.arguments {
            let premises: BTreeSet<String> = a.premises.iter().map(|p| p.to_string()).collect();
            let name = a.id.as_deref().unwrap_or("").to_string();
            out.insert((id.clone(), "argument", format!("{name} {premises:?}")));
        }
        for u in &c.undercuts {
            if let UndercutTarget::Argument(a) = &u.target {
                out.insert((id.clone(), "undercuts", a.to_string()));
            }
        }
    }
    out
}

/// Export → import: every claim comes back with its id, statement and school, and the
/// relations between claims (supports, contradicts, linked arguments by name, undercuts of
/// arguments) are the same.
fn round_trip(corpus: Corpus) {
    let debate = Debate::new(corpus.clone());
    let text = export(&debate, Format::Argdown, &ExportOptions::default()).unwrap();
    let imported = ArgdownImport::from_text("back", &text).unwrap();
    let back = imported
        .corpus()
        .unwrap_or_else(|e| panic!("{e}: {:#?}\n{}", e.diagnostics, imported.yaml));
    for claim in &corpus.claims {
        let other = back
            .claim(&claim.id)
            .unwrap_or_else(|| panic!("{}", claim.id));
        assert_eq!(other.statement, claim.statement);
        assert_eq!(other.school, claim.school, "{}", claim.id);
    }
    let claims: BTreeSet<&str> = corpus.claims.iter().map(|c| c.id.as_str()).collect();
    let among_claims = |set: BTreeSet<(String, &'static str, String)>| {
        set.into_iter()
            .filter(|(from, relation, to)| {
                claims.contains(from.as_str())
                    && (*relation != "supports" && *relation != "contradicts"
                        || claims.contains(to.as_str()))
            })
            .collect::<BTreeSet<_>>()
    };
    // Linked arguments without a name come back named after the export's inference.
    let unnamed = |set: BTreeSet<(String, &'static str, String)>| {
        set.into_iter()
            .map(|(f, r, t)| match r {
                "argument" => (f, r, t.split_once(' ').unwrap().1.to_string()),
                _ => (f, r, t),
            })
            .collect::<BTreeSet<_>>()
    };
    let expected = unnamed(among_claims(relations(&corpus)));
    let found = unnamed(among_claims(relations(&back)));
    assert_eq!(found, expected);
    // Documents come back as claims that support what they back.
    for document in &corpus.documents {
        assert!(back.claim(&document.id).is_some(), "{}", document.id);
    }
    let named: BTreeMap<String, String> = relations(&corpus)
        .into_iter()
        .chain(relations(&back))
        .filter(|(_, r, _)| *r == "undercuts")
        .map(|(f, _, t)| (f, t))
        .collect();
    for (from, target) in named {
        let c = back.claim(&from).unwrap();
        assert!(
            c.undercuts
                .iter()
                .any(|u| u.target == UndercutTarget::Argument(target.as_str().into())),
            "{from} undercuts {target}"
        );
    }
}

#[test]
fn our_argdown_export_comes_back() {
    round_trip(Corpus::bundled());
    let dir = corpus_dir("linked-arguments");
    let corpus = Corpus::load(&dir).unwrap();
    round_trip(corpus);
}

#[test]
fn bad_argdown_gets_a_clear_error() {
    let err = |text: &str| {
        ArgdownImport::from_text("bad", text)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err("[A]: a\n/* never closed\n"),
        "cannot read the Argdown at line 2: expected the comment opened here to end with `*/`, \
         found the end of the file"
    );
    assert_eq!(
        err("===\ntitle: x\n[A]: a\n"),
        "cannot read the Argdown at line 1: expected the front matter opened here to end with a \
         `===` line, found the end of the file"
    );
    assert_eq!(
        err("<A>\n\n(1) p\n(2) q\n----\n"),
        "cannot read the Argdown at line 5: expected a conclusion `(n) …` after the inference \
         bar, found none"
    );
    assert_eq!(
        err("\n// only a comment\n"),
        "cannot read the Argdown at line 1: expected statements (`[Title]: text`) or arguments \
         (`<Title>: text`), found none"
    );
    assert_eq!(
        err("  + [B]\n"),
        "cannot read the Argdown at line 1: expected a statement or argument above this `+` \
         relation (less indented), found none"
    );
    assert!(matches!(
        ArgdownImport::read("/no/such/file.argdown"),
        Err(ImportError::Read { .. })
    ));
}

#[test]
fn a_small_map_maps_as_documented() {
    let text = "\
# Causes
[War]: Stalin wanted war. #orthodox #early
  + <Telegram>: The telegram says so.
  - [Caution]: Stalin was cautious. #(Post-revisionist)
  >< [Peace]: Stalin wanted peace.

<Linked>

(1) [Caution]
(2) [Peace]
-- because --
(3) [Restraint]: He held Kim back.

[Skeptic]: The reading of the telegram is strained.
  _> <Linked>
  +> [War]
";
    let imported = ArgdownImport::from_text("m", text).unwrap();
    let corpus = imported.corpus().unwrap();
    let claim = |id: &str| corpus.claim(id).unwrap();
    assert_eq!(claim("war").school.as_deref(), Some("orthodox"));
    assert_eq!(claim("caution").school.as_deref(), Some("post-revisionist"));
    assert_eq!(&*claim("war").locator.clone().unwrap(), "Causes");
    assert!(claim("war")
        .notes
        .as_deref()
        .unwrap()
        .contains("Argdown tags: #(early)"));
    assert_eq!(claim("telegram").supports, ["war"]);
    assert_eq!(claim("caution").contradicts, ["war"]);
    assert_eq!(claim("war").contradicts, ["peace"]);
    assert_eq!(claim("peace").contradicts, ["war"]);
    let restraint = claim("restraint");
    assert_eq!(restraint.arguments[0].id.as_deref(), Some("linked"));
    assert_eq!(restraint.arguments[0].premises, ["caution", "peace"]);
    assert!(restraint.arguments[0]
        .note
        .as_deref()
        .unwrap()
        .contains("inference rule: because"));
    assert_eq!(
        claim("skeptic").undercuts[0].target,
        UndercutTarget::Argument("linked".into())
    );
    assert_eq!(claim("skeptic").supports, ["war"]);
    let s = &imported.summary;
    assert_eq!(
        (
            s.claims,
            s.supports,
            s.contradicts,
            s.arguments,
            s.undercuts
        ),
        (6, 2, 3, 1, 1)
    );
    assert_eq!((s.tags.total, s.tags.mapped, s.tags.noted), (3, 2, 1));
}

#[test]
fn cli_imports_argdown_and_refuses_to_overwrite() {
    let dir = std::env::temp_dir().join(format!("historiograph-argdown-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("small.argdown");
    std::fs::write(&file, "[A]: a\n  + [B]: b\n").unwrap();
    let out = dir.join("corpus");
    let run = || {
        Command::cargo_bin("historiograph")
            .unwrap()
            .args(["import", "argdown"])
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .assert()
    };
    let first = run().success();
    let stderr = String::from_utf8(first.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("imported small: 2 claims, 1 supports"),
        "{stderr}"
    );
    let corpus = Corpus::load(&out).unwrap();
    assert_eq!(corpus.claim("b").unwrap().supports, ["a"]);
    let again = run().code(1);
    let stderr = String::from_utf8(again.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("expected a new or empty folder"),
        "{stderr}"
    );
    // Under --json, the summary and the files written on standard output.
    let fresh = dir.join("json");
    let out = Command::cargo_bin("historiograph")
        .unwrap()
        .args(["--json", "import", "argdown"])
        .arg(&file)
        .arg("-o")
        .arg(&fresh)
        .assert()
        .success();
    let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(value["summary"]["claims"], 2);
    assert_eq!(value["summary"]["relations"]["support"]["mapped"], 1);
    assert_eq!(value["written"].as_array().unwrap().len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any text of Argdown's pieces either imports as a corpus that loads, or is refused with
    /// a line number; never a panic.
    #[test]
    fn any_argdown_imports_as_a_valid_corpus_or_is_refused(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "[A]: a", "[B]: b #orthodox", "[A]", "<P>: p", "<P>", "<Q>", "text here",
                "(1) [A]", "(2) [B]", "(1) [A]: again", "(3) [C]", "----", "-- rule --", "--",
                "  + [B]", "  - [A]", "  <+ <P>", "  <- <Q>", "  +> [C]", "  -> <P>",
                "  >< [B]", "  _> <P>", "  <_ <Q>", "    + [D] #(x y)", "# Heading",
                "## Sub", "/* c */", "<!-- c -->", "// c", "* item", "1. item", "",
                "===", "title: t", "<P>\n\n(1) [A]\n(2) [A]\n(3) [B]\n----\n(4) [C]",
                "<Q>\n\n(1) [C]\n(2) [D]\n----\n(3) [A]\n(4) [E]\n----\n(5) [C]",
            ]),
            0..24,
        )
    ) {
        let text = pieces.join("\n");
        match ArgdownImport::from_text("any", &text) {
            Ok(imported) => {
                let loaded = imported.corpus();
                proptest::prop_assert!(loaded.is_ok(), "{text}\n---\n{}\n{:?}", imported.yaml, loaded.err());
            }
            Err(ImportError::Argdown(e)) => proptest::prop_assert!(e.line >= 1, "{e}"),
            Err(e) => proptest::prop_assert!(false, "{e}"),
        }
    }
}
