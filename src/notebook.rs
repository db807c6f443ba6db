//! Research notebooks: Markdown with fenced query blocks, re-run against a corpus.
//!
//! A query block is a fenced code block whose info string is `historiograph`. Each non-empty
//! line in it is one query in the command line's own grammar (the [`Query`] subcommands), for
//! example `rests-only-on stalin-gottwald-1950-08-27`; lines starting with `#` are comments.
//!
//! Rendering writes the notebook back with each block's answer under it, between two HTML
//! comments, so that re-rendering replaces the old answer rather than adding another:
//!
//! ````markdown
//! ```historiograph
//! depends-on khrushchev-memoir
//! ```
//! <!-- historiograph:begin -->
//! ...tables...
//! <!-- historiograph:end -->
//! ````
//!
//! Rendering is deterministic: the same notebook and corpus always give the same text.

use clap::Parser;

use crate::corpus::id::Id;
use crate::export::{neighbourhood, to_mermaid};
use crate::graph::Debate;
use crate::query::{Answer, Query, QueryError};

/// The largest notebook `historiograph notebook` reads: 16 MiB, checked before reading.
pub const MAX_NOTEBOOK_BYTES: u64 = 16 * 1024 * 1024;

const BEGIN: &str = "<!-- historiograph:begin -->";
const END: &str = "<!-- historiograph:end -->";
const FENCE_INFO: &str = "historiograph";

/// A problem in a notebook: a query that does not parse or cannot be answered.
///
/// Available with the `cli` feature (on by default).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct NotebookError {
    /// The 1-based line of the notebook where the problem is.
    pub line: usize,
    /// What is wrong, lowercase.
    pub message: String,
}

/// Every problem found in a notebook, in order of line; it derefs to the list.
///
/// Available with the `cli` feature (on by default).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotebookErrors(pub Vec<NotebookError>);

impl std::ops::Deref for NotebookErrors {
    type Target = [NotebookError];

    fn deref(&self) -> &[NotebookError] {
        &self.0
    }
}

