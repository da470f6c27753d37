//! Page metadata: meta tags, JSON-LD, `<title>`, `time[datetime]`, `rel=author`.

use crate::candidate::PageMeta;
use serde_json::Value;

/// What the walk collected; resolved into [`PageMeta`] by [`RawMeta::resolve`].
#[derive(Debug, Default)]
pub(super) struct RawMeta {
    pub title_tag: Option<String>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    pub json_ld: Vec<String>,
    og_title: Option<String>,
    twitter_title: Option<String>,
    og_site_name: Option<String>,
    og_url: Option<String>,
    /// `og:description`, `twitter:description` or `<meta name=description>`, first found.
    description: Option<String>,
    meta_authors: Vec<String>,
    article_authors: Vec<String>,
    markup_authors: Vec<String>,
    /// (priority, value): lower priority wins.
    dates: Vec<(u8, String)>,
    /// `time[datetime]` values inside an article.
    times: Vec<String>,
    /// Microdata says the page is a forum thread (`itemtype=…/DiscussionForumPosting`).
    pub discussion: bool,
    /// `og:type=article` or an `article:published_time`: the page says it is an article.
    article: bool,
}

/// The `<meta name|property>` keys (lowercase) that [`RawMeta::add_meta`] reads.
/// `prune` drops every other `<meta>` of the head (without `itemprop`) before parsing.
pub(super) const META_KEYS: [&str; 29] = [
    "og:title",
    "twitter:title",
    "og:site_name",
    "og:url",
    "og:description",
    "twitter:description",
    "description",
    "author",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
    "article:author",
    "article:published_time",
    "og:type",
    "og:published_time",
    "published_time",
    "publish-date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "datepublished",
];

impl RawMeta {
    pub(crate) fn add_meta(&mut self, key: &str, content: &str) {
        let content = content.trim();
        if content.is_empty() || key.len() > 40 {
            return;
        }
        let key = key.trim().to_ascii_lowercase();
        // Other keys are never read: the pruner drops their tags from the head.
        if !META_KEYS.contains(&key.as_str()) {
            return;
        }
        let set = |slot: &mut Option<String>| {
            if slot.is_none() {
                *slot = Some(content.to_string());
            }
        };
        match key.as_str() {
            "og:title" => set(&mut self.og_title),
            "twitter:title" => set(&mut self.twitter_title),
            "og:site_name" => set(&mut self.og_site_name),
            "og:url" => set(&mut self.og_url),
            "og:description" | "twitter:description" | "description" => set(&mut self.description),
            "author" | "dc.creator" | "parsely-author" | "sailthru.author" => {
                self.meta_authors.push(content.to_string())
            }
            "article:author" => self.article_authors.push(content.to_string()),
            "article:published_time" => {
                self.article = true;
                self.dates.push((1, content.to_string()));
            }
            "og:type" => self.article |= content.eq_ignore_ascii_case("article"),
            "og:published_time" | "published_time" | "publish-date" | "publishdate" | "pubdate"
            | "date" | "dc.date" | "dc.date.issued" | "dcterms.date" | "dcterms.issued"
            | "dcterms.created" | "parsely-pub-date" | "sailthru.date" | "article.published"
            | "datepublished" => self.dates.push((2, content.to_string())),
            _ => {}
        }
    }

    pub(crate) fn add_itemprop(&mut self, prop: &str, content: &str) {
        if prop.split_ascii_whitespace().any(|p| p == "datePublished") {
            self.dates.push((3, content.trim().to_string()));
        }
    }

    pub(crate) fn add_time(&mut self, datetime: &str, in_article: bool) {
        if in_article && self.times.len() < 8 {
            self.times.push(datetime.trim().to_string());
        }
    }

    pub(crate) fn add_author_text(&mut self, text: &str) {
        if self.markup_authors.len() < 8 {
            self.markup_authors.push(text.to_string());
        }
    }

