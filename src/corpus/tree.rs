//! The YAML tree of one corpus file: text, lists and mappings, each with its line and column,
//! built straight from the parser's events.
//!
//! A corpus file needs nothing else of YAML, so the tree is small: a mapping is a list of
//! entries in file order, a position is two numbers. What corpus files never use is refused
//! with the position of the first occurrence: anchors and aliases (so no file expands beyond
//! its own size), tags, keys that are lists or mappings, a key written twice in one mapping, and
//! a top level that is not a mapping. A syntax error anywhere in the file is reported in
//! preference to any of these, since what follows it cannot be trusted.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A position in a file: line and column, both from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

impl From<Marker> for Pos {
    fn from(mark: Marker) -> Self {
        Pos {
            line: mark.line(),
            column: mark.col() + 1,
        }
    }
}

/// A scalar, as text, where it starts, and whether it was written plain.
#[derive(Debug)]
pub(crate) struct Scalar {
    pub pos: Pos,
    pub value: String,
    /// Written without quotes or a block indicator (`|`, `>`): only such a scalar can be
    /// null (`~`, `null`, nothing); `"null"` and `'~'` are text.
    pub plain: bool,
}

/// A mapping: its entries in file order, no key twice.
#[derive(Debug)]
pub(crate) struct Mapping {
    /// Where the parser places the mapping: its `{`, or for a block mapping its first `:`.
    pub pos: Pos,
    entries: Vec<(Scalar, Node)>,
    /// Where each key is in `entries`, kept once a mapping is large enough that scanning the
    /// entries for a repeated key would cost time quadratic in the file's size.
    index: Option<HashMap<String, usize>>,
}

/// A list.
#[derive(Debug)]
pub(crate) struct Sequence {
    pub pos: Pos,
    pub items: Vec<Node>,
}

/// Any value.
#[derive(Debug)]
pub(crate) enum Node {
    Scalar(Scalar),
    Mapping(Mapping),
    Sequence(Sequence),
}

/// Why a file has no tree; each carries the position of the problem.
#[derive(Debug)]
pub(crate) enum TreeError {
    /// The file is a list or a scalar.
    TopLevelNotMapping(Pos),
    /// An anchor (`&a`) or an alias (`*a`).
    Anchor(Pos),
    /// A list or mapping used as a key.
    ComplexKey(Pos),
    /// A tag (`!t`).
    Tag(Pos),
    /// A syntax error, with the parser's description.
    Syntax(Pos, String),
    /// A key written twice in one mapping: the second key, and the line of the first.
    DuplicateKey { key: Scalar, first_line: usize },
}

/// Room made in each mapping: the most fields a record has, so that reading one grows nothing.
const RECORD_FIELDS: usize = 12;

/// Mappings with more entries than this keep an index of their keys.
const INDEXED_ENTRIES: usize = 16;

impl Node {
    pub fn pos(&self) -> Pos {
        match self {
            Node::Scalar(s) => s.pos,
            Node::Mapping(m) => m.pos,
            Node::Sequence(s) => s.pos,
        }
    }

