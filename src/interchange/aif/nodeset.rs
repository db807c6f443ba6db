//! The AIF nodeset as read from JSON (nodes, edges, locutions, participants), checked for shape.

use std::collections::HashMap;

use serde_json::Value;

use super::ImportError;

/// A node of the map.
pub(super) struct AifNode<'j> {
    pub(super) id: String,
    pub(super) kind: &'j str,
    pub(super) text: &'j str,
    /// Other fields (timestamp, scheme, …) as `key: value`, sorted by key.
    pub(super) extra: Vec<String>,
    pub(super) raw: &'j Value,
    /// What historiograph's own export wrote under [`MARK`], if anything.
    pub(super) mark: Option<&'j Value>,
}

/// The key under which historiograph's AIF export marks its nodes, participants and nodeset
/// with what AIF has no place for (see [`crate::export`]'s AIF notes).
const MARK: &str = "historiograph";

/// A participant: its id, its name and its mark.
pub(super) struct Participant<'j> {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) mark: Option<&'j Value>,
    pub(super) raw: &'j Value,
}

/// An edge of the map, with its ends as node positions (`None` when the id names no node).
pub(super) struct AifEdge<'j> {
    pub(super) id: String,
    pub(super) from: Option<usize>,
    pub(super) to: Option<usize>,
    pub(super) raw: &'j Value,
}

/// An entry of `locutions`: the L-node position (if it names one), the personID and the other
/// fields.
pub(super) type AifLocution<'j> = (Option<usize>, Option<String>, Vec<String>, &'j Value);

/// A parsed nodeset.
pub(super) struct Map<'j> {
    pub(super) nodes: Vec<AifNode<'j>>,
    pub(super) edges: Vec<AifEdge<'j>>,
    pub(super) locutions: Vec<AifLocution<'j>>,
    /// `participants[]`.
    pub(super) participants: Vec<Participant<'j>>,
    /// The mark of the nodeset itself (its custom schools).
    pub(super) mark: Option<&'j Value>,
    /// Per node: the edges in and out.
    pub(super) ins: Vec<Vec<usize>>,
    pub(super) outs: Vec<Vec<usize>>,
}

/// The most edges into, or out of, one scheme node (RA, CA, MA, TA, YA, …): its premises and
/// conclusions. AIFdb's maps have a handful.
pub(super) const MAX_SCHEME_EDGES: usize = 256;

/// A string or number as text.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A required string-or-number field of an object in a list.
fn field(item: &Value, list: &str, i: usize, key: &str) -> Result<String, ImportError> {
    match item.get(key) {
        Some(v) => scalar(v).ok_or_else(|| {
            ImportError::Shape(format!(
                "expected a string or number for `{key}` of {list}[{i}], found {}",
                describe(v)
            ))
        }),
        None => Err(ImportError::Shape(format!(
            "missing field `{key}` in {list}[{i}]"
        ))),
    }
}

/// The fields of an object other than `skip`, as `key: value`, sorted; nulls are left out.
fn extras(item: &Value, skip: &[&str]) -> Vec<String> {
    let Some(object) = item.as_object() else {
        return Vec::new();
    };
    let mut out: Vec<String> = object
        .iter()
        .filter(|(k, v)| !skip.contains(&k.as_str()) && !v.is_null())
        .map(|(k, v)| format!("{k}: {}", scalar(v).unwrap_or_else(|| v.to_string())))
        .collect();
    out.sort();
    out
}

/// A list under `key` of the top-level object; optional lists may be missing.
fn list<'j>(root: &'j Value, key: &str, required: bool) -> Result<&'j [Value], ImportError> {
    match root.get(key) {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(ImportError::Shape(format!(
            "expected a list under `{key}`, found {}",
            describe(other)
        ))),
        None if required => {
            let keys: Vec<String> = root
                .as_object()
                .map(|o| o.keys().map(|k| format!("`{k}`")).collect())
                .unwrap_or_default();
            let found = if keys.is_empty() {
                "no keys".to_string()
            } else {
                format!("the keys {}", keys.join(", "))
            };
            Err(ImportError::Shape(format!(
                "missing `{key}`: an AIF nodeset has `nodes` and `edges` lists (or an OVA3 map \
                 has them under `AIF`), found {found}"
            )))
        }
        None => Ok(&[]),
    }
}

/// The nodeset inside a file: the file itself, or the `AIF` object of an OVA3 map
/// (`{"AIF": {…}, "text": …, "OVA": …}`). A nodeset under any other key is named in the error.
fn unwrap(root: &Value) -> Result<&Value, ImportError> {
    let Some(object) = root.as_object() else {
        return Ok(root);
    };
    if object.contains_key("nodes") {
        return Ok(root);
    }
    if let Some(inner) = object.get("AIF").filter(|v| v.get("nodes").is_some()) {
        return Ok(inner);
    }
    let wrapper = object
        .iter()
        .find(|(_, v)| v.get("nodes").is_some() && v.get("edges").is_some());
    if let Some((key, _)) = wrapper {
        return Err(ImportError::Shape(format!(
            "expected `nodes` and `edges` at the top level or under `AIF` (OVA3), found them under \
             `{key}`, a wrapper this importer does not know: take the object under `{key}` out \
             into a file of its own and import that"
        )));
    }
    Ok(root)
}

