//! Whole hand-made pages through [`crate::strip_html`]: the header's fields by shape and
//! language.

use crate::{Article, strip_html};

/// A page with `head` in its `<head>` and `body` before three paragraphs of prose.
fn page(head: &str, body: &str, lang: &str) -> Article {
    let prose = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod \
                 tempor incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam.";
    strip_html(&format!(
        "<html lang={lang}><head>{head}</head><body><header><a href=/>Home</a></header>\
         <main><article>{body}<p>{prose}</p><p>{prose} Quis nostrud.</p><p>{prose} \
         Duis aute.</p></article></main><footer><p>© 2019 Example Media</p></footer>\
         </body></html>"
    ))
}

#[test]
fn german_news_article_with_json_ld() {
    let a = page(
        r#"<title>Neue Radwege in der Stadt | Stadtblatt</title>
        <meta property="og:title" content="Neue Radwege in der Stadt | Stadtblatt">
        <meta property="og:site_name" content="Stadtblatt">
        <script type="application/ld+json">{"@type":"NewsArticle",
          "headline":"Neue Radwege in der Stadt",
          "author":[{"@type":"Person","name":"Anna Schmidt"},
                    {"@type":"Organization","name":"Stadtblatt"}],
          "publisher":{"@type":"Organization","name":"Stadtblatt"},
          "datePublished":"2024-03-05T08:00:00+01:00",
          "dateModified":"2024-03-06T10:30:00+01:00"}</script>"#,
        "<h1>Neue Radwege für die Innenstadt in der Stadt</h1><p>Von Anna Schmidt</p>",
        "de",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Neue Radwege für die Innenstadt in der Stadt")
    );
    assert_eq!(a.seo_title.as_deref(), Some("Neue Radwege in der Stadt"));
    assert_eq!(a.authors, ["Anna Schmidt"]);
    assert_eq!(a.publisher.as_deref(), Some("Stadtblatt"));
    assert_eq!(a.published.as_deref(), Some("2024-03-05T08:00:00+01:00"));
    assert_eq!(a.modified.as_deref(), Some("2024-03-06T10:30:00+01:00"));
}

#[test]
fn french_byline_gives_author_and_date_not_the_copyright_year() {
    let a = page(
        "<title>La réforme adoptée - Le Quotidien</title>",
        "<h1>La réforme adoptée</h1><p>Par Jean Dupont, publié le 9 janvier 2024</p>",
        "fr",
    );
    assert_eq!(a.title.as_deref(), Some("La réforme adoptée"));
    assert_eq!(a.authors, ["Jean Dupont"]);
    assert_eq!(a.published.as_deref(), Some("2024-01-09"));
    assert_eq!(a.modified, None);
}

#[test]
fn spanish_service_page_has_no_publication_date() {
    // A web page's record dates (the CMS's) are no publication date.
    let a = page(
        r#"<title>Reformas de cocinas en Madrid | Reformas Sol</title>
        <meta property="og:site_name" content="Reformas Sol">
        <script type="application/ld+json">{"@graph":[{"@type":"WebPage",
          "name":"Reformas de cocinas en Madrid","datePublished":"2019-04-15T21:00:02+00:00",
          "dateModified":"2024-01-01T00:00:00+00:00"}]}</script>"#,
        "<h1>Reformas de cocinas</h1>",
        "es",
    );
    assert_eq!(a.title.as_deref(), Some("Reformas de cocinas"));
    assert_eq!(
        a.seo_title.as_deref(),
        Some("Reformas de cocinas en Madrid")
    );
    assert_eq!(a.published, None);
    assert_eq!(a.modified, None);
    assert!(a.authors.is_empty());
}

#[test]
fn english_rel_author_links_and_a_staff_label() {
    let a = page(
        r#"<title>Ten ways to save water at home</title>
        <meta name="author" content="Staff">
        <link rel="canonical" href="https://example.org/2023/07/14/save-water">"#,
        "<h1>Ten ways to save water at home</h1><p>By <a rel=author href=/a>Mary Major</a> \
         and <a rel=author href=/b>Tom Roe</a></p>",
        "en",
    );
    assert_eq!(a.title.as_deref(), Some("Ten ways to save water at home"));
    assert_eq!(a.seo_title, None);
    assert_eq!(a.authors, ["Mary Major", "Tom Roe"]);
    // No date on the page but the URL's.
    assert_eq!(a.published.as_deref(), Some("2023-07-14"));
}

