//! The rule registry: every reason a block can be removed for, in one table.
//!
//! Each rule has a stable name (printed by `--explain` and in manifests' reasons), the
//! category it usually removes into, the kind of evidence it reads, whether it opens a
//! section (what follows belongs to it), and a one-line doc. Removed blocks carry the
//! [`Rule`]; passes test rules by variant or by [`RuleKind`], never by name. A block's own
//! category can differ from its rule's (a structural region's block that a lexicon names more
//! precisely; a footer inside an article), so [`crate::RemovedBlock`] carries both.

use crate::model::Category;

/// What kind of evidence a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleKind {
    /// The whole block is a known label ("Subscribe", "Teilen").
    Label,
    /// A short heading that starts with a known section heading ("Related articles").
    Heading,
    /// Known wording anywhere in a short block ("we use cookies").
    Phrase,
    /// The block's shape: its pattern of words, numbers, links or punctuation.
    Shape,
    /// A class or id token of an enclosing element (`sidebar`, `newsletter-box`).
    Class,
    /// An element, role, attribute or form around the block (`<nav>`, `role=banner`).
    Markup,
    /// Where the block stands relative to the article (before its title, after its end).
    Position,
    /// The block stands in a section a heading of the category opened.
    Section,
    /// What the page says elsewhere: repeats, feeds, teasers, the page's own metadata.
    Context,
}

/// Whether a rule's block opens a section of the rule's category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Opens {
    Never,
    /// When the block reads as a heading (short, no sentence end).
    AsHeading,
    Always,
    /// Decided by a later pass (the first of a cluster, e.g. a comment thread's first
    /// signature).
    InContext,
}

macro_rules! rules {
    ($( $variant:ident = $name:literal, $category:ident, $kind:ident, $opens:ident, $doc:literal; )*) => {
        /// Why a block was removed: one variant per rule of the registry ([`Rule::ALL`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Rule {
            $( #[doc = $doc] $variant, )*
        }

        impl Rule {
            /// Every rule, in registry order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The stable name, e.g. `"newsletter.phrase"`.
            pub const fn name(self) -> &'static str {
                match self { $( Rule::$variant => $name, )* }
            }

            /// The category the rule usually removes into.
            pub const fn category(self) -> Category {
                match self { $( Rule::$variant => Category::$category, )* }
            }

            /// The kind of evidence the rule reads.
            pub const fn kind(self) -> RuleKind {
                match self { $( Rule::$variant => RuleKind::$kind, )* }
            }

            /// Whether the rule's block opens a section.
            pub const fn opens(self) -> Opens {
                match self { $( Rule::$variant => Opens::$opens, )* }
            }

            /// One line on what the rule recognises.
            pub const fn doc(self) -> &'static str {
                match self { $( Rule::$variant => $doc, )* }
            }
        }
    };
}

