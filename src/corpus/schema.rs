//! The JSON Schema of a corpus file, generated from the record types of [`model`].
//!
//! The records derive [`JsonSchema`] next to `Serialize`, so their field names, doc comments
//! (the schema's descriptions), keyword vocabularies and optional fields come from one place;
//! the few values whose YAML form is not their Rust type (ids, dates, years, undercuts) have
//! their schema written here. A test checks the schema's fields against the loader's own field
//! tables, and another that every bundled file validates.
//!
//! YAML scalars are all text to the loader, so `volume: 3` or `title: 1984` are text; a YAML
//! tool that types them as numbers or booleans (as editors do before validating) must not see
//! an error there, so every plain-text field also accepts a number or a boolean.
//!
//! [`model`]: crate::corpus::model

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::corpus::date::DateSpec;
use crate::corpus::id::Id;
use crate::corpus::model::{Claim, Document, Historian, School, Undercut, Work};
use crate::corpus::Corpus;

/// One corpus file: lists of records under their section keys.
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "historiograph corpus file",
    description = "One YAML file of a historiograph corpus: lists of schools, documents, historians, claims and works. Every file of a folder is read as one corpus; ids are unique across files."
)]
#[allow(dead_code)] // only its schema is used
struct CorpusFile {
    /// Schools and theses besides the six built in (orthodox, revisionist, post-revisionist,
    /// hegemonic-expansionism, communist-fortification, cautious-expansionism).
    #[schemars(default)]
    schools: Vec<School>,
    /// Primary documents: telegrams, letters, memoranda, records of conversations, memoirs.
    #[schemars(default)]
    documents: Vec<Document>,
    /// Historians, and other authors whose reading of events is a claim.
    #[schemars(default)]
    historians: Vec<Historian>,
    /// Claims about the past, advanced by historians and resting on documents.
    #[schemars(default)]
    claims: Vec<Claim>,
    /// Secondary works of the scholarship that claims cite.
    #[schemars(default)]
    works: Vec<Work>,
}

impl Corpus {
    /// The JSON Schema (draft 7) of a corpus file, as `historiograph schema` prints it and
    /// `claims/corpus.schema.json` holds it: the records' fields with their descriptions,
    /// keyword vocabularies, and which fields are required. A file valid under it may still be
    /// refused by the loader (a reference to an id no record declares, a day such as `1950-02-30`); a
    /// file the loader accepts is valid under it.
    pub fn json_schema() -> serde_json::Value {
        let settings = SchemaSettings::draft07()
            .with_transform(RecursiveTransform(text_also))
            .with_transform(RecursiveTransform(plain_descriptions));
        let schema = settings
            .into_generator()
            .into_root_schema_for::<CorpusFile>();
        schema.to_value()
    }
}

/// Descriptions without rustdoc's link brackets: ``[`Work`]`` becomes `` `Work` ``.
fn plain_descriptions(schema: &mut Schema) {
    if let Some(serde_json::Value::String(text)) = schema.get_mut("description") {
        *text = text.replace("[`", "`").replace("`]", "`");
    }
}

/// A plain-text schema (a string with no vocabulary or pattern) also accepts numbers and
/// booleans: the loader reads every scalar as text.
fn text_also(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if ["enum", "const", "pattern", "format"]
        .iter()
        .any(|k| object.contains_key(*k))
    {
        return;
    }
    let widen = |types: &mut Vec<serde_json::Value>| {
        if types.iter().any(|t| t == "string") {
            for extra in ["number", "boolean"] {
                if !types.iter().any(|t| t == extra) {
                    types.push(extra.into());
                }
            }
        }
    };
    match object.get_mut("type") {
        Some(serde_json::Value::String(t)) if t == "string" => {
            let mut types = vec![serde_json::Value::from("string")];
            widen(&mut types);
            object.insert("type".into(), types.into());
        }
        Some(serde_json::Value::Array(types)) => widen(types),
        _ => {}
    }
}

/// An id: text without white space (a number or boolean is read as its text).
impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["string", "number", "boolean"],
            "pattern": "^\\S+$",
        })
    }
}

/// A date as historians write it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a range `START/END`.
impl JsonSchema for DateSpec {
    fn schema_name() -> Cow<'static, str> {
        "DateSpec".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        const DATE: &str = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?";
        json_schema!({
            "type": ["string", "integer"],
            "pattern": format!("^{DATE}(/{DATE})?$"),
            "minimum": 1000,
            "maximum": 9999,
        })
    }
}

/// A year of publication: four digits, written as a number or as text.
pub(crate) fn year(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["integer", "string"],
        "pattern": "^[0-9]{1,4}$",
        "minimum": 1,
        "maximum": 9999,
    })
}

/// An undercut names one target: a document (and, for one evidence link, the claim it
/// backs), a work, or a linked argument.
impl JsonSchema for Undercut {
    fn schema_name() -> Cow<'static, str> {
        "Undercut".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let id = generator.subschema_for::<Id>();
        let text = generator.subschema_for::<Box<str>>();
        let optional_text = generator.subschema_for::<Option<Box<str>>>();
        let absent = |fields: &[&str]| {
            let any: Vec<_> = fields
                .iter()
                .map(|f| json_schema!({ "required": [f] }))
                .collect();
            json_schema!({ "not": { "anyOf": any } })
        };
        let one = |field: &str, without: &[&str]| json_schema!({ "required": [field], "allOf": [absent(without)] });
        json_schema!({
            "description": "Source criticism: an attack on a piece of evidence rather than on a conclusion. Name one target: `document` (its credibility), `document` and `claim` (one evidence link), `work`, or `argument` (a linked argument's inference, by its id).",
            "type": "object",
            "properties": {
                "document": id.clone(),
                "claim": id.clone(),
                "work": id.clone(),
                "argument": id,
                "locator": text,
                "note": optional_text,
            },
            "required": ["locator"],
            "additionalProperties": false,
            "oneOf": [
                one("document", &["work", "argument"]),
                one("work", &["document", "claim", "argument"]),
                one("argument", &["document", "claim", "work"]),
            ],
        })
    }
}
