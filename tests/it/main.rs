//! The integration tests: one binary, one module per concern.

mod support;

mod acceptability;
mod bundled;
mod cli;
mod diagnostics;
mod dominators;
mod export;
mod format;
mod hostile;
mod interchange;
mod json;
mod json_cli;
mod malformed;
mod notebooks;
mod properties;
mod queries;
mod readme;
mod scale;
mod semantics;
mod solver;
mod verdicts;
