//! The layout of a file: sections, records and fields in block style, lists and small mappings
//! in flow style where they fit, and the file's comments put back beside the nodes they
//! annotate (see `corpus::comments`).
//!
//! A container that holds a comment inside it is written in block style, so that the comment has
//! a line to stand on. A comment whose node is no longer written (an empty list, a field the
//! canonical form leaves out) goes before the nearest enclosing node that is, so no comment is
//! ever dropped.

use std::collections::{BTreeMap, BTreeSet};

use super::scalar::{date_scalar, fits, foldable, folded, scalar};
use super::{Fields, Value, SECTIONS};
use crate::corpus::comments::{FileComments, Line, NodePath, Step};

/// A file being written, line by line.
pub(super) struct Layout<'a> {
    comments: Option<&'a FileComments>,
    lines: Vec<String>,
    /// The comments already written, by node.
    written: BTreeSet<NodePath>,
    /// Where each node written starts: the index of its first line, and its indentation.
    starts: BTreeMap<NodePath, (usize, usize)>,
    path: NodePath,
}

/// The canonical text of a file: `sections` in the order of [`SECTIONS`], with `comments`.
pub(super) fn write_file(sections: &[Vec<Fields>], comments: Option<&FileComments>) -> String {
    let mut layout = Layout {
        comments: comments.filter(|c| !c.is_empty()),
        lines: Vec::new(),
        written: BTreeSet::new(),
        starts: BTreeMap::new(),
        path: Vec::new(),
    };
    if let Some(comments) = layout.comments.filter(|c| !c.head.is_empty()) {
        layout
            .lines
            .extend(comments.head.iter().map(|line| line.render(0)));
    }
    for (name, records) in SECTIONS.iter().zip(sections) {
        if records.is_empty() {
            continue;
        }
        if !layout.lines.is_empty() {
            layout.lines.push(String::new());
        }
        layout.path.push(Step::Key(name.to_string()));
        layout.leading(0);
        layout.line(format!("{name}:"), (0, &[]));
        for (i, record) in records.iter().enumerate() {
            if i > 0 {
                layout.lines.push(String::new());
            }
            layout.path.push(Step::Index(i));
            layout.block_item(2, record);
            layout.path.pop();
        }
        layout.path.pop();
    }
    layout.finish()
}

