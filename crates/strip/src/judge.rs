//! The judge: weighs the rules' verdicts against the second opinion (the HTML front end's
//! ancestor scoring, `html::second`) and overrules them where the evidence says so. Every
//! overruled block is recorded with the judge's rule, so `--explain` shows the decision.
//!
//! Policy (four rulings: three give blocks back, the last removes):
//! - `judge.lost_article`: the rules kept less than [`LOST_SHARE`] of the words the second
//!   opinion calls article, and the second opinion holds a plausible article (at least
//!   [`MIN_ARTICLE_WORDS`] words). Its blocks that the rules removed on structural evidence
//!   alone (a class or id name, a tag, a position outside the chosen container) come back.
//!   Blocks removed for what they say (a cookie notice's wording, a section the page opens
//!   with a "Comments" heading) stay removed, and so do the title and the byline, which
//!   went to the header, and comments (a thread beside a short article is where a second
//!   opinion goes wrong, not where the rules do), and a sign-up form (its e-mail field says
//!   what it is, whatever wraps it). This is where the rules lose whole articles: markup that wraps the
//!   article in a class named like boilerplate (a newsletter platform's `post` inside its
//!   `newsletter` wrapper), a page whose main container the front end missed.
//!
//! - `judge.short_article`: the rules kept nothing at all, and the main container holds a
//!   short article the rules removed for where it stands alone (before a headline they did
//!   not find, after the article they did not find): a photo post's one sentence, a short
//!   news item. Its sentences come back — each at least [`SENTENCE_MIN_WORDS`] words ending
//!   a sentence, not mostly links, in no card of a grid (a listing's entries are no
//!   article), [`SHORT_ARTICLE_MIN_WORDS`] words at least between them. On a page that
//!   declares itself an article, so do the sentences in the main container or the second
//!   opinion's article that a class or tag name removed (a short post inside a newsletter
//!   platform's `newsletter` wrapper, too short for `judge.lost_article`), unless their own
//!   wording is boilerplate's, and never header material, comments, a cookie notice, the
//!   site's footer, a caption or an overlay's text (a shop's pop-up on a page declared an
//!   article).
//!
//! - `judge.description`: the rules kept nothing, the page declares itself an article, and
//!   its markup holds fewer words than its own description, which holds a plausible
//!   article ([`MIN_ARTICLE_WORDS`] words at least): a script application's shell (a forum
//!   thread or a post that JavaScript draws, served without its scripts' output or a
//!   `<noscript>` view). The description is then all the page says of its article, and it
//!   is the body — the longest one the page gives (`og:`, `twitter:`, `<meta>`, JSON-LD),
//!   without the mark of its cut and the word the cut broke. The output says so
//!   (`body_source: description`), so a corpus can keep such bodies apart. A shop's or a
//!   service's shell declares no article and stays empty.
//!
//! - `judge.after_article` (the one ruling that removes): after the rulings above, the
//!   blocks the rules keep after the second opinion's last block, outside its article, when
//!   they weigh [`AFTER_ARTICLE_MAX_SHARE`] of its prose at most and the rules keep
//!   [`AFTER_ARTICLE_MIN_PROSE`] words of its prose at least (both opinions agree on the
//!   article; where the rules keep none of the second opinion's, it chose another region,
//!   and what they keep after it is their article, never a tail). Ancestor scoring ends an article
//!   where its container ends; what the rules keep beyond it, a short tail, is the
//!   furniture set under articles in any language and markup (a call to action, a rating
//!   widget, a sign-in prompt, an author box, a "keep reading" teaser) that no rule knew.
//!   A tail as long as a quarter of the article is more likely its own last sections, which
//!   the second opinion cut off (its container is one section of a long page): it stays.
//!
//! The judge sees plain data (one [`Seat`] per block), never the DOM, and does no IO.

use crate::model::Category;
use crate::rules::{Rule, RuleKind};