    #[cfg(test)]
    pub fn as_mapping(&self) -> Option<&Mapping> {
        match self {
            Node::Mapping(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_sequence(&self) -> Option<&Sequence> {
        match self {
            Node::Sequence(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_scalar(&self) -> Option<&Scalar> {
        match self {
            Node::Scalar(s) => Some(s),
            _ => None,
        }
    }
}

impl Mapping {
    fn new(pos: Pos) -> Self {
        Mapping {
            pos,
            entries: Vec::with_capacity(RECORD_FIELDS),
            index: None,
        }
    }

    /// The entries, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&Scalar, &Node)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &Scalar> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// Where the key `name` is in `entries`.
    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.entries.iter().position(|(k, _)| k.value == name),
        }
    }

    /// The key `name` and its value.
    pub fn entry(&self, name: &str) -> Option<(&Scalar, &Node)> {
        let (k, v) = &self.entries[self.position(name)?];
        Some((k, v))
    }

    /// The value of the key `name`, to change.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Node> {
        let at = self.position(name)?;
        Some(&mut self.entries[at].1)
    }

    /// The value of the key `name`.
    pub fn get(&self, name: &str) -> Option<&Node> {
        self.entry(name).map(|(_, v)| v)
    }

    /// Adds an entry, refusing a key already present.
    fn insert(&mut self, key: Scalar, value: Node) -> Result<(), TreeError> {
        if let Some((first, _)) = self.entry(&key.value) {
            return Err(TreeError::DuplicateKey {
                first_line: first.pos.line,
                key,
            });
        }
        if let Some(index) = &mut self.index {
            index.insert(key.value.clone(), self.entries.len());
        } else if self.entries.len() == INDEXED_ENTRIES {
            let index = self.entries.iter().enumerate();
            let index = index.map(|(i, (k, _))| (k.value.clone(), i));
            self.index = Some(
                index
                    .chain([(key.value.clone(), self.entries.len())])
                    .collect(),
            );
        }
        self.entries.push((key, value));
        Ok(())
    }
}

/// Parses a file's text (its first YAML document) into its top-level mapping. A file with no
/// content at all is an empty mapping.
#[cfg(test)]
pub(crate) fn parse(text: &str) -> Result<Mapping, TreeError> {
    parse_streaming(text, |_, _| {})
}

/// Parses a file's text like [`parse`], but hands each item of a list at the top level (each
/// record of a section) to `item` with the key of its list as soon as the item is read, and
/// leaves these lists empty in the tree. No more than one record is held at a time.
///
/// On an error, items already handed over must be discarded: the error may come after them.
pub(crate) fn parse_streaming(
    text: &str,
    item: impl FnMut(&Scalar, Node),
) -> Result<Mapping, TreeError> {
    let mut builder = Builder {
        open: Vec::new(),
        root: None,
        error: None,
        item,
    };
    let mut parser = Parser::new_from_str(text);
    if let Err(e) = parser.load(&mut builder, false) {
        return Err(TreeError::Syntax(
            (*e.marker()).into(),
            e.info().to_string(),
        ));
    }
    if let Some(error) = builder.error {
        return Err(error);
    }
    Ok(builder
        .root
        .unwrap_or_else(|| Mapping::new(Pos { line: 0, column: 0 })))
}

/// A collection being read.
enum Open {
    /// A mapping whose next event is a key.
    Key(Mapping),
    /// A mapping whose next event is the value of this key.
    Value(Mapping, Scalar),
    /// A list.
    Items(Sequence),
}

/// Builds the tree from the parser's events; after the first problem it ignores the rest.
struct Builder<F> {
    open: Vec<Open>,
    root: Option<Mapping>,
    error: Option<TreeError>,
    /// Takes the items of the lists at the top level.
    item: F,
}

impl<F: FnMut(&Scalar, Node)> MarkedEventReceiver for Builder<F> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.error.is_none() {
            if let Err(e) = self.event(event, mark.into()) {
                self.error = Some(e);
            }
        }
    }
}

impl<F: FnMut(&Scalar, Node)> Builder<F> {
    fn event(&mut self, event: Event, pos: Pos) -> Result<(), TreeError> {
        match event {
            Event::MappingStart(anchor, tag) => {
                self.refuse(anchor, tag.is_some(), pos)?;
                self.refuse_as_key(pos)?;
                self.open.push(Open::Key(Mapping::new(pos)));
            }
            Event::SequenceStart(anchor, tag) => {
                self.refuse(anchor, tag.is_some(), pos)?;
                self.refuse_as_key(pos)?;
                self.refuse_at_top(pos)?;
                let items = Vec::new();
                self.open.push(Open::Items(Sequence { pos, items }));
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 {
                    return Err(TreeError::Anchor(pos));
                }
                if tag.is_some() {
                    return Err(TreeError::Tag(pos));
                }
                self.refuse_at_top(pos)?;
                let plain = style == TScalarStyle::Plain;
                let scalar = Scalar { pos, value, plain };
                match self.open.pop() {
                    Some(Open::Key(map)) => self.open.push(Open::Value(map, scalar)),
                    other => {
                        self.open.extend(other);
                        self.close(Node::Scalar(scalar))?;
                    }
                }
            }
            Event::MappingEnd => {
                if let Some(Open::Key(map)) = self.open.pop() {
                    if self.open.is_empty() {
                        self.root = Some(map);
                    } else {
                        self.close(Node::Mapping(map))?;
                    }
                }
            }
            Event::SequenceEnd => {
                if let Some(Open::Items(list)) = self.open.pop() {
                    self.close(Node::Sequence(list))?;
                }
            }
            Event::Alias(_) => return Err(TreeError::Anchor(pos)),
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd => {}
        }
        Ok(())
    }

    /// Refuses a collection with a tag or an anchor, the tag first.
    fn refuse(&self, anchor: usize, tagged: bool, pos: Pos) -> Result<(), TreeError> {
        if tagged {
            Err(TreeError::Tag(pos))
        } else if anchor != 0 {
            Err(TreeError::Anchor(pos))
        } else {
            Ok(())
        }
    }