rules! {
    // Lexicons (crate::lexicon): labels, section headings, phrases.
    NavigationLabel = "navigation.label", Navigation, Label, Never, "A menu entry, skip link or pagination label.";
    NavigationPhrase = "navigation.phrase", Navigation, Phrase, Never, "Wording of site navigation (\"skip to content\").";
    NewsletterLabel = "newsletter.label", Newsletter, Label, AsHeading, "A newsletter sign-up label or button.";
    NewsletterHeading = "newsletter.heading", Newsletter, Heading, Always, "A heading that opens a newsletter box.";
    NewsletterPhrase = "newsletter.phrase", Newsletter, Phrase, Never, "A call to sign up for a newsletter.";
    AppealLabel = "appeal.label", Appeal, Label, Never, "A donate, subscribe or membership button.";
    AppealHeading = "appeal.heading", Appeal, Heading, Always, "A heading that opens a donation or subscription appeal.";
    AppealPhrase = "appeal.phrase", Appeal, Phrase, Never, "A call to support, donate or subscribe.";
    AppealExclamation = "appeal.exclamation", Appeal, Phrase, Never, "A short imperative to support or donate, ending in \"!\".";
    CookieLabel = "cookie.label", Cookie, Label, Never, "A cookie banner's button (\"Accept all\").";
    CookieHeading = "cookie.heading", Cookie, Heading, Always, "A heading of a cookie or consent notice.";
    CookiePhrase = "cookie.phrase", Cookie, Phrase, Never, "Wording of a cookie or consent notice.";
    ShareLabel = "share.label", Share, Label, Never, "A share or social button label.";
    ShareHeading = "share.heading", Share, Heading, Always, "A heading over share buttons (\"Share this article\").";
    SharePhrase = "share.phrase", Share, Phrase, Never, "A call to share or follow.";
    RelatedLabel = "related.label", Related, Label, AsHeading, "A label of a list of other stories (\"Most read\").";
    RelatedHeading = "related.heading", Related, Heading, Always, "A heading that opens a list of other stories.";
    AudioLabel = "audio.label", Audio, Label, Never, "An audio player's label (\"Listen\").";
    AudioPhrase = "audio.phrase", Audio, Phrase, Never, "Wording of an audio player or an AI-voice notice.";
    CommentsLabel = "comments.label", Comments, Label, AsHeading, "A comment section's label or button (\"Reply\").";
    CommentsHeading = "comments.heading", Comments, Heading, Always, "A heading that opens the comments.";
    CommentsPhrase = "comments.phrase", Comments, Phrase, Never, "Wording of a comment form or thread.";
    AdsLabel = "ads.label", Ads, Label, Never, "An ad marker (\"Advertisement\", \"Anzeige\").";
    AdsPhrase = "ads.phrase", Ads, Phrase, Never, "Wording of an ad or sponsored slot.";
    LegalLabel = "legal.label", Legal, Label, Never, "A legal footer label (\"Privacy policy\").";
    LegalPhrase = "legal.phrase", Legal, Phrase, Never, "Legal or copyright wording (\"all rights reserved\").";
    AuthorBioLabel = "author_bio.label", AuthorBio, Label, AsHeading, "An author box's label (\"About the author\").";
    AuthorBioHeading = "author_bio.heading", AuthorBio, Heading, Always, "A heading that opens an author biography.";
    CaptionLabel = "caption.label", Caption, Label, Never, "A media label (\"Photo\", \"Enlarge image\").";

    // Sections: the blocks under a heading that opened one (classify::tail).
    SectionNavigation = "section.navigation", Navigation, Section, Never, "In a section opened by a navigation block.";
    SectionNewsletter = "section.newsletter", Newsletter, Section, Never, "In a newsletter box opened by its heading.";
    SectionAppeal = "section.appeal", Appeal, Section, Never, "In an appeal opened by its heading.";
    SectionCookie = "section.cookie", Cookie, Section, Never, "In a cookie notice opened by its heading.";
    SectionShare = "section.share", Share, Section, Never, "In a section opened by a share block.";
    SectionRelated = "section.related", Related, Section, Never, "In a list of other stories opened by its heading.";
    SectionCaption = "section.caption", Caption, Section, Never, "In a section opened by a caption block.";
    SectionAudio = "section.audio", Audio, Section, Never, "In a section opened by an audio block.";
    SectionComments = "section.comments", Comments, Section, Never, "In the comments, opened by their heading.";
    SectionAds = "section.ads", Ads, Section, Never, "In a section opened by an ad marker.";
    SectionLegal = "section.legal", Legal, Section, Never, "In a legal footer opened by a legal line.";
    SectionAuthorBio = "section.author_bio", AuthorBio, Section, Never, "In an author biography opened by its heading.";
    SectionByline = "section.byline", Byline, Section, Never, "In a section opened by a byline block.";
    SectionTitle = "section.title", Title, Section, Never, "In a section opened by a title block.";
    SectionOther = "section.other", Other, Section, Never, "After the article's end, before any recognised section.";

    // Shape rules (crate::patterns, classify::wording).
    AudioAiNotice = "audio.ai_notice", Audio, Shape, Never, "A notice that the article is read by an AI voice.";
    RelatedHeadingShape = "related.heading_shape", Related, Shape, Always, "A heading shaped like \"More … stories\".";
    RelatedSiteMore = "related.site_more", Related, Context, Always, "\"More\" and the site's name: a heading over the site's other stories.";
    CommentsHeadingCount = "comments.heading_count", Comments, Shape, Always, "A heading that counts comments (\"12 Comments\").";
    CommentsSignature = "comments.signature", Comments, Shape, InContext, "A commenter's signature line (\"jane says:\").";
    CommentsPostMeta = "comments.post_meta", Comments, Shape, Always, "A forum post's header (user, date, post number).";
    CommentsThread = "comments.thread", Comments, Context, InContext, "The heading or first post of a thread whose posts repeat a furniture line (\"Reply · Report\").";
    CommentsCount = "comments.count", Comments, Shape, AsHeading, "A comment count (\"14 comments\").";
    BylineReadingTime = "byline.reading_time", Byline, Shape, Never, "A reading time (\"5 min read\").";
    BylineCredits = "byline.credits", Byline, Shape, Never, "A credits line (\"Reporting by …; editing by …\").";
    BylineReviewer = "byline.reviewer", Byline, Shape, Never, "A reviewer or fact-checker credit.";
    BylineContact = "byline.contact", Byline, Shape, Never, "A contact line (an e-mail address, \"Contact the author\").";
    BylineAgency = "byline.agency", Byline, Shape, Never, "A news agency's tag (\"(AP)\", \"Reuters\").";
    CaptionGallery = "caption.gallery", Caption, Shape, Never, "A gallery counter or label (\"1 of 12\").";
    CaptionCredit = "caption.credit", Caption, Shape, Never, "A photo credit (\"Photo: …\", \"© AFP\").";
    ShareStrip = "share.strip", Share, Shape, Never, "A row of share buttons' names.";
    ShareFollow = "share.follow", Share, Shape, Never, "A call to follow on social networks.";
    NewsletterCall = "newsletter.call", Newsletter, Shape, AsHeading, "A call to sign up, shaped as such.";
    LegalSourceLine = "legal.source_line", Legal, Shape, Never, "A source or syndication line (\"This story first appeared in …\").";
    LegalCopyright = "legal.copyright", Legal, Shape, Never, "A short line starting with ©, \"copyright\" or \"(c)\".";
    OtherShortcode = "other.shortcode", Other, Shape, Never, "An unrendered CMS shortcode (\"[caption id=…]\").";
    OtherTimestamp = "other.timestamp", Other, Shape, Never, "A bare timestamp.";
    LinksDense = "links.dense", Navigation, Shape, Never, "A short paragraph of mostly links inside the article (not a heading, list item or table row).";
    ShortRun = "short.run", Other, Shape, Never, "Three or more short blocks in a row without prose: labels, not subheadings.";
    CaptionAltText = "caption.alt_text", Caption, Shape, Never, "An image's alt text before its caption.";
    AuthorBioSentence = "author_bio.sentence", AuthorBio, Shape, Never, "A sentence shaped as an author's bio (\"Jane Doe is a reporter …\").";
    AuthorBioNamed = "author_bio.named", AuthorBio, Context, Never, "One of the article's last paragraphs, opening with its author's name: the author's bio.";
    AuthorBioAbout = "author_bio.about", AuthorBio, Context, Never, "Among the article's last blocks, an \"About Jane Doe\" heading and the paragraphs after it that name its subject: an author's or a publisher's box.";

    // Context: repeats, feeds, teasers (classify::feeds, classify::teasers).
    OtherRepeat = "other.repeat", Other, Context, Never, "A repeat of an earlier block, or of its start cut short with \"…\"; or a ticker: one short phrase written out again and again.";
    OtherPostFurniture = "other.post_furniture", Other, Context, Never, "A short line repeated under each post or entry of a thread or feed that is the page's content (\"Reply · Report\", \"3 likes\", \"Learn more\").";
    OtherCopy = "other.copy", Other, Context, Never, "A later copy of a part of the page, block for block (a layout drawn twice: desktop and mobile, a carousel's clones).";
    RelatedFeed = "related.feed", Related, Context, Always, "The first of three timestamps within a dozen blocks: a feed.";
    RelatedTeaserList = "related.teaser_list", Related, Context, Never, "List items that read as other stories' teasers.";
    SiteRepeat = "site.repeat", Other, Context, Never, "A block the host repeats on many pages (site learning), outside the article or mostly links.";
    AppealPitch = "appeal.pitch", Appeal, Context, Never, "An off-topic paragraph right over a donate button: the appeal's text.";
    NewsletterPitch = "newsletter.pitch", Newsletter, Context, Never, "An off-topic paragraph right over a sign-up button: the box's text.";
    RelatedTeaserParagraphs = "related.teaser_paragraphs", Related, Context, Never, "Paragraphs after the article that read as other stories' teasers.";
    RelatedHeadingOverLinks = "related.heading_over_links", Related, Context, InContext, "A heading over three or more other stories' headlines (links), in any language: a section of other stories.";
    RelatedTeaserEntries = "related.teaser_entries", Related, Context, Never, "Entries of one shape (labels over a short paragraph) repeated at the end, off the article's topic: a feed.";

    // The head (classify::head).
    BylineHead = "byline.head", Byline, Shape, Never, "A byline or dateline before the article (author and date to the header).";
    BylineInline = "byline.inline", Byline, Shape, Never, "A byline or dateline inside the article.";
    TitleHead = "title.head", Title, Context, Never, "The title, taken from the head (to the header).";
    TitleStandfirst = "title.standfirst", Title, Context, Never, "The standfirst: the summary between headline and byline.";
    TitleRepeat = "title.repeat", Title, Context, Never, "A heading repeating most of the title.";

    // Position (classify::head, classify::core, classify::finish).
    PositionBeforeTitle = "position.before_title", Navigation, Position, Never, "Before the title: menus and labels.";
    PositionBeforeArticle = "position.before_article", Navigation, Position, Never, "Before the article, on a page without a title block.";
    PositionBetweenTitleAndLead = "position.between_title_and_lead", Caption, Position, Never, "Between title and lead: captions and credits.";
    PositionAfterArticle = "position.after_article", Other, Position, Never, "After the article, before the tail: footer furniture.";
    PositionOutsideArticle = "position.outside_article", Other, Position, Never, "Undecided after every pass, outside the article.";

    // The judge (crate::judge): the rules' verdicts weighed against the second opinion.
    JudgeAfterArticle = "judge.after_article", Other, Context, Never, "Kept by the rules after the second opinion's article, and a quarter of its prose at most: the furniture under an article (a call to action, a rating widget, a sign-in prompt, an author box).";

    // Markup (crate::html): class and id tokens.
    HtmlClassNavigation = "html.class.navigation", Navigation, Class, Never, "In an element whose class or id names navigation.";
    HtmlClassNewsletter = "html.class.newsletter", Newsletter, Class, Never, "In an element whose class or id names a newsletter box.";
    HtmlClassAppeal = "html.class.appeal", Appeal, Class, Never, "In an element whose class or id names an appeal or paywall.";
    HtmlClassCookie = "html.class.cookie", Cookie, Class, Never, "In an element whose class or id names a cookie notice.";
    HtmlClassShare = "html.class.share", Share, Class, Never, "In an element whose class or id names share buttons.";
    HtmlClassRelated = "html.class.related", Related, Class, Never, "In an element whose class or id names related stories.";
    HtmlClassCaption = "html.class.caption", Caption, Class, Never, "In an element whose class or id names a caption or credit.";
    HtmlClassAudio = "html.class.audio", Audio, Class, Never, "In an element whose class or id names an audio player.";
    HtmlClassComments = "html.class.comments", Comments, Class, Never, "In an element whose class or id names comments.";
    HtmlClassAds = "html.class.ads", Ads, Class, Never, "In an element whose class or id names an ad slot.";
    HtmlClassLegal = "html.class.legal", Legal, Class, Never, "In an element whose class or id names legal text.";
    HtmlClassAuthorBio = "html.class.author_bio", AuthorBio, Class, Never, "In an element whose class or id names an author box.";
    HtmlClassByline = "html.class.byline", Byline, Class, Never, "In an element whose class or id names a byline.";
    HtmlClassTitle = "html.class.title", Title, Class, Never, "In an element whose class or id names the title.";
    HtmlClassOther = "html.class.other", Other, Class, Never, "In an element whose class or id names other furniture (modal, toolbar).";
    HtmlClassHeader = "html.class.header", Navigation, Class, Never, "In a page header named by class (in an article: kept).";
    HtmlClassFooter = "html.class.footer", Legal, Class, Never, "In a footer named by class (in an article: other).";

    // Markup: roles, tags, forms, attributes.
    HtmlRoleNavigation = "html.role.navigation", Navigation, Markup, Never, "In `role=navigation`.";
    HtmlRoleSearch = "html.role.search", Navigation, Markup, Never, "In `role=search`.";
    HtmlRoleMenu = "html.role.menu", Navigation, Markup, Never, "In `role=menu`, `menubar` or `tablist`.";
    HtmlRoleComplementary = "html.role.complementary", Related, Markup, Never, "In `role=complementary`.";
    HtmlRoleBanner = "html.role.banner", Navigation, Markup, Never, "In `role=banner` outside the article.";
    HtmlRoleContentinfo = "html.role.contentinfo", Legal, Markup, Never, "In `role=contentinfo` (in an article: other).";
    HtmlRoleDialog = "html.role.dialog", Other, Markup, Never, "In `role=dialog`: a cookie notice if its text says so.";
    HtmlTagNav = "html.tag.nav", Navigation, Markup, Never, "In a `<nav>`.";
    HtmlTagMenu = "html.tag.menu", Navigation, Markup, Never, "In a `<menu>`.";
    HtmlTagAside = "html.tag.aside", Related, Markup, Never, "In an `<aside>`.";
    HtmlTagFigcaption = "html.tag.figcaption", Caption, Markup, Never, "In a `<figcaption>`.";
    HtmlTagFigure = "html.tag.figure", Caption, Markup, Never, "A paragraph in a `<figure>`.";
    HtmlTagHeader = "html.tag.header", Navigation, Markup, Never, "In a page's `<header>` outside the article.";
    HtmlTagFooter = "html.tag.footer", Legal, Markup, Never, "In a `<footer>` (in an article: other).";
    HtmlTagDialog = "html.tag.dialog", Other, Markup, Never, "In a `<dialog>`: a cookie notice if its text says so.";
    HtmlTagForm = "html.tag.form", Other, Markup, Never, "In a small form of labels and buttons.";
    HtmlFormEmail = "html.form.email", Newsletter, Markup, Never, "In a small form with an e-mail field: a sign-up.";
    HtmlFormSearch = "html.form.search", Navigation, Markup, Never, "In a small search form.";
    HtmlFormComment = "html.form.comment", Comments, Markup, Never, "In a small form with a text area: a comment form.";
    HtmlInputEmail = "html.input.email", Newsletter, Markup, Never, "Around an e-mail input outside any form: a sign-up box.";
    HtmlItempropAuthor = "html.itemprop.author", Byline, Markup, Never, "In an `itemprop=author` element (author to the header).";
    HtmlItempropDate = "html.itemprop.date", Byline, Markup, Never, "In an `itemprop=datePublished` element (date to the header).";
    HtmlRelAuthor = "html.rel.author", Byline, Markup, Never, "In a `rel=author` link (author to the header).";
    HtmlOutsideMain = "html.outside_main", Other, Markup, Never, "Outside the page's main content container.";
}

