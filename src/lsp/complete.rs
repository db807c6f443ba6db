//! Completion of ids where a reference is written, found by reading the line being typed (and
//! the lines above it for a block list), so that it works in a file that does not parse yet.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, Position, Range,
    TextEdit,
};

use crate::corpus::read::Kind;

use super::analysis::Analysis;
use crate::corpus::lines;

use super::text::{chars_of, utf16_of};

/// The kind of record a field refers to, for the fields that hold references.
pub(crate) fn field_kind(field: &str) -> Option<Kind> {
    Some(match field {
        "document" | "cited_as" => Kind::Document,
        "claim" | "supports" | "contradicts" => Kind::Claim,
        "premises" => Kind::Premise,
        "proponents" | "authors" | "by" | "known_through" | "quote_by" => Kind::Historian,
        "school" | "schools" => Kind::School,
        "work" => Kind::Work,
        "argument" => Kind::Argument,
        _ => return None,
    })
}

/// Where the cursor is: the field whose value is being typed, and the characters of the id typed
/// so far (`start..cursor` on the line).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Context {
    pub field: String,
    pub start: u32,
}

/// Reads the field being typed at character `column` of line `line` of `text`.
pub(crate) fn context(text: &str, line: u32, column: u32) -> Option<Context> {
    let lines: Vec<&str> = lines(text).collect();
    let current: Vec<char> = lines
        .get(line as usize)
        .copied()
        .unwrap_or("")
        .chars()
        .collect();
    let column = (column as usize).min(current.len());
    let prefix = &current[..column];
    let is_id_char = |c: &char| !(c.is_whitespace() || "[]{},:#\"'".contains(*c));
    let typed = prefix.iter().rev().take_while(|c| is_id_char(c)).count();
    let start = column - typed;
    let before: String = prefix[..start].iter().collect();
    let before = before.trim_end();
    let field = if let Some(rest) = before.strip_suffix(':') {
        key_before(rest)?
    } else if before.ends_with('[') || before.ends_with(',') {
        flow_list_key(before)?
    } else if before.trim_start() == "-" {
        let indent = before.len() - before.trim_start().len();
        block_list_key(&lines[..line as usize], indent)?
    } else {
        return None;
    };
    Some(Context {
        field,
        start: start as u32,
    })
}

/// The key that ends `text` (`  - document` gives `document`).
fn key_before(text: &str) -> Option<String> {
    let key: String = text
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!key.is_empty()).then_some(key)
}

/// The key of the flow list `[` that `text` is inside, if it is not inside a flow mapping.
fn flow_list_key(text: &str) -> Option<String> {
    let mut depth = 0;
    for (i, c) in text.char_indices().rev() {
        match c {
            ']' | '}' => depth += 1,
            '{' if depth == 0 => return None,
            '[' if depth == 0 => return key_before(text[..i].trim_end().strip_suffix(':')?),
            '[' | '{' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The key of the block list whose item starts at `indent` on the line after `above`.
fn block_list_key(above: &[&str], indent: usize) -> Option<String> {
    for line in above.iter().rev() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let own = line.len() - trimmed.len();
        if own == indent && (trimmed == "-" || trimmed.starts_with("- ")) {
            continue; // an earlier item of the same list
        }
        if own > indent {
            continue; // inside an earlier item
        }
        let key = trimmed.trim_start_matches("- ").trim_end();
        return key_before(key.strip_suffix(':')?);
    }
    None
}

/// The ids that can be written at `position` of `file`'s text, each with its title, statement
/// or name, replacing what has been typed of the id.
pub(crate) fn completions(
    analysis: &Analysis,
    text: &str,
    position: Position,
) -> Vec<CompletionItem> {
    let line = lines(text).nth(position.line as usize).unwrap_or("");
    let column = chars_of(line, position.character);
    let Some(context) = context(text, position.line, column) else {
        return Vec::new();
    };
    let Some(wanted) = field_kind(&context.field) else {
        return Vec::new();
    };
    let replace = Range::new(
        Position::new(position.line, utf16_of(line, context.start)),
        Position::new(position.line, utf16_of(line, column)),
    );
    analysis
        .labels
        .iter()
        .filter(|(_, label)| label.kind.satisfies(wanted))
        .map(|(id, label)| CompletionItem {
            label: id.to_string(),
            kind: Some(match label.kind {
                Kind::Document => CompletionItemKind::FILE,
                Kind::Historian => CompletionItemKind::CONSTRUCTOR,
                Kind::Claim => CompletionItemKind::VALUE,
                Kind::Work => CompletionItemKind::REFERENCE,
                _ => CompletionItemKind::ENUM_MEMBER,
            }),
            detail: Some(format!("{}: {}", label.kind.noun(), label.text)),
            documentation: Some(Documentation::String(label.text.clone())),
            filter_text: Some(id.to_string()),
            sort_text: Some(id.to_string()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                replace,
                id.to_string(),
            ))),
            ..CompletionItem::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> Option<String> {
        // The cursor is at `|`.
        let (line, column) = text
            .lines()
            .enumerate()
            .find_map(|(n, l)| {
                l.find('|')
                    .map(|c| (n as u32, l[..c].chars().count() as u32))
            })
            .unwrap();
        context(&text.replace('|', ""), line, column).map(|c| c.field)
    }

    #[test]
    fn reads_the_field_being_typed() {
        assert_eq!(field("    - document: stal|").as_deref(), Some("document"));
        assert_eq!(field("      - {document: |").as_deref(), Some("document"));
        assert_eq!(
            field("      - {document: d, claim: gott|").as_deref(),
            Some("claim")
        );
        assert_eq!(field("    supports: [a, b|").as_deref(), Some("supports"));
        assert_eq!(field("    proponents: [|").as_deref(), Some("proponents"));
        let block = "claims:\n  - id: x\n    contradicts:\n      - a\n      # note\n      - b|";
        assert_eq!(field(block).as_deref(), Some("contradicts"));
        let same_indent = "    premises:\n    - a\n    - |";
        assert_eq!(field(same_indent).as_deref(), Some("premises"));
    }

    /// Every reference field the loader reads in the bundled corpus is completed with the kind
    /// of record the loader expects there.
    #[test]
    fn knows_every_reference_field_of_the_loader() {
        let sources: Vec<_> = (crate::corpus::bundled_files().iter())
            .map(|(name, text)| (std::path::PathBuf::from(name), text.to_string()))
            .collect();
        let mut parsed = crate::corpus::read::Parsed::default();
        crate::corpus::read::read_files(&sources, &mut parsed);
        let mut fields = std::collections::BTreeSet::new();
        for r in &parsed.references {
            let key = r.field.rsplit('.').next().unwrap();
            assert_eq!(field_kind(key), Some(r.expected), "`{}`", r.field);
            fields.insert(key);
        }
        assert!(
            fields.len() >= 12,
            "the bundled corpus uses most reference fields: {fields:?}"
        );
    }

    #[test]
    fn offers_nothing_outside_a_value() {
        assert_eq!(field("    statem|"), None);
        assert_eq!(field("      - {document: d, clai|"), None);
        assert_eq!(field("claims:\n  - |"), Some("claims".into())); // a key, but no reference
        assert_eq!(field_kind("claims"), None);
    }
}
