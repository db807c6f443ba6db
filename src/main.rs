//! The `historiograph` command-line tool.

// No panic reaches the user: outside tests, every `unwrap` and `expect` is an error, and each
// one left is allowed where it stands with the reason it cannot fail.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use historiograph::iccma::{self, Problem, Task};
use historiograph::{
    render_notebook, Comments, Corpus, Debate, Engine, ExportOptions, Format, LoadError, Query,
    QueryError,
};
use serde_json::{json, Value};

mod cli {
    pub(crate) mod site;
    pub(crate) mod writes;
}
use cli::site::site;
use cli::writes::{fmt, generate, import_aif, import_argdown, notebook};

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
    /// Print JSON instead of tables, errors included (export and iccma refuse it)
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
    /// Rewrite the corpus files in canonical form: field order, ISO dates, quoting, each comment
    /// kept beside the record, field or list item it annotates
    Fmt(FmtArgs),
    /// Write a seeded synthetic debate (for benchmarks) as a YAML corpus folder or a TSV edge list
    Generate(Generate),
    /// Re-run the query blocks of a Markdown research notebook and render their answers
    Notebook {
        /// The notebook (Markdown with ```historiograph blocks)
        file: PathBuf,
        /// Write the rendered notebook here instead of standard output (may be FILE itself)
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Export the graph, or the neighbourhood of some nodes, as a picture or for other tools
    Export {
        /// The format
        #[arg(long, value_enum)]
        format: Format,
        /// Export only the nodes around this id (repeatable)
        #[arg(long, value_name = "ID")]
        around: Vec<String>,
        /// How many hops around --around, following every relation either way
        #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
        depth: usize,
        /// Include historians and advanced-by edges
        #[arg(long)]
        historians: bool,
    },
    /// Solve an ICCMA task on an argumentation framework file (the ICCMA 2023 solver
    /// interface; the corpus is not read)
    Iccma {
        /// The task: SE, DC, DS or EE, a dash, and GR, CO, PR or ST (e.g. DC-PR)
        #[arg(short = 'p', value_name = "TASK", value_parser = parse_task)]
        task: Task,
        /// The framework: ICCMA 2023 `p af N`, ASPARTIX `.apx` or `.tgf`
        #[arg(short = 'f', value_name = "FILE")]
        file: PathBuf,
        /// The query argument of DC and DS tasks
        #[arg(short = 'a', value_name = "ARG")]
        argument: Option<String>,
        /// The engine: `sat` (the default), or `search`, the former backtracking search, kept
        /// for comparison
        #[arg(long, value_enum, default_value = "sat")]
        engine: Engine,
    },
    /// Turn another tool's file into a corpus folder
    #[command(subcommand)]
    Import(Import),
    /// Print the JSON Schema of a corpus file (draft 7), for editors and YAML tools (JSON with
    /// or without --json)
    Schema,
    /// Run the language server for corpus files over standard input and output (editors start
    /// it; the corpus is --corpus, else the workspace's claims/ folder, else the workspace)
    Lsp,
    /// Write the debate as a static website (HTML, CSS, a search script) that opens from
    /// file:// with no server; DIR must be new, empty, or a site written before
    Site {
        /// The folder to write the site into
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum Import {
    /// An AIF (AIFdb JSON) argument map: I-nodes become claims, RA supports, CA contradicts;
    /// everything else is kept as notes (or in FILE.unmapped.json) and counted on stderr
    Aif {
        /// The AIF JSON file
        file: PathBuf,
        /// The folder to write the corpus into: new or empty (created if missing)
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Replace the corpus files of a folder that holds some (nothing else is replaced)
        #[arg(long)]
        force: bool,
    },
    /// An Argdown file: statements become claims, premise-conclusion structures linked
    /// arguments, support and attack supports and contradicts, undercuts undercuts, tags that
    /// name a school the claim's school; everything else is kept as notes and counted on stderr
    Argdown {
        /// The Argdown file
        file: PathBuf,
        /// The folder to write the corpus into: new or empty (created if missing)
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Replace the corpus files of a folder that holds some (nothing else is replaced)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, clap::Args)]
struct FmtArgs {
    /// Write nothing; list the files not in canonical form and exit 1 if there are any
    #[arg(long)]
    check: bool,
    /// Drop the comments of the files rewritten
    #[arg(long)]
    drop_comments: bool,
}

#[derive(Debug, clap::Args)]
struct Generate {
    /// How many documents
    #[arg(long, default_value_t = 1_000)]
    documents: usize,
    /// How many claims
    #[arg(long, default_value_t = 10_000)]
    claims: usize,
    /// The seed: the same numbers and seed give the same debate on every platform
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The share of claims above the first layer that also have a linked argument of two
    /// premises (0 gives a convergent graph; TSV output leaves linked arguments out anyway)
    #[arg(long, default_value_t = 0.1, value_name = "SHARE")]
    linked: f64,
    /// `yaml` writes a corpus folder; `tsv` writes the edge list the networkx baseline reads
    #[arg(long, value_enum, default_value_t = GenerateFormat::Yaml)]
    format: GenerateFormat,
    /// The folder (yaml) or file (tsv) to write: a new or empty folder, a new file
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,
    /// Replace the corpus files of a folder that holds some (nothing else is replaced), or
    /// the file
    #[arg(long)]
    force: bool,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum GenerateFormat {
    Yaml,
    Tsv,
}

fn parse_task(s: &str) -> Result<Task, String> {
    s.parse().map_err(|e: iccma::IccmaError| e.to_string())
}

/// A failure (exit 1): its text for standard error, and the same as a JSON object, printed on
/// standard output under --json.
struct Failure {
    text: String,
    json: Value,
}

impl Failure {
    /// `error: MESSAGE` as text, `{"error": MESSAGE}` as JSON.
    fn new(message: impl Into<String>) -> Failure {
        let message = message.into();
        Failure {
            text: format!("error: {message}\n"),
            json: json!({ "error": message }),
        }
    }

    /// A failure whose text is not one `error:` line; `json` should have an `error` key.
    fn with_text(text: String, json: Value) -> Failure {
        Failure { text, json }
    }

    /// Adds a key to the JSON form.
    fn with(mut self, key: &str, value: Value) -> Failure {
        self.json[key] = value;
        self
    }
}

fn main() -> ExitCode {
    let cli = Cli::try_parse().unwrap_or_else(|e| usage_error(e));
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // The command failed: exit 1 even when the message cannot be written.
            if cli.json {
                let _ = write_stdout(&(to_json(&failure.json) + "\n"));
            } else {
                say(&failure.text);
            }
            ExitCode::from(1)
        }
    }
}

/// Ends the program on a usage error (exit 2). When `--json` is on the command line, the error
/// is a JSON object on standard output: `error` (its first line), `kind` (`usage`) and `usage`
/// (clap's whole message, or the help when a subcommand is missing). `--help` and `--version`
/// print as always.
fn usage_error(error: clap::Error) -> ! {
    // Help and version go to standard output with exit 0: not errors.
    if !error.use_stderr() || !json_in_argv() {
        error.exit();
    }
    let text = error.render().to_string();
    let first = text.lines().next().unwrap_or_default();
    let message = match error.kind() {
        // The help of a command run without its subcommand: no `error:` line.
        clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "expected a subcommand",
        _ => first.strip_prefix("error: ").unwrap_or(first),
    };
    let value = json!({ "error": message, "kind": "usage", "usage": text.trim_end() });
    let _ = write_stdout(&(to_json(&value) + "\n"));
    std::process::exit(error.exit_code());
}

/// Whether `--json` is among the arguments (before any `--`): the test for usage errors, which
/// come before the arguments are parsed.
fn json_in_argv() -> bool {
    std::env::args_os()
        .skip(1)
        .take_while(|a| a != "--")
        .any(|a| a == "--json")
}

/// The usage error for --json on a subcommand whose output format is fixed.
fn refuse_json(command: &str, why: &str) -> ! {
    usage_error(Cli::command().error(
        clap::error::ErrorKind::ArgumentConflict,
        format!("--json does not apply to `{command}`: {why}"),
    ))
}

fn run(cli: &Cli) -> Result<(), Failure> {
    match &cli.command {
        Command::Export { .. } if cli.json => refuse_json(
            "export",
            "its output is already a format (for JSON, use --format json)",
        ),
        Command::Iccma { .. } if cli.json => refuse_json(
            "iccma",
            "the ICCMA solver interface fixes its output format",
        ),
        Command::Lsp if cli.json => refuse_json(
            "lsp",
            "the language server speaks JSON-RPC on standard input and output",
        ),
        _ => {}
    }
    if let Command::Generate(args) = &cli.command {
        return generate(args, cli.json);
    }
    if let Command::Import(Import::Aif {
        file,
        output,
        force,
    }) = &cli.command
    {
        return import_aif(file, output, *force, cli.json);
    }
    if let Command::Import(Import::Argdown {
        file,
        output,
        force,
    }) = &cli.command
    {
        return import_argdown(file, output, *force, cli.json);
    }
    if let Command::Iccma {
        task,
        file,
        argument,
        engine,
    } = &cli.command
    {
        return solve_iccma(*task, file, argument.as_deref(), *engine);
    }
    if let Command::Schema = &cli.command {
        emit(&(to_json(&Corpus::json_schema()) + "\n"));
        return Ok(());
    }
    if let Command::Lsp = &cli.command {
        return historiograph::lsp::serve_stdio(cli.corpus.as_deref())
            .map_err(|e| Failure::new(format!("language server: {e}")));
    }
    if let Command::Fmt(args) = &cli.command {
        return fmt(cli.corpus.as_deref(), args, cli.json);
    }
    let corpus = load(cli.corpus.as_deref())?;
    match &cli.command {
        Command::Fmt(_) => unreachable!("fmt returned above"),
        Command::Check => check(&corpus, cli.json),
        Command::Site { output } => site(corpus, output, cli.json),
        Command::Notebook { file, output } => notebook(corpus, file, output.as_deref(), cli.json),
        Command::Import(_) => unreachable!("imports return before the corpus is loaded"),
        Command::Export {
            format,
            around,
            depth,
            historians,
        } => {
            let options = ExportOptions {
                around: around.clone(),
                depth: *depth,
                historians: *historians,
            };
            let (text, warnings) =
                historiograph::export_with_warnings(&Debate::new(corpus), *format, &options)
                    .map_err(|e| Failure::new(e.to_string()))?;
            for warning in warnings {
                eprintln!("warning: {warning}");
            }
            emit(&text);
            Ok(())
        }
        Command::Iccma { .. } => unreachable!("handled before loading the corpus"),
        Command::Generate(_) => unreachable!("handled before loading the corpus"),
        Command::Schema | Command::Lsp => unreachable!("handled before loading the corpus"),
        Command::Query(query) => {
            let debate = Debate::new(corpus);
            let answer = with_progress(|| query.run(&debate)).map_err(query_failure)?;
            if cli.json {
                emit(&(to_json(&answer) + "\n"));
            } else {
                let width = terminal_width();
                let tables: Vec<String> = (answer.tables().iter())
                    .map(|t| t.to_text_width(width))
                    .collect();
                emit(&tables.join("\n"));
            }
            Ok(())
        }
    }
}

/// Runs an ICCMA task: a malformed file exits 1 with its line, a missing query argument is a
/// usage error (exit 2).
fn solve_iccma(
    task: Task,
    file: &Path,
    argument: Option<&str>,
    engine: Engine,
) -> Result<(), Failure> {
    if matches!(task.problem, Problem::DC | Problem::DS) && argument.is_none() {
        usage_error(Cli::command().error(
            clap::error::ErrorKind::MissingRequiredArgument,
            "DC and DS tasks need a query argument: -a ARG",
        ));
    }
    let text = historiograph::files::read_text_limited(file, iccma::MAX_INPUT_BYTES)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", file.display())))?;
    let instance = iccma::Instance::parse(&text, iccma::Format::of(file, &text))
        .map_err(|e| Failure::new(format!("{}: {e}", file.display())))?;
    let answer = iccma::solve_with(&instance, task, argument, engine, None)
        .map_err(|e| Failure::new(e.to_string()))?;
    emit(&answer.to_string());
    Ok(())
}

#[allow(
    clippy::expect_used,
    reason = "answers are plain data with string keys, which always serialize"
)]
fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("answers serialize to JSON")
}

