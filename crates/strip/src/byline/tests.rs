//! Tests of `byline`.

use super::*;

fn parse_text(text: &str) -> Option<Byline> {
    parse(text, text.split_whitespace().count())
}

#[test]
fn english_byline_with_date_and_reading_time() {
    let b =
        parse_text("By Maria Gonzalez and Tom Hughes | June 2, 2022 6:05 AM · 4 min read").unwrap();
    assert_eq!(b.authors, vec!["Maria Gonzalez", "Tom Hughes"]);
    assert_eq!(b.published.as_deref(), Some("2022-06-02T06:05"));
}

#[test]
fn other_languages() {
    let fr = parse_text("Par Jean Dupont Publié le 3 février 2021 à 10h12").unwrap();
    assert_eq!(fr.authors, vec!["Jean Dupont"]);
    assert_eq!(fr.published.as_deref(), Some("2021-02-03T10:12"));
    let de = parse_text("Von Anna Schmidt, 17.03.2023").unwrap();
    assert_eq!(de.authors, vec!["Anna Schmidt"]);
    assert_eq!(de.published.as_deref(), Some("2023-03-17"));
    let es = parse_text("Por Lucía Fernández").unwrap();
    assert_eq!(es.authors, vec!["Lucía Fernández"]);
    let ru = parse_text("Автор: Иван Петров").unwrap();
    assert_eq!(ru.authors, vec!["Иван Петров"]);
}

#[test]
fn datelines_without_author() {
    let b = parse_text("Updated 9 Jan 2024, 14:35 GMT").unwrap();
    assert!(b.authors.is_empty());
    assert_eq!(b.published.as_deref(), Some("2024-01-09T14:35Z"));
    assert!(parse_text("Aktualisiert am 05.06.2021 um 17:40 Uhr").is_some());
}

#[test]
fn a_dateline_then_the_names_it_introduces() {
    // en, fr, es: a theme's "Posted on <date> by <name>", before or after the post.
    let en = parse_text("Posted on March 3, 2023 by John Smith").unwrap();
    assert_eq!(en.authors, ["John Smith"]);
    assert_eq!(en.published.as_deref(), Some("2023-03-03"));
    let fr = parse_text("Publié le 9 janvier 2024 par Jean Dupont").unwrap();
    assert_eq!(fr.authors, ["Jean Dupont"]);
    assert_eq!(fr.published.as_deref(), Some("2024-01-09"));
    let es = parse_text("Publicado el 4 de mayo de 2023 por Ana Ruiz").unwrap();
    assert_eq!(es.authors, ["Ana Ruiz"]);
    // A category link that held no text leaves its "In" behind the name.
    let cut = parse_text("May 18, 2023 By Sara Harberson In").unwrap();
    assert_eq!(cut.authors, ["Sara Harberson"]);
    // Not a dateline before the date, or no name after "by": no byline.
    assert_eq!(
        parse_text("Tickets went on sale on March 3, 2023 by Ticketmaster"),
        None
    );
    assert_eq!(parse_text("Posted on March 3, 2023 by the editors"), None);
    // An update's names are an editor's.
    assert!(
        parse_text("Last updated on March 3, 2023 by Ana Ruiz")
            .is_none_or(|b| b.authors.is_empty())
    );
}

#[test]
fn people_apart_from_organisations_labels_and_dates() {
    let authors: Vec<String> = [
        "Ana López",
        "El Diario",
        "Redaktion",
        "Redação",
        "Staff",
        "undefined",
        "2024-03-05",
        "9 janvier 2024",
        "examplenews",
        "Jean Dupont",
    ]
    .map(String::from)
    .to_vec();
    let (people, org) = people_and_organisations(&authors, &["El Diario"], Some("examplenews.com"));
    assert_eq!(people, ["Ana López", "Jean Dupont"]);
    assert_eq!(org.as_deref(), Some("El Diario"));
    // The host alone names the organisation; signing alone, it stays the author.
    let (people, org) =
        people_and_organisations(&["ExampleNews".into()], &[], Some("examplenews.com"));
    assert_eq!(people, ["ExampleNews"]);
    assert_eq!(org.as_deref(), Some("ExampleNews"));
}

