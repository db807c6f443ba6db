//! Checks on a file's text before it is parsed: limits that bound the time, memory and stack a
//! file can cost, and what the parser would otherwise silently accept.
//!
//! The YAML parser recurses once per level of nesting, so a file nested a hundred thousand
//! levels deep would overflow the stack. Flow collections (`[`, `{`) are capped by the parser
//! itself at 255 levels; block collections are not, so [`deep_line`] refuses them here, before
//! parsing. Anchors and aliases are refused by the parser options (see `read.rs`), so no file can
//! expand beyond its own size.
//!
//! Every check here splits the text into lines with [`lines`], which ends a line at `\r\n`,
//! `\n` or a lone `\r`, as the parser does: a file saved with old Mac line endings is read line
//! by line like any other, and a line number here is the parser's.

use crate::diagnostic::{Diagnostic, Origin};

/// Files larger than this are refused rather than read: 4 MiB, over a hundred times the largest
/// file of the bundled corpus. Loading a file this size takes about 150 MB and under two seconds.
pub(crate) const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The deepest column at which a line's content may start once its indentation and block
/// indicators (`- `, `? `, `: `) and node properties (`&anchor`, `!tag`) are skipped.
///
/// Every nested block collection starts at a column greater than or equal to its parent's, and
/// only a sequence that is the value of a mapping key may share its parent's column, so this
/// bounds block nesting to about one level per column. A corpus record is nested five levels
/// deep and indented by a dozen columns.
pub(crate) const MAX_COLUMN: usize = 256;

/// The diagnostic for a file over [`MAX_FILE_BYTES`].
pub(crate) fn too_large(file: &std::path::Path, size: u64) -> Diagnostic {
    Diagnostic::new(
        Origin::file(file),
        format!("file is too large: expected at most {MAX_FILE_BYTES} bytes, found {size} bytes"),
    )
    .with_hint("split the corpus into several files")
}

/// The lines of `text`, as YAML reads them: each ends at `\r\n`, `\n` or a lone `\r` (YAML's
/// three line breaks), which is not part of the line. Unlike [`str::lines`], a lone `\r` ends a
/// line.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    // `str::lines` gives nothing for an empty text, and no empty line after a final break.
    let mut rest = Some(text).filter(|t| !t.is_empty());
    std::iter::from_fn(move || {
        let current = rest?;
        let Some(end) = current.find(['\n', '\r']) else {
            rest = None;
            return Some(current);
        };
        let after = end
            + if current[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
        rest = Some(&current[after..]).filter(|r| !r.is_empty());
        Some(&current[..end])
    })
}

/// The line and column (from 1, the column in characters) just after `prefix`, the start of a
/// file's bytes, counting line breaks as [`lines`] does.
pub(crate) fn end_position(prefix: &[u8]) -> (usize, usize) {
    let lone_return = |i: usize| prefix[i] == b'\r' && prefix.get(i + 1) != Some(&b'\n');
    let line = (0..prefix.len())
        .filter(|&i| prefix[i] == b'\n' || lone_return(i))
        .count()
        + 1;
    let start = prefix
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&prefix[start..]).chars().count() + 1;
    (line, column)
}

/// The first line (from 1) whose content starts beyond [`MAX_COLUMN`], with that column.
pub(crate) fn deep_line(text: &str) -> Option<(usize, usize)> {
    lines(text)
        .enumerate()
        .map(|(i, line)| (i + 1, content_column(line)))
        .find(|&(_, column)| column > MAX_COLUMN)
}

