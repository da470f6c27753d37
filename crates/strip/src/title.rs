//! The header's title: the headline the reader sees, chosen by evidence.
//!
//! A page states its title several times: `og:title`, `twitter:title`, JSON-LD `headline`,
//! `<title>` (the SEO titles, often with the site's name or a tagline added), and the heading
//! that opens the content. The headline is the first level-1 heading that agrees with a
//! metadata title (shares most of its words; on a page that declares itself an article, a
//! third of them), or any when the page has no title but `<title>`, and is not the site's
//! name; without one, the first metadata title, with the
//! site name stripped. The metadata title is kept as the SEO
//! title when it says something else.
//!
//! Site names are learned per page: `og:site_name`, JSON-LD `publisher`, the host, and the
//! part of `<title>` that a heading repeats but that is not the page's headline.
//!
//! Never: a site name as the headline, a heading that shares nothing with the metadata when
//! the metadata has a title.

use crate::candidate::PageMeta;
use crate::model::Article;
use crate::words::squash;

/// What the page says about its title, whitespace-normalised.
#[derive(Debug, Default)]
pub(crate) struct TitleEvidence<'a> {
    /// `og:title`, `twitter:title`, JSON-LD `headline`, in that order of trust.
    pub metadata: Vec<&'a str>,
    /// `<title>`.
    pub title_tag: Option<&'a str>,
    /// Level-1 headings, those inside the main content first, each in page order.
    pub headings: Vec<&'a str>,
    /// `og:site_name`, JSON-LD `publisher`.
    pub site_names: Vec<&'a str>,
    /// Host of the page's URL.
    pub host: Option<&'a str>,
    /// The page declares itself an article (JSON-LD, OpenGraph): its headline is written
    /// for the reader, its metadata titles for search engines.
    pub declared_article: bool,
}

/// The header's titles.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Titles {
    pub headline: Option<String>,
    pub seo_title: Option<String>,
}

/// A heading agrees with a metadata title at this token F1 or above.
const AGREEMENT_F1: f64 = 0.5;
/// On a page that declares itself an article, a heading agrees with a metadata title (site
/// name stripped) at this token F1 or above: its SEO title is often reworded ("Best Apps to
/// Learn a Language in 2025" over "Top 10: Best Language Learning App"), while a heading
/// that shares under a third of its words is another block's (a newsletter box's).
const ARTICLE_AGREEMENT_F1: f64 = 0.3;
/// A headline has at most this many words: more is a paragraph set as a heading.
const MAX_HEADLINE_WORDS: usize = 40;

const SEPARATORS: &[&str] = &[
    " | ", " - ", " — ", " – ", " :: ", " · ", " « ", " » ", " // ", " • ",
];

/// The separators of the classifier's title evidence ([`strip_site_name`]), which its
/// title-repeat and core rules were measured with: the header's list without " • ".
pub(crate) const EVIDENCE_SEPARATORS: &[&str] = &[
    " | ", " - ", " — ", " – ", " :: ", " · ", " « ", " » ", " // ",
];

/// Removes a site-name prefix or suffix ("Headline | Site") split off by one of
/// `separators`; in `<title>` (`generic`), also a short last segment.
pub(crate) fn strip_site_name(
    title: &str,
    site_names: &[&str],
    host: Option<&str>,
    generic: bool,
    separators: &[&str],
) -> String {
    SiteNames::new(site_names, host).strip(title, generic, separators)
}

