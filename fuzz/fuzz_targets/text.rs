//! The plain-text front end and the classifier on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let article = deboil_strip::strip_text(&page);
    let _ = article.body();
});
