//! Other tools' files into corpus files. The AIF importer reads an AIFdb JSON argument map and
//! writes a corpus folder that [`Corpus::load`](crate::Corpus::load) accepts.
//!
//! Import never drops anything: what does not map onto claims, supports, contradicts and
//! proponents is kept as notes, or, when it touches no claim or speaker, in a side file of AIF
//! JSON; the summary counts each.

mod aif;
mod yaml;

pub use aif::{AifImport, ImportError, ImportSummary, Tally};
