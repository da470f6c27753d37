//! Japanese wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("- …!").
use super::{Language, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "ja",
    name: "Japanese",
    wording: &[
        (
            Category::Related,
            Wording {
                labels: &["関連記事", "関連記事はこちら", "おすすめ記事", "人気記事"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &["スポンサードリンク", "スポンサーリンク", "広告"],
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
