//! The analysis engine: every metric defined once here and once in docs/metrics.md.

pub mod analysis;
pub mod authenticity;
pub mod benchmarks;
pub mod compare;
pub mod contrast;
pub mod data;
pub mod engagement;
pub mod events;
pub mod growth;
pub mod insights;
pub mod outlook;
pub mod post;
pub mod post_table;
pub mod summary;