#[test]
fn russian_itemprop_author_with_a_bio_line() {
    let a = page(
        r#"<title>Как выбрать велосипед — Велоблог</title>
        <meta property="og:site_name" content="Велоблог">"#,
        "<h1>Как выбрать велосипед</h1><div itemprop=author>Иван Петров Иван Петров \
         пишет о велосипедах с 2010 года</div><time datetime=\"2022-05-04T09:15\">4 мая \
         2022</time>",
        "ru",
    );
    assert_eq!(a.title.as_deref(), Some("Как выбрать велосипед"));
    assert_eq!(a.authors, ["Иван Петров"]);
    assert_eq!(a.published.as_deref(), Some("2022-05-04T09:15"));
}
#[test]
fn english_date_line_under_the_headline_without_metadata_dates() {
    // The page's metadata has no date; the reader sees one under the headline, in a
    // meta line the page keeps outside its byline markup.
    let a = page(
        "<title>Scaling tests with scenario mocks</title>",
        "<h1>Scaling tests with scenario mocks</h1><div class=post-meta><span>Dec 17, \
         2025</span> · <span>6 min read</span></div>",
        "en",
    );
    assert_eq!(a.published.as_deref(), Some("2025-12-17"));
}

#[test]
fn spanish_date_above_the_headline_and_a_standfirst() {
    let a = page(
        "<title>Huertos urbanos en cada barrio</title>",
        "<p class=kicker>12 de marzo de 2024</p><h1>Huertos urbanos en cada barrio</h1>\
         <p>El ayuntamiento abrirá veinte huertos nuevos antes del verano, con riego y \
         talleres gratuitos para los vecinos.</p>",
        "es",
    );
    assert_eq!(a.published.as_deref(), Some("2024-03-12"));
}

#[test]
fn polish_date_far_below_the_headline_is_no_publication_date() {
    // A date after the article's paragraphs belongs to a quoted post, not the article.
    let a = page(
        "<title>Nowa linia tramwajowa</title>",
        "<h1>Nowa linia tramwajowa</h1><p>Miasto zbuduje nową linię tramwajową na \
         południe, a pierwsze kursy ruszą za dwa lata.</p><p>Radni przyjęli plan \
         jednogłośnie po krótkiej debacie na sesji, a mieszkańcy południowych osiedli \
         od lat czekali na szybkie połączenie z centrum.</p><blockquote><p>Wreszcie!</p>\
         <p>— Mieszkaniec (@mieszkaniec) 4 maja 2023</p></blockquote>",
        "pl",
    );
    assert_eq!(a.published, None);
}

#[test]
fn german_visible_date_outranks_the_urls() {
    // The URL's date is the least trusted: the date line the page shows wins.
    let a = page(
        r#"<title>Hafenfest verschoben</title>
        <link rel="canonical" href="https://example.de/2023/07/14/hafenfest">"#,
        "<h1>Hafenfest verschoben</h1><p class=datum>Aktualisiert am 16. Juli 2023</p>",
        "de",
    );
    assert_eq!(a.published.as_deref(), Some("2023-07-16"));
}
#[test]
fn english_by_colon_byline_beside_the_headline_outside_the_main_container() {
    // The page keeps its headline and byline in a hero block outside <main>: the byline
    // is still the one the reader sees next to the headline.
    let prose = "The river authority opened the new flood gates on Monday after four \
                 years of work, and the first test raised the water by two metres.";
    let a = strip_html(&format!(
        "<html lang=en><head><title>New flood gates open</title></head><body>\
         <div class=hero><h1>New flood gates open</h1><div class=meta>By: Dana Whitfield · 4 min \
         read</div></div><main><article><p>{prose}</p><p>{prose} More tests \
         follow.</p><p>{prose} The town is pleased.</p></article></main></body></html>"
    ));
    assert_eq!(a.authors, ["Dana Whitfield"]);
}
#[test]
fn german_byline_in_the_page_header_beside_the_headline() {
    // Headline and byline sit in the page's <header>, which goes as furniture; the
    // byline next to the headline still names the author.
    let prose = "Die Stadtwerke haben am Montag die neuen Schleusentore geöffnet, nach vier \
                 Jahren Bauzeit, und der erste Test hob den Pegel um zwei Meter.";
    let a = strip_html(&format!(
        "<html lang=de><head><title>Neue Schleusentore offen</title></head><body>\
         <header><nav><a href=/>Start</a> <a href=/stadt>Stadt</a></nav>\
         <h1>Neue Schleusentore offen</h1><p>Von Jana Petersen</p></header><main>\
         <article><p>{prose}</p><p>{prose} Weitere Tests folgen.</p><p>{prose} Die \
         Stadt ist zufrieden.</p></article></main></body></html>"
    ));
    assert_eq!(a.authors, ["Jana Petersen"]);
}