/// A decision of the judge, with its stable name (`--explain` prints it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ruling {
    /// The rules lost the article the second opinion found: its blocks came back.
    LostArticle,
    /// The rules kept nothing; the main container's short article came back.
    ShortArticle,
    /// The page is a script application's shell: its description is the body.
    Description,
}

impl Ruling {
    /// The stable name, e.g. `"judge.lost_article"`.
    pub const fn name(self) -> &'static str {
        match self {
            Ruling::LostArticle => "judge.lost_article",
            Ruling::ShortArticle => "judge.short_article",
            Ruling::Description => "judge.description",
        }
    }
}

/// A plausible article holds at least this many words (outside the title and byline).
pub(crate) const MIN_ARTICLE_WORDS: usize = 30;
/// The rules lost the article when they kept less than this share of the second opinion's
/// words.
pub(crate) const LOST_SHARE: f64 = 0.5;

/// A short article's sentence has at least this many words…
pub(crate) const SENTENCE_MIN_WORDS: usize = 4;
/// …and its sentences at least this many between them.
pub(crate) const SHORT_ARTICLE_MIN_WORDS: usize = 8;

/// `judge.after_article` needs this many words of prose in the second opinion's article…
pub(crate) const AFTER_ARTICLE_MIN_PROSE: usize = 100;
/// …and the tail it removes weighs this share of them at most.
pub(crate) const AFTER_ARTICLE_MAX_SHARE: f64 = 0.25;

/// One block as the judge sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seat {
    pub words: usize,
    /// Prose-shaped: ends a sentence, mostly not links.
    pub sentence: bool,
    /// Prose: a sentence long enough to be a paragraph, or a long block, not mostly links.
    pub prose: bool,
    /// Inside the front end's main container, and in no card of a grid.
    pub in_main: bool,
    /// The rules keep it.
    pub kept: bool,
    /// The second opinion calls it article.
    pub second: bool,
    /// The rules removed it, and why.
    pub removed: Option<(Category, Rule)>,
    /// A level-1 heading: the page's headline.
    pub headline: bool,
    /// Its wording matches a boilerplate rule, whatever removed it.
    pub wording_hit: bool,
}

/// Whether a removal rests on structure alone (where the block sits, what markup names its
/// region), not on what the block says: the kind of evidence a second opinion may overrule.
fn structural(rule: Rule) -> bool {
    matches!(
        rule.kind(),
        RuleKind::Class | RuleKind::Markup | RuleKind::Position
    )
}

/// Whether the judge may give a removed block back: the second opinion calls it article, the
/// rules removed it on structure alone, and it is neither header material (the title and
/// byline went to the header) nor a comment (a thread beside a short article is the second
/// opinion's classic wrong region, not a lost article) nor a cookie notice (a consent
/// manager's preference centre holds more prose than a listing page: never the article)
/// nor the site's footer (its "about us" prose is the second opinion's pick on a page whose
/// own text is a product's few lines or only in its scripts) unless `footer_holds_headline`:
/// a page wrapped whole in a "footer" class (a sticky-footer layout) has its headline there;
/// nor a sign-up form (an e-mail field is the box's function, not a name markup gives it: a
/// newsletter platform's post comes back from its `newsletter` wrapper, its form does not).
fn restorable(seat: &Seat, footer_holds_headline: bool) -> bool {
    seat.second
        && seat.removed.is_some_and(|(category, rule)| {
            !matches!(
                category,
                Category::Title | Category::Byline | Category::Comments | Category::Cookie
            ) && (category != Category::Legal || footer_holds_headline)
                && structural(rule)
                && !matches!(rule, Rule::HtmlFormEmail | Rule::HtmlInputEmail)
        })
}

/// `judge.description` (see the module's policy): the body a shell's description gives, when
/// the rules kept nothing of a page holding `page_words` words in all its blocks.
pub(crate) fn description_body(
    summary: Option<&str>,
    page_words: usize,
    declared_article: bool,
) -> Option<String> {
    let summary = summary?.trim();
    let words = crate::words::count_words(summary);
    if !declared_article || words < MIN_ARTICLE_WORDS || page_words >= words {
        return None;
    }
    Some(without_cut_mark(summary).to_string())
}

