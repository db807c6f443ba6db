//! What the server answers about an id: where it is declared, where it is used, what it is
//! (hover), and its renaming across the corpus.

use std::collections::BTreeMap;
use std::path::Path;

use lsp_types::{Hover, HoverContents, Location, MarkupContent, MarkupKind, Position, TextEdit};

use crate::corpus::read::Kind;
use crate::query::Query;

use super::analysis::{Analysis, Occurrence};
use super::text::{chars_of, line_of, range, uri_of};

/// The id under the cursor.
pub(crate) fn occurrence_at<'a>(
    analysis: &'a Analysis,
    file: &Path,
    position: Position,
) -> Option<&'a Occurrence> {
    let text = analysis.files.get(file)?;
    let column = chars_of(line_of(text, position.line), position.character);
    analysis.at(file, position.line, column)
}

fn location(analysis: &Analysis, o: &Occurrence) -> Location {
    let text = analysis.files.get(&o.file).map_or("", String::as_str);
    Location::new(uri_of(&o.file), range(text, o.line, o.start, o.end))
}

/// Where the record named at the cursor is declared.
pub(crate) fn definition(analysis: &Analysis, at: &Occurrence) -> Vec<Location> {
    let declared: Vec<&Occurrence> = (analysis.occurrences_of(&at.id))
        .filter(|o| o.declaration)
        .collect();
    let matching: Vec<&Occurrence> = (declared.iter().copied())
        .filter(|o| o.kind.satisfies(at.kind) || at.declaration)
        .collect();
    let chosen = if matching.is_empty() {
        declared
    } else {
        matching
    };
    chosen.into_iter().map(|o| location(analysis, o)).collect()
}

/// Every place the id at the cursor is written; its declaration only when asked.
pub(crate) fn references(analysis: &Analysis, at: &Occurrence, declaration: bool) -> Vec<Location> {
    analysis
        .occurrences_of(&at.id)
        .filter(|o| declaration || !o.declaration)
        .map(|o| location(analysis, o))
        .collect()
}

/// Why a rename is refused.
pub(crate) struct Refusal(pub String);

/// The edits that rename the id at the cursor to `new` in every file of the corpus: a
/// `WorkspaceEdit` of `changes` by file URI.
pub(crate) fn rename(
    analysis: &Analysis,
    at: &Occurrence,
    new: &str,
) -> Result<serde_json::Value, Refusal> {
    let new = new.trim();
    if new.is_empty()
        || new.starts_with('-')
        || !new
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.".contains(c))
    {
        return Err(Refusal(format!(
            "expected an id of letters, digits, `-`, `_` and `.`, found `{new}`; ids are words joined by `-`, e.g. `stalin-gottwald-1950-08-27`"
        )));
    }
    if new == &*at.id {
        return Ok(serde_json::json!({ "changes": {} }));
    }
    if analysis.labels.contains_key(new) {
        return Err(Refusal(format!(
            "`{new}` is already the id of a record; choose an id no record has"
        )));
    }
    if !analysis.occurrences_of(&at.id).any(|o| o.declaration) {
        return Err(Refusal(format!(
            "`{}` is declared by no file of the corpus (a built-in school, or a dangling reference); rename its references by hand",
            at.id
        )));
    }
    let mut changes: BTreeMap<&Path, Vec<TextEdit>> = BTreeMap::new();
    for o in analysis.occurrences_of(&at.id) {
        let text = analysis.files.get(&o.file).map_or("", String::as_str);
        let edit = TextEdit::new(range(text, o.line, o.start, o.end), new.to_string());
        changes.entry(&o.file).or_default().push(edit);
    }
    // `WorkspaceEdit` keys its changes by `Uri` in a hash map; the answer is built with sorted
    // keys instead, so that it comes out the same every time.
    let changes: BTreeMap<String, Vec<TextEdit>> = changes
        .into_iter()
        .map(|(file, mut edits)| {
            edits.sort_by_key(|e| (e.range.start.line, e.range.start.character));
            (uri_of(file).as_str().to_string(), edits)
        })
        .collect();
    Ok(serde_json::json!({ "changes": changes }))
}

/// The record at the cursor in Markdown: the whole record as `show` gives it when the corpus is
/// valid (and, for a document, the claims that rest only on it), else its kind and label.
pub(crate) fn hover(analysis: &Analysis, at: &Occurrence) -> Option<Hover> {
    let label = analysis.labels.get(&at.id);
    let mut text = match label {
        Some(label) => format!("**{}** `{}`\n\n{}\n", label.kind.noun(), at.id, label.text),
        None => format!("`{}`: no {} has this id\n", at.id, at.kind.noun()),
    };
    match &analysis.debate {
        Some(debate) if label.is_some_and(|l| l.kind != Kind::Argument) => {
            let show = Query::Show {
                id: at.id.to_string(),
            };
            if let Ok(answer) = show.run(debate) {
                for table in answer.tables() {
                    text.push('\n');
                    text.push_str(&table.to_markdown());
                }
            }
            if label.is_some_and(|l| l.kind == Kind::Document) {
                text.push_str(&rests_only_on(debate, &at.id));
            }
        }
        Some(_) => {}
        None => text.push_str(&format!(
            "\n_The corpus has {} problem{}: the whole record and what rests on it are shown once it loads._\n",
            analysis.problems,
            if analysis.problems == 1 { "" } else { "s" }
        )),
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(location(analysis, at).range),
    })
}

/// The claims that rest only on a document, as a Markdown list.
fn rests_only_on(debate: &crate::graph::Debate, document: &str) -> String {
    match debate.rests_only_on(document) {
        Ok(claims) if claims.is_empty() => "\n**Rests only on it:** no claim.\n".to_string(),
        Ok(claims) => {
            let mut text = format!(
                "\n**Rests only on it:** {} claim{}\n\n",
                claims.len(),
                if claims.len() == 1 { "" } else { "s" }
            );
            for c in claims {
                text.push_str(&format!("- `{}`: {}\n", c.id, c.statement));
            }
            text
        }
        Err(_) => String::new(),
    }
}