impl Layout<'_> {
    fn pad(indent: usize) -> String {
        " ".repeat(indent)
    }

    /// Writes the comments that go before the current node, and notes where the node starts.
    fn leading(&mut self, indent: usize) {
        if let Some(attached) = self.comments.and_then(|c| c.nodes.get(&self.path)) {
            (self.lines).extend(attached.leading.iter().map(|line| line.render(indent)));
        }
        self.starts
            .insert(self.path.clone(), (self.lines.len(), indent));
    }

    /// Writes the first line of the current node, with its trailing comments and those handed
    /// down by its parent (`extra.1`): the first at the end of the line, any others on lines of
    /// their own before it, indented by `extra.0`.
    fn line(&mut self, text: String, extra: (usize, &[String])) {
        let own = self
            .comments
            .and_then(|c| c.nodes.get(&self.path))
            .map_or(&[][..], |a| &a.trailing[..]);
        let mut trailing = own.iter().chain(extra.1);
        let first = trailing.next().cloned();
        let others: Vec<String> = trailing
            .map(|t| format!("{}{t}", Self::pad(extra.0)))
            .collect();
        self.lines.extend(others);
        self.lines.push(match first {
            Some(comment) => format!("{text} {comment}"),
            None => text,
        });
        if self.comments.is_some() {
            self.written.insert(self.path.clone());
        }
    }

    /// Whether a node inside the current one has a comment.
    fn commented_inside(&self) -> bool {
        self.comments.is_some_and(|c| c.inside(&self.path))
    }

    fn trailing_of_current(&self) -> Vec<String> {
        (self.comments.and_then(|c| c.nodes.get(&self.path)))
            .map_or_else(Vec::new, |a| a.trailing.clone())
    }

    /// A mapping as a block list item at `indent`: `- key: value` then the other keys below.
    /// The item's own comments go before it and at the end of its first line; so do the
    /// comments before its first field, which would otherwise stand between `-` and the key.
    fn block_item(&mut self, indent: usize, fields: &Fields) {
        self.leading(indent);
        let carried = self.trailing_of_current();
        if self.comments.is_some() {
            self.written.insert(self.path.clone());
        }
        for (i, (key, value)) in fields.iter().enumerate() {
            self.path.push(Step::Key(key.to_string()));
            if i == 0 {
                self.leading(indent);
                let at = self.lines.len();
                self.field(indent + 2, key, value, (indent, &carried));
                // The item's marker replaces the indentation of its first field's first line,
                // which follows any comments put before it.
                if let Some(line) =
                    (at..self.lines.len()).find(|&l| !self.lines[l].trim_start().starts_with('#'))
                {
                    let text = &self.lines[line];
                    self.lines[line] = format!("{}- {}", Self::pad(indent), &text[indent + 2..]);
                }
            } else {
                self.leading(indent + 2);
                self.field(indent + 2, key, value, (indent + 2, &[]));
            }
            self.path.pop();
        }
    }

    /// A field on its own line(s) at `indent`, its leading comments already written. `extra`:
    /// where comments that cannot end its first line go, and comments handed down to end it.
    fn field(&mut self, indent: usize, key: &str, value: &Value, extra: (usize, &[String])) {
        let head = format!("{}{key}:", Self::pad(indent));
        let inside = self.commented_inside();
        let one_line = match value {
            Value::Text(s) if !foldable(s) => Some(scalar(s, false)),
            Value::Plain(s) => Some(date_scalar(s, false)),
            Value::Maps(_) => None,
            Value::List(_) | Value::Map(_) if inside => None,
            _ => flow(value).filter(|f| fits(&head, f)),
        };
        if let Some(text) = one_line {
            return self.line(format!("{head} {text}"), extra);
        }
        match value {
            Value::Text(s) => {
                self.line(format!("{head} >-"), extra);
                self.push_block(&folded(indent + 2, s));
            }
            Value::Plain(s) => self.line(format!("{head} {}", date_scalar(s, false)), extra),
            Value::List(items) => {
                self.line(head, extra);
                for (i, item) in items.iter().enumerate() {
                    self.path.push(Step::Index(i));
                    self.scalar_item(indent + 2, item);
                    self.path.pop();
                }
            }
            Value::Map(fields) => {
                self.line(head, extra);
                for (key, value) in fields {
                    self.path.push(Step::Key(key.to_string()));
                    self.leading(indent + 2);
                    self.field(indent + 2, key, value, (indent + 2, &[]));
                    self.path.pop();
                }
            }
            Value::Maps(items) => {
                self.line(head, extra);
                for (i, fields) in items.iter().enumerate() {
                    self.path.push(Step::Index(i));
                    let pad = Self::pad(indent + 2);
                    match flow_map(fields) {
                        Some(f) if !self.commented_inside() && fits(&format!("{pad}-"), &f) => {
                            self.leading(indent + 2);
                            self.line(format!("{pad}- {f}"), (indent + 2, &[]));
                        }
                        _ => self.block_item(indent + 2, fields),
                    }
                    self.path.pop();
                }
            }
        }
    }

    /// A text list item at `indent`: `- text`, folded when long.
    fn scalar_item(&mut self, indent: usize, item: &str) {
        self.leading(indent);
        let head = format!("{}-", Self::pad(indent));
        let inline = scalar(item, false);
        if fits(&head, &inline) || !foldable(item) {
            self.line(format!("{head} {inline}"), (indent, &[]));
        } else {
            self.line(format!("{head} >-"), (indent, &[]));
            self.push_block(&folded(indent + 2, item));
        }
    }

    /// Appends lines of text (each ending in a line break).
    fn push_block(&mut self, text: &str) {
        self.lines.extend(text.lines().map(str::to_string));
    }

    /// The text: the comments whose nodes were not written go before the nearest enclosing
    /// node that was, and the comments after the last node end the file.
    fn finish(mut self) -> String {
        if let Some(comments) = self.comments {
            let mut orphans: Vec<(usize, usize, Vec<String>)> = Vec::new();
            for (path, attached) in &comments.nodes {
                if self.written.contains(path) {
                    continue;
                }
                let place = (0..=path.len())
                    .rev()
                    .find_map(|n| self.starts.get(&path[..n]))
                    .copied();
                let texts = (attached.leading.iter())
                    .filter_map(|l| match l {
                        Line::Comment(t) => Some(t.clone()),
                        Line::Blank => None,
                    })
                    .chain(attached.trailing.iter().cloned())
                    .collect();
                match place {
                    Some((at, indent)) => orphans.push((at, indent, texts)),
                    None => orphans.push((self.lines.len(), 0, texts)),
                }
            }
            // From the last place to the first, so that earlier places stay where they are.
            orphans.sort_by_key(|(at, _, _)| std::cmp::Reverse(*at));
            for (at, indent, texts) in orphans {
                let lines = texts.iter().map(|t| format!("{}{t}", Self::pad(indent)));
                self.lines.splice(at..at, lines);
            }
            if !comments.end.is_empty() {
                self.lines.push(String::new());
                self.lines
                    .extend(comments.end.iter().map(|line| line.render(0)));
            }
        }
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

/// The value on one line, if it can be written so.
fn flow(value: &Value) -> Option<String> {
    match value {
        Value::Text(s) => Some(scalar(s, false)),
        Value::Plain(s) => Some(date_scalar(s, false)),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|i| scalar(i, true)).collect();
            Some(format!("[{}]", items.join(", ")))
        }
        Value::Map(fields) => flow_map(fields),
        Value::Maps(_) => None,
    }
}

fn flow_map(fields: &Fields) -> Option<String> {
    let mut parts = Vec::new();
    for (key, value) in fields {
        let v = match value {
            Value::Text(s) => scalar(s, true),
            Value::Plain(s) => date_scalar(s, true),
            Value::List(_) => flow(value)?,
            Value::Map(_) | Value::Maps(_) => return None,
        };
        parts.push(format!("{key}: {v}"));
    }
    Some(format!("{{{}}}", parts.join(", ")))
}