pub(crate) fn choose(e: &TitleEvidence<'_>) -> Titles {
    let site = SiteNames::new(&e.site_names, e.host);
    let mut metadata: Vec<String> = e
        .metadata
        .iter()
        .map(|t| site.strip(t, false, SEPARATORS))
        .chain(e.title_tag.map(|t| site.strip(t, true, SEPARATORS)))
        .filter(|t| !t.is_empty())
        .collect();
    metadata.dedup();
    let headings: Vec<String> = e.headings.iter().map(|h| without_date(h)).collect();
    let candidate = |h: &&String| {
        let words = h.split_whitespace().count();
        (1..=MAX_HEADLINE_WORDS).contains(&words)
            && !site.is_site(h)
            && !e.title_tag.is_some_and(|tag| names_the_site(h, tag))
    };
    let agrees = |h: &&String| {
        metadata
            .iter()
            .chain(e.title_tag.map(str::to_string).as_ref())
            .any(|m| token_f1(h, m) >= AGREEMENT_F1 || opens(m, h))
    };
    // `<title>` alone is weak evidence (a section's or a shop's label more than a headline):
    // then the heading it agrees with, else the first heading stands on its own (a "Follow
    // the author" box's `h1` before the book's).
    let headline = if e.metadata.is_empty() {
        headings
            .iter()
            .filter(candidate)
            .find(agrees)
            .or_else(|| headings.iter().find(candidate))
    } else {
        headings.iter().find(|h| {
            candidate(h)
                && (agrees(h)
                    || e.declared_article
                        && metadata
                            .iter()
                            .any(|m| token_f1(h, m) >= ARTICLE_AGREEMENT_F1))
        })
    }
    .cloned()
    .or_else(|| {
        metadata
            .first()
            .map(|m| before_separator(m, &site).to_string())
    });
    let seo_title = metadata
        .first()
        .filter(|m| headline.as_deref().is_none_or(|h| squash(h) != squash(m)))
        .cloned();
    Titles {
        headline,
        seo_title,
    }
}

/// Puts the header's titles, publisher and last-modified date from the page's metadata
/// into the classified article, and keeps people apart from organisations in its authors.
/// The classifier's own title (its evidence for the title repeat) stands when the page gave
/// no headline (plain text).
pub(crate) fn settle(mut article: Article, meta: &PageMeta) -> Article {
    if let Some(headline) = &meta.headline {
        article.title = Some(headline.clone());
        article.seo_title = meta.seo_title.clone();
    }
    let mut organisations: Vec<&str> = Vec::new();
    organisations.extend(meta.publisher.as_deref());
    organisations.extend(meta.site_name.as_deref());
    let host = meta.url.as_deref().and_then(host_of);
    let (people, organisation) =
        crate::byline::people_and_organisations(&article.authors, &organisations, host);
    // A page that declares a product and no article is a shop's: its "By …" names the maker
    // ("By Almondina" under the product's name), its author meta the shop (the publisher
    // still), its microdata authors its reviewers. None of them wrote the page.
    article.authors = if meta.declared_product {
        Vec::new()
    } else {
        people
    };
    article.publisher = meta.publisher.clone().or(organisation);
    article.modified = meta.modified.clone();
    article
}

/// The page's metadata credits only the site or its publisher (by name or host), no person:
/// a byline the reader sees beside the headline ("By …") names who wrote it.
pub(crate) fn signed_only_by_the_site(authors: &[String], meta: &PageMeta) -> bool {
    let mut organisations: Vec<&str> = Vec::new();
    organisations.extend(meta.publisher.as_deref());
    organisations.extend(meta.site_name.as_deref());
    let host = meta.url.as_deref().and_then(host_of);
    let (people, organisation) =
        crate::byline::people_and_organisations(authors, &organisations, host);
    organisation.is_some() && people.len() == 1 && people.first() == organisation.as_ref()
}

/// The host of an absolute URL, without `www.`.
pub(crate) fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

/// The site's names as this page gives them.
struct SiteNames {
    names: Vec<String>,
    /// The host without its last label and dots ("example-news.co.uk" → "examplenewsco").
    host: Option<String>,
}

impl SiteNames {
    fn new(names: &[&str], host: Option<&str>) -> SiteNames {
        SiteNames {
            names: names
                .iter()
                .map(|s| squash(s))
                .filter(|s| !s.is_empty())
                .collect(),
            host: host.map(|h| {
                let mut parts: Vec<&str> = h.split('.').collect();
                parts.pop();
                squash(&parts.join(""))
            }),
        }
    }

    /// Every word of `segment` is spelt in the host ("Visual Studio Code" in
    /// code.visualstudio.com).
    fn host_spells(&self, segment: &str) -> bool {
        let Some(host) = self.host.as_deref() else {
            return false;
        };
        let mut words = segment
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .peekable();
        words.peek().is_some() && words.all(|w| host.contains(w.as_str()))
    }

    fn is_site(&self, segment: &str) -> bool {
        let s = squash(segment);
        !s.is_empty()
            && (self.names.contains(&s)
                || self.host.as_deref().is_some_and(|h| {
                    h.len() >= 3 && (h == s || h.contains(s.as_str()) && s.len() >= 4)
                }))
    }