#[test]
fn author_classes() {
    for class in [
        "author",
        "post-author vcard",
        "author-name",
        "authorName",
        "the-author",
        "c-byline__name",
        "meta byline",
    ] {
        assert!(names_an_author(class), "{class}");
    }
    for class in [
        "author-box",
        "author-bio",
        "comment-author",
        "authors-list",
        "author-avatar",
        "review-author",
        "x",
    ] {
        assert!(!names_an_author(class), "{class}");
    }
}

#[test]
fn markup_names_from_bios_and_reputation_lines() {
    let texts = [
        "Ana Ruiz Ana Ruiz is a reporter who covers housing.",
        "Written by Tom Roe",
    ]
    .map(String::from);
    assert_eq!(markup_names(&texts), ["Ana Ruiz", "Tom Roe"]);
    let thread = ["kumiko 159 1 silver badge", "Mike", "Joe", "Ann"].map(String::from);
    assert_eq!(markup_names(&thread), ["kumiko"]);
}

#[test]
fn a_date_glued_after_the_name_is_no_part_of_it() {
    let texts = ["Lena Park February 8, 2022 • 5 min read".to_string()];
    assert_eq!(markup_names(&texts), ["Lena Park"]);
    let fr = ["Jean Dupont Févr. 3, 2024".to_string()];
    assert_eq!(markup_names(&fr), ["Jean Dupont"]);
    let updated = ["Written by Ana Ruiz Updated March 3, 2024".to_string()];
    assert_eq!(markup_names(&updated), ["Ana Ruiz"]);
    // A name that is also a month's stays when no day follows it.
    let april = ["April Ludgate".to_string()];
    assert_eq!(markup_names(&april), ["April Ludgate"]);
}

#[test]
fn class_names_are_held_to_more() {
    let texts = ["Feb", "Ann K.", "Marta Gómez Ruiz Marta Gómez Ruiz"].map(String::from);
    assert_eq!(class_names(&texts), ["Marta Gómez Ruiz"]);
    let listing = ["Ana Ruiz", "Tom Roe", "Li Wei"].map(String::from);
    assert!(class_names(&listing).is_empty());
}

#[test]
fn sentences_are_not_bylines() {
    assert_eq!(parse_text("by the way, nothing happened"), None);
    assert_eq!(
        parse_text("The treaty was signed on March 3, 2023 by both governments in Geneva."),
        None
    );
    assert_eq!(parse_text("Por qué la inflación no baja"), None);
}
#[test]
fn forum_post_headers_give_the_poster() {
    assert_eq!(
        post_author("DaleJack September 5, 2024, 11:15pm 1").as_deref(),
        Some("DaleJack")
    );
    assert_eq!(
        post_author("by changingtimes » Sat Feb 24, 2024 12:41 pm").as_deref(),
        Some("changingtimes")
    );
    assert_eq!(
        post_author("Von kiezkind | 3. März 2024, 09:12").as_deref(),
        Some("kiezkind")
    );
    assert_eq!(post_author("ana_k").as_deref(), Some("ana_k"));
    // No name: a date alone, a label, a sentence.
    assert_eq!(post_author("Posted September 5, 2024"), None);
    assert_eq!(post_author("Admin · 5 septembre 2024"), None);
    assert_eq!(post_author("Written By"), None);
    assert_eq!(post_author("1 Votes Jan 3, 2024"), None);
    assert_eq!(post_author("Release Date: Dec 5, 2019"), None);
    assert_eq!(
        post_author("I think the second option is better for most people"),
        None
    );
}

