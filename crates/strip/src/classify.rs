//! The block classifier: one pass of evidence per step, each leaving a reason.
//!
//! 1. Structure: blocks a front end placed in a boilerplate region, or outside the main
//!    content, are removed with the front end's reason.
//! 2. Wording and shape: multilingual lexicons ([`crate::lexicon`]) and shape rules
//!    ([`crate::patterns`]) mark navigation, newsletter, appeal, cookie, share, related,
//!    audio, comments, ads, legal, caption and author-bio blocks.
//! 3. The tail: a section heading ("Related", "About the author", "Comments", a newsletter or
//!    appeal heading) past the middle of the page's prose ends the article; what follows
//!    belongs to that section.
//! 4. The core: the run of blocks with the most prose (good blocks score their words, short
//!    and boilerplate blocks cost a little) is the article. Before it stand the title, the
//!    byline and header furniture; after it, footer furniture.
//! 5. Inside the core, short blocks stay as subheadings or short paragraphs when prose
//!    surrounds them; repeats of the title, image alt text and dense link lines go.

use std::cell::OnceCell;

use crate::byline;
use crate::candidate::{Candidate, PageMeta};
use crate::lexicon::{self, label_key, normalise};
use crate::model::{Article, Block, BlockKind, Category, RemovedBlock};
use crate::patterns;

/// What the classifier has decided about a block so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Undecided,
    Keep,
    Remove(Category, &'static str),
}

/// Measurements of one block's text.
#[derive(Debug, Clone, Copy)]
struct Stats {
    words: usize,
    ends_sentence: bool,
    /// Short and without sentence-ending punctuation (a question mark is allowed).
    heading_like: bool,
    /// Reads like article prose: long enough, a sentence, not mostly links.
    good: bool,
}

struct Item {
    candidate: Candidate,
    stats: Stats,
    verdict: Verdict,
    /// Matched by a rule (lexicon or shape), as opposed to removed by position.
    rule_hit: bool,
    /// A heading that opens a boilerplate section.
    opens_section: bool,
    /// The text after [`normalise`], made on first use: several steps read it, and
    /// normalising is a good part of the classifier's time.
    norm: OnceCell<String>,
    /// [`content_stems`] of the text, made on first use: the tail search compares each
    /// candidate section with all the prose before it.
    stems: OnceCell<Vec<String>>,
}

impl Item {
    fn norm(&self) -> &str {
        self.norm.get_or_init(|| normalise(&self.candidate.text))
    }

    fn stems(&self) -> &[String] {
        self.stems
            .get_or_init(|| content_stems(&self.candidate.text))
    }
}

/// Classifies the blocks into an article, or `Err` once `budget` is spent (checked between
/// passes).
pub(crate) fn classify_within(
    candidates: Vec<Candidate>,
    meta: PageMeta,
    budget: &crate::Budget,
) -> Result<Article, crate::OverBudget> {
    let mut items: Vec<Item> = candidates
        .into_iter()
        .map(|candidate| Item {
            stats: Stats::of(&candidate),
            candidate,
            verdict: Verdict::Undecided,
            rule_hit: false,
            opens_section: false,
            norm: OnceCell::new(),
            stems: OnceCell::new(),
        })
        .collect();

    // The HTML front end chose a main container (some blocks lie outside it): what it kept
    // inside is article unless a rule says otherwise.
    let trusted_main = items.iter().any(|i| !i.candidate.in_main);
    let hits = rule_hits(&items);
    apply_structure(&mut items, &hits);
    let discussion = keep_discussion(&mut items, meta.discussion);
    apply_rules(&mut items, &hits, meta.site_name.as_deref());
    if discussion {
        // On a discussion page the next post's header opens no comment section: the
        // posts are the content.
        for item in &mut items {
            if matches!(item.verdict, Verdict::Remove(Category::Comments, _)) {
                item.opens_section = false;
            }
        }
    }
    entry_counts_open_no_section(&mut items);
    budget.check("the block rules")?;
    mark_repeats(&mut items, trusted_main);
    mark_feeds(&mut items);
    budget.check("repeats and feeds")?;
    let tail = find_tail(&items);
    let guess = tentative_title(&items, meta.title.as_deref()).map(str::to_string);
    let (core_start, core_end) = find_core(&items, tail, guess.as_deref());
    let core_end = core_end.map(|end| extend_core(&items, end, tail.unwrap_or(items.len())));
    let core_start = core_start.map(|start| extend_core_back(&items, start));
    budget.check("the tail and the core")?;

    let mut article = Article {
        title: meta.title.clone(),
        authors: meta.authors.clone(),
        published: meta.published.clone(),
        site_name: meta.site_name.clone(),
        url: meta.url.clone(),
        declared_language: meta.declared_language.clone(),
        ..Article::default()
    };

    // Without a core (no prose at all), the whole page is head.
    let head_end = core_start.unwrap_or(items.len());
    take_bylines(&mut items, head_end, &mut article);
    take_standfirst(&mut items, head_end, meta.description.as_deref());
    let title_index = take_title(&mut items, head_end, &mut article);
    if let Some(title) = article.title.clone() {
        remove_title_repeats(&mut items, &title);
    }
    clear_head(&mut items, head_end, title_index, trusted_main);
    if let (Some(start), Some(end)) = (core_start, core_end) {
        absorb_section_items(&mut items, start, end);
        let before_tail = tail.unwrap_or(items.len()).saturating_sub(1);
        take_datelines(&mut items, start, before_tail);
        judge_core(&mut items, start, end, trusted_main);
        let tail_start = tail.unwrap_or(items.len());
        clear_after_core(&mut items, end, tail_start, trusted_main);
    }
    if let Some(tail) = tail {
        clear_tail(&mut items, tail);
    }
    remove_teaser_lists(&mut items);
    remove_teaser_paragraphs(&mut items);
    // A page that does not say it is an article, and is no discussion, may be a landing,
    // shop or listing page: its unmarked blocks around a short run of prose are its content.
    let undeclared = !meta.declared_article && !discussion;
    keep_page_without_article(&mut items, core_start.is_some(), undeclared);
    Ok(crate::title::settle(finish(items, article), &meta))
}

impl Stats {
    fn of(candidate: &Candidate) -> Stats {
        let text = candidate.text.as_str();
        let words = count_words(text);
        let ends_sentence = ends_sentence(text);
        let heading_like =
            candidate.kind == BlockKind::Heading || (words <= 15 && !ends_sentence && words > 0);
        let dense_links = candidate.link_density() > 0.35;
        let good = !dense_links
            && candidate.kind != BlockKind::Heading
            && ((words >= 12 && ends_sentence) || words >= 20);
        Stats {
            words,
            ends_sentence,
            heading_like,
            good,
        }
    }
}

