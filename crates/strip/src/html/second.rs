//! A second, independent opinion on where the article is: ancestor scoring in the manner of
//! Readability (Arc90's algorithm as its public description gives it), over the node table
//! and blocks the walk already made, so it costs one pass over each.
//!
//! 1. Every prose block (a paragraph, a table row, a quote, preformatted text: 25 characters
//!    or more) scores `1 + commas + min(chars / 100, 3)`; its element's parent receives the
//!    whole score, the grandparent half, ancestors further up `score / (3 × level)`, five
//!    levels at most. An element starts from the weight of its tag and of what its class and
//!    id say (content +25, boilerplate −25).
//! 2. An element's final score is its score × (1 − its link density); the best is the top
//!    candidate. The top climbs to an ancestor that holds three of the near-best candidates,
//!    or whose own score beats it.
//! 3. The top's siblings join it when they score a fifth of it (more easily with the top's
//!    shape), or when they are a prose paragraph with few links.
//! 4. Inside the chosen elements, boilerplate regions with links (a share bar, a related list)
//!    and link-dense short blocks are left out.
//!
//! First attempt: blocks under an element that markup calls boilerplate score nothing, and
//! class names weigh. When that finds less than [`MIN_ARTICLE_CHARS`], a second attempt scores
//! every block and ignores class names: markup that calls the article a "newsletter" (a
//! newsletter platform's post page) or "nav" must not hide it from this opinion.
//!
//! The opinion never removes or keeps anything itself: the judge (`crate::judge`) weighs it
//! against the rules.

use super::blocks::NodeInfo;
use super::hints::{Evidence, Source};
use crate::candidate::Candidate;
use crate::model::{BlockKind, Category};

/// The element kinds the scoring tells apart, by tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    /// `div`, `article`, `section`, `main`, custom elements: containers of prose.
    Div,
    /// `pre`, `td`, `blockquote`: hold prose themselves.
    Holder,
    /// Lists, their items, `address`, `form`: rarely the article's container.
    Listy,
    /// `h1`–`h6`, `th`: headings never contain the article.
    Heading,
    /// `p`: a paragraph; scores go to its parent.
    Paragraph,
    /// Inline elements (`a`, `span`, `strong` …): a block's owner may be one.
    Inline,
    /// Anything else (`body`, `table`, `tr`, `figure` …).
    Other,
}

impl Tag {
    pub(super) fn of(name: &str) -> Tag {
        match name {
            "div" | "article" | "section" | "main" => Tag::Div,
            "pre" | "td" | "blockquote" => Tag::Holder,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => Tag::Listy,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => Tag::Heading,
            "p" => Tag::Paragraph,
            "a" | "span" | "strong" | "b" | "em" | "i" | "u" | "small" | "font" | "code"
            | "mark" | "abbr" | "cite" | "q" | "sup" | "sub" | "time" | "label" => Tag::Inline,
            n if n.contains('-') => Tag::Div,
            _ => Tag::Other,
        }
    }

    /// Readability's starting weight of an element by its tag.
    fn weight(self) -> f64 {
        match self {
            Tag::Div => 5.0,
            Tag::Holder => 3.0,
            Tag::Listy => -3.0,
            Tag::Heading => -5.0,
            Tag::Paragraph | Tag::Inline | Tag::Other => 0.0,
        }
    }
}

/// What class and id names are worth: Readability's ±25.
const CLASS_WEIGHT: f64 = 25.0;
/// Blocks shorter than this are not scored (a label, a date, a button).
const MIN_SCORED_CHARS: usize = 25;
/// Levels of ancestors a block's score reaches.
const SCORED_LEVELS: usize = 5;
/// Below this much text, the first attempt failed and the second ignores class names.
pub(crate) const MIN_ARTICLE_CHARS: usize = 500;
/// Near-best candidates score at least this share of the best.
const NEAR_BEST: f64 = 0.75;
/// An ancestor holding this many near-best candidates holds the article.
const NEAR_BEST_SHARED: usize = 3;
/// A sibling joins when it scores this share of the top (and at least [`SIBLING_FLOOR`]).
const SIBLING_SHARE: f64 = 0.2;
const SIBLING_FLOOR: f64 = 10.0;
/// A sibling paragraph joins on its own when longer than this with few links …
const SIBLING_PROSE_CHARS: usize = 80;
const SIBLING_PROSE_LINKS: f64 = 0.25;
/// A region inside the article with more links than this share is the article's furniture
/// (when markup calls it boilerplate).
const FURNITURE_LINKS: f64 = 0.2;
/// A block inside the article that is mostly links and short is a link line.
const LINK_LINE_DENSITY: f64 = 0.5;
const LINK_LINE_CHARS: usize = 200;

