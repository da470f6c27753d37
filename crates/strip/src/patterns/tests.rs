//! Tests of `patterns`.

/// The contact scanner says what the single pattern it replaced says.
#[test]
fn contact_scanner_matches_the_whole_pattern() {
    let whole = Regex::new(r"^(?:[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}|@[A-Za-z0-9_]{2,30}|(?:\p{Lu}[\p{L}'’-]+\s+){1,3}@[A-Za-z0-9_]{2,30})$").unwrap();
    let vocab = [
        "jane",
        "Jane",
        "Doe",
        "O’Neil",
        "Mc-Kay",
        "A",
        "Éva",
        "Иван",
        "J.",
        "x1",
        "ǅemal",
        "@",
        "@j",
        "@jd",
        "@janedoe",
        "@jane_doe_1234567890123456789012",
        "@jane.doe",
        "@Ölund",
        "jane.doe@example.com",
        "j@e.co",
        "j@e.c",
        "j@.co",
        "@e.co",
        "j@e..co",
        "j@e.c1",
        "j@e.co.",
        "j%+-_.@ex-ample.com",
        "jané@exämple.de",
        "j@e@e.co",
        "j@e.co m",
        "٣@e.co",
        "j@e.ǅǅ",
        "j@e.٣٣",
        ".",
        "-",
        "example",
        ".com",
        "com",
    ];
    let seps = [" ", " ", "", "  ", "\u{00A0}", "\t", "@", ".", "\u{2003}"];
    let cases = crate::testgen::random_texts(&vocab, &seps, 5, 60_000);
    let hits = cases.iter().filter(|c| whole.is_match(c.trim())).count();
    assert!(hits > 2000, "the cases reach the matches too: {hits}");
    for case in &cases {
        assert_eq!(
            is_contact_line(case),
            whole.is_match(case.trim()),
            "{case:?}"
        );
    }
}

/// The host scanner says what the single pattern it replaced says.
#[test]
fn domain_scanner_matches_the_whole_pattern() {
    let whole = Regex::new(
        r"^(?i:https?://)?(?i:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}(?:/\S*)?$",
    )
    .unwrap();
    let vocab = [
        "http://",
        "https://",
        "HTTPS://",
        "httpſ://",
        "Http:/",
        "http:",
        "www.",
        "WWW.",
        "www",
        "example",
        "co",
        "uk",
        "c",
        "9",
        "1",
        "٣",
        "-",
        "ex-ample",
        "exämple",
        "ǅǅ",
        "com",
        "de",
        "рф",
        "/",
        "/news/1",
        "/a b",
        "?q=1",
        "é",
        "",
        ".",
        "..",
        "x_y",
        "ab\u{00A0}",
    ];
    let seps = ["", "", "", ".", ".", "/", " "];
    let cases = crate::testgen::random_texts(&vocab, &seps, 6, 80_000);
    let hits = cases.iter().filter(|c| whole.is_match(c)).count();
    assert!(hits > 1000, "the cases reach the matches too: {hits}");
    for case in &cases {
        assert_eq!(is_domain(case), whole.is_match(case), "{case:?}");
    }
    // Which characters `(?i)` lets stand for the letters of the prefixes.
    let mut buf = [0u8; 4];
    for letter in ['h', 't', 'p', 's'] {
        let re = Regex::new(&format!("^(?i:{letter})$")).unwrap();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let one = c.encode_utf8(&mut buf);
            assert_eq!(
                re.is_match(one),
                strip_prefix_ignore_case(one, &letter.to_string()) == Some(""),
                "{letter} {c:?}"
            );
        }
    }
}

