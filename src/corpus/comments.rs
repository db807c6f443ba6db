//! The comments of a corpus file, so that `fmt` can keep them.
//!
//! The YAML parser drops comments, so they are found here from the scanner's tokens: a comment
//! can only lie between two tokens, and a `#` there starts one when it opens a line or follows
//! a space, a tab or a line break. The only token texts that can hold such a `#` are quoted
//! scalars (skipped to their closing quote) and block scalars (`|`, `>`: skipped to the end of
//! their indented content), so every other `#` so placed is a comment.
//!
//! Each comment is then attached to a node of the file, named by its [path](Step) from the top
//! (`claims`, 3, `evidence`, 0): a comment on a line of its own to the outermost node that starts
//! on the next line holding one, a comment at the end of a line to the outermost node that
//! starts on that line (or, after a scalar that runs over several lines, to the last node that
//! started before). Paths survive `fmt`'s reordering of fields, since they name fields by key
//! and records by their place in the file, which `fmt` keeps.

use std::collections::BTreeMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, Scanner, TScalarStyle, TokenType};

/// A step on the way from the top of a file to a node: a mapping key or a list index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Step {
    /// The value of this key.
    Key(String),
    /// The item at this index, from 0.
    Index(usize),
}

/// Where a node is: the steps from the top of its file.
pub(crate) type NodePath = Vec<Step>;

/// A comment where it stands in a file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Comment {
    /// The line, from 1.
    pub line: usize,
    /// The comment from its `#`, without trailing white space.
    pub text: String,
    /// Whether the comment has its line to itself.
    pub own_line: bool,
}

/// A line written before a node: a comment, or one blank line kept between comments or between
/// the last comment and the node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Line {
    Comment(String),
    Blank,
}

impl Line {
    /// The line as written at indentation `indent` (a blank line stays empty).
    pub fn render(&self, indent: usize) -> String {
        match self {
            Line::Comment(text) => format!("{}{text}", " ".repeat(indent)),
            Line::Blank => String::new(),
        }
    }
}

/// The comments attached to one node.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Attached {
    /// The lines written before the node, at its indentation.
    pub leading: Vec<Line>,
    /// The comments written at the end of the node's first line.
    pub trailing: Vec<String>,
}

/// The comments of one file, attached to nodes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct FileComments {
    /// The comments that open the file, set off from its first node by a blank line: they stay
    /// at the top, whatever comes first once sections are in canonical order.
    pub head: Vec<Line>,
    /// By node.
    pub nodes: BTreeMap<NodePath, Attached>,
    /// The comments after the last node, written at the end of the file.
    pub end: Vec<Line>,
}

impl FileComments {
    /// Whether the file has no comment.
    pub fn is_empty(&self) -> bool {
        self.head.is_empty() && self.nodes.is_empty() && self.end.is_empty()
    }

    /// Whether a node strictly inside `path` has a comment.
    pub fn inside(&self, path: &[Step]) -> bool {
        let start = path.to_vec();
        self.nodes
            .range(start..)
            .take_while(|(p, _)| p.starts_with(path))
            .any(|(p, _)| p.len() > path.len())
    }
}

/// Why a file's comments could not be found: the scanner's message, with its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CommentError {
    pub line: usize,
    pub message: String,
}

/// The comments of `text`, in order.
pub(crate) fn find(text: &str) -> Result<Vec<Comment>, CommentError> {
    let chars: Vec<char> = text.chars().collect();
    let mut scanner = Scanner::new(text.chars());
    let tokens: Vec<_> = scanner.by_ref().collect();
    if let Some(e) = scanner.get_error() {
        return Err(CommentError {
            line: e.marker().line(),
            message: e.info().to_string(),
        });
    }
    // Where each token starts, and what its text is when that matters: a scalar wins over the
    // empty tokens (mapping starts, simple keys) that share its position. The scanner marks
    // some empty tokens after the ones that follow them, hence the sort.
    let mut marked: Vec<(usize, Extent)> = tokens
        .iter()
        .map(|token| {
            let extent = match &token.1 {
                TokenType::Scalar(TScalarStyle::SingleQuoted, _) => Extent::Quoted('\''),
                TokenType::Scalar(TScalarStyle::DoubleQuoted, _) => Extent::Quoted('"'),
                // The scanner marks a block scalar at its first line of content, if it has any.
                TokenType::Scalar(TScalarStyle::Literal | TScalarStyle::Folded, value)
                    if !value.trim().is_empty() =>
                {
                    Extent::Block
                }
                _ => Extent::Plain,
            };
            (token.0.index(), extent)
        })
        .collect();
    marked.sort_by_key(|(at, extent)| (*at, matches!(extent, Extent::Plain)));
    marked.dedup_by_key(|(at, _)| *at);
    let starts = marked;
    let lines = LineTable::new(&chars);
    let mut comments = Vec::new();
    let mut region_start = 0;
    let mut extent = Extent::Plain;
    for (at, next) in starts.into_iter().chain([(chars.len(), Extent::Plain)]) {
        // The scanner's last marks can lie past the end of the text.
        let end = at.min(chars.len()).max(region_start);
        let from = match extent {
            Extent::Plain => region_start,
            Extent::Quoted(q) => skip_quoted(&chars, region_start, q).min(end),
            Extent::Block => skip_block(&chars, region_start, end),
        };
        scan(&chars, from, end, &lines, &mut comments);
        region_start = end;
        extent = next;
    }
    Ok(comments)
}