/// Words, counting runs of CJK characters (written without spaces) as one word per two
/// characters: a token (between whitespace) is a word when it holds a letter or digit.
/// One pass over the characters, ASCII handled without the Unicode tables (this runs on
/// every block).
pub(crate) fn count_words(text: &str) -> usize {
    let mut words = 0;
    // The current token: its CJK characters, and whether it holds a letter or digit.
    let mut cjk = 0usize;
    let mut alnum = false;
    let mut end_token = |cjk: &mut usize, alnum: &mut bool| {
        if *cjk > 0 {
            words += cjk.div_ceil(2);
        } else if *alnum {
            words += 1;
        }
        *cjk = 0;
        *alnum = false;
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_whitespace() || b == b'\x0B' {
                end_token(&mut cjk, &mut alnum);
            } else {
                alnum |= b.is_ascii_alphanumeric();
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            end_token(&mut cjk, &mut alnum);
        } else if is_cjk(c) {
            cjk += 1;
        } else if !alnum {
            alnum = c.is_alphanumeric();
        }
    }
    end_token(&mut cjk, &mut alnum);
    words
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn ends_sentence(text: &str) -> bool {
    let last = text
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*')
        })
        .chars()
        .next_back();
    // Informal prose ends a sentence with an emoji ("… this weekend 😉").
    let emoji = |c: char| matches!(c, '\u{1F300}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}');
    matches!(last, Some('.' | '!' | '…' | '。' | '！' | ';'))
        || last.is_some_and(emoji) && text.split_whitespace().count() >= 4
}

/// What a rule says of a block: (category, rule, opens a section).
type RuleHit = Option<(Category, &'static str, bool)>;

/// [`rule_hit`] of every block. It reads only the block's text and whether it reads as a
/// heading, and a page repeats many blocks (its menu entries, labels and buttons, in the
/// header and again in the footer): each distinct one is judged once.
fn rule_hits(items: &[Item]) -> Vec<RuleHit> {
    let mut first: std::collections::HashMap<(&str, bool), usize> =
        std::collections::HashMap::with_capacity(items.len());
    let mut hits: Vec<RuleHit> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let key = (item.candidate.text.as_str(), item.stats.heading_like);
        let hit = match first.entry(key) {
            std::collections::hash_map::Entry::Occupied(seen) => {
                hits.get(*seen.get()).copied().flatten()
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
                rule_hit(item)
            }
        };
        hits.push(hit);
    }
    hits
}

fn apply_structure(items: &mut [Item], hits: &[RuleHit]) {
    for (item, &hit) in items.iter_mut().zip(hits) {
        if let Some(region) = item.candidate.region {
            // The block's own wording can name the category more precisely than its
            // container ("Most read" heading in a generic sidebar).
            item.verdict = match hit {
                Some((category, rule, _)) if category != Category::Other => {
                    Verdict::Remove(category, rule)
                }
                _ => Verdict::Remove(region.category, region.rule),
            };
        } else if !item.candidate.in_main {
            let category = hit.map_or(Category::Other, |(c, _, _)| c);
            item.verdict = Verdict::Remove(category, "html.outside_main");
        }
    }
}

/// A page whose only substantial prose is in comment regions is a discussion (a forum
/// thread, a Q&A page): the discussion is its content. So is any page that declares itself
/// a forum thread, whatever its first post weighs.
fn keep_discussion(items: &mut [Item], declared: bool) -> bool {
    let prose = |item: &Item| {
        if item.stats.good { item.stats.words } else { 0 }
    };
    let in_comments =
        |item: &Item| matches!(item.candidate.region, Some(r) if r.category == Category::Comments);
    let article: usize = items
        .iter()
        .filter(|i| i.verdict == Verdict::Undecided)
        .map(prose)
        .sum();
    let discussion: usize = items.iter().filter(|i| in_comments(i)).map(prose).sum();
    if declared && discussion > 0 || discussion >= 80 && discussion > 4 * article && article < 150 {
        for item in items.iter_mut().filter(|i| in_comments(i)) {
            item.verdict = Verdict::Undecided;
        }
        return true;
    }
    false
}

/// The first rule that recognises the block, if any: (category, rule, opens a section).
fn rule_hit(item: &Item) -> RuleHit {
    let text = item.candidate.text.as_str();
    let Stats {
        words,
        heading_like,
        ..
    } = item.stats;
    if words > 150 {
        return None;
    }
    let norm = item.norm();
    if let Some(hit) = lexicon::lookup(norm, words, heading_like) {
        return Some((hit.category, hit.rule, hit.opens_section));
    }
    let key = label_key(norm);
    if patterns::is_audio_notice(norm, words) {
        return Some((Category::Audio, "audio.ai_notice", false));
    }
    if heading_like && patterns::is_related_heading(key, words) {
        return Some((Category::Related, "related.heading_shape", true));
    }
    if patterns::is_comments_heading(key, words) {
        return Some((Category::Comments, "comments.heading_count", true));
    }
    if patterns::is_comment_signature(text, words) {
        return Some((Category::Comments, "comments.signature", false));
    }
    if patterns::is_post_meta(text, words) {
        return Some((Category::Comments, "comments.post_meta", true));
    }
    if patterns::is_reading_time(key) {
        return Some((Category::Byline, "byline.reading_time", false));
    }
    if patterns::is_comment_count(key) {
        return Some((Category::Comments, "comments.count", heading_like));
    }
    if patterns::is_credits_line(text, words) {
        return Some((Category::Byline, "byline.credits", false));
    }
    if patterns::is_review_credit(text, words) {
        return Some((Category::Byline, "byline.reviewer", false));
    }
    if patterns::is_contact_line(text) {
        return Some((Category::Byline, "byline.contact", false));
    }
    if patterns::is_gallery_label(key) {
        return Some((Category::Caption, "caption.gallery", false));
    }
    if words <= 12 && patterns::is_share_strip(norm) {
        return Some((Category::Share, "share.strip", false));
    }
    if patterns::is_social_follow(norm, words) {
        return Some((Category::Share, "share.follow", false));
    }
    if patterns::is_newsletter_call(norm, words, heading_like) {
        return Some((Category::Newsletter, "newsletter.call", heading_like));
    }
    if patterns::is_agency_line(key) {
        return Some((Category::Byline, "byline.agency", false));
    }
    if patterns::is_source_line(text, words) {
        return Some((Category::Legal, "legal.source_line", false));
    }
    if words <= 12
        && (norm.starts_with('©') || norm.starts_with("copyright") || norm.starts_with("(c) "))
    {
        return Some((Category::Legal, "legal.copyright", false));
    }
    if patterns::is_caption_credit(text, norm, words) {
        return Some((Category::Caption, "caption.credit", false));
    }
    if patterns::is_unrendered_shortcode(text) {
        return Some((Category::Other, "other.shortcode", false));
    }
    if patterns::is_timestamp(key, text) {
        return Some((Category::Other, "other.timestamp", false));
    }
    None
}