/// The cheap checks before the comment-signature and post-footer patterns reject no match.
#[test]
fn signature_and_post_meta_prechecks_reject_no_match() {
    let vocab = [
        "joetoronto",
        "says:",
        "says",
        ":",
        "said",
        "on",
        "September 17, 2018 at 8:50 pm",
        "Marie",
        "a dit",
        "Posted in",
        "Filed under",
        "Open thread",
        "|",
        "Permalink",
        "PERMALINK",
        "permalinK",
        "10",
        "Comments",
        "replies",
        "x",
        "пишет",
    ];
    let seps = [" ", " ", "", " | ", "\u{00A0}", "\t"];
    let cases = crate::testgen::random_texts(&vocab, &seps, 8, 40_000);
    let (mut signatures, mut metas) = (0, 0);
    for case in &cases {
        let words = case.split_whitespace().count();
        let signature = words <= 14 && COMMENT_SIGNATURE.is_match(case.trim());
        signatures += usize::from(signature);
        assert_eq!(is_comment_signature(case, words), signature, "{case:?}");
        let meta = words <= 25 && matches(&POST_META, case.trim());
        metas += usize::from(meta);
        assert_eq!(is_post_meta(case, words), meta, "{case:?}");
    }
    assert!(signatures > 500 && metas > 5000, "{signatures} {metas}");
    // No character but the ASCII ones matches a letter of "permalin" under `(?i)`.
    let mut buf = [0u8; 4];
    for letter in "permalin".chars() {
        let re = Regex::new(&format!("^(?i:{letter})$")).unwrap();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if re.is_match(c.encode_utf8(&mut buf)) {
                assert!(c.eq_ignore_ascii_case(&letter), "{letter} {c:?}");
            }
        }
    }
}

/// The agency-lead and copyright scanners say what the patterns they replaced say.
#[test]
fn lead_and_copyright_scanners_match_the_patterns() {
    let lead =
        Regex::new(r"(?:/\s*|\b(?i:via)\s+|\(|[.!?|]\s+|^)(?:[\p{L}.'’-]+\s+){0,4}$").unwrap();
    let copyright = Regex::new(r"(?:©|\(c\)|\bcopyright\b)\s*[\p{L}\d][^.!?]{0,60}$").unwrap();
    let vocab = [
        "Photo",
        "by",
        "Jane",
        "O’Neil",
        "J.",
        "x.",
        "via",
        "VIA",
        "Via",
        "xvia",
        "_via",
        "évia",
        "/",
        "(",
        ")",
        "|",
        ".",
        "!",
        "?",
        "©",
        "(c)",
        "(C)",
        "copyright",
        "Copyright",
        "copyrights",
        "_copyright",
        "2024",
        "٣",
        "ǅ",
        "a-b",
        "l'agence",
        "credit:",
        "—",
        "x1",
        "Reuters",
        "AFP",
        "The Canadian Press",
        "abcdefghij abcdefghij abcdefghij",
    ];
    let seps = [
        " ", " ", "", "  ", "\u{00A0}", "\t", "/", "(", ". ", "\u{2003}",
    ];
    let cases = crate::testgen::random_texts(&vocab, &seps, 10, 60_000);
    let (mut leads, mut copyrights) = (0, 0);
    for case in &cases {
        let expected = lead.is_match(case);
        leads += usize::from(expected);
        assert_eq!(is_agency_lead(case), expected, "lead {case:?}");
        let expected = copyright.is_match(case);
        copyrights += usize::from(expected);
        assert_eq!(ends_in_copyright(case), expected, "copyright {case:?}");
    }
    assert!(leads > 5000 && copyrights > 2000, "{leads} {copyrights}");
    // No character but the ASCII ones matches a letter of "via" under `(?i)`, and the
    // word characters of `\b` are regex-syntax's.
    let mut buf = [0u8; 4];
    let word = Regex::new(r"^\w$").unwrap();
    let vias: Vec<Regex> = "via"
        .chars()
        .map(|l| Regex::new(&format!("^(?i:{l})$")).unwrap())
        .collect();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let one = c.encode_utf8(&mut buf);
        assert_eq!(
            word.is_match(one),
            regex_syntax::is_word_character(c),
            "{c:?}"
        );
        for (re, letter) in vias.iter().zip("via".chars()) {
            if re.is_match(one) {
                assert!(c.eq_ignore_ascii_case(&letter), "{letter} {c:?}");
            }
        }
    }
}

