//! Exact and near duplicates over a whole run, decided in input order: the first document
//! of a group is its original, and later ones name it.
//!
//! Exact: equal SHA-256 of the cleaned text. Near: MinHash over word shingles with LSH
//! banding, confirmed by the signatures' estimated Jaccard similarity:
//!
//! - shingles of [`SHINGLE_WORDS`] consecutive words (lowercased, punctuation around words
//!   dropped; a text shorter than that is one shingle);
//! - [`NUM_HASHES`] = [`BANDS`] × [`ROWS`] min-hashes (multiply-shift hashes of a 64-bit
//!   shingle hash, each keeping its top 32 bits);
//! - a pair becomes a candidate when one band of [`ROWS`] values is equal (the S-curve
//!   `1 − (1 − J⁶)²⁰` is 0.998 at J = 0.8, 0.27 at J = 0.5);
//! - a candidate is a duplicate when its estimated Jaccard (share of equal min-hashes) is at
//!   least [`NEAR_THRESHOLD`]: at J = 0.5 that is 4.5 standard deviations away.
//!
//! Only originals are indexed, so a chain of small edits does not drift from its original.

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// LSH bands.
pub const BANDS: usize = 20;
/// Min-hashes per band.
pub const ROWS: usize = 6;
/// Min-hashes per signature.
pub const NUM_HASHES: usize = BANDS * ROWS;
/// Least estimated Jaccard similarity of a near duplicate.
pub const NEAR_THRESHOLD: f64 = 0.7;
/// Version of [`Index::to_bytes`]' format (also covers how the hashes are derived).
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"DBDEDUPX";

/// What one document is compared by: its text's SHA-256 and its MinHash signature (none
/// for a text without words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    exact: [u8; 32],
    minhash: Option<Box<[u32; NUM_HASHES]>>,
}

impl Signature {
    /// The signature of a cleaned text.
    pub fn of(text: &str) -> Self {
        Signature {
            exact: Sha256::digest(text.as_bytes()).into(),
            minhash: minhash(text),
        }
    }

    /// Lowercase hex SHA-256 of the text (as [`crate::text_sha256`]).
    pub fn text_sha256(&self) -> String {
        self.exact.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// How a document duplicates an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateKind {
    /// Byte-identical cleaned text.
    Exact,
    /// Estimated Jaccard similarity of word shingles at least [`NEAR_THRESHOLD`].
    Near,
}

impl DuplicateKind {
    /// `exact` or `near`.
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateKind::Exact => "exact",
            DuplicateKind::Near => "near",
        }
    }
}

/// A document found to duplicate an earlier one.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The original's name, as given to [`Index::insert`].
    pub of: String,
    pub kind: DuplicateKind,
    /// Estimated Jaccard similarity (1.0 for exact duplicates).
    pub jaccard: f64,
}

/// A dedup index load that failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    #[error("not a deboil dedup index (it does not start with the format's magic bytes)")]
    NotAnIndex,
    #[error("dedup index format version {found}; this deboil reads version {FORMAT_VERSION}")]
    Version { found: u32 },
    #[error(
        "dedup index made with other MinHash parameters (shingles of {shingle} words, {bands} bands × {rows} rows); this deboil uses {SHINGLE_WORDS}, {BANDS} × {ROWS}"
    )]
    Parameters { shingle: u32, bands: u32, rows: u32 },
    #[error("dedup index cut short at byte {at}")]
    Truncated { at: usize },
    #[error("dedup index holds a document name that is not UTF-8 at byte {at}")]
    BadName { at: usize },
    #[error("dedup index has {extra} bytes after its last document")]
    Trailing { extra: usize },
}

/// The originals seen so far (this run and the runs of a loaded index), by exact hash and
/// by LSH band.
#[derive(Debug, Default)]
pub struct Index {
    originals: Vec<Original>,
    exact: FxHashMap<[u8; 32], u32>,
    /// Band key (band number and its rows' values, hashed) → originals, in insertion order.
    bands: FxHashMap<u64, Vec<u32>>,
}