fn apply_rules(items: &mut [Item], hits: &[RuleHit], site_name: Option<&str>) {
    let more_site = site_name.map(|site| format!("more {}", normalise(site)));
    for (item, &hit) in items.iter_mut().zip(hits) {
        if item.verdict != Verdict::Undecided {
            continue;
        }
        // "More The Daily Planet", "More from The Daily Planet": other stories of this site.
        if let Some(more) = &more_site {
            let key = label_key(item.norm());
            if item.stats.heading_like
                && (key == more || key.strip_prefix("more from ") == more.strip_prefix("more "))
            {
                item.verdict = Verdict::Remove(Category::Related, "related.site_more");
                item.rule_hit = true;
                item.opens_section = true;
                continue;
            }
        }
        if let Some((category, rule, opens)) = hit {
            item.verdict = Verdict::Remove(category, rule);
            item.rule_hit = true;
            item.opens_section = opens;
        }
    }
}

/// A block that repeats an earlier one word for word, or cuts it short with "…", is a
/// teaser or a widget echoing the article, never new text.
fn mark_repeats(items: &mut [Item], trusted_main: bool) {
    // Indices of the blocks seen so far (their normalised text is cached on the item).
    let mut seen: Vec<usize> = Vec::new();
    for index in 0..items.len() {
        let Some(item) = items.get(index) else { break };
        if item.verdict != Verdict::Undecided || item.stats.words < 5 {
            continue;
        }
        // Inside a main container the front end trusted, a page that carries its text twice
        // (a print copy, a lazy-loaded duplicate) keeps the copy the front end chose.
        if trusted_main && item.candidate.in_main {
            continue;
        }
        let norm = item.norm();
        let truncated = norm
            .strip_suffix("...")
            .or_else(|| norm.strip_suffix('…'))
            .map(str::trim_end);
        let repeat = seen.iter().filter_map(|&e| items.get(e)).any(|earlier| {
            let earlier = earlier.norm();
            earlier == norm || truncated.is_some_and(|t| t.len() >= 20 && earlier.starts_with(t))
        });
        if !repeat {
            seen.push(index);
        } else if let Some(item) = items.get_mut(index) {
            // Neutral in the core search: the echo may sit inside the article.
            item.verdict = Verdict::Remove(Category::Other, "other.repeat");
        }
    }
}

/// Fewest comment counts ("14 comments") that make them a listing's entry lines.
const ENTRY_COUNTS: usize = 3;

/// A comment count under an article's end opens its comment section; comment counts that
/// recur down the page are its entries' lines (a blog index, a news front page): they open
/// nothing.
fn entry_counts_open_no_section(items: &mut [Item]) {
    let is_count =
        |item: &Item| item.verdict == Verdict::Remove(Category::Comments, "comments.count");
    if items.iter().filter(|i| is_count(i)).count() < ENTRY_COUNTS {
        return;
    }
    for item in items.iter_mut().filter(|i| is_count(i)) {
        item.opens_section = false;
    }
}

/// Three or more bare timestamps within a dozen blocks are a feed (other stories, or
/// readers' comments): its first timestamp opens a section. Two or more comment signatures
/// ("jane says:") within fifteen blocks are a comment thread; a lone one ("The minister
/// said:") is the article's and goes back to undecided.
fn mark_feeds(items: &mut [Item]) {
    let positions = |rule: &str, items: &[Item]| -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, item)| matches!(item.verdict, Verdict::Remove(_, r) if r == rule))
            .map(|(i, _)| i)
            .collect()
    };
    let stamps = positions("other.timestamp", items);
    for window in stamps.windows(3) {
        if let [first, _, third] = *window {
            if third - first <= 12 {
                if let Some(item) = items.get_mut(first) {
                    item.opens_section = true;
                    item.verdict = Verdict::Remove(Category::Related, "related.feed");
                }
            }
        }
    }
    let signatures = positions("comments.signature", items);
    for (n, &index) in signatures.iter().enumerate() {
        let near = |other: Option<&usize>| other.is_some_and(|&o| o.abs_diff(index) <= 15);
        let clustered = near(signatures.get(n + 1)) || n > 0 && near(signatures.get(n - 1));
        if let Some(item) = items.get_mut(index) {
            if !clustered {
                item.verdict = Verdict::Undecided;
                item.rule_hit = false;
            } else if n == 0 {
                item.opens_section = true;
            }
        }
    }
}

fn prose_words(item: &Item) -> usize {
    if item.verdict == Verdict::Undecided && item.stats.good {
        item.stats.words
    } else {
        0
    }
}

/// The index of the section heading that ends the article, if one does: the first that
/// stands after some prose, with less prose after it than before it, and after which the
/// article does not resume.
fn find_tail(items: &[Item]) -> Option<usize> {
    let plain_text = !items
        .iter()
        .any(|i| i.candidate.link_chars > 0 || i.candidate.heading_level > 0);
    let first_good = items.iter().position(|i| prose_words(i) > 0)?;
    let total: usize = items.iter().map(prose_words).sum();
    let mut before = 0;
    for (index, item) in items.iter().enumerate().skip(first_good) {
        if item.opens_section && before > 0 {
            let after = total - before;
            // A comment thread or a list of other stories may outweigh the article; an
            // explicit heading for one still ends it.
            let comments = matches!(
                item.verdict,
                Verdict::Remove(
                    _,
                    "comments.heading_count" | "comments.signature" | "comments.post_meta"
                )
            );
            // In plain text a cluster of timestamps is the surest sign of a feed; HTML
            // pages (forums) carry timestamps in their content too.
            let feed = plain_text && matches!(item.verdict, Verdict::Remove(_, "related.feed"));
            // "Related posts", "You may also like" as a heading of the page's own: a
            // label for a section of other stories. (Not "Read more: <headline>" in the
            // text: that is one link, and the article goes on after it.)
            let related = item.candidate.heading_level > 0
                && matches!(
                    item.verdict,
                    Verdict::Remove(
                        Category::Related,
                        "related.label" | "related.heading_shape" | "related.site_more"
                    )
                );
            let related = related && !sections_resume(items, first_good, index);
            let explicit = (comments || feed || related) && before >= 50;
            // A linked line ("Related: <headline>") followed by more of the article's own
            // (unlinked) section headings was a line inside the article.
            let inline_link =
                item.candidate.kind != BlockKind::Heading && item.candidate.link_density() > 0.5;
            let resumes = article_resumes(items, first_good, index)
                || inline_link && sections_resume(items, first_good, index);
            if (after < before || explicit) && !resumes {
                return Some(index);
            }
        }
        before += prose_words(item);
    }
    None
}