#[test]
fn german_date_line_beside_the_seo_title_in_a_hero_block() {
    // The headline the header takes is the heading inside the article; the page shows
    // its date line in a hero block outside <main>, beside the SEO title set as h1.
    let prose = "Die Stadt baut bis zum Sommer zwölf Kilometer neue Radwege, getrennt vom \
                 Autoverkehr, und die ersten Abschnitte sind schon freigegeben worden.";
    let a = strip_html(&format!(
        "<html lang=de><head><title>Neue Radwege in der Innenstadt</title></head><body>\
         <div class=entry-header><p class=datum>Veröffentlicht am 3. März 2021</p>\
         <h1>Neue Radwege in der Innenstadt</h1></div><ul class=share><li><a href=/t>\
         Teilen</a></li><li><a href=/d>Drucken</a></li><li><a href=/m>Merken</a></li>\
         </ul><p>Lesezeit: 4 Minuten</p><main><article>\
         <h1>Radwege: neue Wege in der Innenstadt</h1><p>{prose}</p><p>{prose} Mehr \
         folgt.</p><p>{prose} Die Stadt ist zufrieden.</p></article></main></body></html>"
    ));
    assert_eq!(
        a.title.as_deref(),
        Some("Radwege: neue Wege in der Innenstadt")
    );
    assert_eq!(a.published.as_deref(), Some("2021-03-03"));
}
#[test]
fn english_date_glued_to_the_authors_name_in_the_meta_line() {
    // The meta line's date and name are two elements with no space between them.
    let a = page(
        "<title>Attested builds for everyone</title>",
        "<h1>Attested builds for everyone</h1><div class=post-meta><span>Dec 17, \
         2025</span><span>Jane Roe</span></div>",
        "en",
    );
    assert_eq!(a.published.as_deref(), Some("2025-12-17"));
}

#[test]
fn french_service_page_typed_article_has_no_publication_date() {
    // og:type=article on every page of the site (the CMS's default) is no publication: the
    // web page node's record dates stay out without an `article:published_time`.
    let a = page(
        r#"<title>Rénovation de salles de bains à Lyon</title>
        <meta property="og:type" content="article">
        <script type="application/ld+json">{"@graph":[{"@type":"WebPage",
          "name":"Rénovation de salles de bains à Lyon",
          "datePublished":"2018-02-11T09:30:00+00:00",
          "dateModified":"2025-06-02T14:00:00+00:00"}]}</script>"#,
        "<h1>Rénovation de salles de bains</h1>",
        "fr",
    );
    assert_eq!(a.published, None);
    assert_eq!(a.modified, None);
}