impl std::fmt::Display for NotebookErrors {
    /// One problem a line: `LINE: message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for NotebookErrors {}

/// A query line that does not parse: the grammar's message, on one line, lowercase.
///
/// Available with the `cli` feature (on by default).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryParseError(pub String);

/// The parser for one query line: the CLI's own subcommands.
#[derive(Debug, Parser)]
#[command(name = "query", no_binary_name = true, disable_help_flag = true)]
struct Line {
    #[command(subcommand)]
    query: Query,
}

/// Parses one query line in the command line's grammar.
///
/// Available with the `cli` feature (on by default).
pub fn parse_query(line: &str) -> Result<Query, QueryParseError> {
    let words = line.split_whitespace();
    Line::try_parse_from(words)
        .map(|l| l.query)
        .map_err(|e| QueryParseError(first_line(&e.to_string())))
}

/// The message of a clap error without its usage section, on one line.
fn first_line(text: &str) -> String {
    let message: Vec<&str> = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .collect();
    let joined = message.join(" ");
    joined
        .strip_prefix("error: ")
        .unwrap_or(&joined)
        .to_string()
}

/// Renders a notebook: every query block answered, old answers replaced.
///
/// Every problem in the notebook is reported, each with its line; nothing is rendered unless all
/// blocks succeed. Fenced code blocks of another language are prose, copied as they are, and so
/// is everything inside them, a query block shown as an example in a longer fence included. A
/// result marker that does not close, or that follows no query block, is an error: rendering
/// would otherwise drop or keep text it cannot tell apart from an answer.
///
/// Available with the `cli` feature (on by default).
pub fn render(markdown: &str, debate: &Debate) -> Result<String, NotebookErrors> {
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut errors = Vec::new();
    let lines: Vec<&str> = markdown.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        out.push_str(line);
        out.push('\n');
        i += 1;
        if let Some(marker) = marker(line) {
            errors.push(NotebookError {
                line: i,
                message: format!(
                    "expected a result marker only after a query block, found `{marker}` after \
                     none; remove it, or put back the query block it answered"
                ),
            });
            continue;
        }
        let Some(fence) = opening_fence(line) else {
            continue;
        };
        let close = (i..lines.len()).find(|&j| fence.closed_by(lines[j]));
        let mut queries = Vec::new();
        for (j, body) in lines
            .iter()
            .enumerate()
            .take(close.unwrap_or(lines.len()))
            .skip(i)
        {
            out.push_str(body);
            out.push('\n');
            let text = body.trim();
            if fence.query && !text.is_empty() && !text.starts_with('#') {
                queries.push((j + 1, text));
            }
        }
        let Some(close) = close else {
            if fence.query {
                errors.push(NotebookError {
                    line: lines.len(),
                    message: "expected the query block to be closed, found the end of the notebook"
                        .into(),
                });
            }
            // Any other block runs to the end of the notebook, as in CommonMark.
            break;
        };
        out.push_str(lines[close]);
        out.push('\n');
        i = close + 1;
        if !fence.query {
            continue;
        }
        match skip_old_answer(&lines, i) {
            Ok(next) => i = next,
            Err(e) => {
                errors.push(e);
                break;
            }
        }
        match answer_block(&queries, debate) {
            Ok(rendered) => {
                out.push_str(BEGIN);
                out.push('\n');
                out.push_str(&rendered);
                out.push_str(END);
                out.push('\n');
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(NotebookErrors(errors))
    }
}

/// The opening line of a fenced code block, as CommonMark reads it: at most three spaces, then
/// three or more backticks or tildes, then the info string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fence {
    /// `` ` `` or `~`.
    mark: char,
    /// How many marks open it; a closing fence has at least as many.
    len: usize,
    /// Whether its info string is `historiograph`.
    query: bool,
}

impl Fence {
    /// Whether `line` closes this block: the same mark, at least as many, nothing after but
    /// spaces.
    fn closed_by(&self, line: &str) -> bool {
        let Some(rest) = without_indent(line) else {
            return false;
        };
        let marks = rest.chars().take_while(|&c| c == self.mark).count();
        marks >= self.len && rest[marks..].trim().is_empty()
    }
}

/// `line` without up to three spaces of indentation; `None` when indented further (a code
/// block by indentation, not a fence).
fn without_indent(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(' ');
    (line.len() - rest.len() <= 3).then_some(rest)
}

fn opening_fence(line: &str) -> Option<Fence> {
    let rest = without_indent(line)?;
    let mark = rest.chars().next().filter(|&c| c == '`' || c == '~')?;
    let len = rest.chars().take_while(|&c| c == mark).count();
    let info = &rest[len..];
    // A backtick fence's info string has no backtick (else it is inline code).
    if len < 3 || (mark == '`' && info.contains('`')) {
        return None;
    }
    let query = info.split_whitespace().next() == Some(FENCE_INFO);
    Some(Fence { mark, len, query })
}

fn is_query_fence(line: &str) -> bool {
    opening_fence(line).is_some_and(|f| f.query)
}

/// The result marker `line` is, if it is one.
fn marker(line: &str) -> Option<&'static str> {
    [BEGIN, END].into_iter().find(|&m| line.trim() == m)
}

/// Skips blank lines and a previous answer (BEGIN..END) after a block; returns the next line.
/// An answer whose END is missing (the notebook ends, or another BEGIN or query block comes
/// first) is an error naming its BEGIN line: skipping to a later END would drop the prose
/// between.
fn skip_old_answer(lines: &[&str], start: usize) -> Result<usize, NotebookError> {
    let mut j = start;
    while j < lines.len() && lines[j].trim().is_empty() {
        j += 1;
    }
    if j == lines.len() || marker(lines[j]) != Some(BEGIN) {
        return Ok(start);
    }
    let unclosed = |found: String| NotebookError {
        line: j + 1,
        message: format!("expected `{END}` to close the answer that begins here, found {found}"),
    };
    for (k, line) in lines.iter().enumerate().skip(j + 1) {
        match marker(line) {
            Some(END) => return Ok(k + 1),
            Some(_) => return Err(unclosed(format!("another `{BEGIN}` at line {}", k + 1))),
            None if is_query_fence(line) => {
                return Err(unclosed(format!("a query block at line {}", k + 1)))
            }
            None => {}
        }
    }
    Err(unclosed("the end of the notebook".into()))
}

