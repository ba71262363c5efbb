//! The whole pipeline on any bytes: decoding then cleaning never panics, and a cleaned document
//! is idempotent and fully logged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use zhclean::{Config, Pipeline, properties};

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Config::default()).unwrap());

fuzz_target!(|bytes: &[u8]| {
    if let Ok(report) = PIPELINE.clean_bytes(bytes)
        && let Err(failure) = properties::check(&PIPELINE, &report)
    {
        panic!("{failure}");
    }
});
