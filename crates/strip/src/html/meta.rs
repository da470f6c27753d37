//! Page metadata: meta tags, JSON-LD, `<title>`, `time[datetime]`, `rel=author`.

use crate::candidate::PageMeta;
use serde_json::Value;

/// What marks an element as holding an author's name, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuthorSource {
    /// `rel=author`, `itemprop=author`.
    Markup,
    /// A class that names an author ([`crate::byline::names_an_author`]).
    Class,
    /// A link to an author's page ([`crate::byline::links_an_author_page`]), the weakest.
    Link,
}

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
    /// The longest of those: sites cut each at their own length.
    longest_description: Option<String>,
    meta_authors: Vec<String>,
    /// Highwire Press `citation_author` tags ("Roy, Aniruddha"), one per author, in order.
    citation_authors: Vec<String>,
    article_authors: Vec<String>,
    markup_authors: Vec<String>,
    /// Texts of elements whose class names an author ([`crate::byline::names_an_author`]).
    class_authors: Vec<String>,
    /// Links to an author's page ([`crate::byline::links_an_author_page`]): (href, text).
    link_authors: Vec<(String, String)>,
    /// The href of the author link whose text is being read.
    author_link: String,
    /// (priority, value): lower priority wins.
    dates: Vec<(u8, String)>,
    /// `time[datetime]` values inside an article.
    times: Vec<String>,
    /// `twitter:labelN` / `twitter:dataN` pairs ("Written by" / "Ana Ruiz"), by N - 1.
    twitter_labels: [(Option<String>, Option<String>); 3],
    /// The first microdata `itemprop=dateCreated` (a Q&A page's question).
    created: Option<String>,
    /// (priority, value) of last-modified dates: lower priority wins.
    modified: Vec<(u8, String)>,
    /// Microdata says the page is a forum thread (`itemtype=…/DiscussionForumPosting`).
    pub discussion: bool,
    /// `og:type=article` or an `article:published_time`: the page says it is an article.
    article: bool,
    /// An `article:published_time`: the page states an article's publication.
    article_published_time: bool,
    /// `og:type=product` (or `product.item`, `og:product`): the page says it sells a product.
    product: bool,
}