    /// Resolves the collected values; `h1` is the first level-1 heading of the main content.
    pub(crate) fn resolve(self, ld: &JsonLd, h1: Option<&str>) -> PageMeta {
        let site_name = self
            .og_site_name
            .clone()
            .or_else(|| ld.publisher.clone())
            .map(|s| normalize_ws(&s))
            .filter(|s| !s.is_empty());
        let url = [self.canonical.as_deref(), self.og_url.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|u| is_absolute_http(u))
            .map(str::to_string);

        let mut site_names: Vec<&str> = Vec::new();
        if let Some(s) = &self.og_site_name {
            site_names.push(s);
        }
        if let Some(s) = &ld.publisher {
            site_names.push(s);
        }
        let host = url.as_deref().and_then(host_of);
        let title = [
            (self.og_title.as_deref(), false),
            (self.twitter_title.as_deref(), false),
            (ld.headline.as_deref(), false),
            (h1, false),
            (self.title_tag.as_deref(), true),
        ]
        .into_iter()
        .find_map(|(t, generic)| {
            let t = normalize_ws(t?);
            let t = strip_site_name(&t, &site_names, host, generic);
            (!t.is_empty()).then_some(t)
        });

        let authors = [
            ld.authors.clone(),
            self.meta_authors.clone(),
            self.article_authors
                .iter()
                .filter(|a| !a.contains("://") && !a.starts_with("www."))
                .cloned()
                .collect(),
            self.markup_authors.clone(),
        ]
        .into_iter()
        .map(|list| clean_authors(&list))
        .find(|list| !list.is_empty())
        .unwrap_or_default();

        let mut dates: Vec<(u8, &str)> = Vec::new();
        if let Some(d) = &ld.published {
            dates.push((0, d));
        }
        dates.extend(self.dates.iter().map(|(p, d)| (*p, d.as_str())));
        dates.extend(self.times.iter().map(|d| (4, d.as_str())));
        dates.sort_by_key(|(p, _)| *p);
        let published = dates.iter().find_map(|(_, d)| normalize_date(d));

        PageMeta {
            title,
            authors,
            published,
            site_name,
            url,
            declared_language: self.lang,
            description: self
                .description
                .or_else(|| ld.description.clone())
                .map(|d| normalize_ws(&d))
                .filter(|d| !d.is_empty()),
            discussion: ld.discussion || self.discussion,
            declared_article: ld.article || self.article,
            ..PageMeta::default()
        }
    }
}

/// The parts of the page's JSON-LD we use.
#[derive(Debug, Default)]
pub(super) struct JsonLd {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub description: Option<String>,
    /// Length in characters of `articleBody`, as evidence for the main container.
    pub body_chars: Option<usize>,
    /// The page says it is a forum thread (`DiscussionForumPosting`): its replies are content.
    pub discussion: bool,
    /// The page says it is an article (a node of an article type).
    pub article: bool,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "SatiricalArticle",
    "AdvertiserContentArticle",
];

impl JsonLd {
    pub(crate) fn from_scripts(scripts: &[String]) -> JsonLd {
        let mut nodes: Vec<&Value> = Vec::new();
        let parsed: Vec<Value> = scripts
            .iter()
            .filter_map(|s| serde_json::from_str::<Value>(s.trim()).ok())
            .collect();
        for v in &parsed {
            collect_nodes(v, &mut nodes);
        }
        let article = nodes
            .iter()
            .copied()
            .find(|n| has_type(n, |t| ARTICLE_TYPES.contains(&t)))
            .or_else(|| {
                nodes
                    .iter()
                    .copied()
                    .find(|n| has_type(n, |t| t.ends_with("Article")))
            });
        let page = nodes
            .iter()
            .copied()
            .find(|n| has_type(n, |t| t.ends_with("WebPage")));
        let mut out = JsonLd {
            discussion: nodes
                .iter()
                .any(|n| has_type(n, |t| t == "DiscussionForumPosting")),
            ..JsonLd::default()
        };
        out.article = article.is_some();
        let Some(node) = article.or(page) else {
            return out;
        };
        let by_id = |id: &str| {
            nodes
                .iter()
                .copied()
                .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
        };
        out.headline = str_field(node, "headline").or_else(|| str_field(node, "name"));
        out.published = str_field(node, "datePublished").or_else(|| str_field(node, "dateCreated"));
        out.description = str_field(node, "description");
        if let Some(a) = node.get("author").or_else(|| node.get("creator")) {
            collect_names(a, &by_id, &mut out.authors, 0);
        }
        if let Some(p) = node.get("publisher") {
            let mut names = Vec::new();
            collect_names(p, &by_id, &mut names, 0);
            out.publisher = names.into_iter().next();
        }
        out.body_chars = node
            .get("articleBody")
            .and_then(Value::as_str)
            .map(|b| b.chars().count());
        out
    }
}

