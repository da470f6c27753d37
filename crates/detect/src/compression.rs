//! Decompressing gzip input (Common Crawl and many crawlers store pages gzip-compressed) and
//! zstd input (newer dumps).

use std::io::Read;

use flate2::read::MultiGzDecoder;

use crate::DetectError;

/// Gzip member magic.
pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Inflates all members of a gzip stream, refusing to produce more than `limit` bytes so
/// that a small "gzip bomb" cannot exhaust memory.
///
/// When the limit is hit the reported size is a lower bound (`limit + 1`): counting the true
/// size would mean inflating the bomb.
pub(crate) fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, DetectError> {
    // ISIZE (last four bytes) is the last member's size mod 2^32: a good capacity hint for
    // the common single-member case, clamped so a forged trailer cannot make us over-allocate.
    let hint = bytes
        .len()
        .checked_sub(4)
        .and_then(|start| bytes.get(start..))
        .and_then(|t| <[u8; 4]>::try_from(t).ok())
        .map_or(0, |t| u32::from_le_bytes(t) as usize);
    let cap = hint
        .min(bytes.len().saturating_mul(32))
        .min(usize::try_from(limit).unwrap_or(usize::MAX))
        .min(64 << 20);
    let mut out = Vec::with_capacity(cap);
    let mut reader = MultiGzDecoder::new(bytes).take(limit.saturating_add(1));
    reader
        .read_to_end(&mut out)
        .map_err(|e| DetectError::Gzip(gzip_reason(&e)))?;
    let size = out.len() as u64;
    if size > limit {
        return Err(DetectError::TooLarge { size, limit });
    }
    Ok(out)
}

fn gzip_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "truncated stream (unexpected end of data)".into(),
        _ => e.to_string(),
    }
}

/// Zstandard frame magic.
pub(crate) fn is_zstd(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd])
}

/// Decodes all frames of a zstd stream, refusing to produce more than `limit` bytes (the
/// reported size is then a lower bound, as for gzip).
pub(crate) fn unzstd(bytes: &[u8], limit: u64) -> Result<Vec<u8>, DetectError> {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(64 << 20));
    let decoder =
        zstd::stream::read::Decoder::new(bytes).map_err(|e| DetectError::Zstd(gzip_reason(&e)))?;
    decoder
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| DetectError::Zstd(gzip_reason(&e)))?;
    let size = out.len() as u64;
    if size > limit {
        return Err(DetectError::TooLarge { size, limit });
    }
    Ok(out)
}
