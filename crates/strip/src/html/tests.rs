//! Front-end tests on small hand-written pages.

use super::*;
use crate::model::{BlockKind, Category};

fn cands(page: &str) -> Vec<Candidate> {
    candidates(page).0
}

fn texts(page: &str) -> Vec<String> {
    cands(page).into_iter().map(|c| c.text).collect()
}

fn find<'a>(cs: &'a [Candidate], needle: &str) -> &'a Candidate {
    match cs.iter().find(|c| c.text.contains(needle)) {
        Some(c) => c,
        None => panic!("no candidate with {needle:?} in {cs:#?}"),
    }
}

fn region_of(page: &str, needle: &str) -> Option<Category> {
    let cs = cands(page);
    find(&cs, needle).region.map(|r| r.category)
}

/// A realistic article body, long enough for the main-content choice to be clear.
fn body(lang: &str) -> String {
    let para = match lang {
        "fr" => {
            "Le conseil municipal a voté mardi soir, après un long débat, un budget qui prévoit de nouvelles pistes cyclables, la rénovation des écoles et une hausse modérée des impôts locaux."
        }
        "de" => {
            "Der Stadtrat hat am Dienstagabend nach langer Debatte einen Haushalt beschlossen, der neue Radwege, die Sanierung der Schulen und eine moderate Erhöhung der Gemeindesteuern vorsieht."
        }
        "es" => {
            "El ayuntamiento aprobó el martes por la noche, tras un largo debate, un presupuesto que prevé nuevos carriles bici, la renovación de las escuelas y una subida moderada de los impuestos."
        }
        "ru" => {
            "Городской совет во вторник вечером после долгих дебатов утвердил бюджет, который предусматривает новые велодорожки, ремонт школ и умеренное повышение местных налогов."
        }
        _ => {
            "The city council voted on Tuesday night, after a long debate, for a budget that includes new cycle lanes, the renovation of schools and a moderate rise in local taxes."
        }
    };
    (1..=5).map(|i| format!("<p>{para} ({i})</p>\n")).collect()
}

#[test]
fn empty_and_garbage_pages() {
    assert!(cands("").is_empty());
    let garbage: String = (0u32..5000)
        .map(|i| char::from_u32((i * 7919) % 0x2FFF).unwrap_or('?'))
        .collect();
    let _ = candidates(&garbage);
    let bytes: Vec<u8> = (0u32..20000)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let _ = candidates(&String::from_utf8_lossy(&bytes));
    let _ = candidates("<<<>>></div></p><p><a><b></a></b>&#xFFFFFF;&bogus; <table><td>x");
}

#[test]
fn malformed_html() {
    let t = texts("<div><p>First para<p>Second para</div></div></span><li>item<div>tail");
    assert_eq!(t, ["First para", "Second para", "item", "tail"]);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let depth = 100_000;
    let mut page = String::with_capacity(depth * 12);
    for _ in 0..depth {
        page.push_str("<div>");
    }
    page.push_str("deep text");
    for _ in 0..depth {
        page.push_str("</div>");
    }
    let (c, _) = candidates(&page);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].text, "deep text");
    // The walk itself on a 100,000-deep tree (unclosed spans parse in linear time), and
    // dropping that tree.
    let page = "<span>x".repeat(depth);
    let html = scraper::Html::parse_document(&page);
    let w = blocks::walk(&html);
    assert_eq!(w.cands.len(), 1);
    assert_eq!(w.cands[0].text.len(), depth);
    drop(html);
    let _ = candidates(&page);
}

#[test]
fn inline_spacing() {
    assert_eq!(texts("<p>foo<b>bar</b></p>"), ["foobar"]);
    assert_eq!(texts("<p>foo <b>bar</b></p>"), ["foo bar"]);
    assert_eq!(texts("<p>foo<b> bar</b> baz</p>"), ["foo bar baz"]);
    assert_eq!(
        texts("<p>\n  l'<em>été</em>\n  arrive </p>"),
        ["l'été arrive"]
    );
    assert_eq!(
        texts("<p>Stra\u{AD}ße&nbsp;und\u{200B}Weg &amp; <i>mehr</i></p>"),
        ["Straße undWeg & mehr"]
    );
    assert_eq!(texts("<p>один<br>два</p>"), ["один два"]);
}

