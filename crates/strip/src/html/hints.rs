//! Structural evidence from one element: its tag, ARIA role and class/id tokens.
//!
//! Class and id values are split into lowercase tokens (on punctuation, whitespace,
//! camelCase and letter/digit boundaries) and matched as whole tokens, so `ad` matches
//! `ad-slot` and `adContainer` but never `header`, `shadow` or `download`.
//!
//! The tokens written here are markup conventions, the English words developers name
//! classes with whatever the page's language (`nav`, `sidebar`, `related`), and the names of
//! services (`disqus`, `outbrain`); tokens that are words of another language
//! (`kommentare`, `publicite`, `lire-aussi`) come from `crate::lang` ([`LANGUAGE_TOKENS`]).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lang::{self, Shape};
use crate::lexicon::WordSet;
use crate::model::Category;
use crate::rules::Rule;

/// What a class token that is a word of a language says (`crate::lang`).
#[derive(Debug, Clone, Copy, Default)]
struct LanguageToken {
    /// The category it names, whole ("kommentare").
    category: Option<Category>,
    /// It starts a two-token phrase of [`LANGUAGE_PAIRS`] ("lire" of "lire-aussi").
    opens_pair: bool,
    /// It names the article ("artikel"), or its body after such a token ("inhalt").
    article: bool,
    body: bool,
}

/// Every language's class tokens, by token.
static LANGUAGE_TOKENS: LazyLock<WordSet<LanguageToken>> = LazyLock::new(|| {
    let mut tokens: Vec<(&'static str, LanguageToken)> = Vec::new();
    let mut add = |token: &'static str, with: &dyn Fn(&mut LanguageToken)| {
        if let Some((_, found)) = tokens.iter_mut().find(|(t, _)| *t == token) {
            with(found);
        } else {
            let mut new = LanguageToken::default();
            with(&mut new);
            tokens.push((token, new));
        }
    };
    for (token, category) in lang::class_tokens() {
        match token.split_once('-') {
            Some((first, _)) => add(first, &|t| t.opens_pair = true),
            // The first language to list a token keeps its category.
            None => add(token, &|t| {
                t.category.get_or_insert(category);
            }),
        }
    }
    for token in lang::shape_words(Shape::ArticleClass) {
        add(token, &|t| t.article = true);
    }
    for token in lang::shape_words(Shape::BodyClass) {
        add(token, &|t| t.body = true);
    }
    WordSet::new(tokens)
});

/// Two class tokens in a row that are words of a language ("lire", "aussi").
static LANGUAGE_PAIRS: LazyLock<Vec<(&'static str, &'static str, Category)>> =
    LazyLock::new(|| {
        lang::class_tokens()
            .filter_map(|(token, category)| {
                let (first, second) = token.split_once('-')?;
                Some((first, second, category))
            })
            .collect()
    });

fn language_token(t: &str) -> LanguageToken {
    LANGUAGE_TOKENS.get(t).unwrap_or_default()
}

/// Where a boilerplate verdict came from. Class/id evidence is the weakest: a strong
/// content token on a nearer element overrides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    Tag,
    Role,
    Class,
}

/// Page-level furniture whose meaning depends on whether it sits inside the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Positional {
    /// `header`, `role=banner`, class `header`: navigation at page level, nothing in an article.
    Header,
    /// `footer`, `role=contentinfo`, class `footer`: legal at page level, other in an article.
    Footer,
}

/// What one element says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Evidence {
    #[default]
    None,
    /// Content wrapper; `strong` for `itemprop=articleBody` and tokens like `entry-content`.
    Content { strong: bool, priority: u8 },
    Boiler {
        category: Category,
        rule: Rule,
        source: Source,
    },
    Positional {
        kind: Positional,
        rule: Rule,
        source: Source,
    },
    /// `dialog` / `role=dialog`: a cookie notice if its text says so, else other.
    Dialog { rule: Rule },
    /// A `form`: its verdict depends on the inputs it holds (decided after the walk).
    Form,
}

