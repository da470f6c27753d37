//! HTML front end: a `scraper` DOM to candidate blocks. STUB.

use crate::candidate::{Candidate, PageMeta};

pub(crate) fn candidates(page: &str) -> (Vec<Candidate>, PageMeta) {
    let _ = page;
    (Vec::new(), PageMeta::default())
}
