//! The integration tests: one binary, one module per concern.

mod support;

mod bundled;
mod cli;
mod diagnostics;
mod dominators;
mod json;
mod queries;
mod scale;