/// The `<meta name|property>` keys (lowercase) that [`RawMeta::add_meta`] reads.
/// `prune` drops every other `<meta>` of the head (without `itemprop`) before parsing.
pub(super) const META_KEYS: [&str; 48] = [
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
    "cxenseparse:author",
    "article:author",
    "citation_author",
    "article:published_time",
    "og:article:published_time",
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
    "published-date",
    "citation_publication_date",
    "citation_date",
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "modified_time",
    "last-modified",
    "dcterms.modified",
    "datemodified",
    "twitter:label1",
    "twitter:data1",
    "twitter:label2",
    "twitter:data2",
    "twitter:label3",
    "twitter:data3",
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
            "og:description" | "twitter:description" | "description" => {
                set(&mut self.description);
                if self
                    .longest_description
                    .as_ref()
                    .is_none_or(|longest| longest.len() < content.len())
                {
                    self.longest_description = Some(content.to_string());
                }
            }
            "author" | "dc.creator" | "parsely-author" | "sailthru.author"
            // Piano's (cXense) content tags, which news sites fill from their CMS.
            | "cxenseparse:author" => {
                self.meta_authors.push(content.to_string())
            }
            "article:author" => self.article_authors.push(content.to_string()),
            "citation_author" => self.citation_authors.push(citation_name(content)),
            // Some CMSs prefix OpenGraph's article namespace with "og:".
            "article:published_time" | "og:article:published_time" => {
                self.article = true;
                self.article_published_time = true;
                self.dates.push((1, content.to_string()));
            }
            "og:type" => {
                let kind = content.trim().to_ascii_lowercase();
                self.article |= kind == "article";
                self.product |= kind == "product" || kind.starts_with("product.") || kind == "og:product";
            }
            "og:published_time" | "published_time" | "publish-date" | "publishdate" | "pubdate"
            | "date" | "dc.date" | "dc.date.issued" | "dcterms.date" | "dcterms.issued"
            | "dcterms.created" | "parsely-pub-date" | "sailthru.date" | "article.published"
            | "datepublished" | "published-date" => self.dates.push((2, content.to_string())),
            // Highwire Press tags, which scholarly pages give for indexing ("2023 Jan 7").
            "citation_publication_date" | "citation_date" => {
                self.dates.push((2, content.to_string()));
            }
            "article:modified_time" | "og:article:modified_time" => {
                self.modified.push((1, content.to_string()));
            }
            "twitter:label1" | "twitter:label2" | "twitter:label3" | "twitter:data1"
            | "twitter:data2" | "twitter:data3" => {
                let n = key
                    .bytes()
                    .last()
                    .map_or(0, |b| usize::from(b.saturating_sub(b'1')));
                if let Some((label, data)) = self.twitter_labels.get_mut(n) {
                    set(if key.contains("label") { label } else { data });
                }
            }
            "og:updated_time" | "modified_time" | "last-modified" | "dcterms.modified"
            | "datemodified" => self.modified.push((2, content.to_string())),
            _ => {}
        }
    }

    pub(crate) fn add_itemprop(&mut self, prop: &str, content: &str) {
        // `<meta itemprop=author content="Ana Ruiz">`: an author element without text.
        let content_is_name = !content.contains("://") && !content.starts_with("www.");
        if prop.split_ascii_whitespace().any(|p| p == "author") && content_is_name {
            self.add_author_text(content.trim(), AuthorSource::Markup);
        }
        if prop.split_ascii_whitespace().any(|p| p == "datePublished") {
            self.dates.push((3, content.trim().to_string()));
        }
        if prop.split_ascii_whitespace().any(|p| p == "dateModified") {
            self.modified.push((3, content.trim().to_string()));
        }
        // A question's or a post's creation (`itemprop=dateCreated`, as Q&A sites mark the
        // question), after any `datePublished`: the first on the page is the page's own.
        if prop.split_ascii_whitespace().any(|p| p == "dateCreated") && self.created.is_none() {
            self.created = Some(content.trim().to_string());
        }
    }

    pub(crate) fn add_time(&mut self, datetime: &str, in_article: bool) {
        if in_article && self.times.len() < 8 {
            self.times.push(datetime.trim().to_string());
        }
    }

    /// A `time[datetime]` that words of an update introduce ("Last modified on"): the
    /// page's modification, after any the metadata states.
    pub(crate) fn add_modified_time(&mut self, datetime: &str, in_article: bool) {
        if in_article && self.modified.len() < 8 {
            self.modified.push((4, datetime.trim().to_string()));
        }
    }

    /// A link to an author's page opens; its text follows ([`Self::add_author_text`]).
    pub(crate) fn open_author_link(&mut self, href: &str) {
        self.author_link = href.to_string();
    }

    /// The text of an author element (see [`AuthorSource`]).
    pub(crate) fn add_author_text(&mut self, text: &str, source: AuthorSource) {
        let list = match source {
            AuthorSource::Markup => &mut self.markup_authors,
            AuthorSource::Class => &mut self.class_authors,
            AuthorSource::Link => {
                if self.link_authors.len() < 8 {
                    let href = std::mem::take(&mut self.author_link);
                    self.link_authors.push((href, text.to_string()));
                }
                return;
            }
        };
        if list.len() < 8 {
            list.push(text.to_string());
        }
    }

    /// Resolves the collected values; `h1s` are the level-1 headings, those of the main
    /// content first.
    pub(crate) fn resolve(self, ld: &JsonLd, h1s: &[&str]) -> PageMeta {
        let h1 = h1s.first().copied();
        let site_name = self
            .og_site_name
            .clone()
            .or_else(|| ld.publisher.clone())
            .map(|s| normalize_ws(&s))
            .filter(|s| !s.is_empty());
        let url = [self.canonical.as_deref(), self.og_url.as_deref()]
            .into_iter()
            .flatten()
            .map(|u| repair_encoded_url(u.trim()))
            .find(|u| is_absolute_http(u));

        let mut site_names: Vec<&str> = Vec::new();
        if let Some(s) = &self.og_site_name {
            site_names.push(s);
        }
        if let Some(s) = &ld.publisher {
            site_names.push(s);
        }
        let host = url.as_deref().and_then(crate::title::host_of);
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

        let markup_authors = crate::byline::markup_names(&self.markup_authors);
        // Yoast and others write the byline as a card label: "Written by" / "Ana Ruiz".
        let labelled: Vec<String> = self
            .twitter_labels
            .iter()
            .filter(|(label, _)| {
                label.as_deref().is_some_and(|l| {
                    let l = l.trim().to_lowercase();
                    crate::byline::AUTHOR_LABELS
                        .iter()
                        .any(|a| l.starts_with(a))
                })
            })
            .filter_map(|(_, data)| data.clone())
            .collect();
        let authors = [
            ld.authors.clone(),
            self.meta_authors.clone(),
            self.citation_authors.clone(),
            labelled,
            self.article_authors
                .iter()
                .filter(|a| !a.contains("://") && !a.starts_with("www."))
                .cloned()
                .collect(),
            markup_authors,
            crate::byline::class_names(&self.class_authors),
        ]
        .into_iter()
        .map(|list| clean_authors(&list))
        .find(|list| !list.is_empty())
        .unwrap_or_default();

        let mut dates: Vec<(u8, &str)> = Vec::new();
        // A page node's date counts when the page states an article's publication
        // (`article:published_time`): `og:type=article` alone is what some CMSs put on
        // every page, a shop's and a service's too.
        let page_article = self.article_published_time;
        if let Some(d) = ld
            .published
            .as_ref()
            .filter(|_| !ld.page_dates || page_article)
        {
            dates.push((0, d));
        }
        dates.extend(self.dates.iter().map(|(p, d)| (*p, d.as_str())));
        // The `time` elements inside the content count, the first first, unless their days
        // run newest first: a listing's entries (a thread's posts and an article's comments
        // run oldest first, after the article's own date).
        let days: Vec<String> = self
            .times
            .iter()
            .filter_map(|d| crate::dates::parse_date(d))
            .map(|d| d.chars().take(10).collect())
            .collect();
        let newest_first = days.len() >= 3
            && days.windows(2).all(|w| w.first() >= w.last())
            && days.first() > days.last();
        dates.extend(self.created.iter().map(|d| (4, d.as_str())));
        if !newest_first {
            dates.extend(self.times.iter().map(|d| (4, d.as_str())));
        }
        dates.sort_by_key(|(p, _)| *p);
        let published = dates.iter().find_map(|(_, d)| crate::dates::parse_date(d));
        let url_published = url.as_deref().and_then(url_date);
        // A date in UTC a day off the URL's: the URL writes the site's own day (a post
        // published at 9 pm in New York is the next day in UTC).
        let published = match (published, url_published.as_deref()) {
            (Some(p), Some(u))
                if in_utc(&p)
                    && crate::dates::days_between(&p, u).is_some_and(|d| d.abs() == 1) =>
            {
                Some(u.to_string())
            }
            (p, _) => p,
        };
        let mut modified: Vec<(u8, &str)> = Vec::new();
        if let Some(d) = ld
            .modified
            .as_ref()
            .filter(|_| !ld.page_dates || page_article)
        {
            modified.push((0, d));
        }
        modified.extend(self.modified.iter().map(|(p, d)| (*p, d.as_str())));
        modified.sort_by_key(|(p, _)| *p);
        let modified = modified
            .iter()
            .find_map(|(_, d)| crate::dates::parse_date(d));

        let normalized = |t: &Option<String>| t.as_deref().map(normalize_ws);
        let metadata: Vec<String> = [
            normalized(&self.og_title),
            normalized(&self.twitter_title),
            normalized(&ld.headline),
        ]
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect();
        let title_tag = normalized(&self.title_tag).filter(|t| !t.is_empty());
        let headings: Vec<String> = h1s.iter().map(|h| normalize_ws(h)).collect();
        let titles = crate::title::choose(&crate::title::TitleEvidence {
            metadata: metadata.iter().map(String::as_str).collect(),
            title_tag: title_tag.as_deref(),
            headings: headings.iter().map(String::as_str).collect(),
            site_names: site_names.clone(),
            host,
            declared_article: ld.article || self.article,
        });
        let publisher = ld
            .publisher
            .as_deref()
            .or(ld.author_organisations.first().map(String::as_str))
            .map(normalize_ws)
            .filter(|p| !p.is_empty() && p.chars().count() <= 100);

        PageMeta {
            title,
            headline: titles.headline,
            seo_title: titles.seo_title,
            publisher,
            modified,
            authors,
            link_authors: clean_authors(&crate::byline::link_names(&self.link_authors)),
            published,
            created: self.created.as_deref().and_then(crate::dates::parse_date),
            url_published,
            site_name,
            url,
            declared_language: self.lang,
            description: self
                .description
                .or_else(|| ld.description.clone())
                .map(|d| normalize_ws(&d))
                .filter(|d| !d.is_empty()),
            summary: [
                self.longest_description.as_deref(),
                ld.description.as_deref(),
            ]
            .into_iter()
            .flatten()
            .map(normalize_ws)
            .max_by_key(|d| d.len())
            .filter(|d| !d.is_empty()),
            discussion: ld.discussion || self.discussion,
            declared_article: ld.article || self.article,
            declared_product: (ld.product || self.product) && !(ld.article || self.article),
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
    pub modified: Option<String>,
    /// `published` and `modified` come from a `WebPage` node, not an article's.
    pub page_dates: bool,
    pub publisher: Option<String>,
    /// Authors the JSON-LD types as organisations (`Organization`, `NewsMediaOrganization`,
    /// …): the page's publisher or a desk, never a person who signed.
    pub author_organisations: Vec<String>,
    pub description: Option<String>,
    /// Length in characters of `articleBody`, as evidence for the main container.
    pub body_chars: Option<usize>,
    /// The page says it is a forum thread (`DiscussionForumPosting`): its replies are content.
    pub discussion: bool,
    /// The page says it is an article (a node of an article type).
    pub article: bool,
    /// The page says it sells a product (a `Product` or `ProductGroup` node).
    pub product: bool,
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
            .filter_map(|s| parse_json_ld(s.trim()))
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
        out.product = nodes
            .iter()
            .any(|n| has_type(n, |t| t == "Product" || t == "ProductGroup"));
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
        out.modified = str_field(node, "dateModified");
        // A web page's dates are when its record was made (a shop's or a service's page
        // has them too), not a publication: trusted only on a page that is an article.
        out.page_dates = article.is_none();
        out.description = str_field(node, "description");
        if let Some(a) = node.get("author").or_else(|| node.get("creator")) {
            let mut names = Vec::new();
            collect_names(a, &by_id, &mut names, 0);
            for (name, organisation) in names {
                if organisation {
                    out.author_organisations.push(name);
                } else {
                    out.authors.push(name);
                }
            }
        }
        if let Some(p) = node.get("publisher") {
            let mut names = Vec::new();
            collect_names(p, &by_id, &mut names, 0);
            out.publisher = names.into_iter().next().map(|(name, _)| name);
        }
        out.body_chars = node
            .get("articleBody")
            .and_then(Value::as_str)
            .map(|b| b.chars().count());
        out
    }
}

