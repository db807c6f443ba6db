//! Diagnostics: what is wrong with a corpus, and where.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

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
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at `origin`.
    pub fn new(origin: Origin, message: impl Into<String>) -> Self {
        Diagnostic {
            origin,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error: {}", self.origin, visible(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {}", visible(hint))?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// Renders the diagnostic with the offending line of `source` (the file's text) and a caret
    /// under the column, in the style of rustc.
    pub fn render(&self, source: Option<&str>) -> String {
        let mut out = format!("error: {}\n", visible(&self.message));
        let line_text = source
            .filter(|_| self.origin.line > 0)
            .and_then(|s| crate::corpus::lines(s).nth(self.origin.line as usize - 1));
        let gutter = " ".repeat(self.origin.line.to_string().len());
        out.push_str(&format!("{gutter}--> {}\n", self.origin));
        if let Some(text) = line_text {
            // The caret goes under the column's character as it is shown, escapes included.
            let before: String = text
                .chars()
                .take((self.origin.column as usize).saturating_sub(1))
                .collect();
            let caret_at: String = visible(&before)
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&format!(
                "{gutter} |\n{} | {}\n{gutter} | {caret_at}^\n",
                self.origin.line,
                visible(text)
            ));
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("{gutter} = hint: {}\n", visible(hint)));
        }
        out
    }
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

/// The closest candidate to `wanted`: by edit distance when that is small enough to be a
/// likely typo, otherwise the shortest candidate that contains `wanted` as a word-part
/// (`gottwald` suggests `stalin-gottwald-1950-08-27`).
pub(crate) fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    let wanted_lower = wanted.to_lowercase();
    let mut close: Option<(usize, &str)> = None;
    let mut containing: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(wanted, c);
        if d <= limit && close.is_none_or(|best| (d, c) < best) {
            close = Some((d, c));
        }
        if wanted_lower.len() >= 4 && c.to_lowercase().contains(&wanted_lower) {
            let key = (c.len(), c);
            if containing.is_none_or(|best| key < best) {
                containing = Some(key);
            }
        }
    }
    close.or(containing).map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
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
        assert_eq!(edit_distance("kitten", "sitting"), 3);
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
            d.to_string(),
            "f\\u{1b}.yaml:2:3: error: bad `\\u{7}`\n  = hint: no \\u{1b}"
        );
        let rendered = d.render(Some("a\rb\u{1b}c: d\n"));
        assert!(
            rendered.contains(&"2 | b\\u{1b}c: d\n  | {}^\n".replace("{}", &" ".repeat(7))),
            "{rendered}"
        );
    }
}
