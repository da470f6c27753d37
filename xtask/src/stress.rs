//! `cargo xtask bench --stress`: the bench sets' article pages again, each with one piece of
//! furniture written into it, scored against the same truth.
//!
//! The sets show each page kind the way its sites happened to mark it up. Pages nobody tuned on
//! put the same furniture in other places and other markup: a share bar or a sign-up box
//! between two paragraphs, a lazy-loaded figure, an inline chart, an old-style comment thread
//! under a short article. Where deboil holds on such a page, the inserted text goes and the
//! article stays; where it does not, the article is cut short or the furniture is kept. Each
//! [`Furniture`] is one such piece, written without class names (what names it must be its
//! shape or its wording), and the table shows, per set, F1 on the pages without it and with
//! it, and how many pages lost more than [`WORSE`]. The truth is the page's own: the inserted
//! text is never article.
//!
//! A page takes part when the furniture has a place in it:
//! - in the article: between two consecutive paragraphs of the article (leaf `p` or `div`
//!   elements whose words the truth holds), from the second on, with nothing but white space
//!   between them, so the furniture stands beside the article's paragraphs, not inside one;
//! - after the article: right after the element that holds its last paragraph.
//!
//! One more kind takes text away instead: [`SHORT`], the article cut to its first paragraph
//! (the rest of it keeps its markup and loses its text, in the page and in the truth alike):
//! the short news item or photo post beside a page's usual furniture, whose few blocks fall
//! to rules more easily than a long article's, and which peers lose less often than deboil.
//!
//! `aeb-text` (the same pages as a scraper's plain text) takes [`TEXT_FURNITURE`]: the lines
//! a scraper writes out for the same pieces, as a group of their own (a blank line before and
//! after), between two of the article's paragraphs that a blank line parts, or after its last.
//! And one kind that changes no words, [`WRAPPED`]: the page wrapped at [`WRAP_WIDTH`]
//! columns, as `lynx -dump`, `w3m`, `html2text` and mail write text, so that a paragraph is a
//! run of lines broken wherever the width ran out.
//!
//! WCXB pages take part when their `page_type` is `article`; aeb pages all do. Everything is
//! deterministic: the comments' words and names come from fixed lists, chosen by a hash of the
//! page id.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::LazyLock;

use anyhow::Context;
use regex::Regex;

use crate::aeb;
use crate::sets::{self, Cleaner, Format, Truth};

/// A page "lost" to the furniture: its F1 fell by more than this.
pub(crate) const WORSE: f64 = 0.05;
/// A paragraph of the article has at least this many words (shorter leaves are too often
/// found in the truth by chance).
const MIN_PARAGRAPH_WORDS: usize = 8;

/// Where a piece of furniture goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Between two of the article's paragraphs.
    InArticle,
    /// After the element holding the article's last paragraph.
    AfterArticle,
}

/// One piece of furniture: its name, where it goes, and its markup for a page (the page id
/// seeds the choices).
struct Furniture {
    name: &'static str,
    place: Place,
    html: fn(u64) -> String,
}

