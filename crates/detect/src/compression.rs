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
    if let Some(out) = gunzip_one_member(bytes, hint, cap) {
        return Ok(out);
    }
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

/// The fast path of [`gunzip`] (libdeflate inflates about twice as fast as a streaming
/// inflater): a stream that is one whole member, whose size `hint` (its trailer's ISIZE) is
/// within `cap`. `None` sends the stream to the streaming path, which gives the same bytes
/// or the error: anything libdeflate refuses; a size other than the trailer says; a trailer
/// whose CRC-32 is not that of the output (bytes after the member); and any stream holding
/// the magic and method of a gzip header past the first (a second member may start there;
/// in compressed data the three bytes stand by chance about once in 16 MB).
fn gunzip_one_member(bytes: &[u8], hint: usize, cap: usize) -> Option<Vec<u8>> {
    if hint > cap {
        return None;
    }
    let trailer = bytes.len().checked_sub(8)?;
    let after_magic = bytes.get(3..)?;
    if memchr::memmem::find(after_magic, &[0x1f, 0x8b, 0x08]).is_some() {
        return None;
    }
    let crc = u32::from_le_bytes(bytes.get(trailer..trailer + 4)?.try_into().ok()?);
    let mut out = vec![0; hint];
    let size = libdeflater::Decompressor::new()
        .gzip_decompress(bytes, &mut out)
        .ok()?;
    (size == hint && libdeflater::crc32(&out) == crc).then_some(out)
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

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = enc.write_all(bytes);
        enc.finish().unwrap_or_default()
    }

    #[test]
    fn one_whole_member_takes_the_fast_path() {
        let one = gzip(b"a member of its own");
        assert_eq!(
            gunzip_one_member(&one, 19, 1 << 20).as_deref(),
            Some(&b"a member of its own"[..])
        );
        // More than the cap, a wrong size, a second member: the streaming path.
        assert_eq!(gunzip_one_member(&one, 19, 18), None);
        assert_eq!(gunzip_one_member(&one, 18, 1 << 20), None);
        let two = [gzip(b"a"), gzip(b"a")].concat();
        assert_eq!(gunzip_one_member(&two, 1, 1 << 20), None);
        assert_eq!(gunzip(&two, 1 << 20).ok().as_deref(), Some(&b"aa"[..]));
    }
}