/// What a token's text is, for finding where it ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extent {
    /// A plain scalar or an indicator: neither can hold a `#` after white space.
    Plain,
    /// A quoted scalar, with its quote.
    Quoted(char),
    /// A block scalar (`|`, `>`), from its first line of content.
    Block,
}

/// The index just after the quoted scalar that starts at `start`.
fn skip_quoted(chars: &[char], start: usize, quote: char) -> usize {
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if quote == '"' => i += 2,
            '\'' if quote == '\'' && chars.get(i + 1) == Some(&'\'') => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// The index where the content of a block scalar ends, its first line of content starting at
/// `start` and the next token at `end`: after the last line that is blank or indented as deep
/// as the first.
fn skip_block(chars: &[char], start: usize, end: usize) -> usize {
    let line_start = chars[..start]
        .iter()
        .rposition(|&c| c == '\n' || c == '\r')
        .map_or(0, |p| p + 1);
    let content = start - line_start;
    let mut i = next_line(chars, line_end(chars, start));
    while i < end {
        let indent = chars[i..end].iter().take_while(|&&c| c == ' ').count();
        let rest = &chars[i + indent..end];
        let blank = rest
            .iter()
            .take_while(|&&c| c != '\n' && c != '\r')
            .all(|&c| c == ' ' || c == '\t');
        if !blank && indent < content {
            return i;
        }
        i = next_line(chars, line_end(chars, i));
    }
    end
}

/// Finds the comments in `chars[from..to]`, which holds no token text that could contain one.
fn scan(chars: &[char], from: usize, to: usize, lines: &LineTable, out: &mut Vec<Comment>) {
    let mut i = from;
    while i < to {
        let after_space = i == 0 || matches!(chars[i - 1], ' ' | '\t' | '\n' | '\r');
        if chars[i] == '#' && after_space {
            let end = line_end(chars, i);
            let text: String = chars[i..end].iter().collect();
            let line = lines.line_of(i);
            let own_line = chars[lines.start_of(line)..i]
                .iter()
                .all(|c| matches!(c, ' ' | '\t' | '\u{feff}'));
            out.push(Comment {
                line,
                text: text.trim_end().to_string(),
                own_line,
            });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The index of the line break (or the end) that ends the line holding `i`.
fn line_end(chars: &[char], i: usize) -> usize {
    chars[i..]
        .iter()
        .position(|&c| c == '\n' || c == '\r')
        .map_or(chars.len(), |p| i + p)
}

/// The index after the line break at `i` (`\r\n` is one break).
fn next_line(chars: &[char], i: usize) -> usize {
    match chars.get(i) {
        Some('\r') if chars.get(i + 1) == Some(&'\n') => i + 2,
        Some(_) => i + 1,
        None => i,
    }
}

/// Where each line starts, with line breaks counted as YAML counts them (`\r\n`, `\n`, `\r`).
struct LineTable {
    starts: Vec<usize>,
}

impl LineTable {
    fn new(chars: &[char]) -> LineTable {
        let mut starts = vec![0];
        let mut i = 0;
        while i < chars.len() {
            if matches!(chars[i], '\n' | '\r') {
                i = next_line(chars, i);
                starts.push(i);
            } else {
                i += 1;
            }
        }
        LineTable { starts }
    }

    /// The line (from 1) holding character `i`.
    fn line_of(&self, i: usize) -> usize {
        self.starts.partition_point(|&s| s <= i)
    }

    /// The index where line `line` (from 1) starts.
    fn start_of(&self, line: usize) -> usize {
        self.starts[line - 1]
    }
}

/// The comments of `text`, attached to the nodes they annotate.
pub(crate) fn attach(text: &str) -> Result<FileComments, CommentError> {
    let comments = find(text)?;
    let mut attached = FileComments::default();
    if comments.is_empty() {
        return Ok(attached);
    }
    let starts = node_starts(text)?;
    let blank: Vec<bool> = super::prescan::lines(text)
        .map(|l| l.trim().is_empty())
        .collect();
    let is_blank = |line: usize| blank.get(line - 1).copied().unwrap_or(true);
    // The lines before a node: its comments, with one blank line where the text had any
    // between two of them or between the last and the node.
    let leading = |group: &[(usize, String)], node_line: usize| -> Vec<Line> {
        let mut lines = Vec::new();
        for (i, (line, text)) in group.iter().enumerate() {
            if i > 0 && (group[i - 1].0 + 1..*line).any(is_blank) {
                lines.push(Line::Blank);
            }
            lines.push(Line::Comment(text.clone()));
        }
        let last = group.last().map_or(0, |g| g.0);
        if (last + 1..node_line).any(is_blank) {
            lines.push(Line::Blank);
        }
        lines
    };
    // Comments on lines of their own, grouped by the node they precede.
    let mut groups: Vec<(usize, Vec<(usize, String)>)> = Vec::new();
    for comment in comments {
        if comment.own_line {
            let target = starts.partition_point(|(l, _)| *l <= comment.line);
            match groups.last_mut() {
                Some((t, group)) if *t == target => group.push((comment.line, comment.text)),
                _ => groups.push((target, vec![(comment.line, comment.text)])),
            }
            continue;
        }
        let next = starts.partition_point(|(l, _)| *l < comment.line);
        let on_line = starts.get(next).filter(|(l, _)| *l == comment.line);
        match on_line.or_else(|| next.checked_sub(1).map(|i| &starts[i])) {
            Some((_, path)) => {
                let node = attached.nodes.entry(path.clone()).or_default();
                node.trailing.push(comment.text);
            }
            None => attached.end.push(Line::Comment(comment.text)),
        }
    }
    for (target, group) in groups {
        match starts.get(target) {
            Some((line, _))
                if target == 0 && leading(&group, *line).last() == Some(&Line::Blank) =>
            {
                attached.head = leading(&group, *line);
                attached.head.pop();
            }
            Some((line, path)) => {
                let lines = leading(&group, *line);
                (attached.nodes.entry(path.clone()).or_default().leading).extend(lines);
            }
            None => {
                let lines = leading(&group, usize::MAX);
                attached
                    .end
                    .extend(lines.into_iter().filter(|l| *l != Line::Blank));
            }
        }
    }
    Ok(attached)
}

/// Where each node of the file starts (its line), in document order: the fields of mappings at
/// their keys, the items of lists at their first character.
fn node_starts(text: &str) -> Result<Vec<(usize, NodePath)>, CommentError> {
    let chars: Vec<char> = text.chars().collect();
    let mut walker = Walker {
        lines: LineTable::new(&chars),
        chars,
        frames: Vec::new(),
        starts: Vec::new(),
    };
    let mut parser = Parser::new_from_str(text);
    parser.load(&mut walker, false).map_err(|e| CommentError {
        line: e.marker().line(),
        message: e.info().to_string(),
    })?;
    Ok(walker.starts)
}

/// A collection being walked.
enum Frame {
    /// A mapping: the key whose value is being read, if any.
    Map(Option<String>),
    /// A list: the index of the item being read, and of the next.
    List(Option<usize>, usize),
}

struct Walker {
    chars: Vec<char>,
    lines: LineTable,
    frames: Vec<Frame>,
    starts: Vec<(usize, NodePath)>,
}

impl Walker {
    fn path(&self) -> NodePath {
        self.frames
            .iter()
            .filter_map(|f| match f {
                Frame::Map(key) => key.clone().map(Step::Key),
                Frame::List(index, _) => index.map(Step::Index),
            })
            .collect()
    }

    /// A node starts: a key, a value, or an item. Returns whether it is a key.
    fn start(&mut self, line: usize, scalar: Option<&str>) -> bool {
        match self.frames.last_mut() {
            Some(Frame::Map(key @ None)) => {
                *key = Some(scalar.unwrap_or("?").to_string());
                let path = self.path();
                self.starts.push((line, path));
                true
            }
            Some(Frame::List(index, next)) => {
                *index = Some(*next);
                *next += 1;
                let path = self.path();
                self.starts.push((line, path));
                false
            }
            _ => false,
        }
    }

    /// A value or item has been read.
    fn done(&mut self) {
        if let Some(Frame::Map(key)) = self.frames.last_mut() {
            *key = None;
        }
    }
}

impl MarkedEventReceiver for Walker {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let line = mark.line();
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                // A collection as a key (never in a corpus) is read as the key "?".
                self.start(line, None);
                self.frames.push(match event {
                    Event::MappingStart(..) => Frame::Map(None),
                    _ => Frame::List(None, 0),
                });
            }
            Event::Scalar(value, style, ..) => {
                // A block scalar is marked at its content: it starts on its indicator's line.
                let line = match style {
                    TScalarStyle::Literal | TScalarStyle::Folded => {
                        let before = self.chars[..mark.index().min(self.chars.len())]
                            .iter()
                            .rposition(|c| !c.is_whitespace());
                        before.map_or(line, |i| self.lines.line_of(i))
                    }
                    _ => line,
                };
                if !self.start(line, Some(&value)) {
                    self.done();
                }
            }
            Event::Alias(_) if !self.start(line, Some("*")) => self.done(),
            Event::MappingEnd | Event::SequenceEnd => {
                self.frames.pop();
                self.done();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
