//! Every language's wording in one place: one module per language, plus `universal` for
//! tokens that are the same in all of them (the names of networks a page shares to).
//!
//! A language module holds one [`Language`]: its labels, section headings and phrases per
//! category, the verbs of a short appeal ("Soutenez … !") and the phrases that count only in a
//! short block. The lexicon builds its matchers from [`LANGUAGES`] once per process.
//!
//! Adding a language: write `xx.rs` after the pattern of the others, list it in [`LANGUAGES`],
//! and add case files in that language under `tests/cases`. The coverage test below prints
//! what each language has per category and fails when one claims a category it has no
//! wording for.

use crate::model::Category;

mod de;
mod en;
mod es;
mod fr;
mod it;
mod ja;
mod ko;
mod nl;
mod pl;
mod pt;
mod ru;
mod uk;
mod universal;
mod zh;

/// A language's wording for one category, matched on normalised text (see `lexicon`).
pub(crate) struct Wording {
    /// The whole block is this label ("Subscribe", "Teilen").
    pub(crate) labels: &'static [&'static str],
    /// A short heading-like block that starts with this opens a section of the category.
    pub(crate) headings: &'static [&'static str],
    /// Wording that gives a block away wherever it stands, up to the category's length limit.
    pub(crate) phrases: &'static [&'static str],
}

/// One language's wording.
// `code` and `name` are read by the coverage test only: they name the language in its report.
#[cfg_attr(not(test), expect(dead_code))]
pub(crate) struct Language {
    /// ISO 639-1 code, or `universal`.
    pub(crate) code: &'static str,
    /// English name, for the coverage report.
    pub(crate) name: &'static str,
    /// Wording per category; a category listed here is one the language claims.
    pub(crate) wording: &'static [(Category, Wording)],
    /// Month names and abbreviations in the form dates use (genitive in Slavic languages),
    /// lower case, with their number; a name another language already lists is left out.
    pub(crate) months: &'static [(&'static str, u32)],
    /// What opens a byline, lower case with its trailing space or colon ("by ", "von ").
    pub(crate) author_prefixes: &'static [&'static str],
    /// Verbs (with their trailing space) that start a short appeal ending in "!".
    pub(crate) appeal_verbs: &'static [&'static str],
    /// Phrases that give a block away only when it is short (a body sentence's words in a
    /// longer one).
    pub(crate) weak_phrases: &'static [(&'static str, Category)],
}

/// Every language, `universal` first. The order is that of the month alternation (the first
/// name that fits wins) and of the author prefixes (the first that starts a line wins).
pub(crate) const LANGUAGES: [&Language; 14] = [
    &universal::LANGUAGE,
    &en::LANGUAGE,
    &fr::LANGUAGE,
    &de::LANGUAGE,
    &es::LANGUAGE,
    &it::LANGUAGE,
    &pt::LANGUAGE,
    &nl::LANGUAGE,
    &pl::LANGUAGE,
    &ru::LANGUAGE,
    &uk::LANGUAGE,
    &ja::LANGUAGE,
    &zh::LANGUAGE,
    &ko::LANGUAGE,
];

/// Every language's wording for `category`, in the order of [`LANGUAGES`].
pub(crate) fn wording_for(category: Category) -> impl Iterator<Item = &'static Wording> {
    LANGUAGES.into_iter().flat_map(move |lang| {
        lang.wording
            .iter()
            .filter(move |(c, _)| *c == category)
            .map(|(_, w)| w)
    })
}

/// Every language's month names with their number, in the order of [`LANGUAGES`].
pub(crate) fn months() -> Vec<(&'static str, u32)> {
    LANGUAGES
        .iter()
        .flat_map(|lang| lang.months.iter().copied())
        .collect()
}

/// Every language's author prefixes, in the order of [`LANGUAGES`].
pub(crate) fn author_prefixes() -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .flat_map(|lang| lang.author_prefixes.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The categories a language must have wording for: the full set for the ten languages
    /// the lexicon was written in, fewer for the others.
    fn claims(code: &str) -> &'static [Category] {
        use Category::*;
        match code {
            "universal" => &[Share],
            "en" => &[
                Navigation, Newsletter, Appeal, Cookie, Share, Related, Audio, Comments, Ads,
                Legal, AuthorBio, Caption,
            ],
            "uk" => &[
                Navigation, Newsletter, Appeal, Cookie, Share, Related, Audio, Comments, Legal,
                AuthorBio,
            ],
            "ja" | "zh" | "ko" => &[Related, Ads],
            _ => &[
                Navigation, Newsletter, Appeal, Cookie, Share, Related, Audio, Comments, Ads,
                Legal, AuthorBio,
            ],
        }
    }

    #[test]
    #[expect(
        clippy::print_stderr,
        reason = "the coverage table is this test's report"
    )]
    fn every_language_has_the_categories_it_claims() {
        let mut missing = Vec::new();
        let mut report = String::from("language   category     labels headings phrases\n");
        for lang in LANGUAGES {
            for &category in claims(lang.code) {
                let (l, h, p) = lang.wording.iter().filter(|(c, _)| *c == category).fold(
                    (0, 0, 0),
                    |(l, h, p), (_, w)| {
                        (
                            l + w.labels.len(),
                            h + w.headings.len(),
                            p + w.phrases.len(),
                        )
                    },
                );
                report.push_str(&format!(
                    "{:<10} {:<12} {l:>6} {h:>8} {p:>7}\n",
                    lang.code,
                    format!("{category:?}")
                ));
                if l + h + p == 0 {
                    missing.push(format!("{} ({}) {category:?}", lang.code, lang.name));
                }
            }
            for (category, _) in lang.wording {
                assert!(
                    claims(lang.code).contains(category),
                    "{} has wording for {category:?} but does not claim it",
                    lang.code
                );
            }
        }
        // Shown with `cargo test -p deboil-strip lang -- --nocapture`.
        eprintln!("{report}");
        assert!(missing.is_empty(), "claimed but empty: {missing:?}");
    }

    #[test]
    fn language_codes_are_unique_and_entries_well_formed() {
        let mut codes: Vec<_> = LANGUAGES.iter().map(|l| l.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), LANGUAGES.len());
        for lang in LANGUAGES {
            for prefix in lang.author_prefixes {
                assert!(prefix.ends_with([' ', ':']), "{}: {prefix:?}", lang.code);
            }
            for &(name, number) in lang.months {
                assert!((1..=12).contains(&number), "{}: {name}", lang.code);
                assert_eq!(name, name.to_lowercase(), "{}", lang.code);
            }
            for verb in lang.appeal_verbs {
                assert!(verb.ends_with(' '), "{}: {verb:?}", lang.code);
            }
        }
    }
}
