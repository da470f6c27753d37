//! Pass 7, page kind: a page without an article (a listing, a shop's category or product
//! page, a service page) keeps what its main container holds that no rule recognised.

use super::tuning::{
    FEED_PAGE_MIN_WORDS, LISTING_HEADLINES, LISTING_LEAD_WORDS, LONG_LEAD_OUTWEIGHED,
    MENU_ENTRY_MAX_WORDS, MENU_MIN_LINES, MOSTLY_LINKS, NO_ARTICLE_WORDS, PAGE_CONTENT_MIN_WORDS,
    SHORT_LEAD_OUTWEIGHED, UNDECLARED_PAGE_BLOCKS,
};
use super::{Item, Verdict, is_linked_headline};
use crate::model::{BlockKind, Category};
use crate::rules::{Rule, RuleKind};

/// A page without an article (a listing, a shop's category or product page, a service page)
/// has no run of prose for the core to be, and the steps above leave it (nearly) empty, or
/// keep only its unlinked lines or one short run of prose. Its content is then what its
/// main container holds that no rule, no boilerplate region and no menu recognised: removed
/// only for standing outside an article that is not there. Such a page is recognised by
/// what was kept (nothing, or little), by entries that outweigh the kept prose, or, when it
/// does not declare itself an article (`undeclared`), by many such blocks beside the prose.
/// A page with some text gives some text, furniture and all, rather than none.
///
/// A page that shows a date beside the headline over its prose (`dated_headline`) is an
/// article to its reader, whether its markup says so or not (older pages declare nothing):
/// only blocks set between its kept paragraphs (its lists, its sections) make it a page of
/// blocks, not the entries listed before or after it (a "Most read" list, a feed of other
/// stories). Those outweigh its prose only with prose of their own: an article cut short
/// by a box set into it comes back that way, a short news item over a list of other
/// stories' headlines does not become that list. Beside a long article that outweighs the
/// lines around it, dated or not, those lines count no more: menus above it and footers
/// below it, in markup that names neither, make no page of blocks.
pub(super) fn keep_page_without_article(
    items: &mut [Item],
    has_core: bool,
    undeclared: bool,
    dated_headline: bool,
) -> bool {
    let kept: usize = items
        .iter()
        .filter(|i| i.verdict == Verdict::Keep)
        .map(|i| i.stats.words)
        .sum();
    // Plain text shows no links, and there a short article's trailing lines look like a
    // listing's entries: an article found in plain text is left as it is, without the
    // passes below.
    let markup = items.iter().any(|i| i.candidate.link_chars > 0);
    if has_core && kept >= NO_ARTICLE_WORDS && !markup {
        return false;
    }
    // Plain text shows no links: its menus are told by their shape.
    let menu = if markup {
        vec![false; items.len()]
    } else {
        plain_text_menu_lines(items)
    };
    let by_position = |index: usize, item: &Item, page_of_blocks: bool| {
        if menu.get(index).copied().unwrap_or(false) {
            return false;
        }
        let candidate = &item.candidate;
        let positional = match item.verdict {
            Verdict::Undecided => true,
            Verdict::Remove(_, rule) => {
                rule.kind() == RuleKind::Position
                    || rule == Rule::RelatedTeaserList
                    || rule == Rule::ShortRun
                    // On a page of blocks, "other stories" are its stories, and the
                    // linked headlines over its entries are theirs.
                    || page_of_blocks && rule == Rule::SectionRelated
                    || page_of_blocks && rule == Rule::LinksDense && is_linked_headline(item)
            }
            Verdict::Keep => false,
        };
        // A grid's cards (product tiles, entries) on a page that does not declare itself an
        // article: a name is a short link, and a class name borrowed from boilerplate
        // (`pagination`, `caption`) or a shape taken for a related list says nothing.
        if undeclared && candidate.card && candidate.in_main && !item.rule_hit {
            return match item.verdict {
                Verdict::Undecided => true,
                Verdict::Remove(_, rule) => {
                    positional
                        || rule.kind() == RuleKind::Class
                        || rule == Rule::LinksDense
                        || rule == Rule::SectionRelated
                        // A brand or a shop's name on several cards, not on most.
                        || rule == Rule::OtherRepeat
                }
                Verdict::Keep => false,
            };
        }
        // A listing's headlines are linked headings; a menu's entries are short links.
        let menu_entry = candidate.link_density() > MOSTLY_LINKS
            && item.stats.words < MENU_ENTRY_MAX_WORDS
            && candidate.kind != BlockKind::Heading;
        positional
            && !item.rule_hit
            && candidate.region.is_none()
            && candidate.in_main
            && !menu_entry
    };
    let positional: usize = items
        .iter()
        .enumerate()
        .filter(|&(k, i)| by_position(k, i, false))
        .map(|(_, i)| i.stats.words)
        .sum();
    if kept + positional < PAGE_CONTENT_MIN_WORDS {
        keep_feed_of_empty_page(items, kept);
        return false;
    }
    // Under a dated headline, what stands before or after the kept article weighs against
    // it only as prose (its own text, cut short by a box set into it): a list of other
    // stories' headlines there is no listing the article leads.
    let first_kept = items.iter().position(|i| i.verdict == Verdict::Keep);
    let last_kept = items.iter().rposition(|i| i.verdict == Verdict::Keep);
    let inside = |k: usize| {
        first_kept
            .zip(last_kept)
            .is_some_and(|(first, last)| first < k && k < last)
    };
    let weighs = |k: usize, item: &Item| !dated_headline || inside(k) || item.stats.good;
    let words: usize = items
        .iter()
        .enumerate()
        .filter(|&(k, i)| by_position(k, i, false) && weighs(k, i))
        .map(|(_, i)| i.stats.words)
        .sum();
    // A page with an article keeps it as it is, unless what was removed only for its
    // position far outweighs it: then the "article" was a listing's lead (a category
    // page's introduction) and the entries after it are the page.
    // Entries may be bare linked headlines (a recipe or product grid): five of them and as
    // many words as the lead make a listing too.
    let headlines = items
        .iter()
        .enumerate()
        .filter(|&(k, i)| by_position(k, i, false) && weighs(k, i) && is_linked_headline(i))
        .count();
    let outweighed = if kept < LISTING_LEAD_WORDS {
        words >= SHORT_LEAD_OUTWEIGHED * kept || headlines >= LISTING_HEADLINES && words >= kept
    } else {
        words >= LONG_LEAD_OUTWEIGHED * kept
    };
    // A page that does not say it is an article, with several unmarked blocks beside its
    // prose, is a landing, shop or listing page: the blocks are its content, and so are
    // the "other stories" a section heading set apart as the article's tail — unless it
    // dates its headline (above). Beside a long article, other stories' teasers make no
    // page of blocks: linked headlines before or after it, and the sections a related
    // heading opens that hold no prose ("More news", a numbered "Most read" list); a
    // landing page's blocks say something of their own.
    let teasers = prose_free_related_sections(items);
    let long_article = kept >= LISTING_LEAD_WORDS;
    let teaser = |k: usize, item: &Item| {
        long_article
            && !inside(k)
            && (is_linked_headline(item) || teasers.get(k).copied().unwrap_or(false))
    };
    // Nor do the lines removed for standing before or after a long article that outweighs
    // them all: a site's menus and footers in markup that names none of them (no `nav`,
    // `footer` or class name: a page of the 2000s). A landing page's blocks stand among its
    // runs of prose, or outweigh the run the core found (a shop's pages around its delivery
    // terms); the sections a related heading set apart after the article still count (a
    // guide's last sections under "Recommended courses").
    let article_outweighs = long_article && words <= kept;
    let set_apart =
        |item: &Item| item.verdict == Verdict::Remove(Category::Related, Rule::SectionRelated);
    let menu_or_footer =
        |k: usize, item: &Item| article_outweighs && !inside(k) && !set_apart(item);
    let counts_toward_blocks = |k: usize, item: &Item| {
        (!dated_headline || inside(k)) && !teaser(k, item) && !menu_or_footer(k, item)
    };
    let page_of_blocks = undeclared
        && items
            .iter()
            .enumerate()
            .filter(|&(k, i)| counts_toward_blocks(k, i) && by_position(k, i, true))
            .count()
            >= UNDECLARED_PAGE_BLOCKS;
    if has_core && kept >= NO_ARTICLE_WORDS && !((outweighed || page_of_blocks) && markup) {
        return false;
    }
    let keep: Vec<usize> = (0..items.len())
        .filter(|&k| {
            items
                .get(k)
                .is_some_and(|i| by_position(k, i, page_of_blocks))
        })
        .collect();
    for k in keep {
        if let Some(item) = items.get_mut(k) {
            item.verdict = Verdict::Keep;
        }
    }
    true
}