/// Do the article's sections go on after `marker`: is there a heading after it at a level
/// the article's own headings used before it? A listicle's "You might like" box sits between
/// two of its sections.
fn sections_resume(items: &[Item], first_good: usize, marker: usize) -> bool {
    let section_heading = |item: &&Item| {
        item.verdict == Verdict::Undecided
            && item.candidate.heading_level > 0
            && item.stats.words <= 20
    };
    let levels: Vec<u8> = items
        .get(first_good..marker)
        .unwrap_or(&[])
        .iter()
        .filter(section_heading)
        .map(|item| item.candidate.heading_level)
        .collect();
    // After the marker, only unlinked headings: other stories' headlines are links.
    !levels.is_empty()
        && items
            .iter()
            .skip(marker + 1)
            .filter(section_heading)
            .any(|item| {
                item.candidate.link_chars == 0 && levels.contains(&item.candidate.heading_level)
            })
}

/// Does the article go on after the section heading at `marker`? It does when two prose
/// blocks in a row follow (short blocks between them aside) that share the vocabulary of
/// the prose before the heading. A donation appeal, an author bio or a feed of other
/// stories reads as prose too, but speaks of other things.
fn article_resumes(items: &[Item], first_good: usize, marker: usize) -> bool {
    let vocabulary: std::collections::HashSet<&str> = items
        .get(first_good..marker)
        .unwrap_or(&[])
        .iter()
        .filter(|i| prose_words(i) > 0)
        .flat_map(|i| i.stems().iter().map(String::as_str))
        .collect();
    let mut run = 0;
    for item in items.iter().skip(marker + 1) {
        if item.opens_section {
            return false;
        }
        if prose_words(item) == 0 {
            // Short lines (a related story's headline, a timestamp) break a run of prose
            // only when the section is made of them.
            if item.stats.words >= 8 || item.rule_hit {
                run = 0;
            }
            continue;
        }
        let stems = item.stems();
        let shared = stems
            .iter()
            .filter(|s| vocabulary.contains(s.as_str()))
            .count();
        if stems.len() >= 3 && shared * 4 >= stems.len() {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Stems (first six letters, lower case) of the longer words of a text: a cheap,
/// language-independent stand-in for its content words.
fn content_stems(text: &str) -> Vec<String> {
    // One pass over the characters (ASCII without the Unicode tables): the words are the
    // runs of letters and digits.
    let mut stems = Vec::new();
    let mut word = |start: usize, end: usize, chars: usize, digits: bool| {
        if chars >= 5 && !digits {
            if let Some(w) = text.get(start..end) {
                stems.push(stem(w));
            }
        }
    };
    let bytes = text.as_bytes();
    // The current word: its start, length in characters, and whether all are ASCII digits.
    let (mut start, mut chars, mut digits) = (0, 0, true);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (alnum, digit, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), b.is_ascii_digit(), 1)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_alphanumeric(), false, c.len_utf8()),
                None => break,
            }
        };
        if alnum {
            if chars == 0 {
                start = i;
            }
            chars += 1;
            digits &= digit;
        } else if chars > 0 {
            word(start, i, chars, digits);
            (chars, digits) = (0, true);
        }
        i += len;
    }
    if chars > 0 {
        word(start, text.len(), chars, digits);
    }
    stems
}

/// First six letters, lower case. An ASCII word is cut first and lowered byte by byte;
/// other words go through `str::to_lowercase`, whose final-sigma rule needs the whole word.
fn stem(word: &str) -> String {
    if word.is_ascii() {
        word.get(..word.len().min(6))
            .unwrap_or(word)
            .to_ascii_lowercase()
    } else {
        word.to_lowercase().chars().take(6).collect()
    }
}

/// The run of blocks with the most prose, before the tail: (start, end) inclusive.
fn find_core(
    items: &[Item],
    tail: Option<usize>,
    title: Option<&str>,
) -> (Option<usize>, Option<usize>) {
    let limit = tail.unwrap_or(items.len());
    let title_stems: std::collections::HashSet<String> = title
        .map(content_stems)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let mut best: Option<(i64, usize, usize)> = None;
    let mut run: Option<(i64, usize)> = None;
    for (index, item) in items.iter().enumerate().take(limit) {
        let score = topical(block_score(item), item, &title_stems);
        if score == 0 {
            continue;
        }
        let (sum, start) = match run {
            Some((sum, start)) if sum > 0 => (sum + score, start),
            _ => (score, index),
        };
        run = Some((sum, start));
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, index));
        }
    }
    match best {
        Some((_, start, end)) => {
            // The core starts and ends on a good block.
            let start = (start..=end).find(|&i| items.get(i).is_some_and(|it| prose_words(it) > 0));
            let end = (start.unwrap_or(end)..=end)
                .rev()
                .find(|&i| items.get(i).is_some_and(|it| prose_words(it) > 0));
            (start, end)
        }
        None => (None, None),
    }
}

/// A prose block that shares words with the title weighs more, one that shares none less:
/// an article speaks of its headline, a feed of other stories does not.
fn topical(score: i64, item: &Item, title_stems: &std::collections::HashSet<String>) -> i64 {
    if score <= 0 || title_stems.len() < 3 || !item.stats.good {
        return score;
    }
    let shared = item
        .stems()
        .iter()
        .filter(|s| title_stems.contains(*s))
        .collect::<std::collections::HashSet<_>>()
        .len();
    match shared {
        0 => score / 2,
        1 => score,
        _ => score * 2,
    }
}

/// The headline as far as the page tells before classification: the metadata's title, or
/// the longest heading-like block among the first ones.
fn tentative_title<'a>(items: &'a [Item], meta_title: Option<&'a str>) -> Option<&'a str> {
    meta_title.or_else(|| {
        items
            .iter()
            .take(60)
            .filter(|i| {
                i.verdict == Verdict::Undecided
                    && !i.stats.ends_sentence
                    && (4..=30).contains(&i.stats.words)
            })
            .max_by_key(|i| i.stats.words)
            .map(|i| i.candidate.text.as_str())
    })
}

fn block_score(item: &Item) -> i64 {
    let words = item.stats.words as i64;
    match item.verdict {
        Verdict::Undecided if item.stats.good => words,
        Verdict::Undecided if item.candidate.link_density() > 0.5 => -4,
        // List items, table rows and quotes without many links are article material more
        // often than not; so is a short sentence.
        Verdict::Undecided
            if item.candidate.link_density() < 0.3
                && (matches!(
                    item.candidate.kind,
                    BlockKind::ListItem | BlockKind::TableRow | BlockKind::Quote
                ) || (item.stats.ends_sentence && item.stats.words >= 5)) =>
        {
            (words / 3).max(1)
        }
        Verdict::Undecided => -2,
        // Removed by structure (front end): neutral, the article may wrap around it.
        Verdict::Remove(..) if !item.rule_hit => 0,
        Verdict::Remove(..) => -(5 + words.min(30) / 2),
        Verdict::Keep => words,
    }
}

