//! The analysis engine: every metric defined once here and once in docs/metrics.md.

pub mod data;
pub mod engagement;
pub mod growth;
pub mod post;
pub mod summary;
