//! Scalars as the canonical form writes them: plain where YAML reads them back as the same
//! text, folded when long, double-quoted with escapes otherwise.

use super::WIDTH;

/// Whether `value` fits after `head` on one line of [`WIDTH`] columns.
pub(super) fn fits(head: &str, value: &str) -> bool {
    head.chars().count() + 1 + value.chars().count() <= WIDTH
}

/// Text folded (`>-`) at `indent`: words joined by single spaces, broken into lines at spaces.
pub(super) fn folded(indent: usize, s: &str) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let mut line = String::new();
    for word in s.split(' ') {
        if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&format!("{pad}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&format!("{pad}{line}\n"));
    out
}

/// Whether folding with `>-` reads back exactly: printable text with single spaces only.
pub(super) fn foldable(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(printable)
}

/// Characters written as they are; anything else is escaped inside double quotes.
fn printable(c: char) -> bool {
    !c.is_control()
        && !matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// A scalar on one line: plain when YAML reads it back unchanged, otherwise double-quoted.
pub(super) fn scalar(s: &str, in_flow: bool) -> String {
    if is_plain(s, in_flow) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// A date or year on one line: plain unless YAML's syntax needs quotes, even where a YAML reader
/// would take the text for a number (`1950`); the corpus reads dates as text.
pub(super) fn date_scalar(s: &str, in_flow: bool) -> String {
    if plain_syntax(s, in_flow) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn is_plain(s: &str, in_flow: bool) -> bool {
    plain_syntax(s, in_flow) && !resolves_to_non_string(s)
}

/// Whether YAML reads `s` back as itself when written plain, as some scalar.
fn plain_syntax(s: &str, in_flow: bool) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().last()) else {
        return false;
    };
    let special_start = "-?:,[]{}#&*!|>'\"%@`".contains(first) || first == ' ';
    let flow_clash = in_flow && s.contains([',', '[', ']', '{', '}', ':', '#']);
    !special_start
        && !flow_clash
        && last != ' '
        && last != ':'
        && !s.contains(": ")
        && !s.contains(" #")
        && s.chars().all(printable)
}

/// Whether a YAML reader would take the plain text for something other than text: null, a
/// boolean, a number, or (in YAML 1.1) a date. Such text is quoted, so that it stays text for
/// the corpus loader (which reads only plain `null` and `~` as null) and for other YAML tools;
/// dates and years themselves are written plain (see [`date_scalar`]).
fn resolves_to_non_string(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let word = matches!(
        lower.as_str(),
        "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) || matches!(lower.as_str(), ".inf" | "-.inf" | "+.inf" | ".nan");
    let number = s.parse::<f64>().is_ok()
        || lower.starts_with("0x")
        || lower.starts_with("0o")
        || (s.contains('_') && s.replace('_', "").parse::<f64>().is_ok());
    word || number || timestamp(s)
}

/// Whether `s` starts like a YAML 1.1 timestamp, `yyyy-m-d`.
fn timestamp(s: &str) -> bool {
    let mut parts = s.splitn(3, '-');
    let (Some(year), Some(month), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let digits = |p: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    digits(year, 4..=4) && digits(month, 1..=2) && digits(&day, 1..=2)
}

/// Double-quoted, with every character YAML would not read back as itself escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}
