//! The ICCMA solver interface: the input formats, the tasks and their output.
//!
//! Input: ICCMA 2023 `p af N` files (arguments `1..=N`, `#` comment lines), ASPARTIX `.apx`
//! (`arg(a).`, `att(a,b).`) and `.tgf` (argument lines, a `#` line, attack lines).
//!
//! Output, per ICCMA 2023: `SE` prints `w` and an extension's arguments, or `NO` when there is
//! none (stable); `DC` prints `YES` and a witness line `w ...` (an extension containing the
//! query), or `NO`; `DS` prints `YES`, or `NO` and a counterexample line `w ...` (an extension
//! without the query). `DS-ST` is `YES` when there is no stable extension. `EE`, which ICCMA
//! 2023 dropped, prints every extension in the ICCMA 2015 form `[[a,b],[c]]`.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

use std::time::Instant;

use super::{Engine, Framework, Interrupted, Semantics};

/// An input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// ICCMA 2023: `p af N`, then `i j` attack lines over arguments `1..=N`; `#` lines are
    /// comments.
    I23,
    /// ASPARTIX: `arg(a).` and `att(a,b).` facts, one a line.
    Apx,
    /// Trivial graph format: argument names, a `#` line, then `a b` attack lines.
    Tgf,
}

impl Format {
    /// The format of a file: by extension (`.apx`, `.tgf`, anything else is ICCMA 2023), except
    /// that text whose first fact is `arg(` is read as `.apx`.
    pub fn of(path: &Path, text: &str) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("apx") => Format::Apx,
            Some("tgf") => Format::Tgf,
            _ if text.trim_start().starts_with("arg(") => Format::Apx,
            _ => Format::I23,
        }
    }
}

/// Why an instance or a task could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IccmaError {
    /// The file is malformed.
    #[error("line {line}: {message}")]
    Parse {
        /// The 1-based line.
        line: usize,
        /// What was expected and what was found.
        message: String,
    },
    /// The task is not one this solver knows.
    #[error(
        "unknown task `{0}`: expected SE, DC, DS or EE, a dash, and GR, CO, PR or ST (e.g. DC-PR)"
    )]
    UnknownTask(String),
    /// A DC or DS task without a query argument.
    #[error("task {0} needs a query argument: -a ARG")]
    MissingArgument(String),
    /// The query argument is not in the framework.
    #[error("unknown argument `{0}`: the framework has no argument of that name")]
    UnknownArgument(String),
    /// The deadline passed first.
    #[error("no answer before the deadline: allow more time")]
    Interrupted,
}

impl From<Interrupted> for IccmaError {
    fn from(_: Interrupted) -> IccmaError {
        IccmaError::Interrupted
    }
}

/// The most arguments an ICCMA 2023 header (`p af N`) may declare: ten million, whose names
/// alone take about 300 MB. An ICCMA file lists attacks only, so an argument costs the file
/// nothing and its length cannot bound the count; this limit does, before anything is
/// allocated. (ASPARTIX and TGF files name every argument, so their length bounds it.)
pub const MAX_ARGUMENTS: u32 = 10_000_000;

/// The largest framework file `historiograph iccma` reads: 256 MiB, checked before reading (the
/// largest ICCMA 2023 instances are a few MiB).
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

fn parse_error(line: usize, message: String) -> IccmaError {
    IccmaError::Parse { line, message }
}