#[test]
fn a_joiner_that_joins_nothing_is_no_text() {
    // A site builder's empty paragraph, and a joiner before a heading's first word.
    assert_eq!(
        texts("<p>&zwj;</p><h2>&zwj; Why it matters</h2><p>One &zwnj;two.</p>"),
        ["Why it matters", "One two."]
    );
    // Between the characters it joins it stays: an emoji's parts, a Persian word's letters.
    assert_eq!(
        texts("<p>Family 👨\u{200D}👩\u{200D}👧 and می\u{200C}خواهم here.</p>"),
        ["Family 👨\u{200D}👩\u{200D}👧 and می\u{200C}خواهم here."]
    );
}

#[test]
fn br_splitting_and_direct_text() {
    let cs = cands("<div>Uno<br><br>Dos<br>\n<br>Tres<p>Cuatro</p>Cinco</div>");
    let t: Vec<&str> = cs.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(t, ["Uno", "Dos", "Tres", "Cuatro", "Cinco"]);
    assert!(cs[0].group_start);
    assert!(!cs[1].group_start);
}

#[test]
fn kinds_and_levels() {
    let cs = cands(
        "<h2>Sous-titre</h2><ul><li>un</li><li><p>deux</p></li></ul>\
         <blockquote><p>citation</p></blockquote><pre>  a = 1\n  b = 2\n</pre>\
         <table><tr><th>Name</th><th>Wert</th></tr><tr><td>a</td><td><b>1</b></td></tr></table>",
    );
    let k: Vec<(BlockKind, &str, u8)> = cs
        .iter()
        .map(|c| (c.kind, c.text.as_str(), c.heading_level))
        .collect();
    assert_eq!(
        k,
        [
            (BlockKind::Heading, "Sous-titre", 2),
            (BlockKind::ListItem, "un", 0),
            (BlockKind::ListItem, "deux", 0),
            (BlockKind::Quote, "citation", 0),
            (BlockKind::Preformatted, "  a = 1\n  b = 2", 0),
            (BlockKind::TableRow, "Name | Wert", 0),
            (BlockKind::TableRow, "a | 1", 0),
        ]
    );
}

#[test]
fn link_chars() {
    let cs = cands("<p>Read <a href=x>the full report</a> now.</p>");
    assert_eq!(cs[0].link_chars, "the full report".len());
}

#[test]
fn hidden_and_skipped_elements() {
    let t = texts(
        "<p>visible</p><p hidden>h1</p><div aria-hidden=\"true\">h2</div>\
         <div style=\"color:red; DISPLAY: none\">h3</div><span style='visibility:hidden'>h4</span>\
         <script>var x</script><style>p{}</style><noscript>h5</noscript><template>h6</template>\
         <svg><text>h7</text></svg><button>Subscribe</button><select><option>h8</option></select>\
         <span class=\"screen-reader-text\">h9</span><input type=hidden value=h10>",
    );
    assert_eq!(t, ["visible"]);
}

fn page_with(extra: &str, lang: &str) -> String {
    format!(
        "<html><body><div id=page><main><article><h1>Title</h1>{}{extra}</article></main></div></body></html>",
        body(lang)
    )
}

