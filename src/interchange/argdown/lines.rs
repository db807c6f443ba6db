//! Argdown text into logical lines: the front matter and comments taken out, each element or
//! relation with its continuation lines joined, blank lines kept as block ends.

use super::ArgdownError;

/// What a logical line starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Start {
    /// A top-level element: a statement or argument, defined or referred to.
    Element,
    /// A relation to the element above it: the marker, e.g. `<+` or `->`.
    Relation(&'static str),
    /// `(n)`: a statement of a premise-conclusion structure.
    Numbered,
    /// `--`, `----` or `-- rule --`: an inference bar.
    Bar,
    /// `#`, `##`, …: a heading, with its level.
    Heading(usize),
    /// `*` or `1.`: a list item, a statement of its own.
    Item,
}

/// One element or relation, its continuation lines joined with spaces.
#[derive(Clone, Debug)]
pub(super) struct Line {
    /// The first physical line, from 1.
    pub number: usize,
    /// The indentation of the first line (a tab counts 4).
    pub indent: usize,
    pub start: Start,
    /// The text after the marker, trimmed.
    pub text: String,
    /// Whether a blank line (or the start) comes before it.
    pub after_blank: bool,
}

/// The top-level `key: value` lines of the front matter.
pub(super) type FrontMatter = Vec<(String, String)>;

/// The relation markers, longest first, as Argdown writes them.
const MARKERS: [&str; 9] = ["<+", "<-", "<_", "+>", "->", "_>", "><", "+", "-"];

/// The YAML front matter between `===` lines, taken out: its lines become blank.
fn front_matter(lines: &mut [String]) -> Result<FrontMatter, ArgdownError> {
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return Ok(Vec::new());
    };
    if lines[first].trim() != "===" {
        return Ok(Vec::new());
    }
    let Some(end) = (first + 1..lines.len()).find(|&i| lines[i].trim() == "===") else {
        return Err(ArgdownError::at(
            first + 1,
            "expected the front matter opened here to end with a `===` line, found the end of \
             the file",
        ));
    };
    let mut fields = Vec::new();
    for line in &mut lines[first..=end] {
        if !line.starts_with(' ') {
            if let Some((key, value)) = line.split_once(':') {
                let value = value.trim().trim_matches('"');
                if !value.is_empty() {
                    fields.push((key.trim().to_string(), value.to_string()));
                }
            }
        }
        line.clear();
    }
    Ok(fields)
}

/// The text with `/* … */`, `<!-- … -->` and `// …` comments replaced by spaces (line breaks
/// kept, so line numbers stay). A `//` is a comment at the start of a line or after a space,
/// so that addresses like `https://` stay.
fn strip_comments(text: &str) -> Result<String, ArgdownError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut line) = (0, 1);
    let at = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            out.push(c);
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        let block = if at(i, "/*") {
            Some("*/")
        } else if at(i, "<!--") {
            Some("-->")
        } else {
            None
        };
        if let Some(close) = block {
            let opened = line;
            let mut j = i + 2;
            while j < chars.len() && !at(j, close) {
                j += 1;
            }
            if j >= chars.len() {
                return Err(ArgdownError::at(
                    opened,
                    &format!("expected the comment opened here to end with `{close}`, found the end of the file"),
                ));
            }
            for &skipped in &chars[i..j + close.len()] {
                if skipped == '\n' {
                    out.push('\n');
                    line += 1;
                }
            }
            out.push(' ');
            i = j + close.len();
            continue;
        }
        if at(i, "//") && (i == 0 || chars[i - 1].is_whitespace()) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\n' {
            line += 1;
        }
        out.push(c);
        i += 1;
    }
    Ok(out)
}

/// How a trimmed physical line starts, and the text after its marker.
fn classify(trimmed: &str) -> (Start, &str) {
    if trimmed.starts_with("--") && !trimmed.starts_with("->") {
        return (Start::Bar, trimmed.trim_matches('-').trim());
    }
    for marker in MARKERS {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            if rest.starts_with(char::is_whitespace) {
                return (Start::Relation(marker), rest.trim());
            }
        }
    }
    if trimmed.starts_with('#') {
        let level = trimmed.chars().take_while(|&c| c == '#').count();
        let rest = &trimmed[level..];
        if rest.starts_with(char::is_whitespace) {
            return (Start::Heading(level), rest.trim());
        }
    }
    if let Some(rest) = trimmed.strip_prefix('(') {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(')') {
            return (Start::Numbered, rest[digits + 1..].trim());
        }
    }
    if let Some(rest) = trimmed.strip_prefix("* ") {
        return (Start::Item, rest.trim());
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && trimmed[digits..].starts_with(". ") {
        return (Start::Item, trimmed[digits + 2..].trim());
    }
    (Start::Element, trimmed)
}

/// The logical lines of a file, and its front matter as `(key, value)`.
pub(super) fn lines(text: &str) -> Result<(Vec<Line>, FrontMatter), ArgdownError> {
    let mut physical: Vec<String> = text.lines().map(str::to_string).collect();
    let front = front_matter(&mut physical)?;
    let stripped = strip_comments(&physical.join("\n"))?;
    let mut out: Vec<Line> = Vec::new();
    let mut blank = true;
    for (k, raw) in stripped.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        let indent: usize = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let (start, rest) = classify(trimmed);
        // A line that starts nothing continues the line above, unless a blank line ends it; a
        // heading is continued only by text, not by a statement or argument (`[…`, `<…`).
        let continues = |last: &Line| {
            !matches!(last.start, Start::Heading(_)) || !trimmed.starts_with(['[', '<'])
        };
        if let (Start::Element, Some(last), false) = (start, out.last_mut(), blank) {
            if !continues(last) {
                out.push(Line {
                    number: k + 1,
                    indent,
                    start,
                    text: rest.to_string(),
                    after_blank: false,
                });
                continue;
            }
            if !last.text.is_empty() {
                last.text.push(' ');
            }
            last.text.push_str(trimmed);
            continue;
        }
        out.push(Line {
            number: k + 1,
            indent,
            start,
            text: rest.to_string(),
            after_blank: blank,
        });
        blank = false;
    }
    Ok((out, front))
}