#[test]
fn a_bare_name_is_two_to_four_capitalised_words() {
    assert_eq!(bare_name(" Ana  Ruiz ").as_deref(), Some("Ana Ruiz"));
    assert_eq!(
        bare_name("Jean-Luc Dupont").as_deref(),
        Some("Jean-Luc Dupont")
    );
    assert_eq!(bare_name("Олена Коваль").as_deref(), Some("Олена Коваль"));
    // A handle, a label, a sentence, a date, a role, a lower-case compound: no name.
    assert_eq!(bare_name("Ana"), None);
    assert_eq!(bare_name("Written By"), None);
    assert_eq!(bare_name("Read the full story"), None);
    assert_eq!(bare_name("March 3, 2024"), None);
    assert_eq!(bare_name("Ana Ruiz, Senior Writer at Example"), None);
    assert_eq!(bare_name("Note-taking Tool"), None);
    assert_eq!(bare_name("Rosa ReyesView More Articles"), None);
    assert_eq!(
        bare_name("Ciara McDonald").as_deref(),
        Some("Ciara McDonald")
    );
}

#[test]
fn a_mark_drawn_after_the_name_is_no_part_of_it() {
    let authors: Vec<String> = ["Meera Pillai ●", "Ana Ruiz, MD*", "Jean Dupont (AFP)"]
        .map(String::from)
        .to_vec();
    let (people, _) = people_and_organisations(&authors, &[], None);
    assert_eq!(
        people,
        ["Meera Pillai", "Ana Ruiz, MD", "Jean Dupont (AFP)"]
    );
}

#[test]
fn labels_numbers_datelines_and_placeholders_are_nobody() {
    for text in [
        "Staff",
        "Written By",
        "The Author",
        "Autor",
        "262588213843476",
        "page.head.extra.author",
        "Updated January",
        "Aktualisiert Januar",
        "12 mars 2024",
        "Write your review",
        "Donnez votre avis",
        "Deine Meinung zählt",
    ] {
        assert!(is_nobody(text), "{text}");
    }
    for name in [
        "Ana Ruiz",
        "sara.r.peter",
        "b.scherer",
        "Le Thi Hoa",
        "De Vries",
        "Tu Anh Nguyen",
        "Yousef Ali",
    ] {
        assert!(!is_nobody(name), "{name}");
    }
}

#[test]
fn an_author_label_on_its_own_line_introduces_the_next() {
    for label in [
        "Written by",
        "WRITTEN BY",
        "Author(s):",
        "Authors",
        "Autor",
        "Par",
    ] {
        assert!(labels_the_next_block(label), "{label}");
    }
    for text in ["Text:", "Share", "Written by Ana Ruiz", "Photo"] {
        assert!(!labels_the_next_block(text), "{text}");
    }
    assert_eq!(labelled_names("Edzel Tabing"), ["Edzel Tabing"]);
    assert_eq!(labelled_names("The Team, edited by Walter"), ["The Team"]);
    assert!(labelled_names("Staff").is_empty());
    assert!(labelled_names("12 min read").is_empty());
}

#[test]
fn links_to_an_author_page_in_several_languages() {
    for href in [
        "/author/ana-ruiz/",
        "https://example.org/authors/tom-hughes",
        "/autor/jan-novak",
        "/de/autoren/lena-vogel?ref=byline",
        "https://exemple.fr/auteurs/marie-dupont#top",
        "/autori/giulia-rossi",
        "/Author/Ana",
    ] {
        assert!(links_an_author_page(href.as_bytes()), "{href}");
    }
    for href in [
        "/authors/",
        "/author",
        "/blog/how-to-author-a-book",
        "/authorship/ana",
        "https://example.org/team/ana",
        "mailto:ana@example.org",
        "#",
    ] {
        assert!(!links_an_author_page(href.as_bytes()), "{href}");
    }
}

/// `author_page` finds its segments with memchr; this is the plain reading it replaced.
fn author_page_by_split(href: &[u8]) -> Option<&[u8]> {
    let path = href.split(|&c| c == b'?' || c == b'#').next()?;
    let mut segments = path.split(|&c| c == b'/');
    while let Some(segment) = segments.next() {
        if AUTHOR_PAGE_SEGMENTS
            .iter()
            .any(|word| segment.eq_ignore_ascii_case(word.as_bytes()))
        {
            return segments.next().filter(|next| !next.is_empty());
        }
    }
    None
}