fn collect_nodes<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    // JSON-LD is shallow in practice; an explicit stack keeps hostile input harmless.
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        if out.len() > 500 {
            return;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                out.push(v);
                if let Some(g) = map.get("@graph") {
                    stack.push(g);
                }
                if let Some(m) = map.get("mainEntity") {
                    stack.push(m);
                }
            }
            _ => {}
        }
    }
}

fn has_type(v: &Value, pred: impl Fn(&str) -> bool) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => pred(strip_schema(s)),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .any(|s| pred(strip_schema(s))),
        _ => false,
    }
}

fn strip_schema(t: &str) -> &str {
    t.rsplit(['/', ':']).next().unwrap_or(t)
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(normalize_ws(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .map(normalize_ws)
            .find(|s| !s.is_empty()),
        _ => None,
    }
}

fn collect_names<'a>(
    v: &'a Value,
    by_id: &dyn Fn(&str) -> Option<&'a Value>,
    out: &mut Vec<String>,
    depth: u8,
) {
    if depth > 3 || out.len() > 20 {
        return;
    }
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => {
            for i in items {
                collect_names(i, by_id, out, depth + 1);
            }
        }
        Value::Object(map) => match map.get("name") {
            Some(Value::String(n)) => out.push(n.clone()),
            Some(other @ Value::Array(_)) => collect_names(other, by_id, out, depth + 1),
            _ => {
                if let Some(target) = map.get("@id").and_then(Value::as_str).and_then(by_id) {
                    if !std::ptr::eq(target, v) {
                        collect_names(target, by_id, out, depth + 1);
                    }
                }
            }
        },
        _ => {}
    }
}

fn clean_authors(list: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in list {
        let a = normalize_ws(a);
        let mut a = a.as_str();
        for prefix in [
            "By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ",
        ] {
            if let Some(rest) = a.strip_prefix(prefix) {
                a = rest.trim_start();
            }
        }
        let a = a.trim_matches(|c: char| c == ',' || c == '|' || c.is_whitespace());
        if a.is_empty()
            || a.chars().count() > 80
            || a.contains("://")
            || a.starts_with("www.")
            || a.starts_with('@') && a.len() < 2
        {
            continue;
        }
        if !out.iter().any(|o| o.to_lowercase() == a.to_lowercase()) {
            out.push(a.to_string());
        }
    }
    out
}

