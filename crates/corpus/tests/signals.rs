//! Signals of hand-made texts, against values computed by hand.

use deboil_corpus::Signals;

#[test]
fn word_line_and_symbol_signals() {
    // Words: Hello world (2) · This is #great … (3: "#great" → great; "…" is no word) ·
    // - a list item (3) · - a list item (3) · Ends without stop (3) = 14 words.
    let text =
        "Hello world.\nThis is #great …\n\n- a list item\n- a list item\n\nEnds without stop";
    let s = Signals::of(text, "und");
    assert_eq!(s.words, 14);
    // Characters: 5+5 + 4+2+5 + 1+4+4 + 1+4+4 + 4+7+4 = 54; 54 / 14 = 3.857142…
    assert_eq!(s.mean_word_length, 3.8571);
    // One `#`, one `…`: 2 / 14.
    assert_eq!(s.symbol_word_ratio, 0.1429);
    // Five lines; "Hello world." and "This is #great …" end in punctuation: 2 / 5.
    assert_eq!(s.lines_ending_in_punctuation, 0.4);
    assert_eq!(s.bullet_lines, 0.4);
    // The second "- a list item" repeats: 1 of 5 lines; 13 of 12+16+13+13+17 = 71 chars.
    assert_eq!(s.duplicate_lines, 0.2);
    assert_eq!(s.duplicate_line_chars, 0.1831);
    // Paragraphs differ from each other.
    assert_eq!(
        (s.duplicate_paragraphs, s.duplicate_paragraph_chars),
        (0.0, 0.0)
    );
    assert_eq!(s.stop_word_ratio, None, "no list for und");
}

#[test]
fn repeated_paragraphs_are_counted_with_their_characters() {
    // Paragraphs: "Subscribe now." (14) ×3 and "Real text here." (15): 2 of 4 repeat,
    // 28 of 14·3 + 15 = 57 characters.
    let text = "Subscribe now.\n\nReal text here.\n\nSubscribe now.\n\nSubscribe now.";
    let s = Signals::of(text, "eng");
    assert_eq!(s.duplicate_paragraphs, 0.5);
    assert_eq!(s.duplicate_paragraph_chars, 0.4912);
    assert_eq!(s.duplicate_lines, 0.5);
}

#[test]
fn stop_word_ratio_uses_the_list_of_the_language() {
    // English stop words here: "The", "of", "is", "on", "the" (5 of 9).
    let s = Signals::of("The cat of Sarah is sleeping on the mat", "eng");
    assert_eq!(s.words, 9);
    assert_eq!(s.stop_word_ratio, Some(0.5556));
    // French: "le", "de", "est", "sur", "la" (5 of 8).
    let s = Signals::of("Le chat de Sarah est sur la table", "fra");
    assert_eq!(s.stop_word_ratio, Some(0.625));
}

#[test]
fn an_empty_text_has_zero_shares() {
    let s = Signals::of("", "eng");
    assert_eq!(s.words, 0);
    assert_eq!(s.fields().iter().map(|(_, v)| *v).sum::<f64>(), 0.0);
}