/// A path as JSON: its display form, so that a name that is not UTF-8 cannot fail.
fn path_json(path: &Path) -> Value {
    Value::String(path.display().to_string())
}

/// A query that cannot be answered; as JSON, the message with the id, the kind of record
/// expected, and the suggestion (`null` when none is close) or the kind found.
fn query_failure(error: QueryError) -> Failure {
    let failure = Failure::new(error.to_string());
    match error {
        QueryError::UnknownId {
            id,
            expected,
            suggestion,
        } => failure
            .with("id", json!(id))
            .with("expected", json!(expected))
            .with("suggestion", json!(suggestion)),
        QueryError::WrongKind {
            id,
            expected,
            found,
        } => failure
            .with("id", json!(id))
            .with("expected", json!(expected))
            .with("found", json!(found)),
        QueryError::Interrupted { semantics } => failure.with("semantics", json!(semantics)),
    }
}

/// Loads the corpus named by --corpus, else ./claims, else the bundled one.
fn load(dir: Option<&Path>) -> Result<Corpus, Failure> {
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None if Path::new("claims").is_dir() => PathBuf::from("claims"),
        None => return Ok(Corpus::bundled()),
    };
    Corpus::load(&dir).map_err(|e| load_failure(e, &dir))
}

/// A corpus that cannot be loaded, rendered in full (every diagnostic with its line, then the
/// summary), with the command line's own advice where the folder itself is the problem.
fn load_failure(mut error: LoadError, dir: &Path) -> Failure {
    if !dir.is_dir() {
        let at_folder = |d: &&mut historiograph::Diagnostic| *d.origin.file == *dir;
        for d in error.diagnostics.iter_mut().filter(at_folder) {
            d.hint = Some("pass a folder of YAML files with --corpus DIR".into());
        }
    }
    let json = json!({
        "error": "invalid corpus",
        "summary": error.summary(),
        "diagnostics": error.diagnostics,
    });
    Failure::with_text(format!("{error}\n"), json)
}