/// A framework read from a file, with the names its arguments have there.
#[derive(Clone, Debug)]
pub struct Instance {
    /// The framework; argument `i` is named `names[i]`.
    pub framework: Framework,
    /// The arguments' names, in file order (`1..=N` for ICCMA 2023 files).
    pub names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Instance {
    /// Reads an instance, reporting the first malformed line.
    pub fn parse(text: &str, format: Format) -> Result<Instance, IccmaError> {
        let (names, attacks) = match format {
            Format::I23 => parse_i23(text)?,
            Format::Apx => parse_named(text, apx_line)?,
            Format::Tgf => parse_tgf(text)?,
        };
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        Ok(Instance {
            framework: Framework::new(names.len(), attacks),
            names,
            index,
        })
    }

    /// The argument with this name.
    pub fn argument(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    fn extension(&self, ext: &[u32]) -> Vec<&str> {
        ext.iter()
            .map(|&a| self.names[a as usize].as_str())
            .collect()
    }
}

type Parsed = (Vec<String>, Vec<(u32, u32)>);

fn parse_i23(text: &str) -> Result<Parsed, IccmaError> {
    let mut n: Option<u32> = None;
    let mut attacks = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let tokens: Vec<&str> = line.split_whitespace().collect();
        match n {
            None => match tokens[..] {
                ["p", "af", count] => {
                    let declared: u32 = count.parse().map_err(|_| {
                        parse_error(
                            i + 1,
                            format!("expected a number of arguments, found `{count}`"),
                        )
                    })?;
                    if declared > MAX_ARGUMENTS {
                        return Err(parse_error(
                            i + 1,
                            format!(
                                "expected at most {MAX_ARGUMENTS} arguments, found `p af \
                                 {declared}`; the solver does not take frameworks this large"
                            ),
                        ));
                    }
                    n = Some(declared);
                }
                _ => {
                    return Err(parse_error(
                        i + 1,
                        format!("expected `p af N`, found `{line}`"),
                    ))
                }
            },
            Some(n) => {
                let [from, to] = tokens[..] else {
                    return Err(parse_error(
                        i + 1,
                        format!("expected an attack `i j`, found `{line}`"),
                    ));
                };
                let id = |t: &str| match t.parse::<u32>() {
                    Ok(k) if (1..=n).contains(&k) => Ok(k - 1),
                    _ => Err(parse_error(
                        i + 1,
                        format!("expected an argument between 1 and {n}, found `{t}`"),
                    )),
                };
                attacks.push((id(from)?, id(to)?));
            }
        }
    }
    let n = n.ok_or_else(|| parse_error(1, "expected `p af N`, found no header".to_string()))?;
    Ok(((1..=n).map(|k| k.to_string()).collect(), attacks))
}

/// One line of a named format: an argument, an attack, or nothing.
enum Fact<'t> {
    Argument(&'t str),
    Attack(&'t str, &'t str),
    Nothing,
}

fn apx_line(line: &str) -> Result<Fact<'_>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('%') || line.starts_with('#') {
        return Ok(Fact::Nothing);
    }
    let body = |prefix: &str| {
        line.strip_prefix(prefix)
            .and_then(|r| r.trim_end().strip_suffix('.'))
            .and_then(|r| r.trim_end().strip_suffix(')'))
    };
    fn name<'l>(s: &'l str, line: &str) -> Result<&'l str, String> {
        let s = s.trim();
        let ok = !s.is_empty() && !s.contains(|c: char| "(),. \t".contains(c));
        ok.then_some(s)
            .ok_or_else(|| format!("expected an argument name, found `{s}` in `{line}`"))
    }
    if let Some(arg) = body("arg(") {
        return Ok(Fact::Argument(name(arg, line)?));
    }
    if let Some(att) = body("att(") {
        if let Some((a, b)) = att.split_once(',') {
            return Ok(Fact::Attack(name(a, line)?, name(b, line)?));
        }
    }
    Err(format!("expected `arg(a).` or `att(a,b).`, found `{line}`"))
}

fn parse_tgf(text: &str) -> Result<Parsed, IccmaError> {
    let mut attacks_part = false;
    parse_named(text, |line| {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        match tokens[..] {
            [] => Ok(Fact::Nothing),
            ["#", ..] if !attacks_part => {
                attacks_part = true;
                Ok(Fact::Nothing)
            }
            [name, ..] if !attacks_part => Ok(Fact::Argument(name)),
            [a, b, ..] => Ok(Fact::Attack(a, b)),
            _ => Err(format!("expected an attack `a b`, found `{}`", line.trim())),
        }
    })
}

/// Reads a format with named arguments, line by line; attacks may name arguments declared
/// further down.
fn parse_named<'t>(
    text: &'t str,
    mut fact: impl FnMut(&'t str) -> Result<Fact<'t>, String>,
) -> Result<Parsed, IccmaError> {
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<&str, u32> = HashMap::new();
    let mut pending: Vec<(usize, &str, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match fact(line).map_err(|m| parse_error(i + 1, m))? {
            Fact::Argument(name) => {
                if !index.contains_key(name) {
                    index.insert(name, names.len() as u32);
                    names.push(name.to_string());
                }
            }
            Fact::Attack(a, b) => pending.push((i + 1, a, b)),
            Fact::Nothing => {}
        }
    }
    let mut attacks = Vec::with_capacity(pending.len());
    for (line, a, b) in pending {
        let id = |name: &str| {
            index.get(name).copied().ok_or_else(|| {
                parse_error(
                    line,
                    format!("expected a declared argument, found `{name}`"),
                )
            })
        };
        attacks.push((id(a)?, id(b)?));
    }
    Ok((names, attacks))
}