#[derive(Debug)]
struct Original {
    name: String,
    signature: Signature,
}

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Index::default()
    }

    /// How many originals the index holds.
    pub fn len(&self) -> usize {
        self.originals.len()
    }

    /// Whether the index holds no original.
    pub fn is_empty(&self) -> bool {
        self.originals.is_empty()
    }

    /// The earlier original `signature` duplicates, if any: an exact one first, else the
    /// nearest candidate at or above [`NEAR_THRESHOLD`] (the earliest on a tie).
    pub fn find(&self, signature: &Signature) -> Option<Duplicate> {
        if let Some(&id) = self.exact.get(&signature.exact) {
            return Some(Duplicate {
                of: self.name(id).to_string(),
                kind: DuplicateKind::Exact,
                jaccard: 1.0,
            });
        }
        let minhash = signature.minhash.as_deref()?;
        let mut candidates: Vec<u32> = band_keys(minhash)
            .filter_map(|key| self.bands.get(&key))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(u32, f64)> = None;
        for id in candidates {
            let Some(other) = self
                .originals
                .get(id as usize)
                .and_then(|o| o.signature.minhash.as_deref())
            else {
                continue;
            };
            let jaccard = estimated_jaccard(minhash, other);
            if jaccard >= NEAR_THRESHOLD && best.is_none_or(|(_, b)| jaccard > b) {
                best = Some((id, jaccard));
            }
        }
        best.map(|(id, jaccard)| Duplicate {
            of: self.name(id).to_string(),
            kind: DuplicateKind::Near,
            jaccard,
        })
    }

    /// Looks `signature` up; a document that duplicates none becomes an original under
    /// `name` (later duplicates name it).
    pub fn insert(&mut self, name: &str, signature: Signature) -> Option<Duplicate> {
        if let Some(duplicate) = self.find(&signature) {
            return Some(duplicate);
        }
        self.add(name.to_string(), signature);
        None
    }

    fn add(&mut self, name: String, signature: Signature) {
        // Beyond u32::MAX originals the index stops growing rather than wrap.
        let Ok(id) = u32::try_from(self.originals.len()) else {
            return;
        };
        self.exact.entry(signature.exact).or_insert(id);
        if let Some(minhash) = signature.minhash.as_deref() {
            for key in band_keys(minhash) {
                self.bands.entry(key).or_default().push(id);
            }
        }
        self.originals.push(Original { name, signature });
    }

    fn name(&self, id: u32) -> &str {
        self.originals
            .get(id as usize)
            .map_or("", |o| o.name.as_str())
    }

    /// The index as bytes (`--dedup-index FILE`): magic, format version, the MinHash
    /// parameters, then each original's name, SHA-256 and signature, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.originals.len() * (48 + 4 * NUM_HASHES));
        out.extend_from_slice(MAGIC);
        for n in [
            FORMAT_VERSION,
            SHINGLE_WORDS as u32,
            BANDS as u32,
            ROWS as u32,
        ] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&(self.originals.len() as u64).to_le_bytes());
        for original in &self.originals {
            out.extend_from_slice(&(original.name.len() as u32).to_le_bytes());
            out.extend_from_slice(original.name.as_bytes());
            out.extend_from_slice(&original.signature.exact);
            match &original.signature.minhash {
                Some(minhash) => {
                    out.push(1);
                    for value in minhash.iter() {
                        out.extend_from_slice(&value.to_le_bytes());
                    }
                }
                None => out.push(0),
            }
        }
        out
    }

    /// Reads what [`Index::to_bytes`] wrote; an index of another format version or other
    /// parameters is refused (its signatures would not compare).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, IndexError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len()).ok() != Some(MAGIC.as_slice()) {
            return Err(IndexError::NotAnIndex);
        }
        let found = reader.u32()?;
        if found != FORMAT_VERSION {
            return Err(IndexError::Version { found });
        }
        let (shingle, bands, rows) = (reader.u32()?, reader.u32()?, reader.u32()?);
        if (shingle, bands, rows) != (SHINGLE_WORDS as u32, BANDS as u32, ROWS as u32) {
            return Err(IndexError::Parameters {
                shingle,
                bands,
                rows,
            });
        }
        let count = reader.u64()?;
        let mut index = Index::new();
        for _ in 0..count {
            let len = reader.u32()? as usize;
            let at = reader.at;
            let name = std::str::from_utf8(reader.take(len)?)
                .map_err(|_| IndexError::BadName { at })?
                .to_string();
            let mut exact = [0u8; 32];
            exact.copy_from_slice(reader.take(32)?);
            let minhash = match reader.take(1)? {
                [0] => None,
                _ => {
                    let mut values = Box::new([0u32; NUM_HASHES]);
                    for value in values.iter_mut() {
                        *value = reader.u32()?;
                    }
                    Some(values)
                }
            };
            index.add(name, Signature { exact, minhash });
        }
        match bytes.len() - reader.at {
            0 => Ok(index),
            extra => Err(IndexError::Trailing { extra }),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], IndexError> {
        let end = self.at.checked_add(n);
        let slice =
            end.and_then(|end| self.bytes.get(self.at..end))
                .ok_or(IndexError::Truncated {
                    at: self.bytes.len(),
                })?;
        self.at += n;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, IndexError> {
        let mut le = [0u8; 4];
        le.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(le))
    }

    fn u64(&mut self) -> Result<u64, IndexError> {
        let mut le = [0u8; 8];
        le.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(le))
    }
}

