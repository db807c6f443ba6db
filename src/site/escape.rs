//! Escaping for every place a corpus string lands: HTML text and attributes (which inline SVG
//! shares), the search index's JavaScript, and link targets.

use std::fmt::Write as _;

/// Text for HTML, in element content or a double-quoted attribute value (inline SVG labels
/// and `<title>`s too): `& < > " '` as character references, and control characters other
/// than tab and line feed, which HTML forbids, shown as escapes (`\u{1b}`), as the terminal
/// output shows them.
pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            c if forbidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Characters an HTML document may not contain: controls other than tab, line feed and
/// carriage return, and the noncharacters.
fn forbidden(c: char) -> bool {
    let n = c as u32;
    (c.is_control() && c != '\t' && c != '\n' && c != '\r')
        || (0xFDD0..=0xFDEF).contains(&n)
        || (n & 0xFFFE) == 0xFFFE
}

/// A value as a JavaScript expression, for a `.js` file: JSON, with `<`, `>`, `&` and the two
/// line separators JSON allows but older JavaScript does not as `\u` escapes, so that no
/// `</script>` or markup survives even if the text were ever inlined.
#[allow(clippy::expect_used, reason = "a serde_json::Value always serializes")]
pub(crate) fn js_value(value: &serde_json::Value) -> String {
    let json = serde_json::to_string(value).expect("JSON values serialize");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A URL that may become a link: only `http` and `https` (any case), with no spaces or control
/// characters; anything else (`javascript:`, `data:`, relative paths) stays text.
pub(crate) fn web_url(text: &str) -> Option<&str> {
    let url = text.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme_ok && clean && url.len() > lower.find("//").map_or(0, |i| i + 2)).then_some(url)
}

/// A file name for a record's page: the id itself when it is made of lowercase ASCII letters,
/// digits, `-`, `_` and `.` (not leading, no `..`) and short, else `_` and the id's bytes in hex
/// (cut to a length every file system takes); `_` never starts a plain name, so the two kinds
/// cannot meet. Callers make names unique (see `site::Names`).
pub(crate) fn file_stem(id: &str) -> String {
    let plain =
        |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.');
    let first_ok = id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit());
    if first_ok && id.len() <= 120 && id.chars().all(plain) && !id.contains("..") {
        return id.to_string();
    }
    let mut out = String::from("_");
    for b in id.bytes().take(60) {
        let _ = write!(out, "{b:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_controls() {
        assert_eq!(
            html("\"><img src=x onerror='a'>&\u{1b}"),
            "&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;&amp;\\u{1b}"
        );
        assert_eq!(html("a\u{FDD0}b\u{FFFF}"), "a\\u{fdd0}b\\u{ffff}");
    }

    #[test]
    fn js_values_hide_script_ends() {
        let v = serde_json::json!(["</script><b>&", "\u{2028}"]);
        assert_eq!(
            js_value(&v),
            r#"["\u003c/script\u003e\u003cb\u003e\u0026","\u2028"]"#
        );
    }

    #[test]
    fn only_web_urls_are_links() {
        assert_eq!(web_url(" https://e.org/x "), Some("https://e.org/x"));
        assert_eq!(web_url("HTTP://e.org"), Some("HTTP://e.org"));
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("JaVaScRiPt:alert(1)"), None);
        assert_eq!(web_url("https://"), None);
        assert_eq!(web_url("https://e.org/a b"), None);
        assert_eq!(web_url("data:text/html,x"), None);
    }

    #[test]
    fn file_stems_are_safe_and_distinct() {
        assert_eq!(
            file_stem("stalin-gottwald-1950-08-27"),
            "stalin-gottwald-1950-08-27"
        );
        assert_eq!(file_stem("../etc"), "_2e2e2f657463");
        assert_eq!(file_stem("A"), "_41");
        assert!(file_stem(&"x".repeat(500)).len() < 130);
    }
}
