//! The table every answer is drawn as: aligned plain text that wraps to fit a terminal, or
//! Markdown.

use crate::diagnostic::visible;

/// A titled table of text cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// A heading above the table.
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as `headers`.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub(super) fn new(title: impl Into<String>, headers: &[&str]) -> Table {
        Table {
            title: title.into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub(super) fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Plain text with aligned columns. The last column is wrapped at word boundaries to
    /// [`Table::WRAP`] characters, its continuation lines aligned under it; nothing is cut.
    ///
    /// This text is for a terminal: control characters other than tab and line feed (ESC, BEL,
    /// carriage return, which a quoted YAML value can hold through an escape) are shown as
    /// escapes such as `\u{1b}`, never passed through.
    pub fn to_text(&self) -> String {
        let escaped = |cells: &[String]| -> Vec<String> {
            cells.iter().map(|c| visible(c).into_owned()).collect()
        };
        let shown = Table {
            title: visible(&self.title).into_owned(),
            headers: escaped(&self.headers),
            rows: self.rows.iter().map(|r| escaped(r)).collect(),
        };
        shown.aligned()
    }

    /// [`Table::to_text`] once control characters are escaped.
    fn aligned(&self) -> String {
        let mut out = wrap(&self.title, Self::TITLE).join("\n  ") + "\n";
        if self.rows.is_empty() {
            out.push_str("  (none)\n");
            return out;
        }
        let last = self.headers.len() - 1;
        let width = |text: &str| text.chars().count();
        // A column is as wide as its widest cell, up to `COLUMN` (or its longest word, which is
        // never cut); the last column wraps at `WRAP`.
        let widths: Vec<usize> = (0..last)
            .map(|i| {
                let cells = || self.rows.iter().map(|r| r[i].as_str());
                let natural = cells().map(width).chain([width(&self.headers[i])]).max();
                let word = cells().flat_map(str::split_whitespace).map(width).max();
                natural
                    .unwrap_or(0)
                    .min(Self::COLUMN.max(word.unwrap_or(0)))
            })
            .collect();
        // The last column takes what is left of `WIDTH`, between `NARROWEST` and `WRAP`.
        let indent = 2 + widths.iter().map(|w| w + 2).sum::<usize>();
        let last_width = Self::WIDTH
            .saturating_sub(indent)
            .clamp(Self::NARROWEST, Self::WRAP);
        let line = |cells: &[String]| {
            let mut wrapped: Vec<Vec<String>> = (cells.iter().zip(&widths))
                .map(|(cell, &w)| wrap(cell, w))
                .collect();
            wrapped.push(wrap(&cells[last], last_width));
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let mut text = String::new();
            for k in 0..height {
                let mut s = String::from("  ");
                for (i, lines) in wrapped.iter().enumerate() {
                    let cell = lines.get(k).map_or("", String::as_str);
                    s.push_str(cell);
                    if i < last {
                        s.push_str(&" ".repeat(widths[i].saturating_sub(width(cell)) + 2));
                    }
                }
                text.push_str(s.trim_end());
                text.push('\n');
            }
            text
        };
        out.push_str(&line(&self.headers));
        let mut rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
        rule.push("-".repeat(width(&self.headers[last])));
        out.push_str(&line(&rule));
        for r in &self.rows {
            out.push_str(&line(r));
        }
        out
    }

    /// The widest a column other than the last is before its cells wrap (a single word longer
    /// than this widens the column rather than being cut).
    pub const COLUMN: usize = 32;

    /// The width a table aims to fit (terminals are at least 80–100 columns; a fixed width
    /// keeps the output the same wherever it goes).
    pub const WIDTH: usize = 100;

    /// The narrowest the last column gets, however wide the others are.
    pub const NARROWEST: usize = 30;

    /// The width at which a title wraps, its later lines indented.
    pub const TITLE: usize = 98;

    /// The widest the last column of [`Table::to_text`] gets before it wraps.
    pub const WRAP: usize = 72;

    /// A Markdown table under a bold title; control characters are escaped as in
    /// [`Table::to_text`].
    pub fn to_markdown(&self) -> String {
        let mut out = format!("**{}**\n\n", visible(&self.title));
        if self.rows.is_empty() {
            out.push_str("*(none)*\n");
            return out;
        }
        let cell = |c: &String| visible(c).replace('|', "\\|").replace('\n', " ");
        let line = |cells: &[String]| {
            format!(
                "| {} |\n",
                cells.iter().map(cell).collect::<Vec<_>>().join(" | ")
            )
        };
        out.push_str(&line(&self.headers));
        out.push_str(&format!("|{}\n", "---|".repeat(self.headers.len())));
        for r in &self.rows {
            out.push_str(&line(r));
        }
        out
    }
}

/// Splits `text` into lines of at most `width` characters at spaces; a longer word stands alone.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    lines.push(current);
    lines
}