#[test]
fn author_page_reads_as_the_plain_split() {
    let hrefs = [
        "",
        "/",
        "//",
        "author",
        "/author",
        "/author/",
        "/author//x",
        "author/ana",
        "/author/ana",
        "/author/ana/",
        "/authors/ana/x",
        "https://e.org/author/ana?x=/author/b",
        "/a/author#/x",
        "/x/writer/ana#top",
        "/x/Columnist/b/c",
        "?author/x",
        "#/author/x",
        "/autor/ñandú",
        "/author/ana?",
        "/writers/?p=1",
        "/contributors/a/b/author/c",
        "/wRiTeR/ana",
    ];
    for href in hrefs {
        assert_eq!(
            author_page(href.as_bytes()),
            author_page_by_split(href.as_bytes()),
            "{href}"
        );
    }
}

#[test]
fn link_names_are_whole_names_and_few() {
    let links = |l: &[(&str, &str)]| {
        l.iter()
            .map(|(h, t)| (h.to_string(), t.to_string()))
            .collect::<Vec<_>>()
    };
    // The byline's link, then the calls that link the same page again.
    assert_eq!(
        link_names(&links(&[
            ("/author/ana-ruiz/", "Ana Ruiz"),
            ("https://example.org/author/ana-ruiz", "View More Articles"),
            ("/author/ana-ruiz/", "More By This Contributor"),
        ])),
        ["Ana Ruiz"]
    );
    assert_eq!(
        link_names(&links(&[("/auteur/jean-dupont", "Par Jean Dupont")])),
        ["Jean Dupont"]
    );
    assert_eq!(link_names(&links(&[("/autor/yucy", "yucy_k")])), ["yucy_k"]);
    // A call to read more, a name cut short by a lower-case word, a label: no name.
    assert!(
        link_names(&links(&[
            ("/author/juliette", "Articles by Juliette"),
            ("/author/staff", "Staff"),
        ]))
        .is_empty()
    );
    // A listing's teasers link many authors: none of them signed the page.
    assert!(
        link_names(&links(&[
            ("/autor/anna", "Anna Nowak"),
            ("/autor/piotr", "Piotr Zieliński"),
            ("/autor/ewa", "Ewa Wójcik"),
        ]))
        .is_empty()
    );
}

#[test]
fn person_names_are_capitalised_words_and_particles() {
    assert_eq!(
        person_name("Ana de la Cruz").as_deref(),
        Some("Ana de la Cruz")
    );
    assert_eq!(person_name("Jan van Dijk").as_deref(), Some("Jan van Dijk"));
    assert_eq!(person_name("David at").as_deref(), Some("David"));
    assert_eq!(
        person_name("Марина Соколова").as_deref(),
        Some("Марина Соколова")
    );
    assert_eq!(person_name("Anchor for Resistance Bands"), None);
    assert_eq!(person_name("Extension horticulture educators"), None);
    assert_eq!(person_name("Staff"), None);
}

#[test]
fn introduced_names_need_an_author_prefix_or_a_dateline() {
    let names = |t: &str| introduced_names(t, t.split_whitespace().count());
    assert_eq!(
        names("Written by Moses Kim and Kate Shokurova"),
        ["Moses Kim", "Kate Shokurova"]
    );
    assert_eq!(names("Geschrieben von Lena Vogel"), ["Lena Vogel"]);
    assert_eq!(
        names("Escrito por Lucía Gómez | 3 de marzo de 2024"),
        ["Lucía Gómez"]
    );
    assert_eq!(
        names("Posted on March 3, 2023 by John Smith"),
        ["John Smith"]
    );
    assert!(names("Updated 9 Jan 2024, 14:35").is_empty());
    assert!(names("Ana Ruiz").is_empty());
}