const FURNITURE: [Furniture; 13] = [
    Furniture {
        name: "share-bar",
        place: Place::InArticle,
        html: |_| {
            "<div><div><a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">\
             <span>Share on Facebook</span></a></div><div><a href=\"https://twitter.com/intent/\
             tweet?url=x\"><span>Share on X</span></a></div><div><a href=\"mailto:?subject=x\">\
             <span>Email</span></a></div></div>"
                .to_string()
        },
    },
    Furniture {
        name: "figure",
        place: Place::InArticle,
        html: |_| {
            "<div><div><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" \
             data-src=\"https://cdn.example.com/photo-1.jpg\" alt=\"A photo\"><noscript><img \
             src=\"https://cdn.example.com/photo-1.jpg\" alt=\"A photo\"></noscript></div>\
             <div><span>The scene on Tuesday morning.</span> <span>Photo: Reuters</span></div>\
             </div>"
                .to_string()
        },
    },
    Furniture {
        name: "svg-chart",
        place: Place::InArticle,
        html: |_| {
            "<div><svg width=\"600\" height=\"300\" viewBox=\"0 0 600 300\"><g><rect x=\"0\" \
             y=\"0\" width=\"50\" height=\"100\"></rect><text x=\"10\" y=\"20\">Sales by \
             quarter, 2019</text><path d=\"M0 0 L10 10\"></path></g></svg></div>"
                .to_string()
        },
    },
    Furniture {
        name: "video",
        place: Place::InArticle,
        html: |_| {
            "<div><iframe src=\"https://www.youtube.com/embed/abc123\" width=\"560\" \
             height=\"315\" allowfullscreen></iframe></div>"
                .to_string()
        },
    },
    Furniture {
        name: "ad-slot",
        place: Place::InArticle,
        html: |_| {
            "<div><div>Advertisement</div><div><ins data-ad-slot=\"123\"></ins></div></div>"
                .to_string()
        },
    },
    Furniture {
        name: "read-more",
        place: Place::InArticle,
        html: |_| {
            "<div><div><b>Read more:</b></div><div><a href=\"/news/council-budget\">Council \
             approves new budget for road repairs</a></div><div><a href=\"/news/final\">Local \
             team wins the regional championship final</a></div></div>"
                .to_string()
        },
    },
    Furniture {
        name: "newsletter",
        place: Place::InArticle,
        html: |_| {
            "<div><div><strong>Get our morning briefing</strong></div><div>The day’s top \
             stories, delivered to your inbox every morning.</div><form action=\"/subscribe\">\
             <input type=\"email\" placeholder=\"Your email\"><button>Sign up</button></form>\
             </div>"
                .to_string()
        },
    },
    Furniture {
        name: "appeal",
        place: Place::InArticle,
        html: |_| {
            "<div><div><strong>Support independent journalism</strong></div><div>We rely on \
             readers like you. A gift of any size keeps our reporting free for everyone.</div>\
             <div><a href=\"/donate\">Donate now</a></div></div>"
                .to_string()
        },
    },
    Furniture {
        name: "thread-wp",
        place: Place::AfterArticle,
        html: |seed| {
            let posts = comments(seed);
            let open = format!("<div><h3>{} thoughts on this story</h3><ol>", posts.len());
            thread(&posts, &open, "</ol></div>", |i, post| {
                format!(
                    "<li><div><div><b>{}</b> <span>says:</span></div><div><a \
                     href=\"#comment-{i}\">{}</a></div><p>{}</p><div><a \
                     href=\"?replytocom={i}#respond\">Reply</a></div></div></li>",
                    post.name, post.date, post.text
                )
            })
        },
    },
    Furniture {
        name: "thread-forum",
        place: Place::AfterArticle,
        html: |seed| {
            thread(
                &comments(seed),
                "<div><h2>Comments</h2>",
                "</div>",
                |_, post| {
                    format!(
                        "<div><div><a href=\"/user/{}\">{}</a> <span>{}</span></div><p>{}</p><div>\
                     <a href=\"#\">Reply</a> <a href=\"#\">Report this comment</a></div></div>",
                        post.name.replace(' ', ""),
                        post.name,
                        post.date,
                        post.text
                    )
                },
            )
        },
    },
    Furniture {
        name: "thread-headless",
        place: Place::AfterArticle,
        html: |seed| {
            thread(&comments(seed), "<div>", "</div>", |_, post| {
                format!(
                    "<div><div><a href=\"/user/{}\">{}</a></div><div>{}</div><div>{}</div><div>\
                     <a href=\"#\">Like</a> · <a href=\"#\">Reply</a></div></div>",
                    post.name.replace(' ', ""),
                    post.name,
                    post.date,
                    post.text
                )
            })
        },
    },
    Furniture {
        name: "most-read",
        place: Place::AfterArticle,
        html: |_| {
            let mut html = String::from("<div><div><b>Most read</b></div><ol>");
            for (headline, teaser) in MOST_READ {
                let _ = write!(
                    html,
                    "<li><a href=\"/news/{}\">{headline}</a><div>{teaser}</div></li>",
                    headline.len()
                );
            }
            html + "</ol></div>"
        },
    },
    Furniture {
        name: "author-bio",
        place: Place::AfterArticle,
        html: |_| {
            "<div><div><img src=\"https://cdn.example.com/staff/jm.jpg\" alt=\"\"></div><div>\
             <b>Jane Miller</b> is a senior reporter covering health and science. She joined \
             the paper in 2015 and lives in Leeds with her family.</div></div>"
                .to_string()
        },
    },
];

/// A "Most read" list: other stories' headlines, each with a line of teaser.
const MOST_READ: [(&str, &str); 5] = [
    (
        "Storm closes the coast road for a second day",
        "Drivers were told to avoid the area until Friday.",
    ),
    (
        "Council votes to keep the library open on Sundays",
        "The decision follows a petition signed by 4,000 residents.",
    ),
    (
        "Local bakery wins national award for its sourdough",
        "The judges praised its crust and open crumb.",
    ),
    (
        "Police appeal for witnesses after late-night fire",
        "No one was hurt, but two shops were badly damaged.",
    ),
    (
        "New cycle lane divides opinion on the high street",
        "Traders say trade has fallen since the works began.",
    ),
];