/// The bio scanner says what the single pattern it replaced says.
#[test]
fn bio_scanner_matches_the_whole_pattern() {
    let whole = Regex::new(r"^(?:\p{Lu}[\p{L}.'’-]+\s+){1,3}(?:is|was|est|ist|es|è|é|is een|jest|является|—|–|-)\s+(?:an?\s+|un[ea]?\s+|ein(?:e)?\s+|uma?\s+|een\s+)?(?:[\p{L}'’-]+\s+){0,8}?(?i:reporter|journalist|journaliste|journalistin|periodista|giornalista|jornalista|dziennikarz|журналист|журналіст|корреспондент|кореспондент|writer|author|auteur|autor|autore|correspondent|correspondant|korrespondent|corresponsal|editor|éditeur|redakteur|redakteurin|redactor|redattore|редактор|columnist|contributor|chroniqueur|kolumnist|columnista|staff writer|freelance)").unwrap();
    let vocab = [
        "Jane",
        "Doe",
        "O’Neil",
        "J.",
        "Mc-Kay",
        "A",
        "Éva",
        "Ölund",
        "Иван",
        "ǅemal",
        "X1",
        "is",
        "was",
        "est",
        "ist",
        "es",
        "è",
        "é",
        "is een",
        "jest",
        "является",
        "—",
        "–",
        "-",
        "a",
        "an",
        "un",
        "una",
        "une",
        "ein",
        "eine",
        "um",
        "uma",
        "een",
        "een een",
        "the",
        "senior",
        "d’état",
        "co-op",
        "U.S.",
        "for",
        "2024",
        "reporter",
        "Reporters",
        "REDAKTEUR",
        "staff",
        "writer",
        "staff writer",
        "staff  writer",
        "STAFF WRITER",
        "ſtaff",
        "authority",
        "журналист",
        "Журналистка",
        "éditeur",
        "ÉDITEUR",
        "freelance",
        "co",
        "x,",
    ];
    let seps = [
        " ", " ", " ", "  ", "\u{00A0}", "\t", "\n", "", "\u{2003}", ", ",
    ];
    let mut cases: Vec<String> = crate::testgen::random_texts(&vocab, &seps, 14, 60_000);
    cases.extend(
        [
            "Jane Doe is a senior reporter covering energy for the paper.",
            "Max Muster ist Redakteur im Ressort Politik.",
            "The reporter was detained on Monday.",
            "Jane Doe is een een w w w w w w w w reporter",
            "Jane Doe is een w w w w w w w w w reporter",
            "Jane is w w w w w w w w staff writer",
            "Jane is w w w w w w w w w staff writer",
            "Jane is a w w w w w w w w writer",
            "Jane Ann Lee Doe is a writer",
            "",
            "Jane is",
            " Jane is a writer",
        ]
        .map(String::from),
    );
    let hits = cases.iter().filter(|c| whole.is_match(c)).count();
    assert!(hits > 500, "the cases reach the matches too: {hits}");
    for case in &cases {
        assert_eq!(is_bio_sentence(case), whole.is_match(case), "{case:?}");
    }
}
/// The photo credit check says what the single pattern it replaced says.
#[test]
fn agency_photo_credit_split_matches_the_whole_pattern() {
    let agencies = &*AGENCIES;
    let whole = Regex::new(&format!(
        r"(?i)\((?:{agencies})(?:\s+(?:photo|images?|pool))?\s*/\s*[^()]{{2,60}}\)\s*$"
    ))
    .unwrap();
    let cases = [
        "File photo (AP Photo/Evan Vucci)",
        "(AP Photo/Evan Vucci) ",
        "(AP Photo/Evan Vucci)\u{00A0}",
        "(AP Photo/Evan (Vucci)",
        "(AP Photo/Evan) Vucci)",
        "(AP Photo/E)",
        "(AP Photo/Ev)",
        "(reuters/Carlos Barria/ Pool)",
        "(Getty Images / Jane Doe)",
        "(Getty Images pool / Jane Doe)",
        "(getty images  photo/ x y)",
        "((AP Photo/Evan Vucci)",
        "x (AP/ 12345678901234567890123456789012345678901234567890123456789)",
        "x (AP/ 1234567890123456789012345678901234567890123456789012345678901)",
        "(AP/ab)",
        "(XAP/ab)",
        "( AP/ab)",
        "(AP/ab)x",
        ")",
        "(",
        "()",
        "(РИА Новости/Иван Иванов)",
    ];
    for case in cases {
        assert_eq!(
            ends_in_agency_photo_credit(case),
            whole.is_match(case),
            "{case:?}"
        );
    }
}