/// The second opinion on one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Opinion {
    /// Per block (parallel to the candidates): inside the article this opinion found.
    pub in_article: Vec<bool>,
    /// Characters of text this opinion calls article.
    pub chars: usize,
    /// The first attempt found too little; class names were ignored.
    pub retried: bool,
}

/// Per-node sums over the subtree.
struct Sums {
    chars: Vec<usize>,
    link_chars: Vec<usize>,
    /// The last block in the subtree ([`NO_BLOCK`] for none).
    last_block: Vec<usize>,
}

const NO_BLOCK: usize = usize::MAX;

impl Sums {
    fn of(nodes: &[NodeInfo], cands: &[Candidate], owners: &[usize]) -> Sums {
        let mut chars = vec![0usize; nodes.len()];
        let mut link_chars = vec![0usize; nodes.len()];
        let mut last_block = vec![NO_BLOCK; nodes.len()];
        for (i, (c, &o)) in cands.iter().zip(owners).enumerate() {
            if let Some(last) = last_block.get_mut(o) {
                *last = i;
            }
            if let (Some(total), Some(links)) = (chars.get_mut(o), link_chars.get_mut(o)) {
                let n = c.text.chars().count();
                *total += n;
                *links += c.link_chars.min(n);
            }
        }
        // Children come after their parents in the table: one reverse pass sums the tree.
        for i in (1..nodes.len()).rev() {
            let parent = nodes[i].parent;
            if parent < nodes.len() {
                chars[parent] += chars[i];
                link_chars[parent] += link_chars[i];
                if last_block[i] != NO_BLOCK
                    && (last_block[parent] == NO_BLOCK || last_block[i] > last_block[parent])
                {
                    last_block[parent] = last_block[i];
                }
            }
        }
        Sums {
            chars,
            link_chars,
            last_block,
        }
    }

    fn link_density(&self, node: usize) -> f64 {
        match self.chars.get(node) {
            Some(&0) | None => 0.0,
            Some(&total) => self.link_chars.get(node).copied().unwrap_or(0) as f64 / total as f64,
        }
    }
}

/// Whether markup calls a node boilerplate (its class, id, role or tag).
fn boiler(node: &NodeInfo, with_classes: bool) -> bool {
    match node.evidence {
        Evidence::Boiler {
            source, category, ..
        } => {
            // A byline or caption region sits inside articles; it hides no article.
            !matches!(category, Category::Byline | Category::Caption)
                && (with_classes || source != Source::Class)
        }
        Evidence::Positional { source, .. } => with_classes || source != Source::Class,
        _ => false,
    }
}

fn class_weight(node: &NodeInfo) -> f64 {
    match node.evidence {
        Evidence::Content { .. } => CLASS_WEIGHT,
        Evidence::Boiler { source, .. } | Evidence::Positional { source, .. }
            if source == Source::Class =>
        {
            -CLASS_WEIGHT
        }
        _ => 0.0,
    }
}

/// Forms the second opinion.
pub(super) fn opinion(nodes: &[NodeInfo], cands: &[Candidate], owners: &[usize]) -> Opinion {
    let sums = Sums::of(nodes, cands, owners);
    let first = attempt(nodes, cands, owners, &sums, true);
    if first.chars >= MIN_ARTICLE_CHARS {
        return first;
    }
    let second = attempt(nodes, cands, owners, &sums, false);
    if second.chars > first.chars {
        Opinion {
            retried: true,
            ..second
        }
    } else {
        first
    }
}