#[test]
fn regions_by_category() {
    let cases: &[(&str, &str, Category)] = &[
        (
            "<nav><ul><li><a href=/>Accueil</a></li></ul></nav>",
            "Accueil",
            Category::Navigation,
        ),
        (
            "<div class=box><p>Recevez notre lettre chaque matin</p><input type=email></div>",
            "lettre",
            Category::Newsletter,
        ),
        (
            "<form action=/s><p>Newsletter abonnieren</p><input type=email name=e></form>",
            "abonnieren",
            Category::Newsletter,
        ),
        (
            "<div class=donate-box><p>Apóyanos hoy</p></div>",
            "Apóyanos",
            Category::Appeal,
        ),
        (
            "<div id=onetrust-banner-sdk><p>Wir verwenden Cookies</p></div>",
            "Cookies",
            Category::Cookie,
        ),
        (
            "<div role=dialog><p>Nous utilisons des cookies.</p></div>",
            "utilisons",
            Category::Cookie,
        ),
        (
            "<div class=\"share-bar\"><a>Facebook</a></div>",
            "Facebook",
            Category::Share,
        ),
        (
            "<section class=related-articles><h3>Lire aussi</h3></section>",
            "Lire aussi",
            Category::Related,
        ),
        (
            "<figure><img src=a.jpg><figcaption>Фото: Иван Петров</figcaption></figure>",
            "Фото",
            Category::Caption,
        ),
        (
            "<p class=\"photo-credit\">Photo: AP</p>",
            "Photo: AP",
            Category::Caption,
        ),
        (
            "<div class=audio-player><p>Listen to this article</p></div>",
            "Listen",
            Category::Audio,
        ),
        (
            "<section id=comments><p>Great piece, thanks!</p></section>",
            "Great piece",
            Category::Comments,
        ),
        (
            "<div class=\"adSlot\"><p>Anzeige</p></div>",
            "Anzeige",
            Category::Ads,
        ),
        (
            "<div class=\"author-bio\"><p>Jane writes about cities.</p></div>",
            "Jane writes",
            Category::AuthorBio,
        ),
        (
            "<p class=byline>By Jane Doe</p>",
            "By Jane Doe",
            Category::Byline,
        ),
        (
            "<footer><p>Tags: budget</p></footer>",
            "Tags: budget",
            Category::Other,
        ),
    ];
    for (extra, needle, want) in cases {
        let page = page_with(extra, "en");
        assert_eq!(region_of(&page, needle), Some(*want), "{extra}");
    }
    let page = format!(
        "<body><article>{}</article><footer><p>© 2024 Journal SA</p></footer></body>",
        body("fr")
    );
    assert_eq!(region_of(&page, "2024"), Some(Category::Legal));
    let page = format!(
        "<body><header><a href=/>Startseite</a></header><article>{}</article></body>",
        body("de")
    );
    assert_eq!(region_of(&page, "Startseite"), Some(Category::Navigation));
}

#[test]
fn token_traps_do_not_match() {
    for class in [
        "header-image",
        "shadow",
        "download",
        "loaded",
        "canvas-wrap",
        "badge",
    ] {
        let page = format!(
            "<body><article><div class=\"{class}\"><p>Keep this text</p></div>{}</article></body>",
            body("en")
        );
        let r = region_of(&page, "Keep this");
        assert!(
            !matches!(r, Some(Category::Ads | Category::Navigation)),
            "{class}: {r:?}"
        );
    }
}

#[test]
fn strong_content_wrapper_beats_outer_weak_token() {
    let page = format!(
        "<body><div class=\"page sidebar-layout\"><div class=\"entry-content\">{}</div></div></body>",
        body("es")
    );
    let cs = cands(&page);
    assert!(
        cs.iter().all(|c| c.region.is_none() && c.in_main),
        "{cs:#?}"
    );
    // Without a main container the content token still cancels the outer verdict.
    let page = "<div class=sidebar><div class=post-content><p>Texto breve.</p></div></div>";
    assert_eq!(region_of(page, "Texto"), None);
}

