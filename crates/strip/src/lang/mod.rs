//! Every language's wording in one place: one module per language, plus `universal` for
//! tokens that are the same in all of them (the names of networks a page shares to, of news
//! agencies, clock times).
//!
//! A language module holds one [`Language`]: its labels, section headings and phrases per
//! category, the verbs of a short appeal ("Soutenez … !"), the phrases that count only in a
//! short block, the words of the shape rules ([`Shape`]: "Photo:", "5 min read", "vor 3
//! Stunden") and the class/id tokens of its words ("kommentare"). The lexicon, the shape rules
//! (`patterns`) and the class hints (`html::hints`) build their matchers from [`LANGUAGES`]
//! once per process.
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
    /// The words this language gives each shape rule; a shape listed here is one it claims.
    pub(crate) shapes: &'static [(Shape, &'static [&'static str])],
    /// Class and id tokens in this language that name a category ("kommentare", "werbung"),
    /// lower case; two tokens in a row are written with a '-' ("lire-aussi").
    pub(crate) class_tokens: &'static [(Category, &'static [&'static str])],
}

/// A part of a shape rule (`patterns`, and the content tokens of `html::hints`) that is
/// words of a language. Entries marked *regex* are alternatives of a case-insensitive
/// pattern (most are plain words; `comments?` adds an optional ending); the others are
/// plain lower-case text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Shape {
    /// A share row's verbs and labels ("share", "teilen"): plain tokens.
    ShareToken,
    /// Names of social networks: plain tokens.
    SocialNetwork,
    /// What opens a call to follow on a network ("follow", "síguenos"): plain.
    FollowCall,
    /// Words that name a newsletter ("newsletter", "nieuwsbrief"): plain.
    NewsletterName,
    /// Words of signing up ("sign up", "abonnier"), plain stems.
    SignupWord,
    /// News agencies and photo libraries that end a credit (*regex*).
    AgencyName,
    /// The last word of each [`Shape::AgencyName`]: plain.
    AgencyLastWord,
    /// What else a block that only names its source may say ("associated press",
    /// "staff and agencies") (*regex*).
    AgencyLine,
    /// What opens a photo credit before ":" or "by" ("photo", "bild") (*regex*).
    CreditMarker,
    /// What opens a source line before ":" ("source", "quelle") (*regex*).
    SourceLabel,
    /// A gallery's item noun before its number ("image 3 of 12") (*regex*).
    GalleryItem,
    /// The "of" of a gallery's count (*regex*).
    GalleryOf,
    /// Gallery furniture that is a whole block ("view gallery") (*regex*).
    GalleryLabel,
    /// Stems that say "audio", "voice", "listen": plain, matched where a word starts.
    AudioWord,
    /// Stems that say "machine-made": plain, matched where a word starts.
    MachineWord,
    /// Short words for "AI": plain, matched as whole words.
    MachineToken,
    /// The noun of a bare comment count ("12 comments") (*regex*).
    CommentCount,
    /// Number words of a comments heading ("one response to …") (*regex*).
    CommentsHeadingNumber,
    /// The noun of a comments heading ("responses", "commentaires") (*regex*).
    CommentsHeadingNoun,
    /// The preposition after it ("to", "sur") (*regex*).
    CommentsHeadingPrep,
    /// The verb of a comment's signature line ("says:", "schrieb:") (*regex*).
    CommentVerb,
    /// The lead word of a heading over other stories ("more", "weitere") (*regex*).
    RelatedLead,
    /// Its noun for stories ("stories", "artikel") (*regex*).
    RelatedNoun,
    /// Its preposition before a topic ("from", "aus") (*regex*).
    RelatedPrep,
    /// A reading-time label before its minutes ("reading time", "lesezeit") (*regex*).
    ReadingTimeLabel,
    /// A number word after that label ("a", "one") (*regex*).
    ReadingTimeNumber,
    /// A unit of minutes ("min", "minuten") (*regex*).
    ReadingTimeUnit,
    /// What follows the minutes ("read", "de lecture") (*regex*).
    ReadingTimeAfter,
    /// What may open a bare timestamp ("updated ") (*regex*).
    TimestampPrefix,
    /// A bare time or relative date, whole ("yesterday", "3 hours ago") (*regex*).
    Timestamp,
    /// What stands before a number and a unit to say "ago" ("vor", "il y a") (*regex*).
    TimestampAgo,
    /// Who checked the article ("reviewed by", "geprüft von") (*regex*).
    ReviewCredit,
    /// A journalist's role in a bio ("reporter", "redakteur") (*regex*, from a word start).
    BioRole,
    /// The verb between a bio's name and role ("is", "ist"), plain.
    BioVerb,
    /// An article before the role ("a", "ein"), plain.
    BioArticle,
    /// What opens the heading of a box about a person or a company ("About Jane Doe",
    /// "Über Max Muster"), plain, lower case.
    AboutWord,
    /// A class token that names the article ("artikel"), plain.
    ArticleClass,
    /// A class token that, after such a token, names its body ("inhalt"), plain.
    BodyClass,
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

/// Every language's words for `shape`, in the order of [`LANGUAGES`].
pub(crate) fn shape_words(shape: Shape) -> impl Iterator<Item = &'static str> {
    LANGUAGES.into_iter().flat_map(move |lang| {
        lang.shapes
            .iter()
            .filter(move |(s, _)| *s == shape)
            .flat_map(|(_, words)| words.iter().copied())
    })
}