    /// Removes a site-name prefix or suffix ("Headline | Site"); in `<title>` (`generic`),
    /// also a short last segment, which is the site's name there as a rule.
    fn strip(&self, title: &str, generic: bool, separators: &[&str]) -> String {
        for sep in separators {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                if self.is_site(tail) && !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
            if let Some((head, tail)) = title.split_once(sep) {
                if self.is_site(head) && !tail.trim().is_empty() {
                    return tail.trim().to_string();
                }
            }
        }
        if generic {
            for sep in [" | ", " – ", " — ", " - "] {
                if let Some((head, tail)) = title.rsplit_once(sep) {
                    let tail_words = tail.split_whitespace().count();
                    let head_words = head.split_whitespace().count();
                    if tail_words <= 3 && head_words >= 3 && tail.len() * 2 < head.len() {
                        return head.trim().to_string();
                    }
                }
            }
        }
        title.to_string()
    }
}

/// A heading that `<title>` names after its headline ("Post title - Book Name") or before
/// it with a colon ("Blog Name: Post title") is the site's or the book's name there. (Not
/// before a colon in a title that names its site after a separator: "Hiking Boots: Shop
/// Boots for Hiking | REI Co-op" is a headline and its subtitle.)
fn names_the_site(heading: &str, tag: &str) -> bool {
    let h = squash(heading);
    for sep in SEPARATORS {
        if let Some((head, tail)) = tag.rsplit_once(sep) {
            if squash(tail) == h && !squash(head).is_empty() {
                return true;
            }
        }
    }
    let site_named_after = SEPARATORS.iter().any(|sep| tag.contains(sep));
    !site_named_after
        && tag
            .split_once(": ")
            .is_some_and(|(head, tail)| squash(head) == h && tail.len() > head.len())
}

/// A metadata title that opens with the heading, then a separator or a colon ("Quickstart —
/// Flask Documentation", "Camping Tents: Large Tents for Family Camping"): the heading is its
/// headline.
fn opens(title: &str, heading: &str) -> bool {
    let h = squash(heading);
    SEPARATORS.iter().copied().chain([": "]).any(|sep| {
        title
            .split_once(sep)
            .is_some_and(|(head, _)| !h.is_empty() && squash(head) == h)
    })
}

/// A heading without the date that some blogs set before or after it ("Dec 18 2025 Title").
fn without_date(heading: &str) -> String {
    if let Some(date) = crate::dates::find_date(heading) {
        let before = heading.get(..date.start).unwrap_or("").trim();
        let after = heading.get(date.end..).unwrap_or("").trim();
        let rest = if before.is_empty() {
            after
        } else if after.is_empty() {
            before
        } else {
            return heading.to_string();
        };
        let rest = rest.trim_matches(|c: char| c.is_whitespace() || "|-–—·•:,".contains(c));
        if rest.split_whitespace().count() >= 2 {
            return rest.to_string();
        }
    }
    heading.to_string()
}

/// Where a metadata title's head ends: "Headline | Tagline", "Headline - Site", "Headline –
/// What we offer". No visible heading confirmed the title, so what follows the first such
/// separator is what the site adds, not the headline (the whole stays as `seo_title`). An
/// em dash is no such separator: headlines use it ("… Are Here — And They're Not Great").
const HEAD_SEPARATORS: &[&str] = &[" | ", " - ", " – "];
/// The separator of a title that ends in a trail ("Topic / Board / Forum"), which counts
/// where it stands twice or more.
const TRAIL_SEPARATOR: &str = " / ";

/// "Headline | Tagline" → "Headline": the head before the first of [`HEAD_SEPARATORS`] that
/// leaves a head of two words or more ("Docs | Intro", "Git - git-commit Documentation":
/// a section's or a site's name first). The whole stays when it is the site's name, when
/// the head is ("Visual Studio Code - The open source editor" on code.visualstudio.com:
/// a home page's brand and slogan), or when the head is cut by another separator ("Forum •
/// View topic - …": the site's furniture before the headline).
fn before_separator<'t>(title: &'t str, site: &SiteNames) -> &'t str {
    if site.is_site(title) {
        return title;
    }
    let mut cuts: Vec<usize> = HEAD_SEPARATORS
        .iter()
        .flat_map(|sep| title.match_indices(sep).map(|(at, _)| at))
        .collect();
    // "Topic / Board / Forum": a forum's trail after the headline, as slashes. One slash
    // may be the headline's own ("Tech conferences 2026 / 2027").
    let slashes: Vec<usize> = title
        .match_indices(TRAIL_SEPARATOR)
        .map(|(at, _)| at)
        .collect();
    if slashes.len() >= 2 {
        cuts.extend(slashes);
    }
    cuts.sort_unstable();
    let head = cuts
        .into_iter()
        .filter_map(|at| title.get(..at))
        .find(|head| head.split_whitespace().count() >= 2);
    let furniture = |head: &str| {
        SEPARATORS
            .iter()
            .filter(|sep| !HEAD_SEPARATORS.contains(sep))
            .any(|sep| head.contains(sep))
    };
    match head {
        Some(head) if !site.is_site(head) && !site.host_spells(head) && !furniture(head) => {
            head.trim()
        }
        _ => title,
    }
}

