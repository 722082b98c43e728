//! The demo dataset: a believable person's exports in the platforms' real formats, embedded in the
//! binary and loaded through the same import path as a user's files.