/// Share of positions where two signatures agree: an unbiased estimate of the Jaccard
/// similarity of the two shingle sets.
pub fn estimated_jaccard(a: &[u32; NUM_HASHES], b: &[u32; NUM_HASHES]) -> f64 {
    let equal = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count();
    equal as f64 / NUM_HASHES as f64
}

/// The MinHash signature of `text`'s word shingles; `None` without words.
fn minhash(text: &str) -> Option<Box<[u32; NUM_HASHES]>> {
    let words: Vec<u64> = crate::words::words(text).map(word_hash).collect();
    if words.is_empty() {
        return None;
    }
    let (multipliers, addends) = hash_family();
    let mut signature = Box::new([u32::MAX; NUM_HASHES]);
    for shingle in words.windows(SHINGLE_WORDS.min(words.len())) {
        let h = shingle
            .iter()
            .fold(0x243F_6A88_85A3_08D3, |h, &w| mix64(h ^ w));
        for ((min, &a), &b) in signature.iter_mut().zip(&multipliers).zip(&addends) {
            // Multiply-shift: the top 32 bits of a·h + b (odd a) are a 2-universal hash.
            let value = (a.wrapping_mul(h).wrapping_add(b) >> 32) as u32;
            *min = (*min).min(value);
        }
    }
    Some(signature)
}

/// FNV-1a of the lowercased word: stable across runs and platforms (the index is saved).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buf = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        for &byte in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The fixed multipliers (odd) and addends of the [`NUM_HASHES`] hash functions.
fn hash_family() -> ([u64; NUM_HASHES], [u64; NUM_HASHES]) {
    let mut multipliers = [0u64; NUM_HASHES];
    let mut addends = [0u64; NUM_HASHES];
    let mut state: u64 = 0x5DEE_CE66_D1CE_B00C;
    for (a, b) in multipliers.iter_mut().zip(addends.iter_mut()) {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        *a = mix64(state) | 1;
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        *b = mix64(state);
    }
    (multipliers, addends)
}

/// SplitMix64's finalizer.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One key per band: the band's number and its [`ROWS`] values, hashed.
fn band_keys(minhash: &[u32; NUM_HASHES]) -> impl Iterator<Item = u64> + '_ {
    minhash.chunks(ROWS).enumerate().map(|(band, rows)| {
        rows.iter()
            .fold(mix64(band as u64 + 1), |h, &v| mix64(h ^ u64::from(v)))
    })
}