fn check(corpus: &Corpus, json: bool) -> Result<(), Failure> {
    let debate = Debate::new(corpus.clone());
    let counts = [
        ("documents", corpus.documents.len()),
        ("historians", corpus.historians.len()),
        ("claims", corpus.claims.len()),
        ("works", corpus.works.len()),
        ("schools", corpus.schools.len()),
        (
            "linked arguments",
            corpus.claims.iter().map(|c| c.arguments.len()).sum(),
        ),
        (
            "undercuts",
            corpus.claims.iter().map(|c| c.undercuts.len()).sum(),
        ),
        ("edges", debate.graph().edge_count()),
    ];
    if json {
        let map: BTreeMap<_, _> = counts.iter().copied().collect();
        emit(&(to_json(&map) + "\n"));
    } else {
        let parts: Vec<String> = counts.iter().map(|(k, v)| format!("{v} {k}")).collect();
        emit(&format!("ok: {}\n", parts.join(", ")));
    }
    Ok(())
}

/// Writes to standard output. A reader that goes away (`historiograph claims | head`, or a
/// closed standard output) ends the program quietly with exit 0, as ripgrep does: the reader
/// took what it wanted. Any other failure to write is reported, with exit 1.
fn emit(text: &str) {
    if let Err(e) = write_stdout(text) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        say(&format!("error: cannot write to standard output: {e}\n"));
        std::process::exit(1);
    }
}