/// The two-part agency check says what the single pattern it replaced says.
#[test]
fn agency_credit_split_matches_the_whole_pattern() {
    let agencies = &*AGENCIES;
    let whole = Regex::new(&format!(
        r"(?i)(?:/\s*|\bvia\s+|\(|[.!?|]\s+|^)(?:[\p{{L}}.'’-]+\s+){{0,4}}?(?:{agencies})(?:\s*(?:/|via)\s*(?:{agencies}))*\s*\)?\s*$"
    ))
    .unwrap();
    let cases = [
        "(Image: gargantiopa / Getty Images)",
        "Photo: Getty Images",
        "Photo by Jason Kempin/Getty Images",
        "Photograph: Tim Robberts/Getty Images",
        "at the rally.Photograph: Jeenah Moon/Bloomberg/Getty Images",
        "during a briefing, October 31, 2019. (Joshua Roberts/Reuters)",
        "US professor Kevin King (left) and his colleague Timothy Weeks AP",
        "Press",
        "Washington Wire",
        "Новости",
        "Фото: РИА Новости",
        "Аккаунт: @olga_n_photo",
        "Reuters",
        "the canadian press",
        "Jane Doe via AFP",
        "Jane Doe via AFP via Getty Images",
        "Jane Doe viaAFP",
        "Jane Doe/AFP/ Getty Images )  ",
        "One two three four five AFP",
        "One two three four AFP",
        "x. One two three four AFP",
        "x.One two three four AFP",
        "Story | Mary Smith EPA-EFE",
        "REUTERS/Carlos Barria",
        "reuters/",
        "File photo (AP Photo/Evan Vucci)",
        "(ap photo) handout",
        "Picture-Alliance/dpa",
        "imago images/Xinhua",
        "photo: ſopa images",
        "It was\u{2003}a wire",
        "(\u{00A0}AFP\u{00A0})",
        "",
        "/ap",
        "viaAP",
        " via  ap",
        "l'agence AFP",
        "O’Neil — AFP",
        "credit: unsplash",
        "photo – pexels",
    ];
    for case in cases {
        assert_eq!(
            ends_in_agency_credit(case),
            whole.is_match(case),
            "{case:?}"
        );
    }
}
use super::*;
use crate::lexicon::normalise;

fn words(t: &str) -> usize {
    t.split_whitespace().count()
}

#[test]
fn caption_credits() {
    for caption in [
        "Firefighters work at the scene of the blaze in Lyon. JEFF PACHOUD/AFP",
        "Protesters gather outside parliament (AP Photo/Markus Schreiber)",
        "Des manifestants à Paris. Photo : Marie Dubois",
        "Демонстранты в центре города. Фото: РИА Новости",
        "Ein Feuerwehrmann im Einsatz. Bild: dpa",
        "Vista de la ciudad desde el puerto. EFE",
        "The harbour at dawn. © Jane Smith",
        "Photo by Kelly Sikkema on Unsplash",
    ] {
        assert!(
            is_caption_credit(caption, &normalise(caption), words(caption)),
            "{caption}"
        );
    }
}

#[test]
fn agency_caption_formula_and_agency_lines() {
    let caption =
        "In this Jan. 5, 2021, file photo, workers load boxes at a port in Oakland, Calif.";
    assert!(is_caption_credit(
        caption,
        &normalise(caption),
        words(caption)
    ));
    let caption = "This undated photo provided by the museum shows the restored mural.";
    assert!(is_caption_credit(
        caption,
        &normalise(caption),
        words(caption)
    ));
    let sentence = "In this city, photographers are rare and work is scarce.";
    assert!(!is_caption_credit(
        sentence,
        &normalise(sentence),
        words(sentence)
    ));
    assert!(is_agency_line("the associated press"));
    assert!(is_agency_line("reuters"));
    assert!(!is_agency_line("the associated press reported on monday"));
}

#[test]
fn body_sentences_citing_agencies_are_not_credits() {
    for sentence in [
        "The minister resigned on Friday, a spokesman told Reuters.",
        "According to AFP, the talks will resume next week in Geneva.",
        "She said the image of the city had changed, and that photos could not show it.",
    ] {
        assert!(
            !is_caption_credit(sentence, &normalise(sentence), words(sentence)),
            "{sentence}"
        );
    }
}

#[test]
fn source_lines() {
    assert!(is_source_line("Source: www.example.org", 2));
    assert!(is_source_line("Quelle: dpa", 2));
    assert!(is_source_line("Источник: ТАСС", 2));
    assert!(is_source_line("example.com/news/1", 1));
    assert!(is_source_line("https://www.example.co.uk", 1));
    assert!(!is_source_line("9.1", 1));
    assert!(!is_source_line("v2.14.3", 1));
    assert!(!is_source_line(
        "Sources close to the minister denied it.",
        7
    ));
}

