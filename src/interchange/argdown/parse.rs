//! Logical lines into Argdown's model: statements (by title, or untitled), arguments (with
//! their premise–conclusion structures), relations between them, tags and headings.

use std::collections::HashMap;

use super::lines::{Line, Start};
use super::ArgdownError;

/// A statement or an argument, by position in its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Ref {
    Statement(usize),
    Argument(usize),
}

/// A statement: an equivalence class of texts under one title, or one untitled text.
#[derive(Debug, Default)]
pub(super) struct Statement {
    pub title: Option<String>,
    /// Every text given for it, in order (the first is the statement).
    pub texts: Vec<String>,
    pub tags: Vec<String>,
    /// The heading it was first written under.
    pub heading: Option<String>,
    /// The line it was first written on.
    pub line: usize,
}

/// One inference step of a premise–conclusion structure: premises, then the conclusion.
#[derive(Debug)]
pub(super) struct Step {
    pub premises: Vec<usize>,
    pub conclusion: usize,
    /// The inference rule written on the bar, if any.
    pub rule: Option<String>,
}

/// An argument: its descriptions and its premise–conclusion structure, if reconstructed.
#[derive(Debug, Default)]
pub(super) struct Argument {
    pub title: String,
    pub texts: Vec<String>,
    pub tags: Vec<String>,
    pub steps: Vec<Step>,
    pub heading: Option<String>,
    pub line: usize,
}

/// What one relation says, from source to target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    Support,
    Attack,
    Contrary,
    Undercut,
}

impl Kind {
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::Support => "support",
            Kind::Attack => "attack",
            Kind::Contrary => "contrary",
            Kind::Undercut => "undercut",
        }
    }
}

#[derive(Debug)]
pub(super) struct Relation {
    pub from: Ref,
    pub to: Ref,
    pub kind: Kind,
    pub line: usize,
}

/// A parsed Argdown file.
#[derive(Debug, Default)]
pub(super) struct Model {
    pub statements: Vec<Statement>,
    pub arguments: Vec<Argument>,
    pub relations: Vec<Relation>,
    /// Headings, in order, as `(line, text)`.
    pub headings: Vec<(usize, String)>,
    /// A step of a structure still open: its premises so far, and whether the bar was drawn.
    open: Option<(usize, Vec<usize>, Option<Option<String>>)>,
    by_title: HashMap<String, usize>,
    arguments_by_title: HashMap<String, usize>,
    heading: Vec<String>,
}

/// `text` without its tags (`#tag`, `#(a tag)`) and trailing `{data}`, and the tags.
fn tags(text: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut tags = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            out.push(c);
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        let starts_word = i == 0 || chars[i - 1].is_whitespace();
        if c == '#' && starts_word && i + 1 < chars.len() {
            if chars[i + 1] == '(' {
                if let Some(end) = (i + 2..chars.len()).find(|&j| chars[j] == ')') {
                    tags.push(
                        chars[i + 2..end]
                            .iter()
                            .collect::<String>()
                            .trim()
                            .to_string(),
                    );
                    i = end + 1;
                    continue;
                }
            } else if chars[i + 1].is_alphanumeric() || chars[i + 1] == '_' {
                let end = (i + 1..chars.len())
                    .find(|&j| chars[j].is_whitespace())
                    .unwrap_or(chars.len());
                tags.push(chars[i + 1..end].iter().collect());
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    let mut text = out.trim().to_string();
    if text.ends_with('}') {
        if let Some(open) = text
            .rfind(" {")
            .or_else(|| text.starts_with('{').then_some(0))
        {
            text.truncate(open);
        }
    }
    (text.trim().to_string(), tags)
}

/// Argdown's escapes undone: `\#` is `#`.
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// A title up to its closing bracket (`]` or `>`), escapes allowed inside; and the rest.
fn title(text: &str, close: char) -> Option<(String, &str)> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == close => {
                return Some((unescape(&text[..i]).trim().to_string(), &text[i + 1..]))
            }
            _ => {}
        }
    }
    None
}