/// Verdict of the class and id tokens of one element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct TokenVerdict {
    pub boiler: Option<Category>,
    pub positional: Option<Positional>,
    pub content_strong: bool,
    pub content_weak: bool,
    /// Screen-reader-only text (`sr-only`, `screen-reader-text`, `visually-hidden`).
    pub hidden: bool,
    /// The byline verdict comes from a date word alone (`paragraph-published`,
    /// `entry-date`): it names a date line, which never holds paragraphs of prose.
    pub byline_date: bool,
}

/// Reusable buffers for tokenising class/id values without allocating per element.
#[derive(Debug)]
pub(super) struct Tokenizer {
    lower: String,
    spans: Vec<(usize, usize)>,
    /// Verdicts of the values seen so far on this page and the thread's earlier pages: a
    /// page repeats the same few hundred class names on thousands of elements, and many
    /// sites share names (`container`, `row`, `entry-content`); a lookup is far cheaper
    /// than tokenising and matching the value against the lexicon again. A verdict depends
    /// on the value alone, so what the cache holds never changes a result.
    /// (`FxHashMap`: class names are short, and SipHash costs more than the lookup.)
    seen: FxHashMap<String, ValueVerdict>,
    /// Values this page added to `seen`.
    added: usize,
}

/// Most distinct values one page adds to the cache. Bounds the damage a page crafted to
/// collide in the (unkeyed) Fx hash can do.
const MAX_SEEN: usize = 2048;

/// Most values the thread's cache holds; past it the cache starts again (memory stays
/// bounded however many sites a run reads, and so do the collisions pages can pile up).
const MAX_SHARED: usize = 16_384;

thread_local! {
    /// The cache between two pages of this thread (a walk takes it, and puts it back when
    /// its tokenizer is dropped).
    static SHARED_SEEN: std::cell::RefCell<FxHashMap<String, ValueVerdict>> =
        std::cell::RefCell::new(FxHashMap::default());
}

impl Default for Tokenizer {
    fn default() -> Self {
        let mut seen = crate::thread_cache::take(&SHARED_SEEN);
        if seen.len() > MAX_SHARED {
            seen.clear();
        }
        Tokenizer {
            lower: String::new(),
            spans: Vec::new(),
            seen,
            added: 0,
        }
    }
}

impl Drop for Tokenizer {
    fn drop(&mut self) {
        crate::thread_cache::put_back(&SHARED_SEEN, std::mem::take(&mut self.seen));
    }
}

/// What one class item or id value says on its own.
#[derive(Debug, Clone, Copy, Default)]
struct ValueVerdict {
    boiler: Option<Category>,
    /// The last `header`/`footer` token of the value.
    positional: Option<Positional>,
    strong: bool,
    weak: bool,
    hidden: bool,
    /// The byline verdict comes from a date word (`published`, `date`): a date line.
    date: bool,
}

impl ValueVerdict {
    /// Merges this value's verdict into the element's (values are applied in attribute order).
    fn apply(self, verdict: &mut TokenVerdict) {
        if let Some(p) = self.positional {
            verdict.positional = Some(p);
        }
        verdict.content_weak |= self.weak;
        verdict.hidden |= self.hidden;
        if let Some(c) = self.boiler {
            // Keep the first boilerplate verdict (the author's main class comes first).
            if verdict.boiler.is_none() || verdict.boiler == Some(Category::Byline) {
                verdict.boiler = Some(c);
                verdict.byline_date = self.date;
            }
        } else if self.strong {
            verdict.content_strong = true;
        }
    }
}

impl Tokenizer {
    /// Adds the verdict of one attribute value (a class list or an id) to `verdict`.
    pub(crate) fn scan(&mut self, value: &str, is_class: bool, verdict: &mut TokenVerdict) {
        if is_class {
            for item in value.split_ascii_whitespace() {
                self.scan_value(item, verdict);
            }
        } else {
            self.scan_value(value, verdict);
        }
    }

    fn scan_value(&mut self, value: &str, verdict: &mut TokenVerdict) {
        let v = match self.seen.get(value) {
            Some(v) => *v,
            None => {
                let v = self.judge(value);
                if self.added < MAX_SEEN {
                    self.added += 1;
                    self.seen.insert(value.to_owned(), v);
                }
                v
            }
        };
        v.apply(verdict);
    }

