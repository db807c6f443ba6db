//! The subcommands that write files: `fmt`, `generate`, `notebook -o` and `import`.

use historiograph::files::{self, Existing, Expect, Snapshot};

use crate::*;

/// The failure to write `path`; where something is in the way and `force` would replace it,
/// the message says so.
fn write_failure(path: &Path, e: std::io::Error, force: bool) -> Failure {
    let hint = if force && e.kind() == std::io::ErrorKind::AlreadyExists {
        "\n  = hint: pass --force to replace it"
    } else {
        ""
    };
    let message = format!("cannot write `{}`: {e}", path.display());
    Failure::with_text(
        format!("error: {message}{hint}\n"),
        json!({ "error": message, "file": path_json(path) }),
    )
}

/// What `--force` allows for an output folder.
fn existing(force: bool) -> Existing {
    if force {
        Existing::Replace
    } else {
        Existing::Refuse
    }
}

/// `notebook`: the rendered notebook on standard output, or written to `output`. Under --json,
/// `{"notebook", "rendered"}` or `{"notebook", "written"}`.
pub(crate) fn notebook(
    corpus: Corpus,
    file: &Path,
    output: Option<&Path>,
    json: bool,
) -> Result<(), Failure> {
    let limit = historiograph::MAX_NOTEBOOK_BYTES;
    let text = files::read_text_limited(file, limit).map_err(|e| {
        Failure::new(format!(
            "cannot read the notebook `{}`: {e}",
            file.display()
        ))
        .with("notebook", path_json(file))
    })?;
    let debate = Debate::new(corpus);
    let rendered = render_notebook(&text, &debate).map_err(|errors| {
        let lines: String = errors
            .iter()
            .map(|e| format!("{}:{}: error: {}\n", file.display(), e.line, e.message))
            .collect();
        let problems: Vec<Value> = errors
            .iter()
            .map(|e| json!({ "line": e.line, "message": e.message }))
            .collect();
        let json = json!({
            "error": "invalid notebook",
            "notebook": path_json(file),
            "problems": problems,
        });
        Failure::with_text(lines, json)
    })?;
    match output {
        Some(out) => {
            // Written back in place, the notebook must still be as it was read.
            let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b);
            let expect = if same(file, out) {
                Expect::Unchanged(Snapshot::of(text.as_bytes()))
            } else {
                Expect::Any
            };
            files::replace(out, rendered.as_bytes(), expect)
                .map_err(|e| write_failure(out, e, false))?;
            if json {
                let value = json!({ "notebook": path_json(file), "written": path_json(out) });
                emit(&(to_json(&value) + "\n"));
            }
            Ok(())
        }
        None if json => {
            let value = json!({ "notebook": path_json(file), "rendered": rendered });
            emit(&(to_json(&value) + "\n"));
            Ok(())
        }
        None => {
            emit(&rendered);
            Ok(())
        }
    }
}

/// `import aif`: the summary and the files written go to standard error, or under --json to
/// standard output as `{"summary", "written"}`.
pub(crate) fn import_aif(
    file: &Path,
    output: &Path,
    force: bool,
    json: bool,
) -> Result<(), Failure> {
    let imported = historiograph::AifImport::read(file).map_err(import_failure)?;
    let written = imported.write_with(output, existing(force));
    report_import(&imported.summary, written, json)
}

/// `import argdown`: as `import aif`.
pub(crate) fn import_argdown(
    file: &Path,
    output: &Path,
    force: bool,
    json: bool,
) -> Result<(), Failure> {
    let imported = historiograph::ArgdownImport::read(file).map_err(import_failure)?;
    let written = imported.write_with(output, existing(force));
    report_import(&imported.summary, written, json)
}

fn import_failure(e: historiograph::ImportError) -> Failure {
    match e {
        historiograph::ImportError::Write { path, source } => write_failure(&path, source, true),
        e => Failure::new(e.to_string()),
    }
}

/// What an import says once it has written its files (or failed to): its summary and the
/// files written, on standard error, or under --json on standard output.
fn report_import(
    summary: &(impl std::fmt::Display + serde::Serialize),
    written: Result<Vec<PathBuf>, historiograph::ImportError>,
    json: bool,
) -> Result<(), Failure> {
    let written = written.map_err(import_failure)?;
    if json {
        let written: Vec<Value> = written.iter().map(|p| path_json(p)).collect();
        let value = json!({ "summary": summary, "written": written });
        emit(&(to_json(&value) + "\n"));
        return Ok(());
    }
    let mut report = summary.to_string();
    for path in written {
        report.push_str(&format!("wrote {}\n", path.display()));
    }
    say(&report);
    Ok(())
}