/// Per item: whether it lies in a run of blocks a related section's heading set apart
/// ([`Rule::SectionRelated`]) none of which is prose: a list of other stories' headlines,
/// not sections of the page's own.
fn prose_free_related_sections(items: &[Item]) -> Vec<bool> {
    let related =
        |item: &Item| item.verdict == Verdict::Remove(Category::Related, Rule::SectionRelated);
    let mut out = vec![false; items.len()];
    let mut start = 0;
    while start < items.len() {
        if !items.get(start).is_some_and(related) {
            start += 1;
            continue;
        }
        let end = (start..items.len())
            .find(|&k| !items.get(k).is_some_and(related))
            .unwrap_or(items.len());
        let run = items.get(start..end).unwrap_or(&[]);
        if !run.iter().any(|item| item.stats.good) {
            for flag in out.get_mut(start..end).unwrap_or(&mut []) {
                *flag = true;
            }
        }
        start = end;
    }
    out
}

/// A plain-text page's menus: groups of [`MENU_MIN_LINES`] or more lines without a blank
/// line between them, each shorter than [`MENU_ENTRY_MAX_WORDS`] words and no sentence
/// ("Home / News / Sport / Subscribe"), standing before the page's first prose or after its
/// last. Text has no links to show a menu; its shape does.
fn plain_text_menu_lines(items: &[Item]) -> Vec<bool> {
    let mut menu = vec![false; items.len()];
    let first_prose = items
        .iter()
        .position(|i| i.stats.good)
        .unwrap_or(items.len());
    let last_prose = items.iter().rposition(|i| i.stats.good).unwrap_or(0);
    let entry = |item: &Item| {
        item.stats.words < MENU_ENTRY_MAX_WORDS
            && !item.stats.ends_sentence
            && item.candidate.kind != BlockKind::ListItem
    };
    let mut start = 0;
    while start < items.len() {
        let end = (start + 1..items.len())
            .find(|&k| items.get(k).is_none_or(|i| i.candidate.group_start))
            .unwrap_or(items.len());
        let group = items.get(start..end).unwrap_or(&[]);
        let outside = end <= first_prose || start > last_prose;
        if outside && group.len() >= MENU_MIN_LINES && group.iter().all(entry) {
            for flag in menu.get_mut(start..end).unwrap_or(&mut []) {
                *flag = true;
            }
        }
        start = end;
    }
    menu
}

/// A page that would come out empty, whose prose all stands in a container its markup calls
/// "related" (a topic page built of one teaser feed), is that feed.
fn keep_feed_of_empty_page(items: &mut [Item], kept: usize) {
    let in_feed = |item: &Item| {
        item.candidate.in_main
            && item.verdict == Verdict::Remove(Category::Related, Rule::HtmlClassRelated)
    };
    let feed: usize = items
        .iter()
        .filter(|i| in_feed(i) && i.stats.good)
        .map(|i| i.stats.words)
        .sum();
    if kept >= NO_ARTICLE_WORDS || feed < FEED_PAGE_MIN_WORDS {
        return;
    }
    for item in items.iter_mut().filter(|i| in_feed(i)) {
        item.verdict = Verdict::Keep;
    }
}