    fn judge(&mut self, value: &str) -> ValueVerdict {
        let mut verdict = ValueVerdict::default();
        self.tokenize(value);
        let n = self.spans.len();
        if n == 0 {
            return verdict;
        }
        // CMS modifier classes name taxonomy terms or page state, not the element's role:
        // `tag-cookies`, `category-newsletter`, `has-sidebar`, `no-comments`.
        let first = self.token(0);
        if n > 1
            && matches!(
                first,
                "tag"
                    | "category"
                    | "categories"
                    | "cat"
                    | "topic"
                    | "term"
                    | "format"
                    | "type"
                    | "postid"
                    | "template"
                    | "has"
                    | "no"
                    | "with"
                    | "without"
                    | "parent"
                    | "is"
                    | "show"
                    | "hide"
                    | "layout"
            )
        {
            return verdict;
        }
        let mut boiler: Option<Category> = None;
        let mut date = false;
        let mut strong = false;
        let mut embed = false;
        let mut hover = false;
        let mut node_modifier = false;
        for i in 0..n {
            let t = self.token(i);
            // A state modifier further on (`card__title--with-reviews`, `nav-item is-active`
            // in one value) says what the element has, not what it is.
            if i > 0 && matches!(t, "has" | "no" | "with" | "without" | "is") {
                break;
            }
            // Drupal's node modifiers (`node--promoted`, `node--type-newsletter`,
            // `node--view-mode-full`) name the content's state, type and display, not a part
            // of the page: every node promoted to the front page (articles are by default)
            // says `promoted`.
            node_modifier = if i > 0 && self.same_name(i - 1, i) {
                node_modifier || self.token(i - 1) == "node" && self.separator(i - 1) == "--"
            } else {
                false
            };
            if node_modifier {
                continue;
            }
            embed |= matches!(t, "embed" | "embedded" | "tweet" | "oembed");
            let next = if i + 1 < n { self.token(i + 1) } else { "" };
            if let Some(c) = pair_hint(t, next).or_else(|| token_hint(t)) {
                if boiler.is_none() {
                    date = c == Category::Byline
                        && matches!(
                            t,
                            "published" | "pubdate" | "date" | "timestamp" | "dateline"
                        );
                }
                // The most specific category wins: author + bio is a bio, not a byline.
                boiler = Some(match (boiler, c) {
                    (Some(Category::Byline), Category::AuthorBio) => Category::AuthorBio,
                    (Some(prev), _) => prev,
                    (None, c) => c,
                });
            }
            match t {
                "header" => verdict.positional = Some(Positional::Header),
                "footer" => verdict.positional = Some(Positional::Footer),
                _ => {}
            }
            if is_strong_content(t, next) {
                strong = true;
            }
            if matches!(
                t,
                "content" | "main" | "article" | "post" | "story" | "body" | "entry" | "text"
            ) {
                verdict.weak = true;
            }
            // (Not `field--label-visually-hidden`: a field whose label is hidden.)
            let of_label = i > 0 && self.token(i - 1) == "label" && self.same_name(i - 1, i);
            if (matches!(
                (t, next),
                ("sr", "only") | ("screen", "reader") | ("visually", "hidden")
            ) || matches!(t, "visuallyhidden" | "sronly" | "screenreader"))
                && !of_label
            {
                verdict.hidden = true;
            }
            // A form's answer to its submission (Webflow's `w-form-done`, `w-form-fail`;
            // `form-success`, `form-error`): hidden until the reader sends the form.
            if t == "form" && matches!(next, "done" | "fail" | "success" | "error") {
                verdict.hidden = true;
            }
            // (Not Tailwind's `hover:text-blue-800`: a style variant, no card.)
            if matches!(t, "tooltip" | "popover" | "rollover") && !value.contains(':') {
                hover = true;
            } else if hover
                && matches!(
                    t,
                    "content" | "body" | "card" | "block" | "box" | "text" | "inner"
                )
                || matches!(t, "hovercard" | "tooltiptext")
            {
                // The card a name or term shows on hover (`tooltip-content`, `hovercard`,
                // `rollover-people-block`): hidden until then, not part of the sentence.
                verdict.hidden = true;
            }
        }
        // `social-embed`, `twitter-tweet`: a post quoted in the article, not share buttons.
        if embed && boiler == Some(Category::Share) {
            boiler = None;
        }
        verdict.boiler = boiler;
        verdict.date = date && boiler == Some(Category::Byline);
        verdict.strong = strong;
        verdict
    }