#[test]
fn audio_notices() {
    for notice in [
        "Listen to this article, read by an AI voice",
        "Cet article est lu par une voix de synthèse générée par IA",
        "Dieser Artikel wurde mit einer KI-Stimme vertont",
        "Audio generado con inteligencia artificial",
        "Статья озвучена с помощью ИИ",
    ] {
        assert!(
            is_audio_notice(&normalise(notice), words(notice)),
            "{notice}"
        );
    }
    for trap in [
        "The singer's voice was praised by critics at the festival.",
        // "ai" inside "sai", "ouç" inside "louças", "stem" inside "system".
        "A cuba sai para lavar e cabe na lava-louças.",
        "The automated system answered the call.",
        "Listen to the air raid sirens.",
    ] {
        assert!(!is_audio_notice(&normalise(trap), words(trap)), "{trap}");
    }
}

#[test]
fn review_credits() {
    assert!(is_review_credit("Reviewed by Dana Whitfield, MD", 5));
    assert!(is_review_credit(
        "Medically reviewed by Ana Ruiz, RN — March 2, 2024",
        9
    ));
    assert!(is_review_credit("Fact-checked by Tom Lee", 4));
    assert!(is_review_credit("Medizinisch geprüft von Dr. Eva Roth", 6));
    assert!(is_review_credit("Revisado por María Gil", 4));
    assert!(!is_review_credit(
        "Reviewed by the committee, the plan was approved.",
        8
    ));
    assert!(!is_review_credit(
        "reviewed by several agencies over the last decade",
        8
    ));
}

#[test]
fn credits_contacts_galleries_follows_newsletters() {
    assert!(is_credits_line(
        "(Reporting by Ana Lee; editing by Tom Roe)",
        7
    ));
    assert!(!is_credits_line(
        "Reporting by the paper showed the deal collapsed.",
        8
    ));
    assert!(is_contact_line("jane.doe@example.com"));
    assert!(is_contact_line("@janedoe"));
    assert!(is_contact_line("Jane Doe @janedoe"));
    assert!(!is_contact_line("Write to us at the address below"));
    assert!(is_gallery_label("image 3 of 12"));
    assert!(is_gallery_label("1 / 23"));
    assert!(!is_gallery_label("image rights"));
    let follow = normalise("Follow the Opinion section on Facebook, Twitter and Instagram.");
    assert!(is_social_follow(&follow, 9));
    let trap = normalise("Police will follow up on reports posted to Facebook, the chief said.");
    assert!(!is_social_follow(&trap, 12));
    assert!(is_newsletter_call(
        &normalise("Join the Deals Newsletter."),
        4,
        false
    ));
    assert!(is_newsletter_call(
        &normalise("Morning Briefing newsletter"),
        3,
        true
    ));
    let trap = normalise(
        "The utility said it would mail a newsletter to every household explaining the new rates.",
    );
    assert!(!is_newsletter_call(&trap, 15, false));
}

#[test]
fn share_strips() {
    assert!(is_share_strip(&normalise("Whatsapp Facebook Pint Baixar")));
    assert!(is_share_strip(&normalise(
        "Facebook | Twitter | Email | Print"
    )));
    assert!(!is_share_strip(&normalise("Facebook fined over privacy")));
    assert!(!is_share_strip(&normalise("Email")));
}

#[test]
fn comment_threads() {
    assert!(is_comments_heading(
        "34 responses to anthony lynn: we needed to win",
        9
    ));
    assert!(is_comments_heading("12 thoughts on the new budget", 6));
    assert!(!is_comments_heading(
        "34 responses were received by the council",
        7
    ));
    assert!(is_comment_signature("joetoronto says:", 2));
    assert!(is_comment_signature(
        "Gary M on September 17, 2018 at 8:50 pm said:",
        10
    ));
    assert!(is_comment_signature("Marie a dit :", 3));
    assert!(is_post_meta(
        "Posted in Open thread | Permalink | 10 Comments",
        8
    ));
    assert!(!is_post_meta(
        "The mayor posted in the group chat that the vote failed.",
        11
    ));
}

#[test]
fn related_headings_and_reading_times() {
    assert!(is_related_heading("more great wired stories", 4));
    assert!(is_related_heading("weitere artikel aus berlin", 4));
    assert!(is_related_heading("другие новости", 2));
    assert!(!is_related_heading(
        "more people than ever read the news",
        7
    ));
    assert!(is_reading_time("5 min read"));
    assert!(is_reading_time("tempo de leitura: 1 minuto"));
    assert!(is_reading_time("lesezeit: 3 minuten"));
    assert!(!is_reading_time("5 minutes later"));
}

