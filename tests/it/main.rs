//! The integration tests: one binary, one module per concern.

mod support;

mod acceptability;
mod aif_round_trip;
mod argdown_import;
mod bundled;
mod cli;
mod diagnostics;
mod dominators;
mod export;
mod format;
mod format_comments;
mod graphml_mermaid;
mod hostile;
mod interchange;
mod json;
mod json_cli;
mod lsp;
mod malformed;
mod notebooks;
mod properties;
mod queries;
mod readme;
mod scale;
mod schema;
mod semantics;
mod site;
mod site_browser;
mod solver;
mod verdicts;
