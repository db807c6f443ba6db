//! A small YAML emitter for imported corpora: records as serde structs, serialized by
//! serde_yaml, which quotes every string that needs it.

use serde::Serialize;

/// A historian as written to a corpus file.
#[derive(Serialize)]
pub(crate) struct HistorianRecord {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A claim as written to a corpus file.
#[derive(Serialize)]
pub(crate) struct ClaimRecord {
    pub id: String,
    pub statement: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proponents: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contradicts: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One corpus file.
#[derive(Serialize)]
pub(crate) struct CorpusFile {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub historians: Vec<HistorianRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimRecord>,
}

impl CorpusFile {
    /// The file's text, after a comment header.
    pub(crate) fn to_yaml(&self, header: &str) -> String {
        let body = serde_yaml::to_string(self).expect("corpus records serialize to YAML");
        let mut out: String = header.lines().map(|l| format!("# {l}\n")).collect();
        if body.trim() != "{}" {
            out.push_str(&body);
        }
        out
    }
}
