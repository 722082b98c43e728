//! The analysis engine: every metric defined once here and once in docs/metrics.md.

pub mod growth;
pub mod summary;
