//! The block classifier. STUB.

use crate::candidate::{Candidate, PageMeta};
use crate::model::{Article, Block};

pub(crate) fn classify(candidates: Vec<Candidate>, meta: PageMeta) -> Article {
    Article {
        title: meta.title,
        authors: meta.authors,
        published: meta.published,
        site_name: meta.site_name,
        url: meta.url,
        declared_language: meta.declared_language,
        blocks: candidates
            .into_iter()
            .map(|c| Block {
                kind: c.kind,
                text: c.text,
            })
            .collect(),
        removed: Vec::new(),
    }
}