/// `fmt`: rewrites the files of a corpus folder that are not in canonical form, keeping their
/// comments unless --drop-comments is given. Writes nothing when the corpus has any problem.
///
/// Under --json: `{"check", "reformatted": [{"file", "comments_kept", "comments_dropped"}],
/// "canonical": [FILE]}`,
/// `reformatted` is empty with --check, which fails when any file would change.
pub(crate) fn fmt(dir: Option<&Path>, args: &FmtArgs, json: bool) -> Result<(), Failure> {
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None if Path::new("claims").is_dir() => PathBuf::from("claims"),
        None => {
            return Err(Failure::new(
                "expected a corpus folder to format, found none: pass --corpus DIR",
            ))
        }
    };
    let comments = if args.drop_comments {
        Comments::Drop
    } else {
        Comments::Keep
    };
    let changes = Corpus::reformat(&dir, comments).map_err(|e| load_failure(e, &dir))?;
    if args.check && !changes.is_empty() {
        let summary = format!(
            "{} of the corpus files are not in canonical form; run `historiograph fmt`",
            changes.len()
        );
        let mut message: String = changes
            .iter()
            .map(|c| format!("would reformat: {}\n", c.path.display()))
            .collect();
        message.push_str(&format!("error: {summary}\n"));
        let files: Vec<Value> = changes.iter().map(|c| path_json(&c.path)).collect();
        let json = json!({ "error": summary, "files": files });
        return Err(Failure::with_text(message, json));
    }
    // Under --json, the files already canonical: every file with records, less those changed.
    let canonical: Vec<Value> = if json {
        let corpus = Corpus::load(&dir).map_err(|e| load_failure(e, &dir))?;
        corpus
            .to_yaml_files()
            .into_iter()
            .map(|(path, _)| path)
            .filter(|path| changes.iter().all(|c| c.path != *path))
            .map(|path| path_json(&path))
            .collect()
    } else {
        Vec::new()
    };
    let mut report = String::new();
    // Every file is written before anything is printed, so a closed pipe cannot stop halfway.
    for c in &changes {
        c.write().map_err(|e| write_failure(&c.path, e, false))?;
        let dropped = match c.comments_dropped {
            0 => String::new(),
            1 => " (1 comment dropped)".to_string(),
            n => format!(" ({n} comments dropped)"),
        };
        report.push_str(&format!("reformatted: {}{dropped}\n", c.path.display()));
    }
    if changes.is_empty() {
        report.push_str("ok: every file is in canonical form\n");
    }
    if json {
        let reformatted: Vec<Value> = changes
            .iter()
            .map(|c| {
                json!({
                    "file": path_json(&c.path),
                    "comments_kept": c.comments_kept,
                    "comments_dropped": c.comments_dropped,
                })
            })
            .collect();
        let value = json!({
            "check": args.check,
            "reformatted": reformatted,
            "canonical": canonical,
        });
        emit(&(to_json(&value) + "\n"));
    } else {
        emit(&report);
    }
    Ok(())
}

/// `generate`: writes the debate and says so on standard error, or under --json on standard
/// output as `{"format", "output", "documents", "claims", "seed", "linked", "files"}`.
pub(crate) fn generate(args: &Generate, json: bool) -> Result<(), Failure> {
    if !(0.0..=1.0).contains(&args.linked) {
        return Err(Failure::new(format!(
            "--linked expects a share between 0 and 1, found {}",
            args.linked
        )));
    }
    let max = historiograph::Synthetic::MAX_RECORDS;
    for (what, n) in [("documents", args.documents), ("claims", args.claims)] {
        if n > max {
            return Err(Failure::new(format!(
                "--{what} expects at most {max}, found {n}; generate a smaller debate"
            )));
        }
    }
    let mut synthetic = historiograph::Synthetic::new(args.documents, args.claims, args.seed);
    synthetic.linked = args.linked;
    let corpus = synthetic.corpus();
    let path = &args.output;
    let written = match args.format {
        GenerateFormat::Yaml => corpus.write_yaml_with(path, existing(args.force)),
        GenerateFormat::Tsv => {
            let mut bytes = Vec::new();
            let expect = if args.force { Expect::Any } else { Expect::New };
            corpus
                .write_tsv(&mut bytes)
                .and_then(|()| files::replace(path, &bytes, expect))
                .map(|()| vec![path.clone()])
        }
    };
    let files = written.map_err(|e| write_failure(path, e, true))?;
    if json {
        let format = match args.format {
            GenerateFormat::Yaml => "yaml",
            GenerateFormat::Tsv => "tsv",
        };
        let files: Vec<Value> = files.iter().map(|p| path_json(p)).collect();
        let value = json!({
            "format": format,
            "output": path_json(path),
            "documents": args.documents,
            "claims": args.claims,
            "seed": args.seed,
            "linked": args.linked,
            "files": files,
        });
        emit(&(to_json(&value) + "\n"));
        return Ok(());
    }
    say(&format!(
        "wrote {} documents and {} claims to {}\n",
        args.documents,
        args.claims,
        path.display()
    ));
    Ok(())
}
