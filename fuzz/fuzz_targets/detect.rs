//! See fuzz/src/harness.rs for what this target drives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resonance_fuzz::harness::{Target, harness};

fuzz_target!(|data: &[u8]| harness().run(Target::Detect, data));