impl<'j> Map<'j> {
    pub(super) fn parse(root: &'j Value) -> Result<Map<'j>, ImportError> {
        let root = unwrap(root)?;
        if !root.is_object() {
            return Err(ImportError::Shape(format!(
                "expected an object with `nodes` and `edges`, found {}",
                describe(root)
            )));
        }
        let mut nodes = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, raw) in list(root, "nodes", true)?.iter().enumerate() {
            let id = field(raw, "nodes", i, "nodeID")?;
            let text = match raw.get("text") {
                Some(Value::String(s)) => s.as_str(),
                Some(Value::Null) | None => "",
                Some(other) => {
                    return Err(ImportError::Shape(format!(
                        "expected a string for `text` of nodes[{i}], found {}",
                        describe(other)
                    )))
                }
            };
            let kind = match raw.get("type") {
                Some(Value::String(s)) => s.as_str(),
                _ => {
                    return Err(ImportError::Shape(format!(
                        "expected a string `type` (I, L, RA, CA, …) in nodes[{i}]"
                    )))
                }
            };
            if let Some(first) = index.insert(id.clone(), i) {
                return Err(ImportError::Shape(format!(
                    "duplicate nodeID `{id}` in nodes[{first}] and nodes[{i}]"
                )));
            }
            nodes.push(AifNode {
                id,
                kind,
                text,
                extra: extras(raw, &["nodeID", "type", "text", MARK]),
                raw,
                mark: raw.get(MARK).filter(|v| !v.is_null()),
            });
        }
        let mut edges = Vec::new();
        for (i, raw) in list(root, "edges", true)?.iter().enumerate() {
            let from = field(raw, "edges", i, "fromID")?;
            let to = field(raw, "edges", i, "toID")?;
            let id = raw
                .get("edgeID")
                .and_then(scalar)
                .unwrap_or_else(|| format!("#{i}"));
            edges.push(AifEdge {
                id,
                from: index.get(&from).copied(),
                to: index.get(&to).copied(),
                raw,
            });
        }
        let mut locutions = Vec::new();
        for (i, raw) in list(root, "locutions", false)?.iter().enumerate() {
            let node = field(raw, "locutions", i, "nodeID")?;
            let person = raw.get("personID").and_then(scalar);
            let extra = extras(raw, &["nodeID", "personID"]);
            locutions.push((index.get(&node).copied(), person, extra, raw));
        }
        let mut participants = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, raw) in list(root, "participants", false)?.iter().enumerate() {
            let id = field(raw, "participants", i, "participantID")?;
            if let Some(first) = seen.insert(id.clone(), i) {
                return Err(ImportError::Shape(format!(
                    "duplicate participantID `{id}` in participants[{first}] and participants[{i}]"
                )));
            }
            let part = |k: &str| raw.get(k).and_then(scalar).unwrap_or_default();
            let name = format!("{} {}", part("firstname"), part("surname"));
            participants.push(Participant {
                id,
                name: name.trim().to_string(),
                mark: raw.get(MARK).filter(|v| !v.is_null()),
                raw,
            });
        }
        let mut ins = vec![Vec::new(); nodes.len()];
        let mut outs = vec![Vec::new(); nodes.len()];
        for (e, edge) in edges.iter().enumerate() {
            if let (Some(from), Some(to)) = (edge.from, edge.to) {
                outs[from].push(e);
                ins[to].push(e);
            }
        }
        // A scheme node (RA, CA, …) joins a few premises to a conclusion; one joining thousands
        // would be written into the notes of each, at a cost that grows with the square.
        for (i, node) in nodes.iter().enumerate() {
            let degree = ins[i].len().max(outs[i].len());
            if !matches!(node.kind, "I" | "L") && degree > MAX_SCHEME_EDGES {
                return Err(ImportError::Limit(format!(
                    "expected at most {MAX_SCHEME_EDGES} edges into or out of a {} node, found \
                     {degree} at nodes[{i}] (`{}`); split the inference into smaller ones",
                    node.kind, node.id
                )));
            }
        }
        Ok(Map {
            nodes,
            edges,
            locutions,
            participants,
            ins,
            outs,
            mark: root.get(MARK).filter(|v| !v.is_null()),
        })
    }

    /// The nodes joined to `n` by an edge, either way.
    pub(super) fn neighbours(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.ins[n].iter().filter_map(|&e| self.edges[e].from);
        let to = self.outs[n].iter().filter_map(|&e| self.edges[e].to);
        from.chain(to)
    }
}