fn answer_block(queries: &[(usize, &str)], debate: &Debate) -> Result<String, Vec<NotebookError>> {
    let mut rendered = String::new();
    let mut errors = Vec::new();
    for &(line, text) in queries {
        let result = parse_query(text).map_err(|e| e.0).and_then(|q| {
            let answer = q.run(debate).map_err(|e: QueryError| e.to_string())?;
            Ok((q, answer))
        });
        match result {
            Ok((query, answer)) => {
                rendered.push('\n');
                if queries.len() > 1 {
                    rendered.push_str(&format!("`{text}`\n\n"));
                }
                for table in answer.tables() {
                    rendered.push_str(&table.to_markdown());
                    rendered.push('\n');
                }
                if let Some(diagram) = diagram(debate, &query, &answer) {
                    rendered.push_str(&diagram);
                }
            }
            Err(message) => errors.push(NotebookError { line, message }),
        }
    }
    if errors.is_empty() {
        Ok(rendered)
    } else {
        Err(errors)
    }
}

/// Diagrams larger than this are left out: they would not help a reader.
const MAX_DIAGRAM_NODES: usize = 30;

/// A Mermaid diagram of the subgraph a query involves, when that is small enough to read:
/// the routes of an evidence base; a document with the claims that rest on it or fall without
/// it; the immediate neighbourhood of a shown record.
fn diagram(debate: &Debate, query: &Query, answer: &Answer) -> Option<String> {
    let (ids, depth): (Vec<&str>, usize) = match answer {
        Answer::Evidence(base) => {
            let mut ids: Vec<&str> = base
                .routes
                .iter()
                .flat_map(|r| r.path.iter().map(Id::as_str))
                .collect();
            ids.push(&base.claim.id);
            ids.extend(base.undermined_by.iter().map(|d| d.id.as_str()));
            (ids, 0)
        }
        Answer::Claims(claims) if !query.subjects().is_empty() && !claims.is_empty() => {
            let mut ids = query.subjects();
            ids.extend(claims.iter().map(|c| c.id.as_str()));
            (ids, 0)
        }
        Answer::Discredit(d) if !d.fallen.is_empty() => {
            let mut ids = query.subjects();
            ids.extend(d.fallen.iter().map(|f| f.claim.id.as_str()));
            (ids, 0)
        }
        Answer::Record(_) => (query.subjects(), 1),
        _ => return None,
    };
    let subgraph = neighbourhood(debate, &ids, depth).ok()?;
    if subgraph.len() < 2 || subgraph.len() > MAX_DIAGRAM_NODES {
        return None;
    }
    Some(format!(
        "```mermaid\n{}```\n\n",
        to_mermaid(debate, &subgraph)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_query_fences_only() {
        assert!(is_query_fence("```historiograph"));
        assert!(is_query_fence("~~~ historiograph"));
        assert!(!is_query_fence("```rust"));
        assert!(!is_query_fence("historiograph"));
    }

    #[test]
    fn parses_the_cli_grammar() {
        assert_eq!(
            parse_query("depends-on khrushchev-memoir").unwrap(),
            Query::DependsOn {
                document: "khrushchev-memoir".into()
            }
        );
        assert!(parse_query("depends-on")
            .unwrap_err()
            .0
            .contains("required"));
        assert!(parse_query("frobnicate")
            .unwrap_err()
            .to_string()
            .contains("unrecognized subcommand"));
    }
}
