//! The fuzzing harness of Resonance (see `harness`): one library for every target.

pub mod harness;
