//! The `historiograph` command-line tool.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use historiograph::{Corpus, Debate, LoadError, Query};

/// Ask the questions historians ask of a historiographical debate: which claims rest only on
/// one document, what falls if a source is set aside, which claims are contested.
///
/// Without --corpus, the corpus is ./claims when that folder exists, and otherwise the corpus
/// compiled into the program (Shuster 2019, USSR–DPRK relations 1945–1950).
#[derive(Debug, Parser)]
#[command(name = "historiograph", version, propagate_version = true)]
struct Cli {
    /// The corpus folder of YAML files
    #[arg(long, global = true, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// Print JSON instead of tables
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    #[command(flatten)]
    Query(Query),
    /// Validate the corpus, reporting every problem, and print counts
    Check,
    /// Rewrite the corpus files in canonical form: field order, ISO dates, quoting. Comments are
    /// not kept, so files with comments are left alone unless --drop-comments is given
    Fmt(FmtArgs),
}

#[derive(Debug, clap::Args)]
struct FmtArgs {
    /// Write nothing; list the files not in canonical form and exit 1 if there are any
    #[arg(long)]
    check: bool,
    /// Rewrite files that have comments too, dropping the comments
    #[arg(long)]
    drop_comments: bool,
}

/// A failure with its exit code already decided.
struct Failure(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprint!("{message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> Result<(), Failure> {
    if let Command::Fmt(args) = &cli.command {
        return fmt(cli.corpus.as_deref(), args);
    }
    let corpus = load(cli.corpus.as_deref())?;
    match &cli.command {
        Command::Fmt(_) => unreachable!("fmt returned above"),
        Command::Check => check(&corpus, cli.json),
        Command::Query(query) => {
            let debate = Debate::new(corpus);
            let answer = query
                .run(&debate)
                .map_err(|e| Failure(format!("error: {e}\n")))?;
            if cli.json {
                println!("{}", to_json(&answer));
            } else {
                let tables: Vec<String> = answer.tables().iter().map(|t| t.to_text()).collect();
                print!("{}", tables.join("\n"));
            }
            Ok(())
        }
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("answers serialize to JSON")
}

/// Loads the corpus named by --corpus, else ./claims, else the bundled one.
fn load(dir: Option<&Path>) -> Result<Corpus, Failure> {
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None if Path::new("claims").is_dir() => PathBuf::from("claims"),
        None => return Ok(Corpus::bundled()),
    };
    Corpus::load(&dir).map_err(|e| Failure(render_load_error(&e)))
}

fn render_load_error(error: &LoadError) -> String {
    let mut sources: BTreeMap<&Path, Option<String>> = BTreeMap::new();
    let mut out = String::new();
    for d in &error.diagnostics {
        // A problem with no line concerns the whole file, which may be huge or a device: not read.
        let source = sources.entry(&d.origin.file).or_insert_with(|| {
            (d.origin.line > 0)
                .then(|| std::fs::read_to_string(&d.origin.file).ok())
                .flatten()
        });
        out.push_str(&d.render(source.as_deref()));
        out.push('\n');
    }
    out.push_str(&format!("error: {error}\n"));
    out
}

fn check(corpus: &Corpus, json: bool) -> Result<(), Failure> {
    let debate = Debate::new(corpus.clone());
    let counts = [
        ("documents", corpus.documents.len()),
        ("historians", corpus.historians.len()),
        ("claims", corpus.claims.len()),
        ("schools", corpus.schools.len()),
        ("edges", debate.graph().edge_count()),
    ];
    if json {
        let map: BTreeMap<_, _> = counts.iter().copied().collect();
        println!("{}", to_json(&map));
    } else {
        let parts: Vec<String> = counts.iter().map(|(k, v)| format!("{v} {k}")).collect();
        println!("ok: {}", parts.join(", "));
    }
    Ok(())
}

/// `fmt`: rewrites the files of a corpus folder that are not in canonical form. Writes nothing
/// when the corpus has any problem, or when a file to rewrite has comments and --drop-comments
/// is not given.
fn fmt(dir: Option<&Path>, args: &FmtArgs) -> Result<(), Failure> {
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None if Path::new("claims").is_dir() => PathBuf::from("claims"),
        None => {
            return Err(Failure(
                "error: expected a corpus folder to format, found none: pass --corpus DIR\n".into(),
            ))
        }
    };
    let changes = Corpus::reformat(&dir).map_err(|e| Failure(render_load_error(&e)))?;
    let mut report = String::new();
    if changes.is_empty() {
        report.push_str("ok: every file is in canonical form\n");
    } else if args.check {
        for c in &changes {
            report.push_str(&format!("would reformat: {}\n", c.path.display()));
        }
        print_ignoring_closed_pipe(&report);
        return Err(Failure(format!(
            "error: {} of the corpus files are not in canonical form; run `historiograph fmt`\n",
            changes.len()
        )));
    } else {
        refuse_to_drop_comments(&changes, args.drop_comments)?;
        // Every file is written before anything is printed, so a closed pipe cannot stop halfway.
        for c in &changes {
            c.write().map_err(|e| {
                Failure(format!("error: cannot write `{}`: {e}\n", c.path.display()))
            })?;
            let dropped = if c.comment_line.is_some() {
                " (comments dropped)"
            } else {
                ""
            };
            report.push_str(&format!("reformatted: {}{dropped}\n", c.path.display()));
        }
    }
    print_ignoring_closed_pipe(&report);
    Ok(())
}

fn refuse_to_drop_comments(
    changes: &[historiograph::Reformat],
    drop_comments: bool,
) -> Result<(), Failure> {
    let mut message = String::new();
    for c in changes.iter().filter(|_| !drop_comments) {
        if let Some(line) = c.comment_line {
            message.push_str(&format!(
                "error: expected a file without comments, found one at {}:{line}: fmt does not keep comments\n",
                c.path.display()
            ));
        }
    }
    if message.is_empty() {
        return Ok(());
    }
    message.push_str("  = hint: nothing was written; pass --drop-comments to rewrite these files without their comments\n");
    Err(Failure(message))
}

fn print_ignoring_closed_pipe(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