    fn token(&self, i: usize) -> &str {
        match self.spans.get(i) {
            Some(&(a, b)) => self.lower.get(a..b).unwrap_or(""),
            None => "",
        }
    }

    /// Tokens `a` and `b` belong to one class name (no whitespace between them).
    fn same_name(&self, a: usize, b: usize) -> bool {
        match (self.spans.get(a), self.spans.get(b)) {
            (Some(&(_, end)), Some(&(start, _))) => self
                .lower
                .get(end..start)
                .is_some_and(|between| !between.contains(char::is_whitespace)),
            _ => false,
        }
    }

    /// What stands between token `a` and the next one (`"--"` in `node--promoted`).
    fn separator(&self, a: usize) -> &str {
        match (self.spans.get(a), self.spans.get(a + 1)) {
            (Some(&(_, end)), Some(&(start, _))) => self.lower.get(end..start).unwrap_or(""),
            _ => "",
        }
    }

    fn tokenize(&mut self, value: &str) {
        self.lower.clear();
        self.spans.clear();
        #[derive(PartialEq, Clone, Copy)]
        enum K {
            Lower,
            Upper,
            Digit,
        }
        // A UUID in the value (`accordion-content-58f8c46f-0ad8-4ae5-…`): its short hex
        // groups hold no words either (`ad` in `0ad8`).
        let uuid = has_uuid(value);
        let mut rest = value;
        while !rest.is_empty() {
            let end = word_chars_len(rest);
            let (chunk, after) = rest.split_at(end);
            // CSS modules name a class `file_class__hash` (`layout_root__adKqa`).
            let before = value.get(..value.len() - rest.len()).unwrap_or("");
            let module_hash = before
                .strip_suffix("__")
                .is_some_and(|name| name.contains('_'))
                && is_module_hash(chunk);
            let sep = after.chars().next().map_or(0, char::len_utf8);
            let separator = after.get(..sep).unwrap_or("");
            rest = after.get(sep..).unwrap_or("");
            let uuid_group = uuid && chunk.len() >= 4 && is_hex_with_digit(chunk);
            if chunk.is_empty()
                || module_hash
                || uuid_group
                || is_generated_id(chunk)
                || is_random_id(chunk)
            {
                self.lower.push_str(separator);
                continue;
            }
            // The chunk is all letters and digits: it goes into `lower` whole (ASCII lowered),
            // and its tokens end where camelCase or a letter/digit change splits it. Bytes
            // are read, not characters: every non-ASCII character of the chunk is a letter
            // (lower case for the split), and its continuation bytes change nothing.
            let base = self.lower.len();
            self.lower.push_str(chunk);
            if let Some(added) = self.lower.get_mut(base..) {
                added.make_ascii_lowercase();
            }
            let mut start = base;
            let mut prev: Option<K> = None;
            for (offset, b) in chunk.bytes().enumerate() {
                let k = if b.is_ascii_uppercase() {
                    K::Upper
                } else if b.is_ascii_digit() {
                    K::Digit
                } else if b.is_ascii() || b >= 0xC0 {
                    K::Lower
                } else {
                    continue;
                };
                let boundary = matches!(
                    (prev, k),
                    (Some(K::Lower), K::Upper)
                        | (Some(K::Digit), K::Lower | K::Upper)
                        | (Some(K::Lower | K::Upper), K::Digit)
                );
                if boundary {
                    self.spans.push((start, base + offset));
                    start = base + offset;
                }
                prev = Some(k);
            }
            self.spans.push((start, self.lower.len()));
            // The separators stay between the tokens (see `same_name`, `separator`).
            self.lower.push_str(separator);
        }
    }
}

/// Bytes of the run of letters and digits that starts `s` (ASCII read byte by byte, other
/// characters as letters when alphabetic).
fn word_chars_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                return i;
            }
            i += 1;
            continue;
        }
        match s.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) if c.is_alphabetic() => i += c.len_utf8(),
            _ => return i,
        }
    }
    i
}

