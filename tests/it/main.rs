//! The integration tests: one binary, one module per concern.

mod support;

mod bundled;
mod cli;
mod diagnostics;
mod dominators;
mod format;
mod json;
mod malformed;
mod properties;
mod queries;
