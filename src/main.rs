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
    /// Write a seeded synthetic debate (for benchmarks) as a YAML corpus folder or a TSV edge list
    Generate(Generate),
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
    /// `yaml` writes a corpus folder; `tsv` writes the edge list the networkx baseline reads
    #[arg(long, value_enum, default_value_t = Format::Yaml)]
    format: Format,
    /// The folder (yaml) or file (tsv) to write
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    Yaml,
    Tsv,
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
    let corpus = load(cli.corpus.as_deref())?;
    match &cli.command {
        Command::Check => check(&corpus, cli.json),
        Command::Generate(args) => generate(args),
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
        let source = sources
            .entry(&d.origin.file)
            .or_insert_with(|| std::fs::read_to_string(&d.origin.file).ok());
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

fn generate(args: &Generate) -> Result<(), Failure> {
    let corpus = historiograph::Synthetic::new(args.documents, args.claims, args.seed).corpus();
    let path = &args.output;
    let written = match args.format {
        Format::Yaml => corpus.write_yaml(path).map(|_| ()),
        Format::Tsv => std::fs::File::create(path).and_then(|f| corpus.write_tsv(f)),
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