/// The article's last blocks are often short: a closing sentence, a list, a quote. The core
/// extends over such blocks until the first boilerplate or heading.
fn extend_core(items: &[Item], end: usize, limit: usize) -> usize {
    let mut last = end;
    for (index, item) in items.iter().enumerate().take(limit).skip(end + 1) {
        let structural = !item.rule_hit && matches!(item.verdict, Verdict::Remove(..));
        let header_like = matches!(
            item.verdict,
            Verdict::Remove(Category::Title | Category::Byline, _)
        );
        if structural || header_like {
            // A block the front end removed (an inline ad slot) does not end the article.
            continue;
        }
        let continues = item.verdict == Verdict::Undecided
            && item.candidate.link_density() <= 0.5
            && (matches!(
                item.candidate.kind,
                BlockKind::ListItem
                    | BlockKind::Quote
                    | BlockKind::TableRow
                    | BlockKind::Preformatted
            ) || (item.stats.ends_sentence && item.stats.words >= 3));
        if !continues {
            break;
        }
        last = index;
    }
    last
}

/// The article's first blocks can be short too (a one-line lead, a list): the core
/// extends back over sentences and list items until a heading-like block or boilerplate.
fn extend_core_back(items: &[Item], start: usize) -> usize {
    let mut first = start;
    for index in (0..start).rev() {
        let Some(item) = items.get(index) else { break };
        let continues = item.verdict == Verdict::Undecided
            && item.candidate.link_density() <= 0.3
            && (matches!(item.candidate.kind, BlockKind::ListItem | BlockKind::Quote)
                || (item.stats.ends_sentence && item.stats.words >= 5));
        if !continues {
            break;
        }
        first = index;
    }
    first
}

/// Bylines and datelines: in the head, or among the first blocks of the core.
fn take_bylines(items: &mut [Item], core_start: usize, article: &mut Article) {
    let limit = (core_start + 3).min(items.len());
    for item in items.iter_mut().take(limit) {
        // A byline the front end already placed (a byline element) still carries the
        // author and date for the header.
        let placed = matches!(item.verdict, Verdict::Remove(Category::Byline, _));
        if !placed && item.verdict != Verdict::Undecided
            || item.stats.good && item.stats.ends_sentence
        {
            continue;
        }
        if let Some(found) = byline::parse(&item.candidate.text, item.stats.words) {
            if !placed {
                item.verdict = Verdict::Remove(Category::Byline, "byline.head");
            }
            if article.authors.is_empty() {
                article.authors = found.authors;
            }
            if article.published.is_none() {
                article.published = found.published;
            }
        }
    }
}

/// A summary between the headline and the byline is the standfirst (dek): header
/// material, like the title. It is recognised by its place: at most two short prose
/// blocks at the start of the core, with a byline or dateline right after them.
fn take_standfirst(items: &mut [Item], core_start: usize, description: Option<&str>) {
    // The page's own description, repeated as the first block of text.
    if let Some(description) = description.map(normalise).filter(|d| d.len() >= 40) {
        let first = (0..items.len().min(core_start + 3)).find(|&i| {
            items
                .get(i)
                .is_some_and(|it| it.verdict == Verdict::Undecided && it.stats.words >= 6)
        });
        if let Some(item) = first.and_then(|i| items.get_mut(i)) {
            let text = item.norm();
            let same = text == description
                || (description.len() > 60
                    && text.starts_with(description.trim_end_matches(['.', '…', ' '])));
            // Many sites reuse the first paragraph as their description; a standfirst is a
            // sub-head of its own.
            let sub_head = item.candidate.kind == BlockKind::Heading;
            if same && sub_head && item.stats.words <= 80 {
                item.verdict = Verdict::Remove(Category::Title, "title.standfirst");
                return;
            }
        }
    }
    let byline_at = (core_start..(core_start + 3).min(items.len())).find(|&i| {
        items
            .get(i)
            .is_some_and(|it| matches!(it.verdict, Verdict::Remove(Category::Byline, _)))
    });
    let Some(byline_at) = byline_at else { return };
    if byline_at == core_start {
        return;
    }
    let before = items.get(core_start..byline_at).unwrap_or(&[]);
    let summary = before.iter().all(|it| {
        it.verdict == Verdict::Undecided && it.stats.words <= 60 && !it.stats.heading_like
    });
    // The article must go on after the byline, or the "summary" was the article.
    let article_after = items
        .iter()
        .skip(byline_at + 1)
        .take(4)
        .any(|it| it.verdict == Verdict::Undecided && it.stats.good);
    // A standfirst comes before the article's byline; after a byline (a forum's first post,
    // between its author line and the next post's) it is text.
    let byline_before = items
        .get(core_start.saturating_sub(2)..core_start)
        .unwrap_or(&[])
        .iter()
        .any(|it| matches!(it.verdict, Verdict::Remove(Category::Byline, _)));
    if summary && article_after && !byline_before {
        for item in items.iter_mut().take(byline_at).skip(core_start) {
            item.verdict = Verdict::Remove(Category::Title, "title.standfirst");
        }
    }
}

/// The title: from the page's metadata when the front end found it, otherwise the longest
/// heading-like block of the head. Returns the index of the block taken as title.
fn take_title(items: &mut [Item], core_start: usize, article: &mut Article) -> Option<usize> {
    if article.title.is_some() {
        return None;
    }
    let index = items
        .iter()
        .enumerate()
        .take(core_start)
        .filter(|(_, item)| {
            item.verdict == Verdict::Undecided
                && !item.stats.ends_sentence
                && (2..=30).contains(&item.stats.words)
                && item.candidate.link_density() < 0.5
        })
        // Longest wins; on a tie, the first.
        .max_by_key(|(i, item)| (item.stats.words, std::cmp::Reverse(*i)))
        .map(|(i, _)| i)?;
    let item = items.get_mut(index)?;
    article.title = Some(item.candidate.text.clone());
    item.verdict = Verdict::Remove(Category::Title, "title.head");
    Some(index)
}

/// What is left of the head once title and byline are out: menus and labels before the
/// title, captions and credits between title and lead.
fn clear_head(
    items: &mut [Item],
    core_start: usize,
    title_index: Option<usize>,
    trusted_main: bool,
) {
    for (index, item) in items.iter_mut().enumerate().take(core_start) {
        if item.verdict != Verdict::Undecided {
            continue;
        }
        if trusted_main && kept_in_main(item) && !(item.stats.heading_like && item.stats.words < 4)
        {
            item.verdict = Verdict::Keep;
            continue;
        }
        item.verdict = match title_index {
            Some(t) if index > t => {
                Verdict::Remove(Category::Caption, "position.between_title_and_lead")
            }
            Some(_) => Verdict::Remove(Category::Navigation, "position.before_title"),
            None => Verdict::Remove(Category::Navigation, "position.before_article"),
        };
    }
}

/// Lower-case word stems (first six letters), for comparing a block with the title.
fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

