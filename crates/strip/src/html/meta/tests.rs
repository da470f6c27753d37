//! Tests of `html::meta`.

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
fn twitter_card_labels_name_the_author() {
    let mut raw = RawMeta::default();
    raw.add_meta("twitter:label1", "Geschätzte Lesezeit");
    raw.add_meta("twitter:data1", "4 Minuten");
    raw.add_meta("twitter:label2", "Verfasst von");
    raw.add_meta("twitter:data2", "Lena Vogel");
    assert_eq!(raw.resolve(&JsonLd::default(), &[]).authors, ["Lena Vogel"]);
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
    assert!(!raw.resolve(&ld, &[]).declared_article);
    let mut raw = RawMeta::default();
    raw.add_meta("og:type", "Article");
    assert!(raw.resolve(&ld, &[]).declared_article);
    let mut raw = RawMeta::default();
    raw.add_meta("article:published_time", "2024-01-02");
    assert!(raw.resolve(&ld, &[]).declared_article);
}

#[test]
fn citation_authors_are_read_as_bylines_write_them() {
    assert_eq!(citation_name("Roy, Aniruddha"), "Aniruddha Roy");
    assert_eq!(citation_name(" Müller,  Anna-Lena "), "Anna-Lena Müller");
    assert_eq!(citation_name("Aditya Mahindru"), "Aditya Mahindru");
    // More than one comma, or digits: not a "Last, First" name.
    assert_eq!(citation_name("Smith, J., Jr."), "Smith, J., Jr.");
    assert_eq!(citation_name("Team 7, Lab"), "Team 7, Lab");
    let mut raw = RawMeta::default();
    raw.add_meta("citation_author", "Okafor, Ngozi");
    raw.add_meta("citation_author", "García, José");
    let ld = JsonLd::default();
    assert_eq!(
        raw.resolve(&ld, &[]).authors,
        ["Ngozi Okafor", "José García"]
    );
}

#[test]
fn content_tags_and_itemprop_metas_name_the_author() {
    // Piano's (cXense) content tag; the head names no other author.
    let mut raw = RawMeta::default();
    raw.add_meta("cXenseParse:author", "Marta Nowak");
    assert_eq!(
        raw.resolve(&JsonLd::default(), &[]).authors,
        ["Marta Nowak"]
    );
    // `<meta itemprop=author content=…>`: a name, not a profile URL.
    let mut raw = RawMeta::default();
    raw.add_itemprop("author", "https://example.org/people/ana");
    raw.add_itemprop("author", "Ana Ruiz");
    assert_eq!(raw.resolve(&JsonLd::default(), &[]).authors, ["Ana Ruiz"]);
}

#[test]
fn character_references_escaped_twice_are_decoded() {
    assert_eq!(normalize_ws("Maria &amp; Katerina"), "Maria & Katerina");
    assert_eq!(normalize_ws("Python, SQL &#x26; AI"), "Python, SQL & AI");
    assert_eq!(
        normalize_ws("Derek Seaman&#039;s  Blog"),
        "Derek Seaman's Blog"
    );
    assert_eq!(normalize_ws("TFC8&reg;&nbsp;Cream"), "TFC8® Cream");
    // Not references: left as they are.
    assert_eq!(
        normalize_ws("R&D &notanentity; &#xZZ; AT&T"),
        "R&D &notanentity; &#xZZ; AT&T"
    );
    assert_eq!(normalize_ws("&#0; &"), "&#0; &");
}

#[test]
fn json_ld_as_pages_write_it_is_read() {
    // A CMS's article body pasted with its line breaks, a comment, a trailing comma: not
    // JSON, but what browsers' JSON-LD readers take.
    let script = "{\"@type\": \"NewsArticle\", // set by the CMS\n \"datePublished\": \"2025-10-14 07:15:00\",\n \"author\": {\"@type\": \"Person\", \"name\": \"Jonas Berger\"},\n \"articleBody\": \"Erste Zeile\nzweite Zeile\tmit Tab\",\n}";
    let ld = JsonLd::from_scripts(&[script.to_string()]);
    assert!(ld.article);
    assert_eq!(ld.authors, ["Jonas Berger"]);
    assert_eq!(ld.published.as_deref(), Some("2025-10-14 07:15:00"));
    assert_eq!(
        RawMeta::default().resolve(&ld, &[]).published.as_deref(),
        Some("2025-10-14T07:15:00")
    );
    // Strict JSON reads as before; what no reader takes (a quote left unescaped) gives nothing.
    assert!(parse_json_ld("{\"headline\": \"Titel\"}").is_some());
    assert!(parse_json_ld("{\"description\": \"<a href=\"/x\">x</a>\"}").is_none());
}

#[test]
fn a_url_encoded_once_too_often_is_decoded() {
    // Its host holds an encoded slash: the whole URL was encoded by mistake.
    assert_eq!(
        repair_encoded_url(
            "https://blog.example.fr%2Farticles%2F2025-12-15%2BRust%2Bbackend%3A%2Bwhy"
        ),
        "https://blog.example.fr/articles/2025-12-15+Rust+backend:+why"
    );
    // An encoded slash in the path or the query is the site's own: kept as written.
    let kept = "https://example.org/search?q=a%2Fb&next=%2Fhome";
    assert_eq!(repair_encoded_url(kept), kept);
    // A stray `%` without two hex digits stays, and so does text that would not be UTF-8.
    assert_eq!(
        repair_encoded_url("https://example.org%2F100%"),
        "https://example.org/100%"
    );
    assert_eq!(
        repair_encoded_url("https://example.org%2F%FF"),
        "https://example.org%2F%FF"
    );
}

#[test]
fn a_url_dates_its_page_by_its_path() {
    let day = |url: &str| url_date(url);
    assert_eq!(
        day("https://example.org/2024/03/05/title/").as_deref(),
        Some("2024-03-05")
    );
    // A segment that starts with the day, whatever separator follows it.
    for url in [
        "https://example.org/blog/2024-03-05-title",
        "https://example.org/blog/2024-03-05_title",
        "https://example.org/blog/2024-03-05+title+of+the+post",
        "https://example.org/blog/2024-03-05.html",
        "https://example.org/blog/2024-03-05",
    ] {
        assert_eq!(day(url).as_deref(), Some("2024-03-05"), "{url}");
    }
    // A number glued to the day is no day; nor is a day in the host or the query.
    assert_eq!(day("https://example.org/id/2024-03-0512345"), None);
    assert_eq!(day("https://example.org/search?from=2024-03-05"), None);
    assert_eq!(day("https://example.org/"), None);
}