/// One piece of furniture as a scraper writes it out in plain text: its lines, a group of
/// their own (a blank line before and after).
struct TextFurniture {
    name: &'static str,
    place: Place,
    lines: fn() -> Vec<String>,
}

const TEXT_FURNITURE: [TextFurniture; 5] = [
    TextFurniture {
        name: "share-line",
        place: Place::InArticle,
        lines: || lines(&["Share this article", "Facebook", "X", "Email"]),
    },
    TextFurniture {
        name: "newsletter",
        place: Place::InArticle,
        lines: || {
            lines(&[
                "Get our morning briefing",
                "The day’s top stories, delivered to your inbox every morning.",
                "Your email",
                "Sign up",
            ])
        },
    },
    TextFurniture {
        name: "appeal",
        place: Place::InArticle,
        lines: || {
            lines(&[
                "Support independent journalism",
                "We rely on readers like you. A gift of any size keeps our reporting free for \
                 everyone.",
                "Donate now",
            ])
        },
    },
    TextFurniture {
        name: "most-read",
        place: Place::AfterArticle,
        lines: || {
            let mut out = vec!["Most read".to_string()];
            for (rank, (headline, teaser)) in MOST_READ.iter().enumerate() {
                out.push(format!("{}. {headline}", rank + 1));
                out.push((*teaser).to_string());
            }
            out
        },
    },
    TextFurniture {
        name: "author-bio",
        place: Place::AfterArticle,
        lines: || {
            lines(&[
                "Jane Miller is a senior reporter covering health and science. She joined \
                     the paper in 2015 and lives in Leeds with her family.",
            ])
        },
    },
];

fn lines(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| (*l).to_string()).collect()
}

/// The sentences comments are made of: short and long, statements and questions.
const COMMENT_SENTENCES: [&str; 15] = [
    "I have been following this for years and honestly this is the first time it makes sense to me.",
    "Great piece, but I think you are missing the bigger picture here, which is the cost to ordinary people.",
    "Does anyone know if this applies to people who moved here after the deadline?",
    "My brother went through exactly the same thing last year, and nobody would give him a straight answer.",
    "This is nonsense, the numbers have been wrong from the start and everybody knows it.",
    "Thanks for writing this, I shared it with my whole family.",
    "The last paragraph says it all, really.",
    "I disagree with almost everything in here, but I appreciate that you took the time to explain it.",
    "Same story every time: promises before, excuses after.",
    "Can we please get a follow up on this in a few months?",
    "Not sure why this is news, it was obvious from the beginning.",
    "We tried this at our place and it worked better than expected, so there is hope.",
    "Who is actually going to pay for all of this in the end?",
    "Well said.",
    "Interesting, though I wish the article had talked to more people on the ground.",
];
const COMMENTER_NAMES: [&str; 12] = [
    "jwalker77",
    "Maria T.",
    "old_skool_fan",
    "Pete",
    "sunnyday",
    "R. Hughes",
    "kat_m",
    "DaveInOhio",
    "lina",
    "bluefox",
    "Tom Baker",
    "mjs1984",
];
const MONTHS: [&str; 4] = ["March", "April", "June", "October"];

struct Comment {
    name: &'static str,
    date: String,
    text: String,
}

/// A small deterministic generator (splitmix64): the same page gets the same comments.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z % below.max(1) as u64) as usize
    }
}

/// Eight to thirteen comments of one to three sentences.
fn comments(seed: u64) -> Vec<Comment> {
    let mut rng = Seeded(seed);
    let count = 8 + rng.next(6);
    (0..count)
        .map(|_| {
            let sentences = 1 + rng.next(3);
            let text = (0..sentences)
                .map(|_| COMMENT_SENTENCES[rng.next(COMMENT_SENTENCES.len())])
                .collect::<Vec<_>>()
                .join(" ");
            let date = format!(
                "{} {}, 2019 at {}:{:02} {}",
                MONTHS[rng.next(MONTHS.len())],
                1 + rng.next(28),
                1 + rng.next(12),
                rng.next(60),
                if rng.next(2) == 0 { "am" } else { "pm" }
            );
            Comment {
                name: COMMENTER_NAMES[rng.next(COMMENTER_NAMES.len())],
                date,
                text,
            }
        })
        .collect()
}

/// A thread: `open`, each post as `post` writes it (with its index), `close`.
fn thread(
    posts: &[Comment],
    open: &str,
    close: &str,
    post: fn(usize, &Comment) -> String,
) -> String {
    let mut html = open.to_string();
    for (i, comment) in posts.iter().enumerate() {
        html.push_str(&post(i, comment));
    }
    html + close
}

