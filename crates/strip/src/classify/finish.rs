//! Pass 8, finish: kept blocks become the article's blocks, the others its removed blocks,
//! each with its category and rule.

use super::{Item, Verdict};
use crate::model::{Article, Block, BlockKind, Category, RemovedBlock};
use crate::rules::Rule;

pub(super) fn finish(items: Vec<Item>, mut article: Article) -> Article {
    for item in items {
        match item.verdict {
            Verdict::Keep => {
                let kind = match item.candidate.kind {
                    // Plain text has no markup: a short heading-like line inside the article is
                    // a subheading.
                    BlockKind::Paragraph if item.stats.heading_like && !item.stats.good => {
                        BlockKind::Heading
                    }
                    kind => kind,
                };
                article.blocks.push(Block::counted(
                    kind,
                    item.candidate.text,
                    item.candidate.layout,
                    item.stats.words,
                ));
            }
            Verdict::Remove(category, rule) => article.removed.push(RemovedBlock {
                text: item.candidate.text,
                category,
                rule,
            }),
            // Undecided after every step: outside the core with nothing to say about it.
            Verdict::Undecided => article.removed.push(RemovedBlock {
                text: item.candidate.text,
                category: Category::Other,
                rule: Rule::PositionOutsideArticle,
            }),
        }
    }
    article
}
