//! Wording that is the same in every language: the names of the networks a page shares to.
use super::{Language, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "universal",
    name: "language-independent",
    wording: &[(
        Category::Share,
        Wording {
            labels: &[
                "facebook",
                "twitter",
                "x",
                "linkedin",
                "whatsapp",
                "telegram",
                "reddit",
                "pinterest",
                "email",
                "e-mail",
                "flipboard",
            ],
            headings: &[],
            phrases: &[],
        },
    )],
    months: &[],
    author_prefixes: &[],
    appeal_verbs: &[],
    weak_phrases: &[],
};