/// A JSON-LD script's value. Strict JSON first; failing that, JSON as pages write it: raw
/// newlines and tabs inside strings (an `articleBody` pasted from the CMS), `//` and `/* */`
/// comments, trailing commas. A browser's JSON-LD readers take these, so the page's dates
/// and authors are there to be read.
fn parse_json_ld(script: &str) -> Option<Value> {
    use serde::Deserialize;
    if let Ok(value) = serde_json::from_str::<Value>(script) {
        return Some(value);
    }
    let mut lenient = serde_json_lenient::Deserializer::from_slice_with_options(
        script.as_bytes(),
        true,  // replace invalid characters
        true,  // newlines in strings
        true,  // other control characters in strings
        false, // `\v` escapes
        false, // `\x` escapes
    );
    lenient.set_allow_comments(true);
    lenient.set_ignore_trailing_commas(true);
    Value::deserialize(&mut lenient).ok()
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

/// The names in a JSON-LD `author`/`publisher` value (a string, an object, an array, an
/// `@id` reference), each with whether its node is typed an organisation.
fn collect_names<'a>(
    v: &'a Value,
    by_id: &dyn Fn(&str) -> Option<&'a Value>,
    out: &mut Vec<(String, bool)>,
    depth: u8,
) {
    if depth > 3 || out.len() > 20 {
        return;
    }
    match v {
        Value::String(s) => out.push((s.clone(), false)),
        Value::Array(items) => {
            for i in items {
                collect_names(i, by_id, out, depth + 1);
            }
        }
        Value::Object(map) => match map.get("name") {
            Some(Value::String(n)) => out.push((n.clone(), is_organisation(v))),
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

/// A node typed an organisation (`Organization`, `NewsMediaOrganization`, `Corporation`,
/// …) and not also a person.
fn is_organisation(v: &Value) -> bool {
    has_type(v, |t| t.ends_with("Organization") || t == "Corporation")
        && !has_type(v, |t| t == "Person")
}

/// The day a URL's path names (`/2024/03/05/`, `/2024-03-05-…`), as `YYYY-MM-DD`.
/// A date with a time in UTC ("…T02:41:41Z", "…+00:00").
fn in_utc(iso: &str) -> bool {
    iso.contains('T') && (iso.ends_with('Z') || iso.ends_with("+00:00"))
}

fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://")?.1.split_once('/')?.1;
    let path = path.split(['?', '#']).next()?;
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let numeric = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if numeric(part, 4) {
            if let (Some(m), Some(d)) = (parts.get(i + 1), parts.get(i + 2)) {
                if numeric(m, 2) && numeric(d, 2) {
                    if let Some(iso) = crate::dates::parse_date(&format!("{part}-{m}-{d}")) {
                        return Some(iso);
                    }
                }
            }
        }
        // "2024-03-05-title", "2024-03-05+title", "2024-03-05.html": the date must stand
        // alone or start the segment, a separator after it.
        if part.len() >= 10 {
            let head = part.get(..10)?;
            let rest = part.get(10..).unwrap_or("");
            let parted = rest
                .bytes()
                .next()
                .is_none_or(|b| matches!(b, b'-' | b'_' | b'+' | b'.'));
            if parted && head.as_bytes().get(4) == Some(&b'-') {
                if let Some(iso) = crate::dates::parse_date(head) {
                    return Some(iso);
                }
            }
        }
    }
    None
}

/// A `citation_author` as a byline writes it: "Roy, Aniruddha" is "Aniruddha Roy". A name
/// with more commas, or digits, is left as it is.
fn citation_name(content: &str) -> String {
    match content
        .split(',')
        .map(str::trim)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [last, first]
            if !last.is_empty()
                && !first.is_empty()
                && !content.contains(|c: char| c.is_ascii_digit()) =>
        {
            format!("{first} {last}")
        }
        _ => content.trim().to_string(),
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
            || crate::byline::is_nobody(a)
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

/// One line of metadata: character references a page escaped twice decoded (a JSON-LD
/// `"Tom &amp; Jerry"`, an `og:title` of `"Python, SQL &#x26; AI"`), then whitespace
/// collapsed and invisible characters dropped.
pub(super) fn normalize_ws(s: &str) -> String {
    let s = decode_char_refs(s);
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

/// The longest named character reference, with its `;` (`&CounterClockwiseContourIntegral;`).
const MAX_ENTITY_NAME_BYTES: usize = 33;

/// `s` with its character references (`&amp;`, `&#39;`, `&#x26;`) decoded: named ones from
/// the HTML table html5ever reads with, only when closed by `;`; others left as they are.
fn decode_char_refs(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        let semi = after
            .get(..after.len().min(MAX_ENTITY_NAME_BYTES))
            .and_then(|head| head.find(';'));
        let decoded = semi.and_then(|semi| {
            let name = after.get(..semi)?;
            let chars: Vec<char> = if let Some(number) = name.strip_prefix('#') {
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                vec![char::from_u32(code).filter(|&c| c != '\0')?]
            } else {
                let &(first, second) = html5ever::data::NAMED_ENTITIES.get(after.get(..=semi)?)?;
                [first, second]
                    .into_iter()
                    .filter(|&c| c != 0)
                    .map(char::from_u32)
                    .collect::<Option<Vec<char>>>()?
            };
            Some((chars, semi + 1))
        });
        match decoded {
            Some((chars, used)) => {
                out.extend(chars);
                rest = after.get(used..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A URL whose host holds an encoded slash ("https://example.org%2Fnews%2F2025-12-15%2Bstory")
/// was percent-encoded once too often by its CMS: no host holds a `%`, so the URL is decoded
/// once, as its site meant it ("https://example.org/news/2025-12-15+story"). Any other URL is
/// kept as written. (One decode of one URL: written here rather than taking a crate for it.)
fn repair_encoded_url(u: &str) -> String {
    let Some((_, rest)) = u.split_once("://") else {
        return u.to_string();
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    if !host.to_ascii_lowercase().contains("%2f") {
        return u.to_string();
    }
    let bytes = u.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(value)) => {
                decoded.push(value);
                i += 3;
            }
            _ => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| u.to_string())
}

fn is_absolute_http(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !u.contains(char::is_whitespace)
        && u.len() > 10
}

/// [`crate::title::strip_site_name`] with the classifier's separators.
fn strip_site_name(title: &str, site_names: &[&str], host: Option<&str>, generic: bool) -> String {
    crate::title::strip_site_name(
        title,
        site_names,
        host,
        generic,
        crate::title::EVIDENCE_SEPARATORS,
    )
}

#[cfg(test)]
mod tests;