/// A plain text's first line is its page's `<title>` as a rule ("Headline | Site"): a heading
/// that agrees with it, or that it opens, is the headline.
pub(crate) fn agrees_with_title_line(heading: &str, title_line: &str) -> bool {
    token_f1(heading, title_line) >= AGREEMENT_F1 || opens(title_line, heading)
}

/// Bag-of-words F1 of two titles, words lower-cased.
fn token_f1(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, mut b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (a_len, b_len) = (a.len() as f64, b.len() as f64);
    let mut common = 0usize;
    for w in &a {
        if let Some(i) = b.iter().position(|x| x == w) {
            b.swap_remove(i);
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / b_len, common as f64 / a_len);
    2.0 * p * r / (p + r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(metadata: &[&str], tag: Option<&str>, headings: &[&str], sites: &[&str]) -> Titles {
        choose(&TitleEvidence {
            metadata: metadata.to_vec(),
            title_tag: tag,
            headings: headings.to_vec(),
            site_names: sites.to_vec(),
            host: Some("example-news.com"),
            declared_article: false,
        })
    }

    #[test]
    fn the_heading_that_agrees_with_the_metadata_is_the_headline() {
        let t = titles(
            &["Best Apps to Learn a Language in 2025 – Top 10 Picks"],
            Some("Best Apps to Learn a Language in 2025 – Top 10 Picks | Example News"),
            &["Top 10: Best Language Learning Apps (tested)"],
            &[],
        );
        assert_eq!(
            t.headline.as_deref(),
            Some("Top 10: Best Language Learning Apps (tested)")
        );
        assert_eq!(
            t.seo_title.as_deref(),
            Some("Best Apps to Learn a Language in 2025 – Top 10 Picks")
        );
    }

    #[test]
    fn with_title_alone_the_heading_it_agrees_with_is_the_headline() {
        // en: an author box's h1 before the book's; de: no heading agrees, the first stands.
        let en = titles(
            &[],
            Some("Atomic Habits: An Easy Way to Build Good Habits: Clear, James: Books"),
            &[
                "Follow the author",
                "Atomic Habits: An Easy Way to Build Good Habits",
            ],
            &[],
        );
        assert_eq!(
            en.headline.as_deref(),
            Some("Atomic Habits: An Easy Way to Build Good Habits")
        );
        let de = titles(
            &[],
            Some("Startseite | Stadtwerke"),
            &["Strom und Gas für die Region", "Unsere Tarife"],
            &[],
        );
        assert_eq!(de.headline.as_deref(), Some("Strom und Gas für die Region"));
    }

    #[test]
    fn a_forum_trail_after_the_headline_is_cut() {
        // en: "Topic / Board / Forum", no heading; es: one slash is the headline's own.
        let en = titles(
            &[],
            Some("Laptop fan runs after suspend / Hardware Help / Penguin Users Forums"),
            &[],
            &[],
        );
        assert_eq!(
            en.headline.as_deref(),
            Some("Laptop fan runs after suspend")
        );
        let es = titles(&[], Some("Congresos de tecnología 2026 / 2027"), &[], &[]);
        assert_eq!(
            es.headline.as_deref(),
            Some("Congresos de tecnología 2026 / 2027")
        );
    }

    #[test]
    fn a_heading_unrelated_to_the_metadata_is_not_the_headline() {
        // fr: the page's only h1 is a newsletter box's.
        let t = titles(
            &["La réforme des retraites adoptée au Sénat"],
            None,
            &["Inscrivez-vous à notre lettre"],
            &["Le Quotidien"],
        );
        assert_eq!(
            t.headline.as_deref(),
            Some("La réforme des retraites adoptée au Sénat")
        );
        assert_eq!(t.seo_title, None);
    }

    #[test]
    fn site_names_are_stripped_from_metadata_titles() {
        // de: og:site_name; es: the host; the pipe's tagline.
        let de = titles(
            &["Neue Regeln für E-Bikes • Stadtblatt"],
            None,
            &[],
            &["Stadtblatt"],
        );
        assert_eq!(de.headline.as_deref(), Some("Neue Regeln für E-Bikes"));
        let es = titles(&["Example News - Sube el precio del pan"], None, &[], &[]);
        assert_eq!(es.headline.as_deref(), Some("Sube el precio del pan"));
        let pipe = titles(
            &["Smart Thermostats | Save on Energy Bills Today"],
            None,
            &[],
            &[],
        );
        assert_eq!(pipe.headline.as_deref(), Some("Smart Thermostats"));
        assert_eq!(
            pipe.seo_title.as_deref(),
            Some("Smart Thermostats | Save on Energy Bills Today")
        );
    }

    #[test]
    fn an_unconfirmed_metadata_title_keeps_its_head() {
        // No heading agrees: what follows " - " or " – " is the site's addition.
        let en = titles(
            &["Travel Insurance - Flight and Trip Cover Quotes"],
            None,
            &["Get a quote and protect your next trip"],
            &[],
        );
        assert_eq!(en.headline.as_deref(), Some("Travel Insurance"));
        assert_eq!(
            en.seo_title.as_deref(),
            Some("Travel Insurance - Flight and Trip Cover Quotes")
        );
        let de = titles(&["Gartenmöbel aus Holz – Jetzt bestellen"], None, &[], &[]);
        assert_eq!(de.headline.as_deref(), Some("Gartenmöbel aus Holz"));
        // A one-word head is a section's name; the next separator ends the head.
        let fr = titles(
            &["Électricité - Aperçu | Office du travail"],
            None,
            &[],
            &[],
        );
        assert_eq!(fr.headline.as_deref(), Some("Électricité - Aperçu"));
        // The head's words are all spelt in the host (example-news.com): a home page's
        // brand and slogan.
        let home = titles(&["News Example - Your town, every day"], None, &[], &[]);
        assert_eq!(
            home.headline.as_deref(),
            Some("News Example - Your town, every day")
        );
        // An em dash belongs to the headline.
        let em = titles(&["The reviews are in — and they are mixed"], None, &[], &[]);
        assert_eq!(
            em.headline.as_deref(),
            Some("The reviews are in — and they are mixed")
        );
        // A head cut by another separator is the site's furniture.
        let forum = titles(&["Board • View topic - Season starts"], None, &[], &[]);
        assert_eq!(
            forum.headline.as_deref(),
            Some("Board • View topic - Season starts")
        );
    }

    #[test]
    fn a_heading_that_names_the_site_is_not_the_headline() {
        // The blog's name as h1, learned from <title> ("Blog: Post").
        let t = titles(
            &[],
            Some("Notes from the Lab: Small models on small machines"),
            &["Notes from the Lab", "Small models on small machines"],
            &[],
        );
        assert_eq!(
            t.headline.as_deref(),
            Some("Small models on small machines")
        );
        // A book's name as h1, after the chapter in <title>.
        let t = titles(
            &[],
            Some("Traits and generics - The Example Book"),
            &["The Example Book", "Traits and generics"],
            &[],
        );
        assert_eq!(t.headline.as_deref(), Some("Traits and generics"));
        // og:site_name as h1.
        let t = titles(
            &["Как выбрать велосипед"],
            None,
            &["Велоблог", "Как выбрать велосипед"],
            &["Велоблог"],
        );
        assert_eq!(t.headline.as_deref(), Some("Как выбрать велосипед"));
    }

    #[test]
    fn a_heading_before_a_colon_is_the_headline_when_the_title_names_its_site_after() {
        // en: a shop's category, its subtitle after a colon, the shop after a bar.
        let t = titles(
            &["Camping Tents: Large Tents for Family & Car Camping | Trailhead Outfitters"],
            Some("Camping Tents: Large Tents for Family & Car Camping | Trailhead Outfitters"),
            &["Camping Tents"],
            &[],
        );
        assert_eq!(t.headline.as_deref(), Some("Camping Tents"));
        // de: a guide's headline and its subtitle, the site after a dash.
        let t = titles(
            &[],
            Some("Zelte: So finden Sie das richtige Modell für Ihre Tour - Wanderwelt"),
            &["Zelte"],
            &[],
        );
        assert_eq!(t.headline.as_deref(), Some("Zelte"));
        // A colon alone still names the blog before it (above: "Notes from the Lab").
    }

    #[test]
    fn a_heading_that_opens_the_title_is_the_headline() {
        // it: <title> alone, the heading its first segment.
        let t = titles(
            &[],
            Some("Guida rapida — Documentazione di Esempio"),
            &["Guida rapida"],
            &[],
        );
        assert_eq!(t.headline.as_deref(), Some("Guida rapida"));
        assert_eq!(
            t.seo_title.as_deref(),
            Some("Guida rapida — Documentazione di Esempio")
        );
        // A date set before the heading is no part of it.
        let t = titles(
            &["Preparing a release of the toolkit"],
            None,
            &["Dec 18 2025 Preparing a release of the toolkit"],
            &[],
        );
        assert_eq!(
            t.headline.as_deref(),
            Some("Preparing a release of the toolkit")
        );
        assert_eq!(t.seo_title, None);
    }

    #[test]
    fn with_title_tag_alone_the_heading_stands() {
        // de: a catalogue's section page.
        let t = titles(
            &[],
            Some("Sachgebiet: Gartenbau – Digitale Bibliothek"),
            &["Gartenbau"],
            &[],
        );
        assert_eq!(t.headline.as_deref(), Some("Gartenbau"));
        assert_eq!(
            t.seo_title.as_deref(),
            Some("Sachgebiet: Gartenbau – Digitale Bibliothek")
        );
    }

    #[test]
    fn without_metadata_the_heading_else_nothing() {
        assert_eq!(
            titles(&[], None, &["Überschrift"], &[]).headline.as_deref(),
            Some("Überschrift")
        );
        assert_eq!(titles(&[], None, &[], &[]), Titles::default());
    }

    #[test]
    fn an_article_s_headline_may_reword_its_seo_title() {
        // it: a third of the words shared. A declared article's heading is its headline;
        // elsewhere the heading is too far from the metadata to be trusted.
        let evidence = |declared_article| TitleEvidence {
            metadata: vec!["Le migliori app per imparare una lingua nel 2025"],
            title_tag: None,
            headings: vec!["Top 10: le app per le lingue provate da esperti"],
            site_names: vec![],
            host: None,
            declared_article,
        };
        assert_eq!(
            choose(&evidence(true)).headline.as_deref(),
            Some("Top 10: le app per le lingue provate da esperti")
        );
        assert_eq!(
            choose(&evidence(false)).headline.as_deref(),
            Some("Le migliori app per imparare una lingua nel 2025")
        );
        // A heading that shares one word in ten is another block's, article or not.
        let t = choose(&TitleEvidence {
            metadata: vec!["Der Stadtrat beschließt neue Radwege für die Innenstadt"],
            headings: vec!["Radwege: unser Newsletter jeden Morgen im Postfach"],
            declared_article: true,
            ..TitleEvidence::default()
        });
        assert_eq!(
            t.headline.as_deref(),
            Some("Der Stadtrat beschließt neue Radwege für die Innenstadt")
        );
    }

    #[test]
    fn a_heading_agrees_with_the_title_line_it_opens_or_shares_words_with() {
        let line = "Ferry to the islands resumes after storm | Island Post";
        assert!(agrees_with_title_line(
            "Ferry to the islands resumes after storm",
            line
        ));
        assert!(agrees_with_title_line(
            "Island ferry resumes after the storm",
            line
        ));
        assert!(!agrees_with_title_line(
            "Subscribe today and read every story for three months",
            line
        ));
    }

    #[test]
    fn token_f1_counts_shared_words() {
        assert_eq!(token_f1("Big News", "big news"), 1.0);
        assert_eq!(token_f1("a", ""), 0.0);
        assert!((token_f1("a b", "a c") - 0.5).abs() < 1e-9);
    }
}

/// Whole hand-made pages through [`crate::strip_html`]: the header's fields by shape and
/// language.
#[cfg(test)]
mod page_tests;