/// The first control character YAML does not allow in a file (anything below U+0020 but tab,
/// line feed and carriage return, and U+007F), with its line and column (from 1).
pub(crate) fn control_character(text: &str) -> Option<(usize, usize, char)> {
    lines(text).enumerate().find_map(|(i, line)| {
        line.chars()
            .enumerate()
            .find(|&(_, c)| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r'))
            .map(|(j, c)| (i + 1, j + 1, c))
    })
}

/// The line (from 1) of a document marker (`---` or `...`) that ends the file's first YAML
/// document when more content follows it: the parser reads the first document only, so the
/// rest would be silently dropped.
pub(crate) fn second_document(text: &str) -> Option<usize> {
    let is_content = |t: &str| {
        let t = t.trim();
        !t.is_empty() && !t.starts_with('#')
    };
    let mut in_document = false;
    let mut ended_at = None;
    for (i, line) in lines(text).enumerate() {
        let marker = ["---", "..."].iter().find(|m| {
            line.strip_prefix(**m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        });
        let rest = match marker {
            Some(_) if in_document => {
                ended_at.get_or_insert(i + 1);
                &line[3..]
            }
            Some(_) => &line[3..],
            None if line.starts_with('%') && !in_document => "",
            None => line,
        };
        if is_content(rest) {
            if ended_at.is_some() {
                return ended_at;
            }
            in_document = true;
        }
    }
    None
}

/// The column (from 1, in characters) where a line's content starts after indentation, block
/// indicators and node properties. Stops counting once past [`MAX_COLUMN`].
fn content_column(line: &str) -> usize {
    let mut chars = line.chars().peekable();
    let mut column = 1;
    while column <= MAX_COLUMN {
        let Some(&c) = chars.peek() else { break };
        chars.next();
        match c {
            ' ' | '\t' => {}
            '-' | '?' | ':' if chars.peek().is_none_or(|&n| n == ' ' || n == '\t') => {}
            '&' | '!' => {
                while chars.next_if(|&n| n != ' ' && n != '\t').is_some() {
                    column += 1;
                }
            }
            _ => break,
        }
        column += 1;
    }
    column
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_starts_after_indentation_indicators_and_properties() {
        assert_eq!(content_column("claims:"), 1);
        assert_eq!(content_column("  - id: x"), 5);
        assert_eq!(content_column("- - - x"), 7);
        assert_eq!(content_column("? &a !t - x"), 11);
        assert_eq!(content_column("    "), 5);
        assert_eq!(content_column("-x"), 1);
    }

    #[test]
    fn refuses_deep_block_nesting_only() {
        assert_eq!(deep_line("claims:\n  - id: x\n"), None);
        let deep = format!("claims:\n{}x\n", "- ".repeat(200));
        assert_eq!(deep_line(&deep), Some((2, MAX_COLUMN + 1)));
        let flow = format!("claims: {}\n", "[".repeat(100_000));
        assert_eq!(
            deep_line(&flow),
            None,
            "flow nesting is the parser's to cap"
        );
    }

    #[test]
    fn finds_content_after_the_first_document() {
        assert_eq!(second_document("---\na: b\n...\n# done\n---\n"), None);
        assert_eq!(second_document("%YAML 1.2\n--- # c\na: b\n"), None);
        assert_eq!(second_document("a: b\n---\nc: d\n"), Some(2));
        assert_eq!(second_document("a: b\n...\n\n--- c\n"), Some(2));
        assert_eq!(second_document("a: ----\n-----\n"), None);
    }

    #[test]
    fn every_line_break_ends_a_line() {
        fn endings(text: &str) -> Vec<&str> {
            lines(text).collect()
        }
        assert_eq!(endings(""), Vec::<&str>::new());
        assert_eq!(endings("a"), ["a"]);
        assert_eq!(endings("a\n"), ["a"]);
        assert_eq!(endings("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(endings("a\r\r\nb\n\n"), ["a", "", "b", ""]);
        for text in ["x\n\ny\r\nz\n", "x\r\n\r\ny\rz", "\n", "\r\n\r"] {
            let mac = text.replace("\r\n", "\n").replace('\r', "\n");
            assert_eq!(endings(text), mac.lines().collect::<Vec<_>>(), "{text:?}");
        }
        assert_eq!(end_position(b"a\rb\r\ncd"), (3, 3));
        assert_eq!(end_position(b"ab\r"), (2, 1));
        assert_eq!(end_position("\u{e9}".as_bytes()), (1, 2));
    }

    #[test]
    fn checks_see_lone_carriage_returns_as_line_breaks() {
        assert_eq!(second_document("a: b\r---\rc: d\r"), Some(2));
        assert_eq!(control_character("a: b\rc: \u{7}"), Some((2, 4, '\u{7}')));
        let deep = format!("claims:\r{}x\r", "- ".repeat(200));
        assert_eq!(deep_line(&deep), Some((2, MAX_COLUMN + 1)));
    }

    #[test]
    fn finds_control_characters_but_not_tabs_or_line_ends() {
        assert_eq!(control_character("a:\tb\r\nc: d\n"), None);
        assert_eq!(control_character("a: b\nc: d\u{0}e"), Some((2, 5, '\u{0}')));
        assert_eq!(control_character("\u{e9}\u{7f}"), Some((1, 2, '\u{7f}')));
    }
}
