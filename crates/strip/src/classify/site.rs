//! `site.repeat`: blocks a host repeats on many pages ([`crate::site`]), removed where they
//! cannot be the page's own article text.
//!
//! A repeated block goes when it is mostly links (a menu, a "related" list, wherever it
//! stands), or when it lies outside the article: outside the second opinion's region on an
//! HTML page that has one, outside the core run of prose otherwise. A repeated block of
//! prose inside the article — a site's standard disclaimer, a recurring quote — stays: the
//! article is the page's own, even where the site says the same on every page.

use super::{Item, Verdict};
use crate::model::Category;
use crate::rules::Rule;
use crate::site::{SiteProfile, SiteShare, signature};

use super::tuning::MOSTLY_LINKS;

/// Marks the repeated blocks; returns, per item index, how many pages shared them.
pub(super) fn remove_site_repeats(
    items: &mut [Item],
    profile: &SiteProfile,
    second_opinion: bool,
    core: Option<(usize, usize)>,
) -> Vec<(usize, SiteShare)> {
    let mut shares = Vec::new();
    for (index, item) in items.iter_mut().enumerate() {
        if matches!(item.verdict, Verdict::Remove(..)) || item.stats.words == 0 {
            continue;
        }
        let Some(pages) = profile.shared_by(signature(&item.candidate, item.norm())) else {
            continue;
        };
        let links = item.candidate.link_density() > MOSTLY_LINKS;
        let outside = if second_opinion {
            !item.candidate.second
        } else {
            core.is_none_or(|(start, end)| index < start || index > end)
        };
        if links || outside {
            item.verdict = Verdict::Remove(Category::Other, Rule::SiteRepeat);
            shares.push((
                index,
                SiteShare {
                    pages,
                    host_pages: profile.pages,
                },
            ));
        }
    }
    shares
}

#[cfg(test)]
mod tests {
    use crate::{Budget, Rule, SiteLearner, SiteThresholds, html_signatures_within};

    const ARTICLES: [&str; 5] = [
        "Tomatoes need a warm spot and steady water through the summer months. Plant them deep, so the stem grows roots along its buried length, and feed them once the first flowers open.",
        "Garlic goes in during autumn, one clove per hole, pointed end up. It wants cold weeks to split into a full head, and it is lifted when half of its leaves have turned brown.",
        "Runner beans climb anything you give them, so build the canes before sowing. Pick the pods young and often, because a plant left with old pods stops flowering within days.",
        "Leeks are sown in trays in spring and moved out when pencil thick. Drop each into a dibbed hole and fill it with water only; the soil settles around the stem by itself.",
        "Courgettes crop so freely that two plants feed a family. Cut the fruits at twenty centimetres, water at the base rather than over the leaves, and mulch to keep the roots cool.",
    ];

    /// A page of the hand-made host: a menu of links, an article with its own text and the
    /// site's standard disclaimer inside it, and a promo paragraph after it (no rule knows
    /// the wording of either).
    fn page(n: usize) -> String {
        let text = ARTICLES[n];
        let (first, second) = text.split_once(". ").unwrap_or((text, ""));
        format!(
            "<html><head><title>Plot {n}</title></head><body>\
             <div class=\"top\"><a href=\"/a\">Vegetables</a> <a href=\"/b\">Fruit trees</a> \
             <a href=\"/c\">Tools and sheds</a> <a href=\"/d\">Seed swaps</a></div>\
             <article><h1>Growing notes {n}</h1>\
             <p>{first}. It is a task for the patient gardener with some time to spare.</p>\
             <p>The advice on this page is general and every garden differs, so ask your \
             local grower before you change what already works on your own plot.</p>\
             <p>{second} Keep notes of each sowing, because next year starts from them.</p>\
             </article>\
             <div class=\"aux\"><p>Our allotment shop opens every Sunday morning at the old \
             mill, with seed potatoes, onion sets and fresh compost for every member.</p></div>\
             </body></html>"
        )
    }

    #[test]
    fn repeated_blocks_go_but_the_disclaimer_inside_the_article_stays() {
        let thresholds = SiteThresholds::default();
        let mut learner = SiteLearner::new(thresholds);
        for n in 0..ARTICLES.len() {
            let signatures = html_signatures_within(&page(n), Budget::unlimited()).unwrap();
            learner.add("garden.example", &signatures);
        }
        let profiles = learner.finish(thresholds);
        let profile = profiles.get("garden.example");
        assert!(profile.is_some());
        for n in 0..ARTICLES.len() {
            let plain = crate::strip_html(&page(n));
            let learnt =
                crate::strip_html_with_site(&page(n), Budget::unlimited(), profile).unwrap();
            let body = learnt.body();
            assert!(
                body.contains("ask your local grower"),
                "disclaimer kept: {body}"
            );
            assert!(body.contains("Keep notes of each sowing"), "{body}");
            assert!(!body.contains("allotment shop"), "promo removed: {body}");
            assert!(!body.contains("Seed swaps"), "menu removed: {body}");
            // Whatever site learning removed, it says so, with the pages that shared it.
            let repeats: Vec<_> = learnt
                .removed
                .iter()
                .filter(|r| r.rule == Rule::SiteRepeat)
                .collect();
            assert!(!repeats.is_empty(), "site learning removed something");
            assert_eq!(repeats.len(), learnt.site_shares.len());
            assert!(
                learnt
                    .site_shares
                    .iter()
                    .all(|s| s.pages == 5 && s.host_pages == 5)
            );
            assert!(
                plain.body().contains("allotment shop"),
                "the rules alone keep the promo"
            );
            // Without a profile, nothing changes.
            assert_eq!(
                crate::strip_html_with_site(&page(n), Budget::unlimited(), None).unwrap(),
                plain
            );
        }
    }

    #[test]
    fn a_host_with_too_few_pages_learns_nothing() {
        let thresholds = SiteThresholds::default();
        let mut learner = SiteLearner::new(thresholds);
        for n in 0..1 {
            let signatures = html_signatures_within(&page(n), Budget::unlimited()).unwrap();
            learner.add("garden.example", &signatures);
        }
        let profiles = learner.finish(thresholds);
        assert_eq!(
            profiles.get("garden.example").map(|p| p.repeated_blocks()),
            Some(0)
        );
    }
}