#[test]
fn german_post_with_article_published_time_keeps_its_dates() {
    // The same markup with a stated publication: the page node's dates are the post's.
    let a = page(
        r#"<title>Neue Fähre über die Elbe</title>
        <meta property="og:type" content="article">
        <meta property="article:published_time" content="2024-05-03T07:00:00+02:00">
        <script type="application/ld+json">{"@graph":[{"@type":"WebPage",
          "name":"Neue Fähre über die Elbe",
          "datePublished":"2024-05-03T07:00:00+02:00",
          "dateModified":"2024-05-04T12:00:00+02:00"}]}</script>"#,
        "<h1>Neue Fähre über die Elbe</h1>",
        "de",
    );
    assert_eq!(a.published.as_deref(), Some("2024-05-03T07:00:00+02:00"));
    assert_eq!(a.modified.as_deref(), Some("2024-05-04T12:00:00+02:00"));
}

#[test]
fn italian_organisation_author_is_the_publisher_and_the_byline_names_the_person() {
    // JSON-LD types its author an organisation (the paper's desk): the publisher, not a
    // person who signed; the byline under the headline names the person.
    let a = page(
        r#"<title>Il nuovo ponte sul fiume apre a giugno</title>
        <script type="application/ld+json">{"@type":"NewsArticle",
          "headline":"Il nuovo ponte sul fiume apre a giugno",
          "author":{"@type":"NewsMediaOrganization","name":"Gazzetta di Esempio"},
          "datePublished":"2024-02-01T10:00:00+01:00"}</script>"#,
        "<h1>Il nuovo ponte sul fiume apre a giugno</h1><p>di Marco Rossi</p>",
        "it",
    );
    assert_eq!(a.authors, ["Marco Rossi"]);
    assert_eq!(a.publisher.as_deref(), Some("Gazzetta di Esempio"));
}

#[test]
fn dutch_organisation_author_alone_names_no_person() {
    // A service page whose JSON-LD credits the company (an @id reference to an
    // Organization node): no person signed it.
    let a = page(
        r##"<title>Dakdekkers in Utrecht</title>
        <script type="application/ld+json">{"@graph":[
          {"@type":"Article","headline":"Dakdekkers in Utrecht",
           "author":{"@id":"#org"}},
          {"@type":"Organization","@id":"#org","name":"Voorbeeld Daken BV"}]}</script>"##,
        "<h1>Dakdekkers in Utrecht</h1>",
        "nl",
    );
    assert!(a.authors.is_empty());
    assert_eq!(a.publisher.as_deref(), Some("Voorbeeld Daken BV"));
}

