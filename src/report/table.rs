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

    /// Plain text with aligned columns, fitted to [`Table::WIDTH`] columns: see
    /// [`Table::to_text_width`].
    pub fn to_text(&self) -> String {
        self.to_text_width(Self::WIDTH)
    }

    /// Plain text with aligned columns, fitted to `width` terminal columns (display width:
    /// a Hangul or CJK character counts two). Cells wrap at spaces, their continuation lines
    /// aligned under them; nothing is cut, and a word (an id) is never broken. When the words
    /// of the columns cannot stand side by side in `width`, each row is written as a block
    /// instead: its first cell, then the other cells under their headers.
    ///
    /// This text is for a terminal: control characters other than tab and line feed (ESC, BEL,
    /// carriage return, which a quoted YAML value can hold through an escape) are shown as
    /// escapes such as `\u{1b}`, never passed through.
    pub fn to_text_width(&self, width: usize) -> String {
        let escaped = |cells: &[String]| -> Vec<String> {
            cells.iter().map(|c| visible(c).into_owned()).collect()
        };
        let shown = Table {
            title: visible(&self.title).into_owned(),
            headers: escaped(&self.headers),
            rows: self.rows.iter().map(|r| escaped(r)).collect(),
        };
        let width = width.max(Self::NARROWEST + 10);
        shown.aligned(width).unwrap_or_else(|| shown.stacked(width))
    }

    /// [`Table::to_text_width`] once control characters are escaped, as columns; `None` when
    /// the columns' longest words do not fit side by side.
    fn aligned(&self, total: usize) -> Option<String> {
        let mut out = wrap(&self.title, total - 2).join("\n  ") + "\n";
        if self.rows.is_empty() {
            out.push_str("  (none)\n");
            return Some(out);
        }
        let last = self.headers.len() - 1;
        let column = |i: usize| self.rows.iter().map(move |r| r[i].as_str());
        let longest_word = |i: usize| {
            (column(i).chain([self.headers[i].as_str()]))
                .flat_map(str::split_whitespace)
                .map(width)
                .max()
                .unwrap_or(0)
        };
        let words: Vec<usize> = (0..=last).map(longest_word).collect();
        // A column is as wide as its widest cell, up to `COLUMN` (or its longest word); the
        // last column takes what is left, up to `WRAP`.
        let mut widths: Vec<usize> = (0..last)
            .map(|i| {
                let natural = column(i).chain([self.headers[i].as_str()]).map(width).max();
                natural.unwrap_or(0).min(Self::COLUMN.max(words[i]))
            })
            .collect();
        let indent = |widths: &[usize]| 2 + widths.iter().map(|w| w + 2).sum::<usize>();
        let last_needs = words[last].max(Self::NARROWEST.min(total / 3));
        // Too wide: narrow the widest columns, down to their longest words.
        while indent(&widths) + last_needs > total {
            let widest = (0..last)
                .filter(|&i| widths[i] > words[i])
                .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)))?;
            widths[widest] -= 1;
        }
        let last_width = total.saturating_sub(indent(&widths)).min(Self::WRAP);
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
        rule.push("-".repeat(width(&self.headers[last]).min(last_width)));
        out.push_str(&line(&rule));
        for r in &self.rows {
            out.push_str(&line(r));
        }
        Some(out)
    }

    /// [`Table::to_text_width`] as blocks, one a row: the first cell, then each other cell that
    /// is not empty beside its header, wrapped to `total`.
    fn stacked(&self, total: usize) -> String {
        let mut out = wrap(&self.title, total - 2).join("\n  ") + "\n";
        let label = self.headers[1..]
            .iter()
            .map(|h| width(h))
            .max()
            .unwrap_or(0);
        let value = total.saturating_sub(4 + label + 2).max(Self::NARROWEST);
        for (n, row) in self.rows.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            out.push_str(&format!("  {}\n", row[0]));
            for (header, cell) in self.headers[1..].iter().zip(&row[1..]) {
                if cell.trim().is_empty() {
                    continue;
                }
                for (k, text) in wrap(cell, value).iter().enumerate() {
                    let head = if k == 0 { header.as_str() } else { "" };
                    let pad = " ".repeat(label - width(head) + 2);
                    out.push_str(format!("    {head}{pad}{text}").trim_end());
                    out.push('\n');
                }
            }
        }
        out
    }

    /// The widest a column other than the last is before its cells wrap (a single word longer
    /// than this widens the column rather than being cut).
    pub const COLUMN: usize = 32;

    /// The width [`Table::to_text`] fits (terminals are at least 80–100 columns; a fixed width
    /// keeps the output the same wherever it goes: the CLI fits the terminal's own width only
    /// when it writes to one).
    pub const WIDTH: usize = 100;

    /// The narrowest the last column gets before the others narrow.
    pub const NARROWEST: usize = 30;

    /// The widest the last column gets before it wraps.
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

/// How many terminal columns `text` takes.
fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Splits `text` into lines of at most `limit` columns at spaces; a longer word stands alone.
fn wrap(text: &str, limit: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let Some(current) = lines.last_mut() else {
            break;
        };
        if !current.is_empty() && width(current) + 1 + width(word) > limit {
            lines.push(word.to_string());
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        let mut t = Table::new("title", &["claim", "school", "statement"]);
        for r in rows {
            t.row(r.iter().map(|c| c.to_string()).collect());
        }
        t
    }

    fn widest(text: &str) -> usize {
        text.lines().map(width).max().unwrap_or(0)
    }

    #[test]
    fn columns_fit_the_width_and_measure_display_width() {
        let t = table(&[
            &[
                "a-claim",
                "orthodox",
                "a statement that runs on for a while and then some more",
            ],
            &["한국어-주장", "revisionist", "짧은 문장"],
        ]);
        for total in [50, 60, 100] {
            let text = t.to_text_width(total);
            assert!(widest(&text) <= total, "{total}:\n{text}");
            assert!(text.contains("  -------"), "{text}");
        }
        // The Hangul id takes 11 columns: the next column starts at the same place on both rows.
        let text = t.to_text_width(100);
        let starts: Vec<usize> = (text.lines().skip(3))
            .map(|l| width(&l[..l.find("orthodox").or(l.find("revisionist")).unwrap()]))
            .collect();
        assert_eq!(starts[0], starts[1], "{text}");
    }

    #[test]
    fn rows_become_blocks_when_their_words_cannot_stand_side_by_side() {
        let long = "an-id-that-is-far-too-long-to-share-a-line-with-another-one";
        let t = table(&[
            &[long, "post-revisionist-school-of-thought", "text"],
            &["b", "", "x"],
        ]);
        let text = t.to_text_width(60);
        assert_eq!(
            text,
            format!("title\n  {long}\n    school     post-revisionist-school-of-thought\n    statement  text\n\n  b\n    statement  x\n")
        );
    }
}
