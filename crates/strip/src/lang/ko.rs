//! Korean wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("- …!").
use super::{Language, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "ko",
    name: "Korean",
    wording: &[
        (
            Category::Related,
            Wording {
                labels: &["관련 기사", "관련기사"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &["광고"],
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