fn attempt(
    nodes: &[NodeInfo],
    cands: &[Candidate],
    owners: &[usize],
    sums: &Sums,
    with_classes: bool,
) -> Opinion {
    let none = || Opinion {
        in_article: vec![false; cands.len()],
        ..Opinion::default()
    };
    // Nodes under boilerplate markup (first attempt only): their blocks score nothing.
    let mut unlikely = vec![false; nodes.len()];
    if with_classes {
        for (i, n) in nodes.iter().enumerate() {
            let inherited = unlikely.get(n.parent).copied().unwrap_or(false);
            let strong_content = matches!(n.evidence, Evidence::Content { strong: true, .. });
            unlikely[i] = !strong_content && (inherited || boiler(n, true));
        }
    }

    let mut score = vec![0.0f64; nodes.len()];
    let mut scored = vec![false; nodes.len()];
    let initial = |i: usize| -> f64 {
        let weight = nodes.get(i).map_or(0.0, |n| n.tag.weight());
        let class = if with_classes {
            nodes.get(i).map_or(0.0, class_weight)
        } else {
            0.0
        };
        weight + class
    };
    for (c, &owner) in cands.iter().zip(owners) {
        if !matches!(
            c.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::Preformatted | BlockKind::TableRow
        ) || unlikely.get(owner).copied().unwrap_or(true)
        {
            continue;
        }
        let chars = c.text.chars().count();
        if chars < MIN_SCORED_CHARS {
            continue;
        }
        let commas = c
            .text
            .chars()
            .filter(|&ch| matches!(ch, ',' | '，' | '、' | '،'))
            .count();
        let block_score = 1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0);
        // The paragraph element: the owner, or the block element around an inline owner.
        let mut paragraph = owner;
        while let Some(n) = nodes.get(paragraph) {
            if n.tag != Tag::Inline || n.parent >= nodes.len() {
                break;
            }
            paragraph = n.parent;
        }
        let mut ancestor = nodes.get(paragraph).map_or(usize::MAX, |n| n.parent);
        for level in 0..SCORED_LEVELS {
            let Some(n) = nodes.get(ancestor) else {
                break;
            };
            if !scored[ancestor] {
                scored[ancestor] = true;
                score[ancestor] = initial(ancestor);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            score[ancestor] += block_score / divider;
            ancestor = n.parent;
        }
    }
    let final_score = |i: usize| score[i] * (1.0 - sums.link_density(i));

    // The top candidate, and the near-best ones.
    let mut ranked: Vec<(usize, f64)> = (0..nodes.len())
        .filter(|&i| scored[i])
        .map(|i| (i, final_score(i)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let Some(&(mut top, top_score)) = ranked.first() else {
        return none();
    };
    if top_score <= 0.0 {
        return none();
    }
    let near_best: Vec<usize> = ranked
        .iter()
        .skip(1)
        .take(4)
        .filter(|(_, s)| *s >= NEAR_BEST * top_score)
        .map(|&(i, _)| i)
        .collect();
    let contains = |a: usize, b: usize| nodes.get(a).is_some_and(|n| a <= b && b <= n.end);
    if near_best.len() >= NEAR_BEST_SHARED {
        let mut ancestor = nodes[top].parent;
        while let Some(n) = nodes.get(ancestor) {
            if n.page_root {
                break;
            }
            let held = near_best.iter().filter(|&&c| contains(ancestor, c)).count();
            if held >= NEAR_BEST_SHARED {
                top = ancestor;
                break;
            }
            ancestor = n.parent;
        }
    }
    // Climb while the ancestors keep scoring; an ancestor that beats the top takes over.
    let mut last = final_score(top);
    let mut ancestor = nodes[top].parent;
    while let Some(n) = nodes.get(ancestor) {
        if n.page_root {
            break;
        }
        if scored[ancestor] {
            let s = final_score(ancestor);
            if s < last / 3.0 {
                break;
            }
            if s > last {
                top = ancestor;
                break;
            }
            last = s;
        }
        ancestor = n.parent;
    }

    // The top and its siblings.
    let top_score = final_score(top).max(0.0);
    let mut chosen = vec![top];
    let parent = nodes[top].parent;
    if let Some(p) = nodes.get(parent).filter(|p| !p.page_root || parent != 0) {
        let mut j = parent + 1;
        while j <= p.end && j < nodes.len() {
            let sibling = &nodes[j];
            if j != top
                && sibling.parent == parent
                && joins(j, top, top_score, nodes, cands, sums, &scored, &final_score)
            {
                chosen.push(j);
            }
            j = sibling.end.max(j) + 1;
        }
    }

    // Blocks inside the chosen elements, less their furniture.
    let mut furniture = vec![false; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        let inherited = furniture.get(n.parent).copied().unwrap_or(false);
        furniture[i] = inherited
            || (boiler(n, with_classes) && sums.link_density(i) > FURNITURE_LINKS)
            || matches!(
                n.evidence,
                Evidence::Boiler {
                    source: Source::Tag | Source::Role,
                    category: Category::Navigation,
                    ..
                }
            );
    }
    let mut in_article = vec![false; cands.len()];
    let mut chars = 0;
    for ((c, &owner), slot) in cands.iter().zip(owners).zip(in_article.iter_mut()) {
        let inside = chosen.iter().any(|&n| contains(n, owner));
        let n = c.text.chars().count();
        let link_line = c.link_density() > LINK_LINE_DENSITY && n < LINK_LINE_CHARS;
        if inside && !furniture.get(owner).copied().unwrap_or(true) && !link_line {
            *slot = true;
            chars += n;
        }
    }
    Opinion {
        in_article,
        chars,
        retried: false,
    }
}

/// Whether a sibling of the top candidate joins the article.
#[allow(clippy::too_many_arguments)]
fn joins(
    sibling: usize,
    top: usize,
    top_score: f64,
    nodes: &[NodeInfo],
    cands: &[Candidate],
    sums: &Sums,
    scored: &[bool],
    final_score: &dyn Fn(usize) -> f64,
) -> bool {
    let (Some(s), Some(t)) = (nodes.get(sibling), nodes.get(top)) else {
        return false;
    };
    let bonus = if s.shape == t.shape && s.shape != super::blocks::NO_SHAPE {
        top_score * SIBLING_SHARE
    } else {
        0.0
    };
    if scored.get(sibling).copied().unwrap_or(false)
        && final_score(sibling) + bonus >= (top_score * SIBLING_SHARE).max(SIBLING_FLOOR)
    {
        return true;
    }
    if s.tag != Tag::Paragraph {
        return false;
    }
    // A paragraph beside the article: its own block(s).
    let chars = sums.chars.get(sibling).copied().unwrap_or(0);
    let density = sums.link_density(sibling);
    if chars > SIBLING_PROSE_CHARS {
        return density < SIBLING_PROSE_LINKS;
    }
    let text_ends_sentence = sums
        .last_block
        .get(sibling)
        .and_then(|&i| cands.get(i))
        .is_some_and(|c| c.text.trim_end().ends_with(['.', '!', '?', '。']));
    chars > 0 && density == 0.0 && text_ends_sentence
}

#[cfg(test)]
mod tests {
    use crate::html::candidates;

    const PROSE: [&str; 3] = [
        "The committee met on Tuesday, after weeks of delay, and agreed on a budget that keeps the libraries open, the pools heated and the buses running late.",
        "Members argued for hours about the parks, the roads and the new school, but in the end, as so often, the vote followed the recommendation of the treasurer.",
        "The plan goes to the full council next month, where it needs a simple majority, and the mayor has said she expects it to pass without amendments.",
    ];

    fn page(article_class: &str) -> String {
        let paragraphs: String = PROSE.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            "<html><body><div class=\"menu\"><ul><li><a href=\"/\">Home</a></li>\
             <li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport, results and tables</a></li></ul></div>\
             <div class=\"{article_class}\"><h1>Budget agreed</h1>{paragraphs}</div>\
             <aside><p><a href=\"/a\">Another story about the council, the budget and the mayor</a></p></aside>\
             </body></html>"
        )
    }

    #[test]
    fn the_opinion_takes_the_prose_and_leaves_the_links() {
        let (cands, meta) = candidates(&page("story"));
        assert!(meta.second_opinion && !meta.second_retried);
        for c in &cands {
            // The article's own heading is in its region; the menu and the aside are not.
            let article = PROSE.contains(&c.text.as_str()) || c.text == "Budget agreed";
            assert_eq!(c.second, article, "{}", c.text);
        }
    }

    #[test]
    fn markup_that_hides_the_article_is_ignored_on_the_second_attempt() {
        let (cands, meta) = candidates(&page("newsletter-footer"));
        assert!(meta.second_retried);
        for text in PROSE {
            let c = cands.iter().find(|c| c.text == text).expect("block");
            assert!(c.second, "{text}");
        }
    }
}