/// FNV-1a of the page id: the seed of its comments.
fn seed_of(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A leaf block of the page's markup: a `p` or `div` with no `p` or `div` inside.
#[derive(Debug, Clone, PartialEq)]
struct Leaf {
    /// Byte offsets of its start tag's `<` and just past its end tag's `>`.
    start: usize,
    end: usize,
    /// Its words, space-separated (tags and character references read as spaces).
    words: String,
}

static BLOCK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(/?)(p|div)[\s>/]").expect("valid regex"));
static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^>]*>|&#?\w+;").expect("valid regex"));
static CONTAINER_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(/?)(div|article|section|main|td|li)[\s>/]").expect("valid regex")
});

fn words(text: &str) -> String {
    aeb::tokens(&MARKUP.replace_all(text, " ")).join(" ")
}

/// The page's leaf `p` and `div` elements, in order.
fn leaves(html: &str) -> Vec<Leaf> {
    let tags: Vec<(usize, usize, bool, String)> = BLOCK_TAG
        .captures_iter(html)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let closing = !c.get(1)?.as_str().is_empty();
            let name = c.get(2)?.as_str().to_ascii_lowercase();
            let end = html.get(whole.start()..)?.find('>')? + whole.start() + 1;
            Some((whole.start(), end, closing, name))
        })
        .collect();
    tags.windows(2)
        .filter_map(|pair| {
            let [
                (start, open_end, false, name),
                (close, close_end, true, close_name),
            ] = pair
            else {
                return None;
            };
            (name == close_name).then(|| Leaf {
                start: *start,
                end: *close_end,
                words: words(html.get(*open_end..*close).unwrap_or("")),
            })
        })
        .collect()
}

/// The leaves whose words (at least [`MIN_PARAGRAPH_WORDS`]) the truth holds, in order.
fn article_paragraphs(html: &str, truth: &str) -> Vec<Leaf> {
    let truth = format!(" {} ", aeb::tokens(truth).join(" "));
    leaves(html)
        .into_iter()
        .filter(|leaf| {
            leaf.words.split(' ').count() >= MIN_PARAGRAPH_WORDS
                && truth.contains(&format!(" {} ", leaf.words))
        })
        .collect()
}

/// Where furniture goes in the article: after the first of two consecutive paragraphs (the
/// first of them the article's second or later) with only white space between them.
fn in_article(html: &str, paragraphs: &[Leaf]) -> Option<usize> {
    paragraphs.windows(2).skip(1).find_map(|pair| {
        let between = html.get(pair[0].end..pair[1].start)?;
        between.trim().is_empty().then_some(pair[0].end)
    })
}

/// Where furniture goes after the article: just past the end tag of the element that holds
/// its last paragraph.
fn after_article(html: &str, paragraphs: &[Leaf]) -> Option<usize> {
    let from = paragraphs.last()?.end;
    let rest = html.get(from..)?;
    let mut depth = 0usize;
    for c in CONTAINER_TAG.captures_iter(rest) {
        let whole = c.get(0)?;
        if c.get(1)?.as_str().is_empty() {
            depth += 1;
        } else if depth == 0 {
            return Some(from + whole.start() + rest.get(whole.start()..)?.find('>')? + 1);
        } else {
            depth -= 1;
        }
    }
    None
}

/// The page with `furniture` written in, if it has a place for it.
fn furnished(html: &str, id: &str, paragraphs: &[Leaf], furniture: &Furniture) -> Option<String> {
    let at = match furniture.place {
        Place::InArticle => in_article(html, paragraphs)?,
        Place::AfterArticle => after_article(html, paragraphs)?,
    };
    let (before, after) = (html.get(..at)?, html.get(at..)?);
    Some(format!("{before}{}{after}", (furniture.html)(seed_of(id))))
}

/// The kind whose pages keep only the article's first paragraph.
const SHORT: &str = "short";

/// The plain-text kind that wraps the page at [`WRAP_WIDTH`] columns.
const WRAPPED: &str = "wrapped";
/// The width text dumps wrap at (`lynx -dump` writes 76 characters).
const WRAP_WIDTH: usize = 76;

/// `text` with every line longer than `width` characters broken at the spaces before it
/// (a word longer than the width stands on a line of its own); other lines as they were.
fn wrapped_text(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for line in text.lines() {
        if line.chars().count() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut current = 0;
        for word in line.split_whitespace() {
            let chars = word.chars().count();
            if current > 0 && current + 1 + chars > width {
                out.push('\n');
                current = 0;
            }
            if current > 0 {
                out.push(' ');
                current += 1;
            }
            out.push_str(word);
            current += chars;
        }
        out.push('\n');
    }
    out
}

