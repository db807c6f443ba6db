//! Diagnostics: what is wrong with a corpus, and where.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

/// A place in a corpus file. Lines and columns count from 1.
///
/// The file name is shared: every record and reference read from one file points at one copy
/// of its path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Origin {
    /// The file, as given to the loader (relative paths stay relative).
    pub file: Arc<Path>,
    /// The line, from 1; 0 when the problem concerns the whole file.
    pub line: u32,
    /// The column, from 1; 0 when the problem concerns the whole file.
    pub column: u32,
}

impl Origin {
    /// A line and column of `file` (a shared path: pass a clone of one `Arc<Path>` per file).
    /// Positions past `u32::MAX` are clamped to it.
    pub fn new(file: Arc<Path>, line: usize, column: usize) -> Origin {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Origin {
            file,
            line: clamp(line),
            column: clamp(column),
        }
    }

    /// The whole of `file`: line and column 0.
    pub fn file(file: impl AsRef<Path>) -> Origin {
        Origin::new(Arc::from(file.as_ref()), 0, 0)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display().to_string();
        let file = visible(&file);
        if self.line == 0 {
            write!(f, "{file}")
        } else {
            write!(f, "{file}:{}:{}", self.line, self.column)
        }
    }
}

/// One problem found while loading a corpus.
///
/// The message is lowercase with no trailing period and says what was expected and what was
/// found; the hint says how to fix it.
///
/// `Display` renders it in the style of rustc from what the diagnostic holds, reading no file:
/// the message, ` --> file:line:column`, the line it points at with a caret under the column
/// (when the line is known), and the hint. [`Diagnostic::short`] is the one-line form. Control
/// characters in the file name, message, line and hint are shown as escapes (`\u{1b}`), so
/// nothing read from a corpus can drive the terminal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The text of the line the origin points at, without its line break: taken by the loader
    /// from the text it read, so that rendering needs no file. `None` for problems with no line
    /// (a whole file or folder), and where the text was not in hand (a file that is not UTF-8,
    /// a corpus built in code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at `origin`.
    pub fn new(origin: Origin, message: impl Into<String>) -> Self {
        Diagnostic {
            origin,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds the text of the line the origin points at (without its line break), shown under
    /// the message with a caret at the column.
    pub fn with_source_line(mut self, line: impl Into<String>) -> Self {
        self.source_line = Some(line.into());
        self
    }

    /// The one-line form, `file:line:column: error: message`, and the hint on a second line
    /// when there is one.
    pub fn short(&self) -> impl fmt::Display + '_ {
        Short(self)
    }
}

/// [`Diagnostic::short`].
struct Short<'a>(&'a Diagnostic);

impl fmt::Display for Short<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{}: error: {}", d.origin, visible(&d.message))?;
        if let Some(hint) = &d.hint {
            write!(f, "\n  = hint: {}", visible(hint))?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.origin.line;
        let gutter = " ".repeat(line.to_string().len());
        write!(f, "error: {}", visible(&self.message))?;
        write!(f, "\n{gutter}--> {}", self.origin)?;
        if let Some(text) = self.source_line.as_deref().filter(|_| line > 0) {
            let (text, caret) = window(text, self.origin.column);
            write!(f, "\n{gutter} |\n{line} | {text}\n{gutter} | {caret}^")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n{gutter} = hint: {}", visible(hint))?;
        }
        Ok(())
    }
}

/// A line wider than this many columns on the terminal is shown as a window of about this
/// width around the column, cut ends marked `…`, so that a problem in a file of one long line
/// prints a screenful, not the whole file.
pub(crate) const WINDOW: usize = 100;

