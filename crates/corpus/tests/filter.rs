//! `--lang` and `--min-words`.

use deboil_corpus::filter::parse_languages;
use deboil_corpus::{FilterError, Filters, Rejection};

#[test]
fn language_codes_are_639_3_or_639_1_in_any_case() {
    assert_eq!(
        parse_languages("eng,fr, DE ,eng").unwrap(),
        ["eng", "fra", "deu"]
    );
    assert_eq!(parse_languages("und").unwrap(), ["und"]);
    assert_eq!(
        parse_languages("eng,xx").unwrap_err(),
        FilterError::UnknownLanguage("xx".into())
    );
    assert_eq!(parse_languages(" , ").unwrap_err(), FilterError::Empty);
}

#[test]
fn filters_say_why_a_document_goes() {
    let filters = Filters::new(Some("en,fra"), Some(50)).unwrap();
    assert_eq!(filters.check("eng", 50), None);
    let wrong = filters.check("deu", 500).unwrap();
    assert_eq!(
        wrong,
        Rejection::Language {
            found: "deu".into()
        }
    );
    assert_eq!(wrong.to_string(), "filtered: language deu (--lang)");
    let short = filters.check("fra", 12).unwrap();
    assert_eq!(
        short.to_string(),
        "filtered: 12 words, fewer than 50 (--min-words)"
    );
    assert!(Filters::new(None, None).unwrap().is_empty());
    assert_eq!(Filters::new(None, None).unwrap().check("und", 0), None);
}