/// The hash CSS modules append (`__adKqa`, `__MT1PZ`, `__h5rD8`): five or six letters and
/// digits in mixed case or with digits.
fn is_module_hash(chunk: &str) -> bool {
    let upper = chunk.bytes().any(|b| b.is_ascii_uppercase());
    let lower = chunk.bytes().any(|b| b.is_ascii_lowercase());
    let digit = chunk.bytes().any(|b| b.is_ascii_digit());
    (5..=6).contains(&chunk.len())
        && chunk.bytes().all(|b| b.is_ascii_alphanumeric())
        && (upper && (lower || digit) || digit && lower)
}

/// A hash a builder generated (`31083ad`, `a85e873c015ad0206ffc`): hex digits and letters
/// mixed. Its letter runs are no words (`ad` in `015ad02` is no advert).
fn is_generated_id(chunk: &str) -> bool {
    chunk.len() >= 6 && is_hex_with_digit(chunk) && chunk.bytes().any(|b| b.is_ascii_alphabetic())
}

fn is_hex_with_digit(chunk: &str) -> bool {
    chunk.bytes().all(|b| b.is_ascii_hexdigit()) && chunk.bytes().any(|b| b.is_ascii_digit())
}

/// Dash-separated hex groups of 8, 4, 4, 4 and 12 digits somewhere in the value.
fn has_uuid(value: &str) -> bool {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    // Five groups and the four separators between them: most values are shorter, and
    // need not be split (this runs on every class value not seen before).
    if value.len() < GROUPS.iter().sum::<usize>() + GROUPS.len() - 1 {
        return false;
    }
    let parts: Vec<&str> = value
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .flat_map(|item| item.split('-'))
        .collect();
    parts.windows(GROUPS.len()).any(|w| {
        w.iter()
            .zip(GROUPS)
            .all(|(part, len)| part.len() == len && part.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

/// A random identifier (`6hqbr3MKpSozC0adOdCzCB`): sixteen or more letters and digits, with
/// digits, that change case often and hold no lower-case run long enough for a word.
fn is_random_id(chunk: &str) -> bool {
    if chunk.len() < 16 || chunk.bytes().filter(u8::is_ascii_digit).count() < 2 {
        return false;
    }
    let (mut run, mut longest, mut switches) = (0usize, 0usize, 0usize);
    let mut prev_upper: Option<bool> = None;
    for b in chunk.bytes() {
        if b.is_ascii_lowercase() {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
        if b.is_ascii_alphabetic() {
            let upper = b.is_ascii_uppercase();
            if prev_upper.is_some_and(|p| p != upper) {
                switches += 1;
            }
            prev_upper = Some(upper);
        }
    }
    longest <= 4 && switches >= 4
}

fn is_strong_content(t: &str, next: &str) -> bool {
    matches!(
        t,
        "articlebody"
            | "articletext"
            | "articlecontent"
            | "storybody"
            | "storytext"
            | "storycontent"
            | "postbody"
            | "postcontent"
            | "entrycontent"
            | "entrybody"
            | "bodytext"
            | "maintext"
    ) || ((matches!(
        t,
        "article" | "post" | "entry" | "story" | "news" | "blog" | "single" | "body"
    ) || language_token(t).article)
        && (matches!(
            next,
            "body" | "content" | "text" | "copy" | "entry" | "main" | "inner"
        ) || language_token(next).body)
        && t != next)
}

/// Two-token phrases (`most-read`, `author-bio`, `support-us`).
fn pair_hint(t: &str, next: &str) -> Option<Category> {
    Some(match (t, next) {
        ("most", "read" | "popular" | "viewed" | "shared" | "commented")
        | ("more", "stories" | "news" | "articles" | "from")
        | ("also", "read")
        | ("read", "also" | "more" | "next")
        | ("you", "may")
        | ("further", "reading")
        | ("teaser", "list")
        | ("breaking", "news") => Category::Related,
        ("author" | "contributor" | "writer", "bio" | "box" | "card" | "profile" | "about")
        | ("author", "description" | "details")
        | ("about", "author" | "the") => Category::AuthorBio,
        // A language's word for the author (`autor-box`).
        (_, "bio" | "box" | "card" | "profile" | "about")
            if language_token(t).category == Some(Category::Byline) =>
        {
            Category::AuthorBio
        }
        ("support", "us") => Category::Appeal,
        ("text", "to") | ("audio" | "podcast" | "video" | "media" | "tts" | "voice", "player") => {
            Category::Audio
        }
        ("post" | "entry" | "article" | "story", "meta") => Category::Byline,
        ("site", "info") => Category::Legal,
        ("cmp", "banner" | "dialog" | "modal" | "popup" | "notice" | "layer" | "root")
        | ("qc", "cmp") => Category::Cookie,
        ("skip", "link" | "to") => Category::Navigation,
        _ if language_token(t).opens_pair => {
            return LANGUAGE_PAIRS
                .iter()
                .find(|(first, second, _)| *first == t && *second == next)
                .map(|&(_, _, category)| category);
        }
        _ => return None,
    })
}

/// Single whole-token lexicon; tokens are lowercase. Markup conventions and English class
/// words here, other languages' words from `crate::lang`.
pub(super) fn token_hint(t: &str) -> Option<Category> {
    use Category::*;
    Some(match t {
        "nav" | "navbar" | "navigation" | "navi" | "menu" | "menubar" | "submenu" | "megamenu"
        | "breadcrumb" | "breadcrumbs" | "crumbs" | "skiplink" | "skiplinks" | "pagination"
        | "pager" | "paging" | "toc" | "topbar" | "topnav" | "subnav" | "sitenav" | "mainnav"
        | "masthead" | "sidebar" | "offcanvas" | "hamburger"
        // DocBook's generated manuals: the previous/up/next bars over and under a page.
        | "navheader" | "navfooter" => Navigation,
        "newsletter" | "newsletters" | "subscribe" | "subscription" | "signup" | "optin"
        | "mailchimp" | "mc4wp" | "mailinglist" => Newsletter,
        "donate" | "donation" | "donations" | "membership" | "supporter" | "supporters"
        | "contribute" | "contribution" | "contributions" | "patreon" => Appeal,
        // Not a bare `cmp`: Adobe Experience Manager names every component `cmp-…`
        // (`cmp-container`, `cmp-text`); a consent manager's `cmp` comes paired (below).
        "cookie" | "cookies" | "consent" | "gdpr" | "cmpbox" | "onetrust" | "didomi"
        | "cookiebot" | "cookielaw" | "usercentrics" | "cookiebanner" => Cookie,
        "share" | "shares" | "sharing" | "sharebar" | "sharethis" | "addthis" | "addtoany"
        | "social" | "socials" | "follow" | "shariff" => Share,
        "related" | "recommended" | "recommendations" | "recommendation" | "recirculation"
        | "recirc" | "popular" | "trending" | "mostread" | "mostpopular" | "readmore"
        | "alsoread" | "outbrain" | "taboola" | "morestories" | "ticker" | "newsticker" => Related,
        "caption" | "captions" | "credit" | "credits" | "figcaption" | "imagecaption"
        | "photocaption" => Caption,
        "audio" | "listen" | "speechify" | "tts" | "voice" | "readspeaker" | "beyondwords"
        | "trinityaudio" => Audio,
        "comment" | "comments" | "commentlist" | "disqus" | "respond" | "reply" | "replies"
        | "discussion"
        // Customers' reviews of a product (not a critic's review: that one is singular) and
        // the services shops embed them with.
        | "reviews" | "yotpo" | "bazaarvoice" | "okendo" | "jdgm" | "judgeme" | "powerreviews"
        | "trustpilot" => Comments,
        "ad" | "ads" | "adv" | "advert" | "adverts" | "advertisement" | "advertising"
        | "sponsor" | "sponsors" | "sponsored" | "promo" | "promoted" | "dfp" | "gpt"
        | "adslot" | "adunit" | "adsense" | "adsbygoogle" => Ads,
        "copyright" | "legal" | "disclaimer" | "imprint" | "colophon" => Legal,
        "bio" | "biography" | "authorbio" | "authorbox" | "aboutauthor" => AuthorBio,
        "byline" | "bylines" | "dateline" | "author" | "authors" | "timestamp" | "published"
        | "pubdate" | "date" | "meta" | "postmeta" | "entrymeta" => Byline,
        "tags" | "tagcloud" | "modal" | "popup" => Other,
        // A language's word (`kommentare`, `werbung`).
        _ => return language_token(t).category,
    })
}

/// Evidence from an ARIA role value (may list several roles; the first known one counts).
pub(super) fn role_evidence(role: &str) -> Evidence {
    for r in role.split_ascii_whitespace() {
        let r = r.to_ascii_lowercase();
        let boiler = |category, rule| Evidence::Boiler {
            category,
            rule,
            source: Source::Role,
        };
        return match r.as_str() {
            "navigation" => boiler(Category::Navigation, Rule::HtmlRoleNavigation),
            "search" => boiler(Category::Navigation, Rule::HtmlRoleSearch),
            "menu" | "menubar" | "tablist" => boiler(Category::Navigation, Rule::HtmlRoleMenu),
            "complementary" => boiler(Category::Related, Rule::HtmlRoleComplementary),
            "banner" => Evidence::Positional {
                kind: Positional::Header,
                rule: Rule::HtmlRoleBanner,
                source: Source::Role,
            },
            "contentinfo" => Evidence::Positional {
                kind: Positional::Footer,
                rule: Rule::HtmlRoleContentinfo,
                source: Source::Role,
            },
            "dialog" | "alertdialog" => Evidence::Dialog {
                rule: Rule::HtmlRoleDialog,
            },
            "main" => Evidence::Content {
                strong: true,
                priority: 1,
            },
            "article" => Evidence::Content {
                strong: false,
                priority: 1,
            },
            _ => continue,
        };
    }
    Evidence::None
}

/// Evidence from the tag name alone.
pub(super) fn tag_evidence(tag: &str) -> Evidence {
    let boiler = |category, rule| Evidence::Boiler {
        category,
        rule,
        source: Source::Tag,
    };
    match tag {
        "nav" => boiler(Category::Navigation, Rule::HtmlTagNav),
        "menu" => boiler(Category::Navigation, Rule::HtmlTagMenu),
        "aside" => boiler(Category::Related, Rule::HtmlTagAside),
        "figcaption" => boiler(Category::Caption, Rule::HtmlTagFigcaption),
        "figure" => boiler(Category::Caption, Rule::HtmlTagFigure),
        "header" => Evidence::Positional {
            kind: Positional::Header,
            rule: Rule::HtmlTagHeader,
            source: Source::Tag,
        },
        "footer" => Evidence::Positional {
            kind: Positional::Footer,
            rule: Rule::HtmlTagFooter,
            source: Source::Tag,
        },
        "dialog" => Evidence::Dialog {
            rule: Rule::HtmlTagDialog,
        },
        "form" => Evidence::Form,
        "article" => Evidence::Content {
            strong: false,
            priority: 2,
        },
        "main" => Evidence::Content {
            strong: true,
            priority: 1,
        },
        _ => Evidence::None,
    }
}

/// Combines class, role and tag evidence: the most specific (class) wins, then role, then tag.
pub(super) fn combine(tokens: &TokenVerdict, role: Evidence, tag: Evidence) -> Evidence {
    // A strong content class (`entry-content`) beats a boilerplate class in another value
    // of the same attribute (`entry-content entry-content-read-more`).
    if tokens.content_strong && matches!(role, Evidence::None) {
        return Evidence::Content {
            strong: true,
            priority: 2,
        };
    }
    if let Some(category) = tokens.boiler {
        // A class naming the article body on an `<article>` is still content; a boilerplate
        // class on a content tag (`<article class="related-post">`) is boilerplate.
        return Evidence::Boiler {
            category,
            rule: Rule::class(category),
            source: Source::Class,
        };
    }
    if !matches!(role, Evidence::None) {
        return role;
    }
    match tag {
        Evidence::None | Evidence::Content { .. } => {}
        _ => return tag,
    }
    if tokens.content_strong {
        return Evidence::Content {
            strong: true,
            priority: 2,
        };
    }
    if let Some(kind) = tokens.positional {
        return Evidence::Positional {
            kind,
            rule: match kind {
                Positional::Header => Rule::HtmlClassHeader,
                Positional::Footer => Rule::HtmlClassFooter,
            },
            source: Source::Class,
        };
    }
    tag
}

#[cfg(test)]
mod tests;