/// The line as shown (escapes for control characters; a window around `column` when wider than
/// [`WINDOW`]) and the indent that puts a caret under `column`. Looks at no more of the line
/// than the window and what comes before it.
fn window(line: &str, column: u32) -> (Cow<'_, str>, String) {
    let at = (column as usize).saturating_sub(1);
    // Each character's width as shown: an escape is as wide as its text, a tab taken as four.
    let width = |c: char| match c {
        '\t' => 4,
        c if c.is_control() && c != '\n' => visible(c.encode_utf8(&mut [0; 4])).len(),
        c => c.width().unwrap_or(0),
    };
    let head: Vec<char> = line.chars().take(at + WINDOW + 1).collect();
    let long = head.len() > at + WINDOW || head.iter().map(|&c| width(c)).sum::<usize>() > WINDOW;
    if !long {
        return (visible(line), caret_indent(line, column));
    }
    let at = at.min(head.len());
    let mut start = at;
    let mut before = 0;
    while start > 0 && before + width(head[start - 1]) <= WINDOW / 3 {
        start -= 1;
        before += width(head[start]);
    }
    let mut end = at;
    let mut shown = before;
    while end < head.len() && shown + width(head[end]) <= WINDOW {
        shown += width(head[end]);
        end += 1;
    }
    let cut_before = if start > 0 { "…" } else { "" };
    let cut_after = if end < head.len() { "…" } else { "" };
    let middle: String = head[start..end].iter().collect();
    let text = format!("{cut_before}{}{cut_after}", visible(&middle));
    let caret_at: String = head[start..at].iter().collect();
    let indent =
        " ".repeat(cut_before.chars().count()) + &caret_indent(&caret_at, (at - start + 1) as u32);
    (Cow::Owned(text), indent)
}

/// The indent that puts a caret under `column` (from 1, in characters) of `line` as it is
/// shown: escapes included, a tab kept as a tab (it moves the caret as it moves the text), a
/// wide character (CJK, Hangul) counted as two columns and a combining mark as none.
fn caret_indent(line: &str, column: u32) -> String {
    let before: String = line
        .chars()
        .take((column as usize).saturating_sub(1))
        .collect();
    let mut indent = String::with_capacity(before.len());
    for c in visible(&before).chars() {
        if c == '\t' {
            indent.push('\t');
        } else {
            indent.extend(std::iter::repeat_n(' ', c.width().unwrap_or(0)));
        }
    }
    indent
}

/// `text` safe to print on a terminal: every control character but tab and line feed (ESC,
/// BEL, carriage return, DEL, the C1 controls) written as a visible escape such as `\u{1b}`, so
/// that no text read from a corpus or another tool's file can move the cursor, recolour the
/// terminal or ring its bell. Borrowed when there is nothing to escape.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !text.contains(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How many characters one did-you-mean may compare: cells of the edit-distance table, plus
/// the characters of each candidate looked at. A suggestion for one word among the ids of a
/// large corpus stays within it; a word of hundreds of kilobytes gets none rather than take
/// minutes.
pub(crate) const SUGGESTION_CELLS: u64 = 20_000_000;

/// The largest edit-distance table did-you-mean fills for one pair of words: a thousand
/// characters each.
const PAIR_CELLS: u64 = 1_000_000;

/// The closest candidate to `wanted`: by edit distance when that is small enough to be a
/// likely typo, otherwise the shortest candidate that contains `wanted` as a word-part
/// (`gottwald` suggests `stalin-gottwald-1950-08-27`). Compares at most [`SUGGESTION_CELLS`]
/// characters.
pub(crate) fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut budget = SUGGESTION_CELLS;
    did_you_mean_within(wanted, candidates, &mut budget)
}