/// The page cut to the article's first paragraph, and its truth cut alike; `None` unless the
/// article has at least three paragraphs. Everything from the end of the first paragraph to
/// the end of the last loses its text and keeps its markup (the page's structure, its
/// figures and its furniture stay where they were), and the truth loses the same stretch:
/// from the first paragraph's last word to the last paragraph's.
fn shortened(html: &str, truth: &str, paragraphs: &[Leaf]) -> Option<(String, String)> {
    let (first, last) = (paragraphs.first()?, paragraphs.get(2..)?.last()?);
    let cut = html.get(first.end..last.end)?;
    // (The text before the stretch's first tag goes too.)
    let blanked = TEXT_BETWEEN_TAGS.replace_all(cut.get(cut.find('<')?..)?, "><");
    let page = format!(
        "{}{blanked}{}",
        html.get(..first.end)?,
        html.get(last.end..)?
    );
    let mut words = aeb::tokens(truth);
    let find = |words: &[&str], leaf: &Leaf, from: usize| {
        let wanted: Vec<&str> = leaf.words.split(' ').collect();
        let at = words
            .get(from..)?
            .windows(wanted.len())
            .position(|w| w == wanted.as_slice())?;
        Some(from + at + wanted.len())
    };
    let cut_from = find(&words, first, 0)?;
    let cut_to = find(&words, last, cut_from)?;
    words.drain(cut_from..cut_to);
    Some((page, words.join(" ")))
}

static TEXT_BETWEEN_TAGS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r">[^<]*<").expect("valid regex"));

/// The indices of the text's lines that are paragraphs of the article (at least
/// [`MIN_PARAGRAPH_WORDS`] words, all of them in the truth, in order).
fn article_lines(lines: &[&str], truth: &str) -> Vec<usize> {
    let truth = format!(" {} ", aeb::tokens(truth).join(" "));
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            let words = aeb::tokens(line).join(" ");
            words.split(' ').count() >= MIN_PARAGRAPH_WORDS && truth.contains(&format!(" {words} "))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The text with `furniture` written in as a group of lines: between two of the article's
/// paragraphs (the first of them its second or later) that one blank line parts, or after
/// its last paragraph.
fn furnished_text(text: &str, paragraphs: &[usize], furniture: &TextFurniture) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at = match furniture.place {
        Place::InArticle => paragraphs.windows(2).skip(1).find_map(|pair| {
            let blank = lines.get(pair[0] + 1)?.trim().is_empty();
            (pair[1] == pair[0] + 2 && blank).then_some(pair[0] + 1)
        })?,
        Place::AfterArticle => paragraphs.last()? + 1,
    };
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    let mut group = vec![String::new()];
    group.extend((furniture.lines)());
    group.push(String::new());
    let tail = out.split_off(at.min(out.len()));
    out.extend(group);
    out.extend(tail);
    Some(out.join("\n") + "\n")
}

/// One set's figures: per kind (`none` first), the pages and their F1s, and the pages that
/// lost more than [`WORSE`] against their own page without the furniture.
#[derive(Debug)]
pub(crate) struct StressResult {
    pub set: &'static str,
    /// A plain-text set: its kinds are [`TEXT_FURNITURE`]'s.
    pub text: bool,
    pub kinds: Vec<KindResult>,
}

#[derive(Debug)]
pub(crate) struct KindResult {
    pub kind: &'static str,
    pub pages: usize,
    /// F1 over these pages without the furniture, and with it.
    pub f1_without: f64,
    pub f1_with: f64,
    pub worse: usize,
    /// Pages whose output is empty with it (their truth is not).
    pub empty: usize,
}

