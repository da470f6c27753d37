//! Bytes → text: gzip/zstd layers, binary sniffing, encoding detection and decoding, with
//! each content-type hint and transport charset the callers pass. Never panics; the text is
//! valid UTF-8 by type, and a document larger than the limit is refused.
#![no_main]

use deboil_detect::{ContentType, DecodeOptions, decode};
use libfuzzer_sys::fuzz_target;

const CHARSETS: [Option<&str>; 5] = [None, Some("utf-8"), Some("windows-1252"), Some("shift_jis"), Some("bogus")];

fuzz_target!(|data: &[u8]| {
    let Some((&control, bytes)) = data.split_first() else {
        return;
    };
    let hint = match control & 3 {
        0 => None,
        1 => Some(ContentType::Html),
        _ => Some(ContentType::Text),
    };
    let options = DecodeOptions {
        content_type_hint: hint,
        transport_charset: CHARSETS[usize::from(control >> 2) % CHARSETS.len()],
        tld: (control & 0x80 != 0).then_some("ru"),
        max_bytes: Some(1 << 20),
    };
    if let Ok(decoded) = decode(bytes, &options) {
        assert!(decoded.text.len() <= 4 << 20, "decoded text far past the limit");
        let _ = deboil_detect::language(&decoded.text);
    }
});
