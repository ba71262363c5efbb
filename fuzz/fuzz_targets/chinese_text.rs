//! Chinese-biased text (each input byte picks a fragment of damaged Chinese text), cleaned with
//! the default settings and with unsafe fixes: no panic, idempotent, every change logged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use zhclean::{Config, Pipeline, properties};

static PIPELINES: LazyLock<[Pipeline; 2]> = LazyLock::new(|| {
    [
        Pipeline::new(Config::default()).unwrap(),
        Pipeline::new(Config { unsafe_fixes: true, ..Config::default() }).unwrap(),
    ]
});

fuzz_target!(|choices: &[u8]| {
    let text = properties::text_from_choices(choices);
    for pipeline in PIPELINES.iter() {
        let report = properties::clean_text(pipeline, &text);
        if let Err(failure) = properties::check(pipeline, &report) {
            panic!("{failure}");
        }
    }
});
