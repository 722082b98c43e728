//! Fuzzes the importers of this family through the public `resonance::import` API (see
//! fuzz/src/harness.rs for how the input is turned into a file or an archive).
#![no_main]

use libfuzzer_sys::fuzz_target;
use resonance_fuzz::harness::{Target, harness};

fuzz_target!(|data: &[u8]| harness().run(Target::Linkedin, data));