/// The width tables fit: the terminal's when standard output is one (at most 200 columns, so
/// that lines stay readable), otherwise a fixed 100, so that piped and saved output is the same
/// everywhere.
fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return historiograph::Table::WIDTH;
    }
    terminal_size::terminal_size().map_or(historiograph::Table::WIDTH, |(w, _)| {
        usize::from(w.0).clamp(60, 200)
    })
}

/// Writes `text` to standard output and flushes it.
fn write_stdout(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush())
}

/// Writes to standard error, where messages and summaries go. A failure is ignored: with
/// standard error closed there is nowhere left to report it, and the exit code still says
/// whether the command succeeded (`eprint!` would panic instead).
fn say(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Runs `work`; when it takes over a second and standard error is a terminal, shows how long it
/// has been running there (`working… 3 s`), and clears that line when it is done.
fn with_progress<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    use std::io::{IsTerminal, Write};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let shown = scope.spawn(|| {
            let start = Instant::now();
            let mut shown = false;
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                let seconds = start.elapsed().as_secs();
                if seconds >= 1 && !done.load(Ordering::Relaxed) {
                    let _ = write!(std::io::stderr(), "\rworking… {seconds} s");
                    shown = true;
                }
            }
            if shown {
                let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(24));
            }
        });
        let result = work();
        done.store(true, Ordering::Relaxed);
        let _ = shown.join();
        result
    })
}
