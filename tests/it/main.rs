//! The integration tests: one binary, one module per concern.

mod support;

mod acceptability;
mod bundled;
mod cli;
mod diagnostics;
mod dominators;
mod json;
mod queries;
mod semantics;