/// Writes the furnished copies of one set's article pages, runs deboil over each kind and
/// scores them. With `keep`, the copies and deboil's outputs stay in `keep/SET/KIND` and
/// `keep/SET/KIND.out`, and the shortened pages' truth in `keep/SET/short.truth.json`.
fn stress_set(
    name: &'static str,
    input: &Path,
    truth: &BTreeMap<String, Truth>,
    format: Format,
    clean: &Cleaner<'_>,
    keep: Option<&Path>,
) -> anyhow::Result<StressResult> {
    let work_dir = sets::WorkDir::new(keep, name)?;
    let work = work_dir.path();
    let names: Vec<&'static str> = match format {
        Format::Html => FURNITURE
            .iter()
            .map(|f| f.name)
            .chain(std::iter::once(SHORT))
            .collect(),
        Format::Text => TEXT_FURNITURE
            .iter()
            .map(|f| f.name)
            .chain(std::iter::once(WRAPPED))
            .collect(),
    };
    let extension = match format {
        Format::Html => "html",
        Format::Text => "txt",
    };
    let kinds: Vec<&'static str> = std::iter::once("none").chain(names).collect();
    for kind in &kinds {
        work_dir.fresh_folder(kind)?;
    }
    // Per kind, the pages that took the furniture.
    let mut members: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    // The truth of the shortened pages.
    let mut short_truth: BTreeMap<String, String> = BTreeMap::new();
    for sets::ArticlePage {
        id,
        path,
        truth: entry,
    } in sets::article_pages(input, truth)?
    {
        let page = sets::read_page(&path)?;
        let copies: Vec<(&'static str, String)> = match format {
            Format::Html => {
                let paragraphs = article_paragraphs(&page, &entry.article_body);
                let mut copies: Vec<(&'static str, String)> = FURNITURE
                    .iter()
                    .filter_map(|f| Some((f.name, furnished(&page, &id, &paragraphs, f)?)))
                    .collect();
                if let Some((short, truth)) = shortened(&page, &entry.article_body, &paragraphs) {
                    copies.push((SHORT, short));
                    short_truth.insert(id.clone(), truth);
                }
                copies
            }
            Format::Text => {
                let lines: Vec<&str> = page.lines().collect();
                let paragraphs = article_lines(&lines, &entry.article_body);
                let mut copies: Vec<(&'static str, String)> = TEXT_FURNITURE
                    .iter()
                    .filter_map(|f| Some((f.name, furnished_text(&page, &paragraphs, f)?)))
                    .collect();
                let wrapped = wrapped_text(&page, WRAP_WIDTH);
                if wrapped.lines().ne(page.lines()) {
                    copies.push((WRAPPED, wrapped));
                }
                copies
            }
        };
        for (kind, copy) in &copies {
            let file = work.join(kind).join(format!("{id}.{extension}"));
            std::fs::write(&file, copy)
                .with_context(|| format!("cannot write {}", file.display()))?;
            members.entry(kind).or_default().push(id.clone());
        }
        if !copies.is_empty() {
            let file = work.join("none").join(format!("{id}.{extension}"));
            std::fs::write(&file, &page)
                .with_context(|| format!("cannot write {}", file.display()))?;
        }
    }
    if keep.is_some() && !short_truth.is_empty() {
        let file = work.join("short.truth.json");
        let json = serde_json::to_string_pretty(&short_truth).context("short truth as JSON")?;
        std::fs::write(&file, json).with_context(|| format!("cannot write {}", file.display()))?;
    }
    let mut outputs: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for kind in &kinds {
        let out = work.join(format!("{kind}.out"));
        outputs.insert(kind, clean(&work.join(kind), &out, kind)?);
    }
    let score = |kind: &str, id: &str| {
        let prediction = outputs
            .get(kind)
            .and_then(|o| o.get(id))
            .map_or("", String::as_str);
        let body = match short_truth.get(id) {
            Some(short) if kind == SHORT => short.as_str(),
            _ => truth.get(id).map_or("", |t| t.article_body.as_str()),
        };
        aeb::score_page(body, prediction)
    };
    let empty = |kind: &str, id: &str| {
        outputs
            .get(kind)
            .and_then(|o| o.get(id))
            .is_none_or(|text| aeb::tokens(text).is_empty())
    };
    let kinds = kinds
        .iter()
        .map(|&kind| {
            let ids: Vec<String> = if kind == "none" {
                members
                    .values()
                    .flatten()
                    .cloned()
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect()
            } else {
                members.get(kind).cloned().unwrap_or_default()
            };
            let without: Vec<aeb::PageScore> = ids.iter().map(|id| score("none", id)).collect();
            let with: Vec<aeb::PageScore> = ids.iter().map(|id| score(kind, id)).collect();
            let worse = without
                .iter()
                .zip(&with)
                .filter(|(a, b)| a.f1() - b.f1() > WORSE)
                .count();
            KindResult {
                kind,
                pages: ids.len(),
                f1_without: aeb::totals(&without).f1,
                f1_with: aeb::totals(&with).f1,
                worse,
                empty: ids.iter().filter(|id| empty(kind, id)).count(),
            }
        })
        .collect();
    Ok(StressResult {
        set: name,
        text: format == Format::Text,
        kinds,
    })
}

/// Runs the stress over every set present in `data`; `clean` runs deboil over a folder into
/// an output folder and returns the texts by page id.
pub(crate) fn run(
    data: &Path,
    clean: &Cleaner,
    keep: Option<&Path>,
) -> anyhow::Result<Vec<StressResult>> {
    let mut results = Vec::new();
    for set in &sets::SETS {
        let Some(truth) = sets::read_truth(data, set, "stress")? else {
            continue;
        };
        eprintln!("bench: stress: {}", set.name);
        results.push(stress_set(
            set.name,
            &data.join(set.input),
            &truth,
            set.format,
            clean,
            keep,
        )?);
    }
    Ok(results)
}

/// The stress tables, HTML sets then plain-text sets: one row per kind, one column per set.
pub(crate) fn render(results: &[StressResult]) -> String {
    let (text, html): (Vec<&StressResult>, Vec<&StressResult>) =
        results.iter().partition(|r| r.text);
    let mut out = String::new();
    for (i, group) in [html, text].iter().filter(|g| !g.is_empty()).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&render_table(group));
    }
    let _ = writeln!(
        out,
        "\nStress: each set's article pages with one piece of furniture written in (no class names), \
         scored against the same truth; `{SHORT}`: the article cut to its first paragraph, scored \
         against its truth cut alike.\nCells: F1 with it (change against the same pages without \
         it; pages whose F1 fell by more than {WORSE}; pages whose output is empty)."
    );
    out
}