#[test]
fn main_content_with_sidebar_and_footer() {
    let page = format!(
        "<html lang=ru><body><div class=wrap>\
         <div class=menu><a href=/>Главная</a> <a href=/n>Новости</a></div>\
         <div class=col>{}</div>\
         <div class=widgets><ul><li><a href=/a>Другая статья о политике и экономике страны</a></li>\
         <li><a href=/b>Ещё одна статья о погоде на выходных в городе</a></li></ul></div>\
         </div><div class=bottom><p>Все права защищены, 2024.</p></div></body></html>",
        body("ru")
    );
    let cs = cands(&page);
    assert!(find(&cs, "Городской совет").in_main);
    assert!(!find(&cs, "Другая статья").in_main);
    assert!(!find(&cs, "Главная").in_main);
    assert!(!find(&cs, "права защищены").in_main);
}

#[test]
fn link_dense_container_loses() {
    let links: String = (0..40)
        .map(|i| format!("<p><a href=/{i}>A long headline about another story number {i}, with commas</a></p>"))
        .collect();
    let page = format!(
        "<body><div class=a>{links}</div><div class=b>{}</div></body>",
        body("en")
    );
    let cs = cands(&page);
    assert!(find(&cs, "city council").in_main);
    assert!(!find(&cs, "story number 7,").in_main);
}

#[test]
fn article_split_by_ad_keeps_both_parts() {
    let page = format!(
        "<body><nav><a href=/>Home</a></nav><div class=c><div class=part>{}</div>\
         <div class=ad-slot></div><div class=part>{}</div></div><aside><p>Other things, here.</p></aside></body>",
        body("en"),
        body("fr")
    );
    let cs = cands(&page);
    assert!(find(&cs, "city council").in_main);
    assert!(find(&cs, "conseil municipal").in_main);
    assert!(!find(&cs, "Home").in_main);
}

#[test]
fn short_page_is_all_main() {
    let cs = cands("<nav><a>Home</a></nav><p>Short note.</p>");
    assert!(cs.iter().all(|c| c.in_main));
}

#[test]
fn metadata() {
    let page = r##"<html lang="de-DE"><head>
        <title>Haushalt beschlossen | Stadtanzeiger</title>
        <meta property="og:site_name" content="Stadtanzeiger">
        <meta name="author" content="Eva Schmidt">
        <meta property="article:published_time" content="2024-03-05T18:30:00+01:00">
        <link rel="canonical" href="https://example.org/haushalt">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebPage","@id":"https://example.org/haushalt"},
          {"@type":"NewsArticle","headline":"Stadtrat beschließt Haushalt",
           "author":{"@type":"Person","name":"Eva Schmidt"},
           "datePublished":"2024-03-05T18:30:00+01:00",
           "publisher":{"@type":"Organization","name":"Stadtanzeiger"}}]}</script>
        <script type="application/ld+json">{not json</script>
        </head><body><h1>Stadtrat beschließt Haushalt</h1></body></html>"##;
    let (_, m) = candidates(page);
    assert_eq!(m.title.as_deref(), Some("Stadtrat beschließt Haushalt"));
    assert_eq!(m.authors, ["Eva Schmidt"]);
    assert_eq!(m.published.as_deref(), Some("2024-03-05T18:30:00+01:00"));
    assert_eq!(m.site_name.as_deref(), Some("Stadtanzeiger"));
    assert_eq!(m.url.as_deref(), Some("https://example.org/haushalt"));
    assert_eq!(m.declared_language.as_deref(), Some("de-DE"));

    let page = r#"<html><head><title>Le budget est voté — Le Journal</title>
        <meta property="og:site_name" content="Le Journal">
        <meta property="og:url" content="/relative">
        <meta property="article:author" content="https://facebook.com/x">
        </head><body><article><p class=auteur>Par <a rel=author href=/a>Paul Martin</a></p>
        <time datetime="2024-01-02">2 janvier</time></article></body></html>"#;
    let (_, m) = candidates(page);
    assert_eq!(m.title.as_deref(), Some("Le budget est voté"));
    assert_eq!(m.authors, ["Paul Martin"]);
    assert_eq!(m.published.as_deref(), Some("2024-01-02"));
    assert_eq!(m.url, None);
}

