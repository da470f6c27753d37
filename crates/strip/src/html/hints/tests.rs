//! Tests of `hints`.

use super::*;

fn verdict(class: &str) -> TokenVerdict {
    let mut tk = Tokenizer::default();
    let mut v = TokenVerdict::default();
    tk.scan(class, true, &mut v);
    v
}

#[test]
fn tokenises_on_camel_case_digits_and_punctuation() {
    let mut tk = Tokenizer::default();
    tk.tokenize("adContainer_top-300x250 MostRead");
    let toks: Vec<&str> = (0..tk.spans.len()).map(|i| tk.token(i)).collect();
    assert_eq!(
        toks,
        ["ad", "container", "top", "300", "x", "250", "most", "read"]
    );
}

#[test]
fn whole_token_matching_avoids_traps() {
    for trap in [
        "header", "shadow", "download", "loaded", "canvas", "reader", "address", "badge", "heading",
    ] {
        let v = verdict(trap);
        assert_ne!(v.boiler, Some(Category::Ads), "{trap}");
        assert_ne!(v.boiler, Some(Category::Navigation), "{trap}");
    }
    assert_eq!(verdict("ad-slot").boiler, Some(Category::Ads));
    assert_eq!(verdict("adContainer").boiler, Some(Category::Ads));
    assert_eq!(verdict("ADS").boiler, Some(Category::Ads));
    assert_eq!(verdict("main-nav").boiler, Some(Category::Navigation));
    assert_eq!(verdict("most-read").boiler, Some(Category::Related));
    assert_eq!(verdict("news-ticker").boiler, Some(Category::Related));
    assert_eq!(verdict("social-share").boiler, Some(Category::Share));
    assert_eq!(verdict("social-media-embed").boiler, None);
    assert!(verdict("tooltip-content").hidden);
    assert!(verdict("rollover-people-block").hidden);
    assert!(!verdict("rollover-people").hidden);
    assert!(!verdict("tooltip").hidden);
    assert!(!verdict("hover:text-blue-800").hidden);
    assert_eq!(verdict("breaking-news-bar").boiler, Some(Category::Related));
    assert_eq!(verdict("author-bio").boiler, Some(Category::AuthorBio));
    assert_eq!(verdict("post-author").boiler, Some(Category::Byline));
    assert_eq!(verdict("support-us").boiler, Some(Category::Appeal));
    assert_eq!(verdict("navfooter").boiler, Some(Category::Navigation));
}

#[test]
fn cms_modifier_classes_are_ignored() {
    // (a class value, its boilerplate verdict)
    let cases = [
        ("tag-cookies category-newsletter has-sidebar", None),
        ("tags", Some(Category::Other)),
        ("product-card_title-container--with-reviews__oAi5a", None),
        ("post--has-comments", None),
        ("share-bar--is-sticky", Some(Category::Share)),
        // Drupal's node modifiers name the content's state, type and display; `promoted`
        // elsewhere is still an ad's word.
        (
            "node node--type-service node--promoted node--view-mode-full clearfix",
            None,
        ),
        ("node--type-newsletter", None),
        ("promoted_contents_block", Some(Category::Ads)),
    ];
    for (class, boiler) in cases {
        assert_eq!(verdict(class).boiler, boiler, "{class}");
    }
}

#[test]
fn generated_hashes_hold_no_words() {
    for value in [
        "elementor-element-31083ad",
        "block_a85e873c015ad0206ffc083c7bf3b9b8",
        "css-1ad2f3e",
    ] {
        assert!(verdict(value).boiler.is_none(), "{value}");
    }
    for value in [
        "mdx-table_root__adKqa",
        "layout_main__0SN51",
        "page_panel__Ad3xq",
    ] {
        assert!(verdict(value).boiler.is_none(), "{value}");
    }
    for value in [
        "accordion-content-58f8c46f-0ad8-4ae5-9478-2b252e24a1c0",
        "w-variant-2a872dd3-bab5-8141-0ad7-251b924e42e6",
        "6hqbr3MKpSozC0adOdCzCB",
    ] {
        assert!(verdict(value).boiler.is_none(), "{value}");
    }
    assert!(!is_random_id("articleBodyContainer2"));
    assert_eq!(verdict("card__comments").boiler, Some(Category::Comments));
    assert_eq!(verdict("story__adSlot").boiler, Some(Category::Ads));
    assert_eq!(verdict("ad728").boiler, Some(Category::Ads));
    assert_eq!(verdict("adSlot2").boiler, Some(Category::Ads));
    assert_eq!(verdict("promo-300x250").boiler, Some(Category::Ads));
}

#[test]
fn component_prefix_cmp_is_not_a_consent_manager() {
    assert!(verdict("cmp-container").boiler.is_none());
    assert!(verdict("cmp-text cmp-title").boiler.is_none());
    assert_eq!(verdict("cmp-banner").boiler, Some(Category::Cookie));
    assert_eq!(verdict("qc-cmp2-container").boiler, Some(Category::Cookie));
    assert_eq!(verdict("cmpbox").boiler, Some(Category::Cookie));
}

#[test]
fn content_tokens() {
    assert!(verdict("entry-content clearfix").content_strong);
    assert!(verdict("articleBody").content_strong);
    assert!(verdict("story-body__inner").content_strong);
    let v = verdict("comment-content");
    assert!(!v.content_strong);
    assert_eq!(v.boiler, Some(Category::Comments));
    assert!(verdict("sr-only").hidden);
    assert!(!verdict("field--label-visually_hidden").hidden);
    assert!(verdict("label visually-hidden").hidden);
    assert!(verdict("screen-reader-text").hidden);
}

#[test]
fn a_forms_answer_to_its_submission_is_hidden() {
    assert!(verdict("w-form-done").hidden);
    assert!(verdict("w-form-fail").hidden);
    assert!(verdict("form-success-message").hidden);
    // The form itself and its fields are on show.
    assert!(!verdict("w-form").hidden);
    assert!(!verdict("form-field").hidden);
    assert!(!verdict("contact-form").hidden);
}

#[test]
fn language_tokens_come_from_lang() {
    assert_eq!(verdict("kommentare-liste").boiler, Some(Category::Comments));
    assert_eq!(verdict("bloc-publicite").boiler, Some(Category::Ads));
    assert_eq!(verdict("lire-aussi").boiler, Some(Category::Related));
    assert_eq!(verdict("lire").boiler, None);
    assert_eq!(verdict("autor").boiler, Some(Category::Byline));
    assert_eq!(verdict("autor-box").boiler, Some(Category::AuthorBio));
    assert!(verdict("artikel-inhalt").content_strong);
    assert!(!verdict("inhalt").content_strong);
}
