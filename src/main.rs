//! The `historiograph` command-line tool.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use historiograph::iccma::{self, Problem, Task};
use historiograph::{render_notebook, Corpus, Debate, ExportOptions, Format, LoadError, Query};

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
    },
    /// Turn another tool's file into a corpus folder
    #[command(subcommand)]
    Import(Import),
}

#[derive(Debug, Subcommand)]
enum Import {
    /// An AIF (AIFdb JSON) argument map: I-nodes become claims, RA supports, CA contradicts;
    /// everything else is kept as notes (or in FILE.unmapped.json) and counted on stderr
    Aif {
        /// The AIF JSON file
        file: PathBuf,
        /// The folder to write the corpus into (created if missing)
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
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
    /// The folder (yaml) or file (tsv) to write
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum GenerateFormat {
    Yaml,
    Tsv,
}

fn parse_task(s: &str) -> Result<Task, String> {
    s.parse().map_err(|e: iccma::IccmaError| e.to_string())
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
    if let Command::Generate(args) = &cli.command {
        return generate(args);
    }
    if let Command::Import(Import::Aif { file, output }) = &cli.command {
        return import_aif(file, output);
    }
    if let Command::Iccma {
        task,
        file,
        argument,
    } = &cli.command
    {
        return solve_iccma(*task, file, argument.as_deref());
    }
    if let Command::Fmt(args) = &cli.command {
        return fmt(cli.corpus.as_deref(), args);
    }
    let corpus = load(cli.corpus.as_deref())?;
    match &cli.command {
        Command::Fmt(_) => unreachable!("fmt returned above"),
        Command::Check => check(&corpus, cli.json),
        Command::Notebook { file, output } => notebook(corpus, file, output.as_deref()),
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
            let text = historiograph::export(&Debate::new(corpus), *format, &options)
                .map_err(|e| Failure(format!("error: {e}\n")))?;
            emit(&text);
            Ok(())
        }
        Command::Iccma { .. } => unreachable!("handled before loading the corpus"),
        Command::Generate(_) => unreachable!("handled before loading the corpus"),
        Command::Query(query) => {
            let debate = Debate::new(corpus);
            let answer = query
                .run(&debate)
                .map_err(|e| Failure(format!("error: {e}\n")))?;
            if cli.json {
                emit(&(to_json(&answer) + "\n"));
            } else {
                let tables: Vec<String> = answer.tables().iter().map(|t| t.to_text()).collect();
                emit(&tables.join("\n"));
            }
            Ok(())
        }
    }
}

/// Runs an ICCMA task: a malformed file exits 1 with its line, a missing query argument is a
/// usage error (exit 2).
fn solve_iccma(task: Task, file: &Path, argument: Option<&str>) -> Result<(), Failure> {
    if matches!(task.problem, Problem::DC | Problem::DS) && argument.is_none() {
        use clap::CommandFactory;
        Cli::command()
            .error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "DC and DS tasks need a query argument: -a ARG",
            )
            .exit();
    }
    let text = std::fs::read_to_string(file)
        .map_err(|e| Failure(format!("error: cannot read {}: {e}\n", file.display())))?;
    let instance = iccma::Instance::parse(&text, iccma::Format::of(file, &text))
        .map_err(|e| Failure(format!("error: {}: {e}\n", file.display())))?;
    let answer =
        iccma::solve(&instance, task, argument).map_err(|e| Failure(format!("error: {e}\n")))?;
    emit(&answer.to_string());
    Ok(())
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
    Failure(format!("{error}\n"))
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

fn notebook(corpus: Corpus, file: &Path, output: Option<&Path>) -> Result<(), Failure> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        Failure(format!(
            "error: cannot read the notebook `{}`: {e}\n",
            file.display()
        ))
    })?;
    let debate = Debate::new(corpus);
    let rendered = render_notebook(&text, &debate).map_err(|errors| {
        let lines: String = errors
            .iter()
            .map(|e| format!("{}:{}: error: {}\n", file.display(), e.line, e.message))
            .collect();
        Failure(lines)
    })?;
    match output {
        Some(out) => std::fs::write(out, rendered)
            .map_err(|e| Failure(format!("error: cannot write `{}`: {e}\n", out.display()))),
        None => {
            emit(&rendered);
            Ok(())
        }
    }
}

fn import_aif(file: &Path, output: &Path) -> Result<(), Failure> {
    let fail = |e: historiograph::ImportError| Failure(format!("error: {e}\n"));
    let imported = historiograph::AifImport::read(file).map_err(fail)?;
    let written = imported.write(output).map_err(fail)?;
    eprint!("{}", imported.summary);
    for path in written {
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Writes to standard output; a reader that goes away (`historiograph claims | head`) ends the
/// program quietly instead of a panic.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {e}");
        std::process::exit(1);
    }
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
    let changes = Corpus::reformat(&dir).map_err(|e| load_failure(e, &dir))?;
    if args.check && !changes.is_empty() {
        let mut message: String = changes
            .iter()
            .map(|c| format!("would reformat: {}\n", c.path.display()))
            .collect();
        message.push_str(&format!(
            "error: {} of the corpus files are not in canonical form; run `historiograph fmt`\n",
            changes.len()
        ));
        return Err(Failure(message));
    }
    refuse_to_drop_comments(&changes, args.drop_comments)?;
    let mut report = String::new();
    // Every file is written before anything is printed, so a closed pipe cannot stop halfway.
    for c in &changes {
        c.write()
            .map_err(|e| Failure(format!("error: cannot write `{}`: {e}\n", c.path.display())))?;
        let dropped = if c.comment_line.is_some() {
            " (comments dropped)"
        } else {
            ""
        };
        report.push_str(&format!("reformatted: {}{dropped}\n", c.path.display()));
    }
    if changes.is_empty() {
        report.push_str("ok: every file is in canonical form\n");
    }
    emit(&report);
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
fn generate(args: &Generate) -> Result<(), Failure> {
    if !(0.0..=1.0).contains(&args.linked) {
        return Err(Failure(format!(
            "error: --linked expects a share between 0 and 1, found {}\n",
            args.linked
        )));
    }
    let mut synthetic = historiograph::Synthetic::new(args.documents, args.claims, args.seed);
    synthetic.linked = args.linked;
    let corpus = synthetic.corpus();
    let path = &args.output;
    let written = match args.format {
        GenerateFormat::Yaml => corpus.write_yaml(path).map(|_| ()),
        GenerateFormat::Tsv => std::fs::File::create(path).and_then(|f| corpus.write_tsv(f)),
    };
    written.map_err(|e| Failure(format!("error: cannot write `{}`: {e}\n", path.display())))?;
    eprintln!(
        "wrote {} documents and {} claims to {}",
        args.documents,
        args.claims,
        path.display()
    );
    Ok(())
}