/// One table of sets that share their kinds.
fn render_table(results: &[&StressResult]) -> String {
    let mut out = String::new();
    let _ = write!(out, "{:<16}", "furniture");
    for r in results {
        let _ = write!(out, " {:>43}", r.set);
    }
    out.push('\n');
    let kinds = results.first().map_or(0, |r| r.kinds.len());
    for k in 0..kinds {
        let name = results
            .first()
            .and_then(|r| r.kinds.get(k))
            .map_or("", |k| k.kind);
        let _ = write!(out, "{name:<16}");
        for r in results {
            let Some(kind) = r.kinds.get(k) else { continue };
            let empty = match kind.empty {
                0 => String::new(),
                n => format!(", {n} empty"),
            };
            let cell = if kind.kind == "none" {
                format!("{:.4} ({} pages{empty})", kind.f1_without, kind.pages)
            } else {
                format!(
                    "{:.4} ({:+.4}, {} of {} lost{empty})",
                    kind.f1_with,
                    kind.f1_with - kind.f1_without,
                    kind.worse,
                    kind.pages
                )
            };
            let _ = write!(out, " {cell:>43}");
        }
        out.push('\n');
    }
    out
}

/// The stress figures as JSON.
pub(crate) fn json(results: &[StressResult]) -> serde_json::Value {
    serde_json::Value::Object(
        results
            .iter()
            .map(|r| {
                let kinds = r
                    .kinds
                    .iter()
                    .map(|k| {
                        (
                            k.kind.to_string(),
                            serde_json::json!({
                                "pages": k.pages,
                                "f1_without": k.f1_without,
                                "f1_with": k.f1_with,
                                "pages_lost": k.worse,
                                "pages_empty": k.empty,
                            }),
                        )
                    })
                    .collect();
                (r.set.to_string(), serde_json::Value::Object(kinds))
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><body><div class=nav><a href=/>Home</a></div>\
        <div class=story><h1>Title</h1>\
        <p>One two three four five six seven eight nine.</p>\n\
        <p>Ten eleven twelve thirteen fourteen fifteen sixteen seventeen.</p>\n\
        <p>Eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four.</p>\
        <div>A short line</div></div><div class=footer>© 2019</div></body></html>";
    const TRUTH: &str = "One two three four five six seven eight nine. Ten eleven twelve \
        thirteen fourteen fifteen sixteen seventeen. Eighteen nineteen twenty twenty-one \
        twenty-two twenty-three twenty-four.";

    #[test]
    fn leaves_are_blocks_without_blocks_inside() {
        let found: Vec<String> = leaves(PAGE).into_iter().map(|l| l.words).collect();
        assert_eq!(
            found,
            [
                "Home",
                "One two three four five six seven eight nine",
                "Ten eleven twelve thirteen fourteen fifteen sixteen seventeen",
                "Eighteen nineteen twenty twenty one twenty two twenty three twenty four",
                "A short line",
                "2019",
            ]
        );
    }

    #[test]
    fn furniture_goes_between_paragraphs_and_after_the_article() {
        let paragraphs = article_paragraphs(PAGE, TRUTH);
        assert_eq!(paragraphs.len(), 3);
        // Between the second and the third paragraph, not after the first.
        let at = in_article(PAGE, &paragraphs).expect("a place in the article");
        assert!(PAGE[..at].ends_with("seventeen.</p>"));
        // After the story's container, before the footer.
        let at = after_article(PAGE, &paragraphs).expect("a place after the article");
        assert!(PAGE[at..].starts_with("<div class=footer>"));
    }

    #[test]
    fn a_page_without_two_adjacent_paragraphs_takes_no_furniture_inside() {
        let page = PAGE.replace("seventeen.</p>\n", "seventeen.</p><img src=x>");
        let paragraphs = article_paragraphs(&page, TRUTH);
        assert_eq!(in_article(&page, &paragraphs), None);
        assert!(after_article(&page, &paragraphs).is_some());
    }

    #[test]
    fn the_furniture_is_the_same_for_the_same_page() {
        let paragraphs = article_paragraphs(PAGE, TRUTH);
        for furniture in &FURNITURE {
            let a = furnished(PAGE, "0042", &paragraphs, furniture).expect("furnished");
            let b = furnished(PAGE, "0042", &paragraphs, furniture).expect("furnished");
            assert_eq!(a, b, "{}", furniture.name);
            assert!(a.contains((furniture.html)(seed_of("0042")).as_str()));
            assert_eq!(
                a.len(),
                PAGE.len() + (furniture.html)(seed_of("0042")).len()
            );
        }
        let wp = FURNITURE
            .iter()
            .find(|f| f.name == "thread-wp")
            .expect("a thread");
        let thread = |id| (wp.html)(seed_of(id));
        assert_ne!(thread("0042"), thread("0043"));
    }

    #[test]
    fn a_short_article_keeps_its_first_paragraph_in_the_page_and_the_truth() {
        let paragraphs = article_paragraphs(PAGE, TRUTH);
        let (page, truth) = shortened(PAGE, TRUTH, &paragraphs).expect("three paragraphs");
        // The other paragraphs keep their markup, not their text; what follows is untouched.
        assert!(page.contains(
            "<h1>Title</h1><p>One two three four five six seven eight nine.</p><p></p><p></p>\
             <div>A short line</div>"
        ));
        assert_eq!(truth, "One two three four five six seven eight nine");
        // Two paragraphs: nothing to cut.
        assert_eq!(shortened(PAGE, TRUTH, &paragraphs[..2]), None);
    }

    const TEXT: &str = "Home\nNews\n\nTitle\n\n\
        One two three four five six seven eight nine.\n\n\
        Ten eleven twelve thirteen fourteen fifteen sixteen seventeen.\n\n\
        Eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four.\n\
        © 2019\n";

    #[test]
    fn a_wrapped_page_breaks_its_long_lines_at_the_width_and_keeps_its_words() {
        let page = "Menu\n\nThe council met on Tuesday to decide the pool's future.\n";
        let wrapped = wrapped_text(page, 20);
        assert_eq!(
            wrapped,
            "Menu\n\nThe council met on\nTuesday to decide\nthe pool's future.\n"
        );
        assert!(wrapped.lines().all(|l| l.chars().count() <= 20));
        assert_eq!(
            aeb::tokens(&wrapped),
            aeb::tokens(page),
            "the words stay, in order"
        );
        // A word longer than the width stands alone.
        assert_eq!(
            wrapped_text("see https://example.com/a/long/path now", 10),
            "see\nhttps://example.com/a/long/path\nnow\n"
        );
    }

    #[test]
    fn text_furniture_is_a_group_of_its_own_lines() {
        let lines: Vec<&str> = TEXT.lines().collect();
        let paragraphs = article_lines(&lines, TRUTH);
        assert_eq!(paragraphs, [5, 7, 9]);
        let appeal = TEXT_FURNITURE
            .iter()
            .find(|f| f.name == "appeal")
            .expect("an appeal");
        let page = furnished_text(TEXT, &paragraphs, appeal).expect("a place in the article");
        // Between the second and the third paragraph, blank lines around it.
        assert!(page.contains(
            "seventeen.\n\nSupport independent journalism\nWe rely on readers like you. A \
             gift of any size keeps our reporting free for everyone.\nDonate now\n\n\nEighteen"
        ));
        let bio = TEXT_FURNITURE
            .iter()
            .find(|f| f.name == "author-bio")
            .expect("a bio");
        let page = furnished_text(TEXT, &paragraphs, bio).expect("a place after the article");
        assert!(page.contains("twenty-four.\n\nJane Miller is a senior reporter"));
        assert!(page.ends_with("Leeds with her family.\n\n© 2019\n"));
        // Without a blank line between two of its paragraphs, nothing goes inside.
        let packed = TEXT.replace("seventeen.\n\n", "seventeen.\n");
        let lines: Vec<&str> = packed.lines().collect();
        let paragraphs = article_lines(&lines, TRUTH);
        assert_eq!(furnished_text(&packed, &paragraphs, appeal), None);
    }
}