/// A description without the mark a site put where it cut it ("…", "...", "[…]"), and
/// without the word the cut broke when the mark follows it directly ("enough to se…").
fn without_cut_mark(text: &str) -> &str {
    const CUT_MARKS: [&str; 5] = ["[…]", "[...]", "(…)", "…", "..."];
    let Some(rest) = CUT_MARKS.iter().find_map(|mark| text.strip_suffix(mark)) else {
        return text;
    };
    if rest.ends_with(char::is_alphanumeric) {
        // The broken word goes, unless it is the only one.
        if let Some((before, _)) = rest.rsplit_once(char::is_whitespace) {
            return before.trim_end();
        }
    }
    rest.trim_end()
}

/// The blocks to give back to the article, each with the judge's rule (empty when the judge
/// upholds the rules).
pub(crate) fn overrule(seats: &[Seat], declared_article: bool) -> Vec<(usize, Ruling)> {
    let lost = lost_article(seats);
    if lost.is_empty() {
        short_article(seats, declared_article)
    } else {
        lost
    }
}

/// `judge.after_article` (see the module's policy): the kept blocks to remove, after the
/// other rulings have given theirs back.
pub(crate) fn after_article(seats: &[Seat]) -> Vec<usize> {
    let Some(last) = seats.iter().rposition(|s| s.second) else {
        return Vec::new();
    };
    // The article both opinions agree on: the second opinion's prose that the rules keep.
    // (Where they keep none of it, the second opinion chose another region, and what the rules
    // keep after it is their article, not a tail.)
    let prose: usize = seats
        .iter()
        .filter(|s| s.second && s.prose && s.kept)
        .map(|s| s.words)
        .sum();
    let tail: Vec<usize> = seats
        .iter()
        .enumerate()
        .skip(last + 1)
        .filter(|(_, s)| s.kept && !s.second)
        .map(|(i, _)| i)
        .collect();
    let tail_words: usize = tail
        .iter()
        .filter_map(|&i| seats.get(i))
        .map(|s| s.words)
        .sum();
    if prose < AFTER_ARTICLE_MIN_PROSE || tail_words as f64 > AFTER_ARTICLE_MAX_SHARE * prose as f64
    {
        return Vec::new();
    }
    tail
}

/// `judge.short_article` (see the module's policy).
fn short_article(seats: &[Seat], declared_article: bool) -> Vec<(usize, Ruling)> {
    if seats.iter().any(|s| s.kept) {
        return Vec::new();
    }
    let alone = |s: &Seat| {
        s.in_main
            && s.sentence
            && s.words >= SENTENCE_MIN_WORDS
            && s.removed
                .is_some_and(|(_, rule)| rule.kind() == RuleKind::Position)
    };
    let named_away = |s: &Seat| {
        declared_article
            && (s.in_main || s.second)
            && s.sentence
            && s.words >= SENTENCE_MIN_WORDS
            && !s.wording_hit
            && s.removed.is_some_and(|(category, rule)| {
                matches!(rule.kind(), RuleKind::Class | RuleKind::Markup)
                    && !matches!(
                        category,
                        Category::Title
                            | Category::Byline
                            | Category::Comments
                            | Category::Cookie
                            | Category::Legal
                            | Category::Caption
                            | Category::Other
                    )
            })
    };
    let alone = |s: &Seat| alone(s) || named_away(s);
    let words: usize = seats.iter().filter(|s| alone(s)).map(|s| s.words).sum();
    if words < SHORT_ARTICLE_MIN_WORDS {
        return Vec::new();
    }
    seats
        .iter()
        .enumerate()
        .filter(|(_, s)| alone(s))
        .map(|(i, _)| (i, Ruling::ShortArticle))
        .collect()
}