impl Rule {
    /// The rule of a lexicon label, section heading or phrase of `category` (`kind` is
    /// [`RuleKind::Label`], [`RuleKind::Heading`] or [`RuleKind::Phrase`]), or of a section
    /// of `category` ([`RuleKind::Section`]).
    pub(crate) fn of(category: Category, kind: RuleKind) -> Option<Rule> {
        let slot = match kind {
            RuleKind::Label => 0,
            RuleKind::Heading => 1,
            RuleKind::Phrase => 2,
            RuleKind::Section => 3,
            _ => return None,
        };
        BY_CATEGORY
            .get(category as usize)
            .and_then(|row| row.get(slot))
            .copied()
            .flatten()
    }

    /// The rule for blocks in a section of `category`.
    pub(crate) fn section(category: Category) -> Rule {
        Rule::of(category, RuleKind::Section).unwrap_or(Rule::SectionOther)
    }

    /// The rule of a class or id token naming `category`.
    pub(crate) fn class(category: Category) -> Rule {
        CLASS_BY_CATEGORY
            .get(category as usize)
            .copied()
            .flatten()
            .unwrap_or(Rule::HtmlClassOther)
    }

    /// Does the rule's block open a section? `heading_like`: it reads as a heading.
    pub(crate) fn opens_section(self, heading_like: bool) -> bool {
        match self.opens() {
            Opens::Always => true,
            Opens::AsHeading => heading_like,
            Opens::Never | Opens::InContext => false,
        }
    }
}