impl Model {
    pub(super) fn parse(lines: &[Line]) -> Result<Model, ArgdownError> {
        let mut model = Model::default();
        let mut stack: Vec<(usize, Ref)> = Vec::new();
        // The argument a structure that starts next belongs to.
        let mut pending: Option<usize> = None;
        for line in lines {
            match line.start {
                Start::Heading(level) => {
                    model.close(line.number)?;
                    let (text, _) = tags(&line.text);
                    let text = unescape(&text);
                    model.heading.truncate(level - 1);
                    model.heading.push(text.clone());
                    model.headings.push((line.number, text));
                    stack.clear();
                    pending = None;
                }
                Start::Element | Start::Item => {
                    let element = model.element(&line.text, line.number);
                    let in_structure = model.open.is_some();
                    if !in_structure || line.after_blank {
                        model.close(line.number)?;
                    }
                    pending = match element {
                        Ref::Argument(a) => Some(a),
                        Ref::Statement(_) => None,
                    };
                    stack = vec![(line.indent, element)];
                }
                Start::Numbered => {
                    let Ref::Statement(s) = model.element(&line.text, line.number) else {
                        return Err(ArgdownError::at(
                            line.number,
                            "expected a statement after `(n)`, found an argument: a premise or \
                             conclusion is a statement, `[title]: text`",
                        ));
                    };
                    model.numbered(s, &mut pending, line.number);
                    stack = vec![(line.indent, Ref::Statement(s))];
                }
                Start::Bar => {
                    let rule = (!line.text.is_empty()).then(|| unescape(&line.text));
                    match &mut model.open {
                        // A bar right after a bar closes a rule written between two bars.
                        Some((_, _, Some(r))) if rule.is_none() || r.is_none() => {
                            if r.is_none() {
                                *r = rule;
                            }
                        }
                        Some((_, premises, bar @ None)) if !premises.is_empty() => {
                            *bar = Some(rule)
                        }
                        _ => {
                            return Err(ArgdownError::at(
                                line.number,
                                "expected premises `(1) …` before this inference bar, found none",
                            ))
                        }
                    }
                }
                Start::Relation(marker) => {
                    while stack
                        .last()
                        .is_some_and(|&(indent, _)| indent >= line.indent)
                    {
                        stack.pop();
                    }
                    let child = model.element(&line.text, line.number);
                    let Some(&(_, parent)) = stack.last() else {
                        return Err(ArgdownError::at(
                            line.number,
                            &format!(
                                "expected a statement or argument above this `{marker}` relation \
                                 (less indented), found none"
                            ),
                        ));
                    };
                    let (from, to, kind) = match marker {
                        "+" | "<+" => (child, parent, Kind::Support),
                        "-" | "<-" => (child, parent, Kind::Attack),
                        "<_" => (child, parent, Kind::Undercut),
                        "+>" => (parent, child, Kind::Support),
                        "->" => (parent, child, Kind::Attack),
                        "_>" => (parent, child, Kind::Undercut),
                        _ => (parent, child, Kind::Contrary),
                    };
                    model.relations.push(Relation {
                        from,
                        to,
                        kind,
                        line: line.number,
                    });
                    stack.push((line.indent, child));
                }
            }
        }
        model.close(lines.last().map_or(0, |l| l.number))?;
        Ok(model)
    }

    /// A statement of a structure: a premise, or the conclusion after a bar.
    fn numbered(&mut self, s: usize, pending: &mut Option<usize>, line: usize) {
        let argument = match self.open {
            Some((a, ..)) => a,
            None => {
                let a = pending.take().unwrap_or_else(|| {
                    let title = format!("argument at line {line}");
                    self.argument(&title, None, Vec::new(), line)
                });
                self.open = Some((a, Vec::new(), None));
                a
            }
        };
        let Some((_, premises, bar)) = &mut self.open else {
            unreachable!("opened above")
        };
        match bar.take() {
            None => premises.push(s),
            Some(rule) => {
                let step = Step {
                    premises: std::mem::take(premises),
                    conclusion: s,
                    rule,
                };
                self.arguments[argument].steps.push(step);
                // The conclusion is a premise of the next step, if there is one.
                premises.push(s);
            }
        }
    }

    /// Ends the structure in progress: a bar must have a conclusion after it.
    fn close(&mut self, line: usize) -> Result<(), ArgdownError> {
        if let Some((_, _, Some(_))) = self.open {
            return Err(ArgdownError::at(
                line,
                "expected a conclusion `(n) …` after the inference bar, found none",
            ));
        }
        self.open = None;
        Ok(())
    }

    /// A statement or argument, defined or referred to, as the text of a line gives it.
    fn element(&mut self, text: &str, line: usize) -> Ref {
        let (rest, tags) = tags(text);
        if let Some(inner) = rest.strip_prefix('<') {
            if let Some((title, after)) = title(inner, '>') {
                let description = after.trim().strip_prefix(':').map(|d| unescape(d.trim()));
                return Ref::Argument(self.argument(&title, description, tags, line));
            }
        }
        if let Some(inner) = rest.strip_prefix('[') {
            if let Some((title, after)) = title(inner, ']') {
                let after = after.trim();
                // `[text](address)` is a link in a statement, not a title.
                if !after.starts_with('(') {
                    let text = after.strip_prefix(':').map(|t| unescape(t.trim()));
                    return Ref::Statement(self.statement(Some(title), text, tags, line));
                }
            }
        }
        Ref::Statement(self.statement(None, Some(unescape(&rest)), tags, line))
    }

    fn statement(
        &mut self,
        title: Option<String>,
        text: Option<String>,
        tags: Vec<String>,
        line: usize,
    ) -> usize {
        let existing = title.as_ref().and_then(|t| self.by_title.get(t).copied());
        let s = existing.unwrap_or_else(|| {
            self.statements.push(Statement {
                title: title.clone(),
                heading: self.heading.last().cloned(),
                line,
                ..Statement::default()
            });
            let s = self.statements.len() - 1;
            if let Some(t) = title {
                self.by_title.insert(t, s);
            }
            s
        });
        let statement = &mut self.statements[s];
        statement.texts.extend(text.filter(|t| !t.is_empty()));
        for tag in tags {
            if !statement.tags.contains(&tag) {
                statement.tags.push(tag);
            }
        }
        s
    }

    fn argument(
        &mut self,
        title: &str,
        text: Option<String>,
        tags: Vec<String>,
        line: usize,
    ) -> usize {
        let a = match self.arguments_by_title.get(title) {
            Some(&a) => a,
            None => {
                self.arguments.push(Argument {
                    title: title.to_string(),
                    heading: self.heading.last().cloned(),
                    line,
                    ..Argument::default()
                });
                self.arguments_by_title
                    .insert(title.to_string(), self.arguments.len() - 1);
                self.arguments.len() - 1
            }
        };
        let argument = &mut self.arguments[a];
        argument.texts.extend(text.filter(|t| !t.is_empty()));
        for tag in tags {
            if !argument.tags.contains(&tag) {
                argument.tags.push(tag);
            }
        }
        a
    }
}
