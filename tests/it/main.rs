//! The integration tests: one binary, one module per concern.

mod support;

mod acceptability;
mod bundled;
mod cli;
mod diagnostics;
mod dominators;
mod export;
mod interchange;
mod json;
mod notebooks;
mod queries;
mod scale;
mod semantics;