/// The registry's lexicon (label, heading, phrase) and section rules by category and kind,
/// built from [`Rule::ALL`] at compile time. The first rule of a kind in a category wins
/// (`appeal.exclamation` is a phrase rule of its own, after `appeal.phrase`).
const BY_CATEGORY: [[Option<Rule>; 4]; Category::ALL.len()] = {
    let mut table = [[None; 4]; Category::ALL.len()];
    let mut i = 0;
    while i < Rule::ALL.len() {
        let rule = Rule::ALL[i];
        let slot = match rule.kind() {
            RuleKind::Label => 0,
            RuleKind::Heading => 1,
            RuleKind::Phrase => 2,
            RuleKind::Section => 3,
            _ => 4,
        };
        let category = rule.category() as usize;
        if slot < 4 && table[category][slot].is_none() {
            table[category][slot] = Some(rule);
        }
        i += 1;
    }
    table
};

/// The class rules by category (`html.class.header`/`footer` are positional, not a
/// category's).
const CLASS_BY_CATEGORY: [Option<Rule>; Category::ALL.len()] = {
    let mut table = [None; Category::ALL.len()];
    let mut i = 0;
    while i < Rule::ALL.len() {
        let rule = Rule::ALL[i];
        let positional = matches!(rule, Rule::HtmlClassHeader | Rule::HtmlClassFooter);
        let category = rule.category() as usize;
        if matches!(rule.kind(), RuleKind::Class) && !positional && table[category].is_none() {
            table[category] = Some(rule);
        }
        i += 1;
    }
    table
};

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_say_their_kind() {
        let mut names = std::collections::HashSet::new();
        for &rule in Rule::ALL {
            assert!(names.insert(rule.name()), "{} twice", rule.name());
            assert!(!rule.doc().is_empty());
            let name = rule.name();
            // Passes test kinds where they once tested name prefixes: keep the two in step.
            assert_eq!(
                name.starts_with("position."),
                rule.kind() == RuleKind::Position,
                "{name}"
            );
            assert_eq!(
                name.starts_with("html.class."),
                rule.kind() == RuleKind::Class,
                "{name}"
            );
            assert_eq!(
                name.starts_with("section."),
                rule.kind() == RuleKind::Section,
                "{name}"
            );
        }
    }

    #[test]
    fn lexicon_and_section_rules_are_named_after_their_category() {
        for category in Category::ALL {
            let name = category.as_str();
            assert_eq!(Rule::section(category).name(), format!("section.{name}"));
            assert_eq!(Rule::class(category).name(), format!("html.class.{name}"));
            for (kind, suffix) in [
                (RuleKind::Label, "label"),
                (RuleKind::Heading, "heading"),
                (RuleKind::Phrase, "phrase"),
            ] {
                if let Some(rule) = Rule::of(category, kind) {
                    assert_eq!(rule.name(), format!("{name}.{suffix}"));
                }
            }
        }
    }
}