/// `judge.lost_article` (see the module's policy).
fn lost_article(seats: &[Seat]) -> Vec<(usize, Ruling)> {
    let footer_holds_headline = seats
        .iter()
        .any(|s| s.headline && matches!(s.removed, Some((Category::Legal, _))));
    let restorable = |s: &Seat| restorable(s, footer_holds_headline);
    // The article the second opinion would make: what the rules kept of it, and what the
    // judge may give back.
    let second_words: usize = seats
        .iter()
        .filter(|s| s.second && (s.kept || restorable(s)))
        .map(|s| s.words)
        .sum();
    let kept_words: usize = seats.iter().filter(|s| s.kept).map(|s| s.words).sum();
    if second_words < MIN_ARTICLE_WORDS || kept_words as f64 >= LOST_SHARE * second_words as f64 {
        return Vec::new();
    }
    seats
        .iter()
        .enumerate()
        .filter(|(_, s)| restorable(s))
        .map(|(i, _)| (i, Ruling::LostArticle))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(words: usize, second: bool, removed: Option<(Category, Rule)>) -> Seat {
        Seat {
            words,
            sentence: true,
            prose: words >= 20,
            in_main: true,
            kept: removed.is_none(),
            second,
            removed,
            headline: false,
            wording_hit: false,
        }
    }

    const CLASS_NAV: Option<(Category, Rule)> =
        Some((Category::Navigation, Rule::HtmlClassNavigation));

    #[test]
    fn a_short_tail_after_the_second_opinions_article_goes() {
        // The article (second opinion and rules agree), then two kept lines after it that the
        // second opinion leaves out: 20 words against 120 of prose.
        let mut seats = vec![seat(5, false, CLASS_NAV)];
        seats.extend((0..4).map(|_| seat(30, true, None)));
        seats.push(seat(12, false, None));
        seats.push(seat(8, false, None));
        assert_eq!(after_article(&seats), vec![5, 6]);
        // A kept block of the second opinion's after a gap ends the article later.
        seats.push(seat(25, true, None));
        assert!(after_article(&seats).is_empty());
    }

    #[test]
    fn a_long_tail_or_a_short_article_stays() {
        // 40 words after 120 of prose: more than a quarter, the article's own last sections.
        let mut seats: Vec<Seat> = (0..4).map(|_| seat(30, true, None)).collect();
        seats.push(seat(40, false, None));
        assert!(after_article(&seats).is_empty());
        // Under 100 words of prose the second opinion's article is too short to judge by.
        let mut seats: Vec<Seat> = (0..3).map(|_| seat(30, true, None)).collect();
        seats.push(seat(5, false, None));
        assert!(after_article(&seats).is_empty());
        // The second opinion's article the rules removed (it chose another region): what
        // the rules keep after it is their article, not a tail.
        let mut seats: Vec<Seat> = (0..4).map(|_| seat(30, true, CLASS_NAV)).collect();
        seats.push(seat(20, false, None));
        assert!(after_article(&seats).is_empty());
        // Blocks before the article, and removed blocks after it, are not the tail's.
        let mut seats = vec![seat(10, false, None)];
        seats.extend((0..4).map(|_| seat(30, true, None)));
        seats.push(seat(10, false, CLASS_NAV));
        assert!(after_article(&seats).is_empty());
        // No second opinion, no ruling.
        assert!(after_article(&[seat(200, false, None), seat(5, false, None)]).is_empty());
    }

    #[test]
    fn a_lost_article_comes_back_less_its_header_and_its_wording_hits() {
        let seats = [
            seat(6, true, Some((Category::Title, Rule::TitleRepeat))),
            seat(80, true, CLASS_NAV),
            seat(40, true, CLASS_NAV),
            seat(12, true, Some((Category::Cookie, Rule::CookiePhrase))),
            seat(9, false, CLASS_NAV),
        ];
        assert_eq!(
            overrule(&seats, false),
            [(1, Ruling::LostArticle), (2, Ruling::LostArticle)]
        );
    }

    #[test]
    fn a_sign_up_form_stays_removed_when_the_article_comes_back() {
        let wrapper = Some((Category::Newsletter, Rule::HtmlClassNewsletter));
        let seats = [
            seat(8, false, None),
            seat(90, true, wrapper),
            seat(70, true, wrapper),
            seat(25, true, Some((Category::Newsletter, Rule::HtmlFormEmail))),
            seat(12, true, Some((Category::Newsletter, Rule::HtmlInputEmail))),
        ];
        assert_eq!(
            overrule(&seats, false),
            [(1, Ruling::LostArticle), (2, Ruling::LostArticle)]
        );
    }

    #[test]
    fn a_consent_centre_is_no_lost_article() {
        let dialog = Some((Category::Cookie, Rule::HtmlRoleDialog));
        let seats = [
            seat(12, false, None),
            seat(90, true, dialog),
            seat(70, true, dialog),
            seat(60, true, dialog),
        ];
        assert_eq!(overrule(&seats, false), []);
    }

    #[test]
    fn a_site_footer_is_no_lost_article() {
        let footer = Some((Category::Legal, Rule::HtmlClassFooter));
        let seats = [
            seat(12, false, None),
            seat(45, true, footer),
            seat(40, true, footer),
        ];
        assert_eq!(overrule(&seats, false), []);
    }

    #[test]
    fn a_page_wrapped_in_a_footer_class_keeps_its_article() {
        // A sticky-footer layout: the headline and the article sit in the "footer" wrapper.
        let footer = Some((Category::Legal, Rule::HtmlClassFooter));
        let mut headline = seat(8, false, footer);
        headline.headline = true;
        let seats = [
            seat(6, false, None),
            headline,
            seat(45, true, footer),
            seat(40, true, footer),
        ];
        assert_eq!(
            overrule(&seats, false),
            [(2, Ruling::LostArticle), (3, Ruling::LostArticle)]
        );
    }

    #[test]
    fn a_comment_thread_is_no_lost_article() {
        let seats = [
            seat(35, true, None),
            seat(
                60,
                true,
                Some((Category::Comments, Rule::HtmlClassComments)),
            ),
            seat(
                70,
                true,
                Some((Category::Comments, Rule::HtmlClassComments)),
            ),
        ];
        assert!(overrule(&seats, false).is_empty());
    }

    #[test]
    fn the_rules_stand_when_they_kept_the_article() {
        let seats = [
            seat(80, true, None),
            seat(
                40,
                true,
                Some((Category::Comments, Rule::HtmlClassComments)),
            ),
        ];
        assert!(overrule(&seats, false).is_empty());
    }

    #[test]
    fn too_little_for_an_article_changes_nothing() {
        let seats = [seat(20, true, CLASS_NAV), seat(5, false, None)];
        assert!(overrule(&seats, false).is_empty());
    }

    const ALONE: Option<(Category, Rule)> =
        Some((Category::Navigation, Rule::PositionBeforeArticle));

    #[test]
    fn a_short_article_the_rules_left_alone_comes_back_when_nothing_was_kept() {
        let mut caption = seat(9, false, Some((Category::Caption, Rule::CaptionCredit)));
        caption.sentence = true;
        let seats = [
            seat(7, false, Some((Category::Title, Rule::TitleRepeat))),
            caption,
            seat(9, false, ALONE),
            seat(6, false, ALONE),
        ];
        assert_eq!(
            overrule(&seats, false),
            [(2, Ruling::ShortArticle), (3, Ruling::ShortArticle)]
        );
    }

    #[test]
    fn no_short_article_beside_kept_text_in_cards_or_under_the_minimum() {
        // The rules kept a block: they found the article.
        assert!(overrule(&[seat(12, false, None), seat(9, false, ALONE)], false).is_empty());
        // Too few words between them; fragments are no sentences.
        assert!(overrule(&[seat(5, false, ALONE)], false).is_empty());
        let mut fragment = seat(9, false, ALONE);
        fragment.sentence = false;
        assert!(overrule(&[fragment], false).is_empty());
        // A grid's card (a listing's entry) is no article.
        let mut card = seat(9, false, ALONE);
        card.in_main = false;
        assert!(overrule(&[card, seat(5, false, ALONE)], false).is_empty());
    }

    #[test]
    fn a_short_post_named_away_comes_back_on_a_page_declared_an_article() {
        let newsletter = Some((Category::Newsletter, Rule::HtmlClassNewsletter));
        let seats = [
            seat(6, false, Some((Category::Title, Rule::TitleRepeat))),
            seat(14, false, newsletter),
            seat(9, false, newsletter),
        ];
        assert_eq!(
            overrule(&seats, true),
            [(1, Ruling::ShortArticle), (2, Ruling::ShortArticle)]
        );
        // A page that does not say it is an article (a shop, a listing) keeps them removed.
        assert!(overrule(&seats, false).is_empty());
        // So does a sign-up box's own wording, a caption and an overlay's text.
        let mut pitch = seat(14, false, newsletter);
        pitch.wording_hit = true;
        assert!(overrule(&[pitch], true).is_empty());
        let caption = Some((Category::Caption, Rule::HtmlClassCaption));
        let overlay = Some((Category::Other, Rule::HtmlClassOther));
        assert!(overrule(&[seat(14, false, caption), seat(14, false, overlay)], true).is_empty());
        // Outside the main container and the second opinion's article: no article.
        let mut aside = seat(14, false, newsletter);
        aside.in_main = false;
        assert!(overrule(&[aside], true).is_empty());
    }

    #[test]
    fn a_shells_description_is_its_body_less_the_cut() {
        let long = "Hola a todos. Soy nuevo en la astronomía y quiero empezar a mirar el cielo \
                    de noche con un telescopio sencillo. ¿Refractor o reflector para empezar? \
                    ¿Qué marcas recomiendan y qué accesorios hacen falta de verdad? Mi \
                    presupuesto ronda los trescientos eu…";
        let words = crate::words::count_words(long);
        assert!(words >= MIN_ARTICLE_WORDS, "{words}");
        // (summary, words in the page's blocks, declared article) -> body
        let table: [(Option<&str>, usize, bool, Option<&str>); 6] = [
            // The word the cut broke goes with the mark.
            (Some(long), 3, true, long.strip_suffix(" eu…")),
            // A page that holds as many words as its description is no shell.
            (Some(long), words, true, None),
            // A shop's or a service's shell declares no article.
            (Some(long), 0, false, None),
            // A one-line description is a label, not an article.
            (
                Some("Un foro sobre astronomía para aficionados."),
                0,
                true,
                None,
            ),
            (None, 0, true, None),
            // A mark after a space cut no word; one after a whole sentence neither.
            (
                Some(&format!("{} y los …", long.trim_end_matches(" eu…"))),
                0,
                true,
                Some(&format!("{} y los", long.trim_end_matches(" eu…"))),
            ),
        ];
        for (summary, page_words, declared, body) in table {
            assert_eq!(
                description_body(summary, page_words, declared).as_deref(),
                body,
                "{summary:?} {page_words} {declared}"
            );
        }
        assert_eq!(without_cut_mark("Ends here. [...]"), "Ends here.");
        assert_eq!(without_cut_mark("No mark at all."), "No mark at all.");
        assert_eq!(without_cut_mark("Broken…"), "Broken");
    }

    #[test]
    fn only_structural_evidence_is_overruled() {
        assert!(structural(Rule::HtmlClassNewsletter));
        assert!(structural(Rule::HtmlOutsideMain));
        assert!(structural(Rule::PositionBeforeArticle));
        assert!(!structural(Rule::OtherRepeat));
        assert!(!structural(Rule::NewsletterPhrase));
    }
}