pub(super) fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace()) {
        let w: String = w
            .chars()
            .filter(|c| !matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
            .collect();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

fn is_absolute_http(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !u.contains(char::is_whitespace)
        && u.len() > 10
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " — ", " – ", " :: ", " · ", " « ", " » ", " // ",
];

/// Removes a site-name prefix or suffix ("Headline | Site").
fn strip_site_name(title: &str, site_names: &[&str], host: Option<&str>, generic: bool) -> String {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let names: Vec<String> = site_names
        .iter()
        .map(|s| squash(s))
        .filter(|s| !s.is_empty())
        .collect();
    let host_main = host.map(|h| {
        let mut parts: Vec<&str> = h.split('.').collect();
        parts.pop();
        squash(&parts.join(""))
    });
    let is_site = |seg: &str| {
        let s = squash(seg);
        !s.is_empty()
            && (names.contains(&s)
                || host_main
                    .as_deref()
                    .is_some_and(|h| h.len() >= 3 && (h == s || h.contains(&s) && s.len() >= 4)))
    };
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if is_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if is_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    if generic {
        // `<title>` usually ends with the site name: drop a short last segment.
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

/// Normalises a date to `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][offset]`.
pub(super) fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    iso_date(s).or_else(|| textual_date(s))
}

fn digits(s: &[u8], n: usize) -> Option<u32> {
    let part = s.get(..n)?;
    if !part.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(part).ok()?.parse().ok()
}

fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    (1000..=2999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let y = digits(b, 4)?;
    let (m, d, mut rest) = match b.get(4) {
        Some(sep @ (b'-' | b'/' | b'.')) => {
            let m = digits(b.get(5..)?, 2)?;
            if b.get(7) != Some(sep) {
                return None;
            }
            (m, digits(b.get(8..)?, 2)?, b.get(10..)?)
        }
        _ => (
            digits(b.get(4..)?, 2)?,
            digits(b.get(6..)?, 2)?,
            b.get(8..)?,
        ),
    };
    if !valid_ymd(y, m, d) {
        return None;
    }
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if !matches!(rest.first(), Some(b'T' | b't' | b' ')) {
        return Some(out);
    }
    rest = rest.get(1..)?;
    let (Some(h), Some(b':'), Some(mi)) = (
        digits(rest, 2),
        rest.get(2),
        rest.get(3..).and_then(|r| digits(r, 2)),
    ) else {
        return Some(out);
    };
    if h > 23 || mi > 59 {
        return Some(out);
    }
    out.push_str(&format!("T{h:02}:{mi:02}"));
    rest = rest.get(5..).unwrap_or(&[]);
    if rest.first() == Some(&b':') {
        if let Some(sec) = rest.get(1..).and_then(|r| digits(r, 2)) {
            if sec <= 60 {
                out.push_str(&format!(":{sec:02}"));
            }
            rest = rest.get(3..).unwrap_or(&[]);
        }
    }
    if rest.first() == Some(&b'.') || rest.first() == Some(&b',') {
        let n = rest
            .iter()
            .skip(1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        rest = rest.get(1 + n..).unwrap_or(&[]);
    }
    while rest.first() == Some(&b' ') {
        rest = rest.get(1..).unwrap_or(&[]);
    }
    match rest.first() {
        Some(b'Z' | b'z') => out.push('Z'),
        Some(sign @ (b'+' | b'-')) => {
            let r = rest.get(1..).unwrap_or(&[]);
            if let Some(oh) = digits(r, 2) {
                let r2 = r.get(2..).unwrap_or(&[]);
                let om = if r2.first() == Some(&b':') {
                    r2.get(1..).and_then(|x| digits(x, 2))
                } else {
                    digits(r2, 2)
                }
                .unwrap_or(0);
                if oh <= 14 && om < 60 {
                    out.push_str(&format!("{}{oh:02}:{om:02}", *sign as char));
                }
            }
        }
        _ => {
            let r = std::str::from_utf8(rest).unwrap_or("");
            if r.starts_with("GMT") || r.starts_with("UTC") {
                out.push('Z');
            }
        }
    }
    Some(out)
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let w = w.as_str();
    const MONTHS: [[&str; 12]; 1] = [[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]];
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    let prefix = w.get(..3)?;
    MONTHS[0]
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
        .filter(|_| {
            let full = [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ];
            w.len() == 3 || full.contains(&w) || w == "sept"
        })
}

/// `04.05.2023`, `May 4, 2023`, `4 May 2023`, `Thu, 04 May 2023 10:20:30 +0000`.
fn textual_date(s: &str) -> Option<String> {
    if s.len() > 64 {
        return None;
    }
    let b = s.as_bytes();
    if let (Some(d), Some(b'.'), Some(m), Some(b'.'), Some(y)) = (
        digits(b, 2),
        b.get(2),
        b.get(3..).and_then(|r| digits(r, 2)),
        b.get(5),
        b.get(6..).and_then(|r| digits(r, 4)),
    ) {
        return valid_ymd(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"));
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut time = None;
    let mut offset = None;
    for w in &words {
        let wb = w.as_bytes();
        if let Some(m) = month_number(w) {
            month.get_or_insert(m);
        } else if wb.len() == 4 && wb.iter().all(u8::is_ascii_digit) {
            year = digits(wb, 4);
        } else if (1..=2).contains(&wb.len()) && wb.iter().all(u8::is_ascii_digit) {
            day = std::str::from_utf8(wb)
                .ok()
                .and_then(|x| x.parse::<u32>().ok());
        } else if wb.len() >= 5 && wb.get(2) == Some(&b':') && time.is_none() {
            time = Some(w.get(..wb.len().min(8)).unwrap_or(w).to_string());
        } else if (wb.first() == Some(&b'+') || wb.first() == Some(&b'-')) && wb.len() == 5 {
            offset = Some(format!(
                "{}:{}",
                w.get(..3).unwrap_or(""),
                w.get(3..).unwrap_or("")
            ));
        } else if matches!(*w, "GMT" | "UTC" | "Z") {
            offset = Some("Z".to_string());
        }
    }
    let (y, m, d) = (year?, month?, day?);
    if !valid_ymd(y, m, d) {
        return None;
    }
    let mut iso = format!("{y:04}-{m:02}-{d:02}");
    if let Some(t) = time {
        iso.push('T');
        iso.push_str(&t);
        iso.push_str(offset.as_deref().unwrap_or(""));
    }
    iso_date(&iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key of [`META_KEYS`] is read (the list is no wider than `add_meta`), whatever
    /// its case and surrounding spaces; any other is not.
    #[test]
    fn meta_keys_are_the_keys_read() {
        let empty = format!("{:?}", RawMeta::default());
        let read = |key: &str| {
            let mut meta = RawMeta::default();
            meta.add_meta(key, "article");
            format!("{meta:?}") != empty
        };
        for key in META_KEYS {
            assert!(read(key), "{key}");
            assert!(read(&format!(" {} ", key.to_ascii_uppercase())), "{key}");
        }
        for key in [
            "viewport",
            "og:image",
            "twitter:card",
            "robots",
            "keywords",
            "x",
        ] {
            assert!(!read(key), "{key}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(normalize_date("2023-05-04").as_deref(), Some("2023-05-04"));
        assert_eq!(
            normalize_date("2023-05-04T10:20:30.000+02:00").as_deref(),
            Some("2023-05-04T10:20:30+02:00")
        );
        assert_eq!(
            normalize_date("2023-05-04T10:20:30.123Z").as_deref(),
            Some("2023-05-04T10:20:30Z")
        );
        assert_eq!(
            normalize_date("2023-05-04 10:20 +0530").as_deref(),
            Some("2023-05-04T10:20+05:30")
        );
        assert_eq!(normalize_date("20230504").as_deref(), Some("2023-05-04"));
        assert_eq!(normalize_date("04.05.2023").as_deref(), Some("2023-05-04"));
        assert_eq!(normalize_date("May 4, 2023").as_deref(), Some("2023-05-04"));
        assert_eq!(
            normalize_date("Thu, 04 May 2023 10:20:30 +0000").as_deref(),
            Some("2023-05-04T10:20:30+00:00")
        );
        assert_eq!(normalize_date("yesterday"), None);
        assert_eq!(normalize_date("2023-13-45"), None);
        assert_eq!(normalize_date(""), None);
    }

    #[test]
    fn site_name_stripping() {
        let s = |t, names: &[&str], generic| strip_site_name(t, names, None, generic);
        assert_eq!(
            s("Big news today | The Daily", &["The Daily"], false),
            "Big news today"
        );
        assert_eq!(
            s("The Daily — Big news today", &["The Daily"], false),
            "Big news today"
        );
        assert_eq!(
            s("Grosse Neuigkeiten heute - Zeitung", &[], true),
            "Grosse Neuigkeiten heute"
        );
        assert_eq!(
            s("Covid-19 - what you need to know", &[], false),
            "Covid-19 - what you need to know"
        );
        assert_eq!(
            strip_site_name(
                "Title of the story - Example News",
                &[],
                Some("examplenews.com"),
                false
            ),
            "Title of the story"
        );
    }

    #[test]
    fn json_ld_graph_and_authors() {
        let script = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":"Person","@id":"#p1","name":"Ana López"},
            {"@type":["NewsArticle"],"headline":"Titular","datePublished":"2024-02-03T08:00:00+01:00",
             "author":[{"@id":"#p1"},{"@type":"Person","name":"Jean Dupont"},"Jean Dupont"],
             "publisher":{"@type":"Organization","name":"El Diario"},"articleBody":"abc"}]}"##;
        let ld = JsonLd::from_scripts(&[script.to_string(), "{broken".to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("Titular"));
        assert_eq!(ld.publisher.as_deref(), Some("El Diario"));
        assert_eq!(ld.body_chars, Some(3));
        assert_eq!(clean_authors(&ld.authors), ["Ana López", "Jean Dupont"]);
        assert_eq!(ld.published.as_deref(), Some("2024-02-03T08:00:00+01:00"));
        assert!(ld.article && !ld.discussion);
    }

    #[test]
    fn declared_page_kinds() {
        let forum = r#"{"@type":"DiscussionForumPosting","headline":"Q","author":{"name":"ana"}}"#;
        let ld = JsonLd::from_scripts(&[forum.to_string()]);
        assert!(ld.discussion);
        let shop = r#"{"@type":"Product","name":"Mug","description":"A mug."}"#;
        let ld = JsonLd::from_scripts(&[shop.to_string()]);
        assert!(!ld.article && !ld.discussion);

        let mut raw = RawMeta::default();
        raw.add_meta("og:type", "website");
        assert!(!raw.resolve(&ld, None).declared_article);
        let mut raw = RawMeta::default();
        raw.add_meta("og:type", "Article");
        assert!(raw.resolve(&ld, None).declared_article);
        let mut raw = RawMeta::default();
        raw.add_meta("article:published_time", "2024-01-02");
        assert!(raw.resolve(&ld, None).declared_article);
    }
}