/// [`did_you_mean`] within a budget of characters compared, shared by several calls (so that
/// thousands of unknown words cost a bounded time in all): what it compares is taken from
/// `budget`, and once the budget is spent it suggests nothing (not the best of the candidates
/// it saw, which might not be the best).
pub(crate) fn did_you_mean_within<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    budget: &mut u64,
) -> Option<&'a str> {
    let wanted_chars: Vec<char> = wanted.chars().collect();
    let limit = (wanted_chars.len() / 3).max(2);
    let wanted_lower = wanted.to_lowercase();
    let mut close: Option<(usize, &str)> = None;
    let mut containing: Option<(usize, &str)> = None;
    for c in candidates {
        let length = c.len() as u64;
        let Some(rest) = budget.checked_sub(length) else {
            *budget = 0;
            return None;
        };
        *budget = rest;
        let c_chars = c.chars().count();
        let cells = (wanted_chars.len() as u64).saturating_mul(c_chars as u64);
        // The distance is at least the difference in length: most candidates stop here. Two
        // words too long to be a typo of each other (a table of over a million cells) are not
        // compared, so that one such pair cannot spend the budget of all the rest.
        if c_chars.abs_diff(wanted_chars.len()) <= limit && cells <= PAIR_CELLS {
            let Some(rest) = budget.checked_sub(cells) else {
                *budget = 0;
                return None;
            };
            *budget = rest;
            let d = edit_distance(&wanted_chars, c, limit);
            if d <= limit && close.is_none_or(|best| (d, c) < best) {
                close = Some((d, c));
            }
        }
        if wanted_lower.len() >= 4
            && c.len() >= wanted_lower.len()
            && c.to_lowercase().contains(&wanted_lower)
        {
            let key = (c.len(), c);
            if containing.is_none_or(|best| key < best) {
                containing = Some(key);
            }
        }
    }
    close.or(containing).map(|(_, c)| c)
}

/// The edit distance between `a` and `b`, or any number above `limit` once every entry of a
/// row of the table is above it (the distance can only grow from there).
fn edit_distance(a: &[char], b: &str, limit: usize) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
            least = least.min(row[j + 1]);
        }
        if least > limit {
            return least;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["gottwald-letter", "khrushchev-memoir"];
        assert_eq!(did_you_mean("gotwald-letter", ids), Some("gottwald-letter"));
        assert_eq!(did_you_mean("acheson", ids), None);
        assert_eq!(did_you_mean("khrushchev", ids), Some("khrushchev-memoir"));
        let kitten: Vec<char> = "kitten".chars().collect();
        assert_eq!(edit_distance(&kitten, "sitting", 3), 3);
        // Past the limit, it stops early with some number above it.
        assert!(edit_distance(&kitten, "zzzzzzzzz", 1) > 1);
    }

    #[test]
    fn control_characters_are_shown_as_escapes() {
        assert!(matches!(visible("a\tb\nc é"), Cow::Borrowed("a\tb\nc é")));
        assert_eq!(
            visible("\u{1b}[31mred\u{7}\r\u{7f}\u{85}"),
            "\\u{1b}[31mred\\u{7}\\u{d}\\u{7f}\\u{85}"
        );
        let d = Diagnostic::new(
            Origin::new(Arc::from(Path::new("f\u{1b}.yaml")), 2, 3),
            "bad `\u{7}`",
        )
        .with_hint("no \u{1b}");
        assert_eq!(
            d.short().to_string(),
            "f\\u{1b}.yaml:2:3: error: bad `\\u{7}`\n  = hint: no \\u{1b}"
        );
        let d = d.with_source_line("b\u{1b}c: d");
        let caret = format!("  | {}^", " ".repeat(7));
        assert_eq!(
            d.to_string(),
            format!("error: bad `\\u{{7}}`\n --> f\\u{{1b}}.yaml:2:3\n  |\n2 | b\\u{{1b}}c: d\n{caret}\n  = hint: no \\u{{1b}}")
        );
    }

    #[test]
    fn the_caret_is_placed_by_display_width() {
        let at = |column| Origin::new(Arc::from(Path::new("a.yaml")), 12, column);
        // `김동길` is three characters and six columns wide; `e\u{301}` two characters, one column.
        let d = Diagnostic::new(at(20), "unknown historian `kim`")
            .with_source_line("  - {name: 김동길, x: kim}");
        let caret = format!("   | {}^", " ".repeat(11 + 6 + 5));
        assert_eq!(
            d.to_string(),
            format!("error: unknown historian `kim`\n  --> a.yaml:12:20\n   |\n12 |   - {{name: 김동길, x: kim}}\n{caret}")
        );
        assert_eq!(caret_indent("e\u{301}\tx", 4), " \t");
        // A problem with the whole file has no line to show.
        let whole = Diagnostic::new(Origin::file("a.yaml"), "too large").with_source_line("x");
        assert_eq!(whole.to_string(), "error: too large\n --> a.yaml");
    }
}