#[test]
fn unrendered_shortcodes() {
    assert!(is_unrendered_shortcode(
        "[cta url=\"https://example.org/join\" style=\"wide\"]Rejoignez le club[/cta]"
    ));
    assert!(is_unrendered_shortcode(
        "[gallery_box ids=”3,4”] Bilder[/gallery_box]"
    ));
    assert!(!is_unrendered_shortcode(
        "[1] Smith, J. (2019). On shortcodes. [/1]"
    ));
    assert!(!is_unrendered_shortcode(
        "[Update] The minister has since resigned, see [/politics]"
    ));
    assert!(!is_unrendered_shortcode("[quote]Open but never closed"));
}

#[test]
fn counts_timestamps_bios() {
    assert!(is_timestamp("16m ago", "updated 16M ago"));
    assert!(is_timestamp(
        "2 days ago at 07:50 am",
        "2 days ago at 07:50 am"
    ));
    assert!(is_timestamp("nov 18", "Nov 18"));
    assert!(is_comment_count("12 comments"));
    assert!(is_comment_count("5 комментариев"));
    assert!(is_timestamp("5:15 am", "5:15 AM"));
    assert!(is_timestamp("vor 3 stunden", "vor 3 Stunden"));
    assert!(!is_timestamp("5 things to know", "5 things to know"));
    assert!(is_timestamp("23.45", "23.45"));
    for price in ["$29.99", "€12.50", "£7.20", "29.99", "12.75"] {
        let key = price.trim_start_matches(['$', '€', '£']);
        assert!(!is_timestamp(key, price), "{price}");
    }
    assert!(is_bio_sentence(
        "Jane Doe is a senior reporter covering energy for the paper."
    ));
    assert!(is_bio_sentence(
        "Max Muster ist Redakteur im Ressort Politik."
    ));
    assert!(!is_bio_sentence("The reporter was detained on Monday."));
    assert_eq!(
        bio_subject("Jane Doe is a senior reporter covering energy for the paper."),
        Some("Jane Doe")
    );
    assert_eq!(
        bio_subject("Marta Figueiredo é jornalista e escreve sobre ambiente."),
        Some("Marta Figueiredo")
    );
    assert_eq!(bio_subject("The reporter was detained on Monday."), None);
}

/// The credit-marker prefilter looks for each marker's literal start: every text a marker
/// matches holds it (lower-cased), so the prefilter never hides a match.
#[test]
fn credit_marker_prefilter_holds_what_each_marker_matches() {
    assert_eq!(literal_prefix("photo(?:graph)?s?"), "photo");
    assert_eq!(literal_prefix("pictures?"), "picture");
    assert_eq!(literal_prefix("crédit(?: photo)?"), "crédit");
    assert_eq!(literal_prefix("photo credit"), "photo credit");
    assert_eq!(literal_prefix("Фото"), "фото");
    for marker in lang::shape_words(Shape::CreditMarker) {
        let prefix = literal_prefix(marker);
        assert!(!prefix.is_empty(), "{marker}");
        let whole = Regex::new(&format!("(?i)^(?:{marker})")).unwrap();
        // The marker's own shortest and longest spellings.
        for text in [prefix.clone(), prefix.to_uppercase(), format!("{prefix}s")] {
            if whole.is_match(&text) {
                assert!(text.to_lowercase().contains(&prefix), "{marker}: {text}");
            }
        }
    }
}

#[test]
fn about_lines_name_their_subject() {
    fn subject(text: &str) -> Option<&str> {
        about_subject(text, words(text))
    }
    assert_eq!(subject("About Jane Doe"), Some("Jane Doe"));
    assert_eq!(subject("Sobre Carlos Nadalim"), Some("Carlos Nadalim"));
    assert_eq!(subject("Über Max Muster"), Some("Max Muster"));
    assert_eq!(subject("À propos de Marie Dupont"), Some("Marie Dupont"));
    assert_eq!(
        subject("About SiliconANGLE Media"),
        Some("SiliconANGLE Media")
    );
    // The lexicon's label, a phrase, a sentence, a long line: no subject.
    assert_eq!(subject("About the author"), None);
    assert_eq!(subject("About our methodology"), None);
    assert_eq!(subject("About Jane Doe."), None);
    assert_eq!(
        subject("About Jane Doe and the Team Behind This Site"),
        None
    );
    assert_eq!(subject("Aboutness Matters"), None);
}