#[test]
fn a_time_that_update_words_introduce_is_the_modification() {
    // (page, published, modified)
    let cases = [
        (
            "<p>This page was last modified on <time datetime=\"2025-12-17T14:40:43Z\">Dec 17, 2025</time> by contributors.</p>",
            None,
            Some("2025-12-17T14:40:43Z"),
        ),
        (
            "<p>Veröffentlicht am <time datetime=\"2024-03-05\">5. März 2024</time>, zuletzt aktualisiert am <time datetime=\"2024-04-01\">1. April 2024</time></p>",
            Some("2024-03-05"),
            Some("2024-04-01"),
        ),
        (
            "<p><span>Mis à jour le</span> <time datetime=\"2023-06-02\">2 juin 2023</time></p>",
            None,
            Some("2023-06-02"),
        ),
        (
            "<p>Publicado el <time datetime=\"2022-11-08\">8 de noviembre de 2022</time></p>",
            Some("2022-11-08"),
            None,
        ),
    ];
    for (body, published, modified) in cases {
        let page = format!(
            "<html><head><title>Una página</title></head><body><article><h1>Una página</h1>{body}\
             <p>Un párrafo del artículo, con bastantes palabras para ser un párrafo de verdad.</p>\
             </article></body></html>"
        );
        let (_, m) = candidates(&page);
        assert_eq!(m.published.as_deref(), published, "{body}");
        assert_eq!(m.modified.as_deref(), modified, "{body}");
    }
}

#[test]
fn links_to_the_home_page_are_known() {
    for href in [
        "/",
        " / ",
        "https://forums.example.org/",
        "http://example.org",
        "//example.org/",
        "/index.php",
    ] {
        assert!(super::links_home(href.as_bytes()), "{href}");
    }
    for href in [
        "",
        "#",
        "/news/",
        "https://example.org/news",
        "https://example.org/?page=2",
        "index.html",
        "./",
        "https:///",
    ] {
        assert!(!super::links_home(href.as_bytes()), "{href}");
    }
}

#[test]
fn a_heading_that_links_the_home_page_is_no_headline() {
    // en: a forum's name as its h1 over each thread; fr: a blog's name, the link around it.
    let en = candidates(
        "<html><head><title>Fan runs after suspend / Hardware / Penguin Forums</title></head>\
         <body><h1><a href=\"https://forums.example.org/\">Penguin Users</a></h1>\
         <p>Since the last update the fan spins at full speed after every resume.</p></body></html>",
    );
    assert!(find(&en.0, "Penguin Users").home_link);
    assert_eq!(en.1.headline.as_deref(), Some("Fan runs after suspend"));
    let fr = candidates(
        "<html><head><title>Réparer une chaise paillée</title></head><body>\
         <a href=\"/\"><span><h1>Le carnet de Margot</h1></span></a>\
         <h2>Réparer une chaise paillée</h2><p>La chaise de ma grand-mère avait perdu son assise.</p>\
         </body></html>",
    );
    assert_eq!(fr.1.headline.as_deref(), Some("Réparer une chaise paillée"));
    // A heading that links elsewhere, or holds text outside the link, is read as before.
    let de = candidates(
        "<html><head><title>Neue Radwege | Lokalblatt</title></head><body>\
         <h1><a href=\"/lokales/neue-radwege\">Neue Radwege</a></h1>\
         <h1 id=\"b\"><a href=\"/\">Lokalblatt</a>: Neue Radwege für die Altstadt</h1>\
         <p>Der Stadtrat hat beschlossen, die Hauptstraße mit einem Radweg auszustatten.</p></body></html>",
    );
    assert!(!find(&de.0, "Neue Radwege").home_link);
    assert!(!find(&de.0, "Lokalblatt: Neue").home_link);
    assert_eq!(de.1.headline.as_deref(), Some("Neue Radwege"));
}
