//! The HTML front end and the classifier on any text: the pre-pass (nesting guard and
//! pruning), html5ever, the walk, the main-content choice and every classifier pass.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let article = deboil_strip::strip_html(&page);
    let _ = article.body();
});