/// A framework in the ICCMA 2023 format: `p af N`, then one `i j` line per attack, with
/// argument `a` written as `a + 1`.
pub fn to_i23(af: &Framework) -> String {
    let mut out = format!("p af {}\n", af.len());
    for a in 0..af.len() as u32 {
        for &b in af.targets(a) {
            out.push_str(&format!("{} {}\n", a + 1, b + 1));
        }
    }
    out
}

/// The kind of an ICCMA task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Some extension.
    SE,
    /// Credulous acceptance of the query argument.
    DC,
    /// Skeptical acceptance of the query argument.
    DS,
    /// Every extension.
    EE,
}

/// An ICCMA task such as `DC-PR`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Task {
    /// What is asked.
    pub problem: Problem,
    /// Under which semantics.
    pub semantics: Semantics,
}

impl FromStr for Task {
    type Err = IccmaError;

    fn from_str(s: &str) -> Result<Task, IccmaError> {
        let unknown = || IccmaError::UnknownTask(s.to_string());
        let (p, sem) = s.split_once('-').ok_or_else(unknown)?;
        let problem = match p {
            "SE" => Problem::SE,
            "DC" => Problem::DC,
            "DS" => Problem::DS,
            "EE" => Problem::EE,
            _ => return Err(unknown()),
        };
        let semantics = match sem {
            "GR" => Semantics::Grounded,
            "CO" => Semantics::Complete,
            "PR" => Semantics::Preferred,
            "ST" => Semantics::Stable,
            _ => return Err(unknown()),
        };
        Ok(Task { problem, semantics })
    }
}

/// Solves a task and returns the solver output, one answer line (and a witness line where
/// ICCMA 2023 asks for one), each ending in a newline.
pub fn solve(
    instance: &Instance,
    task: Task,
    argument: Option<&str>,
) -> Result<String, IccmaError> {
    solve_with(instance, task, argument, Engine::default(), None)
}

/// [`solve`] with a chosen engine, giving up with [`IccmaError::Interrupted`] at `deadline`.
pub fn solve_with(
    instance: &Instance,
    task: Task,
    argument: Option<&str>,
    engine: Engine,
    deadline: Option<Instant>,
) -> Result<String, IccmaError> {
    let mut af = instance.framework.reasoner().engine(engine);
    if let Some(deadline) = deadline {
        af = af.deadline(deadline);
    }
    let w = |ext: &[u32]| {
        let mut line = String::from("w");
        for name in instance.extension(ext) {
            line.push(' ');
            line.push_str(name);
        }
        line + "\n"
    };
    let query = || {
        let name = argument.ok_or_else(|| IccmaError::MissingArgument(task_name(task)))?;
        instance
            .argument(name)
            .ok_or_else(|| IccmaError::UnknownArgument(name.to_string()))
    };
    Ok(match task.problem {
        Problem::SE => match af.some_extension(task.semantics)? {
            Some(ext) => w(&ext),
            None => "NO\n".to_string(),
        },
        Problem::DC => match af.credulous(task.semantics, query()?)? {
            Some(ext) => format!("YES\n{}", w(&ext)),
            None => "NO\n".to_string(),
        },
        Problem::DS => match af.counterexample(task.semantics, query()?)? {
            Some(ext) => format!("NO\n{}", w(&ext)),
            None => "YES\n".to_string(),
        },
        Problem::EE => {
            let all: Vec<String> = af
                .extensions(task.semantics)?
                .iter()
                .map(|ext| format!("[{}]", instance.extension(ext).join(",")))
                .collect();
            format!("[{}]\n", all.join(","))
        }
    })
}

fn task_name(task: Task) -> String {
    let sem = match task.semantics {
        Semantics::Grounded => "GR",
        Semantics::Complete => "CO",
        Semantics::Preferred => "PR",
        Semantics::Stable => "ST",
    };
    format!("{:?}-{sem}", task.problem)
}
