//! Chinese wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("- …!").
use super::{Language, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "zh",
    name: "Chinese",
    wording: &[
        (
            Category::Related,
            Wording {
                labels: &["相关文章", "相关阅读", "推荐阅读", "相關文章"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &["广告", "廣告"],
                headings: &[],
                phrases: &[],
            },
        ),
    ],
    months: &[],
    author_prefixes: &[],
    appeal_verbs: &[],
    weak_phrases: &[],
    shapes: &[],
    class_tokens: &[],
};