#[test]
fn portuguese_listing_page_names_no_author_from_its_teasers() {
    // A section page (no article, none declared): its lead story and each teaser carry
    // their own byline, and none of them signed the page.
    let a = strip_html(
        "<html lang=pt><head><title>Ciência – Notícias da investigação | Diário Exemplo\
         </title></head><body><header><a href=/>Diário Exemplo</a> <nav><a href=/politica>\
         Política</a> <a href=/ciencia>Ciência</a></nav></header><h1>Ciência</h1>\
         <div class=destaque><h2><a href=/c/1>Investigadores descobrem como as aves \
         migratórias veem o campo magnético</a></h2><p class=byline>Por Ana Costa</p><p>Uma \
         proteína da retina reage à direção do campo magnético da Terra. A equipa conseguiu \
         mostrar o mecanismo pela primeira vez num animal vivo e descreve agora a sua \
         sensibilidade; um campo fraco, como o das linhas elétricas, basta para desorientar \
         as aves, e por isso a equipa quer estudar a seguir as rotas junto às grandes \
         linhas.</p></div><section><h2>Mais notícias</h2>\
         <div><h3><a href=/c/2>Novo mapa mostra o fundo do mar do Norte</a></h3><p \
         class=byline>Por Bruno Reis</p><p>Navios mediram a bacia durante seis anos.</p></div>\
         <div><h3><a href=/c/3>Porque as abelhas recolhem menos pólen com calor</a></h3><p \
         class=byline>Por Carla Mota</p><p>Acima dos 35 graus as obreiras ficam na colmeia.\
         </p></div><div><h3><a href=/c/4>Pão mais antigo da Europa encontrado num lago</a>\
         </h3><p class=byline>Por Diogo Luz</p><p>Os restos têm cerca de 5500 anos.</p></div>\
         </section><footer><p>© 2025 Diário Exemplo</p></footer></body></html>",
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn spanish_byline_element_holding_only_a_name_beside_the_headline() {
    // The theme writes the author's name alone in an author-classed element, no "Por".
    let a = page(
        "<title>Cómo podar un olivo joven | Huerta Fácil</title>",
        "<h1>Cómo podar un olivo joven</h1><div class=entry-author>Lucía Gómez Herrera</div>",
        "es",
    );
    assert_eq!(a.authors, ["Lucía Gómez Herrera"]);
}

#[test]
fn english_checklist_page_keeps_the_byline_beside_its_headline() {
    // A page of short lines that declares nothing (no article is found on it): the byline
    // next to its headline still signs it.
    let a = strip_html(
        "<html lang=en><head><title>Moving day checklist | Example Movers</title></head>\
         <body><header><a href=/>Example Movers</a> <nav><a href=/quote>Get a quote</a>\
         </nav></header><main><h1>Moving day checklist</h1><p class=byline>By Priya Raman\
         </p><ul><li>Label every box by room</li><li>Keep chargers in one bag</li>\
         <li>Photograph the meter readings</li><li>Defrost the freezer the night before</li>\
         <li>Pack a kettle and mugs last</li></ul></main><footer><p>© 2025 Example Movers\
         </p></footer></body></html>",
    );
    assert_eq!(a.authors, ["Priya Raman"]);
}

#[test]
fn french_author_label_above_the_name_beside_the_headline() {
    // The meta column labels each value on a line of its own.
    let a = page(
        "<title>Bien choisir son vélo de ville</title>",
        "<h1>Bien choisir son vélo de ville</h1><div><p>Mis à jour</p><p>4 mars 2025</p>\
         </div><div><p>Écrit par</p><p>Camille Rousseau</p></div>",
        "fr",
    );
    assert_eq!(a.authors, ["Camille Rousseau"]);
    assert_eq!(a.published.as_deref(), Some("2025-03-04"));
}

#[test]
fn dutch_metadata_crediting_the_site_gives_way_to_the_byline() {
    // The CMS fills the author tag with the paper's name; the byline names the reporter.
    let a = page(
        r#"<title>Nieuwe fietsbrug geopend | Dagblad Voorbeeld</title>
        <meta name="author" content="Dagblad Voorbeeld">
        <meta property="og:site_name" content="Dagblad Voorbeeld">"#,
        "<h1>Nieuwe fietsbrug geopend</h1><p>Door Pieter Jansen</p>",
        "nl",
    );
    assert_eq!(a.authors, ["Pieter Jansen"]);
}

#[test]
fn spanish_thread_names_its_poster_in_microdata_metas() {
    // The forum software states the thread's author only in microdata: a Person whose name
    // is a <meta itemprop=name content>.
    let a = page(
        "<title>¿Qué aceite para la cadena de la bici?</title>",
        "<div itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">\
         <meta itemprop=\"headline\" content=\"¿Qué aceite para la cadena de la bici?\">\
         <div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">\
         <meta itemprop=\"name\" content=\"marta_g\"><meta itemprop=\"url\" \
         content=\"/user/marta_g\"></div></div><h1>¿Qué aceite para la cadena de la bici?</h1>",
        "es",
    );
    assert_eq!(a.authors, ["marta_g"]);
}

#[test]
fn english_author_named_only_in_a_link_to_their_page() {
    // No byline beside the headline, no author in the metadata: the card after the
    // article links the author's page.
    let a = page(
        "<title>Repairing a cracked phone screen at home</title>",
        "<h1>Repairing a cracked phone screen at home</h1>",
        "en",
    );
    assert!(a.authors.is_empty());
    let prose = "Most cracked screens can be replaced at home with a heat gun, a suction cup \
                 and a set of plastic picks, and the whole job takes about an hour.";
    let a = strip_html(&format!(
        "<html lang=en><head><title>Repairing a cracked phone screen at home</title></head>\
         <body><main><article><h1>Repairing a cracked phone screen at home</h1><p>{prose}</p>\
         <p>{prose} Take your time.</p><p>{prose} Test before closing.</p></article>\
         <div class=card><img src=k.jpg alt=''><a href=\"/author/kate-morgan/\">Kate Morgan\
         </a><p>Kate fixes phones and writes about it.</p></div></main></body></html>"
    ));
    assert_eq!(a.authors, ["Kate Morgan"]);
}

#[test]
fn polish_listing_links_many_authors_and_names_none() {
    // A section page's teasers each link their author's page: none signed the page.
    let teaser = |i: usize, name: &str, slug: &str| {
        format!(
            "<div><h3><a href=/a/{i}>Nowy most na Wiśle otwarty dla pieszych numer {i}</a>\
             </h3><a href=/autor/{slug}>{name}</a></div>"
        )
    };
    let a = strip_html(&format!(
        "<html lang=pl><head><title>Miasto – Gazeta Przykładowa</title></head><body><h1>Miasto\
         </h1>{}{}{}</body></html>",
        teaser(1, "Anna Nowak", "anna-nowak"),
        teaser(2, "Piotr Zieliński", "piotr-zielinski"),
        teaser(3, "Ewa Wójcik", "ewa-wojcik"),
    ));
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn german_closing_byline_after_the_article_names_the_author() {
    // The only byline stands after the article's text.
    let prose = "Die Stadtwerke haben am Montag die neuen Schleusentore geöffnet, nach vier \
                 Jahren Bauzeit, und der erste Test hob den Pegel um zwei Meter.";
    let a = strip_html(&format!(
        "<html lang=de><head><title>Neue Schleusentore offen</title></head><body><main>\
         <article><h1>Neue Schleusentore offen</h1><p>{prose}</p><p>{prose} Weitere Tests \
         folgen.</p><p>{prose} Die Stadt ist zufrieden.</p><p>Geschrieben von Lena Vogel</p>\
         </article></main></body></html>"
    ));
    assert_eq!(a.authors, ["Lena Vogel"]);
}

#[test]
fn english_closing_bylines_of_many_posts_name_nobody() {
    // Two different closing bylines (two posts on one page): neither signs it.
    let prose = "The river authority opened the new flood gates on Monday after four \
                 years of work, and the first test raised the water by two metres.";
    let a = strip_html(&format!(
        "<html lang=en><head><title>Flood gates</title></head><body><main><article>\
         <h1>Flood gates</h1><p>{prose}</p><p>{prose} More tests follow.</p><p>{prose} \
         The town is pleased.</p><p>Written by Dana Whitfield</p><h2>Gates, part two</h2>\
         <p>{prose}</p><p>{prose} More tests follow.</p><p>{prose} The town is pleased.</p>\
         <p>Written by Omar Haddad</p></article></main></body></html>"
    ));
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

/// A page whose headline and meta line stand in a hero block outside `<main>`.
fn hero_page(hero: &str, title: &str, lang: &str) -> Article {
    let prose = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod \
                 tempor incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam.";
    strip_html(&format!(
        "<html lang={lang}><head><title>{title}</title></head><body><div class=hero>{hero}\
         </div><main><article><p>{prose}</p><p>{prose} Quis nostrud.</p><p>{prose} Duis \
         aute.</p></article></main></body></html>"
    ))
}

#[test]
fn english_meta_line_split_into_one_word_elements_after_the_standfirst() {
    // The meta line is seven small elements after a standfirst: one line to the reader,
    // beyond six blocks from the headline.
    let a = hero_page(
        "<h1>Choosing a CRM for a small team</h1><p>We compared six tools on price, setup \
         time and what they do with your meeting notes, over three months of use.</p>\
         <div><div>By</div><div>The Notes Team</div><div>6</div><div>mins</div>\
         <div>|</div><div>Tools</div><div>February 28, 2026</div></div>",
        "Choosing a CRM for a small team",
        "en",
    );
    assert_eq!(a.published.as_deref(), Some("2026-02-28"));
}

#[test]
fn french_meta_line_in_small_elements_above_the_headline() {
    let a = hero_page(
        "<div><p>Publié</p><p>14 octobre 2025</p><p>dans</p><p>Formation \
         continue</p></div><h1>Dix plateformes de formation en ligne</h1>",
        "Dix plateformes de formation en ligne",
        "fr",
    );
    assert_eq!(a.published.as_deref(), Some("2025-10-14"));
}

#[test]
fn german_menu_entries_do_not_stretch_the_reach_beside_the_headline() {
    // A contents list's short entries are no meta line: the release date below it is
    // the software's, not the page's.
    let a = hero_page(
        "<h1>Schnellstart</h1><ul><li>Modelle</li><li>Verbindung</li><li>Tabellen</li>\
         <li>Objekte</li><li>Abfragen</li><li>Änderungen</li><li>Löschen</li></ul>\
         <p>Version 2.0 vom 2. März 2026</p>",
        "Schnellstart",
        "de",
    );
    assert_eq!(a.published, None);
}

#[test]
fn english_dateline_names_the_author_after_its_date() {
    let a = page(
        "<title>Planting garlic in autumn</title>",
        "<h1>Planting garlic in autumn</h1><p class=meta>Published August 7, 2023 by \
         Nicole Barker</p>",
        "en",
    );
    assert_eq!(a.authors, ["Nicole Barker"]);
    assert_eq!(a.published.as_deref(), Some("2023-08-07"));
}

#[test]
fn spanish_dateline_with_the_name_after_a_middle_dot() {
    let a = page(
        "<title>Cómo plantar ajos en otoño</title>",
        "<h1>Cómo plantar ajos en otoño</h1><p>12 de marzo de 2024 · Lucía Gómez</p>",
        "es",
    );
    assert_eq!(a.authors, ["Lucía Gómez"]);
    assert_eq!(a.published.as_deref(), Some("2024-03-12"));
}

#[test]
fn english_product_page_names_its_maker_not_an_author() {
    // "By <brand>" under the product's name, the shop in the author meta: nobody wrote it.
    let a = page(
        r#"<title>Oat Crunch Granola, 12 oz | Pantry Lane</title>
        <meta name="author" content="Pantry Lane">
        <meta property="og:site_name" content="Pantry Lane">
        <script type="application/ld+json">{"@type":"Product","name":"Oat Crunch Granola, 12 oz",
          "brand":{"@type":"Brand","name":"Hillside Mills"}}</script>"#,
        "<h1>Oat Crunch Granola, 12 oz</h1><div>By <a href=/brands/hillside>Hillside Mills</a></div>",
        "en",
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn german_shop_page_declared_by_opengraph_names_no_author() {
    let a = page(
        r#"<title>Wanderrucksack Alpin 30 – Bergladen</title>
        <meta property="og:type" content="product">
        <meta itemprop="author" content="Kletterfuchs">"#,
        "<h1>Wanderrucksack Alpin 30</h1><p>Von Gipfelwerk</p>",
        "de",
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn french_product_review_declared_an_article_keeps_its_author() {
    // A review describes a product and is an article: its byline names its writer.
    let a = page(
        r#"<title>Test de la bouilloire Calyx 2 – Le Banc d'essai</title>
        <script type="application/ld+json">[{"@type":"Product","name":"Bouilloire Calyx 2"},
          {"@type":"Article","headline":"Test de la bouilloire Calyx 2",
           "author":{"@type":"Person","name":"Claire Fontaine"}}]</script>"#,
        "<h1>Test de la bouilloire Calyx 2</h1><p>Par Claire Fontaine</p>",
        "fr",
    );
    assert_eq!(a.authors, ["Claire Fontaine"]);
}

#[test]
fn a_blog_url_encoded_once_too_often_still_dates_the_post() {
    // The CMS percent-encoded the whole `og:url`, slashes and all: the URL is written out as
    // the site meant it, and its day dates the post that says nothing else of its date.
    let a = page(
        r#"<title>Ein Backend für den Compiler</title>
        <meta property="og:url" content="https://blog.example.de%2Fartikel%2F2025-12-15%2BEin%2BBackend">"#,
        "<h1>Ein Backend für den Compiler</h1>",
        "de",
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://blog.example.de/artikel/2025-12-15+Ein+Backend")
    );
    assert_eq!(a.published.as_deref(), Some("2025-12-15"));
}
