//! Reading the fields of a record: text, keywords, dates, lists, references and ids, each
//! with its position, every problem a diagnostic.

use super::*;

impl Reader<'_> {
    /// The text of `field`, taken out of the record.
    pub(super) fn optional_text(
        &mut self,
        map: &mut Mapping,
        field: &str,
        what: &str,
    ) -> Option<Text> {
        let node = map.get_mut(field)?;
        match node {
            Node::Scalar(s) if is_null(s) => None,
            Node::Scalar(s) => Some(Text {
                value: std::mem::take(&mut s.value),
                pos: s.pos,
            }),
            other => {
                let origin = self.origin(other.pos());
                self.error(
                    origin,
                    format!(
                        "expected text for `{field}` of {what}, found {}",
                        describe(other)
                    ),
                    Some(
                        "quote the value if it contains `: `, `#` or starts with `[`, `{` or `-`"
                            .into(),
                    ),
                );
                None
            }
        }
    }

    pub(super) fn required_text(
        &mut self,
        map: &mut Mapping,
        field: &str,
        what: &str,
    ) -> Option<Text> {
        let Some(key) = map.keys().find(|k| k.value == field).map(|k| k.pos) else {
            let origin = self.record_origin(map);
            self.error(
                origin,
                format!("missing field `{field}` in {what}"),
                Some(format!("add `{field}: ...` to this record")),
            );
            return None;
        };
        let text = self.optional_text(map, field, what);
        let empty = match &text {
            Some(t) => t.value.trim().is_empty(),
            None => map.get(field).and_then(Node::as_scalar).is_some(),
        };
        if empty {
            // The key, not the value: an empty value's position is wherever the next token is.
            let origin = self.origin(key);
            self.error(
                origin,
                format!("`{field}` of {what} is empty"),
                Some(format!(
                    "write the {field} out; an empty value, `~` or `null` says nothing"
                )),
            );
            return None;
        }
        text
    }

    /// Where a record starts: its `{`, or its first key (a block mapping's own position is
    /// its first `:`), whichever comes first.
    pub(super) fn record_origin(&self, map: &Mapping) -> Origin {
        let first_key = map.keys().next().map(|key| key.pos);
        self.origin(first_key.map_or(map.pos, |key| key.min(map.pos)))
    }

    pub(super) fn keyword<K: Copy>(
        &mut self,
        text: Option<Text>,
        field: &str,
        parse: fn(&str) -> Option<K>,
        keywords: &[&str],
    ) -> Option<K> {
        let text = text?;
        let parsed = parse(text.value.trim());
        if parsed.is_none() {
            let hint = match did_you_mean(text.value.trim(), keywords.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("expected one of: {}", keywords.join(", ")),
            };
            self.error(
                self.origin(text.pos),
                format!("unknown {field} `{}`", text.value),
                Some(hint),
            );
        }
        parsed
    }

    pub(super) fn date(&mut self, text: Option<Text>, field: &str) -> Option<DateSpec> {
        let text = text?;
        match DateSpec::parse(&text.value) {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(
                    self.origin(text.pos),
                    format!("malformed {field} `{}`: {e}", text.value),
                    Some("write YYYY, YYYY-MM, YYYY-MM-DD, or a range START/END such as 1950-03-30/1950-04-25".into()),
                );
                None
            }
        }
    }

    /// A list of plain strings; a lone string is an error with a hint, not silently a list.
    pub(super) fn text_list(&mut self, map: &mut Mapping, field: &str, what: &str) -> Vec<Text> {
        let Some(node) = map.get_mut(field) else {
            return Vec::new();
        };
        match node {
            Node::Sequence(items) => items
                .items
                .iter_mut()
                .filter_map(|item| match item {
                    Node::Scalar(s) => Some(Text {
                        value: trimmed(std::mem::take(&mut s.value)),
                        pos: s.pos,
                    }),
                    other => {
                        let origin = self.origin(other.pos());
                        self.error(
                            origin,
                            format!(
                                "expected text in the list `{field}` of {what}, found {}",
                                describe(other)
                            ),
                            Some("each item is a single id or text".into()),
                        );
                        None
                    }
                })
                .collect(),
            Node::Scalar(s) if is_null(s) => Vec::new(),
            other => {
                let origin = self.origin(other.pos());
                let example = match other {
                    Node::Scalar(s) => format!("`{field}: [{}]`", s.value),
                    _ => format!("`{field}: [a, b]`"),
                };
                self.error(
                    origin,
                    format!(
                        "expected a list for `{field}` of {what}, found {}",
                        describe(other)
                    ),
                    Some(format!("write a list, e.g. {example}")),
                );
                Vec::new()
            }
        }
    }

    pub(super) fn references(
        &mut self,
        owner: &Id,
        field: &'static str,
        expected: Kind,
        items: Vec<Text>,
    ) -> Vec<Id> {
        items
            .into_iter()
            .map(|t| self.reference(owner, field, expected, t))
            .collect()
    }

    pub(super) fn reference(
        &mut self,
        owner: &Id,
        field: &'static str,
        expected: Kind,
        t: Text,
    ) -> Id {
        let target = Id::from(t.value);
        self.parsed.references.push(Reference {
            owner: owner.clone(),
            field,
            target: target.clone(),
            expected,
            origin: self.origin(t.pos),
        });
        target
    }

    /// Reads and declares the `id` of a record.
    pub(super) fn id(&mut self, map: &mut Mapping, kind: Kind) -> Id {
        let what = kind.noun();
        let Some(t) = self.required_text(map, "id", &format!("a {what}")) else {
            return Id::default();
        };
        let id = Id::from(t.value.trim());
        if let Some(c) = id.chars().find(|c| c.is_control()) {
            // A quoted value can hold any character through an escape (`"\e"`, `"\x07"`).
            self.error(
                self.origin(t.pos),
                format!(
                    "expected an id without control characters, found U+{:04X} in `{}`",
                    c as u32, t.value
                ),
                Some("ids are words joined by `-`; remove the escape that makes the control character".into()),
            );
        } else if id.chars().any(char::is_whitespace) {
            self.error(
                self.origin(t.pos),
                format!("expected an id without spaces, found `{}`", t.value),
                Some(format!(
                    "join words with `-`, e.g. `{}`",
                    id.split_whitespace()
                        .collect::<Vec<_>>()
                        .join("-")
                        .to_lowercase()
                )),
            );
        }
        self.parsed.declarations.push(Declaration {
            id: id.clone(),
            kind,
            origin: self.origin(t.pos),
        });
        id
    }

    pub(super) fn notes(&mut self, map: &mut Mapping, field: &str, what: &str) -> Option<Box<str>> {
        self.optional_text(map, field, what).map(Text::boxed)
    }

    /// Calls `read` on each mapping in the list under `field`, reporting anything else; `items`
    /// names what the list holds, for messages.
    pub(super) fn each_mapping(
        &mut self,
        map: &mut Mapping,
        field: &str,
        what: &str,
        hint: &str,
        mut read: impl FnMut(&mut Self, &mut Mapping),
    ) {
        let Some(node) = map.get_mut(field) else {
            return;
        };
        let Node::Sequence(items) = node else {
            if node.as_scalar().is_some_and(is_null) {
                return;
            }
            let origin = self.origin(node.pos());
            self.error(
                origin,
                format!(
                    "expected a list for `{field}` of {what}, found {}",
                    describe(node)
                ),
                Some(hint.to_string()),
            );
            return;
        };
        for item in items.items.iter_mut() {
            match item {
                Node::Mapping(m) => read(self, m),
                other => {
                    let origin = self.origin(other.pos());
                    self.error(
                        origin,
                        format!(
                            "expected a mapping in `{field}` of {what}, found {}",
                            describe(other)
                        ),
                        Some(hint.to_string()),
                    );
                }
            }
        }
    }

    /// `true` or `false`; absent is `false`.
    pub(super) fn flag(&mut self, map: &mut Mapping, field: &str, what: &str) -> bool {
        let text = self.optional_text(map, field, what);
        match text.as_ref().map(|t| t.value.trim()) {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                let origin = self.origin(text.as_ref().map_or(map.pos, |t| t.pos));
                self.error(
                    origin,
                    format!("expected `true` or `false` for `{field}` of {what}, found `{other}`"),
                    Some(format!("write `{field}: true`, or leave the field out")),
                );
                false
            }
        }
    }

    /// The `supplied` list: names of fields of the record.
    pub(super) fn supplied(&mut self, map: &mut Mapping, what: &str) -> Vec<Box<str>> {
        let fields: Vec<String> = map
            .keys()
            .map(|k| k.value.clone())
            .filter(|k| k != "supplied" && k != "id")
            .map(|k| match k.as_str() {
                "title" | "date" | "kind" | "author" | "recipient" | "citation" | "audience"
                | "known_through" | "reliability" | "listed" | "notes" | "name" | "schools"
                | "works" | "authors" | "year" | "container" | "volume" | "issue" | "statement"
                | "school" | "proponents" | "attributed_to" | "period" | "stance" | "locator"
                | "publisher" | "place" | "pages" | "url" | "doi" => k,
                _ => String::new(),
            })
            .collect();
        let items = self.text_list(map, "supplied", what);
        items
            .into_iter()
            .map(|t| {
                if !fields.contains(&t.value) || t.value.is_empty() {
                    let present: Vec<&str> = fields
                        .iter()
                        .map(String::as_str)
                        .filter(|f| !f.is_empty())
                        .collect();
                    let hint = match did_you_mean(&t.value, present.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("name fields this record has: {}", present.join(", ")),
                    };
                    self.error(
                        self.origin(t.pos),
                        format!(
                            "`supplied` of {what} names `{}`, which is not a field of the record",
                            t.value
                        ),
                        Some(hint),
                    );
                }
                t.boxed()
            })
            .collect()
    }
}
