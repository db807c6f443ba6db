//! Positions and file names as the protocol writes them: UTF-16 columns and `file://` URIs.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};

use crate::corpus::lines;

/// The lines of a text, ended as the loader ends them (`\r\n`, `\n` or a lone `\r`).
pub(crate) fn line_of(text: &str, line: u32) -> &str {
    lines(text).nth(line as usize).unwrap_or("")
}

/// The UTF-16 offset of the `chars`-th character of `line` (clamped to its end).
pub(crate) fn utf16_of(line: &str, chars: u32) -> u32 {
    line.chars()
        .take(chars as usize)
        .map(|c| c.len_utf16() as u32)
        .sum()
}

/// The character index of the UTF-16 offset `units` of `line` (clamped to its end).
pub(crate) fn chars_of(line: &str, units: u32) -> u32 {
    let mut seen = 0;
    let mut index = 0;
    for c in line.chars() {
        if seen >= units {
            break;
        }
        seen += c.len_utf16() as u32;
        index += 1;
    }
    index
}

/// The protocol range of characters `start..end` of line `line` (0-based) of `text`.
pub(crate) fn range(text: &str, line: u32, start: u32, end: u32) -> Range {
    let line_text = line_of(text, line);
    Range::new(
        Position::new(line, utf16_of(line_text, start)),
        Position::new(line, utf16_of(line_text, end)),
    )
}

/// The `file://` URI of an absolute path, with every byte but the unreserved ones and `/`
/// percent-encoded.
#[allow(
    clippy::expect_used,
    reason = "a percent-encoded absolute path is a valid URI"
)]
pub(crate) fn uri_of(path: &Path) -> Uri {
    let mut text = String::from("file://");
    let path = path.to_string_lossy();
    if !path.starts_with('/') {
        text.push('/'); // a Windows drive letter
    }
    for byte in path.bytes() {
        let c = byte as char;
        if c.is_ascii_alphanumeric() || "-._~/".contains(c) {
            text.push(c);
        } else if c == '\\' {
            text.push('/');
        } else {
            text.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&text).expect("a percent-encoded path is a valid URI")
}

/// The path a `file://` URI names, or `None` for another scheme.
pub(crate) fn path_of(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file:///home/...` has an empty authority; `file://localhost/...` names this host.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let mut bytes = Vec::with_capacity(rest.len());
    let raw = rest.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match raw[i] {
            b'%' if i + 2 < raw.len() => match (hex(raw[i + 1]), hex(raw[i + 2])) {
                (Some(h), Some(l)) => {
                    bytes.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => bytes.push(b'%'),
            },
            b => bytes.push(b),
        }
        i += 1;
    }
    let decoded = String::from_utf8(bytes).ok()?;
    // `/C:/x` on Windows.
    let decoded = match decoded.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() && cfg!(windows) => {
            decoded[1..].to_string()
        }
        _ => decoded,
    };
    Some(PathBuf::from(decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_surrogate_pairs_twice() {
        let line = "a: 𝔘x";
        assert_eq!(utf16_of(line, 4), 5);
        assert_eq!(chars_of(line, 5), 4);
        assert_eq!(chars_of(line, 99), 5);
    }

    #[test]
    fn paths_round_trip_through_uris() {
        let path = Path::new("/tmp/a corpus/ü#1.yaml");
        let uri = uri_of(path);
        assert_eq!(uri.as_str(), "file:///tmp/a%20corpus/%C3%BC%231.yaml");
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        let other = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(path_of(&other), None);
    }
}
