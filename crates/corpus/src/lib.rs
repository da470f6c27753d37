//! Corpus steps over cleaned article text, for dump runs: exact and near duplicates
//! ([`dedup`]), language and length filters ([`filter`]) and the quality signals that corpus
//! filters (Gopher, C4, FineWeb, dolma) read ([`signals`]).
//!
//! Pure: no IO, no panics. A saved near-duplicate index is bytes in and bytes out
//! ([`dedup::Index::to_bytes`], [`dedup::Index::from_bytes`]); the caller reads and writes
//! the file.

#![deny(clippy::print_stdout, clippy::print_stderr)]
#![warn(unreachable_pub)]
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod dedup;
pub mod filter;
pub mod signals;
mod words;

pub use dedup::{Duplicate, DuplicateKind, Index, IndexError, Signature};
pub use filter::{FilterError, Filters, Rejection};
pub use signals::Signals;

use sha2::{Digest, Sha256};

/// Lowercase hex SHA-256 of the cleaned text (`text_sha256`): equal for byte-identical texts.
pub fn text_sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 15)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    #[test]
    fn text_sha256_is_the_hex_digest() {
        assert_eq!(
            super::text_sha256("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