/// A heading-like block that repeats most of the title (the page's h1, an image's alt text
/// restating the headline) is removed as a title repeat.
fn remove_title_repeats(items: &mut [Item], title: &str) {
    let title_stems = stems(title);
    if title_stems.is_empty() {
        return;
    }
    for item in items.iter_mut() {
        if item.verdict != Verdict::Undecided || !item.stats.heading_like || item.stats.words > 40 {
            continue;
        }
        let block_stems = stems(&item.candidate.text);
        if block_stems.len() < 2 {
            continue;
        }
        let shared = block_stems
            .iter()
            .filter(|s| title_stems.contains(s))
            .count();
        let contained = shared as f64 / block_stems.len() as f64;
        let covered = shared as f64 / block_stems.len().max(title_stems.len()) as f64;
        if contained >= 0.7 && covered >= 0.5 {
            item.verdict = Verdict::Remove(Category::Title, "title.repeat");
        }
    }
}

/// A section heading inside the article ("Related articles", "Read also") takes the short
/// lines that follow it (the other stories' headlines), up to the next prose block.
fn absorb_section_items(items: &mut [Item], start: usize, end: usize) {
    let markup = items.iter().any(|i| i.candidate.link_chars > 0);
    let mut section: Option<Category> = None;
    for item in items.iter_mut().take(end + 1).skip(start) {
        if item.opens_section {
            section = match item.verdict {
                Verdict::Remove(category, _) => Some(category),
                _ => None,
            };
            continue;
        }
        // In HTML the other stories' headlines are links: an unlinked heading is the
        // article's next section ("Related: <headline>" standing between two of them).
        let own_heading =
            item.candidate.kind == BlockKind::Heading && item.candidate.link_chars == 0;
        match (section, item.verdict) {
            (Some(_), Verdict::Undecided) if own_heading && markup => section = None,
            (Some(category), Verdict::Undecided) if !item.stats.good => {
                item.verdict = Verdict::Remove(category, section_rule(category));
            }
            (_, Verdict::Undecided) => section = None,
            _ => {}
        }
    }
}

/// Datelines and bylines that stand inside the article rather than above it.
fn take_datelines(items: &mut [Item], start: usize, end: usize) {
    for item in items.iter_mut().take(end + 1).skip(start) {
        if item.verdict != Verdict::Undecided || item.stats.good && item.stats.ends_sentence {
            continue;
        }
        if byline::parse(&item.candidate.text, item.stats.words).is_some() {
            item.verdict = Verdict::Remove(Category::Byline, "byline.inline");
        }
    }
}

/// Inside the core: prose stays; short blocks stay when prose surrounds them.
/// Inside a main container the front end trusted: a block with few links stays.
fn kept_in_main(item: &Item) -> bool {
    item.candidate.in_main && item.candidate.link_density() < 0.5 && item.stats.words > 0
}

fn judge_core(items: &mut [Item], start: usize, end: usize, trusted_main: bool) {
    for index in start..=end {
        let Some(item) = items.get(index) else { break };
        if item.verdict != Verdict::Undecided {
            continue;
        }
        let verdict = if item.stats.good {
            Verdict::Keep
        } else if item.stats.heading_like && next_is_caption(items, index) {
            Verdict::Remove(Category::Caption, "caption.alt_text")
        } else if item.candidate.link_density() > 0.5
            && item.stats.words < 12
            && item.candidate.kind != BlockKind::TableRow
        {
            // (A table's rows inside the article are its data, even where each names a
            // linked entry: a ranking, a price list.)
            Verdict::Remove(Category::Navigation, "links.dense")
        } else if !(trusted_main && kept_in_main(item)) && in_short_run(items, index, start, end) {
            Verdict::Remove(Category::Other, "short.run")
        } else {
            Verdict::Keep
        };
        if let Some(item) = items.get_mut(index) {
            item.verdict = verdict;
        }
    }
}

/// The next block, in the same group, is an image caption or credit.
fn next_is_caption(items: &[Item], index: usize) -> bool {
    items.get(index + 1).is_some_and(|next| {
        !next.candidate.group_start && matches!(next.verdict, Verdict::Remove(Category::Caption, _))
    })
}

/// Three or more short blocks in a row with no prose among them: a list of links or labels,
/// not subheadings. Lists and table rows from markup are exempt.
fn in_short_run(items: &[Item], index: usize, start: usize, end: usize) -> bool {
    let short = |i: usize| {
        items.get(i).is_some_and(|it| {
            let sentence = it.stats.ends_sentence && it.stats.words >= 4;
            let listed = matches!(it.candidate.kind, BlockKind::ListItem | BlockKind::TableRow);
            it.verdict == Verdict::Undecided && !it.stats.good && !sentence && !listed
        })
    };
    if !short(index) {
        return false;
    }
    let mut first = index;
    while first > start && short(first - 1) {
        first -= 1;
    }
    let mut last = index;
    while last < end && short(last + 1) {
        last += 1;
    }
    last - first + 1 >= 3
}

/// Between the end of the core and the tail: footer furniture.
fn clear_after_core(items: &mut [Item], core_end: usize, tail: usize, trusted_main: bool) {
    for item in items.iter_mut().take(tail).skip(core_end + 1) {
        if item.verdict != Verdict::Undecided {
            continue;
        }
        if trusted_main && kept_in_main(item) {
            item.verdict = Verdict::Keep;
            continue;
        }
        item.verdict = if patterns::is_bio_sentence(&item.candidate.text) {
            Verdict::Remove(Category::AuthorBio, "author_bio.sentence")
        } else {
            Verdict::Remove(Category::Other, "position.after_article")
        };
    }
}

/// Lists of other stories around the article: three or more kept list items of twenty words
/// on average, after the last kept paragraph or before the first, most of which share little
/// vocabulary with the article's paragraphs. A teaser is the first lines of another story;
/// an article's own list (key points on top, steps or parts at the end) speaks of what the
/// article speaks of, and a list of features or links is terser. The teasers' headlines and
/// bylines, between them, are already gone as links and bylines.
fn remove_teaser_lists(items: &mut [Item]) {
    let paragraph = |item: &Item| {
        matches!(item.verdict, Verdict::Keep | Verdict::Undecided)
            && item.stats.good
            && !matches!(item.candidate.kind, BlockKind::ListItem)
    };
    let (Some(first), Some(last)) = (
        items.iter().position(paragraph),
        items.iter().rposition(paragraph),
    ) else {
        return;
    };
    let article = items.get(first..=last).unwrap_or(&[]);
    let vocabulary: std::collections::HashSet<String> = article
        .iter()
        .filter(|item| matches!(item.verdict, Verdict::Keep | Verdict::Undecided))
        .flat_map(|item| item.stems().iter().cloned())
        .collect();
    let article_words: usize = article
        .iter()
        .filter(|i| paragraph(i))
        .map(|i| i.stats.words)
        .sum();
    remove_teasers(items, last + 1..items.len(), &vocabulary, usize::MAX);
    // Before the article, a list is a teaser feed only beside an article longer than it
    // (a forum's posts or a page of notes can be lists with a little prose after them).
    remove_teasers(items, 0..first, &vocabulary, article_words);
}