/// Every language's words for `shape` as one alternation (`a|b|c`), for a pattern; a word
/// two languages share is in it once (each copy would cost its part of the compile).
pub(crate) fn alternation(shape: Shape) -> String {
    let mut words: Vec<&str> = Vec::new();
    for word in shape_words(shape) {
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words.join("|")
}

/// Every language's class tokens with their category, in the order of [`LANGUAGES`].
pub(crate) fn class_tokens() -> impl Iterator<Item = (&'static str, Category)> {
    LANGUAGES.into_iter().flat_map(|lang| {
        lang.class_tokens
            .iter()
            .flat_map(|&(category, tokens)| tokens.iter().map(move |&t| (t, category)))
    })
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

    /// The shapes a language must have words for: a core for the ten languages the rules
    /// were written in, and what each adds.
    fn shape_claims(code: &str) -> Vec<Shape> {
        use Shape::*;
        const CORE: &[Shape] = &[
            ShareToken,
            FollowCall,
            SignupWord,
            CreditMarker,
            SourceLabel,
            AudioWord,
            MachineWord,
            CommentCount,
            CommentVerb,
            ReadingTimeLabel,
            ReadingTimeAfter,
        ];
        let (core, extra): (&[Shape], &[Shape]) = match code {
            "universal" => (
                &[],
                &[
                    ShareToken,
                    SocialNetwork,
                    AgencyName,
                    AgencyLastWord,
                    AgencyLine,
                    Timestamp,
                    BioVerb,
                ],
            ),
            "en" => (
                &[],
                &[
                    ShareToken,
                    FollowCall,
                    NewsletterName,
                    SignupWord,
                    AgencyLine,
                    CreditMarker,
                    SourceLabel,
                    GalleryItem,
                    GalleryOf,
                    GalleryLabel,
                    AudioWord,
                    MachineWord,
                    MachineToken,
                    CommentCount,
                    CommentsHeadingNumber,
                    CommentsHeadingNoun,
                    CommentsHeadingPrep,
                    CommentVerb,
                    RelatedLead,
                    RelatedNoun,
                    RelatedPrep,
                    ReadingTimeLabel,
                    ReadingTimeNumber,
                    ReadingTimeUnit,
                    ReadingTimeAfter,
                    TimestampPrefix,
                    Timestamp,
                    ReviewCredit,
                    BioRole,
                    BioVerb,
                    BioArticle,
                    AboutWord,
                ],
            ),
            "fr" => (
                CORE,
                &[
                    TimestampAgo,
                    NewsletterName,
                    GalleryOf,
                    MachineToken,
                    CommentsHeadingNoun,
                    CommentsHeadingPrep,
                    RelatedLead,
                    RelatedNoun,
                    RelatedPrep,
                    ReadingTimeUnit,
                    Timestamp,
                    ReviewCredit,
                    BioRole,
                    BioVerb,
                    BioArticle,
                    AboutWord,
                ],
            ),
            "de" => (
                CORE,
                &[
                    TimestampAgo,
                    GalleryItem,
                    GalleryOf,
                    MachineToken,
                    CommentsHeadingNoun,
                    CommentsHeadingPrep,
                    RelatedLead,
                    RelatedNoun,
                    RelatedPrep,
                    ReadingTimeUnit,
                    Timestamp,
                    ReviewCredit,
                    BioRole,
                    BioVerb,
                    BioArticle,
                    AboutWord,
                    ArticleClass,
                    BodyClass,
                ],
            ),
            "es" => (
                CORE,
                &[
                    TimestampAgo,
                    NewsletterName,
                    GalleryItem,
                    GalleryOf,
                    MachineToken,
                    CommentsHeadingNoun,
                    CommentsHeadingPrep,
                    RelatedLead,
                    RelatedNoun,
                    RelatedPrep,
                    ReadingTimeUnit,
                    Timestamp,
                    ReviewCredit,
                    BioRole,
                    BioVerb,
                    BioArticle,
                    AboutWord,
                ],
            ),
            "it" => (
                CORE,
                &[
                    GalleryItem,
                    MachineToken,
                    CommentsHeadingNoun,
                    CommentsHeadingPrep,
                    ReadingTimeUnit,
                    ReviewCredit,
                    BioRole,
                    BioVerb,
                    BioArticle,
                    AboutWord,
                ],
            ),
            "pt" => (
                CORE,
                &[
                    TimestampAgo,
                    NewsletterName,
                    GalleryItem,
                    GalleryOf,
                    MachineToken,
                    CommentsHeadingNoun,
                    CommentsHeadingPrep,
                    ReadingTimeUnit,
                    ReviewCredit,
                    BioRole,
                    BioVerb,
                    BioArticle,
                    AboutWord,
                ],
            ),
            "nl" => (
                CORE,
                &[NewsletterName, GalleryItem, BioVerb, BioArticle, AboutWord],
            ),
            "pl" => (CORE, &[GalleryItem, BioRole, BioVerb]),
            "ru" => (
                CORE,
                &[
                    NewsletterName,
                    GalleryItem,
                    GalleryOf,
                    MachineToken,
                    CommentsHeadingNoun,
                    CommentsHeadingPrep,
                    RelatedLead,
                    RelatedNoun,
                    RelatedPrep,
                    ReadingTimeUnit,
                    Timestamp,
                    ReviewCredit,
                    BioRole,
                    BioVerb,
                ],
            ),
            "uk" => (
                CORE,
                &[
                    NewsletterName,
                    GalleryItem,
                    CommentsHeadingNoun,
                    CommentsHeadingPrep,
                    ReadingTimeUnit,
                    Timestamp,
                    BioRole,
                ],
            ),
            _ => (&[], &[]),
        };
        core.iter().chain(extra).copied().collect()
    }

    /// Each language's shape words and class tokens against what it claims; the table is
    /// shown with `cargo test -p deboil-strip lang -- --nocapture`.
    #[test]
    #[expect(
        clippy::print_stderr,
        reason = "the coverage table is this test's report"
    )]
    fn every_language_has_the_shapes_it_claims() {
        let mut missing = Vec::new();
        let mut report = String::from("language   shape                  words\n");
        for lang in LANGUAGES {
            let claimed = shape_claims(lang.code);
            for &shape in &claimed {
                let words: usize = lang
                    .shapes
                    .iter()
                    .filter(|(s, _)| *s == shape)
                    .map(|(_, w)| w.len())
                    .sum();
                report.push_str(&format!(
                    "{:<10} {:<22} {words:>5}\n",
                    lang.code,
                    format!("{shape:?}")
                ));
                if words == 0 {
                    missing.push(format!("{} ({}) {shape:?}", lang.code, lang.name));
                }
            }
            for (shape, _) in lang.shapes {
                assert!(
                    claimed.contains(shape),
                    "{} has words for {shape:?} but does not claim it",
                    lang.code
                );
            }
            let tokens: usize = lang.class_tokens.iter().map(|(_, t)| t.len()).sum();
            report.push_str(&format!(
                "{:<10} {:<22} {tokens:>5}\n",
                lang.code, "class tokens"
            ));
            for (category, tokens) in lang.class_tokens {
                for token in *tokens {
                    // Tokens are what the class tokenizer yields: lower-case letters, two
                    // of them at most, joined by '-'.
                    assert!(
                        token.split('-').count() <= 2
                            && token.split('-').all(|t| !t.is_empty()
                                && t.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())),
                        "{}: {category:?} {token:?}",
                        lang.code
                    );
                }
            }
        }
        eprintln!("{report}");
        assert!(missing.is_empty(), "claimed but empty: {missing:?}");
    }

    #[test]
    fn shape_words_compile_and_plain_shapes_are_lower_case() {
        use Shape::*;
        for lang in LANGUAGES {
            for &(shape, words) in lang.shapes {
                for word in words {
                    assert!(
                        regex::Regex::new(&format!("(?i){word}")).is_ok(),
                        "{}: {shape:?} {word:?}",
                        lang.code
                    );
                    let plain = matches!(
                        shape,
                        ShareToken
                            | SocialNetwork
                            | FollowCall
                            | NewsletterName
                            | SignupWord
                            | AgencyLastWord
                            | AudioWord
                            | MachineWord
                            | MachineToken
                            | BioVerb
                            | BioArticle
                            | ArticleClass
                            | BodyClass
                    );
                    if plain {
                        assert_eq!(*word, word.to_lowercase(), "{}: {shape:?}", lang.code);
                    }
                }
            }
        }
    }
}