    fn refuse_as_key(&self, pos: Pos) -> Result<(), TreeError> {
        match self.open.last() {
            Some(Open::Key(_)) => Err(TreeError::ComplexKey(pos)),
            _ => Ok(()),
        }
    }

    fn refuse_at_top(&self, pos: Pos) -> Result<(), TreeError> {
        match self.open.is_empty() {
            true => Err(TreeError::TopLevelNotMapping(pos)),
            false => Ok(()),
        }
    }

    /// Places a finished value in the collection that holds it.
    fn close(&mut self, node: Node) -> Result<(), TreeError> {
        match self.open.as_mut_slice() {
            [Open::Value(_, section), Open::Items(_)] => (self.item)(section, node),
            [.., Open::Items(list)] => list.items.push(node),
            [.., Open::Value(..)] => {
                let Some(Open::Value(mut map, key)) = self.open.pop() else {
                    unreachable!("the last open collection is a mapping awaiting a value")
                };
                map.insert(key, node)?;
                self.open.push(Open::Key(map));
            }
            [.., Open::Key(_)] | [] => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> TreeError {
        parse(text).expect_err("the text is refused")
    }

    #[test]
    fn keeps_order_and_positions() {
        let map = parse("b:\n  l: [x, {y: z}]\na: 'q'\n").unwrap();
        let keys: Vec<_> = map.keys().map(|k| (k.value.as_str(), k.pos)).collect();
        let at = |line, column| Pos { line, column };
        assert_eq!(keys, [("b", at(1, 1)), ("a", at(3, 1))]);
        let b = map.get("b").and_then(Node::as_mapping).unwrap();
        let list = b.get("l").and_then(Node::as_sequence).unwrap();
        assert_eq!(list.pos, at(2, 6));
        assert_eq!(list.items[1].pos(), at(2, 10));
        assert_eq!(map.get("a").and_then(Node::as_scalar).unwrap().value, "q");
    }

    #[test]
    fn knows_plain_scalars_from_quoted_and_block_ones() {
        let map = parse("a: null\nb: 'null'\nc: \"~\"\nd:\ne: |\n  x\nf: >\n  y\n").unwrap();
        let plain: Vec<_> = map
            .iter()
            .map(|(k, v)| (k.value.as_str(), v.as_scalar().unwrap().plain))
            .collect();
        let expected = [("a", true), ("b", false), ("c", false), ("d", true)];
        assert_eq!(
            plain,
            [expected.as_slice(), &[("e", false), ("f", false)]].concat()
        );
        assert!(map.keys().all(|k| k.plain));
    }

    #[test]
    fn refuses_what_corpus_files_do_not_use() {
        assert!(matches!(error("- a\n"), TreeError::TopLevelNotMapping(_)));
        assert!(matches!(error("a: &x b\n"), TreeError::Anchor(_)));
        assert!(matches!(error("a: !t b\n"), TreeError::Tag(_)));
        assert!(matches!(error("? [a]\n: b\n"), TreeError::ComplexKey(_)));
        assert!(matches!(error("a: [b\n"), TreeError::Syntax(..)));
        let TreeError::DuplicateKey { key, first_line } = error("a: 1\nb: 2\na: 3\n") else {
            panic!("a repeated key is refused")
        };
        assert_eq!((key.pos.line, first_line), (3, 1));
    }

    #[test]
    fn hands_over_the_items_of_top_level_lists() {
        let mut items = Vec::new();
        let text = "a: [x, y]\nb: {c: [z]}\nd: [[w]]\n";
        let map = parse_streaming(text, |key, item| items.push((key.value.clone(), item))).unwrap();
        let items: Vec<_> = items
            .iter()
            .map(|(k, i)| (k.as_str(), i.pos().column))
            .collect();
        assert_eq!(items, [("a", 5), ("a", 8), ("d", 5)]);
        let Some(Node::Sequence(a)) = map.get("a") else {
            panic!("`a` is a list")
        };
        assert!(a.items.is_empty(), "handed-over items are not kept");
        let c = map.get("b").and_then(Node::as_mapping).unwrap().get("c");
        assert_eq!(c.and_then(Node::as_sequence).unwrap().items.len(), 1);
    }

    #[test]
    fn finds_repeated_keys_in_large_mappings() {
        let mut text: String = (0..100).map(|i| format!("k{i}: v\n")).collect();
        assert_eq!(parse(&text).unwrap().get("k99").unwrap().pos().line, 100);
        text.push_str("k42: again\n");
        let TreeError::DuplicateKey { first_line, .. } = error(&text) else {
            panic!("a repeated key is refused")
        };
        assert_eq!(first_line, 43);
    }
}