#[test]
fn names_after_the_date_of_a_dateline() {
    use crate::dates::SlashOrder;
    let names = |t: &str| names_after_date(t, SlashOrder::MonthFirst);
    assert_eq!(
        names("Published August 7, 2023 by Nicole Burke"),
        ["Nicole Burke"]
    );
    assert_eq!(
        names("Dec. 19, 2025 · Niko Matsakis on behalf of the docs group"),
        ["Niko Matsakis"]
    );
    assert_eq!(names("Dec 17, 2025Julian K. Arni"), ["Julian K. Arni"]);
    assert_eq!(
        names("Publié le 3 mars 2024 par Jeanne Martin et Paul Roux"),
        ["Jeanne Martin", "Paul Roux"]
    );
    assert_eq!(names("17.03.2023 · Lena Vogel"), ["Lena Vogel"]);
    // A category list, a single word, a sentence before the date: no name.
    assert!(names("21/06/2014 Tony Carter All, Books, Kit Reviews").is_empty());
    assert!(names("March 3, 2024 Updated").is_empty());
    assert!(names("Top models on Mar 8, 2026 by Ana Ruiz").is_empty());
}

#[test]
fn a_name_then_a_role_then_the_date() {
    use crate::dates::SlashOrder;
    let names = |t: &str| names_after_date(t, SlashOrder::DayFirst);
    assert_eq!(
        names("Aaron Ricadela | Senior Writer | July 2, 2025"),
        ["Aaron Ricadela"]
    );
    assert_eq!(
        names("Lena Vogel · Redakteurin Wirtschaft · 17.03.2023"),
        ["Lena Vogel"]
    );
    // Without a role between them a name and a date are a section's label and its date;
    // a long segment is a sentence, not a role.
    assert!(names("Breaking News | July 2, 2025").is_empty());
    assert!(
        names("Ana Ruiz | who has covered the city council since 2015 | July 2, 2025").is_empty()
    );
}

#[test]
fn author_labels_are_short() {
    for label in AUTHOR_LABELS.iter().chain(AUTHOR_PREFIXES.iter()) {
        assert!(
            label.len() + "(s):".len() <= AUTHOR_LABEL_MAX_BYTES,
            "{label}"
        );
    }
}

#[test]
fn a_role_after_a_dot_operator_ends_the_name() {
    let b = parse_text("By Ana Ruiz ⋅ Senior Review Analyst ⋅ Updated March 5, 2025").unwrap();
    assert_eq!(b.authors, vec!["Ana Ruiz"]);
    assert_eq!(b.published.as_deref(), Some("2025-03-05"));
}

#[test]
fn a_label_or_quotes_around_a_name_and_a_name_given_twice() {
    let authors: Vec<String> = [
        "Written By: Tom May",
        "Posted by: Kim",
        "\"David Kim\"",
        "Von Miller",
        "Tanza Loudenback",
        "Tanza Loudenback, Business Insider",
        "Kim",
    ]
    .map(String::from)
    .to_vec();
    let (people, _) = people_and_organisations(&authors, &[], None);
    assert_eq!(
        people,
        [
            "Tom May",
            "Kim",
            "David Kim",
            "Von Miller",
            "Tanza Loudenback"
        ]
    );
}

#[test]
fn a_name_on_a_line_of_its_own_in_an_author_card_ends_there() {
    let card = format!("Casey Marez {LINE_END}Founder and CEO, Juris Digital{LINE_END}");
    assert_eq!(markup_names(&[card]), ["Casey Marez"]);
    // A label on its own line: the name is on the next.
    let labelled = format!("Written by {LINE_END}Adrien Ramirez , 4+ years covering hardware");
    assert_eq!(markup_names(&[labelled]), ["Adrien Ramirez"]);
    // A name set in two blocks, one word each, is read whole.
    let split = format!("Ana{LINE_END}Ruiz{LINE_END}");
    assert_eq!(markup_names(&[split]), ["Ana Ruiz"]);
}