/// The kept list items of `range`, removed when they read as teasers (see above).
fn remove_teasers(
    items: &mut [Item],
    range: std::ops::Range<usize>,
    vocabulary: &std::collections::HashSet<String>,
    max_words: usize,
) {
    let teasers: Vec<usize> = range
        .filter(|&i| {
            items.get(i).is_some_and(|item| {
                matches!(item.verdict, Verdict::Keep | Verdict::Undecided)
                    && matches!(item.candidate.kind, BlockKind::ListItem)
                    && item.stats.words >= 8
            })
        })
        .collect();
    if teasers.len() < 3 {
        return;
    }
    let off_topic = off_topic_count(items, &teasers, |stem| vocabulary.contains(stem));
    let words: usize = teasers
        .iter()
        .filter_map(|&i| items.get(i))
        .map(|item| item.stats.words)
        .sum();
    if off_topic * 3 < teasers.len() * 2 || words < 20 * teasers.len() || words > max_words {
        return;
    }
    for index in teasers {
        if let Some(item) = items.get_mut(index) {
            item.verdict = Verdict::Remove(Category::Related, "related.teaser_list");
        }
    }
}

/// How many of the blocks at `indices` share under a quarter of their stems with the
/// article's vocabulary: teasers speak of other things.
fn off_topic_count(
    items: &[Item],
    indices: &[usize],
    in_vocabulary: impl Fn(&str) -> bool,
) -> usize {
    indices
        .iter()
        .filter_map(|&i| items.get(i))
        .filter(|item| {
            let stems = item.stems();
            let shared = stems.iter().filter(|s| in_vocabulary(s.as_str())).count();
            shared * 4 < stems.len()
        })
        .count()
}

/// A feed of other stories after the article, as paragraphs: each one the first lines of
/// another story under its linked headline (already removed as a link), or cut short with
/// "…" and a "Read more". Three or more such paragraphs end the page, and most of them share
/// little vocabulary with the article before them: they are removed. An article's own
/// paragraphs follow one another without headlines in between, and speak of one subject.
fn remove_teaser_paragraphs(items: &mut [Item]) {
    let kept_paragraph = |item: &Item| {
        item.verdict == Verdict::Keep
            && item.candidate.kind == BlockKind::Paragraph
            && item.stats.words > 0
    };
    let mut run: Vec<usize> = Vec::new();
    // Kickers over the teasers ("HARD YIKES", "LIFE AS A BALL"): removed with them.
    let mut kickers: Vec<usize> = Vec::new();
    let mut marked = 0;
    for index in (0..items.len()).rev() {
        let Some(item) = items.get(index) else { break };
        if !kept_paragraph(item) {
            continue;
        }
        if item.stats.words < 5 && !item.stats.ends_sentence {
            kickers.push(index);
            continue;
        }
        let headline = after_headline(items, index);
        let cut_short = is_cut_short(item);
        if item.stats.words > 120 || !(headline.is_some() || cut_short) {
            break;
        }
        run.push(index);
        // Signed or cut short: surely the start of another story.
        if headline == Some(true) || cut_short {
            marked += 1;
        }
    }
    if run.len() < 3 {
        return;
    }
    let first = run.iter().copied().min().unwrap_or(0);
    let vocabulary: std::collections::HashSet<&str> = items
        .get(..first)
        .unwrap_or(&[])
        .iter()
        .filter(|item| kept_paragraph(item))
        .flat_map(|item| item.stems().iter().map(String::as_str))
        .collect();
    // On a listing the teasers are the page; after an article they are a feed.
    let article_words: usize = items
        .get(..first)
        .unwrap_or(&[])
        .iter()
        .filter(|item| kept_paragraph(item))
        .map(|item| item.stats.words)
        .sum();
    let run_words: usize = run
        .iter()
        .filter_map(|&i| items.get(i))
        .map(|item| item.stats.words)
        .sum();
    if article_words < 150 || 2 * article_words < run_words {
        return;
    }
    let off_topic = off_topic_count(items, &run, |stem| vocabulary.contains(stem));
    if off_topic * 3 < run.len() * 2 && marked * 3 < run.len() * 2 {
        return;
    }
    for &index in kickers.iter().filter(|&&i| i > first) {
        if let Some(item) = items.get_mut(index) {
            item.verdict = Verdict::Remove(Category::Related, "related.teaser_paragraphs");
        }
    }
    for index in run {
        // The teaser and the linked headline over it.
        for back in 0..=4 {
            let Some(item) = index.checked_sub(back).and_then(|i| items.get_mut(i)) else {
                break;
            };
            if back == 0 || (item.verdict == Verdict::Keep && is_linked_headline(item)) {
                item.verdict = Verdict::Remove(Category::Related, "related.teaser_paragraphs");
            } else if item.verdict == Verdict::Keep {
                break;
            }
        }
    }
}

/// Is the block just after a removed linked headline (its byline and labels aside)?
/// `Some(true)` when a byline stands between them.
fn after_headline(items: &[Item], index: usize) -> Option<bool> {
    let mut byline = false;
    for item in items.get(..index).unwrap_or(&[]).iter().rev().take(4) {
        if item.verdict == Verdict::Keep && !is_linked_headline(item) {
            return None;
        }
        if matches!(item.verdict, Verdict::Remove(Category::Byline, _)) {
            byline = true;
            continue;
        }
        if reads_as_headline_link(item) {
            return Some(byline);
        }
        if item.stats.words > 25 {
            return None;
        }
    }
    None
}

/// Mostly link, three to twenty-five words: the shape of another story's headline.
fn reads_as_headline_link(item: &Item) -> bool {
    item.candidate.link_density() > 0.5 && (3..=25).contains(&item.stats.words)
}

/// A heading that is a link: another story's headline.
fn is_linked_headline(item: &Item) -> bool {
    item.candidate.kind == BlockKind::Heading && reads_as_headline_link(item)
}

/// Does the paragraph end cut short: "…", "...", "[…]", maybe with a "Read more" link after?
fn is_cut_short(item: &Item) -> bool {
    let text = item.candidate.text.trim_end();
    let links = item.candidate.link_chars;
    let text = if (1..20).contains(&links) {
        // "… Read More": drop a short link label at the end.
        text.char_indices()
            .rev()
            .nth(links - 1)
            .map_or(text, |(at, _)| text.get(..at).unwrap_or(text))
            .trim_end()
    } else {
        text
    };
    let text = text.trim_end_matches([']', ')', ' ']);
    text.ends_with('…') || text.ends_with("...")
}

/// Below this many kept words a page has no article.
const NO_ARTICLE_WORDS: usize = 20;
/// At least this many unmarked blocks beside its prose make a page that does not declare
/// itself an article a page of blocks (a landing, shop or listing page).
const UNDECLARED_PAGE_BLOCKS: usize = 8;
/// Below this many kept words, an "article" outweighed twice by the entries around it is a
/// listing's lead; above it, three times.
const LISTING_LEAD_WORDS: usize = 150;

