//! Plain-text front end. STUB.

use crate::candidate::{Candidate, PageMeta};
use crate::model::BlockKind;

pub(crate) fn candidates(page: &str) -> (Vec<Candidate>, PageMeta) {
    let blocks = page
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Candidate::new(l.to_string(), BlockKind::Paragraph))
        .collect();
    (blocks, PageMeta::default())
}