/// A page without an article (a listing, a shop's category or product page, a service page)
/// has no run of prose for the core to be, and the steps above leave it (nearly) empty, or
/// keep only its unlinked lines or one short run of prose. Its content is then what its
/// main container holds that no rule, no boilerplate region and no menu recognised: removed
/// only for standing outside an article that is not there. Such a page is recognised by
/// what was kept (nothing, or little), by entries that outweigh the kept prose, or, when it
/// does not declare itself an article (`undeclared`), by many such blocks beside the prose.
/// A page with some text gives some text, furniture and all, rather than none.
fn keep_page_without_article(items: &mut [Item], has_core: bool, undeclared: bool) {
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
        return;
    }
    let by_position = |item: &Item, page_of_blocks: bool| {
        let candidate = &item.candidate;
        let positional = match item.verdict {
            Verdict::Undecided => true,
            Verdict::Remove(_, rule) => {
                rule.starts_with("position.")
                    || rule == "related.teaser_list"
                    || rule == "short.run"
                    // On a page of blocks, "other stories" are its stories, and the
                    // linked headlines over its entries are theirs.
                    || page_of_blocks && rule == "section.related"
                    || page_of_blocks && rule == "links.dense" && is_linked_headline(item)
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
                        || rule.starts_with("html.class.")
                        || rule == "links.dense"
                        || rule == "section.related"
                        // A brand or a shop's name on several cards, not on most.
                        || rule == "other.repeat"
                }
                Verdict::Keep => false,
            };
        }
        // A listing's headlines are linked headings; a menu's entries are short links.
        let menu_entry = candidate.link_density() > 0.5
            && item.stats.words < 5
            && candidate.kind != BlockKind::Heading;
        positional
            && !item.rule_hit
            && candidate.region.is_none()
            && candidate.in_main
            && !menu_entry
    };
    let words: usize = items
        .iter()
        .filter(|i| by_position(i, false))
        .map(|i| i.stats.words)
        .sum();
    if kept + words < 2 * NO_ARTICLE_WORDS {
        keep_feed_of_empty_page(items, kept);
        return;
    }
    // A page with an article keeps it as it is, unless what was removed only for its
    // position far outweighs it: then the "article" was a listing's lead (a category
    // page's introduction) and the entries after it are the page.
    // Entries may be bare linked headlines (a recipe or product grid): five of them and as
    // many words as the lead make a listing too.
    let headlines = items
        .iter()
        .filter(|i| by_position(i, false) && is_linked_headline(i))
        .count();
    let outweighed = if kept < LISTING_LEAD_WORDS {
        words >= 2 * kept || headlines >= 5 && words >= kept
    } else {
        words >= 3 * kept
    };
    // A page that does not say it is an article, with several unmarked blocks beside its
    // prose, is a landing, shop or listing page: the blocks are its content, and so are
    // the "other stories" a section heading set apart as the article's tail.
    let page_of_blocks = undeclared
        && items.iter().filter(|i| by_position(i, true)).count() >= UNDECLARED_PAGE_BLOCKS;
    if has_core && kept >= NO_ARTICLE_WORDS && !((outweighed || page_of_blocks) && markup) {
        return;
    }
    for item in items.iter_mut() {
        if by_position(item, page_of_blocks) {
            item.verdict = Verdict::Keep;
        }
    }
}

/// A page that would come out empty, whose prose all stands in a container its markup calls
/// "related" (a topic page built of one teaser feed), is that feed.
fn keep_feed_of_empty_page(items: &mut [Item], kept: usize) {
    let in_feed = |item: &Item| {
        item.candidate.in_main
            && item.verdict == Verdict::Remove(Category::Related, "html.class.related")
    };
    let feed: usize = items
        .iter()
        .filter(|i| in_feed(i) && i.stats.good)
        .map(|i| i.stats.words)
        .sum();
    if kept >= NO_ARTICLE_WORDS || feed < 3 * NO_ARTICLE_WORDS {
        return;
    }
    for item in items.iter_mut().filter(|i| in_feed(i)) {
        item.verdict = Verdict::Keep;
    }
}

/// From the tail heading on, every block belongs to the section it stands in; a block a rule
/// recognised opens a new section of its own category.
fn clear_tail(items: &mut [Item], tail: usize) {
    let mut section = Category::Other;
    for item in items.iter_mut().skip(tail) {
        match item.verdict {
            Verdict::Remove(category, _) if item.rule_hit && category != Category::Other => {
                section = category;
            }
            Verdict::Remove(Category::Other, _) if item.rule_hit => {
                item.verdict = Verdict::Remove(section, section_rule(section));
            }
            Verdict::Undecided | Verdict::Keep => {
                item.verdict = if patterns::is_bio_sentence(&item.candidate.text) {
                    Verdict::Remove(Category::AuthorBio, "author_bio.sentence")
                } else {
                    Verdict::Remove(section, section_rule(section))
                };
            }
            Verdict::Remove(..) => {}
        }
    }
}

fn section_rule(category: Category) -> &'static str {
    lexicon::rule_name(category, lexicon::RuleKind::Section)
}

fn finish(items: Vec<Item>, mut article: Article) -> Article {
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
                article.blocks.push(Block {
                    kind,
                    text: item.candidate.text,
                });
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
                rule: "position.outside_article",
            }),
        }
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_cut_ascii_words_like_any_other() {
        for word in [
            "Reuters",
            "GOVERNMENT",
            "Minist",
            "Ärzteschaft",
            "ΚΟΣΜΟΣ",
            "ΟΔΥΣΣΕΥΣ",
        ] {
            let lowered_then_cut: String = word.to_lowercase().chars().take(6).collect();
            assert_eq!(stem(word), lowered_then_cut, "{word}");
        }
    }

    fn item(text: &str, link_chars: usize) -> Item {
        let mut candidate = Candidate::new(text.to_string(), BlockKind::Paragraph);
        candidate.link_chars = link_chars;
        Item {
            stats: Stats::of(&candidate),
            candidate,
            verdict: Verdict::Keep,
            rule_hit: false,
            opens_section: false,
            norm: OnceCell::new(),
            stems: OnceCell::new(),
        }
    }

    #[test]
    fn excerpts_cut_short() {
        assert!(is_cut_short(&item(
            "Unemployment is still ... Read More",
            9
        )));
        assert!(is_cut_short(&item(
            "Les travaux s'achèveront au printemps …",
            0
        )));
        assert!(is_cut_short(&item("Die Fähre fährt ab Mai [...]", 0)));
        assert!(is_cut_short(&item("Die Fähre fährt ab Mai […]", 0)));
        assert!(!is_cut_short(&item("The vote was close. Read more", 9)));
        assert!(!is_cut_short(&item("She paused... and then went on.", 0)));
    }

    #[test]
    fn words_count_in_ascii_and_beyond() {
        assert_eq!(count_words("The 3 little pigs — and a wolf !"), 7);
        assert_eq!(count_words("東京 café"), 2);
    }
}
